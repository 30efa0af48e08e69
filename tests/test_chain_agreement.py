"""The chain agreement tool scores one annotator's tracked facts against
another's with the chain scorer of ``claimx eval``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("chain_agreement", ROOT / "benchmarks" / "chain_agreement.py")
chain_agreement = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(chain_agreement)


def _write(path: Path, facts: list[dict]) -> Path:
    path.write_text("".join(json.dumps(f) + "\n" for f in facts), encoding="utf-8")
    return path


FACTS = [
    {"subject": "Norvale Tablet 2", "topic": "release", "key": "release_date", "status": "confirmed",
     "value": "2027-03", "history": [{"doc": "a", "status": "rumored"}, {"doc": "b", "status": "confirmed"}]},
    {"subject": "Norvale", "topic": "business", "key": "job cuts", "status": "expected", "value": "1,200",
     "history": [{"doc": "b", "status": "expected"}]},
]


def test_an_annotation_agrees_with_itself(tmp_path):
    ref = _write(tmp_path / "ref.jsonl", FACTS)
    result = chain_agreement.agreement(ref, ref)
    assert (result.n_facts, result.found, result.status, result.history, result.value) == (2, 2, 2, 2, 2)


def test_a_different_history_and_a_shorter_subject_are_scored_as_the_roll_up_is(tmp_path):
    other = [dict(FACTS[0], subject="Tablet 2", history=[{"doc": "b", "status": "confirmed"}]),
             dict(FACTS[1], key="layoffs")]
    ref = _write(tmp_path / "ref.jsonl", FACTS)
    oth = _write(tmp_path / "oth.jsonl", other)
    result = chain_agreement.agreement(ref, oth)
    # "Tablet 2" keeps the gold subject's last word: found, status and value right, history not;
    # "layoffs" shares no word with "job cuts": that fact is not found
    assert (result.found, result.status, result.history, result.value) == (1, 1, 0, 1)


def test_an_unreadable_file_is_named(tmp_path, capsys):
    code = chain_agreement.main([str(tmp_path / "missing.jsonl"), str(tmp_path / "missing.jsonl")])
    assert code == 2
    assert "missing.jsonl" in capsys.readouterr().err
