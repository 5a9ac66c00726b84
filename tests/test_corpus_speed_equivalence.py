"""The fast corpus code gives exactly what the plain, slow definitions give.

The cleaner once walked every character in Python and the title matcher was
one regex alternation of every title; both were rewritten for speed. The plain
versions are kept here as references and the fast ones are compared with them
on generated markup and on the test corpora.
"""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

import pytest

from filmqa.corpus import _training_sample, build_corpus, cleaning
from filmqa.corpus.cleaning import clean, clean_with_map
from filmqa.corpus.films import TitleMatcher, normalise_title

ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------- reference cleaner

# The same branches as the cleaner's, plus every run of white space as one match
# (the fast cleaner leaves runs to its tidying step).
_REF_INLINE = re.compile(cleaning._INLINE_BRANCHES + r"| (?P<space>\s+)", re.VERBOSE | re.DOTALL)


def _ref_replacement(m: re.Match[str]) -> tuple[str, list[int] | None]:
    kind = m.lastgroup
    if kind in ("br", "space"):
        return " ", [m.start()]
    for grp in ("targs", "llabel", "ltarget", "elabel", "mdlabel"):
        if kind == "template" and grp == "targs" and ((m.group("tname") or "").strip().lower() in cleaning._KEEP_TEMPLATE_TEXT or (m.group("tname") or "").strip().lower().startswith("lang-")) and m.group(grp):
            args = m.group(grp)
            text = args.split("|")[-1]
            off = m.start(grp) + len(args) - len(text)
            return text, list(range(off, off + len(text)))
        if (kind, grp) in (("wikilink", "llabel"), ("wikilink", "ltarget"), ("extlink", "elabel"), ("mdlink", "mdlabel")):
            text = m.group(grp)
            if text is None or (kind == "extlink" and not text):
                continue
            return text, list(range(m.start(grp), m.start(grp) + len(text)))
    if kind == "entity":
        text = html.unescape(m.group())
        return (" ", [m.start()]) if text.isspace() or text == "\xa0" else (text, None)
    if kind == "template" and " ".join((m.group("tname") or "").lower().split()) in cleaning._RESULT_TEMPLATES:
        return cleaning._RESULT_TEMPLATES[" ".join(m.group("tname").lower().split())], None
    if kind == "template" and " ".join((m.group("tname") or "").lower().split()) in cleaning._RENDERED and m.group("targs"):
        return cleaning._render_template(" ".join(m.group("tname").lower().split()), m.group("targs")), None
    return "", None


def _ref_line_marks(text: str) -> list[tuple[int, int, str]]:
    marks = [(m.start(), m.end(), "") for m in cleaning._TABLE_SCAFFOLD.finditer(text)]
    scaffold = {s for s, _, _ in marks}
    for line in cleaning._TABLE_LINE.finditer(text):
        if line.start() not in scaffold:
            links = [m.span() for m in cleaning._LINKED.finditer(line.group())]  # a link's or template's own pipes
            marks += [(line.start() + sep.start(), line.start() + sep.end(), cleaning.SEP) for sep in cleaning._CELL_SEP.finditer(line.group())
                      if not any(a < sep.start() < b for a, b in links)]
            marks += [(line.start() + m.start("a"), line.start() + m.end("a"), "") for m in cleaning._CELL_ATTRS.finditer(line.group())]
    marks += [(m.start(), m.end(), "") for rx in (cleaning._HEADING_MARKS, cleaning._BULLET) for m in rx.finditer(text)]
    own = [(m.start(), m.end()) for m in cleaning._OWN_LINES.finditer(text)]  # list templates, references, comments
    merged: list[tuple[int, int, str]] = []
    for s, e, r in sorted(marks):
        if (not merged or s >= merged[-1][1]) and not any(a < s < b for a, b in own):
            merged.append((s, e, r))
    return merged


def reference_clean_with_map(text: str) -> tuple[str, list[int], list[int]]:
    """The cleaner as first written: one character at a time."""
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
        for m in _REF_INLINE.finditer(text, seg_start, seg_end):
            emit(text[pos : m.start()], list(range(pos, m.start())), pos, m.start())
            emit(*_ref_replacement(m), m.start(), m.end())
            pos = m.end()
        emit(text[pos:seg_end], list(range(pos, seg_end)), pos, seg_end)

    pos = 0
    for s, e, rep in _ref_line_marks(text):
        inline(pos, s)
        emit(rep, None, s, e)
        pos = e
    inline(pos, len(text))
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
            re_[-1] = max(re_[-1], e)
            continue
        res.append(ch)
        rs.append(s)
        re_.append(e)
    lo, hi = 0, len(res)
    while lo < hi and res[lo] in " |":
        lo += 1
    while hi > lo and res[hi - 1] in " |":
        hi -= 1
    return "".join(res[lo:hi]), rs[lo:hi], re_[lo:hi]


PIECES = [
    "[[", "]]", "|", "||", "{{", "}}", "nowrap", "lang", "'''", "''", "'", "**", "<ref>", "</ref>", "<ref name=a/>",
    "<br/>", "<br>", "&nbsp;", "&amp;", "&#160;", "&#x2003;", "\n", "\n", " ", " ", "  ", "\t", "\x0c", "\x0b", "\x1c",
    "\x1f", "\u200b", "\x1b[31m", "\x1b]0;t\x07", "==", "=", "#", "# ", "*", "•", "- ", "1.", "2)", "!", "!!", "{|",
    "|}", "|-", "|+", "http://x.y", "https://a", "[", "]", "(", ")", "a", "Word", "Red", ".", "\xa0", "\u2003",
    "\x85", "<!--", "-->", "<b>", "</i>", ":", "--", ":--:", "File:", "Image:x", "\r", "x\n",
    "{{plainlist|", "{{ubl|", "{{film date|", "1988", "6", "{{based on|", "{{won}}", "{{nom}}", "{{ Nom }}", 'rowspan="2" ', "style=x",
]


def _markup_samples(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_reference_cleaner_agrees_with_the_documented_examples():
    assert reference_clean_with_map("'''Red''' [[Walter Hill|Hill]] directed it{{cite web|url=x}}.")[0] == "Red Hill directed it."
    assert reference_clean_with_map("|| VHS \n|| 1990")[0] == "VHS | 1990"


@pytest.mark.parametrize("seed", range(4))
def test_cleaner_equals_the_character_by_character_reference_on_markup(seed):
    for raw in _markup_samples(2500, seed):
        expected = reference_clean_with_map(raw)
        assert clean_with_map(raw) == expected, raw
        assert clean(raw) == expected[0], raw


def test_cleaner_equals_the_reference_on_corpus_files():
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "multifilm").rglob("*.*"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for raw in [text, *text.split("\n\n"), *text.splitlines()[:400]]:
            assert clean_with_map(raw) == reference_clean_with_map(raw)


def test_control_characters_inside_white_space_keep_the_run_together():
    # the space stands for " \x0c": a form feed at the end of a run is still in it
    raw = "a \x0cb \x0c  c\x0c d"
    expected = ("a b c d", [0, 1, 3, 4, 8, 10, 11], [1, 3, 4, 8, 9, 11, 12])
    assert clean_with_map(raw) == reference_clean_with_map(raw) == expected


# --------------------------------------------------------------------------- titles


class ReferenceTitleMatcher:
    """The matcher as first written: one alternation of every title."""

    def __init__(self, titles: list[str]) -> None:
        ordered = sorted(set(titles), key=lambda t: (-len(t), t))
        self._by_norm = {normalise_title(t): t for t in ordered}
        alts = "|".join(re.escape(normalise_title(t)) for t in ordered if normalise_title(t))
        self._re = re.compile(rf"(?<![\w']){'(?:' + alts + ')' if alts else '(?!)'}(?![\w'])")

    def find(self, text: str) -> list[str]:
        return [self._by_norm[m.group()] for m in self._re.finditer(normalise_title(text))]


def test_title_matcher_equals_the_alternation_reference():
    rng = random.Random(7)
    words = ["red", "heat", "the", "night", "train", "ii", "of", "a", "o'brien", "it's", "2", "é"]
    titles = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))).title() for _ in range(60)]
    titles += ["Heat!!!!!!", "Heat II", "Red Heat", "Red Heat II", "Ocean's Eleven", "’s", "", "The"]
    fast, ref = TitleMatcher(titles), ReferenceTitleMatcher(titles)
    for _ in range(300):
        text = " ".join(rng.choice(words + ["Heat!", "(1988)", "red-heat", "Ocean’s", "x"]) for _ in range(rng.randint(0, 40)))
        assert fast.find(text) == ref.find(text), text
    # the longest title wins where titles start at the same word, even if its words are fewer
    few = TitleMatcher(["Heat!!!!!!", "Heat II", "Red Heat", "Red Heat II"])
    assert few.find("Red Heat II and heat ii") == ["Red Heat II", "Heat!!!!!!"]


def test_title_matcher_on_the_multifilm_corpus():
    corpus = build_corpus(ROOT / "tests" / "data" / "multifilm")
    titles = [f.title for f in corpus.films] + ["Red", "The"]
    fast, ref = TitleMatcher(titles), ReferenceTitleMatcher(titles)
    found = 0
    for p in corpus.passages:
        assert fast.find(p.text) == ref.find(p.text)
        found += len(fast.find(p.text))
    assert found > 50


# --------------------------------------------------------------------------- training sample


def test_punkt_sample_is_the_joined_bodies_as_far_as_they_are_read(monkeypatch):
    monkeypatch.setattr("filmqa.corpus.TRAIN_SAMPLE_CHARS", 10)
    for bodies in (["abcd", "efgh", "ijkl"], ["abcdefgh", "xy", "z"], ["abcdefghijkl", "z"], [], ["a"]):
        assert _training_sample(bodies) == "\n\n".join(bodies)[: len(_training_sample(bodies))]
        assert len(_training_sample(bodies)) >= min(10, len("\n\n".join(bodies)))


# --------------------------------------------------------------------------- worker processes


def _dump(corpus) -> dict:
    return {
        "documents": [d.model_dump() for d in corpus.documents],
        "passages": [p.model_dump() for p in corpus.passages],
        "films": [f.model_dump() for f in corpus.films],
        "skipped": [s.model_dump() for s in corpus.skipped],
    }


@pytest.mark.parametrize("folder", ["seeds", "tests/data/multifilm"])
def test_documents_read_in_worker_processes_give_the_same_corpus(folder, monkeypatch):
    from filmqa.corpus import build_corpus_from_files
    from filmqa.corpus.loading import read_corpus

    files, skipped = read_corpus(ROOT / folder)
    alone = build_corpus_from_files(folder, files, skipped, workers=1)
    # tasks of one document, so both workers get some
    monkeypatch.setattr("filmqa.corpus.DOCS_PER_TASK", 1)
    shared = build_corpus_from_files(folder, files, skipped, workers=2)
    assert _dump(shared) == _dump(alone)
    assert len(alone.passages) > 50
