"""A document that sets several films side by side: filed under each, each passage under the film it is about."""

from __future__ import annotations

import pytest

from filmqa import FilmQA

DOCS = {
    "copper": "Copper Tide\n\nCopper Tide is a 1994 thriller film directed by Ines Varga. The film runs 101 minutes.\n",
    "copper2": "Copper Tide 2\n\nCopper Tide 2 is a 1997 thriller film directed by Ruth Okoye. It runs 96 minutes. It was made on a budget of $12 million.\n",
    "fans": """# The Copper Tide fan corner

Both films, compared.

## Side by side

| | Copper Tide | Copper Tide 2 |
|---|---|---|
| Running time | 104 min | 96 min |
| Shot in | Gdansk | Valparaiso |
| Budget | $9 million | $14 million |

## Our votes

| Film | Votes |
|---|---|
| Copper Tide | 812 |
| Copper Tide 2 | 455 |

## Trivia

The harbour crane in Copper Tide 2 was built for the film by a shipyard in Chile.
""",
}


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    root = tmp_path_factory.mktemp("multi")
    (root / "fans.md").write_text(DOCS["fans"])
    for stem in ("copper", "copper2"):
        (root / f"{stem}.txt").write_text(DOCS[stem])
    return FilmQA.from_directory(root, cache=False)


def test_a_comparison_table_files_the_document_under_each_film(qa):
    assert set(qa.document("fans.md").films) == {"Copper Tide (1994)", "Copper Tide 2 (1997)"}


def test_each_passage_is_about_the_film_its_row_or_text_names(qa):
    films_of = {p.text: p.films for p in qa.passages if p.doc_id == "fans.md"}
    assert films_of["Copper Tide 2 | 455"] == ["Copper Tide 2 (1997)"]
    assert films_of["Copper Tide | 812"] == ["Copper Tide (1994)"]
    trivia = next(films for text, films in films_of.items() if text.startswith("The harbour crane"))
    assert trivia == ["Copper Tide 2 (1997)"]
    assert set(films_of["Running time | 104 min | 96 min"]) == {"Copper Tide (1994)", "Copper Tide 2 (1997)"}
    searched = qa.search_terms(["crane", "shipyard"], k=5, films=["Copper Tide (1994)"])
    assert all(not p.text.startswith("The harbour crane") for p in searched)


def test_a_comparison_row_gives_each_film_its_own_column(qa):
    first = qa.ask("How long is Copper Tide?")
    assert first.route.film == "Copper Tide (1994)"
    assert "96" not in first.answer  # the sequel's cell
    assert {c.value for c in first.conflicts[0].values} == {"101 minutes", "104 minutes"}
    assert any(c.doc_id == "fans.md" and "104 min" in c.quote for c in first.citations)
    second = qa.ask("How long is Copper Tide 2?")
    assert second.answer == "96 minutes"


def test_the_films_own_column_stands_beside_its_other_sources(qa):
    """A comparison table's column is no record that settles the question: the film's own page may disagree."""
    budget = qa.ask("What was the budget of Copper Tide 2?")
    assert budget.route.film == "Copper Tide 2 (1997)"
    assert {c.value for c in budget.conflicts[0].values} == {"$12 million", "$14 million"}  # never the first film's $9 million


PROGRAMME = """RIVERSIDE SCREENINGS 2025
Programme and tickets

Three films about the sea this year.

==========================================

SALT AND IRON (Sel et Fer)
France 1999 · 104 min · French with English subtitles [ST] · Cert 12A
Director: Odile Marchal · Studio: Gris Films
Sat 4 October, 18:00 (subtitled) · Sun 5 October, 15:00

A trawler crew fights a winter storm off Brittany.

------------------------------------------

GLASS HARBOUR
UK 2004 · 97 min · English with subtitles for the hard of hearing [ST] · Cert 15
Director: Bram Keller · Cast: Ada Moor, Ivo Lent
Sun 5 October, 20:30 · followed by a talk with the director

A lighthouse keeper's daughter returns to the island after twenty years.
"""


def test_a_programme_with_a_section_for_each_film_is_filed_under_each(tmp_path):
    (tmp_path / "programme.txt").write_text(PROGRAMME)
    (tmp_path / "salt.txt").write_text("Salt and Iron\n\nSalt and Iron is a 1999 French drama film directed by Odile Marchal.\n")
    (tmp_path / "glass.txt").write_text("Glass Harbour\n\nGlass Harbour is a 2004 British drama film directed by Bram Keller.\n")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    assert set(qa.document("programme.txt").films) == {"Salt and Iron (1999)", "Glass Harbour (2004)"}
    sections = {p.section: p.films for p in qa.passages if p.doc_id == "programme.txt"}
    assert sections["SALT AND IRON (Sel et Fer)"] == ["Salt and Iron (1999)"]
    assert sections["GLASS HARBOUR"] == ["Glass Harbour (2004)"]
    reply = qa.ask("what is glass harbour rated?")
    assert reply.route.film == "Glass Harbour (2004)"
    assert "12A" not in (reply.answer or "")
