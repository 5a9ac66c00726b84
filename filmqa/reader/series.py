"""Which film follows which: "Is there a sequel to X?" answered with the sequel's title.

The question is about X (its documents say what followed it); the answer is a
title. When the corpus holds the sequel itself (a corpus title that extends X's,
"Night Train" -> "Night Train II"), that film's title is the answer, cited by a
sentence that ties the two. Otherwise the title is read after a sequel cue in
X's documents: "followed by Y (1995)", "the sequel Y", "Y followed in 1995"; or "No" where they
say there is none ("No sequel has been made").
"""

from __future__ import annotations

import re

from ..corpus.films import TITLE_PATTERN
from .records import sentence_at
from .router import Reading, series_member

_CUE = re.compile(r"\b(?:sequels?|follow-ups?|followed|continued|next (?:film|movie|installment|instalment|entry|chapter))\b", re.I)
# a title said after a cue ("followed by Y", "the sequel, Y", "the direct-to-video sequel Y") -- not "a sequel to Y",
# which names what came before -- or before "followed" ("Y followed in 1995")
_CONNECTORS = r"(?:of|the|a|an|and|in|on|at|to|for|from|with|de|la|le|du|vs\.?)"
_AFTER_CUE = re.compile(
    rf"\b(?:(?:sequels?|follow-ups?)(?!\s+(?:to|of|for)\b)|followed\s+(?:up\s+)?by|continued\s+(?:in|by|with)|next\s+(?:film|movie|installment|instalment|entry|chapter)(?:\s+(?:was|is))?)"
    rf"[,:]?\s+(?:(?:was|is|called|titled|entitled|named|the|a|an)\s+)*[\"“'‘*_]?(?P<t>{TITLE_PATTERN})"
)
# "No sequel has been made", "there has been no film sequel", "a sequel was never made"
_NO_SEQUEL = re.compile(r"\b(?:no|never\s+(?:got|had|made|received)\s+a)\s+(?:\w+\s+){0,2}(?:sequels?|follow-ups?)\b(?!\s+to\b)"
                        r"|\b(?:sequels?|follow-ups?)\s+(?:was|were|has|have|had)\s+(?:\w+\s+)?(?:never|not)\s+(?:been\s+)?(?:made|produced|released)\b", re.I)
_BEFORE_CUE = re.compile(rf"(?P<t>{TITLE_PATTERN})\s+(?:followed|came next|was next)\b")


def _tidy(title: str) -> str:
    """The title without trailing connectors, punctuation or a year in parentheses."""
    words = title.strip(" \"”'’*_.,;:").split()
    while words and re.fullmatch(_CONNECTORS, words[-1]):
        words.pop()
    return " ".join(words).rstrip(".,;:")


def _sentences(qa, labels: list[str]):
    for label in labels:
        film = qa.film(label)
        for doc_id in film.doc_ids if film else ():
            for pid in qa.passage_range(doc_id):
                p = qa.passages[pid]
                for s in p.sentences:
                    yield doc_id, s


def sequel_lookup(qa, kb, reading: Reading):
    """(sequel title, supporting sentences) for a question asking what followed the routed film, or None."""
    film = reading.route.film
    if not reading.sequel_asked or not film or qa.film(film) is None:
        return None
    own = qa.film(film)
    later = series_member(film, kb, later=True)
    if later is not None and qa.film(later) is not None:
        # the corpus holds it: a sentence that names the sequel (or the film it follows) beside a sequel cue
        nxt = qa.film(later)
        names = [n.lower() for n in (nxt.title, *nxt.aliases)]
        to_base = re.compile(r"\b(?:sequel|follow-up|successor)\s+(?:to|of)\s+(?:the\s+(?:film|movie)\s+)?(?:%s)\b"
                             % "|".join(re.escape(n) for n in (own.title, *own.aliases)), re.I)
        support = {}
        for doc_id, s in _sentences(qa, [later, film]):
            text = s.text.lower()
            if _CUE.search(s.text) and (any(n in text for n in names) or doc_id in nxt.doc_ids and to_base.search(s.text)):
                ss = sentence_at(qa, doc_id, s.start)
                if ss:
                    support.setdefault((doc_id, ss.sentence.start), ss)  # passages overlap: a sentence once
        return (nxt.title, list(support.values())[:3]) if support else None
    mine = {n.lower() for n in (own.title, *own.aliases)}
    denial = None
    for doc_id, s in _sentences(qa, [film]):
        for pattern in (_AFTER_CUE, _BEFORE_CUE):
            for m in pattern.finditer(s.text):
                title = _tidy(m.group("t"))
                if len(title) < 2 or title.lower() in mine or not title[0].isupper() and not title[0].isdigit():
                    continue
                ss = sentence_at(qa, doc_id, s.start)
                if ss:
                    return title, [ss]
        if denial is None and _NO_SEQUEL.search(s.text):
            denial = sentence_at(qa, doc_id, s.start)
    return ("No", [denial]) if denial else None  # "No sequel has been made."
