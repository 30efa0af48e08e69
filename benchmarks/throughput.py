"""Throughput of claimx against the bare spaCy model on the same corpus.

    python benchmarks/throughput.py [--articles 500] [--repeats 3] [--model NAME]

The corpus is the sample corpus's articles repeated (each copy with a numbered
first line, so no two documents are the same) up to ``--articles``. Both
pipelines run through ``nlp.pipe`` with the same batch size; the bare model is
the same base pipeline claimx loads, without claimx's tokenizer wrapper and
components. Each is timed ``--repeats`` times, alternately; the medians and
their ratio are printed. Target: claimx keeps at least 0.85 of the bare
model's throughput.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(n: int) -> list[str]:
    from claimx.read import read_corpus
    from claimx.schemas import Article

    bodies = [a.body for a in read_corpus(ROOT / "corpus") if isinstance(a, Article)]
    return [f"Dispatch {i}.\n{bodies[i % len(bodies)]}" for i in range(n)]


def timed(nlp, texts: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--model", default=None)
    parser.add_argument("--long-articles", type=int, default=40, help="articles joined into one long one")
    args = parser.parse_args()

    from claimx.nlp import load_base, load_nlp

    texts = build_corpus(args.articles)
    words = sum(len(t.split()) for t in texts)
    bare = load_base(args.model)
    full = load_nlp(args.model)
    timed(bare, texts[:20], args.batch_size)  # warm up both
    timed(full, texts[:20], args.batch_size)
    bare_times, full_times = [], []
    for _ in range(args.repeats):
        bare_times.append(timed(bare, texts, args.batch_size))
        full_times.append(timed(full, texts, args.batch_size))
    bare_med, full_med = statistics.median(bare_times), statistics.median(full_times)
    print(f"corpus: {len(texts)} articles, {words} words; model {bare.meta['name']} {bare.meta['version']}")
    print(f"bare spaCy : median {bare_med:.2f}s  ({len(texts) / bare_med:.1f} articles/s)")
    print(f"claimx     : median {full_med:.2f}s  ({len(texts) / full_med:.1f} articles/s)")
    print(f"throughput ratio claimx/bare: {bare_med / full_med:.3f}  (target >= 0.85)")
    # One long article: claimx's components must stay linear in its length.
    long_text = " ".join(texts[: args.long_articles])
    bare_long = statistics.median(timed(bare, [long_text], 1) for _ in range(args.repeats))
    full_long = statistics.median(timed(full, [long_text], 1) for _ in range(args.repeats))
    print(
        f"one long article ({len(long_text.split())} words): bare {bare_long:.2f}s, "
        f"claimx {full_long:.2f}s, ratio {bare_long / full_long:.3f}"
    )


if __name__ == "__main__":
    main()
