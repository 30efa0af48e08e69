"""Tests for :mod:`claimx.review` and ``claimx review``: loading, filters, paging, --json.

The outputs folder is built by hand in ``tmp_path`` (no spaCy needed).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimx.cli.review  # noqa: F401  (registers the command)
from claimx.cli._app import app
from claimx.cli.review import claim_text
from claimx.errors import ClaimxError
from claimx.review import (
    ClaimFilter,
    filter_claims,
    group_by_subject,
    load_outputs,
    paginate,
    parse_since,
    parse_statuses,
)
from claimx.schemas import Attribution, ClaimRecord, Cue, DocumentRecord, Extractor, Offsets, Subject

EXTRACTOR = Extractor(version="0", rules_hash="test", model="none", model_version="0", fingerprint="test")

BODIES = {
    "a": "Studio says the sequel is reportedly in talks. The film opens in 2026.",
    "b": "Insiders claim the studio denied the merger. The sequel was confirmed.",
    "c": "Nobody has confirmed that Orbit Co will ship the phone.",
}
PUBLISHED = {"a": dt.date(2024, 5, 1), "b": dt.date(2025, 1, 10), "c": None}


def make_claim(doc: str, text: str, status: str, subject: str, topic: str = "release", cue: str | None = None) -> ClaimRecord:
    """A claim over ``text`` in the body of ``doc``, with an optional cue inside it."""
    body = BODIES[doc]
    start = body.index(text)
    cues = []
    if cue is not None:
        cue_start = body.index(cue, start)
        cues.append(Cue(text=cue, start=cue_start, end=cue_start + len(cue), status=status))
    return ClaimRecord(
        claim_id=f"c_{doc}_{start}",
        doc_id=doc,
        text=text,
        span=Offsets(start=start, end=start + len(text)),
        sentence=Offsets(start=0, end=len(body)),
        status=status,
        cues=cues,
        attribution=Attribution(text="Studio", start=0, end=6, kind="organisation") if doc == "a" else None,
        subject=Subject(name=subject),
        topic=topic,
        key="k",
        published=PUBLISHED[doc],
        extractor=EXTRACTOR,
    )


CLAIMS = [
    make_claim("a", "the sequel is reportedly in talks", "rumored", "The Sequel", "production", cue="reportedly"),
    make_claim("a", "The film opens in 2026", "expected", "The Sequel"),
    make_claim("b", "the studio denied the merger", "denied", "Big Studio", "business", cue="denied"),
    make_claim("b", "The sequel was confirmed", "confirmed", "The Sequel", cue="confirmed"),
    make_claim("c", "Orbit Co will ship the phone", "unconfirmed", "Orbit Phone", "other"),
]
IDS = {(c.doc_id, c.status): c.claim_id for c in CLAIMS}


def documents() -> list[DocumentRecord]:
    return [
        DocumentRecord(doc_id=doc, path=f"{doc}.md", content_hash="x", title=f"Title {doc}", published=PUBLISHED[doc])
        for doc in ("c", "b", "a")
    ]


@pytest.fixture
def outputs(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "claims.jsonl").write_text("".join(c.model_dump_json() + "\n" for c in CLAIMS), encoding="utf-8")
    (folder / "documents.jsonl").write_text("".join(d.model_dump_json() + "\n" for d in documents()), encoding="utf-8")
    return folder


def test_review_load_outputs_reads_both_files(outputs: Path) -> None:
    loaded = load_outputs(outputs)
    assert [c.claim_id for c in loaded.claims] == [c.claim_id for c in CLAIMS]
    assert [d.doc_id for d in loaded.documents] == ["c", "b", "a"]


def test_review_load_outputs_missing_says_run(tmp_path: Path) -> None:
    with pytest.raises(ClaimxError, match=r"claimx run CORPUS -o"):
        load_outputs(tmp_path / "nowhere")


def test_review_load_outputs_bad_line_names_it(tmp_path: Path) -> None:
    (tmp_path / "claims.jsonl").write_text(CLAIMS[0].model_dump_json() + "\n{\"claim_id\": 3}\n", encoding="utf-8")
    with pytest.raises(ClaimxError, match=r"claims.jsonl:2"):
        load_outputs(tmp_path)


@pytest.mark.parametrize(
    "flt,expected",
    [
        (ClaimFilter(), [c.claim_id for c in CLAIMS]),
        (ClaimFilter(status=("rumored",)), [IDS["a", "rumored"]]),
        (ClaimFilter(status=("denied", "confirmed")), [IDS["b", "denied"], IDS["b", "confirmed"]]),
        (ClaimFilter(subject="sEqUeL"), [IDS["a", "rumored"], IDS["a", "expected"], IDS["b", "confirmed"]]),
        (ClaimFilter(subject="sequel", status=("expected",)), [IDS["a", "expected"]]),
        (ClaimFilter(topic=("business", "other")), [IDS["b", "denied"], IDS["c", "unconfirmed"]]),
        (ClaimFilter(doc="c"), [IDS["c", "unconfirmed"]]),
        (ClaimFilter(since=dt.date(2025, 1, 1)), [IDS["b", "denied"], IDS["b", "confirmed"]]),
        (ClaimFilter(since=dt.date(2025, 1, 11)), []),
        (ClaimFilter(subject="nothing like it"), []),
    ],
)
def test_review_filter_claims(flt: ClaimFilter, expected: list[str]) -> None:
    assert [c.claim_id for c in filter_claims(CLAIMS, flt)] == expected


@pytest.mark.parametrize(
    "limit,offset,page,rest",
    [(2, 0, [0, 1], 3), (2, 4, [4], 0), (None, 1, [1, 2, 3, 4], 0), (0, 0, [0, 1, 2, 3, 4], 0), (10, 0, [0, 1, 2, 3, 4], 0)],
)
def test_review_paginate(limit: int | None, offset: int, page: list[int], rest: int) -> None:
    assert paginate(list(range(5)), limit, offset) == (page, rest)


@pytest.mark.parametrize(
    "values,expected",
    [(["rumored"], ("rumored",)), (["Rumored,denied", "rumored"], ("rumored", "denied")), ([], ())],
)
def test_review_parse_statuses(values: list[str], expected: tuple[str, ...]) -> None:
    assert parse_statuses(values) == expected


@pytest.mark.parametrize("bad", [["rumoured"], ["confirmed,maybe"]])
def test_review_parse_statuses_rejects_unknown(bad: list[str]) -> None:
    with pytest.raises(ClaimxError, match="unknown status"):
        parse_statuses(bad)


@pytest.mark.parametrize(
    "value,expected", [("2025-03-04", dt.date(2025, 3, 4)), ("2025-03", dt.date(2025, 3, 1)), ("2025", dt.date(2025, 1, 1)), (None, None)]
)
def test_review_parse_since(value: str | None, expected: dt.date | None) -> None:
    assert parse_since(value) == expected


def test_review_parse_since_rejects_words() -> None:
    with pytest.raises(ClaimxError, match="YYYY-MM-DD"):
        parse_since("last week")


def test_review_group_by_subject_orders_articles_by_date() -> None:
    groups = group_by_subject(CLAIMS, documents())
    assert [g.name for g in groups] == ["The Sequel", "Big Studio", "Orbit Phone"]
    sequel = groups[0]
    assert [a.doc_id for a in sequel.articles] == ["a", "b"]
    assert sequel.articles[0].statuses == ["expected", "rumored"]
    assert sequel.latest_statuses == ["confirmed"]


def test_review_claim_text_highlights_cue_by_offset() -> None:
    claim = CLAIMS[0]
    text = claim_text(claim)
    styled = [claim.text[span.start : span.end] for span in text.spans]
    assert styled == ["reportedly"]


def run_cli(*args: str):
    return CliRunner().invoke(app, ["review", *args])


def test_review_cli_json_prints_only_filtered_records(outputs: Path) -> None:
    result = run_cli(str(outputs), "--status", "rumored,denied", "--json")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    records = [ClaimRecord.model_validate_json(line) for line in lines]
    assert [r.claim_id for r in records] == [IDS["a", "rumored"], IDS["b", "denied"]]
    assert records[0] == CLAIMS[0]


def test_review_cli_json_is_not_limited_by_default(outputs: Path) -> None:
    result = run_cli(str(outputs), "--json")
    assert len(result.stdout.splitlines()) == len(CLAIMS)
    result = run_cli(str(outputs), "--json", "--limit", "2")
    assert len(result.stdout.splitlines()) == 2
    assert all(json.loads(line)["claim_id"] for line in result.stdout.splitlines())


def test_review_cli_terminal_limit_counts_the_rest(outputs: Path) -> None:
    result = run_cli(str(outputs), "--limit", "2")
    assert result.exit_code == 0, result.output
    assert "3 more not shown" in result.stdout
    assert "reportedly in talks" in result.stdout
    assert "Orbit Co" not in result.stdout


def test_review_cli_terminal_filters(outputs: Path) -> None:
    result = run_cli(str(outputs), "--subject", "orbit", "--since", "2020-01-01")
    assert "No claims match" in result.stdout
    result = run_cli(str(outputs), "--doc", "b", "--topic", "business")
    assert "the studio denied the merger" in result.stdout
    assert "The sequel was confirmed" not in result.stdout


@pytest.mark.parametrize("args", [["--status", "probable"], ["--since", "soon"]])
def test_review_cli_bad_option_exits_2(outputs: Path, args: list[str]) -> None:
    result = run_cli(str(outputs), *args)
    assert result.exit_code == 2


def test_review_cli_missing_outputs_exits_2(tmp_path: Path) -> None:
    result = run_cli(str(tmp_path / "none"))
    assert result.exit_code == 2
    assert "claimx run" in " ".join(result.output.split())
