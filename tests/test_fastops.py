"""The base model's matrix products through numpy's BLAS, one thread: same annotations."""

from __future__ import annotations

import types
from pathlib import Path

import numpy
import pytest
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController

from claimx.fastops import OneThreadNumpyOps, speed_up_ops
from claimx.read import read_corpus
from claimx.schemas import Article

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "corpus", ROOT / "benchmarks" / "goldset-2" / "articles"]


def _annotations(nlp, texts):
    return [
        [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]
        for doc in nlp.pipe(texts)
    ]


@pytest.mark.issue(11)
def test_issue11_numpy_products_give_the_same_annotations():
    import spacy

    from claimx.basemodel import DEFAULT_MODELS

    base = None
    for name in DEFAULT_MODELS:
        try:
            base = spacy.load(name)
            break
        except OSError:
            continue
    assert base is not None
    texts = [a.body for folder in FOLDERS for a in read_corpus(folder) if isinstance(a, Article)]
    texts.append("The airline is said to be weighing an order for forty jets, two people familiar with it said.")
    expected = _annotations(base, texts)
    assert speed_up_ops(base) > 0
    for _, pipe in base.pipeline:
        model = getattr(pipe, "model", None)
        if isinstance(model, Model):
            assert all(isinstance(node.ops, OneThreadNumpyOps) for node in model.walk())
    assert _annotations(base, texts) == expected


def test_claimx_pipeline_multiplies_with_numpy(nlp):
    tok2vec = nlp.get_pipe("tok2vec").model
    assert isinstance(tok2vec.ops, OneThreadNumpyOps)
    assert not any(type(node.ops) is NumpyOps for node in tok2vec.walk())


def test_products_run_on_one_thread_and_match_numpy():
    ops = OneThreadNumpyOps()
    seen: list[int] = []

    def dot(x, y, out=None):  # numpy's own product, noting the BLAS threads it may use
        seen.extend(lib["num_threads"] for lib in ThreadpoolController().info() if lib["user_api"] == "blas")
        return numpy.dot(x, y, out=out)

    ops.xp = types.SimpleNamespace(dot=dot)
    rng = numpy.random.default_rng(3)
    x = rng.random((40, 12), dtype="float32")
    y = rng.random((7, 12), dtype="float32")
    result = ops.gemm(x, y, trans2=True)
    assert result.shape == (40, 7)
    assert numpy.allclose(result, x @ y.T, rtol=1e-5)
    assert seen and set(seen) == {1}
