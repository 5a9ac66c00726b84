""""Who made X?" asks for the director, not for whoever a page says made something (a byline, a sequel's cost)."""

from __future__ import annotations

import pytest

from answering_corpus import small_corpus

FILM = """Cinder Road

{{Infobox film
| name = Cinder Road
| director = Ann Lowe
| producer = Ida Wren
}}

Cinder Road is a 1977 thriller film directed by Ann Lowe. The sequel, directed by Tom Marsh, made back its cost in a week.
"""

BLOG = """Cinder Road (1977): the road movie nobody saw

Posted by Wade Keller | March 9, 2020 | 7 min read

Cinder Road was made on a shoestring and it shows, in the best way.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("made"), film=FILM, blog=BLOG)


@pytest.mark.parametrize("question", ["who made cinder road", "Who made Cinder Road (1977)?", "who made the film Cinder Road"])
def test_who_made_the_film_is_its_director(qa, question):
    reply = qa.ask(question)
    assert reply.answer == "Ann Lowe", reply.text
    assert reply.route.aspect == "direction"


def test_who_made_it_follows_the_film_in_focus(qa):
    conv = qa.conversation()
    conv.ask("When was Cinder Road released?")
    assert conv.ask("who made it?").answer == "Ann Lowe"
