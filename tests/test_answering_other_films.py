"""A question about a film the documents only mention, or never mention, is abstained on.

It is not answered from the film whose documents happen to match its other words.
"""

from __future__ import annotations

import pytest

from tests.answering_corpus import small_corpus

HARBOUR = (
    "Harbour Lights\n\nHarbour Lights is a 1969 drama film directed by Olga Brandt and starring Piet Kramer. "
    "Its budget was $2 million. Music by Tomas Vell.\n\nIt opened in March 1969, the same week as Hopscotch Summer, "
    "and lost most of its audience to it. Critics preferred it to Stand By Me Tonight.\n\n"
    "MORE FROM OUR SITE\n> 'Dogs of the Quay' review: a noisy caper\n"
)
# more films, so that BM25 weighs the words of one film's documents
OTHERS = {
    "copper": "Copper Valley\n\nCopper Valley is a 1972 crime comedy directed by Ada Stone. It cost $1 million.\n",
    "night": "Night Train\n\nNight Train is a 1994 thriller film directed by Ivo Marek, with music by Lena Ruiz.\n",
}


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("other"), harbour=HARBOUR, **OTHERS)


@pytest.mark.parametrize("question", [
    "who directed hopscotch summer",  # named in passing, written as a title
    "what was the budget of Stand By Me Tonight?",  # capitalised, though its words are small ones
    "who is in dogs of the quay",  # a quoted link to another review
    "who composed the music for the zorbulon",  # a word no document uses
])
def test_a_film_only_mentioned_or_never_mentioned_is_abstained_on(qa, question):
    ans = qa.ask(question)
    assert ans.answer is None and not ans.citations
    assert "is not a film these documents are about" in ans.text


def test_the_films_own_questions_are_still_answered(qa):
    ans = qa.ask("who directed harbour lights")
    assert ans.answer == "Olga Brandt" and ans.citations and "directed by Olga Brandt" in ans.citations[0].quote
    ans = qa.ask("What was the budget of Harbour Lights?")
    assert ans.answer == "$2 million"
    assert qa.ask("who composed the music for Harbour Lights").answer == "Tomas Vell"


def test_a_part_of_another_film_in_a_page_about_both_is_not_credited_to_this_one(tmp_path):
    """A franchise page about both films names a part of the first ("Ivo Marek, who played Grell"): asked of the
    sequel, whose own cast list lacks that part, the answer is an abstention; asked of the first film, the actor."""
    qa = small_corpus(
        tmp_path,
        first=("Deep Current\n\nDeep Current is a 1981 thriller film directed by Ada Stone.\n\n== Cast ==\n"
               "* Nora Vale as Captain Ines Roy\n* Ivo Marek as Grell, a salvage diver\n"),
        second=("Deep Current II\n\nDeep Current II is a 1984 thriller film directed by Tom Reyes.\n\n== Cast ==\n"
                "* Nora Vale as Captain Ines Roy\n* Pia Lund as Dr. Hale\n"),
        franchise=("# Ten things about Deep Current and Deep Current II\n\nDeep Current and Deep Current II were both shot "
                   "off Malta.\n\n## The diver\n\nIvo Marek, who played Grell, did his own diving. Deep Current II "
                   "lost money; Deep Current did not.\n"),
    )
    assert qa.ask("who played grell in deep current ii").answer is None
    ans = qa.ask("who played grell in deep current")
    assert ans.answer == "Ivo Marek" and "Ivo Marek as Grell" in ans.citations[0].quote
    assert qa.ask("who played ines roy in deep current ii").answer == "Nora Vale"


def test_a_name_the_question_itself_names_is_no_answer():
    """"where was nora vale born" answered "Nora Vale" (a name from an awards line) is no answer; a choice is."""
    from filmqa.models import Answer, AnswerType, Route
    from filmqa.reader import _only_what_was_asked

    def reply(question: str, value: str, kind: AnswerType) -> tuple[Answer, Route]:
        route = Route(question=question, resolved_question=question, answer_type=kind)
        return Answer(question=question, answer=value, text=value, route=route), route

    assert _only_what_was_asked(*reply("where was nora vale born", "Nora Vale", AnswerType.PLACE))
    assert not _only_what_was_asked(*reply("where was nora vale born", "Lisbon", AnswerType.PLACE))
    assert not _only_what_was_asked(*reply("who played Ines, Nora Vale or Pia Lund?", "Nora Vale", AnswerType.PERSON))


def test_an_award_for_the_film_is_not_another_title(tmp_path):
    """"the Golden Lens for Harbour Lights" names an award of the film, not a film called "Lens for Harbour Lights"."""
    page = ("# Harbour Lights\n\n**Harbour Lights** is a 1969 drama film directed by **Olga Brandt**. Its cinematographer "
            "Piet Kramer won the Golden Lens for it in 1970.\n")
    qa = small_corpus(tmp_path, harbour=page, **OTHERS)
    ans = qa.ask("Who won the Golden Lens for Harbour Lights?")
    assert ans.route.film == "Harbour Lights (1969)" and "not a film" not in ans.text
    assert ans.answer and "won the Golden Lens" in ans.citations[0].quote
