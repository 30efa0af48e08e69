""":mod:`claimx.claims.dates`: find time expressions in a Doc and normalise them.

The ``claimx_dates`` component writes ``doc.spans["dates"]``: one span per claim
date, ``span._.timex`` holding its TIMEX3-style normalisation as a plain
dict (``value``, ``mod``, ``earliest``, ``latest``, ``unresolved``; see
:mod:`claimx.timex`). It also writes ``doc.spans["timexes"]``: every TIMEX3
(those dates plus times, durations, sets, "now", "the day"), each span
labelled with its type and ``span._.timex3`` holding
:class:`claimx.timex.Timex3` as a dict (``type`` besides the keys above).

Expressions come from the patterns of ``models/en/temporal.jsonl`` (run over
the text, so "mid‑2023" with a non-breaking hyphen is one expression however
the model tags or splits it), then from the model's DATE entities the patterns
missed (trimmed until :func:`claimx.timex.normalize` accepts them). A match is
dropped when a ``no_date`` decision rule says so (a verb or modal, "may spark";
a year or a month in a name, "Expo 2025", "June Halloran"), or when it sits inside a
longer name a ``name`` rule accepts ("NK Primorje 1921", "USA Today"), unless a
``name_break`` rule shows the name ran into the sentence.

Each expression is resolved against ``doc._.published``. A bare calendar name
("in February", "on Monday", "the summer") points the way the governing verb's
tense does, as the ``decision`` rules of ``temporal.jsonl`` read it
(:mod:`claimx.claims.tense`): past tense or perfect is "past"; "will", a modal, a to-infinitive
or a planning word ("expected to", "set to", "slated for") is "future"; a
present progressive ("is being lined up for") is "future"; a reporting noun
("Q1 revenue", "results for the September quarter") is "past"; anything else
is left to the nearest occurrence. Within a sentence, an expression that
refers back ("the same day", "later in the month") is read against the
previous date of the sentence, and a bare name in a tenseless clause takes
its year from a preceding day or month ("opens on June 12, 2026 and closes in
late August").
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import timex
from ..rules import TemporalDecisionRule
from ..schemas import Timex
from ..timex import Direction, Expression, Grammar, Timex3
from .component import RulePackComponent
from .extensions import (  # registers doc._.published, span._.timex
    DATES_KEY,
    TIMEX3_ATTR,
    TIMEXES_KEY,
    record_rule,
    records_rules,
)
from .scope import Walk
from .sentences import doc_quotations, doc_text
from .tense import Decisions, Trail, decisions_of
from .tree import AUXILIARY_DEPS, COMPLEMENT_DEP, OPEN_COMPLEMENT_DEP, SUBJECT_DEPS, VERB_POS

logger = logging.getLogger(__name__)


#: how many words the search for the clause verb above a date climbs
_MAX_REPORT_CLIMB = 4

_GRANULARITY = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}(?:T[\w:]+)?$"), "day"),
    (re.compile(r"^\d{4}-W\d{2}(-WE)?$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-(Q\d|H\d|SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
]
_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}


def granularity(value: str | None) -> str:
    """How fine a TIMEX3 value is.

    value (str | None): a TIMEX3 value.
    RETURNS (str): "day", "week", "month", "season", "year" or "decade".
    """
    if value:
        for pattern, name in _GRANULARITY:
            if pattern.match(value):
                return name
    return "decade"


def _published(doc: Doc) -> dt.date | None:
    value = doc._.published
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        logger.warning("doc._.published is not a date: %r", value)
        return None


#: a wire dateline, "NEW YORK, Dec. 14 (UPI) —": a place in capitals, a day, an agency in brackets, a dash
_DATELINE = re.compile(r"(?m)^[^\S\n]*[A-Z][A-Z .'’-]+(?:,[^\S\n]*[A-Z][\w.]*)*,[^\S\n]+(?P<day>[^,()\n]{3,20}?)[^\S\n]*\([^()\n]{2,30}\)[^\S\n]*[—–-]")
#: how far into the body a dateline may stand (after a headline), in characters
_DATELINE_WITHIN = 600
#: how many days a dateline may differ from the article's date and still be its day
_DATELINE_DAYS = 2


def _dateline_day(doc: Doc, grammar: Grammar, published: dt.date | None) -> dt.date | None:
    """The day relative expressions count from: the article's date, or the day of the
    wire dateline that opens its story ("NEW YORK, Dec. 14 (UPI) —") where the two
    differ by a day or two (the story was filed on a day the feed dates otherwise)."""
    if published is None:
        return None
    match = _DATELINE.search(doc_text(doc)[:_DATELINE_WITHIN])
    if match is None:
        return published
    day = timex.normalize(match.group("day"), published, grammar=grammar)
    if day is None or day.earliest is None or day.earliest != day.latest:
        return published
    if abs((day.earliest - published).days) > _DATELINE_DAYS:
        return published
    return day.earliest


def direction_of(span: Span, grammar: Grammar | None = None, trail: Trail | None = None) -> Direction | None:
    """Which way the tense around a time expression points: the ``decision``
    rules of ``temporal.jsonl`` (:mod:`claimx.claims.tense`).

    span (Span): the expression.
    grammar (Grammar | None): default :func:`claimx.timex.load_grammar`.
    trail (Trail | None): receives the rules that decided, with the tokens they matched.
    RETURNS (str | None): "past", "future", or None when the tense does not say.
    """
    return decisions_of(grammar or timex.load_grammar()).direction(span, trail)


def _token_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _inside_name(span: Span, ents: list[Span], decisions: Decisions) -> bool:
    """Whether ``span`` lies inside a longer name (an entity a ``name`` rule accepts),
    recording the rules that decide."""
    holders = [
        e
        for e in ents
        if e.start <= span.start and span.end <= e.end and len(e) > len(span) and not _only_determined(e, span)
    ]
    if not holders:
        return False
    named = next(((e, r) for e in holders if (r := decisions.name(e)) is not None), None)
    if named is None:
        return False
    broken = decisions.name_break(span)
    if broken is not None:
        _fire(broken[1], broken[0])  # "the Orbit X2 *to* November": the name ran into the sentence
        return False
    _fire(named[0].root, named[1])
    return True


def _only_determined(entity: Span, span: Span) -> bool:
    """Whether ``entity`` is ``span`` with nothing but determiners and punctuation
    around it ("*The* September 29, 2012, email", "on *the* November 24 show"):
    the tagger's name is the date itself, no name that holds one."""
    rest = [t for t in entity if not span.start <= t.i < span.end]
    return all(t.pos_ in ("DET", "PUNCT") for t in rest)


def _acceptable(span: Span, expression: Expression, names: list[Span], decisions: Decisions) -> bool:
    rule = decisions.no_date(span, expression.kind)
    if rule is not None:
        _fire(span[0], rule)  # "may spark", "June Halloran", "Expo 2025"
        return False
    return not _inside_name(span, names, decisions)


#: function words: the possessive clitic, with the straight and the typographic apostrophe
POSSESSIVE_CLITICS = ("'s", "\u2019s")


#: a run of word characters (what :func:`claimx.timex.word_index` indexes the rules' words by)
_WORD_RUN = re.compile(r"\w+")


def _fire(token: Token, rule: TemporalDecisionRule) -> None:
    record_rule(token.doc, rule.id, token.idx, token.idx + len(token.text))


def _drop_mod_before_possessive(text: str, expression: Expression, grammar: Grammar) -> Expression:
    """ "Before Friday's announcement": "before" bounds the event, not the day; keep "Friday"."""
    if expression.core_start <= expression.start or text[expression.end : expression.end + 2] not in POSSESSIVE_CLITICS:
        return expression
    prefix = expression.text[: expression.core_start - expression.start]
    mod = timex.normalize(prefix + "2000", None, grammar=grammar)
    if mod is None or mod.mod not in ("BEFORE", "AFTER"):
        return expression
    core = expression.core_start
    return expression._replace(start=core, text=text[core : expression.end])


def _ner_candidates(
    doc: Doc, taken: list[tuple[int, int]], grammar: Grammar, anchor: dt.date | None, everything: bool = False
) -> list[Expression]:
    """DATE entities the patterns missed, trimmed until :func:`claimx.timex.normalize` accepts them
    (:func:`claimx.timex.normalize_timex` with ``everything``)."""
    found: list[Expression] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if any(ent.start_char < e and s < ent.end_char for s, e in taken):
            continue
        for lead in range(min(3, len(ent))):
            piece = ent[lead:]
            if not piece.text.strip():
                continue
            norm = timex.normalize_timex if everything else timex.normalize
            result = norm(piece.text, anchor or dt.date(2000, 1, 1), grammar=grammar)
            if result is not None and result.value is not None:
                found.append(
                    Expression(
                        piece.start_char,
                        piece.end_char,
                        piece.text,
                        "ner",
                        "ner",
                        "none",
                        None,
                        piece.start_char,
                    )
                )
                break
    return found


def find_dates(doc: Doc, grammar: Grammar | None = None) -> list[tuple[int, int, dict[str, Any]]]:
    """Find and normalise the claim dates of ``doc``.

    doc (Doc): a parsed Doc; ``doc._.published`` anchors relative expressions.
    grammar (Grammar | None): default :func:`claimx.timex.load_grammar`.
    RETURNS (list): ``(start_char, end_char, timex_dict)`` in text order, token-aligned;
        ``timex_dict`` has ``value``, ``mod``, ``earliest``, ``latest``, ``unresolved``.
    """
    return _find(doc, grammar or timex.load_grammar(), everything=False)


def find_timexes(doc: Doc, grammar: Grammar | None = None) -> list[tuple[int, int, dict[str, Any]]]:
    """Find and normalise every TIMEX3 of ``doc``: dates, times, durations, sets.

    doc (Doc): a parsed Doc; ``doc._.published`` anchors relative expressions.
    grammar (Grammar | None): default :func:`claimx.timex.load_grammar`.
    RETURNS (list): ``(start_char, end_char, timex_dict)`` in text order, token-aligned;
        ``timex_dict`` is :class:`claimx.timex.Timex3` as JSON (``type``, ``value``,
        ``mod``, ``earliest``, ``latest``, ``unresolved``).
    """
    return _find(doc, grammar or timex.load_grammar(), everything=True)


#: a TIMEX3 value that dates a claim besides a calendar date: a day's part
#: ("2016-08-30TNI"), a clock time on a day ("2009-12-15T18:00") or a
#: reference to the past, present or future ("PAST_REF")
#: a clock time: it dates a claim where no date does, and leaves the day it names its own ("9am on Friday")
_CLOCK = re.compile(r"T\d\d:\d\d$")
_CLAIM_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T(?:MO|AF|EV|NI|\d\d:\d\d)$|(?:PAST|PRESENT|FUTURE)_REF$")


def claim_dates(
    dates: list[tuple[int, int, dict[str, Any]]],
    timexes: list[tuple[int, int, dict[str, Any]]],
    text: str,
    grammar: Grammar,
) -> list[tuple[int, int, dict[str, Any]]]:
    """The claim dates, with the TIMEX3s that date a claim where no calendar
    date does: "tonight" (2016-08-30TNI), "this morning", "recently"
    (PAST_REF). A day named with its part is dated by both, as TimeML
    writes it ("Tuesday night" 2016-03-08TNI, not 2016-03-08).

    dates (list): :func:`find_dates`; timexes (list): :func:`find_timexes`; text (str): ``doc.text``;
        grammar (Grammar): the time-expression grammar.
    RETURNS (list): ``(start_char, end_char, timex_dict)`` in text order.
    """
    extra = [
        (start, end, {k: data.get(k) for k in ("value", "mod", "earliest", "latest", "unresolved")})
        for start, end, data in timexes
        if data.get("type") in ("DATE", "TIME") and _CLAIM_TIME.match(data.get("value") or "")
    ]
    if not extra:
        return dates
    kept = list(dates)
    for start, end, data in extra:
        overlapping = [d for d in kept if d[0] < end and start < d[1]]
        if not overlapping:
            kept.append((start, end, data))
        elif len(overlapping) == 1 and start <= overlapping[0][0] and overlapping[0][1] <= end and not _CLOCK.search(data.get("value") or ""):
            # "tonight", "this morning", "Tuesday night": the part of the day is
            # the date, as TimeML writes it (2016-03-08TNI)
            kept.remove(overlapping[0])
            kept.append((start, end, data))
    return sorted(kept, key=lambda d: d[0])


def find_claim_times(
    doc: Doc, grammar: Grammar | None = None, dates: list[tuple[int, int, dict[str, Any]]] | None = None
) -> list[tuple[int, int, dict[str, Any]]]:
    """The TIMEX3s of ``doc`` that may date a claim besides its calendar dates
    (a part of a day, a reference word): only the ``time`` and ``fixed``
    patterns are normalised, so it costs a fraction of :func:`find_timexes`.

    dates (list | None): :func:`find_dates` of ``doc``, the dates a part of a
        day may refer back to ("on Thursday ... in the afternoon").
    RETURNS (list): as :func:`find_timexes`.
    """
    return _find(doc, grammar or timex.load_grammar(), everything=True, kinds=("time", "fixed"), known=dates)


def _find(
    doc: Doc,
    grammar: Grammar,
    everything: bool,
    kinds: tuple[str, ...] | None = None,
    known: list[tuple[int, int, dict[str, Any]]] | None = None,
) -> list[tuple[int, int, dict[str, Any]]]:
    anchor = _dateline_day(doc, grammar, _published(doc))
    decisions = decisions_of(grammar)
    names = list(doc.ents)
    sent_starts = _sentence_starts(doc)
    accepted: list[tuple[Span, Expression]] = []
    taken: list[tuple[int, int]] = []  # everything the patterns saw, kept or not
    text = doc_text(doc)
    for expression in timex.find_expressions(text, grammar, everything=everything, prefer=kinds or ()):
        taken.append((expression.start, expression.end))
        if kinds is not None and expression.kind not in kinds:
            continue
        expression = _drop_mod_before_possessive(text, expression, grammar)
        span = _token_span(doc, expression.start, expression.end)
        if span is None or not _acceptable(span, expression, names, decisions):
            continue
        accepted.append((span, expression))
    for expression in () if kinds is not None else _ner_candidates(doc, taken, grammar, anchor, everything):
        span = _token_span(doc, expression.start, expression.end)
        if span is not None and not _inside_name(span, names, decisions):
            accepted.append((span, expression))
    accepted.sort(key=lambda item: item[0].start_char)

    results: list[tuple[int, int, dict[str, Any]]] = []
    #: the speaker's words ("today" in a quotation), read again once every date is known: (index in results, ...)
    spoken: list[tuple[int, Span, Expression, Direction | None]] = []
    history: list[tuple[Span, dict[str, Any]]] = []  # resolved dates so far
    # dates found before, which the expressions of the kinds sought may refer back to
    pending = [(span, data) for start, end, data in known or () if (span := _token_span(doc, start, end)) is not None]
    for index, (span, expression) in enumerate(accepted):
        while pending and pending[0][0].start_char < span.start_char:
            history.append(pending.pop(0))
        trail: Trail = []
        direction = decisions.direction(span, trail)
        narrative: tuple[dt.date, Direction | None] | None = None
        use_anchor = anchor
        referred = _reference(span, expression, history, sent_starts)
        reference = dt.date.fromisoformat(referred["earliest"]) if referred is not None else None
        if expression.context in ("same", "count") and reference is None:
            continue
        like = None
        if reference is not None and (expression.context in ("anaphoric", "previous", "same", "count") or direction is None):
            use_anchor = reference
            like = referred["value"] if referred is not None else None
        elif (
            direction == "past"
            and referred is None
            and expression.kind in _NARRATIVE_KINDS
            and expression.context == "sentence"
            and anchor is not None
            and (told := _narrative_day(span, history, sent_starts, anchor)) is not None
        ):
            # "On March 2, 2015, the paper revealed ... On March 25, the firm had a call":
            # a story told in an earlier year goes on in it, forward
            narrative = (told, direction)
            use_anchor, direction = told, "future"
        elif direction == "future" and expression.kind == "weekday" and anchor is not None:
            # "said Thursday that the council would vote Friday": the day after the report
            said = _report_day(span, history, accepted[index + 1 :], decisions, grammar, anchor)
            if said is not None and said < anchor:
                use_anchor = said
        result: Timex | Timex3 | None
        if everything:
            result = timex.normalize_timex(
                expression.text, use_anchor, direction=direction, grammar=grammar, rule_id=expression.rule_id, like=like
            )
        else:
            result = timex.normalize(
                expression.text, use_anchor, direction=direction, grammar=grammar, like=like, rule_id=expression.rule_id
            )
        if (
            direction == "future"
            and expression.kind == "weekday"
            and result is not None
            and result.earliest is not None
            and use_anchor is not None
            and (result.earliest - use_anchor).days >= _WEEKDAY_FAR
            and not _firm(span, trail)
        ):
            # a bare weekday six days ahead is the one a day gone: news writes a day
            # that far off as "next Tuesday", and a future read off anything but
            # the weekday's own verb ("was *set to* headline Tuesday", "Monday's
            # ruling *will* weigh on ...") is often a past event's
            norm = timex.normalize_timex if everything else timex.normalize
            nearest = norm(expression.text, use_anchor, direction=None, grammar=grammar, rule_id=expression.rule_id)
            if nearest is not None:
                result = nearest
        if narrative is not None and (result is None or result.earliest is None or result.earliest.year != narrative[0].year):
            # the day is not later in the story's year: read it as the sentence alone would
            direction = narrative[1]
            norm = timex.normalize_timex if everything else timex.normalize
            result = norm(expression.text, anchor, direction=direction, grammar=grammar, rule_id=expression.rule_id)
        if result is None:
            continue
        data = result.model_dump(mode="json")
        if grammar.speaker_rules and expression.rule_id in grammar.speaker_rules:
            spoken.append((len(results), span, expression, direction))
        results.append((span.start_char, span.end_char, data))
        _record(doc, span, expression, grammar, trail)
        if data.get("type", "DATE") == "DATE" or granularity(data.get("value")) == "day":
            history.append((span, data))  # a date, or a time on a day ("Tuesday morning")
    if spoken and anchor is not None:
        _read_as_spoken(doc, grammar, everything, anchor, spoken, results, known or [])
    return results


#: how many days before its article a quotation may have been spoken: news reports
#: words within days; a day named further back is what they speak about ("since the
#: attacks of September 11, 2001 ... 'safer today'")
_SPOKEN_WITHIN = 7


def _read_as_spoken(
    doc: Doc,
    grammar: Grammar,
    everything: bool,
    anchor: dt.date,
    spoken: list[tuple[int, Span, Expression, Direction | None]],
    results: list[tuple[int, int, dict[str, Any]]],
    known: list[tuple[int, int, dict[str, Any]]],
) -> None:
    """A word that counts from the speaker's day ("today", "tonight") inside a
    quotation counts from the day the quotation was spoken, when the article
    names that day, within a week before its own date: the last day named
    outside quotations (not a possessive: "Tuesday's hearing") in the sentence
    the quotation opens in or the two before, else the first in the sentence it closes in ("Tuesday night, he said: 'We won
    tonight'"; "'We won tonight,' he said on Tuesday"). ``results`` is updated in place."""
    text = doc_text(doc)
    quotes = doc_quotations(doc)
    if not quotes:
        return
    days = sorted(
        (
            (start, end, data)
            for start, end, data in [*results, *known]
            if granularity(data.get("value")) == "day"
            and data.get("earliest")
            and not any(q_start <= start and end <= q_end for q_start, q_end in quotes)
            and text[end : end + 2] not in POSSESSIVE_CLITICS  # "Tuesday's hearing" dates the hearing, not the words
        ),
        key=lambda d: d[0],
    )
    for index, span, expression, direction in spoken:
        quote = next(((s, e) for s, e in quotes if s <= span.start_char and span.end_char <= e), None)
        if quote is None:
            continue
        opening = _sentence_bounds(doc, quote[0], back=_LOOK_BACK)
        closing = _sentence_bounds(doc, max(quote[0], quote[1] - 1), back=0)
        if opening is None or closing is None:
            continue
        before = [d for d in days if opening[0] <= d[0] and d[1] <= quote[0]]
        after = [d for d in days if quote[1] <= d[0] and d[1] <= closing[1]]
        chosen = before[-1] if before else after[0] if after else None
        if chosen is None:
            continue
        day = dt.date.fromisoformat(chosen[2]["earliest"])
        if not 0 < (anchor - day).days <= _SPOKEN_WITHIN:
            continue  # said on the article's day, or the day named is what the words are about
        norm = timex.normalize_timex if everything else timex.normalize
        result = norm(expression.text, day, direction=direction, grammar=grammar, rule_id=expression.rule_id)
        if result is not None:
            start, end, _ = results[index]
            results[index] = (start, end, result.model_dump(mode="json"))


def _sentence_bounds(doc: Doc, char: int, back: int) -> tuple[int, int] | None:
    """The character extent of the sentence holding ``char`` with the ``back`` sentences before it."""
    token = doc.char_span(char, min(char + 1, len(doc_text(doc))), alignment_mode="expand")
    if token is None or not doc.has_annotation("SENT_START"):
        return None
    sent = token[0].sent
    first = sent
    for _ in range(back):
        if first.start == 0:
            break
        first = doc[first.start - 1].sent
    return first.start_char, sent.end_char


def _record(doc: Doc, span: Span, expression: Expression, grammar: Grammar, trail: Trail) -> None:
    """Record the ``temporal.jsonl`` rules behind a time expression: the
    pattern that found it, the vocabulary, modifier, filler and trigger
    words inside it, the tense words on the verb it hangs on and the
    ``decision`` rules that read its direction."""
    if not records_rules(doc):
        return
    record_rule(doc, expression.rule_id, span.start_char, span.end_char)
    for rule, token in trail:
        _fire(token, rule)
    # the words the tense is read from: the expression's governors up to the
    # verb, and their auxiliaries
    path: list[Token] = []
    for ancestor in list(span.root.ancestors)[:4]:
        path += [ancestor, *(c for c in ancestor.children if c.dep_ in AUXILIARY_DEPS)]
    text = doc_text(doc)
    before = max(0, span.start_char - 25)
    # each governor's forms read once, not once per rule
    forms = [(t.lower_, t.lemma_.lower(), t.idx, t.idx + len(t.text)) for t in path]
    # only the rules whose words can stand in the stretch read are tried (the
    # first run of word characters of one of their words is a run of it)
    window = text[before : span.end_char]
    by_run, always = grammar.word_index
    if window.isascii() and by_run:
        tried = set(always)
        for run in _WORD_RUN.findall(window.lower()):
            tried.update(by_run.get(run, ()))
    else:
        tried = None
    for position, (rule_id, kind, words) in enumerate(grammar.words):
        if kind != "tense" and tried is not None and position not in tried:
            continue
        if kind == "tense":
            # a dict look-up of each governor's forms, not a regex per rule and form
            for lower, lemma, start, end in forms:
                if rule_id in grammar.tense_words.get(lower, ()) or rule_id in grammar.tense_words.get(lemma, ()):
                    record_rule(doc, rule_id, start, end)
            continue
        # inside the expression, or just before it ("by late 2026": "by" is a filler)
        for match in words.finditer(text, before, span.end_char):
            start, end = match.start(), match.end()
            if start >= span.start_char or not text[end : span.start_char].strip(" -"):
                record_rule(doc, rule_id, start, end)


def _sentence_starts(doc: Doc) -> list[int] | None:
    """For each token, the index of its sentence's first token (None without sentence boundaries)."""
    if not doc.has_annotation("SENT_START"):
        return None
    starts: list[int] = []
    current = 0
    for i, flag in enumerate(doc.to_array("SENT_START").tolist()):
        if flag == 1 or i == 0:
            current = i
        starts.append(current)
    return starts


#: how many sentences before its own an expression that refers back may look for its date
_LOOK_BACK = 2


def _reference(
    span: Span,
    expression: Expression,
    history: list[tuple[Span, dict[str, Any]]],
    sent_starts: list[int] | None,
) -> dict[str, Any] | None:
    """The date an expression may read itself against (its timex dict): the last earlier date of
    its sentence; for one that refers back ("later that month", "a day
    earlier", "the same day", "in the afternoon") also of the two sentences
    before; for a day or a part of a day that names none ("earlier in the
    day", "in the morning") else the first day the article names, the day its
    story is about."""
    if expression.context == "none":
        return None
    unit = (expression.unit or "").rstrip("s")  # "two years later" counts years
    needed = {"day": "day", "week": "day", "weekend": "day", "month": "day", "year": "month"}.get(unit, "month")
    if expression.context == "previous" and unit in ("month", "year"):
        # "in early March, and later that month"; "in 2019 ... two years later": a
        # date as fine as the unit counted is enough to count from
        needed = unit
    if expression.kind == "same":
        # "the same period in 2008": a period finer than a year to take again, a month for "the same month"
        needed = "month" if expression.unit == "month" else "season"
    elif expression.context == "count":
        # "the year before" counts from a year, "the day before" from a day
        needed = {"week": "week", "month": "month", "year": "year"}.get(expression.unit or "", "day")
    elif expression.context == "same":
        needed = {"day": "day", "week": "week", "weekend": "week", "month": "month", "year": "year"}.get(
            expression.unit or "", "day"
        )
    if sent_starts is None:  # no parser: only a date just before can be referred back to
        if expression.context == "sentence":
            return None
        floor = max(0, span.start - 25)
    else:
        floor = sent_starts[span.start]
        if expression.context in ("previous", "same", "count"):
            for _ in range(_LOOK_BACK):
                if floor > 0:
                    floor = sent_starts[floor - 1]
    found = _last_date(history, lambda earlier: earlier.start >= floor, needed)
    if found is None and expression.context in ("previous", "same") and (expression.unit or "day") == "day":
        found = _last_date(list(reversed(history)), lambda earlier: True, "day")
    return found


#: the kinds of a bare calendar name whose year a story told in an earlier year gives ("On March 25")
_NARRATIVE_KINDS = ("date",)


def _narrative_day(
    span: Span, history: list[tuple[Span, dict[str, Any]]], sent_starts: list[int] | None, anchor: dt.date
) -> dt.date | None:
    """The day a story told in an earlier year has reached, for a bare month or
    day in a past clause: the last date of the sentence before or the one before
    that (none of its own sentence), when it is a day or a month of a year before
    the article's ("On March 2, 2015, ... On March 25, ..."), or None."""
    if sent_starts is None:
        return None
    own = sent_starts[span.start]
    floor = own
    for _ in range(_LOOK_BACK):
        if floor > 0:
            floor = sent_starts[floor - 1]
    for earlier, data in reversed(history):
        if earlier.start >= own:
            return None  # a date of its own sentence comes first: the sentence's rules read it
        if earlier.start < floor:
            return None
        if data.get("mod") or granularity(data.get("value")) not in ("day", "month") or not data.get("earliest"):
            continue
        day = dt.date.fromisoformat(str(data["earliest"]))
        return day if day.year < anchor.year else None
    return None


#: how many days ahead a weekday the tense puts in the future may lie before it is
#: read as the nearest one instead, unless a ``firm`` rule decided on its own verb
_WEEKDAY_FAR = 6


def _firm(span: Span, trail: Trail) -> bool:
    """Whether a ``firm`` tense rule decided the direction on the verb the
    expression hangs on, directly or through its preposition ("will vote
    *on* Friday")."""
    head = span.root.head
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return any(rule.firm and token.i == head.i for rule, token in trail)


def _reporter(span: Span) -> tuple[Token, Token, int] | None:
    """The verb whose complement clause holds ``span`` ("*said* that the council would
    vote Friday"): (the complement's verb, the reporting verb, where the complement
    opens: its subject), or None."""
    verb = span.root
    for _ in range(_MAX_REPORT_CLIMB):
        if verb.head.i == verb.i:
            return None
        verb = verb.head
        if verb.pos_ in VERB_POS:
            break
    else:
        return None
    while verb.dep_ == OPEN_COMPLEMENT_DEP and verb.head.i != verb.i:
        verb = verb.head  # "was set *to sail* Friday": the clause is the planning verb's
    if verb.dep_ != COMPLEMENT_DEP or verb.head.i == verb.i:
        return None
    # the complement starts at its subject: a date before it is the reporter's, however it is parsed
    opening = min((c.i for c in verb.children if c.dep_ in SUBJECT_DEPS), default=verb.i)
    return verb, verb.head, opening


def _report_day(
    span: Span,
    history: list[tuple[Span, dict[str, Any]]],
    later: list[tuple[Span, Expression]],
    decisions: Decisions,
    grammar: Grammar,
    anchor: dt.date,
) -> dt.date | None:
    """The day a date of the sentence gives the verb whose complement holds ``span``:
    one before it ("*said Thursday* that the council would vote Friday"), resolved
    already, or one after ("the council would vote Friday, the mayor *said
    Thursday*"), resolved here; or None."""
    found = _reporter(span)
    if found is None:
        return None
    verb, reporter, opening = found
    rule = decisions.first("report_day", verb, Walk(set(), span, None))
    if rule is None:
        return None  # "will": the article's own future
    data: dict[str, Any] | None = None
    for earlier, known in reversed(history):
        if earlier.sent != span.sent:
            break
        own = earlier.root.head == reporter or reporter.i < earlier.start and earlier.end <= opening
        if own and earlier.end <= verb.i:
            data = known
            break
    else:
        for after, expression in later:
            if after.sent != span.sent:
                break
            if after.root.head == reporter and reporter.i < after.start:
                direction = decisions.direction(after, [])
                result = timex.normalize(expression.text, anchor, direction=direction, grammar=grammar, rule_id=expression.rule_id)
                data = None if result is None else result.model_dump(mode="json")
                break
    if data is None or granularity(data.get("value")) != "day":
        return None
    try:
        day = dt.date.fromisoformat(str(data.get("earliest")))
    except ValueError:
        return None
    if day < anchor:
        _fire(verb, rule)
    return day


def _last_date(
    history: list[tuple[Span, dict[str, Any]]], inside: Any, needed: str
) -> dict[str, Any] | None:
    """The last date of ``history`` that ``inside`` accepts, as fine as ``needed`` (its timex dict)."""
    for earlier, data in reversed(history):
        if not inside(earlier):
            break
        if (
            data.get("value") is None
            or data.get("mod") in ("BEFORE", "AFTER")
            or data.get("earliest") is None
        ):
            continue
        if _RANK[granularity(data["value"])] > _RANK[needed]:
            continue
        return data
    return None


class DateFinder(RulePackComponent):
    """spaCy component: claim dates in ``doc.spans[spans_key]`` (``span._.timex``), every
    TIMEX3 in ``doc.spans[timexes_key]`` (``span._.timex3``, labelled with its type)."""

    pack_files = (timex.TEMPORAL_FILE,)

    def __init__(
        self,
        nlp: Language,
        name: str = "claimx_dates",
        spans_key: str = DATES_KEY,
        timexes_key: str | None = TIMEXES_KEY,
        *,
        rules_dir: Path | None = None,
        load: bool = True,
    ) -> None:
        """nlp (Language): the pipeline. name (str): component name. spans_key (str): span group
        of the claim dates. timexes_key (str | None): span group of every TIMEX3 (None: not written).
        rules_dir (Path | None): the rule pack; None for the default. load (bool): read it now."""
        self.name = name
        self.spans_key = spans_key
        self.timexes_key = timexes_key
        self._setup_pack(nlp, rules_dir, load=load)

    def load_rules(self, path: Path, nlp: Language) -> None:
        """Compile ``temporal.jsonl`` of the pack at ``path`` (its decision rules too, so a bad one is named now)."""
        self.grammar = timex.load_grammar(path)
        decisions_of(self.grammar)

    def __call__(self, doc: Doc) -> Doc:
        """doc (Doc): a parsed Doc. RETURNS (Doc): the Doc, its span groups set."""
        dates = find_dates(doc, self.grammar)
        timexes = find_timexes(doc, self.grammar) if self.timexes_key else find_claim_times(doc, self.grammar, dates)
        doc.spans[self.spans_key] = self._spans(doc, claim_dates(dates, timexes, doc_text(doc), self.grammar), "timex")
        if self.timexes_key:
            doc.spans[self.timexes_key] = self._spans(doc, timexes, TIMEX3_ATTR)
        return doc

    @staticmethod
    def _spans(doc: Doc, found: list[tuple[int, int, dict[str, Any]]], attr: str) -> list[Span]:
        spans: list[Span] = []
        for start, end, data in found:
            span = doc.char_span(start, end, label=data.get("type", "DATE"))
            if span is None:
                continue
            setattr(span._, attr, data)
            spans.append(span)
        return spans


@Language.factory(
    "claimx_dates",
    assigns=["doc.spans", "span._.timex", "span._.timex3"],
    requires=["token.dep", "token.lemma"],
    default_config={"spans_key": DATES_KEY, "timexes_key": TIMEXES_KEY, "rules_dir": None},
)
def make_dates(nlp: Language, name: str, spans_key: str, timexes_key: str | None, rules_dir: str | None) -> DateFinder:
    """Factory of ``claimx_dates``. spans_key (str): the claim dates' span group.
    timexes_key (str | None): the span group of every TIMEX3. rules_dir (str | None):
    the rule pack (read in ``initialize``). RETURNS (DateFinder)."""
    return DateFinder(nlp, name, spans_key, timexes_key, rules_dir=Path(rules_dir) if rules_dir else None, load=False)
