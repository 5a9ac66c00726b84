"""Characters: ranks read before a name, villains are characters, cast lines with long names."""

from __future__ import annotations

import pytest

from filmqa import FilmQA

from answering_corpus import small_corpus

ARTICLE = """Dust Ledger

Dust Ledger is a 1996 crime film directed by Noor Falk.

==Plot==
Inspector Mara Quill of the harbour police hunts the smuggling kingpin Oskar Venn through the docks.
Quill's partner, Sergeant Teo Brandt, is shot by Venn's men. Chief Inspector Alma Rusk takes her off the case.

==Cast==
*Lena Ostrova as Insp. Mara Quill
*Pieter van Dam as Oskar Venn
*Jonah Reed as Sgt. Teo Brandt
*Mary Ellen Cobb as Alma Rusk
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    root = tmp_path_factory.mktemp("characters")
    (root / "dust.txt").write_text(ARTICLE)
    for i, other in enumerate(("Lead Harbor", "Velvet Mile")):
        (root / f"other{i}.txt").write_text(f"{other}\\n\\n{other} is a 199{i} drama film directed by Ann Lowe.\\n")
    return FilmQA.from_directory(root, cache=False)


@pytest.mark.parametrize(
    "question, accepted",
    [
        ("What is Mara Quill's rank?", {"Inspector", "Insp."}),
        ("what rank is brandt", {"Sergeant", "Sgt."}),
        ("What is Alma Rusk's rank?", {"Chief Inspector"}),
    ],
)
def test_rank_before_the_name(qa, question, accepted):
    reply = qa.ask(question)
    assert reply.answer in accepted, reply.text
    assert reply.answer in reply.citations[0].quote


def test_the_villain_is_a_character_not_an_actor(qa):
    reply = qa.ask("Who is the villain of Dust Ledger?")
    assert reply.answer is not None and "Venn" in reply.answer, reply.text


def test_who_played_gives_the_actor(qa):
    assert qa.ask("Who played Oskar Venn?").answer == "Pieter van Dam"


def test_whos_in_it_lists_the_cast(qa):
    reply = qa.ask("who's in dust ledger?")
    for actor in ("Lena Ostrova", "Pieter van Dam", "Jonah Reed", "Mary Ellen Cobb"):
        assert actor in reply.answer, reply.text
    quotes = " ".join(c.quote for c in reply.citations)
    assert all(a in quotes for a in ("Lena Ostrova", "Mary Ellen Cobb"))


def test_a_title_the_corpus_only_mentions_is_no_film_of_it(qa):
    # "Lead Harbor" is a corpus film; "Long Division" is named nowhere as one
    assert qa.ask("What was the budget of Long Division?").answer is None


def test_a_relation_the_cast_list_lacks_is_not_the_named_part(qa):
    # the cast list names Oskar Venn's actor, not his wife's
    reply = qa.ask("Who played Oskar Venn's wife?")
    assert reply.answer != "Pieter van Dam"


def test_follow_ups_keep_the_person_in_focus_two_turns_back(qa):
    conv = qa.conversation()
    assert conv.ask("Who played Mara Quill?").answer == "Lena Ostrova"
    conv.ask("Who directed Dust Ledger?")
    assert conv.ask("What is her character's rank?").answer in {"Inspector", "Insp."}


def test_places_said_of_a_character(tmp_path):
    qa = small_corpus(tmp_path, a=(
        "Iron Gate\n\nIron Gate is a 1987 crime film directed by Ann Lowe. The story follows the sardonic Boston cop Wade Pell "
        "and the Albanian smuggler Dritan Hoxha, who flees to Canada after the heist.\n\n==Cast==\n*Tom Rake as Wade Pell\n*Luc Ferro as Dritan Hoxha\n"))
    assert qa.ask("Which city is Wade Pell a cop in?").answer == "Boston"
    assert qa.ask("Where is Dritan Hoxha from?").answer == "Albanian"
    assert qa.ask("Where does Dritan Hoxha flee to?").answer == "Canada"
