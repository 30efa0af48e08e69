"""Quality floors on the gold sets: a rule change that loses ground fails here,
and says which sentences it changed.

The floors sit a little under the figures measured when they were set (see
README "Quality"), so noise in a rule does not trip them but a real loss does.
Beside the floors, every set has a snapshot of the claims claimx gave it
(``tests/data/snapshots/<set>.jsonl``: offsets, status and source offsets,
no text, so no gold sentence is copied into the repository). When a floor is
broken, the message names each sentence whose claims differ from the
snapshot, with the gold claims on it, so the loss can be read, not guessed.

After a deliberate change, write the snapshots again:

    python tests/test_quality_floor.py --update
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pytest

from claimx.evaluate import EvalResult, GoldSet, load_gold, score
from claimx.pipeline import extract_articles
from claimx.schemas import ClaimRecord

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SNAPSHOTS = Path(__file__).resolve().parent / "data" / "snapshots"

#: gold set -> (folder, floors: claims F1, status accuracy, claim+status F1, attribution F1, date accuracy,
#: topic accuracy)
FLOORS: dict[str, tuple[Path, tuple[float, ...]]] = {
    "devset": (SHARED / "devset", (0.93, 0.96, 0.90, 0.86, 0.97, 0.59)),
    "goldset-2": (ROOT / "benchmarks" / "goldset-2", (0.94, 0.97, 0.92, 0.86, 0.96, 0.61)),
    "goldset-3": (ROOT / "benchmarks" / "goldset-3", (0.91, 0.96, 0.89, 0.85, 0.96, 0.54)),
    "realdev": (SHARED / "realdev", (0.88, 0.88, 0.82, 0.88, 0.86, 0.70)),
}
LABELS = ("claims F1", "status accuracy", "claim+status F1", "attribution F1", "date accuracy", "topic accuracy")


def snapshot_rows(predictions: Mapping[str, Sequence[ClaimRecord]]) -> list[dict]:
    """RETURNS (list[dict]): one row per claim: where it is, its status and where its source is."""
    rows = []
    for doc_id in sorted(predictions):
        for c in sorted(predictions[doc_id], key=lambda r: (r.span.start, r.span.end)):
            source = [c.attribution.start, c.attribution.end] if c.attribution is not None else None
            rows.append({"doc": doc_id, "start": c.span.start, "end": c.span.end, "status": c.status, "source": source})
    return rows


def changed_sentences(gold: GoldSet, old: Iterable[dict], new: Iterable[dict]) -> list[str]:
    """RETURNS (list[str]): per sentence whose claims differ between two snapshots,
    a line with the sentence, what was there before and after, and its gold claims."""
    def key(row: dict) -> tuple:
        return row["doc"], row["start"], row["end"], row["status"], tuple(row["source"] or ())

    before, after = {key(r) for r in old}, {key(r) for r in new}
    bodies = {d.doc_id: d for d in gold.docs}
    lines = []
    for doc_id, start, end, status, source in sorted(before ^ after):
        doc = bodies.get(doc_id)
        if doc is None:
            continue
        mark = "lost" if (doc_id, start, end, status, source) in before else "new "
        text = doc.body[start:end]
        golds = [f"{g.status}: {g.evidence[:60]!r}" for g in doc.claims if g.start < end and start < g.end]
        lines.append(f"  {mark} {doc_id} [{status}] {text[:90]!r}  gold: {'; '.join(golds) or 'none'}")
    return lines


def _run(folder: Path) -> tuple[GoldSet, EvalResult, list[dict]]:
    gold = load_gold(folder)
    predictions = extract_articles(gold.articles(), progress=False)
    return gold, score(gold, predictions), snapshot_rows(predictions)


def _read_snapshot(name: str) -> list[dict]:
    path = SNAPSHOTS / f"{name}.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", list(FLOORS))
def test_quality_floor(name, nlp):
    folder, floors = FLOORS[name]
    if not folder.is_dir():
        pytest.skip(f"gold set not found at {folder}")
    gold, result, rows = _run(folder)
    figures = (
        result.claims.f1,
        result.status_accuracy,
        result.claim_status.f1,
        result.attribution.f1,
        result.dates.accuracy,
        result.topic_accuracy,
    )
    below = [f"{label} {value:.3f} < {floor}" for label, value, floor in zip(LABELS, figures, floors) if value < floor]
    if below:
        changes = changed_sentences(gold, _read_snapshot(name), rows)
        pytest.fail(
            f"{name}: " + "; ".join(below) + f"\nclaims that differ from tests/data/snapshots/{name}.jsonl "
            f"({len(changes)}):\n" + "\n".join(changes[:60])
        )


def test_changed_sentences_names_what_moved(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    body = "The ferry runs daily. The pier may close in May."
    (tmp_path / "articles" / "a.md").write_text(f"---\ntitle: Ferries\n---\n{body}\n", encoding="utf-8")
    gold_line = {"doc": "a", "evidence": "The pier may close in May", "status": "rumored", "subject": "pier",
                 "topic": "other", "attribution": None, "cues": ["may"], "dates": []}
    (tmp_path / "gold" / "a.jsonl").write_text(json.dumps(gold_line) + "\n", encoding="utf-8")
    gold = load_gold(tmp_path)
    start = body.index("The pier")
    old = [{"doc": "a", "start": start, "end": start + 25, "status": "rumored", "source": None}]
    new = [{"doc": "a", "start": start, "end": start + 25, "status": "confirmed", "source": None}]
    lines = changed_sentences(gold, old, new)
    assert len(lines) == 2
    assert any(line.lstrip().startswith("lost") and "[rumored]" in line for line in lines)
    assert any(line.lstrip().startswith("new") and "[confirmed]" in line and "gold: rumored" in line for line in lines)
    assert changed_sentences(gold, old, old) == []


def main(argv: list[str]) -> int:
    if argv != ["--update"]:
        print(__doc__)
        return 2
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for name, (folder, _) in FLOORS.items():
        if not folder.is_dir():
            print(f"{name}: not found at {folder}, skipped")
            continue
        _, result, rows = _run(folder)
        (SNAPSHOTS / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"{name}: {len(rows)} claims, claim+status F1 {result.claim_status.f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
