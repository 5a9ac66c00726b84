"""A web page's facts about itself: who wrote it, which site published it, when.

The lines that say so ("By Dana Whitfield, Staff Writer", "Last updated: February 16,
2026", "movieMx Verified", "© 2020 Saddle & Screen") are page furniture, dropped from
the passages so that no answer about the film is read from them. They are kept here as
records (``Document.page``) for the questions about the page itself: "who wrote the
review?", "which site published it?", "when was the page last updated?".

Only a page's first and last lines are read: that is where a masthead, a byline and a
footer stand, and it keeps the cost per document constant however long it is.
"""

from __future__ import annotations

import re

from ..models import PageFact
from .cleaning import clean

HEAD_LINES = 12  # non-empty lines read at the top of a page
FOOT_LINES = 8  # ... and at its foot

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|{_MONTH}\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
# a person's name as a byline writes it: "Dana Whitfield", "Megan O'Rourke", "kohaku_river", "J. R. Smith"
_NAME = r"(?:[A-Z][\w'’.-]*|[a-z]+_[\w]+)(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|del|le|la))*"
_PEOPLE = rf"{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*?"
# "Last updated: February 16, 2026", "Updated August 8, 2023", "last modified on 3 March 2024"
_UPDATED = re.compile(rf"(?i)\b(?:last\s+)?(?:updated|modified|edited)(?:\s+on)?\s*:?\s*(?P<date>{DATE})")
# "Published on 2 May 2019", "Posted: October 3, 2024", "date: 2021-10-09" (a page's front matter)
_PUBLISHED = re.compile(rf"(?i)(?:\b(?:first\s+|originally\s+)?(?:published|posted)(?:\s+on)?\s*:?|^date\s*:)\s*(?P<date>{DATE})")
# "By Dana Whitfield, Staff Writer", "Posted by Hannah Fisk, October 3, 2024", "A blog post by Julien Arai, ...",
# "Review by X", "author: Priya Nandakumar" -- never "Directed by"/"Written by", a film's credits
_BYLINE = re.compile(rf"^(?:(?i:(?:a\s+)?(?:blog\s+post|post|review|article|words)\s+by|posted\s+by|reviewed\s+by|author\s*:)|By)\s+"
                     rf"(?P<who>{_PEOPLE})(?=\s*(?:$|[,|·•–—(]|\s-\s|\s+on\s|\s+\d))")
# a byline's date after the name: "Posted by Hannah Fisk, October 3, 2024", "By X | 12 April 2023"
_DATE_AFTER = re.compile(rf"[\s,|·•–—-]*(?:on\s+)?(?P<date>{DATE})")
_LATER_BY = re.compile(rf"\bby\s+\W*(?P<who>{_NAME})")  # "Last updated 3 March 2024 by **kohaku_river**"
# the site: "movieMx Verified", "straight from the JoBlo crew", "© 2020 Saddle & Screen. All rights reserved"
_VERIFIED = re.compile(r"^(?P<site>\S{3,40})\s+verified$", re.I)
_CREW = re.compile(r"\bthe\s+(?P<site>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})\s+(?:crew|team|staff|editors|newsroom)\b")
_COPYRIGHT = re.compile(r"(?:©|\((?i:c)\)|\b(?i:copyright)\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<site>[A-Z][\w&'’ .-]{1,40}?)\s*(?:\d{4}\b|[.,·|]|\b(?i:all rights)\b|$)")
# a masthead: the site's name in capitals, alone or before its motto ("SADDLE & SCREEN — classic westerns")
_MASTHEAD = re.compile(r"^(?P<site>[A-Z][A-Z&'’ .]{2,40}?[A-Z.])\s*(?:$|\s[|—–›:-]\s|\s{2,})")
_NOT_SITE = re.compile(r"(?i)\b(?:home|menu|search|cookies?|skip|sign|log|review|reviews|trivia|notes|programme|chapter)\b")
_SITE_SUFFIX = re.compile(r"(?i)\s+(?:media(?:\s+ltd)?|ltd|inc|llc|plc|limited)\.?$")
# a lone name under the page's title, before its first paragraph: the author, as blogs print it
_LONE_NAME = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){0,2}$")
_HEADING_WORDS = frozenset("""introduction overview summary synopsis plot story review reviews verdict cast crew credits
    production reception release background contents notes trivia about analysis conclusion contents
    home news features menu""".split())


def _fact(key: str, value: str, line: str, start: int, end: int) -> PageFact:
    return PageFact(key=key, value=" ".join(value.split()).strip(" .,*_"), line=line, start=start, end=end)


def _site_name(raw: str) -> str:
    """ "SADDLE & SCREEN" -> "Saddle & Screen"; "Popcorn Pulse Media" -> "Popcorn Pulse"; "movieMx" as it is."""
    name = _SITE_SUFFIX.sub("", raw.strip(" .,"))
    if name.isupper() and not re.fullmatch(r"[A-Z0-9.]+\.(?:COM|NET|ORG)", name):
        name = " ".join(w if len(w) <= 1 else w.capitalize() for w in name.lower().split())
    return name


def _line_facts(line: str, s: int, e: int, at_top: bool) -> list[PageFact]:
    out: list[PageFact] = []
    m = _BYLINE.match(line)
    if m and len(line.split()) <= 20:
        out.append(_fact("author", m.group("who"), line, s, e))
        d = _DATE_AFTER.match(line, m.end())
        if d:
            out.append(_fact("published", d.group("date"), line, s, e))
    m = _UPDATED.search(line)
    if m:
        out.append(_fact("updated", m.group("date"), line, s, e))
        by = _LATER_BY.search(line, m.end())
        if by and not any(f.key == "author" for f in out):
            out.append(_fact("author", by.group("who"), line, s, e))
    m = _PUBLISHED.search(line)
    if m:
        out.append(_fact("published", m.group("date"), line, s, e))
    for pattern in (_VERIFIED, _CREW, _COPYRIGHT) + ((_MASTHEAD,) if at_top else ()):
        m = pattern.search(line) if pattern is not _VERIFIED else pattern.match(line)
        if m and not (pattern is _MASTHEAD and _NOT_SITE.search(m.group("site"))) and not re.search(r"\d", m.group("site")):
            out.append(_fact("site", _site_name(m.group("site")), line, s, e))
            break
    return out


def _lone_name(text: str, line: str) -> bool:
    """A line that is a name and nothing else ("Chris"), no heading's word, and said nowhere else on the page:
    a page's title or a section heading is written again in its text, its author's name seldom is."""
    if not _LONE_NAME.match(line) or any(w.lower() in _HEADING_WORDS for w in line.split()):
        return False
    return all(len(re.findall(rf"(?<!\w){re.escape(w)}(?!\w)", text)) == 1 for w in line.split())


def page_facts(text: str, lines: list[tuple[int, int]]) -> list[PageFact]:
    """The page's byline, site and dates, from its first and last non-empty lines (offsets into ``text``)."""
    filled = [(s, e) for s, e in lines if e > s]
    head, foot = filled[:HEAD_LINES], filled[max(HEAD_LINES, len(filled) - FOOT_LINES) :]
    out: list[PageFact] = []
    for k, (s, e) in enumerate(head + foot):
        line = clean(text[s:e])
        if len(line) > 200:
            continue
        out.extend(_line_facts(line, s, e, at_top=k < 4))
        if k <= 2 and k < len(head) - 1 and _lone_name(text, line) and len(clean(text[slice(*head[k + 1])])) > 150:
            if not any(f.key == "author" for f in out):
                out.append(_fact("author", line, line, s, e))  # "Chris", alone at the top, above a long paragraph
    seen: set[tuple[str, str]] = set()
    unique = []
    for f in out:
        if (f.key, f.value.lower()) not in seen and f.value:
            seen.add((f.key, f.value.lower()))
            unique.append(f)
    return unique
