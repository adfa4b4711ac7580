"""Answers to reads, kept until the graph changes.

Each entry remembers the store's generation (a counter every write bumps, in whatever process),
so a cached answer is served only while the graph is exactly what it was computed from.
"""
from __future__ import annotations

from collections import OrderedDict
from threading import Lock
from typing import Callable

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

MAX_ENTRIES = 4096


class ResponseCache:
    def __init__(self, max_entries: int = MAX_ENTRIES):
        self.entries: OrderedDict[str, tuple[int, bytes, str]] = OrderedDict()
        self.max_entries = max_entries
        self.lock = Lock()

    def get(self, key: str, generation: int) -> tuple[bytes, str] | None:
        with self.lock:
            hit = self.entries.get(key)
            if hit is None or hit[0] != generation:
                return None
            self.entries.move_to_end(key)
            return hit[1], hit[2]

    def put(self, key: str, generation: int, body: bytes, media_type: str) -> None:
        with self.lock:
            self.entries[key] = (generation, body, media_type)
            self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)


def cached(request: Request, model: type[BaseModel] | None, compute: Callable[[], object]) -> Response:
    """The answer for this URL: from the cache while the graph is unchanged, else computed (and,
    for JSON, validated against ``model``). ``model`` None means ``compute`` returns HTML."""
    store, cache = request.app.state.store, request.app.state.cache
    key = f"{request.url.path}?{request.url.query}"
    generation = store.generation()
    hit = cache.get(key, generation)
    if hit is not None:
        return Response(hit[0], media_type=hit[1])
    value = compute()
    if model is None:
        response = HTMLResponse(value)
    else:
        response = Response(model.model_validate(value).model_dump_json(by_alias=True), media_type="application/json")
    cache.put(key, generation, response.body, response.media_type)
    return response
