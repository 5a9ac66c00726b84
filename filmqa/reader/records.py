"""Answers read straight from structured records: cast pairs and table rows.

"Who played <role>?" / "Which character does <actor> play?" are looked up in
the cast lists; "Who published the VHS?" in a table whose header says
"Publisher" and whose row mentions "VHS". Each answer cites the list item or
table row it came from.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..corpus.films import normalise_title
from ..models import Passage
from ..retriever.analysis import STOP_WORDS, analyse, fold
from .awards import AWARD_ASKED, result_of
from .candidates import MARKED, QUALIFIERS
from .extract import FILMED_ON, PLACE_CUE, YEAR, find_score
from .replies import joined
from .router import GENERIC, Reading, asked_unit
from .scoring import FACT_LINE, FILMING_SAID, ScoredSentence, masthead_terms

_ROLE_NOISE = {"capt", "captain", "det", "sgt", "lt", "cmdr", "lieutenant", "sergeant", "detective", "commander", "dr", "mr", "mrs", "the"}
ASK_ROLE = re.compile(r"\b(?:which|what)\s+(?:character|role|part)\b|\bwho (?:does|did|do) .+ play\b|\bplays? (?:as|whom|who)\b|\bplay(?:ed|s)? which\b|\brole (?:of|did|does)\b|\bwhat (?:role|part)\b", re.I)


_PLAY_WORDS = {"play", "plays", "played", "playing", "portray", "portrayed", "portrays", "role", "part", "actor", "actress", "character",
               "cast", "star", "starred", "stars", "voice", "voiced", "voices", "voicing", "film", "movie"}
# words that ask for one version of a film's cast ("in the English dub"), not for a part
_VERSION_WORDS = {"version", "versions", "dub", "dubbed", "original", "edition", "release"}
# how people ask about a cast: a page that is only a cast table never uses these words, and need not
CAST_WORDS = frozenset(_PLAY_WORDS | _VERSION_WORDS | {"roles", "parts", "actors", "actresses", "characters", "portraying", "starring", "appear",
                                      "appears", "appeared", "appearing", "performer", "performers"})


def _tokens(text: str) -> set[str]:
    """Lower-case words without accents ("Léon" is typed "leon"), possessives and stop words."""
    text = re.sub(r"'s\b", "", fold(text))  # "Danko's" is Danko
    return {t for t in re.findall(r"[a-z0-9]+", text.replace("'", "")) if t not in STOP_WORDS and t not in _ROLE_NOISE and len(t) > 1}


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
    films = [route.film] if route.film else []  # with no film, every film's records would be a guess (and slow)
    out = []
    seen = set()

    def add(doc_id: str, offset: int) -> None:
        found = located(qa, doc_id, offset)
        if found and films and found[1].films and films[0] not in found[1].films:
            return  # another film's section of a document about several ("Director: James Marsh" under MAN ON WIRE)
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
        # a fact sheet's "Running time: 89 minutes" / "Runtime | 131 min" line states the same field outside an infobox
        for f in films:
            film = qa.film(f)
            for doc_id in film.doc_ids if film else ():
                for pid in qa.passage_range(doc_id):
                    for sent in qa.passages[pid].sentences:
                        m = FACT_LINE.match(sent.text)
                        if m and m.group("k").strip().lower() in keys:
                            add(doc_id, sent.start)
    if route.answer_type.value == "score" and route.aspect != "certificate" and reading.key_terms:
        # "what rating did Saddle & Screen give it?": the scores on that site's own page ("Our rating: 4 out of 5")
        for doc_id in qa.film(route.film).doc_ids if films and qa.film(route.film) else ():
            if masthead_terms(qa, doc_id, route.resolved_question, reading.key_terms):
                for pid in qa.passage_range(doc_id):
                    for sent in qa.passages[pid].sentences:
                        if any(find_score(sent.text)):
                            add(doc_id, sent.start)
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
    if route.aspect == "filming" and route.answer_type.value == "place" and route.film and qa.film(route.film):
        # "where was it filmed?": "film" is a word of every passage, so BM25 may rank the one saying where below others
        said = [(doc_id, s.start) for doc_id in qa.film(route.film).doc_ids for pid in qa.passage_range(doc_id)
                for s in qa.passages[pid].sentences if FILMING_SAID.search(s.text) and (PLACE_CUE.search(s.text) or FILMED_ON.search(s.text))]
        for doc_id, start in said[:6]:
            add(doc_id, start)
    if route.aspect == "plot" and not reading.key_terms and route.film and qa.film(route.film):
        # "what is it about?": the opening of each plot section, wherever BM25 ranks it
        for doc_id in qa.film(route.film).doc_ids:
            for pid in qa.passage_range(doc_id):
                p = qa.passages[pid]
                if p.section and re.search(r"plot|synopsis|story|premise", p.section, re.I) and p.sentences:
                    add(doc_id, p.sentences[0].start)
                    break
    return out[:12]


def full_actor(actor: str, line: str) -> str:
    """The actor's name with a first name the list parser left off ("Pruitt Taylor Vince as ...")."""
    if " " not in actor:
        return actor
    m = re.search(rf"(?:^|[*•;]\s*)([A-Z][a-z]+)\s+{re.escape(actor)}\s+as\b", line)
    return f"{m.group(1)} {actor}" if m and m.group(1).lower() not in STOP_WORDS else actor


_ROLE_DESCRIBED = re.compile(r",|\s+[(–—-]\s*|\s+-\s+")


# words of office or address a credited part's name may open with ("Police Chief Martin Brody", "Inspector Kaur")
_TITLES = frozenset("police chief officer agent inspector sheriff deputy constable commissioner commissario professor doctor "
                    "general colonel major judge mayor senator governor president father mother uncle aunt king queen prince "
                    "princess lord lady sir madame miss".split())


_AGE_WORDS = frozenset("young younger teen teenage child kid little older adult elderly".split())


def _apostrophes(question: str, pairs) -> str:
    """"poppys boyfriend" typed for "Poppy's boyfriend": a credited name with an s after it is a possessive."""
    names = {t for _, c in pairs for t in _tokens(_ROLE_DESCRIBED.split(c.role, 1)[0]) | _tokens(c.actor)}
    return re.sub(r"\b([A-Za-z]{2,})s\b(?!['’])", lambda m: m.group(1) + "'s" if fold(m.group(1)) in names and fold(m.group()) not in names
                  else m.group(), question)


def _films_of(qa, doc_id: str) -> list[str]:
    doc = qa.document(doc_id)
    return list(doc.films) if doc else []


def _not_anothers(qa, kb, film: str, pairs: list) -> list:
    """``film``'s credits without the parts of another film that a document about both credits ("Robert Shaw, who
    played Quint" in a franchise listicle): a part credited in a document of that other film alone, and in none
    of ``film``'s own documents, is that film's ("who played Quint in Jaws 2" is not Robert Shaw)."""
    def part(c) -> str:
        return normalise_title(_ROLE_DESCRIBED.split(c.role, 1)[0])

    films_of = {d: _films_of(qa, d) for d in {d for d, _ in pairs}}
    # only credits from documents about several films can be another film's, and only one of those films'
    # (not every film of a corpus of thousands, on every cast question)
    other_films = {f for films in films_of.values() if len(films) >= 2 for f in films if f and f != film}
    if not other_films:
        return pairs
    own = {part(c) for d, c in pairs if films_of[d] == [film]}
    others = {part(c) for other in other_films if other in kb.facts for d, c in kb.facts[other].cast
              if _films_of(qa, d) == [other]}
    return [(d, c) for d, c in pairs if len(films_of[d]) < 2 or part(c) in own or part(c) not in others]


def cast_lookup(qa, kb, reading: Reading):
    """(answer, supporting sentences) from cast lists, or None."""
    route = reading.route
    if route.aspect != "cast" and not re.search(r"\bplay|\bportray|\bcharacter|\brole\b|\bvoic", route.resolved_question, re.I) \
            and not ASK_ROLE.search(route.resolved_question):
        return None
    facts = kb.facts.get(route.film) if route.film else None
    pairs = facts.cast if facts else [p for f in kb.facts.values() for p in f.cast]
    if facts:
        kept = _not_anothers(qa, kb, route.film, pairs)
        if len(kept) < len(pairs):
            found = _cast_match(qa, kb, reading, kept)
            # the part asked is another film's ("who played Quint in Jaws 2"): no one played it in this one
            return found if found or _cast_match(qa, kb, reading, pairs) is None else ("", [])
    return _cast_match(qa, kb, reading, pairs)


def _cast_match(qa, kb, reading: Reading, pairs: list):
    """(answer, supporting sentences) from the cast credits ``pairs``, or None."""
    route = reading.route
    if not pairs:
        return None
    question = _apostrophes(reading.normalised or route.resolved_question, pairs)  # "the bad guy" is read "the villain"
    q = _tokens(question) - {w for w in GENERIC}
    film_words = _tokens(re.sub(r"\(\d{4}\)", "", route.film or ""))
    # "Danko's wife", "Poppy's ex-boyfriend", "her older brother": the relation noun, past a word that only qualifies it
    rel = re.search(r"['’]s\s+(?:(?:ex|former|late|young|younger|old|older|elder|eldest|twin|best|real|own|new|first|second)\b[\s-]*)?([a-z]+)\b",
                    question)
    relation = rel.group(1) if rel and rel.group(1) not in _PLAY_WORDS and rel.group(1) not in STOP_WORDS else None  # "Venn's wife"
    want_role = bool(ASK_ROLE.search(route.resolved_question))
    # "who plays Nino in Amelie": the title's words only name the film, unless they are all the part asked ("who plays Amelie")
    part_q = q - film_words if q - film_words - _PLAY_WORDS else q
    # words that only tell the film apart ("in the remake", "the 1974 one") are not the role's
    key = set(reading.key_terms)
    # "in the English version": versions the lists name (a dub's language), and the one the question asks for
    asked_version = q & {t for _, c in pairs if c.version for t in _tokens(c.version) - _PLAY_WORDS - _VERSION_WORDS}
    best: dict[str, list] = defaultdict(list)
    order: dict[str, int] = {}
    other_version = False
    top = 0.0
    for doc_id, c in pairs:
        actor_t, role_t = _tokens(c.actor), _tokens(c.role)
        # "Sgt. Al Powell, an LAPD patrol officer": the character's name, then what the list says of them
        name_t = _tokens(_ROLE_DESCRIBED.split(c.role, 1)[0]) or role_t
        desc_t = role_t - name_t
        if relation is None:
            # "Carmen, Ines's daughter" is not Ines: a name the list owns a relation by is not the part
            desc_t -= _tokens(" ".join(re.findall(r"(\w+)['’]s\b", c.role)))
        version = len(asked_version & _tokens(c.version))
        if c.version and route.film and kb.films_in(c.version):
            if route.film not in kb.films_in(c.version):
                continue  # a comparison's column for another film
            version += 1
        a = len(q & actor_t) / max(len(actor_t), 1)
        # (a title before the name is no part of it: "Brody" is as much "Police Chief Martin Brody" as "Ellen Brody")
        r = len(part_q & name_t) / max(len(name_t - _TITLES) or len(name_t), 1)
        d = len(part_q & desc_t) / max(len(desc_t), 1)
        if want_role and a > 0:
            score, answer = a + 0.5, c.role
        elif max(r, d) > 0 and max(r, d) >= a:
            # "Who played Danko's wife?": a word the role lacks makes it someone else's part,
            # unless the list says it of the role ("Holly, John's wife")
            extra = {w for w in q - role_t - actor_t - film_words - _PLAY_WORDS - _VERSION_WORDS - _tokens(c.version)
                     if key & set(analyse(w))}
            if relation and relation in desc_t:
                extra = set()  # "Ivy, his sister": the list states the relation, its owner is the one the question names
            if (relation and relation not in desc_t) or (extra and (r == 0 or (r < 1 and not d))):
                continue
            if asked_version and c.version and not version:
                other_version = True  # the part's credit in another version (no English voice is the Japanese one)
                continue
            # "Sheriff Abbot" beside "Sergeant Abbot": the role that holds more of the question's words;
            # "Ines" is the grown-up part, not "young Ines", unless the question says young; "in the English dub": that version's
            score, answer = max(r, d) + 0.01 * len(q & role_t) - 0.02 * bool((role_t & _AGE_WORDS) - q) + 0.1 * version, c.actor
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
        order.setdefault(answer, len(order))  # billing: of equal matches, the one the list names first
    if not best or top < 0.3:
        return ("", []) if other_version and not best else None
    # the same person may be written two ways across documents: group by surname tokens
    answer = max(best, key=lambda a: (len(best[a]), -order[a]))
    support = []
    credits_in = defaultdict(int)
    for doc_id, _ in pairs:
        credits_in[doc_id] += 1
    # a cast list first, a passing mention after: the list's document is the film's own
    for doc_id, c in sorted(best[answer], key=lambda dc: -credits_in[dc[0]]):
        ss = sentence_at(qa, doc_id, c.start)
        if ss and all(s.passage.doc_id != doc_id for s in support):
            support.append(ss)
    answer = re.sub(r"^(?:Capt|Det|Sgt|Lt|Cmdr)\.\s+(?:(?:Sgt|Lt)\.\s+)?", "", answer).strip()
    if support:
        answer = full_actor(answer, support[0].sentence.text)
    return (answer, support) if support else None


RANK = (r"(?:Captain|Capt\.|Lieutenant|Lt\.|Sergeant|Sgt\.|Detective|Det\.|Commander|Cmdr\.|Colonel|Col\.|Major|Maj\.|"
         r"General|Gen\.|Inspector|Insp\.|Agent|Officer|Chief|Sheriff|Deputy|Corporal|Cpl\.|Private|Pvt\.|Admiral|Adm\.|"
         r"Commissioner|Marshal|Constable|Superintendent|Supt\.|Sergeant-Major|Lieutenant-Colonel)")
ASK_RANK = re.compile(r"\brank\b|\bmilitary title\b|\bpolice title\b", re.I)


def _rank_key(rank: str) -> str:
    """"Det. Sgt." and "Detective Sergeant" are one rank."""
    full = {"capt": "captain", "lt": "lieutenant", "sgt": "sergeant", "det": "detective", "cmdr": "commander", "col": "colonel",
            "maj": "major", "gen": "general", "insp": "inspector", "cpl": "corporal", "pvt": "private", "adm": "admiral", "supt": "superintendent"}
    return " ".join(full.get(w, w) for w in re.findall(r"[a-z]+", rank.lower()))


def rank_lookup(qa, kb, reading: Reading):
    """(rank, supporting sentences) for "What is <character>'s rank?", read where the rank precedes the name."""
    route = reading.route
    if not ASK_RANK.search(route.resolved_question):
        return None
    if not route.film or not qa.film(route.film):
        return None  # a rank is asked of a character in one film
    facts = kb.facts.get(route.film) if route.film else None
    pairs = facts.cast if facts else [p for f in kb.facts.values() for p in f.cast]
    q = _tokens(route.resolved_question) - {"rank", "character", "title"}
    names: set[str] = set()
    for _, c in pairs:
        role_t, actor_t = _tokens(c.role), _tokens(c.actor)
        if q & role_t or (actor_t and actor_t <= q):
            names |= {w for w in re.findall(r"[A-Z][\w'’-]+", c.role) if w.lower().rstrip(".") not in _ROLE_NOISE}
    names |= {w for w in re.findall(r"[A-Z][\w'’-]+", route.resolved_question) if w.lower() in q}
    names = {n for n in names if len(n) > 2 and not re.fullmatch(RANK, n) and n.lower() not in STOP_WORDS}
    if not names:
        return None
    pat = re.compile(rf"(?P<rank>{RANK}(?:[\s-]+{RANK})*)\s+(?:[A-Z][\w'’\"]+\s+){{0,2}}?(?:{'|'.join(map(re.escape, sorted(names)))})\b")
    found: dict[str, list] = defaultdict(list)
    docs = qa.film(route.film).doc_ids
    for doc_id in docs:
        for pid in qa.passage_range(doc_id):
            p = qa.passages[pid]
            for sent in p.sentences:
                for m in pat.finditer(sent.text):
                    if all(ss.sentence.start != sent.start or ss.passage.doc_id != doc_id for _, ss in found[_rank_key(m.group("rank"))]):
                        found[_rank_key(m.group("rank"))].append((m.group("rank"), ScoredSentence(sent, p, 2.0, 1.0)))
    if not found:
        return None
    key = max(found, key=lambda k: (len({ss.passage.doc_id for _, ss in found[k]}), len(found[k]), len(k)))
    surface = found[key][0][0]
    return surface, [ss for _, ss in found[key][:3]]


ASK_NAME_PART = re.compile(r"\bwhat(?:'s|’s| is| was)\s+(?:the\s+)?(?P<who>[\w'’. -]+?)['’]s?\s+(?P<part>(?:(?:full|first|last|real|given|middle|family|complete)\s+)*)(?:name|surname|forename)\b", re.I)


def _unranked(text: str) -> str:
    """The name without its rank: "Inspector Crane" is the credited "Insp. Walter Crane"."""
    return re.sub(rf"(?<!\w){RANK}(?!\w)", " ", text, flags=re.I)


def name_part_lookup(qa, kb, reading: Reading):
    """(the name, its credit) for "What is Cat Manzetti's full first name?" / "What is Lt. Stobbs's first name?".

    Read from the credited name of the part ('Catherine "Cat" Manzetti', 'Lt. Charlie Stobbs'): the part's
    name without its rank or nickname, or its first or last word."""
    route = reading.route
    m = ASK_NAME_PART.search(route.resolved_question)
    if not m:
        return None
    who = _tokens(_unranked(m.group("who"))) - {"character"}
    asked = m.group("part").lower().split() + (["last"] if re.search(r"surname", m.group(0), re.I) else [])
    if not who:
        return None
    facts = kb.facts.get(route.film) if route.film else None
    pairs = facts.cast if facts else [p for f in kb.facts.values() for p in f.cast]
    found: dict[str, list] = defaultdict(list)
    for doc_id, c in pairs:
        name = re.split(r",|\s+\(", c.role, maxsplit=1)[0]
        if not who <= _tokens(_unranked(name)):
            continue
        bare = re.sub(r"\s*[\"“'‘][^\"”'’]+[\"”'’]", "", re.sub(rf"^(?:(?:{RANK}|[A-Z][a-z]{{0,3}}\.)\s+)+", "", name)).split()
        if "first" in asked or "given" in asked:
            value = bare[0] if len(bare) >= 2 else None
        elif "last" in asked or "family" in asked:
            value = bare[-1] if len(bare) >= 2 else None
        else:
            value = " ".join(bare) if len(bare) >= 2 else None
        if value and not ("full" in asked and _tokens(value) <= who and "first" in asked):
            found[value].append((doc_id, c))  # "Cat"'s full first name is not "Cat"
    if not found:
        return None
    value = max(found, key=lambda v: (len(found[v]), len(v)))
    support = [ss for doc_id, c in found[value][:3] for ss in [sentence_at(qa, doc_id, c.start)] if ss]
    return (value, support) if support else None


ASK_CAST_LIST = re.compile(r"\bwho(?:'s|’s| is| was| were| are)? in\b|\bwho (?:stars|starred|appears|appeared) in\b|\bwho starred\b"
                           r"|\b(?:list|name)\b.*\b(?:cast|stars|actors)\b|\bwho (?:are|were) the (?:main )?(?:stars|actors|cast)\b"
                           r"|\bwhat actors\b|\bwhich actors\b|\bwho is in the cast\b|\bwho(?:'s| is) in it\b", re.I)


def cast_list_lookup(qa, kb, reading: Reading):
    """(the stars, supporting sentences) for "who's in it?": the infobox's starring field, else a cast list."""
    from .knowledge import split_names

    route = reading.route
    if not route.film or not ASK_CAST_LIST.search(route.resolved_question):
        return None
    facts = kb.facts.get(route.film)
    if not facts:
        return None
    for doc_id, fld in facts.infobox:
        if fld.key.lower() == "starring":
            names = split_names(fld.value, kb.persons)
            ss = sentence_at(qa, doc_id, fld.start)
            if len(names) >= 2 and ss:
                return joined(names), [ss]
    by_doc: dict[str, list] = defaultdict(list)
    for doc_id, c in facts.cast:
        by_doc[doc_id].append(c)
    if not by_doc:
        return None
    doc_id, credits = max(by_doc.items(), key=lambda kv: len(kv[1]))
    names, support = [], []
    for c in credits[:8]:
        ss = sentence_at(qa, doc_id, c.start)
        if ss is None:
            continue
        names.append(full_actor(c.actor, ss.sentence.text))
        if all(s.sentence.start != ss.sentence.start for s in support):
            support.append(ss)
    names = list(dict.fromkeys(names))
    if len(names) < 2 or not support:
        return None
    return joined(names), support


def _fits(value: str, atype: str) -> bool:
    """Whether a table cell can be an answer of the asked type."""
    has_year = bool(re.search(r"\b(?:18|19|20)\d\d\b", value))
    if atype in ("date", "year"):
        return has_year
    if atype in ("organisation", "person", "place", "title"):
        return not has_year and bool(re.search(r"[A-Za-z]{2}", value))
    if atype == "money":
        return bool(re.search(r"[$£€¥]|\b(?:million|billion|dollars?|pounds?|euros?)\b", value, re.I))  # a week's number is no sum
    return True


# question words -> the table headers they ask for
_COLUMN_WORDS = {
    "company": "publisher distributor label studio", "companies": "publisher distributor label studio",
    "label": "publisher", "published": "publisher", "publish": "publisher", "put": "publisher",
    "distributed": "distributor", "issued": "publisher", "when": "date", "date": "date", "year": "date",
    "ratio": "ratio aspect", "aspect": "ratio", "region": "region", "resolution": "resolution", "audio": "audio sound",
    "subtitles": "subtitles", "format": "format", "formats": "format media type", "country": "country", "countries": "country",
    "gross": "gross takings earnings", "grossed": "gross takings earnings", "earn": "gross takings earnings",
    # a crew column is headed by the job's noun ("Director"), the question says the deed ("who directed ...")
    "directed": "director", "direct": "director", "wrote": "writer", "written": "writer", "produced": "producer",
    "composed": "composer", "scored": "composer", "starred": "star starring", "stars": "star starring",
}
# short forms people write for the values tables hold
_ALIASES = {"uk": "united kingdom", "britain": "united kingdom", "us": "united states", "usa": "united states",
            "america": "united states", "bluray": "blu ray"}
_FIRST = re.compile(r"\b(?:first|earliest|original|initial)\b", re.I)
_ORDINALS = {w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)}
_NUMBERS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
# "its second weekend", "week 3", "weekend two", "the 5th week": a numbered row the question asks for
_NUMBERED = re.compile(r"\b(?P<o>" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+(?P<noun>[a-z]+)\b"
                       r"|\b(?P<noun2>[a-z]+)\s+(?:no\.?\s*|number\s+)?(?P<n>\d{1,2}|" + "|".join(_NUMBERS) + r")\b(?!\s*(?:[,.]\d|%|million|billion))", re.I)


def _numbered(q: str) -> list[tuple[int, str]]:
    """(number, noun) for each numbered thing the question names: "second weekend" -> (2, "weekend")."""
    out = []
    for m in _NUMBERED.finditer(q):
        if m.group("o"):
            o = m.group("o").lower()
            n = _ORDINALS.get(o) or int(re.match(r"\d+", o).group())
            out.append((n, m.group("noun").lower()))
        else:
            n = m.group("n").lower()
            out.append((_NUMBERS.get(n) or int(n), m.group("noun2").lower()))
    return out
_OPENING = re.compile(r"\bopen(?:ed|ing|s)?\b|\bdebut(?:ed|s)?\b", re.I)  # "the screens it opened on": the first row's
_WEEKEND = re.compile(r"(?i)\b(?:opening|first)\s+(?:weekend|week|day)\b|\bweekend\b")
_LAST = re.compile(r"\b(?:last|latest|most recent|newest|final)\b", re.I)


def _date_key(value: str):
    from .extract import find_date

    for _, norm, _ in find_date(value):
        m = YEAR.search(norm)
        months = "january february march april may june july august september october november december".split()
        month = next((i for i, name in enumerate(months, 1) if name in norm or name[:3] in norm.split()), 0)
        day = re.search(r"\b(\d{1,2})\b", norm)
        return (int(m.group()) if m else 0, month, int(day.group(1)) if day else 0)
    m = YEAR.search(value)
    return (int(m.group()), 0, 0) if m else None


def _tables(qa, doc_ids):
    """Rows grouped into tables: (doc_id, section, headers) -> rows."""
    out: dict[tuple, list] = defaultdict(list)
    for doc_id in doc_ids:
        doc = qa.document(doc_id)
        for row in doc.table_rows if doc else ():
            out[(doc_id, row.section)].append(row)
    return out


def _qualified_otherwise(qwords: list[str], k: int, header_terms: set[str], title_terms: set[str]) -> bool:
    """Whether the question's word before the one that names a crew column ("casting" of "casting director",
    "executive" of "executive producer") is a qualifier its header does not have: then another job is asked."""
    if k == 0:
        return False
    before = qwords[k - 1]
    if before in STOP_WORDS or not before.isalpha() or before in GENERIC:
        return False
    terms = set(analyse(before))
    return bool(terms) and not terms & (header_terms | title_terms)


def table_lookup(qa, kb, reading: Reading):
    """(answer, supporting sentences) read from a table the question points into, or None.

    The question names a column (its header, or a word for it: "company" ->
    Publisher, "when" -> Release date) and picks rows by their other cells
    ("the 2002 DVD", "the Blu-ray", "in the UK"), "first"/"latest" by the row
    dates, "how many" counts them. A value the question gives that no row has
    ("in the United States") means the table does not answer: ("", []) then.
    """
    route = reading.route
    atype = route.answer_type.value
    q = reading.normalised or route.resolved_question
    qwords = [_ALIASES.get(w, w) for w in re.findall(r"[a-z0-9]+(?:-[a-z]+)?", q.lower())]
    qwords += [w[:-1] for w in qwords if len(w) > 3 and w.endswith("s") and not w.endswith("ss")]  # "DVDs" names "DVD" rows
    qtext = " " + " ".join(qwords) + " "
    q_terms = set(reading.key_terms)
    for w in qwords:
        q_terms |= set(analyse(w))
    wanted_headers: list[str] = []
    said_at: list[int] = []  # the index in qwords of the word each wanted header term comes from
    for k, w in enumerate(qwords):
        terms = analyse(w) + analyse(_COLUMN_WORDS.get(w, ""))
        wanted_headers += terms
        said_at += [k] * len(terms)
    title_terms = set(reading.content_terms) - set(reading.key_terms)
    asked_film = qa.film(route.film) if route.film else None
    film_titles = {normalise_title(t) for t in [asked_film.title, *asked_film.aliases]} if asked_film else set()
    numbered = _numbered(q)
    missing_row = False
    # no film: only documents with a column the question may name (a table without one is skipped below anyway)
    docs = qa.film(route.film).doc_ids if route.film and qa.film(route.film) else kb.table_docs(wanted_headers)
    best = None
    for (doc_id, _section), rows in _tables(qa, docs).items():
        headers = list(dict.fromkeys(h for r in rows for h in r.cells))
        if len(headers) < 3:
            continue  # two-column tables (Metric | Value) are read as sentences
        if not AWARD_ASKED.search(q) and any(result_of(r) for r in rows):
            continue  # an accolades table's dates and names are its ceremonies' and nominees', not the film's
        # the asked column: header words the question uses, earliest mention first
        col, col_score = None, 0.0
        for h in headers:
            h_terms = set(analyse(h))
            hits = [i for i, t in enumerate(wanted_headers) if t in h_terms]
            if not hits or not any(_fits(r.cells.get(h, ""), atype) for r in rows):
                continue
            if atype == "person" and _qualified_otherwise(qwords, said_at[hits[0]], h_terms, title_terms):
                continue  # "the casting director" is not a Director column's
            score = len(set(wanted_headers[i] for i in hits)) - 0.01 * min(hits)
            if score > col_score:
                col, col_score = h, score
        if col is None:
            continue
        if _WEEKEND.search(q) and not _WEEKEND.search(col):
            continue  # "its opening weekend": a total's column (Worldwide gross) is not that figure
        col_terms = set(analyse(col))
        # "its second weekend": a column of row numbers named by the question's noun picks the row by number
        counted = [(k, h) for k, noun in numbered for h in headers if h != col and set(analyse(noun)) & set(analyse(h))
                   and all(re.fullmatch(r"\d{1,3}", r.cells.get(h, "").strip()) for r in rows)]
        if any(all(r.cells.get(h, "").strip() != str(k) for r in rows) for k, h in counted):
            missing_row = True  # "the fifth weekend" of a table that stops at the fourth: no row answers
            continue
        # rows picked by the values of their other cells
        scored = []
        matched_terms: set[str] = set()
        for r in rows:
            n = 2 * sum(r.cells.get(h, "").strip() == str(k) for k, h in counted)
            for h, v in r.cells.items():
                if h == col or not v or v.upper() in ("N/A", "UNKNOWN"):
                    continue
                v_norm = " ".join(re.findall(r"[a-z0-9]+", v.lower()))
                v_terms = set(analyse(v))
                if len(v_norm) <= 40 and v_terms and (f" {v_norm} " in qtext.replace("-", " ") or (len(v_terms) <= 3 and v_terms <= q_terms)):
                    n += 1
                    matched_terms |= v_terms
                for y in YEAR.findall(v):
                    if f" {y} " in qtext and y not in title_terms:  # "the 2009 Hollow": the year names the film, not a row
                        n += 1
                        matched_terms.add(y)
            scored.append((n, r))
        top = max(n for n, _ in scored)
        # a value the question names that this table never holds: not this table's answer
        loose = {t for t in q_terms - matched_terms - col_terms - title_terms - set(wanted_headers)
                 if (t.isdigit() and YEAR.fullmatch(t)) or t in {a for al in _ALIASES.values() for a in analyse(al)}}
        caps = [m.group() for m in re.finditer(r"(?<!^)(?<![.?!] )\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*", route.resolved_question)]
        unmatched_caps = [c for c in caps if not set(analyse(c)) & (matched_terms | title_terms | col_terms)
                          and not any(c.lower() in " ".join(r.cells.values()).lower() for r in rows)]
        picked = [r for n, r in scored if n == top] if top else list(rows)
        # rows of films side by side ("Alien 1979 ...", "Aliens 1986 ..."): the row whose cell is the asked film's very
        # title, not one whose title only stems alike
        own_rows = [r for r in picked if film_titles & {normalise_title(v) for v in r.cells.values()}]
        if top and 0 < len(own_rows) < len(picked):
            picked = own_rows
        about_table = bool(set(analyse(_section or "")) & q_terms)
        one_value = len({r.cells.get(col, "").strip() for r in rows}) == 1
        # no row named: only a question about this table ("home media releases") reads a whole column
        # "how many screens did it open on?": the first row of a column the question names in its own words
        opening = bool(_OPENING.search(q) and col_terms & {t for w in qwords for t in analyse(w)})
        # "when did it come out?" of a table of release dates: its first release (not a premiere, a DVD or a TV showing)
        released = not top and about_table and atype in ("date", "year") and route.aspect == "release"
        if released:
            asked = {name for name in MARKED if re.search(QUALIFIERS[name], q, re.I)}
            picked = [r for r in picked if not any(re.search(QUALIFIERS[name], " ".join(r.cells.values()), re.I) for name in MARKED - asked)]
        if not top and not (_FIRST.search(q) or opening or released or _LAST.search(q)) and not (about_table and (one_value or atype == "list")):
            continue
        if top and matched_terms <= title_terms and (loose or unmatched_caps):
            continue  # only the film's own row of a table about several films, and the question names what it lacks
        if normalise_title(col) in kb.film_titles:
            continue  # the film's own column of films side by side: its rows are read as sentences, beside the other sources
        # a name the question gives that no row holds ("in France") strays whether rows were picked by cells or by order
        by_order = bool(_FIRST.search(q) or opening or released or _LAST.search(q))
        cand = (top, col_score, doc_id, col, picked, bool(loose) or bool(unmatched_caps and (top or by_order)), released)
        if best is None or cand[:2] > best[:2]:
            best = cand
    if best is None:
        return ("", []) if missing_row else None
    top, _, doc_id, col, picked, stray, released = best
    if stray:
        return "", []
    first = _FIRST.search(q) or _OPENING.search(q) or released
    if first or _LAST.search(q):
        dated = [(k, r) for r in picked for k in [next((_date_key(v) for v in r.cells.values() if _date_key(v)), None)] if k]
        if dated:
            dated.sort(key=lambda x: x[0])
            picked = [dated[0][1] if first else dated[-1][1]]
    unit = asked_unit(q)
    counts = all(re.fullmatch(r"[\d,]+", r.cells.get(col, "").strip()) for r in picked)
    if atype == "number" and re.search(r"\bhow many\b", q, re.I) and not (counts and unit and set(analyse(unit)) & set(analyse(col))):
        # "how many DVD releases?" counts rows; "how many screens?" reads a Screens column of counts
        support = [ss for r in picked for ss in [sentence_at(qa, doc_id, r.start)] if ss]
        return (str(len(picked)), support) if support else None
    values = list(dict.fromkeys(r.cells.get(col, "").strip() for r in picked if r.cells.get(col, "").strip()))
    values = [v for v in values if v.upper() not in ("N/A", "UNKNOWN")]
    if not values or len(values) > 6:
        return None
    support = []
    for v in values:
        r = next(r for r in picked if r.cells.get(col, "").strip() == v)
        ss = sentence_at(qa, doc_id, r.start)
        if ss:
            support.append(ss)
    answer = joined(values)
    return (answer, support) if support else None


def played_by(qa, kb, reading: Reading, name: str):
    """(actor, cast-list sentence) for a character the question names whole ("Who is Viktor Rostavili?"), or None."""
    facts = kb.facts.get(reading.route.film) if reading.route.film else None
    pairs = facts.cast if facts else [p for f in kb.facts.values() for p in f.cast]
    want = _tokens(name)
    for doc_id, c in pairs:
        if want and want <= _tokens(c.role) and not want <= _tokens(c.actor):
            ss = sentence_at(qa, doc_id, c.start)
            if ss:
                return full_actor(c.actor, ss.sentence.text), ss
    return None
