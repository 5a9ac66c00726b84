"""How the corpus stage reads document structures that carry facts: plain-text tables, tables whose rows are films."""

from __future__ import annotations

from filmqa.corpus.structure import segment

from answering_corpus import small_corpus

SLATE = """STUDIO SLATE REVIEW

Two thrillers from the same producer came out three years apart, and the second did far better.

THE TWO FILMS SIDE BY SIDE

Title              Year   Directed by        Total takings
Night Harbour      1991   Ruth Ellison       $44 million
Night Harbours     1994   Tomas Velez        $97 million

Figures from the distributor's own accounts.
"""

HARBOUR = """Night Harbour

Night Harbour is a 1991 thriller film directed by Ruth Ellison. It follows a customs officer on the Clyde.
"""

HARBOURS = """Night Harbours (1994)

The sequel moved the story to Rotterdam. Its second-unit work was praised, and its night shoots ran long.
Night Harbours kept the customs officer of the first film and gave her a partner.
"""


def test_space_aligned_table_rows_are_records():
    layout = segment(SLATE)
    rows = [r.cells for r in layout.table_rows]
    assert rows == [
        {"Title": "Night Harbour", "Year": "1991", "Directed by": "Ruth Ellison", "Total takings": "$44 million"},
        {"Title": "Night Harbours", "Year": "1994", "Directed by": "Tomas Velez", "Total takings": "$97 million"},
    ]
    # the header line is the table's, not a section heading
    assert "Title Year Directed by Total takings" not in layout.sections


def test_prose_with_wide_spaces_is_no_table():
    text = "Notes\n\nThe cast  rehearsed for  three weeks.\nThen they  shot the film  in a month, mostly at night.\n"
    assert segment(text).table_rows == []


def test_a_table_of_films_files_its_document_under_each_and_each_row_under_its_own(tmp_path):
    qa = small_corpus(tmp_path, slate=SLATE, harbour=HARBOUR, harbours=HARBOURS)
    slate = next(d for d in qa.documents if d.doc_id == "slate.txt")
    assert len(slate.films) == 2
    rows = [p for p in qa.passages if p.doc_id == "slate.txt" and "Velez" in p.text]
    assert [f.split(" (")[0] for f in rows[0].films] == ["Night Harbours"]

    reply = qa.ask("Who directed Night Harbours?")
    assert reply.answer == "Tomas Velez"
    assert "Night Harbours 1994 Tomas Velez" in reply.citations[0].quote
    reply = qa.ask("What were the total takings of Night Harbours?")
    assert reply.answer == "$97 million"


def test_a_table_column_answers_only_its_own_job_and_measure(tmp_path):
    qa = small_corpus(tmp_path, slate=SLATE, harbour=HARBOUR, harbours=HARBOURS)
    # "Directed by" is the director's column: a casting director is another job, the opening weekend another figure
    assert qa.ask("Who was the casting director of Night Harbours?").answer != "Tomas Velez"
    assert qa.ask("How much did Night Harbours take on its opening weekend?").answer != "$97 million"


def test_hatnotes_and_film_site_list_links_are_page_furniture():
    text = ("Harbour Lights\n\n> This page is about the 1994 film. For the stage play, see Harbour Lights (play).\n\n"
            "Harbour Lights is a 1994 drama film about a lighthouse keeper and his daughter.\n\n"
            "Lists including this film: \"Coastal dramas\" · \"Rainy Sunday picks\"\n")
    layout = segment(text)
    prose = " ".join(b.text for b in layout.blocks if b.kind in ("prose", "item"))
    assert "lighthouse keeper" in prose
    assert "stage play" not in prose and "Coastal dramas" not in prose


def test_a_fact_sheet_table_gives_the_starring_field(tmp_path):
    sheet = ("# Harbour Lights (1994)\n\n| | |\n|---|---|\n| **Directed by** | Mara Quill |\n"
             "| **Stars** | Odile Varga, Tom Reyes, Ines Holm |\n| **Runtime** | 99 minutes |\n\n"
             "## Supporting players\n\n- **Ines Holm** as the harbourmaster\n- **Piet Lang** as Old Joris\n")
    qa = small_corpus(tmp_path, sheet=sheet)
    reply = qa.ask("Who is in Harbour Lights?")
    assert reply.answer is not None
    assert "Odile Varga" in reply.answer and "Tom Reyes" in reply.answer
    assert any("Odile Varga" in c.quote for c in reply.citations)


def test_a_labelled_cast_line_names_players_with_their_parts_in_brackets():
    text = "Credits\n\nStarring: Odile Varga (Marthe Kiel), Tom Reyes (the Ferryman), Ines Holm (Greta Dahl).\n"
    credits = {(c.actor, c.role) for c in segment(text).cast}
    assert ("Odile Varga", "Marthe Kiel") in credits and ("Ines Holm", "Greta Dahl") in credits
    assert not any(c.actor == "Marthe Kiel" for c in segment(text).cast)
    # in running prose the part comes first, its player in brackets
    prose = "Notes\n\nThe ferry owner Marthe Kiel (Odile Varga) hires a drifter for the winter crossings.\n"
    assert [(c.actor, c.role.split(",")[0]) for c in segment(prose).cast] == [("Odile Varga", "Marthe Kiel")]


def test_a_credit_line_is_no_section_heading():
    text = ("CREDITS\n\nCinematography: Ayo Lind\nEditor: Rhea Montague\nCostume design: Ilse Kroon\n"
            "Music: The Dry Wells\n\nABOUT THE DIRECTOR\n\nShe grew up on the coast and studied film in Leeds.\n")
    sections = segment(text).sections
    assert "Editor: Rhea Montague" not in sections and "Costume design: Ilse Kroon" not in sections
    assert "ABOUT THE DIRECTOR" in sections
