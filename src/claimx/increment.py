""":mod:`claimx.increment`: the roll-up and the views brought up to date for what a run touched.

:func:`claimx.views.current_state` recomputes the roll-up from every claim of
the store. A run that adds ten articles to a hundred thousand need not: the
roll-up of a subject depends only on the claims that go to it (and on the
cast and crew claims named after it), so this module works out which
subjects the run's articles touch and calls the same roll-up
(:func:`claimx.status.rollup`) on the claims of those subjects alone; the
records of every other subject stay as they are in the store. The result is
the same, byte for byte, as a full recompute (``tests/test_increment.py``).

What is global is still computed from the whole corpus, cheaply: the subject
names (:class:`~claimx.subjects.SubjectResolver`, from the names alone, read
with SQLite's ``json_extract``), and which subject each article follows
(:func:`~claimx.status.followed_subjects`, from names and titles). The
subjects touched are those of the articles that are new, changed or gone
(their stamp differs from the one stored with the roll-up), of the articles
holding a name whose canonical name changed or whose followed subject
changed, and of the articles reviewers' decisions point at; each before and
after. Everything is recomputed when the decisions, the pinned aliases or the
pipeline fingerprint changed, or when a roll-up was written without this
module (``claimx mark``, views rebuilt), and on a store's first run.

The views are then written by :func:`claimx.views.write_views`, the one
writer of the views, streaming the store (records as stored, never all in
memory).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .decisions import Resolution, ReviewDecision, resolve
from .slots import maker_keys
from .status import (
    DocInfo,
    StatusChange,
    StatusRecord,
    background_claims,
    diff,
    filed_subject,
    followed_subjects,
    rollup,
)
from .store import ROLLUP_CONTEXT, ROLLUP_GEN, Store, rollup_sort_key
from .subjects import KNOWN_LABELS, SubjectResolver, is_abbreviation, load_aliases
from .views import ACTIVE_CLAIMS, LEARNED_ALIASES, ViewChanges, decisions_mark

#: store meta keys: each name's canonical name and the followed subjects as of the last roll-up
ROLLUP_NAMES = "rollup_names"
ROLLUP_FOLLOWED = "rollup_followed"
#: subjects rolled up in one call (memory is bounded by their claims)
SUBJECTS_PER_CALL = 2000



def _known_names(store: Store, names: Counter[str]) -> set[str]:
    """RETURNS (set[str]): the names of several words the active articles'
    claims write as entities (:func:`claimx.subjects.known_names`), read only
    when some subject is an abbreviation (the full name it may stand for)."""
    if not any(name and is_abbreviation(name) for name in names):
        return set()
    marks = ",".join("?" * len(KNOWN_LABELS))
    rows = store.conn.execute(
        "SELECT DISTINCT json_extract(e.value, '$.text') FROM claims c JOIN documents d ON d.doc_id = c.doc_id, "
        f"json_each(c.record, '$.entities') e WHERE d.state = 'active' AND json_extract(e.value, '$.label') IN ({marks})",
        KNOWN_LABELS,
    )
    return {text for (text,) in rows if text and " " in text.strip()}


@dataclass
class Refreshed:
    """What a refresh of the roll-up did."""

    changes: list[StatusChange]
    resolution: Resolution
    status_counts: dict[str, int]
    articles: int
    claims: int
    learned: dict[str, str]
    #: every subject recomputed (first run, decisions or aliases changed …)
    full: bool
    #: subjects recomputed
    subjects: int
    rejected_per_doc: dict[str, int] = field(default_factory=dict)
    #: what the views need to be brought up to date in place (None: every subject was recomputed)
    view_changes: ViewChanges | None = None


def _doc_infos(store: Store) -> dict[str, DocInfo]:
    """RETURNS (dict[str, DocInfo]): every readable article's dates and title, as :func:`current_state` reads them."""
    docs: dict[str, DocInfo] = {}
    rows = store.conn.execute(
        "SELECT doc_id, json_type(record, '$.error'), json_extract(record, '$.published'), "
        "json_extract(record, '$.title'), added_seq, added_on FROM documents "
        "WHERE state IN ('active', 'failed') ORDER BY doc_id"
    )
    for doc_id, error, published, title, added_seq, added_on in rows:
        if error not in (None, "null"):
            continue
        docs[doc_id] = DocInfo(
            published=dt.date.fromisoformat(published) if published else None,
            added_on=dt.date.fromisoformat(added_on),
            added_seq=int(added_seq),
            title=title,
        )
    return docs


def _claims_of(store: Store, doc_ids: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    """YIELDS (tuple): ``(doc_id, claim_id, record JSON)`` of the active claims of these articles, in store order."""
    wanted = sorted(set(doc_ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        yield from store.conn.execute(
            "SELECT c.doc_id, c.claim_id, c.record FROM claims c JOIN documents d ON d.doc_id = c.doc_id "
            f"WHERE d.state = 'active' AND c.doc_id IN ({marks}) ORDER BY c.doc_id, c.seq",
            chunk,
        )


#: how the subjects each article's claims go to are recorded (``rollup_subjects``); a store whose
#: roll-up was recorded otherwise is rolled up whole once (2: a maker's own facts go to its own name)
SUBJECTS_RECORDED = 2


def _context(store: Store, pinned: dict[str, list[str]], fingerprint: str, decisions: str) -> str:
    return json.dumps(
        {"pinned": pinned, "fingerprint": fingerprint, "decisions": decisions, "subjects": SUBJECTS_RECORDED},
        sort_keys=True,
    )


def _claim_subjects(
    doc_id: str, name: str, text: str | None, topic: str | None, key: str | None, canon: str,
    followed: dict[str, dict[str, str]], makers: frozenset[tuple[str, str]],
) -> tuple[str, str]:
    """RETURNS (tuple[str, str]): the subject a claim is filed under before and after the article's
    followed subject, as :func:`claimx.status.rollup` files it: its canonical name, or its own
    name for a maker's own fact (job cuts, results) when the canonical name is its product's."""
    subject = filed_subject(name, canon, topic, key, makers)
    final = followed[doc_id].get(subject, subject) if not text and doc_id in followed else subject
    return subject, final


def refresh_rollup(store: Store, corpus: Path | None, fingerprint: str, *, full: bool = False) -> Refreshed:
    """Bring the stored roll-up up to date with the store's documents and claims (call inside a transaction).

    store (Store): an open store holding the run lock.
    corpus (Path | None): the corpus folder, for its alias file.
    fingerprint (str): the run's pipeline fingerprint (a new one recomputes everything).
    full (bool): recompute every subject.
    RETURNS (Refreshed): the status changes, decisions matched, counts.
    """
    pinned = load_aliases(corpus) if corpus is not None and corpus.is_dir() else {}
    learned = json.loads(store.get_meta(LEARNED_ALIASES) or "{}")
    context = _context(store, pinned, fingerprint, decisions_mark(store))
    full = full or store.get_meta(ROLLUP_CONTEXT) != context
    since_gen = int(store.get_meta(ROLLUP_GEN) or 0)
    store.set_meta(ROLLUP_GEN, str(since_gen + 1))

    # -- decisions: matched on the claims they can match (their articles, their claim ids)
    decisions = [ReviewDecision.model_validate_json(d) for d in store.decisions()]
    decision_docs: set[str] = set()
    if decisions:
        decision_docs = {d.claim.doc_id for d in decisions}
        ids = sorted({d.claim_id for d in decisions})
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            decision_docs.update(
                row[0] for row in store.conn.execute(f"SELECT doc_id FROM claims WHERE claim_id IN ({marks})", chunk)
            )
    claim_doc: dict[str, str] = {}
    decided: list[dict[str, Any]] = []
    for doc_id, cid, record in _claims_of(store, decision_docs):
        decided.append(json.loads(record))
        claim_doc[cid] = doc_id
    resolution = resolve(decisions, decided)
    rejected_per_doc: dict[str, int] = {}
    for cid in resolution.rejected:
        rejected_per_doc[claim_doc[cid]] = rejected_per_doc.get(claim_doc[cid], 0) + 1
    del decided

    # -- the whole corpus, lightly: names, statuses, titles
    docs = _doc_infos(store)
    names: Counter[str] = Counter()
    followers: list[dict[str, Any]] = []  # what followed_subjects reads: the first claim of each name, every unnamed one
    first_of: set[str] = set()
    status_counts: dict[str, int] = {}
    claims = 0
    rows = store.conn.execute(
        "SELECT c.doc_id, c.claim_id, json_extract(c.record, '$.subject.name'), json_extract(c.record, '$.subject.text'), "
        f"json_extract(c.record, '$.status') {ACTIVE_CLAIMS}"
    )
    for doc_id, cid, name, text, status in rows:
        names[name] += 1
        decision = resolution.by_claim.get(cid)
        if decision is None or decision.action != "reject":
            claims += 1
            status = resolution.effective_status(cid, status)
            status_counts[status] = status_counts.get(status, 0) + 1
        if not (name or "").strip() or doc_id not in docs:
            continue
        if not text or name not in first_of:
            first_of.add(name)
            followers.append({"doc_id": doc_id, "subject": {"name": name, "text": text}})
    resolver = SubjectResolver(names.elements(), pinned, learned=learned, known=_known_names(store, names))
    followed = followed_subjects(followers, docs, resolver)
    del followers, first_of
    canonical = {name: resolver.canonical(name) for name in names if name}

    # -- the articles whose subjects may have changed
    stamps = dict(store.doc_stamps())
    if full:
        recheck = set(docs)
        gone: set[str] = set(store.rollup_stamps())
    else:
        stored = store.rollup_stamps()
        recheck = {d for d in docs if stored.get(d) != stamps.get(d)}
        gone = {d for d in stored if d not in docs}
        old_names = json.loads(store.get_meta(ROLLUP_NAMES) or "{}")
        moved = [n for n, c in canonical.items() if old_names.get(n) != c]
        moved += [n for n in old_names if n not in canonical]
        for start in range(0, len(moved), 500):
            chunk = moved[start : start + 500]
            marks = ",".join("?" * len(chunk))
            recheck.update(
                row[0]
                for row in store.conn.execute(
                    "SELECT DISTINCT c.doc_id FROM claims c JOIN documents d ON d.doc_id = c.doc_id "
                    f"WHERE d.state = 'active' AND json_extract(c.record, '$.subject.name') IN ({marks})",
                    chunk,
                )
            )
        old_followed = json.loads(store.get_meta(ROLLUP_FOLLOWED) or "{}")
        recheck.update(d for d in set(old_followed) | set(followed) if old_followed.get(d) != followed.get(d))
        recheck.update(decision_docs)
        recheck &= set(docs)
    touched: set[str] = store.subjects_of(recheck | gone) if not full else set()

    # the rechecked articles' subjects now
    makers = maker_keys()
    new_subjects: list[tuple[str, str]] = []
    for doc_id, name, text, topic, key in _subject_rows(store, recheck, full):
        if not (name or "").strip() or doc_id not in docs:
            continue
        canon = canonical[name]
        subject, final = _claim_subjects(doc_id, name, text, topic, key, canon, followed, makers)
        new_subjects.append((canon, doc_id))
        for other in {subject, final} - {canon}:
            new_subjects.append((other, doc_id))
    touched.update(subject for subject, _ in new_subjects)
    store.put_rollup_docs(
        ((d, stamps[d]) for d in sorted(recheck)), new_subjects, recheck | gone, clear=full
    )

    # -- roll the touched subjects up, a slice at a time: each slice's records are compared with
    # what was stored for its subjects and written before the next slice is rolled up, so that
    # memory holds one slice's records, not the whole roll-up's. The slices follow the roll-up's
    # order (subjects case-folded; names folding alike stay in one slice), so the changes come
    # out in the order of the new roll-up, the dropped groups last, as diff() gives them.
    changes: list[StatusChange] = []
    dropped: list[tuple[str, StatusChange]] = []
    done: set[str] = set()  # the subjects rolled up
    # a full recompute compares with every stored group: the subjects stored are rolled up too
    # (one no article speaks to any more gets no records: its groups are dropped)
    for part in _slices(touched | store.rollup_subject_names() if full else touched):
        done.update(part)
        befores = [(_key(rec), gid, rec) for gid, rec in _records(store.rollup_of(part).items())]
        slice_claims = []
        whole = []  # every claim of the slice's articles: background marks reach across subjects in a sentence
        for doc_id, _, record in _claims_of(store, store.docs_of(part)):
            claim = json.loads(record)
            name = (claim.get("subject") or {}).get("name", "")
            if not name.strip() or doc_id not in docs:
                continue
            whole.append(claim)
            canon = canonical[name]
            subject, final = _claim_subjects(
                doc_id, name, claim["subject"].get("text"), claim.get("topic"), claim.get("key"), canon, followed, makers
            )
            if canon in part or subject in part or final in part:
                slice_claims.append(claim)
        records = rollup(
            slice_claims, docs, resolver=resolver, resolution=resolution, followed=followed,
            background=background_claims(whole),
        )
        afters = sorted(((_key(rec), gid, rec) for gid, rec in records.items() if rec.subject in part), key=lambda item: item[0])
        befores.sort(key=lambda item: item[0])
        before = {gid: rec for _, gid, rec in befores}
        after = {gid: rec for _, gid, rec in afters}
        keys = {gid: key for key, gid, _ in befores}
        for change in diff(before, after):
            if change.kind == "dropped":
                dropped.append((keys[change.group_id], change))
            else:
                changes.append(change)
        store.update_rollup(
            (gid for gid in before if gid not in after),
            ((gid, rec.model_dump_json(), rec.subject, key) for key, gid, rec in afters),
        )
        del befores, afters, before, after, records, slice_claims, whole
    if full:
        # groups stored under subjects that no article speaks to any more
        gone_groups = [(gid, rec) for gid, subject, rec in store.rollup_rows() if subject not in done]
        for gid, record in gone_groups:
            rec = StatusRecord.model_validate_json(record)
            dropped.extend((_key(rec), change) for change in diff({gid: rec}, {}))
        store.update_rollup((gid for gid, _ in gone_groups), ())
    dropped.sort(key=lambda item: item[0])
    changes.extend(change for _, change in dropped)
    store.set_meta(LEARNED_ALIASES, json.dumps(resolver.learned(), sort_keys=True))
    store.set_meta(ROLLUP_NAMES, json.dumps(canonical, ensure_ascii=False, separators=(",", ":")))
    store.set_meta(ROLLUP_FOLLOWED, json.dumps(followed, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    store.set_meta(ROLLUP_CONTEXT, context)
    return Refreshed(
        changes=changes,
        resolution=resolution,
        status_counts=status_counts,
        articles=len(docs),
        claims=claims,
        learned=resolver.learned(),
        full=full,
        subjects=len(touched),
        rejected_per_doc=rejected_per_doc,
        view_changes=None if full else ViewChanges(since_gen, done, decision_docs),
    )


def _subject_rows(
    store: Store, doc_ids: set[str], every: bool
) -> Iterator[tuple[str, str, str | None, str | None, str | None]]:
    """YIELDS (tuple): ``(doc_id, subject name, subject text, topic, key)`` of the active claims of these articles."""
    select = (
        "SELECT c.doc_id, json_extract(c.record, '$.subject.name'), json_extract(c.record, '$.subject.text'), "
        "json_extract(c.record, '$.topic'), json_extract(c.record, '$.key') "
    )
    if every:
        yield from store.conn.execute(select + ACTIVE_CLAIMS)
        return
    wanted = sorted(doc_ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        yield from store.conn.execute(
            select + "FROM claims c JOIN documents d ON d.doc_id = c.doc_id "
            f"WHERE d.state = 'active' AND c.doc_id IN ({marks}) ORDER BY c.doc_id, c.seq",
            chunk,
        )


def _slices(subjects: set[str]) -> Iterator[set[str]]:
    """The subjects in the roll-up's order, :data:`SUBJECTS_PER_CALL` at a time; names
    that fold to the same text stay in one slice (their records' order keys tie on the subject)."""
    order = sorted(subjects, key=lambda s: (s.casefold(), s))
    start = 0
    while start < len(order):
        end = min(start + SUBJECTS_PER_CALL, len(order))
        while end < len(order) and order[end].casefold() == order[end - 1].casefold():
            end += 1
        yield set(order[start:end])
        start = end


def _records(items: Iterable[tuple[str, str]]) -> Iterator[tuple[str, StatusRecord]]:
    for gid, record in items:
        yield gid, StatusRecord.model_validate_json(record)


def _key(record: StatusRecord) -> str:
    return rollup_sort_key(record.subject, record.topic, record.key)
