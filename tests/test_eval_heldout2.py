"""The second held-out gold set (eval/heldout2_gold.jsonl over tests/data/heldout2/) is honest.

The corpus (an animated feature, a documentary and a Spanish-Norwegian drama, all
invented) and the questions were written without looking at how filmqa answers,
to check that it generalises. These tests keep the gold file usable and truthful;
they deliberately set no accuracy floor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_eval_heldout import turns  # the (case id, turn) walk over items and chain turns

from filmqa.corpus import build_corpus
from filmqa.evaluation.gold import GoldChain, load_gold, split_variants
from filmqa.models import AnswerType

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "heldout2"
GOLD = ROOT / "eval" / "heldout2_gold.jsonl"
TITLES = {"The Clockmaker's Owl", "The Salt Keepers", "El último verano de Inés"}


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8").lower() for path in sorted(CORPUS.iterdir())}


def holders(turn, texts) -> list[set[str]]:
    """For each gold value, the sources that write one of its spellings."""
    found = []
    for value in turn.answers:
        spellings = [s.lower() for s in split_variants(value)]
        found.append({src for src in turn.sources if any(s in texts[src] for s in spellings)})
    return found


def test_gold_loads_and_covers_what_the_task_asks(gold):
    all_turns = [t for _, t in turns(gold)]
    chains = [e for e in gold.items if isinstance(e, GoldChain)]
    assert len(gold.items) - len(chains) >= 60
    assert len(chains) >= 3 and all(len(c.turns) >= 3 for c in chains)
    assert sum(not t.answerable for t in all_turns) >= 10
    assert sum(t.conflict for t in all_turns) >= 3
    assert {t.type for t in all_turns if t.answerable} == set(AnswerType)


def test_every_answer_occurs_literally_in_its_sources(gold, texts):
    """Each gold value (some spelling of it) is written in one of the question's
    sources. Yes/no answers are judged by polarity, not text, and are left out."""
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
        for value, where in zip(turn.answers, holders(turn, texts)):
            if not where:
                missing.append(f"{case_id}: {value!r}")
    assert not missing, missing


def test_conflicts_span_different_documents(gold, texts):
    conflicts = [(case_id, turn) for case_id, turn in turns(gold) if turn.conflict]
    assert conflicts
    for case_id, turn in conflicts:
        where = holders(turn, texts)
        assert all(where), case_id
        # the documents disagree: no single document holds every value
        assert not set.intersection(*where), case_id


def test_the_corpus_builds_with_three_films():
    corpus = build_corpus(str(CORPUS))
    assert corpus.skipped == []
    assert len(corpus.documents) == 6
    assert len(corpus.films) == 3
    assert {f.title for f in corpus.films} == TITLES
