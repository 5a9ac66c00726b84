"""The held-out gold set (eval/heldout_gold.jsonl over tests/data/heldout/) is honest.

The corpus and the questions were written without looking at how filmqa answers,
to check that it generalises. These tests keep the gold file usable and truthful;
they deliberately set no accuracy floor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from filmqa.corpus import build_corpus
from filmqa.evaluation.gold import GoldChain, load_gold, split_variants
from filmqa.models import AnswerType

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "heldout"
GOLD = ROOT / "eval" / "heldout_gold.jsonl"
TITLES = {"The Orchard Thieves", "The Orchard Thieves: Part II", "Kestrel Nine"}


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    """Every corpus file's raw text, lower case, by file name."""
    return {p.name: p.read_text(encoding="utf-8").lower() for p in sorted(CORPUS.iterdir())}


def turns(gold):
    for entry in gold.items:
        if isinstance(entry, GoldChain):
            for number, turn in enumerate(entry.turns, start=1):
                yield f"{entry.id}#{number}", turn
        else:
            yield entry.id, entry


def test_gold_loads_and_covers_what_the_issue_asks(gold):
    all_turns = [t for _, t in turns(gold)]
    chains = [e for e in gold.items if isinstance(e, GoldChain)]
    assert len(gold.items) - len(chains) >= 80
    assert len(chains) >= 4 and all(len(c.turns) >= 2 for c in chains)
    assert sum(not t.answerable for t in all_turns) >= 15
    assert sum(t.conflict for t in all_turns) >= 4
    # every answer type the product names is asked at least once
    assert {t.type for t in all_turns if t.answerable} == set(AnswerType)


def test_every_answer_occurs_literally_in_its_sources(gold, texts):
    """Each gold value (some spelling of it) is written in one of the question's
    sources, so the gold says what the documents say. Yes/no answers are judged
    by polarity, not text, and are left out."""
    missing = []
    for case_id, turn in turns(gold):
        if not turn.answerable:
            assert not turn.sources, case_id
            continue
        assert turn.sources, case_id
        for source in turn.sources:
            assert source in texts, f"{case_id}: unknown source {source}"
        if turn.type is AnswerType.YESNO:
            assert turn.answers in (["yes"], ["no"]), case_id
            continue
        for value in turn.answers:
            spellings = [s.lower() for s in split_variants(value)]
            if not any(s in texts[src] for s in spellings for src in turn.sources):
                missing.append(f"{case_id}: {value!r}")
    assert not missing, missing


def test_conflicts_have_each_value_in_a_different_document(gold, texts):
    for case_id, turn in turns(gold):
        if not turn.conflict:
            continue
        holders = []
        for value in turn.answers:
            spellings = [s.lower() for s in split_variants(value)]
            holders.append({src for src in turn.sources if any(s in texts[src] for s in spellings)})
        # the documents disagree: no single document holds every value
        assert not set.intersection(*holders), case_id


def test_the_corpus_builds_with_three_films():
    corpus = build_corpus(str(CORPUS))
    assert corpus.skipped == []
    assert len(corpus.documents) == 8
    assert len(corpus.films) == 3
    assert {f.title for f in corpus.films} == TITLES
