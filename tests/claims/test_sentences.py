"""Sentence starts set before the parser: paragraph breaks and figure-final full stops."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, sentences",
    [
        # the tokenizer makes "140" and "m." of "£140m."
        (
            "The grocer forecasts earnings of about £140m. Its owners have not ruled out a sale.",
            ["The grocer forecasts earnings of about £140m.", "Its owners have not ruled out a sale."],
        ),
        ("The fee could reach $5bn. Talks resume on Monday.", ["The fee could reach $5bn.", "Talks resume on Monday."]),
        # "p.m." is an abbreviation, not a sentence end
        ("The meeting starts at 5 p.m. Tuesday in Leeds.", ["The meeting starts at 5 p.m. Tuesday in Leeds."]),
    ],
)
def test_sentences_figure_final_full_stop(nlp, text, sentences):
    assert [s.text for s in nlp(text).sents] == sentences


@pytest.mark.parametrize(
    "text, sentences",
    [
        # a title's full stop before a name, whether the tokenizer splits it off or not
        (
            "The envoy later met Pres. Alvarez at the palace.",
            ["The envoy later met Pres. Alvarez at the palace."],
        ),
        (
            "Sens. Hal Brody and Ines Tor back the bill. The vote is on Friday.",
            ["Sens. Hal Brody and Ines Tor back the bill.", "The vote is on Friday."],
        ),
        (
            "The order came from Lt. Col. Dana Moss, who runs the base.",
            ["The order came from Lt. Col. Dana Moss, who runs the base."],
        ),
        # an abbreviation's full stop before a lower-case word
        (
            "The ferry left after its 7:15 a.m. local sailing was cancelled.",
            ["The ferry left after its 7:15 a.m. local sailing was cancelled."],
        ),
    ],
)
def test_sentences_abbreviation_full_stop(nlp, text, sentences):
    assert [s.text for s in nlp(text).sents] == sentences


@pytest.mark.parametrize(
    "text, sentences",
    [
        # a full stop inside a closing quotation mark, then a new sentence
        (
            "The mayor called the plan \u201ca waste of money.\u201d Lee said the council would vote in May.",
            ["The mayor called the plan \u201ca waste of money.\u201d", "Lee said the council would vote in May."],
        ),
        # a non-breaking space after the mark (the words' whitespace, so no part of either sentence)
        (
            "The coach called it \u201ca disgrace.\u201d\u00a0Fans said the club had let them down.",
            ["The coach called it \u201ca disgrace.\u201d", "Fans said the club had let them down."],
        ),
        # an exclamation inside the quote
        (
            "She shouted \u201cNever again!\u201d The crowd then left the square.",
            ["She shouted \u201cNever again!\u201d", "The crowd then left the square."],
        ),
    ],
)
def test_sentences_closing_quote(nlp, text, sentences):
    assert [s.text for s in nlp(text).sents] == sentences


def test_sentences_closing_quote_before_paragraph_break_stays(nlp):
    doc = nlp('The union called the offer "deeply unfair."\n\nTalks resume next week.')
    first = next(iter(doc.sents))
    assert first.text.rstrip().endswith('unfair."')


@pytest.mark.parametrize(
    "text",
    [
        # the parser starts a sentence at an editor's bracket after a year
        "He said the party paid a heavy price in this 2016 [general] race for its choices.",
        "She argued the candidate had lost ground in this 2020 [primary] contest on trade.",
    ],
)
def test_sentences_none_starts_right_after_a_word(nlp, text):
    assert [s.text for s in nlp(text).sents] == [text]


def test_sentences_headline_words_still_break_at_a_newline(nlp):
    doc = nlp("Mayor Backs New Tram Line\nThe council will vote on the plan in May.")
    assert [s.text.strip() for s in doc.sents] == ["Mayor Backs New Tram Line", "The council will vote on the plan in May."]


@pytest.mark.parametrize(
    "text, sentences",
    [
        # a dateline opening a paragraph is a sentence of its own: place, state, day, agency, dash
        (
            "Intro line.\nDENVER (AP) — The governor signed the water bill on Friday.",
            ["Intro line.", "DENVER (AP) —", "The governor signed the water bill on Friday."],
        ),
        (
            "ALBANY, N.Y., Jan. 9 (UPI) -- Lawmakers passed the budget late on Thursday.",
            ["ALBANY, N.Y., Jan. 9 (UPI) --", "Lawmakers passed the budget late on Thursday."],
        ),
        # a capitalised name and a dash inside a sentence is no dateline
        (
            "NATO troops left the base on Monday - two weeks early.",
            ["NATO troops left the base on Monday - two weeks early."],
        ),
    ],
)
def test_sentences_dateline_is_its_own_sentence(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


@pytest.mark.parametrize(
    "text, quoted",
    [
        # a curly quotation closed by a straight mark, as typed text often has it
        ('“The pier will reopen in May," the harbour master said. “Boats can dock now.”',
         ['“The pier will reopen in May,"', "“Boats can dock now.”"]),
        # and a straight one closed by a curly mark
        ('"The pier will reopen in May,” she said.', ['"The pier will reopen in May,”']),
        # a straight quotation nested in a curly one does not close it
        ('“They called the plan "a shambles" at the time,” the mayor said.',
         ['“They called the plan "a shambles" at the time,”']),
        # two apostrophes typed for a double mark, as some archives write it
        ("''The ferry is late,'' the captain said. ''It will sail at noon.''",
         ["''The ferry is late,''", "''It will sail at noon.''"]),
        # an opening curly mark typed where the closing one belongs
        ('“The pier will reopen in May,“ the harbour master said. “Boats can dock now.”',
         ['“The pier will reopen in May,“', "“Boats can dock now.”"]),
        # nor a curly one nested in a straight one
        ('"The sign read “Closed for repairs” all week," he said.',
         ['"The sign read “Closed for repairs” all week,"']),
    ],
)
def test_quotations_mixed_marks(text, quoted):
    from claimx.claims.sentences import quotations

    assert [text[a:b] for a, b in quotations(text)] == quoted


def test_doc_tokens_are_the_docs_own(nlp_base):
    """doc_tokens lists a Doc's Tokens once while it is worked on: equal to
    ``list(doc)``, made again for another Doc and when the Doc's length changed;
    span_tokens is the span's part of that list."""
    from claimx.claims.sentences import doc_tokens, span_tokens

    first = nlp_base.make_doc("The mill will reopen in spring, its owner said.")
    second = nlp_base.make_doc("Tickets go on sale next week.")
    tokens = doc_tokens(first)
    assert tokens == list(first) and [t.i for t in tokens] == list(range(len(first)))
    assert doc_tokens(first) is tokens  # the same list while the Doc is the last one asked
    assert doc_tokens(second) == list(second) and doc_tokens(second)[0].doc is second
    assert doc_tokens(first) == list(first) and doc_tokens(first) is not tokens
    assert span_tokens(first[2:5]) == list(first[2:5])
    assert span_tokens(first[3:3]) == []
    with first.retokenize() as retokenizer:
        retokenizer.merge(first[0:2])
    assert [t.text for t in doc_tokens(first)] == [t.text for t in first]


def test_span_text_is_the_spans_own(nlp):
    """span_text gives ``span.text``, the model's text, also where the article's
    own text keeps an odd space that the model saw as a plain one (doc_text)."""
    from claimx.claims.sentences import doc_text, span_text

    doc = nlp.make_doc("The fare rises by 4\u00a0percent in May, the operator said.  Nothing else changes.")
    assert doc_text(doc) != doc.text  # the article's no-break space is kept for doc_text
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert span_text(doc[start:end]) == doc[start:end].text


def test_sentences_marked_from_columns_without_tokens(nlp):
    """The sentence marker reads the tokens' texts, offsets and flags as columns (it runs a batch
    at a time, before the parser): it lists no Tokens of the Doc, and records its rules at the
    words' offsets as before."""
    from claimx.claims import sentences

    marker = nlp.get_pipe("claimx_sentences")
    text = 'LIMA \u2014 The union called the offer "deeply unfair." Talks resume next week with Sen. Ruiz.'
    doc = nlp.make_doc(text)
    sentences._TOKENS = (None, [])
    marker(doc)
    assert sentences._TOKENS[0] is not doc
    fired = {(start, end) for _, start, end in doc._.rules_fired or []}
    assert (text.index('."'), text.index("Talks") + len("Talks")) in fired  # the closing quote
    assert (text.index("Sen."), text.index("Ruiz") + len("Ruiz")) in fired  # the title's full stop


def test_model_text_joined_from_columns_once(nlp):
    """model_text is ``doc.text`` joined from the tokens' columns, once per Doc (``Doc.text``
    makes a Token for every token on each access, and the components asked it per claim);
    doc_text gives the same text where the article's own text is the model's."""
    from claimx.claims.sentences import doc_text, joined_text, model_text

    for text in ("", " ", "Fares rise  in May.\n\n Talks resume\u00a0next week. ", "The fare rises by 4\u00a0percent."):
        doc = nlp.make_doc(text)
        assert joined_text(doc) == doc.text
        assert model_text(doc) == doc.text
    doc = nlp.make_doc("Talks resume next week, the union said.")
    text = model_text(doc)
    assert text == doc.text and model_text(doc) is text and doc_text(doc) is text


def test_sentence_ids_from_the_column(nlp):
    """sentence_ids numbers each token's sentence as ``doc.sents`` cuts them, read from the
    ``SENT_START`` column: the same numbers for parsed articles and for hand-set starts."""
    from claimx.claims.sentences import sentence_ids

    def by_sents(doc):
        ids = [0] * len(doc)
        for number, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                ids[i] = number
        return ids

    for text in (
        "The mill will reopen in spring. Its owner said so.\n\nTalks resume next week, the union said.",
        "One.",
        'LIMA \u2014 The union called the offer "deeply unfair." Talks resume next week with Sen. Ruiz.',
    ):
        doc = nlp(text)
        assert sentence_ids(doc) == by_sents(doc)
    doc = nlp.make_doc("Fares rise in May . Talks resume")
    for token in doc:
        token.is_sent_start = token.i in (0, 5)
    doc[0].is_sent_start = False  # the first token's own flag counts for nothing
    assert sentence_ids(doc) == by_sents(doc) == [0] * 5 + [1] * 2
