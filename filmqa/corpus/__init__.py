"""Corpus building: files -> cleaned documents, records, films and passages.

Each document is read on its own (layout, film evidence, sentences, passage
spans) once Punkt has been trained on the first documents; for a large corpus
that per-document work is shared out over worker processes (forked, results
sent back in document order as plain data), so the result is the same either
way. Films are then decided over the whole corpus and the models are built.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import multiprocessing
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..models import CastCredit, Document, Film, InfoboxField, PageFact, Passage, SkippedFile, TableRow
from .cleaning import clean
from .films import DocFilmEvidence, detect_films, evidence_for, passage_films
from .loading import CorpusError, SourceFile, read_corpus
from .passages import PassageSpan, SentenceSpan, make_passages, passage_spans, share_field_sets
from .sentences import TRAIN_SAMPLE_CHARS, SentenceSplitter
from .structure import Layout, segment

__all__ = ["Corpus", "CorpusError", "build_corpus", "build_corpus_from_files"]

Progress = Callable[[str, int, int], None]


@dataclass
class Corpus:
    root: str
    documents: list[Document]
    passages: list[Passage]
    films: list[Film]
    skipped: list[SkippedFile] = field(default_factory=list)


def _title_of(doc_id: str, infobox_name: str | None, lead_heading: str | None, films: list[str], film_titles: dict[str, str], titles: set[str]) -> str:
    if infobox_name:
        return infobox_name
    if lead_heading is not None and (len(lead_heading.split()) >= 2 or lead_heading in titles):
        return lead_heading
    if films:
        return film_titles.get(films[0], films[0])
    return Path(doc_id).stem


_FILM_COLUMN = re.compile(r"(?i)(?:films?|movies?|titles?|pictures?|features?)")


def _training_sample(bodies: Iterable[str]) -> str:
    """The documents' text for Punkt, joined as far as the trainer reads it."""
    parts: list[str] = []
    size = -2  # length of the joined parts
    for body in bodies:
        if size >= TRAIN_SAMPLE_CHARS:
            break
        parts.append(body)
        size += 2 + len(body)
    return "\n\n".join(parts)


def _body(text: str, layout: Layout) -> str:
    """A document's readable text (headings, prose, list items) for film detection and Punkt."""
    return "\n".join(clean(text[b.start : b.end]) if b.kind == "heading" else b.text for b in layout.blocks if b.kind in ("prose", "heading", "item"))


@dataclass
class _DocWork:
    """What reading one document gives, as plain data."""

    body: str
    evidence: DocFilmEvidence
    infobox_name: str | None
    lead_heading: str | None  # the heading the document opens with, before any content
    sections: list[str]
    infobox: list[InfoboxField]
    table_rows: list[TableRow]
    cast: list[CastCredit]
    page: list[PageFact]
    sentences: list[SentenceSpan]
    passages: list[PassageSpan]


def _read_document(text: str, layout: Layout, body: str, splitter: SentenceSplitter, with_passages: bool) -> _DocWork:
    blocks = layout.blocks
    first_heading = next((b.text for b in blocks if b.kind == "heading"), None)
    first_block = next((b for b in blocks if b.kind != "boiler"), None)
    if first_block is not None and first_block.kind != "heading":
        first_heading = None
    headers = [h for row in layout.table_rows for h in row.cells]
    # a table whose rows are films ("Film | Year | Director"): its first cells name them as a comparison's headers do
    headers += [v for row in layout.table_rows for h, v in list(row.cells.items())[:1] if _FILM_COLUMN.fullmatch(h.strip())]
    ev = evidence_for(body, {fl.key: fl.value for fl in layout.infobox}, first_heading, headers,
                      [b.text for b in blocks if b.kind == "heading"])
    lead = next((b for b in blocks if b.kind in ("heading", "prose", "item", "row")), None)
    sentences, spans = passage_spans(text, blocks, splitter) if with_passages else ([], [])
    return _DocWork(
        body=body,
        evidence=ev,
        infobox_name=layout.infobox_name,
        lead_heading=lead.text if lead is not None and lead.kind == "heading" else None,
        sections=layout.sections,
        infobox=layout.infobox,
        table_rows=layout.table_rows,
        cast=layout.cast,
        page=layout.page,
        sentences=sentences,
        passages=spans,
    )


@dataclass
class _Job:
    files: list[SourceFile]
    early: dict[int, tuple[Layout, str]]  # layouts and bodies read for the Punkt sample
    splitter: SentenceSplitter
    duplicate: set[int]

    def work(self, i: int) -> _DocWork:
        text = self.files[i].text
        layout, body = self.early.pop(i, (None, None))
        if layout is None:
            layout = segment(text)
            body = _body(text, layout)
        return _read_document(text, layout, body, self.splitter, i not in self.duplicate)


# Jobs of builds running in this process, by id: a forked worker finds its job here.
_JOBS: dict[int, _Job] = {}
_job_ids = itertools.count()
# Below this much text, starting worker processes costs more than it saves.
PARALLEL_MIN_CHARS = 4_000_000
DOCS_PER_TASK = 16


def _work_range(task: tuple[int, int, int]) -> list[_DocWork]:
    job_id, lo, hi = task
    job = _JOBS[job_id]
    return [job.work(i) for i in range(lo, hi)]


def _worker_count(files: list[SourceFile]) -> int:
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if sum(len(f.text) for f in files) < PARALLEL_MIN_CHARS:
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cpus, 8))


def _read_all(job: _Job, workers: int) -> Iterator[_DocWork]:
    """Every document's work, in document order."""
    n = len(job.files)
    if workers > 1:
        job_id = next(_job_ids)
        _JOBS[job_id] = job
        try:
            tasks = [(job_id, lo, min(lo + DOCS_PER_TASK, n)) for lo in range(0, n, DOCS_PER_TASK)]
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for works in pool.imap(_work_range, tasks):
                    yield from works
            return
        finally:
            del _JOBS[job_id]
    for i in range(n):
        yield job.work(i)


def build_corpus_from_files(
    root: str, files: list[SourceFile], skipped: list[SkippedFile], progress: Progress | None = None, workers: int | None = None
) -> Corpus:
    """Build the corpus of ``files``; ``workers`` processes read the documents
    (default: one per CPU for a large corpus, else none besides this one)."""
    # The build makes millions of objects and no reference cycles: the cyclic
    # garbage collector would only walk them over and over (10-15% of the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(root, files, skipped, progress, workers)
    finally:
        if collecting:
            gc.enable()


def _build(root: str, files: list[SourceFile], skipped: list[SkippedFile], progress: Progress | None, workers: int | None) -> Corpus:
    seen_hashes: dict[str, str] = {}
    duplicates: dict[str, str] = {}
    duplicate: set[int] = set()
    for i, f in enumerate(files):
        digest = hashlib.sha1(" ".join(f.text.split()).encode("utf-8", "surrogatepass")).hexdigest()
        if digest in seen_hashes:
            duplicates[f.doc_id] = seen_hashes[digest]
            duplicate.add(i)
        else:
            seen_hashes[digest] = f.doc_id

    # Punkt learns from the first documents' text
    early: dict[int, tuple[Layout, str]] = {}

    def early_bodies() -> Iterator[str]:
        for i, f in enumerate(files):
            layout = segment(f.text)
            early[i] = (layout, _body(f.text, layout))
            yield early[i][1]

    splitter = SentenceSplitter(_training_sample(early_bodies()))
    job = _Job(files, early, splitter, duplicate)
    works: list[_DocWork] = []
    for work in _read_all(job, workers if workers is not None else _worker_count(files)):
        works.append(work)
        if progress:
            progress("reading", len(works), len(files))
    early.clear()  # workers read their own copies

    films, doc_films = detect_films([(f.doc_id, w.body, w.evidence) for i, (f, w) in enumerate(zip(files, works)) if i not in duplicate])
    film_titles = {fm.label: fm.title for fm in films}
    titles_of = {fm.label: [fm.title, *fm.aliases] for fm in films}
    titles = set(film_titles.values())

    documents: list[Document] = []
    passages: list[Passage] = []
    for i, f in enumerate(files):
        w = works[i]
        works[i] = None  # type: ignore[call-overload]  # done with it: free as we go
        dup = duplicates.get(f.doc_id)
        labels = doc_films.get(dup or f.doc_id, [])
        title = _title_of(f.doc_id, w.infobox_name, w.lead_heading, labels, film_titles, titles)
        documents.append(
            Document(
                doc_id=f.doc_id,
                title=title,
                films=labels,
                sections=w.sections,
                infobox=w.infobox,
                table_rows=w.table_rows,
                cast=w.cast,
                page=w.page,
                chars=len(f.text),
                duplicate_of=dup,
            )
        )
        for records in (w.infobox, w.table_rows, w.cast, documents[-1:]):
            share_field_sets(records)
        if dup is None:
            made = make_passages(w.sentences, w.passages, doc_id=f.doc_id, title=title, films=labels, first_id=len(passages))
            if len(labels) > 1:  # a document about several films: each passage about the film its section or row names
                first_cells = {r.start: next(iter(r.cells.values()), "") for r in w.table_rows}
                for p in made:
                    p.films = passage_films(labels, titles_of, p.section, p.text, first_cells.get(p.start))
            passages.extend(made)
        if progress:
            progress("passages", i + 1, len(files))
    return Corpus(root=str(root), documents=documents, passages=passages, films=films, skipped=skipped)


def build_corpus(root: str | Path, progress: Progress | None = None) -> Corpus:
    """Read, clean and split every document of the corpus folder ``root``."""
    files, skipped = read_corpus(root)
    return build_corpus_from_files(str(root), files, skipped, progress)
