"""The typer app every ``claimx`` command registers on, and shared CLI helpers."""

from __future__ import annotations

import typer

Arg = typer.Argument
Opt = typer.Option

app = typer.Typer(
    name="claimx",
    help=(
        "Hedging-aware claim extraction from news articles: what is confirmed, "
        "expected, rumored, denied or unconfirmed, with the words that show it."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
