"""Typed answer candidates found in a sentence: money, durations, dates, names...

Each extractor returns ``(surface text, normalised value, char offset)``. The
normalised value is what "the same answer" means when sources are compared:
"$29 million" and "$29.0M" are both 29000000; "104 minutes" and "1h 44m" are
both 104.
"""

from __future__ import annotations

import itertools
import re

from ..models import AnswerType
from ..retriever.analysis import STOP_WORDS
from .knowledge import ELIDED, LOWER, MARK, NAME_SPAN, NAME_TOKEN, PARTICLE, UPPER, Knowledge, char_class

T = AnswerType
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON3 = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"

# a currency: "$", "US$", "A$", any currency sign ("£", "€", "₤", "₩", "₦"), an ISO code, or a word after the amount
_SIGNS = char_class("Sc").replace("\\$", "")
_CUR_SIGN = (rf"(?P<c>(?:US|[ACNZHK]{{1,2}}|CA|AU|NZ|HK|R)?\$|[{_SIGNS}]|"
             r"(?:USD|EUR|GBP|SEK|NOK|DKK|JPY|CNY|INR|CHF|AUD|CAD|ISK|PLN|KRW|NGN|ITL|BRL|ZAR|RUB|MXN|HKD|NZD)\s?)")
_AMOUNT = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_CUR_WORD = (r"dollars|USD|euros?|EUR|pounds(?:\s+sterling)?|sterling|GBP|kronor|kroner|kronur|krona|krone|SEK|NOK|DKK|yen|JPY|"
             r"yuan|renminbi|CNY|rupees|INR|Swiss francs|francs|CHF|złoty|zloty|PLN|naira|NGN|lire|lira|ITL|KRW|rupiah|baht|"
             r"roubles|rubles|reais|BRL|ZAR|RUB")
_SCALE = r"million|billion|thousand"
# a currency whose name is also a common word ("6.8 billion won", not "the 2 won"): only after a scale or a long amount
_CUR_WORD_SCALED = r"won|rand|real"
MONEY = re.compile(
    rf"{_CUR_SIGN}\s?{_AMOUNT}\s*(?P<u>{_SCALE}|mil\b|bn\b|[mMkKbB]\b)?"
    rf"|\b(?P<n2>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)\s*(?P<u2>{_SCALE})?\s+(?P<w>{_CUR_WORD})\b"
    rf"|\b(?:(?P<n3>\d+(?:\.\d+)?)\s*(?P<u3>{_SCALE})|(?P<n4>\d{{1,3}}(?:,\d{{3}})+))\s+(?P<w2>{_CUR_WORD_SCALED})\b"
)
# the sign a currency word or code is written with; a currency without one keeps its code
_CUR_OF = {"usd": "$", "us$": "$", "dollars": "$", "eur": "€", "euro": "€", "euros": "€", "gbp": "£", "pounds": "£", "sterling": "£",
           "pounds sterling": "£", "jpy": "¥", "yen": "¥", "inr": "₹", "rupees": "₹", "cny": "CN¥", "yuan": "CN¥", "renminbi": "CN¥",
           "kronor": "SEK ", "krona": "SEK ", "kroner": "NOK ", "krone": "NOK ", "kronur": "ISK ", "francs": "CHF ",
           "swiss francs": "CHF ", "złoty": "PLN ", "zloty": "PLN ", "won": "₩", "krw": "₩", "naira": "₦", "ngn": "₦",
           "lire": "₤", "lira": "₤", "itl": "₤", "rupiah": "Rp ", "baht": "฿", "roubles": "₽", "rubles": "₽", "rub": "₽",
           "reais": "R$", "real": "R$", "brl": "R$", "rand": "ZAR "}
DURATION = re.compile(r"(?P<n>\d{2,3})\s*(?:minutes|mins?\b|-minute)|(?P<h>\d)\s*h(?:ours?|rs?)?\s*(?P<m>\d{1,2})\s*m(?:in(?:utes)?)?\b")
PERCENT = re.compile(r"(?P<n>\d{1,3})\s*(?:%|percent\b)")
OUT_OF = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?:/|out of\s+)(?P<d>10|5|100|4)\b")
# a Metacritic score is out of 100 even when the sentence does not say so ("a score of 86 on Metacritic")
METASCORE = re.compile(
    r"\b(?:score|rating|metascore)\s+of\s+(?P<n>\d{1,3})\s+(?:on|from|at)\s+Metacritic\b|\b(?P<n2>\d{1,3})\s+on\s+Metacritic\b"
    r"|\bMeta(?:critic|score)\b[^.%\d]{0,50}?\b(?:score|rating|metascore)\s+(?:of\s+|is\s+|was\s+)?(?P<n3>\d{1,3})\b(?!\s*(?:%|/|out of|percent|\.\d))"
)
GRADE = re.compile(r"""\bgrade\s+of\s+["“']?(?P<g>[A-F][+-]?)["”']?|["“](?P<g2>[A-F][+-]?)["”]\s+on an A\+? to F scale""")
DATE = re.compile(
    rf"\b(?P<md>(?:{MONTHS}|{_MON3})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:18|19|20)\d\d)\b"
    rf"|\b(?P<dm>\d{{1,2}}\s+(?:{MONTHS}|{_MON3})\.?,?\s+(?:18|19|20)\d\d)\b"
    rf"|\b(?P<my>(?:{MONTHS})\s+(?:18|19|20)\d\d)\b"
)
YEAR = re.compile(r"\b(?P<y>(?:18|19|20)\d\d)\b")
FAR_YEAR = re.compile(r"\b(?:[Ii]n|[Bb]y) (?:the year )?(?P<y>\d{4}),")  # "In 2119, the station ...": a year of the story
NUMBER = re.compile(r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\b")
ORG_SUFFIX = re.compile(
    r"\b(?:[A-Z][\w&'’.-]*\s+){1,3}(?:Pictures|Studios?|Films?|Entertainment|Productions?|Company|Corporation|Releasing|Media|"
    r"Distribution|Records|Television|Network|Home Video|Video|Group|Docs|Cinemas?|Classics|Features|Arts|Channel|Inc\.?|Ltd\.?)\b|\bStudio[Cc]anal\b"
)
ORG_CUE = re.compile(rf"(?:distributed by|released by|produced by|studio|company|publisher|by|stream(?:s|ing|ed)?\s+(?:on|via)|available\s+(?:on|via))\s+(?P<org>(?:{NAME_SPAN.pattern}))")
PLACE_CUE = re.compile(
    rf"\b(?:in|at|on location(?:\s+(?:in|at|on))?|to|from|near|around|(?:town|city|village|county|island|province|state|section|strand|sidebar|competition) of)\s+(?P<place>(?:the\s+)?{NAME_SPAN.pattern}(?:['’]s\s+{NAME_SPAN.pattern})?(?:,\s+{NAME_SPAN.pattern})?)"
)
QUOTED_TITLE = re.compile(r"[\"“](?P<t>[A-Z][^\"”]{1,60})[\"”]")
TITLE_YEAR = re.compile(rf"(?P<t>{NAME_SPAN.pattern}(?:\s+(?:of|the|and|in|on|a)\s+{NAME_SPAN.pattern})*)\s+\((?:19|20)\d\d\)")

_UNIT = {"million": 1e6, "mil": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "thousand": 1e3, "k": 1e3}
NOT_NAME = {"The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "His", "Her", "This", "That", "But", "And",
             "As", "When", "While", "After", "Before", "Yes", "No", "Also", "Still", "Even", "Despite", "According",
             "Captain", "Lieutenant", "Sgt", "Det", "Detective", "Director", "Hill's", "Mr", "Mrs", "Dr", "If", "Then",
             "Today", "Perhaps", "Just", "Upon", "Through", "Returning", "Chasing", "Later", "Finally", "Enter", "Many",
             "Interestingly", "Part", "Either", "Early", "Audiences", "Some", "Most", "Our", "We", "You", "I", "Is", "Was",
             "Who", "What", "Where", "Why", "How", "Which", "Released", "Directed", "Starring", "There", "Here", "For",
             "Only", "During", "Although", "Though", "Because", "Once", "Every", "Each", "Both", "Its", "Their", "These", "Those"}


def money_value(num: str, unit: str | None) -> float:
    v = float(num.replace(",", ""))
    return v * _UNIT.get((unit or "").lower(), 1.0)


def fmt_money(v: float, sign: str = "$") -> str:
    if v >= 1e9:
        return f"{sign}{v / 1e9:g} billion"
    if v >= 1e6:
        return f"{sign}{v / 1e6:g} million"
    return f"{sign}{v:,.0f}"


def currency_sign(written: str) -> str:
    """"$" for dollars (US or unmarked), else the currency's own sign or code: "£", "€", "A$", "SEK "."""
    w = re.sub(r"\s+", " ", written.strip()).lower()
    if w == "$":
        return "$"
    if w in _CUR_OF:
        return _CUR_OF[w]
    return written.strip().upper() + ("" if written.strip().endswith("$") or not written.strip().isalpha() else " ")


def money_norm(value: float, sign: str):
    """The normal form of an amount: an int for dollars, "£11000000" for other currencies (never equal to dollars)."""
    return round(value) if sign == "$" else f"{sign}{round(value)}"


def split_money_norm(norm) -> tuple[float, str]:
    if isinstance(norm, int):
        return float(norm), "$"
    m = re.match(r"(.*?)(\d+)$", str(norm))
    return (float(m.group(2)), m.group(1)) if m else (0.0, "$")


def find_money(s: str):
    for m in MONEY.finditer(s):
        num = m.group("n") or m.group("n2") or m.group("n3") or m.group("n4")
        unit = m.group("u") or m.group("u2") or m.group("u3")
        sign = currency_sign(m.group("c") or m.group("w") or m.group("w2"))
        yield m.group().strip(), money_norm(money_value(num, unit), sign), m.start()


# "a returns queue from 30 minutes before the start", "45 minutes into the film": a span around an event, no length
_RELATIVE = re.compile(r"\s+(?:before|after|later|earlier|ago|into|in advance|early|late|prior)\b", re.I)


def find_duration(s: str):
    for m in DURATION.finditer(s):
        if _RELATIVE.match(s, m.end()):
            continue
        v = int(m.group("n")) if m.group("n") else int(m.group("h")) * 60 + int(m.group("m"))
        if 30 <= v <= 600:
            yield m.group().strip(), v, m.start()


_QUANTITY = r"(?:\d+(?:\.\d+)?|a few|a couple of|several|many|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|half a)"
SPAN = re.compile(rf"\b(?:(?:just|only|about|nearly|almost|over|some)\s+)?(?:(?P<q>{_QUANTITY})\s+)?(?:more\s+)?"
                  r"(?P<u>minutes?|hours?|days?|weeks?|months?|years?|decades?)\b(?P<rel>\s+(?:earlier|later|before|after|apart|long))?", re.I)


def find_span(s: str):
    """A stretch of time that is not a running time: "six months later", "a few days", "just weeks earlier"."""
    for m in SPAN.finditer(s):
        if not m.group("q") and not m.group("rel"):
            continue
        if m.group("q") and m.group("q").lower() in ("a", "an") and not m.group("rel"):
            continue
        text = m.group().strip()
        yield text, text.lower(), m.start()


def find_score(s: str):
    for m in PERCENT.finditer(s):
        yield m.group().strip(), m.group("n") + "%", m.start()
    for m in OUT_OF.finditer(s):
        if float(m.group("n")) <= float(m.group("d")):
            yield m.group().strip(), f"{float(m.group('n')):g}/{m.group('d')}", m.start()
    for m in METASCORE.finditer(s):
        n = m.group("n") or m.group("n2") or m.group("n3")
        if int(n) <= 100:
            yield n, f"{n}/100", m.start("n" if m.group("n") else "n2" if m.group("n2") else "n3")
    for m in GRADE.finditer(s):
        g = m.group("g") or m.group("g2")
        yield g, "grade " + g, m.start()


# an age rating, said after a word that says it is one: "rated R", "MPAA rating | R", "Cert 12A", "identifies it as PG-13"
CERT_CUE = re.compile(r"\b(?:rated|(?:age |mpaa |mpa |bbfc |content )?rating|certificate|certified|cert\.?|classification|classified|"
                      r"MPAA|MPA|BBFC|identifies it as)\b", re.I)
_CERT = re.compile(r"(?<![\w'’.-])(?P<c>PG-13|PG|NC-17|G|R|X|U|12A|12|15|18|R18|TV-(?:Y7|Y|G|PG|14|MA)|Not [Rr]ated|Unrated|NR)(?![\w'’-]|\.\d)")


def find_certificate(s: str):
    """Age ratings in a sentence, each within a few words after a cue ("Certificate: U (United Kingdom), PG (United States)")."""
    seen = set()
    for cue in CERT_CUE.finditer(s):
        window = s[cue.end() : cue.end() + 60]
        for m in _CERT.finditer(window):
            gap = window[: m.start()]
            if re.search(r"[.;!?]\s", gap) or re.search(r"\d", gap.split("(")[0] if not seen else ""):
                break  # another sentence or a score ("rating of 6.2/10") first
            at = cue.end() + m.start()
            if at not in seen:
                seen.add(at)
                yield m.group("c"), m.group("c").upper(), at


_MONTH_BY_PREFIX = {m[:3].lower(): m.lower() for m in MONTHS.split("|")}


def _norm_date(text: str) -> str:
    """One spelling of a date however it is written: "July 20, 2001", "20 July 2001", "Jul. 20th 2001"."""
    words = re.sub(r"[.,]|(?<=\d)(?:st|nd|rd|th)", "", text).lower().split()
    month = next((_MONTH_BY_PREFIX[w[:3]] for w in words if w[:3] in _MONTH_BY_PREFIX and not w.isdigit()), "")
    day = next((w for w in words if w.isdigit() and len(w) <= 2), "")
    year = next((w for w in words if w.isdigit() and len(w) == 4), "")
    return " ".join(x for x in (month, day, year) if x)


def find_date(s: str):
    for m in DATE.finditer(s):
        yield m.group().strip(), _norm_date(m.group()), m.start()


def find_year(s: str):
    for m in YEAR.finditer(s):
        yield m.group(), m.group(), m.start()
    for m in FAR_YEAR.finditer(s):
        if not YEAR.fullmatch(m.group("y")):
            yield m.group("y"), m.group("y"), m.start("y")


# "3.4 million admissions": a count written with its scale word is the whole count
_COUNT_SCALE = re.compile(rf"\s+(?P<u>{_SCALE})\b")


def find_number(s: str):
    for m in NUMBER.finditer(s):
        if YEAR.fullmatch(m.group()):
            continue
        scale = _COUNT_SCALE.match(s, m.end())
        if scale:
            value = money_value(m.group(), scale.group("u"))
            yield m.group() + scale.group(), f"{value:.0f}", m.start()
            continue
        yield m.group(), m.group().replace(",", ""), m.start()


def _trim_name(span: str, kb: Knowledge, lead_only: bool = False) -> str:
    toks = span.split()
    while toks and (toks[0] in NOT_NAME or toks[0].lower() in kb.lower_words):
        toks = toks[1:]
    while toks and not lead_only and (toks[-1].lower() in kb.lower_words and toks[-1] not in kb.persons):
        toks = toks[:-1]
    return " ".join(toks)


def find_names(s: str, kb: Knowledge, exclude: set[str] = frozenset()):
    """Capitalised spans that look like people's names."""
    for m in NAME_SPAN.finditer(s):
        raw = m.group()
        name = _trim_name(raw, kb).rstrip(".")
        if not name or name in exclude or name.lower() in kb.lower_words:
            continue
        if any(name == e or name in e.split(" ") for e in exclude):
            continue
        if re.fullmatch(r"[A-Z]\.?", name):
            continue
        off = m.start() + raw.find(name.split()[0])
        yield name, name, off


def find_orgs(s: str, kb: Knowledge):
    seen = set()
    for m in ORG_SUFFIX.finditer(s):
        # "Fieldnote Films": the company word is the name's own, however often "films" is said lower-case
        org = _trim_name(m.group(), kb, lead_only=True) or m.group()
        if org not in seen:
            seen.add(org)
            yield org, org, m.start()
    for m in ORG_CUE.finditer(s):
        org = _trim_name(m.group("org"), kb)
        if org and m.group("org").endswith(org):
            org += _joined_tail(s, m.end("org"), kb)
        if org and org not in seen and not kb.persons.get(org):
            seen.add(org)
            yield org, org, m.start("org")


# "South by Southwest", "Isle of Man", "Stratford upon Avon": one capitalised word joined by a small lower-case word
_JOINED_TAIL = re.compile(rf"\s+(?:by|of|upon|am|sur)\s+(?P<w>{NAME_TOKEN})(?![\w'’])(?!\s+[A-Z])")  # whole words: never "Northligh"


def _joined_tail(s: str, end: int, kb: Knowledge) -> str:
    """The joined rest of a name that ends at ``end`` ('' when none, or when the joined word is a person's)."""
    m = _JOINED_TAIL.match(s, end)
    if not m:
        return ""
    w = m.group("w")
    if kb.persons.get(w) or w.lower() in kb.lower_words or any(p.endswith(" " + w) for p in kb.persons):
        return ""
    return m.group()


# "shot in Technicolor", "filmed in CinemaScope", "released in IMAX": a colour process or screen format, no place
# (or a film stock or camera: "shot on Kodak", "filmed on Arri Alexa")
FILM_PROCESS = re.compile(r"(?:\w*colou?r|\w*[sS]cope|\w*[vV]ision|\w*rama|IMAX|3-?D|Todd-AO|\d+\s?mm|Kodak\w*|Fuji\w*|Eastman\w*|Arri\w*(?:\s+\w+)?|Alexa|Super\s?\d+)", re.I)


# "filmed on Martha's Vineyard", "we shot almost everything on Heuksando": "on" before a place only after filming
FILMED_ON = re.compile(rf"\b(?:shot|shoot|filmed|filming|shooting|photographed|lensed)\s+(?:[a-z]+\s+){{0,4}}?on\s+"
                       rf"(?P<place>(?:the\s+)?{NAME_SPAN.pattern}(?:['’]s\s+{NAME_SPAN.pattern})?(?:,\s+{NAME_SPAN.pattern})?)")


def find_places(s: str, kb: Knowledge):
    cued = {m.start("place"): m for m in itertools.chain(FILMED_ON.finditer(s), PLACE_CUE.finditer(s))}
    for m in (cued[at] for at in sorted(cued)):
        if FILM_PROCESS.fullmatch(m.group("place")):
            continue
        place = m.group("place")
        if m.end("place") == m.end() and "," not in place:
            place += _joined_tail(s, m.end(), kb)
        the = re.match(r"the\s+", place)
        place = place[the.end() :] if the else place
        toks = place.split()
        while toks and toks[-1] in NOT_NAME:
            toks = toks[:-1]
        place = " ".join(toks)
        if toks and toks[0] in _MONTH_WORDS:
            continue  # "began in February 2008": a time, no place
        if place and not kb.persons.get(place) and place[0].isupper():
            yield place, place, m.start("place") + (the.end() if the else 0)  # the offset of the name, not of "the"


# "48 Hrs.", "The Killer", "Conan the Destroyer": capitalised words, small joining words inside, a number first
# (and the small words of other languages: "Ritorno sul Naviglio", "Nastro d'Argento")
TITLE_SPAN = re.compile(rf"(?<![\w'’])(?:The\s+|A\s+|An\s+|\d{{1,4}}\s+)?[{UPPER}][\w'’.&{MARK}-]*"
                        rf"(?:\s+(?:of|the|and|in|on|to|a|for|&|{PARTICLE})?\s*{ELIDED}?[{UPPER}0-9][\w'’.&{MARK}-]*)*")
_MONTH_WORDS = set(MONTHS.split("|")) | set(_MON3.split("|"))
DATE_START = re.compile(rf"(?:{MONTHS}|{_MON3})\.?\s+\d")  # "December 3": a date, no title
# "A Nightmare on Elm Street 4: The Dream Master (1988)": a title and its subtitle, dated
SUBTITLED = re.compile(rf"(?P<t>{TITLE_SPAN.pattern}:\s+{TITLE_SPAN.pattern})(?=\s+\((?:18|19|20)\d\d\b)")
DAY_MONTH = re.compile(rf"\d{{1,2}}\s+(?:{MONTHS}|{_MON3})\b")  # "1 January 1990": a date, no title
# the words a work's title follows: "the 1993 thriller Low Tide Road", "the short film Tin Lantern", "the novel Windfall"
WORK_NOUN = (r"(?:film|movie|picture|feature|short|documentary|drama|thriller|comedy|western|horror|musical|romance|satire|noir|"
             r"sequel|prequel|remake|debut|series|miniseries|serial|sitcom|show|programme|program|novel|novella|book|story|play|"
             r"memoir|comic|album|song|episode|vehicle|adaptation|soundtrack|blockbuster|cartoon|opera|epic|caper|biopic)")
_WORK_BEFORE = re.compile(rf"\b(?i:the|a|an|his|her|their|its|this|[A-Z][\w'’]*['’]s|(?:18|19|20)\d\d)\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{WORK_NOUN})s?\s*[,:]?\s*$")
# "played a Russian again on Six Feet Under", "appeared in Lockjaw", "directed Streets of Fire": a part in or a craft of a work
_ACTED_IN = re.compile(r"\b(?:(?:play|appear|star|act|guest-star)(?:s|ed|red|ing)?|roles?|cameo|parts?)\b[^.,;:]{0,30}?\s(?:in|on)\s+$"
                       r"|\b(?:directed|scored|produced|wrote|co-wrote|edited|shot)\s+$")
_QUOTE_OPEN = tuple("\"“‘'*_")


def title_cue(text: str, offset: int, surface: str) -> float:
    """How plainly the text marks ``surface`` as a work's title (0 to 1): quoted, followed by its year,
    named after the kind of work it is ("the thriller Lockjaw"), or led by an article or a number mid-sentence."""
    end = offset + len(surface)
    if any(m.start("t") == offset for m in LANGUAGE_TITLE.finditer(text, max(0, offset - 40), end + 1)):
        return 1.0
    if offset > 0 and text[offset - 1] in _QUOTE_OPEN or re.match(r"\s*\((?:18|19|20)\d\d\b", text[end : end + 8]):
        return 1.0
    if _WORK_BEFORE.search(text[max(0, offset - 40) : offset]):
        return 0.9
    if _ACTED_IN.search(text[max(0, offset - 50) : offset]):
        return 0.7
    if offset > 0 and re.match(r"(?:The|A|An)\s|\d", surface):
        return 0.5
    if re.search(r"\b(?:in|on|for|with|like|as|of)\s+$", text[max(0, offset - 6) : offset]):
        return 0.25
    return 0.0


# "the 73rd Venice International Film Festival", "Berlinale": a festival's name, wherever the sentence puts it
_FESTIVAL_WORD = re.compile(r"\b(?:Festival|Fest|Biennale|Berlinale|Filmfest\w*)\b")


def find_festivals(s: str, kb: Knowledge):
    """Festivals named in a sentence, each name ending at its festival word ("Venice International Film Festival")."""
    for m in NAME_SPAN.finditer(s):
        ends = [w.end() for w in _FESTIVAL_WORD.finditer(m.group())]
        name = _trim_name(m.group()[: ends[-1]], kb, lead_only=True) if ends else ""
        if name:
            yield name, name, m.start() + m.group().find(name)


# "at a bus terminal", "in the snow": a place with no name
LOWER_PLACE = re.compile(r"\b(?:in|at|inside|near|on|under|into)\s+(?:a|an|the)\s+(?P<place>(?:[a-z]+\s+){0,2}[a-z]{3,})\b(?![-'’])")
_NOT_PLACE_HEAD = {"end", "way", "time", "film", "movie", "role", "case", "middle", "process", "meantime", "past", "future", "course",
                   "rest", "form", "story", "scene", "sequence", "script", "first", "last", "same", "top", "lead", "box", "part",
                   # "shot in the summer of 2015": a time, not a place
                   "summer", "winter", "spring", "autumn", "fall", "morning", "afternoon", "evening", "night", "day", "days",
                   "week", "weeks", "weekend", "month", "months", "year", "years", "decade", "century", "era", "period",
                   "moment", "beginning", "start", "wake", "aftermath", "run"}


def find_lower_places(s: str):
    for m in LOWER_PLACE.finditer(s):
        place = m.group("place")
        words_ = place.split()
        if words_[-1] in _NOT_PLACE_HEAD or words_[0] in _NOT_PLACE_HEAD or any(w in STOP_WORDS for w in words_):
            continue
        if re.match(r"\s+[A-Z]", s[m.end() :]):
            continue  # "on a jammed Los Angeles freeway": words describing a name, not a place of their own
        yield place, place, m.start("place")


# "In France it was released as Les Voleurs de pommes.": a title that keeps its lower-case words
RELEASED_AS = re.compile(r"\b(?:released|known|retitled|renamed|marketed|sold|shown|distributed)\s+as\s+[\"“*_]?(?P<t>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,7}?)[\"”*_]?"
                         r"(?=[.;,]\s|[.;,]?$|\s+(?:in|by|on|and|for|from)\b)")


# "based on the novel I coltelli di Porta Genova by Arrigo Benzoni": a work and its author, the title in sentence case
WORK_BY = re.compile(rf"\b(?i:{WORK_NOUN}|based on|based_on\s*=)\s+[\"“*_]?(?P<t>[{UPPER}][\w'’{MARK}-]*(?:\s+[\w'’{MARK}-]+){{0,7}}?)[\"”*_]?"
                     rf",?\s+by\s+(?={NAME_TOKEN})")


# "Salt Wind (Korean: 소금바람; RR: Sogeum-baram)", "Le Voyage (French: Le Voyage; lit. 'The Trip')": the title in a
# language, written in any script, in the parentheses after the film's name
LANGUAGE_TITLE = re.compile(rf"\((?:[{UPPER}][{LOWER}]+\s+)?(?P<lang>[{UPPER}][{LOWER}]+)\s*:\s*(?P<t>[^\s;,()：][^;,()]{{0,60}}?)\s*(?=[;,)])")


YEAR_DESCRIPTOR = re.compile(r"(?:18|19|20)\d\d\s+[A-Z][\w-]*$")


def find_titles(s: str, kb: Knowledge):
    for m in LANGUAGE_TITLE.finditer(s):
        yield m.group("t"), m.group("t").lower(), m.start("t")
    for m in WORK_BY.finditer(s):
        if m.group("t").split()[0] not in NOT_NAME or m.group("t").split()[0] in ("The", "A", "An", "I"):
            yield m.group("t"), m.group("t").lower().removeprefix("the "), m.start("t")
    for m in RELEASED_AS.finditer(s):
        yield m.group("t"), m.group("t").lower(), m.start("t")
    for m in QUOTED_TITLE.finditer(s):
        yield m.group("t").strip(), m.group("t").strip(), m.start("t")
    for m in TITLE_YEAR.finditer(s):
        t = _trim_name(m.group("t"), kb) or m.group("t")
        yield t, t, m.start("t")
    for m in SUBTITLED.finditer(s):
        yield m.group("t"), m.group("t").lower().removeprefix("the "), m.start("t")
    for m in TITLE_SPAN.finditer(s):
        t = m.group().strip().rstrip(".,;:") if not re.search(r"\b[A-Z][a-z]{1,3}\.$", m.group()) else m.group().strip()
        first = t.split()[0]
        if m.start() == 0 and first in NOT_NAME and not first.isdigit() and first not in ("The", "A", "An"):
            continue
        if t.split()[-1] in _MONTH_WORDS or t in NOT_NAME or len(t) < 3 or DATE_START.match(t) or DAY_MONTH.match(t):
            continue
        if re.search(r"['’]s$", t) or s[m.end() : m.end() + 2] in ("'s", "’s"):
            continue  # "Horner's score": an owner, not a title
        if m.start() == 0 and " " not in t:
            continue  # one capitalised word opening a sentence
        if YEAR_DESCRIPTOR.match(t) and re.search(r"\b(?:a|an)\s+$", s[max(0, m.start() - 4) : m.start()], re.I):
            continue  # "is a 2001 Japanese animated film": the year and nationality describing a film, not its title
        yield t, t.lower().removeprefix("the "), m.start()


def extract(atype: AnswerType, s: str, kb: Knowledge, exclude: set[str] = frozenset()):
    """Candidates of type ``atype`` in sentence ``s``."""
    if atype == T.MONEY:
        return list(find_money(s))
    if atype == T.DURATION:
        return list(find_duration(s))
    if atype == T.SCORE:
        return list(find_score(s))
    if atype == T.DATE:
        return list(find_date(s)) or [(y, y, o) for y, _, o in find_year(s)]
    if atype == T.YEAR:
        return list(find_year(s))
    if atype == T.NUMBER:
        return list(find_number(s))
    if atype in (T.PERSON, T.LIST):
        return list(find_names(s, kb, exclude))
    if atype == T.ORGANISATION:
        return _whole(s, find_orgs(s, kb))
    if atype == T.PLACE:
        return _whole(s, find_places(s, kb))
    if atype == T.TITLE:
        return _whole(s, (c for c in find_titles(s, kb) if c[0] not in exclude))
    return []


# what a name written in one piece goes on with: "CPH:DOX", "Tidewater+", "Canal+"
_GLUED = re.compile(r"(?::[A-Z][\w-]*|\+)(?![\w:])")


def _whole(s: str, found) -> list[tuple[str, object, int]]:
    """Candidates with the glued rest of their name ("CPH" -> "CPH:DOX")."""
    out = []
    for surface, norm, offset in found:
        m = _GLUED.match(s, offset + len(surface)) if s.startswith(surface, offset) else None
        if m:
            surface = norm = surface + m.group()
        out.append((surface, norm, offset))
    return out
