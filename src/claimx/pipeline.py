""":mod:`claimx.pipeline`: Articles in, claim records out.

The model is loaded once; documents go through ``nlp.pipe`` in batches. An
article longer than the model's ``max_length`` is cut into paragraph-aligned
pieces (:func:`long_pieces`) that go through the pipeline one by one, their
records shifted back to offsets in the whole body. :func:`extract_shard` is the
pure per-shard step (articles in, JSON records out) that a worker process or a
Dask worker runs (:mod:`claimx.scale`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from tqdm import tqdm

from .fingerprint import extractor_info
from .schemas import Article, ClaimRecord, Extractor

logger = logging.getLogger(__name__)

#: Settings that shape extraction; part of the fingerprint.
DEFAULT_SETTINGS: dict[str, object] = {"batch_size": 16}

#: The longest piece (in characters) of an article longer than the model's
#: ``max_length``: parser memory grows with a Doc's length, so a 5 MB live blog
#: goes through in pieces of at most this size.
LONG_PIECE_CHARS = 100_000


def long_pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut a text into pieces of at most ``limit`` characters, at paragraph breaks where it can.

    A piece ends after a blank line when there is one in its second half, else
    after a line break, else after a sentence's end (". "), else after a space;
    only a text with none of these is cut mid-word.

    text (str): the text.
    limit (int): the longest piece.
    RETURNS (list[tuple[int, int]]): ``(start, end)`` of each piece; together
        they cover the text exactly, in order.
    """
    limit = max(1, limit)
    pieces: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        stop = start + limit
        floor = start + limit // 2
        end = -1
        for sep in ("\n\n", "\n", ". ", " "):
            at = text.rfind(sep, floor, stop - len(sep) + 1)
            if at >= 0:
                end = at + len(sep)
                break
        if end <= start:
            end = stop
        pieces.append((start, end))
        start = end
    pieces.append((start, n))
    return pieces


@dataclass
class Extraction:
    """A loaded claimx pipeline and what identifies its output.

    Its Docs record no rule firings (``doc._.rules_fired``: no record holds them).

    model (str | None): the base spaCy pipeline; None for the default.
    """

    model: str | None = None
    batch_size: int = 16
    nlp: object = field(init=False, repr=False)
    extractor: Extractor = field(init=False)

    def __post_init__(self) -> None:
        from .nlp import load_nlp, model_info, rule_packs

        self.nlp = load_nlp(self.model)
        name, version = model_info(self.nlp)  # type: ignore[arg-type]
        rules = rule_packs(self.nlp)  # type: ignore[arg-type]
        self.extractor = extractor_info(name, version, rules_dir=rules, settings={})

    def extract(
        self, articles: Iterable[Article], *, progress: bool = False, total: int | None = None
    ) -> Iterator[tuple[Article, list[ClaimRecord]]]:
        """Yield each article with its claim records, in input order.

        An article longer than the model's ``max_length`` goes through in
        pieces of at most :data:`LONG_PIECE_CHARS` characters, cut at
        paragraph breaks; its records count offsets in the whole body.
        """
        from .nlp import make_doc
        from .records import doc_records

        nlp = self.nlp
        max_length = int(nlp.max_length)  # type: ignore[attr-defined]
        piece_limit = min(max_length, LONG_PIECE_CHARS)
        bar = None
        if progress:
            bar = tqdm(total=total, unit="article", desc="claimx", leave=False, disable=None)
        try:
            for run, long in _runs(articles, max_length):
                if long:
                    yield run[0], self._extract_long(run[0], piece_limit)
                    if bar is not None:
                        bar.update(1)
                    continue
                pairs = ((make_doc(nlp, article, record_rules=False), article) for article in run)  # type: ignore[arg-type]
                for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):  # type: ignore[attr-defined]
                    yield article, doc_records(doc, article, self.extractor)
                    if bar is not None:
                        bar.update(1)
        finally:
            if bar is not None:
                bar.close()

    def _extract_long(self, article: Article, piece_limit: int) -> list[ClaimRecord]:
        """An article over ``max_length``, one piece at a time (memory bounded by the piece)."""
        from .nlp import make_doc
        from .records import doc_records

        pieces = long_pieces(article.body, piece_limit)
        logger.info("%s: %d characters, extracted in %d pieces", article.path, len(article.body), len(pieces))
        records: list[ClaimRecord] = []
        for start, end in pieces:
            piece = article.model_copy(update={"body": article.body[start:end]})
            doc = self.nlp(make_doc(self.nlp, piece, record_rules=False))  # type: ignore[operator,arg-type]
            records.extend(doc_records(doc, article, self.extractor, start))
            del doc
        return records


def _runs(articles: Iterable[Article], max_length: int) -> Iterator[tuple[list[Article], bool]]:
    """Cut a stream of articles into runs of ordinary ones, and long ones (over ``max_length``) alone.

    The runs are lists: a shard is small, and a run must be known before it is piped.
    """
    run: list[Article] = []
    for article in articles:
        if len(article.body) > max_length:
            if run:
                yield run, False
                run = []
            yield [article], True
        else:
            run.append(article)
    if run:
        yield run, False


def extract_articles(
    articles: list[Article], *, model: str | None = None, progress: bool = True
) -> dict[str, list[ClaimRecord]]:
    """Extract claims from articles.

    articles (list[Article]): the articles.
    model (str | None): the base spaCy pipeline; None for the default.
    progress (bool): show a progress bar on stderr for more than a few articles.
    RETURNS (dict[str, list[ClaimRecord]]): claims by doc_id.
    """
    extraction = Extraction(model=model)
    show = progress and len(articles) > 3
    return {
        article.doc_id: records
        for article, records in extraction.extract(articles, progress=show, total=len(articles))
    }


@dataclass
class Extracted:
    """One article's extraction, as a worker hands it back: JSON, ready for the store.

    doc_id (str): the article.
    document (str | None): its ``documents.jsonl`` record (JSON); None when extraction failed.
    claims (list[tuple[str, str]]): ``(claim_id, record JSON)`` in text order.
    error (str | None): why extraction failed (one line), else None.
    """

    doc_id: str
    document: str | None
    claims: list[tuple[str, str]]
    error: str | None = None
    trace: str | None = None  # the traceback, for the run's log file (never the terminal)


#: Characters of an exception's message kept in a one-line failure (the log has all of it).
FAILURE_MESSAGE_CHARS = 240


def extraction_failure(exc: BaseException) -> str:
    """RETURNS (str): the one-line reason an article's extraction failed (spaCy's E088 included)."""
    text = " ".join(str(exc).split())
    first, stop, rest = text.partition(". ")
    if rest and len(text) > FAILURE_MESSAGE_CHARS // 2:
        text = first + stop.strip()  # spaCy's E088 explains itself at length: its first sentence says it
    if len(text) > FAILURE_MESSAGE_CHARS:
        text = text[: FAILURE_MESSAGE_CHARS - 1].rstrip() + "…"
    return f"extraction failed: {type(exc).__name__}: {text}"


def extract_shard(extraction: Extraction, articles: list[Article]) -> list[Extracted]:
    """Extract a shard of articles, in order; an article whose extraction raises becomes a failure, the others go on.

    extraction (Extraction): the loaded pipeline.
    articles (list[Article]): the shard.
    RETURNS (list[Extracted]): one per article, in input order.
    """
    from .records import document_record

    try:
        return [
            Extracted(
                article.doc_id,
                document_record(article, records, extraction.extractor).model_dump_json(),
                [(r.claim_id, r.model_dump_json()) for r in records],
            )
            for article, records in extraction.extract(articles)
        ]
    except Exception as exc:
        if len(articles) == 1:
            import traceback

            # the traceback travels back to the run, which logs it to its log file
            return [Extracted(articles[0].doc_id, None, [], extraction_failure(exc), traceback.format_exc())]
        results: list[Extracted] = []
        for article in articles:
            results.extend(extract_shard(extraction, [article]))
        return results
