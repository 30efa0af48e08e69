"""Tabulate, per clause construction, how often gold splits and how often claimx does (issue 12).

    python benchmarks/constructions.py [SET ...] [--shared ../shared] [--json] [--list CONSTRUCTION]

A claim boundary rule can only win where the annotators are consistent. For
every pair of words that a construction links in the parse (a dependent
predicate and the word it hangs on: the second of two coordinated clauses, a
relative clause and its noun, an adverbial clause and its verb, a reported
clause and its reporting verb, an item of a list and the one before it …)
this script asks of the gold claims and of claimx's claims whether the two
words are in one claim (*keep*) or in two (*split*); each word counts in the
shortest claim that holds it, so a claim nested in another splits. Pairs with
only one word in a claim, or neither, are counted apart (``head-only``,
``dep-only``) and left out of the rates.

The constructions (from the parse of the small English model, so a misparse
lands in the wrong row now and then):

- ``conj-clause+subj``: a coordinated clause with its own subject;
  ``conj-VP-finite`` / ``conj-VP-nonfinite``: a coordinated predicate without
  one, finite or not (``(in-report)`` when the first conjunct is a reported clause);
- ``relcl-restr`` / ``relcl-nonrestr``: a relative clause, set off by a comma,
  a dash or a parenthesis (non-restrictive) or not;
- ``advcl-<word>``: an adverbial clause by its subordinator (when, after,
  because, while, as …); ``advcl-to``: an infinitive of purpose;
  ``partic-VBG-…`` / ``partic-VBN-…``: a participial clause, before its verb
  (``lead``) or after it, set off by a comma or not;
- ``acl-…``: a participle or a finite clause on a noun;
- ``reported-frame-first`` / ``reported-frame-after``: a reported clause and
  its reporting verb (the ``report_verb`` rules of ``attribution.jsonl``);
  ``ccomp-other``, ``colon-clause``, ``dash-clause``, ``parataxis-other``:
  other complement and loose clauses;
- ``appos-verbal`` / ``appos-NP``: an appositive with a verb or without;
  ``NP-coord2`` / ``NP-list3+``: coordinated nouns, two or three and more
  (``-in-subj`` when they are the subject);
- ``dep-…``: a verb the parser could not attach (``dep``).

A rule pays less often than "gold splits most of the time" suggests, and
more often too: splitting a pair claimx keeps adds one matched claim where
gold splits and one spurious claim where it keeps, so it raises claim F1 when
gold splits more than F1/2 of those pairs (about 43 % at F1 .85), and keeping
together a pair claimx splits pays when gold splits fewer than F1/2 of them.
The last two columns give those shares (``gold split | claimx keep`` and
``gold split | claimx split``); a rule that takes only part of a construction
must be measured on its own part (a subset with its own share).

The held-out sets (``*-held``) are never read; score rn-check-like halves
with ``claimx eval`` only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parse_loss import open_sets  # noqa: E402  (the census scripts share their set-up)

ROOT = Path(__file__).resolve().parent.parent
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SET_OFF = frozenset({",", "(", "—", "–", "-", ";"})
MARKS = frozenset(
    {"when", "after", "because", "while", "as", "before", "since", "although", "though", "if", "unless", "until", "so", "once", "whereas"}
)
SOURCES = ("polnear", "meantime", "written")


def _finite(token: Any) -> bool:
    return token.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in token.children)


def _predicate(token: Any) -> bool:
    if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
        return True
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _before(token: Any) -> Any | None:
    first = token.left_edge
    return token.doc[first.i - 1] if first.i > token.sent.start else None


def clause_construction(d: Any, report_verbs: frozenset[str]) -> str | None:
    """RETURNS (str | None): the construction that links predicate ``d`` to its head, or None."""
    h = d.head
    prev = _before(d)
    set_off = prev is not None and prev.text in SET_OFF
    dep = d.dep_
    if dep == "conj":
        if not _predicate(h):
            return None
        if any(c.dep_ in SUBJECT_DEPS for c in d.children):
            kind = "conj-clause+subj"
        else:
            kind = "conj-VP-finite" if _finite(d) else "conj-VP-nonfinite"
        if h.dep_ == "ccomp" and h.head.lemma_.lower() in report_verbs:
            kind += "(in-report)"
        return kind
    if dep == "relcl":
        return "relcl-nonrestr" if set_off else "relcl-restr"
    if dep == "advcl":
        marks = [c.lower_ for c in d.children if c.dep_ == "mark"]
        marks += [c.lower_ for c in d.children if c.dep_ == "advmod" and c.tag_ == "WRB" and c.i == d.left_edge.i]
        if marks:
            return f"advcl-{marks[0] if marks[0] in MARKS else 'other'}"
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in d.children):
            return "advcl-to"
        where = "lead" if d.i < h.i else "trail"
        if d.tag_ == "VBG":
            return "partic-VBG-lead" if where == "lead" else f"partic-VBG-trail-{'setoff' if set_off else 'bare'}"
        if d.tag_ == "VBN":
            return f"partic-VBN-{where}"
        return "advcl-nomark-" + ("subj" if any(c.dep_ in SUBJECT_DEPS for c in d.children) else "nosubj")
    if dep == "acl":
        if any(c.dep_ in SUBJECT_DEPS for c in d.children) and _finite(d):
            return "acl-finite"
        if d.tag_ in ("VBN", "VBG"):
            return f"acl-{d.tag_}-{'setoff' if set_off else 'bare'}"
        return None
    if dep in ("ccomp", "parataxis"):
        if h.lemma_.lower() in report_verbs:
            return f"reported-frame-{'first' if h.i < d.i else 'after'}"
        if prev is not None and prev.text == ":":
            return "colon-clause"
        if prev is not None and prev.text in ("—", "–", "-"):
            return "dash-clause"
        return f"{dep}-other"
    if dep == "appos":
        return "appos-verbal"
    if dep == "dep":
        own = "+subj" if any(c.dep_ in SUBJECT_DEPS for c in d.children) else ""
        return f"dep-{'finite' if _finite(d) else 'nonfinite'}{own}-{'after' if d.i > h.i else 'before'}"
    return None


def noun_construction(d: Any) -> str | None:
    """RETURNS (str | None): the construction that links noun ``d`` to its head (an appositive, a list), or None."""
    if d.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    h = d.head
    if d.dep_ == "appos":
        return "appos-NP"
    if d.dep_ != "conj" or h.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    first = h
    while first.dep_ == "conj":
        first = first.head
    items, current = 1, first
    while True:
        nxt = [c for c in current.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM")]
        if not nxt:
            break
        current, items = nxt[0], items + 1
    kind = "NP-list3+" if items >= 3 else "NP-coord2"
    return kind + ("-in-subj" if first.dep_ in SUBJECT_DEPS else "")


def _shortest(spans: list[tuple[int, int]], start: int, end: int) -> int | None:
    best = None
    for k, (s, e) in enumerate(spans):
        if s <= start and end <= e and (best is None or e - s < spans[best][1] - spans[best][0]):
            best = k
    return best


def decision(spans: list[tuple[int, int]], head: Any, dep: Any) -> str:
    """RETURNS (str): "keep", "split", "head-only", "dep-only" or "none" for two words and a set of claim spans."""
    a = _shortest(spans, head.idx, head.idx + len(head.text))
    b = _shortest(spans, dep.idx, dep.idx + len(dep.text))
    if a is None and b is None:
        return "none"
    if a is None:
        return "dep-only"
    if b is None:
        return "head-only"
    return "keep" if a == b else "split"


def source_of(set_name: str, doc_id: str) -> str:
    """RETURNS (str): where an article comes from: MEANTIME (Wikinews), PolNeAR, or a set written for the project."""
    if set_name in ("devset", "goldset-2", "goldset-3"):
        return "written"
    return "meantime" if doc_id.startswith("wn-") else "polnear"


def measure(gold_dir: Path, nlp: Any, extractor: Any, report_verbs: frozenset[str]) -> list[dict[str, Any]]:
    """RETURNS (list[dict]): one row per linked pair of a set: construction, gold and claimx decisions, the sentence."""
    from claimx.evaluate import load_gold
    from claimx.nlp import pipe_articles
    from claimx.records import doc_records

    gold = load_gold(gold_dir)
    docs = {d.doc_id: d for d in gold.docs}
    rows = []
    for article, doc in pipe_articles(nlp, gold.articles()):
        gspans = [(c.start, c.end) for c in docs[article.doc_id].claims]
        pspans = [(r.span.start, r.span.end) for r in doc_records(doc, article, extractor)]
        for d in doc:
            if d.dep_ == "ROOT":
                continue
            kind = clause_construction(d, report_verbs) if _predicate(d) else noun_construction(d)
            if kind is None:
                continue
            g, p = decision(gspans, d.head, d), decision(pspans, d.head, d)
            if g == p == "none":
                continue
            rows.append(
                {"set": gold_dir.name, "source": source_of(gold_dir.name, article.doc_id), "doc": article.doc_id,
                 "construction": kind, "gold": g, "claimx": p, "head": d.head.text, "dep": d.text, "sentence": d.sent.text.strip()}
            )
    return rows


def table(rows: list[dict[str, Any]]) -> list[str]:
    """RETURNS (list[str]): a markdown table: per construction, pairs, gold and claimx split rates, by source."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row["construction"]].append(row)

    def rate(part: list[dict[str, Any]], who: str) -> str:
        both = [r for r in part if r["gold"] in ("keep", "split") and r["claimx"] in ("keep", "split")]
        if not both:
            return "-"
        return f"{100 * sum(r[who] == 'split' for r in both) / len(both):.0f}%"

    lines = [
        "| construction | pairs | gold split | claimx split | gold split / claimx keep | gold keep / claimx split | "
        + " | ".join(f"{s} gold/claimx (n)" for s in SOURCES)
        + " | gold split given claimx keeps (n) | gold split given claimx splits (n) |",
        "|---|---|---|---|---|---|" + "---|" * len(SOURCES) + "---|---|",
    ]
    for kind in sorted(groups, key=lambda k: -len(groups[k])):
        part = [r for r in groups[kind] if r["gold"] in ("keep", "split") and r["claimx"] in ("keep", "split")]
        if len(part) < 3:
            continue
        missed = sum(r["gold"] == "split" and r["claimx"] == "keep" for r in part)
        over = sum(r["gold"] == "keep" and r["claimx"] == "split" for r in part)
        cells = []
        for source in SOURCES:
            mine = [r for r in part if r["source"] == source]
            cells.append(f"{rate(mine, 'gold')}/{rate(mine, 'claimx')} ({len(mine)})" if mine else "-")
        given = []
        for side in ("keep", "split"):
            mine = [r for r in part if r["claimx"] == side]
            given.append(f"{rate(mine, 'gold')} ({len(mine)})" if mine else "-")
        lines.append(
            f"| {kind} | {len(part)} | {rate(part, 'gold')} | {rate(part, 'claimx')} | {missed} | {over} | "
            + " | ".join(cells) + " | " + " | ".join(given) + " |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", type=Path, help="gold sets (default: every development set)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", action="store_true", help="print every pair as JSON")
    parser.add_argument("--list", metavar="CONSTRUCTION", help="also list the pairs of one construction where gold and claimx differ")
    args, sets, nlp, extractor, report_verbs = open_sets(parser, argv)
    rows = [row for s in sets for row in measure(s, nlp, extractor, report_verbs)]
    if args.json:
        print(json.dumps(rows, indent=1, ensure_ascii=False))
        return 0
    print("\n".join(table(rows)))
    counts = Counter((r["gold"], r["claimx"]) for r in rows)
    print(f"\n{len(rows)} pairs; gold and claimx agree on {sum(v for (g, p), v in counts.items() if g == p)}")
    if args.list:
        for r in rows:
            if r["construction"] == args.list and r["gold"] != r["claimx"]:
                print(f"  [{r['set']} {r['doc']}] gold {r['gold']}, claimx {r['claimx']}: {r['head']} -> {r['dep']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
