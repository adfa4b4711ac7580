"""Answers to reads, kept until the graph changes.

Each entry remembers the store's generation (a counter every write bumps, in whatever process),
so a cached answer is served only while the graph is what it was computed from; a write by another
process is seen within ``GENERATION_TTL_S``, one by this process at once.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from threading import Lock

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from guanxi.api.deps import read_refusal

MAX_ENTRIES = 4096
MAX_BYTES = 64 * 1024 * 1024  # per worker: a view is up to a megabyte, so entries alone do not bound memory
GENERATION_TTL_S = 0.25  # how long a worker trusts the generation it last read


class ResponseCache:
    """Least recently used answers, at most ``max_entries`` of them and ``max_bytes`` in all."""

    def __init__(
        self, max_entries: int = MAX_ENTRIES, generation_ttl_s: float = GENERATION_TTL_S, max_bytes: int = MAX_BYTES
    ):
        self.entries: OrderedDict[str, tuple[int, bytes, str]] = OrderedDict()
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self.lock = Lock()
        self.generation_ttl_s = generation_ttl_s
        self._generation: tuple[int, float] | None = None

    def generation(self, store) -> int:
        """The store's generation, re-read at most every ``generation_ttl_s`` seconds: a write by
        another process shows after at most that long; ``forget`` makes this process see its own
        writes at once."""
        known = self.known_generation()
        if known is None:
            known = store.generation()
            self._generation = (known, time.monotonic())
        return known

    def known_generation(self) -> int | None:
        """The generation last read, while it is fresh; None when it would have to be read again
        (the middleware then lets the route, on a worker thread, read it)."""
        known = self._generation
        if known is None or time.monotonic() - known[1] > self.generation_ttl_s:
            return None
        return known[0]

    def forget(self) -> None:
        self._generation = None

    def get(self, key: str, generation: int) -> tuple[bytes, str] | None:
        with self.lock:
            hit = self.entries.get(key)
            if hit is None or hit[0] != generation:
                return None
            self.entries.move_to_end(key)
            return hit[1], hit[2]

    def put(self, key: str, generation: int, body: bytes, media_type: str) -> None:
        if len(body) > self.max_bytes:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            self.bytes += len(body) - (len(old[1]) if old else 0)
            self.entries[key] = (generation, body, media_type)
            while len(self.entries) > self.max_entries or self.bytes > self.max_bytes:
                _, (_, dropped, _) = self.entries.popitem(last=False)
                self.bytes -= len(dropped)


def cache_key(path: str, query: str) -> str:
    return f"{path}?{query}"


def cached(
    request: Request, model: type[BaseModel] | None, compute: Callable[[], object], media_type: str | None = None
) -> Response:
    """The answer for this URL: from the cache while the graph is unchanged, else computed (and,
    for JSON, validated against ``model``). ``model`` None means ``compute`` returns HTML, or the
    body of ``media_type`` (a figure) when that is given."""
    store, cache = request.app.state.store, request.app.state.cache
    key = cache_key(request.url.path, request.url.query)
    generation = cache.generation(store)
    hit = cache.get(key, generation)
    if hit is not None:
        return Response(hit[0], media_type=hit[1])
    value = compute()
    if media_type is not None:
        response = Response(value, media_type=media_type)
    elif model is None:
        response = HTMLResponse(value)
    else:
        response = Response(model.model_validate(value).model_dump_json(by_alias=True), media_type="application/json")
    cache.put(key, generation, response.body, response.media_type)
    return response


class CachedReads:
    """ASGI middleware: a GET whose answer is cached for the current graph is sent from here,
    before routing, parameter validation and the thread pool the routes run in. Only answers that
    were computed once (so were valid) are in the cache; with read protection on, the key is
    checked as the routes would, and anything else goes the normal way."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET":
            return await self.app(scope, receive, send)
        hit = self.lookup(scope)
        if hit is None:
            return await self.app(scope, receive, send)
        body, media_type = hit
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", media_type.encode()),
                    (b"content-length", str(len(body)).encode()),
                    (b"x-guanxi-cache", b"hit"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def lookup(scope) -> tuple[bytes, str] | None:
        state = scope["app"].state
        store, cache, settings = (getattr(state, name, None) for name in ("store", "cache", "settings"))
        if store is None or cache is None:
            return None
        if settings is not None and settings.protect_reads:  # headers are read only when needed
            sent = dict(scope["headers"]).get(b"x-api-key", b"").decode("latin-1")
            if read_refusal(settings, sent):
                return None
        key = cache_key(scope["path"], scope["query_string"].decode("latin-1"))
        if key not in cache.entries:
            return None  # nothing to serve: no need to ask the store (it may be busy)
        generation = cache.known_generation()
        return None if generation is None else cache.get(key, generation)
