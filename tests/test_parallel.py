"""Extraction on several processes (--jobs) and on a Dask cluster gives exactly what one process
gives, in the same order, and a worker killed mid-run loses and duplicates nothing."""

import json
import os
import signal

import pytest
from click.testing import CliRunner

from guanxi.api.cli import cli
from guanxi.graph import pipeline
from guanxi.graph.export import extract_record
from guanxi.graph.records import Document
from guanxi.graph.sources import read_sources
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


def lines(pairs) -> list[str]:
    return [json.dumps(extract_record(doc, articles), ensure_ascii=False) for doc, articles in pairs]


@pytest.fixture(scope="module")
def gold_documents(gold_articles) -> list[Document]:
    return [Document(id=a["id"], text=a["text"], source="gold.jsonl") for a in gold_articles]


@pytest.fixture(scope="module")
def cluster():
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.worker.profile.enabled": False}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
            yield c


def test_two_jobs_write_what_one_writes(tmp_path):
    runner = CliRunner()
    one = runner.invoke(cli, ["extract", str(EXAMPLES), "-o", str(tmp_path / "one.jsonl")])
    two = runner.invoke(cli, ["extract", str(EXAMPLES), "--jobs", "2", "-o", str(tmp_path / "two.jsonl")])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    written = (tmp_path / "two.jsonl").read_text(encoding="utf-8")
    assert written == (tmp_path / "one.jsonl").read_text(encoding="utf-8") and written.count("\n") == 5


def test_jobs_and_dask_give_the_single_process_output_on_the_gold_articles(gold_documents, cluster, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH_CHARACTERS", 3000)  # several batches, so order matters
    one = lines(pipeline.extract_documents(gold_documents))
    assert len(one) == len(gold_documents) == 18
    assert lines(pipeline.extract_documents(gold_documents, jobs=2)) == one
    assert lines(pipeline.extract_documents(gold_documents, dask=cluster.scheduler_address)) == one


def test_workers_send_back_what_finish_makes_of_the_articles(gold_documents, cluster, monkeypatch):
    from guanxi.graph.export import extract_line

    monkeypatch.setattr(pipeline, "BATCH_CHARACTERS", 3000)
    one = [line + "\n" for line in lines(pipeline.extract_documents(gold_documents))]
    for engine in ({}, {"jobs": 2}, {"dask": cluster.scheduler_address}):
        finished = list(pipeline.extract_documents(gold_documents, finish=extract_line, **engine))
        assert [doc.id for doc, _ in finished] == [d.id for d in gold_documents]
        assert [line for _, line in finished] == one


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(gold_documents, cluster, monkeypatch):
    from distributed import Client

    monkeypatch.setattr(pipeline, "BATCH_CHARACTERS", 1000)
    one = lines(pipeline.extract_documents(gold_documents))
    with Client(cluster.scheduler_address) as client:
        pids = sorted(client.run(os.getpid).values())
    found = pipeline.extract_documents(gold_documents, dask=cluster.scheduler_address)
    first = next(found)  # the cluster is at work, with more batches out
    os.kill(pids[0], signal.SIGKILL)
    assert lines([first, *found]) == one


def test_a_build_on_dask_loads_the_graph_one_process_builds(tmp_path, cluster):
    env = {"GUANXI_DATA": str(tmp_path / "data"), "GUANXI_DASK": cluster.scheduler_address}
    done = CliRunner().invoke(cli, ["build", str(EXAMPLES), "--no-load", "--export", str(tmp_path / "g.json")], env=env)
    assert done.exit_code == 0, done.output
    alone = CliRunner().invoke(cli, ["build", str(EXAMPLES), "--no-load", "--export", str(tmp_path / "h.json")])
    assert alone.exit_code == 0 and (tmp_path / "g.json").read_bytes() == (tmp_path / "h.json").read_bytes()
    assert "5 documents" in done.output


def test_documents_are_read_as_they_are_needed(tmp_path):
    for k in range(3):
        (tmp_path / f"{k}.txt").write_text("工业和信息化部发布通知。", encoding="utf-8")
    errors = []
    from guanxi.graph.sources import iter_sources

    docs = iter_sources([str(tmp_path)], errors)
    assert next(docs).id == "0"
    (tmp_path / "2.txt").unlink()  # read only when reached
    assert [d.id for d in docs] == ["1"] and "2.txt: no such file" in str(errors[0])
    assert read_sources([str(tmp_path)])[0][-1].id == "1"


def test_an_unreachable_cluster_is_a_one_line_error(tmp_path, monkeypatch):
    from guanxi.graph import on_dask

    monkeypatch.setattr(on_dask, "CONNECT_TIMEOUT_S", 1)
    (tmp_path / "a.txt").write_text("工业和信息化部发布通知。", encoding="utf-8")
    done = CliRunner().invoke(cli, ["extract", str(tmp_path), "--dask", "tcp://127.0.0.1:9"])
    assert done.exit_code == 1
    assert done.output.startswith("Error: could not reach the Dask scheduler at tcp://127.0.0.1:9")


FAULTS_OF_BIG_ALLOCATIONS = """
import resource, sys
from guanxi.graph import config
from guanxi.graph.parallel import restore_malloc_thresholds, start_worker
if sys.argv[1] == "worker":  # as a --jobs worker starts, in a process that inherited the setting
    start_worker(config.active())
    restored = "True"
else:
    restored = restore_malloc_thresholds() if sys.argv[1] == "restore" else False
blocks = [bytearray(4 << 20) for _ in range(2)]  # the heap grows once
del blocks
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(50):
    block = bytearray(4 << 20)  # zero-filled: every page touched
    del block
print(restored, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="glibc's malloc settings are a Linux matter")
def test_a_worker_undoes_the_malloc_trimming_dask_starts_it_with():
    """Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which makes glibc map and
    unmap every large buffer: each 4 MB allocation is faulted in page by page again."""
    import subprocess
    import sys

    env = dict(os.environ, MALLOC_TRIM_THRESHOLD_="65536")

    def faults(mode: str) -> tuple[str, int]:
        out = subprocess.run(
            [sys.executable, "-c", FAULTS_OF_BIG_ALLOCATIONS, mode], env=env, capture_output=True, text=True, check=True
        )
        restored, count = out.stdout.split()
        return restored, int(count)

    as_dask_starts_it, restored = faults("as-is"), faults("restore")
    assert as_dask_starts_it[1] > 50 * 500  # about 1,024 pages a time
    assert restored == ("True", restored[1]) and restored[1] < as_dask_starts_it[1] / 10
    # a --jobs worker whose parent started a LocalCluster (it sets the variable in its own
    # environment) inherits the setting: it raises the thresholds as it starts
    assert faults("worker")[1] < as_dask_starts_it[1] / 10
