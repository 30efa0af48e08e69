"""``claimx eval``: score claimx's claims against a gold set.

The figures come from :func:`claimx.evaluate.evaluate`; this module only prints
them. The headline figures are printed last, so the tail of the output holds them.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import ClaimxError, GoldError
from ..schemas import STATUSES
from ._app import Arg, Opt, app

if TYPE_CHECKING:  # claimx.evaluate is imported by the command itself: every other command starts without it
    from ..evaluate import ChainResult, EvalResult


@app.command("eval")
def eval_cli(
    gold_dir: Path = Arg(
        ...,
        help="Gold set folder: articles/<id>.md with gold/<id>.jsonl and/or status_gold.jsonl (see ANNOTATION.md).",
        show_default=False,
    ),
    errors: bool = Opt(
        False, "--errors", help="Also list every missed, spurious and mis-classified claim, and every tracked fact the roll-up got wrong."
    ),
    json_out: bool = Opt(False, "--json", help="Print the whole result as JSON on stdout, and nothing else."),
    model: str | None = Opt(None, "--model", help="spaCy pipeline to extract with (default: claimx's default)."),
) -> None:
    """Extract claims from a gold set's articles and score them against its gold claims; with
    ``status_gold.jsonl``, add the articles one at a time in published order and score the roll-up's tracked facts."""
    from ..evaluate import evaluate, evaluate_chain, has_chain, load_chain_articles, load_gold, score
    from ..pipeline import extract_articles

    extract = functools.partial(extract_articles, model=model, progress=not json_out)

    result: EvalResult | None = None
    chain: ChainResult | None = None
    try:
        if has_chain(gold_dir):
            articles = load_chain_articles(gold_dir)
            gold = load_gold(gold_dir) if (gold_dir / "gold").is_dir() else None
            predictions = extract(articles)
            if gold is not None:
                result = score(gold, predictions)
            chain = evaluate_chain(gold_dir, predictions=predictions)
        else:
            result = evaluate(gold_dir, extract)
    except GoldError as err:
        typer.echo(f"Gold set error: {err}", err=True)
        raise typer.Exit(2) from err
    except ClaimxError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1) from err
    if json_out:
        data = result.to_dict() if result is not None else {}
        if chain is not None:
            data["chain"] = chain.to_dict()
        typer.echo(json.dumps(data, indent=2))
        return
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=max(console.width, 120))
    if chain is not None:
        print_chain(console, chain, errors=errors)
    if result is not None:
        print_result(console, result, errors=errors)
    if chain is not None:
        console.print(chain_line(chain))


def _share(n: int, total: int) -> str:
    return f"{n}/{total}" + (f" ({100 * n / total:.0f}%)" if total else "")


def chain_line(chain: ChainResult) -> str:
    """RETURNS (str): the chain's headline figures on one line."""
    n = chain.n_facts
    return (
        f"chain          {chain.n_docs} articles, {n} tracked facts: group found {_share(chain.found, n)}  "
        f"final status {_share(chain.status, n)}  whole history {_share(chain.history, n)}  value {_share(chain.value, n)}"
    )


def print_chain(console: Console, chain: ChainResult, *, errors: bool = False) -> None:
    """Print a chain's tracked facts: found / status / history / value per fact; with ``errors``,
    what was expected and what the roll-up gave for every fact not wholly right."""
    table = Table(title=f"Tracked facts ({chain.n_facts}; roll-up has {chain.groups} groups)")
    for name in ("subject", "topic", "key", "found", "status", "history", "value"):
        table.add_column(name, justify="left" if name in ("subject", "topic", "key") else "center")
    mark = {True: "✓", False: "✗"}
    for f in chain.facts:
        table.add_row(
            Text(f.subject), f.topic, Text(f.key), mark[f.found], mark[f.status_right], mark[f.history_right], mark[f.value_right]
        )
    console.print(table)
    if not errors:
        return
    lines = ["Tracked facts not wholly right:"]
    for f in chain.facts:
        if f.found and f.status_right and f.history_right and f.value_right:
            continue
        lines.append(f"  {f.subject} / {f.topic} / {f.key}")
        lines.append(f"      gold  [{f.gold_status}] value {f.gold_value!r}  history {' '.join(f.gold_history)}")
        if f.found:
            lines.append(
                f"      pred  {f.pred_subject} / {f.pred_topic} / {f.pred_key} [{f.pred_status}] value {f.pred_value!r}  "
                f"history {' '.join(f.pred_history)}"
            )
        else:
            lines.append("      pred  no group")
    for line in lines:
        console.print(Text(line), soft_wrap=True)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_result(console: Console, result: EvalResult, *, errors: bool = False) -> None:
    """Print an evaluation: tables, the error lists if asked, headline figures last.

    console (Console): where to print.
    result (EvalResult): the scores.
    errors (bool): also list every missed, spurious and mis-classified claim.
    """
    docs = Table(title="Per document")
    for name in ("doc", "gold", "pred", "matched", "claim F1", "status acc", "claim+status F1"):
        docs.add_column(name, justify="left" if name == "doc" else "right")
    for d in result.per_doc:
        docs.add_row(
            Text(d.doc_id), str(d.gold), str(d.pred), str(d.matched),
            _fmt(d.claim_f1), _fmt(d.status_accuracy), _fmt(d.claim_status_f1),
        )
    console.print(docs)

    statuses = Table(title="Status over matched pairs")
    for name in ("status", "P", "R", "F1", "support", "predicted"):
        statuses.add_column(name, justify="left" if name == "status" else "right")
    for s in result.per_status:
        statuses.add_row(s.status, _fmt(s.precision), _fmt(s.recall), _fmt(s.f1), str(s.support), str(s.predicted))
    console.print(statuses)

    confusion = Table(title="Confusion (rows: gold, columns: predicted)")
    confusion.add_column("gold \\ pred")
    for s in STATUSES:
        confusion.add_column(s, justify="right")
    for g in STATUSES:
        confusion.add_row(g, *(str(result.confusion[g][p]) for p in STATUSES))
    console.print(confusion)

    if errors:
        _print_errors(console, result)

    c, cs, a = result.claims, result.claim_status, result.attribution
    console.print(
        f"== claimx eval: {result.n_docs} docs, {result.n_gold} gold claims, "
        f"{result.n_pred} predicted, {result.n_matched} matched =="
    )
    console.print(f"claims         P {_fmt(c.precision)}  R {_fmt(c.recall)}  F1 {_fmt(c.f1)}")
    console.print(
        f"status         accuracy {_fmt(result.status_accuracy)}  macro-F1 {_fmt(result.status_macro_f1)}"
    )
    console.print(f"claim+status   P {_fmt(cs.precision)}  R {_fmt(cs.recall)}  F1 {_fmt(cs.f1)}")
    console.print(
        f"attribution    P {_fmt(a.precision)}  R {_fmt(a.recall)}  F1 {_fmt(a.f1)}"
        f"  (tp {a.tp}, fp {a.fp}, fn {a.fn})"
    )
    console.print(
        f"dates          accuracy {_fmt(result.dates.accuracy)}  ({result.dates.found}/{result.dates.gold})"
    )
    console.print(
        f"topic          accuracy {_fmt(result.topic_accuracy)}"
        f"  ({result.n_matched - len(result.topic_errors)}/{result.n_matched})"
    )


def _print_errors(console: Console, result: EvalResult) -> None:
    """Every error, grouped by category (largest first) after a summary of the
    categories, one unwrapped line each, so the next person sees where the rest is."""
    groups: dict[str, list[str]] = {}
    for m in result.missed:
        groups.setdefault(f"claim missed ({m.category})", []).append(f"  {m.doc_id}:{m.line} [{m.status}] {m.text}")
    for s in result.spurious:
        groups.setdefault(f"claim spurious ({s.category})", []).append(f"  {s.doc_id} [{s.status}] {s.text}")
    for c in result.misclassified:
        groups.setdefault(f"status: {c.category}", []).append(
            f"  {c.doc_id}:{c.line} gold {c.gold_text}  cues {c.gold_cues}\n      pred {c.pred_text}  cues {c.pred_cues}"
        )
    for a in result.attribution_errors:
        groups.setdefault(f"attribution: {a.category}", []).append(
            f"  {a.doc_id}:{a.line} gold {a.gold_source!r} pred {a.pred_source!r}  | {a.gold_text}"
        )
    for t in result.topic_errors:
        groups.setdefault(f"topic: {t.category}", []).append(f"  {t.doc_id}:{t.line} {t.gold_text}")
    for d in result.dates_missed:
        gold = f"{d.value}/{d.mod}" if d.mod else d.value
        groups.setdefault("date missed or misread", []).append(
            f"  {d.doc_id}:{d.line} {d.text!r} gold {gold}  predicted {', '.join(d.predicted) or 'nothing'}"
        )
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    lines = ["Errors by category:"]
    lines += [f"  {len(items):4d}  {name}" for name, items in ordered]
    for name, items in ordered:
        lines.append(f"{name} ({len(items)}):")
        lines += items
    for line in lines:
        console.print(Text(line), soft_wrap=True)
