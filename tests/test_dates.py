"""Dates of a digest's articles (graph/dates.py): the issue from the file name or the header, the
day from the article."""

from guanxi.graph.dates import article_date, issue_of
from guanxi.graph.pipeline import articles_of
from guanxi.graph.records import Document


def test_the_issue_comes_from_the_file_name_else_from_the_first_lines():
    assert issue_of("/data/weekly-digest-2023-04.txt", "") == (2023, 4)
    assert issue_of("digest.txt", "行业周报\n2024年3月刊\n正文") == (2024, 3)
    assert issue_of("digest.txt", "行业周报\n第一期\n导语\n2019年5月，某公司成立。") is None  # not a header


def test_an_article_is_dated_by_the_first_day_it_names_in_the_issue_year():
    assert article_date("记者11月22日从某部获悉，2021年11月20日的会议…", (2021, 11)) == "2021-11-22"
    assert article_date("据报道，双方12月3日签约。", (2022, 1)) == "2021-12-03"  # a month after the issue's
    assert article_date("某部近日发布通知。", (2021, 11)) == "2021-11"
    assert article_date("2021年11月20日召开", (2021, 11)) == "2021-11"  # a dated day is not a bare day
    assert article_date("11月22日", None) is None


def test_the_articles_of_a_digest_file_get_dates_and_a_jsonl_item_keeps_none(tmp_path):
    text = "产业动态\n\n星澜科技发布新品\n\n记者3月5日获悉，星澜科技发布新一代储能系统。\n\n北辰电子扩产\n\n北辰电子近日宣布扩产。\n"
    digest = Document(id="d", text=text, source=str(tmp_path / "weekly-2024-03.txt"))
    assert [a.date for a in articles_of(digest)] == ["2024-03-05", "2024-03"]
    item = Document(id="j", text="记者3月5日获悉，星澜科技发布新品。", source=str(tmp_path / "feed-2024-03.jsonl"))
    assert [a.date for a in articles_of(item)] == [None]


def test_a_coming_deadline_stays_in_the_issue_year_and_impossible_days_are_skipped():
    assert article_date("各单位于12月31日前完成自查。", (2021, 11)) == "2021-12-31"
    assert article_date("新规定于2月30日起施行，3月1日正式实施。", (2021, 3)) == "2021-03-01"
