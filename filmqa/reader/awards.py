"""What a film won (or was nominated for): "What awards did it win?", "What Oscar did it win?",
"what did it win at Sundance?", "which awards was it nominated for?".

Read from every document of the film: an accolades table's rows whose result
column says "Won" (its category, else its award), and prose that names an
award after a verb of winning ("won the Saturn Award for Best Science Fiction
Film", "won both the Grand Jury Prize and the Audience Award"). An award named
in the question ("Oscar", "at Sundance") keeps the awards said of it only.

Counts ("how many Oscars did it win?") are read from a number said before the
award ("won three Academy Awards", "14 Academy Award nominations ... and won
six"), else counted from the table's rows; yes or no ("did it win Best
Picture?") from the rows of that award, or a sentence saying it went to
another film ("the award went to Moonlight"), which also names the film that
won over it.
"""

from __future__ import annotations

import re

from ..models import Answer, AnswerType
from ..retriever.analysis import analyse
from .replies import Citer, abstain, joined, passage_refs
from .knowledge import ELIDED, MARK, PARTICLE, UPPER
from .router import Reading
from .scoring import ScoredSentence

# the question asks what was won (or what it was up for), not whether
AWARDS_ASKED = re.compile(
    r"^(?:and\s+)?(?:what|which)\b(?:\s+[\w'’-]+){0,3}?\s+(?:(?:has|have|had|did|does|do)\s+.+?\s+(?:win|won|receive|received|get|got|take home|pick up|collect)"
    r"|(?:was|were|is|has|had)\s+.+?\s+(?:been\s+)?(?P<nom>nominated|up)\s+for)\b", re.I)
_AWARD_WORDS = r"(?:Awards?|Prize|Prix|Oscars?|BAFTAs?|Globes?|Palme\s+d['’]Or|Bear|Lion|Shell|C[ée]sars?|Goyas?|Razzies?|Trophy|Medal|Emmys?)"
# "the World Cinema Audience Award for documentary", "Saturn Award for Best Actor in a Leading Role", "the Golden Bear",
# "the Blue Dragon award for best supporting actress"; not "for playing the grandmother", "for her role"
_TAIL = r"(?:(?:\s+(?:in|of|a|an|the|or|and))*\s+[A-Z][\w'’/-]*)*"
_CATEGORY = (rf"(?:\s+for\s+(?:(?:Best|Outstanding|Most)\s+[\w'’/-]+{_TAIL}"
             r"|(?:best|outstanding|most)\s+[\w'’/-]+(?:\s+(?!(?:in|of|a|an|the|or|and|at|for|to|with|by|on|from)\b)[a-z][\w'’/-]*){0,3}"
             rf"|(?!(?:her|his|their|its|the|a|an|this|that|it|him|them)\b)(?![a-z]\w*ing\b)[\w'’/-]+{_TAIL}))?")
# a capitalised word of an award's name, in any language: "Nastro d'Argento", "Premio della Critica"
_CAPS = rf"{ELIDED}?[{UPPER}][\w'’.:{MARK}-]*"
_GAP = rf"\s+(?:{PARTICLE}\s+)?"
AWARD_PHRASE = re.compile(
    rf"(?:{_CAPS}{_GAP}){{0,6}}{_AWARD_WORDS}\b{_CATEGORY}|(?:{_CAPS}{_GAP}){{1,6}}(?:prize|award|trophy)\b{_CATEGORY}"
    # "took home the Golden Harp for Best Comedy": what is won right after the winning, whatever it is called
    rf"|(?:(?<=\bwon )|(?<=took home )|(?<=collected )|(?<=picked up )|(?<=awarded ))(?:both\s+)?(?:the\s+|an?\s+|its\s+)?"
    # (not "won Baek Sun-ja the Blue Dragon award": whom it won it for)
    rf"(?!(?:{_CAPS}{_GAP}){{0,5}}{_CAPS}\s+(?:the|an?)\s)(?:{_CAPS}{_GAP}){{0,5}}{_CAPS}{_CATEGORY}")
_NUMBERS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                                          "fifteen sixteen seventeen eighteen nineteen twenty".split(), 1)}
_NUMBER = r"\d{1,3}|" + "|".join(_NUMBERS)
_WON_VERB = re.compile(r"\b(?:won|wins|winning|received|receiving|took home|picked up|was awarded|were awarded|collected|earned|scooped)\b", re.I)
_NOM_VERB = re.compile(r"\b(?:nominat\w*|shortlisted|in the running|up for|lost)\b", re.I)
# index terms of the question that ask for awards rather than name one
_ASKING = frozenset(analyse("award awards prize prizes win won wins receive received get got take home pick up collect nominated "
                            "nomination nominations up honour honor accolade accolades many any anything something"))
# awards people call by more than one name ("Oscar" or "Academy Award"): said either way in the documents
_NAMED_AWARDS = ((re.compile(r"\b(?:oscars?|(?<!british )academy awards?)\b", re.I), "oscar academy"),
                 (re.compile(r"\b(?:baftas?|british academy)\b", re.I), "bafta british academy"),
                 (re.compile(r"\bgolden globes?\b", re.I), "golden globe"), (re.compile(r"\bc[ée]sars?\b", re.I), "cesar"))


def _qualifiers(reading: Reading, every: bool = False, question: str | None = None):
    """A test of whether a text names the award or festival the question narrows to ("Oscar", "at Sundance"),
    or None when the question names none. Compared as index terms, so "Academy" finds "academy". ``every``:
    all that the question names must be there ("did Baek win a Blue Dragon?"), not any one of it; ``question``:
    the part of the question that names it, read word by word (else the question's key terms)."""
    q = question if question is not None else reading.route.resolved_question
    named = [p for p, _ in _NAMED_AWARDS if p.search(q)]
    said = {t for p, w in _NAMED_AWARDS if p.search(q) for t in analyse(w)}
    asked = analyse(q) if question is not None else reading.key_terms
    terms = {t for t in asked if t not in _ASKING and t not in said}
    if not named and not terms:
        return None
    if every:
        return lambda text: all(p.search(text) for p in named) and terms <= set(analyse(text))
    return lambda text: any(p.search(text) for p in named) or not terms.isdisjoint(analyse(text))


# a denial just before the award: "no", "not", "never", "didn't", "failed to"
_DENIED = re.compile(r"\b(?:no|not(?!\s+only)|never|nor|without|failed\s+to)\b(?:\s+[\w'’-]+){0,3}\s+(?:an?\s+|any\s+|the\s+)?$|n['’]t\s+(?:\w+\s+){0,2}$", re.I)


def _said(text: str, at: int, end: int, nominated: bool) -> bool:
    """Whether the award at text[at:end] is said to be won (or, ``nominated``, to have been up for)."""
    after = text[end : end + 14]
    if _DENIED.search(text[max(0, at - 30) : at]):
        return False  # "received no Academy Award nominations", "it never won a Golden Globe"
    if re.match(r"\s+nominations?\b", after, re.I):
        return nominated  # "an Academy Award nomination for ..."
    if re.search(r"\b(?:at|during|from)\s+(?:the\s+)?(?:\d+\w*\s+)?$", text[max(0, at - 20) : at], re.I):
        return False  # "at the 81st Academy Awards": the ceremony, not a prize
    clause = re.split(r"[.;]\s|\s[–—]\s", text[:at])[-1]
    verbs = [(m.start(), False) for m in _WON_VERB.finditer(clause)] + [(m.start(), True) for m in _NOM_VERB.finditer(clause)]
    if not verbs:
        return False
    return max(verbs)[1] == nominated


# a question about awards: only it reads an accolades table (its dates are ceremonies', its names nominees')
AWARD_ASKED = re.compile(r"\b(?:awards?|prizes?|oscars?|baftas?|globes?|c[ée]sars?|goyas?|emmys?|razzies?|nominat\w*|won|wins?|winners?|"
                         r"ceremon(?:y|ies)|honou?rs?|accolades?)\b", re.I)


def result_of(row) -> str | None:
    """What a row of an accolades table says came of it ("Won", "Nominated"), or None for a row of another table."""
    result = next((v for h, v in row.cells.items() if re.search(r"result|outcome|status", h, re.I)), None)
    return result if result is not None and re.match(r"(?:won|winner|nominated|nominee)\b", result.strip(), re.I) else None


def _result_rows(qa, film):
    """(row, doc_id, won) of the film's accolades tables: rows with a result column saying won or nominated."""
    for doc_id in film.doc_ids:
        doc = qa.document(doc_id)
        for row in doc.table_rows if doc else ():
            result = result_of(row)
            if result is not None:
                yield row, doc_id, result.lower().startswith(("won", "winner"))


def _row_name(row) -> str | None:
    """What a row says was won: its category, else its award."""
    return next((v for h, v in row.cells.items() if re.search(r"categor", h, re.I) and v.strip()), None) \
        or next((v for h, v in row.cells.items() if re.search(r"award|prize", h, re.I) and v.strip()), None)


def _counted(text: str, at: int) -> bool:
    """Whether the award at text[at:] follows a number: "won three Academy Awards" counts them, it names none."""
    return re.search(rf"\b(?:{_NUMBER})\s+(?:[\w'’-]+\s+)?$", text[max(0, at - 30) : at], re.I) is not None


def awards_of(qa, reading: Reading, film=None) -> list[tuple[str, object]]:
    """(award, (sentence, passage)) pairs the film's documents say it won (or was nominated for), document order."""
    route = reading.route
    m = AWARDS_ASKED.search(route.resolved_question)
    film = film or (qa.film(route.film) if route.film else None)
    if not m or film is None:
        return []
    return _awards_said(qa, film, _qualifiers(reading, every=True) or (lambda s: True), bool(m.group("nom")))


# a sentence that asks ("Also it won the Oscar for best foreign film, right?") says nothing was won
_ASKS = re.compile(r"\?[\s\"'’”)]*$")
# where an award was won, said after it: "won the Grand Prix at the 1949 Cannes Film Festival"
_AT_AFTER = re.compile(rf"(?:\s+nominations?)?\s+(?:at|from|in)\s+(?:the\s+)?(?:\d{{4}}\s+)?(?:{_CAPS}{_GAP})*{_CAPS}")


def _awards_said(qa, film, fits, nominated: bool) -> list[tuple[str, object]]:
    """(award, (sentence, passage)) pairs the film's documents say it won (or was nominated for) that ``fits``."""
    from .records import located

    found: dict[str, tuple[str, object]] = {}
    rows = {}
    for row, doc_id, won in _result_rows(qa, film):
        rows.setdefault(doc_id, []).append((row, won))
    for doc_id in film.doc_ids:
        for row, won in rows.get(doc_id, ()):
            if won == nominated or not fits(" ".join(row.cells.values())):
                continue
            name = _row_name(row)
            where = located(qa, doc_id, row.start)
            if name and where:
                found.setdefault(name.strip().lower(), (name.strip(), where))
        for pid in qa.passage_range(doc_id):
            p = qa.passages[pid]
            for s in p.sentences:
                if _ASKS.search(s.text):
                    continue
                last = 0  # where the award said before ends: "won the Grand Prix at Cannes and ... won an Oscar"
                for a in AWARD_PHRASE.finditer(s.text):
                    name = re.sub(r"^(?:(?:the|a|an|both|its)\s+)+", "", a.group().strip(), flags=re.I).rstrip(".:")
                    more = re.match(rf"\s+nominations?\s+for\s+(?:the\s+)?{_CAPS}(?:\s+{_CAPS})*", s.text[a.end() :])
                    if more and nominated:
                        name = f"{name} nomination{more.group().split('nomination', 1)[1].removeprefix('s')}"  # "for Outstanding Debut"
                    if not _said(s.text, a.start(), a.end(), nominated):
                        continue
                    names = _listed_after(s.text, a.end()) if _counted(s.text, a.start()) else [name]
                    # "premiered at Sundance, where it won ...": the festival said before the winning
                    since = s.text[last : a.start()]  # a winning of its own since the award before, or that one's
                    clause = re.split(r"[.;]\s", since if _WON_VERB.search(since) else s.text[: a.start()])[-1]
                    before = clause[: max((v.start() for v in _WON_VERB.finditer(clause)), default=0)]
                    at = _AT_AFTER.match(s.text, a.end())
                    last = at.end() if at else a.end()
                    if not (fits(name) or fits(before) or at and fits(at.group())):
                        names = [n for n in names if fits(n)]
                    for n in names:
                        terms = set(analyse(n))
                        if not any(terms <= set(analyse(k)) or set(analyse(k)) <= terms for k in found):
                            found[n.lower()] = (n, (s, p))
    return list(found.values())


# after a count of awards, the categories it names: "won two Oscars, for Best Sound Effects Editing and Best Visual
# Effects", "won four César Awards in 2002 – Best Film, Best Director, Best Music (Yann Tiersen) and ..."
_LISTED = re.compile(r"(?:\s+(?:in|at)\s+[^,.;:–—]{1,40}?)?,?\s*(?:\bfor\b|[–—:]|\s-)\s*(?P<l>[^.;–—]+)")


def _listed_after(text: str, end: int) -> list[str]:
    """The categories named after a count of awards (none when it names none)."""
    m = _LISTED.match(text, end)
    out = []
    for item in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("l") if m else ""):
        item = re.sub(r"\s*\([^()]*\)", "", item).strip()
        if not re.match(rf"{_CAPS}", item) or len(item.split()) > 7:
            break  # "and the European Film Award ...", "from seven nominations": the list has ended
        out.append(item)
    return out


_COUNT_NOUN = r"awards?|oscars?|prizes?|nominations?|nods|baftas?|globes?|c[ée]sars?|goyas?|emmys?|razzies?|trophies|honou?rs|accolades|wins"
# "how many Oscars did it win?", "how many awards has it won?", "how many BAFTA nominations did it get?"
COUNT_ASKED = re.compile(rf"^(?:and\s+)?how\s+many\s+(?:[\w'’.-]+\s+){{0,3}}?(?P<noun>{_COUNT_NOUN})\b(?P<rest>.*)$", re.I)
# "won three Academy Awards", "received 14 Academy Award nominations", "was nominated for five Oscars"
_STATED = re.compile(rf"\b(?P<n>{_NUMBER})\s+(?P<what>(?:(?!(?:and|or|but|of|to|in|at|for|from|with|it|its|the|was|were|is|has|had)\b)"
                     rf"[\w'’.-]+\s+){{0,4}})(?P<noun>{_COUNT_NOUN})\b", re.I)
# "... 14 Academy Award nominations ... and won six:": wins of the award said before in the sentence
_WON_BARE = re.compile(rf"\b(?:won|winning|took home|taking home)\s+(?P<n>{_NUMBER})(?=\s*(?:[:;,.)]|$)|\s+(?:of\s+(?:them|those|these)|and)\b)", re.I)
_GENERIC_NOUN = re.compile(r"(?:awards?|prizes?|nominations?|nods|trophies|honou?rs|accolades|wins)$", re.I)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _stated_counts(text: str, nominated: bool):
    """(count, start, end, own words) of the numbers of awards won (or nominations) a sentence states."""
    for m in _STATED.finditer(text):
        if m.group("noun").lower().startswith(("nomination", "nod")):
            said_nominated = True
        else:
            clause = re.split(r"[.;:]\s|,\s+(?:and|but)\s", text[: m.start()])[-1]
            verbs = [(v.start(), False) for v in _WON_VERB.finditer(clause)] + [(v.start(), True) for v in _NOM_VERB.finditer(clause)]
            if verbs:
                said_nominated = max(verbs)[1]
            elif re.match(r"\s+(?:that\s+|which\s+)?(?:[\w'’-]+\s+){0,3}?(?:won|received|took home|collected)\b", text[m.end() :], re.I):
                said_nominated = False  # "the three Academy Awards Jaws won"
            else:
                continue
        if said_nominated == nominated:
            yield _number(m.group("n")), m.start(), m.end(), m.group()
    if not nominated:
        for m in _WON_BARE.finditer(text):
            yield _number(m.group("n")), m.start(), m.end(), ""


def _count_answer(qa, reading: Reading, film, hits: list) -> Answer | None:
    """How many awards (of the one asked) it won, or how many nominations: a number the documents state, else
    its table's rows counted. With no award named, only a count of "awards" or "prizes" as such is its count."""
    from .records import located

    m = COUNT_ASKED.search(reading.route.resolved_question)
    nominated = bool(re.search(r"\b(?:nominat\w*|nods|up for)\b", m.group(0), re.I))
    fits = _qualifiers(reading, every=True)
    citer = Citer()
    for doc_id in film.doc_ids:
        for pid in qa.passage_range(doc_id):
            p = qa.passages[pid]
            for s in p.sentences:
                for n, start, end, words_ in _stated_counts(s.text, nominated) if not _ASKS.search(s.text) else ():
                    if fits is None and not (words_ and _GENERIC_NOUN.search(words_) and not re.search(r"[A-Z]", words_)):
                        continue  # "won two BAFTA Awards" is no count of every award it won
                    if fits is not None and not fits(words_) and (re.search(r"[A-Z]", words_) or not fits(s.text[:end])):
                        continue  # "won three awards" after "at Cannes": the sentence names the award before the count
                    return _reply(reading, hits, citer, str(n), [(s, p)], f"the number of {'nominations' if nominated else 'awards won'} a document states")
    rows = [(row, doc_id) for row, doc_id, won in _result_rows(qa, film) if (won or nominated)
            and (fits is None or fits(" ".join(row.cells.values())))]
    where = [w for row, doc_id in rows if (w := located(qa, doc_id, row.start))]
    if not where:
        return None
    return _reply(reading, hits, citer, str(len(where)), where, f"the {'rows' if nominated else 'won rows'} of its awards table, counted")


def _reply(reading: Reading, hits: list, citer: Citer, answer: str, said: list, why: str) -> Answer:
    """An answer cited from ``said`` ((sentence, passage) pairs), each sentence quoted after the answer."""
    refs = list(dict.fromkeys(citer.cite(ScoredSentence(s, p, 1.0, 1.0)) for s, p in said))
    cited = list({p.id: p for _, p in said}.values())
    route = reading.route.model_copy(update={"passages": passage_refs(cited + [h for h in hits if h.id not in {p.id for p in cited}]),
                                             "explanation": why})
    return Answer(question=route.question, answer=answer, text=citer.listing(answer, refs), citations=citer.citations,
                  route=route, confidence=0.85)


# "did it win Best Picture?", "was she nominated for a César?", "did it win anything at Sheffield?"
_YESNO_ASKED = re.compile(r"^(?:and\s+)?(?:did|does|has|have|had|was|were|is)\s+(?P<who>.+?)\s+(?:ever\s+)?(?:(?P<win>win|won|get|got|receive|received|take home|pick up)"
                          r"|(?:been\s+|get\s+)?(?P<nom>nominated|up)\s+for)\s+(?P<what>.+?)\s*[?.!]*$", re.I)
# the film itself, however the question calls it: "for it", "for the film"
_FOR_IT = re.compile(r"\b(?:for|in)\s+(?:it|this|that|the\s+(?:film|movie|picture|role|part))\b|^(?:it|the\s+(?:film|movie))$", re.I)
# "the award actually went to Moonlight", "(lost to No Man's Land)", "losing out to Parasite"
_WENT_TO = re.compile(rf"\b(?:went|going|lost|losing|lose|loses)\s+(?:out\s+)?(?:(?:it|the\s+(?:award|prize|Oscar|trophy))\s+)?to\s+(?P<t>(?:{_CAPS}|\d+)(?:\s+(?:{_CAPS}|\d+|of|the|a|an|in|on|and|to|de|la|le))*)")


def _went_to(qa, film, said) -> tuple[str, object] | None:
    """(the film it lost to, (sentence, passage)) from a sentence on the asked award that says it went to another."""
    for doc_id in film.doc_ids:
        for pid in qa.passage_range(doc_id):
            p = qa.passages[pid]
            for s in p.sentences:
                m = None if _ASKS.search(s.text) else _WENT_TO.search(s.text)
                if m and said(s.text[: m.start()]):
                    other = re.sub(r"\s+(?:of|the|a|an|in|on|and|to|de|la|le)$", "", m.group("t").rstrip(".:"))
                    if analyse(other) != analyse(film.title):
                        return other, (s, p)
    return None


def _yesno_answer(qa, reading: Reading, film, hits: list) -> Answer | None:
    """Yes or no from the rows of the asked award in its accolades table (won, or only nominated), or from
    a sentence saying that award went to another film; None when neither speaks of it."""
    from .records import located

    m = _YESNO_ASKED.search(reading.route.resolved_question)
    if not m:
        return None
    asked = " ".join(part for part in (m.group("who"), _FOR_IT.sub(" ", m.group("what"))) if not _FOR_IT.fullmatch(part.strip()))
    title = set(analyse(film.title))
    named = _qualifiers(reading, every=True, question=" ".join(w for w in asked.split() if not set(analyse(w)) & title))
    fits = named or (lambda text: True)
    rows = [(row, doc_id, won) for row, doc_id, won in _result_rows(qa, film) if fits(" ".join(row.cells.values()))]
    won = [(row, doc_id) for row, doc_id, w in rows if w]
    nominated_asked = bool(m.group("nom") or re.search(r"\b(?:nominat\w*|nods?)\b", m.group("what"), re.I))  # "get any nominations"
    any_asked = re.match(r"(?:any|anything|an?\s+(?:award|prize))\b", m.group("what"), re.I) is not None  # what it won is the answer
    if rows:  # won, or only nominated; any row of it is a nomination
        chosen = won if won and not nominated_asked else [(row, doc_id) for row, doc_id, _ in rows]
        yes = bool(won) or nominated_asked
        where = [w for row, doc_id in chosen if (w := located(qa, doc_id, row.start))]
        if where:
            answer = "Yes" if yes else "No"
            if yes and won and not nominated_asked and any_asked:
                answer = f"Yes: {joined(list(dict.fromkeys(n for row, _ in won if (n := _row_name(row)))))}"  # what it won
            return _reply(reading, hits, Citer(), answer, where, "the rows of its awards table for that award")
    said = _awards_said(qa, film, fits, nominated_asked)
    if said:  # "It won the Audience Award at Riverlight"
        answer = f"Yes: {joined([name for name, _ in said])}" if any_asked and not nominated_asked else "Yes"
        return _reply(reading, hits, Citer(), answer, [where for _, where in said], "what its documents say it won or was nominated for")
    if named is not None and not nominated_asked:
        lost = _went_to(qa, film, named)
        if lost:
            return _reply(reading, hits, Citer(), "No", [lost[1]], f"that award went to {lost[0]}")
    return None


# "What film won Best Picture over La La Land?", "what beat it for Best Director?", "who did it lose Best Picture to?"
_OVER_ASKED = re.compile(r"^(?:and\s+)?(?:what|which|who)\b(?:\s+[\w'’-]+){0,2}?\s+(?:won|beat|took|got)\s+(?P<a>.+?)\s+(?:over|ahead\s+of|instead\s+of|against)\s+.+$"
                         r"|^(?:and\s+)?(?:what|which|who)\b(?:\s+[\w'’-]+){0,2}?\s+beat\s+.+?\s+(?:for|to)\s+(?P<b>.+?)\s*[?.!]*$"
                         r"|^(?:and\s+)?(?:what|which|who)\b(?:\s+[\w'’-]+){0,2}?\s+(?:did|does)\s+.+?\s+lose\s+(?P<c>.+?)\s+to\s*[?.!]*$", re.I)


def _over_answer(qa, reading: Reading, film, hits: list) -> Answer | None:
    """The film that won the award the question names over this one, from a sentence saying the award went to it."""
    m = _OVER_ASKED.search(reading.route.resolved_question)
    if not m:
        return None
    asked = m.group("a") or m.group("b") or m.group("c")
    title = set(analyse(film.title))
    said = _qualifiers(reading, every=True, question=" ".join(w for w in asked.split() if not set(analyse(w)) & title))
    lost = _went_to(qa, film, said or (lambda text: True))
    if not lost:
        return abstain(reading, hits, "No sentence says which film that award went to instead.")
    return _reply(reading, hits, Citer(), lost[0], [lost[1]], "the film that award went to")


def _film_of_rows(qa, reading: Reading):
    """With no film named ("was Imelda Roche nominated for Best Actress?"), the one film whose accolades
    table has a row naming all the question does; None when none does, or several."""
    q = reading.route.resolved_question
    if not (_YESNO_ASKED.search(q) or AWARDS_ASKED.search(q)) or len(qa.films) > 2000:
        return None
    fits = _qualifiers(reading, every=True)
    if fits is None:
        return None
    found = []
    for film in qa.films:
        if any(fits(" ".join(row.cells.values())) for row, _, _ in _result_rows(qa, film)):
            found.append(film)
            if len(found) > 1:
                return None
    return found[0] if found else None


def awards_answer(qa, reading: Reading, hits: list) -> Answer | None:
    """The awards asked for, listed and cited (or counted, or yes or no); None when the question asks for none
    or the documents name none."""
    film = qa.film(reading.route.film) if reading.route.film else _film_of_rows(qa, reading)
    if film is None:
        return None
    ans = _answer_for(qa, reading, film, hits)
    if ans is not None and ans.route.film is None:  # found by its accolades rows: the answer is about that film
        ans.route = ans.route.model_copy(update={"film": film.label, "film_reason": "the film whose awards table names it"})
    return ans


def _answer_for(qa, reading: Reading, film, hits: list) -> Answer | None:
    """The award question of ``film`` answered by its kind: yes or no, a count, the film it lost to, or a list."""
    if reading.route.answer_type == AnswerType.YESNO:
        return _yesno_answer(qa, reading, film, hits)
    if COUNT_ASKED.search(reading.route.resolved_question):
        return _count_answer(qa, reading, film, hits)
    over = _over_answer(qa, reading, film, hits)
    if over is not None:
        return over
    awards = awards_of(qa, reading, film)
    if not awards:
        return None
    up_for = AWARDS_ASKED.search(reading.route.resolved_question).group("nom")
    return _reply(reading, hits, Citer(), joined([name for name, _ in awards]), [where for _, where in awards],
                  "the awards its documents say it " + ("was nominated for" if up_for else "won"))
