""":mod:`claimx.views`: what the store shows: the roll-up and the JSONL views.

The store of record (:mod:`claimx.store`) holds documents, claims and reviewer
decisions. Everything a user reads is computed from it here: the claims with
the decisions applied, the status roll-up across articles, and the views
``claims.jsonl``, ``documents.jsonl``, ``status.jsonl`` and
``decisions.jsonl``, rewritten atomically. A run (:mod:`claimx.run`) and a
reviewer's decision (:func:`mark`) both end here.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from .decisions import (
    DecisionError,
    Resolution,
    ReviewDecision,
    apply_to_claim,
    make_decision,
    resolve,
)
from .outputs import (
    CLAIMS_FILE,
    DECISIONS_FILE,
    DOCUMENTS_FILE,
    STATUS_FILE,
    write_jsonl_atomic,
)
from .schemas import DocumentRecord
from .status import DocInfo, StatusRecord, rollup
from .store import Store
from .subjects import SubjectResolver, known_names, load_aliases

# -- views ---------------------------------------------------------------------


@dataclass
class ViewState:
    documents: list[str]
    claims: list[str]
    rollup: dict[str, StatusRecord]
    resolution: Resolution
    status_counts: dict[str, int]
    articles: int
    learned: dict[str, str]


#: store meta key of the alias table the roll-up learns (normalised name -> canonical name)
LEARNED_ALIASES = "learned_aliases"


def current_state(store: Store, corpus: Path | None) -> ViewState:
    """Everything the views show, computed from the store."""
    claim_rows = store.claims()
    claims = [json.loads(record) for _, _, record in claim_rows]
    decisions = [ReviewDecision.model_validate_json(d) for d in store.decisions()]
    resolution = resolve(decisions, claims)
    docs: dict[str, DocInfo] = {}
    doc_lines: list[str] = []
    rejected_per_doc: dict[str, int] = {}
    rejected = resolution.rejected
    for claim in claims:
        if claim["claim_id"] in rejected:
            rejected_per_doc[claim["doc_id"]] = rejected_per_doc.get(claim["doc_id"], 0) + 1
    articles = 0
    for doc_id, record, added_seq, added_on in store.documents():
        data = json.loads(record)
        if data.get("error") is None:
            articles += 1
            published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
            docs[doc_id] = DocInfo(
                published=published, added_on=dt.date.fromisoformat(added_on), added_seq=added_seq, title=data.get("title")
            )
        if doc_id in rejected_per_doc:
            data["claim_count"] = max(0, data.get("claim_count", 0) - rejected_per_doc[doc_id])
            record = DocumentRecord.model_validate(data).model_dump_json()
        doc_lines.append(record)
    claim_lines: list[str] = []
    status_counts: dict[str, int] = {}
    for (_, cid, record), claim in zip(claim_rows, claims, strict=True):
        line = apply_to_claim(record, cid, resolution)
        if line is None:
            continue
        claim_lines.append(line)
        status = resolution.effective_status(cid, claim["status"])
        status_counts[status] = status_counts.get(status, 0) + 1
    pinned = load_aliases(corpus) if corpus is not None and corpus.is_dir() else {}
    # the links earlier runs made between names stay: the store keeps them
    learned = json.loads(store.get_meta(LEARNED_ALIASES) or "{}")
    resolver = SubjectResolver((c["subject"]["name"] for c in claims), pinned, learned=learned, known=known_names(claims))
    records = rollup(claims, docs, resolver=resolver, resolution=resolution)
    return ViewState(doc_lines, claim_lines, records, resolution, status_counts, articles, resolver.learned())


def write_views(outputs: Path, state: ViewState) -> None:
    write_jsonl_atomic(outputs / CLAIMS_FILE, (json.loads(line) for line in state.claims))
    write_jsonl_atomic(outputs / DOCUMENTS_FILE, (json.loads(line) for line in state.documents))
    write_jsonl_atomic(outputs / STATUS_FILE, state.rollup.values())
    write_jsonl_atomic(outputs / DECISIONS_FILE, state.resolution.views)


def stored_rollup(store: Store) -> dict[str, StatusRecord]:
    return {gid: StatusRecord.model_validate_json(rec) for gid, rec in store.rollup().items()}


def rebuild_views(store: Store, corpus: Path | None = None) -> ViewState:
    """Recompute the roll-up from the store and rewrite every view (after a decision, or lost views).

    store (Store): an open store (holding the run lock).
    corpus (Path | None): the corpus folder, for its alias file; default: the last run's.
    RETURNS (ViewState): what was written.
    """
    if corpus is None and store.get_meta("corpus"):
        corpus = Path(store.get_meta("corpus") or "")
    state = current_state(store, corpus)
    with store.transaction():
        store.replace_rollup({gid: rec.model_dump_json() for gid, rec in state.rollup.items()})
        store.set_meta(LEARNED_ALIASES, json.dumps(state.learned, sort_keys=True))
    write_views(store.outputs, state)
    with store.transaction():
        store.set_meta(VIEWS_DECISIONS, decisions_mark(store))
    return state


#: Meta key: the decisions (count and last id) the views were last written with.
VIEWS_DECISIONS = "views_decisions"


def decisions_mark(store: Store) -> str:
    """RETURNS (str): the store's decisions as ``count:last id``, to tell views that miss one."""
    count, last = store.conn.execute("SELECT COUNT(*), COALESCE(MAX(decision_id), 0) FROM decisions").fetchone()
    return f"{count}:{last}"




# -- a reviewer's decision ---------------------------------------------------------


def mark(
    outputs: Path,
    claim_id: str,
    *,
    action: str,
    status: str | None = None,
    note: str | None = None,
    corpus: Path | None = None,
) -> ReviewDecision:
    """Record a decision on a claim and rewrite the views of ``outputs``.

    outputs (Path): the outputs folder of a run.
    claim_id (str): the claim, as in ``claims.jsonl``.
    action (str): ``accept``, ``reject`` or ``status``.
    status (str | None): the corrected status, for ``status``.
    note (str | None): the reviewer's note.
    corpus (Path | None): the corpus folder (for its alias file); default: the last run's.
    RETURNS (ReviewDecision): the decision recorded.
    """
    with Store.open(outputs, create=False) as store:
        found = store.claim(claim_id)
        if found is None:
            raise DecisionError(
                f"No claim {claim_id!r} in {outputs}: take the claim_id from {outputs}/claims.jsonl "
                "(ids change when the article or the rules change)."
            )
        claim = json.loads(found[1])
        # validate before writing anything
        make_decision(0, claim_id, claim, action=action, status=status, note=note)
        holder: dict[str, ReviewDecision] = {}

        def _record(decision_id: int) -> str:
            holder["d"] = make_decision(decision_id, claim_id, claim, action=action, status=status, note=note)
            return holder["d"].model_dump_json()

        store.add_decision(claim_id, _record)
        rebuild_views(store, corpus=corpus)
    return holder["d"]
