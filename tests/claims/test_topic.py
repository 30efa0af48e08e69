"""Subject, topic and roll-up key."""

from __future__ import annotations

import datetime as dt

import pytest

from claimx.claims.topic import title_names


@pytest.mark.parametrize(
    "title, openers, first",
    [
        ("Could 2025 be the year? Half-Life 3 rumours flare again", frozenset({"could"}), "Half-Life 3"),
        ("The Last of Us season 3: what we know", frozenset({"could"}), "The Last of Us"),
    ],
)
def test_topic_title_names(title, openers, first):
    assert first in title_names(title, openers)
    assert "Could 2025" not in title_names(title, openers)


def test_topic_main_subject_from_title(analyse):
    records = analyse(
        "Glass Orchard 2 is officially in development. The sequel is expected to open in 2026.",
        title="Could 2026 be the year? Glass Orchard 2 is in development",
    )
    assert len(records) == 2
    assert [r.subject.name for r in records] == ["Glass Orchard 2", "Glass Orchard 2"]
    assert records[0].subject.text == "Glass Orchard 2"
    assert records[1].subject.text is None  # "the sequel" resolves to the main subject


@pytest.mark.parametrize(
    "text, topic, key",
    [
        ("Christoph Waltz will return as Dr. Dyson Ido in the sequel.", "cast", "Christoph Waltz"),
        ("Valve is expected to reveal the game at The Game Awards.", "release", "announcement"),
        ("The film will be released in theaters on 12 May 2026.", "release", "release_date"),
        ("Jane Doe, the voice of the villain, is rumoured to have recorded new lines.", "cast", "Jane Doe"),
        ("The game has reportedly been playtested internally.", "production", "development"),
        ("The band sold more than four million albums.", "business", "business"),
        ("Nobody else is convinced.", "other", "other"),
    ],
)
def test_topic_and_key(analyse, text, topic, key):
    records = analyse(text, published=dt.date(2025, 6, 4))
    assert records
    assert (records[0].topic, records[0].key) == (topic, key)
