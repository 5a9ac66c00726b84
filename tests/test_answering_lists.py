"""Lists of people: every name a sentence gives under the asked job, even when the sentence before says what it is about."""

from __future__ import annotations

from answering_corpus import small_corpus

GULL = """Gull Point

Gull Point is a 1996 mystery film directed by Ada Brennan. The screenplay is credited to Ada Brennan and Colm Riley.

== Production ==
The shooting script went through eleven drafts before filming began. The writers involved included Brennan, Colm Riley, Mae Sutter & Ivor Lusk, and Pia Norwood.
"""


def test_every_writer_of_an_enumeration_is_listed(tmp_path):
    qa = small_corpus(tmp_path, gull=GULL)
    reply = qa.ask("Which writers were involved in the eleven drafts of the shooting script, besides Brennan?")
    for name in ("Colm Riley", "Mae Sutter", "Ivor Lusk", "Pia Norwood"):
        assert name in reply.answer, reply.text
    assert any("Pia Norwood" in c.quote for c in reply.citations)


GULL_MEDIA = GULL + """
== Home media ==
{| class="wikitable"
! Format !! Year !! Region
|-
| VHS || 1997 || United States
|-
| Laserdisc || 1997 || Japan
|-
| DVD || 2003 || United Kingdom
|}
"""


def test_a_plural_after_a_modifier_asks_for_a_list(tmp_path):
    qa = small_corpus(tmp_path, gull=GULL_MEDIA)
    reply = qa.ask("On which home video formats was Gull Point released?")
    assert reply.route.answer_type.value == "list"
    for fmt in ("VHS", "Laserdisc", "DVD"):
        assert fmt in reply.answer, reply.text
