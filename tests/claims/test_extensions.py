"""claimx.claims.extensions: a claim's analysis and a cue's reading, read and set where spaCy keeps them."""

from __future__ import annotations

from claimx.claims.extensions import CLAIMS_KEY, CUES_KEY, claim_of, cue_of, set_claim, set_cue


def test_claim_of_reads_what_span_underscore_reads(nlp):
    doc = nlp("The council approved the budget on Tuesday, officials said. The mayor may resign soon.")
    claims = list(doc.spans[CLAIMS_KEY])
    cues = list(doc.spans[CUES_KEY])
    assert claims and cues
    for claim in claims:
        assert claim_of(claim) is claim._.claim
    for cue in cues:
        assert cue_of(cue) is cue._.cue
    # a span of the same words as another span group's (by character offsets) reads the same
    again = doc.char_span(claims[0].start_char, claims[0].end_char)
    assert claim_of(again) is claims[0]._.claim


def test_set_claim_is_what_span_underscore_reads(nlp):
    doc = nlp.make_doc("Ships will dock at the new pier from May.")
    span = doc[0:4]
    assert claim_of(span) is None and span._.claim is None  # the extension's default
    info = {"head": 2, "frame": None}
    set_claim(span, info)
    assert span._.claim is info and span._.claim_head == 2
    set_cue(span, {"status": "expected", "category": "plan", "id": "x"})
    assert span._.cue == {"status": "expected", "category": "plan", "id": "x"}
    assert claim_of(doc[0:3]) is None  # another span, other offsets
