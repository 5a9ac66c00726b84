"""Film titles in questions: numbers either way, a missing "The", sequels the corpus lacks."""

from __future__ import annotations

import pytest

from filmqa import FilmQA

DOC = """{title}

{title} is a {year} drama film directed by {director}. The music was composed by {composer}.
{title} was released on {date}. The film runs {runtime} minutes.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    root = tmp_path_factory.mktemp("titles")
    films = [
        ("The Lantern Field", 1984, "Odile Sarr", "Piet Vanek", "May 2, 1984", 101),
        ("The Lantern Field II", 1988, "Bram Oduya", "Lise Harrow", "June 9, 1988", 96),
        ("Ferro Seven", 2003, "Cato Wendt", "Ines Rook", "March 3, 2003", 118),
    ]
    for i, (title, year, director, composer, date, runtime) in enumerate(films):
        (root / f"film{i}.txt").write_text(DOC.format(title=title, year=year, director=director, composer=composer, date=date, runtime=runtime))
    return FilmQA.from_directory(root, cache=False)


@pytest.mark.parametrize(
    "question, expected, film",
    [
        ("who directed lantern field 2", "Bram Oduya", "The Lantern Field II (1988)"),
        ("Who directed The Lantern Field Part Two?", "Bram Oduya", "The Lantern Field II (1988)"),
        ("Who directed Lantern Field?", "Odile Sarr", "The Lantern Field (1984)"),
        ("Who composed the music for the sequel to The Lantern Field?", "Lise Harrow", "The Lantern Field II (1988)"),
    ],
)
def test_titles_are_found_however_written(qa, question, expected, film):
    reply = qa.ask(question)
    assert reply.route.film == film
    assert reply.answer == expected, reply.text


@pytest.mark.parametrize(
    "question",
    ["Who directed The Lantern Field III?", "who directed lantern field 3", "Who directed Ferro Eight?",
     "When was Return to Ferro Seven released?", "Who composed the music for the Ferro Seven sequel?",
     "Who composed the music for Lantern Field of the North?"],
)
def test_films_the_corpus_lacks_are_abstained(qa, question):
    reply = qa.ask(question)
    assert reply.answer is None, reply.text


def test_first_film_of_the_series_in_focus(qa):
    conv = qa.conversation()
    assert conv.ask("Who directed The Lantern Field II?").answer == "Bram Oduya"
    assert conv.ask("And who directed the first film?").answer == "Odile Sarr"
