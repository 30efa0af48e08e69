"""The pipeline fingerprint covers claimx's code and the rule pack actually configured (issue 10, item 6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimx import fingerprint
from claimx.fingerprint import code_hash, configured_rules_dirs, extractor_info
from claimx.rules import default_rules_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def package_copy(tmp_path, monkeypatch) -> Path:
    """A copy of the claimx package whose source the fingerprint hashes instead of the real one."""
    copy = tmp_path / "claimx"
    shutil.copytree(fingerprint.CODE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "CODE_DIR", copy)
    return copy


def test_fingerprint_changes_with_a_source_byte(package_copy):
    before = extractor_info("en_core_web_sm", "3.8.0")
    assert before == extractor_info("en_core_web_sm", "3.8.0")
    path = package_copy / "claims" / "cues.py"
    path.write_bytes(path.read_bytes() + b"\n# a new rule in code\n")
    after = extractor_info("en_core_web_sm", "3.8.0")
    assert after.version == before.version and after.rules_hash == before.rules_hash
    assert after.code_hash != before.code_hash and after.fingerprint != before.fingerprint


def test_fingerprint_ignores_bytecode(package_copy):
    before = code_hash()
    (package_copy / "__pycache__").mkdir()
    (package_copy / "__pycache__" / "run.cpython-311.pyc").write_bytes(b"\x00stale")
    assert code_hash() == before


def test_fingerprint_hashes_the_configured_rule_pack(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(default_rules_dir(), pack)
    (pack / "cues.jsonl").write_text((pack / "cues.jsonl").read_text() + "\n", encoding="utf-8")
    components = {
        "parser": {"factory": "parser"},
        "claimx_cues": {"factory": "claimx_cues", "rules_dir": str(pack)},
        "claimx_topic": {"factory": "claimx_topic", "rules_dir": None},
    }
    assert configured_rules_dirs(components) == [pack, default_rules_dir()]
    default = extractor_info("m", "1")
    configured = extractor_info("m", "1", rules_dir=configured_rules_dirs(components))
    assert configured.rules_hash != default.rules_hash and configured.fingerprint != default.fingerprint
    only_pack = {"claimx_cues": {"factory": "claimx_cues", "rules_dir": str(pack)}}
    assert extractor_info("m", "1", rules_dir=configured_rules_dirs(only_pack)).rules_hash == extractor_info(
        "m", "1", rules_dir=pack
    ).rules_hash


def test_fingerprint_loaded_pipeline_reads_the_default_pack(nlp):
    assert configured_rules_dirs(nlp.config["components"]) == [default_rules_dir()]
