"""What decides each claim's topic, and how often gold agrees.

    python benchmarks/realnews/build.py      # the PolNeAR articles of realnews-dev, once
    python benchmarks/topic_audit.py [--sets devset realdev ...] [--json OUT] [--show N]

For every claim matched to a gold claim (as ``claimx eval`` matches them) on
the dev gold sets, the topic's decision is one of:

- ``words``: topic words (``topics.jsonl``) and slot words (``slots.jsonl``)
  voted; every rule that voted for the topic chosen is credited with the
  decision, and counted right when gold has that topic;
- ``money``: no topic words, the predicate states a sum of money: ``business``;
- ``attribute``: no topic words, the clause has a noun of its own: ``other``;
- ``sentence``: no topic words, another claim of the sentence gave its topic;
- ``default``: no topic words anywhere: ``other``;
- ``domain``: no topic words, and half the article's claims or more are of
  one domain topic (a business story): that topic;
- ``override``: a codename or a variant set the topic after the vote.

The table gives, per rule, how often it decided and how often gold agreed
(its precision), per set and in total, and the same per decision path. The
held-out sets are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rule_usage import KNOWN_SETS, set_folders

#: the dev gold sets and realnews-dev, as rule_usage.py knows them
SETS = dict(KNOWN_SETS)


def audit(name: str, folder: Path, nlp, extractor, rows: list) -> None:
    from claimx.claims.extensions import CLAIMS_KEY
    from claimx.claims.sentences import sentence_ids
    from claimx.claims.topic import _attribute, _domain
    from claimx.evaluate import _pred_order, load_gold, match_claims
    from claimx.nlp import make_doc
    from claimx.records import doc_records

    tagger = nlp.get_pipe("claimx_topic")
    gold = load_gold(folder)
    arts = {a.doc_id: a for a in gold.articles()}
    for gdoc in gold.docs:
        article = arts[gdoc.doc_id]
        doc = nlp(make_doc(nlp, article))
        records = sorted(doc_records(doc, article, extractor), key=_pred_order)
        spans = {(c.start_char, c.end_char): c for c in doc.spans[CLAIMS_KEY]}
        pairs = match_claims([(c.start, c.end) for c in gdoc.claims], [(p.span.start, p.span.end) for p in records])
        ents = list(doc.ents)
        sent_of = sentence_ids(doc)
        words = Counter(t for t in map(tagger._topic_word, doc) if t)
        # the article's domain, as near as its records tell it (the tagger
        # reads it from the topics before codenames and variants change them)
        domain = _domain([r.topic for r in records])

        def same_topic(claim, topic: str) -> bool:
            """Whether another claim of the sentence has the topic (the sentence's topic, not the domain's)."""
            return any(
                c is not claim and sent_of[c.start] == sent_of[claim.start] and (c._.claim or {}).get("topic") == topic
                for c in doc.spans[CLAIMS_KEY]
            )
        for gi, pi in pairs:
            g, p = gdoc.claims[gi], records[pi]
            claim = spans.get((p.span.start, p.span.end))
            if claim is None:
                continue
            votes: list = []
            inside = [e for e in ents if claim.start <= e.start < claim.end]
            voted = tagger.topic(claim, inside, None, votes)
            if voted is not None:
                path = "words" if voted == p.topic else "override"
            else:
                info = claim._.claim or {}
                head = doc[info.get("head", claim.root.i)]
                source = info.get("attribution") or {}
                if any(
                    e.label_ == "MONEY" and e.start > head.i and not (source and source["start"] <= e.start_char < source["end"])
                    for e in inside
                ):
                    path = "money"
                elif _attribute(claim, head, source, tagger._match):
                    path = "attribute"
                else:
                    same = [
                        c for c in doc.spans[CLAIMS_KEY]
                        if sent_of[c.start] == sent_of[claim.start] and c is not claim
                    ]
                    path = "sentence" if p.topic != "other" or same else "default"
                if p.topic != "other" and p.topic == domain and (path == "attribute" or not same_topic(claim, p.topic)):
                    path = "domain"
            rules = sorted({r for t, r, _ in votes if t == p.topic}) if path == "words" else [path]
            rows.append({
                "set": name, "doc": gdoc.doc_id, "line": g.line, "gold": g.topic, "pred": p.topic, "path": path,
                "rules": rules, "votes": votes, "text": claim.text, "sentence": claim.sent.text,
                "labels": [e.label_ for e in inside], "title": article.title, "doc_words": dict(words),
                "subject_labels": [
                    t.ent_type_ for c in doc[(claim._.claim or {}).get("head", claim.root.i)].children
                    if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree if t.ent_type_
                ],
            })


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    parser.add_argument("--json", type=Path, help="write every matched claim's decision here")
    parser.add_argument("--min", type=int, default=3, help="list rules that decided at least this often")
    args = parser.parse_args()
    from claimx.nlp import load_nlp, model_info, rule_packs
    from claimx.fingerprint import extractor_info

    nlp = load_nlp()
    name_, version = model_info(nlp)
    extractor = extractor_info(name_, version, rules_dir=rule_packs(nlp), settings={})
    rows: list = []
    folders = set_folders(args.sets)
    args.sets = list(folders)
    for name, folder in folders.items():
        audit(name, folder, nlp, extractor, rows)
        print(f"{name}: {sum(r['set'] == name for r in rows)} matched claims", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=0))
    by: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        for rule in r["rules"]:
            by[rule][(r["set"], r["gold"] == r["pred"])] += 1
            by[rule][("all", r["gold"] == r["pred"])] += 1
    print(f"{'rule':34} " + " ".join(f"{s[:11]:>11}" for s in [*args.sets, "all"]))
    for rule in sorted(by, key=lambda k: -(by[k][("all", True)] + by[k][("all", False)])):
        n = by[rule][("all", True)] + by[rule][("all", False)]
        if n < args.min:
            continue
        cells = []
        for s in [*args.sets, "all"]:
            right, wrong = by[rule][(s, True)], by[rule][(s, False)]
            cells.append(f"{right:>4}/{right + wrong:<4}  " if right + wrong else f"{'':>11}")
        flag = "  <-- wrong more often" if by[rule][("all", False)] > by[rule][("all", True)] else ""
        print(f"{rule:34} " + " ".join(f"{c:>11}" for c in cells) + flag)
    for s in [*args.sets, "all"]:
        mine = [r for r in rows if s in ("all", r["set"])]
        if mine:
            print(f"{s}: topic accuracy {sum(r['gold'] == r['pred'] for r in mine) / len(mine):.3f} ({len(mine)})")


if __name__ == "__main__":
    main()
