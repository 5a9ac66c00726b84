"""Money in any currency, the asked measure, award names and negation in yes/no questions."""

from __future__ import annotations

import pytest

from filmqa import FilmQA
from filmqa.reader.extract import find_money

ARTICLE = """The Copper Heron

The Copper Heron is a 2011 British drama film directed by Ilse Varga. It was produced by Marrow Lane Films.

{{Infobox film
| name = The Copper Heron
| director = Ilse Varga
| budget = £7.5 million
| gross = $31.2 million
}}

==Production==
The film cost 7.5 million pounds to make. The planned bridge over the estuary was never built.

==Release==
The Copper Heron grossed $31.2 million worldwide against a budget of £7.5 million.

==Reception==
On Rotten Tomatoes the film holds an approval rating of 91% based on 80 reviews. On Metacritic it has a score of 77 out of 100.

==Accolades==
The film won the BAFTA Award for Outstanding British Film and was nominated for the Academy Award for Best Picture.
"""

SECOND = """Salt Ferry

Salt Ferry is a 2019 Danish documentary film directed by Aske Holm. It was made for about 3 million kroner.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    root = tmp_path_factory.mktemp("money_yesno")
    (root / "heron.txt").write_text(ARTICLE)
    (root / "ferry.txt").write_text(SECOND)
    return FilmQA.from_directory(root, cache=False)


@pytest.mark.parametrize(
    "text, surface, norm",
    [
        ("a budget of £11 million", "£11 million", "£11000000"),
        ("made for about €420,000 in all", "€420,000", "€420000"),
        ("it cost 3 million euros", "3 million euros", "€3000000"),
        ("some 12 million kronor", "12 million kronor", "SEK 12000000"),
        ("grossed $6.4 million", "$6.4 million", 6400000),
        ("grossed 10 million dollars", "10 million dollars", 10000000),
    ],
)
def test_money_in_any_currency_is_read_and_never_equals_dollars(text, surface, norm):
    assert [(s, n) for s, n, _ in find_money(text)] == [(surface, norm)]


def test_a_budget_in_pounds_is_the_budget(qa):
    reply = qa.ask("What was the budget of The Copper Heron?")
    assert reply.answer == "£7.5 million", reply.text


def test_a_budget_in_kroner(qa):
    reply = qa.ask("How much did Salt Ferry cost to make?")
    assert reply.answer is not None and "3 million" in reply.answer, reply.text


def test_metacritic_is_not_the_rotten_tomatoes_figure(qa):
    reply = qa.ask("What is the Metacritic score of The Copper Heron?")
    assert reply.answer is not None and reply.answer.startswith("77"), reply.text
    assert "%" not in reply.answer


def test_a_score_of_n_on_metacritic_is_out_of_100():
    from filmqa.reader.extract import find_score

    found = [(s, n) for s, n, _ in find_score("It holds 94% on Rotten Tomatoes and a score of 86 on Metacritic.")]
    assert found == [("94%", "94%"), ("86", "86/100")]


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Did The Copper Heron win the Oscar?", "No"),  # nominated for the Academy Award, won a BAFTA
        ("Did The Copper Heron win the Academy Award?", "No"),
        ("Did The Copper Heron win a BAFTA?", "Yes"),
    ],
)
def test_the_award_named_must_be_the_award_won(qa, question, expected):
    reply = qa.ask(question)
    assert reply.answer == expected, reply.text


def test_ever_is_no_typo_for_never(qa):
    reply = qa.ask("Was the bridge over the estuary ever built?")
    assert reply.answer == "No", reply.text


def test_a_company_keeps_its_company_word(qa):
    reply = qa.ask("Which production company made The Copper Heron?")
    assert reply.answer == "Marrow Lane Films", reply.text


def test_a_name_written_in_one_piece_is_read_whole(qa):
    from filmqa.reader.extract import extract
    from filmqa.models import AnswerType

    found = extract(AnswerType.PLACE, "It had its world premiere at CPH:DOX in Copenhagen.", qa.knowledge)
    assert "CPH:DOX" in [s for s, _, _ in found]
    orgs = extract(AnswerType.ORGANISATION, "It streams on Canal+ in France.", qa.knowledge)
    assert all(s != "Canal" for s, _, _ in orgs)


def test_did_it_win_anything_names_what_it_won(qa):
    reply = qa.ask("Did The Copper Heron win anything?")
    assert reply.answer is not None and reply.answer.startswith("Yes"), reply.text
    assert "BAFTA Award for Outstanding British Film" in reply.answer


def test_an_award_of_another_category_is_another_award():
    from filmqa.reader.yesno import polarity

    text = "She won the Goya Award for Best Actress; the film was nominated for the Goya Award for Best Film but did not win."
    assert polarity(text, "Did it win the Goya for Best Actress?") is True
    assert polarity(text, "Did it win the Goya for Best Film?") is False


@pytest.mark.parametrize("question", ["how long is kestrel nine", "What is the capital of Norway?", "How long is Kestrel Nine?"])
def test_a_thing_the_documents_never_mention_is_not_answered(qa, question):
    reply = qa.ask(question)
    assert reply.answer is None, reply.text


CRAFT = """Lantern Street

Lantern Street is a 1979 American crime film directed by Oona Falk and written by Ray Dunmore.

==Reception==
The site's consensus reads: "Oona Falk's moody direction carries a thin story."
Star Burt Calder later wrote that the film "was the hardest shoot of my life".
"""


def test_craft_questions_prefer_credits_to_words_about_the_film(tmp_path):
    (tmp_path / "lantern.txt").write_text(CRAFT)
    qa = FilmQA.from_directory(tmp_path, cache=False)
    wrote = qa.ask("Who wrote Lantern Street?")
    assert wrote.answer == "Ray Dunmore", wrote.text
    directed = qa.ask("Who directed Lantern Street?")
    assert directed.answer == "Oona Falk", directed.text
    assert directed.citations[0].quote.startswith("Lantern Street is a 1979"), directed.text


CHARACTERS = """Dust Harbour

Dust Harbour is a 1991 crime film directed by Noor Falk.

==Plot==
Inspector Mara Quill hunts the smuggling kingpin Oskar Venn through the docks of Rotterdam.

==Cast==
*Lena Ostrova as Insp. Mara Quill
*Pieter van Dam as Oskar Venn
"""


def test_who_is_a_character_describes_the_part_and_its_player(tmp_path):
    (tmp_path / "dust.txt").write_text(CHARACTERS)
    qa = FilmQA.from_directory(tmp_path, cache=False)
    reply = qa.ask("Who is Oskar Venn?")
    assert reply.answer is not None and "kingpin" in reply.answer, reply.text
    assert "Pieter van Dam" in reply.answer
    assert any("Pieter van Dam as Oskar Venn" in c.quote for c in reply.citations)


ABOUT = """Brass Lantern

Brass Lantern is a 2015 animated film directed by Ada Brook.

==Plot==
In Leeds in 1890, the lamplighter Tom Ashby lives alone. One night his lantern is stolen by a fox who wants its light.
"""


def test_what_is_it_about_reads_the_story_with_its_start(tmp_path):
    (tmp_path / "lantern.txt").write_text(ABOUT)
    qa = FilmQA.from_directory(tmp_path, cache=False)
    reply = qa.ask("What is Brass Lantern about?")
    assert reply.answer is not None and "lantern is stolen by a fox" in reply.answer, reply.text
    assert len(reply.citations) == 2 and "stolen" in reply.citations[1].quote


def test_a_fragment_without_a_verb_is_no_plot_sentence():
    from filmqa.reader.summaries import _HAS_VERB

    assert not _HAS_VERB.search("Moscow Police Georgian drug kingpin and crime lord.")
    assert _HAS_VERB.search("The ambush backfires and the kingpin flees.")


def test_was_it_a_success_reports_a_hit_denied_elsewhere(tmp_path):
    (tmp_path / "a.txt").write_text("Iron Gull\n\nIron Gull is a 1990 action film directed by Ada Brook.\n\n"
                                    "==Box office==\nThe movie was a box office success in its first month.\n")
    (tmp_path / "b.txt").write_text("Iron Gull, looked back\n\nDespite a big campaign, Iron Gull wasn't a major box-office hit.\n")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    reply = qa.ask("Was Iron Gull a success?")
    assert reply.conflicts, reply.text


def test_how_long_reads_a_length_written_short(tmp_path):
    (tmp_path / "doc.md").write_text("# Grey Tide\n\n**A documentary by Ada Brook** · Marsh Films · 97 min · English\n\n"
                                     "## Festival run and awards\n\nThe film ran at twelve festivals and won two awards.\n")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    c = qa.conversation()
    c.ask("Who directed Grey Tide?")
    reply = c.ask("how long is it")
    assert reply.answer == "97 minutes", reply.text


def test_whos_distributing_asks_for_a_company_and_owns_nothing(tmp_path):
    (tmp_path / "doc.txt").write_text("Grey Tide\n\nGrey Tide is a 2020 documentary film directed by Ada Brook. "
                                      "It is produced by Ada Brook for Marsh Films and distributed in the UK by Northlight Docs. "
                                      "It will stream on Tidewater+ from December.\n")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    assert qa.ask("Who's distributing Grey Tide in the UK?").answer == "Northlight Docs"
    reply = qa.ask("Where can I stream Grey Tide?")
    assert reply.answer == "Tidewater+", reply.text


def test_called_in_a_country_is_the_title_it_was_released_as(tmp_path):
    (tmp_path / "doc.txt").write_text("Grey Tide\n\nGrey Tide is a 2020 documentary film directed by Ada Brook.\n\n"
                                      "==Release==\nIn France the film was released as La Marée grise, and in Germany as Die graue Flut.\n")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    reply = qa.ask("What is Grey Tide called in France?")
    assert reply.answer == "La Marée grise", reply.text


def test_opened_at_number_two_with_is_the_opening_weekend(tmp_path):
    (tmp_path / "doc.txt").write_text("Grey Tide\n\nGrey Tide is a 2020 drama film directed by Ada Brook.\n\n==Box office==\n"
                                      "It opened at number two at the UK box office with $2.4 million. It grossed $19 million worldwide.\n")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    reply = qa.ask("How much did Grey Tide take on its opening weekend in the UK?")
    assert reply.answer == "$2.4 million", reply.text


def test_what_is_a_documentary_about_reads_what_it_follows(tmp_path):
    (tmp_path / "doc.md").write_text("# Grey Tide\n\n**A documentary by Ada Brook** · Marsh Films · 97 min\n\n## About the film\n\n"
                                     "*Grey Tide* follows two oyster farmers through a winter on the Essex coast. It was shot in 2019.\n")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    reply = qa.ask("what is grey tide about")
    assert reply.answer is not None and "oyster farmers" in reply.answer, reply.text


def test_a_joined_name_is_never_cut_inside_a_word(qa):
    from filmqa.reader.extract import find_places

    found = [p for p, _, _ in find_places("It was distributed in the UK by Northlight Docs.", qa.knowledge)]
    assert all(not p.endswith("Northligh") for p in found), found


def test_where_did_it_premiere_is_where_it_premiered(tmp_path):
    (tmp_path / "doc.txt").write_text("Grey Tide\n\nGrey Tide is a 2020 drama film directed by Ada Brook.\n\n==Release==\n"
                                      "The film premiered at the Leeds International Film Festival on 3 November 2020 and was released "
                                      "in the United Kingdom by Marsh Pictures on 4 December 2020.\n")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    reply = qa.ask("Where did Grey Tide premiere?")
    assert reply.answer is not None and "Leeds International Film Festival" in reply.answer, reply.text
