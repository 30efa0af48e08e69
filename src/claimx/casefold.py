"""Case-insensitive patterns searched as case-sensitive ones in a lower-cased text.

The case-insensitive engine folds every character it compares; a pattern with
no capital, compiled without ``re.IGNORECASE`` and searched in the text
lower-cased, finds the same matches at the same offsets, faster, wherever
lower-casing keeps the text's length and changes no character an ASCII letter
of the pattern could match (:func:`lowered` says where).
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: characters outside ASCII that a case-insensitive ASCII letter matches though lower-casing
#: does not make them ASCII ("ı" matches "i", "ſ" matches "s")
FOLDS_TO_ASCII = frozenset("\u0131\u017f")


def folded_pattern(
    pattern: re.Pattern[str] | None, compile: Callable[..., re.Pattern[str]] = re.compile
) -> re.Pattern[str] | None:
    """RETURNS (re.Pattern | None): ``pattern`` (case-insensitive) compiled without IGNORECASE,
    to be searched in a text :func:`lowered`. Only for a pattern of ASCII and signs without
    case ("£", "€", "’": a case-insensitive engine matches them only to themselves), with no
    capital (so no ``\\W``, ``\\D``, ``[A-Z]``); else None."""
    if pattern is None or not pattern.flags & re.IGNORECASE:
        return None
    source = pattern.pattern
    if not all(c.isascii() or not c.isalpha() and c.lower() == c == c.upper() for c in set(source)) or source != source.lower():
        return None
    return compile(source, pattern.flags & ~re.IGNORECASE)


def lowered(text: str) -> str | None:
    """RETURNS (str | None): ``text`` lower-cased, where a :func:`folded_pattern` finds in it what
    its case-insensitive original finds in ``text``, at the same offsets: the same length, and no
    character outside ASCII that lower-casing changes or that a case-insensitive ASCII letter
    matches (:data:`FOLDS_TO_ASCII`); else None."""
    low = text.lower()
    if len(low) != len(text) or not text.isascii() and any(
        c > "\x7f" and (c != c.lower() or c in FOLDS_TO_ASCII) for c in set(text)
    ):
        return None
    return low
