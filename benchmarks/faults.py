"""Fault harness: kill -9, a full disk, read-only outputs and a damaged store, against an uninterrupted run.

    python benchmarks/faults.py [--articles 300] [--kills 100] [--seed 14] [--work DIR] [--json FILE]

A corpus of ``--articles`` articles is built from the sample articles of
``corpus/`` (a varied first line and publication date each, so every file
has its own content hash and the roll-up sees a timeline). The code and the
rule pack are copied into the work folder first, so that edits to the
checkout during the harness cannot change the pipeline fingerprint. Every
step runs the real command line (``python -m claimx``) in its own process.

Scenarios, each ending with the normal command a user would run next and a
comparison with an uninterrupted run of the same corpus:

- ``run``: ``claimx run`` on empty outputs, killed at random moments, several
  kills in a row into the same outputs;
- ``incremental``: a run adding the last tenth of the corpus to outputs of
  the rest, killed at random moments;
- ``views``: a run killed while it rewrites the JSONL views (the kill is
  timed from the moment a view's temporary file appears);
- ``mark``: ``claimx mark`` killed at random moments (its view rewrite included);
- ``disk-full``: the outputs folder on a small tmpfs (when the harness can
  mount one, i.e. as root) that fills up during the run, or else the
  equivalent write failure from a file-size limit (``RLIMIT_FSIZE``); then
  space is freed and the run repeated;
- ``read-only``: outputs made read-only (a read-only bind mount as root,
  permissions otherwise), then ``claimx run`` and ``claimx mark`` on it;
- ``damaged``: ``claimx.db`` truncated, overwritten, its header zeroed, or
  deleted, with reviewer decisions in it; then what the message says to do.

For each: records of ``claims.jsonl``, ``documents.jsonl`` and
``status.jsonl`` lost, duplicated or changed against the uninterrupted run
(with the reviewer decisions of the scenario applied), reviewer decisions
lost, ``PRAGMA integrity_check``, and what the user was told.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
VIEWS = ("claims.jsonl", "documents.jsonl", "status.jsonl", "decisions.jsonl")
KEYS = {"claims.jsonl": "claim_id", "documents.jsonl": "doc_id", "status.jsonl": "group_id"}


# -- the corpus and the frozen code ---------------------------------------------------


def build_corpus(target: Path, count: int) -> None:
    """Write ``count`` articles from the sample corpus, each with its own first line and date."""
    sources = sorted(p for p in (ROOT / "corpus").rglob("*") if p.suffix in (".md", ".txt"))
    target.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        src = sources[n % len(sources)]
        text = src.read_text(encoding="utf-8")
        line = f"Dispatch {n}: reporting continues on this story."
        date = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"
        if text.startswith("---\n"):
            head, rest = text[4:].split("\n---\n", 1)
            head = "\n".join(l for l in head.splitlines() if not l.startswith(("published:", "date:")))
            text = f"---\n{head}\npublished: {date}\n---\n{line}\n{rest}"
        else:
            text = f"---\npublished: {date}\n---\n{line}\n{text}"
        (target / f"a{n:05d}-{src.stem}.md").write_text(text, encoding="utf-8")


def freeze_code(work: Path) -> dict[str, str]:
    """Copy claimx's source and rule pack into ``work``; RETURNS the environment that runs that copy."""
    shutil.copytree(ROOT / "src" / "claimx", work / "src" / "claimx", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "models", work / "models")
    env = {k: v for k, v in os.environ.items() if k not in ("CLAIMX_RULES",)}
    env["PYTHONPATH"] = str(work / "src")
    env["CLAIMX_LOCK_TIMEOUT"] = "3"
    return env


# -- processes -------------------------------------------------------------------------


@dataclass
class Harness:
    work: Path
    env: dict[str, str]
    rng: random.Random
    log: list[dict[str, Any]] = field(default_factory=list)
    temporaries: set[Path] = field(default_factory=set)

    def rewriting(self, out: Path) -> bool:
        """Whether a command is rewriting a view of ``out`` now (a temporary view file it made exists)."""
        return any(path not in self.temporaries for path in out.glob(".*.tmp"))

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "claimx", *args]

    def run(self, *args: str, preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            self.command(*args), env=self.env, capture_output=True, text=True, timeout=1800, preexec_fn=preexec
        )

    def spawn(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            self.command(*args), env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def kill(self, proc: subprocess.Popen, delay: float, out: Path, trigger: Callable[[], bool] | None = None) -> str | None:
        """SIGKILL ``proc`` ``delay`` s after start (or after ``trigger`` turns true); RETURNS the phase, None if it finished first."""
        before = run_states(out)
        self.temporaries = set(out.glob(".*.tmp"))  # a killed rewrite's leftovers are not this one's
        start = time.monotonic()
        if trigger is not None:
            while proc.poll() is None and not trigger() and time.monotonic() - start < 600:
                time.sleep(0.002)
            start = time.monotonic()
        while proc.poll() is None and time.monotonic() - start < delay:
            time.sleep(0.002)
        if proc.poll() is not None:
            return None
        phase = "view rewrite" if self.rewriting(out) else phase_of(out, before)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return phase


def run_states(out: Path) -> tuple[int, int]:
    """RETURNS (tuple[int, int]): how many runs the store has, and how many are done (0, 0 without a store)."""
    if not (out / "claimx.db").exists():
        return (0, 0)
    try:
        with sqlite3.connect(f"file:{out / 'claimx.db'}?mode=ro", uri=True, timeout=0.5) as conn:
            total, done = conn.execute("SELECT COUNT(*), COALESCE(SUM(state = 'done'), 0) FROM runs").fetchone()
            return int(total), int(done)
    except sqlite3.Error:
        return (-1, -1)


def phase_of(out: Path, before: tuple[int, int]) -> str:
    """Where the killed command stood, seen from outside (runs recorded in the store since it started)."""
    now = run_states(out)
    if now[0] < 0:
        return "store busy"
    if now[1] > before[1]:
        return "after its final commit"
    if now[0] > before[0]:
        return "extracting / committing"
    return "start-up (imports, corpus hash)"


def summary_line(done: subprocess.CompletedProcess) -> str:
    """RETURNS (str): the lines a user reads first: messages (✘ ⚠ ℹ) and the run's summary line."""
    text = one_line_keep(done.stdout + done.stderr)
    entries: list[str] = []
    for line in text.splitlines():  # wasabi wraps a long message: join it back up
        if not entries or line.startswith(("✘", "⚠", "ℹ", "✔", "  ")) or " new, " in line:
            entries.append(line.strip())
        else:
            entries[-1] += " " + line.strip()
    lines = [l for l in entries if " new, " in l or l.startswith(("✘", "⚠", "ℹ"))]
    return " | ".join(lines) if lines else one_line(text)


def one_line_keep(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def one_line(text: str) -> str:
    import re

    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return " ".join(text.split())


# -- comparison ------------------------------------------------------------------------


def read_view(out: Path, name: str) -> list[dict[str, Any]]:
    path = out / name
    if not path.is_file():
        return []
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def apply_decisions(claims: list[dict[str, Any]], decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims view an uninterrupted run shows once these decisions are recorded (latest per claim wins)."""
    latest: dict[str, dict[str, Any]] = {}
    for view in sorted(decisions, key=lambda v: v["decision"]["decision_id"]):
        if view.get("current_claim_id"):
            latest[view["current_claim_id"]] = view["decision"]
    result = []
    for claim in claims:
        decision = latest.get(claim["claim_id"])
        if decision is None or decision["action"] == "accept":
            result.append(claim)
        elif decision["action"] == "status":
            result.append({**claim, "status": decision["status"]})
    return result


def compare(expected: list[dict[str, Any]], got: list[dict[str, Any]], key: str) -> dict[str, int]:
    counts = collections.Counter(r[key] for r in got)
    want = {r[key]: r for r in expected}
    have = {r[key]: r for r in got}
    return {
        "lost": sum(1 for k in want if k not in have),
        "duplicated": sum(n - 1 for n in counts.values() if n > 1),
        "changed": sum(1 for k in want if k in have and have[k] != want[k]),
        "extra": sum(1 for k in have if k not in want),
    }


def integrity(out: Path) -> str:
    try:
        with sqlite3.connect(f"file:{out / 'claimx.db'}?mode=ro", uri=True) as conn:
            return conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.Error as exc:
        return f"error: {exc}"


def check(out: Path, reference: Path, told_decisions: set[int] | None = None, status_too: bool = True) -> dict[str, Any]:
    """Compare ``out`` with the uninterrupted ``reference`` (its claims with ``out``'s decisions applied)."""
    decisions = read_view(out, "decisions.jsonl")
    result: dict[str, Any] = {"integrity": integrity(out)}
    expected_claims = apply_decisions(read_view(reference, "claims.jsonl"), decisions)
    result["claims"] = compare(expected_claims, read_view(out, "claims.jsonl"), "claim_id")
    if decisions:  # claim counts and roll-up depend on the decisions: check them against the store instead
        result["documents"] = compare(
            [{k: v for k, v in d.items() if k != "claim_count"} for d in read_view(reference, "documents.jsonl")],
            [{k: v for k, v in d.items() if k != "claim_count"} for d in read_view(out, "documents.jsonl")],
            "doc_id",
        )
    else:
        result["documents"] = compare(read_view(reference, "documents.jsonl"), read_view(out, "documents.jsonl"), "doc_id")
        if status_too:
            result["status"] = compare(read_view(reference, "status.jsonl"), read_view(out, "status.jsonl"), "group_id")
    ids = [v["decision"]["decision_id"] for v in decisions]
    result["decisions"] = len(ids)
    result["decisions_duplicated"] = len(ids) - len(set(ids))
    if told_decisions is not None:
        result["decisions_lost"] = len(told_decisions - set(ids))
    return result


def losses(result: dict[str, Any]) -> int:
    total = 0
    for part in ("claims", "documents", "status"):
        if part in result:
            total += sum(result[part][k] for k in ("lost", "duplicated", "changed", "extra"))
    return total + result.get("decisions_lost", 0) + result.get("decisions_duplicated", 0)


# -- scenarios -------------------------------------------------------------------------


def scenario_run(h: Harness, corpus: Path, reference: Path, rounds: int, kills_per_round: int, full_time: float) -> list[dict]:
    """Kill ``claimx run`` on empty outputs at random moments, several times in a row, then let it finish."""
    rows = []
    for number in range(rounds):
        out = h.work / f"run-{number}"
        phases = []
        for _ in range(kills_per_round):
            proc = h.spawn("run", str(corpus), "-o", str(out), "-q", "--batch-size", "8")
            phase = h.kill(proc, h.rng.uniform(0.2, 0.6 * full_time), out)
            if phase is not None:
                phases.append(phase)
        done = h.run("run", str(corpus), "-o", str(out), "-q")
        rows.append({"scenario": "run", "kills": len(phases), "phases": phases, "exit": done.returncode,
                     "told": summary_line(done), **check(out, reference)})
        shutil.rmtree(out)
    return rows


def scenario_incremental(h: Harness, corpus: Path, base: Path, reference: Path, rounds: int, kills_per_round: int, add_time: float) -> list[dict]:
    """Kill a run that adds the last part of the corpus to outputs of the rest."""
    rows = []
    for number in range(rounds):
        out = h.work / f"inc-{number}"
        shutil.copytree(base, out)
        phases = []
        for _ in range(kills_per_round):
            proc = h.spawn("run", str(corpus), "-o", str(out), "-q", "--batch-size", "4")
            phase = h.kill(proc, h.rng.uniform(0.2, add_time), out)
            if phase is not None:
                phases.append(phase)
        done = h.run("run", str(corpus), "-o", str(out), "-q")
        rows.append({"scenario": "incremental", "kills": len(phases), "phases": phases, "exit": done.returncode,
                     "told": summary_line(done), **check(out, reference)})
        shutil.rmtree(out)
    return rows


def scenario_views(h: Harness, corpus: Path, base: Path, reference: Path, rounds: int) -> list[dict]:
    """Kill a run while it rewrites the views (timed from the first temporary view file)."""
    rows = []
    for number in range(rounds):
        out = h.work / f"views-{number}"
        shutil.copytree(base, out)
        proc = h.spawn("run", str(corpus), "-o", str(out), "-q")
        phase = h.kill(proc, h.rng.uniform(0.0, 0.25), out, trigger=lambda: h.rewriting(out))
        done = h.run("run", str(corpus), "-o", str(out), "-q")
        rows.append({"scenario": "views", "kills": int(phase is not None), "phases": [phase] if phase else [],
                     "exit": done.returncode, "told": summary_line(done), **check(out, reference)})
        shutil.rmtree(out)
    return rows


def scenario_mark(h: Harness, corpus: Path, full: Path, reference: Path, kills: int, mark_time: float) -> list[dict]:
    """Kill ``claimx mark`` at random moments; record which decisions the user was told were recorded."""
    out = h.work / "mark"
    shutil.copytree(full, out)
    claims = read_view(reference, "claims.jsonl")
    told: set[int] = set()
    rows = []
    actions = (["--accept"], ["--reject"], ["--status", "denied"], ["--status", "rumored"])
    picked = h.rng.sample(claims, kills * 2)
    for number in range(kills):
        # one mark that finishes (its decision must survive), one that is killed
        claim = picked[2 * number]
        done = h.run("mark", claim["claim_id"], *h.rng.choice(actions), "-o", str(out))
        if done.returncode == 0:
            told.add(int(one_line(done.stdout).split("(decision ")[1].split(")")[0]))
        victim = picked[2 * number + 1]
        proc = h.spawn("mark", victim["claim_id"], *h.rng.choice(actions), "-o", str(out))
        trigger = (lambda: h.rewriting(out)) if number % 3 == 0 else None
        phase = h.kill(proc, h.rng.uniform(0.0, 0.05 if trigger else mark_time), out, trigger=trigger)
        follow = h.run("run", str(corpus), "-o", str(out), "-q")
        result = check(out, reference, told_decisions=told)
        # the views must be what the store says: rebuilt from it, they do not change
        before = {name: (out / name).read_text() for name in VIEWS}
        for name in VIEWS:
            (out / name).unlink()
        h.run("run", str(corpus), "-o", str(out), "-q")
        result["views_match_store"] = before == {name: (out / name).read_text() for name in VIEWS}
        rows.append({"scenario": "mark", "kills": int(phase is not None), "phases": [phase] if phase else [],
                     "exit": follow.returncode, "told": summary_line(follow), **result})
    shutil.rmtree(out)
    return rows


def _mount_tmpfs(path: Path, size_kb: int) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(path)], capture_output=True).returncode == 0


def _fsize_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def scenario_disk_full(h: Harness, corpus: Path, reference: Path, full_size: int) -> list[dict]:
    """Outputs that fill up mid-run (tmpfs when it can be mounted, else a file-size limit), then space is freed."""
    rows = []
    for share in (0.3, 0.6, 0.9):
        out = h.work / f"full-{int(share * 100)}"
        size_kb = max(64, int(full_size * share / 1024))
        mounted = os.geteuid() == 0 and _mount_tmpfs(out, size_kb)
        how = f"tmpfs of {size_kb} KiB" if mounted else f"RLIMIT_FSIZE of {size_kb} KiB per file"
        preexec = None if mounted else _fsize_limit(size_kb * 1024)
        try:
            failed = h.run("run", str(corpus), "-o", str(out), "-q", preexec=preexec)
            told = summary_line(failed)
            if mounted:  # free space: the tmpfs grows
                subprocess.run(["mount", "-o", f"remount,size={4 * full_size // 1024 + 4096}k", str(out)], check=True)
            done = h.run("run", str(corpus), "-o", str(out), "-q")
            rows.append({"scenario": "disk-full", "how": how, "exit_full": failed.returncode, "told": told[-400:],
                         "traceback_on_terminal": "Traceback" in failed.stdout + failed.stderr,
                         "exit": done.returncode, "told_after": summary_line(done), **check(out, reference)})
        finally:
            if mounted:
                subprocess.run(["umount", str(out)], capture_output=True)
            shutil.rmtree(out, ignore_errors=True)
    return rows


def scenario_read_only(h: Harness, corpus: Path, base: Path, reference: Path) -> list[dict]:
    """Outputs that cannot be written: a run with new articles and a mark; then the same, writable."""
    out = h.work / "ro"
    shutil.copytree(base, out)
    before = {name: (out / name).read_text() for name in VIEWS}
    claim = read_view(out, "claims.jsonl")[0]["claim_id"]
    as_root = os.geteuid() == 0
    if as_root:
        subprocess.run(["mount", "--bind", str(out), str(out)], check=True)
        subprocess.run(["mount", "-o", "remount,ro,bind", str(out)], check=True)
        how = "read-only bind mount"
    else:
        for path in [out, *out.iterdir()]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        how = "permissions 555/444"
    try:
        ran = h.run("run", str(corpus), "-o", str(out), "-q")
        marked = h.run("mark", claim, "--accept", "-o", str(out))
        unchanged = before == {name: (out / name).read_text() for name in VIEWS}
    finally:
        if as_root:
            subprocess.run(["umount", str(out)], check=True)
        else:
            for path in [out, *out.iterdir()]:
                path.chmod(0o755 if path.is_dir() else 0o644)
    done = h.run("run", str(corpus), "-o", str(out), "-q")
    row = {"scenario": "read-only", "how": how, "exit_run": ran.returncode, "exit_mark": marked.returncode,
           "told": summary_line(ran), "told_mark": summary_line(marked),
           "traceback_on_terminal": "Traceback" in ran.stderr + marked.stderr, "views_unchanged": unchanged,
           "exit": done.returncode, "told_after": summary_line(done), **check(out, reference)}
    shutil.rmtree(out)
    return [row]


def _truncate(db: Path) -> None:
    with db.open("r+b") as handle:
        handle.truncate(db.stat().st_size // 2)


def _overwrite(db: Path) -> None:
    size = db.stat().st_size
    with db.open("r+b") as handle:
        for page in random.Random(size).sample(range(1, size // 4096), min(20, size // 4096 - 1)):
            handle.seek(page * 4096)
            handle.write(os.urandom(4096))


def _zero_header(db: Path) -> None:
    with db.open("r+b") as handle:
        handle.write(b"\0" * 100)


def _delete(db: Path) -> None:
    db.unlink()


def scenario_damaged(h: Harness, corpus: Path, full: Path, reference: Path, decisions: int) -> list[dict]:
    """A damaged claimx.db with reviewer decisions in it: the message, then what it says to do."""
    rows = []
    claims = read_view(reference, "claims.jsonl")
    for name, damage in (("truncated", _truncate), ("pages overwritten", _overwrite), ("header zeroed", _zero_header), ("deleted", _delete)):
        out = h.work / f"damaged-{name.split()[0]}"
        shutil.copytree(full, out)
        told_ids: set[int] = set()
        for claim in h.rng.sample(claims, decisions):
            done = h.run("mark", claim["claim_id"], "--status", "denied", "-o", str(out))
            told_ids.add(int(one_line(done.stdout).split("(decision ")[1].split(")")[0]))
        for wal in out.glob("claimx.db-*"):
            wal.unlink()  # the store checkpointed and closed: the damage is in the file itself
        damage(out / "claimx.db")
        first = h.run("run", str(corpus), "-o", str(out), "-q")
        told = summary_line(first)
        steps = [f"claimx run -> exit {first.returncode}"]
        final = first
        if first.returncode == 2 and "--rebuild" in told:
            final = h.run("run", str(corpus), "-o", str(out), "-q", "--rebuild")
            steps.append(f"claimx run --rebuild -> exit {final.returncode}")
        rows.append({"scenario": "damaged", "how": name, "steps": steps, "told": told[-500:],
                     "traceback_on_terminal": "Traceback" in first.stdout + first.stderr,
                     "told_after": summary_line(final)[:400], "exit": final.returncode,
                     **check(out, reference, told_decisions=told_ids)})
        shutil.rmtree(out)
    return rows


# -- main ------------------------------------------------------------------------------


def timed(h: Harness, *args: str) -> tuple[float, subprocess.CompletedProcess]:
    start = time.monotonic()
    done = h.run(*args)
    return time.monotonic() - start, done


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.iterdir() if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--kills", type=int, default=100, help="at least this many kill -9 in all")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a new temporary one)")
    parser.add_argument("--json", type=Path, default=None, help="write every row here")
    parser.add_argument(
        "--scenarios",
        default="run,incremental,views,mark,disk-full,read-only,damaged",
        help="comma-separated scenarios to run (default: all)",
    )
    args = parser.parse_args()
    chosen = set(args.scenarios.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="claimx-faults-"))
    work.mkdir(parents=True, exist_ok=True)
    h = Harness(work, freeze_code(work), random.Random(args.seed))
    corpus, early = work / "corpus", work / "corpus-early"
    build_corpus(corpus, args.articles)
    added = max(1, args.articles // 10)
    early.mkdir()
    for path in sorted(corpus.iterdir())[: args.articles - added]:
        shutil.copy(path, early / path.name)

    reference, base, near = work / "reference", work / "base", work / "base-near"
    full_time, done = timed(h, "run", str(corpus), "-o", str(reference), "-q")
    assert done.returncode == 0, done.stdout + done.stderr
    print(f"uninterrupted run: {full_time:.1f} s; {summary_line(done)}", flush=True)
    needs_base = bool(chosen & {"incremental", "views", "read-only"})
    if needs_base:
        h.run("run", str(early), "-o", str(base), "-q")
    almost = work / "corpus-almost"  # all but two articles: a run that soon reaches its view rewrite
    shutil.copytree(corpus, almost)
    for path in sorted(almost.iterdir())[-2:]:
        path.unlink()
    if needs_base:
        h.run("run", str(almost), "-o", str(near), "-q")
    print(f"setup done at {time.strftime('%H:%M:%S')}", flush=True)
    add_time = full_time * added / args.articles + 4.0  # model load included
    mark_time = 1.5

    # kill budget: a fifth for full runs, 3/10 incremental runs, a quarter each view rewrites and marks
    budget = args.kills
    per_round = 5
    rows: list[dict] = []
    if "run" in chosen:
        rows += scenario_run(h, corpus, reference, max(1, budget // 5 // per_round), per_round, full_time)
        print(f"run scenario done at {time.strftime('%H:%M:%S')}", flush=True)
    if "incremental" in chosen:
        rows += scenario_incremental(h, corpus, base, reference, max(1, budget * 3 // 10 // 3), 3, add_time)
        print(f"incremental scenario done at {time.strftime('%H:%M:%S')}", flush=True)
    if "views" in chosen:
        rows += scenario_views(h, corpus, near, reference, max(1, budget // 4))
        print(f"views scenario done at {time.strftime('%H:%M:%S')}", flush=True)
    if "mark" in chosen:
        rows += scenario_mark(h, corpus, reference, reference, max(1, budget // 4), mark_time)
        print(f"mark scenario done at {time.strftime('%H:%M:%S')}", flush=True)
    killed = sum(r.get("kills", 0) for r in rows)
    while "views" in chosen and killed < args.kills:  # kills that came too late (the process had finished)
        extra = scenario_views(h, corpus, near, reference, args.kills - killed)
        rows += extra
        killed += sum(r["kills"] for r in extra)
    if "disk-full" in chosen:
        rows += scenario_disk_full(h, corpus, reference, folder_size(reference))
    if "read-only" in chosen:
        rows += scenario_read_only(h, corpus, base, reference)
    if "damaged" in chosen:
        rows += scenario_damaged(h, corpus, reference, reference, decisions=5)
    print(f"all done at {time.strftime('%H:%M:%S')}", flush=True)
    report(rows, args, full_time)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")


def report(rows: list[dict], args: argparse.Namespace, full_time: float) -> None:
    print(f"\n{args.articles} articles, seed {args.seed}; uninterrupted run {full_time:.1f} s\n")
    print("| scenario | rounds | kills | records lost / duplicated / changed | decisions lost | integrity_check | what the user was told |")
    print("|---|---|---|---|---|---|---|")
    by: dict[str, list[dict]] = collections.defaultdict(list)
    for row in rows:
        by[row["scenario"] + (f" ({row['how']})" if "how" in row else "")].append(row)
    for name, group in by.items():
        kills = sum(r.get("kills", 0) for r in group)
        lost = sum(r[p]["lost"] + r[p]["extra"] for r in group for p in ("claims", "documents", "status") if p in r)
        dup = sum(r[p]["duplicated"] for r in group for p in ("claims", "documents", "status") if p in r)
        changed = sum(r[p]["changed"] for r in group for p in ("claims", "documents", "status") if p in r)
        dec = sum(r.get("decisions_lost", 0) for r in group)
        ok = sum(1 for r in group if r["integrity"] == "ok")
        told = collections.Counter(r.get("told", "") for r in group).most_common(1)[0][0]
        print(f"| {name} | {len(group)} | {kills} | {lost} / {dup} / {changed} | {dec} | {ok}/{len(group)} ok | {told[:160]} |")
    phases = collections.Counter(p for r in rows for p in r.get("phases", []))
    print(f"\nkills: {sum(r.get('kills', 0) for r in rows)}; at: {dict(phases)}")
    print(f"total losses: {sum(losses(r) for r in rows)}")
    for row in rows:
        if row["scenario"] in ("disk-full", "read-only", "damaged"):
            print(f"- {row['scenario']} ({row.get('how')}): told {row['told']!r}; then {row.get('told_after', '')!r}")
        if row["scenario"] == "mark" and not row.get("views_match_store", True):
            print(f"- mark: views did not match the store after the follow-up run: {row}")


if __name__ == "__main__":
    main()
