"""Passages and documents in columns: loaded without parsing, made into models on access.

A corpus of a million passages is too big to keep as a million pydantic
objects or to read back from one big JSON file. ``PassageTable`` keeps the
passage texts as one UTF-8 byte array with offsets, the numbers in integer
arrays and the repeated strings (document ids, titles, sections, film lists)
as small interned tables; ``table[i]`` builds the ``Passage`` model of passage
``i`` when it is asked for. ``DocumentTable`` keeps each document as its own
JSON text in one byte array and validates a document only when it is read.

Both are read-only sequences (``len``, ``[i]``, slices, iteration), so code
written for ``list[Passage]`` keeps working. The arrays can be memory-mapped
``.npy`` files (see ``store.py``) or built in memory from models.
"""

from __future__ import annotations

import operator
import threading
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from ..models import Document, Passage, Sentence

# passage columns (one entry a passage, except the *_off pointers: one more)
PASSAGE_COLUMNS = ("p_doc", "p_title", "p_section", "p_films", "p_start", "p_end", "p_text_off", "p_sent_ptr",
                   "s_start", "s_end", "s_text_off")
BLOBS = ("p_text", "s_text")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _text(blob, lo: int, hi: int) -> str:
    data = bytes(blob[lo:hi])
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:  # bytes damaged on disk after the load checks: shown, never a crash
        return data.decode("utf-8", "replace")


class _Interner:
    def __init__(self, initial: Iterable = ()) -> None:
        self.items: list = []
        self.ids: dict = {}
        for item in initial:
            self.get(item)

    def get(self, item) -> int:
        i = self.ids.get(item)
        if i is None:
            i = self.ids[item] = len(self.items)
            self.items.append(item)
        return i


def _offsets(lengths: list[int]) -> np.ndarray:
    off = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(np.asarray(lengths, dtype=np.int64), out=off[1:])
    return off


def offsets_fit(ptr: np.ndarray, total: int) -> bool:
    """Whether ``ptr`` can point into ``total`` items: it starts at 0, ends at ``total``
    and never goes back (the one check of every pointer array read from disk)."""
    return len(ptr) > 0 and int(ptr[0]) == 0 and int(ptr[-1]) == total and not bool(np.any(np.diff(ptr) < 0))


class _Lazy(Sequence):
    """A read-only sequence whose items are made by ``_make(i)`` when read."""

    def _make(self, i: int):
        raise NotImplementedError

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._make(j) for j in range(*i.indices(len(self)))]
        i = operator.index(i)
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._make(i)

    def __iter__(self) -> Iterator:
        for i in range(len(self)):
            yield self._make(i)


class PassageTable(_Lazy):
    """Read-only ``Sequence[Passage]`` over columns; ``Passage`` models are made on access."""

    def __init__(self, columns: dict[str, np.ndarray], blobs: dict[str, np.ndarray], *, names: list[str], titles: list[str],
                 sections: list[str], film_lists: list[list[str]]) -> None:
        self.columns = columns
        self.blobs = blobs
        self.names = names  # doc ids
        self.titles = titles
        self.sections = sections
        self.film_lists = film_lists
        c = columns
        self._doc, self._title, self._section, self._films = c["p_doc"], c["p_title"], c["p_section"], c["p_films"]
        self._start, self._end, self._off, self._sent = c["p_start"], c["p_end"], c["p_text_off"], c["p_sent_ptr"]
        self._s_start, self._s_end, self._s_off = c["s_start"], c["s_end"], c["s_text_off"]
        self._p_text, self._s_text = blobs["p_text"], blobs["s_text"]

    @classmethod
    def from_passages(cls, passages: Sequence[Passage], names: Iterable[str] = ()) -> "PassageTable":
        """Columns of ``passages`` (in memory); ``names`` are doc ids to number first."""
        if isinstance(passages, PassageTable):
            return passages
        doc_ids, titles, sections, film_lists = _Interner(names), _Interner(), _Interner(), _Interner()
        n = len(passages)
        cols = {name: np.zeros(n, dtype=np.int32) for name in ("p_doc", "p_title", "p_section", "p_films")}
        cols.update({name: np.zeros(n, dtype=np.int64) for name in ("p_start", "p_end")})
        p_len, s_len, s_start, s_end, per = [], [], [], [], []
        p_parts, s_parts = [], []
        for i, p in enumerate(passages):
            if p.id != i:
                raise ValueError(f"passage {i} has id {p.id}")
            cols["p_doc"][i] = doc_ids.get(p.doc_id)
            cols["p_title"][i] = titles.get(p.title)
            cols["p_section"][i] = -1 if p.section is None else sections.get(p.section)
            cols["p_films"][i] = film_lists.get(tuple(p.films))
            cols["p_start"][i], cols["p_end"][i] = p.start, p.end
            b = _utf8(p.text)
            p_parts.append(b)
            p_len.append(len(b))
            per.append(len(p.sentences))
            for s in p.sentences:
                b = _utf8(s.text)
                s_parts.append(b)
                s_len.append(len(b))
                s_start.append(s.start)
                s_end.append(s.end)
        cols["p_text_off"] = _offsets(p_len)
        cols["p_sent_ptr"] = _offsets(per)
        cols["s_start"] = np.asarray(s_start, dtype=np.int64)
        cols["s_end"] = np.asarray(s_end, dtype=np.int64)
        cols["s_text_off"] = _offsets(s_len)
        blobs = {"p_text": np.frombuffer(b"".join(p_parts), dtype=np.uint8),
                 "s_text": np.frombuffer(b"".join(s_parts), dtype=np.uint8)}
        return cls(cols, blobs, names=doc_ids.items, titles=titles.items, sections=sections.items,
                   film_lists=[list(f) for f in film_lists.items])

    def check(self) -> None:
        """Raise ValueError unless the columns fit together (cheap, vectorised)."""
        n = len(self._doc)
        m = len(self._s_start)
        for name in PASSAGE_COLUMNS:
            a = self.columns[name]
            if a.ndim != 1 or a.dtype.kind != "i":
                raise ValueError(f"column {name} is not an integer vector")
        for name in BLOBS:
            if self.blobs[name].ndim != 1 or self.blobs[name].dtype != np.uint8:
                raise ValueError(f"{name} is not a byte vector")
        if any(len(self.columns[c]) != n for c in ("p_title", "p_section", "p_films", "p_start", "p_end")):
            raise ValueError("passage columns differ in length")
        if len(self._off) != n + 1 or len(self._sent) != n + 1 or len(self._s_end) != m or len(self._s_off) != m + 1:
            raise ValueError("pointer columns have the wrong length")
        for ptr, total in ((self._off, len(self._p_text)), (self._sent, m), (self._s_off, len(self._s_text))):
            if not offsets_fit(ptr, total):
                raise ValueError("offsets out of order")
        for col, size, low in ((self._doc, len(self.names), 0), (self._title, len(self.titles), 0),
                               (self._section, len(self.sections), -1), (self._films, len(self.film_lists), 0)):
            if n and (int(col.min()) < low or int(col.max()) >= size):
                raise ValueError("a table index is out of range")

    # ------------------------------------------------------------------ Sequence
    def __len__(self) -> int:
        return len(self._doc)

    def _make(self, i: int) -> Passage:
        lo, hi = int(self._sent[i]), int(self._sent[i + 1])
        sentences = [
            Sentence(text=_text(self._s_text, int(self._s_off[j]), int(self._s_off[j + 1])),
                     start=int(self._s_start[j]), end=int(self._s_end[j]))
            for j in range(lo, hi)
        ]
        sec = int(self._section[i])
        return Passage(
            id=i,
            doc_id=self.names[self._doc[i]],
            title=self.titles[self._title[i]],
            section=None if sec < 0 else self.sections[sec],
            text=self.text(i),
            start=int(self._start[i]),
            end=int(self._end[i]),
            sentences=sentences,
            films=list(self.film_lists[self._films[i]]),
        )

    # ------------------------------------------------------------------ columns
    def text(self, i: int) -> str:
        return _text(self._p_text, int(self._off[i]), int(self._off[i + 1]))

    def texts(self) -> Iterator[str]:
        """Every passage's text, in order, without making models."""
        off = self._off
        for i in range(len(self)):
            yield _text(self._p_text, int(off[i]), int(off[i + 1]))

    def doc_ranges(self) -> dict[str, tuple[int, int]]:
        """doc id -> (first passage id, last + 1)."""
        doc = np.asarray(self._doc)
        if not len(doc):
            return {}
        ids, first = np.unique(doc, return_index=True)
        _, last_rev = np.unique(doc[::-1], return_index=True)
        last = len(doc) - 1 - last_rev
        return {self.names[d]: (int(lo), int(hi) + 1) for d, lo, hi in zip(ids.tolist(), first.tolist(), last.tolist())}


class DocumentTable(_Lazy):
    """Read-only ``Sequence[Document]``: each document's JSON, validated when read (recent ones kept)."""

    CACHE = 4096

    def __init__(self, blob: np.ndarray, offsets: np.ndarray, doc_ids: list[str]) -> None:
        self.blob = blob
        self.offsets = offsets
        self.doc_ids = doc_ids
        self._cache: dict[int, Document] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_documents(cls, documents: Sequence[Document]) -> "DocumentTable":
        if isinstance(documents, DocumentTable):
            return documents
        parts = [_utf8(d.model_dump_json()) for d in documents]
        return cls(np.frombuffer(b"".join(parts), dtype=np.uint8), _offsets([len(b) for b in parts]),
                   [d.doc_id for d in documents])

    def check(self) -> None:
        off = self.offsets
        if self.blob.ndim != 1 or self.blob.dtype != np.uint8 or off.ndim != 1 or off.dtype.kind != "i":
            raise ValueError("document arrays have the wrong type")
        if len(off) != len(self.doc_ids) + 1 or not offsets_fit(off, len(self.blob)):
            raise ValueError("document offsets out of order")

    def __len__(self) -> int:
        return len(self.doc_ids)

    def _make(self, i: int) -> Document:
        doc = self._cache.get(i)
        if doc is None:
            doc = Document.model_validate_json(bytes(self.blob[int(self.offsets[i]) : int(self.offsets[i + 1])]))
            with self._lock:
                if len(self._cache) >= self.CACHE:
                    self._cache.clear()
                self._cache[i] = doc
        return doc
