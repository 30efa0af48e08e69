"""claimx.bench.polnear on a brat fixture written for these tests, and on PolNeAR when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimx.bench import polnear

BENCH = Path(__file__).resolve().parents[3] / "shared" / "benchmarks"

TEXT = "The mayor said the bridge will close in May. Rain fell all day."
# Source "The mayor" 0-9, Cue "said" 10-14, Content "the bridge will close in May" 15-43
ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 43\tthe bridge will close in May\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    # a second attribution with a discontinuous source and no claim in its content
    "T5\tSource 45 49;54 58\tRain all\n"
    "T6\tCue 50 54\tfell\n"
    "T7\tContent 62 63\t.\n"
    "E2\tAttribution:T6 Content:T7 Cue:T6 Source:T5\n"
)


def write_fixture(folder: Path) -> Path:
    base = folder / "test"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir(parents=True)
    (base / "text" / "pub_2016-10-12_bridge.txt").write_text(TEXT, encoding="utf8")
    (base / "attributions" / "pub_2016-10-12_bridge_ab12.ann").write_text(ANN, encoding="utf8")
    (base / "attributions" / "pub_2016-10-12_bridge_zz99.ann").write_text("", encoding="utf8")
    return folder


def test_polnear_parse_ann():
    first, second = polnear.parse_ann(ANN)
    assert first.source == [(0, 9)] and first.cue == [(10, 14)] and first.content == [(15, 43)]
    assert second.source == [(45, 49), (54, 58)]


def test_polnear_read_split_first_annotator(tmp_path):
    (doc,) = polnear.read_split(write_fixture(tmp_path), "test")
    assert doc.doc_id == "pub_2016-10-12_bridge" and str(doc.published) == "2016-10-12"
    assert len(doc.attributions) == 2  # from _ab12, not the empty _zz99


def test_polnear_run_fixture_figures(nlp, tmp_path):
    result = polnear.run(nlp, write_fixture(tmp_path), progress=False)
    f = result.figures
    assert f["n_attributions"] == 2 and f["n_attributions_with_claim"] == 1
    # claimx: source "The mayor" (2 tokens), cue "said" (1 token)
    assert f["source_claims"]["tp"] == 2 and f["source_claims"]["f1"] == 1.0
    assert f["cue_claims"]["f1"] == 1.0
    # all attributions: the second source's 2 tokens ("Rain", "all") and cue are missed
    assert (f["source_all"]["tp"], f["source_all"]["fn"]) == (2, 2)
    assert f["source_all"]["recall"] == 0.5
    assert (f["cue_all"]["tp"], f["cue_all"]["fn"]) == (1, 1)


def test_polnear_real_test_split_reads():
    path = BENCH / "polnear"
    if not path.is_dir():
        pytest.skip(f"PolNeAR benchmark absent ({path})")
    docs = polnear.read_split(path, "test")
    assert len(docs) == 84
    assert sum(len(d.attributions) for d in docs) == 2044


PRONOUN_TEXT = "Jane Doe runs the city council. She has said the bridge will close in May."
# Source "She" 32-35, Cue "has said" 36-44, Content "the bridge will close in May" 45-73
PRONOUN_ANN = (
    "T1\tSource 32 35\tShe\n"
    "T2\tCue 36 44\thas said\n"
    "T3\tContent 45 73\tthe bridge will close in May\n"
    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
)


def test_polnear_pronoun_source_scored_at_its_mention(nlp, tmp_path):
    """claimx resolves "She" to "Jane Doe"; PolNeAR marks "She": the mention in
    the claim's sentence is scored, and the cue is the verb group "has said"."""
    base = tmp_path / "test"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir(parents=True)
    (base / "text" / "pub_2016-10-12_council.txt").write_text(PRONOUN_TEXT, encoding="utf8")
    (base / "attributions" / "pub_2016-10-12_council_ab12.ann").write_text(PRONOUN_ANN, encoding="utf8")
    f = polnear.run(nlp, tmp_path, progress=False).figures
    assert (f["source_claims"]["tp"], f["source_claims"]["fp"], f["source_claims"]["fn"]) == (1, 0, 0)
    assert (f["cue_claims"]["tp"], f["cue_claims"]["fp"], f["cue_claims"]["fn"]) == (2, 0, 0)


def test_polnear_quotation_pronoun_reporter_is_the_mention(nlp):
    """'"I think A," she said' after "Jane Doe …": claimx gives A to Jane Doe
    through the quotation's reporter; PolNeAR marks "she" and "said", not the
    claim's own "I think"."""
    text = 'Jane Doe spoke to the council on Monday. "I think the bridge will close in May," she said.'
    doc = nlp(text)
    claim = next(c for c in doc.spans["claims"] if "bridge" in c.text)
    info = claim._.claim
    assert text[info["attribution"]["start"] : info["attribution"]["end"]] == "Jane Doe"
    head = doc[info.get("head", claim.root.i)]
    ranges = polnear.mention_ranges(doc, head, info.get("frame"), info["attribution"])
    assert [text[a:b] for a, b in ranges] == ["she"]
    assert [doc[i].text for i in polnear.cue_tokens(doc, info.get("frame"), info["attribution"])] == ["said"]
