"""Tests for :mod:`claimx.evaluate`: gold loading, span matching and the figures.

Every expected figure below is worked out by hand in the comments, so a change
to the matching rule, the macro average, attribution coverage or date matching
shows up as a failing number.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimx.errors import GoldError
from claimx.evaluate import (
    GoldSet,
    evaluate,
    load_gold,
    match_claims,
    score,
    source_coverage,
    span_match,
)
from claimx.schemas import (
    Article,
    Attribution,
    ClaimRecord,
    Cue,
    DateMention,
    Extractor,
    Offsets,
    Subject,
)

DEVSET = Path(__file__).resolve().parent.parent.parent / "shared" / "devset"

EXTRACTOR = Extractor(version="0", rules_hash="test", model="none", model_version="0", fingerprint="test")

BODY_A = (
    "Sales rose in June last year. Acme confirmed the launch in March 2025. "
    "The phone may ship in June. Production has not begun. No date has been set. "
    "Insiders say a sequel is planned.\n"
)
BODY_B = "Jane Roe said the film opens on 12 May 2026. Fans expect a trailer soon. The studio expects record sales."


def gold_line(doc, evidence, status, attribution=None, dates=(), cues=(), **extra):
    rec = {
        "doc": doc,
        "evidence": evidence,
        "status": status,
        "subject": "Thing",
        "topic": "other",
        "attribution": attribution,
        "cues": list(cues),
        "dates": [{"text": t, "value": v, "mod": m} for t, v, m in dates],
    }
    rec.update(extra)
    return rec


GOLD_A = [
    gold_line("a", "confirmed the launch in March 2025", "confirmed", "Acme", [("March 2025", "2025-03", None)]),
    gold_line("a", "may ship in June", "rumored", None, [("June", "2025-06", None)], ["may"]),
    gold_line("a", "Production has not begun", "denied", cues=["not"]),
    gold_line("a", "No date has been set", "unconfirmed"),
    gold_line("a", "a sequel is planned", "rumored", "Insiders"),
]
GOLD_B = [
    gold_line("b", "the film opens on 12 May 2026", "confirmed", "Jane Roe", [("12 May 2026", "2026-05-12", None)]),
    gold_line("b", "Fans expect a trailer soon", "rumored", "Fans"),
    gold_line("b", "The studio expects record sales", "expected"),
]


def write_gold(root: Path, docs: dict[str, tuple[str, str, list]]) -> Path:
    """Write a gold dir: doc id -> (front matter text, body, gold lines as dicts or raw str)."""
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    for doc_id, (front, body, lines) in docs.items():
        (root / "articles" / f"{doc_id}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        text = "".join((ln if isinstance(ln, str) else json.dumps(ln)) + "\n" for ln in lines)
        (root / "gold" / f"{doc_id}.jsonl").write_text(text, encoding="utf-8")
    return root


def small_gold(tmp_path: Path) -> Path:
    return write_gold(
        tmp_path / "gold_set",
        {
            "a": ('title: "Acme news"\npublished: 2025-01-10\n', BODY_A, GOLD_A),
            "b": ("title: Film news\npublished: 2025-02-01\nurl: https://news.example/b\n", BODY_B, GOLD_B),
        },
    )


def pred(doc, body, text, status, *, occurrence=0, attribution=None, dates=(), cues=(), claim_id=None, topic="other"):
    """A ClaimRecord over the ``occurrence``-th ``text`` in ``body``; dates are (text, value, mod, occ)."""
    start = _find(body, text, occurrence)
    att = None
    if attribution is not None:
        a_start = body.find(attribution)
        att = Attribution(text=attribution, start=max(a_start, 0), end=max(a_start, 0) + len(attribution), kind="named")
    date_records = []
    for d_text, value, mod, d_occ in dates:
        d_start = _find(body, d_text, d_occ)
        date_records.append(DateMention(text=d_text, start=d_start, end=d_start + len(d_text), value=value, mod=mod))
    cue_records = []
    for c in cues:
        c_start = body.find(c, start)
        cue_records.append(Cue(text=c, start=c_start, end=c_start + len(c), status=status))
    return ClaimRecord(
        claim_id=claim_id or f"{doc}:{start}:{start + len(text)}",
        doc_id=doc,
        text=text,
        span=Offsets(start=start, end=start + len(text)),
        sentence=Offsets(start=start, end=start + len(text)),
        status=status,
        cues=cue_records,
        attribution=att,
        subject=Subject(name="Thing"),
        topic=topic,
        key="k",
        dates=date_records,
        extractor=EXTRACTOR,
    )


def _find(body: str, text: str, occurrence: int) -> int:
    pos = -1
    for _ in range(occurrence + 1):
        pos = body.find(text, pos + 1)
        assert pos != -1, f"{text!r} not in body"
    return pos


def small_predictions() -> dict[str, list[ClaimRecord]]:
    a, b = BODY_A, BODY_B
    return {
        "a": [
            # g1: longer span around the gold one; right status, source and date.
            pred("a", a, "Acme confirmed the launch in March 2025", "confirmed", attribution="Acme",
                 dates=[("March 2025", "2025-03", None, 0)]),
            # g2: exact span, wrong status, source where gold has none, date with a wrong mod.
            pred("a", a, "may ship in June", "expected", attribution="The phone",
                 dates=[("June", "2025-06", "APPROX", 1)]),
            # spurious: inside g3 but under a quarter of it (3 * 4 < 24).
            pred("a", a, "not", "denied"),
            # g4: exact, right.
            pred("a", a, "No date has been set", "unconfirmed"),
            # g5: wrong status, a source sharing no word with "Insiders".
            pred("a", a, "a sequel is planned", "expected", attribution="Sources close to the project"),
            # spurious: carries the right June value/mod, but on the *other* "June".
            pred("a", a, "Sales rose in June", "confirmed", dates=[("June", "2025-06", None, 0)]),
        ],
        "b": [
            # g6: source "Roe" covers 1 of 2 gold words (exactly half: right); no date here.
            pred("b", b, "said the film opens on 12 May 2026", "confirmed", attribution="Roe"),
            # spurious (g6 is taken by the larger overlap), but its date hits g6's date.
            pred("b", b, "12 May 2026", "confirmed", dates=[("12 May 2026", "2026-05-12", None, 0)]),
            # g8: wrong status.
            pred("b", b, "The studio expects record sales", "confirmed"),
        ],
    }


# ----------------------------------------------------------------- matching


@pytest.mark.parametrize(
    "gold,predicted,expected",
    [
        ((0, 20), (0, 10), 10),  # half of the longer, all of the shorter
        ((0, 100), (0, 25), 25),  # exactly a quarter of the longer
        ((0, 100), (0, 24), 0),  # under a quarter of the longer: a clause inside a sentence
        ((0, 10), (4, 20), 6),  # 6 >= 10/2 and 6 >= 16/4
        ((0, 10), (6, 20), 0),  # 4 < half of the shorter (10)
        ((0, 10), (5, 10), 5),  # exactly half of the shorter... and all of the predicted
        ((0, 10), (10, 20), 0),  # touching spans do not overlap
        ((0, 10), (3, 3), 0),  # empty prediction
    ],
)
def test_evaluate_span_match_rule(gold, predicted, expected):
    assert span_match(gold, predicted) == expected
    assert span_match(predicted, gold) == expected


def test_evaluate_match_is_greedy_by_overlap_not_by_order():
    # P0 overlaps A by 10 and B by 20; P1 overlaps only A (by 9). Taking pairs in
    # gold order would give A-P0 and leave B unmatched; largest overlap first gives two.
    gold = [(0, 10), (8, 30)]
    preds = [(0, 28), (0, 9)]
    assert match_claims(gold, preds) == [(0, 1), (1, 0)]


def test_evaluate_match_is_one_to_one():
    # One prediction that could match both gold spans matches only one of them.
    assert match_claims([(0, 10), (0, 12)], [(0, 11)]) == [(1, 0)]
    assert match_claims([(0, 11)], [(0, 10), (0, 12)]) == [(0, 1)]


def test_evaluate_match_tie_goes_to_tighter_pair():
    # Both gold spans overlap the prediction by 10; the one with the smaller union
    # wins even though it comes second in the file.
    assert match_claims([(0, 20), (0, 10)], [(0, 10)]) == [(1, 0)]


@pytest.mark.parametrize(
    "gold_source,pred_source,coverage",
    [
        ("Jane Roe", "Roe", 0.5),
        ("Jane Roe", "director jane roe", 1.0),
        ("Producer Jon Landau and director Robert Rodriguez", "Jon Landau", 2 / 7),
        ("one fan on Reddit", "a fan on Reddit", 0.75),
        ("Insiders", "Sources close to the project", 0.0),
    ],
)
def test_evaluate_source_coverage(gold_source, pred_source, coverage):
    assert source_coverage(gold_source, pred_source) == pytest.approx(coverage)


# ----------------------------------------------------------------- figures


def test_evaluate_score_hand_computed(tmp_path):
    gold = load_gold(small_gold(tmp_path))
    result = score(gold, small_predictions())
    # 8 gold, 9 predicted; matched g1, g2, g4, g5 (a) and g6, g8 (b).
    assert (result.n_docs, result.n_gold, result.n_pred, result.n_matched) == (2, 8, 9, 6)
    assert result.claims.precision == pytest.approx(6 / 9)
    assert result.claims.recall == pytest.approx(6 / 8)
    assert result.claims.f1 == pytest.approx(12 / 17)
    # Pairs (gold -> pred): conf->conf x2, rum->exp x2, unc->unc, exp->conf.
    assert result.status_accuracy == pytest.approx(3 / 6)
    by_status = {s.status: s for s in result.per_status}
    assert by_status["confirmed"].precision == pytest.approx(2 / 3)
    assert by_status["confirmed"].recall == pytest.approx(1.0)
    assert by_status["confirmed"].f1 == pytest.approx(0.8)
    assert (by_status["confirmed"].support, by_status["confirmed"].predicted) == (2, 3)
    assert by_status["expected"].f1 == 0.0
    assert (by_status["rumored"].precision, by_status["rumored"].recall, by_status["rumored"].f1) == (None, 0.0, 0.0)
    assert by_status["unconfirmed"].f1 == pytest.approx(1.0)
    # denied is in gold (g3) and predicted ("not") but in no matched pair: left out.
    assert by_status["denied"].f1 is None and by_status["denied"].support == 0
    assert result.status_macro_f1 == pytest.approx((0.8 + 0 + 0 + 1) / 4)
    assert result.confusion["rumored"]["expected"] == 2
    assert result.confusion["expected"]["confirmed"] == 1
    assert result.confusion["confirmed"]["confirmed"] == 2
    assert sum(sum(row.values()) for row in result.confusion.values()) == 6
    # Right status: g1, g4, g6 -> P 3/9, R 3/8.
    assert result.claim_status.tp == 3
    assert result.claim_status.precision == pytest.approx(3 / 9)
    assert result.claim_status.recall == pytest.approx(3 / 8)
    assert result.claim_status.f1 == pytest.approx(6 / 17)
    # Attribution: g1 TP (Acme), g2 FP (only predicted), g5 FP+FN (no shared word),
    # g6 TP (half the words); the unmatched g7 ("Fans") does not count.
    assert (result.attribution.tp, result.attribution.fp, result.attribution.fn) == (2, 2, 1)
    assert result.attribution.precision == pytest.approx(0.5)
    assert result.attribution.recall == pytest.approx(2 / 3)
    assert result.attribution.f1 == pytest.approx(4 / 7)
    # Dates: March 2025 hit (matched claim), June missed (mod APPROX; the right
    # value/mod on the other "June" does not overlap), 12 May 2026 hit through the
    # spurious prediction.
    assert (result.dates.gold, result.dates.found) == (3, 2)
    assert result.dates.accuracy == pytest.approx(2 / 3)


def test_evaluate_score_per_doc_and_error_lists(tmp_path):
    result = score(load_gold(small_gold(tmp_path)), small_predictions())
    docs = {d.doc_id: d for d in result.per_doc}
    assert (docs["a"].gold, docs["a"].pred, docs["a"].matched) == (5, 6, 4)
    assert docs["a"].claim_f1 == pytest.approx(8 / 11)
    assert docs["a"].status_accuracy == pytest.approx(0.5)
    assert docs["a"].claim_status_f1 == pytest.approx(4 / 11)
    assert (docs["b"].gold, docs["b"].pred, docs["b"].matched) == (3, 3, 2)
    assert docs["b"].claim_f1 == pytest.approx(2 / 3)
    assert docs["b"].status_accuracy == pytest.approx(0.5)
    assert docs["b"].claim_status_f1 == pytest.approx(1 / 3)
    assert {(m.doc_id, m.text, m.status) for m in result.missed} == {
        ("a", "Production has not begun", "denied"),
        ("b", "Fans expect a trailer soon", "rumored"),
    }
    assert {(s.doc_id, s.text, s.status) for s in result.spurious} == {
        ("a", "not", "denied"),
        ("a", "Sales rose in June", "confirmed"),
        ("b", "12 May 2026", "confirmed"),
    }
    # a miss or a spurious claim that overlaps the other side is a boundary error
    assert {m.text: m.category for m in result.missed} == {
        "Production has not begun": "boundaries",
        "Fans expect a trailer soon": "not found",
    }
    assert {s.text: s.category for s in result.spurious}["Sales rose in June"] == "no gold claim there"
    assert {s.text: s.category for s in result.spurious}["not"] == "boundaries"
    assert sorted(a.category for a in result.attribution_errors) == ["source added", "wrong source"]
    assert {(m.gold_text, m.gold_status, m.pred_text, m.pred_status) for m in result.misclassified} == {
        ("may ship in June", "rumored", "may ship in June", "expected"),
        ("a sequel is planned", "rumored", "a sequel is planned", "expected"),
        ("The studio expects record sales", "expected", "The studio expects record sales", "confirmed"),
    }
    json.dumps(result.to_dict())


def test_evaluate_score_topic_over_matched_pairs(tmp_path):
    """Topic is scored on matched pairs only: a spurious claim's topic does not count."""
    predictions = small_predictions()
    a, b = BODY_A, BODY_B
    predictions["a"][3] = pred("a", a, "No date has been set", "unconfirmed", topic="release")  # matched (g4)
    predictions["a"][5] = pred("a", a, "Sales rose in June", "confirmed", topic="business")  # spurious
    predictions["b"][2] = pred("b", b, "The studio expects record sales", "confirmed", topic="business")  # g8
    gold = load_gold(small_gold(tmp_path))
    result = score(gold, predictions)
    assert result.topic_accuracy == pytest.approx(4 / 6)
    assert sorted(t.category for t in result.topic_errors) == ["other read as business", "other read as release"]
    assert score(gold, small_predictions()).topic_accuracy == 1.0


def test_evaluate_score_independent_of_prediction_order(tmp_path):
    gold = load_gold(small_gold(tmp_path))
    forward = score(gold, small_predictions())
    backward = score(gold, {doc: list(reversed(p)) for doc, p in small_predictions().items()})
    assert forward.to_dict() == backward.to_dict()


def test_evaluate_score_no_predictions(tmp_path):
    result = score(load_gold(small_gold(tmp_path)), {"zzz": []})
    assert result.claims.f1 == 0.0 and result.claims.recall == 0.0
    assert result.claims.precision is None
    assert result.status_accuracy is None and result.status_macro_f1 is None
    assert result.dates.accuracy == 0.0
    assert len(result.missed) == 8
    assert result.unknown_docs == ["zzz"]


def gold_as_predictions(gold: GoldSet) -> dict[str, list[ClaimRecord]]:
    out: dict[str, list[ClaimRecord]] = {}
    for doc in gold.docs:
        records = []
        for i, c in enumerate(doc.claims):
            att = None
            if c.attribution is not None:
                a_start = doc.body.find(c.attribution)
                att = Attribution(text=c.attribution, start=a_start, end=a_start + len(c.attribution), kind="named")
            records.append(
                ClaimRecord(
                    claim_id=f"{doc.doc_id}:{i}",
                    doc_id=doc.doc_id,
                    text=c.evidence,
                    span=Offsets(start=c.start, end=c.end),
                    sentence=Offsets(start=c.start, end=c.end),
                    status=c.status,
                    attribution=att,
                    subject=Subject(name=c.subject),
                    topic=c.topic,
                    key="k",
                    dates=[
                        DateMention(text=d.text, start=d.start, end=d.end, value=d.value, mod=d.mod)
                        for d in c.dates
                    ],
                    extractor=EXTRACTOR,
                )
            )
        out[doc.doc_id] = records
    return out


def _assert_perfect(result):
    assert result.n_matched == result.n_gold == result.n_pred
    for prf in (result.claims, result.claim_status, result.attribution):
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
    assert result.status_accuracy == 1.0
    assert result.status_macro_f1 == 1.0
    assert result.dates.accuracy == 1.0
    assert not (result.missed or result.spurious or result.misclassified)
    assert all(d.claim_f1 == 1.0 for d in result.per_doc if d.gold)


def test_evaluate_perfect_predictions_small(tmp_path):
    gold = load_gold(small_gold(tmp_path))
    _assert_perfect(score(gold, gold_as_predictions(gold)))


@pytest.mark.skipif(not DEVSET.is_dir(), reason=f"dev set not found at {DEVSET}")
def test_evaluate_load_gold_devset():
    gold = load_gold(DEVSET)
    assert len(gold.docs) == 19
    assert gold.n_claims == 577
    for doc in gold.docs:
        for c in doc.claims:
            assert doc.body[c.start : c.end] == c.evidence
            for d in c.dates:
                assert doc.body[d.start : d.end] == d.text
    result = score(gold, gold_as_predictions(gold))
    _assert_perfect(result)
    assert sum(s.support for s in result.per_status) == 577


# ----------------------------------------------------------------- loading


def test_evaluate_load_gold_front_matter_and_spans(tmp_path):
    gold = load_gold(small_gold(tmp_path))
    a, b = gold.docs
    assert (a.doc_id, a.title, str(a.published)) == ("a", "Acme news", "2025-01-10")
    assert b.url == "https://news.example/b"
    assert a.body == BODY_A
    g2 = a.claims[1]
    assert (g2.line, a.body[g2.start : g2.end]) == (2, "may ship in June")
    # The date is found inside its evidence, not at the earlier "June" of the body.
    june = g2.dates[0]
    assert june.start == BODY_A.find("June", BODY_A.find("may ship")) != BODY_A.find("June")


def test_evaluate_load_gold_occurrence_and_date_outside_evidence(tmp_path):
    body = "In 2024 it may return. Later, in 2025 it may return.\n"
    lines = [
        gold_line("x", "it may return", "rumored", dates=[("2024", "2024", None)]),
        gold_line("x", "it may return", "rumored", dates=[("2025", "2025", None)], occurrence=1),
    ]
    lines[0]["occurrence"] = 0
    gold = load_gold(write_gold(tmp_path / "g", {"x": ("title: X\n", body, lines)}))
    first, second = gold.docs[0].claims
    assert first.start == body.find("it may return")
    assert second.start == body.rfind("it may return")
    # Neither date is inside its evidence: each anchors at the nearest occurrence before it.
    assert first.dates[0].start == body.find("2024")
    assert second.dates[0].start == body.find("2025")


def test_evaluate_evaluate_passes_gold_articles(tmp_path):
    seen: list[Article] = []

    def extract(articles: list[Article]) -> dict[str, list[ClaimRecord]]:
        seen.extend(articles)
        return small_predictions()

    result = evaluate(small_gold(tmp_path), extract)
    assert [a.doc_id for a in seen] == ["a", "b"]
    assert seen[0].body == BODY_A and seen[0].title == "Acme news" and str(seen[0].published) == "2025-01-10"
    assert result.n_matched == 6


def test_evaluate_evaluate_fails_before_extracting(tmp_path):
    def extract(articles):
        raise AssertionError("extract must not run on a broken gold set")

    with pytest.raises(GoldError):
        evaluate(tmp_path / "missing", extract)


GOOD = gold_line("x", "may return", "rumored")


@pytest.mark.parametrize(
    "line,message",
    [
        ("{not json", "x.jsonl:2: not JSON"),
        ("[1, 2]", "x.jsonl:2: a gold line must be a JSON object"),
        (gold_line("x", "will never appear", "rumored"), "x.jsonl:2: evidence 'will never appear' is not in"),
        (gold_line("x", "it", "rumored"), "occurs 2 times"),
        (gold_line("x", "it", "rumored", occurrence=2), "occurrence 2 is out of range"),
        (gold_line("x", "may return", "maybe"), "x.jsonl:2: malformed gold claim (status"),
        ({"doc": "x", "evidence": "may return", "status": "rumored"}, "x.jsonl:2: malformed gold claim (subject"),
        (gold_line("y", "may return", "rumored"), "doc 'y' is not the file's id 'x'"),
        (gold_line("x", "may return", "rumored", dates=[("2031", "2031", None)]), "date text '2031' is not in"),
        (gold_line("x", "may return", "rumored", dates=[("it", "2031", "SOON")]), "dates.0.mod"),
    ],
)
def test_evaluate_load_gold_errors(tmp_path, line, message):
    root = write_gold(tmp_path / "g", {"x": ("title: X\n", "It may return, it says, and it will.\n", [GOOD, line])})
    with pytest.raises(GoldError) as info:
        load_gold(root)
    assert message in str(info.value)


def test_evaluate_load_gold_folder_errors(tmp_path):
    with pytest.raises(GoldError, match="does not exist"):
        load_gold(tmp_path / "nowhere")
    (tmp_path / "half" / "articles").mkdir(parents=True)
    with pytest.raises(GoldError, match="no gold/ folder"):
        load_gold(tmp_path / "half")
    root = write_gold(tmp_path / "g", {"x": ("title: X\n", "It may return.\n", [GOOD])})
    (root / "gold" / "y.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(GoldError, match="y.jsonl has no article"):
        load_gold(root)
    (root / "gold" / "y.jsonl").unlink()
    (root / "articles" / "z.md").write_text("---\ntitle: Z\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(GoldError, match="z.md has no gold file"):
        load_gold(root)
    (root / "articles" / "z.md").write_text("---\npublished: last week\n---\nBody.\n", encoding="utf-8")
    (root / "gold" / "z.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(GoldError, match="is not a date"):
        load_gold(root)


def test_error_categories_name_boundaries_and_sources():
    from claimx.evaluate import AttributionError, MisclassifiedClaim

    assert AttributionError(doc_id="d", line=1, claim_id="c", gold_text="t", gold_source="Ann", pred_source=None).category == "source missed"
    assert AttributionError(doc_id="d", line=1, claim_id="c", gold_text="t", gold_source=None, pred_source="Bo").category == "source added"
    assert AttributionError(doc_id="d", line=1, claim_id="c", gold_text="t", gold_source="Ann", pred_source="Bo").category == "wrong source"
    wrong = MisclassifiedClaim(
        doc_id="d", line=1, claim_id="c", gold_text="t", gold_status="rumored", gold_cues=[],
        pred_text="t", pred_status="confirmed", pred_cues=[],
    )
    assert wrong.category == "rumored read as confirmed, no cue"
