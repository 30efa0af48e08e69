"""Which rules pay: per-rule firing counts, and an ablation by rule group.

    python benchmarks/realnews/build.py          # the PolNeAR articles of realnews-dev, once
    python benchmarks/rule_usage.py [--out benchmarks/_data/rule_usage.json] [--jobs 2] [--no-ablation]
                                    [--sets devset realdev NAME=FOLDER ...]

Usage: every article of the gold sets (by default the four dev gold sets
written for the project, ``../shared/devset``, ``../shared/realdev``,
``benchmarks/goldset-2``, ``benchmarks/goldset-3``, and the published news of
``benchmarks/realnews-dev``; ``--sets`` names others, a known name or
``NAME=FOLDER``) and of ``corpus/`` goes through the pipeline; each rule's
firings (``doc._.rules_fired``) are counted per set.
Temporal rules that only find TIMEX3 outside claims (durations, sets, clock
times) are counted apart, with every TIMEX3 sought as ``claimx bench`` does.

Ablation: for each group (a pack's rules of one category, kind or type, or a
whole small pack) a copy of the pack without that group is written, the gold
sets are extracted with it (``CLAIMX_RULES``) and scored as ``claimx eval``
scores them; the table gives each set's change in claim+status F1 and in
status macro-F1 against the full pack (negative: the group helps). Where
the group is a lexicon that patterns name or a role a component asks, one
rule of it that matches no word stands in, so that the pack loads. A group
none of whose rules fired on any gold set is not ablated (nothing it could
change): the table lists it apart.

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

#: name -> folder: the gold sets known by name (articles counted and scored)
KNOWN_SETS = {
    "devset": SHARED / "devset",
    "realdev": SHARED / "realdev",
    "goldset-2": HERE / "goldset-2",
    "goldset-3": HERE / "goldset-3",
    "realnews-dev": HERE / "realnews-dev",
}
#: the gold sets of a run; ``--sets`` replaces them
GOLD_SETS = dict(KNOWN_SETS)
#: sets whose articles are only counted
ARTICLE_SETS = {"corpus": ROOT / "corpus"}


def set_folders(specs: list[str]) -> dict[str, Path]:
    """RETURNS (dict): name -> folder for ``--sets`` values (a known name, or ``NAME=FOLDER``)."""
    out: dict[str, Path] = {}
    for spec in specs:
        name, _, folder = spec.partition("=")
        if folder:
            out[name] = Path(folder)
        elif name in KNOWN_SETS:
            out[name] = KNOWN_SETS[name]
        else:
            raise SystemExit(f"--sets: {name!r} is no known set ({', '.join(KNOWN_SETS)}): write NAME=FOLDER")
    return out

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


def _articles(folder: Path, gold: bool = False) -> list[Any]:
    from claimx.evaluate import load_gold
    from claimx.read.corpus import read_corpus
    from claimx.schemas import Article

    if gold:
        return list(load_gold(folder).articles())
    root = folder / "articles" if (folder / "articles").is_dir() else folder
    return [a for a in read_corpus(root) if isinstance(a, Article)]


# -- usage ---------------------------------------------------------------------


def _parse_end(nlp: Any) -> int:
    """RETURNS (int): how many of the pipeline's components make the parse (the base model's, and claimx's among them)."""
    names = [name for name, _ in nlp.pipeline]
    return max(i for i, name in enumerate(names) if not name.startswith("claimx_")) + 1


def _run(nlp: Any, doc: Any, start: int, end: int | None = None) -> Any:
    for _, proc in nlp.pipeline[start:end]:
        doc = proc(doc)
    return doc


def usage(parses: Path | None = None) -> dict[str, dict[str, dict[str, int]]]:
    """RETURNS (dict): set -> {"pipeline": rule id -> firings, "timex": rule id -> firings}.

    parses (Path): where to keep each gold set's parse (a DocBin of its Docs
    as the base model leaves them), so that an ablation of a pack the parse
    does not read runs only claimx's components after it.
    """
    from spacy.tokens import DocBin

    from claimx.claims.dates import find_timexes
    from claimx.nlp import load_nlp, make_doc

    nlp = load_nlp()
    end = _parse_end(nlp)
    counts: dict[str, dict[str, dict[str, int]]] = {}
    for name, folder in {**GOLD_SETS, **ARTICLE_SETS}.items():
        pipeline: Counter[str] = Counter()
        timex: Counter[str] = Counter()
        articles = _articles(folder, gold=name in GOLD_SETS)
        # the user data keeps what the parse's own components leave there (the
        # text as written, before the tokenizer normalised it); the article's
        # date, which msgpack cannot write, is set again from the article
        kept = DocBin(store_user_data=True)
        for article in articles:
            doc = _run(nlp, make_doc(nlp, article), 0, end)
            published, doc._.published = doc._.published, None
            kept.add(doc)
            doc._.published = published
            doc = _run(nlp, doc, end)
            pipeline.update(rule for rule, _, _ in doc._.rules_fired or [])
            before = len(doc._.rules_fired or [])
            find_timexes(doc)
            timex.update(rule for rule, _, _ in (doc._.rules_fired or [])[before:])
        counts[name] = {"articles": {"n": len(articles)}, "pipeline": dict(pipeline), "timex": dict(timex)}
        if parses is not None and name in GOLD_SETS:
            kept.to_disk(parses / f"{name}.spacy")
        print(f"usage: {name}: {len(articles)} articles", file=sys.stderr)
    return counts


# -- ablation ------------------------------------------------------------------


def score_sets(parses: Path | None = None) -> dict[str, dict[str, float | None]]:
    """Extract and score the gold sets with the pack in ``$CLAIMX_RULES`` (one process, one model load).

    parses (Path): the folder of the sets' kept parses (see ``usage``): only
    claimx's components after the parse run.
    """
    from spacy.tokens import DocBin

    from claimx.evaluate import load_gold, score
    from claimx.fingerprint import extractor_info
    from claimx.nlp import load_nlp, model_info, pipe_articles
    from claimx.records import doc_records

    nlp = load_nlp()
    extractor = extractor_info(*model_info(nlp))
    end = _parse_end(nlp)
    out: dict[str, dict[str, float | None]] = {}
    for name, folder in GOLD_SETS.items():
        gold = load_gold(folder)
        articles = list(gold.articles())
        if parses is None:
            pairs = pipe_articles(nlp, articles)
        else:
            docs = DocBin().from_disk(parses / f"{name}.spacy").get_docs(nlp.vocab)
            pairs = ((a, _run(nlp, _with_meta(doc, a), end)) for a, doc in zip(articles, docs, strict=True))
        predictions = {a.doc_id: doc_records(doc, a, extractor) for a, doc in pairs}
        result = score(gold, predictions)
        out[name] = {
            "claim_status_f1": result.claim_status.f1,
            "status_macro_f1": result.status_macro_f1,
            "claims_f1": result.claims.f1,
            "attribution_f1": result.attribution.f1,
            "date_accuracy": result.dates.accuracy,
            "topic_accuracy": result.topic_accuracy,
        }
    return out


def _with_meta(doc: Any, article: Any) -> Any:
    """The article's metadata on a Doc read back from a DocBin (as ``claimx.nlp.make_doc`` sets it)."""
    doc._.doc_id = article.doc_id
    doc._.published = article.published
    doc._.title = article.title
    doc._.rules_fired = [tuple(fired) for fired in doc._.rules_fired or ()]  # read back as tuples of lists
    return doc


#: the packs the parse itself reads (the tokenizer's, the sentence splitter's): without them a set is parsed again
PARSE_PACKS = {"normalize.jsonl", "sentences.jsonl"}


def _worker(pack: Path | None, parses: Path | None = None) -> dict[str, Any]:
    env = dict(os.environ)
    if pack is not None:
        env["CLAIMX_RULES"] = str(pack)
    sets = [f"{name}={folder}" for name, folder in GOLD_SETS.items()]
    kept = ["--parses", str(parses)] if parses is not None else []
    done = subprocess.run(
        [sys.executable, __file__, "--score", *kept, "--sets", *sets], env=env, capture_output=True, text=True, check=False
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


#: what a placeholder matches: no word
NO_WORD = "__ablated__"


def _placeholders(removed: list[dict[str, Any]]) -> list[str]:
    """RETURNS (list[str]): for each lexicon (a kind of word rules) or role the removed rules
    make up, one rule of it that matches no word, so that the pack still loads (a pattern that
    names the lexicon, a component that asks the role) and the group's decisions are gone."""
    out: dict[tuple[Any, ...], str] = {}
    for rule in removed:
        key = (rule.get("kind"), rule.get("type"), rule.get("role"))
        if key in out:
            continue
        if "lemma" in rule:
            stub = {**rule, "lemma": NO_WORD}
        elif "role" in rule and isinstance(rule.get("words"), list):
            stub = {**rule, "words": [NO_WORD]}
        elif "role" in rule and isinstance(rule.get("pattern"), dict):
            stub = {**rule, "pattern": {"LEMMA": NO_WORD}}
        else:
            continue
        stub["id"] = f"{rule['id']}-ablated"
        out[key] = json.dumps(stub, ensure_ascii=False)
    return list(out.values())


def ablation(
    jobs: int = 2,
    per_rule: list[str] | None = None,
    fired: set[str] | None = None,
    parses: Path | None = None,
    earlier: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """RETURNS (dict): "full" -> scores; "groups" -> group -> {rules, scores or error}.

    per_rule (list[str]): groups whose rules are also removed one at a time
    (only those in ``fired``, the rules that fire on some gold set).
    fired (set[str]): the rules that fire on some gold set; a group with none
    of them is not ablated (None: every group is).
    parses (Path): the sets' kept parses (``usage``): a group of a pack the
    parse does not read runs claimx's components only, once the full pack's
    scores from the kept parses are found equal to a whole run's.
    earlier (dict): an earlier report; where it has the same rules and the
    same full scores, its groups' scores are taken as they are, and only the
    groups it lacks or could not load are ablated.
    """
    pack_dir = _pack_dir()
    rules = _rules(pack_dir)
    groups: dict[str, tuple[str, set[str]]] = {}
    for name, lines in rules.items():
        for rule in lines:
            groups.setdefault(_group(name, rule), (name, set()))[1].add(rule["id"])
            if per_rule and _group(name, rule) in per_rule and rule["id"] in (fired or set()):
                groups[f"rule:{rule['id']}"] = (name, {rule["id"]})
    idle = {g: len(ids) for g, (_, ids) in groups.items() if fired is not None and not ids & fired}
    groups = {g: v for g, v in groups.items() if g not in idle}
    full = _worker(None)
    if parses is not None and _worker(None, parses) != full:
        print("ablation: the kept parses do not give a whole run's scores; every group is parsed again", file=sys.stderr)
        parses = None
    reused: dict[str, Any] = {}
    if earlier is not None:
        before = earlier.get("ablation") or {}
        if earlier.get("rules") == {n: [r["id"] for r in lines] for n, lines in rules.items()} and before.get("full") == full:
            reused = {
                g: data
                for g, data in (before.get("groups") or {}).items()
                if g in groups and data["rules"] == len(groups[g][1]) and "error" not in data["scores"]
            }
        else:
            print("ablation: the earlier report has other rules or other full scores; every group is ablated", file=sys.stderr)
    tmp = Path(tempfile.mkdtemp(prefix="claimx-ablation-"))
    packs: dict[str, Path] = {}
    for group, (name, ids) in groups.items():
        if group in reused:
            continue
        pack = tmp / group.replace(":", "-")
        shutil.copytree(pack_dir, pack)
        lines = [line for line in (pack_dir / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        kept = [line for line in lines if json.loads(line)["id"] not in ids]
        kept += _placeholders([json.loads(line) for line in lines if json.loads(line)["id"] in ids])
        (pack / name).write_text("".join(line + "\n" for line in kept), encoding="utf-8")
        if name == "scope.jsonl":
            # a removed keep or terminator leaves no reference to it behind
            for other, field in (("scope.jsonl", "unless"), ("cues.jsonl", "terminated_by")):
                _drop_references(pack / other, field, ids)
        packs[group] = pack
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {
            group: pool.submit(_worker, pack, None if groups[group][0] in PARSE_PACKS else parses)
            for group, pack in packs.items()
        }
        result = {"full": full, "groups": {}, "idle": idle, "kept_parses": parses is not None, "reused": sorted(reused)}
        for group in groups:
            if group in reused:
                result["groups"][group] = reused[group]
                continue
            future = futures[group]
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
        gold = list(full)
        lines.append("")
        lines.append("| group removed | rules | " + " | ".join(f"{s} Δ c+s F1 / Δ macro-F1" for s in gold) + " | mean Δ c+s F1 / Δ macro-F1 | mean Δ attribution F1 / Δ dates / Δ topic |")
        lines.append("|---|---|" + "---|" * (len(gold) + 2))
        unchanged = []
        for group, data in sorted(ab["groups"].items(), key=lambda kv: _mean_delta(full, kv[1]["scores"], gold)):
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
            cs, mf = _mean_delta(full, scores, gold)
            at, da, tp = (
                sum((scores[s].get(k) or 0) - (full[s].get(k) or 0) for s in gold) / len(gold)
                for k in ("attribution_f1", "date_accuracy", "topic_accuracy")
            )
            lines.append(f"| {group} | {data['rules']} | " + " | ".join(cells) + f" | {cs:+.3f} / {mf:+.3f} | {at:+.3f} / {da:+.3f} / {tp:+.3f} |")
        if unchanged:
            lines.append("")
            lines.append("No change in any score of these sets: " + ", ".join(unchanged) + ".")
        if ab.get("reused"):
            lines.append("")
            lines.append(f"{len(ab['reused'])} groups' scores are an earlier run's, with the same rules and the same full scores (`--reuse`).")
        idle = ab.get("idle") or {}
        if idle:
            lines.append("")
            lines.append("Not ablated, no rule of theirs fires on these sets: " + ", ".join(f"{g} ({n})" for g, n in idle.items()) + ".")
    return "\n".join(lines)


def _d(value: float | None, base: float | None) -> str:
    if value is None or base is None:
        return "—"
    return f"{value - base:+.3f}"


def _mean_delta(full: dict[str, Any], scores: dict[str, Any], sets: list[str]) -> tuple[float, float]:
    if "error" in scores:
        return (-9.0, -9.0)
    cs = [scores[s]["claim_status_f1"] - full[s]["claim_status_f1"] for s in sets]
    mf = [(scores[s]["status_macro_f1"] or 0) - (full[s]["status_macro_f1"] or 0) for s in sets]
    return sum(cs) / len(cs), sum(mf) / len(mf)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "_data" / "rule_usage.json")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-ablation", action="store_true")
    parser.add_argument("--sets", nargs="+", help="the gold sets to count and score: known names or NAME=FOLDER (default: " + " ".join(KNOWN_SETS) + ")")
    parser.add_argument("--per-rule", default="", help="comma-separated groups to ablate rule by rule as well (e.g. cues:ignore)")
    parser.add_argument("--score", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--parses", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--table", type=Path, help="print the tables of an earlier report and stop")
    parser.add_argument("--reuse", type=Path, help="an earlier report: with the same rules and full scores, ablate only the groups it lacks or could not load")
    args = parser.parse_args()
    if args.sets:
        GOLD_SETS.clear()
        GOLD_SETS.update(set_folders(args.sets))
    if args.score:
        print(json.dumps(score_sets(args.parses)))
        return
    if args.table:
        print(table(json.loads(args.table.read_text())))
        return
    report: dict[str, Any] = {"rules": {n: [r["id"] for r in lines] for n, lines in _rules(_pack_dir()).items()}}
    parses = None if args.no_ablation else Path(tempfile.mkdtemp(prefix="claimx-parses-"))
    report["usage"] = usage(parses)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1))  # the counts, before the long part
    if not args.no_ablation:
        fired = {r for name in GOLD_SETS for kind in ("pipeline", "timex") for r in report["usage"][name][kind]}
        per_rule = [g for g in args.per_rule.split(",") if g]
        earlier = json.loads(args.reuse.read_text()) if args.reuse else None
        report["ablation"] = ablation(args.jobs, per_rule, fired, parses, earlier)
        shutil.rmtree(parses, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1))
    print(table(report))
    print(f"\nwritten: {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
