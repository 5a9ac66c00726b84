"""Takings are not the cost; a colour process is not a filming place; 'a shoot-out' names no place."""

from __future__ import annotations

import pytest

from filmqa import FilmQA
from filmqa.reader.extract import LOWER_PLACE, find_places

from answering_corpus import small_corpus

ARTICLE = """Granite Ferry

Granite Ferry is a 1957 American adventure film directed by Odile Marsh. The film was shot in Eastmancolor and was one of the first river pictures in colour.

==Production==
Principal photography took place over six weeks near the town of Quarrel Bend, where the crew filmed on the river.

==Release==
Made for $410,000, it earned $1.9 million at the North American box office, the studio's best result of the year.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    return small_corpus(tmp_path_factory.mktemp("cost_places"), granite=ARTICLE)


def test_box_office_is_not_the_cost_said_beside_it(qa):
    a = qa.ask("how much did granite ferry make at the box office")
    assert a.answer == "$1.9 million"


def test_budget_is_not_the_takings_said_beside_it(qa):
    a = qa.ask("what was the budget of granite ferry")
    assert a.answer == "$410,000"


def test_colour_process_is_no_filming_place(qa):
    a = qa.ask("where was granite ferry filmed?")
    assert a.answer is None or "Eastmancolor" not in a.answer


def test_find_places_skips_processes_and_formats(qa):
    kb = qa.knowledge
    found = [p for p, _, _ in find_places("It was shot in Technicolor and CinemaScope, then shown in Denver.", kb)]
    assert "Technicolor" not in found and "CinemaScope" not in found
    assert "Denver" in found


def test_hyphenated_word_is_no_lower_place():
    assert LOWER_PLACE.search("He is wounded in a shoot-out.") is None
    assert LOWER_PLACE.search("She saw it on a late-night broadcast.") is None
    assert LOWER_PLACE.search("They hide in a barn.").group("place") == "barn"


def test_money_side_read_from_the_words_before_the_sum():
    from filmqa.reader.candidates import money_side_fit
    text = "Made for $640,000, it earned $2.3 million at the North American box office."
    cost, takings = text.index("$640"), text.index("$2.3")
    assert money_side_fit(text, cost, "box office") < 0 and money_side_fit(text, takings, "box office") == 0
    assert money_side_fit(text, takings, "budget") < 0 and money_side_fit(text, cost, "budget") == 0


def test_money_table_column_must_hold_sums():
    from filmqa.reader.records import _fits
    assert not _fits("2", "money") and not _fits("1", "money")
    assert _fits("$14.1 million", "money") and _fits("£3.9 million", "money")


WEEKENDS = """Copper Lantern

Copper Lantern is a 2011 thriller film directed by Ines Varga.

==Box office==
| Weekend | Dates | Rank | Weekend gross | Screens |
| --- | --- | --- | --- | --- |
| 1 | Mar 4–6, 2011 | 3 | $9.2 million | 2,100 |
| 2 | Mar 11–13, 2011 | 5 | $5.1 million | 2,150 |
"""


def test_money_question_is_not_answered_with_a_weekend_number(tmp_path):
    qa = small_corpus(tmp_path, lantern=WEEKENDS)
    a = qa.ask("how much did copper lantern take on its opening weekend")
    assert a.answer is None or "$" in a.answer


def test_the_filming_place_over_the_story_place_and_a_studio_tank(tmp_path):
    qa = small_corpus(tmp_path, a=(
        "Salt Lantern\n\nSalt Lantern is a 2012 Norwegian drama film directed by Ann Lowe. "
        "The film follows a ferryman in the fishing village of Kvaløy who hides a stranger.\n\n"
        "==Making of==\nThe director wrote the script in 2009. Cameras rolled for six weeks in early 2011 on location in "
        "Tromsø, Norway; the storm scenes were shot in a studio tank in Hamburg.\n"))
    reply = qa.ask("where did they shoot salt lantern?")
    assert reply.answer == "Tromsø, Norway", reply.text  # not the story's village, not the tank of some scenes
    assert "on location in Tromsø" in reply.citations[0].quote


def test_a_filming_row_of_a_two_column_table_disagrees_with_prose(tmp_path):
    qa = small_corpus(tmp_path, a=(
        "Salt Lantern\n\nSalt Lantern is a 2012 Norwegian drama film directed by Ann Lowe. "
        "The film follows a ferryman who hides a stranger.\n\n==Making of==\n"
        "Cameras rolled for six weeks on location in Tromsø, Norway.\n"),
        b=("# Salt Lantern (2012) fact sheet\n\nA fact sheet for Salt Lantern (2012).\n\n| | |\n| --- | --- |\n| Director | Ann Lowe |\n"
           "| Shooting location | Lofoten Islands (Reine) |\n| Language | Norwegian |\n"))
    reply = qa.ask("Where was Salt Lantern filmed?")
    assert reply.conflicts, reply.text
    values = {v.value for v in reply.conflicts[0].values}
    assert values == {"Tromsø, Norway", "Lofoten Islands"}


def test_the_whole_take_before_one_markets_and_a_budget_named_after_its_sum(tmp_path):
    qa = small_corpus(tmp_path, a=(
        "Lamp Street\n\nLamp Street is a 1993 American crime film directed by Ann Lowe. It was a modest hit, taking "
        "$9.2 million in the United States against a $4 million budget.\n\n==Box office==\nLamp Street took $9.2 million in "
        "North America and $6.1 million abroad, for a worldwide total of $15.3 million.\n"))
    reply = qa.ask("How much did Lamp Street make at the box office?")
    assert reply.answer == "$15.3 million", reply.text
    assert "worldwide total of $15.3 million" in reply.citations[0].quote


def test_a_sum_named_by_the_word_after_it(tmp_path):
    from filmqa.reader.candidates import money_side_fit

    text = "It grossed $9.2 million against a $4 million budget."
    assert money_side_fit(text, text.index("$4"), "box office") < 0
    assert money_side_fit(text, text.index("$9.2"), "box office") == 0
    assert money_side_fit(text, text.index("$9.2"), "budget") < 0


def test_a_season_is_no_filming_place(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(tmp_path, a=(
        "Night Orchard\n\nNight Orchard is a 2015 drama film directed by Ann Lowe.\n\n== Production ==\n"
        "The film was shot on 35 mm film over 30 days in the spring of 2014.\n"))
    reply = qa.ask("where was night orchard filmed")
    assert reply.answer is None or "spring" not in reply.answer.lower(), reply.text
