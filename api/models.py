"""API shapes (pydantic stays at the edge; the library speaks dicts and dataclasses)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class EntityPublic(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str] = []
    mentions: int | None = None
    document_count: int | None = None
    first_seen: str | None = None
    last_seen: str | None = None


class SearchHit(EntityPublic):
    match: str = Field(description="exact, prefix or substring")


class EntitiesPublic(BaseModel):
    data: list[SearchHit]
    count: int


class Related(BaseModel):
    entity: EntityPublic
    type: str
    weight: float | None = None
    title: str | None = None


class EntityDetail(EntityPublic):
    related: list[Related] = []


class Evidence(BaseModel):
    doc_id: str
    sentence: str
    head: list[int]
    tail: list[int]
    rule_id: str
    confidence: float = 1.0
    date: str | None = None


class EdgePublic(BaseModel):
    id: str
    type: str
    source: str
    target: str
    weight: float | None = None
    title: str | None = None
    npmi: float | None = None
    document_count: int | None = None
    evidence_total: int | None = None
    evidence: list[Evidence] = []


class Neighborhood(BaseModel):
    center: str
    depth: int
    nodes: list[EntityPublic]
    edges: list[EdgePublic]
    capped: bool = Field(description="true when the server's size cap cut the neighborhood")
    limit: int


class CypherRequest(BaseModel):
    query: str
    params: dict[str, Any] = {}


class CypherResult(BaseModel):
    rows: list[dict[str, Any]]
    truncated: bool
    row_cap: int


class Health(BaseModel):
    ok: bool
    store: str
    counts: dict[str, int]


class ErrorBody(BaseModel):
    ok: bool = False
    error: str
    status: int


class EvidencePage(BaseModel):
    relation: dict[str, Any]
    total: int | None = Field(None, description="all evidence ever counted for the relation")
    stored: int = Field(description="evidence kept in the store (at most 20 per document)")
    offset: int
    limit: int
    data: list[Evidence]


class Path(BaseModel):
    nodes: list[EntityPublic]
    edges: list[EdgePublic]


class Paths(BaseModel):
    from_: str = Field(alias="from")
    to: str
    hops: int | None
    paths: list[Path]

    model_config = {"populate_by_name": True}


class DocumentIn(BaseModel):
    id: str = Field(min_length=1, max_length=500, pattern=r"^[^\x00-\x1f\x7f]+$",
                    description="no control characters")
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


class ChangePublic(BaseModel):
    ok: bool = True
    articles: list[str]
    documents: int
    replaced: int
    entities: int
    relationships: int
