"""claimx.bench.meantime on a CAT XML fixture written for these tests, and on the real corpus when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimx.bench import meantime

BENCH = Path(__file__).resolve().parents[3] / "shared" / "benchmarks"

SENTENCES = [
    "Acme may close Ohio plant",
    "March 5 , 2014",
    "Acme announced on Monday that it will cut 200 jobs .",
    "The company did not confirm the sale after three years of talks .",
    "",
    "",
    "Workers protested outside .",
]


def _tokens() -> tuple[str, dict[str, int]]:
    lines, ids, n = [], {}, 0
    for s, sentence in enumerate(SENTENCES):
        for word in sentence.split():
            n += 1
            ids.setdefault(word, n)
            lines.append(f'<token number="{n - 1}" sentence="{s}" t_id="{n}">{word}</token>')
    return "\n".join(lines), ids


def _event(m_id: int, t_ids: list[int], certainty: str | None, polarity: str | None) -> str:
    attrs = "" if certainty is None else f' certainty="{certainty}" polarity="{polarity}" time="NON_FUTURE"'
    anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in t_ids)
    return f'<EVENT_MENTION m_id="{m_id}"{attrs}>{anchors}</EVENT_MENTION>'


def write_fixture(folder: Path) -> Path:
    tokens, ids = _tokens()
    markables = [
        _event(1, [ids["close"]], "POSSIBLE", "POS"),  # -> rumored
        _event(2, [ids["announced"]], "CERTAIN", "POS"),  # -> confirmed
        _event(3, [ids["confirm"]], "CERTAIN", "NEG"),  # -> denied
        _event(4, [ids["sale"]], "UNDERSPECIFIED", "POS"),  # -> unconfirmed
        _event(5, [ids["jobs"]], None, None),  # cross-document stub: no attributes, not scored
        _event(6, [ids["protested"]], "CERTAIN", "POS"),  # sentence 6: outside the annotated part
        '<TIMEX3 functionInDocument="CREATION_TIME" m_id="7" type="DATE" value="2014-03-05">'
        + "".join(f'<token_anchor t_id="{ids[w]}"/>' for w in ("March", "5", ",", "2014"))
        + "</TIMEX3>",
        f'<TIMEX3 functionInDocument="NONE" m_id="8" type="DATE" value="2014-03-03"><token_anchor t_id="{ids["Monday"]}"/></TIMEX3>',
        '<TIMEX3 TAG_DESCRIPTOR="Empty_Mark" m_id="9" type="DATE" value="2015"/>',
        f'<TIMEX3 functionInDocument="NONE" m_id="10" type="DURATION" value="P3Y"><token_anchor t_id="{ids["three"]}"/>'
        f'<token_anchor t_id="{ids["years"]}"/></TIMEX3>',
    ]
    xml = (
        '<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Acme_fixture" lang="en">\n'
        f"{tokens}\n<Markables>\n" + "\n".join(markables) + "\n</Markables>\n<Relations></Relations>\n</Document>\n"
    )
    sub = folder / "corpus_fixture"
    sub.mkdir(parents=True, exist_ok=True)
    (sub / "1_Acme_fixture.xml").write_text(xml, encoding="utf8")
    return folder


@pytest.mark.parametrize(
    "certainty,polarity,status",
    [
        ("CERTAIN", "POS", "confirmed"), ("PROBABLE", "POS", "expected"), ("POSSIBLE", "POS", "rumored"),
        ("CERTAIN", "NEG", "denied"), ("POSSIBLE", "NEG", "denied"), ("UNDERSPECIFIED", "NEG", "denied"),
        ("UNDERSPECIFIED", "POS", "unconfirmed"), ("CERTAIN", "UNDERSPECIFIED", "unconfirmed"),
        ("UNDERSPECIFIED", "UNDERSPECIFIED", "unconfirmed"), ("", "", "unconfirmed"), (None, None, "unconfirmed"),
    ],
)
def test_meantime_gold_status_mapping(certainty, polarity, status):
    assert meantime.gold_status(certainty, polarity) == status


def test_meantime_read_document_restricts_and_offsets(tmp_path):
    doc = meantime.read_corpus(write_fixture(tmp_path))[0]
    assert doc.text.startswith("Acme may close Ohio plant\n\nMarch 5, 2014\n\nAcme announced on Monday")
    assert "Workers" not in doc.text
    assert [e.text for e in doc.events] == ["close", "announced", "confirm", "sale"]
    assert [t.text for t in doc.timexes] == ["March 5, 2014", "Monday", "three years"]
    assert str(doc.published) == "2014-03-05"


def test_meantime_run_fixture_figures(nlp, tmp_path):
    result = meantime.run(nlp, write_fixture(tmp_path), progress=False)
    status = result.figures["status"]
    # gold: rumored, confirmed, denied, unconfirmed
    # claimx: "may close" rumored; "announced" confirmed; "did not confirm" (a verb
    # of telling, negated: the confirming did not happen) denied; "the sale", a
    # nominal event inside that claim, is presupposed: confirmed
    assert status["n"] == 4
    assert status["confusion"]["rumored"]["rumored"] == 1
    assert status["confusion"]["confirmed"]["confirmed"] == 1
    assert status["confusion"]["denied"]["denied"] == 1
    assert status["confusion"]["unconfirmed"]["confirmed"] == 1
    assert status["accuracy"] == pytest.approx(0.75)
    # F1: rumored 1, confirmed 2/3 (tp 1, fp 1), denied 1, unconfirmed 0 (tp 0), expected 0
    assert status["macro_f1"] == pytest.approx(round((1 + 2 / 3 + 1) / 5, 4))
    # the title yields no claim, and "announced" is the reporting verb of the
    # claim "it will cut 200 jobs": both get their status from cue scope
    assert status["coverage"] == 0.5
    # always-confirmed: 1 of 4 right; confirmed P 1/4 R 1 F1 0.4, the rest 0
    base = result.figures["baseline_all_confirmed"]
    assert base["accuracy"] == 0.25 and base["macro_f1"] == pytest.approx(0.4 / 5)
    timex = result.figures["timex"]
    # doc.spans["timexes"]: the duration counts too
    assert timex["n_gold"] == 3
    assert timex["relaxed"]["tp"] == 3 and timex["strict"]["tp"] == 3
    assert timex["value_accuracy"] == 1.0


def test_meantime_real_corpus_counts():
    path = BENCH / "meantime"
    if not path.is_dir():
        pytest.skip(f"MEANTIME benchmark absent ({path})")
    docs = meantime.read_corpus(path)
    assert len(docs) == 120
    # sentences 0-5, mentions carrying factuality attributes; all 488 token-anchored TIMEX3
    assert sum(len(d.events) for d in docs) == 2092
    assert sum(len(d.timexes) for d in docs) == 488


def test_meantime_real_corpus_runs(nlp):
    path = BENCH / "meantime"
    if not path.is_dir():
        pytest.skip(f"MEANTIME benchmark absent ({path})")
    result = meantime.run(nlp, path, limit=3, progress=False)
    assert result.n_docs == 3 and result.figures["status"]["n"] > 0
