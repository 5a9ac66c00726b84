"""Encyclopedia pages copied as plain text: the infobox becomes "Label<TAB>value"
lines (a list value going on over untabbed lines), headings carry "[edit]", a
numbered table of contents and footnote markers "[3]" stand in the text, and
the cast list loses its bullets. Titles are typed without their accents."""

from __future__ import annotations

from filmqa.corpus.cleaning import clean
from filmqa.corpus.structure import segment, split_field

from answering_corpus import small_corpus

PAGE = """Léon Marchal
From Wikipedia, the free encyclopedia

Léon Marchal
Theatrical release poster
Directed by\tOdile Varenne
Written by\tOdile Varenne
Pascal Thiry
Starring\tMarc Delorme
Sabine Aubret
Music by\tJoris Lemaire
Distributed by\tLumen Films
Release date\t12 March 1996
Running time\t104 minutes[1]
Budget\t$4 million[2]
Box office\t$19.5 million[2]

Léon Marchal is a 1996 French crime drama film directed by Odile Varenne.[3] It follows a retired locksmith drawn back into one last job.

Contents
1 Plot
2 Cast
3 Reception

Plot[edit]
Léon Marchal, a retired locksmith in Lyon, is asked by his nephew Bastien to open one last safe.[4]

Cast[edit]
Marc Delorme as Léon Marchal, a retired locksmith
Sabine Aubret as Hélène Marchal, his sister
Thierry Vasseur as Bastien, Léon's nephew

Reception[edit]
Critics praised the film; one review gave it 7/10 and called Delorme's performance his best.[5]
"""


def test_a_copied_infobox_is_read_as_fields_with_their_list_values():
    layout = segment(PAGE)
    fields = {f.key: f.value for f in layout.infobox}
    assert fields["director"] == "Odile Varenne"
    assert fields["writer"] == "Odile Varenne, Pascal Thiry"
    assert fields["starring"] == "Marc Delorme, Sabine Aubret"
    assert fields["music"] == "Joris Lemaire"
    assert fields["runtime"] == "104 minutes"
    assert fields["gross"] == "$19.5 million"
    # each field's span is its lines in the file, and its cleaned text splits back into key and value
    music = next(f for f in layout.infobox if f.key == "music")
    assert PAGE[music.start : music.end] == "Music by\tJoris Lemaire"
    assert split_field(clean(PAGE[music.start : music.end])) == ("music", "Joris Lemaire")


def test_edit_marked_headings_the_contents_and_an_unbulleted_cast_list():
    layout = segment(PAGE)
    assert {"Plot", "Cast", "Reception"} <= set(layout.sections)
    assert not any(s.startswith(("Directed by", "1 Plot", "Marc Delorme")) for s in layout.sections)
    assert [(c.actor, c.role.split(",")[0]) for c in layout.cast] == [
        ("Marc Delorme", "Léon Marchal"), ("Sabine Aubret", "Hélène Marchal"), ("Thierry Vasseur", "Bastien")]
    furniture = [PAGE[b.start : b.end] for b in layout.blocks if b.kind == "boiler"]
    assert furniture == ["From Wikipedia, the free encyclopedia", "Contents", "1 Plot", "2 Cast", "3 Reception"]
    # the lead after the infobox belongs to the page's title, not to the poster's caption
    lead = next(b for b in layout.blocks if b.kind == "prose")
    assert lead.text.startswith("Léon Marchal is a 1996") and lead.section == "Léon Marchal"


def test_footnote_markers_are_not_part_of_the_text():
    assert clean("It runs 104 minutes.[1] Critics liked it.[citation needed] A [b] note.") == "It runs 104 minutes. Critics liked it. A note."
    assert clean("See [the site](http://example.org) [^2]") == "See the site"


def test_questions_about_a_copied_page_typed_without_accents(tmp_path):
    qa = small_corpus(tmp_path, leon_marchal=PAGE)
    reply = qa.ask("who did the music for leon marchal?")
    assert reply.route.film == "Léon Marchal (1996)"
    assert reply.answer == "Joris Lemaire"
    assert "Joris Lemaire" in reply.citations[0].quote
    assert qa.ask("How long is Leon Marchal?").answer == "104 minutes"
    assert qa.ask("Who distributed Leon Marchal?").answer == "Lumen Films"
    assert qa.ask("Who plays Bastien in Leon Marchal?").answer == "Thierry Vasseur"


def test_a_height_is_not_read_from_a_rating(tmp_path):
    qa = small_corpus(tmp_path, leon_marchal=PAGE)
    assert qa.ask("How tall is Marc Delorme?").answer is None


def test_the_part_asked_by_its_name_typed_without_accents(tmp_path):
    """"who plays ines": Inés herself, not her daughter (a relation to her) nor young Inés."""
    page = ("Verano\n\nVerano is a 2016 Spanish drama film directed by Ana Ruiz.\n\n== Cast ==\n"
            "* Alba Peñas as young Inés\n* Pilar Montaño as Carmen Arregui, Inés's daughter\n"
            "* Marisol Peñalver as Inés Arregui\n")
    qa = small_corpus(tmp_path, verano=page)
    assert qa.ask("who plays ines in verano").answer == "Marisol Peñalver"
    assert qa.ask("who plays young ines in verano").answer == "Alba Peñas"
    assert qa.ask("who plays ines's daughter in verano").answer == "Pilar Montaño"
