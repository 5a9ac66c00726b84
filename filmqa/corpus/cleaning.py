"""The markup cleaner: wiki/markdown/HTML noise out, readable text in.

``clean`` is the one definition of "cleaned text". ``clean_with_map`` does the
same work but also remembers, for every output character, the span of the
input it came from, so a passage or a sentence found in cleaned text can be
traced back to exact offsets of the original file. Passages are built so that
``clean(original[p.start:p.end]) == p.text`` always holds.
"""

from __future__ import annotations

import bisect
import html
import re

# Terminal escape sequences: CSI ("ESC [ 31 m"), OSC ("ESC ] 0;title BEL") and
# two-byte escapes. The one definition for documents, questions and the screen.
ESCAPE_SEQUENCE = r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
# Escapes and control characters, for text that must be one plain line.
TERMINAL_NOISE = re.compile(ESCAPE_SEQUENCE + r"|[\x00-\x1f\x7f-\x9f]")

# One alternation, tried left to right at each position. Each branch names what
# it replaces; ``_replacement`` says what it becomes. Runs of white space are
# left to ``_tidy`` except when they hold a control character that is also
# white space (form feed, vertical tab): such a run is one "space" match, the
# control character must not end it. That branch is only compiled into the
# variant used for text that has such a character; plain text is scanned for
# fewer branches.
_INLINE_BRANCHES = (
    r"(?P<ansi>" + ESCAPE_SEQUENCE + r")"
    r"""
  | (?P<ctrl>[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff])
  | (?P<ref><ref[^>/]*/> | <ref[^>]*>.*?</ref>)
  | (?P<comment><!--.*?-->)
  | (?P<br><br\s*/?>)
  | (?P<tag></?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>)
  | (?P<template>\{\{(?P<tname>[^{}|]*)(?:\|(?P<targs>[^{}]*))?\}\})
  | (?P<filelink>\[\[(?:File|Image|Category):[^\]]*\]\])
  | (?P<wikilink>\[\[(?P<ltarget>[^\]|]*)(?:\|(?P<llabel>[^\]]*))?\]\])
  | (?P<extlink>\[https?://\S+(?:\s(?P<elabel>[^\]]*))?\])
  | (?P<mdlink>\[(?P<mdlabel>[^\]\n]+)\]\([^)\s]+\))
  | (?P<footnote>\[(?:\^?\d{1,3}|[a-z]|edit|citation\ needed|clarification\ needed|note\ \d{1,2}|nb\ \d{1,2})\])
  | (?P<bold>'{2,5} | \*\*(?=\S) | \*\*(?<=\S\*\*) | (?<![\w*])\*(?=[^\s*]) | \*(?<=[^\s*]\*)(?![\w*]))
  | (?P<entity>&(?:[a-zA-Z]{2,8}|\#\d{1,6}|\#x[0-9a-fA-F]{1,6});)
    """
)
_CONTROL_SPACE = r"\x0b\x0c\x1c-\x1f"
# Every branch above starts with one of these characters; saying so up front
# lets the regex engine skip plain text quickly (about 20 times faster).
_INLINE_FIRST = r"(?=[\x00-\x08\x0b-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff<{\[*'&])"
# Text without these (nor "''") has nothing for the inline pass to do.
_INLINE_FIRST_CHAR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff<{\[*&]")
_INLINE = re.compile(_INLINE_FIRST + "(?:" + _INLINE_BRANCHES + ")", re.VERBOSE | re.DOTALL)
_INLINE_WITH_SPACE = re.compile(
    _INLINE_BRANCHES + rf"| (?P<space>\s[^\S{_CONTROL_SPACE}]*[{_CONTROL_SPACE}]\s*)", re.VERBOSE | re.DOTALL
)
_HAS_CONTROL_SPACE = re.compile(rf"[{_CONTROL_SPACE}]")


def _inline_pattern(text: str) -> re.Pattern[str]:
    return _INLINE_WITH_SPACE if _HAS_CONTROL_SPACE.search(text) else _INLINE


# Templates whose last argument is text that belongs in the sentence.
_KEEP_TEMPLATE_TEXT = {"nowrap", "nobr", "lang", "small", "nowrap begin", "sic", "abbr", "script"}
# Templates that hold a list, one item per argument or per bullet line (infobox
# "starring", "producer"...), and templates that hold a date: rendered as text
# ("A, B, C"; "November 21, 2001 (Portugal)") instead of dropped.
_LIST_TEMPLATES = {
    "plainlist", "plain list", "ubl", "ubil", "unbulleted list", "hlist", "flatlist", "flat list",
    "bulleted list", "bulletedlist", "ordered list", "collapsible list", "br separated entries", "enum",
}
_DATE_TEMPLATES = {"film date", "start date", "release date", "start date and age", "end date", "dts", "date"}
_BASED_ON = {"based on"}
_RENDERED = _LIST_TEMPLATES | _DATE_TEMPLATES | _BASED_ON
# Result templates of accolade tables ("| Best Sound || {{won}}"): the outcome is the cell's whole content.
_RESULT_TEMPLATES = {"won": "Won", "nom": "Nominated", "nominated": "Nominated", "pending": "Pending", "runner-up": "Runner-up"}
# Spans whose line breaks are not the page's: a rendered template spanning
# lines (its bullets and pipes are its own) and a reference or comment spanning
# lines (``<ref>{{cite web\n| title=...}}</ref>`` goes whole). See ``_line_marks``.
_OWN_LINES = re.compile(
    r"\{\{\s*(?:" + "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in _RENDERED), key=len, reverse=True)) + r")\s*\|[^{}]*\}\}"
    r"|<ref[^>/]*>.*?</ref>|<!--.*?-->",
    re.I | re.S,
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_ARG_SPLIT = re.compile(r"\|(?![^\[]*\]\])")  # a pipe not inside [[link|label]]
_NAMED_ARG = re.compile(r"^\s*[A-Za-z][\w ]*=")
_ITEM_LINE = re.compile(r"^[ \t]*[*#:]+[ \t]*", re.M)


def _positional(args: str) -> list[str]:
    return [a for a in _ARG_SPLIT.split(args) if not _NAMED_ARG.match(a)]


def _render_date(args: list[str], day_first: bool) -> str:
    """``{{film date|2001|11|21|Portugal|...}}`` -> "November 21, 2001 (Portugal)"."""
    dates: list[str] = []
    parts = [a.strip() for a in args]
    i = 0
    while i < len(parts):
        if not re.fullmatch(r"\d{3,4}", parts[i]):
            i += 1
            continue
        nums = [parts[i]]
        i += 1
        while i < len(parts) and len(nums) < 3 and re.fullmatch(r"\d{1,2}", parts[i]):
            nums.append(parts[i])
            i += 1
        year, month, day = nums[0], int(nums[1]) if len(nums) > 1 else 0, int(nums[2]) if len(nums) > 2 else 0
        if 1 <= month <= 12 and day:
            text = f"{day} {_MONTHS[month - 1]} {year}" if day_first else f"{_MONTHS[month - 1]} {day}, {year}"
        elif 1 <= month <= 12:
            text = f"{_MONTHS[month - 1]} {year}"
        else:
            text = year
        if i < len(parts) and parts[i] and not parts[i].isdigit():
            place = clean(parts[i])
            text += f" ({place})" if place else ""
            i += 1
        dates.append(text)
    return "; ".join(dates)


def _render_template(name: str, args: str) -> str:
    """Readable text of a list, date or "based on" template."""
    if name in _DATE_TEMPLATES:
        return _render_date(_positional(args), re.search(r"\bdf\s*=\s*y", args, re.I) is not None)
    items = [clean(piece) for arg in _positional(args) for piece in _ITEM_LINE.split(arg)]
    items = [i for i in items if i]
    if name in _BASED_ON:
        return f"{items[0]} by {' and '.join(items[1:])}" if len(items) > 1 else "".join(items)
    return ", ".join(items)

# Lines that are table scaffolding (wiki ``{|``, ``|-``, ``|}``, ``|+``; markdown
# ``|---|:--:|``) and lines whose cells are separated by pipes.
_TABLE_SCAFFOLD = re.compile(r"^[ \t]*(?:\{\||\|\}|\|-.*|\|\+.*|\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*)$", re.M)
_TABLE_LINE = re.compile(r"^[ \t]*[|!].*$", re.M)
# a link or template inside a cell: its pipes are its own, not the table's
_LINKED = re.compile(r"\[\[[^\[\]\n]*\]\]|\{\{[^{}\n]*\}\}")
# a wiki table cell's attributes before its text: ``| rowspan="4" | Academy Awards`` reads "Academy Awards"
_CELL_ATTRS = re.compile(r"""(?:^[ \t]*[|!]|\|\||!!)[ \t]*(?P<a>(?:(?:rowspan|colspan|style|class|align|valign|width|scope|bgcolor|"""
                         r"""data-sort-value)[ \t]*=[ \t]*(?:"[^"\n|]*"|'[^'\n|]*'|[^\s|"'=]+)[ \t]*)+\|(?!\|))""", re.I)
_CELL_SEP = re.compile(r"\|\||!!|\||^[ \t]*!", re.M)
_HEADING_MARKS = re.compile(r"^[ \t]*(?:={1,6}(?=[^=\n]*={1,6}[ \t]*$)|#{1,6}[ \t]+)|(?<=[^=\n])={1,6}[ \t]*$", re.M)
# "*X ... Y*" at the start of a line is Markdown emphasis, not a bullet
EMPHASIS_AHEAD = r"(?!\*[^\s*][^\n]*?[^\s*]\*(?![\w*]))"
_BULLET = re.compile(rf"^[ \t]*(?:[*•·▪◦‣⁃-]+|\d{{1,3}}[.)])[ \t]+|^[ \t]*{EMPHASIS_AHEAD}[*•]+(?=\S)", re.M)

# Every line mark above starts a line with one of these or ends it with "=".
_MARK_FIRST = r"[ \t]*[|!{=#*•·▪◦‣⁃:\d-]"
_MAYBE_MARK_AT_START = re.compile(_MARK_FIRST)
_MAYBE_MARK_LATER = re.compile(r"\n" + _MARK_FIRST + r"|=[ \t]*(?:\n|$)")

SEP = " | "

# The tidying rules (see ``_tidy``): white space runs, empty cells, the lead.
_SPACES = re.compile(r"(?=\s)(?:\s{2,}|[^\S ])")  # runs that are not already one space
_EMPTY_CELLS = re.compile(r"\| [ |]+")
_TIDY_DROPS = re.compile(r"(?P<lead>^\s+)|\|\s[\s|]+|\s\s+")
_ONE_SPACE = re.compile(r"[^\S ]")


def _replacement(m: re.Match[str]) -> tuple[str, int | None]:
    """What a match becomes, and where its characters came from: ``off`` when
    output char ``i`` is input char ``off + i``, None when spread over the match."""
    kind = m.lastgroup
    if kind in ("ansi", "ctrl", "ref", "comment", "tag", "filelink", "bold", "footnote"):
        return "", None
    if kind in ("br", "space"):
        return " ", m.start()
    if kind == "template":
        name = (m.group("tname") or "").strip().lower()
        args = m.group("targs")
        if (name in _KEEP_TEMPLATE_TEXT or name.startswith("lang-")) and args:  # {{lang-fr|Le Samouraï}}
            text = args.split("|")[-1]
            return text, m.start("targs") + len(args) - len(text)
        name = " ".join(name.split())
        if name in _RESULT_TEMPLATES:
            return _RESULT_TEMPLATES[name], None
        if name in _RENDERED and args:
            return _render_template(name, args), None
        return "", None
    if kind == "wikilink":
        grp = "llabel" if m.group("llabel") is not None else "ltarget"
        return m.group(grp), m.start(grp)
    if kind == "extlink":
        text = m.group("elabel") or ""
        return text, (m.start("elabel") if text else None)
    if kind == "mdlink":
        return m.group("mdlabel"), m.start("mdlabel")
    if kind == "entity":
        text = html.unescape(m.group())
        if text.isspace() or text == "\xa0":
            return " ", m.start()
        return text, None
    return m.group(), None  # pragma: no cover - every branch is named above


def _line_marks(text: str) -> list[tuple[int, int, str]]:
    """Spans decided per line: table scaffolding and cell separators, heading
    marks and bullets. Returned sorted as (start, end, replacement)."""
    if not _MAYBE_MARK_AT_START.match(text) and not _MAYBE_MARK_LATER.search(text):
        return []
    marks: list[tuple[int, int, str]] = []
    for m in _TABLE_SCAFFOLD.finditer(text):
        marks.append((m.start(), m.end(), ""))
    scaffold = {s for s, _, _ in marks}
    for line in _TABLE_LINE.finditer(text):
        if line.start() in scaffold:
            continue
        base = line.start()
        links = [m.span() for m in _LINKED.finditer(line.group())] if "[[" in line.group() or "{{" in line.group() else []
        for sep in _CELL_SEP.finditer(line.group()):
            if not any(a < sep.start() < b for a, b in links):  # "[[Academy Award for Best Sound|Best Sound]]" is one cell
                marks.append((base + sep.start(), base + sep.end(), SEP))
        if "=" in line.group():
            marks.extend((base + m.start("a"), base + m.end("a"), "") for m in _CELL_ATTRS.finditer(line.group()))
    for m in _HEADING_MARKS.finditer(text):
        marks.append((m.start(), m.end(), ""))
    for m in _BULLET.finditer(text):
        marks.append((m.start(), m.end(), ""))
    marks.sort()
    own = [(m.start(), m.end()) for m in _OWN_LINES.finditer(text)] if "{{" in text or "<" in text else []
    own_starts = [a for a, _ in own]
    merged: list[tuple[int, int, str]] = []
    for s, e, r in marks:
        if merged and s < merged[-1][1]:
            continue
        k = bisect.bisect_left(own_starts, s) - 1
        if k >= 0 and s < own[k][1]:
            continue  # a bullet or pipe of a list template or a reference: not the page's
        merged.append((s, e, r))
    return merged


def _inline(text: str, pattern: re.Pattern[str], seg_start: int, seg_end: int, out: list[str]) -> None:
    """Cleaned pieces of ``text[seg_start:seg_end]``, appended to ``out``."""
    pos = seg_start
    for m in pattern.finditer(text, seg_start, seg_end):
        if m.start() > pos:
            out.append(text[pos : m.start()])
        piece = _replacement(m)[0]
        if piece:
            out.append(piece)
        pos = m.end()
    if pos < seg_end:
        out.append(text[pos:seg_end])


def clean(text: str) -> str:
    """Readable text of a fragment of a document: the canonical cleaner."""
    marks = _line_marks(text)
    if marks or _INLINE_FIRST_CHAR.search(text) or "''" in text:
        out: list[str] = []
        pattern = _inline_pattern(text)
        pos = 0
        for s, e, rep in marks:
            _inline(text, pattern, pos, s, out)
            if rep:
                out.append(rep)
            pos = e
        _inline(text, pattern, pos, len(text), out)
        text = "".join(out)
    # runs of white space become one space, "| |" one separator; ends stripped
    text = _SPACES.sub(" ", text)
    if "|" in text:
        text = _EMPTY_CELLS.sub("| ", text)
    return text.strip(" |")


def clean_with_map(text: str) -> tuple[str, list[int], list[int]]:
    """Clean ``text`` exactly as ``clean`` does; also return, per output char,
    the start and end of the input span it came from."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(piece: str, off: int | None, m_start: int, m_end: int) -> None:
        n = len(piece)
        if not n:
            return
        out.append(piece)
        if off is None:
            starts.extend([m_start] * n)
            ends.extend([m_start + 1] * (n - 1))
        else:
            starts.append(m_start)
            starts.extend(range(off + 1, off + n))
            ends.extend(range(off + 1, off + n))
        ends.append(m_end)

    def verbatim(a: int, b: int) -> None:
        if b > a:
            out.append(text[a:b])
            starts.extend(range(a, b))
            ends.extend(range(a + 1, b + 1))

    pattern = _inline_pattern(text)

    def inline(seg_start: int, seg_end: int) -> None:
        pos = seg_start
        for m in pattern.finditer(text, seg_start, seg_end):
            verbatim(pos, m.start())
            emit(*_replacement(m), m.start(), m.end())
            pos = m.end()
        verbatim(pos, seg_end)

    pos = 0
    for s, e, rep in _line_marks(text):
        inline(pos, s)
        emit(rep, None, s, e)
        pos = e
    inline(pos, len(text))
    return _tidy("".join(out), starts, ends)


def _tidy(raw: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    """``clean``'s tidying with the offset maps: of a run of white space the
    first char stays (as a space), of "| |…" the "| "; a dropped char's source
    end extends the kept char before it. Then spaces and separators at both
    ends are stripped."""
    parts: list[str] = []
    rs: list[int] = []
    re_: list[int] = []
    pos = 0
    for m in _TIDY_DROPS.finditer(raw):
        a, b = m.start(), m.end()
        keep = a + (0 if m.lastgroup == "lead" else 2 if raw[a] == "|" else 1)
        parts.append(raw[pos:keep])
        rs.extend(starts[pos:keep])
        re_.extend(ends[pos:keep])
        if keep > a:
            re_[-1] = max(re_[-1], max(ends[keep:b]))
        pos = b
    parts.append(raw[pos:])
    rs.extend(starts[pos:])
    re_.extend(ends[pos:])
    res = _ONE_SPACE.sub(" ", "".join(parts))
    lo = len(res) - len(res.lstrip(" |"))
    hi = len(res.rstrip(" |"))
    if lo >= hi:
        return "", [], []
    return res[lo:hi], rs[lo:hi], re_[lo:hi]
