"""Analytics over the whole stored graph (``guanxi.graph.analytics``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from guanxi.api.cache import cached
from guanxi.api.deps import ReadDep, StoreDep
from guanxi.api.models import KeyPlayers
from guanxi.api.routes.entities import EntityType
from guanxi.graph.analytics import key_players

router = APIRouter(prefix="/analytics", tags=["analytics"], dependencies=[ReadDep])


@router.get("/key-players", response_model=KeyPlayers, summary="The most central entities, group actions down-weighted")
def get_key_players(
    store: StoreDep,
    request: Request,
    type: EntityType = None,
    top: Annotated[int, Query(ge=1, le=500)] = 20,
    co_occurrence: Annotated[bool, Query(description="count co-occurrence too, not only typed relations")] = False,
):
    def compute():
        rows = key_players(store.relation_graph(co_occurrence), type, top)
        return {"data": rows, "count": len(rows)}

    return cached(request, KeyPlayers, compute)
