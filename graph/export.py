"""Outputs: the ``guanxi extract`` record, node-link JSON and GraphML of the corpus graph."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graph.records import Article, Document

MAX_EVIDENCE_OUT = 5


def extract_record(doc: Document, articles: list[Article]) -> dict:
    """One line of ``guanxi extract`` output (the contract of ../shared/eval/score.py)."""
    entities: dict[tuple[str, str], dict] = {}
    relations: dict[tuple, dict] = {}
    for a in articles:
        for e in a.entities:
            row = entities.setdefault((e.type, e.name), {"name": e.name, "type": e.type, "aliases": set(),
                                                         "mentions": 0})
            row["aliases"].update(e.aliases)
            row["mentions"] += len(e.mentions)
        for r in a.relations:
            if r.type == "CO_OCCURS":
                continue
            key = (r.type, r.head, r.tail, r.title)
            row = relations.setdefault(key, {"type": r.type, "head": r.head, "tail": r.tail, "evidence": []})
            if r.title:
                row["title"] = r.title
            row["evidence"].extend(ev.as_dict() | {"text": ev.sentence} for ev in r.evidence)
    for row in entities.values():
        row["aliases"] = sorted(row["aliases"])
    for row in relations.values():
        row["evidence"] = [{k: v for k, v in ev.items() if k != "text"} for ev in row["evidence"][:MAX_EVIDENCE_OUT]]
    return {"id": doc.id, "entities": list(entities.values()), "relations": list(relations.values())}


def node_link(graph: nx.MultiDiGraph) -> dict:
    """Node-link JSON: nodes carry id, name, type, aliases; edges carry their evidence; the graph
    carries its documents and their contributions (the provenance everything is computed from)."""
    from dataclasses import asdict
    data = nx.node_link_data(graph, edges="edges")
    data["graph"] = {k: ({d: asdict(c) for d, c in v.items()} if k == "contributions" else v)
                     for k, v in data["graph"].items()}
    return data


def write_node_link(graph: nx.MultiDiGraph, path: Path) -> None:
    Path(path).write_text(json.dumps(node_link(graph), ensure_ascii=False, indent=1), encoding="utf-8")


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    """GraphML for Gephi: lists and evidence are written as JSON strings (GraphML has no lists)."""
    flat = nx.MultiDiGraph()
    for n, data in graph.nodes(data=True):
        flat.add_node(n, **{k: scalar(v) for k, v in data.items()})
    for u, v, k, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=k, **{key: scalar(val) for key, val in data.items()})
    nx.write_graphml(flat, str(path))


def scalar(value):
    if isinstance(value, (str, int, float, bool)):
        return value
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, default=list)


NEO4J_ADMIN_HINT = ("neo4j-admin database import full --array-delimiter=';' --nodes=entities.csv "
                    "--nodes=documents.csv --nodes=forms.csv --relationships=relationships.csv "
                    "--relationships=mentions.csv --relationships=names.csv DATABASE")


def write_neo4j_csv(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """CSV files in the ``neo4j-admin database import`` layout, for very large first loads.

    Lists use ';' (pass --array-delimiter=';'); evidence and contributions are JSON strings, as
    the stores keep them. The import command is in ``NEO4J_ADMIN_HINT``.
    """
    import csv

    from cypher.rows import document_rows, form_keys, relation_rows

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = []

    def write(name: str, header: list[str], rows) -> None:
        path = folder / name
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)
        files.append(path)

    join = lambda xs: ";".join(x.replace(";", ",") for x in xs)  # noqa: E731
    nodes = [n for _, n in graph.nodes(data=True)]
    write("entities.csv", ["id:ID(Entity)", "name", "type", "aliases:string[]", "mentions:int", "sentences:int",
                           "document_count:int", "first_seen", "last_seen", "merge_reasons:string[]", "keys:string[]",
                           ":LABEL"],
          ([n["id"], n["name"], n["type"], join(n["aliases"]), n["mentions"], n.get("sentences", 0),
            n["document_count"], n.get("first_seen") or "", n.get("last_seen") or "",
            join(n.get("merge_reasons", [])), join(form_keys(n)), f"Entity;{n['type']}"] for n in nodes))
    write("documents.csv", ["id:ID(Document)", "document", "title", "date", "url", "source", "sentences:int",
                            "contribution", ":LABEL"],
          ([d["id"], d["document"], d["title"] or "", d["date"] or "", d["url"] or "", d["source"] or "",
            d["sentences"], d["contribution"] or "", "Document"] for d in document_rows(graph)))
    keys = sorted({(k, n["id"]) for n in nodes for k in form_keys(n)})
    write("forms.csv", ["key:ID(Form)", ":LABEL"], ([k, "Form"] for k in sorted({k for k, _ in keys})))
    write("names.csv", [":START_ID(Form)", ":END_ID(Entity)", ":TYPE"], ([k, nid, "NAMES"] for k, nid in keys))
    write("mentions.csv", [":START_ID(Document)", ":END_ID(Entity)", "count:int", ":TYPE"],
          ([doc, n["id"], count, "MENTIONS"] for n in nodes for doc, count in n.get("documents", {}).items()))
    write("relationships.csv", [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "id", "weight:int", "title",
                                "documents:string[]", "document_count:int", "evidence", "evidence_total:int",
                                "rules:string[]", "first_seen", "last_seen"],
          ([r["head"], r["tail"], rel_type, r["id"], r["weight"], r["title"] or "", join(r["documents"]),
            r["document_count"], r["evidence"], r["evidence_total"], join(r["rules"]), r["first_seen"] or "",
            r["last_seen"] or ""] for rel_type, rows in sorted(relation_rows(graph).items()) for r in rows))
    return files
