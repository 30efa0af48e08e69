"""The real-news builder writes articles the reader accepts: ISO publication days."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "benchmarks" / "realnews" / "build.py"


def _build_module():
    spec = importlib.util.spec_from_file_location("realnews_build", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "value,day",
    [
        ("2009-02-03", "2009-02-03"),
        ("2011-03-18T09:30:00", "2011-03-18"),
        ("03-02-2009", "2009-02-03"),  # day first, as one MEANTIME file writes it
        ("", ""),
    ],
)
def test_iso_day(value, day):
    assert _build_module().iso_day(value) == day


def test_committed_meantime_articles_have_iso_days():
    """A committed Wikinews article that states its day states it as YYYY-MM-DD (relative
    dates hang on it); one upstream file has no creation time and is written without one."""
    articles = sorted(ROOT.glob("benchmarks/realnews-*/articles/wn-*.md"))
    assert articles
    for path in articles:
        match = re.search(r"^published: (\S+)$", path.read_text(encoding="utf-8"), re.M)
        if match:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", match.group(1)), path.name
