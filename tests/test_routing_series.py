"""Series and conversation routing: what follows a film, "the sequel" in a follow-up, "he" after a film title."""

from __future__ import annotations

import pytest

from filmqa import FilmQA

DOCS = {
    "harbour": """Harbour Lights

Harbour Lights is a 2001 crime film directed by Mara Quist. It was produced on a budget of $12 million.
Quist had previously directed the thriller Salt Meridian (1998). The film was shot in Bergen.
""",
    "harbour2": """Harbour Lights 2

Harbour Lights 2 is a 2004 crime film directed by Mara Quist. It is the sequel to Harbour Lights (2001).
The film was made for $30 million and was shot in Tallinn. Theo Brandt was paid $2 million to return.
""",
    "gravel": """Gravel Road

Gravel Road is a 1993 western film directed by Ode Farris. It was shot near Taos.
Its success led to the direct-to-video sequel Gravel Road Returns (1997).
""",
    "quiet": """Quiet Orchard

Quiet Orchard is a 2010 drama film directed by Lin Avery. It was shot in Kent.
""",
}


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    root = tmp_path_factory.mktemp("series")
    for stem, text in DOCS.items():
        (root / f"{stem}.txt").write_text(text)
    return FilmQA.from_directory(root, cache=False)


@pytest.mark.parametrize(
    "question, title, film, quote",
    [
        # the corpus holds the sequel: its title, cited by the sentence that ties the two films
        ("does harbour lights have a follow-up?", "Harbour Lights 2", "Harbour Lights (2001)", "It is the sequel to Harbour Lights (2001)."),
        # only named in the film's own documents
        ("what came after gravel road?", "Gravel Road Returns", "Gravel Road (1993)", "the direct-to-video sequel Gravel Road Returns"),
        ("Was there a sequel to Gravel Road?", "Gravel Road Returns", "Gravel Road (1993)", "the direct-to-video sequel Gravel Road Returns"),
    ],
)
def test_the_sequel_asked_for_is_a_title_about_the_film_it_follows(qa, question, title, film, quote):
    reply = qa.ask(question)
    assert reply.route.film == film
    assert reply.answer == title
    assert quote in reply.citations[0].quote


def test_no_sequel_in_the_documents_is_an_abstention(qa):
    reply = qa.ask("is there a sequel to quiet orchard?")
    assert reply.answer is None
    assert reply.route.film == "Quiet Orchard (2010)"


def test_the_sequel_in_a_follow_up_moves_to_the_next_film_and_stays_there(qa):
    conv = qa.conversation()
    assert conv.ask("Who directed Harbour Lights?").answer == "Mara Quist"
    paid = conv.ask("what was the budget of the sequel?")
    assert paid.route.film == "Harbour Lights 2 (2004)"
    assert paid.answer == "$30 million"
    where = conv.ask("and where was the sequel shot?")  # the sequel is the film in focus now, not its sequel
    assert where.route.film == "Harbour Lights 2 (2004)"
    assert where.answer == "Tallinn"


def test_a_pronoun_after_a_film_title_is_the_person_not_the_film(qa):
    conv = qa.conversation()
    assert conv.ask("Who directed Harbour Lights 2?").answer == "Mara Quist"
    follow = conv.ask("and what did she direct before it?")
    assert follow.route.film == "Harbour Lights 2 (2004)"  # not "Harbour Lights", the title's capitalised start
    assert "Mara Quist" in follow.route.resolved_question
    assert conv.ask("and the budget?").route.film == "Harbour Lights 2 (2004)"


def test_a_subtitle_of_an_alias_names_the_film(tmp_path):
    (tmp_path / "salt.txt").write_text(
        "Salt Meridian 2\nFrom the film encyclopedia\n\n"
        "Salt Meridian 2 (also released as Salt Meridian 2: Low Water) is a 2003 drama film directed by Kofi Brand. "
        "The music was composed by Ada Lisle.\n")
    (tmp_path / "other.txt").write_text("Paper Kites\n\nPaper Kites is a 2001 drama film directed by Ann Lowe. The music was composed by Jo Fenn.\n")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    assert qa.film("Salt Meridian 2 (2003)").aliases == ["Salt Meridian 2: Low Water"]  # read from the lead under a bare title line
    reply = qa.ask("who composed the music for low water")
    assert reply.route.film == "Salt Meridian 2 (2003)"
    assert reply.answer == "Ada Lisle"


LONGER = {
    "iron": """Iron Harbor

Iron Harbor is a 1999 action film directed by Pell Amundsen, made on a budget of $40 million.
Its success led to Iron Harbor at Dawn (2003), with a new director, and later to Return to Iron Harbor.

Is Iron Harbor a Summer Movie?

Iron Harbor was released in July, and critics called it the summer movie of the year.
""",
    "notes": "Iron Harbor notes\n\nIron Harbor was shot in Gdynia. Return to Iron Harbor was never finished.\n",
}


def test_a_longer_title_around_a_corpus_title_is_another_film(tmp_path):
    for stem, text in LONGER.items():
        (tmp_path / f"{stem}.txt").write_text(text)
    qa = FilmQA.from_directory(tmp_path, cache=False)
    for question, other in [("what was the budget of iron harbor at dawn?", "Iron Harbor at Dawn"),
                            ("who directed Return to Iron Harbor", "Return to Iron Harbor")]:
        reply = qa.ask(question)
        assert reply.answer is None, question
        assert other in reply.text
    assert qa.ask("What was the budget of Iron Harbor?").answer == "$40 million"
    assert qa.ask("is iron harbor a summer movie").route.explanation == ""  # a title-case heading names no other film


def test_documents_that_say_there_is_no_sequel_answer_no(tmp_path):
    (tmp_path / "kite.txt").write_text("Paper Kites\n\nPaper Kites is a 2001 drama film directed by Ann Lowe.\n"
                                       "Lowe has said she will not return to the story, and a sequel was never made.\n")
    (tmp_path / "other.txt").write_text("Velvet Mile\n\nVelvet Mile is a 1990 drama film directed by Ann Lowe.\n")
    reply = FilmQA.from_directory(tmp_path, cache=False).ask("Is there a sequel to Paper Kites?")
    assert reply.answer == "No"
    assert "a sequel was never made" in reply.citations[0].quote


def test_a_bare_part_number_names_that_part_of_the_series(qa):
    assert qa.ask("where was part 2 shot?").route.film == "Harbour Lights 2 (2004)"
    budget = qa.ask("how much did the second film cost?")
    assert budget.route.film == "Harbour Lights 2 (2004)"
    assert budget.answer == "$30 million"


def test_who_wrote_a_work_that_is_no_film_asks_for_the_book_author(tmp_path):
    (tmp_path / "dusk.txt").write_text(
        "Dusk Runner\n\nDusk Runner is a 1996 thriller film directed by Lee Amara. The screenplay was written by Rob Kent.\n"
        "It was adapted from Marta Velde's 1991 novel Night Shift at Orly.\n")
    (tmp_path / "other.txt").write_text("Velvet Mile\n\nVelvet Mile is a 1990 drama film directed by Ann Lowe. It was written by Jo Fenn.\n")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    book = qa.ask("who wrote night shift at orly")
    assert book.route.aspect == "source"
    assert book.answer == "Marta Velde"
    assert qa.ask("who wrote dusk runner?").answer == "Rob Kent"  # a film of the corpus: its screenplay


def test_take_place_asks_where_it_is_set(qa):
    from filmqa.reader.router import route_question

    reading = route_question("where does harbour lights take place?", qa.knowledge, single_film=None, focus_film=None)
    assert reading.route.aspect == "setting"
    assert "take" not in reading.key_terms  # "take place" is said "set" in the documents


def test_a_fact_sheet_credit_answers_the_craft(tmp_path):
    (tmp_path / "kites.txt").write_text(
        "Paper Kites\n\nPaper Kites is a 2001 drama film about a kite maker.\n\n"
        "Directed by: Ann Lowe\nProduced by: Jo Fenn, Ola Berg\nMusic by: Ida Brun\nRunning time: 96 minutes\n")
    (tmp_path / "other.txt").write_text("Velvet Mile\n\nVelvet Mile is a 1990 drama film directed by Ann Lowe. The music was composed by Jo Fenn.\n")
    reply = FilmQA.from_directory(tmp_path, cache=False).ask("who did the music for paper kites?")
    assert reply.answer == "Ida Brun"
    assert reply.citations[0].quote == "Music by: Ida Brun"


def test_an_answer_found_without_a_film_is_about_the_film_whose_own_page_says_it(tmp_path):
    from filmqa.models import Citation
    from filmqa.reader import _film_of_citations

    (tmp_path / "a.txt").write_text("Lamp Street\n\nLamp Street is a 1994 thriller film directed by Ann Lowe.\n")
    (tmp_path / "b.txt").write_text("Lamp Street 2\n\nLamp Street 2 is a 1999 thriller film directed by Ann Lowe. "
                                    "Ivo Brand plays the smuggler Karel Vos.\n")
    (tmp_path / "blog.txt").write_text("Two streets, one good night\n\nI rewatched Lamp Street last week. Lamp Street is great. "
                                       "Fun fact: Ivo Brand, who plays the smuggler Karel Vos in the sequel, is a painter too.\n")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    cite = [Citation(n=i, doc_id=d, title="", quote="Ivo Brand", start=0, end=1) for i, d in enumerate(["blog.txt", "b.txt"], 1)]
    assert qa.document("blog.txt").films == ["Lamp Street (1994)"]
    # the blog (about the first film) is cited first; the sequel's own page says it too
    assert _film_of_citations(qa, cite) == "Lamp Street 2 (1999)"
    assert _film_of_citations(qa, cite[:1]) == "Lamp Street (1994)"


@pytest.mark.parametrize("question", ["what did Mara Quist make before it", "and what did she direct next?",
                                      "what else did Quist film afterwards"])
def test_what_a_person_made_before_or_after_is_a_title(question):
    from filmqa.models import AnswerType
    from filmqa.reader.router import answer_type

    assert answer_type(question) == AnswerType.TITLE


def test_any_sequels_said_short_in_a_follow_up(qa):
    conv = qa.conversation()
    assert conv.ask("Who directed Gravel Road?").route.film == "Gravel Road (1993)"
    reply = conv.ask("any sequels?")
    assert reply.answer == "Gravel Road Returns", reply.text
