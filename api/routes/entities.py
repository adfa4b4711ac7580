"""Entities: search, one entity, its neighborhood as JSON, CSV and an interactive view, its dossier."""

from __future__ import annotations

from html import escape
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from guanxi.api.cache import cached
from guanxi.api.deps import ReadDep, StoreDep
from guanxi.api.models import EntitiesPublic, EntityDetail, Neighborhood
from guanxi.api.tables import csv_text, edge_rows
from guanxi.cypher.traversal import NeighborhoodQuery
from guanxi.graph.schema import ENTITY_TYPES
from guanxi.viz.figure import MEDIA_TYPES, figure_bytes
from guanxi.viz.pages import dossier_page
from guanxi.viz.render import render_view
from guanxi.viz.report import MEDIA_TYPES as REPORT_TYPES
from guanxi.viz.report import dossier_of, report_bytes

router = APIRouter(prefix="/entities", tags=["entities"], dependencies=[ReadDep])

EntityType = Annotated[str | None, Query(pattern="^(" + "|".join(ENTITY_TYPES) + ")$", description="entity type")]
Depth = Annotated[int, Query(ge=1, le=3, description="hops from the entity (1 to 3)")]
Rels = Annotated[str | None, Query(description="comma-separated relation types, e.g. PARTNERS_WITH,HOLDS_ROLE")]
Types = Annotated[str | None, Query(description="comma-separated entity types of neighbors, e.g. ORG,PERSON")]
MinWeight = Annotated[float, Query(ge=0, description="only edges with at least this weight")]
MinNpmi = Annotated[float, Query(ge=-1, le=1, description="only CO_OCCURS edges with at least this NPMI")]
Limit = Annotated[int, Query(ge=1, le=500, description="at most this many entities (server cap 500)")]


async def neighborhood_query(
    depth: Depth = 1,
    rel: Rels = None,
    types: Types = None,
    min_weight: MinWeight = 0,
    min_npmi: MinNpmi = -1,
    limit: Limit = 100,
) -> NeighborhoodQuery:
    """The neighborhood filters from the query string (unknown types answer 422)."""
    return NeighborhoodQuery(depth, rel, types, min_weight, min_npmi, limit)


HoodQuery = Annotated[NeighborhoodQuery, Depends(neighborhood_query)]
EntityKey = Annotated[
    str,
    Path(description="an entity id, or a name or alias that one entity bears (409 lists them where several do)"),
]


@router.get("", response_model=EntitiesPublic, summary="Search entities by name or alias")
def search_entities(
    store: StoreDep,
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    type: EntityType = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
):
    def compute():
        hits = store.search(q, type=type, limit=limit)
        return {"data": hits, "count": len(hits)}

    return cached(request, EntitiesPublic, compute)


@router.get("/{entity_id}", response_model=EntityDetail, summary="One entity with its strongest relations")
def get_entity(store: StoreDep, request: Request, entity_id: EntityKey):
    return cached(request, EntityDetail, lambda: store.entity(store.resolve(entity_id)))


@router.get("/{entity_id}/neighborhood", response_model=Neighborhood, summary="Entities and relations around one")
def get_neighborhood(store: StoreDep, request: Request, entity_id: EntityKey, query: HoodQuery):
    return cached(request, Neighborhood, lambda: store.neighborhood(store.resolve(entity_id), query))


@router.get(
    "/{entity_id}/neighborhood.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
    summary="The relations around one as CSV, for a spreadsheet",
)
def get_neighborhood_csv(store: StoreDep, entity_id: EntityKey, query: HoodQuery):
    """One row per relation: its type, both ends by name, title, weight and first evidence
    sentence. UTF-8 with a byte-order mark, so that Excel reads the Chinese right."""
    entity_id = store.resolve(entity_id)
    text = "\ufeff" + csv_text(edge_rows(store.neighborhood(entity_id, query)), spreadsheet=True)
    disposition = f'attachment; filename="{entity_id}-neighborhood.csv"'
    return Response(text, media_type="text/csv; charset=utf-8", headers={"Content-Disposition": disposition})


@router.get(
    "/{entity_id}/figure.{fmt}",
    response_class=Response,
    responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}},
    summary="A static figure of the neighborhood for reports: SVG, PNG or PDF",
)
def get_figure(
    store: StoreDep,
    request: Request,
    entity_id: EntityKey,
    query: HoodQuery,
    fmt: Annotated[str, Path(pattern="^(svg|png|pdf)$", description="svg, png or pdf")],
):
    """The same colours and shapes as the view, a legend, typed relations labelled, a caption naming
    the source articles and dates; the same neighborhood always gives the same picture."""
    return cached(
        request, None, lambda: figure_bytes(store.neighborhood(store.resolve(entity_id), query), fmt), MEDIA_TYPES[fmt]
    )


@router.get(
    "/{entity_id}/report.{fmt}",
    response_class=Response,
    responses={200: {"content": {t.split(";")[0]: {} for t in REPORT_TYPES.values()}}},
    summary="The dossier of one entity as a file for a report: Word, PDF or printable HTML",
)
def get_report(
    store: StoreDep,
    request: Request,
    entity_id: EntityKey,
    fmt: Annotated[str, Path(pattern="^(docx|pdf|html)$", description="docx, pdf or html")],
):
    """Its names and key figures, the figure of its neighborhood, its relations by type with
    evidence and sources, a timeline by month, the articles cited."""
    return cached(
        request, None, lambda: report_bytes(dossier_of(store, store.resolve(entity_id)), fmt), REPORT_TYPES[fmt]
    )


@router.get("/{entity_id}/view", response_class=HTMLResponse, summary="Interactive view of the neighborhood")
def get_view(store: StoreDep, request: Request, entity_id: EntityKey, query: HoodQuery):
    def page():
        found = store.resolve(entity_id)
        base = request.app.state.settings.public_url.rstrip("/")  # absolute links work from a saved copy too
        downloads = f"{base}/entities/{quote(found, safe='')}"
        return render_view(store.neighborhood(found, query), downloads=downloads, query=request.url.query)

    return cached(request, None, page)


@router.get("/{entity_id}/dossier", response_class=HTMLResponse, summary="A page on one entity, with its evidence")
def get_dossier(store: StoreDep, request: Request, entity_id: EntityKey):
    return cached(request, None, lambda: dossier_page(*store.dossier(store.resolve(entity_id))))


@router.get(
    "/{entity_id}/embed",
    response_class=HTMLResponse,
    summary="An <iframe> snippet that embeds the view in a report or page",
)
def get_embed(
    store: StoreDep,
    request: Request,
    entity_id: EntityKey,
    query: HoodQuery,
    width: Annotated[str, Query(pattern=r"^\d{2,4}(px|%)?$")] = "100%",
    height: Annotated[str, Query(pattern=r"^\d{2,4}(px|%)?$")] = "600",
):
    entity_id = store.resolve(entity_id)
    entity = store.entity(entity_id, related=0)
    base = request.app.state.settings.public_url or str(request.base_url)
    src = f"{base.rstrip('/')}/entities/{quote(entity_id)}/view?{urlencode(query.as_params())}"
    title = f"{entity['name']} · guanxi"
    return HTMLResponse(
        f'<iframe src="{escape(src)}" title="{escape(title)}" width="{width}" height="{height}" '
        f'style="border:0" loading="lazy"></iframe>'
    )
