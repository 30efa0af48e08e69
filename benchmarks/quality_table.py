"""Print the README's quality table: every gold set, scored as ``claimx eval`` scores it.

    python benchmarks/quality_table.py [--shared ../shared] [--held]

Claim sets (a ``gold/`` folder) get claim F1, claim+status F1, status
macro-F1, attribution F1, date accuracy and topic accuracy (over matched
pairs); chains (a ``status_gold.jsonl``)
get group found, final status, whole history and value. The PolNeAR articles
of the real-news sets are rebuilt first (``benchmarks/realnews/build.py``).
Held-out sets (``*-held``) are scored only with ``--held``: run it once, at
the end of a session, and do not read their errors.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def claim_sets(shared: Path, held: bool) -> list[Path]:
    """RETURNS (list[Path]): the claim gold sets, shared ones first."""
    sets = [shared / "realdev", shared / "devset", *sorted(ROOT.glob("benchmarks/*/gold"))]
    folders = [s.parent if s.name == "gold" else s for s in sets]
    return [f for f in folders if (f / "gold").is_dir() and (held or not f.name.endswith("-held"))]


def chain_sets(shared: Path, held: bool) -> list[Path]:
    """RETURNS (list[Path]): the chains with tracked-fact gold."""
    chains = [
        shared / "devset",
        *sorted((shared / "realdev" / "chains").glob("*/")),
        *sorted((ROOT / "benchmarks" / "chains").glob("*/")),
    ]
    if held:
        chains += sorted((ROOT / "benchmarks" / "chains-held").glob("*/"))
    return [c for c in chains if (c / "status_gold.jsonl").is_file()]


def evaluate(folder: Path) -> dict:
    """RETURNS (dict): ``claimx eval FOLDER --json``."""
    out = subprocess.run(
        [sys.executable, "-m", "claimx", "eval", str(folder), "--json"], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--held", action="store_true", help="also score the held-out sets")
    args = parser.parse_args(argv)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "realnews" / "build.py"),
                    "--benchmarks", str(args.shared / "benchmarks")], check=False, capture_output=True)
    print("| gold set | articles | gold claims | claim F1 | claim+status F1 | status macro-F1 | attribution F1 | dates | topic |")
    print("|---|---|---|---|---|---|---|---|---|")
    for folder in claim_sets(args.shared, args.held):
        r = evaluate(folder)
        name = folder.name if folder.parent.name != "shared" else f"../shared/{folder.name}"
        print(
            f"| {name} | {r['n_docs']} | {r['n_gold']} | {_f(r['claims']['f1'])} | {_f(r['claim_status']['f1'])} "
            f"| {_f(r['status_macro_f1'])} | {_f(r['attribution']['f1'])} | {_f(r['dates']['accuracy'])} "
            f"| {_f(r.get('topic_accuracy'))} |"
        )
    print()
    print("| chain | facts | group found | final status | whole history | value |")
    print("|---|---|---|---|---|---|")
    totals = [0, 0, 0, 0, 0]
    for folder in chain_sets(args.shared, args.held):
        chain = evaluate(folder).get("chain") or {}
        n = chain.get("n_facts", 0)
        row = [chain.get(k, 0) for k in ("found", "status", "history", "value")]
        if not folder.parent.name.endswith("-held"):
            totals = [a + b for a, b in zip(totals, [n, *row])]
        print(f"| {folder.name} | {n} | " + " | ".join(f"{v}/{n}" for v in row) + " |")
    n = totals[0] or 1
    print(f"| all dev chains | {totals[0]} | " + " | ".join(f"{v}/{totals[0]} ({v / n:.0%})" for v in totals[1:]) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
