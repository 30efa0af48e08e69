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
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    Piece,
    splice_lines_atomic,
    stat_key,
    write_jsonl_atomic,
    write_lines_atomic,
)
from .schemas import DocumentRecord
from .status import DocInfo, StatusRecord, rollup
from .store import ROLLUP_GEN, Store, rollup_sort_key
from .subjects import SubjectResolver, known_names, load_aliases

# -- views ---------------------------------------------------------------------


@dataclass
class ViewState:
    rollup: dict[str, StatusRecord]
    resolution: Resolution
    status_counts: dict[str, int]
    articles: int
    learned: dict[str, str]
    #: claims a reviewer rejected, per article (its ``claim_count`` in the views leaves them out)
    rejected_per_doc: dict[str, int] = field(default_factory=dict)


#: store meta key of the alias table the roll-up learns (normalised name -> canonical name)
LEARNED_ALIASES = "learned_aliases"


def current_state(store: Store, corpus: Path | None) -> ViewState:
    """Everything the views show, computed from the store."""
    claim_rows = store.claims()
    claims = [json.loads(record) for _, _, record in claim_rows]
    decisions = [ReviewDecision.model_validate_json(d) for d in store.decisions()]
    resolution = resolve(decisions, claims)
    docs: dict[str, DocInfo] = {}
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
    status_counts: dict[str, int] = {}
    for claim in claims:
        cid = claim["claim_id"]
        decision = resolution.by_claim.get(cid)
        if decision is not None and decision.action == "reject":
            continue
        status = resolution.effective_status(cid, claim["status"])
        status_counts[status] = status_counts.get(status, 0) + 1
    pinned = load_aliases(corpus) if corpus is not None and corpus.is_dir() else {}
    # the links earlier runs made between names stay: the store keeps them
    learned = json.loads(store.get_meta(LEARNED_ALIASES) or "{}")
    resolver = SubjectResolver((c["subject"]["name"] for c in claims), pinned, learned=learned, known=known_names(claims))
    records = rollup(claims, docs, resolver=resolver, resolution=resolution)
    return ViewState(records, resolution, status_counts, articles, resolver.learned(), rejected_per_doc)


#: the active claims, in view order (by article, then by their order in it)
ACTIVE_CLAIMS = (
    "FROM claims c JOIN documents d ON d.doc_id = c.doc_id WHERE d.state = 'active' ORDER BY c.doc_id, c.seq"
)

#: what Python's ``json`` may write differently from pydantic: escapes (``\\u``), a number with an exponent
_EXPONENT = re.compile(r"[:,\[]-?\d+(?:\.\d+)?[eE]")


def view_line(record: str) -> str:
    """RETURNS (str): a stored record as ``json.dumps`` writes it in the views (compact, not ASCII-only)."""
    if "\\u" not in record and _EXPONENT.search(record) is None:  # a substring test, then a regex that starts on a class
        return record
    return json.dumps(json.loads(record), ensure_ascii=False, separators=(",", ":"))


#: store meta key: the views as last written: each view's stat and the roll-up generation they show
VIEWS_STAMP = "views_stamp"
#: at most this many articles (and as many subjects) are spliced into the views; more are written whole
SPLICE_MAX = 2000
#: a run that changed more than half of the articles, and at least this many, writes the views whole:
#: a splice costs two searches of the file an article (about 0.8 ms each for 300 articles changed of
#: 300, against 0.4 ms an article for a whole rewrite), and both give the same bytes
SPLICE_WHOLE_LEAST = 100
#: the views a run may splice rather than write whole
SPLICED_VIEWS: tuple[str, ...] = (CLAIMS_FILE, DOCUMENTS_FILE, STATUS_FILE)


@dataclass
class ViewChanges:
    """What changed in the store since the views were last written, when a run knows it:
    the roll-up generation before the run's roll-up, the subjects it rolled up, and the
    articles whose lines the decisions in force reach (every other changed article is
    listed by the store itself, :meth:`~claimx.store.Store.dirty_docs`)."""

    since_gen: int
    subjects: set[str]
    decision_docs: set[str]
    #: the readable articles the views show (0: not known)
    articles: int = 0


def write_views(
    store: Store, resolution: Resolution, rejected_per_doc: dict[str, int], changes: ViewChanges | None = None
) -> None:
    """Rewrite ``claims.jsonl``, ``documents.jsonl``, ``status.jsonl`` and ``decisions.jsonl``
    from the store (its roll-up as stored), each atomically, streaming: the one writer of
    the views, after a run and after a reviewer's decision.

    With ``changes``, and views whose files are as claimx last wrote them (their stat) at
    the roll-up generation the run started from, a view is rewritten from its old file:
    the lines of the articles changed since (and of the subjects rolled up, in
    ``status.jsonl``) are cut out and the store's put in their place, the rest copied
    as it is. The bytes are those a whole rewrite gives (each view is in key order:
    articles by doc_id, the roll-up by its sort key), in a time that grows with what
    changed, not with the corpus.

    resolution (Resolution): the reviewer decisions resolved against the claims.
    rejected_per_doc (dict[str, int]): rejected claims per article.
    changes (ViewChanges | None): what the run changed; None writes every view whole.
    """
    outputs = store.outputs

    def claim_lines(where: str = "", args: tuple[str, ...] = ()) -> Iterator[str]:
        query = f"SELECT c.claim_id, c.record {ACTIVE_CLAIMS}"
        if where:
            query = query.replace(" ORDER BY", f" AND {where} ORDER BY")
        for cid, record in store.conn.execute(query, args):
            line = apply_to_claim(record, cid, resolution) if cid in resolution.by_claim else record
            if line is not None:
                yield view_line(line)

    def document_lines(where: str = "", args: tuple[str, ...] = ()) -> Iterator[str]:
        for doc_id, record in store.conn.execute(
            "SELECT doc_id, record FROM documents WHERE state IN ('active', 'failed') "
            f"{'AND ' + where if where else ''} ORDER BY doc_id",
            args,
        ):
            if doc_id in rejected_per_doc:
                data = json.loads(record)
                data["claim_count"] = max(0, data.get("claim_count", 0) - rejected_per_doc[doc_id])
                record = DocumentRecord.model_validate(data).model_dump_json()
            yield view_line(record)

    def status_lines(where: str = "", args: tuple[str, ...] = ()) -> Iterator[str]:
        if not where:
            yield from (view_line(r) for r in store.rollup_lines())
            return
        for (record,) in store.conn.execute(f"SELECT record FROM rollup WHERE {where} ORDER BY sort_key, rowid", args):
            yield view_line(record)

    spans = _splice_spans(store, changes)
    if spans is None:
        write_lines_atomic(outputs / CLAIMS_FILE, claim_lines())
        write_lines_atomic(outputs / DOCUMENTS_FILE, document_lines())
        write_lines_atomic(outputs / STATUS_FILE, status_lines())
    else:
        docs, groups = spans
        _splice(outputs / CLAIMS_FILE, docs, _doc_key, lambda lo, hi: claim_lines("c.doc_id >= ? AND c.doc_id < ?", (lo, hi)))
        _splice(outputs / DOCUMENTS_FILE, docs, _doc_key, lambda lo, hi: document_lines("doc_id >= ? AND doc_id < ?", (lo, hi)))
        _splice(outputs / STATUS_FILE, groups, _status_key, lambda lo, hi: status_lines("sort_key >= ? AND sort_key < ?", (lo, hi)))
    write_jsonl_atomic(outputs / DECISIONS_FILE, resolution.views)
    stamp = {"gen": int(store.get_meta(ROLLUP_GEN) or 0), "files": {name: _file_stamp(outputs / name) for name in SPLICED_VIEWS}}
    with store.transaction():
        store.clear_dirty_docs()
        store.set_meta(VIEWS_STAMP, json.dumps(stamp, sort_keys=True))


def _file_stamp(path: Path) -> str | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return stat_key(st)


#: a key range of a view's lines, ``[low, high)``
Span = tuple[str, str]


def _splice_spans(store: Store, changes: ViewChanges | None) -> tuple[list[Span], list[Span]] | None:
    """RETURNS (tuple | None): the key ranges of ``claims.jsonl`` and ``documents.jsonl`` (doc ids) and of
    ``status.jsonl`` (sort keys) to take from the store, or None when the views must be written whole.

    A run of an older claimx, which neither lists the documents it writes nor counts the roll-up's
    generations, changes the views' stat when it finishes (they are then written whole); one killed
    before its views, on a store whose views this claimx wrote, would leave its documents unlisted:
    ``claimx run --force`` (or deleting the views) writes them whole."""
    if changes is None:
        return None
    try:
        stamp = json.loads(store.get_meta(VIEWS_STAMP) or "null")
    except ValueError:
        return None
    if not isinstance(stamp, dict) or stamp.get("gen") != changes.since_gen:
        return None
    files = stamp.get("files") or {}
    if any(files.get(name) is None or files.get(name) != _file_stamp(store.outputs / name) for name in SPLICED_VIEWS):
        return None
    docs = store.dirty_docs(SPLICE_MAX + 1) | changes.decision_docs
    if len(docs) > SPLICE_MAX or len(changes.subjects) > SPLICE_MAX:
        return None
    if len(docs) >= SPLICE_WHOLE_LEAST and 2 * len(docs) > changes.articles:
        return None  # most of the file changed: a whole rewrite is the quicker
    # the successor of a text is the text with a NUL after it: [id, id + NUL) holds that id alone;
    # a subject's groups are the sort keys that begin with its case-folded name and a NUL
    doc_spans = [(doc_id, doc_id + "\0") for doc_id in sorted(docs)]
    folds = sorted({subject.casefold() for subject in changes.subjects})
    return doc_spans, _merged([(fold + "\0", fold + "\x01") for fold in folds])


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for low, high in sorted(spans):
        if out and low <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


#: the start of a claims.jsonl line (its claim id, then its doc id) or of a documents.jsonl line (its doc id),
#: as claimx writes them, neither id holding a quote or an escape: the doc id read without decoding the record
_DOC_ID_FIRST = re.compile(rb'\{(?:"claim_id":"[^"\\]*",)?"doc_id":"([^"\\]*)"')


def _doc_key(line: bytes) -> str:
    # a splice's binary searches read a few lines an article: the record decoded only when its start is not as written
    found = _DOC_ID_FIRST.match(line)
    if found is not None:
        return found.group(1).decode("utf-8")
    return str(json.loads(line)["doc_id"])


def _status_key(line: bytes) -> str:
    data = json.loads(line)
    return rollup_sort_key(data["subject"], data["topic"], data["key"])


def _first_at(handle: Any, low: int, size: int, bound: str, key: Callable[[bytes], str]) -> int:
    """RETURNS (int): the offset of the first line at or after ``low`` (a line start) whose key is ``bound`` or more
    (``size`` when none is): a binary search over the bytes, a file's lines being in key order."""

    def line_at(pos: int) -> tuple[int, bytes]:
        # the first line that starts at or after ``pos``
        if pos == low:
            handle.seek(pos)
        else:
            handle.seek(pos - 1)
            handle.readline()
        return handle.tell(), handle.readline()

    lo, hi = low, size
    while lo < hi:
        mid = (lo + hi) // 2
        _, line = line_at(mid)
        if not line or key(line) >= bound:
            hi = mid
        else:
            lo = mid + 1
    return line_at(lo)[0]


def _splice(path: Path, spans: list[Span], key: Callable[[bytes], str], lines: Callable[[str, str], Iterator[str]]) -> None:
    """Rewrite the view ``path`` with the lines of each key range ``spans`` taken from the store (``lines``)."""
    if not spans:
        return  # nothing in it changed: the file stays as it is
    size = path.stat().st_size

    def pieces() -> Iterator[Piece]:
        with open(path, "rb") as handle:
            at = 0
            for low, high in spans:
                start = _first_at(handle, at, size, low, key)
                end = _first_at(handle, start, size, high, key)
                if start > at:
                    yield (at, start)
                yield from lines(low, high)
                at = end
            if size > at:
                yield (at, size)

    splice_lines_atomic(path, pieces())


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
    write_views(store, state.resolution, state.rejected_per_doc)
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
