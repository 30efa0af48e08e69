""":mod:`claimx.claims.sentences`: sentence starts the parser should not miss.

Runs before the parser, which respects sentence starts already set:

- a paragraph break (a whitespace token holding a newline) always ends a
  sentence, so no claim runs from one paragraph into the next;
- a full stop glued to a figure or to its unit ("profit of about £140m. The
  board …", where the tokenizer makes "140" and "m." of it) ends a sentence
  when a capitalised word follows;
- the full stop of a title before a name ("Sen. Ann Lee", "Pres. Alvarez":
  ``title_abbreviation`` rules of ``sentences.jsonl``) never ends a sentence,
  nor does an abbreviation's full stop before a lower-case word ("at 9 a.m.
  local time");
- a closing quotation mark (``closing_quote`` rules) after a full stop ends
  the sentence when a capitalised word follows ("… called it “a waste.” Lee
  said …"), and stays with the sentence it closes; after a question or
  exclamation mark it does so too, unless a short attribution ends there
  ("“Is it over?” Lee asked."), which belongs to the quote's sentence;
- no sentence starts right after a word on the same line, except after a
  dateline: a paragraph that opens with a place in capitals, perhaps a
  state and a day, perhaps a news agency, and a dash ("WASHINGTON (AP) —
  …", "NEW YORK, Dec. 4 (UPI) — …") is a sentence of its own, which is no
  claim (the segmenter drops it), and the story starts after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path
from typing import NamedTuple

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, IS_TITLE, LIKE_NUM, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..rules import SentenceRule, load_jsonl
from .component import RulePackComponent
from .extensions import record_rule

RULE_FILE = "sentences.jsonl"

#: a dateline: the place in capitals ("WASHINGTON", "ST. LOUIS", "DES
#: MOINES"), perhaps its state or country ("MANCHESTER, N.H."), perhaps the
#: day ("NEW YORK, Dec. 4": a ``dateline_month`` rule's word, perhaps
#: written out, and the day), perhaps the agency in brackets ("(AP)",
#: "(Reuters)"), then a dash and a space, as wire copy and papers open a
#: story; ``{months}`` is where the month words go
_DATELINE = (
    r"[A-Z][A-Z.'’-]*[A-Z.](?: [A-Z][A-Z.'’-]*[A-Z.]){{0,3}}"
    r"(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){{0,2}})?"
    r"(?:, (?P<month>{months})[a-z]*\.? \d{{1,2}})?"
    r"(?: ?\([A-Z][A-Za-z&.’' -]{{0,24}}\))?"
    r" ?(?:—|–|--?) "
)


class Datelines(NamedTuple):
    """The dateline patterns of a pack's ``dateline_month`` words."""

    opening: re.Pattern[str]  # a dateline that opens a line, before the story's first word
    whole: re.Pattern[str]  # a dateline and nothing else (a sentence)
    months: dict[str, str]  # month word -> rule id


def datelines(months: dict[str, str] | None = None) -> Datelines:
    """RETURNS (Datelines): the dateline patterns with the month words of
    ``months`` (word, as written -> rule id; none: a dateline gives no day)."""
    months = months or {}
    words = "|".join(re.escape(m) for m in sorted(months, key=lambda m: (-len(m), m))) or "(?!)"
    pattern = _DATELINE.format(months=words)
    return Datelines(re.compile(r"(?m)^[ \t]*" + pattern + r"(?=\S)"), re.compile(pattern), dict(months))


#: the dateline patterns with no month words (a dateline gives no day)
_NO_MONTHS = datelines()


def load_datelines(rules_dir: Path) -> Datelines:
    """RETURNS (Datelines): the dateline patterns of the pack at ``rules_dir``."""
    return datelines(_months(_sentence_rules(rules_dir)))


def _sentence_rules(rules_dir: Path) -> list[SentenceRule]:
    """RETURNS (list[SentenceRule]): the rules of the pack's ``sentences.jsonl`` (none when it has none)."""
    return load_jsonl(rules_dir / RULE_FILE, SentenceRule) if (rules_dir / RULE_FILE).is_file() else []


def _months(rules: list[SentenceRule]) -> dict[str, str]:
    """RETURNS (dict[str, str]): the month words of the ``dateline_month`` rules -> rule id."""
    return {r.word: r.id for r in rules if r.kind == "dateline_month"}


def is_dateline(text: str, lines: Datelines) -> bool:
    """RETURNS (bool): whether ``text`` (a sentence) is all dateline ("WASHINGTON (AP) —")."""
    return lines.whole.fullmatch(text.strip() + " ") is not None


#: how many words an attribution after a quote may take ("Lee asked", "the
#: minister told reporters") before its closing mark
_TAIL = 5


def mark_sentence_starts(
    doc: Doc,
    titles: dict[str, str] | None = None,
    quotes: dict[str, str] | None = None,
    lines: Datelines | None = None,
) -> Doc:
    """Set ``is_sent_start`` on tokens that surely begin a sentence, and unset it
    on tokens that surely do not.

    titles (dict[str, str]): lower-cased title abbreviations (no full stop) -> rule id.
    quotes (dict[str, str]): closing quotation marks -> rule id.
    lines (Datelines): the dateline patterns (None: datelines without a day).
    """
    titles = titles or {}
    quotes = quotes or {}
    lines = lines or _NO_MONTHS
    # decisions are gathered and set at once: spaCy checks the whole Doc for a
    # parse on every single assignment, which made this loop quadratic
    starts = doc.to_array([SENT_START]).astype("int64")
    # the tokens' texts, offsets and flags read as columns, no Token made (the component
    # runs before the parser, a batch at a time: a list of a Doc's Tokens made here
    # would not be the one the components after the parser use)
    n = len(doc)
    orths, offsets, space, spaced, alpha, number, title = (
        doc.to_array([ORTH, IDX, IS_SPACE, SPACY, IS_ALPHA, LIKE_NUM, IS_TITLE]).T.tolist() if n else ([],) * 7
    )
    strings = doc.vocab.strings
    texts = [strings[orth] for orth in orths]
    for i in range(1, n):
        if space[i]:
            continue
        text, previous = texts[i], texts[i - 1]
        if space[i - 1] and "\n" in previous:
            starts[i] = 1
            continue
        if (
            text in quotes
            and previous in (".", "!", "?")
            and not spaced[i - 1]
            and (spaced[i] or i + 1 == n or space[i + 1])
        ):
            # '… "a disgrace."' then a paragraph break: the mark closes the sentence before it
            starts[i] = -1
            continue
        j = i - 1  # the word before, past spaces such as a non-breaking one
        while j > 0 and space[j]:
            j -= 1
        # (a title's full stop ends the word before: asked of no other word)
        rule = _title_before(doc, j, titles) if text[:1].isupper() and j == i - 1 and previous.endswith(".") else None
        if rule is not None:
            starts[i] = -1
            record_rule(doc, rule, offsets[i - 1], offsets[i] + len(text))
            continue
        if (
            text[:1].islower()
            and len(previous) > 1
            and previous.endswith(".")
            and previous[-2].isalpha()
            and spaced[i - 1]
        ):
            # "at 9 a.m. local time": an abbreviation's full stop before a lower-case word
            starts[i] = -1
            continue
        if texts[j][-1:].isalnum() and (alpha[j] or number[j]):
            # the parser at times starts a sentence mid-line right after a
            # word ("the sequel to Space Pilgrim | Returns Home", "in this
            # 2016 | [general] race"); no sentence starts there
            starts[i] = -1
            continue
        quote = texts[j]
        if (
            j >= 1
            and quote in quotes
            and texts[j - 1] in (".", "!", "?")
            and not spaced[j - 1]
            and (spaced[j] or j < i - 1)
            and text[:1].isupper()
        ):
            if texts[j - 1] != "." and _attribution_tail(doc, i):
                continue  # '"Is it over?" Lee asked.': left to the parser
            starts[j] = -1
            for k in range(j + 1, i):
                starts[k] = -1
            starts[i] = 1
            record_rule(doc, quotes[quote], offsets[j - 1], offsets[i] + len(text))
            continue
        if (
            len(previous) > 1
            and previous.endswith(".")
            and any(ch.isdigit() for ch in previous)
            and title[i]
        ):
            starts[i] = 1
        elif (
            # "£140m. The board …": a unit glued to a figure, then a full stop
            i >= 2
            and previous.endswith(".")
            and previous.count(".") == 1
            and 1 < len(previous) <= 4
            and previous[:-1].isalpha()
            and number[i - 2]
            and title[i]
        ):
            starts[i] = 1
    text = doc_text(doc)  # (``doc.text`` is built anew on each access)
    if "—" in text or "-" in text or "–" in text:
        _split_datelines(doc, starts, lines, offsets)
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc


def _split_datelines(doc: Doc, starts, lines: Datelines, offsets: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Make every dateline opening a paragraph a sentence of its own (``starts``
    is the Doc's SENT_START array, changed in place, ``offsets`` its tokens' ``idx``);
    the month rule of its day is recorded."""
    text = doc_text(doc)
    for match in lines.opening.finditer(text):
        first = bisect_left(offsets, match.start() + len(match.group()) - len(match.group().lstrip()))
        after = bisect_left(offsets, match.end())
        if after >= len(doc) or offsets[after] != match.end() or first >= after:
            continue
        starts[first + 1 : after] = -1
        starts[after] = 1
        if match.group("month"):
            record_rule(doc, lines.months[match.group("month")], match.start("month"), match.end("month"))


def _title_before(doc: Doc, j: int, titles: dict[str, str]) -> str | None:
    """RETURNS (str | None): the id of the title rule whose full stop is token
    ``j`` ("Sen." as one token, or "Pres" then "."), else None."""
    previous = doc[j]
    if previous.text.endswith(".") and len(previous.text) > 1:
        return titles.get(previous.lower_[:-1])
    if previous.text == "." and j >= 1 and doc[j - 1].whitespace_ == "":
        return titles.get(doc[j - 1].lower_)
    return None


def _attribution_tail(doc: Doc, i: int) -> bool:
    """Whether the words from ``i`` are a short attribution closed by a mark
    ("Lee asked." after a quoted question): a verb just before the first
    comma or full stop, within :data:`_TAIL` words."""
    for k in range(i + 1, min(len(doc), i + _TAIL + 1)):
        text = doc[k].text
        if "\n" in text:
            return False
        if text in (".", ",", "!", "?", ";"):
            return doc[k - 1].tag_.startswith("VB")
    return False


def doc_text(doc: Doc) -> str:
    """RETURNS (str): ``doc.text`` (the article's own characters where the tokenizer
    made an odd space plain: :func:`keep_text`), built once per Doc and kept in
    ``doc.user_data`` (spaCy joins every token's text on each access, which
    costs as much as a claimx component when done once per component)."""
    text = doc.user_data.get(_TEXT_KEY)
    return model_text(doc) if text is None else text


def model_text(doc: Doc) -> str:
    """RETURNS (str): ``doc.text``, the model's text (an odd space the tokenizer made
    plain stays plain, unlike :func:`doc_text`), built once per Doc and kept in
    ``doc.user_data``: from the tokens' ``ORTH`` and ``SPACY`` columns, no Token made
    (``Doc.text`` makes a Token for every token on every access)."""
    text = doc.user_data.get(_MODEL_TEXT_KEY)
    if text is None:
        text = doc.user_data[_MODEL_TEXT_KEY] = joined_text(doc)
    return text


def joined_text(doc: Doc) -> str:
    """RETURNS (str): ``doc.text``, joined from the tokens' ``ORTH`` and ``SPACY``
    columns (each token's text, and a space after it where it has one)."""
    if not len(doc):
        return ""
    strings = doc.vocab.strings
    orths, spaced = doc.to_array([ORTH, SPACY]).T.tolist()
    return "".join([strings[orth] + " " if space else strings[orth] for orth, space in zip(orths, spaced)])


_TEXT_KEY = "claimx_text"


#: the Doc :func:`doc_tokens` listed last, with its Tokens (held here, not in
#: ``doc.user_data``: a Token does not pickle, and Docs travel between processes)
_TOKENS: tuple[Doc | None, list[Token]] = (None, [])


def doc_tokens(doc: Doc) -> list[Token]:
    """RETURNS (list[Token]): ``list(doc)``, made once per Doc while the components
    work on it (``doc[i]`` and iterating a Doc or a Span make a new Token on every
    step, a third of what some components spend). The same Tokens, equal to
    ``doc[i]``; the list is shared: never changed by a caller."""
    global _TOKENS
    held, tokens = _TOKENS
    if held is doc and len(tokens) == len(doc):
        return tokens
    tokens = list(doc)
    _TOKENS = (doc, tokens)
    return tokens


def span_text(span: Span) -> str:
    """RETURNS (str): ``span.text`` (the model's text: an odd space the tokenizer
    made plain stays plain, unlike :func:`doc_text`), sliced from ``doc.text``
    built once per Doc and kept in ``doc.user_data``; ``Span.text`` joins the
    span's tokens, each made anew, on every access."""
    if span.start >= span.end:
        return span.text
    return model_text(span.doc)[span.start_char : span.end_char]


#: ``doc.user_data`` key of :func:`model_text`
_MODEL_TEXT_KEY = "claimx_model_text"


def span_tokens(span: Span) -> list[Token]:
    """RETURNS (list[Token]): ``list(span)`` from :func:`doc_tokens` of its Doc."""
    return doc_tokens(span.doc)[span.start : span.end]


def keep_text(doc: Doc, text: str) -> None:
    """Make ``text`` what :func:`doc_text` gives for ``doc``: the article's
    own characters where the tokenizer gave the model a plain space for an
    odd one (a no-break space); ``text`` has ``doc.text``'s length."""
    doc.user_data[_TEXT_KEY] = text


def doc_quotations(doc: Doc) -> list[tuple[int, int]]:
    """RETURNS (list): :func:`quotations` of ``doc``'s text, found once per Doc
    and kept in ``doc.user_data`` (attribution and dates both read them)."""
    found = doc.user_data.get(_QUOTES_KEY)
    if found is None:
        text = doc_text(doc)
        found = doc.user_data[_QUOTES_KEY] = quotations(text) if has_quotation_mark(text) else []
    return found


def has_quotation_mark(text: str) -> bool:
    """RETURNS (bool): whether ``text`` holds a mark that can open a
    quotation (a straight or curly double mark, or two apostrophes typed for
    one): without one, :func:`quotations` finds none."""
    return '"' in text or "\u201c" in text or "''" in text


_QUOTES_KEY = "claimx_quotations"


#: how many paragraphs one quotation may run over before an unclosed quote
#: mark is taken for a stray one
MAX_QUOTE_PARAGRAPHS = 4


def quotations(text: str) -> list[tuple[int, int]]:
    """The quotations of ``text`` as ``(start, end)`` character offsets, marks
    included. Curly quotes pair as written; straight ones pair left to right;
    a quotation opened with one kind of mark closes at a closing mark of the
    other kind too (‘“A," X said’: typed text often mixes them), though a
    straight mark never closes it where it opens another (after a space or a
    line start, before a word); so does an opening curly mark typed where a
    closing one belongs, after a comma or a full stop and before a space
    (‘“A,“ X said’).
    A quotation may run over paragraphs, as long quotes do in news: either
    each paragraph reopens it (its first character is a quote mark that does
    not close it) or it closes in a later paragraph. One still open after
    ``MAX_QUOTE_PARAGRAPHS`` paragraph breaks ends with the paragraph it opened in.
    """
    # two apostrophes typed for a double mark ("''A,'' she said", as some
    # archives write it) are a straight mark; the second keeps its offset
    text = text.replace("''", '"' + _SECOND_APOSTROPHE)
    found: list[tuple[int, int]] = []
    opened: int | None = None
    closer = ""
    nested = False
    breaks = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if opened is None:
            if ch in "“\"":
                opened, closer, breaks, nested = i, "”" if ch == "“" else '"', 0, False
            i += 1
            continue
        if not nested and (ch == "“" and closer == '"' or ch == '"' and closer == "”" and not _closes(text, i)):
            nested = True  # '“A "B" C”', '"A “B” C"': a quotation of the other kind inside
            i += 1
            continue
        if nested and ch in _OTHER_CLOSER[closer]:
            nested = False
            i += 1
            continue
        if ch == closer or ch in _OTHER_CLOSER[closer] or _typed_closer(text, i, closer):
            nested = False
            found.append((opened, i + 2 if text[i + 1 : i + 2] == _SECOND_APOSTROPHE else i + 1))
            opened = None
            i += 1
            continue
        if ch == "\n" and text[i + 1 : i + 2] == "\n":
            breaks += 1
            j = i
            while j < n and text[j].isspace():
                j += 1
            if breaks >= MAX_QUOTE_PARAGRAPHS:
                found.append((opened, _line_end(text, opened)))
                i, opened = _line_end(text, opened), None
                continue
            i = j + 1 if j < n and text[j] in "“\"" else j  # a reopening mark does not close it
            continue
        i += 1
    if opened is not None:
        found.append((opened, _line_end(text, opened)))
    return found


#: stands for the second of two apostrophes typed as a double mark
_SECOND_APOSTROPHE = "\x01"

#: the closing mark of the other kind that also closes a quotation
_OTHER_CLOSER = {"”": '"', '"': "”"}


def _typed_closer(text: str, i: int, closer: str) -> bool:
    """RETURNS (bool): whether the opening curly mark at ``i`` stands where a
    quotation opened with one closes: right after the sentence's or the
    clause's last mark and before a space or the end ('“A,“ said Roe': a mark
    typed the wrong way round)."""
    if closer != "”" or text[i] != "“" or i == 0 or text[i - 1] not in ",.!?":
        return False
    return i + 1 == len(text) or text[i + 1].isspace()


def _closes(text: str, i: int) -> bool:
    """RETURNS (bool): whether the mark at ``i`` may close a quotation of the
    other kind: a curly closing mark always; a straight one unless it opens a
    word after a space, a line start or an opening bracket (then it opens a
    quotation nested in the curly one: ‘“A "B" C”’)."""
    if text[i] != '"':
        return True
    before = text[i - 1] if i > 0 else " "
    j = i + 2 if text[i + 1 : i + 2] == _SECOND_APOSTROPHE else i + 1
    after = text[j] if j < len(text) else " "
    return not ((before.isspace() or before in "([") and (after.isalnum() or after in "'‘"))


def _line_end(text: str, at: int) -> int:
    """RETURNS (int): the offset of the end of the line holding ``at``."""
    end = text.find("\n", at)
    return end if end >= 0 else len(text)


def sentence_ids(doc: Doc) -> list[int]:
    """RETURNS (list[int]): for every token, the number of its sentence
    (one pass over the Doc, so components need not call ``span.sent``, which
    walks the Doc, once per claim): as ``doc.sents`` cuts them, counted from the
    ``SENT_START`` column (a sentence opens at every token after the first whose
    value is 1), no Span made."""
    if len(doc) and "sents" not in doc.user_hooks and doc.has_annotation("SENT_START"):
        opens = doc.to_array(SENT_START) == 1
        opens[0] = False
        return numpy.cumsum(opens).tolist()
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


class SentenceMarker(RulePackComponent):
    """Mark sentence starts before the parser (see the module's docstring).

    rules_dir (Path | None): rule pack; None for the default.
    """

    pack_files = (RULE_FILE,)

    def __init__(self, *, rules_dir: Path | None = None, load: bool = True) -> None:
        self.titles: dict[str, str] = {}
        self.quotes: dict[str, str] = {}
        self.lines = _NO_MONTHS
        self._setup_pack(None, rules_dir, load=load)

    def load_rules(self, rules_dir: Path, nlp: Language | None) -> None:
        """Read the title abbreviations, closing quotation marks and dateline months of the pack at ``rules_dir``."""
        rules = _sentence_rules(rules_dir)
        self.titles = {r.word.lower().rstrip("."): r.id for r in rules if r.kind == "title_abbreviation"}
        self.quotes = {r.word: r.id for r in rules if r.kind == "closing_quote"}
        self.lines = datelines(_months(rules))

    def __call__(self, doc: Doc) -> Doc:
        return mark_sentence_starts(doc, self.titles, self.quotes, self.lines)


@Language.factory(
    "claimx_sentences", assigns=["token.is_sent_start"], default_config={"rules_dir": None}
)
def claimx_sentences(nlp: Language, name: str, rules_dir: str | None) -> SentenceMarker:
    """Build the sentence marker (see :class:`SentenceMarker`)."""
    return SentenceMarker(rules_dir=Path(rules_dir) if rules_dir else None, load=False)
