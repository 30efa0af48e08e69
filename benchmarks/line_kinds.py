"""How gold and claimx treat the short lines of their own inside a body (issue 12).

    python benchmarks/line_kinds.py SET [SET ...] [--list KIND]

Published news carries section heads, captions, sign-offs and list items as
lines of their own, with or without a stop. This script sorts every line of
the body after the first one, of at most 15 words and of one sentence or
more, by kind, and counts how many of each kind hold a gold claim and how
many a claim of claimx (any overlap), so that a rule about such lines is
made only where gold is one-sided:

- ``list item``: after a line ending in a colon (through its block of lines),
  or opened by a dash or a bullet;
- ``capitals``: in capitals throughout;
- ``title case``: every word of four letters or more capitalised, three of
  them at least;
- ``no verb``: one sentence with no verb tag (VB, VBD, VBN, VBP, VBZ, MD) and
  no auxiliary, split by whether it has a preposition;
- ``-ing only``: one sentence whose only verb is an "-ing" form;
- ``with verb``: the rest.

Pass only sets whose errors may be read: a held-out set is refused.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

VERB_TAGS = frozenset({"VB", "VBD", "VBN", "VBP", "VBZ", "MD"})
LINE_WORDS = 15


def line_kind(doc: Any, text: str, start: int, end: int, list_item: bool) -> str | None:
    """RETURNS (str | None): the kind of the line ``text[start:end]``, or None (too long, or empty)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tokens = [t for t in span if not t.is_space]
    content = [t for t in tokens if not t.is_punct]
    if not content or len(content) > LINE_WORDS:
        return None
    if list_item or (tokens[0].is_punct and not tokens[0].is_quote):
        return "list item"
    letters = [ch for ch in text[start:end] if ch.isalpha()]
    if letters and not any(ch.islower() for ch in letters):
        return "capitals"
    long_words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text[start:end]) if len(w) >= 4]
    if len(long_words) >= 3 and all(w[0].isupper() for w in long_words):
        return "title case"
    if len(list(span.sents)) > 1:
        return "with verb"
    verbs = [t for t in tokens if t.tag_ in VERB_TAGS or t.pos_ == "AUX"]
    if not verbs:
        if any(t.tag_ == "VBG" for t in tokens):
            return "-ing only"
        return "no verb, preposition" if any(t.pos_ == "ADP" for t in tokens) else "no verb"
    return "with verb"


def measure(gold_dir: Path, nlp: Any, extractor: Any) -> list[dict[str, Any]]:
    """RETURNS (list[dict]): one row per short line of a set's bodies: kind, gold, claimx, text."""
    from claimx.evaluate import load_gold
    from claimx.nlp import pipe_articles
    from claimx.records import doc_records

    gold = load_gold(gold_dir)
    docs = {d.doc_id: d for d in gold.docs}
    rows: list[dict[str, Any]] = []
    for article, doc in pipe_articles(nlp, gold.articles()):
        text = doc.text
        gspans = [(c.start, c.end) for c in docs[article.doc_id].claims]
        pspans = [(r.span.start, r.span.end) for r in doc_records(doc, article, extractor)]
        lead_colon = False  # in a block of lines after a line ending in a colon
        for m in re.finditer(r"[^\n]*\n?", text):
            line = m.group().strip()
            if not line:
                lead_colon = False  # a blank line ends a block
                continue
            start = m.start() + m.group().index(line[0])
            end = start + len(line)
            item = lead_colon or text[: m.start()].rstrip().endswith(":")
            lead_colon = item or line.endswith(":")
            if not text[:start].strip():
                continue  # the first line: a title, or the headline of an untitled body
            kind = line_kind(doc, text, start, end, item)
            if kind is None:
                continue
            rows.append({
                "set": gold_dir.name, "doc": article.doc_id, "kind": kind, "text": line,
                "gold": any(min(e, end) > max(s, start) for s, e in gspans),
                "claimx": any(min(e, end) > max(s, start) for s, e in pspans),
            })
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="gold sets whose errors may be read")
    parser.add_argument("--list", metavar="KIND", help="also list the lines of one kind")
    args = parser.parse_args(argv)
    if any(s.name.endswith("-held") for s in args.sets):
        parser.error("held-out sets are never read")

    from claimx.fingerprint import extractor_info
    from claimx.nlp import load_nlp, model_info

    nlp = load_nlp()
    extractor = extractor_info(*model_info(nlp))
    rows = [row for s in args.sets for row in measure(s, nlp, extractor)]
    counts: Counter[tuple[str, bool, bool]] = Counter((r["kind"], r["gold"], r["claimx"]) for r in rows)
    print("| kind | lines | gold | claimx | claimx, not gold | gold, not claimx |\n|---|---|---|---|---|---|")
    for kind in sorted({r["kind"] for r in rows}):
        n = sum(v for (k, _, _), v in counts.items() if k == kind)
        g = sum(v for (k, gk, _), v in counts.items() if k == kind and gk)
        p = sum(v for (k, _, pk), v in counts.items() if k == kind and pk)
        print(f"| {kind} | {n} | {g} ({g / n:.0%}) | {p} ({p / n:.0%}) | {counts[(kind, False, True)]} | {counts[(kind, True, False)]} |")
    if args.list:
        for r in rows:
            if r["kind"] == args.list:
                print(f"  [{'G' if r['gold'] else '-'}{'C' if r['claimx'] else '-'}] {r['doc']}: {r['text'][:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
