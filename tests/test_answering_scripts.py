"""Values written in other languages and scripts: names with combining marks (NFC or NFD), names and titles with
the small words of other languages, any currency sign or currency word, counts with a scale word."""

from __future__ import annotations

import unicodedata

import pytest

from filmqa.reader.extract import find_money, find_number, find_titles
from filmqa.reader.knowledge import NAME_SPAN
from tests.answering_corpus import small_corpus

DIRECTOR = "Ìfẹ́olúwa Ọládípọ̀"

ARTICLE = """Harmattan Lanterns

Harmattan Lanterns is a 2021 Nigerian drama film directed by {director}. The cinematography was by Jörg van der Hoek.

It was shot on a budget of ₦48 million and took ₦230 million in Nigerian cinemas. A Korean distributor paid 1.2 billion won for the rights.
The film sold 2.7 million tickets across West Africa.
It was adapted from the novel Il giardino dei ciliegi by Marta Conti.
"""


def _nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


@pytest.fixture(scope="module", params=["NFC", "NFD"])
def qa(request, tmp_path_factory):
    text = unicodedata.normalize(request.param, ARTICLE.format(director=DIRECTOR))
    return small_corpus(tmp_path_factory.mktemp(request.param.lower()), lanterns=text)


def test_name_with_combining_marks_is_read_whole(qa):
    a = qa.ask("Who was the director of Harmattan Lanterns?")
    assert _nfc(a.answer) == DIRECTOR
    assert "directed by" in a.citations[0].quote


def test_name_with_a_particle_is_read_whole(qa):
    a = qa.ask("Who was the cinematographer on Harmattan Lanterns?")
    assert _nfc(a.answer) == "Jörg van der Hoek"


def test_money_in_a_currency_sign_outside_latin1(qa):
    a = qa.ask("What did Harmattan Lanterns cost to make?")
    assert a.answer == "₦48 million"
    assert "budget" in a.citations[0].quote


def test_count_keeps_its_scale_word(qa):
    a = qa.ask("How many tickets did Harmattan Lanterns sell?")
    assert a.answer == "2.7 million"
    assert "tickets" in a.citations[0].quote


def test_sentence_case_title_before_its_author(qa):
    a = qa.ask("Which book is Harmattan Lanterns adapted from?")
    assert a.answer == "Il giardino dei ciliegi"


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_name_span_takes_combining_marks(form):
    for name in ("Ṣẹ̀gun Àkàndé", "Tòpé Adéyẹmí", "Émile Zola", "Nastro d'Argento", "Ludovico della Rovere"):
        text = unicodedata.normalize(form, f"The score is by {name}, they say.")
        assert [_nfc(m.group()) for m in NAME_SPAN.finditer(text)][-1] == name


def test_any_currency_sign_and_currency_words():
    found = [(t, n) for t, n, _ in find_money("It cost ₤150 million, ₩4.1 billion, 3.5 billion won and ₺2 million.")]
    assert found == [("₤150 million", "₤150000000"), ("₩4.1 billion", "₩4100000000"), ("3.5 billion won", "₩3500000000"),
                     ("₺2 million", "₺2000000")]
    assert not list(find_money("Of the 12 nominated, 3 won awards."))  # "won" the verb is no money


def test_count_with_scale():
    assert [(t, n) for t, n, _ in find_number("It drew 1.5 million viewers and 40 critics.")] == [
        ("1.5 million", "1500000"), ("40", "40")]


def test_title_keeps_foreign_particles():
    class _KB:
        lower_words: set = set()
        persons: dict = {}

    titles = [t for t, _, _ in find_titles("Its sequel, Ritorno sul Naviglio, won the Nastro d'Argento.", _KB())]
    assert "Ritorno sul Naviglio" in titles and any(t.startswith("Nastro d'Argento") for t in titles)


def test_craft_binds_a_name_opening_with_a_non_ascii_capital(tmp_path):
    qa = small_corpus(tmp_path, drums=("Talking Drums\n\nTalking Drums is a 2020 Nigerian musical film. Its score was composed by "
                                       "Ọláolúwa Ẹ̀kúndayọ̀, and the film was edited by Àdìsá Bọ́lá.\n"))
    a = qa.ask("Who wrote the music for Talking Drums?")
    assert _nfc(a.answer) == "Ọláolúwa Ẹ̀kúndayọ̀"
    assert "composed by" in a.citations[0].quote


def test_award_name_keeps_its_particles(tmp_path):
    qa = small_corpus(tmp_path, lagoon=("Laguna Nera\n\nLaguna Nera is a 1972 Italian thriller film. At the Venice festival it "
                                        "took home the Premio della Critica for its editing.\n"))
    a = qa.ask("Which prize did Laguna Nera win?")
    assert a.answer.startswith("Premio della Critica")
    assert "took home" in a.citations[0].quote


def test_title_in_another_language_and_script(tmp_path):
    qa = small_corpus(tmp_path, nocturne=("Lantern Nocturne\n\nLantern Nocturne (Japanese: 灯籠の夜想曲, Hepburn: Tōrō no Yasōkyoku) "
                                          "is a 2015 Japanese drama film directed by Aiko Mori.\n"))
    a = qa.ask("What was Lantern Nocturne called in Japanese?")
    assert a.answer == "灯籠の夜想曲"
    assert "Japanese:" in a.citations[0].quote
