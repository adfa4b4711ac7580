import gc
import weakref

import pytest

from guanxi.graph.collector import cycle_collection_paused


def test_the_cycle_collector_is_paused_inside_and_left_as_the_caller_had_it():
    with pytest.raises(ValueError):
        with cycle_collection_paused():
            assert not gc.isenabled()
            raise ValueError("a chunk failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collection_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


class Cyclic:
    def __init__(self):
        self.me = self


@pytest.mark.parametrize("every", ["COLLECT_EVERY", "COLLECT_YOUNG_EVERY"])
def test_a_build_sums_with_the_collector_paused_and_collects_every_so_many_contributions(monkeypatch, every):
    from guanxi.graph import build
    from tests.test_build import synthetic_contributions

    monkeypatch.setattr(build, "COLLECT_EVERY", 10**9)
    monkeypatch.setattr(build, "COLLECT_YOUNG_EVERY", 10**9)
    monkeypatch.setattr(build, every, 2)  # the input's own garbage (a parsed file) is young when the build reads it
    enabled, alive = [], []

    def contributions():
        ref = None
        for k, c in enumerate(synthetic_contributions(5)):
            if k == 0:
                ref = weakref.ref(Cyclic())  # garbage only the collector can free
            enabled.append(gc.isenabled())
            alive.append(ref() is not None)
            yield c

    graph = build.graph_from_contributions(contributions())
    assert graph.number_of_nodes() > 0
    assert enabled == [False] * 5
    assert alive == [True, True, False, False, False]  # freed by the collection after the second
    assert gc.isenabled()
