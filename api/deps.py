"""Dependencies shared by the routes: the store, and the API key checks.

They are ``async def`` because they do no I/O: FastAPI runs a plain ``def`` dependency in its
thread pool, a hop that cost each request about a millisecond."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Header, Request

from guanxi.cypher.store import GraphStore
from guanxi.graph.errors import GuanxiError


class Unauthorized(GuanxiError):
    """A write without the right API key."""


class Busy(GuanxiError):
    """The server runs as many expensive requests as it takes; answered 503 with Retry-After."""


async def get_store(request: Request) -> GraphStore:
    return request.app.state.store


StoreDep = Annotated[GraphStore, Depends(get_store)]


def key_accepted(expected: str | None, sent: str | None) -> bool:
    """The server has a key and the request sent it (compared in constant time)."""
    if not expected or not sent:
        return False
    return secrets.compare_digest(sent.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))


def write_refusal(settings, sent: str | None) -> str | None:
    """Why a write with the key ``sent`` is refused, or None when it is allowed."""
    if not settings.api_key:
        return "Writes are disabled: set GUANXI_API_KEY on the server, then send it in the X-API-Key header"
    if not key_accepted(settings.api_key, sent):
        return "Missing or wrong API key: send the server's GUANXI_API_KEY in the X-API-Key header"
    return None


def read_refusal(settings, sent: str | None) -> str | None:
    """Why a read with the key ``sent`` is refused (only when reads are protected), or None."""
    return write_refusal(settings, sent) if settings.protect_reads else None


async def require_write_key(request: Request, x_api_key: Annotated[str | None, Header()] = None) -> None:
    if refusal := write_refusal(request.app.state.settings, x_api_key):
        raise Unauthorized(refusal)


async def require_read_key(request: Request, x_api_key: Annotated[str | None, Header()] = None) -> None:
    if refusal := read_refusal(request.app.state.settings, x_api_key):
        raise Unauthorized(refusal)


WriteDep = Depends(require_write_key)
ReadDep = Depends(require_read_key)
