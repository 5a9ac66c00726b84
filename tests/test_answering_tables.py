"""Questions answered from a many-column table: the column by its header, rows by their cells."""

from __future__ import annotations

import pytest

from filmqa import FilmQA

DOC = """Marrow Creek

Marrow Creek is a 1979 western film directed by Hal Decker.

==Home media==

The film sold well on tape.

{| class="wikitable"
|-
! Media Type
! Release date
! Country
! Publisher
! Region Code
! Ratio
|-
| VHS
| 3 March 1984
| Canada
| Maple Leaf Video
| N/A
| 4:3
|-
| DVD
| 12 May 2001
| Canada
| Northstar Home Entertainment
| 1
| 1.85:1
|-
| DVD
| 8 August 2006
| Canada
| Boreal Discs
| 1
| 1.85:1
|-
| Blu-ray
| 19 November 2013
| Canada
| Boreal Discs
| A
| 1.85:1
|}
"""


def _one_document(tmp_path_factory, stem: str, text: str) -> FilmQA:
    root = tmp_path_factory.mktemp(stem)
    (root / f"{stem}.txt").write_text(text)
    return FilmQA.from_directory(root, cache=False)


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    return _one_document(tmp_path_factory, "marrow", DOC)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Which company released the 2006 DVD?", "Boreal Discs"),
        ("When was Marrow Creek first released on DVD?", "12 May 2001"),
        ("When was the latest DVD released?", "8 August 2006"),
        ("Who put out the Blu-ray?", "Boreal Discs"),
        ("region code of the blu-ray", "A"),
        ("What region code are the DVDs?", "1"),
        ("How many DVD releases are listed?", "2"),
    ],
)
def test_cells_are_read_by_column_and_row(qa, question, expected):
    reply = qa.ask(question)
    assert reply.answer == expected, reply.text
    assert expected in reply.citations[0].quote


def test_list_of_a_column(qa):
    reply = qa.ask("Which publishers released Marrow Creek on home media?")
    for name in ("Maple Leaf Video", "Northstar Home Entertainment", "Boreal Discs"):
        assert name in reply.answer


def test_a_row_the_table_lacks_is_abstained(qa):
    assert qa.ask("When was Marrow Creek released on Blu-ray in Germany?").answer is None


CHART = """Gull Harbour

Gull Harbour is a 2015 drama film directed by Ines Pardo.

== Weekly takings ==

| Week | Ending | Position | Takings | Cinemas |
| --- | --- | --- | --- | --- |
| 1 | 8 March 2015 | 3 | £2.2 million | 410 |
| 2 | 15 March 2015 | 5 | £1.4 million | 455 |
| 3 | 22 March 2015 | 9 | £0.6 million | 300 |
"""


@pytest.fixture(scope="module")
def chart(tmp_path_factory) -> FilmQA:
    return _one_document(tmp_path_factory, "gull", CHART)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("How much did Gull Harbour take in week two?", "£1.4 million"),
        ("what were gull harbour's takings in its third week", "£0.6 million"),
        ("How many cinemas did Gull Harbour open in?", "410"),  # a column of counts is read, not its rows counted
    ],
)
def test_a_numbered_row_is_read(chart, question, expected):
    reply = chart.ask(question)
    assert reply.answer == expected, reply.text
    assert expected in reply.citations[0].quote


def test_a_numbered_row_the_table_lacks_is_abstained(chart):
    # the table stops at the third week: no value is read from another row
    assert chart.ask("What did Gull Harbour make in its sixth week?").answer is None


RELEASES = """Salt Road

Salt Road is a 2018 Danish drama film directed by Pia Holm.

== Release history ==

| Territory | Date | Type |
| --- | --- | --- |
| Denmark | 9 February 2018 | Festival premiere |
| Denmark | 1 March 2018 | Cinemas |
| Sweden | 15 March 2018 | Cinemas |
| Norway | 4 May 2018 | DVD |
"""


def test_came_out_is_the_first_release_in_a_table(tmp_path_factory):
    qa = _one_document(tmp_path_factory, "salt", RELEASES)
    reply = qa.ask("When did Salt Road come out?")
    assert reply.answer == "1 March 2018", reply.text  # not the festival premiere before it
    assert "1 March 2018" in reply.citations[0].quote
    assert qa.ask("When was Salt Road released in Sweden?").answer == "15 March 2018"


def test_a_country_the_table_lacks_is_abstained_when_rows_go_by_order(tmp_path_factory):
    qa = _one_document(tmp_path_factory, "salt", RELEASES)
    # "came out" reads rows in date order, but no row is Finland's
    assert qa.ask("When did Salt Road come out in Finland?").answer is None
    assert qa.ask("When did Salt Road come out in Sweden?").answer == "15 March 2018"
