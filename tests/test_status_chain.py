"""The Half-Life 3 chain of the dev set: articles added one at a time, in
published order, give the transitions and the final roll-up of
``status_gold.jsonl``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimx.run import run
from claimx.subjects import normalise

DEVSET = Path(__file__).resolve().parent.parent.parent / "shared" / "devset"
GOLD = DEVSET / "status_gold.jsonl"

pytestmark = pytest.mark.skipif(not GOLD.is_file(), reason=f"status gold not found at {GOLD}")


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _where(group: dict) -> tuple[str, str, str]:
    return normalise(group["subject"]), group["topic"], group["key"]


def test_status_chain_matches_gold_run_by_run(tmp_path, nlp):
    gold = _gold()
    # published order: the order the gold histories give
    order: list[str] = []
    for group in gold:
        for step in group["history"]:
            if step["doc"] not in order:
                order.append(step["doc"])
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    seen: dict[tuple[str, str, str], str] = {}
    for doc in order:
        shutil.copy(DEVSET / "articles" / f"{doc}.md", corpus / f"{doc}.md")
        summary = run(corpus, out, progress=False)
        changes = {(normalise(c.subject), c.topic, c.key): c for c in summary.changes}
        for group in gold:
            where = _where(group)
            step = next((s for s in group["history"] if s["doc"] == doc), None)
            if step is None:
                continue
            before = seen.get(where)
            if before != step["status"]:
                change = changes.get(where)
                assert change is not None, f"{doc}: no change reported for {where}"
                assert (change.before, change.after) == (before, step["status"]), (doc, where)
            seen[where] = step["status"]
    records = {
        (normalise(r["subject"]), r["topic"], r["key"]): r
        for r in map(json.loads, (out / "status.jsonl").read_text(encoding="utf-8").splitlines())
    }
    for group in gold:
        record = records.get(_where(group))
        assert record is not None, f"no status line for {_where(group)}"
        assert record["status"] == group["status"], _where(group)
        assert record["value"] == group["value"], _where(group)
        assert [(s["doc_id"], s["status"]) for s in record["history"]] == [
            (s["doc"], s["status"]) for s in group["history"]
        ], _where(group)
