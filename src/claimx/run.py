""":mod:`claimx.run`: ``claimx run`` as a function: corpus in, outputs/ written.

Reads every article of the corpus, extracts claims with one loaded pipeline,
and writes ``claims.jsonl`` and ``documents.jsonl`` atomically. Files that
cannot be read are recorded with their error and do not stop the run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ClaimxError
from .outputs import CLAIMS_FILE, DOCUMENTS_FILE, write_jsonl_atomic
from .schemas import Article, ClaimRecord, DocumentRecord, ReadFailure

logger = logging.getLogger(__name__)


@dataclass
class RunSummary:
    """What a run did."""

    articles: int = 0
    claims: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    status_counts: dict[str, int] = field(default_factory=dict)
    outputs: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.failures


def run(
    corpus: Path,
    outputs: Path,
    *,
    model: str | None = None,
    force: bool = False,
    progress: bool = True,
) -> RunSummary:
    """Extract every article of ``corpus`` into ``outputs``.

    corpus (Path): the corpus folder (walked recursively).
    outputs (Path): where claims.jsonl and documents.jsonl go.
    model (str | None): the base spaCy pipeline; None for the default.
    force (bool): re-extract everything (every run does, until runs are incremental).
    progress (bool): show a progress bar for more than a few articles.
    RETURNS (RunSummary): counts and failures.
    """
    from .pipeline import Extraction
    from .read import read_corpus

    corpus = Path(corpus)
    if not corpus.is_dir():
        raise ClaimxError(f"Corpus folder {corpus} does not exist or is not a folder: give the folder that holds your articles.")
    articles: list[Article] = []
    failures: list[ReadFailure] = []
    for item in read_corpus(corpus):
        (articles if isinstance(item, Article) else failures).append(item)  # type: ignore[arg-type]
    summary = RunSummary(failures=failures, outputs=outputs)
    claims: list[ClaimRecord] = []
    documents: list[DocumentRecord] = []
    extractor = None
    if articles:
        extraction = Extraction(model=model)
        extractor = extraction.extractor
        show = progress and len(articles) > 3
        from .records import document_record

        for article, records in extraction.extract(articles, progress=show, total=len(articles)):
            claims.extend(records)
            documents.append(document_record(article, records, extractor))
    for failure in failures:
        documents.append(DocumentRecord(doc_id=failure.doc_id, path=failure.path, error=failure.error))
    documents.sort(key=lambda d: d.doc_id)
    write_jsonl_atomic(outputs / CLAIMS_FILE, claims)
    write_jsonl_atomic(outputs / DOCUMENTS_FILE, documents)
    summary.articles = len(articles)
    summary.claims = len(claims)
    for claim in claims:
        summary.status_counts[claim.status] = summary.status_counts.get(claim.status, 0) + 1
    del force
    return summary
