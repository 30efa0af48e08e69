""":mod:`claimx.background`: the background rule pack (``models/en/background.jsonl``).

News restates what came before: "the company had said in March that …",
"Harwick initially refused", "earlier this year the maker announced …". The
roll-up (:mod:`claimx.status`) reads such a claim, once its fact has been
reported, as background: it does not speak for its article
(shared/ANNOTATION.md, "Tracked facts across articles"). The same pack
holds wording that says how a claim stated as fact speaks for the fact it is
about (a rule's ``speaks``): "has until June 1 to file a plan" states a
deadline; the plan is still expected. No spaCy here: the rules match the
claim's words as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from .casefold import folded_pattern, lowered
from .rules import BackgroundRule, default_rules_dir, load_jsonl


def load_background(rules_dir: Path | None = None) -> list[BackgroundRule]:
    """RETURNS (list[BackgroundRule]): the background rules of a rule pack (none if it has no ``background.jsonl``)."""
    path = Path(rules_dir or default_rules_dir()) / "background.jsonl"
    return load_jsonl(path, BackgroundRule) if path.is_file() else []


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _compile(rule: BackgroundRule) -> re.Pattern[str]:
    """RETURNS (re.Pattern): the rule as one pattern over a claim's text."""
    pattern = r"(?<!\w)(?:" + _alternatives(rule.words) + r")"
    if rule.followed_by:
        ends = [w for w in rule.followed_by if w.startswith("-")]
        whole = [w for w in rule.followed_by if not w.startswith("-")]
        parts = [rf"(?:{_alternatives(whole)})"] if whole else []
        parts += [rf"[^\W\d_]+{re.escape(end[1:])}" for end in ends]
        between = rf"(?:\s+(?:{_alternatives(rule.between)}))*" if rule.between else ""
        pattern += between + r"\s+(?:" + "|".join(parts) + r")"
    pattern += r"(?!\w)"
    if rule.opens is not None:
        pattern = rf"^\W*(?:[\w'’-]+\W+){{0,{rule.opens}}}?" + pattern
    if not (rule.unless or rule.not_after):
        return re.compile(pattern, re.IGNORECASE | re.DOTALL)
    # nothing of ``unless`` anywhere in the claim
    ahead = r"(?!.*(?<!\w)(?:" + _alternatives(rule.unless) + r")(?!\w))" if rule.unless else ""
    # nothing of ``not_after`` before the words
    before = r"(?:(?!(?<!\w)(?:" + _alternatives(rule.not_after) + r")(?!\w)).)*?" if rule.not_after else ".*?"
    pattern = "^" + ahead + (before if rule.opens is None else "") + pattern.lstrip("^")
    return re.compile(pattern, re.IGNORECASE | re.DOTALL)


@functools.lru_cache(maxsize=8)
def _compiled(rules_dir: Path | None = None) -> tuple[tuple[BackgroundRule, re.Pattern[str], re.Pattern[str] | None], ...]:
    return tuple(
        (
            rule,
            _compile(rule),
            re.compile(r"(?<!\w)(?:" + _alternatives(rule.also) + r")(?!\w)", re.IGNORECASE) if rule.also else None,
        )
        for rule in load_background(rules_dir)
    )


class _Gate:
    """A case-insensitive pattern of words, searched in a claim's text lower-cased where that
    finds the same (:mod:`claimx.casefold`: most claims are searched by every gate, and the
    case-insensitive engine is the slower)."""

    __slots__ = ("pattern", "folded")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.folded = folded_pattern(pattern)

    def search(self, text: str, low: str | None) -> bool:
        """RETURNS (bool): whether the pattern is found in ``text`` (``low``: :func:`claimx.casefold.lowered` of it)."""
        if low is not None and self.folded is not None:
            return self.folded.search(low) is not None
        return self.pattern.search(text) is not None


@functools.lru_cache(maxsize=8)
def _word_gates(rules_dir: Path | None = None) -> tuple[_Gate, ...]:
    """RETURNS (tuple[_Gate, ...]): per rule of :func:`_compiled`, in its order, the
    pattern of its words alone, as the rule's pattern opens them: every match of the rule holds
    one, so a text none is found in matches no rule of it (a quick search: most claims hold none,
    and the rules' look-aheads make theirs slow)."""
    return tuple(
        _Gate(re.compile(r"(?<!\w)(?:" + _alternatives(rule.words) + r")", re.IGNORECASE | re.DOTALL))
        for rule, _, _ in _compiled(rules_dir)
    )


@functools.lru_cache(maxsize=32)
def _candidates(
    rules_dir: Path | None, kind: str, reads: str | None
) -> tuple[_Gate | None, tuple[tuple[BackgroundRule, re.Pattern[str], re.Pattern[str] | None, _Gate], ...]]:
    """RETURNS (tuple): the rules :func:`_first` (``kind`` "speaks" or "background") or
    :func:`generic_rule` (``kind`` "generic") tries, in the pack's order, each with its
    patterns, and one pattern of all their words (a text none of them is found in
    matches none of the rules: one search instead of one a rule; None when no rule is left)."""
    chosen = []
    for (rule, pattern, also), words in zip(_compiled(rules_dir), _word_gates(rules_dir), strict=True):
        if kind == "generic":
            if not rule.generic:
                continue
        elif (
            rule.scene
            or rule.generic
            or rule.asks_date
            or rule.post
            or rule.antecedent
            or rule.aside
            or (rule.speaks is not None) != (kind == "speaks")
            or not (reads is None or reads in rule.read_statuses)
        ):
            continue
        chosen.append((rule, pattern, also, words))
    if not chosen:
        return None, ()
    gate = re.compile(
        r"(?<!\w)(?:" + "|".join(f"(?:{_alternatives(rule.words)})" for rule, _, _, _ in chosen) + r")",
        re.IGNORECASE | re.DOTALL,
    )
    return _Gate(gate), tuple(chosen)


def _first(text: str, rules_dir: Path | None, speaks: bool, reads: str | None = None) -> BackgroundRule | None:
    return _first_of(text, rules_dir, "speaks" if speaks else "background", reads)


@functools.lru_cache(maxsize=65536)
def _first_of(text: str, rules_dir: Path | None, kind: str, reads: str | None) -> BackgroundRule | None:
    """RETURNS (BackgroundRule | None): the first rule of ``kind`` (:func:`_candidates`) a claim's text
    matches. Kept per text, kind and status read (a pure function of the pack): the roll-up
    asks the same claim's text again for each group it is filed in and each reading (a full
    roll-up of 300 published articles: 99,142 asks, 44,443 distinct; 46,363 of ``speaks``
    rules, 30,547 of background rules, 22,232 of generic rules). A smaller cache than the
    distinct asks of a slice answers few of them (32,768 entries: 29,097 of those 99,142)."""
    gate, chosen = _candidates(rules_dir, kind, reads)
    if gate is None:
        return None
    low = lowered(text)
    if not gate.search(text, low):
        return None
    for rule, pattern, also, words in chosen:
        if words.search(text, low) and pattern.search(text) and (also is None or also.search(text)):
            return rule
    return None


def rule_matches(rule_id: str, text: str, rules_dir: Path | None = None) -> bool:
    """RETURNS (bool): whether the rule ``rule_id`` matches a claim's text."""
    return any(
        rule.id == rule_id and bool(pattern.search(text)) and (also is None or bool(also.search(text)))
        for rule, pattern, also in _compiled(rules_dir)
    )


def matching_rule(text: str, rules_dir: Path | None = None) -> BackgroundRule | None:
    """RETURNS (BackgroundRule | None): the first background rule (one without
    ``speaks``) a claim's text matches, or None."""
    return _first(text, rules_dir, speaks=False)


def speaking_rule(text: str, rules_dir: Path | None = None, status: str | None = "confirmed") -> BackgroundRule | None:
    """RETURNS (BackgroundRule | None): the first rule with ``speaks`` a
    claim's text matches ("has until June 1 to file a plan") among those that
    read claims of ``status`` (its ``reads``; None: any), or None."""
    return _first(text, rules_dir, speaks=True, reads=status)


def generic_rule(text: str, rules_dir: Path | None = None) -> BackgroundRule | None:
    """RETURNS (BackgroundRule | None): the first ``generic`` rule a claim's
    text matches ("such contracts are often justified by their speed"): the
    claim says what usually happens, not news of a fact; or None."""
    return _first_of(text, rules_dir, "generic", None)


#: how many words may stand between a person's name and the post after it ("Dana Holt, *the maker's* chief
#: executive", "Ms. Holt, *the party's presumptive presidential* nominee")
_POST_REACH = 4


def post_rule(text: str, person: str, rules_dir: Path | None = None, holds: str | None = None) -> BackgroundRule | None:
    """RETURNS (BackgroundRule | None): the first ``post`` rule one of whose
    words, a post, stands in apposition to ``person`` in a claim's text: right
    before the name ("CEO Dana Holt", "its chief executive, Dana Holt") or
    after it and a comma, a few words on ("Dana Holt, the maker's chief
    executive"); None when none does, or the text holds one of the rule's
    ``unless`` words (the person takes or leaves the post: "named", "former")
    or not one of its ``also`` words.

    holds (str | None): the rules of a title that states a fact of the person's
    own (their ``holds``: "nomination"); None, the posts of a cast or crew."""
    if not person.strip():
        return None
    for rule, posts, also in _posts_in(text, rules_dir):
        if rule.holds == holds and (also is None or also.search(text)) and any(
            p.search(text) for p in _post_patterns(posts, person.strip())
        ):
            return rule
    return None


@functools.lru_cache(maxsize=8)
def title_keys(rules_dir: Path | None = None) -> frozenset[str]:
    """RETURNS (frozenset[str]): the keys of the facts a title states of its holder (the ``holds`` of ``post`` rules)."""
    return frozenset(rule.holds for rule in load_background(rules_dir) if rule.post and rule.holds)


def names_post(text: str, rules_dir: Path | None = None) -> bool:
    """RETURNS (bool): whether a ``post`` rule's pattern matches a claim's text (:func:`post_rule`
    finds a post in apposition to a person only in such a text)."""
    low = text.casefold()
    return any(word in low for word in _post_rules(rules_dir)[0]) and bool(_posts_in(text, rules_dir))


@functools.lru_cache(maxsize=1024)
def _posts_in(text: str, rules_dir: Path | None) -> tuple[tuple[BackgroundRule, str, re.Pattern[str] | None], ...]:
    """RETURNS (tuple): the ``post`` rules whose pattern a claim's text matches, in the pack's
    order, each with its posts as alternatives and its ``also`` pattern: what :func:`post_rule`
    tries for a person (the roll-up asks it of one text for each person a claim may name, one
    after another)."""
    low = lowered(text)
    return tuple(
        (rule, posts, also) for rule, pattern, gate, posts, also in _post_rules(rules_dir)[1]
        if gate.search(text, low) and pattern.search(text)
    )


@functools.lru_cache(maxsize=8)
def _post_rules(
    rules_dir: Path | None,
) -> tuple[frozenset[str], tuple[tuple[BackgroundRule, re.Pattern[str], _Gate, str, re.Pattern[str] | None], ...]]:
    """RETURNS (tuple): the first words of the ``post`` rules' words, case-folded (a text
    that holds none names no post: most claims), and those rules of :func:`_compiled`, in its
    order, each with its pattern, its words' gate (:func:`_word_gates`), its posts as alternatives
    and its ``also`` pattern."""
    rules = tuple(
        (rule, pattern, gate, _alternatives(rule.words), also)
        for (rule, pattern, also), gate in zip(_compiled(rules_dir), _word_gates(rules_dir), strict=True)
        if rule.post
    )
    return frozenset(word.split()[0].casefold() for rule, *_ in rules for word in rule.words if word.split()), rules


@functools.lru_cache(maxsize=1024)
def _post_patterns(posts: str, person: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """RETURNS (tuple): the patterns of a post (``posts``, alternatives) in
    apposition to ``person``, before the name and after it, compiled once per
    person and rule."""
    name = re.escape(person).replace(r"\ ", r"\s+")
    before = rf"(?<!\w)(?:{posts})\s*,?\s+{name}(?!\w)"
    after = rf"(?<!\w){name}\s*,\s+(?:[\w'’.-]+\s+){{0,{_POST_REACH}}}?(?:{posts})(?!\w)"
    return re.compile(before, re.IGNORECASE), re.compile(after, re.IGNORECASE)


def antecedent_rule(text: str, rules_dir: Path | None = None) -> BackgroundRule | None:
    """RETURNS (BackgroundRule | None): the first ``antecedent`` rule whose
    words open a claim's text ("when the firm lost $15 billion"): the clause
    tells when the date written right before it was; or None."""
    for rule, pattern, also in _compiled(rules_dir):
        if rule.antecedent and pattern.search(text) and (also is None or also.search(text)):
            return rule
    return None


def aside_at(text: str, rules_dir: Path | None = None) -> int | None:
    """RETURNS (int | None): where the words of an ``aside`` rule open an aside
    in a claim's text, after a comma that ends its main clause ("grabbed all 66
    delegates, in what could stall his rival"); None when no aside rule's words
    stand there (nor at the claim's start: the claim is then the aside itself)."""
    for rule, pattern, also in _compiled(rules_dir):
        if rule.aside and (match := pattern.search(text)) is not None and (also is None or also.search(text)):
            if text[: match.start()].rstrip().endswith(","):
                return match.start()
    return None


def asking_rule(text: str, rules_dir: Path | None = None) -> BackgroundRule | None:
    """RETURNS (BackgroundRule | None): the first ``asks_date`` rule whose
    words, asking for a date ("when", "timing"), a claim's text holds ("did
    not say when the tablet goes on sale"), or None."""
    for rule, pattern, also in _compiled(rules_dir):
        if rule.asks_date and pattern.search(text) and (also is None or also.search(text)):
            return rule
    return None


def background_rule(text: str, rules_dir: Path | None = None) -> str | None:
    """RETURNS (str | None): the id of the first rule of the pack (background,
    else one with ``speaks``, else a ``generic`` one) a claim's text matches, or None."""
    rule = matching_rule(text, rules_dir) or speaking_rule(text, rules_dir, status=None) or generic_rule(text, rules_dir)
    return rule.id if rule is not None else None


def scene_rule(text: str, words: Iterable[str], rules_dir: Path | None = None) -> BackgroundRule | None:
    """RETURNS (BackgroundRule | None): the ``scene`` rule whose phrase of
    time or circumstance holds the first of ``words`` (its fact's slot words:
    a word stands for its forms, "meeting" for "meetings") a claim names,
    when the claim names them only in such phrases ("pledged to work together
    after a meeting on Thursday", "during talks with the union"): the phrase
    sets the scene, the claim's news is something else. None when the claim
    names them elsewhere, or not at all."""
    words = tuple(w for w in words if w)
    if not words:
        return None
    named = [m.span() for m in _named_pattern(words).finditer(text)]
    if not named:
        return None
    in_scene: dict[tuple[int, int], BackgroundRule] = {}
    gates, low = _word_gates(rules_dir), lowered(text)
    for n, (rule, _, _) in enumerate(_compiled(rules_dir)):
        # a scene opens with its rule's words: where none is, its pattern is not even compiled
        if not rule.scene or not gates[n].search(text, low):
            continue
        for m in _scene_pattern(words, n, rules_dir).finditer(text):
            in_scene.setdefault(m.span(1), rule)
    if not all(span in in_scene for span in named):
        return None
    return in_scene[named[0]]


@functools.lru_cache(maxsize=256)
def _named_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """RETURNS (re.Pattern): a slot's words as a claim names them ("meeting", "meetings")."""
    return re.compile(r"(?<!\w)(?:" + _alternatives(list(words)) + r")\w*", re.IGNORECASE)


@functools.lru_cache(maxsize=2048)
def _scene_pattern(words: tuple[str, ...], n: int, rules_dir: Path | None) -> re.Pattern[str]:
    """RETURNS (re.Pattern): the phrase of the ``n``-th rule of the pack, a ``scene``
    rule, holding one of a slot's ``words``, compiled once per rule and slot, and
    only when a claim holds the rule's words (the roll-up asks per claim)."""
    rule = _compiled(rules_dir)[n][0]
    slot = _alternatives(list(words))
    # between the preposition and the slot word only the words of
    # ``between`` (a determiner, a possessive pronoun, "first") or a
    # name's possessive ("Monday's"): "has since increased its holding"
    # and "after failing a vote" put a verb there, and are no scene
    between = rf"(?:{_alternatives(rule.between)}|[\w-]+['’]s?)" if rule.between else r"[\w'’-]+"
    return re.compile(
        r"(?<!\w)(?:" + _alternatives(rule.words) + r")(?:\s+" + between + r"(?!\w)){0," + str(rule.reach)
        + r"}?\s+((?:" + slot + r")\w*)",
        re.IGNORECASE,
    )
