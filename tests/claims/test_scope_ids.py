"""The rule patterns' attribute tests compare ids (``token.dep``, ``token.lemma``...), not
strings made for each token: the same answers as the strings' on every token, words that
spell a symbol's name ("case", "prep", "det") and tokens without a lemma or entity included."""
from spacy.strings import get_string_id

from claimx.claims.scope import _ATTRS, _IDS, Walk, compile_pattern
from claimx.claims.segment import _gate

_TEXT = (
    "In the case of the det and prep rules, the Verb said NOUN had been approved. "
    "Ms. Lee, who runs Orbit Labs in Lima, told reporters on Friday: \u201cWe will not sell.\u201d"
)


def _tokens(nlp):
    return list(nlp(_TEXT))


def test_scope_ids_are_the_strings_ids(nlp):
    for token in _tokens(nlp):
        for key in _ATTRS:
            assert _IDS[key](token) == get_string_id(_ATTRS[key](token)), (token.text, key)


def test_scope_ids_patterns_answer_as_strings_do(nlp):
    tokens = _tokens(nlp)
    walk = Walk(set(), None, None)
    for key in _ATTRS:
        for value in sorted({_ATTRS[key](t) for t in tokens}):
            others = ["case", "prep", "VERB", value.upper(), ""]
            patterns = [
                ({key: value}, lambda s: s == value),
                ({key: {"IN": [value, *others]}}, lambda s: s in {value, *others}),
                ({key: {"NOT_IN": [value]}}, lambda s: s != value),
                ({key: {"NOT_IN": [value]}, "IS_PUNCT": False}, lambda s: s != value),
            ]
            for pattern, by_string in patterns:
                test = compile_pattern(pattern, {}, "test")
                for token in tokens:
                    expected = by_string(_ATTRS[key](token)) and (len(pattern) == 1 or not token.is_punct)
                    assert test(token, walk) == expected, (pattern, token.text)


def test_scope_ids_segment_gate_passes_what_the_values_allow(nlp):
    tokens = _tokens(nlp)
    get, allowed, attr = _gate([{"DEP": "nsubj"}, {"DEP": {"IN": ["prep", "case"]}, "POS": "ADP"}], {})
    assert attr == "dep"
    assert [t.i for t in tokens if get(t) in allowed] == [t.i for t in tokens if t.dep_ in ("nsubj", "prep", "case")]
    # a lexicon is matched lower-cased: its gate stays a string's
    get, allowed, attr = _gate([{"LEMMA": {"IN_LEXICON": "verbs"}}], {"verbs": frozenset({"say", "tell"})})
    assert attr == "lemma_.lower"
    assert [t.i for t in tokens if get(t) in allowed] == [t.i for t in tokens if t.lemma_.lower() in ("say", "tell")]


def test_scope_ids_segment_dependency_handed_over_as_id(nlp):
    """A caller that read ``token.dep`` hands it over: the same answer as the token's own."""
    words = nlp.get_pipe("claimx_segment").words
    doc = nlp("Whatever the outcome, the club is planning a summer rebuild, its owner said.")
    for role in words.roles:
        for token in doc:
            assert words.is_(role, token, token.dep) == words.is_(role, token), (role, token.text)
            assert words.match(role, token, dep=token.dep) == words.match(role, token), (role, token.text)
