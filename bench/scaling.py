"""Extraction past one process: throughput of one job, of --jobs 2 and of a Dask LocalCluster of
two single-threaded workers, on a synthetic corpus made from templates at run time; and the peak
memory of an extraction over two corpus sizes (it should not grow with the corpus). Prints
figures; asserts nothing.

    python -m bench.scaling [--articles 200]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYLLABLES = "澜辰岭峰源川泰合瑞华宇恒昌启明远达盛安新通"
TRADES = ["科技", "电子", "能源", "材料", "智能", "信息", "生物", "汽车"]
SUFFIXES = ["有限公司", "股份有限公司", "集团有限公司"]
SURNAMES = "王李张刘陈杨赵黄周吴"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超"
TEMPLATES = [
    "{a}与{b}在{city}签署战略合作协议，双方将在{trade}领域开展合作。",
    "{p}出任{a}董事长，此前曾任{b}总经理。",
    "{a}发布公告称，公司与{b}共同出资设立合资公司，注册资本为{n}亿元。",
    "据了解，{a}今年以来营业收入同比增长{n}%，{trade}业务表现突出。",
    "{a}、{b}和{c}等单位联合建设的{trade}创新平台在{city}揭牌。",
    "{p}表示，{a}将继续加大研发投入，推动{trade}产业高质量发展。",
]
CITIES = ["北京", "上海", "深圳", "杭州", "成都", "武汉", "西安", "南京"]


def synthetic_articles(count: int, seed: int = 18, orgs: int = 400, people: int = 200) -> list[dict]:
    """``count`` articles of about 1,500 characters, names drawn from ``orgs`` made-up
    organizations and ``people`` people, so that the graph's size levels off while the corpus grows."""
    draw = random.Random(seed)
    orgs = [
        draw.choice(SYLLABLES) + draw.choice(SYLLABLES) + draw.choice(TRADES) + draw.choice(SUFFIXES)
        for _ in range(orgs)
    ]
    people = [draw.choice(SURNAMES) + draw.choice(GIVEN) + draw.choice(GIVEN) for _ in range(people)]
    out = []
    for k in range(count):
        sentences = []
        while sum(map(len, sentences)) < 1500:
            a, b, c = draw.sample(orgs, 3)
            fields = {"a": a, "b": b, "c": c, "p": draw.choice(people), "city": draw.choice(CITIES)}
            fields |= {"trade": draw.choice(TRADES), "n": draw.randint(2, 90)}
            sentences.append(draw.choice(TEMPLATES).format(**fields))
        out.append({"id": f"s{k}", "text": "".join(sentences), "date": f"2025-{k % 12 + 1:02d}-15"})
    return out


def write_corpus(path: Path, count: int, **names) -> int:
    rows = synthetic_articles(count, **names)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return sum(len(r["text"]) for r in rows)


def timed(engine: dict, corpus: Path) -> float:
    """Wall seconds to extract ``corpus`` (worker start and model loads included)."""
    from guanxi.graph.pipeline import extract_documents
    from guanxi.graph.sources import read_sources

    docs, _ = read_sources([str(corpus)])
    t0 = time.perf_counter()
    for _ in extract_documents(docs, **engine):
        pass
    return time.perf_counter() - t0


def child_peaks(*command: str) -> tuple[float, float]:
    """Peak resident memory (MB) of a `guanxi` ``command`` run in a process of its own: of the
    process itself and of its largest worker."""
    code = (
        "import resource, sys; from guanxi.api.cli import cli\n"
        "try:\n    cli(sys.argv[1:], standalone_mode=False)\n"
        "finally:\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    )
    argv = [sys.executable, "-c", code, *command]
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    own, children = done.stderr.strip().splitlines()[-1].split()
    return int(own) / 1024, int(children) / 1024


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args(argv)
    import dask
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        chars = write_corpus(corpus, args.articles)
        from guanxi.graph.ner import load_model

        print(f"throughput on {args.articles} synthetic articles ({chars:,} characters):")
        t0 = time.perf_counter()
        load_model()
        print(f"  one process: model load  {time.perf_counter() - t0:.1f} s")
        one = timed({}, corpus)
        print(f"  one process, model loaded  {chars / one:,.0f} characters/s ({one:.1f} s)")
        two = timed({"jobs": 2}, corpus)
        print(
            f"  --jobs 2, worker start included  {chars / two:,.0f} characters/s ({two:.1f} s), "
            f"{one / two:.2f}x one process"
        )
        tiny = Path(tmp) / "one.jsonl"
        write_corpus(tiny, 1)
        start = timed({"jobs": 2}, tiny)
        print(
            f"  --jobs 2 after its start ({start:.1f} s: spawn, imports, model load, one article)  "
            f"{one / (two - start):.2f}x one process"
        )
        # the workers' statistical profiler samples every 10 ms: about 10% of the time here (docs/scaling.md)
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
                on_dask = timed({"dask": cluster.scheduler_address}, corpus)
        print(
            f"  Dask LocalCluster, 2 workers of 1 thread, model loads included  {chars / on_dask:,.0f} characters/s "
            f"({on_dask:.1f} s), {one / on_dask:.2f}x one process, {two / on_dask:.2f}x --jobs 2"
        )
        print("peak memory of guanxi extract --jobs 2, main process / largest worker:")
        for count in (args.articles, 4 * args.articles):
            size = write_corpus(corpus, count)
            own, worker = child_peaks("extract", str(corpus), "--jobs", "2", "-o", "/dev/null")
            print(f"  {count} articles ({size / 1e6:.1f} M characters)  {own:.0f} MB / {worker:.0f} MB")
        print("peak memory of guanxi build --no-load --jobs 2 over 20 organizations and 10 people, main process:")
        for count in (args.articles, 4 * args.articles):
            size = write_corpus(corpus, count, orgs=20, people=10)
            own, _ = child_peaks("build", str(corpus), "--no-load", "--jobs", "2")
            print(f"  {count} articles ({size / 1e6:.1f} M characters)  {own:.0f} MB")
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
