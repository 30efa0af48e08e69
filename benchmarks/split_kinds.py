"""Where claimx kept one claim and gold made two: by kind, with gold's split rate over the whole set (issue 12).

    python benchmarks/split_kinds.py SET [SET ...] [--json] [--list KIND] [--min-pairs N]

Most gold claims claimx misses on published news lie inside a longer
predicted claim that is matched to another gold claim: claimx did not split
where gold did. This script sorts those *merged* gold claims by what separates
them from the rest of the prediction (the link of the gold claim's words to
the words outside it, read as ``benchmarks/boundary_errors.py`` reads it), in
the kinds a segmentation rule would be written for:

- coordinated clauses with a subject of their own, coordinated predicates
  without one (finite, or not);
- subordinate clauses by their word (after, as, while, because, when, ...);
- a participle after its clause set off by a comma (", saying ...", ",
  adding ..."), other participles;
- relative clauses, restrictive or set off; appositions; participles and
  finite clauses on a noun;
- a complement clause of a verb that reports nothing, a reported clause and
  its verb of saying;
- lists (two nouns, three or more); anything set off by a colon or a dash;
- prepositional phrases (a gerund after "after", "despite" ... on its own);
- an argument (subject, object) that holds the other claim.

Then, for each kind, it counts over *every* pair of words the kind links in
the set (not only the merged ones: the kept-whole cases count too) how often
gold puts the two words in two claims and how often claimx does, and among
the pairs claimx keeps, how many gold splits. A split rule pays only where
gold splits one-sidedly among the pairs the rule would take (the brief of the
nineteenth session asked for 75 %; claim F1 alone rises above about F1/2 = 43
%, see ``benchmarks/constructions.py``); the last column marks such kinds.

Pass only sets whose errors may be read: a held-out set is refused, and so is
any set named like a checking half (``*-check``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from constructions import _predicate, clause_construction, decision, noun_construction  # noqa: E402

DASHES = frozenset({"—", "–", "-", "--"})
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "csubj", "dobj", "pobj", "attr", "oprd"})
#: the construction names of ``constructions.py`` and the kind each belongs to, first prefix first
KINDS = (
    ("conj-clause", "coordinated clauses, own subject"),
    ("conj-VP-finite", "coordinated predicates, finite, no subject"),
    ("conj-VP-nonfinite", "coordinated predicates, non-finite"),
    ("partic-VBG-trail-setoff", "participle after its clause, set off"),
    ("partic", "participle, other"),
    ("relcl-restr", "relative clause, restrictive"),
    ("relcl-nonrestr", "relative clause, set off"),
    ("acl", "participle or clause on a noun"),
    ("appos", "apposition"),
    ("ccomp-other", "complement of a verb that reports nothing"),
    ("parataxis-other", "complement of a verb that reports nothing"),
    ("reported-frame", "reported clause and its verb of saying"),
    ("NP-list3+", "list of three or more"),
    ("NP-coord2", "two coordinated nouns"),
    ("advcl-to", "purpose infinitive"),
    ("advcl-nomark", "subordinate clause, no word"),
    ("dep-", "unattached verb"),
)


def kind_of(token: Any, report_verbs: frozenset[str]) -> str:
    """RETURNS (str): the kind of what links ``token`` to its head, in the terms of a segmentation rule."""
    before = token.doc[token.left_edge.i - 1].text if token.left_edge.i > 0 else ""
    construction = clause_construction(token, report_verbs) if _predicate(token) else noun_construction(token)
    if before in DASHES and not (construction or "").startswith("conj-clause"):
        return "set off by a dash"
    if before == ":":
        return "set off by a colon"
    if construction is None:
        if token.dep_ == "prep":
            gerund = any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in token.children)
            return f"prepositional phrase, {token.lower_} + gerund" if gerund else "prepositional phrase"
        if token.dep_ in ("pobj", "pcomp"):
            return "prepositional phrase"
        if token.dep_ in ARGUMENTS:
            return "argument holding a claim"
        return f"other ({token.dep_})"
    if construction == "colon-clause":
        return "set off by a colon"
    if construction == "dash-clause":
        return "set off by a dash"
    if construction.startswith("advcl-") and not construction.startswith(("advcl-to", "advcl-nomark")):
        return f"subordinate clause, {construction[6:]}"
    for prefix, kind in KINDS:
        if construction.startswith(prefix):
            return kind
    return f"other ({construction})"


def link_token(span: Any, outer: tuple[int, int]) -> Any | None:
    """RETURNS (Token | None): the word that links the gold claim ``span`` to the rest of the prediction
    ``outer`` (its own top word when that hangs outside it, else its largest dependent outside it), or
    None when nothing in the prediction hangs on it."""
    start, end = span.start_char, span.end_char
    tops = [t for t in span if t.head.i == t.i or not start <= t.head.idx < end]
    root = max(tops, key=lambda t: (sum(1 for d in t.subtree if start <= d.idx < end), -t.i)) if tops else span.root
    if root.head.i != root.i and not start <= root.head.idx < end:
        return root
    rest = [c for c in root.children if not start <= c.idx < end and outer[0] <= c.idx < outer[1] and c.dep_ not in ("punct", "cc")]
    return max(rest, key=lambda c: len(list(c.subtree))) if rest else None


def measure(gold_dir: Path, nlp: Any, extractor: Any, report_verbs: frozenset[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """RETURNS (tuple[list, list]): the merged gold claims of a set (kind, texts) and every linked pair
    (kind, gold and claimx decisions)."""
    from claimx.evaluate import load_gold, match_claims
    from claimx.nlp import pipe_articles
    from claimx.records import doc_records

    gold = load_gold(gold_dir)
    docs = {d.doc_id: d for d in gold.docs}
    merged: list[dict[str, Any]] = []
    pairs: list[dict[str, Any]] = []
    for article, doc in pipe_articles(nlp, gold.articles()):
        gspans = [(c.start, c.end) for c in docs[article.doc_id].claims]
        pspans = [(r.span.start, r.span.end) for r in doc_records(doc, article, extractor)]
        matched = match_claims(gspans, pspans)
        gold_of = {p: g for g, p in matched}
        found = {g for g, _ in matched}
        for k, (s, e) in enumerate(gspans):
            if k in found:
                continue
            holding = [j for j, (ps, pe) in enumerate(pspans) if j in gold_of and ps <= s and e <= pe and pe - ps > e - s]
            if not holding:
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            token = link_token(span, pspans[holding[0]])
            merged.append(
                {"set": gold_dir.name, "doc": article.doc_id,
                 "kind": kind_of(token, report_verbs) if token is not None else "argument holding a claim",
                 "gold": span.text, "predicted": doc.text[pspans[holding[0]][0]:pspans[holding[0]][1]]}
            )
        for d in doc:
            if d.dep_ in ("ROOT", "punct", "cc", "det", "aux", "auxpass", "case", "mark"):
                continue
            g, p = decision(gspans, d.head, d), decision(pspans, d.head, d)
            if g in ("keep", "split") and p in ("keep", "split"):
                pairs.append({"set": gold_dir.name, "kind": kind_of(d, report_verbs), "gold": g, "claimx": p})
    return merged, pairs


def table(merged: list[dict[str, Any]], pairs: list[dict[str, Any]], min_pairs: int = 5) -> list[str]:
    """RETURNS (list[str]): a markdown table: per kind, merged gold claims and gold's and claimx's splits over all pairs."""
    counts = Counter(m["kind"] for m in merged)
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for pair in pairs:
        by_kind[pair["kind"]].append(pair)
    lines = [
        "| kind | merged gold claims | pairs | gold splits | claimx splits | gold splits where claimx keeps | gold keeps where claimx splits | split rule (>= 75 %) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind in sorted(set(counts) | set(by_kind), key=lambda k: (-counts[k], -len(by_kind[k]))):
        part = by_kind[kind]
        if not counts[kind] and (len(part) < min_pairs or kind.startswith("other (")):
            continue
        n = len(part) or 1
        gold_split = sum(p["gold"] == "split" for p in part)
        cx_split = sum(p["claimx"] == "split" for p in part)
        kept = [p for p in part if p["claimx"] == "keep"]
        split = [p for p in part if p["claimx"] == "split"]
        missed = sum(p["gold"] == "split" for p in kept)
        over = sum(p["gold"] == "keep" for p in split)
        candidate = "yes" if len(kept) >= min_pairs and missed >= 0.75 * len(kept) else ""
        lines.append(
            f"| {kind} | {counts[kind]} | {len(part)} | {gold_split} ({100 * gold_split / n:.0f}%) | {cx_split} ({100 * cx_split / n:.0f}%) "
            f"| {missed} of {len(kept)} | {over} of {len(split)} | {candidate} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="gold sets whose errors may be read")
    parser.add_argument("--json", action="store_true", help="print the merged gold claims and the pairs as JSON")
    parser.add_argument("--list", metavar="KIND", help="also list the merged gold claims of one kind")
    parser.add_argument("--min-pairs", type=int, default=5, help="leave out kinds with fewer pairs and no merged claim")
    args = parser.parse_args(argv)
    if any(s.name.endswith(("-held", "-check")) for s in args.sets):
        parser.error("held-out and checking sets are never read")

    from claimx.claims.segment import load_attribution_rules
    from claimx.fingerprint import extractor_info
    from claimx.nlp import load_nlp, model_info

    nlp = load_nlp()
    extractor = extractor_info(*model_info(nlp))
    report_verbs = load_attribution_rules().get("report_verb", frozenset())
    merged: list[dict[str, Any]] = []
    pairs: list[dict[str, Any]] = []
    for gold_dir in args.sets:
        m, p = measure(gold_dir, nlp, extractor, report_verbs)
        merged += m
        pairs += p
    if args.json:
        print(json.dumps({"merged": merged, "pairs": pairs}, indent=1, ensure_ascii=False))
        return 0
    print("\n".join(table(merged, pairs, args.min_pairs)))
    print(f"\n{len(merged)} gold claims inside a longer matched prediction; {len(pairs)} linked pairs")
    if args.list:
        for m in merged:
            if m["kind"] == args.list:
                print(f"  [{m['doc']}] {m['gold'][:100]}  <<  {m['predicted'][:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
