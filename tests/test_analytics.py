"""Analytics over the whole graph (graph/analytics.py) and its route and command."""

import json

from click.testing import CliRunner
from fastapi.testclient import TestClient

from guanxi.api.app import create_app
from guanxi.api.cli import cli
from guanxi.graph.analytics import entity_graph, key_players
from tests.test_workbench import graph, named  # noqa: F401 (fixtures)


def star_and_campaign():
    """A hub with three two-party partners, and eight bodies that only ran one campaign together."""
    entities = [{"id": f"e{k}", "name": f"机构{k}", "type": "ORG"} for k in range(12)]
    deals = [{"head": "e0", "tail": f"e{k}", "weight": 1, "specificity": 1.0} for k in (1, 2, 3)]
    campaign = [
        {"head": f"e{a}", "tail": f"e{b}", "weight": 1, "specificity": 1 / 7}
        for a in range(4, 12)
        for b in range(a + 1, 12)
    ]
    return entity_graph(entities, deals + campaign)


def test_a_campaign_clique_does_not_outrank_a_hub_of_real_deals():
    g = star_and_campaign()
    top = key_players(g, top=3)
    assert top[0]["name"] == "机构0" and top[0]["degree"] == 3 and top[0]["strength"] == 3.0
    campaigner = next(r for r in key_players(g, top=12) if r["name"] == "机构4")
    assert campaigner["degree"] == 7 and campaigner["strength"] == 1.0 and campaigner["pagerank"] < top[0]["pagerank"]


def test_the_ranking_is_the_same_every_time_and_filters_by_type():
    g = star_and_campaign()
    assert key_players(g) == key_players(star_and_campaign())
    assert key_players(g, type_="PERSON") == [] and key_players(entity_graph([], [])) == []


def test_key_players_by_route_and_command(named, monkeypatch):  # noqa: F811
    with TestClient(create_app(named)) as client:
        body = client.get("/analytics/key-players", params={"type": "ORG", "top": 2}).json()
    assert body["count"] == 2 and body["data"][0]["name"] == "北辰电子公司"  # partners of three
    assert {r["type"] for r in body["data"]} == {"ORG"}
    monkeypatch.setattr("guanxi.api.settings.Settings.open_store", lambda self: named)
    monkeypatch.setattr(type(named), "close", lambda self: None, raising=False)
    rows = json.loads(CliRunner().invoke(cli, ["key-players", "--type", "ORG", "--top", "2"]).output)
    assert rows == body["data"]


def test_communities_find_the_deals_and_the_campaign_apart():
    from guanxi.graph.analytics import communities

    groups = communities(star_and_campaign())
    assert [g["size"] for g in groups] == [8, 4]  # the campaign's eight, the hub and its three
    assert groups[0]["relations"] == 28 and groups[1]["members"][0]["name"] == "机构0"
    assert communities(star_and_campaign()) == groups  # seeded: the same groups every time


def test_two_cliques_joined_by_one_edge_are_two_communities_whatever_the_read_order():
    import random

    from guanxi.graph.analytics import communities

    entities = [{"id": f"e{k:02d}", "name": f"机构{k}", "type": "ORG"} for k in range(12)]
    cliques = [(a, b) for part in (range(6), range(6, 12)) for a in part for b in part if a < b]
    relations = [{"head": f"e{a:02d}", "tail": f"e{b:02d}", "weight": 1} for a, b in [*cliques, (5, 6)]]
    groups = communities(entity_graph(entities, relations))
    assert [sorted(m["id"] for m in g["members"]) for g in groups] == [
        [f"e{k:02d}" for k in range(6)],
        [f"e{k:02d}" for k in range(6, 12)],
    ]
    assert [g["relations"] for g in groups] == [15, 15]  # the bridge joins no group inside
    rng = random.Random(3)
    rng.shuffle(entities), rng.shuffle(relations)
    assert communities(entity_graph(entities, relations)) == groups


def test_communities_by_route_and_command(named, monkeypatch):  # noqa: F811
    with TestClient(create_app(named)) as client:
        body = client.get("/analytics/communities").json()
    assert body["count"] >= 1 and all(g["size"] == len(g["members"]) or len(g["members"]) == 8 for g in body["data"])
    names = {m["name"] for g in body["data"] for m in g["members"]}
    assert {"星澜科技公司", "北辰电子公司"} <= names
    monkeypatch.setattr("guanxi.api.settings.Settings.open_store", lambda self: named)
    monkeypatch.setattr(type(named), "close", lambda self: None, raising=False)
    assert json.loads(CliRunner().invoke(cli, ["communities"]).output) == body["data"]


def test_a_timeline_groups_relations_by_the_month_they_were_first_seen():
    from guanxi.graph.analytics import timeline

    rows = [
        {
            "type": "PARTNERS_WITH",
            "head": "甲",
            "tail": "乙",
            "weight": 1,
            "first_seen": "2026-02-03",
            "last_seen": None,
        },
        {"type": "ISSUED", "head": "甲", "tail": "规划", "weight": 2, "first_seen": "2026-01", "last_seen": "2026-02"},
        {
            "type": "PARTNERS_WITH",
            "head": "丙",
            "tail": "乙",
            "weight": 1,
            "first_seen": "2026-01-20",
            "last_seen": None,
        },
    ]
    months = timeline(rows)
    assert [(m["month"], m["count"]) for m in months] == [("2026-01", 2), ("2026-02", 1)]
    assert [r["head"] for r in months[0]["relations"]] == ["甲", "丙"]  # a bare month before its days


def test_the_timeline_of_one_entity_by_route_and_command(named, monkeypatch):  # noqa: F811
    with TestClient(create_app(named)) as client:
        body = client.get("/analytics/timeline", params={"entity": "北辰电子公司", "rel": "PARTNERS_WITH"}).json()
    assert [
        (m["month"], [r["tail"] if r["head"] == "北辰电子公司" else r["head"] for r in m["relations"]])
        for m in body["data"]
    ] == [("2026-01", ["星澜科技公司"]), ("2026-02", ["南岭集团"]), ("2026-03", ["启明"])]
    monkeypatch.setattr("guanxi.api.settings.Settings.open_store", lambda self: named)
    monkeypatch.setattr(type(named), "close", lambda self: None, raising=False)
    out = json.loads(CliRunner().invoke(cli, ["timeline", "北辰电子公司", "--rel", "PARTNERS_WITH"]).output)
    assert out == body["data"]


def test_betweenness_is_left_out_of_graphs_too_large_for_it(monkeypatch):
    monkeypatch.setattr("guanxi.graph.analytics.BETWEENNESS_MAX_ENTITIES", 5)
    rows = key_players(star_and_campaign(), top=3)
    assert rows and all(r["betweenness"] is None for r in rows) and rows[0]["pagerank"] > 0
