"""Reasons and how/why in the story: an interviewer's question is not the answer, the guest's reply is."""

from __future__ import annotations

import pytest

from filmqa import FilmQA

from answering_corpus import small_corpus

ARTICLE = """Copper Tide

Copper Tide is a 2011 drama film directed by Lise Amundsen. It follows two sisters who run a ferry in a northern fjord.
The production bought an old ferry in 2009 because no shipyard would lend one.
The first cinematographer, Per Hauge, was hired in May and let go after two weeks of shooting.
The original cinematographer, Per Hauge, was judged too slow for the winter light and was dismissed in June.
The story takes place in Hammerfest, but the crew filmed the harbour scenes in Alesund instead.
Amundsen felt that Hammerfest was too busy with tankers for a quiet ferry story.
Amundsen says the idea came from her grandmother, who ran a ferry across the fjord for forty years.
"""

INTERVIEW = """A talk with Lise Amundsen

Transcript edited for clarity. Lise Amundsen, director of Copper Tide (2011), talks to us about the film.

Q: How did you find the ferry?

A: We found it in a harbour near Bodo. It had not sailed for ten years.

Q: Why do the sisters split up in the last scene? Plenty of viewers were angry that the sisters split up at the end.

A: I wanted the ending to feel honest rather than neat. Running the ferry was the father's dream, never theirs, and
letting it go frees them both.

Q: What comes next for you?

A: A comedy, for once.
"""


REVIEW = """Copper Tide (2011) - a viewer's log

CAST: Tomas Ekdal (Arne), Sofie Lind (Kari), Mette Dahl (Ingrid) CREW: Director Lise Amundsen, Writer Lise Amundsen

I came for the fjord and stayed for Tomas Ekdal's face. Amundsen spotted him selling fish at a market in Tromso and cast
him because nobody else she met could look so tired and so kind at once.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    return small_corpus(tmp_path_factory.mktemp("plot_reasons"), copper=ARTICLE, interview=INTERVIEW, review=REVIEW)


def test_the_reply_answers_not_the_interviewers_question(qa):
    reply = qa.ask("Why do the two sisters split up at the end of Copper Tide?")
    assert reply.answer is not None and "honest rather than neat" in reply.answer, reply.text
    assert not reply.answer.startswith("A:")
    assert reply.citations[0].quote.startswith("A: I wanted the ending")
    assert all("Plenty of viewers" not in c.quote for c in reply.citations)


def test_a_reason_outside_an_interview_is_read_as_before(qa):
    reply = qa.ask("Why did the production buy an old ferry for Copper Tide?")
    assert reply.answer is not None and "no shipyard would lend one" in reply.answer, reply.text



@pytest.mark.parametrize("question", ["Where did Amundsen get the idea for Copper Tide?", "where did the idea for copper tide come from"])
def test_where_an_idea_came_from_is_an_origin_not_a_place(qa, question):
    reply = qa.ask(question)
    assert reply.route.answer_type.value == "reason"
    assert reply.answer is not None and "her grandmother" in reply.answer, reply.text
    assert "idea came from her grandmother" in reply.citations[0].quote


def test_a_reason_said_of_him_after_his_name_answers_not_a_cast_listing(qa):
    reply = qa.ask("Why did Lise Amundsen cast Tomas Ekdal?")
    assert reply.answer is not None and "so tired and so kind" in reply.answer, reply.text
    assert "cast\nhim because" in reply.citations[0].quote or "cast him because" in reply.citations[0].quote


def test_a_judgement_is_the_reason_someone_was_dismissed(qa):
    # two sentences say he went; the one that says what was judged of him answers why, up to what followed
    reply = qa.ask("Why was Per Hauge let go from Copper Tide?")
    assert reply.answer == "judged too slow for the winter light", reply.text
    assert "judged too slow" in reply.citations[0].quote


def test_what_someone_thought_too_much_is_the_reason(qa):
    reply = qa.ask("Why wasn't Copper Tide filmed in Hammerfest?")
    assert reply.answer is not None and "too busy with tankers" in reply.answer, reply.text
