"""Award questions beyond the list: wiki accolades tables (rows spanning rows, {{won}}/{{nom}} results), counts of wins
and nominations, yes or no on one award, and the film an award went to instead."""

from __future__ import annotations

import pytest

from answering_corpus import small_corpus
from filmqa.corpus.structure import segment

HARBOUR = """The Harbour Lights

The Harbour Lights is a 1961 British drama film directed by Mabel Ostrow. It collected two Academy Awards and was up for Best Director as well.

== Accolades ==
{| class="wikitable"
! Award !! Category !! Nominee(s) !! Result
|-
| rowspan="3" | [[34th Academy Awards|Academy Awards]] || [[Academy Award for Best Director|Best Director]] || Mabel Ostrow || {{nom}}
|-
| [[Academy Award for Best Cinematography|Best Cinematography]] || Ivo Brandt || {{won}}
|-
| [[Academy Award for Best Costume Design|Best Costume Design]] || Lotte Kray || {{won}}
|-
| [[15th British Academy Film Awards|British Academy Film Awards]] || Best British Actress || Greta Voss || {{nom}}
|}
"""

ORCHID = """Paper Orchid

Paper Orchid is a 2004 Spanish drama film directed by Lucía Marenco.

== Awards ==
Paper Orchid earned eleven Goya nominations at the 19th Goya Awards, and won four: Best Director, Best Actress, Best Original Score and Best Art Direction. At the ceremony it was favoured for Best Film, but the award went to Camino Blanco.
Its lead, Ana Ruiz, was nominated for a European Film Award.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("award_counts"), harbour=HARBOUR, orchid=ORCHID)


def test_a_wiki_table_row_spanning_rows_fills_its_column_and_result_templates_are_read():
    rows = segment(HARBOUR).table_rows
    assert [r.cells["Award"] for r in rows] == ["Academy Awards"] * 3 + ["British Academy Film Awards"]
    assert [r.cells["Result"] for r in rows] == ["Nominated", "Won", "Won", "Nominated"]
    assert rows[1].cells["Category"] == "Best Cinematography"  # a link's own pipe is no cell separator


def test_the_oscars_won_are_the_won_rows_of_that_award(qa):
    reply = qa.ask("Which Oscars did The Harbour Lights win?")
    assert reply.answer == "Best Cinematography and Best Costume Design", reply.text
    assert "Ivo Brandt" in reply.citations[0].quote


def test_a_count_stated_in_prose_answers_how_many(qa):
    reply = qa.ask("How many Academy Awards did The Harbour Lights win?")
    assert reply.answer == "2" and "collected two Academy Awards" in reply.citations[0].quote, reply.text


def test_nominations_with_no_count_stated_are_the_tables_rows_of_that_award(qa):
    reply = qa.ask("how many oscar nominations did the harbour lights get")
    assert reply.answer == "3" and len(reply.citations) == 3, reply.text  # wins are nominations too; the BAFTA is not an Oscar


def test_a_count_of_wins_after_the_nominations(qa):
    assert qa.ask("how many goyas did paper orchid win").answer == "4"
    reply = qa.ask("How many Goya nominations did Paper Orchid receive?")
    assert reply.answer == "11" and "eleven Goya nominations" in reply.citations[0].quote, reply.text


def test_how_many_awards_with_only_one_bodys_count_said_abstains(qa):
    assert qa.ask("how many awards did paper orchid win").answer is None  # four Goyas is not every award it won


def test_a_category_only_nominated_in_the_table_is_no_win(qa):
    reply = qa.ask("did the harbour lights win the oscar for best director?")
    assert reply.answer == "No" and "Mabel Ostrow" in reply.citations[0].quote, reply.text
    assert reply.citations[0].quote.startswith("Academy Awards | Best Director"), reply.text  # no cell attributes quoted


def test_a_person_nominated_in_the_table(qa):
    reply = qa.ask("Was Greta Voss nominated for a BAFTA for The Harbour Lights?")
    assert reply.answer == "Yes" and "Greta Voss" in reply.citations[0].quote, reply.text


def test_an_award_that_went_to_another_film_is_no_and_names_that_film(qa):
    reply = qa.ask("did paper orchid win best film")
    assert reply.answer == "No" and "went to Camino Blanco" in reply.citations[0].quote, reply.text
    reply = qa.ask("which film beat paper orchid for best film")
    assert reply.answer == "Camino Blanco" and "went to Camino Blanco" in reply.citations[0].quote, reply.text


TIDE = """Low Tide Chorus

Low Tide Chorus is a 2017 South Korean drama film directed by Yoon Da-eun. It opened on 12 October 2017.

Accolades[edit]
Award\tDate\tCategory\tRecipient(s)\tResult
38th Golden Crane Awards\t3 March 2018\tBest Actress\tMoon Hye-ri\tWon
Best Editing\tKwon Tae-il\tNominated
21st Harbour Critics Awards\t9 May 2018\tBest Film\tLow Tide Chorus\tNominated
Best Original Screenplay\tYoon Da-eun\tWon

Reception[edit]
The film won the Silver Gull at the 2017 Lisbon Film Festival and its editor later won a Golden Crane.
A trade paper wrote that it won Moon Hye-ri the Golden Crane award for best actress, and she thanked the crew for playing along.
It received no Academy Award nominations.
A commenter asked: it won the Jade Prize as well, right?
At the Seoul Critics Awards it won two Golden Lantern Awards, for Best Music and Best Sound Design, from five nominations.
"""


@pytest.fixture(scope="module")
def tide(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("award_tabs"), tide=TIDE)


def test_a_copied_tab_separated_accolades_table_is_read_with_its_spanned_cells(tide):
    doc = tide.document("tide.txt")
    rows = [r.cells for r in doc.table_rows]
    assert {"Award": "38th Golden Crane Awards", "Date": "3 March 2018", "Category": "Best Editing",
            "Recipient(s)": "Kwon Tae-il", "Result": "Nominated"} in rows
    reply = tide.ask("What awards did Low Tide Chorus win?")
    for award in ("Best Actress", "Best Original Screenplay", "Silver Gull"):
        assert award in reply.answer, reply.text
    assert "Moon Hye-ri" not in reply.answer and "playing" not in reply.answer, reply.text  # whom it won it for; no category
    assert "Jade Prize" not in reply.answer and "Golden Crane." not in reply.answer, reply.text  # a question says nothing was won


def test_any_nominations_asked_are_nominations(tide):
    reply = tide.ask("did low tide chorus get any nominations at the harbour critics awards")
    assert reply.answer == "Yes" and any("Best Film" in c.quote for c in reply.citations), reply.text


def test_a_festival_said_after_the_award_narrows_it(tide):
    reply = tide.ask("what did low tide chorus win at lisbon")
    assert reply.answer == "Silver Gull", reply.text


def test_an_accolades_table_does_not_date_the_film(tide):
    reply = tide.ask("When did Low Tide Chorus open?")
    assert reply.answer and "2017" in reply.answer, reply.text  # not a ceremony's date


def test_a_denied_nomination_is_no_nomination(tide):
    reply = tide.ask("was low tide chorus nominated for an oscar")
    assert reply.answer == "No", reply.text


def test_the_categories_named_after_a_count_are_what_it_won(tide):
    reply = tide.ask("Which Golden Lanterns did Low Tide Chorus win?")
    assert reply.answer == "Best Music and Best Sound Design", reply.text


def test_no_sentence_saying_who_won_instead_abstains(tide):
    assert tide.ask("which film beat low tide chorus for the golden crane for best editing").answer is None


def test_a_person_asked_with_no_film_named_finds_the_film_by_its_accolades_rows(qa):
    reply = qa.ask("was greta voss nominated for a bafta")
    assert reply.answer == "Yes" and "Greta Voss" in reply.citations[0].quote, reply.text
    reply = qa.ask("What was Greta Voss nominated for?")
    assert reply.answer == "Best British Actress" and reply.route.film == "The Harbour Lights (1961)", reply.text
