import json

import pytest

from guanxi.graph.sources import read_sources

ARTICLE = "某公司发布年度报告。\n报告显示营收增长。"


def test_utf8_and_gb18030_files_are_decoded(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(ARTICLE.encode("gb18030"))
    docs, errors = read_sources([str(tmp_path)])
    assert errors == []
    assert [d.text for d in docs] == [ARTICLE, ARTICLE]
    assert [d.id for d in docs] == ["a", "b"]


def test_binary_file_gets_one_line_error_and_the_batch_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    docs, errors = read_sources([str(tmp_path / "bad.txt"), str(tmp_path / "good.txt")])
    assert [d.id for d in docs] == ["good"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'bad.txt'}: looks like a binary file (it holds NUL bytes); expected UTF-8 or GB18030 text"
    ]


def test_undecodable_text_is_reported(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\xff\xfe\xfa\xfb" * 10)
    _, errors = read_sources([str(tmp_path / "x.txt")])
    assert [str(e) for e in errors] == [f"{tmp_path / 'x.txt'}: could not be decoded as UTF-8 or GB18030"]


def test_missing_file_is_reported(tmp_path):
    _, errors = read_sources([str(tmp_path / "nope.txt")])
    assert [str(e) for e in errors] == [f"{tmp_path / 'nope.txt'}: no such file or folder"]


def test_jsonl_rows_keep_their_fields_and_bad_rows_are_named(tmp_path):
    path = tmp_path / "docs.jsonl"
    rows = [
        {"id": 7, "title": "标题", "text": ARTICLE, "date": "2021-11-20", "url": "https://example.org/a"},
        {"id": "x"},
        "not json",
        {"id": 7, "text": "again"},
    ]
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8"
    )
    docs, errors = read_sources([str(path)])
    assert [(d.id, d.title, d.date, d.url) for d in docs] == [("7", "标题", "2021-11-20", "https://example.org/a")]
    assert [str(e) for e in errors] == [
        f'{path}:2: expected an object with "id" and "text"',
        f"{path}:3: not valid JSON (Expecting value)",
        f'{path}:4: document id "7" appears twice; ids must be unique',
    ]


def test_a_jsonl_feed_is_read_as_its_rows_are_needed(tmp_path):
    from guanxi.graph.sources import JSONL_CHUNK, iter_sources

    path = tmp_path / "feed.jsonl"
    rows = [json.dumps({"id": k, "text": ARTICLE * 20}, ensure_ascii=False) for k in range(3 * JSONL_CHUNK)]
    rows[-1] = "{broken"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    errors = []
    docs = iter_sources([str(path)], errors)
    assert next(docs).id == "0"
    assert errors == []  # the last line was not read yet
    assert len(list(docs)) == 3 * JSONL_CHUNK - 2
    assert [str(e) for e in errors] == [
        f"{path}:{3 * JSONL_CHUNK}: not valid JSON (Expecting property name enclosed in double quotes)"
    ]


def test_a_jsonl_row_may_hold_unicode_line_separators_and_gb18030(tmp_path):
    text = "第一段\u2028第二段\u2029第三段\x85完"  # json.dumps writes these as they are
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (tmp_path / "b.jsonl").write_bytes(
        (json.dumps({"id": "b", "text": ARTICLE}, ensure_ascii=False) + "\r\n").encode("gb18030")
    )
    docs, errors = read_sources([str(tmp_path)])
    assert errors == []
    assert [(d.id, d.text) for d in docs] == [("a", text), ("b", ARTICLE)]


def test_a_gb18030_feed_is_decoded_as_one_file(tmp_path):
    rows = [{"id": "a", "text": ARTICLE}, {"id": "b", "text": "牛"}]  # 牛 in GB18030 is also valid UTF-8 (ţ)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (tmp_path / "gb.jsonl").write_bytes(text.encode("gb18030"))
    docs, errors = read_sources([str(tmp_path / "gb.jsonl")])
    assert errors == [] and [d.text for d in docs] == [ARTICLE, "牛"]


def test_a_jsonl_feed_may_come_through_a_named_pipe_or_end_its_lines_with_cr(tmp_path):
    import os
    import threading

    rows = "".join(json.dumps({"id": k, "text": ARTICLE}, ensure_ascii=False) + "\n" for k in range(3))
    (tmp_path / "mac.jsonl").write_bytes(rows.replace('"id": ', '"id": 1').replace("\n", "\r").encode("utf-8"))
    pipe = tmp_path / "feed.jsonl"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_text(rows, encoding="utf-8"))
    writer.start()
    docs, errors = read_sources([str(pipe), str(tmp_path / "mac.jsonl")])
    writer.join()
    assert errors == [] and [(d.id, d.source) for d in docs] == [
        *((str(k), str(pipe)) for k in range(3)),
        *((f"1{k}", str(tmp_path / "mac.jsonl")) for k in range(3)),
    ]


def test_a_feed_of_only_bad_rows_has_one_error_per_row_and_no_other(tmp_path):
    from guanxi.graph.sources import JSONL_CHUNK

    (tmp_path / "bad.jsonl").write_text('{"id": 1}\n' * JSONL_CHUNK, encoding="utf-8")
    docs, errors = read_sources([str(tmp_path / "bad.jsonl")])
    assert docs == [] and len(errors) == JSONL_CHUNK and "holds no documents" not in str(errors[-1])


def test_an_rtf_document_piped_in_is_refused_by_its_kind(monkeypatch):
    import io
    import sys
    from types import SimpleNamespace

    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(b"{\\rtf1\\ansi hello}\n")))
    docs, errors = read_sources(["-"])
    assert docs == [] and [str(e) for e in errors] == [
        "<stdin>: is an RTF document; save it as .docx, which guanxi does not read "
        "(it reads text, .jsonl, PDF, .docx and HTML)"
    ]


def test_nothing_read_is_lost_without_a_word(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "news.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two" / "news.txt").write_text("另一家公司发布公告。", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "none.jsonl").write_text("\n", encoding="utf-8")
    docs, errors = read_sources([str(tmp_path)])
    assert [d.source for d in docs] == [str(tmp_path / "one" / "news.txt")]
    messages = sorted(str(e) for e in errors)
    assert messages[0] == f"{tmp_path / 'empty.txt'}: is empty"
    assert messages[1] == f"{tmp_path / 'none.jsonl'}: holds no documents"
    assert messages[2].startswith(f'{tmp_path / "two" / "news.txt"}: document id "news" was already read from')


def test_an_unreadable_subfolder_is_reported(tmp_path):
    import os

    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            import pytest

            pytest.skip("running as root: every folder is readable")
        _, errors = read_sources([str(tmp_path)])
        assert [str(e) for e in errors] == [f"{locked}: could not be read: Permission denied"]
    finally:
        locked.chmod(0o755)


def test_control_characters_are_taken_out_of_the_text(tmp_path):
    row = {"id": "c", "text": "工业和信息化部\u0000与\u0007华为\u001b公司\t合作。\f"}
    (tmp_path / "c.jsonl").write_text(json.dumps(row), encoding="utf-8")
    docs, errors = read_sources([str(tmp_path / "c.jsonl")])
    assert not errors and docs[0].text == "工业和信息化部与华为公司\t合作。\f"


def test_a_closed_standard_input_is_a_one_line_error(monkeypatch):
    import sys

    monkeypatch.setattr(sys, "stdin", None)
    docs, errors = read_sources(["-"])
    assert docs == [] and [str(e) for e in errors] == [
        "standard input is closed; give files or folders, or pipe text into -"
    ]


def test_empty_folders_and_bad_rows_are_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    rows = [
        {"id": None, "text": "甲公司发布公告。"},
        {"id": "b", "text": "  "},
        {"id": "c", "text": "乙。", "date": 2021},
        {"id": 7, "text": "丙公司发布公告。"},
    ]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    docs, errors = read_sources([str(tmp_path / "empty"), str(tmp_path / "rows.jsonl")])
    assert [d.id for d in docs] == ["7"]
    assert [str(e).split(": ", 1)[1] for e in errors] == [
        "holds no .txt, .text, .md, .jsonl, .pdf, .docx or .html files",
        '"id" must be a non-empty string or a number, not None',
        "the text is empty",
        "date must be text",
    ]
    assert [str(e) for e in read_sources([])[1]] == ["no input given: name files, folders or - for standard input"]


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"%PDF-1.7\n1 0 obj\nstream\nendstream", "a damaged or truncated PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive other than a Word file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    ],
)
def test_a_broken_pdf_or_an_unread_office_file_is_refused_by_its_kind_not_read_as_text(tmp_path, head, kind):
    from guanxi.graph.sources import read_sources

    odd = tmp_path / "report.pdf"
    odd.write_bytes(head + b" trailer\n" * 20)
    fine = tmp_path / "news.txt"
    fine.write_text("星澜科技公司与北辰电子公司签署合作协议。", encoding="utf-8")
    docs, errors = read_sources([str(odd), str(fine)])
    assert [d.id for d in docs] == ["news"]  # the batch goes on
    assert len(errors) == 1 and f"is {kind}" in str(errors[0])
    assert "report.pdf" in str(errors[0])
