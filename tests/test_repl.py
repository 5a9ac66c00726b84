"""The interactive session (`filmqa` with no command), driven three ways:

* ``Session.handle`` and ``run_repl`` in piped mode, on StringIO streams;
* prompt_toolkit's pipe input + DummyOutput inside ``create_app_session``;
* the installed ``filmqa`` in a pseudo-terminal and with a pipe on stdin.

Every test keeps history and index caches in tmp folders.
"""

from __future__ import annotations

import io
import os
import re
import select
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from filmqa import FilmQA
from filmqa.interface import repl
from filmqa.interface.render import Style, render_answer, safe
from filmqa.interface.repl import Session, corpus_names, example_questions, run_repl
from filmqa.models import Answer, AnswerType, Citation, Conflict, ConflictValue, Route

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MULTIFILM = ROOT / "tests" / "data" / "multifilm"
ESC = "\x1b"


@pytest.fixture(autouse=True)
def _dirs(tmp_path_factory, monkeypatch):
    cache = tmp_path_factory.getbasetemp() / "cache"  # shared: each corpus is indexed once per run
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("FILMQA_CACHE_DIR", str(cache))
    monkeypatch.setenv("FILMQA_DATA_DIR", str(data))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return data


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    return FilmQA.from_directory(SEEDS, cache_dir=tmp_path_factory.getbasetemp() / "cache")


def make_session(qa, style=Style(), interactive=True):
    out, err = io.StringIO(), io.StringIO()
    session = Session(qa, out=out, err=err, style=style)
    session.interactive = interactive
    return session, out, err


def run(session, *lines):
    """Run lines through the session; return (stdout, stderr) written by them."""
    o0, e0 = len(session.out.getvalue()), len(session.err.getvalue())
    for line in lines:
        assert session.handle(line) in (True, False)
    return session.out.getvalue()[o0:], session.err.getvalue()[e0:]


# --------------------------------------------------------------------------- questions and follow-ups


def test_question_gets_answer_support_and_numbered_sources(qa):
    s, out, err = make_session(qa)
    text, errors = run(s, "Who directed Red Heat?")
    assert errors == ""
    assert "Walter Hill" in text
    assert s.last is not None and s.last.answer and "Walter Hill" in s.last.answer
    assert "Sources:" in text
    c = s.last.citations[0]
    assert f"[{c.n}] {c.title}" in text
    assert c.section is None or f" — {c.section}" in text


def test_answer_is_bold_on_a_terminal_and_plain_otherwise(qa):
    s, out, _ = make_session(qa, Style(color=True))
    run(s, "Who directed Red Heat?")
    assert f"{ESC}[1m{s.last.answer}" in out.getvalue()
    plain, out, _ = make_session(qa, Style(color=False))
    run(plain, "Who directed Red Heat?")
    assert ESC not in out.getvalue()


def test_follow_up_uses_the_conversation_and_reset_forgets_it(qa):
    s, out, _ = make_session(qa)
    run(s, "Who played Ivan Danko?")
    assert "Schwarzenegger" in s.last.text
    text, _ = run(s, "Who directed it?")
    assert "Walter Hill" in text
    assert s.last.route.film == "Red Heat (1988)"
    assert len(s.conversation.history) == 2
    text, _ = run(s, "/reset")
    assert "forgotten" in text
    assert s.conversation.history == [] and s.last is None


def test_budget_question(qa):
    s, out, _ = make_session(qa)
    text, _ = run(s, "What was the budget of Red Heat?")
    assert "29 million" in text


# --------------------------------------------------------------------------- commands


def test_show_prints_the_passage_with_the_answer_highlighted(qa):
    s, out, _ = make_session(qa)
    run(s, "Who directed Red Heat?")
    c = s.last.citations[0]
    text, _ = run(s, f"/show {c.n}")
    passage = qa.passages[c.passage_id]
    assert f"[{c.n}]" in text and c.doc_id in text
    assert "»Walter Hill«" in text  # plain-text highlight
    first_words = safe(passage.text).split("Walter Hill")[0][:40]
    assert first_words in text
    text, _ = run(s, "/show 99")
    assert "No source [99]" in text
    text, _ = run(s, "/show")  # default: the first source
    assert f"[{c.n}]" in text


def test_show_and_why_before_any_question(qa):
    s, out, _ = make_session(qa)
    text, _ = run(s, "/show 1", "/why")
    assert "ask a question first" in text
    assert "Nothing to explain yet" in text


def test_why_prints_the_route(qa):
    s, out, _ = make_session(qa)
    run(s, "Who directed Red Heat?")
    text, _ = run(s, "/why")
    r = s.last.route
    assert "answer type" in text and r.answer_type.value in text
    assert "Red Heat (1988)" in text
    assert "query terms" in text and all(t in text for t in r.query_terms)
    assert r.passages, "the route keeps the passages it considered"
    assert "top passages" in text and f"{r.passages[0].score:6.2f}" in text


def test_films_sources_help_and_unknown_commands(qa):
    s, out, _ = make_session(qa)
    text, _ = run(s, "/films")
    assert "1 film" in text and "Red Heat (1988)" in text
    text, _ = run(s, "/sources")
    assert all(d.doc_id in text for d in qa.documents) and "4 documents" in text
    text, _ = run(s, "/help")
    assert all(f"/{c.name}" in text for c in repl.COMMANDS)
    text, _ = run(s, "/fil")  # a unique prefix is enough
    assert "Red Heat (1988)" in text
    text, _ = run(s, "/nonsense")
    assert "Unknown command /nonsense" in text
    assert s.handle("/quit") is False and s.handle("/exit") is False


def test_corpus_switch_and_bad_folder_keeps_the_old_corpus(qa, tmp_path):
    s, out, err = make_session(qa)
    run(s, "Who directed Red Heat?")
    for bad in (str(tmp_path / "missing"), str(tmp_path), str(SEEDS / "001_bf025726dfb8479b.txt")):
        text, errors = run(s, f"/corpus {bad}")
        assert text == "" and errors.count("\n") == 1 and "still on" in errors
        assert s.qa is qa and s.last is not None
    text, _ = run(s, "/corpus")
    assert str(SEEDS) in text
    text, errors = run(s, f"/corpus {MULTIFILM}")
    assert s.qa is not qa and s.qa.root == str(MULTIFILM) and s.last is None
    assert "Copper Valley" in text  # the new banner
    text, _ = run(s, "/films")
    assert "Night Train (1994)" in text and "Red Heat" not in text


def test_internal_error_prints_one_line_and_the_session_goes_on(qa, monkeypatch):
    s, out, err = make_session(qa)

    def boom(question):
        raise RuntimeError("kaputt\nsecond line")

    monkeypatch.setattr(s.conversation, "ask", boom)
    text, errors = run(s, "Who directed Red Heat?")
    assert errors.count("\n") == 1 and "internal error (RuntimeError): kaputt" in errors
    assert "Traceback" not in errors + text
    text, _ = run(s, "/films")
    assert "Red Heat (1988)" in text


def test_keyboard_interrupt_while_answering_cancels_the_question(qa, monkeypatch):
    s, out, err = make_session(qa)

    def interrupted(question):
        raise KeyboardInterrupt

    monkeypatch.setattr(s.conversation, "ask", interrupted)
    assert s.handle("Who directed Red Heat?") is True
    assert "(cancelled)" in out.getvalue()
    script, _, _ = make_session(qa, interactive=False)  # piped: Ctrl-C stops the script
    monkeypatch.setattr(script.conversation, "ask", interrupted)
    with pytest.raises(KeyboardInterrupt):
        script.handle("Who directed Red Heat?")


# --------------------------------------------------------------------------- rendering


def _route(question="q"):
    return Route(question=question, resolved_question=question, answer_type=AnswerType.MONEY)


def test_conflicts_are_shown_with_their_sources():
    reply = Answer(
        question="What was the budget?",
        answer="$29 million",
        text="$29 million, according to the infobox.",
        citations=[
            Citation(n=1, doc_id="a.txt", title="Red Heat", section="Production", quote="The budget was $29 million.", start=0, end=10),
            Citation(n=2, doc_id="b.txt", title="Red Heat", quote="It cost $30 million.", start=5, end=20),
        ],
        conflicts=[Conflict(fact="budget", values=[ConflictValue(value="$29 million", citations=[1]), ConflictValue(value="$30 million", citations=[2])])],
        route=_route(),
    )
    text = render_answer(reply, Style())
    assert "Sources disagree on budget: $29 million [1]  vs  $30 million [2]" in text
    assert "[1] Red Heat — Production" in text and "[2] Red Heat  (b.txt" in text
    assert "“It cost $30 million.”" in text


def test_document_text_never_reaches_the_terminal_raw(tmp_path, qa):
    evil = "\x1b]0;pwned\x07\x1b[31mRED\x1b[0m\x07\x08\u202e"
    reply = Answer(
        question="q", answer=f"Walter {evil}Hill", text=f"Walter {evil}Hill directed it.",
        citations=[Citation(n=1, doc_id=f"x{evil}.txt", title=f"T{evil}", section=f"S{evil}", quote=f"Q{evil}", start=0, end=1)],
        conflicts=[Conflict(fact=f"f{evil}", values=[ConflictValue(value=f"v{evil}")])],
        route=_route(),
    )
    for style in (Style(color=False), Style(color=True)):
        text = render_answer(reply, style)
        assert "\x1b]" not in text and "\x1b[31m" not in text and "\x07" not in text and "\u202e" not in text
    # a corpus whose files hold escape sequences: banner, /films, /sources, /show stay clean
    corpus = tmp_path / "evil"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        f"Night {evil}Owl\n\nNight Owl is a 1990 film directed by Jane {evil}Roe. It was shot in Oslo.\n", encoding="utf-8"
    )
    bad_qa = FilmQA.from_directory(corpus, cache=False)
    s, out, err = make_session(bad_qa)
    s.say(repl.banner(bad_qa, s.style))
    run(s, "/films", "/sources", "Who directed Night Owl?", "/show 1", "/why")
    written = out.getvalue() + err.getvalue()
    assert "\x1b" not in written and "\x07" not in written and "\u202e" not in written


def test_style_degrades_without_a_terminal_or_with_no_color(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setenv("TERM", "xterm")
    assert Style.for_stream(Tty()).color is True
    assert Style.for_stream(io.StringIO()).color is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert Style.for_stream(Tty()).color is False


def test_banner_examples_come_from_the_corpus(qa):
    assert example_questions(qa) == ["Who directed Red Heat?", "What was the budget of Red Heat?"]
    other = FilmQA.from_directory(MULTIFILM)
    first = other.films[0].title
    assert example_questions(other)[0] == f"Who directed {first}?"
    text = repl.banner(qa, Style())
    assert "4 documents · 103 passages · 1 film: Red Heat (1988)" in text


# --------------------------------------------------------------------------- completion


def _completions(session, text):
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    completer = repl._completer(session)
    return [c.text for c in completer.get_completions(Document(text), CompleteEvent(completion_requested=True))]


def test_completion_of_commands_names_and_citations(qa, tmp_path):
    s, _, _ = make_session(qa)
    names = corpus_names(qa)
    assert {"Red Heat", "Arnold Schwarzenegger", "Captain Ivan Danko", "James Horner"} <= set(names)
    assert not any(re.search(r"\d", n) for n in names)
    s.learn_names()  # what the interactive session does in the background
    assert "Walter Hill" in s.names and set(names) <= set(s.names)
    assert "Walter Hill" in _completions(s, "Was it wal")
    assert _completions(s, "/sh") == ["/show"]
    assert set(_completions(s, "/")) == {f"/{c.name}" for c in repl.COMMANDS}
    assert "Red Heat" in _completions(s, "Who directed red h")
    assert "Arnold Schwarzenegger" in _completions(s, "Did arn")
    assert _completions(s, "Who directed ") == []
    (tmp_path / "films_here").mkdir()
    assert _completions(s, f"/corpus {tmp_path}/fil") == ["ms_here"]  # the rest of the folder name
    run(s, "Who directed Red Heat?")
    assert _completions(s, "/show ") == [str(c.n) for c in s.last.citations]


# --------------------------------------------------------------------------- piped mode (run_repl)


def test_piped_mode_reads_one_question_a_line(qa):
    out, err = io.StringIO(), io.StringIO()
    lines = io.StringIO("Who directed Red Heat?\n\n   \n/films\nWho played Ivan Danko?\n/quit\nWho directed Red Heat?\n")
    rc = run_repl(SimpleNamespace(corpus=str(SEEDS), no_cache=False), out=out, err=err, stdin=lines, interactive=False)
    text = out.getvalue()
    assert rc == 0 and err.getvalue() == ""
    assert "filmqa>" not in text and "Try:" not in text  # no decoration
    assert text.count("Walter Hill") >= 1 and "Schwarzenegger" in text
    replies = text.strip().split("\n\n")
    assert replies[0].startswith("Walter Hill")
    assert text.count("1 film:") == 1
    # the director reply may quote a sentence naming the star; the Danko reply (last) comes after /films
    assert text.index("Walter Hill") < text.index("1 film:") < text.rindex("Schwarzenegger")
    assert text.rstrip().endswith("”")  # /quit stopped before the last question's reply
    assert text.count("Sources:") == 2


def test_bad_corpus_at_start_is_one_line_and_exit_2(tmp_path):
    err = io.StringIO()
    rc = run_repl(SimpleNamespace(corpus=str(tmp_path / "nope"), no_cache=False), out=io.StringIO(), err=err, stdin=io.StringIO(""), interactive=False)
    assert rc == 2 and err.getvalue().count("\n") == 1 and "corpus folder not found" in err.getvalue()


# --------------------------------------------------------------------------- prompt_toolkit pipe input


def _drive(chunks, args, delay=0.08):
    """Run the interactive REPL on a pipe input fed chunk by chunk (as a person types)."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    out, err = io.StringIO(), io.StringIO()
    with create_pipe_input() as inp:
        def feed():
            for chunk in chunks:
                time.sleep(delay)
                inp.send_text(chunk)

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        with create_app_session(input=inp, output=DummyOutput()):
            rc = run_repl(args, out=out, err=err, interactive=True)
        feeder.join(5)
    return rc, out.getvalue(), err.getvalue()


def test_interactive_session_through_prompt_toolkit(_dirs):
    chunks = [
        "Who played Ivan Danko?\r",
        "Who directed it?\r",  # follow-up
        "/why\r",
        "/show 1\r",
        "never asked", "\x03",  # Ctrl-C drops the line
        "/fi", "\t", "\r",  # Tab completes /films
        "What was the budget of red h", "\t", "\r",  # Tab completes a film title
        "/corpus /definitely/not/here\r",
        "\x12Ivan", "\r", "\r",  # Ctrl-R finds "Who played Ivan Danko?" again
        "/reset\r",
        "\x04",  # Ctrl-D leaves
    ]
    rc, out, err = _drive(chunks, SimpleNamespace(corpus=None, no_cache=False))
    assert rc == 0
    assert out.startswith("filmqa — questions about the films in")
    assert "Try: Who directed Red Heat?   What was the budget of Red Heat?" in out
    assert out.count("Schwarzenegger") >= 2 and "Walter Hill" in out
    assert "answer type" in out and "»" in out
    assert "1 film:" in out and "29 million" in out
    assert "Conversation forgotten" in out and out.rstrip().endswith("Bye.")
    assert err.count("\n") == 1 and "cannot use /definitely/not/here" in err
    assert "Traceback" not in out + err
    history = (_dirs / "history").read_text(encoding="utf-8")
    asked = [line[1:] for line in history.splitlines() if line.startswith("+")]
    assert asked == [
        "Who played Ivan Danko?", "Who directed it?", "/why", "/show 1", "/films",
        "What was the budget of Red Heat", "/corpus /definitely/not/here", "Who played Ivan Danko?", "/reset",
    ]


def test_quit_command_and_history_persists_across_sessions(_dirs):
    args = SimpleNamespace(corpus=str(SEEDS), no_cache=False)
    rc, out, _ = _drive(["/films\r", "/quit\r"], args, delay=0.05)
    assert rc == 0 and "1 film:" in out
    # a new session suggests from the saved history: "/fi" + → accepts "/films"
    rc, out, _ = _drive(["/fi", "\x1b[C", "\r", "\x04"], args, delay=0.1)
    assert rc == 0 and "1 film:" in out


# --------------------------------------------------------------------------- the installed command


def _filmqa_env(tmp_path):
    env = dict(os.environ)
    env.update(FILMQA_CACHE_DIR=str(tmp_path / "cache"), FILMQA_DATA_DIR=str(tmp_path / "data"), TERM="xterm-256color")
    env.pop("NO_COLOR", None)
    return env


def _exe():
    exe = shutil.which("filmqa")
    return [exe] if exe else [sys.executable, "-m", "filmqa"]


def test_piped_into_the_installed_command(tmp_path):
    env = _filmqa_env(tmp_path)
    proc = subprocess.run(_exe(), input="Who directed Red Heat?\n/films\n", capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Walter Hill") and "Red Heat (1988)" in proc.stdout
    assert ESC not in proc.stdout and "Traceback" not in proc.stderr


class Pty:
    """The installed ``filmqa`` in a pseudo-terminal that answers cursor-position queries."""

    def __init__(self, env, *args):
        import pty

        self.master, slave = pty.openpty()
        os.set_blocking(self.master, False)
        import fcntl, struct, termios  # noqa: E401

        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.start = time.monotonic()
        self.proc = subprocess.Popen(_exe() + list(args), stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, start_new_session=True)
        os.close(slave)
        self.buffer = b""

    def read_until(self, needle: bytes | re.Pattern, timeout=20.0) -> bytes:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = needle.search(self.buffer) if isinstance(needle, re.Pattern) else needle in self.buffer
            if found:
                return self.buffer
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    chunk = b""
                if chunk:
                    self.buffer += chunk
                    for _ in range(chunk.count(b"\x1b[6n")):  # cursor position request
                        os.write(self.master, b"\x1b[1;1R")
                elif self.proc.poll() is not None:
                    break
        raise AssertionError(f"timed out waiting for {needle!r}; got {self.buffer[-2000:]!r}")

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(5)
        os.close(self.master)


def test_installed_command_in_a_pseudo_terminal(tmp_path):
    env = _filmqa_env(tmp_path)
    subprocess.run(_exe() + ["info"], env=env, capture_output=True, timeout=60, check=True)  # warm the index cache
    term = Pty(env)
    try:
        term.read_until(b"filmqa>")  # (how fast is the benchmark's business, not a test's)
        assert b"Try: " in term.buffer and b"\x1b[1mfilmqa\x1b[0m" in term.buffer  # colour on a terminal
        mark = len(term.buffer)
        # keys are sent once the next prompt is up (the terminal is in raw mode only then)
        term.send(b"Who directed Red Heat?\r")
        term.read_until(re.compile(rb"Walter Hill.*Sources:.*filmqa>", re.S))
        term.send(b"/corpus /no/such/dir\r")
        term.read_until(re.compile(rb"still on.*filmqa>", re.S))
        term.send(b"half a question")
        term.read_until(b"half a question")
        term.send(b"\x03")  # Ctrl-C drops the line, a fresh prompt follows
        term.read_until(re.compile(rb"half a question.*filmqa>", re.S))
        term.send(b"/films\r")
        term.read_until(re.compile(rb"1 film:.*filmqa>", re.S))
        term.send(b"\x04")
        term.read_until(b"Bye.")
        assert term.proc.wait(10) == 0
        assert b"Traceback" not in term.buffer[mark:]
    finally:
        term.close()
    history = (tmp_path / "data" / "history").read_text(encoding="utf-8")
    assert "+Who directed Red Heat?" in history and "half a question" not in history


def test_no_color_in_a_pseudo_terminal(tmp_path):
    env = _filmqa_env(tmp_path)
    env["NO_COLOR"] = "1"
    term = Pty(env)
    try:
        term.read_until(b"filmqa>")
        term.send(b"/films\r")
        out = term.read_until(re.compile(rb"1 film:.*filmqa>", re.S))
        assert b"\x1b[1mRed Heat" not in out and b"\x1b[36m" not in out
        term.send(b"/quit\r")
        assert term.proc.wait(10) == 0
    finally:
        term.close()


def test_abstention_shows_the_closest_passages_and_show_opens_them(qa):
    s, out, _ = make_session(qa)
    text, _ = run(s, "How much did Red Heat make on its opening weekend?")
    assert s.last.abstained and safe(s.last.text).splitlines()[0] in text
    if s.last.leads:
        assert "Closest passages:" in text
        shown, _ = run(s, "/show 1")
        assert s.last.leads[0].doc_id in shown
