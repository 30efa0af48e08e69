"""The stored roll-up of ``claimx run`` against ``claimx eval``'s, on a chain of articles.

``claimx eval CHAIN`` rolls every claim of a chain up at once (:func:`claimx.evaluate.chain_rollup`);
a user adds the articles one run at a time, and ``claimx status`` shows the roll-up the store keeps
up to date by subjects (:mod:`claimx.increment`). The two should name the same groups with the
same statuses. This script copies the chain's articles into a fresh corpus one at a time, in
published order, runs ``claimx run`` after each, and lists the groups only one side has and the
groups whose final status differs.

    python benchmarks/run_vs_eval.py benchmarks/chains/ryan-trump [more chains]

Exit status 1 when any chain differs. An alias the store learned from an earlier article (a
subject named by the longer name an earlier run resolved it to) is a designed difference: it is
listed, not hidden.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from claimx.evaluate import chain_rollup, load_chain_articles
from claimx.pipeline import extract_articles


def compare(chain: Path, *, shown: int = 10) -> bool:
    """Print how the stored roll-up of ``chain`` differs from eval's. RETURNS (bool): whether it does."""
    articles = load_chain_articles(chain)
    by_eval = {(r.subject, r.topic, r.key): r.status for r in chain_rollup(articles, extract_articles(articles, progress=False)).values()}
    with tempfile.TemporaryDirectory(prefix="claimx-run-vs-eval-") as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        for article in articles:
            source = next((chain / "articles").rglob(article.doc_id + ".*"))
            shutil.copy(source, corpus / source.name)
            done = subprocess.run(
                [sys.executable, "-m", "claimx", "run", str(corpus), "-o", str(out), "-q", "-w", "1"], capture_output=True, text=True
            )
            if done.returncode:
                sys.exit(f"{chain}: claimx run failed after adding {source.name}:\n{done.stderr[-2000:]}")
        by_run = {}
        for line in (out / "status.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            by_run[(record["subject"], record["topic"], record["key"])] = record["status"]
    only_eval = sorted(set(by_eval) - set(by_run))
    only_run = sorted(set(by_run) - set(by_eval))
    status = sorted(k for k in set(by_eval) & set(by_run) if by_eval[k] != by_run[k])
    print(
        f"{chain.name}: eval {len(by_eval)} groups, run {len(by_run)}; only eval {len(only_eval)}, "
        f"only run {len(only_run)}, status differs {len(status)}"
    )
    for key in only_eval[:shown]:
        print("  only eval", " / ".join(key))
    for key in only_run[:shown]:
        print("  only run ", " / ".join(key))
    for key in status[:shown]:
        print("  status   ", " / ".join(key), f"eval {by_eval[key]}, run {by_run[key]}")
    return bool(only_eval or only_run or status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("chains", nargs="+", type=Path, help="chain folders (articles/ and status_gold.jsonl)")
    args = parser.parse_args(argv)
    differs = [compare(chain) for chain in args.chains]
    return 1 if any(differs) else 0


if __name__ == "__main__":
    sys.exit(main())
