""":mod:`claimx.review`: load, filter and group the claims of an outputs folder.

Pure functions shared by ``claimx review`` (terminal) and ``claimx report``
(HTML): nothing here prints. Records are read from ``claims.jsonl`` and
``documents.jsonl`` as written by ``claimx run``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import jsonlines
from pydantic import ValidationError

from .decisions import DecisionView, ReviewDecision
from .errors import ClaimxError
from .outputs import CLAIMS_FILE, DECISIONS_FILE, DOCUMENTS_FILE
from .schemas import STATUSES, TOPICS, ClaimRecord, DocumentRecord

logger = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class Outputs:
    """What ``claimx run`` wrote: the claims and the documents, in file order."""

    claims: list[ClaimRecord]
    documents: list[DocumentRecord]
    #: reviewers' decisions on the claims shown, by claim id (``decisions.jsonl``)
    decisions: dict[str, ReviewDecision] = field(default_factory=dict)

    def documents_by_id(self) -> dict[str, DocumentRecord]:
        """RETURNS (dict[str, DocumentRecord]): the documents keyed by doc_id."""
        return {doc.doc_id: doc for doc in self.documents}


@dataclass
class ClaimFilter:
    """Which claims to keep; an empty field keeps everything.

    status (tuple[str, ...]): keep claims with one of these statuses.
    subject (str | None): case-insensitive substring of the subject name.
    topic (tuple[str, ...]): keep claims with one of these topics.
    doc (str | None): keep claims of this doc_id (exact), or whose doc_id
        contains it when no doc_id matches exactly.
    since (date | None): keep claims whose article was published on or after
        this day (claims of undated articles are dropped).
    """

    status: tuple[str, ...] = ()
    subject: str | None = None
    topic: tuple[str, ...] = ()
    doc: str | None = None
    since: dt.date | None = None


@dataclass
class ArticleGroup:
    """One article's claims about one subject (or all of them)."""

    doc_id: str
    document: DocumentRecord | None
    published: dt.date | None
    claims: list[ClaimRecord] = field(default_factory=list)

    @property
    def statuses(self) -> list[str]:
        """RETURNS (list[str]): the distinct statuses of the claims, in STATUSES order."""
        present = {claim.status for claim in self.claims}
        return [status for status in STATUSES if status in present]


@dataclass
class SubjectGroup:
    """A subject and its claims, article by article in published order."""

    name: str
    articles: list[ArticleGroup] = field(default_factory=list)

    @property
    def claim_count(self) -> int:
        """RETURNS (int): the number of claims about the subject."""
        return sum(len(group.claims) for group in self.articles)

    @property
    def latest_statuses(self) -> list[str]:
        """RETURNS (list[str]): the statuses in the most recent article about the subject."""
        return self.articles[-1].statuses if self.articles else []


def _read_lines(path: Path, model: type[T]) -> list[T]:
    """Read one JSONL file of ``model`` records with ``jsonlines``, naming the line that is wrong."""
    records: list[T] = []
    number = 0
    with path.open(encoding="utf-8") as handle:

        def lines() -> Iterator[str]:
            nonlocal number
            for number, line in enumerate(handle, 1):  # noqa: B007 (read by the messages below)
                yield line

        try:
            for obj in jsonlines.Reader(lines()).iter(type=dict, skip_empty=True):
                try:
                    records.append(model.model_validate(obj))  # type: ignore[attr-defined]
                except ValidationError as exc:
                    first = exc.errors()[0]
                    where = ".".join(str(part) for part in first.get("loc", ())) or "(record)"
                    raise ClaimxError(
                        f"{path}:{number}: not a valid {model.__name__} ({where}: {first.get('msg')}); "
                        "re-create the outputs with `claimx run CORPUS -o OUTPUTS`"
                    ) from None
        except jsonlines.InvalidLineError as exc:
            raise ClaimxError(
                f"{path}:{exc.lineno}: not a JSON object ({exc}); "
                "re-create the outputs with `claimx run CORPUS -o OUTPUTS`"
            ) from None
        except UnicodeDecodeError as exc:
            raise ClaimxError(f"{path}: not UTF-8 ({exc.reason}); re-create the outputs with `claimx run`") from None
    return records


def load_outputs(outputs: Path) -> Outputs:
    """Read ``claims.jsonl`` and ``documents.jsonl`` from an outputs folder.

    outputs (Path): the folder ``claimx run`` wrote to.
    RETURNS (Outputs): the records in file order.
    """
    outputs = Path(outputs)
    claims_path = outputs / CLAIMS_FILE
    if not claims_path.is_file():
        raise ClaimxError(
            f"no {CLAIMS_FILE} in {outputs}: run `claimx run CORPUS -o {outputs}` first "
            "(or pass the folder it wrote to)"
        )
    claims = _read_lines(claims_path, ClaimRecord)
    documents_path = outputs / DOCUMENTS_FILE
    documents = _read_lines(documents_path, DocumentRecord) if documents_path.is_file() else []
    if not documents_path.is_file():
        logger.warning("no %s in %s: titles and dates of articles are unknown", DOCUMENTS_FILE, outputs)
    return Outputs(claims=claims, documents=documents, decisions=load_decisions(outputs))


def load_decisions(outputs: Path) -> dict[str, ReviewDecision]:
    """RETURNS (dict[str, ReviewDecision]): the decisions that apply to a
    current claim, by its id; orphaned ones are left to ``claimx status``."""
    path = Path(outputs) / DECISIONS_FILE
    if not path.is_file():
        return {}
    found: dict[str, ReviewDecision] = {}
    for view in _read_lines(path, DecisionView):
        if view.current_claim_id and not view.orphaned and not view.superseded:
            found[view.current_claim_id] = view.decision
    return found


def describe_decision(decision: ReviewDecision) -> str:
    """RETURNS (str): one line saying what a reviewer decided, e.g.
    "corrected rumored → denied on 2026-11-23 (note)"."""
    when = decision.decided_at.date().isoformat()
    if decision.action == "status":
        what = f"corrected {decision.claim.status} → {decision.status}"
    else:
        what = {"accept": "accepted", "reject": "rejected"}.get(decision.action, decision.action)
    return f"{what} on {when}" + (f" ({decision.note})" if decision.note else "")


def parse_statuses(values: Iterable[str]) -> tuple[str, ...]:
    """Check status names given on the command line (repeatable, or comma separated).

    values (Iterable[str]): e.g. ``["rumored,denied", "expected"]``.
    RETURNS (tuple[str, ...]): the statuses, lower-cased.
    """
    return _parse_choices(values, STATUSES, "status")


def parse_topics(values: Iterable[str]) -> tuple[str, ...]:
    """Check topic names given on the command line (repeatable, or comma separated).

    RETURNS (tuple[str, ...]): the topics, lower-cased.
    """
    return _parse_choices(values, TOPICS, "topic")


def _parse_choices(values: Iterable[str], choices: Sequence[str], what: str) -> tuple[str, ...]:
    chosen: list[str] = []
    for value in values:
        for part in value.split(","):
            name = part.strip().lower()
            if not name:
                continue
            if name not in choices:
                raise ClaimxError(f"unknown {what} {part.strip()!r}; use one of: {', '.join(choices)}")
            if name not in chosen:
                chosen.append(name)
    return tuple(chosen)


def parse_since(value: str | None) -> dt.date | None:
    """Parse a ``--since`` day, ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``: the first day).

    RETURNS (date | None): the day, or None for no value.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ClaimxError(f"--since {value!r} is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY)")


def filter_claims(claims: Iterable[ClaimRecord], flt: ClaimFilter) -> list[ClaimRecord]:
    """Keep the claims that pass every field of ``flt``.

    claims (Iterable[ClaimRecord]): the claims, in any order (kept).
    flt (ClaimFilter): what to keep.
    RETURNS (list[ClaimRecord]): the claims kept.
    """
    claims = list(claims)
    doc_exact = flt.doc is not None and any(claim.doc_id == flt.doc for claim in claims)
    needle = flt.subject.casefold() if flt.subject else None
    kept: list[ClaimRecord] = []
    for claim in claims:
        if flt.status and claim.status not in flt.status:
            continue
        if flt.topic and claim.topic not in flt.topic:
            continue
        if needle is not None and needle not in claim.subject.name.casefold():
            continue
        if flt.doc is not None:
            if doc_exact and claim.doc_id != flt.doc:
                continue
            if not doc_exact and flt.doc.casefold() not in claim.doc_id.casefold():
                continue
        if flt.since is not None and (claim.published is None or claim.published < flt.since):
            continue
        kept.append(claim)
    return kept


def paginate(items: Sequence[T], limit: int | None, offset: int = 0) -> tuple[list[T], int]:
    """Cut one page out of ``items``.

    limit (int | None): the page size; None or 0 or less: no limit.
    offset (int): how many items to skip first.
    RETURNS (tuple[list, int]): the page, and how many items come after it.
    """
    offset = max(offset, 0)
    rest = list(items[offset:])
    if limit is None or limit <= 0:
        return rest, 0
    return rest[:limit], max(len(rest) - limit, 0)


def _date_key(published: dt.date | None) -> tuple[int, dt.date]:
    """Sort key: dated articles first, oldest first; undated ones last."""
    return (1, dt.date.max) if published is None else (0, published)


def sort_claims(claims: Iterable[ClaimRecord], documents: Sequence[DocumentRecord] = ()) -> list[ClaimRecord]:
    """Sort claims by article (published date, then the documents' order) and offset.

    RETURNS (list[ClaimRecord]): the claims in reading order.
    """
    order = {doc.doc_id: index for index, doc in enumerate(documents)}
    return sorted(
        claims,
        key=lambda c: (_date_key(c.published), order.get(c.doc_id, len(order)), c.doc_id, c.span.start, c.span.end),
    )


def group_by_article(
    claims: Iterable[ClaimRecord], documents: Sequence[DocumentRecord] = ()
) -> list[ArticleGroup]:
    """Group claims by article, articles in published order (undated last).

    claims (Iterable[ClaimRecord]): the claims.
    documents (Sequence[DocumentRecord]): the documents, for titles and order.
    RETURNS (list[ArticleGroup]): one group per article with claims.
    """
    by_id = {doc.doc_id: doc for doc in documents}
    groups: dict[str, ArticleGroup] = {}
    for claim in sort_claims(claims, documents):
        group = groups.get(claim.doc_id)
        if group is None:
            document = by_id.get(claim.doc_id)
            published = document.published if document is not None else claim.published
            group = groups[claim.doc_id] = ArticleGroup(claim.doc_id, document, published or claim.published)
        group.claims.append(claim)
    return list(groups.values())


def group_by_subject(
    claims: Iterable[ClaimRecord], documents: Sequence[DocumentRecord] = ()
) -> list[SubjectGroup]:
    """Group claims by subject, then by article in published order.

    claims (Iterable[ClaimRecord]): the claims.
    documents (Sequence[DocumentRecord]): the documents, for titles and order.
    RETURNS (list[SubjectGroup]): subjects with the most claims first (ties by name).
    """
    by_subject: dict[str, list[ClaimRecord]] = {}
    for claim in claims:
        by_subject.setdefault(claim.subject.name, []).append(claim)
    subjects = [
        SubjectGroup(name=name, articles=group_by_article(subject_claims, documents))
        for name, subject_claims in by_subject.items()
    ]
    subjects.sort(key=lambda s: (-s.claim_count, s.name.casefold()))
    return subjects


def status_counts(claims: Iterable[ClaimRecord]) -> dict[str, int]:
    """RETURNS (dict[str, int]): the number of claims per status, every status present."""
    counts = dict.fromkeys(STATUSES, 0)
    for claim in claims:
        counts[claim.status] = counts.get(claim.status, 0) + 1
    return counts
