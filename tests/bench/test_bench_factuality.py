"""claimx.bench.factuality on a JSONL fixture written for these tests, and on the real sets when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimx.bench import factuality

BENCH = Path(__file__).resolve().parents[3] / "shared" / "benchmarks"

LINES = [
    {"text": "Acme 's board approved the merger on Tuesday .", "targets": [
        {"span1": [3, 4], "label": 3.0, "span_text": "approved"},
    ]},
    {"text": "The regulator may block the deal , officials said .", "targets": [
        {"span1": [3, 4], "label": 0.75, "span_text": "block"},
        {"span1": [8, 9], "label": 3.0, "span_text": "said"},
    ]},
    {"text": "The company did not sell the plant .", "targets": [
        {"span1": [4, 5], "label": -3.0, "span_text": "sell"},
    ]},
]


def write_fixture(folder: Path, split: str = "test") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{split}.jsonl").open("w", encoding="utf8") as fh:
        for line in LINES:
            fh.write(json.dumps(line) + "\n")
    return folder


def test_factuality_read_line_offsets():
    sentence = factuality.read_line(LINES[0])
    assert sentence.text == "Acme's board approved the merger on Tuesday."
    assert [t.text for t in sentence.targets] == ["approved"]
    assert sentence.targets[0].label == 3.0


def test_factuality_run_fixture_figures(nlp, tmp_path):
    result = factuality.run(nlp, write_fixture(tmp_path), name="fixture", progress=False)
    f = result.figures
    # claimx: approved confirmed (3.0), block rumored (0.75), said confirmed (3.0),
    # "did not sell" denied (-3.0): every value equals the gold one
    assert f["n_targets"] == 4
    assert f["mae"] == 0.0
    assert f["pearson_r"] == pytest.approx(1.0)
    # all-factual: |3-3| + |0.75-3| + |3-3| + |-3-3| = 8.25 over 4
    assert f["all_factual_mae"] == pytest.approx(8.25 / 4)
    assert f["status"]["accuracy"] == 1.0


def test_factuality_missing_split(tmp_path):
    write_fixture(tmp_path, "test")
    with pytest.raises(FileNotFoundError):
        factuality.read_split(tmp_path, "dev")


@pytest.mark.parametrize("name,n_sentences,n_targets,baseline", [
    ("factuality-meantime", 61, 188, 0.315), ("factuality-uw", 265, 864, 0.781),
])
def test_factuality_real_sets_counts_and_baseline(name, n_sentences, n_targets, baseline):
    path = BENCH / name
    if not path.is_dir():
        pytest.skip(f"{name} benchmark absent ({path})")
    sentences = factuality.read_split(path, "test")
    labels = [t.label for s in sentences for t in s.targets]
    assert (len(sentences), len(labels)) == (n_sentences, n_targets)
    # the README's all-factual MAE, recomputed through our reader
    assert round(sum(abs(3.0 - x) for x in labels) / len(labels), 3) == baseline


def test_factuality_real_set_runs(nlp):
    path = BENCH / "factuality-uw"
    if not path.is_dir():
        pytest.skip(f"factuality-uw benchmark absent ({path})")
    result = factuality.run(nlp, path, name="factuality-uw", limit=5, progress=False)
    assert result.n_docs == 5 and result.figures["n_targets"] > 0
