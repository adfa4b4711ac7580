"""Documents as analysts have them: PDF, Word and web pages in (graph/pdf_text.py, docx_text.py,
html_text.py through graph/sources.py). Every fixture is made here: PDFs with reportlab's CID
font STSong-Light (bench/documents.py's write_pdf), Word files with python-docx."""

import io
import json

import pytest

from bench.documents import Block, write_pdf
from guanxi.graph.errors import InputError
from guanxi.graph.pdf_text import read_pdf
from guanxi.graph.sources import read_sources, sniff

FILLER = "本段文字只用来占据版面，其中没有任何机构的名称，也没有任何人物，直到本页写满为止。"
DEAL = "星澜科技有限公司与北辰电子股份有限公司在杭州签署战略合作协议。"


def story(pages_of_filler: int = 0) -> list[Block]:
    blocks = [Block("星澜科技与北辰电子签约", heading=True)]
    blocks += [Block(FILLER * 3) for _ in range(pages_of_filler * 20)]
    return blocks + [Block(DEAL), Block("双方将在芯片设计领域开展长期合作。")]


def test_a_one_column_pdf_reads_in_order_without_its_header_and_page_numbers():
    blocks = [Block("第一段：工业和信息化部发布新规划。" * 4), Block("第二段：华为技术有限公司回应。" * 4)] * 30
    data, starts = write_pdf(blocks, columns=1, title="产业周报")
    pdf = read_pdf(data, "weekly.pdf")
    assert pdf.pages == starts[-1] >= 2 and pdf.title == "产业周报"
    text = pdf.text.replace("\n", "")
    assert "产业动态摘要" not in text and "- 1 -" not in text  # the running header, the page numbers
    assert text.count("第一段") == 120 and text.index("第一段") < text.index("第二段")
    assert len(pdf.page_lines) == pdf.pages and pdf.page_lines[0] == 1


def test_a_two_column_page_reads_the_left_column_before_the_right():
    left = [Block(f"左栏第{k}段，这是左边一栏的正文内容，一直写到这一栏的末尾。" * 2) for k in range(18)]
    right = [Block(f"右栏第{k}段，这是右边一栏的正文内容。" * 2) for k in range(6)]
    data, starts = write_pdf(left + right, columns=2)
    assert starts[-1] == 1  # all on one page
    text = read_pdf(data, "two.pdf").text.replace("\n", "")
    order = [text.index(f"左栏第{k}段") for k in range(18)] + [text.index(f"右栏第{k}段") for k in range(6)]
    assert order == sorted(order)


def test_a_heading_wrapped_over_two_lines_is_one_line_and_a_paragraph_of_its_own():
    title = "国家第三代半导体技术创新中心在长沙正式揭牌成立并发布首批成果"
    data, _ = write_pdf([Block(title, heading=True), Block("11月19日，" + FILLER)], columns=2, header=None)
    lines = read_pdf(data, "t.pdf").text.split("\n")
    assert lines[0] == title and lines[1] == ""


def test_pages_without_text_are_counted_and_a_pdf_without_any_needs_ocr(monkeypatch):
    from guanxi.graph import ocr

    monkeypatch.setattr(ocr, "unavailable", lambda: "tesseract is not installed")
    data, _ = write_pdf([Block(DEAL)], image_page=True)
    pdf = read_pdf(data, "mixed.pdf")
    assert pdf.pages == 2 and pdf.empty_pages == 1
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.rect(100, 100, 200, 200, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(InputError, match=r"scan\.pdf: has no text layer .* install tesseract .* or run ocrmypdf"):
        read_pdf(out.getvalue(), "scan.pdf")


def scanned_pdf(pages: list[list[str]]) -> bytes:
    """An image-only PDF (A4 at 200 dpi), each page's lines drawn with a CJK font and a page
    number at the bottom."""
    from matplotlib import font_manager
    from PIL import Image, ImageDraw, ImageFont

    try:
        path = font_manager.findfont("Noto Sans CJK SC", fallback_to_default=False)
    except ValueError:
        pytest.skip("no CJK font to draw a scan with (apt install fonts-noto-cjk, or make fonts as root)")
    font = ImageFont.truetype(path, 40)
    images = []
    for number, lines in enumerate(pages, 1):
        image = Image.new("L", (1654, 2339), 255)
        draw = ImageDraw.Draw(image)
        for k, line in enumerate(lines):
            draw.text((150, 200 + 70 * k), line, font=font, fill=0)
        draw.text((800, 2200), str(number), font=font, fill=0)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=200, save_all=True, append_images=images[1:])
    return out.getvalue()


def test_a_scanned_pdf_is_read_by_ocr_with_its_pages(tmp_path):
    from guanxi.graph import ocr
    from guanxi.graph.pipeline import extract_documents

    if ocr.unavailable():
        pytest.skip(f"no OCR here: {ocr.unavailable()}")
    data = scanned_pdf([["工业和信息化部近日印发《工业互联网创新发展行动计划》。"], [DEAL]])
    (tmp_path / "scan.pdf").write_bytes(data)
    [doc], errors = read_sources([str(tmp_path / "scan.pdf")])
    assert not errors and doc.pages == 2 and DEAL in doc.text
    assert "\n2" not in doc.text  # the page numbers are dropped
    [(_, [article])] = list(extract_documents([doc], split=False))
    [deal] = [r for r in article.relations if r.type == "PARTNERS_WITH"]
    assert {ev.page for ev in deal.evidence} == {2}


def test_truncated_and_password_protected_pdfs_are_clear_errors(tmp_path):
    data, _ = write_pdf(story())
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 3])
    locked, _ = write_pdf(story(), password="secret")
    (tmp_path / "locked.pdf").write_bytes(locked)
    (tmp_path / "fine.txt").write_text(DEAL, encoding="utf-8")
    docs, errors = read_sources([str(tmp_path)])
    assert [d.id for d in docs] == ["fine"]  # the batch goes on
    messages = sorted(str(e) for e in errors)
    assert "cut.pdf: is a damaged or truncated PDF" in messages[0]
    assert "locked.pdf: is a password-protected PDF" in messages[1]


def test_the_format_is_told_by_content_not_by_the_name(tmp_path):
    data, _ = write_pdf(story())
    (tmp_path / "misnamed.txt").write_bytes(data)
    [doc], errors = read_sources([str(tmp_path / "misnamed.txt")])
    assert not errors and doc.format == "pdf" and DEAL in doc.text.replace("\n", "")
    assert sniff(b"\xef\xbb\xbf<!DOCTYPE html><html>", "x") == "html" and sniff(b"<p>not a page", "x") == "text"


@pytest.mark.slow
def test_evidence_from_a_pdf_names_the_page_its_sentence_was_put_on(tmp_path):
    from guanxi.graph.pipeline import extract_documents

    blocks = story(pages_of_filler=2)
    data, starts = write_pdf(blocks, columns=1)
    (tmp_path / "deal.pdf").write_bytes(data)
    docs, errors = read_sources([str(tmp_path / "deal.pdf")])
    [(doc, articles)] = list(extract_documents(docs))
    [deal] = [r for a in articles for r in a.relations if r.type == "PARTNERS_WITH"]
    expected = starts[blocks.index(Block(DEAL))]
    # each piece names its own sentence's page: the deal's, and the headline's (page 1), which names
    # the two companies by their short forms
    pages = {ev.sentence.replace("\n", ""): ev.page for ev in deal.evidence}
    assert expected >= 2 and pages == {DEAL: expected, "星澜科技与北辰电子签约": 1}
    assert doc.pages == starts[-1] and articles[0].pages[-1] == starts[-1]


def write_docx(path, tables: bool = True):
    import datetime

    import docx

    d = docx.Document()
    d.core_properties.title = "产业周报第十二期"
    d.core_properties.created = datetime.datetime(2024, 3, 8, 9, 0)
    d.add_heading("星澜科技与北辰电子签约", level=1)
    d.add_paragraph(DEAL)
    if tables:
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = "甲方", "乙方"
        t.cell(1, 0).text, t.cell(1, 1).text = "星澜科技有限公司", "北辰电子股份有限公司"
    d.add_heading("工业和信息化部发布行动计划", level=1)
    d.add_paragraph("工业和信息化部近日印发《工业互联网创新发展行动计划》。")
    d.save(path)


def test_a_word_file_gives_its_paragraphs_tables_and_properties_in_order(tmp_path):
    write_docx(tmp_path / "weekly.docx")
    [doc], errors = read_sources([str(tmp_path / "weekly.docx")])
    assert not errors and doc.format == "docx"
    assert doc.title == "产业周报第十二期" and doc.date == "2024-03-08"
    lines = doc.text.split("\n")
    assert lines[1] == DEAL and lines[2:4] == ["甲方，乙方", "星澜科技有限公司，北辰电子股份有限公司"]
    assert doc.headings == (1, 5)


def test_each_top_heading_of_a_word_file_titles_an_article(tmp_path):
    from guanxi.graph.pipeline import articles_of

    write_docx(tmp_path / "weekly.docx")
    [doc], _ = read_sources([str(tmp_path / "weekly.docx")])
    articles = articles_of(doc)
    assert [a.title for a in articles] == ["星澜科技与北辰电子签约", "工业和信息化部发布行动计划"]
    assert [a.id for a in articles] == ["weekly-L1", "weekly-L5"] and {a.date for a in articles} == {"2024-03-08"}
    assert "《工业互联网创新发展行动计划》" in articles[1].text and DEAL not in articles[1].text


PAGE = """<!doctype html><html><head><title>星澜科技与北辰电子签约 - 某某新闻网</title>
<meta property="article:published_time" content="2024-03-05T10:00:00+08:00"><meta name="author" content="林晓">
<link rel="canonical" href="https://news.example.com/tech/2024/0305.html"></head>
<body><nav><a href="/">首页</a> | <a href="/tech">科技频道</a> | <a href="/fin">财经频道</a></nav>
<div class="ad">广告：东方明珠房产限时优惠</div>
<article><h1>星澜科技与北辰电子签约</h1><p>3月5日，{deal}</p><p>双方将在芯片设计领域开展长期合作，
首批项目预计年内落地。</p></article>
<footer>关于我们 | 联系我们 | 版权所有 © 2024 某某新闻网 不得转载</footer></body></html>"""


def test_a_web_page_gives_its_article_without_navigation_ads_and_footer(tmp_path):
    (tmp_path / "page.html").write_text(PAGE.format(deal=DEAL), encoding="utf-8")
    [doc], errors = read_sources([str(tmp_path / "page.html")])
    assert not errors and doc.format == "html"
    assert DEAL in doc.text and "科技频道" not in doc.text and "房产" not in doc.text and "联系我们" not in doc.text
    assert (doc.title, doc.date, doc.url, doc.author) == (
        "星澜科技与北辰电子签约",
        "2024-03-05",
        "https://news.example.com/tech/2024/0305.html",
        "林晓",
    )


def test_a_page_with_no_article_is_an_error_and_the_batch_goes_on(tmp_path):
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>首页</a></nav></body></html>", encoding="utf-8")
    (tmp_path / "page.htm").write_text(PAGE.format(deal=DEAL), encoding="utf-8")
    docs, errors = read_sources([str(tmp_path)])
    assert [d.id for d in docs] == ["page"]
    assert len(errors) == 1 and "nav.html: is a web page in which no article text was found" in str(errors[0])


@pytest.mark.slow
def test_a_mixed_folder_builds_together_and_each_document_records_its_format_and_pages(tmp_path, falkordb_store):
    from guanxi.cypher.csv_export import write_neo4j_csv
    from guanxi.graph.build import build_graph
    from guanxi.graph.pipeline import extract_documents

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("工业和信息化部与华为技术有限公司签署战略合作协议。", encoding="utf-8")
    row = {"id": "b", "text": "中国移动与中兴通讯签署合作协议。", "date": "2024-01-02"}
    (folder / "b.jsonl").write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    (folder / "c.pdf").write_bytes(write_pdf(story(pages_of_filler=1), columns=1)[0])
    write_docx(folder / "d.docx", tables=False)
    (folder / "e.html").write_text(PAGE.format(deal=DEAL), encoding="utf-8")
    docs, errors = read_sources([str(folder)])
    assert not errors and [d.format for d in docs] == ["text", "jsonl", "pdf", "docx", "html"]
    graph = build_graph([a for _, arts in extract_documents(docs) for a in arts])
    falkordb_store.load(graph)
    written = write_neo4j_csv(graph, tmp_path / "csv")  # pages (numbers) in a CSV list column
    assert any(";2" in p.read_text(encoding="utf-8") for p in written if "ocument" in p.name)
    rows = falkordb_store.query("MATCH (d:Document) RETURN d.document AS doc, d.format AS format, d.pages AS pages")[
        "rows"
    ]
    formats = {r["doc"]: r["format"] for r in rows}
    assert formats == {"a": "text", "b": "jsonl", "c": "pdf", "d": "docx", "e": "html"}
    pages = sorted(p for r in rows if r["doc"] == "c" for p in r["pages"])
    assert pages[0] == 1 and pages[-1] >= 2 and all(r["pages"] == [] for r in rows if r["doc"] != "c")


@pytest.mark.slow
def test_the_api_and_the_pages_show_a_pdf_articles_pages_and_the_page_of_its_evidence(tmp_path, falkordb_store):
    from fastapi.testclient import TestClient

    from guanxi.api.app import create_app
    from guanxi.graph.build import build_graph
    from guanxi.graph.pipeline import extract_documents
    from guanxi.viz.render import source_of

    blocks = story(pages_of_filler=1)
    data, starts = write_pdf(blocks, columns=1)
    (tmp_path / "deal.pdf").write_bytes(data)
    docs, _ = read_sources([str(tmp_path / "deal.pdf")])
    falkordb_store.load(build_graph([a for _, arts in extract_documents(docs) for a in arts]))
    page = starts[blocks.index(Block(DEAL))]
    with TestClient(create_app(falkordb_store)) as client:
        [hit] = client.get("/entities", params={"q": "星澜科技"}).json()["data"]
        hood = client.get(f"/entities/{hit['id']}/neighborhood").json()
        [deal] = [e for e in hood["edges"] if e["type"] == "PARTNERS_WITH"]
        [evidence] = [ev for ev in deal["evidence"] if ev["sentence"].replace("\n", "") == DEAL]
        article = client.get(f"/documents/{evidence['doc_id']}").json()
        view = client.get(f"/documents/{evidence['doc_id']}/view").text
    assert evidence["page"] == page and f"第{page}页" in source_of(evidence)
    assert article["format"] == "pdf" and article["pages"][-1] == page and f"–{page}页" in view


def test_a_word_files_title_does_not_hide_its_article_headings(tmp_path):
    import docx

    from guanxi.graph.pipeline import articles_of

    d = docx.Document()
    d.add_heading("产业周报第十二期", level=0)  # the Title style: the file's title, not an article's
    for k in range(2):
        d.add_heading(f"第{k + 1}条新闻", level=1)
        d.add_paragraph(DEAL)
    d.save(tmp_path / "titled.docx")
    [doc], _ = read_sources([str(tmp_path / "titled.docx")])
    assert [a.title for a in articles_of(doc)][-2:] == ["第1条新闻", "第2条新闻"]


def test_an_xhtml_page_is_read_as_a_web_page():
    xhtml = b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">\n<html>'
    assert sniff(xhtml, "x") == "html"


@pytest.fixture
def web(tmp_path):
    """A local web server on 127.0.0.1 serving ``tmp_path/site``, with one redirect."""
    import functools
    import http.server
    import threading

    site = tmp_path / "site"
    site.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/news/0305.html")
                self.end_headers()
                return
            super().do_GET()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_addresses_are_fetched_and_read_by_what_they_are(web):
    site, base = web
    (site / "news").mkdir()
    (site / "news" / "0305.html").write_text(PAGE.format(deal=DEAL), encoding="utf-8")
    (site / "deal.pdf").write_bytes(write_pdf(story())[0])
    (site / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (site / "nav.html").write_text("<html><body><nav><a href='/'>首页</a></nav></body></html>", encoding="utf-8")
    sources = [f"{base}/moved", f"{base}/deal.pdf", f"{base}/picture.png", f"{base}/missing.html", "ftp://x/y"]
    sources.append(f"{base}/nav.html")
    docs, errors = read_sources(sources)
    assert [(d.id, d.format, d.source) for d in docs] == [
        ("0305", "html", f"{base}/moved"),
        ("deal", "pdf", f"{base}/deal.pdf"),
    ]
    assert docs[0].url == "https://news.example.com/tech/2024/0305.html"  # the page's canonical address
    messages = [str(e) for e in errors]
    assert "picture.png: is image/png, which guanxi does not read" in messages[0]
    assert "missing.html: the server answered 404" in messages[1]
    assert messages[2] == "ftp://x/y: only http:// and https:// addresses are fetched"
    assert messages[3].startswith(f"{base}/nav.html: is a web page in which no article text was found")


def test_a_server_may_be_kept_from_fetching_private_addresses(web):
    from guanxi.graph.fetch import check_address, fetch

    _, base = web
    with pytest.raises(InputError, match="refused: 127.0.0.1 is a private or local address"):
        fetch(f"{base}/moved", allow_private=False)
    with pytest.raises(InputError, match="only http:// and https://"):
        check_address("file:///etc/passwd", allow_private=True)


def test_a_checked_address_is_the_one_connected_to(web, monkeypatch):
    """A host that resolves to a public address when checked cannot be re-resolved to another
    one (DNS rebinding): the request goes to the checked address, with the name as Host."""
    import guanxi.graph.fetch as fetch_module

    site, base = web
    (site / "news").mkdir()
    (site / "news" / "0305.html").write_text(PAGE.format(deal=DEAL), encoding="utf-8")
    monkeypatch.setattr(fetch_module, "check_address", lambda url, allow_private: "127.0.0.1")
    port = base.rsplit(":", 1)[1]
    data, final = fetch_module.fetch(f"http://rebound.invalid:{port}/moved", allow_private=False)
    assert DEAL.encode() in data and final == f"http://rebound.invalid:{port}/news/0305.html"
    assert fetch_module.pinned("https://a.example:8443/x?y=1", "2001:db8::1") == (
        "https://[2001:db8::1]:8443/x?y=1",
        {"Host": "a.example:8443"},
        {"sni_hostname": "a.example"},
    )
    assert fetch_module.pinned("http://新闻.中国/a", "1.2.3.4")[1] == {"Host": "xn--efvy88h.xn--fiqs8s"}


@pytest.mark.parametrize(
    "url, problem",
    [
        ("http://h:99999/", "is not a valid address"),
        ("http://[::1/", "is not a valid address"),
        ("http://user:pw@a.example/", "with a user name or password are not fetched"),
        ("http://[64:ff9b::7f00:1]/", "is a private or local address"),  # NAT64 for 127.0.0.1
        ("http://[2002:7f00:1::1]/", "is a private or local address"),  # 6to4 for 127.0.0.1
    ],
)
def test_bad_and_disguised_addresses_are_input_errors(url, problem):
    from guanxi.graph.fetch import fetch

    with pytest.raises(InputError, match=problem):
        fetch(url, allow_private=False)


@pytest.fixture
def api(falkordb_store):
    from fastapi.testclient import TestClient

    from guanxi.api.app import create_app
    from guanxi.api.settings import Settings

    def client(**settings):
        return TestClient(create_app(falkordb_store, Settings(api_key="k", **settings)))

    return client


def test_the_api_fetches_an_address_behind_the_write_key(web, api):
    site, base = web
    (site / "deal.pdf").write_bytes(write_pdf(story(pages_of_filler=1))[0])
    with api(fetch_allow_private=True) as c:
        assert c.post("/documents", json={"url": f"{base}/deal.pdf"}).status_code == 401
        r = c.post("/documents", json={"url": f"{base}/deal.pdf"}, headers={"X-API-Key": "k"})
        named = base.removeprefix("http://") + "/deal.pdf"  # without an id, the address names it
        assert r.status_code == 201 and r.json()["articles"] == [named]
        stored = c.get(f"/documents/{named}").json()
        assert stored["format"] == "pdf" and stored["pages"] == [1, 2] and DEAL in stored["text"]
        r = c.post("/documents", json={"url": f"{base}/none.pdf"}, headers={"X-API-Key": "k"})
        assert r.status_code == 422 and r.json()["error"] == f"{base}/none.pdf: the server answered 404 File not found"
    with api() as c:
        r = c.post("/documents", json={"url": f"{base}/deal.pdf", "id": "d2"}, headers={"X-API-Key": "k"})
        assert r.status_code == 422 and "refused: 127.0.0.1 is a private or local address" in r.json()["error"]
        r = c.post("/documents", json={"title": "no text, no address"}, headers={"X-API-Key": "k"})
        assert r.status_code == 422 and 'give "text" (with "id"), or a "url" to fetch' in r.json()["error"]


def test_files_are_posted_as_the_body(tmp_path, api, monkeypatch):
    write_docx(tmp_path / "weekly.docx")
    key = {"X-API-Key": "k"}
    docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    with api() as c:
        pdf = write_pdf(story())[0]
        headers = key | {"Content-Type": "application/pdf"}
        r = c.post("/documents", params={"id": "weekly/2024.03.05.pdf"}, content=pdf, headers=headers)
        assert r.status_code == 201 and r.json()["articles"] == ["weekly/2024.03.05.pdf"]  # the id as given
        assert c.get("/documents/weekly/2024.03.05.pdf").json()["format"] == "pdf"
        body = (tmp_path / "weekly.docx").read_bytes()
        r = c.post("/documents", params={"id": "w"}, content=body, headers=key | {"Content-Type": docx_type})
        assert r.status_code == 201 and len(r.json()["articles"]) == 2  # cut at its two headings
        page = PAGE.format(deal=DEAL).encode()
        headers = key | {"Content-Type": "application/octet-stream"}
        r = c.post("/documents", params={"id": "h", "title": "签约"}, content=page, headers=headers)
        stored = c.get("/documents/h").json()
        assert r.status_code == 201 and (stored["title"], stored["author"], stored["format"]) == (
            "签约",
            "林晓",
            "html",
        )
        assert "林晓" in c.get("/documents/h/view").text
        r = c.post("/documents", content=pdf, headers=key | {"Content-Type": "application/pdf"})
        assert r.status_code == 422 and r.json()["error"] == "A file body needs the document id as ?id="
        r = c.post(
            "/documents", params={"id": "t"}, content=pdf[:300], headers=key | {"Content-Type": "application/pdf"}
        )
        assert r.status_code == 422 and r.json()["error"].startswith("t: ")
        monkeypatch.setattr("guanxi.api.routes.documents.MAX_BYTES", 1000)
        r = c.post("/documents", params={"id": "big"}, content=pdf, headers=key | {"Content-Type": "application/pdf"})
        assert r.status_code == 413 and r.json()["error"] == "The body is larger than 0 MB"


def test_limits_on_what_a_file_may_cost(tmp_path, monkeypatch):
    from guanxi.graph import docx_text, ocr

    write_docx(tmp_path / "weekly.docx")
    monkeypatch.setattr(docx_text, "MAX_UNPACKED", 1000)
    _, errors = read_sources([str(tmp_path / "weekly.docx")])
    assert "weekly.docx: unpacks to 0 MB, more than the 0 MB read" in str(errors[0])
    monkeypatch.setattr(ocr, "unavailable", lambda: None)
    monkeypatch.setattr(ocr, "MAX_PAGES", 0)
    data, _ = write_pdf([Block(DEAL)], image_page=True)
    with pytest.raises(InputError, match=r"has 1 scanned pages; guanxi reads at most 0 by OCR"):
        read_pdf(data, "mixed.pdf")
