"""Count the gold claims lost where the parse is implausible for claim segmentation (issue 12, item 4).

    python benchmarks/parse_loss.py [SET ...] [--shared ../shared] [--json] [--list KIND]

The small English model misparses long news sentences. For every gold claim
of a set this script reads the parse of its words and asks, by one stated
test per kind, whether the parse is implausible there; then it counts how many
such claims claimx loses. The held-out sets (``*-held``) are never read.

The claim's predicate is the word of the gold evidence highest in the parse
tree that is a verb (a word whose head lies outside the evidence, else any
verb of the evidence, nearest the top); a claim with no verb has none.
The kinds, first that applies:

- ``finite_no_subject``: the predicate is finite (a finite tag, or a finite
  auxiliary or modal) but has no subject, and is not a conjunct, nor a
  conjunct's chain that ends in a verb with a subject ("cut jobs and *closed*
  plants" shares its subject; a finite verb with none anywhere is a misparse);
- ``clause_in_noun_phrase``: the predicate is finite, or has a subject of its
  own, yet hangs on a noun as a modifier (``acl``, ``amod``, ``compound``,
  ``nmod``, ``appos``) or as a noun's slot (``nsubj``, ``dobj``, ``pobj``,
  ``attr``, ``npadvmod``): a clause swallowed into a noun phrase (a relative
  clause, ``relcl``, is a plausible parse and does not count);
- ``verb_as_noun``: the evidence has no verb, but one of its words is tagged a
  noun, proper noun or adjective and takes a dependent only a verb takes
  (subject, auxiliary, object, negation), or is a noun attached as a clause
  (``ccomp``, ``advcl``, ``xcomp``, ``parataxis``, or a conjunct of a verb):
  a predicate tagged as a noun;
- ``clause_misattached``: the predicate is finite with a subject of its own,
  hung as the complement (``ccomp``) of a verb that reports nothing, with no
  "that", "whether" or wh-word: two clauses glued into one (a run-on, a
  dash or "&" between them);
- ``modifier_misattached``: a present participle of the evidence right
  after a noun, with no comma and no subject, subordinator or auxiliary of
  its own, is hung as an adverbial clause (``advcl``) on a verb of the
  evidence: the noun's modifier ("left a shadow *hanging* over the staff",
  "Times *bestselling* author") read as a clause of its own;
- ``report_misattached``: a reporting verb (``report_verb`` rules of
  ``attribution.jsonl``) before the claim in its sentence has a subject that
  is the gold source (at least half of its words), but the predicate is
  not within that verb's clause: the report hangs on another clause;
- ``finite_as_modifier``: a word of the evidence tagged a finite verb
  (``VBD``, ``VBZ``, ``VBP``) hangs on its head as an unlabelled dependent
  (``dep``) or as a noun's modifier (``amod``, ``compound``, ``nmod``), or the
  predicate itself is an unlabelled dependent: the parser found no place
  for a clause ("Lee, after a long delay - the road was shut - *reached* the
  town"; "a union that left the group and *endorsed* the plan");
- ``sentence_cut``: a sentence start claimx made (not at a line break) falls
  inside the evidence: the sentencizer cut the claim in two;
- ``sentence_missed``: the sentence claimx made around the evidence holds a
  sentence end it missed, a full stop on its own (not a title's, a
  ``title_abbreviation`` rule of ``sentences.jsonl``, nor an initial's) before
  a capitalised word, so two sentences were read as one.

The last three kinds were added in the eighteenth session; they are tested
after the first six, so those count as before.

A gold claim is *lost* when no predicted claim matches it (the guide's
matching, as ``claimx eval`` scores); it was *merged* when a predicted claim
covers at least half of it (it went into a longer claim), else *dropped*.
The figures: per kind, gold claims with that parse, lost, merged, dropped;
and the same for the claims whose parse passes every test. Across the kinds,
``merged_at_misparse`` counts the lost claims merged, with another gold
claim, into a predicted claim that holds a word tagged a finite verb hung as
an unlabelled dependent or a noun's modifier (the merge the misparse made).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KINDS = (
    "finite_no_subject",
    "clause_in_noun_phrase",
    "verb_as_noun",
    "clause_misattached",
    "modifier_misattached",
    "report_misattached",
    "finite_as_modifier",
    "sentence_cut",
    "sentence_missed",
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
#: dependencies of a word inside a noun phrase, or of a noun in its clause
NOMINAL_DEPS = frozenset({"acl", "amod", "compound", "nmod", "appos", "nsubj", "nsubjpass", "dobj", "pobj", "attr", "npadvmod"})
#: dependents that only a verb takes
VERBAL_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "neg"})
#: dependencies of a clause on its head
CLAUSAL_DEPS = frozenset({"ccomp", "advcl", "xcomp", "parataxis"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: dependencies that leave a finite verb no clause of its own: unlabelled, or a noun's modifier
MODIFIER_DEPS = frozenset({"dep", "amod", "compound", "nmod"})
_WORD = re.compile(r"\w+")


def dev_sets(shared: Path) -> list[Path]:
    """RETURNS (list[Path]): the development claim sets (never a held-out one)."""
    sets = [shared / "realdev", shared / "devset", *sorted(p.parent for p in ROOT.glob("benchmarks/*/gold"))]
    return [s for s in sets if (s / "gold").is_dir() and not s.name.endswith("-held")]


def _finite(verb: Any) -> bool:
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)


def _depth(token: Any) -> int:
    return sum(1 for _ in token.ancestors)


def predicate(span: Any) -> Any | None:
    """RETURNS (Token | None): the verb of a gold claim's words highest in the tree."""
    inside = {t.i for t in span}
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and not (t.pos_ == "AUX" and t.dep_ in ("aux", "auxpass"))]
    if not verbs:
        return None
    tops = [t for t in verbs if t.head.i not in inside or t.head.i == t.i]
    return min(tops or verbs, key=lambda t: (_depth(t), t.i))


def _has_subject_up_conj(verb: Any) -> bool:
    current = verb
    while True:
        if any(c.dep_ in SUBJECT_DEPS for c in current.children):
            return True
        if current.dep_ != "conj" or current.head.i == current.i:
            return False
        current = current.head


def parse_kind(span: Any, source: str | None, report_verbs: frozenset[str]) -> str | None:
    """RETURNS (str | None): the kind of implausible parse over a gold claim's words, or None."""
    pred = predicate(span)
    if pred is not None:
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in pred.children)
        relative = pred.dep_ == "relcl" or any(c.tag_ in ("WDT", "WP", "WP$") and c.dep_ in SUBJECT_DEPS for c in pred.children)
        if _finite(pred) and not relative and not _has_subject_up_conj(pred):
            return "finite_no_subject"
        if pred.dep_ in NOMINAL_DEPS and pred.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM") and (own_subject or _finite(pred)):
            return "clause_in_noun_phrase"
        if pred.dep_ in NOMINAL_DEPS and pred.head.pos_ in ("ADP",) and _finite(pred):
            return "clause_in_noun_phrase"
        if (
            pred.dep_ == "ccomp"
            and own_subject
            and _finite(pred)
            and pred.head.lemma_.lower() not in report_verbs
            and not any(c.dep_ == "mark" for c in pred.children)
            and pred.left_edge.tag_ not in ("WDT", "WP", "WP$", "WRB")
        ):
            return "clause_misattached"
    else:
        for t in span:
            if t.pos_ in ("NOUN", "PROPN", "ADJ") and any(c.dep_ in VERBAL_DEPS for c in t.children):
                return "verb_as_noun"
            if t.pos_ in ("NOUN", "PROPN") and (
                t.dep_ in CLAUSAL_DEPS or (t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"))
            ):
                return "verb_as_noun"
    inside = {t.i for t in span}
    for t in span:
        if (
            t.dep_ == "advcl"
            and t.tag_ == "VBG"
            and t.head.i in inside
            and t.head.i < t.i
            and t.i > span.start
            and t.doc[t.i - 1].pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("mark", "aux", "auxpass") for c in t.children)
        ):
            return "modifier_misattached"
    if source and pred is not None:
        gold_words = {w.lower() for w in _WORD.findall(source)}
        for r in span.sent:
            if r.i >= span.start or r.lemma_.lower() not in report_verbs or r.pos_ != "VERB":
                continue
            subject = next((c for c in r.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                continue
            words = {w.lower() for w in _WORD.findall(" ".join(t.text for t in subject.subtree))}
            if gold_words and len(words & gold_words) * 2 >= len(gold_words) and pred.i not in {t.i for t in r.subtree}:
                return "report_misattached"
    if (pred is not None and pred.dep_ == "dep") or any(t.tag_ in ("VBD", "VBZ", "VBP") and t.dep_ in MODIFIER_DEPS for t in span):
        return "finite_as_modifier"
    return sentence_kind(span)


def _titles() -> frozenset[str]:
    """RETURNS (frozenset[str]): the lower-cased title abbreviations of the sentence rules ("sen", "pres")."""
    path = ROOT / "models" / "en" / "sentences.jsonl"
    rules = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return frozenset(r["word"].lower().rstrip(".") for r in rules if r.get("kind") == "title_abbreviation")


TITLES = _titles()


def sentence_kind(span: Any) -> str | None:
    """RETURNS (str | None): "sentence_cut" where a sentence claimx made starts
    inside ``span`` (not after a line break), "sentence_missed" where the
    sentence around it holds a full stop on its own before a capitalised word."""
    doc = span.doc
    for t in span[1:]:
        if t.is_sent_start and not t.is_space and not (t.i > 0 and "\n" in doc[t.i - 1].text):
            return "sentence_cut"
    sent = span[0].sent
    for t in sent[:-1]:
        nxt = doc[t.i + 1]
        if (
            t.text == "."
            and t.whitespace_
            and nxt.text[:1].isupper()
            and t.i > sent.start
            and len(doc[t.i - 1].text) > 1
            and doc[t.i - 1].whitespace_ == ""
            and doc[t.i - 1].lower_ not in TITLES
        ):
            return "sentence_missed"
    return None


def _merged_at_misparse(doc: Any, pred: tuple[int, int], n: int, gspans: list[tuple[int, int]]) -> bool:
    """RETURNS (bool): whether the predicted claim ``pred`` a lost gold claim
    (number ``n``) went into holds another gold claim too (at least half of
    it), and a word of it tagged a finite verb hangs as an unlabelled
    dependent or a noun's modifier: two claims merged where the parser
    found no place for a clause."""
    if not any(m != n and 2 * (min(e, pred[1]) - max(s, pred[0])) >= e - s for m, (s, e) in enumerate(gspans)):
        return False
    span = doc.char_span(pred[0], pred[1], alignment_mode="expand")
    return span is not None and any(t.tag_ in ("VBD", "VBZ", "VBP") and t.dep_ in MODIFIER_DEPS for t in span)


def measure(gold_dir: Path, nlp: Any, extractor: Any, report_verbs: frozenset[str]) -> dict[str, Any]:
    """RETURNS (dict): per kind (and "plausible"), gold claims, lost, merged, dropped, and the lost claims."""
    from claimx.evaluate import load_gold, match_claims
    from claimx.nlp import pipe_articles
    from claimx.records import doc_records

    gold = load_gold(gold_dir)
    docs = {d.doc_id: d for d in gold.docs}
    counts: dict[str, Counter[str]] = {k: Counter() for k in (*KINDS, "plausible")}
    lost: list[dict[str, Any]] = []
    for article, doc in pipe_articles(nlp, gold.articles()):
        claims = docs[article.doc_id].claims
        preds = doc_records(doc, article, extractor)
        gspans = [(c.start, c.end) for c in claims]
        pspans = [(p.span.start, p.span.end) for p in preds]
        matched = {g for g, _ in match_claims(gspans, pspans)}
        for n, claim in enumerate(claims):
            span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
            kind = (parse_kind(span, claim.attribution, report_verbs) if span is not None else None) or "plausible"
            counts[kind]["gold"] += 1
            if n in matched:
                continue
            covered, best = max(((min(e, claim.end) - max(s, claim.start), (s, e)) for s, e in pspans), default=(0, None))
            how = "merged" if 2 * covered >= claim.end - claim.start else "dropped"
            counts[kind]["lost"] += 1
            counts[kind][how] += 1
            at_misparse = how == "merged" and best is not None and _merged_at_misparse(doc, best, n, gspans)
            if at_misparse:
                counts[kind]["merged_at_misparse"] += 1
            lost.append(
                {"doc": article.doc_id, "line": claim.line, "kind": kind, "how": how, "at_misparse": at_misparse, "text": claim.evidence}
            )
    return {"set": gold_dir.name, "counts": {k: dict(v) for k, v in counts.items()}, "lost": lost}


def open_sets(parser: argparse.ArgumentParser, argv: list[str] | None) -> tuple[argparse.Namespace, list[Path], Any, Any, frozenset[str]]:
    """Parse a census script's arguments (``sets``, ``--shared``) and load what it measures with.

    RETURNS (tuple): the arguments, the development sets asked for (a held-out
        set is refused), the model, its extractor fingerprint and the verbs of
        saying (``report_verb`` rules of ``attribution.jsonl``).
    """
    args = parser.parse_args(argv)
    sets = args.sets or dev_sets(args.shared)
    if any(s.name.endswith("-held") for s in sets):
        parser.error("held-out sets are never read")

    from claimx.claims.segment import load_attribution_rules
    from claimx.fingerprint import extractor_info
    from claimx.nlp import load_nlp, model_info

    nlp = load_nlp()
    return args, sets, nlp, extractor_info(*model_info(nlp)), load_attribution_rules().get("report_verb", frozenset())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", type=Path, help="gold sets (default: every development set)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", action="store_true", help="print the figures (and every lost claim) as JSON")
    parser.add_argument("--list", metavar="KIND", help="also list the lost claims of one kind")
    args, sets, nlp, extractor, report_verbs = open_sets(parser, argv)
    results = [measure(s, nlp, extractor, report_verbs) for s in sets]
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print("| set | " + " | ".join(f"{k} lost/gold (merged, dropped)" for k in (*KINDS, "plausible")) + " |")
    print("|---|" + "---|" * (len(KINDS) + 1))
    for r in results:
        cells = []
        for k in (*KINDS, "plausible"):
            c = r["counts"][k]
            cells.append(f"{c.get('lost', 0)}/{c.get('gold', 0)} ({c.get('merged', 0)}, {c.get('dropped', 0)})")
        print(f"| {r['set']} | " + " | ".join(cells) + " |")
    total = Counter()
    for r in results:
        for k in KINDS:
            total["lost"] += r["counts"][k].get("lost", 0)
            total["gold"] += r["counts"][k].get("gold", 0)
    print(f"\nimplausible parse: {total['lost']} of {total['gold']} gold claims lost", file=sys.stderr)
    for r in results:
        merged = sum(c.get("merged_at_misparse", 0) for c in r["counts"].values())
        print(f"{r['set']}: {merged} lost gold claims merged with another into a claim that holds a finite verb the parser left unattached", file=sys.stderr)
    if args.list:
        for r in results:
            for item in r["lost"]:
                if item["kind"] == args.list:
                    print(f"  {r['set']} {item['doc']}:{item['line']} [{item['how']}] {item['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
