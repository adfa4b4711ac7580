"""Graph search without a store: the neighborhood filters and the two-sided path search."""

import pytest

from guanxi.cypher.traversal import MAX_DEPTH, MAX_NODES, Expansion, NeighborhoodQuery, PathSearch
from guanxi.graph.errors import InputError


def test_a_query_takes_comma_lists_and_checks_every_name():
    q = NeighborhoodQuery(rels="PARTNERS_WITH, HOLDS_ROLE", types=["ORG"])
    assert q.rels == ("PARTNERS_WITH", "HOLDS_ROLE") and q.types == ("ORG",)
    with pytest.raises(InputError, match="unknown relation type: LIKES; expected any of PARTNERS_WITH"):
        NeighborhoodQuery(rels="PARTNERS_WITH,LIKES")
    with pytest.raises(InputError, match="unknown entity type: CITY"):
        NeighborhoodQuery(types="CITY")


def test_a_query_is_clamped_to_the_server_caps_and_links_back_to_itself():
    q = NeighborhoodQuery(depth=9, limit=10_000).clamped()
    assert (q.depth, q.limit) == (MAX_DEPTH, MAX_NODES)
    assert NeighborhoodQuery(depth=0, limit=0).clamped().depth == 1
    params = NeighborhoodQuery(depth=2, rels="ISSUED").as_params()
    assert params == {"depth": 2, "rel": "ISSUED", "min_weight": 0, "min_npmi": -1.0, "limit": 100}


def row(frm, to, rid, weight, type_="PARTNERS_WITH"):
    return {"from_id": frm, "node_id": to, "sentences": 5, "id": rid, "type": type_, "source": frm, "weight": weight}


def test_an_expansion_keeps_the_strongest_edges_up_to_the_limit_and_says_it_was_capped():
    walk = Expansion("a", NeighborhoodQuery(limit=3), total_sentences=100)
    walk.run(lambda hop, frontier, cap: [row("a", "b", "r1", 1), row("a", "c", "r2", 9), row("a", "d", "r3", 5)])
    assert walk.kept_nodes == ["a", "c", "d"] and walk.capped
    assert [e["id"] for e in walk.kept_edges()] == ["r2", "r3"]


def test_an_expansion_drops_weak_co_occurrence_by_npmi():
    walk = Expansion("a", NeighborhoodQuery(min_npmi=0.5), total_sentences=100)
    walk.sentences["a"] = 50
    walk.run(lambda hop, frontier, cap: [row("a", "b", "r1", 1, "CO_OCCURS"), row("a", "c", "r2", 2)])
    assert walk.kept_nodes == ["a", "c"]


def test_a_path_search_meets_in_the_middle_and_lists_shortest_paths_first():
    search = PathSearch("a", "z")
    search.step("a", [row("a", "m", "r1", 1), row("a", "n", "r2", 1)])
    assert not search.meeting()
    search.step("z", [row("z", "m", "r3", 1)])
    assert search.meeting() == {"m"}
    assert [[e["id"] for e in p] for p in search.paths()] == [["r1", "r3"]]
