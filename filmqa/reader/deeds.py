"""Who did a deed to a character: "Who kills Rostavili?", "Who shot Gallagher?".

A plot says it in a few shapes: "Ivan kills him" after the victim is named in
the same sentence, "Gallagher is shot and killed by Rostavili's men",
"Rostavili ... in an ensuing firefight, kills Ogarkov". The doer is read from
the sentence that names the victim (in full, by a surname or by a short form:
"Rosta" for "Rostavili"), never guessed from the nearest name.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..retriever.analysis import STOP_WORDS
from .records import ASK_ROLE, RANK
from .router import Reading
from .scoring import ScoredSentence

_KILLED = r"(?:kills|killed|shoots and kills|shot and killed|shoots dead|shot dead|murders|murdered|guns down|gunned down|stabs to death|stabbed to death)"
_SHOT = r"(?:shoots|shot|shoots and kills|shot and killed|shoots dead|shot dead|guns down|gunned down)"
ASK_KILLER = re.compile(r"^\s*(?:and\s+)?who\s+(?:finally\s+|eventually\s+)?(?:kills|killed|shoots|shot|murders|murdered|guns down|gunned down)\s+"
                        r"(?P<victim>[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?)(?:\s+(?:in|at)\s+.+?)?\s*[?.!]*\s*$", re.I)
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_NOT_A_DOER = frozenset("as when while after before then however but and the a an in on at later finally eventually soon".split())


def _shapes(verb: str) -> list[re.Pattern]:
    """The ways a plot says who did ``verb`` (a pattern of the deed's verbs) to whom."""
    passive = verb.replace("kills", "killed").replace("shoots", "shot")
    return [
        # "Ivan kills him", "Danko subsequently shoots and kills Viktor"
        re.compile(rf"(?P<doer>{_NAME})\s+(?:[a-z]+ly\s+)?{verb}\s+(?P<obj>him|her|{_NAME})"),
        # "Gallagher is shot and killed by Rostavili", "he is gunned down by Viktor"
        re.compile(rf"(?P<obj>{_NAME}|he|she)\s+(?:is|was|gets|got)\s+{passive}\s+by\s+(?P<doer>{_NAME})"),
        # "Rostavili manages to evade capture, and in an ensuing firefight, kills Ogarkov"
        re.compile(rf"^(?:[A-Z]\w+,\s+)?(?P<doer>{_NAME})\s+[a-z][^.;]*?,\s+(?:and\s+)?(?:[a-z]+\s+){{0,4}}?{verb}\s+(?P<obj>{_NAME})"),
    ]


_SHAPES = {"kill": _shapes(_KILLED), "shoot": _shapes(_SHOT)}


def _names(victim: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w'’-]+", victim) if w.lower() not in STOP_WORDS and len(w) > 2}


def _is(words: str, victim: set[str]) -> bool:
    """Whether ``words`` name the victim: a word of the name, or a short form of one ("Rosta")."""
    for w in re.findall(r"[\w'’-]+", words.lower()):
        w = re.sub(r"['’]s$", "", w)
        if w in victim or (len(w) >= 4 and any(v.startswith(w) for v in victim)):
            return True
    return False


def _victim(kb, film: str, said: str) -> set[str] | None:
    """The words that name the character asked about, with the rest of their credited name; None if no character."""
    said = re.sub(r"['’]s\s+(?:character|role|part)$", "", said.strip())  # "Gallagher's character" is Gallagher
    victim = _names(said)
    if not victim or re.search(r"\w['’]s\b", said) or kb.films_in(said) or _names(film.rsplit(" (", 1)[0]) >= victim:
        return None  # "Danko's partner" is found by who the partner is; "who shot <a film>?" asks its cinematographer
    facts = kb.facts.get(film)
    credited = False
    for _, c in facts.cast if facts else ():
        if victim <= _names(c.actor):
            victim = _names(re.split(r",|\s+\(", c.role, maxsplit=1)[0])  # "Richard Bright's character" is the part he plays
            credited = True
            break
    for _, c in facts.cast if facts else ():
        if _names(c.role) & victim:
            victim |= _names(c.role)  # "Viktor": the whole credited name, 'Viktor "Rosta" Rostavili'
            credited = True
    if not credited and not all(w[:1].isupper() for w in said.split()):
        return None  # "who shot first": no character named
    return victim


def _deeds(qa, film: str, victim: set[str], shapes) -> dict[str, list[ScoredSentence]]:
    """doer -> the sentences of the film's documents that say the doer did the deed to the victim."""
    found: dict[str, list[ScoredSentence]] = defaultdict(list)
    for doc_id in qa.film(film).doc_ids:
        for pid in qa.passage_range(doc_id):
            p = qa.passages[pid]
            for sent in p.sentences:
                text = sent.text
                if not _is(text, victim):
                    continue
                for shape in shapes:
                    for hit in shape.finditer(text):
                        doer, obj = hit.group("doer"), hit.group("obj")
                        doer = " ".join(w for w in doer.split() if w.lower() not in _NOT_A_DOER)
                        if shape is _DIES:
                            doer = obj  # no doer said: keyed by the one who died
                        elif not doer or _is(doer, victim):
                            continue
                        if obj.lower() in ("him", "her", "he", "she"):
                            if not _is(text[: hit.start()], victim):
                                continue  # the pronoun's person is named before it
                        elif not _is(obj, victim):
                            continue
                        found[doer].append(ScoredSentence(sent, p, 2.0, 1.0))
    return found


def _film(qa, reading: Reading, hits) -> str | None:
    film = reading.route.film or next((f for h in hits[:1] for f in h.films), None)
    return film if film and qa.film(film) else None


def killer_lookup(qa, kb, reading: Reading, hits=()):
    """(who did it, the sentences saying so) for "Who kills <character>?"; ("", []) when no sentence says; None if not asked.

    With no film named, the film of the best passages found for the question is read."""
    m = ASK_KILLER.match(reading.route.resolved_question)
    film = _film(qa, reading, hits) if m else None
    victim = _victim(kb, film, m.group("victim")) if film else None
    if not victim:
        return None
    shapes = _SHAPES["shoot" if re.search(r"\bsho(?:t|ot|ots)\b", m.group(0), re.I) else "kill"]
    found = _deeds(qa, film, victim, shapes)
    if not found:
        return ("", [])  # the film's documents never say who did it: not a guess from the nearest name
    # one doer said several ways ("Ivan", "Danko"): the one said most often, then the longest name
    doer = max(found, key=lambda d: (len(found[d]), len(d)))
    support = found[doer][:3]
    facts = kb.facts.get(film)
    for _, c in facts.cast if facts else ():
        name = re.split(r",|\s+\(", c.role, maxsplit=1)[0]
        if _names(doer) <= _names(name):  # "Ivan" is the credited "Capt. Ivan Danko"
            doer = re.sub(rf"^(?:{RANK}\s+)+", "", re.sub(r"\s*[\"“][^\"”]*[\"”]", "", name)).strip() or doer
            break
    return doer, support


ASK_FATE = re.compile(r"^\s*(?:and\s+)?what\s+(?:happens|happened|becomes|became)\s+(?:to|of)\s+(?P<victim>[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?)"
                      r"(?:\s+(?:in|at)\s+.+?)?\s*[?.!]*\s*$", re.I)


def fate_lookup(qa, kb, reading: Reading, hits=()):
    """(the sentence, itself) for "What happens to <character>?" when a sentence says someone killed them, or None."""
    m = ASK_FATE.match(reading.route.resolved_question)
    film = _film(qa, reading, hits) if m else None
    victim = _victim(kb, film, m.group("victim")) if film else None
    if not victim:
        return None
    found = _deeds(qa, film, victim, _SHAPES["kill"] + [_DIES])
    if not found:
        return None
    support = max(found.values(), key=len)[:1]
    return support[0].sentence.text, support


# "Gallagher is shot and killed", "Ogarkov dies": a death said with no one named as its doer (the doer is the victim's name)
_DIES = re.compile(rf"(?P<obj>{_NAME})\s+(?:(?:is|was|gets|got)\s+(?:shot and killed|killed|murdered|shot dead|gunned down)|dies|died)\b(?P<doer>)")


def _part_name(role: str) -> str:
    """The name a credit gives its part: 'Det. Sgt. Art Ridzik' -> 'Art Ridzik', 'Viktor "Rosta" Rostavili, a dealer' -> 'Viktor Rostavili'."""
    name = re.sub(r"\s*[\"“][^\"”]*[\"”]", "", re.split(r",|\s+\(", role, maxsplit=1)[0])
    return " ".join(re.sub(rf"^(?:{RANK}\s+)+", "", name).split())


def _cast(kb, film: str | None) -> list:
    facts = kb.facts.get(film) if film else None
    return facts.cast if facts else [] if film else [p for f in kb.facts.values() for p in f.cast]


def an_actor(kb, film: str | None, name: str) -> bool:
    """Whether ``name`` is credited as an actor in the film's cast lists (any film's when None)."""
    want = _names(name)
    return bool(want) and any(want <= _names(c.actor) for _, c in _cast(kb, film))


def character_of(kb, film: str | None, name: str) -> str | None:
    """The part ``name`` stands for in ``film`` (any film when None): the part itself when it is credited as one
    ("Rostavili"), the part an actor plays when it is an actor ("James Belushi" -> "Art Ridzik"), else None."""
    cast = _cast(kb, film)
    want = _names(name)
    if not want:
        return None
    for _, c in cast:
        if want <= _names(c.role):
            return _part_name(c.role) or None
    for _, c in cast:
        if want <= _names(c.actor):
            return _part_name(c.role) or None
    return None


# "his character", "the character", "her role": a part the question points back to (or names by its actor)
_THE_PART = re.compile(r"\b(?:(?P<own>his|her|their)|the|this|that)\s+(?:character|role|part)\b(?!\s*['’]s\s+name)", re.I)
_ACTORS_PART = re.compile(r"\b(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})['’]s\s+(?:character|role|part)\b")


def part_meant(question: str, kb, film: str | None, entities: list[str]) -> str | None:
    """The question with the part it means named: "Which city does his character work in?" after "Who played
    Art Ridzik?" is asked of Art Ridzik, and so is "Where is James Belushi's character from?".

    Not when the part itself is asked ("which character does he play?", "what is his character's name?")."""
    if ASK_ROLE.search(question) or re.search(r"\bname\b|^\s*(?:and\s+)?who(?:'s|’s|\s+is|\s+was)\b", question, re.I):
        return None
    m = _ACTORS_PART.search(question)
    if m:
        part = character_of(kb, film, m.group("who"))
        return question[: m.start()] + part + question[m.end():] if part else None
    m = _THE_PART.search(question)
    part = next((p for e in entities if (p := character_of(kb, film, e))), None) if m else None
    return question[: m.start()] + part + question[m.end():] if part else None
