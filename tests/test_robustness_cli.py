"""Issue 6, the command line: one line per problem, the file named, non-zero exits,
and nothing a document smuggles in reaches the terminal."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from filmqa.interface.cli import main

FILLER = {
    "red_heat.txt": "Red Heat is a 1988 action film directed by Walter Hill. It stars Arnold Schwarzenegger.",
    "paper_moons.md": "# Paper Moons\n\nPaper Moons is a 1973 comedy directed by Peter Bogdanovich.",
    "night_train.txt": "Night Train is a 1994 thriller directed by Ann Lee, shot in Prague.",
}
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        (folder / name).write_bytes(body if isinstance(body, bytes) else body.encode())
    return folder


def _missing(tmp):
    return tmp / "nowhere", "nowhere", "not found"


def _a_file(tmp):
    write(tmp, {"film.txt": "Red Heat."})
    return tmp / "film.txt", "film.txt", "not a folder"


def _empty(tmp):
    (tmp / "empty").mkdir()
    return tmp / "empty", "empty", "no .txt or .md files"


def _unsupported(tmp):
    write(tmp / "docs", {"poster.jpg": b"\xff\xd8", "script.pdf": b"%PDF"})
    return tmp / "docs", "poster.jpg", "no .txt or .md files"


def _empty_files(tmp):
    write(tmp / "docs", {"zero.txt": b""})
    return tmp / "docs", "zero.txt", "empty file"


def _binary(tmp):
    write(tmp / "docs", {"photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00" * 100})
    return tmp / "docs", "photo.txt", "binary file"


@pytest.mark.parametrize("case", [_missing, _a_file, _empty, _unsupported, _empty_files, _binary])
@pytest.mark.parametrize("command", [["ask", "Who directed it?"], ["search", "director"], ["info"]])
def test_unusable_corpus_is_one_line_exit_2(capsys, tmp_path, tmp_cache, case, command):
    folder, named, why = case(tmp_path)
    code, out, err = cli(capsys, *command, "--corpus", str(folder))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("filmqa: ")
    assert named in err and why in err


def test_skipped_files_are_one_line_each_even_with_hostile_names(capsys, tmp_path, tmp_cache):
    corpus = write(tmp_path / "docs", {**FILLER, "evil\nname\x1b[2J.txt": b"", "bad\x07.md": b"\x89PNG\x00\x00\x00\rIHDR" * 50})
    code, out, err = cli(capsys, "info", "--corpus", str(corpus))
    assert code == 0
    lines = err.splitlines()
    assert lines == ["filmqa: skipped bad.md: binary file (contains NUL bytes)", "filmqa: skipped evil name.txt: empty file"]
    assert not UNSAFE.search(err) and not UNSAFE.search(out)
    skipped = [line for line in out.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 2


ESCAPES = (
    "Midnight Static\n\n"
    "Midnight Static is a 1991 film directed by Vera \x1b[31mKlein\x1b[0m\x1b]0;pwned\x07 in Berlin.\x07\n\n"
    "The soundtrack \x1b[2J\x1b[H was composed by Otto\x08\x08\x08 Lind\x9b31m.\u202e\n"
)


@pytest.fixture
def escape_corpus(tmp_path):
    return write(tmp_path / "docs", {**FILLER, "static\x1b[5m.txt": ESCAPES})


def test_documents_with_escapes_are_stored_cited_and_printed_safely(capsys, escape_corpus, tmp_cache):
    from filmqa.pipeline import FilmQA

    qa = FilmQA.from_directory(escape_corpus, cache_dir=tmp_cache)
    doc_id = "static\x1b[5m.txt"
    assert qa.document(doc_id) is not None
    reply = qa.ask("Who directed Midnight Static?")
    assert reply.answer == "Vera Klein"
    cite = reply.citations[0]
    assert cite.doc_id == doc_id and "Vera Klein" in cite.quote
    assert "Vera \x1b[31mKlein" in ESCAPES[cite.start : cite.end]  # offsets point into the raw file
    for argv in (["ask", "Who directed Midnight Static?"], ["search", "soundtrack composed Lind"], ["info"]):
        code, out, err = cli(capsys, *argv, "--corpus", str(escape_corpus))
        assert code == 0
        assert not UNSAFE.search(out) and not UNSAFE.search(err), argv
    code, out, _ = cli(capsys, "ask", "Who directed Midnight Static?", "--corpus", str(escape_corpus))
    assert "Vera Klein" in out and "(static.txt, chars" in out


def test_json_output_escapes_control_characters(capsys, escape_corpus, tmp_cache):
    code, out, _ = cli(capsys, "search", "soundtrack", "--json", "--corpus", str(escape_corpus))
    assert code == 0 and "\x1b" not in out  # JSON writes \u001b, never the raw byte
    assert json.loads(out)[0]["doc_id"] == "static\x1b[5m.txt"


def test_questions_that_are_not_utf8_on_the_command_line(capsys, tmp_cache):
    question = os.fsdecode(b"who directed \xff Red Heat")
    code, out, _ = cli(capsys, "ask", "--json", question)
    assert code == 0
    assert json.loads(out)["question"] == "who directed \ufffd Red Heat"


def test_empty_questions_and_queries_exit_non_zero(capsys, tmp_cache):
    code, out, _ = cli(capsys, "ask", "  ")
    assert code == 2 and out.strip()
    code, out, err = cli(capsys, "search", " ")
    assert code == 2 and err == "filmqa: the query is empty\n"


def test_an_internal_error_is_one_line_exit_1(capsys, tmp_cache, monkeypatch):
    from filmqa.pipeline import FilmQA

    def broken(self, q):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(FilmQA, "ask", broken)
    code, out, err = cli(capsys, "ask", "Who directed it?")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "RuntimeError" in err and "FILMQA_DEBUG" in err
    monkeypatch.setenv("FILMQA_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["ask", "Who directed it?"])


def test_cache_notices_are_one_line(capsys, seeds_dir, tmp_path, tmp_cache):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    assert cli(capsys, "info", "--corpus", str(corpus))[0] == 0
    index = next(tmp_cache.glob("index-*"))
    (index / "tables.json").write_bytes(b"{")
    code, _, err = cli(capsys, "info", "--corpus", str(corpus))
    assert code == 0 and err == "filmqa: cached index is damaged (ValidationError); rebuilding it\n"


def test_the_installed_command_reports_a_missing_corpus(tmp_path, tmp_cache):
    exe = shutil.which("filmqa")
    cmd = [exe] if exe else [sys.executable, "-m", "filmqa"]
    proc = subprocess.run([*cmd, "ask", "Who?", "--corpus", str(tmp_path / "gone")], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == f"filmqa: corpus folder not found: {tmp_path / 'gone'}\n"


# --------------------------------------------------------------------------- gold files (filmqa eval)

gold = pytest.importorskip("filmqa.evaluation.gold")

GOOD = {"id": "dir", "question": "Who directed Red Heat?", "answers": ["Walter Hill"], "type": "person"}


@pytest.mark.parametrize(
    "line, problem",
    [
        ('{"id": "x", "question": ', "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"id": "x", "answers": ["A"], "type": "person"}', "missing field 'question'"),
        ('{"id": "x", "question": "Q?", "answers": "Walter Hill", "type": "person"}', "answers"),
        ('{"id": 7, "question": "Q?", "answers": ["A"], "type": "person"}', "id"),
        ('{"id": "x", "question": "Q?", "answers": ["A"], "type": "banana"}', "unknown type"),
        (json.dumps(GOOD), "duplicate id 'dir' (first on line 1)"),
    ],
)
def test_bad_gold_lines_are_file_line_problems(tmp_path, line, problem):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n" + line + "\n")
    with pytest.raises(gold.GoldError) as info:
        gold.load_gold(path)
    assert len(info.value.problems) == 1
    assert info.value.problems[0].startswith(f"{path}:3: ") and problem in info.value.problems[0]


def test_gold_problems_are_all_listed_and_eval_exits_2(capsys, tmp_path, tmp_cache):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b'{"id": 1}\nnot json\n' + json.dumps(GOOD).encode() + b"\n" + json.dumps(GOOD).encode() + b"\n\xff\n")
    with pytest.raises(gold.GoldError):
        gold.load_gold(path)
    path.write_text('{"id": 1}\nnot json\n' + json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n")
    with pytest.raises(gold.GoldError) as info:
        gold.load_gold(path)
    assert [p.split(": ")[0] for p in info.value.problems] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    code, out, err = cli(capsys, "eval", str(path))
    assert code == 2
    assert err.splitlines()[:3] == info.value.problems


def test_safe_text_can_always_be_written_to_a_utf8_stream():
    from filmqa.interface.render import safe

    nasty = "caf\udce9 \x1b]0;title\x07noir\x1b[2J \ud800x"
    out = safe(nasty)
    out.encode("utf-8")  # a lone surrogate would raise UnicodeEncodeError here
    assert out == "caf\ufffd noir \ufffdx"
