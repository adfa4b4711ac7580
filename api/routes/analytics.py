"""Analytics over the whole stored graph (``guanxi.graph.analytics``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from guanxi.api.cache import cached
from guanxi.api.deps import ReadDep, StoreDep
from guanxi.api.models import Communities, KeyPlayers
from guanxi.api.routes.entities import EntityType
from guanxi.graph.analytics import communities, key_players

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


@router.get("/communities", response_model=Communities, summary="Groups of entities more related to each other")
def get_communities(
    store: StoreDep,
    request: Request,
    top: Annotated[int, Query(ge=1, le=200)] = 10,
    members: Annotated[int, Query(ge=1, le=100)] = 8,
    co_occurrence: Annotated[bool, Query(description="count co-occurrence too, not only typed relations")] = False,
):
    def compute():
        rows = communities(store.relation_graph(co_occurrence), top, members)
        return {"data": rows, "count": len(rows)}

    return cached(request, Communities, compute)
