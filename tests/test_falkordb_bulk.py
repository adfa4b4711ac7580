"""The GRAPH.BULK encoding (cypher/falkordb_bulk.py); the store tests load through it for real."""

import struct

import pytest

from guanxi.cypher import falkordb_bulk as bulk


def test_values_are_a_type_byte_and_their_binary_form():
    assert bulk.encode(None) == b"\x00"
    assert bulk.encode(True) == b"\x01\x01" and bulk.encode(False) == b"\x01\x00"
    assert bulk.encode(7) == b"\x04" + struct.pack("=q", 7)
    assert bulk.encode(2.5) == b"\x02" + struct.pack("=d", 2.5)
    assert bulk.encode("中") == b"\x03" + "中".encode() + b"\x00"
    assert bulk.encode(["a", 1]) == b"\x05" + struct.pack("=q", 2) + b"\x03a\x00" + b"\x04" + struct.pack("=q", 1)


def test_a_nul_inside_a_string_cannot_end_it_early():
    assert bulk.encode("a\x00b") == b"\x03" + "a\ufffdb".encode() + b"\x00"


@pytest.mark.parametrize("value", [{"k": 1}, 2**64, object()])
def test_values_without_a_binary_form_are_refused(value):
    with pytest.raises(bulk.NotEncodable):
        bulk.encode(value)


def test_relationship_records_start_with_both_node_ids():
    block = bulk.relationship_block("ISSUED", [{"head": "a", "tail": "b", "id": "r1"}], {"a": 3, "b": 9})
    header = b"ISSUED\x00" + struct.pack("=I", 1) + b"id\x00"
    assert block == header + struct.pack("=QQ", 3, 9) + b"\x03r1\x00"


def test_a_relationship_to_an_entity_without_node_id_is_refused():
    with pytest.raises(bulk.MissingEndpoint):
        bulk.relationship_block("ISSUED", [{"head": "a", "tail": "x", "id": "r1"}], {"a": 3})


def one_at_a_time(name, rows, nodes=None):
    """The block as the value-by-value encoder writes it: the reference for the column-wise one."""
    keys = [k for k in bulk.property_keys(rows, skip=("head", "tail")) if any(r.get(k) is not None for r in rows)]
    records = [
        (struct.pack("=QQ", nodes[r["head"]], nodes[r["tail"]]) if nodes else b"")
        + b"".join(bulk.encode(r.get(k)) for k in keys)
        for r in rows
    ]
    return bulk.header(name, keys) + b"".join(records)


def random_rows(rng, n, kinds):
    texts = ["", "a", "中文", "😀", "x\x00y", "s\x01t", "\x03", '引"号\\', "tab\tnew\n"]
    make = {
        "text": lambda: rng.choice(texts),
        "int": lambda: rng.choice([0, -1, 7, 2**63 - 1, -(2**63)]),
        "float": lambda: rng.choice([0.0, -2.5, 1e300]),
        "bool": lambda: rng.random() < 0.5,
        "null": lambda: None,
        "texts": lambda: rng.sample(texts, rng.randrange(4)),
        "mixed": lambda: rng.choice([None, "a", 3, 2.5, True, ["a", 1], []]),
    }
    return [{f"p{i}": make[kind]() for i, kind in enumerate(kinds)} for _ in range(n)]


@pytest.mark.parametrize(
    "kinds",
    [
        ["text", "int", "float", "texts"],
        ["text", "null", "bool", "mixed"],
        ["mixed", "texts", "null", "int"],
        ["texts"],
        ["null", "null"],
        ["text"],
    ],
)
def test_column_wise_blocks_equal_the_value_by_value_encoding(kinds):
    import random

    rng = random.Random(len(kinds))
    for n in (1, 2, 50):
        rows = random_rows(rng, n, kinds)
        assert bulk.node_block("Entity:ORG", rows) == one_at_a_time("Entity:ORG", rows)
        nodes = {"a": 1, "b": 2**40}
        linked = [dict(r, head=rng.choice("ab"), tail=rng.choice("ab")) for r in rows]
        assert bulk.relationship_block("ISSUED", linked, nodes) == one_at_a_time("ISSUED", linked, nodes)


def test_an_integer_beyond_64_bits_is_refused_in_a_column_too():
    with pytest.raises(bulk.NotEncodable):
        bulk.node_block("Entity:ORG", [{"id": "a", "n": 1}, {"id": "b", "n": 2**64}])


def test_a_property_null_in_every_row_is_left_out():
    block = bulk.node_block("Entity:ORG", [{"id": "a", "title": None}, {"id": "b", "title": None}])
    assert block == bulk.header("Entity:ORG", ["id"]) + b"\x03a\x00\x03b\x00"


def test_property_keys_keep_first_appearance_order_and_skip_endpoints():
    rows = [{"head": "a", "tail": "b", "id": 1}, {"head": "a", "tail": "c", "weight": 2, "id": 3}]
    assert bulk.property_keys(rows, skip=("head", "tail")) == ["id", "weight"]


def test_the_reply_says_what_was_created():
    assert bulk.created("5 nodes created, 0 edges created") == (5, 0)
    assert bulk.created(b"0 nodes created, 12 edges created") == (0, 12)


def test_rows_missing_a_key_write_null_for_it():
    rows = [{"id": "a", "name": "甲"}, {"id": "b"}]
    assert bulk.node_block("Entity:ORG", rows) == (
        bulk.header("Entity:ORG", ["id", "name"]) + b"\x03a\x00" + "\x03甲\x00".encode() + b"\x03b\x00\x00"
    )
    same_size = [{"id": "a", "name": "甲"}, {"id": "b", "other": 1}]
    assert bulk.node_block("Entity:ORG", same_size) == one_at_a_time("Entity:ORG", same_size)
