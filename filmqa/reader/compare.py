"""Yes or no to a comparison of two films: "Did Red Heat outgross Twins?", "did the sequel make more money
than the first one?".

Answered from a sentence of the film's documents that names the other film (or
calls it "the original", "its predecessor") beside words of comparing: "it was
far outpaced by Twins" (the other did better), "outperforming the original"
(this one did), "well below Commando", "on par with The Running Man" (neither).
"""

from __future__ import annotations

import re

from ..models import Answer
from ..retriever.analysis import STOP_WORDS
from .replies import Citer, passage_refs
from .router import GENERIC, Reading
from .scoring import ScoredSentence

_OUT_VERB = r"out(?:gross|earn|sell|perform|do|pace|strip|box|draw)\w*|surpass\w*|exceed\w*|beat(?:s|ing)?|top(?:s|ped|ping)?|eclips\w*|overt(?:ook|ake|aking|akes)|dwarf\w*"
# the question compares: "did A outgross B", "did A make more money than B", "was A more successful than B"
COMPARE_ASKED = re.compile(
    rf"^(?:and\s+)?(?:did|does|was|is|has|had)\s+(?P<a>.+?)\s+(?:(?P<out>{_OUT_VERB})"
    r"|(?:make|made|earn|earned|gross|grossed|take|took|do|did|bring in|brought in|sell|sold)\s+(?P<dir>more|less|better|worse)(?:\s+(?:money|business|tickets))?(?:\s+at the box[- ]office)?\s+than"
    r"|(?P<dir2>more|less)\s+(?:successful|profitable|lucrative|money)\s+than)"
    r"\s+(?P<b>.+?)\s*(?:at the box[- ]office|worldwide|domestically)?\s*[?.!]*$", re.I)
_PREDECESSOR = r"(?:the\s+)?(?:original|first(?:\s+(?:one|film|movie|part))?|predecessor|previous\s+(?:one|film|movie))|its\s+predecessor"
_SUCCESSOR = r"(?:the\s+|its\s+)?(?:sequel|second(?:\s+(?:one|film|movie))?|follow-up)"
_PASSIVE_OUT = re.compile(rf"\b(?:was|were|been|being|is)\s+(?:\w+\s+){{0,2}}?(?:{_OUT_VERB})\s+by\b", re.I)
_ACTIVE_OUT = re.compile(rf"\b(?:{_OUT_VERB})\b", re.I)
_BELOW = re.compile(r"\b(?:less than|below|behind|short of|a fraction of|far from|trail(?:ed|ing)?)\b", re.I)
_ABOVE = re.compile(r"\b(?:more than|above|ahead of|twice|double|triple|bigger than|higher than)\b", re.I)
_LEVEL = re.compile(r"\b(?:on par with|level with|as much as|the same as|matched|matching|equal(?:led|ling)?)\b", re.I)


def _other_film_pattern(b: str) -> str | None:
    """A pattern for how a sentence names the film compared with: its title words, or "the original"."""
    if re.fullmatch(_PREDECESSOR, b, re.I):
        return r"\b(?:original|predecessor|first (?:film|movie|one|part))\b"
    if re.fullmatch(_SUCCESSOR, b, re.I):
        return r"\b(?:sequel|follow-up|second (?:film|movie|one|part))\b"
    words = [w for w in re.findall(r"[\w'’]+", b) if w.lower() not in STOP_WORDS and w.lower() not in GENERIC]
    if not words:
        return None
    return r"\b" + r"\W+(?:\w+\W+)?".join(map(re.escape, words)) + r"\b"


def _verdict(text: str, at: int, end: int) -> str | None:
    """What the sentence says of its film against the one named at text[at:end]: "more", "less", "level", or None."""
    before = text[max(0, at - 70) : at]
    if _PASSIVE_OUT.search(before):
        return "less"  # "was far outpaced by ... Twins"
    if re.match(rf"\s+(?:\w+\s+)?(?:{_OUT_VERB})\b", text[end:], re.I):
        return "less"  # "Twins outgrossed it"
    clause = re.split(r"[;:]|,\s+but\b|\.\s", before)[-1]
    said = [(m.end(), word) for pat, word in ((_LEVEL, "level"), (_BELOW, "less"), (_ABOVE, "more"), (_ACTIVE_OUT, "more"))
            for m in pat.finditer(clause)]
    return max(said)[1] if said else None


def compare_answer(qa, reading: Reading, hits: list) -> Answer | None:
    """Yes or no to "did A do better than B?", from a sentence of A's documents that compares them; None
    when the question compares nothing or no sentence does."""
    route = reading.route
    m = COMPARE_ASKED.search(route.resolved_question)
    film = qa.film(route.film) if route.film else None
    if not m or film is None:
        return None
    other = _other_film_pattern(m.group("b"))
    if other is None:
        return None
    more = not re.match(r"less|worse", m.group("dir") or m.group("dir2") or "", re.I)
    for doc_id in film.doc_ids:
        for pid in qa.passage_range(doc_id):
            p = qa.passages[pid]
            for s in p.sentences:
                for named in re.finditer(other, s.text, re.I):
                    verdict = _verdict(s.text, named.start(), named.end())
                    if verdict is None:
                        continue
                    yes = verdict == ("more" if more else "less")
                    citer = Citer()
                    n = citer.cite(ScoredSentence(s, p, 1.0, 1.0))
                    answer = "Yes" if yes else "No"
                    r = route.model_copy(update={"passages": passage_refs(hits), "explanation": "a sentence comparing the two films"})
                    return Answer(question=route.question, answer=answer, text=f"{answer}. {s.text} [{n}]",
                                  citations=citer.citations, route=r, confidence=0.8)
    return None
