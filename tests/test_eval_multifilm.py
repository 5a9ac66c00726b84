"""End to end: the harness runs the multi-film gold set through the real FilmQA."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from filmqa import FilmQA
from filmqa.evaluation import load_gold, run_eval
from filmqa.evaluation.gold import GoldChain
from filmqa.evaluation.harness import evaluate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "multifilm"
GOLD = ROOT / "eval" / "multifilm_gold.jsonl"


@pytest.fixture(scope="module")
def qa() -> FilmQA:
    return FilmQA.from_directory(CORPUS, cache=False)


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def report(qa, gold):
    return evaluate(gold, qa, corpus=str(CORPUS), progress=False)


class Sabotaged:
    """The real FilmQA, except that one question gets a wrong or no answer."""

    def __init__(self, qa: FilmQA, question: str, answer: str | None):
        self.qa, self.question, self.answer = qa, question, answer

    def ask(self, question: str):
        reply = self.qa.ask(question)
        if question == self.question:
            reply = reply.model_copy(update={"answer": self.answer, "text": self.answer or "", "conflicts": []})
        return reply

    def search(self, question: str, k: int = 5):
        return self.qa.search(question, k=k)

    def conversation(self):
        return self.qa.conversation()


def test_counts_match_the_gold_file(report, gold):
    turns = [t for e in gold.items for t in (e.turns if isinstance(e, GoldChain) else [e])]
    assert report.questions == len(turns) == len(report.cases)
    assert (report.items, report.chains) == (42, 2)
    s = report.system
    assert s.errors == 0
    assert s.accuracy.total == len(turns)
    assert s.abstention_recall.total == sum(not t.answerable for t in turns) == 6
    assert s.conflict_recall.total == 1
    assert s.film_routing.total == sum(bool(t.film) for t in turns)
    assert s.recall_at_5.total == sum(t.answerable and bool(t.sources) for t in turns)
    # every answered case carries what it was judged on
    for case in report.cases:
        pred = case.system.prediction
        assert pred.latency_ms > 0
        if pred.answer is not None:
            assert pred.passages, case.id


def test_the_baseline_retrieves_from_the_right_documents(report):
    # BM25 alone finds a gold source in its top five for most questions of this corpus
    assert report.baseline.recall_at_5.value >= 0.8


def test_a_wrong_answer_is_scored_wrong(qa, gold, report):
    question = "Who directed Night Train?"
    sabotaged = evaluate(gold, Sabotaged(qa, question, "Samuel Okafor"), progress=False)
    verdicts = {c.id: c.system.correct for c in report.cases}
    changed = {c.id: c.system.correct for c in sabotaged.cases}
    assert changed["nt-director"] is False
    assert case_answer(sabotaged, "nt-director") == "Samuel Okafor"
    # nothing else moved: the run is deterministic and the verdicts independent
    del verdicts["nt-director"], changed["nt-director"]
    assert verdicts == changed


def test_an_answer_to_an_unanswerable_question_is_scored_wrong(qa, gold):
    sabotaged = evaluate(gold, Sabotaged(qa, "Who directed Red Heat?", "Walter Hill"), progress=False)
    case = next(c for c in sabotaged.cases if c.id == "un-heat")
    assert not case.system.correct
    assert not case.system.prediction.abstained


def test_abstaining_on_a_known_answer_is_scored_wrong(qa, gold):
    sabotaged = evaluate(gold, Sabotaged(qa, "Who directed Night Train II?", None), progress=False)
    case = next(c for c in sabotaged.cases if c.id == "nt2-director")
    assert case.system.prediction.abstained and not case.system.correct


def case_answer(report, case_id):
    return next(c for c in report.cases if c.id == case_id).system.prediction.answer


def test_run_eval_end_to_end(tmp_path):
    out = io.StringIO()
    report = run_eval(GOLD, CORPUS, json_out=tmp_path / "r.json", show_misses=True, stream=out, progress=False)
    text = out.getvalue()
    assert f"{report.questions} questions (42 items, 2 chains)" in text
    assert "film routing" in text and "baseline" in text
    assert f"misses ({len(report.misses)}):" in text
    assert (tmp_path / "r.json").stat().st_size > 1000
