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


QUARRY_OLD = """The Quarry (1980 film)

The Quarry is a 1980 British thriller film directed by Nell Ashby. It was shot in Cornwall.
"""
QUARRY_NEW = """The Quarry (2012 film)

The Quarry is a 2012 American thriller film directed by Reuben Sallis. A remake of Nell Ashby's 1980 film, it moves the story to Maine.
"""
KILL_SWITCH = """Kill Switch

Kill Switch is a 2005 action film directed by Dara Penn. Kill Switch won no major prizes, though it was nominated for a Grierson Award.
"""
LANTERN = """Paper Lantern

Paper Lantern is a 1999 animated short film. At the Academy Awards ceremony its director thanked the Oscar voters in verse.
Paper Lantern won the Academy Award for Best Animated Short Film and was nominated for two BAFTA Awards.
"""
COPPER = """Copper Sky

Copper Sky is a 2016 documentary film. It won the Grierson Award for Best Documentary and was nominated for two Academy Awards.
"""


FILLER_FILM = "{0}\n\n{0} is a {1} crime film. It runs 88 minutes and was shot in Leeds.\n"


@pytest.fixture(scope="module")
def yesno_qa(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("award_yesno"), quarry_old=QUARRY_OLD, quarry_new=QUARRY_NEW,
                        kill_switch=KILL_SWITCH, lantern=LANTERN, copper=COPPER,
                        # films that win nothing, so that the words of winning keep their weight in BM25
                        plain1=FILLER_FILM.format("Dry Creek", 1971), plain2=FILLER_FILM.format("Hollis Yard", 1983),
                        plain3=FILLER_FILM.format("Blue Ledger", 1994))


@pytest.mark.parametrize(
    "question, verdict, quoted",
    [
        ("is the 2012 quarry a remake?", "Yes", "A remake of"),
        ("did kill switch win any awards?", "No", "won no major prizes"),
        ("did paper lantern win an oscar", "Yes", "won the Academy Award"),
        ("did copper sky win any oscars", "No", "nominated for two Academy Awards"),
    ],
)
def test_yes_or_no_about_what_a_film_is_or_won(yesno_qa, question, verdict, quoted):
    reply = yesno_qa.ask(question)
    assert reply.answer is not None and reply.answer.startswith(verdict), reply.text
    assert quoted in reply.citations[0].quote
    assert reply.route.aspect is None  # "kill" in "Kill Switch" names the film, it asks nothing of the plot
