"""``claimx mark``: record a reviewer's decision on a claim."""

from __future__ import annotations

from pathlib import Path

import typer
from wasabi import msg

from ._app import Arg, Opt, app, command_log


@app.command("mark")
def mark_cli(
    claim_id: str = Arg(..., help="The claim's id, as in claims.jsonl.", show_default=False),
    accept: bool = Opt(False, "--accept", help="The claim and its status are right."),
    reject: bool = Opt(False, "--reject", help="Not a claim, or wrong: it stops counting."),
    status: str = Opt(None, "--status", help="The right status (confirmed, expected, rumored, denied, unconfirmed).", show_default=False),
    note: str = Opt(None, "--note", help="Why, for the next reviewer.", show_default=False),
    outputs: Path = Opt(Path("outputs"), "--outputs", "-o", help="The outputs folder of the run."),
) -> None:
    """Record a reviewer's decision; it is applied in every view and survives re-extraction."""
    from ..views import mark

    chosen = [name for name, on in (("accept", accept), ("reject", reject), ("status", status is not None)) if on]
    if len(chosen) != 1:
        msg.fail("Give exactly one of --accept, --reject or --status S.")
        raise typer.Exit(2)
    with command_log(outputs):
        decision = mark(outputs, claim_id, action=chosen[0], status=status, note=note)
    what = f"status {decision.status}" if decision.action == "status" else decision.action
    msg.good(f"{claim_id}: {what} recorded (decision {decision.decision_id}); views in {outputs} updated")
