""":mod:`claimx.bench.factuality`: event factuality on the unified [-3, 3] scale.

Reads the JSONL files of Stanovsky et al.'s unified sets as distributed by
Jiang & de Marneffe (``factuality-meantime``, ``factuality-uw``): one sentence
per line, ``text`` (tokens joined by single spaces) and ``targets``
(``span1`` = ``[start, end)`` token indices, ``label`` in [-3, 3]).

Each sentence is re-joined into prose and run through claimx; every target's
status comes from :func:`claimx.claims.target.status_of`, is mapped to a number
(confirmed 3.0, expected 1.5, rumored 0.75, unconfirmed 0.0, denied -3.0) and
scored with MAE and Pearson r; the gold is also binned into statuses for
accuracy and macro-F1. A ConText-style window over the same cues
(:mod:`claimx.bench.baselines`) is scored beside it. No publication date is known, so ``published`` is None.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from ..claims.target import status_of
from .baselines import context_status
from .common import BenchResult, Timer, join_tokens, pipe_texts
from .scoring import STATUS_VALUE, mae, pearson, status_scores, value_to_status


@dataclass
class Target:
    """One gold predicate: character extent in the re-joined sentence, and label."""

    start: int
    end: int
    label: float
    text: str = ""


@dataclass
class Sentence:
    """One line of a factuality JSONL file, re-joined."""

    text: str
    targets: list[Target] = field(default_factory=list)


def read_line(record: dict) -> Sentence:
    """RETURNS (Sentence): the record's sentence and targets in character offsets."""
    tokens = record["text"].split(" ")
    text, offsets = join_tokens(tokens)
    targets = []
    for t in record.get("targets", []):
        i, j = t["span1"]
        start, end = offsets[i][0], offsets[j - 1][1]
        targets.append(Target(start, end, float(t["label"]), text[start:end]))
    return Sentence(text, targets)


def split_file(path: Path, split: str) -> Path:
    """The JSONL file of ``split`` under ``path`` (or ``path`` itself when it is a file)."""
    path = Path(path)
    if path.is_file():
        return path
    candidate = path / f"{split}.jsonl"
    if not candidate.is_file():
        raise FileNotFoundError(f"no {split}.jsonl under {path}")
    return candidate


def read_split(path: Path, split: str = "test", limit: int | None = None) -> list[Sentence]:
    """RETURNS (list[Sentence]): the split's sentences, or the first ``limit``."""
    sentences = []
    with split_file(path, split).open(encoding="utf8") as fh:
        for line in fh:
            if line.strip():
                sentences.append(read_line(json.loads(line)))
            if limit is not None and len(sentences) >= limit:
                break
    return sentences


def _by_error(item: dict[str, object]) -> float:
    return -float(item["error"])  # type: ignore[arg-type]


def run(
    nlp: Language, path: Path, *, name: str = "factuality", split: str = "test",
    limit: int | None = None, progress: bool | None = None,
) -> BenchResult:
    """Score target statuses as factuality values.

    RETURNS (BenchResult): figures ``mae``, ``pearson_r``, the all-factual MAE
        baseline, status ``accuracy`` / ``macro_f1`` / per-status / confusion of
        the binned gold, ``coverage``, and ``target_errors``: each target whose
        binned gold status claimx missed, with its sentence, largest error first.
    """
    with Timer() as timer:
        sentences = read_split(path, split, limit)
        gold: list[float] = []
        pred: list[float] = []
        gold_status: list[str] = []
        pred_status: list[str] = []
        context: list[str] = []
        wrong: list[dict[str, object]] = []
        covered = 0
        items = ((s.text, None, s) for s in sentences)
        for doc, sentence in pipe_texts(nlp, items, total=len(sentences), desc=name, progress=progress):
            for target in sentence.targets:
                result = status_of(doc, target.start, target.end)
                gold.append(target.label)
                pred.append(STATUS_VALUE[result.status])
                gold_status.append(value_to_status(target.label))
                pred_status.append(result.status)
                context.append(context_status(doc, target.start, target.end))
                covered += result.claim is not None
                if value_to_status(target.label) != result.status:
                    wrong.append(
                        {
                            "error": round(abs(target.label - STATUS_VALUE[result.status]), 2),
                            "target": target.text,
                            "gold": target.label,
                            "pred": result.status,
                            "via": result.source,
                            "cues": [c["text"] for c in result.cues],
                            "sentence": sentence.text,
                        }
                    )
        r = pearson(gold, pred)
        context_values = [STATUS_VALUE[s] for s in context]
        context_r = pearson(gold, context_values)
        context_scores = status_scores(gold_status, context)
        figures = {
            "n_targets": len(gold),
            "mae": round(mae(gold, pred), 4),
            "pearson_r": None if r is None else round(r, 4),
            "all_factual_mae": round(mae(gold, [3.0] * len(gold)), 4),
            "status": status_scores(gold_status, pred_status).to_dict(),
            "coverage": round(covered / len(gold), 4) if gold else 0.0,
            # targets whose binned gold status differs, the largest errors first
            "target_errors": sorted(wrong, key=_by_error),
            "baseline_context": {
                "mae": round(mae(gold, context_values), 4),
                "pearson_r": None if context_r is None else round(context_r, 4),
                "accuracy": round(context_scores.accuracy, 4),
                "macro_f1": round(context_scores.macro_f1, 4),
            },
        }
    return BenchResult(name, split, len(sentences), figures, timer.seconds)
