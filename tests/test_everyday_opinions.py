"""Opinion questions ("was it any good?", "should I watch it?") are answered from the critics' verdict, cited.

No document says a film "is good" in those words: the answer is the balance of what the film's own
documents say of its reception (aggregator scores, a reviewer's rating, sentences summing the critics up).
"""

from __future__ import annotations

import pytest
from answering_corpus import small_corpus

from filmqa.reader.opinion import leaning

LANTERN = """The Lantern Keeper

The Lantern Keeper is a 2011 Irish drama film directed by Orla Fahy.

== Reception ==
The film was met with warm notices. On the aggregator Rotten Tomatoes it scores 88% from 40 critics.
"""

LANTERN_BLOG = """The Lantern Keeper - a review

Posted by Dev on a Sunday.

I finally caught The Lantern Keeper at the Triskel last night. The lighthouse scenes are breathtaking and the final storm had the whole cinema holding its breath.

So, should you see it?
Absolutely. It is the best Irish film of the year.
Seven out of ten.
"""

GRAVEL = """Gravel Road Nine

Gravel Road Nine is a 2015 American action film directed by Rick Stamos.

== Reception ==
Gravel Road Nine was panned by critics. It holds a 12% approval rating on Rotten Tomatoes and a score of 21 out of 100 on Metacritic.
"""

TIDES = """Low Tides

Low Tides is a 2008 British comedy film directed by Nell Cray.

== Reception ==
Reviews were divided. Critics liked the cast but found the script thin.
"""


@pytest.mark.parametrize("question", ["was the lantern keeper any good?", "Is The Lantern Keeper worth watching",
                                      "should i watch the lantern keeper", "how good is the lantern keeper?",
                                      "did people like the lantern keeper"])
def test_a_well_reviewed_film_is_worth_watching(tmp_path, question):
    qa = small_corpus(tmp_path, lantern=LANTERN, lantern_blog=LANTERN_BLOG, gravel=GRAVEL)
    reply = qa.ask(question)
    assert reply.answer == "Yes", reply.text
    quotes = " ".join(c.quote for c in reply.citations)
    assert "88%" in quotes, reply.text
    assert {c.doc_id for c in reply.citations} == {"lantern.txt", "lantern_blog.txt"}, reply.text


def test_a_panned_film_is_not(tmp_path):
    qa = small_corpus(tmp_path, lantern=LANTERN, gravel=GRAVEL)
    reply = qa.ask("is gravel road nine any good")
    assert reply.answer == "No", reply.text
    assert any("panned" in c.quote or "12%" in c.quote for c in reply.citations)


def test_divided_critics_make_a_mixed_verdict(tmp_path):
    qa = small_corpus(tmp_path, tides=TIDES, gravel=GRAVEL)
    reply = qa.ask("Was Low Tides good?")
    assert reply.answer == "Mixed", reply.text
    assert reply.citations and reply.citations[0].doc_id == "tides.txt"


def test_a_follow_up_opinion_is_about_the_film_in_focus(tmp_path):
    qa = small_corpus(tmp_path, lantern=LANTERN, gravel=GRAVEL)
    conv = qa.conversation()
    conv.ask("who directed gravel road nine?")
    assert conv.ask("was it any good?").answer == "No"


def test_no_film_no_verdict(tmp_path):
    qa = small_corpus(tmp_path, lantern=LANTERN, gravel=GRAVEL)
    assert qa.ask("was it any good?").answer is None  # two films and none named
    assert qa.ask("is Velvet Mile worth watching?").answer is None  # a film whose documents judge nothing


def test_a_sentence_leans_by_its_score_or_its_words():
    assert leaning("It holds an approval rating of 91% on Rotten Tomatoes.") == 1
    assert leaning("My rating: 2 out of 5 stars") == -1
    assert leaning("Critics praised the score but found the plot thin.") == 0
    assert leaning("The film received generally positive reviews.") == 1
