""":mod:`claimx.claims.tense`: the decisions on the parse around a time expression, as rules.

The ``decision`` rules of ``temporal.jsonl`` (:class:`claimx.rules.TemporalDecisionRule`)
say which way the tense around an expression points and when a match is no
date; this module compiles their token patterns (:mod:`claimx.claims.scope`'s
syntax, the words of the ``tense`` rules as lexicons ``tense_<role>``) and
walks the parse the way each role asks. Nothing here names an English word:

- :meth:`Decisions.direction` climbs from the expression's root to the first
  governor a ``clause_head`` rule accepts; there a ``governor`` rule may set
  the direction ("delayed *to* November"), else the ``tense`` rules read the
  verb ("will open", "opened", "is set to open"); a ``tense`` rule may read
  its head's tense instead (an infinitive, a participle in a chain of verbs).
  An ``event_day`` expression ("Monday's debate") is past unless the
  ``ahead`` walk finds a word that puts the event still to come.
- :meth:`Decisions.no_date`, :meth:`Decisions.names` and
  :meth:`Decisions.name_break`: a one-word match that is no date ("may
  spark"), the entities whose names may hold a date word, and the word that
  shows a supposed name ran into the sentence.

Every rule that decides is returned with the token it matched, for
``doc._.rules_fired``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..rules import Direction, TemporalDecisionRule, TemporalRole
from ..timex import Grammar
from .scope import Test, Walk, compile_pattern
from .tree import VERB_POS, finite, served_verb

#: the decisions made, in order: (rule, the token it matched)
Trail = list[tuple[TemporalDecisionRule, Token]]

#: how many verbs a ``tense`` rule that reads its head's tense may climb
_MAX_CLIMB = 4
#: how many governors the search for a clause head passes, and the ``ahead`` walk
_MAX_CLAUSE_STEPS = 10
_MAX_AHEAD_STEPS = 8


@dataclass
class Decisions:
    """The ``decision`` rules of a temporal grammar, by role, their patterns compiled."""

    roles: dict[str, list[tuple[TemporalDecisionRule, Test]]] = field(default_factory=dict)
    #: the Doc last read and the tense of each verb read in it, with the rules that decided
    _memo: tuple[Doc, dict[int, tuple[Direction | None, Trail]]] | None = field(default=None, repr=False, compare=False)

    def first(self, role: TemporalRole, token: Token, walk: Walk) -> TemporalDecisionRule | None:
        """RETURNS (TemporalDecisionRule | None): the first rule of ``role`` whose pattern matches ``token``."""
        for rule, test in self.roles.get(role, ()):
            if test(token, walk):
                return rule
        return None

    def direction(self, span: Span, trail: Trail | None = None) -> Direction | None:
        """Which way the tense around a time expression points.

        span (Span): the expression. trail (Trail | None): receives the rules that decided.
        RETURNS (str | None): "past", "future", or None when the tense does not say.
        """
        trail = [] if trail is None else trail
        found = self._clause_direction(span, trail)
        root = span.root
        rule = self.first("event_day", root, Walk(set(), span, None))
        if rule is None:
            return found
        ahead = self._ahead(span, trail)  # the walk's rules decide either way
        if found == "past":
            # a past clause, an event put ahead by a word that is no finite verb's
            # ("challenged him to a debate *before* Monday's caucus", "*heading*
            # into Tuesday's primary"): the two disagree, the nearest day is meant;
            # a finite verb's ("*until* Monday's merger, the shares traded low") is the clause's
            if ahead is None or ahead.direction != "future":
                return found
            word = trail[-1][1].head
            governor = word.head if word.pos_ == "ADP" else word
            return found if governor.pos_ in VERB_POS and finite(governor) else None
        if ahead is not None:
            # under a verb whose tense says nothing ("as he tours the state ahead
            # of Tuesday's primary"), the rule's own direction, if it sets one
            return found or ahead.direction
        trail.append((rule, root))
        return rule.direction

    def tense(self, verb: Token, trail: Trail, depth: int = 0) -> Direction | None:
        """RETURNS (str | None): which way ``verb``'s tense points, by the first ``tense`` rule that decides."""
        if depth > _MAX_CLIMB:
            return None
        if depth == 0:
            # the dates of one clause share its verb: read it once per Doc
            doc = verb.doc
            if self._memo is None or self._memo[0] is not doc:
                self._memo = (doc, {})
            known = self._memo[1].get(verb.i)
            if known is None:
                found: Trail = []
                known = self._memo[1][verb.i] = (self._tense(verb, found, 0), found)
            trail += known[1]
            return known[0]
        return self._tense(verb, trail, depth)

    def _tense(self, verb: Token, trail: Trail, depth: int) -> Direction | None:
        walk = Walk(set(), None, None)
        for rule, test in self.roles.get("tense", ()):
            if not test(verb, walk):
                continue
            if rule.read is None:
                trail.append((rule, verb))
                return rule.direction
            climbed: Trail = []
            found = self.tense(verb.head, climbed, depth + 1)
            if rule.only is not None and found not in rule.only:
                continue
            trail += [(rule, verb), *climbed]
            return found
        return None

    def _clause_direction(self, span: Span, trail: Trail) -> Direction | None:
        token = span.root
        for _ in range(_MAX_CLAUSE_STEPS):
            head = token.head
            if head.i == token.i:
                return None
            if head.i < span.start or head.i >= span.end:
                rule = self.first("clause_head", head, Walk(set(), span, token))
                if rule is not None:
                    trail.append((rule, head))
                    if rule.read is None:
                        return rule.direction
                    # "head": the word belongs to the clause above ("said *Wednesday* the bridge would reopen")
                    verb = served_verb(head.head if rule.read == "head" else head)
                    governor = self.first("governor", verb, Walk(set(), span, token))
                    if governor is not None:
                        trail.append((governor, verb))
                        return governor.direction
                    return self.tense(verb, trail)
            token = head
        return None

    def _ahead(self, span: Span, trail: Trail) -> TemporalDecisionRule | None:
        """The ``ahead`` rule that, asked of each word from the expression's root
        up, finds that the event it names is still to come, or None."""
        current = span.root
        behind = False
        for _ in range(_MAX_AHEAD_STEPS):
            walk = Walk(set(), span, None)
            for rule, test in self.roles.get("ahead", ()):
                if (rule.unless_behind and behind) or not test(current, walk):
                    continue
                trail.append((rule, current))
                if rule.walk == "ahead":
                    return rule
                if rule.walk == "stop":
                    return None
                if rule.walk == "up":
                    break
                behind = True  # "behind": the next rules are asked, those marked unless_behind no more
            if current.head.i == current.i:
                return None
            current = current.head
        return None

    def no_date(self, span: Span, kind: str) -> TemporalDecisionRule | None:
        """RETURNS (TemporalDecisionRule | None): the ``no_date`` rule that makes a
        one-word match of ``kind`` no date ("may spark", "June Halloran"), or a longer
        one by its root, if the rule names ``kind`` ("ABC's This Week"), or None."""
        walk = Walk(set(), span, None)
        for rule, test in self.roles.get("no_date", ()):
            if len(span) != 1 and kind not in rule.kinds:
                continue
            if (not rule.kinds or kind in rule.kinds) and test(span.root, walk):
                return rule
        return None

    def name(self, entity: Span) -> TemporalDecisionRule | None:
        """RETURNS (TemporalDecisionRule | None): the ``name`` rule that the entity's
        root matches (its name may hold a date word: "USA Today"), or None."""
        return self.first("name", entity.root, Walk(set(), None, None))

    def name_break(self, span: Span) -> tuple[TemporalDecisionRule, Token] | None:
        """RETURNS (tuple | None): the ``name_break`` rule that the word before ``span``
        matches (the supposed name ran into the sentence), with that word, or None."""
        if span.start == 0:
            return None
        before = span.doc[span.start - 1]
        rule = self.first("name_break", before, Walk(set(), span, None))
        return None if rule is None else (rule, before)


def decisions_of(grammar: Grammar) -> Decisions:
    """The ``decision`` rules of ``grammar``, compiled once (kept on the grammar).

    RAISES (RulePackError): a pattern that does not compile, naming the file, the line and the rule.
    """
    if grammar.compiled_decisions is not None:
        return grammar.compiled_decisions
    lexicons: dict[str, frozenset[str]] = {}
    for key, words in grammar.tense.items():
        role = key.split(":", 1)[0]
        lexicons[f"tense_{role}"] = lexicons.get(f"tense_{role}", frozenset()) | frozenset(words)
    lines = grammar.lines
    roles: dict[str, list[tuple[TemporalDecisionRule, Test]]] = {}
    for rule in grammar.decisions:
        where = f"{grammar.source or 'temporal rules'}:{lines.get(rule.id, 0)}: rule {rule.id!r}"
        roles.setdefault(rule.role, []).append((rule, compile_pattern(rule.pattern, lexicons, where)))
    grammar.compiled_decisions = Decisions(roles)
    return grammar.compiled_decisions


__all__ = ["Decisions", "Trail", "decisions_of"]
