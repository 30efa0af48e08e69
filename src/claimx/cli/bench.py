"""``claimx bench``: score claimx on a public benchmark (see :mod:`claimx.bench`).

The figures come from :func:`claimx.bench.run_benchmark`; this module only
prints them, headline figures last.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from ._app import Arg, Opt, app


@app.command("bench")
def bench_cli(
    name: str = Arg(
        ..., help="Benchmark: meantime, factuality-meantime, factuality-uw, tempeval3-platinum, polnear.",
        show_default=False,
    ),
    path: Path = Arg(..., help="The benchmark's folder (e.g. shared/benchmarks/meantime).", show_default=False),
    split: str | None = Opt(None, "--split", help="Split to score (default: test, or all for meantime)."),
    json_out: bool = Opt(False, "--json", help="Print the whole result as JSON on stdout, and nothing else."),
    limit: int | None = Opt(None, "--limit", help="Read only the first N documents (sentences for factuality)."),
    errors: bool = Opt(False, "--errors", help="Also list the errors: time expressions missed, spurious or with a wrong value; factuality targets given the wrong status, largest error first."),
    model: str | None = Opt(None, "--model", help="spaCy pipeline to run (default: claimx's default)."),
) -> None:
    """Measure claimx on a public benchmark and print its figures."""
    from ..bench import BENCHMARKS, run_benchmark
    from ..errors import ClaimxError
    from ..nlp import load_nlp

    if name not in BENCHMARKS:
        typer.echo(f"Unknown benchmark {name!r}; choose one of: {', '.join(BENCHMARKS)}", err=True)
        raise typer.Exit(2)
    if not path.exists():
        typer.echo(f"No such folder: {path}", err=True)
        raise typer.Exit(2)
    try:
        nlp = load_nlp(model)
        result = run_benchmark(name, path, nlp=nlp, split=split, limit=limit, progress=None if not json_out else False)
    except (ValueError, FileNotFoundError) as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2) from err
    except ClaimxError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1) from err
    data = result.to_dict()
    if json_out:
        typer.echo(json.dumps(data, indent=2))
        return
    figures = dict(data["figures"])
    listed = figures.pop("timex_errors", []) + figures.pop("target_errors", [])
    if errors:
        for e in listed:
            typer.echo("  " + "  ".join(f"{k}={v!r}" for k, v in e.items()))
    typer.echo(f"== claimx bench {name} ({data['split']}): {data['n_docs']} docs in {data['seconds']:.1f} s ==")
    for line in headline(figures):
        typer.echo(line)


def _f(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}"


def headline(figures: dict[str, Any]) -> list[str]:
    """RETURNS (list[str]): the benchmark's headline figures, one line each."""
    lines: list[str] = []
    status = figures.get("status")
    if "mae" in figures:
        lines.append(
            f"factuality     MAE {_f(figures['mae'])}  r {_f(figures['pearson_r'])}  "
            f"(all-factual MAE {_f(figures['all_factual_mae'])}, {figures['n_targets']} targets)"
        )
    if status:
        per = "  ".join(f"{s} {_f(v['f1'])}" for s, v in status["per_status"].items())
        lines.append(f"status F1      {per}")
        lines.append("confusion      rows gold, columns predicted: " + json.dumps(status["confusion"]))
        coverage = status.get("coverage", figures.get("coverage"))
        lines.append(
            f"status         accuracy {_f(status['accuracy'])}  macro-F1 {_f(status['macro_f1'])}  "
            f"(n {status['n']}, coverage {_f(coverage)})"
        )
    for key, label in (("baseline_all_confirmed", "all-confirmed"), ("baseline_context", "ConText-style")):
        base = figures.get(key)
        if base:
            extra = f"  MAE {_f(base['mae'])}  r {_f(base['pearson_r'])}" if "mae" in base else ""
            lines.append(
                f"baseline       {label:<14} accuracy {_f(base['accuracy'])}  macro-F1 {_f(base['macro_f1'])}{extra}"
            )
    timex = figures.get("timex")
    if timex:
        lines.append(
            f"timex          strict F1 {_f(timex['strict']['f1'])}  relaxed F1 {_f(timex['relaxed']['f1'])} "
            f"(P {_f(timex['relaxed']['precision'])} R {_f(timex['relaxed']['recall'])})  "
            f"value F1 {_f(timex['value_f1'])}  (value acc {_f(timex['value_accuracy'])}, "
            f"{timex['n_gold']} gold, {timex['n_pred']} predicted)"
        )
    for key in ("source", "cue"):
        for scope in ("claims", "all"):
            block = figures.get(f"{key}_{scope}")
            if block:
                lines.append(
                    f"{key:<6} ({scope:<6}) token P {_f(block['precision'])}  R {_f(block['recall'])}  F1 {_f(block['f1'])}"
                )
    return lines
