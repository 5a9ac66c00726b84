#!/usr/bin/env python3
"""Benchmark filmqa at several corpus sizes, with rank-bm25 side by side.

    python3 benchmarks/run.py [--sizes 1k,10k,100k] [--queries 200] [--out benchmarks/results.md]

For each size (in passages) a synthetic corpus is generated with
``benchmarks/make_corpus.py`` into ``--work`` (reused when present), then every
measurement runs in its own fresh Python process, which reports its own peak
RSS (``VmHWM`` from ``/proc/self/status``):

* build   - ``FilmQA.from_directory(cache=True)`` on an empty cache: wall time,
            split into reading/cleaning/passaging (``build_corpus``), analysing
            the passages, ``PostingsBM25.build`` and ``store.save``; index size
            on disk; peak RSS;
* serve   - ``import filmqa`` time, load from the cache, ``search`` (k=10)
            median/p95 over ``--queries`` random 3-8 word queries drawn from the
            passages, the engine alone (``get_scores`` + ``top_k`` on analysed
            terms), the one-off first-``ask`` warm-up (``qa.knowledge``), ``ask``
            median/p95 and accuracy over the gold questions (judged with
            ``filmqa.evaluation``'s loader and ``is_correct``); peak RSS;
* rank-bm25 - ``BM25Okapi`` over the same analysed tokens
            (``filmqa.pipeline.passage_terms``): build time, ``get_scores`` +
            top-10 per query, and how often its top-10 equals filmqa's. Its
            query time and memory grow linearly with the passages: a size where
            the largest run so far projects more than 1 s a query (or more than
            60% of the free memory) is skipped, and the table says why; a run
            stops once its median query passes 1 s. It runs in its own process,
            reading each passage's terms once (never all held);
* cli     - ``filmqa ask "<question>"`` as a whole process with the index
            cached, 5 runs, median.

The "seeds" column is the bundled corpus with its gold set (``eval/gold.jsonl``)
and ``filmqa ask "Who directed Red Heat?"``. ``1M`` is opt-in (``--sizes 1k,10k,100k,1M``). Each step after the build checks
that the corpus's index key is the one built (a file or filmqa's code changed
during the run would otherwise show as a silent rebuild).
``--profile`` adds a cProfile of the largest build (a separate, slower run).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAKE_CORPUS = HERE / "make_corpus.py"
SIZES = {"seeds": 0, "1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
DEFAULT_SIZES = "1k,10k,100k"
# make_corpus writes ~26.7 passages per film (3 documents); measured on 50 films
PASSAGES_PER_FILM = 26.7
RANK_BM25_SLOW_QUERY_S = 1.0
RANK_BM25_MEMORY_SHARE = 0.6  # of MemAvailable that a rank-bm25 run may be projected to use
# rank-bm25 at 99,792 passages (benchmarks/results.md of 2026-11-22): the projection base
# when this run has not measured it at a smaller size
RANK_BM25_REFERENCE = {"passages": 99_792, "median_ms": 64.55, "peak_rss_mb": 964.0, "where": "an earlier run"}
SEEDS_QUESTION = "Who directed Red Heat?"
CLI_RUNS = 5


# --------------------------------------------------------------------------- helpers (both sides)


def _proc_mb(path: str, field: str) -> float | None:
    """A kB line of a /proc file (``VmHWM`` of /proc/self/status, ``MemAvailable`` of /proc/meminfo), in MB."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def peak_rss_mb() -> float | None:
    """This process's peak resident set size (VmHWM), in MB."""
    peak = _proc_mb("/proc/self/status", "VmHWM")
    if peak is None:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return peak


def rss_mb() -> float | None:
    return _proc_mb("/proc/self/status", "VmRSS")


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1))]


def summary_ms(seconds: list[float]) -> dict:
    if not seconds:
        return {"n": 0, "median_ms": None, "p95_ms": None}
    return {"n": len(seconds), "median_ms": statistics.median(seconds) * 1000,
            "p95_ms": percentile(seconds, 0.95) * 1000}


_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|\d{4}")


def make_queries(passages, n: int, seed: int = 0) -> list[str]:
    """``n`` keyword queries of 3-8 words, each drawn from one random passage."""
    rng = random.Random(f"filmqa-bench/{seed}")
    queries: list[str] = []
    if not passages:
        return queries
    attempts = 0
    while len(queries) < n and attempts < 50 * n:
        attempts += 1
        p = passages[rng.randrange(len(passages))]
        words = _WORD.findall(f"{p.section or ''} {p.text}")
        if len(words) < 3:
            continue
        k = rng.randint(3, 8)
        queries.append(" ".join(rng.sample(words, min(k, len(words)))))
    return queries


def top10(scores) -> list[int]:
    """Positive-score top 10 passage ids, best first, ties to the lower id: filmqa's own ``top_k``
    applied to either engine's scores, so the two are ranked by one rule."""
    from filmqa.retriever.bm25 import top_k

    return [i for i, _ in top_k(scores, 10)]


def index_files(path: Path) -> dict[str, int]:
    return {p.relative_to(path).as_posix(): p.stat().st_size for p in sorted(path.rglob("*")) if p.is_file()}


def gold_turns(gold):
    """(conversation key, turn) for every question of a loaded gold set."""
    from filmqa.evaluation import GoldChain

    for entry in gold.items:
        if isinstance(entry, GoldChain):
            for turn in entry.turns:
                yield entry.id, turn
        else:
            yield None, entry


# --------------------------------------------------------------------------- workers (child processes)


def _timed(fn, stages: dict, stage: str):
    """``fn``, adding the time spent in it to ``stages[stage]``."""
    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            stages[stage] += time.perf_counter() - t
    return wrapper


def _timed_class(cls, name: str, stages: dict, stage: str) -> None:
    """Time the classmethod ``cls.name`` into ``stages[stage]``."""
    setattr(cls, name, classmethod(_timed(cls.__dict__[name].__func__, stages, stage)))


def worker_build(args) -> dict:
    """Build the index from scratch into an empty cache entry, timing each stage."""
    import filmqa.pipeline as pl
    from filmqa.reader.knowledge import Knowledge
    from filmqa.retriever import store
    from filmqa.retriever.bm25 import PostingsBM25
    from filmqa.retriever.columns import DocumentTable, PassageTable

    stages = {"corpus_s": 0.0, "analyse_s": 0.0, "bm25_s": 0.0, "columns_s": 0.0, "knowledge_s": 0.0, "save_s": 0.0}

    pl.build_corpus = _timed(pl.build_corpus, stages, "corpus_s")
    pl.passage_terms = _timed(pl.passage_terms, stages, "analyse_s")  # called inside PostingsBM25.build's loop
    store.save = _timed(store.save, stages, "save_s")
    _timed_class(PostingsBM25, "build", stages, "bm25_s")
    _timed_class(PassageTable, "from_passages", stages, "columns_s")
    _timed_class(DocumentTable, "from_documents", stages, "columns_s")
    _timed_class(Knowledge, "from_corpus", stages, "knowledge_s")

    cache = Path(args.cache)
    key = store.corpus_key(args.corpus)
    shutil.rmtree(cache / f"index-{key}", ignore_errors=True)
    rss0 = peak_rss_mb()
    t = time.perf_counter()
    qa = pl.FilmQA.from_directory(args.corpus, cache=True, cache_dir=cache)
    total = time.perf_counter() - t
    if qa.cache_path is None:
        raise SystemExit(f"the index was not written: {qa.notices}")
    stages["bm25_s"] -= stages["analyse_s"]  # the analyser runs inside the index build
    files = index_files(qa.cache_path)
    return {
        "build_s": total,
        "other_s": total - sum(stages.values()),
        **stages,
        "key": key,
        "passages": len(qa.passages),
        "documents": len(qa.documents),
        "films": len(qa.films),
        "terms": len(qa.engine.vocab),
        "postings": int(len(qa.engine.post_ids)),
        "index_bytes": sum(files.values()),
        "index_files": files,
        "rss_before_mb": rss0,
        "peak_rss_mb": peak_rss_mb(),
    }


def _load(args):
    """Import filmqa and load the corpus from the cache; fail if it had to be rebuilt."""
    t = time.perf_counter()
    import filmqa  # noqa: F401
    import filmqa.pipeline as pl

    import_s = time.perf_counter() - t
    from filmqa.retriever import store

    if args.key and store.corpus_key(args.corpus) != args.key:
        # what made the 100k serve run of 2026-11-22 rebuild: the index code was edited during the run
        raise SystemExit("the index key changed since the build: the corpus files or filmqa's code changed during the run")
    rebuilt = []
    real = pl.build_corpus

    def build_corpus(*a, **k):
        rebuilt.append(True)
        return real(*a, **k)

    pl.build_corpus = build_corpus
    t = time.perf_counter()
    qa = pl.FilmQA.from_directory(args.corpus, cache=True, cache_dir=args.cache)
    load_s = time.perf_counter() - t
    pl.build_corpus = real
    if rebuilt:
        raise SystemExit(f"the index was not in the cache {args.cache}: it was rebuilt ({qa.notices})")
    return qa, import_s, load_s


def worker_serve(args) -> dict:
    """Load from the cache, then time search, the engine alone and ask (+ accuracy)."""
    qa, import_s, load_s = _load(args)
    from filmqa.evaluation import is_correct, load_gold
    from filmqa.retriever.analysis import analyse
    from filmqa.retriever.bm25 import top_k

    out = {"import_s": import_s, "load_s": load_s, "passages": len(qa.passages),
           "peak_rss_load_mb": peak_rss_mb(), "rss_load_mb": rss_mb()}
    queries = make_queries(qa.passages, args.queries)

    times = []
    for q in queries:
        t = time.perf_counter()
        qa.search(q, k=10)
        times.append(time.perf_counter() - t)
    out["search"] = summary_ms(times)

    times = []
    for q in queries:
        terms = analyse(q)
        t = time.perf_counter()
        top_k(qa.engine.get_scores(terms), 10)
        times.append(time.perf_counter() - t)
    out["engine"] = summary_ms(times)

    t = time.perf_counter()
    qa.knowledge  # noqa: B018 - built once, on the first ask of a process
    out["warmup_s"] = time.perf_counter() - t

    gold = load_gold(args.gold)
    times, correct, errors = [], 0, 0
    conversations: dict[str, object] = {}
    deadline = time.perf_counter() + args.ask_budget
    total = sum(1 for _ in gold_turns(gold))
    for chain, turn in gold_turns(gold):
        if time.perf_counter() > deadline:
            break
        ask = conversations.setdefault(chain, qa.conversation()).ask if chain else qa.ask
        t = time.perf_counter()
        try:
            reply = ask(turn.question)
        except Exception:  # noqa: BLE001 - a crash is a wrong answer, not a stop
            errors += 1
            reply = None
        times.append(time.perf_counter() - t)
        correct += bool(reply is not None and is_correct(turn, reply))
    out["ask"] = summary_ms(times)
    out["accuracy"] = {"correct": correct, "asked": len(times), "questions": total, "errors": errors}
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def worker_rank_bm25(args) -> dict:
    """rank-bm25 BM25Okapi on the same analysed tokens, against filmqa's engine."""
    import numpy as np
    from rank_bm25 import BM25Okapi

    qa, _, _ = _load(args)
    from filmqa.pipeline import passage_terms
    from filmqa.retriever.analysis import analyse

    rss0 = rss_mb()
    t = time.perf_counter()
    analyse_s = 0.0

    def tokens():  # a generator: BM25Okapi reads each passage's terms once, they are never all held
        nonlocal analyse_s
        for p in qa.passages:
            t0 = time.perf_counter()
            terms = passage_terms(p)
            analyse_s += time.perf_counter() - t0
            yield terms

    bm = BM25Okapi(tokens())
    build_s = time.perf_counter() - t - analyse_s
    out = {"analyse_s": analyse_s, "build_s": build_s, "rss_before_mb": rss0, "rss_after_mb": rss_mb()}
    times, same_top10, same_ties, max_rel, stopped = [], 0, 0, 0.0, None
    deadline = time.perf_counter() + args.bm25_budget
    for q in make_queries(qa.passages, args.queries):
        terms = analyse(q)
        t = time.perf_counter()
        scores = bm.get_scores(terms)
        ours = top10(scores)
        dt = time.perf_counter() - t
        times.append(dt)
        mine_scores = qa.engine.get_scores(terms)
        mine = top10(mine_scores)
        same_top10 += ours == mine
        # equal up to ties: rank by rank, rank-bm25's score of filmqa's passage is its own
        same_ties += len(ours) == len(mine) and bool(np.allclose(scores[ours], scores[mine], rtol=1e-4, atol=0))
        nz = scores > 0
        if nz.any():
            max_rel = max(max_rel, float(np.max(np.abs(mine_scores[nz] - scores[nz]) / scores[nz])))
        if len(times) >= 5 and statistics.median(times) > RANK_BM25_SLOW_QUERY_S:
            stopped = f"median query over {RANK_BM25_SLOW_QUERY_S:g} s: stopped after {len(times)}"
            break
        if time.perf_counter() > deadline:
            stopped = f"time budget {args.bm25_budget:g} s used: stopped after {len(times)}"
            break
    out.update(search=summary_ms(times), same_top10=same_top10, same_ties=same_ties, compared=len(times),
               max_rel_diff=max_rel, stopped=stopped, peak_rss_mb=peak_rss_mb())
    return out


WORKERS = {"build": worker_build, "serve": worker_serve, "rank_bm25": worker_rank_bm25}


def worker_main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=sorted(WORKERS))
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--gold")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--ask-budget", type=float, default=180)
    ap.add_argument("--bm25-budget", type=float, default=120)
    ap.add_argument("--key", help="the index key of the build step (serve checks it is unchanged)")
    ap.add_argument("--result", required=True)
    args = ap.parse_args(argv)
    result = WORKERS[args.mode](args)
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------- parent


def run_worker(mode: str, corpus: Path, cache: Path, timeout: float, **opts) -> dict:
    """Run one worker in a fresh interpreter; its JSON result, or {"error": ...}."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        result = Path(f.name)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", mode,
           "--corpus", str(corpus), "--cache", str(cache), "--result", str(result)]
    for k, v in opts.items():
        if v is not None:
            cmd += [f"--{k.replace('_', '-')}", str(v)]
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        result.unlink(missing_ok=True)
        return {"error": f"timed out after {timeout:g} s"}
    wall = time.perf_counter() - t
    try:
        if proc.returncode != 0:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
            return {"error": tail[0][:200]}
        data = json.loads(result.read_text(encoding="utf-8"))
        data["process_s"] = wall
        return data
    finally:
        result.unlink(missing_ok=True)


def ensure_corpus(work: Path, target: int) -> tuple[Path, Path, int]:
    """The generated corpus for ``target`` passages (made once, then reused)."""
    films = max(1, round(target / PASSAGES_PER_FILM))
    folder = work / "corpora" / f"films-{films}"
    if not (folder / "gold.jsonl").is_file():
        if folder.exists():
            shutil.rmtree(folder)
        print(f"  generating {films} films into {folder} ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, str(MAKE_CORPUS), "--films", str(films), "--out", str(folder)],
                       check=True, stdout=subprocess.DEVNULL)
    return folder, folder / "gold.jsonl", films


def cli_ask(corpus: Path | None, cache: Path, question: str, runs: int = CLI_RUNS) -> dict:
    """Whole-process wall time of ``filmqa ask`` with the index cached (median of ``runs``)."""
    exe = shutil.which("filmqa")
    cmd = [exe] if exe else [sys.executable, "-m", "filmqa"]
    cmd += ["ask", question] + (["--corpus", str(corpus)] if corpus else [])
    env = dict(os.environ, FILMQA_CACHE_DIR=str(cache))
    times, out = [], ""
    for i in range(runs + 1):  # the first run only makes sure the cache is there
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
        if i:
            times.append(time.perf_counter() - t)
        out = proc.stdout
        if proc.returncode != 0:
            return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1][:200]}
    return {"median_s": statistics.median(times), "runs": runs, "first_line": out.strip().splitlines()[:1]}


def import_time(runs: int = CLI_RUNS) -> dict:
    code = "import time; t = time.perf_counter(); import filmqa; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(runs)]
    bare = [0.0]
    t = time.perf_counter()
    for _ in range(runs):
        subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = (time.perf_counter() - t) / runs
    return {"median_s": statistics.median(times), "python_startup_s": bare}


def first_answerable(gold_path: Path) -> str:
    from filmqa.evaluation import load_gold

    for _, turn in gold_turns(load_gold(gold_path)):
        if turn.answerable:
            return turn.question
    return SEEDS_QUESTION


def mem_available_mb() -> float | None:
    return _proc_mb("/proc/meminfo", "MemAvailable")


def rank_bm25_skip(passages: int, measured: dict) -> str | None:
    """Why rank-bm25 is left out at this size (its query time or memory, projected linearly), or None."""
    ratio = passages / max(measured["passages"], 1)
    if ratio <= 1:
        return None
    median_s = measured["median_ms"] / 1000 * ratio
    if median_s > RANK_BM25_SLOW_QUERY_S:
        return (f"about {median_s:.1f} s a query, projected from {measured['median_ms']:.0f} ms at {measured['where']}"
                f" (> {RANK_BM25_SLOW_QUERY_S:g} s)")
    rss = measured["peak_rss_mb"] * ratio
    avail = mem_available_mb()
    if avail and rss > RANK_BM25_MEMORY_SHARE * avail:
        return f"about {rss / 1024:.1f} GB projected from {measured['where']}, more than {RANK_BM25_MEMORY_SHARE:.0%} of the {avail / 1024:.1f} GB available"
    return None


def bench_size(label: str, target: int, args, work: Path, measured: dict) -> dict:
    cache = work / "cache"
    if label == "seeds":
        from filmqa.evaluation.harness import default_gold_path
        from filmqa.pipeline import default_corpus_dir

        corpus, gold, films = default_corpus_dir(), default_gold_path(), None
        question = SEEDS_QUESTION
    else:
        corpus, gold, films = ensure_corpus(work, target)
        question = first_answerable(gold)
    row: dict = {"label": label, "target": target, "corpus": str(corpus), "films_generated": films}
    # a bound on each step: generous, scaled with the size
    scale = max(1.0, target / 10_000)
    print(f"[{label}] build ...", file=sys.stderr, flush=True)
    row["build"] = run_worker("build", corpus, cache, timeout=args.timeout * scale)
    if "error" in row["build"]:
        return row
    print(f"[{label}] serve ...", file=sys.stderr, flush=True)
    row["serve"] = run_worker("serve", corpus, cache, timeout=args.timeout * scale + args.ask_budget,
                              gold=gold, queries=args.queries, ask_budget=args.ask_budget, key=row["build"].get("key"))
    passages = row["build"]["passages"]
    skip = rank_bm25_skip(passages, measured)
    if skip:
        row["rank_bm25"] = {"skipped": skip}
    else:
        print(f"[{label}] rank-bm25 ...", file=sys.stderr, flush=True)
        row["rank_bm25"] = run_worker("rank_bm25", corpus, cache,
                                      timeout=args.timeout * scale + args.bm25_budget,
                                      queries=args.queries, bm25_budget=args.bm25_budget, key=row["build"].get("key"))
        if row["rank_bm25"].get("search", {}).get("median_ms"):
            measured.update(passages=passages, median_ms=row["rank_bm25"]["search"]["median_ms"],
                            peak_rss_mb=row["rank_bm25"]["peak_rss_mb"], where=f"{passages:,} passages")
    print(f"[{label}] cli ...", file=sys.stderr, flush=True)
    row["cli"] = cli_ask(None if label == "seeds" else corpus, cache, question)
    row["cli_question"] = question
    return row


def profile_build(corpus: Path, work: Path, top: int = 25) -> str:
    """cProfile of one from-scratch build (slower than an unprofiled build)."""
    cache = Path(tempfile.mkdtemp(prefix="profile-cache-", dir=work))
    stats = work / "build.prof"
    code = (
        "import cProfile, sys; import filmqa.pipeline as pl; "
        f"cProfile.run('pl.FilmQA.from_directory({str(corpus)!r}, cache=True, cache_dir={str(cache)!r})', "
        f"{str(stats)!r})"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    shutil.rmtree(cache, ignore_errors=True)
    import io
    import pstats

    buf = io.StringIO()
    st = pstats.Stats(str(stats), stream=buf)
    st.sort_stats("cumulative").print_stats(top)
    st.sort_stats("tottime").print_stats(top)
    return buf.getvalue()


# --------------------------------------------------------------------------- table


def _f(v, fmt: str, unit: str = "") -> str:
    return "–" if v is None else f"{format(v, fmt)}{unit}"


def _ms_pair(d: dict | None) -> str:
    if not d or d.get("median_ms") is None:
        return "–"
    return f"{d['median_ms']:.2f} / {d['p95_ms']:.2f}"


def _ratio(a: dict | None, b: dict | None) -> str:
    if not a or not b or not a.get("median_ms") or not b.get("median_ms"):
        return "–"
    return f"{a['median_ms'] / b['median_ms']:,.0f}×"


def table(rows: list[dict]) -> str:
    metrics: list[tuple[str, callable]] = []

    def m(name):
        def deco(fn):
            metrics.append((name, fn))
            return fn
        return deco

    def get(row, *path):
        d = row
        for p in path:
            if not isinstance(d, dict):
                return None
            d = d.get(p)
        return d

    def err(row, part):
        e = get(row, part, "error")
        return f"error: {e}" if e else None

    m("passages / documents")(lambda r: err(r, "build") or f"{r['build']['passages']:,} / {r['build']['documents']:,}")
    m("terms / postings")(lambda r: get(r, "build", "terms") and f"{r['build']['terms']:,} / {r['build']['postings']:,}")
    m("build (s)")(lambda r: _f(get(r, "build", "build_s"), ".2f"))
    m("  corpus / analyse / bm25 / columns / knowledge / save (s)")(lambda r: get(r, "build", "build_s") and " / ".join(
        f"{r['build'].get(k, 0):.2f}" for k in ("corpus_s", "analyse_s", "bm25_s", "columns_s", "knowledge_s", "save_s")))
    m("build peak RSS (MB)")(lambda r: _f(get(r, "build", "peak_rss_mb"), ",.0f"))
    m("index on disk (MB)")(lambda r: _f(get(r, "build", "index_bytes") and r["build"]["index_bytes"] / 1e6, ",.1f"))
    m("  of which texts / documents / postings (MB)")(lambda r: get(r, "build", "index_files") and " / ".join(
        f"{sum(r['build']['index_files'].get(f, 0) for f in files) / 1e6:,.1f}"
        for files in (("p_text.npy", "s_text.npy"), ("d_json.npy",), ("post_ids.npy", "post_w.npy"))))
    m("load from cache, fresh process (s)")(lambda r: err(r, "serve") or _f(get(r, "serve", "load_s"), ".3f"))
    m("serve peak RSS after load / after asks (MB)")(lambda r: get(r, "serve", "peak_rss_mb") and
                                                      f"{r['serve']['peak_rss_load_mb']:,.0f} / {r['serve']['peak_rss_mb']:,.0f}")
    m("search k=10 median / p95 (ms)")(lambda r: _ms_pair(get(r, "serve", "search")))
    m("  engine only: get_scores+top_k (ms)")(lambda r: _ms_pair(get(r, "serve", "engine")))
    m("rank-bm25 get_scores+top-10 (ms)")(lambda r: get(r, "rank_bm25", "skipped") and f"skipped ({r['rank_bm25']['skipped']})"
                                           or err(r, "rank_bm25") or _ms_pair(get(r, "rank_bm25", "search")))
    m("rank-bm25 / filmqa engine (median)")(lambda r: _ratio(get(r, "rank_bm25", "search"), get(r, "serve", "engine")))
    m("rank-bm25 build, after analysing (s) / peak RSS (MB)")(lambda r: get(r, "rank_bm25", "build_s") is not None and
                                              f"{r['rank_bm25']['build_s']:.2f} / {r['rank_bm25']['peak_rss_mb']:,.0f}" or "–")
    m("same top-10 as rank-bm25 (identical / up to ties)")(lambda r: get(r, "rank_bm25", "compared") and
                                                 f"{r['rank_bm25']['same_top10']}/{r['rank_bm25']['compared']} / "
                                                 f"{r['rank_bm25']['same_ties']}/{r['rank_bm25']['compared']}"
                                                 + (f" ({r['rank_bm25']['stopped']})" if r['rank_bm25'].get('stopped') else ""))
    m("  max relative score difference")(lambda r: _f(get(r, "rank_bm25", "max_rel_diff"), ".1e"))
    m("first ask warm-up (knowledge, s)")(lambda r: _f(get(r, "serve", "warmup_s"), ".2f"))
    m("ask median / p95 (ms)")(lambda r: _ms_pair(get(r, "serve", "ask")))
    m("ask accuracy on gold")(lambda r: get(r, "serve", "accuracy") and (
        lambda a: f"{100 * a['correct'] / max(a['asked'], 1):.1f}% ({a['correct']}/{a['asked']}"
                  + (f" of {a['questions']}" if a["asked"] < a["questions"] else "") + ")")(r["serve"]["accuracy"]))
    m("`filmqa ask` whole process, cached (s, median of 5)")(lambda r: err(r, "cli") or _f(get(r, "cli", "median_s"), ".2f"))
    m("`import filmqa` (s)")(lambda r: get(r, "import") and
                             f"{r['import']['median_s']:.3f} (python startup {r['import']['python_startup_s']:.3f})")

    labels = [r["label"] for r in rows]
    lines = ["| metric | " + " | ".join(labels) + " |", "|---|" + "---:|" * len(labels)]
    for name, fn in metrics:
        cells = []
        for r in rows:
            try:
                v = fn(r)
            except (KeyError, TypeError, ZeroDivisionError):
                v = None
            cells.append(v if isinstance(v, str) and v else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def parse_sizes(text: str) -> list[tuple[str, int]]:
    out = []
    for label in (p.strip() for p in text.split(",") if p.strip()):
        part = label.lower()
        if part in SIZES:
            out.append((label, SIZES[part]))
            continue
        m = re.fullmatch(r"(\d+(?:\.\d+)?)([km]?)", part)
        if not m:
            raise argparse.ArgumentTypeError(f"bad size {part!r} (e.g. 1k, 10k, 100k, 1m, 5000)")
        n = int(float(m.group(1)) * {"": 1, "k": 1_000, "m": 1_000_000}[m.group(2)])
        out.append((label, n))
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        return worker_main(argv[1:])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=parse_sizes, default=parse_sizes(DEFAULT_SIZES),
                    help=f"corpus sizes in passages (default {DEFAULT_SIZES}; 1m is opt-in)")
    ap.add_argument("--queries", type=int, default=200, help="search queries per size (default 200)")
    ap.add_argument("--out", type=Path, default=HERE / "results.md")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "filmqa-bench",
                    help="where generated corpora and index caches are kept and reused")
    ap.add_argument("--no-seeds", action="store_true", help="leave out the seeds column")
    ap.add_argument("--timeout", type=float, default=300,
                    help="seconds allowed per step per 10k passages (default 300)")
    ap.add_argument("--ask-budget", type=float, default=180, help="seconds of gold questions per size")
    ap.add_argument("--bm25-budget", type=float, default=120, help="seconds of rank-bm25 queries per size")
    ap.add_argument("--profile", action="store_true", help="add a cProfile of the largest build")
    args = ap.parse_args(argv)
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)

    sizes = ([] if args.no_seeds else [("seeds", 0)]) + [s for s in args.sizes if s[0].lower() != "seeds"]
    started = time.perf_counter()
    rows = []
    measured = dict(RANK_BM25_REFERENCE)  # the largest rank-bm25 run so far, to project the next size from
    for label, target in sizes:
        row = bench_size(label, target, args, work, measured)
        if label == "seeds":
            row["import"] = import_time()
        rows.append(row)
        (work / "results.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")

    commit = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    header = [
        "# filmqa benchmarks",
        "",
        f"`python3 benchmarks/run.py --sizes {','.join(l for l, _ in sizes if l != 'seeds')}"
        f" --queries {args.queries}` — commit {commit or '?'}, {time.strftime('%Y-%m-%d')}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}; "
        f"ran in {time.perf_counter() - started:.0f} s.",
        "",
        "Each size is a corpus from `benchmarks/make_corpus.py` (seed 0) with about that many passages; "
        "every measurement runs in a fresh process that reports its own peak RSS (VmHWM). "
        "Times in ms are median / p95. `search` is `FilmQA.search(q, k=10)` over random 3–8 word queries "
        "drawn from the passages; \"engine only\" and rank-bm25 score the same analysed terms "
        "(`passage_terms` for the passages). `ask` runs the corpus's gold questions, judged by "
        "`filmqa.evaluation.is_correct`; its latency excludes the one-off first-ask warm-up. "
        "The seeds column uses `eval/gold.jsonl` and `filmqa ask \"Who directed Red Heat?\"`; the other "
        "columns time `filmqa ask --corpus DIR` on the first gold question.",
        "",
    ]
    text = "\n".join(header) + table(rows)
    if args.profile:
        largest = max((r for r in rows if r["label"] != "seeds"), key=lambda r: r["target"], default=None)
        if largest:
            print(f"[{largest['label']}] profiling the build ...", file=sys.stderr, flush=True)
            prof = profile_build(Path(largest["corpus"]), work)
            text += f"\n## cProfile of the {largest['label']} build\n\n```\n{prof}```\n"
    print(text)
    args.out.write_text(text, encoding="utf-8")
    return 0 if all("error" not in r.get("build", {}) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
