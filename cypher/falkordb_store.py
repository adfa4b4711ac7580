"""FalkorDB through the ``falkordb`` client: the embedded default, or an existing server by URL."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterable, Sized
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from itertools import chain
from operator import itemgetter
from urllib.parse import urlparse

from guanxi.cypher import falkordb_bulk as bulk
from guanxi.cypher.embedded import EmbeddedServer
from guanxi.cypher.rows import batches
from guanxi.cypher.store import BATCH_SIZE, GraphStore
from guanxi.graph.collector import cycle_collection_paused
from guanxi.graph.errors import StoreError
from guanxi.graph.schema import ENTITY_TYPES

GRAPH_NAME = "guanxi"
HANDLE_BATCH = 10_000  # entity ids per node-id lookup
WRITER_LOCK_TTL_MS = 300_000  # a lock left by a writer that died lapses after this long; writes renew it
WRITER_LOCK_WAIT_S = 120.0
# no statement guanxi sends runs this long (writes go in batches, reads have their own timeouts): a
# server that has not answered by then hangs, and the caller gets an error instead of waiting forever
ANSWER_TIMEOUT_S = 600.0
# deletes the lock only if it is still the one this writer took
RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


class FalkorDBStore(GraphStore):
    dialect = "falkordb"

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 6379,
        graph: str = GRAPH_NAME,
        server: EmbeddedServer | None = None,
        password: str | None = None,
        answer_timeout_s: float = ANSWER_TIMEOUT_S,
    ):
        from falkordb import FalkorDB

        self.server = server
        self.uri = f"falkor://{host}:{port}"
        self.answer_timeout_s = answer_timeout_s
        try:
            self.db = FalkorDB(host=host, port=port, password=password, socket_timeout=answer_timeout_s)
            self.db.connection.ping()
        except Exception as e:
            raise StoreError(
                f"Could not reach FalkorDB at {self.uri}: {e}. Check that the server runs and "
                f"GUANXI_STORE points at it (or use GUANXI_STORE=embedded)"
            ) from e
        self.graph = self.db.select_graph(graph)
        self.lock_wait_s = WRITER_LOCK_WAIT_S
        self._lock = threading.local()  # per thread: the API runs requests on several
        self._sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="guanxi-falkordb")

    @classmethod
    def embedded(cls, data_dir, graph: str = GRAPH_NAME) -> FalkorDBStore:
        server = EmbeddedServer(data_dir)
        port = server.start()
        return cls("127.0.0.1", port, graph, server=server)

    @classmethod
    def from_url(cls, url: str, graph: str = GRAPH_NAME) -> FalkorDBStore:
        u = urlparse(url)
        return cls(u.hostname or "127.0.0.1", u.port or 6379, graph, password=u.password)

    def ensure_schema(self) -> None:
        from guanxi.cypher import queries

        for statement in queries.statements("schema", self.dialect):
            try:
                self._run(statement, write=True)
            except StoreError as e:  # FalkorDB has no IF NOT EXISTS
                if "already indexed" not in str(e):
                    raise

    def _run(self, query, params=None, write=False, timeout_ms=None, row_cap=None):
        return self._execute(with_params(query, params), write, timeout_ms)

    def _write(self, name, rows, batch_size=BATCH_SIZE, param="rows", **slots) -> None:
        for _ in self._pipelined(self._q(name, **slots), rows, batch_size, param):
            pass

    def _pipelined(self, query: str, rows: Iterable, batch_size: int, param: str):
        """Batched writes, pipelined: the next batch is encoded while the server runs this one.
        Yields each batch with what the query returned for it."""
        pending = None
        for batch in batches(rows, batch_size):
            self._renew_lock()
            text = params_header({param: batch}) + query
            if pending is not None:
                yield pending[0], pending[1].result()
            pending = (batch, self._sender.submit(self._execute, text, True))
        if pending is not None:
            yield pending[0], pending[1].result()

    def _endpoints(self, relationships) -> dict[str, int]:
        """Entity id -> node id for the entities a load's relationships name, read once for all
        types: every entity's when the load is large next to the graph (collecting the ids of a
        million rows costs more than reading them all), else the ones the rows name."""
        if not all(isinstance(rows, Sized) for rows in relationships.values()):
            return self._all_node_handles()  # rows that come as they are made: nothing to count them by
        count = sum(map(len, relationships.values()))
        if count and count * 2 * 4 > self._count_entities():
            return self._all_node_handles()
        ids: set[str] = set()
        for rows in relationships.values():
            ids.update(chain.from_iterable(map(itemgetter("head", "tail"), rows)))
        return self._node_handles(ids)

    @contextmanager
    def _exclusive(self):
        """A Redis key held while this writer runs (``SET NX`` with an expiry that writes renew):
        guanxi processes sharing the server take turns, so a bulk load's node ids cannot be freed
        and reused by another process's removal halfway through."""
        if getattr(self._lock, "key", None):
            yield  # already held by this thread
            return
        key, token = f"{self.graph.name}:writer", uuid.uuid4().hex
        connection = self.db.connection
        deadline = time.monotonic() + self.lock_wait_s
        while not self._redis(connection.set, key, token, nx=True, px=WRITER_LOCK_TTL_MS):
            if time.monotonic() > deadline:
                raise StoreError(
                    f"Another process has been writing to graph {self.graph.name!r} at {self.uri} "
                    f"for over {self.lock_wait_s:.0f} s (its lock is the key {key!r}, which lapses "
                    f"{WRITER_LOCK_TTL_MS // 1000} s after its last write); try again when it is done"
                )
            time.sleep(0.05)
        self._lock.key = key
        try:
            yield
        except BaseException:
            self._lock.key = None
            with suppress(Exception):  # the write's own error is the one to report; the key lapses
                connection.eval(RELEASE, 1, key, token)
            raise
        self._lock.key = None
        self._redis(connection.eval, RELEASE, 1, key, token)

    def _renew_lock(self) -> None:
        key = getattr(self._lock, "key", None)
        if key:
            self._redis(self.db.connection.pexpire, key, WRITER_LOCK_TTL_MS)

    def _redis(self, command, *args, **kwargs):
        """One plain Redis command, its errors as StoreError."""
        try:
            return command(*args, **kwargs)
        except Exception as e:
            raise self._store_error(e) from e

    def _create_entities(self, label, rows, batch_size) -> None:
        self._bulk(
            rows,
            lambda part: (part, bulk.node_block(f"Entity:{label}", part)),
            nodes=True,
            fallback=lambda part: self._write("create_entities", part, batch_size, label=label),
        )

    def _write_relations(self, name, rows, batch_size, rel_type, endpoints) -> None:
        """Endpoints found by node id: each row carries the node ids of its two entities. A row
        whose endpoint is not in ``endpoints``, and a batch in which a row linked nothing (a node id
        freed and reused since ``_endpoints``), are re-sent through the key-based merge, which
        cannot duplicate. A type with no relationship yet is created with GRAPH.BULK."""
        handles = endpoints
        redo: list[dict] = []

        def located(part):
            found = []
            for r in part:
                (found if r["head"] in handles and r["tail"] in handles else redo).append(r)
            return found

        def block(part):
            try:
                return part, bulk.relationship_block(rel_type, part, handles)
            except bulk.MissingEndpoint:  # rare: only then is each row checked
                part = located(part)
            if not part:
                return [], b""
            try:
                return part, bulk.relationship_block(rel_type, part, handles)
            except bulk.NotEncodable:
                redo.extend(part)
                return [], b""

        if name == "create_relations":
            self._bulk(rows, block, nodes=False, fallback=redo.extend)
        else:
            query = self._q("merge_relations_by_node", type=rel_type)
            rows_with_nodes = (
                dict(r, h=handles[r["head"]], t=handles[r["tail"]])
                for part in batches(rows, batch_size)
                for r in located(part)
            )
            for batch, result in self._pipelined(query, rows_with_nodes, batch_size, "rows"):
                if result[0]["written"] < len(batch):
                    redo.extend(batch)
        if redo:
            self._write("merge_relations", redo, batch_size, type=rel_type)

    def _bulk(self, rows: Iterable[dict], block, nodes: bool, fallback) -> None:
        """GRAPH.BULK in chunks, the next chunk encoded while the server creates this one.
        ``block(part)`` gives the rows it encoded and their block; a chunk holding a value with no
        binary form goes to ``fallback`` (Cypher) instead."""

        def send(count, data):
            reply = self.db.connection.execute_command(
                "GRAPH.BULK",
                self.graph.name,
                count if nodes else 0,
                0 if nodes else count,
                1 if nodes else 0,
                0 if nodes else 1,
                data,
            )
            made = bulk.created(reply)[0 if nodes else 1]
            if made != count:
                raise StoreError(f"GRAPH.BULK created {made} of {count} {'nodes' if nodes else 'relationships'}")

        pending = None
        with cycle_collection_paused():
            for part in batches(rows, bulk.CHUNK_ROWS):
                self._renew_lock()
                try:
                    encoded, data = block(part)
                except bulk.NotEncodable:
                    fallback(part)
                    continue
                if not encoded:
                    continue
                if pending is not None:
                    pending.result()
                pending = self._sender.submit(self._guarded, send, len(encoded), data)
            if pending is not None:
                pending.result()

    def _guarded(self, fn, *args):
        try:
            return fn(*args)
        except StoreError:
            raise
        except Exception as e:
            raise self._store_error(e) from e

    def _store_error(self, e: Exception) -> StoreError:
        if "Timeout" in type(e).__name__:
            where = f" (its log: {self.server.data_dir / 'server.log'})" if self.server is not None else ""
            return StoreError(
                f"FalkorDB at {self.uri} did not answer within {self.answer_timeout_s:g} s: the server hangs or "
                f"is overloaded; restart it{where}"
            )
        if isinstance(e, (ConnectionError, OSError)) or "Connection" in type(e).__name__:
            return StoreError(f"Lost the connection to FalkorDB at {self.uri}: {e}")
        if str(e).startswith("MISCONF"):
            where = f"; see {self.server.data_dir / 'server.log'}" if self.server is not None else ""
            return StoreError(
                f"FalkorDB at {self.uri} cannot write its data to disk, so it takes no writes "
                f"(is the disk full?){where}: {e}"
            )
        return StoreError(str(e))

    def _node_handles(self, ids: set[str]) -> dict[str, int]:
        """Entity id -> FalkorDB node id, for ``ids``, looked up in batches (``_endpoints`` reads
        all of them instead when a load names much of the graph)."""
        if not ids:
            return {}
        query = self._q("node_handles")
        handles = {}
        for batch in batches(sorted(ids), HANDLE_BATCH):
            handles.update((r["id"], r["node"]) for r in self._run(query, {"ids": batch}))
        return handles

    def _all_node_handles(self) -> dict[str, int]:
        rows = self._run(self._q("all_node_handles"))
        return dict(zip(rows[0]["ids"], rows[0]["nodes"])) if rows else {}

    def _count_entities(self) -> int:
        return sum(self._count("any_entity", label=label) for label in ENTITY_TYPES)

    def _command(self, text: str, write: bool, timeout_ms: int | None = None) -> list:
        command = ["GRAPH.QUERY" if write else "GRAPH.RO_QUERY", self.graph.name, text, "--compact"]
        if timeout_ms is not None:
            command += ["timeout", int(timeout_ms)]
        return command

    def _execute(self, text: str, write: bool, timeout_ms: int | None = None) -> list[dict]:
        try:
            reply = self.db.connection.execute_command(*self._command(text, write, timeout_ms))
        except Exception as e:
            return self._failed(e, write)
        return self._rows(reply, write)

    def _read_all(self, queries):
        """The reads sent together: one round trip, and the server runs the next query while the
        reply to the one before is being read."""
        pipe = self.db.connection.pipeline(transaction=False)
        for query, params in queries:
            pipe.execute_command(*self._command(with_params(query, params), False))
        try:
            replies = pipe.execute(raise_on_error=False)
        except Exception as e:
            return [self._failed(e, False)] * len(queries)
        return [self._failed(r, False) if isinstance(r, Exception) else self._rows(r, False) for r in replies]

    def _failed(self, e: Exception, write: bool) -> list[dict]:
        if "empty key" in str(e) and not write:
            return []  # nothing loaded yet: every read is empty
        raise self._store_error(e) from e

    def _rows(self, reply: list, write: bool) -> list[dict]:
        if reply and isinstance(reply[-1], Exception):
            return self._failed(reply[-1], write)  # an error raised while the query ran
        if len(reply) < 3:
            return []  # a write that returns nothing: only statistics came back
        columns = [name for _, name in reply[0]]
        try:
            # strings and integers (most cells) are read inline rather than through a call each
            return [
                {c: v if k == 2 or k == 3 else scalar((k, v)) for c, (k, v) in zip(columns, row)} for row in reply[1]
            ]
        except NotScalar:
            # nodes, relationships, paths, dates: the client knows their compact encoding
            from falkordb.query_result import QueryResult

            return [{c: plain(v) for c, v in zip(columns, row)} for row in QueryResult(self.graph, reply).result_set]

    def _durable(self) -> None:
        if self.server is not None:
            self.server.wait_durable()

    def ping(self) -> bool:
        """The server answers (a PING is served at once, whatever queries are running)."""
        try:
            return bool(self.db.connection.ping())
        except Exception:
            return False

    def close(self) -> None:
        self._sender.shutdown(wait=True)
        try:
            self.db.connection.close()
        except Exception:
            pass
        if self.server is not None:
            self.server.stop()


def literal(value) -> str:
    """A Cypher literal for a parameter value, as FalkorDB's CYPHER header reads it.

    The client's own serializer does the same, several times slower; merges into existing labels
    and types spend most of their client time here.
    """
    t = type(value)
    if t is str:
        # FalkorDB reads the header as a C string: a NUL would end it, so it travels as U+FFFD
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\x00", "\ufffd") + '"'
    if value is None:
        return "null"
    if t is bool:
        return "true" if value else "false"
    if t is int or t is float:
        return repr(value)
    if t is list or t is tuple:
        if value and all(type(v) is str for v in value):
            return string_list(value)
        return "[" + ",".join([literal(v) for v in value]) + "]"
    if t is dict:
        return "{" + ",".join([f"`{k}`:{literal(v)}" for k, v in value.items()]) + "}"
    raise StoreError(f"cannot send a {t.__name__} as a query parameter")


def string_list(values: list[str]) -> str:
    """``literal`` of a list of strings, escaped in one pass over all of them (lists of ids are
    the most common parameter)."""
    joined = "\x01".join(values)
    if joined.count("\x01") != len(values) - 1:  # a value holds the separator itself
        return "[" + ",".join([literal(v) for v in values]) + "]"
    escaped = joined.replace("\\", "\\\\").replace('"', '\\"').replace("\x00", "\ufffd")
    return '["' + escaped.replace("\x01", '","') + '"]'


def params_header(params: dict) -> str:
    return "CYPHER " + " ".join(f"{k}={literal(v)}" for k, v in params.items()) + " "


def with_params(query: str, params: dict | None) -> str:
    """The text FalkorDB runs: the query behind a CYPHER header holding its parameters, if any."""
    return params_header(params) + query if params else query


class NotScalar(Exception):
    pass


def scalar(cell):
    """One value of a compact reply (``[type, value]``), for the types guanxi's own queries return;
    anything else raises NotScalar. The client's parser does the same several times slower, and
    reading replies was most of the time of a neighborhood."""
    kind, value = cell
    if kind == 2 or kind == 3:  # string, integer
        return value
    if kind == 1:
        return None
    if kind == 6:  # array
        return [v if k == 2 or k == 3 else scalar((k, v)) for k, v in value]
    if kind == 5:
        return float(value)
    if kind == 4:
        return value == "true"
    if kind == 10:  # map: key, value, key, value...
        return {value[i]: scalar(value[i + 1]) for i in range(0, len(value), 2)}
    raise NotScalar(kind)


def plain(value):
    """Client objects as JSON-ready maps: nodes with labels, relationships with their type."""
    from falkordb import Edge, Node, Path

    if isinstance(value, Node):
        return {"_labels": list(value.labels), **dict(value.properties)}
    if isinstance(value, Edge):
        return {"_type": value.relation, **dict(value.properties)}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes()], "relationships": [plain(e) for e in value.edges()]}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
