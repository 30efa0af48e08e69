"""Benchmark incremental runs: a no-change re-run and adding 10 articles to a 2,000-article corpus.

The corpus is built by repeating the articles of ``corpus/`` (the .md/.txt
ones) with a varied first line, so every file has its own content hash. Each
step runs the real command line (``python -m claimx run``) and is timed wall
clock, interpreter start-up included.

    python benchmarks/incremental.py [--articles 2000] [--work DIR]

The first full extraction of 2,000 articles takes a while (it is timed too).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimx.rules import RULES_ENV, default_rules_dir

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(target: Path, count: int, start: int = 0, source: Path | None = None) -> None:
    """Write ``count`` articles, numbered from ``start``, each with its own first line: copies of
    the .md/.txt articles of ``source`` (the sample corpus when None), taken in turn."""
    sources = sorted(p for p in (source or ROOT / "corpus").rglob("*") if p.suffix in (".md", ".txt"))
    target.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        src = sources[n % len(sources)]
        text = src.read_text(encoding="utf-8")
        line = f"Dispatch {n}: reporting continues on this story."
        if text.startswith("---\n"):
            head, rest = text[4:].split("\n---\n", 1)
            text = f"---\n{head}\n---\n{line}\n{rest}"
        else:
            text = f"{line}\n{text}"
        (target / f"a{n:06d}-{src.stem}{src.suffix}").write_text(text, encoding="utf-8")


def timed_run(corpus: Path, outputs: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "claimx", "run", str(corpus), "-o", str(outputs), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"claimx run failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    summary = next((l for l in done.stdout.splitlines() if " new, " in l), "")
    return elapsed, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=None, help="Keep the corpus and outputs here.")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="claimx-bench-"))
    corpus, outputs = work / "corpus", work / "outputs"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(outputs, ignore_errors=True)
    build_corpus(corpus, args.articles)
    # freeze the rule pack: an edit to models/ during the benchmark would (rightly) re-extract everything
    rules = work / "rules"
    shutil.rmtree(rules, ignore_errors=True)
    shutil.copytree(default_rules_dir(), rules)
    os.environ[RULES_ENV] = str(rules)
    rows = []
    rows.append(("full run", *timed_run(corpus, outputs)))
    rows.append(("no-change re-run", *timed_run(corpus, outputs)))
    rows.append(("no-change re-run (again)", *timed_run(corpus, outputs)))
    build_corpus(corpus, 10, start=args.articles)
    rows.append(("10 articles added", *timed_run(corpus, outputs)))
    print(f"claimx incremental benchmark: {args.articles} articles, python {sys.version.split()[0]}")
    for name, seconds, summary in rows:
        print(f"{name:26s} {seconds:8.2f} s   {summary}")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
