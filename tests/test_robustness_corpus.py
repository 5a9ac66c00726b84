"""Issue 6, corpus side: folders nobody curated load, or fail in one line naming the file."""

from __future__ import annotations

import codecs
import os
import threading
import time
from pathlib import Path

import pytest

import filmqa.corpus.loading as loading
from filmqa.corpus import CorpusError
from filmqa.pipeline import FilmQA
from spans import span_errors

# A few ordinary documents, so BM25 has enough passages for its idf to be positive.
FILLER = {
    "red_heat.txt": "Red Heat is a 1988 action film directed by Walter Hill. It stars Arnold Schwarzenegger.",
    "paper_moons.md": "# Paper Moons\n\nPaper Moons is a 1973 comedy directed by Peter Bogdanovich.",
    "night_train.txt": "Night Train is a 1994 thriller directed by Ann Lee, shot in Prague.",
    "salt_harvest.txt": "The Salt Harvest is a 2001 drama directed by Tomas Ruiz, scored by Mira Sol.",
}


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    return folder


def load(folder: Path, **kw) -> tuple[FilmQA, list[str]]:
    notices: list[str] = []
    qa = FilmQA.from_directory(folder, cache=False, notice=notices.append, **kw)
    return qa, notices


def skipped(qa: FilmQA) -> dict[str, str]:
    return {s.path: s.reason for s in qa.skipped}


def top_doc(qa: FilmQA, query: str) -> str | None:
    hits = qa.search(query, k=1)
    return hits[0].doc_id if hits else None


def before_open(monkeypatch, name: str, action) -> None:
    """Run ``action(path)`` when the loader opens the file called ``name``."""
    real_open = open

    def patched(path, *a, **kw):
        if Path(path).name == name:
            action(path)
        return real_open(path, *a, **kw)

    monkeypatch.setattr(loading, "open", patched, raising=False)


def raising(exc: OSError):
    def action(path):
        raise exc

    return action


def corpus_error(folder: Path) -> str:
    with pytest.raises(CorpusError) as info:
        FilmQA.from_directory(folder, cache=False)
    msg = str(info.value)
    assert "\n" not in msg
    return msg


# --------------------------------------------------------------------------- unusable folders


def test_missing_path_is_one_line_naming_it(tmp_path):
    msg = corpus_error(tmp_path / "nowhere")
    assert "not found" in msg and "nowhere" in msg


def test_a_file_instead_of_a_folder(tmp_path):
    (tmp_path / "film.txt").write_text("Red Heat is a film.")
    msg = corpus_error(tmp_path / "film.txt")
    assert "not a folder" in msg and "film.txt" in msg


def test_empty_folder(tmp_path):
    assert "no .txt or .md files" in corpus_error(tmp_path)


def test_only_unsupported_files_says_what_was_found(tmp_path):
    write(tmp_path, {"poster.jpg": b"\xff\xd8\xff", "script.pdf": b"%PDF-1.4", "notes.docx": b"PK\x03\x04"})
    msg = corpus_error(tmp_path)
    assert "no .txt or .md files" in msg and "3 other files" in msg


def test_only_empty_files_names_them(tmp_path):
    write(tmp_path, {"zero.txt": b"", "blank.md": b"  \n\r\n\t"})
    msg = corpus_error(tmp_path)
    assert "no readable documents" in msg and "zero.txt: empty file" in msg and "blank.md: empty file" in msg


def test_empty_files_are_skipped_beside_good_ones(tmp_path):
    qa, notices = load(write(tmp_path, {**FILLER, "zero.txt": b"", "blank.md": b"\n\n"}))
    assert skipped(qa) == {"blank.md": "empty file", "zero.txt": "empty file"}
    assert len(qa.documents) == len(FILLER)
    assert "skipped zero.txt: empty file" in notices


# --------------------------------------------------------------------------- size


def test_a_50_mb_file_is_skipped_quickly_with_a_reason(tmp_path):
    line = b"The quick brown fox jumps over the lazy dog in the film Big Movie.\n"
    write(tmp_path, FILLER)
    with open(tmp_path / "dump.txt", "wb") as fh:
        fh.write(line * (50 * 2**20 // len(line) + 1))
    t = time.perf_counter()
    qa, notices = load(tmp_path)
    assert time.perf_counter() - t < 10
    reason = skipped(qa)["dump.txt"]
    assert reason.startswith("too large (50 MB") and "limit" in reason
    assert [n for n in notices if "dump.txt" in n] == [f"skipped dump.txt: {reason}"]
    assert top_doc(qa, "Walter Hill") == "red_heat.txt"


def test_a_file_that_grows_past_the_limit_while_read_is_skipped(tmp_path, monkeypatch):
    write(tmp_path, {**FILLER, "log.txt": "Small at first."})
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 4096)
    before_open(monkeypatch, "log.txt", lambda path: Path(path).write_text("more words " * 1000))
    qa, _ = load(tmp_path)
    assert "too large" in skipped(qa)["log.txt"]


# --------------------------------------------------------------------------- bytes and encodings


def test_binary_files_named_txt_are_skipped(tmp_path):
    rng = __import__("random").Random(6)
    noise = bytes(rng.randrange(256) for _ in range(20000))
    write(tmp_path, {
        **FILLER,
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise,
        "noise.md": noise.replace(b"\x00", b"\x01"),  # no NUL byte, still not text
        "archive.txt": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + noise,
    })
    qa, notices = load(tmp_path)
    reasons = skipped(qa)
    assert set(reasons) == {"photo.txt", "noise.md", "archive.txt"}
    assert all(r.startswith("binary file") for r in reasons.values())
    assert all("\n" not in n for n in notices)
    assert len(qa.documents) == len(FILLER)


@pytest.mark.parametrize(
    "name, data, needle, query",
    [
        ("latin1.txt", "Amélie est réalisé par Jean-Pierre Jeunet. Café crème.".encode("latin-1"), "Amélie", "Jeunet"),
        ("cp1252.txt", "Its director said “it’s done” — for €5 million.".encode("cp1252"), "“it’s done” — for €5", "million"),
        ("utf16le.txt", "Das Boot wurde von Wolfgang Petersen gedreht. Größe.".encode("utf-16"), "Größe", "Petersen"),
        ("utf16be.md", codecs.BOM_UTF16_BE + "Stalker was directed by Andrei Tarkovsky.".encode("utf-16-be"), "Stalker", "Tarkovsky"),
        ("utf8bom.txt", codecs.BOM_UTF8 + "Solaris was directed by Andrei Tarkovsky in Moscow.".encode(), "Solaris", "Moscow"),
    ],
)
def test_legacy_encodings_are_decoded(tmp_path, name, data, needle, query):
    qa, _ = load(write(tmp_path, {**FILLER, name: data}))
    assert not qa.skipped
    passages = [p for p in qa.passages if p.doc_id == name]
    assert passages and needle in " ".join(p.text for p in passages)
    assert "\ufeff" not in passages[0].text and "\ufffd" not in passages[0].text
    assert top_doc(qa, query) == name


def test_mixed_line_endings_keep_structure_and_offsets(tmp_path):
    text = "Copper Valley\r== Plot ==\rA miner finds silver.\r\n== Production ==\r\nFilming began in 1971.\n== Release ==\nIt opened in May 1972.\r"
    qa, _ = load(write(tmp_path, {**FILLER, "copper.txt": text}))
    doc = qa.document("copper.txt")
    assert doc.sections[-3:] == ["Plot", "Production", "Release"]
    sections = {p.section: p for p in qa.passages if p.doc_id == "copper.txt"}
    assert sections["Production"].text == "Filming began in 1971."
    assert not any("\r" in p.text for p in sections.values())
    assert span_errors(sections.values(), {"copper.txt": text}) == []  # offsets index the original file


# --------------------------------------------------------------------------- files that move under us


def test_a_file_that_vanishes_while_loading_is_skipped(tmp_path, monkeypatch):
    write(tmp_path, {**FILLER, "gone.txt": "Here one moment."})
    before_open(monkeypatch, "gone.txt", os.unlink)
    qa, notices = load(tmp_path)
    assert skipped(qa) == {"gone.txt": "file vanished while loading"}
    assert "skipped gone.txt: file vanished while loading" in notices
    assert len(qa.documents) == len(FILLER)


def test_a_file_that_changes_while_loading_is_read_whole(tmp_path, monkeypatch):
    write(tmp_path, {**FILLER, "draft.txt": "Draft text about nothing."})
    new = "Harbour Lights is a 1969 film directed by Olga Brandt, shot in Gdansk."
    before_open(monkeypatch, "draft.txt", lambda path: Path(path).write_text(new))
    qa, _ = load(tmp_path)
    assert top_doc(qa, "Olga Brandt Gdansk") == "draft.txt"
    assert not qa.skipped


def test_permission_denied_is_a_skip_not_a_crash(tmp_path, monkeypatch):
    write(tmp_path, {**FILLER, "locked.txt": "Secret notes."})
    before_open(monkeypatch, "locked.txt", raising(PermissionError(13, "Permission denied")))
    qa, notices = load(tmp_path)
    assert skipped(qa) == {"locked.txt": "permission denied"}
    assert "skipped locked.txt: permission denied" in notices


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_real_unreadable_file(tmp_path):
    write(tmp_path, {**FILLER, "locked.txt": "Secret notes."})
    (tmp_path / "locked.txt").chmod(0)
    qa, _ = load(tmp_path)
    assert skipped(qa) == {"locked.txt": "permission denied"}


def test_other_os_errors_are_a_skip(tmp_path, monkeypatch):
    write(tmp_path, {**FILLER, "flaky.txt": "On a failing disk."})
    before_open(monkeypatch, "flaky.txt", raising(OSError(5, "Input/output error")))
    qa, _ = load(tmp_path)
    assert skipped(qa) == {"flaky.txt": "unreadable (Input/output error)"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_called_txt_does_not_block(tmp_path):
    write(tmp_path, FILLER)
    os.mkfifo(tmp_path / "pipe.txt")
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(qa=load(tmp_path)[0]), daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "loading blocked on a named pipe"
    assert skipped(result["qa"]) == {"pipe.txt": "not a regular file"}


# --------------------------------------------------------------------------- links


def test_symlink_loops_end(tmp_path):
    write(tmp_path, FILLER)
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")  # a folder loop
    os.symlink(tmp_path, tmp_path / "again")  # the root again
    os.symlink("b.txt", tmp_path / "a.txt")  # a file loop
    os.symlink("a.txt", tmp_path / "b.txt")
    os.symlink("missing.txt", tmp_path / "dangling.txt")
    t = time.perf_counter()
    qa, notices = load(tmp_path)
    assert time.perf_counter() - t < 10
    assert sorted(d.doc_id for d in qa.documents) == sorted(FILLER)
    assert skipped(qa) == {
        "a.txt": "link loop, not followed",
        "b.txt": "link loop, not followed",
        "dangling.txt": "broken link (its target does not exist)",
    }


def test_links_out_of_the_corpus_are_not_followed(tmp_path, monkeypatch):
    corpus = write(tmp_path / "corpus", FILLER)
    outside = write(tmp_path / "private", {"secret.txt": "The vault code is hunter2 and Walter Hill knows it."})
    os.symlink(outside / "secret.txt", corpus / "secret.txt")
    os.symlink(outside, corpus / "private")
    os.symlink("../private/secret.txt", corpus / "relative.md")
    opened: list[Path] = []
    real_open = open

    def spying_open(path, *a, **kw):
        opened.append(Path(path).resolve())
        return real_open(path, *a, **kw)

    monkeypatch.setattr(loading, "open", spying_open, raising=False)
    qa, notices = load(corpus)
    assert opened and all(p.is_relative_to(corpus.resolve()) for p in opened)
    assert "hunter2" not in " ".join(p.text for p in qa.passages)
    assert not any(d.doc_id.startswith("private") for d in qa.documents)
    assert skipped(qa) == {
        "private": "link to a folder outside the corpus folder, not followed",
        "relative.md": "link to a file outside the corpus folder, not followed",
        "secret.txt": "link to a file outside the corpus folder, not followed",
    }
    assert len(notices) == 3


def test_links_inside_the_corpus_are_read_once(tmp_path):
    corpus = write(tmp_path, {**FILLER, "sub/deep.txt": "Harbour Lights is a 1969 film directed by Olga Brandt."})
    os.symlink("sub", corpus / "alias")
    qa, _ = load(corpus)
    assert [d.doc_id for d in qa.documents if "deep" in d.doc_id] == ["sub/deep.txt"]


# --------------------------------------------------------------------------- many files, odd names, duplicates


def test_thousands_of_tiny_files(tmp_path):
    files = {f"f{i:04d}.txt": f"Film number {i} was directed by Person{i} Surname in {1900 + i % 120}." for i in range(2500)}
    t = time.perf_counter()
    qa, _ = load(write(tmp_path, files))
    assert time.perf_counter() - t < 20
    assert len(qa.documents) == 2500 and not qa.skipped
    assert top_doc(qa, "Person1234") == "f1234.txt"


def test_file_names_that_are_not_utf8(tmp_path, tmp_cache):
    write(tmp_path, FILLER)
    with open(os.fsencode(tmp_path) + b"/caf\xe9 noir.txt", "wb") as fh:
        fh.write(b"Cafe Noir is a 1990 film directed by Rene Roux.")
    qa = FilmQA.from_directory(tmp_path, cache_dir=tmp_cache)  # the cache is JSON: ids must be text
    assert "caf\\xe9 noir.txt" in [d.doc_id for d in qa.documents]
    qa.summary().model_dump_json()
    again = FilmQA.from_directory(tmp_path, cache_dir=tmp_cache)
    assert not again.notices and top_doc(again, "Rene Roux") == "caf\\xe9 noir.txt"


def test_duplicate_documents_are_cited_once(tmp_path):
    text = "Harbour Lights is a 1969 film directed by Olga Brandt.\n\nIt was shot in Gdansk over one winter."
    qa, _ = load(write(tmp_path, {**FILLER, "a_harbour.txt": text, "b_harbour_copy.txt": text.replace("\n\n", "\n") + "\n"}))
    assert qa.document("b_harbour_copy.txt").duplicate_of == "a_harbour.txt"
    assert qa.document("a_harbour.txt").duplicate_of is None
    hits = qa.search("Olga Brandt Gdansk", k=10)
    assert {h.doc_id for h in hits} == {"a_harbour.txt"}
    assert not [p for p in qa.passages if p.doc_id == "b_harbour_copy.txt"]
    reply = qa.ask("Who directed Harbour Lights?")
    assert reply.answer == "Olga Brandt"
    assert {c.doc_id for c in reply.citations} == {"a_harbour.txt"}


# --------------------------------------------------------------------------- corpora of one or two passages


def test_a_one_document_corpus_can_be_searched_and_answered(tmp_path):
    # BM25Okapi's idf is <= 0 for every term of a one-passage corpus; filmqa must still find it
    qa, _ = load(write(tmp_path, {"only.txt": "Red Heat is a 1988 action film directed by Walter Hill."}))
    assert top_doc(qa, "Walter Hill") == "only.txt"
    assert qa.search("Moscow militia", k=3) == []  # words it doesn't hold still find nothing
    assert qa.ask("Who directed Red Heat?").answer == "Walter Hill"


def test_a_two_passage_corpus_ranks_the_passage_that_holds_the_words(tmp_path):
    qa, _ = load(write(tmp_path, {
        "a.txt": "Harbour Lights is a 1969 film directed by Olga Brandt.",
        "b.txt": "Night Train is a 1971 thriller scored by Ivo Marek.",
    }))
    assert top_doc(qa, "Ivo Marek score") == "b.txt"
    assert top_doc(qa, "Olga Brandt") == "a.txt"
