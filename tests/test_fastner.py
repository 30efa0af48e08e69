"""The entity recogniser decoded over arrays finds exactly the entities of spaCy's own loop."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc, Span

from claimx.fastner import ArrayEntityRecognizer, speed_up_ner
from claimx.read import read_corpus
from claimx.schemas import Article

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "corpus", ROOT / "benchmarks" / "goldset-2" / "articles"]
#: our own sentences: entities at the start, at the end, of one token, across line breaks, on whitespace
OWN = [
    "",
    " ",
    "\n\n",
    "Lisbon",
    "Maria Oliveira",
    "Maria Oliveira said .",
    "The Harbour Trust of Northern Lisbon will pay $4.5 million by March 2027, its chair Maria Oliveira said on Tuesday.",
    "  Greenfield Motors\n\n  said  on Friday that the Ohio plant, opened in 1998, closes in June.  ",
    "He met Angela Ruiz of Quantum Dynamics Inc. in Berlin. Then Berlin. Then Paris",
]


def _ents(doc: Doc) -> tuple[list[tuple[int, int, str]], list[list[int]]]:
    return [(e.start, e.end, e.label_) for e in doc.ents], doc.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID]).tolist()


@pytest.mark.issue(11)
def test_issue11_array_ner_finds_the_loops_entities(own_base):
    texts = [a.body for folder in FOLDERS for a in read_corpus(folder) if isinstance(a, Article)] + OWN
    names = own_base.pipe_names
    assert speed_up_ner(own_base)
    ner = own_base.get_pipe("ner")
    assert isinstance(ner, ArrayEntityRecognizer) and own_base.pipe_names == names
    docs = list(own_base.pipe(texts, disable=["ner"]))
    loop = [Doc(own_base.vocab).from_bytes(d.to_bytes()) for d in docs]
    fast = [Doc(own_base.vocab).from_bytes(d.to_bytes()) for d in docs]
    for start in range(0, len(loop), 12):  # spaCy's own decoding, in the batches its pipe makes
        by_length = sorted(loop[start : start + 12], key=len)
        for sub in range(0, len(by_length), 3):
            batch = by_length[sub : sub + 3]
            Parser.set_annotations(ner, batch, Parser.predict(ner, batch))
    list(ner.pipe(fast, batch_size=12))
    assert sum(len(d.ents) for d in loop) > 100
    for a, b in zip(loop, fast, strict=True):
        assert _ents(a) == _ents(b)


def test_array_ner_leaves_preset_entities_to_the_loop(own_base):
    speed_up_ner(own_base)
    ner = own_base.get_pipe("ner")
    text = "Maria Oliveira of Greenfield Motors flew to Lisbon on Friday."
    docs = []
    for _ in range(2):
        doc = own_base(text, disable=["ner"])
        doc.set_ents([Span(doc, 3, 5, label="PRODUCT")], default="unmodified")
        docs.append(doc)
    Parser.set_annotations(ner, docs[:1], Parser.predict(ner, docs[:1]))
    ner(docs[1])
    assert _ents(docs[0]) == _ents(docs[1])
    assert ("PRODUCT" in [e.label_ for e in docs[1].ents]) and numpy.all(docs[1].to_array([ENT_IOB]) > 0)


def test_array_ner_serialises_as_spacys(own_base):
    speed_up_ner(own_base)
    ner = own_base.get_pipe("ner")
    assert not speed_up_ner(own_base)  # already replaced
    assert type(ner).__mro__[1].__name__ == "EntityRecognizer"
    assert own_base.get_pipe_meta("ner").factory == "ner"
    assert ner.to_bytes()
