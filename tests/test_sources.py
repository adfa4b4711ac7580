import json

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
        f"{tmp_path / 'bad.txt'}: looks like a binary file (it holds NUL bytes); expected UTF-8 or GB18030 text"]


def test_undecodable_text_is_reported(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\xff\xfe\xfa\xfb" * 10)
    _, errors = read_sources([str(tmp_path / "x.txt")])
    assert [str(e) for e in errors] == [f"{tmp_path / 'x.txt'}: could not be decoded as UTF-8 or GB18030"]


def test_missing_file_is_reported(tmp_path):
    _, errors = read_sources([str(tmp_path / "nope.txt")])
    assert [str(e) for e in errors] == [f"{tmp_path / 'nope.txt'}: no such file or folder"]


def test_jsonl_rows_keep_their_fields_and_bad_rows_are_named(tmp_path):
    path = tmp_path / "docs.jsonl"
    rows = [{"id": 7, "title": "标题", "text": ARTICLE, "date": "2021-11-20", "url": "https://example.org/a"},
            {"id": "x"}, "not json", {"id": 7, "text": "again"}]
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows),
                    encoding="utf-8")
    docs, errors = read_sources([str(path)])
    assert [(d.id, d.title, d.date, d.url) for d in docs] == [("7", "标题", "2021-11-20", "https://example.org/a")]
    assert [str(e) for e in errors] == [
        f'{path}:2: expected an object with "id" and "text"',
        f"{path}:3: not valid JSON (Expecting value)",
        f'{path}:4: document id "7" appears twice; ids must be unique',
    ]
