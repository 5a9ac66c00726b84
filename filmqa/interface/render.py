"""Turns answers and passages into terminal text, safely.

Document text can hold terminal escape sequences and control characters;
``safe`` removes them before anything reaches the screen. Colours are used
only on a terminal and never when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ..corpus.cleaning import ESCAPE_SEQUENCE
from ..models import Answer, Citation, Passage
from ..retriever.analysis import analyse

_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE = re.compile(ESCAPE_SEQUENCE + r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: object) -> str:
    """Text with escape sequences and control characters removed (newlines and tabs kept).

    Lone surrogates (undecodable bytes in a file name or document) become U+FFFD,
    since a terminal stream cannot encode them.
    """
    return _SURROGATE.sub("\ufffd", _UNSAFE.sub("", str(text)))


def one_line(text: object, limit: int | None = None) -> str:
    """``safe`` text on one line (a file name with a newline cannot split a message),
    cut to ``limit`` characters with an ellipsis when one is given."""
    line = " ".join(safe(text).split())
    return line if limit is None or len(line) <= limit else line[: limit - 1] + "…"


@dataclass(frozen=True)
class Style:
    color: bool = False

    @classmethod
    def for_stream(cls, stream) -> "Style":
        isatty = getattr(stream, "isatty", lambda: False)
        try:
            tty = bool(isatty())
        except Exception:
            tty = False
        return cls(color=tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb")

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def accent(self, text: str) -> str:
        return self._wrap("36", text)

    def warn(self, text: str) -> str:
        return self._wrap("33", text)

    def mark(self, text: str) -> str:
        return self._wrap("1;33", text) if self.color else f"[{text}]"

    def highlight(self, text: str) -> str:
        """A span picked out inside running text (reverse video; »…« in plain text)."""
        return self._wrap("1;7", text) if self.color else f"»{text}«"


def _sources(title: str, citations: list[Citation], style: Style) -> list[str]:
    lines = ["", style.dim(title)]
    for c in citations:
        where = f" — {safe(c.section)}" if c.section else ""
        lines.append(f"  {style.accent(f'[{c.n}]')} {safe(c.title)}{where}" + style.dim(f"  ({safe(c.doc_id)}, chars {c.start}–{c.end})"))
        lines.append(style.dim(f"      “{safe(c.quote).strip()}”"))
    return lines


def render_conflicts(reply: Answer, style: Style = Style()) -> list[str]:
    """One line per fact the sources disagree on: each value with its sources."""
    lines: list[str] = []
    for conflict in reply.conflicts:
        values = "  vs  ".join(
            style.bold(safe(v.value)) + ("" if not v.citations else " " + "".join(f"[{n}]" for n in v.citations))
            for v in conflict.values
        )
        lines.append(style.warn(f"! Sources disagree on {safe(conflict.fact)}: ") + values)
    return lines


def render_answer(reply: Answer, style: Style = Style()) -> str:
    """The reply as a person reads it: answer in bold, support, conflicts, sources."""
    lines: list[str] = []
    body = safe(reply.text).strip()
    if reply.answer:
        ans = safe(reply.answer).strip()
        if ans and body.startswith(ans):
            body = style.bold(ans) + body[len(ans) :]
        elif ans:
            lines.append(style.bold(ans))
    if body:
        lines.append(body)
    conflicts = render_conflicts(reply, style)
    if conflicts:
        lines.append("")
        lines.extend(conflicts)
    if reply.citations:
        lines.extend(_sources("Sources:", reply.citations, style))
    if reply.answer is None and reply.leads:
        lines.extend(_sources("Closest passages:", reply.leads, style))
    return "\n".join(lines)


def highlight(text: str, query_terms: set[str], style: Style) -> str:
    """Marks the words of ``text`` whose index term is one of ``query_terms``."""
    def mark(m: re.Match[str]) -> str:
        word = m.group()
        terms = analyse(word)
        return style.mark(word) if terms and terms[0] in query_terms else word

    return re.sub(r"[\w$][\w'’.$-]*\w|\w", mark, text)


def snippet(text: str, query_terms: set[str], width: int = 240) -> str:
    """A window of ``text`` around its first query word."""
    if len(text) <= width:
        return text
    first = None
    for m in re.finditer(r"\w[\w'’-]*", text):
        t = analyse(m.group())
        if t and t[0] in query_terms:
            first = m.start()
            break
    start = max(0, (first or 0) - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def render_search(query: str, hits: list[Passage], style: Style = Style()) -> str:
    if not hits:
        return "No passage matches that query."
    terms = set(analyse(query))
    lines = []
    for rank, p in enumerate(hits, 1):
        where = f" — {safe(p.section)}" if p.section else ""
        lines.append(style.bold(f"{rank}. {safe(p.title)}{where}") + style.dim(f"  ({safe(p.doc_id)}, chars {p.start}–{p.end}, score {p.score:.2f})"))
        lines.append("   " + highlight(safe(snippet(p.text, terms)), terms, style))
    return "\n".join(lines)


_SGR = re.compile(r"\x1b\[[0-9;]*m")


def visible_len(text: str) -> int:
    return len(_SGR.sub("", text))


def wrap(text: str, width: int) -> str:
    """Word-wrap each line to ``width`` visible columns, ignoring colour codes.

    Continuation lines keep the line's indentation (one more after an opening
    quote mark), so wrapped sources and quotes stay aligned.
    """
    if width < 20:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if visible_len(line) <= width:
            out.append(line)
            continue
        plain = _SGR.sub("", line)
        indent = " " * (len(plain) - len(plain.lstrip(" ")))
        if plain.lstrip(" ").startswith("“"):
            indent += " "
        current, size = "", 0
        for word in re.split(r"(?<= )", line):  # words keep their trailing space
            w = visible_len(word)
            if size and size + len(word.rstrip(" ")) - len(word) + w > width:
                out.append(current.rstrip(" "))
                current, size = indent, len(indent)
                if not _SGR.sub("", word).strip():
                    continue
            current += word
            size += w
        out.append(current.rstrip(" "))
    return "\n".join(out)
