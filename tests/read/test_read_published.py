"""The forms a ``published`` value may take, and the ones refused."""

from __future__ import annotations

import datetime as dt

import pytest

from claimx.errors import ReadError
from claimx.read import parse_published

DAY = dt.date(2023, 8, 2)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2023-08-02", DAY),
        ("2023-08-02T10:00:00Z", DAY),
        ("2023-08-02T23:30:00-05:00", DAY),
        ("2023-08-02 10:00", DAY),
        ("August 2, 2023", DAY),
        ("Aug 2, 2023", DAY),
        ("Aug. 2, 2023", DAY),
        ("2 August 2023", DAY),
        ("Wednesday, August 2, 2023", DAY),
        ("Wed, 02 Aug 2023 10:00:00 +0000", DAY),
        ("2023/08/02", DAY),
        ("  2023-08-02  ", DAY),
        (DAY, DAY),
        (dt.datetime(2023, 8, 2, 23, 59), DAY),
        (None, None),
        ("", None),
    ],
)
def test_fields_published_forms(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["next week", "2023-13-45", "02/08/2023", "2023", 2023, ["2023-08-02"], "August 2023"])
def test_fields_published_refused(value):
    with pytest.raises(ReadError, match=r"unreadable published date .*: expected a date such as 2023-08-02"):
        parse_published(value)
