"""What an analyst reaches by name in the API, the CLI and the pages: entities by id, name or alias
(and what is said when a name is ambiguous or unknown), evidence that names its article, the home page."""

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from guanxi.api.app import create_app
from guanxi.api.cli import cli
from guanxi.graph.build import build_graph
from guanxi.graph.errors import Ambiguous, NotFound
from tests.test_aliases import run

TEXTS = [
    ("星澜科技公司（以下简称“星澜科技”）与北辰电子公司签署战略合作协议。星澜科技总裁李明远出席签约仪式。", []),
    ("北辰电子公司与南岭集团合作建设储能基地。", [("南岭集团", "ORG")]),
    ("启明基金与北辰电子公司签约。", [("启明", "ORG")]),  # the organization 启明 …
    ("王启明出席了发布会，启明表示将继续投入。", [("启明", "PERSON")]),  # … and a person of that name
]


@pytest.fixture(scope="module")
def graph():
    articles = [
        run(text, [("星澜科技公司", "ORG"), ("北辰电子公司", "ORG"), ("李明远", "PERSON"), *extra], doc_id=f"d{i}")
        for i, (text, extra) in enumerate(TEXTS)
    ]
    for i, article in enumerate(articles):
        article.title, article.date = f"第{i}篇报道", f"2026-0{i + 1}-15"
    return build_graph(articles)


def id_of(graph, type_, name):
    return next(n for n, d in graph.nodes(data=True) if (d["type"], d["name"]) == (type_, name))


@pytest.fixture
def named(store, graph):
    store.load(graph)
    return store


def test_an_id_a_name_and_an_alias_resolve_to_the_same_entity(named, graph):
    xinglan = id_of(graph, "ORG", "星澜科技公司")
    assert named.resolve(xinglan) == named.resolve("星澜科技公司") == named.resolve("星澜科技") == xinglan


def test_a_part_of_a_name_is_not_guessed_but_offered(named):
    with pytest.raises(NotFound, match='No entity is named "星澜科".*did you mean 星澜科技公司 \\(ORG, org-'):
        named.resolve("星澜科")


def test_a_name_two_entities_bear_lists_both(named, graph):
    with pytest.raises(Ambiguous) as raised:
        named.resolve("启明")
    assert {c["type"] for c in raised.value.candidates} == {"ORG", "PERSON"}
    assert named.resolve("启明", type="PERSON") == id_of(graph, "PERSON", "启明")


def test_the_api_takes_names_in_paths_and_views(named, graph):
    with TestClient(create_app(named)) as client:
        assert client.get("/entities/星澜科技").json()["id"] == id_of(graph, "ORG", "星澜科技公司")
        view = client.get("/entities/星澜科技公司/view")
        assert view.status_code == 200 and "北辰电子公司" in view.text
        paths = client.get("/paths", params={"from": "李明远", "to": "南岭集团"}).json()
        assert paths["paths"] and paths["paths"][0]["nodes"][-1]["name"] == "南岭集团"
        unknown = client.get("/entities/星澜科/neighborhood")
        assert unknown.status_code == 404 and "did you mean 星澜科技公司" in unknown.json()["error"]
        ambiguous = client.get("/entities/启明/view")
        assert ambiguous.status_code == 409 and len(ambiguous.json()["candidates"]) == 2


def test_the_cli_finds_paths_by_name_and_says_when_a_name_is_ambiguous(named, monkeypatch):
    monkeypatch.setattr("guanxi.api.settings.Settings.open_store", lambda self: named)
    monkeypatch.setattr(type(named), "close", lambda self: None, raising=False)
    runner = CliRunner()
    found = runner.invoke(cli, ["paths", "李明远", "南岭集团", "--max-hops", "3"])
    assert found.exit_code == 0, found.output
    assert json.loads(found.output)["paths"][0]["nodes"][0]["name"] == "李明远"
    ambiguous = runner.invoke(cli, ["entity", "启明"])
    assert ambiguous.exit_code == 1 and '"启明" names 2 entities' in ambiguous.output


def test_evidence_names_its_article_by_title_in_the_api_and_the_view(named, graph):
    with TestClient(create_app(named)) as client:
        hood = client.get("/entities/星澜科技公司/neighborhood").json()
        partner = next(e for e in hood["edges"] if e["type"] == "PARTNERS_WITH")
        assert partner["evidence"][0]["title"] == "第0篇报道"
        page = client.get(f"/relations/{partner['id']}/evidence").json()
        assert [ev["title"] for ev in page["data"]] == ["第0篇报道"]
        assert "〔第0篇报道 · 2026-01-15〕" in client.get("/entities/星澜科技公司/view").text


def test_the_home_page_shows_counts_by_type_top_entities_and_the_latest_articles(named):
    with TestClient(create_app(named)) as client:
        page = client.get("/").text
    assert "ORG <b>4</b>" in page and "PERSON <b>2</b>" in page and "articles <b>4</b>" in page
    assert f'<a href="/entities/{named.resolve("北辰电子公司")}/dossier">北辰电子公司</a>' in page
    assert page.index("第3篇报道") < page.index("第2篇报道") < page.index("第0篇报道")  # newest first
    assert '<option value="PROJECT">PROJECT</option>' in page  # the type filter of the search box


def test_the_home_page_escapes_names():
    from guanxi.viz.pages import home_page

    hostile = {"id": "org-x", "name": "<script>alert(1)</script>", "type": "ORG", "mentions": 1}
    page = home_page(
        {
            "counts": {"entities": 1, "relationships": 0, "documents": 1},
            "types": [{"type": "ORG", "total": 1, "top": [hostile]}],
            "latest": [{"id": "d1", "title": "<b>标题</b>", "date": "2026-01-01"}],
        }
    )
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "&lt;b&gt;标题" in page


def test_the_dossier_groups_relations_by_type_with_their_evidence(named):
    with TestClient(create_app(named)) as client:
        response = client.get("/entities/星澜科技/dossier")
    page = response.text
    assert response.status_code == 200 and "<h1>" in page and "星澜科技公司" in page
    assert "别名 aliases: 星澜科技" in page and "first seen <b>2026-01-15</b>" in page
    partners, roles = page.index("合作 Partners"), page.index("任职 People and roles")
    assert partners < page.index("北辰电子公司</a>", partners) < roles  # the partner, in its group
    assert page.index("李明远</a>", roles) and "总裁" in page[roles:]
    assert "〔第0篇报道 · 2026-01-15〕" in page
    assert f'src="/entities/{named.resolve("星澜科技公司")}/view"' in page  # the interactive graph


def test_a_sentence_shared_by_many_relations_is_printed_once_and_names_are_escaped():
    from guanxi.viz.pages import dossier_page

    center = {"id": "o1", "name": "<i>中心</i>", "type": "ORG", "aliases": [], "merge_reasons": ["甲 -> 乙: test"]}
    others = [{"id": f"o{k}", "name": f"机构{k}", "type": "ORG"} for k in (2, 3)]
    campaign = {
        "doc_id": "d",
        "sentence": "中心、机构2和机构3联合开展为期三个月的专项行动，覆盖全市重点场所。",
        "title": "报道",
        "date": "2026-02-01",
    }
    edges = [
        {
            "id": f"r{k}",
            "type": "PARTNERS_WITH",
            "source": "o1",
            "target": f"o{k}",
            "weight": 1,
            "specificity": 0.5,
            "evidence": [dict(campaign)],
            "evidence_total": 1,
        }
        for k in (2, 3)
    ]
    page = dossier_page(center, {"nodes": [center, *others], "edges": edges})
    assert page.count(campaign["sentence"]) == 1 and "同上 the sentence above" in page
    assert "<i>中心</i>" not in page and "&lt;i&gt;中心&lt;/i&gt;" in page
    assert "甲 -&gt; 乙: test" in page  # why the names were merged


def test_every_console_example_runs_on_the_store(named):
    from guanxi.viz.pages import CONSOLE_EXAMPLES

    for what, query, params in CONSOLE_EXAMPLES:
        result = named.query(query, json.loads(params))
        assert isinstance(result["rows"], list), what
    partners = named.query(CONSOLE_EXAMPLES[2][1], {"name": "星澜科技"})["rows"]
    assert partners == [{"partner": "北辰电子公司", "weight": 1}]


def test_the_console_shows_rows_and_shows_a_refused_write_as_such(named, tmp_path):
    from urllib.parse import urlencode

    from tests.test_apidocs import LOOPBACK_ONLY, serve_app
    from tests.test_view import headless_dom

    def dom(base, query):
        url = f"{base}/console?{urlencode({'query': query})}#run"
        profile = tmp_path / str(abs(hash(query)))
        return headless_dom(url, profile, network=LOOPBACK_ONLY, budget_ms=8000).stdout

    with serve_app(create_app(named)) as base:
        table = dom(base, "MATCH (o:ORG) RETURN o.name AS org ORDER BY org")
        refused = dom(base, "MATCH (o:ORG) DETACH DELETE o")
    assert "<th>org</th>" in table and "<td>北辰电子公司</td>" in table and "4 rows" in table
    assert 'class="error"' in refused and "<table" not in refused
    assert named.counts()["entities"] == 6  # nothing was deleted


def test_the_path_page_follows_each_hop_with_its_evidence(named):
    with TestClient(create_app(named)) as client:
        page = client.get("/paths/view", params={"from": "李明远", "to": "南岭集团"}).text
        unknown = client.get("/paths/view", params={"from": "星澜科", "to": "南岭集团"}).text
        empty = client.get("/paths/view").text
    first = page.index('class="path"')
    assert page.index("李明远</a>", first) < page.index("HOLDS_ROLE (总裁)", first) < page.index("南岭集团</a>", first)
    assert "〔第1篇报道 · 2026-02-15〕" in page  # the evidence of the last hop
    assert 'class="error"' in unknown and "did you mean 星澜科技公司" in unknown
    assert "<form" in empty and 'class="path"' not in empty


def test_embed_snippets_link_to_the_public_address_when_one_is_set(named):
    from guanxi.api.settings import Settings

    settings = Settings.from_env({"GUANXI_PUBLIC_URL": "https://guanxi.example.org/"})
    with TestClient(create_app(named, settings)) as client:
        snippet = client.get("/entities/星澜科技/embed").text
    assert f'src="https://guanxi.example.org/entities/{named.resolve("星澜科技")}/view?' in snippet


def test_tables_line_up_chinese_and_latin_text():
    from guanxi.api.tables import text_table, width

    table = text_table([{"name": "工信部", "id": "org-1"}, {"name": "Meta", "id": "org-22"}]).splitlines()
    assert table[0] == "name    id" and table[2] == "工信部  org-1" and table[3] == "Meta    org-22"
    assert width("工信部") == 6 and width("Meta") == 4


def test_the_cli_prints_tables_for_people(named, monkeypatch):
    monkeypatch.setattr("guanxi.api.settings.Settings.open_store", lambda self: named)
    monkeypatch.setattr(type(named), "close", lambda self: None, raising=False)
    runner = CliRunner()
    hits = runner.invoke(cli, ["search", "星澜", "--format", "table"]).output.splitlines()
    assert hits[0].split() == ["name", "type", "match", "mentions", "aliases", "id"]
    assert hits[2].split()[:3] == ["星澜科技公司", "ORG", "prefix"]
    route = runner.invoke(cli, ["paths", "李明远", "南岭集团", "--format", "table"]).output
    assert route.splitlines()[0].startswith("李明远 →HOLDS_ROLE(总裁)→ 星澜科技公司")
    rows = runner.invoke(cli, ["cypher", "MATCH (o:ORG) RETURN o.name AS org ORDER BY org", "--format", "table"]).output
    assert rows.splitlines()[0] == "org" and "北辰电子公司" in rows
    as_csv = runner.invoke(cli, ["neighborhood", "星澜科技", "--format", "csv"]).output.splitlines()
    assert as_csv[0] == "relation,from,to,title,weight,evidence" and any("北辰电子公司" in line for line in as_csv)
    piped = runner.invoke(cli, ["search", "星澜"]).output  # not a terminal: JSON
    assert json.loads(piped)[0]["name"] == "星澜科技公司"


def test_the_relations_around_an_entity_download_as_csv_with_every_sentence_whole(named):
    import csv
    import io

    with TestClient(create_app(named)) as client:
        response = client.get("/entities/星澜科技/neighborhood.csv", params={"rel": "PARTNERS_WITH"})
        dossier = client.get("/entities/星澜科技/dossier").text
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the mark
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["relation"], {r["from"], r["to"]}) for r in rows] == [
        ("PARTNERS_WITH", {"星澜科技公司", "北辰电子公司"})
    ]
    assert rows[0]["evidence"] == TEXTS[0][0].split("。")[0] + "。"
    assert f'href="/entities/{named.resolve("星澜科技")}/neighborhood.csv"' in dossier


def test_csv_keeps_what_a_table_cuts():
    from guanxi.api.tables import MAX_CELL, csv_text, text_table

    long = "甲" * (MAX_CELL * 2)
    assert long in csv_text([{"evidence": long, "parties": ["乙", "丙"]}])
    assert "乙、丙" in csv_text([{"evidence": long, "parties": ["乙", "丙"]}])
    assert long not in text_table([{"evidence": long}])


def test_an_article_reads_back_with_its_names_marked_and_its_relations(named):
    with TestClient(create_app(named)) as client:
        article = client.get("/documents/d0").json()
        page = client.get("/documents/d0/view").text
        missing = client.get("/documents/nope/view")
        home = client.get("/").text
    assert article["text"] == TEXTS[0][0] and article["title"] == "第0篇报道"
    xinglan = next(e for e in article["entities"] if e["name"] == "星澜科技公司")
    assert set(xinglan["forms"]) == {"星澜科技公司", "星澜科技"}
    assert {r["type"] for r in article["relations"]} >= {"PARTNERS_WITH", "HOLDS_ROLE"}
    assert '<mark class="ORG" title="星澜科技公司 · ORG">星澜科技公司</mark>' in page
    assert '<mark class="ORG" title="星澜科技公司 · ORG">星澜科技</mark>总裁' in page  # the short form, too
    assert missing.status_code == 404
    assert '<a href="/documents/d0/view">第0篇报道</a>' in home


def test_marking_takes_the_longest_form_and_escapes_the_text():
    from guanxi.viz.pages import article_page, marked

    entities = [{"id": "o1", "name": "星澜科技公司", "type": "ORG", "forms": ["星澜科技公司", "星澜"], "mentions": 2}]
    pieces = marked("星澜科技公司<b>与星澜</b>", entities)
    assert [(p["text"], bool(p["entity"])) for p in pieces] == [
        ("星澜科技公司", True),
        ("<b>与", False),
        ("星澜", True),
        ("</b>", False),
    ]
    page = article_page(
        {"id": "d", "title": "t", "text": "星澜科技公司<b>与星澜</b>", "entities": entities, "relations": []}
    )
    assert "&lt;b&gt;与" in page and "<b>与" not in page


def test_pages_keep_to_the_read_key_and_link_only_web_addresses(named):
    from guanxi.api.settings import Settings
    from guanxi.viz.pages import article_page

    protected = Settings.from_env({"GUANXI_PROTECT_READS": "1", "GUANXI_API_KEY": "k"})
    with TestClient(create_app(named, protected)) as client:
        assert client.get("/").status_code == 401
        assert client.get("/", headers={"X-API-Key": "k"}).status_code == 200
    page = article_page(
        {"id": "d", "title": "t", "text": "正文", "url": "javascript:alert(1)", "entities": [], "relations": []}
    )
    assert "javascript:" not in page
    linked = article_page(
        {"id": "d", "title": "t", "text": "正文", "url": "https://example.org/a", "entities": [], "relations": []}
    )
    assert 'href="https://example.org/a"' in linked


def test_a_document_id_with_slashes_and_dots_is_linked_as_one_segment(store):
    from guanxi.viz.render import segment

    article = run(
        "星澜科技公司与北辰电子公司签署战略合作协议。",
        [("星澜科技公司", "ORG"), ("北辰电子公司", "ORG")],
        doc_id="../news/2026/1",
    )
    article.title = "报道"
    store.load(build_graph([article]))
    with TestClient(create_app(store)) as client:
        home = client.get("/").text
        link = f"/documents/{segment('../news/2026/1')}/view"
        assert f'href="{link}"' in home
        page = client.get(link)
    assert page.status_code == 200 and "<h1>报道</h1>" in page.text


def test_a_spreadsheet_download_cannot_start_a_formula():
    from guanxi.api.tables import csv_text

    text = csv_text([{"name": '=HYPERLINK("http://x")', "other": "-1", "plain": "华为"}], spreadsheet=True)
    row = text.splitlines()[1]
    assert row.startswith("\"'=HYPERLINK") and ",'-1," in row and row.endswith(",华为")
