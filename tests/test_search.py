"""The library API: FilmQA.from_directory, search, documents, passages, routing between films."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from filmqa import FilmQA, Passage
from spans import span_errors

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MULTI = ROOT / "tests" / "data" / "multifilm"


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    return FilmQA.from_directory(str(SEEDS), cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.mark.parametrize(
    "query, needle",
    [
        ("Rudas Thermal Bath", "Rudas Thermal Bath"),
        ("James Horner score", "James Horner"),
        ("CinemaScore grade", "CinemaScore"),
        ("wooden leg cocaine", "wooden"),
        ("Blu-ray 2010", "Blu-ray"),
    ],
)
def test_search_puts_the_right_passage_first(qa, query, needle):
    hits = qa.search(query, k=5)
    assert hits and needle in hits[0].text
    assert hits[0].score >= hits[-1].score > 0
    original = (SEEDS / hits[0].doc_id).read_text(encoding="utf-8")
    assert needle.split()[0] in original[hits[0].start : hits[0].end]
    assert span_errors(hits[:1], {hits[0].doc_id: original}) == []


def test_models_are_pydantic_and_serialise(qa):
    hit = qa.search("Blu-ray 2010", k=1)[0]
    again = Passage.model_validate_json(hit.model_dump_json())
    assert again == hit
    assert {d.doc_id for d in qa.documents} == {p.name for p in SEEDS.glob("*.txt")}
    assert all(d.title and d.films for d in qa.documents)
    assert len(qa.passages) == len({p.id for p in qa.passages})


def test_cached_index_gives_the_same_results(tmp_path):
    first = FilmQA.from_directory(SEEDS, cache_dir=tmp_path)
    second = FilmQA.from_directory(SEEDS, cache_dir=tmp_path)
    assert second.cache_path == first.cache_path and second.cache_path.exists()
    assert [p.id for p in second.search("Rotten Tomatoes", k=5)] == [p.id for p in first.search("Rotten Tomatoes", k=5)]


def test_multi_film_corpus_detects_films_and_routes_search(tmp_path):
    qa = FilmQA.from_directory(MULTI, cache_dir=tmp_path)
    labels = [f.label for f in qa.films]
    assert len(labels) >= 4
    night = [l for l in labels if l.startswith("Night Train")]
    assert len(night) == 2  # "Night Train" and "Night Train II" kept apart
    for film in night:
        hits = qa.search("directed by", k=5, film=film)
        assert hits and all(film in h.films for h in hits)


def test_cli_search_json_and_errors(tmp_path):
    env = {"FILMQA_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    out = subprocess.run([sys.executable, "-m", "filmqa", "search", "Blu-ray 2010", "-k", "2", "--json", "--corpus", str(SEEDS)],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert "Blu-ray" in data[0]["text"] and data[0]["doc_id"].endswith(".txt")
    bad = subprocess.run([sys.executable, "-m", "filmqa", "search", "x", "--corpus", str(tmp_path / "missing")],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "not found" in bad.stderr
