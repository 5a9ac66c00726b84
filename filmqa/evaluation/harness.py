"""Run a gold set through the library API, score it, print the table.

Every question is asked through :class:`filmqa.FilmQA` (chains through one
``qa.conversation()``), and answered a second time by a baseline that takes the
first sentence of the top BM25 passage, so the table shows what the router and
the composer add. The full report, question by question, is a pydantic model
(:class:`EvalReport`) that ``--json`` writes out.
"""

from __future__ import annotations

import argparse
import importlib.resources
import re
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, TextIO

from pydantic import BaseModel, Field

from filmqa.models import Answer, AnswerType, Route

from .gold import GoldChain, GoldError, GoldItem, GoldSet, GoldTurn, load_gold
from .metrics import best_em_f1, citation_supported, conflict_values_reported, is_correct, normalize_answer

__all__ = [
    "CaseResult",
    "EvalReport",
    "Prediction",
    "Rate",
    "Scored",
    "Summary",
    "add_eval_arguments",
    "baseline_answer",
    "default_corpus_dir",
    "default_gold_path",
    "eval_command",
    "evaluate",
    "film_matches",
    "format_misses",
    "format_table",
    "run_eval",
]

SYSTEM, BASELINE = "filmqa", "baseline"


# --------------------------------------------------------------------------- report models


class Prediction(BaseModel):
    """What one system replied to one question (the parts that are scored)."""

    answer: str | None
    text: str = ""
    citations: list[str] = Field(default_factory=list)
    cited_docs: list[str] = Field(default_factory=list)
    conflict_values: list[str] = Field(default_factory=list)
    film: str | None = None
    passages: list[str] = Field(default_factory=list, description="doc ids, ranked")
    latency_ms: float = 0.0
    error: str | None = None

    @property
    def abstained(self) -> bool:
        return self.answer is None and self.error is None


class Scored(BaseModel):
    """A prediction and its scores; None where a measure does not apply."""

    prediction: Prediction
    correct: bool
    exact_match: bool | None = None
    f1: float | None = None
    citation_supported: bool | None = None
    conflict_reported: bool | None = None
    hit_at_1: bool | None = None
    hit_at_5: bool | None = None
    film_correct: bool | None = None


class CaseResult(BaseModel):
    """One question of the gold set (a chain turn is its own case)."""

    id: str
    chain: str | None = None
    turn: int | None = None
    line: int | None = None
    question: str
    category: str
    answerable: bool
    conflict: bool = False
    all: bool = False
    answers: list[str]
    sources: list[str]
    film: str | None = None
    system: Scored
    baseline: Scored


class Rate(BaseModel):
    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def add(self, flag: bool | None) -> None:
        if flag is not None:
            self.total += 1
            self.hits += int(flag)


class Summary(BaseModel):
    """The figures of one system over the whole gold set."""

    accuracy: Rate
    exact_match: Rate
    f1: float | None
    citation_support: Rate
    abstention_precision: Rate
    abstention_recall: Rate
    conflict_recall: Rate
    film_routing: Rate
    recall_at_1: Rate
    recall_at_5: Rate
    latency_median_ms: float | None
    latency_p95_ms: float | None
    errors: int = 0
    by_type: dict[str, Rate]


class EvalReport(BaseModel):
    gold: str
    corpus: str
    created: str
    items: int
    chains: int
    questions: int
    load_seconds: float
    run_seconds: float
    system: Summary
    baseline: Summary
    cases: list[CaseResult]

    @property
    def misses(self) -> list[CaseResult]:
        return [c for c in self.cases if not c.system.correct]


# --------------------------------------------------------------------------- default paths


def _resource(package: str, name: str | None = None) -> Path | None:
    """A file (or, without ``name``, the folder) of a data package, if installed.

    The data folders have no ``__init__.py``, so ``files()`` may give a
    MultiplexedPath whose ``str()`` is not a path: go through a child instead.
    """
    try:
        root = importlib.resources.files(package)
        if name:
            path = Path(str(root / name))
        elif isinstance(root, Path):
            path = root
        else:
            child = next(iter(root.iterdir()), None)
            path = Path(str(child)).parent if child is not None else Path(str(root))
    except (ModuleNotFoundError, TypeError, ValueError, OSError):
        return None
    return path if path.exists() else None


def _repo_root() -> Path:
    # filmqa/evaluation/harness.py -> the folder holding filmqa/ (the repository)
    return Path(__file__).resolve().parents[2]


def default_gold_path() -> Path:
    """``filmqa.eval_data/gold.jsonl`` when installed, else ``<repo>/eval/gold.jsonl``."""
    return _resource("filmqa.eval_data", "gold.jsonl") or _repo_root() / "eval" / "gold.jsonl"


def default_corpus_dir() -> Path:
    """The ``filmqa.seeds`` data package when installed, else ``<repo>/seeds``."""
    found = _resource("filmqa.seeds")
    if found is not None and found.is_dir():
        return found
    return _repo_root() / "seeds"


# --------------------------------------------------------------------------- answering


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")


def _first_sentence(passage: Any) -> str:
    sentences = getattr(passage, "sentences", None) or []
    for sentence in sentences:
        if sentence.text.strip():
            return sentence.text.strip()
    text = (getattr(passage, "text", "") or "").strip()
    return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


def baseline_answer(qa: Any, question: str) -> Prediction:
    """The baseline: the first sentence of the top BM25 passage, cited as itself."""
    started = time.perf_counter()
    try:
        hits = list(qa.search(question, k=5))
    except Exception as exc:  # noqa: BLE001 - a failing search is a scored miss
        return Prediction(answer=None, error=f"{type(exc).__name__}: {exc}",
                          latency_ms=(time.perf_counter() - started) * 1000)
    elapsed = (time.perf_counter() - started) * 1000
    sentence = _first_sentence(hits[0]) if hits else ""
    return Prediction(
        answer=sentence or None,
        text=sentence,
        citations=[sentence] if sentence else [],
        cited_docs=[hits[0].doc_id] if hits else [],
        passages=[h.doc_id for h in hits],
        latency_ms=elapsed,
    )


def _system_answer(ask: Callable[[str], Answer], question: str) -> Prediction:
    started = time.perf_counter()
    try:
        reply = ask(question)
    except Exception as exc:  # noqa: BLE001 - a crash is a scored miss, not a stop
        return Prediction(answer=None, error=f"{type(exc).__name__}: {exc}",
                          latency_ms=(time.perf_counter() - started) * 1000)
    elapsed = (time.perf_counter() - started) * 1000
    route: Route | None = getattr(reply, "route", None)
    return Prediction(
        answer=reply.answer,
        text=reply.text or "",
        citations=[c.quote for c in reply.citations],
        cited_docs=[c.doc_id for c in reply.citations],
        conflict_values=[v.value for c in reply.conflicts for v in c.values],
        film=route.film if route else None,
        passages=[p.doc_id for p in route.passages] if route else [],
        latency_ms=elapsed,
    )


def _as_answer(prediction: Prediction, question: str) -> Answer:
    """Rebuild the scored parts of a reply, so one judge serves both systems."""
    from filmqa.models import Conflict, ConflictValue

    conflicts = (
        [Conflict(fact="", values=[ConflictValue(value=v) for v in prediction.conflict_values])]
        if prediction.conflict_values
        else []
    )
    route = Route(question=question, resolved_question=question,
                  answer_type=AnswerType.DESCRIPTION)
    return Answer(question=question, answer=prediction.answer, text=prediction.text,
                  conflicts=conflicts, route=route)


_YEAR = re.compile(r"\s*\(\s*\d{4}[^)]*\)\s*$")


def film_matches(gold_film: str, routed: str | None) -> bool:
    """Whether the router picked the gold film.

    Titles are compared after normalisation; a trailing "(1988)" on either side
    is ignored unless both carry one, so "Night Train" does not match
    "Night Train II (1999)".
    """
    if not routed:
        return False
    if _YEAR.search(gold_film) and _YEAR.search(routed):
        return normalize_answer(gold_film) == normalize_answer(routed)
    return normalize_answer(_YEAR.sub("", gold_film)) == normalize_answer(_YEAR.sub("", routed))


def _score(gold: GoldTurn, prediction: Prediction) -> Scored:
    if prediction.error is not None:
        correct = False
    else:
        correct = is_correct(gold, _as_answer(prediction, gold.question))
    scored = Scored(prediction=prediction, correct=correct)
    if gold.answerable:
        em, f1 = best_em_f1(prediction.answer, gold.answers)
        scored.exact_match, scored.f1 = em, f1
        if correct:  # support is measured on the answers judged correct
            scored.citation_supported = citation_supported(gold, prediction.citations)
        if gold.sources:
            sources = set(gold.sources)
            scored.hit_at_1 = bool(sources & set(prediction.passages[:1]))
            scored.hit_at_5 = bool(sources & set(prediction.passages[:5]))
        if gold.conflict:
            reply = _as_answer(prediction, gold.question)
            scored.conflict_reported = len(conflict_values_reported(reply, gold.answers)) >= 2
    if gold.film:
        scored.film_correct = film_matches(gold.film, prediction.film)
    return scored


# --------------------------------------------------------------------------- running


class _Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.total = max(total, 1)
        self.done = 0
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled

    def step(self, label: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // self.total
        bar = "#" * filled + "-" * (width - filled)
        label = label[:40]
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {label:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 90 + "\r")
            self.stream.flush()


def _case(entry_id: str, gold: GoldTurn, system: Prediction, baseline: Prediction,
          line: int | None, chain: str | None = None, turn: int | None = None) -> CaseResult:
    return CaseResult(
        id=entry_id, chain=chain, turn=turn, line=line, question=gold.question,
        category=gold.category, answerable=gold.answerable, conflict=gold.conflict,
        all=gold.all_, answers=gold.answers, sources=gold.sources, film=gold.film,
        system=_score(gold, system), baseline=_score(gold, baseline),
    )


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[rank]


def _summarise(cases: list[CaseResult], which: str) -> Summary:
    rates = {name: Rate() for name in (
        "accuracy", "exact_match", "citation_support", "abstention_precision",
        "abstention_recall", "conflict_recall", "film_routing", "recall_at_1", "recall_at_5")}
    by_type: dict[str, Rate] = {}
    f1s: list[float] = []
    latencies: list[float] = []
    errors = 0
    for case in cases:
        scored: Scored = getattr(case, which)
        pred = scored.prediction
        rates["accuracy"].add(scored.correct)
        by_type.setdefault(case.category, Rate()).add(scored.correct)
        if case.answerable:
            rates["exact_match"].add(scored.exact_match)
            f1s.append(scored.f1 or 0.0)
        rates["citation_support"].add(scored.citation_supported)
        if pred.abstained:
            rates["abstention_precision"].add(not case.answerable)
        if not case.answerable:
            rates["abstention_recall"].add(pred.abstained)
        rates["conflict_recall"].add(scored.conflict_reported)
        rates["film_routing"].add(scored.film_correct)
        rates["recall_at_1"].add(scored.hit_at_1)
        rates["recall_at_5"].add(scored.hit_at_5)
        latencies.append(pred.latency_ms)
        errors += pred.error is not None
    return Summary(
        **rates,
        f1=statistics.fmean(f1s) if f1s else None,
        latency_median_ms=statistics.median(latencies) if latencies else None,
        latency_p95_ms=_percentile(latencies, 0.95),
        errors=errors,
        by_type=dict(sorted(by_type.items(), key=lambda kv: (kv[0] == "unanswerable", kv[0]))),
    )


def evaluate(gold: GoldSet, qa: Any, *, corpus: str = "", load_seconds: float = 0.0,
             progress: bool | None = None) -> EvalReport:
    """Ask every gold question (system and baseline) and score the replies.

    ``qa`` is anything with ``ask``, ``search`` and ``conversation`` like
    :class:`filmqa.FilmQA`; ``progress`` None draws the bar when stderr is a tty.
    """
    bar = _Progress(gold.questions, enabled=progress)
    cases: list[CaseResult] = []
    started = time.perf_counter()
    try:
        for entry in gold.items:
            line = gold.lines.get(entry.id)
            if isinstance(entry, GoldChain):
                conversation = qa.conversation()
                for number, turn in enumerate(entry.turns, start=1):
                    system = _system_answer(conversation.ask, turn.question)
                    base = baseline_answer(qa, turn.question)
                    cases.append(_case(f"{entry.id}#{number}", turn, system, base, line,
                                       chain=entry.id, turn=number))
                    bar.step(f"{entry.id}#{number}")
            else:
                system = _system_answer(qa.ask, entry.question)
                base = baseline_answer(qa, entry.question)
                cases.append(_case(entry.id, entry, system, base, line))
                bar.step(entry.id)
    finally:
        bar.close()
    return EvalReport(
        gold=gold.path,
        corpus=corpus,
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        items=sum(isinstance(e, GoldItem) for e in gold.items),
        chains=sum(isinstance(e, GoldChain) for e in gold.items),
        questions=len(cases),
        load_seconds=load_seconds,
        run_seconds=time.perf_counter() - started,
        system=_summarise(cases, "system"),
        baseline=_summarise(cases, "baseline"),
        cases=cases,
    )


# --------------------------------------------------------------------------- printing


def _pct(rate: Rate, counts: bool = True) -> str:
    if rate.value is None:
        return "n/a"
    text = f"{100 * rate.value:.1f}%"
    return f"{text} ({rate.hits}/{rate.total})" if counts else text


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} ms"


def format_table(report: EvalReport) -> str:
    """The table ``filmqa eval`` prints: filmqa next to the baseline."""
    s, b = report.system, report.baseline
    rows: list[tuple[str, str, str]] = [
        ("accuracy", _pct(s.accuracy), _pct(b.accuracy)),
        ("exact match", _pct(s.exact_match), _pct(b.exact_match)),
        ("token F1", "n/a" if s.f1 is None else f"{s.f1:.3f}", "n/a" if b.f1 is None else f"{b.f1:.3f}"),
        ("citation support", _pct(s.citation_support), _pct(b.citation_support)),
        ("abstention precision", _pct(s.abstention_precision), _pct(b.abstention_precision)),
        ("abstention recall", _pct(s.abstention_recall), _pct(b.abstention_recall)),
        ("conflict recall", _pct(s.conflict_recall), _pct(b.conflict_recall)),
    ]
    if s.film_routing.total:
        rows.append(("film routing", _pct(s.film_routing), _pct(b.film_routing)))
    rows += [
        ("retrieval recall@1", _pct(s.recall_at_1), _pct(b.recall_at_1)),
        ("retrieval recall@5", _pct(s.recall_at_5), _pct(b.recall_at_5)),
        ("latency median", _ms(s.latency_median_ms), _ms(b.latency_median_ms)),
        ("latency p95", _ms(s.latency_p95_ms), _ms(b.latency_p95_ms)),
    ]
    if s.errors or b.errors:
        rows.append(("errors", str(s.errors), str(b.errors)))
    w1 = max(len(r[0]) for r in rows)
    w2 = max(len(r[1]) for r in rows + [("", SYSTEM, "")])
    lines = [
        f"gold {report.gold}: {report.questions} questions "
        f"({report.items} items, {report.chains} chains)",
        f"corpus {report.corpus}: loaded in {report.load_seconds:.2f} s, "
        f"answered in {report.run_seconds:.2f} s",
        "",
        f"{'metric':<{w1}}  {SYSTEM:<{w2}}  {BASELINE}",
        f"{'-' * w1}  {'-' * w2}  {'-' * len(BASELINE)}",
    ]
    lines += [f"{name:<{w1}}  {sys_v:<{w2}}  {base_v}" for name, sys_v, base_v in rows]
    lines.append("")
    wt = max([len("accuracy by type")] + [len(k) for k in s.by_type])
    lines.append(f"{'accuracy by type':<{wt}}  {'n':>4}  {SYSTEM:<8}  {BASELINE}")
    lines.append(f"{'-' * wt}  {'-' * 4}  {'-' * 8}  {'-' * len(BASELINE)}")
    for key, rate in s.by_type.items():
        base_rate = b.by_type.get(key, Rate())
        lines.append(f"{key:<{wt}}  {rate.total:>4}  {_pct(rate, False):<8}  {_pct(base_rate, False)}")
    return "\n".join(lines) + "\n"


def format_misses(report: EvalReport) -> str:
    """Every question filmqa got wrong: gold values, and what it said."""
    misses = report.misses
    lines = [f"misses ({len(misses)}):"]
    for case in misses:
        pred = case.system.prediction
        where = f"line {case.line}" if case.line else ""
        lines.append(f"- {case.id} [{case.category}] {where}: {case.question}")
        gold = " / ".join(case.answers) if case.answerable else "(abstain)"
        flag = " (conflict: two values)" if case.conflict else " (all of them)" if case.all else ""
        lines.append(f"    gold: {gold}{flag}")
        if pred.error:
            got = f"error {pred.error}"
        elif pred.answer is None:
            got = "(abstained)"
        else:
            got = repr(pred.answer)
        lines.append(f"    got:  {got}")
        if pred.conflict_values:
            lines.append(f"    conflict values: {pred.conflict_values}")
        if pred.film is not None or case.film:
            lines.append(f"    film: {pred.film!r}" + (f" (gold {case.film!r})" if case.film else ""))
        if case.sources:
            lines.append(f"    passages: {pred.passages[:5]} (gold {case.sources})")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- entry points


def run_eval(gold_path: str | Path | None = None, corpus_dir: str | Path | None = None,
             json_out: str | Path | None = None, show_misses: bool = False,
             stream: TextIO | None = None, qa: Any = None,
             progress: bool | None = None, cache: bool = True) -> EvalReport:
    """Load the gold set (all of it, before answering anything), then the corpus,
    run every question, print the table to ``stream`` and optionally write the
    JSON report. Raises :class:`GoldError` for a malformed gold file.
    """
    stream = stream or sys.stdout
    gold = load_gold(gold_path or default_gold_path())
    corpus = Path(corpus_dir) if corpus_dir else default_corpus_dir()
    started = time.perf_counter()
    if qa is None:
        if not corpus.is_dir():
            raise FileNotFoundError(f"corpus folder not found: {corpus}")
        from filmqa import FilmQA

        qa = FilmQA.from_directory(corpus, cache=cache)
    load_seconds = time.perf_counter() - started
    report = evaluate(gold, qa, corpus=str(corpus), load_seconds=load_seconds, progress=progress)
    stream.write(format_table(report))
    if show_misses:
        stream.write("\n" + format_misses(report))
    if json_out:
        Path(json_out).write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")
    stream.flush()
    return report


def add_eval_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the ``filmqa eval`` arguments to a (sub)parser."""
    parser.add_argument("gold", nargs="?", default=None,
                        help="gold JSONL file (default: the seeds gold set, eval/gold.jsonl)")
    # SUPPRESS: a sub-command default must not hide `filmqa --corpus DIR eval`
    parser.add_argument("--corpus", dest="corpus", default=argparse.SUPPRESS, metavar="DIR",
                        help="folder of documents to answer from (default: the seeds)")
    parser.add_argument("--json", dest="json_out", default=None, metavar="OUT",
                        help="write the full report, question by question, as JSON")
    parser.add_argument("--show-misses", action="store_true",
                        help="list every question answered wrongly")
    parser.set_defaults(eval_handler=eval_command)
    return parser


def eval_command(args: argparse.Namespace) -> int:
    """Run ``filmqa eval``; 0 when it ran, 2 for a bad gold file or corpus."""
    try:
        run_eval(
            gold_path=getattr(args, "gold", None),
            corpus_dir=getattr(args, "corpus", None),
            json_out=getattr(args, "json_out", None),
            show_misses=getattr(args, "show_misses", False),
            cache=not getattr(args, "no_cache", False),
        )
    except GoldError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"filmqa eval: {len(exc.problems)} problem(s) in the gold file; nothing was run",
              file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"filmqa eval: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a corpus the library refuses (CorpusError): one line, no trace
        if type(exc).__name__ != "CorpusError":
            raise
        print(f"filmqa eval: {exc}", file=sys.stderr)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m filmqa.evaluation``: the same as ``filmqa eval``."""
    parser = argparse.ArgumentParser(prog="filmqa eval",
                                     description="Run a gold question set and print the scores.")
    add_eval_arguments(parser)
    return eval_command(parser.parse_args(argv))
