"""The on-disk index: built once per corpus, reloaded in milliseconds.

An index lives in ``<cache>/index-<key>/`` where the key hashes filmqa's index
format version and every corpus file's path, size and modification time, so
adding, removing or editing a file selects a new index. Arrays are ``.npy``
(loaded with ``allow_pickle=False``), everything else is JSON validated by
pydantic: nothing read back can run code. A build is written to a temporary
folder and renamed into place, so a killed build never leaves a half index
that is later trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
from pydantic import BaseModel, TypeAdapter

from ..corpus import Corpus
from ..corpus.loading import corpus_files, display_path
from ..models import Document, Film, Passage, SkippedFile
from .bm25 import PostingsBM25

FORMAT_VERSION = 3
_ARRAYS = ("idf", "indptr", "post_ids", "post_w")


class StoreError(Exception):
    """The cached index is unusable (one line, the index is rebuilt)."""


class _Meta(BaseModel):
    format_version: int
    key: str
    root: str
    documents: int
    passages: int
    terms: int


class _CorpusJSON(BaseModel):
    documents: list[Document]
    films: list[Film]
    skipped: list[SkippedFile]
    passages: list[Passage]


_VOCAB = TypeAdapter(list[str])


def default_cache_dir() -> Path:
    env = os.environ.get("FILMQA_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("filmqa", appauthor=False))


def corpus_key(root: str | Path) -> str:
    """Hash of the format version and every corpus file's path and stat stamp."""
    root = Path(root)
    h = hashlib.sha256(f"filmqa-index-v{FORMAT_VERSION}\0{root.resolve()}\0".encode())
    for path in corpus_files(root):
        try:
            st = path.stat()
        except OSError:
            continue
        # ctime and inode too: tools that restore a file's size and mtime (cp -p,
        # rsync -t, touch -r) cannot restore those, so an edit always shows
        stamp = f"{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}"
        h.update(f"{path.relative_to(root).as_posix()}\0{stamp}\0".encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:24]


def save(folder: Path, key: str, corpus: Corpus, engine: PostingsBM25) -> Path:
    """Write the index atomically to ``folder/index-<key>``; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"index-{key}"
    tmp = Path(tempfile.mkdtemp(prefix=f".index-{key}-", dir=folder))
    try:
        for name in _ARRAYS:
            np.save(tmp / f"{name}.npy", getattr(engine, name), allow_pickle=False)
        (tmp / "vocab.json").write_bytes(_VOCAB.dump_json(list(engine.vocab)))
        body = _CorpusJSON(documents=corpus.documents, films=corpus.films, skipped=corpus.skipped, passages=corpus.passages)
        (tmp / "corpus.json").write_text(body.model_dump_json(), encoding="utf-8")
        meta = _Meta(
            format_version=FORMAT_VERSION,
            key=key,
            root=display_path(corpus.root),
            documents=len(corpus.documents),
            passages=len(corpus.passages),
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


def load(folder: Path, key: str) -> tuple[Corpus, PostingsBM25]:
    """Read ``folder/index-<key>``; raise StoreError if it is not sound."""
    path = folder / f"index-{key}"
    if not (path / "meta.json").exists():
        raise StoreError("no cached index")
    try:
        meta = _Meta.model_validate_json((path / "meta.json").read_bytes())
        if meta.format_version != FORMAT_VERSION or meta.key != key:
            raise StoreError("cached index is from another version or corpus")
        body = _CorpusJSON.model_validate_json((path / "corpus.json").read_bytes())
        vocab_list = _VOCAB.validate_json((path / "vocab.json").read_bytes())
        arrays = {name: np.load(path / f"{name}.npy", allow_pickle=False) for name in _ARRAYS}
    except StoreError:
        raise
    except (OSError, ValueError, json.JSONDecodeError) as exc:
        raise StoreError(f"cached index is damaged ({type(exc).__name__})") from exc
    n_terms = len(vocab_list)
    indptr = arrays["indptr"]
    kinds = {name: arrays[name].dtype.kind for name in _ARRAYS}
    if kinds != {"idf": "f", "indptr": "i", "post_ids": "i", "post_w": "f"} or any(a.ndim != 1 for a in arrays.values()):
        raise StoreError("cached index is inconsistent")
    if (
        len(body.passages) != meta.passages
        or len(body.documents) != meta.documents
        or n_terms != meta.terms
        or arrays["idf"].shape != (n_terms,)
        or indptr.shape != (n_terms + 1,)
        or (n_terms and int(indptr[-1]) != len(arrays["post_ids"]))
        or arrays["post_ids"].shape != arrays["post_w"].shape
        or (len(arrays["post_ids"]) and int(arrays["post_ids"].max()) >= meta.passages)
        or (len(arrays["post_ids"]) and int(arrays["post_ids"].min()) < 0)
        or int(indptr[0]) != 0
        or bool(np.any(np.diff(indptr) < 0))
        or any(p.id != i for i, p in enumerate(body.passages))
    ):
        raise StoreError("cached index is inconsistent")
    engine = PostingsBM25({t: i for i, t in enumerate(vocab_list)}, n_docs=meta.passages, **arrays)
    corpus = Corpus(root=meta.root, documents=body.documents, passages=body.passages, films=body.films, skipped=body.skipped)
    return corpus, engine
