"""Issue 7 (scale) and issue 6 leftovers: the columnar index, kept knowledge, a bounded cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from filmqa.corpus import build_corpus
from filmqa.pipeline import FilmQA
from filmqa.reader import knowledge as knowledge_module
from filmqa.retriever import store
from filmqa.retriever.columns import DocumentTable, PassageTable

from test_robustness_cache import EXTRA, corpus, load  # noqa: F401 - the same corpus fixture and loader


def indexes(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.iterdir())


# --------------------------------------------------------------------------- columns


def test_loaded_passages_and_documents_are_the_built_models(seeds_dir, tmp_cache):
    built = build_corpus(seeds_dir)
    FilmQA.from_directory(seeds_dir, cache_dir=tmp_cache)
    qa, notices = load(seeds_dir, tmp_cache)  # from the cache
    assert notices == [] and isinstance(qa.passages, PassageTable) and isinstance(qa.documents, DocumentTable)
    assert len(qa.passages) == len(built.passages) and list(qa.passages) == built.passages
    assert list(qa.documents) == built.documents
    assert qa.passages[-1] == built.passages[-1] and qa.passages[3:6] == built.passages[3:6]
    with pytest.raises(IndexError):
        qa.passages[len(built.passages)]
    for p in built.passages[:20]:
        assert qa.passage_range(p.doc_id).start <= p.id < qa.passage_range(p.doc_id).stop
    assert qa.films == built.films


def test_passage_columns_keep_odd_text(tmp_path):
    from filmqa.models import Passage, Sentence

    texts = ["ünïcödé — “quotes” 🎬", "", "lone \udc80 surrogate", "plain"]
    passages = [Passage(id=i, doc_id=f"d{i % 2}", title="T", section=None if i % 2 else "S", text=t, start=i, end=i + len(t),
                        sentences=[Sentence(text=t, start=i, end=i + len(t))] if t else [], films=["F (1)"] if i else [])
                for i, t in enumerate(texts)]
    table = PassageTable.from_passages(passages)
    table.check()
    assert list(table) == passages and list(table.texts()) == texts
    assert table.doc_ranges() == {"d0": (0, 3), "d1": (1, 4)}


# --------------------------------------------------------------------------- the reload that rebuilt


def test_a_fresh_process_loads_the_index_and_does_not_rebuild(corpus, tmp_cache):
    qa, _ = load(corpus, tmp_cache)
    code = (
        "import sys, filmqa.pipeline as pl\n"
        "from filmqa.retriever import store\n"
        "def boom(*a, **k): raise SystemExit('rebuilt')\n"
        "pl.build_corpus = boom\n"
        "from filmqa.reader.knowledge import Knowledge\n"
        "Knowledge.from_corpus = classmethod(lambda *a: (_ for _ in ()).throw(SystemExit('knowledge re-read')))\n"
        "qa = pl.FilmQA.from_directory(sys.argv[1], cache_dir=sys.argv[2])\n"
        "print(store.corpus_key(sys.argv[1]), qa.ask('Who directed Harbour Lights?').answer)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    out = subprocess.run([sys.executable, "-c", code, str(corpus), str(tmp_cache)], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    key, answer = out.stdout.split(" ", 1)
    assert key == store.corpus_key(corpus) and qa.cache_path.name == f"index-{key}"
    assert answer.strip() == "Olga Brandt"


def test_a_change_in_the_index_code_selects_a_new_index(corpus, tmp_cache, monkeypatch):
    first, _ = load(corpus, tmp_cache)
    monkeypatch.setattr(store, "code_fingerprint", lambda: "other code")
    second, notices = load(corpus, tmp_cache)
    assert second.cache_path != first.cache_path and notices == []
    # the other code's index stays (another filmqa may be using it): only the LRU bound removes it
    assert indexes(tmp_cache) == sorted([first.cache_path.name, second.cache_path.name])
    (corpus / "harbour.txt").write_text(EXTRA.replace("Olga Brandt", "Ines Varga"))
    third, _ = load(corpus, tmp_cache)  # an edit: this code's superseded index goes
    assert indexes(tmp_cache) == sorted([first.cache_path.name, third.cache_path.name])


# --------------------------------------------------------------------------- knowledge kept with the index


def test_knowledge_is_kept_and_equals_a_fresh_read(corpus, tmp_cache, monkeypatch):
    built, _ = load(corpus, tmp_cache)
    assert (built.cache_path / store.KNOWLEDGE).exists()
    fresh = knowledge_module.Knowledge.from_corpus(built._corpus, built.engine.vocab)

    def refuse(*a, **k):
        raise AssertionError("the corpus was read again")

    monkeypatch.setattr(knowledge_module.Knowledge, "from_corpus", classmethod(refuse))
    kept = load(corpus, tmp_cache)[0].knowledge
    for name in ("lower_words", "vocab", "persons", "film_titles", "index_terms", "spellings"):
        assert getattr(kept, name) == getattr(fresh, name), name
    assert list(kept.persons.items()) == list(fresh.persons.items())
    assert dict(kept.facts) == dict(fresh.facts) and kept.titles.titles == fresh.titles.titles


@pytest.mark.parametrize("damage", ["other code", "garbage", "unknown document"])
def test_kept_knowledge_of_other_code_or_damaged_is_read_again_and_replaced(corpus, tmp_cache, damage):
    qa, _ = load(corpus, tmp_cache)
    path = qa.cache_path / store.KNOWLEDGE
    data = json.loads(path.read_bytes())
    if damage == "other code":
        data["fingerprint"] = "0" * 16
    elif damage == "unknown document":
        data["doc_groups"][0][1].append(10_000)
    path.write_bytes(b"{not json" if damage == "garbage" else json.dumps(data).encode())
    qa, notices = load(corpus, tmp_cache)
    assert notices == [] and qa.ask("Who directed Harbour Lights?").answer == "Olga Brandt"
    assert json.loads(path.read_bytes())["fingerprint"] == knowledge_module.code_fingerprint()
    assert not [p for p in qa.cache_path.iterdir() if p.name.startswith(".")]


# --------------------------------------------------------------------------- issue 6 leftovers


def test_a_save_failing_with_any_error_means_memory_only(corpus, tmp_cache, monkeypatch):
    def broken(*a, **k):
        raise ValueError("cannot serialise")

    monkeypatch.setattr(store.np, "save", broken)
    qa, notices = load(corpus, tmp_cache)
    assert qa.cache_path is None and len(notices) == 1 and "\n" not in notices[0]
    assert notices[0].startswith(f"could not write the index cache in {tmp_cache} (ValueError")
    assert notices[0].endswith("using it in memory only")
    assert [h.doc_id for h in qa.search("Olga Brandt", k=1)] == ["harbour.txt"]
    assert qa.ask("Who directed Harbour Lights?").answer == "Olga Brandt"
    assert indexes(tmp_cache) == []  # no temporary folder left behind


def test_skipped_files_are_reported_on_every_load(corpus, tmp_cache):
    (corpus / "empty.txt").write_text("   \n")
    (corpus / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    first, built_notices = load(corpus, tmp_cache)
    second, loaded_notices = load(corpus, tmp_cache)
    assert second.cache_path == first.cache_path  # loaded, not rebuilt
    skipped = [n for n in built_notices if n.startswith("skipped ")]
    assert sorted(skipped) == ["skipped blob.txt: binary file (contains NUL bytes)", "skipped empty.txt: empty file"]
    assert loaded_notices == built_notices
    cli = subprocess.run([sys.executable, "-m", "filmqa", "info", "--corpus", str(corpus)], capture_output=True, text=True,
                         env=dict(os.environ, FILMQA_CACHE_DIR=str(tmp_cache)), timeout=120)
    assert cli.returncode == 0 and "filmqa: skipped empty.txt: empty file" in cli.stderr


def test_an_edited_corpus_replaces_its_old_index(corpus, tmp_cache, seeds_dir):
    other, _ = load(seeds_dir, tmp_cache)  # another corpus's index is kept
    old, _ = load(corpus, tmp_cache)
    (corpus / "harbour.txt").write_text(EXTRA.replace("Olga Brandt", "Ines Varga"))
    new, _ = load(corpus, tmp_cache)
    assert indexes(tmp_cache) == sorted([other.cache_path.name, new.cache_path.name])
    assert not old.cache_path.exists()


def test_the_cache_keeps_the_most_recently_used_indexes(tmp_path, tmp_cache, monkeypatch):
    monkeypatch.setattr(store, "MAX_INDEXES", 3)
    folders = []
    for i in range(5):
        folder = tmp_path / f"c{i}"
        folder.mkdir()
        (folder / "a.txt").write_text(f"Film {i} is a 19{60 + i} film directed by Person Number{i}.")
        folders.append(folder)
    paths = [load(f, tmp_cache)[0].cache_path for f in folders[:3]]
    past = time.time() - 1000
    for age, path in enumerate(paths):
        os.utime(path, (past + age, past + age))
    load(folders[0], tmp_cache)  # used again: now the most recent
    load(folders[3], tmp_cache)  # a new index: the least recently used (c1) goes
    assert sorted(indexes(tmp_cache)) == sorted(p.name for p in (paths[0], paths[2], load(folders[3], tmp_cache)[0].cache_path))


def test_temporary_folders_of_dead_builds_are_removed_live_ones_kept(corpus, tmp_cache):
    tmp_cache.mkdir(parents=True)
    dead, live = tmp_cache / ".index-dead-x", tmp_cache / ".index-live-y"
    for d in (dead, live):
        d.mkdir()
        (d / "idf.npy").write_bytes(b"half")
    old = time.time() - store.STALE_TEMP_S - 60
    os.utime(dead, (old, old))
    qa, _ = load(corpus, tmp_cache)
    assert indexes(tmp_cache) == sorted([live.name, qa.cache_path.name])


def test_knowledge_look_ups_equal_the_scans_they_replace(tmp_cache):
    qa = FilmQA.from_directory(Path(__file__).parent / "data" / "multifilm", cache_dir=tmp_cache)
    kb = qa.knowledge
    casts = [c for f in kb.facts.values() for _, c in f.cast]
    assert casts and kb.persons
    probes = ["", "a", "Hill", "hill", "Walter", "Walter Hill", "Nobody Atall", "an", "Captain", "capt", "x\0y"]
    probes += [c.actor for c in casts[:5]] + [c.role.upper() for c in casts[:5]] + list(kb.persons)[:5]
    probes += [w for p in list(kb.persons)[:5] for w in p.split()] + [p[1:-1] for p in list(kb.persons)[:5]]
    for text in probes:
        assert kb.is_person_word(text) == any(text in p.split() for p in kb.persons), text
        assert kb.in_person_name(text) == any(text in p for p in kb.persons), text
        assert kb.cast_mentions(text) == any(text.lower() in c.role.lower() or text.lower() in c.actor.lower() for c in casts), text


def test_the_key_sees_the_loaders_files_only(corpus, tmp_cache):
    key = store.corpus_key(corpus)
    (corpus / ".hidden.txt").write_text("not read")
    (corpus / "notes.pdf").write_bytes(b"%PDF")
    assert store.corpus_key(corpus) == key
    (corpus / "sub").mkdir()
    assert store.corpus_key(corpus) == key
    (corpus / "sub" / "more.md").write_text("# More\n\nMore text.")
    assert store.corpus_key(corpus) != key


def test_the_keys_quick_walk_lists_the_files_the_loader_reads(tmp_path):
    from filmqa.corpus.loading import corpus_files

    files = ["a.txt", "B.MD", "c.wiki", "d.markdown", "e.pdf", ".f.txt", "g.txt~", "sub/h.md", ".git/i.txt", "sub/.j/k.txt"]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Some text.")
    read = sorted(p.relative_to(tmp_path).as_posix() for p in corpus_files(tmp_path))
    assert read == ["B.MD", "a.txt", "c.wiki", "d.markdown", "sub/h.md"]
    assert sorted(rel for rel, _ in store._stamps(tmp_path)) == read


@pytest.mark.parametrize("folder", ["multifilm", "heldout"])
def test_table_docs_are_the_documents_with_such_a_column(folder, tmp_cache):
    from filmqa.retriever.analysis import analyse

    qa = FilmQA.from_directory(Path(__file__).parent / "data" / folder, cache_dir=tmp_cache)
    headers = {t for d in qa.documents for r in d.table_rows for h in r.cells for t in analyse(h)}
    assert headers
    for kb in (qa.knowledge, load(Path(__file__).parent / "data" / folder, tmp_cache)[0].knowledge):  # built, then kept
        for terms in [[t] for t in sorted(headers)] + [sorted(headers), ["date", "publish"], ["nosuchheader"], []]:
            expect = [d.doc_id for d in qa.documents if {t for r in d.table_rows for h in r.cells for t in analyse(h)} & set(terms)]
            assert kb.table_docs(terms) == expect, terms


def test_damaged_text_bytes_read_as_replacement_characters(corpus, tmp_cache):
    qa, _ = load(corpus, tmp_cache)
    blob = np.load(qa.cache_path / "p_text.npy")
    blob[int(np.load(qa.cache_path / "p_text_off.npy")[0])] = 0xFF  # not UTF-8, same length: the load checks pass
    np.save(qa.cache_path / "p_text.npy", blob)
    qa, notices = load(corpus, tmp_cache)
    assert notices == [] and qa.passages[0].text.startswith("\ufffd")
    assert len(list(qa.passages)) == len(qa.passages) and qa.search("Olga Brandt", k=1)
