"""A film's budget is what the film cost: not what one of its scenes cost, nor a sum said of another film.

"The sequel cost the studio $40 million" in a report on both films, "The explosion sequence cost $2 million
alone", or a listicle's paragraph on the other film of the pair are no rival values for the film's budget.
"""

from __future__ import annotations

from answering_corpus import small_corpus

MARROW = """Marrow Bay

{{Infobox film
| name = Marrow Bay
| director = Lena Okafor
| budget = $6 million
}}
Marrow Bay is a 1981 American thriller film directed by Lena Okafor.

== Production ==
The lighthouse in the finale is a model built by the art department.
"""

MARROW_TWO = """Marrow Bay II

Marrow Bay II is a 1985 American thriller film directed by Lena Okafor, the sequel to Marrow Bay (1981). Its budget was $35 million.
"""

NEWS = """Box office: Marrow Bay II opens big

Marrow Bay II opened on 900 screens this weekend, beating the $4 million that the original Marrow Bay took in its own first weekend. The sequel, directed again by Lena Okafor, cost Orion a reported $40 million to produce, six times the cost of the original film.

Marrow Bay was the surprise hit of 1981. Whether Marrow Bay II can match Marrow Bay remains to be seen; Orion has already announced Marrow Bay III.
"""

TRIVIA = """Marrow Bay II trivia

Fans of Marrow Bay II collect these facts.
* The harbour explosion sequence cost about $2 million alone, because the crew built a full-size pier to blow up.
* Okafor storyboarded every shot herself.
"""

LISTICLE = """# Ten things about *Marrow Bay* and *Marrow Bay II*

Forty years on, the original *Marrow Bay* still scares swimmers, and its sequel *Marrow Bay II* has its fans. Here are ten facts about both films.

## 1. A real keeper
The lighthouse keeper in **Marrow Bay** (1981) was played by a real keeper from Portland. Marrow Bay made him famous.

## 2. A long shoot
Okafor planned a six-week shoot in Maine. It ran three months late, and the budget grew from $3 million to $6 million.

## 3. A better boat
Marrow Bay II used a real trawler rather than a model, and Marrow Bay II used it again in every sea scene.
"""


def _corpus(tmp_path):
    return small_corpus(tmp_path, marrow=MARROW, marrow_two=MARROW_TWO, trivia=TRIVIA, listicle=LISTICLE, news=NEWS)


def test_what_the_sequel_cost_is_not_the_first_films_budget(tmp_path):
    reply = _corpus(tmp_path).ask("how much did marrow bay cost to make")
    assert reply.answer == "$6 million", reply.text
    assert reply.citations[0].quote == "budget = $6 million"


def test_a_scenes_cost_and_another_films_paragraph_are_not_the_budget(tmp_path):
    reply = _corpus(tmp_path).ask("whats the budget of marrow bay 2")
    values = [v.value for c in reply.conflicts for v in c.values] or [reply.answer]
    assert "$2 million" not in values and "$3 million" not in values and "$6 million" not in values, reply.text
    assert "$35 million" in values, reply.text


def test_a_part_asked_is_answered_only_by_what_that_part_cost(tmp_path):
    qa = _corpus(tmp_path)
    reply = qa.ask("How much did the harbour explosion in Marrow Bay II cost?")
    assert reply.answer == "$2 million", reply.text
    assert "explosion" in reply.citations[0].quote
    # no document says what the model cost: the film's budget is no answer
    assert qa.ask("How much did the lighthouse model in Marrow Bay cost?").answer is None
