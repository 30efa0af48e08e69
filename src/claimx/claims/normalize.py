""":mod:`claimx.claims.normalize`: a tokenizer that sees normalised text.

News text is full of characters the small English model was not trained on
(curly quotes, non-breaking hyphens, odd spaces). :class:`NormalizingTokenizer`
wraps the model's tokenizer: it tokenizes the length-preserving normalisation
of the text (:func:`claimx.read.normalize.normalize_text`), then builds a Doc
whose words are the *original* characters at the same offsets, with each
token's ``norm_`` taken from the normalised text. An odd space between two
words (a no-break space, a thin space) becomes their whitespace, as the model
was trained to see words apart; a token of its own there misleads the tagger
and the parser. So ``doc.text`` is the article body with those spaces plain,
of the same length, and :func:`claimx.claims.sentences.doc_text` (which every
component and the records read) is the body exactly, while the model's
features (which read ``NORM``) see plain ASCII punctuation.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import srsly
from spacy.attrs import LENGTH, NORM, SPACY
from spacy.tokens import Doc
from spacy.util import ensure_path, registry

from ..read.normalize import RULE_FILE, load_normalize_rules
from ..rules import default_rules_dir
from .extensions import record_rule
from .sentences import keep_text


class NormalizingTokenizer:
    """Tokenize the normalised text, keep the original characters.

    tokenizer (Callable[[str], Doc]): the base model's tokenizer.
    rules_dir (Path | None): the rule pack whose ``normalize.jsonl`` to use;
        None for the default. It is read on first use, or by :meth:`from_disk`
        from a saved pipeline, which holds its own copy.
    """

    def __init__(self, tokenizer: Any, rules_dir: Path | None = None) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self.rules_dir = Path(rules_dir) if rules_dir else None
        self._rules: str | None = None  # the text of normalize.jsonl, once read
        self.pack_dir: Path | None = None  # the folder it was read from
        self._table: dict[int, str] = {}
        self._ids: dict[str, str] = {}
        self._changed: re.Pattern[str] = re.compile("(?!)")

    def _load(self, path: Path) -> None:
        """Read ``normalize.jsonl`` of the pack at ``path``."""
        rules = load_normalize_rules(path)
        self._table = {ord(rule.char): rule.replacement for rule in rules}
        self._ids = {rule.char: rule.id for rule in rules}
        # the characters a rule replaces (each by another character)
        self._changed = re.compile("[" + "".join(re.escape(rule.char) for rule in rules) + "]" if rules else "(?!)")
        self._rules = (path / RULE_FILE).read_text(encoding="utf-8")
        self.pack_dir = path

    def _ensure(self) -> None:
        if self._rules is None:
            self._load(self.rules_dir or default_rules_dir())

    def __call__(self, text: str) -> Doc:
        self._ensure()
        norm = text if text.isascii() else text.translate(self._table)
        if norm == text:
            return self.tokenizer(text)
        ndoc = self.tokenizer(norm)
        # each token's length, whitespace and norm, read as columns (no Token made)
        columns = ndoc.to_array([LENGTH, SPACY, NORM])
        lengths = columns[:, 0].tolist()
        # An odd space mapped to " " ("repeatedly\u00a0ignored") is the
        # words' whitespace, as the model was trained to see it: a token
        # of its own there misleads the tagger and the parser. The Doc's
        # text then has " " in its place; the article's own text is kept
        # for doc_text (same length, so every offset holds).
        spaces = columns[:, 1].astype(bool).tolist()
        words: list[str] = []
        start = 0
        for length, space in zip(lengths, spaces):
            words.append(text[start : start + length])
            start += length + space
        doc = Doc(self.vocab, words=words, spaces=spaces)
        # (the Doc's text joined from its words, not read back from ``doc.text``, which makes a Token for every token)
        if "".join([word + " " if space else word for word, space in zip(words, spaces)]) != text:
            keep_text(doc, text)
        if len(doc):
            doc.from_array([NORM], columns[:, 2:3])  # the model's features read the normalised forms
        ids = self._ids
        for found in self._changed.finditer(text):
            record_rule(doc, ids[found.group()], found.start(), found.end())
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    # Serialisation: the wrapped tokenizer and the normalisation rules travel
    # together, so a saved pipeline needs no rule pack.
    def to_bytes(self, **kwargs: Any) -> bytes:
        self._ensure()
        return srsly.msgpack_dumps({"tokenizer": self.tokenizer.to_bytes(**kwargs), "normalize": self._rules})

    def from_bytes(self, data: bytes, **kwargs: Any) -> NormalizingTokenizer:
        msg = srsly.msgpack_loads(data)
        if isinstance(msg, dict) and set(msg) == {"tokenizer", "normalize"}:
            self.tokenizer.from_bytes(msg["tokenizer"], **kwargs)
            with tempfile.TemporaryDirectory() as tmp:
                (Path(tmp) / RULE_FILE).write_text(msg["normalize"], encoding="utf-8")
                self._load(Path(tmp))
            self.pack_dir = None
        else:  # the bytes of a plain tokenizer
            self.tokenizer.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        """Write a folder: the wrapped tokenizer (``tokenizer``) and ``normalize.jsonl``."""
        self._ensure()
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.tokenizer.to_disk(path / "tokenizer", **kwargs)
        (path / RULE_FILE).write_text(self._rules or "", encoding="utf-8")

    def from_disk(self, path: str | Path, **kwargs: Any) -> NormalizingTokenizer:
        """Read a folder written by :meth:`to_disk` (or a plain tokenizer's file)."""
        path = ensure_path(path)
        if path.is_dir():
            self.tokenizer.from_disk(path / "tokenizer", **kwargs)
            self._load(path)
        else:
            self.tokenizer.from_disk(path, **kwargs)
        return self


@registry.tokenizers("claimx.NormalizingTokenizer.v1")
def create_normalizing_tokenizer() -> Any:
    """Config entry: wrap the language's default tokenizer."""
    base = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Any) -> NormalizingTokenizer:
        return NormalizingTokenizer(base(nlp))

    return make
