"""What a film won (or was nominated for): "What awards did it win?", "What Oscar did it win?",
"what did it win at Sundance?", "which awards was it nominated for?".

Read from every document of the film: an accolades table's rows whose result
column says "Won" (its category, else its award), and prose that names an
award after a verb of winning ("won the Saturn Award for Best Science Fiction
Film", "won both the Grand Jury Prize and the Audience Award"). An award named
in the question ("Oscar", "at Sundance") keeps the awards said of it only.
"""

from __future__ import annotations

import re

from ..models import Answer
from ..retriever.analysis import analyse
from .replies import Citer, joined, passage_refs
from .knowledge import ELIDED, MARK, PARTICLE, UPPER
from .router import Reading
from .scoring import ScoredSentence

# the question asks what was won (or what it was up for), not whether
AWARDS_ASKED = re.compile(
    r"^(?:and\s+)?(?:what|which)\b(?:\s+[\w'’-]+){0,3}?\s+(?:(?:has|have|had|did|does|do)\s+.+?\s+(?:win|won|receive|received|get|got|take home|pick up|collect)"
    r"|(?:was|were|is|has|had)\s+.+?\s+(?:been\s+)?(?P<nom>nominated|up)\s+for)\b", re.I)
_AWARD_WORDS = r"(?:Awards?|Prize|Oscars?|BAFTAs?|Globes?|Palme\s+d['’]Or|Bear|Lion|Shell|C[ée]sars?|Goyas?|Razzies?|Trophy|Medal|Emmys?)"
# "the World Cinema Audience Award for documentary", "Saturn Award for Best Actress", "the Golden Bear"
_CATEGORY = r"(?:\s+for\s+(?:(?:Best|Outstanding|Most)\s+)?[\w'’/-]+(?:\s+(?:[A-Z][\w'’/-]*|(?:in|of|a|the|or)\b|and(?=\s+[A-Z])))*)?"
# a capitalised word of an award's name, in any language: "Nastro d'Argento", "Premio della Critica"
_CAPS = rf"{ELIDED}?[{UPPER}][\w'’.:{MARK}-]*"
_GAP = rf"\s+(?:{PARTICLE}\s+)?"
AWARD_PHRASE = re.compile(
    rf"(?:{_CAPS}{_GAP}){{0,6}}{_AWARD_WORDS}\b{_CATEGORY}|(?:{_CAPS}{_GAP}){{1,6}}(?:prize|award|trophy)\b{_CATEGORY}"
    # "took home the Golden Harp for Best Comedy": what is won right after the winning, whatever it is called
    rf"|(?:(?<=\bwon )|(?<=took home )|(?<=collected )|(?<=picked up )|(?<=awarded ))(?:both\s+)?(?:the\s+|an?\s+|its\s+)?(?:{_CAPS}{_GAP}){{0,5}}{_CAPS}{_CATEGORY}")
_WON_VERB = re.compile(r"\b(?:won|wins|winning|received|receiving|took home|picked up|was awarded|were awarded|collected|earned|scooped)\b", re.I)
_NOM_VERB = re.compile(r"\b(?:nominat\w*|shortlisted|in the running|up for|lost)\b", re.I)
# index terms of the question that ask for awards rather than name one; the names people use for some
_ASKING = frozenset(analyse("award awards prize prizes win won wins receive received get got take home pick up collect nominated "
                            "nomination nominations up honour honor accolade accolades"))
_ALIASES = {t: p for w, p in [("oscar", "academy award|oscar"), ("bafta", "bafta|british academy"), ("globe", "golden globe"),
                               ("cesar", "c[ée]sar")] for t in analyse(w)}


def _qualifiers(reading: Reading) -> list[str]:
    """Award names or festivals the question narrows to ("Oscar", "at Sundance"), as patterns."""
    out = []
    for t in reading.key_terms:
        if t not in _ASKING:
            out.append(_ALIASES.get(t, rf"\b{re.escape(t)}"))
    return out


def _said(text: str, at: int, end: int, nominated: bool) -> bool:
    """Whether the award at text[at:end] is said to be won (or, ``nominated``, to have been up for)."""
    after = text[end : end + 14]
    if re.match(r"\s+nominations?\b", after, re.I):
        return nominated  # "an Academy Award nomination for ..."
    if re.search(r"\b(?:at|during|from)\s+(?:the\s+)?(?:\d+\w*\s+)?$", text[max(0, at - 20) : at], re.I):
        return False  # "at the 81st Academy Awards": the ceremony, not a prize
    clause = re.split(r"[.;]\s|\s[–—]\s", text[:at])[-1]
    verbs = [(m.start(), False) for m in _WON_VERB.finditer(clause)] + [(m.start(), True) for m in _NOM_VERB.finditer(clause)]
    if not verbs:
        return False
    return max(verbs)[1] == nominated


def awards_of(qa, reading: Reading) -> list[tuple[str, object]]:
    """(award, (sentence, passage)) pairs the film's documents say it won (or was nominated for), document order."""
    from .records import located

    route = reading.route
    m = AWARDS_ASKED.search(route.resolved_question)
    film = qa.film(route.film) if route.film else None
    if not m or film is None:
        return []
    nominated = bool(m.group("nom"))
    quals = _qualifiers(reading)
    fits = (lambda s: any(re.search(p, s, re.I) for p in quals)) if quals else (lambda s: True)
    found: dict[str, tuple[str, object]] = {}
    for doc_id in film.doc_ids:
        doc = qa.document(doc_id)
        for row in doc.table_rows if doc else ():
            result = next((v for h, v in row.cells.items() if re.search(r"result|outcome|status", h, re.I)), None)
            if result is None or not re.match(r"(?:won|winner|nominated|nominee)\b", result.strip(), re.I):
                continue
            if result.lower().startswith(("won", "winner")) == nominated or not fits(" ".join(row.cells.values())):
                continue
            name = next((v for h, v in row.cells.items() if re.search(r"categor", h, re.I) and v.strip()), None) \
                or next((v for h, v in row.cells.items() if re.search(r"award|prize", h, re.I) and v.strip()), None)
            where = located(qa, doc_id, row.start)
            if name and where:
                found.setdefault(name.strip().lower(), (name.strip(), where))
        for pid in qa.passage_range(doc_id):
            p = qa.passages[pid]
            for s in p.sentences:
                for a in AWARD_PHRASE.finditer(s.text):
                    name = re.sub(r"^(?:(?:the|a|an|both|its)\s+)+", "", a.group().strip(), flags=re.I)
                    more = re.match(rf"\s+nominations?\s+for\s+(?:the\s+)?{_CAPS}(?:\s+{_CAPS})*", s.text[a.end() :])
                    if more and nominated:
                        name = f"{name} nomination{more.group().split('nomination', 1)[1].removeprefix('s')}"  # "for Outstanding Debut"
                    if not _said(s.text, a.start(), a.end(), nominated):
                        continue
                    # "premiered at Sundance, where it won ...": the festival said before the winning
                    clause = re.split(r"[.;]\s", s.text[: a.start()])[-1]
                    before = clause[: max((v.start() for v in _WON_VERB.finditer(clause)), default=0)]
                    if not (fits(name) or fits(before)):
                        continue
                    if not any(name.lower() in k or k in name.lower() for k in found):
                        found[name.lower()] = (name, (s, p))
    return list(found.values())


def awards_answer(qa, reading: Reading, hits: list) -> Answer | None:
    """The awards asked for, listed and cited; None when the question asks for none or the documents name none."""
    awards = awards_of(qa, reading)
    if not awards:
        return None
    citer = Citer()
    refs = list(dict.fromkeys(citer.cite(ScoredSentence(s, p, 1.0, 1.0)) for _, (s, p) in awards))
    answer = joined([name for name, _ in awards])
    text = citer.listing(answer, refs)
    cited = list({p.id: p for _, (_, p) in awards}.values())
    route = reading.route.model_copy(update={"passages": passage_refs(cited + [h for h in hits if h.id not in {p.id for p in cited}]),
                                             "explanation": "the awards its documents say it " +
                                             ("was nominated for" if AWARDS_ASKED.search(reading.route.resolved_question).group("nom") else "won")})
    return Answer(question=route.question, answer=answer, text=text, citations=citer.citations, route=route, confidence=0.85)
