""":mod:`claimx.claims.target`: the status claimx gives any span of a processed Doc.

Benchmarks (and users with their own entities or events) ask about a
*predicate*, not a clause: "what status does claimx give *launch* in this
sentence?". :func:`status_of` answers from a Doc the claimx pipeline has
processed, the way medspaCy's ConText answers for a target entity:

- when a claim contains the target and the claim's predicate is the target or
  governs it (an ancestor in the parse), the claim decides. Its own predicate
  gets the claim's status, unless one of the claim's cues sits in a clause
  below it ("*tells* airlines not to buy"). A verb below the predicate gets
  the claim's cues plus those in scope of itself and of each verb on the way
  up ("intend to *launch*" is expected), under the claim's attribution. A
  *presupposed* target (a noun or adjective, or the verb of a relative or
  participle clause; not the complement of a copula, "is not *efficient*",
  nor the event noun of a light verb, "may have a large *impact*") counts
  only the cues in its own scope: inside its
  phrase ("a *possible* deal" is rumored) and the verb it is subject or
  object of ("the *deliveries* are scheduled"). A noun in a prepositional
  phrase ("plans to sell films for *download*") or the verb of a relative
  clause ("the music it *sells* is not") is not hedged by the clause around
  it, and who reports the claim does not hedge a presupposed target;
- otherwise, and for a verb of reporting (the act of saying, forecasting or
  denying is itself a fact: "analysts had *forecast* losses"), the cue
  tagger's scope and decision logic run with the target as the predicate,
  over its sentence, with no attribution; a reporting verb takes only its own
  negation and modals. A negated verb of telling that is the target is denied
  ("did not *say* whether"), though the claim about what it did not tell is
  unconfirmed.

Either way a cue lying on the target itself counts only when it negates: a
stance word is itself a fact ("they *intend* to launch": the intending is
confirmed, the launch expected; likewise "executives *are* in talks"), and a
cue inside a clause embedded under the target hedges that clause, not the
target ("analysts *said* it may close").

Last, a target still confirmed takes the status that a word sets for the
event it takes as complement (cue rules of category ``complement``): "fears
of a *recession*" is rumored; "the cancelled *deal*", "the *flight* was
delayed" and "a delay in *delivery*" are denied; "efforts to *ease* the
crisis" is expected. The governing word itself stays a fact. An adverb of
that category sets the status of the verb it modifies: "the Dow *nearly*
broke the record" is denied.

Example::

    doc = nlp(text)  # the claimx pipeline
    result = status_of(doc, 10, 17)
    result.status, result.cues, result.claim, result.source
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

from .cues import CueTagger
from .extensions import CLAIMS_KEY, CUES_KEY, claim_of, cue_of, record_rule
from .scope import Walk
from .tree import INFINITIVE_MARKER_TAG

#: Label of the ad-hoc sentence span, so its ``._`` values never alias a claim's.
_TARGET_LABEL = "claimx_target"
#: Cue categories (of ``cues.jsonl``) that take a word's assertion back: negation, hedge, plan.
HEDGE_CATEGORIES = frozenset({"neg", "unknown", "pseudo", "spec", "expect"})
#: Cue categories that a target word still takes from a cue on itself (the rest are stance words, facts).
OWN_CUE_CATEGORIES = frozenset({"neg", "unknown"})


@dataclass
class TargetStatus:
    """What claimx says about one target span.

    status (str): one of ``claimx.schemas.STATUSES``.
    cues (list[dict]): the cues that set it, ``{"start", "end", "status", "text"}``
        (character offsets into ``doc.text``).
    claim (dict | None): the claim holding the target, ``{"start", "end", "head",
        "status"}`` (character offsets; ``head`` a token index), or None.
    source (str): ``"claim"`` when the status comes from that claim, ``"scope"``
        when cue scope was applied to the target over its sentence (then
        ``claim`` is set only for a reporting verb inside a claim).
    attribution (dict | None): the claim's attribution, when it has one.
    target (int): the token index taken as the target's predicate.
    """

    status: str
    cues: list[dict[str, Any]] = field(default_factory=list)
    claim: dict[str, Any] | None = None
    source: Literal["claim", "scope"] = "scope"
    attribution: dict[str, Any] | None = None
    target: int = -1

    def to_dict(self) -> dict[str, Any]:
        """RETURNS (dict): plain data, JSON-serialisable."""
        return asdict(self)


@functools.lru_cache(maxsize=1)
def default_tagger() -> CueTagger:
    """A cue tagger for scope and decisions only (cues come from ``doc.spans``)."""
    import spacy

    return CueTagger(spacy.blank("en"))


def target_token(doc: Doc, start_char: int, end_char: int) -> Token:
    """The token that stands for a character span: the syntactic root of the
    tokens it overlaps.

    RETURNS (Token): the target's predicate token.
    RAISES (ValueError): when the span overlaps no token.
    """
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        raise ValueError(f"characters {start_char}-{end_char} cover no token of the Doc")
    tokens = [t for t in span if not t.is_space] or list(span)
    roots = [t for t in tokens if t.head.i == t.i or not (span.start <= t.head.i < span.end)]
    return roots[0] if roots else tokens[0]


def _governs(head: Token, token: Token) -> bool:
    return head.i == token.i or any(a.i == head.i for a in token.ancestors)


def containing_claim(doc: Doc, token: Token) -> Span | None:
    """The claim holding ``token`` whose predicate is the token or governs it;
    among several, the one whose predicate is nearest the token in the tree.

    RETURNS (Span | None): the claim span, or None.
    """
    best: Span | None = None
    best_depth = -1
    for claim in doc.spans[CLAIMS_KEY]:
        if not (claim.start <= token.i < claim.end):
            continue
        head_i = (claim_of(claim) or {}).get("head", claim.root.i)
        head = doc[head_i]
        if not _governs(head, token):
            continue
        depth = sum(1 for _ in head.ancestors)
        if depth > best_depth:
            best, best_depth = claim, depth
    return best


def _cue_dicts(cues: list[Span]) -> list[dict[str, Any]]:
    return [
        {"start": c.start_char, "end": c.end_char, "status": (cue_of(c) or {}).get("status"), "text": c.text}
        for c in cues
    ]


def status_of(doc: Doc, start_char: int, end_char: int, *, tagger: CueTagger | None = None) -> TargetStatus:
    """The status claimx gives the target at ``[start_char, end_char)`` of ``doc``.

    doc (Doc): a Doc processed by the claimx pipeline (it needs the ``claims``
        and ``cues`` span groups).
    start_char (int): the target's first character.
    end_char (int): one past its last character.
    tagger (CueTagger | None): the cue tagger whose scope and decision rules to
        apply, e.g. ``nlp.get_pipe("claimx_cues")`` for a custom rule pack;
        None for the default rules.
    RETURNS (TargetStatus): status, cues, the claim holding the target and how
        the status was reached.
    RAISES (ValueError): when the Doc was not processed by claimx or the span
        covers no token.
    """
    if CLAIMS_KEY not in doc.spans or CUES_KEY not in doc.spans:
        raise ValueError("status_of needs a Doc processed by the claimx pipeline (no 'claims'/'cues' span groups)")
    tagger = tagger or default_tagger()
    token = target_token(doc, start_char, end_char)
    by_token: dict[int, Span] = {}
    for cue in doc.spans[CUES_KEY]:
        for i in range(cue.start, cue.end):
            by_token[i] = cue
    # the act of saying, forecasting or denying is itself a fact; who says it
    # and what is said hedge the content, not the act ("analysts had
    # *forecast* losses"), so only the cues in its own scope count
    speech_act = _speech_act(token, tagger)
    claim = containing_claim(doc, token)
    if claim is not None and not speech_act:
        info = claim_of(claim) or {}
        claim_info = _claim_info(claim)
        head_i = claim_info["head"]
        attribution = info.get("attribution")
        own = {(c["start"], c["end"]) for c in info.get("cues", [])}
        claim_cues = [c for c in doc.spans[CUES_KEY] if (c.start_char, c.end_char) in own]
        # a cue of the claim that sits in a clause below the target ("tells
        # airlines *not* to buy") hedges that clause, not the target
        inherited = [c for c in claim_cues if not _embedded(c, token, tagger, claim)]
        on_target = any(c.start <= token.i < c.end or _on_target(c, token, tagger) for c in inherited)
        if head_i == token.i and len(inherited) == len(claim_cues) and not on_target:
            return _with_complement(TargetStatus(
                status=info.get("status") or "confirmed",
                cues=[{**c, "text": doc.text[c["start"] : c["end"]]} for c in info.get("cues", [])],
                claim=claim_info,
                source="claim",
                attribution=attribution,
                target=token.i,
            ), token, tagger, by_token)
        # the claim's cues, plus those in scope of the target and of each verb
        # between it and the claim's predicate ("intend to *launch*")
        nominal = presupposed(token, tagger)
        # a relative clause on the way up is taken for granted: "will not
        # announce the dealerships it intends to *shut*" keeps "will not" out
        boundary = _relative_boundary(token, head_i, tagger)
        cues = [] if nominal or boundary is not None else list(inherited)
        node = token
        while True:
            if nominal and node.i != token.i:
                break
            if boundary is not None and node.i == boundary.head.i:
                break
            for cue in tagger.cues_in_scope(doc, claim, node, None, by_token):
                if cue not in cues and not _embedded(cue, node, tagger):
                    cues.append(cue)
            if node.i == head_i or node.head.i == node.i:
                break
            node = node.head
        if nominal:
            verb = _argument_of(token, tagger)
            if verb is not None and claim.start <= verb.i < claim.end:
                cues += [c for c in tagger.cues_in_scope(doc, claim, verb, None, by_token) if c not in cues]
            cues = [c for c in cues if _own_cue(c, token, tagger)]
        cues = sorted((c for c in cues if not _on_target(c, token, tagger)), key=_cue_start)
        # a nominal event in the claim is presupposed: who reports the claim
        # does not hedge it
        status, used = tagger.decide(
            doc, claim, token, cues, None if nominal or boundary is not None else attribution
        )
        if status == "future":
            # a plain "will": the claim's own reading (confirmed, or expected
            # in a speculative passage) stands
            status = "expected" if info.get("status") == "expected" else "confirmed"
        return _with_complement(TargetStatus(
            status=status, cues=_cue_dicts(used), claim=claim_info, source="claim",
            attribution=attribution, target=token.i,
        ), token, tagger, by_token)
    sent = token.sent
    span = Span(doc, sent.start, sent.end, label=_TARGET_LABEL)
    nominal = presupposed(token, tagger)
    candidates = tagger.cues_in_scope(doc, span, token, None, by_token)
    verb = _argument_of(token, tagger) if nominal else None
    if verb is not None:
        candidates += [c for c in tagger.cues_in_scope(doc, span, verb, None, by_token) if c not in candidates]
    cues = [
        c for c in candidates
        if not _embedded(c, token, tagger) and not _on_target(c, token, tagger) and (not nominal or _own_cue(c, token, tagger))
        # a speech act takes only its own negation and modals ("may have *said*")
        and (not speech_act or c.root.i == token.i or c.root.head.i == token.i)
    ]
    status, used = tagger.decide(doc, span, token, cues, None)
    if status == "future":
        status = "confirmed"
    # a speech act inside a claim: the claim holds it, its own scope decides
    holder = _claim_info(claim) if claim is not None else None
    return _with_complement(
        TargetStatus(status=status, cues=_cue_dicts(used), claim=holder, source="scope", target=token.i),
        token, tagger, by_token,
    )


def _claim_info(claim: Span) -> dict[str, Any]:
    """The ``claim`` field of a :class:`TargetStatus`."""
    info = claim_of(claim) or {}
    return {"start": claim.start_char, "end": claim.end_char, "head": info.get("head", claim.root.i), "status": info.get("status")}


def _relative_boundary(token: Token, head_i: int, tagger: CueTagger) -> Token | None:
    """The first relative or participle clause head on the way from ``token``
    (exclusive) up to the claim's predicate, or None."""
    node = token
    while node.i != head_i and node.head.i != node.i:
        node = node.head
        if node.i != head_i and tagger.target_rule("nominal_target", node) is None and presupposed(node, tagger):
            return node
    return None


def _speech_act(token: Token, tagger: CueTagger) -> bool:
    """Whether ``token`` is a verb of reporting (``report_verb`` rules)."""
    return tagger.target_rule("speech_act", token) is not None


def _negated_telling(token: Token, tagger: CueTagger) -> bool:
    """Whether ``token`` is a verb of telling that is itself negated ("did
    not *say* whether …"): what was not said is unknown, the saying did not
    happen."""
    lemma = token.lemma_.lower()
    return (lemma in tagger.tell_verbs or lemma in tagger.report_verbs) and tagger.target_rule("negated_verb", token) is not None


def presupposed(token: Token, tagger: CueTagger | None = None) -> bool:
    """Whether the target is taken for granted by its sentence rather than put
    forward by it: a noun or adjective, or the verb of a relative or
    participle clause ("the music *sold* there", "figures *released* on
    Monday"); only the cues in its own scope hedge it.

    tagger (CueTagger | None): whose ``target`` rules to use; None for the default pack's.
    """
    tagger = tagger or default_tagger()
    if tagger.target_rule("nominal_target", token) is not None:
        # "the company is not *efficient*", "it is not a *threat*", "may have
        # a large *impact*": the complement of a copula, or the event noun of
        # a light verb (a ``predicate_complement`` rule), is what the clause
        # puts forward
        return tagger.target_rule("predicate_complement", token) is None
    return tagger.target_rule("presupposed_clause", token) is not None


def _argument_of(token: Token, tagger: CueTagger) -> Token | None:
    """The verb a presupposed noun is a core argument of (a ``core_argument`` rule), or None."""
    if token.head.i == token.i or tagger.target_rule("core_argument", token) is None:
        return None
    return token.head


def _own_cue(cue: Span, token: Token, tagger: CueTagger) -> bool:
    """Whether a cue is in a presupposed target's own scope: inside its
    phrase, or, for a core argument, the verb it is an argument of."""
    root = cue.root
    if root.i == token.i or any(a.i == token.i for a in root.ancestors):
        return True
    verb = _argument_of(token, tagger)
    return verb is not None and root.i == verb.i


def complement_of(token: Token, tagger: CueTagger) -> Token | None:
    """The word that takes ``token``'s event as its complement and sets its
    status, per the cue rules of category ``complement``: "*fears* of a
    recession" (rumored), "the *cancelled* deal", "the flight was *delayed*"
    (denied), "*efforts* to ease the crisis" (expected). The status passes to
    a complement's predicate words, its conjuncts and its content clause
    ("a cancelled deal to *lease* jets").

    token (Token): the target.
    tagger (CueTagger): the cue rules.
    RETURNS (Token | None): the governing word, or None.
    """
    node = token
    for _ in range(4):
        head = node.head
        if head.i != node.i:
            if tagger.target_rule("verb_complement", node) and tagger.complement_rule(head):
                return head  # "*delayed* the tour", "the tour was *delayed*"
            if tagger.target_rule("noun_complement", node) and tagger.complement_rule(head):
                return head  # "*efforts* to ease", "*fears* that it fails"
            if tagger.target_rule("prepositional_complement", node):
                rule = tagger.complement_rule(head.head)
                if rule is not None and head.lower_ in rule.preps:
                    return head.head
        for child in node.children:
            # "the *cancelled* deal", "test flight *delayed* after an accident"
            if tagger.target_rule("participle_modifier", child) and tagger.complement_rule(child):
                return child
            # "the Dow *nearly* broke the record": it did not
            if node.i == token.i and tagger.target_rule("verb_adverb", child) and tagger.complement_rule(child):
                return child
        # pass on: "will be *insolvent*", "stem the crash and *restore*",
        # "a deal to *lease*"
        if tagger.target_rule("complement_passes", node):
            node = node.head
            continue
        return None
    return None


def _with_complement(result: TargetStatus, token: Token, tagger: CueTagger, by_token: dict[int, Span]) -> TargetStatus:
    """A target left confirmed by its cues takes the status its governing word
    sets ("fears of a *recession*" is rumored), when that word is itself
    asserted: "the *launch* was not delayed" and "may be delayed" keep theirs.
    A negated verb of telling that is the target is denied ("did not *say*
    whether"), though the claim about what it did not tell is unconfirmed."""
    if result.status == "unconfirmed" and _negated_telling(token, tagger):
        result.status = "denied"
        return result
    word = complement_of(token, tagger)
    if word is None or any(
        _hedges(by_token.get(c.i)) and tagger.target_rule("governor_modifier", c) for c in word.children
    ):
        return result  # "may be *delayed*", "was not *cancelled*"; its subject ("a *plan* … failed") does not count
    # the governing word is the cue closest to the target: it wins over a
    # hedge of the clause around it ("a plan to bail them out *failed* to
    # pass"), not over one in the target's own phrase
    doc = token.doc
    for cue in result.cues if result.status != "confirmed" else []:
        root = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
        if root is not None and (root.root.i == token.i or any(a.i == token.i for a in root.root.ancestors)):
            return result
    rule = tagger.complement_rule(word)
    assert rule is not None
    result.status = rule.status
    result.cues = [{"start": word.idx, "end": word.idx + len(word.text), "status": rule.status, "text": word.text}]
    return result


def _hedges(cue: Span | None) -> bool:
    """Whether a cue takes a word's assertion back (negation, hedge, plan)."""
    return cue is not None and (cue_of(cue) or {}).get("category") in HEDGE_CATEGORIES


def _embedded(cue: Span, node: Token, tagger: CueTagger, claim: Span | None = None) -> bool:
    """Whether a cue sits in a clause of its own below ``node`` ("said [it *may* …]"):
    an ``embedded_clause`` rule matches a word on its way up."""
    t = cue.root
    crossed = False
    while t.i != node.i:
        crossed = crossed or tagger.target_rule("embedded_clause", t) is not None
        if t.head.i == t.i:
            # not below ``node``: a cue in a clause beside it is out of its
            # scope; one the claim took from the clause it hangs on ("…
            # likely to be slow, with unemployment *declining*") is not
            return crossed and (claim is None or claim.start <= cue.start < claim.end)
        t = t.head
    return crossed


def _on_target(cue: Span, token: Token, tagger: CueTagger) -> bool:
    """A stance word is itself a fact: "*intend* to launch" hedges the launch,
    not the intending. So is a stance word that the target verb has or is
    (a ``stance_on_target`` rule: "Apple *has* plans to import …", "talks *are*
    likely to resume", "executives *are* in negotiations").
    Negation and unknown cues are kept, but for one that starts on the
    target and runs on through the infinitive marker: it takes the verb after
    it ("the union *refused* to sign", "*declined* to comment": the refusing
    is a fact)."""
    if (cue_of(cue) or {}).get("category") in OWN_CUE_CATEGORIES:
        return cue.start == token.i and any(t.tag_ == INFINITIVE_MARKER_TAG for t in cue[1:])
    if cue.start <= token.i < cue.end:
        return True
    root = cue.root
    walk = Walk({token.i}, cue, None)
    for rule, test in tagger.target_roles["stance_on_target"]:
        if test(root, walk):
            record_rule(root.doc, rule.id, root.idx, root.idx + len(root.text))
            return True
    return False


def _cue_start(cue: Span) -> int:
    return cue.start


__all__ = ["TargetStatus", "complement_of", "containing_claim", "presupposed", "status_of", "target_token"]
