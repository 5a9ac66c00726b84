"""Crew jobs and companies: the job asked must be the job the evidence credits.

A small corpus of its own wording: a fan page whose credits are a two-column
markdown table with bold labels (no infobox), an article whose prose says who
produced a film and who released it, and a disc review whose fact sheet names
the label. Questions ask by verb ("who filmed it", "what company was it
released by") where the verb alone names another aspect (filming, release).
"""

from __future__ import annotations

import pytest

from filmqa.reader.router import route_question

from answering_corpus import small_corpus

FAN_PAGE = """# The Copper Bell

**The Copper Bell** is a 2011 mystery film directed by **Hana Osei**, set on a windswept island.

| | |
|---|---|
| **Directed by** | Hana Osei |
| **Cinematography** | Pieter Vandaele |
| **Distributed by** | Northgate Releasing (Amberline Films) |
| **Running time** | 101 minutes |

## Plot

Constable Ruth Adair shoots the smuggler Tam Grieve on the pier, and the island keeps her secret.
"""

ARTICLE = """Lantern Road

Lantern Road is a 1994 drama film directed by Odile Brack. It was produced by Fenwick Films and released by
Orchard Street Pictures on 3 May 1994. Filming took place in Lisbon over six weeks.
"""

DISC_REVIEW = """Lantern Road DVD Review

Reviewed by Sam Hollis

DVD specifications
Label: Kestrel Home Video
Region: 2
Discs: 1

The DVD transfer of Lantern Road is clean, and Kestrel Home Video have added a commentary by the director.
"""

WIKI = """{{Infobox film
| name = Ninefold
| director = Mirela Dascal
| music = Tobias Renn, Ada Okafor
| runtime = 97 min
}}

Ninefold is a 2005 Romanian thriller film directed by Mirela Dascal.

==Music==
The score was composed by Tobias Renn, who recorded it in Bucharest.
"""

VERSIONS = """{{Infobox film
| name = Harrow Point
| director = Enzo Marchetti
| runtime = 104 min
}}

Harrow Point is a 1983 Italian horror film directed by Enzo Marchetti. It won the prize for Best Production Design at a
regional festival.

==Production==
The first director, Livia Sorrentino, left after two weeks over the budget.
Cavallo Films hired Livia Sorrentino, who was dismissed two weeks in and replaced by Marchetti.

==Release==
For its American release in 1985 an English dub was directed by Walt Kimura. A Spanish-language remake is being
developed by Solana Films.
"""

FAMILY = """Cold Quay

Cold Quay is a 1999 British crime film directed by Ruth Penhale.
Starring: Dominic Treves, Sasha Lind, Owen Pyke

Cast
Dominic Treves as Inspector Hal Varga
Sasha Lind as Nadia Varga
Owen Pyke as Tommy Varga

Varga tracks a smuggler through the docks while his wife Nadia waits at home. Tommy's debt to a bookie drives the
second half.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("crew"), copper_bell=FAN_PAGE, lantern_road=ARTICLE,
                        lantern_road_dvd=DISC_REVIEW, ninefold=WIKI,
                        harrow_point=VERSIONS, cold_quay=FAMILY)


def _cites(reply, *words: str) -> bool:
    return any(all(w in c.quote for w in words) for c in reply.citations)


def test_a_fact_sheet_row_credits_its_job(qa):
    # no infobox: the credit is a "| **Cinematography** | Name |" row, and it is the only source
    reply = qa.ask("Who was the director of photography on The Copper Bell?")
    assert reply.answer == "Pieter Vandaele"
    assert _cites(reply, "Cinematography", "Pieter Vandaele")


def test_filming_the_film_itself_asks_for_its_cinematographer(qa):
    reply = qa.ask("who filmed the copper bell")
    assert reply.route.aspect == "cinematography"
    assert reply.answer == "Pieter Vandaele"
    conv = qa.conversation()
    conv.ask("Who directed The Copper Bell?")
    assert conv.ask("And who photographed it?").answer == "Pieter Vandaele"


def test_shooting_a_character_is_no_camera_job(qa):
    kb = qa.knowledge
    reading = route_question("Who shot Tam Grieve in The Copper Bell?", kb, single_film=None, focus_film=None)
    assert reading.route.aspect != "cinematography"


def test_the_first_company_of_a_distributor_row_answers(qa):
    reply = qa.ask("What company distributes The Copper Bell?")
    assert reply.answer == "Northgate Releasing"
    assert _cites(reply, "Distributed by", "Northgate Releasing")


def test_a_company_that_released_the_film_is_its_distributor(qa):
    # the producer named in the same sentence is not who released it
    reply = qa.ask("What company was Lantern Road released by?")
    assert reply.route.aspect == "distribution"
    assert reply.answer == "Orchard Street Pictures"
    assert _cites(reply, "released by Orchard Street Pictures")


def test_a_label_is_a_company(qa):
    reply = qa.ask("Which label released the DVD of Lantern Road?")
    assert reply.route.answer_type.value == "organisation"
    assert reply.answer == "Kestrel Home Video"
    assert _cites(reply, "Kestrel Home Video")


def test_a_field_crediting_a_job_to_several_names_them_all(qa):
    # the prose credits one composer; the field credits the job to two
    reply = qa.ask("Who did the score for Ninefold?")
    assert reply.answer == "Tobias Renn and Ada Okafor"
    assert _cites(reply, "music = Tobias Renn, Ada Okafor")


def test_a_surname_particle_stays_with_its_name():
    from filmqa.reader.knowledge import split_names

    assert split_names("Lucia de la Vega, Tomas van der Berg", {}) == ["Lucia de la Vega", "Tomas van der Berg"]
    assert split_names("Paolo del Monte Rita Hale", {}) == ["Paolo del Monte", "Rita Hale"]


def test_a_version_of_the_job_is_not_the_films_credit(qa):
    reply = qa.ask("Who directed Harrow Point's English dub?")
    assert reply.answer == "Walt Kimura"
    assert _cites(reply, "English dub was directed by Walt Kimura")
    reply = qa.ask("Who was Harrow Point's first director?")
    assert reply.answer == "Livia Sorrentino"
    assert _cites(reply, "The first director, Livia Sorrentino")
    # no one is said to direct the remake: the original's director is no answer
    assert qa.ask("Who will direct the Harrow Point remake?").answer is None
    assert qa.ask("Who directed Harrow Point?").answer == "Enzo Marchetti"


def test_a_design_job_is_neither_direction_nor_production(qa):
    # a prize for the design names no designer
    for q in ("Who was the art director on Harrow Point?", "Who was Harrow Point's production designer?"):
        assert qa.ask(q).answer is None


def test_a_surname_shared_by_a_family_is_the_lead_part(qa):
    # the inspector's title is no part of his name: "Varga" is him as much as "Nadia Varga", and he is billed first
    reply = qa.ask("Who played Varga in Cold Quay?")
    assert reply.answer == "Dominic Treves"
    assert _cites(reply, "Dominic Treves as Inspector Hal Varga")


def test_a_part_no_credit_names_has_no_player(qa):
    # neither the leads' line nor the character whose debt the sentence speaks of plays the bookie
    assert qa.ask("Who played the bookie in Cold Quay?").answer is None
    assert qa.ask("Who played Tommy in Cold Quay?").answer == "Owen Pyke"


def test_who_a_person_replaced_is_the_one_replaced(qa):
    # "Livia Sorrentino ... was replaced by Marchetti": asked of Marchetti, the one he replaced, not who hired him
    conv = qa.conversation()
    assert conv.ask("Who directed Harrow Point?").answer == "Enzo Marchetti"
    reply = conv.ask("And whom did he replace?")
    assert reply.answer == "Livia Sorrentino"
    assert _cites(reply, "replaced by Marchetti")
    assert qa.ask("Who did the restoration of Harrow Point?").answer != "Livia Sorrentino"
