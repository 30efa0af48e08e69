"""Claim records and article infos as the roll-up reads them, for roll-up tests
that state a chain of articles by hand (no pipeline run)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from claimx.status import DocInfo


def claim_record(
    doc_id: str,
    n: int,
    text: str,
    status: str,
    *,
    subject: str,
    topic: str,
    key: str,
    cues: Iterable[str] = (),
    date: str | None = None,
) -> dict:
    """RETURNS (dict): claim ``n`` of article ``doc_id``, a whole sentence of its own."""
    return {
        "claim_id": f"{doc_id}-{n}",
        "doc_id": doc_id,
        "text": text,
        "span": {"start": 0, "end": len(text)},
        "sentence": {"start": 0, "end": len(text)},
        "status": status,
        "cues": [{"text": c} for c in cues],
        "subject": {"name": subject, "text": subject, "start": 0, "end": len(subject)},
        "topic": topic,
        "key": key,
        "entities": [],
        "dates": [] if date is None else [{"value": date}],
    }


def doc_infos(year: int, month: int, *ids: str) -> dict[str, DocInfo]:
    """RETURNS (dict[str, DocInfo]): the articles ``ids``, published and added one a day from the 1st of the month."""
    return {
        doc_id: DocInfo(published=dt.date(year, month, n), added_on=dt.date(year, month, n), added_seq=n)
        for n, doc_id in enumerate(ids, 1)
    }
