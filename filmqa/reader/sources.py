"""Questions scoped to one source, and questions about a page itself.

"According to the blog, ...", "How does the review site classify it?", "Why does the JoBlo writer
find it uneven?", "According to the 7/10 user review, ...": the question names one document (or one
review on a page of reviews) and wants the answer from it alone. ``find_source`` reads the phrase that
names it -- a site's or author's name the page gives itself, a kind of page ("the blog", "the review
site"), a heading it quotes, a score one review gave -- takes it out of the question and says which
documents (and which span) it means; ``scoped_hits`` searches only there.

"Who wrote the review?", "Which site published it?", "When was the page last updated?": the answer
is what the page says of itself (``Document.page``, read by corpus/bylines.py): ``page_answer``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..corpus.bylines import DATE
from ..corpus.films import normalise_title
from ..models import Answer, AnswerType, Citation, Document, Passage
from ..retriever.analysis import analyse
from ..retriever.bm25 import top_k
from .replies import full_stop, passage_refs

T = AnswerType

# the kinds of page a question can name, by the words that name them
_KIND_OF = {
    "review": "review", "critique": "review", "write-up": "review", "writeup": "review",
    "blog": "blog", "blogger": "blog", "post": "blog",
    "site": "site", "website": "site", "page": "page", "webpage": "page",
    "wiki": "encyclopedia", "wikipedia": "encyclopedia", "encyclopedia": "encyclopedia", "encyclopaedia": "encyclopedia", "entry": "encyclopedia",
    "forum": "forum", "thread": "forum", "interview": "interview", "transcript": "interview", "podcast": "interview",
    "programme": "programme", "program": "programme", "news": "news",
    # a piece of writing of any kind: names no kind, but with a site's name it makes the phrase ("the JoBlo retrospective")
    "article": "", "piece": "", "retrospective": "", "essay": "", "column": "", "report": "", "write up": "",
}
_KIND = r"(?:user\s+|critic(?:'s|’s)?\s+|audience\s+|fan\s+)?(?:" + "|".join(sorted(map(re.escape, _KIND_OF), key=len, reverse=True)) + r")(?:\s+(?:site|page|post|entry))?"
_PERSONA = r"(?:writer|author|reviewer|critic|blogger|editor)"
_SCORE = r"\d{1,3}(?:\.\d)?/\d{1,3}"
_DET = r"(?:the|this|that)"
# what asks about the page itself, by the fact it asks for
_PAGE_NOUN = re.compile(r"(?i)\b(?:review|article|piece|post|blog|page|report|interview|retrospective|essay|column|critique|write-?up|entry)\b")
_ASKS_AUTHOR = re.compile(r"(?i)\bwho\s+(?:wrote|writes|penned|authored|reviewed|is\s+the\s+(?:author|writer|reviewer|critic)\s+of|was\s+the\s+(?:author|writer|reviewer|critic)\s+of)\b"
                          r"|\bwhose\s+(?:review|article|piece|post|blog)\b|\b(?:name\s+of\s+the|what\s+is\s+the\s+name\s+of\s+the)\s+(?:author|writer|reviewer|critic|blogger)\b")
_ASKS_SITE = re.compile(r"(?i)\b(?:what|which)\s+(?:web\s*)?(?:site|website|blog|outlet|publication|magazine)\b|\bpublished\s+(?:on|by)\s+(?:what|which)\b|\b(?:on|from)\s+(?:what|which)\s+(?:web\s*)?site\b")
_ASKS_UPDATED = re.compile(r"(?i)\b(?:last\s+)?(?:updated|modified|edited)\b")
_ASKS_PUBLISHED = re.compile(r"(?i)\bwhen\b.*\b(?:published|posted|written|put\s+up|go\s+up|went\s+up|come\s+out|came\s+out|appear(?:ed)?|run|ran)\b")
_WRITTEN_WORK = re.compile(r"(?i)\b(?:screenplay|script|novel|book|music|score|song|songs|lyrics|story|play|original|memoir|comic|manga|source)\b")


@dataclass
class Source:
    """The documents a question names as its source, and the span of one review when it names one."""

    doc_ids: list[str]
    span: tuple[int, int] | None
    phrase: str
    question: str  # the question without the phrase
    site: bool = False  # named by a site's (or author's) own name, not by a kind of page


# "what's it rated on Letterboxd?": with a site named, "rated" asks for the site's score, not a certificate
_RATED = re.compile(r"(?i)\brat(?:ed|ing|e)\b")


def asks_site_score(source: Source | None, question: str) -> bool:
    return bool(source and source.site and _RATED.search(question))


def _film_docs(qa, film: str | None) -> list[Document]:
    f = qa.film(film) if film else None
    ids = f.doc_ids if f else ([d.doc_id for d in qa.documents] if len(qa.documents) <= 200 else [])
    return [d for i in ids if (d := qa.document(i)) is not None and d.duplicate_of is None]


def _names(qa, doc: Document) -> list[str]:
    """The site and author names a page gives itself -- but not a film's title in capitals over a listing
    ("HALFWAY TO MARFA" atop a festival's page), which names the film, not the page."""
    titles = qa.knowledge.film_titles  # (normalised once, when the corpus is read: a question must not redo every film's)
    return [f.value for f in doc.page if f.key in ("site", "author") and len(f.value) >= 3 and normalise_title(f.value) not in titles]


def _kind_evidence(qa, doc: Document) -> dict[str, int]:
    """How strongly a document is each kind of page: a word of its file name, title, headings or opening
    says so (2), or its records do (1: a byline makes a blog post, a site's name a site, an infobox an encyclopedia)."""
    ids = qa.passage_range(doc.doc_id)
    opening = qa.passages[ids[0]].text[:300] if len(ids) else ""
    said = " ".join([re.sub(r"[_.\-]+", " ", doc.doc_id), doc.title, *doc.sections, opening, *(f.value for f in doc.page)]).lower()
    out: dict[str, int] = {}
    for word, kind in _KIND_OF.items():
        if kind and re.search(rf"\b{re.escape(word)}s?\b", said):
            out[kind] = 2
    keys = {f.key for f in doc.page}
    if "author" in keys:
        out.setdefault("blog", 1)
    if keys:
        out.setdefault("site", 1)
        out.setdefault("page", 1)
    if doc.infobox or any(s.lower() in ("references", "external links") for s in doc.sections):
        out.setdefault("encyclopedia", 1)
    return out


def _phrase_pattern(names: list[str]) -> re.Pattern[str]:
    name = "|".join(sorted(map(re.escape, names), key=len, reverse=True)) or r"(?!x)x"
    return re.compile(
        rf"(?i)(?:,\s*)?(?:\b(?:according\s+to|in|on|from|by|for)\s+)?"
        rf"(?:(?P<det>\b{_DET})\s+)?(?:(?P<score>{_SCORE})\s+)?(?:(?P<name>\b(?:{name}))(?:['’]s)?\s*)?"
        rf"(?P<kind>\b{_KIND}\b)?(?:['’]s)?(?:\s*\b(?P<persona>{_PERSONA})\b)?(?:\s*,)?")


def find_source(qa, question: str, film: str | None) -> Source | None:
    """The source the question names, or None (it names none, or one that all of the film's documents fit)."""
    docs = _film_docs(qa, film)
    if len(docs) < 2:
        return None
    names = {n.lower(): d.doc_id for d in docs for n in _names(qa, d)}
    for m in _phrase_pattern(list(names)).finditer(question):
        name, kind, score = m.group("name"), m.group("kind"), m.group("score")
        if not (name or (m.group("det") and (kind or score and m.group("persona")))):
            continue
        if kind and not name and _KIND_OF.get(kind.lower()) in ("site", "page") and re.match(r"['’]s\b", question[m.end("kind"):]):
            continue  # "the site's consensus": a site the page speaks of (an aggregator), not the page
        chosen = [names[name.lower()]] if name else _by_kind(qa, docs, kind or "")
        if not chosen:
            continue
        span = None
        if score:
            found = review_span(qa, chosen if name or kind else [d.doc_id for d in docs], score)
            if found is None:
                continue
            chosen, span = [found[0]], found[1]
        if span is None and len(chosen) == len(docs):
            continue  # every document is such a page: the phrase tells none apart
        if name and not kind and not score and all(qa.knowledge.knows_term(t) for t in analyse(name)):
            # a site the passages name ("CINE SIN FRONTERAS — world cinema ..."): its name stays a word to match
            return Source(doc_ids=chosen, span=None, phrase=m.group().strip(" ,"), question=question, site=True)
        rest = (question[: m.start()] + " " + question[m.end() :]).strip()
        rest = re.sub(r"^\s*[,;:]\s*|\s+(?=[?.!,])", "", " ".join(rest.split()))
        return Source(doc_ids=chosen, span=span, phrase=m.group().strip(" ,"), question=rest[:1].upper() + rest[1:], site=bool(name))
    return None


def _by_kind(qa, docs: list[Document], kind_phrase: str) -> list[str]:
    """The documents that best fit the kinds of page the phrase names ("review site": a review and a site)."""
    kinds = {k for w in re.findall(r"[\w-]+", kind_phrase.lower()) if (k := _KIND_OF.get(w))}
    if not kinds:
        return []
    scored = [(sum(ev.get(k, 0) for k in kinds), d.doc_id) for d in docs for ev in [_kind_evidence(qa, d)]]
    best = max(s for s, _ in scored)
    return [doc_id for s, doc_id in scored if s == best] if best > 0 else []


_SCORE_AT = re.compile(r"(?<![\w/.])(\d{1,3}(?:\.\d)?)\s*/\s*(\d{1,3})(?![\w/])")


def review_span(qa, doc_ids: list[str], score: str) -> tuple[str, tuple[int, int]] | None:
    """One review among several on a page, by the score it ends on ("the 7/10 user review"): its sentences
    from after the score before it (or its section's start) to its own."""
    want = score.replace(" ", "")
    for doc_id in doc_ids:
        run_start: int | None = None
        section = object()
        for p, s in qa.document_sentences(doc_id):
            if p.section != section:
                section, run_start = p.section, None
            if run_start is None:
                run_start = s.start
            scores = ["/".join(m.groups()) for m in _SCORE_AT.finditer(s.text)]
            if want in scores:
                return doc_id, (run_start, s.end)
            if scores:
                run_start = None
    return None


def scoped_hits(qa, terms: list[str], source: Source, k: int = 10) -> list[Passage]:
    """The best passages for the terms within the source (its documents, and its span when it has one)."""
    mask = np.zeros(len(qa.passages), dtype=bool)
    for doc_id in source.doc_ids:
        ids = qa.passage_range(doc_id)
        for pid in ids:
            p = qa.passages[pid]
            mask[pid] = source.span is None or (p.start < source.span[1] and p.end > source.span[0])
    hits = top_k(qa.engine.get_scores(terms), k, mask)
    out = [qa.passages[i].model_copy(update={"score": s}) for i, s in hits]
    if source.span is not None:  # only the review's own sentences
        out = [p.model_copy(update={"sentences": [s for s in p.sentences if source.span[0] <= s.start and s.end <= source.span[1]]}) for p in out]
        out = [p for p in out if p.sentences]
    return out


class ScopedCorpus:
    """The corpus as a question scoped to one source sees it: a film's documents are the source's, a
    search finds only the source's passages (and a review's only its own sentences); the rest is the corpus's."""

    def __init__(self, qa, source: Source) -> None:
        self._qa, self.source = qa, source

    def __getattr__(self, name: str):
        return getattr(self._qa, name)

    def film(self, label: str):
        f = self._qa.film(label)
        return f.model_copy(update={"doc_ids": [d for d in f.doc_ids if d in self.source.doc_ids]}) if f else None

    def passage_range(self, doc_id: str) -> range:
        return self._qa.passage_range(doc_id) if doc_id in self.source.doc_ids else range(0)

    def document_sentences(self, doc_id: str):
        return self._qa.document_sentences(doc_id) if doc_id in self.source.doc_ids else iter(())

    def search_terms(self, terms: list[str], k: int = 10, films: list[str] | None = None) -> list[Passage]:
        return scoped_hits(self._qa, terms, self.source, k)


# "Which critic review gave it 7/10?": a review among several, asked for by its score
_WHICH_REVIEW = re.compile(rf"(?i)\b(?:which|what)\s+(?:[\w'’]+\s+){{0,2}}?review\b.*?\b(?:gave|give|gives|rated|rate|scored|awarded)\b.*?(?P<score>{_SCORE})")


def review_by_score(qa, question: str, film: str | None, route) -> Answer | None:
    """The review a question picks by the score it gave, named by its opening sentence (its title, on pages
    that run a user review's title into its text), cited with the sentence that gives the score."""
    m = _WHICH_REVIEW.search(question)
    if not m:
        return None
    found = review_span(qa, [d.doc_id for d in _film_docs(qa, film)], m.group("score"))
    if found is None:
        return None
    doc_id, (start, end) = found
    sentences = [(s, p) for pid in qa.passage_range(doc_id) for p in [qa.passages[pid]] for s in p.sentences if start <= s.start and s.end <= end]
    if not sentences:
        return None
    doc = qa.document(doc_id)
    (first, p1), (last, p2) = sentences[0], sentences[-1]
    cites = [Citation(n=n, doc_id=doc_id, title=doc.title if doc else p.title, section=p.section, quote=s.text, start=s.start, end=s.end, passage_id=p.id)
             for n, (s, p) in enumerate([(first, p1), (last, p2)] if first.start != last.start else [(first, p1)], 1)]
    text = f"{full_stop(first.text)}\n" + "\n".join(f"{c.quote} [{c.n}]" for c in cites)
    route = route.model_copy(update={"explanation": "the review that ends on that score, by its opening line",
                                     "passages": passage_refs([p1])})
    return Answer(question=route.question, answer=first.text, text=text, citations=cites, route=route, confidence=0.8)


_FULL_DATE = re.compile(rf"(?<!\w)(?:{DATE})(?!\w)")


def cited_piece_date(qa, reading) -> Answer | None:
    """When a piece the documents cite appeared ("when did the Tribune piece by Anne Thompson run?"): the date
    of the reference that names its publication and its author ("Thompson, Anne. Chicago Tribune ... 17 June
    1988: GL."), a reference the sentence splitter may cut in two, so the sentence before counts too."""
    route = reading.route
    q = route.resolved_question
    if not (_ASKS_PUBLISHED.search(q) and _PAGE_NOUN.search(q) or re.search(r"(?i)\bwhen\b.*\b(?:article|piece|column|interview|profile|essay)\b", q)):
        return None
    names = [e for e in reading.entities if e != route.film and not (route.film or "").startswith(e)]
    if not names:
        return None
    words_of = [set(re.findall(r"[\w'’]+", n.lower())) for n in names]
    docs = [d.doc_id for d in _film_docs(qa, route.film)]
    for doc_id in docs:
        prev_text = ""
        for p, sent in qa.document_sentences(doc_id):
            near = set(re.findall(r"[\w'’]+", f"{prev_text} {sent.text}".lower()))
            prev_text = sent.text
            date = _FULL_DATE.search(sent.text)
            if date and all(w <= near for w in words_of):
                doc = qa.document(doc_id)
                cite = Citation(n=1, doc_id=doc_id, title=doc.title if doc else p.title, section=p.section, quote=sent.text,
                                start=sent.start, end=sent.end, passage_id=p.id)
                value = date.group()
                new_route = route.model_copy(update={"explanation": "the date of the reference that names the piece", "passages": passage_refs([p])})
                return Answer(question=route.question, answer=value, text=f"{full_stop(value)}\n{sent.text} [1]",
                              citations=[cite], route=new_route, confidence=0.8)
    return None


def in_source(source: Source, doc_id: str, start: int) -> bool:
    return doc_id in source.doc_ids and (source.span is None or source.span[0] <= start < source.span[1])


def asked_page_fact(question: str) -> str | None:
    """Which fact of a page itself the question asks: its author, its site, when it was updated or published."""
    if _ASKS_UPDATED.search(question) and re.search(r"(?i)\bwhen\b|\bwhat\s+(?:date|day)\b", question):
        return "updated"
    if _ASKS_SITE.search(question) and not re.search(r"(?i)\b(?:streaming|stream|watch|rent|buy)\b", question):
        return "site"
    if _ASKS_AUTHOR.search(question) and _PAGE_NOUN.search(question) and not _WRITTEN_WORK.search(question):
        return "author"
    if _ASKS_PUBLISHED.search(question) and _PAGE_NOUN.search(question):
        return "published"
    return None


def page_answer(qa, question: str, film: str | None, route) -> Answer | None:
    """The answer to a question about a page itself, from the page's own byline, masthead or dates.

    The page is the one the question names (a site, a kind of page, a heading it quotes); with none
    named, the one page of the film that states the fact. None when the question asks no such fact, or
    when no page (or more than one) could be meant.
    """
    key = asked_page_fact(question)
    if key is None:
        return None
    docs = _film_docs(qa, film)
    source = find_source(qa, question, film)
    if source is not None:
        docs = [d for d in docs if d.doc_id in source.doc_ids]
    else:
        quoted = _quoted_docs(qa, docs, question)
        if quoted:
            docs = quoted
        elif route.focus:
            return None  # "when did the Tribune piece by Anne Thompson appear?": a page the corpus only cites
    facts = [(d, f) for d in docs for f in d.page if f.key == key and (key != "site" or f.value in _names(qa, d))]
    if not facts or len({d.doc_id for d, _ in facts}) > 1:
        return None
    doc, fact = facts[0]
    cite = Citation(n=1, doc_id=doc.doc_id, title=doc.title, section=None, quote=fact.line, start=fact.start, end=fact.end)
    route = route.model_copy(update={"answer_type": T.DATE if key in ("updated", "published") else T.PERSON if key == "author" else T.ORGANISATION,
                                     "explanation": f"read from the page's own {'byline' if key == 'author' else 'masthead or footer' if key == 'site' else 'date line'}",
                                     "passages": passage_refs([qa.passages[i] for i in list(qa.passage_range(doc.doc_id))[:1]])})
    return Answer(question=route.question, answer=fact.value, text=f"{full_stop(fact.value)}\n{fact.line} [1]",
                  citations=[cite], route=route, confidence=0.9)


_QUOTED = re.compile(r"(?:(?<=\s)|^)['‘\"“](?P<q>[^'‘’\"“”]{4,80})['’\"”](?=[\s?.,!]|$)")


def _quoted_docs(qa, docs: list[Document], question: str) -> list[Document]:
    """The documents holding a heading or line the question quotes ("the review with the 'Quick Verdict' section")."""
    out = []
    for m in _QUOTED.finditer(question):
        said = " ".join(m.group("q").split()).lower()
        for d in docs:
            if any(said in s.lower() for s in d.sections) or any(said in qa.passages[i].text.lower() for i in qa.passage_range(d.doc_id)):
                out.append(d)
    return list({d.doc_id: d for d in out}.values())
