"""claimx.target.status_of: the status claimx gives a target span."""

from __future__ import annotations

import datetime as dt

import pytest

from claimx.target import TargetStatus, status_of

TEXT = (
    "Singapore Airlines will display the aircraft they intend to launch into service. "
    "Apple may release a possible phone, analysts said. "
    "The company did not confirm the report."
)


@pytest.fixture(scope="module")
def doc(nlp):
    d = nlp.make_doc(TEXT)
    d._.published = dt.date(2020, 1, 1)
    return nlp(d)


def _at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


@pytest.mark.parametrize(
    "word,status,source",
    [
        ("display", "confirmed", "claim"),  # the claim's own predicate: a plain "will" statement
        ("intend", "confirmed", "claim"),  # a stance word is itself a fact
        ("launch", "expected", "claim"),  # hedged by "intend" on the way to the claim's head
        ("release", "rumored", "claim"),  # "may"
        ("report", "confirmed", "claim"),  # a nominal event in the claim is presupposed
        ("said", "confirmed", "scope"),  # the reporter: "may" of the reported clause does not count
        ("confirm", "unconfirmed", "claim"),  # negated verb of telling
    ],
)
def test_target_status_of_table(doc, word, status, source):
    result = status_of(doc, *_at(word))
    assert isinstance(result, TargetStatus)
    assert (result.status, result.source) == (status, source)
    assert (result.claim is None) == (source == "scope")


def test_target_status_of_reports_cues_and_claim(doc):
    result = status_of(doc, *_at("release"))
    assert [c["text"] for c in result.cues] == ["may"]
    assert result.claim is not None
    assert TEXT[result.claim["start"] : result.claim["end"]].startswith("Apple may release")
    assert result.attribution is not None
    assert result.to_dict()["status"] == "rumored"


def test_target_status_of_noun_in_np_gets_its_own_hedge(doc):
    """"a *possible* phone": the adjective hedges the noun; the clause's "may" does not."""
    result = status_of(doc, *_at("phone"))
    assert result.status == "rumored"
    assert [c["text"] for c in result.cues] == ["possible"]


def test_target_status_of_needs_processed_doc(nlp):
    with pytest.raises(ValueError, match="claimx pipeline"):
        status_of(nlp.make_doc("Plain text."), 0, 5)


def test_target_status_of_empty_span_raises(doc):
    with pytest.raises(ValueError):
        status_of(doc, len(TEXT) + 5, len(TEXT) + 9)


def test_target_status_of_custom_tagger(nlp, doc):
    result = status_of(doc, *_at("release"), tagger=nlp.get_pipe("claimx_cues"))
    assert result.status == "rumored"
