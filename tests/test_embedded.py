"""The embedded store's lifecycle and durability, with real servers in temporary folders."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from guanxi.cypher.embedded import EmbeddedServer, ping

pytestmark = pytest.mark.slow

CLIENT = """
import sys, time
from guanxi.cypher.embedded import EmbeddedServer
server = EmbeddedServer(sys.argv[1])
print(server.start(), flush=True)
time.sleep(float(sys.argv[2]))
server.stop()
"""


def clients(folder, count, hold_s):
    procs = [
        subprocess.Popen([sys.executable, "-c", CLIENT, str(folder), str(hold_s)], stdout=subprocess.PIPE, text=True)
        for _ in range(count)
    ]
    return [int(p.communicate(timeout=60)[0].strip()) for p in procs]


def server_pid(folder):
    return json.loads((folder / "server.json").read_text())["pid"]


def test_concurrent_cold_starts_share_one_server_and_the_last_client_stops_it(tmp_path):
    for attempt in range(3):
        folder = tmp_path / f"try{attempt}"
        ports = clients(folder, 4, 0.5)
        assert len(set(ports)) == 1, ports
        assert not ping(ports[0]) and not (folder / "server.json").exists()


def test_a_client_that_leaves_first_does_not_stop_the_server_under_the_others(tmp_path):
    first, second = EmbeddedServer(tmp_path), EmbeddedServer(tmp_path)
    port = first.start()
    assert second.start() == port
    first.stop()
    assert ping(port)
    second.stop()
    assert not ping(port)


def test_acknowledged_writes_survive_a_kill_of_the_server(tmp_path):
    from guanxi.cypher.falkordb_store import FalkorDBStore
    from guanxi.graph.build import build_graph
    from tests.test_store import small_articles

    store = FalkorDBStore.embedded(tmp_path)
    report = store.load(build_graph(small_articles()))
    os.kill(server_pid(tmp_path), signal.SIGKILL)  # no chance to save a snapshot
    time.sleep(0.2)
    store.server.lease.release()
    again = FalkorDBStore.embedded(tmp_path)
    try:
        assert again.counts()["entities"] == report.entities > 0
    finally:
        again.close()


def test_the_change_counter_never_goes_back_after_a_rollback(tmp_path):
    from guanxi.cypher.falkordb_store import FalkorDBStore

    store = FalkorDBStore.embedded(tmp_path)
    try:
        store.clear()
        before = store.generation()
        store._run("MATCH (c:GuanxiCounter {id: 'graph'}) SET c.generation = 3", write=True)  # as if writes were lost
        store.clear()
        assert store.generation() > before > 1_600_000_000_000  # milliseconds of the clock
    finally:
        store.close()


def mounted_tmpfs(folder, size: str) -> bool:
    """A tiny tmpfs at ``folder``, where this process may mount one (root in a container)."""
    if os.geteuid() != 0:
        return False
    return (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
        ).returncode
        == 0
    )


def test_a_full_disk_is_an_error_not_an_acknowledged_write(tmp_path):
    from guanxi.cypher.falkordb_store import FalkorDBStore
    from guanxi.graph.errors import StoreError

    disk = tmp_path / "disk"
    disk.mkdir()
    if not mounted_tmpfs(disk, "2m"):
        pytest.skip("cannot mount a small tmpfs here (needs root and mount rights) to fill a disk")
    try:
        store = FalkorDBStore.embedded(disk / "data")
        rows = org_rows(20_000, name="甲" * 200 + "{i}")
        with pytest.raises(StoreError, match="cannot write its data to disk.*is the disk full"):
            store.load_rows({"ORG": rows}, {})
        store.close()
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def org_rows(n=50, name="甲{i}公司"):
    """Rows of ``n`` ORG entities as a load takes them; ``name`` is formatted with the number."""
    return [
        {
            "id": f"org-{i}",
            "name": name.format(i=i),
            "type": "ORG",
            "aliases": [],
            "mentions": 1,
            "sentences": 1,
            "document_count": 1,
            "first_seen": None,
            "last_seen": None,
            "merge_reasons": [],
            "keys": [],
        }
        for i in range(n)
    ]


def test_a_switch_to_the_append_only_file_cut_short_keeps_the_snapshot(tmp_path):
    from guanxi.cypher.falkordb_store import FalkorDBStore

    store = FalkorDBStore.embedded(tmp_path)
    store.load_rows({"ORG": org_rows()}, {})
    store.close()  # saved: snapshot and append-only file
    (tmp_path / "appendonlydir" / "appendonly.aof.manifest").unlink()  # as if killed mid-switch
    again = FalkorDBStore.embedded(tmp_path)
    try:
        assert again.counts()["entities"] == 50
    finally:
        again.close()


def test_a_stale_state_file_naming_another_folders_server_is_not_trusted(tmp_path):
    first = EmbeddedServer(tmp_path / "a")
    port = first.start()
    try:
        other = EmbeddedServer(tmp_path / "b")
        other.data_dir.mkdir()
        other.state_path.write_text(json.dumps({"port": port, "pid": 1}))
        assert first.running_port() == port and other.running_port() is None
    finally:
        first.stop()


def test_durability_is_waited_for_on_the_connection_that_wrote(tmp_path):
    from guanxi.cypher.embedded import commands

    server = EmbeddedServer(tmp_path)
    port = server.start()
    try:
        commands(port, [("SET", "k", "v" * 1000)])
        server.wait_durable()
        incr = next((tmp_path / "appendonlydir").glob("*.incr.aof")).read_bytes()
        assert b"guanxi:durable" in incr and b"v" * 1000 in incr
    finally:
        server.stop()


def a_server_that_loads_for(pings: int):
    """A socket on 127.0.0.1 that answers PING as a redis server reading its data from disk does
    (-LOADING) ``pings`` times, then +PONG; returns its port and the count of PINGs seen."""
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    seen = []

    def answer():
        while True:
            conn, _ = listener.accept()
            with conn:
                conn.recv(1024)
                seen.append(1)
                conn.sendall(
                    b"-LOADING Redis is loading the dataset in memory\r\n" if len(seen) <= pings else b"+PONG\r\n"
                )

    threading.Thread(target=answer, daemon=True).start()
    return listener.getsockname()[1], seen


def test_a_server_still_loading_its_data_is_waited_for():
    from guanxi.cypher.embedded import until_loaded

    port, seen = a_server_that_loads_for(3)
    assert ping(port)  # it answers, but is not ready: a query now would fail with BusyLoadingError
    until_loaded(port, timeout=30)
    assert len(seen) == 4  # LOADING to the ping above and to two more, then PONG


def test_a_server_that_never_finishes_loading_is_an_error():
    from guanxi.cypher.embedded import until_loaded
    from guanxi.graph.errors import StoreError

    port, _ = a_server_that_loads_for(10**9)
    with pytest.raises(StoreError, match="still loading its data"):
        until_loaded(port, timeout=0.3)


def test_a_server_that_stops_answering_is_an_error_not_a_wait_forever(tmp_path):
    from guanxi.cypher.falkordb_store import FalkorDBStore
    from guanxi.graph.errors import StoreError

    server = EmbeddedServer(tmp_path)
    port = server.start()
    store = FalkorDBStore("127.0.0.1", port, answer_timeout_s=1.0)
    pid = server_pid(tmp_path)
    os.kill(pid, signal.SIGSTOP)  # a hung server: it holds the connection and never answers
    try:
        started = time.monotonic()
        with pytest.raises(StoreError) as err:
            store.counts()
        assert time.monotonic() - started < 30
        assert "did not answer within 1 s" in str(err.value)
    finally:
        os.kill(pid, signal.SIGCONT)
        server.stop()
