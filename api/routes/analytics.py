"""Analytics over the whole stored graph (``guanxi.graph.analytics``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from guanxi.api.cache import cached
from guanxi.api.deps import ReadDep, StoreDep
from guanxi.api.models import Changes, Communities, KeyPlayers, Timeline
from guanxi.api.routes.entities import EntityType, Rels
from guanxi.cypher.inventory import previous
from guanxi.cypher.traversal import split_names
from guanxi.graph.analytics import (
    DATE_PATTERN,
    changes,
    changes_by_date,
    communities,
    key_players,
    period_problem,
    timeline,
)
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


Date = Annotated[str | None, Query(pattern=f"^{DATE_PATTERN}$", description="YYYY-MM-DD or YYYY-MM")]


@router.get("/changes", response_model=Changes, summary="Entities and relations new or gone")
def get_changes(store: StoreDep, request: Request, since: Date = None, until: Date = None):
    """With ``since`` (and ``until``): first seen after ``since`` (new) or last seen on or before
    it (gone), by the dates of their evidence. Without: what the last build, add, remove or rebuild
    from the command line changed (404 when there was none)."""

    if problem := period_problem(since, until):
        raise HTTPException(422, problem)

    def compute():
        now = store.inventory()
        if since:
            return {"basis": "dates", "since": since, "until": until, **changes_by_date(now, since, until)}
        settings = request.app.state.settings
        return {"basis": "previous write", **changes(previous(settings.data_dir, settings.store_identity), now)}

    return cached(request, Changes, compute)
