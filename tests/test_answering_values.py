"""Values said under a qualifier, score scales, and sources that disagree."""

from __future__ import annotations

import pytest

from filmqa import FilmQA

from answering_corpus import small_corpus

ARTICLE = """Tin Comet

{{Infobox film
| name = Tin Comet
| released = March 2, 2009 (festival) April 17, 2009
| runtime = 104 minutes
}}

Tin Comet is a 2009 science fiction film. It premiered at a festival on March 2, 2009.

==Reception==
On Rotten Tomatoes the film holds an approval rating of 78% based on 90 reviews, with an average rating of 6.8/10.
Audiences polled by CinemaScore gave the film an average grade of "B+" on an A+ to F scale.
Perhaps it would have done better if it had been released in 2011.
"""

BLOG = """Tin Comet (2009) review

Tin Comet currently sits at 71% on Rotten Tomatoes. The total runtime of Tin Comet is 109 minutes.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    root = tmp_path_factory.mktemp("values")
    (root / "article.txt").write_text(ARTICLE)
    (root / "blog.txt").write_text(BLOG)
    for i, other in enumerate(("Lead Harbor", "Velvet Mile", "Quiet Engine")):  # other films, so common words keep some weight
        (root / f"other{i}.txt").write_text(f"{other}\n\n{other} is a 199{i} drama film directed by Ann Lowe. It runs 9{i} minutes.\n"
                                            f"The film received mixed reviews from critics.\n")
    return FilmQA.from_directory(root, cache=False)


def test_the_release_is_not_the_festival_premiere(qa):
    reply = qa.ask("When was Tin Comet released?")
    assert reply.answer == "April 17, 2009", reply.text


@pytest.mark.parametrize(
    "question, expected",
    [("What CinemaScore grade did Tin Comet get?", "B+"), ("What is Tin Comet's average rating?", "6.8/10")],
)
def test_the_scale_the_question_names(qa, question, expected):
    assert qa.ask(question).answer == expected


@pytest.mark.parametrize(
    "question, values",
    [("What is Tin Comet's Rotten Tomatoes rating?", {"78%", "71%"}), ("How long is Tin Comet?", {"104 minutes", "109 minutes"})],
)
def test_disagreeing_sources_are_reported(qa, question, values):
    reply = qa.ask(question)
    reported = {v.value for c in reply.conflicts for v in c.values}
    assert values <= reported, reply.text


def test_counts_and_spans(tmp_path):
    qa = small_corpus(tmp_path, a=(
        "Brass Orchard\n\nBrass Orchard is a 1983 drama film directed by Ann Lowe. It sold 2,450,100 admissions in Spain "
        "and was shown on 340 screens. Filming in Bilbao was allowed for only a few days. Its follow-up, Iron Orchard, "
        "came out six months later.\n"))
    assert qa.ask("How many admissions did Brass Orchard have in Spain?").answer == "2,450,100"
    assert qa.ask("How many screens was Brass Orchard shown on?").answer == "340"
    assert "a few days" in (qa.ask("For how long was filming in Bilbao allowed?").answer or "")
    assert "six months" in (qa.ask("How long after Brass Orchard did Iron Orchard come out?").answer or "")
    assert qa.ask("How tall is Ann Lowe?").answer is None
    assert qa.ask("What is the sequel to Velvet Mile called?").answer is None


def test_hit_or_flop_is_a_yes_no_question(tmp_path):
    qa = small_corpus(tmp_path, a=("Glass Anchor\n\nGlass Anchor is a 1994 drama film directed by Ann Lowe. "
                                   "The film was a box office success, earning four times its budget.\n"))
    reply = qa.ask("Glass Anchor: hit or flop?")
    assert reply.answer is not None and reply.answer.startswith("Yes"), reply.text


def test_a_value_under_another_occasion_does_not_answer(tmp_path):
    qa = small_corpus(tmp_path, a=("Brass Orchard\n\nBrass Orchard is a 1983 drama film directed by Ann Lowe. "
                                   "It grossed $12.5 million worldwide.\n"))
    assert qa.ask("What was the worldwide gross of Brass Orchard?").answer == "$12.5 million"
    assert qa.ask("How much did Brass Orchard make on DVD?").answer is None


def test_whos_in_it_after_the_film_is_in_focus(tmp_path):
    qa = small_corpus(tmp_path, a=("Brass Orchard\n\n{{Infobox film\n| name = Brass Orchard\n| starring = Ida Wren, Tom Oakes\n}}\n\n"
                                   "Brass Orchard is a 1983 drama film directed by Ann Lowe.\n"))
    conv = qa.conversation()
    assert conv.ask("Who directed Brass Orchard?").answer == "Ann Lowe"
    assert conv.ask("who's in it?").answer == "Ida Wren and Tom Oakes"


def test_a_nomination_is_not_a_win(tmp_path):
    qa = small_corpus(tmp_path, a=("Brass Orchard\n\nBrass Orchard is a 1983 drama film directed by Ann Lowe. "
                                   "The film received one Academy Award nomination, for Best Sound, and lost.\n"))
    assert qa.ask("Did Brass Orchard win the Academy Award for Best Sound?").answer == "No"
    assert qa.ask("Was Brass Orchard nominated for an Oscar?").answer == "Yes"


def test_a_value_of_another_market_does_not_answer(tmp_path):
    qa = small_corpus(tmp_path, a=("Copper Lantern\n\n{{Infobox film\n| name = Copper Lantern\n"
                                   "| released = 4 May 1961 (Rome); 19 June 1961 (Italy)\n}}\n\n"
                                   "Copper Lantern is a 1961 Italian drama film directed by Ann Lowe.\n\n==Box office==\n"
                                   "The film took €2.4 million in Italy and €1.3 million in Spain.\n"))
    reply = qa.ask("How much did Copper Lantern make in Spain?")
    assert reply.answer == "€1.3 million", reply.text
    assert "in Spain" in reply.citations[0].quote
    assert qa.ask("How much did Copper Lantern gross in Italy?").answer == "€2.4 million"
    # both release dates are said of other places: the documents never date a French release
    assert qa.ask("When did Copper Lantern come out in France?").answer is None


def test_a_fact_sheet_line_disagrees_with_the_infobox(tmp_path):
    qa = small_corpus(tmp_path, a=("Copper Lantern\n\n{{Infobox film\n| name = Copper Lantern\n| runtime = 112 minutes\n}}\n\n"
                                   "Copper Lantern is a 1961 Italian drama film directed by Ann Lowe. Copper Lantern was a hit in Rome.\n"),
                      b=("# Copper Lantern (1961): distributor notes\n\nNotes on Copper Lantern (1961) for cinemas.\n\n"
                         "- **Director:** Ann Lowe\n- **Running time:** 106 minutes\n- **Language:** Italian\n\n"
                         "Copper Lantern played in Copper Lantern season at the Lantern cinema, Copper Lantern fans say.\n"))
    reply = qa.ask("How long is Copper Lantern?")
    assert {v.value for v in reply.conflicts[0].values} == {"112 minutes", "106 minutes"} if reply.conflicts else False, reply.text
    assert any("Running time: 106 minutes" in c.quote for c in reply.citations)


def test_an_age_rating_is_not_a_critics_score(tmp_path):
    qa = small_corpus(tmp_path, a=("Copper Lantern\n\nCopper Lantern is a 1961 Italian drama film directed by Ann Lowe. "
                                   "On Rotten Tomatoes it holds a 91% rating, with an average rating of 7.9/10.\n\n"
                                   "==Release==\nThe censors classified it as PG-13 in the United States, where it opened in May 1961.\n"),
                      b=("# Copper Lantern (1961): distributor notes\n\nNotes on Copper Lantern (1961) for cinemas.\n\n"
                         "- **Certificate:** 12 (United Kingdom)\n- **Language:** Italian\n"))
    reply = qa.ask("What is Copper Lantern rated?")
    assert reply.answer in ("PG-13", "12"), reply.text
    us = qa.ask("what certificate did copper lantern get in the US")
    assert us.answer == "PG-13", us.text
    assert "classified it as PG-13" in us.citations[0].quote
    assert qa.ask("What is Copper Lantern rated in the UK?").answer == "12"


def test_a_sites_own_rating_is_read_from_its_page(tmp_path):
    qa = small_corpus(tmp_path, a=("Copper Lantern\n\nCopper Lantern is a 1961 Italian drama film directed by Ann Lowe. "
                                   "On Rotten Tomatoes it holds a 91% rating, with an average rating of 7.9/10.\n"),
                      b=("This site uses cookies. We use cookies to personalise content. Accept all | Reject | Settings\n"
                         "REEL & RUST — old films, one reel at a time\nHome | Reviews | About\n\n"
                         "Copper Lantern (1961): a quiet Roman gem\nPosted by Ida Wren | May 2, 2021\n\nVerdict: 3 out of 5 lanterns\n\n"
                         "Copper Lantern is slow but lovely, and the critics agree: it is sitting at 91% on Rotten Tomatoes. "
                         "Ann Lowe shoots Rome like a postcard.\n\n© 2021 Reel & Rust. All rights reserved.\n"))
    reply = qa.ask("what did reel & rust rate copper lantern")
    assert reply.answer == "3 out of 5", reply.text  # the site's verdict, not the aggregator it quotes
    assert "Verdict: 3 out of 5" in reply.citations[0].quote


def test_an_unplaced_date_is_the_home_markets_and_a_budget_is_no_fee(tmp_path):
    qa = small_corpus(tmp_path, a=("Brass Orchard\n\n{{Infobox film\n| name = Brass Orchard\n| country = Canada\n"
                                   "| released = March 3, 1983\n| budget = $2 million\n}}\n\n"
                                   "Brass Orchard is a 1983 Canadian drama film directed by Ann Lowe and starring Ida Wren, "
                                   "made for $2 million. It later played in Germany and France.\n"))
    assert qa.ask("When was Brass Orchard released in Canada?").answer == "March 3, 1983"
    # a date said of no country is the Canadian film's own release: nothing dates a German one
    assert qa.ask("When was Brass Orchard released in Germany?").answer is None
    # the budget said beside the star's name is not her pay
    assert qa.ask("How much was Ida Wren paid for Brass Orchard?").answer is None


def test_an_infobox_date_does_not_silence_a_source_that_disagrees(tmp_path):
    qa = small_corpus(tmp_path, a=("Copper Lantern\n\n{{Infobox film\n| name = Copper Lantern\n| released = May 4, 1961\n}}\n\n"
                                   "Copper Lantern is a 1961 Italian drama film directed by Ann Lowe.\n"),
                      b=("Copper Lantern (1961): trivia\n\nNotes on Copper Lantern (1961).\n\n"
                         "Notes on the crew, the laboratory and the strike. Crew: 40 people, most of them from the Cinecittà lots "
                         "and the dubbing houses of Rome, paid by the week.\n\nThe strike at the laboratory held up the prints "
                         "for a week while the unions talked. Italian release: May 12, 1961.\n"),
                      **{f"other{i}": f"{t}\n\n{t} is a 199{i} drama film directed by Ida Wren.\n"  # other films: "release" keeps its weight
                         for i, t in enumerate(("Lead Harbor", "Quiet Engine", "Glass Anchor"))})
    reply = qa.ask("When did Copper Lantern come out?")
    assert reply.conflicts, reply.text
    assert {v.value for v in reply.conflicts[0].values} == {"May 4, 1961", "May 12, 1961"}


def test_a_date_in_another_spelling_or_of_a_re_release_is_no_conflict(tmp_path):
    """"20 July 2001" is "July 20, 2001"; a year said of a later re-release is not its release date; the day it
    opened in a weekend is its release date, so a source that gives another one still disagrees."""
    qa = small_corpus(tmp_path, a=("Paper Crane\n\n{{Infobox film\n| name = Paper Crane\n| released = July 20, 2001\n}}\n\n"
                                   "Paper Crane is a 2001 animated film directed by Ann Lowe.\n"),
                      b=("Paper Crane fan page\n\n| Original release | 20 July 2001 |\n\nWe love Paper Crane.\n"),
                      c=("Paper Crane (2001): box office\n\nNotes on Paper Crane (2001).\n\n"
                         "Paper Crane grossed $12 million, including later re-releases in Korea (2019) and Taiwan (2020).\n"),
                      **{f"other{i}": f"{t}\n\n{t} is a 199{i} drama film directed by Ida Wren.\n"
                         for i, t in enumerate(("Lead Harbor", "Quiet Engine", "Glass Anchor"))})
    reply = qa.ask("When was Paper Crane released?")
    assert reply.answer == "July 20, 2001" and not reply.conflicts, reply.text
    (tmp_path / "b").mkdir()
    qa = small_corpus(tmp_path / "b", a=("Iron Gull\n\n{{Infobox film\n| name = Iron Gull\n| released = July 3, 1990\n}}\n\n"
                                         "Iron Gull is a 1990 action film directed by Ann Lowe.\n"),
                      b=("Iron Gull (1990): trivia\n\nNotes on Iron Gull (1990).\n\n"
                         "Release date: July 4, 1990 (the holiday weekend)\n"))
    reply = qa.ask("When did Iron Gull come out?")
    assert {v.value for c in reply.conflicts for v in c.values} == {"July 3, 1990", "July 4, 1990"}, reply.text
