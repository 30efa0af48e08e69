"""The lemmatizer's array walk gives exactly spaCy's own lemmas."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from spacy.tokens import Doc

from claimx.fastlemma import ArrayLemmatizer, speed_up_lemmatizer
from claimx.read import read_corpus
from claimx.schemas import Article

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "corpus", ROOT / "benchmarks" / "goldset-2" / "articles"]
OWN = [
    "",
    "\n\n  ",
    "The ministers were meeting; she'd been told they're leaving, and it's done.",
    "Shares fell 3% as analysts said the better-than-expected results weren't enough. Running, ran, runs.",
]


@pytest.mark.issue(11)
def test_issue11_array_lemmatizer_gives_spacys_lemmas(own_base):
    texts = [a.body for folder in FOLDERS for a in read_corpus(folder) if isinstance(a, Article)] + OWN
    lemmatizer = own_base.get_pipe("lemmatizer")
    spacys = type(lemmatizer)
    docs = list(own_base.pipe(texts, disable=["lemmatizer", "ner"]))
    expected = []
    for doc in docs:
        copy = Doc(own_base.vocab).from_bytes(doc.to_bytes())
        expected.append([t.lemma_ for t in lemmatizer(copy)])
    assert speed_up_lemmatizer(own_base)
    assert isinstance(lemmatizer, ArrayLemmatizer) and isinstance(lemmatizer, spacys)
    assert own_base.get_pipe("lemmatizer") is lemmatizer and not speed_up_lemmatizer(own_base)
    for _ in range(2):  # the second time from the memo
        for doc, lemmas in zip(docs, expected, strict=True):
            copy = Doc(own_base.vocab).from_bytes(doc.to_bytes())
            assert [t.lemma_ for t in lemmatizer(copy)] == lemmas
    assert pickle.loads(pickle.dumps(type(lemmatizer))) is type(lemmatizer)  # a class of the module, not made on the fly


@pytest.mark.issue(11)
def test_issue11_index_sets_give_the_rule_lemmatizers_answers():
    """The word index's lists with their sets (``IndexList``): each first look-up (spaCy's cache
    and the memo emptied) gives the lemmas of spaCy's own lists, and the tables serialise as before."""
    from claimx.fastlemma import IndexList

    from conftest import load_base_model

    own_base = load_base_model()  # its lemmatizer as spaCy made it

    texts = [a.body for folder in FOLDERS for a in read_corpus(folder) if isinstance(a, Article)] + OWN
    lemmatizer = own_base.get_pipe("lemmatizer")
    docs = list(own_base.pipe(texts, disable=["lemmatizer", "ner"]))
    before = lemmatizer.lookups.to_bytes()
    lemmatizer.cache.clear()
    expected = [[t.lemma_ for t in lemmatizer(Doc(own_base.vocab).from_bytes(doc.to_bytes()))] for doc in docs]
    assert speed_up_lemmatizer(own_base)
    table = lemmatizer.lookups.get_table("lemma_index")
    assert table and all(isinstance(words, IndexList) for words in table.values())
    assert lemmatizer.lookups.to_bytes() == before
    words = next(iter(table.values()))
    assert words == list(words) and words[0] in words and "no such word at all" not in words and ["a"] not in words
    assert pickle.loads(pickle.dumps(words)) == words and type(pickle.loads(pickle.dumps(words))) is IndexList
    lemmatizer.cache.clear()
    lemmatizer.__dict__.pop("_lemma_memo", None)
    for doc, lemmas in zip(docs, expected, strict=True):
        assert [t.lemma_ for t in lemmatizer(Doc(own_base.vocab).from_bytes(doc.to_bytes()))] == lemmas
