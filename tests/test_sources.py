"""Questions scoped to one source ("according to the blog"), and questions about a page itself
(who wrote it, which site ran it, when it was updated), on pages written for these tests."""

from __future__ import annotations

import pytest

from filmqa import FilmQA
from filmqa.corpus.cleaning import clean
from filmqa.corpus.bylines import page_facts
from filmqa.corpus.structure import _lines, _strip_span
from filmqa.reader.scoring import masthead_terms
from filmqa.reader.sources import find_source
from filmqa.retriever.analysis import analyse

from answering_corpus import small_corpus

ENCYCLOPEDIA = """Harbour Lights

{{Infobox film
| name = Harbour Lights
| director = Mara Quist
| runtime = 97 min
}}
'''Harbour Lights''' is a 2004 Danish thriller film directed by Mara Quist. It was shot in Aarhus and Oslo.

==Production==
Quist shot the harbour scenes at night to hide the cranes. Night work on the docks Lund, Karen. Berlingske Tidende (1749-Current file) 4 March 2004: B3.

==Reception==
Critics praised the film's photography and its ending.
"""

REVIEW_SITE = """Harbour Lights Review: Verdict, Runtime, Cast
Page refreshed: see below
Last updated: March 3, 2025
Our Take: Worth It?
According to our editorial scoring, Harbour Lights counts as a SOLID PICK.
Our rating: 7.1/10
Plot Snapshot
Released in 2004, Harbour Lights is a Thriller, Mystery film directed by Mara Quist.
Audience Reviews
Cold water, colder hearts. Quist films the docks like a cathedral and lets the silences do the work. The ending lands hard. 8/10
A slow boil that never quite boils. Shot partly in Bergen, which the camera adores, but the middle hour drags badly. 5/10
FilmPulse Verified
This page has been checked by our editorial team.
"""

BLOG = """
Pernille
Harbour Lights came out the winter I moved to Copenhagen, and I have rewatched it every winter since. What strikes me now is how little the film explains, how much it trusts the faces of its actors to carry the story.
Why the Ending Works
The ending works because nothing is resolved. Quist cuts away before the confession, which leaves the audience to decide.
The middle hour is a slog. It lingers on the trawlers for twenty minutes without a line of dialogue.
Subscribe to our weekly newsletter
Fresh essays every week from the Nordic Noir Notes team, delivered to your inbox.
"""


# a festival's listing, the film's title in capitals on top (read as a masthead, it must not name the page)
PROGRAMME = """HARBOUR LIGHTS
Denmark, 2004 · 101 min · Danish with English subtitles
A night watchman on the Aarhus docks finds a body in a container, and a reason to stay silent. Mara Quist's debut is the coldest thriller of the season, and the most patient of them.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    root = tmp_path_factory.mktemp("sources")
    return small_corpus(root, harbour_lights=ENCYCLOPEDIA, harbour_lights_verdicts=REVIEW_SITE, nordic_notes=BLOG)


def test_page_facts_are_read_from_the_page_furniture_and_cite_their_line():
    facts = page_facts(REVIEW_SITE, [_strip_span(REVIEW_SITE, s, e) for s, e in _lines(REVIEW_SITE, 0, len(REVIEW_SITE))])
    by_key = {f.key: f for f in facts}
    assert by_key["updated"].value == "March 3, 2025"
    assert by_key["site"].value == "FilmPulse"
    for f in facts:  # the offsets contract: the quoted line is the cleaned span
        assert clean(REVIEW_SITE[f.start : f.end]) == f.line


def test_a_lone_name_above_the_first_paragraph_is_the_byline_but_a_repeated_title_is_not():
    lines = [_strip_span(BLOG, s, e) for s, e in _lines(BLOG, 0, len(BLOG))]
    assert [(f.key, f.value) for f in page_facts(BLOG, lines) if f.key == "author"] == [("author", "Pernille")]
    lines = [_strip_span(ENCYCLOPEDIA, s, e) for s, e in _lines(ENCYCLOPEDIA, 0, len(ENCYCLOPEDIA))]
    assert not [f for f in page_facts(ENCYCLOPEDIA, lines) if f.key == "author"]


@pytest.mark.parametrize(
    "question, expected, doc",
    [
        ("Who is the author of the Nordic Noir Notes essay?", "Pernille", "nordic_notes.txt"),
        ("Which website ran the review with the 'Our Take: Worth It?' section?", "FilmPulse", "harbour_lights_verdicts.txt"),
        ("On what date was the review site last updated?", "March 3, 2025", "harbour_lights_verdicts.txt"),
    ],
)
def test_questions_about_the_page_itself_answer_from_its_own_lines(qa, question, expected, doc):
    reply = qa.ask(question)
    assert reply.answer == expected
    assert reply.citations[0].doc_id == doc
    assert expected in reply.citations[0].quote


def test_who_wrote_a_film_is_no_question_about_a_page(qa):
    reply = qa.ask("Who wrote Harbour Lights?")
    assert reply.answer != "Pernille"


def test_a_kind_of_page_named_keeps_the_answer_to_that_page(qa):
    reply = qa.ask("According to the review site, what does Harbour Lights count as?")
    assert reply.answer and "SOLID PICK" in reply.answer
    assert {c.doc_id for c in reply.citations} == {"harbour_lights_verdicts.txt"}
    reply = qa.ask("Which genres does the review site give Harbour Lights?")
    assert reply.answer and "Thriller" in reply.answer and "Mystery" in reply.answer
    assert reply.citations[0].doc_id == "harbour_lights_verdicts.txt"


def test_a_site_named_only_in_its_furniture_scopes_the_question(qa):
    reply = qa.ask("Why does the ending work, in the Nordic Noir Notes writer's view?")
    assert reply.answer and "nothing is resolved" in reply.answer
    assert reply.citations[0].doc_id == "nordic_notes.txt"


def test_one_user_review_named_by_its_score(qa):
    # the 5/10 review says Bergen; the encyclopedia says Aarhus and Oslo
    reply = qa.ask("In the 5/10 audience review, where was it shot?")
    assert reply.answer == "Bergen"
    assert reply.citations[0].doc_id == "harbour_lights_verdicts.txt"
    reply = qa.ask("Which user review rated it 8/10?")
    assert reply.answer == "Cold water, colder hearts."
    assert any(c.quote == "8/10" for c in reply.citations)


def test_the_date_of_a_piece_the_documents_cite_is_that_of_its_reference(qa):
    # the review site's "Last updated" date is no answer: the piece asked about is one the encyclopedia cites
    reply = qa.ask("When was the Berlingske Tidende article by Karen Lund published?")
    assert reply.answer == "4 March 2004"
    assert reply.citations[0].doc_id == "harbour_lights.txt"


def test_a_reason_said_in_the_sentence_after_the_verdict(qa):
    reply = qa.ask("According to the blog, why is the middle hour such a slog?")
    assert reply.answer and "without a line of dialogue" in reply.answer
    assert {c.doc_id for c in reply.citations} == {"nordic_notes.txt"}


def test_a_film_title_in_capitals_atop_a_listing_names_no_source(tmp_path):
    # "How long is Harbour Lights?" names the film, not the listing whose first line is its title
    qa = small_corpus(tmp_path, harbour_lights=ENCYCLOPEDIA, festival=PROGRAMME)
    assert any(f.key == "site" for f in qa.document("festival.txt").page)
    film = qa.document("harbour_lights.txt").films[0]
    assert find_source(qa, "How long is Harbour Lights?", film) is None
    reply = qa.ask("What is the running time of Harbour Lights?")
    assert reply.answer and "97" in reply.answer
    assert "harbour_lights.txt" in {c.doc_id for c in reply.citations}


def test_rated_on_a_named_site_asks_for_that_sites_score(qa):
    # with a site named, "rated" asks for its score (the encyclopedia says nothing of a score)
    reply = qa.ask("What is Harbour Lights rated on FilmPulse?")
    assert reply.answer and reply.answer.startswith("7.1")
    assert reply.citations[0].doc_id == "harbour_lights_verdicts.txt"


# a review page opening on a long cookie notice: its masthead ("KOBENHAVN CUT") is not in its first passage
COOKIE_FIRST = """We use cookies so that this site works and so that we can count our readers. By reading on you agree to all of them, as you always do. We keep them for a year, we never sell them, and you can clear them whenever you like from your browser's settings page. [Fine] [Tell me more about cookies and the partners we share data with]

KOBENHAVN CUT
Home | Reviews | Lists | About

Harbour Lights: a patient, freezing thriller

Score: 4/5

We at Kobenhavn Cut have seen every Danish thriller since 1999, and few end as well as this one.

Mara Quist's thriller is the best Danish crime film of the decade. The night scenes on the docks are extraordinary, and IMDb users rate it 6.8/10.

The cast is strong throughout, the score is sparing, and the photography of the harbour at night, all sodium light and black water, is the reason to see it on the biggest screen you can find. Quist does not hurry, and she does not explain, and the film is better for both. Bring a coat: the cinema will feel colder when you leave.
"""


def test_a_site_named_in_its_masthead_gives_its_own_score(tmp_path):
    qa = small_corpus(tmp_path, harbour_lights=ENCYCLOPEDIA, kobenhavn=COOKIE_FIRST)
    question = "What score did Kobenhavn Cut give Harbour Lights?"
    # the site's name counts as said by every sentence of its page, though not in the page's first or last lines
    assert set(analyse("Kobenhavn Cut")) <= masthead_terms(qa, "kobenhavn.txt", question, analyse("Kobenhavn Cut score"))
    reply = qa.ask(question)
    assert reply.answer == "4/5"
    assert reply.citations[0].doc_id == "kobenhavn.txt"
