"""Name rosters printed without separators, cut again into names (sentences written for this project)."""

from guanxi.graph.rosters import best_cut
from tests.test_aliases import run


def people_of(article) -> list[str]:
    return sorted(e.name for e in article.entities if e.type == "PERSON")


def test_a_roster_the_model_ran_together_is_cut_into_names():
    article = run(
        "委员：李明张建国欧阳晓峰王芳芳帕巴拉·格列朗杰赵刚",
        [("李明张建国", "PERSON"), ("欧阳晓峰王芳芳帕巴拉·格列朗杰", "PERSON"), ("赵刚", "PERSON")],
    )
    assert people_of(article) == sorted(["李明", "张建国", "欧阳晓峰", "王芳芳", "帕巴拉·格列朗杰", "赵刚"])


def test_roles_in_a_byline_are_no_names():
    article = run(
        "（记者李文峰通讯员丁奇志张斌）", [("李文峰通讯员", "PERSON"), ("丁奇志张斌", "PERSON"), ("记者", "PERSON")]
    )
    assert people_of(article) == ["丁奇志", "张斌", "李文峰"]


def test_names_that_stand_apart_or_a_clause_after_them_are_left_as_the_model_read_them():
    article = run(
        "从王石到郁亮再到辛杰，万科走过三十年。", [("王石", "PERSON"), ("郁亮", "PERSON"), ("辛杰", "PERSON")]
    )
    assert people_of(article) == ["王石", "辛杰", "郁亮"]
    article = run("北辰董秘童文军昨日告诉记者", [("北辰", "PERSON"), ("董秘", "PERSON"), ("童文军", "PERSON")])
    assert "童文军" in people_of(article)


def test_the_cut_prefers_fewer_names_then_the_model_edges_then_three_characters():
    text = "胡绳钱正英"
    cut = best_cut(text, 0, edges={0, 2, 5})
    assert [text[i:j] for i, j in cut.spans] == ["胡绳", "钱正英"]
    assert best_cut("的了在是", 0, edges=set()) is None


def test_an_ethnic_group_in_brackets_after_a_name_is_no_person():
    article = run(
        "代表：李明远（土家族）王芳（维吾尔族）", [("李明远", "PERSON"), ("土家族", "PERSON"), ("维吾尔", "PERSON")]
    )
    assert people_of(article) == ["李明远"]
