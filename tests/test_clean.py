from guanxi.graph.articles import articles_from_document, split_articles
from guanxi.graph.clean import detect_layout, furniture_lines, reflow
from guanxi.graph.records import Document

# A hard-wrapped page in the shape PDF extractors leave: a blank line after every line, a space at
# the end of each paragraph's last line, a page number and a running header. Written for this test.
WRAPPED = "\n".join(
    [
        " 行业动态 ",
        "",
        "某市启动智慧交通试点 ",
        "",
        "记者日前获悉，某市交通运输局联合多家企业启动智慧交通",
        "",
        "试点，首批覆盖城区主要路口，预计年底前完成设备安装和联",
        "",
        "网调试工作。 ",
        "",
        "试点期间，交通部门将根据实时车流调整信号灯配时，并对外",
        "",
        "公开运行数据，接受社会监督。 ",
        "",
        "行业监测周刊 ",
        "",
        "Page 12 ",
        "",
        "另一座城市加快数据中心建设 ",
        "",
        "近日，另一座城市发布数据中心建设计划，提出用三年时间建成",
        "",
        "一批绿色数据中心，并配套建设算力调度平台和运维服务体系。 ",
        "",
        "行业监测周刊 ",
        "",
        "Page 13 ",
    ]
)


def test_layout_of_hard_wrapped_text_is_detected():
    layout = detect_layout(WRAPPED.split("\n"))
    assert layout.wrap_width > 0
    assert layout.space_ends_paragraph
    assert not layout.blank_lines_meaningful


def test_page_numbers_and_running_headers_are_furniture():
    lines = WRAPPED.split("\n")
    dropped = {lines[i].strip() for i in furniture_lines(lines)}
    assert dropped == {"Page 12", "Page 13", "行业监测周刊"}


def test_reflow_joins_wrapped_lines_without_spaces_and_keeps_line_numbers():
    paragraphs = reflow(WRAPPED)
    texts = [p.text for p in paragraphs]
    assert (
        "记者日前获悉，某市交通运输局联合多家企业启动智慧交通试点，首批覆盖城区主要路口，预计年底前完成设备安装和联网调试工作。"
        in texts
    )
    assert not any("Page" in t or "行业监测周刊" in t for t in texts)
    body = next(p for p in paragraphs if p.text.startswith("记者"))
    assert body.line_map == ((0, 5), (26, 7), (53, 9))
    assert body.text[26] == WRAPPED.split("\n")[6].strip()[0]


def test_unwrapped_text_keeps_one_paragraph_per_line():
    text = "第一段写完了。\n第二段也写完了。\n\n第三段。"
    assert [p.text for p in reflow(text)] == ["第一段写完了。", "第二段也写完了。", "第三段。"]


def test_digest_splits_into_articles_at_titles_and_drops_section_labels():
    spans = split_articles(reflow(WRAPPED))
    assert [s.title for s in spans] == ["某市启动智慧交通试点", "另一座城市加快数据中心建设"]
    assert all("行业动态" not in p.text for s in spans for p in s.paragraphs)


def test_article_offsets_map_back_to_source_lines():
    doc = Document(id="weekly", text=WRAPPED, source="weekly.txt")
    articles = articles_from_document(doc, split=True)
    assert [a.id for a in articles] == ["weekly-L3", "weekly-L19"]
    first = articles[0]
    offset = first.text.index("试点，首批")
    assert first.line_of(offset) == 7


def test_real_digest_article_starts(shared, gold_articles):
    """Article splitting on the real digest: every dev-gold start but at most one is found."""
    paragraphs = reflow((shared / "corpus" / "industry-digest-2021-11.txt").read_text(encoding="utf-8"))
    starts = {s.paragraphs[0].first_line for s in split_articles(paragraphs)}
    gold_starts = {int(a["id"]) for a in gold_articles}
    found = gold_starts & starts
    print(f"articles found: {len(starts)}; dev-gold starts found {len(found)} of {len(gold_starts)}")
    assert len(found) >= len(gold_starts) - 1
    assert not any("Page" in p.text for p in paragraphs)


def test_a_copyright_notice_after_a_sentence_does_not_drop_the_sentence():
    from guanxi.graph.clean import reflow

    text = "甲部与乙科技有限公司签署战略合作协议。（版权所有，不得转载）"
    assert [p.text for p in reflow(text)] == [text]
    footer = "©2021 某某研究院，版权所有。客服电话 400-000-0000"
    assert [p.text for p in reflow("第一段文字。\n" + footer + "\n第二段文字。")] == ["第一段文字。", "第二段文字。"]
