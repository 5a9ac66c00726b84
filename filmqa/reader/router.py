"""The question router: what kind of answer, about which film, on what aspect.

Rules are about how people ask about films ("how long" wants a duration,
"who composed" a person found near "music"/"score"), never about any one film.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..models import AnswerType, Route
from ..retriever.analysis import STOP_WORDS, analyse, words
from .knowledge import Knowledge

T = AnswerType

# (pattern, type): first match wins. Patterns see the lower-cased question.
_TYPE_RULES: list[tuple[str, AnswerType]] = [
    (r"\bwhy\b|\breason\b|\bhow come\b|\bwhat made\b|\bmotivat", T.REASON),
    (r"^(?:and\s+)?(?:is|was|were|are|did|does|do|has|had|have|can|could|will|would|should)\b", T.YESNO),
    (r"\b(?:who|which \w+)\b.*\b(?:writers?|producers?|screenwriters?|cast|actors|stars|starred|supporting|in the film)\b.*\b(?:all|were|are)\b"
     r"|\b(?:list|name)\b.*\b(?:all|the)\b|\bwho (?:were|are) (?:the|all)\b|\bwho else\b|\bwhich actors\b|\bwhat other (?:actors|films|movies)\b", T.LIST),
    (r"\bhow long\b|\bruntime\b|\brun ?time\b|\brunning time\b|\bduration\b|\bhow many minutes\b|\blength of\b", T.DURATION),
    (r"\bhow much\b|\bbudget\b|\bgross(?:ed)?\b|\bbox[- ]office (?:take|total|earnings|gross)\b|\bearn(?:ed|ings)?\b|\bcost\b|\bsalary\b|\bpaid\b|\brevenue\b|\bmake\b.*\bmoney\b", T.MONEY),
    (r"\bwho distributed\b|\bwhat (?:studio|company|companies|distributor|label|publisher)\b|\bwhich (?:studio|company|distributor|publisher)\b|\b(?:studio|distributor|production company|publisher)\b", T.ORGANISATION),
    (r"\brotten tomatoes\b|\bcinemascore\b|\bmetacritic\b|\bimdb\b|\brating\b|\bgrade\b|\bscore did\b|\bscored\b.*\b(?:out of|on)\b|\bpercent\b|\bout of (?:10|ten|5|five)\b|\bstars? did\b", T.SCORE),
    (r"\bwho\b|\bwhom\b|\bwhose\b|\bwhich (?:actor|actress|director|composer|writer|producer|cinematographer|editor|person|character)\b|\bname of the (?:actor|director|composer|character)\b", T.PERSON),
    (r"\bwhat year\b|\bwhich year\b|\bin what year\b|\byear\b", T.YEAR),
    (r"\bwhen\b|\bwhat date\b|\brelease date\b|\bpremiere date\b|\bdate\b", T.DATE),
    (r"\bwhere\b|\bwhat (?:city|country|location|place)\b|\bwhich (?:city|country|location|place)\b|\blocation\b|\bfilmed in\b", T.PLACE),
    (r"\bhow many\b|\bnumber of\b", T.NUMBER),
    (r"\bwhat (?:film|movie|picture|other films?|else)\b|\bwhich (?:film|movie)\b|\btitle\b", T.TITLE),
    (r"\bdirector\b|\bcomposer\b|\bcinematographer\b|\bscreenwriter\b|\bactor\b|\bactress\b|\bstar\b|\bplayed\b|\bdirected\b|\bcomposed\b", T.PERSON),
    (r"\bmusic\b|\bsoundtrack\b", T.PERSON),
    (r"\bcinemascore\b|\btomatoes\b|\bscore\b", T.SCORE),
]

# aspect -> (cue pattern, expansion words, infobox keys). Order matters: the first
# aspect found is the question's, so specific crafts come before "direct"/"shot".
ASPECTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "runtime": (r"\bhow long is\b|\bhow long does\b|\bruntime|\brun ?time|\brunning time|\bhow many minutes|\blength of the (?:film|movie)|\bruns? for\b", "runtime minutes running", ("runtime", "running time")),
    "budget": (r"\bbudget|\bcost\b|\bcosts\b", "budget production", ("budget",)),
    "box office": (r"\bgross|\bbox[- ]office|\bearn|\brevenue|\bcommercial|\bsuccess|\bhit\b|\bflop|\bmoney|\bhow much did .* make\b|\btakings\b", "gross box office grossed earned", ("gross", "box office")),
    "reception": (r"\bcritic|\breview|\brotten|\btomatoes|\brating|\breception|\bcinemascore|\bgrade|\bconsensus|\bmetacritic|\baudiences? (?:polled|gave)", "critics reviews rating reception", ()),
    "home media": (r"\bdvd|\bblu-?ray|\bvhs|\bhome (?:media|video|release)|\bcassette|\blaserdisc|\bvideo release|\bon video\b", "dvd blu ray vhs home media release", ()),
    "casting": (r"\bcasting\b", "casting", ("casting",)),
    "costume": (r"\bcostume", "costume designer", ("costume", "costume design", "costumes")),
    "music": (r"\bmusic|\bscore\b|\bscored\b|\bcompos|\bsoundtrack", "music score composer composed", ("music", "music by", "composer")),
    "cinematography": (r"\bcinematograph|\bphotograph|\bcamera|\blensed|\bdp\b", "cinematography photography", ("cinematography",)),
    "editing": (r"\bedit(?:or|ed|ing)\b", "editing editor edited", ("editing", "edited by", "editor")),
    "writing": (r"\bwr[io]te|\bwritten|\bwriters?\b|\bscript|\bscreenplay|\bpenned|\bscreenwriter", "screenplay writers script written", ("screenplay", "writer", "written by", "story", "writers")),
    "direction": (r"\bdirect|\bhelm", "directed director", ("director", "directed by")),
    "distribution": (r"\bdistribut", "distributed distributor", ("distributor", "distributed by")),
    "studio": (r"\bstudio|\bcompany|\bproduction compan", "studio pictures company production", ("studio", "production company", "production companies")),
    "release": (r"\breleas|\bpremier|\bopen(?:ed)?\b|\bcame out\b|\bcome out\b", "released release premiere", ("released", "release date", "release")),
    "production": (r"\bproduc(?:er|ed)|\bshot\b|\bfilm(?:ed|ing)\b|\blocation|\bshoot", "produced filmed shot location", ("producer", "produced by")),
    "cast": (r"\bplay(?:ed|s)?\b|\brole|\bactor|\bactress|\bstar(?:red|s|ring)?\b|\bcast\b|\bcharacter|\bportray", "cast played role stars", ("starring",)),
    "language": (r"\blanguage|\bspoken\b", "language", ("language",)),
    "country": (r"\bcountry|\bcountries|\bnationality", "country", ("country",)),
    "plot": (r"\bplot|\bhappen|\bstory\b|\bending|\bkill|\bdie[sd]?\b|\bescape|\bfight", "", ()),
}

# Phrasings rewritten to the words documents use before the question is read
# (the rewritten text only drives routing and search; replies quote the question).
PHRASES: list[tuple[str, str]] = [
    (r"\bdirector of photography\b|\bdop\b|\bd\.o\.p\.", "cinematographer"),
    (r"\bcost to (?:make|produce|shoot)\b", "budget"),
    (r"\b(?:wr[io]te|did|composed|created) the (?:film's |movie's )?(music|score|soundtrack)\b", r"composed the \1"),
    (r"\b(?:come|came|comes) out\b|\bhit (?:theaters|theatres|cinemas)\b", "released"),
    (r"\bwhat (studio|company) made\b", r"what \1 produced"),
    (r"\bhow much (?:money )?did (.+?) (?:make|bring in|take in|pull in)\b", r"how much did \1 gross"),
]

# Words that only say what kind of answer is wanted: they need not appear near it.
TYPE_WORDS = frozenset("date dates year years day month city town country place name names kind type much many number".split())

# Words people use that documents rarely do, mapped to the documents' words.
SYNONYMS = {
    "helm": "directed", "helmed": "directed", "director": "directed", "penned": "wrote", "scripted": "wrote",
    "lensed": "cinematography", "dp": "cinematography", "composed": "music", "composer": "music",
    "scored": "score", "soundtrack": "score", "earn": "grossed", "earned": "grossed", "earnings": "gross",
    "revenue": "gross", "length": "runtime", "long": "runtime",
    "duration": "runtime", "cost": "budget", "costs": "budget", "shot": "filmed", "filmed": "shot",
    "location": "shot", "locations": "shot", "starred": "stars", "actor": "played", "actress": "played",
    "portrayed": "played", "role": "as", "character": "played", "premiered": "premiere", "came": "released",
    "photography": "cinematography", "cinematographer": "cinematography", "villain": "villain", "wife": "wife", "hit": "success", "flop": "disappointment", "success": "success",
    "critics": "critics", "score": "score", "rating": "rating", "graded": "grade", "grade": "cinemascore",
}

# Question words that carry no content of their own.
GENERIC = frozenset(
    """film movie picture flick it its did does do was were is are be been the a an what which who whom whose
    when where why how much many long tell me about please name list give show say said get got happen happened
    one ones also else other another main lead actual actually exactly really originally first
    anything something someone thing things there here know info information""".split()
)



@dataclass
class Reading:
    """The router's working notes for one question."""

    route: Route
    content_terms: list[str] = field(default_factory=list)  # analysed content words of the question
    key_terms: list[str] = field(default_factory=list)  # content terms minus the film title
    expansion: list[str] = field(default_factory=list)
    infobox_keys: tuple[str, ...] = ()  # the fields of every aspect the question touches
    primary_keys: tuple[str, ...] = ()  # the fields of its main aspect
    entities: list[str] = field(default_factory=list)  # capitalised names in the question
    film_named: bool = False
    alternatives: dict[str, set[str]] = field(default_factory=dict)  # key term -> terms that also cover it
    normalised: str = ""  # the question after PHRASES
    aspects: list[str] = field(default_factory=list)
    craft_asked: bool = True  # "who directed it?" (False: "which director lifted the score?", a job as a category)


@functools.cache
def _generic_terms() -> frozenset[str]:
    """GENERIC as index terms (stemmed once, on first use)."""
    return frozenset(t for g in GENERIC for t in analyse(g))


def answer_type(q: str) -> AnswerType:
    ql = q.lower()
    for pattern, t in _TYPE_RULES:
        if re.search(pattern, ql):
            return t
    return T.DESCRIPTION


def aspects_of(q: str) -> list[str]:
    ql = q.lower()
    return [name for name, (cue, _, _) in ASPECTS.items() if re.search(cue, ql)]


def _entities(q: str, kb: Knowledge) -> list[str]:
    """Capitalised names in the question (not its first word unless known)."""
    from .knowledge import NAME_SPAN

    out = []
    for m in NAME_SPAN.finditer(q):
        span = m.group()
        toks = span.split()
        while toks and toks[0].lower() in STOP_WORDS | GENERIC | {"tell", "did", "was", "is", "who", "what", "and"}:
            toks = toks[1:]
        if not toks:
            continue
        span = " ".join(toks)
        out.append(span)
    return out


# "Which director lifted ...": the job names a kind of person, the verb after it is what is asked
_CATEGORY = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?(?:director|composer|writer|producer|cinematographer|editor|actor|actress|filmmaker)s?\s+"
                       r"(?!(?:of|for|on|was|is|were|are|did|does|do|had|has|behind)\b)[a-z]{3,}", re.I)


def normalise_question(q: str) -> str:
    """The question with people's phrasings replaced by the documents' words (PHRASES)."""
    out = q
    for pattern, repl in PHRASES:
        out = re.sub(pattern, repl, out, flags=re.I)
    return out


def route_question(question: str, kb: Knowledge, *, single_film: str | None, focus_film: str | None) -> Reading:
    q = question.strip()
    nq = normalise_question(q)
    atype = answer_type(nq)
    aspects = aspects_of(nq)
    films = kb.films_in(q)
    film_reason = ""
    film = None
    if films:
        film, film_reason = films[0], "named in the question"
    elif focus_film:
        film, film_reason = focus_film, "the film in focus in this conversation"
    elif single_film:
        film, film_reason = single_film, "the only film in the corpus"

    content = [t for t in analyse(nq) if t not in _generic_terms()]
    title_terms: set[str] = set()
    if film:
        for norm, label in kb.film_titles.items():
            if label == film:
                title_terms.update(analyse(norm))
    type_terms = {t for w in TYPE_WORDS for t in analyse(w)}
    key_terms = [t for t in content if t not in title_terms and t not in type_terms]
    expansion: list[str] = []
    infobox_keys: tuple[str, ...] = ()
    for a in aspects:
        _, words_, keys = ASPECTS[a]
        expansion.extend(analyse(words_))
        infobox_keys += keys
    alternatives: dict[str, set[str]] = {t: {t} for t in key_terms}
    for w in words(nq):
        syn = SYNONYMS.get(w)
        if syn:
            expansion.extend(analyse(syn))
        t = analyse(w)
        if t and t[0] in alternatives and syn:
            alternatives[t[0]].update(analyse(syn))
    entities = _entities(q, kb)
    route = Route(
        question=question,
        resolved_question=q,
        answer_type=atype,
        film=film,
        film_reason=film_reason,
        aspect=aspects[0] if aspects else None,
        focus=entities[0] if entities else None,
        query_terms=list(dict.fromkeys(content + expansion)),
        explanation="",
    )
    return Reading(
        route=route,
        content_terms=content,
        key_terms=key_terms,
        expansion=[e for e in dict.fromkeys(expansion) if e not in content],
        infobox_keys=infobox_keys if atype == T.LIST or not aspects else ASPECTS[aspects[0]][2],
        entities=entities,
        film_named=bool(films),
        alternatives=alternatives,
        primary_keys=ASPECTS[aspects[0]][2] if aspects else (),
        normalised=nq,
        aspects=aspects,
        craft_asked=not _CATEGORY.search(nq),
    )
