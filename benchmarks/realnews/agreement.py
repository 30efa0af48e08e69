"""Inter-annotator agreement: score one blind annotation of a gold set against another.

Both folders hold ``articles/<id>.md`` (or share them) and ``gold/<id>.jsonl``
in the format of ``ANNOTATION.md``. The first is taken as the reference, the
second as the "prediction", and they are compared with exactly the scorer of
``claimx eval`` (span overlap, one-to-one matching, status, attribution,
dates), so that the figures sit beside claimx's own:

    python benchmarks/realnews/agreement.py REFERENCE_DIR OTHER_DIR [--json]

Only the documents the second folder annotated are scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace

from claimx.evaluate import GoldSet, load_gold, score


def as_predictions(other: GoldSet) -> dict[str, list[SimpleNamespace]]:
    """RETURNS (dict): the other annotation's claims, shaped as the scorer reads predictions."""
    out: dict[str, list[SimpleNamespace]] = {}
    for doc in other.docs:
        body = doc.body
        claims = []
        for n, c in enumerate(doc.claims):
            source = None
            if c.attribution:
                at = body.find(c.attribution)
                source = SimpleNamespace(text=c.attribution, start=at, end=at + len(c.attribution))
            dates = [SimpleNamespace(text=d.text, start=d.start, end=d.end, value=d.value, mod=d.mod) for d in c.dates]
            claims.append(
                SimpleNamespace(
                    claim_id=f"{doc.doc_id}#{n}",
                    text=c.evidence,
                    span=SimpleNamespace(start=c.start, end=c.end),
                    status=c.status,
                    topic=c.topic,
                    attribution=source,
                    cues=[],
                    dates=dates,
                )
            )
        out[doc.doc_id] = claims
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path)
    parser.add_argument("other", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    other = load_gold(args.other)
    reference = load_gold(args.reference)
    ids = {d.doc_id for d in other.docs}
    reference = reference.model_copy(update={"docs": [d for d in reference.docs if d.doc_id in ids]})
    result = score(reference, as_predictions(other))
    if args.json:
        print(result.model_dump_json(indent=2))
        return 0
    print(
        f"{len(ids)} articles: claim F1 {result.claims.f1:.3f}, claim+status F1 {result.claim_status.f1:.3f}, "
        f"status macro-F1 {result.status_macro_f1:.3f}, attribution F1 {result.attribution.f1:.3f}, "
        f"dates {result.dates.accuracy:.3f}, topic {result.topic_accuracy:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
