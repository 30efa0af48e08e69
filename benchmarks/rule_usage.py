"""Which rules pay: per-rule firing counts, and an ablation by rule group.

    python benchmarks/realnews/build.py          # the PolNeAR articles of realnews-dev, once
    python benchmarks/rule_usage.py [--out benchmarks/_data/rule_usage.json] [--jobs 2] [--no-ablation]

Usage: every article of the dev gold sets (``../shared/devset``,
``../shared/realdev``, ``benchmarks/goldset-2``, ``benchmarks/goldset-3``),
of ``benchmarks/realnews-dev`` (articles only) and of ``corpus/`` goes through
the pipeline; each rule's firings (``doc._.rules_fired``) are counted per set.
Temporal rules that only find TIMEX3 outside claims (durations, sets, clock
times) are counted apart, with every TIMEX3 sought as ``claimx bench`` does.

Ablation: for each group (a pack's rules of one category, kind or type, or a
whole small pack) a copy of the pack without that group is written, the four
gold sets are extracted with it (``CLAIMX_RULES``) and scored as ``claimx
eval`` scores them; the table gives each set's change in claim+status F1 and in
status macro-F1 against the full pack (negative: the group helps).

The held-out sets (``benchmarks/realnews-held``, ``benchmarks/chains-held``)
are never read.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"

#: name -> folder: the sets whose articles are counted (gold: also scored)
GOLD_SETS = {
    "devset": SHARED / "devset",
    "realdev": SHARED / "realdev",
    "goldset-2": HERE / "goldset-2",
    "goldset-3": HERE / "goldset-3",
}
ARTICLE_SETS = {"realnews-dev": HERE / "realnews-dev", "corpus": ROOT / "corpus"}

#: pack file -> the field that groups its rules (None: the whole pack is one group)
GROUP_FIELD = {
    "cues.jsonl": "category",
    "scope.jsonl": "kind",
    "attribution.jsonl": "kind",
    "topics.jsonl": "topic",
    "nonclaims.jsonl": "kind",
    "segmentation.jsonl": "kind",
    "temporal.jsonl": "type",
    "normalize.jsonl": None,
    "entities.jsonl": None,
}


def _pack_dir() -> Path:
    from claimx.rules import default_rules_dir

    return default_rules_dir()


def _rules(pack_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """RETURNS (dict): pack file -> its rules as plain dicts, in file order."""
    return {
        name: [json.loads(line) for line in (pack_dir / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        for name in GROUP_FIELD
    }


def _group(name: str, rule: dict[str, Any]) -> str:
    field = GROUP_FIELD[name]
    return f"{name.removesuffix('.jsonl')}:{rule[field]}" if field else name.removesuffix(".jsonl")


def _articles(folder: Path) -> list[Any]:
    from claimx.read.corpus import read_corpus
    from claimx.schemas import Article

    root = folder / "articles" if (folder / "articles").is_dir() else folder
    return [a for a in read_corpus(root) if isinstance(a, Article)]


# -- usage ---------------------------------------------------------------------


def usage() -> dict[str, dict[str, dict[str, int]]]:
    """RETURNS (dict): set -> {"pipeline": rule id -> firings, "timex": rule id -> firings}."""
    from claimx.claims.dates import find_timexes
    from claimx.nlp import load_nlp, pipe_articles

    nlp = load_nlp()
    counts: dict[str, dict[str, dict[str, int]]] = {}
    for name, folder in {**GOLD_SETS, **ARTICLE_SETS}.items():
        pipeline: Counter[str] = Counter()
        timex: Counter[str] = Counter()
        articles = _articles(folder)
        for _, doc in pipe_articles(nlp, articles):
            pipeline.update(rule for rule, _, _ in doc._.rules_fired or [])
            before = len(doc._.rules_fired or [])
            find_timexes(doc)
            timex.update(rule for rule, _, _ in (doc._.rules_fired or [])[before:])
        counts[name] = {"articles": {"n": len(articles)}, "pipeline": dict(pipeline), "timex": dict(timex)}
        print(f"usage: {name}: {len(articles)} articles", file=sys.stderr)
    return counts


# -- ablation ------------------------------------------------------------------


def score_sets() -> dict[str, dict[str, float | None]]:
    """Extract and score the four gold sets with the pack in ``$CLAIMX_RULES`` (one process, one model load)."""
    from claimx.evaluate import load_gold, score
    from claimx.fingerprint import extractor_info
    from claimx.nlp import load_nlp, model_info, pipe_articles
    from claimx.records import doc_records

    nlp = load_nlp()
    extractor = extractor_info(*model_info(nlp))
    out: dict[str, dict[str, float | None]] = {}
    for name, folder in GOLD_SETS.items():
        gold = load_gold(folder)
        predictions = {a.doc_id: doc_records(doc, a, extractor) for a, doc in pipe_articles(nlp, gold.articles())}
        result = score(gold, predictions)
        out[name] = {
            "claim_status_f1": result.claim_status.f1,
            "status_macro_f1": result.status_macro_f1,
            "claims_f1": result.claims.f1,
            "attribution_f1": result.attribution.f1,
            "date_accuracy": result.dates.accuracy,
        }
    return out


def _worker(pack: Path | None) -> dict[str, Any]:
    env = dict(os.environ)
    if pack is not None:
        env["CLAIMX_RULES"] = str(pack)
    done = subprocess.run(
        [sys.executable, __file__, "--score"], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout)


def _drop_references(path: Path, field: str, ids: set[str]) -> None:
    """Remove ``ids`` from the list ``field`` of every rule of ``path`` (lines that name none stay as they are)."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rule = json.loads(line) if line.strip() else {}
        if set(rule.get(field) or ()) & ids:
            rule[field] = [i for i in rule[field] if i not in ids]
            line = json.dumps(rule, ensure_ascii=False)
        lines.append(line)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def ablation(jobs: int = 2, per_rule: list[str] | None = None, fired: set[str] | None = None) -> dict[str, Any]:
    """RETURNS (dict): "full" -> scores; "groups" -> group -> {rules, scores or error}.

    per_rule (list[str]): groups whose rules are also removed one at a time
    (only those in ``fired``, the rules that fire on some gold set).
    """
    pack_dir = _pack_dir()
    rules = _rules(pack_dir)
    groups: dict[str, tuple[str, set[str]]] = {}
    for name, lines in rules.items():
        for rule in lines:
            groups.setdefault(_group(name, rule), (name, set()))[1].add(rule["id"])
            if per_rule and _group(name, rule) in per_rule and rule["id"] in (fired or set()):
                groups[f"rule:{rule['id']}"] = (name, {rule["id"]})
    tmp = Path(tempfile.mkdtemp(prefix="claimx-ablation-"))
    packs: dict[str, Path] = {}
    for group, (name, ids) in groups.items():
        pack = tmp / group.replace(":", "-")
        shutil.copytree(pack_dir, pack)
        kept = [line for line in (pack_dir / name).read_text(encoding="utf-8").splitlines() if line.strip() and json.loads(line)["id"] not in ids]
        (pack / name).write_text("".join(line + "\n" for line in kept), encoding="utf-8")
        if name == "scope.jsonl":
            # a removed keep or terminator leaves no reference to it behind
            for other, field in (("scope.jsonl", "unless"), ("cues.jsonl", "terminated_by")):
                _drop_references(pack / other, field, ids)
        packs[group] = pack
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        full = pool.submit(_worker, None)
        futures = {group: pool.submit(_worker, pack) for group, pack in packs.items()}
        result = {"full": full.result(), "groups": {}}
        for group, future in futures.items():
            result["groups"][group] = {"rules": len(groups[group][1]), "scores": future.result()}
            print(f"ablation: {group} done", file=sys.stderr)
    shutil.rmtree(tmp, ignore_errors=True)
    return result


# -- report --------------------------------------------------------------------


def table(report: dict[str, Any]) -> str:
    """RETURNS (str): the Markdown tables of a report (usage headline, ablation deltas)."""
    lines: list[str] = []
    use = report["usage"]
    sets = list(use)
    rules = report["rules"]
    fired_any = {r for s in sets for r in use[s]["pipeline"]} | {r for s in sets for r in use[s]["timex"]}
    lines.append("| pack | rules | " + " | ".join(f"fire on {s} ({use[s]['articles']['n']})" for s in sets) + " | fire on some set | fire nowhere |")
    lines.append("|---|---|" + "---|" * (len(sets) + 2))
    for name, ids in rules.items():
        per_set = [sum(1 for i in ids if i in use[s]["pipeline"] or i in use[s]["timex"]) for s in sets]
        n = sum(1 for i in ids if i in fired_any)
        lines.append(f"| {name} | {len(ids)} | " + " | ".join(str(k) for k in per_set) + f" | {n} | {len(ids) - n} |")
    if "ablation" in report:
        ab = report["ablation"]
        full = ab["full"]
        gold = list(GOLD_SETS)
        lines.append("")
        lines.append("| group removed | rules | " + " | ".join(f"{s} Δ c+s F1 / Δ macro-F1" for s in gold) + " | mean Δ c+s F1 / Δ macro-F1 | mean Δ attribution F1 / Δ dates |")
        lines.append("|---|---|" + "---|" * (len(gold) + 2))
        unchanged = []
        for group, data in sorted(ab["groups"].items(), key=lambda kv: _mean_delta(full, kv[1]["scores"])):
            scores = data["scores"]
            if group.startswith("rule:"):
                continue  # one rule at a time: in the JSON report
            if "error" not in scores and all(scores[s] == full[s] for s in gold):
                unchanged.append(f"{group} ({data['rules']})")
                continue
            if "error" in scores:
                lines.append(f"| {group} | {data['rules']} | " + " | ".join("fails to load" for _ in gold) + " | — | — |")
                continue
            cells = [
                f"{_d(scores[s]['claim_status_f1'], full[s]['claim_status_f1'])} / {_d(scores[s]['status_macro_f1'], full[s]['status_macro_f1'])}"
                for s in gold
            ]
            cs, mf = _mean_delta(full, scores)
            at, da = (
                sum((scores[s][k] or 0) - (full[s][k] or 0) for s in gold) / len(gold)
                for k in ("attribution_f1", "date_accuracy")
            )
            lines.append(f"| {group} | {data['rules']} | " + " | ".join(cells) + f" | {cs:+.3f} / {mf:+.3f} | {at:+.3f} / {da:+.3f} |")
        if unchanged:
            lines.append("")
            lines.append("No change in any score of the four sets: " + ", ".join(unchanged) + ".")
    return "\n".join(lines)


def _d(value: float | None, base: float | None) -> str:
    if value is None or base is None:
        return "—"
    return f"{value - base:+.3f}"


def _mean_delta(full: dict[str, Any], scores: dict[str, Any]) -> tuple[float, float]:
    if "error" in scores:
        return (-9.0, -9.0)
    cs = [scores[s]["claim_status_f1"] - full[s]["claim_status_f1"] for s in GOLD_SETS]
    mf = [(scores[s]["status_macro_f1"] or 0) - (full[s]["status_macro_f1"] or 0) for s in GOLD_SETS]
    return sum(cs) / len(cs), sum(mf) / len(mf)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "_data" / "rule_usage.json")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-ablation", action="store_true")
    parser.add_argument("--per-rule", default="", help="comma-separated groups to ablate rule by rule as well (e.g. cues:ignore)")
    parser.add_argument("--score", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--table", type=Path, help="print the tables of an earlier report and stop")
    args = parser.parse_args()
    if args.score:
        print(json.dumps(score_sets()))
        return
    if args.table:
        print(table(json.loads(args.table.read_text())))
        return
    report: dict[str, Any] = {"rules": {n: [r["id"] for r in lines] for n, lines in _rules(_pack_dir()).items()}}
    report["usage"] = usage()
    if not args.no_ablation:
        fired = {r for name in GOLD_SETS for r in report["usage"][name]["pipeline"]}
        per_rule = [g for g in args.per_rule.split(",") if g]
        report["ablation"] = ablation(args.jobs, per_rule, fired)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1))
    print(table(report))
    print(f"\nwritten: {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
