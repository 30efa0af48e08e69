"""claimx.bench.tempeval on a TimeML fixture written for these tests, and on TE3 platinum when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimx.bench import tempeval

BENCH = Path(__file__).resolve().parents[3] / "shared" / "benchmarks"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>FIX_1</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2014-03-05">March 5, 2014</TIMEX3></DCT>
<TITLE>Acme cuts jobs</TITLE>
<TEXT>
Acme <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2014-03-04">Tuesday</TIMEX3> that it cut jobs in <TIMEX3 tid="t2" type="DATE" value="2013-12" mod="START">early December</TIMEX3>.
The plant opened in <TIMEX3 tid="t3" type="DATE" value="1999">1999</TIMEX3>.
It had run for <TIMEX3 tid="t4" type="DURATION" value="P3Y">three years</TIMEX3> and <TIMEX3 tid="t5" type="DATE" value="PRESENT_REF">now</TIMEX3> makes <TIMEX3 tid="t6" type="SET" value="P1W">weekly</TIMEX3> deliveries.
</TEXT>
</TimeML>
"""


def write_fixture(folder: Path) -> Path:
    (folder / "gold").mkdir(parents=True, exist_ok=True)
    (folder / "gold" / "FIX_1.tml").write_text(TML, encoding="utf8")
    return folder


def test_tempeval_read_document(tmp_path):
    doc = tempeval.read_corpus(write_fixture(tmp_path))[0]
    assert doc.doc_id == "FIX_1" and str(doc.published) == "2014-03-05"
    assert [(t.text, t.value, t.mod) for t in doc.timexes] == [
        ("Tuesday", "2014-03-04", None), ("early December", "2013-12", "START"), ("1999", "1999", None),
        ("three years", "P3Y", None), ("now", "PRESENT_REF", None), ("weekly", "P1W", None),
    ]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)
    assert "March 5" not in doc.text  # the DCT is not part of the scored text


def test_tempeval_run_fixture_figures(nlp, tmp_path):
    result = tempeval.run(nlp, write_fixture(tmp_path), progress=False)
    timex = result.figures["timex"]
    # claimx finds all six (doc.spans["timexes"]: the duration, "now" and the set
    # too) with the gold extents and values (Tuesday before a Wednesday DCT, past
    # tense: the day before)
    assert (timex["n_gold"], timex["n_pred"]) == (6, 6)
    assert timex["strict"]["f1"] == 1.0 and timex["relaxed"]["f1"] == 1.0
    assert timex["value_f1"] == 1.0
    assert timex["mod_accuracy"] == 1.0


def test_tempeval_real_counts():
    path = BENCH / "tempeval3-platinum"
    if not path.is_dir():
        pytest.skip(f"TempEval-3 platinum benchmark absent ({path})")
    docs = tempeval.read_corpus(path)
    assert len(docs) == 20
    timexes = [t for d in docs for t in d.timexes]
    assert len(timexes) == 138
    assert sum(1 for t in timexes if t.mod) == 10
    assert all(d.published is not None for d in docs)
