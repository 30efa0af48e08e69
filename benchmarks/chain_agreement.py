"""Inter-annotator agreement on tracked facts: score one blind chain annotation against another.

Both files are ``status_gold.jsonl`` of the same chain of articles, in the
form of ``ANNOTATION.md`` ("Tracked facts across articles"). The first is
taken as the reference, the second's facts stand where claimx's roll-up
groups stand, and they are compared with exactly the chain scorer of
``claimx eval`` (group found, final status, whole history, value), so the
figures sit beside claimx's own:

    python benchmarks/chain_agreement.py REFERENCE.jsonl OTHER.jsonl [--json]

Both directions are printed, since "found" is not symmetric when the two
annotators track different numbers of facts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claimx.evaluate import ChainResult, GoldError, load_status_gold, score_chain


def agreement(reference: Path, other: Path) -> ChainResult:
    """RETURNS (ChainResult): the other annotation's facts scored as a roll-up against the reference."""
    facts = load_status_gold(reference)
    groups = {str(i): fact for i, fact in enumerate(load_status_gold(other))}
    return score_chain(facts, groups, root=str(reference.parent))


def _line(name: str, r: ChainResult) -> str:
    return (
        f"{name}: {r.n_facts} facts; found {r.found}, final status {r.status}, "
        f"whole history {r.history}, value {r.value} "
        f"({r.found / r.n_facts:.0%} / {r.status / r.n_facts:.0%} / {r.history / r.n_facts:.0%} / "
        f"{r.value / r.n_facts:.0%})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="status_gold.jsonl of the first annotator")
    parser.add_argument("other", type=Path, help="status_gold.jsonl of the second annotator, same articles")
    parser.add_argument("--json", action="store_true", help="print both directions as JSON")
    args = parser.parse_args(argv)
    try:
        ab = agreement(args.reference, args.other)
        ba = agreement(args.other, args.reference)
    except GoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.json:
        keys = ("n_facts", "found", "status", "history", "value")
        print(json.dumps({"other_vs_reference": {k: getattr(ab, k) for k in keys},
                          "reference_vs_other": {k: getattr(ba, k) for k in keys}}))
        return 0
    print(_line("second annotator scored against the first", ab))
    print(_line("first annotator scored against the second", ba))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
