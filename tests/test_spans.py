from dataclasses import dataclass

from guanxi.graph.spans import SpanIndex


@dataclass(frozen=True)
class S:
    start: int
    end: int


def test_overlapping_spans_are_found_in_the_order_they_were_added():
    spans = [S(10, 14), S(0, 30), S(12, 13), S(40, 42), S(13, 20)]
    index = SpanIndex(spans)
    assert index.overlapping(S(12, 14)) == [S(10, 14), S(0, 30), S(12, 13), S(13, 20)]
    assert index.overlapping(S(30, 40)) == [] and not index.any_overlapping(S(30, 40))
    index.add(S(35, 41))
    assert index.overlapping(S(39, 45)) == [S(40, 42), S(35, 41)]


def test_the_index_agrees_with_comparing_every_pair():
    import random

    rng = random.Random(3)
    spans = [S(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 2000) for _ in range(400))]
    index = SpanIndex(spans)
    for q in spans[:100]:
        expected = [s for s in spans if s.start < q.end and q.start < s.end]
        assert index.overlapping(q) == expected and index.any_overlapping(q)


def test_a_range_asks_about_text_that_is_no_span_yet():
    from guanxi.graph.spans import Range

    index = SpanIndex([S(0, 4), S(6, 9)])
    assert index.overlapping(Range(3, 7)) == [S(0, 4), S(6, 9)] and not index.any_overlapping(Range(4, 6))
