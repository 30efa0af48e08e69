"""CPU of claimx's own components, two source folders paired batch by batch.

    python benchmarks/paired_components.py OLD_SRC NEW_SRC [--corpus DIR] [--articles 160] [--repeats 1]

Two worker processes, one per ``src`` folder (each with its checkout's rule pack,
``SRC/../models/en``), read the same articles (``--corpus``, the sample corpus
by default, each article once: build a larger one with ``benchmarks/incremental.py``'s
``build_corpus``), run the base model over them once (the model and
``claimx_sentences``: the same in both), then take turns: for each batch of 16
articles, one worker runs claimx's components after the base model
(``claimx_entities`` to ``claimx_topic``) and the records over copies of its Docs,
then the other (which goes first alternates), each timing its own CPU per
component. On a machine that other work shares, the two see the same load at
nearly the same time, so their ratio says what separate whole runs cannot: a
change of a few per cent in claimx's own time. The records of each batch are
compared (code hash and fingerprint masked): a batch whose records differ is
named.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = 16
_MASK = re.compile(r'"(code_hash|fingerprint)":"[0-9a-f]+"')


def worker(src: str, corpus: str, count: int) -> None:
    """Serve batches (their first article's index, one a line on stdin): per component CPU and the records' digest."""
    sys.path.insert(0, src)
    from claimx.nlp import make_doc
    from claimx.pipeline import Extraction
    from claimx.read.corpus import read_corpus
    from claimx.records import doc_records
    from claimx.schemas import Article

    articles = [r for r in read_corpus(Path(corpus), follow_symlinks=True) if isinstance(r, Article)][:count]
    extraction = Extraction()
    nlp = extraction.nlp
    base = [name for name in nlp.pipe_names if not name.startswith("claimx") or name == "claimx_sentences"]
    with nlp.select_pipes(enable=base):
        docs = list(nlp.pipe((make_doc(nlp, a, record_rules=False) for a in articles), batch_size=BATCH))
    own = [(name, pipe) for name, pipe in nlp.pipeline if name not in base]
    print(len(articles), flush=True)
    for line in sys.stdin:
        first = int(line)
        digest = hashlib.sha256()
        spent: dict[str, float] = {}
        for doc, article in zip(docs[first : first + BATCH], articles[first : first + BATCH]):
            doc = doc.copy()
            for name, pipe in own:
                start = time.process_time()
                doc = pipe(doc)
                spent[name] = spent.get(name, 0.0) + time.process_time() - start
            start = time.process_time()
            records = [r.model_dump_json() for r in doc_records(doc, article, extraction.extractor)]
            spent["records"] = spent.get("records", 0.0) + time.process_time() - start
            for record in records:
                digest.update(_MASK.sub("-", record).encode("utf-8"))
        print(" ".join(f"{name}={seconds:.5f}" for name, seconds in spent.items()), digest.hexdigest(), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--corpus", default=str(ROOT / "corpus"))
    parser.add_argument("--articles", type=int, default=160)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.old, args.corpus, args.articles)
        return
    procs = {
        tag: subprocess.Popen(
            [sys.executable, __file__, src, src, "--worker", "--corpus", args.corpus, "--articles", str(args.articles)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for tag, src in (("old", args.old), ("new", args.new))
    }
    counts = {tag: int(proc.stdout.readline()) for tag, proc in procs.items()}  # type: ignore[union-attr]
    count = min(counts.values())
    spent: dict[str, dict[str, float]] = {"old": {}, "new": {}}
    differing = []
    for repeat in range(args.repeats):
        for n, first in enumerate(range(0, count, BATCH)):
            digests = {}
            for tag in ("old", "new") if (n + repeat) % 2 == 0 else ("new", "old"):
                proc = procs[tag]
                proc.stdin.write(f"{first}\n")  # type: ignore[union-attr]
                proc.stdin.flush()  # type: ignore[union-attr]
                *times, digests[tag] = proc.stdout.readline().split()  # type: ignore[union-attr]
                for item in times:
                    name, seconds = item.split("=")
                    spent[tag][name] = spent[tag].get(name, 0.0) + float(seconds)
            if digests["old"] != digests["new"] and first not in differing:
                differing.append(first)
    for proc in procs.values():
        proc.stdin.close()  # type: ignore[union-attr]
        proc.wait()
    old, new = sum(spent["old"].values()), sum(spent["new"].values())
    print(f"{count} articles x {args.repeats}: old {old:.2f} s, new {new:.2f} s CPU, new/old {new / old:.3f}")
    for name, seconds in spent["old"].items():
        print(f"  {name.replace('claimx_', ''):12s} {seconds:7.2f} -> {spent['new'][name]:7.2f}  ({spent['new'][name] / max(seconds, 1e-9):.3f})")
    print("records identical" if not differing else f"records differ in the batches from articles {differing}")


if __name__ == "__main__":
    main()
