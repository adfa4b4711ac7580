"""FalkorDB's GRAPH.BULK command: many new nodes or relationships without Cypher.

A load uses it for a label or relation type the graph holds nothing of yet (the ``create_*`` case),
where it is several times faster than ``UNWIND … CREATE``; the indexes are kept up to date by the
server as for any write. The command takes binary blocks, one per label or relation type:

    name NUL, property count (uint32), property names (each NUL-terminated), then one record per
    node or relationship: for a relationship its source and target node ids (uint64 each), then
    every property as a type byte and its value (int64, float64, bool byte, NUL-terminated UTF-8,
    or an array: int64 length and its elements).

Multiple labels are written ``Entity:ORG``. A value with no binary form (a map, an integer beyond
64 bits) raises NotEncodable before anything of its chunk is sent, so the caller can send that chunk
through Cypher instead.
"""
from __future__ import annotations

import operator
import struct

NULL, BOOL, DOUBLE, STRING, LONG, ARRAY = range(6)
CHUNK_ROWS = 10_000          # records per command: small enough that encoding one overlaps sending the last

_long = struct.Struct("=Bq").pack
_double = struct.Struct("=Bd").pack
_endpoints = struct.Struct("=QQ").pack
_count = struct.Struct("=I").pack


class NotEncodable(ValueError):
    pass


def encode(value) -> bytes:
    kind = type(value)
    if kind is str:
        # the server reads strings up to their NUL, as the Cypher path's literal() knows too
        return b"\x03" + value.replace("\x00", "\ufffd").encode() + b"\x00"
    if value is None:
        return b"\x00"
    if kind is bool:
        return b"\x01\x01" if value else b"\x01\x00"
    try:
        if kind is int:
            return _long(LONG, value)
        if kind is float:
            return _double(DOUBLE, value)
    except struct.error as e:
        raise NotEncodable(f"{value!r}: {e}") from e
    if kind is list or kind is tuple:
        return _long(ARRAY, len(value)) + b"".join([encode(v) for v in value])
    raise NotEncodable(f"a {kind.__name__} has no GRAPH.BULK form")


def header(name: str, keys: list[str]) -> bytes:
    return name.encode() + b"\x00" + _count(len(keys)) + b"".join(k.encode() + b"\x00" for k in keys)


def node_block(name: str, keys: list[str], rows: list[dict]) -> bytes:
    values = _values(keys, rows)
    return header(name, keys) + b"".join([b"".join(map(encode, values(r))) for r in rows])


def relationship_block(name: str, keys: list[str], rows: list[dict], nodes: dict[str, int]) -> bytes:
    """``rows`` carry ``head`` and ``tail`` entity ids, found in ``nodes`` (entity id -> node id)."""
    values = _values(keys, rows)
    return header(name, keys) + b"".join([_endpoints(nodes[r["head"]], nodes[r["tail"]]) +
                                          b"".join(map(encode, values(r))) for r in rows])


def _values(keys: list[str], rows: list[dict]):
    """A row's values in ``keys`` order: one C call when every row has every key (loads' rows do),
    else None for a missing key."""
    wanted = set(keys)
    if keys and all(r.keys() >= wanted for r in rows):
        get = operator.itemgetter(*keys)
        return get if len(keys) > 1 else (lambda r: (get(r),))
    return lambda r: [r.get(k) for k in keys]


def property_keys(rows: list[dict], skip=()) -> list[str]:
    """Every key of the rows, in order of first appearance."""
    keys: dict[str, None] = {}
    for r in rows:
        keys.update(dict.fromkeys(r))
    return [k for k in keys if k not in skip]


def created(reply) -> tuple[int, int]:
    """(nodes, relationships) from a reply such as "5 nodes created, 0 edges created"."""
    text = reply.decode() if isinstance(reply, bytes) else str(reply)
    nodes, edges = (int(part.split()[0]) for part in text.split(", ")[:2])
    return nodes, edges
