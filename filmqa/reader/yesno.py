"""Yes or no: whether a sentence agrees with the question's statement.

Negations, verdict words on how a film did ("a flop", "turned a profit") and awards won or only
nominated for decide it; the composer picks the sentence, this says which way it answers.
"""

from __future__ import annotations

import re

from ..retriever.analysis import analyse
from .summaries import VERDICT

_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|wasn't|weren't|isn't|didn't|doesn't|don't|hasn't|hadn't|couldn't|wouldn't|"
                       r"without|failed|failure|flop|bomb(?:ed)?|disappoint\w*|lacks?)\b|n['’]t\b", re.I)
_MONEY_ASKED = re.compile(r"\bmake (?:any )?money\b|\bprofit|\bbreak even\b|\bpay off\b", re.I)  # asked yes or no of its takings
# "not a flop", "far from a box-office failure": two negations that say yes
_NOT_A_FAILURE = re.compile(r"\b(?:not|never|no|hardly|far from|n['’]t)\s+(?:(?:a|an|the|\w+ly)\s+)?(?:[\w-]+\s+)?(?:flop|failure|bomb|disappointment)\b", re.I)


# "did it win the Oscar?": the award the question names ("the Oscar", "a BAFTA", "the Palme d'Or")
_LOWER_AWARD = re.compile(r"\b(?:oscars?|academy awards?|golden globes?|emmys?|razzies?|palme d['’]or)\b")
_ASKED_AWARD = re.compile(r"\b(?:win|won|wins|get|got|receive|received)\s+(?:the\s+|an?\s+|any\s+)?(?P<a>(?:[A-Z][\w'’-]*|d['’]Or)(?:\s+(?:[A-Z][\w'’-]*|d['’]Or|for|of|de|du))*)")
_AWARD_SAID = {"oscar": r"academy awards?|oscars?", "oscars": r"academy awards?|oscars?", "academy": r"academy awards?|oscars?"}
_AWARD_WORD = re.compile(r"\b(?:Awards?|Prize|Oscars?|BAFTAs?|Globes?|Emmys?|Palme|Razzies?|Bear|Lion|Shell|Goyas?|C[ée]sars?|Saturn|Academy|Jury)\b")
WON = re.compile(r"\b(?:won|wins?|winning|winner|received|receiving|took|taking|awarded|earned|collected|picked up)\b", re.I)
ONLY_NOMINATED = re.compile(r"\b(?:nominat\w*|lost|losing|shortlisted|contender|in (?:the )?running)\b", re.I)


# "did it win anything?", "did it win any awards?": no award named, any will do
ANY_AWARD = re.compile(r"\b(?:win|won|get|got|receive|received)\s+(?:anything|any(?:\s+\w+)?\s+(?:awards?|prizes?)|an?\s+(?:award|prize)|awards?|prizes?)\b", re.I)
# "won the BAFTA Award for Best Animated Film", "won the top documentary prize at CPH:DOX"
_WON_WHAT = re.compile(r"\b(?:won|wins|received|took home|picked up|was awarded)\s+(?:the\s+|a\s+|an\s+|its\s+)?(?P<a>[^,.;()]{3,70}?)(?=\s*(?:[,.;()]|\s+and\s+(?!Best)|\s+(?:at|in)\s+(?:the\s+)?\d|\s+for\s+(?:her|his|their)\b|$))")


WINS_SAID = re.compile(r"\b(?:won|win|wins|winning)\s+(?:\w+\s+){0,3}?(?:awards?|prizes?|honou?rs?|oscars?)\b", re.I)


def award_named(text: str) -> str | None:
    """The award a sentence says was won (None when it names none)."""
    for m in _WON_WHAT.finditer(text):
        a = m.group("a").strip()
        if _AWARD_WORD.search(a) or re.search(r"\b(?:award|prize|trophy)\b", a, re.I):
            return a
    return None


def asked_award(question: str) -> str | None:
    """A pattern for the award the question names ("did it win the Oscar?" -> "academy awards?|oscars?"), or None."""
    m = _ASKED_AWARD.search(_LOWER_AWARD.sub(lambda x: x.group().capitalize(), question))
    if not m:
        return None
    words_ = [w for w in m.group("a").split() if w[:1].isupper()]
    if not words_ or not _AWARD_WORD.search(m.group("a")):
        return None
    first = words_[0].lower().rstrip("s") if words_[0].lower() in ("oscars",) else words_[0].lower()
    return _AWARD_SAID.get(first, re.escape(words_[0]))


def _award_won(text: str, question: str) -> bool | None:
    """Whether the sentence says the film won the award the question names (None: it does not speak of that award)."""
    said = asked_award(question)
    if said is None:
        return None
    m = _ASKED_AWARD.search(question)
    # "the Goya for Best Film": an award of another category is another award
    cat = re.search(r"\bfor\s+(?:the\s+)?best\s+(?P<c>[\w ]+?)\s*[?.!]*$", question, re.I)
    cat_words = set(analyse(cat.group("c"))) if cat else set()
    verdict = None
    for a in re.finditer(rf"\b(?:{said})\b", text, re.I):
        given = re.match(r"[\w\s]{0,12}?\bfor\s+(?:the\s+)?best\s+(?P<c>[\w ]+)", text[a.end() : a.end() + 60], re.I)
        if cat_words and given and not cat_words <= set(analyse(given.group("c"))):
            continue
        after = re.split(r"[;:,]|\.\s|\s(?:and|but|while)\s", text[a.end() : a.end() + 50])[0]  # not "... and was nominated for a BAFTA"
        if ONLY_NOMINATED.search(after) and not WON.search(after):
            verdict = bool(verdict)  # "an Academy Award nomination", "At the Academy Awards it was nominated"
            continue
        before = text[max(0, a.start() - 80) : a.start()]
        verbs = [(v.end(), True) for v in WON.finditer(before)] + [(v.end(), False) for v in ONLY_NOMINATED.finditer(before)]
        if verbs:
            verdict = bool(max(verbs)[1] or verdict)
    if verdict is None and _AWARD_WORD.search(m.group("a")):
        return False  # an award of its own name the sentence does not give the film
    return verdict


_WIN_ASKED = re.compile(r"\b(?:win|won|wins)\b", re.I)


def polarity(text: str, question: str) -> bool:
    """True for 'yes': the sentence agrees with the question's statement."""
    question = _LOWER_AWARD.sub(lambda m: m.group().capitalize(), question)  # "did it win any oscars?" names the Oscar
    if _WIN_ASKED.search(question):
        won = _award_won(text, question)
        if won is not None:
            return won != bool(_NEGATION.search(question))
    if _WIN_ASKED.search(question) and not re.search(r"\b(?:won|wins?|winning|winner)\b", text, re.I) \
            and re.search(r"\bnominat|\blost\b", text, re.I):
        return bool(_NEGATION.search(question))  # nominated (and lost) is not a win
    # (an award "lost" is no money lost)
    verdict = next((v for v in VERDICT.finditer(text) if not re.fullmatch(r"lost", v.group(), re.I)
                    or re.match(r"\s+(?:\w+\s+){0,2}?(?:[$£€]|money|millions?)", text[v.end() :])), None) if _MONEY_ASKED.search(question) else None
    if verdict is not None:
        # "The success led Greywater to make a sequel without Marchetti": the judgement is the success, not the "without"
        bad = re.match(r"flop|bomb|lost|loss|disappoint", verdict.group(), re.I) is not None
        denied = re.search(r"\b(?:not|never|no|hardly|far from)\b[^,.;]{0,25}$|n['’]t\b[^,.;]{0,25}$", text[: verdict.start()], re.I)
        neg_s = bad != bool(denied)
        neg_q = bool(_NEGATION.search(_NOT_A_FAILURE.sub(" ", question)))
        return neg_s == neg_q
    neg_s = bool(_NEGATION.search(_NOT_A_FAILURE.sub(" ", text)))
    neg_q = bool(_NEGATION.search(_NOT_A_FAILURE.sub(" ", question)))
    return neg_s == neg_q
