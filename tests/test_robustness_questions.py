"""Issue 6, question side: whatever is typed, ``ask`` returns a valid Answer, quickly."""

from __future__ import annotations

import os
import subprocess
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filmqa.interface.render import render_answer, render_search
from filmqa.models import Answer
from filmqa.pipeline import MAX_QUESTION_CHARS, FilmQA

CONTROL = set(map(chr, range(0x20))) - {"\n", "\t"} | {"\x7f", "\x9b"}


@pytest.fixture(scope="module")
def qa(seeds_dir, tmp_path_factory):
    return FilmQA.from_directory(seeds_dir, cache_dir=tmp_path_factory.mktemp("cache"))


def valid(reply: object, question: str) -> Answer:
    assert isinstance(reply, Answer)
    assert reply.question == question
    assert reply.text.strip()
    assert (reply.answer is None) == reply.abstained
    assert all(c.n == i for i, c in enumerate(reply.citations, 1))
    return reply


def no_control(text: str) -> bool:
    return not any(ch in CONTROL for ch in text)


@pytest.mark.parametrize("question", ["", "   ", "\n\t \r\n", "?", "¿", "a", "…"])
def test_empty_or_trivial_questions_abstain(qa, question):
    reply = valid(qa.ask(question), question)
    assert reply.abstained and not reply.citations


@pytest.mark.parametrize("question", ["the of and a an is it", "what is the", "who is it and what was that"])
def test_stop_words_only_abstain(qa, question):
    reply = valid(qa.ask(question), question)
    assert reply.abstained and not reply.citations


def test_a_100_kb_question_is_answered_within_a_limit(qa):
    for question in ("x" * 100_000, "Who directed Red Heat? " + "budget cast ending " * 5000):
        t = time.perf_counter()
        reply = valid(qa.ask(question), question)
        assert time.perf_counter() - t < 5
        assert len(reply.text) < MAX_QUESTION_CHARS + 1000  # nothing is echoed past the limit
    assert qa.search("Walter Hill " * 20_000, k=3)  # search applies the same limit


def test_a_too_long_question_is_told_about_the_limit(qa):
    reply = qa.ask("Who directed Red Heat? " + "y" * 100_000)
    assert "too long" in reply.text or f"{MAX_QUESTION_CHARS:,}" in reply.text or str(MAX_QUESTION_CHARS) in reply.text


def test_control_characters_and_escapes_in_a_question(qa):
    plain = qa.ask("Who directed Red Heat?")
    assert plain.answer == "Walter Hill"
    for noisy in ("\x1b[31mWho\x1b[0m directed\x07 Red Heat?\x00", "Who\u202e directed\x0b Red\x7f Heat?\r"):
        reply = valid(qa.ask(noisy), noisy)
        assert reply.answer == plain.answer
        assert no_control(render_answer(reply))
        assert no_control(render_search(noisy, qa.search(noisy)))


def test_an_osc_escape_in_a_question_is_dropped_whole(qa):
    assert qa.ask("Who directed \x1b]0;owned\x07Red Heat?").answer == "Walter Hill"


def test_search_drops_an_escape_payload_too(qa):
    plain = [p.id for p in qa.search("Rudas Thermal Bath", k=5)]
    assert plain
    assert [p.id for p in qa.search("Rudas \x1b]0;Moscow militia captain\x07Thermal Bath", k=5)] == plain


@pytest.mark.parametrize(
    "question",
    ["誰が監督しましたか？", "Кто режиссёр фильма?", "من أخرج الفيلم؟", "🎬🍿🎥", "Red Heat 🎬 who directed it? 🍿", "Ｗｈｏ ｄｉｒｅｃｔｅｄ？", "é" * 50],
)
def test_other_scripts_and_emoji(qa, question):
    reply = valid(qa.ask(question), question)
    Answer.model_validate_json(reply.model_dump_json())


@pytest.mark.parametrize(
    "question",
    [
        "'; DROP TABLE films; --",
        "1 OR 1=1; SELECT * FROM answers",
        "$(touch /tmp/filmqa-pwned) `id` && rm -rf ~",
        "<script>alert(1)</script> who directed Red Heat?",
        "{{Infobox film}} [[Walter Hill|who]] directed it?",
        "__import__('os').system('id')",
        "%s%s%s%n {0.__class__}",
        "../../../../etc/passwd",
    ],
)
def test_code_looking_questions_are_only_text(qa, question, monkeypatch):
    def forbidden(*a, **kw):
        raise AssertionError("a question made filmqa run something")

    for name in ("Popen", "run", "call", "check_output"):
        monkeypatch.setattr(subprocess, name, forbidden)
    monkeypatch.setattr(os, "system", forbidden)
    monkeypatch.setattr("builtins.eval", forbidden)
    monkeypatch.setattr("builtins.exec", forbidden)
    reply = valid(qa.ask(question), question)
    assert not os.path.exists("/tmp/filmqa-pwned")
    assert "root:" not in reply.text


def test_a_conversation_survives_junk_between_good_questions(qa):
    chat = qa.conversation()
    assert chat.ask("Who directed Red Heat?").answer == "Walter Hill"
    for junk in ("", "\x00\x1b", "🎬" * 500, "?" * 3000):
        valid(chat.ask(junk), junk)
    assert chat.ask("Who directed Red Heat?").answer == "Walter Hill"


WORDS = st.sampled_from(
    ["who", "directed", "Red Heat", "it", "the", "budget", "1988", "cast", "?", "Walter", "Hill", "when", "how much",
     "did", "he", "star", "in", "and", "not", "$", "'s", "Danko", "what", "year", "|", "==", "\n", "—"]
)
QUESTIONS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=30).map(" ".join),
)


@settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(question=QUESTIONS)
def test_ask_never_raises_and_stays_quick(qa, question):
    t = time.perf_counter()
    reply = valid(qa.ask(question), question)
    assert time.perf_counter() - t < 2
    assert Answer.model_validate_json(reply.model_dump_json()) == reply
    assert no_control(render_answer(reply))


@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=12).map(" ".join))
def test_follow_ups_never_raise(qa, question):
    chat = qa.conversation()
    chat.ask("Who directed Red Heat?")
    valid(chat.ask(question), question)


def test_lone_surrogates_can_be_serialised(qa):
    reply = qa.ask("who directed \udcff it \ud800")
    Answer.model_validate_json(reply.model_dump_json())
