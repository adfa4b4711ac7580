"""Users' Cypher, checked before it reaches a database: reads only, procedures from a list of
read-only ones, parameters with plain names and bounded nesting, and a LIMIT the database applies
so that no result larger than the row cap is ever built."""

from __future__ import annotations

import math
import re

from guanxi.graph.errors import QueryRefused

STRINGS_AND_COMMENTS_ONLY = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*|/\*.*?\*/", re.S)
# ... and backticked names, which can hold any text too
STRINGS_AND_COMMENTS = re.compile(STRINGS_AND_COMMENTS_ONLY.pattern + r"|`[^`]*`", re.S)
WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD\s+CSV|FOREACH|ALTER|GRANT|DENY|REVOKE|"
    r"START\s+DATABASE|STOP\s+DATABASE)\b",
    re.I,
)
PROCEDURE_CALL = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)", re.I)
QUOTED_PROCEDURE = re.compile(r"\bCALL\s*`", re.I)
# procedures that only read (both stores' catalogue, full-text search, FalkorDB's path algorithms)
READ_PROCEDURES = frozenset(
    name.lower()
    for name in (
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.indexes",
        "db.constraints",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.idx.fulltext.queryNodes",
        "db.idx.fulltext.queryRelationships",
        "algo.BFS",
        "algo.SPpaths",
        "algo.SSpaths",
        "algo.pageRank",
    )
)
PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
MAX_PARAM_DEPTH = 16
LAST_RETURN = re.compile(r"\bRETURN\b", re.I)
NO_CAP_AFTER = re.compile(r"\b(CALL|LIMIT)\b|[{}]", re.I)
UNION = re.compile(r"\bUNION\b", re.I)
FIXED_LIMIT = re.compile(r"\bLIMIT\s+(\d+)\s*$", re.I)


def bare(query: str) -> str:
    """The query with strings and comments blanked out (same length and positions)."""
    return STRINGS_AND_COMMENTS.sub(lambda m: " " * len(m.group(0)), query)


def check_read_only(query: str) -> None:
    """Raise ``QueryRefused`` naming the first write clause, or a procedure not known to only
    read, found outside strings and comments."""
    if not query or not query.strip():
        raise QueryRefused(
            "The query is empty; send a read-only Cypher query such as MATCH (e:Entity) RETURN e LIMIT 5"
        )
    text = bare(query)
    m = WRITE_CLAUSES.search(text)
    if m:
        clause = " ".join(m.group(0).upper().split())
        raise QueryRefused(
            f"Read-only queries only: {clause} writes to the graph. "
            f"Use `guanxi add`/`guanxi build` to change the graph."
        )
    if QUOTED_PROCEDURE.search(STRINGS_AND_COMMENTS_ONLY.sub(" ", query)):
        raise QueryRefused(
            "Procedure names in backticks are not allowed; call a listed read-only procedure by its name"
        )
    for name in PROCEDURE_CALL.findall(text):
        if name.lower() not in READ_PROCEDURES:
            raise QueryRefused(
                f"Procedure {name} is not on the list of read-only procedures guanxi allows (see docs/cypher.md)"
            )


def check_params(params: dict) -> None:
    """Parameter names must be identifiers (they are written into FalkorDB's query header);
    values JSON-like, finite and nested at most ``MAX_PARAM_DEPTH`` deep."""
    if not isinstance(params, dict):
        raise QueryRefused("params must be a JSON object of name: value")
    for name, value in params.items():
        if not isinstance(name, str) or not PARAM_NAME.fullmatch(name):
            raise QueryRefused(
                f"Bad parameter name {name!r}: use letters, digits and _ (not first), at most 64 characters"
            )
        check_value(name, value, 1)


def check_value(name: str, value, depth: int) -> None:
    if depth > MAX_PARAM_DEPTH:
        raise QueryRefused(f"Parameter {name} is nested more than {MAX_PARAM_DEPTH} levels deep")
    if isinstance(value, float) and not math.isfinite(value):
        raise QueryRefused(f"Parameter {name} is not a finite number")
    if isinstance(value, (list, tuple)):
        for v in value:
            check_value(name, v, depth + 1)
    elif isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str) or not PARAM_NAME.fullmatch(k):
                raise QueryRefused(f"Parameter {name} has a map key that is not a plain name: {k!r}")
            check_value(name, v, depth + 1)
    elif not (value is None or isinstance(value, (str, int, float, bool))):
        raise QueryRefused(f"Parameter {name} has a value of type {type(value).__name__}")


def with_row_cap(query: str, cap: int) -> str:
    """The query with a LIMIT of ``cap`` rows that the database applies, where the last clause is a
    plain RETURN: appended when it has none, lowered when its own is larger. Queries of other
    shapes (UNION, a LIMIT by parameter, a procedure's rows) are sent as they are and capped while
    reading."""
    text = bare(query).rstrip().rstrip(";").rstrip()
    returns = list(LAST_RETURN.finditer(text))
    if not returns or UNION.search(text):
        return query
    tail = text[returns[-1].end() :]
    fixed = FIXED_LIMIT.search(tail)
    if fixed:
        if int(fixed.group(1)) <= cap:
            return query
        start = returns[-1].end() + fixed.start(1)
        return query[:start] + str(cap) + query[returns[-1].end() + fixed.end(1) :]
    if NO_CAP_AFTER.search(tail):
        return query
    return query[: len(text)] + f"\nLIMIT {cap}"
