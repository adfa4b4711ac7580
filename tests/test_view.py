"""The views: self-contained HTML that draws offline, readable, small enough to embed."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from guanxi.viz.render import render_view
from tests.test_store import small_articles

BLOCK_NETWORK = ["--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]


@pytest.fixture(scope="module")
def hood(tmp_path_factory):
    from guanxi.cypher.falkordb_store import FalkorDBStore

    store = FalkorDBStore.embedded(tmp_path_factory.mktemp("view"))
    store.add(small_articles())
    yield store.neighborhood(store.resolve("工信部"), depth=2)
    store.close()


def test_page_references_no_other_host(hood):
    html = render_view(hood)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "<script>" in html and "vis.Network" in html


def test_page_has_legend_focus_tooltips_and_data(hood):
    html = render_view(hood)
    assert "组织 ORG" in html and "人物 PERSON" in html  # legend of the types present
    data = data_island(html)
    import json

    graph = json.loads(data)
    assert len(graph["nodes"]) == len(hood["nodes"]) and len(graph["edges"]) == len(hood["edges"])
    focus = next(n for n in graph["nodes"] if n["id"] == hood["center"])
    assert focus["borderWidth"] == 4
    role = next(e for e in graph["edges"] if e["label"] == "部长")
    assert "工信部部长李明远表示" in role["title"]  # evidence in the tooltip
    assert graph["options"]["physics"]["stabilization"]["enabled"] is True


def data_island(html: str) -> str:
    """The JSON the page hands to its script."""
    return re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S).group(1)


def one_node_hood(name: str) -> dict:
    return {
        "center": "x",
        "depth": 1,
        "capped": False,
        "limit": 10,
        "edges": [],
        "nodes": [{"id": "x", "name": name, "type": "ORG", "aliases": [], "mentions": 1}],
    }


def test_script_text_cannot_close_the_script_element():
    hood = one_node_hood("</script><b>x")
    html = render_view(hood)
    assert "</script><b>" not in html


def test_no_name_can_change_how_the_data_island_is_parsed():
    import json

    name = "</script><!--<script>&amp;"
    hood = one_node_hood(name)
    html = render_view(hood)
    island = data_island(html)
    assert not set("<>&") & set(island)
    assert json.loads(island)["nodes"][0]["label"] == name


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; `make test` installs Debian's chromium")
        pytest.skip("chromium is not installed (make test installs Debian's chromium)")
    return path


def headless_dom(url: str, profile: Path, *flags: str, network=BLOCK_NETWORK, budget_ms: int = 10000):
    """Debian's chromium, headless, loads ``url`` with ``network`` blocked, runs its scripts for
    ``budget_ms`` of virtual time and dumps the DOM (stdout; stderr says why when it fails)."""
    return subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            *network,
            *flags,
            f"--virtual-time-budget={budget_ms}",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_view_draws_in_headless_chromium_with_the_network_blocked(hood, tmp_path):
    page = tmp_path / "view.html"
    page.write_text(render_view(hood), encoding="utf-8")
    done = headless_dom(page.as_uri(), tmp_path / "profile")
    dom = done.stdout
    assert "<canvas" in dom, done.stderr[-2000:]
    assert f'data-node-count="{len(hood["nodes"])}"' in dom
    assert 'data-stabilized="true"' in dom


def test_the_view_saves_its_picture_as_png(hood, tmp_path):
    page = tmp_path / "view.html"
    page.write_text(render_view(hood), encoding="utf-8")
    done = headless_dom(page.as_uri() + "#png", tmp_path / "profile", "--window-size=900,700")
    saved = re.search(r'data-png-bytes="(\d+)"', done.stdout)
    assert saved and int(saved.group(1)) > 5_000, done.stderr[-2000:]  # a picture, not an empty canvas
    assert 'id="png"' in done.stdout


def test_view_of_300_nodes_is_small():
    nodes = [
        {
            "id": f"n{i}",
            "name": f"机构{i}",
            "type": "ORG",
            "aliases": [f"别名{i}"],
            "mentions": i % 9,
            "document_count": 1,
        }
        for i in range(300)
    ]
    evidence = [
        {
            "doc_id": "d",
            "sentence": "某机构与另一机构签署合作协议，共同推进项目建设。" * 3,
            "head": [0, 2],
            "tail": [3, 5],
            "rule_id": "r",
            "confidence": 1.0,
            "date": None,
        }
    ] * 3
    edges = [
        {
            "id": f"e{i}",
            "type": "PARTNERS_WITH",
            "source": "n0",
            "target": f"n{i}",
            "weight": 2,
            "title": None,
            "npmi": None,
            "document_count": 1,
            "evidence_total": 3,
            "evidence": evidence,
        }
        for i in range(1, 300)
    ]
    html = render_view({"center": "n0", "depth": 1, "capped": False, "limit": 300, "nodes": nodes, "edges": edges})
    assert len(html.encode()) < 1_500_000


def test_nodes_have_the_legends_colours_and_shapes(hood):
    import json

    from guanxi.viz.render import NODE_STYLE

    html = render_view(hood)
    data = json.loads(data_island(html))
    for node in data["nodes"]:
        kind = next(t for t, s in NODE_STYLE.items() if s["shape"] == node["shape"])
        assert node["color"]["background"] == NODE_STYLE[kind]["color"] and "group" not in node


def test_an_edge_known_only_from_a_campaign_is_drawn_faint_and_unlabelled():
    import json

    hood = one_node_hood("中心")
    hood["nodes"] += [{"id": f"n{k}", "name": f"机构{k}", "type": "ORG", "aliases": [], "mentions": 1} for k in (1, 2)]
    hood["edges"] = [
        {
            "id": "campaign",
            "type": "PARTNERS_WITH",
            "source": hood["nodes"][0]["id"],
            "target": "n1",
            "weight": 1,
            "specificity": 1 / 7,
            "evidence": [],
        },
        {
            "id": "deal",
            "type": "PARTNERS_WITH",
            "source": hood["nodes"][0]["id"],
            "target": "n2",
            "weight": 1,
            "specificity": 1.0,
            "evidence": [],
        },
    ]
    edges = {e["to"]: e for e in json.loads(data_island(render_view(hood)))["edges"]}
    assert edges["n1"]["color"]["opacity"] < 0.5 and edges["n1"].get("label") is None
    assert edges["n2"]["color"]["opacity"] == 1.0 and edges["n2"]["label"] == "PARTNERS_WITH"
    assert edges["n1"]["width"] < edges["n2"]["width"]
