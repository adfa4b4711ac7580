"""The graph as CSV files in the ``neo4j-admin database import`` layout, for very large first loads."""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from guanxi.cypher.rows import document_rows, form_keys, relation_rows

NEO4J_ADMIN_HINT = ("neo4j-admin database import full --array-delimiter=';' --nodes=entities.csv "
                    "--nodes=documents.csv --nodes=forms.csv --relationships=relationships.csv "
                    "--relationships=mentions.csv --relationships=names.csv DATABASE")


def write_neo4j_csv(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """CSV files in the ``neo4j-admin database import`` layout, for very large first loads.

    Lists use ';' (pass --array-delimiter=';'); evidence and contributions are JSON strings, as
    the stores keep them. The import command is in ``NEO4J_ADMIN_HINT``.
    """
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
