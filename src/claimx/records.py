""":mod:`claimx.records`: the one place a spaCy Doc becomes pydantic records.

Every span written here is cut from the article body by its offsets, so
``body[start:end] == text`` holds by construction; a claim's id is a hash of
the article id, its offsets and text, and the pipeline fingerprint, so the same
article text under the same rules gives the same ids.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from .claims.extensions import CLAIMS_KEY, DATES_KEY, claim_of
from .claims.sentences import doc_text, ents_within
from .fingerprint import canonical_hash
from .schemas import (
    Article,
    Attribution,
    ClaimRecord,
    Cue,
    DateMention,
    DocumentRecord,
    Entity,
    Extractor,
    Offsets,
    Subject,
)


def claim_id(doc_id: str, start: int, end: int, text: str, rules_hash: str) -> str:
    """RETURNS (str): a stable id for a claim: the same article text under the
    same rules gives the same id, whatever claimx or model version made it."""
    return "c_" + canonical_hash([doc_id, start, end, text, rules_hash])[:16]


def claim_record(
    span: Span,
    article: Article,
    extractor: Extractor,
    ents: list[Span] | None = None,
    dates: list[Span] | None = None,
    offset: int = 0,
) -> ClaimRecord:
    """Turn one claim span into a record.

    ents (list[Span] | None): the entities inside the claim, when the caller
        has them (``span.ents`` walks every entity of the Doc).
    dates (list[Span] | None): the Doc's date spans, taken once by the caller.
    offset (int): where the Doc's text starts in ``article.body`` (a piece of
        a long article); every offset of the record counts in the whole body.
    """
    body = article.body

    def _cut(s: int, e: int) -> dict[str, Any]:
        return {"text": body[s + offset : e + offset], "start": s + offset, "end": e + offset}

    info = claim_of(span) or {}
    start, end = span.start_char, span.end_char
    sent = span.sent
    attribution = info.get("attribution")
    subject = info.get("subject") or {}
    subj_start, subj_end = subject.get("start"), subject.get("end")
    if dates is None:
        dates = list(span.doc.spans[DATES_KEY]) if DATES_KEY in span.doc.spans else []
    mentions = []
    for date in dates:
        if date.start_char < start or date.end_char > end:
            continue
        timex = date._.timex or {}
        mentions.append(
            DateMention(
                **_cut(date.start_char, date.end_char),
                value=timex.get("value"),
                mod=timex.get("mod"),
                earliest=timex.get("earliest"),
                latest=timex.get("latest"),
                unresolved=bool(timex.get("unresolved", False)),
            )
        )
    start, end = start + offset, end + offset
    return ClaimRecord(
        claim_id=claim_id(article.doc_id, start, end, body[start:end], extractor.rules_hash),
        doc_id=article.doc_id,
        text=body[start:end],
        span=Offsets(start=start, end=end),
        sentence=Offsets(start=sent.start_char + offset, end=sent.end_char + offset),
        status=info.get("status", "confirmed"),
        cues=[
            Cue(**_cut(c["start"], c["end"]), status=c["status"]) for c in info.get("cues", [])
        ],
        attribution=(
            Attribution(**_cut(attribution["start"], attribution["end"]), kind=attribution["kind"])
            if attribution
            else None
        ),
        subject=Subject(
            name=subject.get("name") or "",
            **(_cut(subj_start, subj_end) if subj_start is not None and subj_end is not None else {}),
        ),
        topic=info.get("topic", "other"),
        key=info.get("key", "other"),
        entities=[
            Entity(**_cut(e.start_char, e.end_char), label=e.label_)
            for e in (span.ents if ents is None else ents)
        ],
        dates=mentions,
        published=article.published,
        extractor=extractor,
    )


def doc_records(doc: Doc, article: Article, extractor: Extractor, offset: int | None = None) -> list[ClaimRecord]:
    """RETURNS (list[ClaimRecord]): the Doc's claims, in text order.

    offset (int | None): where the Doc's text starts in ``article.body`` when the
        Doc holds one piece of a long article (:func:`claimx.pipeline.long_pieces`);
        None when it holds the whole body.
    """
    whole = offset is None
    offset = offset or 0
    text = doc_text(doc)
    if (text != article.body) if whole else (text != article.body[offset : offset + len(text)]):
        raise ValueError(f"{article.path}: the Doc's text is not the article body; offsets would not map back.")
    spans = sorted(doc.spans[CLAIMS_KEY], key=lambda s: (s.start, s.end))
    ents = list(doc.ents)
    starts = [e.start for e in ents]
    dates = list(doc.spans[DATES_KEY]) if DATES_KEY in doc.spans else []
    return [
        claim_record(span, article, extractor, ents_within(ents, starts, span), dates, offset) for span in spans
    ]


def document_record(article: Article, claims: list[ClaimRecord], extractor: Extractor | None) -> DocumentRecord:
    """RETURNS (DocumentRecord): the documents.jsonl line of a read article."""
    return DocumentRecord(
        doc_id=article.doc_id,
        path=article.path,
        content_hash=article.content_hash,
        title=article.title,
        published=article.published,
        url=article.url,
        meta=article.meta,
        encoding=article.encoding,
        claim_count=len(claims),
        extractor=extractor,
    )
