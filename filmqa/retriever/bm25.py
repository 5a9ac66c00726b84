"""BM25Okapi scores from a postings matrix: rank-bm25's numbers, at scale.

rank-bm25's ``BM25Okapi`` is the definition of the score (k1=1.5, b=0.75,
idf = ln((N - df + 0.5) / (df + 0.5)), negative idf floored at
epsilon x mean idf; where that mean is <= 0 and rank-bm25 can find nothing
- any corpus of one or two passages, or a few passages sharing most of their
words - Lucene's positive idf is used). It loops over every passage in Python
for every query term, which stops being interactive past ~20k passages. ``PostingsBM25``
precomputes, for each term, the passages that hold it and their length-
normalised term weights, so a query only touches the postings of its terms.
Scores equal rank-bm25's up to float32 rounding of the stored weights.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np

K1 = 1.5
B = 0.75
EPSILON = 0.25


class PostingsBM25:
    """Term -> (passage ids, weights) in CSR arrays; scores by summing postings."""

    def __init__(self, vocab: dict[str, int], idf: np.ndarray, indptr: np.ndarray, post_ids: np.ndarray, post_w: np.ndarray, n_docs: int) -> None:
        self.vocab = vocab
        self.idf = idf
        self.indptr = indptr
        self.post_ids = post_ids
        self.post_w = post_w
        self.n_docs = n_docs

    @classmethod
    def build(cls, corpus_tokens: Iterable[list[str]], k1: float = K1, b: float = B, epsilon: float = EPSILON) -> "PostingsBM25":
        """The index of every passage's terms (any iterable: a generator need not hold them all)."""
        vocab: dict[str, int] = {}
        rows: list[list[int]] = []  # term id -> passage ids
        tfs: list[list[int]] = []
        lengths: list[int] = []
        for d, toks in enumerate(corpus_tokens):
            lengths.append(len(toks))
            for term, tf in Counter(toks).items():
                t = vocab.get(term)
                if t is None:
                    t = vocab[term] = len(rows)
                    rows.append([])
                    tfs.append([])
                rows[t].append(d)
                tfs[t].append(tf)
        n = len(lengths)
        doc_len = np.asarray(lengths, dtype=np.float64)
        avgdl = float(doc_len.sum() / n) if n else 0.0
        df = np.fromiter((len(r) for r in rows), dtype=np.float64, count=len(rows))
        idf = np.log(n - df + 0.5) - np.log(df + 0.5)
        mean = idf.mean() if len(idf) else 0.0
        if mean > 0:
            idf[idf < 0] = epsilon * mean
        elif len(idf):
            # a corpus of a few passages: BM25Okapi's floor (epsilon x mean idf) would be <= 0 and
            # nothing could ever be found, so use Lucene's idf, which is always positive
            idf = np.log1p((n - df + 0.5) / (df + 0.5))
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum(df.astype(np.int64))
        post_ids = np.fromiter((d for r in rows for d in r), dtype=np.int32, count=int(indptr[-1]))
        tf = np.fromiter((x for r in tfs for x in r), dtype=np.float64, count=int(indptr[-1]))
        norm = k1 * (1 - b + b * doc_len[post_ids] / avgdl) if avgdl else np.full(len(tf), k1)
        post_w = (tf * (k1 + 1) / (tf + norm)).astype(np.float32)
        return cls(vocab, idf, indptr, post_ids, post_w, n)

    def get_scores(self, query: list[str]) -> np.ndarray:
        """BM25Okapi score of every passage for the analysed query."""
        ids, weights = [], []
        for term, count in Counter(query).items():
            t = self.vocab.get(term)
            if t is None:
                continue
            lo, hi = self.indptr[t], self.indptr[t + 1]
            idf = self.idf[t]
            if not idf:
                continue
            ids.append(self.post_ids[lo:hi])
            weights.append((count * idf) * self.post_w[lo:hi])
        if not ids:
            return np.zeros(self.n_docs, dtype=np.float64)
        # one pass summing every posting into its passage, term by term in query order (the same
        # additions, in the same order, as ``scores[ids] += w`` per term; ~1.5x faster at 1M passages)
        return np.bincount(np.concatenate(ids), weights=np.concatenate(weights), minlength=self.n_docs).astype(np.float64, copy=False)

    def doc_freq(self, term: str) -> int:
        t = self.vocab.get(term)
        return 0 if t is None else int(self.indptr[t + 1] - self.indptr[t])


def top_k(scores: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
    """Best ``k`` (index, score) pairs with a positive score, best first."""
    if allowed is not None:
        scores = np.where(allowed, scores, 0.0)
    k = min(k, len(scores))
    if k <= 0:
        return []
    idx = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
    idx = idx[np.lexsort((idx, -scores[idx]))]
    return [(int(i), float(scores[i])) for i in idx if scores[i] > 0]

