"""Normalisation, exact match, token F1 and the judging rules of eval/README.md."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmqa.evaluation.gold import GoldTurn
from filmqa.evaluation.metrics import (
    best_em_f1,
    citation_supported,
    exact_match,
    is_correct,
    match_tokens,
    normalize_answer,
    token_f1,
    value_found,
)
from filmqa.models import Answer, AnswerType, Conflict, ConflictValue, Route


def reply(answer: str | None, text: str = "", conflicts: list[list[str]] | None = None) -> Answer:
    route = Route(question="q", resolved_question="q", answer_type=AnswerType.DESCRIPTION)
    return Answer(
        question="q", answer=answer, text=text if text or answer is None else answer, route=route,
        conflicts=[Conflict(fact="f", values=[ConflictValue(value=v) for v in vs]) for vs in conflicts or []],
    )


def gold(answers: list[str], type: str = "person", **flags) -> GoldTurn:
    return GoldTurn.model_validate({"question": "q", "answers": answers, "type": type, **flags})


UNANSWERABLE = GoldTurn.model_validate({"question": "Who directed Twins?", "answerable": False})


# --------------------------------------------------------------------------- normalisation, EM, F1


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("The Walter Hill.", "walter hill"),
        ("  An   ACTION film!  ", "action film"),
        ("Ed O’Ross", "ed oross"),  # curly apostrophe is punctuation too
        ("Ed O'Ross", "ed oross"),
        ("$29.0M", "290m"),
        ("a", ""),
        ("", ""),
        (None, ""),
        ("ＣＡＰＳ", "caps"),  # NFKC folds full-width letters
    ],
)
def test_normalize_answer_is_squad_style(raw, expected):
    assert normalize_answer(raw) == expected


def test_match_tokens_keep_words_apart():
    assert match_tokens("Ripley should be a woman—paving the way") == ["ripley", "should", "be", "woman", "paving", "way"]
    assert match_tokens("Prokofiev's Cantata") == ["prokofiev", "cantata"]
    assert match_tokens("Conan the Destroyer/Red Heat") == ["conan", "destroyer", "red", "heat"]
    assert match_tokens("doesn't") == match_tokens("doesnt") == ["doesnt"]


def test_exact_match():
    assert exact_match("the Walter Hill", "Walter Hill")
    assert not exact_match("Walter Hill (director)", "Walter Hill")
    assert not exact_match(None, "Walter Hill")


def test_token_f1_values():
    assert token_f1("Walter Hill", "Walter Hill") == 1.0
    assert token_f1("Hill", "Walter Hill") == pytest.approx(2 / 3)
    assert token_f1("directed by Walter Hill", "Walter Hill") == pytest.approx(2 / 3)  # P 2/4, R 1
    assert token_f1("James Horner", "Walter Hill") == 0.0
    assert token_f1("", "Walter Hill") == 0.0
    assert token_f1("the", "a") == 1.0  # both normalise to nothing


def test_best_em_f1_over_values_and_spellings():
    assert best_em_f1("James Belushi", ["Jim Belushi|James Belushi"]) == (True, 1.0)
    em, f1 = best_em_f1("Belushi", ["Jim Belushi|James Belushi", "Peter Boyle"])
    assert not em and f1 == pytest.approx(2 / 3)
    assert best_em_f1(None, ["Walter Hill"]) == (False, 0.0)


@given(st.text(max_size=40), st.text(max_size=40))
def test_f1_is_symmetric_and_bounded(a, b):
    f1 = token_f1(a, b)
    assert 0.0 <= f1 <= 1.0
    assert f1 == pytest.approx(token_f1(b, a))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_normalisation_is_idempotent(text):
    once = normalize_answer(text)
    assert normalize_answer(once) == once


# --------------------------------------------------------------------------- finding values


def test_value_found_is_token_contiguous():
    assert value_found("Red Heat was directed by Walter Hill.", "Walter Hill")
    assert not value_found("It came out in 1988.", "8")
    assert not value_found("Hill, Walter", "Walter Hill")
    assert value_found("James Belushi as Art Ridzik", "Jim Belushi|James Belushi")
    assert value_found("The runtime is 104 minutes (1h 44m).", "104 minutes|104 min")
    assert not value_found("The runtime is 103 minutes.", "104 minutes|104 min")
    assert not value_found("", "Walter Hill")


# --------------------------------------------------------------------------- judging rules


def test_plain_item_needs_a_gold_value_in_the_answer():
    g = gold(["Walter Hill"])
    assert is_correct(g, reply("Walter Hill"))
    assert is_correct(g, reply("Red Heat was directed by Walter Hill."))
    assert not is_correct(g, reply("Walter Matthau"))
    assert not is_correct(g, reply("Hill"))  # partial name is not a gold value
    # the value only in text, not in the short answer, is not enough
    assert not is_correct(g, reply("James Horner", text="Walter Hill directed it; James Horner scored it."))


def test_abstaining_on_an_answerable_question_is_wrong():
    assert not is_correct(gold(["Walter Hill"]), reply(None, text="I could not find that."))


def test_unanswerable_is_correct_only_when_abstaining():
    assert is_correct(UNANSWERABLE, reply(None, text="The documents don't say."))
    assert not is_correct(UNANSWERABLE, reply("Ivan Reitman"))
    assert not is_correct(UNANSWERABLE, reply(""))  # an empty answer is still an answer


def test_all_needs_every_value_in_answer_or_text():
    g = gold(["Walter Hill", "Harry Kleiner", "Troy Kennedy Martin"], type="list", all=True)
    assert is_correct(g, reply("Walter Hill, Harry Kleiner and Troy Kennedy Martin"))
    assert is_correct(g, reply("Walter Hill and others", text="Walter Hill, Harry Kleiner and Troy Kennedy Martin wrote it."))
    assert not is_correct(g, reply("Walter Hill and Harry Kleiner"))
    assert not is_correct(g, reply(None, text="Walter Hill, Harry Kleiner and Troy Kennedy Martin"))


def test_conflict_needs_two_distinct_values():
    g = gold(["104 minutes|104 min|1h 44m", "103 minutes|103 min"], type="duration", conflict=True)
    assert is_correct(g, reply("104 minutes", text="Sources differ: 104 minutes [1] or 103 min [2]."))
    assert is_correct(g, reply("104 minutes", conflicts=[["104 minutes", "103 minutes"]]))
    assert is_correct(g, reply("103 min", conflicts=[["104 min"]]))
    # two spellings of the same value are one value
    assert not is_correct(g, reply("104 minutes", text="It runs 104 minutes (1h 44m)."))
    assert not is_correct(g, reply("103 minutes"))
    assert not is_correct(g, reply(None, text="104 minutes or 103 minutes"))


def test_yesno_judges_the_polarity():
    yes = gold(["yes"], type="yesno")
    assert is_correct(yes, reply("Yes, it was the first American film to shoot in Red Square."))
    assert not is_correct(yes, reply("No."))
    assert not is_correct(yes, reply("It was the first, yes."))  # the answer must lead with it
    no = gold(["no"], type="yesno")
    assert is_correct(no, reply("No — he does not defect."))
    assert not is_correct(no, reply("Not really"))


def test_citation_support():
    g = gold(["Walter Hill"])
    assert citation_supported(g, ["Red Heat is a 1988 American action film directed by Walter Hill."])
    assert not citation_supported(g, ["The music score was done by James Horner."])
    assert not citation_supported(g, [])
    listing = gold(["English", "Russian"], type="list", all=True)
    assert citation_supported(listing, ["language = English Russian"])
    assert citation_supported(listing, ["English", "Russian"])
    assert not citation_supported(listing, ["English"])
    conflict = gold(["67%", "64%"], type="score", conflict=True)
    assert citation_supported(conflict, ["holds a 67% rating", "holds a 64% rating"])
    assert not citation_supported(conflict, ["holds a 67% rating"])
    assert citation_supported(UNANSWERABLE, ["x"]) is None
    assert citation_supported(gold(["yes"], type="yesno"), ["x"]) is None


def test_letter_grades_keep_their_sign_and_are_not_articles():
    from filmqa.evaluation.metrics import exact_match, normalize_answer

    assert normalize_answer("A+") == "aplus"
    assert exact_match("A+", "a+") and exact_match("B−", "B-")
    assert not exact_match("A-", "A+") and not exact_match("A", "A+")
    assert normalize_answer("a film") == "film"  # the article rule is unchanged


def test_a_date_matches_day_first_or_month_first():
    from filmqa.evaluation.metrics import exact_match, value_found

    assert exact_match("March 14, 1974", "14 March 1974") and exact_match("14th of March 1974", "March 14, 1974")
    assert not exact_match("March 14, 1974", "March 15, 1974")
    assert value_found("It opened on 14 March 1974 in London.", "March 14, 1974")
