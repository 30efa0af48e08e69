""":mod:`claimx.fastops`: the base model's matrix products through numpy's BLAS, on one thread.

thinc multiplies the model's matrices (the token-to-vector layers of the
tagger and parser and of the entity recogniser, the parsers' hidden layers)
with BLIS, which picks its kernels by the CPU model it recognises. On a CPU
it does not recognise (a recent AMD EPYC behind a hypervisor, as on the
machine these figures come from) it falls back to its generic C kernel,
which does those products at half the speed of numpy's own BLAS (OpenBLAS
in numpy's wheels, which picks its kernels by instruction set): on 300
articles the shared token-to-vector layer took 6.1 s of CPU with BLIS and
3.0 s with numpy's BLAS. :func:`speed_up_ops` gives the pipeline's models an
``Ops`` whose ``gemm`` is numpy's, each product limited to one thread (claimx
runs one process per core; the rest of the process keeps its own setting).

The products are the same sums in another order, so the last bits of a
float may differ, as they already do between BLIS's kernels on two
machines: the annotations of every token of the gold sets' articles are
identical (tags, heads, dependencies, lemmas, entities, sentence starts),
and so are the claims. The transition loop of the parser and the entity
recogniser still calls BLIS from compiled code, which no ``Ops`` reaches.
"""

from __future__ import annotations

from typing import Any

from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController


class OneThreadNumpyOps(NumpyOps):
    """thinc's ``NumpyOps`` with numpy's matrix product in place of BLIS's, on one thread."""

    name = "numpy"

    def __init__(self, **kwargs: Any) -> None:
        kwargs["use_blis"] = False
        super().__init__(**kwargs)
        self._threads = ThreadpoolController()

    def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        with self._threads.limit(limits=1, user_api="blas"):
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


def speed_up_ops(nlp: Any) -> int:
    """Give every model of the pipeline's components :class:`OneThreadNumpyOps`.

    RETURNS (int): how many model nodes were changed (0 when none are thinc models on the CPU).
    """
    ops = OneThreadNumpyOps()
    changed = 0
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if not isinstance(model, Model) or not isinstance(model.ops, NumpyOps):
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps):
                node.ops = ops
                changed += 1
    return changed
