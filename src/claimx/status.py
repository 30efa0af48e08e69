""":mod:`claimx.status`: the status roll-up across articles, and what a run changed.

Claims of every article are grouped by (subject, topic, key), the subject
resolved across articles by :class:`~claimx.subjects.SubjectResolver`; a
claim that names no subject follows the subject the corpus's titles follow
when its article's own default is named by fewer titles; a claim of topic
``other`` about a person joins that person's cast or crew group when there
is one. The key is the claim's slot (``models/en/slots.jsonl``).

Within a group each article speaks once, through the first of its claims in
this order: a claim a reviewer accepted or corrected (a rejected claim does
not count); for a release or a fact whose value is an amount, a claim that
gives its value (for a fact counted in things, such as orders, a number of
things before a sum); a claim that names the subject and carries status
words (cues), a denial in so many words counting as naming it; one that does
either; its first claim. A sentence that hedges a value and says in so many
words that the fact is undecided ("anticipated for 2025, no date has been
set") speaks as undecided, with the hedged value; so does an article that
says in so many words that the fact's date is not known ("did not say when
it goes on sale") over a date given by a claim that names nothing, without
that date. A claim that restates an earlier article's claim of the group
with the same status and value is background (one that gives a new value is
news), as is one that writes the value an earlier article gave, with the
same status, as the name of a thing ("the £40m sale now awaits the
regulator"), and so, once an earlier article has spoken to the group, is a
claim worded as background (``models/en/background.jsonl``: "had said",
"initially", "earlier this year"); an article whose every claim of a group
is worded as background does not speak to it before any other article has,
unless no later article has news of it; an article that only restates earlier
coverage does not speak to the group, nor does one whose claims that say
most restate it and whose others are faint (they neither name the subject,
nor carry status words, nor give the value). A claim whose every date lies
before the year before its article's ("its first store, opened in 2011")
recalls history: it speaks for its article only when nothing else of the
article does, and then without a value (the dates and amounts it gives are
of that history: "made at the Leeds plant since 1998"). A business or
production claim that names another fact of its subject in so many words (a
one-word slot word of ``slots.jsonl``: "sought bankruptcy protection, but its
merger goes ahead") speaks to that fact too, last, for an article with no
claim of its own there (not the head a word of the claim's own narrower slot
modifies: "more aid" is further funding, its "aid" names no funding beside
it); the first such word on a fact makes its group; a flow reported per period that it names so is also
of the period written nearest its words ("a first-quarter loss and a 12%
drop in sales for April": April's sales). A group's value is the date or
amount (as its slot says) that the speaking claim gives. A claim stated as
fact that speaks of a deadline or a schedule ("has until June 1 to file a
plan", "a vote scheduled for May") speaks for its fact as expected, or as
undecided and without a value when the deadline is for a decision ("has
until 21 September to decide"); one that says the date was missed ("two years behind schedule")
denies it; a denial that only says a plan is left untouched ("the strike
will not affect its plans for a second line") speaks for the planned fact as
expected, a person's forecast ("the analyst cut his forecast for its sales")
as rumored, and a request for more money ("asked its lenders for a further
$20m") as undecided, with the sum asked, a refusal ("the union refused to
accept the rota") as denied, and declining to tell ("declined to predict
when") as undecided: the rules with ``speaks`` of ``background.jsonl``
(their ``reads``, the status or statuses they apply to). A claim that names
the person of a cast or crew fact with a post in apposition ("the plan of its
chief executive, Dana Holt, is to return to profit by 2030") states that the
person holds the post: it speaks for that fact as confirmed, without the
claim's date (a ``post`` rule of ``background.jsonl``); a claim of the
person's subject that names the person so only in its source ("…, said the
firm's chief executive, Dana Holt") speaks for that fact too, last, for an
article with no claim of its own there, and so does a claim filed under
another subject that writes the person's firm by name ("Ridgeway CEO Dana
Holt said the Vela will be renamed", filed under the Vela).

Articles are ordered by publication date; an article without one counts as
published on the day claimx first read it, and articles of the same day keep
the order they were added in. The group's current status is the one of the
last article; the history keeps every article's step. Comparing two roll-ups
gives a run's :class:`StatusChange` list.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from .amounts import amount_number, figure_at, number_word, range_end
from .background import (
    antecedent_rule, aside_at, asking_rule, generic_rule, matching_rule, names_post, post_rule, scene_rule, speaking_rule, title_keys,
)
from .decisions import Resolution
from .fingerprint import canonical_hash
from .schemas import PAIR_LABELS, Status, Topic
from .slots import agent_keys, agent_words, leaving_stops, leaving_words, once_keys, ousting_words, period_keys, placed_keys, value_kinds
from .subjects import SubjectResolver, known_names


class StatusStep(BaseModel):
    """One article's word on a group."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    published: dt.date | None
    status: Status
    value: str | None = None
    claim_id: str
    text: str
    claims: int = 1
    reviewed: bool = False


class StatusRecord(BaseModel):
    """One line of ``status.jsonl``: a tracked (subject, topic, key)."""

    model_config = ConfigDict(extra="forbid")

    group_id: str
    subject: str
    topic: Topic
    key: str
    status: Status
    value: str | None = None
    doc_id: str
    published: dt.date | None
    claim_id: str
    text: str
    names: list[str]
    history: list[StatusStep]


class StatusChange(BaseModel):
    """A group whose status (or value) a run changed."""

    model_config = ConfigDict(extra="forbid")

    group_id: str
    subject: str
    topic: Topic
    key: str
    kind: Literal["new", "changed", "value", "dropped"]
    before: Status | None = None
    after: Status | None = None
    before_value: str | None = None
    after_value: str | None = None
    doc_id: str | None = None
    published: dt.date | None = None

    def brief(self) -> str:
        """RETURNS (str): the change without its subject, topic and key, e.g.
        ``rumored → denied [2025] (doc, 2025-04-16)``; ``new`` for a fact a run found first."""
        if self.kind == "new":
            return "new"
        return self.describe().removeprefix(f"{self.subject} / {self.topic} / {self.key}: ")

    def describe(self) -> str:
        """RETURNS (str): one line, e.g. ``Half-Life 3 / production / development: rumored → denied (doc, 2025-04-16)``."""
        where = f"{self.subject} / {self.topic} / {self.key}"
        before = self.before or "none"
        after = self.after or "gone"
        line = f"{where}: {before} → {after}"
        if self.kind == "value" or (self.before_value != self.after_value and self.kind == "changed"):
            line += f" [{self.before_value or '-'} → {self.after_value or '-'}]"
        elif self.after_value:
            line += f" [{self.after_value}]"
        if self.doc_id:
            line += f" ({self.doc_id}{', ' + self.published.isoformat() if self.published else ''})"
        return line


def status_json_schemas() -> dict[str, Any]:
    """RETURNS (dict): JSON Schemas of ``status.jsonl`` lines and of status changes."""
    return {"status": StatusRecord.model_json_schema(), "status_change": StatusChange.model_json_schema()}


@dataclass(frozen=True)
class DocInfo:
    """What the roll-up needs of an article: when it was published, else when it was added."""

    published: dt.date | None
    added_on: dt.date
    added_seq: int
    title: str | None = None

    def rank(self) -> tuple[dt.date, int]:
        return (self.published or self.added_on, self.added_seq)


def group_id(subject: str, topic: str, key: str) -> str:
    """RETURNS (str): a stable id for a (subject, topic, key) group."""
    return "g_" + canonical_hash([subject, topic, key])[:16]


#: what a fact's value is when its slot (``slots.jsonl``) does not say: when
#: it comes out or starts, when a person joins or leaves; a deal's date or
#: amount; nothing for a title, a plot element or another attribute
DEFAULT_VALUE: dict[str, str | None] = {
    "release": "date", "production": "date", "cast": "date", "crew": "date", "business": "any",
}
#: entity labels that carry an amount
AMOUNT_LABELS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
#: a number written with its unit, as an attribute's value ("12.4-inch", "10,200mAh", "256GB", "420g")
_MEASURE = re.compile(
    r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?:-?(?!st\b|nd\b|rd\b|th\b|s\b)[A-Za-z]{1,10}"
    r"|\s(?:grams|kilograms|kg|g|inches|inch|mm|cm|GB|TB|mAh|Wh|MP|megapixels|hours|Hz))\b"
)
#: the same, a number of things first (orders of "60 jets" in a deal worth "$7bn")
COUNT_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")


def slot_key(topic: str | None, key: str | None) -> str | None:
    """RETURNS (str | None): the slot a fact's key is of: the key itself, or
    for an act keyed by the other party ("Ferrant endorsement", ``party``
    "agent" in ``slots.jsonl``) the act's slot ("endorsement"), for a fact
    held per period or per place ("Q3 2009 results", "Ohio primary") its slot."""
    if key and " " in key:
        last = key.rsplit(" ", 1)[1]
        if (topic, last) in agent_keys() or (topic, last) in period_keys() or (topic, last) in placed_keys():
            return last
    return key


_MONTHS = "January February March April May June July August September October November December".split()
#: a date that names a period a flow is reported for: a year, a half, a quarter, a month
_PERIOD = re.compile(r"^(\d{4})(?:-(?:(Q[1-4]|H[12])|(0[1-9]|1[0-2])))?$")


def _period(claim: Mapping[str, Any]) -> str | None:
    """RETURNS (str | None): the period a claim first names, as a reader names
    it ("Q3 2009", "H1 2010", "February 2010", "2009"): the first of its dates
    that is a year, a half, a quarter or a month, without a bound ("by 2012"
    is a deadline, no period); None when it names none."""
    for date in sorted(claim.get("dates") or (), key=lambda d: d.get("start", 0)):
        match = _PERIOD.match(str(date.get("value") or ""))
        if match is None or date.get("mod") in ("BEFORE", "AFTER"):
            continue
        year, part, month = match.groups()
        if part:
            return f"{part} {year}"
        if month:
            return f"{_MONTHS[int(month) - 1]} {year}"
        return year
    return None


#: how many characters may stand between a date and the clause that tells when it was ("2008, when")
_ANTECEDENT_GAP = 2


def antecedent_periods(claims: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """RETURNS (dict[str, str]): :func:`_antecedent_periods` by claim id, read over whole
    articles (the claim before a claim in its sentence may be of another subject)."""
    return {claims[position]["claim_id"]: period for position, period in _antecedent_periods(claims).items()}


def _antecedent_periods(claims: Sequence[Mapping[str, Any]]) -> dict[int, str]:
    """RETURNS (dict[int, str]): by position in ``claims``, the period (:func:`_period`)
    of the claims that open with a clause telling when the date written
    right before them was, in the claim before them in the same sentence
    (an ``antecedent`` rule of ``background.jsonl``: "the loss is a third
    of 2008's, when the firm lost $15 billion": the loss of 2008), for those
    that name no period of their own."""
    out: dict[int, str] = {}
    for position in range(1, len(claims)):
        claim, before = claims[position], claims[position - 1]
        start = (claim.get("span") or {}).get("start")
        if (
            start is None
            or before["doc_id"] != claim["doc_id"]
            or (before.get("sentence") or {}).get("start") != (claim.get("sentence") or {}).get("start")
            or _period(claim)
            or antecedent_rule(claim.get("text") or "") is None
        ):
            continue
        dates = [d for d in before.get("dates") or () if d.get("end") is not None and 0 <= start - d["end"] <= _ANTECEDENT_GAP]
        if dates and (period := _period({"dates": dates})):
            out[position] = period
    return out


def _period_near(claim: Mapping[str, Any], topic: str, key: str) -> str | None:
    """RETURNS (str | None): of the periods a claim names (:func:`_period`), the
    one written nearest a word of the slot ``key`` ("a first-quarter loss and
    a 12% drop in sales for April": April, for the sales);
    None when it names none or no word of the slot."""
    base = (claim.get("span") or {}).get("start") or 0
    near = _slot_word_offsets(claim.get("text") or "", topic, key, base)
    dates = [d for d in claim.get("dates") or () if d.get("start") is not None and _period({"dates": [d]})]
    if not near or not dates:
        return None
    return _period({"dates": [_nearest(dates, near, lambda d: d["start"], lambda d: d.get("end") or d["start"])]})


@functools.lru_cache(maxsize=4096)
def _slot_words(topic: str | None, key: str | None) -> tuple[str, ...]:
    """RETURNS (tuple[str, ...]): the words of a fact's slot (``slots.jsonl``), as written ("meet", "meeting")."""
    from .rules import default_rules_dir

    return _slot_word_table(default_rules_dir()).get((topic, slot_key(topic, key)), ())


@functools.lru_cache(maxsize=4)
def _slot_word_table(rules_dir: Path) -> dict[tuple[str | None, str | None], tuple[str, ...]]:
    """RETURNS (dict): (topic, key) of each slot of the pack at ``rules_dir`` -> its words, in file order
    (the pack is read once, not once for each fact's slot)."""
    from .slots import load_slots

    table: dict[tuple[str | None, str | None], tuple[str, ...]] = {}
    for slot in load_slots(rules_dir):
        table[(slot.topic, slot.key)] = table.get((slot.topic, slot.key), ()) + tuple(slot.words)
    return table


def _value_kind(topic: str | None, key: str | None) -> str | None:
    kinds = value_kinds()
    key = slot_key(topic, key)
    return kinds[(topic, key)] if (topic, key) in kinds else DEFAULT_VALUE.get(str(topic))


def _wants_value(topic: str, key: str) -> bool:
    """RETURNS (bool): whether the claim that gives a fact's value speaks first for its article:
    a release, and every fact whose slot (``slots.jsonl``) has a value (a date, an amount)."""
    return topic == "release" or value_kinds().get((topic, slot_key(topic, key))) is not None


@functools.lru_cache(maxsize=1)
def _attribute_words() -> dict[str, str]:
    """RETURNS (dict[str, str]): the one-word slot words of attributes (slots of topic ``other``) -> their key."""
    from .slots import load_slots

    return {
        word.casefold(): slot.key
        for slot in load_slots()
        if slot.topic == "other" and slot.party != "agent"  # an act is no attribute a clause lists
        for word in slot.words
        if " " not in word and "-" not in word
    }


@functools.lru_cache(maxsize=1)
def _pair_words() -> frozenset[str]:
    """RETURNS (frozenset[str]): the words that stand for two names ("both": the ``pair_subject`` rules of ``scope.jsonl``)."""
    from .rules import load_scope_rules

    words: set[str] = set()
    for rule in load_scope_rules():
        if rule.kind == "topic" and rule.role == "pair_subject" and isinstance(rule.pattern, dict):
            lower = rule.pattern.get("LOWER")
            words.update([lower] if isinstance(lower, str) else (lower or {}).get("IN", []))
    return frozenset(words)


def _pair_other(claim: Mapping[str, Any], named: Sequence[Mapping[str, Any]]) -> str | None:
    """RETURNS (str | None): for a claim whose subject is "both" (filed under the
    first of two names), the other: the last name its article's claims write
    before "both" that is not the first; None for any other claim."""
    subject = claim.get("subject") or {}
    mention, start = (subject.get("text") or "").casefold(), subject.get("start")
    if start is None or mention not in _pair_words():
        return None
    before = [e for e in named if e["end"] <= start and e["label"] in PAIR_LABELS and e["text"] != subject["name"]]
    return max(before, key=lambda e: e["start"])["text"] if before else None


def filed_subject(name: str, canonical: str, topic: str | None, key: str | None, makers: frozenset[tuple[str, str]]) -> str:
    """RETURNS (str): the subject a claim is filed under, before the article's
    followed subject: its canonical name, or its own name for a maker's own
    fact (``makers``: job cuts, results; :func:`claimx.slots.maker_keys`) when
    the canonical name is its product's ("Talmar" goes by "Talmar V40", but
    its job cuts are its own)."""
    if (topic, key) in makers and _maker_name(name, canonical):
        return name.strip()
    return canonical


def _maker_name(name: str, canonical: str) -> bool:
    """RETURNS (bool): whether ``name`` is a maker's name that the product's
    name ``canonical`` opens with a model number after it ("Talmar" in "Talmar V40")."""
    mine, theirs = _WORD.findall(name.casefold()), _WORD.findall(canonical.casefold())
    if not mine or len(theirs) <= len(mine) or theirs[: len(mine)] != mine:
        return False
    return any(any(c.isdigit() for c in w) and len(w) >= 3 and not (w.isdigit() and len(w) == 4 and w[:2] in ("19", "20")) for w in theirs[len(mine) :])


@functools.lru_cache(maxsize=1)
def _mention_words() -> dict[str, dict[str, str]]:
    """RETURNS (dict): topic -> {one-word slot word -> its key}, for the
    business and production slots whose words need no part of speech or head."""
    from .slots import load_slots

    out: dict[str, dict[str, str]] = {}
    for slot in load_slots():
        if slot.topic in ("business", "production") and not slot.heads and not slot.pos:
            for word in slot.words:
                if " " not in word:
                    out.setdefault(slot.topic, {})[word.casefold()] = slot.key
    return out


@functools.lru_cache(maxsize=1)
def _mention_pairs() -> dict[str, list[tuple[frozenset[str], tuple[str, ...], str]]]:
    """RETURNS (dict): topic -> [(slot words, their heads, key)], for the
    business and production slots whose one-word words count only under
    one of their heads ("close five plants", "lay off 3,000 workers")."""
    from .slots import load_slots

    out: dict[str, list[tuple[frozenset[str], tuple[str, ...], str]]] = {}
    for slot in load_slots():
        if slot.topic in ("business", "production") and slot.heads and not slot.near:
            words = frozenset(w.casefold() for w in slot.words if " " not in w and "-" not in w)
            heads = tuple(h.casefold() for h in slot.heads if " " not in h)
            if words and heads:
                out.setdefault(slot.topic, []).append((words, heads, slot.key))
    return out


#: the topics of a person's place (a cast or crew fact is keyed by the person; its claims may name a
#: business fact of theirs: "joined for a fee of €24m")
_PEOPLE_TOPICS = frozenset({"cast", "crew"})
#: words a joined head may stand before its slot word ("and close [its] five plants")
_HEAD_REACH = 3


def _joined_mentions(text: str, pairs: Sequence[tuple[frozenset[str], tuple[str, ...], str]]) -> set[str]:
    """RETURNS (set[str]): the keys of the headed slots a claim's text names in a
    predicate joined to its own by "and" ("plans to cut 5,000 jobs and close
    five plants": the closures too): the head right after "and", one of its
    slot words a few words after it."""
    return _joined_in(_WORD.findall(text.casefold()), pairs)


def _joined_in(words: Sequence[str], pairs: Sequence[tuple[frozenset[str], tuple[str, ...], str]]) -> set[str]:
    """RETURNS (set[str]): :func:`_joined_mentions` of a text's words (lower case, in order)."""
    out = set()
    for n, word in enumerate(words[1:], 1):
        if words[n - 1] != "and":
            continue
        for slot_words, heads, key in pairs:
            if word in heads and any(w in slot_words for w in words[n + 1 : n + 1 + _HEAD_REACH]):
                out.add(key)
    return out


#: words a narrower slot's word may stand before the head it modifies ("more *financial* aid")
_MODIFIER_REACH = 2


@functools.lru_cache(maxsize=1)
def _slot_phrases() -> dict[tuple[str, str], re.Pattern[str]]:
    """RETURNS (dict): (topic, key) -> one pattern of the slot's words of several
    words, lower case, longest first ("first test flight" before "test flight"),
    and for a slot whose word modifies a head (``pos`` ADJ: "more aid", "further
    loans"), the word with its head a few words on: the phrase names the
    narrower fact, its head no broader one."""
    from .slots import load_slots

    out: dict[tuple[str, str], list[str]] = {}
    narrower: dict[tuple[str, str], list[str]] = {}
    for slot in load_slots():
        out.setdefault((slot.topic, slot.key), []).extend(w.casefold() for w in slot.words if " " in w.strip())
        if slot.heads and "ADJ" in slot.pos:
            modifiers = "|".join(re.escape(w.casefold()) for w in slot.words)
            heads = "|".join(re.escape(h.casefold()) for h in slot.heads)
            narrower.setdefault((slot.topic, slot.key), []).append(
                rf"(?:{modifiers})(?:\s+[\w-]+){{0,{_MODIFIER_REACH}}}?\s+(?:{heads})[^\W_]*"
            )
    patterns = {
        k: [re.escape(w) for w in sorted(set(out.get(k, ())), key=lambda w: (-len(w), w))] + narrower.get(k, [])
        for k in out.keys() | narrower.keys()
    }
    return {k: re.compile(r"(?<![^\W_])(?:" + "|".join(v) + r")(?![^\W_])") for k, v in patterns.items() if v}


def _without_own_phrases(text: str, topic: str, key: str) -> str:
    """RETURNS (str): a claim's text, lower case, without the phrases of its own
    slot: their words name that fact, no other ("the first test flight" holds
    "test", but is the first flight)."""
    text = text.casefold()
    phrases = _slot_phrases().get((topic, key))
    return phrases.sub(" ", text) if phrases is not None else text


def _listed_attributes(text: str, words: Mapping[str, str]) -> set[str]:
    """RETURNS (set[str]): the attribute keys whose words a claim's text uses."""
    return _listed_in(_all_words(text.casefold()), words)


def _all_words(low: str) -> list[str]:
    """RETURNS (list[str]): the words of a lower-cased text, in order, then those written with
    hyphens, whole (:func:`_with_hyphened`)."""
    return _with_hyphened(_WORD.findall(low), low)


def _with_hyphened(words: list[str], low: str) -> list[str]:
    """RETURNS (list[str]): ``words``, a lower-cased text's words in order, then those it writes
    with hyphens, whole (a text without a hyphen has none: not searched for them)."""
    return words + _HYPHENED.findall(low) if "-" in low else words


def _listed_in(found: Iterable[str], words: Mapping[str, str]) -> set[str]:
    """RETURNS (set[str]): :func:`_listed_attributes` of a text's words (:func:`_all_words`)."""
    return {words[w] for w in found if w in words}


def title_words(title: str) -> set[str]:
    """RETURNS (set[str]): the words of a title, as :func:`_followed_subjects` reads them."""
    return set(_WORD.findall(title.casefold()))


def name_ways(name: str) -> set[frozenset[str]]:
    """RETURNS (set[frozenset[str]]): the ways a title names a subject's name, for
    :func:`followed_subjects`: all the words of the name, or the last one when it
    is a word of four letters or more ("Brenner" for "Tomas Brenner"; not "3" for
    "Orbit Pad 3")."""
    words = _WORD.findall(name.casefold())
    if not words:
        return set()
    ways = {frozenset(words)}
    if words[-1].isalpha() and len(words[-1]) >= 4:
        ways.add(frozenset(words[-1:]))
    return ways


def _followed_subjects(
    claims: list[Mapping[str, Any]], docs: Mapping[str, DocInfo], resolver: SubjectResolver
) -> dict[str, dict[str, str]]:
    """Which subject each article follows, across the corpus: of the subjects
    its title names, the one the most titles of the corpus name. An article
    whose claims default to another subject ("Kilbride accept offer for
    Brenner", in a corpus whose every title names the player) hands that
    subject's unnamed claims to the followed one.

    RETURNS (dict[str, dict[str, str]]): doc id -> {default subject: followed subject}.
    """
    titles = {doc_id: title_words(info.title) for doc_id, info in docs.items() if info.title}
    if len(titles) < 2:
        return {}
    # every subject, with the ways a title names it: all the words of one
    # of its names, or the last one when it is a word of four letters or
    # more ("Brenner" for "Tomas Brenner"; not "3" for "Orbit Pad 3")
    marks: dict[str, set[frozenset[str]]] = {}
    for claim in claims:
        name = claim["subject"]["name"]
        ways = name_ways(name)
        if ways:
            marks.setdefault(resolver.canonical(name), set()).update(ways)
    # the titles that hold each word (an index: not every title against every subject)
    holding: dict[str, set[str]] = {}
    for doc_id, words in titles.items():
        for word in words:
            holding.setdefault(word, set()).add(doc_id)
    named_in: dict[str, set[str]] = {}
    for subject, ways in marks.items():
        where: set[str] = set()
        for way in ways:
            # the titles holding every word of the way, from the word fewest titles hold
            postings = sorted((holding.get(word, set()) for word in way), key=len)
            where |= postings[0].intersection(*postings[1:])
        named_in[subject] = where
    subjects_of: dict[str, list[str]] = {}
    for subject, where in named_in.items():
        for doc_id in where:
            subjects_of.setdefault(doc_id, []).append(subject)
    defaults: dict[str, Counter[str]] = {}
    for claim in claims:
        if not claim["subject"].get("text"):
            defaults.setdefault(claim["doc_id"], Counter())[resolver.canonical(claim["subject"]["name"])] += 1
    out: dict[str, dict[str, str]] = {}
    for doc_id, counts in defaults.items():
        if doc_id not in titles:
            continue
        default = counts.most_common(1)[0][0]
        mine = subjects_of.get(doc_id, [])
        if not mine or default not in mine:
            # a default its own title does not name was chosen from the body
            # (the model the lead unveils, the product an article about its
            # maker's contract describes): the article follows it
            continue
        best = max(mine, key=lambda s: (len(named_in[s]), s == default))
        if best != default and len(named_in[best]) > len(named_in.get(default, ())):
            # "Ardent Vela to be revived": the maker's name the title holds is
            # part of its product's, which the title names in full (by the
            # name the product goes by); the article follows the product, as its claims do
            # (a proper name: "Harland United stadium" is the club's stadium,
            # a description of the club's that follows the club)
            title = titles[doc_id]
            product = frozenset(_WORD.findall(default.casefold()))
            proper = all(w[0].isupper() or w[0].isdigit() for w in _WORD.findall(default))
            if proper and product <= title and all(way <= product for way in marks[best] if way <= title):
                continue
            out[doc_id] = {default: best}
    return out


#: the subjects articles follow, for a roll-up of part of a corpus (see :func:`rollup`)
followed_subjects = _followed_subjects


def _bracketed(claim: Mapping[str, Any], date: Mapping[str, Any]) -> bool:
    """RETURNS (bool): whether a date stands in brackets, as a work's year after its name ("Alita: Battle Angel (2019)")."""
    text, span = claim.get("text") or "", claim.get("span") or {}
    start, end = date.get("start"), date.get("end")
    if start is None or end is None or "start" not in span:
        return False
    at, to = start - span["start"], end - span["start"]
    return 0 < at and to < len(text) and text[at - 1] == "(" and text[to] == ")"


def _value(claim: Mapping[str, Any], topic: str | None = None, key: str | None = None) -> str | None:
    """RETURNS (str | None): the value a claim gives its fact: the first date
    or amount in it, as the fact's slot wants (a date first for "any")."""
    if claim.get("given_value"):
        # the figure another party's claim gives this party ("compared with Odell's 97": :func:`_parties_figures`)
        return claim["given_value"]
    topic = topic or claim.get("topic")
    key = key or claim.get("key")
    kind = _value_kind(topic, key)
    if kind is None:
        return _attribute_figure(claim, topic, key)
    if topic in _PEOPLE_TOPICS and claim.get("status") in ("denied", "unconfirmed"):
        # "Jane Roe denied it, telling a fan this week": a person's denial
        # has no date of its own; the one it gives is of the telling
        return None
    dates = claim.get("dates") or []
    if kind == "measure":
        # "a 12.4-inch display", "rated at 10,200mAh": the figure with its
        # unit; of several ("a 12-inch display, 8GB of memory and a
        # 5,000mAh battery"), the one nearest a word of the fact's slot
        text = claim.get("text") or ""
        found = list(_MEASURE.finditer(text))
        if not found:
            return None
        near = _slot_word_offsets(text, topic, key) if len(found) > 1 else []
        return _nearest(found, near, lambda m: m.start(), lambda m: m.end()).group(0)
    if kind in ("date", "any"):
        act = _act_start(claim, topic, key)
        if act is not None:
            # "announced Friday that Kerr will meet the governor on Thursday":
            # an act's date is the one written after its word, not the day it was told
            dates = sorted(dates, key=lambda d: (d.get("start") or 0) < act)
        # "recently", "now" (PAST_REF, PRESENT_REF) say when, but give no date
        for date in dates:
            if date.get("value") and not str(date["value"]).endswith("_REF") and not _bracketed(claim, date):
                return _day_of(str(date["value"]))
    if kind in ("amount", "count", "any"):
        spans = [(d.get("start"), d.get("end")) for d in dates]
        base = (claim.get("span") or {}).get("start") or 0
        # a claim that speaks for another fact than its own ("a fee of €40m
        # plus a €5m bonus", filed as the fee, for the add-ons)
        # gives it the amount nearest a word of that fact's slot
        other = claim.get("key") not in (None, key)
        near = _slot_word_offsets(claim.get("text") or "", topic, key, base) if other else []
        # and none that stands nearer a word of the claim's own slot: "will
        # keep two of its marques and trim its dealer network" gives the
        # dealers no figure
        own = _slot_word_offsets(claim.get("text") or "", claim.get("topic"), claim.get("key"), base) if other and near else []
        entities = _entities(claim)
        for label in COUNT_LABELS if kind == "count" else AMOUNT_LABELS:
            found = [
                ent for ent in entities
                if _label(ent) == label
                and not any(s is not None and s <= ent.get("start", -1) < e for s, e in spans)
                and not _model_number(claim, ent)
                and not (own and _distance(ent, own) < _distance(ent, near))
            ]
            if found:
                return _written_amount(
                    claim, _nearest(found, near, lambda ent: ent.get("start") or 0, lambda ent: ent.get("end") or 0)
                )
    return None


#: a date to the day with a time of day after it ("2026-05-04TNI", "2026-05-04T10:00")
_TIMED_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T")


def _day_of(value: str) -> str:
    """RETURNS (str): a date's value without its time of day ("suspended his
    campaign Tuesday night": the day, 2026-05-05): a fact is done, set or moved
    on a day; the hour is the telling's, and articles that give the same day
    at other hours, or none, speak of the same date."""
    m = _TIMED_DAY.match(value)
    return m.group(1) if m else value


def _slot_word_offsets(text: str, topic: str | None, key: str | None, base: int = 0) -> list[int]:
    """RETURNS (list[int]): where the words of a fact's slot (``slots.jsonl``,
    each standing for its forms) start and end in ``text``, plus ``base``."""
    return [base + at for m in _words_pattern(_slot_words(topic, key)).finditer(text) for at in m.span()]


_T = TypeVar("_T")


def _distance(ent: Mapping[str, Any], near: list[int]) -> int:
    """RETURNS (int): how far an entity stands from the nearest offset of ``near``."""
    start, end = ent.get("start") or 0, ent.get("end") or 0
    return min((max(start - at, at - end, 0) for at in near), default=0)


def _nearest(items: list[_T], near: list[int], start: Callable[[_T], int], end: Callable[[_T], int]) -> _T:
    """RETURNS: the first of ``items`` (each from ``start`` to ``end``) nearest
    any offset of ``near``; the first item when ``near`` is empty."""
    return min(items, key=lambda it: min((max(start(it) - at, at - end(it), 0) for at in near), default=0))


@functools.lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...], whole: bool = False) -> re.Pattern[str]:
    """RETURNS (Pattern): any of ``words``, the longest first, in any case, from
    a word's start: with what follows it in its word ("endorse" finds
    "endorsed"), or with ``whole`` as a whole word only."""
    if not words:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![^\W_])(?:" + alternatives + (r")(?![^\W_])" if whole else r")\w*"), re.IGNORECASE)


def _act_start(claim: Mapping[str, Any], topic: str | None, key: str | None) -> int | None:
    """RETURNS (int | None): for an act of one party towards another (``party``
    "agent"), where the claim first writes a word of its slot ("meet",
    "endorsed", "endorsement"), as an offset in the article; else None."""
    words = agent_words().get((topic, slot_key(topic, key)))
    base = (claim.get("span") or {}).get("start")
    if not words or base is None:
        return None
    found = _act_word_pattern(words).search(claim.get("text") or "")
    return base + found.start() if found else None


@functools.lru_cache(maxsize=64)
def _act_word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """RETURNS (re.Pattern): the first word of an act's slot where a word starts (compiled once per slot)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _has_digit(text: str) -> bool:
    """RETURNS (bool): whether ``text`` holds a digit (a fact's key, an entity's text: asked for each
    claim of a group, and again per group, in a roll-up; the keys and names repeat)."""
    return any(c.isdigit() for c in text)


#: the figures that measure an attribute: a share of it, a quantity with its unit
_ATTRIBUTE_LABELS = ("PERCENT", "QUANTITY")


def _attribute_figure(claim: Mapping[str, Any], topic: str | None, key: str | None) -> str | None:
    """RETURNS (str | None): the value of an attribute that no slot names
    (``other`` keyed on the noun the claim is about): the share or quantity
    the claim gives it ("60% of the parts will be made at home", "a range of
    8,000 nautical miles"); none for a slot's attribute (its slot says what
    its value is) or a variant whose key already holds its figure ("1TB model")."""
    if topic != "other" or not key or (topic, slot_key(topic, key)) in value_kinds() or _has_digit(key):
        return None
    entities = _entities(claim)  # (read once: asked for each claim, twice, in a roll-up)
    for label in _ATTRIBUTE_LABELS:
        for ent in entities:
            if ent.get("label") == label:
                return _written_amount(claim, ent)
    # "won 14 delegates", "nine of the state's delegates": a number that
    # counts the thing the attribute is keyed on is its value
    text, base = claim.get("text") or "", (claim.get("span") or {}).get("start")
    noun = key.split()[-1].casefold()
    for ent in entities:
        end = ent.get("end")
        if _label(ent) == "CARDINAL" and base is not None and end is not None and _counted_at(text, end - base, noun):
            return _written_amount(claim, ent)
    return None


#: how many words may stand between a number and the thing it counts: its
#: modifiers ("14 *pledged* delegates"), or after "of" a phrase ("nine of *the Wyoming* delegates")
_COUNTED_REACH = 2


#: from where a number ends, each way to the word where the noun it counts may stand: up to
#: :data:`_COUNTED_REACH` words, or "of" and one word more (the words whole: each runs to a space)
_COUNTED_WAYS = tuple(
    re.compile(rf"{lead}(?:\s+[\w'’-]+){{{n}}}\s+", re.IGNORECASE)
    for lead, reach in (("", _COUNTED_REACH), (r"\s+of", _COUNTED_REACH + 1))
    for n in range(reach + 1)
)


def _counted_at(text: str, at: int, noun: str) -> bool:
    """RETURNS (bool): whether the noun stands a few words on from ``at`` (where a number ends),
    as :data:`_COUNTED_WAYS` allow. The words between are fixed patterns; only the noun's own
    pattern is made per noun (a pattern of the noun and the words before it, made per noun,
    cost most of the roll-up's time on published news: a thousand nouns and more)."""
    noun_at = _noun_pattern(noun)
    for way in _COUNTED_WAYS:
        m = way.match(text, at)
        if m is not None and noun_at.match(text, m.end()):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _noun_pattern(noun: str) -> re.Pattern[str]:
    """RETURNS (re.Pattern): the noun a number counts, as a whole word."""
    return re.compile(re.escape(noun) + r"(?!\w)", re.IGNORECASE)


_SPACES = re.compile(r"\s*")


def _entities(claim: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """RETURNS (list): a claim's entities, an amount the tagger found with no
    figure in it ("more than", "as much as" tagged apart from the "$6 billion"
    after them) replaced by the figure written right after it, or left out
    when none is."""
    text, base = claim.get("text") or "", (claim.get("span") or {}).get("start")
    out = []
    for ent in claim.get("entities") or []:
        written = str(ent.get("text") or "")
        if ent.get("label") not in AMOUNT_LABELS or _has_digit(written) or number_word(written):
            out.append(ent)
            continue
        end = ent.get("end")
        if base is None or end is None:
            continue
        after = _SPACES.match(text, end - base).end()
        figure = figure_at(text, after)
        if figure and any(c.isdigit() for c in figure) and not any(
            (other.get("start") or -1) == base + after for other in claim.get("entities") or []
        ):
            out.append({**ent, "text": figure.strip(), "start": base + after, "end": base + after + len(figure)})
    return out


#: a bare number the entity tagger may take for a date ("the ferry line has so far booked 35")
_BARE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})*")


def _label(ent: Mapping[str, Any]) -> str | None:
    """RETURNS (str | None): an entity's label, a number of three figures or
    fewer (or with thousands commas) labelled DATE counting as CARDINAL: no
    year is written so, and a date the claim gives was taken out before
    (its ``dates``), so what is left is a count ("has so far booked 35")."""
    label = ent.get("label")
    if label == "DATE" and _BARE_NUMBER.fullmatch(str(ent.get("text") or "")):
        return "CARDINAL"
    return label


def _counts(claim: Mapping[str, Any], topic: str, key: str) -> bool:
    """RETURNS (bool): whether a claim gives a fact counted in things (a
    ``count`` slot) a number of things, not only a sum or a share; True for
    every other fact."""
    if _value_kind(topic, key) != "count":
        return True
    value = _value(claim, topic, key)
    return value is not None and any(
        _label(ent) in ("CARDINAL", "QUANTITY") and _written_amount(claim, ent) == value
        for ent in _entities(claim)
    )


#: a figure that names a model ("the 787-8", "the A350"): the article before it, a dash or letters in it
_MODEL_NUMBER = re.compile(r"[A-Za-z]+-?\d[\w-]*|\d+-\w+")


def _model_number(claim: Mapping[str, Any], ent: Mapping[str, Any]) -> bool:
    """RETURNS (bool): whether an entity is a model's number ("the 787-8 holds 250"), not an amount."""
    text, base = claim.get("text") or "", (claim.get("span") or {}).get("start")
    start = ent.get("start")
    if base is None or start is None:
        return False
    before = text[: max(start - base, 0)].rstrip().rsplit(" ", 1)[-1].lower()
    return before == "the" and bool(_MODEL_NUMBER.fullmatch(_written_amount(claim, ent)))


def _leaves(text: str, person: str) -> bool:
    """RETURNS (bool): whether a claim says that ``person`` leaves: their
    (last) name, then within a few words one of the leaving words of
    ``slots.jsonl`` ("Ilse Marten will step down", "Dekker was replaced")."""
    words = leaving_words()
    name = person.split()[-1] if person.split() else ""
    if not words or len(name) < 2 or name not in text:
        return False
    if _ended_at(text, name, _leaving_pattern(words, leaving_stops()), flags=0):
        return True
    # "the board fired its coach, Arno Dekker": another's act, the name after it
    ousted = _ousting_pattern(ousting_words(), leaving_stops())
    return ousted is not None and any(ousted.search(text[: match.start()]) for match in _name_matches(text, name, 0))


@functools.lru_cache(maxsize=4)
def _ousting_pattern(words: tuple[str, ...], stops: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    """RETURNS (re.Pattern | None): an ousting word (``ousts`` of ``slots.jsonl``),
    not after "was", "been" and the like, then up to four words, none "by",
    "with", "and", "or", "but" nor one of ``stops``,
    then the end of the text before a name (the person's first name may stand
    there): "sacked their head coach, Arno", not "was replaced by" nor
    "fired the coach and hired"."""
    if not words:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    stop = r"(?!(?:" + "|".join(re.escape(w) for w in (*stops, "by", "with", "and", "or", "but")) + r")\b)"
    gap = r"(?:[\s,]+" + stop + r"[^\s.;:!?]+){0,4}?"
    # "was replaced on Sunday with Jo Hale": in the passive the one named after is the one who takes the post
    passive = r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bbeing )"
    return re.compile(passive + r"(?<!\w)(?:" + alternatives + r")" + gap + r"[\s,]+(?:[A-Z][\w.'’-]*\s+)?$", re.IGNORECASE)


def _successors(claim: Mapping[str, Any], person: str) -> list[str]:
    """RETURNS (list[str]): the people a claim says take the post ``person``
    leaves: a person it names after "by" or "with", after the words that say
    ``person`` leaves ("Dekker was replaced on Sunday by Ewan Rask")."""
    text = claim.get("text") or ""
    if not _leaves(text, person):
        return []
    found = []
    for ent in claim.get("entities") or ():
        name = str(ent.get("text") or "")
        if ent.get("label") != "PERSON" or not name or name == person or name.split()[-1] == person.split()[-1]:
            continue
        if name in text and re.search(r"(?<!\w)(?:by|with)\s+" + re.escape(name) + r"(?!\w)", text):
            found.append(name)
    return found


#: the parties an act may be towards: people, organisations, countries
_PARTY_LABELS = ("PERSON", "ORG", "GPE")
#: what stands between two names of one list: commas, "and", a title or a
#: name's bracketed note ("Sen. Vera Odell (D-Ore.), and Rep. Ian Price")
_LIST_GAP = re.compile(r"(?:\s*\([^()]{0,40}\))?[\s,]*(?:(?:and|or)\s+)?(?:the\s+)?(?:[A-Z][\w.]*\.?\s+){0,3}")


#: entity labels of a place's own name ("the *Leeds* plant", "the *Halden Casting* plant")
_PLACE_LABELS = ("GPE", "ORG", "FAC", "LOC")
#: what stands between two place names before one noun: "and" ("the Leeds and Derby plants")
_PLACE_AND = re.compile(r"\s*,?\s*(?:and|&)\s*")
#: or a comma before the region the first is in ("its Selby, Yorkshire plant")
_PLACE_REGION = re.compile(r"\s*,\s*")


def _named_places(claim: Mapping[str, Any], words: tuple[str, ...]) -> list[tuple[str, str]]:
    """RETURNS (list[str]): the places a claim names by their own names before
    one of a slot's words, each with that word in the singular ("the Leeds and
    Derby plants will close": "Leeds plant", "Derby plant"; "its Selby, Yorkshire
    plant": "Selby plant"), as (name, word)."""
    text, base = claim.get("text") or "", (claim.get("span") or {}).get("start")
    if base is None or not words:
        return []
    ents = sorted(
        (e for e in claim.get("entities") or () if e.get("label") in _PLACE_LABELS and e.get("start") is not None),
        key=lambda e: e["start"],
    )
    out: list[tuple[str, str]] = []
    for m in _words_pattern(words, whole=True).finditer(text):
        written = m.group(0).lower()
        noun = next(
            (w for w in (written[:-3] + "y" if written.endswith("ies") else "", written[:-1]) if w and w in words and w != written),
            written,
        )
        names: list[str] = []
        at = m.start()
        for ent in reversed([e for e in ents if e["end"] - base <= at]):
            gap = text[ent["end"] - base : at]
            if not names and gap.strip():
                break
            if names and _PLACE_REGION.fullmatch(gap) and len(names) == 1:
                names[0] = str(ent["text"])  # the place, before the region it is in
            elif names and not _PLACE_AND.fullmatch(gap):
                break
            else:
                names.append(str(ent["text"]))
            at = ent["start"] - base
        for name in reversed(names):
            parts = name.split()
            if len(parts) > 1 and parts[0][:1].islower():
                parts = parts[1:]  # an article the entity holds ("the Halden Casting")
            out.append((" ".join(parts), noun))
    return list(dict.fromkeys(out))


def also_filed(
    claim: Mapping[str, Any], subject: str, topic: str, key: str, named: Sequence[Mapping[str, Any]],
    resolver: SubjectResolver, makers: frozenset[tuple[str, str]],
    places: Mapping[tuple[str, str], tuple[str, tuple[str, ...]]],
) -> list[tuple[tuple[str, str, str], str]]:
    """RETURNS (list): the groups a claim filed under ``subject`` also speaks to
    under another subject, each ``((subject, topic, key), name it goes by)``:
    the other of two names "both" stands for (``named``: its article's
    entities, :func:`article_entities`), and a place named by its own name
    before a slot's word ("the Leeds and Derby plants will close": the Leeds
    plant's closure, the Derby plant's). :func:`rollup` files the claim there;
    the stored roll-up rolls those subjects up with the claim's own."""
    out: list[tuple[tuple[str, str, str], str]] = []
    other = _pair_other(claim, named)
    if other is not None:
        out.append(((filed_subject(other, resolver.canonical(other), topic, claim["key"], makers), topic, key), other))
    if (topic, key) in places:
        place_key, place_words = places[(topic, key)]
        for place, noun in _named_places(claim, place_words):
            if resolver.canonical(place) == subject or _names_party(subject, place):
                continue  # "Ardent plants will close": the maker's own, no place
            out.append(((resolver.canonical(f"{place} {noun}"), topic, place_key), f"{place} {noun}"))
    return out


def files_elsewhere(text: str | None, topic: str | None, key: str | None, places: Mapping[tuple[str, str], Any]) -> bool:
    """RETURNS (bool): whether a claim whose subject is written ``text`` (None: not
    written) may also be filed under another subject (:func:`also_filed`): its subject
    is a word for two names, or its slot holds places named by their own names."""
    return (topic, key) in places or (text or "").casefold() in _pair_words()


def article_entities(claims: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """RETURNS (dict): each article's names, as its claims write them (doc id -> entities, in claim order)."""
    named: dict[str, list[Mapping[str, Any]]] = {}
    for claim in claims:
        named.setdefault(claim["doc_id"], []).extend(claim.get("entities") or ())
    return named


def article_ledes(claims: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """RETURNS (dict): where each article's lede starts (doc id -> offset): the
    first sentence that holds a claim, read over the article's whole claims
    (a headline or a dateline above it holds none)."""
    ledes: dict[str, int] = {}
    for claim in claims:
        start = (claim.get("sentence") or {}).get("start")
        if start is not None and start < ledes.get(claim["doc_id"], start + 1):
            ledes[claim["doc_id"]] = start
    return ledes


def _listed_parties(claim: Mapping[str, Any], key: str, act: str | None) -> list[str]:
    """RETURNS (list[str]): for a claim keyed as an act towards a party
    ("Kerr endorsement"), the other parties the claim lists with that one
    ("endorsed Mia Kerr, Sen. Vera Odell and Ian Price": Odell, Price), each
    named as the key names a party (a person by surname, a body by its name)."""
    if not act or not key.endswith(" " + act):
        return []
    party = key[: -len(act) - 1].strip()
    text, base = claim.get("text") or "", (claim.get("span") or {}).get("start")
    ents = sorted(
        (e for e in claim.get("entities") or () if e.get("label") in _PARTY_LABELS and e.get("start") is not None),
        key=lambda e: e["start"],
    )
    if base is None or not party:
        return []
    at = next((n for n, e in enumerate(ents) if str(e.get("text") or "").endswith(party)), None)
    if at is None:
        return []
    found: list[str] = []
    end = ents[at]["end"]
    for ent in ents[at + 1 :]:
        before = text[: ent["start"] - base]
        if before.count("(") > before.count(")"):
            # a name's bracketed note ("(D-Ore.)") is no party of the list
            continue
        gap = text[end - base : ent["start"] - base]
        if not gap.strip() or _LIST_GAP.fullmatch(gap) is None:
            break
        name = str(ent.get("text") or "").strip()
        found.append(name.split()[-1] if ent.get("label") == "PERSON" else name)
        end = ent["end"]
    return [name for name in found if name and name != party]


def mutual_parties(claim: Mapping[str, Any]) -> list[str]:
    """RETURNS (list[str]): for a claim about an act both parties do together (a
    ``mutual`` slot: "Kerr will meet Price"), the other parties its groups are
    keyed by ("Price"; "" for one that names none), as :func:`rollup` keys them
    (the key's party and the parties listed with it); [] for any other claim.
    The roll-up merges such groups across subjects, so the subjects they name
    are rolled up together (:mod:`claimx.increment`)."""
    from .slots import mutual_keys

    topic, key = claim.get("topic"), claim.get("key") or ""
    act = slot_key(topic, key)
    if (topic, act) not in mutual_keys():
        return []
    if key == act:
        return [""]
    return [key[: -len(act) - 1].strip(), *_listed_parties(claim, key, act)]


def last_word(name: str) -> str:
    """RETURNS (str): a name's last word, case-folded ("" for none): what a party
    ("Trump") and the subject it names ("Donald J. Trump") share (:func:`_names_party`)."""
    words = _WORD.findall(name.casefold())
    return words[-1] if words else ""


@functools.lru_cache(maxsize=4)
def _leaving_pattern(words: tuple[str, ...], stops: tuple[str, ...] = ()) -> re.Pattern[str]:
    """RETURNS (re.Pattern): a name's end, up to four words none of which is
    one of ``stops`` (words that report or open a clause: ``not_across`` of
    ``slots.jsonl``), then a leaving word."""
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    stop = r"(?!(?:" + "|".join(re.escape(w) for w in stops) + r")\b)" if stops else ""
    gap = r"(?:[\s,]+" + stop + r"[^\s.;:!?]+){0,4}?"
    return re.compile(gap + r"[\s,]+(?:" + alternatives + r")(?!\w)", re.IGNORECASE)


def _written_amount(claim: Mapping[str, Any], ent: Mapping[str, Any]) -> str:
    """RETURNS (str): an amount as the claim writes it, with the symbol and
    unit the tagger left out of the entity ("$699", "16GB", "€50m"), and the
    rest of a range it opens ("25,000 to 30,000")."""
    text, base = claim.get("text") or "", (claim.get("span") or {}).get("start")
    start, end = ent.get("start"), ent.get("end")
    if base is None or start is None or end is None or not 0 <= start - base <= end - base <= len(text):
        return str(ent["text"])
    i, j = start - base, end - base
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    while j < len(text) and not text[j].isspace():
        j += 1
    written = text[i:j].strip(_EDGE_MARKS)
    # "25,000 to 30,000 positions": a range the tagger cut after its first
    # figure is one amount, the whole range (``amounts.jsonl``, ``range``)
    i += len(text[i:j]) - len(text[i:j].lstrip(_EDGE_MARKS))
    k = range_end(text, i, i + len(written)) if written else None
    if k is not None:
        while k < len(text) and not text[k].isspace():
            k += 1
        written = text[i:k].strip(_EDGE_MARKS)
    return written or str(ent["text"])


#: the marks around an amount as written that are not part of it
_EDGE_MARKS = ",.;:!?()[]\"'“”‘’"


def background_claims(claims: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """RETURNS (frozenset[str]): the ids of the claims worded as background
    (``background.jsonl``), and of the claims that follow such a claim in its
    sentence: "Earlier this month a tipster published a sheet, listing a $649
    price" restates the sheet's price too. A time clause that opens its claim
    ("two weeks after the launch") marks only itself: the clause after it is
    the sentence's news ("…, the maker cut its price")."""
    marked: set[str] = set()
    first_mark: dict[tuple[str, Any, Any], int] = {}
    located = []
    for claim in claims:
        sentence = claim.get("sentence") or {}
        where = (claim["doc_id"], sentence.get("start"), sentence.get("end"))
        start = (claim.get("span") or {}).get("start")
        rule = matching_rule(claim.get("text") or "")
        if rule is not None:
            marked.add(claim["claim_id"])
            if rule.opens is None and sentence.get("start") is not None and start is not None:
                first_mark[where] = min(first_mark.get(where, start), start)
        located.append((where, start, claim["claim_id"]))
    for where, start, cid in located:
        if where in first_mark and start is not None and start > first_mark[where]:
            marked.add(cid)
    return frozenset(marked)


def _long_past(claim: Mapping[str, Any], year: int) -> bool:
    """RETURNS (bool): whether every date a claim gives lies before the year
    before ``year`` (its article's): "its first store, opened in 2011",
    "a rivalry that goes back to the 1980s", in an article of 2026. Such a
    claim recalls history; the year before the article's may still be its
    news ("its 2025 results")."""
    # a work's year in brackets after its name is no date the claim gives ("Alita: Battle Angel (2019)")
    values = [str(d.get("value") or "") for d in claim.get("dates") or [] if not _bracketed(claim, d)]
    # a decade ("199X") ends in its ninth year; "PAST_REF" and the like give no year
    years = [v[:4].replace("X", "9") for v in values]
    return bool(years) and all(y.isdigit() and int(y) < year - 1 for y in years)


def _dated_by(claim: Mapping[str, Any], published: dt.date | None) -> bool:
    """RETURNS (bool): whether a claim gives a date and every date it gives
    ends on or before ``published`` (its article's day)."""
    if published is None:
        return False
    ends = _date_ends(claim)
    return bool(ends) and all(_DATE_VALUE.match(end) and end[:10] <= published.isoformat() for end in ends)


def _told_before(claim: Mapping[str, Any], published: dt.date | None) -> bool:
    """RETURNS (bool): whether a claim gives a date and every date it gives
    ends before ``published`` (the day of an earlier article): "lost $2
    billion in 2025", "a week ago", "when asked in May", in a later article.
    A date known only to its year or month ends on its last day (``latest``)."""
    if published is None:
        return False
    ends = _date_ends(claim)
    return bool(ends) and all(_DAY.match(end) and end[:10] < published.isoformat() for end in ends)


def _date_ends(claim: Mapping[str, Any]) -> list[str]:
    """RETURNS (list[str]): where each date a claim gives ends: its ``latest``
    (a year or month ends on its last day), else its value."""
    return [str(d.get("latest") or d.get("value") or "") for d in claim.get("dates") or []]


#: a date's value to the day ("2026-05-04", "2026-05-04T10:00")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _names_by_value(text: str, value: str) -> bool:
    """RETURNS (bool): whether a claim writes its value as the name of a
    thing, after "the" and before a noun ("the £40m sale now awaits the
    regulator", "the $90 headset sold out"): it refers to a known value, it
    does not give one."""
    # what the pattern ``(?<!\w)the\s+VALUE\s+[a-z]`` finds, looked for without a pattern per value
    # (a thousand values and more in a roll-up of published news): each place the value is
    # written, the spaces before it after a whole "the", and after it spaces and a small letter
    at = text.find(value)
    while at >= 0:
        start = at
        while start > 0 and text[start - 1].isspace():
            start -= 1
        end = at + len(value)
        after = end
        while after < len(text) and text[after].isspace():
            after += 1
        if (
            3 <= start < at
            and text[start - 3 : start] == "the"
            and (start == 3 or start > 3 and not _is_word_char(text[start - 4]))
            and after > end
            and after < len(text)
            and "a" <= text[after] <= "z"
        ):
            return True
        at = text.find(value, at + 1)
    return False


def _is_word_char(char: str) -> bool:
    """RETURNS (bool): whether a character is one ``\\w`` matches (a letter, a digit of any script, "_")."""
    return char.isalnum() or char == "_"


#: the figures of a value as written ("about £40m": "40")
_FIGURES = re.compile(r"\d[\d.,]*")


class _Earlier:
    """What earlier articles of a group said (:func:`_history`): (status, content words, value) per
    claim, kept by what is asked of them (a claim restated with the same status and value, the same
    figures with the same status, a status said), so that each question reads the few that can
    answer it rather than every claim said before (a group of many articles is not read again
    for each of its claims)."""

    def __init__(self) -> None:
        self.said = 0
        self.statuses: set[str] = set()
        self._words: dict[tuple[str, str | None], set[frozenset[str]]] = {}
        self._figures: dict[str, set[tuple[str, ...]]] = {}

    def __bool__(self) -> bool:
        return self.said > 0

    def extend(self, said: Iterable[tuple[str, frozenset[str], str | None]]) -> None:
        for status, words, value in said:
            self.said += 1
            self.statuses.add(status)
            if len(words) >= 2:  # fewer restate nothing (:meth:`restated`)
                self._words.setdefault((status, value), set()).add(words)
            if value is not None and (figures := tuple(_FIGURES.findall(value))):
                self._figures.setdefault(status, set()).add(figures)

    def restated(self, status: str, words: frozenset[str], value: str | None) -> bool:
        """RETURNS (bool): whether an earlier claim with this status and value says (nearly) these
        words: of the fewer content words of the two (two or more each), 80% are in the other's."""
        said = self._words.get((status, value))
        if not said or len(words) < 2:
            return False
        size = len(words)
        for theirs in said:  # (each of two words or more: :meth:`extend`; asked for each claim of a fact)
            # (the smaller size inline: the loop runs some 400,000 times on 300 published articles)
            if len(words & theirs) >= 0.8 * (size if size < len(theirs) else len(theirs)):
                return True
        return False

    def same_amount(self, status: str, value: str) -> bool:
        """RETURNS (bool): whether an earlier claim with this status writes the same figures as ``value`` ("about £40m", "£40m")."""
        figures = tuple(_FIGURES.findall(value))
        return bool(figures) and figures in self._figures.get(status, ())


def _faint(claim: Mapping[str, Any], topic: str, key: str) -> bool:
    """RETURNS (bool): whether a claim says little of its fact: it neither
    names its subject, nor carries status words, nor gives the fact's value
    ("the firm pointed to a parts squeeze", of a phone's screen)."""
    return not (claim.get("subject") or {}).get("text") and not claim.get("cues") and _value(claim, topic, key) is None


def _standing_value(history: list[StatusStep], topic: str | None = None) -> str | None:
    """RETURNS (str | None): the value the current status rests on: the last
    step's, else that of the latest step before it with the same status, the
    steps between all keeping that status (an article that confirms the deal
    without its price leaves the price confirmed before standing). A fact
    confirmed without a value of its own keeps the one it was expected with
    ("the plan is due by June 1", then "the plan was presented"). A thing
    confirmed as done on a date keeps that date through the articles that
    confirm it again (:func:`_done_on`), unless it is a release: an
    announcement or a launch is set, then pinned down or moved, and a later
    article's date is its latest word."""
    status = history[-1].status
    for n in range(len(history) - 1, -1, -1):
        step = history[n]
        if step.status != status and not (status == "confirmed" and step.status == "expected"):
            return None
        if step.value:
            return (_done_on(history[: n + 1]) if topic != "release" else None) or step.value
    return None


def _hedged_aside(claim: Mapping[str, Any]) -> bool:
    """RETURNS (bool): whether every cue of a claim stands in an aside after its main clause
    (an ``aside`` rule of ``background.jsonl``: "took all 40 seats, in what could end
    her rival's run"): the claim's own news is stated as fact."""
    text, base, cues = claim.get("text") or "", (claim.get("span") or {}).get("start"), claim.get("cues") or []
    at = aside_at(text) if base is not None and cues else None
    return at is not None and all((cue.get("start") or 0) - base >= at for cue in cues)


def _done_day(history: list[StatusStep]) -> str | None:
    """RETURNS (str | None): the day (YYYY-MM-DD) by which a step of ``history`` confirmed the
    thing done: of the first confirmed step with a day on or before its article's own, that
    day; or with no date ("has made its maiden flight"), its article's."""
    for step in history:
        if step.status != "confirmed" or step.published is None:
            continue
        published = step.published.isoformat()
        if not step.value:
            return published
        if _DAY.match(step.value) and step.value[:10] <= published:
            return step.value[:10]
    return None


def _done_on(history: list[StatusStep]) -> str | None:
    """RETURNS (str | None): of the confirmed steps that end ``history``, one
    after another, the earliest that gives a date on or before its article's
    own (a thing done: "filed for bankruptcy on Monday"), when there is one
    before the last: a later article that confirms it again gives the date
    of its own news (a press conference), not that of the thing, which
    cannot move; a date still to come (a launch set for May) can."""
    done = None
    for step in reversed(history):
        if step.status != "confirmed":
            break
        if step.value and _DATE_VALUE.match(step.value) and step.published is not None:
            day, published = step.value[:10], step.published.isoformat()
            # a date years before its article is history it recalls ("merged in 1998"), not this fact's
            if published[:4] > day[:4] >= str(step.published.year - 1) or day[:4] == published[:4] and day <= published[: len(day)]:
                done = step.value
    return done if done is not None and done != history[-1].value else None


#: a value that is a date (TIMEX3: "2009-06-01", "2026-W23", "2027-FA")
_DATE_VALUE = re.compile(r"^\d{4}(?:-|$)")


class _TextFacts:
    """What claims' texts say that their groups ask again: a claim is filed in one group or
    several, and each asks (kept for one roll-up: a claim's later groups come long after its
    first, past any small cache's reach)."""

    __slots__ = ("_words", "_generic")

    def __init__(self) -> None:
        self._words: dict[str, frozenset[str]] = {}
        self._generic: dict[str, bool] = {}

    def content_words(self, text: str) -> frozenset[str]:
        """RETURNS (frozenset[str]): :func:`_content_words` of ``text``."""
        words = self._words.get(text)
        if words is None:
            words = self._words[text] = _content_words(text)
        return words

    def generic(self, text: str) -> bool:
        """RETURNS (bool): whether a ``generic`` rule matches ``text`` (:func:`generic_rule`)."""
        found = self._generic.get(text)
        if found is None:
            found = self._generic[text] = generic_rule(text) is not None
        return found


def _history(
    by_doc: Mapping[str, list[tuple[int, int, Mapping[str, Any]]]],
    docs: Mapping[str, DocInfo],
    topic: str,
    key: str,
    resolution: Resolution | None,
    background: frozenset[str] = frozenset(),
    texts: _TextFacts | None = None,
) -> list[StatusStep]:
    """RETURNS (list[StatusStep]): the steps of one group, an article's voice each, in article order.
    ``background`` holds the ids of the claims worded as background (:func:`background_claims`);
    ``texts``, what the roll-up's claims' texts were found to say, shared by its groups.
    Once an earlier article has spoken, a claim worded as background
    (``background.jsonl``: "had said", "initially") or restating an earlier
    claim with the same status does not speak; nor, beside such a claim
    that says most, does a faint one (:func:`_faint`)."""
    texts = texts if texts is not None else _TextFacts()
    history: list[StatusStep] = []  # in article order
    # what earlier articles said: (status, content words, value) per claim
    earlier = _Earlier()
    ordered = sorted(by_doc, key=_DocOrder(docs))
    for n_doc, doc_id in enumerate(ordered):
        entries = by_doc[doc_id]
        if not earlier and _all_background(entries, background) and any(
            not _all_background(by_doc[later], background) for later in ordered[n_doc + 1 :]
        ):
            # "Earlier this month the two ferry firms had asked for state
            # loans", before any article spoke to the fact: every claim of
            # the article is worded as background, a restatement of coverage
            # the group does not hold; it speaks only when no later article
            # has news of the fact
            continue
        # a claim that restates what an earlier article said, with the
        # same status, is background ("Seven months after Valve said …"),
        # and so is one worded as background once the fact has been
        # reported ("the maker had said in March"): the article's own news
        # speaks for it
        words = [texts.content_words(claim["text"]) for _, _, claim in entries]
        # a claim that gives another value than the one it seems to restate
        # is news ("now expects to complete the deal by the end of the year")
        said = [(claim["status"], mine, _value(claim, topic, key)) for (_, _, claim), mine in zip(entries, words)]
        # each claim's value, by the claim (the entries are alive here, so no other dict shares an id
        # with one): the claim that speaks is asked again for its value, twice
        values = {id(claim): mine[2] for (_, _, claim), mine in zip(entries, said)}
        # the day of the last article that spoke to the fact
        last_told = history[-1].published if history else None
        # a milestone that happens once, told done on a day: a claim that dates it later is of another event
        done = _done_day(history) if (topic, key) in once_keys() else None
        fresh = [
            entry
            for entry, mine in zip(entries, said)
            if entry[0] == 0
            or (
                # "such contracts are often justified by their speed": what
                # usually happens is no news of the fact, reported or not
                not texts.generic(entry[2].get("text") or "")
                and not (done and mine[2] and _DAY.match(mine[2]) and mine[2][:10] > done)
                and not (earlier and entry[2]["claim_id"] in background)
                # "withheld his backing a week ago", after an article of
                # that week had the news: what a claim dates before the last
                # article that spoke to its fact was that article's to tell,
                # unless it is the first word that the thing was done
                and not (
                    _told_before(entry[2], last_told)
                    and not (mine[0] == "confirmed" and "confirmed" not in earlier.statuses)
                )
                and not earlier.restated(*mine)
                and not (
                    mine[2] is not None
                    and _names_by_value(entry[2]["text"], mine[2])
                    and earlier.same_amount(mine[0], mine[2])
                )
            )
        ]
        if (
            fresh
            and _entry_order(min(fresh, key=_entry_order))[0] > _entry_order(min(entries, key=_entry_order))[0]
            and all(_faint(entry[2], topic, key) for entry in fresh)
        ):
            # "the phone still has a 6-inch screen" restates the display an
            # earlier article gave: a faint claim left beside it ("the firm
            # pointed to a parts squeeze") does not make the article speak of it
            fresh = []
        if not fresh and earlier:
            # "Fiat bought a stake in the carmaker, which had just exited
            # bankruptcy", after articles that only expected the exit: a
            # claim that tells by its tense (a background rule with
            # ``followed_by``: "had" and a participle) of a thing done that
            # no earlier article confirmed is the first word of it, and
            # speaks when nothing else of its article does; "was initially
            # to be" recalls a former plan and stays silent
            fresh = [
                entry for entry, mine in zip(entries, said)
                if entry[2]["claim_id"] in background and mine[0] == "confirmed"
                and mine[0] not in earlier.statuses
                and (rule := matching_rule(entry[2].get("text") or "")) is not None and rule.followed_by
            ]
        if not fresh:
            # an article that only restates earlier coverage does not speak
            earlier.extend(said)
            continue
        # a claim that recalls long past history ("its first store, opened in 2011")
        # speaks for its article only when nothing else of it does
        year = docs[doc_id].rank()[0].year
        best, _, claim = min(fresh, key=lambda entry: (_long_past(entry[2], year), *_entry_order(entry)))
        if best != 0 and _long_past(claim, year):
            # "the van, made at the Leeds plant since 1998": the dates and
            # amounts of a claim that recalls long past history are of that
            # history, not the fact's value now
            claim = {**claim, "dates": [], "entities": []}
        total = _total(fresh, claim, topic, key) if best != 0 else None
        if total is not None:
            claim = total
        value = values[id(claim)] if id(claim) in values else _value(claim, topic, key)
        # "while widely anticipated for 2025, no final date has been set":
        # a sentence that hedges a value and says in so many words that it
        # is undecided leaves the fact undecided; the hedged value stays
        undecided = [
            entry for entry in (fresh or entries)
            if entry[2]["status"] == "unconfirmed" and entry[2].get("cues") and not _value(entry[2], topic, key)
            and entry[2].get("sentence") is not None and entry[2].get("sentence") == claim.get("sentence")
            # "no one knows if the dates originally set will hold": what a
            # former plan becomes leaves the new value standing
            and entry[2]["claim_id"] not in background
        ]
        if best != 0 and claim["status"] in _HEDGED and undecided:
            claim = min(undecided, key=_entry_order)[2]
        elif best != 0 and value is not None and _value_kind(topic, key) in ("date", "any") and not (claim.get("subject") or {}).get("text"):
            # "a spokesman said only that partners would launch products in
            # the first half; the maker did not say when the phone goes on
            # sale": a date given by a claim that names nothing does not speak
            # over the article's saying in so many words that the date is not known
            # (``background.jsonl``, the rule with ``asks_date``)
            untold = [
                entry for entry in fresh
                if entry[2]["status"] == "unconfirmed" and entry[2].get("cues") and not _value(entry[2], topic, key)
                and asking_rule(entry[2].get("text") or "") is not None and entry[2]["claim_id"] not in background
            ]
            if untold:
                claim = min(untold, key=_entry_order)[2]
                value = None
        earlier.extend(said)
        cid = claim["claim_id"]
        status = resolution.effective_status(cid, claim["status"]) if resolution else claim["status"]
        reviewed = bool(resolution and cid in resolution.by_claim)
        speaks = speaking_rule(claim.get("text") or "", status=status) if not reviewed else None
        if speaks is not None and speaks.speaks is not None:
            # "has until June 1 to file a plan": that there is a deadline is
            # a fact, the plan is not yet; "a vote scheduled for May": the
            # vote is expected (``background.jsonl``, rules with ``speaks``)
            status = speaks.speaks
            if status == "unconfirmed" and not speaks.keeps_value:
                # "has until 21 September to decide": the deadline is not
                # the value of a fact still undecided (the amount of "asked
                # for a further $2 billion" is: ``keeps_value``)
                value = None
                claim = {**claim, "dates": [], "entities": []}
        if status in ("rumored", "expected") and not reviewed and _hedged_aside(claim):
            # "Price took all 40 seats in the north, in what could end
            # her rival's run": the hedge is the aside's, the win is stated as fact
            status = "confirmed"
        scene = scene_rule(claim.get("text") or "", _slot_words(topic, key)) if not reviewed else None
        if scene is not None and scene.speaks is not None and scene.undated:
            # "has started looking for a successor": the phrase says the
            # fact is still sought, whatever the claim's own news, when that
            # news is stated as fact or as a plan (not "might look for one");
            # what the claim gives is not the fact's value
            if status in scene.read_statuses:
                status = scene.speaks
                value = None
                claim = {**claim, "dates": [], "entities": []}
        elif scene is not None and scene.speaks is not None and _dated_by(claim, docs[doc_id].published):
            # "pledged to work together after a meeting on Thursday": the
            # phrase takes the meeting as done, whatever the pledge's
            # status, when the day it gives is not yet to come
            status = scene.speaks
        source = (claim.get("attribution") or {}).get("text") or ""
        post = (
            post_rule(claim.get("text") or "", key) or (post_rule(source, key) if source else None)
            if topic in _PEOPLE_TOPICS and not reviewed else None
        )
        if post is not None and post.speaks is not None and (status in post.read_statuses or best == _POST_PRIORITY):
            # "the scheme, drawn up by its chief executive, Dana Holt, is
            # to end the losses by 2030": a post in apposition to the person
            # states that the person holds it, whatever the plan's status;
            # the plan's date is no value of the post (nor is the date of
            # the news of a claim that speaks only through the post it names)
            status = post.speaks
            value = None
            claim = {**claim, "dates": [], "entities": []}
        if (
            topic in _PEOPLE_TOPICS
            and status in ("confirmed", "expected")
            and not reviewed
            and _leaves(claim.get("text") or "", key)
        ):
            # "the chief executive, Ilse Marten, will step down": she is
            # no longer of the crew, whatever the certainty of the news
            status = "denied"
        info = docs[doc_id]
        value = (values[id(claim)] if id(claim) in values else _value(claim, topic, key)) or value
        if not value and status == "confirmed" and done is None and info.published and (topic, key) in once_keys():
            # "the airliner has made its maiden flight": a milestone first told
            # done, undated, took place on its article's day
            value = info.published.isoformat()
        history.append(
            StatusStep(
                doc_id=doc_id,
                published=info.published,
                status=status,
                value=value,
                claim_id=cid,
                text=claim["text"],
                claims=len(entries),
                reviewed=reviewed,
            )
        )
    return history


def _total(
    fresh: list[tuple[int, int, Mapping[str, Any]]], claim: Mapping[str, Any], topic: str, key: str
) -> Mapping[str, Any] | None:
    """RETURNS (Mapping | None): of an article's claims on a fact counted or
    summed (job cuts, orders), the one whose figure is the total of the
    others', when the one chosen to speak gives a part: "the plan cuts 9,000
    jobs", then "2,500 of them in Spain", "1,800 in Italy" (two parts or more,
    the total at least their sum, the same status); else None."""
    if _value_kind(topic, key) not in ("amount", "count"):
        return None
    figures = []
    for _, _, other in fresh:
        number = amount_number(_value(other, topic, key))
        if number is not None and other["status"] == claim["status"]:
            figures.append((number, other))
    if len(figures) < 3:
        return None
    top, whole = max(figures, key=lambda item: item[0])
    parts = sum(number for number, other in figures if other is not whole)
    return whole if whole is not claim and top >= parts else None


#: the priority of a claim filed for a fact only because it names the fact's person with a post: after every claim of its own
_POST_PRIORITY = 20


def _ended_by_other(
    claims: Sequence[Mapping[str, Any]],
    filed_under: Mapping[int, str],
    groups: Mapping[tuple[str, str, str], Mapping[str, list[tuple[int, int, Mapping[str, Any]]]]],
) -> list[tuple[tuple[str, str, str], tuple[str, str, str], str, tuple[int, int, Mapping[str, Any]]]]:
    """RETURNS (list): (group, other group, article, entry) for each claim that
    ends a fact (:func:`_ends_fact`: "drop out of the race") with another
    party's name right before the words that end it ("led Senator Price to
    drop out of the race", filed under Kerr) and not its own subject's, when
    the roll-up tracks that party's fact of the claim's topic and key (the
    name and the group's subject share their last word): the claim's entry
    moves there."""
    out = []
    for position, claim in enumerate(claims):
        subject = filed_under.get(position)
        if subject is None or not _ends_fact(claim):
            continue
        rule = speaking_rule(claim.get("text") or "", status="confirmed")
        text = claim.get("text") or ""
        pattern = _leaving_pattern(tuple(w.lower() for w in rule.words), leaving_stops()) if rule else None
        if pattern is None or _ended_at(text, last_word(subject), pattern):
            continue
        # the group the claim was filed in under its subject, and its entry there
        filed = next(
            ((g, e) for g in groups if g[0] == subject for e in groups[g].get(claim["doc_id"], ())
             if e[2]["claim_id"] == claim["claim_id"]), None,
        )
        if filed is None:
            continue
        gkey, entry = filed
        for okey in groups:
            party = last_word(okey[0])
            if okey[1:] == gkey[1:] and okey[0] != subject and party and _ended_at(text, party, pattern):
                out.append((gkey, okey, claim["doc_id"], entry))
                break
    return out


def _name_matches(text: str, name: str, flags: int = re.IGNORECASE) -> Iterator[re.Match[str]]:
    """YIELDS (re.Match): each place ``name`` stands in ``text`` as whole words."""
    return re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, flags)


def _ended_at(text: str, name: str, pattern: re.Pattern[str], flags: int = re.IGNORECASE) -> bool:
    """RETURNS (bool): whether ``name`` (a last word, case-folded unless ``flags`` say
    otherwise) stands in ``text`` right before the words of ``pattern``."""
    return any(pattern.match(text, match.end()) for match in _name_matches(text, name, flags))


#: a party's possessive name and the figure right after it ("Odell’s 97", "Orvik's 19%"): the name's capitalised words
_PARTY_FIGURE = re.compile(
    r"(?<![\w'’])((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*)['’]s\s+(?:own\s+)?"
    r"(\d[\d,.]*\d|\d)(\s*(?:%|percent|per\s+cent|million|billion|m|bn)\b|%)?"
    r"(?=\s*(?:[,;.)]|$|\s(?:and|or|to|in|at|for|against|versus|vs)\b))"
)


def _parties_figures(
    claims: Sequence[Mapping[str, Any]],
    filed_under: Mapping[int, str],
    groups: Mapping[tuple[str, str, str], Mapping[str, list[tuple[int, int, Mapping[str, Any]]]]],
    resolution: Resolution | None,
) -> list[tuple[tuple[str, str, str], str, tuple[int, int, Mapping[str, Any]]]]:
    """RETURNS (list): (group, article, entry) for each figure a claim gives
    another party by its possessive name ("has won 412 seats, compared with
    Price's 230"), for the group of that party with the claim's topic and key,
    when the roll-up tracks one (the party's name and the group's subject share
    their last word): a counted or summed fact, or an attribute keyed on its
    own noun. The entry is the claim, named and with that figure for its value."""
    by_fact: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for gkey in groups:
        by_fact.setdefault((gkey[1], gkey[2]), []).append(gkey)
    out = []
    for position, claim in enumerate(claims):
        subject = filed_under.get(position)
        text = claim.get("text") or ""
        if subject is None or ("'s" not in text and "’s" not in text):
            continue
        decision = resolution.by_claim.get(claim["claim_id"]) if resolution else None
        if decision is not None and decision.action == "reject":
            continue
        topic, key = claim["topic"], claim["key"]
        kind = _value_kind(topic, key)
        if not (kind in ("amount", "count") or (topic == "other" and kind is None and not _has_digit(key))):
            continue
        for match in _PARTY_FIGURE.finditer(text):
            party = last_word(match.group(1))
            if not party or party == last_word(subject):
                continue
            for gkey in by_fact.get((topic, key), ()):
                if gkey[0] != subject and last_word(gkey[0]) == party:
                    figure = match.group(2) + (match.group(3) or "")
                    stated = {**claim, "given_value": figure.strip()}
                    out.append((gkey, claim["doc_id"], (1 + (not claim.get("cues")), position, stated)))
    return out


def _post_mentions(
    claims: Sequence[Mapping[str, Any]],
    filed_under: Mapping[int, str],
    groups: Mapping[tuple[str, str, str], Mapping[str, list[tuple[int, int, Mapping[str, Any]]]]],
    resolution: Resolution | None,
    names: Mapping[tuple[str, str, str], set[str]] | None = None,
) -> list[tuple[tuple[str, str, str], str, tuple[int, int, Mapping[str, Any]]]]:
    """RETURNS (list): (group, article, entry) for each cast or crew fact of a
    person a claim names with a post in apposition (in its text or its
    source's: "…, said the firm's chief executive, Dana Holt"), of the subject
    the claim is filed under (``filed_under``, by the claim's position: the
    roll-up of a slice of subjects sees the same) or of one it writes by a
    name the fact's group goes by (``names``: "Ridgeway CEO Dana Holt" in a
    claim filed under a Ridgeway model), when the claim's article
    has no claim of that fact; a claim that denies stays out (its denial is
    of its own news, not of the post)."""
    by_surname: dict[str, list[tuple[str, str, str]]] = {}
    titles = title_keys()
    for gkey in groups:
        subject, topic, person = gkey
        words = _WORD.findall(person.casefold())
        if topic in _PEOPLE_TOPICS and person not in _PEOPLE_TOPICS and len(words) > 1:
            by_surname.setdefault(words[-1], []).append(gkey)
        elif topic == "other" and slot_key(topic, person) in titles and (words := _WORD.findall(subject.casefold())):
            # "presumptive nominee Dana Holt": a title names a fact of its holder's own
            by_surname.setdefault(words[-1], []).append(gkey)
    if not by_surname:
        return []
    out = []
    for position, claim in enumerate(claims):
        decision = resolution.by_claim.get(claim["claim_id"]) if resolution else None
        if decision is not None and decision.action == "reject":
            continue
        subject = filed_under.get(position)
        texts = [claim.get("text") or "", ((claim.get("attribution") or {}).get("text") or "")]
        said = {w for text in texts for w in _WORD.findall(text.casefold())}
        for surname in said & by_surname.keys():
            for gkey in by_surname[surname]:
                if claim["doc_id"] in groups[gkey]:
                    continue
                if gkey[1] in _PEOPLE_TOPICS:
                    if claim.get("status") == "denied":
                        continue
                    if gkey[0] != subject and not _writes_name(texts, (names or {}).get(gkey, set()) | {gkey[0]}):
                        # "Ridgeway CEO Dana Holt said the Vela will be renamed",
                        # filed under the Vela: the post is Ridgeway's, named there
                        continue
                    if any(post_rule(text, gkey[2]) for text in texts if text):
                        out.append((gkey, claim["doc_id"], (_POST_PRIORITY, position, claim)))
                    continue
                # "Kerr will meet presumptive nominee Dana Holt", "Ms. Holt, the
                # presumptive nominee": the title states her nomination,
                # expected, whatever the meeting's status (a denial of it too:
                # "nominee Dana Holt has yet to endorse Kerr"), and gives it no value;
                # the holder goes by any name of hers, her surname too
                holds = slot_key(gkey[1], gkey[2])
                ways = sorted({gkey[0], *(names or {}).get(gkey, ()), gkey[0].split()[-1]})
                rule = next(
                    (rule for name in ways for text in texts if text if (rule := post_rule(text, name, holds=holds)) is not None),
                    None,
                )
                if rule is not None and rule.speaks is not None:
                    stated = {**claim, "status": rule.speaks, "dates": [], "entities": []}
                    out.append((gkey, claim["doc_id"], (_POST_PRIORITY, position, stated)))
    return out


def post_words(texts: Iterable[str], among: set[str] | None = None) -> set[str]:
    """RETURNS (set[str]): the words (case-folded) of a claim's texts (its own and its source's),
    those ``among`` these when given, if one of the texts names a post
    (:func:`claimx.background.names_post`): those by which :func:`_post_mentions` may find a
    person's cast or crew fact the claim speaks to; none otherwise."""
    texts = [text for text in texts if text]
    if not any(names_post(text) for text in texts):
        return set()
    words = {w for text in texts for w in _WORD.findall(text.casefold())}
    return words if among is None else words & among


def people_words(
    topic: str | None, key: str | None, entities: Iterable[Mapping[str, Any]], subject: str | None = None
) -> set[str]:
    """RETURNS (set[str]): the surnames (case-folded last words) of the people whose cast or crew
    fact a claim may be filed in (:func:`rollup`): its key's and, for one that tells who takes a
    post (:func:`_successors`), its people's; for a fact a title states of its holder (a ``post``
    rule's ``holds``: a nomination), the last word of ``subject``, the one it is filed under;
    none for a claim of another topic."""
    if topic == "other" and subject and slot_key(topic, key) in title_keys():
        words = _WORD.findall(subject.casefold())
        return {words[-1]} if words else set()
    if topic not in _PEOPLE_TOPICS:
        return set()
    names = [key or ""] + [str(ent.get("text") or "") for ent in entities if ent.get("label") == "PERSON"]
    return {words[-1] for words in (_WORD.findall(name.casefold()) for name in names) if words}


def _writes_name(texts: Iterable[str], names: Iterable[str]) -> bool:
    """RETURNS (bool): whether one of ``texts`` writes one of ``names`` as whole words."""
    # (a name the text does not hold at all is not searched for: a pattern per name costs more than the test)
    return any(re.search(r"(?<![^\W_])" + re.escape(n) + r"(?![^\W_])", t) for n in names if n.strip() for t in texts if t and n in t)


def _all_background(entries: list[tuple[int, int, Mapping[str, Any]]], background: frozenset[str]) -> bool:
    """RETURNS (bool): whether every claim an article has in a group is worded as background."""
    return all(entry[2]["claim_id"] in background for entry in entries)


def _names_party(subject: str, party: str) -> bool:
    """RETURNS (bool): whether a party as a claim's key writes it ("Trump",
    "Donald Trump") names the subject ("Donald J. Trump"): the same last word,
    its other words among the subject's."""
    mine, theirs = _WORD.findall(subject.casefold()), _WORD.findall(party.casefold())
    return bool(mine and theirs) and mine[-1] == theirs[-1] and set(theirs) <= set(mine)


def _ends_fact(claim: Mapping[str, Any]) -> bool:
    """RETURNS (bool): whether a claim read as fact says in so many words that its fact's party
    left or ended it ("the senator dropped out of the race", "suspended her campaign"): the
    ``speaks`` rule of ``background.jsonl`` it matches ``ends`` the fact."""
    if claim.get("status") != "confirmed":
        return False
    rule = speaking_rule(claim.get("text") or "", status="confirmed")
    return rule is not None and rule.ends


def _merge_group(
    groups: dict[tuple[str, str, str], dict[str, list[tuple[int, int, Mapping[str, Any]]]]],
    names: dict[tuple[str, str, str], set[str]],
    source: tuple[str, str, str],
    into: tuple[str, str, str],
    demote: int = 0,
) -> None:
    """Move the claims of group ``source`` into group ``into``, each article's
    after ``into``'s own by ``demote`` (a priority added to theirs)."""
    target = groups[into]
    for doc_id, entries in groups.pop(source).items():
        target.setdefault(doc_id, []).extend((priority + demote, position, claim) for priority, position, claim in entries)
    names[into] |= names.pop(source)


def rollup(
    claims: Iterable[Mapping[str, Any]],
    docs: Mapping[str, DocInfo],
    *,
    resolver: SubjectResolver | None = None,
    resolution: Resolution | None = None,
    followed: Mapping[str, Mapping[str, str]] | None = None,
    background: frozenset[str] | None = None,
    named: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    ledes: Mapping[str, int] | None = None,
    members: dict[str, dict[str, list[str]]] | None = None,
    antecedents: Mapping[str, str] | None = None,
    post_only: frozenset[str] = frozenset(),
) -> dict[str, StatusRecord]:
    """Roll claims up into one status record per (subject, topic, key).

    claims (Iterable[Mapping]): claim records (as dicts) of the active articles, in text order per article.
    docs (Mapping[str, DocInfo]): each article's dates.
    resolver (SubjectResolver | None): subject names across articles; None builds one from the claims.
    resolution (Resolution | None): reviewers' decisions, matched to these claims.
    followed (Mapping | None): which subject each article follows (:func:`followed_subjects`),
        when the claims are only some of the corpus's; None works it out from ``claims``.
    background (frozenset[str] | None): the ids of the claims worded as background
        (:func:`background_claims`), worked out over whole articles when the claims
        are only some subjects' (a mark covers the claims after it in its sentence,
        whatever their subject); None works it out from ``claims``.
    named (Mapping | None): each article's entities (:func:`article_entities`) over whole
        articles, when the claims are only some subjects'; None takes them from ``claims``.
    ledes (Mapping | None): where each article's lede starts (:func:`article_ledes`) over whole
        articles, when the claims are only some subjects'; None takes it from ``claims``.
    members (dict | None): when given, filled with the ids of the claims each record's
        group holds, by group id and article (what ``benchmarks/chain_steps.py`` reads).
    antecedents (Mapping | None): :func:`antecedent_periods` over whole articles, when the
        claims are only some subjects'; None works them out from ``claims``.
    post_only (frozenset[str]): the ids of claims given only for the posts they name
        (:func:`_post_mentions`: a claim of another subject that names this one's person
        with a post), filed under no subject of their own.
    RETURNS (dict[str, StatusRecord]): by group id.
    """
    claims = [c for c in claims if (c.get("subject") or {}).get("name", "").strip() and c["doc_id"] in docs]
    if resolver is None:
        resolver = SubjectResolver((c["subject"]["name"] for c in claims), known=known_names(claims))
    if followed is None:
        followed = _followed_subjects(claims, docs, resolver)
    if background is None:
        background = background_claims(claims)
    if ledes is None:
        ledes = article_ledes(claims)
    attribute_words = _attribute_words()
    from .slots import agent_keys as slot_agent_keys
    from .slots import maker_keys as slot_maker_keys
    from .slots import named_places as slot_named_places
    from .slots import period_keys as slot_period_keys
    from .slots import mutual_keys

    maker_keys = slot_maker_keys()
    agent_keys = slot_agent_keys()
    period_keys = slot_period_keys()
    places = slot_named_places()
    # (doc, subject, topic, key) -> the period its article first names for that flow
    first_period: dict[tuple[str, str, str, str], str] = {}
    attribute_keys = set(attribute_words.values())
    # group -> doc -> [(priority, position, claim)]
    groups: dict[tuple[str, str, str], dict[str, list[tuple[int, int, Mapping[str, Any]]]]] = {}
    names: dict[tuple[str, str, str], set[str]] = {}
    # the subject each claim is filed under, by its position
    filed_under: dict[int, str] = {}
    # "2008, when the firm lost $15 billion": the period a clause is of by the date it tells of
    if antecedents is None:
        told_of = _antecedent_periods(claims)
    else:
        told_of = {n: antecedents[c["claim_id"]] for n, c in enumerate(claims) if c["claim_id"] in antecedents}

    def file(gkey: tuple[str, str, str], doc_id: str, entry: tuple[int, int, Mapping[str, Any]], name: str | None = None) -> None:
        """File what a claim says of a group for its article, with the name it goes by there (the claim subject's)."""
        groups.setdefault(gkey, {}).setdefault(doc_id, []).append(entry)
        names.setdefault(gkey, set()).add(entry[2]["subject"]["name"] if name is None else name)

    # each article's names, as its claims write them (for "both": :func:`_pair_other`)
    named_in = article_entities(claims) if named is None else named
    # a person's other doings join their cast or crew group, where they have one
    people: dict[tuple[str, str], str] = {}
    # "Trask will take over": a person named by surname alone is the one of
    # that surname whose full name the subject's cast or crew already holds
    surnames: dict[tuple[str, str], set[str]] = {}
    for claim in claims:
        if claim["claim_id"] in post_only:
            continue
        if claim["topic"] in _PEOPLE_TOPICS and claim["key"] != claim["topic"]:
            people.setdefault((resolver.canonical(claim["subject"]["name"]), claim["key"]), claim["topic"])
            if " " in claim["key"].strip():
                surnames.setdefault((resolver.canonical(claim["subject"]["name"]), claim["key"].split()[-1]), set()).add(claim["key"])
    # the first date each sentence gives, by article and the sentence's start
    told_on: dict[tuple[str, Any], Mapping[str, Any]] = {}
    for claim in claims:
        for date in claim.get("dates") or ():
            if date.get("value") and not str(date["value"]).endswith("_REF"):
                told_on.setdefault((claim["doc_id"], (claim.get("sentence") or {}).get("start")), date)
    for position, claim in enumerate(claims):
        cid = claim["claim_id"]
        decision = resolution.by_claim.get(cid) if resolution else None
        if (decision is not None and decision.action == "reject") or cid in post_only:
            continue
        name = claim["subject"]["name"]
        subject = filed_subject(name, resolver.canonical(name), claim["topic"], claim["key"], maker_keys)
        if not claim["subject"].get("text") and claim["doc_id"] in followed:
            # a claim that names nothing is about what the article follows
            subject = followed[claim["doc_id"]].get(subject, subject)
        topic = claim["topic"]
        if topic == "other":
            topic = people.get((subject, claim["key"]), topic)
        key = claim["key"]
        if topic in _PEOPLE_TOPICS and " " not in key.strip() and len(surnames.get((subject, key), ())) == 1:
            (key,) = surnames[(subject, key)]
        period_key = None  # the claim's fact of its period ("Q3 2009 results"), if it has one
        if (topic, key) in period_keys:
            # "posted a loss in the third quarter", then "its profit equals 26
            # cents a share": results and sales are a fact per period, and a
            # claim that names none is of the period its article reports, the
            # first it names (a period named later, "a loss of $3 million in
            # the same quarter last year", is named again where it speaks);
            # the flow itself stays a fact too, the latest figures whatever
            # their period ("the firm's results"), read as before
            said = (claim["doc_id"], subject, topic, key)
            period = _period(claim) or told_of.get(position) or first_period.get(said)
            if period:
                if position not in told_of:
                    first_period.setdefault(said, period)
                period_key = f"{period} {key}"
        gkey = (subject, topic, key)
        filed_under[position] = subject
        # what an article says of a group: a reviewed claim first, then one
        # that names the subject and carries its status words, then one that
        # names it, then one that only carries status words (a conditional
        # that names nothing, "operations would fold if the loans do not
        # come", speaks less of the fact than "the firm has received $4
        # billion in loans"), then the first
        named = bool(claim["subject"].get("text"))
        # "dropped out of the race", "suspended her campaign": a verb that
        # ends the fact (a ``speaks`` rule of ``background.jsonl`` that
        # ``ends`` it) is a cue, though the extractor read the clause as a
        # plain fact
        ends = _ends_fact(claim)
        if ends and not claim.get("dates") and (day := told_on.get((claim["doc_id"], (claim.get("sentence") or {}).get("start")))):
            # "Kerr's win on Tuesday night led Price to drop out of the race":
            # an ending its clause does not date took place when its sentence says
            claim = {**claim, "dates": [day]}
        cued = bool(claim.get("cues")) or ends
        # a denial in so many words is news: it speaks for the article as
        # strongly as a cued claim that names the subject
        cued_denial = cued and claim.get("status") == "denied" or ends
        # and so does a claim of the article's lede, its first sentence that
        # holds a claim: news is told first ("Its chief said it will rename
        # the Vela the Orca", before "the new name is not expected to lift
        # sales much", a forecast of what the news brings)
        opens = (claim.get("sentence") or {}).get("start")
        lede = opens is not None and opens == ledes.get(claim["doc_id"])
        priority = 0 if decision is not None else 1 + 2 * (not named and not cued_denial and not lede) + (not cued)
        # what a claim about a dated or counted fact says is its value (a
        # release date, a price): one that gives it says more about the fact
        # than one that does not
        if decision is None and _wants_value(topic, claim["key"]) and _value(claim, topic, claim["key"]) is None:
            priority += 4
        elif decision is None and not _counts(claim, topic, claim["key"]):
            # a count of things ("pre-orders passed 250,000") says more of
            # orders than a sum beside them ("a $50 credit for those who keep them")
            priority += 1
        elif (
            decision is None and topic == "other" and _value_kind(topic, claim["key"]) is None
            and not _has_digit(claim["key"]) and _attribute_figure(claim, topic, claim["key"]) is None
        ):
            # an attribute keyed on its own noun: a claim that gives its figure
            # ("won 14 delegates") says more of it than one that only names it
            # ("told delegates their votes could help"), as a release date
            # or a price does for its slot
            priority += 4
        file(gkey, claim["doc_id"], (priority, position, claim))
        # "Both were fined": a claim about two names speaks of the other too;
        # "the Leeds and Derby plants will be closed": a place named by its
        # own name holds its fact too, beside the maker's plant closures
        for okey, other in also_filed(claim, subject, topic, key, named_in.get(claim["doc_id"], ()), resolver, maker_keys, places):
            file(okey, claim["doc_id"], (priority, position, claim), other)
        if period_key:
            file((subject, topic, period_key), claim["doc_id"], (priority, position, claim))
        # "Ilse Marten was replaced on Sunday by Ewan Rask": the one who
        # leaves and the one who takes the post are both the claim's news
        if topic in _PEOPLE_TOPICS:
            for successor in _successors(claim, claim["key"]):
                skey = (subject, topic, successor)
                file(skey, claim["doc_id"], (priority + 1, position, claim))
        # "endorsed Kerr, Odell and Price": an act towards each party of a
        # list is an act towards each of them
        if (topic, slot_key(topic, key)) in agent_keys:
            for party in _listed_parties(claim, key, slot_key(topic, key)):
                pkey = (subject, topic, f"{party} {slot_key(topic, key)}")
                file(pkey, claim["doc_id"], (priority + 1, position, claim))
        # "has a 12-inch display, 8GB of memory and a 5,000mAh battery": a
        # clause that lists attributes speaks to each of them
        if topic == "other" and claim["key"] in attribute_keys:
            for other in _listed_attributes(claim["text"], attribute_words) - {claim["key"]}:
                okey = (subject, "other", other)
                file(okey, claim["doc_id"], (priority + 1, position, claim))
    # "Kerr's win led Senator Price to drop out of the race", filed under
    # Kerr: the fact the words end is that of the party named right before
    # them, where that party's fact is tracked
    for gkey, okey, doc_id, entry in _ended_by_other(claims, filed_under, groups):
        groups[gkey][doc_id].remove(entry)
        if not groups[gkey][doc_id]:
            del groups[gkey][doc_id]
        file(okey, doc_id, entry)
    # "won 412 seats, compared with Price's 230 and Odell's 97": a figure
    # written after another party's possessive name is that party's own
    # figure of the claim's fact, where that party's fact is tracked
    for gkey, doc_id, entry in _parties_figures(claims, filed_under, groups, resolution):
        file(gkey, doc_id, entry)
    # "sought protection from creditors, but its merger goes ahead": a claim
    # tagged with one slot that names another fact of its subject in so many
    # words speaks to it too, for an article that has no claim of its own
    # there ("plans to lay off 47,000 and close five plants": the closures)
    mentions = _mention_words()
    headed = _mention_pairs()
    extra: list[tuple[tuple[str, str, str], str, tuple[int, int, Mapping[str, Any]]]] = []
    for (subject, topic, key), by_doc in groups.items():
        for doc_id, entries in by_doc.items():
            for priority, position, claim in entries:
                said = _without_own_phrases(claim["text"], topic, key).casefold()
                # the text's words found once for the attributes, the joined heads and the business facts
                plain = _WORD.findall(said)
                found = _with_hyphened(plain, said)
                named = _listed_in(found, mentions.get(topic, {})) | _joined_in(plain, headed.get(topic, ()))
                for other in named - {key, slot_key(topic, key)}:
                    okey = (subject, topic, other)
                    if doc_id not in groups.get(okey, {}):
                        extra.append((okey, doc_id, (priority + 3, position, claim)))
                    # "a first-quarter loss and a 12% drop in sales for April":
                    # a flow reported per period that the claim names beside its
                    # own is of the period written nearest its words (April's sales)
                    period = _period_near(claim, topic, other) if (topic, other) in period_keys else None
                    if period and doc_id not in groups.get((subject, topic, f"{period} {other}"), {}):
                        extra.append(((subject, topic, f"{period} {other}"), doc_id, (priority + 3, position, claim)))
                # "Ferreira joined Dorval City for a fee of €24m plus €3m in
                # add-ons": a claim of a person's move (cast or crew) that
                # names a business fact its subject already has (the fee, the
                # add-ons) speaks to it too, beside that article's own claims
                # there, as a mention (only the move's topic is its own)
                if topic in _PEOPLE_TOPICS:
                    for other in _listed_in(found, mentions.get("business", {})):
                        okey = (subject, "business", other)
                        if okey in groups:
                            extra.append((okey, doc_id, (priority + 3, position, claim)))
    for okey, doc_id, entry in extra:
        file(okey, doc_id, entry)
    # "…, said the firm's chief executive, Dana Holt": a claim that names a
    # person with a post in apposition, in its words or its source's, speaks
    # to that person's cast or crew fact too, last, for an article with no
    # claim of its own there (a ``post`` rule of ``background.jsonl``)
    for gkey, doc_id, entry in _post_mentions(claims, filed_under, groups, resolution, names):
        file(gkey, doc_id, entry)
    # "Kerr will meet Price" and "Price will meet with Kerr": an act both
    # parties do together (``mutual``) is one fact, kept under the party
    # whose group more articles speak to (else the one spoken to first)
    mutual = mutual_keys()
    doc_order = _DocOrder(docs)
    for topic, key in sorted(mutual):
        keyed = sorted(
            (g for g in groups if g[1] == topic and g[2].endswith(" " + key)),
            key=lambda g: (-len(groups[g]), min(doc_order(d) for d in groups[g]), g),
        )
        for n, into in enumerate(keyed):
            if into not in groups:
                continue
            for other in keyed[n + 1 :]:
                if other in groups and _names_party(into[0], other[2][: -len(key) - 1]) and _names_party(
                    other[0], into[2][: -len(key) - 1]
                ):
                    _merge_group(groups, names, other, into)
    # "he will support the party's nominee" beside "he endorsed Kerr": an act
    # of one party (``party`` "agent") that names no other is its one act of
    # that kind the corpus names the other party of, when it has only one;
    # for an act both do, "their meeting" is also the other party's that
    # names this one ("Kerr will meet Price": Price's meeting too)
    # the groups of each act keyed by the other party ("Kerr endorsement"), in the groups' order
    # (merging only drops groups: one dropped is skipped), read for each act rather than every group
    acts_of: dict[str, list[str]] = {}
    for topic, key in agent_keys:
        acts_of.setdefault(topic, []).append(key)
    towards: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for g in groups:
        for key in acts_of.get(g[1], ()):
            if g[2].endswith(" " + key):
                towards.setdefault((g[1], key), []).append(g)
    for (subject, topic, key) in [g for g in groups if (g[1], g[2]) in agent_keys]:
        acts = [g for g in towards.get((topic, key), ()) if g in groups]
        keyed = [g for g in acts if g[0] == subject]
        if (topic, key) in mutual:
            # (a party "meeting" itself is a claim whose other party was
            # taken for its subject: no act towards another)
            keyed = [g for g in keyed if not _names_party(subject, g[2][: -len(key) - 1])] + [
                g for g in acts if g[0] != subject and _names_party(subject, g[2][: -len(key) - 1])
            ]
        if len(keyed) != 1:
            continue
        _merge_group(groups, names, (subject, topic, key), keyed[0], demote=1)
    records: dict[str, StatusRecord] = {}
    texts = _TextFacts()
    histories = {gkey: _history(by_doc, docs, gkey[1], gkey[2], resolution, background, texts) for gkey, by_doc in groups.items()}
    _share_contest_days(histories)
    for (subject, topic, key), by_doc in groups.items():
        history = histories[(subject, topic, key)]
        if not history:
            # only what usually happens was said of it: no fact
            continue
        last = history[-1]
        gid = group_id(subject, topic, key)
        if members is not None:
            members[gid] = {doc_id: [entry[2]["claim_id"] for entry in entries] for doc_id, entries in by_doc.items()}
        records[gid] = StatusRecord(
            group_id=gid,
            subject=subject,
            topic=topic,  # type: ignore[arg-type]
            key=key,
            status=last.status,
            value=_standing_value(history, topic),
            doc_id=last.doc_id,
            published=last.published,
            claim_id=last.claim_id,
            text=last.text,
            names=sorted(names[(subject, topic, key)]),
            history=history,
        )
    return dict(sorted(records.items(), key=_record_order))


def _share_contest_days(histories: Mapping[tuple[str, str, str], list[StatusStep]]) -> None:
    """Give a step of a contest held once per place (``placed`` in ``slots.jsonl``:
    "the Ohio primary") that tells no date the one day its article gives the same
    contest in another party's step: "Kerr's win in the Ohio primary" beside
    "Price lost Tuesday's Ohio primary" is Tuesday's win (one place, one contest,
    one day); a contest given two days stays without."""
    days: dict[tuple[str, str, str], set[str]] = {}
    for (_, topic, key), history in histories.items():
        if slot_key(topic, key) == key or (topic, slot_key(topic, key)) not in placed_keys():
            continue
        for step in history:
            if step.value and _DAY.match(step.value):
                days.setdefault((topic, key, step.doc_id), set()).add(step.value)
    for (_, topic, key), history in histories.items():
        for step in history:
            told = days.get((topic, key, step.doc_id), ())
            if not step.value and len(told) == 1:
                (step.value,) = told


#: statuses that hedge: an explicit "not decided" in the same article speaks over them
_HEDGED = frozenset({"expected", "rumored"})
_WORD = re.compile(r"[^\W_]+")
#: a word written with hyphens, whole ("add-ons"), beside its pieces
_HYPHENED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
#: words too common to say that two claims are the same statement
_STOPWORDS = frozenset(
    "a an the and or but of to in on at for with by from as that this these those it its is are was were be "
    "been has have had will would could may might can said says say told tells he she they we you i".split()
)


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _STOPWORDS)


class _DocOrder:
    """Sort key of an article: its publication (else first-read) date, order of adding, id."""

    def __init__(self, docs: Mapping[str, DocInfo]) -> None:
        self.docs = docs

    def __call__(self, doc_id: str) -> tuple[dt.date, int, str]:
        return (*self.docs[doc_id].rank(), doc_id)


def _entry_order(entry: tuple[int, int, Mapping[str, Any]]) -> tuple[int, int]:
    return entry[0], entry[1]


def _record_order(item: tuple[str, StatusRecord]) -> tuple[str, str, str]:
    record = item[1]
    return record.subject.casefold(), record.topic, record.key.casefold()


def diff(before: Mapping[str, StatusRecord], after: Mapping[str, StatusRecord]) -> list[StatusChange]:
    """What changed between two roll-ups.

    RETURNS (list[StatusChange]): new groups, changed statuses, changed values
        and groups that are gone, in the order of the new roll-up (gone ones last).
    """
    changes: list[StatusChange] = []
    for gid, rec in after.items():
        old = before.get(gid)
        common = {"group_id": gid, "subject": rec.subject, "topic": rec.topic, "key": rec.key}
        if old is None:
            changes.append(
                StatusChange(**common, kind="new", after=rec.status, after_value=rec.value, doc_id=rec.doc_id, published=rec.published)
            )
        elif old.status != rec.status or old.value != rec.value:
            changes.append(
                StatusChange(
                    **common,
                    kind="changed" if old.status != rec.status else "value",
                    before=old.status,
                    after=rec.status,
                    before_value=old.value,
                    after_value=rec.value,
                    doc_id=rec.doc_id,
                    published=rec.published,
                )
            )
    for gid, old in before.items():
        if gid not in after:
            changes.append(
                StatusChange(
                    group_id=gid, subject=old.subject, topic=old.topic, key=old.key, kind="dropped",
                    before=old.status, before_value=old.value,
                )
            )
    return changes


def filter_records(
    records: Iterable[StatusRecord], *, subject: str | None = None, topic: str | None = None
) -> list[StatusRecord]:
    """Keep the records of one subject (any name it goes by, case-insensitive substring) and/or topic."""
    records = list(records)
    wanted = subject.casefold() if subject else None
    names: dict[str, set[str]] = {}
    for rec in records:
        names.setdefault(rec.subject, {rec.subject}).update(rec.names)
    result = []
    for rec in records:
        if topic and rec.topic != topic:
            continue
        if wanted and not any(wanted in name.casefold() for name in names[rec.subject]):
            continue
        result.append(rec)
    return result


def read_status(outputs: Path) -> tuple[list[StatusRecord], list[StatusChange]]:
    """Read the roll-up and the last run's changes from the store of ``outputs``.

    outputs (Path): an outputs folder written by ``claimx run``.
    RETURNS (tuple[list[StatusRecord], list[StatusChange]]): the roll-up, in
        subject/topic/key order, and what the last run changed.
    """
    from .store import Store

    with Store.open(outputs, write=False, create=False) as store:
        records = [StatusRecord.model_validate_json(rec) for rec in store.rollup().values()]
        changes = [StatusChange.model_validate_json(rec) for rec in store.changes()]
    records.sort(key=_plain_order)
    return records, changes


def _plain_order(record: StatusRecord) -> tuple[str, str, str]:
    return record.subject.casefold(), record.topic, record.key.casefold()


def filter_changes(
    changes: Iterable[StatusChange], *, subject: str | None = None, topic: str | None = None
) -> list[StatusChange]:
    """Keep the changes of one subject (case-insensitive substring) and/or topic."""
    wanted = subject.casefold() if subject else None
    return [
        c
        for c in changes
        if (not topic or c.topic == topic) and (not wanted or wanted in c.subject.casefold())
    ]
