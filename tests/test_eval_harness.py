"""The harness on a scripted stand-in for FilmQA: every figure of the report is known."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from filmqa.evaluation import harness
from filmqa.evaluation.gold import GoldError, load_gold
from filmqa.evaluation.harness import (
    EvalReport,
    add_eval_arguments,
    baseline_answer,
    eval_command,
    evaluate,
    film_matches,
    format_misses,
    format_table,
    run_eval,
)
from filmqa.models import (
    Answer,
    AnswerType,
    Citation,
    Conflict,
    ConflictValue,
    Passage,
    PassageRef,
    Route,
    Sentence,
)

GOLD = [
    {"id": "director", "question": "Who directed Red Heat?", "answers": ["Walter Hill"],
     "type": "person", "sources": ["d1"]},
    {"id": "composer", "question": "Who composed the music?", "answers": ["James Horner"],
     "type": "person", "sources": ["d1"]},
    {"id": "runtime", "question": "How long is it?", "answers": ["104 minutes|104 min", "103 minutes|103 min"],
     "type": "duration", "sources": ["d3"], "conflict": True},
    {"id": "twins", "question": "Who directed Twins?", "answerable": False, "type": "person"},
    {"id": "predator", "question": "Budget of Predator?", "answerable": False, "type": "money"},
    {"id": "budget", "question": "budget?", "answers": ["$29 million"], "type": "money", "sources": ["d3"]},
    {"id": "crash", "question": "Why crash?", "answers": ["snow"], "type": "reason", "sources": ["d1"]},
    {"id": "cat", "turns": [
        {"question": "Who played Cat Manzetti?", "answers": ["Gina Gershon"], "type": "person", "sources": ["d2"]},
        {"question": "Whose wife is she?", "answers": ["Viktor Rostavili|Rostavili"], "type": "person", "sources": ["d2"]},
    ]},
]

# question -> (answer, citation quotes, ranked passage doc ids, conflict values)
SCRIPT = {
    "Who directed Red Heat?": ("Walter Hill", ["Red Heat is a film directed by Walter Hill."], ["d1", "d2"], []),
    "Who composed the music?": ("Walter Hill", ["directed by Walter Hill"], ["d2", "d1"], []),
    "How long is it?": ("104 minutes", ["runtime of 104 minutes", "runtime = 103 min"], ["d3"], ["104 minutes", "103 min"]),
    "Who directed Twins?": (None, [], ["d2"], []),
    "Budget of Predator?": ("$18 million", ["budget $18 million"], ["d3"], []),
    "budget?": (None, [], ["d2"], []),
    "Who played Cat Manzetti?": ("Gina Gershon", ["Gina Gershon as Cat Manzetti"], ["d2"], []),
}

PASSAGES = {
    "d1": "Red Heat is a 1988 American action film directed by Walter Hill. It stars Arnold Schwarzenegger.",
    "d2": "Gina Gershon as Cat Manzetti. Rostavili's American wife.",
    "d3": "The budget was $29 million. The runtime is 104 minutes.",
}


def make_reply(question: str, answer: str | None, quotes, docs, conflict_values) -> Answer:
    route = Route(question=question, resolved_question=question, answer_type=AnswerType.PERSON,
                  film="Red Heat (1988)",
                  passages=[PassageRef(passage_id=i, doc_id=d, score=1.0) for i, d in enumerate(docs)])
    citations = [Citation(n=i + 1, doc_id=docs[0], title="t", quote=q, start=0, end=len(q))
                 for i, q in enumerate(quotes)]
    conflicts = [Conflict(fact="runtime", values=[ConflictValue(value=v) for v in conflict_values])] if conflict_values else []
    text = answer or "I can't find that in the documents."
    return Answer(question=question, answer=answer, text=text, citations=citations,
                  conflicts=conflicts, route=route)


class FakeConversation:
    def __init__(self, qa: "FakeQA"):
        self.qa = qa
        self.history: list[str] = []
        qa.conversations.append(self)

    def ask(self, question: str) -> Answer:
        self.qa.asked.append(question)
        self.history.append(question)
        if question == "Why crash?":
            raise RuntimeError("boom")
        if question == "Whose wife is she?":
            # only a conversation that remembers the previous turn can answer
            knows = "Who played Cat Manzetti?" in self.history
            return make_reply(question, "Viktor Rostavili" if knows else None, ["She is his American wife."], ["d2"], [])
        return make_reply(question, *SCRIPT[question])


class FakeQA:
    def __init__(self):
        self.asked: list[str] = []
        self.searched: list[str] = []
        self.conversations: list[FakeConversation] = []

    def ask(self, question: str) -> Answer:
        return FakeConversation(self).ask(question)

    def conversation(self) -> FakeConversation:
        return FakeConversation(self)

    def search(self, question: str, k: int = 5) -> list[Passage]:
        self.searched.append(question)
        order = ["d3", "d1", "d2"] if "budget" in question.lower() or "long" in question else ["d1", "d2", "d3"]
        hits = []
        for i, doc in enumerate(order[:k]):
            text = PASSAGES[doc]
            first = text.split(". ")[0] + "."
            hits.append(Passage(id=i, doc_id=doc, title=doc, text=text, start=0, end=len(text),
                                sentences=[Sentence(text=first, start=0, end=len(first))],
                                score=10.0 - i))
        return hits


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def report(gold_file) -> EvalReport:
    return evaluate(load_gold(gold_file), FakeQA(), corpus="fake", progress=False)


def case(report: EvalReport, case_id: str):
    return next(c for c in report.cases if c.id == case_id)


# --------------------------------------------------------------------------- scoring


def test_counts_and_case_ids(report):
    assert (report.items, report.chains, report.questions) == (7, 1, 9)
    assert [c.id for c in report.cases][-2:] == ["cat#1", "cat#2"]
    assert case(report, "cat#2").chain == "cat" and case(report, "cat#2").turn == 2
    assert case(report, "cat#1").line == 8


def test_correctness_of_each_case(report):
    verdicts = {c.id: c.system.correct for c in report.cases}
    assert verdicts == {
        "director": True, "composer": False, "runtime": True, "twins": True, "predator": False,
        "budget": False, "crash": False, "cat#1": True, "cat#2": True,
    }
    s = report.system
    assert (s.accuracy.hits, s.accuracy.total) == (5, 9)
    assert s.errors == 1 and case(report, "crash").system.prediction.error == "RuntimeError: boom"


def test_chain_turns_share_one_conversation(gold_file):
    qa = FakeQA()
    report = evaluate(load_gold(gold_file), qa, progress=False)
    chain_conversations = [c for c in qa.conversations if len(c.history) == 2]
    assert len(chain_conversations) == 1
    assert chain_conversations[0].history == ["Who played Cat Manzetti?", "Whose wife is she?"]
    # the baseline answered every question too, without context
    assert len(qa.searched) == report.questions


def test_abstention_conflict_and_retrieval_figures(report):
    s = report.system
    # abstained on twins (right) and budget (wrong)
    assert (s.abstention_precision.hits, s.abstention_precision.total) == (1, 2)
    assert (s.abstention_recall.hits, s.abstention_recall.total) == (1, 2)
    assert (s.conflict_recall.hits, s.conflict_recall.total) == (1, 1)
    # answerable cases with sources: director d1@1, composer d1@2, runtime d3@1, budget miss,
    # crash (error: no passages), cat#1 d2@1, cat#2 d2@1
    assert (s.recall_at_1.hits, s.recall_at_1.total) == (4, 7)
    assert (s.recall_at_5.hits, s.recall_at_5.total) == (5, 7)
    # citations of the correct answers: director, runtime (both values quoted) and cat#1 hold
    # the gold value; cat#2's quote does not name Rostavili
    assert (s.citation_support.hits, s.citation_support.total) == (3, 4)
    assert (s.exact_match.hits, s.exact_match.total) == (4, 7)
    assert s.by_type["person"].hits == 3 and s.by_type["person"].total == 4
    assert list(s.by_type)[-1] == "unanswerable"


def test_baseline_is_the_first_sentence_of_the_top_passage(report):
    b = report.baseline
    director = case(report, "director").baseline
    assert director.prediction.answer == "Red Heat is a 1988 American action film directed by Walter Hill."
    assert director.correct and director.hit_at_1
    assert not case(report, "cat#2").baseline.correct
    # the baseline never abstains, so it misses every unanswerable question
    assert b.abstention_recall.hits == 0 and b.abstention_recall.total == 2
    assert b.abstention_precision.total == 0
    assert b.conflict_recall.hits == 0


def test_baseline_with_no_hits_abstains():
    class Empty:
        def search(self, question, k=5):
            return []
    assert baseline_answer(Empty(), "anything").answer is None


def test_film_matches():
    assert film_matches("Night Train (1994)", "Night Train (1994)")
    assert film_matches("Night Train", "Night Train (1994)")
    assert not film_matches("Night Train (1994)", "Night Train II (1999)")
    assert not film_matches("Night Train", "Night Train II (1999)")
    assert not film_matches("Night Train (1994)", "Night Train (1995)")
    assert not film_matches("Night Train", None)


# --------------------------------------------------------------------------- output


def test_table_and_misses(report):
    table = format_table(report)
    assert "accuracy              55.6% (5/9)" in table
    assert "abstention precision  50.0% (1/2)" in table
    assert "errors" in table
    assert "unanswerable" in table.split("accuracy by type")[1]
    misses = format_misses(report)
    assert misses.startswith("misses (4):")
    assert "- composer [person] line 2: Who composed the music?" in misses
    assert "got:  'Walter Hill'" in misses and "got:  (abstained)" in misses
    assert "error RuntimeError: boom" in misses


def test_run_eval_prints_and_writes_json(gold_file, tmp_path):
    out = io.StringIO()
    json_path = tmp_path / "report.json"
    report = run_eval(gold_file, corpus_dir=tmp_path, json_out=json_path, show_misses=True,
                      stream=out, qa=FakeQA(), progress=False)
    printed = out.getvalue()
    assert printed.startswith(f"gold {gold_file}: 9 questions (7 items, 1 chains)")
    assert "misses (4):" in printed
    again = EvalReport.model_validate_json(json_path.read_text(encoding="utf-8"))
    assert again.system.accuracy.hits == 5
    assert [c.id for c in again.cases] == [c.id for c in report.cases]
    assert again.cases[0].system.prediction.citations == ["Red Heat is a film directed by Walter Hill."]


def test_progress_bar_only_when_asked(gold_file, monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(harness.sys, "stderr", err)
    evaluate(load_gold(gold_file), FakeQA(), progress=None)  # StringIO is not a terminal
    assert err.getvalue() == ""
    evaluate(load_gold(gold_file), FakeQA(), progress=True)
    assert "9/9" in err.getvalue() and "[" in err.getvalue()


def test_bad_gold_stops_before_answering(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n" + '{"id": "x"}\n', encoding="utf-8")
    qa = FakeQA()
    with pytest.raises(GoldError):
        run_eval(path, qa=qa, stream=io.StringIO(), progress=False)
    assert qa.asked == [] and qa.searched == []


def test_eval_command_reports_file_and_line(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n" + json.dumps(GOLD[0]) + "\n", encoding="utf-8")
    parser = add_eval_arguments(argparse.ArgumentParser())
    args = parser.parse_args([str(path), "--corpus", str(tmp_path)])
    assert eval_command(args) == 2
    err = capsys.readouterr().err
    assert f"{path}:2: duplicate id 'director' (first on line 1)" in err
    assert "nothing was run" in err


def test_eval_command_missing_corpus(gold_file, tmp_path, capsys):
    parser = add_eval_arguments(argparse.ArgumentParser())
    args = parser.parse_args([str(gold_file), "--corpus", str(tmp_path / "nowhere")])
    assert eval_command(args) == 2
    assert "corpus folder not found" in capsys.readouterr().err


def test_arguments():
    parser = add_eval_arguments(argparse.ArgumentParser())
    args = parser.parse_args([])
    assert (args.gold, args.json_out, args.show_misses) == (None, None, False)
    assert not hasattr(args, "corpus")  # so a top-level --corpus is not overwritten
    args = parser.parse_args(["g.jsonl", "--corpus", "c", "--json", "o.json", "--show-misses"])
    assert (args.gold, args.corpus, args.json_out, args.show_misses) == ("g.jsonl", "c", "o.json", True)
    assert args.eval_handler is eval_command


def test_resources_of_namespace_data_packages(tmp_path, monkeypatch):
    """Data folders without __init__.py (filmqa.seeds, filmqa.eval_data) are found."""
    data = tmp_path / "evalns_pkg" / "data"
    data.mkdir(parents=True)
    (data / "gold.jsonl").write_text("{}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert harness._resource("evalns_pkg.data") == data
    assert harness._resource("evalns_pkg.data", "gold.jsonl") == data / "gold.jsonl"
    assert harness._resource("evalns_pkg.data", "missing.jsonl") is None
    assert harness._resource("evalns_pkg_absent.data") is None
