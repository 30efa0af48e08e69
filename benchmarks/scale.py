"""How a run's cost grows with the corpus: a full run, a no-change re-run, 10 articles added.

    python benchmarks/scale.py [--articles 10000] [--workers N] [--work DIR] [--stand-in] [--full-only]

The corpus is ``--articles`` short articles (a front-matter block and two
sentences, each file its own), like a feed of news briefs. Each step runs the
real command line (``python -m claimx run``), timed wall clock, interpreter
start-up included, with its peak memory (the largest resident set among the run's
processes, from ``getrusage``):

1. the full run;
2. a no-change re-run, twice;
3. 10 articles added;
4. one article's front matter touched (mtime changed, bytes the same).

Each step prints its wall-clock time, its CPU time (user + system, of all its
processes: what to compare on a shared machine), its peak memory, and, for a
run that loads the model, how much of that CPU the model's loading and the
extraction took in claimx's own process (``RunSummary.phases``, printed by the
small prelude :data:`PHASES` that runs claimx's command line) and the rest of
that process's CPU: the rest is what the target for 10 added articles counts
(the interpreter's start and imports, the corpus walk, the file index, the
roll-up, the views). Ten articles are one shard, extracted in claimx's process;
a run of more shards extracts in worker processes, whose CPU is in the step's
CPU but in neither part.

The targets (issue 11) at 100,000 articles: a no-change re-run under 2 s; 10
articles added under 5 s plus their extraction (the model's loading and its
pass over the 10 articles); a full run's peak memory flat from 1,000 to
100,000 articles. The README's scale section gives the last figures.

``--stand-in`` makes the full run (step 1 only) extract with a stand-in for the
model: each sentence of an article becomes a claim whose status, topic and
subject are read off the templates' words (:data:`STAND_IN`), stamped with
the fingerprint the real pipeline would stamp; reading, the store, the
roll-up and the views are claimx's own. The steps after it are real runs
that find that store up to date (the no-change re-run loads no model) and
extract the 10 new articles with the real model. It is how a corpus of
100,000 articles is measured in minutes: the full run's time then leaves
out extraction (about 10 ms of CPU an article, in proportion to the corpus),
and its peak memory the model's (about 200 MB, the same at any size).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimx.rules import RULES_ENV, default_rules_dir

SUBJECTS = ["Nimbus X{n}", "Starfall {n}", "Project Harbor {n}", "The Glass Orchard {n}", "Aerofold {n}"]
SENTENCES = [
    "{s} is reportedly set for release in {year}, according to people familiar with the plans.",
    "The studio confirmed that {s} has entered production in Vancouver.",
    "{s} will not be delayed, a spokesperson said on Tuesday.",
    "Insiders say {s} may be announced at the summer showcase.",
    "{s} is expected to cost about ${n} million, analysts said.",
]


def article(n: int) -> str:
    subject = SUBJECTS[n % len(SUBJECTS)].format(n=n)
    first = SENTENCES[n % len(SENTENCES)].format(s=subject, year=2025 + n % 3, n=n % 90 + 10)
    second = SENTENCES[(n // 5 + 1) % len(SENTENCES)].format(s=subject, year=2026, n=n % 50 + 5)
    day = 1 + n % 28
    return f"---\ntitle: Brief {n}\npublished: 2025-{1 + n % 12:02d}-{day:02d}\nurl: https://example.com/{n}\n---\n{first} {second}\n"


#: run before claimx's command line: the run's CPU seconds in the model's loading and the
#: extraction (this process's, as ``RunSummary.phases`` has them), printed last on stderr
PHASES = r"""
import resource
import sys
import claimx.run

_run = claimx.run.run


def _phased(*args, **kwargs):
    summary = _run(*args, **kwargs)
    used = sum(cpu for name, (_, cpu) in summary.phases.items() if name in ("load", "extraction"))
    own = resource.getrusage(resource.RUSAGE_SELF)
    sys.stderr.write("\nmodel %d %.3f %.3f\n" % (summary.model_loaded, used, own.ru_utime + own.ru_stime))
    return summary


claimx.run.run = _phased
"""

#: ``python -c PHASES + CLI run ...``: claimx's command line
CLI = r"""
from claimx.cli import main
sys.argv[0] = "claimx"
main()
"""

#: ``python -c PHASES + STAND_IN run ...``: claimx's command line with the model's extraction replaced (``--stand-in``)
STAND_IN = r"""
import re, sys
from claimx import pipeline
from claimx.records import claim_id
from claimx.run import pipeline_extractor
from claimx.schemas import ClaimRecord, Cue, Offsets, Subject

NAMES = re.compile(sys.argv.pop(1))
STATUS = [("will not", "denied"), ("reportedly", "rumored"), ("may", "rumored"), ("say", "rumored"),
          ("confirmed", "confirmed"), ("expected", "expected")]
TOPIC = [("release", "release", "release_date"), ("announced", "release", "announcement"),
         ("production", "production", "filming"), ("cost", "business", "budget"), ("delayed", "release", "release_date")]

class StandIn(pipeline.Extraction):
    def __post_init__(self):
        self.nlp = None
        self.extractor = pipeline_extractor(self.model)

    def extract(self, articles, *, progress=False, total=None):
        for article in articles:
            body, records = article.body, []
            name = NAMES.search(body)
            for sentence in re.finditer(r"[^.\n]+[.]", body):
                start, end = sentence.start(), sentence.end() - 1
                text = body[start:end]
                status = next((s for word, s in STATUS if word in text), "confirmed")
                cue = next((word for word, s in STATUS if word in text), None)
                topic, key = next(((t, k) for word, t, k in TOPIC if word in text), ("other", "other"))
                mention = NAMES.search(body, start, end)
                subject = Subject(name=name.group(0) if name else "")
                if mention:
                    subject = Subject(name=mention.group(0), text=mention.group(0), start=mention.start(), end=mention.end())
                cues = []
                if cue:
                    at = body.index(cue, start)
                    cues = [Cue(text=cue, start=at, end=at + len(cue), status=status)]
                records.append(ClaimRecord(
                    claim_id=claim_id(article.doc_id, start, end, text, self.extractor.rules_hash),
                    doc_id=article.doc_id, text=text, span=Offsets(start=start, end=end),
                    sentence=Offsets(start=start, end=end + 1), status=status, cues=cues, subject=subject,
                    topic=topic, key=key, published=article.published, extractor=self.extractor))
            yield article, records

pipeline.Extraction = StandIn
from claimx.cli import main
sys.argv[0] = "claimx"
main()
"""


def build(corpus: Path, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        folder = corpus / f"{n // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"brief-{n:06d}.md").write_text(article(n), encoding="utf-8")


#: Runs a command and prints, last on stderr, the peak resident set (kB) and the CPU time (s) of its processes.
_WRAP = (
    "import resource, subprocess, sys; rc = subprocess.call(sys.argv[1:]); "
    "ru = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "sys.stderr.write('\\npeak %d %.3f\\n' % (ru.ru_maxrss, ru.ru_utime + ru.ru_stime)); sys.exit(rc)"
)


#: a step's figures: name, wall-clock s, peak MB, CPU s, the claimx process's CPU s in the model's
#: loading and the extraction and in the rest (None when the model was not loaded), claimx's summary line
Row = tuple[str, float, float, float, "tuple[float, float] | None", str]


def step(name: str, corpus: Path, outputs: Path, workers: int | None, stand_in: bool = False) -> Row:
    cmd = [sys.executable, "-c", PHASES + CLI, "run", str(corpus), "-o", str(outputs), "-q"]
    if stand_in:  # in this process: the stand-in is not in the workers' spawned interpreters
        names = "|".join(re.escape(t).replace(re.escape("{n}"), r"\d+") for t in SUBJECTS)
        cmd = [sys.executable, "-c", PHASES + STAND_IN, names, "run", str(corpus), "-o", str(outputs), "-q", "--workers", "1"]
    elif workers:
        cmd += ["--workers", str(workers)]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _WRAP, *cmd], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{name}: claimx run failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    lines = done.stderr.strip().splitlines()
    _, peak_kb, cpu = lines[-1].split()
    model = next((line.split() for line in reversed(lines) if line.startswith("model ")), None)
    split = (float(model[2]), float(model[3]) - float(model[2])) if model is not None and model[1] == "1" else None
    summary = next((line for line in done.stdout.splitlines() if " new, " in line), "")
    return name, elapsed, int(peak_kb) / 1024, float(cpu), split, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--work", type=Path, default=None, help="Keep the corpus and outputs here.")
    parser.add_argument("--stand-in", action="store_true", help="Full run with a stand-in for the model (see above).")
    parser.add_argument(
        "--full-only", action="store_true", help="Only the full run (its time and peak memory: the flat-memory target)."
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="claimx-scale-"))
    corpus, outputs = work / "corpus", work / "outputs"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(outputs, ignore_errors=True)
    build(corpus, args.articles)
    rules = work / "rules"
    shutil.rmtree(rules, ignore_errors=True)
    shutil.copytree(default_rules_dir(), rules)
    os.environ[RULES_ENV] = str(rules)
    time.sleep(2.1)  # past the file index's 2 s "racy" window, as a corpus written earlier would be
    rows = [step("full run" + (" (stand-in extraction)" if args.stand_in else ""), corpus, outputs, args.workers, args.stand_in)]
    if not args.full_only:
        rows.append(step("no-change re-run", corpus, outputs, args.workers))
        rows.append(step("no-change re-run (again)", corpus, outputs, args.workers))
        build(corpus, 10, start=args.articles)
        time.sleep(2.1)  # let the new files leave the racy window, as they would in use
        rows.append(step("10 articles added", corpus, outputs, args.workers))
        touched = next(corpus.rglob("*.md"))
        os.utime(touched)
        time.sleep(2.1)
        rows.append(step("1 file touched", corpus, outputs, args.workers))
    print(f"claimx scale benchmark: {args.articles} articles, python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print("(wall clock includes interpreter start-up; CPU: user + system time of the step's processes, which")
    print(" other work on the machine disturbs less; peak: the largest resident set among them; model: claimx's")
    print(" CPU loading the model (or the stand-in) and extracting in its own process, rest: its other CPU,")
    print(" start-up included; extraction workers, with more than one shard, are in CPU only)")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, seconds, peak, cpu, phases, summary in rows:
        split = f"model {phases[0]:6.2f} s  rest {phases[1]:6.2f} s" if phases is not None else " " * 29
        print(f"{name:26s} {seconds:8.2f} s  CPU {cpu:7.2f} s  {split}  peak {peak:7.0f} MB   {summary}")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
