""":mod:`claimx.claims.cues`: status from cues with scope.

Cues come from ``models/en/cues.jsonl``: a phrase (matched on ``NORM``, so
curly apostrophes and "won't" behave) or a spaCy token pattern, with a
*category* and the status it points to:

==============  ===========  =============================================
category        status       e.g.
==============  ===========  =============================================
``certain``     confirmed    officially, confirmed, announced, has begun
``expect``      expected     expected to, slated, plans to, aims to, likely
``future``      expected     will, 'll (confirmed when the makers say it,
                             but for "going to": their intention)
``spec``        rumored      may, could, reportedly, tentatively, suggests
``neg``         denied       not, no, never, denied, ruled out, unlikely
``unknown``     unconfirmed  no date has been set, remains unconfirmed
``pseudo``      (its own)    has not ruled out → rumored
``tell_verb``   —            announce, say, name: negated → unconfirmed
``ignore``      —            "if any", "if compared to": no cue, but
                             shadows the shorter cues inside it
``complement``  (its own)    fears (of), cancelled, efforts (to): no cue of
                             a claim; sets the status of the event the word
                             takes as complement, see :mod:`claimx.claims.target`
==============  ===========  =============================================

Overlapping matches keep the longest. A cue counts for a claim when it lies in
the claim (or on its reporting verb) and is *in scope* of the predicate: it is
not buried in a noun phrase ("a *possible* offer") or in another clause. The
grammar of that reach is data, ``scope.jsonl`` (:class:`claimx.rules.ScopeRule`,
patterns compiled by :mod:`claimx.claims.scope`): terminators that end a cue's
way up the parse, the keep rules that are their exceptions, and share rules
that bring in cues from outside the claim; this module matches and applies them.

The status of a claim is then decided from its cues, strongest first (the
``priority`` of each category in ``scope.jsonl``, or a rule's own):
negation (``denied``, or ``unconfirmed`` when it negates a verb of telling or
deciding) and ``unknown`` cues; a pseudo cue's own status; speculation
(``rumored``); expectation (``expected``); certainty (``confirmed``); and with
no cue at all, a plain assertion is ``confirmed``. Finally the source's
authority applies: what unnamed insiders, fans, analysts or leakers say or
expect is ``rumored``; a conditional or a question is ``rumored``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from spacy.attrs import IS_SPACE, LEMMA, LOWER, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..errors import RulePackError
from ..fastmatch import AnchoredMatcher
from ..rules import (
    CLAUSE_MOOD,
    TARGET_ROLES,
    CueRule,
    ScopeRule,
    load_attribution_rules,
    load_cue_rules,
    load_scope_rules,
    rule_places,
)
from .attribution import AUTHORITY_MAKER, AUTHORITY_RUMOR, KIND_UNNAMED
from .component import RulePackComponent
from .extensions import (
    CLAIMS_KEY,
    CUES_KEY,
    DATES_KEY,
    claim_of,
    cue_of,
    record_rule,
    register_extensions,
    set_claim,
    set_cue,
)
from .scope import Test, Walk, compile_pattern, related
from .segment import (
    absolute_clause,
    load_segment_words,
    is_absolute,
    summary_appositive,
    summary_phrase,
)
from .sentences import paragraph_starts, sentence_ids
from .tree import (
    ADVERBIAL_CLAUSE_DEP,
    AUXILIARY_DEP,
    AUXILIARY_DEPS,
    ADVERB_POS,
    AUXILIARY_POS,
    COORDINATION_DEP,
    COORDINATOR_POS,
    CORE_ARGUMENT_DEPS,
    GERUND_TAG,
    INFINITIVE_MARKER_TAG,
    NEGATOR_DEPS,
    NOMINAL_POS,
    NON_FINITE_ATTACHMENT_DEPS,
    NON_FINITE_TAGS,
    OPEN_COMPLEMENT_DEP,
    PARTICLE_DEP,
    PAST_PARTICIPLE_TAG,
    PAST_TAG,
    PRESENT_TAGS,
    WH_TAGS,
)

register_extensions()

# Function words the grammar helpers test for (an auxiliary, the infinitive
# marker); content words live in ``cues.jsonl``, the grammar of a cue's reach
# in ``scope.jsonl``.
_BE = "be"
#: the infinitive marker ("has yet *to* announce")
_TO = "to"


class Stop(NamedTuple):
    """A terminator of a cue's reach, with the exceptions that apply to the cue."""

    rule: ScopeRule
    test: Test
    keeps: list[tuple[ScopeRule, Test]]

    def stops(self, token: Token, walk: Walk) -> bool:
        """RETURNS (bool): whether the terminator ends the cue's reach at
        ``token`` (recording it, or the exceptions that kept the cue)."""
        if not self.test(token, walk):
            return False
        kept = [rule for rule, test in self.keeps if test(token, walk)]
        where = (token.idx, token.idx + len(token.text))
        for rule in kept or [self.rule]:
            record_rule(token.doc, rule.id, *where)
        return not kept


#: the terminators tested on a cue's root, and on each word on its way up
Reach = tuple[list[Stop], list[Stop]]


def _bare_lemma(pattern: list[dict[str, Any]]) -> str | None:
    """RETURNS (str | None): the lemma of a one-token pattern that tests only its lemma (``[{"LEMMA": "expect"}]``)."""
    if len(pattern) == 1 and set(pattern[0]) == {"LEMMA"} and isinstance(pattern[0]["LEMMA"], str):
        return pattern[0]["LEMMA"]
    return None


#: token attributes whose ``{"IN": [...]}`` on a pattern's first token :func:`_first_token_split` spells out
_SPLIT_ATTRS = ("LOWER", "LEMMA", "ORTH", "NORM", "TEXT")


#: token attributes a pattern's first token may be anchored by (:func:`_anchor`), as ``Doc.to_array`` columns
_ANCHOR_ATTRS = (LOWER, LEMMA, NORM, ORTH)
_ANCHOR_NAMES = {"LOWER": LOWER, "LEMMA": LEMMA, "NORM": NORM, "ORTH": ORTH, "TEXT": ORTH}
#: Matchers of a subset of the patterns kept for the next Docs (articles of one kind share their words)
_SUBSETS_KEPT = 64


def _anchor(pattern: list[dict[str, Any]], vocab: Any) -> tuple[int, int] | None:
    """RETURNS (tuple[int, int] | None): ``(attribute, value hash)`` that a token
    must have for ``pattern`` to start there (its first token's ``LOWER``,
    ``LEMMA``, ``NORM`` or ``ORTH``/``TEXT`` equal to a string), or None: a first
    token that may be skipped (``OP``) or tests none of these."""
    first = pattern[0] if pattern else {}
    if "OP" in first:
        return None
    for name, attr in _ANCHOR_NAMES.items():
        value = first.get(name)
        if isinstance(value, str):
            return attr, vocab.strings.add(value)
    return None


def _first_token_split(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The same matches as ``pattern``, as one pattern per value of its first token's ``IN`` list.

    spaCy's Matcher tries every pattern's first token at every token of a Doc:
    an equality is a compiled comparison, an ``IN`` list a Python call per
    token. Spelled out (``{"LOWER": {"IN": ["would", "'d"]}}`` as ``{"LOWER":
    "would"}`` and ``{"LOWER": "'d"}``, the rest of the pattern the same, added
    under the same key in that place), the patterns match the same spans in
    the same order: a token has one value, so at most one of them starts
    there. A first token with an operator (``"OP"``: it may be skipped) is
    left as it is.

    RETURNS (list): the patterns to add under the rule's key.
    """
    first = pattern[0] if pattern else {}
    if "OP" in first:
        return [pattern]
    for attr in _SPLIT_ATTRS:
        value = first.get(attr)
        if isinstance(value, dict) and set(value) == {"IN"} and value["IN"] and all(isinstance(v, str) for v in value["IN"]):
            return [[{**first, attr: one}, *pattern[1:]] for one in dict.fromkeys(value["IN"])]
    return [pattern]


class CueTagger(RulePackComponent):
    """Match cues, keep those in scope of each claim, and set its status.

    nlp (Language): the pipeline (its tokenizer builds phrase patterns).
    rules_dir (Path | None): rule pack; None for the default.
    load (bool): read it now (else in ``initialize`` or on first use).
    """

    pack_files = ("cues.jsonl", "scope.jsonl", "attribution.jsonl", "segmentation.jsonl", "nonclaims.jsonl")

    def __init__(
        self, nlp: Language, *, rules_dir: Path | None = None, spans_key: str = CLAIMS_KEY, load: bool = True
    ) -> None:
        self.spans_key = spans_key
        self._setup_pack(nlp, rules_dir, load=load)

    def load_rules(self, rules_dir: Path, nlp: Language) -> None:
        """Build the matchers from ``cues.jsonl`` (and read the reporting verbs) of the pack at ``rules_dir``."""
        rules = load_cue_rules(rules_dir)
        #: rule id -> its file, line and id, for an error
        self._cue_where = rule_places(rules_dir / "cues.jsonl")
        self.rules = {rule.id: rule for rule in rules}
        #: ``spec`` rules of a deliberation the makers may state as a fact ("in talks")
        self.maker_states = frozenset(rule.id for rule in rules if rule.maker_states)
        #: ``future`` rules of intention ("going to"): the makers' saying it is a plan
        self.intentions = frozenset(rule.id for rule in rules if rule.intention)
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.patterns = Matcher(nlp.vocab)
        #: every pattern of ``patterns`` in the order it was added: (rule id, pattern, its anchor or None)
        self._anchored: list[tuple[str, list[dict[str, Any]], tuple[int, int] | None]] = []
        #: Matchers of the patterns a Doc's words allow, by the patterns' numbers (the last few kept)
        self._subsets: OrderedDict[tuple[int, ...], Matcher | None] = OrderedDict()
        self.tell_verbs: set[str] = set()
        self.tell_ids: dict[str, str] = {}  # tell-verb lemma (or phrasal verb) -> rule id
        self.lemma_rules: dict[str, str] = {}  # lemma -> id of a one-token rule
        self._lemma_hashes: dict[int, str] | None = None  # the same, keyed by the lemma's hash
        #: (lemma, coarse POS) -> the rule a word sets its complement's status with
        self.complement_words: dict[tuple[str, str], CueRule] = {}
        attribution_rules = load_attribution_rules(rules_dir)
        self.report_verbs = attribution_rules.get("report_verb", frozenset())
        self.belief_verbs = attribution_rules.get("belief_verb", frozenset())
        self._load_scope(load_scope_rules(rules_dir), attribution_rules, rule_places(rules_dir / "scope.jsonl"))
        #: the segmentation pack's decisions: a phrase that sums its clause up (``summary_phrase`` …)
        self.segment_words = load_segment_words(rules_dir)
        for rule in rules:
            if rule.category == "tell_verb":
                if isinstance(rule.pattern, list) and "LEMMA" in rule.pattern[0]:
                    self.tell_verbs.add(str(rule.pattern[0]["LEMMA"]))
                    self.tell_ids.setdefault(str(rule.pattern[0]["LEMMA"]), rule.id)
                continue
            if rule.category == "complement":
                self._add_complement_word(rule)
                continue
            if isinstance(rule.pattern, str):
                self.phrases.add(rule.id, [nlp.make_doc(rule.pattern)])
            elif _bare_lemma(rule.pattern) is not None:
                # one token by lemma: a dictionary lookup, which the Matcher
                # would do pattern by pattern on every token
                self.lemma_rules.setdefault(_bare_lemma(rule.pattern), rule.id)
            else:
                split = _first_token_split(rule.pattern)
                try:
                    self.patterns.add(rule.id, split)
                except ValueError as exc:  # spaCy's MatchPatternError is one: a pattern it cannot read
                    raise RulePackError(f"{self._cue_where(rule.id)}: {exc}") from exc
                self._anchored.extend((rule.id, pattern, _anchor(pattern, nlp.vocab)) for pattern in split)
        self._subsets.clear()
        #: the patterns tried only at the tokens that can start them (None: one of them tests what it does not read)
        self._anchored_matcher = AnchoredMatcher.compile([(rule_id, pattern) for rule_id, pattern, _ in self._anchored], nlp.vocab)

    def _load_scope(
        self, rules: list[ScopeRule], lexicons: dict[str, frozenset[str]], where: Callable[[str], str]
    ) -> None:
        """Read the categories' precedence and the terminators of a cue's reach from ``scope.jsonl``
        (``where``: rule id -> its file, line and id, for an error)."""
        #: cue category (or the clause's mood) -> its defaults
        self.categories: dict[str, ScopeRule] = {}
        patterns: dict[str, tuple[ScopeRule, Test]] = {}
        for rule in rules:
            if rule.kind == "category":
                assert rule.category is not None
                self.categories[rule.category] = rule
            elif rule.kind == "topic":
                continue  # the topic component's, with its own lexicons
            else:
                assert rule.pattern is not None
                patterns[rule.id] = (rule, compile_pattern(rule.pattern, lexicons, where(rule.id)))
        missing = {"neg", "unknown", "pseudo", "spec", "expect", "future", "certain", CLAUSE_MOOD} - set(self.categories)
        if missing:
            raise RulePackError(f"scope.jsonl: no category rule for {', '.join(sorted(missing))}")
        for rule, _ in patterns.values():
            wrong = [k for k in rule.unless if k not in patterns or patterns[k][0].kind != "keep"]
            if wrong:
                raise RulePackError(f"{where(rule.id)}: no keep rule {', '.join(wrong)}")
        terminators = {t: p for t, p in patterns.items() if p[0].kind == "terminator"}

        def reach(category: str, named: list[str]) -> Reach:
            stops = []
            for t, (rule, test) in terminators.items():
                if (rule.by_default and (not rule.applies_to or category in rule.applies_to)) or t in named:
                    keeps = [
                        patterns[k] for k in rule.unless if not patterns[k][0].applies_to or category in patterns[k][0].applies_to
                    ]
                    stops.append(Stop(rule, test, keeps))
            return [s for s in stops if s.rule.at == "cue"], [s for s in stops if s.rule.at == "path"]

        #: cue category -> the terminators of its reach (for a cue of no rule of the pack)
        self.category_reach: dict[str, Reach] = {category: reach(category, []) for category in self.categories}
        #: cue rule id -> the terminators of its reach tested on its root, and on its way up
        self.reach: dict[str, Reach] = {}
        reaches: dict[tuple[str, tuple[str, ...]], Reach] = {}  # most cue rules share their category's reach
        for cue_rule in self.rules.values():
            unknown = [t for t in cue_rule.terminated_by if t not in terminators]
            if unknown:
                raise RulePackError(f"{self._cue_where(cue_rule.id)}: no terminator {', '.join(unknown)} in scope.jsonl")
            key = (cue_rule.category, tuple(cue_rule.terminated_by))
            if key not in reaches:
                reaches[key] = reach(cue_rule.category, cue_rule.terminated_by)
            self.reach[cue_rule.id] = reaches[key]
        mood = self.categories[CLAUSE_MOOD]
        #: whether a claim's predicate is conditioned (the ``condition`` category's pattern)
        self.condition: Test | None = (
            compile_pattern(mood.pattern, lexicons, where(mood.id)) if mood.pattern else None
        )
        #: (category, pattern, new category): cues that count as another category where the pattern matches their root
        self.recasts: list[tuple[ScopeRule, Test]] = []
        for rule, test in patterns.values():
            if rule.kind == "recast":
                self.recasts.append((rule, test))
        #: where a cue rule's ``reported_as`` applies
        self.reported: list[tuple[ScopeRule, Test]] = [(r, t) for r, t in patterns.values() if r.kind == "reported"]
        #: role -> the ``target`` rules that :func:`claimx.status_of` asks through :meth:`target_rule`
        self.target_roles: dict[str, list[tuple[ScopeRule, Test]]] = {role: [] for role in TARGET_ROLES}
        for r, t in patterns.values():
            if r.kind == "target":
                assert r.role is not None
                self.target_roles[r.role].append((r, t))
        missing_roles = [role for role, found in self.target_roles.items() if not found]
        if missing_roles:
            raise RulePackError(f"scope.jsonl: no target rule for the role {', '.join(missing_roles)}")
        #: the rules that put a cue in reach wherever it lies in the claim
        self.wholes: list[tuple[ScopeRule, Test]] = [(r, t) for r, t in patterns.values() if r.kind == "whole"]
        #: the lead-in rules: (rule, the pattern of the cue's root, the pattern of an item's first word)
        self.lead_ins: list[tuple[ScopeRule, Test, Test]] = [
            (r, t, compile_pattern(r.item or {}, lexicons, f"{where(r.id)}: item"))
            for r, t in patterns.values()
            if r.kind == "lead_in"
        ]
        #: the share rules, in file order: (rule, its pattern, each step's relation and pattern)
        self.shares: list[tuple[ScopeRule, Test, list[tuple[str, Test]]]] = []
        for rule, test in patterns.values():
            if rule.kind == "share":
                steps = [(rel, compile_pattern(p, lexicons, f"{where(rule.id)}: path")) for step in rule.path for rel, p in step.items()]
                self.shares.append((rule, test, steps))

    def _add_complement_word(self, rule: CueRule) -> None:
        """A complement rule is one token: ``[{"LEMMA": {"IN": [...]}, "POS": {"IN": [...]}}]``."""
        if not isinstance(rule.pattern, list) or len(rule.pattern) != 1:
            raise RulePackError(f"{self._cue_where(rule.id)}: a complement pattern is one token with LEMMA and POS")
        spec = rule.pattern[0]
        lemmas, pos = spec.get("LEMMA"), spec.get("POS")
        lemmas = lemmas.get("IN", []) if isinstance(lemmas, dict) else [lemmas]
        pos = pos.get("IN", []) if isinstance(pos, dict) else [pos]
        for lemma in lemmas:
            for tag in pos:
                self.complement_words[(str(lemma).lower(), str(tag))] = rule

    def target_rule(self, role: str, token: Token) -> ScopeRule | None:
        """The first ``target`` rule of ``role`` (``scope.jsonl``) that matches
        ``token``, recorded, or None ("is not *efficient*", "may have a large
        *impact*": a ``predicate_complement``).

        role (str): one of :data:`claimx.rules.TARGET_ROLES`.
        token (Token): the word.
        RETURNS (ScopeRule | None): the rule.
        """
        walk = Walk({token.i}, None, None)
        for rule, test in self.target_roles[role]:
            if test(token, walk):
                record_rule(token.doc, rule.id, token.idx, token.idx + len(token.text))
                return rule
        return None

    def complement_rule(self, token: Token) -> CueRule | None:
        """The rule of a word that sets the status of the event it takes as
        complement ("*fears* of a recession", "the *cancelled* deal"), or None.

        token (Token): the word.
        RETURNS (CueRule | None): the rule.
        """
        rule = self.complement_words.get((token.lemma_.lower(), token.pos_))
        if rule is not None:
            record_rule(token.doc, rule.id, token.idx, token.idx + len(token.text))
        return rule

    def _pattern_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """RETURNS (list): the matches of :attr:`patterns` in ``doc``: the same
        matches, and where two rules match one span, in the same order (the
        first is the one :meth:`match` keeps).

        spaCy's Matcher starts every pattern at every token. Every pattern is
        first tried only at the tokens that can start it
        (:class:`claimx.fastmatch.AnchoredMatcher`: the same matches, in order
        of position). Where two rules match one span, spaCy's order decides, and
        the Doc is matched as before: with a Matcher of only the patterns
        whose first word (their anchor, :func:`_anchor`) it holds (and those
        with none), added in the same order. A pattern whose first token matches
        nowhere yields no match and leaves the order of the others' matches as
        it was."""
        if self._anchored_matcher is not None:
            found = self._anchored_matcher(doc)
            if found is not None:
                return found
        anchored = self._anchored
        if not anchored:
            return self.patterns(doc)
        present = {attr: set(column.tolist()) for attr, column in zip(_ANCHOR_ATTRS, doc.to_array(list(_ANCHOR_ATTRS)).T)} if len(doc) else {}
        wanted = tuple(
            n for n, (_, _, anchor) in enumerate(anchored)
            if anchor is None or anchor[1] in present.get(anchor[0], ())
        )
        if len(wanted) == len(anchored):
            return self.patterns(doc)
        subsets = self._subsets
        matcher = subsets.get(wanted, False)
        if matcher is False:
            matcher = None
            if wanted:
                # the patterns were checked when added to ``patterns`` at load: spaCy's check
                # again is half of what building a subset costs (a new one per article, as a
                # rule word set differs from article to article)
                matcher = Matcher(doc.vocab, validate=False)
                for n in wanted:
                    rule_id, pattern, _ = anchored[n]
                    matcher.add(rule_id, [pattern])
            subsets[wanted] = matcher
            if len(subsets) > _SUBSETS_KEPT:
                subsets.popitem(last=False)
        else:
            subsets.move_to_end(wanted)
        return matcher(doc) if matcher is not None else []

    def match(self, doc: Doc) -> list[Span]:
        """RETURNS (list[Span]): every cue in the Doc, overlaps resolved to the longest."""
        found = [
            Span(doc, start, end, label=doc.vocab.strings[match_id])
            for match_id, start, end in [*self.phrases(doc), *self._pattern_matches(doc)]
        ]
        if self.lemma_rules:
            by_hash = self._lemma_hashes
            if by_hash is None:
                by_hash = self._lemma_hashes = {get_string_id(lemma): rule for lemma, rule in self.lemma_rules.items()}
            # the lemma column, not a Token per token
            found += [
                Span(doc, i, i + 1, label=by_hash[lemma])
                for i, lemma in enumerate(doc.to_array(LEMMA).tolist())
                if lemma in by_hash
            ]
        spans = filter_spans(found)
        for span in spans:
            rule = self.rules[span.label_]
            set_cue(span, {"status": rule.status, "category": rule.category, "id": rule.id})
            record_rule(doc, rule.id, span.start_char, span.end_char)
        return spans

    def __call__(self, doc: Doc) -> Doc:
        cues = self.match(doc)
        doc.spans[CUES_KEY] = cues
        by_token: dict[int, Span] = {}
        for cue in cues:
            for i in range(cue.start, cue.end):
                by_token[i] = cue
        claims = list(doc.spans[self.spans_key])
        plain_future: list[int] = []
        decided: dict[int, dict[str, Any]] = {}  # token -> the decided claim holding it
        holder: dict[int, int] = {}  # token -> the number of the claim holding it
        items: list[tuple[int, int]] = []  # (list item with no cue of its own, the claim it repeats)
        for n, claim in enumerate(claims):
            info = dict(claim_of(claim) or {})
            head = doc[info.get("head", claim.root.i)]
            frame_i = info.get("frame")
            frame = doc[frame_i] if frame_i is not None else None
            in_scope = self.cues_in_scope(doc, claim, head, frame, by_token)
            if info.get("complement") is not None:
                in_scope = _frame_cues_first(doc[info["complement"]], in_scope)
            status, used = self.decide(doc, claim, head, in_scope, info.get("attribution"))
            if status == "future":
                plain_future.append(n)
                status = "confirmed"
            info["status"] = status
            info["cues"] = [
                {"start": c.start_char, "end": c.end_char, "status": cue_of(c)["status"]} for c in used
            ]
            first = doc[claim.start]
            if is_absolute(first, self.segment_words):
                governing = decided.get(first.head.i)
            elif absolute_clause(head) or summary_phrase(head, self.segment_words) or _result_participle(head):
                # (a phrase that sums its clause up, "…, its third weekly
                # fall in a row", says the clause again; a participle after
                # it, "…, making the jet worth $140bn", says what it brings about)
                governing = decided.get(head.head.i)
            else:
                governing = None
            if not used and governing is not None and governing["status"] in ("expected", "rumored"):
                # "The release is reportedly due on May 2, with bookings
                # starting a week earlier": an absolute with no cue of its own
                # shares the hedge of the clause it hangs on
                info["status"] = governing["status"]
                info["cues"] = list(governing["cues"])
            item_of = info.get("item_of")
            if not used and item_of is not None and item_of in holder:
                items.append((n, holder[item_of]))
            decided.update(dict.fromkeys(range(claim.start, claim.end), info))
            holder.update(dict.fromkeys(range(claim.start, claim.end), n))
            set_claim(claim, info)
        dates = list(doc.spans[DATES_KEY]) if DATES_KEY in doc.spans else []
        if plain_future:
            sent_of = sentence_ids(doc)
            opens_paragraph = paragraph_starts(doc)
            # speculation, or an open question ("no official synopsis
            # exists", "remains unclear"), makes a passage speculative; the
            # makers' plans ("slated", "set to", "is expected to") and their
            # silence ("has not commented") do not
            # (a phrase that comments on its clause, "…, a move that could
            # ease his concerns", does not make the clause a forecast)
            hedged_sentences = {
                sent_of[c.start]
                for c in claims
                if _speculative(claim_of(c) or {})
                and not is_absolute(doc[c.start], self.segment_words)
                and summary_appositive(c.root, self.segment_words) is None
            }
        for n in plain_future:
            claim = claims[n]
            # "the film opens on 12 May": a plain future with a date is a statement
            dated = any(claim.start <= d.start and d.end <= claim.end for d in dates)
            if dated:
                continue
            # among speculative claims (its sentence, or the one before in
            # its paragraph) it is a forecast of the passage
            number = sent_of[claim.start]
            window = {number} if number in opens_paragraph else {number, number - 1}
            if window & hedged_sentences:
                info = dict(claim_of(claim))
                info["status"] = "expected"
                set_claim(claim, info)
        for n, first in items:
            # "The maker expects to cut 900 jobs in Spain, 400 in Italy and
            # 300 in France": an item of a list that leaves its verb out
            # states the first item's predicate again, with its status
            # (once that is final) and the cues that set it
            governing = claim_of(claims[first])
            info = dict(claim_of(claims[n]))
            info["status"] = governing["status"]
            info["cues"] = list(governing["cues"])
            set_claim(claims[n], info)
        if self.lead_ins:
            self._hand_down_lead_ins(doc, cues, claims)
        return doc

    def _hand_down_lead_ins(self, doc: Doc, cues: list[Span], claims: list[Span]) -> None:
        """"Imagine that the mayor: / Closed the depot. / Raised the fares.":
        a lead-in ending on a colon whose cue a ``lead_in`` rule of
        ``scope.jsonl`` matches gives its status to the claims of the list
        paragraphs after it, while their first word matches the rule's ``item``."""
        # the cues a lead-in rule matches, first: most articles have none,
        # and then their paragraphs are never built
        leads: list[tuple[Span, ScopeRule, Test]] = []
        for cue in cues:
            walk = Walk(set(), cue, None, self.rules.get(cue_of(cue)["id"]))
            found = next(((rule, item) for rule, test, item in self.lead_ins if test(cue.root, walk)), None)
            if found is not None:
                leads.append((cue, *found))
        if not leads:
            return
        opens = paragraph_starts(doc)
        paragraphs: list[list[int]] = []  # [first token, end token]
        for number, sent in enumerate(doc.sents):
            if number in opens or not paragraphs:
                paragraphs.append([sent.start, sent.end])
            else:
                paragraphs[-1][1] = sent.end
        for p, (start, end) in enumerate(paragraphs):
            last = end - 1
            while last > start and doc[last].is_space:
                last -= 1
            if doc[last].text != ":":
                continue
            lead = next((found for found in leads if start <= found[0].start < end), None)
            if lead is None:
                continue
            cue, rule, item = lead
            handed = {"start": cue.start_char, "end": cue.end_char, "status": cue_of(cue)["status"]}
            for first_i, end_i in paragraphs[p + 1 :]:
                while first_i < end_i and doc[first_i].is_space:
                    first_i += 1
                if first_i >= end_i or not item(doc[first_i], Walk(set(), None, None, None)):
                    break
                for claim in claims:
                    if first_i <= claim.start < end_i:
                        info = dict(claim_of(claim))
                        info["status"] = cue_of(cue)["status"]
                        info["cues"] = [handed]
                        set_claim(claim, info)
                        record_rule(doc, rule.id, claim.start_char, claim.end_char)

    # -- scope ----------------------------------------------------------------

    def cues_in_scope(
        self, doc: Doc, claim: Span, head: Token, frame: Token | None, by_token: dict[int, Span]
    ) -> list[Span]:
        spine = {head.i}
        if frame is not None:
            spine.add(frame.i)
        seen: list[Span] = []
        for i in range(claim.start, claim.end):
            cue = by_token.get(i)
            if cue is None or cue in seen:
                continue
            if self._in_scope(cue, claim, spine):
                seen.append(cue)
        # the share rules of scope.jsonl: the frame's own cue and its
        # negation, a hedge of the subject or of the first predicate shared
        # with the predicates coordinated with it …
        for rule, test, steps in self.shares:
            anchor = head if rule.anchor == "head" else frame
            walk = Walk(spine, None, None, None, claim)
            if anchor is None or not test(anchor, walk):
                continue
            reached = [anchor]
            for relation, step in steps[:-1]:
                reached = [t for r in reached for t in related(r, relation) if step(t, walk)]
            relation, last = steps[-1]
            for token in (t for r in reached for t in related(r, relation)):
                cue = by_token.get(token.i)
                if cue is None or cue in seen:
                    continue
                if rule.applies_to and (cue_of(cue) or {}).get("category") not in rule.applies_to:
                    continue
                if last(token, Walk(spine, cue, None, self.rules.get(cue_of(cue)["id"]), claim)):
                    record_rule(doc, rule.id, cue.start_char, cue.end_char)
                    seen.append(cue)
        return seen

    def _in_scope(self, cue: Span, claim: Span, spine: set[int]) -> bool:
        """Walk from the cue up the tree to the predicate; modifiers inside
        noun phrases and embedded clauses are out of scope."""
        token = cue.root
        walk = Walk(spine, cue, None, self.rules.get(cue_of(cue)["id"]))
        for rule, test in self.wholes:
            if (not rule.applies_to or cue_of(cue)["category"] in rule.applies_to) and test(token, walk):
                record_rule(token.doc, rule.id, cue.start_char, cue.end_char)
                return True  # a long pattern carries its own context
        at_cue, on_path = self.reach.get(cue_of(cue)["id"]) or self.category_reach[cue_of(cue)["category"]]
        if any(stop.stops(token, walk) for stop in at_cue):
            return False
        steps = 0
        came_from = None
        while token.i not in spine:
            walk = Walk(spine, cue, came_from, walk.rule)
            if any(stop.stops(token, walk) for stop in on_path):
                # the scope.jsonl terminators: a gerund subject, a participle
                # adjunct, a predicate of its own, an adverbial clause for a
                # negation, a modifier inside a noun phrase …
                return False
            if token.head.i == token.i or not (claim.start <= token.head.i < claim.end):
                return token.i in spine or steps == 0 and cue.start >= claim.start
            came_from = token
            token = token.head
            steps += 1
        return True

    # -- status ---------------------------------------------------------------

    def decide(
        self,
        doc: Doc,
        claim: Span,
        head: Token,
        cues: list[Span],
        attribution: dict[str, Any] | None,
    ) -> tuple[str, list[Span]]:
        """RETURNS (tuple[str, list[Span]]): the status and the cues that set it.

        The category of highest priority among the cues (``scope.jsonl``,
        a rule's own ``priority`` first) decides, through that category's
        action below; the clause's mood (a question, a condition) ranks
        among them as :data:`~claimx.rules.CLAUSE_MOOD`. With no cue, a
        plain assertion is confirmed (or rumoured, from a rumour's source).
        """
        by_cat: dict[str, list[Span]] = {}
        frame_i = (claim_of(claim) or {}).get("frame")
        frame = doc[frame_i] if frame_i is not None else None
        for cue in cues:
            category = cue_of(cue)["category"]
            if category == "ignore":
                continue
            reported_as = getattr(self.rules.get(cue_of(cue)["id"]), "reported_as", None)
            if reported_as is not None and self._reported(cue, claim, frame):
                category = reported_as  # "said that the network would …" reports a "will"
            for rule, test in self.recasts:
                # "wonder *if* it will run": a subordinator of a complement asks, it does not suppose
                if category in rule.applies_to and test(cue.root, Walk(set(), cue, None, None, claim)):
                    record_rule(doc, rule.id, cue.start_char, cue.end_char)
                    assert rule.category is not None
                    category = rule.category
                    break
            by_cat.setdefault(category, []).append(cue)
        if by_cat.get("spec") and (attribution or {}).get("authority") == AUTHORITY_MAKER:
            # "the council said it is in talks with a new operator": the makers' own deliberation is a fact
            by_cat["spec"] = [c for c in by_cat["spec"] if cue_of(c)["id"] not in self.maker_states]
            if not by_cat["spec"]:
                del by_cat["spec"]
        ranked: list[tuple[int, int, str]] = [
            (max(self.category_priority(category, c) for c in found), -n, category)
            for n, (category, found) in enumerate(by_cat.items())
        ]
        ranked.append((self.categories[CLAUSE_MOOD].priority or 0, -len(ranked), CLAUSE_MOOD))
        for _, _, category in sorted(ranked, reverse=True):
            if category == CLAUSE_MOOD:
                if self._conditional_or_question(claim, head):
                    self._fired(doc, CLAUSE_MOOD, claim[0:1])
                    return "rumored", []
                continue
            top = sorted(by_cat[category], key=lambda c: -self.category_priority(category, c))
            top = top[: self.categories[category].max_cues]
            self._fired(doc, category, top[0])
            return self._act(doc, claim, head, category, top, attribution)
        return self._act(doc, claim, head, "certain", [], attribution)

    def category_priority(self, category: str, cue: Span) -> int:
        """RETURNS (int): the precedence of a cue counted in ``category``:
        its rule's own priority, else the category's."""
        rule = self.rules.get(cue_of(cue)["id"])
        if rule is not None and rule.priority is not None:
            return rule.priority
        return self.categories[category].priority or 0

    def _fired(self, doc: Doc, category: str, where: Span) -> None:
        rule = self.categories[category]
        record_rule(doc, rule.id, where.start_char, where.end_char)

    def _act(
        self,
        doc: Doc,
        claim: Span,
        head: Token,
        category: str,
        cues: list[Span],
        attribution: dict[str, Any] | None,
    ) -> tuple[str, list[Span]]:
        """RETURNS (tuple[str, list[Span]]): what the winning category's cues make of the claim."""
        source = (attribution or {}).get("authority")
        rumor_source = source == AUTHORITY_RUMOR
        if category == "neg":
            if self._question(claim):
                # "Might the studio simply not be ready to talk?": a question puts
                # nothing forward, its negation included
                return "rumored", []
            cue = cues[0]
            if cue[-1].lower_ == _TO and cue.end < len(doc):
                negated = doc[cue.end]  # "has yet to announce"
                if negated.lower_ == _BE and cue.end + 1 < len(doc):
                    negated = doc[cue.end + 1]  # "has yet to be named"
            elif cue.root.dep_ in NEGATOR_DEPS:
                negated = cue.root.head
            else:
                negated = cue.root
            # "neither deal has been finalised": from the noun to its verb
            while negated.pos_ in NOMINAL_POS and negated.dep_ in CORE_ARGUMENT_DEPS and negated.head.i != negated.i:
                negated = negated.head
            particle = next((c.lower_ for c in negated.children if c.dep_ == PARTICLE_DEP), None)
            # a verb with a particle tells only as that phrasal verb: "has yet to
            # sign off on it" tells, "has not given up" is an event
            verb = f"{negated.lemma_.lower()} {particle}" if particle else negated.lemma_.lower()
            if verb in self.tell_verbs:
                tell = self.tell_ids.get(verb)
                if tell is not None:
                    record_rule(doc, tell, negated.idx, negated.idx + len(negated.text))
                return "unconfirmed", [cue]  # "has yet to sign off on it": a decision pending
            return "denied", [cue]
        if category == "unknown":
            return "unconfirmed", cues
        if category == "pseudo":
            return cue_of(cues[0])["status"], cues
        if category == "spec":
            return "rumored", cues
        if category == "expect":
            return ("rumored" if rumor_source else "expected"), cues
        if category == "future":
            if rumor_source:
                return "rumored", cues
            # the makers' "will" is a statement; the article's own "will" is
            # one too, unless it stands in a speculative passage (decided
            # once every claim has its status)
            if source == AUTHORITY_MAKER:
                # "we are going to cut prices": what the makers intend is
                # their plan; their "will" is a statement
                if all(cue_of(c)["id"] in self.intentions for c in cues):
                    return "expected", cues
                return "confirmed", cues
            return "future", cues
        # "certain", or no cue: an analyst's estimate of the past is still an
        # estimate ("analysts estimate that the maker sold under two million handsets")
        frame_i = (claim_of(claim) or {}).get("frame")
        estimate = frame_i is not None and doc[frame_i].lemma_.lower() in self.belief_verbs
        if rumor_source and (estimate or not self._settled_past(head, attribution)):
            return "rumored", cues
        return "confirmed", cues

    @staticmethod
    def _settled_past(head: Token, attribution: dict[str, Any] | None) -> bool:
        """An analyst or fan stating what already happened ("shares fell 9%,
        an analyst said") reports a fact; only unnamed sources make even
        that a rumour, but for the holders of a post ("an aide said the
        talks have stalled"), who, as assessors, speak of what is or was."""
        attribution = attribution or {}
        if attribution.get("evidence"):
            return False  # "The listing priced the watch at €349": what the leak shows
        if attribution.get("kind") == KIND_UNNAMED and not attribution.get("assessor"):
            return False  # "people familiar with the talks said the deal was signed"
        # an infinitive or participle takes the time of the verb it hangs
        # on: "it took months for the grant to *reach* the schools"
        while head.tag_ in NON_FINITE_TAGS and head.dep_ in NON_FINITE_ATTACHMENT_DEPS and not any(
            c.dep_ == AUXILIARY_DEP and c.tag_ != INFINITIVE_MARKER_TAG for c in head.children
        ):
            head = head.head
        if attribution.get("assessor") and _no_forecast(head):
            return True  # "the shares are cheap, analyst Jane Roe said": an assessment of now
        auxiliaries = [c for c in head.children if c.dep_ == AUXILIARY_DEP]
        if head.tag_ == PAST_TAG and not auxiliaries:
            return True
        # "had resigned": the past perfect (a past-tense auxiliary alone on a
        # past participle, no modal, no "to") speaks of what had already
        # happened as plainly as the simple past does
        return head.tag_ == PAST_PARTICIPLE_TAG and len(auxiliaries) == 1 and auxiliaries[0].tag_ == _PAST_AUX_TAG

    def _reported(self, cue: Span, claim: Span, frame: Token | None) -> bool:
        """RETURNS (bool): whether a ``reported`` rule of ``scope.jsonl``
        finds the cue in a reported clause ("said that … *would* cease"), recording it."""
        walk = Walk(set(), cue, None, self.rules.get(cue_of(cue)["id"]), claim, frame)
        for rule, test in self.reported:
            if test(cue.root, walk):
                record_rule(cue.doc, rule.id, cue.start_char, cue.end_char)
                return True
        return False

    @staticmethod
    def _question(claim: Span) -> bool:
        """RETURNS (bool): whether the claim's sentence is a question (its
        last word, closing quotes aside, ends in "?"). Walks to the sentence
        end from the claim, not ``claim.sent``, which walks the whole Doc. A
        clause a wh-question sets off (``told`` by the segmenter: "Why did the
        mayor, who signed the deal, wait?") tells, it does not ask."""
        if (claim_of(claim) or {}).get("told"):
            return False
        doc = claim.doc
        texts, spaces, sent_end = _token_columns(doc)
        i = claim.end - 1
        while i + 1 < len(doc) and not sent_end[i]:
            # a quoted question the sentence goes on after ("“Who pays for
            # it?” the mayor asked."): the claim's own clause ends on its "?"
            if i >= claim.end and texts[i] in _CLAUSE_ENDS:
                return texts[i] == "?" and not _put_before_question(claim, i)
            i += 1
        while i > claim.start and (spaces[i] or not texts[i].rstrip('"”’\'')):
            i -= 1
        return texts[i].rstrip('"”’\'').endswith("?") and not _put_before_question(claim, i)

    def _conditional_or_question(self, claim: Span, head: Token) -> bool:
        """A question, or a clause that the pattern of the ``condition``
        category (``scope.jsonl``) finds conditioned: an "if" clause, or a
        clause an "if" clause conditions."""
        if CueTagger._question(claim):
            return True
        return self.condition is not None and self.condition(head, Walk({head.i}, None, None, None, claim))


#: what may stand between a statement and the question after it: a coordinator, an adverb ("so", "then")
_QUESTION_LEAD_POS = frozenset({COORDINATOR_POS, ADVERB_POS})


def _put_before_question(claim: Span, mark: int) -> bool:
    """RETURNS (bool): whether a claim whose sentence ends in a question mark
    (at token ``mark``) is a statement the sentence puts forward before it
    goes on to ask: after the claim come punctuation (a comma, a colon, a
    dash, quote marks), a coordinator or an adverb if any, and then a clause
    that opens as a question does, on a wh-word or an auxiliary ("Fares rose
    again, so *why* not cut them?", "The town is broke, but *does* the council care?",
    "… ranged from polite to hostile: “*Is* it time to go?”"). A claim that
    opens so itself asks ("*Will* the tour go ahead, or is it off?"); one
    with the question inside it asks with it."""
    doc = claim.doc
    opener = claim[0]
    if opener.tag_ in WH_TAGS or opener.pos_ == AUXILIARY_POS:
        return False
    set_off = False
    for i in range(claim.end, mark):
        token = doc[i]
        if token.is_punct or token.is_space:
            set_off = True
            continue
        if token.pos_ in _QUESTION_LEAD_POS or token.dep_ == COORDINATION_DEP:
            continue  # "and", "but", "so", "then"
        return set_off and (token.tag_ in WH_TAGS or token.pos_ == AUXILIARY_POS)
    return False


def _frame_cues_first(clause: Token, cues: list[Span]) -> list[Span]:
    """RETURNS (list[Span]): the cues that decide a claim whose verb keeps
    its "that" clause (``complement`` in the claim's info, set by
    :func:`claimx.claims.segment.kept_complement`): the frame's own cues,
    those outside the clause, when it has one ("It is *no secret* that the
    club wants a stadium": the frame vouches for the clause, so its cue
    sets the status, not the clause's "wants"); else the clause's cues."""
    first, last = clause.left_edge.i, clause.right_edge.i
    own = [c for c in cues if not first <= c.start <= last]
    return own if any(cue_of(c)["category"] != "ignore" for c in own) else cues


#: the marks that end a clause inside a sentence: the first after a claim says whether it asks
_CLAUSE_ENDS = frozenset({"?", ".", "!"})
#: where a Doc keeps its columns for :func:`_token_columns` (``doc.user_data``, as the other components' caches)
_COLUMNS_KEY = "claimx_cue_columns"


def _token_columns(doc: Doc) -> tuple[list[str], list[bool], list[bool]]:
    """RETURNS: each token's text, whether it is a space, whether it ends its
    sentence (``Token.is_sent_end``), read once per Doc as columns (a claim's
    walk to its sentence's end made a ``Token`` at every step)."""
    cached = doc.user_data.get(_COLUMNS_KEY)
    if cached is not None:
        return cached
    columns = doc.to_array([ORTH, IS_SPACE, SENT_START]).tolist()
    strings = doc.vocab.strings
    texts = [strings[orth] for orth, _, _ in columns]
    spaces = [bool(space) for _, space, _ in columns]
    # a token ends its sentence when it is the last or the next one starts one
    sent_end = [start == 1 for _, _, start in columns[1:]] + [True]
    doc.user_data[_COLUMNS_KEY] = (texts, spaces, sent_end)
    return texts, spaces, sent_end

#: the tag of a past-tense auxiliary that is not a modal ("had")
_PAST_AUX_TAG = PAST_TAG


def _result_participle(head: Token) -> bool:
    """RETURNS (bool): whether a claim's predicate is a participle set off
    after the clause it hangs on, with no subject, auxiliary or subordinator
    of its own, that says what the clause brings about: "…, making the jet
    worth $140bn", "…, causing prices to fall". What a hedged event would
    bring about is hedged as much as the event."""
    if head.dep_ != ADVERBIAL_CLAUSE_DEP or head.tag_ != GERUND_TAG or head.i <= head.head.i:
        return False
    if any(c.dep_ in _OWN_CLAUSE_DEPS for c in head.children):
        return False
    first = head.left_edge
    return first.i > 0 and head.doc[first.i - 1].text == ","


#: the dependents that give a participle a clause of its own (a subject, an auxiliary, a subordinator)
_OWN_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark"})


def _no_forecast(head: Token) -> bool:
    """RETURNS (bool): whether a predicate speaks of what is or was: a
    present or past verb, the present progressive, or "be"/"have" before a
    past participle ("is cheap", "are getting calls", "has stalled", "were
    upgraded"), with no modal and no verb after it that looks ahead ("looks
    to shed", "continue to see")."""
    if any(c.dep_ == OPEN_COMPLEMENT_DEP for c in head.children):
        return False
    auxiliaries = [c for c in head.children if c.dep_ in AUXILIARY_DEPS]
    if any(a.tag_ in _FORECAST_AUX_TAGS for a in auxiliaries):
        return False  # "will rise", "could rise", "to rise"
    if head.tag_ in PRESENT_TAGS or head.tag_ == PAST_TAG:
        return True
    if head.tag_ == GERUND_TAG:
        return any(a.tag_ in PRESENT_TAGS for a in auxiliaries)  # "are getting", not "were getting"
    return bool(auxiliaries) and head.tag_ == PAST_PARTICIPLE_TAG


#: the auxiliaries of a predicate that looks ahead: a modal ("will", "could"), "to"
_FORECAST_AUX_TAGS = frozenset({"MD", INFINITIVE_MARKER_TAG})


def _speculative(info: dict[str, Any]) -> bool:
    """RETURNS (bool): whether a decided claim is speculation or an open
    question: rumored, or unconfirmed by an ``unknown`` cue (not by a
    negated verb of telling, whose cue is a negation)."""
    status = info.get("status")
    if status == "rumored":
        return True
    return status == "unconfirmed" and any(c.get("status") == "unconfirmed" for c in info.get("cues", []))


@Language.factory(
    "claimx_cues",
    assigns=["doc.spans", "span._.cue", "span._.claim_status", "span._.claim_cues"],
    requires=[
        "span._.claim_head", "span._.claim_frame", "span._.claim_attribution", "span._.timex",
        "token.lemma", "token.tag", "token.dep",
    ],
    default_config={"spans_key": CLAIMS_KEY, "rules_dir": None},
)
def make_cues(nlp: Language, name: str, spans_key: str, rules_dir: str | None) -> CueTagger:
    """Build the cue tagger (see :class:`CueTagger`)."""
    return CueTagger(nlp, rules_dir=Path(rules_dir) if rules_dir else None, spans_key=spans_key, load=False)
