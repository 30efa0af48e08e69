"""The serial part of a ``claimx run``: each phase's wall-clock and CPU seconds in the parent.

    python benchmarks/phases.py [--articles 300] [--repeats 3] [--workers 1 2] [--corpus DIR]

Each run is a fresh process (``run(CORPUS, OUT, force=True, workers=N)``, as
``claimx run --force -w N`` does), the workers alternated, on the corpus
``benchmarks/throughput.py`` builds. It prints, per run, the phases of
``RunSummary.phases`` (the model's load, extraction, the roll-up, the views)
the start (interpreter and imports up to the run), the rest of the parent's
time ("other": opening the store, reading the corpus's first shards, the
pool's end) and the CPU its worker processes used, then the medians per
number of workers, and the serial part S and extraction P that the medians
give for ``-w 1`` = S + P and ``-w 2`` = S + P/2 (``-w 2`` / ``-w 1`` reaches
1.8× when S <= P/8).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from incremental import build_corpus  # noqa: E402  (a sibling script)

CHILD = """
import json, resource, sys, time
wall0 = time.perf_counter()
from claimx.run import run
start = (time.perf_counter() - wall0, time.process_time())
summary = run(sys.argv[1], sys.argv[2], force=True, progress=False, workers=int(sys.argv[3]))
total = (time.perf_counter() - wall0, time.process_time())
used = sum(cpu for _, cpu in summary.phases.values())
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
phases = {
    "start": start, **summary.phases, "other": (total[0] - start[0] - sum(w for w, _ in summary.phases.values()),
    total[1] - start[1] - used), "total": total, "workers": (0.0, workers.ru_utime + workers.ru_stime),
}
print(json.dumps(phases))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--corpus", type=Path, default=None, help="a folder of .md/.txt articles (default: the sample corpus)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimx-phases-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        build_corpus(corpus, args.articles, source=args.corpus.resolve() if args.corpus else None)
        runs: dict[int, list[dict[str, list[float]]]] = {n: [] for n in args.workers}
        for repeat in range(args.repeats):
            for n in args.workers:
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(corpus), str(work / f"out-{n}"), str(n)],
                    check=True, capture_output=True, text=True, env=dict(os.environ),
                )
                phases = json.loads(out.stdout.strip().splitlines()[-1])
                runs[n].append(phases)
                shown = "  ".join(f"{k} {v[0]:.2f}/{v[1]:.2f}" for k, v in phases.items())
                print(f"-w {n} run {repeat + 1}: {shown}  (wall/CPU s; CPU of the parent; workers: its worker processes' CPU)", flush=True)
        medians = {
            n: {k: statistics.median(r[k][0] for r in rs) for k in rs[0]} for n, rs in runs.items() if rs
        }
        for n, m in medians.items():
            print(f"-w {n} medians (wall s): " + "  ".join(f"{k} {v:.2f}" for k, v in m.items()))
        if 1 in medians and 2 in medians:
            one, two = medians[1]["total"], medians[2]["total"]
            serial = 2 * two - one
            print(
                f"-w 2 / -w 1 = {one / two:.3f}x; S = {serial:.2f} s, P = {one - serial:.2f} s, "
                f"1.8x needs S <= {(one - serial) / 8:.2f} s"
            )


if __name__ == "__main__":
    main()
