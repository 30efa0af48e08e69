"""Token patterns tried only where they can start find the matches of spaCy's own Matcher."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from claimx.fastmatch import AnchoredMatcher

#: patterns of every operator and test the anchored matcher reads, on words of the texts below
PATTERNS = [
    ("plain", [{"LOWER": "the"}, {"POS": "NOUN"}]),
    ("optional-first", [{"LEMMA": {"IN": ["have", "be"]}, "OP": "?"}, {"LOWER": "yet"}, {"LOWER": "to"}]),
    ("star", [{"LOWER": "is"}, {"POS": "ADV", "OP": "*"}, {"LOWER": {"IN": ["likely", "unlikely"]}}]),
    ("plus-end", [{"LEMMA": "cite"}, {"POS": {"IN": ["NOUN", "PROPN", "ADJ"]}, "OP": "+"}]),
    ("range", [{"LOWER": "than"}, {"IS_PUNCT": False, "OP": "{0,3}"}, {"LEMMA": "expect"}]),
    ("range-fixed", [{"LOWER": "a"}, {"IS_PUNCT": False, "OP": "{2}"}]),
    ("not-in", [{"LOWER": "not"}, {"LOWER": {"NOT_IN": ["yet", "only"]}, "TAG": {"IN": ["VB", "VBN", "JJ"]}}]),
    ("dep", [{"DEP": "nsubj", "LOWER": {"IN": ["officials", "she", "it"]}}, {"LEMMA": "say"}]),
    ("star-last", [{"LOWER": "very"}, {"LOWER": "very", "OP": "*"}]),
    ("same-span", [{"LOWER": "the"}, {"TAG": "NN"}]),
    ("optional-pos", [{"POS": "ADV", "OP": "?"}, {"IS_PUNCT": True}]),
    ("everywhere", [{"LOWER": {"NOT_IN": ["a", "the"]}}, {"IS_PUNCT": True}]),
    ("wildcard", [{"LOWER": "said"}, {}, {"OP": "?"}]),
]

TEXTS = [
    "The company has yet to say whether the plant is very likely to close, officials said.",
    "Growth was faster than analysts had widely expected, and it is not clear why; she cited rising exports.",
    "Sales are yet to recover. It is still quite unlikely, a spokesman said: the deal is not done.",
    "Very very very late, the board cited Global Freight Partners as a reason. Not yet.",
    "",
    "Said.",
]


@pytest.mark.issue(11)
def test_issue11_anchored_matcher_finds_spacys_matches(nlp):
    spacy_matcher = Matcher(nlp.vocab)
    for key, pattern in PATTERNS:
        spacy_matcher.add(key, [pattern])
    anchored = AnchoredMatcher.compile(PATTERNS, nlp.vocab)
    assert anchored is not None and anchored.everywhere  # a pattern of no word: tried at every token
    shared = 0
    keys = set()
    for doc in nlp.pipe(TEXTS):
        expected = spacy_matcher(doc)
        in_order = sorted(set(expected), key=lambda m: (m[1], m[2], m[0]))
        assert anchored.matches(doc) == in_order
        keys.update(nlp.vocab.strings[key] for key, _, _ in expected)
        spans = [(start, end) for _, start, end in set(expected)]
        if len(set(spans)) < len(spans):
            assert anchored(doc) is None  # two keys on one span: spaCy's order decides, the caller asks spaCy
            shared += 1
        else:
            assert anchored(doc) == in_order
    assert shared and shared < len(TEXTS)  # "the" + a singular noun matches both "plain" and "same-span"
    assert keys == {key for key, _ in PATTERNS}  # every pattern matched somewhere


def test_anchored_matcher_reads_only_what_it_knows(nlp):
    assert AnchoredMatcher.compile([("x", [{"LOWER": {"REGEX": "^a"}}])], nlp.vocab) is None
    assert AnchoredMatcher.compile([("x", [{"LOWER": "a", "OP": "!"}])], nlp.vocab) is None
    assert AnchoredMatcher.compile([("x", [{"LOWER": "a", "OP": "?"}])], nlp.vocab) is None  # may match no token
    assert AnchoredMatcher.compile([("x", [{"SHAPE": "Xxxx"}])], nlp.vocab) is None
