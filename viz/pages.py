"""Server-rendered pages other than the graph view: the home page, dossiers, article and path pages,
the Cypher console. Templates autoescape every name; every asset is inline or served by the app."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from guanxi.graph.schema import ENTITY_TYPES, UNDIRECTED
from guanxi.viz.render import NODE_STYLE, environment, source_of


def chip(type_: str) -> Markup:
    """The small square of a type's colour, as the views and their legend have it."""
    return Markup('<span class="chip" style="background:{}"></span>').format(
        NODE_STYLE.get(type_, {}).get("color", "#999")
    )


def home_page(overview: dict) -> str:
    """The home page of ``GraphStore.overview()``: counts by type, search as you type with a type
    filter, the most mentioned entities of each type, the latest articles."""
    return template("home.html").render(
        types=overview["types"],
        counts=overview["counts"],
        latest=overview["latest"],
        entity_types=ENTITY_TYPES,
        chip=chip,
    )


RELATION_LABELS = {
    "PARTNERS_WITH": "合作 Partners",
    "HOLDS_ROLE": "任职 People and roles",
    "ISSUED": "发布 Policies issued",
    "REGULATES": "监管 Regulates",
    "SUBSIDIARY_OF": "隶属 Parents and units",
    "INVESTS_IN": "投资 Investments",
    "PARTICIPATES_IN": "参与 Projects",
}
TOGETHER = 20  # co-occurring entities listed on a dossier


def dossier_page(entity: dict, hood: dict) -> str:
    """One entity's page: names, counts and dates, its typed relations grouped by type with their
    evidence (strongest and most specific first), who it is most often named with, its graph."""
    groups, together = dossier_sections(entity, hood)
    return template("dossier.html").render(
        e=entity, color=NODE_STYLE.get(entity["type"], {}).get("color", "#999"), groups=groups, together=together
    )


def dossier_sections(entity: dict, hood: dict) -> tuple[list[dict], list[dict]]:
    """The entity's typed relations grouped by type (label, rows: most specific, then strongest,
    first; a sentence shown once, later rows mark it ``repeated``), and the entities most often
    named with it."""
    nodes = {n["id"]: n for n in hood["nodes"]}
    rows: dict[str, list[dict]] = {}
    for edge in hood["edges"]:
        if entity["id"] not in (edge["source"], edge["target"]):
            continue
        rows.setdefault(edge["type"], []).append(relation_row(entity["id"], edge, nodes))
    groups = [
        {"type": t, "label": label, "rows": sorted(rows[t], key=lambda r: (-(r["specificity"] or 0), -r["weight"]))}
        for t, label in RELATION_LABELS.items()
        if t in rows
    ]
    shown: set[str] = set()  # a sentence that links many bodies (a campaign) is printed once
    for row in (r for g in groups for r in g["rows"]):
        for ev in row["evidence"]:
            ev["repeated"] = ev["sentence"] in shown
            shown.add(ev["sentence"])
    together = sorted(rows.get("CO_OCCURS", []), key=lambda r: (-r["weight"], -(r["npmi"] or -1)))[:TOGETHER]
    return groups, together


def relation_row(center: str, edge: dict, nodes: dict) -> dict:
    outgoing = edge["source"] == center
    other = nodes.get(edge["target"] if outgoing else edge["source"], {"id": "", "name": "?", "type": ""})
    evidence = edge.get("evidence") or []
    return {
        "id": edge["id"],
        "other": other,
        "arrow": "—" if edge["type"] in UNDIRECTED else ("→" if outgoing else "←"),
        "title": edge.get("title"),
        "weight": edge.get("weight") or 0,
        "specificity": round(edge["specificity"], 2) if edge.get("specificity") is not None else None,
        "npmi": edge.get("npmi"),
        "evidence": [
            {
                "sentence": ev.get("sentence", ""),
                "source": source_of(ev),
                "doc_id": ev.get("doc_id"),
                "date": ev.get("date"),
            }
            for ev in evidence
        ],
        "total": edge.get("evidence_total") or len(evidence),
        "more": (edge.get("evidence_total") or 0) > len(evidence),
    }


CONSOLE_EXAMPLES = (
    ("entities by type", "MATCH (e:Entity) RETURN e.type AS type, count(*) AS entities ORDER BY entities DESC", "{}"),
    (
        "an entity by any of its names",
        "MATCH (e:Entity) WHERE e.name = $name OR $name IN e.aliases RETURN e.id AS id, e.name AS name, e.type AS type",
        '{"name": "工信部"}',
    ),
    (
        "partners of an organization, most evidence first",
        "MATCH (o:ORG)-[r:PARTNERS_WITH]-(p:ORG) WHERE o.name = $name OR $name IN o.aliases "
        "RETURN p.name AS partner, r.weight AS weight ORDER BY weight DESC",
        '{"name": "工信部"}',
    ),
    (
        "people and their roles",
        "MATCH (p:PERSON)-[r:HOLDS_ROLE]->(o:ORG) RETURN p.name AS person, r.title AS title, o.name AS org",
        "{}",
    ),
    (
        "who issued which policy",
        "MATCH (o:ORG)-[r:ISSUED]->(p:POLICY) RETURN o.name AS issuer, p.name AS policy ORDER BY r.weight DESC",
        "{}",
    ),
    (
        "the most mentioned organizations",
        "MATCH (o:ORG) RETURN o.name AS org, o.mentions AS mentions ORDER BY mentions DESC LIMIT 20",
        "{}",
    ),
)


def console_page(row_cap: int, query: str | None = None, params: str | None = None) -> str:
    """The read-only Cypher console: a query and its parameters (the first example unless given),
    the rows as a table, CSV and JSON downloads made in the browser, a refusal shown as such,
    example queries."""
    examples = [{"what": what, "query": query, "params": params} for what, query, params in CONSOLE_EXAMPLES]
    first = {"query": query or examples[0]["query"], "params": params or ("{}" if query else examples[0]["params"])}
    return template("console.html").render(examples=examples, first=first, row_cap=row_cap)


def template(name: str) -> jinja2.Template:
    return environment().get_template(name)


def web_address(url: str | None) -> str | None:
    """``url`` where it is an http(s) address; a ``javascript:`` or other address is not linked."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def paths_page(source: str, target: str, max_hops: int, found: dict | None, error: str | None = None) -> str:
    """Shortest paths between two entities as a reader follows them: each hop's relation, its
    evidence citing title and date, and the entity it reaches; a form to ask again."""
    if found is not None:
        found = dict(found)
        found["paths"] = [{"nodes": p["nodes"], "hops": hops_of(p)} for p in found["paths"]]
        ends = {n["id"]: n for p in found["paths"] for n in p["nodes"]}
        found["nodes_from"] = ends.get(found["from"], {"name": source})
        found["nodes_to"] = ends.get(found["to"], {"name": target})
    return template("paths.html").render(source=source, target=target, max_hops=max_hops, found=found, error=error)


def hops_of(path: dict) -> list[dict]:
    hops = []
    for before, node, edge in zip(path["nodes"], path["nodes"][1:], path["edges"]):
        forward = edge["source"] == before["id"]
        hops.append(
            {
                "node": node,
                "type": edge["type"],
                "title": edge.get("title"),
                "weight": edge.get("weight"),
                "arrow": "—" if edge["type"] in UNDIRECTED else ("→" if forward else "←"),
                "evidence": [
                    {"sentence": ev.get("sentence", ""), "source": source_of(ev), "doc_id": ev.get("doc_id")}
                    for ev in edge.get("evidence") or []
                ],
            }
        )
    return hops


def article_page(article: dict) -> str:
    """One article: its text with every name it uses marked by type, the typed relations it gives
    and the entities it names, each linking to its dossier."""
    entities = sorted(article["entities"], key=lambda e: (-(e.get("mentions") or 0), e["name"]))
    by_id = {e["id"]: e for e in entities}
    relations = [
        {
            "type": r["type"],
            "head": by_id.get(r["head"], {"id": r["head"], "name": r["head"]}),
            "tail": by_id.get(r["tail"], {"id": r["tail"], "name": r["tail"]}),
            "title": r.get("title"),
            "rules": "、".join(sorted({ev.get("rule_id", "") for ev in r.get("evidence") or []})),
        }
        for r in article["relations"]
    ]
    colors = {t: NODE_STYLE[t]["color"] for t in ENTITY_TYPES if t in NODE_STYLE}
    return template("article.html").render(
        a=article | {"url": web_address(article.get("url"))},
        pieces=marked(article.get("text") or "", entities),
        relations=relations,
        entities=entities,
        colors=colors,
    )


def marked(text: str, entities: list[dict]) -> list[dict]:
    """``text`` cut into pieces, those that are a form of one of ``entities`` carrying it: longest
    forms first, left to right, never overlapping."""
    forms = sorted(((f, e) for e in entities for f in e.get("forms") or [e["name"]] if f), key=lambda fe: -len(fe[0]))
    taken = bytearray(len(text))
    spans = []
    for form, entity in forms:
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            if 1 not in taken[start:end]:
                taken[start:end] = b"\1" * len(form)
                spans.append((start, end, entity))
            start = text.find(form, end)
    pieces, pos = [], 0
    for start, end, entity in sorted(spans, key=lambda s: s[0]):
        pieces += [{"text": text[pos:start], "entity": None}, {"text": text[start:end], "entity": entity}]
        pos = end
    return [p for p in pieces + [{"text": text[pos:], "entity": None}] if p["text"]]
