"""The answer composer: from routed passages to a short, cited reply.

1. score every sentence of the retrieved passages (scoring.py);
2. pull typed candidates out of the best sentences and add up their evidence
   across documents (candidates.py);
3. answer with the best value and its sentence, report disagreeing sources as
   a conflict, or abstain when nothing covers the question well enough; or, for
   yes/no, reasons and descriptions, answer with the best sentence itself
   (yesno.py, summaries.py). replies.py writes the reply and its citations.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..corpus.structure import split_field
from ..models import Answer, AnswerType, Conflict, ConflictValue, Passage
from ..retriever.analysis import analyse
from .candidates import (MAKING, QUALIFIED, Candidate, asked_markets, asked_qualifiers, cast_names, collect_candidates, craft_binding,
                         foreign_cells, home_market, occasions)
from .extract import fmt_money, split_money_norm
from .knowledge import Knowledge
from .replies import Citer, abstain, fact_name, full_stop, joined, passage_refs
from .router import ASPECTS, FORMER_JOB_ASKED, IDEA_ASKED, Reading
from .scoring import FACT_LINE, MIN_COVERAGE, ScoredSentence, boosted, score_sentences
from .summaries import ASKS_RECEPTION, CONSENSUS, CRITICS_SUMMED, HOW_IT_DID, PLOT_SECTION, VERDICT, asked_speaker, asks_genre, asks_summary, genre_of, how_it_did, plot_lead, REPLY_TURN, reply_to, says_something, verdicts
from .works import works_of
from .yesno import ANY_AWARD, ONLY_NOMINATED, WINS_SAID, WON, asked_award, award_named, polarity

T = AnswerType

CONFLICT_TYPES = {T.MONEY, T.DURATION, T.SCORE, T.DATE, T.YEAR, T.YESNO, T.PLACE}
# "What did X say about his accent in the role?": what someone said
SPEECH_ASKED = re.compile(r"\b(?:say|says|said|write|wrote|written|think|thought|feel|felt|comment(?:ed)?|remark(?:ed)?|recall(?:ed|s)?)\b", re.I)
_SAID = re.compile(r"[\"“”]|(?:^|[\"“]\s*)I\b|\b(?:said|says|wrote|writes|told|recalled|remarked|commented|explained|observations?)\b")
# "In 2119, ...", "In the winter of 1877, ...", "By late 1944 ...": a plot that opens on its year
YEAR_AT_START = re.compile(r"\s*(?:In|By|During)\s+(?:the\s+)?(?:(?:year|winter|summer|spring|autumn|fall|early|late|mid|middle|end|start)\s+){0,2}(?:of\s+)?(?:\d{3,4})\b")
_SUBJECT = r"(?:(?i:he|she|it|they|we|i|the|his|her|its|their|there)\b|[A-Z][\w'’-]+)"
# a reason given after the words that introduce it: "because of a scheduling conflict", ", as he isn't licensed",
# "The title comes from the police report", "after acting as best man at a wedding"
_BECAUSE = re.compile(rf"(?i:\b(?:because|due to|owing to|in order to|so that|the reason|thanks to)\b)|(?i:\bsince)\s+{_SUBJECT}"
                      rf"|,\s+as\s+{_SUBJECT}|(?i:\binspired by\b)"
                      r"|(?i:\bafter\s+(?:[a-z]+ing\b|(?:a|an|the|his|her|their)\s+))"
                      # a judgement that is the reason: "proved to be unsuited for an action film and was replaced",
                      # "was deemed too old for the part", "over creative differences"
                      r"|(?i:\b(?:proved|deemed|judged|found|considered)\s+(?:to\s+be\s+)?(?:too\s|un(?:suited|fit|able|happy|prepared|ready)\b|ill-suited\b|not\s+(?:suited|right|ready)\b)|\bcreative differences\b"
                      # "Ramis thought the real town was too spread out"
                      r"|\b(?:thought|felt|believed|decided)\s+(?:that\s+)?(?:[\w'’-]+\s+){0,4}?(?:was|were|would be)\s+too\s)")
# a reason, or where a name comes from: what answers "why is it called X?"
_NAMED_FROM = re.compile(rf"{_BECAUSE.pattern}|(?i:\b(?:comes?|came|taken|derived|derives) from\b|\bnamed (?:after|for)\b|\btakes its (?:name|title) from\b)")
_ASKS_NAME = re.compile(r"\b(?:called|named|titled|title|name)\b", re.I)
# a reason given before the words that draw its consequence: "Her French was limited, so she withdrew"
_SO = re.compile(rf"(?:,|\band)\s+so\s+{_SUBJECT}|(?i:\b(?:which|that) is why\b|\bas a result\b|\btherefore\b)")
# "worked as a real wedding MC", "a retired rodeo announcer who had never acted", "a former nurse": a former job
_FORMER_JOB = re.compile(r"\b(?:worked|working|trained|made (?:a|his|her|their) living)\s+as\b|\b(?:former|retired|onetime|one-time|ex-)\s*[a-z]"
                         r"|\bbefore\s+(?:turning to|becoming|going into|taking up)\s+(?:acting|an? act)|\bcareer as\b|\bhad never acted\b", re.I)
_FEE_ASKED = re.compile(r"\b(?:paid|pay|fee|salary|wages?)\b", re.I)
_FEE_SAID = re.compile(r"\b(?:paid|pay|payday|fee|salary|wages?|earned|received|got|signed for)\b", re.I)
_FILM_VALUES = {T.MONEY, T.DURATION, T.DATE, T.YEAR}  # facts every film has one of: with no film named, whose?


_NAME_OF = re.compile(r"\bnames? of (?:the |a |an |his |her |their |[\w'’]+['’]s )?(?:[a-z]+ )??(?P<noun>[a-z]{3,})\b(?=\s*(?:\?|$|with\b|in\b|who\b|that\b|from\b|on\b))", re.I)


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


_WHO_IS = re.compile(r"^\s*(?:and\s+)?who(?:['’]s|\s+(?:is|was|are|were|became))\s", re.I)


def _called(text: str, surface: str, required: list[tuple[str, str]]) -> bool:
    """Whether the sentence calls ``surface`` the owner's relation: "his girlfriend Annie", "Petit's girlfriend, Annie",
    "Annie, his girlfriend", "Annie (Petit's girlfriend)", "Annie was his girlfriend"."""
    name = re.escape(surface)
    for owner, noun in required:
        whose = rf"(?:{re.escape(owner)}['’]s|(?i:his|her|their))\s+(?:[\w-]+\s+)?{re.escape(noun)}"
        if re.search(rf"\b{whose}(?:,|\s+(?:named|called))?\s+{name}\b|\b{name}\s*(?:,|\(|\s(?:is|was|became)\s)\s*{whose}\b(?!,?\s+[A-Z])", text):
            return True
    return False


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


def _same_fact(a: Candidate, b: Candidate, atype: AnswerType, asked: set[str]) -> bool:
    """Whether rival ``b`` gives the same fact as ``a``: not a score of another kind, nor a value said of an
    occasion neither the question nor ``a`` is about ("re-released in 2019" against a release date)."""
    if atype == T.SCORE and _kind_of(a.norm) != _kind_of(b.norm):
        return False
    other = occasions(b) - occasions(a) - asked
    if atype in (T.DATE, T.YEAR):
        other.discard("opening")  # the day it opened is the day it was released
    return not other


_ASKS_PLAYER = re.compile(r"\bwho(?:'s|’s| is| was)?\s+(?:plays?|played|playing|portrays?|portrayed|voices?|voiced)\s+(?!(?:in|on|for)\b)\w", re.I)
_LEADS_FIELDS = ("starring", "stars", "cast")


def compose(qa, kb: Knowledge, reading: Reading, hits: list[Passage], exclude: set[str], extra=()) -> Answer:
    route = reading.route
    atype = route.answer_type
    sentences = score_sentences(qa, reading, hits, extra)
    route = route.model_copy(update={"passages": passage_refs(hits)})
    reading.route = route
    if not sentences and not asks_summary(reading) and not asks_genre(reading):
        return abstain(reading, hits, "No passage matches the question.")

    if (atype == T.LIST and reading.element_type in (None, T.PLACE, T.ORGANISATION, T.TITLE)
            or atype == T.DESCRIPTION and route.aspect and reading.infobox_keys):  # "what language is it in?"
        noun = re.search(r"\b(?:which|what)\s+(?:other\s+)?([a-z]+)", route.resolved_question, re.I)
        asked = set(analyse(noun.group(1))) if noun else set()
        field = next((s for s in sentences if s.infobox_key and s.infobox_key in reading.infobox_keys
                      and asked & set(analyse(s.infobox_key))), None)
        if field is not None:
            # "Which countries produced it?", "What languages are spoken?": the field lists them
            value = split_field(field.sentence.text)[1].strip()
            citer = Citer()
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
        sentences = sorted((replace(ss, score=ss.score + 0.6, coverage=1.0)
                            if PLOT_SECTION.search(ss.passage.section or "") and YEAR_AT_START.match(ss.sentence.text)
                            else replace(ss, score=ss.score - 1.0)
                            if MAKING.search(ss.sentence.text) else ss
                            for ss in sentences), key=lambda ss: -ss.score)
    if atype == T.PERSON and _ASKS_PLAYER.search(route.resolved_question):
        # "who plays Earl?": a starring field names the leads, not who plays the part asked
        # (nor does a fact sheet's "Starring | A, B, C" line)
        sentences = [ss for ss in sentences if ss.infobox_key not in _LEADS_FIELDS and not (
            (m := FACT_LINE.match(ss.sentence.text)) and m.group("k").strip().lower() in _LEADS_FIELDS)]
    candidates = collect_candidates(kb, reading, sentences, exclude, foreign_cells(qa, reading, sentences))
    if atype == T.PERSON and _ASKS_PLAYER.search(route.resolved_question):
        # "who plays the loan shark?": a player, never a part the cast list credits ("Gbénga's debt to a loan shark")
        actors, roles = cast_names(kb, route.film)
        candidates = [c for c in candidates if c.value in actors or any(c.value in a for a in actors)
                      or not any(w in roles for w in c.value.split())]
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
        if atype == T.PERSON and _WHO_IS.match(route.resolved_question):
            # "Who was Petit's girlfriend?" (not "who killed Petit's girlfriend?") - "his childhood friend A, his girlfriend B, C": the name the noun is said of
            bound = [c for c in candidates if any(_called(ss.sentence.text, surface, reading.required) for ss, surface in c.support)]
            candidates = bound or candidates
    if atype in QUALIFIED and any(c.qualified is not None for c in candidates):
        # "How much did it make on DVD?": a value said under none of the question's qualifiers answers another question
        candidates = [c for c in candidates if c.qualified is not False]
    if any(c.in_market for c in candidates):
        # "How much did it earn in the UK?": a value said of the UK, before one said of no market
        candidates = [c for c in candidates if c.in_market]
    else:
        # ... and never one said only of another market ("$29.8 million in the United States", "May 28 (Denver)");
        # one said of no market is the film's home market's ("released July 3, 1990" of an American film)
        markets = asked_markets(reading, kb)
        away = markets and not home_market(kb, route.film, markets)
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
    if route.film is None and atype in _FILM_VALUES and max(ss.coverage for ss, _ in best.support) < 0.99 and len(qa.films) > 1:
        # "how much did The Walk make?" where no film of the corpus is named: a sum said of some other film is no answer
        return abstain(reading, hits, "No film of these documents is named, and no passage speaks of all the question names.", sentences)

    citer = Citer()
    if atype == T.LIST or (atype == T.PERSON and best_ss.infobox_key in reading.infobox_keys):
        return _compose_list(reading, hits, candidates, citer)
    if atype == T.PERSON and reading.craft_asked and best.tied and route.aspect in _CREW_JOBS:
        # "who wrote it?" answered by a sentence crediting one name: a field of that job which credits it with others
        # ("screenplay = A, B") credits the job to them all, when the question asks no more than the job
        # ("whose script did the wooden leg scene come from?" asks for one of them)
        field = next((ss for ss in sentences if ss.infobox_key in reading.primary_keys and _only_the_job(reading)
                      and _names(best.value, split_field(ss.sentence.text)[1])), None)
        if field is not None:
            return _compose_list(reading, hits, candidates, citer, field)

    conflicts: list[Conflict] = []
    if atype in CONFLICT_TYPES:
        asked = asked_qualifiers(reading)
        field_weight = 0.6 if best_ss.infobox_key and best_ss.infobox_key in reading.primary_keys else 0.0
        rivals = [
            c for c in candidates[1:6]
            # two documents naming different main filming places disagree even when one covers the question less
            if c.support[0][0].coverage >= (0.5 if best.main and c.main else max(0.6, best_ss.coverage - 0.35))
            and not (c.docs <= best.docs)
            and _same_fact(best, c, atype, asked)
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
    text = f"{full_stop(answer)}\n{best_ss.sentence.text} [{n}]"
    if more:
        text += "\nAlso stated in " + ", ".join(f"[{m}]" for m in more) + "."
    return Answer(question=route.question, answer=answer, text=text, citations=citer.citations, route=route, confidence=round(min(1.0, best.score / 2), 3))


def _display(c: Candidate, atype: AnswerType) -> str:
    if atype == T.MONEY and isinstance(c.norm, int):
        return fmt_money(c.norm) if not c.value.startswith("$") or "M" in c.value or "million" not in c.value else c.value
    if atype == T.MONEY and isinstance(c.norm, str):
        return fmt_money(*split_money_norm(c.norm))
    if atype == T.DURATION and isinstance(c.norm, int):
        return f"{c.norm} minutes"
    return c.value


_NAME_ONLY = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .'’-])*")  # "James Marsh", not a field's leftover markup ("James Marsh]]")
_CREW_JOBS = frozenset(("direction", "writing", "music", "cinematography", "editing", "production", "costume", "casting"))


def _only_the_job(reading: Reading) -> bool:
    """Whether every word the question asks with names the asked job ("who wrote the screenplay?", not
    "whose script did the wooden leg scene come from?")."""
    job = set(analyse(ASPECTS[reading.route.aspect][1]))
    return all(reading.alternatives.get(t, {t}) & job or t in job for t in reading.key_terms)


def _names(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _compose_list(reading: Reading, hits, candidates: list[Candidate], citer: Citer, field: ScoredSentence | None = None) -> Answer:
    """``field``: the field whose names are the list (each cited to it), whichever sentences rank them."""
    best = candidates[0]
    best_ss = field or best.support[0][0]
    if field is not None:
        value = split_field(field.sentence.text)[1]
        names = [c.value for c in candidates if _names(c.value, value) and _NAME_ONLY.fullmatch(c.value)]
        names = sorted({n for n in names if not any(n != m and _names(n, m) for m in names)}, key=value.find)  # not "Guillermo del"
        answer = joined(names)
        return Answer(question=reading.route.question, answer=answer, text=citer.listing(answer, [citer.cite(field)]),
                      citations=citer.citations, route=reading.route, confidence=round(min(1.0, best.score / 2), 3))
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


def _said_by(ss: ScoredSentence, speaker: str) -> ScoredSentence:
    """``ss`` made a better answer when the speaker is its sayer ("X later wrote ...", "... said X")."""
    text = ss.sentence.text
    verb = r"(?:said|says|wrote|writes|told|recalled|remarked|commented|explained|joked|admitted|called)"
    sp = re.escape(speaker)
    if not re.search(rf"\b{sp}\b(?:\s+\w+){{0,2}}\s+{verb}\b|\b{verb}\s+(?:\w+\s+)?{sp}\b", text):
        return ss
    return replace(ss, score=ss.score + 0.25, coverage=max(ss.coverage, min(1.0, ss.coverage + 0.25)))


def _compose_sentence_answer(qa, kb: Knowledge, reading: Reading, hits, sentences: list[ScoredSentence]) -> Answer:
    atype = reading.route.answer_type
    done = HOW_IT_DID.search(reading.normalised or reading.route.resolved_question) if atype == T.DESCRIPTION else None
    if done and reading.route.film:
        said = how_it_did(qa, kb, reading, hits, done)
        if said is not None:
            # "It was big foreign.": what "it" is was said just before
            before = _antecedent(said)
            quoted = [x for x in (before, said) if x is not None and not (x is before and _ANAPHOR.search(x.sentence.text[:30]))]
            citer = Citer()
            return Answer(question=reading.route.question, answer=" ".join(x.sentence.text for x in quoted),
                          text=" ".join(f"{x.sentence.text} [{citer.cite(x)}]" for x in quoted),
                          citations=citer.citations, route=reading.route, confidence=0.6)
    if asks_genre(reading):
        kind = genre_of(qa, kb, reading, hits)
        if kind is not None:
            citer = Citer()
            genre, ss = kind
            return Answer(question=reading.route.question, answer=genre, text=f"{full_stop(genre)}\n{ss.sentence.text} [{citer.cite(ss)}]",
                          citations=citer.citations, route=reading.route, confidence=0.7)
    if asks_summary(reading):
        lead = plot_lead(qa, kb, reading, hits)
        if lead:
            citer = Citer()
            answer = " ".join(x.sentence.text for x in lead)
            text = " ".join(f"{x.sentence.text} [{citer.cite(x)}]" for x in lead)
            return Answer(question=reading.route.question, answer=answer, text=text,
                          citations=citer.citations, route=reading.route, confidence=0.6)
    if atype == T.DESCRIPTION and ASKS_RECEPTION.search(reading.normalised or reading.route.resolved_question):
        # "How did critics respond?", "what did critics think of it?": the sentence that sums the critics up
        consensus = "consensus" in (reading.normalised or reading.route.resolved_question).lower()
        summary = CONSENSUS if consensus else CRITICS_SUMMED
        sentences = sentences + verdicts(qa, kb, reading, hits, {(s.passage.doc_id, s.sentence.start) for s in sentences}, summary)
        sentences = sorted((boosted(s, 0.5, 0.75)
                            if s.infobox_key is None and summary.search(s.sentence.text) else s for s in sentences),
                           key=lambda s: -s.score)
        summed = [s for s in sentences if s.infobox_key is None and summary.search(s.sentence.text) and says_something(s)]
        if summed and not consensus:
            # one document's summing-up, and another's when there is one ("Critics liked it ..." / "Critics praised ...")
            other = [x for x in summed if x.passage.doc_id != summed[0].passage.doc_id][:1]
            citer = Citer()
            text = " ".join(f"{x.sentence.text} [{citer.cite(x)}]" for x in summed[:1] + other)
            return Answer(question=reading.route.question, answer=" ".join(x.sentence.text for x in summed[:1] + other),
                          text=text, citations=citer.citations, route=reading.route, confidence=0.6)
    speaker = asked_speaker(reading.route.resolved_question) if atype == T.DESCRIPTION else None
    if speaker:
        # "What did X later write about its success?" — "X later wrote the film 'wasn't the smash...'": X's own words
        sentences = [_said_by(s, speaker) for s in sentences]
    verdict = atype == T.YESNO and reading.route.aspect == "box office"
    if verdict:
        # "did it make money?": "it was a box-office bomb" answers it without the question's words
        sentences = [boosted(s, 0.4, 0.75)
                     if s.infobox_key is None and VERDICT.search(s.sentence.text) else s for s in sentences]
        sentences += verdicts(qa, kb, reading, hits, {(s.passage.doc_id, s.sentence.start) for s in sentences})
    any_award = atype == T.YESNO and ANY_AWARD.search(reading.normalised or reading.route.resolved_question)
    named_award = asked_award(reading.normalised or reading.route.resolved_question) if atype == T.YESNO else None
    if named_award:
        # "did it win an Oscar?": a sentence saying it won (or was up for) that award, before one that only names it
        award_said = re.compile(rf"\b(?:{named_award})\b", re.I)
        sentences = sorted((boosted(s, 0.5, 0.75)
                            if s.infobox_key is None and award_said.search(s.sentence.text)
                            and (WON.search(s.sentence.text) or ONLY_NOMINATED.search(s.sentence.text)) else s
                            for s in sentences), key=lambda s: -s.score)
    if any_award:
        # "did it win anything?": a sentence saying what it won answers it, whatever else it covers
        # ("it won no major awards" answers it too)
        sentences = [boosted(s, 0.5, 0.75)
                     if s.infobox_key is None and (award_named(s.sentence.text) or WINS_SAID.search(s.sentence.text)) else s
                     for s in sentences]
        sentences.sort(key=lambda s: -s.score)
    if atype == T.REASON:
        sentences = [_names_lent(s, reading) for s in sentences]
    pool = [s for s in sentences if s.coverage >= MIN_COVERAGE and (s.infobox_key is None or atype == T.YESNO)
            and (atype == T.YESNO or says_something(s))]
    if atype == T.YESNO:
        # a yes or no is a judgement said in prose; a field's bare value ("gross = $29 million") says neither,
        # and a field the question does not ask about ("name = ...") says nothing at all
        pool = [s for s in pool if s.infobox_key is None or s.infobox_key in reading.infobox_keys]
        pool.sort(key=lambda s: -(s.score - (0.5 if s.infobox_key else 0)))
        if any_award:
            pool.sort(key=lambda s: award_named(s.sentence.text) is None)  # one award won is a yes, whatever was lost
    because = _BECAUSE
    if atype == T.REASON and (_ASKS_NAME.search(reading.route.resolved_question) or IDEA_ASKED.search(reading.route.resolved_question)):
        because = _NAMED_FROM  # "Why is it called X?", "where did the idea come from?": where the name or idea comes from
    if atype == T.REASON:
        # a reason said in words ("because ...", "..., so ..."), before a labelled listing ("CAST: A (B), C (D) ...")
        pool.sort(key=lambda s: -(s.score + (0.5 if because.search(s.sentence.text) or _SO.search(s.sentence.text) else 0)
                                  - (0.5 if _LABELLED.match(s.sentence.text) else 0)))
    elif atype == T.DESCRIPTION and SPEECH_ASKED.search(reading.route.resolved_question):
        # "What did X say about Y?": words someone said (quoted, first person, or with a speech verb)
        pool.sort(key=lambda s: -(s.score + (0.45 if _SAID.search(s.sentence.text) else 0)))
    elif atype == T.DESCRIPTION and FORMER_JOB_ASKED.search(reading.route.resolved_question):
        # "What did she do before acting?": a sentence that says what the person worked as
        pool.sort(key=lambda s: -(s.score + (0.5 if _FORMER_JOB.search(s.sentence.text) else 0)))
    if not pool:
        return abstain(reading, hits, "The closest passages don't state it.", sentences)
    best = pool[0]
    reply = reply_to(qa, best) if atype in (T.REASON, T.DESCRIPTION) else []
    if reply:
        # an interviewer's question matches the question best; the guest's reply answers it
        citer = Citer()
        return Answer(question=reading.route.question, answer=" ".join(REPLY_TURN.sub("", x.sentence.text, count=1) for x in reply),
                      text=" ".join(f"{x.sentence.text} [{citer.cite(x)}]" for x in reply),
                      citations=citer.citations, route=reading.route, confidence=round(min(1.0, best.score / 2), 3))
    citer = Citer()
    n = citer.cite(best)
    q = reading.normalised or reading.route.question
    if atype == T.YESNO:
        yes = polarity(best.sentence.text, q)
        # two documents judging how it did ("a solid commercial success" / "a box-office disappointment") disagree
        # however much more of the question one of them repeats
        judged = verdict and VERDICT.search(best.sentence.text) is not None
        rivals = [s for s in pool[1:8] if s.passage.doc_id != best.passage.doc_id and s.coverage >= 0.6 and best.coverage >= 0.6
                  and polarity(s.sentence.text, q) != yes
                  and (s.score >= best.score - 0.5 or judged and VERDICT.search(s.sentence.text) is not None)
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
        award = award_named(best.sentence.text) if any_award and yes else None
        if award:
            answer = f"Yes: {award}"  # what it won is the answer a "did it win anything?" wants
        text = f"{answer}. {best.sentence.text} [{n}]"
    elif atype == T.REASON:
        # the reason and what follows it; with a consequence drawn ("..., so she withdrew") the whole sentence
        m = None if _SO.search(best.sentence.text) else because.search(best.sentence.text)
        # ... up to the next clause ("as he isn't licensed to carry one, and order him to ..." stops at ", and")
        # ("proved to be unsuited for an action film and was replaced ..." stops before what followed from it)
        answer = re.split(r",\s+(?:and|but|while)\s|;|\s[—–]\s|\s+and\s+(?:was|were|got)\s", best.sentence.text[m.start():])[0].strip(" ,.") if m else best.sentence.text
        text = f"{best.sentence.text} [{n}]"
        after = None if m or _SO.search(best.sentence.text) else _follow_on(best)
        if after is not None:
            # "Red Heat is highly uneven. It feels schizophrenic, with ...": a verdict said, its reason in the next sentence
            k = citer.cite(after)
            answer = f"{best.sentence.text} {after.sentence.text}"
            text = f"{best.sentence.text} [{n}] {after.sentence.text} [{k}]"
    else:
        answer = best.sentence.text
        text = f"{best.sentence.text} [{n}]"
        before = _antecedent(best)
        if before is not None:
            # "'I think it's the best scene,' said Hill": what "it" is was said just before
            citer = Citer()
            p, n = citer.cite(before), citer.cite(best)
            answer = f"{before.sentence.text} {best.sentence.text}"
            text = f"{before.sentence.text} [{p}] {best.sentence.text} [{n}]"
    return Answer(question=reading.route.question, answer=answer, text=text, citations=citer.citations, route=reading.route, confidence=round(min(1.0, best.score / 2), 3))


_LABELLED = re.compile(r"[A-Z][A-Za-z]+(?:\s[A-Za-z]+){0,2}:\s")  # "CAST: ...", "Quick Verdict: ..." (not an interview's "Q: ")
_POINTS_BACK = re.compile(r"\b(?:he|she|him|her)\b", re.I)


def _names_lent(ss: ScoredSentence, reading: Reading) -> ScoredSentence:
    """A reason said of "him" covers the names the sentence before it gives ("... stayed for Dale Whitcomb's face.
    Abernathy found him calling a rodeo and cast him because ..."): the question's names are the pronoun's."""
    if not (_BECAUSE.search(ss.sentence.text) or _SO.search(ss.sentence.text)) or not _POINTS_BACK.search(ss.sentence.text):
        return ss
    sentences = ss.passage.sentences
    i = next((k for k, x in enumerate(sentences) if x.start == ss.sentence.start), 0)
    keys = set(reading.key_terms)
    if not i or not keys:
        return ss
    own, before = set(analyse(ss.sentence.text)), set(analyse(sentences[i - 1].text))
    lent = len(keys & (own | before)) / len(keys)
    return boosted(ss, 0.25 * (lent - ss.coverage), lent) if lent > ss.coverage else ss


_ANAPHOR = re.compile(r"^[\"“'‘]?(?:it|this|that|these|those|he|she|they|there)\b|[\"“'‘]?(?:i think )?(?:it|this|that)['’]s\b", re.I)


def _follow_on(ss: ScoredSentence) -> ScoredSentence | None:
    """The sentence after a short one that gives no reason, when it goes on about the same thing ("It feels ...")."""
    if len(ss.sentence.text.split()) > 14:
        return None
    sentences = ss.passage.sentences
    i = next((k for k, x in enumerate(sentences) if x.start == ss.sentence.start), None)
    if i is None or i + 1 >= len(sentences) or not _ANAPHOR.match(sentences[i + 1].text):
        return None
    return ScoredSentence(sentences[i + 1], ss.passage, ss.score, ss.coverage)


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
