"""Cast read from tables (markdown and wiki), and parts told apart between a film and its remake."""

from __future__ import annotations

import pytest

from filmqa import FilmQA

from answering_corpus import small_corpus

MARKDOWN = """# Salt Orchard (2019)

**Salt Orchard** is a 2019 Irish comedy-drama film directed by Maeve Tully. It follows two sisters who inherit a failing cider farm.

## Who is who

| Performer | Character |
| --- | --- |
| Orla Keaney | Bridget Dunne |
| Senan Molloy | Fintan Hayes |
| Ruth Adebayo | Nell Dunne, Bridget's sister |

## Release

It opened in Ireland on 3 May 2019.
"""

WIKI = """{{Infobox film
| name = Copper Heron
| director = Idris Vale
| starring = Priya Stannard, Garrett Lune
| runtime = 101 minutes
}}
'''Copper Heron''' is a 1983 British thriller film directed by Idris Vale.

==Cast==
{| class="wikitable"
! Character !! Played by
|-
| Agnes Whitlow || Priya Stannard
|-
| Doctor Emil Roth || Garrett Lune
|}
"""

ORIGINAL = """The Lantern Field

The Lantern Field is a 1961 British ghost film directed by Hal Pryor.

==Cast==
*Vivien Oake as Clara Dane
*Roland Pike as Constable Hobb
"""

REMAKE = """The Lantern Field

The Lantern Field is a 2015 American horror film directed by Jo Marr, a remake of the 1961 film.

==Cast==
*Tess Whelan as Clara Dane
*Kofi Mensah as Deputy Hobb
*Vivien Oake as Aunt Ida, the innkeeper
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    root = tmp_path_factory.mktemp("cast_records")
    (root / "salt.md").write_text(MARKDOWN)
    return small_corpus(root, copper=WIKI, lantern_1961=ORIGINAL, lantern_2015=REMAKE)


def test_a_markdown_cast_table_answers_whos_in_it(qa):
    reply = qa.ask("which actors appear in salt orchard")
    for actor in ("Orla Keaney", "Senan Molloy", "Ruth Adebayo"):
        assert actor in reply.answer, reply.text
    assert "Orla Keaney" in reply.citations[0].quote


def test_a_character_named_by_first_name_alone_finds_its_actor(qa):
    reply = qa.ask("who is playing fintan?")
    assert reply.answer == "Senan Molloy", reply.text
    assert "Fintan Hayes" in reply.citations[0].quote
    assert reply.route.film == "Salt Orchard (2019)"


def test_the_part_an_actor_has_in_a_table(qa):
    reply = qa.ask("Which role does Orla Keaney have in Salt Orchard?")
    assert reply.answer == "Bridget Dunne", reply.text


def test_a_wiki_cast_table_with_the_role_column_first(qa):
    reply = qa.ask("Who plays Agnes Whitlow?")
    assert reply.answer == "Priya Stannard", reply.text
    assert "Priya Stannard" in reply.citations[0].quote


def test_the_word_that_picks_the_remake_is_not_part_of_the_role(qa):
    reply = qa.ask("who played clara dane in the remake of the lantern field")
    assert reply.answer == "Tess Whelan", reply.text
    assert qa.ask("who played clara in the original lantern field?").answer == "Vivien Oake"


def test_the_role_holding_more_of_the_question_wins(qa):
    # "Deputy Hobb" (2015) and "Constable Hobb" (1961): the question says which
    assert qa.ask("who was deputy hobb in the later film").answer == "Kofi Mensah"


def test_a_follow_up_about_the_remake_leaves_the_original_in_focus(qa):
    conv = qa.conversation()
    first = conv.ask("who played clara dane in the 1961 lantern field?")
    assert first.answer == "Vivien Oake", first.text
    reply = conv.ask("what part does she have in the remake?")
    assert reply.route.film == "The Lantern Field (2015)"
    assert reply.answer is not None and "Aunt Ida" in reply.answer, reply.text


PASTED = """Iron Tide

From Wikipedia, the free encyclopedia
Iron Tide is a 1994 American disaster film directed by Lou Brandt. It was released on June 3, 1994.[1]

Plot[edit]
A ferry captain and a harbour pilot try to save a sinking car ferry in a storm. The pilot's sister is among the passengers.[2]

Cast[edit]
Dana Kowal as Captain Ruth Ebbing, the ferry's master
Miles Ferrant as Joel Tarrant, a harbour pilot
Ines Laurent as Marthe Tarrant, Joel's sister
Otto Brill as Sully, the ship's cook

Production[edit]
Filming took place in Halifax over nine weeks.
"""


def test_unbulleted_credits_under_a_pasted_cast_heading(tmp_path):
    qa = small_corpus(tmp_path, iron=PASTED)
    # the credits are read although the lines carry no bullets and the heading its "[edit]" link
    reply = qa.ask("who plays captain ruth ebbing?")
    assert reply.answer == "Dana Kowal", reply.text
    assert reply.citations[0].section == "Cast"
    # a credit is found by what the list says of the character, not only by its name
    reply = qa.ask("who played the ship's cook in iron tide")
    assert reply.answer == "Otto Brill", reply.text
    # a relation the list itself states names that part, not the person it is said of
    reply = qa.ask("who plays Joel's sister?")
    assert reply.answer == "Ines Laurent", reply.text
    assert "Joel's sister" in reply.citations[0].quote
    assert qa.ask("who played the harbour pilot's wife?").answer != "Miles Ferrant"


DUBBED = """{{Infobox film
| name = Lantern Moth
| director = Aiko Mori
}}
'''Lantern Moth''' is a 2004 Japanese animated fantasy film directed by Aiko Mori.

== Voice cast ==
{| class="wikitable"
! Character !! Japanese voice actor !! English voice actor
|-
| Hotaru Ibe / Moth || Sayo Kudo || Jenna Marsh
|-
| Old Tanaka (Hotaru's grandfather) || Goro Ishii || Walt Dempsey
|-
| Kappa || Jin Oda ||
|}
"""

ACCENTED = """Margot's Garden

Margot's Garden is a 2003 French comedy film directed by Luc Ferrand.

==Cast==
*Lise Moreau as Zoé Lambert
*Paul Girard as Henri Lambert, Zoé's brother
"""


def test_a_voice_cast_table_gives_each_version_its_actor(tmp_path):
    qa = small_corpus(tmp_path, moth=DUBBED, zoe=ACCENTED)
    reply = qa.ask("who voices hotaru in the english dub?")
    assert reply.answer == "Jenna Marsh", reply.text
    assert qa.ask("Who voiced Hotaru in the Japanese version of Lantern Moth?").answer == "Sayo Kudo"
    # a character the film is named after, asked without its accent, is not a part described as theirs
    reply = qa.ask("who plays zoe")
    assert reply.answer == "Lise Moreau", reply.text
    assert qa.ask("who plays zoe's brother").answer == "Paul Girard"
    # a possessive title typed without its apostrophe still names the film
    assert qa.ask("who plays henri in margots garden").route.film == "Margot's Garden (2003)"
    # a version the lists give no one for is not answered with another version's actor
    assert qa.ask("who voices kappa in the english version?").answer is None


def test_a_follow_up_fragment_asks_the_last_question_again(tmp_path):
    qa = small_corpus(tmp_path, moth=DUBBED)
    conv = qa.conversation()
    assert conv.ask("who voices hotaru in the english dub?").answer == "Jenna Marsh"
    reply = conv.ask("and in the japanese one?")
    assert reply.answer == "Sayo Kudo", reply.text
    assert "Sayo Kudo" in reply.citations[0].quote


def test_a_part_no_list_names_is_not_answered_with_the_leads(qa):
    # the infobox names the leads; nobody is credited as the harbourmaster
    assert qa.ask("who plays the harbourmaster in copper heron?").answer is None


REVIEW_ONLY = """Paper Kite review: small, sweet and windy

Paper Kite is a 2021 Welsh family film directed by Non Pryce. Gwen Parry (Elin Rhys), a shy kite-maker, enters a
contest on the cliffs at Rhossili with her grandson Tomos (Dafydd Hale). Her rival Mrs Bevan (Carys Lloyd), the
contest's champion for thirty years, is not amused. The prize money (£500) would save Gwen's shop in Swansea Market (Wales).
Huw Jenkins's turn as the postman Dai Price steals every scene, and Sian Ellis, who plays the shopgirl Megan, is lovely.
"""


def test_parts_named_in_prose_with_their_players_in_brackets(tmp_path):
    qa = small_corpus(tmp_path, kite=REVIEW_ONLY)
    reply = qa.ask("who plays gwen parry?")
    assert reply.answer == "Elin Rhys", reply.text
    assert "Gwen Parry (Elin Rhys)" in reply.citations[0].quote
    # what the sentence says of the part around the name finds it too
    assert qa.ask("who played gwen's grandson in paper kite").answer == "Dafydd Hale"
    assert qa.ask("who plays her rival?").answer == "Carys Lloyd"
    # the possessive typed without its apostrophe, the relation with a word before it
    assert qa.ask("who plays gwens young grandson").answer == "Dafydd Hale"
    # "X's turn as", "X, who plays": the part and what is said of it
    assert qa.ask("who played the postman?").answer == "Huw Jenkins"
    assert qa.ask("who plays megan in paper kite").answer == "Sian Ellis"
    # a bracketed sum or place is no player
    assert {c.actor for d in qa.documents for c in d.cast} == {"Elin Rhys", "Dafydd Hale", "Carys Lloyd", "Huw Jenkins", "Sian Ellis"}


DEEDS = """Grey Harbour

Grey Harbour is a 1979 British thriller film directed by Hal Pryor.

==Plot==
Inspector Nell Hayes hunts the smuggler Silas "Crow" Varga along the coast. Varga's lieutenant Dominic Ash is shot dead by Hayes on the quay.
When the young constable Pike gets too close, Varga guns down Pike and escapes by boat.
In the final scene, as Crow swims for the lighthouse, Hayes shoots him.

==Cast==
*Moira Kent as Insp. Nell Hayes
*Gideon Fell as Silas "Crow" Varga
*Lars Obi as Dominic Ash
"""


def test_who_did_it_to_a_character_is_read_from_the_plot(tmp_path):
    qa = small_corpus(tmp_path, harbour=DEEDS)
    reply = qa.ask("Who killed Pike?")
    assert reply.answer == "Silas Varga", reply.text
    assert "guns down Pike" in reply.citations[0].quote
    # a short form of the name, and "him" after it in the same sentence
    reply = qa.ask("who shot varga in grey harbour")
    assert reply.answer == "Nell Hayes", reply.text
    assert "Hayes shoots him" in reply.citations[0].quote
    # nobody is said to kill the inspector
    assert qa.ask("who kills nell hayes?").answer is None
    # "who shot <the film>?" asks for its camera, not a killer
    assert qa.ask("Who shot Grey Harbour?").answer != "Nell Hayes"
    # "what happens to X?": the sentence that says X was killed, not the first that names X
    reply = qa.ask("what happened to pike in grey harbour?")
    assert reply.answer is not None and "guns down Pike" in reply.answer, reply.text
    assert "shot dead by Hayes" in qa.ask("What happens to Dominic Ash?").answer
    # the player's name asks about the part: "what happens to Lars Obi's character?"
    assert "shot dead by Hayes" in qa.ask("what happens to Lars Obi's character?").answer


FIRST = "Frost Line\n\nFrost Line is a 2001 American thriller film directed by Ada Kerr.\n"
SECOND = "Frost Line 2\n\nFrost Line 2 is a 2004 American thriller film directed by Ada Kerr, the sequel to Frost Line.\n"
COMPARED = """# Frost Line vs Frost Line 2

| | Frost Line | Frost Line 2 |
|---|---|---|
| Source novel | Black Ice (Tom Vey) | none |
| Main villain | Otto Brand (Karl Jessop) | Maj. Ruth Kell (Dana Oyelaran) |
"""


def test_a_comparison_row_names_each_films_part(tmp_path):
    (tmp_path / "compare.md").write_text(COMPARED)
    qa = small_corpus(tmp_path, frost=FIRST, frost2=SECOND)
    reply = qa.ask("who plays the bad guy in frost line 2?")
    assert reply.answer == "Dana Oyelaran", reply.text
    assert "Ruth Kell (Dana Oyelaran)" in reply.citations[0].quote
    assert qa.ask("who played the main villain in frost line").answer == "Karl Jessop"
    # a work and its author in such a row are no part
    assert "Tom Vey" not in {c.actor for d in qa.documents for c in d.cast}


NAMES = """Copper Sky

Copper Sky is a 1992 American crime film directed by Joan Ames.

==Plot==
Peggy Olsen runs a diner; Inspector Crane suspects her brother.

==Cast==
*Ruth Lane as Margaret "Peggy" Olsen
*Dev Khanna as Insp. Walter Crane
"""


def test_a_part_of_a_characters_name_is_read_from_the_credit(tmp_path):
    qa = small_corpus(tmp_path, sky=NAMES)
    reply = qa.ask("What is Peggy Olsen's real first name?")
    assert reply.answer == "Margaret", reply.text
    assert 'Margaret "Peggy" Olsen' in reply.citations[0].quote
    assert qa.ask("what's Inspector Crane's first name?").answer == "Walter"
    assert qa.ask("What is Crane's full name?").answer == "Walter Crane"
