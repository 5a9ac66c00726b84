"""Prose answers: what a film is about, film titles named in a sentence."""

from __future__ import annotations

import pytest

from filmqa import FilmQA

from answering_corpus import small_corpus

ARTICLE = """Salt Lantern

Salt Lantern is a 2004 mystery film directed by Edda Brun.

==Plot==
A lighthouse keeper on a Baltic island finds a drowned courier carrying a ledger of smuggled amber.
She hides the ledger and the smugglers come looking for it.

==Production==
Brun had earlier made 12 Bells, and she asked composer Ivo Marsh for a score like the one he wrote for The Long Shore.
The cast was told to watch Rebecca to prepare.
"""

REVIEW = """Salt Lantern Review

## Story & Plot Summary: Salt Lantern

Quick Plot Summary: Released in 2004, Salt Lantern is a Mystery film directed by Edda Brun.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    root = tmp_path_factory.mktemp("prose")
    (root / "article.txt").write_text(ARTICLE)
    (root / "review.md").write_text(REVIEW)
    (root / "other.txt").write_text("Velvet Mile\n\nVelvet Mile is a 1990 drama film directed by Ann Lowe. It runs 95 minutes.\n")
    return FilmQA.from_directory(root, cache=False)


def test_what_it_is_about_is_the_plot_opening(qa):
    reply = qa.ask("What is Salt Lantern about?")
    assert reply.answer is not None and "lighthouse keeper" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Which film had Brun made earlier?", "12 Bells"),
        ("Which film was the cast told to watch to prepare?", "Rebecca"),
    ],
)
def test_titles_in_prose(qa, question, expected):
    reply = qa.ask(question)
    assert reply.answer is not None and expected in reply.answer, reply.text
    assert expected in reply.citations[0].quote


def test_a_sentence_that_points_back_brings_the_one_before(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(tmp_path, a=("Brass Orchard\n\nBrass Orchard is a 1983 drama film directed by Ann Lowe.\n\n==Production==\n"
                                   "Lowe rewrote the orchard fire sequence nine times. \"It is the heart of the film,\" Lowe said later.\n"))
    reply = qa.ask("Which sequence did Lowe say is the heart of the film?")
    assert reply.answer is not None and "orchard fire sequence" in reply.answer, reply.text
    assert [c.quote for c in reply.citations][0].startswith("Lowe rewrote")


def test_the_quote_comes_from_the_encyclopedic_source_first(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(
        tmp_path,
        a=("Brass Orchard\n\n{{Infobox film\n| name = Brass Orchard\n| runtime = 99 min\n}}\n\n"
           "Brass Orchard is a 1983 drama film directed by Ann Lowe.\n"),
        b=("Brass Orchard Review\n\n## Ending Explained\n\nEnding Breakdown: Directed by Ann Lowe, Brass Orchard closes on an open note.\n"),
    )
    reply = qa.ask("Who directed Brass Orchard?")
    assert reply.answer == "Ann Lowe"
    assert reply.citations[0].doc_id == "a.txt", reply.text

TIN_LEAD = ("Tin Harbour\n\n{{Infobox film\n| name = Tin Harbour\n| runtime = 90 min\n}}\n\n"
            "Tin Harbour is a 1961 British drama film directed by Ann Lowe. ")


def test_whats_it_about_without_an_apostrophe_reads_the_leads_premise(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(tmp_path, a=(
        TIN_LEAD + "Adapted by Lowe from the novel \"Low Water\" by "
        "Ivo Marsh, it follows a ferryman who must smuggle a wounded sailor past the customs men of a fishing town.\n\n"
        "==Production==\nFilming took place in Cornwall over six weeks in 1960.\n"))
    reply = qa.ask("whats tin harbour about")
    assert reply.answer is not None and "ferryman who must smuggle a wounded sailor" in reply.answer, reply.text
    assert reply.citations[0].quote.startswith("Adapted by Lowe")


def test_stars_a_as_b_who_is_a_premise_before_the_plots_first_scene(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(tmp_path, a=(
        TIN_LEAD + "It stars Ivo Marsh and Edda Brun as a ferryman and "
        "his daughter who hide a stolen lifeboat from the harbour master.\n\n"
        "==Plot==\nOn a grey morning in 1899, Jory Penhale rows out to check his nets.\nHe sees a lifeboat adrift.\n"))
    reply = qa.ask("What's the plot of Tin Harbour?")
    assert reply.answer is not None and "hide a stolen lifeboat" in reply.answer, reply.text


def test_a_reviews_own_whats_it_about_is_answered_by_what_follows(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(tmp_path, a=(
        "Tin Harbour review: a small, salty delight\n\nBy Ada Brook | 3 March 2021\n\n"
        "Tin Harbour is the best thing Ann Lowe has made in years.\n\n"
        "So what is it about? A retired ferryman agrees to teach a city lawyer to sail. Neither of them can swim.\n\n"
        "The photography is lovely and the ending made me cry.\n"))
    reply = qa.ask("what's tin harbour about?")
    assert reply.answer is not None and "retired ferryman agrees to teach" in reply.answer, reply.text
    assert "Neither of them can swim" in reply.answer and len(reply.citations) == 2


def test_a_premise_naming_another_film_is_not_this_ones(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(
        tmp_path,
        a="Tin Harbour\n\nTin Harbour is a 1961 British drama film directed by Ann Lowe.\n",
        b=("Tin Harbour II\n\nTin Harbour II is a 1966 British drama film directed by Ann Lowe. The first Tin Harbour, "
           "from 1961, was a small drama about a ferryman and a lawyer.\n\n==Plot==\n"
           "Five years later, the ferryman's son must sail the lawyer's yacht to France.\n"),
    )
    reply = qa.ask("What is Tin Harbour II about?")
    assert reply.answer is not None and "ferryman's son must sail" in reply.answer, reply.text


REASONS = """Pale Rider of Lune

Pale Rider of Lune is a 1972 British western film directed by Ann Lowe.

==Plot==
One night the silver bridle is stolen by the miller Tobias Wren, who hides it in his cellar.
Later Ada learns that Wren stole the bridle because his own horse had died that winter.
The sheriff takes away Ada's rifle, as she has no permit to carry one in the county, and orders her home.

==Production==
Ivo Marsh was first cast as the sheriff, but his contract with the stage company ran until June, so he withdrew.
Edda Brun did not return for the second film because of a quarrel with the producers.
Lowe wrote the script after spending a winter on a farm in the Lune valley.
The title comes from a folk song that Lowe's grandmother sang.
The BBFC required cuts of 20 seconds to the mill sequence because of its shots of a drowning horse.
"""


@pytest.mark.parametrize("question, expected, whole", [
    ("Why does Tobias Wren steal the bridle?", "because his own horse had died", False),
    ("Why does the sheriff take Ada's rifle?", "as she has no permit to carry one in the county", False),
    ("why didnt Ivo Marsh play the sheriff?", "so he withdrew", True),
    ("Why didn't Edda Brun come back for the second film?", "because of a quarrel with the producers", False),
    ("Why did Lowe write Pale Rider of Lune?", "after spending a winter on a farm", False),
    ("why is it called pale rider of lune", "comes from a folk song", False),
    ("why did the censors cut pale rider of lune?", "because of its shots of a drowning horse", False),
])
def test_why_is_answered_by_the_sentence_that_gives_a_reason(tmp_path, question, expected, whole):
    from answering_corpus import small_corpus

    reply = small_corpus(tmp_path, a=REASONS).ask(question)
    assert reply.answer is not None and expected in reply.answer, reply.text
    assert expected in reply.citations[0].quote
    # the reason cut from its sentence, up to the next clause; a reason drawn to a consequence keeps its whole sentence
    assert (reply.answer == reply.citations[0].quote) == whole, reply.answer
    assert "orders her home" not in reply.answer


def test_what_happens_in_a_film_reads_its_plot(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(tmp_path, a=(
        "Hélène\n\nHélène is a 1999 French drama film directed by Ann Lowe.\n\n==Plot==\n"
        "Hélène Marchal, a night nurse in Lyon, finds a newborn left on the hospital steps and decides to raise him in secret.\n"))
    for question in ("what happens in helene?", "what happens in Hélène"):
        reply = qa.ask(question)
        assert reply.answer is not None and "night nurse in Lyon" in reply.answer, reply.text


def test_was_it_a_hit_reports_verdicts_from_each_of_the_films_documents(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(
        tmp_path,
        a=("Grey Tide\n\nGrey Tide is a 2011 horror film directed by Ann Lowe.\n\n==Plot==\nA fisherman's luck becomes a hit "
           "with the village.\n\n==Release==\nThe film opened in 2,100 theaters in October 2011 and grossed $41 million "
           "worldwide against a budget of $15 million. Because of the cost of its advertising, trade papers called it a "
           "box-office disappointment.\n"),
        b=("Grey Tide: notes for exhibitors\n\nGrey Tide held well in its third week. With takings nearly three times its "
           "budget, the picture was a solid commercial success for Marsh Releasing.\n"),
        c=("Lantern Bay\n\nLantern Bay is a 2009 horror film directed by Ann Lowe. It was a surprise hit, and it led to Grey Tide.\n"),
    )
    reply = qa.ask("was grey tide a hit?")
    assert reply.conflicts, reply.text
    quotes = " ".join(c.quote for c in reply.citations)
    assert "box-office disappointment" in quotes and "solid commercial success" in quotes
    assert "surprise hit" not in quotes and "fisherman" not in quotes


def test_how_did_critics_take_it_is_the_sentence_that_sums_them_up(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(
        tmp_path,
        a=("Grey Tide\n\n{{Infobox film\n| name = Grey Tide\n| runtime = 90 min\n}}\n\nGrey Tide is a 2011 horror film directed "
           "by Ann Lowe. It opened to glowing reviews and ran for six months.\n\n==Reception==\nOn Rotten Tomatoes the film holds "
           "an approval rating of 91% based on 80 reviews. The site's consensus reads: \"Cold, patient and frightening.\"\n"),
        b=("Grey Tide review\n\nBy Ada Brook\n\nI saw Grey Tide twice. Reviewers were divided on the ending, but everyone "
           "agreed about the sound design.\n"),
    )
    reply = qa.ask("what did critics think of grey tide?")
    assert reply.answer is not None and "opened to glowing reviews" in reply.answer, reply.text
    assert "Reviewers were divided" in reply.answer and len(reply.citations) == 2
    reply = qa.ask("What does the Rotten Tomatoes consensus say about Grey Tide?")
    assert reply.answer is not None and "Cold, patient and frightening" in reply.answer, reply.text


@pytest.mark.parametrize("question", ["what genre is tin harbour?", "What kind of film is Tin Harbour?"])
def test_what_genre_is_the_kind_of_film_the_lead_says_it_is(tmp_path, question):
    from answering_corpus import small_corpus

    qa = small_corpus(tmp_path,
                      a=TIN_LEAD.replace("British drama film", "Anglo-Irish seafaring adventure film") + "It runs 90 minutes.\n",
                      b="Tin Harbour review\n\nReleased in 1961, Tin Harbour is a Drama, Adventure film directed by Ann Lowe.\n")
    reply = qa.ask(question)
    assert reply.answer == "seafaring adventure", reply.text
    assert reply.citations[0].doc_id == "a.txt"


def test_how_did_it_do_there_reads_how_it_did_in_that_market(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(tmp_path, a=(
        "Grey Tide\n\nGrey Tide is a 2011 horror film directed by Ann Lowe.\n\n==Box office==\n"
        "Grey Tide grossed $12 million in the United States and did poorly there. Lowe later said the film \"was a "
        "flop at home. It was huge overseas.\"\n\n==Home media==\nThe DVD sold well, and it was one of the top rentals of 2012.\n"))
    reply = qa.ask("How did Grey Tide do on video?")
    assert reply.answer is not None and "top rentals" in reply.answer, reply.text
    reply = qa.ask("how did grey tide do abroad, according to Lowe?")
    assert reply.answer is not None and "It was huge overseas" in reply.answer, reply.text
    assert "flop at home" in reply.answer  # what "it" is, said just before


def test_what_kind_of_music_did_one_ask_another_for_reads_what_was_asked(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(tmp_path, a=(
        "Grey Tide\n\n{{Infobox film\n| name = Grey Tide\n| music = Ivo Marsh\n}}\n\nGrey Tide is a 2011 horror film "
        "directed by Ann Lowe.\n\n==Music==\nThe music was composed by Ivo Marsh. \"I told Ivo I wanted the sound of a "
        "church organ under the sea,\" said Lowe.\n"))
    reply = qa.ask("What kind of music did Lowe ask Marsh for?")
    assert reply.route.answer_type.value == "description"
    assert reply.answer is not None and "church organ under the sea" in reply.answer, reply.text


def test_a_common_word_is_not_corrected_to_a_longer_one_the_corpus_holds(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(tmp_path, a=(
        "Grey Tide\n\nGrey Tide is a 2011 horror film directed by Ann Lowe.\n\n==Production==\n"
        "Lowe says she chose to soften the Ivo Marsh persona, making him quieter and sadder than in his westerns. "
        "The two leads exchange rings in the last scene.\n"))
    from filmqa.reader import correct_typos

    fixed, _ = correct_typos("How did Lowe change Marsh's usual persona?", qa.knowledge)
    assert "exchange" not in fixed
    assert "persona" in correct_typos("What was Marsh's persnoa?", qa.knowledge)[0]  # a real typo is still mended
    reply = qa.ask("How did Lowe change Marsh's usual persona?")
    assert reply.answer is not None and "soften the Ivo Marsh persona" in reply.answer, reply.text


def test_allowed_is_said_as_given_permission(tmp_path):
    from answering_corpus import small_corpus

    qa = small_corpus(tmp_path, a=(
        "Grey Tide\n\nGrey Tide is a 2011 British horror film directed by Ann Lowe.\n\n==Production==\n"
        "The crew was allowing the cast to improvise most scenes. It was the first British film given permission to shoot "
        "inside Dover Castle.\n"))
    reply = qa.ask("What was Grey Tide the first British film allowed to do?")
    assert reply.answer is not None and "shoot inside Dover Castle" in reply.answer, reply.text


@pytest.mark.parametrize("question", ["what is Gorse Hill?", "whats gorse hill", "Tell me about Gorse Hill",
                                      "describe gorse hill", "summarize Gorse Hill", "give me a summary of Gorse Hill"])
def test_a_question_naming_only_the_film_asks_what_it_is_about(tmp_path, question):
    qa = small_corpus(tmp_path, gorse=("Gorse Hill\n\nGorse Hill is a 2012 Welsh drama film directed by Ann Lowe. "
                                       "It follows a shepherd who hides a runaway boy from the police during a hard winter.\n"))
    reply = qa.ask(question)
    assert reply.answer is not None and "shepherd" in reply.answer, reply.text
    assert any("shepherd" in c.quote for c in reply.citations)


def test_a_fields_kind_is_answered_from_the_field_and_a_two_word_nationality_is_no_genre(tmp_path):
    qa = small_corpus(tmp_path, tide=("Tide Lantern\n\n{{Infobox film\n| name = Tide Lantern\n| language = Korean\n"
                                      "| country = South Korea\n}}\n\nTide Lantern is a 2019 South Korean mystery thriller "
                                      "film directed by Ann Lowe. A fisherman's daughter vanishes; an English-language "
                                      "remake was announced in 2021.\n"))
    reply = qa.ask("what language is tide lantern in")
    assert reply.answer == "Korean", reply.text
    assert qa.ask("What genre is Tide Lantern?").answer == "mystery thriller"
