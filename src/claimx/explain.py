""":mod:`claimx.explain`: why a subject's tracked facts stand where they do.

``claimx status --explain SUBJECT`` shows, for each fact of one subject, its
history step by step: the article, the sentence that spoke with its claim and
cue words located in it, and the source. Everything comes from the outputs
folder (the roll-up and the changes from the store, the claims and documents
from their JSONL views); the sentence is cut from the article body, read again
from the corpus the last run read (as :mod:`claimx.report` does). When the
body cannot be had (corpus moved, article changed since the run), a step shows
its claim's words alone and says why. Nothing here prints and nothing imports
spaCy.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .bodies import load_body
from .errors import ClaimxError
from .schemas import AttributionKind, ClaimRecord, DocumentRecord, Status, Topic
from .status import StatusChange, StatusRecord

#: How many near matches an error message names.
NEAR_MATCHES = 5


class SubjectMatchError(ClaimxError):
    """No tracked subject, or more than one, matches what the user typed."""


class Mark(BaseModel):
    """A stretch of the shown text: the claim, or one of its cue words.

    ``start``/``end`` count code points in the step's ``sentence``.
    """

    model_config = ConfigDict(extra="forbid")

    kind: Literal["claim", "cue"]
    start: int
    end: int
    text: str
    status: Status


class Source(BaseModel):
    """Who the article says puts the claim forward."""

    model_config = ConfigDict(extra="forbid")

    text: str
    kind: AttributionKind


class ExplainStep(BaseModel):
    """One article's word on a fact, with the sentence that said it."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None
    status: Status
    value: str | None = None
    claim_id: str
    claim: str
    #: the claim's sentence, or the claim's words alone when the body is not at hand
    sentence: str
    #: whether ``sentence`` is the whole sentence (else why not, in ``note``)
    sentence_shown: bool
    marks: list[Mark]
    source: Source | None = None
    #: how many of the article's claims fall in this fact (one speaks)
    claims: int = 1
    reviewed: bool = False
    note: str | None = None


class ExplainFact(BaseModel):
    """A tracked (subject, topic, key): where it stands and how it got there."""

    model_config = ConfigDict(extra="forbid")

    group_id: str
    topic: Topic
    key: str
    status: Status
    value: str | None = None
    doc_id: str
    published: dt.date | None
    #: what the last run did to this fact, if anything ("new", "rumored → denied …")
    changed: str | None = None
    history: list[ExplainStep]


class Explanation(BaseModel):
    """Every tracked fact of one subject, explained step by step."""

    model_config = ConfigDict(extra="forbid")

    subject: str
    names: list[str]
    corpus: str | None = None
    facts: list[ExplainFact]


def subject_names(records: Iterable[StatusRecord]) -> dict[str, set[str]]:
    """RETURNS (dict[str, set[str]]): each tracked subject and every name it goes by."""
    names: dict[str, set[str]] = {}
    for rec in records:
        names.setdefault(rec.subject, {rec.subject}).update(rec.names)
    return names


def match_subject(records: Iterable[StatusRecord], query: str) -> str:
    """Find the one tracked subject ``query`` names.

    Tried in turn, case-insensitively, over each subject's name and the names
    it goes by: the whole name, a prefix, a substring. The first try that
    finds subjects decides: one subject is the answer, several are an error.

    records (Iterable[StatusRecord]): the roll-up.
    query (str): what the user typed.
    RETURNS (str): the subject's canonical name.
    RAISES (SubjectMatchError): no subject or several match; the one-line
        message names the near matches.
    """
    names = subject_names(records)
    wanted = " ".join(query.split()).casefold()
    if not wanted:
        raise SubjectMatchError("Give a subject to explain, e.g. --explain 'Half-Life 3'.")
    tests = (
        lambda name: name == wanted,
        lambda name: name.startswith(wanted),
        lambda name: wanted in name,
    )
    for test in tests:
        found = sorted(
            (subject for subject, aliases in names.items() if any(test(n.casefold()) for n in aliases)),
            key=str.casefold,
        )
        if len(found) == 1:
            return found[0]
        if found:
            shown = "; ".join(found[:NEAR_MATCHES]) + (f"; … {len(found) - NEAR_MATCHES} more" if len(found) > NEAR_MATCHES else "")
            raise SubjectMatchError(f"{query!r} matches {len(found)} subjects: {shown}. Give more of the name.")
    by_folded = {n.casefold(): subject for subject, aliases in names.items() for n in aliases}
    near = difflib.get_close_matches(wanted, list(by_folded), n=NEAR_MATCHES * 2, cutoff=0.5)
    near_subjects = list(dict.fromkeys(by_folded[n] for n in near))[:NEAR_MATCHES]
    hint = f" Near: {'; '.join(near_subjects)}." if near_subjects else " See `claimx status` for the tracked subjects."
    raise SubjectMatchError(f"No tracked subject matches {query!r}.{hint}")


def locate(claim: ClaimRecord, body: str | None) -> tuple[str, list[Mark], bool]:
    """Cut a claim's sentence from the body and place its claim and cues in it.

    claim (ClaimRecord): the claim.
    body (str | None): its article's body, or None when it is not at hand.
    RETURNS (tuple[str, list[Mark], bool]): the text to show (the sentence, or
        the claim's words when there is no body), the marks in it, and whether
        the text is the whole sentence. Cues outside the text are left out.
    """
    if body is not None:
        start = min(claim.sentence.start, claim.span.start)
        end = max(claim.sentence.end, claim.span.end)
        shown = True
    else:
        start, end, shown = claim.span.start, claim.span.end, False
    text = body[start:end] if body is not None else claim.text
    marks = [Mark(kind="claim", start=claim.span.start - start, end=claim.span.end - start, text=claim.text, status=claim.status)]
    for cue in claim.cues:
        if start <= cue.start and cue.end <= end:
            marks.append(Mark(kind="cue", start=cue.start - start, end=cue.end - start, text=cue.text, status=cue.status))
    return text, marks, shown


def explain(
    records: list[StatusRecord],
    changes: list[StatusChange],
    claims: Iterable[ClaimRecord],
    documents: Iterable[DocumentRecord],
    subject: str,
    *,
    corpus: Path | None = None,
    topic: str | None = None,
    only: set[str] | None = None,
) -> Explanation:
    """Explain every tracked fact of one subject.

    records (list[StatusRecord]): the roll-up.
    changes (list[StatusChange]): what the last run changed.
    claims (Iterable[ClaimRecord]): the claims of ``claims.jsonl``.
    documents (Iterable[DocumentRecord]): the documents of ``documents.jsonl``.
    subject (str): the subject, as typed (see :func:`match_subject`).
    corpus (Path | None): the corpus folder to read the sentences from; None shows claims alone.
    topic (str | None): only facts of this topic.
    only (set[str] | None): only these group ids.
    RETURNS (Explanation): the facts, in topic/key order, each with its history.
    RAISES (SubjectMatchError): ``subject`` names no tracked subject, or several.
    """

    name = match_subject(records, subject)
    mine = [r for r in records if r.subject == name and (not topic or r.topic == topic) and (only is None or r.group_id in only)]
    by_claim = {c.claim_id: c for c in claims}
    docs = {d.doc_id: d for d in documents}
    changed = {c.group_id: c.brief() for c in changes if c.kind != "dropped"}
    cache: dict[str, list] = {}
    bodies: dict[str, tuple[str | None, str | None]] = {}
    facts = []
    for rec in mine:
        steps = []
        for step in rec.history:
            document = docs.get(step.doc_id)
            claim = by_claim.get(step.claim_id)
            note = None
            if claim is None:
                sentence, marks, shown = step.text, [Mark(kind="claim", start=0, end=len(step.text), text=step.text, status=step.status)], False
                note = "the claim is no longer in claims.jsonl (re-run `claimx run`)"
            else:
                if corpus is None:
                    body, why = None, "no corpus folder known (pass --corpus)"
                else:
                    if step.doc_id not in bodies:
                        doc_claims = [c for c in by_claim.values() if c.doc_id == step.doc_id]
                        bodies[step.doc_id] = load_body(document, doc_claims, corpus, cache)
                    body, why = bodies[step.doc_id]
                sentence, marks, shown = locate(claim, body)
                if not shown:
                    note = f"sentence not shown: {why}"
            steps.append(
                ExplainStep(
                    doc_id=step.doc_id,
                    title=document.title if document else None,
                    url=document.url if document else None,
                    published=step.published,
                    status=step.status,
                    value=step.value,
                    claim_id=step.claim_id,
                    claim=claim.text if claim else step.text,
                    sentence=sentence,
                    sentence_shown=shown,
                    marks=marks,
                    source=Source(text=claim.attribution.text, kind=claim.attribution.kind)
                    if claim is not None and claim.attribution is not None
                    else None,
                    claims=step.claims,
                    reviewed=step.reviewed,
                    note=note,
                )
            )
        facts.append(
            ExplainFact(
                group_id=rec.group_id,
                topic=rec.topic,
                key=rec.key,
                status=rec.status,
                value=rec.value,
                doc_id=rec.doc_id,
                published=rec.published,
                changed=changed.get(rec.group_id),
                history=steps,
            )
        )
    names = sorted(subject_names(records).get(name, {name}) - {name}, key=str.casefold)
    return Explanation(subject=name, names=names, corpus=str(corpus) if corpus else None, facts=facts)


def explain_outputs(
    outputs: Path,
    subject: str,
    *,
    corpus: Path | None = None,
    topic: str | None = None,
    changed_only: bool = False,
) -> Explanation:
    """:func:`explain` for an outputs folder written by ``claimx run``.

    outputs (Path): the outputs folder.
    subject (str): the subject, as typed.
    corpus (Path | None): the corpus folder; None: the one the last run read.
    topic (str | None): only facts of this topic.
    changed_only (bool): only the facts the last run changed.
    RETURNS (Explanation): the facts of the subject.
    """
    from .review import load_outputs
    from .status import read_status
    from .store import Store

    records, changes = read_status(outputs)
    if corpus is None:
        with Store.open(outputs, write=False, create=False) as store:
            last = store.get_meta("corpus")
        corpus = Path(last) if last else None
    loaded = load_outputs(outputs)
    only = {c.group_id for c in changes} if changed_only else None
    return explain(records, changes, loaded.claims, loaded.documents, subject, corpus=corpus, topic=topic, only=only)
