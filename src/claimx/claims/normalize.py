""":mod:`claimx.claims.normalize`: a tokenizer that sees normalised text.

News text is full of characters the small English model was not trained on
(curly quotes, non-breaking hyphens, odd spaces). :class:`NormalizingTokenizer`
wraps the model's tokenizer: it tokenizes the length-preserving normalisation
of the text (:func:`claimx.read.normalize.normalize_text`), then builds a Doc
whose words are the *original* characters at the same offsets, with each
token's ``norm_`` taken from the normalised text. So ``doc.text`` is always the
article body exactly, while the model's features (which read ``NORM``) see
plain ASCII punctuation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.tokens import Doc
from spacy.util import registry

from ..read.normalize import normalize_text, rule_ids
from .extensions import record_rule


class NormalizingTokenizer:
    """Tokenize the normalised text, keep the original characters.

    tokenizer (Callable[[str], Doc]): the base model's tokenizer.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        norm = normalize_text(text)
        if norm == text:
            return self.tokenizer(text)
        ndoc = self.tokenizer(norm)
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[str | None] = []
        for token in ndoc:
            words.append(text[token.idx : token.idx + len(token.text)])
            norms.append(token.norm_)
            if not token.whitespace_:
                spaces.append(False)
                continue
            gap = token.idx + len(token.text)
            if text[gap] == " ":
                spaces.append(True)
            else:
                # An odd space mapped to " ": keep the original as its own token.
                spaces.append(False)
                words.append(text[gap])
                spaces.append(False)
                norms.append(None)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token, token_norm in zip(doc, norms):
            if token_norm is not None:
                token.norm_ = token_norm
        ids = rule_ids()
        for i, (before, after) in enumerate(zip(text, norm)):
            if before != after and before in ids:
                record_rule(doc, ids[before], i, i + 1)
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    # Serialisation delegates to the wrapped tokenizer, so nlp.to_disk works.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> "NormalizingTokenizer":
        self.tokenizer.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> "NormalizingTokenizer":
        self.tokenizer.from_disk(path, **kwargs)
        return self


@registry.tokenizers("claimx.NormalizingTokenizer.v1")
def create_normalizing_tokenizer() -> Any:
    """Config entry: wrap the language's default tokenizer."""
    base = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Any) -> NormalizingTokenizer:
        return NormalizingTokenizer(base(nlp))

    return make
