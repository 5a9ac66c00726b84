"""Gold files: the loader's file:line errors, and the shipped gold sets themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from filmqa.evaluation.gold import GoldChain, GoldError, GoldItem, load_gold, split_variants
from filmqa.evaluation.metrics import value_found
from filmqa.models import AnswerType

ROOT = Path(__file__).resolve().parent.parent
SEEDS_GOLD = ROOT / "eval" / "gold.jsonl"
MULTI_GOLD = ROOT / "eval" / "multifilm_gold.jsonl"

GOOD = {
    "id": "director",
    "question": "Who directed Red Heat?",
    "answers": ["Walter Hill"],
    "answerable": True,
    "type": "person",
    "sources": ["001.txt"],
}


def write(tmp_path: Path, *lines: object, name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    path.write_text(text + ("\n" if lines else ""), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(GoldError) as info:
        load_gold(path)
    return info.value.problems


# --------------------------------------------------------------------------- good files


def test_loads_items_and_chains_with_line_numbers(tmp_path):
    chain = {"id": "cat", "turns": [
        {"question": "Who played Cat Manzetti?", "answers": ["Gina Gershon"]},
        {"question": "Whose wife is she?", "answers": ["Viktor Rostavili|Rostavili"], "type": "person"},
    ]}
    path = write(tmp_path, GOOD, "", chain)
    gold = load_gold(path)
    assert [e.id for e in gold.items] == ["director", "cat"]
    assert isinstance(gold.items[0], GoldItem) and isinstance(gold.items[1], GoldChain)
    assert gold.items[0].type is AnswerType.PERSON
    assert gold.lines == {"director": 1, "cat": 3}  # the blank line 2 is skipped
    assert gold.questions == 3
    assert gold.items[1].turns[1].values == [["Viktor Rostavili", "Rostavili"]]


def test_flags_and_aliases(tmp_path):
    item = dict(GOOD, id="runtime", type="duration", answers=["104 minutes", "103 min"], conflict=True)
    listing = dict(GOOD, id="writers", type="list", answers=["a", "b"], all=True)
    unans = {"id": "no", "question": "Who directed Twins?", "answerable": False, "type": "person"}
    gold = load_gold(write(tmp_path, item, listing, unans))
    runtime, writers, no = gold.items
    assert runtime.conflict and not runtime.all_
    assert writers.all_ and writers.category == "list"
    assert no.category == "unanswerable" and no.answers == []


def test_split_variants():
    assert split_variants("Jim Belushi | James Belushi") == ["Jim Belushi", "James Belushi"]
    assert split_variants("Walter Hill") == ["Walter Hill"]
    assert split_variants("a||b|") == ["a", "b"]


# --------------------------------------------------------------------------- malformed files


def test_invalid_json_names_file_and_line(tmp_path):
    path = write(tmp_path, GOOD, '{"id": "x", "question": ')
    [problem] = problems(path)
    assert problem.startswith(f"{path}:2: invalid JSON")


def test_not_an_object(tmp_path):
    path = write(tmp_path, GOOD, '["a", "b"]')
    assert problems(path) == [f"{path}:2: expected a JSON object, got list"]


def test_missing_field(tmp_path):
    bad = {k: v for k, v in GOOD.items() if k != "question"}
    bad["id"] = "other"
    path = write(tmp_path, GOOD, bad)
    assert problems(path) == [f"{path}:2: missing field 'question'"]


def test_missing_type_on_item(tmp_path):
    bad = {k: v for k, v in GOOD.items() if k != "type"}
    path = write(tmp_path, bad)
    assert problems(path) == [f"{path}:1: missing field 'type'"]


@pytest.mark.parametrize(
    "field, value, fragment",
    [
        ("answers", "Walter Hill", "field 'answers'"),
        ("answers", [1988], "field 'answers.0'"),
        ("answerable", "yes", "field 'answerable'"),
        ("sources", "001.txt", "field 'sources'"),
        ("id", 7, "field 'id'"),
        ("type", "actor", "unknown type 'actor'"),
        ("conflict", 1, "field 'conflict'"),
    ],
)
def test_wrong_types(tmp_path, field, value, fragment):
    path = write(tmp_path, dict(GOOD, **{field: value}))
    [problem] = problems(path)
    assert problem.startswith(f"{path}:1: ")
    assert fragment in problem


def test_unknown_field(tmp_path):
    path = write(tmp_path, dict(GOOD, answer="Walter Hill"))
    assert problems(path) == [f"{path}:1: unknown field 'answer'"]


@pytest.mark.parametrize(
    "changes, fragment",
    [
        ({"answers": []}, "needs at least one answer"),
        ({"answerable": False}, "must have no answers"),
        ({"conflict": True}, "'conflict' needs at least two answers"),
        ({"all": True}, "'all' needs at least two answers"),
        ({"answers": ["a", "b"], "all": True, "conflict": True}, "exclude each other"),
        ({"answers": [" | "]}, "an answer is blank"),
        ({"question": "   "}, "question is blank"),
    ],
)
def test_inconsistent_items(tmp_path, changes, fragment):
    path = write(tmp_path, dict(GOOD, **changes))
    [problem] = problems(path)
    assert problem.startswith(f"{path}:1: ") and fragment in problem


def test_chain_errors_name_the_turn(tmp_path):
    chain = {"id": "c", "turns": [{"question": "Who?", "answers": []}]}
    empty = {"id": "d", "turns": []}
    path = write(tmp_path, chain, empty)
    first, second = problems(path)
    assert first.startswith(f"{path}:1: field 'turns.0'") and "at least one answer" in first
    assert second.startswith(f"{path}:2: field 'turns'")


def test_duplicate_ids(tmp_path):
    path = write(tmp_path, GOOD, dict(GOOD, question="again?"), GOOD)
    assert problems(path) == [
        f"{path}:2: duplicate id 'director' (first on line 1)",
        f"{path}:3: duplicate id 'director' (first on line 1)",
    ]


def test_every_problem_is_reported(tmp_path):
    path = write(tmp_path, "not json", GOOD, "[]", dict(GOOD, id="x", answers=7))
    found = problems(path)
    assert [p.split(": ")[0] for p in found] == [f"{path}:1", f"{path}:3", f"{path}:4"]


def test_empty_file(tmp_path):
    path = write(tmp_path)
    assert problems(path) == [f"{path}:1: empty gold file: no questions"]
    blank = write(tmp_path, "", "  ", name="blank.jsonl")
    assert problems(blank) == [f"{blank}:1: empty gold file: no questions"]


def test_missing_file_and_bad_encoding(tmp_path):
    missing = tmp_path / "nope.jsonl"
    [problem] = problems(missing)
    assert problem.startswith(f"{missing}: cannot read gold file")
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(json.dumps(GOOD).encode() + b"\n" + b'{"id": "caf\xe9"}\n')
    assert problems(latin) == [f"{latin}:2: not UTF-8 text"]


# --------------------------------------------------------------------------- the shipped gold sets


def _turns(gold):
    for entry in gold.items:
        yield from (entry.turns if isinstance(entry, GoldChain) else [entry])


@pytest.mark.parametrize(
    "gold_path, corpus",
    [(SEEDS_GOLD, ROOT / "seeds"), (MULTI_GOLD, ROOT / "tests" / "data" / "multifilm")],
)
def test_every_gold_value_is_in_its_sources(gold_path, corpus):
    """Gold answers come from the documents: each value is found in a listed source."""
    gold = load_gold(gold_path)
    texts = {p.name: p.read_text(encoding="utf-8") for p in corpus.iterdir() if p.is_file()}
    wrong = []
    for turn in _turns(gold):
        for source in turn.sources:
            if source not in texts:
                wrong.append(f"{turn.question!r}: no source {source}")
        if not turn.answerable or turn.type is AnswerType.YESNO:
            continue
        if not turn.sources:
            wrong.append(f"{turn.question!r}: answerable without sources")
        for answer in turn.answers:
            if not any(value_found(texts.get(s, ""), answer) for s in turn.sources):
                wrong.append(f"{turn.question!r}: {answer!r} is in none of {turn.sources}")
    assert wrong == []


def test_seeds_gold_covers_the_issue():
    gold = load_gold(SEEDS_GOLD)
    items = [e for e in gold.items if isinstance(e, GoldItem)]
    chains = [e for e in gold.items if isinstance(e, GoldChain)]
    assert len(items) >= 150
    assert sum(not i.answerable for i in items) >= 25
    assert len(chains) >= 10
    assert sum(i.conflict for i in items) >= 4
    assert sum(i.all_ for i in items) >= 5
    kinds = {t.type for t in _turns(gold)}
    assert {AnswerType.PERSON, AnswerType.MONEY, AnswerType.DATE, AnswerType.DURATION, AnswerType.SCORE,
            AnswerType.PLACE, AnswerType.REASON, AnswerType.YESNO, AnswerType.LIST} <= kinds
    questions = [t.question for t in _turns(gold)]
    assert any(q == q.lower() and not q.endswith("?") for q in questions)
    assert any(q.lower().startswith("tell me") for q in questions)
    assert any(len(q.split()) == 1 for q in questions)
    # each of the four documents is the source of some question
    sources = {s for t in _turns(gold) for s in t.sources}
    assert sources == {p.name for p in (ROOT / "seeds").iterdir() if p.is_file()}


def test_multifilm_gold_covers_routing():
    gold = load_gold(MULTI_GOLD)
    turns = list(_turns(gold))
    assert sum(not t.answerable for t in turns) >= 5
    assert sum(isinstance(e, GoldChain) for e in gold.items) == 2
    films = {t.film for t in turns if t.film}
    assert {"Night Train (1994)", "Night Train II (1999)"} <= films and len(films) >= 4
