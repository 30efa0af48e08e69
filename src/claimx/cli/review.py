"""``claimx review``: read the claims of an outputs folder in the terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..decisions import ReviewDecision
from ..errors import ClaimxError
from ..review import (
    ClaimFilter,
    describe_decision,
    filter_claims,
    group_by_subject,
    load_outputs,
    paginate,
    parse_since,
    parse_statuses,
    parse_topics,
    sort_claims,
)
from ..schemas import ClaimRecord
from ._app import Arg, Opt, app

#: How many claims the terminal view shows unless --limit says otherwise.
DEFAULT_LIMIT = 50

#: The colour of each status, in the terminal.
STATUS_STYLES: dict[str, str] = {
    "confirmed": "bold green",
    "expected": "bold blue",
    "rumored": "bold magenta",
    "denied": "bold red",
    "unconfirmed": "bold yellow",
}


def claim_text(claim: ClaimRecord) -> Text:
    """The claim's text with its cue words highlighted.

    claim (ClaimRecord): the claim; cue offsets are in the body, the text
        starts at ``claim.span.start``.
    RETURNS (Text): the styled text.
    """
    text = Text(claim.text)
    for cue in claim.cues:
        start, end = cue.start - claim.span.start, cue.end - claim.span.start
        start, end = max(start, 0), min(end, len(claim.text))
        if start < end:
            text.stylize(f"underline {STATUS_STYLES.get(cue.status, 'bold')}", start, end)
    return text


def claim_side(claim: ClaimRecord, decision: ReviewDecision | None = None) -> Text:
    """The attribution, cues lying outside the claim, topic and dates, one per line.

    RETURNS (Text): the styled text for the table's side column.
    """
    side = Text()
    if claim.attribution is not None:
        side.append("by ", style="dim")
        side.append(claim.attribution.text, style="italic")
        side.append(f" ({claim.attribution.kind})", style="dim")
    outside = [c for c in claim.cues if c.end <= claim.span.start or c.start >= claim.span.end]
    for cue in outside:
        side.append("\n" if side else "")
        side.append("cue ", style="dim")
        side.append(cue.text, style=f"underline {STATUS_STYLES.get(cue.status, 'bold')}")
    for date in claim.dates:
        side.append("\n" if side else "")
        side.append(date.text, style="cyan")
        value = date.value or "unresolved"
        side.append(f" = {value}{' ' + date.mod if date.mod else ''}", style="dim")
    if decision is not None:
        side.append("\n" if side else "")
        side.append("review: ", style="dim")
        side.append(describe_decision(decision), style="bold")
    side.append("\n" if side else "")
    side.append(f"{claim.topic} · {claim.claim_id}", style="dim")
    return side


@app.command("review")
def review_cli(
    outputs: Path = Arg(Path("outputs"), help="The folder `claimx run` wrote claims.jsonl and documents.jsonl to."),
    status: list[str] = Opt([], "--status", "-s", help="Keep these statuses (repeat, or comma separated).", show_default=False),
    subject: str = Opt(None, "--subject", help="Keep subjects whose name contains this (case-insensitive).", show_default=False),
    topic: list[str] = Opt([], "--topic", "-t", help="Keep these topics (repeat, or comma separated).", show_default=False),
    doc: str = Opt(None, "--doc", "-d", help="Keep the claims of this doc_id (or doc_ids containing it).", show_default=False),
    since: str = Opt(None, "--since", help="Keep claims of articles published on or after YYYY-MM-DD.", show_default=False),
    limit: int = Opt(None, "--limit", "-n", help="Show at most this many claims (default 50; all with --json; 0: all).", show_default=False),
    offset: int = Opt(0, "--offset", help="Skip this many claims first (for paging)."),
    as_json: bool = Opt(False, "--json", help="Print the filtered records as JSONL (all of them unless --limit is given)."),
) -> None:
    """Show claims grouped by subject and article: status, cue words, attribution, dates.

    With --json the filtered claim records are printed as JSON lines and
    nothing else goes to stdout, e.g. `claimx review --status rumored --json | jq .text`.
    """
    err = Console(stderr=True)
    try:
        flt = ClaimFilter(
            status=parse_statuses(status),
            subject=subject,
            topic=parse_topics(topic),
            doc=doc,
            since=parse_since(since),
        )
        loaded = load_outputs(outputs)
    except ClaimxError as exc:
        err.print(Text(f"✘ {exc}", style="red"), soft_wrap=True)
        raise typer.Exit(2) from None
    kept = sort_claims(filter_claims(loaded.claims, flt), loaded.documents)
    if as_json:
        page, rest = paginate(kept, limit, offset)
        out = sys.stdout
        for claim in page:
            out.write(claim.model_dump_json())
            out.write("\n")
        out.flush()
        if rest:
            err.print(f"… {rest} more not shown (use --limit 0 or --offset)", highlight=False)
        return
    console = Console()
    if not kept:
        console.print(f"No claims match ({len(loaded.claims)} in {outputs}).")
        return
    page, rest = paginate(kept, DEFAULT_LIMIT if limit is None else limit, offset)
    documents = loaded.documents_by_id()
    for group in group_by_subject(page, loaded.documents):
        console.rule(Text(f"{group.name} · {group.claim_count} claim(s)", style="bold"), align="left")
        for article in group.articles:
            doc_record = documents.get(article.doc_id)
            title = doc_record.title if doc_record and doc_record.title else article.doc_id
            date = article.published.isoformat() if article.published else "undated"
            heading = Text.assemble((title, "bold"), (f"  {date}  ", "dim"), (article.doc_id, "dim"))
            table = Table(title=heading, title_justify="left", show_header=False, expand=True, box=None, padding=(0, 1))
            table.add_column("status", no_wrap=True, width=12)
            table.add_column("claim", ratio=3)
            table.add_column("side", ratio=2)
            for claim in article.claims:
                table.add_row(Text(claim.status, style=STATUS_STYLES.get(claim.status, "")), claim_text(claim), claim_side(claim, loaded.decisions.get(claim.claim_id)))
            console.print(table)
    shown_from = offset + 1
    console.print(
        f"[dim]{len(page)} of {len(kept)} claim(s) shown ({shown_from}–{offset + len(page)})[/dim]", highlight=False
    )
    if rest:
        console.print(f"… {rest} more not shown (use --limit 0, or --offset {offset + len(page)})", highlight=False)
