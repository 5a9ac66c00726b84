"""Typed models for everything that crosses filmqa's public API.

Data flows one way: files -> ``Document`` (+ structured records) -> ``Passage``
-> ``Route`` -> ``Answer``. Every model is a pydantic model, so any of them can
be dumped with ``.model_dump_json()`` and read back with ``model_validate_json``.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=False, extra="forbid")


# --------------------------------------------------------------------------- corpus


class Sentence(_Model):
    """One sentence of cleaned text; ``start``/``end`` index the original file."""

    text: str
    start: int
    end: int


class InfoboxField(_Model):
    """One ``| key = value`` line of an infobox, value cleaned of markup."""

    key: str
    value: str
    start: int
    end: int


class TableRow(_Model):
    """One row of a markdown or wiki table, as header -> cell."""

    section: str | None = None
    cells: dict[str, str]
    start: int
    end: int


class CastCredit(_Model):
    """An ``Actor as Role`` pair from a cast list (or a prose "Role (Actor)")."""

    actor: str
    role: str
    start: int
    end: int
    version: str = ""  # the version the credit is for, when its list says ("English voice actor", "Japanese cast")


class PageFact(_Model):
    """What a web page says of itself: ``key`` is "author", "site", "updated" or "published";
    ``line`` is the cleaned line that says it (``start``/``end`` index the original file)."""

    key: str
    value: str
    line: str
    start: int
    end: int


class Film(_Model):
    """A film the corpus is about. ``label`` ("Red Heat (1988)") is its key."""

    label: str
    title: str
    year: int | None = None
    doc_ids: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)  # other titles its documents give it ("English: ...")


class Document(_Model):
    """One corpus file after cleaning, with the facts its structure carries."""

    doc_id: str
    title: str
    films: list[str] = Field(default_factory=list)
    sections: list[str] = Field(default_factory=list)
    infobox: list[InfoboxField] = Field(default_factory=list)
    table_rows: list[TableRow] = Field(default_factory=list)
    cast: list[CastCredit] = Field(default_factory=list)
    # what the page says of itself (key "author", "site", "updated" or "published"), from lines kept out of its passages
    page: list[PageFact] = Field(default_factory=list)
    chars: int = 0
    duplicate_of: str | None = None


class Passage(_Model):
    """A few consecutive sentences of one document section.

    ``text`` is what the cleaner makes of ``original[start:end]``; ``score`` is
    the BM25 score of the search that returned it (0 when not from a search).
    """

    id: int
    doc_id: str
    title: str
    section: str | None = None
    text: str
    start: int
    end: int
    sentences: list[Sentence] = Field(default_factory=list)
    films: list[str] = Field(default_factory=list)
    score: float = 0.0


class SkippedFile(_Model):
    """A file the loader could not use, and why (one line)."""

    path: str
    reason: str


# --------------------------------------------------------------------------- answering


class AnswerType(str, Enum):
    PERSON = "person"
    ORGANISATION = "organisation"
    DATE = "date"
    YEAR = "year"
    MONEY = "money"
    DURATION = "duration"
    SCORE = "score"
    NUMBER = "number"
    PLACE = "place"
    TITLE = "title"
    LIST = "list"
    REASON = "reason"
    YESNO = "yesno"
    DESCRIPTION = "description"


class PassageRef(_Model):
    """A passage the router considered, with its score."""

    passage_id: int
    doc_id: str
    section: str | None = None
    score: float


class Route(_Model):
    """How a question was read: what it wants, about which film, and why."""

    question: str
    resolved_question: str
    answer_type: AnswerType
    film: str | None = None
    film_reason: str = ""
    aspect: str | None = None
    focus: str | None = None
    query_terms: list[str] = Field(default_factory=list)
    passages: list[PassageRef] = Field(default_factory=list)
    explanation: str = ""


class Citation(_Model):
    """Source ``[n]`` of a reply: the exact sentence that supports it."""

    n: int
    doc_id: str
    title: str
    section: str | None = None
    quote: str
    start: int
    end: int
    passage_id: int | None = None


class ConflictValue(_Model):
    value: str
    citations: list[int] = Field(default_factory=list)


class Conflict(_Model):
    """Sources that give different values for the same fact."""

    fact: str
    values: list[ConflictValue]


class Answer(_Model):
    """A reply. ``answer`` is None when filmqa abstains."""

    question: str
    answer: str | None
    text: str
    citations: list[Citation] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    route: Route
    confidence: float = 0.0
    leads: list[Citation] = Field(default_factory=list)

    @property
    def abstained(self) -> bool:
        return self.answer is None


class CorpusSummary(_Model):
    """What a loaded corpus holds, for banners and ``--json`` output."""

    root: str
    documents: int
    passages: int
    films: list[str]
    skipped: list[SkippedFile] = Field(default_factory=list)
