"""``claimx status``: the current status of every tracked (subject, topic, key)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from wasabi import msg

from ..errors import ClaimxError
from ._app import Arg, Opt, app

#: Rich style of each status.
STATUS_STYLES: dict[str, str] = {
    "confirmed": "bold green",
    "expected": "cyan",
    "rumored": "yellow",
    "denied": "bold red",
    "unconfirmed": "magenta",
}


def _styled(status: str | None) -> str:
    if not status:
        return "[dim]none[/dim]"
    style = STATUS_STYLES.get(status, "")
    return f"[{style}]{status}[/{style}]" if style else status


@app.command("status")
def status_cli(
    outputs: Path = Arg(Path("outputs"), help="An outputs folder written by 'claimx run'."),
    changed: bool = Opt(False, "--changed", help="Only what the last run changed, with the transition."),
    subject: str = Opt(None, "--subject", "-s", help="Only subjects whose name contains this.", show_default=False),
    topic: str = Opt(None, "--topic", "-t", help="Only this topic.", show_default=False),
    as_json: bool = Opt(False, "--json", help="JSON for scripts instead of a table."),
) -> None:
    """Show what each tracked claim's status is now, across all articles."""
    from rich.console import Console
    from rich.table import Table

    from ..schemas import TOPICS
    from ..status import filter_changes, filter_records, read_status

    if topic and topic not in TOPICS:
        msg.fail(f"Unknown topic {topic!r}: choose one of {', '.join(TOPICS)}.")
        raise typer.Exit(2)
    try:
        records, changes = read_status(outputs)
    except ClaimxError as exc:
        msg.fail(str(exc))
        raise typer.Exit(2) from None
    if changed:
        shown_changes = filter_changes(changes, subject=subject, topic=topic)
        if as_json:
            typer.echo(json.dumps([c.model_dump(mode="json") for c in shown_changes], indent=2, ensure_ascii=False))
            return
        table = Table(title=f"Status changes in the last run ({len(shown_changes)})")
        for column in ("subject", "topic", "key", "change", "value", "article"):
            table.add_column(column)
        for c in shown_changes:
            value = c.after_value if c.before_value == c.after_value else f"{c.before_value or '-'} → {c.after_value or '-'}"
            article = f"{c.doc_id} ({c.published})" if c.doc_id and c.published else (c.doc_id or "")
            table.add_row(c.subject, c.topic, c.key, f"{_styled(c.before)} → {_styled(c.after)}", value or "", article)
        Console().print(table)
        return
    shown = filter_records(records, subject=subject, topic=topic)
    if as_json:
        typer.echo(json.dumps([r.model_dump(mode="json") for r in shown], indent=2, ensure_ascii=False))
        return
    table = Table(title=f"Status of {len(shown)} tracked subject/topic/key group(s)")
    for column in ("subject", "topic", "key", "status", "value", "article", "history"):
        table.add_column(column)
    for r in shown:
        article = f"{r.doc_id} ({r.published})" if r.published else r.doc_id
        history = " → ".join(_styled(step.status) for step in r.history)
        table.add_row(r.subject, r.topic, r.key, _styled(r.status), r.value or "", article, history)
    Console().print(table)
