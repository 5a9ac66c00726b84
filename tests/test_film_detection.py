"""Documents are linked to the film they are about, whatever their style."""

from __future__ import annotations

from filmqa.corpus import build_corpus

ARTICLE = "'''Harbour Lights''' is a 1969 West German drama film directed by Olga Brandt.\n\nIt was shot in Gdansk."
NOTES = (
    "# Harbour Lights — production notes\n\n*From the 2019 restoration booklet.*\n\n"
    "**Harbour Lights** (1969) was shot over one winter. The crew lived on a ferry.\n"
)
OTHER = "'''Night Train''' is a 1994 thriller film directed by Ivo Marek.\n\nIt was shot in Prague."


def test_a_notes_page_that_names_its_film_once_is_about_that_film(tmp_path):
    for name, text in {"a.txt": ARTICLE, "notes.md": NOTES, "b.txt": OTHER}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = build_corpus(tmp_path)
    labels = {f.label: sorted(f.doc_ids) for f in corpus.films}
    assert labels == {"Harbour Lights (1969)": ["a.txt", "notes.md"], "Night Train (1994)": ["b.txt"]}


def test_a_lead_sentence_naming_a_genre_instead_of_film_gives_the_title(tmp_path):
    (tmp_path / "a.md").write_text("**Copper Valley** (1972) is a crime comedy directed by Ada Stone.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    assert {f.label for f in build_corpus(tmp_path).films} == {"Copper Valley (1972)", "Night Train (1994)"}


def test_a_three_word_actor_is_not_cut_as_a_run_on_credit():
    from filmqa.corpus.structure import parse_cast_line

    line = "*Pruitt Taylor Vince as Night Clerk Michael Hagerty as Pat Nunn"
    assert [(c.actor, c.role) for c in parse_cast_line(line, 0, len(line))] == [
        ("Pruitt Taylor Vince", "Night Clerk"), ("Michael Hagerty", "Pat Nunn")]
    line = "* Arnold Schwarzenegger as Capt. Ivan Danko James Belushi as Det. Sgt. Art Ridzik"
    assert [(c.actor, c.role) for c in parse_cast_line(line, 0, len(line))] == [
        ("Arnold Schwarzenegger", "Capt. Ivan Danko"), ("James Belushi", "Det. Sgt. Art Ridzik")]
    # a trivia item's sentence is no credit; a name's particle is part of it
    line = "* Kúnlé Àjàyí worked as a real wedding MC in Ibadan before acting."
    assert parse_cast_line(line, 0, len(line)) == []
    line = "* Olivia de Havilland as Maid Marian"
    assert [(c.actor, c.role) for c in parse_cast_line(line, 0, len(line))] == [("Olivia de Havilland", "Maid Marian")]


def test_a_verdict_sentence_before_the_title_is_not_part_of_it(tmp_path):
    review = "# Harbour Lights Review\n\nShare this article\n\nMIXED BAG. Harbour Lights is an uneven film with a fine cast. Rating: 5/10\n"
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "review.md").write_text(review, encoding="utf-8")
    assert {f.label: sorted(f.doc_ids) for f in build_corpus(tmp_path).films} == {"Harbour Lights (1969)": ["a.txt", "review.md"]}


def test_other_titles_in_the_lead_find_the_film(tmp_path):
    from filmqa import FilmQA

    article = (
        "{{Infobox film\n| name = El último verano\n| director = Inés Barral\n| released = {{film date|2016|9|21}}\n}}\n"
        "'''''El último verano''''' ({{lang-es|El último verano}}; released in English-speaking countries as "
        "'''''The Last Summer''''') is a 2016 Spanish drama film directed by Inés Barral.\n"
    )
    review = "# The Last Summer: a review\n\nThe Last Summer is a quiet film. The Last Summer runs 112 minutes.\n"
    for name, text in {"a.txt": article, "review.md": review, "b.txt": OTHER}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    film = qa.film("El último verano (2016)")
    assert film.aliases == ["The Last Summer"] and sorted(film.doc_ids) == ["a.txt", "review.md"]
    assert qa.ask("Who directed The Last Summer?").answer == "Inés Barral"
    assert qa.ask("How long is The Last Summer?").route.film == "El último verano (2016)"


def test_a_remake_with_the_same_title_is_its_own_film(tmp_path):
    from filmqa import FilmQA

    files = {
        "hollow_1974.txt": "'''The Hollow''' is a 1974 British horror film directed by Ada Crane.\n\nIt was shot in Devon.",
        "hollow_2009.txt": "'''The Hollow''' is a 2009 American horror film directed by Mia Stone. It is a remake of the 1974 film.\n\nIt was shot in Vermont.",
        "review.txt": "# The Hollow review\n\nThe 1974 version of The Hollow still frightens. Ada Crane made The Hollow in 1974 on a tiny budget.",
        "other.txt": OTHER,
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    docs = {f.label: sorted(f.doc_ids) for f in qa.films}
    assert docs["The Hollow (1974)"] == ["hollow_1974.txt", "review.txt"]
    assert docs["The Hollow (2009)"] == ["hollow_2009.txt"]
    assert qa.ask("Who directed the 2009 Hollow?").answer == "Mia Stone"
    assert qa.ask("Who directed the remake of The Hollow?").answer == "Mia Stone"
    assert qa.ask("Who directed the original Hollow?").answer == "Ada Crane"
    assert qa.ask("Where was the '74 Hollow shot?").route.film == "The Hollow (1974)"


def test_an_answer_ending_in_a_full_stop_gets_no_second_one(tmp_path):
    from filmqa import FilmQA

    (tmp_path / "a.txt").write_text("'''Night Shift''' is a 1982 film directed by Ron Howard. Its score was composed by Ira Bale, who also scored Crime Inc.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    reply = qa.ask("Who directed Night Shift?")
    assert reply.text.startswith("Ron Howard.\n")
    from filmqa.reader.replies import full_stop
    assert full_stop("48 Hrs.") == "48 Hrs." and full_stop("Walter Hill") == "Walter Hill."


def test_a_title_of_common_words_counts_only_where_it_is_written_as_a_title(tmp_path):
    """A forum thread about "Glass Road" that says "the crossing" five times is not about a film called The Crossing."""
    (tmp_path / "glass.txt").write_text("Glass Road\n\nGlass Road is a 2008 documentary film directed by Uma Petrov.\n"
                                        "It was later remade as a feature, The Crossing (2015).\n")
    (tmp_path / "forum.txt").write_text(
        "Thread: Just watched Glass Road\n\nFinally saw Glass Road. The footage of the crossing is unreal, "
        "and the crossing itself took an hour. I read about the crossing before, but the crossing on film is another thing. "
        "Was the crossing really filmed by one person? Also, is The Crossing worth it?\n")
    from filmqa import FilmQA

    qa = FilmQA.from_directory(tmp_path, cache=False)
    assert qa.document("forum.txt").films == ["Glass Road (2008)"]


def test_foreign_titles_speaker_labels_and_a_dubbed_titles_are_read(tmp_path):
    """A title with lower-case particles is whole ("Der Turm von Kessel", not "Kessel"); an interview's
    "INTERVIEWER:"/"Q:" label is no part of a title; "distributed under the title Y" and "a dubbed version
    titled Y" give the film another title, so a review headed by Y is filed under the film."""
    (tmp_path / "turm.txt").write_text(
        "Der Turm von Kessel is a 1959 West German mystery film directed by Lotte Brenner. Outside Germany it was "
        "distributed under the title The Kessel Tower, in a cut version. In 1963 the studio released an English "
        "version titled Tower of Shadows.\n\nA follow-up, Die Rückkehr nach Kessel (1961), was less liked.\n",
        encoding="utf-8")
    (tmp_path / "review.txt").write_text(
        "Disc review\n\nThe Kessel Tower arrives on disc at last. The Kessel Tower was always a murky print; this "
        "one is sharp. Fans of Die Rückkehr nach Kessel (1961) will want both.\n", encoding="utf-8")
    (tmp_path / "talk.txt").write_text(
        "A conversation with the director\n\nINTERVIEWER: Harbour Lights is a 1969 drama, but it began as a play.\n\n"
        "BRANDT: Yes, a play about my father.\n", encoding="utf-8")
    films = {f.label: (f.aliases, sorted(f.doc_ids)) for f in build_corpus(tmp_path).films}
    assert films == {
        "Der Turm von Kessel (1959)": (["The Kessel Tower", "Tower of Shadows"], ["review.txt", "turm.txt"]),
        "Harbour Lights (1969)": ([], ["talk.txt"]),
    }


def test_a_plural_title_s_possessive_names_the_film(tmp_path):
    from filmqa.corpus.films import TitleMatcher

    assert TitleMatcher(["Owl Brothers"]).find("What is Owl Brothers' runtime?") == ["Owl Brothers"]


def test_listicle_headlines_and_listing_credit_blocks_name_their_film(tmp_path):
    """A headline about a film ("7 Secrets Behind X (1990)"), a film site's page opening with the site's name
    over "X 2015 / Directed by Y", a festival listing with the title in capitals over a banner and "Director: Y"."""
    docs = {
        "list.md": ("[Home](/) · **FlickBits** · [Lists](/lists)\n\n# 7 Secrets Behind *Paper Kites* (1990)\n\n"
                    "*By Jo Lane · Updated May 1, 2024*\n\n1. The kites were real. Paper Kites was shot in a week.\n"),
        "site.txt": ("Reelfolio\nSign in   Create account   Films   Lists\n\nDust and Static 2015\nDirected by Mira Holt\n\n"
                     "A radio host and a trucker cross Nevada.\n\n91 mins\n\nReview by kat ★★★★\nDust and Static is lovely.\n"),
        "fest.txt": ("NORTHWIND FILM FESTIVAL 2018 · DULUTH\nPROGRAMME › SHORTS\n\nTHE LONG THAW\nWORLD PREMIERE\n\n"
                     "Director: Ines Garde\nCanada, 2018 · 88 min · English\n\nThe Long Thaw follows two sisters on a frozen lake.\n"),
    }
    for name, text in docs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    labels = {f.label: sorted(f.doc_ids) for f in build_corpus(tmp_path).films}
    assert labels == {"Paper Kites (1990)": ["list.md"], "Dust and Static (2015)": ["site.txt"],
                      "The Long Thaw (2018)": ["fest.txt"]}


def test_a_press_kits_credit_block_and_a_titles_subtitle_name_the_film(tmp_path):
    """"THE SALT CHOIR / (Suolakuoro) / a film by X" over a spec line names a film (its year from the spec line, not
    the kit's "updated 2019"); a question may name "Mad Max: Fury Road" by its subtitle alone."""
    from filmqa import FilmQA

    (tmp_path / "kit.txt").write_text(
        "NORTHLIGHT presents\n\nTHE SALT CHOIR\n(Suolakuoro)\n\na film by Aino Lumi\n\nPRESS KIT — updated March 2019\n\n"
        "Finland 2018 · 96 min · Finnish\n\nThe Salt Choir follows a village choir that sings on the frozen sea.\n", encoding="utf-8")
    (tmp_path / "wiki.txt").write_text(
        "'''Dust Engine: Iron Road''' is a 2015 action film directed by Ida Wren. It runs 120 minutes.\n", encoding="utf-8")
    qa = FilmQA.from_directory(tmp_path, cache=False)
    assert {f.label for f in qa.films} == {"The Salt Choir (2018)", "Dust Engine: Iron Road (2015)"}
    reply = qa.ask("who directed iron road")
    assert reply.route.film == "Dust Engine: Iron Road (2015)" and reply.answer == "Ida Wren", reply.text
