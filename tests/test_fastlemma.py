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
