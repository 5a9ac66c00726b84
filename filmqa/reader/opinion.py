"""Opinion questions ("was it any good?", "is it worth watching?", "should I watch it?"): the critics' verdict.

No document says a film "is good" in the question's words, so the answer is read from what the film's own
documents say of its reception: aggregators' scores (86% on Rotten Tomatoes, 87 out of 100 on Metacritic), a
reviewer's rating (4 out of 5, 8/10, ★★★★), and sentences that sum the critics up ("received positive reviews",
"Reviews were mixed"). Each sentence leans one way or none; the documents' balance is the answer, cited.
"""

from __future__ import annotations

import re

from ..models import Answer, Passage
from .extract import find_score
from .replies import Citer, passage_refs
from .router import Reading
from .scoring import ScoredSentence
from .summaries import CRITICS_SUMMED, PLOT_SECTION, _about_pool

# a sentence about how the film was judged, not about what happens in it
_JUDGED = re.compile(r"\b(?:reviews?|reviewed|reviewers?|critics?|critical(?:ly)?|reception|received|acclaim(?:ed)?|rating|rated|"
                     r"score|verdict|rotten tomatoes|metacritic|tomatometer|imdb|letterboxd|any good|worth (?:watching|seeing|it)|"
                     r"must[- ]see|recommend(?:ed)?|masterpiece|one of the (?:best|worst|finest))\b|★", re.I)
_GOOD = re.compile(r"\b(?:positive|acclaim(?:ed)?|praised|praise|rave|raves|glowing|favou?rable|favou?rably|well[- ](?:reviewed|received)|"
                   r"masterpiece|must[- ]see|worth (?:watching|seeing|it|the)|(?:one of )?the (?:best|finest)|certified fresh|"
                   r"highly recommended|recommended|wonderful|excellent|superb|brilliant|universal acclaim|"
                   r"any good\W+yes)\b", re.I)
_BAD = re.compile(r"\b(?:negative|panned|poor(?:ly)?|unfavou?rabl[ey]|dismissed|hated|savaged|scathing|disappointing|disappointment|"
                  r"worst|overrated|not worth|skip it|weak|dull|mediocre|inferior|unfavou?rably|bad reviews|"
                  r"any good\W+no)\b", re.I)
_MIXED = re.compile(r"\b(?:mixed|divided|split|polari[sz]ed|lukewarm|middling)\b"
                    r"|\b(?:praised|liked|admired|loved)\b.*\bbut\s+(?:\w+\s+)?(?:found|felt|thought|critici[sz]ed|disliked|called)\b", re.I)
# a document asking itself the question ("Was it any good?", "So, should you see it?") and the answer after it
_ASKS_ITSELF = re.compile(r"\b(?:any good|worth (?:it|watching|seeing|a watch)|should you (?:see|watch) it|recommend it)\s*\?\s*$", re.I)
_ANSWERS = re.compile(r"^\W*(?P<yes>yes|absolutely|definitely)\b|^\W*(?P<no>no|not really)\b", re.I)
_NAVIGATION = re.compile(r"\s[>›»]\s")
_WORD_NUMBER = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
# "Eight out of ten.", "Four spurs out of five", "3 out of 5 cider bottles": a rating said in words
_SAID_OUT_OF = re.compile(r"\b(?P<n>\d+(?:\.\d+)?|" + "|".join(_WORD_NUMBER) + r")(?:\s+[a-z]+){0,2}\s+out\s+of\s+"
                          r"(?P<d>\d+|five|ten)\b", re.I)
_STARS = re.compile(r"(?P<full>★+)(?P<half>½)?(?P<empty>☆*)")


def _ratio(text: str) -> float | None:
    """The best-known score a sentence gives, as a share of its scale (86% -> 0.86, "Eight out of ten" -> 0.8)."""
    for m in _SAID_OUT_OF.finditer(text):
        n, d = (float(_WORD_NUMBER.get(g.lower(), g)) for g in (m.group("n"), m.group("d")))
        if 0 < d and n <= d:
            return n / d
    for _, value, _ in find_score(text):
        if value.endswith("%"):
            if re.search(r"rotten|tomato|approval|fresh|critics", text, re.I):
                return int(value[:-1]) / 100
        elif "/" in value:
            n, d = value.split("/")
            return float(n) / float(d)
    m = _STARS.search(text)
    if m:
        got = len(m.group("full")) + (0.5 if m.group("half") else 0)
        return got / (got + len(m.group("empty")) if m.group("empty") else 5)
    return None


def leaning(text: str) -> int:
    """+1 a sentence says the film was liked, -1 disliked, 0 neither or both ("Reviews were mixed", "praised X but
    found it inferior")."""
    ratio = _ratio(text)
    if ratio is not None:
        return 1 if ratio >= 0.7 else -1 if ratio <= 0.5 else 0
    if _MIXED.search(text):
        return 0
    good, bad = bool(_GOOD.search(text)), bool(_BAD.search(text))
    return good - bad


def judgements(qa, reading: Reading, hits: list[Passage]) -> list[tuple[int, ScoredSentence]]:
    """(leaning, sentence) for every sentence of the film's own documents that says how it was judged."""
    film = reading.route.film
    out = []
    asked = ""  # the document's own "was it any good?" just before
    for ss in _about_pool(qa, reading, hits, per_doc=400):
        doc = qa.document(ss.passage.doc_id)
        text = ss.sentence.text.strip()
        after, asked = asked, ss.passage.doc_id if _ASKS_ITSELF.search(text) else ""
        if not doc or doc.films[:1] != [film] or PLOT_SECTION.search(ss.passage.section or "") or text.endswith("?") or _NAVIGATION.search(text):
            continue
        answered = _ANSWERS.match(text) if after == ss.passage.doc_id else None
        if answered:
            out.append((1 if answered.group("yes") else -1, ss))
        elif _JUDGED.search(text) or (_JUDGED.search(ss.passage.section or "") or len(text.split()) <= 6) and _ratio(text) is not None:
            out.append((leaning(text), ss))  # (a rating alone on its line: "Eight out of ten.", "Score: 8/10")
    return out


def _strong(ss: ScoredSentence) -> bool:
    """A sentence that gives a score or sums the critics up: the best to quote."""
    return _ratio(ss.sentence.text) is not None or bool(CRITICS_SUMMED.search(ss.sentence.text))


def _bears_out(lean: int, ss: ScoredSentence, verdict: int) -> bool:
    """Whether a sentence bears the verdict out: it leans that way; for a mixed one, it says so or leans either way."""
    return lean == verdict if verdict else bool(lean or _MIXED.search(ss.sentence.text))


_SAY = {1: ("Yes", "the reviews are good"), -1: ("No", "the reviews are poor"), 0: ("Mixed", "opinions are divided")}


def opinion_answer(qa, reading: Reading, hits: list[Passage]) -> Answer | None:
    """Yes, No or Mixed by the balance of the film's documents (each document's own lean counted once), with a
    sentence of each document that leans that way; None when no document judges the film."""
    found = judgements(qa, reading, hits)
    by_doc: dict[str, list[tuple[int, ScoredSentence]]] = {}
    for lean, ss in found:
        by_doc.setdefault(ss.passage.doc_id, []).append((lean, ss))
    if not by_doc:
        return None
    doc_lean = {d: (s > 0) - (s < 0) for d, items in by_doc.items() for s in [sum(lean for lean, _ in items)]}
    total = sum(doc_lean.values())
    verdict = (total > 0) - (total < 0)
    if verdict == 0 and not any(doc_lean.values()) and not any(_MIXED.search(ss.sentence.text) for _, ss in found):
        return None  # sentences about reviews that judge nothing ("It was reviewed in Variety.")
    quoted = []
    for d in sorted(by_doc, key=lambda d: doc_lean[d] != verdict):  # the documents that lean the answer's way first
        lean, ss = max(by_doc[d], key=lambda x: (_bears_out(*x, verdict), _strong(x[1]), len(x[1].sentence.text.split()) >= 5))
        if _bears_out(lean, ss, verdict):
            quoted.append(ss)
    citer = Citer()
    word, gist = _SAY[verdict]
    quoted = quoted[:3]
    text = f"{word} — {gist}.\n" + "\n".join(f"{ss.sentence.text} [{citer.cite(ss)}]" for ss in quoted)
    route = reading.route.model_copy(update={"passages": passage_refs(hits),
                                             "explanation": "the critics' verdict, read from the film's reception"})
    return Answer(question=route.question, answer=word, text=text, citations=citer.citations, route=route,
                  confidence=0.6 if verdict else 0.4)

