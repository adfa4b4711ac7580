"""Read-only Cypher for users."""
from __future__ import annotations

from fastapi import APIRouter

from guanxi.api.deps import ReadDep, StoreDep
from guanxi.api.models import CypherRequest, CypherResult

router = APIRouter(tags=["cypher"], dependencies=[ReadDep])


@router.post("/cypher", response_model=CypherResult, summary="Run a read-only Cypher query")
def run_cypher(store: StoreDep, body: CypherRequest):
    return store.query(body.query, body.params)
