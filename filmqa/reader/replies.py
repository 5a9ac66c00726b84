"""Reply writing shared by every answerer: numbered citations, abstentions, list and record replies.

Kept apart from the composer so the small answerers (awards, compare, records) write their replies the
same way without importing the composer.
"""

from __future__ import annotations

from ..models import Answer, Citation, Passage, PassageRef
from ..retriever.analysis import analyse
from .router import Reading
from .scoring import ScoredSentence


class Citer:
    """Numbers the quoted sentences of one reply, each once."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []

    def listing(self, answer: str, refs: list[int]) -> str:
        """A list reply: the answer, then each quoted sentence with its marker, as every reply writes them."""
        return f"{full_stop(answer)}\n" + "\n".join(f"{c.quote} [{c.n}]" for c in self.citations if c.n in refs)

    def cite(self, ss: ScoredSentence) -> int:
        for c in self.citations:
            if c.doc_id == ss.passage.doc_id and c.start == ss.sentence.start:
                return c.n
        n = len(self.citations) + 1
        self.citations.append(
            Citation(
                n=n,
                doc_id=ss.passage.doc_id,
                title=ss.passage.title,
                section=ss.passage.section,
                quote=ss.sentence.text,
                start=ss.sentence.start,
                end=ss.sentence.end,
                passage_id=ss.passage.id,
            )
        )
        return n


def passage_refs(hits: list[Passage]) -> list[PassageRef]:
    return [PassageRef(passage_id=p.id, doc_id=p.doc_id, section=p.section, score=round(p.score, 4)) for p in hits]


def fact_name(reading: Reading) -> str:
    """The fact in dispute, in the question's own words ("rotten tomatoes score")."""
    from ..retriever.analysis import STOP_WORDS, words
    from .router import GENERIC

    key = set(reading.key_terms)
    picked = [w for w in words(reading.route.resolved_question) if w not in STOP_WORDS and w not in GENERIC and analyse(w) and analyse(w)[0] in key]
    return " ".join(dict.fromkeys(picked)) or (reading.route.aspect or "the answer")


def abstain(reading: Reading, hits: list[Passage], why: str, sentences: list[ScoredSentence] | None = None) -> Answer:
    leads = Citer()
    for ss in (sentences or [])[:2]:
        leads.cite(ss)
    text = "I couldn't find that in the documents."
    if why:
        text += " " + why
    route = reading.route.model_copy(update={"passages": passage_refs(hits), "explanation": reading.route.explanation or why})
    return Answer(question=reading.route.question, answer=None, text=text, route=route, leads=leads.citations, confidence=0.0)


TABLE_NOTE = "read from a structured record"


def full_stop(answer: str) -> str:
    """The short answer as a sentence: "Walter Hill." -- but "48 Hrs." keeps its one stop."""
    return answer if answer.endswith((".", "!", "?")) else answer + "."


def answer_from_record(reading: Reading, hits: list[Passage], answer: str, support: list[ScoredSentence], table: bool = False) -> Answer:
    """A reply whose value was read from a cast list or a table row."""
    citer = Citer()
    refs = [citer.cite(ss) for ss in support[:8]]
    text = f"{full_stop(answer)}\n{support[0].sentence.text} [{refs[0]}]"
    if len(refs) > 1:
        text += "\nAlso stated in " + ", ".join(f"[{n}]" for n in refs[1:]) + "."
    route = reading.route.model_copy(update={"passages": passage_refs(hits), "explanation": TABLE_NOTE + (" (a table row)" if table else " (a cast list)")})
    return Answer(question=route.question, answer=answer, text=text, citations=citer.citations, route=route, confidence=0.9)


def joined(names: list[str]) -> str:
    """ "A, B and C"."""
    return ", ".join(names[:-1]) + (" and " + names[-1] if len(names) > 1 else names[0])


def add_player(ans: Answer, actor: str, ss: ScoredSentence) -> Answer:
    """A character's description with who plays the part, cited from the cast list."""
    citer = Citer()
    citer.citations = list(ans.citations)
    n = citer.cite(ss)
    ans.answer = f"{ans.answer.rstrip()} (Played by {actor}.)"
    ans.text = f"{ans.text}\nPlayed by {actor} [{n}]."
    ans.citations = citer.citations
    return ans
