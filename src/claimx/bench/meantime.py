""":mod:`claimx.bench.meantime`: MEANTIME (NewsReader, CAT XML) status and TIMEX3.

Each article's fully annotated part (sentences 0-5: title, date line, first
four body sentences) is re-joined into text (title and date line as paragraphs
of their own), run through claimx with the CREATION_TIME timex as
``published``, and scored:

- status: every EVENT_MENTION carrying factuality attributes (the
  attribute-less ones are cross-document stubs): its gold status from certainty x polarity (the
  benchmarks README's mapping), against :func:`claimx.claims.target.status_of` on its
  tokens; accuracy, macro-F1 over the five statuses, per-status F1, the
  confusion, and coverage (share of events inside a claim); beside it the
  always-confirmed baseline and a ConText-style window over the same cues
  (:mod:`claimx.bench.baselines`);
- TIMEX3: token-anchored TIMEX3 of those sentences against
  ``doc.spans["timexes"]`` (every TIMEX3, ``span._.timex3``), TempEval-3 style
  (strict, relaxed, value F1). MEANTIME has no split: the time rules were tuned
  on all of it, so its TIMEX3 figures are training figures.
"""

from __future__ import annotations

import datetime as dt
import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..claims.dates import TIMEXES_KEY
from ..claims.target import status_of
from .baselines import context_status
from .common import BenchResult, Timer, join_tokens, pipe_texts, timex3_layer
from .scoring import TimexItem, match_timexes, status_scores

logger = logging.getLogger(__name__)

#: Sentences 0..LAST_SENTENCE are fully annotated.
LAST_SENTENCE = 5


def gold_status(certainty: str | None, polarity: str | None) -> str:
    """Map MEANTIME factuality attributes onto a claimx status.

    certainty (str | None): CERTAIN / PROBABLE / POSSIBLE / UNDERSPECIFIED / empty.
    polarity (str | None): POS / NEG / UNDERSPECIFIED / empty.
    RETURNS (str): NEG -> denied (any certainty); POS + CERTAIN / PROBABLE /
        POSSIBLE -> confirmed / expected / rumored; anything underspecified or
        missing -> unconfirmed.
    """
    polarity = (polarity or "").upper()
    certainty = (certainty or "").upper()
    if polarity == "NEG":
        return "denied"
    if polarity == "POS":
        mapped = {"CERTAIN": "confirmed", "PROBABLE": "expected", "POSSIBLE": "rumored"}.get(certainty)
        if mapped:
            return mapped
    return "unconfirmed"


@dataclass
class Mention:
    """An annotated mention: character extent in the re-joined text and its attributes."""

    start: int
    end: int
    attrs: dict[str, str]
    text: str = ""


@dataclass
class MeantimeDoc:
    """The annotated part of one MEANTIME article."""

    doc_id: str
    text: str
    published: dt.date | None
    events: list[Mention] = field(default_factory=list)
    timexes: list[Mention] = field(default_factory=list)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def read_document(path: Path, last_sentence: int = LAST_SENTENCE) -> MeantimeDoc:
    """Read one CAT XML file, keeping sentences 0..``last_sentence``.

    RETURNS (MeantimeDoc): text, DCT, events and token-anchored timexes.
    """
    root = ET.parse(path).getroot()
    by_sentence: dict[int, list[tuple[str, str]]] = {}
    for tok in root.iter("token"):
        sent = int(tok.get("sentence", "0"))
        if sent <= last_sentence:
            by_sentence.setdefault(sent, []).append((tok.get("t_id", ""), tok.text or ""))
    parts: list[str] = []
    where: dict[str, tuple[int, int]] = {}
    pos = 0
    body_started = False
    for sent in sorted(by_sentence):
        tokens = by_sentence[sent]
        text, offsets = join_tokens([t for _, t in tokens])
        if parts:
            sep = " " if sent >= 3 and body_started else "\n\n"
            parts.append(sep)
            pos += len(sep)
        body_started = body_started or sent >= 2
        for (t_id, _), (start, end) in zip(tokens, offsets):
            where[t_id] = (pos + start, pos + end)
        parts.append(text)
        pos += len(text)
    full = "".join(parts)
    published = None
    events: list[Mention] = []
    timexes: list[Mention] = []
    markables = root.find("Markables")
    for element in markables if markables is not None else []:
        anchors = [where[a.get("t_id", "")] for a in element.findall("token_anchor") if a.get("t_id") in where]
        if element.tag == "TIMEX3" and element.get("functionInDocument") == "CREATION_TIME":
            published = _date(element.get("value"))
        if not anchors:
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        mention = Mention(start, end, dict(element.attrib), full[start:end])
        if element.tag == "EVENT_MENTION":
            if "certainty" in element.attrib or "polarity" in element.attrib:
                events.append(mention)  # attribute-less mentions are cross-document stubs
        elif element.tag == "TIMEX3":
            timexes.append(mention)
    return MeantimeDoc(root.get("doc_name") or path.stem, full, published, events, timexes)


def read_corpus(path: Path, limit: int | None = None) -> list[MeantimeDoc]:
    """Read every ``*.xml`` under ``path`` (sorted), or the first ``limit``.

    RETURNS (list[MeantimeDoc]): the documents.
    """
    files = sorted(Path(path).rglob("*.xml"))
    if not files:
        raise FileNotFoundError(f"no MEANTIME *.xml files under {path}")
    return [read_document(f) for f in files[:limit]]


def run(nlp: Language, path: Path, *, split: str = "all", limit: int | None = None, progress: bool | None = None) -> BenchResult:
    """Score event status and TIMEX3 on MEANTIME.

    nlp (Language): the claimx pipeline. path (Path): the corpus folder.
    split (str): MEANTIME has no splits; only "all" (or "test", read as all).
    limit (int | None): read only the first N articles.
    RETURNS (BenchResult): figures ``status`` (accuracy, macro_f1, per_status,
        confusion, coverage) and ``timex`` (strict, relaxed, value_f1).
    """
    with Timer() as timer, timex3_layer(nlp):
        docs = read_corpus(path, limit)
        gold: list[str] = []
        pred: list[str] = []
        context: list[str] = []
        covered = 0
        gold_timex: list[TimexItem] = []
        pred_timex: list[TimexItem] = []
        items = ((d.text, d.published, d) for d in docs)
        for doc, mt in pipe_texts(nlp, items, total=len(docs), desc="meantime", progress=progress):
            for event in mt.events:
                result = status_of(doc, event.start, event.end)
                gold.append(gold_status(event.attrs.get("certainty"), event.attrs.get("polarity")))
                pred.append(result.status)
                context.append(context_status(doc, event.start, event.end))
                covered += result.claim is not None
            for t in mt.timexes:
                gold_timex.append(TimexItem(mt.doc_id, t.start, t.end, t.attrs.get("value"), t.attrs.get("mod") or None, t.text))
            for span in doc.spans[TIMEXES_KEY]:
                info: dict[str, Any] = span._.timex3 or {}
                pred_timex.append(TimexItem(mt.doc_id, span.start_char, span.end_char, info.get("value"), info.get("mod"), span.text))
        scores = status_scores(gold, pred)
        timex = match_timexes(gold_timex, pred_timex)
    figures = {
        "status": {**scores.to_dict(), "coverage": round(covered / len(gold), 4) if gold else 0.0},
        "baseline_context": _brief(status_scores(gold, context).to_dict()),
        "baseline_all_confirmed": _brief(status_scores(gold, ["confirmed"] * len(gold)).to_dict()),
        "timex": {**timex.to_dict(), "n_gold": len(gold_timex), "n_pred": len(pred_timex)},
        "timex_errors": timex.errors,
    }
    return BenchResult("meantime", split, len(docs), figures, timer.seconds)


def _brief(scores: dict[str, Any]) -> dict[str, Any]:
    """A baseline's headline figures: accuracy, macro-F1 and per-status F1."""
    return {
        "accuracy": scores["accuracy"],
        "macro_f1": scores["macro_f1"],
        "per_status_f1": {s: v["f1"] for s, v in scores["per_status"].items()},
    }
