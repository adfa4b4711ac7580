"""Read-only Cypher for users, a few at a time: each worker runs at most ``CYPHER_SLOTS`` user
queries at once, and a query that finds them all taken for ``CYPHER_WAIT_S`` is answered 503."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from guanxi.api.deps import Busy, ReadDep, StoreDep
from guanxi.api.models import CypherRequest, CypherResult
from guanxi.cypher.store import ROW_CAP
from guanxi.viz.pages import console_page

router = APIRouter(tags=["cypher"], dependencies=[ReadDep])

CYPHER_SLOTS = 4
CYPHER_WAIT_S = 2.0


@router.post("/cypher", response_model=CypherResult, summary="Run a read-only Cypher query")
def run_cypher(store: StoreDep, request: Request, body: CypherRequest):
    slots = request.app.state.cypher_slots
    if not slots.acquire(timeout=request.app.state.cypher_wait_s):
        raise Busy("Too many Cypher queries are running on this server; try again in a few seconds")
    try:
        return store.query(body.query, body.params)
    finally:
        slots.release()


@router.get("/console", response_class=HTMLResponse, include_in_schema=False)
def console(query: str | None = None, params: str | None = None):
    """The read-only Cypher console (``guanxi.viz.pages.console_page``); ``query`` and ``params``
    fill it in (a link to ``/console?query=…#run`` runs it)."""
    return HTMLResponse(console_page(ROW_CAP, query, params))
