""":mod:`claimx.bench`: claimx measured on public benchmarks written by others.

One adapter module per benchmark format, each a pure reader of the files in a
benchmark folder plus a ``run(nlp, path, split=..., limit=...)`` that returns
a :class:`~claimx.bench.common.BenchResult`:

=======================  ==========================================  =========
name                     adapter                                     splits
=======================  ==========================================  =========
``meantime``             :mod:`claimx.bench.meantime` (status+TIMEX)  all
``factuality-meantime``  :mod:`claimx.bench.factuality`               train/dev/test
``factuality-uw``        :mod:`claimx.bench.factuality`               test
``tempeval3-platinum``   :mod:`claimx.bench.tempeval`                 test
``polnear``              :mod:`claimx.bench.polnear`                  train/dev/test
=======================  ==========================================  =========
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from .common import BenchResult

#: Benchmark names, with the splits each one has (the first is the default).
BENCHMARKS: dict[str, tuple[str, ...]] = {
    "meantime": ("all",),
    "factuality-meantime": ("test", "dev", "train"),
    "factuality-uw": ("test",),
    "tempeval3-platinum": ("test",),
    "polnear": ("test", "dev", "train"),
}


def run_benchmark(
    name: str, path: Path, *, nlp: Language | None = None, split: str | None = None,
    limit: int | None = None, progress: bool | None = None,
) -> BenchResult:
    """Run one benchmark.

    name (str): a key of :data:`BENCHMARKS`.
    path (Path): the benchmark's folder (as in ``shared/benchmarks/<name>``).
    nlp (Language | None): the claimx pipeline; None loads the default.
    split (str | None): the split to score; None for the benchmark's default.
    limit (int | None): read only the first N documents (sentences for the
        factuality sets).
    progress (bool | None): show a progress bar; None when stderr is a TTY.
    RETURNS (BenchResult): the figures and the run time (model loading excluded).
    RAISES (ValueError): unknown name or split.
    """
    if name not in BENCHMARKS:
        raise ValueError(f"unknown benchmark {name!r}; choose one of {', '.join(BENCHMARKS)}")
    splits = BENCHMARKS[name]
    split = split or splits[0]
    if split not in splits and not (name == "meantime" and split == "test"):
        raise ValueError(f"{name} has no split {split!r}; it has {', '.join(splits)}")
    if nlp is None:
        from ..nlp import load_nlp

        nlp = load_nlp()
    path = Path(path)
    if name == "meantime":
        from . import meantime

        return meantime.run(nlp, path, split="all", limit=limit, progress=progress)
    if name.startswith("factuality-"):
        from . import factuality

        return factuality.run(nlp, path, name=name, split=split, limit=limit, progress=progress)
    if name == "tempeval3-platinum":
        from . import tempeval

        return tempeval.run(nlp, path, split=split, limit=limit, progress=progress)
    from . import polnear

    return polnear.run(nlp, path, split=split, limit=limit, progress=progress)


__all__ = ["BENCHMARKS", "BenchResult", "run_benchmark"]
