""":mod:`claimx.claims.segment`: clause-level claim segmentation from the parse.

One claim per predicate:

- every clause head (the sentence root, and verbs attached as ``conj``,
  ``ccomp``, ``advcl``, ``relcl`` or ``parataxis``) starts a claim;
- coordinated predicates are split, each keeping its own words only;
- a reporting verb ("said", "told", "noted", from the ``report_verb`` rules of
  ``models/en/attribution.jsonl``) is not a claim of its own: the clause it
  governs is. When the reporter comes first ("Kuo says the phone will…") the
  claim's evidence starts at the reporter; when it trails (", X said") the
  claim is the reported clause alone, and a trailing reporter with a date of
  its own (", X said on Monday", a ``dated_report`` decision rule) is a
  claim of its own besides, the report made that day;
- a list of "Person as Role" items sharing one predicate (a cast list) is one
  claim per person.

The English words these decisions test (linking verbs, participles of
sources, questions and reports) are the ``segmentation.jsonl`` rules of the
pack; the Python names only dependency labels, tags and function words
(subordinators, relative pronouns, forms of "be").

Each claim becomes a span in ``doc.spans["claims"]`` with ``span._.claim``
holding ``{"head": <predicate token index>, "frame": <reporting verb index or
None>, ...}`` (``"complement"``: the "that" clause a verb keeps in its claim,
:func:`kept_complement`); later components fill in status, attribution,
subject and topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..errors import RulePackError
from ..rules import (
    SEGMENT_ROLES,
    SegmentRule,
    afterthought_adverbs,
    default_rules_dir,
    load_attribution_rules,
    load_cue_rules,
    load_jsonl,
    load_nonclaim_phrases,
    rule_ids,
    rule_lines,
)
from .component import RulePackComponent
from .extensions import CLAIMS_KEY, DATES_KEY, claim_of, record_rule, records_rules, register_extensions, set_claim
from .scope import Test, Walk, compile_pattern
from .sentences import doc_quotations, doc_text, doc_tokens, is_dateline, load_datelines, span_text, span_tokens
from .tree import (
    ACTIVE_SUBJECT_DEP,
    ADVERBIAL_CLAUSE_DEP,
    APPOSITION_DEP,
    ATTACHED_CLAUSE_DEPS,
    AUXILIARY_DEPS,
    BASE_FORM_TAG,
    BE,
    BEYOND_GAP_DEPS,
    CLAUSAL_MODIFIER_DEPS,
    CLAUSE_DEPS,
    COMPLEMENT_DEP,
    CONJUNCT_DEP,
    CONNECTIVE_DEPS,
    COORDINATOR_POS,
    COPULA_COMPLEMENT_DEPS,
    FINITE_AUXILIARY_TAGS,
    FUNCTION_WORD_POS,
    MARKER_DEP,
    NEGATION_DEP,
    NOMINAL_SUBJECT_DEPS,
    NON_FINITE_TAGS,
    NUMERIC_LABELS,
    PARTICIPLE_TAGS,
    PASSIVE_CONJUNCTION_NEGATION_DEPS,
    PREPOSITION_DEP,
    PRONOUN_ONE,
    RELATIVE_CLAUSE_DEP,
    REPORTED_CLAUSE_DEPS,
    SIDE_CLAUSE_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    copula_lemma,
    finite,
)

register_extensions()

#: ``attribution.jsonl`` kinds whose words name a source, a statement or a
#: finding: what "citing …" may cite without stating a matter of its own
SOURCE_KINDS = (
    "person_role", "official_role", "unnamed_head", "rumor_source", "public_head",
    "finding_noun", "evidence_noun", "statement_noun", "unnamed_modifier",
)

#: ``nonclaims.jsonl`` kinds whose words the decision rules may test as lexicons
#: (a verdict's evaluative words, opinion verbs and measurable superlatives)
NONCLAIM_LEXICONS = ("evaluative", "opinion_verb", "measurable", "performative", "aside")

#: Tokens trimmed from the edges of a claim.
EDGE_DEPS = frozenset({"cc", "mark", "punct", "prep_trail"})
EDGE_POS = frozenset({"PUNCT", "CCONJ", "SPACE"})


#: a gate: what it reads of a token, the values that may pass, and the attribute it reads
#: (an id, ``"dep"``, ``"tag"``..., or a string lower-cased, ``"lemma_.lower"``; ``"dep"``
#: lets a caller that read the token's dependency once hand it over)
Gate = tuple[Callable[[Token], Any], frozenset[Any], str]
#: several roles' gates merged by attribute (:meth:`SegmentWords.gate_union`): ``(getter, values)`` each
GateUnion = tuple[tuple[Callable[[Token], Any], frozenset[Any]], ...]


def passes_union(union: GateUnion | None, token: Token) -> bool:
    """RETURNS (bool): whether ``token`` may pass a gate of ``union`` (always, for None)."""
    if union is None:
        return True
    for get, values in union:
        if get(token) in values:
            return True
    return False


@dataclass
class SegmentWords:
    """The segmentation pack: its words by kind (with the rule behind each)
    and its ``decision`` rules by role, the engine that matches them
    (:meth:`match`, :meth:`note`, :meth:`is_`).

    ``fire`` records in ``doc._.rules_fired`` the rule of a word that took part
    in a decision, once per word: while the component segments a Doc
    (``begin``/``end``), the entries it recorded are kept in a set, state of
    the component for that one call, so that a long Doc's checks stay constant time.
    """

    linking: frozenset[str] = frozenset()
    causative: frozenset[str] = frozenset()
    circumstance_prepositions: frozenset[str] = frozenset()
    additive_prepositions: frozenset[str] = frozenset()
    figure_nouns: frozenset[str] = frozenset()
    ids: dict[tuple[str, str], str] = field(default_factory=dict)
    #: role -> the ``decision`` rules that find it, with their compiled patterns
    roles: dict[str, list[tuple[SegmentRule, Test]]] = field(default_factory=dict)
    #: decision rule id -> the word kind its ``LEMMA`` tests (that word's rule is recorded with it)
    word_kinds: dict[str, str] = field(default_factory=dict)
    #: role -> (attribute, values): a test every rule of the role makes at its top
    #: level (``DEP``, ``TAG``, ``POS``, ``LEMMA`` or ``LOWER``), asked first so that most tokens are passed over cheaply
    gates: dict[str, Gate] = field(default_factory=dict)
    #: role -> the same for the token's ``HEAD``, asked of a head before its children are tried (:meth:`child`)
    head_gates: dict[str, Gate] = field(default_factory=dict)
    #: the Doc being segmented and the entries of its ``rules_fired``, while ``begin`` holds
    _seen: tuple[Doc, set[tuple[str, int, int]]] | None = field(default=None, repr=False, compare=False)
    #: :meth:`gate_union` of each list of roles asked
    _unions: dict[tuple[tuple[str, str], ...], GateUnion | None] = field(default_factory=dict, repr=False, compare=False)

    def gate_union(self, roles: tuple[tuple[str, str], ...]) -> GateUnion | None:
        """RETURNS (GateUnion | None): the gates of ``roles`` (each ``("token", role)``, a
        role's :attr:`gates`, or ``("head", role)``, its :attr:`head_gates`) merged by the
        attribute they read: ``(getter, values)`` pairs such that a token for which no getter
        gives one of its values passes the gate of none of them (so no rule of those roles
        is tried, nor recorded). None when one of the roles has no gate: any token may pass."""
        if roles in self._unions:
            return self._unions[roles]
        merged: dict[str, tuple[Callable[[Token], Any], set[Any]]] = {}
        union: GateUnion | None = None
        for where, role in roles:
            gate = (self.gates if where == "token" else self.head_gates).get(role)
            if gate is None:
                break
            merged.setdefault(gate[2], (gate[0], set()))[1].update(gate[1])
        else:
            union = tuple((get, frozenset(values)) for get, values in merged.values())
        self._unions[roles] = union
        return union

    def begin(self, doc: Doc) -> None:
        """Start segmenting ``doc``: its recorded rules are indexed for ``fire``."""
        self._seen = (doc, set(doc._.rules_fired or []))

    def end(self) -> None:
        """Release the Doc ``begin`` indexed."""
        self._seen = None

    def fire(self, kind: str, token: Token) -> None:
        rule_id = self.ids.get((kind, token.lemma_.lower()))
        if rule_id is None:
            return
        self.record(rule_id, token)

    def match(
        self,
        role: str,
        token: Token,
        came_from: Token | None = None,
        claim: Span | None = None,
        dep: int | None = None,
    ) -> SegmentRule | None:
        """RETURNS (SegmentRule | None): the first ``decision`` rule of ``role``
        whose pattern matches ``token``, not recorded (see :meth:`note`);
        ``came_from`` is the token a ``BEFORE_FROM`` or ``FROM`` test compares
        it with (what a reporter reports), ``claim`` the clause an ``IN_CLAIM``
        test asks about; ``dep``, the token's dependency id (``token.dep``) if the caller read it."""
        gate = self.gates.get(role)
        if gate is not None and (dep if dep is not None and gate[2] == "dep" else gate[0](token)) not in gate[1]:
            return None
        return self._first(role, token, came_from, claim)

    def _first(
        self, role: str, token: Token, came_from: Token | None = None, claim: Span | None = None
    ) -> SegmentRule | None:
        """RETURNS (SegmentRule | None): the first rule of ``role`` that matches ``token``, its gate passed."""
        found = self.roles.get(role)
        if not found:
            return None
        walk = Walk({token.i}, None, came_from, claim=claim)
        for rule, test in found:
            if test(token, walk):
                return rule
        return None

    def child(self, role: str, token: Token) -> Token | None:
        """RETURNS (Token | None): the first child of ``token`` that a ``decision``
        rule of ``role`` matches (recording it), or None."""
        gate = self.head_gates.get(role)
        if gate is not None and gate[0](token) not in gate[1]:
            return None
        for child in token.children:
            if self.is_(role, child):
                return child
        return None

    def note(self, rule: SegmentRule, token: Token) -> None:
        """Record that the ``decision`` rule ``rule`` decided at ``token``, and the word rule its lemma test used."""
        self.record(rule.id, token)
        kind = self.word_kinds.get(rule.id)
        if kind is not None:
            self.fire(kind, token)

    def is_(self, role: str, token: Token, dep: int | None = None) -> bool:
        """RETURNS (bool): whether a ``decision`` rule of ``role`` matches ``token`` (recording it);
        ``dep``: the token's dependency id (``token.dep``), if the caller read it."""
        gate = self.gates.get(role)  # (inlined: asked for every token of every sentence)
        if gate is not None and (dep if dep is not None and gate[2] == "dep" else gate[0](token)) not in gate[1]:
            return False  # the common case, passed over before the rules are tried
        rule = self._first(role, token)
        if rule is None:
            return False
        self.note(rule, token)
        return True

    def record(self, rule_id: str, token: Token) -> None:
        """Record that ``rule_id`` decided at ``token``, unless it is recorded there already."""
        doc = token.doc
        if not records_rules(doc):
            return
        entry = (rule_id, token.idx, token.idx + len(token.text))
        if self._seen is not None and self._seen[0] is doc:
            seen = self._seen[1]
            if entry in seen:
                return
            seen.add(entry)
        elif entry in (doc._.rules_fired or []):
            return
        record_rule(doc, *entry)


#: an empty pack's words: the default of the helpers below (no word decides, none is recorded)
NO_WORDS = SegmentWords()


def load_segment_words(rules_dir: Path | None = None) -> SegmentWords:
    """RETURNS (SegmentWords): the lemmas of ``segmentation.jsonl`` by kind (first rule wins for ids)
    and its ``decision`` rules by role, their patterns compiled with the word
    kinds of ``segmentation.jsonl`` and ``attribution.jsonl`` as lexicons.

    RAISES (RulePackError): a pattern that does not compile, or a role no rule
        serves, naming the file, the line and the rule.
    """
    path = Path(rules_dir or default_rules_dir()) / "segmentation.jsonl"
    rules = load_jsonl(path, SegmentRule)
    sets: dict[str, set[str]] = {}
    ids: dict[tuple[str, str], str] = {}
    for rule in rules:
        if rule.lemma is None:
            continue
        sets.setdefault(rule.kind, set()).add(rule.lemma.lower())
        ids.setdefault((rule.kind, rule.lemma.lower()), rule.id)
    attribution = load_attribution_rules(rules_dir)
    lexicons = {
        **attribution,
        **{kind: frozenset(load_nonclaim_phrases(rules_dir, kind)) for kind in NONCLAIM_LEXICONS},
        "imperative_cue": imperative_cues(rules_dir),
        "afterthought": afterthought_adverbs(rules_dir),
        # what a reporting participle may cite as its source rather than as a matter of its own
        "source_word": frozenset().union(*(attribution.get(kind, frozenset()) for kind in SOURCE_KINDS)),
        **{kind: frozenset(words) for kind, words in sets.items()},
    }
    lines = rule_lines(path)
    roles: dict[str, list[tuple[SegmentRule, Test]]] = {role: [] for role in SEGMENT_ROLES}
    word_kinds: dict[str, str] = {}
    for rule in rules:
        if rule.role is None or rule.pattern is None:
            continue
        where = f"{path}:{lines.get(rule.id, 0)}: rule {rule.id!r}"
        roles[rule.role].append((rule, compile_pattern(rule.pattern, lexicons, where)))
        lemma = rule.pattern.get("LEMMA")
        if isinstance(lemma, dict) and lemma.get("IN_LEXICON") in sets:
            word_kinds[rule.id] = lemma["IN_LEXICON"]
    missing = [role for role, found in roles.items() if not found]
    if missing:
        raise RulePackError(f"{path}: no decision rule for the role {', '.join(missing)}")
    gates = {role: gate for role, found in roles.items() if (gate := _gate([r.pattern or {} for r, _ in found], lexicons))}
    head_gates = {
        role: gate
        for role, found in roles.items()
        if (gate := _gate([(r.pattern or {}).get("HEAD") or {} for r, _ in found], lexicons))
    }
    return SegmentWords(
        linking=frozenset(sets.get("linking_verb", ())),
        causative=frozenset(sets.get("causative_verb", ())),
        circumstance_prepositions=frozenset(sets.get("circumstance_preposition", ())),
        additive_prepositions=frozenset(sets.get("additive_preposition", ())),
        figure_nouns=frozenset(sets.get("figure_noun", ())),
        ids=ids,
        roles=roles,
        word_kinds=word_kinds,
        gates=gates,
        head_gates=head_gates,
    )


#: token attributes a gate may test, by pattern key: the string, and the id spaCy keeps it by
_GATE_ATTRS = {
    "DEP": ("dep_", "dep"), "TAG": ("tag_", "tag"), "POS": ("pos_", "pos"), "LEMMA": ("lemma_", "lemma"),
    "LOWER": ("lower_", "lower"),
}

def _gate(patterns: list[dict[str, Any]], lexicons: Mapping[str, frozenset[str]]) -> Gate | None:
    """RETURNS (Gate | None): an attribute that every one of ``patterns``
    tests at its top level with a value, ``IN`` or ``IN_LEXICON`` (read
    lower-cased then, as the lexicon test does), and the values any of them
    allows (a token with another value matches none of them); None if there
    is no such attribute. A gate of values compares ids (the values made ids once, as
    :mod:`claimx.claims.scope` does), a lexicon's gate the attribute's text lower-cased."""
    for key, (attr, id_attr) in _GATE_ATTRS.items():
        values: set[str] = set()
        lowered = False
        for pattern in patterns:
            test = pattern.get(key)
            if isinstance(test, str):
                values.add(test)
            elif isinstance(test, dict) and set(test) == {"IN"}:
                values.update(test["IN"])
            elif isinstance(test, dict) and set(test) == {"IN_LEXICON"} and test["IN_LEXICON"] in lexicons:
                values.update(lexicons[test["IN_LEXICON"]])
                lowered = True
            else:
                break
        else:
            if not lowered:
                return attrgetter(id_attr), frozenset(get_string_id(v) for v in values), id_attr
            # a lexicon is matched lower-cased: so is the gate, and a plain value passes in either case
            get = attrgetter(attr)
            return (lambda t, get=get: get(t).lower()), frozenset(values | {v.lower() for v in values}), attr + ".lower"
    return None


def _boilerplate(lowered: str, phrases: tuple[str, ...]) -> bool:
    """RETURNS (bool): whether a claim's lowercased text ends in a boilerplate
    phrase ("a spokesperson declined to comment"). One that goes on says
    what was not told, and is a claim ("declined to comment on the filing")."""
    tail = lowered.rstrip(" .,;:!?\"'”’)")
    return any(tail.endswith(phrase) for phrase in phrases)


def _credit(lowered: str, phrases: tuple[str, ...]) -> tuple[str, int] | None:
    """RETURNS (tuple[str, int] | None): the credit phrase a sentence's lowercased
    text holds ("ann lee contributed reporting from lima"), as a whole word, and
    where it starts, if any: a credit line says who reported, researched, wrote
    or photographed the story, and is no claim wherever the phrase stands in it."""
    for phrase in phrases:
        k = lowered.find(phrase)
        while k >= 0:
            end = k + len(phrase)
            if (k == 0 or not lowered[k - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum()):
                return phrase, k
            k = lowered.find(phrase, k + 1)
    return None


def statement_frame(span: Span, head: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a clause is only the frame of a report whose
    content was split off as a claim of its own: a verb whose object is a
    statement, letter or message (a ``statement_object`` decision rule), and
    a reporting participle on either with none of what it reports in the
    clause (``statement_report``) ("The union issued a statement saying |
    the closures were a betrayal", "Her office released a letter on Friday |
    saying …"). It says no more than "X said" does."""
    statement = next((c for c in head.children if words.match("statement_object", c) is not None), None)
    if statement is None:
        return False
    for part in (*statement.children, *head.children):
        rule = words.match("statement_report", part, claim=span)
        if rule is None:
            continue
        # a clause with news of its own besides ("X, who received threats, provided a statement …") stays
        if _news_besides(span, (head.i, part.i), words):
            return False
        words.note(rule, part)
        words.is_("statement_object", statement)
        return True
    return False


#: what a verb that ends its clause may govern outside it, the content of a split-off claim
_STUB_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "attr", "acomp", "oprd"})


def _news_besides(span: Span, frame: tuple[int, ...], words: SegmentWords) -> bool:
    """RETURNS (bool): whether ``span`` has a verb besides the tokens of its
    ``frame`` (a ``news_verb`` decision rule, recorded there): news of its
    own, so the clause is more than a frame ("With the mayor weighing a
    run, a poll found | that …")."""
    for t in span_tokens(span):
        if t.i in frame:
            continue
        rule = words.match("news_verb", t)
        if rule is not None:
            words.note(rule, t)
            return True
    return False


def split_stub(span: Span, head: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a clause is only the stub of a frame whose
    content was split off into the clause right after it: its predicate (or
    the gerund it governs, a ``stub_gerund`` decision rule: "means
    *admitting*") is its last word, and that verb's complement starts where
    the clause stops ("It means acknowledging | that the plan failed", "The
    paper reports: | …", "we would prefer | that markets decide"). A verb
    cut from what it takes asserts nothing a reader could check; what it
    frames is the claim."""
    tokens = [t for t in span_tokens(span) if not t.is_punct and not t.is_space]
    if not tokens:
        return False
    last = tokens[-1]
    if last.pos_ not in VERB_POS:
        return False
    gerund = None
    if last.i != head.i:
        gerund = words.match("stub_gerund", last) if last.head.i == head.i else None
        if gerund is None:
            return False  # "refused to admit | that …", "has yet to confirm | that …": the infinitive's frame says how sure, and stays
    for complement in last.children:
        if complement.dep_ not in _STUB_COMPLEMENTS or complement.left_edge.i < span.end:
            continue
        between = span.doc[span.end : complement.left_edge.i]
        # a comma, a colon or a quote mark leads into the content; a semicolon or a dash
        # sets an independent clause apart ("Prices fell; the index closed lower")
        if len(between) <= 3 and all(t.is_space or t.is_quote or t.text in (",", ":") for t in between):
            break
    else:
        return False
    # (asked last, so that it is recorded only where it keeps a frame that would be a stub)
    if _news_besides(span, (head.i, last.i), words):
        return False  # "With the mayor considering a run, a poll found | that …": news of its own besides
    if gerund is not None:
        words.note(gerund, last)
    return True


def addressee_question(span: Span, head: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a clause asks the one it addresses about
    themselves: its sentence ends in a question mark, its subject is "you"
    (an ``addressee`` decision rule), and no clause in it says what might be
    so (``question_content``) ("Do you back the plan?", "If the vote were
    today, would you still choose him?"). It asks for a stance and floats
    nothing about the world; a question on a proposition ("Do you think the
    plan will pass?") floats that proposition, and stays."""
    words_of = [t for t in span_tokens(span.sent) if not t.is_space and not t.is_quote]
    if not words_of or words_of[-1].text != "?":
        return False
    subject = next((c for c in head.children if words.match("addressee", c) is not None), None)
    if subject is None:
        return False
    # the clause itself asks: "would you …" inverted, or the question mark right after it
    # ("You backed the budget?"), not a statement before a question ("You voted for it; will you again?")
    after = next((t for t in span.doc[span.end :] if not t.is_space and not t.is_quote), None)
    inverted = any(c.dep_ in AUXILIARY_DEPS and c.i < subject.i for c in head.children)
    if not inverted and (after is None or after.text != "?"):
        return False
    for t in span_tokens(span):
        content = words.match("question_content", t)
        if content is not None:
            words.note(content, t)
            return False
    words.is_("addressee", subject)
    return True


#: the tags of a word that opens a question on what, who, where, why or how
WH_TAGS = frozenset({"WRB", "WP", "WDT", "WP$"})


def _asks(tokens: list[Token], words: SegmentWords) -> list[tuple[SegmentRule, Token]] | None:
    """RETURNS (list | None): the words that make ``tokens`` (quote marks left
    out) a question on what, who, when or why, with the rules that read
    them: a question mark last and a wh-word first (a
    ``quoted_question_word`` decision rule), after conjunctions, adverbs and
    interjections (``quoted_question_lead``) ("Why would we?", "So who pays
    for it?"); None if they are none. A yes/no question may float a rumour;
    this one asks."""
    tokens = [t for t in tokens if not t.is_space and not t.is_quote and t.text != ","]
    if len(tokens) < 2 or tokens[-1].text != "?":
        return None
    read: list[tuple[SegmentRule, Token]] = []
    k = 0
    while k < len(tokens) - 1 and (lead := words.match("quoted_question_lead", tokens[k])) is not None:
        read.append((lead, tokens[k]))
        k += 1
    word = words.match("quoted_question_word", tokens[k])
    if word is None:
        return None
    return [*read, (word, tokens[k])]


def quoted_question(sent: Span, report_verbs: frozenset[str], words: SegmentWords) -> bool:
    """RETURNS (bool): whether a sentence is a quoted question on what, who,
    when or why and the reporter that says who asked it, nothing else
    ("'Why now?' asked the senator.", "'Who pays for it?,' she said,
    according to the paper."): it asks, as the bare question does, and the
    reporter only says who did. The quote may open in a sentence before
    ("'… The figures keep changing. Where will it end?,' the auditor said.")."""
    tokens = [t for t in span_tokens(sent) if not t.is_space]
    mark = next((k for k, t in enumerate(tokens) if t.text == "?"), None)
    if mark is None or mark < 2 or any(t.is_quote for t in tokens[1:mark]):
        return False  # the question is the quote's last sentence, or all of it
    k = mark + 1
    while k < len(tokens) and tokens[k].text == ",":
        k += 1
    if k >= len(tokens) or not tokens[k].is_quote:
        return False
    asked = _asks(tokens[: k + 1], words)
    if asked is None:
        return False
    rest = tokens[k + 1 :]
    root = sent.root
    if root not in rest or root.lemma_.lower() not in report_verbs:
        return False
    # nothing reported or done after the quote but the telling: "…,' she said, adding that …" has news of its own
    if any(t.i != root.i and t.pos_ in VERB_POS and t.dep_ in CLAUSE_DEPS for t in rest):
        return False
    for rule, token in asked:
        words.note(rule, token)
    return True


def reporter_of_no_claim(span: Span, head: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a clause only says who spoke the quote just
    before it, a quote that is no claim of its own or a sentence of its
    own: a reporting verb with its subject first in the clause, negated or
    passive neither, nothing reported or done after it (a ``quote_reporter``
    decision rule), that starts right after a closing quote mark. Its quote
    is an instruction the parser left outside the clause ("'Let's wait and
    see,' the director said in a post") or a sentence before it ("'Is this
    the same council?' | the paper asks."). It is the trailing ", X said"
    of that quote (:func:`trailing_reporter`) the parser cut off:
    attribution, no claim."""
    rule = words.match("quote_reporter", head, claim=span)
    if rule is None:
        return False
    doc = span.doc
    k = span.start - 1
    while k >= 0 and (doc[k].is_space or doc[k].text == ","):
        if "\n" in doc[k].text:
            return False  # a paragraph of its own opens with what it says
        k -= 1
    if k < 1 or not doc[k].is_quote or doc[k].text in ("“", "‘"):
        return False
    # the mark closes a quote: a word or a stop, not a space, before it
    if doc[k - 1].is_space or doc[k - 1].is_quote:
        return False
    words.note(rule, head)
    return True


def quote_lead(span: Span, head: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a clause only says who speaks the quotation
    right after it: a reporting verb with its subject first and nothing
    reported or done in the clause (a ``quote_lead`` decision rule: "The
    mayor said in a statement: | '…'", "She went on to say, | '…'"), no
    date in it, and a quotation opening after it, past a comma, a colon, a
    full stop or a line break. What the quote says is the claim, and the
    clause its attribution; a dated one (", the mayor said on Monday: …") is
    news of its own, a report made that day, and stays."""
    rule = words.match("quote_lead", head, claim=span)
    if rule is None:
        return False
    doc = span.doc
    if any(d.start < span.end and span.start < d.end for d in doc.spans.get(DATES_KEY, [])):
        return False
    k = span.end
    while k < len(doc) and (doc[k].is_space or (doc[k].is_punct and not doc[k].is_quote and doc[k].text in _LEAD_MARKS)):
        k += 1
    if k >= len(doc) or not (doc[k].is_quote and doc[k].text not in _CLOSING_QUOTES):
        return False
    words.note(rule, head)
    return True


#: what may stand between a quotation's reporter and the quote it leads into
_LEAD_MARKS = frozenset({",", ":", "."})

#: the quote marks that only close a quotation
_CLOSING_QUOTES = frozenset({"”", "’"})


def performative(head: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a clause performs the act its verb names,
    addressed to the listener, and so claims nothing (a ``performative_act``
    decision rule, the ``performative`` verbs of ``nonclaims.jsonl`` its
    lexicon): a verb in the simple present, "I" or "we" its subject, "you"
    its object ("I ask you to stay off the floor", "We thank you all for
    your years of work", "I appeal to you to vote"). Saying it is the asking
    or the thanking; what someone else asked ("She asked them to leave") is
    a reported event, and "I did ask you" a statement about the act."""
    return words.is_("performative_act", head)


def aside(head: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a clause only turns to the listener (a
    ``listener_aside`` decision rule, the ``aside`` verbs of
    ``nonclaims.jsonl`` its lexicon): "you" its subject, a modal, and no
    object or content of its own ("as you can imagine", "You may not agree
    with the fare rise", "as you might guess"). It grants or invites a
    thought, and claims nothing; "You can see the damage from the road" has
    an object, and stays."""
    return words.is_("listener_aside", head)


#: the marks that set a phrase off from the words before it
SET_OFF = frozenset({",", "(", "—", "–", "-"})

#: the tags of a finite verb, which gives a clause a claim of its own
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def addition(span: Span, phrases: tuple[str, ...]) -> tuple[str, int] | None:
    """RETURNS (tuple[str, int] | None): the phrase of ``phrases`` that opens a
    clause with no finite verb after it, and where it starts in the text:
    such a clause only adds a stronger or further case to the clause before
    it ("no one read the memo, let alone the archive", "Not to mention the
    fines."), with no predicate of its own, and is no claim. One with a verb
    of its own ("not to mention that the fines were doubled") says more."""
    lowered = span_text(span).lower()
    k = len(lowered) - len(lowered.lstrip(" \"'“‘(—–-,"))
    for phrase in phrases:
        end = k + len(phrase)
        if not lowered.startswith(phrase, k) or (end < len(lowered) and lowered[end].isalnum()):
            continue
        rest = [t for t in span_tokens(span) if t.idx >= span.start_char + end]
        if not any(t.tag_ in FINITE_TAGS for t in rest):
            return phrase, span.start_char + k
    return None


def _measure(token: Token) -> bool:
    """RETURNS (bool): whether a token is part of a figure or a dated period ("2026", "38%"), not "one of" or "the decade"."""
    if token.ent_type_ not in NUMERIC_LABELS:  # "the biggest tour of 2026": a superlative with a figure is a fact
        return False
    if token.ent_type_ == "ORDINAL":
        return any(ch.isdigit() for ch in token.text)  # "3rd", not "the first film"
    if token.ent_type_ in ("DATE", "CARDINAL"):
        return token.like_num and token.lower_ != PRONOUN_ONE
    return True


def _reported_verdict(span: Span, head: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a clause is a verdict the article reports as a
    named source's, in its own words, not quoted: its predicate is what a
    verb of saying in the claim reports, and that verb has a noun or a name
    as its subject (a ``reported_verdict`` decision rule: "The ministry
    *says* the delay would be a terrible blow"). That the source said so is
    a claim a reader can check; the speaker's own words in quotation marks
    ("'It is a terrible blow,' she said") are the verdict."""
    rule = words.match("reported_verdict", head, claim=span)
    if rule is None:
        return False
    if any(start <= head.idx < end for start, end in doc_quotations(span.doc)):
        return False
    words.note(rule, head)
    return True


def is_opinion(span: Span, head: Token, words: SegmentWords = NO_WORDS) -> bool:
    """RETURNS (bool): whether a clause is pure opinion or praise, which the
    guide does not count as a claim: a copula whose complement is a
    superlative or an evaluative adjective ("It remains one of the finest
    games of the decade", "It is a sensible piece of legislation"), or an
    opinion verb ("it deserves to work"); unless figures or dates make it a
    measurable fact ("one of the biggest tours of 2026"). The words and the
    shapes of a verdict are the ``opinion_predicate``, ``stance_adverb``,
    ``verdict_participle``, ``forecast_linking``, ``verdict_complement`` and
    ``verdict`` decision rules, with the ``evaluative``, ``opinion_verb`` and
    ``measurable`` words of ``nonclaims.jsonl`` as their lexicons; a verdict
    a named source is reported to have given (``reported_verdict``) is a
    claim that the source gave it."""
    if any(_measure(t) for t in span_tokens(span)):
        return False
    # "The ministry says the delay would be a terrible blow": what a named source said, a claim
    return _verdict(span, head, words) and not _reported_verdict(span, head, words)


def _verdict(span: Span, head: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a clause's predicate is a verdict (see :func:`is_opinion`)."""
    if words.is_("opinion_predicate", head):
        return True  # "it deserves to work", "I love it"; not the wish of "would like to expand", nor "voters love him"
    if words.child("stance_adverb", head) is not None:
        return True  # "Honestly, a bigger battery is …", "It is, frankly, the best …": a stance adverb marks a verdict
    if words.is_("verdict_participle", head):
        return True  # "It is simply breathtaking", parsed as a progressive: a verdict
    lemma = copula_lemma(head)
    making = lemma in words.causative  # "fan support makes it one of the most awaited sequels"
    if lemma not in words.linking and not making:
        return False
    kind = "causative_verb" if making else "linking_verb"
    if words.is_("forecast_linking", head):
        return False  # "expects the album to be her best seller": a forecast, not a verdict ("has been" is one)
    for complement in head.children:
        said = words.match("verdict_complement", complement)
        if said is None:
            continue
        for t in complement.subtree:
            # a superlative, an evaluative word, an opinion verb's relative
            # clause ("Tiago is a player we like"); not a measurable word, a
            # bound ("at least") or a count ("in most cases")
            rule = words.match("verdict", t)
            if rule is not None:
                words.note(rule, t)
                words.note(said, complement)
                words.fire(kind, head)
                return True
    return False


def _label(token: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a sentence's root is a label before a colon
    ("Update:", "Correction:"): a ``label`` decision rule matches it."""
    return words.is_("label", token)


def _pseudo_cleft(token: Token, heads: set[int], words: SegmentWords) -> bool:
    """RETURNS (bool): whether ``token`` is the copula of "What is certain is
    that X" (a ``pseudo_cleft`` decision rule) whose X is a claim of its own:
    the copula adds no claim."""
    rule = words.match("pseudo_cleft", token)
    if rule is None or not any(c.dep_ == COMPLEMENT_DEP and c.i in heads for c in token.children):
        return False
    words.note(rule, token)
    return True


def _is_predicate(token: Token) -> bool:
    if token.pos_ in VERB_POS:
        return True
    if token.pos_ in FUNCTION_WORD_POS:
        return False  # "Whatever the outcome, …"
    return any(child.dep_ in SUBJECT_DEPS for child in token.children)


#: the gates of the roles :func:`is_clause_head` asks before its test of the clause dependencies
_CLAUSE_HEAD_GATES = tuple(
    ("token", role)
    for role in (
        "label_clause", "misattached_report", "clause_acl", "source_note", "set_off_participle",
        "restrictive_participle", "set_off_adjective", "parenthetical_appositive", "speaker_appositive",
        "noun_predicate",
    )
)


def is_clause_head(
    token: Token, report_verbs: frozenset[str] | None = None, words: SegmentWords = NO_WORDS
) -> bool:
    """RETURNS (bool): whether ``token`` heads a clause that may be a claim.

    report_verbs (frozenset[str] | None): lemmas of reporting verbs, whose
        complement clauses are claims of their own.
    words (SegmentWords): the segmentation pack's words.
    """
    dep = token.dep_  # read once: every rule below is gated on it
    if dep == "ROOT":
        return not token.is_space and not token.is_punct and not _label(token, words)
    if dep not in CLAUSE_DEPS and not passes_union(words.gate_union(_CLAUSE_HEAD_GATES), token):
        return False  # most words: no rule below passes its gate, and the clause test fails
    dep_id = token.dep  # the rules' gates compare ids
    rule = words.match("label_clause", token, dep=dep_id)
    if rule is not None and _label(token.head, words):
        words.note(rule, token)
        return True  # "Update: Westbridge confirmed …", parsed as a clause on the label
    if (
        report_verbs is not None
        and words.is_("misattached_report", token, dep=dep_id)
        and getattr(_misattached_that_clause(token.head.head.head, words), "i", None) == token.i
    ):
        return True
    if words.is_("clause_acl", token, dep=dep_id):
        # a finite verb with its own subject and no "that" (which makes a
        # noun's content clause: "reports that X") is a clause of its own,
        # whatever noun the parser hung it on
        return True
    if words.is_("source_note", token, dep=dep_id):
        return False  # "a memo seen by a newspaper": where the source got it, no claim
    # "(tentatively titled …)", "…, located in Leeds", "…, followed by a tour"
    # (``set_off_participle``); right after its noun ("figures released by the
    # bureau", "according to figures released by NPD Group") it says which
    # one, as a restrictive relative clause does, and stays in its claim
    # (``restrictive_participle``)
    if words.is_("set_off_participle", token, dep=dep_id):
        return True
    if words.is_("restrictive_participle", token, dep=dep_id):
        return False
    if words.is_("set_off_adjective", token, dep=dep_id):
        return True
    if words.is_("parenthetical_appositive", token, dep=dep_id):
        return True  # "(working title Low Tide, filmed in Oslo)": a fact of its own
    if words.is_("speaker_appositive", token, dep=dep_id):
        return True  # '"…," said Ann Roe, a spokeswoman for the port': who the speaker is, the article's own fact
    rule = words.match("noun_predicate", token, dep=dep_id)
    if rule is not None and is_clause_head(token.head, report_verbs, words):
        # conjuncts share their kind, so a noun coordinated with a verb is a
        # predicate the tagger read as a noun (issue 12: robust to the parser)
        words.note(rule, token)
        return True
    if token.dep_ not in CLAUSE_DEPS or not _is_predicate(token):
        return False
    if token.dep_ == RELATIVE_CLAUSE_DEP:
        if getattr(summary_appositive(token.head, words), "i", None) == token.i and token.doc[token.left_edge.i - 1].text not in SET_OFF:
            return False  # "…, a firm that builds motors": the clause heads its appositive's claim
        return _non_restrictive(token, words)
    if token.dep_ == ADVERBIAL_CLAUSE_DEP and not _asserted_adverbial(token, words):
        return False
    if token.dep_ == ADVERBIAL_CLAUSE_DEP and (
        _leading_participle(token, words) or _running_participle(token, words) or words.is_("noun_participle", token)
    ):
        return False
    if token.dep_ == CONJUNCT_DEP:
        if words.is_("shared_arguments", token):
            # "fans booed and jeered the referee": the first verb takes its
            # arguments after the second, nothing after it but the
            # conjunction, so the two make one claim (issue 12)
            return False
        if report_verbs is not None and words.is_("second_report", token):
            return True  # "He said A, and that B": a second thing reported, whatever the parser attached it to
        if words.is_("infinitive_conjunct", token):
            # "aims to lift sales and is scheduled to publish results": a
            # finite conjunct the parser hung on an infinitive
            return True
        if _coordinated_complement(token, words):
            return True
        if _clausal_pcomp(token.head, words) and is_absolute(token.head.head, words) and _splits_from(token, words):
            # "…, with one bank losing 11% and another falling 9%": each half of an absolute is a claim
            return True
        return is_clause_head(token.head, report_verbs, words) and _splits_from(token, words)
    if token.dep_ == COMPLEMENT_DEP:
        # "did not say whether …", "has not said how much …": an embedded
        # question is part of the claim that it is not known
        if words.is_("embedded_question", token):
            return False
        # A complement clause is a claim of its own under a reporting verb
        # or with its own complementiser "that" (``own_complement`` decision
        # rules); "make it happen" stays inside its parent.
        return report_verbs is not None and (
            words.is_("own_complement", token) or glued_clause(token, report_verbs, words)
        )
    return True


def glued_clause(ccomp: Token, report_verbs: frozenset[str], words: SegmentWords) -> bool:
    """RETURNS (bool): whether the parser hung a sentence's earlier clause, a
    whole one, on a later verb as its complement: "The plant is old; it
    closed in May", "Sales fell & nothing was done". Only a reporting verb
    takes a complement before it ("It will close, she said"); a finite
    clause with its own subject, no complementiser and a stop, a comma or a
    conjunction after it, before a verb that reports nothing, is a claim of
    its own (issue 12: robust to the parser)."""
    head = ccomp.head
    if ccomp.i > head.i or head.lemma_.lower() in report_verbs or not finite(ccomp):
        return False
    if not any(c.dep_ in SUBJECT_DEPS for c in ccomp.children) or any(c.dep_ == MARKER_DEP for c in ccomp.children):
        return False
    if not finite(head) or not any(c.dep_ in SUBJECT_DEPS for c in head.children):
        return False  # "…, codenamed Orion": no clause to glue to
    if words.is_("consequence", head):
        return False  # "A, so B": the consequence of one claim
    # a colon announces what follows ("The plan is clear: X"): one claim
    after = ccomp.doc[ccomp.right_edge.i + 1]
    return after.i < head.i and ((after.is_punct and after.text != ":") or after.pos_ == COORDINATOR_POS)


def glued_frame(ccomp: Token, report_verbs: frozenset[str], words: SegmentWords) -> bool:
    """RETURNS (bool): whether the verb a glued clause hangs on has only a
    subject besides it ("X is close, a new survey shows"; "…, he went on"):
    it frames the clause before it, as a trailing reporter does, and is no
    claim of its own."""
    return glued_clause(ccomp, report_verbs, words) and all(
        c.dep_ in SUBJECT_DEPS or c.dep_ in EDGE_DEPS or c.i == ccomp.i for c in ccomp.head.children
    )


#: dependents that add nothing to what a verb says: its subject, auxiliaries, negation, adverbs, punctuation
_FRAME_DEPS = SUBJECT_DEPS | {"aux", "auxpass", "neg", "advmod", "punct", "cc", "mark", "npadvmod"}


def bare_frame(token: Token, heads: set[int], words: SegmentWords = NO_WORDS) -> Token | None:
    """RETURNS (Token | None): the complement clause, a claim of its own
    after ``token``, when it is all ``token`` says ("The survey found that
    most voters …", "The upshot is that …"): the verb then frames that claim
    as a reporting verb does, and is no claim of its own (else a stub like
    "The survey found" is left). A word may link the clause to the verb,
    with nothing else of its own (a ``frame_link`` decision rule: "The data
    *seem to show* that …", "It is *likely* that …", "She was *glad*
    that …")."""
    content = [c for c in token.children if c.dep_ == COMPLEMENT_DEP and c.i > token.i and c.i in heads]
    rest = [c for c in token.children if c.dep_ not in _FRAME_DEPS and not _sentence_adverbial(c, token, words)]
    rest = [c for c in rest if c.i not in {k.i for k in content}]
    if not rest:
        return content[0] if len(content) == 1 else None
    if len(rest) != 1 or len(content) > 1:
        return None
    (link,) = rest
    rule = words.match("frame_link", link)
    if rule is None:
        return None
    if not content:
        content = [c for c in link.children if c.dep_ == COMPLEMENT_DEP and c.i > link.i and c.i in heads]
        if len(content) != 1:
            return None
    if not all(c.i == content[0].i or c.dep_ in _FRAME_DEPS for c in link.children):
        return None
    words.note(rule, link)
    return content[0]


def stub_complement(clause: Token, heads: set[int], dropped: set[int], words: SegmentWords) -> bool:
    """RETURNS (bool): whether a complement clause stays in the claim of the
    verb it completes (a ``stub_complement`` decision rule): that verb heads
    no claim of its own, lies inside another claim, takes nothing after it
    but the clause, and the clause follows it at once, with no comma or colon
    that would set a quotation apart ("…among voters *who said* the plan was
    fair", "we need to *make sure* that …"). Split off, the clause would leave
    its claim ending in a verb cut from what it takes, and the proposition
    is the two together (issue 12)."""
    verb = clause.head
    if verb.i in heads or verb.i in dropped or clause.i < verb.i:
        return False
    if any(c.i > verb.i and c.i != clause.i and not c.is_punct for c in verb.children):
        return False
    between = clause.doc[verb.i + 1 : clause.left_edge.i]
    if not all(t.is_space or t.is_quote for t in between):
        return False
    holder = verb.head
    while holder.i not in heads and holder.head.i != holder.i:
        holder = holder.head
    if holder.i not in heads or holder.i in dropped:
        return False
    rule = words.match("stub_complement", clause)
    if rule is None:
        return False
    words.note(rule, clause)
    return True


def kept_complement(clause: Token, heads: set[int], dropped: set[int], words: SegmentWords) -> bool:
    """RETURNS (bool): whether a "that" clause after a verb that reports
    nothing stays in the claim of that verb (a ``kept_complement`` decision
    rule): "It is plain to us that the plan will fail", "She informed her
    sister that …", "We figured out that the pump leaked". The verb and its
    clause state one proposition, as a reporting verb and its clause do;
    split, they leave a stub ("It is plain to us") that claims nothing of its
    own (issue 12). The verb must head a claim that is kept: a verb deeper
    in another claim ("…, using her remark that X", "and ensure that X")
    leaves the clause a claim of its own, as before, and so does a verb
    right before its clause, a stub that :func:`split_stub` drops ("we
    would prefer | that X")."""
    verb = clause.head
    if clause.i < verb.i or verb.i not in heads or verb.i in dropped:
        return False
    between = clause.doc[verb.i + 1 : clause.left_edge.i]
    if all(t.is_space or t.is_quote or t.text in (",", ":") for t in between):
        return False  # "we would prefer | that X": the verb alone is a stub, dropped (split_stub)
    return words.is_("kept_complement", clause)


def _sentence_adverbial(prep: Token, verb: Token, words: SegmentWords = NO_WORDS) -> bool:
    """RETURNS (bool): whether a preposition on a frame verb comments on the
    whole sentence rather than adding to what the verb says: it comes before
    the verb, set off by commas ("In fact, the upshot is that …"), or it
    names a source (a ``source_preposition`` decision rule: "The
    implication, according to one aide, is that …")."""
    if prep.dep_ != PREPOSITION_DEP:
        return False
    doc = prep.doc
    if words.is_("source_preposition", prep):
        return True
    after = prep.right_edge.i + 1
    return prep.i < verb.i and after < len(doc) and doc[after].text == ","


def bare_event_frame(token: Token, heads: set[int], words: SegmentWords) -> Token | None:
    """RETURNS (Token | None): the adverbial clause after ``token`` that is
    all ``token`` says besides its subject ("The move comes as the bank cuts
    its forecast", "Ten months passed before a judge ordered the release"):
    the bare verb states nothing a reader would track without it, so the two
    make one claim (else a stub like "The move comes" is left)."""
    content = [c for c in token.children if c.dep_ == ADVERBIAL_CLAUSE_DEP and c.i > token.i and c.i in heads]
    if len(content) != 1:
        return None
    (clause,) = content
    # an ``event_frame`` decision rule: the clause's subordinator is one of
    # time or occasion ("…, although the band plans a single": a concession
    # says a thing of its own) and no measure dates it ("…comes three weeks
    # after the maker unveiled it": an earlier event, recalled on its own)
    rule = words.match("event_frame", clause)
    if rule is None:
        return None
    if not all(c.i == clause.i or (c.dep_ in _FRAME_DEPS and c.dep_ != NEGATION_DEP) for c in token.children):
        return None
    if not any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return None
    words.note(rule, clause)
    return clause


#: "with", a function word: the preposition of an absolute ("…, with a debut planned for 2028"), also
#: its subordinator where the parser made a clause of it ("…, with deliveries to begin in 2029")
WITH = "with"


def _non_restrictive(relcl: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a relative clause adds a fact of its own (a
    ``non_restrictive`` decision rule): set off by a comma, a parenthesis or
    a dash, "Deadlock, which is still in testing" does; so does one in the
    past tense on a time ("in 2019, when the plant lost $2m"): it recalls an
    event, and one whose pronoun follows a preposition or a quantifier and
    its "of" (", in which 300 jobs go", ", each of whom …"). One in the
    present describes its time ("in June, when the school term ends"); "the
    plant that supplies its cells" only narrows down its noun."""
    return words.is_("non_restrictive", relcl)


def interrupted_subject(head: Token, words: SegmentWords) -> int | None:
    """RETURNS (int | None): where a predicate's words begin after a subject
    that a non-restrictive relative clause interrupts ("The brewery, which
    opened a second site last spring, is cutting staff"): the
    relative clause is a claim of its own, and the claim of the predicate
    starts after the comma that closes it. So it does after a relative
    clause that closes the subject's appositive ("Ann Roe, the chemist who
    found the leak, will retire"): an appositive is set off, and so is the
    clause that ends it. None when the subject has none
    (an appositive, "Corvane, the cyber group, has rejected …", stays, as
    does a subject whose inner noun has the clause: "the wording of the
    deal, which …, could help")."""
    subject = next((c for c in head.children if c.dep_ in NOMINAL_SUBJECT_DEPS and c.i < head.i), None)
    if subject is None:
        return None
    doc = head.doc
    # the subject's own relative clause, or one that closes its appositive
    # ("Ann Roe, the chemist who found the leak, will retire")
    appositives = [t for c in subject.children if c.dep_ == APPOSITION_DEP for t in c.subtree if t.dep_ == RELATIVE_CLAUSE_DEP]
    for t in (*subject.children, *appositives):
        if t.dep_ != RELATIVE_CLAUSE_DEP or not _non_restrictive(t, words):
            continue
        after = t.right_edge.i + 1
        # the clause closes the subject: nothing of the subject follows its comma
        if after < head.i and doc[after].text in (",", "—", "–", ")") and subject.right_edge.i <= after:
            return after + 1
    return None


def _time_frame(advcl: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether an adverbial clause is the time frame of its
    clause rather than an event put forward on its own (a ``time_frame``
    decision rule): "as" with a verb in progress ("…, as the train was
    leaving the station"). "As" with a plain verb may give a reason or a
    fact of its own, and stays a claim."""
    return words.is_("time_frame", advcl)


def _asserted_adverbial(advcl: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether an adverbial clause asserts something: "while
    production has not yet begun" does; "if the deal closes" and purpose
    infinitives ("to cover the penalties", "for the aid to arrive") do not."""
    marks = [c for c in advcl.children if c.dep_ == MARKER_DEP]
    # the parser often makes "when" the clause's adverb rather than its
    # subordinator: right after its clause, not set off by a comma ("… pauses
    # the music when a call comes in"), it is the time of that claim all the
    # same; after a comma ("…on May 3, when it will publish its plan") it
    # adds a fact of its own, and so may a clause it opens before its head
    first = advcl.left_edge
    if first.i > advcl.head.i and first.i > 0 and advcl.doc[first.i - 1].text not in (",", "—", "–", ";"):
        # (a ``wh_subordinator`` decision rule, recorded where it is the mark that decides)
        wh = {c.i: rule for c in advcl.children if (rule := words.match("wh_subordinator", c)) is not None}
        marks += [c for c in advcl.children if c.i in wh]
    else:
        wh = {}
    deciding = next((m for m in marks if words.is_("unasserted_mark", m)), None)
    if deciding is not None:
        if deciding.i in wh:
            words.note(wh[deciding.i], deciding)
        return False  # "if the deal closes", "until the vote", "before it opens": an ``unasserted_mark`` decision rule
    if _time_frame(advcl, words):
        return False
    if words.is_("answered_question", advcl):
        return False  # "Asked whether X, she said no": the question belongs to its answer
    # an infinitive states no event, even with a subject of its own ("months
    # for the grant to reach the schools", "in order for talks to
    # resume"), unless it is an absolute ("…, with deliveries to begin in 2029")
    if any(m.lower_ == WITH for m in marks):
        return True
    return words.child("infinitive_marker", advcl) is None  # "to": an ``infinitive_marker`` decision rule


def _leading_participle(advcl: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether an adverbial clause is a bare present
    participle that opens its sentence before the clause it hangs on
    ("Heading into the final round, the leader needs a par", "Weighing in
    on the row, the mayor agreed"): it sets the scene of that claim, with
    no subject, subordinator or object of its own, and is part of it (a
    ``leading_participle`` decision rule). One with an object of its own
    does a thing a reader may track ("Facing its worst crisis in years, …")."""
    return words.is_("leading_participle", advcl)


def _running_participle(advcl: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether an adverbial clause is a bare present
    participle that runs on from its clause with no comma ("posted a
    clip on Monday explaining the budget", "will tour Asia
    demonstrating the jet"): it says how or what of that claim, and is part
    of it (a ``running_participle`` decision rule: no comma or dash in it, no
    subject, subordinator, auxiliary or adverb of its own, and it closes its
    sentence). Set off by a comma ("…, leaving many to wonder") it may add a
    claim of its own."""
    rule = words.match("running_participle", advcl)
    if rule is None:
        return False
    rest = advcl.doc[advcl.right_edge.i + 1 : advcl.sent.end]
    if not all(t.is_punct or t.is_space for t in rest):
        return False  # "…hanging over the staff, pending news of more closures": it must close its sentence
    words.note(rule, advcl)
    return True


def is_absolute(token: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether ``token`` is the "with" of an absolute phrase
    that adds a claim of its own (an ``absolute_with`` decision rule: set off
    after its verb's clause), with a noun (``absolute_object``) or a
    participle with a subject of its own (``clausal_pcomp``): "…, with a
    debut planned for late 2028", "…, with Stephen McFeely writing". Not a
    bare noun phrase with nothing said of it (a ``bare_absolute`` decision
    rule: "…, with a 3% gain"): a detail of its clause's claim."""
    opener = words.match("absolute_with", token)
    if opener is None:
        return False
    # "with a launch planned …" (pobj), or a clause the parser makes the
    # preposition's complement: "with Stephen McFeely writing" (pcomp)
    for c in token.children:
        rule = words.match("absolute_object", c)
        if rule is not None and not words.is_("bare_absolute", c):
            words.note(rule, c)
            words.note(opener, token)
            return True
        if _clausal_pcomp(c, words):
            words.note(opener, token)
            return True
    return False


def event_gerund(token: Token, words: SegmentWords) -> Token | None:
    """RETURNS (Token | None): the gerund of an event that a preposition of
    time or concession puts beside its clause, a claim of its own: "…
    after gaining 2%", "before losing narrowly to the incumbent", "despite
    trailing in the polls" (an ``event_gerund`` decision rule, tested on the
    preposition's children); None when ``token`` has no such gerund. Not
    where a negation may deny the time phrase itself ("did not leave after
    losing"), nor inside its clause's words ("The senator, despite trailing,
    won")."""
    return words.child("event_gerund", token)


def prepositional_claim(token: Token, words: SegmentWords = NO_WORDS) -> tuple[int, bool] | None:
    """RETURNS (tuple[int, bool] | None): the noun of a prepositional phrase
    that is a claim of its own, and whether it adds to its clause's
    predicate; None for any other token.

    A circumstance ("…, amid falling demand", ``circumstance_preposition``
    rules of ``segmentation.jsonl``) asserts that it holds; an addition
    ("unveiled the phone, along with a new watch", ``additive_preposition``)
    is a second thing its clause says, with the clause's status. The
    preposition follows its verb, set off by a comma or a dash (a
    ``set_off_preposition`` decision rule), and takes a noun
    (``phrase_noun``; "along" counts with its "with"), and the phrase closes
    its clause (``phrase_close`` after it, or the sentence's end); inside its clause ("the firm,
    along with its partner, said …", "lost the race amid a scandal") the
    phrase is part of the clause's claim."""
    opener = words.match("set_off_preposition", token)
    if opener is None:
        return None  # "he lost the race amid a scandal": a phrase not set off is part of its claim
    lemma = token.lower_
    prep = token
    if lemma in words.additive_prepositions and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == WITH:
        prep = token.doc[token.i + 1]  # "along with": the noun hangs on "with" or on "along"
        additive = True
    elif lemma in words.circumstance_prepositions:
        additive = False
    else:
        return None
    found = next(
        ((c, rule) for c in (*token.children, *prep.children) if (rule := words.match("phrase_noun", c)) is not None),
        None,
    )
    if found is None:
        return None
    noun, noun_rule = found
    doc = token.doc
    after = max(token.right_edge.i, prep.right_edge.i) + 1
    close = words.match("phrase_close", doc[after]) if after < token.sent.end else None
    if after < token.sent.end and close is None:
        return None  # "ordered the office, along with the prosecutor, to release …": the phrase must close its clause
    words.fire("additive_preposition" if additive else "circumstance_preposition", token)
    words.note(opener, token)
    words.note(noun_rule, noun)
    if close is not None:
        words.note(close, doc[after])
    return noun.i, additive


def figure_phrase(token: Token, words: SegmentWords = NO_WORDS) -> int | None:
    """RETURNS (int | None): the noun of a "with" phrase that closes its
    clause and states a measure of its own (``figure_noun`` rules of
    ``segmentation.jsonl``): "surveyed 900 adults with a margin of error
    of 3 points" puts forward the margin as well as the survey; None for
    any other token. The phrase must hold a figure and end its clause: a
    ``figure_with`` decision rule, its ``figure_object`` (the noun, with a
    figure) and ``figure_close`` (what follows it, or the sentence's end)."""
    opener = words.match("figure_with", token)
    if opener is None:
        return None
    found = next(
        ((c, rule) for c in token.children if (rule := words.match("figure_object", c)) is not None), None
    )
    if found is None:
        return None
    noun, noun_rule = found
    doc = token.doc
    after = token.right_edge.i + 1
    close = words.match("figure_close", doc[after]) if after < token.sent.end else None
    if after < token.sent.end and close is None:
        return None  # the phrase must close its clause
    words.note(opener, token)
    words.note(noun_rule, noun)  # (and the figure_noun rule of its word)
    if close is not None:
        words.note(close, doc[after])
    return noun.i


def summary_phrase(token: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether ``token`` heads a noun phrase that closes its
    sentence after a comma and sums up what the clause said, a claim of its
    own: "…, the first gain in four years", "…, a 3% fall on the week",
    with a figure or a rank before its noun (a ``summary_phrase`` decision
    rule). The parser hangs such a phrase on the verb as a second object (a
    verb takes one direct object) or as a bare noun modifier."""
    gate = words.gates.get("summary_phrase")
    if gate is not None and gate[0](token) not in gate[1]:
        return False  # most tokens: passed over before the rules are tried
    # (the other object, if any, must come before the phrase's first word)
    rule = words.match("summary_phrase", token, came_from=token.left_edge)
    if rule is None:
        return False
    words.note(rule, token)
    return True


def summary_appositive(token: Token, words: SegmentWords) -> Token | None:
    """RETURNS (Token | None): the predicate of a noun phrase that closes a
    sentence by summing up what it said (a ``summary_appositive`` decision
    rule), with a clause of its own (``summary_clause``): "…, a move that
    could ease his concerns", "… — a sign that traders expect a sweetened
    bid"; None when ``token`` heads no such phrase."""
    if not words.is_("summary_appositive", token):
        return None
    return words.child("summary_clause", token)


def afterthought(token: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether ``token`` is a preposition (or an adverb or
    adjective with a phrase of its own) that a hedging adverb opens after a
    comma, adding a claim of its own: "…, *possibly* for a 2028 release",
    "…, *likely* by swapping in a smaller sensor", "…, possibly *out* before
    Christmas" (an ``afterthought`` decision rule, or ``afterthought_phrase``
    for an adverb or adjective; the adverbs are the cue rules flagged
    ``afterthought``, their lexicon)."""
    return words.is_("afterthought", token) or words.is_("afterthought_phrase", token)


def absolute_clause(head: Token) -> bool:
    """RETURNS (bool): whether a claim's predicate heads an absolute the
    parser made a clause of: "…, with deliveries to begin in 2029" (an
    infinitive with "with" as its subordinator)."""
    return head.dep_ == ADVERBIAL_CLAUSE_DEP and any(c.dep_ == MARKER_DEP and c.lower_ == WITH for c in head.children)


def _clausal_pcomp(token: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether ``token`` is a participle with a subject of its own, as a preposition's complement
    (a ``clausal_pcomp`` decision rule; a participle the tagger reads as a past tense, "with voters largely split",
    counts: no past tense follows "with")."""
    return words.is_("clausal_pcomp", token)


def _bare_noun_phrase(span: Span, words: SegmentWords) -> bool:
    """Whether ``span`` is a whole sentence that is a bare noun phrase: its
    root a noun (a ``bare_phrase_root`` decision rule) and no word that
    could assert (``asserting_word``: a verb, a preposition, a figure) ("Jo
    Park." signing a letter, "Some really bad things.", "A bold, brash
    newcomer."): it names or exclaims and asserts nothing. The items of a
    list ("— Ann Lee of the Post", or any line after a colon) stay."""
    sent = span.sent
    tokens = [t for t in span_tokens(sent) if not t.is_punct and not t.is_space and not t.is_quote]
    if not tokens or span.start > tokens[0].i or span.end <= tokens[-1].i:
        return False
    first = next((t for t in span_tokens(sent) if not t.is_space), None)
    if first is not None and first.is_punct and not first.is_quote:
        return False
    if doc_text(span.doc)[: sent.start_char].rstrip().endswith(":"):
        return False  # "The finalists are:\nDover and Deal.": the items of the line before
    root = words.match("bare_phrase_root", sent.root)
    if root is None:
        return False
    for t in tokens:
        if words.is_("asserting_word", t):
            return False
    words.note(root, sent.root)
    return True


def _list_lead(span: Span, text: str | None, words: SegmentWords = NO_WORDS) -> bool:
    """Whether ``span`` only leads into a list or a block set below it: it ends
    its line with a colon, on "that", "the following" or a copula that has
    nothing after it ("The survey also found that:", "This year's finalists
    are:");
    what it says is in the lines that follow, each a claim of its own. A
    clause with content before its colon ("The Post reported:", "One fan
    tweeted:") stays: the act is news of its own. The words that only lead
    in are the ``list_lead`` decision rules."""
    text = doc_text(span.doc) if text is None else text
    after = text[span.end_char : span.end_char + 4].lstrip(" \t")
    if not after.startswith(":") or after[1:2] not in ("\n", ""):
        return False
    last = next((t for t in reversed(span) if not t.is_punct and not t.is_space), None)
    if last is None:
        return False
    if words.is_("list_lead", last):
        return True  # "found that:", "found the following:" (the parser reads "that" as a mark or an object)
    return copula_lemma(last) == BE and not any(c.dep_ in COPULA_COMPLEMENT_DEPS for c in last.children)


#: the fewest letters of a line in capitals that makes it a heading ("NO." or "US" alone does not)
CAPITALS_HEADING_LETTERS = 6


#: the number of a numbered list item before its text, the parser's sentence of its own: "3. ", "12) "
LIST_NUMBER = re.compile(r"\s*\d{1,3}[.)]\s*")


def _in_capitals(line: str) -> bool:
    """RETURNS (bool): whether a line of more than one word is in capitals
    throughout, with at least :data:`CAPITALS_HEADING_LETTERS` letters."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= CAPITALS_HEADING_LETTERS and not any(ch.islower() for ch in letters) and len(line.split()) > 1


def _sentence_line(sent: Span, text: str) -> tuple[list[Token], int, int, int, int] | None:
    """RETURNS (tuple | None): a sentence's tokens other than spaces, where they
    start and end, and where the line they lie on starts and ends (``text`` is
    ``doc.text``); None for a sentence of spaces only."""
    tokens = [t for t in span_tokens(sent) if not t.is_space]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return tokens, start, end, line_start, len(text) if line_end < 0 else line_end


def _heading_or_byline(sent: Span, text: str) -> bool:
    """A line of its own that is a heading ("## What we know", "Release date")
    or a byline ("By Jane Doe"): short, alone on its line, no closing
    punctuation. ``text`` is ``doc.text``, built once per Doc by the caller."""
    placed = _sentence_line(sent, text)
    if placed is None:
        return False
    words_only, start, end, line_start, line_end = placed
    line = text[line_start:line_end].strip()
    before = text[line_start:start]
    rest_empty = text[end:line_end].strip() == ""
    own_line = before.strip(" \t#>*-") == "" and rest_empty
    if not own_line and rest_empty and LIST_NUMBER.fullmatch(before) and _in_capitals(line):
        return True  # "3. STORM CUTS POWER TO THE COAST.": the parser splits the item's number off
    if not own_line or not line:
        return False
    if line.startswith("#"):
        return True
    if line[0] in "([" and line[-1] in ")]" and not any(ch.islower() for ch in line):
        return True  # a transcript's stage direction on a line of its own: "(APPLAUSE)", "[END OF CLIP.]"
    if _in_capitals(line):
        # "3. STORM CUTS POWER TO THE COAST.": a line in capitals throughout heads
        # what follows, whatever its stop (issue 12: headings are no claims)
        return True
    if line.lower().startswith("by "):
        # "By Jane Doe, staff writer" names; "By the end of May, the plant will close" is a sentence
        return not any(t.pos_ in VERB_POS for t in words_only)
    words = line.split()
    return len(words) <= 10 and line[-1] not in ".!?\"”’:;)'"


#: the most words a line of its own may have to be read as a heading by
#: :func:`_heading_line`, and the fewest capitalised words of a heading in title case
HEADING_LINE_WORDS = 15
TITLE_HEADING_CAPITALS = 3


def _list_item_line(text: str, line_start: int) -> bool:
    """RETURNS (bool): whether the line at ``line_start`` is an item of a list
    led by a colon: the line before it ends with one, or it follows such a
    line in a block of lines with no blank line between ("… the
    following:\n\nShip it\nSell it\nPrice it")."""
    at = line_start
    while at > 0:
        if text[:at].rstrip().endswith(":"):
            return True
        before = text.rfind("\n", 0, at - 1) + 1
        if not text[before : at - 1].strip():
            return False  # a blank line: the block starts here
        at = before
    return False


#: the tags of a verb, whatever its part of speech ("says" read as a noun is still tagged VBZ)
VERB_TAGS = FINITE_AUXILIARY_TAGS | NON_FINITE_TAGS | PARTICIPLE_TAGS


def _verbless_lead_in(sent: Span) -> bool:
    """Whether ``sent`` is a lead-in with no verb that ends in a colon
    ("The Latest on the ferry strike (all times local):", "Among the
    winners:"): it heads the lines that follow and states nothing itself
    (issue 12: the guide counts no heading as a claim). A verb keeps the
    sentence ("The film reunites three stars:")."""
    tokens = [t for t in span_tokens(sent) if not t.is_space]
    if not tokens or not tokens[-1].text.endswith(":"):
        return False
    return not any(t.pos_ in VERB_POS or t.tag_ in VERB_TAGS for t in tokens)


def _heading_line(sent: Span, text: str, words: SegmentWords) -> bool:
    """Whether ``sent`` lies in a heading inside the body: a line of its own,
    of at most :data:`HEADING_LINE_WORDS` words, that is written in title case
    (every word a ``heading_word`` decision rule takes, at least
    :data:`TITLE_HEADING_CAPITALS` of them capitalised: "Rivals Trade Blows
    Over Budget.", "Mayor: I Will Not Go."), or a sentence that is a line of
    its own and states nothing (no ``statement_word``: "Rivals on the
    river."). Section heads and captions of published news carry a stop as
    often as not, so the stop does not tell (issue 12: the guide counts no
    heading as a claim; blind annotators annotated none of them). The items
    of a list stay: a line after a colon, or one opened by a dash or a bullet;
    so does the first line of the body (a headline is :func:`untitled_headline`'s)."""
    placed = _sentence_line(sent, text)
    if placed is None:
        return False
    _, start, end, line_start, line_end = placed
    if not text[:line_start].strip():
        return False  # the body's first line: its headline (see untitled_headline) or its lead
    if _list_item_line(text, line_start):
        return False  # "The finalists are:\nDover and Deal.": the items of the line before
    doc = sent.doc
    first = doc.char_span(line_start, line_end, alignment_mode="expand")
    line: list[Token] = []
    content: list[Token] = []
    # a line of more words is no heading: its tokens are not read past them (a paragraph's line is long)
    for i in range(first.start, first.end) if first is not None else ():
        t = doc[i]
        if t.is_space:
            continue
        line.append(t)
        if not t.is_punct:
            content.append(t)
            if len(content) > HEADING_LINE_WORDS:
                return False
    if not line or (line[0].is_punct and not line[0].is_quote):
        return False  # "— Ann Lee of the Post, winner of the prize": an item of a list
    if not content:
        return False
    rules = [words.match("heading_word", t) for t in content]
    capitals = sum(1 for t in content if t.text[:1].isupper())
    if all(rules) and capitals >= TITLE_HEADING_CAPITALS and any(ch.islower() for t in content for ch in t.text):
        words.note(rules[0], content[0])
        return True
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False  # a sentence of a longer line
    # (the line stays a claim at its first word that states: that rule is recorded)
    return not any(words.is_("statement_word", t) for t in content)


#: the most words a line of the headline block opening an untitled body may
#: have, and the most lines the block may have (a headline and its deck)
HEADLINE_WORDS = 20
HEADLINE_LINES = 3


def untitled_headline(doc: Doc) -> tuple[int, int] | None:
    """Where the headline an article without a title opens with lies: a first
    paragraph of at most three short lines (a headline and its deck) followed
    by a blank line, as news saved as plain text carries it (with or without
    a stop).

    RETURNS (tuple[int, int] | None): its start and end in the text, or None
    (the article has a title, or opens with no such paragraph)."""
    if doc._.title:
        return None
    text = doc_text(doc)
    lead = len(text) - len(text.lstrip())
    end = text.find("\n\n", lead)
    if end < 0:
        return None
    lines = [line for line in text[lead:end].split("\n") if line.strip()]
    line = lines[0].strip() if lines else ""
    if not line or len(lines) > HEADLINE_LINES or any(len(x.split()) > HEADLINE_WORDS for x in lines):
        return None
    # a quotation opening the story is its lead, not a headline; a quoted
    # phrase at the start of a headline closes early in the line
    closing = min((k for k in (line.find(c, 1) for c in "\"”’'") if k > 0), default=len(line))
    if line[0] in "\"“‘'" and closing > len(line) / 2:
        return None
    return lead, end


def _untitled_headline(sent: Span, doc: Doc) -> bool:
    """Whether ``sent`` lies in the headline an article without a title opens
    with (:func:`untitled_headline`)."""
    if doc._.title or sent.start_char > HEADLINE_LINES * HEADLINE_WORDS * 20:
        return False
    where = untitled_headline(doc)
    return where is not None and sent.start_char < where[1]


def _untitled_deck(sent: Span, doc: Doc, words: SegmentWords = NO_WORDS) -> bool:
    """Whether ``sent`` lies in the deck set below the headline an article
    without a title opens with, in paragraphs of their own (:func:`_in_deck`)."""
    if doc._.title or sent.start_char > HEADLINE_LINES * HEADLINE_WORDS * 20:
        return False
    where = untitled_headline(doc)
    return where is not None and sent.start_char >= where[1] and _in_deck(sent, doc, where[1], words)


def _in_deck(sent: Span, doc: Doc, end: int, words: SegmentWords) -> bool:
    """Whether ``sent`` lies in the deck of an untitled article's headline
    that ends at ``end``: up to :data:`HEADLINE_LINES` paragraphs after it,
    each one line of at most :data:`HEADLINE_WORDS` words with no finite
    verb nor figure (``deck_verb`` decision rules), written as a headline is ("Crews
    walking out over night shifts.", "ABSTRACT."). It sums up the story
    and asserts nothing of its own (issue 12: rn-read gold marks no claim
    in any such paragraph, 0 of 10); the first paragraph with a finite verb
    ends it, a deck so written and the story's lead alike."""
    text = doc_text(doc)
    for _ in range(HEADLINE_LINES):
        start = len(text) - len(text[end:].lstrip())
        if start > sent.start_char:
            return False
        stop = text.find("\n\n", start)
        stop = len(text) if stop < 0 else stop
        paragraph = text[start:stop].strip()
        if not paragraph or "\n" in paragraph or len(paragraph.split()) > HEADLINE_WORDS:
            return False
        span = doc.char_span(start, start + len(paragraph), alignment_mode="expand")
        if span is None or any(words.is_("deck_verb", t) for t in span):
            return False
        if sent.start_char < stop:
            return True
        end = stop
    return False


#: the fewest words of a gapped list's item: a name and its number
GAPPED_ITEM_WORDS = 2


def _gapped_items(doc: Doc, start: int, end: int, words: SegmentWords = NO_WORDS) -> list[int]:
    """Where the items of a gapped list start: after a clause with a number
    (a ``list_number`` decision rule), a list that leaves its verb out and
    gives each item a number of its own ("X has 212 seats, Y 97 and Z
    40"; "cuts 10,000 jobs, 3,700 in Germany and 1,600 in Spain"). Each
    item is a fact of its own. An item is a name and a number, or a number
    and a place, after a bound of the list (``list_bound``): its words are
    read by ``item_figure``, ``item_name`` and ``item_preposition`` rules
    (``item_skip``: words passed over; ``item_unit``: a unit after its
    number). The rules are recorded where an item is found."""
    toks = doc_tokens(doc)
    first_number, number = next(
        ((i, rule) for i in range(start, end) if (rule := words.match("list_number", toks[i])) is not None),
        (None, None),
    )
    if first_number is None or number is None:
        return []  # most claims: no number, no gapped list
    in_date = {
        i for span in doc.spans.get(DATES_KEY, []) if span.start < end and start < span.end
        for i in range(span.start, span.end)
    }
    depth, inside = 0, set()
    for i in range(start, end):
        depth += toks[i].text == "("
        depth -= toks[i].text == ")" and depth > 0
        if depth:
            inside.add(i)
    # the list starts after the clause's first number ("Ruiz, its chief,
    # said it would cut 900 jobs in Spain, 400 in Italy …")
    bounds = [
        (i, rule) for i in range(first_number + 1, end)
        if (rule := words.match("list_bound", toks[i])) is not None and i not in in_date and i not in inside
    ]
    if not bounds:
        return []
    items: list[int] = []
    for n, (j, bound) in enumerate(bounds):
        stop = bounds[n + 1][0] if n + 1 < len(bounds) else end
        # each word of the item with the rule that read it (None: any other word)
        read: list[tuple[Token, SegmentRule | None]] = []
        skipped: list[tuple[SegmentRule, Token]] = []
        for t in doc[j + 1 : stop]:
            if t.is_punct:
                continue
            skip = words.match("item_skip", t)
            if skip is not None:
                skipped.append((skip, t))
                continue
            read.append((t, _item_word(t, words)))
        # a model number ("3GS") is part of a name, not the item's figure
        tags = [_ITEM_TAGS.get(rule.role if rule else None, "X") for _, rule in read]
        units: list[tuple[SegmentRule, Token]] = []
        while (
            tags and tags[-1] == "X" and len(read[-1][0]) <= 7 and tags[-2:-1] == ["NUM"]
            and (unit := words.match("item_unit", read[-1][0])) is not None
        ):
            units.append((unit, read[-1][0]))  # "2.8 %", "59 percent": the unit goes with its number
            tags.pop()
            read.pop()
        if not read:
            continue  # ", and": one bound after another
        if any(t.i in in_date for t, _ in read):
            preposition = _dated_item(doc, start, j, stop, in_date, words)
            if preposition is not None:
                for rule, token in ((number, toks[first_number]), (bound, toks[j]), preposition):
                    words.note(rule, token)
                items.append(j + 1)  # "…shut in 2026, three more in 2028"
                continue
            break  # "between May 2 and June 9": a date is no item
        name_number = len(tags) >= 2 and tags[-1] == "NUM" and all(t == "NAME" for t in tags[:-1])
        number_place = len(tags) >= 3 and tags[0] == "NUM" and tags[1] == "ADP" and all(t == "NAME" for t in tags[2:])
        if name_number or number_place:
            for rule, token in (
                (number, toks[first_number]), (bound, toks[j]), *skipped, *units,
                *((r, t) for t, r in read if r is not None),
            ):
                words.note(rule, token)
            items.append(j + 1)
        elif items:
            break  # the list is over
    return items


#: the tag of a gapped item's word, by the role of the rule that read it
_ITEM_TAGS = {"item_figure": "NUM", "item_name": "NAME", "item_preposition": "ADP"}


def _item_word(token: Token, words: SegmentWords) -> SegmentRule | None:
    """RETURNS (SegmentRule | None): the rule that reads a word of a gapped
    item as its figure, a name or a preposition, in that order; None for any other word."""
    for role in _ITEM_TAGS:
        rule = words.match(role, token)
        if rule is not None:
            return rule
    return None


def _dated_item(
    doc: Doc, start: int, bound: int, stop: int, in_date: set[int], words: SegmentWords = NO_WORDS
) -> tuple[SegmentRule, Token] | None:
    """RETURNS (tuple | None): the preposition (with its ``item_preposition``
    rule) if the words between a list bound and ``stop`` are a gapped item
    with a date: a number or a quantifier, then the preposition of a date
    the clause before has, then that date ("Two plants will close in 2027,
    another two in 2029"; "The first jet flies by 2027 and all by 2030"). A
    quantifier (an ``item_quantifier`` decision rule) stands for the
    clause's noun; its rule is recorded where the item is found."""
    tokens = [t for t in doc[bound + 1 : stop] if not t.is_punct and not t.is_space]
    k = 0
    quantifiers: list[tuple[SegmentRule, Token]] = []
    while k < len(tokens):
        if not (tokens[k].like_num and tokens[k].i not in in_date):
            quantifier = words.match("item_quantifier", tokens[k])
            if quantifier is None:
                break
            quantifiers.append((quantifier, tokens[k]))
        k += 1
    if k == 0 or k + 1 >= len(tokens):
        return None
    prep = tokens[k]
    rule = words.match("item_preposition", prep)
    if rule is None:
        return None
    if not all(t.i in in_date for t in tokens[k + 1 :]):
        return None
    if not any(doc[i].lower_ == prep.lower_ and i + 1 in in_date for i in range(start, bound)):
        return None
    for quantifier, token in quantifiers:
        words.note(quantifier, token)
    return rule, prep


def _gapped_comparisons(doc: Doc, start: int, end: int, words: SegmentWords = NO_WORDS) -> list[int]:
    """RETURNS (list[int]): where a gapped comparison starts: a conjunction
    or comma (a ``comparison_bound`` decision rule) then the preposition and
    figure (``comparison_figure``) the clause used before (``compared_figure``),
    its verb left out ("leads by 21 points among men and by 10 points among
    women", "rose 3% in May and by 5% in June"): a figure of its own, a
    claim of its own. No verb may follow in it before the next bound of the
    list (``list_bound``): that would be a clause, left to the parse. The
    rules are recorded where a comparison is found."""
    toks = doc_tokens(doc)
    found: list[int] = []
    for k in range(start + 3, end - 2):
        # (the preposition first: its rules' gate passes over most words at once)
        prep = toks[k + 1]
        figure = words.match("comparison_figure", prep)
        if figure is None:
            continue
        bound = words.match("comparison_bound", toks[k])
        if bound is None:
            continue
        # the clause before gives the same preposition a figure
        before = next(
            (
                (rule, toks[i])
                for i in range(start, k - 1)
                if toks[i].lower_ == prep.lower_ and (rule := words.match("compared_figure", toks[i])) is not None
            ),
            None,
        )
        if before is None:
            continue
        stop, closing = next(
            ((j, rule) for j in range(k + 1, end) if (rule := words.match("list_bound", toks[j])) is not None),
            (end, None),
        )
        if any(t.pos_ in VERB_POS for t in doc[k + 1 : stop]):
            continue
        words.note(bound, toks[k])
        words.note(figure, prep)
        words.note(*before)
        if closing is not None:
            words.note(closing, toks[stop])
        found.append(k + 1)
    return found


def _absolute_halves(doc: Doc, start: int, end: int, words: SegmentWords = NO_WORDS) -> list[int]:
    """RETURNS (list[int]): where the second half of a coordinated absolute
    starts, read from the words rather than the parse, which often hangs it
    on the wrong word: "with pre-orders opening in May and shipments
    following in June" is two claims, each a noun with its participle. A
    half is a conjunction (a ``half_conjunction`` decision rule), a noun
    phrase (``half_word`` rules: a determiner, adjectives, names and nouns)
    and a participle right after its noun (``half_participle``); the rules
    are recorded where a half is found."""
    toks = doc_tokens(doc)
    if toks[start].lower_ != WITH:
        return []
    claim = doc[start:end]
    halves: list[int] = []
    for i in range(start + 2, end - 2):
        conjunction = words.match("half_conjunction", toks[i], claim=claim)
        if conjunction is None:
            continue
        phrase: list[tuple[SegmentRule, Token]] = []
        k = i + 1
        while k < end and (word := words.match("half_word", toks[k], claim=claim)) is not None:
            phrase.append((word, toks[k]))
            k += 1
        if k < end and phrase and (last := words.match("half_participle", toks[k], claim=claim)) is not None:
            for rule, token in ((conjunction, toks[i]), *phrase, (last, toks[k])):
                words.note(rule, token)
            halves.append(i + 1)
    return halves


#: marks of a bullet list flattened into a line ("… affected: * A * B * C")
BULLETS = frozenset({"*", "•", "·"})


def inline_bullet_lists(doc: Doc) -> list[tuple[int, list[int]]]:
    """RETURNS (list[tuple[int, list[int]]]): the bullet lists flattened into
    a line of text, as ``(index of the colon, indices of the bullets)``: two
    or more bullet marks standing between spaces on one line, the first right
    after a colon ("These shops will close: * Leeds * York * Hull")."""
    toks = doc_tokens(doc)
    found: list[tuple[int, list[int]]] = []
    i = 0
    while i < len(doc):
        token = toks[i]
        j = i - 1
        while j >= 0 and toks[j].is_space and "\n" not in toks[j].text:
            j -= 1
        if token.text in BULLETS and j >= 0 and toks[j].text == ":" and toks[j].whitespace_:
            bullets = [i]
            k = i + 1
            while k < len(doc) and not (toks[k].is_space and "\n" in toks[k].text):
                if toks[k].text in BULLETS and toks[k - 1].whitespace_ and toks[k].whitespace_:
                    bullets.append(k)
                k += 1
            if len(bullets) >= 2:
                found.append((j, bullets))
            i = k
            continue
        i += 1
    return found


#: markup left in an article's text ("<tweet id=…>", "</p>")
_MARKUP = re.compile(r"<[^<>]*>")
#: an element of markup left around an embedded post, with its text, that
#: opens its line ("<tweet tweet-author=…>text<tweet/>", "<blockquote
#: …>text</blockquote>"); markup inside running text ("<a href=…>", "<b>",
#: even a hostile "<script>") leaves its words in the claim
_EMBEDDED = re.compile(
    r"^[ \t]*<(tweet|blockquote|iframe|embed|figure|video)\b[^<>\n]*>[^\n]*?<(?:/\1|\1\s*/)>",
    re.IGNORECASE | re.MULTILINE,
)


def embedded_posts(text: str) -> list[tuple[int, int]]:
    """RETURNS (list[tuple[int, int]]): the character ranges of posts an
    article embeds as markup on one line ("<tweet …>…<tweet/>"): a copy of
    a post the article shows, not its own text, which puts forward its
    claims where it quotes or reports the post."""
    return [(m.start(), m.end()) for m in _EMBEDDED.finditer(text)]


def _has_content(span: Span) -> bool:
    """RETURNS (bool): whether a claim's words are more than markup (an
    embedded post's placeholder, "<tweet id=…></tweet>")."""
    return any(ch.isalnum() for ch in _MARKUP.sub("", span_text(span)))


def imperative_cues(rules_dir: Path | None = None) -> frozenset[str]:
    """RETURNS (frozenset[str]): the lemmas of one-word status cues that are
    bare verbs ("Imagine the club selling its captain": a hypothesis floated,
    rumored), whose imperative is a claim, not an instruction."""
    lemmas = set()
    for rule in load_cue_rules(rules_dir):
        pattern = rule.pattern
        if isinstance(pattern, list) and len(pattern) == 1 and pattern[0].get("TAG") == "VB":
            lemma = pattern[0].get("LEMMA")
            if isinstance(lemma, str):
                lemmas.add(lemma.lower())
    return frozenset(lemmas)


def _imperative(token: Token, words: SegmentWords) -> bool:
    """Whether ``token`` heads an imperative, an instruction to the reader or
    listener ("Take a listen", "Follow her on …", "please ask yourself"): a
    bare verb with no subject or auxiliary (an ``imperative`` decision rule)
    that opens its sentence (after adverbs and interjections only:
    ``imperative_lead``), or one coordinated with such a verb. Opening a quote, it is often parsed as
    hanging on what follows ("'Look what the council has done, the shops
    are closing'", "'Let's see how it goes,' she said"): an imperative all
    the same, unless the verb is a status cue of its own (the
    ``imperative_cue`` lexicon: "'Imagine the club selling its captain,'
    one fan wrote" floats a rumour)."""
    if token.dep_ == CONJUNCT_DEP and token.tag_ == BASE_FORM_TAG:
        token = token.head
    rule = words.match("imperative", token)
    if rule is None:
        return False
    before = token.doc[token.sent.start : token.i]
    leads = [(lead, t) for t in before if (lead := words.match("imperative_lead", t)) is not None]
    if len(leads) < len(before):
        return False
    words.note(rule, token)
    for lead, t in leads:
        words.note(lead, t)
    return True


def _wh_question(sent: Span, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a sentence asks rather than claims: it ends in
    a question mark and opens with a wh-word (a ``question_word`` decision
    rule), after a conjunction, an adverb or a quote mark if any
    (``question_lead``) ("Why now?", "So how can that be justified?"). A
    yes/no question ("Will the tour go ahead?") may float a rumour, and
    stays."""
    tokens = [t for t in span_tokens(sent) if not t.is_space and not t.is_quote]
    if not tokens or tokens[-1].text != "?":
        return False
    read: list[tuple[SegmentRule, Token]] = []
    k = 0
    while k < len(tokens) - 1 and (lead := words.match("question_lead", tokens[k])) is not None:
        read.append((lead, tokens[k]))
        k += 1
    word = words.match("question_word", tokens[k])
    if word is None:
        return False
    for rule, token in (*read, (word, tokens[k])):
        words.note(rule, token)
    return True


def _reporting_participle(token: Token, words: SegmentWords = NO_WORDS) -> bool:
    """ "…, saying the offer undervalues the business", "citing two people":
    a participle of reporting elaborates its clause, it is no claim itself.
    So does one after a trailing reporter, which the parser may hang on the
    reporting verb with the speaker as its subject (", said analyst Chris
    Weafer, commenting on the decision"). One that names a reason or a
    matter rather than a source or a statement (", citing a shortage of
    parts", ", hinting at more strikes") is a claim of its own: see
    :func:`_gives_reason`. The participles are the ``report_adjunct``
    decision rules."""
    rule = words.match("report_adjunct", token)
    if rule is None:
        return False
    if _gives_reason(token, words):
        return False
    words.note(rule, token)
    return True


def _gives_reason(participle: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a reporting participle set off after its
    clause, reporting no clause (a ``reason_participle`` decision rule),
    puts forward a matter of its own, not where the clause came from: its
    one object (or its preposition's object, ``participle_object``) is a
    thing, not a source, a statement or a finding (``reason_object``, the
    pack's words for sources its lexicon ``source_word``): "…, citing the
    need for more tests", "…, hinting at a return next year"; not "citing
    two people briefed on the talks", "citing a report in a trade paper";
    "saying the offer is too low" frames the clause it reports."""
    rule = words.match("reason_participle", participle)
    if rule is None:
        return False
    objects = [
        (g, found)
        for c in participle.children
        for g in (c, *c.children)
        if (found := words.match("participle_object", g)) is not None
    ]
    if len(objects) != 1:
        return False
    ((noun, taken),) = objects
    reason = words.match("reason_object", noun)
    if reason is None:
        return False
    words.note(rule, participle)
    words.note(taken, noun)
    words.note(reason, noun)
    return True


#: dependencies by which a verb says what it reports or does; a trailing
#: reporter has none of them
_CONTENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative"})


def trailing_reporter(token: Token, report_verbs: frozenset[str]) -> bool:
    """RETURNS (bool): whether ``token`` is a reporter after what it reports
    (", people familiar with its thinking said", ", the singer announced on
    Wednesday in a video"): attribution of the clause before it, no claim."""
    if token.dep_ not in SIDE_CLAUSE_DEPS or token.i < token.head.i or token.lemma_.lower() not in report_verbs:
        return False
    subject = next((c for c in token.children if c.dep_ == ACTIVE_SUBJECT_DEP), None)
    if subject is None or subject.i > token.i:
        return False
    # active, set off by a comma, with nothing reported or done of its own:
    # "…, and the verdict is not due until March" is a claim
    before = subject.left_edge.i - 1
    return (
        before >= 0
        and token.doc[before].text == ","
        and not any(c.dep_ in _CONTENT_DEPS or c.dep_ in PASSIVE_CONJUNCTION_NEGATION_DEPS for c in token.children)
    )


def absolute_predicate(with_token: Token, words: SegmentWords) -> Token:
    """RETURNS (Token): what an absolute phrase predicates: the participle
    ("planned", "writing") if there is one, else the noun (its ``absolute_object``)."""
    clause = next((c for c in with_token.children if _clausal_pcomp(c, words)), None)
    if clause is not None:
        return clause
    noun = next(c for c in with_token.children if words.match("absolute_object", c) is not None)
    for child in noun.children:
        if child.dep_ in CLAUSAL_MODIFIER_DEPS or child.tag_ in PARTICIPLE_TAGS:
            return child
    return noun


def _splits_from(conj: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a coordinated predicate is a claim of its own
    (a ``split_conjunct`` decision rule): it is finite or an auxiliary, has a
    subject, auxiliary, negation or subordinator of its own, is a bare form
    beside a finite verb with no modal, or a participle or adjective after
    an auxiliary.

    "is in development and widely anticipated" and "had received … and had
    turned down" are two claims; "may spark alliances and catalyze a revolution"
    (one modal over two bare verbs) is one.
    """
    return words.is_("split_conjunct", conj)


def gapped_conjunct(conj: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a coordinated clause leaves out the
    auxiliaries of the clause before it (a ``gapped_conjunct`` decision
    rule): a bare participle with a subject of its own and no auxiliary,
    after a verb with one ("300 jobs will be cut and two plants closed",
    "the site was sold and its staff moved"). It says its clause's verb
    phrase again, with its modal, and shares its status."""
    return words.is_("gapped_conjunct", conj)


def _coordinated_complement(conj: Token, words: SegmentWords) -> bool:
    """RETURNS (bool): whether a verb coordinated with an infinitive or a
    participle that completes another verb (a ``complement_conjunct``
    decision rule: one with an object or a phrase of its own) is a claim of
    its own because it is marked as one (``conjunct_marker``): it repeats
    "to" ("is due to open in May and to run for six weeks") or carries an
    adverb of its own that may set another status ("…, probably lifting
    sales and possibly cutting costs"). An unmarked pair under one verb
    ("decided to sell the plant and close the office") is one claim, as
    are alternatives ("fill or sort it") and a conjunct with no object or
    phrase ("to see and be seen")."""
    rule = words.match("complement_conjunct", conj)
    if rule is None:
        return False
    if words.is_("alternatives", conj.head):
        return False  # "fill or sort it": alternatives are one claim
    if words.child("conjunct_marker", conj) is None:
        return False
    words.note(rule, conj)
    return True


def reported_clause(token: Token, report_verbs: frozenset[str], words: SegmentWords = NO_WORDS) -> Token | None:
    """RETURNS (Token | None): the clause a reporting verb governs, if ``token`` is one.

    words (SegmentWords): the pack's decisions: a ``withheld_report`` rule
        keeps the clause in the report ("did not confirm that …": the report
        itself is the claim, what is not known; a negated belief verb still
        frames it, "I don't think it will pass"), as an ``embedded_question``
        one does ("did not say whether …"). ("Has yet to say …" never comes
        here: an infinitive heads no claim of its own.)
    """
    if token.lemma_.lower() not in report_verbs:
        return None
    if words.is_("withheld_report", token):
        return None
    for child in token.children:
        if child.dep_ in REPORTED_CLAUSE_DEPS and _is_predicate(child):
            if words.is_("embedded_question", child):
                return None
            return child
    return _misattached_that_clause(token, words)


def _misattached_that_clause(verb: Token, words: SegmentWords) -> Token | None:
    """RETURNS (Token | None): a "that" clause the parser hung on the noun of
    a phrase after the reporting verb ("said in a statement that X", "can say
    with confidence that X"): the report's content all the same (the first a
    ``misattached_report`` decision rule matches)."""
    for prep in verb.children:
        for noun in prep.children:
            clause = words.child("misattached_report", noun)
            if clause is not None:
                return clause
    return None


def _subject(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    return None


#: how a phrase of time hangs on a reporting verb: a preposition ("in an
#: interview last month"), a bare noun phrase ("last week") or an adverb ("weeks ago")
_LEAD_DEPS = frozenset({"prep", "npadvmod", "advmod"})


def _dated_lead(doc: Doc, frame: Token, first: int) -> int:
    """Where a reported claim starts when phrases on its reporting verb open
    the sentence before the reporter, one of them of time ("Last week, the
    minister said that …", "In an interview on Monday, she said …"): that
    phrase dates the report, which the evidence holds (``first`` otherwise,
    the reporter's first word). The phrases are set off by commas and open
    the sentence, or follow a label ("Update: On Monday, …")."""
    dates = doc.spans.get(DATES_KEY, [])
    if not dates:
        return first
    lead, dated = first, False
    for child in sorted((c for c in frame.children if c.i < first and not c.is_punct), key=lambda c: -c.i):
        left, right = child.left_edge.i, child.right_edge.i
        gap = doc[right + 1 : lead]
        if child.dep_ not in _LEAD_DEPS or right >= lead or not all(t.is_punct for t in gap):
            break
        if lead == first and not any(t.text == "," for t in gap):
            break  # "On Monday the board said": no comma sets the phrases off
        dated = dated or any(left <= d.start and d.end <= right + 1 for d in dates)
        lead = left
    label = doc[frame.sent.start : lead]
    if not dated or (len(label) and not (len(label) <= 4 and label[-1].text == ":")):
        return first
    return lead


#: the gates the claim heads other than clause heads are found behind, in the order
#: ``segment_sentence`` asks: is_absolute, summary_appositive, event_gerund,
#: summary_phrase, afterthought (two roles), prepositional_claim, figure_phrase
_OTHER_HEAD_GATES = (
    ("token", "absolute_with"), ("token", "summary_appositive"), ("head", "event_gerund"),
    ("token", "summary_phrase"), ("token", "afterthought"), ("token", "afterthought_phrase"),
    ("token", "set_off_preposition"), ("token", "figure_with"),
)


def _item_claim(item: Span, info: dict[str, Any], head: int) -> dict[str, Any]:
    """RETURNS (dict): the claim info of an item split out of a claim whose
    info is ``info`` and head ``head``: a clause of its own where a finite
    verb of the item has its own subject, else an item of that claim
    (``item_of``: it shares its status, and its frame)."""
    verb = next((t for t in item if finite(t) and any(c.dep_ in SUBJECT_DEPS for c in t.children)), None)
    if verb is not None:
        return {"head": verb.i, "frame": None}
    return {"head": item.root.i, "frame": info.get("frame"), "item_of": head}


class Segmenter(RulePackComponent):
    """Find clause-sized claims in each sentence.

    rules_dir (Path | None): rule pack; None for the default.
    spans_key (str): the span group claims go to.
    min_tokens (int): claims with fewer word tokens are dropped.
    load (bool): read the rule pack now (else in ``initialize`` or on first use).
    """

    pack_files = ("attribution.jsonl", "nonclaims.jsonl", "cues.jsonl", "segmentation.jsonl", "sentences.jsonl")

    def __init__(
        self, *, rules_dir: Path | None = None, spans_key: str = CLAIMS_KEY, min_tokens: int = 3, load: bool = True
    ) -> None:
        self.spans_key = spans_key
        self.min_tokens = min_tokens
        self._setup_pack(None, rules_dir, load=load)

    def load_rules(self, rules_dir: Path, nlp: Language | None) -> None:
        """Read the reporting verbs, non-claim phrases and afterthought adverbs of the pack at ``rules_dir``."""
        attribution_rules = load_attribution_rules(rules_dir)
        self.report_verbs = attribution_rules.get("report_verb", frozenset())
        self.boilerplate = load_nonclaim_phrases(rules_dir)
        self.credits = load_nonclaim_phrases(rules_dir, "credit")
        self.additions = load_nonclaim_phrases(rules_dir, "addition")
        self.nonclaim_ids = rule_ids(rules_dir, "nonclaims.jsonl")
        self.words = load_segment_words(rules_dir)
        self.copular = self.words.linking | self.words.causative
        #: the sentence pack's dateline patterns: a sentence that is all dateline is no claim
        self.datelines = load_datelines(rules_dir)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        text = doc_text(doc)
        self.words.begin(doc)
        try:
            for sent in doc.sents:
                spans.extend(self.segment_sentence(doc, sent, text))
            spans = self._split_separated_items(doc, spans)
        finally:
            self.words.end()
        for colon, bullets in inline_bullet_lists(doc):
            spans = self._split_bullets(doc, spans, colon, bullets)
        embedded = embedded_posts(text)
        if embedded:
            spans = [s for s in spans if not any(a < s.end_char and s.start_char < b for a, b in embedded)]
        doc.spans[self.spans_key] = spans
        return doc

    def _split_separated_items(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """One claim per item that a semicolon sets apart inside a claim
        (an ``item_separator`` decision rule on the semicolon): "The board
        hired more nurses; opened two clinics; and cut waiting times", "Its
        donors include Ann Roe, who runs a bakery; Ed Lim, a builder; and a
        union". News puts a semicolon between items long enough to say a
        thing of their own, whatever the parser hung them on (issue 12:
        robust to the parser). A cut is made only where both pieces keep
        enough words for a claim. The piece with the claim's head keeps its
        head and frame; another piece with a finite verb and a subject of its
        own is a clause of its own, any other an item of the claim
        (``item_of``: it shares its status)."""
        taken = {(s.start, s.end) for s in spans}
        out: list[Span] = []
        for span in spans:
            toks = span_tokens(span)
            found = [(t, rule) for t in toks[1:-1] if (rule := self.words.match("item_separator", t)) is not None]
            if not found:
                out.append(span)
                continue
            counts = [sum(1 for t in toks if t.i < cut.i and not t.is_punct and not t.is_space) for cut, _ in found]
            total = sum(1 for t in toks if not t.is_punct and not t.is_space)
            cuts: list[tuple[Token, SegmentRule]] = []
            before = 0
            for k, (cut, rule) in enumerate(found):
                after = (counts[k + 1] if k + 1 < len(found) else total) - counts[k]
                if counts[k] - before >= self.min_tokens and after >= self.min_tokens:
                    cuts.append((cut, rule))
                    before = counts[k]
            if not cuts:
                out.append(span)
                continue
            info = dict(claim_of(span) or {})
            head = info.get("head", span.root.i)
            bounds = [span.start - 1, *(cut.i for cut, _ in cuts), span.end]
            pieces: list[Span] = []
            for a, b in zip(bounds, bounds[1:]):
                piece = self._trim(doc, a + 1, b)
                if piece is None or not _has_content(piece) or (piece.start, piece.end) in taken:
                    continue
                set_claim(piece, info if piece.start <= head < piece.end else _item_claim(piece, info, head))
                pieces.append(piece)
            if not pieces:
                out.append(span)
                continue
            for cut, rule in cuts:
                self.words.note(rule, cut)
            out.extend(pieces)
        return sorted(out, key=lambda s: (s.start, s.end))

    def _split_bullets(self, doc: Doc, spans: list[Span], colon: int, bullets: list[int]) -> list[Span]:
        """One claim per item of an inline bullet list: the claim that ends at
        the list's colon runs on to the end of the first item, every other
        item is a claim of that clause (``item_of``: it shares its status);
        the parser's claims inside the list, made of its names, go."""
        end = doc[bullets[-1]].sent.end
        intro = next((s for s in spans if s.start < colon <= s.end + 1 and s.end <= bullets[0] + 1), None)
        if intro is None:
            intro = next((s for s in spans if s.start < colon < s.end), None)
        if intro is None:
            return spans
        bounds = [*bullets, end]
        kept = [s for s in spans if s is not intro and not (s.start > colon and s.start < end)]
        info = dict(claim_of(intro) or {})
        start = intro.start
        if info.get("head", intro.root.i) > colon:
            # the parser made a verb inside the list the clause's head: the
            # introducing clause is headed by its own root
            root = doc[intro.start : colon].root
            info = {"head": root.i, "frame": None}
            start = min(start, root.left_edge.i)
        first = self._trim(doc, start, bounds[1])
        items: list[Span] = []
        if first is not None:
            set_claim(first, info)
            items.append(first)
        for a, b in zip(bounds[1:], bounds[2:]):
            item = self._trim(doc, a + 1, b)
            if item is None or not _has_content(item):
                continue
            # an item run into the next sentence ("… Ohio Sales fell 2%") has a clause of its own
            set_claim(item, _item_claim(item, info, info["head"]))
            items.append(item)
        return sorted([*kept, *items], key=lambda s: (s.start, s.end))

    # -- per sentence ---------------------------------------------------------

    def segment_sentence(self, doc: Doc, sent: Span, text: str | None = None) -> list[Span]:
        asking = _wh_question(sent, self.words)
        if not asking and quoted_question(sent, self.report_verbs, self.words):
            return []  # "'Why now?' she asked.": asks, as the bare question does
        line_text = doc.text if text is None else text
        if _heading_or_byline(sent, line_text) or _untitled_headline(sent, doc):
            return []
        if is_dateline(span_text(sent), self.datelines):
            return []  # "WASHINGTON (AP) —": where and from whom, no claim
        credit = _credit(span_text(sent).lower(), self.credits) if self.credits else None
        if credit is not None:
            phrase, at = credit
            start = sent.start_char + at
            record_rule(doc, self.nonclaim_ids[("credit", phrase)], start, start + len(phrase))
            return []  # "Ann Lee contributed reporting from Lima": a credit line, a byline's kin
        if self.words.is_("credit_clause", sent.root):
            return []  # "Ann Lee reported from Lima.": where the reporter filed from, a byline's kin
        if _heading_line(sent, line_text, self.words):
            return []  # "Rivals on the river.": a heading inside the body
        if _verbless_lead_in(sent):
            return []  # "The Latest on the strike (all times local):": what follows is told, not this
        if _untitled_deck(sent, doc, self.words):
            return []  # "Night shifts at the heart of the dispute.": the deck below an untitled headline
        others = self.words.gate_union(_OTHER_HEAD_GATES)
        heads = [
            t
            for t in span_tokens(sent)
            if (
                is_clause_head(t, self.report_verbs, self.words)
                or passes_union(others, t)  # (the tests below pass over a word no gate of theirs lets by)
                and (
                    is_absolute(t, self.words)
                    or summary_appositive(t, self.words) is not None
                    or event_gerund(t, self.words) is not None
                    or summary_phrase(t, self.words)
                    or afterthought(t, self.words)
                    or prepositional_claim(t, self.words) is not None
                    or figure_phrase(t, self.words) is not None
                )
            )
            and not _reporting_participle(t, self.words)
        ]
        if not heads:
            return []
        frames: dict[int, int] = {}  # reported clause head -> reporting verb
        # a reporter after what it reports is attribution: neither a claim
        # nor part of the claim before it
        dropped: set[int] = {t.i for t in heads if trailing_reporter(t, self.report_verbs)}
        # ", suggesting investors expect more": the participle frames the claim it reports
        dropped.update(
            t.i for t in span_tokens(sent)
            if _reporting_participle(t, self.words)
            and any(c.dep_ == COMPLEMENT_DEP for c in t.children)
        )
        for token in heads:
            content = reported_clause(token, self.report_verbs, self.words)
            if content is None:
                continue
            frames[content.i] = token.i
            dropped.add(token.i)
        # "As one fan noted, X suggests Y": the reporting advcl is attribution only.
        # ("…, as the publisher reported a 7% fall in revenue": a report with news of its own stays)
        dropped.update(t.i for t in heads if self.words.is_("as_report", t))
        # "The plan, the council said, had stalled": a reporter set off inside the clause it reports frames it
        dropped.update(t.i for t in heads if self.words.is_("medial_reporter", t))
        heads_set = {t.i for t in heads}
        dropped.update(t.i for t in heads if _pseudo_cleft(t, heads_set, self.words))
        # "The survey found that X", "The rumour is that X": a verb whose only
        # content is a clause makes one claim with it, the verb its head (its
        # subject may carry the claim's status); no stub ("The survey found") is left
        merged = set()
        for token in heads:
            if token.i in dropped:
                continue
            content = bare_frame(token, heads_set, self.words) or bare_event_frame(token, heads_set, self.words)
            if content is not None and content.i not in frames and content.i not in dropped:
                merged.add(content.i)
        # "voters who said | X", "let them know | that X": a complement that ends a verb deep in another claim stays there;
        # "It is plain to us | that X", "We figured out | that X": so does a "that" clause of a verb that reports nothing
        kept: dict[int, int] = {}  # verb -> the "that" clause kept in its claim
        for t in heads:
            if t.i in frames or t.i in dropped or t.i in merged:
                continue
            if stub_complement(t, heads_set, dropped, self.words):
                merged.add(t.i)
            elif kept_complement(t, heads_set, dropped, self.words):
                merged.add(t.i)
                kept.setdefault(t.head.i, t.i)
        if merged:
            heads = [t for t in heads if t.i not in merged]
            heads_set = {t.i for t in heads}
        # "X is close, a new survey shows": the verb a glued clause hangs on frames it
        dropped.update(t.head.i for t in heads if t.dep_ == COMPLEMENT_DEP and glued_frame(t, self.report_verbs, self.words))
        # A reporting verb that governs a clause remains a claim when the
        # claim's own words are the report ("Valve denied that ..."): we keep
        # the report as the claim's frame rather than a claim of its own.
        claims: list[Span] = []
        for token in heads:
            if token.i in dropped or _imperative(token, self.words):
                continue
            frame_i = frames.get(token.i)
            frame = doc[frame_i] if frame_i is not None else None
            for start, end, head_i, min_words in self._claim_spans(doc, token, frame, heads_set, dropped):
                # an item of a list ("…, 400 in Italy") states its clause's predicate again
                item_of = token.i if head_i != token.i else None
                if head_i == token.i and is_absolute(token, self.words):
                    head_i = absolute_predicate(token, self.words).i
                elif head_i == token.i and (summary := summary_appositive(token, self.words)) is not None:
                    head_i = summary.i
                elif head_i == token.i and event_gerund(token, self.words) is not None:
                    head_i = event_gerund(token, self.words).i  # type: ignore[union-attr]
                elif head_i == token.i and prepositional_claim(token, self.words) is not None:
                    head_i, additive = prepositional_claim(token, self.words)  # type: ignore[misc]
                    if additive and token.head.i < token.i:
                        item_of = token.head.i  # "…, along with X": X shares its clause's predicate and status
                elif head_i == token.i and gapped_conjunct(token, self.words):
                    item_of = token.head.i  # "…could be cut and two depots shut": the clause's auxiliaries, and status
                elif head_i == token.i and figure_phrase(token, self.words) is not None:
                    head_i = figure_phrase(token, self.words)  # type: ignore[assignment]
                    item_of = token.head.i  # "…with a margin of error of 3 points": the clause's status
                span = self._trim(doc, start, end)
                if span is None:
                    continue
                if not span.start <= head_i < span.end and item_of is None:
                    # the parser put the predicate in a later half ("with a launch
                    # planned for May and sales set to open in June"): the half's own participle
                    head_i = next((t.i for t in span_tokens(span) if t.tag_ in PARTICIPLE_TAGS), span.root.i)
                words = sum(1 for t in span_tokens(span) if not t.is_punct and not t.is_space)
                if words < min_words:
                    continue
                if not _has_content(span):
                    continue  # "<tweet id=…>": markup, no proposition
                if _bare_noun_phrase(span, self.words):
                    continue  # "Jo Park." signing a letter, "Some really bad things.": names or exclaims, asserts nothing
                if _list_lead(span, text, self.words):
                    continue  # "The survey also found that:" + a list: the items are the claims
                lowered = span_text(span).lower()
                if _boilerplate(lowered, self.boilerplate):
                    self._record_nonclaim(span, "boilerplate")
                    continue
                added = addition(span, self.additions) if self.additions else None
                if added is not None:
                    phrase, at = added
                    record_rule(doc, self.nonclaim_ids[("addition", phrase)], at, at + len(phrase))
                    continue  # "…, let alone the archive": a further case of the clause before
                if statement_frame(span, doc[head_i], self.words):
                    continue  # "The union issued a statement saying": the frame of the claim split off after it
                if split_stub(span, doc[head_i], self.words):
                    continue  # "It means acknowledging | that …": the verb's content is the claim after it
                if addressee_question(span, doc[head_i], self.words):
                    continue  # "Do you back the plan?": asks for a stance, claims nothing
                if reporter_of_no_claim(span, doc[head_i], self.words):
                    continue  # "'Why now?' asked the senator", "'Is it fair?' | the paper asks.": who asked, no claim
                if quote_lead(span, doc[head_i], self.words):
                    continue  # "The mayor said in a statement: | '…'": who speaks the quote after it, no claim
                if performative(doc[head_i], self.words):
                    self._record_nonclaim(span, "performative", doc[head_i])
                    continue  # "I ask you to stay calm": the asking itself, no claim
                if aside(doc[head_i], self.words):
                    self._record_nonclaim(span, "aside", doc[head_i])
                    continue  # "as you can imagine": a turn to the listener, no claim
                if is_opinion(span, doc[head_i], self.words):
                    self._record_nonclaim(span, "opinion")
                    continue
                if doc[head_i].lemma_.lower() in self.copular:
                    self._record_nonclaim(span, "measurable")
                span._.claim = {
                    "head": head_i,
                    "frame": frame.i if frame is not None else None,
                }
                if item_of is not None:
                    claim_of(span)["item_of"] = item_of
                if head_i in kept:
                    claim_of(span)["complement"] = kept[head_i]  # the frame's own cue decides (claimx.claims.cues)
                claims.append(span)
        claims = [span for span in claims if not self._nested(span, claims)]
        claims.extend(self._dated_reports(doc, sent, dropped, frames, claims))
        if asking:
            # "Why glasses, and why now?" asks, it does not claim; a clause it sets off tells
            return [span for span in claims if self._question_aside(doc, span)]
        return claims

    def _question_aside(self, doc: Doc, span: Span) -> bool:
        """RETURNS (bool): whether a claim of a wh-question is a clause the
        question sets off (a ``question_aside`` decision rule: "Why did the
        mayor, who signed the deal in May, wait?"): the question asks, the
        clause tells."""
        head = (claim_of(span) or {}).get("head")
        rule = None if head is None else self.words.match("question_aside", doc[head])
        if rule is None:
            return False
        self.words.note(rule, doc[head])
        set_claim(span, {**claim_of(span), "told": True})  # the cue tagger reads no question into it
        return True

    def _nested(self, span: Span, claims: list[Span]) -> bool:
        """RETURNS (bool): whether a clause's claim lies wholly inside another
        claim of its sentence, its head a ``nested_clause`` decision rule ("The
        mayor, while on a visit to Lyon, signed the deal"): its words are that
        claim's, and one proposition is not two claims (issue 12). A claim
        whose evidence was stretched back to its reporter ("X said A, … B")
        holds other claims' words, not its own, and swallows none."""
        head = span.doc[claim_of(span)["head"]]
        if not any(
            other is not span
            and other.start <= span.start
            and span.end <= other.end
            and len(other) > len(span)
            and claim_of(other)["frame"] is None  # (a span stretched back to its reporter holds others' words)
            for other in claims
        ):
            return False
        rule = self.words.match("nested_clause", head)
        if rule is None:
            return False
        self.words.note(rule, head)
        return True

    def _dated_reports(
        self, doc: Doc, sent: Span, dropped: set[int], frames: dict[int, int], claims: list[Span]
    ) -> list[Span]:
        """A reporter after what it reports that a ``dated_report`` decision
        rule takes for an event of its own (", the senator said on Monday",
        ", a spokesman told reporters Thursday night"): the article states
        that the report was made, that day, a claim of its own. Its span is
        the verb and its dependents that a ``report_part`` rule keeps (the
        reporter, the day, the audience), never what it reports, and it ends
        where a claim of its own starts in its phrases ("…, he said in a
        video on Sunday, which suggests …")."""
        if not doc.spans.get(DATES_KEY):
            return []
        found: list[Span] = []
        contents = {frame: doc[content] for content, frame in frames.items()}
        for i in sorted(dropped):
            if not sent.start <= i < sent.end:
                continue
            verb = doc[i]
            content = contents.get(i)
            if content is None and trailing_reporter(verb, self.report_verbs):
                content = verb.head
            if content is None:
                continue
            rule = self.words.match("dated_report", verb, came_from=content)
            if rule is None:
                continue
            parts = [(c, part_rule) for c in verb.children if (part_rule := self.words.match("report_part", c)) is not None]
            own = [verb, *(t for c, _ in parts for t in c.subtree)]
            start, end = min(t.i for t in own), max(t.i for t in own) + 1
            if start <= content.i < end:
                continue  # the report would hold what it reports
            end = min([end, *(c.start for c in claims if i < c.start < end)])
            if not any(start <= d.start and d.end <= end for d in doc.spans[DATES_KEY]):
                continue  # the date was in the claim cut off
            span = self._trim(doc, start, end)
            if span is None:
                continue
            self.words.note(rule, verb)
            for part, part_rule in parts:
                self.words.note(part_rule, part)
            set_claim(span, {"head": i, "frame": None, "report": True})
            found.append(span)
        return found

    def _record_nonclaim(self, span: Span, decision: str, head: Token | None = None) -> None:
        """Record the ``nonclaims.jsonl`` rules behind a decision on a clause:
        the boilerplate phrase that ends a dropped one, the evaluative words
        and opinion verbs of an opinion, the measurable superlatives of a
        clause kept as a fact, the verb (``head``) of a performative or an aside."""
        doc = span.doc
        if not records_rules(doc):
            return
        ids = self.nonclaim_ids
        if decision in ("performative", "aside") and head is not None:
            # the lemma, or the word itself where the tagger's lemma is no word ("congrats": "congrat")
            key = next(k for k in ((decision, head.lemma_.lower()), (decision, head.lower_)) if k in ids)
            record_rule(doc, ids[key], head.idx, head.idx + len(head.text))
            return
        if decision == "boilerplate":
            tail = span_text(span).lower().rstrip(" .,;:!?\"'”’)")
            for phrase in self.boilerplate:
                if tail.endswith(phrase):
                    end = span.start_char + len(tail)
                    record_rule(doc, ids[("boilerplate", phrase)], end - len(phrase), end)
            return
        for t in span_tokens(span):
            words = (t.lemma_.lower(), t.lower_)
            if decision == "opinion":
                for kind in ("evaluative", "opinion_verb"):
                    for word in dict.fromkeys(words):
                        if (kind, word) in ids:
                            record_rule(doc, ids[(kind, word)], t.idx, t.idx + len(t.text))
            elif (graded := self.words.match("graded_word", t)) is not None:
                # a superlative, or an adjective graded by "most" or "least" (a ``graded_word`` decision rule)
                for word in dict.fromkeys(words):
                    if ("measurable", word) in ids:
                        record_rule(doc, ids[("measurable", word)], t.idx, t.idx + len(t.text))
                        self.words.note(graded, t)

    def _own_tokens(self, token: Token, heads: set[int], dropped: set[int]) -> list[Token]:
        """Tokens of ``token``'s subtree that belong to no other claim."""
        own: list[Token] = []
        stack = [token]
        while stack:
            current = stack.pop()
            own.append(current)
            for child in current.children:
                if child.i in heads and child.i not in dropped:
                    continue
                if child.i in dropped and child.dep_ in ATTACHED_CLAUSE_DEPS:
                    # a coordinated reporting verb ("…, and analysts estimate
                    # that …"), or a relative one ("…, which said that …"),
                    # belongs to the claim it reports
                    continue
                if child.dep_ == APPOSITION_DEP and any(
                    r.i in heads and r.i not in dropped and self.words.match("appositive_relative", r) is not None
                    for r in child.children
                ):
                    continue  # "…, a firm that makes pumps": the appositive goes with its relative clause
                if self.words.is_("concession_frame", child, child.dep):
                    continue  # "Whatever the outcome, …": a concession, no part of the claim
                stack.append(child)
        return own

    def _claim_spans(
        self,
        doc: Doc,
        token: Token,
        frame: Token | None,
        heads: set[int],
        dropped: set[int],
    ) -> Iterable[tuple[int, int, int, int]]:
        """Yield ``(start, end, head index, fewest words)`` of each claim ``token`` heads."""
        own = [
            t
            for t in self._own_tokens(token, heads, dropped)
            if t.pos_ not in EDGE_POS and t.dep_ not in CONNECTIVE_DEPS
        ] or [token]
        start = min(t.i for t in own)
        end = max(t.i for t in own) + 1
        # after the predicate, a claim stops where another claim's words
        # begin ("Dohrn is directing, with Vernon as co-director": the
        # absolute is a claim of its own, and the evidence ends before it)
        # (unless what follows the gap is more than a loose phrase: a
        # conjunct or a subject, as in a cast list "…, and Ed Skrein as Zapan")
        mine = {t.i for t in own}
        for i in range(token.i + 1, end):
            if i in mine or doc[i].is_punct or doc[i].is_space or doc[i].pos_ in EDGE_POS or doc[i].dep_ in CONNECTIVE_DEPS:
                continue
            tail = [t for t in own if t.i > i]
            if not any(t.dep_ in BEYOND_GAP_DEPS for t in tail):
                end = i
            break
        if frame is not None and frame.i < token.i:
            # Reporter first: the evidence starts at the reporter.
            subject = _subject(frame)
            first = subject.left_edge.i if subject is not None else frame.i
            # When the reporting verb is itself a conjunct ("X confirmed A but
            # said B"), its subject belongs to the first conjunct only.
            if frame.dep_ == CONJUNCT_DEP and subject is None:
                first = frame.i
            # "Novacell said it expects …": a report inside a report starts
            # at the outer reporter
            outer = frame.head
            if self.words.is_("inner_report", frame):
                outer_subject = _subject(outer)
                if outer_subject is not None:
                    first = min(first, outer_subject.left_edge.i)
            first = min(first, _dated_lead(doc, frame, first))
            start = min(start, first)
        if self.words.is_("appositive_relative", token):
            # "…, an oligarch who made billions": the relative clause that
            # closes an appositive says what the appositive's noun is, one
            # claim with it, which the clause the appositive hangs on leaves
            start = min(start, token.head.left_edge.i)
        interrupted = interrupted_subject(token, self.words)
        if interrupted is not None and interrupted <= token.i:
            # "Vance, who hurt her knee in May, is unlikely to tour": the
            # relative clause is a claim of its own, and this one starts
            # after it, at what is said of the subject
            start = max(start, interrupted)
        yield from self._split_lists(doc, start, end, token.i)

    def _split_lists(self, doc: Doc, start: int, end: int, head_i: int) -> Iterable[tuple[int, int, int, int]]:
        """Split "A as X, B as Y, and C as Z" lists into one claim per person.

        An item is a proper name followed by "as" (a ``named_item`` decision
        rule; the name's earlier words, ``name_part``), after a bound of the
        list (``list_bound``: a comma or "and"); an adverb may come between
        (``item_adverb``: "and potentially Edward Norton as …"). The rules
        are recorded where an item is found.
        """
        toks = doc_tokens(doc)
        words = self.words
        items: list[int] = []
        for i in range(start + 2, end):
            if not words.is_("named_item", toks[i]):
                continue
            read: list[tuple[SegmentRule, Token]] = []
            first = i - 1
            while first > start and (part := words.match("name_part", toks[first - 1])) is not None:
                first -= 1
                read.append((part, toks[first]))
            j = first - 1
            while j > start and (adverb := words.match("item_adverb", toks[j])) is not None:
                read.append((adverb, toks[j]))
                j -= 1
            if j > start and (bound := words.match("list_bound", toks[j])) is not None:
                for rule, token in ((bound, toks[j]), *read):
                    words.note(rule, token)
                items.append(j + 1)  # the item keeps its adverb ("potentially")
        gapped = set(_gapped_items(doc, start, end, words))
        items.extend(gapped)
        items.extend(_gapped_comparisons(doc, start, end, words))
        items.extend(_absolute_halves(doc, start, end, words))
        if not items:
            yield start, end, head_i, self.min_tokens
            return
        bounds = [start, *sorted(set(items)), end]
        for a, b in zip(bounds, bounds[1:]):
            # a gapped item is a name and its number ("Kasich 37"): two words are a claim
            yield a, b, head_i if a == start else a, min(self.min_tokens, GAPPED_ITEM_WORDS) if a in gapped else self.min_tokens

    def _trim(self, doc: Doc, start: int, end: int) -> Span | None:
        # a label before a colon that opens the claim ("ROE: …", "Update: …") is no part of it
        toks = doc_tokens(doc)
        for k in range(start + 1, min(start + 5, end - 1)):
            if toks[k].text == ":":
                if all(toks[j].is_upper or toks[j].is_title for j in range(start, k)):
                    start = k + 1
                break
        while start < end and (toks[start].pos_ in EDGE_POS or toks[start].dep_ in CONNECTIVE_DEPS):
            start += 1
        while end > start and (toks[end - 1].pos_ in EDGE_POS or toks[end - 1].is_space):
            end -= 1
        # a trailing "according to X" (a ``source_preposition`` decision rule,
        # on its last word) is attribution, not evidence; one in mid-sentence
        # ("What is off the table, according to the board, is …") stays
        for i in range(start + 1, end - 1):
            if toks[i - 1].is_punct and (rule := self.words.match("source_preposition", toks[i + 1])) is not None:
                rest = doc[toks[i].right_edge.i + 1 : end]
                if all(t.is_punct or t.is_space for t in rest):
                    self.words.note(rule, toks[i + 1])
                    end = i - 1
                break
        while end > start and (toks[end - 1].pos_ in EDGE_POS or toks[end - 1].is_space):
            end -= 1
        if end <= start:
            return None
        return doc[start:end]


@Language.factory(
    "claimx_segment",
    assigns=["doc.spans", "span._.claim", "span._.claim_head", "span._.claim_frame"],
    requires=["token.dep", "token.lemma", "doc.sents", "span._.timex"],
    default_config={"spans_key": CLAIMS_KEY, "min_tokens": 3, "rules_dir": None},
)
def make_segmenter(
    nlp: Language, name: str, spans_key: str, min_tokens: int, rules_dir: str | None
) -> Segmenter:
    """Build the claim segmenter (see :class:`Segmenter`)."""
    return Segmenter(
        rules_dir=Path(rules_dir) if rules_dir else None, spans_key=spans_key, min_tokens=min_tokens, load=False
    )
