"""``claimx schema``: print the JSON Schema of the records.

The record types are the extraction records (:data:`claimx.schemas.RECORD_TYPES`)
and the store's views (status lines, changes, decisions): this module stands
above both, so :mod:`claimx.schemas` imports neither the roll-up nor the decisions.
"""

from __future__ import annotations

import json
from typing import Any

import typer
from pydantic import BaseModel

from ..decisions import DecisionView
from ..schemas import RECORD_TYPES
from ..status import StatusChange, StatusRecord
from ._app import Arg, app


def record_types() -> dict[str, type[BaseModel]]:
    """RETURNS (dict): every record type claimx writes, by name: the extraction
    records and the store's views (status lines, changes, decisions)."""
    return {**RECORD_TYPES, "status": StatusRecord, "status_change": StatusChange, "decision": DecisionView}


def json_schema(name: str) -> dict[str, Any]:
    """RETURNS (dict): the JSON Schema of the record type ``name``."""
    return record_types()[name].model_json_schema()


def all_json_schemas() -> str:
    """RETURNS (str): every record type's JSON Schema, as one indented JSON object."""
    return json.dumps({name: json_schema(name) for name in record_types()}, indent=2, sort_keys=True)


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
