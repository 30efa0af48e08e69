""":mod:`claimx.bench.common`: what the benchmark adapters share.

Re-joining pre-tokenised benchmark text into plain text with token offsets,
running Docs through ``nlp.pipe`` behind a progress bar, and the result record
every adapter returns.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from ..claims import extensions  # noqa: F401  (registers doc._.published)

T = TypeVar("T")

#: Tokens written without a space before them.
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "..."})
#: Tokens written without a space after them.
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "#"})


def join_tokens(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Re-join benchmark tokens into readable text, the way news is written
    ("Airbus 's jet , ( left )" -> "Airbus's jet, (left)"), so the parser sees
    ordinary prose. Straight double quotes alternate opening and closing.

    tokens (Sequence[str]): the tokens, in order.
    RETURNS (tuple[str, list[tuple[int, int]]]): the text, and each token's
        ``(start, end)`` character offsets in it.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    glue_next = True
    open_quote = False
    for token in tokens:
        glue = glue_next or token in NO_SPACE_BEFORE
        glue_next = token in NO_SPACE_AFTER
        if token == '"':
            if open_quote:
                glue = True
            else:
                glue_next = True
            open_quote = not open_quote
        if not glue:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(token)))
        parts.append(token)
        pos += len(token)
    return "".join(parts), offsets


def is_tty() -> bool:
    """RETURNS (bool): whether progress bars should show (stderr is a terminal)."""
    return sys.stderr.isatty()


def pipe_texts(
    nlp: Language,
    items: Iterable[tuple[str, dt.date | None, T]],
    *,
    total: int | None = None,
    desc: str = "claimx",
    batch_size: int = 32,
    progress: bool | None = None,
) -> Iterator[tuple[Doc, T]]:
    """Run texts through ``nlp.pipe`` with their publication dates set first.

    items (Iterable[tuple[str, date | None, T]]): text, published date, and
        any context to pair with the Doc.
    total (int | None): item count, for the progress bar.
    progress (bool | None): show a tqdm bar; None shows it when stderr is a TTY.
    RETURNS (Iterator[tuple[Doc, T]]): processed Docs with their context, in order.
    """
    from tqdm import tqdm

    def docs() -> Iterator[tuple[Doc, T]]:
        for text, published, context in items:
            doc = nlp.make_doc(text)
            doc._.published = published
            yield doc, context

    show = is_tty() if progress is None else progress
    stream = nlp.pipe(docs(), as_tuples=True, batch_size=batch_size)
    yield from tqdm(stream, total=total, desc=desc, disable=not show, unit="doc")


@dataclass
class BenchResult:
    """One benchmark run: what was read, the figures, and how long it took.

    name (str): the benchmark. split (str): the split scored.
    n_docs (int): documents (or sentences) processed.
    figures (dict): the benchmark's figures (plain data).
    seconds (float): wall time of reading, processing and scoring.
    """

    name: str
    split: str
    n_docs: int
    figures: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "split": self.split, "n_docs": self.n_docs,
            "seconds": round(self.seconds, 2), "figures": self.figures,
        }


class Timer:
    """Context manager measuring wall time in ``seconds``."""

    def __enter__(self) -> Timer:  # noqa: PYI034
        self.start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start


@contextmanager
def timex3_layer(nlp: Language) -> Iterator[Language]:
    """Have ``claimx_dates`` write every TIMEX3 to ``doc.spans["timexes"]``
    while the block runs. Claim extraction leaves that layer off: claims
    carry dates only, and the layer costs time a run does not need."""
    from ..claims.extensions import TIMEXES_KEY

    finder = nlp.get_pipe("claimx_dates")
    before = finder.timexes_key
    finder.timexes_key = TIMEXES_KEY
    try:
        yield nlp
    finally:
        finder.timexes_key = before
