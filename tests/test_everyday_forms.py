"""Everyday question forms: a cast asked for by a noun, contractions typed without the apostrophe.

The short forms people type must route and answer like the full question they stand for.
"""

from __future__ import annotations

import pytest
from answering_corpus import small_corpus

from filmqa.reader.router import everyday_form

HARBOUR = """Harbour Lights

Harbour Lights is a 2003 crime drama film directed by Tove Lindqvist. It stars Mara Quinlan, Desmond Achebe and Ilse Varga.

== Cast ==
* Mara Quinlan as Inspector Brit Holm
* Desmond Achebe as Samuel Okoro
* Ilse Varga as Greta Holm

== Production ==
Lindqvist cast Quinlan after seeing her on stage in Bergen. Filming took place over forty days.
"""

STARS = ("Mara Quinlan", "Desmond Achebe", "Ilse Varga")


@pytest.mark.parametrize("question", [
    "whos in harbour lights", "cast of harbour lights", "Harbour Lights cast", "harbour lights actors",
    "actors in harbour lights?", "who acted in Harbour Lights", "the full cast of harbour lights",
    "who performed in harbour lights",
])
def test_a_cast_asked_for_in_a_short_form_lists_the_stars(tmp_path, question):
    qa = small_corpus(tmp_path, harbour=HARBOUR)
    reply = qa.ask(question)
    for name in STARS:
        assert name in (reply.answer or ""), (question, reply.text)
    assert any("Ilse Varga" in c.quote for c in reply.citations)


def test_a_bare_cast_noun_asks_about_the_only_film(tmp_path):
    qa = small_corpus(tmp_path, harbour=HARBOUR)
    conv = qa.conversation()
    conv.ask("who directed harbour lights?")
    reply = conv.ask("starring?")
    assert all(name in (reply.answer or "") for name in STARS), reply.text


def test_the_short_forms_name_the_same_question():
    assert everyday_form("whats it about") == "what is it about"
    assert everyday_form("why didnt she come back") == "why didn't she come back"
    assert everyday_form("die hard cast") == "who is in die hard?"
    # a question that merely ends in "cast" is no cast asked for by a noun
    assert everyday_form("who was cast") == "who was cast"
    assert everyday_form("how many actors were cast") == "how many actors were cast"
    assert everyday_form("who played Greta in it?") == "who played Greta in it?"


def test_a_time_of_year_is_no_place_a_film_is_set(tmp_path):
    page = """Snowline fan page

This page covers Snowline, one of the films set at Christmas. Snowline is a 1991 thriller film directed by Ida Frey.
"""
    qa = small_corpus(tmp_path, snowline=page)
    reply = qa.ask("wheres snowline set")
    assert reply.answer != "Christmas", reply.text
