"""``claimx status``: the current status of every tracked (subject, topic, key)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from wasabi import msg

from ..errors import ClaimxError
from ._app import Arg, Opt, app

if TYPE_CHECKING:
    from rich.text import Text

    from ..explain import Explanation, Mark

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
    explain: str = Opt(
        None,
        "--explain",
        "-e",
        help="Why each fact of this subject stands where it does: its history, article by article, with the sentence that spoke and its cue words.",
        show_default=False,
    ),
    corpus: Path = Opt(
        None,
        "--corpus",
        "-c",
        help="With --explain: the corpus folder to read the sentences from (default: the one the last run read).",
        show_default=False,
    ),
) -> None:
    """Show what each tracked claim's status is now, across all articles.

    --explain SUBJECT shows why: each fact of the subject, step by step, with
    the sentence that spoke and its cue words.
    """
    from ..schemas import TOPICS
    from ..status import filter_changes, filter_records, read_status

    if topic and topic not in TOPICS:
        msg.fail(f"Unknown topic {topic!r}: choose one of {', '.join(TOPICS)}.")
        raise typer.Exit(2)
    if explain is not None:
        if subject:
            msg.fail("--explain takes the subject itself: drop --subject.")
            raise typer.Exit(2)
        _explain(outputs, explain, corpus=corpus, topic=topic, changed=changed, as_json=as_json)
        return
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
        rows = []
        for c in shown_changes:
            value = c.after_value if c.before_value == c.after_value else f"{c.before_value or '-'} → {c.after_value or '-'}"
            article = f"{c.doc_id} ({c.published})" if c.doc_id and c.published else (c.doc_id or "")
            rows.append((c.subject, c.topic, c.key, (c.before, c.after), value or "", article))
        _print_table(f"Status changes in the last run ({len(shown_changes)})", ("subject", "topic", "key", "change", "value", "article"), rows)
        return
    shown = filter_records(records, subject=subject, topic=topic)
    if as_json:
        typer.echo(json.dumps([r.model_dump(mode="json") for r in shown], indent=2, ensure_ascii=False))
        return
    rows = []
    for r in shown:
        article = f"{r.doc_id} ({r.published})" if r.published else r.doc_id
        rows.append((r.subject, r.topic, r.key, (r.status,), r.value or "", article, tuple(step.status for step in r.history)))
    _print_table(
        f"Status of {len(shown)} tracked subject/topic/key group(s)",
        ("subject", "topic", "key", "status", "value", "article", "history"),
        rows,
    )


def _print_table(title: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """A table on a terminal; piped or redirected, a header and one tab-separated line per row (never wrapped).

    A cell that is a tuple holds statuses, joined by arrows (coloured on a terminal).
    """
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        typer.echo("\t".join(columns))
        for row in rows:
            cells = (" → ".join(s or "none" for s in cell) if isinstance(cell, tuple) else cell for cell in row)
            typer.echo("\t".join(str(c).replace("\t", " ") for c in cells))
        return
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(" → ".join(_styled(s) for s in cell) if isinstance(cell, tuple) else cell for cell in row))
    console.print(table)


#: Plain-text markers around the claim and its cue words when the output is not a terminal.
CLAIM_MARKERS = ("«", "»")
CUE_MARKER = "*"


def _explain(outputs: Path, query: str, *, corpus: Path | None, topic: str | None, changed: bool, as_json: bool) -> None:
    """Print ``claimx status --explain``: one subject's facts, step by step."""
    from rich.console import Console

    from ..explain import SubjectMatchError, explain_outputs

    try:
        explanation = explain_outputs(outputs, query, corpus=corpus, topic=topic, changed_only=changed)
    except SubjectMatchError as exc:
        typer.secho(f"✘ {exc}", fg="red")  # one line, not wrapped
        raise typer.Exit(1) from None
    except ClaimxError as exc:
        msg.fail(str(exc))
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(explanation.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return
    console = Console(highlight=False)
    if console.is_terminal:
        for line in explain_lines(explanation, styled=True):
            console.print(line)
    else:
        for line in explain_lines(explanation, styled=False):
            typer.echo(line.plain)


def _one_line(text: str) -> str:
    """RETURNS (str): ``text`` with every whitespace character a space (offsets kept)."""
    return "".join(" " if char.isspace() else char for char in text)


def _status_text(status: str | None, styled: bool) -> Text:
    from rich.text import Text

    return Text(status or "none", style=STATUS_STYLES.get(status or "", "") if styled else "")


def marked_sentence(sentence: str, marks: list[Mark], styled: bool) -> Text:
    """The sentence with its claim and cue words marked.

    styled (bool): underline the claim in its status colour and embolden the
        cues (a terminal); else put the claim in « » and the cues in * *.
    RETURNS (rich.text.Text): the marked sentence.
    """
    from rich.text import Text

    claims = [m for m in marks if m.kind == "claim"]
    cues = [m for m in marks if m.kind == "cue"]
    if styled:
        text = Text(sentence)
        for m in claims:
            text.stylize(f"underline {STATUS_STYLES.get(m.status, '')}".strip(), m.start, m.end)
        for m in cues:
            text.stylize("bold reverse", m.start, m.end)
        return text
    cuts = sorted({0, len(sentence), *(p for m in marks for p in (m.start, m.end))})
    out: list[str] = []
    in_claim = in_cue = False
    for start, end in zip(cuts, cuts[1:]):
        claim_now = any(m.start <= start and end <= m.end for m in claims)
        cue_now = any(m.start <= start and end <= m.end for m in cues)
        if in_cue and not cue_now:
            out.append(CUE_MARKER)
        if claim_now != in_claim:
            out.append(CLAIM_MARKERS[0] if claim_now else CLAIM_MARKERS[1])
        if cue_now and not in_cue:
            out.append(CUE_MARKER)
        out.append(sentence[start:end])
        in_claim, in_cue = claim_now, cue_now
    if in_cue:
        out.append(CUE_MARKER)
    if in_claim:
        out.append(CLAIM_MARKERS[1])
    return Text("".join(out))


def explain_lines(explanation: Explanation, styled: bool) -> list[Text]:
    """The lines of ``claimx status --explain``, as rich Text (never parsed as markup).

    explanation (Explanation): what :func:`claimx.explain.explain` returned.
    styled (bool): colours and bold for a terminal; else plain markers.
    RETURNS (list[rich.text.Text]): the lines.
    """
    from rich.text import Text

    lines: list[Text] = []
    head = Text()
    head.append(explanation.subject, style="bold" if styled else "")
    if explanation.names:
        head.append(f" (also {', '.join(explanation.names)})")
    head.append(f": {len(explanation.facts)} tracked fact(s)")
    head.append(
        " — claim underlined, cue words highlighted" if styled else f" — claim in {CLAIM_MARKERS[0]} {CLAIM_MARKERS[1]}, cue words in {CUE_MARKER} {CUE_MARKER}"
    )
    lines.append(head)
    for fact in explanation.facts:
        lines.append(Text(""))
        line = Text()
        line.append(f"{fact.topic} / {fact.key}: ", style="bold" if styled else "")
        line.append_text(_status_text(fact.status, styled))
        if fact.value:
            line.append(f" [{fact.value}]")
        if fact.changed == "new":
            line.append("   new in the last run", style="italic" if styled else "")
        elif fact.changed:
            line.append(f"   changed in the last run: {fact.changed}", style="italic" if styled else "")
        lines.append(line)
        for number, step in enumerate(fact.history, 1):
            line = Text(f"  {number}. {step.published.isoformat() if step.published else 'undated'}  ")
            line.append_text(_status_text(step.status, styled))
            if step.value:
                line.append(f" [{step.value}]")
            line.append(f"  {step.doc_id}")
            if step.title:
                line.append(f" “{step.title}”", style="dim" if styled else "")
            if step.reviewed:
                line.append("  (reviewed)")
            lines.append(line)
            sentence = Text("     ")
            sentence.append_text(marked_sentence(_one_line(step.sentence), step.marks, styled))
            sentence.rstrip()
            lines.append(sentence)
            if step.source:
                lines.append(Text(f"     source: {step.source.text} ({step.source.kind})", style="dim" if styled else ""))
            if step.note:
                lines.append(Text(f"     ({step.note})", style="dim" if styled else ""))
    if not explanation.facts:
        lines.append(Text("No tracked facts shown (check --topic / --changed)."))
    return lines
