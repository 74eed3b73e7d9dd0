"""The content stages pause cyclic garbage collection while they make their objects (millions
for a big story), then hand what they made to the oldest generation unexamined, leaving
collection on as they found it and never releasing objects a caller holds frozen."""

from __future__ import annotations

import gc

from generator.content.loading import collection_frozen, collection_paused


def oldest() -> set[int]:
    return {id(thing) for thing in gc.get_objects(generation=2)}


def test_what_a_stage_made_is_settled_in_the_oldest_generation():
    gc.unfreeze()  # an earlier test's live-preview Session may have left its objects frozen
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        made = [[index] for index in range(20_000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert {id(made), id(made[0]), id(made[-1])} <= oldest()


def test_a_stage_inside_frozen_work_leaves_the_frozen_objects_frozen():
    with collection_frozen():
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with collection_paused():
            made = [[index] for index in range(1_000)]
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled()
    assert made[0] == [0]
