""":mod:`claimx.rules`: the rule packs in ``models/``: their schemas, and how they are found, loaded, validated and hashed.

A rule pack is a directory (``models/en/`` by default) holding a ``meta.json``
and JSONL files, one rule a line. Every file's lines have a pydantic model
here (``extra="forbid"``, :data:`PACK_SCHEMAS`); a bad line fails with the
file, the line number, the rule id and what is wrong. No spaCy here.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    ValidationError,
    field_validator,
    model_validator,
)

from .errors import RulePackError
from .schemas import TOPICS
from .schemas import Mod, Status

M = TypeVar("M", bound=BaseModel)

#: Environment variable naming another rule-pack directory.
RULES_ENV = "CLAIMX_RULES"


class ExampleEffect(BaseModel):
    """An example sentence on which a rule fires, with the effect it must have.

    text (str): the sentence (written for the pack, never copied from a gold set).
    status (str): the status of the claim the rule fired in.
    claim (str): that claim's evidence text, exactly.
    source (str | None): its attribution's text ("" or None: no source).
    topic (str): its topic. key (str): its roll-up key.
    title (str): the article's title, for rules that read it (title openers, codenames).
    """

    model_config = ConfigDict(extra="forbid")

    text: str
    status: Literal["confirmed", "expected", "rumored", "denied", "unconfirmed"] | None = None
    claim: str | None = None
    source: str | None = None
    topic: str | None = None
    key: str | None = None
    title: str | None = None

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("an example needs a text")
        return value


#: One item of a rule's ``examples``: a sentence the rule must fire on, or an
#: :class:`ExampleEffect` that also states what the firing does.
Example = Annotated[str, Field(pattern=r"\S")] | ExampleEffect


def example_text(example: Example) -> str:
    """RETURNS (str): the sentence of an example, plain or with its effect."""
    return example if isinstance(example, str) else example.text


# ---------------------------------------------------------------------------
# The schema of every rule file, one pydantic model a line (``extra="forbid"``)
# ---------------------------------------------------------------------------


#: what a cue does (see ``models/en/cues.jsonl`` and :mod:`claimx.claims.cues`)
CueCategory = Literal[
    "certain", "expect", "future", "spec", "neg", "unknown", "pseudo", "tell_verb", "ignore", "complement"
]


class CueRule(BaseModel):
    """One line of ``cues.jsonl``."""

    model_config = ConfigDict(extra="forbid")

    id: str
    category: CueCategory
    status: Literal["confirmed", "expected", "rumored", "denied", "unconfirmed"]
    pattern: str | list[dict[str, Any]]
    examples: list[Example] = []
    counter_examples: list[str] = []
    #: category ``complement`` only: the prepositions by which a noun or
    #: adjective takes its event ("fears *of*", "a delay *in*")
    preps: list[str] = ["of", "for", "on", "over", "about"]
    #: a word that, modifying the clause's subject, hedges the whole clause
    #: ("the *leaked* handset carries a larger battery")
    subject_modifier: bool = False
    #: a one-word adverb that, after a comma and before a preposition, opens a
    #: claim of its own (", *possibly* for a 2028 release")
    afterthought: bool = False
    #: how strongly the cue claims the status, against the other cues of its
    #: claim (the highest wins); None: its category's (``scope.jsonl``)
    priority: int | None = None
    #: the category the cue counts as inside a clause reported by a past
    #: verb of saying ("said the plant *would* close" reports a "will")
    reported_as: CueCategory | None = None
    #: ids of ``scope.jsonl`` terminators that end this cue's reach besides
    #: its category's (ConText's ``terminated_by``)
    terminated_by: list[str] = []
    #: category ``spec`` only: a deliberation ("in talks", "considering")
    #: that the makers themselves state is a fact, not speculation ("the
    #: council said it is *in talks* with a new operator")
    maker_states: bool = False
    #: category ``future`` only: a future of intention or prediction ("is
    #: *going to*") that the makers' saying makes a plan (``expected``), not a
    #: statement as their "will" is; the article's own is one as any future
    intention: bool = False


#: the roles of ``report`` rules (``scope.jsonl``) in the attribution
#: component: "presupposed", an adverbial clause taken for granted ("*after*
#: the film earned $900m"), whose source is not an "according to" of its
#: sentence; "as_parenthetical", a verb of saying by which the writer takes
#: what it cites for granted ("*as* the paper reported"); "participle_adjunct",
#: a participle with no subject of its own, which speaks with the subject of
#: the clause it hangs on (", *noting* that …"); "own_evidential", a
#: coordinated clause that says how it is known on its own ("…, and the
#: bidder is *understood* to …"), which takes no source from the clause it is
#: joined to; "bare_participle", a participle with no subject, auxiliary or
#: subordinator of its own (", *followed* by a release next year"), part of
#: what the clause it hangs on reports; "forecast_adjunct", a participle
#: with no subject or an absolute with "with" (", *sparing* commuters a
#: detour", ", with most of it *going* to repairs"), part of what a reported
#: forecast says (what it leads to is the forecaster's projection), the
#: writer's aside on a reported fact; "forecast", a predicate that speaks of
#: the future ("*will* win", "is *going* to win"), which a finding does not
#: measure; "second_that", a coordinated clause with its own "that" ("said A,
#: and *that* B"), which reaches its reporter through the first;
#: "continued_clause", a clause with an expletive or a passive subject
#: coordinated with a verb of saying ("said A, and *there was* no B"), which
#: goes on with what is reported; and, for a
#: named person who is one of a group of rumour sources ("Analysts were
#: split. Jane Roe *of* Kestrel says …"), "affiliated_name", the name given
#: with its firm, and "rumor_group", the group as the subject of the sentence
#: before; "on_record", a bare plural of an ``on_record_head`` ("Officials
#: said"), not counted, picked out or marked off the record, which speaks for
#: its body; "named_speaker", a subject whose word a later "he" or "she"
#: quotes ("Roe *commented* on the figures"); "according_to" and "per", the
#: words that name a source in their object ("*according* to X", ", *per*
#: X", "*in* X's view", "*by* one estimate"), and "per_object", the object
#: of "per" that is a source (not "$5 per share"); "commitment", a verb of
#: saying whose infinitive binds its subject ("*agreed* to buy"), not
#: something said; "titled_name", a name after a
#: person's role ("director Jane Roe"); "stated_clause", the clause a
#: ``clause_verb`` states ("added *that* …"), not an open question ("asked
#: *whether* …"); "evidence_subject", a leaked document or a finding as the
#: subject of the claim ("the *listing* priced the watch at €349", "*polls*
#: show …"), its source; "rumor_title", a rumour source's noun on the name
#: it introduces ("the *tipster* Orbweaver"); "named_agent", the named agent
#: of a participle on the source ("figures released by *NPD*"), who is the
#: source; "set_off_clause", a clause on the source set off by a comma (",
#: *who* has tracked it for years"), left out of the source's span; and
#: "focus_adverb", a focus adverb opening it ("*only* the mayor"), likewise;
#: "outer_report", a clause reported by a verb of saying ("Novacell said it
#: *expects* …"), whose pronoun subject speaks with that verb's subject;
#: "inverted_subject", the name after a verb of saying that follows what it
#: says and has no subject ('"…," added *Roe*', which the parser may take
#: for an object), its subject;
#: "first_person" and "addressee", the pronouns by which a speaker names
#: themself ("*I* think A") or the one addressed ("*You* said A"), no source
#: of their own (the quotation's reporter or the speaker's label is);
#: "concessive", an adverbial clause of concession ("*although* nothing is
#: signed"), which the writer sets beside a reported clause: no part of it;
#: "judgement", a ``judgement_verb`` that says what its object is, with an
#: object (or a passive subject) and a complement that is no name ("called
#: the plan *reckless*", not "called the baby *Anna*") or an "as" ("described
#: the deal *as* fair"), or one that rebuts a notion it names with a clause
#: ("*rejected* the idea that A", "*played down* the notion that A");
#: "stance", a predicate adjective of belief or feeling with a clause of its
#: own ("were *hopeful* that A", "is *convinced* A", "remain *uncertain*
#: whether A"), whose clause the subject it is said of holds; "manner_participle", a participle under a
#: preposition of how or when a verb's subject acted ("replied *by saying*
#: …", "left *after saying* …"), which speaks with that verb's subject (not
#: why someone was judged: "praised her *for saying* …"); "of_holder",
#: the object of an "of" on a noun ("Jane Roe of *Marquee*, who …"), whose
#: relative clause is on the whole name: that noun holds what it says;
#: "appeal_particle", a preposition or particle of a verb with no object of
#: its own ("called *on* the council"), which with the verb may make an
#: ``appeal_report`` ("called a meeting on Friday" makes none);
#: "judged_by", the object of a passive's "by" ("was hailed *by its maker*
#: as …"), who speaks a judgement with no subject of its own;
#: "quantifier_subject", a pronoun that is a quantifier standing alone, no
#: demonstrative ("*Some* have urged …", "*Many* say …"), which names its
#: source as it is: it stands for no one named before; "named_subject", a
#: subject before its verb that is no relative pronoun: of two such ("The
#: furniture maker *Ikea* said …", a description and the name after it that
#: the parser splits), a name next to the verb is the source; "colon_clause",
#: a colon hung on a verb ('Roe turned to the crowd*:* "…"'), whose clause's
#: person, whatever the verb, speaks the quotation it hands on;
#: "controlled_speaker", a verb of saying in an infinitive with no subject of
#: its own under a verb with no object ("went on *to say* A", "seem *to
#: show* A"), which speaks with that verb's subject (not "asked the mayor *to
#: confirm*"); "noun_speaker", a verb of saying hung on a noun with no
#: subject of its own ("a report *saying* A"), which the noun speaks;
#: "quoted_thing", a noun that names no one (no name, no person's role, no
#: source's head) as a source inside the quotation that holds the claim
#: ('"…, and the *figures* show that A," Roe said'): the speaker's reasoning,
#: whose source is the quotation's speaker; "source_description", the
#: clause by which a claim hangs on its own source's noun ("Roe, *who* wrote
#: the bill, said …", "according to the centre, *which* ran the poll", "a
#: poll, *conducted* by phone, shows …"): the article says who the source is,
#: the source does not; "finite_conjunct", a finite verb with no subject of
#: its own that the parser joined to a non-finite verb below the first one
#: ("Analysts *expect* the offer to be priced at 300p, and *say* …", "Roe
#: aims to build boats and *expects* …"): it shares the subject of the first
#: finite verb above; "page_prompt", the root of the first sentence of a
#: paragraph right under a section's label on a page of readers' letters or
#: posts, by which the page itself speaks ("*We asked* our readers …"): no
#: writer's signature below it covers it; "noun_tag", a verb of saying
#: that the tagger read as a noun at the end of a quotation's tag ('"…," a
#: narrator in the ad *states*.'), and "tag_noun_phrase", a word of the noun
#: phrase before it (a determiner, an adjective, a noun, a name, a number, a
#: preposition inside it): the words between the quotation and the verb are
#: its source; "content_clause", the verb of a clause that tells what a verb
#: or a noun holds ("welcomed the news *that* the plant would *stay*"), on
#: which the parser may hang a participle of saying that speaks with the
#: subject of the clause above it; "parenthetical_reporter", a verb of saying
#: with nothing said of its own that stands inside the clause it reports,
#: before its verb and set off by commas ("The turning point, *Roe wrote*,
#: came in May", "If anything, *Roe argued* in a letter, the delay helps"),
#: which the parser may hang on that verb as its complement
ReportRole = Literal[
    "presupposed",
    "stranded_subject",
    "as_parenthetical",
    "participle_adjunct",
    "own_evidential",
    "bare_participle",
    "forecast_adjunct",
    "forecast",
    "second_that",
    "continued_clause",
    "affiliated_name",
    "rumor_group",
    "on_record",
    "named_speaker",
    "according_to",
    "per",
    "per_object",
    "commitment",
    "titled_name",
    "stated_clause",
    "evidence_subject",
    "rumor_title",
    "named_agent",
    "set_off_clause",
    "focus_adverb",
    "outer_report",
    "evidence_frame",
    "inverted_subject",
    "first_person",
    "addressee",
    "concessive",
    "judgement",
    "stance",
    "manner_participle",
    "of_holder",
    "appeal_particle",
    "judged_by",
    "quantifier_subject",
    "named_subject",
    "colon_clause",
    "controlled_speaker",
    "noun_speaker",
    "quoted_thing",
    "relative_pronoun",
    "relative_subject",
    "pronoun",
    "conjunct",
    "quote_verb",
    "quote_tag",
    "main_speaker",
    "nominal_subject",
    "adjunct_speaker",
    "content_clause",
    "source_description",
    "finite_conjunct",
    "contrast_clause",
    "page_prompt",
    "noun_tag",
    "tag_noun_phrase",
    "parenthetical_reporter",
]
REPORT_ROLES: tuple[str, ...] = get_args(ReportRole)

#: the roles of ``topic`` rules (``scope.jsonl``) in the topic component:
#: "it_subject", "it" as a clause's subject, which stands for a name met
#: before; "person_pronoun", "he" or "she" as a clause's subject, which stands
#: for the person named as the subject before it; "demonstrative_subject", "this" or "that" as a clause's subject,
#: which stands for what the sentence before told, and so for its subject;
#: "pair_subject", "both" as a clause's subject or on its subject noun
#: ("*Both* were fined", "*Both* models sold well"), which stands for the
#: last two names of a kind written before it;
#: "holder_dative", a description as the one a verb gives to ("would
#: give *the brewer* a stake"), and "holder_possessive", "its" on the object
#: ("raised *its* holding"), which name the article's own subject as the party
#: whose fact it is; "relative_pronoun", the relative pronoun that is the
#: subject of a relative clause ("Brenwick, *which* …"), which stands for the
#: name its clause follows; "role_as", "as" after a role noun ("the role *as*
#: the pilot"), and "person_as", "as" after a person's name ("Roe *as* the
#: pilot"), which make a claim about the cast; "with_attribute", the
#: preposition after which a predicate names an attribute it comes with
#: ("ships *with* 24GB of memory"); "variant_code", the dependency of a code
#: or figure on a variant noun ("a *5G* model"); "agent_object", the object
#: of a passive's agent or of "by" ("owned 55 percent *by the union*"), and
#: "actor_pronoun", a pronoun as the subject ("*it* holds 9%"), which name the
#: party that acts in its own fact, and "describing_nationality", a
#: nationality that describes a noun ("the *Danish* brewer"), which is no
#: party; "nominal_predicate", a copula with a predicate nominal ("K-7 *is*
#: not the new console"), and "codename_attribute", a codename noun as that
#: nominal ("HLX is the *codename*"), which say what a codename stands for;
#: "scene_setting", an adjunct of the predicate set off before its clause
#: ("*As part of the merger*, the chief executive left"), whose words weigh
#: as little as the subject's in the claim's topic; "name_word", a word of a
#: proper name ("a rally at the Old *Market* Hall", "the Charter
#: of *Rights*"), which names the thing and votes for no topic;
#: "given_name", a child of a verb of naming (a ``gives_name`` word of
#: ``topics.jsonl``) that gives a name: a capitalised object predicate or
#: apposition or a model number ("call it *Orbit*", "call the sequel Harbour
#: *Lights*", "was named the *7E7*"), or a proper name after a common noun
#: ("named the phone *Orbit*", as the parser reads it); a verb with none
#: says who or what, no name ("has not named a chair").
#: The parties of a slot's act (``party`` in ``slots.jsonl``): "act_noun", a
#: slot word that names the act as a noun ("the *endorsement*"), and
#: "act_owner", the one it belongs to ("the governor*'s* endorsement", "a
#: protest *by* Harlan"), who does it; "agent_pronoun", a pronoun as the
#: subject that stands for the speaker or a person named before ("*she* met
#: them"); "party_preposition", a preposition after which the act's noun or
#: verb names the other party ("meet *with*", "an inquiry *into*");
#: "act_object", the direct object of the act's verb, and "party_object", an
#: object that is a party (a name, a pronoun, a role a slot names: "endorsed
#: *the nominee*"), or "party_owner", an object's owner that is ("backed
#: *Kerr's* bid"), or "owner_preposition", a preposition on the object after
#: which a person it belongs to, a "preposition_owner", is named ("endorsed
#: the nomination *of* *Kerr*"), for an act done to a party, not a thing;
#: "patient_preposition", the preposition after which an act's noun names the
#: one it is done to ("charges *against* Kerr"), and "patient_verb", the act
#: as the object of a verb whose subject undergoes it ("Kerr will *face*
#: charges"); "recipient_preposition", the preposition after which a slot's
#: word names the one a thing goes to ("deliveries *to* Aerolux").
#: The product an article about a company names (a model number the subject
#: of its sentence, with no capitalised word written before it) is written as
#: one: "described_model", a model number describing the noun it stands before
#: ("the *K7* freighters"), else "model_article", the article before it
#: ("*the* K7 is …"); a bare "K7 is …" is a company's name.
#: The people and characters of a claim: "character_mention", a proper noun
#: as a claim's subject (or its owner: a ``character_owner`` rule, "*Vos's*
#: plan") that may name a character the cast claims gave a part to, which makes
#: the claim a plot fact; "role_title", a noun that may name a role (a crew
#: word, itself or in a ``role_modifier`` before it: "chief *operating*
#: officer"); "role_owner", the owner of such a role ("*Skerra's* chief
#: executive"), no person of the claim; "named_person", a proper noun that
#: may be a person the entity tagger missed, when it stands in a
#: "role_apposition" with a role ("its finance chief, *Ewan Rask*");
#: "speaker_title", the title of a speaker named after the verb that closes
#: a quotation ('"…," said Ann Roe, *a spokeswoman* for the port'), a claim
#: of its own (segmentation's ``speaker_appositive``) that says what post the
#: speaker holds: a crew fact, whatever words its title has; "office_predicate",
#: the predicate itself or a word that hangs on it (or on its "as"), that says
#: a person holds a post ("Kunin *was governor* of Vermont", "*served as
#: ambassador* to Japan", "*served* on the board"): a crew fact, at the
#: weight of a topic word that is the predicate.
#: The attribute an ``other`` claim speaks to (its key): "attribute_verb", a
#: verb the predicate takes ("plans *to share* a roadmap"), and
#: "attribute_raising", a predicate that hangs on the verb above ("the range
#: is expected *to be* …"), whose dependents are asked in turn:
#: "attribute_object" ("rejected *the proposal*"), else "attribute_subject"
#: ("*the fault* was found"), else "attribute_predicate" ("was *a case* of
#: …"), else "attribute_head", a predicate that is a noun itself; the word
#: must be an "attribute_noun", or a quantity of one ("40% *of the
#: components*": "attribute_counted"), with the nouns compounded onto it
#: ("attribute_compound": "*battery* range").
#: Whether a word of ``topics.jsonl`` names its topic here: "topic_particle",
#: the word as the particle of a verb its rule names ("roll *out*");
#: "topic_bound", a particle or preposition its rule's ``not_with`` names
#: that makes it another verb ("call *for*"); "topic_verb", the word as a verb,
#: for the rule's ``gives_name``, ``verb_without`` and ``not_reporting``;
#: "reported_clause", a clause such a reporting verb takes ("announced *it
#: has lost* …"); "reported_object", what it makes known (its object, or the
#: subject of its passive), also "raised_subject", the subject of the verb a
#: "passive_infinitive" hangs on ("*fares* are yet *to be set*"), and
#: "reported_compound", a noun compounded onto them ("*price* cuts");
#: "person_patient", a verb's child that is a person it is done to ("hit
#: *Kerr* over the vote", "*Kerr* was replaced"), for a rule's ``not_person_patient``;
#: "person_taken", what a verb that gives, takes or weighs a post is done to
#: ("hired *Reyes* as her chairman", "introduced his running *mate*, Lisa
#: Moor"): the person it names is the one whose cast or crew fact the claim
#: speaks to, not the one who acts;
#: "person_agent", a verb's child that is a person or a group of people who
#: do it, bound somewhere ("*the senator* arrived in Dunmore"), for a rule's ``not_person_agent``;
#: "sense_object", a verb's child that is what it is done to ("voiced
#: *concern*"), for a rule's ``not_objects``.
#: How the words of a claim vote: "passive_subject", the subject of a
#: passive (and a "passive_compound" onto it), what the verb is done to,
#: weighs as an object; "fact_verb", a verb the predicate takes, and
#: "fact_object", its last direct object, hold the slot words that name the
#: fact the predicate speaks of ("signed *a contract*"); "kind_compound", an
#: attribute's noun before another noun, names a kind of that one ("*panel*
#: supply"); "slot_clause", a clause hung on a slot's noun, tells of that
#: fact; "variant_head", a variant noun of ``topics.jsonl`` as a noun;
#: "time_adjunct", a clause after the predicate that dates it ("replaced
#: *before the tour began*"), whose slot words name no fact of the claim.
#: The party that acts in its own fact (``party`` "actor"): "given_party",
#: the one a verb gives to ("would give *Norvik* a stake");
#: "participle_adjunct", a participle clause that acts through the subject of
#: the clause it hangs on ("…, *bringing* the total to 40 orders");
#: "untagged_party", a proper name as the subject that the entity tagger
#: missed or took for a person's; "event_noun", a noun that names an event,
#: an issue or a document a name may mark as its own ("the Harwick
#: *campaign*", "a Civic Post *poll*"), the subject of a claim that has it as its own.
#: The one who acts in an act of one party towards another (``party``
#: "agent") and the other party: "raising_verb", a predicate that takes a
#: clause, whose passive subject acts ("Kerr *is expected* to meet …");
#: "party_apposition", a name in apposition to the subject;
#: "party_argument" and, after a ``party_preposition``,
#: "party_preposition_object", the words that may
#: name the other party, with a "party_modifier" on them; "describing_name",
#: a name that describes another noun ("a meeting with *Harlow Council*
#: leaders"), no party; "untagged_other_party", a proper name there that the
#: entity tagger missed
TopicRole = Literal[
    "it_subject",
    "person_pronoun",
    "demonstrative_subject",
    "pair_subject",
    "holder_dative",
    "holder_possessive",
    "relative_pronoun",
    "role_as",
    "person_as",
    "with_attribute",
    "variant_code",
    "agent_object",
    "actor_pronoun",
    "describing_nationality",
    "nominal_predicate",
    "codename_attribute",
    "scene_setting",
    "act_noun",
    "act_owner",
    "agent_pronoun",
    "party_preposition",
    "act_object",
    "party_object",
    "party_owner",
    "owner_preposition",
    "preposition_owner",
    "patient_preposition",
    "patient_verb",
    "recipient_preposition",
    "described_model",
    "model_article",
    "character_mention",
    "character_owner",
    "role_title",
    "role_modifier",
    "role_owner",
    "named_person",
    "role_apposition",
    "speaker_title",
    "office_predicate",
    "attribute_verb",
    "attribute_raising",
    "attribute_object",
    "attribute_subject",
    "attribute_predicate",
    "attribute_head",
    "attribute_noun",
    "attribute_counted",
    "attribute_compound",
    "topic_particle",
    "topic_bound",
    "topic_verb",
    "reported_clause",
    "reported_object",
    "raised_subject",
    "passive_infinitive",
    "reported_compound",
    "passive_subject",
    "passive_compound",
    "person_patient",
    "person_taken",
    "person_agent",
    "sense_object",
    "fact_verb",
    "fact_object",
    "kind_compound",
    "slot_clause",
    "time_adjunct",
    "variant_head",
    "given_party",
    "participle_adjunct",
    "untagged_party",
    "event_noun",
    "raising_verb",
    "party_apposition",
    "party_argument",
    "party_preposition_object",
    "party_modifier",
    "describing_name",
    "untagged_other_party",
    "governed_clause",
    "relative_clause",
    "name_word",
    "given_name",
]
TOPIC_ROLES: tuple[str, ...] = get_args(TopicRole)

#: the roles of ``target`` rules (``scope.jsonl``), which the cue tagger
#: offers :func:`claimx.status_of` (the token each is tested on in brackets):
#: "predicate_complement" (a nominal target), the adjective or
#: noun a copula predicates ("is not *efficient*") or the event noun a light
#: verb takes as its object ("may *have* a large *impact*", "will *hold*
#: talks"), which its clause puts forward rather than takes for granted;
#: "nominal_target" (the target): a word that is not a verb, taken for granted
#: unless a predicate_complement rule says otherwise; "presupposed_clause" (a
#: verbal target): the verb of a relative or participle clause ("the music
#: *sold* there"); "core_argument" (a nominal target): the verb it is subject or
#: object of speaks for it; "speech_act" (the target): a verb of reporting;
#: "negated_verb" (the target): a verb with its own negation ("did not *say*");
#: "embedded_clause" (each word on a cue's way up): the head of a clause of its
#: own ("said [it *may* …]"); "stance_on_target" (a cue's root, ``IN_SPINE`` the
#: target): a stance word that the target verb has or is ("*has* plans",
#: "*are* likely"); the word that takes the target's event and sets its status
#: (a ``complement`` cue) is found on the way up from the target:
#: "verb_complement" ("*delayed* the tour"), "noun_complement" ("*efforts* to
#: ease"), "prepositional_complement" ("*fears* of a recession"), on its
#: children "participle_modifier" ("the *cancelled* deal") and, on the target's
#: own, "verb_adverb" ("*nearly* broke"); "complement_passes" (the word on the
#: way): the status passes up through it ("will be *insolvent*");
#: "governor_modifier" (a child of that word): a dependent whose hedge takes
#: the word's assertion back ("may be *delayed*"; not its subject or object)
TargetRole = Literal[
    "predicate_complement", "nominal_target", "presupposed_clause", "core_argument", "speech_act", "negated_verb",
    "embedded_clause", "stance_on_target", "verb_complement", "noun_complement", "prepositional_complement",
    "participle_modifier", "verb_adverb", "complement_passes", "governor_modifier",
]
TARGET_ROLES: tuple[str, ...] = get_args(TargetRole)


#: what decides a claim's status besides its cues: the claim is a question or
#: a condition ("if it rains, …"); ranked among the cue categories by priority
CLAUSE_MOOD = "condition"


#: the kinds of scope rule that serve one decision of a component, by its role
ROLES_OF_KIND: dict[str, tuple[str, ...]] = {"report": REPORT_ROLES, "topic": TOPIC_ROLES, "target": TARGET_ROLES}


class ScopeRule(BaseModel):
    """One line of ``scope.jsonl``: how far a cue reaches and which cue wins.

    ``kind: "category"``: the defaults of a cue category (or of
    :data:`CLAUSE_MOOD`): its ``priority`` (the highest category among a
    claim's cues sets the status), how many of its cues the claim cites
    (``max_cues``).

    ``kind: "share"``: cues outside the claim's own reach that it takes: from
    the claim's predicate (``anchor: "head"``) or the verb that frames it
    (``"frame"``), if ``pattern`` matches it, each step of ``path`` goes to
    the word itself, its head or its children that match the step's pattern
    (the last step's pattern is tested with the cue found there); the cues
    on the words reached, of the categories in ``applies_to``, count for the
    claim ("*Reportedly*, he met them and signed the deal").

    ``kind: "recast"``: a cue of a category in ``applies_to`` whose root
    matches ``pattern`` counts as ``category`` ("wonder *if* it runs": a
    subordinator of a complement asks, it does not suppose). The
    ``condition`` category's ``pattern``, tested on the claim's predicate,
    finds a clause that a condition governs.

    ``kind: "whole"``: a cue whose root matches ``pattern`` is in reach
    wherever it lies in the claim (a cue of three words or more carries its
    own context), for the categories in ``applies_to`` (every one when empty).

    ``kind: "unsaid"``: a verb of saying whose ``pattern`` matches says
    nothing ("has *not* said", "has *yet* to confirm"): it reports no claim
    and names no source (read by :mod:`claimx.claims.attribution`).

    ``kind: "reported"``: where a cue rule's ``reported_as`` applies: its
    ``pattern`` matches the cue's root (a past verb of saying frames the
    claim, or governs the cue: "said the plant *would* close").

    ``kind: "report"``: a pattern the attribution component asks for its
    ``role`` (:data:`REPORT_ROLES`).

    ``kind: "topic"``: a pattern the topic component asks for its ``role``
    (:data:`TOPIC_ROLES`).

    ``kind: "lead_in"``: a cue whose root matches ``pattern``, in a paragraph
    that ends on a colon, gives its status to every claim of the paragraphs
    that follow while their first word matches ``item`` ("Suppose the
    mayor: / Raised the fares. / Closed the depot.": each item is supposed).

    ``kind: "target"``: a pattern the cue tagger matches for
    :func:`claimx.status_of`, by ``role`` (:data:`TARGET_ROLES`).

    ``kind: "keep"``: an exception to the terminators that name it in
    ``unless``: matching the same token, it keeps the cue in reach (for the
    categories in ``applies_to``, every one when empty).

    ``kind: "terminator"``: a token ``pattern`` that ends a cue's reach, in
    the spirit of medspaCy ConText's ``terminated_by``: tested on the cue's
    own root (``at: "cue"``) or on every token on the cue's way up the parse
    tree to the claim's predicate (``at: "path"``); a match puts the cue out
    of the claim's scope. ``applies_to`` names the cue categories it stops
    (empty: every one; ConText's ``allowed_types``). The pattern is one token
    in the Matcher's syntax (``DEP``, ``TAG``, ``POS``, ``LEMMA``, ``LOWER``,
    ``TEXT`` with a value, ``IN`` or ``NOT_IN``) with relations as keys, see
    :mod:`claimx.claims.scope`.
    """

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Literal["category", "terminator", "keep", "share", "recast", "whole", "unsaid", "report", "reported", "topic", "target", "lead_in"]
    #: kinds "report", "topic" and "target": the decision of the attribution
    #: component, the topic component or ``claimx.status_of`` it serves
    #: (:data:`REPORT_ROLES`, :data:`TOPIC_ROLES`, :data:`TARGET_ROLES`)
    role: ReportRole | TopicRole | TargetRole | None = None
    category: CueCategory | Literal["condition"] | None = None
    priority: int | None = None
    max_cues: int = 1
    at: Literal["cue", "path"] = "path"
    #: kind "share": the word the rule starts from (its ``pattern`` tests it),
    #: and the steps to the words whose cues the claim takes
    anchor: Literal["head", "frame"] = "head"
    path: list[dict[Literal["SELF", "HEAD", "CHILDREN"], dict[str, Any]]] = []
    pattern: dict[str, Any] | None = None
    #: kind "lead_in": the pattern of the first word of a paragraph that is an item of the list
    item: dict[str, Any] | None = None
    applies_to: list[CueCategory] = []
    #: false: the terminator stops only the cue rules that name it in ``terminated_by``
    by_default: bool = True
    #: a terminator's exceptions: ids of ``keep`` rules, patterns that, matching
    #: the same token, keep the cue in reach ("faces *no* rival": a negative
    #: word on the object denies the event)
    unless: list[str] = []
    examples: list[Example] = []
    counter_examples: list[str] = []

    @model_validator(mode="after")
    def _fields_of_kind(self) -> ScopeRule:
        if self.kind == "category" and (self.category is None or self.priority is None):
            raise ValueError("a category rule names its category and priority")
        if self.kind == "recast" and (self.category is None or not self.applies_to):
            raise ValueError("a recast rule names the categories it applies to and the category they become")
        roles = ROLES_OF_KIND.get(self.kind)
        if roles is not None and self.role not in roles:
            raise ValueError(f"a {self.kind} rule names its role, one of {', '.join(roles)}")
        if self.kind != "category" and not self.pattern:
            raise ValueError(f"a {self.kind} rule needs a pattern")
        if self.kind == "lead_in" and not self.item:
            raise ValueError("a lead_in rule needs the item pattern of the paragraphs it governs")
        if self.kind == "share" and (not self.path or any(len(step) != 1 for step in self.path)):
            raise ValueError("a share rule needs a path of steps, each one of SELF, HEAD or CHILDREN with a pattern")
        return self


class AttributionRule(BaseModel):
    """One line of ``attribution.jsonl``."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Literal[
        "report_verb",
        "unnamed_head",
        "public_head",
        "unnamed_modifier",
        "on_record_head",
        "rumor_source",
        "belief_verb",
        "rumor_verb",
        "person_role",
        "evidence_noun",
        "finding_noun",
        "official_role",
        "silence_verb",
        "phrasal_report",
        "statement_noun",
        "act_object",
        "commit_verb",
        "topic_verb",
        "assessor_role",
        "office_head",
        "clause_verb",
        "handle_verb",
        "handle_word",
        "judgement_verb",
        "appeal_report",
        "tag_verb",
    ]
    lemma: str
    examples: list[Example] = []
    counter_examples: list[str] = []


class NonClaimRule(BaseModel):
    """One line of ``nonclaims.jsonl``: wording that is never news in itself."""

    model_config = ConfigDict(extra="forbid")

    id: str
    #: "boilerplate": a phrase that, ending its clause, is never news ("declined to
    #: comment"); "evaluative": an adjective that makes a copular clause an
    #: opinion ("the *handsomest* series", "a *sensible* piece of law");
    #: "opinion_verb": a verb whose clause is an opinion ("it *deserves* to work");
    #: "measurable": an adjective whose superlative is a fact ("its most
    #: *expensive* production", "the *biggest* tour"); "credit": a phrase
    #: that makes its clause a credit line, a byline's kin, wherever it stands
    #: ("Ann Lee *contributed reporting* from Lima", "Photo: Jo Park *via
    #: Getty Images*"); "performative": a verb that, said by "I" or "we" in
    #: the present to "you", does what it names and claims nothing ("I *ask*
    #: you to stay calm", "We *thank* you for your patience"); "aside": a verb
    #: of knowing or granting that, with "you" and a modal and no object,
    #: turns to the listener and claims nothing ("as you can *imagine*", "you
    #: may not *agree*"); "addition": a phrase that, opening a clause with no
    #: finite verb, only adds a stronger case to the clause before it ("…,
    #: *let alone* the archive", "*Not to mention* the fines")
    kind: Literal["boilerplate", "evaluative", "opinion_verb", "measurable", "credit", "performative", "aside", "addition"]
    phrase: str
    examples: list[Example] = []
    counter_examples: list[str] = []


#: the roles of ``decision`` rules (``segmentation.jsonl``), the segmenter's
#: decisions that a token pattern makes: "label", a sentence's root that is a
#: label before a colon ("*Update*: the bridge reopened"), no claim itself;
#: "source_note", a participle on a noun that says how a source got a document
#: ("a memo *seen* by the paper"), no claim; "embedded_question", a complement
#: clause that asks ("did not say *whether* it would close"), part of the
#: claim that it is not known, never one of its own; "answered_question", the
#: participle of the question an answer replies to ("*Asked* whether X, she
#: said no"), no claim; "as_report", an "as" clause of saying with no object
#: ("*As* one fan *noted*, …"), the attribution of its clause, no claim;
#: "medial_reporter", a verb of saying set off by commas inside the clause
#: it reports ("The plan, the council *said*, had stalled"), the
#: attribution of that clause, no claim;
#: "withheld_report", a negated verb of saying whose report is itself the
#: claim ("did *not* confirm that X": it is not known), whose clause stays in it;
#: "pseudo_cleft", the copula of a free relative ("What is certain *is* that
#: X"), which adds no claim to the clause it introduces; "set_off_adjective",
#: an adjective set off after its noun with a verb of its own ("a jet,
#: *capable* of flying 20 hours"), a claim of its own; "event_gerund", the
#: gerund after a preposition of time or concession ("… after *gaining*
#: 2%"), a claim of its own; "leading_participle", a bare participle that
#: opens its sentence ("*Heading* into the final, …"), part of its clause's
#: claim; "noun_participle", a bare present participle the parser hung on a
#: verb that stands right after a noun with no comma ("left a shadow
#: *hanging* over the staff", "films of the mayor *praising* the bridge"): the
#: noun's modifier, a reduced relative clause, part of its clause's claim; "time_frame", "as" with a verb in progress ("…, as the train was
#: *leaving*"), the time of its clause, no claim; "event_frame", a clause of
#: time or occasion that is all a bare verb says ("The move comes *as* the
#: bank cuts …"), one claim with it; "frame_link", the infinitive or
#: adjective that links a bare verb to its "that" clause ("The data *seem
#: to show* that X", "It is *likely* that X"), one claim with it;
#: "bare_absolute", the object of an absolute "with" that nothing is said
#: of (", with a 3% *gain*"), a detail of its clause, no claim; "consequence", a verb after "so" ("A,
#: *so* B"), whose clause before it is not glued on as a claim of its own;
#: "alternatives", a verb with "or" between its conjuncts ("fill *or* sort
#: it"), one claim; "unasserted_mark", the subordinator of an adverbial
#: clause that is a condition, a time frame or a likeness ("*if* the deal
#: closes", "*until* the vote", "*before* the season starts": bare "before"
#: does not say its clause ever happened, "two days before" or "shortly
#: before" does), which asserts nothing and is no claim;
#: "non_restrictive", a relative clause set off from its noun that adds a
#: fact of its own ("The brewery, *which* opened a site, …"), a claim;
#: "report_adjunct", a participle of saying that elaborates its clause (",
#: *saying* the offer was low", "*Speaking* in Oslo, …"), no claim;
#: "split_conjunct", a coordinated predicate that is a claim of its own
#: ("closed in May *and will reopen* in June"); "gapped_conjunct", a
#: coordinated clause that leaves out the auxiliaries before it ("jobs will
#: be cut and two depots *closed*"), which shares its clause's status;
#: "own_complement", a complement clause that is a claim of its own: under
#: a verb of saying, or with its own "that" ("*said* the plant will close",
#: "believes *that* it will"); "second_report", a coordinated clause with
#: its own "that" and subject under a verb of saying ("said A, and *that*
#: B"), a second thing reported; "misattached_report", a "that" clause the
#: parser hung on the noun after a verb of saying ("*said* in a statement
#: *that* X"), the report's content; "appositive_relative", a relative
#: clause right after an appositive's noun ("…, a firm *that makes* pumps"),
#: one claim with that appositive; "imperative", a bare verb with no
#: subject or auxiliary ("*Follow* the band on …"), an instruction, no claim
#: (unless it is a status cue of its own, the ``imperative_cue`` lexicon:
#: "*Imagine* the club selling its captain"); "label_clause", a clause with
#: its own subject the parser hung on a label ("Update: the museum
#: *confirmed* …"), a claim; "clause_acl", a finite verb with its own subject
#: and no "that" hung on a noun ("the plan *approved* …" is not one; "a
#: report the agency *published* …" is), a clause of its own, whatever noun
#: the parser hung it on, and a finite verb with an object or complement but
#: no subject, right after a comma or dash, that the parser left unlabelled
#: (``dep``: "…, a step the board has, up to now, *refused* to discuss"), a
#: predicate of its own; "set_off_participle", a past participle on a noun
#: set off by parentheses or a comma that says where, when or what came of
#: it ("the court, *located* in Leeds", "a launch in May, *followed* by a
#: tour"), a claim; "restrictive_participle", any other past participle on a
#: noun ("figures *released* by the bureau"), which says which one and stays
#: in its claim; "parenthetical_appositive", an appositive in parentheses
#: with a verb ("(*filmed* in Oslo)"), a claim; "speaker_appositive", the
#: title of a speaker named after the verb of saying that closes a quotation
#: ('"…," said Ann Roe, *a spokeswoman* for the port'), the article's own
#: statement of who the speaker is, a claim with no source;
#: "noun_predicate", a noun the
#: parser coordinated with a verb that is a predicate the tagger read as a
#: noun (a participle before it, or a figure: "…, and *delayed* reports"),
#: a claim when the verb is one; "infinitive_conjunct", a finite verb the
#: parser coordinated with an infinitive ("aims to lift sales and *is*
#: scheduled to …"), a claim; "opinion_predicate", an opinion verb with
#: no modal ("fans *love* it"; not "would like to"), a verdict, no claim;
#: "stance_adverb", an evaluative adverb before its verb or after a comma
#: ("*Honestly*, it is …"), which makes its clause a verdict;
#: "verdict_participle", an evaluative word in -ing the parser read as a
#: progressive after "be", with no adverb but one of degree ("It is simply
#: *breathtaking*"), a verdict; "forecast_linking", a linking verb with no
#: finite auxiliary ("expects it to *be* her best"), a forecast, never a
#: verdict; "verdict_complement", the complement of a linking verb (or the
#: clause of a causative one) whose words may make a verdict; "verdict", a
#: word in it that does (a superlative, a graded or evaluative word, an
#: opinion verb's relative clause: "one of the *finest*", "a *sensible*
#: plan", "a player we *like*"), not a measurable word, a bound ("at
#: *least*") or a count ("in *most* cases"); "statement_object", the
#: statement, letter or message a verb issues, and "statement_report", a
#: participle of saying on it or on the verb with nothing of what it reports
#: in the clause ("issued a *statement* | *saying* …"): the clause is only
#: the frame of the claim split off after it, no claim; "addressee", the
#: "you" a question asks about itself, and "question_content", a clause in
#: the question that says what might be so ("Do *you* back the plan?" asks,
#: no claim; "Do you *think* it will pass?" floats one); "quote_reporter", a
#: reporting verb with its subject first in its clause and nothing reported
#: or done after it ("'Why now?' | the paper *asks*"), who spoke the quote
#: before it, no claim; "quote_lead", the same before the quotation it
#: leads into, undated ("The mayor *said* in a statement. | '…'", "She
#: *went* on to say, | '…'"), attribution, no claim; "reported_verdict", a
#: clause a verb of saying with a noun or a name as its subject reports,
#: outside quotation marks ("the ministry says a strike *would* be a
#: terrible blow"): what the source said is a claim, no verdict; "performative_act", a verb in the simple present
#: with "I"/"we" its subject and "you" its object ("I *ask* you to stay
#: calm"), the act itself, no claim; "listener_aside", a verb with "you"
#: its subject, a modal and no object ("as you can *imagine*"), a turn to
#: the listener, no claim; "credit_clause", the root of a sentence that only
#: says where a named reporter filed from ("Ann Lee *reported* from
#: Lima.") or who the writer is ("Ann Lee *is* a columnist for the Post."),
#: a byline's kin, no claim; "afterthought", a preposition (or an adverb or
#: adjective with a phrase) on a verb that a hedging adverb opens after a
#: comma ("…, *possibly for* a 2028 release"), a claim of its own
#: ("afterthought_phrase" for the adverb or adjective: "…, possibly *out*
#: before Christmas");
#: "complement_conjunct", a verb with an object or phrase coordinated with
#: an infinitive or participle that completes another verb, and
#: "conjunct_marker", what marks it as a claim of its own ("due to open in
#: May and *to* run for six weeks", "…, *possibly* cutting costs");
#: "reason_participle", a participle of saying set off after its clause
#: that reports no clause, "participle_object", its object (or its
#: preposition's), and "reason_object", an object that is a matter, not a
#: source, statement or finding (", *citing* the *need* for tests"): the
#: participle is a claim of its own, not the frame of its clause;
#: "inner_report", a report inside a report ("X said it *expects* …"),
#: whose claim starts at the outer reporter; "list_lead", the last word of a
#: line that only leads into a list below it ("The survey also found
#: *that*:", "… the *following*:"), no claim: the items are the claims;
#: "named_item", the word after a name that opens an item of a list of who
#: plays or holds what ("…, Ann Lee *as* the judge, and …"), each item a claim;
#: "concession_frame", a free relative that opens a concession before its
#: clause ("*Whatever* the outcome, …"), no part of the claim;
#: "half_conjunction", "half_word" and "half_participle", the conjunction,
#: the words of the noun phrase and the participle right after its noun
#: that make the second half of a coordinated absolute ("with pre-orders
#: opening in May *and the first shipments following* in June"), a claim
#: of its own (read from the words: the parser often hangs it elsewhere);
#: "comparison_bound" and "comparison_figure", the conjunction or comma and
#: the preposition with a figure after it that open a gapped comparison
#: ("leads by 21 points among men *and by 10* points among women"), a claim
#: of its own, and "compared_figure", the same word before a figure in the
#: clause before ("leads *by 21*"); "list_bound", what ends an item of a
#: list (a comma, a semicolon, a conjunction); "list_number", a number in
#: a clause, after which a gapped list may follow ("X has 212 seats, Y
#: 97 and Z 40"), and the words of its items as "item_figure", "item_name"
#: and "item_preposition" read them (an item is a name and a number, or a
#: number and a place), "item_skip" the words they pass over and
#: "item_unit" a unit after its number ("…, Y 30 *percent*"); "name_part",
#: an earlier word of the name before a "named_item", and "item_adverb", an
#: adverb between it and the list's bound ("…, and *possibly* Ann Lee as …");
#: "summary_phrase", a noun phrase with a figure or a rank that closes its
#: sentence after a comma and sums up what the clause said ("…, *the third
#: rise* in a row"), a claim of its own; "summary_appositive", one with "a"
#: that does so with a clause of its own ("…, a *deal* that could …"), and
#: "summary_clause", that clause, the claim's predicate; "stub_gerund", a
#: gerund that ends a clause under its predicate, whose content was split
#: off after it ("It means *admitting* | that …"): the clause is only a
#: stub, no claim, unless a "news_verb", a verb besides its frame, gives
#: it news of its own ("With the mayor *weighing* a run, a poll found | …");
#: "absolute_with", the "with" of an absolute set off after its verb's
#: clause, with a noun (its "absolute_object") or a participle with a
#: subject of its own ("clausal_pcomp"): "…, *with* a debut *planned* for
#: 2028", "…, with the mayor *chairing*", a claim of its own;
#: "wh_subordinator", a wh-adverb that opens an adverbial clause right after
#: its head, no comma before it, read as its subordinator ("… pauses the
#: music *when* a call comes in"); "infinitive_marker", the "to" of an
#: adverbial clause, which states no event ("to cover the costs");
#: "running_participle", a bare present participle that runs on from its
#: clause with no comma and closes its sentence ("will tour Asia
#: *demonstrating* the jet"), part of that claim; "question_word", the
#: wh-word that opens a sentence ending in a question mark, after
#: "question_lead" words (conjunctions, adverbs, interjections): the
#: sentence asks, no claim ("So *how* can that be justified?"), and
#: "quoted_question_word" and "quoted_question_lead", the same of a quoted
#: question before its reporter ("'*Who* pays for it?' she asked");
#: "question_aside", the head of a clause a wh-question sets off (a
#: non-restrictive relative clause, a concession, a consequence): the
#: question asks, the clause it sets off tells, a claim ("Why did the
#: mayor, *who* *signed* the deal in May, wait?");
#: "imperative_lead", what may stand before an imperative in its sentence
#: (adverbs, interjections: "*Please* take a seat"); "set_off_preposition",
#: a preposition after its verb set off by a comma or a dash, its
#: "phrase_noun" and the "phrase_close" after the phrase: a circumstance or
#: an addition of its own (", *amid* weak *demand*."); "figure_with",
#: "figure_object" and "figure_close", the same of a "with" phrase that
#: closes its clause with a measure (" *with* a *margin* of error of 3
#: points."); "bare_phrase_root", the noun that heads a sentence that is a
#: bare noun phrase, no claim ("A bold, brash *newcomer*."), unless it has
#: an "asserting_word" (a verb, a preposition, a figure); "heading_word",
#: a word that may stand in a heading written in title case (a capitalised
#: word, a figure, a stop, the small words a title leaves in lower case): a
#: short line of its own made only of them, three of them capitalised, is a
#: heading ("The *Best* *Bakeries* in *Town*."), no claim; "statement_word", a
#: word by which a short line of its own states something (a verb, not a
#: bare "-ing" form; a figure): a line with none is a heading ("*Rivals* on the river."),
#: no claim, unless it is an item of a list (after a colon, or opened by a
#: dash or a bullet); "deck_verb", a word by which a one-line paragraph
#: after the headline of an untitled article is a sentence of the story
#: (a finite verb, a figure): one with none is the headline's deck ("Crews *walking*
#: out over night shifts."), no claim; "graded_word", a
#: superlative or an adjective graded by "most" or "least", whose
#: ``measurable`` word of ``nonclaims.jsonl`` is recorded where a clause
#: with a figure is kept as a fact ("the *biggest* tour of 2026");
#: "stub_complement", a complement clause right after the verb it completes,
#: that verb deep in another claim with nothing of its own after it ("voters
#: *who said* | the plan was fair", "*let* them *know* | that …"): the clause
#: stays in that claim, whose words would otherwise end in a verb cut from
#: what it takes; "kept_complement", a "that" clause after a verb that
#: reports nothing ("It is plain to us | that …", "We figured out | that
#: …"): the clause stays in the claim of that verb; "nested_clause", the head of a clause whose words all lie
#: inside another claim of its sentence ("Ann Lee, *while* on tour, *signed*
#: the deal"): no claim of its own, the words are the other claim's;
#: "shared_arguments", a verb conjunct with no subject or auxiliary of its
#: own after a verb that takes nothing before the conjunction and is not
#: negated ("fans *booed and jeered* the referee"; "did not attend and sent a
#: deputy" are two): the arguments after it are both verbs', one claim;
#: "source_preposition", the last word of a preposition that names a source
#: ("according *to* the ministry"): as an adjunct of a frame verb it
#: comments on the whole sentence ("The upshot, according to one aide, is
#: that …"), and after a comma at the end of a claim it is attribution, not
#: the claim's words; "item_quantifier", a quantifier that stands for the
#: clause's noun in a gapped item with a date ("two plants will close in
#: 2027, *another* two in 2029", "*the rest* by 2030")
SegmentRole = Literal[
    "label",
    "source_note",
    "embedded_question",
    "answered_question",
    "as_report",
    "medial_reporter",
    "withheld_report",
    "pseudo_cleft",
    "set_off_adjective",
    "event_gerund",
    "leading_participle",
    "noun_participle",
    "time_frame",
    "event_frame",
    "frame_link",
    "bare_absolute",
    "consequence",
    "alternatives",
    "unasserted_mark",
    "non_restrictive",
    "report_adjunct",
    "split_conjunct",
    "gapped_conjunct",
    "own_complement",
    "second_report",
    "misattached_report",
    "appositive_relative",
    "imperative",
    "dated_report",
    "report_part",
    "label_clause",
    "clause_acl",
    "set_off_participle",
    "restrictive_participle",
    "parenthetical_appositive",
    "speaker_appositive",
    "noun_predicate",
    "infinitive_conjunct",
    "opinion_predicate",
    "stance_adverb",
    "verdict_participle",
    "forecast_linking",
    "verdict_complement",
    "verdict",
    "statement_object",
    "statement_report",
    "addressee",
    "question_content",
    "quote_reporter",
    "quote_lead",
    "reported_verdict",
    "performative_act",
    "listener_aside",
    "credit_clause",
    "afterthought",
    "afterthought_phrase",
    "complement_conjunct",
    "conjunct_marker",
    "reason_participle",
    "participle_object",
    "reason_object",
    "inner_report",
    "list_lead",
    "named_item",
    "concession_frame",
    "half_conjunction",
    "half_word",
    "half_participle",
    "comparison_bound",
    "comparison_figure",
    "compared_figure",
    "list_bound",
    "list_number",
    "item_figure",
    "item_name",
    "item_preposition",
    "item_skip",
    "item_unit",
    "name_part",
    "item_adverb",
    "summary_phrase",
    "summary_appositive",
    "summary_clause",
    "stub_gerund",
    "news_verb",
    "absolute_with",
    "absolute_object",
    "clausal_pcomp",
    "wh_subordinator",
    "infinitive_marker",
    "running_participle",
    "question_lead",
    "question_word",
    "quoted_question_lead",
    "quoted_question_word",
    "question_aside",
    "imperative_lead",
    "set_off_preposition",
    "phrase_noun",
    "phrase_close",
    "figure_with",
    "figure_object",
    "figure_close",
    "bare_phrase_root",
    "asserting_word",
    "heading_word",
    "statement_word",
    "deck_verb",
    "graded_word",
    "stub_complement",
    "kept_complement",
    "nested_clause",
    "shared_arguments",
    "source_preposition",
    "item_quantifier",
    "item_separator",
]
SEGMENT_ROLES: tuple[str, ...] = get_args(SegmentRole)


class SegmentRule(BaseModel):
    """One line of ``segmentation.jsonl``: a word whose lemma decides how a
    clause is segmented, or (``kind: "decision"``) a token pattern the
    segmenter asks for one of its decisions, by ``role`` (:data:`SEGMENT_ROLES`).

    A decision's ``pattern`` is one token in the scope rules' syntax
    (:mod:`claimx.claims.scope`), whose lexicons are the word kinds of this
    file and of ``attribution.jsonl`` (``{"LEMMA": {"IN_LEXICON":
    "report_verb"}}``); where it matches, the rule is recorded, and so is
    the word rule of the lexicon its ``LEMMA`` names.
    """

    model_config = ConfigDict(extra="forbid")

    id: str
    #: "linking_verb": links a subject to what is said of it ("is", "remains",
    #: "looks"), so an evaluative or superlative complement makes the clause an
    #: opinion; "causative_verb": makes its object what its complement says
    #: ("fan support *makes* it the most awaited sequel"), read as a linking
    #: verb; "source_participle": a past participle on a noun that says how a
    #: source got a document ("a memo *seen* by the paper"), no claim;
    #: "question_participle": a past participle that opens the question an
    #: answer replies to ("*Asked* whether X, she said no"), no claim;
    #: "reporting_participle": a present participle that elaborates its clause
    #: as a report does ("*citing* two people"), besides the reporting verbs of
    #: ``attribution.jsonl``; "circumstance_preposition": a preposition whose
    #: noun phrase is a circumstance the clause asserts ("sales fell *amid*
    #: weak demand"), a claim of its own; "additive_preposition": one (with
    #: "with") that adds a second thing to what its clause says ("unveiled
    #: the phone, *along* with a new watch"), a claim with the clause's status;
    #: "figure_noun": a noun that, in a "with" phrase closing its clause with a
    #: figure, states a measure of its own ("surveyed 900 adults *with a
    #: margin* of error of 3 points"), a claim with the clause's status
    kind: Literal[
        "linking_verb",
        "causative_verb",
        "source_participle",
        "question_participle",
        "reporting_participle",
        "circumstance_preposition",
        "additive_preposition",
        "figure_noun",
        "decision",
    ]
    lemma: str | None = None
    #: kind "decision": the segmenter's decision it serves, and the token pattern that finds it
    role: SegmentRole | None = None
    pattern: dict[str, Any] | None = None
    examples: list[Example] = []
    counter_examples: list[str] = []

    @model_validator(mode="after")
    def _fields_of_kind(self) -> SegmentRule:
        if self.kind == "decision":
            if self.role is None or not self.pattern or self.lemma is not None:
                raise ValueError(f"a decision rule names its role, one of {', '.join(SEGMENT_ROLES)}, and a pattern, no lemma")
        elif self.lemma is None or self.role is not None or self.pattern is not None:
            raise ValueError(f"a {self.kind} rule names its lemma, no role or pattern")
        return self


class SentenceRule(BaseModel):
    """One line of ``sentences.jsonl``: a word or mark that decides where a sentence ends, before the parser runs."""

    model_config = ConfigDict(extra="forbid")

    id: str
    #: "title_abbreviation": a title shortened with a full stop before a name
    #: ("*Sen.* Ann Lee", "*Gov.* Bo Park"): that full stop never ends the
    #: sentence; "closing_quote": a closing quotation mark that, after a full
    #: stop, question or exclamation mark and before a capitalised word, ends
    #: the sentence (``word`` is the mark); "dateline_month": a month as a
    #: dateline writes it, perhaps shortened, before the day ("NEW YORK, *Dec*.
    #: 4 (AP) — …": the dateline is a sentence of its own, no claim)
    kind: Literal["title_abbreviation", "closing_quote", "dateline_month"]
    word: str
    examples: list[Example] = []
    counter_examples: list[str] = []


class TopicRule(BaseModel):
    """One line of ``topics.jsonl``."""

    model_config = ConfigDict(extra="forbid")

    id: str
    #: a topic; or "topic_key": the roll-up key every claim of a topic takes
    #: (``lemma`` names the topic, ``key`` the key: "release" claims are keyed
    #: "release_date", "production" claims "development"), save those of its
    #: "announcement" words; such a topic takes no key from its words; or
    #: "announcement": words that give a claim of the topic ``of_topic`` the
    #: key ``key`` rather than that topic's "topic_key" (a release claim that
    #: reveals or unveils is about the announcement); or "title_opener": words
    #: that open a title's question ("Could …") without being part of a name;
    #: or "codename": nouns that present a name as a codename ("HLX, the
    #: internal codename"); or "naming": words after which a codename follows
    #: ("codenamed", "a project called"); or "identity": verbs that say what a
    #: codename stands for ("refer to", "tied to"); or "cast_verb": verbs that
    #: make a claim about the cast when a person is their subject ("appear",
    #: "star", "return"); or "part_word": nouns that, with a number, name a
    #: part of a series rather than a thing of its own ("Lantern Coast *season*
    #: 2", "*Chapter* 4 of …"); or "role_noun": nouns after which "as" names
    #: the person an actor plays ("the *role* as the pilot"); or
    #: "variant_noun": nouns that, after a code or a figure, name a variant of
    #: the product, a fact of its own ("an LTE *model*", "a 2TB *version*"),
    #: keyed by the code and the rule's ``key`` word ("4G model"); or
    #: "measure_unit": units of storage, charge or size that, glued to a figure
    #: before a variant noun, make the variant a capacity tier, an attribute of
    #: the product, not a model of its own ("a 2*TB* version", "a 13-*inch* model");
    #: or "office_noun": nouns of a post a person holds ("governor", "ambassador")
    #: that make a crew fact only where an ``office_predicate`` rule finds them
    #: (said of a person as what they are or serve as), not as a title before a name.
    #: Several words are matched as a phrase, word by word.
    topic: Literal[
        "release", "production", "cast", "crew", "title", "plot", "franchise", "business", "other",
        "topic_key", "announcement", "title_opener", "codename", "naming", "identity", "cast_verb",
        "part_word", "role_noun", "variant_noun", "measure_unit", "office_noun",
    ]
    lemma: str
    #: parts of speech the word counts as (e.g. only the noun "share"); empty for any
    pos: list[str] = []
    #: particles or prepositions (lower-cased) that, hung on the word, make
    #: it another verb, no word of the topic ("call *for*", "call *on*"); empty for none
    not_with: list[str] = []
    #: fixed expressions, as written, that hold the word without naming its
    #: topic ("to date" is "so far", no release date); empty for none
    except_in: list[str] = []
    #: fixed expressions, as written, outside which the word does not name its
    #: topic ("effect" is a release only as "take effect" or "into effect",
    #: not as "had little effect"); empty for any
    only_in: list[str] = []
    #: whether the word, as a verb that takes a clause, only reports it
    #: ("announced that it had lost $2 billion", "revealed it will close"):
    #: then it is a verb of saying, no word of its topic
    not_reporting: bool = False
    #: verbs whose particle the word names its topic as, whatever ``pos``
    #: allows ("roll out", "bring out" a product; not "rule out", "set out"); empty for none
    particle_of: list[str] = []
    #: as a verb, the word names its topic only when it gives a name (a
    #: capitalised complement: "the makers call it Orbit", "will name the
    #: tablet Vela Pro"), not when it says who or what ("has not named a
    #: chair", "called the plan divisive", "called for a vote")
    gives_name: bool = False
    #: as a verb, the word does not name its topic with a child of one of
    #: these dependencies ("the exhibition opens" is a release, "the chain
    #: will open nine stores" is not: a ``dobj``); empty for none
    verb_without: list[str] = []
    #: as a verb with something it is done to (a ``sense_object`` rule: its
    #: object or its passive's subject), the word names its topic only when
    #: that is one of these nouns, by lemma, or a name of no person
    #: ("will hit shelves", "hits Netflix on Friday" are releases, "hit a
    #: checkpoint", "hit a record high" are not); empty for any
    objects: list[str] = []
    #: as a verb, the word speaks of something else when what it is done to
    #: (a ``sense_object`` rule: its object or its passive's subject) is one
    #: of these nouns, by lemma ("voice the villain" is a part, "voice
    #: concern" a remark, "play this game" no part); empty for none
    not_objects: list[str] = []
    #: as a noun, the word speaks of something else as what one of these
    #: verbs (by lemma) is done to: their object, or the noun a relative
    #: clause of theirs hangs on ("played a role in the talks", "the role the
    #: court played" are no part); empty for none
    not_object_of: list[str] = []
    #: prepositions (lower-cased) that, hung on the word, keep it a word of its
    #: topic where ``not_object_of`` would turn it down ("play the role *of*
    #: the queen", "a role *as* a pilot"); empty for none
    object_unless: list[str] = []
    #: as a verb, the word speaks of something else when the one it is done
    #: to is a person (a ``person_patient`` rule: a person's name as its
    #: object or as the subject of its passive): "will hit stores" is a
    #: release, "hit the senator over his votes" an attack
    not_person_patient: bool = False
    #: as a verb, the word does not name its topic when a person or a group of
    #: people does it (a ``person_agent`` rule: its subject): "the senator
    #: arrived in Dunmore" is a journey, "the update will arrive next week" a release
    not_person_agent: bool = False
    #: the roll-up key the word gives a claim of its topic ("acquire" -> "deal"
    #: within ``business``); None leaves the topic's own key; for a
    #: "variant_noun", the word after the code in its variant's key
    key: str | None = None
    #: for an "announcement" rule: the topic whose claims the word keys ``key``
    of_topic: str | None = None
    examples: list[Example] = []
    counter_examples: list[str] = []

    @model_validator(mode="after")
    def _keys_a_topic(self) -> TopicRule:
        if self.topic == "topic_key" and (self.lemma not in TOPICS or not self.key):
            raise ValueError(f"a topic_key rule names a topic ({', '.join(TOPICS)}) as its lemma and gives a key")
        if self.topic == "announcement" and (self.of_topic not in TOPICS or not self.key):
            raise ValueError(f"an announcement rule gives a key and the topic it keys (of_topic: one of {', '.join(TOPICS)})")
        if self.topic == "variant_noun" and not self.key:
            raise ValueError("a variant_noun rule gives the word its variant's key ends with (key: \"model\")")
        if self.of_topic is not None and self.topic != "announcement":
            raise ValueError("of_topic is for announcement rules only")
        return self


class EntityRule(BaseModel):
    """One line of ``entities.jsonl``."""

    model_config = ConfigDict(extra="forbid")

    id: str
    label: str
    pattern: list[dict[str, Any]]
    examples: list[Example] = []
    counter_examples: list[str] = []


#: what a tracked fact's value is
ValueKind = Literal["date", "amount", "count", "measure", "any"]


class SlotRule(BaseModel):
    """One line of ``slots.jsonl``: the words that tie a claim to one tracked fact (topic and key)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    topic: Literal["release", "production", "cast", "crew", "title", "plot", "franchise", "business", "other"]
    #: the roll-up key of the fact ("price", "filming", "processor")
    key: str
    #: lemmas or lower-case forms; several words are matched as a phrase, word by word
    words: list[str]
    #: entity labels that speak to the slot ("MONEY" for a price) when the
    #: claim's key is one of ``over``; empty for none
    labels: list[str] = []
    #: the keys a claim with an entity of ``labels`` gives up for this slot ("deal")
    over: list[str] = []
    #: the entity of ``labels`` must stand in the predicate's direct object,
    #: the thing bought or sold ("agreed to buy 60 jets")
    in_object: bool = False
    #: parts of speech the first word counts as; empty for any
    pos: list[str] = []
    #: lemmas of the verb the word must hang on ("production" counts as
    #: filming only as what begins or wraps); empty for any
    heads: list[str] = []
    #: lemmas of which one must also stand in the claim's clause (its
    #: predicate's words) for the word to count ("unveil" is a rollout only
    #: of a prototype, or at a factory or a ceremony); empty for none. A word
    #: so placed names its fact over any topic it has of its own
    near: list[str] = []
    #: fixed expressions, as written, that hold a word of the rule without
    #: speaking to the fact ("in order to" is no order); empty for none
    except_in: list[str] = []
    #: as a verb, a word of the rule speaks of something else when what it is
    #: done to (a ``sense_object`` rule: its object or its passive's subject)
    #: is one of these nouns, by lemma ("deliver a speech" is no delivery);
    #: empty for none
    not_objects: list[str] = []
    #: as a verb, a word of the rule speaks to the fact only when the one it
    #: is done to is no person (a ``person_patient`` rule: a person's name as
    #: its object or as the subject of its passive): "replaced the old
    #: system" may be a deal, "replaced the senator" is not
    not_person_patient: bool = False
    #: what the fact's value is: a date, an amount, a count (an amount, a
    #: number of things first: "60 jets", not the deal's "$7bn"), a measure
    #: (a number written with its unit: "12.4-inch", "10,200mAh", "256GB"),
    #: either a date or an amount (a date first), or nothing
    value: ValueKind | None = None
    #: whose fact it is: "actor", the organisation or country that acts in
    #: the claim (its grammatical subject, or the agent of a passive: "Aeroflot
    #: has ordered 22 jets", "owned 55 percent by the union"), rather than the
    #: article's main subject; "maker", the company whose product the
    #: article follows, when the claim is about that product ("France will
    #: lose 4,300 jobs" in an article on the Talmar V40: Talmar's job cuts);
    #: "agent", the person, organisation or country that does what the
    #: claim says (the predicate's subject, the agent of a passive, the owner
    #: of the slot's noun: "the senator endorsed her", "Ryan's endorsement"):
    #: an endorsement, a meeting, an inquiry is the fact of the one who acts,
    #: and of the other party it names (the key then opens with that party's
    #: name, "Kerr endorsement"), and a claim that names no party that acts
    #: does not speak to it ("the tablet will support styluses");
    #: None for the claim's subject as usual
    #: "patient", the person or organisation the act is done to (charges
    #: are the accused's: "charges against Kerr", "Kerr was indicted",
    #: "prosecutors charged Kerr"), when the claim names one;
    party: Literal["actor", "maker", "agent", "patient"] | None = None
    #: for a slot of ``party`` "agent": its verb speaks to the fact only when
    #: what it takes as its object is a party (a named person or body, a
    #: pronoun, a role another such slot names: "the nominee"): "will support
    #: Kerr" is an endorsement, "will not support the spending cuts" is none
    object_party: bool = False
    #: for a slot of ``party`` "agent": the act is one both parties do
    #: together ("Kerr will meet Price" is also Price's meeting with Kerr,
    #: and "their meeting" either's): the roll-up keeps one fact of it,
    #: whichever party's claims name it
    mutual: bool = False
    #: entity labels in whose company the words speak of something else
    #: ("support" beside a share, "36 percent support Kerr", is a poll's, no endorsement)
    without_labels: list[str] = []
    #: the key of another slot whose party this fact also belongs to, when
    #: the article names one such party and the claim is about its main
    #: subject: deliveries are to the party that ordered ("orders": "It
    #: takes the first of them in 2031" after "Aerolux has ordered 12")
    follows: str | None = None
    #: a cast or crew rule whose words (as written: "stepped down", "was
    #: replaced") say that the person leaves: not a fact of its own, but a
    #: claim that says so of the person of its key speaks as ``denied`` for
    #: that person's membership in the roll-up
    leaves: bool = False
    #: for a leaving rule, the words that may not stand between the person's
    #: name and its leaving words: a verb of saying or a word that opens a
    #: clause ("Marten *said* the board resigned" is not Marten leaving)
    not_across: list[str] = []
    #: for a leaving rule, the words, as written, that say the person named
    #: after them leaves, by another's act ("the board fired its coach, Arno
    #: Dekker"; "Jo Hale replaced Dekker"): the person's name comes within a
    #: few words after them, not after "by" ("was replaced by Jo Hale" is
    #: Hale taking the post)
    ousts: list[str] = []
    #: the fact is a flow reported per period (results, sales): each period
    #: the claim names ("in the third quarter", "for 2009", "in February") is
    #: a fact of its own, keyed with its period ("Q3 2009 results"), and a
    #: claim of the article that names none speaks to the period it last named
    period: bool = False
    #: the fact is a milestone that happens once (a first flight, an
    #: unveiling): once an article has told it done on a day, a later claim
    #: that dates it after that day is of another event ("the first
    #: commercial flight will take off on 25 October") and does not speak
    once: bool = False
    #: the key of the fact a place holds when the claim names it by its own
    #: name before one of the rule's words ("the Leeds and Derby plants will
    #: close": the Leeds plant's and the Derby plant's closure), beside the
    #: fact of the claim's subject; None for none
    named: str | None = None
    #: the words are a weak sign, a last resort: they speak only for a claim
    #: that has no other slot word and no topic word of its own ("the record
    #: is due in 2026" is a release date; "the reshoots are planned for May"
    #: stays production's, "deliveries are due in 2029" a delivery)
    fallback: bool = False
    #: the fact is one per place: a contest held in a state or a country (a
    #: primary, a caucus) is a fact of its own for each place, keyed with the
    #: place's name the claim writes with the word ("won the Ohio primary",
    #: "the primary in Ohio", "Iowa's caucuses": "Ohio primary", "Iowa
    #: caucuses"); a claim that names no one place keeps the bare key
    placed: bool = False
    #: with ``placed``, the words name a contest only by its outcome ("won
    #: Ohio", "a victory over Vale in Iowa", "swept Utah"): they count only
    #: with one place of their own; the fact is that place's contest as the
    #: article names it ("Iowa caucuses"), else the rule's key with the place
    outcome: bool = False
    #: words (lower case, as written) of which the article must write one
    #: for the rule's words to count anywhere in it: a win is a contest's
    #: only in a story of elections; empty for any article
    article_words: list[str] = []
    examples: list[str] = []


class NameRule(BaseModel):
    """One line of ``names.jsonl``: how news writes one organisation's name in
    several ways that are one subject. Read by :class:`claimx.subjects.SubjectResolver`.
    A ``legal_form`` rule lists the words of a company's legal form ("Co.",
    "Inc.", "Company"): two names are one subject when, without such a word at
    their end and with their last word in the singular, they are the same, and
    one of them writes a legal form ("Ridgeway Motors Co." and "Ridgeway Motor
    Company")."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Literal["legal_form"]
    #: the words, lower case, without a closing period
    words: list[str]
    #: sets of names (as written) that must resolve to one subject
    examples: list[list[str]]
    #: sets of names that must stay apart
    counter_examples: list[list[str]] = []

    @model_validator(mode="after")
    def _check(self) -> "NameRule":
        if not self.words or any(w != w.lower().strip(".") for w in self.words):
            raise ValueError("a name rule's words are lower case, without a closing period")
        if not self.examples or any(len(names) < 2 for names in (*self.examples, *self.counter_examples)):
            raise ValueError("a name rule needs examples, each of two names or more")
        return self


class BackgroundRule(BaseModel):
    """One line of ``background.jsonl``: wording that marks a claim as background,
    a restatement of what happened or was said before ("had said", "initially",
    "earlier this year"). Read by the roll-up (:mod:`claimx.background`): once a
    fact has been reported, such a claim does not speak for its article. A rule
    with ``speaks`` is not about background: it says how a claim that states
    something as fact speaks for the fact it is about ("has until June 1 to
    file a plan": that there is a deadline is confirmed, the plan is expected)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    #: the marking words, lower case; several words are matched as a phrase
    words: list[str]
    #: when given, the words mark background only when one of these follows
    #: them (a past participle after "had"); an entry "-ed" stands for any word
    #: ending in "ed"
    followed_by: list[str] = []
    #: words that may stand between ``words`` and ``followed_by`` ("had *already* said");
    #: for a ``scene`` rule, between its words and the slot word ("after *their first* meeting")
    between: list[str] = []
    #: the words do not count after one of these in the claim: a clause they
    #: open reports what someone said ("confirmed that terms had been agreed")
    not_after: list[str] = []
    #: the words do not count in a claim that holds one of these: it tells
    #: the article's own news ("now plans to cut 210 roles")
    unless: list[str] = []
    #: when given, the words must open the claim, after at most this many
    #: words: the claim is itself the time clause ("two weeks after the maker
    #: unveiled it"), not a clause that ends on one
    opens: int | None = None
    #: when given, the words count only in a claim that also holds one of these
    #: ("has until Friday to *decide*")
    also: list[str] = []
    #: when given, the rule marks no background: a claim the extractor read as
    #: ``confirmed`` that matches it speaks for its fact with this status
    speaks: Status | None = None
    #: the status (or statuses) the extractor gave the claims a rule with
    #: ``speaks`` reads: ``confirmed`` ("has until June 1 to file a plan"), or
    #: ``denied`` for wording whose negation is not about the fact ("the
    #: strike will not affect its plans for an electric van": the van is
    #: still planned); a list for wording that speaks whatever the hedge
    #: around it ("appeared to refuse to sign")
    reads: Status | list[Status] = "confirmed"
    #: a rule that ``speaks`` unconfirmed keeps the claim's value: the amount
    #: asked for ("asked for a further $2 billion"); otherwise the value goes,
    #: as a deadline to decide is not the value of the undecided fact
    keeps_value: bool = False
    #: for a rule that ``speaks`` denied, its words say the fact's party left
    #: it or ended it ("dropped out of the race", "suspended her campaign"):
    #: the roll-up takes such a claim as its article's news of the fact, as
    #: it does a cued denial, over claims that only name it
    ends: bool = False
    #: the rule marks no background: its words are prepositions of time or
    #: circumstance ("after", "following", "during") and a claim that names
    #: its fact's slot word only after them, with at most ``reach`` words
    #: between ("pledged to cut costs after a meeting on Monday"), takes the
    #: fact as a thing that took place: it speaks for it with ``speaks``
    #: when it gives a date and none is after its article's day, whatever
    #: the status of its own news (:func:`claimx.background.scene_rule`)
    scene: bool = False
    #: the rule marks no background: its words open an aside after the
    #: claim's main clause ("took all 40 seats, *in what could* end her
    #: rival"): the hedge of a cue written after them is the aside's, and a
    #: claim whose every cue stands there states its own news as fact
    #: (:func:`claimx.background.aside_at`)
    aside: bool = False
    #: the rule marks no background: its words say the claim states what
    #: usually happens ("such deals are often delayed", "prices tend to move
    #: late"), a habit or a rule of thumb, not news of a tracked fact: such a
    #: claim speaks for no fact, whether the fact was reported before or not
    #: (:func:`claimx.background.generic_rule`)
    generic: bool = False
    #: the rule marks no background: its words ask for a date ("when",
    #: "timing", "how soon"); in the roll-up, a claim left undecided
    #: ("unconfirmed", with a cue) that holds one and gives no date says that
    #: the date of its fact is not known ("the maker did not say when it goes
    #: on sale"): it speaks over a date given by a claim that names nothing
    #: (:func:`claimx.background.asking_rule`)
    asks_date: bool = False
    #: the rule marks no background: its words are the names of a post
    #: ("chief executive", "chairman"), and a claim that names the person of
    #: a cast or crew fact with one of them in apposition ("the maker's chief
    #: executive, Dana Holt, …", "CEO Dana Holt …") states that the person
    #: holds the post, whatever the status of its own news: it speaks for
    #: that fact with ``speaks``, without a value, when its status is one the
    #: rule ``reads`` (:func:`claimx.background.post_rule`)
    post: bool = False
    #: for a ``post`` rule, the key (of topic ``other``) of the fact of the
    #: person's own that the title states: "presumptive nominee Dana Holt",
    #: "Dana Holt, the party's candidate" name her nomination, her candidacy;
    #: the roll-up files such a claim in that fact of a person who has one
    #: (keyed by the other party, as an act is, or not); None for a post of a
    #: cast or crew (:func:`claimx.background.post_rule`)
    holds: str | None = None
    #: the rule marks no background: its words open a clause that tells
    #: when the date written right before it was ("fell short in 2008,
    #: *when* the firm lost $15 billion"): the roll-up reads the claim of
    #: that clause as of the date's period (the results of 2008, not of the
    #: article's year) when the claim itself names none
    #: (:func:`claimx.background.antecedent_rule`)
    antecedent: bool = False
    #: for a ``scene`` rule, how many words may stand between its words and the slot word ("after *their first* meeting")
    reach: int = 3
    #: for a ``scene`` rule, it speaks whether or not the claim gives a date,
    #: for a claim of a status it ``reads``: its phrase says the fact is
    #: still sought ("started *looking for* a successor"), and the fact
    #: gets no value
    undated: bool = False
    examples: list[str] = []
    counter_examples: list[str] = []

    @property
    def read_statuses(self) -> tuple[Status, ...]:
        """The statuses of :attr:`reads`, as a tuple whether one or several."""
        return tuple(self.reads) if isinstance(self.reads, list) else (self.reads,)


class NormalizeRule(BaseModel):
    """One line of ``normalize.jsonl``: replace ``char`` by ``replacement``.

    id (str): a stable name for the rule.
    char (str): the character to replace, exactly one code point.
    replacement (str): what it becomes, exactly one code point.
    name (str): the Unicode name of ``char``, for people reading the file.
    """

    model_config = ConfigDict(extra="forbid")

    id: str
    char: str
    replacement: str
    name: str
    examples: list[Example] = []
    counter_examples: list[str] = []

    @field_validator("char", "replacement")
    @classmethod
    def _one_code_point(cls, value: str) -> str:
        if len(value) != 1:
            raise ValueError(
                f"must be exactly one code point (got {len(value)}: {value!r}); "
                "normalisation has to keep the text's length"
            )
        return value


# temporal.jsonl: told apart by ``type``; compiled by :func:`claimx.timex.load_grammar`

Direction = Literal["past", "future"]

#: The TIMEX3 types claimx emits.
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
#: Every TIMEX3 ``mod`` (claim dates use the subset :data:`claimx.schemas.Mod`).
Timex3Mod = Literal[
    "APPROX",
    "MID",
    "START",
    "END",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
]
_CLAIM_MODS = frozenset({"APPROX", "MID", "START", "END", "BEFORE", "AFTER"})

class _TemporalBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    examples: list[Example] = Field(default_factory=list)
    counter_examples: list[str] = Field(default_factory=list)


class VocabRule(_TemporalBase):
    """Words of one category that fill a placeholder, with the value they stand for."""

    type: Literal["vocab"]
    category: Literal[
        "month",
        "season",
        "weekday",
        "ordinal",
        "number",
        "unit",
        "holiday",
        "quantity",
        "duration_unit",
        "part_of_day",
        "timezone",
    ]
    words: list[str] = Field(min_length=1)
    value: int | str
    case_sensitive: bool = False
    lowercase_ok: bool = True
    bare: bool = True
    approx: bool = False
    vague: bool = False
    scale: int = 1
    vague_value: str | None = None


class ModifierRule(_TemporalBase):
    """Phrases before an expression that set its TIMEX3 ``mod`` (and belong to it)."""

    type: Literal["modifier"]
    phrases: list[str] = Field(min_length=1)
    mod: Timex3Mod
    search: bool = True
    scopes: list[Literal["date", "duration"]] = Field(default_factory=lambda: ["date"], min_length=1)

    @model_validator(mode="after")
    def _claim_mods_only_on_dates(self) -> ModifierRule:
        if "date" in self.scopes and self.mod not in _CLAIM_MODS:
            raise ValueError(f"mod {self.mod} cannot modify a date (only {sorted(_CLAIM_MODS)})")
        return self


class FillerRule(_TemporalBase):
    """Leading words that are not part of an expression; :func:`normalize` skips them."""

    type: Literal["filler"]
    words: list[str] = Field(min_length=1)


class TriggerRule(_TemporalBase):
    """Words one of which every expression holds (besides digits and vocabulary words).

    The patterns only run around a trigger, which keeps the search fast.
    ``patterns`` are regular expressions ("\\d:\\d\\d" for clock times);
    ``claim: false`` triggers only open windows for the TIMEX3 that are no claim
    dates (``find_expressions(everything=True)``).
    """

    type: Literal["trigger"]
    words: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    claim: bool = True


class PatternRule(_TemporalBase):
    """One surface pattern: a regex with ``{PLACEHOLDERS}`` and the kind of value it gives.

    context: "none" (absolute, or relative to the publication date), "sentence"
        (a calendar name: may read its year off an earlier date of the sentence),
        "anaphoric" (refers back to an earlier date of the sentence if there is
        one), "previous" (refers back to an earlier date of the sentence or of
        the two before if there is one: "later that month", "a day earlier";
        "earlier in the day" else to the article's first day), "same" ("the
        same day", "in the afternoon": needs an earlier date, as "previous"
        finds it), "count" ("the following year", "the day before": one unit
        on or back from an earlier date as fine as the unit, of the sentence or
        the two before; none without one).
    future_from: which point of a candidate interval must not be past for it
        to count as future ("end": any part left; "mid": at least half left).
    timex_type: the TIMEX3 type the pattern gives. claim: whether its matches are
        claim dates (``doc.spans["dates"]``); durations, sets, times, "now" and
        "the day" are not, and only :func:`normalize_timex` and
        ``find_expressions(everything=True)`` use them.
    kind "fixed": the pattern always gives ``value`` ("now": PRESENT_REF,
        "weekly": P1W).
    needs_context: the reading holds only where ``search_prefix`` found it
        ("$5 billion a year" is a SET, "a year" alone a DURATION):
        :func:`normalize_timex` tries it only when told the rule found the text.
    timeml: whether it also gives a TIMEX3 when every one is sought; false for
        a claim date TimeML marks otherwise ("a day earlier": TimeML marks the
        duration "a day", a claim is dated by the day).
    """

    type: Literal["pattern"]
    kind: Literal[
        "date",
        "month",
        "season",
        "quarter",
        "half",
        "year",
        "decade",
        "century",
        "unit",
        "day",
        "weekday",
        "offset",
        "holiday",
        "same",
        "duration",
        "set",
        "time",
        "fixed",
    ]
    pattern: str
    context: Literal["none", "sentence", "anaphoric", "previous", "same", "count"] = "none"
    future_from: Literal["start", "mid", "end"] = "end"
    requires_mod: bool = False
    fixed_mod: Mod | None = None
    search_prefix: str = ""
    timex_type: TimexType = "DATE"
    claim: bool = True
    value: str | None = None
    needs_context: bool = False
    timeml: bool = True
    #: a word that counts from the speaker's day ("today", "tonight", "this
    #: morning"): inside a quotation it counts from the day the quotation was
    #: spoken, the day named where the quotation opens or in the sentence it closes in
    speaker: bool = False

    @model_validator(mode="after")
    def _only_dates_are_claim_dates(self) -> PatternRule:
        if self.claim and (self.timex_type != "DATE" or self.kind in ("duration", "set", "time", "fixed")):
            raise ValueError("only DATE patterns of a date kind can be claim dates (set claim: false)")
        if self.kind == "fixed" and not self.value:
            raise ValueError("a fixed pattern needs a value")
        return self


class TenseRule(_TemporalBase):
    """Words that tell which way the tense around a date points (read by the finder)."""

    type: Literal["tense"]
    #: "prospective": an auxiliary-like verb that, with "to", points ahead ("is *going* to open in May")
    #: "event_ahead": a word on the way from an event named by its day ("Monday's debate") to
    #: the clause that says the event is still ahead ("*ahead* of Monday's debate", "the *upcoming*...");
    #: "event_behind": one that says it is past ("*after* Monday's debate", "bounce back *from*...")
    role: Literal[
        "aux", "perfect", "lemma", "passthrough", "period_noun", "shift", "booking", "prospective", "event_ahead",
        "event_behind",
    ]
    words: list[str] = Field(min_length=1)
    direction: Direction | None = None


#: what a ``decision`` rule of ``temporal.jsonl`` decides (read by :mod:`claimx.claims.tense` and
#: :mod:`claimx.claims.dates`), the token its pattern is tested on in brackets:
#: "tense" (a verb): which way its tense points; "clause_head" (each governor of a time
#: expression, going up): where its tense is read; "governor" (the verb read, ``FROM`` the
#: word of the expression's branch it governs): a direction the clause sets whatever the
#: verb's tense; "event_day" (the expression's root): a day that names an event ("Monday's
#: debate") is past unless the "ahead" walk (each word from the root up, ``HEAD`` its
#: governor) finds that the event is still to come; "no_date" (a one-word expression, or
#: the root of a longer one of a kind the rule names): it is no date ("may spark",
#: "ABC's This Week"); "name" (an entity's root): a name that may hold a date word
#: ("USA Today"); "name_break" (the word before an expression inside a name): the name
#: ran into the sentence ("the X2 *to* November"); "report_day" (the verb of a complement
#: clause): its future counts from the day its reporting verb is dated ("said Thursday
#: that the council *would* vote Friday"), not from the article's
TemporalRole = Literal[
    "tense", "clause_head", "governor", "event_day", "ahead", "no_date", "name", "name_break", "report_day"
]


class TemporalDecisionRule(_TemporalBase):
    """One decision on the parse around a time expression: a token ``pattern``
    (:mod:`claimx.claims.scope`'s syntax, with the tense rules' words as lexicons
    ``tense_<role>``) and what it decides for its ``role``; the first rule of a
    role that matches decides.

    direction: "tense", "clause_head", "governor", "event_day": the direction
        (null: the tense does not say); "ahead": the direction its find gives
        where the clause's tense says nothing (a word that puts the event ahead
        of itself, "*ahead of* Tuesday's primary"). read: "self" (the tense of the verb the
        word is, or serves) or "head" (that of its head's) instead; with
        ``only``, the reading counts only when it is one of these, else the next
        rule is asked. walk ("ahead" rules): "ahead" (the event is to come),
        "stop" (it is not), "behind" (a word of what is past was passed: the
        rules marked ``unless_behind`` no longer apply) or "up" (go on to the
        head). kinds ("no_date"): the kinds of expression it applies to (all: empty).
        firm ("tense"): the direction holds for a weekday six days off when the
        rule reads it on the very verb the weekday hangs on ("*will* vote
        Friday" in a Saturday article); any other reading that puts a bare
        weekday six days off yields to the nearest one, a day off.
    """

    type: Literal["decision"]
    role: TemporalRole
    pattern: dict[str, Any]
    direction: Direction | None = None
    read: Literal["self", "head"] | None = None
    only: list[Direction | None] | None = None
    walk: Literal["ahead", "stop", "behind", "up"] | None = None
    unless_behind: bool = False
    kinds: list[str] = Field(default_factory=list)
    firm: bool = False

    @model_validator(mode="after")
    def _fields_of_role(self) -> TemporalDecisionRule:
        if (self.walk is not None) != (self.role == "ahead"):
            raise ValueError("walk is the outcome of an 'ahead' rule, and only of one")
        if self.unless_behind and self.role != "ahead":
            raise ValueError("unless_behind applies to 'ahead' rules only")
        if self.read is not None and self.role not in ("tense", "clause_head"):
            raise ValueError("read applies to 'tense' and 'clause_head' rules only")
        if self.only is not None and self.read is None:
            raise ValueError("only needs read")
        if self.kinds and self.role != "no_date":
            raise ValueError("kinds applies to 'no_date' rules only")
        if self.firm and self.role != "tense":
            raise ValueError("firm applies to 'tense' rules only")
        return self


class TemporalRule(
    RootModel[
        Annotated[
            VocabRule | ModifierRule | FillerRule | TriggerRule | PatternRule | TenseRule | TemporalDecisionRule,
            Field(discriminator="type"),
        ]
    ]
):
    """One line of ``temporal.jsonl``, told apart by its ``type``."""


#: Each rule file of a pack and the model of its lines.
class AmountExample(BaseModel):
    """An example of ``amounts.jsonl``: a text and the amount read from it, as written."""

    model_config = ConfigDict(extra="forbid")

    text: str
    amount: str

    @model_validator(mode="after")
    def _amount_in_text(self) -> "AmountExample":
        if self.amount not in self.text:
            raise ValueError(f"the amount {self.amount!r} is not written in the example's text")
        return self


class AmountRule(BaseModel):
    """One line of ``amounts.jsonl``: how news writes a figure (read by
    :mod:`claimx.amounts` for the value of a tracked fact). ``number`` words
    count things ("five", "dozens"); ``scale`` words multiply a figure
    ("million", "bn"); a ``currency`` rule gives the signs written before a
    figure, the signs a country's letters may precede ("US$"), the names
    written after it ("euros") and the words that may stand before such a
    name ("US dollars"); ``vague`` words stand for a number only before one
    of the scale words of ``before`` ("several thousand"); ``range`` words
    join two figures into one amount ("25,000 to 30,000 jobs"), unless one
    of its ``not_after`` words stands right before the first ("rose from 14%
    to 17%" is a change, no range)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Literal["number", "scale", "currency", "vague", "range"]
    #: the words, lower case; several words are matched as a phrase
    words: list[str]
    signs: list[str] = []
    coded_signs: list[str] = []
    name_prefixes: list[str] = []
    before: list[str] = []
    #: for a ``range`` rule, the words before the first figure that make two figures no range ("from")
    not_after: list[str] = []
    #: for a ``scale`` rule, what each of its words multiplies a figure by ("bn": 1e9)
    values: dict[str, float] = {}
    examples: list[AmountExample] = []
    #: texts in which no word of a ``number`` rule may be found, or, for a
    #: ``range`` rule, in which the figure after its first one is read as no range
    counter_examples: list[str] = []

    @model_validator(mode="after")
    def _fields_of_its_kind(self) -> "AmountRule":
        if not self.words:
            raise ValueError("an amount rule needs its words")
        if self.kind != "currency" and (self.signs or self.coded_signs or self.name_prefixes):
            raise ValueError("only a currency rule has signs, coded_signs or name_prefixes")
        if self.kind != "vague" and self.before:
            raise ValueError("only a vague rule has before")
        if self.kind != "range" and self.not_after:
            raise ValueError("only a range rule has not_after")
        if self.kind == "vague" and not self.before:
            raise ValueError("a vague rule needs the scale words it stands before (before)")
        if (self.kind == "scale") != bool(self.values) or (self.values and set(self.values) != set(self.words)):
            raise ValueError("a scale rule, and only it, gives a value for each of its words (values)")
        if not set(self.coded_signs) <= set(self.signs):
            raise ValueError("every coded sign must be one of the rule's signs")
        if not self.examples:
            raise ValueError("an amount rule needs at least one example")
        return self


PACK_SCHEMAS: dict[str, type[BaseModel]] = {
    "cues.jsonl": CueRule,
    "scope.jsonl": ScopeRule,
    "attribution.jsonl": AttributionRule,
    "nonclaims.jsonl": NonClaimRule,
    "segmentation.jsonl": SegmentRule,
    "sentences.jsonl": SentenceRule,
    "topics.jsonl": TopicRule,
    "entities.jsonl": EntityRule,
    "slots.jsonl": SlotRule,
    "background.jsonl": BackgroundRule,
    "names.jsonl": NameRule,
    "amounts.jsonl": AmountRule,
    "normalize.jsonl": NormalizeRule,
    "temporal.jsonl": TemporalRule,
}


def default_rules_dir() -> Path:
    """RETURNS (Path): the rule pack in use: ``$CLAIMX_RULES``, the installed copy, or the checkout's."""
    env = os.environ.get(RULES_ENV)
    if env:
        return Path(env)
    return _package_rules_dir()


@lru_cache(maxsize=1)
def _package_rules_dir() -> Path:
    """RETURNS (Path): the installed rule pack, else the checkout's, found once a process (resolving
    the package's path walks every folder of it, and each look-up asks the file system twice:
    the roll-up asks for the rule pack per slot it has not met, thousands on published news)."""
    here = Path(__file__).resolve().parent
    packaged = here / "models" / "en"
    if packaged.is_dir():
        return packaged
    # An editable install runs from the source checkout: src/claimx/ -> models/en
    checkout = here.parent.parent / "models" / "en"
    if checkout.is_dir():
        return checkout
    raise RulePackError(
        f"No rule pack found (looked in {packaged} and {checkout}). "
        f"Reinstall claimx, or set {RULES_ENV} to a rule-pack directory."
    )


#: the last text of each rule file :func:`load_jsonl` validated, with its rules, by (path, model)
_VALIDATED: dict[tuple[str, type[BaseModel]], tuple[str, list[Any]]] = {}


def load_jsonl(path: Path, model: type[M]) -> list[M]:
    """Read one rule file, validating every line against ``model``.

    A process reads the same files several times (the components share
    packs: ``nonclaims.jsonl`` about twenty times as the pipeline loads): a
    file whose text is the one last validated against ``model`` gives the same
    rules again without parsing and validating its lines (the text itself is
    compared, so an edited file is always read anew). The rules are shared
    between callers, which only read them.

    path (Path): a ``.jsonl`` file of the pack.
    model (type): the pydantic model of one line.
    RETURNS (list): the validated rules, in file order.
    """
    if not path.is_file():
        raise RulePackError(f"Rule file {path} is missing: restore it or point {RULES_ENV} at a full pack.")
    text = path.read_text(encoding="utf-8")
    key = (str(path), model)
    known = _VALIDATED.get(key)
    if known is not None and known[0] == text:
        return list(known[1])
    rules = _validate_lines(path, text, model)
    _VALIDATED[key] = (text, rules)
    return list(rules)


def _validate_lines(path: Path, text: str, model: type[M]) -> list[M]:
    """RETURNS (list): the rules of a rule file's ``text``, each line validated against ``model``."""
    rules: list[M] = []
    # split as the file's lines are (read_text made every line end "\n"), not by str.splitlines,
    # which also breaks a line at characters a JSON string may hold (U+2028)
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RulePackError(f"{path}:{number}: not valid JSON ({exc.msg}).") from exc
        try:
            rules.append(model.model_validate(data))
        except ValidationError as exc:
            rule_id = data.get("id") if isinstance(data, dict) else None
            where = f"{path}:{number}: rule {rule_id!r}" if rule_id is not None else f"{path}:{number}"
            problems = "; ".join(
                f"[{'.'.join(str(p) for p in e['loc'])}] {e['msg']}" for e in exc.errors()
            )
            raise RulePackError(f"{where}: {problems}") from exc
    return rules


def rule_lines(path: Path) -> dict[str, int]:
    """RETURNS (dict[str, int]): each rule id of a pack file and the line it stands on (for errors)."""
    lines: dict[str, int] = {}
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            match = re.match(r'\s*\{\s*"id"\s*:\s*"([^"]+)"', line)
            if match:
                lines.setdefault(match.group(1), number)
    return lines


def rule_places(path: Path) -> Callable[[str], str]:
    """RETURNS (Callable[[str], str]): rule id -> where the rule stands, for
    an error about it: its file, line and id ("…/scope.jsonl:12: rule 'x'"),
    as :func:`load_jsonl` names a rule that fails to validate (the file is
    read once, here)."""
    lines = rule_lines(path) if Path(path).is_file() else {}

    def where(rule_id: str) -> str:
        number = lines.get(rule_id)
        return f"{path}:{number}: rule {rule_id!r}" if number is not None else f"{path}: rule {rule_id!r}"

    return where


@lru_cache(maxsize=8)
def _hash_dir(path: str, stamp: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    root = Path(path)
    for rel, _, _ in stamp:
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update((root / rel).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def rules_hash(rules_dir: Path | None = None) -> str:
    """RETURNS (str): sha256 over every file of the pack, relative paths included."""
    root = Path(rules_dir or default_rules_dir()).resolve()
    files = sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
    stamp = tuple(
        (p.relative_to(root).as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in files
    )
    return _hash_dir(str(root), stamp)


# ---------------------------------------------------------------------------
# Loaders of the claim packs (the temporal, normalisation and slot packs are
# compiled where they are used: claimx.timex, claimx.read.normalize, claimx.slots)
# ---------------------------------------------------------------------------


def load_cue_rules(rules_dir: Path | None = None) -> list[CueRule]:
    """RETURNS (list[CueRule]): the rules of ``cues.jsonl`` in ``rules_dir`` (None: the default pack)."""
    return load_jsonl(Path(rules_dir or default_rules_dir()) / "cues.jsonl", CueRule)


def load_scope_rules(rules_dir: Path | None = None) -> list[ScopeRule]:
    """RETURNS (list[ScopeRule]): the rules of ``scope.jsonl`` in ``rules_dir`` (None: the default pack)."""
    return load_jsonl(Path(rules_dir or default_rules_dir()) / "scope.jsonl", ScopeRule)


def afterthought_adverbs(rules_dir: Path | None = None) -> frozenset[str]:
    """RETURNS (frozenset[str]): one-word cues flagged ``afterthought``: adverbs
    that, after a comma and before a preposition, open a claim of their own
    (", possibly alongside new hardware", ", likely by swapping in …")."""
    return frozenset(
        rule.pattern.lower()
        for rule in load_cue_rules(rules_dir)
        if rule.afterthought and isinstance(rule.pattern, str) and " " not in rule.pattern
    )


def load_nonclaim_phrases(rules_dir: Path | None = None, kind: str = "boilerplate") -> tuple[str, ...]:
    """RETURNS (tuple[str, ...]): the lower-cased phrases of one kind ("declined to comment")."""
    rules = load_jsonl(Path(rules_dir or default_rules_dir()) / "nonclaims.jsonl", NonClaimRule)
    return tuple(rule.phrase.lower() for rule in rules if rule.kind == kind)


def rule_ids(rules_dir: Path | None, filename: str) -> dict[tuple[str, str], str]:
    """RETURNS (dict): ``(kind, word) -> rule id`` for ``attribution.jsonl`` or
    ``nonclaims.jsonl`` (first rule wins), to record which rule fired."""
    model: type[AttributionRule | NonClaimRule] = AttributionRule if filename == "attribution.jsonl" else NonClaimRule
    ids: dict[tuple[str, str], str] = {}
    for rule in load_jsonl(Path(rules_dir or default_rules_dir()) / filename, model):
        word = rule.lemma if isinstance(rule, AttributionRule) else rule.phrase
        ids.setdefault((rule.kind, word.lower()), rule.id)
    return ids


def load_attribution_rules(rules_dir: Path | None = None) -> dict[str, frozenset[str]]:
    """RETURNS (dict): lemma sets by rule kind, from ``attribution.jsonl``."""
    rules = load_jsonl(Path(rules_dir or default_rules_dir()) / "attribution.jsonl", AttributionRule)
    sets: dict[str, set[str]] = {}
    for rule in rules:
        sets.setdefault(rule.kind, set()).add(rule.lemma.lower())
    return {kind: frozenset(values) for kind, values in sets.items()}
