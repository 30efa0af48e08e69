""":mod:`claimx.claims.cues`: status from cues with scope.

Cues come from ``models/en/cues.jsonl``: a phrase (matched on ``NORM``, so
curly apostrophes and "won't" behave) or a spaCy token pattern, with a
*category* and the status it points to:

==============  ===========  =============================================
category        status       e.g.
==============  ===========  =============================================
``certain``     confirmed    officially, confirmed, announced, has begun
``expect``      expected     expected to, slated, plans to, aims to, likely
``future``      expected     will, 'll (confirmed when the makers say it)
``spec``        rumored      may, could, reportedly, tentatively, suggests
``neg``         denied       not, no, never, denied, ruled out, unlikely
``unknown``     unconfirmed  no date has been set, remains unconfirmed
``pseudo``      (its own)    has not ruled out → rumored
``tell_verb``   —            announce, say, name: negated → unconfirmed
``ignore``      —            "not all", "if compared to": no cue, but
                             shadows the shorter cues inside it
``complement``  (its own)    fears (of), cancelled, efforts (to): no cue of
                             a claim; sets the status of the event the word
                             takes as complement, see :mod:`claimx.claims.target`
==============  ===========  =============================================

Overlapping matches keep the longest. A cue counts for a claim when it lies in
the claim (or on its reporting verb) and is *in scope* of the predicate: it is
not buried in a noun phrase ("a *possible* offer") or in another clause.

The status of a claim is then decided from its cues, strongest first:
negation (``denied``, or ``unconfirmed`` when it negates a verb of telling or
deciding) and ``unknown`` cues; a pseudo cue's own status; speculation
(``rumored``); expectation (``expected``); certainty (``confirmed``); and with
no cue at all, a plain assertion is ``confirmed``. Finally the source's
authority applies: what unnamed insiders, fans, analysts or leakers say or
expect is ``rumored``; a conditional or a question is ``rumored``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..errors import RulePackError
from ..rules import CueRule, load_attribution_rules, load_cue_rules
from .attribution import AUTHORITY_MAKER, AUTHORITY_RUMOR, KIND_UNNAMED
from .component import RulePackComponent
from .extensions import (
    CLAIMS_KEY,
    CUES_KEY,
    DATES_KEY,
    record_rule,
    register_extensions,
)
from .segment import (
    absolute_clause,
    is_absolute,
    summary_appositive,
    summary_phrase,
)
from .sentences import paragraph_starts, sentence_ids
from .tree import CORE_ARGUMENT_DEPS

register_extensions()

#: Dependencies that carry a cue out of the clause's scope: modifiers inside
#: noun phrases and embedded clauses of their own.
OUT_OF_SCOPE_DEPS = frozenset(
    {"amod", "compound", "poss", "relcl", "acl", "appos", "nmod", "pobj", "dobj", "npadvmod"}
)


#: cue categories a first predicate shares with the predicates coordinated with it
SHARED_HEDGES = frozenset({"spec", "expect", "future"})


# Function words the grammar helpers test for (auxiliaries, a modal, the
# infinitive marker, negators); content words live in ``cues.jsonl``.
_HAVE = "have"
_BE = "be"
#: the verbs of possession and being whose object carries the clause ("has no date", "is no plan")
_HAVE_BE = (_HAVE, _BE)
#: the modal that, under a past verb of saying, reports a "will"
_WOULD = "would"
#: the infinitive marker ("has yet *to* announce")
_TO = "to"
#: negative determiners ("*no* date", "*none*")
_NEGATIVE_DETERMINERS = ("no", "none")
#: the clause negators
_NOT = ("not", "n't")


def _bare_lemma(pattern: list[dict[str, Any]]) -> str | None:
    """RETURNS (str | None): the lemma of a one-token pattern that tests only its lemma (``[{"LEMMA": "expect"}]``)."""
    if len(pattern) == 1 and set(pattern[0]) == {"LEMMA"} and isinstance(pattern[0]["LEMMA"], str):
        return pattern[0]["LEMMA"]
    return None


class CueTagger(RulePackComponent):
    """Match cues, keep those in scope of each claim, and set its status.

    nlp (Language): the pipeline (its tokenizer builds phrase patterns).
    rules_dir (Path | None): rule pack; None for the default.
    load (bool): read it now (else in ``initialize`` or on first use).
    """

    pack_files = ("cues.jsonl", "attribution.jsonl")

    def __init__(
        self, nlp: Language, *, rules_dir: Path | None = None, spans_key: str = CLAIMS_KEY, load: bool = True
    ) -> None:
        self.spans_key = spans_key
        self._setup_pack(nlp, rules_dir, load=load)

    def load_rules(self, rules_dir: Path, nlp: Language) -> None:
        """Build the matchers from ``cues.jsonl`` (and read the reporting verbs) of the pack at ``rules_dir``."""
        rules = load_cue_rules(rules_dir)
        self.rules = {rule.id: rule for rule in rules}
        self.subject_modifiers = frozenset(rule.id for rule in rules if rule.subject_modifier)
        self.maker_states = frozenset(rule.id for rule in rules if rule.maker_states)
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.patterns = Matcher(nlp.vocab)
        self.tell_verbs: set[str] = set()
        self.tell_ids: dict[str, str] = {}  # tell-verb lemma (or phrasal verb) -> rule id
        self.lemma_rules: dict[str, str] = {}  # lemma -> id of a one-token rule
        #: (lemma, coarse POS) -> the rule a word sets its complement's status with
        self.complement_words: dict[tuple[str, str], CueRule] = {}
        attribution_rules = load_attribution_rules(rules_dir)
        self.report_verbs = attribution_rules.get("report_verb", frozenset())
        self.belief_verbs = attribution_rules.get("belief_verb", frozenset())
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
                self.patterns.add(rule.id, [rule.pattern])

    def _add_complement_word(self, rule: CueRule) -> None:
        """A complement rule is one token: ``[{"LEMMA": {"IN": [...]}, "POS": {"IN": [...]}}]``."""
        if not isinstance(rule.pattern, list) or len(rule.pattern) != 1:
            raise RulePackError(f"cue rule {rule.id!r}: a complement pattern is one token with LEMMA and POS")
        spec = rule.pattern[0]
        lemmas, pos = spec.get("LEMMA"), spec.get("POS")
        lemmas = lemmas.get("IN", []) if isinstance(lemmas, dict) else [lemmas]
        pos = pos.get("IN", []) if isinstance(pos, dict) else [pos]
        for lemma in lemmas:
            for tag in pos:
                self.complement_words[(str(lemma).lower(), str(tag))] = rule

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

    def match(self, doc: Doc) -> list[Span]:
        """RETURNS (list[Span]): every cue in the Doc, overlaps resolved to the longest."""
        found = [
            Span(doc, start, end, label=doc.vocab.strings[match_id])
            for match_id, start, end in [*self.phrases(doc), *self.patterns(doc)]
        ]
        if self.lemma_rules:
            lemma_rules = self.lemma_rules
            found += [
                Span(doc, token.i, token.i + 1, label=lemma_rules[token.lemma_])
                for token in doc
                if token.lemma_ in lemma_rules
            ]
        spans = filter_spans(found)
        for span in spans:
            rule = self.rules[span.label_]
            span._.cue = {"status": rule.status, "category": rule.category, "id": rule.id}
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
            info = dict(claim._.claim or {})
            head = doc[info.get("head", claim.root.i)]
            frame_i = info.get("frame")
            frame = doc[frame_i] if frame_i is not None else None
            in_scope = self.cues_in_scope(doc, claim, head, frame, by_token)
            status, used = self.decide(doc, claim, head, in_scope, info.get("attribution"))
            if status == "future":
                plain_future.append(n)
                status = "confirmed"
            info["status"] = status
            info["cues"] = [
                {"start": c.start_char, "end": c.end_char, "status": c._.cue["status"]} for c in used
            ]
            first = doc[claim.start]
            if is_absolute(first):
                governing = decided.get(first.head.i)
            elif absolute_clause(head) or summary_phrase(head):
                # (a phrase that sums its clause up, "…, its third weekly
                # fall in a row", says the clause again)
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
            claim._.claim = info
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
                if _speculative(c._.claim or {})
                and not is_absolute(doc[c.start])
                and summary_appositive(c.root) is None
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
                info = dict(claim._.claim)
                info["status"] = "expected"
                claim._.claim = info
        for n, first in items:
            # "The maker expects to cut 900 jobs in Spain, 400 in Italy and
            # 300 in France": an item of a list that leaves its verb out
            # states the first item's predicate again, with its status
            # (once that is final) and the cues that set it
            governing = claims[first]._.claim
            info = dict(claims[n]._.claim)
            info["status"] = governing["status"]
            info["cues"] = list(governing["cues"])
            claims[n]._.claim = info
        return doc

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
        if frame is not None and not (claim.start <= frame.i < claim.end):
            cue = by_token.get(frame.i)
            if cue is not None and cue not in seen:
                seen.append(cue)
        if frame is not None and frame.lemma_.lower() in self.belief_verbs:
            # "I don't think she did it": a negated belief denies what it frames
            for child in frame.children:
                cue = by_token.get(child.i)
                if child.dep_ == "neg" and cue is not None and cue not in seen:
                    seen.append(cue)
        # "the leaked unit pairs … and runs …": a coordinated predicate shares
        # its subject, and the subject's hedge
        if head.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            for subject in (c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")):
                for modifier in subject.children:
                    cue = by_token.get(modifier.i)
                    if cue is not None and cue not in seen and self._hedged_subject(cue, modifier, {head.head.i}):
                        seen.append(cue)
            # "plans to close the plant and cut 300 jobs": a predicate
            # coordinated with a complement is governed by the same verb,
            # and by its cues
            first = head.head
            # (a base form, as the complement is: "promised to cut taxes
            # and raised them" states what was done)
            if first.dep_ == "xcomp" and head.lower_ == head.lemma_.lower() and not any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in head.children):
                governor = first.head
                for t in (governor, *(c for c in governor.children if c.dep_ in ("neg", "aux", "auxpass", "advmod"))):
                    cue = by_token.get(t.i)
                    if cue is not None and cue not in seen:
                        seen.append(cue)
            # "Reportedly, he met the buyers and signed the deal", "the plant
            # may close and move its staff": a hedge before the first
            # predicate (a sentence adverb, a modal) reaches the predicates
            # coordinated with it; a negation does not ("did not attend and
            # sent a deputy")
            # (a predicate with an auxiliary of its own has its own tense and mood: "… and has moved")
            own_modal = any(c.dep_ in ("aux", "auxpass") for c in head.children)
            for child in head.head.children:
                if child.i > head.head.i or child.dep_ not in ("advmod", "aux") or (child.dep_ == "aux" and own_modal):
                    continue
                cue = by_token.get(child.i)
                if cue is not None and cue not in seen and (cue._.cue or {}).get("category") in SHARED_HEDGES:
                    seen.append(cue)
        return seen

    def _in_scope(self, cue: Span, claim: Span, spine: set[int]) -> bool:
        """Walk from the cue up the tree to the predicate; modifiers inside
        noun phrases and embedded clauses are out of scope."""
        if len(cue) > 2:
            return True  # a long pattern carries its own context
        token = cue.root
        if len(cue) == 1 and _contrastive_not(token):
            return False  # "in March, not April": it negates the phrase it stands before
        if len(cue) == 1 and (cue._.cue or {}).get("category") == "expect" and self._subject_noun_of_event(token):
            return False  # "a *plan* to bail them out failed": the failing is a fact
        if token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.i in spine and any(
            c.dep_ == "ccomp" for c in token.children
        ):
            return False  # "shares rose, suggesting investors expect more": it hedges what it reports
        steps = 0
        carried = False  # a participle on the object of "have"/"be" carries its object too
        unknown = (cue._.cue or {}).get("category") == "unknown"
        negation = (cue._.cue or {}).get("category") == "neg"
        # "mentions neither A nor B", "faces no rival": a negative word on the object denies the event
        negated_object = (cue._.cue or {}).get("category") == "neg" and cue.root.dep_ in ("det", "preconj")
        while token.i not in spine:
            if token.dep_ in ("csubj", "csubjpass") and token.tag_ == "VBG":
                # "Targeting young voters has been key to the plan": a gerund
                # as the subject names an activity; the clause says something
                # of it, and the activity's own cue does not hedge that
                return False
            if token.dep_ == "advcl" and token.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj", "aux") for c in token.children):
                # "the frame acts as an antenna, *possibly* boosting
                # reception": a hedge on a participle adjunct hedges the
                # adjunct, not the clause it hangs on
                return False
            if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and token.head.i in spine:
                # "the van went on sale in 2019 and *is due to* get a new
                # engine": a cue of a coordinated predicate is that
                # predicate's, not the first one's
                return False
            if negation and token.dep_ == "advcl":
                # "If it does not pay by May, it will file for bankruptcy",
                # "…, though the standings may not change", "…, asking them
                # not to march", "… to make sure it never happens": a negation
                # in an adverbial clause denies that clause, not the one it
                # hangs on
                return False
            if unknown and token.dep_ == "advcl" and token.i not in spine:
                # "whether it is A or B, we …", "scheduled to determine whether …": an
                # open question in an adverbial clause leaves the main clause alone
                return False
            nominal_head = token.head.i in spine and token.head.pos_ not in ("VERB", "AUX")
            if (
                token.dep_ in OUT_OF_SCOPE_DEPS
                and not nominal_head
                and not carried
                and not (negated_object and token.dep_ == "dobj" and cue.root.head.i == token.i)
                and not self._subject_determiner(token)
                and not self._hedged_subject(cue, token, spine)
                and not _plan_as_object_of_have(cue, token)
            ):
                return False
            carried = token.dep_ == "acl" and self._subject_determiner(token)
            if token.head.i == token.i or not (claim.start <= token.head.i < claim.end):
                return token.i in spine or steps == 0 and cue.start >= claim.start
            token = token.head
            steps += 1
        return True

    def _subject_noun_of_event(self, token: Token) -> bool:
        """Whether a one-word expectation cue is a noun that is the subject of
        a verb of its own: "a *plan* to sell the unit *failed*". Its verb
        says what happened to the plan; with a copula or a verb of saying
        ("the *plan* is to …") the noun still frames the clause. Rumour nouns
        keep framing it ("*rumours* have swirled")."""
        if token.pos_ != "NOUN" or token.dep_ not in ("nsubj", "nsubjpass"):
            return False
        verb = token.head
        lemma = verb.lemma_.lower()
        return verb.pos_ == "VERB" and lemma != "be" and lemma not in self.report_verbs

    def _hedged_subject(self, cue: Span, token: Token, spine: set[int]) -> bool:
        """Whether a subject-modifier cue ("leaked") modifies the subject of
        the claim's predicate, or of the predicate it is coordinated with
        ("the leaked unit pairs … and runs …")."""
        if cue.label_ not in self.subject_modifiers or token.dep_ != "amod":
            return False
        subject = token.head
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            return False
        verb = subject.head
        doc = token.doc
        return verb.i in spine or any(doc[i].dep_ == "conj" and doc[i].head.i == verb.i for i in spine)

    @staticmethod
    def _subject_determiner(token: Token) -> bool:
        """"no final date has been set", "has no interest in": a negative
        determiner on the subject or on the object of "have"/"be" scopes the clause."""
        if token.dep_ == "det":
            return True
        # "the studio has a new comedy set for spring 2029", "the only
        # film scheduled for next summer": a participle on the object of
        # "have"/"be" carries the clause's status
        if token.dep_ == "acl" and token.head.dep_ in ("dobj", "attr") and token.head.head.lemma_ in _HAVE_BE:
            # (not one set off by a comma: "it has a new shell, possibly
            # boosting its grip" adds a claim, whose hedge stays there)
            first = token.left_edge
            return not (first.i > token.head.i and token.doc[first.i - 1].text == ",")
        if token.dep_ in ("dobj", "attr", "pobj") and any(c.dep_ == "det" and c.lower_ in _NEGATIVE_DETERMINERS for c in token.children):
            if token.dep_ == "dobj":
                return True  # "faces no competition", "sees no reason": the event does not hold
            verb = token.head if token.dep_ != "pobj" else token.head.head
            return verb.lemma_ in _HAVE_BE
        return False

    # -- status ---------------------------------------------------------------

    def decide(
        self,
        doc: Doc,
        claim: Span,
        head: Token,
        cues: list[Span],
        attribution: dict[str, Any] | None,
    ) -> tuple[str, list[Span]]:
        """RETURNS (tuple[str, list[Span]]): the status and the cues that set it."""
        by_cat: dict[str, list[Span]] = {}
        frame_i = (claim._.claim or {}).get("frame")
        past_report = frame_i is not None and doc[frame_i].tag_ in ("VBD", "VBN")
        for cue in cues:
            category = cue._.cue["category"]
            if category == "ignore":
                continue
            if category == "spec" and cue.text.lower() == _WOULD and (past_report or self._under_past_report(cue)):
                category = "future"  # "said that the network would …" reports a "will"
            if category == "spec" and len(cue) == 1 and cue.root.dep_ == "mark" and cue.root.head.dep_ == "ccomp":
                category = "unknown"  # "wonder if it will run": a subordinator of a complement asks, it does not suppose
            by_cat.setdefault(category, []).append(cue)
        source = (attribution or {}).get("authority")
        rumor_source = source == AUTHORITY_RUMOR

        neg = by_cat.get("neg", [])
        if neg and self._question(claim):
            # "Might the studio simply not be ready to talk?": a question puts
            # nothing forward, its negation included
            return "rumored", []
        if neg:
            cue = neg[0]
            if cue[-1].lower_ == _TO and cue.end < len(doc):
                negated = doc[cue.end]  # "has yet to announce"
                if negated.lower_ == _BE and cue.end + 1 < len(doc):
                    negated = doc[cue.end + 1]  # "has yet to be named"
            elif cue.root.dep_ in ("neg", "det", "advmod", "preconj"):
                negated = cue.root.head
            else:
                negated = cue.root
            # "neither deal has been finalised": from the noun to its verb
            while negated.pos_ in ("NOUN", "PROPN", "PRON") and negated.dep_ in CORE_ARGUMENT_DEPS and negated.head is not negated:
                negated = negated.head
            particle = next((c.lower_ for c in negated.children if c.dep_ == "prt"), None)
            phrasal = f"{negated.lemma_.lower()} {particle}" if particle else None
            if negated.lemma_.lower() in self.tell_verbs or phrasal in self.tell_verbs:
                tell = self.tell_ids.get(phrasal or "") or self.tell_ids.get(negated.lemma_.lower())
                if tell is not None:
                    record_rule(doc, tell, negated.idx, negated.idx + len(negated.text))
                return "unconfirmed", [cue]  # "has yet to sign off on it": a decision pending
            return "denied", [cue]
        if "unknown" in by_cat:
            return "unconfirmed", by_cat["unknown"][:1]
        if "pseudo" in by_cat:
            cue = by_cat["pseudo"][0]
            return cue._.cue["status"], [cue]
        if source == AUTHORITY_MAKER and "spec" in by_cat:
            # "the council said it is in talks with a new operator": the makers' own deliberation is a fact
            by_cat["spec"] = [c for c in by_cat["spec"] if c.label_ not in self.maker_states]
        if by_cat.get("spec"):
            return "rumored", by_cat["spec"][:2]
        if self._conditional_or_question(claim, head):
            return "rumored", []
        if "expect" in by_cat:
            return ("rumored" if rumor_source else "expected"), by_cat["expect"][:1]
        if "future" in by_cat:
            if rumor_source:
                return "rumored", by_cat["future"][:1]
            # the makers' "will" is a statement; the article's own "will" is
            # one too, unless it stands in a speculative passage (decided
            # once every claim has its status)
            if source == AUTHORITY_MAKER:
                return "confirmed", by_cat["future"][:1]
            return "future", by_cat["future"][:1]
        # an analyst's estimate of the past is still an estimate ("analysts
        # estimate that the maker sold under two million handsets")
        estimate = frame_i is not None and doc[frame_i].lemma_.lower() in self.belief_verbs
        if rumor_source and (estimate or not self._settled_past(head, attribution)):
            return "rumored", by_cat.get("certain", [])[:1]
        return "confirmed", by_cat.get("certain", [])[:1]

    @staticmethod
    def _settled_past(head: Token, attribution: dict[str, Any] | None) -> bool:
        """An analyst or fan stating what already happened ("shares fell 9%,
        an analyst said") reports a fact; only unnamed sources make even
        that a rumour."""
        if (attribution or {}).get("kind") == KIND_UNNAMED or (attribution or {}).get("evidence"):
            return False  # "The listing priced the watch at €349": what the leak shows
        # an infinitive or participle takes the time of the verb it hangs
        # on: "it took too long for the money to *get* in"
        while head.tag_ in ("VB", "VBG") and head.dep_ in ("xcomp", "advcl") and not any(
            c.dep_ == "aux" and c.tag_ != "TO" for c in head.children
        ):
            head = head.head
        if (attribution or {}).get("assessor") and _plain_present(head):
            return True  # "the shares are cheap, analyst Jane Roe said": an assessment of now
        return head.tag_ == "VBD" and not any(c.dep_ == "aux" for c in head.children)

    def _under_past_report(self, cue: Span) -> bool:
        """Whether a cue sits in a clause reported by a past-tense reporting
        verb ("said that … had been merged and would cease …")."""
        for ancestor in cue.root.ancestors:
            if ancestor.lemma_.lower() in self.report_verbs and ancestor.tag_ in ("VBD", "VBN"):
                return True
        return False

    @staticmethod
    def _question(claim: Span) -> bool:
        """RETURNS (bool): whether the claim's sentence is a question (its
        last word, closing quotes aside, ends in "?"). Walks to the sentence
        end from the claim, not ``claim.sent``, which walks the whole Doc."""
        doc = claim.doc
        i = claim.end - 1
        while i + 1 < len(doc) and not doc[i].is_sent_end:
            i += 1
        while i > claim.start and (doc[i].is_space or not doc[i].text.rstrip('"”’\'')):
            i -= 1
        return doc[i].text.rstrip('"”’\'').endswith("?")

    @staticmethod
    def _conditional_or_question(claim: Span, head: Token) -> bool:
        """A question, an "if" clause, or a clause that an "if" clause conditions."""
        if CueTagger._question(claim):
            return True
        conditional = ("if", "unless")

        def condition(mark: Token) -> bool:
            # "even if it fails", "sales doubled if compared to last year":
            # an "if" inside an ``ignore`` cue states no condition
            return mark.dep_ == "mark" and mark.lower_ in conditional and not _ignored(mark)

        if any(condition(c) for c in head.children):
            return True
        return any(c.dep_ == "advcl" and any(condition(m) for m in c.children) for c in head.children)


def _plain_present(head: Token) -> bool:
    """RETURNS (bool): whether a predicate is in the simple or progressive
    present ("is cheap", "need a catalyst", "are getting calls"), with no
    verb after it that looks ahead ("looks to shed", "continue to see")."""
    if any(c.dep_ == "xcomp" for c in head.children):
        return False
    if head.tag_ in ("VBZ", "VBP"):
        return True
    return head.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in head.children)


def _plan_as_object_of_have(cue: Span, token: Token) -> bool:
    """RETURNS (bool): whether a schedule cue the parser made the object of
    "have" ("the studio has a new comedy *set for* spring 2029", with
    "set" read as a noun) carries the clause, as its participle reading would."""
    return (
        token.i == cue.root.i
        and token.dep_ == "dobj"
        and token.head.lemma_ == _HAVE
        and (cue._.cue or {}).get("category") == "expect"
    )


def _contrastive_not(token: Token) -> bool:
    """RETURNS (bool): whether a "not" negates a noun phrase, not its clause:
    one hung on a noun that is no subject ("settled one question,
    though *not* the one buyers ask"), or one after the verb and a comma,
    before a noun phrase ("in March, *not* April")."""
    if token.lower_ not in _NOT:
        return False
    head = token.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ not in ("nsubj", "nsubjpass"):
        return True
    doc = token.doc
    return (
        head.i < token.i
        and token.i > 0
        and doc[token.i - 1].text == ","
        and token.i + 1 < len(doc)
        and doc[token.i + 1].pos_ in ("NOUN", "PROPN", "DET", "NUM")
    )


def _speculative(info: dict[str, Any]) -> bool:
    """RETURNS (bool): whether a decided claim is speculation or an open
    question: rumored, or unconfirmed by an ``unknown`` cue (not by a
    negated verb of telling, whose cue is a negation)."""
    status = info.get("status")
    if status == "rumored":
        return True
    return status == "unconfirmed" and any(c.get("status") == "unconfirmed" for c in info.get("cues", []))


def _ignored(token: Token) -> bool:
    """RETURNS (bool): whether ``token`` lies in a cue of category ``ignore``."""
    cues = token.doc.spans.get(CUES_KEY, [])
    return any(
        cue.start <= token.i < cue.end and (cue._.cue or {}).get("category") == "ignore" for cue in cues
    )


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
