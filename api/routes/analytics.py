"""Analytics over the whole stored graph (``guanxi.graph.analytics``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from guanxi.api.cache import cached
from guanxi.api.deps import ReadDep, StoreDep
from guanxi.api.models import Communities, KeyPlayers, Timeline
from guanxi.api.routes.entities import EntityType, Rels
from guanxi.cypher.traversal import split_names
from guanxi.graph.analytics import communities, key_players, timeline
from guanxi.graph.schema import RELATION_TYPES

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


@router.get("/timeline", response_model=Timeline, summary="Relations by the month they were first seen")
def get_timeline(
    store: StoreDep,
    request: Request,
    rel: Rels = None,
    entity: Annotated[str | None, Query(description="only the relations of this entity (an id, name or alias)")] = None,
):
    def compute():
        rels = list(split_names(rel, RELATION_TYPES, "relation type"))
        months = timeline(store.dated_relations(rels, store.resolve(entity) if entity else None))
        return {"data": months, "count": sum(m["count"] for m in months)}

    return cached(request, Timeline, compute)
