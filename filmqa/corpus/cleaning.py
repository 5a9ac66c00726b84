"""The markup cleaner: wiki/markdown/HTML noise out, readable text in.

``clean`` is the one definition of "cleaned text". ``clean_with_map`` does the
same work but also remembers, for every output character, the span of the
input it came from, so a passage or a sentence found in cleaned text can be
traced back to exact offsets of the original file. Passages are built so that
``clean(original[p.start:p.end]) == p.text`` always holds.
"""

from __future__ import annotations

import html
import re

# Terminal escape sequences: CSI ("ESC [ 31 m"), OSC ("ESC ] 0;title BEL") and
# two-byte escapes. The one definition for documents, questions and the screen.
ESCAPE_SEQUENCE = r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
# Escapes and control characters, for text that must be one plain line.
TERMINAL_NOISE = re.compile(ESCAPE_SEQUENCE + r"|[\x00-\x1f\x7f-\x9f]")

# One alternation, tried left to right at each position. Each branch names what
# it replaces; ``_replacement`` says what it becomes.
_INLINE = re.compile(
    r"(?P<ansi>" + ESCAPE_SEQUENCE + r")"
    r"""
  | (?P<ctrl>[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff])
  | (?P<ref><ref[^>/]*/> | <ref[^>]*>.*?</ref>)
  | (?P<comment><!--.*?-->)
  | (?P<br><br\s*/?>)
  | (?P<tag></?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>)
  | (?P<template>\{\{(?P<tname>[^{}|]*)(?:\|(?P<targs>[^{}]*))?\}\})
  | (?P<filelink>\[\[(?:File|Image|Category):[^\]]*\]\])
  | (?P<wikilink>\[\[(?P<ltarget>[^\]|]*)(?:\|(?P<llabel>[^\]]*))?\]\])
  | (?P<extlink>\[https?://\S+(?:\s(?P<elabel>[^\]]*))?\])
  | (?P<mdlink>\[(?P<mdlabel>[^\]\n]+)\]\([^)\s]+\))
  | (?P<bold>'{2,5} | \*\*(?=\S) | (?<=\S)\*\*)
  | (?P<entity>&(?:[a-zA-Z]{2,8}|\#\d{1,6}|\#x[0-9a-fA-F]{1,6});)
  | (?P<space>\s+)
    """,
    re.VERBOSE | re.DOTALL,
)

# Templates whose last argument is text that belongs in the sentence.
_KEEP_TEMPLATE_TEXT = {"nowrap", "nobr", "lang", "small", "nowrap begin", "sic", "abbr", "script"}

# Lines that are table scaffolding (wiki ``{|``, ``|-``, ``|}``, ``|+``; markdown
# ``|---|:--:|``) and lines whose cells are separated by pipes.
_TABLE_SCAFFOLD = re.compile(r"^[ \t]*(?:\{\||\|\}|\|-.*|\|\+.*|\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*)$", re.M)
_TABLE_LINE = re.compile(r"^[ \t]*[|!].*$", re.M)
_CELL_SEP = re.compile(r"\|\||!!|\||^[ \t]*!", re.M)
_HEADING_MARKS = re.compile(r"^[ \t]*(?:={1,6}(?=[^=\n]*={1,6}[ \t]*$)|#{1,6}[ \t]+)|(?<=[^=\n])={1,6}[ \t]*$", re.M)
_BULLET = re.compile(r"^[ \t]*(?:[*•·▪◦‣⁃-]+|\d{1,3}[.)])[ \t]+|^[ \t]*[*•]+(?=\S)", re.M)

SEP = " | "


def _replacement(m: re.Match[str]) -> tuple[str, list[int] | None]:
    """What a match becomes, and where each output character came from
    (absolute offsets of the input; None = spread over the match)."""
    kind = m.lastgroup
    if kind in ("ansi", "ctrl", "ref", "comment", "tag", "filelink", "bold"):
        return "", None
    if kind in ("br", "space"):
        return " ", [m.start()]
    if kind == "template":
        name = (m.group("tname") or "").strip().lower()
        args = m.group("targs")
        if name in _KEEP_TEMPLATE_TEXT and args:
            text = args.split("|")[-1]
            off = m.start("targs") + len(args) - len(text)
            return text, list(range(off, off + len(text)))
        return "", None
    if kind == "wikilink":
        grp = "llabel" if m.group("llabel") is not None else "ltarget"
        text = m.group(grp)
        return text, list(range(m.start(grp), m.start(grp) + len(text)))
    if kind == "extlink":
        text = m.group("elabel") or ""
        return text, list(range(m.start("elabel"), m.start("elabel") + len(text))) if text else None
    if kind == "mdlink":
        text = m.group("mdlabel")
        return text, list(range(m.start("mdlabel"), m.start("mdlabel") + len(text)))
    if kind == "entity":
        text = html.unescape(m.group())
        if text.isspace() or text == "\xa0":
            return " ", [m.start()]
        return text, None
    return m.group(), None  # pragma: no cover - every branch is named above


def _line_marks(text: str) -> list[tuple[int, int, str]]:
    """Spans decided per line: table scaffolding and cell separators, heading
    marks and bullets. Returned sorted as (start, end, replacement)."""
    marks: list[tuple[int, int, str]] = []
    for m in _TABLE_SCAFFOLD.finditer(text):
        marks.append((m.start(), m.end(), ""))
    scaffold = {s for s, _, _ in marks}
    for line in _TABLE_LINE.finditer(text):
        if line.start() in scaffold:
            continue
        base = line.start()
        for sep in _CELL_SEP.finditer(line.group()):
            marks.append((base + sep.start(), base + sep.end(), SEP))
    for m in _HEADING_MARKS.finditer(text):
        marks.append((m.start(), m.end(), ""))
    for m in _BULLET.finditer(text):
        marks.append((m.start(), m.end(), ""))
    marks.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, r in marks:
        if merged and s < merged[-1][1]:
            continue
        merged.append((s, e, r))
    return merged


def clean_with_map(text: str) -> tuple[str, list[int], list[int]]:
    """Clean ``text``; also return, per output char, its source start and end."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(piece: str, src: list[int] | None, m_start: int, m_end: int) -> None:
        for i, ch in enumerate(piece):
            pos = src[i] if src is not None and i < len(src) else m_start
            starts.append(m_start if i == 0 else pos)
            ends.append(m_end if i == len(piece) - 1 else pos + 1)
            out.append(ch)

    def inline(seg_start: int, seg_end: int) -> None:
        pos = seg_start
        for m in _INLINE.finditer(text, seg_start, seg_end):
            for i in range(pos, m.start()):
                starts.append(i)
                ends.append(i + 1)
                out.append(text[i])
            piece, src = _replacement(m)
            emit(piece, src, m.start(), m.end())
            pos = m.end()
        for i in range(pos, seg_end):
            starts.append(i)
            ends.append(i + 1)
            out.append(text[i])

    pos = 0
    for s, e, rep in _line_marks(text):
        inline(pos, s)
        emit(rep, None, s, e)
        pos = e
    inline(pos, len(text))
    return _tidy(out, starts, ends)


def _tidy(out: list[str], starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    """Collapse runs of spaces and of cell separators; strip the ends."""
    res: list[str] = []
    rs: list[int] = []
    re_: list[int] = []
    for ch, s, e in zip(out, starts, ends):
        if ch.isspace():
            ch = " "
            if not res or res[-1] == " ":
                if res:
                    re_[-1] = max(re_[-1], e)
                continue
        elif ch == "|" and len(res) >= 2 and res[-1] == " " and res[-2] == "|":
            # "| |" -> "|": empty cells say nothing
            re_[-1] = max(re_[-1], e)
            continue
        res.append(ch)
        rs.append(s)
        re_.append(e)
    # strip spaces and separators at both ends
    lo, hi = 0, len(res)
    while lo < hi and res[lo] in " |":
        lo += 1
    while hi > lo and res[hi - 1] in " |":
        hi -= 1
    return "".join(res[lo:hi]), rs[lo:hi], re_[lo:hi]


def clean(text: str) -> str:
    """Readable text of a fragment of a document: the canonical cleaner."""
    return clean_with_map(text)[0]

