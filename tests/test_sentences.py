from guanxi.graph.sentences import split_sentences


def test_offsets_point_into_the_text():
    text = "甲公司发布新品。乙公司表示欢迎！\n丙公司呢？丁公司；结束"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["甲公司发布新品。", "乙公司表示欢迎！", "丙公司呢？", "丁公司；", "结束"]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_quoted_speech_stays_one_sentence_with_its_closing_quote():
    text = "他说：“我们会合作。明年继续。”随后离场。"
    assert [s.text for s in split_sentences(text)] == ["他说：“我们会合作。明年继续。”", "随后离场。"]


def test_full_stop_inside_book_title_does_not_split():
    text = "部里印发《关于甲。乙的意见》。后文。"
    assert [s.text for s in split_sentences(text)] == ["部里印发《关于甲。乙的意见》。", "后文。"]


def test_an_unclosed_quote_stops_protecting_after_a_while():
    text = "“" + "很长的引语。" * 60 + "结束。"
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_a_sentence_without_punctuation_is_cut_into_bounded_windows():
    from guanxi.graph.sentences import MAX_SENTENCE

    text = ("甲公司建设数据中心" * 20 + "，") * 3 + "乙" * 1200
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert "".join(s.text for s in sentences) == text  # nothing lost
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert sentences[0].text.endswith("，")  # cut after a comma where there is one
