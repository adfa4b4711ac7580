"""The shipped HanLP model: it loads offline and finds people and organizations."""

import pytest

from guanxi.graph.ner import chunks, load_model
from guanxi.graph.ner_model import normalize_char, normalize_chars, tags_to_spans, viterbi


def test_tags_to_spans_accepts_bio_and_bmes_and_never_raises_on_ill_formed_runs():
    assert tags_to_spans(["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-ORG"]) == [("PER", 0, 2), ("ORG", 3, 6)]
    assert tags_to_spans(["B-ORG", "M-ORG", "E-ORG", "S-PER"]) == [("ORG", 0, 3), ("PER", 3, 4)]
    assert tags_to_spans(["I-ORG", "I-ORG", "B-PER", "I-ORG"]) == [("ORG", 0, 2), ("PER", 2, 3), ("ORG", 3, 4)]
    assert tags_to_spans(["E-PER", "O", "M-LOC"]) == [("PER", 0, 1), ("LOC", 2, 3)]


def test_full_width_characters_are_folded_one_to_one():
    assert [normalize_char(c) for c in "５Ｇ，ａ中"] == ["5", "G", ",", "a", "中"]
    assert normalize_char("㈱") == "㈱"  # folding to several characters would move offsets
    for text in ("５Ｇ，ａ中㈱", "工信部发布通知", "ﬁ①Ａ\u3000", "é"):
        assert normalize_chars(text) == [normalize_char(c) for c in text]


def test_viterbi_finds_the_paths_hanlps_crf_finds_for_rows_of_different_lengths():
    import torch
    from hanlp.layers.crf.crf import CRF

    torch.manual_seed(0)
    crf = CRF(7, batch_first=True)
    emissions = torch.randn(5, 9, 7)
    lengths = [9, 9, 6, 2, 1]
    mask = torch.tensor([[t < n for t in range(9)] for n in lengths])
    expected = crf.decode(emissions, mask)
    found = viterbi(
        emissions.numpy(),
        mask.numpy(),
        crf.start_transitions.detach().numpy(),
        crf.transitions.detach().numpy(),
        crf.end_transitions.detach().numpy(),
    )
    assert [row[:n] for row, n in zip(found.tolist(), lengths)] == expected


def test_long_text_is_tagged_in_pieces_cut_at_commas():
    text = "甲" * 200 + "，" + "乙" * 200
    pieces = chunks(text)
    assert [len(p) for _, p in pieces] == [201, 200]
    assert "".join(p for _, p in pieces) == text


@pytest.mark.slow
def test_shipped_model_finds_people_and_organizations():
    model = load_model()
    [spans] = model.tag(["国家发展和改革委员会主任张明华今天在北京会见了中国石油天然气集团公司董事长李强。"])
    text = "国家发展和改革委员会主任张明华今天在北京会见了中国石油天然气集团公司董事长李强。"
    found = {(label, text[s:e]) for label, s, e in spans}
    assert ("PERSON", "张明华") in found
    assert ("PERSON", "李强") in found
    assert any(label == "ORG" and "国家发展和改革委员会" in text[s:e] for label, s, e in spans)


@pytest.mark.slow
def test_bad_model_setting_gives_a_clear_error(monkeypatch, tmp_path):
    from guanxi.graph.errors import ModelError
    from guanxi.graph.ner import NerModel

    (tmp_path / "config.json").write_text('{"classpath": "guanxi.graph.ner_model.GuanxiRNNNER"}')
    with pytest.raises(ModelError) as err:
        NerModel(str(tmp_path))
    assert str(err.value).startswith(f'Could not load the NER model "{tmp_path}": ')
    assert "GUANXI_NER_MODEL" in str(err.value)


@pytest.mark.slow
def test_model_runs_with_int8_weights_by_default_and_float32_on_request(monkeypatch):
    import torch

    from guanxi.graph.ner import DEFAULT_MODEL, NerModel

    quantized = NerModel(str(DEFAULT_MODEL))
    assert isinstance(quantized.component.model.word_lstm, torch.ao.nn.quantized.dynamic.LSTM)
    plain = NerModel(str(DEFAULT_MODEL), quantize=False)
    assert type(plain.component.model.word_lstm) is torch.nn.LSTM
    text = "国家发展和改革委员会主任张明华今天会见了李强。"
    people = [{text[s:e] for label, s, e in m.tag([text])[0] if label == "PERSON"} for m in (quantized, plain)]
    assert people[0] == people[1] == {"张明华", "李强"}


@pytest.mark.slow
def test_model_tags_as_hanlps_own_prediction_does(monkeypatch):
    from hanlp.components.taggers.tagger import Tagger

    from guanxi.graph.ner import DEFAULT_MODEL, NerModel

    # int8 activations are scaled per batch, batches differ
    component = NerModel(str(DEFAULT_MODEL), quantize=False).component
    texts = [
        "国家发展和改革委员会主任张明华今天在北京会见了中国石油天然气集团公司董事长李强。",
        "李强说",
        "南湖银行与北辰科技合作",
        "北辰科技公司总裁李明远表示，公司将与南岭银行合作，共建数据中心。",
        "好",
    ]
    samples = [list(t) for t in texts] * 30
    hanlps = [tags_to_spans(list(tags)) for tags in Tagger.predict_data(component, samples, 64)]
    assert component.predict_data(samples, 64) == hanlps
    assert any(hanlps)
    assert component.predict_data([[], list("李强说")], 64) == [[], hanlps[1]]  # an empty piece has no spans


@pytest.mark.slow
def test_articles_tagged_together_get_the_mentions_they_get_one_by_one():
    from guanxi.graph.pipeline import process, process_all
    from guanxi.graph.records import Article

    texts = [
        "北辰科技公司总裁李明远表示，公司将与南岭银行合作。",
        "国家发展和改革委员会主任张明华今天在北京会见了客人。",
    ]
    alone = [process(Article(id=str(i), title="", text=t)) for i, t in enumerate(texts)]
    together = process_all([Article(id=str(i), title="", text=t) for i, t in enumerate(texts)])
    assert [a.mentions for a in together] == [a.mentions for a in alone]
    assert all(a.mentions for a in together)


@pytest.mark.slow
def test_documents_extracted_in_batches_come_back_in_order_with_their_own_articles(monkeypatch):
    from guanxi.graph import pipeline
    from guanxi.graph.records import Document

    monkeypatch.setattr(pipeline, "BATCH_CHARACTERS", 40)  # several batches of short documents
    texts = [
        "北辰科技公司总裁李明远表示，公司将与南岭银行合作。",
        "工信部发布《南湖数据安全管理办法》。",
        "青松水务公司被市场监管总局处以罚款。",
        "腾讯宣布入股搜狗公司。",
    ]
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    out = list(pipeline.extract_documents(docs, split=False))
    assert [doc.id for doc, _ in out] == ["d0", "d1", "d2", "d3"]
    for (_, articles), text in zip(out, texts):
        assert [a.text for a in articles] == [text]
        assert all(text[m.start : m.end] == m.text for a in articles for m in a.mentions)
        assert articles[0].entities


def test_a_bigram_model_trains_saves_only_bigrams_seen_often_enough_and_tags_after_loading(tmp_path):
    import json

    from guanxi.graph.ner import NerModel
    from guanxi.graph.train_ner import train

    # sentences written for this test: two organizations and a person, repeated so a tiny model learns
    rows = [
        (
            "南湖银行与北辰科技合作",
            ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"],
        ),
        ("李明远表示欢迎", ["B-PER", "I-PER", "I-PER", "O", "O", "O", "O"]),
    ]
    rows = rows * 30 + [("甲乙丙丁", ["O"] * 4)]  # its bigrams are seen once: too rare to keep
    text = "".join("".join(f"{c}\t{t}\n" for c, t in zip(s, tags)) + "\n" for s, tags in rows)
    (tmp_path / "train.tsv").write_text(text, encoding="utf-8")
    (tmp_path / "dev.tsv").write_text(text, encoding="utf-8")
    train(tmp_path / "train.tsv", tmp_path / "dev.tsv", tmp_path / "model", epochs=12, seed=1, bigram_dim=8)
    vocabs = json.loads((tmp_path / "model" / "vocabs.json").read_text(encoding="utf-8"))
    bigrams = set(vocabs["bigram"]["idx_to_token"])
    assert {"南湖", "科技", "远表"} <= bigrams and "counter" not in vocabs["bigram"]
    assert "甲乙" not in bigrams
    config = json.loads((tmp_path / "model" / "config.json").read_text(encoding="utf-8"))
    assert config["embed"]["classpath"] == "guanxi.graph.ner_model.CharBigramEmbedding"
    spans = NerModel(str(tmp_path / "model")).tag(["南湖银行与北辰科技合作"])[0]
    assert ("ORG", 0, 4) in spans


def test_word_features_say_where_each_character_stands_in_dictionary_words(tmp_path):
    from guanxi.graph.word_lexicon import word_features, word_groups

    # a dictionary in jieba's format, words written for this test
    (tmp_path / "dict.txt").write_text("南湖 5 ns\n南湖银行 3 nt\n银行 9 n\n李明远 2 nr\n行 9 n\n", encoding="utf-8")
    words = word_groups(tmp_path / "dict.txt")
    assert "行" not in words  # one character is no word boundary
    features = word_features(list("南湖银行李明远说"), words)
    assert features[:4] == ["w:B ns:B nt:B", "w:ME ns:E nt:M", "w:BM nt:M", "w:E nt:E"]
    assert features[4:] == ["w:B nr:B", "w:M nr:M", "w:E nr:E", "-"]


def test_word_features_read_jiebas_own_dictionary():
    from guanxi.graph.word_lexicon import word_features

    features = word_features(list("中华人民共和国"))
    assert features[0].startswith("w:B") and features[-1].startswith("w:") and "E" in features[-1]


def test_a_model_with_word_features_trains_saves_them_and_tags_after_loading(tmp_path):
    import json

    from guanxi.graph.ner import NerModel
    from guanxi.graph.train_ner import train

    rows = [
        (
            "南湖银行与北辰科技合作",
            ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"],
        )
    ]
    text = "".join("".join(f"{c}\t{t}\n" for c, t in zip(s, tags)) + "\n" for s, tags in rows * 30)
    (tmp_path / "train.tsv").write_text(text, encoding="utf-8")
    (tmp_path / "dev.tsv").write_text(text, encoding="utf-8")
    train(tmp_path / "train.tsv", tmp_path / "dev.tsv", tmp_path / "model", epochs=12, seed=1, bigram_dim=8, word_dim=4)
    vocabs = json.loads((tmp_path / "model" / "vocabs.json").read_text(encoding="utf-8"))
    assert "w:E" in vocabs["word"]["idx_to_token"]  # 银行 ends at 行 in jieba's dictionary
    config = json.loads((tmp_path / "model" / "config.json").read_text(encoding="utf-8"))
    assert config["embed"]["word_dim"] == 4
    spans = NerModel(str(tmp_path / "model")).tag(["南湖银行与北辰科技合作"])[0]
    assert ("ORG", 0, 4) in spans


def test_word_feature_dropout_hides_names_in_training_only():
    from guanxi.graph.ner_model import add_word_features

    chars = list("南湖银行与北辰科技合作")
    tags = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]
    shown = add_word_features({"token": chars})["word"]
    hidden = add_word_features({"token": chars, "tag": tags}, dropout=1.0)["word"]
    assert hidden[:4] == hidden[5:9] == ["-"] * 4 and hidden[9:] == shown[9:]
    assert add_word_features({"token": chars, "tag": tags}, dropout=0.0)["word"] == shown
    assert add_word_features({"token": chars}, dropout=1.0)["word"] == shown  # tagging a text hides nothing
    assert shown[9:] != ["-", "-"]  # 合作 is a word


def test_finetuning_labels_gold_names_longest_first_and_places_the_gold_does_not_cover():
    from guanxi.graph.finetune_ner import gold_names, label_sentence, sentences_of

    article = {
        "entities": [
            {"name": "北辰科技有限公司", "type": "ORG", "aliases": ["北辰"]},
            {"name": "李明远", "type": "PERSON", "aliases": []},
            {"name": "《南湖规划》", "type": "POLICY", "aliases": []},
        ]
    }
    names = gold_names(article)
    assert names == [("北辰科技有限公司", "ORG"), ("李明远", "PER"), ("北辰", "ORG")]
    sentence = "北辰科技有限公司董事长李明远在南湖市说，北辰将扩产。"
    place = (sentence.index("南湖市"), sentence.index("南湖市") + 3)
    chars, tags = label_sentence(sentence, names, [place, (0, 2)])  # a place inside a gold name is not one
    spans = tags_to_spans(tags)
    assert [("".join(chars[s:e]), label) for label, s, e in spans] == [
        ("北辰科技有限公司", "ORG"),
        ("李明远", "PER"),
        ("南湖市", "LOC"),
        ("北辰", "ORG"),
    ]
    assert sentences_of("第一句话。第二句\n第三句！") == ["第一句话。", "第二句", "第三句！"]


def test_finetuning_teaches_a_trained_model_a_name_and_saves_a_model_that_loads(tmp_path):
    from guanxi.graph.finetune_ner import finetune
    from guanxi.graph.ner import NerModel
    from guanxi.graph.train_ner import train

    def tsv(path, rows):
        path.write_text(
            "".join("".join(f"{c}\t{t}\n" for c, t in zip(s, tags)) + "\n" for s, tags in rows), encoding="utf-8"
        )

    org = ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    # sentences written for this test; the base model learns 东岭能源 as no name, the fine-tuning as one
    base = [("南湖银行与北辰科技合作", org + ["O"] + org + ["O", "O"]), ("东岭能源上涨", ["O"] * 6)]
    tsv(tmp_path / "base.tsv", base * 30)
    train(tmp_path / "base.tsv", tmp_path / "base.tsv", tmp_path / "base", epochs=10, seed=1, bigram_dim=8)
    assert ("ORG", 0, 4) not in NerModel(str(tmp_path / "base")).tag(["东岭能源上涨"])[0]
    news = [("东岭能源上涨", org + ["O", "O"]), ("南湖银行与北辰科技合作", org + ["O"] + org + ["O", "O"])]
    tsv(tmp_path / "news.tsv", news * 30)
    finetune(tmp_path / "base", tmp_path / "news.tsv", tmp_path / "news.tsv", tmp_path / "tuned", 6, 0.01, seed=1)
    tuned = NerModel(str(tmp_path / "tuned"))
    assert tuned.tag(["东岭能源上涨"])[0] == [("ORG", 0, 4)]
    assert ("ORG", 0, 4) in tuned.tag(["南湖银行与北辰科技合作"])[0]
