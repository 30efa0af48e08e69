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
after; with the subjects whose people those articles' claims name with a post
("…, said Ridgeway's chief executive, Dana Holt", filed under another subject:
``rollup_posts``, ``rollup_people``). Each slice of subjects is rolled up with
every claim that may be filed under them, those of such posts included, so that
the records do not depend on how the subjects are cut (:data:`SUBJECTS_PER_CALL`), and so that,
with several workers, a slice can be rolled up in a forked process while this one rolls up the next
(only this one writes the store, each slice's records in order). Everything is recomputed when the decisions, the pinned aliases or the
pipeline fingerprint changed, or when a roll-up was written without this
module (``claimx mark``, views rebuilt), and on a store's first run.

The views are then written by :func:`claimx.views.write_views`, the one
writer of the views, streaming the store (records as stored, never all in
memory).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .decisions import Resolution, ReviewDecision, resolve
from .slots import maker_keys, mutual_keys, named_places
from .scale import Forked, can_fork
from .spill import SpilledList
from .status import (
    DocInfo,
    StatusChange,
    StatusRecord,
    also_filed,
    antecedent_periods,
    article_entities,
    article_ledes,
    background_claims,
    diff,
    filed_subject,
    files_elsewhere,
    followed_subjects,
    last_word,
    mutual_parties,
    name_ways,
    people_words,
    post_words,
    rollup,
    slot_key,
    title_words,
)
from .store import ROLLUP_CONTEXT, ROLLUP_GEN, Store, rollup_sort_key
from .subjects import (
    KNOWN_LABELS,
    PARTNER_ROLES,
    SubjectResolver,
    fragment_of,
    initials,
    is_abbreviation,
    load_aliases,
    name_features,
    name_words,
    normalise,
)
from .views import ACTIVE_CLAIMS, LEARNED_ALIASES, ViewChanges, decisions_mark

#: store meta keys: each name's canonical name (before the ``rollup_canon`` table) and the followed
#: subjects as of the last roll-up; the names whose alias links the last roll-up changed
ROLLUP_NAMES = "rollup_names"
ROLLUP_FOLLOWED = "rollup_followed"
ROLLUP_UNSETTLED = "rollup_unsettled"
#: names resolved at most by their connections (:func:`_connected`); more, and every name is
CONNECTED_LIMIT = 20000
#: a fragment ("Nimbus") of more longer names than this ("Nimbus X1" … "Nimbus X20000") is
#: resolved with three of them standing for the rest (:func:`_connected`)
HUB_SIZE = 50
#: subjects rolled up in one call (memory is bounded by their claims: a slice of 2,000 took about
#: 38 MB at its peak, one of 500 about a quarter; the results do not depend on it, checked down to 5
#: on 300 published articles: a slice is rolled up with the claims of other subjects that name its
#: people with a post, ``tests/test_slices.py``)
SUBJECTS_PER_CALL = 500
#: a last slice is cut in two for a forked child (:func:`_halves`) when its subjects' claims went to
#: at least this many articles (counted once per subject) at the last roll-up: below it, the fork and
#: the records handed back cost about what the child would spare
HALVES_MIN_ARTICLES = 100



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

    changes: SpilledList[StatusChange]
    resolution: Resolution
    status_counts: dict[str, int]
    articles: int
    claims: int
    learned: dict[str, str]
    #: every subject recomputed (first run, decisions or aliases changed …)
    full: bool
    #: subjects recomputed
    subjects: int
    #: the subject names resolved again (None: every name)
    names: set[str] | None = None
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


def _read_doc_infos(store: Store, doc_ids: list[str], readable_only: bool = False) -> Iterator[tuple[str, DocInfo]]:
    """YIELDS (tuple[str, DocInfo]): these articles' dates, title and stamp, read from the store
    (only the readable ones with ``readable_only``)."""
    marks = ",".join("?" * len(doc_ids))
    where = f" AND {_READABLE}" if readable_only else ""
    for doc_id, published, title, added_seq, added_on in store.conn.execute(
        "SELECT d.doc_id, json_extract(d.record, '$.published'), json_extract(d.record, '$.title'), d.added_seq, "
        f"d.added_on FROM documents d WHERE d.doc_id IN ({marks}){where}",
        doc_ids,
    ):
        yield doc_id, DocInfo(
            published=dt.date.fromisoformat(published) if published else None,
            added_on=dt.date.fromisoformat(added_on),
            added_seq=int(added_seq),
            title=title,
        )


class _Docs(Mapping[str, DocInfo]):
    """The readable articles (as :func:`_doc_infos` reads them), each one's dates and title read
    when asked for: a run that changes little asks for few."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.ids = {
            row[0]
            for row in store.conn.execute(
                "SELECT doc_id FROM documents WHERE state IN ('active', 'failed') "
                "AND COALESCE(json_type(record, '$.error'), 'null') = 'null'"
            )
        }
        self._infos: dict[str, DocInfo] = {}

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.ids

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.ids))

    def __getitem__(self, doc_id: str) -> DocInfo:
        if doc_id not in self.ids:
            raise KeyError(doc_id)
        if doc_id not in self._infos:
            self.load([doc_id])
        return self._infos[doc_id]

    def load(self, doc_ids: Iterable[str]) -> None:
        """Read these articles' dates and titles at once."""
        wanted = sorted(d for d in doc_ids if d in self.ids and d not in self._infos)
        for chunk in _chunks(wanted):
            self._infos.update(_read_doc_infos(self.store, chunk))


#: the readable articles (``documents`` as ``d``): active or failed, with no error
_READABLE = "d.state IN ('active', 'failed') AND COALESCE(json_type(d.record, '$.error'), 'null') = 'null'"


class _LeanDocs(_Docs):
    """The readable articles as :class:`_Docs` gives them, holding nothing per article for long:
    whether an article is one is asked of the store (the last answer kept: claims come an
    article at a time), and the dates and titles read for a slice are let go after it
    (:meth:`forget`). What a full recompute uses, so that its memory does not grow with the corpus."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._infos: dict[str, DocInfo] = {}
        self._last: tuple[object, bool] = (None, False)

    def __contains__(self, doc_id: object) -> bool:
        if doc_id in self._infos:
            return True
        if self._last[0] != doc_id or self._last[0] is None:
            row = self.store.conn.execute(f"SELECT 1 FROM documents d WHERE d.doc_id = ? AND {_READABLE}", (doc_id,)).fetchone()
            self._last = (doc_id, row is not None)
        return self._last[1]

    def __len__(self) -> int:
        return int(self.store.conn.execute(f"SELECT COUNT(*) FROM documents d WHERE {_READABLE}").fetchone()[0])

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self.store.conn.execute(f"SELECT d.doc_id FROM documents d WHERE {_READABLE} ORDER BY d.doc_id"))

    def __getitem__(self, doc_id: str) -> DocInfo:
        if doc_id not in self._infos:
            self.load([doc_id])
        return self._infos[doc_id]

    def load(self, doc_ids: Iterable[str]) -> None:
        wanted = sorted(d for d in set(doc_ids) if d not in self._infos)
        for chunk in _chunks(wanted):
            self._infos.update(_read_doc_infos(self.store, chunk, readable_only=True))

    def forget(self) -> None:
        """Let go of the dates and titles read so far."""
        self._infos.clear()


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
#: roll-up was recorded otherwise is rolled up whole once (2: a maker's own facts go to its own name;
#: 3: each article's names, statuses and known names kept, each name's features and canonical name;
#: 4: each article's title words and each name's ways kept; 5: a name's legal-form core among its features;
#: 6: the other subjects a claim speaks to, :func:`claimx.status.also_filed`: "both"'s second name, named places;
#: 7: the acts done together and the parties they name, ``rollup_acts``;
#: 8: the words of the claims that name a post and the people of cast and crew facts, ``rollup_posts``, ``rollup_people``)
SUBJECTS_RECORDED = 8


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


def _filings(
    claim: Mapping[str, Any], canonical: Mapping[str, str], followed: dict[str, dict[str, str]],
    makers: frozenset[tuple[str, str]], places: Mapping[tuple[str, str], Any], resolver: Any,
    named: Mapping[str, list[Mapping[str, Any]]],
) -> set[str]:
    """RETURNS (set[str]): every subject a claim is filed under by :func:`claimx.status.rollup`:
    its canonical name, its own or its article's followed one (:func:`_claim_subjects`), and
    the others it speaks to (:func:`claimx.status.also_filed`)."""
    doc_id, name, text = claim["doc_id"], claim["subject"]["name"], claim["subject"].get("text")
    topic, key = claim.get("topic"), claim.get("key")
    canon = canonical[name]
    subject, final = _claim_subjects(doc_id, name, text, topic, key, canon, followed, makers)
    out = {canon, subject, final}
    if files_elsewhere(text, topic, key, places):
        out.update(g[0] for g, _ in also_filed(claim, final, topic, key, named.get(doc_id, ()), resolver, makers, places))
    return out


def _whole_filings(
    store: Store, doc_ids: set[str], canonical: Mapping[str, str], followed: dict[str, dict[str, str]],
    makers: frozenset[tuple[str, str]], places: Mapping[tuple[str, str], Any], resolver: Any,
) -> Iterator[tuple[str, dict[str, Any], set[str]]]:
    """YIELDS (tuple): ``(doc_id, claim, subjects)``: each claim (with a subject) of these articles
    and every subject it is filed under (:func:`_filings`: with those of
    :func:`claimx.status.also_filed`), read from the articles' whole claims (an article's names
    decide whom "both" stands for)."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for doc_id, _, record in _claims_of(store, doc_ids):
        claim = json.loads(record)
        if ((claim.get("subject") or {}).get("name") or "").strip():
            by_doc.setdefault(doc_id, []).append(claim)
    for doc_id, claims in by_doc.items():
        named = article_entities(claims)
        for claim in claims:
            yield doc_id, claim, _filings(claim, canonical, followed, makers, places, resolver, named)


class _Partners:
    """The subjects whose groups :func:`claimx.status.rollup` may merge across subjects: an act
    both parties do together ("Kerr will meet Price", "Price will meet with Kerr") is kept under
    one of the two, and one party's act that names no other joins the act the other keyed by its
    name. A subject's records so depend on its partners' claims: they are rolled up with them
    and touched with them. Read from ``rollup_acts`` (few rows: only such acts); two subjects
    are partners when one names an act's party whose last word is the other's (a superset of
    those the roll-up merges, :func:`claimx.status._names_party`: more context, never less)."""

    def __init__(self, store: Store) -> None:
        #: subject -> the last words of the parties its acts name ("" for an act naming none)
        self.parties: dict[str, set[str]] = {}
        #: a party's last word -> the subjects whose acts name it
        self.naming: dict[str, set[str]] = {}
        #: a last word -> the subjects with acts whose name ends in it
        self.acting: dict[str, set[str]] = {}
        for subject, party in store.rollup_acts():
            word = last_word(party)
            self.parties.setdefault(subject, set()).add(word)
            if word:
                self.naming.setdefault(word, set()).add(subject)
            self.acting.setdefault(last_word(subject), set()).add(subject)

    def closure(self, subjects: Iterable[str]) -> set[str]:
        """RETURNS (set[str]): these subjects and, transitively, their partners."""
        out = set(subjects)
        if not self.parties:
            return out
        todo = list(out)
        while todo:
            subject = todo.pop()
            found = set(self.naming.get(last_word(subject), ()))
            for word in self.parties.get(subject, ()):
                found.update(self.acting.get(word, ()))
            for other in found - out:
                out.add(other)
                todo.append(other)
        return out


def refresh_rollup(
    store: Store, corpus: Path | None, fingerprint: str, *, full: bool = False, workers: int = 1
) -> Refreshed:
    """Bring the stored roll-up up to date with the store's documents and claims (call inside a transaction).

    store (Store): an open store holding the run lock.
    corpus (Path | None): the corpus folder, for its alias file.
    fingerprint (str): the run's pipeline fingerprint (a new one recomputes everything).
    full (bool): recompute every subject.
    workers (int): processes the slices of subjects may be rolled up in at once (forked from this
        one, where that is safe: :func:`claimx.scale.can_fork`); the records are the same.
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
    # (a full recompute holds nothing per article: what it needs of each is in the store's tables)
    docs: Mapping[str, DocInfo] = _LeanDocs(store) if full else _Docs(store)
    resolved: set[str] | None = None
    recheck: set[str] = set()
    gone: set[str] = set()
    if full:
        canonical, followed, status_counts, claims, new_learned, unsettled = _resolve_all(
            store, docs, pinned, learned, resolution
        )
    else:
        recheck = {d for d in store.restamped() if d in docs}
        gone = {d for d in store.rollup_doc_ids() if d not in docs}
        # the names of the articles that changed, before and after, and the names connected to
        # them are resolved again (with every name, when too many are connected); the others'
        # canonical names stay as stored
        changed = recheck | gone
        seeds, spelts = _replace_doc_rows(store, recheck, gone, docs)
        titles_before = _drop_titles(store, changed)
        if isinstance(docs, _Docs):
            docs.load(recheck)
        _put_titles(store, docs, recheck)
        unsettled_keys = json.loads(store.get_meta(ROLLUP_UNSETTLED) or "[]")
        for key in unsettled_keys:
            seeds.update(_having(store, "k", key))
        canonical, moved, new_learned, unsettled, resolved, before = _resolve_connected(
            store, seeds, spelts, pinned, learned
        )
        status_counts, claims = _status_counts(store, resolution)
        moved_docs: set[str] = set()
        for chunk in _chunks(sorted(moved)):
            marks = ",".join("?" * len(chunk))
            moved_docs.update(
                row[0] for row in store.conn.execute(f"SELECT DISTINCT doc_id FROM rollup_names WHERE name IN ({marks})", chunk)
            )
        recheck |= moved_docs
        old_followed = json.loads(store.get_meta(ROLLUP_FOLLOWED) or "{}")
        if resolved is None:
            docs = _doc_infos(store)
            followed = followed_subjects(_followers(store), docs, _Canonical(canonical))
        else:
            followed = _followed_again(
                store, docs, canonical, before, resolved, titles_before, changed | moved_docs, old_followed
            )
        recheck.update(d for d in set(old_followed) | set(followed) if old_followed.get(d) != followed.get(d))
        recheck.update(decision_docs)
        recheck = {d for d in recheck if d in docs}
        stamps = store.stamps_of(recheck)
    resolver = _Canonical(canonical)
    # the subjects the rechecked and gone articles' claims went to, with their partners as they were
    # (an act dropped with its article leaves the subject it was merged into to recompute)
    touched: set[str] = set()
    if not full:
        # and the subjects whose people their claims named with a post, as they were
        touched = _Partners(store).closure(
            store.subjects_of(recheck | gone) | store.people_subjects(store.post_words_of(recheck | gone))
        )
    acts: list[tuple[str, str, str]] = []  # (doc, subject, party) of the acts done together: new_subjects() lists them
    posts: list[tuple[str, str]] = []  # (word, doc) of the claims that name a post: new_subjects() lists them
    people: list[tuple[str, str, str]] = []  # (surname, subject, doc) of the cast and crew facts: new_subjects() lists them

    # the rechecked articles' subjects now
    makers = maker_keys()
    places = named_places()
    mutual = mutual_keys()

    def new_subjects() -> Iterator[tuple[str, str]]:
        """``(subject, doc_id)`` of every claim rechecked, streamed into the store (one a claim on a first run)."""
        elsewhere: set[str] = set()  # articles with a claim that may speak to another subject too
        for doc_id, name, text, topic, key, said, source, entities in _subject_rows(store, recheck, full):
            if not (name or "").strip() or doc_id not in docs:
                continue
            canon = canonical[name]
            subject, final = _claim_subjects(doc_id, name, text, topic, key, canon, followed, makers)
            if not full:
                touched.add(canon)
            yield canon, doc_id
            for other in {subject, final} - {canon}:
                if not full:
                    touched.add(other)
                yield other, doc_id
            words = post_words((said or "", source or ""))
            if words:
                posts.extend((word, doc_id) for word in words)
            if entities is not None:  # (a cast or crew claim's)
                surnames = people_words(topic, key, json.loads(entities))
                people.extend((word, filed, doc_id) for word in surnames for filed in {canon, subject, final})
            elif topic == "other":  # (a fact a title may state of its holder: their surname)
                people.extend((word, filed, doc_id) for filed in {canon, subject, final} for word in people_words(topic, key, (), filed))
            if files_elsewhere(text, topic, key, places) or (topic, slot_key(topic, key)) in mutual:
                elsewhere.add(doc_id)
        # those articles read whole (few: "both", a place's own name before a slot's word, acts
        # done together, whose parties are recorded)
        for doc_id, claim, others in _whole_filings(store, elsewhere, canonical, followed, makers, places, resolver):
            for other in others:
                if not full:
                    touched.add(other)
                yield other, doc_id
                acts.extend((doc_id, other, party) for party in mutual_parties(claim))
                surnames = people_words(claim.get("topic"), claim.get("key"), claim.get("entities") or (), other)
                people.extend((word, other, doc_id) for word in surnames)

    if full:  # every readable article, its stamp read as it is written
        store.put_rollup_docs(store.readable_stamps(), new_subjects(), (), clear=True)
    else:
        store.put_rollup_docs(((d, stamps[d]) for d in sorted(recheck)), new_subjects(), recheck | gone)
    store.put_rollup_acts(acts)
    store.put_rollup_posts(posts, people)
    if not full:
        touched |= store.people_subjects({word for word, _ in posts})
    posts.clear()
    people.clear()
    # subjects whose groups the roll-up may merge with a touched one's are touched too, and
    # every slice is rolled up with its partners' claims (its own records kept)
    partners = _Partners(store)
    if not full:
        touched = partners.closure(touched)

    # -- roll the touched subjects up, a slice at a time: each slice's records are compared with
    # what was stored for its subjects and written before the next slice is rolled up, so that
    # memory holds one slice's records, not the whole roll-up's. The slices follow the roll-up's
    # order (subjects case-folded; names folding alike stay in one slice), so the changes come
    # out in the order of the new roll-up, the dropped groups last, as diff() gives them.
    changes: SpilledList[StatusChange] = SpilledList(StatusChange)  # one per new group on a first run: on disk past its head
    dropped: list[tuple[str, StatusChange]] = []
    done: set[str] = set()  # the subjects rolled up (not kept by a full recompute: every subject stored is)
    # a full recompute compares with every stored group: the subjects stored are rolled up too
    # (one no article speaks to any more gets no records: its groups are dropped)
    def prepared(part: set[str], held: dict[str, list[dict[str, Any]]] | None = None) -> _Slice:
        """The slice's claims and what :func:`claimx.status.rollup` reads with them (read from the store;
        with ``held``, each article's claims read once for the slices that share it)."""
        with_partners = partners.closure(part)
        part_docs = store.docs_of(with_partners)
        # every claim of the slice's articles: background marks reach across subjects in a sentence
        whole = _whole_claims(store, docs, part_docs, held)
        named = article_entities(whole)
        filings = {
            claim["claim_id"]: mine
            for claim in whole
            if (mine := _filings(claim, canonical, followed, makers, places, resolver, named) & with_partners)
        }
        filed = set(filings)
        # and the claims of other subjects, in any article, that may name the slice's people with a
        # post ("…, said Ridgeway's chief executive, Dana Holt": :func:`claimx.status.rollup` files
        # them in those people's facts) or a title ("presumptive nominee Dana Holt": her nomination),
        # given only for that: what one slice sees, every slice does
        surnames = set().union(
            *(
                people_words(c.get("topic"), c.get("key"), c.get("entities") or (), s)
                for c in whole if c["claim_id"] in filed for s in filings[c["claim_id"]]
            )
        )
        post_docs = store.post_docs(surnames) if surnames else set()
        if post_docs - part_docs:
            more = _whole_claims(store, docs, post_docs - part_docs, held)
            named.update(article_entities(more))
            whole = sorted(whole + more, key=lambda c: c["doc_id"])  # (stable: each article's claims in order)
        post_only = frozenset(
            claim["claim_id"] for claim in whole
            if claim["claim_id"] not in filed and claim["doc_id"] in post_docs
            and post_words((claim.get("text") or "", (claim.get("attribution") or {}).get("text") or ""), surnames)
        )
        return _Slice(part, [claim for claim in whole if claim["claim_id"] in filed or claim["claim_id"] in post_only], whole, named, post_only)

    def rolled(piece: _Slice) -> dict[str, StatusRecord]:
        """The slice's records (of its own subjects): what the store does not hold, it is not asked for."""
        whole = piece.whole
        records = rollup(
            piece.claims, docs, resolver=resolver, resolution=resolution, followed=followed,
            background=background_claims(whole), named=piece.named, ledes=article_ledes(whole),
            antecedents=antecedent_periods(whole), post_only=piece.post_only,
        )
        return {gid: rec for gid, rec in records.items() if rec.subject in piece.part}

    def finished(part: set[str], records: dict[str, StatusRecord]) -> None:
        """Compare the slice's records with those stored for its subjects, and write them. A stored
        record written as the new one is (the same JSON) has no change to report: it is not read."""
        stored = store.rollup_of(part)
        afters = sorted(((_key(rec), gid, rec) for gid, rec in records.items()), key=lambda item: item[0])
        written = {gid: rec.model_dump_json() for _, gid, rec in afters}
        befores = [(_key(rec), gid, rec) for gid, rec in _records(item for item in stored.items() if written.get(item[0]) != item[1])]
        befores.sort(key=lambda item: item[0])
        before = {gid: rec for _, gid, rec in befores}
        after = {gid: rec for _, gid, rec in afters if gid in before or gid not in stored}
        keys = {gid: key for key, gid, _ in befores}
        for change in diff(before, after):
            if change.kind == "dropped":
                dropped.append((keys[change.group_id], change))
            else:
                changes.append(change)
        store.update_rollup(
            (gid for gid in stored if gid not in written),
            ((gid, written[gid], rec.subject, key) for key, gid, rec in afters),
        )

    def let_go() -> None:
        if full:
            docs.forget()  # type: ignore[attr-defined]
            canonical.forget()  # type: ignore[attr-defined]

    # with several workers, a slice is rolled up in a process forked from this one while this one
    # reads and rolls up the next (:class:`claimx.scale.Forked`; the last slice always here): the
    # child reads nothing from the store (it holds what the slice needs) and this process writes
    # every slice's records, in order, as one process would
    pending: deque[tuple[set[str], Forked]] = deque()
    slices = _all_slices(store) if full else _slices(touched)
    held: dict[str, list[dict[str, Any]]] | None = None  # the claims of a slice cut in two, read once for both halves
    part = next(slices, None)
    while part is not None:
        following = next(slices, None)
        if following is None and not pending and workers > 1 and can_fork():
            # the last slice with no child at work (a small corpus's only slice): cut in two, its first
            # half rolled up in a child while this process rolls up the second (as two slices are)
            halves = _halves(store, part)
            if halves is not None:
                (part, following), held = halves, {}
        if not full:
            done.update(part)
        piece = prepared(part, held)
        if held is not None and following is None:
            held = None  # (both halves prepared)
        if following is not None and len(pending) < workers - 1 and can_fork():
            pending.append((part, Forked(functools.partial(_rolled_apart, store, rolled, piece))))
            del piece
            let_go()
        else:
            records = rolled(piece)
            del piece
            let_go()
            _finish_pending(pending, prepared, rolled, finished, let_go)
            finished(part, records)
            del records
        part = following
    _finish_pending(pending, prepared, rolled, finished, let_go)
    if full:
        # groups stored under no subject (every stored subject was rolled up with the slices)
        gone_groups = [(gid, rec) for gid, subject, rec in store.rollup_rows() if subject is None]
        for gid, record in gone_groups:
            rec = StatusRecord.model_validate_json(record)
            dropped.extend((_key(rec), change) for change in diff({gid: rec}, {}))
        store.update_rollup((gid for gid, _ in gone_groups), ())
    dropped.sort(key=lambda item: item[0])
    changes.extend(change for _, change in dropped)
    store.set_meta(LEARNED_ALIASES, json.dumps(new_learned, sort_keys=True))
    store.set_meta(ROLLUP_NAMES, None)
    store.set_meta(ROLLUP_UNSETTLED, json.dumps(sorted(unsettled), ensure_ascii=False) if unsettled else None)
    store.set_meta(ROLLUP_FOLLOWED, json.dumps(followed, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    store.set_meta(ROLLUP_CONTEXT, context)
    return Refreshed(
        changes=changes,
        resolution=resolution,
        status_counts=status_counts,
        articles=len(docs),
        claims=claims,
        learned=new_learned,
        full=full,
        subjects=store.rollup_subject_count() if full else len(touched),
        names=resolved,
        rejected_per_doc=rejected_per_doc,
        view_changes=None if full else ViewChanges(since_gen, done, decision_docs, len(docs)),
    )


class _Slice(NamedTuple):
    """A slice of subjects and what it is rolled up with (:func:`refresh_rollup`)."""

    part: set[str]
    #: the claims filed under its subjects (and their partners'), and those read for a post alone
    claims: list[dict[str, Any]]
    #: every claim of their articles
    whole: list[dict[str, Any]]
    named: dict[str, list[dict[str, Any]]]
    post_only: frozenset[str]


class _StoreTouched(BaseException):
    """A forked roll-up asked the store for something (:func:`_rolled_apart`): its parent rolls the slice up
    instead. A BaseException, so that no ``except Exception`` on the way takes it for a failure of its own."""


class _NoStore:
    """Stands for the store's connection in a forked child, which must not use the connection it inherited."""

    def __getattr__(self, name: str) -> Any:
        raise _StoreTouched(name)


def _rolled_apart(store: Store, rolled: Any, piece: _Slice) -> dict[str, StatusRecord]:
    """``rolled(piece)`` in a forked child: any read of the store (a name or an article not read
    beforehand) ends it, and the parent rolls the slice up itself."""
    store.conn = _NoStore()  # type: ignore[assignment]  (the child's copy of the store; the parent's keeps its own)
    return rolled(piece)  # type: ignore[no-any-return]


def _finish_pending(pending: deque[tuple[set[str], Forked]], prepared: Any, rolled: Any, finished: Any, let_go: Any) -> None:
    """Write the records of the slices rolled up in forked children, in order; a slice whose child
    failed (killed, out of memory, or it needed the store) is rolled up here."""
    while pending:
        part, child = pending.popleft()
        records = child.result()
        if records is None:
            records = rolled(prepared(part))
            let_go()
        finished(part, records)


def _subject_rows(
    store: Store, doc_ids: set[str], every: bool
) -> Iterator[tuple[str, str, str | None, str | None, str | None, str | None, str | None, str | None]]:
    """YIELDS (tuple): ``(doc_id, subject name, subject text, topic, key, text, source's text,
    entities JSON)`` of the active claims of these articles (the entities of cast and crew claims only)."""
    select = (
        "SELECT c.doc_id, json_extract(c.record, '$.subject.name'), json_extract(c.record, '$.subject.text'), "
        "json_extract(c.record, '$.topic'), json_extract(c.record, '$.key'), json_extract(c.record, '$.text'), "
        "json_extract(c.record, '$.attribution.text'), CASE WHEN json_extract(c.record, '$.topic') IN ('cast', 'crew') "
        "THEN json_extract(c.record, '$.entities') END "
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
    return _cut(iter(sorted(subjects, key=lambda s: (s.casefold(), s))))


def _cut(order: Iterator[str]) -> Iterator[set[str]]:
    """``order`` (subjects in the roll-up's order) cut as :func:`_slices` cuts it, read as it goes."""
    part: list[str] = []
    for subject in order:
        if len(part) >= SUBJECTS_PER_CALL and subject.casefold() != part[-1].casefold():
            yield set(part)
            part = []
        part.append(subject)
    if part:
        yield set(part)


def _all_slices(store: Store) -> Iterator[set[str]]:
    """:func:`_slices` of every subject a full recompute rolls up (those the claims went to, and
    those of the stored roll-up), sorted by SQLite (on disk past its cache) rather than in memory:
    its order of texts is Python's (UTF-8 bytes compare as code points)."""
    conn = store.conn
    conn.create_function("claimx_casefold", 1, str.casefold, deterministic=True)
    conn.execute("DROP TABLE IF EXISTS temp.slice_subjects")
    conn.execute(
        "CREATE TEMP TABLE slice_subjects AS SELECT subject FROM rollup_subjects "
        "UNION SELECT subject FROM rollup WHERE subject IS NOT NULL"
    )
    try:
        rows = conn.execute("SELECT subject FROM temp.slice_subjects ORDER BY claimx_casefold(subject), subject")
        yield from _cut(row[0] for row in rows)
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.slice_subjects")


def _whole_claims(
    store: Store, docs: Mapping[str, DocInfo], doc_ids: set[str], held: dict[str, list[dict[str, Any]]] | None = None
) -> list[dict[str, Any]]:
    """RETURNS (list[dict]): the claims with a subject of these readable articles, in store order
    (their dates and titles read). ``held``: each article's claims as read before (those of the
    others are read and kept there): the same list, each article's claims parsed once."""
    if isinstance(docs, _Docs):
        docs.load(doc_ids)
    if held is None:
        return [claim for _, claim in _read_whole(store, docs, doc_ids)]
    missing = {d for d in doc_ids if d not in held}
    held.update((d, []) for d in missing)
    for doc_id, claim in _read_whole(store, docs, missing):
        held[doc_id].append(claim)
    # the store's order: by doc_id (as SQLite sorts texts: by code point), each article's claims in order
    return [claim for doc_id in sorted(doc_ids) for claim in held[doc_id]]


def _read_whole(store: Store, docs: Mapping[str, DocInfo], doc_ids: set[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """YIELDS (tuple): ``(doc_id, claim)`` of the claims with a subject of these readable articles, in store order."""
    for doc_id, _, record in _claims_of(store, doc_ids):
        claim = json.loads(record)
        if (claim.get("subject") or {}).get("name", "").strip() and doc_id in docs:
            yield doc_id, claim


def _halves(store: Store, part: set[str]) -> tuple[set[str], set[str]] | None:
    """RETURNS (tuple | None): a slice cut in two in the roll-up's order, names that fold alike kept
    together (as :func:`_cut` keeps them), where the articles their claims went to at the last
    roll-up (a measure of the work) are about half on each side; None for a slice of one name, or
    of fewer than :data:`HALVES_MIN_ARTICLES` such articles."""
    order = sorted(part, key=lambda s: (s.casefold(), s))
    weights = Counter(
        subject for chunk in _chunks(order) for (subject,) in store.conn.execute(
            f"SELECT subject FROM rollup_subjects WHERE subject IN ({','.join('?' * len(chunk))})", chunk
        )
    )
    total = sum(weights[s] + 1 for s in order)
    if total - len(order) < HALVES_MIN_ARTICLES:
        return None
    best: tuple[int, int] | None = None  # (how far from half, where)
    reached = 0
    for at in range(1, len(order)):
        reached += weights[order[at - 1]] + 1
        if order[at].casefold() != order[at - 1].casefold():
            off = abs(2 * reached - total)
            if best is None or off < best[0]:
                best = (off, at)
    if best is None:
        return None
    return set(order[: best[1]]), set(order[best[1] :])


def _records(items: Iterable[tuple[str, str]]) -> Iterator[tuple[str, StatusRecord]]:
    for gid, record in items:
        yield gid, StatusRecord.model_validate_json(record)


def _key(record: StatusRecord) -> str:
    return rollup_sort_key(record.subject, record.topic, record.key)


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _CanonicalNames(dict):  # type: ignore[type-arg]
    """Each name's canonical name as kept (``rollup_canon``), read when asked for; ``now``: those
    just resolved (a dict, so that a run that changes little reads few)."""

    def __init__(self, store: Store, now: dict[str, str], *, cap: int = 0) -> None:
        super().__init__(now)
        self.store = store
        self._absent: set[str] = set()
        #: with ``now`` empty, at most this many names are kept read (0: all)
        self._cap = cap

    def forget(self) -> None:
        """Let go of the names read (only for one made with a cap, whose ``now`` is empty)."""
        if self._cap:
            self.clear()
            self._absent.clear()

    def __missing__(self, name: str) -> str:
        if self._cap and len(self) + len(self._absent) >= self._cap:
            self.forget()
        if name not in self._absent:
            row = self.store.conn.execute("SELECT canonical FROM rollup_canon WHERE name = ?", (name,)).fetchone()
            if row is not None:
                self[name] = row[0]
                return row[0]
            self._absent.add(name)
        raise KeyError(name)

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[name]
        except KeyError:
            return default

    def __contains__(self, name: object) -> bool:
        return self.get(name) is not None


class _Canonical:
    """Each name's canonical name, as :class:`~claimx.subjects.SubjectResolver` gave it (what
    :func:`~claimx.status.rollup` and :func:`~claimx.status.followed_subjects` ask of one)."""

    def __init__(self, names: dict[str, str]) -> None:
        self._names = names

    def canonical(self, name: str) -> str:
        if not name or not name.strip():
            return ""
        return self._names.get(name, name.strip())


#: the claims' rows the roll-up keeps per article (``rollup_names``, ``rollup_statuses``)
_CLAIM_ROWS = (
    "SELECT c.doc_id, c.seq, c.claim_id, json_extract(c.record, '$.subject.name'), "
    "json_extract(c.record, '$.subject.text'), json_extract(c.record, '$.status') "
)


class _DocRows:
    """Writes each article's ``rollup_names`` and ``rollup_statuses`` rows from its claims, read
    in store order (an article's rows are written when the next article's claims begin)."""

    def __init__(self, store: Store, docs: Mapping[str, DocInfo], *, features: bool = False) -> None:
        self.store, self.docs = store, docs
        #: record each article's new names' features as it is flushed (``seen`` left empty)
        self.features = features
        self.doc: str | None = None
        self.names: dict[str, list[Any]] = {}
        self.statuses: dict[str, list[int]] = {}
        self.seen: set[str] = set()

    def add(self, doc_id: str, seq: int, name: str | None, text: str | None, status: str | None) -> None:
        if doc_id != self.doc:
            self.flush()
            self.doc = doc_id
        row = self.statuses.get(status or "")
        if row is None:
            self.statuses[status or ""] = [1, seq]
        else:
            row[0] += 1
        if not (name or "").strip() or doc_id not in self.docs:
            return
        assert name is not None
        entry = self.names.get(name)
        if entry is None:
            entry = self.names[name] = [0, seq, 1 if text else 0, 0, None]
        entry[0] += 1
        if not text:
            entry[3] += 1
            if entry[4] is None:
                entry[4] = seq

    def flush(self) -> None:
        if self.doc is None:
            return
        doc = self.doc
        self.store.conn.executemany(
            "INSERT INTO rollup_names (doc_id, name, claims, first_seq, texted, bare, bare_seq) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((doc, name, *entry) for name, entry in self.names.items()),
        )
        self.store.conn.executemany(
            "INSERT INTO rollup_statuses (doc_id, status, claims, first_seq) VALUES (?, ?, ?, ?)",
            ((doc, status, *entry) for status, entry in self.statuses.items()),
        )
        if self.features:
            _put_features(self.store, self.names)
        else:
            self.seen.update(self.names)
        self.doc, self.names, self.statuses = None, {}, {}


_KNOWN_ROWS = (
    "SELECT DISTINCT c.doc_id, json_extract(e.value, '$.text') FROM claims c JOIN documents d ON d.doc_id = c.doc_id, "
    "json_each(c.record, '$.entities') e WHERE d.state = 'active' AND json_extract(e.value, '$.label') IN ({labels})"
)


def _put_known(store: Store, rows: Iterable[tuple[str, str | None]]) -> set[str]:
    """Keep the entities' names an abbreviation may stand for (``rollup_known``), with the initials
    they spell. RETURNS (set[str]): those initials."""
    spelts: set[str] = set()

    def put() -> Iterator[tuple[str, str, str]]:
        for doc_id, text in rows:
            if not text or " " not in text.strip() or is_abbreviation(text):
                continue
            spelt = initials(text)
            if spelt:
                spelts.add(spelt)
                yield doc_id, spelt, text

    store.conn.executemany("INSERT OR IGNORE INTO rollup_known (doc_id, spelt, text) VALUES (?, ?, ?)", put())
    return spelts


def _put_features(store: Store, names: Iterable[str]) -> None:
    """Record the features (:func:`~claimx.subjects.name_features`) and ways of names not met
    before, streamed into the store."""
    new = [
        name for name in names
        if store.conn.execute("SELECT 1 FROM name_features WHERE name = ? LIMIT 1", (name,)).fetchone() is None
    ]
    store.conn.executemany(
        "INSERT OR IGNORE INTO name_features (name, role, value) VALUES (?, ?, ?)",
        ((name, role, value) for name in new for role, value in name_features(name)),
    )
    store.conn.executemany(
        "INSERT OR IGNORE INTO name_ways (anchor, name) VALUES (?, ?)",
        ((_anchor(way), name) for name in new for way in name_ways(name)),
    )


def _anchor(way: frozenset[str]) -> str:
    """RETURNS (str): the word a way is looked up by (its longest: the rarest, most often)."""
    return max(way, key=lambda word: (len(word), word))


def _put_titles(store: Store, docs: Mapping[str, DocInfo], doc_ids: Iterable[str]) -> None:
    """Keep the title words of these articles (those with a title)."""
    titled = [(doc_id, sorted(title_words(docs[doc_id].title or ""))) for doc_id in doc_ids if doc_id in docs and docs[doc_id].title]
    _keep_title_words(store, titled)


def _keep_title_words(store: Store, titled: list[tuple[str, list[str]]]) -> None:
    """Keep each article's title words (``rollup_titles``) and the index from word to article (``title_words``)."""
    store.conn.executemany(
        "INSERT OR REPLACE INTO rollup_titles (doc_id, words) VALUES (?, ?)",
        ((doc_id, json.dumps(words, ensure_ascii=False)) for doc_id, words in titled),
    )
    store.conn.executemany(
        "INSERT OR IGNORE INTO title_words (word, doc_id) VALUES (?, ?)",
        ((word, doc_id) for doc_id, words in titled for word in words),
    )


def _drop_titles(store: Store, doc_ids: Iterable[str]) -> dict[str, set[str]]:
    """Forget the title words of these articles. RETURNS (dict[str, set[str]]): what they were."""
    old: dict[str, set[str]] = {}
    for chunk in _chunks(sorted(doc_ids)):
        marks = ",".join("?" * len(chunk))
        for doc_id, words in store.conn.execute(f"SELECT doc_id, words FROM rollup_titles WHERE doc_id IN ({marks})", chunk):
            old[doc_id] = set(json.loads(words))
        store.conn.execute(f"DELETE FROM rollup_titles WHERE doc_id IN ({marks})", chunk)
    store.conn.executemany(
        "DELETE FROM title_words WHERE word = ? AND doc_id = ?", ((w, d) for d, words in old.items() for w in words)
    )
    return old


def _having(store: Store, role: str, value: str) -> list[str]:
    """RETURNS (list[str]): the names with this feature."""
    return [row[0] for row in store.conn.execute("SELECT name FROM name_features WHERE value = ? AND role = ?", (value, role))]


def _unsettled(before: dict[str, str], after: dict[str, str]) -> set[str]:
    """RETURNS (set[str]): the names (normalised) whose alias links a resolver changed: resolved again
    on the next run, which starts from the links this one learned (as a full recompute would)."""
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def _resolve_all(
    store: Store, docs: Mapping[str, DocInfo], pinned: dict[str, list[str]], learned: dict[str, str], resolution: Resolution
) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, int], int, dict[str, str], set[str]]:
    """Resolve every name of the store, and keep each article's rows and each name's features
    and canonical name for the runs after (a full recompute), streaming: the rows are written
    as the claims are read, the names resolved a few parts at a time (:func:`_resolve_parts`)
    and the followed subjects worked out an article at a time (:func:`_followed_all`).

    RETURNS (tuple): canonical names (read from the store as asked for), followed subjects, status
        counts, claims, learned links, unsettled names.
    """
    for table in (
        "rollup_names", "rollup_statuses", "rollup_known", "rollup_canon", "rollup_titles", "title_words", "name_features",
        "name_ways",
    ):
        store.conn.execute(f"DELETE FROM {table}")
    _put_all_titles(store)
    status_counts: dict[str, int] = {}
    claims = 0
    rows = _DocRows(store, docs, features=True)
    for doc_id, seq, cid, name, text, status in store.conn.execute(_CLAIM_ROWS + ACTIVE_CLAIMS):
        rows.add(doc_id, seq, name, text, status)
        decision = resolution.by_claim.get(cid)
        if decision is None or decision.action != "reject":
            claims += 1
            status = resolution.effective_status(cid, status)
            status_counts[status] = status_counts.get(status, 0) + 1
    rows.flush()
    _put_known(store, store.conn.execute(_KNOWN_ROWS.format(labels=",".join("?" * len(KNOWN_LABELS))), KNOWN_LABELS))
    new_learned = _resolve_parts(store, pinned, learned)
    canonical = _CanonicalNames(store, {}, cap=NAMES_KEPT)
    followed = _followed_all(store, canonical)
    return canonical, followed, status_counts, claims, new_learned, _unsettled(learned, new_learned)


#: a full recompute resolves the names connected to each other (:func:`_connected`) this many at a
#: time, and keeps at most this many canonical names read from the store
PART_NAMES = 2000
NAMES_KEPT = 20000


def _resolve_parts(store: Store, pinned: dict[str, list[str]], learned: dict[str, str]) -> dict[str, str]:
    """Resolve every name of the kept rows (``rollup_names``) and keep each one's canonical name
    (``rollup_canon``): the names connected to a name (:func:`_connected`, which the incremental
    roll-up relies on: a name's canonical name depends on those alone) are resolved by
    :func:`_resolver_of` with those of other unconnected names, :data:`PART_NAMES` at a time;
    every name at once when one name is connected to more than :data:`CONNECTED_LIMIT`.

    RETURNS (dict[str, str]): the links the resolvers learned (:meth:`SubjectResolver.learned`).
    """
    conn = store.conn
    new_learned: dict[str, str] = {}
    batch: set[str] = set()
    known: set[str] = set()
    linked = _linked(learned)

    def resolve(names: set[str], texts: set[str]) -> None:
        resolver, order = _resolver_of(store, names, pinned, learned, texts)
        conn.executemany(
            "INSERT OR REPLACE INTO rollup_canon (name, canonical) VALUES (?, ?)",
            ((name, resolver.canonical(name)) for name in order if name in names and name.strip()),
        )
        new_learned.update(resolver.learned())

    for (name,) in conn.execute("SELECT DISTINCT name FROM rollup_names ORDER BY name"):
        if name in batch or conn.execute("SELECT 1 FROM rollup_canon WHERE name = ?", (name,)).fetchone() is not None:
            continue
        found = _connected(store, {name}, set(), pinned, learned, hubs=False, linked=linked)
        if found is None:  # too many connected: every name at once, as before
            conn.execute("DELETE FROM rollup_canon")
            new_learned.clear()
            names = {row[0] for row in conn.execute("SELECT DISTINCT name FROM rollup_names")}
            texts = {row[0] for row in conn.execute("SELECT DISTINCT text FROM rollup_known")}
            resolve(names, texts if any(is_abbreviation(n) for n in names) else set())
            return new_learned
        batch |= found[0]
        known |= found[1]
        if len(batch) >= PART_NAMES:
            resolve(batch, known)
            batch, known = set(), set()
    if batch:
        resolve(batch, known)
    return new_learned


def _put_all_titles(store: Store) -> None:
    """Keep the title words of every readable article with a title (:func:`_put_titles` of all), streamed."""
    rows = store.conn.execute(
        f"SELECT d.doc_id, json_extract(d.record, '$.title') FROM documents d WHERE {_READABLE} ORDER BY d.doc_id"
    )
    while True:
        chunk = rows.fetchmany(1000)
        if not chunk:
            return
        titled = [(doc_id, sorted(title_words(title))) for doc_id, title in chunk if title]
        _keep_title_words(store, titled)


def _followed_all(store: Store, canonical: dict[str, str]) -> dict[str, dict[str, str]]:
    """Which subject each article follows, as :func:`~claimx.status.followed_subjects` gives it over
    the whole store, worked out from the kept rows an article at a time (those whose claims do
    not all name their subject, with a title), the titles naming each subject counted by the
    store's indexes (:class:`_Titles`, its memory bounded)."""
    conn = store.conn
    if conn.execute("SELECT COUNT(*) FROM (SELECT 1 FROM rollup_titles LIMIT 2)").fetchone()[0] < 2:
        return {}
    titles = _Titles(store, canonical)
    out: dict[str, dict[str, str]] = {}

    def first_of(subject: str) -> tuple[str, int]:
        """Where the subject's first claim stands (of its names a title can name): the order
        in which followed_subjects meets the subjects."""
        places = []
        for name in titles.names_of(subject):
            if name_ways(name):
                row = conn.execute(
                    "SELECT doc_id, first_seq FROM rollup_names WHERE name = ? ORDER BY doc_id, first_seq LIMIT 1", (name,)
                ).fetchone()
                if row is not None:
                    places.append((row[0], row[1]))
        return min(places)

    def settle(doc_id: str, bare: list[tuple[int, str, int]]) -> None:
        title = conn.execute("SELECT words FROM rollup_titles WHERE doc_id = ?", (doc_id,)).fetchone()
        if title is None:
            return
        counts: Counter[str] = Counter()
        for _, name, n in sorted(bare, key=lambda event: event[0]):
            counts[canonical[name]] += n
        default = counts.most_common(1)[0][0]
        mine = titles.subjects_in(set(json.loads(title[0])))
        if not mine or default not in mine:
            return
        named = {subject: len(titles.named_in(subject)) for subject in mine}
        top = max((named[s], s == default) for s in mine)
        tied = [s for s in mine if (named[s], s == default) == top]
        best = tied[0] if len(tied) == 1 else min(tied, key=first_of)
        if best != default and named[best] > named[default]:
            out[doc_id] = {default: best}
        titles.trim()

    doc: str | None = None
    bare: list[tuple[int, str, int]] = []
    for doc_id, name, count, bare_seq in conn.execute(
        "SELECT doc_id, name, bare, bare_seq FROM rollup_names WHERE bare > 0 ORDER BY doc_id"
    ):
        if doc_id != doc:
            if doc is not None:
                settle(doc, bare)
            doc, bare = doc_id, []
        bare.append((bare_seq, name, count))
    if doc is not None:
        settle(doc, bare)
    return out


def _replace_doc_rows(store: Store, changed: set[str], gone: set[str], docs: Mapping[str, DocInfo]) -> tuple[set[str], set[str]]:
    """Replace the kept rows of the articles that changed or went.

    RETURNS (tuple[set[str], set[str]]): the subject names of those articles' claims, and the
        initials their entities' names spell, before and after.
    """
    names: set[str] = set()
    spelts: set[str] = set()
    for chunk in _chunks(sorted(changed | gone)):
        marks = ",".join("?" * len(chunk))
        names.update(row[0] for row in store.conn.execute(f"SELECT name FROM rollup_names WHERE doc_id IN ({marks})", chunk))
        spelts.update(row[0] for row in store.conn.execute(f"SELECT spelt FROM rollup_known WHERE doc_id IN ({marks})", chunk))
        for table in ("rollup_names", "rollup_statuses", "rollup_known"):
            store.conn.execute(f"DELETE FROM {table} WHERE doc_id IN ({marks})", chunk)
    rows = _DocRows(store, docs)
    labels = ",".join("?" * len(KNOWN_LABELS))
    for chunk in _chunks(sorted(changed)):
        marks = ",".join("?" * len(chunk))
        for doc_id, seq, _, name, text, status in store.conn.execute(
            _CLAIM_ROWS + "FROM claims c JOIN documents d ON d.doc_id = c.doc_id "
            f"WHERE d.state = 'active' AND c.doc_id IN ({marks}) ORDER BY c.doc_id, c.seq",
            chunk,
        ):
            rows.add(doc_id, seq, name, text, status)
        known = store.conn.execute(_KNOWN_ROWS.format(labels=labels) + f" AND c.doc_id IN ({marks})", (*KNOWN_LABELS, *chunk))
        spelts |= _put_known(store, known.fetchall())
    rows.flush()
    names |= rows.seen
    _put_features(store, rows.seen)
    return names, spelts


def _linked(learned: dict[str, str]) -> dict[str, set[str]]:
    """RETURNS (dict[str, set[str]]): each name (normalised) an earlier roll-up linked -> its group."""
    groups: dict[str, set[str]] = {}
    for key, root in learned.items():
        groups.setdefault(root, {root}).add(key)
    return {key: members for members in groups.values() for key in members}


def _connected(
    store: Store, seeds: set[str], spelts: set[str], pinned: dict[str, list[str]], learned: dict[str, str],
    *, hubs: bool = True, linked: dict[str, set[str]] | None = None,
) -> tuple[set[str], set[str], set[str]] | None:
    """The names whose canonical names may depend on the seeds: the names that share a feature
    with them in partner roles (:data:`~claimx.subjects.PARTNER_ROLES`), that earlier roll-ups
    linked to them, that are pinned, and the abbreviations of the initials ``spelts`` (names the
    entities write), with the names connected to those in turn.

    A fragment of more than :data:`HUB_SIZE` longer names (a maker's name before each of its
    products') joins none of them when three of them, connected to nothing else here, are of three
    different subjects (at the last roll-up, which for names connected to nothing that changed is
    this one's): those three stand in for the rest (``stand_ins``: resolved with the names, their
    own canonical names not kept; :func:`_resolve_connected` checks they stay apart).

    RETURNS (tuple | None): the names, the entities' names an abbreviation among them may stand
        for, and the stand-ins; None when more than :data:`CONNECTED_LIMIT` names are connected.
    """
    if linked is None:
        linked = _linked(learned)
    memo: dict[tuple[str, str], list[str]] = {}

    def having(role: str, value: str) -> list[str]:
        if (role, value) not in memo:
            memo[role, value] = _having(store, role, value)
        return memo[role, value]

    frontier = list(seeds)
    for canonical, aliases in pinned.items():
        for name in (canonical, *aliases):
            frontier.extend(having("k", normalise(name)))
    for spelt in spelts:
        frontier.extend(having("A", spelt))
    seen: set[str] = set()
    known: set[str] = set()
    deferred: dict[str, list[str]] = {}  # a fragment's words -> the longer names it is part of, not followed yet

    def expand(features: Iterable[tuple[str, str]]) -> None:
        for role, value in features:
            for partner in PARTNER_ROLES[role]:
                found = having(partner, value)
                if hubs and role == "F" and len(found) > HUB_SIZE:
                    deferred[value] = found
                    continue
                frontier.extend(found)
            if role == "k":
                for key in linked.get(value, ()):
                    frontier.extend(having("k", key))
            elif role == "A":
                for (text,) in store.conn.execute("SELECT DISTINCT text FROM rollup_known WHERE spelt = ?", (value,)):
                    if text not in known:
                        known.add(text)
                        expand(name_features(text))

    stand_ins: set[str] = set()
    while True:
        while frontier:
            name = frontier.pop()
            if name in seen:
                continue
            seen.add(name)
            if len(seen) > CONNECTED_LIMIT:
                return None
            features = store.conn.execute("SELECT role, value FROM name_features WHERE name = ?", (name,)).fetchall()
            expand(features or name_features(name))
        stand_ins.clear()
        for value, longer in deferred.items():
            words = value.split(" ")
            apart: dict[str, str] = {}  # canonical name -> one name of it
            for other in longer:
                if other in seen or other in stand_ins or not fragment_of(words, name_words(other)):
                    continue
                row = store.conn.execute("SELECT canonical FROM rollup_canon WHERE name = ?", (other,)).fetchone()
                if row is not None and row[0] not in apart:
                    apart[row[0]] = other
                    if len(apart) == 3:
                        break
            if len(apart) == 3:
                stand_ins.update(apart.values())
            else:
                frontier.extend(longer)
        if not frontier:
            return seen, known, stand_ins - seen
        deferred.clear()


def _resolver_of(
    store: Store, names: set[str], pinned: dict[str, list[str]], learned: dict[str, str], known: set[str]
) -> tuple[SubjectResolver, list[str]]:
    """RETURNS (tuple): a resolver of these names as the store has them (each repeated once a claim,
    in the order they first occur), and that order (the names no claim has any more left out)."""
    counts: Counter[str] = Counter()
    firsts: dict[str, tuple[str, int]] = {}
    for chunk in _chunks(sorted(names)):
        marks = ",".join("?" * len(chunk))
        for name, doc_id, claims, first_seq in store.conn.execute(
            f"SELECT name, doc_id, claims, first_seq FROM rollup_names WHERE name IN ({marks})", chunk
        ):
            counts[name] += claims
            if name not in firsts or (doc_id, first_seq) < firsts[name]:
                firsts[name] = (doc_id, first_seq)
    order = sorted(firsts, key=firsts.__getitem__)
    resolver = SubjectResolver(
        (name for name in order for _ in range(counts[name])), pinned, learned=learned,
        known=known if any(is_abbreviation(n) for n in order) else (),
    )
    return resolver, order


def _resolve_connected(
    store: Store, seeds: set[str], spelts: set[str], pinned: dict[str, list[str]], learned: dict[str, str],
    *, stand_ins: bool = True,
) -> tuple[dict[str, str], set[str], dict[str, str], set[str], set[str] | None, dict[str, str]]:
    """Resolve the names connected to the seeds (:func:`_connected`; every name when too many are)
    as :class:`~claimx.subjects.SubjectResolver` resolves them among all names (the same names in
    the same order, the same counts, links and known names), and keep their canonical names.

    RETURNS (tuple): every name's canonical name, the names whose canonical name changed (or that
        went), the learned links, the unsettled names, the names resolved (None: every name), and
        their canonical names before.
    """
    found = _connected(store, seeds, spelts, pinned, learned, hubs=stand_ins)
    standing: set[str] = set()
    if found is None:
        names = {row[0] for row in store.conn.execute("SELECT DISTINCT name FROM rollup_names")} | seeds
        known = {
            row[0] for row in store.conn.execute("SELECT DISTINCT text FROM rollup_known")
        } if any(is_abbreviation(n) for n in names) else set()
    else:
        names, known, standing = found
    resolver, order = _resolver_of(store, names | standing, pinned, learned, known)
    if standing:
        # the stand-ins for a fragment's many longer names stay apart, and apart from the names
        # resolved (else: resolved with every one of those longer names, as without them)
        roots = {resolver.canonical(name) for name in standing}
        linked = resolver.learned()
        standing_keys = {normalise(name) for name in standing}
        if (
            len(roots) < len(standing)
            or roots & {resolver.canonical(name) for name in names if name in order}
            or any(key in standing_keys or root in standing_keys for key, root in linked.items())
        ):
            return _resolve_connected(store, seeds, spelts, pinned, learned, stand_ins=False)
    now = {name: resolver.canonical(name) for name in order if name in names}
    before: dict[str, str] = {}
    for chunk in _chunks(sorted(names)):
        marks = ",".join("?" * len(chunk))
        before.update(store.conn.execute(f"SELECT name, canonical FROM rollup_canon WHERE name IN ({marks})", chunk))
    moved = {name for name in names if before.get(name) != now.get(name)}
    store.conn.executemany("DELETE FROM rollup_canon WHERE name = ?", ((n,) for n in moved if n not in now))
    store.conn.executemany(
        "INSERT OR REPLACE INTO rollup_canon (name, canonical) VALUES (?, ?)", ((n, now[n]) for n in moved if n in now)
    )
    keys = {normalise(name) for name in names} | {normalise(text) for text in known}
    mine = {key: root for key, root in learned.items() if key in keys or root in keys}
    after = resolver.learned()
    new_learned = {key: root for key, root in learned.items() if key not in mine}
    new_learned.update(after)
    canonical = _CanonicalNames(store, now)
    return canonical, moved, new_learned, _unsettled(mine, after), None if found is None else names, before


def _events(rows: Iterable[tuple[str, str, int, int, int, int | None]], firsts: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """RETURNS (list[dict]): what :func:`~claimx.status.followed_subjects` reads of the claims the
    kept rows (``rollup_names``, in article order) stand for: the first claim of each name (those rows
    in ``firsts``) and every claim that does not name its subject, in store order."""
    out: list[dict[str, Any]] = []
    doc: str | None = None
    events: list[tuple[int, str, str | None]] = []

    def close() -> None:
        events.sort(key=lambda event: event[0])
        out.extend({"doc_id": doc, "subject": {"name": name, "text": text}} for _, name, text in events)
        events.clear()

    for doc_id, name, first_seq, texted, bare, bare_seq in rows:
        if doc_id != doc:
            close()
            doc = doc_id
        if texted and (doc_id, name) in firsts:
            events.append((first_seq, name, name))
        events.extend((bare_seq, name, None) for _ in range(bare))
    close()
    return out


def _followers(store: Store) -> list[dict[str, Any]]:
    """RETURNS (list[dict]): what :func:`~claimx.status.followed_subjects` reads of every claim, from the kept rows."""
    rows = store.conn.execute(
        "SELECT doc_id, name, first_seq, texted, bare, bare_seq FROM rollup_names ORDER BY doc_id"
    ).fetchall()
    firsts: set[tuple[str, str]] = set()
    named: set[str] = set()
    for doc_id, name, *_ in rows:
        if name not in named:
            named.add(name)
            firsts.add((doc_id, name))
    del named
    return _events(rows, firsts)


class _Titles:
    """Look-ups in the kept titles: the subjects a title names, the titles that name a subject."""

    def __init__(self, store: Store, canonical: dict[str, str]) -> None:
        self.store, self.canonical = store, canonical
        self._holding: dict[frozenset[str], set[str]] = {}
        self._named_in: dict[str, set[str]] = {}
        self._names_of: dict[str, list[str]] = {}

    def trim(self, most: int = 5000) -> None:
        """Let go of what was looked up, once more than ``most`` look-ups are kept (the answers do not change)."""
        if len(self._holding) + len(self._named_in) + len(self._names_of) > most:
            self._holding.clear()
            self._named_in.clear()
            self._names_of.clear()

    def names_of(self, subject: str) -> list[str]:
        if subject not in self._names_of:
            self._names_of[subject] = [
                row[0] for row in self.store.conn.execute("SELECT name FROM rollup_canon WHERE canonical = ?", (subject,))
            ]
        return self._names_of[subject]

    def names_in(self, words: set[str]) -> set[str]:
        """RETURNS (set[str]): the names (of the store's claims now) a title of these words names."""
        found: set[str] = set()
        for chunk in _chunks(sorted(words)):
            marks = ",".join("?" * len(chunk))
            for (name,) in self.store.conn.execute(f"SELECT DISTINCT name FROM name_ways WHERE anchor IN ({marks})", chunk):
                if name in self.canonical and any(way <= words for way in name_ways(name)):
                    found.add(name)
        return found

    def subjects_in(self, words: set[str]) -> set[str]:
        return {self.canonical[name] for name in self.names_in(words)}

    def holding(self, way: frozenset[str]) -> set[str]:
        """RETURNS (set[str]): the articles whose titles hold every word of ``way``."""
        if way not in self._holding:
            conn = self.store.conn
            counts = [(conn.execute("SELECT COUNT(*) FROM title_words WHERE word = ?", (w,)).fetchone()[0], w) for w in way]
            rarest = min(counts)[1]
            docs = {row[0] for row in conn.execute("SELECT doc_id FROM title_words WHERE word = ?", (rarest,))}
            for word in way - {rarest}:
                if not docs:
                    break
                kept: set[str] = set()
                for chunk in _chunks(sorted(docs)):
                    marks = ",".join("?" * len(chunk))
                    kept.update(
                        row[0]
                        for row in conn.execute(
                            f"SELECT doc_id FROM title_words WHERE word = ? AND doc_id IN ({marks})", (word, *chunk)
                        )
                    )
                docs = kept
            self._holding[way] = docs
        return self._holding[way]

    def named_in(self, subject: str) -> set[str]:
        """RETURNS (set[str]): the articles whose titles name the subject (a way of one of its names)."""
        if subject not in self._named_in:
            where: set[str] = set()
            for name in self.names_of(subject):
                for way in name_ways(name):
                    where |= self.holding(way)
            self._named_in[subject] = where
        return self._named_in[subject]


def _followed_again(
    store: Store,
    docs: Mapping[str, DocInfo],
    canonical: dict[str, str],
    before: dict[str, str],
    resolved: set[str],
    titles_before: dict[str, set[str]],
    changed: set[str],
    old: dict[str, dict[str, str]],
) -> dict[str, dict[str, str]]:
    """Which subject each article follows (:func:`~claimx.status.followed_subjects`), worked out
    again for the articles it may have changed for, the others' kept.

    An article's followed subject depends on its own claims and title, and on how many titles
    name each subject its title names, and their order. Those change for the subjects of the
    names resolved again (their names' canonical names before and after) and the subjects the
    changed articles' titles name (before and after); the articles worked out again are the
    changed ones (``changed``: new, changed, gone, or holding a name whose canonical name
    changed) and those whose titles name such a subject, or a way of a name resolved again. Each is
    worked out by :func:`~claimx.status.followed_subjects` itself, on the articles whose titles
    name any subject their titles name, with every claim of those subjects' names (the counts
    and the order are the corpus's).
    """
    if store.conn.execute("SELECT COUNT(*) FROM (SELECT 1 FROM rollup_titles LIMIT 2)").fetchone()[0] < 2:
        return {}
    titles = _Titles(store, canonical)
    touched: set[str] = set()
    for name in resolved:
        touched.update(subject for subject in (before.get(name), canonical.get(name)) if subject)
    now: dict[str, set[str]] = {}
    for chunk in _chunks(sorted(changed)):
        marks = ",".join("?" * len(chunk))
        for doc_id, words in store.conn.execute(f"SELECT doc_id, words FROM rollup_titles WHERE doc_id IN ({marks})", chunk):
            now[doc_id] = set(json.loads(words))
    for words in (*titles_before.values(), *now.values()):
        touched |= titles.subjects_in(words)
        for name in titles.names_in(words) & set(before):
            touched.add(before[name])
    again = set(changed)
    for subject in touched:
        again |= titles.named_in(subject)
    for name in resolved:
        for way in name_ways(name):
            again |= titles.holding(way)
    again = {d for d in again if d in docs}
    # the articles their titles' subjects make count, and the claims of those subjects' names
    rows_of: dict[str, list[str]] = {}
    for chunk in _chunks(sorted(again)):
        marks = ",".join("?" * len(chunk))
        for doc_id, words in store.conn.execute(f"SELECT doc_id, words FROM rollup_titles WHERE doc_id IN ({marks})", chunk):
            rows_of[doc_id] = json.loads(words)
    subjects: set[str] = set()
    for words in rows_of.values():
        subjects |= titles.subjects_in(set(words))
    part = set(again)
    names: set[str] = set()
    for subject in subjects:
        part |= titles.named_in(subject)
        names.update(titles.names_of(subject))
    rows: dict[tuple[str, str], tuple[str, str, int, int, int, int | None]] = {}
    for chunk in _chunks(sorted(names)):
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
            f"SELECT doc_id, name, first_seq, texted, bare, bare_seq FROM rollup_names WHERE name IN ({marks})", chunk
        ):
            rows[row[0], row[1]] = row
    firsts: dict[str, tuple[str, int]] = {}
    for doc_id, name, first_seq, *_ in rows.values():
        if name not in firsts or (doc_id, first_seq) < firsts[name]:
            firsts[name] = (doc_id, first_seq)
    for chunk in _chunks(sorted(again)):
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
            f"SELECT doc_id, name, first_seq, texted, bare, bare_seq FROM rollup_names WHERE doc_id IN ({marks})", chunk
        ):
            rows.setdefault((row[0], row[1]), row)
    followers = _events(
        sorted(rows.values(), key=lambda row: row[0]), {(doc_id, name) for name, (doc_id, _) in firsts.items()}
    )
    if isinstance(docs, _Docs):
        docs.load(part)
    out = followed_subjects(followers, {d: docs[d] for d in sorted(part) if d in docs}, _Canonical(canonical))
    followed = {d: v for d, v in old.items() if d not in again and d in docs}
    followed.update((d, out[d]) for d in again if d in out)
    return followed


def _status_counts(store: Store, resolution: Resolution) -> tuple[dict[str, int], int]:
    """RETURNS (tuple[dict[str, int], int]): the claims by status (in the order the statuses first
    occur in the store) and how many claims count (reviewers' rejections left out)."""
    if resolution.by_claim:
        status_counts: dict[str, int] = {}
        claims = 0
        for cid, status in store.conn.execute(f"SELECT c.claim_id, json_extract(c.record, '$.status') {ACTIVE_CLAIMS}"):
            decision = resolution.by_claim.get(cid)
            if decision is None or decision.action != "reject":
                claims += 1
                status = resolution.effective_status(cid, status)
                status_counts[status] = status_counts.get(status, 0) + 1
        return status_counts, claims
    totals: dict[str, int] = {}
    firsts: dict[str, tuple[str, int]] = {}
    for status, claims_n, doc_id, first_seq in store.conn.execute(
        "SELECT status, SUM(claims), MIN(doc_id), 0 FROM rollup_statuses GROUP BY status"
    ):
        totals[status] = claims_n
        row = store.conn.execute(
            "SELECT doc_id, first_seq FROM rollup_statuses WHERE status = ? AND doc_id = ?", (status, doc_id)
        ).fetchone()
        firsts[status] = (row[0], row[1])
    order = sorted(totals, key=firsts.__getitem__)
    status_counts = {(status or None) if status == "" else status: totals[status] for status in order}
    return status_counts, sum(totals.values())
