"""benchmarks/run.py: sizes, the rank-bm25 skip rule, and one tiny run end to end."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "run.py"
_spec = importlib.util.spec_from_file_location("bench_run", SCRIPT)
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)


def test_sizes_keep_their_labels():
    assert run.parse_sizes("1k,10k,100k,1M") == [("1k", 1_000), ("10k", 10_000), ("100k", 100_000), ("1M", 1_000_000)]
    assert run.parse_sizes("2500,0.5m") == [("2500", 2_500), ("0.5m", 500_000)]


def test_rank_bm25_is_skipped_where_a_query_would_pass_a_second(monkeypatch):
    measured = {"passages": 100_000, "median_ms": 110.0, "peak_rss_mb": 229.0, "where": "99,792 passages"}
    monkeypatch.setattr(run, "mem_available_mb", lambda: 20_000.0)
    assert run.rank_bm25_skip(100_000, measured) is None  # measured there: run it
    assert run.rank_bm25_skip(500_000, measured) is None  # ~0.55 s a query
    why = run.rank_bm25_skip(1_000_000, measured)
    assert why and "1.1 s a query" in why and "> 1 s" in why
    monkeypatch.setattr(run, "mem_available_mb", lambda: 500.0)
    assert "GB projected" in run.rank_bm25_skip(200_000, measured)


def test_a_tiny_run_end_to_end(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = tmp_path / "results.md"
    proc = subprocess.run([sys.executable, str(SCRIPT), "--sizes", "120", "--no-seeds", "--queries", "5", "--ask-budget", "20",
                           "--bm25-budget", "10", "--work", str(tmp_path / "work"), "--out", str(out)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    table = out.read_text()
    rows = {line.split(" | ")[0].strip("| "): line for line in table.splitlines() if line.startswith("| ")}
    assert "error" not in table
    for name in ("build (s)", "load from cache, fresh process (s)", "search k=10 median / p95 (ms)", "ask median / p95 (ms)",
                 "rank-bm25 get_scores+top-10 (ms)", "`filmqa ask` whole process, cached (s, median of 5)"):
        assert name in rows and "–" not in rows[name].split(" | ")[1], rows.get(name)
    assert "5/5 / 5/5" in rows["same top-10 as rank-bm25 (identical / up to ties)"]
