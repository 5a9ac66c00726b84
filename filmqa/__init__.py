"""filmqa: answers questions about films from a folder of documents, with sources."""

from .corpus.loading import CorpusError
from .models import Answer, AnswerType, Citation, Conflict, CorpusSummary, Document, Film, Passage, Route
from .pipeline import Conversation, FilmQA

__version__ = "0.1.0"

__all__ = [
    "FilmQA",
    "Conversation",
    "CorpusError",
    "Answer",
    "AnswerType",
    "Citation",
    "Conflict",
    "CorpusSummary",
    "Document",
    "Film",
    "Passage",
    "Route",
]
