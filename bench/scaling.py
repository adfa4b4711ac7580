"""Extraction past one process: throughput of one job, of --jobs 2 and of a Dask LocalCluster of
two single-threaded workers, on a synthetic corpus made from templates at run time; and the peak
memory of an extraction and of a build over several corpus sizes, in every process (it should not
grow with the corpus). Prints figures; asserts nothing.

    python -m bench.scaling [--articles 1000] [--memory-articles 200 800 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
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


def synthetic_articles(count: int, seed: int = 18, orgs: int = 400, people: int = 200) -> Iterator[dict]:
    """``count`` articles of about 1,500 characters, names drawn from ``orgs`` made-up
    organizations and ``people`` people, so that the graph's size levels off while the corpus grows."""
    draw = random.Random(seed)
    orgs = [
        draw.choice(SYLLABLES) + draw.choice(SYLLABLES) + draw.choice(TRADES) + draw.choice(SUFFIXES)
        for _ in range(orgs)
    ]
    people = [draw.choice(SURNAMES) + draw.choice(GIVEN) + draw.choice(GIVEN) for _ in range(people)]
    for k in range(count):
        sentences = []
        while sum(map(len, sentences)) < 1500:
            a, b, c = draw.sample(orgs, 3)
            fields = {"a": a, "b": b, "c": c, "p": draw.choice(people), "city": draw.choice(CITIES)}
            fields |= {"trade": draw.choice(TRADES), "n": draw.randint(2, 90)}
            sentences.append(draw.choice(TEMPLATES).format(**fields))
        yield {"id": f"s{k}", "text": "".join(sentences), "date": f"2025-{k % 12 + 1:02d}-15"}


def write_corpus(path: Path, count: int, **names) -> int:
    size = 0
    with path.open("w", encoding="utf-8") as out:
        for row in synthetic_articles(count, **names):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            size += len(row["text"])
    return size


def timed(engine: dict, corpus: Path) -> float:
    """Wall seconds to extract ``corpus`` (worker start and model loads included)."""
    from guanxi.graph.pipeline import extract_documents
    from guanxi.graph.sources import read_sources

    docs, _ = read_sources([str(corpus)])
    t0 = time.perf_counter()
    for _ in extract_documents(docs, **engine):
        pass
    return time.perf_counter() - t0


def timed_build(engine: dict, corpus: Path) -> float:
    """Wall seconds of what `guanxi build --no-load` does with ``corpus``: extraction (workers send
    each article's draft back), then the graph's sums, with its provenance and evidence on disk."""
    from guanxi.graph.build import Provenance, build_graph
    from guanxi.graph.contribution import drafts_of
    from guanxi.graph.pipeline import extract_documents
    from guanxi.graph.sources import read_sources

    docs, _ = read_sources([str(corpus)])
    t0 = time.perf_counter()
    with Provenance() as provenance:
        extracted = extract_documents(docs, finish=drafts_of, **engine)
        build_graph((d for _, drafts in extracted for d in drafts), provenance)
    return time.perf_counter() - t0


def child_peaks(*command: str) -> tuple[float, float]:
    """Peak resident memory (MB) of a `guanxi` ``command`` run in a process of its own: of the
    process itself and of its largest worker. Read from each process's high-water mark (VmHWM in
    /proc), polled while it runs: ``ru_maxrss`` would count the memory of this process, which the
    child shares until it execs."""
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    done = subprocess.Popen([sys.executable, "-m", "guanxi.api.cli", *command], **quiet)
    peaks: dict[int, float] = {}
    while done.poll() is None:
        for pid in [done.pid, *descendants(done.pid)]:
            peaks[pid] = max(peaks.get(pid, 0.0), high_water_mb(pid))
        time.sleep(0.05)
    if done.returncode:
        raise subprocess.CalledProcessError(done.returncode, command)
    own = peaks.pop(done.pid, 0.0)
    return own, max(peaks.values(), default=0.0)


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*/children"):
            try:
                kids = [int(k) for k in task.read_text().split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


def high_water_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    line = next((x for x in status.splitlines() if x.startswith("VmHWM:")), "VmHWM: 0 kB")
    return int(line.split()[1]) / 1024


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000, help="articles of the throughput corpus")
    ap.add_argument(
        "--memory-articles",
        type=int,
        nargs="*",
        default=[200, 800],
        help="corpus sizes whose peak memory is compared (100000 takes about half an hour on 2 cores)",
    )
    ap.add_argument("--memory-commands", nargs="+", choices=["extract", "build"], default=["extract", "build"])
    ap.add_argument(
        "--add-articles", type=int, default=200, help="articles added to an embedded store, one and a batch at a time"
    )
    ap.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="rounds of alternating runs (one process, --jobs 2, Dask) whose median ratios are printed (0: none)",
    )
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.articles:
            throughput(Path(tmp), args.articles)
        if args.articles and args.rounds:
            alternating(Path(tmp), args.articles, args.rounds)
        if args.add_articles:
            adds(Path(tmp), args.add_articles)
        memory(Path(tmp), args.memory_articles, args.memory_commands)
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def throughput(tmp: Path, articles: int) -> None:
    import dask
    from distributed import LocalCluster

    from guanxi.graph.ner import load_model

    corpus = tmp / "corpus.jsonl"
    chars = write_corpus(corpus, articles)
    print(f"throughput on {articles} synthetic articles ({chars:,} characters), articles sent back as records:")
    t0 = time.perf_counter()
    load_model()
    load = time.perf_counter() - t0
    print(f"  one process: model load  {load:.1f} s")
    one = timed({}, corpus)
    print(f"  one process, model loaded  {chars / one:,.0f} characters/s ({one:.1f} s)")
    two = timed({"jobs": 2}, corpus)
    print(
        f"  --jobs 2, worker start included  {chars / two:,.0f} characters/s ({two:.1f} s), "
        f"{one / two:.2f}x one process"
    )
    tiny = tmp / "one.jsonl"
    write_corpus(tiny, 1)
    start = timed({"jobs": 2}, tiny)
    print(
        f"  --jobs 2 after its start ({start:.1f} s: spawn, imports, model load, one article)  "
        f"{one / (two - start):.2f}x one process"
    )
    from guanxi.graph.export import extract_line

    one_lines = timed({"finish": extract_line}, corpus)
    two_lines = timed({"jobs": 2, "finish": extract_line}, corpus)
    print(
        f"  as guanxi extract runs (workers make the JSON lines): one process {chars / one_lines:,.0f} characters/s, "
        f"--jobs 2 with its start {chars / two_lines:,.0f} characters/s, {one_lines / two_lines:.2f}x one process "
        f"({(one_lines + load) / two_lines:.2f}x with its model load); "
        f"after its start {one_lines / (two_lines - start):.2f}x"
    )
    one_build, two_build = timed_build({}, corpus), timed_build({"jobs": 2}, corpus)
    print(
        f"  as guanxi build --no-load runs (workers send drafts, the graph is summed here): one process "
        f"{chars / one_build:,.0f} characters/s, --jobs 2 with its start {chars / two_build:,.0f} characters/s, "
        f"{one_build / two_build:.2f}x one process ({(one_build + load) / two_build:.2f}x with its model load); "
        f"after its start {one_build / (two_build - start):.2f}x"
    )
    # the workers' statistical profiler samples every 10 ms: about 10% of the time here (docs/scaling.md)
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            on_dask = timed({"dask": cluster.scheduler_address}, corpus)
            dask_lines = timed({"dask": cluster.scheduler_address, "finish": extract_line}, corpus)
    # the machine drifts over a run this long: --jobs 2 again, right after, for a side-by-side pair
    two_lines_again = timed({"jobs": 2, "finish": extract_line}, corpus)
    print(
        f"  Dask LocalCluster, 2 workers of 1 thread, model loads included  {chars / on_dask:,.0f} characters/s "
        f"({on_dask:.1f} s), {one / on_dask:.2f}x one process, {two / on_dask:.2f}x --jobs 2"
    )
    print(
        f"  Dask LocalCluster as guanxi extract runs  {chars / dask_lines:,.0f} characters/s ({dask_lines:.1f} s), "
        f"{one_lines / dask_lines:.2f}x one process, {two_lines / dask_lines:.2f}x --jobs 2"
    )
    print(
        f"  --jobs 2 as guanxi extract runs, again right after Dask  {chars / two_lines_again:,.0f} characters/s "
        f"({two_lines_again:.1f} s): Dask {two_lines_again / dask_lines:.2f}x this run of --jobs 2"
    )


def alternating(tmp: Path, articles: int, rounds: int) -> None:
    """The ratios that noise hides in one run: one process, --jobs 2 and a Dask LocalCluster, as
    `guanxi extract` and `guanxi build --no-load` run, each round in a rotated order, and the median
    of each ratio over the rounds. --jobs 2 includes its pool's start; Dask its workers' model loads,
    on a cluster started for that run alone (its scheduler, in this process, would slow the others)."""
    from guanxi.graph.export import extract_line

    corpus = tmp / "corpus.jsonl"
    write_corpus(corpus, articles)
    seconds: dict[str, list[float]] = {}
    runs = {
        "extract, one process": lambda: timed({"finish": extract_line}, corpus),
        "extract, --jobs 2": lambda: timed({"jobs": 2, "finish": extract_line}, corpus),
        "extract, Dask": lambda: on_a_fresh_cluster(corpus, extract_line),
        "build, one process": lambda: timed_build({}, corpus),
        "build, --jobs 2": lambda: timed_build({"jobs": 2}, corpus),
    }
    names = list(runs)
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            seconds.setdefault(name, []).append(runs[name]())
    print(f"alternating runs on {articles} synthetic articles, {rounds} rounds (median ratio, lowest-highest):")
    for what, baseline, other in (  # the ratio is other's throughput over the baseline's
        ("extract --jobs 2 against one process", "extract, one process", "extract, --jobs 2"),
        ("extract Dask against --jobs 2", "extract, --jobs 2", "extract, Dask"),
        ("build --no-load --jobs 2 against one process", "build, one process", "build, --jobs 2"),
    ):
        ratios = sorted(a / b for a, b in zip(seconds[baseline], seconds[other]))
        print(f"  {what}  {statistics.median(ratios):.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f})")


def on_a_fresh_cluster(corpus: Path, finish) -> float:
    """``timed`` on a LocalCluster of two single-threaded workers started (untimed) for this run."""
    import dask
    from distributed import LocalCluster

    # the workers' statistical profiler samples every 10 ms: about 10% of the time here (docs/scaling.md)
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            return timed({"dask": cluster.scheduler_address, "finish": finish}, corpus)


def adds(tmp: Path, articles: int) -> None:
    """``guanxi add``'s store side: the same drafts added to an empty embedded store one article at a
    time, then a batch at a time. Names are drawn from 30 organizations, so every article touches
    entities that many stored documents name (what the recompute reads back)."""
    from guanxi.cypher.embedded import EmbeddedServer
    from guanxi.cypher.falkordb_store import FalkorDBStore
    from guanxi.cypher.store import ADD_BATCH
    from guanxi.graph.contribution import draft_of
    from guanxi.graph.pipeline import process
    from guanxi.graph.records import Article

    docs = list(synthetic_articles(articles, orgs=30, people=20))
    drafts = [draft_of(process(Article(id=d["id"], title="", text=d["text"], date=d["date"]))) for d in docs]
    server = EmbeddedServer(tmp / "falkordb")
    port = server.start()
    try:
        print(f"add on {articles} synthetic articles naming 30 organizations, embedded store:")
        seconds = {}
        for size in (1, ADD_BATCH):
            store = FalkorDBStore("127.0.0.1", port, graph=f"adds_{size}")
            t0 = time.perf_counter()
            store.add(drafts, batch_size=size)
            seconds[size] = time.perf_counter() - t0
            counts = store.counts()
            store.graph.delete()
            store.close()
            print(f"  {size} at a time  {articles / seconds[size]:,.1f} articles/s ({seconds[size]:.1f} s, {counts})")
        print(f"  {ADD_BATCH} at a time against one at a time  {seconds[1] / seconds[ADD_BATCH]:.1f}x")
    finally:
        server.stop()


def memory(tmp: Path, sizes: list[int], commands: list[str]) -> None:
    corpus = tmp / "corpus.jsonl"
    runs = {
        "extract": ("extract", str(corpus), "--jobs", "2", "-o", os.devnull),
        "build": ("build", str(corpus), "--no-load", "--jobs", "2"),
    }
    for command in commands:
        shown = " ".join(runs[command][:1] + runs[command][2:])
        print(f"peak memory of guanxi {shown}, main process / largest worker:")
        for count in sizes:
            size = write_corpus(corpus, count)
            t0 = time.perf_counter()
            own, worker = child_peaks(*runs[command])
            print(
                f"  {count} articles ({size / 1e6:.1f} M characters)  {own:.0f} MB / {worker:.0f} MB "
                f"({time.perf_counter() - t0:.0f} s)"
            )


if __name__ == "__main__":
    main()
