"""Two claimx versions side by side on their own scale.py stores: no-change re-runs and 10 articles added.

    python benchmarks/scale.py --articles 10000 --work A      # with the old code on PYTHONPATH
    python benchmarks/scale.py --articles 10000 --work B      # with the new code on PYTHONPATH
    python benchmarks/scale_side_by_side.py --before OLD/src A --after NEW/src B [--rounds 3]

Each step runs ``python -m claimx run CORPUS -o OUTPUTS -q`` with one version's
``src`` on ``PYTHONPATH`` (and the rule pack ``scale.py`` froze in the work
folder), alternating the two versions, and prints the wall clock, the CPU time
and peak resident set of the run's processes (``getrusage``) and the load
average. The 10-articles steps add the same ten new articles to both corpora.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from scale import build  # a sibling script: benchmarks/ is on sys.path when run

_WRAP = (
    "import resource, subprocess, sys; rc = subprocess.call(sys.argv[1:]); "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "sys.stderr.write('\\npeak %d cpu %.2f\\n' % (u.ru_maxrss, u.ru_utime + u.ru_stime)); sys.exit(rc)"
)


def step(src: str, work: Path) -> tuple[float, float, float, str, float]:
    env = dict(os.environ, PYTHONPATH=src, CLAIMX_RULES=str(work / "rules"))
    cmd = [sys.executable, "-m", "claimx", "run", str(work / "corpus"), "-o", str(work / "outputs"), "-q"]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _WRAP, *cmd], capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"claimx run failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    last = done.stderr.strip().splitlines()[-1].split()
    summary = next((line for line in done.stdout.splitlines() if " new, " in line), "")
    return wall, int(last[1]) / 1024, float(last[3]), summary, os.getloadavg()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", nargs=2, metavar=("SRC", "WORK"), required=True)
    parser.add_argument("--after", nargs=2, metavar=("SRC", "WORK"), required=True)
    parser.add_argument("--rounds", type=int, default=3, help="no-change re-runs of each version")
    parser.add_argument("--added", type=int, default=2, help="rounds of 10 articles added")
    args = parser.parse_args()
    versions = {"before": (args.before[0], Path(args.before[1])), "after": (args.after[0], Path(args.after[1]))}
    rows = []
    for n in range(args.rounds):
        for name in ("before", "after") if n % 2 == 0 else ("after", "before"):
            rows.append(("no-change", name, *step(*versions[name])))
    first = 1 + max(sum(1 for _ in (work / "corpus").rglob("*.md")) for _, work in versions.values())
    for n in range(args.added):
        for _, work in versions.values():
            build(work / "corpus", 10, start=first + 10 * n + 1_000_000)
        time.sleep(2.1)  # past the file index's racy window
        for name in ("before", "after") if n % 2 == 0 else ("after", "before"):
            rows.append(("10 added", name, *step(*versions[name])))
    for what, name, wall, peak, cpu, summary, load in rows:
        print(f"{what:10s} {name:6s} wall {wall:7.2f} s  cpu {cpu:6.2f} s  peak {peak:5.0f} MB  load {load:4.1f}  {summary}")


if __name__ == "__main__":
    main()
