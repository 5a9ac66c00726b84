"""Film detection: which film(s) each document is about.

Strong evidence names a document's own film: an infobox ``name``, a lead
sentence "<Title> is a 1988 American action film", "<Title> (1988)" in a
heading, or a "<Title> Review" heading. Titles with a year in parentheses
anywhere in the text ("Ninotchka (1939)") are weak: they become films of the
corpus only if some document is mostly about them. Mentions are counted
longest-title-first, so "Red Heat II" is not also counted as "Red Heat".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..models import Film

# small words between a title's capitalised ones, English and the particles of other languages' titles
# ("Ritorno sul Naviglio", "Der Himmel über Berlin", "El laberinto del fauno"): else the title is cut to its last words
_TITLE_WORDS = (r"(?:[A-Z0-9][\w'’:&!?.-]*|of|the|a|an|and|in|on|at|to|for|from|with|vs\.?"
                r"|de|la|le|les|du|des|del|della|delle|dei|degli|di|da|dal|sul|sulla|nel|nella|al|alla|il|lo|gli|el|los|las|en|y|e|et"
                r"|der|die|das|den|dem|des|und|von|vom|zum|zur|im|am|van|het)")
_TITLE = rf"[A-Z0-9][\w'’&!?.:-]*(?:[ \t]{_TITLE_WORDS}){{0,8}}"
TITLE_PATTERN = _TITLE  # a title as documents write it: capitalised words, small words between them
_LEAD = re.compile(
    rf"(?:^|\n)\s*(?:'{{2,3}})?(?P<title>{_TITLE}?)(?:'{{2,3}})?\s*(?:\((?:(?P<y1>(?:18|19|20)\d\d)(?: film)?|[^()\n]{{3,160}})\)\s*)?"
    rf"(?:is|was)\s+an?\s+(?P<y2>(?:18|19|20)\d\d)?\b[^.\n]{{0,80}}?\b(?:film|movie|picture|documentary|feature|comedy|drama|thriller|western|musical|romance|biopic|satire|melodrama)\b"
)
# Other titles of a film, said in its lead: "(also known as Y)", "(English: Y)",
# "also released as Y", "marketed in Britain as Y", "original title: Y".
_ALIAS = re.compile(
    rf"(?:also (?:known|released|marketed|titled|called)(?: in (?:the )?[A-Z][\w -]{{1,30}}?)?(?: as)?|a\.?k\.?a\.?|known in English as"
    rf"|(?:English|original|international|alternative|working|US|UK|British|American) title(?: was)?:?|English:|released in (?:the )?[A-Z][\w -]{{1,30}}? as"
    rf"|marketed (?:in (?:the )?[A-Z][\w -]{{1,30}}? )?as|retitled|under the(?: [\w-]+)? title|(?:version|release|cut|print|edition) (?:titled|entitled|called))\s+[\"“'‘]?(?P<alias>{_TITLE}?)(?=[\"”'’]?\s*(?:[;,.)]|$|\s(?:in|for|and|is|was|by)\s))",
    re.M,
)
_ALIAS_FIELDS = ("other names", "also known as", "aka", "alt title", "alternative title", "english title", "original title", "native name")
_RELEASED_IN = re.compile(rf"Released in (?P<y>(?:18|19|20)\d\d), (?P<title>{_TITLE}?) is an?\b")
_PAREN_YEAR = re.compile(rf"(?P<title>{_TITLE}?)\s\((?P<y>(?:18|19|20)\d\d)(?: film)?\)")
_YEAR = re.compile(r"\b(18|19|20)\d\d\b")
_REVIEW_SUFFIX = re.compile(r"\s*(?:[-–—:|]\s*)?(?:movie |film )?(?:review|recap|analysis|explained)s?\b.*$", re.I)
_LEADING_JUNK = re.compile(r"^(?:The film|The movie|This film|It|He|She|They|There|In|On|At|Is|Released)\b", re.I)
_NOT_SUBTITLE = re.compile(r"(?i)^(?:part|chapter|episode|vol\.?|volume|book|season)\b|^[\divxlc\s]+$")
_STOP_TITLES = {"The film", "The movie", "It", "This", "There", "Critic Reviews"}
# a headline's words before the title it is about: "10 Things You Didn't Know About X", "The Making of X"
_HEADLINE_LEAD = re.compile(
    r"^(?:(?:\d+|Ten|Five|Seven|Twelve|Fifteen|Twenty)\s+(?:[\w'’-]+\s+){0,3}?(?:Things|Facts|Secrets|Reasons|Ways|Details|Moments"
    r"|Scenes|Questions|Lessons|Surprises|Stories|Mistakes|Easter Eggs|Trivia)\b(?:\s+[\w'’-]+){0,5}?\s+(?:About|Behind|From|In|Of|On)"
    r"|Everything You (?:Need|Want) to Know About|The Making of|Looking Back (?:at|on)|Revisiting|Remembering"
    r"|In Defen[cs]e of|Rewatching|Retrospective:|Review:)\s+(?=[A-Z0-9*_\"“])", re.I)
# a credit block: a title line ("Halfway to Marfa 2016", "HALFWAY TO MARFA") over "Directed by X" / "Director: X"
_CREDIT_TITLE = re.compile(rf"^[ \t]*(?P<title>{_TITLE}?|[A-Z0-9][A-Z0-9'’&!?.:, -]{{2,60}})(?:[ \t]+(?P<y>(?:18|19|20)\d\d))?[ \t]*$")
_CREDIT_LINE = re.compile(r"^\s*(?:(?:Written and )?Directed by|Director\s*:|Dir\.|an?\s+film\s+by)\s*[A-Z]", re.I)
_SMALL_WORDS = frozenset("a an the and or of to in on at for from with by vs".split())
_FIELD_LINE = re.compile(r"^\s*[A-Z][\w ]{0,20}:\s")  # "Rated: R", "Film year: 1979": a fact sheet's row
# a listing's banner over a title ("WORLD PREMIERE", "NOW SHOWING", "NEW RESTORATION"): no title of its own
_BANNER = re.compile(r"(?i)\b(?:premi[eè]re|screenings?|showing|restoration|restored|exclusive|tickets?|trailer|programme|program|spotlight)\b"
                     # or a section's label over the credits ("THE DETAILS", "Credits", "Cast & crew")
                     r"|^\W*(?:the\s+)?(?:film\s+)?(?:details|credits|cast(?:\s*(?:&|and)\s*crew)?|crew|info(?:rmation)?|facts?"
                     r"(?:\s+sheet)?|key facts|specs|technical specs|at a glance|production)\W*$")


def fold_accents(text: str) -> str:
    """``Amélie`` as ``Amelie``: people type titles and names without their accents."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def normalise_title(title: str) -> str:
    t = fold_accents(title.lower()).replace("’", "'")
    t = re.sub(r"'s\b|(?<=s)'(?!\w)", "", t)  # "Owambe Kings' score": the possessive is no part of the title
    t = re.sub(r"[^\w\s']", " ", t)
    return " ".join(t.split())


def _title_words(text: str) -> list[str]:
    """``normalise_title(text)``'s words as written (case kept)."""
    t = re.sub(r"'s\b|(?<=s)'(?!\w)", "", text.replace("’", "'"), flags=re.I)
    return re.sub(r"[^\w\s']", " ", t).split()


@dataclass
class DocFilmEvidence:
    """Titles a document names for itself (strong) and in passing (weak)."""

    strong: list[tuple[str, int | None]] = field(default_factory=list)
    weak: list[tuple[str, int | None]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # other titles of its own film
    compared: list[str] = field(default_factory=list)  # titles heading a table's columns ("| | Die Hard | Die Hard 2 |")
    headings: list[str] = field(default_factory=list)  # the document's section headings


# "MIXED BAG. Black Forest is an uneven film": a shouted verdict ending in a full
# stop before the title is a sentence of its own (initials and "Dr."/"St." are not)
# "Q: Salt Wind is a thriller", "INTERVIEWER: X was...": a speaker's label (a letter or a shouted word and a colon) is no part of a title
_VERDICT_BEFORE = re.compile(r"^.*(?:(?<=[A-Z]{2}[.!?:])|(?<=^[A-Z]:))\s+(?=[A-Z0-9])")


def _tidy_title(raw: str) -> str | None:
    t = raw.strip().strip("'\"“”‘’*").strip()
    t = re.sub(r"\s+", " ", t)
    t = _VERDICT_BEFORE.sub("", t)
    if not t or len(t) > 80 or _LEADING_JUNK.match(t) and not t.startswith("The "):
        return None
    if t in _STOP_TITLES or not (t[0].isupper() or t[0].isdigit()):
        return None
    return t


def _title_case(shouted: str) -> str:
    """"HALFWAY TO MARFA" as "Halfway to Marfa": a title written in capitals, cased as titles are."""
    words_ = shouted.lower().split()
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words_))


def _credit_block_title(head: str, text: str) -> tuple[str, int | None] | None:
    """The title of a listing's credit block: a short title line at most three lines over a director line (the one
    the document names most, a line with its year first), its year on that line or a line under it ("USA, 2016")."""
    lines = [ln for ln in head.split("\n") if ln.strip()][:25]  # a listing opens with its credits
    folded = fold_accents(text.lower())
    for i, line in enumerate(lines):
        if not _CREDIT_LINE.match(line):
            continue
        found = []
        for j in range(max(0, i - 3), i):
            m = _CREDIT_TITLE.match(lines[j])
            if not m or len(m.group("title").split()) > 8 or _BANNER.search(lines[j]):
                continue
            if _FIELD_LINE.match(lines[j]) and j > 0 and _FIELD_LINE.match(lines[j - 1]):
                continue
            title = m.group("title").strip(" ,:")
            t = _tidy_title(_title_case(title) if title.isupper() else title)
            if not t or _LEADING_JUNK.match(t):
                continue
            # (a listing's spec line, "Finland 2018 · 96 min", before an "updated March 2019")
            below = sorted(lines[j + 1 : i + 3], key=lambda ln: not re.search(r"\d\s*min\b", ln))
            year = m.group("y") or next((y.group() for ln in below for y in [_YEAR.search(ln)] if y), None)
            found.append((bool(m.group("y")), folded.count(fold_accents(t.lower())), t, int(year) if year else None))
        if found:
            _, _, t, year = max(found)
            return t, year
        return None
    return None


def evidence_for(cleaned_text: str, infobox: dict[str, str], first_heading: str | None,
                 table_headers: list[str] = (), headings: list[str] = ()) -> DocFilmEvidence:
    """Collect title candidates from one document's cleaned text (and its tables' column headers, its headings)."""
    ev = DocFilmEvidence(headings=list(headings))
    ev.compared = [t for t in dict.fromkeys(_tidy_title(h) for h in table_headers) if t]
    name = infobox.get("name") or infobox.get("title")
    if name:
        year = None
        for key in ("released", "release date", "release", "year"):
            m = _YEAR.search(infobox.get(key, ""))
            if m:
                year = int(m.group())
                break
        t = _tidy_title(name)
        if t:
            ev.strong.append((t, year))
    for key in _ALIAS_FIELDS:
        ev.aliases += [a for a in (_tidy_title(v) for v in infobox.get(key, "").split(", ")) if a]
    head = cleaned_text[:3000]
    for m in _LEAD.finditer(head):
        t = _tidy_title(m.group("title"))
        if t and not _LEADING_JUNK.match(t):
            y = m.group("y1") or m.group("y2")
            ev.strong.append((t, int(y) if y else None))
            break
    # other titles, said in the paragraph that opens with the film's own title
    # (the first such paragraph that gives any: a bare title line may stand above the lead)
    for t, _ in ev.strong[:2]:
        found = False
        for m in re.finditer(rf"(?m)^{re.escape(t)}", head):
            end = head.find("\n", m.end())
            lead = head[m.end() : end if end >= 0 else len(head)]
            # (the sentence's full stop is no part of an alias ending it: "... a version titled Tower of Shadows.")
            said = (re.sub(r"(?<=[a-z]{3})\.$", "", x.group("alias")) for x in _ALIAS.finditer(lead))
            ev.aliases += [a for a in map(_tidy_title, said) if a and a != t]
            found = True
            if len(lead.strip()) > 40:
                break
        if found:
            break
    if not ev.strong:
        credited = _credit_block_title(head, cleaned_text)
        if credited:
            ev.strong.append(credited)
    for m in _RELEASED_IN.finditer(cleaned_text):
        t = _tidy_title(m.group("title"))
        if t:
            ev.strong.append((t, int(m.group("y"))))
    if first_heading:
        h = _HEADLINE_LEAD.sub("", _REVIEW_SUFFIX.sub("", first_heading).strip())
        m = _PAREN_YEAR.match(h)  # "X (2009)", or "X (2009) — box office report"
        if m and not (m.end() == len(h) or re.match(r"\s*[-–—:|]", h[m.end() :])):
            m = None
        if m:
            t = _tidy_title(m.group("title"))
            if t:
                ev.strong.append((t, int(m.group("y"))))
        else:
            t = _tidy_title(h)
            if t and len(t.split()) <= 8:
                ev.weak.append((t, None))
    for m in _PAREN_YEAR.finditer(cleaned_text):
        t = _tidy_title(_HEADLINE_LEAD.sub("", m.group("title")))
        if t and not _LEADING_JUNK.match(t):
            ev.weak.append((t, int(m.group("y"))))
    return ev


class TitleMatcher:
    """Finds film titles in text, longest title first, on word boundaries.

    Normalised text is words (of ``\\w`` and ``'``) joined by single spaces, so
    a title is found where its words stand in a row. The titles' words form a
    trie: from a word that starts some title the trie is walked along the text,
    the longest title ending on the way wins and is skipped over. The work grows
    with the text, not with the number of titles.
    """

    def __init__(self, titles: list[str]) -> None:
        self.titles = sorted(set(titles), key=lambda t: (-len(t), t))
        self._by_norm: dict[str, str] = {}
        # word -> next words; the key None holds (priority, normalised title) of a title ending there
        self._trie: dict = {}
        for rank, t in enumerate(self.titles):
            norm = normalise_title(t)
            if norm and norm not in self._by_norm:
                node = self._trie
                for w in norm.split(" "):
                    node = node.setdefault(w, {})
                node[None] = (rank, norm)
            self._by_norm[norm] = t

    def find(self, text: str, *, cased: bool = False) -> list[str]:
        """Titles mentioned in ``text``, one entry per mention; ``cased``: only mentions written with a
        capital (or a digit) first, as running text writes a title ("The Walk", not "the walk itself")."""
        words = normalise_title(text).split(" ")
        if cased:
            written = _title_words(text)
            if len(written) != len(words):
                cased = False  # (a letter whose lower case is longer: word for word no longer)
        trie = self._trie
        found: list[str] = []
        after = 0  # where the last match ended: matches do not overlap
        for i in [i for i, w in enumerate(words) if w in trie]:
            if i < after:
                continue
            best: tuple[int, str] | None = None
            node = trie[words[i]]
            j = i + 1
            while True:
                ending = node.get(None)
                if ending is not None and (best is None or ending < best):
                    best, after = ending, j
                if j == len(words) or words[j] not in node:
                    break
                node = node[words[j]]
                j += 1
            if best is not None and (not cased or written[i][:1].isupper() or written[i][:1].isdigit()):
                found.append(self._by_norm[best[1]])
        return found


def detect_films(docs: list[tuple[str, str, DocFilmEvidence]]) -> tuple[list[Film], dict[str, list[str]]]:
    """Link documents (doc_id, cleaned text, evidence) to films.

    Returns the corpus films and, per doc_id, the labels of its films.
    """
    years: dict[str, Counter] = {}
    display: dict[str, str] = {}
    strong_titles: set[str] = set()
    for _, _, ev in docs:
        for title, year in ev.strong + ev.weak:
            key = normalise_title(title)
            if not key:
                continue
            display.setdefault(key, title)
            years.setdefault(key, Counter())
            if year:
                years[key][year] += 1
        for title, _ in ev.strong:
            strong_titles.add(normalise_title(title))

    # other titles a document gives its own film ("released in Britain as Y"): Y and
    # its mentions are that film, unless Y is dated as a film of its own somewhere
    dated = {normalise_title(t) for _, _, ev in docs for t, y in ev.strong if y}
    alias_of: dict[str, str] = {}
    for _, _, ev in docs:
        own_key = normalise_title(ev.strong[0][0]) if ev.strong else ""
        for alias in ev.aliases:
            key = normalise_title(alias)
            if own_key and key and key not in dated and key != own_key and own_key not in alias_of:
                alias_of.setdefault(key, own_key)
                display.setdefault(key, alias)  # the matcher's wording for it
    strong_titles = {alias_of.get(k, k) for k in strong_titles}
    matcher = TitleMatcher(list(display.values()))
    primary: dict[str, list[str]] = {}
    read: list[tuple[str, DocFilmEvidence, list[str], Counter]] = []
    for doc_id, text, ev in docs:
        # mentions written as titles are (capitalised); an all-lower-case document's are all its mentions
        mentions = matcher.find(text, cased=True) or matcher.find(text)
        counts = Counter(alias_of.get(k, k) for k in (normalise_title(t) for t in mentions))
        own = list(dict.fromkeys(alias_of.get(k, k) for k in (normalise_title(t) for t, _ in ev.strong) if k))
        if not own:
            # the most mentioned title named twice or more, or any title some document
            # names strongly (those win ties): a notes page headed "X — production notes"
            # that names "X" once is about X, not about a film called "X — production notes"
            eligible = [(c + (0.5 if k in strong_titles else 0.0), k) for k, c in counts.items() if c >= 2 or k in strong_titles]
            if eligible:
                own = [max(eligible)[1]]
        read.append((doc_id, ev, own, counts))
    # the films some document is about: a table or the sections of another may set them side by side
    films_of_corpus = strong_titles | {k for *_, own, _ in read for k in own}
    for doc_id, ev, own, counts in read:
        # a document can be about several films when it discusses them equally, or sets them side by side
        # in a table whose columns are the films (a comparison of two or more films of the corpus)
        top = max((counts.get(k, 0) for k in own), default=0)
        extra = [k for k, c in counts.items() if k not in own and k in strong_titles and top and c >= max(3, top // 2)]
        compared = list(dict.fromkeys(k for k in (alias_of.get(n, n) for n in map(normalise_title, ev.compared)) if k in films_of_corpus))
        # or gives each its own section: a festival programme, a franchise page ("SPIRITED AWAY", "AMÉLIE", ...)
        sectioned = list(dict.fromkeys(k for h in ev.headings for k in [_heading_film(h, matcher, alias_of)] if k in films_of_corpus))
        for several in (compared, sectioned):
            if len(several) >= 2:
                if not ev.strong:
                    own = []  # a guess from mentions ("Japan" of "Japan 2001 · 125 min") gives way to the films it sets out
                extra += [k for k in several if k not in own and k not in extra]
        primary[doc_id] = list(dict.fromkeys(own + extra))

    _split_same_titles(docs, primary, years, display, alias_of)
    films: dict[str, Film] = {}
    doc_films: dict[str, list[str]] = {}
    for doc_id, keys in primary.items():
        labels = []
        for key in keys:
            year = years[key].most_common(1)[0][0] if years.get(key) else None
            title = display[key]
            label = f"{title} ({year})" if year else title
            aliases = sorted(display[a] for a, k in alias_of.items() if k == key)
            film = films.setdefault(key, Film(label=label, title=title, year=year, aliases=aliases))
            film.doc_ids.append(doc_id)
            labels.append(film.label)
        doc_films[doc_id] = labels
    return sorted(films.values(), key=lambda f: f.label), doc_films


def _heading_film(heading: str, matcher: TitleMatcher, alias_of: dict[str, str]) -> str | None:
    """The title a heading consists of ("Amélie (Le Fabuleux Destin d'Amélie Poulain)", "Man on Wire (2008)")."""
    core = normalise_title(re.sub(r"\s*\([^()]*\)\s*$", "", heading))
    found = [normalise_title(t) for t in matcher.find(core)]
    return alias_of.get(found[0], found[0]) if len(found) == 1 and found[0] == core else None


def _split_same_titles(docs, primary: dict[str, list[str]], years: dict[str, Counter], display: dict[str, str],
                       alias_of: dict[str, str]) -> None:
    """Films that share a title ("The Hollow" of 1974 and its 2009 remake) stay apart.

    A title that documents give as their own film with two or more different years
    is split by year: a document that dates its own film goes to that year, another
    to the candidate year its text names most ("the 1974 original"), or to every
    candidate when it names none more than the others.
    """
    own_year: dict[str, dict[str, int]] = {}
    dated: dict[str, set[int]] = {}
    for doc_id, _, ev in docs:
        for title, year in ev.strong:
            key = alias_of.get(normalise_title(title), normalise_title(title))
            if key and year:
                own_year.setdefault(doc_id, {}).setdefault(key, year)
                dated.setdefault(key, set()).add(year)
    shared = {k: sorted(ys) for k, ys in dated.items() if len(ys) >= 2}
    if not shared:
        return
    text_of = {doc_id: text for doc_id, text, _ in docs}
    for doc_id, keys in primary.items():
        split: list[str] = []
        for key in keys:
            if key not in shared:
                split.append(key)
                continue
            year = own_year.get(doc_id, {}).get(key)
            if year is not None:
                chosen = [year]
            else:
                text = text_of.get(doc_id, "")
                counts = {y: len(re.findall(rf"(?<!\d)(?:{y}|['’]{y % 100:02d})(?!\d)", text)) for y in shared[key]}
                best = max(counts.values())
                chosen = [y for y, c in counts.items() if c == best] if best else shared[key]
            for y in chosen:
                year_key = f"{key}\0{y}"
                display.setdefault(year_key, display[key])
                years[year_key] = Counter({y: 1})
                split.append(year_key)
        primary[doc_id] = list(dict.fromkeys(split))


def passage_films(labels: list[str], titles: dict[str, list[str]], section: str | None, text: str, first_cell: str | None = None) -> list[str]:
    """The films of a document about several (``labels``) that one of its passages is about.

    A table row headed by one of them ("| Die Hard 2 | 7.4 | 2,980 |"), a section
    headed by one ("Die Hard 2: the shoot"), or a passage that names only one of
    them is about that film alone; any other passage is about them all. ``titles``: each label's titles (its own and aliases);
    ``first_cell``: the first cell of the table row the passage is, when known (a space-aligned row has no " | ").
    """
    if len(labels) < 2:
        return labels
    label_of = {normalise_title(t): label for label in labels for t in titles.get(label, ())}
    matcher = TitleMatcher(list(label_of))
    if first_cell is None:
        first_cell = text.split(" | ", 1)[0] if " | " in text else ""
    if normalise_title(first_cell) in label_of:
        return [label_of[normalise_title(first_cell)]]
    for said in (section or "", text):  # a section about one of them; else a passage that names only one
        named = {label_of[normalise_title(t)] for t in matcher.find(said)}
        if len(named) == 1:
            return list(named)
    return labels


def foreign_spans(text: str, cells: dict[str, str], own: set[str], others: set[str]) -> list[tuple[int, int]]:
    """Spans of a table row's ``text`` that are cells of another film's column.

    A row of a table setting films side by side ("| Runtime | 131 min | 124 min |"
    under "| | Die Hard | Die Hard 2 |") says each value of the film heading its
    column. ``cells``: header -> cell, in column order; ``own``/``others``: the
    normalised titles of the film asked about and of the other films.
    """
    spans: list[tuple[int, int]] = []
    own_values = {v.strip() for h, v in cells.items() if normalise_title(h) in own}
    at = 0
    for header, value in cells.items():
        value = value.strip()
        if not value:
            continue
        found = text.find(value, at)
        if found < 0:
            continue
        at = found + len(value)
        if normalise_title(header) in others and value not in own_values:
            spans.append((found, at))
    return spans if own_values else []


def subtitles(film: Film) -> list[str]:
    """Subtitles a question may name a film or an alias by ("Fury Road" of "Mad Max: Fury Road", "Die Harder" of
    "Die Hard 2: Die Harder"): two words or more, no "Part II". Only for reading questions: in documents the
    subtitle follows the full title."""
    return [sub for a in (film.title, *film.aliases) for sub in [a.split(": ", 1)[-1].strip()]
            if ": " in a and len(sub.split()) >= 2 and not _NOT_SUBTITLE.match(sub) and _tidy_title(sub)]

