"""Plot and character questions: the part a question points back to, where a character works, who gave a grade."""

from __future__ import annotations

import pytest

from filmqa import FilmQA

from answering_corpus import small_corpus

ARTICLE = """Harbour Lights

Harbour Lights is a 1994 crime film directed by Ines Varga.

==Plot==
Rotterdam inspector Pim Olsen tracks the forger Saul Berka to Lisbon. The Portuguese smuggler Saul Berka hides in a
fishing village near Porto. Olsen is helped by his old colleague Jan Visser, his sister Eva Marin and the informant Luis
Prado. Olsen and Berka meet at last in a lighthouse, where Olsen arrests him.

==Casting==
Varga cast Kees Andersen, a retired ship's pilot who had never acted, after meeting him in a harbour bar. Rui Matos
drove a taxi in Porto for ten years before turning to acting. Both men appear in every scene of the second half.

==Reception==
Moviegoers polled by Screenpoll gave the film an average grade of "A-" on an A+ to F scale.

==Cast==
*Kees Andersen as Insp. Pim Olsen
*Rui Matos as Saul Berka
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    return small_corpus(tmp_path_factory.mktemp("plot_characters"), harbour=ARTICLE)


def test_his_character_is_the_part_the_actor_plays(qa):
    conv = qa.conversation()
    assert conv.ask("Who played Pim Olsen?").answer == "Kees Andersen"
    reply = conv.ask("In which city is his character based?")
    assert reply.answer == "Rotterdam", reply.text
    assert "Rotterdam inspector Pim Olsen" in reply.citations[0].quote


def test_an_actors_character_is_asked_about_not_named(qa):
    reply = qa.ask("Which city does Kees Andersen's character work in?")
    assert reply.answer == "Rotterdam", reply.text


def test_the_character_points_back_to_the_part_in_focus(qa):
    conv = qa.conversation()
    conv.ask("Who played Saul Berka?")
    reply = conv.ask("Where does the character come from?")
    assert reply.answer == "Portuguese", reply.text
    assert "Portuguese smuggler Saul Berka" in reply.citations[0].quote


def test_asking_the_part_itself_still_names_it(qa):
    conv = qa.conversation()
    conv.ask("Who played Pim Olsen?")
    reply = conv.ask("What is his character's name?")
    assert reply.answer is not None and "Olsen" in reply.answer, reply.text


def test_which_firm_gave_a_grade_asks_the_firm(qa):
    reply = qa.ask("Which research company gave Harbour Lights an A- grade?")
    assert reply.answer == "Screenpoll", reply.text
    assert "Screenpoll" in reply.citations[0].quote
    assert qa.ask("What grade did moviegoers give Harbour Lights?").answer == "A-"


def test_a_relation_is_the_name_the_noun_is_said_of(qa):
    # "his old colleague Jan Visser, his sister Eva Marin": the sister is the name after "sister", not the first name
    reply = qa.ask("Who is Olsen's sister?")
    assert reply.answer == "Eva Marin", reply.text
    assert "his sister Eva Marin" in reply.citations[0].quote
    assert qa.ask("Who is Olsen's colleague?").answer == "Jan Visser"


@pytest.mark.parametrize("question, said", [
    ("What did Rui Matos do before he became an actor?", "drove a taxi"),
    ("what did kees andersen do before acting", "retired ship's pilot"),
])
def test_a_former_job_is_read_from_the_sentence_that_says_it(qa, question, said):
    reply = qa.ask(question)
    assert reply.answer is not None and said in reply.answer, reply.text


def test_a_former_job_asked_of_him_after_a_part_is_the_actors(qa):
    conv = qa.conversation()
    assert conv.ask("Who plays Saul Berka?").answer == "Rui Matos"
    reply = conv.ask("what did he do before acting?")
    assert reply.answer is not None and "drove a taxi" in reply.answer, reply.text
