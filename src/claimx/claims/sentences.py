""":mod:`claimx.claims.sentences`: sentence starts the parser should not miss.

Runs before the parser, which respects sentence starts already set:

- a paragraph break (a whitespace token holding a newline) always ends a
  sentence, so no claim runs from one paragraph into the next;
- a full stop glued to a figure or to its unit ("profit of about £140m. The
  board …", where the tokenizer makes "140" and "m." of it) ends a sentence
  when a capitalised word follows.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span


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
        elif (
            # "£140m. The board …": a unit glued to a figure, then a full stop
            i >= 2
            and previous.text.endswith(".")
            and previous.text.count(".") == 1
            and 1 < len(previous.text) <= 4
            and previous.text[:-1].isalpha()
            and doc[i - 2].like_num
            and token.is_title
        ):
            token.is_sent_start = True
    return doc


def doc_text(doc: Doc) -> str:
    """RETURNS (str): ``doc.text``, built once per Doc and kept in
    ``doc.user_data`` (spaCy joins every token's text on each access, which
    costs as much as a claimx component when done once per component)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "claimx_text"


def sentence_ids(doc: Doc) -> list[int]:
    """RETURNS (list[int]): for every token, the number of its sentence
    (one pass over the Doc, so components need not call ``span.sent``, which
    walks the Doc, once per claim)."""
    ids = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            ids[i] = number
    return ids


def ents_within(ents: list[Span], starts: list[int], span: Span) -> list[Span]:
    """RETURNS (list[Span]): the entities lying inside ``span``.

    ents (list[Span]): ``list(doc.ents)``, taken once per Doc (``span.ents``
        walks every entity of the Doc on each call).
    starts (list[int]): their start tokens, for bisection.
    """
    i = bisect_left(starts, span.start)
    found = []
    while i < len(ents) and ents[i].start < span.end:
        if ents[i].end <= span.end:
            found.append(ents[i])
        i += 1
    return found


def paragraph_starts(doc: Doc) -> set[int]:
    """RETURNS (set[int]): numbers of the sentences that open a paragraph:
    the first, and any with a newline between it and the sentence before."""
    starts = {0}
    for number, sent in enumerate(doc.sents):
        i = sent.start - 1
        while i >= 0 and doc[i].is_space:
            if "\n" in doc[i].text:
                starts.add(number)
                break
            i -= 1
        j = sent.start
        while j < sent.end and doc[j].is_space:
            if "\n" in doc[j].text:
                starts.add(number)
                break
            j += 1
    return starts


@Language.component("claimx_sentences", assigns=["token.is_sent_start"])
def claimx_sentences(doc: Doc) -> Doc:
    """Paragraph breaks and figure-final full stops end sentences."""
    return mark_sentence_starts(doc)
