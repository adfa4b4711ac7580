"""Write measured figures into the docs, between marker comments, so nobody types them by hand.

    python -m bench.figures quality build/scores docs/quality.md        (run by `make score`)
    python -m bench.figures performance build/bench docs/performance.md (run by `make bench`)

quality: reads every NAME.json of the folder, each the last line ../shared/eval/score.py printed
(one JSON object per run; NAME says which data set), and writes tables of entity and relation
P/R/F1 per set and of alias resolution on the whole-corpus graph.

performance: reads run.txt, store.txt, api.txt, analytics.txt and documents.txt, what
``python -m bench.run``, ``bench.store``, ``bench.api``, ``bench.analytics`` and
``bench.documents`` printed, and writes one table of their
figures. A part not run is left out.

The table goes between ``<!-- figures:KIND -->`` and ``<!-- /figures -->`` in the document; the
prose around the markers is kept as it is.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

END = "<!-- /figures -->"

# the data sets make score runs: a label and what the set is used for
SETS = {
    "dev": ("digest dev gold (18 articles)", "tuned on"),
    "news-dev": ("news-dev gold (14 articles)", "checking"),
    "news-train": ("news-train gold (40 articles)", "kept for training"),
    "msra": ("MSRA `msra_test`", "public; PER partly tuned"),
    "cluener": ("CLUENER held-out rows", "public"),
    "finre": ("FinRE `valid`", "public"),
    "digest-graph": ("digest graph (all 36 articles)", "tuned on"),
}
ENTITY_TYPES = ("ORG", "PERSON", "POLICY", "PROJECT")
RELATION_TYPES = (
    "PARTNERS_WITH",
    "ISSUED",
    "HOLDS_ROLE",
    "PARTICIPATES_IN",
    "SUBSIDIARY_OF",
    "REGULATES",
    "INVESTS_IN",
)


class FiguresError(Exception):
    pass


# --- writing between the markers ----------------------------------------------------------------
def replace_between(text: str, kind: str, body: str) -> str:
    """``text`` with what stands between ``<!-- figures:KIND -->`` and the next end marker
    replaced by ``body``; everything else is kept."""
    start = f"<!-- figures:{kind} -->"
    head, found, rest = text.partition(start)
    if not found:
        raise FiguresError(f"no {start} marker")
    _, found, tail = rest.partition(END)
    if not found:
        raise FiguresError(f"no {END} after {start}")
    return f"{head}{start}\n{body.strip()}\n{END}{tail}"


def write_figures(document: Path, kind: str, body: str) -> None:
    document = Path(document)
    document.write_text(replace_between(document.read_text(encoding="utf-8"), kind, body), encoding="utf-8")


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# --- quality --------------------------------------------------------------------------------------
def read_scores(folder: Path) -> dict[str, dict]:
    """NAME -> the JSON object of build/scores/NAME.json, in the order of SETS, then by name."""
    scores = {}
    for path in sorted(Path(folder).glob("*.json")):
        text = path.read_text(encoding="utf-8").strip()
        try:
            scores[path.stem] = json.loads(text.splitlines()[-1] if text else "")
        except (json.JSONDecodeError, IndexError) as e:
            raise FiguresError(f"{path}: not a score.py summary line ({e})") from e
        if "mode" not in scores[path.stem]:
            raise FiguresError(f"{path}: no 'mode' (not a score.py summary line)")
    if not scores:
        raise FiguresError(f"no score files (*.json) in {folder}")
    order = list(SETS)
    return dict(sorted(scores.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0])))


def label(name: str) -> tuple[str, str]:
    return SETS.get(name, (name, ""))


def scored(m: dict | None) -> bool:
    return bool(m) and (m.get("tp", 0) + m.get("fp", 0) + m.get("fn", 0)) > 0


def f1(m: dict | None) -> str:
    return f"{m['f1']:.3f}" if scored(m) else "–"


def f1_pr(m: dict | None) -> str:
    return f"{m['f1']:.3f} ({m['p']:.3f} / {m['r']:.3f})" if scored(m) else "–"


def quality_tables(scores: dict[str, dict]) -> str:
    parts = []
    entity_rows = []
    for name, s in scores.items():
        if s["mode"] in ("gold", "msra", "cluener"):
            what, use = label(name)
            e = s.get("entities", {})
            entity_rows.append(
                [what, use, f"{s.get('documents', 0):,}"]
                + [f1_pr(e.get(t)) for t in ENTITY_TYPES]
                + [f1_pr(e.get("all"))]
            )
    if entity_rows:
        parts.append(
            "Entities, F1 (P / R):\n\n" + table(["set", "used for", "documents", *ENTITY_TYPES, "all"], entity_rows)
        )
    relation_rows = []
    for name, s in scores.items():
        if s["mode"] in ("gold", "finre"):
            what, use = label(name)
            r = s.get("relations", {})
            size = f"{s['pairs']:,} pairs" if s["mode"] == "finre" else f"{s.get('documents', 0):,}"
            relation_rows.append(
                [what, use, size]
                + [f1(r.get(t)) for t in RELATION_TYPES]
                + [f1_pr(r.get("all") or r.get("PARTNERS_WITH"))]
            )
    if relation_rows:
        parts.append(
            "Relations, F1 per type; all types F1 (P / R). FinRE scores PARTNERS_WITH only:\n\n"
            + table(["set", "used for", "documents", *RELATION_TYPES, "all"], relation_rows)
        )
    graph_rows = []
    for name, s in scores.items():
        if s["mode"] == "graph":
            what, use = label(name)
            graph_rows.append(
                [
                    what,
                    use,
                    str(s["gold_entities"]),
                    f"{s['found']} ({s['found_rate']:.3f})",
                    f"{s['split']} ({s['split_rate']:.3f})",
                    str(s["merged_nodes"]),
                    f"{s['nodes']:,}",
                ]
            )
    if graph_rows:
        parts.append(
            "Alias resolution on the whole-corpus graph (gold entities found as a node, split over "
            "several nodes, nodes holding several gold entities):\n\n"
            + table(["graph", "used for", "gold entities", "found", "split", "merged nodes", "nodes"], graph_rows)
        )
    speed = [f"{label(n)[0]} {s['seconds']:.1f} s" for n, s in scores.items() if "seconds" in s]
    if speed:
        parts.append("Extraction time of each run (model load included): " + "; ".join(speed) + ".")
    return "\n\n".join(parts)


# --- performance ----------------------------------------------------------------------------------
def grab(pattern: str, text: str) -> re.Match | None:
    return re.search(pattern, text, re.MULTILINE)


def run_rows(text: str) -> list[list[str]]:
    rows = []
    if m := grab(r"^model load \(imports included\): ([\d.]+) s", text):
        rows.append(["NER model load (imports included)", f"{m[1]} s"])
    if m := grab(
        r"^extraction: ([\d,]+) characters of (\S+), median of (\d+) runs ([\d.]+) s = ([\d,]+) "
        r"characters/s \(best ([\d,]+)",
        text,
    ):
        rows.append(
            [
                f"extraction of {m[2]} ({int(m[1].replace(',', '')):,} characters), one torch thread",
                f"{m[5]} characters/s (median of {m[3]} runs, {m[4]} s; best {m[6]})",
            ]
        )
    if m := grab(r"relation extraction adds ([\d.]+%)", text):
        rows.append(["relation extraction's share", f"adds {m[1]} to the other stages"])
    if m := grab(r"^graph: (\d+) entities, (\d+) relations", text):
        rows.append(["corpus graph", f"{int(m[1]):,} entities, {int(m[2]):,} relations"])
    if m := grab(r"^file to loaded graph: ([\d.]+) s", text):
        peak = grab(r"^peak memory \(RSS\): (\d+) MB", text)
        rows.append(
            [
                "file to loaded embedded graph (model load included)",
                f"{m[1]} s wall" + (f"; peak memory {peak[1]} MB" if peak else ""),
            ]
        )
    return rows


def store_rows(text: str) -> list[list[str]]:
    rows = []
    if m := grab(r"^synthetic graph: ([\d,]+) entities, ([\d,]+) relationships", text):
        rows.append(["synthetic graph", f"{m[1]} entities, {m[2]} relationships with evidence"])
    if m := grab(r"load entities.*?:\s+([\d,]+) nodes/s \(([\d.]+) s\)", text):
        rows.append(["load entities (name keys and indexes)", f"{m[1]} entities/s ({m[2]} s)"])
    if m := grab(r"load relationships:\s+([\d,]+) relationships/s \(([\d.]+) s\)", text):
        rows.append(["load relationships", f"{m[1]} relationships/s ({m[2]} s)"])
    if m := grab(r"the same load again.*?: ([\d,]+) items/s", text):
        rows.append(["the same load again (MERGE, counts unchanged)", f"{m[1]} items/s"])
    if m := grab(r"snapshot to disk \(RDB\): ([\d.]+) s", text):
        rows.append(["RDB snapshot", f"{m[1]} s"])
    section = ""
    for line in text.splitlines():
        if line.strip().endswith(":") and not line.strip().startswith("neighborhood"):
            section = line.strip().rstrip(":")
        elif m := re.search(r"neighborhood depth (\d) \(cap (\d+) nodes\), (\d+) random entities: (.*)", line):
            rows.append([f"{m[1]}-hop neighborhood (cap {m[2]}), {m[3]} random entities, {section}", m[4]])
        elif m := re.search(r"peak memory: (.*)", line):
            rows.append(["peak memory", m[1]])
    return rows


def api_rows(text: str) -> list[list[str]]:
    rows = []
    if m := grab(r"^(\d+) entities from (\S+); (\d+) concurrent clients over HTTP, .*?, (\w+)$", text):
        rows.append(["HTTP set-up", f"{m[3]} concurrent clients ({m[4]}), {m[1]} entities of {m[2]}"])
    for m in re.finditer(r"^  (\S.*?)\s{2,}(\d.*|wrk failed.*)$", text, re.MULTILINE):
        rows.append([f"HTTP {m[1]}", m[2]])
    return rows


def analytics_rows(text: str) -> list[list[str]]:
    rows = []
    section = ""
    for raw in text.splitlines():
        if not raw.startswith("  ") and ":" in raw:
            section = raw.split(":", 1)[0]
        elif m := re.match(r"^  (\S.*?)\s{2,}(\S.*)$", raw):
            rows.append([f"{section}: {m[1]}", m[2]])
    return rows


PARTS = (
    ("run.txt", "`bench.run`", run_rows),
    ("store.txt", "`bench.store`", store_rows),
    ("api.txt", "`bench.api`", api_rows),
    ("analytics.txt", "`bench.analytics`", analytics_rows),
    ("documents.txt", "`bench.documents`", analytics_rows),
    ("scaling.txt", "`bench.scaling`", analytics_rows),
)


def performance_table(folder: Path) -> str:
    rows, missing = [], []
    for name, part, parse in PARTS:
        path = Path(folder) / name
        if not path.exists():
            missing.append(part)
            continue
        found = parse(path.read_text(encoding="utf-8"))
        if not found:
            raise FiguresError(f"{path}: no figures found in what {part} printed")
        rows += [[part, *row] for row in found]
    if not rows:
        raise FiguresError(f"no benchmark output (run.txt, store.txt, api.txt) in {folder}")
    out = f"Measured on a machine with {os.cpu_count()} cores.\n\n" + table(["part", "what", "figure"], rows)
    if missing:
        out += f"\n\nNot run this time: {', '.join(missing)}."
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 3 or argv[0] not in ("quality", "performance"):
        print(__doc__, file=sys.stderr)
        return 2
    kind, folder, document = argv
    try:
        body = quality_tables(read_scores(Path(folder))) if kind == "quality" else performance_table(Path(folder))
        write_figures(Path(document), kind, body)
    except (FiguresError, OSError) as e:
        print(f"bench.figures: {e}", file=sys.stderr)
        return 1
    print(f"wrote the {kind} figures of {folder} into {document}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
