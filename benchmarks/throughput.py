"""Throughput of the whole ``claimx run`` against the bare spaCy model on the same articles.

    python benchmarks/throughput.py [--articles 300] [--repeats 3] [--workers 1 2] [--model NAME]

The corpus is the sample corpus's .md/.txt articles repeated (each copy with a
numbered first line, so every file has its own content hash) up to
``--articles`` files; ``--corpus DIR`` takes another folder's articles instead,
e.g. ``benchmarks/realnews-dev/articles`` (287 published articles, built by
``benchmarks/realnews/build.py``): the sample corpus is three articles, so every
cost that is paid once per distinct article (a subset of the cue patterns'
matcher, say) is paid three times there, and once per article on real news. Each step is a fresh process, timed wall clock,
interpreter start-up and model loading included:

- ``bare``: ``spacy.load(model)`` and ``nlp.pipe`` (batch size 16) over the
  same article bodies (read beforehand into a JSON file);
- ``claimx -w N``: ``python -m claimx run CORPUS -o OUT --force --workers N``
  (reading, extraction, the store, the roll-up and the views), for each N of
  ``--workers``.

``--compare SRC`` adds, beside each ``claimx -w N``, the same run of another
claimx source folder (``SRC``, the ``src`` folder of an older checkout, with the
rule pack of that checkout frozen too): ``old -w N``, so that the code before
and after a change are timed alternately under the same load.

Each claimx step runs a copy of its claimx package made at the start (an edit
of the source meanwhile changes nothing). ``--bytecode``: claimx's processes
(the run and its workers) read the bytecode of claimx's modules, compiled
beforehand in that copy. Where ``PYTHONDONTWRITEBYTECODE`` is set and claimx
runs from a source folder, every process otherwise compiles claimx's modules
from source (about 0.2 s of CPU each), which an installed claimx does not do,
nor does the bare model's spaCy (its bytecode is installed with it).

The steps are run alternately ``--repeats`` times; the medians are printed
with the ratios bare/claimx (≥ 1.0: claimx is as fast as the bare model) and
claimx -w N / claimx -w 1. Each step's CPU time (user + system, of the process
and its workers) is printed beside its wall-clock time: on a machine that
other work shares, wall-clock time moves with the load and CPU time much less,
so the ratio of CPU times says more there about one core (for ``-w N`` it
adds up every worker's time, so the speed-up stays a matter of wall-clock time).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from incremental import build_corpus  # noqa: E402  (a sibling script: benchmarks/ is on sys.path when run)

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import json, sys, spacy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
nlp = spacy.load(sys.argv[2])
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """RETURNS (tuple[float, float]): the command's wall-clock time and CPU time (user + system, its children's included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1])
    parser.add_argument("--model", default=None)
    parser.add_argument("--corpus", type=Path, default=None, help="a folder of .md/.txt articles (default: the sample corpus)")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare model")
    parser.add_argument("--compare", type=Path, default=None, help="another claimx source folder, timed alternately")
    parser.add_argument("--bytecode", action="store_true", help="claimx's processes keep their modules' bytecode")
    args = parser.parse_args()

    from claimx.basemodel import base_model_info
    from claimx.read import read_corpus
    from claimx.rules import RULES_ENV, default_rules_dir
    from claimx.schemas import Article

    work = Path(tempfile.mkdtemp(prefix="claimx-throughput-"))
    corpus = work / "corpus"
    build_corpus(corpus, args.articles, source=args.corpus.resolve() if args.corpus else None)
    texts = [a.body for a in read_corpus(corpus) if isinstance(a, Article)]
    (work / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    words = sum(len(t.split()) for t in texts)
    model = args.model or _default_model()
    env = dict(os.environ)
    rules = work / "rules"  # frozen, so an edit of models/ meanwhile changes nothing
    shutil.copytree(default_rules_dir(), rules)
    env[RULES_ENV] = str(rules)

    import claimx

    envs = {"claimx": _claimx_env(env, Path(claimx.__file__).resolve().parent.parent, work / "src-new", args.bytecode)}
    if args.compare is not None:
        old_env = _claimx_env(env, args.compare.resolve(), work / "src-old", args.bytecode)
        old_rules = args.compare.resolve().parent / "models" / "en"
        if old_rules.is_dir():
            shutil.copytree(old_rules, work / "rules-old")
            old_env[RULES_ENV] = str(work / "rules-old")
        envs["old"] = old_env
    steps: dict[str, tuple[list[str], dict[str, str]]] = {}
    if not args.no_bare:
        steps["bare"] = ([sys.executable, "-c", BARE, str(work / "texts.json"), model], env)
    for n in args.workers:
        for label, step_env in envs.items():
            steps[f"{label} -w {n}"] = (
                [
                    sys.executable, "-m", "claimx", "run", str(corpus), "-o", str(work / f"out-{label}"), "-q", "--force",
                    "--workers", str(n),
                ],
                step_env,
            )
    times: dict[str, list[float]] = {name: [] for name in steps}
    cpu: dict[str, list[float]] = {name: [] for name in steps}
    load_before = os.getloadavg()
    for _ in range(args.repeats):
        for name, (cmd, step_env) in steps.items():
            wall, used = timed(cmd, step_env)
            times[name].append(wall)
            cpu[name].append(used)
    load_after = os.getloadavg()
    name, version = base_model_info(args.model)
    print(
        f"corpus: {len(texts)} articles from {args.corpus or 'the sample corpus'}, {words} words; "
        f"model {name} {version}; {os.cpu_count()} cores"
    )
    print(
        f"load average (1, 5, 15 min) before {' '.join(f'{x:.1f}' for x in load_before)}, "
        f"after {' '.join(f'{x:.1f}' for x in load_after)}; claimx bytecode kept: {'yes' if args.bytecode else 'no'}"
    )
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    cpu_medians = {name: statistics.median(ts) for name, ts in cpu.items()}
    for name, ts in times.items():
        runs = ", ".join(f"{t:.1f}" for t in ts)
        cpu_runs = ", ".join(f"{t:.1f}" for t in cpu[name])
        print(
            f"{name:12s}: median {medians[name]:6.2f} s  ({len(texts) / medians[name]:5.1f} articles/s; runs {runs}); "
            f"CPU median {cpu_medians[name]:6.2f} s (runs {cpu_runs})"
        )
    if "bare" in medians:
        for name in steps:
            if name != "bare":
                target = "  (target >= 1.0 for -w 1)" if name.endswith(" -w 1") else ""
                print(
                    f"ratio bare/{name}: {medians['bare'] / medians[name]:.3f}, "
                    f"of CPU times {cpu_medians['bare'] / cpu_medians[name]:.3f}{target}"
                )
    for label in envs:
        one = medians.get(f"{label} -w 1")
        if one:
            for name in steps:
                if name.startswith(label + " ") and name != f"{label} -w 1":
                    print(f"speed-up {name} / {label} -w 1: {one / medians[name]:.2f}x")
    if "old" in envs:
        for n in args.workers:
            new, old = f"claimx -w {n}", f"old -w {n}"
            print(
                f"{new} / {old}: wall {medians[new] / medians[old]:.3f}, CPU {cpu_medians[new] / cpu_medians[old]:.3f}"
            )
    shutil.rmtree(work, ignore_errors=True)


def _claimx_env(env: dict[str, str], src: Path, frozen: Path, bytecode: bool) -> dict[str, str]:
    """The environment of a claimx step: a copy of ``src``'s claimx package in ``frozen`` (so that
    an edit meanwhile changes nothing) first on the path; with ``bytecode``, its modules compiled
    there beforehand (read even where ``PYTHONDONTWRITEBYTECODE`` is set, which only stops writing)."""
    shutil.copytree(src / "claimx", frozen / "claimx", ignore=shutil.ignore_patterns("__pycache__"))
    if bytecode:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(frozen / "claimx")], env=env, check=True)
    step_env = dict(env)
    step_env["PYTHONPATH"] = os.pathsep.join([str(frozen), *filter(None, [env.get("PYTHONPATH")])])
    return step_env


def _default_model() -> str:
    import importlib.util

    from claimx.basemodel import DEFAULT_MODELS

    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[0]


if __name__ == "__main__":
    main()
