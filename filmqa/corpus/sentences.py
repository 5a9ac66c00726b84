"""Sentence splitting with NLTK's Punkt, trained on the corpus itself.

No downloaded model is needed: Punkt learns abbreviations and collocations
from the corpus text, and we add the titles and ranks film prose is full of
("Lt.", "Sgt.", "Capt.", "Dr.", "U.S."). Over-long "sentences" (lists run
together, text without punctuation) are cut at word boundaries.
"""

from __future__ import annotations

import re

from .._nltk import nltk_module

ABBREVIATIONS = frozenset(
    """lt sgt capt cmdr col gen maj adm cpl pvt det insp supt dr mr mrs ms messrs mme mlle prof rev fr
    sr jr st mt ft ave blvd gov sen rep pres amb hon u.s u.k u.n u.s.a e.g i.e vs approx dept est
    inc ltd corp bros jan feb mar apr jun jul aug sep sept oct nov dec vol pp ed eds nr a.k.a""".split()
)
MAX_SENTENCE_WORDS = 80
TRAIN_SAMPLE_CHARS = 2_000_000


class SentenceSplitter:
    """Punkt with corpus-trained parameters plus a fixed abbreviation list."""

    def __init__(self, sample_text: str = "") -> None:
        punkt = nltk_module("nltk.tokenize.punkt")
        if sample_text.strip():
            trainer = punkt.PunktTrainer()
            trainer.INCLUDE_ALL_COLLOCS = False
            trainer.train(sample_text[:TRAIN_SAMPLE_CHARS], finalize=True)
            params = trainer.get_params()
        else:
            params = punkt.PunktParameters()
        params.abbrev_types.update(ABBREVIATIONS)
        self._punkt = punkt.PunktSentenceTokenizer(params)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans of ``text`` (no leading/trailing spaces)."""
        out: list[tuple[int, int]] = []
        for s, e in self._punkt.span_tokenize(text):
            out.extend(_cap_length(text, s, e))
        return out


_WORD = re.compile(r"\S+")


def _cap_length(text: str, s: int, e: int) -> list[tuple[int, int]]:
    if len(text[s:e].split()) <= MAX_SENTENCE_WORDS:
        return [(s, e)]
    words = list(_WORD.finditer(text, s, e))
    if len(words) <= MAX_SENTENCE_WORDS:
        return [(s, e)]
    spans = []
    for i in range(0, len(words), MAX_SENTENCE_WORDS):
        chunk = words[i : i + MAX_SENTENCE_WORDS]
        spans.append((chunk[0].start(), chunk[-1].end()))
    return spans
