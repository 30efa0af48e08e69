""":mod:`claimx.bodies`: an article's body, read again for the views that show it.

The store keeps claims and offsets, not article text. The HTML report and
``claimx status --explain`` show claims in their sentences, so they read the
article again from the corpus, and show it only when it is the text the run
read (same content hash, every claim's words at its offsets).
"""

from __future__ import annotations

from pathlib import Path

from .read import read_file
from .schemas import Article, ClaimRecord, DocumentRecord, ReadFailure


def load_body(
    document: DocumentRecord | None,
    claims: list[ClaimRecord],
    corpus: Path,
    cache: dict[str, list],
    follow_symlinks: bool = False,
) -> tuple[str | None, str | None]:
    """Read an article's body again from the corpus, if it is unchanged.

    document (DocumentRecord | None): the article's record (path, content hash).
    claims (list[ClaimRecord]): its claims, whose texts must sit at their offsets.
    corpus (Path): the corpus root the record's path is relative to.
    cache (dict): results of ``read_file`` by path (a ``.jsonl`` holds many articles).
    follow_symlinks (bool): follow a link out of the corpus folder.
    RETURNS (tuple[str | None, str | None]): the body, or None and why not.
    """
    if document is None:
        return None, "the article has no record in documents.jsonl"
    path = corpus / document.path
    if not path.is_file():
        return None, f"{path} not found (pass the corpus folder with --corpus)"
    if document.path not in cache:
        cache[document.path] = read_file(path, corpus, follow_symlinks=follow_symlinks)
    results = cache[document.path]
    article = next((r for r in results if isinstance(r, Article) and r.doc_id == document.doc_id), None)
    if article is None:
        refused = next((r.error for r in results if isinstance(r, ReadFailure)), None)
        if refused is not None and len(results) == 1:
            return None, f"{path} cannot be read now: {refused}"
        return None, f"{path} no longer holds the article {document.doc_id!r}"
    if document.content_hash and article.content_hash != document.content_hash:
        return None, f"{path} has changed since the run (re-run `claimx run` to see the text)"
    for claim in claims:
        if article.body[claim.span.start : claim.span.end] != claim.text:
            return None, f"{path}: the claims do not match the text (re-run `claimx run`)"
    return article.body, None
