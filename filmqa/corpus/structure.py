"""Reads a document's layout: headings, prose, list items, tables, infoboxes.

The segmenter walks the raw text once and returns ``Block``s with offsets into
it. Structure that carries facts (infobox fields, table rows, ``Actor as Role``
cast lines) is parsed into records here; prose is left to the passage builder.
A page copied out of a browser as plain text is read like its markup: the
infobox's "Label<TAB>value" lines are fields, "Plot[edit]" is a heading, the
numbered contents is boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import CastCredit, InfoboxField, PageFact, TableRow
from .bylines import page_facts
from .cleaning import EMPHASIS_AHEAD, clean


@dataclass(slots=True)
class Block:
    kind: str  # heading | prose | item | row | field | boiler
    start: int
    end: int
    section: str | None = None
    # prose, item, row: clean(text[start:end]); heading: its title; field: "key: value"
    text: str = ""
    level: int = 0
    para: int = 0  # prose blocks with the same ``para`` form one paragraph
    run: int = 0  # blocks with the same ``run`` may share a passage


@dataclass
class Layout:
    blocks: list[Block] = field(default_factory=list)
    infobox: list[InfoboxField] = field(default_factory=list)
    infobox_name: str | None = None
    table_rows: list[TableRow] = field(default_factory=list)
    cast: list[CastCredit] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    page: list[PageFact] = field(default_factory=list)  # the page's byline, site and dates (bylines.py)


_INFOBOX_OPEN = re.compile(r"\{\{\s*infobox\b[^|\n}]*", re.I)
_TEMPLATE_LINE = re.compile(r"^[ \t]*\{\{", re.M)
_WIKI_TABLE_OPEN = re.compile(r"^[ \t]*\{\|", re.M)
_WIKI_HEADING = re.compile(r"^[ \t]*(={1,6})[ \t]*([^=\n][^\n]*?)[ \t]*\1[ \t]*")
_MD_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+(.+?)[ \t#]*$")
_MD_TABLE_LINE = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_MD_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_BULLET = re.compile(rf"^[ \t]*{EMPHASIS_AHEAD}(?:[*•·▪◦‣⁃-]+|\d{{1,3}}[.)])[ \t]*(?=\S)")
# "...in 1990.[4]": a footnote mark after the stop; "... like this. 7/10": a user review ends on its score
_SENTENCE_END = re.compile(r"""[.!?…:]["'”’)\]]*(?:\[\d{1,3}\])*$|\*\*$|(?<![\w/.])\d{1,3}(?:\.\d)?/(?:10|5|4|100)$""")
# a heading copied from a wiki page keeps its edit link: "Cast[edit]"
_EDIT_HEADING = re.compile(r"^[ \t]*(?=\S)([^\n\[\]]{1,80}?)[ \t]*\[\s*edit(?: source)?\s*\][ \t]*$", re.I)

# Web-page furniture that is never about the film: sharing, newsletters,
# store links, bylines, "verified by our editors" stamps. Matched on short lines.
# "Where to watch: streaming on X from May" states a fact, though its words are page furniture's
_FACT_LINE = re.compile(r"(?i)where to (?:watch|stream)\b[^:\n]{0,40}:\s*(?=\S).{12,}")
_BOILERPLATE = re.compile(
    r"""(?ix)
    ^(share|tweet|pin\ it|email|print|save|like|comment)s?\b.{0,40}$
  | \b(subscribe|newsletter|sign\ up|log\ in|follow\ us|cookies?\ (policy|settings)|advertisement
      |all\ rights\ reserved|read\ more|click\ here|you\ may\ also\ like|recommended\ for\ you
      |where\ to\ watch|streaming\ hub|rent\ on|buy\ on|watch\ now|last\ updated|published\ on
      |straight\ (from|to)\ your\ inbox|to\ your\ inbox|skip\ to\ (main\ )?content)\b
  | \bverified\ (for|by)\b|\b(our\ )?editorial\ (experts|team|quality)\b|^\S+\ verified$
  | ^all\ cast\ &\ crew
  | ^(advertisement|sponsored|related|trending|loading)\W*$
  | ^from\ wikipedia,\ the\ free\ encyclopedia$|\bredirects\ here\b|^for\ other\ uses,?\ see\b
  | ^\W*this\ (?:article|page)\ is\ about\b[^.]*\.\s*for\b[^.]*,\ see\b  # a hatnote: "This article is about the 2006 film. For the novel, see ..."
  | ^jump\ to\ (?:navigation|search|content)$
  | ^(?:popular\ |other\ )?lists\ (?:featuring|including|with)\ this\ (?:film|movie)\b  # a film site's links to its users' lists
    """
)

_RULE_LINE = re.compile(r"\s*([=\-_*~#+])\1{4,}\s*")
# a copied wiki page's footer, however long: 'Retrieved from "https://..." Categories: 1990 films Films set in airports ...'
_PAGE_FOOTER = re.compile(r"\s*(?:Retrieved from\s+[\"“]?https?://|Categories:\s)", re.I)
# "Produced by: Brent Maddock, S. S. Wilson", "Running time: 96 minutes": a fact sheet's field, not a heading
_FIELD_LINE = re.compile(r"(?:[A-Z][a-z]+(?:\s+[a-z]+){0,3}\s+by|Starring|Music|Cinematography|Editing|Budget|Box office|Gross|Running time|Runtime"
                         r"|Country|Countries|Language|Languages|Release date|Released|Production compan(?:y|ies)|Studio|Distributor|Genre"
                         r"|Rating|Certificate|Director|Writers?|Producers?|Composer|Cast|Label|Publisher|Editors?|Screenplay|Story|Casting|Sound"
                         r"|Costumes?(?: design(?:er)?)?|Production design(?:er)?|Director of photography|Cinematographer):\s+\S")
_NOT_HEADING_END = re.compile(r"[.,;:!?…\"'”’)]$")


def _is_plain_heading(line: str, prev_blank: bool, after_heading: bool, next_line: str | None) -> bool:
    """A short, unpunctuated line standing on its own reads as a heading."""
    words = line.split()
    if not words or len(words) > 10 or len(line) > 80:
        return False
    # "SPIRITED AWAY (Sen to Chihiro no Kamikakushi)": a shouted heading may end in its other title, in brackets
    core = re.sub(r"\s*\([^()]*\)$", "", line)
    if core != line and len(core) >= 3 and core.isupper():
        line = core
    if _NOT_HEADING_END.search(line) or not (line[0].isupper() or line[0].isdigit()) or _FIELD_LINE.match(line):
        return False
    if next_line is None:
        return prev_blank
    long_words = [w for w in words if len(w) > 3]
    title_case = len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)
    # A heading introduces something longer than itself, or looks like a title.
    return len(next_line) > len(line) or prev_blank or after_heading or title_case


def _match_braces(text: str, start: int) -> int:
    """End offset of the ``{{ ... }}`` opened at ``start`` (nesting aware)."""
    depth = 0
    i = start
    n = len(text)
    while i < n - 1:
        pair = text[i : i + 2]
        if pair == "{{":
            depth += 1
            i += 2
            continue
        if pair == "}}":
            depth -= 1
            i += 2
            if depth == 0:
                return i
            continue
        i += 1
    return n


def _match_table(text: str, start: int) -> int:
    """End offset of the wiki table ``{| ... |}`` opened at ``start``."""
    depth = 0
    for m in re.compile(r"^[ \t]*(\{\||\|\})", re.M).finditer(text, start):
        depth += 1 if m.group(1) == "{|" else -1
        if depth == 0:
            nl = text.find("\n", m.end())
            return len(text) if nl < 0 else nl
    return len(text)


def _lines(text: str, start: int, end: int):
    """(line_start, line_end) for each line in text[start:end]."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_FIELD_START = re.compile(r"(?m)^[ \t]*\|[ \t]*([^=|\n{}\[\]]+?)[ \t]*=[ \t]*")


def _top_level_fields(body: str) -> list[re.Match[str]]:
    """``| key =`` openings at the infobox's own level, not inside a nested
    ``{{plainlist| ...}}`` or ``[[link|label]]`` that runs over several lines."""
    out = []
    depth = 0
    pos = 0
    for m in _FIELD_START.finditer(body):
        chunk = body[pos : m.start()]
        depth += chunk.count("{{") + chunk.count("[[") - chunk.count("}}") - chunk.count("]]")
        pos = m.start()
        if depth <= 1:  # 1: inside the infobox's own braces
            out.append(m)
    return out


def parse_infobox(text: str, start: int, end: int) -> tuple[str | None, list[InfoboxField]]:
    """``| key = value`` fields of the infobox at ``text[start:end]``; a value
    may run over several lines (``{{plainlist|* A * B}}``)."""
    fields: list[InfoboxField] = []
    name = None
    body = text[start:end]
    opens = _top_level_fields(body)
    for i, m in enumerate(opens):
        stop = opens[i + 1].start() if i + 1 < len(opens) else len(body)
        raw_value = body[m.end() : stop].rstrip()
        if i + 1 == len(opens) and raw_value.endswith("}}") and raw_value.count("{{") < raw_value.count("}}"):
            raw_value = raw_value[:-2].rstrip()  # the infobox's own closing braces
        key = m.group(1).strip().lower().replace("_", " ")
        value = clean(raw_value)
        if not value:
            continue
        s, e = _strip_span(text, start + m.start(), start + m.end() + len(raw_value))
        fields.append(InfoboxField(key=key, value=value, start=s, end=e))
        if key in ("name", "title") and name is None:
            name = value
    return name, fields


def _split_cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [clean(c) for c in line.split("|")]


# A cell's attributes before its content: ``rowspan="4" | Academy Awards``, ``style="..." | text``.
_CELL_ATTRS = re.compile(r"""^\s*(?P<attrs>(?:[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s|"']+)\s*)+)\|(?!\|)""")
_ROWSPAN = re.compile(r"""rowspan\s*=\s*["']?(\d+)""", re.I)


def _wiki_cell(raw: str) -> tuple[str, int]:
    """A wiki table cell's cleaned text and how many rows it spans (its attributes dropped)."""
    m = _CELL_ATTRS.match(raw)
    if not m:
        return clean(raw), 1
    span = _ROWSPAN.search(m.group("attrs"))
    return clean(raw[m.end() :]), int(span.group(1)) if span else 1


def _wiki_table_rows(text: str, start: int, end: int, section: str | None) -> tuple[list[TableRow], list[Block]]:
    """Rows of a wiki table: ``!`` header cells, ``|-`` row breaks, ``|``/``||`` cells.
    A cell that spans rows (``rowspan="4" | Academy Awards``) is the same column of the rows below it."""
    headers: list[str] = []
    rows: list[TableRow] = []
    blocks: list[Block] = []
    cells: list[tuple[str, int]] = []
    spanning: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill)
    row_start: int | None = None
    row_end = start

    def flush() -> None:
        nonlocal cells, row_start
        if cells and row_start is not None:
            full: list[str] = []
            below: dict[int, tuple[str, int]] = {}
            queue = list(cells)
            while queue or len(full) in spanning:
                col = len(full)
                if col in spanning:
                    value, left = spanning.pop(col)
                    full.append(value)
                    if left > 1:
                        below[col] = (value, left - 1)
                    continue
                value, span = queue.pop(0)
                full.append(value)
                if span > 1:
                    below[col] = (value, span - 1)
            spanning.update(below)
            named = {}
            for i, c in enumerate(full):
                key = headers[i] if i < len(headers) and headers[i] else f"column {i + 1}"
                if c:
                    named[key] = c
            if named:
                rows.append(TableRow(section=section, cells=named, start=row_start, end=row_end))
                blocks.append(Block("row", row_start, row_end, section, text=clean(text[row_start:row_end])))
        cells = []
        row_start = None

    for ls, le in _lines(text, start, end):
        s, e = _strip_span(text, ls, le)
        line = text[s:e]
        if not line or line.startswith("{|") or line.startswith("|+"):
            continue
        if line.startswith("|}"):
            break
        if line.startswith("|-"):
            flush()
            continue
        if line.startswith("!"):
            for h in re.split(r"!!|\|\|", line[1:]):
                headers.append(clean(h.split("|")[-1] if "=" in h.split("|")[0] else h))
            continue
        if line.startswith("|"):
            if row_start is None:
                row_start = s
            row_end = e
            for c in re.split(r"\|\|", line.lstrip("|")) if not line.startswith("||") else line[2:].split("||"):
                cells.append(_wiki_cell(c))
    flush()
    return rows, blocks


_NAME_PARTICLES = frozenset("de da das dos des du van von der den ter zu del della di la le lo bin al y e".split())
_CAST_AS = re.compile(r"^(?P<actor>[^,;:()]{2,60}?)\s+(?:as|…|\.\.\.)\s+(?P<role>.+)$")
_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|[A-Z]\.(?:[A-Z]\.)*)"
# "Role text  Next Actor as Next role": two credits run together on one line.
# The next actor is taken as first name, optional initial, surname (the usual shape).
_RUN_ON = re.compile(rf"\s(?P<actor>{_NAME_TOKEN}(?:\s[A-Z]\.)?\s{_NAME_TOKEN})\s+as\s+")
_HAS_ROLE = re.compile(r"\sas\s+\S")
_CAST_SECTION = re.compile(r"(?i)^(?:\d+\s+)?(?:(?:main|full|principal|the|top|voice)\s+)?(?:cast|starring|characters)\b")


def parse_cast_line(text: str, start: int, end: int) -> list[CastCredit]:
    """``Actor as Role`` credits in one list item (two run-on credits split).

    A run-on cut is made only after a credit with a role of its own, so a
    three-word actor ("Pruitt Taylor Vince as Night Clerk") is not cut to two.
    """
    line = text[start:end]
    credits: list[CastCredit] = []
    cuts = [0]
    for m in _RUN_ON.finditer(line):
        if m.start() > 0 and _HAS_ROLE.search(line, cuts[-1], m.start()):
            cuts.append(m.start() + 1)
    cuts.append(len(line))
    for a, b in zip(cuts, cuts[1:]):
        piece = clean(line[a:b])
        m = _CAST_AS.match(piece)
        if not m:
            continue
        actor = m.group("actor").strip()
        role = m.group("role").strip().rstrip(".")
        if not actor[:1].isupper() or len(actor.split()) > 5 or any(w[:1].islower() and w not in _NAME_PARTICLES for w in actor.split()):
            continue  # "Kúnlé Àjàyí worked as a wedding MC": a sentence, not a credit
        s, e = _strip_span(text, start + a, start + b)
        credits.append(CastCredit(actor=actor, role=role, start=s, end=e))
    return credits


# A table whose header names a performer column and a character column is a cast list
# ("| Actor | Role |", "! Character !! Played by", "! Character !! Japanese voice actor !! English voice actor"),
# whatever the section is called.
_ACTOR_HEADER = re.compile(r"(?i)\b(?:actors?|actress(?:es)?|cast(?: member)?|performers?|players?|played by|portrayed by|voiced? by|voices?|stars?)$")
_ROLE_HEADER = re.compile(r"(?i)^(?:roles?|characters?|character name|parts?|as|playing)$")
_CAST_WORDS = re.compile(r"(?i)\b(?:voice|voiced|actors?|actress(?:es)?|cast(?: member)?|performers?|players?|played|portrayed|by|stars?|the|main|principal|full|top|list)\b")


def credit_version(header: str, section: str | None) -> str:
    """What a cast column or section says besides "cast": the version its credits are for ("English", "Japanese cast (original)")."""
    for text in (header, section or ""):
        rest = _CAST_WORDS.sub(" ", re.sub(r"^\d+(?:\.\d+)*\s+", "", text)).strip(" -–—:()")
        if rest and re.search(r"\w", rest):
            return text.strip()
    return ""


_PROSE_NAME = r"(?:Mc|Mac|O['’]|De|Di|Le|La)?[A-Z][\w'’-]*"  # a word of a name said in prose ("McClane", "O'Ross")
_CELL_CREDIT = re.compile(rf"^(?P<role>{_PROSE_NAME}\.?(?:\s+{_PROSE_NAME}){{0,3}})\s+\((?P<actor>{_PROSE_NAME}(?:\s+{_PROSE_NAME}){{1,2}})\)$")


def _row_credits(row: TableRow) -> list[CastCredit]:
    """'| Main villain | Hans Gruber (Alan Rickman) | Col. William Stuart (William Sadler) |': a row that names a part
    per column (per film, in a comparison), the row's label saying what the part is and the column which film it is of."""
    cells = list(row.cells.items())
    if len(cells) < 2 or not re.fullmatch(r"[A-Za-z][a-z]*(?:\s+[a-z]+){0,3}", cells[0][1]):
        return []
    label = cells[0][1].lower()
    if re.search(r"novel|book|source|based|song|music|writ|direct|compos|produc|award|title", label):
        return []  # "Source novel | Nothing Lasts Forever (Roderick Thorp)": a work and its author, not a part
    out = []
    for header, value in cells[1:]:
        m = _CELL_CREDIT.match(value.strip())
        if m and not _NOT_A_PART.search(m.group("role")) and not _NOT_A_PART.search(m.group("actor")):
            out.append(CastCredit(actor=m.group("actor"), role=f"{m.group('role')}, {label}", start=row.start, end=row.end,
                                  version=header if not header.startswith("column ") else ""))
    return out


def table_cast(rows: list[TableRow]) -> list[CastCredit]:
    """``Actor | Role`` credits read from table rows whose headers name both columns (one credit per actor column)."""
    credits: list[CastCredit] = []
    for row in rows:
        role_key = next((h for h in row.cells if _ROLE_HEADER.match(h.strip())), None)
        if role_key is None:
            credits += _row_credits(row)
            continue
        role = row.cells[role_key].strip().rstrip(".")
        actor_keys = [h for h in row.cells if h != role_key and _ACTOR_HEADER.search(h.strip())]
        for key in actor_keys:
            actor = re.sub(r"\s*\([^()]*\)$", "", row.cells[key].strip())  # "Rumi Hiiragi (柊 瑠美)": the name as read
            if actor[:1].isupper() and role and len(actor.split()) <= 5:
                credits.append(CastCredit(actor=actor, role=role, start=row.start, end=row.end, version=credit_version(key, row.section)))
    return credits


# A copied encyclopedia page keeps its infobox as "Label<TAB>value" lines, a list
# value going on over the untabbed lines below ("Produced by\tA\nB\nC"). Labels
# are mapped to the wiki infobox keys, so both forms read alike.
_RENDERED_FIELD = re.compile(r"^(?P<label>[A-Z][\w()'’/ -]{0,40}?)[ \t]*\t[ \t]*(?P<value>\S.*)$")
_RENDERED_KEYS = {
    "directed by": "director", "written by": "writer", "screenplay by": "screenplay", "story by": "story",
    "produced by": "producer", "narrated by": "narrator", "music by": "music", "edited by": "editing",
    "distributed by": "distributor", "production company": "studio", "production companies": "studio",
    "release date": "released", "release dates": "released", "running time": "runtime", "countries": "country",
    "languages": "language", "box office": "gross", "starring": "starring", "cinematography": "cinematography",
    "budget": "budget", "country": "country", "language": "language", "based on": "based on",
}
_RENDERED_LABEL = re.compile("(?i)(" + "|".join(sorted(map(re.escape, _RENDERED_KEYS), key=len, reverse=True)) + r")\s")
_CONTINUATION_MAX_WORDS = 8
_CONTENTS = re.compile(r"(?i)^contents(?:\s*\[?hide\]?)?$")
_CONTENTS_ENTRY = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s+\S.{0,70}$")


def _fact_sheet_fields(rows: list[TableRow]) -> list[InfoboxField]:
    """A headerless two-column table of labels and values ("| **Starring** | A, B, C |"): a fact sheet, whose
    cast row is the page's starring field as an infobox's is."""
    out = []
    for row in rows:
        cells = list(row.cells.items())
        if len(cells) == 2 and [h for h, _ in cells] == ["column 1", "column 2"] and cells[0][1].strip().lower() in ("starring", "stars", "cast"):
            out.append(InfoboxField(key="starring", value=cells[1][1], start=row.start, end=row.end))
    return out


def split_field(text: str) -> tuple[str, str] | None:
    """(key, value) of a field's cleaned text: "budget = $5M", or a copied page's "Budget $5M".
    The value is a suffix of ``text``, so offsets into it are offsets into the text."""
    if "=" in text:
        key, value = text.split("=", 1)
        return key.strip().lower().replace("_", " "), value  # "based_on" is the field "based on"
    m = _RENDERED_LABEL.match(text)
    return (_RENDERED_KEYS[m.group(1).lower()], text[m.end():]) if m else None


def _rendered_infobox(text: str, lines: list[tuple[int, int, str]], i: int) -> tuple[int, list[InfoboxField]]:
    """The copied infobox starting at ``lines[i]``: (index after it, its fields), or (i, [])
    when fewer than three tabbed fields stand together there."""
    fields: list[tuple[str, int, int]] = []  # (label, start, end)
    j = i
    while j < len(lines) and lines[j][2] == "line" and lines[j][1] > lines[j][0]:
        s, e, _ = lines[j]
        line = text[s:e]
        m = _RENDERED_FIELD.match(line)
        if m and len(m.group("label").split()) <= 5:
            fields.append((m.group("label").strip(), s, e))
        elif fields and "\t" not in line and len(line.split()) <= _CONTINUATION_MAX_WORDS and not _SENTENCE_END.search(line):
            fields[-1] = (fields[-1][0], fields[-1][1], e)  # one more value of the field above
        else:
            break
        j += 1
    if len(fields) < 3:
        return i, []
    out = []
    for label, s, e in fields:
        values = [clean(v) for v in text[s:e].split("\t", 1)[1].split("\n")]
        key = _RENDERED_KEYS.get(label.lower(), label.lower())
        out.append(InfoboxField(key=key, value=", ".join(v for v in values if v), start=s, end=e))
    return j, out


def _tab_table(text: str, lines: list[tuple[int, int, str]], i: int, section: str | None) -> tuple[int, list[TableRow]]:
    """The table copied from a rendered page starting at ``lines[i]``: a header line of three or more
    tab-separated cells, then tabbed rows. (index after it, its rows), or (i, []) when none stands there.
    A row short of cells lost its first ones to a cell spanning rows above ("Best Music<TAB>Jung Min-ae<TAB>Nominated"
    under "40th Blue Dragon Film Awards<TAB>21 November 2019<TAB>..."): they are the row above's."""
    s, e, _ = lines[i]
    headers = [clean(c) for c in text[s:e].split("\t")]
    if len(headers) < 3 or not all(headers):
        return i, []
    rows: list[TableRow] = []
    above: list[str] = []
    j = i + 1
    while j < len(lines) and lines[j][2] == "line" and "\t" in text[lines[j][0] : lines[j][1]]:
        rs, re_, _ = lines[j]
        cells = [clean(c) for c in text[rs:re_].split("\t")]
        if len(cells) > len(headers):
            break
        cells = above[: len(headers) - len(cells)] + cells
        named = {h: c for h, c in zip(headers[len(headers) - len(cells) :], cells) if c}
        rows.append(TableRow(section=section, cells=named, start=rs, end=re_))
        above = cells
        j += 1
    return (j, rows) if len(rows) >= 2 else (i, [])


# A plain-text table: columns set apart by runs of spaces ("Film        Year   Director"), a header line over
# rows of as many cells. Its rows are records like a wikitable's.
_COLUMN_GAP = re.compile(r"[ \t]{2,}")
_HEADER_CELL = re.compile(r"[A-Za-z][\w'’()/&.-]*(?: [\w'’()/&.-]+){0,3}")


def _aligned_cells(line: str) -> list[str]:
    return [c for c in _COLUMN_GAP.split(line.strip()) if c]


def _aligned_table(text: str, lines: list[tuple[int, int, str]], i: int, section: str | None) -> tuple[int, list[TableRow]]:
    """The space-aligned table whose header line is ``lines[i]``: (index after it, its rows), or (i, []) unless
    three or more columns are headed by short labels and two or more lines below give as many cells."""
    s, e, _ = lines[i]
    headers = _aligned_cells(text[s:e])
    if len(headers) < 3 or not all(_HEADER_CELL.fullmatch(h) for h in headers) or _SENTENCE_END.search(text[s:e]):
        return i, []
    rows: list[TableRow] = []
    j = i + 1
    while j < len(lines) and lines[j][2] == "line" and lines[j][1] > lines[j][0]:
        rs, re_, _ = lines[j]
        cells = _aligned_cells(text[rs:re_])
        if len(cells) != len(headers):
            break
        rows.append(TableRow(section=section, cells={h: clean(c) for h, c in zip(headers, cells)}, start=rs, end=re_))
        j += 1
    return (j, rows) if len(rows) >= 2 else (i, [])


# "Poppy Galloway (Imelda Roche), a London wedding planner", "her boyfriend Oliver (Fergus Laing)": a part
# named in prose with its player in brackets; the words around it say what the part is
_PROSE_CREDIT = re.compile(
    rf"(?:\b(?P<pre>(?i:his|her|their|the|a|an)\s+(?:[a-z-]+\s+){{0,2}}))?"
    rf"(?<![\w'’-])(?P<role>{_PROSE_NAME}(?:\s+{_PROSE_NAME}){{0,2}})\s+\((?P<actor>{_PROSE_NAME}(?:\s+(?:[A-Z]\.\s+)?{_PROSE_NAME}){{1,2}})\)"
    rf"(?:,\s+(?P<post>(?:a|an|the|his|her|their)\s+[^,.;:()\n]{{3,60}}?)(?=[,.;:]))?")
# "Michael Gross's role as survivalist Burt Gummer", "Franco Nero, who plays the drug lord General Esperanza"
_PROSE_PLAYER = re.compile(
    rf"(?<![\w'’-])(?P<actor>{_PROSE_NAME}(?:\s+(?:[A-Z]\.\s+)?{_PROSE_NAME}){{1,2}})"
    rf"(?:['’]s\s+(?:role|performance|turn|portrayal)\s+as|,\s+who\s+(?:plays|played|portrays|portrayed|voices|voiced))\s+"
    rf"(?P<pre>(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){{0,3}}?)(?P<role>{_PROSE_NAME}(?:\s+{_PROSE_NAME}){{0,2}})")
# bracketed names that are no player: places, companies, prizes ("Universal (United States)", "Best Music (Yann Tiersen)")
_NOT_A_PART = re.compile(r"(?i)\b(?:best|award|awards|prize|oscar|festival|pictures|films?|studios?|records|productions?|"
                         r"entertainment|company|university|states|kingdom|republic|county|city|street|avenue|plaza|tower|building|hall|park|"
                         r"station|airport|hotel|square|bridge|theat(?:re|er)|museum|church|school|college)\b|^(?:Los|Las|San|Santa|New|Saint|St|Fort|Mount|Lake)\b")


_MAY_CREDIT = re.compile(r"\(|['’]s (?:role|performance|turn|portrayal) as |, who (?:plays|played|portrays|portrayed|voices|voiced) ")


# "CAST: Dale Whitcomb (Cyrus Pruitt), ...": a line labelled as the cast names the players, their parts in brackets
_CAST_LABEL = re.compile(r"(?i)[ \t]*(?:cast|starring|stars|featuring)[ \t]*:")


def prose_cast(text: str, start: int, end: int) -> list[CastCredit]:
    """``Role (Actor)`` and ``Actor's role as Role`` credits said in a line of prose (``Actor (Role)`` in a cast line)."""
    out = []
    players_first = bool(_CAST_LABEL.match(text, start, end))
    for m in [*_PROSE_CREDIT.finditer(text, start, end), *_PROSE_PLAYER.finditer(text, start, end)]:
        role, actor = m.group("role"), m.group("actor")
        if players_first and m.re is _PROSE_CREDIT:
            if m.group("pre") or len(role.split()) < 2:
                continue  # a player is named in full
            role, actor = actor, role
        if _NOT_A_PART.search(role) or _NOT_A_PART.search(actor) or role.split()[0] in ("The", "A", "An", "In", "On", "At", "As", "And"):
            continue
        said = ", ".join(x.strip() for x in (m.group("pre"), m.groupdict().get("post")) if x and x.strip())
        credits_role = f"{role}, {said}" if said else role
        out.append(CastCredit(actor=actor, role=credits_role, start=m.start(), end=m.end()))
    return out


def segment(text: str) -> Layout:
    """Split a raw document into blocks and parse the records it carries."""
    layout = Layout()
    # 1. multi-line structures found first: infobox/templates and wiki tables
    spans: list[tuple[int, int, str]] = []
    for m in _TEMPLATE_LINE.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        open_at = text.index("{{", m.start())
        close = _match_braces(text, open_at)
        kind = "infobox" if _INFOBOX_OPEN.match(text, open_at) else "template"
        spans.append((open_at, close, kind))
    for m in _WIKI_TABLE_OPEN.finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        spans.append((m.start(), _match_table(text, m.start()), "table"))
    spans.sort()

    section: str | None = None
    blocks = layout.blocks
    para = 0
    run = 0
    prev_blank = True

    def add_heading(title: str, s: int, e: int, level: int) -> None:
        nonlocal section, run, para
        title = clean(title)
        if not title:
            return
        section = title
        if title not in layout.sections:
            layout.sections.append(title)
        blocks.append(Block("heading", s, e, section, text=title, level=level))
        run += 1
        para += 1

    # 2. one ordered walk over lines and the multi-line structures between them
    entries: list[tuple[int, int, str]] = []
    pos = 0
    for s, e, kind in spans:
        if s > pos:
            entries.extend((*_strip_span(text, ls, le), "line") for ls, le in _lines(text, pos, s))
        entries.append((s, e, kind))
        pos = max(pos, e)
    if pos < len(text):
        entries.extend((*_strip_span(text, ls, le), "line") for ls, le in _lines(text, pos, len(text)))
    all_lines = entries

    def add_fields(fields: list[InfoboxField]) -> None:
        nonlocal run
        layout.infobox.extend(fields)
        run += 1
        for f in fields:
            blocks.append(Block("field", f.start, f.end, "Infobox", text=f"{f.key}: {f.value}", run=run))
        run += 1

    def add_rows(rows: list[TableRow]) -> None:
        """A plain-text table's rows (tab- or space-separated), read as a wikitable's."""
        nonlocal run, last_prose_end_punct, prev_blank
        layout.table_rows.extend(rows)
        run += 1
        blocks.extend(Block("row", r.start, r.end, section, text=clean(text[r.start : r.end]), run=run) for r in rows)
        last_prose_end_punct = prev_blank = True

    md_headers: list[str] | None = None
    last_prose_end_punct = True
    read_to = 0  # lines before this index were read with an earlier one
    for i, (s, e, entry_kind) in enumerate(all_lines):
        if i < read_to:
            continue
        if entry_kind == "infobox":
            name, fields = parse_infobox(text, s, e)
            layout.infobox_name = layout.infobox_name or name
            add_fields(fields)
            last_prose_end_punct = True
            continue
        if entry_kind == "line" and "\t" in text[s:e]:
            read_to, fields = _rendered_infobox(text, all_lines, i)
            if fields:
                add_fields(fields)
                last_prose_end_punct = prev_blank = True
                # the lead after it is the page's own text, not its poster caption's ("Theatrical release poster")
                section = layout.sections[0] if layout.sections else None
                continue
            read_to, rows = _tab_table(text, all_lines, i, section)
            if rows:
                add_rows(rows)
                continue
        if entry_kind == "line" and _CONTENTS.match(text[s:e]):
            # a copied page's table of contents ("Contents / 1 Plot / 2 Cast"): not the film's text
            j = i + 1
            while j < len(all_lines) and all_lines[j][2] == "line" and _CONTENTS_ENTRY.match(text[all_lines[j][0]:all_lines[j][1]]):
                j += 1
            if j > i + 2:
                blocks.extend(Block("boiler", ls, le, section) for ls, le, _ in all_lines[i:j])
                read_to = j
                run += 1
                continue
        if entry_kind == "line":
            read_to, rows = _aligned_table(text, all_lines, i, section)
            if rows:
                add_rows(rows)
                continue
        if entry_kind == "table":
            rows, row_blocks = _wiki_table_rows(text, s, e, section)
            layout.table_rows.extend(rows)
            for b in row_blocks:
                run += 1
                b.run = run
            blocks.extend(row_blocks)
            run += 1
            last_prose_end_punct = True
            continue
        if entry_kind != "line":
            continue  # other templates: navigation boxes, citation stubs
        line = text[s:e]
        if not line:
            prev_blank = True
            para += 1
            md_headers = None
            continue
        nxt = None
        for j in range(i + 1, len(all_lines)):
            s2, e2, k2 = all_lines[j]
            if k2 != "line":
                break
            if e2 > s2:
                nxt = text[s2:e2]
                break
        m = _WIKI_HEADING.match(line)
        if m and "=" not in m.group(2):
            add_heading(m.group(2), s, s + m.end(), len(m.group(1)))
            rest_s, rest_e = _strip_span(text, s + m.end(), e)
            prev_blank = False
            if rest_e > rest_s:
                blocks.append(Block("prose", rest_s, rest_e, section, text=clean(text[rest_s:rest_e]), para=para, run=run))
                last_prose_end_punct = bool(_SENTENCE_END.search(text[rest_s:rest_e]))
            continue
        m = _MD_HEADING.match(line)
        if m:
            add_heading(m.group(2), s, e, len(m.group(1)))
            prev_blank = False
            continue
        m = _EDIT_HEADING.match(line)
        if m:
            add_heading(m.group(1), s, e, 2)
            prev_blank = False
            continue
        if _MD_TABLE_LINE.match(line):
            if _MD_TABLE_SEP.match(line):
                continue
            cells = _split_cells(line)
            if md_headers is None:
                nxt_is_sep = nxt is not None and _MD_TABLE_SEP.match(nxt)
                if nxt_is_sep:
                    md_headers = cells
                    continue
                md_headers = []
            named = {
                (md_headers[j] if j < len(md_headers) and md_headers[j] else f"column {j + 1}"): c
                for j, c in enumerate(cells)
                if c
            }
            if named:
                layout.table_rows.append(TableRow(section=section, cells=named, start=s, end=e))
                run += 1
                blocks.append(Block("row", s, e, section, text=clean(line), run=run))
            prev_blank = False
            last_prose_end_punct = True
            continue
        md_headers = None
        if _RULE_LINE.fullmatch(line):
            prev_blank = last_prose_end_punct = True  # "=====": a rule between sections is a break, not prose
            continue
        cleaned = None  # clean(line), when needed
        if (len(line.split()) <= 25 and _BOILERPLATE.search(cleaned := clean(line)) and not _FACT_LINE.match(cleaned)
                or _PAGE_FOOTER.match(line)):
            blocks.append(Block("boiler", s, e, section))
            run += 1
            prev_blank = False
            last_prose_end_punct = True
            continue
        b = _BULLET.match(line)
        # under a Cast heading an unbulleted "Actor as Role" line is a list item all the same
        plain_credits = parse_cast_line(text, s, e) if not b and section and _CAST_SECTION.match(section) else []
        if (b and b.end() < len(line)) or plain_credits:
            item_s = s + b.end() if b else s
            if not blocks or blocks[-1].kind != "item":
                run += 1
            credits = plain_credits or parse_cast_line(text, item_s, e)
            if not credits and _MAY_CREDIT.search(line):
                layout.cast.extend(prose_cast(text, item_s, e))  # a trivia item: "Franco Nero, who plays ..."
            for c in credits:
                c.version = credit_version("", section)
            layout.cast.extend(credits)
            # an untitled cast list is still the cast section
            item_section = section if section is not None or not credits else "Cast"
            blocks.append(Block("item", item_s, e, item_section, text=clean(text[item_s:e]), run=run))
            prev_blank = False
            last_prose_end_punct = True
            para += 1
            continue
        after_heading = bool(blocks) and blocks[-1].kind == "heading"
        if cleaned is None:
            cleaned = clean(line)
        if last_prose_end_punct and _is_plain_heading(cleaned, prev_blank, after_heading, nxt):
            add_heading(line, s, e, 2)
            prev_blank = False
            continue
        if blocks and blocks[-1].kind != "prose":
            run += 1 if blocks[-1].kind != "heading" else 0
        # hard-wrapped lines continue the paragraph until a sentence ends; a fact sheet's field line stands alone
        field_line = bool(_FIELD_LINE.match(cleaned))
        if not prev_blank and blocks and blocks[-1].kind == "prose" and not last_prose_end_punct and not field_line:
            pass
        else:
            para += 1
        blocks.append(Block("prose", s, e, section, text=cleaned, para=para, run=run))
        if _MAY_CREDIT.search(line):
            layout.cast.extend(prose_cast(text, s, e))
        last_prose_end_punct = field_line or bool(_SENTENCE_END.search(line))
        prev_blank = False
    layout.infobox.extend(_fact_sheet_fields(layout.table_rows))
    tabled = table_cast(layout.table_rows)
    if tabled:
        layout.cast = sorted(layout.cast + tabled, key=lambda c: c.start)
    layout.page = page_facts(text, [(s, e) for s, e, kind in all_lines if kind == "line"])
    return layout
