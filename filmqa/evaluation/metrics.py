"""Answer normalisation, exact match, token F1 and the correctness rules.

Normalisation is SQuAD's (lower case, punctuation and the articles a/an/the
removed, whitespace collapsed), applied after Unicode NFKC folding so curly
quotes and dashes count as punctuation too.

Correctness (see eval/README.md) works on *values*: a gold value is one entry of
``answers``, possibly with several spellings separated by ``|``. A value is
*found* in a text when the match tokens of one of its spellings occur as a
contiguous run of the text's match tokens ("Walter Hill" is found in
"Directed by Walter Hill."; "8" is not found in "1988"). Match tokens are the
SQuAD normalisation with one change: a possessive "'s" and apostrophes are
dropped but other punctuation becomes a space, so words joined by a dash or a
slash ("woman—paving", "Destroyer/Red") stay apart.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from typing import Iterable, Sequence

from filmqa.models import Answer, AnswerType

from .gold import GoldTurn, split_variants

__all__ = [
    "citation_supported",
    "conflict_values_reported",
    "exact_match",
    "find_values",
    "is_correct",
    "match_tokens",
    "normalize_answer",
    "best_em_f1",
    "token_f1",
    "tokens",
    "value_found",
]

_ARTICLES = re.compile(r"\b(a|an|the)\b")
# A letter grade keeps its sign and is not an article: "A+" -> "aplus", "B-" -> "bminus"
_GRADE = re.compile(r"(?<![\w+\-\u2212])([a-f])\s?(\+|-|\u2212)(?![\w+\-\u2212])")


_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
# "14 March 1974" and "March 14, 1974" are one date: day-first is read month-first
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b")


def _canonical(text: str) -> str:
    """Lower-cased NFKC text with dates month-first and letter grades spelt out,
    the common first step of ``normalize_answer`` and ``match_tokens``."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _DAY_FIRST.sub(lambda m: f"{m.group(2)} {m.group(1)}", text)
    return _GRADE.sub(lambda m: m.group(1) + ("plus" if m.group(2) == "+" else "minus"), text)


_ASCII_PUNCT = set(string.punctuation)


def _is_punct(ch: str) -> bool:
    return ch in _ASCII_PUNCT or unicodedata.category(ch).startswith("P")


def normalize_answer(text: str | None) -> str:
    """SQuAD normalisation: lower, drop punctuation and articles, fix whitespace."""
    if not text:
        return ""
    text = _canonical(text)
    text = "".join(ch for ch in text if not _is_punct(ch))
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def tokens(text: str | None) -> list[str]:
    return normalize_answer(text).split()


_POSSESSIVE = re.compile(r"['\u2019]s\b")
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")


def match_tokens(text: str | None) -> list[str]:
    """Tokens for finding a value in a text (see the module docstring)."""
    if not text:
        return []
    text = _canonical(text)
    text = _APOSTROPHES.sub("", _POSSESSIVE.sub("", text))
    text = "".join(" " if _is_punct(ch) else ch for ch in text)
    return _ARTICLES.sub(" ", text).split()


def exact_match(prediction: str | None, gold: str) -> bool:
    return normalize_answer(prediction) == normalize_answer(gold)


def token_f1(prediction: str | None, gold: str) -> float:
    """SQuAD token F1 between a prediction and one gold string."""
    return _f1(tokens(prediction), tokens(gold))


def _f1(pred: list[str], ref: list[str]) -> float:
    if not pred or not ref:
        return float(pred == ref)
    common = Counter(pred) & Counter(ref)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision, recall = same / len(pred), same / len(ref)
    return 2 * precision * recall / (precision + recall)


def best_em_f1(prediction: str | None, answers: Iterable[str]) -> tuple[bool, float]:
    """Best exact match and F1 over every spelling of every gold value."""
    spellings = [s for answer in answers for s in split_variants(answer)]
    if prediction is None or not spellings:
        return False, 0.0
    pred = normalize_answer(prediction)  # once, not once per spelling
    golds = [normalize_answer(s) for s in spellings]
    em = pred in golds
    f1 = max(_f1(pred.split(), g.split()) for g in golds)
    return em, f1


def _contains(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    if not needle:
        return False
    n = len(needle)
    first = needle[0]
    return any(
        haystack[i] == first and list(haystack[i : i + n]) == list(needle)
        for i in range(len(haystack) - n + 1)
    )


def value_found(text: str | None, value: str) -> bool:
    """Whether one spelling of the gold value occurs (token-contiguous) in text."""
    return bool(find_values([text], [value]))


def find_values(texts: Iterable[str | None], answers: Iterable[str]) -> list[str]:
    """The gold values found in any of the texts (in gold order, each once).

    Each text and each spelling is tokenised once, not once per pair.
    """
    hays = [match_tokens(t) for t in texts if t]
    found = []
    for answer in answers:
        needles = [match_tokens(spelling) for spelling in split_variants(answer)]
        if any(_contains(hay, needle) for hay in hays for needle in needles):
            found.append(answer)
    return found


def _polarity(text: str | None) -> str | None:
    words = match_tokens(text)
    return words[0] if words and words[0] in ("yes", "no") else None


def conflict_values_reported(reply: Answer, answers: Sequence[str]) -> list[str]:
    """Gold values found among the values of ``reply.conflicts``."""
    values = [v.value for c in reply.conflicts for v in c.values]
    return find_values(values, answers)


def is_correct(gold: GoldTurn, reply: Answer) -> bool:
    """The judging rule of eval/README.md.

    * unanswerable: correct iff the reply abstains (``answer is None``);
    * abstaining on an answerable question is wrong;
    * ``all``: every gold value is found in ``answer`` + ``text``;
    * ``conflict``: at least two distinct gold values are found across
      ``answer``, ``text`` and the values of ``conflicts``;
    * ``yesno``: the normalised answer starts with the gold "yes"/"no";
    * otherwise: one gold value is found in ``answer``.
    """
    if not gold.answerable:
        return reply.answer is None
    if reply.answer is None:
        return False
    if gold.all_:
        return len(find_values([reply.answer, reply.text], gold.answers)) == len(gold.answers)
    if gold.conflict:
        texts = [reply.answer, reply.text] + [v.value for c in reply.conflicts for v in c.values]
        return len(find_values(texts, gold.answers)) >= 2
    if gold.type == AnswerType.YESNO:
        wanted = {normalize_answer(s) for a in gold.answers for s in split_variants(a)}
        return _polarity(reply.answer) in wanted
    return bool(find_values([reply.answer], gold.answers))


def citation_supported(gold: GoldTurn, quotes: Sequence[str]) -> bool | None:
    """Whether the cited quotes hold the gold answer (None: not measurable).

    The same rule as :func:`is_correct` applied to the quotes: one value found
    in a quote; for ``all`` every value across the quotes; for ``conflict`` two
    values across the quotes. Unanswerable and yes/no questions have no value
    to quote: None, and they are left out of the citation-support figure.
    """
    if not gold.answerable or gold.type == AnswerType.YESNO:
        return None
    if not quotes:
        return False
    found = find_values(quotes, gold.answers)
    if gold.all_:
        return len(found) == len(gold.answers)
    if gold.conflict:
        return len(found) >= 2
    return bool(found)
