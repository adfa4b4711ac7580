"""Relations: their evidence, paged; and shortest paths between two entities."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from guanxi.api.cache import cached
from guanxi.api.deps import ReadDep, StoreDep
from guanxi.api.models import EvidencePage, Paths
from guanxi.api.routes.entities import Rels
from guanxi.cypher.traversal import split_names
from guanxi.graph.errors import NotFound
from guanxi.graph.schema import RELATION_TYPES
from guanxi.viz.pages import paths_page

router = APIRouter(tags=["relations"], dependencies=[ReadDep])


@router.get(
    "/relations/{relation_id}/evidence",
    response_model=EvidencePage,
    summary="Every piece of evidence of a relation, paged",
)
def get_evidence(
    store: StoreDep,
    request: Request,
    relation_id: str,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
):
    return cached(request, EvidencePage, lambda: store.evidence(relation_id, offset=offset, limit=limit))


@router.get("/paths", response_model=Paths, summary="Shortest paths between two entities, evidence on each hop")
def get_paths(
    store: StoreDep,
    request: Request,
    from_: Annotated[str, Query(alias="from", min_length=1, description="an entity id, name or alias")],
    to: Annotated[str, Query(min_length=1, description="an entity id, name or alias")],
    max_hops: Annotated[int, Query(ge=1, le=4)] = 3,
    rel: Rels = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
):
    rels = list(split_names(rel, RELATION_TYPES, "relation type"))

    def compute():
        return store.paths(store.resolve(from_), store.resolve(to), max_hops=max_hops, rels=rels, limit=limit)

    return cached(request, Paths, compute)


@router.get("/paths/view", response_class=HTMLResponse, include_in_schema=False)
def view_paths(
    store: StoreDep,
    from_: Annotated[str, Query(alias="from")] = "",
    to: str = "",
    max_hops: Annotated[int, Query(ge=1, le=4)] = 3,
):
    """The path page: a form, and the shortest paths between two names with the evidence of each hop."""
    found, error = None, None
    if from_.strip() and to.strip():
        try:
            found = store.paths(store.resolve(from_.strip()), store.resolve(to.strip()), max_hops=max_hops)
        except NotFound as e:  # an unknown or ambiguous name is shown on the page, beside the form
            error = str(e)
    return HTMLResponse(paths_page(from_, to, max_hops, found, error))
