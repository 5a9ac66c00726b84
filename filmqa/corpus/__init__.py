"""Corpus building: files -> cleaned documents, records, films and passages."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..models import Document, Film, Passage, SkippedFile
from .cleaning import clean
from .films import detect_films, evidence_for
from .loading import CorpusError, SourceFile, read_corpus
from .passages import build_passages
from .sentences import TRAIN_SAMPLE_CHARS, SentenceSplitter
from .structure import segment

__all__ = ["Corpus", "CorpusError", "build_corpus", "build_corpus_from_files"]

Progress = Callable[[str, int, int], None]


@dataclass
class Corpus:
    root: str
    documents: list[Document]
    passages: list[Passage]
    films: list[Film]
    skipped: list[SkippedFile] = field(default_factory=list)


def _title_of(doc_id: str, layout, films: list[str], film_titles: dict[str, str]) -> str:
    if layout.infobox_name:
        return layout.infobox_name
    for b in layout.blocks:
        if b.kind == "heading":
            if len(b.text.split()) >= 2 or b.text in film_titles.values():
                return b.text
            break
        if b.kind in ("prose", "item", "row"):
            break
    if films:
        return film_titles.get(films[0], films[0])
    return Path(doc_id).stem


def _training_sample(bodies: list[str]) -> str:
    """The documents' text for Punkt, joined as far as the trainer reads it."""
    parts: list[str] = []
    size = -2  # length of the joined parts
    for body in bodies:
        if size >= TRAIN_SAMPLE_CHARS:
            break
        parts.append(body)
        size += 2 + len(body)
    return "\n\n".join(parts)


def build_corpus_from_files(root: str, files: list[SourceFile], skipped: list[SkippedFile], progress: Progress | None = None) -> Corpus:
    layouts = []
    evidence = []
    seen_hashes: dict[str, str] = {}
    duplicates: dict[str, str] = {}
    for i, f in enumerate(files):
        digest = hashlib.sha1(" ".join(f.text.split()).encode("utf-8", "surrogatepass")).hexdigest()
        if digest in seen_hashes:
            duplicates[f.doc_id] = seen_hashes[digest]
        else:
            seen_hashes[digest] = f.doc_id
        layout = segment(f.text)
        layouts.append(layout)
        body = "\n".join(
            clean(f.text[b.start : b.end]) if b.kind == "heading" else b.text for b in layout.blocks if b.kind in ("prose", "heading", "item")
        )
        first_heading = next((b.text for b in layout.blocks if b.kind == "heading"), None)
        first_block = next((b for b in layout.blocks if b.kind != "boiler"), None)
        if first_block is not None and first_block.kind != "heading":
            first_heading = None
        ev = evidence_for(body, {fl.key: fl.value for fl in layout.infobox}, first_heading)
        evidence.append((f.doc_id, body, ev))
        if progress:
            progress("reading", i + 1, len(files))

    films, doc_films = detect_films([e for e in evidence if e[0] not in duplicates])
    film_titles = {fm.label: fm.title for fm in films}
    splitter = SentenceSplitter(_training_sample([e[1] for e in evidence]))

    documents: list[Document] = []
    passages: list[Passage] = []
    for i, (f, layout) in enumerate(zip(files, layouts)):
        dup = duplicates.get(f.doc_id)
        labels = doc_films.get(dup or f.doc_id, [])
        title = _title_of(f.doc_id, layout, labels, film_titles)
        documents.append(
            Document(
                doc_id=f.doc_id,
                title=title,
                films=labels,
                sections=layout.sections,
                infobox=layout.infobox,
                table_rows=layout.table_rows,
                cast=layout.cast,
                chars=len(f.text),
                duplicate_of=dup,
            )
        )
        if dup is None:
            passages.extend(
                build_passages(f.text, layout.blocks, doc_id=f.doc_id, title=title, films=labels, splitter=splitter, first_id=len(passages))
            )
        if progress:
            progress("passages", i + 1, len(files))
    return Corpus(root=str(root), documents=documents, passages=passages, films=films, skipped=skipped)


def build_corpus(root: str | Path, progress: Progress | None = None) -> Corpus:
    """Read, clean and split every document of the corpus folder ``root``."""
    files, skipped = read_corpus(root)
    return build_corpus_from_files(str(root), files, skipped, progress)
