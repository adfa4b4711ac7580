"""What changed: between two builds (the inventory kept before each write from the command line)
and between dates (the dates of the evidence), by function, command and route."""

import json
import shutil

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from guanxi.api.app import create_app
from guanxi.api.cli import cli
from guanxi.graph.analytics import changes, changes_by_date
from guanxi.graph.build import build_graph
from guanxi.graph.schema import TYPED_RELATION_TYPES
from tests.conftest import EXAMPLES
from tests.test_workbench import graph, named  # noqa: F401 (fixtures)


def org(i, first=None, last=None):
    return {"id": f"o{i}", "name": f"机构{i}", "type": "ORG", "first_seen": first, "last_seen": last}


def deal(a, b, first=None, last=None):
    return {"id": f"r{a}{b}", "type": "PARTNERS_WITH", "head": f"机构{a}", "tail": f"机构{b}",
            "first_seen": first, "last_seen": last}  # fmt: skip


def test_changes_are_new_and_gone_by_id():
    before = {"entities": [org(1), org(2)], "relations": [deal(1, 2)]}
    after = {"entities": [org(1), org(3)], "relations": [deal(1, 3)]}
    found = changes(before, after)
    assert [e["name"] for e in found["new_entities"]] == ["机构3"]
    assert [e["name"] for e in found["gone_entities"]] == ["机构2"]
    assert [r["id"] for r in found["new_relations"]] == ["r13"] and [r["id"] for r in found["gone_relations"]] == [
        "r12"
    ]
    assert changes(after, after) == {k: [] for k in found}


def test_changes_between_dates_read_a_month_as_the_whole_month():
    inventory = {
        "entities": [org(1, "2021-10-03", "2021-11-20"), org(2, "2021-11-20", "2021-11-20"), org(3, "2021-09", "2021-10")],
        "relations": [deal(1, 2, "2021-11-20", "2021-11-20"), deal(1, 3, "2021-09-01", "2021-10-30")],
    }  # fmt: skip
    found = changes_by_date(inventory, "2021-10")
    assert [e["name"] for e in found["new_entities"]] == ["机构2"]  # first seen after October
    assert [e["name"] for e in found["gone_entities"]] == ["机构3"]  # nothing after October
    assert [r["id"] for r in found["new_relations"]] == ["r12"] and [r["id"] for r in found["gone_relations"]] == [
        "r13"
    ]
    assert changes_by_date(inventory, "2021-10", "2021-10-31")["new_entities"] == []  # 11-20 is past the end
    assert [e["name"] for e in changes_by_date(inventory, "2021-09-30", "2021-10")["new_entities"]] == ["机构1"]


def ids(g, typed_only=True):
    entities = set(g.nodes)
    relations = {e["id"] for _, _, e in g.edges(data=True) if e["type"] in TYPED_RELATION_TYPES}
    return entities, relations


@pytest.mark.slow
def test_a_second_build_with_one_more_article_names_exactly_what_that_article_added(tmp_path, example_articles):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    files = sorted(EXAMPLES.glob("*.txt"))
    for f in files[:-1]:
        shutil.copy(f, corpus)
    env = {"GUANXI_DATA": str(tmp_path / "data"), "GUANXI_STORE": "embedded"}
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(corpus)], env=env).exit_code == 0
    shutil.copy(files[-1], corpus)
    assert runner.invoke(cli, ["build", str(corpus)], env=env).exit_code == 0
    done = runner.invoke(cli, ["changes", "--format", "json"], env=env)
    assert done.exit_code == 0, done.output
    found = json.loads(done.output)

    last = files[-1].stem
    (old_entities, old_relations), (new_entities, new_relations) = (
        ids(build_graph([a for a in example_articles if a.id != last])),
        ids(build_graph(example_articles)),
    )
    assert {e["id"] for e in found["new_entities"]} == new_entities - old_entities != set()
    assert {r["id"] for r in found["new_relations"]} == new_relations - old_relations != set()
    assert found["gone_entities"] == [] and found["gone_relations"] == []
    article = next(a for a in example_articles if a.id == last)
    assert all(e["name"] in article.text or e["type"] == "ORG" for e in found["new_entities"])


def test_changes_by_route(named, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("GUANXI_DATA", str(tmp_path))
    with TestClient(create_app(named)) as client:
        dated = client.get("/analytics/changes", params={"since": "2026-01"}).json()
        no_start = client.get("/analytics/changes", params={"until": "2026-02"})
        no_inventory = client.get("/analytics/changes")
        bad_date = client.get("/analytics/changes", params={"since": "February"})
        backwards = client.get("/analytics/changes", params={"since": "2026-02", "until": "2026-01-31"})
        inside = client.get("/analytics/changes", params={"since": "2026-01", "until": "2026-01-20"})
        month = client.get("/analytics/changes", params={"since": "2026-01-31", "until": "2026-02"}).json()
    assert dated["basis"] == "dates"
    assert [(r["head"], r["tail"], r["first_seen"]) for r in dated["new_relations"]] == [
        ("北辰电子公司", "南岭集团", "2026-02-15"),
        ("北辰电子公司", "启明", "2026-03-15"),
    ]  # the January relations are not new after January
    assert no_start.status_code == 422 and bad_date.status_code == 422
    assert backwards.status_code == 422 and backwards.json()["error"].startswith("until (2026-01-31) must come after")
    assert inside.status_code == 422  # the period after January cannot end inside January
    assert month["new_relations"] == dated["new_relations"][:1]  # until a month: up to its last day
    assert no_inventory.status_code == 404 and "No earlier inventory" in no_inventory.text


def test_a_write_that_fails_keeps_the_record_of_the_last_one_that_succeeded(named, tmp_path):  # noqa: F811
    from guanxi.cypher.inventory import previous, remember

    remember(named, tmp_path, "store-a")()
    kept = previous(tmp_path, "store-a")
    remember(named, tmp_path, "store-a")  # read, but the write it preceded failed: never kept
    assert previous(tmp_path, "store-a") == kept
    with pytest.raises(Exception, match="not of store-b"):
        previous(tmp_path, "store-b")


def test_a_store_address_is_kept_without_its_password(monkeypatch):
    from guanxi.api.settings import Settings

    monkeypatch.setenv("GUANXI_STORE", "falkor://user:secret@db.example:6379")
    assert "secret" not in Settings.from_env().store_identity


def test_a_period_that_ends_before_it_starts_is_a_usage_error(tmp_path):
    env = {"GUANXI_DATA": str(tmp_path / "data"), "GUANXI_STORE": "embedded"}
    done = CliRunner().invoke(cli, ["changes", "--since", "2026-03", "--until", "2026-02-28"], env=env)
    assert done.exit_code == 2 and "--until (2026-02-28) must come after --since (2026-03)" in done.output
