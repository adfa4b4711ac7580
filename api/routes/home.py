"""Health check and the home page (``guanxi.viz.pages.home_page``)."""

from __future__ import annotations

import asyncio
from concurrent.futures import Future, ThreadPoolExecutor

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from guanxi.api.cache import cached
from guanxi.api.deps import ReadDep, StoreDep
from guanxi.api.models import Health
from guanxi.graph.errors import StoreError
from guanxi.viz.pages import home_page

router = APIRouter(tags=["home"])


@router.get("/", response_class=HTMLResponse, include_in_schema=False, dependencies=[ReadDep])
def home(store: StoreDep, request: Request):
    return cached(request, None, lambda: home_page(store.overview()))


# the character 关 on the ORG colour: browsers ask every site for /favicon.ico
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#4e79a7"/>'
    '<text x="16" y="24" font-size="22" text-anchor="middle" fill="#fff">关</text></svg>'
)


@router.get("/favicon.ico", include_in_schema=False)
def favicon():
    return Response(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


PING_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="guanxi-ping")
COUNT_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="guanxi-count")
COUNTS_WAIT_S = 0.15
PING_WAIT_S = 1.0
_counting: dict[int, Future] = {}  # the one count in flight per store


@router.get("/health", response_model=Health, summary="Is the service up, and what does the store hold")
async def health(store: StoreDep):
    """Answered on threads of its own, so it never waits behind user queries for a request
    thread; the counts are left out when the store cannot give them within 150 ms (one count at a
    time is asked for, however many health checks come)."""
    try:
        alive = await asyncio.wait_for(asyncio.wrap_future(PING_THREAD.submit(store.ping)), PING_WAIT_S)
    except TimeoutError:
        alive = False
    if not alive:
        raise StoreError(f"The store at {store.uri} does not answer")
    pending = _counting.get(id(store))
    if pending is not None and not pending.done():
        return {"ok": True, "store": store.uri, "counts": None}  # the last count is still waiting
    pending = _counting[id(store)] = COUNT_THREAD.submit(store.counts)
    try:
        counts = await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(pending)), COUNTS_WAIT_S)
    except TimeoutError:
        counts = None
    return {"ok": True, "store": store.uri, "counts": counts}
