"""Issue 6, index cache: a bad cache is noticed in one line and rebuilt, never trusted."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest

from filmqa.pipeline import FilmQA
from filmqa.retriever import store

EXTRA = "Harbour Lights is a 1969 film directed by Olga Brandt, shot in Gdansk."


@pytest.fixture
def corpus(seeds_dir, tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder)
    (folder / "harbour.txt").write_text(EXTRA)
    return folder


def load(corpus: Path, cache: Path) -> tuple[FilmQA, list[str]]:
    notices: list[str] = []
    qa = FilmQA.from_directory(corpus, cache_dir=cache, notice=notices.append)
    assert all("\n" not in n for n in notices)
    return qa, notices


def hits(qa: FilmQA, query: str) -> list[tuple[str, int]]:
    return [(h.doc_id, h.start) for h in qa.search(query, k=5)]


@pytest.fixture
def built(corpus, tmp_cache):
    """A corpus with a fresh cached index: (corpus, cache folder, index path, reference hits)."""
    qa, notices = load(corpus, tmp_cache)
    assert qa.cache_path is not None and not notices
    ref = hits(qa, "Walter Hill director budget")
    assert ref and hits(qa, "Olga Brandt")[0][0] == "harbour.txt"
    return corpus, tmp_cache, qa.cache_path, ref


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def set_meta(index: Path, **fields) -> None:
    meta = json.loads((index / "meta.json").read_text())
    meta.update(fields)
    (index / "meta.json").write_text(json.dumps(meta))


class _Trap:
    """Unpickling this creates a marker file: proof that pickle ran."""

    marker = ""

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _pickled_npy(index: Path, tmp: Path) -> Path:
    trap = _Trap()
    trap.marker = str(tmp / "PICKLE-RAN")
    arr = np.empty(1, dtype=object)
    arr[0] = trap
    np.save(index / "idf.npy", arr, allow_pickle=True)
    return Path(trap.marker)


def set_tables(index: Path, **fields) -> None:
    tables = json.loads((index / "tables.json").read_text())
    tables.update(fields)
    (index / "tables.json").write_text(json.dumps(tables))


def resave(index: Path, name: str, change) -> None:
    np.save(index / f"{name}.npy", change(np.load(index / f"{name}.npy")))


DAMAGE = {
    "tables.json truncated": lambda ix, tmp: truncate(ix / "tables.json"),
    "tables.json missing": lambda ix, tmp: (ix / "tables.json").unlink(),
    "tables.json wrong shape": lambda ix, tmp: (ix / "tables.json").write_text('{"documents": 7}'),
    "vocab a dict": lambda ix, tmp: set_tables(ix, vocab={"a": 1}),
    "vocab one term short": lambda ix, tmp: set_tables(ix, vocab=json.loads((ix / "tables.json").read_text())["vocab"][:-1]),
    "a section table cut": lambda ix, tmp: set_tables(ix, sections=[]),
    "post_ids.npy truncated": lambda ix, tmp: truncate(ix / "post_ids.npy"),
    "passage texts truncated": lambda ix, tmp: truncate(ix / "p_text.npy"),
    "sentence texts missing": lambda ix, tmp: (ix / "s_text.npy").unlink(),
    "document JSON truncated": lambda ix, tmp: truncate(ix / "d_json.npy"),
    "idf.npy garbage": lambda ix, tmp: (ix / "idf.npy").write_bytes(os.urandom(300)),
    "meta.json empty": lambda ix, tmp: (ix / "meta.json").write_bytes(b""),
    "meta.json not JSON": lambda ix, tmp: (ix / "meta.json").write_bytes(b"\x00\xff{"),
    "post_ids floats": lambda ix, tmp: resave(ix, "post_ids", lambda a: a.astype(float)),
    "post_ids negative": lambda ix, tmp: resave(ix, "post_ids", lambda a: -1 - a),
    "post_ids out of range": lambda ix, tmp: resave(ix, "post_ids", lambda a: a + 10_000),
    "indptr shuffled": lambda ix, tmp: resave(ix, "indptr", lambda a: a[::-1].copy()),
    "text offsets shuffled": lambda ix, tmp: resave(ix, "p_text_off", lambda a: a[::-1].copy()),
    "a passage column cut": lambda ix, tmp: resave(ix, "p_start", lambda a: a[:-1].copy()),
    "document ids out of range": lambda ix, tmp: resave(ix, "p_doc", lambda a: a + 1000),
    "other format version": lambda ix, tmp: set_meta(ix, format_version=store.FORMAT_VERSION + 1),
    "another corpus's index": lambda ix, tmp: set_meta(ix, key="0" * 24),
    "a pickle inside": _pickled_npy,
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_bad_cache_is_noticed_once_and_rebuilt(built, damage, tmp_path):
    corpus, cache, index, ref = built
    marker = DAMAGE[damage](index, tmp_path)
    qa, notices = load(corpus, cache)
    assert len(notices) == 1 and notices[0].startswith("cached index") and notices[0].endswith("rebuilding it")
    assert hits(qa, "Walter Hill director budget") == ref
    if isinstance(marker, Path):
        assert not marker.exists(), "the cache was unpickled"
    # the rebuilt index replaced the bad one: the next load is silent
    qa, notices = load(corpus, cache)
    assert notices == [] and hits(qa, "Walter Hill director budget") == ref


def test_a_stray_file_where_the_index_goes_is_replaced(built):
    corpus, cache, index, ref = built
    shutil.rmtree(index)
    index.write_text("not an index")
    qa, notices = load(corpus, cache)
    assert hits(qa, "Walter Hill director budget") == ref
    assert (index / "meta.json").exists()
    assert load(corpus, cache)[1] == []


def test_another_corpus_index_copied_in_is_not_used(built, tmp_path):
    corpus, cache, index, ref = built
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("Copper Valley is a 1972 western directed by Hal Moss. " * 3)
    (other / "b.txt").write_text("Night Train is a 1994 thriller directed by Ann Lee.")
    (other / "c.txt").write_text("Paper Moons is a 1973 comedy directed by Peter Bogdanovich.")
    shutil.rmtree(index)
    shutil.copytree(load(other, cache)[0].cache_path, index)  # the other corpus's index under this key
    qa, notices = load(corpus, cache)
    assert notices == ["cached index is from another version or corpus; rebuilding it"]
    assert hits(qa, "Walter Hill director budget") == ref


def test_an_edited_corpus_never_answers_from_the_old_index(built):
    corpus, cache, _, _ = built
    (corpus / "harbour.txt").write_text(EXTRA.replace("Olga Brandt", "Ines Varga"))
    qa, _ = load(corpus, cache)
    assert [h.doc_id for h in qa.search("Ines Varga", k=1)] == ["harbour.txt"]
    assert not qa.search("Olga Brandt", k=1)


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(built):
    corpus, cache, _, _ = built
    path = corpus / "harbour.txt"
    st = path.stat()
    path.write_text(EXTRA.replace("Olga Brandt", "Ines Vargas"))  # same length
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # as cp -p or rsync -t would leave it
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    qa, _ = load(corpus, cache)
    assert [h.doc_id for h in qa.search("Ines Vargas", k=1)] == ["harbour.txt"]


def test_added_and_removed_files_select_a_new_index(built):
    corpus, cache, _, _ = built
    (corpus / "harbour.txt").unlink()
    (corpus / "copper.md").write_text("# Copper Valley\n\nCopper Valley is a 1972 western directed by Hal Moss.")
    qa, _ = load(corpus, cache)
    assert qa.document("harbour.txt") is None and not qa.search("Olga Brandt", k=1)
    assert [h.doc_id for h in qa.search("Hal Moss", k=1)] == ["copper.md"]


def test_a_read_only_cache_folder_means_memory_only(corpus, tmp_cache, monkeypatch):
    def refuse(*a, **kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    qa, notices = load(corpus, tmp_cache)
    assert qa.cache_path is None
    assert notices == [f"could not write the index cache in {tmp_cache} (Permission denied); using it in memory only"]
    assert [h.doc_id for h in qa.search("Olga Brandt", k=1)] == ["harbour.txt"]


def test_a_rename_refused_half_way_leaves_no_half_index(corpus, tmp_cache, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "rename", refuse)
    qa, notices = load(corpus, tmp_cache)
    assert qa.cache_path is None and "in memory only" in notices[0]
    assert not any(tmp_cache.iterdir())  # the temporary folder was removed
    monkeypatch.undo()
    qa, notices = load(corpus, tmp_cache)
    assert notices == [] and qa.cache_path is not None


def test_the_cache_path_is_a_file(corpus, tmp_path):
    cache = tmp_path / "cachefile"
    cache.write_text("I am a file")
    qa, notices = load(corpus, cache)
    assert len(notices) == 1 and "in memory only" in notices[0]
    assert [h.doc_id for h in qa.search("Olga Brandt", k=1)] == ["harbour.txt"]


def test_no_cache_reads_and_writes_nothing(corpus, tmp_cache):
    qa = FilmQA.from_directory(corpus, cache=False, cache_dir=tmp_cache)
    assert qa.cache_path is None and not tmp_cache.exists()
