""":mod:`claimx.fastruler`: the base model's attribute ruler, matched by table look-up.

The small English pipelines' ``attribute_ruler`` holds about 180 rules; all
but a handful test one token's ``TAG``, ``LOWER``, ``DEP`` or ``IS_SPACE``
against fixed values (the tag map and the morph rules). spaCy's ``Matcher``
walks every rule over every token, which costs the model as much time as its
tagger and lemmatizer together. :func:`speed_up` gives the ruler a ``match``
that finds those one-token rules through a dictionary keyed by the token's tag
and lower-case form, and leaves the other rules (several tokens, regular
expressions) to a ``Matcher`` of their own. The matches, and their order (by
rule, so that later rules win), are exactly those of the ruler's own
``match``: the annotations do not change, only the time.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc

logger = logging.getLogger(__name__)

#: Token attributes the table handles, with their column in ``Doc.to_array``.
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
#: The attributes a token test of several-token patterns reads (:func:`_token_test`), in ``_row``'s column order.
_SPEC_NAMES = ("TAG", "LOWER", "DEP")
#: Distinct tokens remembered before the memo starts again (memory stays bounded on any corpus).
_MAX_MEMO = 200_000


def _values(vocab: Any, name: str, value: Any) -> tuple[frozenset[int], bool] | None:
    """The hashes a one-token pattern's value allows (or, when the flag is set, excludes); None when the table cannot say."""
    negate = False
    if isinstance(value, dict):
        if len(value) != 1 or not isinstance(next(iter(value.values())), list):
            return None
        operator, options = next(iter(value.items()))
        if operator not in ("IN", "NOT_IN"):
            return None
        negate = operator == "NOT_IN"
    else:
        options = [value]
    found: set[int] = set()
    for option in options:
        if name == "IS_SPACE":
            if not isinstance(option, bool):
                return None
            found.add(int(option))
        elif isinstance(option, str):
            found.add(vocab.strings.add(option))
        else:
            return None
    return frozenset(found), negate


def _token_test(token: dict[str, Any]) -> dict[str, Any] | None:
    """A pattern token's tests on its TAG, LOWER and DEP strings; None for anything else (operators, other attributes)."""
    import re

    tests: dict[str, Any] = {}
    for name, value in token.items():
        if name not in ("TAG", "LOWER", "DEP"):
            return None
        if isinstance(value, str):
            tests[name] = value.__eq__
        elif isinstance(value, dict) and len(value) == 1:
            operator, option = next(iter(value.items()))
            if operator == "IN" and isinstance(option, list):
                tests[name] = frozenset(option).__contains__
            elif operator == "NOT_IN" and isinstance(option, list):
                tests[name] = lambda text, no=frozenset(option): text not in no
            elif operator == "REGEX" and isinstance(option, str):
                tests[name] = lambda text, rx=re.compile(option): rx.search(text) is not None
            else:
                return None
        else:
            return None
    return tests


class FastMatch:
    """A drop-in ``match`` for an ``AttributeRuler``: same matches, same order."""

    def __init__(self, ruler: Any) -> None:
        vocab = ruler.vocab
        self.vocab = vocab
        self.rest = Matcher(vocab, validate=False)
        self.has_rest = False
        # patterns of several tokens (or regular expressions), tested token by
        # token on TAG and LOWER strings: ``specs`` are the token tests,
        # ``sequences`` the patterns as (rule, match id, spec ids)
        self.specs: list[dict[str, Any]] = []
        self.sequences: list[tuple[int, int, tuple[int, ...]]] = []
        # token (tag, lower, dep, is_space) -> what it matches; cleared past _MAX_MEMO entries
        self.rows: dict[tuple[int, ...], Any] = {}
        # (tag or None, lower or None) -> [(rule, match_id, other tests)]
        self.table: dict[tuple[int | None, int | None], list[tuple[int, int, tuple[tuple[int, frozenset[int]], ...]]]] = (
            defaultdict(list)
        )
        for number, rule in enumerate(ruler.patterns):
            key = str(number)
            match_id = vocab.strings.add(key)
            slow = []
            for pattern in rule["patterns"]:
                tests = self._tests(vocab, pattern)
                if tests is None:
                    slow.append(pattern)
                    continue
                # a positive TAG or LOWER test is a key of the table; everything else is tested per token
                tags: Any = frozenset([None])
                lowers: Any = frozenset([None])
                if "TAG" in tests and not tests["TAG"][1]:
                    tags = tests.pop("TAG")[0]
                if "LOWER" in tests and not tests["LOWER"][1]:
                    lowers = tests.pop("LOWER")[0]
                other = tuple((_COLUMNS[name], allowed, negate) for name, (allowed, negate) in tests.items())
                for tag in tags:
                    for lower in lowers:
                        self.table[(tag, lower)].append((number, match_id, other))
            for pattern in slow:
                specs = [_token_test(token) for token in pattern]
                if any(spec is None for spec in specs):
                    self.rest.add(key, [pattern])
                    self.has_rest = True
                    continue
                ids = []
                for spec in specs:
                    ids.append(len(self.specs))
                    self.specs.append(spec)  # type: ignore[arg-type]
                self.sequences.append((number, match_id, tuple(ids)))
        self.table = dict(self.table)
        self.memo: dict[tuple[int, int], tuple[list[tuple[int, int]], list[tuple[int, int, Any]]]] = {}
        # per attribute of _SPEC_NAMES, each value's bit mask of the token tests it passes (:meth:`_spec_bits`)
        self._passes: tuple[dict[int, int], dict[int, int], dict[int, int]] = ({}, {}, {})
        self._bit_tuples: dict[int, tuple[bool, ...]] = {}

    @staticmethod
    def _tests(vocab: Any, pattern: list[dict[str, Any]]) -> dict[str, tuple[frozenset[int], bool]] | None:
        if len(pattern) != 1:
            return None
        tests: dict[str, tuple[frozenset[int], bool]] = {}
        for name, value in pattern[0].items():
            if name not in _COLUMNS:
                return None
            allowed = _values(vocab, name, value)
            if allowed is None:
                return None
            tests[name] = allowed
        return tests

    def _spec_bits(self, strings: Any, tag: int, lower: int, dep: int) -> tuple[bool, ...]:
        """Which token tests (:attr:`specs`) a token with this tag, lower-case form and dependency passes.

        A test is the conjunction of its attributes' tests, each a function of one
        attribute's string: each attribute value's passes are worked out once (a bit
        mask of the tests that pass it or do not test that attribute), the token's the
        masks of its three values together."""
        passes = self._passes
        if len(passes[1]) > _MAX_MEMO:
            passes[1].clear()
        mask = -1
        for index, value in ((0, tag), (1, lower), (2, dep)):
            known = passes[index].get(value)
            if known is None:
                known = passes[index][value] = self._attribute_mask(_SPEC_NAMES[index], strings[value] if value else "")
            mask &= known
        bits = self._bit_tuples.get(mask)
        if bits is None:
            bits = self._bit_tuples[mask] = tuple(bool(mask >> k & 1) for k in range(len(self.specs)))
        return bits

    def _attribute_mask(self, name: str, text: str) -> int:
        """RETURNS (int): the bits of the tests (:attr:`specs`) that do not test ``name`` or whose test of it passes ``text``."""
        mask = 0
        for k, spec in enumerate(self.specs):
            test = spec.get(name)
            if test is None or test(text):
                mask |= 1 << k
        return mask

    def _candidates(self, tag: int, lower: int) -> tuple[list[tuple[int, int]], list[tuple[int, int, Any]]]:
        """The rules a token with this tag and lower-case form may match: those with no other test, and the rest."""
        sure: list[tuple[int, int]] = []
        tested: list[tuple[int, int, Any]] = []
        for key in ((tag, lower), (tag, None), (None, lower), (None, None)):
            for number, match_id, other in self.table.get(key, ()):
                if other:
                    tested.append((number, match_id, other))
                else:
                    sure.append((number, match_id))
        found = (sure, tested)
        self.memo[(tag, lower)] = found
        return found

    def _row(self, strings: Any, row: tuple[int, int, int, int]) -> tuple[tuple[tuple[int, int], ...], tuple[bool, ...], tuple[int, ...]]:
        """For one token's (tag, lower, dep, is_space): the one-token rules it matches, its spec bits, the sequences it may begin."""
        tag, lower = row[0], row[1]
        sure, tested = self.memo.get((tag, lower)) or self._candidates(tag, lower)
        matched = list(sure)
        for number, match_id, other in tested:
            if all((row[column] in allowed) != negate for column, allowed, negate in other):
                matched.append((number, match_id))
        bits = self._spec_bits(strings, tag, lower, row[2]) if self.sequences else ()
        begins = tuple(k for k, (_, _, ids) in enumerate(self.sequences) if bits[ids[0]])
        return tuple(matched), bits, begins

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = self.rows
        if len(rows) > _MAX_MEMO:
            rows.clear()
        sequences = self.sequences
        strings = doc.vocab.strings
        found: set[tuple[int, int, int, int]] = set()
        add = found.add
        bits: list[tuple[bool, ...]] = []
        starts: list[tuple[int, int]] = []
        if len(doc):
            for i, row in enumerate(map(tuple, doc.to_array(_ARRAY).tolist())):
                known = rows.get(row)
                if known is None:
                    known = rows[row] = self._row(strings, row)
                matched, token_bits, begins = known
                for number, match_id in matched:
                    add((number, match_id, i, i + 1))
                bits.append(token_bits)
                for k in begins:
                    starts.append((k, i))
        n = len(bits)
        for k, i in starts:
            number, match_id, ids = sequences[k]
            length = len(ids)
            if i + length <= n and all(bits[i + j][ids[j]] for j in range(1, length)):
                add((number, match_id, i, i + length))
        if self.has_rest:
            strings = self.vocab.strings
            for match_id, start, end in self.rest(doc, allow_missing=True, as_spans=False):
                add((int(strings[match_id]), match_id, start, end))
        return sorted(found)


class FastAnnotate:
    """A drop-in ``set_annotations`` for an ``AttributeRuler``: the same token attributes, set once per token.

    The ruler's own sets each match's attributes on its token through a
    ``Span`` (about three matches a token: the tag map, the morph rules),
    later rules overwriting earlier ones. The attributes its rules set
    (``TAG``, ``POS``, ``MORPH``, ``LEMMA``, ``DEP``) are token fields with no
    side effect (none is a lexeme's), so a token's end state is its matching
    rules' attributes merged in rule order, set in one call. A ruler whose
    rules set anything else (an extension, a lexeme's field), or a match whose
    index falls outside it (spaCy's error E1001), goes through the ruler's own.
    """

    #: Attributes the merge may set: token fields only (``Lexeme.set_struct_attr`` ignores ids from 64 up, flags below).
    FIELDS = frozenset(("TAG", "POS", "MORPH", "LEMMA", "DEP"))

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS
        from spacy.tokens._retokenize import set_token_attrs

        self.ruler = ruler
        self.own = ruler.set_annotations
        self.set_token_attrs = set_token_attrs
        allowed = {IDS[name] for name in self.FIELDS}
        self.usable = all(isinstance(key, int) and key in allowed for attrs in ruler.attrs for key in attrs)
        self.merged: dict[tuple[int, ...], dict[int, Any]] = {}

    def __call__(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        if not self.usable:
            self.own(doc, matches)
            return
        attrs, indices = self.ruler.attrs, self.ruler.indices
        per_token: dict[int, list[int]] = {}
        for attr_id, _, start, end in matches:  # sorted by rule: later rules win
            index = indices[attr_id]
            i = start + index if index >= 0 else end + index
            if not start <= i < end:
                self.own(doc, matches)  # nothing set yet: the ruler's own raises where it would
                return
            rules = per_token.get(i)
            if rules is None:
                per_token[i] = [attr_id]
            elif rules[-1] != attr_id:
                rules.append(attr_id)
        merged = self.merged
        if len(merged) > _MAX_MEMO:
            merged.clear()
        set_token_attrs = self.set_token_attrs
        for i, rules in per_token.items():
            key = tuple(rules)
            values = merged.get(key)
            if values is None:
                values = merged[key] = {}
                for attr_id in key:
                    values.update(attrs[attr_id])
            set_token_attrs(doc[i], values)


def speed_up(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the table look-up :class:`FastMatch` and the
    once-a-token :class:`FastAnnotate`.

    RETURNS (bool): whether there was an attribute ruler to speed up.
    """
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not hasattr(ruler, "match") or not hasattr(ruler, "patterns"):
        return False
    ruler.match = FastMatch(ruler)
    if hasattr(ruler, "set_annotations") and hasattr(ruler, "attrs") and hasattr(ruler, "indices"):
        ruler.set_annotations = FastAnnotate(ruler)
    return True
