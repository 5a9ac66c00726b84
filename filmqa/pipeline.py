"""``FilmQA``: the library entry point, and the pipeline read as an algorithm.

    corpus  = build_corpus(folder)          # files -> documents, records, passages
    index   = PostingsBM25.build(...)       # passages -> BM25Okapi postings (cached on disk)
    route   = route_question(question, ...) # what is asked, about which film
    answer  = compose(route, hits, ...)     # short answer, support, citations
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .corpus import Corpus, CorpusError, build_corpus
from .corpus.cleaning import TERMINAL_NOISE
from .models import Answer, CorpusSummary, Document, Film, Passage, SkippedFile
from .retriever import store
from .retriever.analysis import analyse
from .retriever.bm25 import PostingsBM25, top_k
from .retriever.columns import DocumentTable, PassageTable

MAX_QUESTION_CHARS = 2000

Notice = Callable[[str], None]


def default_corpus_dir() -> Path:
    """The bundled seeds: package data when installed, ``seeds/`` in a checkout."""
    here = Path(__file__).resolve().parent
    if (here / "seeds").is_dir():  # installed wheel: filmqa/seeds/
        return here / "seeds"
    try:
        ref = resources.files("filmqa.seeds")
        path = Path(str(ref))
        if path.is_dir() and any(path.glob("*.txt")):
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "seeds"


def passage_terms(p: Passage) -> list[str]:
    """What the index holds for a passage: its section heading and its text."""
    return analyse(f"{p.section or ''} {p.text}")


class FilmQA:
    """Question answering over one corpus folder. Thread-safe for ``ask``/``search``."""

    def __init__(self, corpus: Corpus, engine: PostingsBM25, *, cache_path: Path | None = None, notices: list[str] | None = None) -> None:
        self.engine = engine
        self.cache_path = cache_path
        self.notices: list[str] = notices or []
        documents = DocumentTable.from_documents(corpus.documents)
        passages = PassageTable.from_passages(corpus.passages, documents.doc_ids)
        if documents is not corpus.documents or passages is not corpus.passages:
            corpus = Corpus(root=corpus.root, documents=documents, passages=passages, films=corpus.films, skipped=corpus.skipped)
        self._corpus = corpus
        self._doc_index = {doc_id: i for i, doc_id in enumerate(documents.doc_ids)}
        self._doc_ranges = passages.doc_ranges()
        self._film_by_label = {f.label: f for f in corpus.films}
        self._knowledge = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ building
    @classmethod
    def from_directory(
        cls,
        path: str | Path | None = None,
        *,
        cache: bool = True,
        cache_dir: str | Path | None = None,
        progress: Callable[[str, int, int], None] | None = None,
        notice: Notice | None = None,
    ) -> "FilmQA":
        """Load (or build and cache) the index of a corpus folder.

        Raises ``CorpusError`` with a one-line message for an unusable folder.
        """
        root = Path(path) if path is not None else default_corpus_dir()
        notices: list[str] = []

        def say(msg: str) -> None:
            notices.append(msg)
            if notice:
                notice(msg)

        def say_skipped(corpus: Corpus) -> None:
            for s in corpus.skipped:
                say(f"skipped {s.path}: {s.reason}")

        folder = Path(cache_dir) if cache_dir is not None else store.default_cache_dir()
        key = store.corpus_key(root) if cache else ""  # also raises CorpusError for a bad folder
        if cache:
            try:
                corpus, engine = store.load(folder, key, root=root)
            except store.StoreError as exc:
                if str(exc) != "no cached index":
                    say(f"{exc}; rebuilding it")
            except Exception as exc:  # any unreadable cache is rebuilt, never trusted
                say(f"cached index unreadable ({type(exc).__name__}); rebuilding it")
            else:
                say_skipped(corpus)
                return cls(corpus, engine, cache_path=folder / f"index-{key}", notices=notices)
        corpus = build_corpus(root, progress=progress)
        say_skipped(corpus)
        engine = PostingsBM25.build(passage_terms(p) for p in corpus.passages)
        qa = cls(corpus, engine, notices=notices)  # columns instead of a million models
        if not cache:
            return qa
        knowledge = qa.knowledge  # read once, here, and kept with the index
        try:
            qa.cache_path = store.save(folder, key, qa._corpus, engine, knowledge.to_json(qa._knowledge_fingerprint()))
        except OSError as exc:
            say(f"could not write the index cache in {folder} ({exc.strerror or exc}); using it in memory only")
        except Exception as exc:  # noqa: BLE001 - a cache that cannot be written never stops the answers
            say(f"could not write the index cache in {folder} ({type(exc).__name__}: {exc}); using it in memory only"[:300])
        else:
            store.prune(folder, key, root)
        return qa

    @classmethod
    def default(cls, **kwargs) -> "FilmQA":
        """The bundled default corpus (the seeds)."""
        return cls.from_directory(None, **kwargs)

    # ------------------------------------------------------------------ what it holds
    @property
    def root(self) -> str:
        return self._corpus.root

    @property
    def documents(self) -> Sequence[Document]:
        return self._corpus.documents

    @property
    def passages(self) -> Sequence[Passage]:
        return self._corpus.passages

    @property
    def films(self) -> list[Film]:
        return self._corpus.films

    @property
    def skipped(self) -> list[SkippedFile]:
        return self._corpus.skipped

    def document(self, doc_id: str) -> Document | None:
        i = self._doc_index.get(doc_id)
        return None if i is None else self._corpus.documents[i]

    def film(self, label: str) -> Film | None:
        return self._film_by_label.get(label)

    def summary(self) -> CorpusSummary:
        return CorpusSummary(
            root=self.root,
            documents=len(self.documents),
            passages=len(self.passages),
            films=[f.label for f in self.films],
            skipped=self.skipped,
        )

    # ------------------------------------------------------------------ retrieval
    def passage_range(self, doc_id: str) -> range:
        """Ids of the passages of ``doc_id`` (a document's passages are consecutive)."""
        return range(*self._doc_ranges.get(doc_id, (0, 0)))

    def document_sentences(self, doc_id: str):
        """(passage, sentence) for every sentence of ``doc_id`` once, in order: passages overlap by a sentence,
        so reading a document straight through must skip the repeats."""
        seen: set[int] = set()
        for pid in self.passage_range(doc_id):
            p = self.passages[pid]
            for sent in p.sentences:
                if sent.start not in seen:
                    seen.add(sent.start)
                    yield p, sent

    def film_mask(self, labels: list[str]) -> np.ndarray | None:
        """Passages about any of ``labels`` (None: no limit): those of the films' documents, but
        of a document about several films only the passages about one of these (``Passage.films``)."""
        if not labels:
            return None
        mask = np.zeros(len(self.passages), dtype=bool)
        lists, film_lists = self.passages.columns["p_films"], self.passages.film_lists
        for label in labels:
            film = self._film_by_label.get(label)
            for doc_id in film.doc_ids if film else []:
                ids = self.passage_range(doc_id)
                own = lists[ids.start : ids.stop]
                if len(own) and (own == own[0]).all():
                    mask[ids.start : ids.stop] |= label in film_lists[own[0]]
                else:
                    mask[ids.start : ids.stop] |= np.array([label in film_lists[j] for j in own], dtype=bool)
        return mask

    def search_terms(self, terms: list[str], k: int = 10, films: list[str] | None = None) -> list[Passage]:
        """Top passages for already-analysed terms, optionally limited to films."""
        scores = self.engine.get_scores(terms)
        hits = top_k(scores, k, self.film_mask(films or []))
        return [self.passages[i].model_copy(update={"score": s}) for i, s in hits]

    def search(self, query: str, k: int = 5, film: str | None = None) -> list[Passage]:
        """The ``k`` best passages for ``query``, best first (BM25Okapi scores)."""
        query = TERMINAL_NOISE.sub(" ", (query or "")[:MAX_QUESTION_CHARS])  # an escape's payload is not a query
        return self.search_terms(analyse(query), k, [film] if film else None)

    # ------------------------------------------------------------------ answering
    @property
    def knowledge(self):
        """Facts read from the corpus once: names, records, film titles."""
        if self._knowledge is None:
            with self._lock:
                if self._knowledge is None:
                    self._knowledge = self._load_knowledge()
        return self._knowledge

    def _knowledge_fingerprint(self) -> str:
        from .reader.knowledge import code_fingerprint

        return code_fingerprint()

    def _load_knowledge(self):
        """The knowledge kept with the cached index, else read from the corpus (and kept)."""
        from .reader.knowledge import Knowledge

        fingerprint = self._knowledge_fingerprint()
        data = store.load_knowledge(self.cache_path) if self.cache_path else None
        if data is not None:
            try:
                return Knowledge.from_json(data, fingerprint, self._corpus)
            except ValueError:  # another filmqa's, or damaged: read it again
                pass
        knowledge = Knowledge.from_corpus(self._corpus, self.engine.vocab)
        if self.cache_path:
            store.save_knowledge(self.cache_path, knowledge.to_json(fingerprint))
        return knowledge

    def ask(self, question: str) -> Answer:
        """Answer one question on its own (no conversation context)."""
        return self.conversation().ask(question)

    def conversation(self) -> "Conversation":
        """A conversation that resolves follow-ups against earlier turns."""
        return Conversation(self)


@dataclass
class Conversation:
    """Keeps the film and entity in focus across turns."""

    qa: FilmQA
    history: list[Answer] = field(default_factory=list)

    def ask(self, question: str) -> Answer:
        from .reader import answer_question

        reply = answer_question(self.qa, question, self.history)
        self.history.append(reply)
        del self.history[:-8]
        return reply

    def reset(self) -> None:
        self.history.clear()


__all__ = ["FilmQA", "Conversation", "CorpusError", "default_corpus_dir"]
