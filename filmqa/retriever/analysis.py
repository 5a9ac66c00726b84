"""The analyser: one function turns passages and questions into index terms.

Lower-cased, accents folded, possessives dropped, stop words removed, words
stemmed with NLTK's Snowball (Porter2) stemmer, numbers kept as they are
("1988", "29" from "$29", "6.2" from "6.2/10", "1292988" from "1,292,988").
"""

from __future__ import annotations

import re
import threading
import unicodedata

from .._nltk import nltk_module

STOP_WORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been before being
    below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
    during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
    here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
    let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves
    out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the
    their theirs them themselves then there there's these they they'd they'll they're they've this those
    through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when
    when's where where's which while who who's whom why why's with won't would wouldn't you you'd you'll
    you're you've your yours yourself yourselves also just s t d ll re ve m o y tell know please
    give show find whose""".split()
)

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")

_stem_cache: dict[str, str] = {}
_stemmer = None
_stemmer_lock = threading.Lock()


def _get_stemmer():
    global _stemmer
    if _stemmer is None:
        with _stemmer_lock:
            if _stemmer is None:
                _stemmer = nltk_module("nltk.stem.snowball").SnowballStemmer("english")
    return _stemmer


def fold(text: str) -> str:
    """Lower-case, strip accents, straighten quotes."""
    text = text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lower()


def stem(word: str) -> str:
    s = _stem_cache.get(word)
    if s is None:
        s = _get_stemmer().stem(word)
        if len(_stem_cache) < 500_000:
            _stem_cache[word] = s
    return s


def words(text: str) -> list[str]:
    """Folded word and number tokens, before stop words and stemming."""
    out = []
    for tok in _TOKEN.findall(fold(text)):
        if tok[0].isdigit():
            if _THOUSANDS.match(tok):
                tok = tok.replace(",", "")
            elif "," in tok:
                out.extend(tok.split(","))
                continue
            out.append(tok)
        else:
            if tok.endswith("'s"):
                tok = tok[:-2]
            out.append(tok.replace("'", ""))
    return out


# The reader analyses the same sentences again and again (each question reads its
# passages' sentences several times): short texts' terms are remembered.
_SHORT_TEXT = 400
_MAX_REMEMBERED = 50_000
_terms_of: dict[str, tuple[str, ...]] = {}


def analyse(text: str) -> list[str]:
    """Index terms of ``text``: the same function for passages and questions."""
    if len(text) > _SHORT_TEXT:
        return _analyse(text)
    terms = _terms_of.get(text)
    if terms is None:
        if len(_terms_of) >= _MAX_REMEMBERED:
            _terms_of.clear()
        terms = _terms_of[text] = tuple(_analyse(text))
    return list(terms)


def _analyse(text: str) -> list[str]:
    return [t if t[0].isdigit() else stem(t) for t in words(text) if t and t not in STOP_WORDS and (len(t) > 1 or t.isdigit())]
