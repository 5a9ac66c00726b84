"""How many / how long: counts and spans other than the running time, said in the documents' own words."""

from __future__ import annotations

import pytest

from filmqa import FilmQA

from answering_corpus import small_corpus

ARTICLE = """Salt Orchard

Salt Orchard is a 1983 British drama film directed by Wren Oduya.

==Production==
The shoot was budgeted for 40 days but ran to 71 days after storms flooded the sets on the Norfolk coast.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    return small_corpus(tmp_path_factory.mktemp("counts"), orchard=ARTICLE)


def test_days_it_took_to_shoot_are_what_happened_not_the_plan(qa):
    a = qa.ask("How many days did it take to shoot Salt Orchard?")
    assert a.answer == "71"
    assert "ran to 71 days" in a.citations[0].quote


def test_the_plan_when_the_plan_is_asked(qa):
    a = qa.ask("How many days was the Salt Orchard shoot originally planned for?")
    assert a.answer == "40"


def test_minutes_before_an_event_are_no_running_time():
    from filmqa.reader.extract import find_duration
    text = "Doors open 20 minutes before the screening; the film runs 97 minutes, and the twist comes 80 minutes into it."
    assert [v for _, v, _ in find_duration(text)] == [97]
