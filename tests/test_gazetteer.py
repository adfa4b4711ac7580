"""Name matching (graph/gazetteer.py) and the harvested organization lexicon (graph/lexicon.py)."""

from collections import Counter

from guanxi.graph.gazetteer import Gazetteer
from guanxi.graph.lexicon import LEXICON_FILE, ends_at_word_boundary, lexicon, select, spans


def test_leftmost_longest_without_overlaps():
    g = Gazetteer(["北辰", "北辰科技", "科技部"])
    text = "北辰科技部署新线，科技部表示支持。"
    assert [text[s:e] for s, e in g.find(text)] == ["北辰科技", "科技部"]


def test_latin_names_need_word_boundaries():
    g = Gazetteer(["Meta", "联合国"])
    text = "Meta发布Metaverse计划；联合国家重点实验室与联合国合作。"
    assert [(text[s:e], s) for s, e in g.find(text)] == [("Meta", 0), ("联合国", text.rindex("联合国"))]


def test_a_ministry_is_not_found_in_the_departments_of_its_field():
    g = Gazetteer(["财政部", "公安部"])
    text = "省级财政部门与财政部会商，公安部门配合。"
    assert [(text[s:e], s) for s, e in g.find(text)] == [("财政部", text.index("与") + 1)]


def test_lexicon_names_count_only_at_a_word_boundary():
    text = "上海汽车产业链与上海汽车、北辰汽车集团"
    assert not ends_at_word_boundary(text, 0, 4)  # 上海汽车|产业链
    assert ends_at_word_boundary(text, 8, 12)  # 上海汽车|、
    assert ends_at_word_boundary(text, 13, 17)  # 北辰汽车|集团 (an organization suffix)


def test_harvest_keeps_names_and_drops_kinds_places_and_teams():
    orgs = Counter(
        {
            "北辰水务集团": 3,
            "出版社": 9,
            "花城出版社": 1,
            "南岭出版社": 1,
            "青禾出版社": 1,
            "东湖队": 4,
            "慕尼黑": 2,
            "上市公司": 5,
            "abc": 2,
            "北辰": 7,
            "2021峰会": 1,
        }
    )
    places = Counter({"慕尼黑": 5})
    assert select(orgs, places) == ["北辰", "北辰水务集团", "南岭出版社", "花城出版社", "青禾出版社"]


def test_bio_spans_are_read_back():
    chars = list("北辰公司在南湖")
    tags = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "I-LOC"]
    assert list(spans(chars, tags)) == [("北辰公司", "ORG"), ("南湖", "LOC")]


def test_the_shipped_lexicon_is_harvested_and_loaded():
    header = LEXICON_FILE.read_text(encoding="utf-8").splitlines()[:2]
    assert header[0].startswith("# ORG names harvested by `python -m guanxi.graph.lexicon`")
    assert len(lexicon()) > 10_000
    assert "出版社" not in lexicon()


def test_names_that_are_mostly_ordinary_words_are_not_harvested():
    orgs = Counter({"平安": 3, "宝钢": 3, "北辰水务": 1})
    texts = [
        "平安是福。",
        "一路平安。",
        "祝你平安。",
        "出入平安。",
        "平安夜。",
        "平安回家。",
        "岁岁平安。",
        "宝钢发布年报。",
        "宝钢增产。",
        "北辰水务上市。",
        "北辰水务扩产。",
        "北辰水务，北辰水务。",
    ]
    assert select(orgs, Counter(), texts) == ["宝钢"]
    assert select(Counter(), Counter(), texts, pair_names=Counter({"平安": 1, "张裕": 1})) == ["张裕"]


def naive_find(names: set[str], text: str) -> list[tuple[int, int]]:
    """Leftmost-longest without overlaps, by trying every length at every position."""
    found, i = [], 0
    longest = max(map(len, names))
    while i < len(text):
        end = next((i + k for k in range(longest, 0, -1) if i + k <= len(text) and text[i : i + k] in names), None)
        if end is None:
            i += 1
        else:
            found.append((i, end))
            i = end
    return found


def test_matching_agrees_with_trying_every_length_including_one_character_names():
    import random

    rng = random.Random(7)
    alphabet = "甲乙丙丁戊己"
    names = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))) for _ in range(40)}
    g = Gazetteer(names, boundary=lambda text, start, end: True)
    for _ in range(50):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        assert list(g.find(text)) == naive_find(names, text)


def test_a_lexicon_name_may_end_before_a_clause_verb_or_a_role():
    text = "北辰兄弟签署合作协议，北辰电器门店扩张，北辰电器产业园开工。"
    assert ends_at_word_boundary(text, 0, 4)  # 北辰兄弟|签署
    assert ends_at_word_boundary(text, 11, 15)  # 北辰电器|门店
    assert not ends_at_word_boundary(text, 20, 24)  # 北辰电器|产业园


def test_a_lexicon_name_may_end_before_ascii_punctuation():
    text = "北辰电器,是一家老牌企业"
    assert ends_at_word_boundary(text, 0, 4)
