"""PostingsBM25 ranks passages as rank-bm25's BM25Okapi does, on the same tokens.

Both engines index ``filmqa.pipeline.passage_terms`` of every passage and score
``analyse(query)``; the reference top-10 is rank-bm25's ``get_scores`` sorted by
(score descending, passage id ascending), positive scores only (``top_k``
drops zero scores).

What differs, and why (measured on the seeds and on a 50-film generated corpus):

* scores: PostingsBM25 stores each posting's length-normalised tf weight as
  float32, so scores differ from rank-bm25's float64 by ~1e-7 relative (the
  idf values are identical);
* rankings: only among passages with equal scores. The generated corpus is
  full of template passages (the same "Rotten Tomatoes" or box-office lines
  for many films) whose rank-bm25 scores are exactly equal, often more of them
  than fit in the top 10. ``top_k`` picks the tied passages that
  ``np.argpartition`` happens to leave in its first k, then orders those by
  id, so at the 10th-place boundary it may keep other tied passages than the
  lowest ids (about 40% of the generated-corpus queries, a few on the seeds).
  Rarely, two passages whose rank-bm25 scores differ only in the last bits of
  float64 summation are exactly equal in float32 and swap places.

So the check is: rank by rank, rank-bm25's score of filmqa's passage equals
rank-bm25's own score at that rank (within 1e-4 relative), and every
passage that is not in the reference list is tied with the reference's
last-place score.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from filmqa.evaluation import GoldChain, load_gold
from filmqa.pipeline import FilmQA, default_corpus_dir, passage_terms
from filmqa.retriever.analysis import analyse

ROOT = Path(__file__).resolve().parents[1]
K = 10
RTOL = 1e-4
N_QUERIES = 50


def questions(gold_path: Path) -> list[str]:
    out = []
    for entry in load_gold(gold_path).items:
        out += [t.question for t in entry.turns] if isinstance(entry, GoldChain) else [entry.question]
    return out


def keyword_queries(passages, n: int, seed: int = 7) -> list[str]:
    """3-8 words drawn from random passages (the benchmark's kind of query)."""
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        words = re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]", passages[rng.randrange(len(passages))].text)
        if len(words) >= 3:
            out.append(" ".join(rng.sample(words, min(rng.randint(3, 8), len(words)))))
    return out


def query_set(qa: FilmQA, gold_path: Path) -> list[str]:
    """Half gold questions, half keyword queries, plus edge cases."""
    half = N_QUERIES // 2
    edge = ["", "zzzqqx unknownword", "film film film director", "the of and a"]
    return questions(gold_path)[:half] + keyword_queries(qa.passages, N_QUERIES - half) + edge


def reference_top(scores: np.ndarray, k: int = K) -> list[int]:
    return sorted((i for i in range(len(scores)) if scores[i] > 0), key=lambda i: (-scores[i], i))[:k]


class Compared:
    def __init__(self, corpus: Path, gold: Path):
        self.qa = FilmQA.from_directory(corpus, cache=False)
        self.tokens = [passage_terms(p) for p in self.qa.passages]
        self.bm = BM25Okapi(self.tokens)
        self.queries = query_set(self.qa, gold)


@pytest.fixture(scope="module")
def seeds() -> Compared:
    return Compared(default_corpus_dir(), ROOT / "eval" / "gold.jsonl")


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Compared:
    out = tmp_path_factory.mktemp("films") / "corpus"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "--films", "50", "--out", str(out),
                    "--questions", "60"], check=True, stdout=subprocess.DEVNULL)
    return Compared(out, out / "gold.jsonl")


CORPORA = ["seeds", "generated"]


@pytest.fixture(params=CORPORA)
def corpus(request) -> Compared:
    return request.getfixturevalue(request.param)


def test_passage_ids_are_positions(corpus):
    assert [p.id for p in corpus.qa.passages] == list(range(len(corpus.qa.passages)))
    assert corpus.qa.engine.n_docs == corpus.bm.corpus_size == len(corpus.tokens)


def test_same_vocabulary_document_frequencies_and_idf(corpus):
    engine, bm = corpus.qa.engine, corpus.bm
    assert set(engine.vocab) == set(bm.idf)
    df = {}
    for doc in bm.doc_freqs:
        for term in doc:
            df[term] = df.get(term, 0) + 1
    for term, t in engine.vocab.items():
        assert engine.doc_freq(term) == df[term], term
        assert engine.idf[t] == pytest.approx(bm.idf[term], rel=1e-12, abs=1e-12), term


def test_scores_equal_within_tolerance(corpus):
    engine, bm = corpus.qa.engine, corpus.bm
    nonzero = 0
    for q in corpus.queries:
        terms = analyse(q)
        ours, ref = engine.get_scores(terms), bm.get_scores(terms)
        assert ours.shape == ref.shape
        # zero exactly where rank-bm25 is zero, else within RTOL relative
        np.testing.assert_array_equal(ours == 0, ref == 0, err_msg=q)
        np.testing.assert_allclose(ours, ref, rtol=RTOL, atol=0, err_msg=q)
        nonzero += bool(ref.any())
    assert nonzero >= N_QUERIES - 2  # the queries really hit passages


def test_top10_agrees_up_to_ties(corpus, request):
    bm, qa = corpus.bm, corpus.qa
    identical, tie_diffs, full = 0, [], 0
    for q in corpus.queries:
        terms = analyse(q)
        ref_scores = bm.get_scores(terms)
        ref = reference_top(ref_scores)
        hits = qa.search_terms(terms, k=K)
        ours = [h.id for h in hits]
        full += len(ref) == K
        # filmqa's reported scores are its own, close to rank-bm25's
        for h in hits:
            assert h.score == pytest.approx(ref_scores[h.id], rel=RTOL)
        assert len(ours) == len(ref), q
        if ours == ref:
            identical += 1
            continue
        # rank by rank the same scores: the lists differ only among ties ...
        np.testing.assert_allclose(ref_scores[ours], ref_scores[ref], rtol=RTOL, atol=0, err_msg=q)
        # ... and a passage left out of the reference is tied with its last place
        last = ref_scores[ref[-1]]
        for i in set(ours) - set(ref):
            assert ref_scores[i] == pytest.approx(last, rel=RTOL), (q, i)
            tied = int(np.sum(np.isclose(ref_scores, last, rtol=RTOL, atol=0)))
            places = sum(1 for j in ref if np.isclose(ref_scores[j], last, rtol=RTOL, atol=0))
            assert tied > places, (q, i)  # more tied passages than places left for them
        tie_diffs.append((q, [i for i in ref if i not in ours], [i for i in ours if i not in ref]))
    assert full >= N_QUERIES // 2  # most queries fill the top 10, so ranks beyond the first matter
    # the differences are the exception on the seeds; on the templated corpus
    # boundary ties are common but the majority of top-10 lists are identical
    assert identical >= 0.5 * len(corpus.queries), (identical, tie_diffs[:5])
    if request.node.callspec.params["corpus"] == "seeds":
        assert identical >= 0.9 * len(corpus.queries), tie_diffs


def test_repeated_and_unknown_query_terms(seeds):
    """rank-bm25 adds a repeated query term once per occurrence; unknown terms add nothing."""
    engine, bm = seeds.qa.engine, seeds.bm
    term = max(engine.vocab, key=engine.doc_freq)
    once, thrice = engine.get_scores([term]), engine.get_scores([term] * 3)
    np.testing.assert_allclose(thrice, 3 * once, rtol=1e-12)
    np.testing.assert_allclose(thrice, bm.get_scores([term] * 3), rtol=RTOL)
    np.testing.assert_array_equal(engine.get_scores(["zzzqqx"]), np.zeros(engine.n_docs))
    np.testing.assert_allclose(engine.get_scores([term, "zzzqqx"]), once, rtol=1e-12)
