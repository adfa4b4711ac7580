"""The graph's schema, in one place: entity and relation types, and the properties of what the
stores keep. Rows, store records, CSV files, API models and views are derived from it, and a test
checks every ``.cypher`` file against it (see ``../shared/spec/schema.md`` for the definitions).

Adding a relation type is one ``RelationType`` here; adding a stored property is one
``Property`` in the list of what carries it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class RelationType:
    name: str
    head: tuple[str, ...]  # entity types the relation may start at
    tail: tuple[str, ...]  # ... and end at
    directed: bool = True  # undirected ones are stored with head id < tail id
    titled: bool = False  # the title (a role) is part of the relation's identity
    help: str = ""


ENTITY_TYPES = ("ORG", "PERSON", "POLICY", "PROJECT")

RELATIONS = (
    RelationType("PARTNERS_WITH", ("ORG",), ("ORG",), directed=False, help="two organizations work together"),
    RelationType("ISSUED", ("ORG",), ("POLICY",), help="a body issued a policy"),
    RelationType("HOLDS_ROLE", ("PERSON",), ("ORG",), titled=True, help="a person holds a title at an organization"),
    RelationType("PARTICIPATES_IN", ("ORG",), ("PROJECT",), help="an organization builds, leads or joins a project"),
    RelationType("SUBSIDIARY_OF", ("ORG",), ("ORG",), help="an organization is a unit or subsidiary of another"),
    RelationType("REGULATES", ("ORG",), ("ORG",), help="a regulator acted on an organization"),
    RelationType("INVESTS_IN", ("ORG",), ("ORG", "PROJECT"), help="an organization invests in or buys another"),
    RelationType("CO_OCCURS", ENTITY_TYPES, ENTITY_TYPES, directed=False, help="two entities named in one sentence"),
)
RELATION = {r.name: r for r in RELATIONS}
RELATION_TYPES = tuple(r.name for r in RELATIONS)
UNDIRECTED = frozenset(r.name for r in RELATIONS if not r.directed)
TYPED_RELATION_TYPES = tuple(t for t in RELATION_TYPES if t != "CO_OCCURS")  # what a sentence says, not where


def oriented(type_: str, head: str, tail: str) -> tuple[str, str]:
    """The two ends as a relation of this type is stored: an undirected one in sorted order."""
    if type_ in UNDIRECTED and tail < head:
        return tail, head
    return head, tail


def identity_title(type_: str, title: str | None) -> str | None:
    """The part of a relation's title that belongs to its identity (a role's title), else None."""
    return title if RELATION[type_].titled else None


def relation_key(type_: str, head: str, tail: str, title: str | None) -> tuple:
    """What tells two relations apart: type, ends, and the title where it is part of the identity."""
    return type_, head, tail, identity_title(type_, title)


def relation_id(type_: str, head: str, tail: str, title: str | None = None) -> str:
    """The stable id of a relation between two node ids (``title`` only counts where titled)."""
    key = f"{type_}:{head}:{tail}:{identity_title(type_, title) or ''}"
    return f"rel-{hashlib.sha1(key.encode()).hexdigest()[:16]}"


def edge_key(type_: str, title: str | None) -> str:
    """The key of an edge among the edges between the same two nodes of the networkx graph."""
    return f"{type_}:{title or ''}" if RELATION[type_].titled else type_


def entity_id(type_: str, key: str) -> str:
    return f"{type_.lower()}-{hashlib.sha1(f'{type_}:{key}'.encode()).hexdigest()[:12]}"


# --- properties ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Property:
    name: str
    type: str  # str, int, float, list (of strings), json (a string holding JSON)
    help: str
    public: bool = True  # part of the records the API and the CLI show
    optional: bool = False  # may be null

    @property
    def empty(self):
        """The value of a property nothing has contributed to yet."""
        return [] if self.type == "list" else None if self.optional else 0 if self.type in ("int", "float") else ""


ENTITY = (
    Property("id", "str", "stable id: the type and a hash of the canonical name"),
    Property("name", "str", "canonical name"),
    Property("type", "str", "ORG, PERSON, POLICY or PROJECT"),
    Property("aliases", "list", "other names the documents use"),
    Property("mentions", "int", "mentions in all documents"),
    Property("sentences", "int", "sentences that mention it (for co-occurrence NPMI)"),
    Property("document_count", "int", "documents that mention it"),
    Property("first_seen", "str", "date of the earliest document that mentions it", optional=True),
    Property("last_seen", "str", "date of the latest document that mentions it", optional=True),
    Property("merge_reasons", "list", "why names were merged into this entity", public=False),
    Property("keys", "list", "lookup keys of every name (type:name), for entity resolution", public=False),
)

EDGE = (
    Property("id", "str", "stable id: a hash of type, ends and (for roles) title"),
    Property("weight", "int", "sentences of evidence"),
    Property(
        "specificity",
        "float",
        "the weight with each piece of evidence counted as 1/(parties - 1): a two-party agreement 1, "
        "each pair of a campaign of eight bodies 1/7; what rankings of partners go by",
        optional=True,
    ),
    Property("title", "str", "the title of a HOLDS_ROLE", optional=True),
    Property("documents", "list", "ids of the documents with evidence", public=False),
    Property("document_count", "int", "documents with evidence"),
    Property("evidence", "json", "up to 20 evidence records: document, sentence, offsets, rule, confidence, parties"),
    Property("evidence_sentences", "list", "the sentences of those records, as plain text, for Cypher's CONTAINS"),
    Property("evidence_total", "int", "all evidence ever counted"),
    Property(
        "npmi",
        "float",
        "CO_OCCURS only: normalized pointwise mutual information of the two entities over the corpus's "
        "sentences, in [-1, 1]; recomputed after every write",
        optional=True,
    ),
    Property("rules", "list", "the rules and models that found it", public=False),
    Property("first_seen", "str", "date of the earliest evidence", optional=True, public=False),
    Property("last_seen", "str", "date of the latest evidence", optional=True, public=False),
)

DOCUMENT = (
    Property("id", "str", "article id"),
    Property("document", "str", "the input document it came from (a digest holds several articles)"),
    Property("title", "str", "title", optional=True),
    Property("date", "str", "date (YYYY-MM-DD or as given)", optional=True),
    Property("url", "str", "address", optional=True),
    Property("source", "str", "file it was read from", optional=True),
    Property("format", "str", "how the input document was read: text, jsonl, pdf, docx or html", optional=True),
    Property("pages", "list", "the pages of a PDF the article is on (empty for other documents)"),
    Property("author", "str", "a web page's author, from its metadata", optional=True),
    Property("sentences", "int", "sentences in its text"),
    Property("text", "str", "its cleaned text, which evidence offsets refer to", optional=True),
    Property("contribution", "json", "what it adds to the graph (entities, relations, evidence)", optional=True),
)

# bookkeeping the stores keep beside the graph: property names by label or relationship type
BOOKKEEPING = {
    "GuanxiCounter": ("id", "generation"),
    "Meta": ("id",),  # an older release's name for GuanxiCounter, removed at the next write
    "Form": ("key",),
    "MENTIONS": ("count",),
    "NAMES": (),
}


def names(properties: tuple[Property, ...], public_only: bool = False) -> tuple[str, ...]:
    return tuple(p.name for p in properties if p.public or not public_only)


ENTITY_FIELDS = names(ENTITY)
ENTITY_PUBLIC = names(ENTITY, public_only=True)
EDGE_FIELDS = names(EDGE)
DOCUMENT_FIELDS = names(DOCUMENT)
