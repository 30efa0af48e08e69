""":mod:`claimx.read`: corpus files in, :class:`~claimx.schemas.Article` records out.

``read_corpus(root)`` walks a folder and yields one
:class:`~claimx.schemas.Article` per article, or a
:class:`~claimx.schemas.ReadFailure` saying in one line why a file (or one
line of a ``.jsonl``) could not be read. Formats: ``.md``/``.markdown``/``.txt``
with optional YAML front matter (:mod:`.text`), ``.html``/``.htm`` news pages
(:mod:`.html`), ``.json``/``.jsonl`` records (:mod:`.jsonl`).
``normalize_text`` (:mod:`.normalize`) prepares a body for the model without
changing its length.
"""

from __future__ import annotations

from .corpus import (
    READERS,
    CorpusEntry,
    corpus_entries,
    duplicate_failure,
    iter_corpus_files,
    parse_bytes,
    read_bytes_safely,
    read_corpus,
    read_file,
    read_located,
    refusal,
)
from .fields import parse_published
from .normalize import (
    NormalizeRule,
    load_normalize_rules,
    normalize_text,
    translation_table,
)
from .text import split_front_matter

#: The suffixes claimx reads.
SUFFIXES: tuple[str, ...] = tuple(sorted(READERS))

__all__ = [
    "SUFFIXES",
    "CorpusEntry",
    "NormalizeRule",
    "corpus_entries",
    "duplicate_failure",
    "iter_corpus_files",
    "load_normalize_rules",
    "normalize_text",
    "parse_bytes",
    "parse_published",
    "read_bytes_safely",
    "read_corpus",
    "read_file",
    "read_located",
    "refusal",
    "split_front_matter",
    "translation_table",
]
