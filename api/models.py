"""API shapes (pydantic stays at the edge; the library speaks dicts and dataclasses). The fields of
entities and edges are the schema's public properties (``guanxi.graph.schema``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, create_model, model_validator

from guanxi.graph.schema import EDGE, ENTITY, Property

PYTHON_TYPES = {"str": str, "int": int, "float": float, "list": list[str]}


def schema_fields(properties: tuple[Property, ...], required: tuple[str, ...], **given) -> dict:
    """pydantic field definitions of the public ``properties``: ``required`` ones must be there,
    lists default to empty, anything else to null; ``given`` replaces or adds definitions."""
    out = {}
    for p in properties:
        if not p.public:
            continue
        kind = PYTHON_TYPES.get(p.type, Any)
        if p.name in required:
            out[p.name] = (kind, Field(description=p.help))
        elif p.type == "list":
            out[p.name] = (kind, Field([], description=p.help))
        else:
            out[p.name] = (kind | None, Field(None, description=p.help))
    return out | given


EntityPublic = create_model("EntityPublic", **schema_fields(ENTITY, required=("id", "name", "type")))


class SearchHit(EntityPublic):
    match: str = Field(description="exact, prefix or substring")


class EntitiesPublic(BaseModel):
    data: list[SearchHit]
    count: int


class Related(BaseModel):
    entity: EntityPublic
    type: str
    weight: float | None = None
    specificity: float | None = Field(None, description="the weight, a group action counting less (see EdgePublic)")
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
    parties: int = Field(2, description="bodies the sentence links this way at once (a two-party deal: 2)")
    title: str | None = Field(None, description="the title of the article the sentence is from")
    page: int | None = Field(None, description="the page of a PDF the sentence is on (absent for other documents)")


_edge = schema_fields(
    EDGE,
    required=("id",),
    npmi=(float | None, Field(None, description="normalized PMI of a CO_OCCURS edge")),
    evidence=(list[Evidence], Field([], description="the first evidence records")),
)
EdgePublic = create_model(
    "EdgePublic",
    id=_edge.pop("id"),
    type=(str, Field(description="relation type")),
    source=(str, Field(description="entity id the relation starts at (either end where undirected)")),
    target=(str, Field(description="entity id at the other end")),
    **_edge,
)


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
    counts: dict[str, int] | None = Field(description="null when the store was too busy to count in time")


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
    """A document's text with its id, or (without text) the address of one for the server to fetch."""

    id: str | None = Field(
        None, min_length=1, max_length=500, pattern=r"^[^\x00-\x1f\x7f]+$", description="no control characters"
    )
    text: str | None = Field(None, description="without it, the document at `url` is fetched and read")
    title: str | None = None
    date: str | None = None
    url: str | None = None

    @model_validator(mode="after")
    def text_or_address(self):
        if self.text is None and not self.url:
            raise ValueError('give "text" (with "id"), or a "url" to fetch')
        if self.text is not None and not self.id:
            raise ValueError('a document given as "text" needs an "id"')
        return self


class ChangePublic(BaseModel):
    ok: bool = True
    articles: list[str]
    documents: int
    replaced: int
    entities: int
    relationships: int


class KeyPlayer(BaseModel):
    id: str
    name: str
    type: str
    pagerank: float = Field(description="PageRank over relation strength (specificity: group actions weigh little)")
    degree: int = Field(description="entities it is related to")
    strength: float = Field(description="the summed specificity of its relations")
    betweenness: float | None = Field(
        description="share of shortest paths through it (estimated above 100 entities, left out above 20,000)"
    )


class KeyPlayers(BaseModel):
    data: list[KeyPlayer]
    count: int


class CommunityMember(BaseModel):
    id: str
    name: str
    type: str


class Community(BaseModel):
    size: int
    relations: int = Field(description="relations between its members")
    strength: float = Field(description="their summed specificity")
    members: list[CommunityMember] = Field(description="its most central members first")


class Communities(BaseModel):
    data: list[Community]
    count: int


class DatedRelation(BaseModel):
    type: str
    head: str
    tail: str
    title: str | None = None
    weight: int
    first_seen: str
    last_seen: str | None = None


class Month(BaseModel):
    month: str = Field(description="YYYY-MM")
    count: int
    relations: list[DatedRelation] = Field(description="the relations first seen that month")


class Timeline(BaseModel):
    data: list[Month]
    count: int = Field(description="relations in all")


class ChangedEntity(BaseModel):
    id: str
    name: str
    type: str
    first_seen: str | None = None
    last_seen: str | None = None


class ChangedRelation(BaseModel):
    id: str
    type: str
    head: str
    tail: str
    title: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None


class Changes(BaseModel):
    basis: str = Field(description="`previous write` or `dates`")
    since: str | None = None
    until: str | None = None
    new_entities: list[ChangedEntity]
    gone_entities: list[ChangedEntity]
    new_relations: list[ChangedRelation] = Field(description="typed relations (co-occurrence left out)")
    gone_relations: list[ChangedRelation]
