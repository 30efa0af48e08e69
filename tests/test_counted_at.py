"""``status._counted_at`` (fixed patterns for the words between, one small pattern per noun)
answers as the one pattern per noun it replaced did."""

from __future__ import annotations

import random
import re

from claimx import status

_WORD = r"\s+[\w'’-]+"


def _old(noun: str) -> re.Pattern[str]:
    reach = status._COUNTED_REACH
    between = rf"(?:\s+of(?:{_WORD}){{0,{reach + 1}}}?|(?:{_WORD}){{0,{reach}}}?)"
    return re.compile(between + r"\s+" + re.escape(noun) + r"(?!\w)", re.IGNORECASE)


def test_written_cases() -> None:
    cases = [
        ("the club signed 14 pledged players on Monday", "14", "players", True),
        ("nine of the northern region's seats went to them", "nine", "seats", True),
        ("nine of the far northern hill region seats", "nine", "seats", False),
        ("it sold 3 used blue old cars", "3", "cars", False),
        ("it sold 3 used cars, then", "3", "cars", True),
        ("Anna Berg, 18,  from the coast, agrees", "18", "berg", False),
        ("a fleet of 12 ships' crews", "12", "ships", True),
        ("a fleet of 12 shipsmiths", "12", "ships", False),
        ("12  OF   the Ships", "12", "ships", True),
        ("12 offers of ships", "12", "ships", True),
        ("12 offers, ships", "12", "ships", False),
        ("12\tmid-size  ships", "12", "ships", True),
    ]
    for text, number, noun, expected in cases:
        at = text.index(number) + len(number)
        assert bool(_old(noun).match(text, at)) is expected, text
        assert status._counted_at(text, at, noun) is expected, text


def test_random_texts() -> None:
    rng = random.Random(11)
    pieces = ["of", "OF", "the", "ships", "Ships", "ship", "ships'", "ships,", "mid-size", "red", ",", "’s", "5", "x"]
    gaps = [" ", "  ", "\t", "", "\n"]
    for _ in range(3000):
        words = [rng.choice(pieces) for _ in range(rng.randint(0, 7))]
        text = "7" + "".join(rng.choice(gaps) + w for w in words)
        noun = rng.choice(["ships", "ship", "red", "of"])
        assert status._counted_at(text, 1, noun) is bool(_old(noun).match(text, 1)), (text, noun)
