""":mod:`claimx.decisions`: reviewers' decisions on claims, kept apart from extraction.

``claimx mark CLAIM_ID --accept | --reject | --status S [--note TEXT]``
records a :class:`ReviewDecision` in the store. Decisions are never rewritten
by a run: after every run each one is matched again to the claims as they now
are, by claim id, else (after a rules or model change, which changes ids) by
the same document and the same words at the same place, else by the same
words once in the same document. A decision that matches no claim is
*orphaned*: kept, listed in ``decisions.jsonl`` and reported, never dropped.
The latest decision on a claim wins.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from .errors import ClaimxError
from .schemas import STATUSES, Status

Action = Literal["accept", "reject", "status"]
ACTIONS: tuple[str, ...] = ("accept", "reject", "status")


class DecisionError(ClaimxError):
    """A decision cannot be recorded (unknown claim, bad status)."""


class ClaimSnapshot(BaseModel):
    """The claim a decision was made on, as it was then: enough to find it again."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    text: str
    start: int
    end: int
    status: Status


class ReviewDecision(BaseModel):
    """A person's decision on one claim."""

    model_config = ConfigDict(extra="forbid")

    decision_id: int
    claim_id: str
    action: Action
    status: Status | None = None
    note: str | None = None
    decided_at: dt.datetime
    claim: ClaimSnapshot


class DecisionView(BaseModel):
    """One line of ``decisions.jsonl``: a decision and where it applies now."""

    model_config = ConfigDict(extra="forbid")

    decision: ReviewDecision
    current_claim_id: str | None
    orphaned: bool
    superseded: bool = False


def decision_json_schema() -> dict[str, Any]:
    """RETURNS (dict): the JSON Schema of a ``decisions.jsonl`` line."""
    return DecisionView.model_json_schema()


def make_decision(
    decision_id: int,
    claim_id: str,
    claim: dict[str, Any],
    *,
    action: str,
    status: str | None = None,
    note: str | None = None,
    now: dt.datetime | None = None,
) -> ReviewDecision:
    """Build a decision on a claim record (as a dict).

    action (str): ``accept``, ``reject`` or ``status``.
    status (str | None): the corrected status (``status`` only).
    RETURNS (ReviewDecision): the decision.
    """
    if action not in ACTIONS:
        raise DecisionError(f"Unknown decision {action!r}: use --accept, --reject or --status S.")
    if action == "status" and status not in STATUSES:
        raise DecisionError(f"Unknown status {status!r}: choose one of {', '.join(STATUSES)}.")
    return ReviewDecision(
        decision_id=decision_id,
        claim_id=claim_id,
        action=action,  # type: ignore[arg-type]
        status=status if action == "status" else None,
        note=note,
        decided_at=now or dt.datetime.now(dt.UTC).replace(microsecond=0),
        claim=ClaimSnapshot(
            doc_id=claim["doc_id"],
            text=claim["text"],
            start=claim["span"]["start"],
            end=claim["span"]["end"],
            status=claim["status"],
        ),
    )


@dataclass
class Resolution:
    """Decisions matched to the current claims."""

    #: current claim id -> the decision in force on it
    by_claim: dict[str, ReviewDecision] = field(default_factory=dict)
    views: list[DecisionView] = field(default_factory=list)

    @property
    def orphaned(self) -> list[ReviewDecision]:
        return [v.decision for v in self.views if v.orphaned and not v.superseded]

    @property
    def rejected(self) -> set[str]:
        return {cid for cid, d in self.by_claim.items() if d.action == "reject"}

    def effective_status(self, claim_id: str, status: str) -> str:
        """RETURNS (str): the status a claim counts with, after its decision."""
        decision = self.by_claim.get(claim_id)
        return decision.status if decision is not None and decision.action == "status" and decision.status else status


def resolve(decisions: Iterable[ReviewDecision], claims: Iterable[dict[str, Any]]) -> Resolution:
    """Match decisions to the current claims.

    decisions (Iterable[ReviewDecision]): every decision, oldest first.
    claims (Iterable[dict]): the current claim records (dicts) of active documents.
    RETURNS (Resolution): the decision in force per claim, and one view per decision.
    """
    by_id: dict[str, dict[str, Any]] = {}
    by_place: dict[tuple[str, int, int, str], str] = {}
    by_text: dict[tuple[str, str], list[str]] = {}
    for claim in claims:
        cid = claim["claim_id"]
        by_id[cid] = claim
        by_place[(claim["doc_id"], claim["span"]["start"], claim["span"]["end"], claim["text"])] = cid
        by_text.setdefault((claim["doc_id"], claim["text"]), []).append(cid)
    result = Resolution()
    matched: list[tuple[ReviewDecision, str | None]] = []
    for decision in decisions:
        snap = decision.claim
        current: str | None = None
        if decision.claim_id in by_id:
            current = decision.claim_id
        elif (snap.doc_id, snap.start, snap.end, snap.text) in by_place:
            current = by_place[(snap.doc_id, snap.start, snap.end, snap.text)]
        elif len(by_text.get((snap.doc_id, snap.text), [])) == 1:
            current = by_text[(snap.doc_id, snap.text)][0]
        matched.append((decision, current))
        if current is not None:
            result.by_claim[current] = decision  # later decisions win
    for decision, current in matched:
        superseded = current is not None and result.by_claim.get(current) is not decision
        if current is None:
            # an older orphan superseded by a newer decision on the same original claim
            later = [d for d, c in matched if d.claim_id == decision.claim_id and d.decision_id > decision.decision_id]
            superseded = bool(later)
        result.views.append(
            DecisionView(decision=decision, current_claim_id=current, orphaned=current is None, superseded=superseded)
        )
    return result


def apply_to_claim(record_json: str, claim_id: str, resolution: Resolution) -> str | None:
    """Apply the decision in force to one claim's JSON.

    RETURNS (str | None): the JSON to write in ``claims.jsonl``; None for a rejected claim.
    """
    decision = resolution.by_claim.get(claim_id)
    if decision is None or decision.action == "accept":
        return record_json
    if decision.action == "reject":
        return None
    data = json.loads(record_json)
    data["status"] = decision.status
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
