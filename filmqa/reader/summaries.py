"""Answers about the film as a whole: what it is about, its genre, how critics took it, how it did.

The words of such questions ("what is it about?", "was it a hit?") are rarely the answer's, so these read
the film's own documents (leads, plot sections, reviews) rather than only the retrieved passages.
"""

from __future__ import annotations

import re

from ..models import AnswerType, Passage
from ..retriever.analysis import analyse
from .knowledge import Knowledge
from .router import Reading, films_named
from .scoring import ScoredSentence

T = AnswerType

# how a film did, in words: what answers "did it make money?", "was it a flop?"
VERDICT = re.compile(r"\b(?:flop(?:ped)?|bomb(?:ed)?|hit|success(?:ful)?|profit(?:able)?|lost|loss|disappointment|blockbuster|paid for itself|money[- ]?maker|broke even)\b", re.I)


_ABOUT = re.compile(r"\bwhat(?:'s|’s| is| was)\b.*\babout\b|\bwhat happens\b|\bplot\b|\bsynopsis\b|\bstory\b|\bpremise\b", re.I)
# words that only say a summary is wanted ("what is the plot of X?"): no fact of their own to find
_SUMMARY_TERMS = frozenset(analyse("plot plots story synopsis premise summary happens overview describe summarise summarize"))
PLOT_SECTION = re.compile(r"plot|synopsis|story|summary|premise", re.I)
_RECORD_LINE = re.compile(r"^[A-Z][\w.'’ -]{1,40}\s+as\s+[A-Z]")


def says_something(ss: ScoredSentence) -> bool:
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
ASKS_RECEPTION = re.compile(r"\b(?:critics?|reviewers?|critical(?:ly)?|consensus)\b|\bhow (?:was|were|is) (?:it|the (?:film|movie)|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*) received\b|\breception\b", re.I)
# ... and the sentences that answer it: "received mixed responses from critics", "Critics praised her performance"
CRITICS_SUMMED = re.compile(r"\b(?:received|receiving|met with|drew|garnered|opened to|earned)\s+(?:\w+\s+){0,4}?(?:reviews|response|responses|reception|acclaim|praise|notices)\b"
                             r"|\b(?:critics|reviewers)\s+(?:\w+\s+)?(?:praised|liked|loved|admired|hated|panned|criticized|criticised|disliked|"
                             r"were (?:divided|split|kind|harsh)|dismissed|singled out|compared|attacked)\b|\bcritically (?:acclaimed|panned|praised)\b", re.I)
CONSENSUS = re.compile(r"\bconsensus\b", re.I)


def verdicts(qa, kb: Knowledge, reading: Reading, hits: list[Passage], seen: set[tuple[str, int]],
              judging: re.Pattern = VERDICT) -> list[ScoredSentence]:
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
                or PLOT_SECTION.search(s.passage.section or "") or not text.endswith((".", "!", '"', "”"))):
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
_NATIONALITY = re.compile(r"^(?:\d{4}|[A-Z][\w'’]*(?:-[\w'’]+)+|[A-Z][a-z]*(?:an|ish|ese|ch|i)|[Ff]eature|[Ff]eature-length|[Ll]ive-action"
                          r"|South|North|East|West|New|Hong|Sri|Costa|Puerto|Saudi)$")  # "South Korean", "Hong Kong"


# "How did it do on video?", "how did it do abroad?", "how did it perform at the box office?"
HOW_IT_DID = re.compile(r"\bhow (?:did|has|does|do) .{0,60}?\b(?:do|fare|perform|sell)\b(?P<rest>.*)$", re.I)
# where: the words that mark a market in the question, and in the sentence that answers it
_MARKETS = [
    (r"\b(?:video|vhs|cassettes?|dvd|blu-?ray|home (?:media|video|release)|rentals?|streaming)\b", r"\b(?:video|vhs|cassettes?|dvds?|blu-?ray|home (?:video|media|release|entertainment)|rentals?|streaming)\b"),
    (r"\b(?:abroad|overseas|foreign|international(?:ly)?|outside)\b", r"\b(?:abroad|overseas|foreign|international(?:ly)?|outside|other (?:territories|countries|markets))\b"),
]
# how a film did, said in words ("It was big foreign.", "a very big seller on cassette", "did poorly")
_DID = re.compile(rf"{VERDICT.pattern}|\b(?:big|huge|massive|seller|sold|well|poorly|strong(?:ly)?|weak(?:ly)?|popular|top rentals?)\b", re.I)


def how_it_did(qa, kb: Knowledge, reading: Reading, hits: list[Passage], asked: re.Match) -> ScoredSentence | None:
    """How the film did where the question asks (on video, abroad), in the words of its own documents."""
    market = next((said for marks, said in _MARKETS if re.search(marks, asked.group("rest"), re.I)), None)
    found = verdicts(qa, kb, reading, hits, set(), _DID)
    if market:
        found = [s for s in found if re.search(market, f"{s.passage.section or ''} {s.sentence.text}", re.I)]  # under "Home media" too
    if not found:
        return None
    speaker = asked_speaker(reading.route.resolved_question) or (re.search(r"according to (?:the )?([A-Z][\w'’-]+)", reading.route.resolved_question) or [None, None])[1]
    # the one the question's words cover best; said by the one it names ("according to Hill")
    return max(found, key=lambda s: (bool(speaker) and speaker in s.passage.text, len(set(analyse(s.sentence.text)) & set(reading.key_terms)), -s.passage.id))


def asks_genre(reading: Reading) -> bool:
    """"What genre is X?", "what kind of film is it?": nothing asked but the kind of film."""
    return (reading.route.answer_type in (T.DESCRIPTION, T.LIST) and set(reading.key_terms) <= _GENRE_TERMS
            and bool(_ASKS_GENRE.search(reading.normalised or reading.route.resolved_question)))


def genre_of(qa, kb: Knowledge, reading: Reading, hits: list[Passage]) -> tuple[str, ScoredSentence] | None:
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


# "what is Plus One in Lisbon?", "tell me about Jaws": a question naming only the film asks what it is
_WHAT_IS = re.compile(r"^\W*(?:so\s+)?(?:what(?:'s|’s|s)?(?:\s+(?:is|was))?|tell\s+me\s+(?:more\s+)?about|describe|summari[sz]e"
                      r"|(?:give\s+me\s+)?(?:an?\s+)?(?:overview|summary|rundown)\s+of)\b", re.I)


def asks_summary(reading: Reading) -> bool:
    """"What is it about?", "what's the plot of X?", "what is X?": a summary of the film, nothing more particular."""
    if reading.route.answer_type not in (T.DESCRIPTION, T.REASON) or not set(reading.key_terms) <= _SUMMARY_TERMS:
        return False
    q = reading.normalised or reading.route.resolved_question
    return bool(_ABOUT.search(q) or (reading.film_named and _WHAT_IS.search(q)))


def plot_lead(qa, kb: Knowledge, reading: Reading, hits: list[Passage]) -> list[ScoredSentence]:
    """What the film is about ("What is it about?"), as the sentences to quote: a sentence saying so (a lead's
    "it follows ...", "stars A as B, a ... who ..."), else the start of a plot section, else the answer a
    document gives to its own "What's it about?"."""
    pool = _about_pool(qa, reading, hits)
    first = {}
    for x in pool:
        first.setdefault(x.passage.doc_id, x.passage.id)
    film = reading.route.film
    said = [s for s in pool if says_something(s) and _SAYS_ABOUT.search(_QUOTED.sub('""', s.sentence.text))
            # "The first Orchard Thieves was a comedy about ...", in a blog on the sequel, is about the first film
            and (film is None or _about_film(s.sentence.text, film, kb))]
    if said:
        # prose before a headline run into a byline; an encyclopedia's (a document with an infobox) before a
        # review's; then the one nearest its document's start (a lead's)
        best = min(said, key=lambda s: (bool(_NOISE.search(s.sentence.text)), not _has_infobox(qa, s.passage.doc_id),
                                        s.passage.id - first[s.passage.doc_id], s.sentence.start))
        # "Kestrel Nine is a small film about a very big place.": a short one needs the sentence after it
        return [best] + (_after(pool, best, 1) if len(best.sentence.text.split()) < 15 else [])
    plot = [s for s in pool if PLOT_SECTION.search(s.passage.section or "") and says_something(s)
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


def asked_speaker(question: str) -> str | None:
    """The last name of the person a 'what did X say/write?' question asks about, or None."""
    m = _SPEAKER.search(question)
    return m.group("who").split()[-1] if m else None


# an interview's turns: "Q: Why does it end that way?" ... "A: Damien always wanted ..."
_ASKER_TURN = re.compile(r"^\W*(?:Q|Question|Interviewer)\s*[:.]\s", re.I)
REPLY_TURN = re.compile(r"^\W*(?:A|Answer)\s*[:.]\s", re.I)


def reply_to(qa, ss: ScoredSentence, count: int = 2) -> list[ScoredSentence]:
    """The first sentences of the reply when ``ss`` is the interviewer's own words ("Q: Why ...? A lot of people were
    upset that ..."): what the interviewer says only repeats the question; the answer is the guest's. [] otherwise."""
    turn, asked, reply = None, False, []
    for p, sent in qa.document_sentences(ss.passage.doc_id):
        if _ASKER_TURN.match(sent.text):
            if asked and not reply:
                return []  # two questions in a row: no reply said
            turn = "Q"
        elif REPLY_TURN.match(sent.text):
            turn = "A"
        if asked and turn == "A":
            reply.append(ScoredSentence(sent, p, ss.score, ss.coverage))
            if len(reply) == count:
                return reply
        elif asked and turn == "Q" and reply:
            return reply
        if sent.start == ss.sentence.start:
            if turn != "Q":
                return []
            asked = True
    return reply
