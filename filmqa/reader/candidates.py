"""Candidate values: typed values pulled out of the best sentences, with their evidence added up.

A value ("$29 million", "Walter Hill", "Vienna") is weighed by the words around it: the craft it is tied to,
the qualifiers and market it is said under, cost or takings, where the filming was; and by how many
documents say it. The composer then picks, reports a conflict or abstains from the ranked list.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from ..corpus.films import foreign_spans, normalise_title
from ..corpus.structure import split_field
from ..models import AnswerType
from ..retriever.analysis import STOP_WORDS, analyse
from .extract import MONEY, NOT_NAME, PLACE_CUE, extract, find_certificate, find_festivals, find_lower_places, find_span, title_cue
from .knowledge import LETTER, NAME_SPAN, UPPER, Knowledge, split_names
from .router import Reading, asked_unit
from .scoring import FACT_LINE, FILMING_SAID, ScoredSentence

T = AnswerType

CRAFT_CUES = {
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
    "design": r"design|art direct",
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
    "design": (r"production designer|art director|set designer|set decorator", r"designed", r"production design|art direction|sets?"),
    "distribution": (r"distributor", r"distributed|released", r"distribution|release"),
    "studio": (r"studio|production company|company", r"produced|made|financed|developed|acquired", r"production"),
}


@functools.cache
def craft_binding(aspect: str) -> tuple[re.Pattern, ...] | None:
    """Patterns whose group ``a`` marks where a name bound to the craft starts (``z``: where it ends); a name
    opens with any capital ("Ṣẹ̀gun") and ends with any letter or combining mark."""
    if aspect not in _CRAFTS:
        return None
    noun, verb, thing = _CRAFTS[aspect]
    return tuple(re.compile(p) for p in (
        rf"\b(?i:{noun})s?\b[,:]?\s+(?:(?i:was|is|were)\s+)?(?:[a-z]+\s+)?(?P<a>[{UPPER}])",        # director Walter Hill
        rf"\b(?i:{verb}|{thing}|{noun})\s+(?:[\w'’*]+\s+){{0,3}}?by:?\s+(?P<a>[{UPPER}])",          # directed by X, the novel Windfall by X, Music by: X
        rf"(?P<z>[{LETTER}.])\s+(?:(?:who|also|later|then|had|has|co-)\s*)?(?i:{verb})\b",           # X directed
        rf"(?P<z>[{LETTER}.])['’]s\s+(?:[a-z0-9]+\s+){{0,2}}?(?i:{thing})\b",                      # X's rugged direction, X's 1991 novel
        rf"(?P<z>[{LETTER}.])\s+(?:as|was the|is the|served as(?: the)?)\s+(?:film's\s+)?(?i:{noun})\b",  # X as director of photography
        # "Among the writers who worked on it were A, B & C, and D": every name of the run the job's plural leads
        rf"\b(?i:{noun})s\b[^.;:\"“]{{0,40}}?\b(?:were|included|include|including|such as|:)\s+(?P<list>[{UPPER}][^.;]*)",
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


_AGGREGATOR = re.compile(r"\b(?:rotten tomatoes|tomatometer|metacritic|imdb|cinemascore|letterboxd)\b", re.I)


# Words that narrow a fact to one occasion or market. A value said under a
# qualifier the question does not ask for ("$5 million in its opening weekend",
# "June 14, 1988 (premiere)", "released on DVD in 2002") is a different fact.
QUALIFIERS = {
    "premiere": r"\bpremi[eè]re|\bfestival\b",
    "opening": r"\bopening (?:weekend|day|week|night|frame)\b|\bfirst weekend\b|\bweekend\b|\bopened (?:at|in) (?:number|no\.) \w+\b",
    "domestic": r"\bdomestic|\bnorth america|\bin the (?:us|u\.s\.|united states)\b",
    "worldwide": r"\bworldwide\b|\bglobal(?:ly)?\b|\binternational(?:ly)?\b|\boverseas\b|\bforeign\b",
    "home media": r"\bdvd|\bblu-?ray|\bvhs\b|\bvideo\b|\bcassette|\brental|\blaserdisc|\bstreaming\b",
    "rerelease": r"\bre-?release|\breissue|\banniversary\b|\brestor",
    "television": r"\btelevision\b|\btv\b|\bbroadcast",
}
# qualifiers that name another occasion or market than the default one: a value must be said under them
MARKED = {"premiere", "opening", "home media", "rerelease", "television"}
_PLAIN_WHERE = re.compile(r"^\s*where\b", re.I)  # not "which city/country": a place may have no name
_MEASURES = {"tall": r"feet|foot|ft\b|cm\b|metres|meters|m\b|inches|in\b|[′']", "old": r"years|yrs"}
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|should) have\b|\bif it had\b|\bplanned\b|\bwas to be\b", re.I)
_PLACE_ALIASES = {"US": "United States", "U.S.": "United States", "USA": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom"}
# each short name as a question writes it ("the UK"), and as a sentence does in lower case, with its full name
_ALIASES_ASKED = [(re.compile(rf"\b{short}\b"), full) for short, full in _PLACE_ALIASES.items()]
_ALIASES_SAID = [(re.compile(rf"(?<![\w.]){re.escape(short.lower())}(?![\w])"), full.lower()) for short, full in _PLACE_ALIASES.items()]
QUALIFIED = {T.MONEY, T.DATE, T.YEAR, T.ORGANISATION, T.NUMBER, T.DURATION, T.PLACE}
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


# "The runway lights sequence cost about $1 million", "The sequel, directed by X, cost Universal $30 million": a sum
# a clause's subject cost, which is the film's budget only when that subject is the film
_COST_VERB = re.compile(r"\bcosts?\b")
_NOT_A_VERB = re.compile(r"\b(?:the|a|an|its|their|total|final|overall|production|estimated|negative|extra|at|no)\s*$", re.I)
_ADVERBS = frozenset("alone also still all together eventually ultimately finally reportedly reputedly allegedly apparently only just".split())
_THE_FILM = frozenset("it film movie picture production feature shoot filming shooting photography project which that this they".split())
_LATER_FILM = re.compile(r"\b(?:sequel|follow-up|next (?:film|movie|one|installment|instalment)|second (?:film|movie|one))\b", re.I)
_EARLIER_FILM = re.compile(r"\b(?:original|first (?:film|movie|one)|predecessor|prequel)\b", re.I)


# holidays, seasons, months and days: when a story is set, never where
_A_TIME = re.compile(r"(?:Christmas|Xmas|Easter|Halloween|Hallowe'en|Thanksgiving|Hanukkah|Diwali|Ramadan|New Year(?:['’]s(?: Eve| Day)?)?|"
                     r"(?:Christmas|New Year['’]s) Eve|Independence Day|Valentine['’]s Day|Midsummer|"
                     r"January|February|March|April|May|June|July|August|September|October|November|December|"
                     r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:Day|Eve|night|morning|weekend))?", re.I)
_SUPERSEDED = re.compile(r"\bfrom\s+(?:an?\s+|about\s+|around\s+|just\s+|only\s+|roughly\s+)?$", re.I)


def cost_subject(text: str, offset: int) -> str | None:
    """The subject of the verb "cost" a sum at ``offset`` is the object of ("The runway lights sequence" of
    "The runway lights sequence cost about $1 million"); None when no such verb stands just before it."""
    before = text[:offset]
    verb = None
    for verb in _COST_VERB.finditer(before):
        pass
    if verb is None or offset - verb.end() > 40 or re.search(r"[.;:|]", before[verb.end() :]):
        return None
    if _NOT_A_VERB.search(before[: verb.start()]) or re.match(r"\s*of\b", before[verb.end() :]):
        return None  # "the cost of", "at a cost of $4 million": a noun
    subject = re.sub(r",[^,]*,\s*$", " ", before[: verb.start()])  # "The sequel, directed by X, cost"
    subject = re.split(r"[.;:|()\[\]—–]|,\s|\b(?:and|but|while|although|because|as|so)\b", subject)[-1].split()
    while subject and subject[-1].lower() in _ADVERBS:
        subject.pop()
    return " ".join(subject)


def cost_is_the_films(subject: str, film: str | None, kb: Knowledge) -> bool:
    """Whether what "cost" a sum is the film asked about: the film (its title, "it", "the production"), not a part
    of it ("the runway lights sequence", "each shark") nor another film ("the sequel" of a film that has one)."""
    from .router import canon_title, films_named, series_member

    if not subject:
        return True
    if film and canon_title(subject).endswith(canon_title(film.rsplit(" (", 1)[0])):
        return True
    named, _ = films_named(subject, kb)
    if named:
        return film in named
    if _LATER_FILM.search(subject):  # "the sequel" is the asked film only when that has a film before it
        return bool(film and series_member(film, kb, later=False))
    if _EARLIER_FILM.search(subject):
        return bool(film and series_member(film, kb, later=True))
    return subject.split()[-1].lower().strip("'’") in _THE_FILM


_ASKS_ACTOR = re.compile(r"\bplay(?:s|ed|ing)?\b|\bactor|\bactress|\bportray|\bcast\b|\bstar(?:s|red|ring)?\b|\bvoiced?\b", re.I)


def cast_names(kb: Knowledge, film: str | None, every_film: bool = False) -> tuple[set[str], set[str]]:
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


_WORKS_WHERE = re.compile(r"\b(?:work|works|worked|working|based|stationed|serves?|served|employed|patrols?|patrolled)\b", re.I)


def _places_of(text: str, reading: Reading, kb: Knowledge, roles: set[str]) -> list[tuple[str, str, int]]:
    """Places said of the question's own words: "the Chicago cop Ridzik" (a city cop), "Chicago detective Art Ridzik"
    (where the character works), "Georgian kingpin Viktor Rostavili" (where he is from)."""
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
    for e in reading.entities if _WORKS_WHERE.search(q) else ():
        # "which city does Ridzik work in?" - "Chicago detective Art Ridzik", "the New York cop John McClane": the place
        # of a character's job, said before the name
        for w in {w for w in e.split() if len(w) > 2 and w[:1].isupper()}:
            for m in re.finditer(rf"\b((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\s+((?:[a-z]+\s+){{1,2}})(?:[A-Z][\w.'’-]*\s+){{0,2}}{re.escape(w)}\b", text):
                name = m.group(1)
                if not STOP_WORDS.isdisjoint(m.group(2).split()):
                    continue  # "Sven-Ole Thorsen as Nikolai": an actor and his part
                if name.split()[0] not in NOT_NAME and not any(x in roles for x in name.split()) and not kb.persons.get(name) \
                        and all(o != m.start(1) for _, _, o in out):
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
    film = reading.route.film
    if film and len(ss.passage.films) > 1:
        # a passage filed under several films: unless the sentence names the film asked about, it may speak of another
        said = f" {normalise_title(ss.sentence.text)} "
        worth -= 0.0 if any(f" {t} " in said for t in kb.titles_of.get(film, ())) else 0.4
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
    for alias, full in _ALIASES_ASKED:
        if alias.search(reading.route.resolved_question):
            places.add(full)
    return places


# "released in the UK", "gross in Japan", "open in UK cinemas": a market the question asks a value for
_IN_MARKET = re.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?(?P<p>(?:[A-Z][\w.]*|uk|u\.k\.|usa|us|u\.s\.)(?:\s+(?:of\s+)?[A-Z][\w.]*)*)")
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
    named = named or bool(re.search(QUALIFIERS["domestic"] + "|" + QUALIFIERS["worldwide"], window, re.I))
    return window, named


def market_fit(text: str, offset: int, surface: str, markets: set[str]) -> bool | None:
    """True when a value is said of the asked market, False when of another one, None when of none."""
    window, named = _market_said(text, offset, surface)
    said = window.lower()
    for alias, full in _ALIASES_SAID:
        said = alias.sub(full, said)
    if any(m.lower() in said for m in markets):
        return True
    if markets & _NORTH_AMERICA and re.search(QUALIFIERS["domestic"], window, re.I):
        return True  # a domestic gross is the North American one
    return False if named else None


def home_market(kb: Knowledge, film: str | None, markets: set[str]) -> bool:
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
    before = text[max(0, offset - 70) : offset]
    if before.endswith("("):  # "re-releases in Korea (2019) and Taiwan (2020)": the words before the brackets are said of them
        before = re.sub(r"\([^()]*\)", "", before[:-1])
    before = re.split(r"[;|)(]|,\s|\s[-–—]\s", before)[-1]
    after = text[end : end + 50]
    paren = re.match(r"\s*\([^)]{0,40}\)", after)
    after = paren.group() if paren else re.split(r"[;|(]|,\s|\s[-–—]\s", after)[0]
    window = before + surface + after
    return window, {name for name, pat in QUALIFIERS.items() if re.search(pat, window, re.I)}


def asked_qualifiers(reading: Reading) -> set[str]:
    """The occasions and markets the question names ("its premiere", "on DVD", "in North America")."""
    return {name for name, pat in QUALIFIERS.items() if re.search(pat, reading.normalised or reading.route.resolved_question, re.I)}


def occasions(c: Candidate) -> set[str]:
    """The marked occasions (premiere, re-release, home media...) the value's best sentence says it is of."""
    ss, surface = c.support[0]
    offset = ss.sentence.text.find(surface)
    return _qualifiers_near(ss.sentence.text, offset, surface) & MARKED if offset >= 0 else set()


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
_MOST = re.compile(r"\b(?:most|majority|mainly|mostly|largely|principal(?:ly)?|primarily|bulk|(?:almost|nearly|virtually) (?:all|every\w*|entirely))\b", re.I)
_SHOT = re.compile(r"\b(?:shot|filmed|filming|shooting|photographed|lensed|photography)\b", re.I)
# (", with the storm sequences filmed in X": another clause, about some scenes)
_CLAUSE_BREAK = re.compile(r"[;—–]|\s-\s|\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b|\bexcept\b|,\s+with\s+(?:the|its|some|a few)\b", re.I)


_KEY_VALUE = re.compile(r"^(?P<k>[^|=]{2,40}?)\s\|\s(?P<v>[^|]{2,80})$")  # a row of a two-column "name | value" table
# an item of a list of places: "Griffith Observatory — the planetarium scene", "Colorado Street Bridge, Pasadena.",
# "Hermosa Beach (the pier)": a name opening the line, then a dash, a bracket, a colon, one more name or nothing
_LISTED_PLACE = re.compile(rf"^\W*(?P<v>{NAME_SPAN.pattern}(?:['’]s\s+{NAME_SPAN.pattern})?)(?=\s*(?:[—–:(]|\s-\s|,\s*{NAME_SPAN.pattern}\W*$|\W*$))")
_ITEM_END = re.compile(r"\s*[,;|]\s*|\s+\(")  # where a field's first item ends: "Vermont (Bellows Falls)", "A, B"
_WORD_BEFORE = re.compile(r"[A-Za-z][\w'’-]*(?=\W*$)")  # the last word of a text
_FESTIVAL_PART = re.compile(r"\s+(?:section|strand|sidebar|competition|programme|program|line-?up)\b", re.I)
_PREMIERED_AT = re.compile(r"\bpremi[eè]re[ds]?\s+(?:\w+\s+){0,3}?(?:at|in|during)\s+(?:the\s+)?"
                           r"(?:[A-Z][\w-]*\s+(?:section|strand|sidebar|competition)\s+of\s+(?:the\s+)?)?$", re.I)
_FILMED_BEFORE = re.compile(r"\b(?:shot|filmed|filming|shooting|photographed|lensed|photography|took place|on location)\b[^.;,()]{0,45}$", re.I)
_PART_FILMED = re.compile(r"\b(?:scenes?|sequences?|interiors|shots?|finale)\s+(?:(?:were|was|are|is|being)\s+)?(?:\w+\s+)?"
                          r"(?:shot|filmed|photographed)\b[^.;,()]{0,45}$", re.I)


def _listed_place(text: str, ss: ScoredSentence, kb: Knowledge) -> tuple[str, str, int] | None:
    """The place a line of a filming-locations section opens with ("Griffith Observatory — the planetarium scene")."""
    if ss.infobox_key is not None or not FILMING_SAID.search(ss.passage.section or ""):
        return None
    m = _LISTED_PLACE.match(text)
    if not m or m.group("v").split()[0] in NOT_NAME or kb.persons.get(m.group("v")):
        return None
    return m.group("v"), m.group("v"), m.start("v")


_PLANNED = re.compile(r"\b(?:scheduled|planned|planning|intended|expected|supposed|originally|initially|meant|budgeted|slated)\b", re.I)
_PART_WORDS = re.compile(r"\b(?:scenes?|sequences?|exteriors|interiors|shots)\b", re.I)  # some of a film, not all of it
_FILMING_WORDS = frozenset(analyse("film filmed shot shoot shooting filming location scene scenes sequence sequences shots"))
_CLAUSE_START = re.compile(r"[,;:(—–]|\s-\s|\b(?:with|while|but|whereas|and)\b", re.I)


def _clause_before(text: str, offset: int) -> str:
    """The words of the clause before ``offset``: "with the typhoon sequences filmed in a tank in " for "Mokpo"."""
    start = max((m.end() for m in _CLAUSE_START.finditer(text, 0, offset) if m.end() <= offset - 1), default=0)
    return text[start:offset]


def filming_fit(text: str, offset: int, part_asked: bool = False) -> float:
    """+ for a place the sentence says the film was shot at ("shot on location on Exmoor", "filming took place near X"),
    - for one where only some scenes were ("the tunnel scenes were filmed in Halifax", "interiors were filmed in X")
    unless the question asks about some scenes itself."""
    before = text[max(0, offset - 80) : offset]
    if _PART_FILMED.search(before):
        return 0.0 if part_asked else -0.3
    return 0.4 if _FILMED_BEFORE.search(before) else 0.0


# the making of a film, not its story: "the airport scenes were filmed at X", "the crew built the finale set at X"
MAKING = re.compile(r"\b(?:filming|filmed|shooting|shot|principal photography|production|wrapped|built|made|studio set|sound ?stage)\b", re.I)
_SET_AT = re.compile(r"\bset\s+(?:(?:in|at|on|aboard|inside|near|around)\s+)(?:the\s+)?$|\b(?:takes?|took|taking)\s+place\s+(?:(?:in|at|on|aboard|inside|near|around)\s+)(?:the\s+)?$", re.I)


def setting_fit(text: str, offset: int) -> float:
    """For "where is it set?": + for a place its clause says the story is set at ("the story is set at Dulles"),
    - (no setting at all) for one its clause says the film was made at ("the airport scenes were filmed at X",
    "built the finale set at X")."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, offset)), default=0)
    before = text[start:offset]
    if MAKING.search(before):
        return -0.4
    return 0.4 if _SET_AT.search(before[-60:]) else 0.0


def main_location(text: str, offset: int) -> str:
    """The clause that says the place at ``offset`` is where most of the filming was done ("most of the scenes
    were shot in ...", asides in brackets left out), or ""."""
    plain = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text)
    if plain[offset] == " ":
        return ""  # the place is in an aside: "(with the exception of the final shot in X)"
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(plain, 0, offset)), default=0)
    stop = next((m.start() for m in _CLAUSE_BREAK.finditer(plain, offset)), len(plain))
    clause = plain[start:stop]
    # ("most Moscow scenes": no place shot in)
    return clause if _MOST.search(clause) and _SHOT.search(plain, start, offset) else ""


# "Who killed X?", "who steals the key": the verb the question asks the doer of
_ASKED_DEED = re.compile(r"^\s*who\s+(?:(?:\w+ly|later|then|first|finally|eventually)\s+)?(?P<v>[a-z]{3,}(?:s|ed))\b", re.I)
_NOT_DEED = {"is", "was", "has", "does", "plays", "played", "stars", "starred", "directed", "wrote", "produced", "composed", "voiced",
             "portrayed", "edited", "scored", "designed", "photographed", "distributed", "released", "narrated", "cast"}
_PASSIVE = re.compile(r"\b(?:is|was|were|are|been|being|gets|got)\b", re.I)


# "who did he replace?", "whom did Danko arrest?": the one the deed was done to
# (the doer a pronoun or a name: "who did the restoration?" asks who did it)
_ASKED_OBJECT = re.compile(r"^\s*(?:[Aa]nd\s+)?[Ww]ho(?:m)?\s+did\s+(?:he|she|they|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?P<v>[a-z]{3,})\s*[?.!]*\s*$")
_NOT_OBJECT_DEED = {"play", "star", "direct", "write", "produce", "compose", "voice", "portray", "edit", "score", "design",
                    "cast", "say", "tell", "think", "thank", "mean", "like", "want", "work", "base", "inspire", "talk"}


def asked_object(question: str) -> str | None:
    """The stem of the deed whose sufferer a 'who did he replace?' question asks for, or None."""
    return _deed_stem(_ASKED_OBJECT.match(question), _NOT_OBJECT_DEED)


def asked_deed(question: str) -> str | None:
    """The stem of the deed a 'who did it?' question asks about ('kill' for 'Who killed X?'), or None."""
    return _deed_stem(_ASKED_DEED.match(question), _NOT_DEED)


def _deed_stem(m: re.Match | None, not_deeds: set[str]) -> str | None:
    """The stem of the verb ``m`` found, unless it names no deed."""
    if not m or m.group("v").lower() in not_deeds:
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
    if reading.route.answer_type in _FILM_VALUES:
        for ss in sentences if film else ():
            if len(ss.passage.films) > 1 and film in ss.passage.films and film not in _named_last(qa, ss):
                out.setdefault((ss.passage.doc_id, ss.sentence.start), [(0, len(ss.sentence.text))])
    return out


_FILM_VALUES = {T.MONEY, T.DURATION, T.DATE, T.YEAR}  # facts every film has one of


def _named_last(qa, ss: ScoredSentence, reach: int = 30) -> list[str]:
    """The films a sentence of a document on several films speaks of: those it names, else those the nearest
    sentence before it names ("Spielberg planned a 55-day shoot. It ended up lasting 159 days, and the budget
    ballooned to $9 million." after a paragraph on the first film is that film's); every film of its passage
    when none is named that near."""
    from .router import films_named

    kb = qa.knowledge
    seen = 0
    for i in reversed(range(qa.passage_range(ss.passage.doc_id).start, ss.passage.id + 1)):
        for x in reversed(qa.passages[i].sentences):
            if x.start > ss.sentence.start or i != ss.passage.id and x.start >= ss.sentence.start:
                continue
            named, _ = films_named(x.text, kb)
            if named:
                return named
            seen += 1
            if seen >= reach:
                return ss.passage.films
    return ss.passage.films


def collect_candidates(kb: Knowledge, reading: Reading, sentences: list[ScoredSentence], exclude: set[str],
                       foreign: dict | None = None) -> list[Candidate]:
    """``foreign``: (doc_id, sentence start) -> spans of its text said of another film (records.foreign_cells)."""
    atype = reading.route.answer_type
    ext_type = (reading.element_type or T.PERSON) if atype == T.LIST else atype
    by_norm: dict[object, Candidate] = {}
    cue = CRAFT_CUES.get(reading.route.aspect or "", None)
    q_quals = asked_qualifiers(reading)
    actors, roles = cast_names(kb, reading.route.film, every_film=ext_type == T.TITLE)
    asks_else = bool(re.search(r"\belse\b|\bother\b", reading.route.resolved_question, re.I))
    unit = asked_unit(reading.normalised or reading.route.resolved_question) if atype == T.NUMBER else None
    wants_actor = bool(_ASKS_ACTOR.search(reading.route.resolved_question))
    q_places = _question_places(reading)
    markets = asked_markets(reading, kb)
    # "how much did it make?" asks the whole take: a worldwide total is that, one market's gross is not
    total = {"worldwide"} if atype == T.MONEY and reading.route.aspect == "box office" and not markets and not q_quals else set()
    filming = ext_type == T.PLACE and bool(_FILMING_ASKED.search(reading.route.resolved_question))
    part_asked = filming and bool(_PART_WORDS.search(reading.route.resolved_question))
    # "where did they shoot the typhoon scenes?": the words that name the part ("typhoon")
    part_terms = set(reading.key_terms) - _FILMING_WORDS if part_asked else set()
    setting = ext_type == T.PLACE and reading.route.aspect == "setting"
    plan_asked = bool(_PLANNED.search(reading.route.resolved_question))
    premiere = ext_type == T.PLACE and bool(re.search(r"\bpremi[eè]r", reading.route.resolved_question, re.I))
    deed = asked_deed(reading.route.resolved_question) if ext_type == T.PERSON and reading.route.aspect in (None, "plot") else None
    done_to = asked_object(reading.route.resolved_question) if ext_type == T.PERSON and reading.route.aspect in (None, "plot") else None
    for ss in sentences[:14]:
        if ss.coverage < 0.34:
            continue
        said_of: list = []
        text = ss.sentence.text
        field = _field_of(ss, reading, crafted=ext_type in (T.PERSON, T.ORGANISATION))
        key = field[0] if field else None
        if field is not None:
            if key not in reading.infobox_keys and ss.coverage < 0.99:
                continue
            value_part = field[1]
            offset0 = len(text) - len(value_part)
            if ext_type == T.PERSON and key in reading.infobox_keys:
                found = []
                pos = 0
                for name in split_names(value_part.strip(), kb.persons):
                    at = value_part.find(name, pos)
                    pos = max(pos, at)
                    found.append((name, name, offset0 + max(at, 0)))
            else:
                found = [(a, b, offset0 + o) for a, b, o in extract(ext_type, value_part, kb, exclude)]
                if ext_type in (T.ORGANISATION, T.PLACE, T.TITLE) and key in reading.primary_keys:
                    # the field names the thing itself: its first value is the answer ("Lionsgate (Summit Entertainment)")
                    first = _ITEM_END.split(value_part.strip())[0].strip()
                    at = offset0 + value_part.find(first)
                    # (a company named first is the field's, whatever other names follow it)
                    if first and (first[0].isupper() or first[0].isdigit()) and (not found or ext_type == T.ORGANISATION
                                                                                  and not any(o <= at < o + len(a) for a, _, o in found)):
                        found = [(first, first, at)] + found
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
            first = _ITEM_END.split(row.group("v"))[0].strip()
            if first[:1].isupper():
                found = found + [(first, first, row.start("v"))]
        if premiere and ss.infobox_key is None:
            # "its world premiere as the opening film of the 73rd Venice International Film Festival": the festival
            found = found + [f for f in find_festivals(text, kb) if not any(o == f[2] for _, _, o in found)]
        listed = _listed_place(text, ss, kb) if filming else None
        if listed and not any(o == listed[2] for _, _, o in found):
            found = found + [listed]  # a line of a "Filming locations" section names where it was shot
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
                before = _WORD_BEFORE.findall(text[max(0, offset - 25) : offset])
                named_kind = bool(before) and (analyse(before[-1]) or [""])[0] in reading.key_terms
                bonus += 0.6 * max(title_cue(text, offset, surface), 0.9 if named_kind else 0.0) - 0.15
            fits = None
            if atype in QUALIFIED:
                bonus += _qualifier_fit(text, offset, surface, q_quals | total, q_places)
                if not plan_asked and _PLANNED.search(_clause_before(text, offset)):
                    bonus -= 0.5  # "scheduled for 55 days but lasted 159 days": the plan, not what happened
                if q_quals & MARKED:
                    fits = (q_quals & MARKED) <= _qualifiers_near(text, offset, surface)
            if atype == T.SCORE and reading.key_terms:
                # "what did Popcorn Pulse give it?": a score the sentence credits to an aggregator the question does not name
                said = {m.group().lower() for m in _AGGREGATOR.finditer(text)}
                if said - {m.group().lower() for m in _AGGREGATOR.finditer(reading.route.resolved_question)}:
                    bonus -= 0.5
            if atype == T.MONEY and reading.route.aspect in _MONEY_SIDES:
                bonus += money_side_fit(text, offset, reading.route.aspect)
            if atype == T.MONEY and _SUPERSEDED.search(text[max(0, offset - 30) : offset]) and re.match(
                    rf"\s*(?:\w+\s+)?to\s+(?:an?\s+|about\s+|around\s+|over\s+|nearly\s+)?{MONEY.pattern}", text[offset + len(surface) :]):
                continue  # "the budget grew from $4 million to $9 million": the sum it became is the film's
            if atype == T.MONEY and reading.route.aspect == "budget":
                subject = cost_subject(text, offset) if field is None else None
                if reading.cost_of is not None:
                    # "how much did the mechanical shark cost?": only a sum that the asked part cost
                    if subject is None or not set(analyse(subject)) & set(analyse(reading.cost_of)):
                        continue
                elif subject is not None and not cost_is_the_films(subject, reading.route.film, kb):
                    continue
            if ext_type == T.PLACE and _A_TIME.fullmatch(surface):
                continue  # "the ones set at Christmas": a time of year, not a place
            if ext_type == T.PLACE and surface[:1].islower():
                bonus -= 0.3  # a place with no name answers only when no named place does
            if ext_type == T.PLACE and (surface, surface, offset) in said_of:
                bonus += 0.4
            section = ext_type == T.PLACE and _FESTIVAL_PART.match(text[offset + len(surface) :])
            if section:
                continue  # "the Panorama section of the Berlin festival": a part of the festival, the festival is the place
            if premiere and _PREMIERED_AT.search(text[max(0, offset - 80) : offset]):
                bonus += 0.4  # "Where did it premiere?": the place it premiered at, not one it was released in
            if listed and offset == listed[2]:
                bonus += 0.4  # its section's heading says it was shot there
            fit = setting_fit(text, offset) if setting or filming else 0.0
            if setting and fit < 0 or filming and fit > 0:
                continue  # where it was made is not where its story is set, nor the other way round
            bonus += fit if setting else 0.0
            main = filming and main_location(text, offset)
            if part_asked and not _PART_WORDS.search(main or ""):
                main = ""  # where most of the film was shot is not where the scenes asked about were
            if main:
                bonus += 0.4
            elif filming and any(_PART_WORDS.search(m) or not part_asked for m in (main_location(text, o) for _, _, o in found) if m):
                bonus -= 0.7  # "most scenes were shot in A, but the finale in B": B is the exception
            elif filming:
                bonus += filming_fit(text, offset, part_asked)
            if part_terms and part_terms & set(analyse(_clause_before(text, offset))):
                bonus += 0.5  # "..., with the typhoon sequences filmed in a water tank in Mokpo": the part asked about
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
                if done_to:
                    # "who did he replace?": "X was replaced by him" - the sufferer answers, the doer not
                    role = deed_role(text, offset, surface, done_to)
                    bonus += 0.8 if role < 0 else -0.5 if role > 0 else 0.0
                if actors and atype == T.PERSON and reading.route.aspect in (None, "cast", "plot"):
                    # "who is the villain?" wants a character, "who played him?" an actor
                    is_actor = surface in actors or any(surface in a.split() for a in actors)
                    is_role = any(w in roles for w in surface.split())
                    if is_actor and not is_role:
                        bonus += 0.2 if wants_actor else -0.45
                    elif is_role and not is_actor:
                        bonus += -0.3 if wants_actor else 0.2
            tied = key in reading.infobox_keys if key else False
            if ext_type in (T.PERSON, T.ORGANISATION) and craft_binding(reading.route.aspect or "") is not None:
                if reading.job_version and (key or not _version_near(text, offset, surface, reading.job_version)):
                    bonus, tied = bonus - 0.3, False  # "who directed the dub?": a credit said of no dub is the film's own
                elif bound_to_craft(text, offset, surface, reading.route.aspect):
                    bonus += 0.5
                    tied = True
                elif not tied:
                    bonus -= 0.3
            if ext_type == T.PERSON and key in reading.infobox_keys:
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
            c.main = c.main or bool(main)
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
    if ext_type == T.DATE:
        _years_into_dates(by_norm)
    return sorted(by_norm.values(), key=lambda c: -c.score)


def _years_into_dates(by_norm: dict) -> None:
    """A bare year adds its evidence to the one full date of that year ("his 1974 walk" and "on 7 August 1974"
    say the same day, less and more exactly); with two dates of that year it stays apart."""
    for year in [n for n in by_norm if isinstance(n, str) and n.isdigit()]:
        dates = [c for n, c in by_norm.items() if n != year and str(n).endswith(" " + year)]
        if len(dates) != 1:
            continue
        date, bare = dates[0], by_norm.pop(year)
        date.score = max(date.score, bare.score) + 0.1
        date.support += bare.support  # (after the date's own sentences: they are the ones to quote)


def _version_near(text: str, offset: int, surface: str, version: list[str]) -> bool:
    """Whether the version of the job asked ("dub", "original") is said next to the name ("The dub was directed by
    X", "the original director, X"), not elsewhere in the sentence ("..., and was replaced by Y")."""
    window = text[max(0, offset - 50) : offset + len(surface) + 60]
    return any(re.search(rf"(?i)\b{re.escape(w[:5])}", window) for w in version)


def _field_of(ss: ScoredSentence, reading: Reading, crafted: bool) -> tuple[str, str] | None:
    """(key, value) of a field: an infobox's, or (``crafted``: a person or company asked) a fact sheet's line
    whose label is an asked field ("Cinematography | Linus Sandgren", "Distributed by: Lionsgate"), which
    credits the job as plainly. The value is a suffix of the sentence."""
    text = ss.sentence.text
    if ss.infobox_key is not None:
        return ss.infobox_key, split_field(text)[1]
    m = FACT_LINE.match(text) if crafted else None
    key = m.group("k").strip().lower() if m else None
    if key not in reading.infobox_keys:
        return None
    value = re.sub(r"^\s*[:|]\s*", "", text[m.end("k") :])
    return key, value


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
