"""Static figures (viz/figure.py) and dossiers as files (viz/report.py), by library, route and command."""

import io
import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from guanxi.api.app import create_app
from guanxi.api.cli import cli
from guanxi.viz.figure import CJK_FONTS, FigureError, cjk_font, figure_bytes
from guanxi.viz.render import NODE_STYLE, render_view
from guanxi.viz.report import dossier_of, report_bytes
from tests.test_workbench import graph, named  # noqa: F401 (fixtures)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def a_cjk_font() -> str | None:
    try:
        return cjk_font()
    except FigureError:
        return None


needs_cjk_font = pytest.mark.skipif(
    a_cjk_font() is None, reason="no CJK font to draw with: `make test` installs fonts-noto-cjk when run as root"
)


@pytest.fixture
def hood(named):  # noqa: F811
    return named.neighborhood(named.resolve("北辰电子公司"), depth=2)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def pdf_text(data: bytes) -> tuple[int, str]:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    pages = sum(1 for _ in PDFPage.get_pages(io.BytesIO(data)))
    return pages, extract_text(io.BytesIO(data))


@needs_cjk_font
def test_an_svg_figure_is_xml_holding_every_label_and_the_legend(hood):
    svg = figure_bytes(hood, "svg")
    root = ET.fromstring(svg)
    texts = "".join(root.itertext())
    for n in hood["nodes"]:
        assert n["name"] in texts, n["name"]
    assert "组织 ORG" in texts and "人物 PERSON" in texts and "PARTNERS_WITH" in texts
    assert "总裁" in texts  # the typed relation's label
    assert "第0篇报道" in texts and "2026-01-15" in texts  # the caption: sources and dates
    assert len(svg) < 300_000


@needs_cjk_font
def test_a_png_figure_is_a4_wide_with_the_legend_colours(hood):
    from PIL import Image

    png = Image.open(io.BytesIO(figure_bytes(hood, "png"))).convert("RGB")
    assert png.size[0] == 1240  # A4 width at 150 dpi
    colours = set(png.getdata())
    for type_ in {n["type"] for n in hood["nodes"]}:
        assert hex_rgb(NODE_STYLE[type_]["color"]) in colours, type_


@needs_cjk_font
def test_a_pdf_figure_is_one_page_with_its_labels_as_text(hood):
    pages, text = pdf_text(figure_bytes(hood, "pdf"))
    assert pages == 1
    for n in hood["nodes"]:
        assert n["name"] in text.replace("\n", ""), n["name"]


@needs_cjk_font
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_the_same_neighborhood_gives_the_same_picture(hood, fmt):
    assert figure_bytes(hood, fmt) == figure_bytes(json.loads(json.dumps(hood)), fmt)


def test_a_missing_cjk_font_is_a_clear_error(monkeypatch):
    monkeypatch.setattr("guanxi.viz.figure.CJK_FONTS", ("No Such Font CJK",))
    cjk_font.cache_clear()
    try:
        with pytest.raises(FigureError, match="apt install fonts-noto-cjk"):
            cjk_font()
    finally:
        monkeypatch.undo()
        cjk_font.cache_clear()


@needs_cjk_font
def test_a_font_installed_after_matplotlib_cached_its_list_is_found(monkeypatch):
    from matplotlib import font_manager

    manager = font_manager.fontManager
    cjk_files = {f.fname for f in manager.ttflist if f.name in CJK_FONTS}
    monkeypatch.setattr(manager, "ttflist", [f for f in manager.ttflist if f.fname not in cjk_files])
    cjk_font.cache_clear()
    try:
        assert cjk_font() in CJK_FONTS
    finally:
        monkeypatch.undo()
        cjk_font.cache_clear()


def partners_of(graph, name: str) -> set[str]:  # noqa: F811
    ends = [
        (graph.nodes[h]["name"], graph.nodes[t]["name"])
        for h, t, e in graph.edges(data=True)
        if e["type"] == "PARTNERS_WITH"
    ]
    return {b if a == name else a for a, b in ends if name in (a, b)}


@needs_cjk_font
def test_the_dossier_as_word_holds_the_partners_table_and_the_figure(named, graph):  # noqa: F811
    import docx

    document = docx.Document(io.BytesIO(report_bytes(dossier_of(named, named.resolve("北辰电子公司")), "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "北辰电子公司（ORG）" and "合作 Partners" in headings
    partners = next(t for t in document.tables if t.rows[0].cells[0].text == "with")
    names = {row.cells[0].text for row in partners.rows[1:]}
    assert names == {f"— {p}（ORG）" for p in partners_of(graph, "北辰电子公司")} and len(names) >= 2
    assert any("签署战略合作协议" in cell.text for row in partners.rows for cell in row.cells)
    assert len(document.inline_shapes) == 1  # the figure


@needs_cjk_font
def test_the_dossier_as_pdf_and_html_prints_its_sections(named):  # noqa: F811
    dossier = dossier_of(named, named.resolve("星澜科技"))
    pages, text = pdf_text(report_bytes(dossier, "pdf"))
    flat = text.replace("\n", "")
    assert pages >= 1 and "星澜科技公司" in flat and "北辰电子公司" in flat and "李明远" in flat
    assert "时间线" in flat and "第0篇报道" in flat
    html = report_bytes(dossier, "html").decode()
    assert "<svg" in html and "<?xml" not in html and "@page" in html
    assert "总裁" in html and "2026-01" in html


@needs_cjk_font
def test_figures_and_reports_by_route_and_command(named, tmp_path, monkeypatch):  # noqa: F811
    with TestClient(create_app(named)) as client:
        svg = client.get("/entities/北辰电子公司/figure.svg", params={"depth": 2})
        report = client.get("/entities/星澜科技/report.docx")
        dossier = client.get("/entities/星澜科技/dossier").text
        view = client.get("/entities/北辰电子公司/view", params={"depth": 2}).text
        unknown = client.get("/entities/北辰电子公司/figure.gif")
        nobody = client.get("/entities/无此机构/report.pdf")
    assert svg.headers["content-type"] == "image/svg+xml" and "北辰电子公司" in svg.text
    assert report.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert report.content[:2] == b"PK"  # a zip, as every .docx
    assert "/figure.png" in dossier and "/report.pdf" in dossier
    assert "/figure.svg?depth=2" in view and "/report.docx" in view  # the view served links to both …
    standalone = render_view(named.neighborhood(named.resolve("北辰电子公司")))
    assert "for reports" not in standalone  # … a view saved as a file, which has no server, does not
    assert unknown.status_code in (404, 422) and nobody.status_code == 404

    monkeypatch.setattr("guanxi.api.settings.Settings.open_store", lambda self: named)
    monkeypatch.setattr(type(named), "close", lambda self: None, raising=False)
    runner = CliRunner()
    done = runner.invoke(cli, ["figure", "北辰电子公司", "-o", str(tmp_path / "f.png")])
    assert done.exit_code == 0 and (tmp_path / "f.png").read_bytes()[:4] == b"\x89PNG"
    done = runner.invoke(cli, ["report", "星澜科技", "-o", str(tmp_path / "d.pdf")])
    assert done.exit_code == 0 and (tmp_path / "d.pdf").read_bytes()[:5] == b"%PDF-"
    done = runner.invoke(cli, ["figure", "北辰电子公司", "-o", str(tmp_path / "f.gif")])
    assert done.exit_code == 2 and "name it .svg, .png or .pdf" in done.output


@needs_cjk_font
def test_a_dollar_sign_in_a_name_is_text_not_a_formula():
    hood = {
        "center": "o1",
        "nodes": [
            {"id": "o1", "name": "美元基金$x^{$", "type": "ORG"},
            {"id": "o2", "name": "售价$100亿", "type": "ORG"},
        ],
        "edges": [{"id": "r", "type": "PARTNERS_WITH", "source": "o1", "target": "o2", "weight": 1, "evidence": []}],
    }
    texts = "".join(ET.fromstring(figure_bytes(hood, "svg")).itertext())
    assert "美元基金$x^{$" in texts and "售价$100亿" in texts
