"""The lead: "who is the main character?", "who plays the lead?", "who is the hero?" -- the first-billed star and
the part that star plays, not a minor character a sentence happens to call "nervous" or "main"."""

from __future__ import annotations

import pytest
from answering_corpus import small_corpus

HARBOUR = """Harbour Lights

{{Infobox film
| name = Harbour Lights
| starring = Mara Quinlan, Desmond Achebe, Ilse Varga
}}
Harbour Lights is a 2003 crime drama film directed by Tove Lindqvist.

== Cast ==
* Desmond Achebe as Samuel Okoro, a harbour pilot
* Mara Quinlan as Inspector Brit Holm, the lead investigator
* Ilse Varga as Greta Holm

== Production ==
Ilse Varga, who plays the main witness Greta, was cast from an open audition.
"""


@pytest.mark.parametrize("question", ["who is the main character in harbour lights",
                                      "Who is the protagonist of Harbour Lights?", "who's the hero of harbour lights"])
def test_the_main_character_is_the_first_billed_stars_part(tmp_path, question):
    reply = small_corpus(tmp_path, harbour=HARBOUR).ask(question)
    assert reply.answer == "Inspector Brit Holm (played by Mara Quinlan)", reply.text
    quotes = [c.quote for c in reply.citations]
    assert any(q.startswith("starring") for q in quotes) and any("Inspector Brit Holm" in q for q in quotes)


@pytest.mark.parametrize("question", ["who plays the lead in harbour lights?", "who is the star of harbour lights",
                                      "who plays the main character in harbour lights"])
def test_the_lead_actor_is_the_first_billed_star(tmp_path, question):
    reply = small_corpus(tmp_path, harbour=HARBOUR).ask(question)
    assert reply.answer == "Mara Quinlan (as Inspector Brit Holm)", reply.text


def test_without_a_billing_the_longest_cast_list_comes_first(tmp_path):
    text = HARBOUR.replace("| starring = Mara Quinlan, Desmond Achebe, Ilse Varga\n", "")
    reply = small_corpus(tmp_path, harbour=text).ask("who is the main character in harbour lights?")
    assert reply.answer == "Samuel Okoro (played by Desmond Achebe)", reply.text


def test_a_fact_sheets_starring_line_bills_the_lead(tmp_path):
    sheet = """Quarry Road - the fact sheet

Quarry Road is a 1994 road movie directed by Pim Haller.

Director: Pim Haller
Starring: Odile Brandt, Kasper Lund, Rui Matos

== Cast notes ==
* Kasper Lund as Tor, the hitchhiker
* Rui Matos as the mechanic
"""
    reply = small_corpus(tmp_path, quarry=sheet).ask("whos the star of quarry road")
    assert reply.answer == "Odile Brandt", reply.text
    assert reply.citations[0].quote.startswith("Starring")
