"""What the reader knows about a corpus beyond its passages.

Built once per loaded corpus: the words the corpus uses (lower-case and
capitalised), the people it names (cast lists, infobox credits, "directed by
X"), cast pairs per film, infobox fields per film, and a title matcher for
finding films in questions.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..corpus import Corpus
from ..corpus.films import TitleMatcher, normalise_title
from ..models import CastCredit, InfoboxField
from ..retriever.analysis import fold

NAME_TOKEN = r"(?:[A-Z][a-zà-öø-ÿ]*(?:['’](?![sS]\b))?[A-Za-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?|[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-z]?\.)"
NAME_SPAN = re.compile(rf"(?<![\w'’]){NAME_TOKEN}(?:\s+(?:(?:de|da|van|von|der|del|di|la|le|du|bin|al)\s+)?{NAME_TOKEN}){{0,4}}")
PERSON_CUE = re.compile(
    rf"(?:directed|written|produced|composed|scored|edited|photographed|played|portrayed|starring|stars|by|said|says|with|and)\s+(?P<name>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})"
    rf"|(?P<name2>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})\s+(?:said|says|wrote|directed|composed|plays|played|starred|told|later)\b"
)
PERSON_FIELDS = {
    "director", "directed by", "producer", "produced by", "screenplay", "writer", "written by", "story",
    "starring", "music", "music by", "cinematography", "editing", "edited by", "narrator", "based on",
}


@dataclass
class FilmFacts:
    infobox: list[tuple[str, InfoboxField]] = field(default_factory=list)  # (doc_id, field)
    cast: list[tuple[str, CastCredit]] = field(default_factory=list)


@dataclass
class Knowledge:
    lower_words: set[str]
    vocab: set[str]
    persons: Counter
    titles: TitleMatcher
    film_titles: dict[str, str]  # normalised title -> film label
    facts: dict[str | None, FilmFacts]
    index_terms: list[str]  # the BM25 vocabulary, sorted, for prefix look-ups
    spellings: list[str]  # corpus words of 4+ letters, sorted, for typo correction

    @classmethod
    def from_corpus(cls, corpus: Corpus, index_vocab) -> "Knowledge":
        lower: Counter = Counter()
        vocab: set[str] = set()
        persons: Counter = Counter()
        for p in corpus.passages:
            for w in re.findall(r"[A-Za-zÀ-ÿ'’]+", p.text):
                if w[0].islower():
                    lower[w.lower()] += 1
                vocab.add(fold(w).replace("'", ""))
            for m in PERSON_CUE.finditer(p.text):
                name = m.group("name") or m.group("name2")
                persons[name] += 1
        facts: dict[str | None, FilmFacts] = defaultdict(FilmFacts)
        for d in corpus.documents:
            if d.duplicate_of:
                continue
            keys = d.films or [None]
            for key in keys:
                for f in d.infobox:
                    facts[key].infobox.append((d.doc_id, f))
                for c in d.cast:
                    facts[key].cast.append((d.doc_id, c))
            for c in d.cast:
                persons[c.actor] += 3
            for f in d.infobox:
                if f.key in PERSON_FIELDS:
                    for name in split_names(f.value, persons):
                        persons[name] += 2
        titles = [f.title for f in corpus.films]
        film_titles = {normalise_title(f.title): f.label for f in corpus.films}
        lower_words = {w for w, n in lower.items() if n >= 2 or len(w) <= 3}
        spellings = sorted(v for v in vocab if len(v) >= 4) if len(vocab) < 300_000 else []
        return cls(lower_words, vocab, persons, TitleMatcher(titles), film_titles, dict(facts), sorted(index_vocab), spellings)

    def knows_term(self, term: str) -> bool:
        """Whether the index holds ``term``, or a longer term it begins ("cinematograph" ~ "cinematographi")."""
        i = bisect.bisect_left(self.index_terms, term)
        if i < len(self.index_terms) and self.index_terms[i] == term:
            return True
        return len(term) >= 6 and i < len(self.index_terms) and self.index_terms[i].startswith(term)

    def films_in(self, text: str) -> list[str]:
        """Labels of corpus films whose titles occur in ``text``."""
        return list(dict.fromkeys(self.film_titles[normalise_title(t)] for t in self.titles.find(text)))


def split_names(value: str, known: Counter | None = None) -> list[str]:
    """Split a run of names ("Walter Hill Gordon Carroll Andrew G. Vajna") into people.

    Known names (from elsewhere in the corpus) are matched longest first;
    otherwise a name is a first name, any initials, and a surname.
    """
    parts = [p.strip() for p in re.split(r"\s*(?:,|;|\band\b|&|/|\|)\s*", value) if p.strip()]
    names: list[str] = []
    known_set = {k for k in (known or {}) if " " in k}
    for part in parts:
        toks = part.split()
        i = 0
        while i < len(toks):
            took = False
            for n in (4, 3, 2):
                cand = " ".join(toks[i : i + n])
                if i + n <= len(toks) and cand in known_set:
                    names.append(cand)
                    i += n
                    took = True
                    break
            if took:
                continue
            j = i + 1
            while j < len(toks) and re.fullmatch(r"[A-Z]\.(?:[A-Z]\.)*", toks[j]):
                j += 1
            j = min(j + 1, len(toks))
            name = " ".join(toks[i:j])
            if name[:1].isupper():
                names.append(name)
            i = j
    return names
