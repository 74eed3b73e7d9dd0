"""Pages read the story through its graph's nodes and one `PageInputs` alone, and every read of
the inputs is recorded: the live preview relies on both to know which pages an edit changes."""

from __future__ import annotations

import pytest

from generator.build import checked_story
from generator.content.linking import Linked
from generator.content.recorder import Recorder
from generator.pages.inputs import READS, PageInputs
from generator.pages.rendering import environment
from tests.conftest import MINI, MULTI, in_place


def linked(root, recorder=None) -> Linked:
    story, _config, problems = checked_story(in_place(root), recorder)
    assert story is not None and problems == []
    return story


def test_every_global_and_filter_holding_story_data_comes_from_the_inputs():
    # Anything else a template is given is the same object whatever the story: it can hold no
    # story data, and so needs no recording.
    inputs = PageInputs(linked(MULTI))
    env, other = environment(inputs), environment(PageInputs(linked(MINI)))
    supplied = list(inputs.calls.values())
    for table, others in ((env.globals, other.globals), (env.filters, other.filters)):
        for name, value in table.items():
            if name == "s":  # the graph, whose reads the nodes record
                assert value is inputs.story.graph
            elif name == "citations":  # made of the graph and the inputs' calls alone
                parts = vars(value).values()
                assert all(p is inputs.story.graph or any(p is c for c in supplied) for p in parts)
            elif name == "statement_card":  # made of the citations and the inputs' calls alone
                parts = vars(value).values()
                citations = env.globals["citations"]
                assert all(p is citations or any(p is c for c in supplied) for p in parts)
            elif not any(value is call for call in supplied):
                assert value is others[name], name


def test_the_inputs_give_templates_every_call_that_reads_the_story_outside_nodes():
    inputs = PageInputs(linked(MINI))
    env = environment(inputs)
    given = {**env.globals, **env.filters}
    templates = set(inputs.template_globals()) | set(inputs.template_filters())
    assert templates == set(inputs.calls) - {"origin", "files"}
    assert all(given[name] is inputs.calls[name] for name in templates)


def samples(story: Linked) -> dict[str, tuple[object, ...]]:
    """A call of each input, as a page makes it."""
    graph = story.graph
    statement = next(st for st in graph.statements.values() if st.kind == "direct")
    article = next(iter(graph.articles.values()))
    person = next(iter(graph.people.values()))
    return {
        "cite_name": (article,),
        "quoted_at": (statement, statement.source),
        "marked_paragraph": (article, 1),
        "gloss": ("The bridge over the river.",),
        "origin": ("people", person.id),
        "files": ("statements",),
    }


def test_every_input_has_a_sample_call_and_a_declared_read():
    inputs = PageInputs(linked(MINI))
    assert set(samples(inputs.story)) == set(inputs.calls) == set(READS)


@pytest.mark.parametrize("name", sorted(READS))
def test_each_input_call_records_what_it_reads_and_its_value_is_known(name):
    recorder = Recorder()
    story = linked(MINI, recorder)
    inputs = PageInputs(story, recorder)
    args = samples(story)[name]
    recorder.reads = set()
    inputs.calls[name](*args)
    read, recorder.reads = recorder.reads, None
    recorded = [item for item in read if not isinstance(item[0], int) and item[0] != "graph"]
    assert recorded == [READS[name](*args)]
    assert inputs.value(recorded[0]) == PageInputs(linked(MINI)).value(recorded[0])


def test_inputs_made_without_a_recorder_are_the_plain_calls():
    inputs = PageInputs(linked(MINI))
    assert inputs.calls["marked_paragraph"] == inputs.quoted.paragraph
    assert inputs.calls["gloss"] is inputs.glossary
