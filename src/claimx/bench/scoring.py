""":mod:`claimx.bench.scoring`: the figures every benchmark adapter reports.

Plain functions over plain data: precision / recall / F1 from counts, status
accuracy, per-status F1, macro-F1 and the confusion matrix, mean absolute
error and Pearson r, the TempEval-3 extent matching of time expressions, and
token-level F1 of two sets of token indices.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..schemas import STATUSES

#: claimx status -> number on the [-3, 3] factuality scale (Stanovsky et al. 2017 values).
STATUS_VALUE: dict[str, float] = {
    "confirmed": 3.0,
    "expected": 1.5,
    "rumored": 0.75,
    "unconfirmed": 0.0,
    "denied": -3.0,
}


def value_to_status(x: float) -> str:
    """Bin a [-3, 3] factuality value into a claimx status (benchmarks README).

    x (float): the gold value.
    RETURNS (str): x >= 2.5 confirmed; 1.25 <= x < 2.5 expected; 0.25 < x < 1.25
        rumored; -0.25 <= x <= 0.25 unconfirmed; x < -0.25 denied.
    """
    if x >= 2.5:
        return "confirmed"
    if x >= 1.25:
        return "expected"
    if x > 0.25:
        return "rumored"
    if x >= -0.25:
        return "unconfirmed"
    return "denied"


@dataclass
class PRF:
    """Counts and the figures derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


def prf(tp: int, fp: int, fn: int) -> PRF:
    """RETURNS (PRF): the counts, with ``precision``, ``recall``, ``f1``."""
    return PRF(tp, fp, fn)


@dataclass
class StatusScores:
    """Status classification of gold targets."""

    n: int
    accuracy: float
    macro_f1: float
    per_status: dict[str, PRF] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "per_status": {s: v.to_dict() for s, v in self.per_status.items()},
            "confusion": self.confusion,
        }


def status_scores(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = STATUSES) -> StatusScores:
    """Accuracy, per-status F1, macro-F1 over ``labels`` and the confusion.

    gold (Sequence[str]): gold statuses. pred (Sequence[str]): predicted, same order.
    labels (Sequence[str]): the statuses macro-F1 averages over (all five, even
        when one has no gold item, as the benchmarks README's 0.19 baseline does).
    RETURNS (StatusScores): the figures; ``confusion[gold][pred]``.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, pred):
        confusion[g][p] += 1
    per = {}
    for s in labels:
        tp = confusion[s][s]
        per[s] = PRF(tp, sum(confusion[g][s] for g in labels) - tp, sum(confusion[s].values()) - tp)
    n = len(gold)
    accuracy = sum(confusion[s][s] for s in labels) / n if n else 0.0
    macro = sum(v.f1 for v in per.values()) / len(labels) if labels else 0.0
    return StatusScores(n=n, accuracy=accuracy, macro_f1=macro, per_status=per, confusion=confusion)


def mae(gold: Sequence[float], pred: Sequence[float]) -> float:
    """RETURNS (float): mean absolute error (0.0 for no items)."""
    return sum(abs(g - p) for g, p in zip(gold, pred)) / len(gold) if gold else 0.0


def pearson(gold: Sequence[float], pred: Sequence[float]) -> float | None:
    """RETURNS (float | None): Pearson r; None when either side is constant."""
    n = len(gold)
    if n < 2:
        return None
    mg, mp = sum(gold) / n, sum(pred) / n
    cov = sum((g - mg) * (p - mp) for g, p in zip(gold, pred))
    vg = sum((g - mg) ** 2 for g in gold)
    vp = sum((p - mp) ** 2 for p in pred)
    if vg == 0 or vp == 0:
        return None
    return cov / math.sqrt(vg * vp)


@dataclass
class TimexScores:
    """TempEval-3 style scores of time expressions."""

    strict: PRF
    relaxed: PRF
    value_accuracy: float
    value_f1: float
    mod_accuracy: float | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "strict": self.strict.to_dict(),
            "relaxed": self.relaxed.to_dict(),
            "value_accuracy": round(self.value_accuracy, 4),
            "value_f1": round(self.value_f1, 4),
            "mod_accuracy": None if self.mod_accuracy is None else round(self.mod_accuracy, 4),
        }


@dataclass(frozen=True)
class TimexItem:
    """One time expression: character extent in a document, value and mod."""

    doc: str
    start: int
    end: int
    value: str | None
    mod: str | None = None
    text: str = ""


def match_timexes(gold: Sequence[TimexItem], pred: Sequence[TimexItem]) -> TimexScores:
    """Score predicted time expressions against gold, the TempEval-3 way.

    Pairs are one-to-one: each gold expression takes the overlapping prediction
    of the same document with the largest overlap (ties: the earlier). Strict
    counts pairs with identical extents; relaxed counts overlapping pairs; value
    accuracy is over relaxed pairs and value F1 = relaxed F1 x value accuracy.
    ``mod`` accuracy is over relaxed pairs whose gold carries a ``mod``.

    RETURNS (TimexScores): the figures, and the unmatched / wrong-value items in ``errors``.
    """
    by_doc: dict[str, list[TimexItem]] = {}
    for p in pred:
        by_doc.setdefault(p.doc, []).append(p)
    used: set[TimexItem] = set()
    pairs: list[tuple[TimexItem, TimexItem]] = []
    errors: list[dict[str, Any]] = []
    for g in sorted(gold, key=lambda t: (t.doc, t.start)):
        best, best_overlap = None, 0
        for p in sorted(by_doc.get(g.doc, []), key=lambda t: t.start):
            if p in used:
                continue
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > best_overlap:
                best, best_overlap = p, overlap
        if best is None:
            errors.append({"kind": "missed", "doc": g.doc, "text": g.text, "gold": g.value})
            continue
        used.add(best)
        pairs.append((g, best))
    for p in pred:
        if p not in used:
            errors.append({"kind": "spurious", "doc": p.doc, "text": p.text, "pred": p.value})
    strict_tp = sum(1 for g, p in pairs if (g.start, g.end) == (p.start, p.end))
    relaxed = PRF(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    strict = PRF(strict_tp, len(pred) - strict_tp, len(gold) - strict_tp)
    right = 0
    for g, p in pairs:
        if g.value == p.value:
            right += 1
        else:
            errors.append({"kind": "value", "doc": g.doc, "text": g.text, "pred_text": p.text, "gold": g.value, "pred": p.value})
    value_accuracy = right / len(pairs) if pairs else 0.0
    modded = [(g, p) for g, p in pairs if g.mod]
    mod_accuracy = sum(1 for g, p in modded if g.mod == p.mod) / len(modded) if modded else None
    return TimexScores(
        strict=strict, relaxed=relaxed, value_accuracy=value_accuracy,
        value_f1=relaxed.f1 * value_accuracy, mod_accuracy=mod_accuracy, errors=errors,
    )


def token_prf(gold: set[Any], pred: set[Any]) -> PRF:
    """RETURNS (PRF): token-level counts of two sets of (doc, token index) keys."""
    tp = len(gold & pred)
    return PRF(tp, len(pred) - tp, len(gold) - tp)
