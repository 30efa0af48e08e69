"""``claimx report``: write one self-contained HTML file to read the claims in."""

from __future__ import annotations

from pathlib import Path

import typer
from wasabi import msg

from ..errors import ClaimxError
from ._app import Arg, Opt, app


@app.command("report")
def report_cli(
    outputs: Path = Arg(Path("outputs"), help="The folder `claimx run` wrote claims.jsonl and documents.jsonl to."),
    output: Path = Opt(Path("report.html"), "--output", "-o", help="The HTML file to write."),
    corpus: Path = Opt(Path("corpus"), "--corpus", "-c", help="The corpus folder the run read (article bodies are shown from it)."),
    follow_symlinks: bool = Opt(False, "--follow-symlinks", help="Show articles that are links to files outside the corpus folder (as `claimx run --follow-symlinks` read them)."),
) -> None:
    """Write an HTML report: the tracked facts and what the last run changed, a
    timeline, and every article with its claims highlighted.

    The file is self-contained (no network). Articles missing from --corpus,
    or changed since the run, are shown as a list of claims without the text.
    """
    from ..report import write_report

    try:
        summary = write_report(outputs, output, corpus, follow_symlinks=follow_symlinks)
    except ClaimxError as exc:
        msg.fail(str(exc))
        raise typer.Exit(2) from None
    if summary.bodies_missing:
        msg.warn(
            f"{len(summary.bodies_missing)} article(s) shown without their text "
            f"(not found or changed in {corpus}; pass --corpus)"
        )
    msg.good(f"{summary.claims} claims from {summary.articles} articles -> {summary.path}")
