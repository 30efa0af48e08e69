"""How often a claim's subject names the gold claim's subject.

    PYTHONPATH=src python benchmarks/subject_agreement.py SET [SET ...] [--pairs OUT.jsonl]

For every claim matched to a gold claim (as ``claimx eval`` matches them), the
claim's subject name agrees with the gold ``subject`` when the chain scorer
would take it for the gold subject (:func:`claimx.evaluate.subject_fits`: the
same name once normalised, or a shorter form of it that keeps its last word).
A tracked fact is found only under the right subject, so this is the
claim-level share behind the chains' "group found", measured on thousands of
claims rather than a few chains.

Prints, per set: matched pairs, agreeing pairs and their share. ``--pairs``
writes every disagreeing pair (doc, gold evidence, gold subject, claimx's
subject and mention) as JSON lines, for reading; it is refused for the sets
that are only scored (a folder named ``rn-check``, ``*-held`` or under
``annot``), whose figures alone may be seen.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

#: folders whose claims may be scored, never read
_SCORE_ONLY = ("rn-check", "-held", "annot", "fresh")


def agreement(folder: Path, extract) -> tuple[int, int, list[dict]]:
    """RETURNS (tuple[int, int, list[dict]]): matched pairs, agreeing pairs, and the disagreeing pairs."""
    from claimx.evaluate import _pred_order, load_gold, match_claims, subject_fits

    gold = load_gold(folder)
    predictions = extract(gold.articles())
    matched = agreed = 0
    wrong: list[dict] = []
    for gdoc in gold.docs:
        preds = sorted(predictions.get(gdoc.doc_id, ()), key=_pred_order)
        pairs = match_claims([(c.start, c.end) for c in gdoc.claims], [(p.span.start, p.span.end) for p in preds])
        for gi, pi in pairs:
            g, p = gdoc.claims[gi], preds[pi]
            matched += 1
            if subject_fits(p.subject.name, g.subject):
                agreed += 1
                continue
            wrong.append(
                {
                    "doc": gdoc.doc_id, "line": g.line, "evidence": g.evidence, "gold": g.subject,
                    "pred": p.subject.name, "mention": p.subject.text, "topic": g.topic,
                }
            )
    return matched, agreed, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="gold set folders (articles/ and gold/)")
    parser.add_argument("--pairs", type=Path, help="write the disagreeing pairs of readable sets here (JSON lines)")
    args = parser.parse_args(argv)
    from claimx.pipeline import Extraction

    extraction = Extraction()

    def extract(articles):
        return {article.doc_id: records for article, records in extraction.extract(articles, progress=False, total=len(articles))}

    out = args.pairs.open("w", encoding="utf-8") if args.pairs else None
    total_m = total_a = 0
    for folder in args.sets:
        matched, agreed, wrong = agreement(folder, extract)
        total_m, total_a = total_m + matched, total_a + agreed
        share = agreed / matched if matched else 0.0
        print(f"{folder.resolve().name:24s} matched {matched:6d}  subject agrees {agreed:6d}  {share:.3f}")
        if out is not None:
            if any(part in str(folder.resolve()) for part in _SCORE_ONLY):
                print(f"  ({folder}: scored only, its pairs are not written)", file=sys.stderr)
                continue
            for row in wrong:
                out.write(json.dumps({"set": folder.resolve().name, **row}, ensure_ascii=False) + "\n")
    if len(args.sets) > 1 and total_m:
        print(f"{'all':24s} matched {total_m:6d}  subject agrees {total_a:6d}  {total_a / total_m:.3f}")
    if out is not None:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
