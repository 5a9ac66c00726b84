"""Answers read straight from structured records: cast pairs and table rows.

"Who played <role>?" / "Which character does <actor> play?" are looked up in
the cast lists; "Who published the VHS?" in a table whose header says
"Publisher" and whose row mentions "VHS". Each answer cites the list item or
table row it came from.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..models import Passage
from ..retriever.analysis import STOP_WORDS, analyse
from .composer import ScoredSentence
from .router import GENERIC, Reading

_ROLE_NOISE = {"capt", "captain", "det", "sgt", "lt", "cmdr", "lieutenant", "sergeant", "detective", "commander", "dr", "mr", "mrs", "the"}
ASK_ROLE = re.compile(r"\b(?:which|what)\s+(?:character|role|part)\b|\bwho (?:does|did|do) .+ play\b|\bplays? (?:as|whom|who)\b|\bplay(?:ed|s)? which\b|\brole (?:of|did|does)\b|\bwhat (?:role|part)\b", re.I)


def _tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", "")) if t not in STOP_WORDS and t not in _ROLE_NOISE and len(t) > 1}


def located(qa, doc_id: str, offset: int):
    """(sentence, passage) of ``doc_id`` that covers character ``offset``, or None."""
    for pid in qa.passage_range(doc_id):
        p: Passage = qa.passages[pid]
        if p.start <= offset < p.end:
            for s in p.sentences:
                if s.start <= offset < s.end or s.start == offset:
                    return s, p
    return None


def sentence_at(qa, doc_id: str, offset: int) -> ScoredSentence | None:
    """The indexed sentence of ``doc_id`` that covers character ``offset``."""
    found = located(qa, doc_id, offset)
    return ScoredSentence(found[0], found[1], 2.0, 1.0) if found else None


def record_sentences(qa, kb, reading: Reading) -> list:
    """Sentences of the film's structured records that bear on the question.

    Infobox fields whose key belongs to the question's aspect, and table rows
    with a cell naming one of the question's words (or their alternatives):
    found whatever BM25 ranks, because a record is terse and rarely wins on terms.
    """
    route = reading.route
    films = [route.film] if route.film else list(kb.facts)
    out = []
    seen = set()

    def add(doc_id: str, offset: int) -> None:
        found = located(qa, doc_id, offset)
        if found and (doc_id, found[0].start) not in seen:
            seen.add((doc_id, found[0].start))
            out.append(found)

    keys = set(reading.infobox_keys)
    if keys:
        for f in films:
            facts = kb.facts.get(f)
            for doc_id, fld in facts.infobox if facts else ():
                if fld.key.lower() in keys:
                    add(doc_id, fld.start)
    wanted = {a for t in reading.key_terms for a in reading.alternatives.get(t, {t})}
    if wanted and route.film and qa.film(route.film):
        for doc_id in qa.film(route.film).doc_ids:
            doc = qa.document(doc_id)
            for row in doc.table_rows if doc else ():
                cells = set()
                for h, v in row.cells.items():
                    cells |= set(analyse(v))
                if len(wanted & cells) >= min(2, len(wanted)):
                    add(doc_id, row.start)
    return out[:12]


def cast_lookup(qa, kb, reading: Reading):
    """(answer, supporting sentences) from cast lists, or None."""
    route = reading.route
    if route.aspect != "cast" and not re.search(r"\bplay|\bportray|\bcharacter|\brole\b", route.resolved_question, re.I):
        return None
    facts = kb.facts.get(route.film) if route.film else None
    pairs = facts.cast if facts else [p for f in kb.facts.values() for p in f.cast]
    if not pairs:
        return None
    q = _tokens(route.resolved_question) - {w for w in GENERIC}
    want_role = bool(ASK_ROLE.search(route.resolved_question))
    best: dict[str, list] = defaultdict(list)
    top = 0.0
    for doc_id, c in pairs:
        actor_t, role_t = _tokens(c.actor), _tokens(c.role)
        a = len(q & actor_t) / max(len(actor_t), 1)
        r = len(q & role_t) / max(len(role_t), 1)
        if want_role and a > 0:
            score, answer = a + 0.5, c.role
        elif r > 0 and r >= a:
            score, answer = r, c.actor
        elif a > 0:
            score, answer = a, c.role
        else:
            continue
        if score < top - 1e-9:
            continue
        if score > top + 1e-9:
            best.clear()
            top = score
        best[answer].append((doc_id, c))
    if not best or top < 0.3:
        return None
    # the same person may be written two ways across documents: group by surname tokens
    answer = max(best, key=lambda a: (len(best[a]), -len(a)))
    support = []
    for doc_id, c in best[answer]:
        ss = sentence_at(qa, doc_id, c.start)
        if ss and all(s.passage.doc_id != doc_id for s in support):
            support.append(ss)
    answer = re.sub(r"^(?:Capt|Det|Sgt|Lt|Cmdr)\.\s+(?:(?:Sgt|Lt)\.\s+)?", "", answer).strip()
    return (answer, support) if support else None


def _fits(value: str, atype: str) -> bool:
    """Whether a table cell can be an answer of the asked type."""
    has_year = bool(re.search(r"\b(?:18|19|20)\d\d\b", value))
    if atype in ("date", "year"):
        return has_year
    if atype in ("organisation", "person", "place", "title"):
        return not has_year and bool(re.search(r"[A-Za-z]{2}", value))
    return True


def table_lookup(qa, kb, reading: Reading):
    """(answer, supporting sentences) from a table row whose header the question names."""
    route = reading.route
    q_terms = set(reading.content_terms)
    if not q_terms:
        return None
    docs = qa.film(route.film).doc_ids if route.film and qa.film(route.film) else [d.doc_id for d in qa.documents]
    scored = []
    for doc_id in docs:
        doc = qa.document(doc_id)
        for row in doc.table_rows if doc else []:
            for header, value in row.cells.items():
                h_terms = set(analyse(header))
                if not h_terms or not (h_terms & q_terms) or not _fits(value, route.answer_type.value):
                    continue
                others = set()
                for h2, v2 in row.cells.items():
                    if h2 != header:
                        others |= set(analyse(v2))
                match = len((q_terms - h_terms) & others)
                if match:
                    scored.append((match, doc_id, row, value))
    if not scored:
        return None
    top = max(s[0] for s in scored)
    rows = [s for s in scored if s[0] == top]
    values: dict[str, list] = defaultdict(list)
    for _, doc_id, row, value in rows:
        values[value].append((doc_id, row))
    answer = max(values, key=lambda v: len(values[v]))
    support = []
    for doc_id, row in values[answer][:2]:
        ss = sentence_at(qa, doc_id, row.start)
        if ss:
            support.append(ss)
    others = [v for v in values if v != answer]
    if others and route.answer_type.value == "list":
        answer = ", ".join([answer] + others)
    return (answer, support) if support else None
