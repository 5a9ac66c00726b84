"""Names joined by small lower-case words, who-did-what in a plot, filming places."""

from __future__ import annotations

import pytest

from answering_corpus import small_corpus

ARTICLE = """Salt Meridian

Salt Meridian is a 2011 thriller film directed by Ines Varga.

==Plot==
Detective Rhea Calloway hunts the forger Tomas Elder across the coast.
Calloway's partner, Officer Ben Ruddick, is killed by Elder in a warehouse.
In the final scene, Calloway shoots Elder dead on the pier.

==Production==
The film was shot in Portugal, with most scenes filmed in Lisbon. The studio was in Madrid.

==Release==
Salt Meridian premiered at South by Southwest on March 12, 2011, before it was shown in Berlin by Hill.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("plot_places"), salt=ARTICLE)


def test_a_place_name_keeps_its_joining_word(qa):
    reply = qa.ask("Where did Salt Meridian premiere?")
    assert reply.answer == "South by Southwest", reply.text
    assert reply.answer in reply.citations[0].quote


def test_a_joined_person_is_not_part_of_the_place():
    from filmqa.reader.extract import find_places

    class KB:
        persons = {"Walter Hill": 3}
        lower_words = set()

    places = [p for p, _, _ in find_places("It was shown in Berlin by Hill, then at South by Southwest.", KB())]
    assert places == ["Berlin", "South by Southwest"]


@pytest.mark.parametrize(
    "question, doer",
    [
        ("Who killed Calloway's partner?", "Elder"),  # "is killed by Elder": the agent after "by"
        ("Who shoots Elder?", "Calloway"),  # "Calloway shoots Elder dead": the name before the verb
    ],
)
def test_who_did_it_takes_the_doer_not_the_sufferer(qa, question, doer):
    reply = qa.ask(question)
    assert reply.answer is not None and doer in reply.answer, reply.text


def test_deed_role_reads_active_passive_and_relative_clauses():
    from filmqa.reader.candidates import asked_deed, deed_role

    deed = asked_deed("Who killed the courier?")
    assert deed == asked_deed("who kills the courier") and asked_deed("Who played the courier?") is None
    s = "Mara Venn (Ada Holt), who later kills the courier, flees; the courier was killed by Venn's men."
    assert deed_role(s, 0, "Mara Venn", deed) > 0
    s2 = "The courier Ansel is killed by Brook."
    assert deed_role(s2, s2.index("Brook"), "Brook", deed) > 0 > deed_role(s2, s2.index("Ansel"), "Ansel", deed)
    s3 = "A Georgian smuggler who killed the courier fled."
    assert deed_role(s3, 2, "Georgian", deed) == 0


ENCYCLOPEDIA = """Glass Harbour

Glass Harbour is a 2003 drama film directed by Noor Falk.

==Production==
It was the first film allowed to shoot in Tallinn's old town, but most of the scenes set in Estonia (with the exception of the final shot in Tallinn) were actually filmed in Latvia.
"""
MAGAZINE = """Glass Harbour: the making of

Most of the Estonian scenes of Glass Harbour were shot in Finland, but the closing credits were filmed in Tallinn.
"""


def test_main_filming_places_of_two_documents_disagree(tmp_path):
    qa = small_corpus(tmp_path, glass=ENCYCLOPEDIA, making=MAGAZINE)
    reply = qa.ask("Where were the Estonian scenes of Glass Harbour filmed?")
    assert reply.conflicts, reply.text
    values = {v.value for v in reply.conflicts[0].values}
    assert values == {"Latvia", "Finland"}, reply.text


def test_main_location_reads_the_clause_not_an_aside():
    from filmqa.reader.candidates import main_location

    s = "Most scenes were shot in Latvia (except the finale in Tallinn), but the credits were filmed in Riga."
    assert main_location(s, s.index("Latvia"))
    assert not main_location(s, s.index("Tallinn")) and not main_location(s, s.index("Riga"))
    s2 = "Most of the Riga scenes were shot in Finland."
    assert not main_location(s2, s2.index("Riga")) and main_location(s2, s2.index("Finland"))


MEMOIR = """Iron Lantern

Iron Lantern is a 1992 action film directed by Tove Marsh, starring Pavel Orlov as Sergeant Dima Kress.

==Cast==
*Pavel Orlov as Sgt. Dima Kress
*Ruth Lamb as Nora Hale

==Production==
Marsh didn't think Orlov suited comic roles, so she let his stern accent carry the part.
Orlov recalled the shoot: "I learned some Polish, and it was a role for which my own accent was a plus."
The film was a modest hit in cinemas and on home video.
Orlov later wrote that the film "was not the hit I had hoped for".

==Plot==
Kress arrives in Gdansk. He tells Hale: "Your harbour is beautiful, but your police is slow."
"""


@pytest.mark.parametrize(
    "question, said",
    [
        ("What did Orlov say about his accent in the role?", "my own accent was a plus"),
        ("What did Orlov later write about the film's success?", "not the hit I had hoped for"),
    ],
)
def test_what_someone_said_is_their_own_words(tmp_path_factory, question, said):
    qa = small_corpus(tmp_path_factory.mktemp("said"), lantern=MEMOIR)
    reply = qa.ask(question)
    assert reply.answer is not None and said in reply.answer, reply.text
    assert said in reply.citations[0].quote


@pytest.mark.parametrize(
    "question, atype",
    [
        ("What is the name of Kress's dog?", "person"),
        ("what was his partner's name", "person"),
        ("What is the name of the henchman with the wooden leg?", "person"),  # "name ... the" is no list request
        ("Name all the writers of Iron Lantern", "list"),
    ],
)
def test_a_name_asked_for_is_a_name_not_a_sentence(tmp_path_factory, question, atype):
    qa = small_corpus(tmp_path_factory.mktemp("names"), lantern=MEMOIR)
    assert qa.ask(question).route.answer_type.value == atype
    assert qa.ask("What is the name of the film's sequel?").route.answer_type.value != "person"


def test_a_pet_the_documents_never_name_is_not_answered(tmp_path):
    qa = small_corpus(tmp_path, lantern=MEMOIR + "\nKress keeps a dog in his flat, and the dog hates Hale.\n")
    assert qa.ask("What is the name of Kress's dog?").answer is None


def test_a_pet_named_in_the_documents_is_answered(tmp_path):
    qa = small_corpus(tmp_path, lantern=MEMOIR + "\nKress keeps a dog named Bruno in his flat, and the dog hates Hale.\n")
    assert qa.ask("What is the name of Kress's dog?").answer == "Bruno"


def test_polarity_reads_bombs_and_double_negations():
    from filmqa.reader.yesno import polarity

    assert polarity("The sequel was a box-office bomb.", "Did it make money?") is False
    assert polarity("The sequel was not a flop.", "was it a flop") is False
    assert polarity("The sequel was a box-office bomb.", "was it a flop") is True


def test_a_yes_no_on_money_is_read_from_a_verdict_not_a_bare_field(tmp_path):
    doc = """Copper Road

{{Infobox film
| name = Copper Road
| gross = $12 million
}}
Copper Road is a 2005 western directed by Ann Lowe.

==Release==
Copper Road was poorly reviewed and was a box-office bomb against a budget of $40 million.
"""
    qa = small_corpus(tmp_path, copper=doc)
    reply = qa.ask("Was Copper Road a hit?")
    assert reply.answer == "No", reply.text
    assert "bomb" in reply.citations[0].quote


def test_a_title_released_as_keeps_its_lower_case_words():
    from filmqa.reader.extract import find_titles

    class KB:
        persons = {}
        lower_words = set()

    s = "In Italy the film was released as Il ladro di mele. It did well."
    assert ("Il ladro di mele", "il ladro di mele", s.index("Il ladro")) in list(find_titles(s, KB()))


def test_a_language_adjective_finds_its_country(tmp_path):
    doc = MEMOIR + "\nIn Germany the film was released as Die eiserne Laterne.\n"
    qa = small_corpus(tmp_path, lantern=doc)
    reply = qa.ask("What was the German title of Iron Lantern?")
    assert reply.answer == "Die eiserne Laterne", reply.text


def test_a_date_is_no_title():
    from filmqa.reader.extract import find_titles

    class KB:
        persons = {}
        lower_words = set()

    assert all(not t.startswith("December") for t, _, _ in find_titles("France | $4.1 million | December 3, 1997", KB()))


def test_the_year_a_story_is_set_in_is_read_from_its_plot(tmp_path):
    doc = """Frost Relay

Frost Relay is a 2016 science fiction film directed by Ann Lowe.

==Production==
Filming began on May 2, 2015, on a set built in a hangar.

==Plot==
In 2187, the relay station Frost Nine sends ice to the colonies.
"""
    qa = small_corpus(tmp_path, frost=doc)
    reply = qa.ask("what year is frost relay set in")
    assert reply.answer == "2187", reply.text


def test_a_plot_opening_on_a_season_of_its_year(tmp_path):
    doc = """Salt Ferry

Salt Ferry is a 1961 western film directed by Ann Lowe. It was made in 1960 on a studio set in Burbank.

==Plot==
During the late summer of 1868, a ferryman on the Platte River hides a wounded deserter from the cavalry.
"""
    qa = small_corpus(tmp_path, ferry=doc)
    reply = qa.ask("When is Salt Ferry set?")
    assert reply.answer == "1868", reply.text


def test_a_festival_section_is_not_where_it_premiered(tmp_path):
    qa = small_corpus(tmp_path, ferry=(
        "Salt Ferry\n\nSalt Ferry is a 2019 drama film directed by Ann Lowe. It premiered in the Horizons strand of the "
        "Venice Film Festival in September 2019, and opened in Italy a month later.\n"))
    reply = qa.ask("Where did Salt Ferry premiere?")
    assert reply.answer == "Venice Film Festival", reply.text
