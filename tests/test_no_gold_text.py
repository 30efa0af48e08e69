"""No rule, example, comment or test is fitted to a gold-set sentence.

Rules fitted to one sentence of an evaluation article do not carry to the next
article, and a test built on a gold sentence measures memory, not English. So
no run of seven consecutive words of any article of a gold set
(``../shared/devset``, ``../shared/realdev`` and its chains, ``benchmarks/*``)
may appear in ``src/``, ``models/`` or ``tests/``. Quotes of the annotation
guide's own examples are allowed: the guide is the spec, not evaluation data.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RUN = 7
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
CHECKED = ("src", "models", "tests")
SUFFIXES = {".py", ".jsonl", ".json", ".txt", ".md", ".yml", ".yaml", ".cfg", ".toml", ".jinja2", ".html"}


def words(text: str) -> list[str]:
    """RETURNS (list[str]): the lower-cased words of ``text``, apostrophes folded."""
    return [w.replace("’", "'") for w in WORD.findall(text.lower())]


def runs(text: str) -> set[tuple[str, ...]]:
    """RETURNS (set[tuple[str, ...]]): every run of seven consecutive words."""
    ws = words(text)
    return {tuple(ws[i : i + RUN]) for i in range(len(ws) - RUN + 1)}


def gold_articles() -> list[Path]:
    """RETURNS (list[Path]): the article files of every gold set that can be found."""
    roots = [SHARED / "devset", SHARED / "realdev", *sorted((ROOT / "benchmarks").glob("*/"))]
    return sorted({p for root in roots if root.is_dir() for p in root.rglob("articles/*.md")})


def guide_runs() -> set[tuple[str, ...]]:
    """RETURNS (set): the runs of the annotation guide, which may be quoted."""
    guide = SHARED / "ANNOTATION.md"
    return runs(guide.read_text(encoding="utf-8")) if guide.is_file() else set()


def leaks() -> dict[str, list[str]]:
    """RETURNS (dict[str, list[str]]): per checked file, the gold runs it holds."""
    gold: dict[tuple[str, ...], str] = {}
    for path in gold_articles():
        for run in runs(path.read_text(encoding="utf-8")):
            gold.setdefault(run, path.stem)
    for run in guide_runs():
        gold.pop(run, None)
    found: dict[str, list[str]] = {}
    for top in CHECKED:
        for path in sorted((ROOT / top).rglob("*")):
            if not path.is_file() or path.suffix not in SUFFIXES or "__pycache__" in path.parts:
                continue
            hits = sorted(runs(path.read_text(encoding="utf-8", errors="replace")) & gold.keys())
            if hits:
                rel = str(path.relative_to(ROOT))
                found[rel] = [f"{' '.join(h)!r} ({gold[h]})" for h in hits]
    return found


def test_the_checker_finds_a_run_and_ignores_shorter_ones():
    article = "The ferry line said on Monday that the new route opens in May."
    assert runs(article) & runs("Officials confirmed that the new route opens in May, finally.")
    assert not runs(article) & runs("the new route opens in May")


@pytest.mark.skipif(not gold_articles(), reason="no gold articles found beside the checkout")
def test_no_seven_word_run_of_a_gold_article_in_src_models_or_tests():
    found = leaks()
    lines = [f"{path}: {len(hits)} run(s), e.g. {hits[0]}" for path, hits in found.items()]
    assert not found, "gold-set text copied into the code:\n" + "\n".join(lines)
