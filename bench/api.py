"""HTTP benchmark: 20 concurrent clients against `guanxi serve` on 127.0.0.1, embedded store
loaded with the digest (or examples/). Bounded in requests and time; prints percentiles.

    python -m bench.api [--clients 20] [--requests 400]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
DIGEST = ROOT.parent / "shared" / "corpus" / "industry-digest-2021-11.txt"
MAX_SECONDS = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def run_load(base: str, paths: list[str], clients: int) -> tuple[list[float], int]:
    queue: asyncio.Queue = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)
    times, errors = [], 0
    deadline = time.monotonic() + MAX_SECONDS

    async def client(http: httpx.AsyncClient):
        nonlocal errors
        while not queue.empty() and time.monotonic() < deadline:
            path = queue.get_nowait()
            t0 = time.perf_counter()
            r = await http.get(base + path)
            times.append((time.perf_counter() - t0) * 1000)
            errors += r.status_code != 200

    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=clients)) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return times, errors


def run_wrk(base: str, paths: list[str], clients: int, seconds: int) -> str:
    """wrk (Debian's package) with bench/paths.lua: a C load generator, so the client does not
    compete with the server for the machine's two cores as much as a Python one would. One wrk
    thread drives all the connections (wrk is event-driven: ``-c 20`` is 20 concurrent clients);
    a second thread would take the cores the two server workers need, and on a two-core machine
    that scheduling wait, not the server, was most of the 95th percentile (1-hop p95 21-36 ms with
    two wrk threads, 7-19 ms with one)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(paths) + "\n")
    try:
        done = subprocess.run(
            ["wrk", "-t", "1", "-c", str(clients), "-d", f"{seconds}s", "-s", str(ROOT / "bench" / "paths.lua"), base],
            capture_output=True,
            text=True,
            env=dict(os.environ, GUANXI_BENCH_PATHS=f.name),
            timeout=seconds + 60,
        )
    finally:
        os.unlink(f.name)
    line = next((l for l in done.stdout.splitlines() if l.startswith("RESULT")), done.stdout[-300:])
    fields = dict(part.split("=") for part in line.split()[1:]) if line.startswith("RESULT") else {}
    if not fields:
        return f"wrk failed: {line}"
    return (
        f"{fields['requests']} requests in {seconds} s: p50 {fields['p50']} ms, p95 {fields['p95']} ms, "
        f"p99 {fields['p99']} ms, errors {fields['errors']}"
    )


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=400, help="per kind of request (distinct random paths)")
    ap.add_argument("--seconds", type=int, default=10, help="wrk: how long each kind runs")
    ap.add_argument("--workers", type=int, default=2, help="server processes")
    args = ap.parse_args(argv)
    source = DIGEST if DIGEST.exists() else ROOT / "examples"
    guanxi = [sys.executable, "-m", "guanxi.api.cli"]
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, GUANXI_DATA=data, GUANXI_STORE="embedded")
        subprocess.run(guanxi + ["build", str(source)], env=env, check=True, capture_output=True)
        port = free_port()
        server = subprocess.Popen(
            guanxi + ["serve", "--port", str(port), "--workers", str(args.workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    if httpx.get(base + "/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            entities = httpx.post(
                base + "/cypher", json={"query": "MATCH (e:Entity) RETURN e.id AS id, e.name AS name"}
            ).json()["rows"]
            articles = httpx.post(base + "/cypher", json={"query": "MATCH (d:Document) RETURN d.id AS id"}).json()[
                "rows"
            ]
            rng = random.Random(3)
            picks = [rng.choice(entities) for _ in range(args.requests)]
            others = [rng.choice(entities) for _ in range(args.requests)]
            kinds = {
                "1-hop neighborhood": [f"/entities/{quote(e['id'])}/neighborhood?depth=1" for e in picks],
                "search": [f"/entities?q={quote(e['name'][:2])}&limit=20" for e in picks],
                "view": [f"/entities/{quote(e['id'])}/view?depth=1" for e in picks],
                "home page": ["/"] * args.requests,
                "dossier page": [f"/entities/{quote(e['id'])}/dossier" for e in picks],
                "article page": [f"/documents/{quote(rng.choice(articles)['id'], safe='')}/view" for _ in picks],
                "path page": [
                    f"/paths/view?from={quote(a['id'])}&to={quote(b['id'])}&max_hops=3" for a, b in zip(picks, others)
                ],
            }
            print_largest_dossier(base)
            print(
                f"{len(entities)} entities from {source.name}; {args.clients} concurrent clients over HTTP, "
                f"127.0.0.1, {'wrk' if shutil.which('wrk') else 'httpx'}"
            )
            for kind, paths in kinds.items():
                if shutil.which("wrk"):
                    print(f"  {kind:<20} {run_wrk(base, paths, args.clients, args.seconds)}")
                    continue
                times, errors = asyncio.run(run_load(base, paths, args.clients))
                print(
                    f"  {kind:<20} {len(times)} requests: p50 {statistics.median(times):6.1f} ms, "
                    f"p95 {percentile(times, 95):6.1f} ms, errors {errors}"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)


def print_largest_dossier(base: str) -> None:
    """The size of the dossier of the entity with the most relations (the issue's bound: 1.5 MB)."""
    hub = httpx.post(
        base + "/cypher",
        json={
            "query": "MATCH (e:Entity)-[r]-(:Entity) RETURN e.id AS id, e.name AS name, count(r) AS n "
            "ORDER BY n DESC LIMIT 1"
        },
    ).json()["rows"][0]
    t0 = time.perf_counter()
    page = httpx.get(f"{base}/entities/{quote(hub['id'])}/dossier", timeout=30)
    print(
        f"dossier of the largest hub, {hub['name']} ({hub['n']} relations): {len(page.content) / 1024:.0f} KB, "
        f"{(time.perf_counter() - t0) * 1000:.0f} ms uncached"
    )


if __name__ == "__main__":
    main()
