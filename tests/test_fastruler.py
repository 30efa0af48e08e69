"""The attribute ruler's table look-up finds exactly the matches of spaCy's own Matcher."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimx.fastruler import FastMatch
from claimx.read import read_corpus
from claimx.schemas import Article

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "corpus", ROOT / "benchmarks" / "goldset-2" / "articles"]


@pytest.mark.issue(11)
def test_issue11_fast_attribute_ruler_matches_are_spacys(nlp_base):
    ruler = nlp_base.get_pipe("attribute_ruler")
    fast = FastMatch(ruler)
    assert fast.table and not fast.has_rest  # every rule of the small model is handled by the table or by hand
    texts = [a.body for folder in FOLDERS for a in read_corpus(folder) if isinstance(a, Article)]
    texts.append("Y'all ain't gonna believe it: there's nothin' I'd say, let's go. C'mon!\n\n  \nIt is.")
    before = [name for name in nlp_base.pipe_names if name not in ("attribute_ruler", "lemmatizer", "ner")]
    with nlp_base.select_pipes(enable=before):
        docs = list(nlp_base.pipe(texts))
    for doc in docs:
        assert fast(doc) == ruler.match(doc)
    assert any(len(fast(doc)) and max(e - s for _, _, s, e in fast(doc)) == 2 for doc in docs)  # a two-token rule fired
    # each token's tests, from its attributes' masks, as each test of each attribute's string says
    strings = nlp_base.vocab.strings
    rows = {row[:3] for doc in docs for row in map(tuple, doc.to_array(["TAG", "LOWER", "DEP"]).tolist())}
    for tag, lower, dep in rows:
        values = {"TAG": strings[tag] if tag else "", "LOWER": strings[lower] if lower else "", "DEP": strings[dep] if dep else ""}
        expected = tuple(all(test(values[name]) for name, test in spec.items()) for spec in fast.specs)
        assert fast._spec_bits(strings, tag, lower, dep) == expected
    assert any(any(fast._spec_bits(strings, *row)) for row in rows)


def test_fast_attribute_ruler_gives_the_same_annotations(nlp_base):
    from claimx.fastruler import speed_up

    text = "Valve's new game isn't gonna ship in 2025, insiders said; there's no date.\n\nIt is what it is."
    expected = [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in nlp_base(text)]
    ruler = nlp_base.get_pipe("attribute_ruler")
    try:
        assert speed_up(nlp_base)
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in nlp_base(text)] == expected
    finally:
        del ruler.match  # the instance attribute goes; the class's match is back
        ruler.__dict__.pop("set_annotations", None)  # and so does the class's set_annotations


@pytest.mark.issue(11)
def test_issue11_fast_attribute_ruler_sets_spacys_annotations(nlp_base):
    """Matches' attributes set once per token, merged in rule order: every token ends as with spaCy's own."""
    from claimx.fastruler import FastAnnotate

    ruler = nlp_base.get_pipe("attribute_ruler")
    fast = FastAnnotate(ruler)
    assert fast.usable  # the small model's rules set only token fields
    texts = [a.body for folder in FOLDERS for a in read_corpus(folder) if isinstance(a, Article)]
    texts.append("Y'all ain't gonna believe it: there's nothin' I'd say, let's go. C'mon!\n\n  \nIt is.")
    before = [name for name in nlp_base.pipe_names if name not in ("attribute_ruler", "lemmatizer", "ner")]
    with nlp_base.select_pipes(enable=before):
        docs = list(nlp_base.pipe(texts))
    columns = lambda doc: [(t.pos, t.tag, t.morph.key, t.lemma, t.dep) for t in doc]  # noqa: E731
    for doc in docs:
        matches = ruler.match(doc)
        theirs, ours = doc.copy(), doc.copy()
        type(ruler).set_annotations(ruler, theirs, matches)
        fast(ours, matches)
        assert columns(ours) == columns(theirs)
