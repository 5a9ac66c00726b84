"""Yes or no to comparing two films' takings, from a sentence that compares them."""

from __future__ import annotations

import pytest

from answering_corpus import small_corpus

FIRST = """Stone Harbour

Stone Harbour is a 2001 crime film directed by Ivo Marsh. It grossed $60 million.
"""
SECOND = """Stone Harbour II

Stone Harbour II is a 2004 crime film directed by Ivo Marsh. Reviews were mixed, but it took $95 million, comfortably beating its predecessor.
It opened in May and was soon dwarfed by the summer hit Glass Orchard, but it stayed well ahead of Night Porter.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("compare"), first=FIRST, second=SECOND)


@pytest.mark.parametrize(
    "question, verdict",
    [
        ("Did Stone Harbour II make more money than the original?", "Yes"),
        ("did stone harbour ii outgross glass orchard", "No"),
        ("Did Stone Harbour II earn less than Glass Orchard?", "Yes"),
        ("Did Stone Harbour II outsell Night Porter?", "Yes"),
    ],
)
def test_a_comparing_sentence_answers(qa, question, verdict):
    reply = qa.ask(question)
    assert reply.answer == verdict, reply.text
    assert reply.route.explanation == "a sentence comparing the two films"


CEDAR = """Cedar Run

Cedar Run is a 1999 drama film. Its box office success led the studio to order a sequel without its director.
Cedar Run was nominated for a Golden Globe Award but lost.
"""
BRAMBLE = """Bramble House

Bramble House is a 2002 horror film. At the box office it lost about $6 million for its backers, without a profit in any market.
"""


@pytest.mark.parametrize("question, verdict", [("Did Cedar Run make money?", "Yes"), ("Did Bramble House make a profit?", "No")])
def test_money_made_is_judged_by_the_verdict_word(tmp_path, question, verdict):
    qa = small_corpus(tmp_path, cedar=CEDAR, bramble=BRAMBLE)
    reply = qa.ask(question)
    assert reply.answer == verdict, reply.text
