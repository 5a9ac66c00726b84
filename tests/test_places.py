"""Where a film was shot, set, premiered; asked in people's words, read from prose, lists and tables."""

from __future__ import annotations

import pytest

from filmqa import FilmQA
from filmqa.reader.extract import find_lower_places, find_places

from answering_corpus import small_corpus

# a fan page: an infobox table whose rows all sit under the film's own heading, then a bulleted list of locations
FAN_PAGE = """# Copper Lantern

| Copper Lantern | |
|---|---|
| Directed by | Ilse Varga |
| Produced by | Tomas Reyne |
| Music by | Odette Brill |
| Running time | 111 minutes |
| Country | Canada |

**Copper Lantern** is a 2011 Canadian mystery film directed by Ilse Varga.

## Production

Varga wrote the script over two winters. The film was shot on 16 mm stock over 33 days.

### Shooting locations

- **Peggy's Cove Lighthouse** (on the Atlantic shore) — the car chase along the cliffs was shot here at dawn.
- **Halifax Citadel** — the masquerade ball.
- **Lunenburg Harbour**, Nova Scotia.

## Release

Copper Lantern had its world premiere as the closing night selection of the 31st Atlantic International Film Festival on September 22, 2011. It opened in Canadian cinemas a month later.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory) -> FilmQA:
    return small_corpus(tmp_path_factory.mktemp("places"), lantern=FAN_PAGE)


def test_filming_place_read_from_a_locations_list(qa):
    a = qa.ask("Where was Copper Lantern shot?")
    assert a.answer in ("Peggy's Cove Lighthouse", "Halifax Citadel", "Lunenburg Harbour")
    assert a.citations and a.citations[0].section == "Shooting locations"


def test_place_of_one_scene_read_from_its_list_item(qa):
    a = qa.ask("where did they film the car chase in copper lantern")
    assert a.answer == "Peggy's Cove Lighthouse"
    assert "car chase" in a.citations[0].quote


def test_premiere_at_a_festival_named_without_at_or_in(qa):
    # "as the closing night selection of the 31st X Film Festival": no "at"/"in" before the festival's name
    a = qa.ask("Where was Copper Lantern's world premiere?")
    assert a.answer == "Atlantic International Film Festival"
    assert "closing night" in a.citations[0].quote


def test_words_describing_a_name_are_no_place():
    # "a crowded Halifax street": "crowded" describes the named street, it is no place
    assert [p for p, _, _ in find_lower_places("They dance on a crowded Halifax street.")] == []
    assert [p for p, _, _ in find_lower_places("They dance on a crowded pier.")] == ["crowded pier"]


SETTING = """Frost Ledger

Frost Ledger is a 1997 thriller film directed by Pia Lund.

==Production==
While the story takes place in Reykjavik, the street scenes were photographed in Tallinn, and the crew built the harbour set at Pinewood Studios in England.
The production spent nine weeks in Tallinn.
"""


@pytest.fixture(scope="module")
def qa_setting(tmp_path_factory) -> FilmQA:
    return small_corpus(tmp_path_factory.mktemp("setting"), ledger=SETTING)


def test_setting_is_not_where_it_was_made(qa_setting):
    a = qa_setting.ask("Where is Frost Ledger set?")
    assert a.answer == "Reykjavik"
    assert not a.conflicts


def test_filming_place_still_answers_where_it_was_filmed(qa_setting):
    a = qa_setting.ask("where was frost ledger filmed")
    assert a.answer and "Reykjavik" not in a.answer


ISLAND_ARTICLE = """Gull Reckoning

Gull Reckoning is a 2008 American drama film directed by Noor Halvorsen.

==Production==
Principal photography took place mostly at Tybee Island, Georgia, with the storm sequences filmed in a tank at a studio in Wilmington.
"""
ISLAND_INTERVIEW = """Noor Halvorsen on Gull Reckoning

Noor Halvorsen talks to us about Gull Reckoning, her first feature.

Q: Where did you make it?
A: We shot nearly all of it on Sapelo Island. Only the storm was done in a tank in Wilmington, because storms do not keep schedules.
"""


@pytest.fixture(scope="module")
def qa_islands(tmp_path_factory) -> FilmQA:
    return small_corpus(tmp_path_factory.mktemp("islands"), gull=ISLAND_ARTICLE, interview=ISLAND_INTERVIEW)


def test_filmed_on_an_island_is_a_filming_place_and_sources_disagree(qa_islands):
    a = qa_islands.ask("where was gull reckoning shot")
    assert a.conflicts, a.text
    values = {v.value for v in a.conflicts[0].values}
    assert {"Tybee Island, Georgia", "Sapelo Island"} <= values


def test_place_of_the_scenes_asked_about(qa_islands):
    a = qa_islands.ask("Where were the storm scenes of Gull Reckoning filmed?")
    assert a.answer == "Wilmington"
    assert not a.conflicts


def test_on_before_a_name_is_a_place_only_after_filming(qa_islands):
    kb = qa_islands.knowledge
    found = [p for p, _, _ in find_places("They filmed on Kodak stock, then shot the finale on Fogo Island.", kb)]
    assert found == ["Fogo Island"]
    assert [p for p, _, _ in find_places("It premiered on Netflix.", kb)] == []
