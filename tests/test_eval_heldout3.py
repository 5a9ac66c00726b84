"""The third held-out gold set (eval/heldout3_gold.jsonl over tests/data/heldout3/) is honest.

The corpus (a 1954 western, a 1974 British folk horror film and its 2009 American
remake under the same title, and a 2023 romantic comedy, all invented) and the
questions were written without reading the reader code and without running filmqa
on them, to give a blind figure. These tests keep the gold file usable and
truthful; they deliberately set no accuracy floor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_eval_heldout import turns  # the (case id, turn) walk over items and chain turns

# The second held-out set's checks, collected again here: pytest resolves their
# `gold` and `texts` fixtures in this module, so they check the third set.
from test_eval_heldout2 import (  # noqa: F401
    test_conflicts_span_different_documents,
    test_every_answer_occurs_literally_in_its_sources,
)
from test_eval_heldout2 import test_gold_loads_and_covers_what_the_task_asks as covers_task

from filmqa.corpus import build_corpus
from filmqa.evaluation.gold import load_gold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "heldout3"
GOLD = ROOT / "eval" / "heldout3_gold.jsonl"
FILMS = {("Cold Iron Pass", 1954), ("The Hollow", 1974), ("The Hollow", 2009), ("Plus One in Lisbon", 2023)}


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8").lower() for path in sorted(CORPUS.iterdir())}


def test_gold_loads_and_covers_what_the_task_asks(gold):
    covers_task(gold)  # >= 60 items, >= 3 chains, >= 10 unanswerable, >= 3 conflicts, every type
    # both same-titled films are asked about, told apart by year or 'original'/'remake'
    films = {t.film for _, t in turns(gold) if t.film}
    assert {"The Hollow (1974)", "The Hollow (2009)"} <= films


@pytest.fixture(scope="module")
def corpus():
    return build_corpus(str(CORPUS))


def test_the_corpus_builds_with_its_titles(corpus):
    assert corpus.skipped == []
    assert len(corpus.documents) == 8
    titles = {f.title for f in corpus.films}
    assert {"Cold Iron Pass", "The Hollow", "Plus One in Lisbon"} <= titles, titles


def test_the_two_films_called_the_hollow_stay_apart(corpus):
    found = {(f.title, f.year) for f in corpus.films}
    assert FILMS <= found, found
    hollows = {f.year: set(f.doc_ids) for f in corpus.films if f.title == "The Hollow"}
    assert hollows[1974] == {"the_hollow_1974.txt", "hollow_1974_review.txt"}
    assert hollows[2009] >= {"the_hollow_2009.txt"}
