""":mod:`claimx.claims.sentences`: sentence starts the parser should not miss.

Runs before the parser, which respects sentence starts already set:

- a paragraph break (a whitespace token holding a newline) always ends a
  sentence, so no claim runs from one paragraph into the next;
- a full stop glued to a figure ("profit of about £140m. The board …") ends a
  sentence when a capitalised word follows.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_sentence_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on tokens that surely begin a sentence."""
    for i in range(1, len(doc)):
        token, previous = doc[i], doc[i - 1]
        if token.is_space:
            continue
        if previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
        elif (
            len(previous.text) > 1
            and previous.text.endswith(".")
            and any(ch.isdigit() for ch in previous.text)
            and token.is_title
        ):
            token.is_sent_start = True
    return doc


@Language.component("claimx_sentences", assigns=["token.is_sent_start"])
def claimx_sentences(doc: Doc) -> Doc:
    """Paragraph breaks and figure-final full stops end sentences."""
    return mark_sentence_starts(doc)
