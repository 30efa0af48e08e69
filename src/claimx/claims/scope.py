""":mod:`claimx.claims.scope`: token patterns of the scope rules, compiled once.

A scope rule of ``scope.jsonl`` (:class:`claimx.rules.ScopeRule`) tests one
token with a pattern in the spaCy Matcher's syntax, extended with the
relations a dependency walk needs (the DependencyMatcher's ``>`` and ``<``,
as keys). The cue tagger asks, for each token on a cue's way up the parse
tree, whether a terminator matches it; nothing here names an English word.

Token attributes (a value, or ``{"IN": [...]}``, ``{"NOT_IN": [...]}``, several of which must all hold):
``DEP``, ``TAG``, ``POS``, ``LEMMA``, ``LOWER``, ``TEXT``, ``ENT_TYPE``; a lemma may also be
tested against a lexicon of the pack, ``{"IN_LEXICON": "report_verb"}`` or
``{"NOT_IN_LEXICON": ...}`` (the kinds of ``attribution.jsonl``), lower-cased.
``WORD`` (a value, ``IN`` or ``IN_LEXICON``) holds when the token's lemma or its
lower-cased form does (the lemmatiser errs on participles: "slated" -> "slat").

Relations (a nested pattern): ``HEAD`` (the token's head), ``HAS_CHILD`` (some
child matches), ``NO_CHILD`` (no child matches), ``ANCESTOR`` (some token
on the way to the root matches), ``FRAME`` (the verb that frames the claim;
none: no match), ``PREV`` and ``NEXT`` (the
neighbouring tokens; none there: no match), ``LEFT_EDGE`` and ``RIGHT_EDGE`` (the first
and the last token of the token's subtree), ``HAS_LEFT`` (some token from the first token of its
subtree up to the token, not itself, matches), ``HAS_DESCENDANT`` and ``NO_DESCENDANT`` (some, or no,
token of its subtree other than itself matches), ``FROM`` (the token the walk came up from; none at the
cue: no match).

Facts of the walk (``true`` or ``false``): ``IN_SPINE`` (the token is the
claim's predicate or its frame), ``IN_CLAIM`` (it lies in the claim),
``AS_LEMMA`` (it is written as its lemma: a base form), ``IS_CUE_ROOT`` (it is the cue's root),
``AFTER_HEAD`` (it follows its head), ``BEFORE_FROM`` (it precedes the token the walk came up
from), ``IS_ROOT`` (it heads its sentence), ``LIKE_NUM`` (it reads as a number), ``SENT_START`` (it opens its sentence), ``SET_OFF_BY_COMMA`` (its subtree
follows its head after a comma), ``IN_DATE`` (it lies in a date the dates component found), ``FINITE`` (a finite
verb, or one with a finite auxiliary: :func:`claimx.claims.tree.finite`), ``IN_SUBJECT`` (it is its clause's
subject or lies in it, up to the first verb: :func:`claimx.claims.tree.in_subject`), ``OPENS_HEAD`` (it is the
first token of its head's subtree), ``IS_BE`` (it is a form of "be", a contraction spelt with a curly
apostrophe too: :func:`claimx.claims.tree.copula_lemma`), ``JUST_BEFORE_HEAD`` (it stands right before its
head), ``IS_TITLE`` (it is written in title case), ``IS_PUNCT`` (it is punctuation), ``CAPITALISED`` (its first
character is a capital: "Orbit", "iPhone" is not, "HLX" is), ``DIGIT_FIRST`` (its first character is a digit: "7E7",
"2TB", "40"); ``CUE_TOKENS`` (an int, or ``IN``): the
cue's length in tokens (or ``{">=": n}``); ``CUE_RULE`` (fields of the cue's rule and their
values, ``{"subject_modifier": true}``). ``NOT`` (a nested pattern): the
token does not match it; ``ANY`` (a list of patterns): it matches one of
them; ``ALL`` (a list of patterns): it matches every one (two tests of one relation); ``IN_CUE`` (a category, or ``IN``): it lies in a cue of that category.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import attrgetter
from typing import Any, NamedTuple

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from ..errors import RulePackError
from .extensions import CUES_KEY, DATES_KEY, cue_of
from .tree import BE, copula_lemma, finite, in_subject


class Walk(NamedTuple):
    """What a pattern may ask of the walk besides the token itself."""

    spine: set[int]  # the claim's predicate and frame
    cue: Span | None  # None while a share rule walks to the words whose cues it takes
    came_from: Token | None  # the token the walk came up from
    rule: Any = None  # the cue's rule (a CueRule), if it is one of the pack's
    claim: Span | None = None
    frame: Token | None = None  # the verb that frames the claim ("said" in "X said A")


#: a compiled pattern: (token, walk) -> whether it matches
Test = Callable[[Token, Walk], bool]

#: (the getters are ``attrgetter``\ s: a rule's test of a token's own attribute
#: costs no Python call of its own, and most tests fail there)
_ATTRS: dict[str, Callable[[Token], str]] = {
    "DEP": attrgetter("dep_"),
    "TAG": attrgetter("tag_"),
    "POS": attrgetter("pos_"),
    "LEMMA": attrgetter("lemma_"),
    "LOWER": attrgetter("lower_"),
    "TEXT": attrgetter("text"),
    "ENT_TYPE": attrgetter("ent_type_"),
}

#: the same attributes as the ids spaCy keeps them by (the string store's hash
#: of the value, a symbol's id for a symbol: :func:`spacy.strings.get_string_id`),
#: for the tests of a value or ``IN``/``NOT_IN``: an int read and compared, no
#: string made for the token on every test (the values are made ids once)
_IDS: dict[str, Callable[[Token], int]] = {
    "DEP": attrgetter("dep"),
    "TAG": attrgetter("tag"),
    "POS": attrgetter("pos"),
    "LEMMA": attrgetter("lemma"),
    "LOWER": attrgetter("lower"),
    "TEXT": attrgetter("orth"),
    "ENT_TYPE": attrgetter("ent_type"),
}

_RELATIONS = (
    "HEAD", "HAS_CHILD", "NO_CHILD", "HAS_DESCENDANT", "NO_DESCENDANT", "ANCESTOR", "PREV", "NEXT", "LEFT_EDGE", "RIGHT_EDGE", "FROM", "FRAME",
    "HAS_LEFT",
)
_FACTS = (
    "IN_SPINE", "IN_CLAIM", "IS_CUE_ROOT", "AFTER_HEAD", "SET_OFF_BY_COMMA", "AS_LEMMA", "SENT_START", "IS_ROOT",
    "BEFORE_FROM", "LIKE_NUM", "IN_DATE", "FINITE", "IN_SUBJECT", "OPENS_HEAD", "IS_BE", "JUST_BEFORE_HEAD",
    "IS_TITLE", "IS_PUNCT", "CAPITALISED", "DIGIT_FIRST",
)


def compile_pattern(pattern: Mapping[str, Any], lexicons: Mapping[str, frozenset[str]], where: str) -> Test:
    """Compile one token pattern (see the module's doc).

    pattern (Mapping): the pattern. lexicons (Mapping): lemma sets by name.
    where (str): the rule, named in an error.
    RETURNS (Test): the test.
    RAISES (RulePackError): an unknown key, value form or lexicon.
    """
    tests: list[Test] = []
    #: the token's own attributes that must be one of a set of values: asked
    #: first, in one expression (most tests fail there)
    gates: list[tuple[Callable[[Token], int], frozenset[int]]] = []
    # a token's own attributes and facts are asked before the relations that
    # walk the tree: every test must hold, and none has a side effect, so
    # their order changes nothing but the cost
    items = sorted(pattern.items(), key=lambda item: item[0] not in _ATTRS and item[0] not in _FACTS and item[0] != "WORD")
    for key, value in items:
        if key in _ATTRS:
            gate = _attr_gate(value)
            if gate is not None:
                gates.append((_IDS[key], frozenset(get_string_id(v) for v in gate)))
            else:
                tests.append(_attr_test(key, value, lexicons, f"{where}: {key}"))
        elif key == "WORD":
            tests.append(_word_test(value, lexicons, f"{where}: WORD"))
        elif key in _RELATIONS:
            if not isinstance(value, Mapping):
                raise RulePackError(f"{where}: {key} takes a token pattern")
            tests.append(_relation_test(key, compile_pattern(value, lexicons, f"{where}: {key}")))
        elif key in _FACTS:
            if not isinstance(value, bool):
                raise RulePackError(f"{where}: {key} takes true or false")
            tests.append(_fact_test(key, value))
        elif key == "NOT":
            if not isinstance(value, Mapping):
                raise RulePackError(f"{where}: NOT takes a token pattern")
            negated = compile_pattern(value, lexicons, f"{where}: NOT")
            tests.append(lambda t, w, negated=negated: not negated(t, w))
        elif key == "ALL":
            if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
                raise RulePackError(f"{where}: ALL takes a list of token patterns")
            parts = [compile_pattern(v, lexicons, f"{where}: ALL") for v in value]
            tests.append(_conjunction(parts) or (lambda t, w: True))
        elif key == "ANY":
            if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
                raise RulePackError(f"{where}: ANY takes a list of token patterns")
            options = [compile_pattern(v, lexicons, f"{where}: ANY") for v in value]
            tests.append(_disjunction(options))
        elif key == "IN_CUE":
            categories = frozenset(value["IN"]) if isinstance(value, Mapping) else frozenset([value])
            tests.append(lambda t, w, categories=categories: _in_cue(t, categories))
        elif key == "CUE_RULE":
            if not isinstance(value, Mapping):
                raise RulePackError(f"{where}: CUE_RULE takes fields of the cue's rule and their values")
            fields = dict(value)
            tests.append(
                lambda t, w, fields=fields: w.rule is not None
                and all(getattr(w.rule, f, None) == v for f, v in fields.items())
            )
        elif key == "CUE_TOKENS":
            tests.append(_length_test(value, f"{where}: CUE_TOKENS"))
        else:
            raise RulePackError(f"{where}: unknown pattern key {key!r}")
    return _gated(gates, _conjunction(tests))


def _conjunction(tests: list[Test]) -> Test | None:
    """RETURNS (Test | None): a test that holds when all of ``tests`` do, asked in order; None for no test."""
    if not tests:
        return None
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda token, walk: first(token, walk) and second(token, walk)
    every = tuple(tests)

    def conjunction(token: Token, walk: Walk) -> bool:
        for test in every:
            if not test(token, walk):
                return False
        return True

    return conjunction


def _disjunction(tests: list[Test]) -> Test:
    """RETURNS (Test): a test that holds when one of ``tests`` does, asked in order."""
    options = tuple(tests)

    def disjunction(token: Token, walk: Walk) -> bool:
        for test in options:
            if test(token, walk):
                return True
        return False

    return disjunction


def _attr_gate(value: Any) -> frozenset[str] | None:
    """RETURNS (frozenset | None): the values an attribute test of a value or ``IN`` allows; None for any other test."""
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, Mapping) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return frozenset(value["IN"])
    return None


def _gated(gates: list[tuple[Callable[[Token], int], frozenset[int]]], rest: Test | None) -> Test:
    """RETURNS (Test): ``rest`` behind the attribute gates (each ``(getter, allowed ids)``)."""
    if not gates:
        return rest if rest is not None else (lambda token, walk: True)
    if len(gates) == 1:
        (get, allowed), = gates
        if rest is None:
            return lambda token, walk: get(token) in allowed
        return lambda token, walk: get(token) in allowed and rest(token, walk)
    if len(gates) == 2:
        (get, allowed), (get2, allowed2) = gates
        if rest is None:
            return lambda token, walk: get(token) in allowed and get2(token) in allowed2
        return lambda token, walk: get(token) in allowed and get2(token) in allowed2 and rest(token, walk)
    every = tuple(gates)

    def gated(token: Token, walk: Walk) -> bool:
        for get, allowed in every:
            if get(token) not in allowed:
                return False
        return rest is None or rest(token, walk)

    return gated


def _length_test(value: Any, where: str) -> Test:
    """The cue's length: a number, ``{"IN": [...]}`` or ``{">=": n}``."""
    if isinstance(value, int):
        return lambda t, w: w.cue is not None and len(w.cue) == value
    if isinstance(value, Mapping) and set(value) == {"IN"}:
        allowed = frozenset(value["IN"])
        return lambda t, w: w.cue is not None and len(w.cue) in allowed
    if isinstance(value, Mapping) and set(value) == {">="} and isinstance(value[">="], int):
        least = value[">="]
        return lambda t, w: w.cue is not None and len(w.cue) >= least
    raise RulePackError(f"{where}: a number, IN or >=")


def _attr_test(key: str, value: Any, lexicons: Mapping[str, frozenset[str]], where: str) -> Test:
    """A test of the token's attribute ``key`` (of :data:`_ATTRS`): a value and ``IN``/``NOT_IN``
    compare ids (:data:`_IDS`), a lexicon the attribute's text lower-cased."""
    ids = _IDS[key]
    if isinstance(value, str):
        wanted = get_string_id(value)
        return lambda t, w: ids(t) == wanted
    if not isinstance(value, Mapping) or not value:
        raise RulePackError(f"{where}: a value, or some of IN, NOT_IN, IN_LEXICON, NOT_IN_LEXICON")
    if len(value) > 1:
        # several operators, as the Matcher allows: all must hold
        tests = [_attr_test(key, {op: arg}, lexicons, where) for op, arg in value.items()]
        return lambda t, w: all(test(t, w) for test in tests)
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN"):
        values = frozenset(get_string_id(v) for v in arg)
        if op == "IN":
            return lambda t, w: ids(t) in values
        return lambda t, w: ids(t) not in values
    if op in ("IN_LEXICON", "NOT_IN_LEXICON"):
        if arg not in lexicons:
            raise RulePackError(f"{where}: no lexicon {arg!r}")
        words = lexicons[arg]
        get = _ATTRS[key]
        if op == "IN_LEXICON":
            return lambda t, w: get(t).lower() in words
        return lambda t, w: get(t).lower() not in words
    raise RulePackError(f"{where}: unknown operator {op!r}")


def _word_test(value: Any, lexicons: Mapping[str, frozenset[str]], where: str) -> Test:
    """``WORD``: the token's lemma or its lower-cased form is the value, one of ``IN`` or of a lexicon."""
    if isinstance(value, str):
        word = value.lower()
        return lambda t, w: t.lemma_.lower() == word or t.lower_ == word
    if isinstance(value, Mapping) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            words = frozenset(str(v).lower() for v in arg)
        elif op == "IN_LEXICON":
            if arg not in lexicons:
                raise RulePackError(f"{where}: no lexicon {arg!r}")
            words = lexicons[arg]
        else:
            words = None
        if words is not None:
            return lambda t, w: t.lemma_.lower() in words or t.lower_ in words
    raise RulePackError(f"{where}: a value, IN or IN_LEXICON (for the opposite, NOT)")


def _in_cue(token: Token, categories: frozenset[str]) -> bool:
    """RETURNS (bool): whether ``token`` lies in a cue of one of ``categories``."""
    cues = token.doc.spans.get(CUES_KEY, [])
    return any(cue.start <= token.i < cue.end and (cue_of(cue) or {}).get("category") in categories for cue in cues)


def related(token: Token, relation: str) -> list[Token]:
    """RETURNS (list[Token]): the tokens a share rule's step reaches: the
    token itself (``SELF``), its head (``HEAD``) or its children (``CHILDREN``)."""
    if relation == "SELF":
        return [token]
    if relation == "HEAD":
        return [token.head]
    return list(token.children)


def _relation_test(key: str, inner: Test) -> Test:
    if key == "HEAD":
        return lambda t, w: inner(t.head, w)
    if key == "HAS_CHILD":
        return lambda t, w: any(inner(c, w) for c in t.children)
    if key == "NO_CHILD":
        return lambda t, w: not any(inner(c, w) for c in t.children)
    if key == "HAS_DESCENDANT":
        return lambda t, w: any(inner(d, w) for d in t.subtree if d.i != t.i)
    if key == "NO_DESCENDANT":
        return lambda t, w: not any(inner(d, w) for d in t.subtree if d.i != t.i)
    if key == "ANCESTOR":
        return lambda t, w: any(inner(a, w) for a in t.ancestors)
    if key == "FRAME":
        return lambda t, w: w.frame is not None and inner(w.frame, w)
    if key == "PREV":
        return lambda t, w: t.i > 0 and inner(t.doc[t.i - 1], w)
    if key == "NEXT":
        return lambda t, w: t.i + 1 < len(t.doc) and inner(t.doc[t.i + 1], w)
    if key == "LEFT_EDGE":
        return lambda t, w: inner(t.left_edge, w)
    if key == "HAS_LEFT":
        return lambda t, w: any(inner(t.doc[k], w) for k in range(t.left_edge.i, t.i))
    if key == "RIGHT_EDGE":
        return lambda t, w: inner(t.right_edge, w)
    return lambda t, w: w.came_from is not None and inner(w.came_from, w)  # FROM


def _fact_test(key: str, value: bool) -> Test:
    if key == "IN_SPINE":
        return lambda t, w: (t.i in w.spine) == value
    if key == "IS_CUE_ROOT":
        return lambda t, w: (w.cue is not None and t.i == w.cue.root.i) == value
    if key == "IN_CLAIM":
        return lambda t, w: (w.claim is not None and w.claim.start <= t.i < w.claim.end) == value
    if key == "AS_LEMMA":
        return lambda t, w: (t.lower_ == t.lemma_.lower()) == value
    if key == "IS_ROOT":
        return lambda t, w: (t.head.i == t.i) == value
    if key == "BEFORE_FROM":
        return lambda t, w: (w.came_from is not None and t.i < w.came_from.i) == value
    if key == "LIKE_NUM":
        return lambda t, w: t.like_num == value
    if key == "SENT_START":
        return lambda t, w: (t.i == t.sent.start) == value
    if key == "FINITE":
        return lambda t, w: finite(t) == value
    if key == "IN_SUBJECT":
        return lambda t, w: in_subject(t) == value
    if key == "JUST_BEFORE_HEAD":
        return lambda t, w: (t.i + 1 == t.head.i) == value
    if key == "IS_PUNCT":
        return lambda t, w: t.is_punct == value
    if key == "IS_TITLE":
        return lambda t, w: t.is_title == value
    if key == "CAPITALISED":
        return lambda t, w: t.text[:1].isupper() == value
    if key == "DIGIT_FIRST":
        return lambda t, w: t.text[:1].isdigit() == value
    if key == "IS_BE":
        return lambda t, w: (copula_lemma(t) == BE) == value
    if key == "OPENS_HEAD":
        return lambda t, w: (t.head.left_edge.i == t.i) == value
    if key == "IN_DATE":
        return lambda t, w: any(d.start <= t.i < d.end for d in t.doc.spans.get(DATES_KEY, [])) == value
    if key == "SET_OFF_BY_COMMA":
        return lambda t, w: (t.left_edge.i > t.head.i and t.doc[t.left_edge.i - 1].text == ",") == value
    return lambda t, w: (t.i > t.head.i) == value  # AFTER_HEAD
