"""The records the stores return, built from the rows their queries answer. The public fields
of an entity are the schema's (``ENTITY_PUBLIC``)."""

from __future__ import annotations

import json

from guanxi.graph.schema import ENTITY_PUBLIC

EVIDENCE_IN_NEIGHBORHOOD = 3


def entity_public(props: dict) -> dict:
    """An entity's public record from its stored properties."""
    out = {k: props.get(k) for k in ENTITY_PUBLIC}
    out["aliases"] = list(out["aliases"] or [])
    return out


def expanded_entity(row: dict) -> dict:
    """The public record of the entity a row of expand_far.cypher reached (its ``node_*`` columns;
    ``node_id`` and ``sentences`` are also what every hop reads)."""
    renamed = {"id": "node_id", "sentences": "sentences"}
    return entity_public({k: row[renamed.get(k, f"node_{k}")] for k in ENTITY_PUBLIC})


def no_details() -> dict:
    """The details of an edge that was removed while a neighborhood was read."""
    return {"title": None, "document_count": None, "evidence_total": None, "evidence": []}


def edge_details(rows: list[dict]) -> dict[str, dict]:
    """Relation id -> title, counts and the first evidence, from rows that hold them."""
    evidence = decode_all([r.get("evidence") or "[]" for r in rows])
    return {
        r["id"]: {
            "title": r.get("title"),
            "document_count": r.get("document_count"),
            "evidence_total": r.get("evidence_total"),
            "evidence": items[:EVIDENCE_IN_NEIGHBORHOOD],
        }
        for r, items in zip(rows, evidence)
    }


def decode_all(texts: list[str]) -> list:
    """``json.loads`` of each text, in one call: a neighborhood decodes hundreds of short lists,
    and the per-call cost was most of it."""
    return json.loads("[" + ",".join(texts) + "]") if texts else []
