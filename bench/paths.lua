-- wrk script: each request takes a random path from the file named by GUANXI_BENCH_PATHS;
-- at the end, prints the percentiles the benchmark reports.
local paths = {}
for line in io.lines(os.getenv("GUANXI_BENCH_PATHS")) do paths[#paths + 1] = line end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT p50=%.1f p95=%.1f p99=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout))
end
