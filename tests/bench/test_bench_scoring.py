"""Scoring helpers of claimx.bench, on hand-counted tables."""

from __future__ import annotations

import pytest

from claimx.bench.scoring import (
    STATUS_VALUE,
    TimexItem,
    mae,
    match_timexes,
    pearson,
    status_scores,
    token_prf,
    value_to_status,
)


@pytest.mark.parametrize(
    "x,status",
    [
        (3.0, "confirmed"), (2.5, "confirmed"), (2.4, "expected"), (1.5, "expected"), (1.25, "expected"),
        (1.2, "rumored"), (0.75, "rumored"), (0.26, "rumored"), (0.25, "unconfirmed"), (0.0, "unconfirmed"),
        (-0.25, "unconfirmed"), (-0.3, "denied"), (-3.0, "denied"),
    ],
)
def test_scoring_value_to_status_bins(x, status):
    assert value_to_status(x) == status


def test_scoring_status_values_round_trip():
    for status, value in STATUS_VALUE.items():
        assert value_to_status(value) == status


def test_scoring_status_scores_hand_counted():
    gold = ["confirmed", "confirmed", "confirmed", "rumored", "denied"]
    pred = ["confirmed", "confirmed", "rumored", "rumored", "confirmed"]
    s = status_scores(gold, pred)
    assert s.accuracy == pytest.approx(3 / 5)
    # confirmed: tp 2, fp 1, fn 1 -> F1 2/3; rumored: tp 1, fp 1, fn 0 -> 2/3; others 0
    assert s.per_status["confirmed"].f1 == pytest.approx(2 / 3)
    assert s.per_status["rumored"].f1 == pytest.approx(2 / 3)
    assert s.per_status["denied"].f1 == 0.0
    assert s.macro_f1 == pytest.approx((2 / 3 + 2 / 3) / 5)
    assert s.confusion["denied"]["confirmed"] == 1
    assert s.confusion["confirmed"]["rumored"] == 1


def test_scoring_all_confirmed_macro_f1_is_readme_baseline():
    """Majority class over five statuses: F1 of confirmed / 5 (README: 0.189 on 89.4% confirmed)."""
    gold = ["confirmed"] * 894 + ["rumored"] * 106
    s = status_scores(gold, ["confirmed"] * 1000)
    assert s.macro_f1 == pytest.approx(2 * 0.894 / 1.894 / 5, abs=1e-6)
    assert round(s.macro_f1, 3) == 0.189


def test_scoring_mae_and_pearson():
    assert mae([3.0, 0.0, -3.0], [3.0, 0.75, -3.0]) == pytest.approx(0.25)
    assert pearson([1.0, 2.0, 3.0], [2.0, 4.0, 6.0]) == pytest.approx(1.0)
    assert pearson([1.0, 2.0, 3.0], [3.0, 2.0, 1.0]) == pytest.approx(-1.0)
    assert pearson([1.0, 2.0], [3.0, 3.0]) is None


def test_scoring_match_timexes_tempeval_conventions():
    gold = [
        TimexItem("d", 0, 8, "2013-03-21"),  # exact match, right value
        TimexItem("d", 20, 30, "2012-05"),  # overlap only, wrong value
        TimexItem("d", 40, 45, "P1M"),  # missed
        TimexItem("e", 0, 5, "2013"),  # other doc: same offsets, no prediction there
    ]
    pred = [
        TimexItem("d", 0, 8, "2013-03-21"),
        TimexItem("d", 25, 35, "2012-06"),
        TimexItem("d", 50, 55, "2013"),  # spurious
    ]
    s = match_timexes(gold, pred)
    assert (s.strict.tp, s.strict.fp, s.strict.fn) == (1, 2, 3)
    assert (s.relaxed.tp, s.relaxed.fp, s.relaxed.fn) == (2, 1, 2)
    assert s.relaxed.f1 == pytest.approx(2 * (2 / 3) * (2 / 4) / (2 / 3 + 2 / 4))
    assert s.value_accuracy == pytest.approx(0.5)
    assert s.value_f1 == pytest.approx(s.relaxed.f1 * 0.5)
    kinds = sorted(e["kind"] for e in s.errors)
    assert kinds == ["missed", "missed", "spurious", "value"]


def test_scoring_match_timexes_one_to_one():
    gold = [TimexItem("d", 0, 4, "a"), TimexItem("d", 5, 9, "b")]
    pred = [TimexItem("d", 0, 9, "a")]  # one long prediction covers both
    s = match_timexes(gold, pred)
    assert s.relaxed.tp == 1 and s.relaxed.fn == 1 and s.relaxed.fp == 0


def test_scoring_token_prf():
    s = token_prf({1, 2, 3, 4}, {3, 4, 5})
    assert (s.tp, s.fp, s.fn) == (2, 1, 2)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(0.5)
