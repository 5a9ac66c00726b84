"""The offsets contract, checked the same way by every test that relies on it.

A passage's ``start``/``end`` (and each of its sentences') index the original
file, and cleaning that span gives back its text (see ``corpus/cleaning.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from filmqa import Passage
from filmqa.corpus.cleaning import clean


def span_errors(passages: Iterable[Passage], originals: dict[str, str]) -> list[str]:
    """Every passage or sentence whose span is not its text in ``originals`` (doc id -> raw text)."""
    errors = []
    for p in passages:
        orig = originals[p.doc_id]
        if clean(orig[p.start : p.end]) != p.text:
            errors.append(f"passage {p.id} of {p.doc_id} ({p.start}-{p.end})")
        for s in p.sentences:
            if not p.start <= s.start < s.end <= p.end or clean(orig[s.start : s.end]) != s.text:
                errors.append(f"sentence {s.start}-{s.end} of passage {p.id} ({p.doc_id})")
    return errors
