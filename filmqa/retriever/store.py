"""The on-disk index: built once per corpus, reloaded in milliseconds.

An index lives in ``<cache>/index-<key>/`` where the key hashes filmqa's index
format version, the code that builds an index, and every corpus file's path,
size, modification and change time and inode, so adding, removing or editing a
file (or upgrading filmqa) selects a new index.

Everything is ``.npy`` (memory-mapped, loaded with ``allow_pickle=False``) or
JSON validated by pydantic: nothing read back can run code. Passages are
columns (``columns.PassageTable``: texts as one UTF-8 byte array with offsets,
numbers as integer arrays, repeated strings interned in ``tables.json``) and
documents one JSON text each (``columns.DocumentTable``), so a load parses no
big JSON and makes no model until one is read. ``knowledge.json`` keeps what
the reader learnt from the corpus. Loading checks that the arrays fit together;
a damaged index raises ``StoreError`` and is rebuilt.

A build is written to a temporary folder and renamed into place, so a killed
build never leaves a half index that is later trusted. ``prune`` keeps the
cache bounded: superseded indexes of the same folder go, and the least
recently used beyond ``MAX_INDEXES``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from ..corpus import Corpus
from ..corpus.loading import check_folder, display_path, document_name, hidden
from ..models import Film, SkippedFile
from .bm25 import PostingsBM25
from .columns import BLOBS, PASSAGE_COLUMNS, DocumentTable, PassageTable, offsets_fit

FORMAT_VERSION = 4
_ENGINE = ("idf", "indptr", "post_ids", "post_w")
_DOCUMENTS = ("d_json", "d_off")
_ARRAYS = _ENGINE + PASSAGE_COLUMNS + BLOBS + _DOCUMENTS
KNOWLEDGE = "knowledge.json"
MAX_INDEXES = 8  # index folders kept in a cache folder, most recently used first
STALE_TEMP_S = 6 * 3600  # a temporary folder this old belongs to a build that died


class StoreError(Exception):
    """The cached index is unusable (one line, the index is rebuilt)."""


class _Meta(BaseModel):
    format_version: int
    key: str
    root: str
    resolved_root: str
    code: str = ""  # code_fingerprint() of the filmqa that built it
    documents: int
    passages: int
    terms: int


class _Tables(BaseModel):
    """The small tables: interned strings of the passage columns, films, skipped files, vocabulary."""

    doc_ids: list[str]  # documents first, in order; then any other doc id a passage names
    documents: int
    titles: list[str]
    sections: list[str]
    film_lists: list[list[str]]
    films: list[Film]
    skipped: list[SkippedFile]
    vocab: list[str]


def default_cache_dir() -> Path:
    env = os.environ.get("FILMQA_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("filmqa", appauthor=False))


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the code an index depends on (corpus building, analysis, BM25, the models).

    A filmqa upgrade (or an edit in a checkout) that changes how an index is
    built selects a new index, as a changed corpus file does.
    """
    pkg = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    files = sorted((pkg / "corpus").glob("*.py")) + sorted((pkg / "retriever").glob("*.py")) + [pkg / "models.py"]
    for path in files:
        try:
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            h.update(path.name.encode() + b"\0?\0")
    return h.hexdigest()[:16]


def corpus_key(root: str | Path) -> str:
    """Hash of the format version, the code, and every corpus file's path and stat stamp."""
    root = Path(root)
    check_folder(root)
    h = hashlib.sha256(f"filmqa-index-v{FORMAT_VERSION}\0{code_fingerprint()}\0{root.resolve()}\0".encode())
    for rel, stamp in sorted(_stamps(root)):
        h.update(f"{rel}\0{stamp}\0".encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:24]


def _stamps(root: Path) -> list[tuple[str, str]]:
    """(path below ``root``, stat stamp) of every file the loader could read, found quickly.

    One ``scandir`` walk, no path resolving: the files ``corpus_files`` would
    list (and a few it would skip, such as links to files outside the folder,
    which can only cause an extra rebuild). Names are judged by the loader's own
    rules (``hidden``, ``document_name``), and linked folders are not entered.
    A folder it cannot list is stamped as such, so it showing up again selects
    another index.
    """
    out: list[tuple[str, str]] = []
    stack = [("", str(root))]
    while stack:
        prefix, folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            out.append((prefix, f"unreadable {exc.errno}"))
            continue
        for entry in entries:
            name = entry.name
            if hidden(name):
                continue
            rel = prefix + name
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((rel + "/", entry.path))
                    continue
                if not document_name(name):
                    continue
                # ctime and inode too: tools that restore a file's size and mtime (cp -p,
                # rsync -t, touch -r) cannot restore those, so an edit always shows
                st = entry.stat()
                out.append((rel, f"{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}"))
            except OSError as exc:
                out.append((rel, f"unreadable {exc.errno}"))
    return out


def save(folder: Path, key: str, corpus: Corpus, engine: PostingsBM25, knowledge: bytes | None = None) -> Path:
    """Write the index atomically to ``folder/index-<key>``; return its path.

    ``corpus.passages`` / ``corpus.documents`` may be lists of models or
    ``PassageTable`` / ``DocumentTable``; ``knowledge`` is the reader's
    knowledge as JSON (``KNOWLEDGE``), if already computed.
    """
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"index-{key}"
    tmp = Path(tempfile.mkdtemp(prefix=f".index-{key}-", dir=folder))
    try:
        documents = DocumentTable.from_documents(corpus.documents)
        passages = PassageTable.from_passages(corpus.passages, documents.doc_ids)
        arrays = {name: getattr(engine, name) for name in _ENGINE}
        arrays.update(passages.columns)
        arrays.update(passages.blobs)
        arrays.update(d_json=documents.blob, d_off=documents.offsets)
        for name in _ARRAYS:
            np.save(tmp / f"{name}.npy", np.ascontiguousarray(arrays[name]), allow_pickle=False)
        tables = _Tables(doc_ids=passages.names, documents=len(documents), titles=passages.titles, sections=passages.sections,
                         film_lists=passages.film_lists, films=corpus.films, skipped=corpus.skipped, vocab=list(engine.vocab))
        (tmp / "tables.json").write_text(tables.model_dump_json(), encoding="utf-8")
        if knowledge is not None:
            (tmp / KNOWLEDGE).write_bytes(knowledge)
        meta = _Meta(
            format_version=FORMAT_VERSION,
            key=key,
            root=display_path(str(corpus.root)),
            resolved_root=_resolved(corpus.root),
            code=code_fingerprint(),
            documents=len(documents),
            passages=len(passages),
            terms=len(engine.vocab),
        )
        # meta.json is written last: its presence marks a complete index
        (tmp / "meta.json").write_text(meta.model_dump_json(), encoding="utf-8")
        try:
            os.rename(tmp, final)
        except OSError:
            if _sound(folder, key):  # another process won the race
                shutil.rmtree(tmp, ignore_errors=True)
            else:  # a damaged index (or a stray file) is replaced, never kept
                _discard(final)
                try:
                    os.rename(tmp, final)
                except OSError:
                    if not _sound(folder, key):
                        raise
                    shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def _resolved(root: str | Path) -> str:
    try:
        return display_path(str(Path(root).resolve()))
    except (OSError, RuntimeError):
        return display_path(str(root))


def _sound(folder: Path, key: str) -> bool:
    try:
        load(folder, key)
    except Exception:
        return False
    return True


def _discard(path: Path) -> None:
    """Move ``path`` aside atomically, then delete it (a reader never sees half of it)."""
    if not os.path.lexists(path):
        return
    trash = Path(tempfile.mkdtemp(prefix=".trash-", dir=path.parent)) / "old"
    try:
        os.rename(path, trash)
    except FileNotFoundError:  # another process removed or replaced it first
        pass
    shutil.rmtree(trash.parent, ignore_errors=True)


def load(folder: Path, key: str, root: str | Path | None = None) -> tuple[Corpus, PostingsBM25]:
    """Read ``folder/index-<key>``; raise StoreError if it is not sound.

    Arrays are memory-mapped, passages and documents become models only when
    read (``PassageTable``, ``DocumentTable``). ``root`` (the folder as the
    caller named it) becomes ``Corpus.root``; by default, the name it was built with.
    """
    path = folder / f"index-{key}"
    if not (path / "meta.json").exists():
        raise StoreError("no cached index")
    try:
        meta = _Meta.model_validate_json((path / "meta.json").read_bytes())
        if meta.format_version != FORMAT_VERSION or meta.key != key:
            raise StoreError("cached index is from another version or corpus")
        tables = _Tables.model_validate_json((path / "tables.json").read_bytes())
        # memory-mapped (read-only), as plain ndarray views: indexing a memmap costs ~3x more
        arrays = {name: np.asarray(np.load(path / f"{name}.npy", mmap_mode="r", allow_pickle=False)) for name in _ARRAYS}
        engine, corpus = _assemble(meta, tables, arrays, root)
    except StoreError:
        raise
    except (OSError, ValueError, TypeError, IndexError, json.JSONDecodeError) as exc:
        raise StoreError(f"cached index is damaged ({type(exc).__name__})") from exc
    _touch(path)
    return corpus, engine


def _assemble(meta: _Meta, tables: _Tables, arrays: dict[str, np.ndarray], root) -> tuple[PostingsBM25, Corpus]:
    """The engine and corpus of loaded arrays, after checking that they fit together."""
    n_terms = len(tables.vocab)
    idf, indptr, post_ids, post_w = (arrays[name] for name in _ENGINE)
    kinds = {name: arrays[name].dtype.kind for name in _ENGINE}
    if kinds != {"idf": "f", "indptr": "i", "post_ids": "i", "post_w": "f"} or any(arrays[n].ndim != 1 for n in _ENGINE):
        raise StoreError("cached index is inconsistent")
    passages = PassageTable({c: arrays[c] for c in PASSAGE_COLUMNS}, {b: arrays[b] for b in BLOBS}, names=tables.doc_ids,
                            titles=tables.titles, sections=tables.sections, film_lists=tables.film_lists)
    documents = DocumentTable(arrays["d_json"], arrays["d_off"], tables.doc_ids[: tables.documents])
    try:
        passages.check()
        documents.check()
    except ValueError:
        raise StoreError("cached index is inconsistent") from None
    if (
        len(passages) != meta.passages
        or len(documents) != meta.documents
        or n_terms != meta.terms
        or idf.shape != (n_terms,)
        or indptr.shape != (n_terms + 1,)
        or not offsets_fit(indptr, len(post_ids))
        or post_ids.shape != post_w.shape
        or (len(post_ids) and int(post_ids.max()) >= meta.passages)
        or (len(post_ids) and int(post_ids.min()) < 0)
    ):
        raise StoreError("cached index is inconsistent")
    engine = PostingsBM25({t: i for i, t in enumerate(tables.vocab)}, idf=idf, indptr=indptr, post_ids=post_ids, post_w=post_w,
                          n_docs=meta.passages)
    corpus = Corpus(root=meta.root if root is None else str(root), documents=documents, passages=passages, films=tables.films,
                    skipped=tables.skipped)
    return engine, corpus


# --------------------------------------------------------------------------- the reader's knowledge


def load_knowledge(index: Path) -> bytes | None:
    """The knowledge JSON kept with an index, or None."""
    try:
        return (index / KNOWLEDGE).read_bytes()
    except OSError:
        return None


def save_knowledge(index: Path, data: bytes) -> bool:
    """Keep the knowledge JSON with an index (atomically); False if it cannot be written."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".knowledge-", dir=index)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, index / KNOWLEDGE)
        return True
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False


# --------------------------------------------------------------------------- keeping the cache bounded


def _touch(path: Path) -> None:
    """Mark an index as used now (its folder's mtime orders the pruning)."""
    try:
        os.utime(path)
    except OSError:
        pass


def prune(folder: Path, keep: str, root: str | Path, max_indexes: int | None = None) -> list[str]:
    """Remove superseded and least recently used indexes; return the names removed.

    Removed: other indexes of the same corpus folder built by this code (its
    files changed since), indexes whose ``meta.json`` is unreadable or from another
    format, temporary folders of builds that died hours ago, and beyond
    ``max_indexes`` the least recently used. ``index-<keep>`` is never removed.
    A process still reading a removed index either has it mapped already (the
    files live on until it exits) or sees it damaged and rebuilds it.
    """
    max_indexes = MAX_INDEXES if max_indexes is None else max_indexes
    code = code_fingerprint()
    removed: list[str] = []
    resolved = _resolved(root)
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    kept: list[tuple[float, Path]] = []
    for entry in entries:
        path = Path(entry.path)
        try:
            mtime = entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if entry.name.startswith((".index-", ".trash-")):
            if now - mtime > STALE_TEMP_S:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(entry.name)
            continue
        if not entry.name.startswith("index-") or entry.name == f"index-{keep}" or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            meta = _Meta.model_validate_json((path / "meta.json").read_bytes())
            # the same folder indexed by this same code: its files changed since. (Another
            # filmqa's index of it is left to the LRU bound: two versions in use at once
            # would otherwise delete each other's index on every run.)
            stale = meta.format_version != FORMAT_VERSION or (meta.resolved_root == resolved and meta.code == code)
        except (OSError, ValueError):
            # a build in progress never shows here (it is renamed in complete);
            # an old format without resolved_root, or a damaged index, is dropped
            stale = now - mtime > 60
        if stale:
            _discard(path)
            removed.append(entry.name)
        else:
            kept.append((mtime, path))
    kept.sort(reverse=True)
    for _, path in kept[max(0, max_indexes - 1) :]:
        _discard(path)
        removed.append(path.name)
    return removed
