""":mod:`claimx.claims.attribution`: who puts each claim forward.

Sources are found, in order of preference, as:

1. the subject of the claim's reporting verb, before ("Kuo says the phone
   will…") or after the claim ("…," said chairwoman Elspeth Marr);
2. "according to X" in the claim's clause or sentence;
3. a reporting clause beside the claim ("As one fan on Reddit noted, …",
   "…, Deadline reports");
4. for a coordinated claim with none of its own, the source of the claim it
   is coordinated with ("He said A, and that B").

Pronouns ("he", "the company", "it") resolve to the nearest earlier source
or entity of the right kind, so the recorded span names the source.

``kind`` is ``named`` (a person), ``organisation``, ``unnamed`` ("people
familiar with the matter", "insiders") or ``public`` (fans, analysts,
users). ``authority`` (kept for the cue tagger, not written to records) is
``rumor`` for sources whose word does not settle anything (unnamed sources,
fans, analysts, leakers, the ``rumor_source`` rules) and ``maker`` for named
people and organisations.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..errors import RulePackError
from ..rules import REPORT_ROLES, load_attribution_rules, load_scope_rules, rule_ids, rule_places
from .component import RulePackComponent
from .extensions import CLAIMS_KEY, claim_of, record_rule, records_rules, register_extensions, set_claim
from .scope import Walk, compile_pattern
from .segment import (
    absolute_clause,
    trailing_reporter,
)
from .sentences import doc_quotations, doc_text, doc_tokens, has_quotation_mark, sentence_ids, span_tokens
from .tree import (
    ABSOLUTE_PREPOSITION,
    ACTIVE_SUBJECT_DEP,
    ADPOSITION_POS,
    ADVERBIAL_CLAUSE_DEP,
    AGENT_DEP,
    APPOSITION_DEP,
    COMPLEMENT_DEP,
    CLAUSAL_MODIFIER_DEPS,
    CONJUNCT_DEP,
    CONJUNCT_OR_COMPLEMENT_DEPS,
    CONTINUED_CLAUSE_DEPS,
    DIRECT_OBJECT_DEP,
    EXPLETIVE_DEP,
    FULL_VERB_POS,
    GERUND_TAG,
    HANGING_CLAUSE_DEPS,
    NOMINAL_POS,
    NOMINAL_SUBJECT_DEPS,
    NOUN_OR_NAME_POS,
    NOUN_POS,
    OPEN_COMPLEMENT_DEP,
    POSSESSIVE_TAG,
    POSSESSOR_DEP,
    PREPOSITION_DEP,
    PREPOSITION_OBJECT_DEP,
    PROPER_NOUN_POS,
    RELATIVE_CLAUSE_DEP,
    REPORTED_CLAUSE_DEPS,
    REPORT_COMPLEMENT_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    finite,
)

register_extensions()

#: function words: the pronouns that stand for one person
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: function words: the pronouns that stand for a group
GROUP_PRONOUNS = frozenset({"they", "them"})
#: what ends a sentence before a quotation that opens the next
SENTENCE_ENDS = frozenset(".!?")
#: parts of speech that may lead into a quotation that still opens its sentence
QUOTE_LEAD_POS = frozenset({"ADV", "CCONJ"})

# Labels of a source (``kind``, written to records; see ``claimx.schemas``)
# and of its ``authority`` (read by the cue tagger): record values, not words
# looked for in the text.
KIND_NAMED = "named"
KIND_ORGANISATION = "organisation"
KIND_UNNAMED = "unnamed"
KIND_PUBLIC = "public"
#: a source whose word settles nothing (unnamed sources, fans, analysts, leakers)
AUTHORITY_RUMOR = "rumor"
#: a named person or organisation, whose plans and statements count
AUTHORITY_MAKER = "maker"


class AttributionTagger(RulePackComponent):
    """Attach a source to every claim that has one.

    rules_dir (Path | None): rule pack; None for the default.
    load (bool): read it now (else in ``initialize`` or on first use).
    """

    pack_files = ("attribution.jsonl", "scope.jsonl")

    def __init__(self, *, rules_dir: Path | None = None, spans_key: str = CLAIMS_KEY, load: bool = True) -> None:
        self.spans_key = spans_key
        self._setup_pack(None, rules_dir, load=load)

    def load_rules(self, rules_dir: Path, nlp: Language | None) -> None:
        """Read the source words of ``attribution.jsonl`` in the pack at ``rules_dir``."""
        rules = load_attribution_rules(rules_dir)
        self.report_verbs = rules.get("report_verb", frozenset())
        self.unnamed_heads = rules.get("unnamed_head", frozenset())
        self.public_heads = rules.get("public_head", frozenset())
        self.unnamed_modifiers = rules.get("unnamed_modifier", frozenset())
        #: unnamed heads that, as a bare plural, speak for their body on the record ("Union officials said")
        self.on_record_heads = rules.get("on_record_head", frozenset())
        self.rumor_sources = rules.get("rumor_source", frozenset())
        self.belief_verbs = rules.get("belief_verb", frozenset())
        self.rumor_verbs = rules.get("rumor_verb", frozenset())
        self.person_roles = rules.get("person_role", frozenset())
        self.evidence_nouns = rules.get("evidence_noun", frozenset())
        self.finding_nouns = rules.get("finding_noun", frozenset())
        self.official_roles = rules.get("official_role", frozenset())
        #: verbs whose complement is a silence ("declined to say")
        self.silence_verbs = rules.get("silence_verb", frozenset())
        #: verb + particle that say something, negated or not ("rule out")
        self.phrasal_reports = rules.get("phrasal_report", frozenset())
        #: objects that make a verb of saying an act ("posted a *loss*", "posted a *photo*")
        self.act_objects = rules.get("act_object", frozenset())
        #: verbs of saying whose infinitive is a commitment, not something said ("agreed to pay")
        self.commit_verbs = rules.get("commit_verb", frozenset())
        #: verbs of saying whose prepositions give a topic, not what is said ("commented on the results")
        self.topic_verbs = rules.get("topic_verb", frozenset())
        #: verbs of saying that say something only in a clause ("added that"), not with an object ("added a feature")
        self.clause_verbs = rules.get("clause_verb", frozenset())
        #: roles whose holders assess (analysts, economists): a rumour's word on the future, a fact's on the present
        self.assessor_roles = rules.get("assessor_role", frozenset())
        #: unnamed sources named by their post in a body (an official, an aide): as
        #: assessors, their account of what is or was is a fact, their forecasts rumours
        self.office_heads = rules.get("office_head", frozenset())
        #: nouns of a written statement that a quotation after them gives ("issued a statement")
        self.statement_nouns = rules.get("statement_noun", frozenset())
        #: verbs and words that put a handle after a rumour source's noun ("a
        #: tipster *known* as X", "who *posts* under the *handle* X")
        self.handle_verbs = rules.get("handle_verb", frozenset())
        self.handle_words = rules.get("handle_word", frozenset())
        #: verbs that say a judgement of their object in a complement ("called
        #: the plan *reckless*", "described him *as* a liar")
        self.judgement_verbs = rules.get("judgement_verb", frozenset())
        #: verb + preposition of an appeal ("call for", "call on"); negated, it says nothing
        self.appeal_reports = rules.get("appeal_report", frozenset())
        #: verbs that say something only as a quotation's tag ('"…," he *continued*')
        self.tag_verbs = rules.get("tag_verb", frozenset())
        self.rule_ids = rule_ids(rules_dir, "attribution.jsonl")
        #: the patterns of a verb of saying that says nothing ("has *not* said",
        #: "has *yet* to confirm"): ``unsaid`` rules of ``scope.jsonl``
        scope_rules = load_scope_rules(rules_dir)
        where = rule_places(rules_dir / "scope.jsonl")  # rule id -> its file, line and id, for an error
        self.unsaid = [
            (rule, compile_pattern(rule.pattern or {}, rules, where(rule.id)))
            for rule in scope_rules
            if rule.kind == "unsaid"
        ]
        #: role -> the ``report`` rules of ``scope.jsonl`` that find it: an
        #: adverbial clause taken for granted, an "as" parenthetical, a
        #: participle adjunct with no subject of its own
        self.report_roles: dict[str, list[tuple[Any, Any]]] = {role: [] for role in REPORT_ROLES}
        for rule in scope_rules:
            if rule.kind == "report":
                assert rule.role is not None
                self.report_roles[rule.role].append(
                    (rule, compile_pattern(rule.pattern or {}, rules, where(rule.id)))
                )
        missing = [role for role, found in self.report_roles.items() if not found]
        if missing:
            raise RulePackError(f"scope.jsonl: no report rule for the role {', '.join(missing)}")
        #: the roles with a rule that asks whether a word is in the spine (the others share one empty walk)
        self._spine_roles = frozenset(
            role for role, found in self.report_roles.items() if any("IN_SPINE" in repr(rule.pattern) for rule, _ in found)
        )

    def __call__(self, doc: Doc) -> Doc:
        claims = list(doc.spans[self.spans_key])
        text = doc_text(doc)
        ents = list(doc.ents)
        by_head: dict[int, dict[str, Any]] = {}
        by_frame: dict[int, dict[str, Any]] = {}  # verbs of saying -> the source of the first clause they report
        by_token: dict[int, dict[str, Any]] = {}  # tokens of attributed claims -> their source
        history: list[dict[str, Any]] = []  # earlier sources, for pronouns
        # surnames of sources introduced as analysts, leakers …
        # … and of those, the assessors (an economist, an expert)
        rumor_names, assessor_names = self._introduced_rumor_names(doc)
        quoted = doc_quotations(doc)
        for claim in claims:
            info = dict(claim_of(claim) or {})
            if info.get("report"):
                # "…, the senator said Monday": the report itself, which the article states
                info["attribution"] = None
                set_claim(claim, info)
                continue
            head = doc[info.get("head", claim.root.i)]
            frame_i = info.get("frame")
            source = self.find_source(doc, claim, head, doc[frame_i] if frame_i is not None else None)
            if source is not None and _nobody(text[source["start"] : source["end"]]):
                source = None  # "no airline has confirmed it yet": a silence has no source
            if source is not None and self._quoted_thing(doc, source, claim, quoted):
                # '"…, and the results show that A," Roe said': a thing that
                # shows or says inside a quotation is the speaker's reasoning;
                # the quotation's speaker is the source
                source = None
            if source is not None and source.get("pronoun") and self._first_person(doc, source):
                # "I think A", "what we expect is B": whoever speaks, whom the
                # quotation's reporter or the speaker's label gives, not the
                # nearest name before
                source = None
            if source is not None:
                self._record(doc, source, doc[frame_i] if frame_i is not None else None)
            if frame_i is None and self._is("own_evidential", head):
                source = None  # "…, X said, and the buyer is understood to …"
            elif source is None and head.head.i in by_head and self._is("conjunct", head):
                source = by_head[head.head.i]
            elif source is None and head.head.i in by_frame and self._is("continued_clause", head):
                # "X said A, and there was no B", "X said A, but no B was
                # made": a clause with no actor of its own that the parser
                # hangs on the verb of saying, after what it reports, goes on
                # with what X says
                source = by_frame[head.head.i]
            if source is None and frame_i is None:
                # "He expects a reveal at the show, followed by a release
                # next year", "X said A would rise, freeing up B", "…, with
                # half of it coming from C": a participle or absolute on a
                # reported clause is part of what was reported
                source = self._adjunct_source(head, by_token)
            if source is not None and self._describes_source(doc, claim, head, source):
                source = None  # "Roe, who wrote the bill, said A": the article says who Roe is
            if source is not None:
                source = self._resolve(doc, text, ents, source, history)
                source = self._remembered(text, source, rumor_names, assessor_names)
                source = self._measured(source, head)
                history.append(source)
            if source is None and frame_i is None and not any(qs <= claim.start_char < qe for qs, qe in quoted):
                speaker = self._named_speaker(doc, head)
                if speaker is not None:
                    # "X explained the reason for his vote. '…,' he said":
                    # a person who speaks without a claim to source is still
                    # whom a later "he" means
                    history.append(speaker)
            info["attribution"] = source
            if source is not None:
                by_head[head.i] = source
                if frame_i is not None:
                    by_frame.setdefault(frame_i, source)
                by_token.update(dict.fromkeys(range(claim.start, claim.end), source))
            set_claim(claim, info)
        self._share_within_quotes(doc, claims, text, ents, history)
        self._colon_paragraphs(doc, claims, text, ents, history)
        self._speaker_labels(doc, claims, text, ents)
        self._signatures(doc, claims, text)
        self._dash_signatures(doc, claims, text)
        return doc

    # -- finding --------------------------------------------------------------

    def find_source(
        self, doc: Doc, claim: Span, head: Token, frame: Token | None
    ) -> dict[str, Any] | None:
        if frame is not None and frame.lemma_.lower() in self.clause_verbs:
            # "found that A" states A; "found dozens of cracks running along
            # B" finds a thing: a verb that says only in a clause frames none
            clause = next((t for t in (head, *head.ancestors) if t.head.i == frame.i), None)
            if clause is None or not self._is("stated_clause", clause):
                self._fired(frame, "clause_verb", frame.lemma_.lower())
                frame = None
        if frame is not None:
            subject = self._subject_of(frame)
            # "Novacell said it expects …": the pronoun is the outer reporter
            outer = frame
            # an ``outer_report`` rule: the pronoun's clause is itself reported;
            # so is a belief's ("Roe told the paper that Lee believes A": Roe
            # is the one who puts A forward, as Lee's belief)
            belief = frame.lemma_.lower() in self.belief_verbs
            # an ``evidence_frame`` rule: a verb by which acts or papers show
            # a thing, inside what someone says ("Roe noted that the figures
            # suggest A", "Roe said the two have shown they can agree"): the
            # one who says it puts A forward
            evidential = self._match("evidence_frame", frame)
            # "A poll shows most voters say A": those a finding counts speak
            # through it, the finding is the source
            counted = frame.head.i != frame.i and any(
                c.dep_ == ACTIVE_SUBJECT_DEP and self._is("evidence_subject", c) for c in frame.head.children
            )
            while subject is not None and (
                self._is("pronoun", subject) or ((belief or counted or evidential is not None) and outer is frame)
            ) and (reported := self._match("outer_report", outer)) is not None:
                outer = outer.head
                if outer.i > frame.i and self._match("first_person", subject) is None:
                    # '"He is saying A," said X' quotes X on someone else;
                    # '"We expect A," said X' is X speaking
                    break
                outer_subject = self._subject_of(outer)
                if outer_subject is not None and self._match("pronoun", outer_subject) is None:
                    self._note(outer, reported)
                    if evidential is not None and frame.head.i == outer.i:
                        self._note(frame, evidential)
                    subject = outer_subject
            person = None if subject is None else self._match("addressee", subject) or self._match("first_person", subject)
            if person is not None:
                # '"You said A," X asked': the one addressed is no source, and
                # "I think A" is whoever speaks: the quotation gives its speaker
                self._note(subject, person)
                return None
            if subject is not None and self._match("relative_pronoun", subject) is not None:
                # "Graham, who says A, …": the noun the clause hangs on says A
                return self._said_by(doc, frame)
            if subject is not None:
                return self._describe(doc, subject, verb=frame)
        # "According to X, A could follow once B earned $2bn": an adverbial
        # clause of time is taken for granted, not reported by X
        according = None if self._is("presupposed", head) else self._according_to(claim, head)
        if according is not None:
            return according
        second_that = self._match("second_that", head)
        below = head
        said_below = False  # a verb of saying on the way up from the claim
        for token in (head, *head.ancestors):
            if second_that is not None and below.dep_ == COMPLEMENT_DEP and below.head.i == token.i and self._reports(token):
                # "He said A, and that B": B reaches its reporter through A
                subject = self._subject_of(token)
                if subject is not None:
                    record_rule(doc, second_that.id, head.idx, head.idx + len(head.text))
                    return self._describe(doc, subject, verb=token)
            if token is not head and below.dep_ in REPORTED_CLAUSE_DEPS and below.head.i == token.i and not said_below:
                # "A, a new poll shows", "the audit found that A": a finding
                # or a document whose verb takes the claim's clause is its
                # source, whatever the verb (not past a nearer verb of saying:
                # "a poll shows most voters *say* A")
                subject = next((c for c in token.children if c.dep_ == ACTIVE_SUBJECT_DEP), None)
                if subject is not None and self._is("evidence_subject", subject):
                    return self._describe(doc, subject, verb=token)
                if below.dep_ == COMPLEMENT_DEP and self._reports(token) and not self._aside(head, below) and (
                    token.lemma_.lower() not in self.clause_verbs or self._is("stated_clause", below)
                ):
                    # "X welcomed the news, saying A": a verb of saying that
                    # takes the claim's clause speaks through its subject (a
                    # participle's, the subject of the clause it hangs on)
                    said_by = self._said_by(doc, token)
                    if said_by is not None:
                        return said_by
            if (
                token is not head
                and below.dep_ == ADVERBIAL_CLAUSE_DEP
                and not said_below
                and self._reports(token)
                and any(c.dep_ in REPORTED_CLAUSE_DEPS for c in token.children)
                and (contrast := self._match("contrast_clause", below)) is not None
            ):
                # "The poll found A, while B": a contrast set off after the
                # reported clause, which the parser hangs on the verb of
                # saying, goes on with what is reported
                said_by = self._said_by(doc, token)
                if said_by is not None:
                    self._note(below, contrast)
                    return said_by
            if token is not head and below.dep_ == COMPLEMENT_DEP and below.head.i == token.i and not said_below:
                # "The owners were hopeful that A": the clause of an adjective
                # of belief is held by whom the adjective is said of
                holder = self._stance_holder(doc, token)
                if holder is not None:
                    return holder
            said_below = said_below or (token is not head and token.lemma_.lower() in self.report_verbs)
            below = token
            for child in token.children:
                # "As X puts it, A": the ``quote_verb`` rule's "put it" says A too
                if child.i == head.i or (child.lemma_.lower() not in self.report_verbs and not self._is("quote_verb", child)):
                    continue
                reports_other = any(
                    c.dep_ in REPORTED_CLAUSE_DEPS and c.i != head.i for c in child.children
                )
                if child.dep_ in HANGING_CLAUSE_DEPS and not reports_other:
                    # "The turning point, Roe wrote, came in May": a verb of
                    # saying set off inside the clause it reports, which the
                    # parser may take for that clause's complement
                    parenthetical = (
                        self._match("parenthetical_reporter", child)
                        if child.i < head.i and not child.left_edge.i <= head.i <= child.right_edge.i
                        else None
                    )
                    if child.dep_ in CONJUNCT_OR_COMPLEMENT_DEPS and child.i < head.i and parenthetical is None:
                        continue
                    if self._is("concessive", child) or self._is("presupposed", child):
                        # "The note came from the mayor, though it reads like
                        # an advert": a concession beside the claim says
                        # something of its own, not the claim; "after the
                        # hearing concluded, the mayor said A": a clause of
                        # time sets the scene, it reports nothing
                        continue
                    if self._says_a_thing(child) or self._acts(child):
                        # "while the US added 292,000 jobs", "after emails showed
                        # staff favouring B", "as dealers reported their sales":
                        # nothing reported beside the claim
                        continue
                    if child.dep_ == CONJUNCT_DEP and not trailing_reporter(child, self.report_verbs):
                        continue  # "…, and her agent is reportedly seeking the same fee" reports nothing
                    # a reporter beside the claim names itself (", X said");
                    # a shared or passive subject ("is … and widely
                    # anticipated") is not a source
                    subject = next((c for c in child.children if c.dep_ == ACTIVE_SUBJECT_DEP), None)
                    if subject is None and self._is("as_parenthetical", child):
                        subject = self._subject_of(child)  # "As reported by X, …": the agent
                    if subject is None and self._is("participle_adjunct", child) and child.left_edge.i <= head.i <= child.right_edge.i:
                        subject = self._subject_of(child)  # "X praised it, noting that B"
                    if subject is None and parenthetical is not None:
                        subject = self._subject_of(child)  # ", Roe wrote,": a name the parser took for a compound
                    if subject is not None and parenthetical is not None:
                        self._note(head, parenthetical)  # the claim it speaks for
                    if subject is not None:
                        return self._describe(doc, subject, verb=child)
            if token.dep_ not in CONTINUED_CLAUSE_DEPS:
                break
        # "Residents are convinced that A": the whole clause, its adjective of
        # belief on the claim's own verb
        holder = next((h for c in head.children if (h := self._stance_holder(doc, c)) is not None), None)
        if holder is not None:
            return holder
        # "Analysts expect X to …", "Shapiro has denied recording …", "Landau
        # and Rodriguez continue to confirm …": whoever holds the expectation
        # or performs the speech act is the source
        chain = [head, *(t for t in head.children if t.dep_ == OPEN_COMPLEMENT_DEP)]
        if head.dep_ == OPEN_COMPLEMENT_DEP:
            chain.append(head.head)
        for token in chain:
            lemma = token.lemma_.lower()
            # a verb of saying with something said ("has denied recording",
            # "continues to confirm talks"); "with McFeely writing" says nothing
            phrasal = self._phrasal_report(token)
            judgement = self._judgement(token)
            judged = judgement is not None
            # an appeal only as the claim's own predicate: "began calling on
            # B to act" tells that a campaign began
            appeal = self._appeal(token) if token is head else None
            speech_act = (
                (lemma in self.report_verbs and any(self._said(token, c) for c in token.children))
                or phrasal is not None
                or appeal is not None
                or judged
            )
            if speech_act and phrasal is None and not judged and self._acts(token):
                # "Ford posted a profit", "the chain reported a loss": a result
                # or a picture given out is an act of the subject, not its report
                speech_act = False
            if phrasal is None and lemma in self.report_verbs and self._is("commitment", token):
                # "Officials have agreed to buy 60 jets": what the subject
                # binds itself to do, not what it says
                self._fired(token, "commit_verb", lemma)
                speech_act = False
            if lemma in self.belief_verbs or speech_act:
                controller = token.head if token.dep_ == OPEN_COMPLEMENT_DEP or self._is("participle_adjunct", token) else token
                # "has not said", "has yet to confirm", "declined to say": the
                # article reports a silence, nobody is its source; "has not
                # ruled out" still says something
                silent = phrasal is None and any(
                    self._unsaid(verb) for verb in sorted({token, controller}, key=lambda t: t.i)
                ) or controller.lemma_.lower() in self.silence_verbs
                if silent:
                    if controller.lemma_.lower() in self.silence_verbs:
                        self._fired(controller, "silence_verb", controller.lemma_.lower())
                    continue
                if phrasal is not None:
                    self._fired(token, "phrasal_report", phrasal)
                if judged:
                    self._fired(token, "judgement_verb", lemma)
                    self._note(token, judgement)
                if appeal is not None:
                    self._fired(token, "appeal_report", appeal[0])
                    self._note(appeal[1], appeal[2])
                subjects = [c for c in controller.children if c.dep_ == ACTIVE_SUBJECT_DEP]
                # "cuts, which the unions insisted …", "Former minister and party
                # leader Jane Roe is calling on …": the parser may give the verb
                # a second subject; the one next to it is the speaker
                subject = next((c for c in reversed(subjects) if self._match("relative_pronoun", c) is None), subjects[0] if subjects else None)
                if subject is None and judged:
                    # "the phone was hailed by its maker as …": the passive's agent
                    agents = ((g, rule) for c in controller.children for g in c.children if (rule := self._match("judged_by", g)))
                    if (agent := next(agents, None)) is not None:
                        subject = agent[0]
                        self._note(*agent)
                shared = controller
                while subject is None and (conjunct := self._match("conjunct", shared)) is not None and self._speech_act(shared.head):
                    # "X called the plan reckless and *accused* Y of B": a
                    # coordinated verb of saying speaks with the first one's subject
                    self._note(shared, conjunct)
                    shared = shared.head
                    subject = next((c for c in shared.children if c.dep_ == ACTIVE_SUBJECT_DEP), None)
                if subject is not None and self._is("relative_pronoun", subject):
                    # "Roe of Marquee, who predicts a rise": whoever holds the
                    # expectation is the noun the clause hangs on; "the mayor,
                    # who has called on the board to act", "Roe, who wrote the
                    # script": what the noun did, the article asserts
                    said_by = self._said_by(doc, controller) if lemma in self.belief_verbs else None
                    if said_by is None:
                        continue
                    source = said_by
                elif subject is not None:
                    source = self._describe(doc, subject)
                if subject is not None:
                    if (appeal is not None or judged) and token is head:
                        # "an aide has called on the board to act": the
                        # article states that the appeal was made; whose it is
                        # weighs nothing on that
                        source["authority"] = None
                    return source
        # "The listing priced the watch at €349", "Photos show a device …":
        # a leaked document as the subject is where the claim comes from; so
        # is a poll, a study or an ad that shows or finds what the claim says
        subject = next((c for c in head.children if c.dep_ == ACTIVE_SUBJECT_DEP), None)
        if subject is not None and self._is("evidence_subject", subject):
            return self._describe(doc, subject)
        return None

    def _stance_holder(self, doc: Doc, adjective: Token) -> dict[str, Any] | None:
        """RETURNS (dict | None): the source that holds the clause of a
        ``stance`` adjective ("The owners were *hopeful* that A", "Residents
        remain *convinced* A"): the subject of the verb the adjective
        completes; None for another word, or with no subject to name (a
        relative pronoun names the noun it hangs on, which speaks for itself)."""
        rule = self._match("stance", adjective)
        if rule is None:
            return None
        subject = self._subject_of(adjective.head)
        if subject is None or self._match("relative_pronoun", subject) is not None:
            return None
        self._note(adjective, rule)
        return self._describe(doc, subject)

    def _describes_source(self, doc: Doc, claim: Span, head: Token, source: dict[str, Any]) -> bool:
        """RETURNS (bool): whether the claim headed by ``head`` hangs on its
        own source's noun by a ``source_description`` rule ("Roe, *who* wrote
        the bill, said A", "according to the centre, *which* ran the poll"),
        or lies inside its own source's words (an apposition: "according to
        X, *a tool that tracks posts*", "Roe, *a former judge*, said B"; the
        source's own noun phrase), with no verb of belief, nor of saying with
        a clause, on the way ("Roe, who *says* A, …" is Roe's word on A;
        "Roe, who *wrote* the bill, …" is the article's)."""
        at = source.get("at")
        noun = doc.char_span(at, at + 1, alignment_mode="expand") if at is not None else None
        if noun is None:
            return False
        inside = source["start"] <= claim.start_char < claim.end_char <= source["end"]
        if noun.root.i == head.i:
            return inside
        noun_i = noun.root.i
        below = head
        for token in head.ancestors:
            if token.i == noun_i:
                break
            below = token
        else:
            return False
        for token in (head, *head.ancestors):
            if token.i == noun_i:
                break
            if token.lemma_.lower() in self.belief_verbs or (
                token.lemma_.lower() in self.report_verbs and any(c.dep_ in REPORT_COMPLEMENT_DEPS for c in token.children)
            ):
                return False
        return inside or self._is("source_description", below)

    def _said_by(self, doc: Doc, verb: Token) -> dict[str, Any] | None:
        """RETURNS (dict | None): the source of a verb of saying that takes a
        claim's clause: its subject; for a relative clause ("a pilot *who*
        said A") or a participle with no subject on a noun ("a report
        *saying* A") the noun it is on, up to the clause; none for a passive's
        subject ("the plants are thought to …"), one addressed ("*you* said
        A") or no one in particular ("no matter what *anyone* says, A")."""
        subject = self._subject_of(verb)
        if subject is None:
            # "The club issued a statement saying A", "Roe resigned in a
            # letter stating A": the one who issues the statement speaks
            subject = self._statement_issuer_of(verb)
        if subject is None and (rule := self._match("noun_speaker", verb)) is not None:
            # "a report saying A": the noun the participle hangs on, up to it
            subject = verb.head
            self._note(subject, rule)  # where the source it gives stands
            source = self._describe(doc, subject, verb=verb)
            cut = verb.left_edge.i
            while cut > subject.i + 1 and (doc[cut - 1].is_punct or doc[cut - 1].is_space):
                cut -= 1
            return {**source, "end": min(source["end"], doc[cut - 1].idx + len(doc[cut - 1].text))}
        if subject is None or subject.dep_ != ACTIVE_SUBJECT_DEP or subject.lower_ in _ANYONE:
            return None
        if self._is("relative_pronoun", subject):
            if verb.dep_ != RELATIVE_CLAUSE_DEP or verb.head.pos_ not in NOUN_OR_NAME_POS:
                return None
            holder = verb.head
            if (rule := self._match("of_holder", holder)) is not None:
                self._note(holder, rule)
                holder = holder.head.head  # "Jane Roe of Marquee Data, who …": the clause is on the whole name
            source = self._describe(doc, holder, verb=verb)
            cut = verb.left_edge.i
            while cut > verb.head.i + 1 and (doc[cut - 1].is_punct or doc[cut - 1].is_space):
                cut -= 1
            return {**source, "end": min(source["end"], doc[cut - 1].idx + len(doc[cut - 1].text))}
        if self._match("addressee", subject) is not None:
            return None
        return self._describe(doc, subject, verb=verb)

    def _aside(self, head: Token, top: Token) -> bool:
        """RETURNS (bool): whether the way up from a claim's ``head`` to the
        clause ``top`` a verb of saying takes leaves what was said: a clause
        with a reporter of its own ("X said A, and Y *expects* B"), a
        relative clause ("…, *which* would make it the largest") or a
        participle (", *pouring* cold water on B") the writer hangs on it
        (those a reported forecast projects are :meth:`_adjunct_source`'s),
        a clause after a semicolon ("X said A; B"), a concession (a
        ``concessive`` rule: "…, *although* nothing has been signed") or a
        clause of time taken for granted (a ``presupposed`` rule: "…, five
        weeks *after* the finale aired"), recording it."""
        for token in (head, *head.ancestors):
            lemma = token.lemma_.lower()
            if (lemma in self.report_verbs or lemma in self.belief_verbs) and any(c.dep_ == ACTIVE_SUBJECT_DEP for c in token.children):
                return True
            if token.dep_ == RELATIVE_CLAUSE_DEP or self._match("participle_adjunct", token) is not None:
                return True
            if any(self._is("relative_subject", c) for c in token.children):
                return True  # "…, which would make it the largest": a relative clause, however parsed
            edge = token.left_edge
            if edge.text == ";" or (edge.i > 0 and token.doc[edge.i - 1].text == ";"):
                return True  # "X said A; B": a clause of the writer's after a semicolon, however parsed
            if self._is("concessive", token) or self._is("presupposed", token):
                return True
            if token.i == top.i:
                return False
        return True

    def _adjunct_source(self, head: Token, by_token: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
        """RETURNS (dict | None): the source of the reported clause that a
        claim's participle or absolute hangs on, else None: a bare past
        participle or an absolute clause (an ``absolute_clause``, a
        ``bare_participle`` rule: ", followed by B"), on any reported clause;
        a participle or a "with" absolute (a ``forecast_adjunct`` rule: ",
        freeing up B", ", with half of it coming from B"), on a reported
        forecast only (a ``forecast`` rule on its clause: "X said rates would
        be cut, freeing up B"), as what follows a reported fact or an
        announcement of a thing is the writer's aside ("X denied it was
        working on A, pouring cold water on B", "X announced 35 orders,
        bringing the total to 677")."""
        absolute = absolute_clause(head)
        rule = None if absolute else self._match("bare_participle", head)
        projected = None
        if rule is None and not absolute:
            projected = self._match("forecast_adjunct", head)
            if projected is None:
                return None
        anchor = head.head
        if anchor.dep_ == PREPOSITION_OBJECT_DEP and anchor.head.dep_ == PREPOSITION_DEP and anchor.head.lower_ == ABSOLUTE_PREPOSITION:
            anchor = anchor.head  # "…, with 13 percent backing B": the participle on the absolute's noun
        if anchor.dep_ == PREPOSITION_DEP and anchor.lower_ == ABSOLUTE_PREPOSITION:
            anchor = anchor.head  # "…, with half of it coming from B"
        if anchor.i == head.i:
            return None
        if projected is not None:
            forecast = None
            for token in (anchor, *anchor.ancestors):
                if token.lemma_.lower() in self.report_verbs:
                    break
                forecast = self._match("forecast", token)
                if forecast is not None:
                    break
            found = by_token.get(anchor.i)
            if forecast is None and found is not None and found.get("finding"):
                # "a poll shows A ahead, with 13 percent backing B": the
                # figures a poll or a survey gives go on in its absolute
                self._note(head, projected)
                return found
            if forecast is None:
                return None
            rule = projected
            self._note(token, forecast)
        source = by_token.get(anchor.i)
        if source is not None and rule is not None:
            self._note(head, rule)
        return source

    def _named_speaker(self, doc: Doc, head: Token) -> dict[str, Any] | None:
        """RETURNS (dict | None): the named person who is the subject of a
        verb of saying that says nothing the claim holds ("Roe commented on
        the figures"), described as a source, else None."""
        subject = next((c for c in head.children if c.dep_ == ACTIVE_SUBJECT_DEP), None)
        # a ``named_speaker`` rule: the subject of a verb of saying, or a
        # person named as the subject ("Trump went on to discuss the plan.
        # '…,' he said")
        rule = self._match("named_speaker", subject) if subject is not None else None
        if rule is None:
            return None
        source = self._describe(doc, subject)
        if source["kind"] != KIND_NAMED:
            return None
        record_rule(doc, rule.id, subject.idx, subject.idx + len(subject.text))
        return source

    def _said(self, verb: Token, child: Token) -> bool:
        """RETURNS (bool): whether ``child`` is what a verb of saying says
        ("has denied *recording*", "continues to confirm *talks*"). Not its
        topic ("commented *on* the profits", a ``topic_verb``), a commitment it makes
        ("agreed *to take on* the costs", a ``commit_verb``), a reason it
        gives ("explained his *reasoning*", an ``act_object``) or a
        participle of its own (", *praising* his rival")."""
        if child.dep_ not in _SAID_DEPS:
            return False
        if child.dep_ == PREPOSITION_DEP and verb.lemma_.lower() in self.topic_verbs:
            # ("commented on the figures at a briefing": a topic, a place)
            self._fired(verb, "topic_verb", verb.lemma_.lower())
            return False
        if child.dep_ == OPEN_COMPLEMENT_DEP and verb.lemma_.lower() in self.commit_verbs:
            self._fired(verb, "commit_verb", verb.lemma_.lower())
            return False
        if child.dep_ == ADVERBIAL_CLAUSE_DEP and self._is("participle_adjunct", child):
            return False
        if verb.lemma_.lower() in self.clause_verbs and not self._is("stated_clause", child):
            # "Apple added a microphone", "Todd asked Pence whether …", "voters
            # will decide whether …": these say something only in a clause
            # that states it ("added that …")
            self._fired(verb, "clause_verb", verb.lemma_.lower())
            return False
        return True

    def _introduced_rumor_names(self, doc: Doc) -> tuple[set[str], set[str]]:
        """RETURNS (tuple[set[str], set[str]]): the last words of the names a
        rumour source (``rumor_source`` rules: a tipster, a leaker, an
        analyst) is introduced by, as a source or not: "the tipster
        Orbweaver", "Orbweaver, a prolific leaker", "a tipster known as
        Orbweaver", "a leaker who posts as 'Orbweaver'", "who goes by Orb
        Leaks" (read from the words after the noun, whatever the parse made
        of them); and, of those, the names introduced by an
        ``assessor_role`` ("Ana Diaz, an economist at Kestrel, led the
        study" … "Diaz said"), whose account of what is or was stays a fact.
        A thing that shows (an ``evidence_noun``: a photo, a listing) names
        no one: "the photo Roe posted" does not make Roe a leaker."""
        names: set[str] = set()
        assessors: set[str] = set()
        for token in doc_tokens(doc):
            if token.pos_ != NOUN_POS or token.lemma_.lower() not in self.rumor_sources:
                continue
            rule = self._match("rumor_title", token) if token.lemma_.lower() not in self.evidence_nouns else None
            if rule is not None:
                # "the tipster Orbweaver", "Orbweaver, a prolific leaker"
                self._note(token, rule)
                names.add(token.head.text)
                if token.lemma_.lower() in self.assessor_roles:
                    self._fired(token, "assessor_role", token.lemma_.lower())
                    assessors.add(token.head.text)
                continue
            i, handle = token.i + 1, False
            used: list[tuple[Token, str, str]] = []  # the handle_verb and handle_word rules on the way
            while i < len(doc) and i <= token.i + 6:
                word = doc[i]
                if word.pos_ == FULL_VERB_POS and word.lemma_.lower() in self.handle_verbs:
                    handle = True
                    used.append((word, "handle_verb", word.lemma_.lower()))
                elif word.lower_ in self.handle_words:
                    used.append((word, "handle_word", word.lower_))
                elif not (word.lower_ in _HANDLE_FUNCTION_WORDS or word.is_quote):
                    break
                i += 1
            if handle and i < len(doc) and doc[i].pos_ == PROPER_NOUN_POS:
                while i + 1 < len(doc) and doc[i + 1].pos_ == PROPER_NOUN_POS:
                    i += 1
                names.add(doc[i].text)
                for word, kind, lemma in used:
                    self._fired(word, kind, lemma)
        return names, assessors

    @staticmethod
    def _remembered(text: str, source: dict[str, Any], rumor_names: set[str], assessor_names: set[str]) -> dict[str, Any]:
        """A source introduced as an analyst or leaker ("supply-chain
        analyst Tomasz Reiner", "a tipster known as Orbweaver") keeps that
        authority when named again ("Reiner expects …", "Orbweaver says …"),
        and an assessor stays one ("economist Ana Diaz" … "Diaz said")."""
        if source.get("kind") not in (KIND_NAMED, KIND_ORGANISATION):
            return source
        # the name before a description set off after it ("Ann Mills, an analyst at …")
        words = text[source["start"] : source["end"]].split(",")[0].split()
        if not words:
            return source
        surname = words[-1].strip("\"'“”‘’")
        if source.get("authority") == AUTHORITY_RUMOR and source.get("kind") == KIND_NAMED:
            rumor_names.add(surname)
            if source.get("assessor"):
                assessor_names.add(surname)
        if surname in rumor_names:
            return {**source, "authority": AUTHORITY_RUMOR, "assessor": source.get("assessor") or surname in assessor_names}
        return source

    def _titled(self, subject: Token) -> bool:
        """RETURNS (bool): whether the source is a name after a person's role
        ("Valve spokesperson Doug Lombardi", "director Jane Roe"), whatever
        the entity recogniser made of it."""
        return self._is("titled_name", subject)

    def _reports(self, verb: Token) -> bool:
        """RETURNS (bool): whether ``verb`` is a reporting verb that says something (not "did not say")."""
        if verb.lemma_.lower() not in self.report_verbs:
            return False
        return not self._unsaid(verb)

    def _is(self, role: str, token: Token) -> bool:
        """RETURNS (bool): whether a ``report`` rule of ``role`` matches
        ``token`` (recording it)."""
        rule = self._match(role, token)
        if rule is None:
            return False
        record_rule(token.doc, rule.id, token.idx, token.idx + len(token.text))
        return True

    @staticmethod
    def _note(token: Token, rule: Any) -> None:
        """Record that the ``report`` rule ``rule`` decided at ``token``."""
        record_rule(token.doc, rule.id, token.idx, token.idx + len(token.text))

    def _match(self, role: str, token: Token) -> Any:
        """RETURNS (ScopeRule | None): the first ``report`` rule of ``role``
        that matches ``token``, not recorded (the caller records it where it
        decides), or None. The walk holds the token itself as its spine
        (``IN_SPINE``); a role none of whose rules asks for it shares one
        empty walk (asked of every token of a Doc for some roles)."""
        walk = Walk({token.i}, None, None) if role in self._spine_roles else _NO_WALK
        for rule, test in self.report_roles[role]:
            if test(token, walk):
                return rule
        return None

    def _unsaid(self, verb: Token) -> bool:
        """RETURNS (bool): whether an ``unsaid`` rule finds that ``verb`` says
        nothing ("did *not* say", "has *yet* to confirm"), recording it."""
        walk = Walk({verb.i}, None, None)
        for rule, test in self.unsaid:
            if test(verb, walk):
                record_rule(verb.doc, rule.id, verb.idx, verb.idx + len(verb.text))
                return True
        return False

    def _phrasal_report(self, verb: Token) -> str | None:
        """RETURNS (str | None): the ``phrasal_report`` rule a verb and its
        particle make ("ruled *out*"), as "lemma particle", or None."""
        if not self.phrasal_reports:
            return None
        for child in verb.children:
            phrase = f"{verb.lemma_.lower()} {child.lower_}"
            if phrase in self.phrasal_reports:
                return phrase
        return None

    def _appeal(self, verb: Token) -> tuple[str, Token, Any] | None:
        """RETURNS (tuple | None): the ``appeal_report`` rule a verb and its
        preposition make ("called *on* the council to act"), as "lemma
        preposition", with the preposition and the ``appeal_particle`` rule of
        ``scope.jsonl`` that found it (not recorded), or None. A verb with an
        object of its own is no appeal ("called a meeting on Friday"). "Called
        *for* X" is none: the article asserts that the call was made, and
        published news names no source for it (rn-read gold: none 16 times of
        18, "called for X to act" included)."""
        if not self.appeal_reports:
            return None
        for child in verb.children:
            rule = self._match("appeal_particle", child)
            if rule is None:
                continue
            phrase = f"{verb.lemma_.lower()} {child.lower_}"
            if phrase in self.appeal_reports:
                return phrase, child, rule
        return None

    def _speech_act(self, verb: Token) -> bool:
        """RETURNS (bool): whether ``verb`` says something: a verb of saying,
        a phrasal one ("called for"), or one that judges its object."""
        return (
            verb.lemma_.lower() in self.report_verbs
            or self._phrasal_report(verb) is not None
            or self._appeal(verb) is not None
            or self._judgement(verb) is not None
        )

    def _judgement(self, verb: Token) -> Any:
        """RETURNS (ScopeRule | None): the ``judgement`` rule of ``scope.jsonl``
        by which ``verb`` is a ``judgement_verb`` that says what its object is
        ("called the plan *reckless*", "described the deal *as* fair", "was
        hailed *as* a breakthrough"; not a name given, "called the baby
        *Anna*"), not recorded, or None."""
        return self._match("judgement", verb)

    def _says_a_thing(self, verb: Token) -> bool:
        """RETURNS (bool): whether a verb that says only in a clause (a
        ``clause_verb`` word: "show", "tweet") has an object instead, so that
        it reports no words ("the figures showed a rise"), recording it."""
        word = verb.lemma_.lower()
        if word not in self.clause_verbs or not any(c.dep_ == DIRECT_OBJECT_DEP for c in verb.children):
            return False
        self._fired(verb, "clause_verb", word)
        return True

    def _acts(self, verb: Token) -> bool:
        """RETURNS (bool): whether a verb of saying gives out a result or a
        picture as its direct object (an ``act_object`` word: "posted a
        *profit*", "reported a 9% *fall*"), an act of its subject rather than
        a report, recording it."""
        act = next((c for c in verb.children if c.dep_ == DIRECT_OBJECT_DEP and c.lemma_.lower() in self.act_objects), None)
        if act is None:
            return False
        self._fired(act, "act_object", act.lemma_.lower())
        return True

    def _fired(self, token: Token, kind: str, word: str) -> None:
        """Record that the ``attribution.jsonl`` rule ``(kind, word)`` decided at ``token``."""
        rule_id = self.rule_ids.get((kind, word))
        if rule_id is not None:
            record_rule(token.doc, rule_id, token.idx, token.idx + len(token.text))

    def _subject_of(self, verb: Token) -> Token | None:
        # a clause as the subject ("*Not to act* is saying A") names no speaker
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.dep_ not in _NO_SPEAKER_DEPS]
        named = [(c, rule) for c in subjects if (rule := self._match("named_subject", c)) is not None]
        if len(named) > 1 and named[-1][0].pos_ == PROPER_NOUN_POS:
            # "The US carmaker General Motors said …": the parser may split a
            # description and the name after it into two subjects; the name
            # next to the verb is the source
            self._note(*named[-1])
            return named[-1][0]
        if subjects:
            return subjects[0]
        # "Analysts expect X to be priced at 300p, and say B", "Roe aims to
        # build boats and expects B": a finite verb that the parser joined to a
        # non-finite one below the first verb shares the first verb's subject
        if (rule := self._match("finite_conjunct", verb)) is not None:
            above = verb.head
            while not finite(above) and above.head.i != above.i:
                above = above.head
            shared = self._subject_of(above) if finite(above) else None
            if shared is not None:
                self._note(verb, rule)
                return shared
        # "A, a spokeswoman, Ada Moss, said, and B": the parser may hang the
        # noun before a verb of saying on the clause before it; a noun set off
        # by a comma that ends right before the verb is its subject
        stranded = self._stranded_subject(verb)
        if stranded is not None:
            return stranded
        # "X confirmed A but said B": the second verb shares the first's subject
        if self._is("conjunct", verb):
            shared = self._subject_of(verb.head)
            first = verb.head
            if (
                (shared is None or shared.dep_ != ACTIVE_SUBJECT_DEP or first.lemma_.lower() not in self.report_verbs)
                and verb.lemma_.lower() in self.report_verbs
                and first.dep_ in REPORTED_CLAUSE_DEPS
                and self._reports(first.head)
            ):
                # "X expects A to be priced at 300p, and says B", "X said A -
                # there are C - but said B": the parser may join a verb of
                # saying to the clause X reports, whose subject speaks no
                # words (a passive's, an expletive, none); it goes with X.
                # So it does after a clause whose verb says nothing ("X said
                # Roe was not working for them and said B": Roe's clause
                # tells what X said; "X said the firm confirmed A and
                # announced B" is the firm's word twice)
                outer = self._subject_of(first.head)
                if outer is not None:
                    return outer
            return shared
        # "X went on to say A", "the emails seem to show A": an infinitive
        # speaks with its verb's subject
        if (rule := self._match("controlled_speaker", verb)) is not None:
            shared = self._subject_of(verb.head)
            if shared is not None:
                self._note(shared, rule)  # where the source it gives stands
                return shared
        # '"…," added Roe': the name after a verb of saying that follows what
        # it says is its subject, whatever the parser made of it
        for child in verb.children:
            if (rule := self._match("inverted_subject", child)) is not None:
                self._note(child, rule)
                return child
        # "X answered *by saying* A", "X ended *after saying* A": a verb of
        # saying under a preposition of the verb speaks with that verb's subject
        if (rule := self._match("manner_participle", verb)) is not None:
            shared = next((c for c in verb.head.head.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
            if shared is None and verb.head.head.i != verb.head.i:
                # "X appeared on air and began *by saying* A": the verb the
                # preposition hangs on may share its subject with another
                shared = self._subject_of(verb.head.head)
            if shared is not None:
                self._note(shared, rule)  # where the source it gives stands
                return shared
        # passive "was told by X"
        for child in verb.children:
            if child.dep_ == AGENT_DEP:
                for grandchild in child.children:
                    if grandchild.dep_ == PREPOSITION_OBJECT_DEP:
                        return grandchild
        # "X said …, *remarking* that B", "Roe left, *noting* that B": a
        # participle adjunct with no subject of its own speaks with the
        # subject of the clause it hangs on, when that is a name, a pronoun or
        # a reporter
        # ("Corvane shares rose, suggesting …" is an inference, not a speaker's)
        if self._is("participle_adjunct", verb):
            host = verb.head
            if (rule := self._match("content_clause", host)) is not None:
                # "X welcomed the news that A, saying B", "X insisted that A,
                # claiming B": a participle the parser hangs on the clause
                # that tells what is held speaks with the clause above it
                above = host.head
                if above.pos_ in NOMINAL_POS and above.head.i != above.i:
                    above = above.head  # "the news that A": the verb of the noun
                outer = self._subject_of(above)
                if outer is not None:
                    self._note(outer, rule)  # where the source it gives stands
                    return outer
            shared = self._subject_of(host)
            if shared is not None and (
                self._is("adjunct_speaker", shared) or verb.head.lemma_.lower() in self.report_verbs
            ):
                return shared
        return None

    def _stranded_subject(self, verb: Token) -> Token | None:
        """RETURNS (Token | None): for a verb of saying with no subject, the
        widest noun phrase on the way up from the word before it (only
        punctuation between) that ends there and that a ``stranded_subject``
        rule matches (a noun set off by a comma, hung by the parser on the
        clause before), recording it; else None."""
        if not finite(verb):
            return None  # a participle speaks with its clause's subject ("…, arguing that A")
        doc = verb.doc
        i = verb.i - 1
        while i >= 0 and doc[i].is_punct and not doc[i].is_quote:
            i -= 1
        if i < 0:
            return None
        found = None
        token = doc[i]
        while token.i < verb.i and token.right_edge.i < verb.i:
            rule = self._match("stranded_subject", token)
            if rule is not None:
                found = (token, rule)
            if token.head.i == token.i:
                break
            token = token.head
        if found is None:
            return None
        self._note(*found)
        return found[0]

    def _according_to(self, claim: Span, head: Token) -> dict[str, Any] | None:
        """The source an "according to X" or ", per X" in the claim's sentence names, or None."""
        doc = claim.doc
        sent_of, sources = self._according_index(doc)
        found = sources.get(sent_of[claim.start])
        if found is None:
            return None
        source, rules = found
        if not (head.left_edge.i <= source <= head.right_edge.i) and self._is("concessive", head):
            # "Though A, B, according to X": a concession outside the
            # "according to" is the writer's aside, as beside a verb of saying
            return None
        for rule_id, at in rules:
            record_rule(doc, rule_id, doc[at].idx, doc[at].idx + len(doc[at].text))
        return self._describe(doc, doc[source])

    def _according_index(self, doc: Doc) -> tuple[list[int], dict[int, tuple[int, list[tuple[str, int]]]]]:
        """Per Doc, once: each token's sentence number, and for each sentence
        the token index of the first source named by "according to X" or
        ", per X" (``according_to``, ``per`` and ``per_object`` rules), with
        the rules that found it and where (cached in ``doc.user_data``)."""
        cached = doc.user_data.get(_ACCORDING_CACHE)
        if cached is not None and cached[0] == len(doc):
            return cached[1], cached[2]
        sent_of = sentence_ids(doc)
        sources: dict[int, tuple[int, list[tuple[str, int]]]] = {}
        for token in doc_tokens(doc):
            if sent_of[token.i] in sources:
                continue
            according = self._match("according_to", token)
            if according is not None:
                to = doc[token.i + 1]
                objects = [c for c in to.children if c.dep_ == PREPOSITION_OBJECT_DEP] or [
                    c for c in token.children if c.dep_ == PREPOSITION_OBJECT_DEP
                ]
                if objects:
                    sources[sent_of[token.i]] = (objects[0].i, [(according.id, token.i)])
                continue
            per = self._per_source(token)
            if per is not None:
                sources[sent_of[token.i]] = per
        doc.user_data[_ACCORDING_CACHE] = (len(doc), sent_of, sources)
        return sent_of, sources

    def _per_source(self, token: Token) -> tuple[int, list[tuple[str, int]]] | None:
        """", per multiple reports", ", per Deadline": "per" after a comma (a
        ``per`` rule) with a source as its object (a ``per_object`` rule; not
        "$5 per share"). RETURNS the source noun's index and the rules that
        found it, with where, or None."""
        per = self._match("per", token)
        if per is None:
            return None
        obj = next((c for c in token.children if c.dep_ == PREPOSITION_OBJECT_DEP), None)
        if obj is None:
            return None
        source = self._match("per_object", obj)
        if source is None:
            return None
        return obj.i, [(per.id, token.i), (source.id, obj.i)]

    def _share_within_quotes(
        self, doc: Doc, claims: list[Span], text: str, ents: list[Span], history: list[dict[str, Any]]
    ) -> None:
        """Give the claims of one quotation the source of the quotation: '"The
        frame is finished. The motor is not," said Ada Reyes' is Reyes's
        twice. A quotation with no source of its own that opens the sentence
        after a sourced one in the same paragraph continues it ('"We wanted the
        time," said Walt Dohrn. "They're teenagers now."'). A quotation none of
        whose claims has a source takes the reporter beside it ('"No other dates
        are fixed. We will wait and see," Moreau said')."""
        if not claims or not has_quotation_mark(text):
            return
        sent_of = sentence_ids(doc)
        previous: tuple[int, dict[str, Any]] | None = None  # (sentence, source) of the last sourced quotation
        for q_start, q_end in doc_quotations(doc):
            # a claim that opens inside the quotation is the quotation's, even
            # when the parser ran it on into the reporter ('"… tried," Roe said')
            # so is one that opens on its reporter and lies mostly in the
            # quotation ('Roe went on to add, "The crane fell twice …"')
            inside = [c for c in claims if q_start <= c.start_char < q_end or _runs_into(c, q_start, q_end)]
            if not inside:
                # a quotation that holds no claim ('"Well, I like him," Roe
                # said.') still has a speaker whom the next one continues
                reporter = self._speaker_of(doc, text, ents, history, q_start, q_end)
                span = doc.char_span(q_start, q_end, alignment_mode="expand")
                if reporter is not None and span is not None:
                    previous = (max(sent_of[span.end - 1], _tag_sentence(doc, sent_of, reporter, q_end)), reporter)
                continue
            # a pronoun left unresolved inside the quotation ("are *you* saying
            # …?") is someone the speaker addresses, not the speaker
            # (a claim that only runs into it takes the quotation's source, its
            # own reporter's source does not speak for the quotation)
            # a source named inside the quotation ('"A. Roe told me B," Lee
            # said') is a report nested in the speaker's words: it speaks for
            # its own claim, not for the rest of the quotation
            sources = [
                claim_of(c)["attribution"]
                for c in inside
                if q_start <= c.start_char
                and (claim_of(c) or {}).get("attribution") and not claim_of(c)["attribution"].get("pronoun")
                and not _nested(claim_of(c)["attribution"], q_start, q_end)
                and not _within(claim_of(c)["attribution"], q_start, q_end)
            ]
            source = sources[0] if sources else self._speaker_of(doc, text, ents, history, q_start, q_end)
            first = sent_of[inside[0].start]
            if source is None and (previous is not None and previous[0] == first - 1 or first > 0):
                # the quotation opens its sentence: only spaces and punctuation before it
                opening = doc.char_span(q_start, q_start + 1, alignment_mode="expand")
                k = opening.start if opening is not None else inside[0].start
                j = k - 1
                # 'Instead, "…"', 'And now "…"': an adverb or a conjunction
                # before the mark brings in no speaker of its own
                while j >= 0 and sent_of[j] == sent_of[k] and (doc[j].is_space or doc[j].is_punct or doc[j].pos_ in QUOTE_LEAD_POS):
                    j -= 1
                # '… to attend. "They …': the parser may end the sentence
                # before on the opening mark, after its full stop
                glued = 0 < k < len(doc) - 1 and sent_of[k + 1] != sent_of[k] and doc[k - 1].text[-1:] in SENTENCE_ENDS
                if j < 0 or sent_of[j] != sent_of[k] or glued:
                    if previous is not None and previous[0] == first - 1:
                        source = previous[1]
                    elif j >= 0:
                        source = self._colon_reporter(doc, doc[j].sent, text, ents, history)
                        if source is None and self._quote_reporter(doc, q_start, q_end) is None:
                            # a quotation with no reporter, not even one left unresolved
                            source = self._sentence_speaker(doc, claims, doc[j].sent)
            if source is None:
                continue
            _give_unsourced(inside, source)
            # a report that a pronoun inside the quotation makes ('"…, they
            # say A," Roe said', '"… and he said B," Roe said') is still the
            # quotation's speaker's word: the speaker is its source
            for claim in inside:
                own = (claim_of(claim) or {}).get("attribution")
                if own is not None and (_nested(own, q_start, q_end) or own.get("pronoun") and q_start <= own["start"] < q_end):
                    set_claim(claim, {**claim_of(claim), "attribution": dict(source)})
            # the next quotation continues this one from the sentence it ends in,
            # though its last sentence holds no claim ('"… Why now?" she said.')
            closing = doc.char_span(q_start, q_end, alignment_mode="expand")
            ends = [sent_of[inside[-1].start], _tag_sentence(doc, sent_of, source, q_end)]
            if closing is not None:
                ends.append(sent_of[closing.end - 1])
            previous = (max(ends), source)

    def _sentence_speaker(self, doc: Doc, claims: list[Span], sent: Span) -> dict[str, Any] | None:
        """The person who speaks in the sentence before a quotation that
        opens its own sentence with no reporter ('She says A. "B."', 'Roe
        went on. / "B."'): the source of a claim of that sentence outside
        quotation marks, when a person; else the person named as its
        subject (a ``named_speaker`` rule), else None. A writer who quotes
        straight after a speaker's words goes on quoting that speaker."""
        quoted = doc_quotations(doc)
        for claim in claims:
            if not (sent.start <= claim.start < sent.end) or any(qs <= claim.start_char < qe for qs, qe in quoted):
                continue
            source = (claim_of(claim) or {}).get("attribution")
            if (
                source is not None and source.get("kind") in (KIND_NAMED, KIND_ORGANISATION)
                and not (source.get("pronoun") or source.get("evidence") or source.get("finding"))
            ):
                return source
        if self._reports(sent.root) and not any(sent.start <= claim.start < sent.end for claim in claims):
            # a reporter that only leads into the quotation is no claim of its
            # own (a ``quote_lead`` decision: "The carrier said in a
            # statement. / "…""): its verb's subject speaks, as it would be
            # the source of the claim it no longer is
            source = self._said_by(doc, sent.root)
            if source is not None and source.get("kind") in (KIND_NAMED, KIND_ORGANISATION) and not source.get("pronoun"):
                return source
        subject = next((c for c in sent.root.children if c.dep_ == ACTIVE_SUBJECT_DEP), None)
        if subject is None or not self._is("nominal_subject", subject):
            return None
        return self._named_speaker(doc, sent.root) or (self._describe(doc, subject) if self._person(subject) else None)

    def _person(self, subject: Token) -> bool:
        """RETURNS (bool): whether a subject names a person: a name, a role
        before a name, or a noun with a name in apposition ("the union's
        leader, Jane Roe")."""
        return (
            subject.ent_type_ == "PERSON" or self._titled(subject) or _person_surname(subject)
            or any(t.dep_ == APPOSITION_DEP and t.ent_type_ == "PERSON" for t in subject.subtree)
        )

    def _colon_paragraphs(
        self, doc: Doc, claims: list[Span], text: str, ents: list[Span], history: list[dict[str, Any]]
    ) -> None:
        """Give the claims of a paragraph quoted as a block, without quotation
        marks, the source of the paragraph before it when that ends on a
        verb of saying and a colon ("Roe writes:", "The council said in a
        statement:"): the writer hands the next paragraph to that source ("he
        wrote:" to the person the article spoke of last). A sentence with no
        verb of saying ("Here is what we know:") hands on nothing."""
        if ":" not in text or not claims:
            return
        paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
        for (start, end), (next_start, next_end) in zip(paragraphs, paragraphs[1:]):
            if not text[start:end].rstrip().endswith(":") or text[next_start:next_end].lstrip()[:1] in "\"“":
                continue
            last = doc.char_span(end - 1, end, alignment_mode="expand")
            if last is None:
                continue
            source = self._colon_reporter(doc, doc[last.end - 1].sent, text, ents, history)
            if source is None:
                continue
            _give_unsourced((c for c in claims if next_start <= c.start_char < next_end), source)

    def _colon_reporter(
        self, doc: Doc, sent: Span, text: str, ents: list[Span], history: list[dict[str, Any]]
    ) -> dict[str, Any] | None:
        """The source a sentence ending in a colon hands its quotation to ("The
        paper reports:", "In a statement, the board said:"; "he said:"
        resolved to whom the article spoke of last before it), else None."""
        words = [t for t in span_tokens(sent) if not t.is_space]
        if not words:
            return None
        if words[-1].text != ":":
            return self._statement_issuer(doc, sent)
        for token in span_tokens(sent):
            if token.pos_ == FULL_VERB_POS and self._reports(token):
                if self._says_a_thing(token):
                    # "X tweeted the transcript:", "posted the following
                    # picture:": what the colon hands on is the thing, not X's words
                    continue
                subject = self._subject_of(token)
                if subject is None:
                    continue
                if self._match("pronoun", subject) is None:
                    return self._describe(doc, subject, verb=token)
                if subject.lower_ not in PERSON_PRONOUNS:
                    continue
                # "He said:" / "…": the person the article spoke of last
                source = self._describe(doc, subject, verb=token)
                earlier = [h for h in history if h.get("at", h["start"]) < source["start"]]
                resolved = self._resolve(doc, text, ents, source, earlier)
                return None if resolved.get("pronoun") else resolved
        return None

    def _statement_issuer(self, doc: Doc, sent: Span) -> dict[str, Any] | None:
        """The source a sentence names as issuing a statement that the quotation
        after it then gives ("The council issued a statement on Friday." /
        "The union sent a letter to members, …"): the subject of a verb whose
        object is a ``statement_noun``, else None."""
        for token in span_tokens(sent):
            if token.dep_ != DIRECT_OBJECT_DEP or token.lemma_.lower() not in self.statement_nouns:
                continue
            verb = token.head
            subject = self._subject_of(verb) if verb.pos_ == FULL_VERB_POS else None
            if subject is not None and self._match("pronoun", subject) is None:
                source = self._describe(doc, subject)
                rule_id = self.rule_ids.get(("statement_noun", token.lemma_.lower()))
                if rule_id is not None:
                    record_rule(doc, rule_id, source["start"], source["end"])  # where the source it gives stands
                return source
        return None

    def _speaker_labels(self, doc: Doc, claims: list[Span], text: str, ents: list[Span]) -> None:
        """Give the claims of a transcript their speaker. A paragraph that opens
        with a speaker's label ("JANE ROE: …", "ROE: …") is that speaker's,
        and so is a paragraph without a label between two labelled ones. A
        label counts only when its last word ends the name of a person or
        organisation the article mentions or labels more than one turn, so a
        lone "UPDATE:" or "Note:" is none. A label that opens a line of a few
        words over a section ("Roe: Now or never."), in an article none of
        whose labels opens a longer line, is a heading, no turn. An interview
        printed as questions and answers ("Q: …" / "A: …", two of each) gives
        its questions to "Q", as the page names the interviewer, and its
        answers to the person the article names before the first question.
        What a claim attributes to someone else inside the turn stays theirs."""
        if ":" not in text or not claims:
            return
        names = {e.text.split()[-1].lower() for e in ents if e.label_ in ("PERSON", "ORG") and e.text.split()}
        paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
        labels = [_SPEAKER.match(text, start, end) for start, end in paragraphs]
        last = [m.group(1).split()[-1].lower().strip(".") if m else None for m in labels]
        # a transcript quoted paragraph by paragraph opens each with a
        # quotation mark ('"ROE: …' / '"…' / '"LEE: …'): a run of such
        # paragraphs without a label goes on with the turn before it
        quoted = [_QUOTED_PARAGRAPH.match(text, start, end) is not None for start, end in paragraphs]
        # an interview printed as questions and answers, two of each: the
        # questions are the interviewer's, whom the page calls "Q", the
        # answers are the person the article names before the first question
        interview = all(last.count(letter) > 1 for letter in _INTERVIEW_LETTERS)
        # a speaker the article names, or one who speaks in more than one
        # turn; a lone letter names no one outside such an interview
        known = [
            word is not None and (len(word) > 1 or interview and word in _INTERVIEW_LETTERS)
            and (word in names or last.count(word) > 1)
            for word in last
        ]
        spans = [None if label is None else (label.start(1), label.end(1)) for label in labels]
        if interview:
            first = next(label.start() for label, word in zip(labels, last) if word in _INTERVIEW_LETTERS)
            answers = self._interviewee(ents, first)
            spans = [answers if word == _ANSWER_LETTER else span for span, word in zip(spans, last)]
            known = [k and span is not None for k, span in zip(known, spans)]
        # "Roe: Now or never." over paragraphs without labels (or over a line
        # break) heads a section about Roe, in an article none of whose labels
        # opens a line of more than a few words: no turn, and none for the
        # paragraphs below it
        lines = [None if label is None else text[label.end() : end].split("\n", 1) for label, (_, end) in zip(labels, paragraphs)]
        headings = not any(k and line is not None and len(line[0].split()) > _HEADING_WORDS for k, line in zip(known, lines))
        turns: list[tuple[int, int, tuple[int, int] | None]] = []
        for n, ((start, end), label, line) in enumerate(zip(paragraphs, labels, lines)):
            heading = headings and line is not None and (
                len(line) > 1 or n + 1 < len(labels) and labels[n + 1] is None and not quoted[n + 1]
            )
            turns.append((start, end, spans[n] if known[n] and label and not heading else None))
        unlabelled = [label is None for label in labels]
        for n, (start, end, label) in enumerate(turns):
            if label is None and unlabelled[n] and 0 < n < len(turns) - 1:
                before, after = turns[n - 1][2], turns[n + 1][2]
                label = before if before is not None and after is not None else None
                if label is None and quoted[n]:
                    p = next((k for k in range(n - 1, -1, -1) if not unlabelled[k] or not quoted[k]), None)
                    q = next((k for k in range(n + 1, len(turns)) if not unlabelled[k] or not quoted[k]), None)
                    if p is not None and q is not None and quoted[p] and quoted[q] and turns[q][2] is not None:
                        label = turns[p][2]
            if label is None:
                continue
            span = doc.char_span(label[0], label[1], alignment_mode="expand")
            if span is None:
                continue
            kind, authority = self._kind(span, span.root)
            source = {"start": label[0], "end": label[1], "kind": kind, "authority": authority, "pronoun": False, "evidence": False}
            for claim in claims:
                if not (start <= claim.start_char < end):
                    continue
                info = dict(claim_of(claim) or {})
                own = info.get("attribution")
                if own is None or not (start <= own["start"] < end) or own.get("pronoun"):
                    info["attribution"] = dict(source)
                    set_claim(claim, info)

    @staticmethod
    def _interviewee(ents: list[Span], before: int) -> tuple[int, int] | None:
        """RETURNS (tuple[int, int] | None): the characters of the name of
        the person an interview printed as questions and answers speaks to:
        of the people the article names before its first question (at
        character ``before``), the one named most often (the first of
        those), in the fullest form it is given there ("actress Jane Roe has
        written a memoir. … Roe said" gives "Jane Roe"); None when the
        article names no one before it."""
        people = [e for e in ents if e.label_ == "PERSON" and e.end_char <= before and e.text.split()]
        if not people:
            return None
        surnames = [person.text.split()[-1] for person in people]
        counts = Counter(surnames)
        most = max(counts.values())
        surname = next(s for s in surnames if counts[s] == most)
        name = max((p for p, s in zip(people, surnames) if s == surname), key=lambda p: (len(p), -p.start_char))
        return name.start_char, name.end_char

    def _page_prompt(self, doc: Doc, start: int, end: int) -> bool:
        """RETURNS (bool): whether the paragraph at characters ``[start, end)``
        opens with a sentence by which a page of letters or posts speaks for
        itself (a ``page_prompt`` rule on its root: "We asked our readers …"),
        recording it."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        first = next((t for t in span if not t.is_space), None)
        return first is not None and self._is("page_prompt", first.sent.root)

    def _signatures(self, doc: Doc, claims: list[Span], text: str) -> None:
        """Give the claims of a page of letters or readers' posts their
        writers. A paragraph that is only a person's name or a handle ("Jane
        Roe.", "@jroe.") signs the paragraphs above it, back to the last
        signature, the place that follows one ("Leeds.") or a section's label
        ("LETTERS."); only on a page signed twice or more, or under such a
        label, so that an article's closing name ("Jane Roe.") signs
        nothing; and only on a page that ends on a signature, a place or a
        label: names with writing after the last one are the headings of the
        sections below them. A claim that names a source of its own keeps it."""
        if not claims or "\n" not in text:
            return
        paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
        signed: list[tuple[int, tuple[int, int]]] = []  # (paragraph, name span)
        boundaries: set[int] = set()
        for n, (start, end) in enumerate(paragraphs):
            para = text[start:end].strip()
            if _LABEL.fullmatch(para):
                boundaries.add(n)
                continue
            if n - 1 in boundaries and self._page_prompt(doc, start, end):
                # "TWITTER." / "We asked our followers …": the page's own words
                boundaries.add(n)
                continue
            name = _SIGNATURE.fullmatch(para)
            if name is None:
                continue
            if n - 1 in boundaries and signed and signed[-1][0] == n - 1:
                boundaries.add(n)  # "Jane Roe." / "Leeds.": the writer's place
                continue
            offset = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            span = doc.char_span(offset + name.start(1), offset + name.end(1), alignment_mode="expand")
            if span is None:
                continue
            handle = name.group(1).startswith("@")
            if not handle and (
                not all(t.pos_ == PROPER_NOUN_POS or t.is_punct for t in span)
                or any(e.label_ in ("GPE", "LOC", "ORG", "NORP", "FAC") for e in span.ents)
            ):
                continue  # "New York.": a place, not a writer
            signed.append((n, (span.start_char, span.end_char)))
            boundaries.add(n)
        labelled = any(b < signed[0][0] and _LABEL.fullmatch(text[slice(*paragraphs[b])].strip()) for b in boundaries) if signed else False
        if len(signed) < 2 and not labelled:
            return
        if any(
            n not in boundaries and any(start <= c.start_char < end for c in claims)
            for n, (start, end) in enumerate(paragraphs)
            if n > signed[-1][0]
        ):
            # a page of letters ends on its last writer's name (or place, or a
            # label, or a line that claims nothing: "Write to us at …"): names
            # with claims after the last one head the sections below them
            # ("Jane Roe." / "Roe has led the party since …")
            return
        for n, (start, end) in signed:
            first = max((b for b in boundaries if b < n), default=-1) + 1
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or first >= n:
                continue
            block = (paragraphs[first][0], paragraphs[n - 1][1])
            _sign(claims, self._signer(span, start, end), block, outside=False)

    def _dash_signatures(self, doc: Doc, claims: list[Span], text: str) -> None:
        """Give the claims of quoted paragraphs the speaker a dash signs them
        with in the paragraph after them ('"We will cut the tax." / "- Roe."'),
        as a fact check lists the words it checks: back to the paragraph
        before that does not open with a quotation mark. A source named
        inside the quotation stays."""
        if not claims or "\n" not in text:
            return
        paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
        for n, (start, end) in enumerate(paragraphs):
            name = _DASH_SIGNATURE.fullmatch(text, start, end)
            if name is None or n == 0:
                continue
            first = n
            while first > 0 and _QUOTED_PARAGRAPH.match(text, *paragraphs[first - 1]) is not None:
                first -= 1
            if first == n:
                continue  # a byline under the writer's own paragraph signs no quotation
            name_end = name.start(1) + len(name.group(1).rstrip("."))
            span = doc.char_span(name.start(1), name_end, alignment_mode="expand")
            if span is None or not any(t.pos_ == PROPER_NOUN_POS for t in span):
                continue
            block = (paragraphs[first][0], paragraphs[n - 1][1])
            _sign(claims, self._signer(span, name.start(1), name_end), block, outside=True)

    def _signer(self, span: Span, start: int, end: int) -> dict[str, Any]:
        """RETURNS (dict): the source a signature at characters ``[start,
        end)`` (the tokens ``span``) gives the paragraphs it signs."""
        kind, authority = self._kind(span, span.root)
        return {"start": start, "end": end, "kind": kind, "authority": authority, "pronoun": False, "evidence": False}

    def _speaker_of(
        self, doc: Doc, text: str, ents: list[Span], history: list[dict[str, Any]], start: int, end: int
    ) -> dict[str, Any] | None:
        """The reporter of the quotation at ``[start, end)`` (see
        :meth:`_quote_reporter`), a pronoun ('"A," he said, "B."') resolved
        to whom the article spoke of last before it, else None."""
        source = self._quote_reporter(doc, start, end)
        if source is None or not source.get("pronoun"):
            return source
        earlier = [h for h in history if h.get("at", h["start"]) < start]
        resolved = self._resolve(doc, text, ents, source, earlier)
        if resolved.get("pronoun"):
            return None
        # where the quotation itself names its speaker, and the verb it speaks
        # through (what PolNeAR marks: "he", "said")
        return {**resolved, "mention": [source["start"], source["end"]], "mention_verb": source.get("reporter")}

    def _quote_reporter(self, doc: Doc, start: int, end: int) -> dict[str, Any] | None:
        """The source of the reporting verb nearest the quotation at
        characters ``[start, end)``: after it in the sentence it ends in
        ('…," Larkin said'), else before it in the sentence it opens in
        ('Larkin said: "…'). A pronoun ("she said") is returned as one, for
        the caller to resolve."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        last, first = doc[span.end - 1].sent, doc[span.start].sent
        after: range | list[int] = range(span.end, last.end)
        opens = all(doc[i].is_punct or doc[i].is_space for i in range(first.start, span.start))
        if opens and all(doc[i].is_punct or doc[i].is_space for i in after) and last.end < len(doc):
            # '"… in his taxes?" Roe said.': the parser may end the sentence
            # with the quotation and leave the reporter a sentence of its own
            # (not the second half of '"A," he said, "B."', whose reporter
            # stands before it)
            following = doc[last.end].sent
            # ('"… a campaign." Roe said he would have fired him.': a verb
            # that reports a clause of its own says that clause, it tags no
            # quotation before it)
            if (
                following.root.lemma_.lower() in self.report_verbs
                and "\n" not in doc[span.end - 1 : following.start + 1].text
                and not any(c.dep_ in REPORTED_CLAUSE_DEPS for c in following.root.children)
            ):
                after = range(following.start, following.end)
        for candidates, tags in ((after, self.tag_verbs), (range(span.start - 1, first.start - 1, -1), frozenset())):
            # the nearest verb of saying with a subject: one without ("…,
            # saying, '…'" that the parser hung on the wrong clause) passes
            # the quotation on to the next ("X said A, saying, '…'"); a
            # ``tag_verb`` says only as the tag after it ('"…," he continued')
            # so does one right before it ('She continued, "…"'), nothing but
            # punctuation between them
            for verb, rule in (
                (doc[i], rule) for i in candidates
                if (rule := self._match("quote_verb", doc[i]) or (
                    self._match("quote_tag", doc[i]) if tags or _leads_into(doc, i, span.start) else None
                )) is not None
            ):
                # '"The fact that he tried," Roe said': the parser may give the
                # verb a second subject inside the quotation; the reporter is the
                # one outside it
                # "Roe was asked by the host, '…'": the agent of a passive speaks
                agent = next((g for c in verb.children if c.dep_ == AGENT_DEP for g in c.children if g.dep_ == PREPOSITION_OBJECT_DEP), None)
                subjects = (
                    [agent] if agent is not None
                    else [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.dep_ != EXPLETIVE_DEP] or [self._subject_of(verb)]
                )
                subject = next((c for c in subjects if c is not None and not (span.start <= c.i < span.end)), None)
                if subject is None and verb.i < span.start:
                    # 'Roe resigned in a letter stating, "…"': the issuer of the
                    # statement the participle hangs on speaks the quotation
                    subject = self._statement_issuer_of(verb)
                if subject is None and verb.i < span.start:
                    # "The mayor praised the crews, adding: '…'", "Roe shared
                    # the news, writing '…'": a participle of saying before a
                    # quotation speaks with the subject of the clause it hangs
                    # on, whoever that is (a quotation is someone's words), and
                    # past a head the parser put inside the quotation
                    subject = self._participle_speaker(verb, span)
                if subject is None:
                    continue
                self._note(verb, rule)
                if verb.lemma_.lower() not in self.report_verbs:
                    self._fired(subject, "tag_verb", verb.lemma_.lower())  # where the source it gives stands
                if self._match("pronoun", subject) is None:
                    return self._describe(doc, subject, verb=verb)
                if subject.lower_ in PERSON_PRONOUNS:
                    # '"A," he said': whom "he" means is resolved by the caller
                    return {**self._describe(doc, subject, verb=verb), "reporter": verb.i}
                break
        tag = self._noun_tag(doc, after)
        if tag is not None:
            return tag
        return self._colon_speaker(doc, span)

    def _noun_tag(self, doc: Doc, after: range | list[int]) -> dict[str, Any] | None:
        """The source of a quotation's tag whose verb of saying the tagger
        read as a noun ('"…," a narrator in the ad *states*.', '"…," the two
        ministers *state* in the letter'): a ``noun_tag`` rule on the first
        word after the quotation that is no name's part nor a function word
        of one; the words before it are the source."""
        words = [i for i in after if not (doc[i].is_punct or doc[i].is_space)]
        if len(words) < 2:
            return None
        for i in words[1:]:
            rule = self._match("noun_tag", doc[i])
            if rule is not None:
                span = doc[words[0] : i]
                nouns = [t for t in span if t.pos_ in NOMINAL_POS]
                if not nouns:
                    return None
                self._note(doc[i], rule)
                # the head noun: the last before a preposition ("a narrator in the ad")
                cut = next((t.i for t in span if t.pos_ == ADPOSITION_POS), i)
                subject = ([t for t in nouns if t.i < cut] or nouns)[-1]
                kind, authority = self._kind(span, subject)
                return {
                    "start": span.start_char,
                    "end": span.end_char,
                    "kind": kind,
                    "authority": authority,
                    "pronoun": False,
                    "evidence": False,
                    "finding": False,
                    "assessor": self._assessor(subject),
                    "at": subject.idx,
                }
            if not self._is("tag_noun_phrase", doc[i]):
                return None
        return None

    def _statement_issuer_of(self, verb: Token) -> Token | None:
        """RETURNS (Token | None): for a verb of saying with no subject of
        its own hung on a ``statement_noun`` ("a statement *saying* A", "a
        letter *stating* A"), the subject of the clause that issues the
        statement: its object ("The club issued a statement saying A") or
        the object of its preposition ("Roe resigned in a letter stating
        A"). A statement with an issuer of its own ("a statement from the
        club", "the club's letter") or none in its clause gives None."""
        noun = verb.head
        if (
            verb.dep_ not in CLAUSAL_MODIFIER_DEPS or verb.dep_ == RELATIVE_CLAUSE_DEP
            or noun.i == verb.i or noun.lemma_.lower() not in self.statement_nouns
        ):
            return None
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        # a statement that names its own issuer or holder ("the club's
        # statement", "a statement from Roe") is not the clause subject's
        if any(
            c.dep_ == POSSESSOR_DEP
            or c.dep_ == PREPOSITION_DEP and any(g.dep_ == PREPOSITION_OBJECT_DEP and g.pos_ == PROPER_NOUN_POS for g in c.children)
            for c in noun.children
        ):
            return None
        holder = noun.head
        if noun.dep_ == PREPOSITION_OBJECT_DEP and holder.dep_ == PREPOSITION_DEP:
            holder = holder.head
        elif noun.dep_ != DIRECT_OBJECT_DEP:
            return None
        if holder.pos_ != FULL_VERB_POS or holder.i == noun.i:
            return None
        subject = self._subject_of(holder)
        if subject is None or subject.dep_ != ACTIVE_SUBJECT_DEP:
            return None
        rule_id = self.rule_ids.get(("statement_noun", noun.lemma_.lower()))
        if rule_id is not None:
            record_rule(verb.doc, rule_id, subject.idx, subject.idx + len(subject.text))  # where the source it gives stands
        return subject

    def _participle_speaker(self, verb: Token, span: Span) -> Token | None:
        """RETURNS (Token | None): for a participle of saying with no subject
        of its own before the quotation ``span`` (a ``participle_adjunct``,
        or a participle the parser hung on a word inside the quotation), the
        subject of the highest clause above it before the quotation: "X said
        A would fall, adding: '…'" is X's, not A's subject's."""
        if verb.tag_ != GERUND_TAG or verb.dep_ in SUBJECT_DEPS and not (span.start <= verb.head.i < span.end):
            return None
        if verb.dep_ not in SUBJECT_DEPS and not self._is("participle_adjunct", verb):
            return None
        found = None
        for token in verb.ancestors:
            if span.start <= token.i < span.end:
                continue
            if token.i > span.start:
                break
            subject = next((c for c in token.children if c.dep_ in NOMINAL_SUBJECT_DEPS and c.i != verb.i), None)
            found = subject or found
        return found

    def _colon_speaker(self, doc: Doc, span: Span) -> dict[str, Any] | None:
        """The person whose clause a colon hands to the quotation ``span``
        ('She then turned to the crowd: "…"', 'Roe spoke about the fire:
        "…"'), whatever the verb, else None: a colon after a person's clause
        gives what that person says. A thing or a plan ("The rules are
        simple: '…'") speaks no quotation."""
        i = span.start - 1
        while i >= 0 and (doc[i].is_space or doc[i].is_quote):
            i -= 1
        if i < 0 or doc[i].text != ":" or doc[i].sent.start != doc[span.start].sent.start and "\n" in doc[i : span.start].text:
            return None
        rule = self._match("colon_clause", doc[i])
        if rule is None:
            return None
        verb = doc[i].head
        if span.start <= verb.i < span.end:
            # 'Roe apologized for the remark: "It was a mistake."': the parser
            # may hang the colon, and the clause before it, on the quoted
            # verb; the clause's own verb is its topmost word before the colon
            verb = doc[i - 1]
            while verb.head.i != verb.i and verb.head.i < i and verb.head.i >= doc[i].sent.start:
                verb = verb.head
            if verb.pos_ not in VERB_POS:
                return None
        subject = self._subject_of(verb)
        if subject is None or span.start <= subject.i < span.end:
            return None
        if subject.lower_ in PERSON_PRONOUNS:
            self._note(doc[i], rule)
            return {**self._describe(doc, subject, verb=verb), "reporter": verb.i}
        if subject.ent_type_ == "PERSON" or self._titled(subject) or subject.lemma_.lower() in self.person_roles:
            self._note(doc[i], rule)
            source = self._describe(doc, subject, verb=verb)
            # a quotation the parser hung on the name is no part of it
            last = doc[max((t.i for t in subject.subtree if t.i < verb.i), default=subject.i)]
            return {**source, "end": min(source["end"], last.idx + len(last.text))}
        return None

    def _record(self, doc: Doc, source: dict[str, Any], frame: Token | None) -> None:
        """Record the ``attribution.jsonl`` rules behind a source: the words of
        the source span (and of its appositive) that say what kind of source it
        is, and the verb it speaks through (the claim's reporting verb, or the
        verb the source is the subject of)."""
        if not records_rules(doc):
            return
        span = doc.char_span(source["start"], source["end"], alignment_mode="expand")
        if span is None:
            return
        ids = self.rule_ids
        words = [t for t in span]
        root = span.root
        words += [t for c in root.children if c.dep_ == APPOSITION_DEP for t in c.subtree if not (span.start <= t.i < span.end)]
        for t in words:
            for kind in ("unnamed_head", "public_head", "unnamed_modifier", "rumor_source", "person_role", "evidence_noun", "finding_noun", "official_role"):
                for word in dict.fromkeys((t.lemma_.lower(), t.lower_)):
                    if (kind, word) in ids:
                        record_rule(doc, ids[(kind, word)], t.idx, t.idx + len(t.text))
        verbs = [frame] if frame is not None else []
        if root.dep_ in SUBJECT_DEPS:
            verbs.append(root.head)
        for verb in dict.fromkeys(verbs):
            for kind in ("report_verb", "belief_verb", "rumor_verb"):
                if (kind, verb.lemma_.lower()) in ids:
                    record_rule(doc, ids[(kind, verb.lemma_.lower())], verb.idx, verb.idx + len(verb.text))

    # -- describing -------------------------------------------------------------

    def _describe(self, doc: Doc, subject: Token, verb: Token | None = None) -> dict[str, Any]:
        """The source span of ``subject``, its kind and authority. A source
        that *reports* ("Bloomberg reported", "Deadline reports") passes on
        what others told it: its word is a rumour's (``rumor_verb`` rules)."""
        subject = self._past_quotation(doc, subject, verb)
        left, right = subject.left_edge.i, subject.right_edge.i + 1
        if left < subject.i:
            # '"A, because B," Roe, 52, said': the parser may hang the
            # quotation on the name; the source starts after the closing mark
            end = next((qe for qs, qe in doc_quotations(doc) if qs <= doc[left].idx < qe <= subject.idx), None)
            if end is not None:
                left = next(t.i for t in doc[left : subject.i + 1] if t.idx >= end)
        # keep what says who the source is ("Dataminers who examined the
        # demo", "Jane Roe, an analyst at Kestrel"); drop a clause set off by
        # a comma that says more about them (", who has tracked it for years")
        for child in subject.children:
            rule = self._match("set_off_clause", child)
            if rule is not None and child.left_edge.i < right:
                self._note(child, rule)
                right = child.left_edge.i
        # "analysts at Lumen Market Intelligence estimate": the parser may
        # leave the preposition without its object, the name hung on the verb
        while right < len(doc) and doc[right - 1].pos_ == ADPOSITION_POS and doc[right].pos_ == PROPER_NOUN_POS:
            right += 1
            while right < len(doc) and doc[right].pos_ == PROPER_NOUN_POS and (verb is None or right < verb.i):
                right += 1
        while right > left + 1 and (doc[right - 1].is_punct or doc[right - 1].is_space):
            if doc[right - 1].text == ")" and _open_bracket(doc[left : right - 1].text):
                break  # "Sen. Jane Roe (D-Ore.)": the bracket closes the party's mark
            right -= 1
        if _open_bracket(doc[left:right].text):
            # the parser may leave the closing bracket out of the subject
            close = next((t.i for t in doc[right : right + 3] if t.text == ")"), None)
            if close is not None:
                right = close + 1
        while left < right - 1 and (doc[left].is_punct or doc[left].is_space):
            left += 1
        # "*even* a party strategist", "*only* the mayor": a focus adverb is no part of the name
        while left < subject.i and (rule := self._match("focus_adverb", doc[left])) is not None:
            self._note(doc[left], rule)
            left += 1
        span = doc[left:right]
        kind, authority = self._kind(span, subject)
        # "Lena Voss, a strategist at Harbour Research, said": the
        # appositive role is left out of the span but says who speaks
        for child in subject.children:
            if child.dep_ == APPOSITION_DEP and child.i > subject.i and authority != AUTHORITY_RUMOR:
                role = {t.lemma_.lower() for t in child.subtree} | {t.lower_ for t in child.subtree}
                noun = child.lemma_.lower()
                if noun in self.rumor_sources or (role & self.rumor_sources and noun in self.person_roles):
                    authority = AUTHORITY_RUMOR
        if kind == KIND_NAMED and authority != AUTHORITY_RUMOR and self._one_of_them(subject):
            authority = AUTHORITY_RUMOR
        if verb is not None and verb.lemma_.lower() in self.rumor_verbs and not self._official(span) and not self._is("as_parenthetical", verb):
            # "Bloomberg reported" passes on what others said; "Ford's chief
            # executive reported" speaks for the company; "as Bloomberg
            # reported, …" is the article vouching for what it cites
            authority = AUTHORITY_RUMOR
        # a quantifier standing alone ("*Some* have urged …", "*Many* say
        # …") names its source as it is: it stands for no one named before
        quantifier = self._match("quantifier_subject", subject)
        if quantifier is not None:
            self._note(subject, quantifier)
        return {
            "start": span.start_char,
            "end": span.end_char,
            "kind": kind,
            "authority": authority,
            "pronoun": (quantifier is None and self._match("pronoun", subject) is not None) or subject.lower_ in PERSON_PRONOUNS,
            # a leaked document speaks in the past tense of what it shows
            "evidence": subject.lemma_.lower() in self.evidence_nouns,
            # a poll or a survey measures what is, and forecasts what will be
            "finding": subject.lemma_.lower() in self.finding_nouns,
            # an analyst's word on what is now is an assessment, not a rumour
            "assessor": self._assessor(subject),
            # where the source's own word stands (a pronoun keeps it when resolved)
            "at": subject.idx,
        }

    @staticmethod
    def _past_quotation(doc: Doc, subject: Token, verb: Token | None) -> Token:
        """RETURNS (Token): the subject of a verb of saying that follows a
        quotation, as written after the closing mark. '"A, nearly all of
        them," Roe, 52, said': the parser may take a word inside the
        quotation for the subject and hang the name after the closing mark on
        it as an apposition (or on the verb, as a clause of its own); the one
        who speaks is that name."""
        if verb is None or subject.i >= verb.i:
            return subject
        quoted = doc_quotations(doc)
        if not quoted:
            return subject
        end = next((qe for qs, qe in quoted if qs <= subject.idx < qe <= verb.idx), None)
        if end is None:
            return subject
        after = (c for t in (subject, verb) for c in t.children if end <= c.idx < verb.idx and c.pos_ in NOMINAL_POS)
        return next(after, subject)

    def _quoted_thing(self, doc: Doc, source: dict[str, Any], claim: Span, quoted: list[tuple[int, int]]) -> bool:
        """RETURNS (bool): whether a source is a noun that names no one (a
        ``quoted_thing`` rule) standing in the same quotation as the claim,
        recording it."""
        at = source.get("at")
        if at is None:
            return False
        if not any(qs <= claim.start_char < qe and qs <= at < qe for qs, qe in quoted):
            return False
        span = doc.char_span(at, at + 1, alignment_mode="expand")
        if span is None:
            return False
        return self._is("quoted_thing", span[0])  # the subject word the source was described from

    def _first_person(self, doc: Doc, source: dict[str, Any]) -> bool:
        """RETURNS (bool): whether a source is a first-person pronoun alone (a
        ``first_person`` rule: "*I* think A", "what *we* expect") or the one
        addressed (an ``addressee`` rule: "as *you* are asking me, A"), whom
        the quotation's reporter gives, recording it."""
        span = doc.char_span(source["start"], source["end"])
        if span is None or len(span) != 1:
            return False
        return self._is("first_person", span[0]) or self._is("addressee", span[0])

    def _named_agent(self, noun: Token) -> Token | None:
        """RETURNS (Token | None): the named agent of a participle on ``noun``
        ("figures *released* April 3 by NPD Group", a ``named_agent`` rule), or None."""
        for acl in noun.children:
            for agent in acl.children:
                for obj in agent.children:
                    rule = self._match("named_agent", obj)
                    if rule is not None:
                        self._note(obj, rule)
                        return obj
        return None

    def _measured(self, source: dict[str, Any], head: Token) -> dict[str, Any]:
        """A finding ("recent polling", "the survey") that a rumour's word would
        otherwise give states what it measured as a fact: "according to recent
        polling, the senator is leading" is what the polls found; "according to
        polling, the senator will win" stays a forecast (a ``forecast`` rule
        matches its predicate). RETURNS the source, with a maker's authority
        when it measured a present or past state."""
        if not source.get("finding") or source.get("authority") != AUTHORITY_RUMOR:
            return source
        if self._is("forecast", head):
            return source
        return {**source, "authority": AUTHORITY_MAKER}

    def _assessor(self, subject: Token) -> bool:
        """RETURNS (bool): whether a source is named by an ``assessor_role``
        ("analyst Jane Roe", "Jane Roe, chief economist at Kestrel"), or is
        an unnamed holder of a post in a body, an ``office_head`` ("a
        ministry official", "aides"): one whose forecasts are rumours but
        whose account of how things stand now, or stood, is the article's fact."""
        lemma = subject.lemma_.lower()
        words = {w for t in subject.subtree for w in (t.lemma_.lower(), t.lower_)}
        if lemma in self.office_heads and not words & self.unnamed_modifiers:
            # not "officials familiar with the talks", who pass on what insiders know
            self._fired(subject, "office_head", lemma)
            return True
        if not self.assessor_roles:
            return False
        words = list(subject.subtree)
        for t in words:
            if t.lemma_.lower() in self.assessor_roles or t.lower_ in self.assessor_roles:
                self._fired(t, "assessor_role", t.lemma_.lower() if t.lemma_.lower() in self.assessor_roles else t.lower_)
                return True
        return False

    def _one_of_them(self, subject: Token) -> bool:
        """RETURNS (bool): whether a person named with their firm ("Lena Voss
        of Harbour Partners") follows a sentence about rumour sources as a
        group ("Analysts were split."): one of them, whose word settles nothing."""
        affiliated = self._match("affiliated_name", subject)
        if affiliated is None:
            return False
        sent = subject.sent
        if sent.start == 0:
            return False
        before = subject.doc[sent.start - 1].sent
        for t in before:
            group = self._match("rumor_group", t)
            if group is not None:
                doc = subject.doc
                record_rule(doc, affiliated.id, subject.idx, subject.idx + len(subject.text))
                record_rule(doc, group.id, t.idx, t.idx + len(t.text))
                return True
        return False

    def _official(self, span: Span) -> bool:
        """RETURNS (bool): whether a source span names an office holder ("CEO Alan Mulally")."""
        return any(t.lemma_.lower() in self.official_roles or t.lower_ in self.official_roles for t in span)

    def _kind(self, span: Span, subject: Token) -> tuple[str, str | None]:
        agent = self._named_agent(subject)
        if agent is not None:
            # "figures released by NPD Group", "a statement issued by the
            # ministry": who released it is the source
            return self._kind(span.doc[agent.left_edge.i : agent.right_edge.i + 1], agent)
        lemmas = {t.lemma_.lower() for t in span} | {t.lower_ for t in span}
        head = subject.lemma_.lower()
        if head in self.public_heads or (lemmas & self.public_heads and head not in self.unnamed_heads and not _has_person(span)):
            return KIND_PUBLIC, AUTHORITY_RUMOR
        if head in self.unnamed_heads or lemmas & self.unnamed_modifiers:
            if not _has_person(span):
                if self._on_record(subject, lemmas):
                    return KIND_ORGANISATION, AUTHORITY_MAKER
                return KIND_UNNAMED, AUTHORITY_RUMOR
        rumor = AUTHORITY_RUMOR if (head in self.rumor_sources or lemmas & self.rumor_sources) else AUTHORITY_MAKER
        if _has_person(span) or subject.lower_ in PERSON_PRONOUNS or self._titled(subject) or _person_surname(subject):
            return KIND_NAMED, rumor
        return KIND_ORGANISATION, rumor

    def _on_record(self, subject: Token, lemmas: set[str]) -> bool:
        """RETURNS (bool): whether an unnamed source speaks for its body on the
        record: a bare plural of an ``on_record_head`` ("Officials said",
        "Union officials said", "the company's executives said"), not one
        counted or picked out ("two officials", "some executives", "an
        official") nor one marked as off the record ("officials familiar with
        the talks", "officials who asked not to be named")."""
        if lemmas & self.unnamed_modifiers:
            return False
        # an ``on_record`` rule: not "officials who spoke on condition of
        # anonymity", "two officials", "several executives", "officials from
        # three agencies" (a count of people, or of bodies, speaks for no one body)
        if not self._is("on_record", subject):
            return False
        self._fired(subject, "on_record_head", subject.lemma_.lower())
        return True

    def _resolve(
        self, doc: Doc, text: str, ents: list[Span], source: dict[str, Any], history: list[dict[str, Any]]
    ) -> dict[str, Any]:
        """Point a pronoun source at the nearest earlier source or entity it can mean.

        For "he" and "she", a person named as the subject of a main clause
        after the last earlier source of the right kind is nearer: '"It is a
        good deal," said the union's leader, Jane Roe. / "We are pleased,"
        she told reporters' is Roe's even when her first quotation held no
        claim (the subject of a sentence is what its next one speaks of).

        text (str): ``doc.text``; ents (list[Span]): ``list(doc.ents)``, both taken once per Doc.
        """
        if not source.get("pronoun"):
            return source
        want_person = text[source["start"] : source["end"]].lower() in PERSON_PRONOUNS
        found = None
        for earlier in reversed(history):
            if earlier.get("pronoun"):
                continue
            if (earlier["kind"] == KIND_NAMED) == want_person:
                found = earlier
                break
        after = -1 if found is None else found.get("at", found["start"])
        speaker = self._nearest_speaker(doc, source["start"], after, want_person)
        # where the pronoun itself stands, for a report nested in a quotation
        said_at = source.get("at", source["start"])
        said_as = text[source["start"] : source["end"]].lower()
        if speaker is not None:
            return {**speaker, "pronoun": False, "resolved": True, "said_at": said_at, "said_as": said_as}
        if found is not None:
            return {**found, "pronoun": False, "resolved": True, "said_at": said_at, "said_as": said_as}
        labels = ("PERSON",) if want_person else ("ORG",)
        # a lone last name of a person named in full is a person, whatever its label
        before = [
            e for e in ents
            if e.end_char <= source["start"] and (e.label_ in labels) != (len(e) == 1 and _person_surname(e.root))
        ]
        if before:
            ent = before[-1]
            return {
                **source,
                "start": ent.start_char,
                "end": ent.end_char,
                "kind": KIND_NAMED if want_person else KIND_ORGANISATION,
                "pronoun": False,
                "resolved": True,
            }
        return source

    def _nearest_speaker(self, doc: Doc, before: int, after: int, want_person: bool) -> dict[str, Any] | None:
        """RETURNS (dict | None): for "he" or "she", the last person named as
        the subject of a clause outside quotation marks between characters
        ``after`` and ``before`` ("Jane Roe, the union's leader, welcomed the
        deal. '…,' she said"), described as a source, else None."""
        if not want_person:
            return None
        speakers = doc.user_data.get(_SPEAKER_CACHE)
        if speakers is None or speakers[0] != len(doc):
            quoted = doc_quotations(doc)
            # the subject of a main clause (not of a reported one: "Pence
            # said *Trump* will …", nor of an infinitive: "allow *Clinton* to …")
            found = [
                t.i for t in doc_tokens(doc)
                if self._match("main_speaker", t) is not None
                and not any(qs <= t.idx < qe for qs, qe in quoted)
            ]
            speakers = (len(doc), found)
            doc.user_data[_SPEAKER_CACHE] = speakers
        for i in reversed(speakers[1]):
            subject = doc[i]
            if subject.idx >= before:
                continue
            if subject.idx <= after:
                return None
            # a person, not what is named after one ("the Clinton campaign"):
            # a name, a role before a name, or a noun with a name in apposition
            # ("the union's leader, Jane Roe")
            if self._person(subject):
                self._is("main_speaker", subject)  # where the source it gives stands
                return self._describe(doc, subject, verb=subject.head)
            owner = next((c for c in subject.children if c.dep_ == POSSESSOR_DEP and self._person(c)), None)
            if owner is not None and subject.pos_ != PROPER_NOUN_POS:
                # "Roe's latest column attacks the plan. '…,' she wrote": the
                # person whose words or work the subject is
                self._is("main_speaker", subject)
                source = self._describe(doc, owner, verb=subject.head)
                case = next((c for c in owner.children if c.tag_ == POSSESSIVE_TAG), None)
                if case is not None and case.i > owner.left_edge.i:
                    source["end"] = doc[case.i - 1].idx + len(doc[case.i - 1].text)  # "Roe", not "Roe's"
                return source
        return None


#: ``doc.user_data`` key of :meth:`AttributionTagger._nearest_speaker`
_SPEAKER_CACHE = "claimx_named_speakers"


#: function words between a rumour source's noun and its handle ("a tipster
#: known *as* X", "*who* goes *by* X", "posts *under the* handle X"); the verbs and
#: content words there are ``handle_verb`` and ``handle_word`` rules
_HANDLE_FUNCTION_WORDS = frozenset({"who", "as", "by", "under", "the"})

#: function words: pronouns that name no one in particular ("no matter what *anyone* says")

_ANYONE = frozenset({"anyone", "anybody", "everyone", "everybody", "whoever"})

#: subject dependencies that name no speaker: an expletive ("*it* is said"),
#: a clause ("*not to act* is saying A")
_NO_SPEAKER_DEPS = frozenset({"expl", "csubj", "csubjpass"})

#: dependencies by which a verb of saying takes what it says
_SAID_DEPS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd", "parataxis", "prep", "advcl", "pcomp"})

#: function words: negative quantifiers and pronouns that open a source
#: that is nobody ("no official", "none of the venues")
_NOBODY = ("none", "nobody", "no one", "no-one", "neither", "no ")


#: ``doc.user_data`` key of :meth:`AttributionTagger._according_index`
_ACCORDING_CACHE = "claimx_according_sources"
#: the walk of a ``report`` role none of whose rules asks for the spine
_NO_WALK = Walk(frozenset(), None, None)

def _sign(claims: Iterable[Span], source: dict[str, Any], block: tuple[int, int], *, outside: bool) -> None:
    """Give ``source`` to the claims that open in the characters ``block``
    and have no source, or only a pronoun; with ``outside``, also to those
    whose source stands outside the block (a quotation's words are its
    signer's, whoever the text around them named)."""
    for claim in claims:
        if not (block[0] <= claim.start_char < block[1]):
            continue
        info = dict(claim_of(claim) or {})
        own = info.get("attribution")
        if own is None or own.get("pronoun") or (outside and not block[0] <= own.get("said_at", own["start"]) < block[1]):
            info["attribution"] = dict(source)
            set_claim(claim, info)


def _give_unsourced(claims: Iterable[Span], source: dict[str, Any]) -> None:
    """Give ``source`` to those of ``claims`` that have none yet."""
    for claim in claims:
        info = dict(claim_of(claim) or {})
        if info.get("attribution") is None:
            info["attribution"] = dict(source)
            set_claim(claim, info)


#: a paragraph: a run of text between blank lines
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")

#: a transcript speaker's label opening a paragraph: up to four capitalised
#: words before a colon ("JANE ROE:", "Roe:"), after the opening quotation
#: mark of a transcript quoted paragraph by paragraph ('"ROE: …'); a
#: lawmaker's party and state may stand between the name and the colon
#: ("ROE (D-Ore.):"), outside the label
_SPEAKER = re.compile(r"\s*[\"“]?((?:[A-Z][A-Za-z.'’-]*\s){0,3}[A-Z][A-Za-z.'’-]*)(?:\s\([A-Z][^()\n]{0,20}\))?:\s")

#: the labels of an interview printed as questions and answers ("Q: …", "A: …"), lower-cased
_INTERVIEW_LETTERS = ("q", "a")
#: the label of an answer, lower-cased: the interviewee speaks
_ANSWER_LETTER = "a"

#: a paragraph that opens with a quotation mark
_QUOTED_PARAGRAPH = re.compile(r"\s*[\"“]")

#: a paragraph that signs a letter or a post: a name of two to four
#: capitalised words, or a handle, and a full stop ("Jane Roe.", "@jroe.")
_SIGNATURE = re.compile(r"(@\w+|[A-Z][\w'’-]*(?: [A-Z][\w'’.-]*){1,3}?)\.")

#: a paragraph that signs the quotation above it with a dash and a name of
#: one to four capitalised words ("- Roe.", "— Jane Roe")
_DASH_SIGNATURE = re.compile(r"\s*[-–—]\s*([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}?)\.?\s*")

#: a section's label on a page of letters: one capitalised word ("LETTERS.")
_LABEL = re.compile(r"[A-Z]{3,}\.?")


#: the most words of a section's heading after its label ("Roe: Now or never.")
_HEADING_WORDS = 6


def _tag_sentence(doc: Doc, sent_of: list[int], source: dict[str, Any], q_end: int) -> int:
    """The sentence of a quotation's tag after it ('"Who wants that?" she
    said.'), which the parser may leave a sentence of its own: the next
    quotation goes on from there. -1 when the source stands before the
    quotation's end."""
    at = source.get("mention", (source["start"],))[0]
    if at < q_end:
        return -1
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return -1 if span is None else sent_of[span.start]


def _runs_into(claim: Span, q_start: int, q_end: int) -> bool:
    """RETURNS (bool): whether a claim that opens before the quotation at
    ``[q_start, q_end)`` lies mostly inside it: the reporter and the first
    quoted clause read as one claim."""
    if not claim.start_char < q_start < claim.end_char:
        return False
    return 2 * (min(claim.end_char, q_end) - q_start) > claim.end_char - claim.start_char


def _nested(source: dict[str, Any], q_start: int, q_end: int) -> bool:
    """RETURNS (bool): whether a source is a pronoun inside the quotation at
    ``[q_start, q_end)`` that was resolved to someone named outside it ('"They
    say it is fair. It is not," Roe added'): a report nested in the quoted
    speaker's own, which does not speak for the rest of the quotation and
    whose claim the quoted speaker's word carries (the speaker is its source)."""
    at = source.get("at")
    if source.get("said_as") in GROUP_PRONOUNS:
        # "they" resolved to an earlier source keeps that one's "at": where
        # the pronoun stands is what counts. A quoted "they say A" is mostly
        # people at large, whom the speaker reports; a quoted "he" can be the
        # one the article named, and is left to what it was resolved to
        at = source.get("said_at", at)
    return bool(source.get("resolved")) and at is not None and q_start <= at < q_end


def _leads_into(doc: Doc, i: int, start: int) -> bool:
    """RETURNS (bool): whether only punctuation lies between token ``i`` and
    token ``start`` (a verb that opens the quotation after it: 'she went on,
    "…"')."""
    return i < start and all(doc[j].is_punct or doc[j].is_space for j in range(i + 1, start))


def _within(source: dict[str, Any], q_start: int, q_end: int) -> bool:
    """RETURNS (bool): whether a source's own word stands inside the quotation
    at ``[q_start, q_end)``: someone the quoted speaker reports, not the speaker."""
    at = source.get("said_at", source.get("at", source["start"]))
    return q_start <= at < q_end


def _open_bracket(text: str) -> bool:
    """RETURNS (bool): whether ``text`` opens a round bracket it does not close."""
    return text.count("(") > text.count(")")


def _nobody(source_text: str) -> bool:
    """RETURNS (bool): whether a source is nobody ("none of the venues", "no official")."""
    return source_text.lower().startswith(_NOBODY)


def _person_surname(token: Token) -> bool:
    """RETURNS (bool): whether a lone proper noun is the last name of a person
    the article names in full ("Anna Weber …", then "Weber said"), whatever
    the entity recogniser made of it there; not when the word also opens an
    organisation's name ("Weber Logistics")."""
    if token.pos_ != PROPER_NOUN_POS or token.ent_type_ == "PERSON":
        return False
    return token.text in _surnames(token.doc)


def _surnames(doc: Doc) -> frozenset[str]:
    """RETURNS (frozenset[str]): last names of the doc's full person names,
    less words that open an organisation's name (cached per Doc)."""
    cached = doc.user_data.get(_SURNAME_CACHE)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    people = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].pos_ == PROPER_NOUN_POS}
    firms = {e[0].text for e in doc.ents if e.label_ == "ORG" and len(e) > 1}
    names = frozenset(people - firms)
    doc.user_data[_SURNAME_CACHE] = (len(doc), names)
    return names


#: ``doc.user_data`` key of :func:`_surnames`
_SURNAME_CACHE = "claimx_person_surnames"


def _has_person(span: Span) -> bool:
    """RETURNS (bool): whether a person's name is in ``span`` (token by token:
    ``span.ents`` walks every entity of the Doc on each call)."""
    return any(t.ent_type_ == "PERSON" for t in span)


@Language.factory(
    "claimx_attribution",
    assigns=["span._.claim_attribution"],
    requires=["span._.claim_head", "span._.claim_frame", "doc.ents", "token.dep"],
    default_config={"spans_key": CLAIMS_KEY, "rules_dir": None},
)
def make_attribution(nlp: Language, name: str, spans_key: str, rules_dir: str | None) -> AttributionTagger:
    """Build the attribution tagger (see :class:`AttributionTagger`)."""
    return AttributionTagger(rules_dir=Path(rules_dir) if rules_dir else None, spans_key=spans_key, load=False)
