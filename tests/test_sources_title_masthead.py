"""A page whose masthead is the film's own title: naming the film in a question does not scope it to that page."""

from __future__ import annotations

from pathlib import Path

from filmqa import FilmQA
from filmqa.reader.sources import find_source

HELDOUT9 = Path(__file__).parent / "data" / "heldout9"


def test_naming_the_film_scopes_no_question_to_the_page_headed_by_its_title():
    """The festival listing opens "HALFWAY TO MARFA" (read as the page's name): a question naming the film asks
    both of its documents, and a question naming the festival's page still asks that page alone."""
    qa = FilmQA.from_directory(HELDOUT9, cache=False)
    film = next(f.label for f in qa.films if f.title == "Halfway to Marfa")
    assert find_source(qa, "where was halfway to marfa filmed", film) is None
    scoped = find_source(qa, "what did the Riverlight Film Festival say about halfway to marfa", film)
    assert scoped is not None and scoped.doc_ids == ["halfway_to_marfa_festival_programme.txt"]
