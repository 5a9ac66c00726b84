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


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    root = tmp_path_factory.mktemp("tables")
    (root / "marrow.txt").write_text(DOC)
    return FilmQA.from_directory(root, cache=False)


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
