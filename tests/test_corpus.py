"""Corpus ingestion: the cleaner, structure records, film detection, passages and offsets."""

from pathlib import Path

import pytest

from filmqa.corpus import build_corpus
from filmqa.corpus.cleaning import clean, clean_with_map
from filmqa.corpus.loading import CorpusError, read_corpus
from filmqa.corpus.structure import parse_cast_line, segment
from spans import span_errors

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def test_cleaner_removes_wiki_markup():
    raw = "'''Red''' [[Walter Hill|Hill]] directed it{{cite web|url=x}}<ref>note</ref> in [[Chicago]]."
    assert clean(raw) == "Red Hill directed it in Chicago."


def test_cleaner_handles_tables_headings_bullets_and_escapes():
    assert clean("== Box office ==") == "Box office"
    assert clean("|| VHS \n|| 1 January 1990\n|| United Kingdom") == "VHS | 1 January 1990 | United Kingdom"
    assert clean("  • Arnold Schwarzenegger as Captain Ivan Danko") == "Arnold Schwarzenegger as Captain Ivan Danko"
    assert clean("safe \x1b[31mred\x1b[0m text\x07") == "safe red text"
    assert clean("a&nbsp;b &amp; c") == "a b & c"


def test_clean_map_points_back_into_the_original():
    raw = "x [[Walter Hill|Hill]] said"
    text, starts, ends = clean_with_map(raw)
    i = text.index("said")
    assert raw[starts[i] : ends[i + 3]] == "said"
    assert raw[starts[0] : ends[len(text) - 1]] == raw


def test_infobox_fields_are_parsed():
    raw = "Film\n{{Infobox film\n| name = Night Train\n| director = [[Ann Lee]]\n| runtime = 98 min\n}}\nNight Train is a 1994 film."
    layout = segment(raw)
    fields = {f.key: f.value for f in layout.infobox}
    assert fields == {"name": "Night Train", "director": "Ann Lee", "runtime": "98 min"}
    assert layout.infobox_name == "Night Train"
    f = layout.infobox[1]
    assert "director" in raw[f.start : f.end] and "Ann Lee" in raw[f.start : f.end]


def test_markdown_and_wiki_tables_become_rows():
    md = "Money\n| Metric | Value |\n|---|---|\n| Budget | $5M |\n| Gross | $9M |\n"
    rows = segment(md).table_rows
    assert [r.cells for r in rows] == [{"Metric": "Budget", "Value": "$5M"}, {"Metric": "Gross", "Value": "$9M"}]
    wiki = "==Home media==\n{| class=\"wikitable\"\n|-\n! Media \n! Year\n|-\n|| DVD\n|| 2002\n|-\n|| Blu-ray\n|| 2010\n|}\n"
    rows = segment(wiki).table_rows
    assert [r.cells for r in rows] == [{"Media": "DVD", "Year": "2002"}, {"Media": "Blu-ray", "Year": "2010"}]
    assert rows[0].section == "Home media"


def test_cast_lines_split_into_pairs_even_when_run_together():
    line = "Arnold Schwarzenegger as Capt. Ivan Danko James Belushi as Det. Sgt. Art Ridzik"
    pairs = [(c.actor, c.role) for c in parse_cast_line(line, 0, len(line))]
    assert pairs == [("Arnold Schwarzenegger", "Capt. Ivan Danko"), ("James Belushi", "Det. Sgt. Art Ridzik")]


def test_seeds_load_with_sections_records_and_one_film():
    corpus = build_corpus(SEEDS)
    assert [d.doc_id for d in corpus.documents] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert [f.label for f in corpus.films] == ["Red Heat (1988)"]
    assert all(d.films == ["Red Heat (1988)"] for d in corpus.documents)
    wiki = next(d for d in corpus.documents if d.infobox)
    assert {"Cast", "Production", "Home media"} <= set(wiki.sections)
    assert any(f.key == "music" and f.value == "James Horner" for f in wiki.infobox)
    assert any(r.cells.get("Media Type") == "Blu-ray" for r in wiki.table_rows)
    assert any(c.actor == "Gina Gershon" for d in corpus.documents for c in d.cast)
    sections = {p.section for p in corpus.passages}
    assert {"Box office", "Critical reception"} <= sections
    # boilerplate never becomes a passage
    assert not any("Subscribe to our weekly newsletter" in p.text for p in corpus.passages)
    assert not any("All Cast & Crew" in p.text for p in corpus.passages)


def test_every_passage_and_sentence_is_the_cleaned_original_span():
    corpus = build_corpus(SEEDS)
    originals = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert len(corpus.passages) > 50
    assert all(p.sentences for p in corpus.passages)
    assert span_errors(corpus.passages, originals) == []


def test_sentences_respect_abbreviations():
    corpus = build_corpus(SEEDS)
    texts = [s.text for p in corpus.passages for s in p.sentences]
    assert not any(t.endswith((" Lt.", " Sgt.", " Capt.", " Dr.")) for t in texts)


def test_missing_and_empty_folders_raise_one_line_errors(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        read_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no .txt or .md files"):
        read_corpus(tmp_path)
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary\x00")
    with pytest.raises(CorpusError, match="binary"):
        read_corpus(tmp_path)


def test_bad_files_are_skipped_with_reasons_and_others_load(tmp_path):
    (tmp_path / "good.txt").write_text("Night Train is a 1994 thriller film directed by Ann Lee.", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 Noir is a 1990 film directed by Ren\xe9 Roux.".encode("cp1252"))
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\x00\x00\x00\rIHDR" * 50)
    (tmp_path / "empty.md").write_text("   \n", encoding="utf-8")
    files, skipped = read_corpus(tmp_path)
    assert sorted(f.doc_id for f in files) == ["good.txt", "latin.txt"]
    assert "René Roux" in next(f.text for f in files if f.doc_id == "latin.txt")
    reasons = {s.path: s.reason for s in skipped}
    assert "binary" in reasons["bin.txt"] and "empty" in reasons["empty.md"]


def test_a_copied_wiki_footer_is_no_text_of_the_film():
    page = ("Cold Lantern is a 1990 film.\n\nThe story is set in a mountain town.\n\n"
            'Retrieved from "https://en.wikipedia.org/w/index.php?title=Cold_Lantern&oldid=1" Categories: 1990 films '
            "Films directed by Ann Lee Films set in Norway Films shot in Canada Films about snow Films about lanterns and lamps\n")
    layout = segment(page)
    assert [b.kind for b in layout.blocks if "Categories" in page[b.start : b.end]] == ["boiler"]


def test_fact_sheet_lines_are_fields_each_a_sentence_not_headings():
    sheet = ("Paper Kites\n\nPaper Kites is a 2001 drama film.\n\n"
             "Directed by: Ann Lowe\nProduced by: Jo Fenn, Ola Berg\nMusic by: Ida Brun\nRunning time: 96 minutes\n\n"
             "Plot\n\nA girl builds kites on a windy island and sells them to tourists every summer.\n")
    layout = segment(sheet)
    assert layout.sections == ["Paper Kites", "Plot"]  # "Produced by: Jo Fenn, Ola Berg" is no heading
    paras = {b.para for b in layout.blocks if b.kind == "prose" and sheet[b.start : b.end].split(":")[0].endswith(("by", "time"))}
    assert len(paras) == 4  # one paragraph (so one sentence) a field
