"""When: release dates per market, the dates of events a film is about; a bare year is the same day said less exactly."""

from __future__ import annotations

import pytest

from filmqa import FilmQA

from answering_corpus import small_corpus

DOCUMENTARY = """High Basket

High Basket is a 2011 documentary film directed by Tove Aske. It follows Mira Koss's 1931 balloon crossing of the Alps, told through her letters.
"""
PROGRAMME = """FESTIVAL PROGRAMME: HIGH BASKET

On 12 June 1931 Mira Koss crossed the Alps in a wicker balloon, landing in a field near Verona.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    return small_corpus(tmp_path_factory.mktemp("when"), basket=DOCUMENTARY, programme=PROGRAMME)


def test_the_full_date_over_the_bare_year_of_the_same_event(qa):
    a = qa.ask("When did Mira Koss cross the Alps by balloon?")
    assert a.answer == "12 June 1931"
    assert not a.conflicts
    assert "12 June 1931" in a.citations[0].quote
