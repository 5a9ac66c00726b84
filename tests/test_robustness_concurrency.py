"""Issue 6, concurrency: one FilmQA shared by threads; processes racing to build one cache."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from filmqa.pipeline import FilmQA
from filmqa.retriever import store

QUESTIONS = [
    "Who directed Red Heat?",
    "Who played Ivan Danko?",
    "When was Red Heat released?",
    "What was the budget?",
    "How long is the film?",
    "Who composed the music?",
    "Is it worth watching?",
    "Who directed Casablanca?",
    "",
    "🎬 ???",
]


def test_threads_get_the_same_answers_as_one_caller(seeds_dir, tmp_cache):
    shared = FilmQA.from_directory(seeds_dir, cache_dir=tmp_cache)  # knowledge not built yet: threads race for it
    jobs = QUESTIONS * 6
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda q: shared.ask(q).model_dump(), jobs))
        searches = list(pool.map(lambda q: [(h.doc_id, h.start, h.score) for h in shared.search(q)], jobs))
    alone = FilmQA.from_directory(seeds_dir, cache_dir=tmp_cache)
    expected = {q: alone.ask(q).model_dump() for q in QUESTIONS}
    assert parallel == [expected[q] for q in jobs]
    assert searches == [[(h.doc_id, h.start, h.score) for h in alone.search(q)] for q in jobs]
    assert expected["Who directed Red Heat?"]["answer"] == "Walter Hill"


def test_conversations_in_threads_keep_their_own_context(seeds_dir, tmp_cache):
    qa = FilmQA.from_directory(seeds_dir, cache_dir=tmp_cache)
    script = ["Who directed Red Heat?", "What else did he direct?", "Who starred in it?"]

    def chat(_):
        c = qa.conversation()
        return [c.ask(q).model_dump() for q in script]

    expected = chat(None)
    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(chat, range(12))) == [expected] * 12


BUILDER = """
import json, sys, time
from filmqa.pipeline import FilmQA
corpus, cache, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
while time.time() < start:
    time.sleep(0.005)
notes = []
qa = FilmQA.from_directory(corpus, cache_dir=cache, notice=notes.append)
print(json.dumps({"notes": notes, "hits": [h.doc_id for h in qa.search("Walter Hill director", k=3)]}))
"""


def test_processes_building_one_cache_leave_one_valid_index(seeds_dir, tmp_path):
    cache = tmp_path / "cache"
    start = time.time() + 3  # all start building together, after their imports
    procs = [
        subprocess.Popen([sys.executable, "-c", BUILDER, str(seeds_dir), str(cache), str(start)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
        results.append(json.loads(out))
    assert all(r["notes"] == [] for r in results)
    assert len({tuple(r["hits"]) for r in results}) == 1 and results[0]["hits"]
    entries = sorted(p.name for p in cache.iterdir())
    key = store.corpus_key(seeds_dir)
    assert entries == [f"index-{key}"]  # no half-written or temporary folders left
    store.load(cache, key)  # raises if it is not sound
    notes: list[str] = []
    qa = FilmQA.from_directory(seeds_dir, cache_dir=cache, notice=notes.append)
    assert notes == [] and [h.doc_id for h in qa.search("Walter Hill director", k=3)] == results[0]["hits"]
