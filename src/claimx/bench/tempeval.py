""":mod:`claimx.bench.tempeval`: TempEval-3 platinum (TimeML) time expressions.

Each ``*.tml`` file's ``<TEXT>`` is run through claimx with the document
creation time (the ``<DCT>`` TIMEX3) as ``published``; the TIMEX3 inside
``<TEXT>`` are the gold, ``doc.spans["timexes"]`` (every TIMEX3: dates,
times, durations, sets; ``span._.timex3``) the predictions, scored the
TempEval-3 way (strict and relaxed extent F1, value F1 = relaxed F1 x value
accuracy; ``mod`` accuracy on the gold that carry one).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..claims.dates import TIMEXES_KEY
from .common import BenchResult, Timer, pipe_texts, timex3_layer
from .scoring import TimexItem, match_timexes


@dataclass
class TimemlDoc:
    """One TimeML document: the text of ``<TEXT>``, its DCT and gold TIMEX3."""

    doc_id: str
    text: str
    published: dt.date | None
    timexes: list[TimexItem] = field(default_factory=list)


def _flatten(element: ET.Element, parts: list[str], found: list[tuple[dict[str, str], int, int]], pos: int) -> int:
    """Append an element's text to ``parts``, recording TIMEX3 extents."""
    if element.text:
        parts.append(element.text)
        pos += len(element.text)
    for child in element:
        start = pos
        pos = _flatten(child, parts, found, pos)
        if child.tag == "TIMEX3":
            found.append((dict(child.attrib), start, pos))
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


def read_document(path: Path) -> TimemlDoc:
    """Read one TimeML file.

    RETURNS (TimemlDoc): the ``<TEXT>`` content, the DCT, and its TIMEX3 with
        character offsets into that text (surrounding whitespace trimmed).
    """
    root = ET.parse(path).getroot()
    published = None
    dct = root.find("DCT/TIMEX3")
    if dct is not None:
        try:
            published = dt.date.fromisoformat((dct.get("value") or "")[:10])
        except ValueError:
            published = None
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    found: list[tuple[dict[str, str], int, int]] = []
    _flatten(text_el, parts, found, 0)
    text = "".join(parts)
    doc_id = (root.findtext("DOCID") or path.stem).strip()
    timexes = []
    for attrs, start, end in found:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        timexes.append(TimexItem(doc_id, start, end, attrs.get("value"), attrs.get("mod") or None, text[start:end]))
    return TimemlDoc(doc_id, text, published, timexes)


def read_corpus(path: Path, limit: int | None = None) -> list[TimemlDoc]:
    """Read the ``*.tml`` files under ``path`` (its ``gold/`` folder when it has one).

    RETURNS (list[TimemlDoc]): the documents, sorted by file name.
    """
    path = Path(path)
    if (path / "gold").is_dir():
        path = path / "gold"
    files = sorted(path.rglob("*.tml"))
    if not files:
        raise FileNotFoundError(f"no TimeML *.tml files under {path}")
    return [read_document(f) for f in files[:limit]]


def run(nlp: Language, path: Path, *, split: str = "test", limit: int | None = None, progress: bool | None = None) -> BenchResult:
    """Score claimx's time expressions on TempEval-3 platinum.

    RETURNS (BenchResult): figures ``timex`` (strict, relaxed, value_f1,
        mod_accuracy) and ``timex_errors``.
    """
    with Timer() as timer, timex3_layer(nlp):
        docs = read_corpus(path, limit)
        gold: list[TimexItem] = []
        pred: list[TimexItem] = []
        items = ((d.text, d.published, d) for d in docs)
        for doc, tm in pipe_texts(nlp, items, total=len(docs), desc="tempeval3", progress=progress):
            gold.extend(tm.timexes)
            for span in doc.spans[TIMEXES_KEY]:
                info: dict[str, Any] = span._.timex3 or {}
                pred.append(TimexItem(tm.doc_id, span.start_char, span.end_char, info.get("value"), info.get("mod"), span.text))
        scores = match_timexes(gold, pred)
    figures = {
        "timex": {**scores.to_dict(), "n_gold": len(gold), "n_pred": len(pred)},
        "timex_errors": scores.errors,
    }
    return BenchResult("tempeval3-platinum", split, len(docs), figures, timer.seconds)
