"""Sort claimx's claims where gold has none into kinds, and count each kind both ways (issue 12).

    python benchmarks/spurious_kinds.py SET [SET ...] [--list KIND] [--min N]

``benchmarks/boundary_errors.py`` counts the spurious predictions that touch
no gold claim (``no gold``) only as plain, quoted or asked. This script asks
what they are: every claim claimx makes on a set, and every gold claim, gets
the kinds that apply to it (a claim may have several), read from the parse
of its words and its sentence:

- ``question``, ``exclamation``: its sentence ends in "?" or "!";
  ``wh-question``: a question opened by "who", "what", "why", "how" ...;
- ``imperative``: its predicate is a bare verb with no subject or auxiliary;
- ``if-clause``: "if" or "unless" opens it or its predicate's clause;
- ``modal``: its predicate has "would", "could", "might", "may" or "should";
- ``first-person``, ``second-person``: the predicate's subject is "I"/"we" or "you";
- ``no name or figure``: no word of it is a name, an entity or a figure;
- ``short``: at most four words; ``verbless``: no verb at all;
- ``role appositive``: verbless, its top word an apposition or a noun with
  an article ("a Democratic pollster", "the president of the bank");
- ``participle``: its predicate an "-ing" or "-ed" participle with no
  subject and no finite auxiliary ("referring to the two resorts");
- ``bare report``: its predicate a reporting verb whose content is not in
  the claim ("Clinton said Tuesday", "he said of the claim");
- ``comment boilerplate``: it says someone did not comment ("declined to
  comment", "did not respond to a request for comment");
- ``top:<dep>``: how its top word hangs on the rest of its sentence
  (``ROOT``, ``advcl``, ``ccomp``, ``conj``, ``relcl`` ...);
- ``nested``: claimx's claim lies inside another claim of claimx;
- ``line``: it is a short line of its own with no stop (a heading, a caption);

and each kind is split by whether the claim lies in a quotation (``Q:``) or
not (``N:``). For each kind the table gives claimx's claims (matched to gold,
spurious with no gold claim touching them, spurious across a gold claim's
boundary), the share matched, and the gold claims of the same kind (found,
missed): a filter that drops a kind raises claim F1 only where the share
matched is under about F1/2 (43 % at F1 .85), and is worth writing only where
gold is one-sided, not where annotators take the kind half the time. Pairs of
kinds are counted too (``--min`` claims at least), since one kind alone is
seldom one-sided.

Pass only sets whose errors may be read: a held-out set is refused, and so is
any set named like a checking half (``*-check``).
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from boundary_errors import matched_articles  # noqa: E402

FIRST_PERSON = frozenset({"i", "we"})
SECOND_PERSON = frozenset({"you"})
HYPOTHETICAL_MODALS = frozenset({"would", "could", "might", "may", "should", "'d"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
#: what a reporting verb reports, when the claim holds it
CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "parataxis"})
COMMENT_REFUSAL = re.compile(
    r"\b(?:declin\w* to comment|not (?:immediately )?(?:respond|reply|return)\w*\b.{0,40}\bcomment|(?:has|have|had) not commented)",
    re.I,
)
SHORT_WORDS = 4
LINE_WORDS = 15


def kinds(span: Any, line: str, in_quote: bool, nested: bool, report_verbs: frozenset[str] = frozenset()) -> list[str]:
    """RETURNS (list[str]): the kinds of the claim whose words are ``span`` (see the module's doc)."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words:
        return []
    inside = {t.i for t in span}
    tops = [t for t in span if t.head.i == t.i or t.head.i not in inside]
    verbs = [t for t in tops if t.pos_ in ("VERB", "AUX")] or tops
    top = verbs[0]
    children = list(top.children)
    subjects = [c.lower_ for c in children if c.dep_ in SUBJECTS]
    sentence = top.sent.text.strip().rstrip("”\"’' ")
    found = [f"top:{top.dep_}"]
    if sentence.endswith("?"):
        found.append("question")
        opening = [t for t in top.sent if not (t.is_punct or t.is_space or t.pos_ == "CCONJ" or t.lower_ in ("so", "then"))]
        if opening and opening[0].tag_ in WH_TAGS:
            found.append("wh-question")
    if sentence.endswith("!"):
        found.append("exclamation")
    if top.tag_ == "VB" and not subjects and not any(c.dep_ in ("aux", "auxpass") for c in children):
        found.append("imperative")
    if any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in [*span, *children]):
        found.append("if-clause")
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in children):
        found.append("modal")
    if FIRST_PERSON & set(subjects):
        found.append("first-person")
    if SECOND_PERSON & set(subjects):
        found.append("second-person")
    if not any(t.ent_type_ or t.pos_ in ("PROPN", "NUM") for t in words):
        found.append("no name or figure")
    if len(words) <= SHORT_WORDS:
        found.append("short")
    if not any(t.pos_ in ("VERB", "AUX") for t in words):
        found.append("verbless")
        if top.dep_ == "appos" or (top.pos_ == "NOUN" and any(c.dep_ == "det" for c in children)):
            found.append("role appositive")
    finite_aux = [c for c in children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
    if top.tag_ in ("VBG", "VBN") and not subjects and not finite_aux:
        found.append("participle")
    if top.lemma_ in report_verbs and not any(c.dep_ in CONTENT_DEPS and c.i in inside for c in children):
        found.append("bare report")
    if COMMENT_REFUSAL.search(span.text):
        found.append("comment boilerplate")
    if nested:
        found.append("nested")
    if len(line.split()) <= LINE_WORDS and not re.search(r"[.!?:;\"”’)]$", line.strip()):
        found.append("line")
    return [f"{'Q' if in_quote else 'N'}:{k}" for k in found] + found


def measure(gold_dir: Path, nlp: Any, extractor: Any, report_verbs: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """RETURNS (list[dict]): one row per claim of a set, gold's and claimx's, with its kinds and outcome."""
    from claimx.claims.sentences import doc_quotations

    rows: list[dict[str, Any]] = []
    for article, doc, gspans, pspans, pairs in matched_articles(gold_dir, nlp, extractor):
        quotes = doc_quotations(doc)
        body = article.body
        for side, spans, matched, others in (
            ("gold", gspans, {g for g, _ in pairs}, pspans),
            ("pred", pspans, {p for _, p in pairs}, gspans),
        ):
            for k, (s, e) in enumerate(spans):
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                line_end = body.find("\n", e)
                line = body[body.rfind("\n", 0, s) + 1 : line_end if line_end >= 0 else len(body)]
                nested = side == "pred" and any(o != (s, e) and o[0] <= s and e <= o[1] for o in spans)
                if k in matched:
                    outcome = "matched"
                elif any(min(o[1], e) > max(o[0], s) for o in others):
                    outcome = "boundary"
                else:
                    outcome = "no gold"
                rows.append({
                    "doc": article.doc_id, "side": side, "outcome": outcome, "text": span.text,
                    "kinds": kinds(span, line, any(a <= s and e <= b for a, b in quotes), nested, report_verbs),
                })
    return rows


def table(rows: list[dict[str, Any]], min_claims: int) -> list[str]:
    """RETURNS (list[str]): the table's lines: every kind, then the pairs of kinds of at least ``min_claims`` claims."""
    counts: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for row in rows:
        single = sorted(set(row["kinds"]))
        combos = [(k,) for k in single] + [
            pair for pair in itertools.combinations([k for k in single if ":" not in k or k.startswith("top:")], 2)
        ]
        for combo in [("ALL",), *combos]:
            counts[combo][f"{row['side']} {row['outcome']}"] += 1
    lines = [
        "| kind | claimx | matched | no gold | boundary | matched share | gold | found |",
        "|---|---|---|---|---|---|---|---|",
    ]
    ordered = sorted(counts.items(), key=lambda item: (len(item[0]), -item[1]["pred no gold"]))
    for combo, c in ordered:
        pred = c["pred matched"] + c["pred no gold"] + c["pred boundary"]
        if len(combo) > 1 and pred < min_claims:
            continue
        cells = [
            " & ".join(combo), pred, c["pred matched"], c["pred no gold"], c["pred boundary"],
            f"{c['pred matched'] / pred if pred else 0.0:.2f}",
            c["gold matched"] + c["gold no gold"] + c["gold boundary"], c["gold matched"],
        ]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="gold sets whose errors may be read")
    parser.add_argument("--min", type=int, default=20, help="fewest claims of a pair of kinds to show it (20)")
    parser.add_argument("--list", metavar="KIND", help="also list claimx's claims of one kind that no gold claim touches")
    args = parser.parse_args(argv)
    refused = [s.name for s in args.sets if s.name.endswith(("-held", "-check"))]
    if refused:
        parser.error(f"{', '.join(refused)}: held-out sets and checking halves are never read")

    from claimx.claims.segment import load_attribution_rules
    from claimx.fingerprint import extractor_info
    from claimx.nlp import load_nlp, model_info

    nlp = load_nlp()
    report_verbs = load_attribution_rules().get("report_verb", frozenset())
    rows = [row for s in args.sets for row in measure(s, nlp, extractor_info(*model_info(nlp)), report_verbs)]
    print("\n".join(table(rows, args.min)))
    listed = (r for r in rows if r["side"] == "pred" and r["outcome"] == "no gold" and args.list in r["kinds"])
    for row in listed if args.list else ():
        print(f"  {row['doc']}: {row['text'][:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
