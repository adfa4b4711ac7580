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

A block is built a column at a time: a column of strings is joined, encoded and split again, one of
integers packed in one call, so that no Python code runs per value where a column holds one type.
Each row is read once, in one C call: on this machine a pass over a million scattered row
dictionaries costs as much as encoding them, so the keys and the endpoints come from that read too.
"""

from __future__ import annotations

import operator
import re
import struct
from itertools import chain, repeat

NULL, BOOL, DOUBLE, STRING, LONG, ARRAY = range(6)
CHUNK_ROWS = 10_000  # records per command: small enough that encoding one overlaps sending the last

_long = struct.Struct("=Bq").pack
_double = struct.Struct("=Bd").pack
_count = struct.Struct("=I").pack
_eight_bytes = re.compile(rb".{8}", re.S).findall


class NotEncodable(ValueError):
    pass


class MissingEndpoint(KeyError):
    """A relationship names an entity the node-id map does not hold."""


def encode(value) -> bytes:
    """One value: its type byte and binary form (the reference the column-wise encoding follows)."""
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


def node_block(name: str, rows: list[dict]) -> bytes:
    keys, columns = table(rows)
    return _block(name, keys, columns, [], len(rows))


def relationship_block(name: str, rows: list[dict], nodes: dict[str, int]) -> bytes:
    """``rows`` carry ``head`` and ``tail`` entity ids, found in ``nodes`` (entity id -> node id);
    MissingEndpoint when one is not there."""
    keys, columns = table(rows)
    ends = []
    for end in ("head", "tail"):
        if end not in keys:
            raise MissingEndpoint(f"a relationship row without {end}")
        ends.append(columns.pop(keys.index(end)))
        keys.remove(end)
    n = len(rows)
    try:
        endpoints = [_eight_bytes(struct.pack(f"={n}Q", *map(nodes.__getitem__, ids))) for ids in ends]
    except (KeyError, TypeError) as e:
        raise MissingEndpoint(*e.args) from None
    return _block(name, keys, columns, endpoints, n)


def table(rows: list[dict]) -> tuple[list[str], list[tuple]]:
    """The rows' keys in order of first appearance, and their values a column at a time (None
    where a row lacks a key). Rows that all have the first row's keys are read in one C call each."""
    if not rows:
        return [], []
    keys = list(rows[0])
    if len(keys) > 1 and set(map(len, rows)) == {len(keys)}:
        try:
            return keys, list(zip(*map(operator.itemgetter(*keys), rows)))
        except KeyError:
            pass  # same sizes, other keys
    keys = property_keys(rows)
    return keys, [tuple(r.get(k) for r in rows) for k in keys]


def _block(name: str, keys: list[str], columns: list[tuple], endpoints: list[list[bytes]], n: int) -> bytes:
    """Header and records. A property null in every row of the block is left out of it (the
    server stores no nulls, so the graph is the same)."""
    streams: list = list(endpoints)
    kept = []
    for key, values in zip(keys, columns):
        parts = column_streams(values)
        if parts is not None:
            kept.append(key)
            streams.extend(parts)
    return header(name, kept) + interleave(streams, n)


def column_streams(values: tuple) -> list | None:
    """A column's encodings as streams: a bytes constant (the same in every record) or a list
    holding one piece per record, concatenated in order. None for a column of nulls."""
    kinds = set(map(type, values))
    if len(kinds) == 1:
        kind = kinds.pop()
        if kind is str:
            pieces = _utf8_pieces(values, 0)
            if pieces is not None:
                return [b"\x03", pieces, b"\x00"]
        elif kind is type(None):
            return None
        elif kind is int or kind is float:
            try:
                packed = struct.pack(f"={len(values)}{'q' if kind is int else 'd'}", *values)
            except struct.error:
                pass  # beyond 64 bits: encode() says which value
            else:
                return [b"\x04" if kind is int else b"\x02", _eight_bytes(packed)]
        elif kind is list:
            items = list(chain.from_iterable(values))
            if set(map(type, items)) <= {str}:
                streams = _string_list_streams(values, items)
                if streams is not None:
                    return streams
    return [list(map(encode, values))]


def _string_list_streams(lists: tuple, items: list[str]) -> list | None:
    """``column_streams`` of lists of strings (``items``: all their elements, in order); None
    where a string holds a NUL or \x01."""
    sizes = set(map(len, lists))
    if len(sizes) == 1:
        # lists of one length k (most often one document, one rule): k columns of strings
        k = sizes.pop()
        pieces = _utf8_pieces(items, 0) if k else []
        if pieces is None:
            return None
        streams = [_long(ARRAY, k)]
        for j in range(k):
            streams += [b"\x03", pieces[j::k], b"\x00"]
        return streams
    # each list's elements as "\x03…\x00"
    bodies = _utf8_pieces(list(map("".join, map(map, repeat("\x03{}\x00".format), lists))), len(items))
    if bodies is None:
        return None
    return [b"\x05", _eight_bytes(struct.pack(f"={len(lists)}q", *map(len, lists))), bodies]


def _utf8_pieces(texts, nuls: int) -> list[bytes] | None:
    """Each text as UTF-8, encoded in one call (joined by \\x01, then split); None where a text
    holds \\x01, or the texts more NULs than ``nuls`` in all (``encode`` then replaces them)."""
    data = "\x01".join(texts).encode()
    if data.count(b"\x01") != len(texts) - 1 or data.count(b"\x00") != nuls:
        return None
    return data.split(b"\x01")


def interleave(streams: list, n: int) -> bytes:
    """The records: piece i of every stream, in stream order, for i in 0..n-1."""
    merged: list = []
    for s in streams:
        if isinstance(s, bytes) and merged and isinstance(merged[-1], bytes):
            merged[-1] += s
        else:
            merged.append(s)
    columns = [repeat(s, n) if isinstance(s, bytes) else s for s in merged]
    return b"".join(chain.from_iterable(zip(*columns)))


def property_keys(rows: list[dict], skip=()) -> list[str]:
    """Every key of the rows, in order of first appearance."""
    return [k for k in dict.fromkeys(chain.from_iterable(rows)) if k not in skip]


def created(reply) -> tuple[int, int]:
    """(nodes, relationships) from a reply such as "5 nodes created, 0 edges created"."""
    text = reply.decode() if isinstance(reply, bytes) else str(reply)
    nodes, edges = (int(part.split()[0]) for part in text.split(", ")[:2])
    return nodes, edges
