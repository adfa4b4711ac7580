"""Reliability figures (issue 20's failure modes, each tried for real; numbers, no pass/fail):

- concurrent cold starts: two `guanxi add` at once on a fresh data folder, N tries: documents lost;
- kill -9 of the store right after acknowledged adds, N tries: documents lost;
- /health latency (p50, p95) while 12 expensive user Cypher queries run;
- seconds to extract one unpunctuated line of 100 kB and 1 MB;
- a hostile probe of the API: answers by status code (a 500 is a bug).

    python -m bench.reliability [--tries 20]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from bench.api import free_port, percentile

ROOT = Path(__file__).resolve().parent.parent
GUANXI = [sys.executable, "-m", "guanxi.api.cli"]


def guanxi(data: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, GUANXI_DATA=str(data), GUANXI_STORE="embedded")
    return subprocess.run([*GUANXI, *args], env=env, capture_output=True, text=True, timeout=300, **kwargs)


def documents(data: Path) -> int:
    out = guanxi(data, "cypher", "MATCH (d:Document) RETURN count(d) AS n").stdout
    return json.loads(out)["rows"][0]["n"] if out.strip() else -1


def jsonl(folder: Path, name: str, count: int) -> Path:
    path = folder / f"{name}.jsonl"
    rows = [{"id": f"{name}-{i}", "text": f"{name}第{i}号公司与北辰科技公司签署合作协议。"} for i in range(count)]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def cold_starts(tries: int) -> dict:
    lost = 0
    for t in range(tries):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            files = [jsonl(tmp, f"t{t}{side}", 5) for side in "ab"]
            env = dict(os.environ, GUANXI_DATA=str(tmp / "data"), GUANXI_STORE="embedded")
            procs = [
                subprocess.Popen(
                    [*GUANXI, "add", str(f)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
                for f in files
            ]
            codes = [p.wait(timeout=300) for p in procs]
            acknowledged = 5 * sum(1 for c in codes if c == 0)
            lost += max(0, acknowledged - documents(tmp / "data"))
    return {"tries": tries, "documents_lost": lost}


def kills(tries: int) -> dict:
    lost = 0
    for t in range(tries):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            data = tmp / "data"
            guanxi(data, "store", "start")
            acknowledged = 3 if guanxi(data, "add", str(jsonl(tmp, f"k{t}", 3))).returncode == 0 else 0
            pid = json.loads((data / "server.json").read_text())["pid"]
            os.kill(pid, signal.SIGKILL)
            time.sleep(0.2)
            (data / "server.json").unlink(missing_ok=True)
            lost += max(0, acknowledged - documents(data))
            guanxi(data, "store", "stop")
    return {"tries": tries, "documents_lost": lost}


def serve(data: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ, GUANXI_DATA=str(data), GUANXI_STORE="embedded")
    proc = subprocess.Popen(
        [*GUANXI, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("the server did not start")


def health_under_load(base: str, seconds: float = 8.0) -> dict:
    expensive = {"query": "MATCH (a),(b),(c),(d),(e) RETURN count(*) AS n"}
    statuses: list[int] = []

    def hog():
        try:
            statuses.append(httpx.post(f"{base}/cypher", json=expensive, timeout=60).status_code)
        except httpx.HTTPError:
            statuses.append(0)

    hogs = [threading.Thread(target=hog) for _ in range(12)]
    for h in hogs:
        h.start()
    latencies, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        httpx.get(f"{base}/health", timeout=60)
        latencies.append((time.monotonic() - started) * 1000)
        time.sleep(0.05)
    for h in hogs:
        h.join()
    return {
        "health_p50_ms": round(percentile(latencies, 50), 1),
        "health_p95_ms": round(percentile(latencies, 95), 1),
        "cypher_statuses": {str(s): statuses.count(s) for s in sorted(set(statuses))},
    }


PROBE = [
    ("GET", "/entities?q=%3C", None, {}),
    ("GET", "/entities/x/neighborhood?min_weight=inf", None, {}),
    ("GET", "/entities/x/neighborhood?rel=LIKES", None, {}),
    ("GET", "/entities/x/view?depth=99", None, {}),
    ("POST", "/cypher", {"query": "RETURN 1", "params": {"a=1 MATCH (e) RETURN count(e) AS x //": 1}}, {}),
    ("POST", "/cypher", {"query": "CALL db.idx.fulltext.createNodeIndex('Entity', 'name')"}, {}),
    ("POST", "/cypher", {"query": "UNWIND range(1, 6000000) AS x RETURN x"}, {}),
    ("POST", "/cypher", {"query": "RETURN $p AS p", "params": {"p": json.loads("[" * 500 + "]" * 500)}}, {}),
    ("POST", "/cypher", {"query": "MATCH (e:Entity) DETACH DELETE e"}, {}),
    ("POST", "/documents", {"id": "x"}, {"X-API-Key": "密钥".encode()}),
    ("DELETE", "/documents/news%2F2021%2F1", None, {"X-API-Key": "wrong"}),
]


def probe(base: str) -> dict:
    codes = []
    for method, path, body, headers in PROBE:
        codes.append(httpx.request(method, base + path, json=body, headers=headers, timeout=60).status_code)
    return {
        "requests": len(codes),
        "answered_500": sum(1 for c in codes if c >= 500 and c != 503),
        "statuses": {str(c): codes.count(c) for c in sorted(set(codes))},
    }


def long_lines() -> dict:
    """Wall and CPU seconds to extract one unpunctuated line, the model loaded beforehand: words
    drawn at random (seeded, so no stretch repeats another; three times the mentions of news),
    and, where ../shared is at hand, its news corpora with every punctuation mark and line
    break taken out, repeated to 1 MB."""
    import random
    import re

    from guanxi.graph.ner import load_model

    load_model()
    words = ["华为公司", "工业和信息化部", "张三", "合作", "推动", "发展", "项目", "建设", "北京", "数据中心", "的"]
    draw = random.Random(20).choice
    lines = {
        f"random_{size // 1000}k": "".join(draw(words) for _ in range(size // 3))[:size]
        for size in (100_000, 1_000_000)
    }
    corpora = [ROOT.parent / "shared" / "corpus" / name for name in ("news-train.txt", "news-dev.txt")]
    if all(p.exists() for p in corpora):
        flat = re.sub(r"[\s\W_]", "", "".join(p.read_text(encoding="utf-8") for p in corpora))
        lines["news_1000k"] = (flat * (1_000_000 // len(flat) + 1))[:1_000_000]
    return {name: timed_extraction(name, text) for name, text in lines.items()}


def timed_extraction(name: str, text: str) -> dict:
    from guanxi.graph.pipeline import extract_documents
    from guanxi.graph.records import Document

    wall, cpu = time.monotonic(), time.process_time()
    [(_, articles)] = extract_documents([Document(id=name, text=text)])
    return {
        "seconds": round(time.monotonic() - wall, 1),
        "cpu_seconds": round(time.process_time() - cpu, 1),
        "mentions": sum(len(a.mentions) for a in articles),
    }


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tries", type=int, default=20)
    args = ap.parse_args(argv)
    figures = {"cold_starts": cold_starts(args.tries), "kill_9": kills(max(1, args.tries // 2))}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        guanxi(data, "build", str(ROOT / "examples"))
        proc, base = serve(data)
        try:
            figures["health_under_load"] = health_under_load(base)
            figures["probe"] = probe(base)
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    figures["long_lines"] = long_lines()
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
