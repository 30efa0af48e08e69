"""Case-insensitive patterns searched case-sensitively in a lower-cased text
(``claimx.casefold``): the same matches at the same offsets, or no folding at all."""

from __future__ import annotations

import re

import pytest

from claimx.casefold import folded_pattern, lowered


@pytest.mark.parametrize(
    "source",
    [
        r"\bnext\s+week\b",
        r"(?<![\d$£€.,])\d0s\b",  # signs without case beside ASCII
        r"(?<!\w)(?:had\s+said|didn’t)",  # a typographic apostrophe
    ],
)
def test_a_pattern_without_capitals_folds(source):
    pattern = re.compile(source, re.IGNORECASE)
    folded = folded_pattern(pattern)
    assert folded is not None and not folded.flags & re.IGNORECASE and folded.pattern == source


@pytest.mark.parametrize("source", [r"\Wweek", r"[A-Z]\d", r"café", r"straße"])
def test_a_pattern_with_a_capital_or_a_cased_letter_outside_ascii_does_not_fold(source):
    assert folded_pattern(re.compile(source, re.IGNORECASE)) is None


def test_a_case_sensitive_pattern_does_not_fold():
    assert folded_pattern(re.compile(r"week")) is None


@pytest.mark.parametrize(
    "text",
    [
        "The Board met NEXT WEEK, it said.",
        "Prices rose in the 1990S and the ’90s; costs £40M.",
        "Ana DIDN’T say when.",
    ],
)
def test_a_folded_pattern_finds_what_the_original_finds(text):
    for source in (r"\bnext\s+week\b", r"(?<![\d$£€.,])\d0s\b", r"(?<!\w)(?:didn’t|said)", r"£\d+m"):
        pattern = re.compile(source, re.IGNORECASE)
        low = lowered(text)
        assert low is not None
        found = [m.span() for m in folded_pattern(pattern).finditer(low)]  # type: ignore[union-attr]
        assert found == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "İstanbul talks",  # lower-casing makes two characters of one
        "the ſhip sails",  # a long s, which a case-insensitive "s" matches
        "a 5 \u212a drop",  # the Kelvin sign, which lower-cases to an ASCII "k"
        "ÉLAN returns",  # a capital outside ASCII
    ],
)
def test_a_text_folding_could_change_is_not_lowered(text):
    assert lowered(text) is None


def test_a_text_with_lower_case_letters_and_signs_outside_ascii_is_lowered():
    assert lowered("The café’s €5 menu") == "the café’s €5 menu"
