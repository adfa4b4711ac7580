"""Health check and the home page: a search box that opens views."""

from __future__ import annotations

import asyncio
from concurrent.futures import Future, ThreadPoolExecutor

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from guanxi.api.deps import StoreDep
from guanxi.api.models import Health
from guanxi.graph.errors import StoreError

router = APIRouter(tags=["home"])

HOME = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>guanxi</title>
<style>body{font-family:system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 16px}
input{font-size:16px;padding:6px;width:70%}li{margin:4px 0}small{color:#666}</style></head>
<body><h1>guanxi 关系</h1><p><small>STATS</small></p>
<form id="f"><input id="q" placeholder="搜索实体 search an entity, e.g. 工信部" autofocus>
<button>Search</button></form><ul id="hits"></ul>
<p><small><a href="/docs">API docs</a></small></p>
<script>
document.getElementById("f").onsubmit = async function (ev) {
  ev.preventDefault();
  var q = document.getElementById("q").value.trim(); if (!q) return;
  var r = await fetch("/entities?limit=20&q=" + encodeURIComponent(q)); var body = await r.json();
  var ul = document.getElementById("hits"); ul.innerHTML = "";
  (body.data || []).forEach(function (e) {
    var li = document.createElement("li"); var a = document.createElement("a");
    a.href = "/entities/" + encodeURIComponent(e.id) + "/view"; a.textContent = e.name;
    li.appendChild(a); li.appendChild(document.createTextNode(" " + e.type + " · " + (e.mentions || 0) + " mentions"));
    ul.appendChild(li);
  });
  if (!(body.data || []).length) ul.innerHTML = "<li>no match</li>";
};
</script></body></html>"""


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(store: StoreDep):
    c = store.counts()
    stats = f"{c['entities']} entities · {c['relationships']} relations · {c['documents']} documents"
    return HTMLResponse(HOME.replace("STATS", stats))


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
