"""Passages: a few consecutive sentences of one section, traceable to the file.

Sentences are found in the cleaned text of each paragraph and mapped back to
offsets of the original file; every sentence's and passage's ``text`` is
``clean(original[start:end])``. Passages never cross a section, a list, a
table or a piece of page furniture, and neighbouring passages of a paragraph
run share one sentence so a fact at a boundary is not cut in half.
"""

from __future__ import annotations

import re
from itertools import groupby

from ..models import Passage, Sentence
from .cleaning import clean, clean_with_map
from .sentences import SentenceSplitter
from .structure import Block

MAX_WORDS = 110
MAX_SENTENCES = {"prose": 4, "item": 8, "field": 8, "row": 1}


_ALNUM = re.compile(r"[^\W_]")  # str.isalnum, as a regex


def _has_word(text: str) -> bool:
    return _ALNUM.search(text) is not None


# A sentence as plain data: (text, start, end). Passages are first found as plain
# data too, so the work can run in another process and come back cheaply.
SentenceSpan = tuple[str, int, int]
# (section, text, start, end, first sentence, end of its sentences) — indexes of
# the document's sentence list
PassageSpan = tuple["str | None", str, int, int, int, int]


def _sentences_of_paragraph(text: str, start: int, end: int, splitter: SentenceSplitter) -> list[SentenceSpan]:
    cleaned, starts, ends = clean_with_map(text[start:end])
    out = []
    for lo, hi in splitter.spans(cleaned):
        a, b = start + starts[lo], start + ends[hi - 1]
        sent = clean(text[a:b])
        if _has_word(sent):
            out.append((sent, a, b))
    return out


def sentences_of_run(text: str, blocks: list[Block], splitter: SentenceSplitter) -> list[SentenceSpan]:
    """Sentences of a run of blocks of one kind, in order."""
    kind = blocks[0].kind
    if kind != "prose":
        # item and row blocks carry their cleaned text; a field's is "key: value"
        texts = [(b, b.text if kind != "field" else clean(text[b.start : b.end])) for b in blocks]
        return [(t, b.start, b.end) for b, t in texts if _has_word(t)]
    out: list[SentenceSpan] = []
    for _, para in groupby(blocks, key=lambda b: b.para):
        para = list(para)
        out.extend(_sentences_of_paragraph(text, para[0].start, para[-1].end, splitter))
    return out


def chunk(sentences: list[SentenceSpan], max_sentences: int) -> list[tuple[int, int]]:
    """Greedy windows of whole sentences under a word budget, overlapping by one,
    as (first, end) indexes of ``sentences``."""
    chunks: list[tuple[int, int]] = []
    i = 0
    while i < len(sentences):
        words = len(sentences[i][0].split())
        j = i + 1
        while j < len(sentences) and j - i < max_sentences:
            w = len(sentences[j][0].split())
            if words + w > MAX_WORDS:
                break
            words += w
            j += 1
        chunks.append((i, j))
        if j >= len(sentences):
            break
        i = j - 1 if j - i >= 3 else j  # overlap by one sentence in longer windows
    return chunks


def passage_spans(text: str, blocks: list[Block], splitter: SentenceSplitter) -> tuple[list[SentenceSpan], list[PassageSpan]]:
    """The sentences of one document and its passages over them."""
    sentences: list[SentenceSpan] = []
    passages: list[PassageSpan] = []
    content = [b for b in blocks if b.kind in MAX_SENTENCES]
    for _, run in groupby(content, key=lambda b: (b.run, b.kind, b.section)):
        run = list(run)
        base = len(sentences)
        sentences.extend(sentences_of_run(text, run, splitter))
        for i, j in chunk(sentences[base:], MAX_SENTENCES[run[0].kind]):
            start, end = sentences[base + i][1], sentences[base + j - 1][2]
            body = sentences[base + i][0] if j - i == 1 else clean(text[start:end])
            if body:
                passages.append((run[0].section, body, start, end, base + i, base + j))
    return sentences, passages


_SHARED_FIELD_SETS: dict[type, set[str]] = {}


def share_field_sets(models: list) -> None:
    """Let models of one class whose sets of explicitly given fields are equal
    carry one set object, instead of one each (pydantic makes a new set per
    model: 200-700 bytes; at a million passages with their sentences that is
    over a gigabyte). Nothing in filmqa reads the sets; assigning a field that
    was not given (a passage's ``score``) would mark it given on them all."""
    for m in models:
        own = m.__pydantic_fields_set__
        shared = _SHARED_FIELD_SETS.setdefault(type(m), own)
        if own is not shared and own == shared:
            object.__setattr__(m, "__pydantic_fields_set__", shared)


def make_passages(
    sentences: list[SentenceSpan], spans: list[PassageSpan], *, doc_id: str, title: str, films: list[str], first_id: int
) -> list[Passage]:
    """Passage models from ``passage_spans``, numbered from ``first_id``."""
    sents = [Sentence(text=t, start=a, end=b) for t, a, b in sentences]
    passages = [
        Passage(id=first_id + n, doc_id=doc_id, title=title, section=section, text=body, start=start, end=end, sentences=sents[i:j], films=films)
        for n, (section, body, start, end, i, j) in enumerate(spans)
    ]
    share_field_sets(sents)
    share_field_sets(passages)
    return passages


def build_passages(
    text: str,
    blocks: list[Block],
    *,
    doc_id: str,
    title: str,
    films: list[str],
    splitter: SentenceSplitter,
    first_id: int,
) -> list[Passage]:
    """All passages of one document, numbered from ``first_id``."""
    sentences, spans = passage_spans(text, blocks, splitter)
    return make_passages(sentences, spans, doc_id=doc_id, title=title, films=films, first_id=first_id)
