"""The command line: invoke a command, then check what it wrote or loaded through the Python API."""

import json

import pytest
from click.testing import CliRunner

from guanxi.api.cli import cli
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


@pytest.fixture
def runner():
    return CliRunner()


def test_help_lists_the_commands(runner):
    out = runner.invoke(cli, ["--help"]).output
    for command in ("extract", "build", "serve", "search", "entity", "neighborhood", "view", "cypher", "settings"):
        assert f"  {command} " in out


def test_extract_follows_the_scoring_contract(runner, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            json.dumps({"id": f"d{i}", "text": p.read_text(encoding="utf-8")}, ensure_ascii=False)
            for i, p in enumerate(sorted(EXAMPLES.glob("*.txt")))
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"d{i}" for i in range(5)]
    first = rows[0]
    assert {"name": "工业和信息化部", "type": "ORG"}.items() <= next(
        e for e in first["entities"] if e["name"] == "工业和信息化部"
    ).items()
    role = next(r for r in first["relations"] if r["type"] == "HOLDS_ROLE" and r["head"] == "韩夏")
    assert role["tail"] == "工业和信息化部" and role["title"] == "总工程师"
    assert role["evidence"][0]["sentence"].startswith("工信部总工程师韩夏介绍")


def test_extract_reports_bad_files_and_still_writes_the_good_ones(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text((EXAMPLES / "02-blockchain-banks.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["extract", str(tmp_path / "missing.txt"), str(good), "-o", str(out)])
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'missing.txt'}: no such file or folder\n" in result.output
    assert [json.loads(l)["id"] for l in out.read_text(encoding="utf-8").splitlines()] == ["good"]


def test_build_loads_the_store_and_the_other_commands_read_it(runner, tmp_path):
    data = tmp_path / "data"
    export = tmp_path / "graph.json"
    result = runner.invoke(cli, ["build", str(EXAMPLES), "--export", str(export), "--data", str(data)])
    assert result.exit_code == 0, result.output
    graph = json.loads(export.read_text(encoding="utf-8"))
    from guanxi.api.settings import Settings

    with Settings.from_env(data=str(data)).open_store() as store:
        assert store.counts()["entities"] == len(graph["nodes"])
    again = runner.invoke(cli, ["build", str(EXAMPLES), "--data", str(data)])
    assert again.exit_code == 0
    with Settings.from_env(data=str(data)).open_store() as store:
        assert store.counts()["entities"] == len(graph["nodes"])
    hits = json.loads(runner.invoke(cli, ["search", "工信部", "--data", str(data)]).output)
    assert hits[0]["name"] == "工业和信息化部"
    hood = json.loads(runner.invoke(cli, ["neighborhood", "工信部", "--rel", "HOLDS_ROLE", "--data", str(data)]).output)
    assert "韩夏" in {n["name"] for n in hood["nodes"]}
    html = tmp_path / "v.html"
    result = runner.invoke(cli, ["view", "工信部", "-o", str(html), "--data", str(data)])
    assert result.exit_code == 0 and "new vis.Network" in html.read_text(encoding="utf-8")
    rows = json.loads(
        runner.invoke(
            cli, ["cypher", "MATCH (e:Entity {name: $n}) RETURN e.type AS t", "--param", "n=韩夏", "--data", str(data)]
        ).output
    )["rows"]
    assert rows == [{"t": "PERSON"}]


def test_write_query_is_refused_with_a_clear_error(runner, tmp_path):
    result = runner.invoke(cli, ["cypher", "MATCH (n) DELETE n", "--data", str(tmp_path / "data")])
    assert result.exit_code == 1
    assert result.output.endswith(
        "Error: Read-only queries only: DELETE writes to the graph. "
        "Use `guanxi add`/`guanxi build` to change the graph.\n"
    )


def test_unknown_relation_type_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["neighborhood", "x", "--rel", "LIKES", "--data", str(tmp_path / "d")])
    assert result.exit_code == 1
    assert "Error: unknown relation type: LIKES" in result.output


def test_add_and_remove_keep_the_store_consistent(runner, tmp_path):
    data = ["--data", str(tmp_path / "data")]
    first = sorted(EXAMPLES.glob("*.txt"))[:2]
    assert runner.invoke(cli, ["add", str(first[0]), *data]).exit_code == 0
    from guanxi.api.settings import Settings

    with Settings.from_env(data=str(tmp_path / "data")).open_store() as store:
        one = store.snapshot()
    result = runner.invoke(cli, ["add", str(first[1]), *data])
    assert result.exit_code == 0 and "added 1 articles (0 replaced)" in result.output
    again = runner.invoke(cli, ["add", str(first[1]), *data])
    assert "added 1 articles (1 replaced)" in again.output
    removed = runner.invoke(cli, ["remove", first[1].stem, *data])
    assert removed.exit_code == 0 and f"removed {first[1].stem}: 1 articles" in removed.output
    with Settings.from_env(data=str(tmp_path / "data")).open_store() as store:
        assert store.snapshot() == one
    assert runner.invoke(cli, ["rebuild", *data]).exit_code == 0
    with Settings.from_env(data=str(tmp_path / "data")).open_store() as store:
        assert store.snapshot() == one
    missing = runner.invoke(cli, ["remove", "nope", *data])
    assert missing.exit_code == 1 and 'Error: Document "nope" not found' in missing.output


def test_build_writes_neo4j_admin_csv(runner, tmp_path):
    import csv

    out = tmp_path / "csv"
    result = runner.invoke(
        cli, ["build", str(EXAMPLES), "--no-load", "--csv", str(out), "--export", str(tmp_path / "g.json")]
    )
    assert result.exit_code == 0, result.output
    graph = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    with (out / "entities.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(graph["nodes"])
    assert {"id:ID(Entity)", "aliases:string[]", ":LABEL"} <= set(rows[0])
    assert all(r[":LABEL"] == f"Entity;{r['type']}" for r in rows)
    with (out / "relationships.csv").open(encoding="utf-8") as f:
        rels = list(csv.DictReader(f))
    assert len(rels) == len(graph["edges"])
    assert all(json.loads(r["evidence"]) for r in rels)
    assert "neo4j-admin database import full" in result.output


def test_unreachable_store_is_a_clear_error(runner):
    result = runner.invoke(cli, ["search", "x", "--store", "falkor://127.0.0.1:1"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: Could not reach FalkorDB at falkor://127.0.0.1:1:")


def test_settings_table_and_record_agree_and_are_read_from_the_given_environment():
    from dataclasses import fields

    from guanxi.api.settings import SETTINGS, Settings, default_data_dir

    assert [s.field for s in SETTINGS] == [f.name for f in fields(Settings)]
    assert Settings.from_env(env={}) == Settings(data=default_data_dir())  # one set of defaults
    s = Settings.from_env(
        env={"GUANXI_PROTECT_READS": "yes", "GUANXI_TORCH_THREADS": "2", "GUANXI_STORE": ""},
        store="falkor://h:1",
        data=None,
    )
    assert (s.protect_reads, s.torch_threads, s.store) == (True, 2, "falkor://h:1")


def test_extraction_is_configured_from_the_settings_not_from_the_environment(tmp_path, monkeypatch):
    from guanxi.api.settings import Settings
    from guanxi.graph import config
    from guanxi.graph.aliases import alias_files

    extra = tmp_path / "mine.tsv"
    monkeypatch.setenv("GUANXI_ALIASES", str(extra))
    assert alias_files()[-1] != extra  # graph/ reads no environment variable
    monkeypatch.setattr(config, "_active", config.active())
    config.configure(Settings.from_env().extraction())
    assert alias_files()[-1] == extra and config.active().ner_model.endswith("ner")


def test_a_build_whose_inputs_all_fail_leaves_the_store_as_it_was(runner, tmp_path):
    data = ["--data", str(tmp_path / "data")]
    assert runner.invoke(cli, ["build", str(EXAMPLES), *data]).exit_code == 0
    from guanxi.api.settings import Settings

    with Settings.from_env(data=str(tmp_path / "data")).open_store() as store:
        before = store.counts()
    result = runner.invoke(cli, ["build", str(tmp_path / "no-such-file.txt"), *data])
    assert result.exit_code == 1 and "the store was left as it was" in result.output
    with Settings.from_env(data=str(tmp_path / "data")).open_store() as store:
        assert store.counts() == before and before["entities"] > 0
