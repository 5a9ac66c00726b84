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


def _sentences_of_paragraph(text: str, start: int, end: int, splitter: SentenceSplitter) -> list[Sentence]:
    cleaned, starts, ends = clean_with_map(text[start:end])
    out = []
    for lo, hi in splitter.spans(cleaned):
        a, b = start + starts[lo], start + ends[hi - 1]
        sent = clean(text[a:b])
        if _has_word(sent):
            out.append(Sentence(text=sent, start=a, end=b))
    return out


def sentences_of_run(text: str, blocks: list[Block], splitter: SentenceSplitter) -> list[Sentence]:
    """Sentences of a run of blocks of one kind, in order."""
    kind = blocks[0].kind
    if kind != "prose":
        # item and row blocks carry their cleaned text; a field's is "key: value"
        texts = [(b, b.text if kind != "field" else clean(text[b.start : b.end])) for b in blocks]
        return [Sentence(text=t, start=b.start, end=b.end) for b, t in texts if _has_word(t)]
    out: list[Sentence] = []
    for _, para in groupby(blocks, key=lambda b: b.para):
        para = list(para)
        out.extend(_sentences_of_paragraph(text, para[0].start, para[-1].end, splitter))
    return out


def chunk(sentences: list[Sentence], max_sentences: int) -> list[list[Sentence]]:
    """Greedy windows of whole sentences under a word budget, overlapping by one."""
    chunks: list[list[Sentence]] = []
    i = 0
    while i < len(sentences):
        window = [sentences[i]]
        words = len(sentences[i].text.split())
        j = i + 1
        while j < len(sentences) and len(window) < max_sentences:
            w = len(sentences[j].text.split())
            if words + w > MAX_WORDS:
                break
            window.append(sentences[j])
            words += w
            j += 1
        chunks.append(window)
        if j >= len(sentences):
            break
        i = j - 1 if len(window) >= 3 else j  # overlap by one sentence in longer windows
    return chunks


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
    passages: list[Passage] = []
    content = [b for b in blocks if b.kind in MAX_SENTENCES]
    for _, run in groupby(content, key=lambda b: (b.run, b.kind, b.section)):
        run = list(run)
        sentences = sentences_of_run(text, run, splitter)
        for window in chunk(sentences, MAX_SENTENCES[run[0].kind]):
            start, end = window[0].start, window[-1].end
            body = window[0].text if len(window) == 1 else clean(text[start:end])
            if not body:
                continue
            passages.append(
                Passage(
                    id=first_id + len(passages),
                    doc_id=doc_id,
                    title=title,
                    section=run[0].section,
                    text=body,
                    start=start,
                    end=end,
                    sentences=window,
                    films=films,
                )
            )
    return passages
