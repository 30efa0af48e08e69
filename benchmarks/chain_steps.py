"""The steps of the tracked facts a chain's roll-up finds: which are right, which wrong, and why.

    python benchmarks/chain_steps.py [CHAIN ...] [--why] [--misses] [--causes] [--shared ../shared]

``claimx eval CHAIN`` scores a found fact's history as a whole; this script
counts its steps (one per article that speaks to the fact, ``ANNOTATION.md``,
"Tracked facts across articles"): right (the article speaks, with gold's
status), missing (gold has a step, the group none), extra (the group has a
step, gold none) and with the wrong status, and the found facts whose value
is wrong. With no CHAIN it scores the dev chains (the shared GM chain, the
chains of ``benchmarks/chains`` and the shared devset); held chains
(``*-held``) are refused.

``--why`` prints, for a chain whose errors may be read (the read chains of the
session's brief, never a chain that is only scored), every found fact whose
history or value is wrong, step by step: gold's and the roll-up's status, the
claim that spoke, and for a missing step or a wrong status, the claims of
that article whose words best match a phrase the chain's ``NOTES.md`` quotes
for the step, with the groups each is filed under ("-" for none: no group
holds it) or "no claim" when none matches. That tells a step lost to grouping
(the article's claim sits under another subject or slot) from one the
roll-up lost (the group holds the claim, another spoke or none did).

``--misses`` prints, for such a chain, why each fact no group stands for is
missed (:func:`miss_kind`): under the gold subject and topic the groups have
other keys ("key"); under the subject and key another topic ("topic"); of
the topic and key only other subjects ("subject"); the subject alone
("topic+key"); the subject's last word in no group but in a claim's subject
("subject: claim only") or in none ("subject: absent"); or a group that fits
is another fact's ("taken"); and counts the kinds over the chains named.

``--causes`` counts, for such a chain and over the chains named, the wrong
steps and values of found facts by cause (:func:`causes`): a wrong status
where another claim of the group in that article has gold's status (the
roll-up chose the voice) or where none has (the claims' own status, or the
claim that speaks filed elsewhere); an extra step; a missing step whose
``NOTES.md`` quote matches a claim filed under another key of the fact's
subject, under another subject, in no group, or matches no claim, or that
the notes quote nothing for; a value wrong where the roll-up gives none or
another.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from claimx.evaluate import (
    STATUS_GOLD, chain_rollup, key_fits, load_chain_articles, load_status_gold, score_chain, subject_fits,
)
from claimx.pipeline import extract_articles
from claimx.subjects import load_aliases, normalise

ROOT = Path(__file__).resolve().parent.parent
_WORDS = re.compile(r"\w+")
#: a word of a name, as the chain scorer compares names (:func:`claimx.evaluate.subject_fits`)
_NAME_WORD = re.compile(r"[^\W_]+")
#: a fact's line in NOTES.md: "3. General Motors / business / funding (…) = confirmed, …"
_FACT = re.compile(r"^\d+\. (.+?) / (\w+) / (.+?)(?: \(.*?\))? = ")
#: a step's line under it: "   wn-121134 confirmed: "quote" / "quote" …"
_STEP = re.compile(r"^\s+([\w.-]+) (\w+): (.*)")
_QUOTE = re.compile(r'"([^"]{6,})"')
#: an article's letter in the notes' list of articles: 'nyt_2015-12-18_rubio (2015-12-18, NYT, "A")'
_LETTER = re.compile(r'([\w.-]+) \([^()]*"([A-Z])"\)')


def dev_chains(shared: Path) -> list[Path]:
    """RETURNS (list[Path]): the dev chains: the shared GM chain, ``benchmarks/chains/*``, the shared devset."""
    chains = [shared / "realdev" / "chains" / "gm-bankruptcy", *sorted(p for p in (ROOT / "benchmarks" / "chains").iterdir() if p.is_dir())]
    return [*chains, shared / "devset"]


def step_counts(facts, records) -> dict[str, int]:
    """RETURNS (dict): over the found facts of a scored chain, steps right / missing / extra / wrong status, and values wrong."""
    result = score_chain(facts, records)
    out = {"facts": result.n_facts, "found": result.found, "right": 0, "missing": 0, "extra": 0, "status": 0, "value": 0}
    for fact in result.facts:
        if not fact.found:
            continue
        gold = dict(step.split(":") for step in fact.gold_history)
        pred = dict(step.rsplit(":", 1) for step in fact.pred_history)
        for doc in gold.keys() | pred.keys():
            if doc in gold and doc in pred:
                out["right" if gold[doc] == pred[doc] else "status"] += 1
            else:
                out["missing" if doc in gold else "extra"] += 1
        out["value"] += not fact.value_right
    return out


def miss_kind(fact, groups, claim_subjects) -> str:
    """RETURNS (str): why no group stands for a gold fact (see the module's doc):
    ``groups`` the roll-up's records, ``claim_subjects`` the claims' subject names."""
    by_subject = [g for g in groups if subject_fits(g.subject, fact.subject)]
    same_topic = [g for g in by_subject if g.topic == fact.topic]
    if any(key_fits(g.key, fact.key) for g in same_topic):
        return "taken"
    if same_topic:
        return "key"
    if any(key_fits(g.key, fact.key) for g in by_subject):
        return "topic"
    if any(g.topic == fact.topic and key_fits(g.key, fact.key) for g in groups):
        return "subject"
    if by_subject:
        return "topic+key"
    last = _NAME_WORD.findall(normalise(fact.subject))[-1:]
    said = (_NAME_WORD.findall(normalise(name)) for name in claim_subjects)
    return "subject: claim only" if last and any(last[0] in words for words in said) else "subject: absent"


def misses(facts, records, predictions) -> Counter:
    """Print each fact no group stands for with its kind (:func:`miss_kind`) and the groups nearest it.

    RETURNS (Counter): the kinds, counted."""
    groups = list(records.values())
    subjects = [c.subject.name for claims in predictions.values() for c in claims]
    kinds: Counter = Counter()
    for fact in score_chain(facts, records).facts:
        if fact.found:
            continue
        kind = miss_kind(fact, groups, subjects)
        kinds[kind] += 1
        near = sorted({
            f"{g.subject} / {g.topic} / {g.key}" for g in groups
            if subject_fits(g.subject, fact.subject) and (g.topic == fact.topic or key_fits(g.key, fact.key))
            or (g.topic == fact.topic and key_fits(g.key, fact.key))
        })
        print(f"  [{kind}] {fact.subject} / {fact.topic} / {fact.key}: {'; '.join(near[:8]) or '-'}")
    return kinds


def notes_quotes(notes: str) -> dict[tuple[str, str, str], dict[str, list[str]]]:
    """RETURNS (dict): (subject, topic, key) -> article -> the phrases NOTES.md quotes for that step."""
    out: dict[tuple[str, str, str], dict[str, list[str]]] = {}
    # notes that name each article by a letter ("A confirmed: …") list the letters first
    letters = {letter: doc for doc, letter in _LETTER.findall(notes)}
    fact = None
    for line in notes.splitlines():
        if m := _FACT.match(line):
            fact = (m.group(1).strip(), m.group(2), m.group(3).strip())
        elif fact is not None and (m := _STEP.match(line)):
            doc = letters.get(m.group(1), m.group(1))
            out.setdefault(fact, {}).setdefault(doc, []).extend(_QUOTE.findall(m.group(3)))
    return out


def best_matches(claims, quotes: list[str]) -> list:
    """RETURNS (list): per quoted phrase, the claim sharing most of its words (at least half of the shorter's), if any."""
    out = []
    for quote in quotes:
        words = set(_WORDS.findall(quote.casefold()))
        scored = []
        for claim in claims:
            mine = set(_WORDS.findall(claim.text.casefold()))
            if mine and words:
                scored.append((len(mine & words) / min(len(mine), len(words)), claim))
        if scored:
            share, claim = max(scored, key=lambda pair: pair[0])
            if share >= 0.5 and claim not in out:
                out.append(claim)
    return out


def why(folder: Path, facts, records, members, predictions, order: list[str]) -> None:
    """Print each found fact whose history or value is wrong, step by step (see the module's doc)."""
    notes = (folder / "NOTES.md").read_text(encoding="utf-8") if (folder / "NOTES.md").exists() else ""
    quotes = notes_quotes(notes)
    filed: dict[str, list[str]] = {}
    for gid, by_doc in members.items():
        rec = records[gid]
        for ids in by_doc.values():
            for cid in ids:
                filed.setdefault(cid, []).append(f"{rec.subject} / {rec.topic} / {rec.key}")
    by_name = {(r.subject, r.topic, r.key): r for r in records.values()}
    for fact in score_chain(facts, records).facts:
        if not fact.found or (fact.history_right and fact.value_right):
            continue
        rec = by_name[(fact.pred_subject, fact.pred_topic, fact.pred_key)]
        print(f"\n{fact.subject} / {fact.topic} / {fact.key}  (group {rec.subject} / {rec.key}): "
              f"status {fact.gold_status} / {fact.pred_status}, value {fact.gold_value!r} / {fact.pred_value!r}")
        gold = dict(step.split(":") for step in fact.gold_history)
        steps = {step.doc_id: step for step in rec.history}
        said = quotes.get((fact.subject, fact.topic, fact.key), {})
        for doc in order:
            if doc not in gold and doc not in steps:
                continue
            g, p = gold.get(doc, "-"), steps[doc].status if doc in steps else "-"
            mark = "" if g == p else "missing" if p == "-" else "extra" if g == "-" else "status"
            spoke = f"  {steps[doc].text[:100]!r}" if doc in steps else ""
            print(f"  {mark:8s} {doc[:40]:40s} {g:11s} {p:11s}{spoke}")
            if mark in ("missing", "status") and notes:
                found = best_matches(predictions.get(doc, []), said.get(doc, []))
                if said.get(doc) and not found:
                    print(f"           no claim: {said[doc][0][:90]!r}")
                for claim in found:
                    print(f"           [{claim.status}] {claim.text[:80]!r} -> {filed.get(claim.claim_id, ['-'])}")


def causes(folder: Path, facts, records, members, predictions) -> Counter:
    """RETURNS (Counter): the wrong steps and values of the found facts of a chain whose errors
    may be read, by cause (see the module's doc: ``--causes``)."""
    notes = (folder / "NOTES.md").read_text(encoding="utf-8") if (folder / "NOTES.md").exists() else ""
    quotes = notes_quotes(notes)
    filed: dict[str, list] = {}
    for gid, by_doc in members.items():
        for ids in by_doc.values():
            for cid in ids:
                filed.setdefault(cid, []).append(records[gid])
    by_id = {claim.claim_id: claim for claims in predictions.values() for claim in claims}
    by_name = {(r.subject, r.topic, r.key): (gid, r) for gid, r in records.items()}
    out: Counter = Counter()
    for fact in score_chain(facts, records).facts:
        if not fact.found:
            continue
        gid, rec = by_name[(fact.pred_subject, fact.pred_topic, fact.pred_key)]
        if not fact.value_right:
            out["value: none given" if fact.pred_value is None else "value: another"] += 1
        gold = dict(step.split(":") for step in fact.gold_history)
        steps = {step.doc_id: step.status for step in rec.history}
        said = quotes.get((fact.subject, fact.topic, fact.key), {})
        for doc in gold.keys() | steps.keys():
            if doc in gold and doc in steps:
                if gold[doc] != steps[doc]:
                    held = [by_id[c] for c in members.get(gid, {}).get(doc, []) if c in by_id]
                    # the group holds a claim of that article with gold's status: another spoke
                    voice = any(claim.status == gold[doc] for claim in held)
                    out["status: another claim of the group spoke" if voice else "status: no claim of the group has it"] += 1
            elif doc in steps:
                out["extra"] += 1
            elif not said.get(doc):
                out["missing: no quote in the notes"] += 1
            else:
                found = best_matches(predictions.get(doc, []), said[doc])
                groups = [g for claim in found for g in filed.get(claim.claim_id, [])]
                if not found:
                    out["missing: no claim matches the notes"] += 1
                elif not groups:
                    out["missing: the claim is in no group"] += 1
                elif any(g.subject == rec.subject for g in groups):
                    out["missing: under another key of the subject"] += 1
                else:
                    out["missing: under another subject"] += 1
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("chains", nargs="*", type=Path)
    parser.add_argument("--why", action="store_true", help="the wrong steps of each found fact, and where the quoted claims are filed")
    parser.add_argument("--misses", action="store_true", help="why each fact no group stands for is missed, and the kinds counted")
    parser.add_argument("--causes", action="store_true", help="the wrong steps and values of found facts counted by cause")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    if (args.why or args.misses or args.causes) and not args.chains:
        parser.error("--why, --misses and --causes read a chain's errors: name the chains whose errors may be read")
    chains = args.chains or dev_chains(args.shared)
    if any(part.endswith("-held") for chain in chains for part in chain.resolve().parts):
        parser.error("held chains are only scored, by claimx eval at the end of a session")
    total: dict[str, int] = {}
    kinds: Counter = Counter()
    wrong: Counter = Counter()
    for folder in chains:
        articles = load_chain_articles(folder)
        predictions = extract_articles(articles, progress=False)
        facts = load_status_gold(folder / STATUS_GOLD)
        members: dict[str, dict[str, list[str]]] = {}
        records = chain_rollup(articles, predictions, pinned=load_aliases(folder) or None, members=members)
        counts = step_counts(facts, records)
        for k, v in counts.items():
            total[k] = total.get(k, 0) + v
        print(f"{folder.name:20s} found {counts['found']}/{counts['facts']}; steps of found facts: right {counts['right']}, "
              f"missing {counts['missing']}, extra {counts['extra']}, wrong status {counts['status']}; values wrong {counts['value']}")
        if args.why:
            why(folder, facts, records, members, predictions, [a.doc_id for a in articles])
        if args.misses:
            kinds += misses(facts, records, predictions)
        if args.causes:
            mine = causes(folder, facts, records, members, predictions)
            print("  " + ", ".join(f"{kind} {n}" for kind, n in sorted(mine.items())))
            wrong += mine
    if len(chains) > 1:
        print(f"{'all':20s} found {total['found']}/{total['facts']}; steps of found facts: right {total['right']}, "
              f"missing {total['missing']}, extra {total['extra']}, wrong status {total['status']}; values wrong {total['value']}")
    if args.causes and len(chains) > 1:
        print("wrong steps and values of found facts, by cause: " + ", ".join(f"{kind} {n}" for kind, n in wrong.most_common()))
    if args.misses:
        print("facts missed, by kind: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
