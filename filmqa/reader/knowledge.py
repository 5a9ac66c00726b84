"""What the reader knows about a corpus beyond its passages.

Built once per loaded corpus: the words the corpus uses (lower-case and
capitalised), the people it names (cast lists, infobox credits, "directed by
X"), cast pairs per film, infobox fields per film, and a title matcher for
finding films in questions.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from ..corpus import Corpus
from ..corpus.films import TitleMatcher, normalise_title, subtitles
from ..models import CastCredit, Document, InfoboxField
from ..retriever.analysis import analyse, fold



def char_class(*categories: str) -> str:
    """A regex character class (without brackets) of every character of the given Unicode categories."""
    ranges: list[list[int]] = []
    for c in (*range(0x2100), *range(0xA700, 0xA800), *range(0xFB00, 0xFB07), *range(0xFE20, 0xFE30)):  # the Latin, Greek, Cyrillic scripts
        if unicodedata.category(chr(c)) in categories:
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


# Names are written in every Latin-script language, precomposed or not: "Àjàyí", "Ṣẹ̀gun" (ẹ plus a combining
# grave), "Adéyẹmí" in NFD. A capital is any upper-case letter, and a letter after it takes its combining marks.
MARK = char_class("Mn", "Mc")
UPPER = char_class("Lu", "Lt")
LOWER_LETTER = char_class("Ll")
LOWER = LOWER_LETTER + MARK
LETTER = UPPER + LOWER
_CAP = rf"[{UPPER}][{MARK}]*"
# the small words of other languages inside a name or a title: "Ludwig van Beethoven", "Ritorno sul Naviglio",
# "Nastro d'Argento" (the elided ones are written on to the next word)
PARTICLE = (r"(?:de|da|das|dos|des|du|van|von|der|den|ter|zu|del|dello|della|delle|dei|degli|di|la|le|les|lo|sul|sulla|"
            r"bin|al|y)")
ELIDED = r"(?:(?:[dl]|dell|sull|all|nell)['’])"
NAME_TOKEN = (rf"(?:{_CAP}[{LOWER}]*(?:['’](?![sS]\b))?[{UPPER}{LOWER_LETTER}][{LETTER}]*(?:-{_CAP}[{LOWER}]+)?|{_CAP}\.(?:{_CAP}\.)*|{_CAP}[a-z]?\."
              rf"|{ELIDED}{_CAP}[{LOWER}]+)")
_WORD = re.compile(rf"[{LETTER}'’]+")  # a word of any Latin-script language, its combining marks kept
NAME_SPAN = re.compile(rf"(?<![\w'’{MARK}]){NAME_TOKEN}(?:\s+(?:{PARTICLE}\s+){{0,2}}{NAME_TOKEN}){{0,4}}")
# Names said next to a cue: "directed by X Y" (cue first), "X Y said" (verb after).
# The verb-after form is found verb first, then the name read back from it: a
# regex that starts with a name is tried at every capital letter of the corpus
# (90% of the knowledge build at 1M passages).
PERSON_CUE = re.compile(
    rf"(?:directed|written|produced|composed|scored|edited|photographed|played|portrayed|starring|stars|by|said|says|with|and)\s+(?P<name>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})"
)
_VERB_AFTER_NAME = re.compile(r"\s(?:said|says|wrote|directed|composed|plays|played|starred|told|later)\b")
_NAME_BEFORE_VERB = re.compile(rf"(?P<name>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})\s+$")


def cued_names(text: str):
    """Names a cue word ties to a person, in order of the cue."""
    for m in PERSON_CUE.finditer(text):
        yield m.group("name")
    for v in _VERB_AFTER_NAME.finditer(text):
        m = _NAME_BEFORE_VERB.search(text, max(0, v.start() - 160), v.start() + 1)
        if m:
            yield m.group("name")
PERSON_FIELDS = {
    "director", "directed by", "producer", "produced by", "screenplay", "writer", "written by", "story",
    "starring", "music", "music by", "cinematography", "editing", "edited by", "narrator", "based on",
}


@dataclass
class FilmFacts:
    infobox: list[tuple[str, InfoboxField]] = field(default_factory=list)  # (doc_id, field)
    cast: list[tuple[str, CastCredit]] = field(default_factory=list)


class FilmFactsByFilm(Mapping):
    """film label (None: documents about no film) -> FilmFacts, read from the documents on first use.

    Holds only the document numbers of each film, so loading the knowledge of
    a large corpus does not make every infobox field and cast credit a model.
    """

    def __init__(self, doc_groups: dict[str | None, list[int]], documents: Sequence[Document]) -> None:
        self.doc_groups = doc_groups
        self._documents = documents
        self._made: dict[str | None, FilmFacts] = {}

    def __getitem__(self, key: str | None) -> FilmFacts:
        facts = self._made.get(key)
        if facts is None:
            facts = FilmFacts()
            for i in self.doc_groups[key]:
                d = self._documents[i]
                facts.infobox.extend((d.doc_id, f) for f in d.infobox)
                facts.cast.extend((d.doc_id, c) for c in d.cast)
            self._made[key] = facts
        return facts

    def __iter__(self) -> Iterator[str | None]:
        return iter(self.doc_groups)

    def __len__(self) -> int:
        return len(self.doc_groups)


class _KnowledgeJSON(BaseModel):
    """What ``Knowledge`` keeps on disk with the index (see ``to_json``)."""

    fingerprint: str
    lower_words: list[str]
    vocab: list[str]
    persons: list[tuple[str, int]]
    doc_groups: list[tuple[str | None, list[int]]]
    index_terms: list[str]
    spellings: list[str]
    cast_text: str
    table_terms: list[tuple[str, list[int]]]


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the code that reads knowledge from a corpus: kept knowledge of other code is read again."""
    h = hashlib.sha256()
    for path in (Path(__file__), Path(fold.__code__.co_filename)):
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(path.name.encode())
    return h.hexdigest()[:16]


@dataclass
class Knowledge:
    lower_words: set[str]
    vocab: set[str]
    persons: Counter
    titles: TitleMatcher
    film_titles: dict[str, str]  # normalised title -> film label
    facts: Mapping[str | None, FilmFacts]
    index_terms: list[str]  # the BM25 vocabulary, sorted, for prefix look-ups
    spellings: list[str]  # corpus words of 4+ letters, sorted, for typo correction
    cast_text: str = ""  # every cast credit's actor and role, lower-cased, "\0"-separated (see cast_mentions)
    table_terms: dict[str, list[int]] = field(default_factory=dict)  # table header term -> documents (numbers)
    doc_ids: Sequence[str] = ()  # the corpus's doc ids, by number
    same_title: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # label -> (label, year) of every film of its title
    titles_of: dict[str, list[str]] = field(default_factory=dict)  # label -> its normalised titles (film_titles reversed)

    @classmethod
    def from_corpus(cls, corpus: Corpus, index_vocab) -> "Knowledge":
        lower: Counter = Counter()
        vocab: set[str] = set()
        persons: Counter = Counter()
        passages = corpus.passages
        texts = passages.texts() if hasattr(passages, "texts") else (p.text for p in passages)
        folded: dict[str, str] = {}  # words repeat: fold each once
        for text in texts:
            for w in _WORD.findall(text):
                if w[0].islower():
                    lower[w.lower()] += 1
                f = folded.get(w)
                if f is None:
                    f = folded[w] = fold(w).replace("'", "")
                vocab.add(f)
            for name in cued_names(text):
                persons[name] += 1
        doc_groups: dict[str | None, list[int]] = defaultdict(list)
        cast: list[str] = []
        table_terms: dict[str, list[int]] = defaultdict(list)
        for i, d in enumerate(corpus.documents):
            for t in dict.fromkeys(t for row in d.table_rows for h in row.cells for t in analyse(h)):
                table_terms[t].append(i)
            if d.duplicate_of:
                continue
            for key in d.films or [None]:
                doc_groups[key].append(i)
            for c in d.cast:
                persons[c.actor] += 3
                cast += (c.actor.lower(), c.role.lower())
            for f in d.infobox:
                if f.key in PERSON_FIELDS:
                    for name in split_names(f.value, persons):
                        persons[name] += 2
        lower_words = {w for w, n in lower.items() if n >= 2 or len(w) <= 3}
        spellings = sorted(v for v in vocab if len(v) >= 4) if len(vocab) < 300_000 else []
        return cls._make(corpus, lower_words, vocab, persons, dict(doc_groups), sorted(index_vocab), spellings, "\0".join(cast),
                         dict(table_terms))

    @classmethod
    def _make(cls, corpus: Corpus, lower_words, vocab, persons, doc_groups, index_terms, spellings, cast_text,
              table_terms) -> "Knowledge":
        film_titles = {normalise_title(t): f.label for f in corpus.films for t in reversed((f.title, *f.aliases, *subtitles(f)))}
        # "the clockmakers owl": a possessive title as it is typed, without its apostrophe
        typed = {re.sub(r"['’]s\b", "s", t): f.label for f in corpus.films for t in (f.title, *f.aliases) if re.search(r"\w['’]s\b", t)}
        for t, label in typed.items():
            film_titles.setdefault(normalise_title(t), label)
        titles = [t for f in corpus.films for t in (f.title, *f.aliases, *subtitles(f))] + list(typed)
        facts = FilmFactsByFilm(doc_groups, corpus.documents)
        docs = corpus.documents
        doc_ids = docs.doc_ids if hasattr(docs, "doc_ids") else [d.doc_id for d in docs]
        by_title: dict[str, list[tuple[str, int]]] = {}
        for f in corpus.films:
            if f.year:
                by_title.setdefault(normalise_title(f.title), []).append((f.label, f.year))
        same_title = {label: sorted(group, key=lambda x: x[1]) for group in by_title.values() if len(group) > 1 for label, _ in group}
        titles_of: dict[str, list[str]] = {}
        for norm, label in film_titles.items():
            titles_of.setdefault(label, []).append(norm)
        return cls(lower_words, vocab, persons, TitleMatcher(titles), film_titles, facts, index_terms, spellings, cast_text,
                   table_terms, doc_ids, same_title, titles_of)

    def to_json(self, fingerprint: str) -> bytes:
        """The knowledge as JSON, to keep with the index (``fingerprint``: the code that read it)."""
        groups = self.facts.doc_groups if isinstance(self.facts, FilmFactsByFilm) else {}
        body = _KnowledgeJSON(fingerprint=fingerprint, lower_words=sorted(self.lower_words), vocab=sorted(self.vocab),
                              persons=list(self.persons.items()), doc_groups=list(groups.items()),
                              index_terms=self.index_terms, spellings=self.spellings, cast_text=self.cast_text,
                              table_terms=list(self.table_terms.items()))
        return body.model_dump_json().encode("utf-8", "surrogatepass")

    @classmethod
    def from_json(cls, data: bytes, fingerprint: str, corpus: Corpus) -> "Knowledge":
        """Knowledge kept by ``to_json``; ValueError if it is damaged or from other code."""
        body = _KnowledgeJSON.model_validate_json(data)
        if body.fingerprint != fingerprint:
            raise ValueError("knowledge read by other code")
        n_docs = len(corpus.documents)
        if any(i < 0 or i >= n_docs for _, ids in body.doc_groups + body.table_terms for i in ids):
            raise ValueError("knowledge names documents the corpus does not have")
        return cls._make(corpus, set(body.lower_words), set(body.vocab), Counter(dict(body.persons)), dict(body.doc_groups),
                         body.index_terms, body.spellings, body.cast_text, dict(body.table_terms))

    # ------------------------------------------------------------------ look-ups that would scan everything
    # (at a million passages the persons and cast credits run to hundreds of thousands)

    @functools.cached_property
    def _spellings_by_length(self) -> dict[int, list[str]]:
        by_length: dict[int, list[str]] = defaultdict(list)
        for word in self.spellings:
            by_length[len(word)].append(word)
        return by_length

    def spellings_near(self, word: str) -> list[str]:
        """The corpus words a typo of ``word`` may be: difflib's ratio of 0.82 needs the shorter of two words
        to be at least 0.69 of the longer, so only those lengths are compared (the same matches, fewer tries)."""
        n = len(word)
        return [w for k in range(int(n * 0.69), int(n / 0.69) + 2) for w in self._spellings_by_length.get(k, ())]

    @functools.cached_property
    def _person_words(self) -> frozenset[str]:
        return frozenset(w for p in self.persons for w in p.split())

    @functools.cached_property
    def _person_text(self) -> str:
        return "\0".join(self.persons)

    def is_person_word(self, word: str) -> bool:
        """Whether ``word`` is a word of a known person's name: ``any(word in p.split() for p in persons)``."""
        return word in self._person_words

    def in_person_name(self, text: str) -> bool:
        """Whether ``text`` occurs in a known person's name: ``any(text in p for p in persons)``."""
        if "\0" in text or not text:
            return any(text in p for p in self.persons)
        return text in self._person_text

    def cast_mentions(self, text: str) -> bool:
        """Whether ``text`` occurs (any case) in an actor's or role's name of any film's cast."""
        low = text.lower()
        if "\0" in low or not low:
            return any(low in c.role.lower() or low in c.actor.lower() for f in self.facts.values() for _, c in f.cast)
        return low in self.cast_text

    def table_docs(self, header_terms) -> list[str]:
        """Ids of the documents (in corpus order) with a table column whose header's terms include one of ``header_terms``."""
        found: set[int] = set()
        for t in set(header_terms):
            found.update(self.table_terms.get(t, ()))
        return [self.doc_ids[i] for i in sorted(found)]

    def knows_term(self, term: str) -> bool:
        """Whether the index holds ``term``, or a longer term it begins ("cinematograph" ~ "cinematographi")."""
        i = bisect.bisect_left(self.index_terms, term)
        if i < len(self.index_terms) and self.index_terms[i] == term:
            return True
        return len(term) >= 6 and i < len(self.index_terms) and self.index_terms[i].startswith(term)

    def films_in(self, text: str) -> list[str]:
        """Labels of corpus films whose titles occur in ``text``."""
        return list(dict.fromkeys(self.film_titles[normalise_title(t)] for t in self.titles.find(text)))


_SURNAME_PARTICLES = frozenset("de del della di da das dos du van von der den ten ter le la bin ibn".split())


def split_names(value: str, known: Counter | None = None) -> list[str]:
    """Split a run of names ("Walter Hill Gordon Carroll Andrew G. Vajna") into people.

    Known names (from elsewhere in the corpus) are matched longest first;
    otherwise a name is a first name, any initials, and a surname.
    """
    parts = [p.strip() for p in re.split(r"\s*(?:,|;|\band\b|&|/|\|)\s*", value) if p.strip()]
    names: list[str] = []
    # a candidate below is two or more words, so a look-up in ``known`` itself is a look-up
    # among its names of two or more words (no set of them rebuilt per call: that was
    # quadratic in Knowledge.from_corpus, which calls this for every credit field)
    known_set = known if known is not None else {}
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
            while j + 1 < len(toks) and toks[j] in _SURNAME_PARTICLES:
                j += 1  # "Guillermo del Toro", "Olivia de Havilland": the particle opens the surname
            j = min(j + 1, len(toks))
            name = " ".join(toks[i:j])
            if name[:1].isupper():
                names.append(name)
            i = j
    return names
