"""What a film won, or was nominated for: listed from every document, an accolades table's won rows and prose."""

from __future__ import annotations

import pytest

from answering_corpus import small_corpus

MARSH = """Marsh Radio

Marsh Radio is a 2019 Irish comedy film directed by Fionn Daly.

== Reception ==
The film premiered at the Galway Film Fleadh, where it took home the Best Irish Feature prize and the Audience Award. At the 2020 BAFTA Awards it received a BAFTA nomination for Outstanding Debut, and it later collected the Golden Harp for Best Comedy.
"""

MARSH_AWARDS = """Marsh Radio awards

Marsh Radio (2019) collected honours on the festival circuit.

## Accolades

| Festival | Category | Nominee | Result |
|---|---|---|---|
| Cork Film Festival | Best Ensemble | Marsh Radio | Won |
| Dublin Critics Circle | Best Actor | Aidan Roe | Nominated |
| Dublin Critics Circle | Best Screenplay | Fionn Daly | Won |
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("awards"), marsh=MARSH, marsh_awards=MARSH_AWARDS)


def test_every_award_won_is_listed_from_prose_and_table(qa):
    reply = qa.ask("Which prizes has Marsh Radio won?")
    for award in ("Audience Award", "Golden Harp for Best Comedy", "Best Ensemble", "Best Screenplay"):
        assert award in reply.answer, reply.text
    assert "Best Actor" not in reply.answer and "Outstanding Debut" not in reply.answer, reply.text  # nominations only
    assert any("Golden Harp" in c.quote for c in reply.citations) and any("Best Ensemble" in c.quote for c in reply.citations)


def test_a_festival_named_in_the_question_keeps_its_awards(qa):
    reply = qa.ask("what did marsh radio win at the galway fleadh")
    assert "Audience Award" in reply.answer and "Golden Harp" not in reply.answer, reply.text


def test_nominations_are_asked_apart(qa):
    reply = qa.ask("What was Marsh Radio nominated for?")
    assert "Best Actor" in reply.answer and "Golden Harp" not in reply.answer, reply.text
