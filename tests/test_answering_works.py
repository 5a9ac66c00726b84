"""Works asked for by title: a film's source, a person's other films, a title written beside the question's words."""

from __future__ import annotations

import pytest

from answering_corpus import small_corpus

HARBOUR = """Harbour Lights

'''''Harbour Lights''''' is a 2015 British drama film directed by [[Tamsin Greer]]. It is adapted from the 1987 novel ''The Salt Road'' by Hugh Brannock. The score was written by Olek Janowski.

== Production ==
Greer had made her name with the comedy ''Paper Boats'' (2011). She later directed the thriller ''Night Ferry'' (2019). Her first feature was Low Water: The Reckoning (2008).
Janowski had earlier scored the documentary series ''Tidewater'' and the short ''Gulls''.

== Cast ==
* Mara Quill as Edie Voss
* Joel Penhale as Tom Voss

== Reception ==
Quill, best known as the nurse in the 2008 sitcom Ward Nine, plays Edie with great warmth. Critics liked the film.
At home it earned $12 million, on par with Gull Point but well below Iron Tide.

== Home media ==
{| class="wikitable"
! Format !! Year !! Country !! Notes
|-
| DVD || 2017 || United Kingdom || Box Set Moon Over Corran/Harbour Lights
|}
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("works"), harbour=HARBOUR)


@pytest.mark.parametrize(
    "question, title",
    [
        ("Which novel was Harbour Lights adapted from?", "The Salt Road"),
        ("What did Tamsin Greer direct after Harbour Lights?", "Night Ferry"),
        ("Where else has Mara Quill appeared?", "Ward Nine"),
        ("Which film shared the 2017 DVD box set with Harbour Lights?", "Moon Over Corran"),
        ("Which film did the earnings of Harbour Lights match?", "Gull Point"),
    ],
)
def test_a_title_is_answered_and_quoted(qa, question, title):
    reply = qa.ask(question)
    assert reply.answer is not None and title in reply.answer, reply.text
    assert any(title in c.quote for c in reply.citations), reply.text
    assert reply.answer != "Harbour Lights"


def test_other_works_of_the_person_in_focus_are_listed(qa):
    conv = qa.conversation()
    assert conv.ask("Who wrote the score for Harbour Lights?").answer == "Olek Janowski"
    reply = conv.ask("What else has he scored?")
    assert reply.answer is not None and "Tidewater" in reply.answer and "Gulls" in reply.answer, reply.text
    assert "Harbour Lights" not in reply.answer
    reply = qa.ask("What other films has Tamsin Greer made?")
    assert reply.answer is not None and "Paper Boats" in reply.answer and "Night Ferry" in reply.answer, reply.text
    assert "Low Water: The Reckoning" in reply.answer and "The Reckoning and" not in reply.answer  # a subtitle is no title


def test_a_part_played_is_no_title(qa):
    """"Where else did she play?" asks for a work: the cast list's character is not the answer."""
    reply = qa.ask("Where did Mara Quill play a nurse before?")
    assert reply.answer is not None and "Ward Nine" in reply.answer, reply.text
    assert "Edie" not in reply.answer


@pytest.mark.parametrize(
    "question, kind",
    [
        ("What short story is the film based on?", "title"),
        ("What is the theme a reworked copy of?", "title"),
        ("Which earlier Greer film did the critics prefer?", "title"),
        ("Where have I seen the lead actress before?", "title"),
        ("Which actors from the first film returned for the sequel?", "list"),
        ("Where else was it filmed?", "place"),
    ],
)
def test_works_are_asked_for_as_titles(question, kind):
    from filmqa.reader.router import answer_type

    assert answer_type(question).value == kind


LANTERN = """Lantern Bay

Lantern Bay is a 2003 Norwegian animated fantasy film written and directed by Siri Holm.
Director: Siri Holm · Studio: Studio Fjell
The music is by Arve Lund.
"""


def test_no_other_work_named_is_abstained_on(tmp_path):
    """Nothing names another film of the director: no capitalised words near her name pass for one, and the
    lead sentence's "a 2003 Norwegian ... film" is a description, not a title."""
    qa = small_corpus(tmp_path, lantern=LANTERN)
    conv = qa.conversation()
    assert conv.ask("Who directed Lantern Bay?").answer == "Siri Holm"
    for question in ("What else did she direct?", "What other films has Siri Holm made?"):
        reply = conv.ask(question)
        assert reply.answer is None, reply.text
        assert "Siri Holm" in reply.text
