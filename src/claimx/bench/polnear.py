""":mod:`claimx.bench.polnear`: PolNeAR attribution (brat standoff).

Each article (``<split>/text/<article>.txt``; the first annotator's
``<split>/attributions/<article>_<annotator>.ann``) is run through claimx with
the date in its file name as ``published``. Gold attributions are the ``E``
lines linking ``Source``, ``Cue`` and ``Content`` spans; claimx's are the
claims' ``attribution`` (source span; for a pronoun claimx resolved to a
name elsewhere, the mention in the claim's sentence, which is what PolNeAR
marks) and the cue: the ``frame`` (reporting verb) with its auxiliaries,
negation and particle, or "according to" before the source.

Scores are token-level (the Doc's tokens, punctuation and spaces left out):

- ``source_all`` / ``cue_all``: every gold attribution;
- ``source_claims`` / ``cue_claims``: only gold attributions whose Content
  holds a claim (a claim predicate lies inside it), the ones claimx turns into
  claims; predictions are all of claimx's in both cases.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..claims.extensions import CLAIMS_KEY
from .common import BenchResult, Timer, pipe_texts
from .scoring import token_prf

Ranges = list[tuple[int, int]]
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


@dataclass
class Attribution:
    """One gold attribution: character ranges of its parts."""

    source: Ranges = field(default_factory=list)
    cue: Ranges = field(default_factory=list)
    content: Ranges = field(default_factory=list)


@dataclass
class PolnearDoc:
    """One article with its gold attributions."""

    doc_id: str
    text: str
    published: dt.date | None
    attributions: list[Attribution] = field(default_factory=list)


def parse_ann(text: str) -> list[Attribution]:
    """Parse brat standoff into attributions (discontinuous spans allowed).

    RETURNS (list[Attribution]): one per ``E`` line, in file order.
    """
    spans: dict[str, tuple[str, Ranges]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in text.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offsets = parts[1].partition(" ")
            ranges = []
            for piece in offsets.split(";"):
                a, b = piece.split()
                ranges.append((int(a), int(b)))
            spans[parts[0]] = (label, ranges)
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) >= 2:
                events.append([tuple(arg.split(":", 1)) for arg in parts[1].split() if ":" in arg])  # type: ignore[misc]
    attributions = []
    for args in events:
        attribution = Attribution()
        for role, ref in args:
            ranges = spans.get(ref, ("", []))[1]
            if role.startswith("Source"):
                attribution.source.extend(ranges)
            elif role.startswith("Cue"):
                attribution.cue.extend(ranges)
            elif role.startswith("Content"):
                attribution.content.extend(ranges)
        attributions.append(attribution)
    return attributions


def read_split(path: Path, split: str = "test", limit: int | None = None) -> list[PolnearDoc]:
    """Read a split folder: ``<path>/<split>/text`` and ``.../attributions``.

    RETURNS (list[PolnearDoc]): articles sorted by name, first annotator each.
    """
    base = Path(path) / split
    ann_dir, text_dir = base / "attributions", base / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise FileNotFoundError(f"no PolNeAR {split}/text and {split}/attributions under {path}")
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(article, ann)
    docs = []
    for article in sorted(chosen)[:limit]:
        txt = text_dir / f"{article}.txt"
        if not txt.is_file():
            continue
        m = _DATE.search(f"_{article}_")
        published = dt.date.fromisoformat(m.group(1)) if m else None
        docs.append(PolnearDoc(
            article, txt.read_text(encoding="utf8"), published,
            parse_ann(chosen[article].read_text(encoding="utf8")),
        ))
    return docs


def _tokens(doc: Doc, ranges: Ranges) -> set[int]:
    return {
        t.i for t in doc if not (t.is_punct or t.is_space)
        and any(t.idx < b and t.idx + len(t.text) > a for a, b in ranges)
    }


def mention_ranges(doc: Doc, head: Token, frame: int | None, attribution: dict) -> Ranges:
    """Where the source is mentioned in the claim's sentence.

    claimx resolves a pronoun source ("he said") to the name it stands for,
    which may lie sentences away; PolNeAR marks the mention itself. A
    quotation's pronoun reporter ('"A," he said') is given as ``mention``;
    else, when the attribution lies outside the sentence, the reporting verb's
    subject is the mention.

    RETURNS (Ranges): character ranges of the source mention (may be empty).
    """
    sent = head.sent
    start, end = attribution["start"], attribution["end"]
    mention = attribution.get("mention")
    if mention is not None:
        # a quotation's "he said", resolved to a name elsewhere: the pronoun
        # (PolNeAR's source of the whole quotation, whichever sentence it is in)
        return [(mention[0], mention[1])]
    if start < sent.end_char and end > sent.start_char:
        return [(start, end)]
    if frame is None:
        return []
    for child in doc[frame].children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return [(child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))]
    return []


#: Children of a reporting verb that belong to its verb group ("has learned", "did not say").
VERB_GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "prt"})


def cue_tokens(doc: Doc, frame: int | None, attribution: dict) -> list[int]:
    """The cue of a claimx attribution: the reporting verb with its verb group,
    or "according to" before the source.

    RETURNS (list[int]): token indices (may be empty).
    """
    if attribution.get("mention_verb") is not None:
        # a quotation's reporter ('"A," he said'), not the claim's own frame ("I think A")
        frame = attribution["mention_verb"]
    if frame is not None:
        verb = doc[frame]
        return [verb.i, *(c.i for c in verb.children if c.dep_ in VERB_GROUP_DEPS)]
    span = doc.char_span(attribution["start"], attribution["end"], alignment_mode="expand")
    if span is not None and span.start >= 2:
        according, to = doc[span.start - 2], doc[span.start - 1]
        if according.lower_ == "according" and to.lower_ == "to":
            return [according.i, to.i]
    return []


def run(nlp: Language, path: Path, *, split: str = "test", limit: int | None = None, progress: bool | None = None) -> BenchResult:
    """Score claimx's attribution sources and cues on PolNeAR.

    RETURNS (BenchResult): token-level P/R/F1 ``source_all``, ``source_claims``,
        ``cue_all``, ``cue_claims``, and counts.
    """
    with Timer() as timer:
        docs = read_split(path, split, limit)
        gold: dict[str, set[tuple[int, int]]] = {k: set() for k in ("source_all", "source_claims", "cue_all", "cue_claims")}
        pred_source: set[tuple[int, int]] = set()
        pred_cue: set[tuple[int, int]] = set()
        n_attr = n_held = 0
        items = ((d.text, d.published, d) for d in docs)
        for n, (doc, pd) in enumerate(pipe_texts(nlp, items, total=len(docs), desc="polnear", progress=progress)):
            heads = []
            for claim in doc.spans[CLAIMS_KEY]:
                info = claim._.claim or {}
                head = doc[info.get("head", claim.root.i)]
                heads.append(head.idx)
                attribution = info.get("attribution")
                if attribution:
                    ranges = mention_ranges(doc, head, info.get("frame"), attribution)
                    pred_source |= {(n, i) for i in _tokens(doc, ranges)}
                    pred_cue |= {(n, i) for i in cue_tokens(doc, info.get("frame"), attribution)}
            for a in pd.attributions:
                n_attr += 1
                source = {(n, i) for i in _tokens(doc, a.source)}
                cue = {(n, i) for i in _tokens(doc, a.cue)}
                gold["source_all"] |= source
                gold["cue_all"] |= cue
                if any(s <= h < e for h in heads for s, e in a.content):
                    n_held += 1
                    gold["source_claims"] |= source
                    gold["cue_claims"] |= cue
        figures: dict[str, Any] = {
            "n_attributions": n_attr,
            "n_attributions_with_claim": n_held,
            "n_pred_source_tokens": len(pred_source),
            "n_pred_cue_tokens": len(pred_cue),
        }
        for key, value in gold.items():
            figures[key] = token_prf(value, pred_source if key.startswith("source") else pred_cue).to_dict()
    return BenchResult("polnear", split, len(docs), figures, timer.seconds)
