"""Gold question/answer sets: pydantic models and a JSONL loader.

A gold file holds one JSON object a line. An object is either a question::

    {"id": "director", "question": "Who directed Red Heat?",
     "answers": ["Walter Hill"], "answerable": true, "type": "person",
     "sources": ["001_bf025726dfb8479b.txt"], "notes": "..."}

or a conversation chain, whose turns are asked in order through one
``qa.conversation()``::

    {"id": "cat", "turns": [{"question": "Who played Cat Manzetti?", ...},
                            {"question": "Whose wife is she?", ...}]}

Each entry of ``answers`` is one accepted value; spellings of the same value
are separated by ``|`` ("Jim Belushi|James Belushi"). ``conflict: true`` marks a
fact the documents disagree on (every value is listed, two must be reported);
``all: true`` marks a list question (every value must appear).

:func:`load_gold` reads the whole file before anything is answered and raises
:class:`GoldError` listing every problem as ``file:line: what is wrong``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from filmqa.models import AnswerType

__all__ = [
    "GoldChain",
    "GoldError",
    "GoldItem",
    "GoldSet",
    "GoldTurn",
    "load_gold",
    "split_variants",
]


def split_variants(value: str) -> list[str]:
    """The accepted spellings of one gold value: ``"a|b"`` -> ``["a", "b"]``."""
    return [part.strip() for part in value.split("|") if part.strip()]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class GoldTurn(_Strict):
    """One question with its accepted answers (a turn of a chain, or a whole item)."""

    question: str = Field(min_length=1)
    answers: list[str] = Field(default_factory=list)
    answerable: bool = True
    type: AnswerType | None = None
    sources: list[str] = Field(default_factory=list)
    conflict: bool = False
    all_: bool = Field(default=False, alias="all")
    film: str | None = None
    notes: str = ""

    @field_validator("type", mode="before")
    @classmethod
    def _type_from_string(cls, value: object) -> object:
        # strict mode refuses a plain string for an enum; accept its value.
        if isinstance(value, str):
            try:
                return AnswerType(value)
            except ValueError:
                allowed = ", ".join(t.value for t in AnswerType)
                raise ValueError(f"unknown type {value!r} (one of: {allowed})") from None
        return value

    @field_validator("question")
    @classmethod
    def _question_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("question is blank")
        return value

    @field_validator("answers")
    @classmethod
    def _answers_not_blank(cls, value: list[str]) -> list[str]:
        for answer in value:
            if not split_variants(answer):
                raise ValueError("an answer is blank")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "GoldTurn":
        if self.answerable and not self.answers:
            raise ValueError("an answerable question needs at least one answer")
        if not self.answerable:
            if self.answers:
                raise ValueError("an unanswerable question must have no answers")
            if self.conflict or self.all_:
                raise ValueError("an unanswerable question cannot be 'conflict' or 'all'")
        if self.conflict and self.all_:
            raise ValueError("'conflict' and 'all' exclude each other")
        if (self.conflict or self.all_) and len(self.answers) < 2:
            flag = "conflict" if self.conflict else "all"
            raise ValueError(f"'{flag}' needs at least two answers")
        return self

    @property
    def values(self) -> list[list[str]]:
        """Each gold value as its list of accepted spellings."""
        return [split_variants(answer) for answer in self.answers]

    @property
    def category(self) -> str:
        """The row of the per-type table this question counts in."""
        if not self.answerable:
            return "unanswerable"
        return self.type.value if self.type else "untyped"


class GoldItem(GoldTurn):
    """A single question of a gold set."""

    id: str = Field(min_length=1)
    type: AnswerType  # required on single items, optional on chain turns


class GoldChain(_Strict):
    """A conversation: the turns are asked in order through one conversation."""

    id: str = Field(min_length=1)
    turns: list[GoldTurn] = Field(min_length=1)
    notes: str = ""


class GoldSet(BaseModel):
    """A loaded gold file; ``lines`` maps an id to its line number."""

    path: str
    items: list[GoldItem | GoldChain]
    lines: dict[str, int] = Field(default_factory=dict)

    @property
    def questions(self) -> int:
        """How many questions will be asked (chain turns count one each)."""
        return sum(len(e.turns) if isinstance(e, GoldChain) else 1 for e in self.items)

    def cases(self) -> Iterator[tuple[str, GoldItem | GoldChain]]:
        for entry in self.items:
            yield entry.id, entry


class GoldError(ValueError):
    """A gold file that cannot be used; ``problems`` are ``file:line: message``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _describe(error: ValidationError) -> str:
    parts = []
    for detail in error.errors():
        loc = ".".join(str(p) for p in detail["loc"])
        msg = detail["msg"].removeprefix("Value error, ")
        if detail["type"] == "missing":
            parts.append(f"missing field '{loc}'")
        elif detail["type"] == "extra_forbidden":
            parts.append(f"unknown field '{loc}'")
        elif loc:
            parts.append(f"field '{loc}': {msg}")
        else:
            parts.append(msg)
    return "; ".join(parts)


def _parse_line(text: str) -> GoldItem | GoldChain:
    """One line -> model; raises ValueError with a one-line message."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    model = GoldChain if "turns" in data else GoldItem
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ValueError(_describe(exc)) from None


def load_gold(path: str | Path) -> GoldSet:
    """Read and validate a gold JSONL file; blank lines are skipped.

    Raises :class:`GoldError` (every problem, ``file:line: message``) for a missing
    or unreadable file, invalid JSON, a line that is not an object, missing or
    unknown fields, wrong types, inconsistent flags, duplicate ids, or a file
    without any item.
    """
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GoldError([f"{name}: cannot read gold file: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GoldError([f"{name}:{line}: not UTF-8 text"]) from None

    problems: list[str] = []
    items: list[GoldItem | GoldChain] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = _parse_line(line)
        except ValueError as exc:
            problems.append(f"{name}:{number}: {exc}")
            continue
        if entry.id in first_line:
            problems.append(
                f"{name}:{number}: duplicate id {entry.id!r} (first on line {first_line[entry.id]})"
            )
            continue
        first_line[entry.id] = number
        items.append(entry)
    if not items and not problems:
        problems.append(f"{name}:1: empty gold file: no questions")
    if problems:
        raise GoldError(problems)
    return GoldSet(path=name, items=items, lines=first_line)
