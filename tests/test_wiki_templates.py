"""Infobox values written with list and date templates are read, not dropped."""

from __future__ import annotations

from filmqa.corpus.cleaning import clean, clean_with_map
from filmqa.corpus.structure import segment

INFOBOX = """{{Infobox film
| name           = Harbour Lights
| producer       = {{plainlist|
* [[Olga Brandt]]
* Piet Ravel
}}
| starring       = {{ubl|[[Ines Moll|Ines M. Moll]]|Tomas Vrba}}
| based_on       = {{based on|''Salt Wind''|Kaja Lind}}
| released       = {{film date|1969|3|2|[[Berlin International Film Festival|Berlinale]]|1969|4|18|West Germany}}
| budget         = $1.2 million<ref name="v">{{cite news
| last=Hendry
| title=Harbour money
}}</ref>
| country        = {{hlist|West Germany|Denmark}}
| runtime        = 97 minutes
}}
'''Harbour Lights''' is a 1969 drama film."""


def fields():
    return {f.key: f.value for f in segment(INFOBOX).infobox}


def test_list_templates_become_comma_separated_names():
    f = fields()
    assert f["producer"] == "Olga Brandt, Piet Ravel"
    assert f["starring"] == "Ines M. Moll, Tomas Vrba"
    assert f["country"] == "West Germany, Denmark"


def test_date_and_based_on_templates_are_rendered():
    f = fields()
    assert f["released"] == "March 2, 1969 (Berlinale); April 18, 1969 (West Germany)"
    assert f["based on"] == "Salt Wind by Kaja Lind"
    assert clean("{{Film date|1988|6|17|df=y}}") == "17 June 1988"
    assert clean("{{start date|1988|6}}") == "June 1988"


def test_a_reference_spanning_lines_does_not_make_fields_or_leak_text():
    f = fields()
    assert f["budget"] == "$1.2 million"
    assert "last" not in f and "title" not in f
    assert f["runtime"] == "97 minutes"


def test_field_spans_still_clean_to_their_text():
    layout = segment(INFOBOX)
    for fl in layout.infobox:
        text = clean(INFOBOX[fl.start : fl.end])
        assert text.split("=", 1)[1].strip() == fl.value
        assert clean_with_map(INFOBOX[fl.start : fl.end])[0] == text


def test_markdown_emphasis_is_dropped_but_bullets_and_arithmetic_stay():
    assert clean("*The Salt Harvest* is a 2011 drama film.") == "The Salt Harvest is a 2011 drama film."
    assert clean("It adapts *Windfall*, a 1991 novel; **bold** too.") == "It adapts Windfall, a 1991 novel; bold too."
    assert clean("5 * 3 = 15 and a*b") == "5 * 3 = 15 and a*b"
    layout = segment("Intro line.\n\n*Harbour Lights* is a 1969 film.\n\n* Olga Brandt as Mara\n* Piet Ravel as Jan\n")
    kinds = [(b.kind, b.text) for b in layout.blocks if b.kind in ("prose", "item")]
    assert ("prose", "Harbour Lights is a 1969 film.") in kinds
    assert ("item", "Olga Brandt as Mara") in kinds


def test_a_where_to_watch_line_with_facts_is_kept_but_navigation_is_not():
    layout = segment("Review text here.\n\nWhere to Watch Harbour Lights Online?\n\nWhere to watch: streaming on Tidewater+ from December 2020.\n")
    prose = [b.text for b in layout.blocks if b.kind == "prose"]
    assert "Where to watch: streaming on Tidewater+ from December 2020." in prose
    assert not any("Online?" in t for t in prose)
