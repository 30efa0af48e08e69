"""Sort the claim errors of gold sets into categories of construction (issue 12).

    python benchmarks/boundary_errors.py SET [SET ...] [--json] [--list CATEGORY]

``claimx eval --errors`` says which gold claims were missed and which
predicted claims were spurious; this script says *why*, by the construction
that links the words gold and claimx cut apart differently, so that a
boundary rule can be aimed at the largest general category (and
``benchmarks/constructions.py`` then says whether gold is consistent there).
Pass only sets whose errors may be read: a held-out set is refused.

Each unmatched claim (the guide's matching, as ``claimx eval`` scores) gets a
kind and a category:

- ``merged``: a missed gold claim that lies inside a longer predicted claim
  (claimx kept together what gold split): the category is the construction
  that links the gold claim's words to the rest of that prediction, read from
  the parse of the gold claim's root (its own link when its head lies outside
  the gold claim, else its largest dependent inside the prediction but outside
  the gold claim);
- ``oversplit``: a spurious prediction that lies inside a gold claim (claimx
  split off what gold kept), categorised the same way;
- ``cut``: a missed gold claim or a spurious prediction that overlaps the
  other side without either holding the other;
- ``not found``: a missed gold claim no prediction touches, and ``no gold``: a
  spurious prediction that touches no gold claim, each as a question (the
  sentence ends in "?"), a quote (its sentence has a quotation mark) or plain.

The categories name the constructions of ``benchmarks/constructions.py``:
coordinated clauses with their own subject, coordinated predicates without
one, lists of nouns sharing a predicate, relative clauses, "because" clauses,
"to"-clauses, other adverbial clauses, participles, appositives, a reported
clause and its reporter, colon and dash elaborations, prepositional phrases
(with absolutes among them), elliptic conjuncts, and ``argument holding a
claim`` where the words gold splits off are a subject or object with a claim
inside it, or hang on one deeper down (a relative clause on the object, a
participle on the subject).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from constructions import _predicate, clause_construction, noun_construction  # noqa: E402

DASHES = frozenset({"—", "–", "-", "--"})
QUOTES = ("“", '"', "‘")


def category(token: Any, report_verbs: frozenset[str]) -> str:
    """RETURNS (str): the category of the construction that links ``token`` to its head."""
    kind = (clause_construction(token, report_verbs) if _predicate(token) else noun_construction(token)) or token.dep_
    before = token.doc[token.left_edge.i - 1].text if token.left_edge.i > 0 else ""
    if before in DASHES and not kind.startswith("conj-clause"):
        return "dash elaboration"
    if before == ":" or kind == "colon-clause":
        return "colon elaboration"
    prefixes = (
        (("reported-frame", "ccomp-other"), "reported clause and its reporter"),
        (("conj-clause",), "coordinated clauses (own subject)"),
        (("conj-VP", "dep-finite"), "coordinated predicates (no subject)"),
        (("NP-",), "lists of nouns sharing a predicate"),
        (("relcl",), "relative clauses"),
        (("advcl-because",), "because clauses"),
        (("advcl-to", "xcomp"), "to-clauses"),
        (("advcl",), "other adverbial clauses"),
        (("partic", "acl"), "participles"),
        (("appos",), "appositives"),
        (("prep", "pobj", "pcomp"), "prepositional phrases"),
        (("conj",), "elliptic conjuncts"),
    )
    if kind in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
        return "argument holding a claim"
    for starts, name in prefixes:
        if kind.startswith(starts):
            return name
    return f"other ({kind})"


def link(span: Any, outer: tuple[int, int], report_verbs: frozenset[str]) -> str:
    """RETURNS (str): the category of what links ``span`` to the rest of the claim ``outer`` that holds it."""
    start, end = span.start_char, span.end_char
    # the word of the span that links it to the rest: of the words whose head
    # lies outside it, the one with most of the span below it ("but *lose* to
    # X", not "but")
    tops = [t for t in span if t.head.i == t.i or not start <= t.head.idx < end]
    root = max(tops, key=lambda t: (sum(1 for d in t.subtree if start <= d.idx < end), -t.i)) if tops else span.root
    if root.head.i != root.i and not start <= root.head.idx < end:
        return category(root, report_verbs)
    rest = [
        c for c in root.children
        if not start <= c.idx < end and outer[0] <= c.idx < outer[1] and c.dep_ not in ("punct", "cc")
    ]
    if not rest:
        return "argument holding a claim"
    return category(max(rest, key=lambda c: len(list(c.subtree))), report_verbs)


def where(span: Any) -> str:
    """RETURNS (str): "question", "quote" or "plain" for the sentence of ``span``."""
    sentence = span.sent.text.strip().rstrip("”\"’'")
    if sentence.endswith("?"):
        return "question"
    return "quote" if any(q in span.sent.text for q in QUOTES) else "plain"


def matched_articles(gold_dir: Path, nlp: Any, extractor: Any) -> Iterator[tuple[Any, Any, list, list, list]]:
    """YIELDS (tuple): per article of a set, the article, its Doc, the gold
    claims' and claimx's claims' character spans, and their matched pairs
    (``(gold index, claimx index)``, the guide's matching)."""
    from claimx.evaluate import load_gold, match_claims
    from claimx.nlp import pipe_articles
    from claimx.records import doc_records

    gold = load_gold(gold_dir)
    docs = {d.doc_id: d for d in gold.docs}
    for article, doc in pipe_articles(nlp, gold.articles()):
        gspans = [(c.start, c.end) for c in docs[article.doc_id].claims]
        pspans = [(r.span.start, r.span.end) for r in doc_records(doc, article, extractor)]
        yield article, doc, gspans, pspans, match_claims(gspans, pspans)


def measure(gold_dir: Path, nlp: Any, extractor: Any, report_verbs: frozenset[str]) -> list[dict[str, Any]]:
    """RETURNS (list[dict]): one row per unmatched claim of a set: kind, category, text."""
    rows: list[dict[str, Any]] = []
    for article, doc, gspans, pspans, pairs in matched_articles(gold_dir, nlp, extractor):
        sides = (
            ("gold", gspans, {g for g, _ in pairs}, pspans, ("merged", "not found")),
            ("pred", pspans, {p for _, p in pairs}, gspans, ("oversplit", "no gold")),
        )
        for side, spans, matched, others, (inside_kind, alone_kind) in sides:
            for k, (s, e) in enumerate(spans):
                if k in matched:
                    continue
                span = doc.char_span(s, e, alignment_mode="expand")
                touching = [o for o in others if min(o[1], e) > max(o[0], s)]
                if not touching:
                    kind, cat = alone_kind, where(span)
                else:
                    holding = [o for o in touching if o[0] <= s and e <= o[1]]
                    kind, cat = (inside_kind, link(span, holding[0], report_verbs)) if holding else ("cut", "cut differently")
                rows.append({"set": gold_dir.name, "doc": article.doc_id, "side": side, "kind": kind, "category": cat, "text": span.text})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="gold sets whose errors may be read")
    parser.add_argument("--json", action="store_true", help="print every row as JSON")
    parser.add_argument("--list", metavar="CATEGORY", help="also list the claims of one category")
    args = parser.parse_args(argv)
    if any(s.name.endswith("-held") for s in args.sets):
        parser.error("held-out sets are never read")

    from claimx.claims.segment import load_attribution_rules
    from claimx.fingerprint import extractor_info
    from claimx.nlp import load_nlp, model_info

    nlp = load_nlp()
    extractor = extractor_info(*model_info(nlp))
    report_verbs = load_attribution_rules().get("report_verb", frozenset())
    rows = [row for s in args.sets for row in measure(s, nlp, extractor, report_verbs)]
    if args.json:
        print(json.dumps(rows, indent=1, ensure_ascii=False))
        return 0
    counts = Counter((r["kind"], r["category"]) for r in rows)
    print("| kind | category | claims |\n|---|---|---|")
    for (kind, cat), n in sorted(counts.items(), key=lambda item: (item[0][0], -item[1], item[0][1])):
        print(f"| {kind} | {cat} | {n} |")
    if args.list:
        for r in rows:
            if r["category"] == args.list:
                print(f"  [{r['kind']}] {r['doc']}: {r['text'][:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
