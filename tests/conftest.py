"""Shared fixtures. Keep them generic: a corpus folder and an empty index cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from filmqa.pipeline import default_corpus_dir


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The bundled seed corpus (read-only: copy it before changing anything)."""
    return default_corpus_dir()


@pytest.fixture
def tmp_cache(tmp_path, monkeypatch) -> Path:
    """An empty index-cache folder, also set as ``FILMQA_CACHE_DIR`` for the CLI."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("FILMQA_CACHE_DIR", str(cache))
    return cache
