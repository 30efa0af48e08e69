"""Tests for :mod:`claimx.timex`: TIMEX3-style normalisation of time expressions."""

from __future__ import annotations

import datetime as dt

import pytest

from claimx import timex
from claimx.rules import default_rules_dir, load_jsonl
from claimx.schemas import Timex
from claimx.timex import TemporalRule, find_expressions, normalize, normalize_timex

D = dt.date
TUE = D(2026, 2, 3)  # a Tuesday, ISO week 2026-W06

CASES = [
    # text, anchor, direction, value, mod, earliest, latest
    # years, months, full dates
    ("2025", None, None, "2025", None, "2025-01-01", "2025-12-31"),
    ("the year 2030", None, None, "2030", None, "2030-01-01", "2030-12-31"),
    ("June 2023", None, None, "2023-06", None, "2023-06-01", "2023-06-30"),
    ("October of 2023", None, None, "2023-10", None, "2023-10-01", "2023-10-31"),
    ("May 2026", None, None, "2026-05", None, "2026-05-01", "2026-05-31"),
    ("January 28, 2026", None, None, "2026-01-28", None, "2026-01-28", "2026-01-28"),
    ("3 March 2026", None, None, "2026-03-03", None, "2026-03-03", "2026-03-03"),
    ("the 3rd of March 2026", None, None, "2026-03-03", None, "2026-03-03", "2026-03-03"),
    ("Friday, June 12, 2026", None, None, "2026-06-12", None, "2026-06-12", "2026-06-12"),
    ("2026-03-14", None, None, "2026-03-14", None, "2026-03-14", "2026-03-14"),
    ("March 3", TUE, None, "2026-03-03", None, "2026-03-03", "2026-03-03"),
    ("January 28", TUE, "past", "2026-01-28", None, "2026-01-28", "2026-01-28"),
    ("January 28", D(2026, 6, 1), "future", "2027-01-28", None, "2027-01-28", "2027-01-28"),
    (
        "January 28",
        TUE,
        "future",
        "2026-01-28",
        None,
        "2026-01-28",
        "2026-01-28",
    ),  # tense overruled: 6 days back
    # a future nine months ahead stands against a past 85 days back
    ("November 25", D(2026, 2, 18), "future", "2026-11-25", None, "2026-11-25", "2026-11-25"),
    ("on May 12", TUE, None, "2026-05-12", None, "2026-05-12", "2026-05-12"),
    ("Jan. 29", TUE, None, "2026-01-29", None, "2026-01-29", "2026-01-29"),
    (
        "March 31",
        D(2025, 2, 12),
        "past",
        "2025-03-31",
        None,
        "2025-03-31",
        "2025-03-31",
    ),  # tense overruled: too far back
    # seasons
    ("summer 2025", None, None, "2025-SU", None, "2025-06-01", "2025-08-31"),
    ("the summer of 2027", None, None, "2027-SU", None, "2027-06-01", "2027-08-31"),
    ("autumn 2026", None, None, "2026-FA", None, "2026-09-01", "2026-11-30"),
    ("fall 2024", None, None, "2024-FA", None, "2024-09-01", "2024-11-30"),
    ("winter 2025", None, None, "2025-WI", None, "2025-12-01", "2026-02-28"),
    ("this summer", D(2025, 5, 23), None, "2025-SU", None, "2025-06-01", "2025-08-31"),
    ("this fall", D(2025, 8, 21), None, "2025-FA", None, "2025-09-01", "2025-11-30"),
    ("next spring", D(2025, 6, 10), None, "2026-SP", None, "2026-03-01", "2026-05-31"),
    ("next summer", D(2025, 5, 23), None, "2026-SU", None, "2026-06-01", "2026-08-31"),
    ("last summer", D(2025, 5, 23), None, "2024-SU", None, "2024-06-01", "2024-08-31"),
    ("last summer", D(2025, 11, 20), None, "2025-SU", None, "2025-06-01", "2025-08-31"),
    ("last winter", D(2025, 11, 20), None, "2024-WI", None, "2024-12-01", "2025-02-28"),
    ("this winter", TUE, None, "2025-WI", None, "2025-12-01", "2026-02-28"),
    ("the summer", D(2025, 3, 21), "future", "2025-SU", None, "2025-06-01", "2025-08-31"),
    ("the autumn", D(2025, 11, 4), "future", "2026-FA", None, "2026-09-01", "2026-11-30"),
    ("the spring", D(2026, 7, 22), "past", "2026-SP", None, "2026-03-01", "2026-05-31"),
    ("summer", D(2026, 3, 12), None, "2026-SU", None, "2026-06-01", "2026-08-31"),
    # quarters and halves
    ("Q3 2024", None, None, "2024-Q3", None, "2024-07-01", "2024-09-30"),
    ("the third quarter of 2024", None, None, "2024-Q3", None, "2024-07-01", "2024-09-30"),
    ("Q1 2028", None, None, "2028-Q1", None, "2028-01-01", "2028-03-31"),
    ("the fourth quarter of next year", TUE, None, "2027-Q4", None, "2027-10-01", "2027-12-31"),
    ("Q3", D(2026, 5, 19), "future", "2026-Q3", None, "2026-07-01", "2026-09-30"),
    ("Q1", D(2025, 5, 29), "past", "2025-Q1", None, "2025-01-01", "2025-03-31"),
    ("the third quarter", D(2025, 9, 25), "future", "2025-Q3", None, "2025-07-01", "2025-09-30"),
    ("the second quarter", D(2025, 9, 25), "future", "2026-Q2", None, "2026-04-01", "2026-06-30"),
    ("second-quarter", D(2025, 5, 29), "past", "2025-Q2", None, "2025-04-01", "2025-06-30"),
    ("the September quarter", D(2025, 10, 13), "past", "2025-Q3", None, "2025-07-01", "2025-09-30"),
    ("next quarter", TUE, None, "2026-Q2", None, "2026-04-01", "2026-06-30"),
    ("the first half of 2026", None, None, "2026-H1", None, "2026-01-01", "2026-06-30"),
    ("the second half of 2027", None, None, "2027-H2", None, "2027-07-01", "2027-12-31"),
    ("H1 2026", None, None, "2026-H1", None, "2026-01-01", "2026-06-30"),
    ("the second half of the year", TUE, None, "2026-H2", None, "2026-07-01", "2026-12-31"),
    # decades
    ("the 2020s", None, None, "202X", None, "2020-01-01", "2029-12-31"),
    ("the 2030s", None, None, "203X", None, "2030-01-01", "2039-12-31"),
    ("the '90s", None, None, "199X", None, "1990-01-01", "1999-12-31"),
    ("the late 1990s", None, None, "199X", "END", "1990-01-01", "1999-12-31"),
    # a century as a decade is written, with X for the years: SUTime's "19XX" (TimeML's "19" below)
    ("the 20th century", None, None, "19XX", None, "1900-01-01", "1999-12-31"),
    ("the early 21st century", None, None, "20XX", "START", "2000-01-01", "2099-12-31"),
    ("the end of the decade", D(2025, 5, 23), None, "202X", "END", "2020-01-01", "2029-12-31"),
    ("mid-decade", TUE, None, "202X", "MID", "2020-01-01", "2029-12-31"),
    # fuzzy modifiers
    ("mid-2023", None, None, "2023", "MID", "2023-01-01", "2023-12-31"),
    ("mid\u20112023", None, None, "2023", "MID", "2023-01-01", "2023-12-31"),
    ("mid-June", D(2026, 5, 19), None, "2026-06", "MID", "2026-06-01", "2026-06-30"),
    ("mid-August 2024", None, None, "2024-08", "MID", "2024-08-01", "2024-08-31"),
    ("around 2025", None, None, "2025", "APPROX", "2025-01-01", "2025-12-31"),
    ("circa 2024", None, None, "2024", "APPROX", "2024-01-01", "2024-12-31"),
    ("about 2025", None, None, "2025", "APPROX", "2025-01-01", "2025-12-31"),
    ("late 2025", None, None, "2025", "END", "2025-01-01", "2025-12-31"),
    ("late in 2026", None, None, "2026", "END", "2026-01-01", "2026-12-31"),
    ("the end of 2027", None, None, "2027", "END", "2027-01-01", "2027-12-31"),
    ("by the end of 2027", None, None, "2027", "END", "2027-01-01", "2027-12-31"),
    ("by late 2026", None, None, "2026", "END", "2026-01-01", "2026-12-31"),
    ("end-2026", None, None, "2026", "END", "2026-01-01", "2026-12-31"),
    ("late August", D(2025, 5, 29), "future", "2025-08", "END", "2025-08-01", "2025-08-31"),
    ("the end of March", D(2026, 10, 15), "future", "2027-03", "END", "2027-03-01", "2027-03-31"),
    ("early 2026", None, None, "2026", "START", "2026-01-01", "2026-12-31"),
    ("the start of 2027", None, None, "2027", "START", "2027-01-01", "2027-12-31"),
    ("early January", TUE, "past", "2026-01", "START", "2026-01-01", "2026-01-31"),
    ("early December", D(2026, 10, 15), "future", "2026-12", "START", "2026-12-01", "2026-12-31"),
    ("early next year", D(2025, 9, 25), None, "2026", "START", "2026-01-01", "2026-12-31"),
    ("since early January", TUE, "past", "2026-01", "START", "2026-01-01", "2026-01-31"),
    # BEFORE / AFTER: the open interval the expression covers
    ("before 2027", None, None, "2027", "BEFORE", None, "2026-12-31"),
    ("not before 2027", None, None, "2027", "BEFORE", None, "2026-12-31"),
    ("after 2026", None, None, "2026", "AFTER", "2027-01-01", None),
    ("beyond August", D(2025, 11, 4), None, "2026-08", "AFTER", "2026-09-01", None),
    ("before February", D(2026, 10, 15), "future", "2027-02", "BEFORE", None, "2027-01-31"),
    ("before Christmas", D(2025, 11, 4), "future", "2025-12-25", "BEFORE", None, "2025-12-24"),
    ("before the summer", D(2026, 3, 12), None, "2026-SU", "BEFORE", None, "2026-05-31"),
    ("before the weekend", D(2026, 7, 22), "future", "2026-W30-WE", "BEFORE", None, "2026-07-24"),
    # relative to the anchor
    ("next year", TUE, None, "2027", None, "2027-01-01", "2027-12-31"),
    ("this year", TUE, None, "2026", None, "2026-01-01", "2026-12-31"),
    ("last year", TUE, None, "2025", None, "2025-01-01", "2025-12-31"),
    ("later this year", TUE, None, "2026", None, "2026-01-01", "2026-12-31"),
    ("earlier this year", TUE, None, "2026", None, "2026-01-01", "2026-12-31"),
    ("the end of the year", D(2025, 6, 10), None, "2025", "END", "2025-01-01", "2025-12-31"),
    ("year-end", TUE, None, "2026", "END", "2026-01-01", "2026-12-31"),
    ("the end of year", TUE, None, "2026", "END", "2026-01-01", "2026-12-31"),
    ("mid-year", TUE, None, "2026", "MID", "2026-01-01", "2026-12-31"),
    ("next month", TUE, None, "2026-03", None, "2026-03-01", "2026-03-31"),
    ("later this month", TUE, None, "2026-02", None, "2026-02-01", "2026-02-28"),
    ("earlier this month", TUE, None, "2026-02", None, "2026-02-01", "2026-02-28"),
    ("last month", TUE, None, "2026-01", None, "2026-01-01", "2026-01-31"),
    ("later in the month", D(2025, 8, 13), None, "2025-08", None, "2025-08-01", "2025-08-31"),
    ("the end of the month", D(2026, 5, 19), None, "2026-05", "END", "2026-05-01", "2026-05-31"),
    ("this week", TUE, None, "2026-W06", None, "2026-02-02", "2026-02-08"),
    ("next week", TUE, None, "2026-W07", None, "2026-02-09", "2026-02-15"),
    ("last week", TUE, None, "2026-W05", None, "2026-01-26", "2026-02-01"),
    ("the end of the week", D(2026, 7, 22), None, "2026-W30", "END", "2026-07-20", "2026-07-26"),
    ("this weekend", TUE, None, "2026-W06-WE", None, "2026-02-07", "2026-02-08"),
    ("this weekend", D(2025, 6, 9), "past", "2025-W23-WE", None, "2025-06-07", "2025-06-08"),
    ("this weekend", D(2025, 6, 9), "future", "2025-W24-WE", None, "2025-06-14", "2025-06-15"),
    ("the weekend", D(2025, 6, 9), "past", "2025-W23-WE", None, "2025-06-07", "2025-06-08"),
    ("today", TUE, None, "2026-02-03", None, "2026-02-03", "2026-02-03"),
    ("yesterday", TUE, None, "2026-02-02", None, "2026-02-02", "2026-02-02"),
    ("tomorrow", TUE, None, "2026-02-04", None, "2026-02-04", "2026-02-04"),
    ("the same day", D(2025, 8, 13), None, "2025-08-13", None, "2025-08-13", "2025-08-13"),
    ("in two weeks", TUE, None, "2026-02-17", None, "2026-02-17", "2026-02-17"),
    ("in two weeks", D(2026, 10, 15), "future", "2026-10-29", None, "2026-10-29", "2026-10-29"),
    ("in 10 days' time", TUE, None, "2026-02-13", None, "2026-02-13", "2026-02-13"),
    ("in a couple of months", D(2025, 8, 21), "future", "2025-10", "APPROX", "2025-10-01", "2025-10-31"),
    ("in three years", TUE, "future", "2029", None, "2029-01-01", "2029-12-31"),
    ("two weeks ago", TUE, None, "2026-01-20", None, "2026-01-20", "2026-01-20"),
    ("a year ago", TUE, None, "2025", None, "2025-01-01", "2025-12-31"),
    # weekdays: the nearest one the tense points to, today included
    ("on Monday", TUE, "past", "2026-02-02", None, "2026-02-02", "2026-02-02"),
    ("Monday", TUE, "future", "2026-02-09", None, "2026-02-09", "2026-02-09"),
    ("Tuesday", TUE, "past", "2026-02-03", None, "2026-02-03", "2026-02-03"),
    ("Friday", D(2025, 11, 4), "future", "2025-11-07", None, "2025-11-07", "2025-11-07"),
    ("Thursday", D(2026, 5, 19), None, "2026-05-21", None, "2026-05-21", "2026-05-21"),
    ("next Wednesday", TUE, None, "2026-02-11", None, "2026-02-11", "2026-02-11"),
    ("last Thursday", TUE, None, "2026-01-29", None, "2026-01-29", "2026-01-29"),
    ("Saturday morning", TUE, "past", "2026-01-31", None, "2026-01-31", "2026-01-31"),
    # bare months: the nearest one the tense points to
    ("in February", D(2025, 4, 16), "past", "2025-02", None, "2025-02-01", "2025-02-28"),
    ("in February", D(2025, 4, 16), "future", "2026-02", None, "2026-02-01", "2026-02-28"),
    ("January", D(2025, 11, 4), "future", "2026-01", None, "2026-01-01", "2026-01-31"),
    ("November", D(2026, 5, 19), "past", "2025-11", None, "2025-11-01", "2025-11-30"),
    ("in May", D(2026, 7, 22), "past", "2026-05", None, "2026-05-01", "2026-05-31"),
    ("March", D(2025, 9, 25), "future", "2026-03", None, "2026-03-01", "2026-03-31"),
    ("next June", D(2025, 10, 13), None, "2026-06", None, "2026-06-01", "2026-06-30"),
    ("last December", TUE, None, "2025-12", None, "2025-12-01", "2025-12-31"),
    # a two-digit year is the one nearest the article, whichever way the tense points
    ("6/2/05", D(2005, 6, 3), "future", "2005-06-02", None, "2005-06-02", "2005-06-02"),
    ("11/20/09", D(2009, 1, 5), "past", "2009-11-20", None, "2009-11-20", "2009-11-20"),
    # holidays
    ("Christmas", D(2025, 11, 4), "future", "2025-12-25", None, "2025-12-25", "2025-12-25"),
    ("Halloween 2025", None, None, "2025-10-31", None, "2025-10-31", "2025-10-31"),
    ("Easter", TUE, "future", "2026-04-05", None, "2026-04-05", "2026-04-05"),
    ("Thanksgiving", D(2026, 10, 1), "future", "2026-11-26", None, "2026-11-26", "2026-11-26"),
    ("Memorial Day", D(2026, 3, 11), "future", "2026-05-25", None, "2026-05-25", "2026-05-25"),
    ("Black Friday", D(2025, 11, 1), "future", "2025-11-28", None, "2025-11-28", "2025-11-28"),
    ("before the November election", D(2016, 5, 12), None, "2016-11-08", "BEFORE", None, "2016-11-07"),
    # a day shifted by the count before it
    ("the day after Christmas", D(2025, 12, 24), None, "2025-12-26", None, "2025-12-26", "2025-12-26"),
    ("two weeks before November 3", D(2026, 9, 1), "future", "2026-10-20", None, "2026-10-20", "2026-10-20"),
    ("on the eve of 1 May 2026", None, None, "2026-04-30", None, "2026-04-30", "2026-04-30"),
    ("the day after tomorrow", TUE, None, "2026-02-05", None, "2026-02-05", "2026-02-05"),
    ("the week of March 16", TUE, "future", "2026-W12", None, "2026-03-16", "2026-03-22"),
    # decades, whole units, the current quarter
    ("two decades ago", TUE, None, "2006", None, "2006-01-01", "2006-12-31"),
    ("the 70s", None, None, "197X", None, "1970-01-01", "1979-12-31"),
    ("this election year", TUE, None, "2026", None, "2026-01-01", "2026-12-31"),
    ("the entire week", D(2016, 8, 1), "past", "2016-W30", None, "2016-07-25", "2016-07-31"),
    ("the current quarter", TUE, None, "2026-Q1", None, "2026-01-01", "2026-03-31"),
]


@pytest.mark.parametrize(
    "text,anchor,value",
    [
        ("the first ten months", D(2015, 11, 13), "2015"),  # over by November
        ("the first 11 months", D(2016, 1, 8), "2015"),  # reported in January: last year's
    ],
)
def test_timex_first_months_is_their_year(text, anchor, value):
    # the pattern holds only where the search found it (not "the first six months after the fire")
    result = normalize(text, anchor, direction="past", rule_id="unit-first-months")
    assert result is not None and result.value == value
    assert find_expressions("Output fell in the first six months after the fire.") == []


@pytest.mark.parametrize(
    "text,anchor,rule_id,value",
    [
        # the first three months are the first quarter, the first six the first half
        ("the first three months", D(2015, 5, 13), "unit-first-months", "2015-Q1"),
        ("the first six months", D(2015, 5, 13), "unit-first-months", "2014-H1"),
        # a year named after them is theirs, whenever the article was written
        ("the first three months of 2012", D(2015, 5, 13), "unit-first-months-of-year", "2012-Q1"),
        ("the first nine months of last year", D(2015, 5, 13), "unit-first-months-of-year", "2014"),
    ],
)
def test_timex_first_months_of_a_year(text, anchor, rule_id, value):
    result = normalize(text, anchor, direction="past", rule_id=rule_id)
    assert result is not None and result.value == value


@pytest.mark.parametrize("text,anchor,direction,value,mod,earliest,latest", CASES)
def test_timex_normalize_table(text, anchor, direction, value, mod, earliest, latest):
    result = normalize(text, anchor, direction=direction)
    assert result is not None, text
    assert (result.value, result.mod) == (value, mod)
    assert result.earliest == (D.fromisoformat(earliest) if earliest else None)
    assert result.latest == (D.fromisoformat(latest) if latest else None)
    assert result.unresolved is False


@pytest.mark.parametrize(
    "text",
    [
        "six months",
        "two years",
        "years of planning",
        "18 months",
        "a week",
        "the past year",
        "over the next decade",
        "42",
        "1,500",
        "5pm",
        "may",
        "may spark",
        "the end of time",
        "year on year",
        "after year",
        "decade after decade",
        "25-year-old",
        "first full year",
        "",
        "the first half",
        "the decade",
    ],
)
def test_timex_normalize_not_a_date(text):
    assert normalize(text, TUE) is None


def test_timex_in_weeks_is_a_duration_in_the_past():
    assert normalize("in two weeks", TUE, direction="past") is None


@pytest.mark.parametrize(
    "text,mod",
    [
        ("next year", None),
        ("later this month", None),
        ("on Monday", None),
        ("in February", None),
        ("the summer", None),
        ("early next year", "START"),
        ("March 3", None),
        ("Q3", None),
        ("in two weeks", None),
        ("the end of the decade", "END"),
    ],
)
def test_timex_normalize_unresolved_without_anchor(text, mod):
    assert normalize(text, None) == Timex(value=None, mod=mod, unresolved=True)


@pytest.mark.parametrize(
    "text", ["2025", "June 2023", "the 2020s", "mid-2023", "Q3 2024", "December 18, 2026"]
)
def test_timex_normalize_absolute_without_anchor(text):
    result = normalize(text, None)
    assert result is not None and result.value is not None and not result.unresolved


@pytest.mark.parametrize(
    "text,found",
    [
        ("Mira’s return may spark rivalries.", []),
        ("The director repeated in mid\u20112023 that sequels are planned.", ["mid\u20112023"]),
        ("It will premiere on November 20, 2026, rather than April 3, 2026.", ["November 20, 2026", "April 3, 2026"]),
        (
            "Ministers aim to finish by the end of March and take effect in early 2028.",
            ["the end of March", "early 2028"],
        ),
        ("The new racing game will not ship before 2027.", ["before 2027"]),
        ("It was worth $2025 million, up 2030% on 2,024 units.", []),
        (
            "The 2024-25 season, the 1957-58 expedition, the 2009-2010 pandemic.",
            ["2024", "1957", "2009", "2010"],
        ),
        ("Hiring starts this spring and shares may fall in the fall.", ["this spring", "the fall"]),
        ("Sales fell 3% last year's way.", ["last year"]),
        ("The 2030s will be busy, with Q3 revenue up.", ["The 2030s", "Q3"]),
        (
            "Photos posted over the weekend; the deal closes later this month.",
            ["the weekend", "later this month"],
        ),
        ("Prices rose year after year, then fell by mid-year.", ["mid-year"]),
        ("The fair runs Aug. 4-7 and the congress June 28-30.", ["Aug. 4", "June 28"]),
        ("United scored in the first half and in the fall of the empire.", []),
    ],
)
def test_timex_find_expressions(text, found):
    assert [e.text for e in find_expressions(text)] == found


def test_timex_find_expressions_offsets_index_the_text():
    text = "Shooting starts in summer 2026 and wraps by late 2026."
    for expression in find_expressions(text):
        assert text[expression.start : expression.end] == expression.text


def test_timex_rule_file_validates_and_examples_parse():
    rules = load_jsonl(default_rules_dir() / timex.TEMPORAL_FILE, TemporalRule)
    ids = [r.root.id for r in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        if isinstance(rule.root, timex.PatternRule) and rule.root.claim:
            for example in rule.root.examples:
                found = find_expressions(example)
                assert found, (rule.root.id, example)
                assert all(normalize(e.text, TUE, direction="future", rule_id=e.rule_id) for e in found), (rule.root.id, example)
        elif isinstance(rule.root, timex.PatternRule):
            for example in rule.root.examples:
                # a reference word may win only where claim times are sought ("the coming months")
                found = find_expressions(example, everything=True, prefer=(rule.root.kind,))
                assert any(e.rule_id == rule.root.id for e in found), (rule.root.id, example)
                for e in found:
                    assert normalize_timex(e.text, TUE, direction="future", rule_id=e.rule_id), (rule.root.id, example)


def test_timex_rule_file_rejects_unknown_fields(tmp_path):
    from claimx.errors import RulePackError

    bad = tmp_path / "temporal.jsonl"
    bad.write_text('{"id": "x", "type": "filler", "words": ["by"], "colour": "red"}\n', encoding="utf-8")
    with pytest.raises(RulePackError):
        load_jsonl(bad, TemporalRule)


def test_timex_trigger_windows_change_nothing():
    import dataclasses

    grammar = timex.load_grammar()
    everywhere = dataclasses.replace(grammar, trigger=None, trigger_extra=None)
    texts = [
        " ".join(ex for case in CASES for ex in [case[0]]),
        "Towards the end of the first half of 2026, around the '90s revival, in a couple of months' time, "
        "the 3rd of March and the end of the decade; shares rose 5% to 2,345p on 12 March.",
    ]
    texts.append(" ".join(case[0] for case in TIMEX3_CASES))
    texts.append(
        "Shares fell 3% on the day, at 16:08 UTC Monday, after nearly five months; sales of $5 billion a year "
        "are now weekly, every Monday, and the past few months' 0800 GMT reports came in the future."
    )
    for text in texts:
        assert find_expressions(text, grammar) == find_expressions(text, everywhere)
        assert find_expressions(text, grammar, everything=True) == find_expressions(text, everywhere, everything=True)


MAR12 = D(2013, 3, 12)  # a Tuesday

TIMEX3_CASES = [
    # text, anchor, direction, type, value, mod
    ("three years", MAR12, None, "DURATION", "P3Y", None),
    ("a month", MAR12, None, "DURATION", "P1M", None),
    ("18 months", MAR12, None, "DURATION", "P18M", None),
    ("thirty minutes", MAR12, None, "DURATION", "PT30M", None),
    ("12-hour", MAR12, None, "DURATION", "PT12H", None),
    ("five-year", MAR12, None, "DURATION", "P5Y", None),
    ("two and a half years", MAR12, None, "DURATION", "P2.5Y", None),
    ("twenty-five years", MAR12, None, "DURATION", "P25Y", None),
    ("a dozen years", MAR12, None, "DURATION", "P12Y", None),
    ("the past decade", MAR12, None, "DURATION", "P10Y", None),
    ("the next four years", MAR12, None, "DURATION", "P4Y", None),
    ("the past five trading days", MAR12, None, "DURATION", "P5D", None),
    ("the past year", MAR12, None, "DURATION", "P1Y", None),
    ("several years", MAR12, None, "DURATION", "PXY", None),
    ("the past few months", MAR12, None, "DURATION", "PXM", None),
    ("decades", MAR12, None, "DURATION", "PXDE", None),
    ("more than a year", MAR12, None, "DURATION", "P1Y", "MORE_THAN"),
    ("nearly five months", MAR12, None, "DURATION", "P5M", "LESS_THAN"),
    ("at least two weeks", MAR12, None, "DURATION", "P2W", "EQUAL_OR_MORE"),
    ("about six months", MAR12, None, "DURATION", "P6M", "APPROX"),
    ("in two weeks", MAR12, "past", "DURATION", "P2W", None),
    ("now", MAR12, None, "DATE", "PRESENT_REF", None),
    ("currently", MAR12, None, "DATE", "PRESENT_REF", None),
    ("for the time being", MAR12, None, "DATE", "PRESENT_REF", None),
    ("recently", MAR12, None, "DATE", "PAST_REF", None),
    ("in the past", MAR12, None, "DATE", "PAST_REF", None),
    ("the future", MAR12, None, "DATE", "FUTURE_REF", None),
    ("the near term", MAR12, None, "DATE", "FUTURE_REF", None),
    ("every week", MAR12, None, "SET", "P1W", None),
    ("each year", MAR12, None, "SET", "P1Y", None),
    ("every other week", MAR12, None, "SET", "P2W", None),
    ("every Monday", MAR12, None, "SET", "XXXX-WXX-1", None),
    ("twice a year", MAR12, None, "SET", "P1Y", None),
    ("weekly", MAR12, None, "SET", "P1W", None),
    ("annual", MAR12, None, "SET", "P1Y", None),
    ("16:08 UTC", MAR12, None, "TIME", "2013-03-12T16:08", None),
    ("0800 GMT", MAR12, None, "TIME", "2013-03-12T08:00", None),
    ("5 p.m.", MAR12, None, "TIME", "2013-03-12T17:00", None),
    ("9:30am EST", MAR12, None, "TIME", "2013-03-12T09:30", None),
    ("12:00 UTC Monday", MAR12, "past", "TIME", "2013-03-11T12:00", None),
    ("Tuesday morning", MAR12, "past", "TIME", "2013-03-12TMO", None),
    ("Friday night", MAR12, "past", "TIME", "2013-03-08TNI", None),
    ("this morning", MAR12, None, "TIME", "2013-03-12TMO", None),
    ("yesterday afternoon", MAR12, None, "TIME", "2013-03-11TAF", None),
    ("last night", MAR12, None, "TIME", "2013-03-11TNI", None),
    ("tonight", MAR12, None, "TIME", "2013-03-12TNI", None),
    ("at noon", MAR12, None, "TIME", "2013-03-12T12:00", None),
    ("the day", MAR12, None, "DATE", "2013-03-12", None),
    ("the previous year", MAR12, None, "DATE", "2012", None),
    ("the next day", MAR12, None, "DATE", "2013-03-13", None),
    # claim dates come out the same, typed DATE
    ("next year", MAR12, None, "DATE", "2014", None),
    ("early December", MAR12, "past", "DATE", "2012-12", "START"),
    ("the 19th century", MAR12, None, "DATE", "18", None),  # TimeML writes a century in two digits
    ("two weeks ago", MAR12, None, "DATE", "2013-02-26", None),
]


@pytest.mark.parametrize("text,anchor,direction,type_,value,mod", TIMEX3_CASES)
def test_timex_normalize_timex_table(text, anchor, direction, type_, value, mod):
    result = normalize_timex(text, anchor, direction=direction)
    assert result is not None, text
    assert (result.type, result.value, result.mod) == (type_, value, mod)


@pytest.mark.parametrize("text", ["2025", "June 2023", "next summer", "mid-2023", "the end of the decade"])
def test_timex_normalize_timex_agrees_with_normalize_on_dates(text):
    date = normalize(text, TUE)
    assert normalize_timex(text, TUE) == timex.Timex3(type="DATE", **date.model_dump())


@pytest.mark.parametrize("text", ["three years", "now", "every week", "16:08 UTC", "the day", "the past decade"])
def test_timex_normalize_still_rejects_what_is_no_claim_date(text):
    assert normalize(text, MAR12) is None


@pytest.mark.parametrize(
    "text,found",
    [
        ("Shares ended the day 3% up after two years of losses.", [("the day", "DATE"), ("two years", "DURATION")]),
        ("It earns $5 billion a year and reports weekly.", [("a year", "SET"), ("weekly", "SET")]),
        ("The 25-year-old left two weeks ago, at 16:08 UTC Monday.", [("two weeks ago", "DATE"), ("16:08 UTC Monday", "TIME")]),
        ("It is now clear, as soon as next year, that the past decade was lost.", [("now", "DATE"), ("next year", "DATE"), ("the past decade", "DURATION")]),
        ("Hilton said last year it would stop.", [("last year", "DATE")]),
        ("The envoys met during the final week of June.", [("the final week of June", "DATE")]),  # not "last week"
    ],
)
def test_timex_find_expressions_everything(text, found):
    expressions = find_expressions(text, everything=True)
    got = [(e.text, normalize_timex(e.text, MAR12, rule_id=e.rule_id).type) for e in expressions]
    assert got == found


def test_timex_needs_context_only_where_found():
    assert normalize_timex("a year", MAR12).type == "DURATION"
    assert normalize_timex("a year", MAR12, rule_id="set-per").type == "SET"


def test_timex_rule_file_rejects_claim_durations(tmp_path):
    from claimx.errors import RulePackError

    bad = tmp_path / "temporal.jsonl"
    bad.write_text(
        '{"id": "x", "type": "pattern", "kind": "duration", "timex_type": "DURATION", "pattern": "years"}\n'
        '{"id": "y", "type": "modifier", "phrases": ["over"], "mod": "MORE_THAN"}\n',
        encoding="utf-8",
    )
    with pytest.raises(RulePackError):
        load_jsonl(bad, TemporalRule)


def test_timex_us_election_day_is_the_tuesday_after_the_first_monday_of_november():
    assert normalize("Election Day", dt.date(2016, 9, 21)).value == "2016-11-08"
    assert normalize("Election Day", dt.date(2012, 10, 1)).value == "2012-11-06"
    assert normalize("Election Day", dt.date(2020, 8, 1)).value == "2020-11-03"


def test_timex_needs_are_what_every_match_must_hold():
    places = {"MONTH": "(?P<month>May|June)(?!\\w)", "YEAR": "(?P<year>20\\d\\d)"}
    assert timex._needs("{MONTH},?\\s+(?:of\\s+)?{YEAR}", places) == ["(?:May|June)(?!\\w)", "(?:20\\d\\d)"]
    # an optional part is no need; an alternation needs one of its branches
    assert timex._needs("(?:the\\s+)?quarter", places) == ["quarter"]
    assert timex._needs("(?:later|earlier)\\s+that", places) == ["(?:later)|(?:earlier)", "that"]
    assert timex._needs("(?:later|x)", places) == []  # one branch has nothing worth a search
    with pytest.raises(timex._Unsupported):
        timex._needs("(?P<w>week)\\s+(?P=w)", places)


PREFILTER_TEXTS = [
    "The ferry line said on Thursday it would open a second route by late 2027, two years after the first.",
    "Analysts expect the merger to close in the first half of next year; the board meets every Monday at 9am.",
    "A spokesman declined to comment on reports of a launch this spring, or on the Q3 2025 figures.",
    "Shares fell 4% on 12 March 2024 and again the following week, before recovering in the 2010s' style.",
    "Earlier this month the council, which meets monthly, set aside three weeks for talks ending Dec. 5.",
    "Nothing in the text names a time at all, though it speaks of a quarterback and a yearling.",
]


@pytest.mark.parametrize("everything", [False, True])
def test_timex_prefilter_finds_what_a_search_everywhere_finds(everything):
    import dataclasses

    grammar = timex.load_grammar()
    assert sum(bool(p.needs) for p in grammar.patterns) > len(grammar.patterns) // 2
    everywhere = dataclasses.replace(grammar, patterns=[dataclasses.replace(p, needs=()) for p in grammar.patterns])
    found = 0
    for text in PREFILTER_TEXTS:
        grammar.match_cache.clear()
        expected = find_expressions(text, everywhere, everything=everything)
        assert find_expressions(text, grammar, everything=everything) == expected
        found += len(expected)
    assert found >= 8
