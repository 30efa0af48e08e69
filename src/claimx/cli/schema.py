"""``claimx schema``: print the JSON Schema of the records."""

from __future__ import annotations

import json

import typer

from ..schemas import all_json_schemas, json_schema, record_types
from ._app import Arg, app


@app.command("schema")
def schema_cli(
    record: str = Arg(
        None,
        help="Only this record type (claim, document, article, status, status_change, decision); all of them when left out.",
        show_default=False,
    ),
) -> None:
    """Print the JSON Schema of claimx's records (claims.jsonl, documents.jsonl)."""
    if record is None:
        typer.echo(all_json_schemas())
        return
    if record not in record_types():
        typer.echo(
            f"Unknown record type {record!r}: choose one of {', '.join(record_types())}.", err=True
        )
        raise typer.Exit(2)
    typer.echo(json.dumps(json_schema(record), indent=2, sort_keys=True))
