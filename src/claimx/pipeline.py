""":mod:`claimx.pipeline`: Articles in, claim records out.

The model is loaded once; documents go through ``nlp.pipe`` in batches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from tqdm import tqdm

from .fingerprint import configured_rules_dirs, extractor_info
from .schemas import Article, ClaimRecord, Extractor

#: Settings that shape extraction; part of the fingerprint.
DEFAULT_SETTINGS: dict[str, object] = {"batch_size": 16}


@dataclass
class Extraction:
    """A loaded claimx pipeline and what identifies its output.

    model (str | None): the base spaCy pipeline; None for the default.
    """

    model: str | None = None
    batch_size: int = 16
    nlp: object = field(init=False, repr=False)
    extractor: Extractor = field(init=False)

    def __post_init__(self) -> None:
        from .nlp import load_nlp, model_info

        self.nlp = load_nlp(self.model)
        name, version = model_info(self.nlp)  # type: ignore[arg-type]
        rules = configured_rules_dirs(self.nlp.config["components"])  # type: ignore[attr-defined]
        self.extractor = extractor_info(name, version, rules_dir=rules, settings={})

    def extract(
        self, articles: Iterable[Article], *, progress: bool = False, total: int | None = None
    ) -> Iterator[tuple[Article, list[ClaimRecord]]]:
        """Yield each article with its claim records, in input order."""
        from .nlp import pipe_articles
        from .records import doc_records

        pairs = pipe_articles(self.nlp, articles, batch_size=self.batch_size)  # type: ignore[arg-type]
        if progress:
            pairs = tqdm(pairs, total=total, unit="article", desc="claimx", leave=False, disable=None)
        for article, doc in pairs:
            yield article, doc_records(doc, article, self.extractor)


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
