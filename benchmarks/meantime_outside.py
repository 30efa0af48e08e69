"""Score target statuses on the MEANTIME articles that no factuality-meantime split uses.

factuality-meantime (Stanovsky et al. 2017) takes its 419 sentences from the
MEANTIME corpus. About a third of MEANTIME's 120 CAT articles hold none of
them: their annotated events (sentences 0-5) are MEANTIME-labelled data that
is neither the test split nor the train/dev splits rules are tuned on. This
script scores ``claimx.status_of`` on those events the way the
``factuality-meantime`` benchmark does, after mapping MEANTIME's attributes to
statuses and numbers as ``../shared/benchmarks/README.md`` says (POS+CERTAIN
3.0, PROBABLE 1.5, POSSIBLE 0.75, NEG -3.0, otherwise 0.0):

    python benchmarks/meantime_outside.py [--benchmarks ../shared/benchmarks] [--errors]

An article is "outside" when none of the split sentences of 40 characters or
more occurs in its text (spaces and quotes ignored), nor the first or last 30
letters of any split sentence.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from claimx.bench.common import pipe_texts
from claimx.bench.factuality import read_split
from claimx.bench.meantime import MeantimeDoc, gold_status, read_corpus
from claimx.bench.scoring import STATUS_VALUE, mae, pearson
from claimx.nlp import load_nlp
from claimx.claims.target import status_of

ROOT = Path(__file__).resolve().parent.parent


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def outside_docs(meantime: Path, factuality: Path) -> list[MeantimeDoc]:
    """RETURNS (list[MeantimeDoc]): the CAT articles that hold no factuality-meantime sentence."""
    sentences = [
        _letters(s.text) for split in ("train", "dev", "test") for s in read_split(factuality, split)
    ]
    whole = [s for s in sentences if len(s) >= 40]
    edges = [e for s in sentences if len(s) > 30 for e in (s[:30], s[-30:])]
    kept = []
    for doc in read_corpus(meantime):
        text = _letters(doc.text)
        if not any(s in text for s in whole) and not any(e in text for e in edges):
            kept.append(doc)
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument("--errors", action="store_true", help="list the targets given the wrong status")
    args = parser.parse_args(argv)
    meantime, factuality = args.benchmarks / "meantime", args.benchmarks / "factuality-meantime"
    if not meantime.is_dir() or not factuality.is_dir():
        print(f"need {meantime} and {factuality}", file=sys.stderr)
        return 2
    docs = outside_docs(meantime, factuality)
    nlp = load_nlp()
    gold: list[float] = []
    pred: list[float] = []
    errors = []
    items = ((d.text, d.published, d) for d in docs)
    for doc, source in pipe_texts(nlp, items, total=len(docs), desc="meantime-outside"):
        for event in source.events:
            want = gold_status(event.attrs.get("certainty"), event.attrs.get("polarity"))
            try:
                result = status_of(doc, event.start, event.end)
            except ValueError:
                continue
            gold.append(STATUS_VALUE[want])
            pred.append(STATUS_VALUE[result.status])
            if want != result.status:
                errors.append({"event": event.text, "gold": want, "pred": result.status, "doc": source.doc_id})
    r = pearson(gold, pred)
    figures = {
        "n_docs": len(docs),
        "n_events": len(gold),
        "mae": round(mae(gold, pred), 4),
        "pearson_r": None if r is None else round(r, 4),
        "all_factual_mae": round(mae(gold, [3.0] * len(gold)), 4),
    }
    print(json.dumps(figures))
    if args.errors:
        for error in errors:
            print(json.dumps(error, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
