""":mod:`claimx.fastmatch`: token patterns tried only where they can start.

spaCy's ``Matcher`` starts every pattern at every token of a Doc: with the cue
pack's 170 patterns that is most of what the cue component costs, although a
given token can start only a few of them (a pattern's first word is nearly
always a fixed word or one of a short list). :class:`AnchoredMatcher` indexes
each pattern by what its first token must be (its *anchors*: an attribute and
the values it allows; for a first token that may be skipped, the next one's as
well) and tries a pattern only at the tokens that have one of them, over the
Doc's columns (``Doc.to_array``), not spaCy Tokens.

It finds the same set of ``(key, start, end)`` matches as spaCy's ``Matcher``
without ``greedy`` (every start and every end the operators allow, each once).
spaCy's order of matches is that of its internal states, which this does not
reproduce: matches come in order of start, end and key. :meth:`AnchoredMatcher.__call__`
returns None when two keys match the same span (there the order decides which
one a caller keeps), and the caller asks spaCy's ``Matcher``. A pattern this
does not read (other attributes or operators than those below) makes
:meth:`AnchoredMatcher.compile` return None.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import DEP, ENT_TYPE, IS_PUNCT, LEMMA, LOWER, NORM, ORTH, POS, TAG
from spacy.tokens import Doc

#: the token attributes a pattern may test, with their ``Doc.to_array`` attribute
_ATTRS: dict[str, int] = {
    "LOWER": LOWER,
    "LEMMA": LEMMA,
    "NORM": NORM,
    "ORTH": ORTH,
    "TEXT": ORTH,
    "POS": POS,
    "TAG": TAG,
    "DEP": DEP,
    "ENT_TYPE": ENT_TYPE,
    "IS_PUNCT": IS_PUNCT,
}
#: the attributes a pattern is best indexed by, rarest values first
_ANCHOR_ORDER = (LOWER, ORTH, LEMMA, NORM, ENT_TYPE, TAG, DEP, POS, IS_PUNCT)
#: the operators read, as (fewest, most) tokens; None: no limit
_OPS: dict[str, tuple[int, int | None]] = {"": (1, 1), "?": (0, 1), "*": (0, None), "+": (1, None), "1": (1, 1)}

#: one attribute test: (the column's index, the values allowed, whether they are excluded instead)
_Test = tuple[int, frozenset[int], bool]
#: one token of a pattern: its tests, the fewest and the most tokens it takes
_Step = tuple[tuple[_Test, ...], int, int | None]


def _op_range(op: str) -> tuple[int, int | None] | None:
    """RETURNS: ``(fewest, most)`` of an operator (``"?"``, ``"*"``, ``"+"``, ``"{m,n}"``…), or None when it is not read."""
    if op in _OPS:
        return _OPS[op]
    if op.startswith("{") and op.endswith("}"):
        inner = op[1:-1]
        try:
            if "," not in inner:
                n = int(inner)
                return n, n
            lo, hi = inner.split(",", 1)
            low = int(lo) if lo.strip() else 0
            high = int(hi) if hi.strip() else None
        except ValueError:
            return None
        if high is not None and high < low:
            return None
        return low, high
    return None


class AnchoredMatcher:
    """Token patterns, each tried only at the tokens that can start it.

    Build with :meth:`compile`; call with a Doc for its matches.
    """

    def __init__(self, columns: list[int], patterns: list[tuple[int, list[_Step]]], anchors: dict[tuple[int, int], list[int]], everywhere: list[int]) -> None:
        #: ``Doc.to_array`` attributes, in the order the tests' column indices count them
        self.columns = columns
        #: (key's hash, steps) of each pattern
        self.patterns = patterns
        #: (column index, value) -> the patterns a token with that value may start
        self.anchors = anchors
        #: column index -> the values of it that start some pattern
        self._anchor_values: dict[int, numpy.ndarray] = {}
        for column, value in anchors:
            self._anchor_values.setdefault(column, [])  # type: ignore[arg-type]
            self._anchor_values[column].append(value)  # type: ignore[attr-defined]
        self._anchor_values = {c: numpy.array(sorted(set(v)), dtype=numpy.uint64) for c, v in self._anchor_values.items()}
        #: patterns with no anchor: tried at every token
        self.everywhere = everywhere

    @classmethod
    def compile(cls, keyed: list[tuple[str, list[dict[str, Any]]]], vocab: Any) -> AnchoredMatcher | None:
        """RETURNS (AnchoredMatcher | None): a matcher of ``(key, pattern)`` pairs, or None when a pattern tests what it does not read."""
        columns: list[int] = []
        column_of: dict[int, int] = {}
        patterns: list[tuple[int, list[_Step]]] = []
        anchors: dict[tuple[int, int], list[int]] = {}
        everywhere: list[int] = []
        for key, pattern in keyed:
            steps: list[_Step] = []
            for spec in pattern:
                op = spec.get("OP", "")
                bounds = _op_range(op) if isinstance(op, str) else None
                if bounds is None:
                    return None
                tests: list[_Test] = []
                for name, value in spec.items():
                    if name == "OP":
                        continue
                    attr = _ATTRS.get(name)
                    if attr is None:
                        return None
                    negate = False
                    if isinstance(value, dict):
                        if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN") or not isinstance(next(iter(value.values())), list):
                            return None
                        negate = "NOT_IN" in value
                        options = next(iter(value.values()))
                    else:
                        options = [value]
                    found: set[int] = set()
                    for option in options:
                        if isinstance(option, bool) and name.startswith("IS_"):
                            found.add(int(option))
                        elif isinstance(option, str) and not name.startswith("IS_"):
                            found.add(vocab.strings.add(option))
                        else:
                            return None
                    if attr not in column_of:
                        column_of[attr] = len(columns)
                        columns.append(attr)
                    tests.append((column_of[attr], frozenset(found), negate))
                steps.append((tuple(tests), bounds[0], bounds[1]))
            if not steps or all(low == 0 for _, low, _ in steps):
                return None  # a pattern that may match no token: spaCy's own rules for it are not copied
            number = len(patterns)
            patterns.append((vocab.strings.add(key), steps))
            # the tokens it may start at: a value the first token must have, and the next one's while one may be skipped
            starts: list[tuple[int, int]] = []
            for tests, low, high in steps:
                if high == 0:
                    continue
                # the likeliest to be rare: a word's form before its part of speech
                anchor = min(
                    ((c, values) for c, values, negate in tests if not negate),
                    key=lambda cv: _ANCHOR_ORDER.index(columns[cv[0]]) if columns[cv[0]] in _ANCHOR_ORDER else len(_ANCHOR_ORDER),
                    default=None,
                )
                if anchor is None:
                    starts = []
                    break
                starts.extend((anchor[0], v) for v in anchor[1])
                if low > 0:
                    break
            if not starts:
                everywhere.append(number)
                continue
            for start in dict.fromkeys(starts):
                anchors.setdefault(start, []).append(number)
        return cls(columns, patterns, anchors, everywhere)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]] | None:
        """RETURNS (list | None): ``(key, start, end)`` of every match, by start, end and key; None when two keys match one span."""
        matches = self.matches(doc)
        for a, b in zip(matches, matches[1:]):
            if a[1] == b[1] and a[2] == b[2]:
                return None
        return matches

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """RETURNS (list): ``(key, start, end)`` of every match, by start, end and key."""
        n = len(doc)
        if not n or not self.patterns:
            return []
        array = doc.to_array(self.columns)
        if array.ndim == 1:
            array = array.reshape(-1, 1)
        tried: dict[int, set[int]] = {}  # start -> the patterns tried there
        for column, values in self._anchor_values.items():
            col = array[:, column]
            anchors = self.anchors
            for i in numpy.flatnonzero(numpy.isin(col, values)).tolist():
                here = tried.setdefault(i, set())
                here.update(anchors[(column, int(col[i]))])
        if self.everywhere:
            for i in range(n):
                tried.setdefault(i, set()).update(self.everywhere)
        if not tried:
            return []
        rows = [array[:, c].tolist() for c in range(len(self.columns))]
        found: set[tuple[int, int, int]] = set()
        patterns = self.patterns
        for start, numbers in tried.items():
            for number in numbers:
                key, steps = patterns[number]
                for end in _ends(steps, rows, start, n):
                    if end > start:
                        found.add((start, end, key))
        return [(key, start, end) for start, end, key in sorted(found)]


def _ends(steps: list[_Step], rows: list[list[int]], start: int, n: int) -> set[int]:
    """RETURNS (set[int]): every end of a match of ``steps`` from token ``start``."""
    frontier = {start}
    for tests, low, high in steps:
        reached: set[int] = set()
        for p in frontier:
            if low == 0:
                reached.add(p)
            taken = 0
            q = p
            while (high is None or taken < high) and q < n and _passes(tests, rows, q):
                q += 1
                taken += 1
                if taken >= low:
                    reached.add(q)
        if not reached:
            return reached
        frontier = reached
    return frontier


def _passes(tests: tuple[_Test, ...], rows: list[list[int]], i: int) -> bool:
    for column, values, negate in tests:
        if (rows[column][i] in values) == negate:
            return False
    return True
