"""The answer composer: from routed passages to a short, cited reply.

1. score every sentence of the retrieved passages by how much of the question
   it covers (idf-weighted), the passage's BM25 score and the aspect's words;
2. pull typed candidates out of the best sentences and add up their evidence
   across documents ("$29 million" and "$29.0M" are one value);
3. answer with the best value and its sentence, report disagreeing sources as
   a conflict, or abstain when nothing covers the question well enough.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass, field

from ..corpus.structure import split_field
from ..corpus.films import foreign_spans, normalise_title
from ..models import Answer, AnswerType, Citation, Conflict, ConflictValue, Passage, PassageRef, Sentence
from ..retriever.analysis import analyse
from .extract import DURATION, MONEY, NOT_NAME, PLACE_CUE, extract, find_certificate, find_score, find_lower_places, find_span, find_titles, fmt_money, split_money_norm, title_cue
from .knowledge import Knowledge, split_names
from .router import Reading, asked_unit, films_named

T = AnswerType
MIN_COVERAGE = 0.5
CONFLICT_TYPES = {T.MONEY, T.DURATION, T.SCORE, T.DATE, T.YEAR, T.YESNO, T.PLACE}
_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|wasn't|weren't|isn't|didn't|doesn't|don't|hasn't|hadn't|couldn't|wouldn't|"
                       r"without|failed|failure|flop|bomb(?:ed)?|disappoint\w*|lacks?)\b|n['’]t\b", re.I)
# "not a flop", "far from a box-office failure": two negations that say yes
_MONEY_ASKED = re.compile(r"\bmake (?:any )?money\b|\bprofit|\bbreak even\b|\bpay off\b", re.I)  # asked yes or no of its takings
_NOT_A_FAILURE = re.compile(r"\b(?:not|never|no|hardly|far from|n['’]t)\s+(?:(?:a|an|the|\w+ly)\s+)?(?:[\w-]+\s+)?(?:flop|failure|bomb|disappointment)\b", re.I)
# "What did X say about his accent in the role?": what someone said
SPEECH_ASKED = re.compile(r"\b(?:say|says|said|write|wrote|written|think|thought|feel|felt|comment(?:ed)?|remark(?:ed)?|recall(?:ed|s)?)\b", re.I)
_SAID = re.compile(r"[\"“”]|(?:^|[\"“]\s*)I\b|\b(?:said|says|wrote|writes|told|recalled|remarked|commented|explained|observations?)\b")
# how a film did, in words: what answers "did it make money?", "was it a flop?"
_VERDICT = re.compile(r"\b(?:flop(?:ped)?|bomb(?:ed)?|hit|success(?:ful)?|profit(?:able)?|lost|loss|disappointment|blockbuster|paid for itself|money[- ]?maker|broke even)\b", re.I)
_MAKING = re.compile(r"\b(?:filming|filmed|shooting|shot|principal photography|production|wrapped|built|made|studio set|sound ?stage)\b", re.I)
# "In 2119, ...", "In the winter of 1877, ...", "By late 1944 ...": a plot that opens on its year
YEAR_AT_START = re.compile(r"\s*(?:In|By|During)\s+(?:the\s+)?(?:(?:year|winter|summer|spring|autumn|fall|early|late|mid|middle|end|start)\s+){0,2}(?:of\s+)?(?:\d{3,4})\b")
_SUBJECT = r"(?:(?i:he|she|it|they|we|i|the|his|her|its|their|there)\b|[A-Z][\w'’-]+)"
# a reason given after the words that introduce it: "because of a scheduling conflict", ", as he isn't licensed",
# "The title comes from the police report", "after acting as best man at a wedding"
_BECAUSE = re.compile(rf"(?i:\b(?:because|due to|owing to|in order to|so that|the reason|thanks to)\b)|(?i:\bsince)\s+{_SUBJECT}"
                      rf"|,\s+as\s+{_SUBJECT}|(?i:\binspired by\b)"
                      r"|(?i:\bafter\s+(?:[a-z]+ing\b|(?:a|an|the|his|her|their)\s+))")
# a reason, or where a name comes from: what answers "why is it called X?"
_NAMED_FROM = re.compile(rf"{_BECAUSE.pattern}|(?i:\b(?:comes?|came|taken|derived|derives) from\b|\bnamed (?:after|for)\b|\btakes its (?:name|title) from\b)")
_ASKS_NAME = re.compile(r"\b(?:called|named|titled|title|name)\b", re.I)
# a reason given before the words that draw its consequence: "Her French was limited, so she withdrew"
_SO = re.compile(rf"(?:,|\band)\s+so\s+{_SUBJECT}|(?i:\b(?:which|that) is why\b|\bas a result\b|\btherefore\b)")
_CUES = {
    "direction": r"direct",
    "music": r"music|score|compos|soundtrack",
    "writing": r"writ|script|screenplay|story",
    "cinematography": r"cinematograph|photograph",
    "editing": r"edit",
    "production": r"produc|shot|film",
    "cast": r"\bas\b|play|star|\(",
    "studio": r"studio|pictures|compan",
    "distribution": r"distribut",
    "casting": r"casting",
    "costume": r"costume",
}

# How documents tie a person (or company) to a craft: (nouns naming the job,
# verbs done by it, things it makes). "directed by X", "director X", "X directed",
# "X's direction", "X as director of photography", "music by X".
_CRAFTS = {
    "direction": (r"director|filmmaker", r"directed|helmed", r"direction|helming"),
    "music": (r"composer", r"composed|scored", r"score|music|soundtrack|themes?"),
    "source": (r"novelist|author|writer", r"wrote|written|penned", r"novel|book|memoir|story|play"),
    "writing": (r"writer|screenwriter|scribe|scripter", r"wrote|written|penned|scripted|co-wrote|co-written", r"screenplay|script|story"),
    "cinematography": (r"cinematographer|director of photography|dp|camera ?man", r"shot|photographed|lensed|filmed", r"cinematography|camerawork|photography"),
    "editing": (r"editor|film editor", r"edited|cut", r"editing"),
    "production": (r"producer|executive producer|co-producer", r"produced|co-produced", r"production"),
    "casting": (r"casting director|casting", r"cast", r"casting"),
    "costume": (r"costume designer|costumer", r"designed the costumes", r"costumes?|costume design"),
    "distribution": (r"distributor", r"distributed|released", r"distribution|release"),
    "studio": (r"studio|production company|company", r"produced|made|financed|developed|acquired", r"production"),
}


@functools.cache
def craft_binding(aspect: str) -> tuple[re.Pattern, ...] | None:
    """Patterns whose group ``a`` marks where a name bound to the craft starts (``z``: where it ends)."""
    if aspect not in _CRAFTS:
        return None
    noun, verb, thing = _CRAFTS[aspect]
    return tuple(re.compile(p) for p in (
        rf"\b(?i:{noun})s?\b[,:]?\s+(?:(?i:was|is|were)\s+)?(?:[a-z]+\s+)?(?P<a>[A-Z])",        # director Walter Hill
        rf"\b(?i:{verb}|{thing}|{noun})\s+(?:[\w'’*]+\s+){{0,3}}?by:?\s+(?P<a>[A-Z])",          # directed by X, the novel Windfall by X, Music by: X
        rf"(?P<z>[A-Za-z.])\s+(?:(?:who|also|later|then|had|has|co-)\s*)?(?i:{verb})\b",           # X directed
        rf"(?P<z>[A-Za-z.])['’]s\s+(?:[a-z0-9]+\s+){{0,2}}?(?i:{thing})\b",                      # X's rugged direction, X's 1991 novel
        rf"(?P<z>[A-Za-z.])\s+(?:as|was the|is the|served as(?: the)?)\s+(?:film's\s+)?(?i:{noun})\b",  # X as director of photography
        # "Among the writers who worked on it were A, B & C, and D": every name of the run the job's plural leads
        rf"\b(?i:{noun})s\b[^.;:\"“]{{0,40}}?\b(?:were|included|include|including|such as|:)\s+(?P<list>[A-Z][^.;]*)",
    ))


# "X later wrote that ...", "X wrote the film 'wasn't the smash ...'", "X wrote in his memoir": words about it, not the film's script
_SAYS_AFTER = re.compile(r"\s+(?:that\b|of\b|about\b|in\s+(?:his|her|their|a|an|the)\b|[\"“‘']|(?:the|that|this)\s+(?:film|movie|picture)\s+(?:[\"“‘']|was|wasn|had|did|is))", re.I)


def bound_to_craft(text: str, offset: int, surface: str, aspect: str | None) -> bool:
    """Whether the name at ``offset`` is tied to the question's craft by the sentence's wording."""
    patterns = craft_binding(aspect or "")
    if patterns is None:
        return False
    end = offset + len(surface)
    for pat in patterns:
        for m in pat.finditer(text):
            if "a" in pat.groupindex and m.start("a") == offset:
                return True
            if "z" in pat.groupindex and m.end("z") == end and not _SAYS_AFTER.match(text, m.end()):
                return True
            if "list" in pat.groupindex and m.start("list") <= offset < m.end("list"):
                return True
    return False


@dataclass
class ScoredSentence:
    sentence: Sentence
    passage: Passage
    score: float
    coverage: float
    infobox_key: str | None = None


@dataclass
class Candidate:
    value: str
    norm: object
    score: float
    support: list[tuple[ScoredSentence, str]] = field(default_factory=list)  # (sentence, surface)
    tied: bool = False  # some sentence ties it to the asked craft ("directed by X") or it fills the asked field
    qualified: bool | None = None  # said under the question's qualifiers (None: the question has none)
    main: bool = False  # said to be where most of the filming was done ("most scenes were shot in X")
    in_market: bool | None = None  # said of the market the question asks about (False: only of others; None: of none)

    @property
    def docs(self) -> set[str]:
        return {s.passage.doc_id for s, _ in self.support}


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


_AGGREGATOR = re.compile(r"\b(?:rotten tomatoes|tomatometer|metacritic|imdb|cinemascore|letterboxd)\b", re.I)


def masthead_terms(qa, doc_id: str, question: str, key_terms: list[str]) -> set[str]:
    """The question's words that name the page's site ("what did Popcorn Pulse give it?" on a page that opens
    "POPCORN PULSE"): a whole run of the question's key words, written capitalised in the page's first or last lines."""
    ids = qa.passage_range(doc_id)
    if not len(ids):
        return set()
    first, last = qa.passages[ids[0]], qa.passages[ids[-1]]
    head = " ".join(f"{first.text[:300]} {last.text[-300:]}".split())
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


# Words that narrow a fact to one occasion or market. A value said under a
# qualifier the question does not ask for ("$5 million in its opening weekend",
# "June 14, 1988 (premiere)", "released on DVD in 2002") is a different fact.
_QUALIFIERS = {
    "premiere": r"\bpremi[eè]re|\bfestival\b",
    "opening": r"\bopening (?:weekend|day|week|night|frame)\b|\bfirst weekend\b|\bweekend\b|\bopened (?:at|in) (?:number|no\.) \w+\b",
    "domestic": r"\bdomestic|\bnorth america|\bin the (?:us|u\.s\.|united states)\b",
    "worldwide": r"\bworldwide\b|\bglobal(?:ly)?\b|\binternational(?:ly)?\b|\boverseas\b|\bforeign\b",
    "home media": r"\bdvd|\bblu-?ray|\bvhs\b|\bvideo\b|\bcassette|\brental|\blaserdisc|\bstreaming\b",
    "rerelease": r"\bre-?release|\breissue|\banniversary\b|\brestor",
    "television": r"\btelevision\b|\btv\b|\bbroadcast",
}
# qualifiers that name another occasion or market than the default one: a value must be said under them
_MARKED = {"premiere", "opening", "home media", "rerelease", "television"}
_PLAIN_WHERE = re.compile(r"^\s*where\b", re.I)  # not "which city/country": a place may have no name
_MEASURES = {"tall": r"feet|foot|ft\b|cm\b|metres|meters|m\b|inches|in\b|[′']", "old": r"years|yrs"}
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|should) have\b|\bif it had\b|\bplanned\b|\bwas to be\b", re.I)
_PLACE_ALIASES = {"US": "United States", "U.S.": "United States", "USA": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom"}
_QUALIFIED = {T.MONEY, T.DATE, T.YEAR, T.ORGANISATION, T.NUMBER, T.DURATION, T.PLACE}
# what a sum of money is said to be, by the words just before it: "made for $1 million" (its cost), "it earned $3 million"
_MONEY_SIDES = {
    "budget": re.compile(r"\b(?:budget(?:ed)?:?(?:\s+(?:of|at|was|is))?|(?:made|produced|shot|completed) for|cost(?:s|ing)?(?:\s+(?:of|about|around|just))?|financed (?:at|for))\s+(?:an? |about |around |just |only |some |roughly |nearly |almost |over |under )*$", re.I),
    "box office": re.compile(r"\b(?:gross(?:ed|ing)?(?:\s+(?:of|was))?|earn(?:ed|ing|s)?|took in|taking|takings of|brought in|pulled in|revenue of|box[- ]office(?::| of| take of| total of))\s+(?:an? |about |around |just |only |some |roughly |nearly |almost |over |more than |less than )*$", re.I),
}


# ... or by the word just after it: "against an $11 million budget", "a $40 million gross"
_MONEY_SIDES_AFTER = {
    "budget": re.compile(r"^\s*(?:\w+\s+)?(?:budget|production budget|negative cost)\b", re.I),
    "box office": re.compile(r"^\s*(?:\w+\s+)?(?:gross|box[- ]office (?:gross|take|total)|in (?:ticket sales|takings|receipts))\b", re.I),
}


def money_side_fit(text: str, offset: int, aspect: str) -> float:
    """- when the words before a sum (or the noun just after it) say it is the other of cost and takings than asked."""
    before = re.split(r"[;|)(]|\.\s", text[max(0, offset - 45) : offset])[-1]
    side = next((name for name, pat in _MONEY_SIDES.items() if pat.search(before)), None)
    if side is None:
        m = MONEY.match(text, offset)
        after = text[m.end() : m.end() + 40] if m else ""
        side = next((name for name, pat in _MONEY_SIDES_AFTER.items() if pat.search(after)), None)
    return -0.5 if side is not None and side != aspect else 0.0


_ASKS_ACTOR = re.compile(r"\bplay(?:s|ed|ing)?\b|\bactor|\bactress|\bportray|\bcast\b|\bstar(?:s|red|ring)?\b|\bvoiced?\b", re.I)


def _cast_names(kb: Knowledge, film: str | None, every_film: bool = False) -> tuple[set[str], set[str]]:
    """Actor names, and the words of character names, in the film's cast lists (or every film's)."""
    if film and film in kb.facts:
        cast = kb.facts[film].cast
    elif every_film:
        cast = list(itertools.islice((p for f in kb.facts.values() for p in f.cast), 2000))  # facts load lazily
    else:
        return set(), set()
    actors = {c.actor for _, c in cast}
    roles = {w for _, c in cast for w in re.findall(r"[A-Z][\w'’-]+", c.role) if len(w) > 2}
    return actors, roles


def _places_of(text: str, reading: Reading, kb: Knowledge, roles: set[str]) -> list[tuple[str, str, int]]:
    """Places said of the question's own words: "the Chicago cop Ridzik" (a city cop), "Georgian kingpin
    Viktor Rostavili" (where he is from)."""
    out = []
    q = reading.route.resolved_question
    for key in reading.key_terms:
        for m in re.finditer(rf"\b((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\s+(?!(?:and|or|who|then|also)\b)(?:[a-z]+\s+)?(?={re.escape(key)}\w*\b)", text):
            name = m.group(1)
            if name.split()[0] in NOT_NAME or any(name in e for e in reading.entities):  # "It premiered": no place
                continue
            if any(w in roles for w in name.split()) or kb.persons.get(name):
                continue  # a character or a person, not a place
            out.append((name, name, m.start(1)))
    if re.search(r"\bfrom\s*\??\s*$", q):
        for e in reading.entities:
            for m in re.finditer(rf"\b([A-Z][a-z]+(?:an|ese|ish|i))\s+(?:[a-z]+\s+){{0,3}}{re.escape(e)}", text):
                out.append((m.group(1), m.group(1), m.start(1)))
    return out


_LABEL = re.compile(r"^(?:[A-Z][\w&'’-]*\s+){1,4}[\w&'’-]*:\s")  # "Ending Breakdown: ...", an SEO page's label


def _quote_worth(ss: ScoredSentence, surface: str, reading: Reading, kb: Knowledge) -> float:
    """How well a sentence supports a value: its score and source, and for a craft ("who directed it?") a sentence
    that ties the name to the craft in the documents' own words ("directed by X") before a quoted opinion."""
    worth = ss.score + _source_weight(ss, kb)
    if craft_binding(reading.route.aspect or "") is not None and ss.infobox_key is None:
        text = ss.sentence.text
        at = text.find(surface)
        if at >= 0 and bound_to_craft(text, at, surface, reading.route.aspect):
            worth += 0.3
        if re.search(r"[\"“”]", text):
            worth -= 0.4
        if _DEFINING.match(text):
            worth += 0.3  # "Red Heat is a 1988 American action film directed by ...": the encyclopedic lead
    return worth


_DEFINING = re.compile(r"[^.:]{1,80}?\b(?:is|was)\s+an?\s+(?:\d{4}\s+)?(?:[\w-]+,?\s+){0,6}?(?:film|movie|documentary|feature)\b")


def _source_weight(ss: ScoredSentence, kb: Knowledge) -> float:
    """Which sentence to quote first for a value: an encyclopedic one (a document with an infobox, no
    "Label:" opening) before a review site's boilerplate."""
    weight = -0.3 if _LABEL.match(ss.sentence.text) else 0.0
    facts = kb.facts.get(ss.passage.films[0]) if ss.passage.films else None
    if facts and any(doc_id == ss.passage.doc_id for doc_id, _ in facts.infobox[:1]):
        weight += 0.3
    return weight


def _question_places(reading: Reading) -> set[str]:
    """Capitalised names in the question other than its film ("in Germany", "the UK")."""
    film = (reading.route.film or "").lower()
    places = {e for e in reading.entities if e.lower() not in film and len(e) >= 2}
    for short, full in _PLACE_ALIASES.items():
        if re.search(rf"\b{short}\b", reading.route.resolved_question):
            places.add(full)
    return places


# "released in the UK", "gross in Japan", "open in UK cinemas": a market the question asks a value for
_IN_MARKET = re.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?(?P<p>(?:[A-Z][\w.]*|uk|u\.k\.|usa|us|u\.s\.)(?:\s+(?:of\s+)?[A-Z][\w.]*)*)")
_FEE_ASKED = re.compile(r"\b(?:paid|pay|fee|salary|wages?)\b", re.I)
_FEE_SAID = re.compile(r"\b(?:paid|pay|payday|fee|salary|wages?|earned|received|got|signed for)\b", re.I)
_FILM_VALUES = {T.MONEY, T.DURATION, T.DATE, T.YEAR}  # facts every film has one of: with no film named, whose?
_MARKET_VALUES = {T.MONEY, T.DATE, T.NUMBER, T.SCORE}  # a certificate differs by country too
_NORTH_AMERICA = {"United States", "Canada", "North America"}


def asked_markets(reading: Reading, kb: Knowledge) -> set[str]:
    """The countries or cities a value question asks about ("in the UK" -> United Kingdom); not the film, not a person."""
    if reading.route.answer_type not in _MARKET_VALUES:
        return set()
    film = (reading.route.film or "").lower()
    out = set()
    for m in _IN_MARKET.finditer(reading.route.resolved_question):
        name = m.group("p")
        name = _PLACE_ALIASES.get(name.upper(), name)
        if name[:1].isupper() and name.lower() not in film and not kb.persons.get(name) and name not in ("The", "A"):
            out.add(name)
    return out


def _market_said(text: str, offset: int, surface: str) -> tuple[str, bool]:
    """What is said of a value's market: the words around it (a table row's other cells, else its clause and a
    bracket after it), and whether they name one ("in the United States", "(Denver)", "worldwide", a country cell)."""
    cells = [c.strip() for c in text.split(" | ")]
    if len(cells) >= 2 and "=" not in text:
        window = " | ".join(c for c in cells if surface not in c)
        named = any(re.fullmatch(r"(?:[A-Z][\w.'’-]*|and|of|the)(?:\s+(?:[A-Z][\w.'’-]*|and|of|the))*", c) for c in cells if surface not in c)
    else:
        # the value's clause, up to the next value on either side ("$2 million in Italy and $1 million in Spain")
        window = re.split(r"\d", _qualifier_window(text, offset, surface)[0].replace(surface, "\0"))
        window = next((w for w in window if "\0" in w), "").replace("\0", surface)
        unit = re.match(r"\s*(?:[a-z]+\s+){1,2}\([^()\d]{2,40}\)", text[offset + len(surface) :])
        if unit:  # "1,292,988 admissions (France)": a bracket after the count's own noun
            window += unit.group()
        named = bool(PLACE_CUE.search(window) or re.search(r"\(\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s*\)", window))
    named = named or bool(re.search(_QUALIFIERS["domestic"] + "|" + _QUALIFIERS["worldwide"], window, re.I))
    return window, named


def market_fit(text: str, offset: int, surface: str, markets: set[str]) -> bool | None:
    """True when a value is said of the asked market, False when of another one, None when of none."""
    window, named = _market_said(text, offset, surface)
    said = window.lower()
    for short, full in _PLACE_ALIASES.items():
        said = re.sub(rf"(?<![\w.]){re.escape(short.lower())}(?![\w])", full.lower(), said)
    if any(m.lower() in said for m in markets):
        return True
    if markets & _NORTH_AMERICA and re.search(_QUALIFIERS["domestic"], window, re.I):
        return True  # a domestic gross is the North American one
    return False if named else None


def _home_market(kb: Knowledge, film: str | None, markets: set[str]) -> bool:
    """Whether an asked market is the film's own country (its infobox's), or that is not known."""
    facts = kb.facts.get(film) if film else None
    countries = [f.value for _, f in facts.infobox if f.key.lower() in ("country", "countries")] if facts else []
    if not countries:
        return True
    said = " ".join(countries).lower()
    for short, full in _PLACE_ALIASES.items():
        said = said.replace(short.lower(), full.lower()) if len(short) > 2 else said
    return any(m.lower() in said for m in markets)


def _qualifiers_near(text: str, offset: int, surface: str) -> set[str]:
    """The qualifiers said of the value at ``offset`` (its clause and a parenthesis after it)."""
    return _qualifier_window(text, offset, surface)[1]


def _qualifier_window(text: str, offset: int, surface: str) -> tuple[str, set[str]]:
    end = offset + len(surface)
    before = re.split(r"[;|)(]|,\s|\s[-–—]\s", text[max(0, offset - 70) : offset])[-1]
    after = text[end : end + 50]
    paren = re.match(r"\s*\([^)]{0,40}\)", after)
    after = paren.group() if paren else re.split(r"[;|(]|,\s|\s[-–—]\s", after)[0]
    window = before + surface + after
    return window, {name for name, pat in _QUALIFIERS.items() if re.search(pat, window, re.I)}


def _qualifier_fit(text: str, offset: int, surface: str, q_quals: set[str], q_places: set[str]) -> float:
    """Bonus (or penalty) for the qualifiers said around a value, against the question's own."""
    window, near = _qualifier_window(text, offset, surface)
    if _HYPOTHETICAL.search(text):
        near.add("hypothetical")
    score = -0.35 * len(near - q_quals) + 0.3 * len(near & q_quals)
    if q_places:
        score += 0.35 if any(p.lower() in window.lower() for p in q_places) else -0.1
    return score


def _nearest_key_distance(text: str, offset: int, reading: Reading) -> int:
    best = 10_000
    keys = set(reading.key_terms) | set(reading.expansion)
    for m in re.finditer(r"[\w$'’.-]+", text):
        t = analyse(m.group())
        if t and t[0] in keys:
            best = min(best, abs(m.start() - offset))
    return best


_FILMING_ASKED = re.compile(r"\b(?:film|shot|shoot|lens|locations?\b)", re.I)
_MOST = re.compile(r"\b(?:most|majority|mainly|mostly|largely|principal(?:ly)?|primarily|bulk)\b", re.I)
_SHOT = re.compile(r"\b(?:shot|filmed|filming|shooting|photographed|lensed)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;—–]|\s-\s|\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b|\bexcept\b", re.I)


_KEY_VALUE = re.compile(r"^(?P<k>[^|=]{2,40}?)\s\|\s(?P<v>[^|]{2,80})$")  # a row of a two-column "name | value" table
_FILMED_BEFORE = re.compile(r"\b(?:shot|filmed|filming|shooting|photographed|lensed|photography|took place|on location)\b[^.;,()]{0,45}$", re.I)
_PART_FILMED = re.compile(r"\b(?:scenes?|sequences?|interiors|shots?|finale)\s+(?:(?:were|was|are|is|being)\s+)?(?:\w+\s+)?"
                          r"(?:shot|filmed|photographed)\b[^.;,()]{0,45}$", re.I)


def filming_fit(text: str, offset: int, part_asked: bool = False) -> float:
    """+ for a place the sentence says the film was shot at ("shot on location on Exmoor", "filming took place near X"),
    - for one where only some scenes were ("the tunnel scenes were filmed in Halifax", "interiors were filmed in X")
    unless the question asks about some scenes itself."""
    before = text[max(0, offset - 80) : offset]
    if _PART_FILMED.search(before):
        return 0.0 if part_asked else -0.3
    return 0.4 if _FILMED_BEFORE.search(before) else 0.0


def main_location(text: str, offset: int) -> bool:
    """Whether the place at ``offset`` is where most of the filming was done: its clause (asides in
    brackets left out) says "most of the scenes were shot in ..."."""
    plain = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text)
    if plain[offset] == " ":
        return False  # the place is in an aside: "(with the exception of the final shot in X)"
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(plain, 0, offset)), default=0)
    stop = next((m.start() for m in _CLAUSE_BREAK.finditer(plain, offset)), len(plain))
    clause = plain[start:stop]
    return bool(_MOST.search(clause) and _SHOT.search(plain, start, offset))  # "most Moscow scenes": no place shot in


# "Who killed X?", "who steals the key": the verb the question asks the doer of
_ASKED_DEED = re.compile(r"^\s*who\s+(?:(?:\w+ly|later|then|first|finally|eventually)\s+)?(?P<v>[a-z]{3,}(?:s|ed))\b", re.I)
_NOT_DEED = {"is", "was", "has", "does", "plays", "played", "stars", "starred", "directed", "wrote", "produced", "composed", "voiced",
             "portrayed", "edited", "scored", "designed", "photographed", "distributed", "released", "narrated", "cast"}
_PASSIVE = re.compile(r"\b(?:is|was|were|are|been|being|gets|got)\b", re.I)


_NAME_OF = re.compile(r"\bnames? of (?:the |a |an |his |her |their |[\w'’]+['’]s )?(?:[a-z]+ )??(?P<noun>[a-z]{3,})\b(?=\s*(?:\?|$|with\b|in\b|who\b|that\b|from\b|on\b))", re.I)


def asked_deed(question: str) -> str | None:
    """The stem of the deed a 'who did it?' question asks about ('kill' for 'Who killed X?'), or None."""
    m = _ASKED_DEED.match(question)
    if not m or m.group("v").lower() in _NOT_DEED:
        return None
    stems = analyse(m.group("v"))
    return stems[0] if stems else None


def deed_role(text: str, offset: int, surface: str, deed: str) -> float:
    """+ when the name does the deed in ``text`` ('Y kills X', 'X was killed by Y', 'Y, who killed X'), - when it suffers it."""
    end = offset + len(surface)
    if re.search(r"\b(?:a|an|the)\s+$", text[max(0, offset - 5) : offset], re.I) and re.match(r"\s+[a-z]", text[end:]):
        return 0.0  # "a Georgian drug lord who killed": the name only describes the doer
    agent = patient = False
    for m in re.finditer(r"[A-Za-z]+", text):
        w = m.group().lower()
        if not (w.startswith(deed) and len(w) - len(deed) <= 3) and (analyse(w) or [""])[0] != deed:
            continue
        if m.start() >= end:
            between = re.sub(r"\([^()]*\)", "", text[end : m.start()])  # "Viktor (Ed O'Ross), who killed"
            if re.search(r"\b[A-Z]", between) or len(between) > 60 or re.search(r"[.;:]", between):
                continue  # another name stands nearer the deed, or another clause
            if len(between) <= 25 and "," not in between or re.search(r"\bwho\b|\band\b", between):
                if _PASSIVE.search(between):
                    patient = True
                else:
                    agent = True
        else:
            between = text[m.end() : offset]
            if re.fullmatch(r"\s*(?:[\w'’]+\s+){0,3}?by\s+", between):
                agent = True
            elif len(between) <= 25 and not re.search(r"[,.;:]", between):
                patient = True
    return 0.8 if agent else -0.3 if patient else 0.0


def foreign_cells(qa, reading: Reading, sentences: list[ScoredSentence]) -> dict:
    """(doc_id, sentence start) -> spans of a comparison-table row said of a film other than the routed one."""
    film = reading.route.film
    out: dict = {}
    for ss in sentences if film else ():
        p = ss.passage
        if len(p.films) < 2 or film not in p.films or " | " not in ss.sentence.text:
            continue
        doc = qa.document(p.doc_id)
        row = next((r for r in doc.table_rows if r.start <= ss.sentence.start < r.end), None) if doc else None
        if row is None:
            continue
        titles = {label: {normalise_title(t) for t in (f.title, *f.aliases)} for label in p.films for f in [qa.film(label)] if f}
        others = set().union(*(t for label, t in titles.items() if label != film))
        spans = foreign_spans(ss.sentence.text, row.cells, titles.get(film, set()), others)
        if spans:
            out[(p.doc_id, ss.sentence.start)] = spans
    return out


def collect_candidates(kb: Knowledge, reading: Reading, sentences: list[ScoredSentence], exclude: set[str],
                       foreign: dict | None = None) -> list[Candidate]:
    """``foreign``: (doc_id, sentence start) -> spans of its text said of another film (records.foreign_cells)."""
    atype = reading.route.answer_type
    ext_type = (reading.element_type or T.PERSON) if atype == T.LIST else atype
    by_norm: dict[object, Candidate] = {}
    cue = _CUES.get(reading.route.aspect or "", None)
    q_quals = {name for name, pat in _QUALIFIERS.items() if re.search(pat, reading.normalised or reading.route.resolved_question, re.I)}
    actors, roles = _cast_names(kb, reading.route.film, every_film=ext_type == T.TITLE)
    asks_else = bool(re.search(r"\belse\b|\bother\b", reading.route.resolved_question, re.I))
    unit = asked_unit(reading.normalised or reading.route.resolved_question) if atype == T.NUMBER else None
    wants_actor = bool(_ASKS_ACTOR.search(reading.route.resolved_question))
    q_places = _question_places(reading)
    markets = asked_markets(reading, kb)
    # "how much did it make?" asks the whole take: a worldwide total is that, one market's gross is not
    total = {"worldwide"} if atype == T.MONEY and reading.route.aspect == "box office" and not markets and not q_quals else set()
    filming = ext_type == T.PLACE and bool(_FILMING_ASKED.search(reading.route.resolved_question))
    part_asked = filming and bool(re.search(r"\b(?:scenes?|sequences?|exteriors|interiors|shots)\b", reading.route.resolved_question, re.I))
    premiere = ext_type == T.PLACE and bool(re.search(r"\bpremi[eè]r", reading.route.resolved_question, re.I))
    deed = asked_deed(reading.route.resolved_question) if ext_type == T.PERSON and reading.route.aspect in (None, "plot") else None
    for ss in sentences[:14]:
        if ss.coverage < 0.34:
            continue
        said_of: list = []
        text = ss.sentence.text
        if ss.infobox_key is not None:
            if ss.infobox_key not in reading.infobox_keys and ss.coverage < 0.99:
                continue
            value_part = split_field(text)[1]
            offset0 = len(text) - len(value_part)
            if ext_type == T.PERSON and ss.infobox_key in reading.infobox_keys:
                found = []
                pos = 0
                for name in split_names(value_part.strip(), kb.persons):
                    at = value_part.find(name, pos)
                    pos = max(pos, at)
                    found.append((name, name, offset0 + max(at, 0)))
            else:
                found = [(a, b, offset0 + o) for a, b, o in extract(ext_type, value_part, kb, exclude)]
                if not found and ext_type in (T.ORGANISATION, T.PLACE, T.TITLE) and ss.infobox_key in reading.primary_keys:
                    # the field names the thing itself: its value is the answer
                    first = re.split(r"\s*[,;|]\s*|\s+\(", value_part.strip())[0].strip()
                    if first and (first[0].isupper() or first[0].isdigit()):
                        found = [(first, first, offset0 + value_part.find(first))]
        elif ext_type == T.SCORE and reading.route.aspect == "certificate":
            found = list(find_certificate(text))  # "what is it rated?": an age rating, not a critics' score
        elif ext_type == T.DURATION and reading.route.aspect != "runtime":
            found = list(find_span(text))  # "how long after ...", "for how long ...": not the film's length
        elif ext_type == T.PLACE and _PLAIN_WHERE.search(reading.route.resolved_question):
            named = extract(ext_type, text, kb, exclude)
            said_of = _places_of(text, reading, kb, roles)
            found = named + said_of + [(a, b, o) for a, b, o in find_lower_places(text) if not named]
        elif ext_type == T.PLACE:
            said_of = _places_of(text, reading, kb, roles)
            found = extract(ext_type, text, kb, exclude) + said_of
        else:
            found = extract(ext_type, text, kb, exclude)
        row = _KEY_VALUE.match(text) if ss.infobox_key is None and ext_type in (T.PLACE, T.ORGANISATION) else None
        if row and not any(o >= row.start("v") for _, _, o in found):
            # "Filming location | Vermont (Bellows Falls)": a two-cell row whose name covers the question holds the answer
            first = re.split(r"\s*[,;|]\s*|\s+\(", row.group("v"))[0].strip()
            if first[:1].isupper():
                found = found + [(first, first, row.start("v"))]
        if ext_type == T.TITLE:
            found = [_past_asked_words(text, f, reading) for f in found]
        spans = (foreign or {}).get((ss.passage.doc_id, ss.sentence.start), ())
        found = [f for f in found if not any(lo <= f[2] < hi for lo, hi in spans)]  # another film's cell of a comparison row
        for surface, norm, offset in found:
            if ext_type in (T.PERSON, T.PLACE, T.ORGANISATION, T.TITLE) and any(
                surface.lower() in e.lower() or e.lower() in surface.lower() for e in exclude if e
            ):
                continue
            if ext_type == T.TITLE and (kb.persons.get(surface, 0) >= 2 or surface in actors or any(w in roles for w in surface.split())
                                        or any(a in surface for a in actors)):
                continue  # a person or a character is no film
            if ext_type == T.TITLE and asks_else and kb.films_in(surface):
                continue  # "what else was he in?": not the film the documents are about
            dist = _nearest_key_distance(text, offset, reading)
            bonus = 0.3 if dist < 40 else 0.15 if dist < 90 else 0.0
            if ext_type == T.TITLE:
                # "for The Killer" before "John Woo lifted"; "the double pack Conan the Destroyer": the asked kind named before it
                before = re.findall(r"[A-Za-z][\w'’-]*(?=\W*$)", text[max(0, offset - 25) : offset])
                named_kind = bool(before) and (analyse(before[-1]) or [""])[0] in reading.key_terms
                bonus += 0.6 * max(title_cue(text, offset, surface), 0.9 if named_kind else 0.0) - 0.15
            fits = None
            if atype in _QUALIFIED:
                bonus += _qualifier_fit(text, offset, surface, q_quals | total, q_places)
                if q_quals & _MARKED:
                    fits = (q_quals & _MARKED) <= _qualifiers_near(text, offset, surface)
            if atype == T.SCORE and reading.key_terms:
                # "what did Popcorn Pulse give it?": a score the sentence credits to an aggregator the question does not name
                said = {m.group().lower() for m in _AGGREGATOR.finditer(text)}
                if said - {m.group().lower() for m in _AGGREGATOR.finditer(reading.route.resolved_question)}:
                    bonus -= 0.5
            if atype == T.MONEY and reading.route.aspect in _MONEY_SIDES:
                bonus += money_side_fit(text, offset, reading.route.aspect)
            if ext_type == T.PLACE and surface[:1].islower():
                bonus -= 0.3  # a place with no name answers only when no named place does
            if ext_type == T.PLACE and (surface, surface, offset) in said_of:
                bonus += 0.4
            section = ext_type == T.PLACE and re.match(r"\s+(?:section|strand|sidebar|competition|programme|program|line-?up)\b",
                                                       text[offset + len(surface) :], re.I)
            if section:
                continue  # "the Panorama section of the Berlin festival": a part of the festival, the festival is the place
            if premiere and re.search(r"\bpremi[eè]re[ds]?\s+(?:\w+\s+){0,3}?(?:at|in|during)\s+(?:the\s+)?"
                                        r"(?:[A-Z][\w-]*\s+(?:section|strand|sidebar|competition)\s+of\s+(?:the\s+)?)?$",
                                        text[max(0, offset - 80) : offset], re.I):
                bonus += 0.4  # "Where did it premiere?": the place it premiered at, not one it was released in
            main = filming and main_location(text, offset)
            if main:
                bonus += 0.4
            elif filming and any(main_location(text, o) for _, _, o in found):
                bonus -= 0.7  # "most scenes were shot in A, but the finale in B": B is the exception
            elif filming:
                bonus += filming_fit(text, offset, part_asked)
            if unit:
                # "how many admissions": the count written with that word
                after = text[offset + len(surface) : offset + len(surface) + 30].lower()
                unit_re = _MEASURES.get(unit, re.escape(unit[:4]))
                if re.match(rf"\W*(?:\w+\s+)?(?:{unit_re})", after):
                    bonus += 0.6
                elif unit == "tall":
                    continue  # a height is written with its unit; "7/10" is no height
                else:
                    bonus -= 0.4
            if ext_type == T.PERSON:
                if kb.persons.get(surface):
                    bonus += 0.2
                elif " " not in surface and not kb.is_person_word(surface):
                    bonus -= 0.3
                if reading.route.resolved_question.lower().startswith("whose") and text[offset + len(surface) : offset + len(surface) + 2] in ("'s", "’s"):
                    bonus += 0.4
                if cue and re.search(cue, text[max(0, offset - 40) : offset + len(surface) + 40], re.I):
                    bonus += 0.2
                if deed:
                    bonus += deed_role(text, offset, surface, deed)
                if actors and atype == T.PERSON and reading.route.aspect in (None, "cast", "plot"):
                    # "who is the villain?" wants a character, "who played him?" an actor
                    is_actor = surface in actors or any(surface in a.split() for a in actors)
                    is_role = any(w in roles for w in surface.split())
                    if is_actor and not is_role:
                        bonus += 0.2 if wants_actor else -0.45
                    elif is_role and not is_actor:
                        bonus += -0.3 if wants_actor else 0.2
            tied = ss.infobox_key in reading.infobox_keys if ss.infobox_key else False
            if ext_type in (T.PERSON, T.ORGANISATION) and craft_binding(reading.route.aspect or "") is not None:
                if bound_to_craft(text, offset, surface, reading.route.aspect):
                    bonus += 0.5
                    tied = True
                elif not tied:
                    bonus -= 0.3
            if ext_type == T.PERSON and ss.infobox_key in reading.infobox_keys:
                bonus += 0.3
            c = by_norm.get(norm)
            score = ss.score + bonus
            if c is None:
                c = by_norm[norm] = Candidate(surface, norm, score)
            elif score > c.score:
                c.score, c.value = score, surface
            c.tied = c.tied or tied
            if markets:
                said = market_fit(text, offset, surface, markets)
                c.in_market = True if said or c.in_market else (said if c.in_market is None else c.in_market)
            c.main = c.main or main
            if fits is not None:
                c.qualified = bool(c.qualified) or fits
            same = next((i for i, (s, _) in enumerate(c.support) if s.passage.doc_id == ss.passage.doc_id), None)
            if same is None:
                c.support.append((ss, surface))
            elif _quote_worth(ss, surface, reading, kb) > _quote_worth(*c.support[same], reading, kb):
                c.support[same] = (ss, surface)  # the document's better sentence to quote for it
    for c in by_norm.values():
        c.score += 0.25 * (len(c.docs) - 1)
        c.support.sort(key=lambda x: -_quote_worth(x[0], x[1], reading, kb))
    # a name that is part of a longer candidate name adds its evidence to it
    if ext_type == T.PERSON:
        names = sorted(by_norm.values(), key=lambda c: -len(str(c.norm)))
        for c in list(names):
            for longer in names:
                if longer is not c and str(c.norm) in str(longer.norm).split(" ") and c.norm in by_norm:
                    longer.score = max(longer.score, c.score) + 0.1
                    del by_norm[c.norm]
                    break
    return sorted(by_norm.values(), key=lambda c: -c.score)


# "what else has she directed?", "what did he score before it?", "which earlier film of his ...": a person's other works
_WORKS_ASKED = re.compile(r"\b(?:else|other|after|before|next|later|previously|again|since|earlier|also)\b", re.I)
# "what else has she made / done / worked on?": verbs any work is, which no sentence about one need say
_ANY_WORK_VERB = frozenset(analyse("make made making do done work worked working appear appeared feature featured"))
_PRONOUN_START = re.compile(r"^\W*(?:he|she|they|his|her|their)\b", re.I)


def _asked_people(reading: Reading, kb: Knowledge) -> list[str]:
    """The people a question names (an actor or a credited person, not a character, not the film)."""
    film = (reading.route.film or "").lower()
    actors, roles = _cast_names(kb, reading.route.film)
    out = []
    for e in reading.entities:
        if e.lower() in film or (any(w in roles for w in e.split()) and e not in actors):
            continue
        if kb.persons.get(e) or kb.in_person_name(e) or e in actors:
            out.append(e)
    return out


def _mentions(text: str, person: str) -> bool:
    plain = text.replace("’", "'")
    return re.search(rf"\b{re.escape(person.split()[-1].replace('’', chr(39)))}\b", plain) is not None


def works_of(qa, kb: Knowledge, reading: Reading, hits: list[Passage], exclude: set[str]) -> Answer | None:
    """"What else has she directed?": the titles said in sentences about the person asked about (or in the
    sentences after them that go on with "she ..."), marked as titles by the text, ranked by how plainly
    and by how much of the rest of the question the sentence says. None when the question is no such question."""
    route = reading.route
    if not _WORKS_ASKED.search(route.resolved_question):
        return None
    people = _asked_people(reading, kb)
    if not people:
        return None
    own = {t for label in [route.film, *(kb.films_in(route.resolved_question))] if label for t in kb.titles_of.get(label, ())}
    name_terms = {t for p in people for t in analyse(p)}
    rest = [t for t in reading.key_terms if t not in name_terms and t not in _ANY_WORK_VERB]
    alts = {t: reading.alternatives.get(t, {t}) | {t} for t in rest}
    cue = _CUES.get(route.aspect or "")
    actors, roles = _cast_names(kb, route.film)
    found: dict[str, tuple[float, str, ScoredSentence]] = {}
    more = qa.search_terms([t for p in people for t in analyse(p)] + list(reading.expansion), k=30)  # a name said once in a long review
    seen_passages = set()
    for rank, p in enumerate(list(hits) + more):
        if p.id in seen_passages:
            continue
        seen_passages.add(p.id)
        about_prev = False
        for sent in p.sentences:
            text = sent.text
            named = [x for x in people if _mentions(text, x)]
            about = bool(named) or (about_prev and _PRONOUN_START.match(text) is not None)
            about_prev = about
            if not about:
                continue
            terms = set(analyse(text))
            covered = sum(1 for t in rest if alts[t] & terms) / len(rest) if rest else 1.0
            for surface, norm, offset in find_titles(text, kb):
                strength = title_cue(text, offset, surface)
                low = surface.lower()
                if strength < 0.5 or low.removeprefix("the ") in {o.removeprefix("the ") for o in own}:
                    continue
                if any(low in e.lower() or e.lower() in low for e in exclude | set(people) if e) or surface in actors \
                        or any(w in roles for w in surface.split()) or kb.persons.get(surface, 0) >= 2:
                    continue
                score = strength + 0.5 * covered + 0.1 * len(named) - 0.005 * rank
                if cue and re.search(cue, text[max(0, offset - 60) : offset], re.I):
                    score += 0.2  # "Roe had previously scored the series ...": the asked craft said of it
                key = norm if isinstance(norm, str) else surface
                if key not in found or score > found[key][0]:
                    found[key] = (score, surface, ScoredSentence(sent, p, score, 1.0))
    if not found:
        return None
    ranked = sorted(found.values(), key=lambda x: -x[0])
    # "The Dream Master" is part of "A Nightmare on Elm Street 4: The Dream Master"
    ranked = [x for x in ranked if not any(x[1] != y[1] and x[1] in y[1] for y in ranked)]
    best = ranked[0][0]
    members = [x for x in ranked if x[0] >= best - 0.3][:6]
    members.sort(key=lambda x: (x[2].passage.id, x[2].sentence.start, x[2].sentence.text.find(x[1])))
    citer = _Citer()
    refs = list(dict.fromkeys(citer.cite(ss) for _, _, ss in members))
    names = list(dict.fromkeys(surface for _, surface, _ in members))
    answer = joined(names)
    text = citer.listing(answer, refs)
    route = route.model_copy(update={"passages": _refs(hits)})
    return Answer(question=route.question, answer=answer, text=text, citations=citer.citations, route=route, confidence=round(min(1.0, 0.5 + best / 3), 3))


def _past_asked_words(text: str, found: tuple[str, object, int], reading: Reading) -> tuple[str, object, int]:
    """A title candidate without the question's own words run into its front: "Double Pack Conan the Destroyer"
    (asked "which film was in the double pack?") is "Conan the Destroyer"."""
    surface, norm, offset = found
    toks = surface.split()
    asked = set(reading.key_terms)
    last = max((i for i, w in enumerate(toks[:-1]) if (analyse(w) or [""])[0] in asked), default=-1)
    rest = " ".join(toks[last + 1 :])
    if last < 0 or not rest[:1].isupper():
        return found
    at = text.find(rest, offset)
    return (rest, rest.lower().removeprefix("the "), at) if at >= 0 else found


# --------------------------------------------------------------------------- reply writing


class _Citer:
    """Numbers the quoted sentences of one reply, each once."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []

    def listing(self, answer: str, refs: list[int]) -> str:
        """A list reply: the answer, then each quoted sentence with its marker, as every reply writes them."""
        return f"{_full_stop(answer)}\n" + "\n".join(f"{c.quote} [{c.n}]" for c in self.citations if c.n in refs)

    def cite(self, ss: ScoredSentence) -> int:
        for c in self.citations:
            if c.doc_id == ss.passage.doc_id and c.start == ss.sentence.start:
                return c.n
        n = len(self.citations) + 1
        self.citations.append(
            Citation(
                n=n,
                doc_id=ss.passage.doc_id,
                title=ss.passage.title,
                section=ss.passage.section,
                quote=ss.sentence.text,
                start=ss.sentence.start,
                end=ss.sentence.end,
                passage_id=ss.passage.id,
            )
        )
        return n


def _refs(hits: list[Passage]) -> list[PassageRef]:
    return [PassageRef(passage_id=p.id, doc_id=p.doc_id, section=p.section, score=round(p.score, 4)) for p in hits]


def fact_name(reading: Reading) -> str:
    """The fact in dispute, in the question's own words ("rotten tomatoes score")."""
    from ..retriever.analysis import STOP_WORDS, words
    from .router import GENERIC

    key = set(reading.key_terms)
    picked = [w for w in words(reading.route.resolved_question) if w not in STOP_WORDS and w not in GENERIC and analyse(w) and analyse(w)[0] in key]
    return " ".join(dict.fromkeys(picked)) or (reading.route.aspect or "the answer")


def abstain(reading: Reading, hits: list[Passage], why: str, sentences: list[ScoredSentence] | None = None) -> Answer:
    leads = _Citer()
    for ss in (sentences or [])[:2]:
        leads.cite(ss)
    text = "I couldn't find that in the documents."
    if why:
        text += " " + why
    route = reading.route.model_copy(update={"passages": _refs(hits), "explanation": reading.route.explanation or why})
    return Answer(question=reading.route.question, answer=None, text=text, route=route, leads=leads.citations, confidence=0.0)


# "did it win the Oscar?": the award the question names ("the Oscar", "a BAFTA", "the Palme d'Or")
_LOWER_AWARD = re.compile(r"\b(?:oscars?|academy awards?|golden globes?|emmys?|razzies?|palme d['’]or)\b")
_ASKED_AWARD = re.compile(r"\b(?:win|won|wins|get|got|receive|received)\s+(?:the\s+|an?\s+|any\s+)?(?P<a>(?:[A-Z][\w'’-]*|d['’]Or)(?:\s+(?:[A-Z][\w'’-]*|d['’]Or|for|of|de|du))*)")
_AWARD_SAID = {"oscar": r"academy awards?|oscars?", "oscars": r"academy awards?|oscars?", "academy": r"academy awards?|oscars?"}
_AWARD_WORD = re.compile(r"\b(?:Awards?|Prize|Oscars?|BAFTAs?|Globes?|Emmys?|Palme|Razzies?|Bear|Lion|Shell|Goyas?|C[ée]sars?|Saturn|Academy|Jury)\b")
_WON = re.compile(r"\b(?:won|wins?|winning|winner|received|receiving|took|taking|awarded|earned|collected|picked up)\b", re.I)
_ONLY_NOMINATED = re.compile(r"\b(?:nominat\w*|lost|losing|shortlisted|contender|in (?:the )?running)\b", re.I)


# "did it win anything?", "did it win any awards?": no award named, any will do
_ANY_AWARD = re.compile(r"\b(?:win|won|get|got|receive|received)\s+(?:anything|any(?:\s+\w+)?\s+(?:awards?|prizes?)|an?\s+(?:award|prize)|awards?|prizes?)\b", re.I)
# "won the BAFTA Award for Best Animated Film", "won the top documentary prize at CPH:DOX"
_WON_WHAT = re.compile(r"\b(?:won|wins|received|took home|picked up|was awarded)\s+(?:the\s+|a\s+|an\s+|its\s+)?(?P<a>[^,.;()]{3,70}?)(?=\s*(?:[,.;()]|\s+and\s+(?!Best)|\s+(?:at|in)\s+(?:the\s+)?\d|\s+for\s+(?:her|his|their)\b|$))")


_WINS_SAID = re.compile(r"\b(?:won|win|wins|winning)\s+(?:\w+\s+){0,3}?(?:awards?|prizes?|honou?rs?|oscars?)\b", re.I)


def _award_named(text: str) -> str | None:
    """The award a sentence says was won (None when it names none)."""
    for m in _WON_WHAT.finditer(text):
        a = m.group("a").strip()
        if _AWARD_WORD.search(a) or re.search(r"\b(?:award|prize|trophy)\b", a, re.I):
            return a
    return None


def asked_award(question: str) -> str | None:
    """A pattern for the award the question names ("did it win the Oscar?" -> "academy awards?|oscars?"), or None."""
    m = _ASKED_AWARD.search(_LOWER_AWARD.sub(lambda x: x.group().capitalize(), question))
    if not m:
        return None
    words_ = [w for w in m.group("a").split() if w[:1].isupper()]
    if not words_ or not _AWARD_WORD.search(m.group("a")):
        return None
    first = words_[0].lower().rstrip("s") if words_[0].lower() in ("oscars",) else words_[0].lower()
    return _AWARD_SAID.get(first, re.escape(words_[0]))


def _award_won(text: str, question: str) -> bool | None:
    """Whether the sentence says the film won the award the question names (None: it does not speak of that award)."""
    said = asked_award(question)
    if said is None:
        return None
    m = _ASKED_AWARD.search(question)
    # "the Goya for Best Film": an award of another category is another award
    cat = re.search(r"\bfor\s+(?:the\s+)?best\s+(?P<c>[\w ]+?)\s*[?.!]*$", question, re.I)
    cat_words = set(analyse(cat.group("c"))) if cat else set()
    verdict = None
    for a in re.finditer(rf"\b(?:{said})\b", text, re.I):
        given = re.match(r"[\w\s]{0,12}?\bfor\s+(?:the\s+)?best\s+(?P<c>[\w ]+)", text[a.end() : a.end() + 60], re.I)
        if cat_words and given and not cat_words <= set(analyse(given.group("c"))):
            continue
        after = re.split(r"[;:,]|\.\s|\s(?:and|but|while)\s", text[a.end() : a.end() + 50])[0]  # not "... and was nominated for a BAFTA"
        if _ONLY_NOMINATED.search(after) and not _WON.search(after):
            verdict = bool(verdict)  # "an Academy Award nomination", "At the Academy Awards it was nominated"
            continue
        before = text[max(0, a.start() - 80) : a.start()]
        verbs = [(v.end(), True) for v in _WON.finditer(before)] + [(v.end(), False) for v in _ONLY_NOMINATED.finditer(before)]
        if verbs:
            verdict = bool(max(verbs)[1] or verdict)
    if verdict is None and _AWARD_WORD.search(m.group("a")):
        return False  # an award of its own name the sentence does not give the film
    return verdict


def _polarity(text: str, question: str) -> bool:
    """True for 'yes': the sentence agrees with the question's statement."""
    question = _LOWER_AWARD.sub(lambda m: m.group().capitalize(), question)  # "did it win any oscars?" names the Oscar
    if re.search(r"\b(?:win|won|wins)\b", question, re.I):
        won = _award_won(text, question)
        if won is not None:
            return won != bool(_NEGATION.search(question))
    if re.search(r"\b(?:win|won|wins)\b", question, re.I) and not re.search(r"\b(?:won|wins?|winning|winner)\b", text, re.I) \
            and re.search(r"\bnominat|\blost\b", text, re.I):
        return bool(_NEGATION.search(question))  # nominated (and lost) is not a win
    # (an award "lost" is no money lost)
    verdict = next((v for v in _VERDICT.finditer(text) if not re.fullmatch(r"lost", v.group(), re.I)
                    or re.match(r"\s+(?:\w+\s+){0,2}?(?:[$£€]|money|millions?)", text[v.end() :])), None) if _MONEY_ASKED.search(question) else None
    if verdict is not None:
        # "The success led Greywater to make a sequel without Marchetti": the judgement is the success, not the "without"
        bad = re.match(r"flop|bomb|lost|loss|disappoint", verdict.group(), re.I) is not None
        denied = re.search(r"\b(?:not|never|no|hardly|far from)\b[^,.;]{0,25}$|n['’]t\b[^,.;]{0,25}$", text[: verdict.start()], re.I)
        neg_s = bad != bool(denied)
        neg_q = bool(_NEGATION.search(_NOT_A_FAILURE.sub(" ", question)))
        return neg_s == neg_q
    neg_s = bool(_NEGATION.search(_NOT_A_FAILURE.sub(" ", text)))
    neg_q = bool(_NEGATION.search(_NOT_A_FAILURE.sub(" ", question)))
    return neg_s == neg_q


def _ties(text: str, required: list[tuple[str, str]]) -> bool:
    """Whether the sentence speaks of each owner's relation ("Danko ... his partner"), not someone else's."""
    terms = set(analyse(text))
    for owner, noun in required:
        stem = analyse(noun)
        if not stem or stem[0] not in terms or owner.lower() not in text.lower():
            return False
        for m in re.finditer(rf"\b([A-Z][\w-]*)['’]s\s+(?:\w+\s+)?{re.escape(noun)}", text):
            if m.group(1).lower() != owner.lower():
                return False
    return True


def _kind_of(norm) -> str:
    """The scale of a score: "%", "grade", or the denominator ("10" for 7.9/10)."""
    n = str(norm)
    return "%" if n.endswith("%") else "grade" if n.startswith("grade") else n.split("/")[-1]


def _score_kind(question: str) -> str | None:
    """The scale the question asks for, when it names one."""
    q = question.lower()
    m = re.search(r"\bout of (\d+|ten|five)\b", q)
    if m:
        return {"ten": "10", "five": "5"}.get(m.group(1), m.group(1))
    if re.search(r"\bgrade\b|\bcinemascore\b", q):
        return "grade"
    if re.search(r"\baverage\b|\buser rating\b|\baudience rating\b", q):
        # out of ten, as aggregators give it -- unless the question names another site ("average rating on Frameboxd")
        return None if re.search(r"\b(?:on|from|at|by)\s+(?!rotten\b|imdb\b|metacritic\b|the\b|it\b)[a-z]\w+\s*\??\s*$", q) else "10"
    if re.search(r"\bmetacritic\b|\bmetascore\b", q):
        return "100"
    if re.search(r"\brotten tomatoes\b|\btomatometer\b|\bapproval\b|\bpercent|%", q):
        return "%"
    return None


def _same_fact(a: Candidate, b: Candidate, atype: AnswerType) -> bool:
    if atype == T.SCORE:
        return _kind_of(a.norm) == _kind_of(b.norm)
    return True


_ASKS_PLAYER = re.compile(r"\bwho(?:'s|’s| is| was)?\s+(?:plays?|played|playing|portrays?|portrayed|voices?|voiced)\s+(?!(?:in|on|for)\b)\w", re.I)
_LEADS_FIELDS = ("starring", "stars", "cast")


def compose(qa, kb: Knowledge, reading: Reading, hits: list[Passage], exclude: set[str], extra=()) -> Answer:
    route = reading.route
    atype = route.answer_type
    sentences = score_sentences(qa, reading, hits, extra)
    route = route.model_copy(update={"passages": _refs(hits)})
    reading.route = route
    if not sentences and not _asks_summary(reading) and not _asks_genre(reading):
        return abstain(reading, hits, "No passage matches the question.")

    if atype == T.LIST and reading.element_type in (None, T.PLACE, T.ORGANISATION, T.TITLE):
        noun = re.search(r"\b(?:which|what)\s+(?:other\s+)?([a-z]+)", route.resolved_question, re.I)
        asked = set(analyse(noun.group(1))) if noun else set()
        field = next((s for s in sentences if s.infobox_key and s.infobox_key in reading.infobox_keys
                      and asked & set(analyse(s.infobox_key))), None)
        if field is not None:
            # "Which countries produced it?", "What languages are spoken?": the field lists them
            value = split_field(field.sentence.text)[1].strip()
            citer = _Citer()
            n = citer.cite(field)
            return Answer(question=route.question, answer=value, text=f"{value}.\n{field.sentence.text} [{n}]",
                          citations=citer.citations, route=route, confidence=0.8)
    if atype in (T.YESNO, T.REASON, T.DESCRIPTION) or (atype == T.LIST and reading.element_type is None):
        return _compose_sentence_answer(qa, kb, reading, hits, sentences)
    if atype == T.TITLE or (atype == T.LIST and reading.element_type == T.TITLE):
        works = works_of(qa, kb, reading, hits, exclude)
        if works is not None:
            return works

    if atype in (T.YEAR, T.DATE) and route.aspect == "setting":
        # "what year is it set in?": a plot that opens "In 2119, the station ..." says so without the word "set"
        # and the making of the film ("filming began ... on a set") is not the story's time
        sentences = sorted((ScoredSentence(ss.sentence, ss.passage, ss.score + 0.6, 1.0, ss.infobox_key)
                            if _PLOT_SECTION.search(ss.passage.section or "") and YEAR_AT_START.match(ss.sentence.text)
                            else ScoredSentence(ss.sentence, ss.passage, ss.score - 1.0, ss.coverage, ss.infobox_key)
                            if _MAKING.search(ss.sentence.text) else ss
                            for ss in sentences), key=lambda ss: -ss.score)
    if atype == T.PERSON and _ASKS_PLAYER.search(route.resolved_question):
        # "who plays Earl?": a starring field names the leads, not who plays the part asked
        sentences = [ss for ss in sentences if ss.infobox_key not in _LEADS_FIELDS]
    candidates = collect_candidates(kb, reading, sentences, exclude, foreign_cells(qa, reading, sentences))
    if atype in (T.PERSON, T.ORGANISATION, T.LIST) and reading.craft_asked and craft_binding(route.aspect or "") is not None:
        # who did a craft: only people the documents tie to that craft qualify
        candidates = [c for c in candidates if c.tied]
    named = _NAME_OF.search(route.resolved_question) if atype == T.PERSON else None
    if named:
        # "What is the name of Ridzik's dog?": a name given to the dog ("his dog, Rex", "a dog named Rex")
        noun = re.escape(named.group("noun"))
        candidates = [c for c in candidates if any(
            re.search(rf"\b{noun}s?\b(?:,\s*|\s+(?:named|called|nicknamed|known as)\s+){re.escape(surface)}|{re.escape(surface)},?\s+(?:(?:the|a|an|his|her|their)\s+)?(?:\w+\s+)?{noun}\b",
                      ss.sentence.text, re.I) for ss, surface in c.support)]
    if reading.required:
        # "Who played Danko's wife?": only sentences that speak of the wife can answer
        candidates = [c for c in candidates if any(_ties(ss.sentence.text, reading.required) for ss, _ in c.support)]
    if atype in _QUALIFIED and any(c.qualified is not None for c in candidates):
        # "How much did it make on DVD?": a value said under none of the question's qualifiers answers another question
        candidates = [c for c in candidates if c.qualified is not False]
    if any(c.in_market for c in candidates):
        # "How much did it earn in the UK?": a value said of the UK, before one said of no market
        candidates = [c for c in candidates if c.in_market]
    else:
        # ... and never one said only of another market ("$29.8 million in the United States", "May 28 (Denver)");
        # one said of no market is the film's home market's ("released July 3, 1990" of an American film)
        markets = asked_markets(reading, kb)
        away = markets and not _home_market(kb, route.film, markets)
        candidates = [c for c in candidates if c.in_market is not False and not (away and c.in_market is None)]
    if atype == T.MONEY and _FEE_ASKED.search(route.resolved_question):
        # "How much was X paid?": a sum said as someone's pay, not the film's budget said beside X's name
        candidates = [c for c in candidates if any(_FEE_SAID.search(ss.sentence.text) for ss, _ in c.support)]
    if atype == T.SCORE:
        kind = _score_kind(reading.normalised or route.resolved_question)
        if kind and any(_kind_of(c.norm) == kind for c in candidates):
            candidates = [c for c in candidates if _kind_of(c.norm) == kind]
    if not candidates:
        return abstain(reading, hits, "The closest passages don't state it.", sentences)
    best = candidates[0]
    best_ss = best.support[0][0]
    if best_ss.coverage < MIN_COVERAGE:
        return abstain(reading, hits, "The closest passages don't state it.", sentences)
    if route.film is None and atype in _FILM_VALUES and best_ss.coverage < 0.99 and len(qa.films) > 1:
        # "how much did The Walk make?" where no film of the corpus is named: a sum said of some other film is no answer
        return abstain(reading, hits, "No film of these documents is named, and no passage speaks of all the question names.", sentences)

    citer = _Citer()
    if atype == T.LIST or (atype == T.PERSON and best_ss.infobox_key in reading.infobox_keys):
        return _compose_list(reading, hits, candidates, citer)

    conflicts: list[Conflict] = []
    if atype in CONFLICT_TYPES:
        field_weight = 0.6 if best_ss.infobox_key and best_ss.infobox_key in reading.primary_keys else 0.0
        rivals = [
            c for c in candidates[1:6]
            # two documents naming different main filming places disagree even when one covers the question less
            if c.support[0][0].coverage >= (0.5 if best.main and c.main else max(0.6, best_ss.coverage - 0.35))
            and not (c.docs <= best.docs)
            and _same_fact(best, c, atype)
            # (a field's weight picks it first; it does not outweigh a source that disagrees)
            and c.score >= best.score - (1.0 if best.main and c.main else 0.75) - field_weight
        ]
        # each rival speaks for a document not heard yet: one article naming a second place is no second source
        heard = set(best.docs)
        rivals = [c for c in rivals if not (c.docs <= heard) and not heard.update(c.docs)]
        if rivals and best_ss.coverage >= 0.6:
            values = [best] + rivals[:2]
            conflicts.append(
                Conflict(
                    fact=fact_name(reading),
                    values=[ConflictValue(value=_display(c, atype), citations=[citer.cite(ss) for ss, _ in c.support[:2]]) for c in values],
                )
            )
    if conflicts:
        parts = [f"{v.value} " + "".join(f"[{n}]" for n in v.citations) for v in conflicts[0].values]
        answer = " or ".join(v.value for v in conflicts[0].values)
        text = f"{answer} — the sources disagree: " + "; ".join(parts) + "."
        for v, c in zip(conflicts[0].values, [best] + rivals[:2]):
            text += f"\n[{v.citations[0]}] {c.support[0][0].sentence.text}"
        conf = min(1.0, best.score / 2)
        return Answer(question=route.question, answer=answer, text=text, citations=citer.citations, conflicts=conflicts, route=route, confidence=round(conf, 3))

    answer = _display(best, atype)
    n = citer.cite(best_ss)
    more = [citer.cite(ss) for ss, _ in best.support[1:3]]
    text = f"{_full_stop(answer)}\n{best_ss.sentence.text} [{n}]"
    if more:
        text += "\nAlso stated in " + ", ".join(f"[{m}]" for m in more) + "."
    return Answer(question=route.question, answer=answer, text=text, citations=citer.citations, route=route, confidence=round(min(1.0, best.score / 2), 3))


TABLE_NOTE = "read from a structured record"


def _full_stop(answer: str) -> str:
    """The short answer as a sentence: "Walter Hill." -- but "48 Hrs." keeps its one stop."""
    return answer if answer.endswith((".", "!", "?")) else answer + "."


def answer_from_record(reading: Reading, hits: list[Passage], answer: str, support: list[ScoredSentence], table: bool = False) -> Answer:
    """A reply whose value was read from a cast list or a table row."""
    citer = _Citer()
    refs = [citer.cite(ss) for ss in support[:8]]
    text = f"{_full_stop(answer)}\n{support[0].sentence.text} [{refs[0]}]"
    if len(refs) > 1:
        text += "\nAlso stated in " + ", ".join(f"[{n}]" for n in refs[1:]) + "."
    route = reading.route.model_copy(update={"passages": _refs(hits), "explanation": TABLE_NOTE + (" (a table row)" if table else " (a cast list)")})
    return Answer(question=route.question, answer=answer, text=text, citations=citer.citations, route=route, confidence=0.9)


def _display(c: Candidate, atype: AnswerType) -> str:
    if atype == T.MONEY and isinstance(c.norm, int):
        return fmt_money(c.norm) if not c.value.startswith("$") or "M" in c.value or "million" not in c.value else c.value
    if atype == T.MONEY and isinstance(c.norm, str):
        return fmt_money(*split_money_norm(c.norm))
    if atype == T.DURATION and isinstance(c.norm, int):
        return f"{c.norm} minutes"
    return c.value


def joined(names: list[str]) -> str:
    """ "A, B and C"."""
    return ", ".join(names[:-1]) + (" and " + names[-1] if len(names) > 1 else names[0])


def _compose_list(reading: Reading, hits, candidates: list[Candidate], citer: _Citer) -> Answer:
    best = candidates[0]
    best_ss = best.support[0][0]
    if best_ss.infobox_key is not None:
        members = [c for c in candidates if any(ss is best_ss for ss, _ in c.support)]
    else:
        floor = max(best.score - 0.45, 0.8)
        # every name the best sentence ties to the asked job ("the writers were A, B & C, and D") is one of them
        members = [c for c in candidates if c.score >= floor and c.support[0][0].coverage >= MIN_COVERAGE
                   or c.tied and any(ss is best_ss for ss, _ in c.support)][:12]
    # keep document order of the best sentence
    members.sort(key=lambda c: (c.support[0][0].passage.id, c.support[0][0].sentence.start, best_ss.sentence.text.find(c.value)))
    names = list(dict.fromkeys(c.value for c in members))
    refs = []
    for c in members:
        n = citer.cite(c.support[0][0])
        if n not in refs:
            refs.append(n)
    answer = joined(names)
    text = citer.listing(answer, refs)
    return Answer(question=reading.route.question, answer=answer, text=text, citations=citer.citations, route=reading.route, confidence=round(min(1.0, best.score / 2), 3))


_ABOUT = re.compile(r"\bwhat(?:'s|’s| is| was)\b.*\babout\b|\bwhat happens\b|\bplot\b|\bsynopsis\b|\bstory\b|\bpremise\b", re.I)
# words that only say a summary is wanted ("what is the plot of X?"): no fact of their own to find
_SUMMARY_TERMS = frozenset(analyse("plot plots story synopsis premise summary happens"))
_PLOT_SECTION = re.compile(r"plot|synopsis|story|summary|premise", re.I)
_RECORD_LINE = re.compile(r"^[A-Z][\w.'’ -]{1,40}\s+as\s+[A-Z]")


def _says_something(ss: ScoredSentence) -> bool:
    """A sentence that can answer in prose: not a cast line, table row, heading or question."""
    text = ss.sentence.text.strip()
    return len(text.split()) >= 6 and not text.endswith("?") and not _RECORD_LINE.search(text) and text.count("|") < 2


# a sentence that says what a film is about: "X follows three people who ...", "a documentary about ...",
# "Written by A from B, it follows a marshal who ...", "It stars A as B, an investigator who ...", "A and B reprise
# their roles as C and D, who are hired to ..."
_SAYS_ABOUT = re.compile(r"\b(?:film|documentary|drama|comedy|thriller|feature|western|romance|story|tale) about\b"
                         r"|(?:^\W*|[,;:]\s+)(?:(?:the|this)\s+(?:film|movie|documentary|story)|it|(?:[A-Z][\w'’:-]*\s+){0,5}[A-Z][\w'’:-]*)\W*\s+"
                         r"(?:[\w'’-]+\s+){0,4}?(?:follows|is about|tells the story|tells of|centres on|centers on|chronicles|revolves around)\b"
                         r"|\b(?:star(?:s|red|ring)|reprises?|reprising|plays?)\s+[^.;]{0,80}?\bas\s+[^.;]{0,100}?\b(?:who|whose)\b")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# a sentence with a verb in it, not a fragment left by a broken page ("Moscow Police Georgian drug kingpin and crime lord.")
_HAS_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|be|been|can|will|would|must|[a-z]{2,}(?:s|ed|es))\b")


_ABOUT_THE_FILM = re.compile(r"\b(?:film|feature|movie|narrative|summary|director|audiences?|viewers?|scenes?|sequences?|genre|released?)\b", re.I)


# a document asking itself the question ("What's it about?", "So what is the film really about?", "The set-up is
# simple."): the sentences after it answer
_ASKS_ABOUT = re.compile(r"^\W*(?:so,?\s+|but\s+)?what(?:'s|’s|\s+is|\s+was)\s+(?:[\w'’:-]+\s+){0,6}about\s*\?\s*$"
                         r"|^\W*(?:the|here(?:'s|’s|\s+is)\s+the)\s+(?:set-?up|premise|plot|story|gist)\b[^.?!]{0,20}[.:!]?\s*$", re.I)
_NOISE = re.compile(r"[|·]")


def _about_pool(qa, reading: Reading, hits: list[Passage], per_doc: int = 40) -> list[ScoredSentence]:
    """The sentences a summary may come from, once each in document order: the first passages of every
    document about the film (where leads, plot sections and reviews' set-ups are), and the retrieved ones."""
    film = reading.route.film
    passages: dict[int, Passage] = {p.id: p for p in hits}
    if film and qa.film(film):
        for doc_id in qa.film(film).doc_ids:
            for i in qa.passage_range(doc_id)[:per_doc]:
                passages.setdefault(i, qa.passages[i])
    title = re.sub(r"\s*\(\d{4}\)$", "", film or "").lower()
    seen: dict[tuple[str, int], ScoredSentence] = {}
    for p in sorted(passages.values(), key=lambda p: p.id):
        if film and film not in p.films:
            continue
        for x in p.sentences:
            if len(p.films) > 1 and title not in x.text.lower():
                continue  # a passage on several films: only what names this one is about it
            seen.setdefault((p.doc_id, x.start), ScoredSentence(x, p, p.score, 1.0))
    return list(seen.values())


def _after(pool: list[ScoredSentence], ss: ScoredSentence, n: int) -> list[ScoredSentence]:
    """Up to ``n`` prose sentences that follow ``ss`` in its document."""
    out = []
    for x in pool:
        if x.passage.doc_id == ss.passage.doc_id and x.sentence.start > ss.sentence.start and len(out) < n:
            if len(x.sentence.text.split()) < 3 or x.sentence.text.rstrip().endswith("?"):
                break
            out.append(x)
    return out


# a logline: the story told of an unnamed hero ("A tough Russian policeman is forced to ...", "An investigator follows ...")
_LOGLINE = re.compile(r"^\W*(?:An?|Two|Three|Four)\s+(?:[\w'’-]+\s+){0,5}?(?:is|are|must|has|have|[a-z]{3,}(?:s|ed))\b(?!\s+(?:by|that)\b)")


def _has_infobox(qa, doc_id: str) -> bool:
    doc = qa.document(doc_id)
    return bool(doc and doc.infobox)


def _about_film(text: str, film: str, kb: Knowledge) -> bool:
    """Whether a sentence may be about ``film``: it names no other film of the corpus instead."""
    named, _ = films_named(text, kb)
    return not named or film in named


_POINTS_BACK = re.compile(r"^\W*(?:it|this|that|(?:the|this|that)\s+(?:film|movie|picture|one))\b", re.I)


# a question on how critics took the film as a whole
_ASKS_RECEPTION = re.compile(r"\b(?:critics?|reviewers?|critical(?:ly)?|consensus)\b|\bhow (?:was|were|is) (?:it|the (?:film|movie)|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*) received\b|\breception\b", re.I)
# ... and the sentences that answer it: "received mixed responses from critics", "Critics praised her performance"
_CRITICS_SUMMED = re.compile(r"\b(?:received|receiving|met with|drew|garnered|opened to|earned)\s+(?:\w+\s+){0,4}?(?:reviews|response|responses|reception|acclaim|praise|notices)\b"
                             r"|\b(?:critics|reviewers)\s+(?:\w+\s+)?(?:praised|liked|loved|admired|hated|panned|criticized|criticised|disliked|"
                             r"were (?:divided|split|kind|harsh)|dismissed|singled out|compared|attacked)\b|\bcritically (?:acclaimed|panned|praised)\b", re.I)
_CONSENSUS = re.compile(r"\bconsensus\b", re.I)


def _verdicts(qa, kb: Knowledge, reading: Reading, hits: list[Passage], seen: set[tuple[str, int]],
              judging: re.Pattern = _VERDICT) -> list[ScoredSentence]:
    """Sentences of the film's own documents that judge how it did ("a box-office bomb", "not a flop", "turned a
    profit"; or, with ``judging``, how critics took it), wherever they stand: the words of "was it a hit?" are
    rarely theirs, so retrieval misses them."""
    film = reading.route.film
    if not film:
        return []
    out = []
    pool = _about_pool(qa, reading, hits)
    for before, s in zip([None] + pool, pool):
        doc = qa.document(s.passage.doc_id)
        text = s.sentence.text.rstrip()
        if ((s.passage.doc_id, s.sentence.start) in seen or not doc or doc.films[:1] != [film]
                or _PLOT_SECTION.search(s.passage.section or "") or not text.endswith((".", "!", '"', "”"))):
            continue  # another film's page; the story's own ups and downs; a headline
        if before is not None and before.passage.doc_id == s.passage.doc_id and _POINTS_BACK.match(text) \
                and not _about_film(before.sentence.text, film, kb):
            continue  # "The first one, from 1997, was a tiny comedy. It was a surprise hit.": the other film's
        if judging.search(text) and len(text.split()) >= 3 and text.count("|") < 2 and not _RECORD_LINE.search(text) \
                and _about_film(text, film, kb):  # "It was big foreign." says how it did in four words
            out.append(ScoredSentence(s.sentence, s.passage, 0.9, 0.75))
    return out


_ASKS_GENRE = re.compile(r"\bgenres?\b|\bwhat (?:kind|type|sort) of (?:a )?(?:film|movie|picture)\b", re.I)
_GENRE_TERMS = frozenset(analyse("genre genres kind type sort film movie picture"))
# "X is a 1954 American Western film", "Red Heat is a Action, Crime film": what kind of film the lead says it is
_IS_A_FILM = re.compile(r"\b(?:is|was)\s+an?\s+(?P<kind>[^.;:()]{2,80}?)\s+(?:film|movie|picture)\b")
_NATIONALITY = re.compile(r"^(?:\d{4}|[A-Z][\w'’]*(?:-[\w'’]+)+|[A-Z][a-z]*(?:an|ish|ese|ch|i)|[Ff]eature|[Ff]eature-length|[Ll]ive-action)$")


# "How did it do on video?", "how did it do abroad?", "how did it perform at the box office?"
_HOW_IT_DID = re.compile(r"\bhow (?:did|has|does|do) .{0,60}?\b(?:do|fare|perform|sell)\b(?P<rest>.*)$", re.I)
# where: the words that mark a market in the question, and in the sentence that answers it
_MARKETS = [
    (r"\b(?:video|vhs|cassettes?|dvd|blu-?ray|home (?:media|video|release)|rentals?|streaming)\b", r"\b(?:video|vhs|cassettes?|dvds?|blu-?ray|home (?:video|media|release|entertainment)|rentals?|streaming)\b"),
    (r"\b(?:abroad|overseas|foreign|international(?:ly)?|outside)\b", r"\b(?:abroad|overseas|foreign|international(?:ly)?|outside|other (?:territories|countries|markets))\b"),
]
# how a film did, said in words ("It was big foreign.", "a very big seller on cassette", "did poorly")
_DID = re.compile(rf"{_VERDICT.pattern}|\b(?:big|huge|massive|seller|sold|well|poorly|strong(?:ly)?|weak(?:ly)?|popular|top rentals?)\b", re.I)


def _how_it_did(qa, kb: Knowledge, reading: Reading, hits: list[Passage], asked: re.Match) -> ScoredSentence | None:
    """How the film did where the question asks (on video, abroad), in the words of its own documents."""
    market = next((said for marks, said in _MARKETS if re.search(marks, asked.group("rest"), re.I)), None)
    found = _verdicts(qa, kb, reading, hits, set(), _DID)
    if market:
        found = [s for s in found if re.search(market, f"{s.passage.section or ''} {s.sentence.text}", re.I)]  # under "Home media" too
    if not found:
        return None
    speaker = _asked_speaker(reading.route.resolved_question) or (re.search(r"according to (?:the )?([A-Z][\w'’-]+)", reading.route.resolved_question) or [None, None])[1]
    # the one the question's words cover best; said by the one it names ("according to Hill")
    return max(found, key=lambda s: (bool(speaker) and speaker in s.passage.text, len(set(analyse(s.sentence.text)) & set(reading.key_terms)), -s.passage.id))


def _asks_genre(reading: Reading) -> bool:
    """"What genre is X?", "what kind of film is it?": nothing asked but the kind of film."""
    return (reading.route.answer_type == T.DESCRIPTION and set(reading.key_terms) <= _GENRE_TERMS
            and bool(_ASKS_GENRE.search(reading.normalised or reading.route.resolved_question)))


def _genre_of(qa, kb: Knowledge, reading: Reading, hits: list[Passage]) -> tuple[str, ScoredSentence] | None:
    """The kind of film a sentence says the film is ("a 1974 British folk horror film" -> folk horror), with it."""
    film = reading.route.film
    title = re.sub(r"\s*\(\d{4}\)$", "", film or "")
    # an encyclopedia's lead (a document with an infobox) before a review site's "is a Action, Crime film"
    for s in sorted(_about_pool(qa, reading, hits), key=lambda s: not _has_infobox(qa, s.passage.doc_id)):
        text = s.sentence.text
        m = _IS_A_FILM.search(text)
        if not m or not (film is None or text.lower().startswith(title.lower()) or _POINTS_BACK.match(text) or title.lower() in text[:m.start()].lower()):
            continue
        words_ = m.group("kind").replace(",", " ,").split()
        kind = " ".join(w for w in words_ if not _NATIONALITY.match(w)).replace(" ,", ",").strip(" ,")
        if kind and not re.search(r"\b(?:the|of|by|from|in|with)\b", kind):
            return kind, s
    return None


def _asks_summary(reading: Reading) -> bool:
    """"What is it about?", "what's the plot of X?": a summary of the film, nothing more particular."""
    return (reading.route.answer_type in (T.DESCRIPTION, T.REASON) and set(reading.key_terms) <= _SUMMARY_TERMS
            and bool(_ABOUT.search(reading.normalised or reading.route.resolved_question)))


def _plot_lead(qa, kb: Knowledge, reading: Reading, hits: list[Passage]) -> list[ScoredSentence]:
    """What the film is about ("What is it about?"), as the sentences to quote: a sentence saying so (a lead's
    "it follows ...", "stars A as B, a ... who ..."), else the start of a plot section, else the answer a
    document gives to its own "What's it about?"."""
    pool = _about_pool(qa, reading, hits)
    first = {}
    for x in pool:
        first.setdefault(x.passage.doc_id, x.passage.id)
    film = reading.route.film
    said = [s for s in pool if _says_something(s) and _SAYS_ABOUT.search(_QUOTED.sub('""', s.sentence.text))
            # "The first Orchard Thieves was a comedy about ...", in a blog on the sequel, is about the first film
            and (film is None or _about_film(s.sentence.text, film, kb))]
    if said:
        # prose before a headline run into a byline; an encyclopedia's (a document with an infobox) before a
        # review's; then the one nearest its document's start (a lead's)
        best = min(said, key=lambda s: (bool(_NOISE.search(s.sentence.text)), not _has_infobox(qa, s.passage.doc_id),
                                        s.passage.id - first[s.passage.doc_id], s.sentence.start))
        # "Kestrel Nine is a small film about a very big place.": a short one needs the sentence after it
        return [best] + (_after(pool, best, 1) if len(best.sentence.text.split()) < 15 else [])
    plot = [s for s in pool if _PLOT_SECTION.search(s.passage.section or "") and _says_something(s)
            and _HAS_VERB.search(s.sentence.text)]
    # the story itself before words about the film ("In this high-octane feature, Hill establishes a narrative ...")
    story = [s for s in plot if not _ABOUT_THE_FILM.search(s.sentence.text)]
    plot = story or plot
    if plot:
        # a logline ("A tough cop is forced to ...") before a plot's first scene; a plain "Plot" heading (an
        # encyclopedia's) before "Story & Plot Summary: ..." (a review site's)
        lead = min(plot, key=lambda s: (not _LOGLINE.match(s.sentence.text), len(s.passage.section or ""), s.passage.doc_id, s.sentence.start))
        nxt = _after(pool, lead, 1)
        # a plot's first sentence sets the scene; the next one starts the story
        return [lead] + (nxt if len(lead.sentence.text.split()) < 30 and nxt and _HAS_VERB.search(nxt[0].sentence.text) else [])
    for s in pool:
        if _ASKS_ABOUT.match(s.sentence.text):
            answer = _after(pool, s, 2)
            if answer:
                return answer
    return []


_SPEAKER = re.compile(r"\b(?:did|does|do|has|had)\s+(?P<who>(?:[A-Z][\w'’-]+\s+){1,3})(?:\w+ly\s+|later\s+|once\s+)?"
                      r"(?:say|write|think|feel|comment|remark|recall)\b")


def _asked_speaker(question: str) -> str | None:
    """The last name of the person a 'what did X say/write?' question asks about, or None."""
    m = _SPEAKER.search(question)
    return m.group("who").split()[-1] if m else None


def _said_by(ss: ScoredSentence, speaker: str) -> ScoredSentence:
    """``ss`` made a better answer when the speaker is its sayer ("X later wrote ...", "... said X")."""
    text = ss.sentence.text
    verb = r"(?:said|says|wrote|writes|told|recalled|remarked|commented|explained|joked|admitted|called)"
    sp = re.escape(speaker)
    if not re.search(rf"\b{sp}\b(?:\s+\w+){{0,2}}\s+{verb}\b|\b{verb}\s+(?:\w+\s+)?{sp}\b", text):
        return ss
    return ScoredSentence(ss.sentence, ss.passage, ss.score + 0.25, max(ss.coverage, min(1.0, ss.coverage + 0.25)), ss.infobox_key)


def _compose_sentence_answer(qa, kb: Knowledge, reading: Reading, hits, sentences: list[ScoredSentence]) -> Answer:
    atype = reading.route.answer_type
    done = _HOW_IT_DID.search(reading.normalised or reading.route.resolved_question) if atype == T.DESCRIPTION else None
    if done and reading.route.film:
        said = _how_it_did(qa, kb, reading, hits, done)
        if said is not None:
            # "It was big foreign.": what "it" is was said just before
            before = _antecedent(said)
            quoted = [x for x in (before, said) if x is not None and not (x is before and _ANAPHOR.search(x.sentence.text[:30]))]
            citer = _Citer()
            return Answer(question=reading.route.question, answer=" ".join(x.sentence.text for x in quoted),
                          text=" ".join(f"{x.sentence.text} [{citer.cite(x)}]" for x in quoted),
                          citations=citer.citations, route=reading.route, confidence=0.6)
    if _asks_genre(reading):
        kind = _genre_of(qa, kb, reading, hits)
        if kind is not None:
            citer = _Citer()
            genre, ss = kind
            return Answer(question=reading.route.question, answer=genre, text=f"{_full_stop(genre)}\n{ss.sentence.text} [{citer.cite(ss)}]",
                          citations=citer.citations, route=reading.route, confidence=0.7)
    if _asks_summary(reading):
        lead = _plot_lead(qa, kb, reading, hits)
        if lead:
            citer = _Citer()
            answer = " ".join(x.sentence.text for x in lead)
            text = " ".join(f"{x.sentence.text} [{citer.cite(x)}]" for x in lead)
            return Answer(question=reading.route.question, answer=answer, text=text,
                          citations=citer.citations, route=reading.route, confidence=0.6)
    if atype == T.DESCRIPTION and _ASKS_RECEPTION.search(reading.normalised or reading.route.resolved_question):
        # "How did critics respond?", "what did critics think of it?": the sentence that sums the critics up
        consensus = "consensus" in (reading.normalised or reading.route.resolved_question).lower()
        summary = _CONSENSUS if consensus else _CRITICS_SUMMED
        sentences = sentences + _verdicts(qa, kb, reading, hits, {(s.passage.doc_id, s.sentence.start) for s in sentences}, summary)
        sentences = sorted((ScoredSentence(s.sentence, s.passage, s.score + 0.5, max(s.coverage, 0.75), s.infobox_key)
                            if s.infobox_key is None and summary.search(s.sentence.text) else s for s in sentences),
                           key=lambda s: -s.score)
        summed = [s for s in sentences if s.infobox_key is None and summary.search(s.sentence.text) and _says_something(s)]
        if summed and not consensus:
            # one document's summing-up, and another's when there is one ("Critics liked it ..." / "Critics praised ...")
            other = [x for x in summed if x.passage.doc_id != summed[0].passage.doc_id][:1]
            citer = _Citer()
            text = " ".join(f"{x.sentence.text} [{citer.cite(x)}]" for x in summed[:1] + other)
            return Answer(question=reading.route.question, answer=" ".join(x.sentence.text for x in summed[:1] + other),
                          text=text, citations=citer.citations, route=reading.route, confidence=0.6)
    speaker = _asked_speaker(reading.route.resolved_question) if atype == T.DESCRIPTION else None
    if speaker:
        # "What did X later write about its success?" — "X later wrote the film 'wasn't the smash...'": X's own words
        sentences = [_said_by(s, speaker) for s in sentences]
    verdict = atype == T.YESNO and reading.route.aspect == "box office"
    if verdict:
        # "did it make money?": "it was a box-office bomb" answers it without the question's words
        sentences = [ScoredSentence(s.sentence, s.passage, s.score + 0.4, max(s.coverage, 0.75), s.infobox_key)
                     if s.infobox_key is None and _VERDICT.search(s.sentence.text) else s for s in sentences]
        sentences += _verdicts(qa, kb, reading, hits, {(s.passage.doc_id, s.sentence.start) for s in sentences})
    any_award = atype == T.YESNO and _ANY_AWARD.search(reading.normalised or reading.route.resolved_question)
    named_award = asked_award(reading.normalised or reading.route.resolved_question) if atype == T.YESNO else None
    if named_award:
        # "did it win an Oscar?": a sentence saying it won (or was up for) that award, before one that only names it
        sentences = sorted((ScoredSentence(s.sentence, s.passage, s.score + 0.5, max(s.coverage, 0.75), s.infobox_key)
                            if s.infobox_key is None and re.search(rf"\b(?:{named_award})\b", s.sentence.text, re.I)
                            and (_WON.search(s.sentence.text) or _ONLY_NOMINATED.search(s.sentence.text)) else s
                            for s in sentences), key=lambda s: -s.score)
    if any_award:
        # "did it win anything?": a sentence saying what it won answers it, whatever else it covers
        # ("it won no major awards" answers it too)
        sentences = [ScoredSentence(s.sentence, s.passage, s.score + 0.5, max(s.coverage, 0.75), s.infobox_key)
                     if s.infobox_key is None and (_award_named(s.sentence.text) or _WINS_SAID.search(s.sentence.text)) else s
                     for s in sentences]
        sentences.sort(key=lambda s: -s.score)
    pool = [s for s in sentences if s.coverage >= MIN_COVERAGE and (s.infobox_key is None or atype == T.YESNO)
            and (atype == T.YESNO or _says_something(s))]
    if atype == T.YESNO:
        # a yes or no is a judgement said in prose; a field's bare value ("gross = $29 million") says neither,
        # and a field the question does not ask about ("name = ...") says nothing at all
        pool = [s for s in pool if s.infobox_key is None or s.infobox_key in reading.infobox_keys]
        pool.sort(key=lambda s: -(s.score - (0.5 if s.infobox_key else 0)))
        if any_award:
            pool.sort(key=lambda s: _award_named(s.sentence.text) is None)  # one award won is a yes, whatever was lost
    because = _BECAUSE
    if atype == T.REASON and _ASKS_NAME.search(reading.route.resolved_question):
        because = _NAMED_FROM  # "Why is it called X?": where the name comes from
    if atype == T.REASON:
        pool.sort(key=lambda s: -(s.score + (0.5 if because.search(s.sentence.text) or _SO.search(s.sentence.text) else 0)))
    elif atype == T.DESCRIPTION and SPEECH_ASKED.search(reading.route.resolved_question):
        # "What did X say about Y?": words someone said (quoted, first person, or with a speech verb)
        pool.sort(key=lambda s: -(s.score + (0.45 if _SAID.search(s.sentence.text) else 0)))
    if not pool:
        return abstain(reading, hits, "The closest passages don't state it.", sentences)
    best = pool[0]
    citer = _Citer()
    n = citer.cite(best)
    q = reading.normalised or reading.route.question
    if atype == T.YESNO:
        yes = _polarity(best.sentence.text, q)
        # two documents judging how it did ("a solid commercial success" / "a box-office disappointment") disagree
        # however much more of the question one of them repeats
        judged = verdict and _VERDICT.search(best.sentence.text) is not None
        rivals = [s for s in pool[1:8] if s.passage.doc_id != best.passage.doc_id and s.coverage >= 0.6 and best.coverage >= 0.6
                  and _polarity(s.sentence.text, q) != yes
                  and (s.score >= best.score - 0.5 or judged and _VERDICT.search(s.sentence.text) is not None)
                  and not (reading.route.film and s.passage.films and reading.route.film not in s.passage.films)]
        if any_award and yes:
            rivals = []  # one award lost is no denial that another was won
        if rivals:
            r = rivals[0]
            m = citer.cite(r)
            vals = [ConflictValue(value="Yes" if yes else "No", citations=[n]), ConflictValue(value="No" if yes else "Yes", citations=[m])]
            answer = f"{vals[0].value} or {vals[1].value.lower()} — the sources disagree"
            text = f"{answer}:\n{vals[0].value}: {best.sentence.text} [{n}]\n{vals[1].value}: {r.sentence.text} [{m}]"
            return Answer(question=reading.route.question, answer=answer, text=text, citations=citer.citations,
                          conflicts=[Conflict(fact=fact_name(reading), values=vals)], route=reading.route, confidence=0.5)
        answer = "Yes" if yes else "No"
        award = _award_named(best.sentence.text) if any_award and yes else None
        if award:
            answer = f"Yes: {award}"  # what it won is the answer a "did it win anything?" wants
        text = f"{answer}. {best.sentence.text} [{n}]"
    elif atype == T.REASON:
        # the reason and what follows it; with a consequence drawn ("..., so she withdrew") the whole sentence
        m = None if _SO.search(best.sentence.text) else because.search(best.sentence.text)
        # ... up to the next clause ("as he isn't licensed to carry one, and order him to ..." stops at ", and")
        answer = re.split(r",\s+(?:and|but|while)\s|;|\s[—–]\s", best.sentence.text[m.start():])[0].strip(" ,.") if m else best.sentence.text
        text = f"{best.sentence.text} [{n}]"
    else:
        answer = best.sentence.text
        text = f"{best.sentence.text} [{n}]"
        before = _antecedent(best)
        if before is not None:
            # "'I think it's the best scene,' said Hill": what "it" is was said just before
            citer = _Citer()
            p, n = citer.cite(before), citer.cite(best)
            answer = f"{before.sentence.text} {best.sentence.text}"
            text = f"{before.sentence.text} [{p}] {best.sentence.text} [{n}]"
    return Answer(question=reading.route.question, answer=answer, text=text, citations=citer.citations, route=reading.route, confidence=round(min(1.0, best.score / 2), 3))


_ANAPHOR = re.compile(r"^[\"“'‘]?(?:it|this|that|these|those|he|she|they|there)\b|[\"“'‘]?(?:i think )?(?:it|this|that)['’]s\b", re.I)


def _antecedent(ss: ScoredSentence) -> ScoredSentence | None:
    """The sentence before a short one that opens by pointing back at it ("It was ...", "I think it's ...")."""
    text = ss.sentence.text
    if len(text.split()) > 16 or not _ANAPHOR.search(text[:30]):
        return None
    sentences = ss.passage.sentences
    i = next((k for k, x in enumerate(sentences) if x.start == ss.sentence.start), None)
    if not i:
        return None
    return ScoredSentence(sentences[i - 1], ss.passage, ss.score, ss.coverage)


def add_player(ans: Answer, actor: str, ss: ScoredSentence) -> Answer:
    """A character's description with who plays the part, cited from the cast list."""
    citer = _Citer()
    citer.citations = list(ans.citations)
    n = citer.cite(ss)
    ans.answer = f"{ans.answer.rstrip()} (Played by {actor}.)"
    ans.text = f"{ans.text}\nPlayed by {actor} [{n}]."
    ans.citations = citer.citations
    return ans
