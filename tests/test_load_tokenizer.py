"""claimx.nlp.load_base: a default model loads with its tokenizer built once, the same tokenizer
``spacy.load`` gives."""

from __future__ import annotations

from claimx.basemodel import DEFAULT_MODELS
from claimx.leanspacy import import_spacy
from claimx.nlp import SPACY_TOKENIZER, _loaded_tokenizer, _tokenizer_from_disk, load_base

spacy = import_spacy()


def _installed() -> str:
    import importlib.util

    return next(name for name in DEFAULT_MODELS if importlib.util.find_spec(name) is not None)


def test_default_model_tokenizer_is_spacy_loads():
    """The tokenizer read from the model's file alone is byte for byte the one ``spacy.load`` builds
    twice, and tokenizes alike."""
    from spacy.util import registry

    ours, theirs = load_base(), spacy.load(_installed())
    assert type(ours.tokenizer) is type(theirs.tokenizer)
    assert ours.tokenizer.to_bytes() == theirs.tokenizer.to_bytes()
    assert ours.tokenizer.rules == theirs.tokenizer.rules
    text = "Mr. O'Neill's firm can't say whether U.S. sales (up 3.5%) will top $2bn by Jan. 1st, e-mail info@example.com."
    assert [(t.text, t.whitespace_) for t in ours(text)] == [(t.text, t.whitespace_) for t in theirs(text)]
    # the registry gives spaCy's own tokenizer again afterwards
    blank = registry.tokenizers.get(SPACY_TOKENIZER)()(spacy.blank("en"))
    assert blank.rules and blank.prefix_search is not None


def test_model_without_its_tokenizer_file_gets_the_default_one():
    """A model whose tokenizer file is not read keeps the language's default tokenizer, as with ``spacy.load``."""
    with _tokenizer_from_disk():
        nlp = spacy.load(_installed(), exclude=["tokenizer"])
    nlp = _loaded_tokenizer(nlp)
    theirs = spacy.load(_installed(), exclude=["tokenizer"])
    assert nlp.tokenizer.rules and nlp.tokenizer.to_bytes() == theirs.tokenizer.to_bytes()
