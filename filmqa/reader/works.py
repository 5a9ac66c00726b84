"""A person's other works: "What else has she directed?", "what did he score before it?".

The titles are read from sentences about the person the question names (and the sentences after them that go
on with "she ..."), wherever in the corpus they stand: such a name is often said once in a long review, so
the person's name is searched for as well as the retrieved passages read.
"""

from __future__ import annotations

import re

from ..models import Answer, Passage
from ..retriever.analysis import analyse
from .candidates import CRAFT_CUES, cast_names
from .extract import find_titles, title_cue
from .knowledge import Knowledge
from .replies import Citer, abstain, joined, passage_refs
from .router import Reading
from .scoring import ScoredSentence

# "what else has she directed?", "what did he score before it?", "which earlier film of his ...": a person's other works
_WORKS_ASKED = re.compile(r"\b(?:else|other|after|before|next|later|previously|again|since|earlier|also)\b", re.I)
# "what else has she made / done / worked on?": verbs any work is, which no sentence about one need say
_ANY_WORK_VERB = frozenset(analyse("make made making do done work worked working appear appeared feature featured"))
_PRONOUN_START = re.compile(r"^\W*(?:he|she|they|his|her|their)\b", re.I)


def _asked_people(reading: Reading, kb: Knowledge) -> list[str]:
    """The people a question names (an actor or a credited person, not a character, not the film)."""
    film = (reading.route.film or "").lower()
    actors, roles = cast_names(kb, reading.route.film)
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
    and by how much of the rest of the question the sentence says. None when the question is no such question;
    an abstention when it is one and no such title is found."""
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
    cue = CRAFT_CUES.get(route.aspect or "")
    actors, roles = cast_names(kb, route.film)
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
        # the question asks for other works of a person and no sentence about them names one: the generic
        # reader would only pick some capitalised words near their name
        return abstain(reading, hits, f"No passage names another work of {joined(people)}.")
    ranked = sorted(found.values(), key=lambda x: -x[0])
    # "The Dream Master" is part of "A Nightmare on Elm Street 4: The Dream Master"
    ranked = [x for x in ranked if not any(x[1] != y[1] and x[1] in y[1] for y in ranked)]
    best = ranked[0][0]
    members = [x for x in ranked if x[0] >= best - 0.3][:6]
    members.sort(key=lambda x: (x[2].passage.id, x[2].sentence.start, x[2].sentence.text.find(x[1])))
    citer = Citer()
    refs = list(dict.fromkeys(citer.cite(ss) for _, _, ss in members))
    names = list(dict.fromkeys(surface for _, surface, _ in members))
    answer = joined(names)
    text = citer.listing(answer, refs)
    route = route.model_copy(update={"passages": passage_refs(hits)})
    return Answer(question=route.question, answer=answer, text=text, citations=citer.citations, route=route, confidence=round(min(1.0, 0.5 + best / 3), 3))
