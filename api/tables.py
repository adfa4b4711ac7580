"""Text tables for the command line (``--table``): columns aligned by display width, so that
Chinese characters (two columns wide in a terminal) line up with Latin ones."""

from __future__ import annotations

import csv
import io
import json
import unicodedata

from guanxi.graph.schema import UNDIRECTED

MAX_CELL = 60  # characters of a cell shown before it is cut with …


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def plain(value) -> str:
    """A value as one line of text: lists joined with 、, maps as JSON."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        text = "、".join(map(str, value))
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return " ".join(text.split())


def cell(value) -> str:
    """``plain`` cut to ``MAX_CELL`` characters, for a table on a terminal."""
    text = plain(value)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def csv_text(records: list[dict], spreadsheet: bool = False) -> str:
    """``records`` as CSV with a header line, every value whole. For a ``spreadsheet``, a value
    that would start a formula (=, +, -, @) begins with ' instead: news text is nobody's code."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(dict.fromkeys(k for r in records for k in r)))
    writer.writeheader()
    writer.writerows({k: inert(plain(v)) if spreadsheet else plain(v) for k, v in r.items()} for r in records)
    return out.getvalue()


def inert(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def edge_rows(hood: dict) -> list[dict]:
    """The relations of a neighborhood, one row each, with the names of both ends and the first
    evidence sentence."""
    nodes = {n["id"]: n for n in hood["nodes"]}
    return [
        {
            "relation": e["type"],
            "from": nodes[e["source"]]["name"] if e["source"] in nodes else None,
            "to": nodes[e["target"]]["name"] if e["target"] in nodes else None,
            "title": e.get("title"),
            "weight": e.get("weight"),
            "evidence": (e.get("evidence") or [{}])[0].get("sentence"),
        }
        for e in hood["edges"]
    ]


def text_table(rows: list[dict], columns: list[str] | None = None) -> str:
    """``rows`` as a table with a header line; ``columns`` default to the keys in order of first use."""
    if columns is None:
        columns = list(dict.fromkeys(k for r in rows for k in r))
    if not columns:
        return "(no rows)"
    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([width(c)] + [width(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def line(values):
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(columns), rule, *(line(row) for row in cells)])


def paths_text(found: dict) -> str:
    """Each path as one line of names and relations: 韩夏 →HOLDS_ROLE(总工程师)→ 工业和信息化部 —CO_OCCURS— 腾讯公司."""
    if not found["paths"]:
        return "(no path)"
    lines = []
    for p in found["paths"]:
        parts = [p["nodes"][0]["name"]]
        for before, node, edge in zip(p["nodes"], p["nodes"][1:], p["edges"]):
            label = edge["type"] + (f"({edge['title']})" if edge.get("title") else "")
            forward = edge["source"] == before["id"]
            arrow = f"—{label}—" if edge["type"] in UNDIRECTED else (f"→{label}→" if forward else f"←{label}←")
            parts += [arrow, node["name"]]
        lines.append(" ".join(parts))
    return "\n".join(lines)
