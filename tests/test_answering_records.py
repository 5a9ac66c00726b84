"""Answering from structured records and craft wording, on a small two-film corpus.

The corpus is written here (not a gold set): an encyclopedic article with an
infobox, a review with a Metric/Value table and production notes, for two films.
The questions use phrasings the documents do not ("cost to make", "come out",
"director of photography"), and every answer's citation must quote it.
"""

from __future__ import annotations

import pytest

from filmqa import FilmQA

from answering_corpus import small_corpus

ARTICLE = """Glass Harbour

{{{{Infobox film
| name = Glass Harbour
| director = {director}
| music = {composer}
| cinematography = {dop}
| studio = {studio}
| distributor = {distributor}
| released = {released}
| runtime = {runtime} min
| budget = {budget}
}}}}

Glass Harbour is a {year} thriller film directed by {director}. It was released by {distributor} on {released}.
It is based on the novel ''Night Ferry'' by {novelist}. It premiered at a festival on {festival}, and opened in the United Kingdom on {uk}.

==Production==
{studio} bought the script in {early}. Filming took place in {city}, with {dop} as director of photography.
The music was composed by {composer}.

==Release==
In its opening weekend the film earned $1.2 million. It went on to gross {gross} worldwide.
"""

REVIEW = """# {title} Review

## Box Office

| Metric | Value |
|---|---|
| Production Budget | {budget_short} |
| Worldwide Gross | {gross_short} |
| Release Date | {released} |

Director {director} keeps the pace up, and the lead performance is strong.
"""


def _write(root, slug, title, **v):
    d = root / slug
    d.mkdir()
    (d / "article.txt").write_text(ARTICLE.replace("Glass Harbour", title).format(**v))
    (d / "review.md").write_text(REVIEW.format(title=title, **v))


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    root = tmp_path_factory.mktemp("records")
    _write(root, "glass", "Glass Harbour", director="Ilse Varga", composer="Tomas Rehn", dop="Petra Lind",
           studio="Northlight Pictures", distributor="Halcyon Releasing", released="April 4, 2004", year=2004,
           runtime=97, budget="$18 million", budget_short="$18.0M", gross="$44.5 million", gross_short="$44.5M",
           early="2002", city="Tallinn", novelist="Ruth Calder", festival="February 1, 2004", uk="June 11, 2004")
    _write(root, "copper", "The Copper Road", director="Marek Olsen", composer="Ana Duval", dop="Jon Brisk",
           studio="Greyfield Films", distributor="Paloma Distribution", released="May 9, 1991", year=1991,
           runtime=121, budget="$7 million", budget_short="$7.0M", gross="$9.1 million", gross_short="$9.1M",
           early="1989", city="Lisbon", novelist="Oren Vale", festival="January 5, 1991", uk="August 2, 1991")
    return FilmQA.from_directory(root, cache=False)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("How much did Glass Harbour cost to make?", "$18 million"),
        ("What was the production budget for The Copper Road?", "$7 million"),
        ("When did The Copper Road come out?", "May 9, 1991"),
        ("What year did Glass Harbour come out?", "2004"),
        ("Who shot Glass Harbour as director of photography?", "Petra Lind"),
        ("Who was the cinematographer of The Copper Road?", "Jon Brisk"),
        ("Who wrote the score of The Copper Road?", "Ana Duval"),
        ("Which company distributed Glass Harbour?", "Halcyon Releasing"),
        ("What studio made The Copper Road?", "Greyfield Films"),
        ("director of glass harbour?", "Ilse Varga"),
        ("Where was The Copper Road filmed?", "Lisbon"),
        ("Who wrote the novel Glass Harbour is based on?", "Ruth Calder"),
        ("When did Glass Harbour come out in the UK?", "June 11, 2004"),
    ],
)
def test_answers_come_from_the_right_record_and_are_quoted(qa, question, expected):
    reply = qa.ask(question)
    assert reply.answer is not None, reply.text
    assert expected in reply.answer, (question, reply.answer)
    assert any(expected in c.quote or expected.replace(" million", ".0M") in c.quote for c in reply.citations)


def test_box_office_gross_is_not_the_opening_weekend(qa):
    reply = qa.ask("What was the box office gross of Glass Harbour?")
    assert reply.answer is not None and "44.5" in reply.answer, reply.text


def test_craft_without_a_record_is_abstained(qa):
    # no document names a casting director: "directed by" must not answer it
    assert qa.ask("Who was the casting director of Glass Harbour?").answer is None


def test_a_list_the_infobox_field_gives(tmp_path):
    qa = small_corpus(tmp_path, a=("Ash Meridian\n\n{{Infobox film\n| name = Ash Meridian\n| producer = Ada Moss\n"
                                   "| country = Norway, Iceland\n| language = Norwegian, Icelandic\n}}\n\n"
                                   "Ash Meridian is a 2012 drama film directed by Ann Lowe.\n"))
    assert qa.ask("Which countries produced Ash Meridian?").answer == "Norway, Iceland"
    assert qa.ask("What languages are spoken in Ash Meridian?").answer == "Norwegian, Icelandic"
