"""The sample corpus's first article, rolled up on its own: development and
the start of filming are two facts, the release date is undecided with the
year the article anticipates, and each cast member has a row of their own.
(No names: the article is also in a gold set.)"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimx.run import run

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "alita-2-sequel.md"

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason=f"sample article not found at {SEED}")


@pytest.fixture(scope="module")
def rows(tmp_path_factory, nlp):
    base = tmp_path_factory.mktemp("seed")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    run(corpus, base / "out", progress=False)
    return [json.loads(line) for line in (base / "out" / "status.jsonl").read_text(encoding="utf-8").splitlines()]


def _row(rows, topic, key):
    found = [r for r in rows if r["topic"] == topic and r["key"] == key]
    assert len(found) == 1, (topic, key, [(r["subject"], r["topic"], r["key"]) for r in rows])
    return found[0]


def test_status_seed_one_subject(rows):
    assert len({r["subject"] for r in rows}) == 1


def test_status_seed_development_and_filming_are_two_facts(rows):
    assert _row(rows, "production", "development")["status"] == "confirmed"
    assert _row(rows, "production", "filming")["status"] == "denied"


def test_status_seed_release_date_undecided_with_anticipated_year(rows):
    row = _row(rows, "release", "release_date")
    assert (row["status"], row["value"]) == ("unconfirmed", "2025")


def test_status_seed_each_cast_member_has_own_status(rows):
    people = [r for r in rows if r["topic"] == "cast" and r["key"] != "cast"]
    assert len(people) >= 4
    assert {r["status"] for r in people} == {"confirmed", "rumored"}
