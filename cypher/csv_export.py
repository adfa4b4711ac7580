"""The graph as CSV files in the ``neo4j-admin database import`` layout, for very large first loads.

Columns are the schema's properties (``guanxi.graph.schema``), typed as neo4j-admin reads them."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from guanxi.cypher.rows import document_rows, form_keys, node_row, relation_rows
from guanxi.graph.schema import DOCUMENT, EDGE, ENTITY, Property

NEO4J_ADMIN_HINT = (
    "neo4j-admin database import full --array-delimiter=';' --nodes=entities.csv "
    "--nodes=documents.csv --nodes=forms.csv --relationships=relationships.csv "
    "--relationships=mentions.csv --relationships=names.csv DATABASE"
)
CSV_TYPES = {"int": ":int", "float": ":float", "list": ":string[]"}


def header(properties: tuple[Property, ...], id_space: str | None = None) -> list[str]:
    """Column names; the id column is the node's import id where ``id_space`` is given."""
    return [
        f"id:ID({id_space})" if p.name == "id" and id_space else p.name + CSV_TYPES.get(p.type, "") for p in properties
    ]


def cells(properties: tuple[Property, ...], row: dict) -> list:
    """A row's values: lists joined with ';' (a ';' inside a value becomes ','), nulls empty."""
    out = []
    for p in properties:
        value = row.get(p.name)
        out.append(
            ";".join(str(x).replace(";", ",") for x in value) if p.type == "list" else "" if value is None else value
        )
    return out


def write_neo4j_csv(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """CSV files in the ``neo4j-admin database import`` layout, for very large first loads.

    Lists use ';' (pass --array-delimiter=';'); evidence and contributions are JSON strings, as
    the stores keep them. The import command is in ``NEO4J_ADMIN_HINT``.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = []

    def write(name: str, head: list[str], rows) -> None:
        path = folder / name
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(head)
            w.writerows(rows)
        files.append(path)

    nodes = [n for _, n in graph.nodes(data=True)]
    write(
        "entities.csv",
        header(ENTITY, "Entity") + [":LABEL"],
        (cells(ENTITY, node_row(n)) + [f"Entity;{n['type']}"] for n in nodes),
    )
    write(
        "documents.csv",
        header(DOCUMENT, "Document") + [":LABEL"],
        (cells(DOCUMENT, d) + ["Document"] for d in document_rows(graph)),
    )
    keys = sorted({(k, n["id"]) for n in nodes for k in form_keys(n)})
    write("forms.csv", ["key:ID(Form)", ":LABEL"], ([k, "Form"] for k in sorted({k for k, _ in keys})))
    write("names.csv", [":START_ID(Form)", ":END_ID(Entity)", ":TYPE"], ([k, nid, "NAMES"] for k, nid in keys))
    write(
        "mentions.csv",
        [":START_ID(Document)", ":END_ID(Entity)", "count:int", ":TYPE"],
        ([doc, n["id"], count, "MENTIONS"] for n in nodes for doc, count in n.get("documents", {}).items()),
    )
    write(
        "relationships.csv",
        [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"] + header(EDGE),
        (
            [r["head"], r["tail"], rel_type] + cells(EDGE, r)
            for rel_type, rows in sorted(relation_rows(graph).items())
            for r in rows
        ),
    )
    return files
