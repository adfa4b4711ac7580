"""The store interface. ``FalkorDBStore`` and ``Neo4jStore`` share every method below; each only
says how to run one query (``_run``) and which dialect its query files are in.

Provenance lives in the store: every ``Document`` node keeps its article's contribution (JSON),
and every entity and relationship is the sum of the contributions that name it. Adding a document
writes its contribution and recomputes what it touches; removing one deletes it and recomputes
the same; ``rebuild`` recomputes everything.
"""

from __future__ import annotations

import functools
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from contextlib import nullcontext
from dataclasses import astuple, dataclass

import networkx as nx

from guanxi.cypher import queries, traversal
from guanxi.cypher.readonly import check_params, check_read_only, with_row_cap
from guanxi.cypher.records import entity_public
from guanxi.cypher.rows import (
    batches,
    document_row,
    document_rows,
    edge_row,
    entity_rows,
    form_keys,
    form_rows,
    mention_rows,
    node_row,
    relation_rows,
    stub_row,
    tallied,
)
from guanxi.graph.contribution import (
    Aggregate,
    Contribution,
    Draft,
    RelationEnds,
    aggregate,
    contribute,
    evidence_order,
    touched,
)
from guanxi.graph.errors import Ambiguous, NotFound
from guanxi.graph.identity import lookup_keys
from guanxi.graph.records import Article
from guanxi.graph.schema import ENTITY_TYPES, RELATION_TYPES, TYPED_RELATION_TYPES

BATCH_SIZE = 5000
ADD_BATCH = 50  # articles `add` writes before it recomputes what they touch
TOTAL_TTL_S = 10.0
RESOLVE_SUGGESTIONS = 5  # names offered when a name is not found
ROW_CAP = 1000  # rows a user query gives at most
ARTICLE_FIELDS = ("id", "document", "title", "date", "url", "source", "format", "author", "text")  # of article()


def described(hits: list[dict]) -> str:
    """Search hits as a user reads them: 腾讯公司 (ORG, org-1a2b3c4d5e6f), …"""
    return ", ".join(f"{h['name']} ({h['type']}, {h['id']})" for h in hits)


@dataclass(frozen=True)
class LoadReport:
    entities: int
    relationships: int
    documents: int
    mentions: int


def form_key_list(type_: str, forms: list[str]) -> list[str]:
    return [f"{t}:{f}" for t, f in lookup_keys(type_, forms)]


class BatchForms:
    """Resolves names for ``contribute`` during a batch of ``add`` as if each article before had been
    recomputed: by the store's entities and those of the batch's earlier articles, which the store
    will know by their forms once the batch is recomputed (an entity's forms only grow with articles)."""

    def __init__(self, store: GraphStore):
        self.store = store
        self.pending: dict[str, str] = {}
        self.added: dict[str, Contribution] = {}  # by article id, in the order they came

    def resolve(self, type_: str, forms: list[str]) -> str | None:
        return self.store._resolve_keys(form_key_list(type_, forms), self.pending)

    def add(self, c: Contribution) -> None:
        self.added[c.doc.id] = c
        for nid, part in c.entities.items():
            for k in form_key_list(part.type, part.forms):
                self.pending.setdefault(k, nid)

    def remove(self, article_id: str) -> None:
        """Forget an article of the batch that a later one replaces."""
        if self.added.pop(article_id, None) is not None:
            self.pending.clear()
            for c in list(self.added.values()):
                self.add(c)


@dataclass(frozen=True)
class ChangeReport:
    documents: int  # documents added or removed
    replaced: int  # documents that were already stored and got replaced
    entities: int  # entities written or deleted
    relationships: int  # relationships written or deleted


def exclusive(method):
    """Run a write that spans several queries under the store's writer lock."""

    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        with self._exclusive():
            return method(self, *args, **kwargs)

    return locked


class GraphStore:
    dialect = ""
    uri = ""
    form_nodes = False  # names kept as indexed :Form nodes (stores that cannot index list elements)
    _total: tuple[int, float] | None = None  # (sentences in the corpus, when read); see total_sentences

    # --- what each store implements -------------------------------------------------------
    def _run(
        self,
        query: str,
        params: dict | None = None,
        write: bool = False,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> list[dict]:
        """Run one query; reads in a read-only transaction. A store may stop reading after
        ``row_cap`` + 1 rows."""
        raise NotImplementedError

    def _read_all(self, queries: list[tuple[str, dict]]) -> list[list[dict]]:
        """Several reads whose answers are needed together; a store may send them at once."""
        return [self._run(query, params) for query, params in queries]

    def close(self) -> None:
        pass

    def ping(self) -> bool:
        """Whether the database answers; cheap, and not queued behind running queries."""
        return True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _q(self, name: str, **slots) -> str:
        return queries.query_text(name, self.dialect, **slots)

    def generation(self) -> int:
        """A number that changes whenever the graph is written (by any process)."""
        rows = self._run(self._q("generation"))
        return (rows[0]["generation"] if rows else 0) or 0

    def _bump(self) -> None:
        """Mark the graph changed (for every process's caches) once a write is done and durable;
        first recompute the co-occurrences' NPMI, which the write's new sentence total moved."""
        self._total = None
        self._run(self._q("refresh_npmi"), write=True)
        self._run(self._q("bump_generation"), write=True)
        self._durable()

    def _durable(self) -> None:
        """Return once the writes so far survive a crash of the database (nothing here: a server
        of one's own is configured for that by its operator)."""

    def _write(self, name: str, rows: list, batch_size: int = BATCH_SIZE, param: str = "rows", **slots) -> None:
        for batch in batches(rows, batch_size):
            self._run(self._q(name, **slots), {param: batch}, write=True)

    # --- schema and bulk loading ----------------------------------------------------------
    def _count(self, name: str, **slots) -> int:
        rows = self._run(self._q(name, **slots))
        return rows[0]["n"] if rows else 0

    def _exclusive(self):
        """Held around each write that spans several queries (load, add, remove, rebuild, clear) so
        that two processes never interleave theirs; nothing here (a store may provide a lock)."""
        return nullcontext()

    def _create_entities(self, label: str, rows: list[dict], batch_size: int) -> None:
        """A bulk load's entities of a label the store holds none of yet."""
        self._write("create_entities", rows, batch_size, label=label)

    def _endpoints(self, relationships: Mapping[str, Iterable[dict]]):
        """What a store reads once before a bulk load's relationships to find their endpoints
        faster than by the id index (nothing here)."""
        return None

    def _write_relations(self, name: str, rows: Iterable[dict], batch_size: int, rel_type: str, endpoints) -> None:
        """A bulk load's relationships of one type (``name`` is create_ or merge_relations)."""
        self._write(name, rows, batch_size, type=rel_type)

    def ensure_schema(self) -> None:
        for statement in queries.statements("schema", self.dialect):
            self._run(statement, write=True)

    def load(self, graph: nx.MultiDiGraph, batch_size: int = BATCH_SIZE, progress=None) -> LoadReport:
        """Batched UNWIND … MERGE: entities (and their name index), documents with their
        contributions and mentions, then relationships grouped by type. Idempotent: loading the
        same graph twice changes no counts."""
        return self.load_rows(
            entity_rows(graph), relation_rows(graph), document_rows(graph), mention_rows(graph), batch_size, progress
        )

    @exclusive
    def load_rows(
        self,
        entities: dict[str, list[dict]],
        relationships: Mapping[str, Iterable[dict]],
        documents: Iterable[dict] = (),
        mentions: Iterable[dict] = (),
        batch_size: int = BATCH_SIZE,
        progress=None,
    ) -> LoadReport:
        """``load`` from rows (entity rows by label, relationship rows by type). Relationship,
        document and mention rows may be generators: they are read once, a batch at a time."""
        self.ensure_schema()
        tick = progress or (lambda n: None)
        for label in ENTITY_TYPES:
            rows = entities.get(label, [])
            # a label or type the store does not hold yet is created, not merged: twice as fast, and
            # a load interrupted midway is merged when re-run, so it never duplicates
            if self._count("any_entity", label=label):
                self._write("merge_entities", rows, batch_size, label=label)
            else:
                self._create_entities(label, rows, batch_size)
            tick(len(rows))
        if self.form_nodes:
            self._write("merge_forms", form_rows(n for rows in entities.values() for n in rows), batch_size)
        counted = Counter()  # documents and mentions may be generators: counted as they are written
        self._write("merge_documents", tallied(documents, counted, "documents"), batch_size)
        self._write("merge_mentions", tallied(mentions, counted, "mentions"), batch_size)
        endpoints = self._endpoints(relationships)
        for rel_type, rows in sorted(relationships.items()):
            name = "merge_relations" if self._count("any_relation", type=rel_type) else "create_relations"
            before = counted["relationships"]
            self._write_relations(name, tallied(rows, counted, "relationships"), batch_size, rel_type, endpoints)
            tick(counted["relationships"] - before)
        self._bump()
        return LoadReport(
            sum(len(v) for v in entities.values()),
            counted["relationships"],
            counted["documents"],
            counted["mentions"],
        )

    @exclusive
    def clear(self) -> None:
        self._run(self._q("clear"), write=True)
        self._bump()

    # --- incremental updates --------------------------------------------------------------
    def contribution(self, doc_id: str) -> Contribution | None:
        rows = self._run(self._q("document"), {"id": doc_id})
        return Contribution.from_json(rows[0]["contribution"]) if rows and rows[0]["contribution"] else None

    def resolve_forms(self, type_: str, forms: list[str]) -> str | None:
        """The id of the stored entity of this type known by the first of these forms' keys that names one."""
        return self._resolve_keys(form_key_list(type_, forms))

    def _resolve_keys(self, keys: list[str], pending: Mapping[str, str] | None = None) -> str | None:
        found = {r["key"]: r["id"] for r in self._run(self._q("resolve_forms"), {"keys": keys})}
        if pending:
            found = {k: found.get(k) or pending.get(k) for k in keys}
        return next((found[k] for k in keys if found.get(k)), None)

    def documents_of(self, doc_id: str) -> list[str]:
        """Stored article ids of an input document id (or of an article id)."""
        return [r["id"] for r in self._run(self._q("documents_of"), {"id": doc_id})]

    def add(self, articles: Iterable[Article | Draft], batch_size: int = ADD_BATCH) -> ChangeReport:
        """Add processed articles (or their drafts). Whatever is stored of the same input document (or article id)
        is removed first, so re-adding a changed document replaces its contribution. ``articles`` may be
        a generator that extracts as it goes: they are written ``batch_size`` at a time, each batch under
        the writer lock, and what a batch touches is recomputed once (an entity named by every article of
        a batch is read back once, not once per article)."""
        self.ensure_schema()
        total = ChangeReport(0, 0, 0, 0)
        cleared: set[str] = set()
        added: set[str] = set()
        try:
            for batch in batches(articles, batch_size):
                with self._exclusive():
                    done = self._add_batch(batch, cleared, added)
                total = ChangeReport(*(a + b for a, b in zip(astuple(total), astuple(done))))
        except Exception as error:
            try:
                self._bump()  # what was written before the failure counts too (co-occurrence scores, caches)
            except Exception as also:
                error.add_note(f"refreshing the store after the articles written before this error failed too: {also}")
            raise
        self._bump()
        return total

    def _add_batch(self, articles: list[Article | Draft], cleared: set[str], added: set[str]) -> ChangeReport:
        nodes: set[str] = set()
        relations: dict[str, RelationEnds] = {}
        try:
            replaced, entities, relationships = self._write_batch(articles, cleared, added, nodes, relations)
        except Exception as error:
            # the articles written before the error count in the graph at once, not at the next rebuild
            try:
                self._recompute(nodes, relations)
            except Exception as also:
                error.add_note(f"recomputing what the batch's earlier articles touched failed too: {also}")
            raise
        e, r = self._recompute(nodes, relations)
        return ChangeReport(len(articles), replaced, entities + e, relationships + r)

    def _write_batch(
        self,
        articles: list[Article | Draft],
        cleared: set[str],
        added: set[str],
        nodes: set[str],
        relations: dict[str, RelationEnds],
    ) -> tuple[int, int, int]:
        """Write a batch's articles and what they replace (what is stored of their documents, once a
        call: ``cleared``; an article this call added before: ``added``); collect in ``nodes`` and
        ``relations`` what they touch. (replaced documents, entities and relationships the replacements changed)."""
        replaced = entities = relationships = 0
        batch_forms = BatchForms(self)
        for article in articles:
            parent = article.document_id or article.id
            stale = [key for key in (parent, article.id) if key not in cleared]
            cleared.update(stale)
            old_ids = {old for key in stale for old in self.documents_of(key)}
            if article.id in added:  # the same article twice in one call: the later version wins
                old_ids.add(article.id)
            added.add(article.id)
            for old in sorted(old_ids):
                batch_forms.remove(old)
                e, r = self._remove_article(old)
                replaced, entities, relationships = replaced + 1, entities + e, relationships + r
            c = contribute(article, batch_forms.resolve)
            batch_forms.add(c)
            more_nodes, more_relations = touched(c)  # before the writes: a failed write leaves no stub behind
            nodes |= more_nodes
            relations.update(more_relations)
            for label in ENTITY_TYPES:
                stubs = [stub_row(nid, label) for nid, part in c.entities.items() if part.type == label]
                self._write("merge_entity_stubs", stubs, label=label)
            self._write("merge_documents", [document_row(c.doc.as_dict(), c.to_json())])
            self._write(
                "merge_mentions",
                [{"document": c.doc.id, "entity": nid, "count": part.mentions} for nid, part in c.entities.items()],
            )
        return replaced, entities, relationships

    @exclusive
    def remove(self, doc_id: str) -> ChangeReport:
        """Remove a document (an article id, or an input document id with all its articles): its
        contribution is subtracted, and entities and relationships left without evidence are deleted."""
        ids = self.documents_of(doc_id)
        if not ids:
            raise NotFound(
                f"Document \"{doc_id}\" not found; list documents with `guanxi cypher 'MATCH (d:Document) RETURN d.id'`"
            )
        entities = relationships = 0
        for article_id in ids:
            e, r = self._remove_article(article_id)
            entities, relationships = entities + e, relationships + r
        self._bump()
        return ChangeReport(len(ids), 0, entities, relationships)

    def _remove_article(self, article_id: str) -> tuple[int, int]:
        c = self.contribution(article_id)
        self._run(self._q("delete_document"), {"id": article_id}, write=True)
        return self._recompute(*touched(c)) if c else (0, 0)

    @exclusive
    def rebuild(self) -> ChangeReport:
        """Recompute every entity and relationship from the stored contributions."""
        contributions = [
            Contribution.from_json(r["contribution"])
            for r in self._run(self._q("all_contributions"))
            if r["contribution"]
        ]
        ids = {r["id"] for r in self._run(self._q("all_entity_ids"))}
        rels = {r["id"]: RelationEnds(r["type"], r["head"], r["tail"]) for r in self._run(self._q("all_relations"))}
        e, r = self._apply(aggregate(contributions, ids, rels))
        self._bump()
        return ChangeReport(len(contributions), 0, e, r)

    def _recompute(self, node_ids: set[str], relations: dict[str, RelationEnds]) -> tuple[int, int]:
        endpoints = node_ids | {end for ends in relations.values() for end in (ends.head, ends.tail)}
        rows = self._run(self._q("contributions_for"), {"ids": sorted(endpoints)})
        contributions = [Contribution.from_json(r["contribution"]) for r in rows if r["contribution"]]
        return self._apply(aggregate(contributions, node_ids, relations))

    def _apply(self, result: Aggregate) -> tuple[int, int]:
        """Write recomputed nodes and edges; delete the ones no contribution names any more."""
        by_label = defaultdict(list)
        for n in result.nodes:
            by_label[n["type"]].append(node_row(n))
        for label, rows in by_label.items():
            self._write("merge_entities", rows, label=label)
        if self.form_nodes:
            self._sync_forms(result.nodes, {n["id"] for n in result.nodes} | set(result.gone_nodes), result.gone_nodes)
        else:
            self._write("delete_entities", result.gone_nodes, param="ids")
        edges = defaultdict(list)
        for e in result.edges:
            edges[e["type"]].append(edge_row(e, e["head"], e["tail"]))
        for rel_type, rows in edges.items():
            self._write("merge_relations", rows, type=rel_type)
        gone_edges = defaultdict(list)
        for rid, ends in result.gone_edges.items():
            gone_edges[ends.type].append({"id": rid, "head": ends.head, "tail": ends.tail})
        for rel_type, rows in gone_edges.items():
            self._write("delete_relations", rows, type=rel_type)
        return result.changed

    def _sync_forms(self, nodes: list[dict], node_ids: set[str], gone_nodes: list[str]) -> None:
        """Keep the :Form nodes of these entities equal to their current names and aliases."""
        keys = {n["id"]: form_keys(n) for n in nodes}
        old = defaultdict(list)
        for r in self._run(self._q("entity_forms"), {"ids": sorted(node_ids)}):
            old[r["entity"]].append(r["key"])
        self._write("drop_stale_forms", [{"entity": nid, "keys": ks} for nid, ks in keys.items()])
        self._write("merge_forms", [{"entity": nid, "key": k} for nid, ks in keys.items() for k in ks])
        self._write("delete_entities", gone_nodes, param="ids")
        self._write("drop_orphan_forms", sorted({k for ks in old.values() for k in ks}), param="keys")

    # --- reads ------------------------------------------------------------------------------
    def counts(self) -> dict:
        rows = self._run(self._q("counts"))
        return rows[0] if rows else {"entities": 0, "relationships": 0, "documents": 0}

    def dossier(self, entity_id: str, limit: int = 200) -> tuple[dict, dict]:
        """An entity's public record with the reasons its names were merged, and its neighborhood
        of one hop (at most ``limit`` entities)."""
        rows = self.read("entity", {"id": entity_id})
        if not rows:
            raise NotFound(f'Entity "{entity_id}" not found')
        stored = rows[0]["entity"]
        entity = entity_public(stored) | {"merge_reasons": list(stored.get("merge_reasons") or [])}
        return entity, self.neighborhood(entity_id, depth=1, limit=limit)

    def article(self, doc_id: str) -> dict:
        """One stored article: id, title, date, source, format, pages (of a PDF), text, the entities it names (with the
        forms it uses) and the typed relations it gives (with their evidence)."""
        rows = self.read("document_record", {"id": doc_id})
        if not rows:
            raise NotFound(f'No article "{doc_id}"; the home page lists the latest')
        stored = rows[0]["document"]
        part = Contribution.from_json(stored["contribution"]) if stored.get("contribution") else None
        entities = part.entities if part else {}
        names = {r["id"]: entity_public(r) for r in self.read("entities_by_id", {"ids": sorted(entities)})}
        return {
            **{k: stored.get(k) for k in ARTICLE_FIELDS},
            "pages": list(stored.get("pages") or []),
            "entities": [
                names.get(nid, {"id": nid, "name": e.forms[0] if e.forms else nid, "type": e.type})
                | {"forms": e.forms, "mentions": e.mentions}
                for nid, e in entities.items()
            ],
            "relations": [
                {"id": rid, "type": r.type, "head": r.head, "tail": r.tail, "title": r.title, "evidence": r.evidence}
                for rid, r in (part.relations.items() if part else ())
                if r.type != "CO_OCCURS"
            ],
        }

    def relation_graph(self, co_occurrence: bool = False):
        """The entities and their relations as a networkx graph (``graph.analytics.entity_graph``)."""
        from guanxi.graph.analytics import entity_graph

        entities = self.read("entity_names")
        return entity_graph(entities, self.read("relation_graph", {"co_occurrence": co_occurrence}))

    def dated_relations(self, rels: list[str] | None = None, entity_id: str | None = None) -> list[dict]:
        """Relations of the given types (every typed one by default; of one entity where given)
        with their first and last seen dates."""
        return self.read("relation_timeline", {"rels": list(rels or TYPED_RELATION_TYPES), "entity": entity_id})

    def inventory(self) -> dict:
        """Every entity and typed relation, with names and dates: what ``analytics.changes`` compares."""
        entities, relations = self._read_all([(self._q("entity_inventory"), {}), (self._q("relation_inventory"), {})])
        return {"entities": entities, "relations": relations}

    def overview(self, per_type: int = 8, documents: int = 10) -> dict:
        """What a home page shows: for each entity type its count and most mentioned entities,
        the relationship and document counts, and the newest articles."""
        types = [
            {"type": r["type"], "total": r["total"], "top": [entity_public(e) for e in r["top"]]}
            for r in self.read("top_entities", {"per_type": per_type})
        ]
        latest = self.read("latest_documents", {"limit": documents})
        return {"counts": self.counts(), "types": types, "latest": latest}

    def snapshot(self) -> list[dict]:
        """Every entity with its outgoing relationships: two equal snapshots are two equal graphs."""
        out = []
        for row in self._run(self._q("snapshot")):
            rels = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in row["relations"] if r[0])
            out.append({"entity": row["entity"], "relations": rels})
        return out

    def search(self, q: str, type: str | None = None, limit: int = 20) -> list[dict]:
        rows = self._run(self._q("search"), {"q": q, "type": type, "limit": limit})
        return [entity_public(r["entity"]) | {"match": ("exact", "prefix", "substring")[r["rank"]]} for r in rows]

    def entity_record(self, entity_id: str) -> dict:
        """The public record of one entity."""
        rows = self.read("entity", {"id": entity_id})
        if not rows:
            raise NotFound(f'Entity "{entity_id}" not found; search with GET /entities?q=NAME or `guanxi search NAME`')
        return entity_public(rows[0]["entity"])

    def read(self, name: str, params: dict | None = None, **slots) -> list[dict]:
        """The rows of one of the package's read queries (``cypher/NAME.cypher``)."""
        return self._run(self._q(name, **slots), params)

    def entity(self, entity_id: str, related: int = 10) -> dict:
        out = self.entity_record(entity_id)
        top = self.read("top_related", {"id": entity_id, "limit": related})
        out["related"] = [
            {"entity": entity_public(r["entity"]), "type": r["type"], "weight": r["weight"], "title": r.get("title")}
            for r in top
        ]
        return out

    def resolve(self, name_or_id: str, type: str | None = None) -> str:
        """The id of the entity that ``name_or_id`` is the id, the name or an alias of. A name that
        several entities bear raises ``Ambiguous`` with them; a name no entity bears raises
        ``NotFound`` with the closest names, never a guess."""
        if self.read("entity", {"id": name_or_id}):
            return name_or_id
        hits = self.search(name_or_id, type=type, limit=RESOLVE_SUGGESTIONS)
        exact = [h for h in hits if h["match"] == "exact"]
        if len(exact) == 1:
            return exact[0]["id"]
        if exact:
            raise Ambiguous(f'"{name_or_id}" names {len(exact)} entities: {described(exact)}; use an id', exact)
        hint = f"; did you mean {described(hits)}?" if hits else "; search with GET /entities?q= or `guanxi search`"
        raise NotFound(f'No entity is named "{name_or_id}"{hint}')

    def total_sentences(self) -> int:
        """Sentences in the corpus (for NPMI), re-read at most every ``TOTAL_TTL_S`` seconds and
        after this process writes."""
        now = time.monotonic()
        if self._total is None or now - self._total[1] > TOTAL_TTL_S:
            rows = self.read("total_sentences")
            self._total = ((rows[0]["total"] if rows else 0) or 0, now)
        return self._total[0]

    def neighborhood(self, entity_id: str, query: traversal.NeighborhoodQuery | None = None, **filters) -> dict:
        """Entities and relations around one (``traversal.neighborhood``); ``filters`` are the
        fields of a ``NeighborhoodQuery`` when none is given."""
        return traversal.neighborhood(self, entity_id, query or traversal.NeighborhoodQuery(**filters))

    def paths(
        self, source: str, target: str, max_hops: int = 3, rels: list[str] | None = None, limit: int = 10
    ) -> dict:
        """Shortest paths between two entities (``traversal.paths``)."""
        return traversal.paths(self, source, target, max_hops, rels, limit)

    def relation(self, relation_id: str) -> dict:
        """One relationship by id: type, head, tail, weight and the documents behind it."""
        for rel_type in RELATION_TYPES:
            rows = self.read("relation_by_id", {"id": relation_id}, type=rel_type)
            if rows:
                return rows[0]
        raise NotFound(
            f'Relation "{relation_id}" not found; relation ids are in the edges of GET /entities/ID/neighborhood'
        )

    def evidence(self, relation_id: str, offset: int = 0, limit: int = 20) -> dict:
        """Every piece of evidence of a relationship (not only the ones kept on the edge), paged,
        in the edge's order (date, document, position)."""
        rel = self.relation(relation_id)
        rows = self.read("contributions_of", {"ids": list(rel["documents"] or [])})
        items = []
        for r in rows:
            if r["contribution"]:
                part = Contribution.from_json(r["contribution"]).relations.get(relation_id)
                if part:
                    items.extend(part.evidence)
        items.sort(key=evidence_order)
        page = [dict(ev) for ev in items[offset : offset + limit]]
        self.add_titles(page)
        return {
            "relation": {k: rel[k] for k in ("id", "type", "head", "tail", "title", "weight")},
            "total": rel["evidence_total"],
            "stored": len(items),
            "offset": offset,
            "limit": limit,
            "data": page,
        }

    def add_titles(self, evidence: Iterable[dict]) -> None:
        """Give each piece of evidence its article's ``title`` (None where the article has none),
        and the article's date where the evidence has none."""
        items = list(evidence)
        ids = sorted({ev["doc_id"] for ev in items})
        articles = {r["id"]: r for r in self.read("document_titles", {"ids": ids})} if ids else {}
        for ev in items:
            article = articles.get(ev["doc_id"], {})
            ev["title"] = article.get("title")
            ev["date"] = ev.get("date") or article.get("date")

    def detail_rows(self, node_ids: list[str], edges: list[dict]) -> tuple[list[dict], list[dict]]:
        """The rows of entities, and of relationships (id, title, counts, evidence), read together."""
        reads = []
        if node_ids:
            reads.append((self._q("entities_by_id"), {"ids": node_ids}))
        by_type = defaultdict(set)
        for e in edges:
            by_type[e["type"]].add(e["id"])
        types = sorted(by_type)
        if types:
            reads.append(
                (
                    queries.union_text("edge_evidence", self.dialect, types),
                    {f"ids_{t}": sorted(by_type[t]) for t in types},
                )
            )
        answers = self._read_all(reads) if reads else []
        node_rows = answers.pop(0) if node_ids else []
        return node_rows, answers[0] if answers else []

    def query(self, text: str, params: dict | None = None, timeout_ms: int = 10_000, row_cap: int = ROW_CAP) -> dict:
        """A user's read-only Cypher: writes and bad parameters refused before sending, results
        capped at ``row_cap`` by the database where the query's shape allows (``with_row_cap``)."""
        check_read_only(text)
        check_params(params or {})
        rows = self._run(
            with_row_cap(text, row_cap + 1), params or {}, write=False, timeout_ms=timeout_ms, row_cap=row_cap
        )
        return {"rows": rows[:row_cap], "truncated": len(rows) > row_cap, "row_cap": row_cap}
