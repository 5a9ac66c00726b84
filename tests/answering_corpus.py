"""A few-document corpus for the answering tests, written to a temporary folder."""

from __future__ import annotations

from pathlib import Path

from filmqa import FilmQA

# another film, so that words common to the film under test keep some weight in BM25
FILLER = "Velvet Mile\n\nVelvet Mile is a 1990 drama film directed by Ann Lowe. It runs 95 minutes.\n"


def small_corpus(root: Path, **documents: str) -> FilmQA:
    """FilmQA over ``documents`` (file stem -> text) plus a filler film, uncached."""
    for stem, text in documents.items():
        (root / f"{stem}.txt").write_text(text)
    (root / "filler.txt").write_text(FILLER)
    return FilmQA.from_directory(root, cache=False)
