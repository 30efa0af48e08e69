""":mod:`claimx.evaluate`: score predicted claims against a gold set.

A gold set is a folder in the format of shared/ANNOTATION.md: ``articles/<id>.md``
(front matter, then the body every offset counts in) and ``gold/<id>.jsonl``
(one gold claim a line, located in the body by its ``evidence`` text).

Scoring follows the guide's section "How output is scored against gold":

- **Matching.** A predicted and a gold claim of the same document match when
  their spans overlap by at least half of the shorter span and at least a
  quarter of the longer one. Matching is one-to-one and greedy: candidate pairs
  are taken largest overlap first; ties go to the tighter pair (smaller union of
  the two spans), then to the gold claim that comes first in its file, then to
  the prediction that starts first (predictions are ordered by
  ``(span.start, span.end, claim_id)``, so the result does not depend on the
  order they arrive in).
- **Claims.** Precision, recall and F1 over all documents at once (micro).
- **Status.** Over matched pairs: accuracy, and per status precision/recall/F1
  (gold status against predicted status). Macro-F1 averages the F1 of the
  statuses that occur among the matched pairs on the gold side or the predicted
  side; a status absent from both is left out (its F1 is undefined), a status
  that is only predicted counts with F1 0.
- **Claim+status.** A match counts only with the right status:
  ``P = TP / #predicted``, ``R = TP / #gold``.
- **Attribution.** Over matched pairs where the gold or the prediction names a
  source. Both name one: right (TP) when the predicted source covers at least
  half of the gold source's words, else wrong, which counts as one FP *and* one
  FN. "Words" are the distinct ``\\w+`` tokens, lower-cased; coverage is the
  share of the gold source's distinct words that also occur among the predicted
  source's words (a bag-of-words reading: word order and position in the body
  do not matter). Only the prediction names one: FP. Only the gold: FN.
- **Dates.** The share of all gold dates (of every gold claim, matched or not)
  for which some predicted date of the same document (a ``DateMention`` of any
  predicted claim) overlaps the gold date's span and has the same ``value`` and
  ``mod``. A gold date's span is its text located inside its claim's evidence
  (if it is not there: the nearest occurrence before the evidence, else the
  first after it).

Undefined ratios (precision with nothing predicted, accuracy with no matched
pair, ...) are ``None`` rather than 0 or 1; F1 is ``2TP / (2TP + FP + FN)``,
so it is 0 as soon as there is something to find or something found and none
of it is right.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import GoldError
from .schemas import STATUSES, Article, ClaimRecord, Mod, Status, Topic

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")


# ----------------------------------------------------------------- gold set


class GoldDate(BaseModel):
    """A gold time expression, located in the body."""

    model_config = ConfigDict(extra="forbid")

    text: str
    value: str
    mod: Mod | None = None
    start: int
    end: int


class GoldClaim(BaseModel):
    """One gold claim (one line of ``gold/<id>.jsonl``), located in the body."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    line: int
    evidence: str
    start: int
    end: int
    status: Status
    subject: str
    topic: Topic
    attribution: str | None = None
    cues: list[str] = Field(default_factory=list)
    dates: list[GoldDate] = Field(default_factory=list)


class GoldDoc(BaseModel):
    """A gold article: its body, front matter and gold claims (in file order)."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    path: str
    gold_path: str
    body: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    claims: list[GoldClaim] = Field(default_factory=list)


class GoldSet(BaseModel):
    """A whole gold set, documents sorted by id."""

    model_config = ConfigDict(extra="forbid")

    root: str
    docs: list[GoldDoc] = Field(default_factory=list)

    @property
    def n_claims(self) -> int:
        """RETURNS (int): the number of gold claims over all documents."""
        return sum(len(doc.claims) for doc in self.docs)

    def articles(self) -> list[Article]:
        """RETURNS (list[Article]): the gold articles, as claimx reads articles."""
        return [
            Article(
                doc_id=doc.doc_id,
                path=doc.path,
                body=doc.body,
                title=doc.title,
                published=doc.published,
                url=doc.url,
                content_hash=hashlib.sha256(doc.body.encode("utf-8")).hexdigest(),
            )
            for doc in self.docs
        ]


class _GoldDateLine(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    value: str
    mod: Mod | None


class _GoldLine(BaseModel):
    model_config = ConfigDict(extra="ignore")

    doc: str
    evidence: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=0)
    status: Status
    subject: str
    topic: Topic
    attribution: str | None
    cues: list[str]
    dates: list[_GoldDateLine]


def load_gold(gold_dir: Path) -> GoldSet:
    """Read and locate a gold set.

    gold_dir (Path): a folder holding ``articles/<id>.md`` and ``gold/<id>.jsonl``.
    RETURNS (GoldSet): every article with its gold claims, spans resolved in the body.
    RAISES (GoldError): the folder, an article or a gold line is missing or malformed.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(
            f"Gold directory {gold_dir} does not exist: pass a folder holding "
            "articles/<id>.md and gold/<id>.jsonl (see shared/ANNOTATION.md)."
        )
    articles_dir, claims_dir = gold_dir / "articles", gold_dir / "gold"
    for sub in (articles_dir, claims_dir):
        if not sub.is_dir():
            raise GoldError(
                f"Gold directory {gold_dir} has no {sub.name}/ folder: a gold set holds "
                "articles/<id>.md and gold/<id>.jsonl (see shared/ANNOTATION.md)."
            )
    article_paths = {p.stem: p for p in sorted(articles_dir.glob("*.md")) if not p.name.startswith(".")}
    gold_paths = {p.stem: p for p in sorted(claims_dir.glob("*.jsonl")) if not p.name.startswith(".")}
    if not article_paths:
        raise GoldError(f"{articles_dir} holds no .md articles: nothing to score against.")
    orphans = sorted(set(gold_paths) - set(article_paths))
    if orphans:
        raise GoldError(
            f"{claims_dir / (orphans[0] + '.jsonl')} has no article: add "
            f"{articles_dir / (orphans[0] + '.md')} or remove the gold file."
        )
    unannotated = sorted(set(article_paths) - set(gold_paths))
    if unannotated:
        raise GoldError(
            f"{article_paths[unannotated[0]]} has no gold file: add "
            f"{claims_dir / (unannotated[0] + '.jsonl')} (empty if the article holds no claim)."
        )
    docs = [_load_doc(doc_id, article_paths[doc_id], gold_paths[doc_id]) for doc_id in sorted(article_paths)]
    return GoldSet(root=str(gold_dir), docs=docs)


def _read_article(path: Path) -> tuple[dict[str, Any], str]:
    """Split an article into front matter and body, as shared/devset/check_gold.py does.

    path (Path): the ``.md`` file.
    RETURNS (tuple[dict, str]): the front matter fields and the body (text after the
        closing ``---`` line).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"Cannot read gold article {path}: {err}. Save it as UTF-8 text.") from err
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return _parse_front("\n".join(lines[1:i]), path), "\n".join(lines[i + 1 :])
    return {}, text


def _parse_front(block: str, path: Path) -> dict[str, Any]:
    try:
        front = yaml.safe_load(block)
    except yaml.YAMLError:
        front = None
    if isinstance(front, dict):
        return {str(k): v for k, v in front.items()}
    logger.warning("%s: front matter is not YAML; reading it as 'key: value' lines", path)
    out: dict[str, Any] = {}
    for line in block.split("\n"):
        if ":" in line:
            key, value = line.split(":", 1)
            out[key.strip()] = value.strip().strip("\"'")
    return out


def _front_date(value: Any, path: Path) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as err:
        raise GoldError(
            f"{path}: front matter 'published: {value}' is not a date; write it as YYYY-MM-DD."
        ) from err


def _occurrences(hay: str, needle: str) -> list[int]:
    """RETURNS (list[int]): every start of ``needle`` in ``hay``, overlapping ones included."""
    out, start = [], hay.find(needle)
    while start != -1:
        out.append(start)
        start = hay.find(needle, start + 1)
    return out


def _load_doc(doc_id: str, article_path: Path, gold_path: Path) -> GoldDoc:
    front, body = _read_article(article_path)
    title = front.get("title")
    url = front.get("url")
    doc = GoldDoc(
        doc_id=doc_id,
        path=str(article_path),
        gold_path=str(gold_path),
        body=body,
        title=None if title is None else str(title),
        published=_front_date(front.get("published"), article_path),
        url=None if url is None else str(url),
    )
    try:
        lines = gold_path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"Cannot read gold file {gold_path}: {err}. Save it as UTF-8 JSONL.") from err
    for n, raw in enumerate(lines, 1):
        if raw.strip():
            doc.claims.append(_load_claim(doc_id, body, f"{gold_path}:{n}", n, raw))
    return doc


def _load_claim(doc_id: str, body: str, where: str, n: int, raw: str) -> GoldClaim:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as err:
        raise GoldError(f"{where}: not JSON ({err}); write one JSON object per line.") from err
    if not isinstance(data, dict):
        raise GoldError(f"{where}: a gold line must be a JSON object, not {type(data).__name__}.")
    try:
        rec = _GoldLine.model_validate(data)
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'line'}: {e['msg']}" for e in err.errors()
        )
        raise GoldError(
            f"{where}: malformed gold claim ({problems}); see 'Gold file format' in ANNOTATION.md."
        ) from err
    if rec.doc != doc_id:
        raise GoldError(f"{where}: doc {rec.doc!r} is not the file's id {doc_id!r}; fix the 'doc' field.")
    found = _occurrences(body, rec.evidence)
    if not found:
        raise GoldError(
            f"{where}: evidence {rec.evidence!r} is not in the article body; copy it exactly "
            "from the body (same quotes, dashes and spaces)."
        )
    if rec.occurrence is not None:
        if rec.occurrence >= len(found):
            raise GoldError(
                f"{where}: occurrence {rec.occurrence} is out of range: the evidence occurs "
                f"{len(found)} time(s); occurrences count from 0."
            )
        start = found[rec.occurrence]
    elif len(found) > 1:
        raise GoldError(
            f"{where}: evidence {rec.evidence!r} occurs {len(found)} times in the body; add "
            '"occurrence": N (0-based) to say which.'
        )
    else:
        start = found[0]
    end = start + len(rec.evidence)
    dates = []
    for d in rec.dates:
        d_start = _locate_date(body, d.text, start, end)
        if d_start is None:
            raise GoldError(f"{where}: date text {d.text!r} is not in the article body; copy it exactly.")
        dates.append(
            GoldDate(text=d.text, value=d.value, mod=d.mod, start=d_start, end=d_start + len(d.text))
        )
    return GoldClaim(
        doc_id=doc_id,
        line=n,
        evidence=rec.evidence,
        start=start,
        end=end,
        status=rec.status,
        subject=rec.subject,
        topic=rec.topic,
        attribution=rec.attribution,
        cues=rec.cues,
        dates=dates,
    )


def _locate_date(body: str, text: str, start: int, end: int) -> int | None:
    """Where a gold date's text stands: inside the evidence, else nearest before, else after.

    RETURNS (int | None): the start offset, or ``None`` if the text is not in the body.
    """
    pos = body.find(text, start, end)
    if pos != -1:
        return pos
    pos = body.rfind(text, 0, start + len(text) - 1)
    if pos == -1:
        pos = body.find(text, start)
    if pos == -1:
        return None
    logger.debug("date %r lies outside its evidence; anchored at %d", text, pos)
    return pos


# ----------------------------------------------------------------- results


class PRF(BaseModel):
    """Counts and precision / recall / F1 (``None`` where undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None


def _prf(tp: int, fp: int, fn: int) -> PRF:
    return PRF(
        tp=tp,
        fp=fp,
        fn=fn,
        precision=_ratio(tp, tp + fp),
        recall=_ratio(tp, tp + fn),
        f1=_ratio(2 * tp, 2 * tp + fp + fn),
    )


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


class StatusScore(BaseModel):
    """One status over the matched pairs: gold status vs predicted status."""

    status: Status
    precision: float | None
    recall: float | None
    f1: float | None
    support: int  # matched pairs with this gold status
    predicted: int  # matched pairs with this predicted status


class DateScore(BaseModel):
    gold: int
    found: int
    accuracy: float | None


class DocScore(BaseModel):
    doc_id: str
    gold: int
    pred: int
    matched: int
    claim_f1: float | None
    status_accuracy: float | None
    claim_status_f1: float | None


class MissedClaim(BaseModel):
    """A gold claim no prediction matched."""

    doc_id: str
    line: int
    text: str
    start: int
    end: int
    status: Status
    #: "boundaries" when a prediction overlaps it (split, merged or cut
    #: differently), "not found" when no prediction touches it
    category: str = "not found"


class SpuriousClaim(BaseModel):
    """A prediction that matched no gold claim."""

    doc_id: str
    claim_id: str
    text: str
    start: int
    end: int
    status: Status
    #: "boundaries" when it overlaps a gold claim, "no gold claim there" otherwise
    category: str = "no gold claim there"


class MisclassifiedClaim(BaseModel):
    """A matched pair whose statuses differ."""

    doc_id: str
    line: int
    claim_id: str
    gold_text: str
    gold_status: Status
    gold_cues: list[str]
    pred_text: str
    pred_status: Status
    pred_cues: list[str]

    @property
    def category(self) -> str:
        """RETURNS (str): the confusion and what set it ("rumored read as confirmed, no cue")."""
        why = f"cue {self.pred_cues[0]!r}" if self.pred_cues else "no cue"
        return f"{self.gold_status} read as {self.pred_status}, {why}"


class MissedDate(BaseModel):
    """A gold date no predicted date overlapping it got right."""

    doc_id: str
    line: int
    text: str
    value: str
    mod: Mod | None
    predicted: list[str]  # "value" or "value/mod" of the predicted dates overlapping it


class AttributionError(BaseModel):
    """A matched pair whose sources differ: missed, added, or another source."""

    doc_id: str
    line: int
    claim_id: str
    gold_text: str
    gold_source: str | None
    pred_source: str | None

    @property
    def category(self) -> str:
        """RETURNS (str): "source missed", "source added" or "wrong source"."""
        if self.pred_source is None:
            return "source missed"
        return "source added" if self.gold_source is None else "wrong source"


class TopicError(BaseModel):
    """A matched pair whose topics differ: the claim would be filed under another fact."""

    doc_id: str
    line: int
    claim_id: str
    gold_text: str
    gold_topic: Topic
    pred_topic: Topic

    @property
    def category(self) -> str:
        """RETURNS (str): the confusion ("plot read as business")."""
        return f"{self.gold_topic} read as {self.pred_topic}"


class EvalResult(BaseModel):
    """Everything ``claimx eval`` reports; ``to_dict()`` is JSON-ready."""

    n_docs: int
    n_gold: int
    n_pred: int
    n_matched: int
    claims: PRF
    status_accuracy: float | None
    status_macro_f1: float | None
    per_status: list[StatusScore]
    confusion: dict[str, dict[str, int]]  # gold status -> predicted status -> pairs
    claim_status: PRF
    attribution: PRF
    dates: DateScore
    per_doc: list[DocScore]
    missed: list[MissedClaim]
    spurious: list[SpuriousClaim]
    misclassified: list[MisclassifiedClaim]
    unknown_docs: list[str] = Field(default_factory=list)  # predicted docs not in gold
    dates_missed: list[MissedDate] = Field(default_factory=list)
    attribution_errors: list[AttributionError] = Field(default_factory=list)
    # topic over matched pairs: the roll-up files a claim by it, so a wrong topic is a wrong fact
    topic_accuracy: float | None = None
    topic_errors: list[TopicError] = Field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """RETURNS (dict): the result as plain JSON-serialisable data."""
        return self.model_dump(mode="json")


# ----------------------------------------------------------------- scoring


def span_match(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How well two spans match under the guide's rule.

    a (tuple[int, int]): ``(start, end)`` of one span.
    b (tuple[int, int]): ``(start, end)`` of the other.
    RETURNS (int): their overlap in code points if it is at least half of the
        shorter span and a quarter of the longer one, else 0.
    """
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    if overlap <= 0:
        return 0
    shorter, longer = sorted((a[1] - a[0], b[1] - b[0]))
    if 2 * overlap >= shorter and 4 * overlap >= longer:
        return overlap
    return 0


def match_claims(
    gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Match spans one-to-one, greedily, largest overlap first.

    gold (Sequence[tuple[int, int]]): gold spans, in tie-break order.
    pred (Sequence[tuple[int, int]]): predicted spans, in tie-break order.
    RETURNS (list[tuple[int, int]]): ``(gold index, pred index)`` pairs, sorted by gold index.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = span_match(g, p)
            if overlap:
                union = max(g[1], p[1]) - min(g[0], p[0])
                candidates.append((-overlap, union, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def source_coverage(gold_source: str, pred_source: str) -> float:
    """Share of the gold source's distinct words that the predicted source also has.

    gold_source (str): the gold attribution text.
    pred_source (str): the predicted attribution text.
    RETURNS (float): from 0 to 1; words are lower-cased ``\\w+`` tokens.
    """
    gold_words = {w.lower() for w in _WORD.findall(gold_source)}
    if not gold_words:
        return 1.0 if gold_source.strip() == pred_source.strip() else 0.0
    pred_words = {w.lower() for w in _WORD.findall(pred_source)}
    return len(gold_words & pred_words) / len(gold_words)


def score(gold: GoldSet, predictions: Mapping[str, Sequence[ClaimRecord]]) -> EvalResult:
    """Score predicted claims against a gold set.

    gold (GoldSet): the gold set, from :func:`load_gold`.
    predictions (Mapping[str, Sequence[ClaimRecord]]): doc id -> predicted claims. A
        gold doc missing here has no predictions; a doc not in the gold set is ignored
        (and listed in ``unknown_docs``).
    RETURNS (EvalResult): the figures and the error lists.
    """
    gold_ids = {doc.doc_id for doc in gold.docs}
    unknown = sorted(d for d in predictions if d not in gold_ids)
    if unknown:
        logger.warning("Predictions for %d doc(s) not in the gold set are ignored: %s", len(unknown), unknown)
    n_gold = n_pred = 0
    matched_total = claim_status_tp = 0
    confusion = {g: {p: 0 for p in STATUSES} for g in STATUSES}
    att_tp = att_fp = att_fn = 0
    dates_gold = dates_found = 0
    per_doc: list[DocScore] = []
    missed: list[MissedClaim] = []
    spurious: list[SpuriousClaim] = []
    misclassified: list[MisclassifiedClaim] = []
    dates_missed: list[MissedDate] = []
    attribution_errors: list[AttributionError] = []
    topic_errors: list[TopicError] = []
    for doc in gold.docs:
        preds = sorted(predictions.get(doc.doc_id, ()), key=_pred_order)
        pairs = match_claims(
            [(c.start, c.end) for c in doc.claims], [(p.span.start, p.span.end) for p in preds]
        )
        right_status = 0
        for gi, pi in pairs:
            g, p = doc.claims[gi], preds[pi]
            confusion[g.status][p.status] += 1
            if g.topic != p.topic:
                topic_errors.append(
                    TopicError(
                        doc_id=doc.doc_id, line=g.line, claim_id=p.claim_id, gold_text=g.evidence,
                        gold_topic=g.topic, pred_topic=p.topic,
                    )
                )
            if g.status == p.status:
                right_status += 1
            else:
                misclassified.append(
                    MisclassifiedClaim(
                        doc_id=doc.doc_id,
                        line=g.line,
                        claim_id=p.claim_id,
                        gold_text=g.evidence,
                        gold_status=g.status,
                        gold_cues=g.cues,
                        pred_text=p.text,
                        pred_status=p.status,
                        pred_cues=[c.text for c in p.cues],
                    )
                )
            pred_source = p.attribution.text if p.attribution is not None else None
            right_source = True
            if g.attribution is not None and pred_source is not None:
                if source_coverage(g.attribution, pred_source) >= 0.5:
                    att_tp += 1
                else:
                    att_fp += 1
                    att_fn += 1
                    right_source = False
            elif pred_source is not None:
                att_fp += 1
                right_source = False
            elif g.attribution is not None:
                att_fn += 1
                right_source = False
            if not right_source:
                attribution_errors.append(
                    AttributionError(
                        doc_id=doc.doc_id, line=g.line, claim_id=p.claim_id, gold_text=g.evidence,
                        gold_source=g.attribution, pred_source=pred_source,
                    )
                )
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        pred_spans = [(p.span.start, p.span.end) for p in preds]
        gold_spans = [(c.start, c.end) for c in doc.claims]
        missed.extend(
            MissedClaim(
                doc_id=doc.doc_id, line=c.line, text=c.evidence, start=c.start, end=c.end, status=c.status,
                category="boundaries" if _touches((c.start, c.end), pred_spans) else "not found",
            )
            for i, c in enumerate(doc.claims)
            if i not in matched_g
        )
        spurious.extend(
            SpuriousClaim(
                doc_id=doc.doc_id,
                claim_id=p.claim_id,
                text=p.text,
                start=p.span.start,
                end=p.span.end,
                status=p.status,
                category="boundaries" if _touches((p.span.start, p.span.end), gold_spans) else "no gold claim there",
            )
            for i, p in enumerate(preds)
            if i not in matched_p
        )
        pred_dates = {(d.start, d.end, d.value, d.mod) for p in preds for d in p.dates if d.value is not None}
        for c in doc.claims:
            for d in c.dates:
                dates_gold += 1
                overlapping = [
                    (value, mod) for p_start, p_end, value, mod in pred_dates if min(d.end, p_end) > max(d.start, p_start)
                ]
                if (d.value, d.mod) in overlapping:
                    dates_found += 1
                else:
                    dates_missed.append(
                        MissedDate(
                            doc_id=doc.doc_id, line=c.line, text=d.text, value=d.value, mod=d.mod,
                            predicted=sorted({f"{v}/{m}" if m else str(v) for v, m in overlapping}),
                        )
                    )
        n_g, n_p, n_m = len(doc.claims), len(preds), len(pairs)
        n_gold += n_g
        n_pred += n_p
        matched_total += n_m
        claim_status_tp += right_status
        per_doc.append(
            DocScore(
                doc_id=doc.doc_id,
                gold=n_g,
                pred=n_p,
                matched=n_m,
                claim_f1=_prf(n_m, n_p - n_m, n_g - n_m).f1,
                status_accuracy=_ratio(right_status, n_m),
                claim_status_f1=_prf(right_status, n_p - right_status, n_g - right_status).f1,
            )
        )
    per_status = _per_status(confusion)
    present = [s.f1 for s in per_status if s.support or s.predicted]
    return EvalResult(
        n_docs=len(gold.docs),
        n_gold=n_gold,
        n_pred=n_pred,
        n_matched=matched_total,
        claims=_prf(matched_total, n_pred - matched_total, n_gold - matched_total),
        status_accuracy=_ratio(claim_status_tp, matched_total),
        status_macro_f1=sum(f for f in present if f is not None) / len(present) if present else None,
        per_status=per_status,
        confusion=confusion,
        claim_status=_prf(claim_status_tp, n_pred - claim_status_tp, n_gold - claim_status_tp),
        attribution=_prf(att_tp, att_fp, att_fn),
        dates=DateScore(gold=dates_gold, found=dates_found, accuracy=_ratio(dates_found, dates_gold)),
        per_doc=per_doc,
        missed=missed,
        spurious=spurious,
        misclassified=misclassified,
        unknown_docs=unknown,
        dates_missed=dates_missed,
        attribution_errors=attribution_errors,
        topic_accuracy=_ratio(matched_total - len(topic_errors), matched_total),
        topic_errors=topic_errors,
    )


def _touches(span: tuple[int, int], others: Sequence[tuple[int, int]]) -> bool:
    """RETURNS (bool): whether ``span`` shares a character with any of ``others``."""
    return any(start < span[1] and span[0] < end for start, end in others)


def _pred_order(record: ClaimRecord) -> tuple[int, int, str]:
    return (record.span.start, record.span.end, record.claim_id)


def _per_status(confusion: dict[str, dict[str, int]]) -> list[StatusScore]:
    rows = []
    for s in STATUSES:
        tp = confusion[s][s]
        support = sum(confusion[s].values())
        predicted = sum(confusion[g][s] for g in STATUSES)
        prf = _prf(tp, predicted - tp, support - tp)
        rows.append(
            StatusScore(
                status=s,
                precision=prf.precision,
                recall=prf.recall,
                f1=prf.f1,
                support=support,
                predicted=predicted,
            )
        )
    return rows


def evaluate(
    gold_dir: Path,
    extract: Callable[[list[Article]], Mapping[str, Sequence[ClaimRecord]]],
) -> EvalResult:
    """Load a gold set, extract claims from its articles and score them.

    gold_dir (Path): the gold set folder (``articles/`` and ``gold/``).
    extract (Callable): takes the gold articles, returns doc id -> predicted claims.
    RETURNS (EvalResult): the scores.
    RAISES (GoldError): the gold set is missing or malformed (before ``extract`` runs).
    """
    gold = load_gold(gold_dir)
    predictions = extract(gold.articles())
    return score(gold, predictions)


# ----------------------------------------------------------------- chains
#
# A chain is a gold folder with ``status_gold.jsonl``: tracked facts across its
# articles (shared/ANNOTATION.md, "Tracked facts across articles"). Its
# articles are added one at a time in published order, as a user would, and
# the roll-up after the last one is scored fact by fact:
#
# - **group found**: some roll-up group has the gold subject (or a shorter
#   form keeping its last word), the gold topic, and a key sharing a word with
#   the gold key; gold facts take groups one-to-one, the closest first;
# - **final status**: the group's status is the gold status;
# - **whole history**: the group's steps, (article, status) in order, are the gold history;
# - **value**: the group's value is the gold value: dates compare exactly,
#   amounts by their numbers ("US$ 15 billion" = "$15bn"); no value on both sides is right.

STATUS_GOLD = "status_gold.jsonl"


class GoldStep(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc: str
    status: Status


class GoldFact(BaseModel):
    """One line of ``status_gold.jsonl``."""

    model_config = ConfigDict(extra="ignore")

    subject: str
    topic: Topic
    key: str
    status: Status
    value: str | None = None
    history: list[GoldStep]


class FactScore(BaseModel):
    """One gold fact against the roll-up."""

    subject: str
    topic: str
    key: str
    gold_status: Status
    gold_value: str | None
    gold_history: list[str]  # "doc:status"
    found: bool
    status_right: bool
    history_right: bool
    value_right: bool
    pred_subject: str | None = None
    pred_topic: str | None = None
    pred_key: str | None = None
    pred_status: Status | None = None
    pred_value: str | None = None
    pred_history: list[str] = Field(default_factory=list)


class ChainResult(BaseModel):
    """The chain figures of one gold folder: counts over its tracked facts."""

    root: str
    n_docs: int
    n_facts: int
    found: int
    status: int
    history: int
    value: int
    facts: list[FactScore]
    groups: int  # groups in the final roll-up

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def has_chain(gold_dir: Path) -> bool:
    """RETURNS (bool): whether a gold folder holds tracked-fact gold."""
    return (Path(gold_dir) / STATUS_GOLD).is_file()


def load_status_gold(path: Path) -> list[GoldFact]:
    """Read ``status_gold.jsonl``.

    RAISES (GoldError): a line is not a tracked fact.
    """
    facts = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"Cannot read {path}: {err}. Save it as UTF-8 JSONL.") from err
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            facts.append(GoldFact.model_validate_json(raw))
        except ValidationError as err:
            raise GoldError(
                f"{path}:{n}: not a tracked fact ({err.errors()[0]['msg']}); see shared/ANNOTATION.md, "
                "'Tracked facts across articles'."
            ) from err
    return facts


def load_chain_articles(gold_dir: Path) -> list[Article]:
    """RETURNS (list[Article]): every ``articles/*.md`` of a gold folder, in published order (then id)."""
    articles_dir = Path(gold_dir) / "articles"
    if not articles_dir.is_dir():
        raise GoldError(f"Gold directory {gold_dir} has no articles/ folder: a chain holds articles/<id>.md.")
    articles = []
    for path in sorted(articles_dir.glob("*.md")):
        if path.name.startswith("."):
            continue
        front, body = _read_article(path)
        title, url = front.get("title"), front.get("url")
        articles.append(
            Article(
                doc_id=path.stem,
                path=str(path),
                body=body,
                title=None if title is None else str(title),
                published=_front_date(front.get("published"), path),
                url=None if url is None else str(url),
                content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
            )
        )
    if not articles:
        raise GoldError(f"{articles_dir} holds no .md articles: nothing to score against.")
    return sorted(articles, key=lambda a: (a.published or dt.date.max, a.doc_id))


_STEM_WORD = re.compile(r"[^\W_]+")
_KEY_STOP = frozenset("a an the of to in on for and or by with at".split())


def _words(text: str) -> list[str]:
    from .subjects import normalise

    return _STEM_WORD.findall(normalise(text))


def subject_fits(pred: str, gold: str) -> bool:
    """RETURNS (bool): whether a roll-up subject names the gold one: the same
    once normalised, or a shorter form of it that keeps its last word
    ("Pad 3" for "Orbit Pad 3"), its words in the gold name's order, with a
    letter in it (a model code such as "Z90" names the thing, a bare number
    does not)."""
    p, g = _words(pred), _words(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    if len(p) >= len(g) or p[-1] != g[-1] or not any(c.isalpha() for w in p for c in w):
        return False
    it = iter(g)
    return all(w in it for w in p)


def key_fits(pred: str, gold: str) -> bool:
    """RETURNS (bool): whether two keys share a word ("funding" and "additional funding");
    a bare number (a year) is no such word: "2009 sales" and "2009 output" are two slots."""
    p = {w for w in _words(pred) if w not in _KEY_STOP and not w.isdigit()}
    g = {w for w in _words(gold) if w not in _KEY_STOP and not w.isdigit()}
    return bool(p & g)


_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)*)(?:\s*(billion|bn|million|mn|m|thousand|k)\b)?", re.IGNORECASE)
_SCALE = {"billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}
_TIMEX_VALUE = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|Q\d|H\d|SP|SU|FA|WI))?$|^\d{3}X$")


_NUMBER_WORDS = {
    w: float(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {w: float(10 * n) for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)}
_SPELT = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")(?:\s+(hundred|thousand|million|billion))?\b", re.IGNORECASE)
_SPELT_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}


def amount_numbers(text: str) -> list[float]:
    """RETURNS (list[float]): the numbers of an amount, scaled by "billion", "m" …;
    numbers spelt out ("four", "three thousand") count as their figures."""
    out = [
        _NUMBER_WORDS[word.lower()] * (_SPELT_SCALE[scale.lower()] if scale else 1.0)
        for word, scale in _SPELT.findall(text)
    ]
    for number, scale in _AMOUNT.findall(text):
        digits = number.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number) else number.replace(",", ".")
        try:
            value = float(digits)
        except ValueError:
            continue
        out.append(value * _SCALE.get(scale.lower(), 1.0) if scale else value)
    return out


def amount_numerals(text: str) -> list[float]:
    """RETURNS (list[float]): the numerals of an amount as written, without their scale ("€50m" -> 50)."""
    out = []
    for number, _ in _AMOUNT.findall(text):
        digits = number.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number) else number.replace(",", ".")
        try:
            out.append(float(digits))
        except ValueError:
            continue
    return out


def value_fits(pred: str | None, gold: str | None) -> bool:
    """RETURNS (bool): whether a roll-up value is the gold value: dates
    exactly; amounts by their numbers, scaled ("$15bn" = "US$ 15 billion")
    or as written ("50" = "€50m", "12" = "12GB")."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if _TIMEX_VALUE.match(gold.strip()) or _TIMEX_VALUE.match(pred.strip()):
        return gold.strip() == pred.strip()
    g, p = amount_numbers(gold), amount_numbers(pred)
    if g and sorted(g) == sorted(p):
        return True
    g, p = amount_numerals(gold), amount_numerals(pred)
    return bool(g) and sorted(g) == sorted(p)


def _steps(history: Sequence[Any]) -> list[str]:
    return [f"{getattr(s, 'doc', None) or getattr(s, 'doc_id')}:{s.status}" for s in history]


def score_chain(facts: Sequence[GoldFact], records: Mapping[str, Any], *, root: str = "", n_docs: int = 0) -> ChainResult:
    """Score a roll-up against tracked-fact gold.

    facts (Sequence[GoldFact]): the gold facts.
    records (Mapping[str, StatusRecord]): the roll-up, by group id.
    RETURNS (ChainResult): per fact and in total.
    """
    groups = list(records.values())
    candidates = []
    for fi, fact in enumerate(facts):
        gold_steps = _steps(fact.history)
        for gi, rec in enumerate(groups):
            if rec.topic != fact.topic or not key_fits(rec.key, fact.key) or not subject_fits(rec.subject, fact.subject):
                continue
            exact = (_words(rec.key) == _words(fact.key)) + (_words(rec.subject) == _words(fact.subject))
            pred_steps = _steps(rec.history)
            shared_docs = len({s.split(":")[0] for s in pred_steps} & {s.split(":")[0] for s in gold_steps})
            candidates.append((-exact, -shared_docs, gi, fi))
    candidates.sort()
    taken: dict[int, Any] = {}
    used: set[int] = set()
    for _, _, gi, fi in candidates:
        if fi in taken or gi in used:
            continue
        taken[fi] = groups[gi]
        used.add(gi)
    scores = []
    for fi, fact in enumerate(facts):
        rec = taken.get(fi)
        gold_steps = _steps(fact.history)
        row = FactScore(
            subject=fact.subject, topic=fact.topic, key=fact.key, gold_status=fact.status,
            gold_value=fact.value, gold_history=gold_steps,
            found=rec is not None, status_right=False, history_right=False, value_right=False,
        )
        if rec is not None:
            pred_steps = _steps(rec.history)
            row.pred_subject, row.pred_topic, row.pred_key = rec.subject, rec.topic, rec.key
            row.pred_status, row.pred_value, row.pred_history = rec.status, rec.value, pred_steps
            row.status_right = rec.status == fact.status
            row.history_right = pred_steps == gold_steps
            row.value_right = value_fits(rec.value, fact.value)
        scores.append(row)
    return ChainResult(
        root=root,
        n_docs=n_docs,
        n_facts=len(facts),
        found=sum(s.found for s in scores),
        status=sum(s.status_right for s in scores),
        history=sum(s.history_right for s in scores),
        value=sum(s.value_right for s in scores),
        facts=scores,
        groups=len(groups),
    )


def chain_rollup(
    articles: Sequence[Article],
    predictions: Mapping[str, Sequence[ClaimRecord]],
    *,
    pinned: dict[str, list[str]] | None = None,
    members: dict[str, dict[str, list[str]]] | None = None,
) -> dict[str, Any]:
    """Add the articles one at a time, in the order given, and roll up after each, as ``claimx run`` would.

    members (dict | None): when given, filled with the claim ids each group of the last roll-up holds, per article.
    RETURNS (dict[str, StatusRecord]): the roll-up after the last article.
    """
    from .status import DocInfo, rollup
    from .subjects import SubjectResolver, known_names

    claims: list[dict[str, Any]] = []
    docs: dict[str, DocInfo] = {}
    records: dict[str, Any] = {}
    learned: dict[str, str] = {}
    for seq, article in enumerate(articles, 1):
        added_on = article.published or dt.date.today()
        docs[article.doc_id] = DocInfo(published=article.published, added_on=added_on, added_seq=seq, title=article.title)
        claims.extend(r.model_dump(mode="json") for r in predictions.get(article.doc_id, []))
        resolver = SubjectResolver((c["subject"]["name"] for c in claims), pinned, learned=learned, known=known_names(claims))
        if members is not None:
            members.clear()
        records = rollup(claims, docs, resolver=resolver, members=members)
        learned = resolver.learned()
    return records


def evaluate_chain(
    gold_dir: Path,
    extract: Callable[[list[Article]], Mapping[str, Sequence[ClaimRecord]]] | None = None,
    *,
    articles: Sequence[Article] | None = None,
    predictions: Mapping[str, Sequence[ClaimRecord]] | None = None,
) -> ChainResult:
    """Score a chain: extract its articles (unless ``predictions`` are given), add them in published order, score the roll-up.

    gold_dir (Path): a folder with ``articles/`` and ``status_gold.jsonl``.
    RETURNS (ChainResult): the chain figures.
    """
    from .subjects import load_aliases

    gold_dir = Path(gold_dir)
    facts = load_status_gold(gold_dir / STATUS_GOLD)
    ordered = load_chain_articles(gold_dir)
    if predictions is None:
        assert extract is not None
        predictions = extract(list(articles or ordered))
    records = chain_rollup(ordered, predictions, pinned=load_aliases(gold_dir) or None)
    return score_chain(facts, records, root=str(gold_dir), n_docs=len(ordered))
