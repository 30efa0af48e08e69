""":mod:`claimx.schemas`: the records claimx reads and writes.

Plain pydantic v2 models, no spaCy. Every offset counts Unicode code points in
the article *body* (the text as read, front matter removed), and every span
holds ``body[start:end] == text``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

STATUSES: tuple[str, ...] = ("confirmed", "expected", "rumored", "denied", "unconfirmed")
#: entity labels of the names "both" may stand for: the extractor's choice of the two names
#: (``claims/topic.py``) and the roll-up's of the second (``status.py``) read the same kinds
PAIR_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "FAC"})

TOPICS: tuple[str, ...] = (
    "release",
    "production",
    "cast",
    "crew",
    "title",
    "plot",
    "franchise",
    "business",
    "other",
)
MODS: tuple[str, ...] = ("APPROX", "MID", "START", "END", "BEFORE", "AFTER")
ATTRIBUTION_KINDS: tuple[str, ...] = ("named", "organisation", "unnamed", "public")

Status = Literal["confirmed", "expected", "rumored", "denied", "unconfirmed"]
Topic = Literal[
    "release", "production", "cast", "crew", "title", "plot", "franchise", "business", "other"
]
Mod = Literal["APPROX", "MID", "START", "END", "BEFORE", "AFTER"]
AttributionKind = Literal["named", "organisation", "unnamed", "public"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Offsets(_Record):
    """A ``[start, end)`` stretch of the body, in code points."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Cue(_Record):
    """A word or phrase that sets a claim's status."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    status: Status


class Attribution(_Record):
    """Who puts the claim forward, as named in the article."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: AttributionKind


class Subject(_Record):
    """What the claim is about: a canonical name, and its mention in the claim if any."""

    name: str
    text: str | None = None
    start: int | None = None
    end: int | None = None


class Entity(_Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: str


class Timex(_Record):
    """A TIMEX3-style normalisation: ``value``/``mod`` and the ISO interval covered.

    ``value`` is ``None`` when the expression is relative and the article has no
    date to resolve it against (then ``unresolved`` is true).
    """

    value: str | None
    mod: Mod | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    unresolved: bool = False


class DateMention(_Record):
    """A time expression inside a claim, with its normalisation."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: str | None
    mod: Mod | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    unresolved: bool = False


class Extractor(_Record):
    """What produced a record: enough to know when to re-extract."""

    version: str
    code_hash: str | None = None
    rules_hash: str
    model: str
    model_version: str
    fingerprint: str


class ClaimRecord(_Record):
    """One claim: a clause-sized proposition and how sure its article is of it."""

    claim_id: str
    doc_id: str
    text: str
    span: Offsets
    sentence: Offsets
    status: Status
    cues: list[Cue] = Field(default_factory=list)
    attribution: Attribution | None = None
    subject: Subject
    topic: Topic
    key: str
    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    published: dt.date | None = None
    extractor: Extractor


class Article(_Record):
    """An article as read from the corpus: ``body`` is what every offset counts in."""

    doc_id: str
    path: str
    body: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)
    content_hash: str
    encoding: str | None = None


class ReadFailure(_Record):
    """A corpus file (or one line of it) that could not be read, and why."""

    doc_id: str
    path: str
    error: str


class DocumentRecord(_Record):
    """One line of ``documents.jsonl``: an article, or the error that kept it out."""

    doc_id: str
    path: str
    content_hash: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)
    encoding: str | None = None
    claim_count: int = 0
    error: str | None = None
    extractor: Extractor | None = None


RECORD_TYPES: dict[str, type[BaseModel]] = {
    "claim": ClaimRecord,
    "document": DocumentRecord,
    "article": Article,
}
