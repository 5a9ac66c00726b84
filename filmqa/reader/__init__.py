"""The reader: question -> route -> passages -> composed, cited answer.

    question = tidy(question)                    # control chars out, length capped
    variants = resolve_followup(question, history)  # pronouns -> the entity in focus
    reading  = route_question(variant, ...)      # type, film, aspect, query terms
    hits     = qa.search_terms(query, films=[film])
    answer   = compose(qa, kb, reading, hits)    # or abstain
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

from ..corpus.cleaning import TERMINAL_NOISE
from ..corpus.films import normalise_title
from ..models import Answer, AnswerType, Route
from ..pipeline import MAX_QUESTION_CHARS
from ..retriever.analysis import STOP_WORDS, analyse, words
from .awards import awards_answer
from .compare import compare_answer
from .opinion import opinion_answer
from .composer import SPEECH_ASKED, compose
from .series import sequel_lookup
from .sources import ScopedCorpus, Source, asks_site_score, cited_piece_date, find_source, in_source, page_answer, review_by_score, scoped_hits
from .deeds import an_actor, fate_lookup, killer_lookup, part_meant
from .replies import TABLE_NOTE, abstain, add_player, answer_from_record
from .records import ASK_CAST_LIST, CAST_WORDS, cast_list_lookup, cast_lookup, name_part_lookup, played_by, rank_lookup, record_sentences, table_lookup
from .knowledge import Knowledge
from .lead import lead_lookup
from .router import ASPECTS, GENERIC, SERIES_MARKS, SERIES_WORDS, canon_title, SEARCH_ALSO, SYNONYMS, KIND_WORDS, Reading, normalise_question, route_question
from .router import FORMER_JOB_ASKED, WHO_IS_NAMED, generic_terms, tells_films_apart

_NEGATING = re.compile(r"never|not|no|none|nothing|nobody|neither|nor|without|\w+n['’]t", re.I)
# what is asked of a real person's life, never of a character's
_REAL_LIFE = re.compile(r"\b(?:acting|actor|actress|born|birthday|career|real life|in real-life)\b", re.I)
_PERSON_PRONOUN = re.compile(r"\b(he|she|him|her|his|hers|they|them|their)\b", re.I)


def plain_text(text: str) -> str:
    """Lone surrogates (from undecodable input) become U+FFFD, so replies serialise."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def tidy(question: str) -> str:
    """Escape sequences (whole, payload included) and control characters out, spaces folded."""
    q = TERMINAL_NOISE.sub(" ", plain_text(question or ""))
    return " ".join(q.split())


def _empty_route(question: str, why: str) -> Route:
    return Route(question=question, resolved_question="", answer_type=AnswerType.DESCRIPTION, explanation=why)


def correct_typos(question: str, kb: Knowledge) -> tuple[str, list[str]]:
    """Fix misspelt words against the corpus vocabulary; return the words still unknown.

    Words that only name the answer's kind ("year", "date") and phrasings the
    router rewrites ("come out", "cost to make") are never unknown.
    """
    unknown: list[str] = []
    fixed = question
    rewritten = set(words(normalise_question(question)))
    for w in dict.fromkeys(words(question)):
        if w not in rewritten or w in KIND_WORDS or w in SERIES_WORDS or w == "part" or canon_title(w) in SERIES_MARKS:
            continue
        if w in STOP_WORDS or w in GENERIC or w in SYNONYMS or w in SEARCH_ALSO or w.isdigit() or len(w) < 3:
            continue
        if w in CAST_WORDS or tells_films_apart(w):
            continue
        terms = analyse(w)
        if not terms or terms[0] in generic_terms() or kb.knows_term(terms[0]) or w in kb.vocab or terms[0] in kb.table_terms:
            continue  # "happens" is "happen", a word of the question's form, not of its content; a column's header counts
        # a capitalised word is a name: "Australia" is not a typo for "Austria"
        capitalised = re.search(rf"\b{re.escape(w[:1].upper() + w[1:])}\b", question) is not None
        match = difflib.get_close_matches(w, kb.spellings_near(w), n=1, cutoff=0.82) if len(w) >= 4 and not capitalised else []
        if match and _NEGATING.fullmatch(match[0]) and not _NEGATING.fullmatch(w):
            continue  # "ever" is no typo for "never": a correction never turns the question round
        if match and w in match[0].lower():
            match = []  # "change" is no typo for "exchange": a word the corpus holds inside a longer one is another word
        if match:
            fixed = re.sub(rf"(?i)\b{re.escape(w)}\b", match[0], fixed)
        else:
            unknown.append(w)
    return fixed, unknown


FILM_FACT_ASPECTS = {"budget", "box office", "runtime", "direction", "music", "writing", "release", "studio",
                     "distribution", "reception", "cinematography", "editing"}


# the thing a film-fact or cast question asks about, ending it: "who directed X", "the budget of X", "who is in X"
_ASKED_OF = re.compile(r"\b(?:of|for|directed|composed|scored|wrote|produced|released|distributed|(?:who(?:'s|’s)?|who (?:is|was|are|were|"
                       r"stars|starred|appears|appeared|acted)) in)\s+(?:the\s+(?:film|movie)\s+)?"
                       r"(?P<t>[\w'’-]+(?:\s+[\w'’-]+){0,5}?)\s*[?.!]*$", re.I)


_THE_FILM = frozenset("film movie picture flick one it its this that".split())  # what a question calls the film itself


def _other_film(reading: Reading, kb: Knowledge, qa, unknown: list[str]) -> str | None:
    """A title-like name in a film-fact (or cast) question that is no film of the corpus and no person.

    Title-like: capitalised in the question ("the budget of Get Out", small words and all), or, typed in
    lower case, a name the documents write as a title only in passing ("Grease opened the same week") or
    ending in a word no document uses (``unknown``: "my neighbor totoro"). A question about it is not about the film
    whose documents happen to match its other words.
    """
    cast_asked = ASK_CAST_LIST.search(reading.route.resolved_question) is not None
    if reading.film_named or (reading.route.aspect not in FILM_FACT_ASPECTS and not cast_asked):
        return None
    q = reading.route.resolved_question
    # the longest tail written as a title ("for Return of the Jedi"), else the shortest ("the score for the walk": "the walk")
    tails = [m.group("t").strip() for at in range(len(q)) if (m := _ASKED_OF.match(q, at)) and (at == 0 or not q[at - 1].isalnum())]
    if not tails:
        return None
    name = next((t for t in tails if _title_cased(t.split())), tails[-1])
    said = name.split()
    if kb.persons.get(name) or kb.persons.get(name.title(), 0) >= 2 or kb.in_person_name(name) or kb.films_in(name) or kb.cast_mentions(name):
        return None
    content = [w for w in said if w.lower() not in STOP_WORDS | GENERIC]
    if _title_cased(said):  # "Night Train III", "Get Out" (its words are small ones, but two of them capitalised make a title)
        return name if content or len(said) >= 2 and not any(w.lower() in _THE_FILM for w in said) else None
    if not content or any(w.lower() in GENERIC - _SMALL for w in said) or said[0].lower() in STOP_WORDS and said[0].lower() not in _SMALL | {"my", "your", "our"}:
        return None  # "it", "this one", "the film", "music did Lowe ask Marsh for": no name
    if said[-1].lower() in unknown:
        return _as_title(name)  # "my neighbor totoro": a name no document uses
    return _as_title(name) if _written_as_title(qa, name) else None


def _as_title(name: str) -> str:
    """A name typed in lower case, written as a title: "Battle on the Balcony"."""
    return " ".join(w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(name.split()))


def _title_cased(said: list[str]) -> bool:
    return bool(said) and said[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in said)


def _written_as_title(qa, name: str) -> bool:
    """Whether a document writes ``name`` capitalised within a sentence, word by word (small words aside):
    a title or name it mentions ("... - Grease opened the same week", "'Battle on the Balcony' review")."""
    words_re = r"\W+".join(rf"(?i:{re.escape(w)})" if w.lower() in _SMALL else re.escape(w[:1].upper() + w[1:].lower())
                           for w in name.split())
    pattern = re.compile(rf"(?<!\w){words_re}(?!\w)")
    for p in qa.search_terms(analyse(name), k=10):
        for found in pattern.finditer(p.text):
            before = p.text[: found.start()].rstrip(" *_(>")
            quoted = before[-1:] in ("'", "‘", '"', "“") and p.text[found.end() : found.end() + 1] in ("'", "’", '"', "”")
            before = before.rstrip("'‘\"“")
            if quoted or before and before[-1] not in ".!?:\n":  # quoted, or not a sentence's (a heading's) first word
                return True
    return False


_SMALL = frozenset("a an the of and or in on at to for from with by de la le du vs".split())


def _longer_title(reading: Reading, kb: Knowledge, qa) -> str | None:
    """A longer title the question names around a corpus title, written as a title in that film's documents.

    "How much did Die Hard with a Vengeance make?" names "Die Hard" inside "Die Hard
    with a Vengeance", a film its documents only mention: the words next to the title
    in the question, written title-case next to it in a document ("Die Hard with a
    Vengeance (1995)", "Live Free or Die Hard"), make another film's title.
    """
    film = reading.route.film
    if not reading.film_named or not film or qa.film(film) is None:
        return None
    q = reading.route.resolved_question
    for title in sorted((qa.film(film).title, *qa.film(film).aliases), key=len, reverse=True):
        words_re = r"\W+".join(map(re.escape, title.split()))
        m = re.search(rf"(?i)(?<!\w){words_re}(?!\w)", q)
        if m:
            break
    else:
        return None
    before = re.findall(r"[\w'’]+", q[: m.start()])[-3:]
    after = re.findall(r"[\w'’]+", q[m.end() :])[:4]
    phrases = [(before[len(before) - k :], []) for k in range(len(before), 0, -1)] + [([], after[:k]) for k in range(len(after), 0, -1)]
    # the outer word is a word of a title, not a small one, a question word or a number ("Die Hard 4" is a series mark)
    phrases = [(b, a) for b, a in phrases if (b or a) and not any(
        w.lower() in _SMALL | GENERIC | STOP_WORDS or w.isdigit() or canon_title(w) in SERIES_MARKS for w in (b[:1] + a[-1:]))]
    if not phrases:
        return None
    hits = qa.search_terms(analyse(" ".join(before + after)), k=10, films=[film])
    for b, a in phrases:
        extra = b + a
        if kb.persons.get(" ".join(extra)) or kb.in_person_name(" ".join(w.capitalize() for w in extra)):
            continue  # "Die Hard with Bruce Willis": a person, not a title
        pattern = r"\W+".join(map(re.escape, b + title.split() + a))
        dated, said, surface = False, set(), ""
        for p in hits:
            # (whole words: "on Blu" of "on Blu-ray" is no title's end)
            for found in re.finditer(rf"(?i)(?<![\w-]){pattern}(?![\w-])", p.text):
                tokens = re.findall(r"[\w'’]+", found.group())
                if not all(t[:1].isupper() or t[:1].isdigit() or t.lower() in _SMALL for t in tokens) or found.group().isupper():
                    continue
                rest, surface = p.text[found.end() :], surface or " ".join(found.group().split())
                if re.match(r"\s*\((?:18|19|20)\d\d\b", rest):
                    dated = True  # "Die Hard with a Vengeance (1995)"
                elif not re.match(r"\W*[A-Z]", rest):  # not a heading in title case ("Is Die Hard a Christmas Movie?")
                    said.add(p.id)
        if dated or len(said) >= 2:
            return surface
    return None


def _mostly_unknown(unknown: list[str], reading: Reading) -> bool:
    """Unknown words sink a question when they are names or most of its content."""
    q = reading.route.resolved_question
    named = any(re.search(rf"(?<![.?!]\s)(?<!^)\b{re.escape(w)}\b", q, re.I) and re.search(rf"\b{re.escape(w[0].upper() + w[1:])}\b", q) for w in unknown)
    after_prep = any(re.search(rf"\b(?:of|for|about|in|directed|composed|scored|wrote|produced)\s+(?:the\s+)?{re.escape(w)}\b", q, re.I)
                     # "how long is kestrel nine?", "what is the capital of Norway?": the unknown thing is what is asked about
                     or re.search(rf"\b(?:is|was|are|were)\s+(?:the\s+)?{re.escape(w)}(?:\s+(?:of\s+)?[\w'’-]+)?\s*[?.!]*$", q, re.I)
                     for w in unknown)
    return named or after_prep or len(unknown) >= 2 or len(unknown) * 2 > max(len(reading.key_terms), 1)


# "and in the Japanese one?", "what about for the sequel?": the last question again, with its last phrase of that preposition replaced
_ELLIPSIS = re.compile(r"^\s*(?:and|what about|how about|and what about|same for)\s+(?P<rest>(?P<prep>in|on|for|at|from|with|by|of)\s+[^?]+?)\s*[?.!]*\s*$", re.I)


def _elliptical(question: str, prev: Answer) -> str | None:
    """The last question asked again of what a fragment follow-up names, or None."""
    m = _ELLIPSIS.match(question)
    last = prev.route.resolved_question.strip().rstrip("?.! ")
    if not m or not last:
        return None
    at = [p.start() for p in re.finditer(rf"\s{m.group('prep')}\s", last, re.I)]
    return f"{last[: at[-1]] if at else last} {m.group('rest')}?"


def _variants(question: str, history: list[Answer], kb: Knowledge, film: str | None) -> list[tuple[str, str | None]]:
    """The question, and versions with a pronoun replaced by the entity in focus (or a part named for the
    part it points to: "his character", "James Belushi's character")."""
    out = [(question, None)]
    if not history:
        part = part_meant(question, kb, film, [])
        return [(part, None)] if part else out
    prev = history[-1]
    again = _elliptical(question, prev)
    if again:
        return [(again, None), (question, None)]
    if prev.answer and prev.route.explanation == TABLE_NOTE + " (a table row)":
        # "Who published it?" after a table answer: the rows the last question picked
        out.insert(0, (f"{question} {prev.route.resolved_question}", None))
    entities: list[str] = []
    for turn in reversed(history[-3:]):  # the person in focus may be two turns back ("How much was he paid?")
        if turn.answer and turn.route.answer_type in (AnswerType.PERSON, AnswerType.LIST) and len(turn.answer) < 60:
            entities.append(turn.answer)
        if turn.route.focus:
            entities.append(turn.route.focus)
    part = part_meant(question, kb, film, list(dict.fromkeys(entities)))
    if part:
        return [(part, None)]
    if _REAL_LIFE.search(question):
        # "what did he do before acting?" after "who plays the King?": the actor, not the King
        entities = [e for e in entities if an_actor(kb, film, e)] or entities
    m = _PERSON_PRONOUN.search(question)
    if m and entities:
        out = out[:1] if len(out) > 1 else []
        for e in dict.fromkeys(entities):
            rep = e + "'s" if m.group(1).lower() in ("his", "their") else e
            out.append((question[: m.start()] + rep + question[m.end() :], e))
    return out


def answer_question(qa, question: str, history: list[Answer]) -> Answer:
    raw = plain_text(question if isinstance(question, str) else str(question))
    q = tidy(raw)
    cut = len(q) > MAX_QUESTION_CHARS
    q = q[:MAX_QUESTION_CHARS]
    if not any(ch.isalnum() for ch in q):
        return Answer(question=raw, answer=None, text="Please ask a question about a film in the documents.", route=_empty_route(raw, "empty question"))
    if not qa.passages:
        return Answer(question=raw, answer=None, text="The corpus has no passages to answer from.", route=_empty_route(raw, "empty corpus"))
    kb = qa.knowledge
    focus = next((h.route for h in reversed(history) if h.route.film), None)
    single = qa.films[0].label if len(qa.films) == 1 else None
    # a question about the page itself, or scoped to one source: read before its words are checked, as a site's
    # name ("JoBlo") may be written nowhere but in the page's furniture
    first = route_question(q, kb, single_film=single, focus_film=focus and focus.film, focus_reason=focus.film_reason if focus else "")
    first.route.question = raw
    page = page_answer(qa, q, first.route.film, first.route) or review_by_score(qa, q, first.route.film, first.route) or cited_piece_date(qa, first)
    if page is not None:
        return page
    source = find_source(qa, q, first.route.film)
    if source is not None:
        q = source.question
    q, unknown = correct_typos(q, kb)

    best: Answer | None = None
    for variant, entity in _variants(q, history, kb, focus.film if focus else single):
        reading = route_question(variant, kb, single_film=single, focus_film=focus and focus.film,
                                 focus_reason=focus.film_reason if focus else "")
        reading.route.question = raw
        if reading.route.answer_type in (AnswerType.DESCRIPTION, AnswerType.SCORE) and asks_site_score(source, variant):
            # "what's it rated on Letterboxd?": the site's score, not the certificate "rated" asks for alone
            reading.route.answer_type, reading.route.aspect = AnswerType.SCORE, "reception"
            certificate = set(analyse(ASPECTS["certificate"][1]))
            reading.expansion = list(dict.fromkeys([t for t in reading.expansion if t not in certificate] + analyse(ASPECTS["reception"][1])))
            reading.infobox_keys, reading.primary_keys = (), ()
        other = reading.other_film or _other_film(reading, kb, qa, unknown) or _longer_title(reading, kb, qa)
        if other:
            ans = abstain(reading, [], f"“{other}” is not a film these documents are about.")
        elif not reading.content_terms and not reading.expansion and not ASK_CAST_LIST.search(reading.route.resolved_question):
            ans = abstain(reading, [], "The question has no words to search for.")
        else:
            # words the prose never uses may still name a table's column ("region code")
            missing = ", ".join(f"“{w}”" for w in unknown[:3]) if unknown and _mostly_unknown(unknown, reading) else ""
            ans = _answer(qa, kb, reading, entity, missing, source)
        if best is None or (ans.answer is not None and (best.answer is None or ans.confidence > best.confidence)):
            best = ans
    assert best is not None
    if cut:
        best.text += f"\n(The question was too long: only its first {MAX_QUESTION_CHARS:,} characters were read.)"
    return best


def _answer(qa, kb: Knowledge, reading: Reading, entity: str | None, missing: str = "", source: Source | None = None) -> Answer:
    route = reading.route
    films = [route.film] if route.film else None
    # inside one film's documents its title matches everything: search for the rest
    # (a place asked with nothing but the title and the aspect's words, "where was X filmed?": the aspect's words,
    # which the title said in every row of its own infobox would outweigh)
    own = reading.key_terms if films and (reading.key_terms or route.answer_type == AnswerType.PLACE and reading.expansion) else reading.content_terms
    query = Counter()
    for t in own:
        query[t] += 2
    for t in reading.expansion:
        query[t] += 1
    terms = [t for t, n in query.items() for _ in range(n)]
    hits = qa.search_terms(terms, k=10, films=films) if source is None else scoped_hits(qa, terms, source)
    if not hits and films and not reading.film_named and source is None:
        hits = qa.search_terms(terms, k=10)
    exclude = set(reading.entities)
    if route.film:
        film = qa.film(route.film)
        if film:
            exclude.add(film.title)
    if route.answer_type in (AnswerType.PERSON, AnswerType.LIST) and entity:
        exclude.add(entity)
    if source is not None:
        # "according to the blog, ...": that source's sentences alone, not the records every document shares
        scoped = ScopedCorpus(qa, source)
        ans = compose(scoped, kb, reading, hits, exclude, [(s, p) for s, p in record_sentences(scoped, kb, reading) if in_source(source, p.doc_id, s.start)])
        ans.route.explanation = f"{ans.route.explanation}; only what {source.phrase!r} says".lstrip("; ")
        return ans
    if reading.sequel_asked and route.film:
        sequel = sequel_lookup(qa, kb, reading)
        if not sequel:
            return abstain(reading, hits, f"The documents name no film that follows {route.film}.")
        ans = answer_from_record(reading, hits, *sequel)
        ans.route.explanation = "the film that follows it, as its documents name it"
        return ans
    if reading.opinion:
        # "was it any good?": the critics' verdict, whatever words the question used -- of the film asked about
        if not route.film:
            return abstain(reading, [], "Which film do you mean?" if reading.film_named or not missing else f"The documents never mention {missing}.")
        return opinion_answer(qa, reading, hits) or abstain(reading, hits, f"The documents say nothing of how {route.film} was received.")
    if route.answer_type == AnswerType.YESNO and not missing:
        compared = compare_answer(qa, reading, hits)
        if compared is not None:
            return compared  # "did it outgross Twins?": a sentence comparing the two, not a table cell
    awards = None if missing else awards_answer(qa, reading, hits)
    if awards is not None:
        return awards  # "what awards did it win?": every document's accolades, not the best passage's
    deed = None if missing else killer_lookup(qa, kb, reading, hits) or fate_lookup(qa, kb, reading, hits)
    if deed and deed[0]:
        ans = answer_from_record(reading, hits, *deed)
        ans.route.explanation = "read from the sentence that says who did it"
        return ans
    if deed is not None:
        return abstain(reading, hits, "No sentence says who did that to them.")
    # what someone said, or did before acting: no cast list's line answers it
    speech = route.answer_type == AnswerType.DESCRIPTION and (SPEECH_ASKED.search(route.resolved_question)
                                                              or FORMER_JOB_ASKED.search(route.resolved_question))
    # "where did he play a Russian again?": a work is asked, not a part; "why did she cast him?": a reason, not a part
    casting = route.answer_type not in (AnswerType.TITLE, AnswerType.REASON)
    record = None if missing or speech else rank_lookup(qa, kb, reading) or name_part_lookup(qa, kb, reading) or (
        lead_lookup(qa, kb, reading) or cast_list_lookup(qa, kb, reading) or cast_lookup(qa, kb, reading) if casting else None)
    from_table = record is None
    record = record or table_lookup(qa, kb, reading)
    if record and not record[0]:
        return abstain(reading, hits, "The documents' table has no row for that." if from_table else "The documents credit no one with that part in this film.")
    if missing and not record:
        return abstain(reading, [], f"The documents never mention {missing}.")
    if record:
        ans = answer_from_record(reading, hits, *record, table=from_table)
    else:
        ans = compose(qa, kb, reading, hits, exclude, record_sentences(qa, kb, reading))
        if _only_what_was_asked(ans, route):
            return abstain(reading, hits, "The documents name nothing for that but what the question names.")
        named = WHO_IS_NAMED.match(route.resolved_question) if ans.answer and route.answer_type == AnswerType.DESCRIPTION else None
        player = played_by(qa, kb, reading, named.group("name")) if named else None
        if player and player[0] not in ans.answer:
            ans = add_player(ans, *player)  # "Who is Viktor Rostavili?": the character, and who plays him
    if ans.route.film is None and ans.citations:
        film = _film_of_citations(qa, ans.citations)
        if film:
            ans.route.film = film
            ans.route.film_reason = "the film of the best-matching document"
    return ans


def _only_what_was_asked(ans: Answer, route: Route) -> bool:
    """A name found for a name question that is one the question itself names ("where was emma stone born":
    "Emma Stone", from a line of awards): the documents hold no answer. A choice ("X or Y?") names its answer."""
    if not ans.answer or route.answer_type not in (AnswerType.PERSON, AnswerType.PLACE, AnswerType.ORGANISATION):
        return False
    q = f" {normalise_title(route.resolved_question)} "
    return " or " not in q and f" {normalise_title(ans.answer)} " in q


def _film_of_citations(qa, citations) -> str | None:
    """The film an answer found with no film routed is about: that of a cited document which is the
    film's own page (titled with it: "Night Train II"), else that of the first cited document."""
    docs = [d for d in dict.fromkeys(c.doc_id for c in citations) for d in [qa.document(d)] if d and d.films]
    for doc in docs:
        own = [label for label in doc.films if (f := qa.film(label)) and normalise_title(doc.title) in
               {normalise_title(t) for t in (f.title, *f.aliases)}]
        if own:
            return own[0]
    return docs[0].films[0] if docs else None
