""":mod:`claimx.report`: one self-contained HTML file to read the claims in.

The report opens on the tracked facts (``status.jsonl``): per subject, most
recently changed first, each fact's status and value and its history as steps
that lead to the claim in its article, with what the last run changed (from the
store, when there is one). Below come an overview (subjects, their statuses
article by article, and an inline SVG timeline) and one collapsible section per
article with its body, every claim highlighted in its status colour, cue words
and attributions marked. Everything is inline (CSS, JS, data): the file opens without a network
or a server. All text goes through Jinja's autoescaping; the records the page
script reads sit in a ``<script type="application/json">`` block whose ``<``,
``>`` and ``&`` are written as ``\\u003c`` etc., so no article text can close it.
Article bodies are read again from the corpus, within its boundary (a link
that leads out of the corpus folder is not followed unless
``follow_symlinks``); an article that is gone or has changed since the run
(content hash differs) is shown without its body.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .bodies import load_body
from .decisions import ReviewDecision
from .errors import ClaimxError
from .outputs import STATUS_FILE
from .review import (
    ArticleGroup,
    Outputs,
    describe_decision,
    group_by_article,
    group_by_subject,
    load_outputs,
    status_counts,
)
from .schemas import STATUSES, ClaimRecord, DocumentRecord
from .status import StatusChange, StatusRecord

logger = logging.getLogger(__name__)

TEMPLATE = "report.html.jinja2"
#: Articles are open on load when the report has at most this many.
OPEN_ARTICLES = 10
#: The timeline shows this many subjects (those with the most claims).
TIMELINE_SUBJECTS = 25
#: The overview table lists this many subjects.
TABLE_SUBJECTS = 300
#: The tracked-facts section lists this many subjects (most recently changed first).
FACT_SUBJECTS = 300
#: Subjects of the tracked-facts section open on load.
OPEN_FACT_SUBJECTS = 12
#: The "changed in the last run" list shows this many changes.
CHANGES_LISTED = 200


@dataclass
class Segment:
    """A stretch of the body that no claim, cue or attribution boundary cuts.

    text (str): the text.
    claims (list[str]): the ids of the claims covering it, innermost first.
    cue (str | None): the status of a cue covering it.
    attribution (bool): whether an attribution covers it.
    starts (list[tuple[str, str]]): (claim_id, status) of the claims starting here.
    """

    text: str
    claims: list[str] = field(default_factory=list)
    cue: str | None = None
    attribution: bool = False
    starts: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ReportSummary:
    """What ``write_report`` did."""

    path: Path
    articles: int
    claims: int
    bodies_missing: list[str] = field(default_factory=list)


def script_json(data: Any) -> str:
    """JSON for an inline ``<script type="application/json">`` block.

    data (Any): JSON-serialisable data.
    RETURNS (str): ``json.dumps`` output with ``<``, ``>`` and ``&`` escaped as
        ``\\u003c``, ``\\u003e``, ``\\u0026`` (and U+2028/U+2029 too), so a
        ``</script>`` in any string cannot end the block.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def segment_body(body: str, claims: list[ClaimRecord]) -> list[Segment]:
    """Cut a body at every claim, cue and attribution boundary.

    Overlapping claims give segments covered by several claims; their ids are
    listed innermost (shortest) first, so the page colours a segment by its
    innermost claim still shown.

    body (str): the article body the offsets count in.
    claims (list[ClaimRecord]): the article's claims.
    RETURNS (list[Segment]): the segments, which join up to ``body``.
    """
    size = len(body)
    cuts = {0, size}
    spans: list[tuple[int, int, ClaimRecord]] = []
    cues: list[tuple[int, int, str]] = []
    attributions: set[tuple[int, int]] = set()
    for claim in claims:
        start, end = min(claim.span.start, size), min(claim.span.end, size)
        if start < end:
            spans.append((start, end, claim))
            cuts.update((start, end))
        for cue in claim.cues:
            cue_start, cue_end = min(cue.start, size), min(cue.end, size)
            if cue_start < cue_end:
                cues.append((cue_start, cue_end, cue.status))
                cuts.update((cue_start, cue_end))
        if claim.attribution is not None:
            att_start, att_end = min(claim.attribution.start, size), min(claim.attribution.end, size)
            if att_start < att_end:
                attributions.add((att_start, att_end))
                cuts.update((att_start, att_end))
    spans.sort(key=_span_key)
    points = sorted(cuts)
    segments: list[Segment] = []
    for start, end in zip(points, points[1:]):
        covering = [(s, e, c) for s, e, c in spans if s <= start and e >= end]
        covering.sort(key=_innermost_key)
        cue = next((status for s, e, status in cues if s <= start and e >= end), None)
        segments.append(
            Segment(
                text=body[start:end],
                claims=[c.claim_id for _, _, c in covering],
                cue=cue,
                attribution=any(s <= start and e >= end for s, e in attributions),
                starts=[(c.claim_id, c.status) for s, _, c in spans if s == start],
            )
        )
    return segments


def _span_key(item: tuple[int, int, ClaimRecord]) -> tuple[int, int]:
    return (item[0], -item[1])


def _innermost_key(item: tuple[int, int, ClaimRecord]) -> tuple[int, int]:
    return (item[1] - item[0], -item[0])


def claim_data(claim: ClaimRecord, decision: ReviewDecision | None = None) -> dict[str, Any]:
    """The fields of a claim the page shows on hover or click.

    decision (ReviewDecision | None): a reviewer's decision on the claim.
    RETURNS (dict[str, Any]): plain JSON data.
    """
    return {
        "review": describe_decision(decision) if decision is not None else None,
        "id": claim.claim_id,
        "doc": claim.doc_id,
        "status": claim.status,
        "text": claim.text,
        "subject": claim.subject.name,
        "topic": claim.topic,
        "key": claim.key,
        "cues": [{"text": cue.text, "status": cue.status} for cue in claim.cues],
        "attribution": None
        if claim.attribution is None
        else {"text": claim.attribution.text, "kind": claim.attribution.kind},
        "dates": [date.model_dump(mode="json", exclude={"start", "end"}) for date in claim.dates],
        "published": claim.published.isoformat() if claim.published else None,
    }


def _is_web_url(url: str | None) -> bool:
    """RETURNS (bool): whether ``url`` is an http(s) address (never ``javascript:`` etc.)."""
    return bool(url) and url.strip().lower().startswith(("http://", "https://"))


def timeline(subjects: list, width: int = 900) -> dict[str, Any]:
    """Lay out the SVG timeline: one row per subject, one mark per article.

    subjects (list[SubjectGroup]): the subjects to draw, in row order.
    width (int): the width of the drawing, in px.
    RETURNS (dict[str, Any]): ``width``, ``height``, ``rows`` (name, y, points
        with x, title and one coloured box per status) and ``ticks``.
    """
    label_w, pad, row_h, undated_w = 220, 16, 22, 60
    dates = sorted({a.published for s in subjects for a in s.articles if a.published is not None})
    has_undated = any(a.published is None for s in subjects for a in s.articles)
    plot_l, plot_r = label_w + pad, width - pad - (undated_w if has_undated else 0)
    first, last = (dates[0], dates[-1]) if dates else (None, None)
    span_days = max((last - first).days, 1) if dates else 1

    def x_of(day: dt.date | None) -> float:
        if day is None:
            return width - pad - undated_w / 2
        if first == last:
            return (plot_l + plot_r) / 2
        return plot_l + (plot_r - plot_l) * (day - first).days / span_days

    rows = []
    for index, subject in enumerate(subjects):
        y = 30 + index * row_h
        points = []
        for article in subject.articles:
            statuses = article.statuses
            box_h = 16 / max(len(statuses), 1)
            title = (article.document.title if article.document and article.document.title else article.doc_id)
            date = article.published.isoformat() if article.published else "undated"
            points.append(
                {
                    "x": round(x_of(article.published), 1),
                    "doc": article.doc_id,
                    "title": f"{subject.name} · {title} ({date}): {', '.join(statuses)}",
                    "boxes": [
                        {"status": status, "y": round(y - 8 + i * box_h, 1), "h": round(box_h, 1)}
                        for i, status in enumerate(statuses)
                    ],
                }
            )
        xs = [p["x"] for p in points]
        rows.append({"name": subject.name, "y": y, "points": points, "x0": min(xs), "x1": max(xs)})
    ticks = []
    if dates:
        picks = dates if len(dates) <= 6 else [dates[round(i * (len(dates) - 1) / 5)] for i in range(6)]
        ticks = [{"x": round(x_of(day), 1), "label": day.isoformat()} for day in dict.fromkeys(picks)]
    if has_undated:
        ticks.append({"x": round(x_of(None), 1), "label": "undated"})
    spaced: list[dict[str, Any]] = []
    for tick in ticks:  # drop labels that would overlap the one before
        if not spaced or tick["x"] - spaced[-1]["x"] >= 75 or tick["label"] == "undated":
            if spaced and tick["x"] - spaced[-1]["x"] < 75:
                spaced.pop()
            spaced.append(tick)
    ticks = spaced
    return {"width": width, "height": 30 + len(subjects) * row_h + 10, "rows": rows, "ticks": ticks, "label_w": label_w}


def load_status(outputs: Path) -> tuple[list[StatusRecord], list[StatusChange], bool]:
    """Read the tracked facts of an outputs folder, and what the last run changed.

    outputs (Path): the folder ``claimx run`` wrote to.
    RETURNS (tuple[list[StatusRecord], list[StatusChange], bool]): the lines of
        ``status.jsonl`` (none when it is missing), the last run's changes (from
        the store; none without one), and whether ``status.jsonl`` was there.
    """
    from .review import _read_lines

    path = Path(outputs) / STATUS_FILE
    if not path.is_file():
        return [], [], False
    records = _read_lines(path, StatusRecord)
    changes: list[StatusChange] = []
    from .store import STORE_FILE, Store

    if (Path(outputs) / STORE_FILE).is_file():
        try:
            with Store.open(Path(outputs), write=False, create=False) as store:
                changes = [StatusChange.model_validate_json(rec) for rec in store.changes()]
        except ClaimxError as exc:
            logger.warning("the last run's status changes are not shown: %s", exc)
    return records, changes, True


def _day(day: dt.date | None) -> dt.date:
    return day or dt.date.min


def _last_change(record: StatusRecord) -> dt.date | None:
    """RETURNS (date | None): the publication date of the last step that changed the fact's status or value."""
    last: dt.date | None = None
    before: tuple[str, str | None] | None = None
    for step in record.history:
        now = (step.status, step.value)
        if now != before and step.published is not None:
            last = step.published
        before = now
    return last


def facts_context(
    records: list[StatusRecord],
    changes: list[StatusChange],
    documents: dict[str, DocumentRecord],
    anchored: set[str],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Lay out the tracked-facts section.

    Subjects come most recently changed first: those the last run changed,
    then by the publication date of their latest change of status or value;
    within a subject, facts the last run changed first, then the same order.

    records (list[StatusRecord]): the roll-up.
    changes (list[StatusChange]): what the last run changed.
    documents (dict[str, DocumentRecord]): the articles, by doc_id (for titles).
    anchored (set[str]): ids of the claims the page has an anchor for.
    RETURNS (tuple[list[dict], list[dict]]): the subjects, each with its facts
        and their steps, and the last run's changes (text, group id, whether
        the page shows the fact), changes of status before new facts.
    """

    changed = {c.group_id: c for c in changes if c.kind != "dropped"}
    by_subject: dict[str, list[StatusRecord]] = {}
    for record in records:
        by_subject.setdefault(record.subject, []).append(record)
    subjects = []
    for name, facts in by_subject.items():
        laid = []
        for record in facts:
            steps = []
            for step in record.history:
                document = documents.get(step.doc_id)
                steps.append(
                    {
                        "doc_id": step.doc_id,
                        "title": document.title if document and document.title else step.doc_id,
                        "published": step.published.isoformat() if step.published else None,
                        "status": step.status,
                        "value": step.value,
                        "claim_id": step.claim_id,
                        "text": step.text,
                        "reviewed": step.reviewed,
                        "anchor": step.claim_id in anchored,
                    }
                )
            last = _last_change(record)
            change = changed.get(record.group_id)
            laid.append(
                {
                    "group_id": record.group_id,
                    "topic": record.topic,
                    "key": record.key,
                    "status": record.status,
                    "value": record.value,
                    "changed": change.brief() if change else None,
                    "last_change": last,
                    "last_change_iso": last.isoformat() if last else None,
                    "steps": steps,
                }
            )
        laid.sort(key=lambda f: (f["changed"] is None, -_day(f["last_change"]).toordinal(), f["topic"], f["key"].casefold()))
        last = max((f["last_change"] for f in laid if f["last_change"]), default=None)
        names = sorted({name, *(n for r in facts for n in r.names)}, key=str.casefold)
        subjects.append(
            {
                "name": name,
                "names": names,
                "also": [n for n in names if n != name],
                "facts": laid,
                "last_change": last.isoformat() if last else None,
                "changed": sum(f["changed"] is not None for f in laid),
                "_key": (not any(f["changed"] for f in laid), -_day(last).toordinal(), name.casefold()),
            }
        )
    subjects.sort(key=lambda s: s["_key"])
    for subject in subjects:
        del subject["_key"]
    listed = {f["group_id"] for s in subjects[:FACT_SUBJECTS] for f in s["facts"]}
    change_list = [
        {
            "text": change.describe(),
            "group_id": change.group_id,
            "kind": change.kind,
            "shown": change.group_id in listed and change.kind != "dropped",
        }
        for change in changes
    ]
    # a change of status says more than a fact seen for the first time
    change_list.sort(key=lambda c: c["kind"] == "new")
    return subjects, change_list


def build_context(
    loaded: Outputs,
    corpus: Path,
    title: str = "claimx report",
    status: tuple[list[StatusRecord], list[StatusChange], bool] | None = None,
    follow_symlinks: bool = False,
) -> tuple[dict[str, Any], list[str]]:
    """Everything the template needs.

    loaded (Outputs): the records.
    corpus (Path): where the articles are, to show their bodies.
    title (str): the page title.
    status (tuple | None): what :func:`load_status` returned; None: no tracked facts.
    follow_symlinks (bool): show the bodies of linked files outside the corpus folder.
    RETURNS (tuple[dict, list[str]]): the template context, and the doc_ids
        shown without a body.
    """
    articles: list[ArticleGroup] = group_by_article(loaded.claims, loaded.documents)
    seen = {group.doc_id for group in articles}
    for document in loaded.documents:  # articles without claims, and read failures
        if document.doc_id not in seen:
            articles.append(ArticleGroup(document.doc_id, document, document.published))
    subjects = group_by_subject(loaded.claims, loaded.documents)
    cache: dict[str, list] = {}
    missing: list[str] = []
    sections = []
    for group in articles:
        document = group.document
        body, why = (None, None)
        if document is not None and document.error:
            why = f"could not be read: {document.error}"
        elif group.claims or document is not None:
            body, why = load_body(document, group.claims, corpus, cache, follow_symlinks)
        if body is None and group.claims:
            missing.append(group.doc_id)
        sections.append(
            {
                "doc_id": group.doc_id,
                "title": document.title if document and document.title else group.doc_id,
                "published": group.published.isoformat() if group.published else None,
                "url": document.url if document and _is_web_url(document.url) else None,
                "path": document.path if document else None,
                "claims": group.claims,
                "counts": status_counts(group.claims),
                "segments": segment_body(body, group.claims) if body is not None else None,
                "why": why,
            }
        )
    anchored: set[str] = set()
    for section in sections:
        if section["segments"] is not None:
            anchored.update(cid for seg in section["segments"] for cid, _ in seg.starts)
        else:
            anchored.update(claim.claim_id for claim in section["claims"])
    records, changes, has_status = status if status is not None else ([], [], False)
    fact_subjects, change_list = facts_context(records, changes, loaded.documents_by_id(), anchored)
    data = {
        "claims": {
            claim.claim_id: claim_data(claim, loaded.decisions.get(claim.claim_id)) for claim in loaded.claims
        },
        "docs": {group.doc_id: [claim.claim_id for claim in group.claims] for group in articles},
        "subjects": {s.name: [c.claim_id for a in s.articles for c in a.claims] for s in subjects},
    }
    context = {
        "title": title,
        "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "statuses": STATUSES,
        "counts": status_counts(loaded.claims),
        "total": len(loaded.claims),
        "subjects": subjects[:TABLE_SUBJECTS],
        "subjects_left": max(len(subjects) - TABLE_SUBJECTS, 0),
        "subject_names": sorted({s.name for s in subjects}, key=str.casefold),
        "timeline": timeline(subjects[:TIMELINE_SUBJECTS]),
        "timeline_left": max(len(subjects) - TIMELINE_SUBJECTS, 0),
        "sections": sections,
        "open_articles": len(sections) <= OPEN_ARTICLES,
        "data_json": script_json(data),
        "claim_status": {claim.claim_id: claim.status for claim in loaded.claims},
        "has_status": has_status,
        "fact_count": len(records),
        "fact_subjects": fact_subjects[:FACT_SUBJECTS],
        "fact_subjects_left": max(len(fact_subjects) - FACT_SUBJECTS, 0),
        "open_fact_subjects": OPEN_FACT_SUBJECTS,
        "changes": change_list[:CHANGES_LISTED],
        "changes_total": len(change_list),
        "changes_new": sum(c["kind"] == "new" for c in change_list),
    }
    return context, missing


def render_report(
    loaded: Outputs,
    corpus: Path,
    title: str = "claimx report",
    status: tuple[list[StatusRecord], list[StatusChange], bool] | None = None,
    follow_symlinks: bool = False,
) -> tuple[str, list[str]]:
    """Render the report page.

    status (tuple | None): the tracked facts and the last run's changes (:func:`load_status`).
    RETURNS (tuple[str, list[str]]): the HTML, and the doc_ids shown without a body.
    """
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    context, missing = build_context(loaded, corpus, title, status, follow_symlinks)
    html = env.get_template(TEMPLATE).render(**context)
    return html, missing


def write_report(
    outputs: Path, output: Path, corpus: Path = Path("corpus"), *, follow_symlinks: bool = False
) -> ReportSummary:
    """Write the HTML report for an outputs folder.

    outputs (Path): the folder ``claimx run`` wrote to.
    output (Path): the HTML file to write.
    corpus (Path): the corpus folder the run read, for the article bodies.
    follow_symlinks (bool): follow links out of the corpus folder (as ``claimx run --follow-symlinks``).
    RETURNS (ReportSummary): where the report is and what it holds.
    """
    loaded = load_outputs(outputs)
    html, missing = render_report(loaded, Path(corpus), status=load_status(outputs), follow_symlinks=follow_symlinks)
    output = Path(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ClaimxError(f"cannot write the report to {output}: {exc.strerror or exc}") from None
    if missing:
        logger.info("%d article(s) shown without their body (corpus %s)", len(missing), corpus)
    articles = len({claim.doc_id for claim in loaded.claims} | {doc.doc_id for doc in loaded.documents})
    return ReportSummary(path=output, articles=articles, claims=len(loaded.claims), bodies_missing=missing)
