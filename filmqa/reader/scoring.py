"""Sentence scoring: which sentences of the retrieved passages speak to the question, and how fully.

Every later step (candidates, yes/no, summaries) reads sentences in this order, so a sentence's
coverage (the idf-weighted share of the question's key terms it holds) is worked out once, here.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

from ..corpus.structure import split_field
from ..models import AnswerType, Passage, Sentence
from ..retriever.analysis import analyse
from .extract import DURATION, find_certificate, find_score
from .router import Reading

T = AnswerType

MIN_COVERAGE = 0.5


@dataclass
class ScoredSentence:
    sentence: Sentence
    passage: Passage
    score: float
    coverage: float
    infobox_key: str | None = None


def boosted(ss: ScoredSentence, by: float, coverage: float = 0.0) -> ScoredSentence:
    """``ss`` scored ``by`` higher (lower when negative) and covering at least ``coverage``: how a sentence that
    answers a question in other words than its own ("it was a box-office bomb" for "did it make money?") is lifted."""
    return replace(ss, score=ss.score + by, coverage=max(ss.coverage, coverage))


def _idf(qa, term: str) -> float:
    df = qa.engine.doc_freq(term)
    n = max(qa.engine.n_docs, 1)
    return max(math.log((n - df + 0.5) / (df + 0.5) + 1.0), 0.05) if df else 0.0


def score_sentences(qa, reading: Reading, hits: list[Passage], extra: list[tuple[Sentence, Passage]] = ()) -> list[ScoredSentence]:
    """Every sentence of the hits (and the ``extra`` record sentences), best first.

    coverage: the idf-weighted share of the question's key terms the sentence
    (or its section heading) holds, a term counting as held when one of its
    alternatives (synonyms, the aspect's words) is there.
    """
    keys = list(dict.fromkeys(reading.key_terms))
    weights = {t: _idf(qa, t) for t in keys}
    known = [w for w in weights.values() if w > 0]
    for t, w in weights.items():
        if w == 0:  # a word the corpus never uses still counts as not covered
            weights[t] = sum(known) / len(known) if known else 1.0
    total = sum(weights.values()) or 1.0
    alts = {t: reading.alternatives.get(t, {t}) | {t} for t in keys}
    all_alts = sorted({a for v in alts.values() for a in v})
    expansion = set(reading.expansion)
    top = max((p.score for p in hits), default=1.0) or 1.0
    runtime = reading.route.aspect == "runtime"  # "how long is it?": a length ("· 101 min ·") speaks of it unnamed
    certificate = reading.route.aspect == "certificate"
    by_site = reading.route.answer_type == T.SCORE and not certificate
    masthead = functools.lru_cache(maxsize=None)(lambda doc_id: masthead_terms(qa, doc_id, reading.route.resolved_question, reading.key_terms))
    # "where was it filmed?": "film" is also the noun in every sentence ("The film follows ..."), so the
    # filming words count only in a sentence or heading that speaks of filming
    filming = reading.route.aspect == "filming" and reading.route.answer_type == T.PLACE
    items = [(s, p, rank, p.score) for rank, p in enumerate(hits) for s in p.sentences]
    items += [(s, p, len(hits), 0.5 * top) for s, p in extra]
    out: list[ScoredSentence] = []
    # "Which writers worked on the constantly rewritten script?": "The script was constantly rewritten. Among the
    # writers who worked on it were ...": a list's sentence may leave to the one before it what it speaks of
    listing = reading.route.answer_type == T.LIST and reading.element_type is not None
    prev: tuple[int, set[str]] = (-1, set())
    for s, p, rank, pscore in items:
        section_terms = set(analyse(p.section or ""))
        terms = _with_prefixes(set(analyse(s.text)), all_alts)
        before_terms = prev[1] if listing and prev[0] == p.id else set()
        prev = (p.id, terms)
        if filming and not FILMING_SAID.search(s.text):
            terms -= _FILMING_STEMS
            section_terms = section_terms - _FILMING_STEMS if not FILMING_SAID.search(p.section or "") else section_terms
        fld = split_field(s.text) if p.section == "Infobox" else None
        infobox_key = fld[0] if fld else None
        if by_site:
            # "what rating did Popcorn Pulse give it?": a page of that site ("POPCORN PULSE ... © Popcorn Pulse") speaks for it
            section_terms = section_terms | masthead(p.doc_id)
            pscore += 0.3 * top if any(find_score(s.text)) else 0.0
        covered = sum(w for t, w in weights.items() if alts[t] & terms or (alts[t] & section_terms and len(keys) > 1))
        exp = len(expansion & (terms | section_terms))
        # with no content words of its own ("how long is it?"), the aspect's words must appear
        coverage = covered / total if keys else (1.0 if exp or (runtime and DURATION.search(s.text)) else 0.3)
        if before_terms and covered:
            with_before = sum(w for t, w in weights.items() if alts[t] & (terms | before_terms))
            coverage = max(coverage, 0.9 * with_before / total)
        if certificate and any(find_certificate(s.text)):
            coverage = 1.0  # "the parents guide identifies it as R" says the rating without the question's words
        score = coverage + 0.35 * pscore / top + 0.15 * min(exp, 3) - 0.02 * rank
        # a fact sheet's "Running time: 89 minutes" names its field as an infobox does
        field_key = infobox_key or (m.group("k").strip().lower() if (m := FACT_LINE.match(s.text)) else None)
        if field_key and field_key in reading.infobox_keys:
            score += 0.6 if field_key in reading.primary_keys else 0.2
            coverage = max(coverage, 0.75)
        out.append(ScoredSentence(s, p, score, coverage, infobox_key))
    out.sort(key=lambda x: -x.score)
    # a sentence repeated by overlapping passages counts once
    seen = set()
    unique = []
    for ss in out:
        key = (ss.passage.doc_id, ss.sentence.start)
        if key not in seen:
            seen.add(key)
            unique.append(ss)
    return unique


def masthead_terms(qa, doc_id: str, question: str, key_terms: list[str]) -> set[str]:
    """The question's words that name the page's site ("what did Popcorn Pulse give it?" on a page that opens
    "POPCORN PULSE"): a whole run of the question's key words, written capitalised in the page's first or last lines."""
    ids = qa.passage_range(doc_id)
    if not len(ids):
        return set()
    first, last = qa.passages[ids[0]], qa.passages[ids[-1]]
    doc = qa.document(doc_id)
    # the site's name as the page's masthead or footer gives it (corpus/bylines.py), wherever its passages begin
    sites = " ".join(f.value for f in doc.page if f.key == "site") if doc else ""
    head = " ".join(f"{first.text[:300]} {last.text[-300:]} {sites}".split())
    keys = set(key_terms)
    runs: list[list[str]] = [[]]
    for w in re.findall(r"[\w'’]+|&", question):
        stem = analyse(w)
        if (stem and stem[0] in keys) or (w == "&" and runs[-1]):
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    out: set[str] = set()
    for run in runs:
        while run and run[-1] == "&":
            run = run[:-1]
        m = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, run)) + r"(?!\w)", head, re.I) if run else None
        if m and m.group()[:1].isupper():
            out.update(analyse(" ".join(run)))
    return out


FACT_LINE = re.compile(r"^\W*(?P<k>[A-Za-z][\w /-]{1,30}?)\s*(?::|\s\|)\s+\S")  # "Running time: 89 minutes", "Runtime | 131 min"
FILMING_SAID = re.compile(r"\b(?:shot|shoot|filmed|filming|shooting|photographed|lensed|principal photography|locations?|on location|exteriors|interiors)\b(?!-)", re.I)
_FILMING_STEMS = frozenset(analyse("film filmed shot shoot shooting location locations"))


def _with_prefixes(terms: set[str], keys: list[str]) -> set[str]:
    """Add each key term that shares a 5+ letter stem prefix with a sentence term
    ("director" ~ "direct", "cinematograph" ~ "cinematographi")."""
    extra = set()
    for k in keys:
        if k in terms or len(k) < 5:
            continue
        for t in terms:
            if len(t) >= 5 and (t.startswith(k) or k.startswith(t)):
                extra.add(k)
                break
    return terms | extra if extra else terms
