"""The GRAPH.BULK encoding (cypher/falkordb_bulk.py); the store tests load through it for real."""
import struct

import pytest

from cypher import falkordb_bulk as bulk


def test_values_are_a_type_byte_and_their_binary_form():
    assert bulk.encode(None) == b"\x00"
    assert bulk.encode(True) == b"\x01\x01" and bulk.encode(False) == b"\x01\x00"
    assert bulk.encode(7) == b"\x04" + struct.pack("=q", 7)
    assert bulk.encode(2.5) == b"\x02" + struct.pack("=d", 2.5)
    assert bulk.encode("中") == b"\x03" + "中".encode() + b"\x00"
    assert bulk.encode(["a", 1]) == b"\x05" + struct.pack("=q", 2) + b"\x03a\x00" + b"\x04" + struct.pack("=q", 1)


def test_a_nul_inside_a_string_cannot_end_it_early():
    assert bulk.encode("a\x00b") == b"\x03" + "a\ufffdb".encode() + b"\x00"


@pytest.mark.parametrize("value", [{"k": 1}, 2 ** 64, object()])
def test_values_without_a_binary_form_are_refused(value):
    with pytest.raises(bulk.NotEncodable):
        bulk.encode(value)


def test_relationship_records_start_with_both_node_ids():
    block = bulk.relationship_block("ISSUED", ["id"], [{"head": "a", "tail": "b", "id": "r1"}], {"a": 3, "b": 9})
    header = b"ISSUED\x00" + struct.pack("=I", 1) + b"id\x00"
    assert block == header + struct.pack("=QQ", 3, 9) + b"\x03r1\x00"


def test_property_keys_keep_first_appearance_order_and_skip_endpoints():
    rows = [{"head": "a", "tail": "b", "id": 1}, {"head": "a", "tail": "c", "weight": 2, "id": 3}]
    assert bulk.property_keys(rows, skip=("head", "tail")) == ["id", "weight"]


def test_the_reply_says_what_was_created():
    assert bulk.created("5 nodes created, 0 edges created") == (5, 0)
    assert bulk.created(b"0 nodes created, 12 edges created") == (0, 12)


def test_rows_missing_a_key_write_null_for_it():
    rows = [{"id": "a", "name": "甲"}, {"id": "b"}]
    assert bulk.node_block("Entity:ORG", ["id", "name"], rows) == (
        bulk.header("Entity:ORG", ["id", "name"]) + b"\x03a\x00" + "\x03甲\x00".encode() + b"\x03b\x00\x00")
    assert bulk.node_block("Entity:ORG", ["id"], rows) == bulk.header("Entity:ORG", ["id"]) + b"\x03a\x00\x03b\x00"
