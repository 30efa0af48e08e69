""":mod:`claimx.claims.topic`: subject, topic and roll-up key of each claim.

- The article's *main subject* is a capitalised name of its title that the
  body also mentions: a numbered or colon name first ("Half-Life 3"), then
  the object of the headline's verb ("Lumora+ renews *The Glass Meridian*")
  unless a person acts before it, named by surname ("*Brandt* calls the
  Harbour Authority's plan reckless"), then the earliest; a surname grows to the body's full name; a model the
  title names whole and the body only in parts ("First Talmar V40 …" /
  "the first V40, built by Talmar") is the title's name. Without one,
  the body's most frequent work, product or organisation entity. "The
  sequel", "the film", "it" and other claims with no named subject of their
  own resolve to it, and so do the article's codenames for it ("HLX, the
  internal codename") and numbered short forms ("X2" for "Nimbus X2").
- A claim whose grammatical subject holds a work or product entity (an
  organisation only in a business claim), or a numbered sibling name ("the
  Nimbus X1"), other than the main subject is about that instead; "which"
  is the name its clause follows, "it" the name that is the subject of the
  clause it is joined to, else the other company the sentence before named.
  A party's own fact (orders, shares) is the party's; deliveries follow the
  article's one buyer; in an article about a person, a cast or crew fact is
  the team's, work's or firm's the claim names, and a post on a campaign
  ("her campaign manager, Tom Reyes") the campaign's. In an article about a
  product, its maker's own facts (job cuts, results) are the maker's; in an
  article about a company, the unnamed production, release and attribute
  claims are the product with a model number the article names. In news
  about people and bodies, a claim of no product topic whose grammatical
  subject is a person is that person's, though it names the main subject
  elsewhere, and one whose subject is an event, issue or document a name
  marks as its own (``event_noun`` rules: "the Harwick campaign", "a Civic
  Post poll"; "the poll" for the one named before) is about that event.
  A clause that names no subject of its own, which would fall back on the
  main subject, speaks of what the claim before it in its sentence named.
- The topic is the one whose words (``models/en/topics.jsonl``) occur most in
  the claim, the predicate's words weighing most and the speaker's title not
  at all, ties going to the order of :data:`claimx.schemas.TOPICS`; a
  character of the article (named after "as" in its cast claims) as the
  subject votes ``plot``, and a post a person holds, said of them by the
  predicate ("was governor of …", "served on the board", "stepped down"),
  votes ``crew`` as a crew word at the predicate would. None gives a money predicate ``business``, a
  clause with a noun of its own ``other``, else the sentence's topic, else
  ``other``; in a business story (half the claims or more business) such an
  ``other`` is ``business``, and so in a production or a release story. In
  an article that follows no topic (few claims name one at their predicate, or most name none at all), a claim whose
  topic words weigh less than one at its predicate itself (they stand in
  its subject, adjuncts or complements), of a topic few of its claims
  have, is ``other``; in
  one that names topics loosely, a claim with no topic word takes its
  sentence's topic only if the article keeps to it.
- The key groups claims within subject and topic for the status roll-up:
  the slot (``models/en/slots.jsonl``) whose words stand nearest the
  predicate; a variant of the product ("a 5G model"); the person for
  ``cast``/``crew`` (and ``other``, when the claim is about
  one), the topic's ``topic_key`` (``release_date`` for ``release``,
  ``development`` for ``production``) or an ``announcement`` word's key, the codename
  for claims about what a codename is, ``deal``/``shares``/``results``/
  ``funding`` for ``business``, the attribute's noun for ``other`` ("the
  range is expected to be …": ``range``), and the topic's name otherwise.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..errors import RulePackError
from ..rules import (
    TOPIC_ROLES,
    ScopeRule,
    SlotRule,
    TopicRule,
    load_jsonl,
    load_scope_rules,
    rule_places,
)
from ..schemas import PAIR_LABELS, TOPICS
from ..slots import load_slots
from ..subjects import without_middle_initials
from .component import RulePackComponent
from .extensions import CLAIMS_KEY, claim_of, record_rule, records_rules, register_extensions, set_claim
from .scope import Test, Walk, compile_pattern
from .segment import SegmentWords, is_absolute, load_segment_words, untitled_headline
from .sentences import doc_quotations, doc_text, doc_tokens, ents_within, model_text, sentence_ids, span_text, span_tokens
from .tree import (
    ACTIVE_SUBJECT_DEP,
    ADJECTIVE_POS,
    ADPOSITION_POS,
    ARTICLES,
    APPOSITION_DEP,
    CONJUNCT_DEP,
    ATTRIBUTE_DEP,
    COMPOUND_DEP,
    CONTINUING_VERB_DEPS,
    DEFINITE_ARTICLE,
    DESCRIBER_POS,
    DIRECT_OBJECT_DEP,
    NOMINAL_SUBJECT_DEPS,
    NOUN_ADVERBIAL_DEP,
    NOUN_PHRASE_MODIFIER_DEPS,
    NOUN_POS,
    NUMERIC_LABELS,
    NUMBER_MODIFIER_DEP,
    NUMBER_POS,
    OPEN_COMPLEMENT_DEP,
    PATIENT_DEPS,
    PERSON_SUBJECT_PRONOUNS,
    POSSESSIVE_TAG,
    POSSESSOR_DEP,
    PREPOSITION_DEP,
    PREPOSITION_OBJECT_DEP,
    PRONOUN_POS,
    RELATIVE_CLAUSE_DEP,
    RELATIVE_PRONOUN_TAGS,
    PROPER_NOUN_POS,
    SINGULAR_NOUN_TAG,
    STAND_IN_PRONOUNS,
    SUBJECT_DEPS,
    SUBJECTLESS_PREDICATE_DEPS,
    SUBORDINATE_CLAUSE_DEPS,
    VERB_POS,
)

register_extensions()

#: the walk of a ``topic`` rule that asks nothing of it (no spine, cue, claim or frame)
_NO_WALK = Walk(frozenset(), None, None)
#: entity labels of sums of money: a claim with no topic word that states one is a business fact
_MONEY_LABELS = frozenset({"MONEY"})
#: entity labels of places and nationalities: never an article's main subject
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
SUBJECT_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "ORG", "EVENT", "LAW", "FAC"})
#: a run of capitalised words, joined by the function words "of", "the" and
#: "and", and by ": " and " & " (what follows, a part of a series, is added by :func:`_name_pattern`)
#: a space, or a hyphen that joins two capitalised names (kept by ``split``)
_PAIR_HYPHEN = re.compile(r"( |(?<=[a-z])-(?=[A-Z][a-z]))")
_NAME = r"[A-Z0-9][\w'’.\-‑]*(?:(?::\s|\s&\s|\s)(?:[A-Z0-9][\w'’.\-‑]*|of|the|and))*"


@functools.lru_cache(maxsize=8)
def _name_pattern(parts: frozenset[str]) -> re.Pattern[str]:
    """RETURNS (Pattern): :data:`_NAME`, then optionally a part word and a number ("Lantern Coast season 2")."""
    if not parts:
        return re.compile(_NAME)
    return re.compile(_NAME + r"(?:\s(?:" + "|".join(re.escape(p) for p in sorted(parts)) + r")\s\d+\b)?")


def title_names(title: str, openers: frozenset[str] = frozenset(), parts: frozenset[str] = frozenset()) -> list[str]:
    """RETURNS (list[str]): capitalised names in a title, longest first.

    Function words that open a title's question or sentence (``openers``:
    "Could 2025 be the year?", "Why Valve …") are not part of a name; a part
    word and its number (``parts``: "season 2") are.
    """
    names = set()
    for match in _name_pattern(parts).finditer(title):
        # a hyphen between two capitalised names joins two parties
        # ("Arlo-Brenwick merger", "Nordvik-Port Authority talks"): each
        # side is a name of its own, and so is the whole
        pieces = _PAIR_HYPHEN.split(match.group(0))
        words, seps = pieces[::2], pieces[1::2]
        while words and words[0].lower() in openers:
            words, seps = words[1:], seps[1:]
        if not words or all(w.isdigit() for w in words):
            continue
        # every contiguous sub-run that starts and ends with a capitalised word
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                name = "".join(w + sep for w, sep in zip(words[i:j], [*seps[i : j - 1], ""])).rstrip(":")
                if name and (name[0].isupper() or name[0].isdigit()) and (
                    name.split(" ")[-1][:1].isupper() or name[-1:].isdigit()
                ):
                    names.add(name)
    return sorted(names, key=lambda n: (-len(n), n))


#: the Doc the topic component is working on and its entities, read once: ``doc.ents`` (and
#: ``span.ents``, which reads it) builds every entity's Span anew on each read, a few times per
#: claim here. Set by :meth:`TopicTagger.__call__` for the Doc it works on, cleared after it.
_ENTS: tuple[Doc | None, tuple[Span, ...]] = (None, ())


def _doc_ents(doc: Doc) -> tuple[Span, ...]:
    """RETURNS (tuple[Span, ...]): ``doc.ents``, read once while the component works on ``doc``."""
    held, ents = _ENTS
    return ents if held is doc else tuple(doc.ents)


def _span_ents(span: Span) -> list[Span]:
    """RETURNS (list[Span]): ``span.ents`` (the entities wholly inside ``span``, in order,
    up to the first that starts in it and ends past it, as spaCy's loop stops there) from
    :func:`_doc_ents`."""
    found = []
    start, end = span.start, span.end
    for ent in _doc_ents(span.doc):
        if ent.start >= start:
            if ent.end <= end:
                found.append(ent)
            else:
                break
    return found


class TopicTagger(RulePackComponent):
    """Set subject, topic and key on every claim.

    rules_dir (Path | None): rule pack; None for the default.
    load (bool): read it now (else in ``initialize`` or on first use).
    """

    pack_files = (
        "topics.jsonl", "slots.jsonl", "scope.jsonl", "segmentation.jsonl", "nonclaims.jsonl", "attribution.jsonl", "cues.jsonl",
    )

    def __init__(self, *, rules_dir: Path | None = None, spans_key: str = CLAIMS_KEY, load: bool = True) -> None:
        self.spans_key = spans_key
        self._setup_pack(None, rules_dir, load=load)

    def load_rules(self, rules_dir: Path, nlp: Language | None) -> None:
        """Read the topic words and slots of the pack at ``rules_dir``."""
        rules = load_jsonl(rules_dir / "topics.jsonl", TopicRule)
        #: the segmentation pack's decisions (what an absolute is: ``absolute_with`` …)
        self.segment_words = load_segment_words(rules_dir)
        self.words: dict[str, str] = {}
        #: announcement word -> (the topic it keys, the key: ``announcement``)
        self.announce_words: dict[str, tuple[str, str]] = {}
        #: topic -> the key all its claims take (``topic_key``), save those of its announcement words
        self.topic_keys: dict[str, str] = {}
        self.title_openers: set[str] = set()
        self.codename_phrases: list[tuple[str, ...]] = []
        self.naming_phrases: list[tuple[str, ...]] = []
        self.identity_words: set[str] = set()
        self.cast_verbs: set[str] = set()
        #: cast verb -> the dependencies of a child that make it another verb
        #: ("appears to be", "appears likely": a raising verb, its complement the predicate)
        self.cast_verb_without: dict[str, frozenset[str]] = {}
        self.part_words: dict[str, str] = {}  # word -> rule id
        self.role_nouns: set[str] = set()
        #: variant noun -> the word its variant's key ends with ("a 4G *version*" is keyed "4G model")
        self.variant_nouns: dict[str, str] = {}
        self.measure_units: dict[str, str] = {}  # unit -> rule id
        self.keys: dict[tuple[str, str], str] = {}  # (topic, word) -> roll-up key
        self.word_pos: dict[str, frozenset[str]] = {}  # word -> the only parts of speech it counts as
        #: word -> the particles and prepositions that make it another verb
        self.word_not_with: dict[str, frozenset[str]] = {}
        #: word -> the fixed expressions that hold it without naming its topic
        self.word_except: dict[str, tuple[str, ...]] = {}
        self.word_only: dict[str, tuple[str, ...]] = {}
        #: words that, as verbs taking a clause, report it ("announced that …")
        self.word_reporting: set[str] = set()
        #: word -> the verbs whose particle it names its topic as, whatever its part of speech
        self.word_particle_of: dict[str, frozenset[str]] = {}
        #: words that, as verbs, name their topic only when they give a name
        self.word_gives_name: set[str] = set()
        #: word -> the dependencies its children must not have (as a verb)
        self.word_verb_without: dict[str, frozenset[str]] = {}
        #: words that, as verbs, name something else when done to a person
        self.word_person_patient: set[str] = set()
        #: words that, as verbs, name something else when a person does them
        self.word_person_agent: set[str] = set()
        #: word -> the nouns that, as what the verb is done to, make it another verb
        self.word_not_objects: dict[str, frozenset[str]] = {}
        #: word -> the only nouns (besides a name of no person) it may be done to
        self.word_objects: dict[str, frozenset[str]] = {}
        #: word -> (the verbs whose object it names no topic as, the prepositions that keep it one)
        self.word_object_of: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self.rule_ids: dict[tuple[str, str], str] = {}  # (topic, word) -> rule id, to record firings
        for rule in rules:
            lemma = rule.lemma.lower()
            self.rule_ids.setdefault((rule.topic, lemma), rule.id)
            if rule.topic == "topic_key":
                assert rule.key is not None
                self.topic_keys.setdefault(lemma, rule.key)
            elif rule.topic == "announcement":
                assert rule.of_topic is not None and rule.key is not None
                self.announce_words.setdefault(lemma, (rule.of_topic, rule.key))
            elif rule.topic == "title_opener":
                self.title_openers.add(lemma)
            elif rule.topic == "codename":
                self.codename_phrases.append(tuple(_phrase_words(lemma)))
            elif rule.topic == "naming":
                self.naming_phrases.append(tuple(_phrase_words(lemma)))
            elif rule.topic == "identity":
                self.identity_words.add(lemma)
            elif rule.topic == "cast_verb":
                self.cast_verbs.add(lemma)
                if rule.verb_without:
                    self.cast_verb_without[lemma] = frozenset(rule.verb_without)
            elif rule.topic == "part_word":
                self.part_words.setdefault(lemma, rule.id)
            elif rule.topic == "role_noun":
                self.role_nouns.add(lemma)
            elif rule.topic == "office_noun":
                pass  # a lexicon of the ``office_predicate`` rules alone
            elif rule.topic == "variant_noun":
                assert rule.key is not None
                self.variant_nouns.setdefault(lemma, rule.key)
            elif rule.topic == "measure_unit":
                self.measure_units.setdefault(lemma, rule.id)
            else:
                self.words.setdefault(lemma, rule.topic)
                if rule.pos:
                    self.word_pos[lemma] = frozenset(rule.pos)
                if rule.not_with:
                    self.word_not_with[lemma] = frozenset(rule.not_with)
                if rule.except_in:
                    self.word_except[lemma] = tuple(rule.except_in)
                if rule.only_in:
                    self.word_only[lemma] = tuple(rule.only_in)
                if rule.not_reporting:
                    self.word_reporting.add(lemma)
                if rule.particle_of:
                    self.word_particle_of[lemma] = frozenset(rule.particle_of)
                if rule.gives_name:
                    self.word_gives_name.add(lemma)
                if rule.verb_without:
                    self.word_verb_without[lemma] = frozenset(rule.verb_without)
                if rule.not_person_patient:
                    self.word_person_patient.add(lemma)
                if rule.not_person_agent:
                    self.word_person_agent.add(lemma)
                if rule.not_objects:
                    self.word_not_objects[lemma] = frozenset(w.lower() for w in rule.not_objects)
                if rule.objects:
                    self.word_objects[lemma] = frozenset(w.lower() for w in rule.objects)
                if rule.not_object_of:
                    self.word_object_of[lemma] = (
                        frozenset(w.lower() for w in rule.not_object_of), frozenset(w.lower() for w in rule.object_unless)
                    )
                if rule.key:
                    self.keys.setdefault((rule.topic, lemma), rule.key)
        #: a figure with a unit (``measure_unit``): a capacity tier ("1TB", "512GB", "13-inch")
        self.measure_code: re.Pattern[str] | None = (
            re.compile(r"\d+(?:\.\d+)?-?(" + "|".join(re.escape(u) for u in self.measure_units) + ")", re.IGNORECASE)
            if self.measure_units
            else None
        )
        #: first word -> (phrase, rule) of every slot word
        self.slot_words: dict[str, list[tuple[tuple[str, ...], SlotRule]]] = {}
        #: slots an entity speaks to: (labels, keys it takes over, rule)
        self.slot_labels: list[SlotRule] = []
        #: (topic, key) of the facts that belong to the party that acts (``party``)
        self.actor_keys: set[tuple[str, str]] = set()
        #: (topic, key) of the facts that belong to the maker of the product an article follows (``party``)
        self.maker_keys: set[tuple[str, str]] = set()
        #: (topic, key) of the facts of the person or body that acts, keyed by the other party (``party``: "agent")
        self.agent_keys: set[tuple[str, str]] = set()
        #: (topic, key) of the facts of the one an act is done to (``party``: "patient")
        self.patient_keys: set[tuple[str, str]] = set()
        #: of the agent slots, the ones whose verb needs a party as its object (``object_party``)
        self.object_party_keys: set[tuple[str, str]] = set()
        #: the one-word nouns of those slots: a role that stands for a party ("the nominee")
        self.agent_nouns: set[str] = set()
        #: (topic, key) -> entity labels in whose company the slot's words speak of something else
        self.without_labels: dict[tuple[str, str], frozenset[str]] = {}
        #: (topic, key) -> the key whose party the fact follows (``follows``)
        self.follow_keys: dict[tuple[str, str], str] = {}
        #: the slots of a contest held per place, named by their own words ("primary", "caucuses")
        self.contest_slots: list[SlotRule] = []
        #: slot id -> the last article asked about and whether it writes the slot's ``article_words``
        self._article_found: dict[str, tuple[Doc, bool]] = {}
        for slot in load_slots(rules_dir):
            if slot.leaves:
                continue  # read by the roll-up, not a slot of its own
            if slot.follows:
                self.follow_keys.setdefault((slot.topic, slot.key), slot.follows)
            if slot.party == "actor":
                self.actor_keys.add((slot.topic, slot.key))
            elif slot.party == "maker":
                self.maker_keys.add((slot.topic, slot.key))
            elif slot.party == "patient":
                self.patient_keys.add((slot.topic, slot.key))
            elif slot.party == "agent":
                self.agent_keys.add((slot.topic, slot.key))
                self.agent_nouns.update(w for w in slot.words if " " not in w)
                if slot.object_party:
                    self.object_party_keys.add((slot.topic, slot.key))
            if slot.without_labels:
                self.without_labels[(slot.topic, slot.key)] = frozenset(slot.without_labels)
            if slot.labels:
                self.slot_labels.append(slot)
            if slot.placed and not slot.outcome:
                self.contest_slots.append(slot)
            for word in slot.words:
                phrase = tuple(_phrase_words(word.lower()))
                self.slot_words.setdefault(phrase[0], []).append((phrase, slot))
        #: role -> the ``topic`` rules of ``scope.jsonl`` that find it (their
        #: lexicons: the words of ``topics.jsonl`` by topic)
        lexicons: dict[str, set[str]] = {}
        for rule in rules:
            if rule.topic != "topic_key":
                lexicons.setdefault(rule.topic, set()).add(rule.lemma.lower())
        frozen = {kind: frozenset(words) for kind, words in lexicons.items()}
        # and the roles an agent slot names ("the nominee"): they stand for a party
        frozen["agent_noun"] = frozenset(self.agent_nouns)
        self.topic_roles: dict[str, list[tuple[ScopeRule, Test]]] = {role: [] for role in TOPIC_ROLES}
        where = rule_places(rules_dir / "scope.jsonl")  # rule id -> its file, line and id, for an error
        for scope_rule in load_scope_rules(rules_dir):
            if scope_rule.kind == "topic":
                assert scope_rule.role is not None and scope_rule.pattern is not None
                self.topic_roles[scope_rule.role].append((scope_rule, compile_pattern(scope_rule.pattern, frozen, where(scope_rule.id))))
        #: the roles with a rule that asks whether a word is in the spine
        self._spine_roles = frozenset(
            role for role, found in self.topic_roles.items() if any("IN_SPINE" in repr(rule.pattern) for rule, _ in found)
        )
        missing = [role for role, found in self.topic_roles.items() if not found]
        if missing:
            raise RulePackError(f"scope.jsonl: no topic rule for the role {', '.join(missing)}")
        #: first word -> (kind, phrase) of every codename and naming phrase
        self.first_words: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for kind, phrases in (("codename", self.codename_phrases), ("naming", self.naming_phrases)):
            for phrase in phrases:
                self.first_words.setdefault(phrase[0], []).append((kind, phrase))

    def _match(self, role: str, token: Token) -> ScopeRule | None:
        """RETURNS (ScopeRule | None): the first ``topic`` rule of ``role``
        that matches ``token`` (the caller records it where it decides), or None.

        The walk holds the token itself as its spine (``IN_SPINE``); a role
        none of whose rules asks for it shares one empty walk (the component
        asks hundreds of thousands of times per hundred articles)."""
        walk = Walk({token.i}, None, None) if role in self._spine_roles else _NO_WALK
        for rule, test in self.topic_roles[role]:
            if test(token, walk):
                return rule
        return None

    def main_subject(self, doc: Doc, text: str | None = None) -> str | None:
        """The title's name that best says what the article is about: names
        with numbers or colons (sequels, products, titles) first, then the
        earliest in the title; a place or a nationality is not one; a name the body also uses in lower case
        ("Data rights bill …") is a capitalised word, not a name. An article
        without a title that opens with a headline (:func:`untitled_headline`,
        news saved as plain text) is read by that headline."""
        text = doc.text if text is None else text
        title = doc._.title or ""
        ents = list(_doc_ents(doc))  # spaCy builds the entity spans anew on each read
        # where the body starts, after a headline it opens with
        skip = 0
        if not title:
            where = untitled_headline(doc)
            if where is not None:
                title = " ".join(text[where[0] : where[1]].split()).rstrip(".")
                skip = where[1]
        body = text[skip:]
        # "Lumora+ renews The Glass Meridian", "Rheinfeld raise Marević
        # offer": the organisation that acts is rarely what the story follows
        candidates = []
        # "… for April 14 event": a date, an amount or a number is no subject
        numeric = [(e.start_char, e.end_char) for e in ents if e.label_ in NUMERIC_LABELS and e.label_ != "CARDINAL"]
        if "dates" in doc.spans:
            numeric += [(d.start_char, d.end_char) for d in doc.spans["dates"]]
        # a count is no subject either, but a model number the tagger reads
        # as one ("the A380", "the 787") is
        counts = [(e.start_char, e.end_char) for e in ents if e.label_ == "CARDINAL"]
        places = [(e.start_char, e.end_char) for e in ents if e.label_ in _PLACE_LABELS]
        names = title_names(title, frozenset(self.title_openers), frozenset(self.part_words))
        if skip:
            # a headline is often written in title case ("Mayor Brandt Backs
            # Price In Close Race"): of its capitalised runs, only a name the
            # body tags as one counts ("Brandt's" as "Brandt")
            tagged = {e.text for e in ents if e.start_char >= skip and e.label_ not in NUMERIC_LABELS}
            people = {e.text for e in ents if e.start_char >= skip and e.label_ == "PERSON"}
            owned = (re.sub(r"['’]s$", "", name) for name in names)
            # a surname, or a first name ("Hillary"), of a person the body names in full counts too
            names = list(dict.fromkeys(
                name for name in owned
                if name in tagged or any(t.endswith(" " + name) for t in tagged)
                or (" " not in name and any(t.startswith(name + " ") for t in people))
            ))
        split: dict[str, str] = {}  # a model's name the body writes only in parts -> a word of it the body writes
        for name in list(names):
            if _in_body(name, body) or not any(_is_model_word(w) for w in name.split()):
                continue
            # "First Airbus A380 delivered" / "The first A380, made by Airbus":
            # a model's name as the title writes it, which the body writes
            # only in parts, is named by its longest run of words the body
            # writes, holding the model number
            runs = [
                n for n in names
                if n in name and any(_is_model_word(w) for w in n.split()) and all(_in_body(w, body) for w in n.split())
            ]
            whole = [n for n in names if n in name and " " in n and _in_body(n, body) and any(_is_model_word(w) for w in n.split())]
            if runs and not whole:
                best = max(runs, key=len)
                split.setdefault(best, next(w for w in best.split() if _is_model_word(w)))
        for name in dict.fromkeys(names):
            # "XL": a two-letter abbreviation is a name, "UK" (a place) is not
            short = len(name) == 2 and name.isupper() and name.isalpha()
            model = _is_model_word(name)
            if (len(name) <= 2 and not short) or not (model or any(c.isalpha() for c in name)) or not (name in split or _in_body(name, body)):
                continue
            at_body = text.find(split.get(name, name), skip)
            if any(s == at_body and at_body + len(name) <= e for s, e in numeric):
                continue
            if not any(_is_model_word(w) for w in name.split()) and any(s == at_body and at_body + len(name) <= e for s, e in counts):
                continue
            if any(s <= at_body and at_body + len(name) <= e for s, e in places):
                continue
            # "Arlo and Brenwick seek aid": two subjects, each named on its own in the body
            parts = re.split(r" (?:and|&) ", name)
            if len(parts) > 1 and all(
                len(re.findall(r"(?<!\w)" + re.escape(part) + r"(?!\w)", body)) > body.count(name) for part in parts
            ):
                continue
            # "Trump" is a name though the body writes "trumpeting": the word, not a part of one
            if " " not in name and name.lower() != name and _in_body(name.lower(), body):
                continue
            marked = any(ch.isdigit() for ch in name) or ":" in name
            at = title.find(name)
            candidates.append((not marked, not self._object_in_title(doc, title, at), at, -len(name), name))
        # "Brandt calls the rival plan reckless": a person who acts in the
        # headline is the one the story follows, not the object of the verb;
        # a person, as a headline names one: by the surname of a name the
        # body writes in full (the tagger also takes a firm or a club for a person)
        people = {e.text for e in ents if e.label_ == "PERSON"}
        actors = [c for c in candidates if c[1] and any(p.endswith(" " + c[4]) and p not in title for p in people)]
        if actors and min(actors)[2] < min(candidates)[2]:
            candidates = [(c[0], True, *c[2:]) for c in candidates]
        if candidates:
            best = min(candidates)[4]
            if min(candidates)[0]:
                # "Korvo launches its largest ferry" / lead: "Korvo unveiled
                # the KX900, …": a title that names only the maker, the lead
                # the model it speaks of: the article follows the model
                model = _lead_model(doc, text, best)
                if model is not None:
                    return model
            # "Aasgaard" in the title, "Henrik Aasgaard" in the body; a
            # person a headline saved with the body calls by first name
            # ("Hillary"), the one the body names in full
            full = _full_names(ents, best, skip)
            if not full:
                # "Senator Ruth Calder to retire", "Apple CEO Tim Cook …": a
                # person's post before the name the body tags is no part of it
                full = [
                    e.text for e in ents
                    if e.label_ == "PERSON" and " " in e.text and best.endswith(" " + e.text)
                ]
            if not full and skip and " " not in best:
                firsts = Counter(
                    re.sub(r"['’]s$", "", e.text) for e in ents
                    if e.label_ == "PERSON" and e.start_char >= skip and e.text.startswith(best + " ")
                )
                if firsts:
                    return firsts.most_common(1)[0][0]
            if not full:
                return _lede_organisation(ents, best, text, skip) or best
            # "Cruz" in the title, "Ted Cruz" and his father "Rafael Cruz" in
            # the body: the full name the body writes most, then first (the
            # lead introduces the one the headline means), not the longest
            written = Counter(full)
            return min(written, key=lambda name: (-written[name], full.index(name)))
        # "on May 2" tagged a product is a date, no subject
        dated = {i for d in doc.spans["dates"] for i in range(d.start, d.end)} if "dates" in doc.spans else set()
        counts = Counter(
            e.text for e in ents if e.label_ in SUBJECT_LABELS and not any(i in dated for i in range(e.start, e.end))
        )
        if counts:
            return counts.most_common(1)[0][0]
        return (doc._.title or "").strip() or None

    def __call__(self, doc: Doc) -> Doc:
        global _ENTS
        _ENTS = (doc, tuple(doc.ents))  # read once for the whole Doc (see :func:`_doc_ents`)
        try:
            return self._tag(doc)
        finally:
            _ENTS = (None, ())

    def _tag(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        main = self.main_subject(doc, text)
        doc._.main_subject = main
        opener = (doc._.title or "").split(" ", 1)[0].lower()
        if ("title_opener", opener) in self.rule_ids:
            record_rule(doc, self.rule_ids[("title_opener", opener)], 0, 0)  # a word of the title, not the body
        for part in self.part_words:
            if re.search(r"\s" + re.escape(part) + r"\s\d", doc._.title or ""):
                record_rule(doc, self.part_words[part], 0, 0)  # "… season 2" holds to the title's name
        aliases = self.codenames(doc, main, text) if main else {}
        alias_at = _mentions(text, aliases)
        claims = list(doc.spans[self.spans_key])
        ents = list(_doc_ents(doc))
        starts = [e.start for e in ents]
        claim_ents = [ents_within(ents, starts, claim) for claim in claims]
        slot_hits = [self._slot_hits(claim) for claim in claims]
        counted = [self.topic_votes(claim, claim_ents[n], slot_hits[n]) for n, claim in enumerate(claims)]
        topics = [_most_voted(counts) for counts in counted]
        characters = self.characters(claims, topics)
        if characters:
            # "Alita's awakening may spark alliances", "Kira loses the suit":
            # a claim about a character the cast claims named is the story's
            # (the votes of the first pass, and those for the characters)
            topics = [
                _most_voted(self._character_votes(claim, Counter(counted[n]), characters, []))
                for n, claim in enumerate(claims)
            ]
        # the topics as the words voted, before those named in passing fall:
        # what the article keeps to (:func:`_kept_topics`)
        voted_topics = list(topics)
        money = frozenset(n for n, claim in enumerate(claims) if _states_money(claim, claim_ents[n]))
        for n in _incidental(counted, topics, money):
            # "the poll's results are bad news for him", "he made the
            # remark during a speech on the economy": in an article that
            # follows no topic (few of its claims name one by their
            # predicate, or most name none), a topic named only by a word in
            # a claim's subject, adjuncts or complements ("he pressed her on
            # the release of her emails"), and one the article does not keep to, is no fact of it
            topics[n] = "other"
        # A claim with no topic words takes its sentence's topic, else
        # ``other``: an article's most common topic says little about a
        # clause that names none (sales figures in a release story).
        sent_of = sentence_ids(doc)
        heads = [claim.doc[(claim_of(claim) or {}).get("head", claim.root.i)] for claim in claims]
        last_person: str | None = None  # the person of the last cast or crew claim, for "he"/"she"
        parties: dict[str, set[str]] = {}  # key -> the parties that act in the article's claims of that key
        # a person is not "it": the pronoun does not name such a subject
        main_person = any(e.label_ == "PERSON" and e.text == main for e in ents)
        surnames = _surnames(ents)
        #: the last subject a claim named, other than the main one, and its sentence
        named_last: tuple[str, int, str] | None = None  # and its entity label
        # news about people and bodies (the main subject is one): they hold their own facts
        parties_act = bool(main) and any(e.text == main and e.label_ in _HOLDER_LABELS for e in ents)
        numbered = bool(main) and any(ch.isdigit() for ch in main)
        # the claims no topic word speaks for
        fallen = {n for n, topic in enumerate(topics) if topic is None}
        givers: dict[int, list[int]] = {}  # sentence -> its claims that have a topic word, in order
        for m, claim in enumerate(claims):
            if m not in fallen:
                givers.setdefault(sent_of[claim.start], []).append(m)
        # "Kerr climbed to 41 percent after the debate, before falling back":
        # in an article that names topics loosely,
        # a clause with no topic word of its own does not take its
        # sentence's topic, unless the article keeps to it
        kept = _kept_topics(counted, voted_topics)
        for n in fallen:
            given = next(
                (
                    topics[m] for m in givers.get(sent_of[claims[n].start], ())
                    if self._takes_topic(heads[n], heads[m], topics[m])
                ),
                None,
            )
            if given is not None and given not in kept:
                given = None
            topics[n] = _fallback(claims[n], claim_ents[n], given, self._match)
        titled: dict[int, str] = {}  # claim -> the speaker whose title it is
        for n, head in enumerate(heads):
            # '"…," said Ann Roe, a spokeswoman for the port': a speaker's
            # title after the verb of saying is the post she holds, a crew
            # fact whatever its words name (a ``speaker_title`` rule), keyed
            # by her name; set once the article's topics are counted and
            # given, it neither makes the article one that follows a topic
            # nor gives its topic to the other claims of its sentence
            title = self._match("speaker_title", head)
            if title is not None:
                _note(head, title)
                topics[n] = "crew"
                speaker = next((e for e in ents if e.label_ == "PERSON" and e.start <= head.head.i < e.end), None)
                if speaker is not None:
                    titled[n] = speaker.text
        # "The board said it had received three proposals", "the index closed
        # at 682": in an article that is a business story (half its claims or
        # more are business facts; or production or release facts: "the
        # company said it remains confident in the design") a clause that
        # names no topic of its own is part of that story, the nearest topic
        # the guide asks for
        domain = _domain(topics)
        events: list[tuple[Token, str]] | None = None  # the events a name marks, in order (built when first asked)
        for n, claim in enumerate(claims):
            topic = topics[n]
            if topic == "other" and domain is not None and n in fallen:
                topic = domain
            info = dict(claim_of(claim) or {})
            codename = self.identity_of(claim, alias_at) if alias_at else None
            if codename is not None:
                # whether a codename is the subject is a question of what is
                # in production, tracked apart under the codename
                info["topic"] = "production"
                info["key"] = codename
            else:
                info["topic"] = topic
                info["key"] = self.key(claim, topic, claim_ents[n], last_person, main_person=main_person)
                if topic in ("cast", "crew") and info["key"] != topic:
                    last_person = info["key"]
                if n in titled:
                    info["key"] = titled[n]
                # the topic is decided first (its words, the slot words
                # counting for theirs); the slot is then the one of that
                # topic whose words stand nearest the predicate
                # "two engines will be replaced before the tour began": a slot
                # word in a clause after the predicate that dates it (a
                # ``time_adjunct`` rule) names no fact of the claim; a phrase
                # may ("landed after a test flight": the flight is the landing)
                dating_rules = self._dating_rules(heads[n])
                dating = {t.i for clause, _ in dating_rules for t in clause.subtree}
                found = _best_slot([h for h in slot_hits[n] if h[0] not in dating], info["topic"])
                if any(h[0] in dating for h in slot_hits[n]):
                    for clause, rule in dating_rules:
                        _note(clause, rule)
                plain_key = info["key"]
                if found is not None:
                    info["key"] = found[1].key
                    # "would not give more aid", "two more plants will close":
                    # a slot word that modifies the noun of the fact's own
                    # slot names a narrower fact (further aid, more closures)
                    narrower = _narrower(claim.doc, slot_hits[n], found[1])
                    if narrower is not None:
                        info["key"] = narrower.key
                    elif found[1].outcome:
                        # "won Ohio", "her victory over Vale in Iowa": the place's contest
                        place = next(p for i, _, _, hit in slot_hits[n] if hit is found[1] and (p := _outcome_place(doc[i])) is not None)
                        info["key"] = f"{place} {self._contest_key(doc, place, found[1].key)}"
                    elif found[1].placed:
                        # "won the Ohio primary", "won the primary there": a
                        # contest is a fact per place
                        place = next(
                            (p for i, _, _, hit in slot_hits[n] if hit is found[1] and (p := _place_of(doc[i]) or _predicate_place(doc[i])) is not None),
                            None,
                        )
                        if place is not None:
                            info["key"] = f"{place} {found[1].key}"
                # "a first offer of some €30 million": an amount of money
                # in a claim about a deal speaks to its price
                for slot in self.slot_labels:
                    if info["topic"] == slot.topic and info["key"] in slot.over and _has_label(
                        claim, claim_ents[n], slot.labels, slot.in_object
                    ):
                        info["key"] = slot.key
                        break
            variant = self._variant(claim) if codename is None else None
            if variant is not None:
                # "no 2TB version will be sold", "a 5G model follows later":
                # a variant is a fact of its own; a capacity tier is an
                # attribute of the product, another model is released
                info["topic"], info["key"] = variant
            agent = None
            if codename is None and variant is None and (info["topic"], info["key"]) in self.patient_keys:
                # "charges against Kerr", "Kerr was indicted": the accused's charges
                words = [h[0] for h in slot_hits[n] if (h[3].topic, h[3].key) == (info["topic"], info["key"])]
                patient = _patient(claim, words, self._match)
                if patient is not None:
                    name = re.sub(r"['’]s$", "", patient.text)
                    info["subject"] = {"name": name, "start": patient.start_char, "end": patient.start_char + len(name)}
                    agent = patient
            if codename is None and variant is None and (info["topic"], info["key"]) in self.agent_keys:
                # "the senator endorsed Kerr", "will meet with the governor":
                # the one who acts holds the fact, keyed by the other party;
                # with no one acting it is no such fact ("the tablet will support styluses")
                words = [h[0] for h in slot_hits[n] if (h[3].topic, h[3].key) == (info["topic"], info["key"])]
                agent = _agent(claim, claim_ents[n], words, self._match)
                owned = None
                if (info["topic"], info["key"]) in self.object_party_keys and not self._party_objects(claim, words):
                    # "is not ready to support Kerr's agenda": no act towards
                    # Kerr, but one towards the thing of hers it names, a fact
                    # of its own keyed by her name and the thing ("Kerr agenda")
                    owned = _owned_object(claim, words)
                    if owned is None or agent is None or agent[0] is None or not agent[1]:
                        agent = None
                if any(e.label_ in self.without_labels.get((info["topic"], info["key"]), ()) for e in claim_ents[n]):
                    agent = None
                if agent is None:
                    info["key"] = plain_key
                else:
                    subject, other = agent
                    if owned is not None:
                        info["key"] = f"{other} {owned.lemma_.lower()}"
                    elif other:
                        info["key"] = f"{other} {info['key']}"
                    if subject is not None:
                        info["subject"] = subject
                    else:
                        agent = None
            # the fact's topic decides whether an organisation that acts is
            # the subject ("Brenwick has asked for $2 billion in loans": business)
            actor = (
                _actor(claim, main, claim_ents[n], self._match, [h[0] for h in slot_hits[n] if (h[3].topic, h[3].key) == (info["topic"], info["key"])])
                if (info["topic"], info["key"]) in self.actor_keys else None
            )
            if agent is not None:
                pass
            elif actor is not None:
                # "Aeroflot has ordered 22 of the jets": the buyer's order, not the jet's
                info["subject"] = {"name": actor.text, "start": actor.start_char, "end": actor.end_char}
                parties.setdefault(info["key"], set()).add(actor.text)
            else:
                info["subject"] = self.subject(claim, main, claim_ents[n], alias_at, info["topic"])
                named = None
                event = None
                if info["topic"] in ("other", "release", "business") and not numbered and (info["subject"]["start"] is None or info["subject"]["name"] == main):
                    # "The Harwick campaign has spent heavily", "The poll
                    # found the mayor ahead": an event, an issue or a
                    # document a name marks as its own (an ``event_noun``
                    # rule), as the claim's subject, is what the claim is
                    # about; "the poll" is the one the article named before
                    # it; "Whitlow's campaign" is the campaign's, not Whitlow's,
                    # and so is the money it raises or spends (``business``);
                    # what a release claim releases is what it is about
                    if events is None:
                        events = self._named_events(doc)
                    event = self._event_subject(claim, events, released=info["topic"] == "release")
                    if event is not None:
                        info["subject"] = event
                if event is None and info["subject"]["start"] is None:
                    if parties_act and info["topic"] == "other":
                        named = _named_party(claim, claim_ents[n], main, surnames=surnames)
                    elif info["topic"] == "other" and not numbered:
                        named = _named_party(claim, claim_ents[n], main, labels=_PERSON_LABELS, surnames=surnames)
                    elif main_person and info["topic"] not in ("cast", "crew", "plot"):
                        # "Carson has slipped in the polls" in news that
                        # follows a person: a person named as the clause's
                        # subject holds its fact, whatever its topic (in news
                        # on a firm, the tagger takes other firms for people;
                        # a character's deeds are the story's)
                        named = _named_party(claim, claim_ents[n], main, labels=_PERSON_LABELS, surnames=surnames)
                elif event is None and info["subject"]["name"] == main and info["topic"] == "other" and not numbered:
                    # "Councillor Whitlow is at risk of losing to Ilse
                    # Brandt" in an article on Brandt: a person named as the
                    # claim's own subject holds the fact, though the claim
                    # names the main subject elsewhere (its object, its
                    # source); a proper name, not a word the tagger took for
                    # one ("Turnout is expected to reach a record when Brandt speaks")
                    named = _named_party(claim, claim_ents[n], main, labels=_PERSON_LABELS, surnames=surnames)
                    if named is not None and named.root.pos_ != PROPER_NOUN_POS:
                        named = None
                if named is not None:
                    # "Senator Vale will not vote for him", "the union refused
                    # the demands": in news that follows people and bodies, one
                    # named as the subject of an attribute's claim holds it
                    info["subject"] = {"name": named.text, "start": named.start_char, "end": named.end_char}
                # a person's own fact is keyed by what it is about, not by their
                # name: the named party's, or in an article that follows a person
                # hers ("Senator Ruth Calder will not seek re-election")
                if (named is not None and info["key"] in (named.text, named.text.split()[-1])) or (
                    named is None and info["topic"] == "other" and main_person and info["key"] == main == info["subject"]["name"]
                ):
                    head = claim.doc[info.get("head", claim.root.i)]
                    info["key"] = _attribute(claim, head, info.get("attribution") or {}, self._match) or "other"
            recipient = (
                _recipient(claim, claim_ents[n], [h[0] for h in slot_hits[n] if h[3].key == info["key"]], main, self._match)
                if (info["topic"], info["key"]) in self.follow_keys else None
            )
            if recipient is not None:
                # "deliveries to Aerolux are not due until May", "was delivered
                # to Aerolux today": the deliveries are the one's they go to
                info["subject"] = {"name": recipient.text, "start": recipient.start_char, "end": recipient.end_char}
                parties.setdefault(info["key"], set()).add(recipient.text)
            if info["topic"] in ("cast", "crew") and main_person and info["key"] == main:
                # "Dario Venn is now a Kilbride Rovers player": a person joins
                # a team, a cast or a firm; that is the fact's subject, the person its key
                joined = _joined(claim, claim_ents[n], info["key"])
                if joined is not None:
                    info["subject"] = {"name": joined.text, "start": joined.start_char, "end": joined.end_char}
            if info["topic"] in ("cast", "crew") and info["key"] != info["topic"]:
                # "Brandt picked Lisa Moor as his running mate", "Brandt's running
                # mate, Lisa Moor": the post is the one's who gives or owns it
                giver = self._post_giver(claim, info["key"])
                if giver is not None:
                    name = re.sub(r"['’]s$", "", giver.text)
                    info["subject"] = {"name": name, "start": giver.start_char, "end": giver.start_char + len(name)}
            if info["topic"] == "crew" and info["key"] != "crew":
                # "Calder fired her campaign manager, Tom Reyes": a post on a
                # campaign (an ``event_noun`` before the role) is the campaign's
                team = self._team_event(claim, info["key"], info["subject"]["name"])
                if team is not None:
                    info["subject"] = team
            if info["subject"]["start"] is None:
                # "The maker unveiled its new drone, with sales planned
                # for late 2028": the absolute is about the clause's object
                owner = _absolute_owner(claim, main, self.segment_words)
                if owner is not None:
                    info["subject"] = {"name": text[owner[0] : owner[1]], "start": owner[0], "end": owner[1]}
            relative_pronoun = False
            if info["subject"]["start"] is None:
                # "Brenwick, which has been hit hard, has asked for $4
                # billion": "which" is the name its clause follows
                relative = _relative_subject(claim, ents, starts, self._match, people=info["topic"] == "other")
                if relative is not None and relative[1].text != main:
                    pronoun, name = relative
                    info["subject"] = {"name": name.text, "start": pronoun.idx, "end": pronoun.idx + len(pronoun)}
                    # the relative pronoun stands for a name its sentence
                    # gave as no claim's subject: no subject a later "it" means
                    relative_pronoun = True
            pronoun = _pronoun_subject(claim, self._match) if info["subject"]["start"] is None else None
            if pronoun is not None:
                # "it" stands for the name that is the subject of the clause
                # its own is joined to or hangs on ("Halden has built a stake,
                # and it has lined up loans"; "Brenwick asked for aid, saying
                # it plans to cut jobs"); for none when that subject is a
                # common noun ("The union said it would …"); else for the
                # company the sentence before named ("… has asked for $4
                # billion. It plans to cut 3,000 jobs"). As with a name, an
                # organisation is the subject only of a business claim;
                # elsewhere it is the subject's maker ("the studio said it
                # aims to ship it when ready")
                before = _subject_noun_before(pronoun)
                source = info.get("attribution") or {}
                if before is not None and source and source["start"] <= before.idx < source["end"]:
                    # "Ventra said it would bid again": the speaker speaks of
                    # the article's subject, which keeps the claim (a party's
                    # own fact is _actor's); but a firm that says "it" will
                    # cut jobs, has made a loss or will close plants speaks
                    # of itself ("Brenwick asked for aid, saying it plans to
                    # cut 3,000 jobs"): those facts are a firm's own
                    name = _subject_before(pronoun) if (info["topic"], info["key"]) in self.maker_keys else None
                    candidate = (name.text, "ORG") if name is not None and name.root.ent_type_ == "ORG" else None
                elif before is not None:
                    name = _subject_before(pronoun)
                    label = name.root.ent_type_ if name is not None else ""
                    candidate = (name.text, label) if name is not None else None
                elif named_last is not None and sent_of[claim.start] - named_last[1] <= 1:
                    candidate = (named_last[0], named_last[2])
                else:
                    candidate = None
                if (
                    candidate is not None and candidate[0] != main and candidate[0] not in (main or "")
                    and (candidate[1] != "ORG" or info["topic"] == "business")
                ):
                    info["subject"] = {"name": candidate[0], "start": pronoun.idx, "end": pronoun.idx + len(pronoun)}
            if info["subject"]["start"] is None and not numbered and info["topic"] not in ("cast", "crew"):
                # "Senator Grant said he would not back the bill", "Reyes
                # toured the towns, and she has asked for aid": in news that
                # follows people, "he" or "she" is the person named as the
                # subject before it, the speaker too (who speaks of herself)
                pronoun = _ruled_child(claim, self._match, "person_pronoun", hung_on=True)
                source = info.get("attribution") or {}
                # in a quotation, "he" is not the one quoted ('"He will lose," Reyes said')
                speaker = text[source["start"] : source["end"]] if source and pronoun is not None and _quoted(pronoun) else ""
                # a surname the tagger missed names the one "he" stands for
                # only where "he" is the clause's own subject and that person
                # is not its speaker ("Holt said he expects the sale to take
                # a month": the speaker's view of the sale)
                own = pronoun is not None and pronoun.head.i == info.get("head", claim.root.i) and not (
                    source and any(w in surnames for w in text[source["start"] : source["end"]].split())
                )
                person = _person_before(pronoun, ents, sent_of, speaker, surnames if own else frozenset()) if pronoun is not None else None
                if person is not None and person != main:
                    info["subject"] = {"name": person, "start": pronoun.idx, "end": pronoun.idx + len(pronoun)}
            if info["subject"]["start"] is None and main and not main_person and (info["topic"], info["key"]) in self.actor_keys:
                # "it has lifted its holding to 30 percent": the party
                # whose fact it is is the article's own subject, named by "its"
                holder = _holder_pronoun(claim, self._match)
                if holder is not None:
                    info["subject"] = {"name": main, "start": holder.idx, "end": holder.idx + len(holder)}
            if info["subject"]["start"] is not None:
                name = info["subject"]["name"]
                mention = text[info["subject"]["start"] : info["subject"]["end"]]
                if mention.lower() not in STAND_IN_PRONOUNS and not relative_pronoun:  # a name, not a pronoun standing for one
                    at = claim.doc.char_span(info["subject"]["start"], info["subject"]["end"], alignment_mode="expand")
                    label = at.root.ent_type_ if at is not None else ""
                    named_last = None if name == main else (name, sent_of[claim.start], label)
            set_claim(claim, info)
            self._record(claim, info, aliases)
        if self.follow_keys and parties:
            # "Aerolux has ordered 12 … deliveries start in 2031": the
            # deliveries are the buyer's, when the article has one
            for claim in claims:
                info = claim_of(claim)
                follows = self.follow_keys.get((info["topic"], info["key"]))
                # the maker, written before its product's name ("Varga Orion
                # 500"), sells; it is no buyer
                party = {
                    name for name in parties.get(follows or "", set())
                    if not (main and re.search(re.escape(name) + r"\s+" + re.escape(main.split()[0]), text))
                }
                if len(party) == 1 and info["subject"]["name"] == main:
                    info["subject"] = {"name": next(iter(party)), "start": None, "end": None}
        maker = _maker_of(doc, main) if main and self.maker_keys else None
        if maker is not None:
            # "France will lose 4,300 jobs" in an article on the Talmar V40:
            # job cuts, results and restructuring are the maker's, not its product's
            for claim in claims:
                info = claim_of(claim)
                if (info["topic"], info["key"]) in self.maker_keys and info["subject"]["name"] == main:
                    info["subject"] = {"name": maker, "start": None, "end": None}
        product = _article_product(doc, main, self._match) if main and not main_person else None
        if product is not None:
            # "Talmar wins the tanker order … The Talmar V40 tankers are based
            # on … Assembly of the first jets moves to Seville": in
            # an article about a company, what is built, released or measured
            # without a name of its own is the product the article names
            for claim in claims:
                info = claim_of(claim)
                if info["topic"] in _PRODUCT_TOPICS and info["subject"]["start"] is None and info["subject"]["name"] == main:
                    info["subject"] = {"name": product, "start": None, "end": None}
        # "Assembly of the jets moves to a new hall in Leeds. This is
        # expected to create 800 jobs": "this" as the subject stands for what
        # the sentence before told, and so for the subject of its last claim
        told: dict[int, str] = {}  # sentence -> the subject of its last claim
        named_in: dict[int, str] = {}  # sentence -> the subject its last claim that names one names
        for claim in claims:
            info = claim_of(claim)
            sent = sent_of[claim.start]
            demonstrative = _demonstrative_subject(claim, self._match) if info["subject"]["start"] is None else None
            if demonstrative is not None and told.get(sent - 1) not in (None, "", info["subject"]["name"]):
                info["subject"] = {"name": told[sent - 1], "start": demonstrative.idx, "end": demonstrative.idx + len(demonstrative)}
            # "… Lars Odell and his deputy Maren Holt. Both have resigned":
            # "both" stands for the last two names of one kind written before
            # it, in its sentence or the one before; the claim is filed under
            # the first here, and under the other too in the roll-up
            pair = _pair_subject(claim, self._match) if info["subject"]["start"] is None else None
            pair_names = _pair_antecedents(pair, ents, sent_of) if pair is not None else None
            if pair is not None and pair_names is not None:
                info["subject"] = {"name": pair_names[0].text, "start": pair.idx, "end": pair.idx + len(pair)}
            if info["subject"]["start"] is not None:
                named_in[sent] = info["subject"]["name"]
            elif info["subject"]["name"] == (main or "") and named_in.get(sent) not in (None, "", main):
                # "The Harwick campaign spent $2 million on radio ads, more than
                # any rival": a clause that names no subject of its own speaks
                # of what the claim before it in its sentence named, not of the
                # article's main subject
                info["subject"] = {"name": named_in[sent], "start": None, "end": None}
            told[sent] = info["subject"]["name"]
        defined = _defined_abbreviations(doc, text)
        titled = title_names(doc._.title or "")  # once, not per claim (as doc.ents: read once above)
        for claim in claims:
            # "Singapore Airlines (SIA) … SIA says": an abbreviation the
            # article defines in brackets names what it stands for; one it
            # does not define, the one name it writes that it abbreviates
            info = claim_of(claim)
            short = info["subject"]["name"]
            full = defined.get(short) if short in defined else _spelt_by(short, ents, titled)
            if full is not None:
                info["subject"] = {**info["subject"], "name": full}
            # "Paul D. Ryan": news writes a person with and without a middle
            # initial; the name without it is a shorter form of both
            plain = without_middle_initials(info["subject"]["name"])
            if plain != info["subject"]["name"]:
                info["subject"] = {**info["subject"], "name": plain}
        return doc

    def _named_events(self, doc: Doc) -> list[tuple[Token, str]]:
        """RETURNS (list[tuple[Token, str]]): every noun of an ``event_noun``
        rule that a name marks as its own, with the event's name ("the
        Harwick campaign": "Harwick campaign"), in the order written."""
        return [
            (token, name) for token in doc_tokens(doc)
            if token.pos_ == NOUN_POS and self._match("event_noun", token) is not None
            and (name := _event_name(token)) is not None
        ]

    def _event_subject(self, claim: Span, events: Sequence[tuple[Token, str]], *, released: bool = False) -> dict | None:
        """RETURNS (dict | None): the subject a claim takes from its
        grammatical subject when that is an event a name marks ("The
        Harwick campaign has spent heavily": "Harwick campaign"), or the
        bare event ("the poll", "the new poll") the article last named
        before it ("A Civic Post poll … The poll found": "Civic Post poll"),
        or one no name marks, by its own words (:func:`_common_event_name`:
        "The tax plan would hurt renters": "tax plan"; "The debate settled
        little": "debate"; a plural, "the caucuses", may stand for
        several); else None. A quantity stands for what it counts ("40 of
        Calder's emails were classified", "released 900 pages of Calder's
        emails"); in a release claim (``released``) what is released, the
        predicate's object, is what the claim is about too ("the ministry
        released Calder's emails")."""
        doc = claim.doc
        head = doc[(claim_of(claim) or {}).get("head", claim.root.i)]
        deps = NOMINAL_SUBJECT_DEPS | {DIRECT_OBJECT_DEP} if released else NOMINAL_SUBJECT_DEPS
        for noun in head.children:
            if noun.dep_ not in deps:
                continue
            noun = self._counted(noun)
            if noun.pos_ != NOUN_POS:
                continue
            rule = self._match("event_noun", noun)
            if rule is None:
                continue
            name = _event_name(noun)
            # "the caucuses", "the debates": a plural may stand for several, not the one named before
            if name is None and noun.tag_ == SINGULAR_NOUN_TAG and any(c.lower_ == DEFINITE_ARTICLE for c in noun.lefts) and all(
                c.lower_ == DEFINITE_ARTICLE or (c.pos_ == ADJECTIVE_POS and not c.ent_type_) for c in noun.lefts
            ):
                name = next((named for token, named in reversed(events) if token.i < noun.i and token.lower_ == noun.lower_), None)
            if name is None and noun.tag_ == SINGULAR_NOUN_TAG and any(c.lower_ == DEFINITE_ARTICLE for c in noun.lefts) and all(
                c.lower_ == DEFINITE_ARTICLE or (c.pos_ in (ADJECTIVE_POS, NOUN_POS) and not c.ent_type_) for c in noun.lefts
            ):
                name = _common_event_name(noun)
            if name is None:
                continue
            _note(noun, rule)
            return {"name": name, "start": noun.left_edge.idx, "end": noun.idx + len(noun.text)}
        return None

    def _team_event(self, claim: Span, person: str, holder: str) -> dict | None:
        """RETURNS (dict | None): the campaign a crew claim's ``person`` holds
        a post on, when the role names it (an ``event_noun`` compounded onto
        the role: "her campaign manager, Tom Reyes", "Calder campaign chairman
        Ann Lowe", "hired Ann Lowe as her campaign chairman"), by its owner's
        last name as news names a campaign ("Calder campaign"); "her" or "his"
        is the claim's subject, ``holder``. Else None."""
        last = person.split()[-1]
        for token in span_tokens(claim):
            if token.text != last or token.ent_type_ != "PERSON":
                continue
            roles = [c for c in token.children if c.dep_ in (COMPOUND_DEP, APPOSITION_DEP) and c.pos_ == NOUN_POS]
            if token.dep_ == APPOSITION_DEP:
                roles.append(token.head)
            roles += [g for c in token.head.children if c.dep_ == PREPOSITION_DEP and c.lower_ == "as" for g in c.children if g.pos_ == NOUN_POS]
            for role in roles:
                event = next((c for c in role.children if c.dep_ == COMPOUND_DEP and c.i < role.i and c.pos_ == NOUN_POS), None)
                rule = self._match("event_noun", event) if event is not None else None
                if rule is None:
                    continue
                owners = [c for c in role.children if c.i < event.i and (c.dep_ == POSSESSOR_DEP or c.pos_ == PROPER_NOUN_POS)]
                if not owners:
                    continue
                owner = owners[-1]
                if owner.pos_ == PRONOUN_POS:
                    name = holder if owner.lower_ in ("his", "her") else ""
                else:
                    name = re.sub(r"['’]s$", "", owner.text)
                if not name or not name.split()[-1][:1].isupper():
                    continue
                _note(event, rule)
                return {"name": f"{name.split()[-1]} {event.text}", "start": owner.idx, "end": event.idx + len(event.text)}
        return None

    def _counted(self, noun: Token) -> Token:
        """RETURNS (Token): what a quantity counts ("40 of the emails", "900
        pages of the emails": "emails", an ``attribute_counted`` rule), else the noun itself."""
        if not (noun.like_num or noun.ent_type_ in NUMERIC_LABELS or any(c.dep_ == NUMBER_MODIFIER_DEP for c in noun.children)):
            return noun
        for prep in noun.children:
            for counted in prep.children:
                rule = self._match("attribute_counted", counted)
                if rule is not None:
                    _note(counted, rule)
                    return counted
        return noun

    def _takes_topic(self, head: Token, giver: Token, topic: str) -> bool:
        """RETURNS (bool): whether a claim with no topic word, headed by
        ``head``, takes ``topic`` from the claim of its sentence headed by
        ``giver``: not from a clause below its own (a ``governed_clause``
        rule: what a frame reports, a relative or adverbial clause: "she
        told reporters" is not about what the quote launches), and, as a
        relative or participial clause (a ``relative_clause`` rule), only
        when the noun it hangs on is a word of that topic ("the deliveries,
        which were promised for May, will slip"; not "the group, which was
        founded in 2009, launched an ad")."""
        if giver.i != head.i and head in giver.ancestors:
            below = next((t for t in (giver, *giver.ancestors) if t.head.i == head.i), giver)
            rule = self._match("governed_clause", below)
            if rule is not None:
                _note(head, rule)
                return False
        rule = self._match("relative_clause", head)
        if rule is not None and self._topic_word(head.head) != topic:
            _note(head, rule)
            return False
        return True

    def _party_objects(self, claim: Span, words: list[int]) -> bool:
        """RETURNS (bool): whether the slot's verbs among ``words`` take no
        direct object, or one that is a party: a named person or body, a
        pronoun, a role an agent slot names ("support the nominee"); not a
        thing ("support the spending cuts", "meet demand")."""
        doc = claim.doc
        for i in words:
            # an ``act_object`` rule: the direct object of a verb
            for obj in doc[i].children:
                act = self._match("act_object", obj)
                if act is None or _hyphen_piece(obj):
                    # ("the re-election of Kerr": the parser may take each
                    # piece of a hyphenated word for an object; the last speaks)
                    continue
                # "support Kerr's campaign": what a person owns stands for
                # them (a ``party_owner`` rule; not "support the firm's new service")
                party = self._match("party_object", obj)
                owner = None if party is not None else next(
                    ((c, rule) for c in obj.children if (rule := self._match("party_owner", c)) is not None), None
                )
                if party is None and owner is None:
                    # "backed the nomination of Kerr": the person named after
                    # the object's preposition (``owner_preposition`` and
                    # ``preposition_owner`` rules)
                    held = next(
                        (
                            ((c, how), (g, rule)) for c in obj.children if (how := self._match("owner_preposition", c)) is not None
                            for g in c.children if (rule := self._match("preposition_owner", g)) is not None
                        ),
                        None,
                    )
                    if held is not None:
                        _note(*held[0])
                        owner = held[1]
                if party is None and owner is None:
                    return False
                _note(obj, act)
                if party is not None:
                    _note(obj, party)
                else:
                    _note(*owner)
        return True

    def _record(self, claim: Span, info: dict, aliases: dict[str, str]) -> None:
        """Record the ``topics.jsonl`` rules behind a claim's topic and key:
        its words of the chosen topic (and the one that gave the key), a cast
        verb that made it a cast claim, an announcement word that made a
        release claim's key, and the codename, naming and identity words that
        tied it to a codename."""
        doc = claim.doc
        if not records_rules(doc):
            return
        ids = self.rule_ids
        topic, key = info.get("topic"), info.get("key")
        head_i = (claim_of(claim) or {}).get("head", claim.root.i)
        for t in span_tokens(claim):
            words = (t.lemma_.lower(), t.lower_)
            hits = []
            if self._topic_word(t) == topic:
                hits += [(topic, w) for w in words if (topic, w) in ids][:1]
            if topic in self.topic_keys and key != self.topic_keys[topic]:
                hits += [("announcement", w) for w in words if self.announce_words.get(w) == (topic, key)][:1]
            elif topic in self.topic_keys and t.i == head_i:
                hits += [("topic_key", topic)]
            if topic == "cast" and t.i == head_i:
                hits += [("cast_verb", w) for w in words if ("cast_verb", w) in ids][:1]
            if aliases and key in aliases and t.i == head_i:
                hits += [("identity", w) for w in words if ("identity", w) in ids][:1]
            for kind, phrase in self._phrases_from(t) if aliases else ():
                if _phrase_at(doc, t.i, phrase):
                    hits.append((kind, " ".join(phrase).replace(" - ", "-")))
            for hit in hits:
                if hit in ids:
                    record_rule(doc, ids[hit], t.idx, t.idx + len(t.text))

    @staticmethod
    def _object_in_title(doc: Doc, title: str, at: int) -> bool:
        """RETURNS (bool): whether the title name at ``at`` is the object of
        the title's verb ("Lumora+ renews The Glass Meridian", "Rheinfeld raise
        Marević offer"): after a lower-case word that is not a function word.
        The one who acts in a headline is rarely the one the story follows."""
        before = title[:at].split()
        if not before:
            return False
        word = before[-1]
        return word.isalpha() and word.islower() and not doc.vocab[word].is_stop

    def codenames(self, doc: Doc, main: str, text: str | None = None) -> dict[str, str]:
        """Names the article gives as codenames or working names, each taken
        for the main subject: "HLX, the internal codename …", "the codename
        HLX", "a project called HLX", "codenamed HLX", and a name the article
        says is or is not the main subject ("K-7 is not the new console") -- a
        codename is tracked with the subject it may stand for, whichever way
        the evidence goes.

        RETURNS (dict[str, str]): codename -> the main subject.
        """
        found: list[tuple[int, int]] = []
        for token in doc_tokens(doc):
            i = token.i
            for kind, phrase in self._phrases_from(token):
                if not _phrase_at(doc, i, phrase):
                    continue
                end = i + len(phrase)
                found.append(_name_from(doc, end))
                if kind == "naming":
                    continue
                j = i - 1
                while j >= 0 and doc[j].pos_ in DESCRIBER_POS:
                    j -= 1
                if j >= 0 and doc[j].text in _APPOSITION:
                    found.append(_name_until(doc, j - 1))
                last = doc[end - 1]
                rule = self._match("codename_attribute", last)
                if rule is not None:
                    _note(last, rule)
                    found.extend(_name_of(c) for c in last.head.children if c.dep_ in SUBJECT_DEPS)
            rule = self._match("nominal_predicate", token)
            if rule is not None:
                said = [c for c in token.children if c.dep_ == ATTRIBUTE_DEP]
                if any(main in doc[c.left_edge.i : c.right_edge.i + 1].text for c in said):
                    _note(token, rule)
                    found.extend(_name_of(c) for c in token.children if c.dep_ in SUBJECT_DEPS)
        people = {e.text for e in _doc_ents(doc) if e.label_ in ("PERSON", "DATE", "TIME", "GPE")}
        text = doc.text if text is None else text
        aliases = {}
        for start, end in found:
            name = text[start:end].strip()
            if len(name) < 2 or name in people or name in main or main in name:
                continue
            aliases[name] = main
        return aliases

    def _phrases_from(self, token: Token) -> list[tuple[str, tuple[str, ...]]]:
        """RETURNS (list): the codename and naming phrases whose first word ``token`` is."""
        found = self.first_words.get(token.lower_)
        lemma = self.first_words.get(token.lemma_.lower())
        if lemma and lemma is not found:
            return (found or []) + lemma
        return found or []

    def identity_of(self, claim: Span, alias_at: list[tuple[int, int, str]]) -> str | None:
        """The codename whose identity a claim is about -- "K-7 is not the new
        console", "the codename may refer to the sequel", "HLX, the internal codename
        that dataminers tied to …" -- else None."""
        head = claim.doc[(claim_of(claim) or {}).get("head", claim.root.i)]
        described = any(
            kind == "codename" and t.i + len(p) <= claim.end and _phrase_at(claim.doc, t.i, p)
            for t in span_tokens(claim)
            for kind, p in self._phrases_from(t)
        )
        named = [name for start, _, name in alias_at if claim.start_char <= start < claim.end_char]
        if not named and not described:
            return None
        nominal = self._match("nominal_predicate", head) is not None
        if not (described or nominal or head.lemma_.lower() in self.identity_words):
            return None
        if named:
            return named[0]
        before = [name for start, _, name in alias_at if start < claim.start_char]
        return before[-1] if before else alias_at[0][2]

    def subject(
        self,
        claim: Span,
        main: str | None,
        ents: list[Span],
        alias_at: Sequence[tuple[int, int, str]] = (),
        topic: str | None = None,
    ) -> dict[str, object]:
        """The claim's subject: the main subject where the claim names it (or
        one of its codenames) or names nothing else; a work or product that
        is the claim's grammatical subject otherwise, or an organisation
        that is, in a business claim. An organisation that acts in any other
        claim ("HBO has not announced a date", "Valve has nothing to
        announce") is the maker of the subject, not the subject."""
        if main:
            at = span_text(claim).find(main)
            if at >= 0:
                begin = claim.start_char + at
                # "Harwick Rovers have accepted …" in an article titled on
                # "Harwick": the claim writes the fuller name, when every
                # time it names the subject it is the start of a longer one
                fuller = _fuller_names(claim, ents, main)
                if fuller is not None:
                    return {"name": fuller.text, "start": fuller.start_char, "end": fuller.end_char}
                return {"name": main, "start": begin, "end": begin + len(main)}
            for start, end, _ in alias_at:
                if claim.start_char <= start and end <= claim.end_char:
                    return {"name": main, "start": start, "end": end}
        subjects = {t.i for t in span_tokens(claim) if t.dep_ in SUBJECT_DEPS}
        # "Brenwick, which has been hit hard, | has asked for aid": a claim that
        # starts after a relative clause interrupting its subject still has it
        head = claim.doc[(claim_of(claim) or {}).get("head", claim.root.i)]
        outside = {c.i for c in head.children if c.dep_ in SUBJECT_DEPS and not claim.start <= c.i < claim.end}
        if outside:
            subjects |= outside
            ents = [*ents, *(e for e in _doc_ents(claim.doc) if any(e.start <= i < e.end for i in outside) and e not in ents)]
        # "the carmaker Brenwick, which …, has asked": the name in apposition
        # to the subject is the subject
        subjects |= {c.i for i in list(subjects) for c in claim.doc[i].children if c.dep_ == APPOSITION_DEP}
        if main:
            short = _short_mention(claim, main)
            if short is not None:
                return {"name": main, "start": short[0], "end": short[1]}
        # "The Courier reports that Harwick will sell": the source is who
        # tells, not what is told of; a name of the claim's source is its
        # subject only when the clause it tells names none of its own
        # ("Brenwick said it would close two plants")
        source = (claim_of(claim) or {}).get("attribution") or {}
        if source.get("start") is not None:
            ents = sorted(ents, key=lambda e: source["start"] <= e.start_char < source["end"])
        for ent in ents:
            # "the sequel to Alita: Battle Angel" is not about the first film
            after_preposition = ent.start > 0 and claim.doc[ent.start - 1].pos_ == ADPOSITION_POS
            if after_preposition:
                continue
            if ent.label_ == "ORG" and topic != "business" and not _other_party(ent, claim, main, subjects):
                continue
            # "Naming: …": a heading word the body also writes in lower case is a word, not a name
            if len(ent) == 1 and ent.text.isalpha() and _in_body(ent.text.lower(), doc_text(claim.doc)):
                continue
            if ent.label_ in SUBJECT_LABELS and any(ent.start <= i < ent.end for i in subjects):
                return {"name": ent.text, "start": ent.start_char, "end": ent.end_char}
        if main:
            sibling = _numbered_name(claim, subjects, main, self.part_words)
            if sibling is not None:
                return {"name": _char_text(claim, *sibling), "start": sibling[0], "end": sibling[1]}
        return {"name": main or "", "start": None, "end": None}

    def slot(self, claim: Span, topic: str | None = None) -> tuple[float, SlotRule] | None:
        """The slot (``slots.jsonl``) whose words stand nearest the claim's
        predicate, of ``topic`` when given (see :meth:`_slot_hits`). Ties go
        to the longer phrase, then the earlier word.

        RETURNS (tuple[float, SlotRule] | None): the weight and the slot, or None.
        """
        return _best_slot(self._slot_hits(claim), topic)

    def _slot_hits(self, claim: Span) -> list[tuple[int, float, int, SlotRule]]:
        """Every slot word of the claim, weighed by where it stands: the
        predicate itself 3, its object or complement 2, its subject 1.5, any
        other word of the clause 1; the speaker's words ("the chief executive
        said") do not count.

        RETURNS (list[tuple[int, float, int, SlotRule]]): (token index, weight, phrase length, slot) in text order.
        """
        if not self.slot_words:
            return []
        info = claim_of(claim) or {}
        doc = claim.doc
        head_i = info.get("head", claim.root.i)
        source = info.get("attribution") or {}
        hits: list[tuple[int, float, int, SlotRule]] = []
        for token in span_tokens(claim):
            if source and source["start"] <= token.idx < source["end"]:
                continue
            candidates = self.slot_words.get(token.lower_, []) + (
                self.slot_words.get(token.lemma_.lower(), []) if token.lemma_.lower() != token.lower_ else []
            )
            for phrase, slot in candidates:
                if token.i + len(phrase) > claim.end or not _phrase_at(doc, token.i, phrase):
                    continue
                if slot.pos and token.pos_ not in slot.pos:
                    continue
                if slot.heads and _governor(token).lemma_.lower() not in slot.heads and (
                    token.dep_ not in NOUN_PHRASE_MODIFIER_DEPS or _modified_noun(token).lemma_.lower() not in slot.heads
                ):
                    continue
                if slot.except_in and _in_expression(token, slot.except_in):
                    continue
                if slot.not_objects and self._sense_object(token, frozenset(slot.not_objects)):
                    continue  # "delivered a speech": a talk given, no delivery
                if slot.not_person_patient and self._person_patient(token):
                    continue  # "will replace the senator": a seat, no deal
                if slot.near and not any(
                    t.lemma_.lower() in slot.near for t in doc[head_i].subtree if claim.start <= t.i < claim.end
                ):
                    continue
                words = range(token.i, token.i + len(phrase))
                last = doc[words[-1]]
                kind = self._match("kind_compound", last) if slot.topic == "other" and last.head.i not in words else None
                if kind is not None and not any(
                    len(p) == 1 for p, _ in self.slot_words.get(last.head.lower_, [])
                    + self.slot_words.get(last.head.lemma_.lower(), [])
                ):
                    # "panel supply", "chip shortage", "display maker": an
                    # attribute's noun before another noun (a ``kind_compound``
                    # rule) names a kind of that one (supply, a shortage, a
                    # firm), not the attribute
                    _note(last, kind)
                    continue
                if head_i in words:
                    weight = 3.0
                elif any(doc[i].head.i == head_i and doc[i].dep_ not in SUBJECT_DEPS for i in words):
                    weight = 2.0
                elif any(doc[i].head.i == head_i for i in words):
                    # "Filming will start", but "the fund will own a stake"
                    weight = 1.5
                else:
                    weight = 1.0
                if slot.article_words and not self._article_writes(doc, slot):
                    continue  # "the Lions won in Leeds": no story of elections
                if slot.outcome and _outcome_place(token) is None:
                    continue  # "won the contract": an outcome is a contest's only with a place
                if slot.placed and not slot.outcome and weight < 1.5 and _place_of(last) is None and _predicate_place(last) is None:
                    # "carried by Vale in February's primary": a contest named
                    # in passing, neither the predicate's own nor a place's, is
                    # no fact of the claim
                    continue
                hits.append((token.i, weight, len(phrase), slot))
        if len(hits) > 1:
            # a clause hung on a slot's noun tells of that fact ("a $2
            # billion contract to supply 40 boats at a rate of four a year"
            # is the contract's, not a production rate): its own slot words
            # do not vote against it
            clauses = [(c, rule) for i, _, _, _ in hits for c in doc[i].children if (rule := self._match("slot_clause", c)) is not None]
            held = {t.i for c, _ in clauses for t in c.subtree}
            kept = [hit for hit in hits if hit[0] not in held]
            if len(kept) < len(hits):
                for c, rule in clauses:
                    _note(c, rule)
            hits = kept
        # "the bankruptcy process would take 60 days": a slot word that only
        # modifies the noun of a slot that counts under its heads (or near
        # its words) names that slot's fact, not its own (the length of the
        # bankruptcy, not the bankruptcy)
        narrow = {i for i, _, _, slot in hits if slot.heads or slot.near}
        if narrow:
            hits = [
                hit for hit in hits
                if hit[3].heads or hit[3].near or not (
                    doc[hit[0] + hit[2] - 1].dep_ in NOUN_PHRASE_MODIFIER_DEPS and doc[hit[0] + hit[2] - 1].head.i in narrow
                )
            ]
        weak = [hit for hit in hits if hit[3].fallback]
        if weak and (len(weak) < len(hits) or self._names_topic(claim, weak)):
            # "the reshoots are planned for May": a ``fallback`` slot ("planned
            # for") speaks only where no other slot word or topic word does
            hits = [hit for hit in hits if not hit[3].fallback]
        return hits

    def _article_writes(self, doc: Doc, slot: SlotRule) -> bool:
        """RETURNS (bool): whether the article writes one of a slot's ``article_words``."""
        found = self._article_found.get(slot.id)
        if found is None or found[0] is not doc:
            pattern = r"\b(?:" + "|".join(re.escape(w) for w in slot.article_words) + r")\b"
            found = self._article_found[slot.id] = (doc, re.search(pattern, model_text(doc), re.IGNORECASE) is not None)
        return found[1]

    def _contest_key(self, doc: Doc, place: str, key: str) -> str:
        """RETURNS (str): the key of the contest the article names with a place
        ("the Iowa caucuses", "the caucuses in Iowa": "caucuses"), else ``key``."""
        at = re.escape(place)
        for slot in self.contest_slots:
            words = "|".join(re.escape(w) for w in slot.words)
            if re.search(rf"\b{at}(?:['’]s)?\s+(?:\w+\s+)?(?:{words})\b|\b(?:{words})\s+(?:of|in)\s+{at}\b", model_text(doc), re.IGNORECASE):
                return slot.key
        return key

    def _dating_rules(self, head: Token) -> list[tuple[Token, ScopeRule]]:
        """RETURNS (list): the clauses that date a predicate from after it
        (``time_adjunct`` rules: "… after the merger was announced"), each with its rule."""
        return [(c, rule) for c in head.children if (rule := self._match("time_adjunct", c)) is not None]

    def _names_topic(self, claim: Span, hits: Sequence[tuple[int, float, int, SlotRule]]) -> bool:
        """RETURNS (bool): whether a word of ``claim`` outside ``hits`` and
        outside its speaker's words is a topic word (not one of a proper name)."""
        source = (claim_of(claim) or {}).get("attribution") or {}
        held = {i for start, _, length, _ in hits for i in range(start, start + length)}
        return any(
            self._topic_word(token) is not None and self._match("name_word", token) is None
            for token in span_tokens(claim)
            if token.i not in held and not (source and source["start"] <= token.idx < source["end"])
        )

    def topic(
        self,
        claim: Span,
        ents: list[Span],
        slot_hits: Sequence[tuple[int, float, int, SlotRule]] | None = None,
        votes: list[tuple[str, str, float]] | None = None,
        characters: frozenset[str] = frozenset(),
    ) -> str | None:
        """RETURNS (str | None): the topic whose words the claim uses most, or None.

        A claim whose subject is one of ``characters`` (or what one of them
        owns: "the hero's journey") votes for ``plot`` as its predicate would.

        A slot word (``slot_hits``, from :meth:`_slot_hits`) counts for its
        slot's topic as a topic word in its place would, but at half that as
        the predicate itself: a verb ("order", "cost") is a common word, a
        noun that names a fact is not. On a word that is
        also a topic word the topic word counts, unless the slot matched
        more than the word itself (a phrase, or the verb it hangs on:
        "close a plant" is about closures, "a plant" about production).

        votes (list | None): when given, every vote is appended to it as
        (topic, rule id, weight), for the audit of what each rule decides.
        """
        counts = self.topic_votes(claim, ents, slot_hits, votes)
        if characters:
            self._character_votes(claim, counts, characters, votes if votes is not None else [])
        return _most_voted(counts)

    def topic_votes(
        self,
        claim: Span,
        ents: list[Span],
        slot_hits: Sequence[tuple[int, float, int, SlotRule]] | None = None,
        votes: list[tuple[str, str, float]] | None = None,
    ) -> Counter[str]:
        """RETURNS (Counter[str]): the votes of :meth:`topic` for each topic, those for ``characters`` aside
        (:meth:`_character_votes` adds them: the characters are known only once every claim has its topic)."""
        counts: Counter[str] = Counter()
        log = votes if votes is not None else []
        info = claim_of(claim) or {}
        head_i = info.get("head", claim.root.i)
        in_subject = {
            t.i for c in claim.doc[head_i].children if c.dep_ in SUBJECT_DEPS for t in c.subtree
        }
        # the noun that is the subject of a passive is what the verb is done
        # to ("4,000 production jobs in Finland will be cut" cuts jobs): it and its
        # compounds weigh as an object, the rest of its phrase as a subject
        # (``passive_subject`` and ``passive_compound`` rules)
        for c in claim.doc[head_i].children:
            passive = self._match("passive_subject", c)
            if passive is None:
                continue
            _note(c, passive)
            in_subject.discard(c.i)
            for m in c.children:
                compound = self._match("passive_compound", m)
                if compound is not None:
                    _note(m, compound)
                    in_subject.discard(m.i)
        # an adjunct that sets the scene before the clause ("As part of the
        # restructuring, …") says as little of what the claim is about as its subject
        for child in claim.doc[head_i].children:
            scene = self._match("scene_setting", child)
            if scene is not None:
                _note(child, scene)
                in_subject.update(t.i for t in child.subtree)
        source = info.get("attribution") or {}
        slot_hits = self._slot_hits(claim) if slot_hits is None else slot_hits
        # the tokens a slot matched by more than one word (a phrase, or a head verb)
        specific = {i for i, _, length, slot in slot_hits if length > 1 or slot.heads or slot.near}
        named = self._named_fact(claim, head_i, slot_hits)
        voted: set[int] = set()
        for i, _, length, slot in sorted(slot_hits, key=lambda h: (-h[2] - bool(h[3].heads or h[3].near), h[0])):
            if i in voted or (i not in specific and self._topic_word(claim.doc[i])):
                continue
            name = self._match("name_word", claim.doc[i])
            if name is not None:
                # "a rally at the Old Market Hall", "the Charter
                # of Rights": a word of a proper name names the thing, not a
                # topic (a ``name_word`` rule)
                _note(claim.doc[i], name)
                continue
            if i not in specific and self._declined(claim.doc[i], slot.topic):
                # "the model will offer more range", "she offered her
                # thoughts": a topic word whose rule declines this use of it
                # (its part of speech, a particle, a fixed expression) does
                # not name that topic as a slot word either
                continue
            voted.add(i)
            token = claim.doc[i]
            if i in named:
                counts[slot.topic] += 2
                log.append((slot.topic, slot.id, 2))
                continue
            place = 3 if i == head_i else 0.5 if i in in_subject else 2 if token.head.i == head_i else 1
            # a slot verb at the predicate ("order", "fly", "cost") is a
            # common word; the noun that names a fact says more
            weight = place / 2 if i == head_i and i not in specific else place
            counts[slot.topic] += weight
            log.append((slot.topic, slot.id, weight))
        for token in span_tokens(claim):
            # who says it ("chief executive Mina Cho said …") is not what it
            # is about, unless the claim is about them ("actor Mike Shapiro
            # has denied recording …")
            if source and source["start"] <= token.idx < source["end"] and token.i not in in_subject:
                continue
            topic = self._topic_word(token)
            if topic and (token.i in specific or (named and token.i in named["verbs"])):
                continue
            if topic and (name := self._match("name_word", token)) is not None:
                _note(token, name)
                continue
            if topic:
                # the predicate and its complements say what the claim is
                # about; the subject's words ("the sequel") say less
                weight = 3 if token.i == head_i else 0.5 if token.i in in_subject else 2 if token.head.i == head_i else 1
                counts[topic] += weight
                log.append((topic, self._word_rule(token, topic), weight))
        # "Waltz as Ido": a person as a role (not "X, the chief executive,
        # described the plan as …")
        doc = claim.doc
        role_as = next(((t, rule) for t in span_tokens(claim) if (rule := self._match("role_as", t)) is not None), None)
        person_as = next(
            (
                (doc[e.end], rule)
                for e in ents
                if e.label_ == "PERSON" and e.end < len(doc) and (rule := self._match("person_as", doc[e.end])) is not None
            ),
            None,
        )
        if person_as is not None or role_as is not None:
            for found in (person_as, role_as):
                if found is not None:
                    _note(*found)
            if role_as is not None:
                role = role_as[0].head
                record_rule(doc, self.rule_ids[("role_noun", role.lemma_.lower())], role.idx, role.idx + len(role))
            counts["cast"] += 2
            log.append(("cast", "role_as/person_as", 2))
        # "Kunin was governor of Vermont", "served as ambassador to Japan",
        # "has served on the board since 2019": a post a person holds, said
        # of them by the predicate (an ``office_predicate`` rule, on the
        # predicate, a word hung on it or one hung on its "as"), is a crew
        # fact, as a crew word that is the predicate would make it
        office = next(
            (
                (t, rule) for t in span_tokens(claim)
                if (t.i == head_i or t.head.i == head_i or t.head.head.i == head_i)
                and not (source and source["start"] <= t.idx < source["end"])
                and (rule := self._match("office_predicate", t)) is not None
            ),
            None,
        )
        if office is not None:
            word, rule = office
            _note(word, rule)
            noun = self.rule_ids.get(("office_noun", word.lemma_.lower()))
            if noun is not None:
                record_rule(doc, noun, word.idx, word.idx + len(word))
            counts["crew"] += _PREDICATE_WEIGHT
            log.append(("crew", rule.id, _PREDICATE_WEIGHT))
        # "actor Jane Roe will appear in the campaign": a person who appears,
        # stars or returns is cast
        head = claim.doc[head_i]
        # (not where its own rule turns the word down: "voiced concern", "plays to the crowd")
        # (nor as a verb that takes a complement its rule names: "appears to be", "appears likely")
        if head.lemma_.lower() in self.cast_verbs and not self._declined(head, "cast") and not self._raising_cast_verb(head) and any(
            e.label_ == "PERSON" and any(e.start <= i < e.end for i in in_subject) for e in ents
        ):
            counts["cast"] += 3
            log.append(("cast", self.rule_ids.get(("cast_verb", head.lemma_.lower()), "cast_verb"), 3))
        # "Composer Ansel Marr will not return", "the showrunner joins the
        # new series": one who returns, joins or leaves does so in their
        # role; a crew role in the subject, and no cast word beside the
        # verb, makes it a crew fact
        if counts.get("cast") and (self._topic_word(head) == "cast" or head.lemma_.lower() in self.cast_verbs):
            subject = {t.i for c in head.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
            crew_role = any(self._topic_word(doc[i]) == "crew" for i in subject)
            cast_word = any(
                t.i != head_i and self._topic_word(t) == "cast" for t in span_tokens(claim)
            ) or person_as is not None or role_as is not None or any(
                self._match("person_as", c) is not None for c in head.children
            )
            if crew_role and not cast_word:
                counts["crew"] += counts.pop("cast")
                log.append(("crew", "crew-role-returns", counts["crew"]))
        return counts

    def _character_votes(
        self, claim: Span, counts: Counter[str], characters: frozenset[str], log: list[tuple[str, str, float]]
    ) -> Counter[str]:
        """Add to ``counts`` (and return it) the votes for ``plot`` of a claim whose subject is one of
        ``characters``, or what one of them owns."""
        doc = claim.doc
        head = doc[(claim_of(claim) or {}).get("head", claim.root.i)]
        if characters:
            for child in head.children:
                # "Alita's star" is the actor who plays her, not the story
                if child.dep_ not in SUBJECT_DEPS or self._topic_word(child) == "cast":
                    continue
                # the subject, or its owner (a ``character_owner`` rule), as a
                # proper name (a ``character_mention`` rule)
                owners = [(c, rule) for c in child.children if (rule := self._match("character_owner", c)) is not None]
                for name, owner in ((child, None), *owners):
                    mention = self._match("character_mention", name)
                    start, end = _name_from(doc, _name_start(name)) if mention is not None else (0, 0)
                    if start != end and doc_text(doc)[start:end] in characters:
                        _note(name, mention)
                        if owner is not None:
                            _note(name, owner)
                        counts["plot"] += 3
                        log.append(("plot", mention.id, 3))
                        break
        return counts

    def _named_fact(self, claim: Span, head_i: int, slot_hits: Sequence[tuple[int, float, int, SlotRule]]) -> dict:
        """The slot words that name what the predicate is about: in its
        (last) direct object ("signed a contract", "will drop 600 dealers";
        not an attribute: "will produce batteries") or after its "with" ("comes with a keyboard", "ships with 24GB of
        memory"). The predicate then says what happens to that fact, and its
        own topic word does not count.

        RETURNS (dict): token index -> True for those slot words, and "verbs"
            -> the predicate's verbs, when there are any; else empty."""
        doc = claim.doc
        head = doc[head_i]
        # the predicate and the verbs it takes (``fact_verb`` rules: "plans *to sign* a deal")
        verbs = [head, *(c for c in head.children if self._match("fact_verb", c) is not None)]
        objects: list[Token] = []
        withs: list[Token] = []
        for verb in verbs:
            # the last object (a ``fact_object`` rule): "join the panel show" is not about a panel
            objects += [c for c in verb.children if self._match("fact_object", c) is not None][-1:]
            withs += [c for c in verb.children if self._match("with_attribute", c) is not None]
        in_object = {t.i for top in objects for t in top.subtree}
        in_with = {t.i for top in withs for t in top.subtree}
        # an attribute (topic "other") is named after "with"; as an object
        # it is a thing made or sold ("will produce batteries")
        found: dict = {
            i: True for i, _, _, slot in slot_hits if i in in_with or (i in in_object and slot.topic != "other")
        }
        if found:
            found["verbs"] = {v.i for v in verbs}
            for top in objects:
                rule = self._match("fact_object", top)
                if rule is not None and any(t.i in found for t in top.subtree):
                    _note(top, rule)
                    if top.head.i != head.i:
                        _note(top.head, self._match("fact_verb", top.head))
            for top in withs:
                rule = self._match("with_attribute", top)
                if rule is not None and any(t.i in found for t in top.subtree):
                    _note(top, rule)
        return found

    def characters(self, claims: Sequence[Span], topics: Sequence[str | None]) -> frozenset[str]:
        """RETURNS (frozenset[str]): the characters the article's cast claims
        give a part to: the name after "as" that follows a person, a role or
        a cast verb ("Mara Quill as Captain Vos", "her role as Vos", "returns
        as Vos"), whole, by its last word and, of a name of two words, by
        its first ("Captain Ilse Vos", "Vos"; "Kira Vance", "Kira")."""
        found: set[str] = set()
        for claim, topic in zip(claims, topics):
            if topic != "cast":
                continue
            doc = claim.doc
            for token in span_tokens(claim):
                if token.i + 1 >= claim.end or self._match("role_as", token) is None and (
                    self._match("person_as", token) is None
                    # "will return as Captain Vos", "joins as Kade": "as" on a cast word
                    or not (
                        (token.i > 0 and doc[token.i - 1].ent_type_ == "PERSON")
                        or self._topic_word(token.head) == "cast"
                        or token.head.lemma_.lower() in self.cast_verbs
                    )
                ):
                    continue
                start, end = _name_from(doc, token.i + 1)
                if start == end:
                    continue
                name = _char_text(claim, start, min(end, claim.end_char))
                words = [w for w in name.split() if w[:1].isupper()]
                # "Kira Vance" is also "Kira"; "Captain Ilse Vos" is "Vos", not "Captain"
                first = words[:1] if len(words) == 2 and not words[0].endswith(".") else []
                found.update({name, *first, *words[-1:]})
        return frozenset(found)

    def _names_other_topic(self, verb: Token, topic: str) -> bool:
        """RETURNS (bool): whether the object of ``verb`` (or the subject of
        its passive: what it is done to, "prices have yet to be announced")
        holds, as its head or a word compounded onto it, a word of a topic
        other than ``topic``; the work itself ("announce the sequel") is no
        other fact."""
        # its object or the subject of its passive (a ``reported_object`` rule)
        children = [(c, rule) for c in verb.children if (rule := self._match("reported_object", c)) is not None]
        passive = self._match("passive_infinitive", verb)
        if passive is not None:
            # "prices have yet to be announced": the subject of the verb the
            # passive hangs on (a ``raised_subject`` rule)
            children += [(c, rule) for c in verb.head.children if (rule := self._match("raised_subject", c)) is not None]
        for child, rule in children:
            if child.tag_ in RELATIVE_PRONOUN_TAGS and verb.dep_ == RELATIVE_CLAUSE_DEP:
                # "a merger which their boards will announce": the pronoun
                # stands for the noun its clause hangs on
                child = verb.head
            compounds = [(c, r) for c in child.children if (r := self._match("reported_compound", c)) is not None]
            for t, how in ((child, None), *compounds):
                if t.lemma_.lower() in self.word_reporting:
                    continue
                other = self._topic_word(t)
                if other is not None and other not in (topic, "franchise"):
                    _note(child, rule)
                    if how is not None:
                        _note(t, how)
                    if passive is not None and child.head.i != verb.i:
                        _note(verb, passive)
                    return True
        return False

    def _person_patient(self, verb: Token) -> bool:
        """RETURNS (bool): whether ``verb``, as a verb, is done to a person:
        a child a ``person_patient`` rule matches (a person's name as its
        object or as the subject of its passive), which is recorded."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        # verbs joined by "and" share the object after them ("shot and wounded Kerr")
        verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        for child in (c for v in verbs for c in v.children):
            rule = self._match("person_patient", child)
            if rule is not None:
                _note(child, rule)
                return True
        return False

    def _person_agent(self, verb: Token) -> bool:
        """RETURNS (bool): whether ``verb``, as a verb, is done by a person or
        a group of people: a child a ``person_agent`` rule matches (its
        subject), which is recorded."""
        return verb.pos_ in ("VERB", "AUX") and self._noted_child(verb, "person_agent")

    def _noted_child(self, token: Token, role: str) -> bool:
        """RETURNS (bool): whether a child of ``token`` matches a topic rule of
        ``role`` (``scope.jsonl``), the first of which is recorded."""
        for child in token.children:
            rule = self._match(role, child)
            if rule is not None:
                _note(child, rule)
                return True
        return False

    def _sense_objects(self, verb: Token) -> Iterator[tuple[Token, ScopeRule]]:
        """YIELDS (tuple[Token, ScopeRule]): what ``verb``, as a verb, is done to:
        each child a ``sense_object`` rule matches, with that rule."""
        if verb.pos_ not in ("VERB", "AUX"):
            return
        for child in verb.children:
            rule = self._match("sense_object", child)
            if rule is not None:
                yield child, rule

    def _sense_object(self, verb: Token, nouns: frozenset[str]) -> bool:
        """RETURNS (bool): whether what ``verb`` is done to is one of
        ``nouns`` (by lemma or form), which is recorded."""
        for child, rule in self._sense_objects(verb):
            if child.lemma_.lower() in nouns or child.lower_ in nouns:
                _note(child, rule)
                return True
        return False

    def _object_of(self, noun: Token, verbs: frozenset[str], keeping: frozenset[str]) -> bool:
        """RETURNS (bool): whether ``noun`` is what one of ``verbs`` (by lemma) is
        done to, as a ``sense_object`` rule finds it on the verb or as the noun a
        relative clause of the verb hangs on ("the role the court played"),
        with no preposition of ``keeping`` hung on it ("the role of the queen"),
        which is recorded."""
        if noun.pos_ not in ("NOUN", "PROPN") or any(c.lower_ in keeping for c in noun.children):
            return False
        verbs_of = [c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in verbs]
        if noun.head.lemma_.lower() in verbs:
            verbs_of.append(noun.head)
        for verb in verbs_of:
            for child, rule in self._sense_objects(verb):
                if child.i == noun.i or (verb.head.i == noun.i and child.pos_ == "PRON"):
                    _note(child, rule)
                    return True
            if verb.head.i == noun.i and not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
                return True  # "the role the court played": the clause's gap is its object
        return False

    def _other_object(self, verb: Token, nouns: frozenset[str]) -> bool:
        """RETURNS (bool): whether the first thing ``verb`` is done to is none
        of ``nouns`` (by lemma or form) nor a name of no person, which is recorded."""
        for child, rule in self._sense_objects(verb):
            if child.lemma_.lower() in nouns or child.lower_ in nouns:
                return False
            if child.pos_ == "PROPN" and child.ent_type_ != "PERSON":
                return False  # a service or a store by name (the tagger takes some for places)
            _note(child, rule)
            return True
        return False

    def _raising_cast_verb(self, verb: Token) -> bool:
        """RETURNS (bool): whether ``verb``, a cast verb, has a child of a
        dependency its rule's ``verb_without`` names (a ``topic_verb`` rule,
        which is recorded): "Kerr appears to be the favourite" says how
        things look, nobody appears anywhere."""
        without = self.cast_verb_without.get(verb.lemma_.lower())
        if not without or not any(c.dep_ in without for c in verb.children):
            return False
        rule = self._match("topic_verb", verb)
        if rule is None:
            return False
        _note(verb, rule)
        return True

    def _declined(self, token: Token, topic: str) -> bool:
        """RETURNS (bool): whether ``token`` is a word of ``topic`` in
        ``topics.jsonl`` (by form or lemma) that :meth:`_topic_word` turns
        down here."""
        return any(self.words.get(w) == topic for w in (token.lower_, token.lemma_.lower())) and not self._topic_word(token)

    def _word_rule(self, token: Token, topic: str) -> str:
        """RETURNS (str): the id of the ``topics.jsonl`` rule by which ``token`` names ``topic`` (form first, then lemma)."""
        for word in (token.lower_, token.lemma_.lower()):
            if (topic, word) in self.rule_ids:
                return self.rule_ids[(topic, word)]
        return topic

    def _topic_word(self, token: Token) -> str | None:
        """RETURNS (str | None): the topic ``token`` names, by form or lemma
        (the form first: "sales" is a business word, its lemma "sale" a
        release one), if its part of speech allows and no particle or
        preposition of its rule's ``not_with`` makes it another verb."""
        for word in (token.lower_, token.lemma_.lower()):
            topic = self.words.get(word)
            if topic is not None:
                allowed = self.word_pos.get(word)
                if allowed is not None and token.pos_ not in allowed:
                    # "roll out", "bring out": a ``topic_particle`` rule, the
                    # word as the particle of a verb its rule names
                    heads = self.word_particle_of.get(word)
                    particle = self._match("topic_particle", token) if heads and token.head.lemma_.lower() in heads else None
                    if particle is None:
                        return None
                    _note(token, particle)
                bound = self.word_not_with.get(word)
                if bound:
                    # "call *for*", "call *on*": a ``topic_bound`` rule, a
                    # particle or preposition its rule names, makes it another verb
                    for c in token.children:
                        rule = self._match("topic_bound", c) if c.lower_ in bound else None
                        if rule is not None:
                            _note(c, rule)
                            return None
                held = self.word_except.get(word)
                if held and _in_expression(token, held):
                    return None
                only = self.word_only.get(word)
                if only and not _in_expression(token, only):
                    return None  # "had little effect": no law takes effect
                if word in self.word_person_patient and self._person_patient(token):
                    return None  # "hit the senator over the vote": an attack, no release
                if word in self.word_person_agent and self._person_agent(token):
                    return None  # "the senator arrived in Dunmore": a journey, no release
                objects = self.word_not_objects.get(word)
                if objects and self._sense_object(token, objects):
                    return None  # "voiced concern": a remark, no part
                object_of = self.word_object_of.get(word)
                if object_of and self._object_of(token, *object_of):
                    return None  # "played a role in the talks": a part in events, no cast
                allowed_objects = self.word_objects.get(word)
                if allowed_objects and self._other_object(token, allowed_objects):
                    return None  # "hit a checkpoint": no shelves, no service
                verb = (
                    self._match("topic_verb", token)
                    if word in self.word_gives_name or word in self.word_verb_without or word in self.word_reporting
                    else None
                )
                if verb is not None:
                    if word in self.word_gives_name and not self._gives_name(token):
                        _note(token, verb)
                        return None  # "called for an inquiry", "has not named a chair": no name given
                    without = self.word_verb_without.get(word)
                    # a bare date the parser reads as an object ("will not open this Thanksgiving") is none
                    if without and any(c.dep_ in without and c.ent_type_ not in ("DATE", "TIME") for c in token.children):
                        _note(token, verb)
                        return None  # "will open nine stores": something opened, not a work
                if word in self.word_reporting and verb is not None:
                    # "announced it has lost $6 billion": what is said (a
                    # ``reported_clause`` rule) is the fact
                    said = next(((c, r) for c in token.children if (r := self._match("reported_clause", c)) is not None), None)
                    if said is not None:
                        _note(token, verb)
                        _note(*said)
                        return None
                    if self._names_other_topic(token, topic):
                        # "prices have yet to be announced", "announced a deal":
                        # what is made known is the fact, as what is said is
                        _note(token, verb)
                        return None
                return topic
        return None

    def _variant(self, claim: Span) -> tuple[str, str] | None:
        """The variant of the product a claim names: a variant noun
        (``topics.jsonl``, "variant_noun") after a code or a figure ("a 5G
        model", "the 1TB version"). A figure with a unit is a capacity tier,
        an attribute (``other``); a code names a model of its own, released
        or not (``release``). The key is the code and the variant noun's
        ``key`` word (one word for all: "a 4G version" and "a 4G model" are one fact).

        RETURNS (tuple[str, str] | None): (topic, key), or None."""
        if not self.variant_nouns:
            return None
        source = (claim_of(claim) or {}).get("attribution") or {}
        for token in span_tokens(claim):
            # a ``variant_head`` rule: the variant noun as a noun
            if token.lemma_.lower() not in self.variant_nouns:
                continue
            head_rule = self._match("variant_head", token)
            if head_rule is None:
                continue
            if source and source["start"] <= token.idx < source["end"]:
                continue
            # the word just before the noun, its pieces glued as written ("5G", "2TB")
            doc = claim.doc
            j = token.i - 1
            code_rule = self._match("variant_code", doc[j]) if j >= claim.start and doc[j].head.i == token.i else None
            if code_rule is None:
                continue
            first = j
            while first - 1 >= claim.start and not doc[first - 1].whitespace_ and doc[first - 1].head.i in (token.i, j):
                first -= 1
            code = doc[first : j + 1].text
            if not _VARIANT_CODE.fullmatch(code) or code.isdigit():
                continue  # "two models", "the 2025 model": a count or a year
            rule = self.rule_ids.get(("variant_noun", token.lemma_.lower()))
            if rule:
                record_rule(doc, rule, token.idx, token.idx + len(token.text))
            _note(doc[j], code_rule)
            _note(token, head_rule)
            measured = self.measure_code.fullmatch(code) if self.measure_code is not None else None
            if measured is not None:
                unit = self.measure_units[measured.group(1).lower()]
                start = doc[first].idx + measured.start(1)
                record_rule(doc, unit, start, start + len(measured.group(1)))
            topic = "other" if measured is not None else "release"
            return topic, f"{code} {self.variant_nouns[token.lemma_.lower()]}"
        return None

    def _gives_name(self, verb: Token) -> bool:
        """RETURNS (bool): whether a verb of naming gives a name: a child of
        it is a ``given_name`` rule's (a capitalised object predicate or
        apposition, "call it Orbit", "call the sequel Harbour Lights"; a
        model number, "was named the 7E7"; a proper name after a common
        noun, "named the phone Orbit", as the parser reads it); the rule is
        recorded."""
        return self._noted_child(verb, "given_name")

    def _people(self, claim: Span, ents: list[Span], main_person: bool | None = None) -> list[tuple[Span, str]]:
        """The people a claim names, in text order: its person entities,
        and a name in apposition to a role ("its chief operating officer,
        Ewan Rask"; "Ewan Rask, the group's finance chief"), whatever label
        the entity tagger gave it. Not a person: the owner of a role ("Skerra's
        chief executive" is the company's), nor a part of the name of the
        article's main subject when that is no person ("Norvel" for "Norvel
        Pad 3"); when it is one, a part of the name is that person in full.

        main_person (bool | None): whether the main subject is a person entity of the
            document, when the caller has read it once for all its claims.
        RETURNS (list[tuple[Span, str]]): each name where the claim writes it, and the name it goes by."""
        doc = claim.doc
        main = doc._.main_subject or ""
        main_words = set(main.split())
        if main_person is None:
            main_person = any(e.label_ == "PERSON" and e.text == main for e in _doc_ents(doc))
        main_person = bool(main) and main_person

        def role(token: Token) -> ScopeRule | None:
            # a noun that names a role ("boss", "chief operating officer"):
            # a ``role_title`` rule, a crew word itself or in a modifier before
            # it (a ``role_modifier`` rule)
            rule = self._match("role_title", token)
            if rule is None:
                return None
            if self._topic_word(token) == "crew":
                return rule
            for c in token.lefts:
                modifier = self._match("role_modifier", c)
                if modifier is not None and self._topic_word(c) == "crew":
                    _note(c, modifier)
                    return rule
            return None

        def of_main(name: Span) -> bool:
            return bool(main_words) and all(t.text in main_words for t in span_tokens(name))

        found: list[tuple[Span, str]] = []
        for ent in ents:
            if ent.label_ != "PERSON":
                continue
            last = doc[ent.end - 1]
            owner = self._match("role_owner", last)
            title = role(last.head) if owner is not None else None
            if title is not None:
                # "Skerra's chief executive": the role's owner is no person of the claim
                _note(last, owner)
                _note(last.head, title)
                continue
            if of_main(ent) and ent.text != main:
                if main_person:
                    found.append((ent, main))
                continue
            found.append((ent, ent.text))
        for token in span_tokens(claim):
            # a ``named_person`` rule: a proper noun the entity tagger gave no person
            named = self._match("named_person", token)
            if named is None or any(e.start <= token.i < e.end for e, _ in found):
                continue
            # a ``role_apposition`` rule: the name in apposition to a role, or the role to it
            title = None
            apposition = self._match("role_apposition", token)
            if apposition is not None:
                title = role(token.head)
                at, role_at = token, token.head
            if title is None:
                at, apposition, title = next(
                    (
                        (c, a, t) for c in token.children
                        if (a := self._match("role_apposition", c)) is not None and (t := role(c))
                    ),
                    (token, None, None),
                )
                role_at = at
            if title is None or apposition is None:
                continue
            name = doc[_name_start(token) : token.i + 1]
            if name.root.ent_type_ in ("PERSON", "ORG", "") and not of_main(name):
                _note(token, named)
                _note(at, apposition)
                _note(role_at, title)
                found.append((name, name.text))
        return sorted(found, key=lambda item: item[0].start)

    def _taken_person(self, claim: Span, people: list[tuple[Span, str]]) -> str | None:
        """RETURNS (str | None): the name of the person a verb of the claim gives,
        takes or weighs a post for (a ``person_taken`` rule: its object, or a
        name in apposition to it), among the claim's ``people``; None when none is."""
        for token in span_tokens(claim):
            rule = self._match("person_taken", token)
            appositions = [c for c in token.children if c.dep_ == APPOSITION_DEP]
            if rule is not None:
                targets = [token, *appositions]
            elif appositions and token.pos_ == NOUN_POS and self._topic_word(token) in ("cast", "crew"):
                # "Brandt's running mate, Lisa Moor, will campaign …": the name the post noun stands beside
                targets = appositions
            else:
                continue
            for person, name in people:
                if any(person.start <= t.i < person.end for t in targets):
                    if rule is not None:
                        _note(token, rule)
                    return name
        return None

    def _post_giver(self, claim: Span, person: str) -> Span | None:
        """RETURNS (Span | None): the named person or firm that gives, takes or
        weighs the post of the claim's ``person`` (the subject of a
        ``person_taken`` rule's verb: "*Brandt* picked Lisa Moor as his running
        mate"), or owns it ("*Brandt*'s running mate, Lisa Moor"); None when
        no name is either."""
        doc = claim.doc
        last = person.split()[-1]
        for token in span_tokens(claim):
            rule = self._match("person_taken", token)
            targets = [token, *(c for c in token.children if c.dep_ == APPOSITION_DEP)]
            if not any(t.text == last and t.ent_type_ == "PERSON" for t in targets):
                continue
            if rule is not None:
                verb = token.head
                givers = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
                if not givers and verb.dep_ == "xcomp":
                    # "Brandt is expected to name Lisa Moor as …": the subject it hangs on
                    givers = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
            else:
                givers = [c for c in token.children if c.dep_ == POSSESSOR_DEP]
            for giver in givers:
                # the tagger takes many a surname for an organisation ("Brandt"),
                # and a firm gives posts too ("Ridgeway named Jane Roe as …")
                ent = next((e for e in _doc_ents(doc) if e.start <= giver.i < e.end), None)
                if ent is not None and (ent.label_ not in _GIVER_LABELS or ent.root.i != giver.i):
                    continue
                if ent is None:
                    if giver.pos_ != PROPER_NOUN_POS:
                        continue
                    ent = doc[_name_start(giver) : giver.i + 1]
                if last in ent.text.split():
                    continue
                if rule is not None:
                    _note(token, rule)
                return ent
        return None

    def key(
        self, claim: Span, topic: str, ents: list[Span], last_person: str | None = None, main_person: bool | None = None
    ) -> str:
        """What the roll-up groups on within subject and topic: the person for
        cast and crew (the one who is the claim's subject first; "he" or "she"
        as subject is the speaker, else the person of the article's last cast
        or crew claim), and for ``other`` the person the claim is about, if
        any (the speaker's title does not count); for releases, the announcement (reveal, unveil, announce)
        apart from the release date; the topic's name otherwise."""
        info = claim_of(claim) or {}
        source = info.get("attribution") or {}
        head = claim.doc[info.get("head", claim.root.i)]
        subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        in_subject = {t.i for c in subjects for t in c.subtree}
        people = [
            (e, name) for e, name in self._people(claim, ents, main_person)
            if not source or not source["start"] <= e.start_char < source["end"] or e.start in in_subject
        ]
        if topic in ("cast", "crew"):
            # "Calder hired Tom Reyes as her chairman", "introduced his running
            # mate, Lisa Moor": the person given or denied the post, not the giver
            taken = self._taken_person(claim, people)
            if taken is not None:
                return taken
        if topic in ("cast", "crew", "other"):
            for person, name in people:
                if any(person.start <= s.i < person.end for s in subjects):
                    return name
            if any(s.lower_ in PERSON_SUBJECT_PRONOUNS for s in subjects):
                # "Jane Roe has denied that she …": the speaker; else the
                # person of the article's last cast or crew claim
                speaker = [
                    e.text for e in ents
                    if e.label_ == "PERSON" and source and source["start"] <= e.start_char < source["end"]
                ]
                if speaker:
                    return speaker[0]
                if last_person and topic != "other":
                    return last_person
            if people and topic != "other":
                return people[0][1]
            if topic == "other":
                # "The range is expected to be 9,000 miles": an attribute is
                # keyed by the noun the claim is about
                return _attribute(claim, head, source, self._match) or topic
            return topic
        if topic in self.topic_keys:
            # "release": "release_date", or "announcement" for a claim that
            # holds an announcement word ("will unveil the phone in May")
            for token in span_tokens(claim):
                announce = self.announce_words.get(token.lemma_.lower())
                if announce is not None and announce[0] == topic:
                    return announce[1]
            return self.topic_keys[topic]
        # "in talks to acquire" (deal), "shares rose" (shares): the word
        # nearest the predicate that names a key, else the topic
        best: tuple[int, str] | None = None
        for token in span_tokens(claim):
            key = self.keys.get((topic, token.lemma_.lower())) or self.keys.get((topic, token.lower_))
            if key is None or self._topic_word(token) != topic:
                continue
            weight = 3 if token.i == head.i else 2 if token.head.i == head.i else 1
            if best is None or weight > best[0]:
                best = (weight, key)
        return best[1] if best else topic


#: entity labels of a name that may mark an event as its own ("the Harwick campaign", "a Northern primary")
_EVENT_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "EVENT", "LAW", "FAC"})


#: the connectors inside a name that marks an event ("the Ledger/Civic Post poll", "a Harlow-Vane debate")
_NAME_JOINERS = frozenset({"/", "-", "&"})


def _compound_words(noun: Token) -> list[Token]:
    """RETURNS (list[Token]): the common nouns compounded onto ``noun`` right before it ("the tax plan": "tax")."""
    doc = noun.doc
    kept: list[Token] = []
    i = noun.i - 1
    while i >= noun.left_edge.i and doc[i].dep_ == COMPOUND_DEP and doc[i].pos_ == NOUN_POS and not doc[i].ent_type_:
        if i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
            # "a bare-bones plan", "the 10-page agreement": a piece of a hyphenated word is no noun of the name
            break
        kept.insert(0, doc[i])
        i -= 1
    return kept


def _common_event_name(noun: Token) -> str:
    """RETURNS (str): the name of an event no proper name marks: the noun with
    the common nouns compounded onto it ("the tax plan": "tax plan"); a bare
    noun ("the plan") by the fullest such name the article gave it before
    ("the tax plan … the plan": "tax plan"), else by itself ("plan")."""
    kept = _compound_words(noun)
    if not kept:
        lemma = noun.lemma_.lower()
        for token in reversed(noun.doc[: noun.i]):
            if token.lemma_.lower() == lemma and token.pos_ == NOUN_POS:
                kept = _compound_words(token)
                if kept:
                    break
    return " ".join([*(t.text for t in kept), noun.text])


def _event_name(noun: Token) -> str | None:
    """RETURNS (str | None): the name of an event a name marks as its own:
    the run of proper names before its noun, the nouns compounded between
    them kept, possessive endings and titles outside the entity dropped
    ("the Harwick campaign", "Mayor Brandt's housing plan": "Harwick
    campaign", "Brandt housing plan"); None when no name stands before it."""
    doc = noun.doc
    i = noun.i - 1
    kept: list[Token] = []
    while i >= noun.left_edge.i and doc[i].dep_ == COMPOUND_DEP and doc[i].pos_ == NOUN_POS:
        kept.insert(0, doc[i])
        i -= 1
    if i >= noun.left_edge.i and doc[i].tag_ == POSSESSIVE_TAG:
        i -= 1
    last = i
    # "Wednesday's debate": a day is a date, no name
    while i >= noun.left_edge.i and doc[i].ent_type_ not in NUMERIC_LABELS and (
        doc[i].pos_ == PROPER_NOUN_POS or doc[i].ent_type_ in _EVENT_NAME_LABELS
        or (doc[i].text in _NAME_JOINERS and i > noun.left_edge.i and doc[i - 1].pos_ == PROPER_NOUN_POS)
    ):
        i -= 1
    first = i + 1
    if first > last:
        return None
    # "Mr. Brandt's plan": a title outside the person's name is no part of it
    while first < last and not doc[first].ent_type_ and any(doc[j].ent_type_ for j in range(first + 1, last + 1)):
        first += 1
    name = model_text(doc)[doc[first].idx : doc[last].idx + len(doc[last].text)]
    return " ".join([name, *(t.text for t in kept), noun.text])


def _fallback(claim: Span, ents: list[Span], sentence_topic: str | None, match: Match) -> str:
    """RETURNS (str): the topic of a claim no topic word speaks for: a sum of
    money its predicate states is a business fact; a clause with a noun of
    its own is about that (``other``); else its sentence's topic, else ``other``."""
    doc = claim.doc
    head = doc[(claim_of(claim) or {}).get("head", claim.root.i)]
    source = (claim_of(claim) or {}).get("attribution") or {}
    if _states_money(claim, ents):
        # "workers there earn $28 an hour", "cutting its debt
        # from $27 billion": a sum of money the claim's predicate
        # states (not an opening adjunct's: "flush with millions
        # in donations, he is matching her on air") is a business fact
        return "business"
    # "…, claiming the evaluation was skewed": a clause with a
    # noun of its own is about that, not its sentence's topic
    if _attribute(claim, head, source, match):
        return "other"
    return sentence_topic or "other"


def _states_money(claim: Span, ents: list[Span]) -> bool:
    """RETURNS (bool): whether the claim's predicate states a sum of money (an
    entity of :data:`_MONEY_LABELS` after its head, not in its source's words)."""
    head = claim.doc[(claim_of(claim) or {}).get("head", claim.root.i)]
    source = (claim_of(claim) or {}).get("attribution") or {}
    return any(
        e.label_ in _MONEY_LABELS and e.start > head.i and not (source and source["start"] <= e.start_char < source["end"])
        for e in ents
    )


#: the share of an article's claims of one topic that makes the article a story of that topic
_DOMAIN_SHARE = 0.5
#: the topics that make an article's domain: a business story (results, markets, a takeover, a
#: transfer), a production story (a prototype built and tested), a release story (a launch, a delay)
_DOMAIN_TOPICS = ("business", "production", "release")
#: the fewest claims of that topic that make a story of it (one deal in a two-claim brief does not)
_DOMAIN_MIN = 3


#: the most a claim's topic words weigh when all of them stand away from its
#: predicate (in its subject, or in an adjunct: :meth:`TopicTagger.topic_votes`)
_INCIDENTAL_WEIGHT = 1.0
#: what a topic word weighs as the predicate itself (:meth:`TopicTagger.topic_votes`): in an
#: article that follows no topic, the only place where a word of a topic the article does not
#: keep to makes a fact of it ("the congressman resigned", "the state launched a rocket"; not
#: "he pressed her on the release of her emails")
_PREDICATE_WEIGHT = 3.0
#: the share of an article's claims below which those with a word of a topic at their predicate
#: (or its complements) make it an article that follows no topic
_FIRM_SHARE = 0.12
#: the share of an article's claims below which those with any topic word (at
#: their predicate or not) make it an article that follows no topic, however
#: many of them stand at their predicate: a political story that names a
#: release or a role here and there, where a story about a film or a product
#: names its topics in most of its claims
_NAMED_SHARE = 0.4
#: the share of an article's claims below which those with a topic word at their predicate
#: make it an article that names topics loosely (:func:`_kept_topics`)
_LOOSE_SHARE = 0.25
#: the share of an article's claims a topic must win to be one the article keeps to
_THEME_SHARE = 0.2


def _firm_claims(counted: Sequence[Counter[str]]) -> int:
    """RETURNS (int): how many claims have a topic word at their predicate
    (a vote over :data:`_INCIDENTAL_WEIGHT`) of a topic other than ``other``: a
    trial, a lawsuit, an inquiry are facts of their own, but an article of
    them follows none of the guide's topics."""
    return sum(
        1 for counts in counted
        if any(weight > _INCIDENTAL_WEIGHT for topic, weight in counts.items() if topic != "other")
    )


def _kept_topics(counted: Sequence[Counter[str]], topics: Sequence[str | None]) -> frozenset[str | None]:
    """RETURNS (frozenset): the topics a claim with no topic word may take from
    its sentence: every one, in an article where :data:`_LOOSE_SHARE` or more
    of the claims have a topic word at their predicate (a vote over
    :data:`_INCIDENTAL_WEIGHT`); else ``other`` and the ones the article
    keeps to: the topic most of its claims have, and any that
    :data:`_THEME_SHARE` of its claims or more have."""
    if not topics or _firm_claims(counted) >= _LOOSE_SHARE * len(topics):
        return frozenset(TOPICS)
    won = Counter(t for t in topics if t is not None and t != "other")
    lead = [t for t, _ in won.most_common(1)]
    return frozenset({"other", *lead, *(t for t in won if won[t] >= _THEME_SHARE * len(topics))})


def _incidental(counted: Sequence[Counter[str]], topics: Sequence[str | None], money: frozenset[int] = frozenset()) -> list[int]:
    """RETURNS (list[int]): the claims whose topic rests on no word at their
    predicate itself (no vote of :data:`_PREDICATE_WEIGHT`) in an article
    that follows no topic: fewer than :data:`_FIRM_SHARE` of its claims have
    a vote over :data:`_INCIDENTAL_WEIGHT`, or fewer than
    :data:`_NAMED_SHARE` have a vote at all; and whose topic wins fewer
    than :data:`_THEME_SHARE` of them (a market report names its topic in
    passing, claim after claim); save a business claim whose predicate
    states a sum of money (``money``: "the talks earned the mayor $40,000"):
    the sum is the fact, wherever the business word stands."""
    if not topics or (
        _firm_claims(counted) >= _FIRM_SHARE * len(topics)
        and sum(1 for counts in counted if counts) >= _NAMED_SHARE * len(topics)
    ):
        return []
    won = Counter(topics)
    return [
        n for n, (counts, topic) in enumerate(zip(counted, topics))
        if topic not in (None, "other") and counts.get(topic) and max(counts.values()) < _PREDICATE_WEIGHT
        and won[topic] < _THEME_SHARE * len(topics)
        and not (n in money and topic == "business")
    ]


def _domain(topics: Sequence[str]) -> str | None:
    """RETURNS (str | None): the topic of :data:`_DOMAIN_TOPICS` that half or
    more of an article's claims have, three at least (its domain: a company's results, a
    market's day, a takeover; a prototype built and tested; a launch and its delays), else None."""
    counts = Counter(topics)
    for topic in _DOMAIN_TOPICS:
        if counts[topic] >= max(_DOMAIN_MIN, _DOMAIN_SHARE * len(topics)):
            return topic
    return None


def _attribute(claim: Span, head: Token, source: dict, match: Match) -> str | None:
    """RETURNS (str | None): the attribute a claim of topic ``other`` speaks
    to, in lower case as written with the nouns compounded onto it: the
    common noun that is its predicate's object ("the board rejected the
    proposal"), else its subject ("the range is expected to be 9,000
    miles": "range"), else its predicate noun ("it was a clear case of
    favouritism"); a quantity stands for what it counts ("40% of the
    components": "components"). None when the claim names no such noun
    (a pronoun or a name as subject and nothing else).

    The ``attribute_*`` topic rules of ``scope.jsonl`` say which words these
    are: the verbs the predicate hangs on or takes (``attribute_verb``,
    ``attribute_raising``), the dependents asked in turn
    (``attribute_object``, then ``attribute_subject``, then
    ``attribute_predicate``), a noun (``attribute_noun``), what a quantity
    counts (``attribute_counted``) and the nouns compounded onto it
    (``attribute_compound``)."""
    doc = claim.doc
    Trail = list[tuple[Token, ScopeRule]]

    def usable(token: Token | None, trail: Trail) -> Token | None:
        if token is None or not claim.start <= token.i < claim.end:
            return None
        if source and source["start"] <= token.idx < source["end"]:
            return None
        if token.ent_type_ in NUMERIC_LABELS or token.like_num:
            # "40% of the components", "two of the engines"
            counted = [(g, rule) for c in token.children for g in c.children if (rule := match("attribute_counted", g)) is not None]
            if not counted:
                return None
            trail.append(counted[0])
            return usable(counted[0][0], trail)
        # a capitalised noun opening a sentence may be tagged a verb; its
        # place says it is a noun
        rule = match("attribute_noun", token) if token.is_alpha else None
        if rule is None:
            return None
        trail.append((token, rule))
        return token

    # "plans to share a roadmap": the verbs the predicate hangs on
    verbs: list[tuple[Token, Trail]] = [(head, [])]
    verbs += [(c, [(c, rule)]) for c in head.children if (rule := match("attribute_verb", c)) is not None]
    raising = match("attribute_raising", head)
    if raising is not None:
        # "the range is expected to be …": the subject hangs on the verb above
        verbs.append((head.head, [(head, raising)]))
    found = None
    trail: Trail = []
    # the thing done comes before the one who does it ("the board rejected
    # the proposal"); without an object, the subject ("the fault was found")
    for role in ("attribute_object", "attribute_subject", "attribute_predicate"):
        for verb, how in verbs:
            for c in verb.children:
                rule = match(role, c)
                if rule is None:
                    continue
                trail = [*how, (c, rule)]
                found = usable(c, trail)
                if found is not None:
                    break
            if found is not None:
                break
        if found is not None:
            break
    if found is None:
        head_rule = match("attribute_head", head)
        if head_rule is not None:
            trail = [(head, head_rule)]
            found = usable(head, trail)
    if found is None:
        return None
    for token, rule in trail:
        _note(token, rule)
    first = found.i
    while first - 1 >= claim.start and doc[first - 1].head.i in (found.i, first) and (
        (compound := match("attribute_compound", doc[first - 1])) is not None
    ):
        _note(doc[first - 1], compound)
        first -= 1
    # "endorse her re-election": the parser may take the first piece of a
    # hyphenated word for the noun; the attribute is the whole word
    last = found.i
    while last + 2 < claim.end and _hyphen_piece(doc[last]):
        last += 2
    return doc[first : last + 1].text.lower()


#: entity labels of one who gives or owns a post (:meth:`TopicTagger._post_giver`)
_GIVER_LABELS = frozenset({"PERSON", "ORG"})


#: the topics of a product's own facts: how it is built, when it comes out, what it is called and like
_PRODUCT_TOPICS = frozenset({"production", "release", "title", "other"})


_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z0-9&]{1,7})\)")


def _defined_abbreviations(doc: Doc, text: str) -> dict[str, str]:
    """RETURNS (dict[str, str]): the abbreviations an article defines in
    brackets after a name ("Singapore Airlines (SIA)", "the Federal Aviation
    Administration (FAA)") -> that name: a named entity of two words or more
    written just before the bracket, whose first letter the abbreviation
    begins with and whose letters it takes in order. An abbreviation defined
    for two names is left alone."""
    out: dict[str, set[str]] = {}
    for ent in _doc_ents(doc):
        if ent.label_ in NUMERIC_LABELS or len(ent) < 2:
            continue
        found = _BRACKETED.match(text, ent.end_char)
        if found is None:
            continue
        short, full = found.group(1), ent.text
        if sum(c.isupper() for c in short) < 2 or short.lower() in full.lower().split():
            continue
        if full.lower().startswith(f"{DEFINITE_ARTICLE} "):
            full = full[len(DEFINITE_ARTICLE) + 1 :]
        if not _takes_letters(short, full):
            continue
        out.setdefault(short, set()).add(full)
    return {short: next(iter(fulls)) for short, fulls in out.items() if len(fulls) == 1}


def _fuller_names(claim: Span, ents: list[Span], main: str) -> Span | None:
    """RETURNS (Span | None): the longer name a claim writes where it names
    the article's subject only as the first words of that name ("Harwick
    Rovers" for "Harwick", whatever the entity tagger takes it for), else
    None (the claim also names the subject on its own)."""
    text, base = span_text(claim), claim.start_char
    fuller = None
    for found in re.finditer(r"(?<!\w)" + re.escape(main) + r"(?!\w)", text):
        begin = base + found.start()
        ent = next((e for e in ents if e.start_char == begin and e.end_char > begin + len(main) and e.label_ not in NUMERIC_LABELS), None)
        if ent is None or not ent.text.startswith(main + " "):
            return None
        fuller = fuller or ent
    return fuller


_ABBREVIATION = re.compile(r"[A-Z][A-Z&]{1,5}")


def _abbreviates(short: str, full: str) -> bool:
    """RETURNS (bool): whether ``short`` may abbreviate ``full``: it begins
    with the first word's first letter, ends with the last word's, and takes
    the name's letters in order ("SIA" for "Singapore Airlines")."""
    words = full.split()
    if len(words) < 2 or short.lower() in (w.lower() for w in words):
        return False
    return short[-1].lower() == words[-1][0].lower() and _takes_letters(short, full)


def _takes_letters(short: str, full: str) -> bool:
    """RETURNS (bool): whether ``short`` begins with the first letter of
    ``full`` and takes its letters in order ("FAA" of "Federal Aviation
    Administration")."""
    letters = iter(full.lower())
    return full[:1].lower() == short[:1].lower() and all(c in letters for c in short.lower())


def _spelt_by(short: str, ents: Sequence[Span], titled: Sequence[str] = ()) -> str | None:
    """RETURNS (str | None): the one name of several words among an
    article's entities and its title's names that an abbreviation used as a
    subject without definition abbreviates (the title's "Singapore
    Airlines", the body's "SIA"), else None."""
    if not _ABBREVIATION.fullmatch(short):
        return None
    names = [e.text for e in ents if e.label_ not in NUMERIC_LABELS and e.label_ != "PERSON"] + list(titled)
    fulls = {name.removeprefix(f"{DEFINITE_ARTICLE} ") for name in names if _abbreviates(short, name.removeprefix(f"{DEFINITE_ARTICLE} "))}
    return fulls.pop() if len(fulls) == 1 else None


def _article_product(doc: Doc, main: str, match: Match) -> str | None:
    """RETURNS (str | None): the product an article about an organisation
    (``main``, an organisation entity) names: the first name holding a
    model number ("KX900", "V-40") that is, or names, the grammatical
    subject of its sentence ("The Talmar V40 tankers are based on …"), with
    the capitalised words written before it ("Talmar V40"), when it is not
    the organisation's own name; else None."""
    if not any(e.text == main and e.label_ == "ORG" for e in _doc_ents(doc)):
        return None
    dates = {i for d in doc.spans["dates"] for i in range(d.start, d.end)} if "dates" in doc.spans else set()
    for token in doc_tokens(doc):
        # the entity tagger's product label is no proof ("a June 3 hearing"): a model number is
        if not (token.text[:1].isupper() and _is_model_word(token.text.replace("-", ""))):
            continue
        if token.i in dates or token.ent_type_ in _PLACE_LABELS or token.ent_type_ == "PERSON":
            continue
        if token.ent_type_ in NUMERIC_LABELS and token.ent_type_ != "CARDINAL":
            continue
        # what the sentence is about: its subject, or a word of the subject's name
        node = _modified_noun(token)
        if node.dep_ not in SUBJECT_DEPS or node.head != node.sent.root:
            continue
        first = token.i
        while first - 1 >= token.sent.start and doc[first - 1].pos_ == PROPER_NOUN_POS and doc[first - 1].text[:1].isupper():
            first -= 1
        # a model is written with its maker ("the Talmar V40"), or (a
        # ``described_model`` or ``model_article`` rule) the kind of thing it
        # is ("V40 tankers") or its article; a bare "G7S is …" is a company
        how = None
        if first == token.i:
            how = match("described_model", token)
            if how is not None:
                how = (token, how)
            elif first > 0 and (rule := match("model_article", doc[first - 1])) is not None:
                how = (doc[first - 1], rule)
            else:
                continue
        name = doc[first : token.i + 1].text
        if name in main:
            continue
        if how is not None:
            _note(*how)
        return name
    return None


def _other_party(ent: Span, claim: Span, main: str | None, subjects: set[int]) -> bool:
    """RETURNS (bool): whether an organisation that is a claim's grammatical
    subject is another party than the maker of the product the article
    follows, when that product's name shows its maker ("Boeing 787"): a
    customer or a rival ("the airline had to cancel routes because of the
    delay", "a rival is preparing to release a similar jet") speaks of
    itself, not of the product."""
    if not main or not any(ent.start <= i < ent.end for i in subjects):
        return False
    maker = _maker_of(claim.doc, main)
    if not maker:
        return False
    return not (_name_part(ent.text, maker) or _name_part(ent.text, main))


def _maker_of(doc: Doc, main: str) -> str | None:
    """RETURNS (str | None): the company that makes the product an article
    follows (``main``, a name holding a model number): the name the body
    writes just before the model ("the Talmar V40", "Talmar's V40"), else
    the words of the product's own name before its model number ("Talmar
    V40"); else None."""
    models = [w for w in main.split() if _is_model_word(w.replace("-", ""))]
    if not models:
        return None
    for token in doc_tokens(doc):
        if token.text != models[0]:
            continue
        j = token.i - 1
        if j >= 0 and doc[j].text in ("'s", "’s"):
            j -= 1
        first = j + 1
        while first - 1 >= 0 and doc[first - 1].pos_ == PROPER_NOUN_POS and doc[first - 1].text[:1].isupper():
            first -= 1
        if first <= j:
            return doc[first : j + 1].text
    before = main.split()[: main.split().index(models[0])]
    return " ".join(before) if before else None


def _in_body(name: str, text: str) -> bool:
    """RETURNS (bool): whether the body writes ``name`` as a word or words of its own."""
    # (a name the text does not hold at all is not searched for: a pattern per name costs more than the test)
    return name in text and bool(re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text))


def _is_model_word(word: str) -> bool:
    """RETURNS (bool): whether a word is a model number: a capitalised code
    holding digits ("A380", "KX900"), or three digits or more that are no
    year ("787"); not "5G", "230p" or "2025"."""
    if not any(c.isdigit() for c in word) or len(word) < 3:
        return False
    if word.isdigit():
        return not (len(word) == 4 and word[:2] in ("19", "20"))
    return word[0].isupper() and word.isalnum()


def _in_expression(token: Token, expressions: Sequence[str]) -> bool:
    """RETURNS (bool): whether ``token`` stands in one of the fixed
    expressions (lower-case words, each as written or as its lemma: "in
    order to"; "return to profit" also holds "returned to profit")."""
    doc = token.doc

    def spells(t: Token, word: str) -> bool:
        return t.lower_ == word or t.lemma_.lower() == word

    for expression in expressions:
        words = expression.split()
        for k, word in enumerate(words):
            if not spells(token, word):
                continue
            start = token.i - k
            if start >= 0 and start + len(words) <= len(doc) and all(
                spells(doc[start + m], w) for m, w in enumerate(words)
            ):
                return True
    return False


def _governor(token: Token) -> Token:
    """RETURNS (Token): the word that governs a token's phrase, for an item of
    a list or an apposition the one that governs the list's first item ("will
    close its Leeds plant, its Derby mill and a depot": each is closed)."""
    seen = {token.i}
    while True:
        while token.dep_ in (CONJUNCT_DEP, APPOSITION_DEP) and token.head.i not in seen:
            token = token.head
            seen.add(token.i)
        head = token.head
        # "will fire 12% of its managers", "will close two of its plants": a
        # share of a group is governed by what governs the share
        share = head.head
        if not (
            token.dep_ == PREPOSITION_OBJECT_DEP and head.pos_ == ADPOSITION_POS and share.i not in seen
            and (share.pos_ == NUMBER_POS or share.ent_type_ in NUMERIC_LABELS)
        ):
            return head
        token = share
        seen.update((head.i, share.i))


def _modified_noun(token: Token) -> Token:
    """RETURNS (Token): the noun a modifier's phrase builds on ("more" in
    "two more plants": "plants"), or the token itself when it modifies nothing."""
    seen = {token.i}
    while token.dep_ in NOUN_PHRASE_MODIFIER_DEPS and token.head.i not in seen:
        token = token.head
        seen.add(token.i)
    return token


def _narrower(doc: Doc, hits: Sequence[tuple[int, float, int, SlotRule]], slot: SlotRule) -> SlotRule | None:
    """RETURNS (SlotRule | None): a slot of ``slot``'s topic whose word (under
    its ``heads``) modifies a word of ``slot`` itself ("more aid" for
    funding: further funding), else None."""
    own = {i for i, _, _, s in hits if s.key == slot.key and s.topic == slot.topic}
    for i, _, _, other in hits:
        if other.topic != slot.topic or other.key == slot.key or not other.heads:
            continue
        if doc[i].dep_ in NOUN_PHRASE_MODIFIER_DEPS and _modified_noun(doc[i]).i in own:
            return other
    return None


#: the dependencies by which a place's name qualifies a noun ("the Ohio primary", "Iowa's caucuses")
_PLACE_DEPS = frozenset({"compound", "poss", "nmod", "amod", "npadvmod"})
#: the entity labels of a place's name
_PLACE_NAME_LABELS = frozenset({"GPE", "LOC"})
#: the prepositions after a noun that name its place ("the primary in Ohio")
_PLACE_PREPS = frozenset({"in", "of"})


def _place_of(noun: Token) -> str | None:
    """RETURNS (str | None): the one place (a ``GPE`` or ``LOC`` name) written
    with a noun: before it ("the Ohio primary", "Iowa's caucuses") or after
    it, by "in" or "of" ("the primary in Ohio"); None when there is none, or
    several ("the primaries in Ohio and Florida": no one place)."""
    found = [c for c in noun.children if c.dep_ in _PLACE_DEPS and c.ent_type_ in _PLACE_NAME_LABELS]
    found += [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS
        for g in c.children if g.dep_ == "pobj" and g.ent_type_ in _PLACE_NAME_LABELS
    ]
    if len(found) != 1 or any(c.dep_ == "conj" for c in found[0].children):
        return None
    return _entity_text(found[0])


#: the marks that end a sentence as written
_SENTENCE_ENDS = frozenset({".", "!", "?"})
#: the prepositions of a contest's rival ("a win over Quint", "lost to Quint")
_RIVAL_PREPS = frozenset({"to", "over", "against"})
#: the words that point back to a place named before ("that state's primary")
_POINTING_WORDS = frozenset({"that", "the", "this"})
#: the nouns a victory's object may be that stand for a place's contest ("won the state of Ohio")
_PLACE_NOUNS = frozenset({"state"})


def _outcome_place(word: Token) -> str | None:
    """RETURNS (str | None): the one place of a contest's outcome: written
    with its noun ("the Ohio victory", "a win in Utah", "a victory in the
    Utah primary"), as what its verb wins or loses ("won Ohio", "won the
    state of Ohio") or, with nothing won, where ("won in Ohio", "lost to
    Vale in Iowa"); None when there is none, or several, or when the verb
    wins something else ("won the debate in Boston")."""
    if word.pos_ in VERB_POS:
        objects = [c for c in word.children if c.dep_ == DIRECT_OBJECT_DEP]
        if len(objects) > 1 or (objects and any(c.dep_ == CONJUNCT_DEP for c in objects[0].children)):
            return None
        if objects:
            if objects[0].ent_type_ in _PLACE_NAME_LABELS:
                return _entity_text(objects[0])
            return _place_of(objects[0]) if objects[0].lemma_.lower() in _PLACE_NOUNS else None
    place = _place_of(word)
    if place is not None:
        return place
    for child in word.children:
        if child.dep_ == PREPOSITION_DEP and child.lower_ == "in":
            contests = [g for g in child.children if g.dep_ == PREPOSITION_OBJECT_DEP and g.pos_ == NOUN_POS]
            if len(contests) == 1 and (place := _place_of(contests[0])) is not None:
                return place  # "a victory in the Utah primary"
        if child.dep_ == PREPOSITION_DEP and child.lower_ in _RIVAL_PREPS:
            # "a victory over Quint in Utah": the place hung on the rival
            rivals = [g for g in child.children if g.dep_ == PREPOSITION_OBJECT_DEP]
            places = [
                p for g in rivals for c in g.children if c.dep_ == PREPOSITION_DEP and c.lower_ == "in"
                for p in c.children if p.dep_ == PREPOSITION_OBJECT_DEP and p.ent_type_ in _PLACE_NAME_LABELS
            ]
            if len(places) == 1:
                return _entity_text(places[0])
    return None


def _predicate_place(noun: Token) -> str | None:
    """RETURNS (str | None): the one place of the verb a contest's noun hangs
    on, for a noun with none of its own: "won the primary in Ohio" (the place
    the verb's), "Ohio will be a test: she won the primary there" (the one
    place written before it in its sentence); or the place "that state's
    primary" points back to (the last one written, in its sentence or the
    one before)."""
    owner = [c for c in noun.children if c.dep_ == POSSESSOR_DEP and c.lemma_.lower() in _PLACE_NOUNS]
    if owner and any(d.lower_ in _POINTING_WORDS for d in owner[0].children):
        # "she won 12 percent in that state's primary": the place last named
        places = [t for t in noun.doc[_sentence_start(noun.doc, owner[0].i, 2) : owner[0].i] if t.ent_type_ in _PLACE_NAME_LABELS]
        return _entity_text(places[-1]) if places else None
    verb = noun.head
    if verb.pos_ not in VERB_POS or noun.dep_ != DIRECT_OBJECT_DEP and noun.dep_ not in NOMINAL_SUBJECT_DEPS:
        return None
    place = _place_of(verb)
    if place is not None or not any(c.lower_ == "there" and c.dep_ == "advmod" for c in verb.children):
        return place
    doc = noun.doc
    before = {_entity_text(t) for t in doc[_sentence_start(doc, verb.i) : verb.i] if t.ent_type_ in _PLACE_NAME_LABELS}
    return before.pop() if len(before) == 1 else None


def _sentence_start(doc: Doc, i: int, sentences: int = 1) -> int:
    """RETURNS (int): where the written sentence of token ``i`` starts, or
    the one before it for ``sentences`` 2 (a colon or a dash ends none: "Ohio
    will be a test: she won there"; a paragraph's end does)."""
    start = i
    while start > 0 and "\n" not in doc[start - 1].text:
        if doc[start - 1].text in _SENTENCE_ENDS:
            sentences -= 1
            if sentences == 0:
                break
        start -= 1
    return start


def _entity_text(token: Token) -> str:
    """RETURNS (str): the whole entity a token is part of, without a possessive ending."""
    doc = token.doc
    start = end = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return re.sub(r"['’]s$", "", doc[start : end + 1].text)


def _best_slot(
    hits: Sequence[tuple[int, float, int, SlotRule]], topic: str | None = None
) -> tuple[float, SlotRule] | None:
    """RETURNS (tuple[float, SlotRule] | None): of the slot hits (of ``topic``,
    when given), the heaviest, ties going to the longer phrase, then the earlier word."""
    best: tuple[float, int, SlotRule] | None = None
    for _, weight, length, slot in hits:
        if topic is not None and slot.topic != topic:
            continue
        if best is None or (weight, length) > (best[0], best[1]):
            best = (weight, length, slot)
    return (best[0], best[2]) if best else None


#: entity labels of a party that acts in a deal: a company, a government, a country
_PARTY_LABELS = frozenset({"ORG", "GPE", "NORP"})


def _lead_model(doc: Doc, text: str, maker: str) -> str | None:
    """RETURNS (str | None): the first model name the article's first sentence
    gives -- a word opening with a capital and holding digits, or three
    digits or more that are no year ("KX900", "the 747"; not "230p"), inside a named entity that
    is not ``maker`` -- when the title's chosen name is an organisation that
    makes it; else None."""
    if not any(e.text == maker and e.label_ == "ORG" for e in _doc_ents(doc)):
        return None
    first = next(iter(doc.sents), None)
    if first is None:
        return None
    models = [
        e.text
        for e in _span_ents(first)
        if e.text != maker
        and e.label_ not in NUMERIC_LABELS
        and any(
            any(c.isdigit() for c in t.text)
            and ((t.text[0].isalpha() and t.text[0].isupper()) or (t.text.isdigit() and len(t.text) >= 3))
            and not (t.text.isdigit() and len(t.text) == 4 and t.text[:2] in ("19", "20"))
            for t in e
        )
    ]
    if not models:
        return None
    # the first the lead names ("unveiled the KX900, larger than the Ostra 700")
    model = models[0]
    # the maker's name before it when the body writes them together ("Korvo KX900")
    joined = f"{maker} {model}"
    return joined if joined in text else model


def _actor(claim: Span, main: str | None, ents: list[Span], match: Match, words: Sequence[int] = ()) -> Span | None:
    """RETURNS (Span | None): the organisation or country that acts in the
    claim -- named in its grammatical subject ("Officials from Peru have
    agreed to buy …") or as the agent of a passive ("owned 55 percent by the
    union"), else as the owner of the slot's noun (``words``: "pointed to
    the bankruptcy of Brenwick", "Brenwick's bankruptcy") -- when it is not
    the main subject or a part of its name (a maker speaking of its
    product); else None."""
    doc = claim.doc
    info = claim_of(claim) or {}
    head = doc[info.get("head", claim.root.i)]
    # the subject acts even when it also speaks ("Officials from Peru have agreed")
    # the agent of a passive acts, not its subject ("is to be 40 percent
    # owned by a pension fund"; the by-phrase may hang on the amount)
    how: list[tuple[Token, ScopeRule]] = []  # the rules that led to the party, noted when one is found
    near = [head, *(c for c in head.children if c.dep_ == NOUN_ADVERBIAL_DEP)]
    # an ``agent_object`` rule: the object of a passive's agent or of "by"
    agents = [(g, rule) for t in near for c in t.children for g in c.children if (rule := match("agent_object", g)) is not None]
    tops = [g for g, _ in agents]
    if not tops:
        # "would give Norvik a 20 percent stake": the one given it (a
        # ``given_party`` rule) holds it
        given = [(c, rule) for c in head.children if (rule := match("given_party", c)) is not None]
        tops = [c for c, _ in given]
        how += given
    if not tops:
        tops = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
    adjunct = match("participle_adjunct", head) if not tops else None
    if adjunct is not None:
        # "the group sold most of its stake, retaining 20 percent": a
        # participle clause (a ``participle_adjunct`` rule) without a subject
        # of its own acts through the subject of the clause it hangs on
        how.append((head, adjunct))
        tops = [c for c in head.head.children if c.dep_ in SUBJECT_DEPS]
        # that subject stands outside the claim: its names are the sentence's
        ents = [*ents, *(e for e in _span_ents(head.sent) if any(e.start <= t.i < e.end for t in tops))]
    inside = {t.i for top in tops for t in top.subtree}
    # "the Danish brewer", "British and Irish airline …": a nationality that describes a noun is not the party
    parties = []
    for e in ents:
        if e.label_ in _PARTY_LABELS and any(e.start <= i < e.end for i in inside):
            describing = match("describing_nationality", e.root)
            if describing is not None:
                _note(e.root, describing)
                continue
            parties.append(e)
    tops_i = {t.i for t in tops}
    if not any(e.start <= i < e.end for e in parties for i in tops_i):
        # "Launch customer Ostra have ordered 55": a proper name as the
        # subject, which the entity tagger missed or took for a person's
        # ("British and Irish airline Aer Solas has bought six")
        # (an ``untagged_party`` rule)
        names = [(t, rule) for t in tops if (rule := match("untagged_party", t)) is not None]
        if names:
            name = doc[_name_start(names[0][0]) : names[0][0].i + 1]
            parties.insert(0, name)
            how.append(names[0])
    pronoun = next(((t, rule) for t in tops if (rule := match("actor_pronoun", t)) is not None), None)
    if not parties and pronoun is not None:
        # "Halvard said it holds 9% of the shares": "it" is the speaker
        source = info.get("attribution") or {}
        speaker = doc.char_span(source["start"], source["end"], alignment_mode="expand") if source else None
        if speaker is not None:
            said = [e for e in _span_ents(speaker) if e.label_ in _PARTY_LABELS]
            said += [
                doc[_name_start(t) : t.i + 1]
                for t in speaker
                if t.pos_ == PROPER_NOUN_POS and t.dep_ in SUBJECT_DEPS and not t.ent_type_
            ]
            parties = said[:1]
            if parties:
                _note(*pronoun)
    if not parties and not any(e.label_ in _PARTY_LABELS or e.label_ == "PERSON" for e in ents if any(e.start <= i < e.end for i in inside)):
        # "he pointed to the bankruptcy of Brenwick": with no party as the
        # subject, the one that owns the slot's noun (an ``act_owner`` rule:
        # its possessor; an ``owner_preposition`` rule: after its "of")
        owners = [
            (g, rule) for i in words if doc[i].pos_ == NOUN_POS for c in doc[i].children
            for g, rule in (
                [(c, match("act_owner", c))] if c.dep_ == POSSESSOR_DEP
                else [(g, match("owner_preposition", c)) for g in c.children if g.dep_ == PREPOSITION_OBJECT_DEP]
            )
            if rule is not None
        ]
        # ("the bankruptcy of Brenwick, and the bankruptcy of Arlo": of
        # several owners, none is the one party)
        owned = [
            (e, g, rule) for g, rule in owners
            for e in _doc_ents(doc) if e.start <= g.i < e.end and e.label_ in ("ORG", "GPE")
        ]
        if len({e.text for e, _, _ in owned}) == 1:
            parties = [owned[0][0]]
            how.append(owned[0][1:])
    if not parties:
        return None
    # the name that is the subject itself ("Polish flag carrier Ostra"),
    # else an organisation, a country, a nationality
    ent = min(parties, key=lambda e: (not any(e.start <= i < e.end for i in tops_i), ("ORG", "GPE", "NORP").index(e.label_) if e.label_ in _PARTY_LABELS else 0))
    if main and _name_part(ent.text, main):
        return None
    for g, rule in agents:
        if ent.start <= g.i < ent.end:
            _note(g, rule)
    for token, rule in how:
        _note(token, rule)
    # "Brenwick Steel's bankruptcy": the name without its possessive ending
    return ent[:-1] if len(ent) > 1 and ent[-1].tag_ == POSSESSIVE_TAG else ent


#: entity labels of a party that acts in a public act (an endorsement, a meeting, an inquiry): a person too
_AGENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _agent(claim: Span, ents: list[Span], words: list[int], match: Match) -> tuple[dict | None, str | None] | None:
    """The party that does what a claim says, and the other party it names,
    for a fact that is an act of one party towards another (an endorsement,
    a meeting, an inquiry: ``party`` "agent" in ``slots.jsonl``): the owner
    of the slot's noun ("the governor's endorsement"), else the agent of a
    passive, else the predicate's subject (through the clause a subjectless
    one hangs on: "is not ready to back her"); "he", "she", "I" or "we" is
    the speaker, else the person the sentence named before it; "who" the
    name its clause follows ("Vale, a senator who met Kerr"). The other
    party is the person, organisation or country named as the object of
    the predicate or of the slot's word, or after its "with", "for", "of"
    ("endorsed Kerr", "will meet with the governor", "an inquiry into the
    agency"): a person by surname, a body by its name.

    RETURNS (tuple[dict | None, str | None] | None): the subject (name and
        offsets; None when no one named acts) and the other party's name, or
        None when the claim names neither."""
    doc = claim.doc
    info = claim_of(claim) or {}
    source = info.get("attribution") or {}
    head = doc[info.get("head", claim.root.i)]
    sent_ents = [e for e in _span_ents(head.sent) if e.label_ in _AGENT_LABELS]

    def party(token: Token) -> Span | None:
        # a named person or body; not a bare title ("the Speaker") or a dateline
        for ent in sent_ents:
            if ent.start <= token.i < ent.end:
                return None if match("describing_nationality", ent.root) is not None else ent
        return None

    # "the governor's endorsement", "a formal protest by Harlan Aerospace"; not
    # "the party's nomination" (no one named)
    # (an ``act_owner`` rule, on a child of the slot's noun or on a grandchild)
    tops = [
        t for i in words if match("act_noun", doc[i]) is not None
        for c in doc[i].children
        for t in ([c] if match("act_owner", c) is not None else [g for g in c.children if match("act_owner", g) is not None])
        if party(t) is not None
    ]
    if tops:
        # the noun of the act and its owner
        owner = tops[0]
        owner_rule = match("act_owner", owner)
        noun = owner.head if owner.head.i in words else owner.head.head
        noun_rule = match("act_noun", noun)
        if owner_rule is not None and noun_rule is not None:
            _note(owner, owner_rule)
            _note(noun, noun_rule)
    verb = head
    for level in range(4):
        if tops:
            break
        agents = [g for c in verb.children for g in c.children if match("agent_object", g) is not None]
        # the subject of a passive is done to ("Kerr was endorsed"), unless
        # the clause hangs on it ("Kerr is expected to meet …")
        # (a ``raising_verb`` rule: the verb takes a clause)
        raising = match("raising_verb", verb) if level == 0 else None
        deps = ("nsubj", "csubj", "nsubjpass") if level > 0 or raising is not None else ("nsubj", "csubj")
        tops = agents or [c for c in verb.children if c.dep_ in deps]
        if raising is not None and tops and not agents:
            _note(verb, raising)
        if tops or verb.dep_ not in SUBJECTLESS_PREDICATE_DEPS or verb.head.i == verb.i:
            break
        verb = verb.head
    top = tops[0] if tops else None
    found: Span | None = None
    subject: dict | None = None
    if top is None:
        pass
    elif (pronoun := match("agent_pronoun", top)) is not None:
        speaker = doc.char_span(source["start"], source["end"], alignment_mode="expand") if source else None
        # "House Speaker Paul Ryan said he …": the person before the body
        said = sorted(
            (e for e in (_span_ents(speaker) if speaker is not None else ()) if e.label_ in ("PERSON", "ORG")),
            key=lambda e: (e.label_ != "PERSON", e.start),
        )
        # "he" or "she" unspoken for: the person last named, in its sentence or the one before
        sent = top.sent
        previous = doc[sent.start - 1].sent if sent.start > 0 else None
        named = [e for e in (*(_span_ents(previous) if previous is not None else ()), *_span_ents(sent)) if e.end <= top.i]
        before = [e for e in named if e.label_ == "PERSON"]
        # "Kerr fired back, saying he would not back her": the person who is
        # the subject of a clause the pronoun's hangs on
        governing = []
        for above in top.head.ancestors:
            governing = [
                e for c in above.children if c.dep_ == ACTIVE_SUBJECT_DEP and c.i < top.i
                for e in sent_ents if e.label_ == "PERSON" and e.start <= c.i < e.end
            ]
            if governing:
                break
        if top.lower_ not in PERSON_SUBJECT_PRONOUNS:
            before, governing = [], []
        found = said[0] if said else governing[0] if governing else before[-1] if before else None
        if found is not None:
            _note(top, pronoun)
            subject = {"name": re.sub(r"['’]s$", "", found.text), "start": top.idx, "end": top.idx + len(top)}
    else:
        found = party(top)
        relative = match("relative_pronoun", top) if found is None else None
        if relative is not None:
            # "Senator Vale, who met Kerr on Monday", "Vale, a senator who
            # met Kerr": the one the clause follows
            follows = top.head.head
            if follows.dep_ == APPOSITION_DEP and party(follows.head) is not None:
                follows = follows.head
            found = party(follows)
            if found is not None:
                _note(top, relative)
        if found is None:
            # a name in apposition to the subject (a ``party_apposition`` rule)
            appos = next(
                ((p, c, rule) for c in top.children if (rule := match("party_apposition", c)) is not None and (p := party(c)) is not None),
                None,
            )
            if appos is not None:
                found = appos[0]
                _note(*appos[1:])
        if found is not None:
            # "Donald Trump’s endorsement": the name without its possessive
            name = re.sub(r"['’]s$", "", found.text)
            subject = {"name": name, "start": found.start_char, "end": found.start_char + len(name)}
    taken = (set(range(found.start, found.end)) if found is not None else set()) | ({top.i} if top is not None else set())
    # the object itself, its owner, or what a preposition names: not a
    # name deeper in the phrase ("cuts favored by conservatives like Cruz")
    objects: list[Token] = []
    noted: list[tuple[Token, ScopeRule]] = []  # the ``party_preposition`` rules that found an object
    # (``party_argument``, ``party_preposition`` with its
    # ``party_preposition_object`` rules; a ``party_modifier`` rule: a word on the object)
    for t in {head, *(doc[i] for i in words)}:
        for c in t.children:
            if (rule := match("party_argument", c)) is not None:
                objects.append(c)
                noted.append((c, rule))
            elif (rule := match("party_preposition", c)) is not None:
                held = [(g, r) for g in c.children if (r := match("party_preposition_object", g)) is not None]
                objects.extend(g for g, _ in held)
                noted += [(c, rule), *held]
            elif c.dep_ == POSSESSOR_DEP and c.i not in taken:
                objects.append(c)
    modifiers = [(g, rule) for o in objects for g in o.children if (rule := match("party_modifier", g)) is not None]
    # "endorsed the re-election of Kerr": the person the object belongs to
    owned = [
        ((c, how), (g, rule)) for o in objects for c in o.children if (how := match("owner_preposition", c)) is not None
        for g in c.children if (rule := match("preposition_owner", g)) is not None
    ]
    modifiers += [g for _, g in owned]
    noted += [c for c, _ in owned]
    noted += modifiers
    near = [*objects, *(g for g, _ in modifiers)]
    inside = {t.i for t in near if not (source and source["start"] <= t.idx < source["end"])} - taken
    # the party itself, not a word describing another noun ("a meeting with GOP leaders")
    # (a ``describing_name`` rule: a name that describes another noun)
    others = []
    for e in sent_ents:
        if e.root.i not in inside or e.label_ == "NORP" or (found is not None and e.text == found.text):
            continue
        describing = match("describing_name", e.root)
        if describing is not None:
            _note(e.root, describing)
            continue
        others.append((e.start, e.text.split()[-1] if e.label_ == "PERSON" else re.sub(r"^the\s+", "", e.text, flags=re.I)))
    # "will meet with Governor Odell Price": a proper name the entity tagger
    # missed (an ``untagged_other_party`` rule)
    untagged = [(t, rule) for t in near if t.i in inside and (rule := match("untagged_other_party", t)) is not None]
    others += [(t.i, t.text) for t, _ in untagged]
    if not others:
        # "will not support the party's nominee", in an article that writes
        # "nominee Dana Kerr" or "Kerr, the nominee": a role noun the article
        # gives one person stands for that person
        roles = _role_holders(doc)
        others += [
            (t.i, holder.split()[-1]) for t in near
            if t.i in inside and t.pos_ == NOUN_POS and (holder := roles.get(t.lemma_.lower())) is not None
            and (found is None or holder.split()[-1] not in found.text)
        ]
    name = re.sub(r"['’]s?$", "", min(others)[1]) if others else None
    if others:
        first = min(others)[0]
        for c, rule in [*noted, *untagged]:
            if c.left_edge.i <= first <= c.right_edge.i:
                _note(c, rule)
    if subject is None:
        # "the former governor endorsed Kessling": no one named acts, but the
        # other party says what the fact is; without either it is no such fact
        return (None, name) if name else None
    return subject, name or None


#: where a Doc keeps :func:`_role_holders` (``doc.user_data``)
_ROLE_HOLDERS_KEY = "claimx_role_holders"


def _role_holders(doc: Doc) -> dict[str, str]:
    """RETURNS (dict[str, str]): role noun (lemma) -> the one person the
    article gives it, as a common noun written before the name ("nominee
    Dana Kerr") or in apposition to it ("Kerr, the nominee"); a role the
    article gives two people stands for neither."""
    cached = doc.user_data.get(_ROLE_HOLDERS_KEY)
    if cached is not None:
        return cached
    holders: dict[str, set[str]] = {}
    for ent in _doc_ents(doc):
        if ent.label_ != "PERSON":
            continue
        name = re.sub(r"['’]s$", "", ent.text)
        for t in ent.root.children:
            if t.pos_ == NOUN_POS and t.text.islower() and (
                (t.dep_ == COMPOUND_DEP and t.i == ent.start - 1) or t.dep_ == APPOSITION_DEP
            ):
                holders.setdefault(t.lemma_.lower(), set()).add(name)
    out: dict[str, str] = {}
    for role, names in holders.items():
        # "Dana Kerr" and "Kerr" are one person: the fullest name stands
        full = max(names, key=len)
        if all(full.split()[-1] == n.split()[-1] for n in names):
            out[role] = full
    doc.user_data[_ROLE_HOLDERS_KEY] = out
    return out


def _owned_object(claim: Span, words: Sequence[int]) -> Token | None:
    """RETURNS (Token | None): the direct object of one of the slot's verbs
    (``words``) that a proper name owns ("support Kerr's agenda": "agenda"),
    or None."""
    doc = claim.doc
    for i in words:
        for obj in doc[i].children:
            if obj.dep_ == DIRECT_OBJECT_DEP and obj.pos_ == NOUN_POS and claim.start <= obj.i < claim.end and any(
                c.dep_ == POSSESSOR_DEP and c.pos_ == PROPER_NOUN_POS for c in obj.children
            ):
                return obj
    return None


def _hyphen_piece(token: Token) -> bool:
    """RETURNS (bool): whether a token is a piece of a hyphenated word other
    than its last ("re" and "-" of "re-election"): no word of its own."""
    doc = token.doc
    if token.is_punct:
        return not token.whitespace_ and token.i > 0 and not doc[token.i - 1].whitespace_
    return not token.whitespace_ and token.i + 2 < len(doc) and doc[token.i + 1].is_punct and not doc[token.i + 1].whitespace_ and doc[token.i + 2].is_alpha


def _patient(claim: Span, words: list[int], match: Match) -> Span | None:
    """RETURNS (Span | None): the person or organisation a slot's act is done
    to (``party`` "patient"): named after its noun's "against" ("charges
    against Kerr"), as its verb's object ("prosecutors charged Kerr") or as
    the subject of its passive ("Kerr was indicted"); else None."""
    doc = claim.doc
    ents = [e for e in _span_ents(claim.sent) if e.label_ in ("PERSON", "ORG")]
    for i in words:
        word = doc[i]
        if match("act_noun", word) is not None:
            # a ``patient_preposition`` rule: "charges *against* Kerr"
            tops = [g for c in word.children if match("patient_preposition", c) is not None for g in c.children if g.dep_ == PREPOSITION_OBJECT_DEP]
            facing = match("patient_verb", word)
            if facing is not None:
                # "Kerr will not face charges": the one who faces them
                _note(word.head, facing)
                tops += [c for c in word.head.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
        else:
            tops = [c for c in word.children if c.dep_ in PATIENT_DEPS]
        for top in tops:
            for t in (top, *(c for c in top.children if c.dep_ == APPOSITION_DEP)):
                found = next((e for e in ents if e.start <= t.i < e.end), None)
                if found is None and t.pos_ == PROPER_NOUN_POS and t.ent_type_ not in NUMERIC_LABELS:
                    found = doc[_name_start(t) : t.i + 1]  # a name the entity tagger missed
                if found is not None:
                    noun = match("act_noun", word)
                    if noun is not None:
                        _note(word, noun)
                    for c in word.children:
                        rule = match("patient_preposition", c)
                        if rule is not None and top.head.i == c.i:
                            _note(c, rule)
                    return found
    return None


def _name_part(name: str, main: str) -> bool:
    """RETURNS (bool): whether one of two names is the other or a part of it,
    word by word ("Talmar" of "Talmar V40"); a name that only holds the other
    inside a word ("DaimlerChrysler", "Chrysler") is another party."""
    words, main_words = name.split(), main.split()
    return all(w in main_words for w in words) or all(w in words for w in main_words)


def _recipient(claim: Span, ents: list[Span], words: list[int], main: str | None, match: Match) -> Span | None:
    """RETURNS (Span | None): the organisation a slot's word says the thing
    goes to ("deliveries *to Aerolux*", "was delivered today *to Aerolux*"):
    the party named after "to" hung on the word, when it is not the main
    subject; else None."""
    doc = claim.doc
    for i in words:
        for prep in doc[i].children:
            rule = match("recipient_preposition", prep)
            if rule is None:
                continue
            for obj in prep.children:
                if obj.dep_ != PREPOSITION_OBJECT_DEP:
                    continue
                found = [e for e in ents if e.label_ in _PARTY_LABELS and e.start <= obj.i < e.end]
                if found and not (main and (found[0].text in main or main in found[0].text)):
                    _note(prep, rule)
                    return found[0]
    return None


#: a ``topic`` rule of ``scope.jsonl`` asked for its role: (role, token) -> the rule that matches, or None
Match = Callable[[str, Token], "ScopeRule | None"]


def _most_voted(counts: Counter[str]) -> str | None:
    """RETURNS (str | None): the topic with the most votes (the first of :data:`TOPICS` on a tie), None without votes."""
    if not counts:
        return None
    best = max(counts.values())
    return next(t for t in TOPICS if counts.get(t) == best)


def _note(token: Token, rule: ScopeRule) -> None:
    """Record that the ``topic`` rule ``rule`` decided at ``token``."""
    record_rule(token.doc, rule.id, token.idx, token.idx + len(token.text))


def _ruled_child(claim: Span, match: Match, kind: str, *, hung_on: bool) -> Token | None:
    """RETURNS (Token | None): the first child inside the claim of its predicate
    (and, with ``hung_on``, of the verb a continuing predicate hangs on) that a
    ``kind`` rule matches, recorded, else None."""
    doc = claim.doc
    head = doc[(claim_of(claim) or {}).get("head", claim.root.i)]
    for verb in (head, head.head) if hung_on and head.dep_ in CONTINUING_VERB_DEPS else (head,):
        for child in verb.children:
            if claim.start <= child.i < claim.end:
                rule = match(kind, child)
                if rule is not None:
                    _note(child, rule)
                    return child
    return None


def _pronoun_subject(claim: Span, match: Match) -> Token | None:
    """RETURNS (Token | None): "it" (an ``it_subject`` rule) as the
    grammatical subject of the claim's predicate (or of the verb it hangs
    on), else None."""
    return _ruled_child(claim, match, "it_subject", hung_on=True)


def _demonstrative_subject(claim: Span, match: Match) -> Token | None:
    """RETURNS (Token | None): "this" or "that" (a ``demonstrative_subject``
    rule) as the grammatical subject of the claim's predicate, else None."""
    return _ruled_child(claim, match, "demonstrative_subject", hung_on=False)


def _pair_subject(claim: Span, match: Match) -> Token | None:
    """RETURNS (Token | None): "both" (a ``pair_subject`` rule) as the
    grammatical subject of the claim's predicate or on that subject's noun, else None."""
    doc = claim.doc
    head = doc[(claim_of(claim) or {}).get("head", claim.root.i)]
    for child in head.children:
        if not claim.start <= child.i < claim.end:
            continue
        for token in (child, *child.children):
            rule = match("pair_subject", token)
            if rule is not None:
                _note(token, rule)
                return token
    return None


#: dependencies of a name that modifies a noun rather than names a thing of its own
_MODIFIER_DEPS = NOUN_PHRASE_MODIFIER_DEPS | {POSSESSOR_DEP}


def _pair_antecedents(token: Token, ents: list[Span], sent_of: list[int]) -> tuple[Span, Span] | None:
    """RETURNS (tuple[Span, Span] | None): the last two names (a person, an
    organisation, a product …) written before ``token``, in its sentence or
    the one before, in text order; a name that modifies a noun ("*Orvik*
    executive Lars Odell", "*Orvik's* chief") is no thing "both" counts.
    None when there are not two."""
    sent = sent_of[token.i]
    found: list[Span] = []
    for ent in reversed([e for e in ents if e.end <= token.i and sent - 1 <= sent_of[e.start] <= sent]):
        if ent.label_ not in PAIR_LABELS or ent.root.dep_ in _MODIFIER_DEPS or ent[-1].tag_ == POSSESSIVE_TAG:
            continue
        if all(e.text != ent.text for e in found):
            found.append(ent)
        if len(found) == 2:
            return found[1], found[0]
    return None


def _joined(claim: Span, ents: list[Span], person: str) -> Span | None:
    """RETURNS (Span | None): the one organisation, work or product a cast
    or crew claim about ``person`` names outside its speaker's words (what
    the person joins or leaves): an entity of those kinds, or a run of proper
    nouns that no person, date or number entity holds ("a Kilbride Rovers
    player", whatever label the tagger gave it); else None."""
    doc = claim.doc
    source = (claim_of(claim) or {}).get("attribution") or {}

    def outside(start_char: int) -> bool:
        return not (source and source["start"] <= start_char < source["end"])

    found = [
        e for e in ents
        if e.label_ in SUBJECT_LABELS and outside(e.start_char) and not (e.end < len(doc) and doc[e.end].tag_ == POSSESSIVE_TAG)
        and not e.text.endswith(("'s", "’s"))
    ]
    i = claim.start
    while i < claim.end:
        if doc[i].pos_ != PROPER_NOUN_POS or doc[i].ent_type_ in _NOT_JOINED:
            i += 1
            continue
        j = i
        while j + 1 < claim.end and doc[j + 1].pos_ == PROPER_NOUN_POS and doc[j + 1].ent_type_ not in _NOT_JOINED:
            j += 1
        run = doc[i : j + 1]
        kinds = {t.ent_type_ for t in run}
        # "Singer Jo Hale": a capitalised word the tagger gives no kind is
        # no team; "a move to Spain": a place after a preposition is where
        where = kinds <= {"GPE", "LOC", "NORP"} and run[-1].dep_ == PREPOSITION_OBJECT_DEP
        owner = j + 1 < len(doc) and doc[j + 1].tag_ == POSSESSIVE_TAG  # "Lucía Ferrand's adaptation": an owner
        if (kinds - {""} or len(run) > 1) and not where and not owner and outside(run.start_char) and not any(
            e.start <= run.start < e.end or run.start <= e.start < run.end for e in found
        ):
            found.append(run)
        i = j + 1
    # "on July 13": a date, whatever label the tagger gave it, is no team
    dates = [(d.start, d.end) for d in doc.spans["dates"]] if "dates" in doc.spans else []
    found = [e for e in found if not any(s < e.end and e.start < t for s, t in dates)]
    main = doc._.main_subject or ""
    names = {e.text for e in found if e.text not in person and person not in e.text and e.text not in main}
    if len(names) != 1:
        return None
    return next(e for e in found if e.text in names)


#: entity labels of the words that never name what a person joins
_NOT_JOINED = frozenset({"PERSON", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def _holder_pronoun(claim: Span, match: Match) -> Token | None:
    """RETURNS (Token | None): "it" as the subject of the claim's predicate
    (``it_subject``), "its" before its object ("increased its holding",
    ``holder_possessive``), or a description as the one it gives to ("would
    give the Danish brewer a stake", ``holder_dative``), else None."""
    doc = claim.doc
    head = doc[(claim_of(claim) or {}).get("head", claim.root.i)]
    for child in head.children:
        rule = match("it_subject", child) or match("holder_dative", child)
        if rule is not None:
            _note(child, rule)
            return child
        for grandchild in child.children:
            rule = match("holder_possessive", grandchild)
            if rule is not None:
                _note(grandchild, rule)
                return grandchild
    return None


#: a code that names a variant: a figure with letters ("5G", "1TB", "256GB"); capitals alone are
#: too often a common noun's ("AI models", "TV version")
_VARIANT_CODE = re.compile(r"(?=.*\d)[A-Za-z0-9][A-Za-z0-9.+-]{1,9}")


def _subject_noun_before(token: Token) -> Token | None:
    """RETURNS (Token | None): the nearest subject, before ``token``, of a
    clause the clause of ``token`` hangs on (or is joined to), that is no
    pronoun ("The union said it …"); None if there is none."""
    verb = token.head
    while verb.head.i != verb.i:
        verb = verb.head
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.i < token.i and child.pos_ != PRONOUN_POS:
                return child
    return None


def _subject_before(token: Token) -> Span | None:
    """RETURNS (Span | None): the name that is the subject of a clause the
    clause of ``token`` hangs on or is joined to ("Halden is said to …, and
    it …"), or None when that subject is no name ("The union said it …") or
    there is none; a person, a date or a number is no name "it" stands for."""
    t = _subject_noun_before(token)
    if t is None or t.pos_ != PROPER_NOUN_POS or t.ent_type_ in _NOT_JOINED:
        return None
    return t.doc[_name_start(t) : t.i + 1]


def _person_before(
    pronoun: Token, ents: list[Span], sent_of: Sequence[int], source: str = "", surnames: frozenset[str] = frozenset()
) -> str | None:
    """RETURNS (str | None): the name of the person "he" or "she" stands for:
    the person who is the subject of a clause its own hangs on or is joined
    to ("Grant said he …"), else the last person named as a clause's subject
    before it in its sentence or the one before ("Reyes toured the towns.
    She has asked …"), but not the claim's speaker (``source``, the words of
    its attribution, when "he" is quoted: '"He will lose," Reyes said'
    speaks of another);
    without a closing possessive; a surname of a person the article names
    in full (``surnames``) is a person's name where the tagger missed it
    ("Whitlow toured the towns. She has asked …"); None if there is none."""
    doc = pronoun.doc
    noun = _subject_noun_before(pronoun)
    people = [e for e in ents if e.label_ == "PERSON" and e.end <= pronoun.i]
    if surnames:
        first = next((i for i in range(pronoun.i, -1, -1) if sent_of[pronoun.i] - sent_of[i] > 1), -1) + 1
        tagged = {i for e in people for i in range(e.start, e.end)}
        people = sorted(
            [*people, *(doc[i : i + 1] for i in range(first, pronoun.i) if i not in tagged and _surname_token(doc[i], surnames))],
            key=lambda e: e.start,
        )
    if noun is not None:
        found = next((e for e in people if e.start <= noun.i < e.end), None)
        if found is None:
            return None  # "The senator said he …": a description, not a name
    else:
        found = next(
            (
                e for e in reversed(people)
                if sent_of[pronoun.i] - sent_of[e.start] <= 1
                and any(doc[i].dep_ in NOMINAL_SUBJECT_DEPS and doc[i].head.i not in range(e.start, e.end) for i in range(e.start, e.end))
            ),
            None,
        )
    if found is None or (noun is None and found[-1].text in source.split()):
        return None
    return re.sub(r"['’]s$", "", found.text)


def _quoted(token: Token) -> bool:
    """RETURNS (bool): whether a token stands inside one of its Doc's quotations."""
    return any(start < token.idx < end for start, end in doc_quotations(token.doc))


#: entity labels of a party that holds its own facts in news about people and bodies
_HOLDER_LABELS = frozenset({"PERSON", "ORG"})
_PERSON_LABELS = frozenset({"PERSON"})


def _lede_organisation(ents: Sequence[Span], name: str, text: str, skip: int = 0) -> str | None:
    """RETURNS (str | None): the organisation's full name where a title's name
    ("Ford") is, where the body first writes it, the start of a longer
    organisation's name ("… providing Ford Australia with a package"): the
    article follows that one, named in full in its lead; else None."""
    at = re.search(r"(?<![^\W_])" + re.escape(name) + r"(?![^\W_])", text[skip:])
    if at is None:
        return None
    first = skip + at.start()
    for ent in ents:
        if ent.label_ == "ORG" and ent.start_char == first:
            full = re.sub(r"['’]s$", "", ent.text)
            if full.startswith(name + " ") and all(t.text[:1].isupper() for t in ent if t.tag_ != POSSESSIVE_TAG):
                return full
    return None


def _full_names(ents: Sequence[Span], surname: str, skip: int = 0) -> list[str]:
    """RETURNS (list[str]): the full names the body writes that end in
    ``surname``, in the order written: a person's entity ("Ilse Brandt",
    "Ilse Brandt's" as "Ilse Brandt"), or a run of proper nouns the tagger
    took for an organisation ("Carly Fiorina" tagged ORG beside her father
    "Frank Fiorina" tagged PERSON); none from a headline the body opens
    with (before ``skip``: "Will Brandt Run?" is no name)."""
    found = []
    for ent in ents:
        if ent.start_char < skip:
            continue
        text = re.sub(r"['’]s$", "", ent.text)
        if not text.endswith(" " + surname):
            continue
        if ent.label_ == "PERSON" or (
            ent.label_ == "ORG" and len(text.split()) <= 3
            and all(t.pos_ == PROPER_NOUN_POS and t.text[:1].isupper() for t in ent if t.tag_ != POSSESSIVE_TAG)
        ):
            found.append(text)
    return found


def _named_party(
    claim: Span, ents: list[Span], main: str | None, labels: frozenset[str] = _HOLDER_LABELS,
    surnames: frozenset[str] = frozenset(),
) -> Span | None:
    """RETURNS (Span | None): the person or organisation entity that is the
    grammatical subject of a claim's predicate, stands in apposition to it
    or owns it ("Whitlow's lead has narrowed"), other than the main subject
    and outside the claim's source; else a proper noun there that is the
    surname of a person the article names in full (``surnames``: "Whitlow
    conceded on Friday" where the tagger missed the name or took it for a
    firm); else None."""
    doc = claim.doc
    info = claim_of(claim) or {}
    source = info.get("attribution") or {}
    head = doc[info.get("head", claim.root.i)]
    subjects = {c.i for c in head.children if c.dep_ in SUBJECT_DEPS}
    subjects |= {c.i for i in list(subjects) for c in doc[i].children if c.dep_ in (APPOSITION_DEP, POSSESSOR_DEP)}
    for ent in ents:
        if ent.label_ not in labels or ent.text == main or (main and ent.text in main):
            continue
        if source and source["start"] <= ent.start_char < source["end"]:
            continue
        if any(ent.start <= i < ent.end for i in subjects):
            # "Dana Whitlow's": the name without its possessive ending
            return ent[:-1] if len(ent) > 1 and ent[-1].tag_ == POSSESSIVE_TAG else ent
    for i in sorted(subjects):
        token = doc[i]
        if not _surname_token(token, surnames) or token.ent_type_ in labels:
            continue
        if (source and source["start"] <= token.idx < source["end"]) or (main and token.text in main.split()):
            continue
        return doc[i : i + 1]
    return None


def _surname_token(token: Token, surnames: frozenset[str]) -> bool:
    """RETURNS (bool): whether a token is a proper noun written as the surname of
    a person the article names in full (:func:`_surnames`), on its own: not
    the end of a longer name ("Vigo County" is no Mr. County; whatever the
    tagger took the lone surname for), nor a word of a longer proper name
    ("the Northrop Grumman tankers"; a title such as "Mr." or "Sen." may
    stand before it)."""
    return (
        token.pos_ == PROPER_NOUN_POS and token.text in surnames
        and token.ent_iob_ != "I" and not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I")
        and token.dep_ != COMPOUND_DEP
        and not any(c.dep_ == COMPOUND_DEP and c.pos_ == PROPER_NOUN_POS and not c.text.endswith(".") for c in token.children)
    )


def _surnames(ents: Sequence[Span]) -> frozenset[str]:
    """RETURNS (frozenset[str]): the last words of the persons' names an
    article writes in full ("Dana Whitlow", "Dana Whitlow's": "Whitlow")."""
    return frozenset(
        words[-1] for e in ents if e.label_ == "PERSON"
        for words in [re.sub(r"['’]s$", "", e.text).split()] if len(words) > 1 and words[-1][:1].isupper()
    )


def _relative_subject(
    claim: Span, ents: list[Span], starts: list[int], match: Match, people: bool = False
) -> tuple[Token, Span] | None:
    """RETURNS (tuple[Token, Span] | None): the relative pronoun that is the
    subject of a claim that is a relative clause, and the name (a work,
    product or organisation entity; with ``people``, a person too: "Ilse
    Brandt, who has led the council since 2019") the clause follows; else None."""
    import bisect

    doc = claim.doc
    head = doc[(claim_of(claim) or {}).get("head", claim.root.i)]
    # a ``relative_pronoun`` rule: "which" or "who" as the subject of a
    # relative clause, or "whose" on that subject ("the Vela, whose sales fell")
    found = next(((c, rule) for c in head.children if (rule := match("relative_pronoun", c)) is not None), None)
    if found is None:
        found = next(
            (
                (g, rule)
                for c in head.children if c.dep_ in NOMINAL_SUBJECT_DEPS
                for g in c.children if (rule := match("relative_pronoun", g)) is not None
            ),
            None,
        )
    if found is None:
        return None
    pronoun, rule = found
    at = head.head.i
    if people and doc[at].dep_ == APPOSITION_DEP:
        # "Ilse Brandt, a councillor who …": the name the apposition describes
        at = doc[at].head.i
    if at > 0 and doc[at].pos_ == NOUN_POS and doc[at - 1].dep_ == COMPOUND_DEP and doc[at - 1].head.i == at:
        # "the Vela X sedan, which is being phased out": a common noun after
        # a name compounded onto it follows that name
        at -= 1
    n = bisect.bisect_right(starts, at) - 1
    labels = SUBJECT_LABELS | {"PERSON"} if people else SUBJECT_LABELS
    if n < 0 or not ents[n].start <= at < ents[n].end:
        if doc[at].pos_ != PROPER_NOUN_POS or doc[at].ent_type_:
            return None
        # "the Vela X, whose sales fell": a name of several words the entity
        # tagger missed is the name its clause follows
        name = doc[_name_start(doc[at]) : at + 1]
        if len(name) < 2:
            return None
        _note(pronoun, rule)
        return pronoun, name
    if ents[n].label_ not in labels:
        return None
    _note(pronoun, rule)
    return pronoun, ents[n]


def _has_label(claim: Span, ents: list[Span], labels: list[str], in_object: bool = False) -> bool:
    """RETURNS (bool): whether the claim holds an entity of one of ``labels``
    outside its speaker's words (with ``in_object``: in the direct object of
    its predicate, or of the verb the predicate takes: "agreed to buy 60 jets")."""
    info = claim_of(claim) or {}
    source = info.get("attribution") or {}
    found = [e for e in ents if e.label_ in labels and not (source and source["start"] <= e.start_char < source["end"])]
    if not in_object or not found:
        return bool(found)
    head = claim.doc[info.get("head", claim.root.i)]
    verbs = [head, *(c for c in head.children if c.dep_ == OPEN_COMPLEMENT_DEP)]
    inside = {t.i for v in verbs for c in v.children if c.dep_ == DIRECT_OBJECT_DEP for t in _without_clauses(c)}
    return any(e.start in inside for e in found)


def _without_clauses(token: Token) -> list[Token]:
    """RETURNS (list[Token]): the subtree of ``token`` without the clauses
    that hang on it ("the agreement reached between the two firms")."""
    out = [token]
    for child in token.children:
        if child.dep_ not in SUBORDINATE_CLAUSE_DEPS:
            out += _without_clauses(child)
    return out


def _short_mention(claim: Span, main: str) -> tuple[int, int] | None:
    """RETURNS (tuple[int, int] | None): where the claim names the main subject
    by the numbered end of its name ("X2" for "Nimbus X2", "Witcher 4" for
    "The Witcher 4") or by its first word and number ("Alita 2" for "Alita:
    Battle Angel 2"), in characters; None if it does not."""
    words = main.split(" ")
    tails = [" ".join(words[k:]) for k in range(len(words) - 1, 0, -1)]
    if len(words) > 2 and words[-1].isdigit() and words[0].rstrip(":").isalpha() and words[0].lower() not in ARTICLES:
        # "Alita 2" for "Alita: Battle Angel 2": the name's first word and its number
        tails.append(f"{words[0].rstrip(':')} {words[-1]}")
    text = None  # the claim's text, built once (``Span.text`` joins its tokens on every access)
    for tail in tails:
        if len(tail) < 2 or not any(ch.isdigit() for ch in tail) or not any(ch.isalpha() for ch in tail):
            continue
        if text is None:
            text = span_text(claim)
        match = re.search(r"(?<![\w-])" + re.escape(tail) + r"(?![\w-])", text) if tail in text else None
        if match:
            return claim.start_char + match.start(), claim.start_char + match.end()
    return None


def _numbered_name(claim: Span, subjects: set[int], main: str, parts: dict[str, str]) -> tuple[int, int] | None:
    """RETURNS (tuple[int, int] | None): a numbered proper name other than the
    main subject in the claim's grammatical subject ("the Nimbus X1, its
    current flagship, went on sale"): a sibling model, season or sequel is a
    subject of its own. In characters; None if there is none."""
    doc = claim.doc
    for i in sorted(subjects):
        token = doc[i]
        # the subject itself, or a name in apposition to it
        heads = [token, *(c for c in token.children if c.dep_ == APPOSITION_DEP)]
        for head in heads:
            run = [t for t in doc[head.left_edge.i : head.i + 1] if t.i >= _name_start(head)]
            found = _numbered(run, main, parts)
            if found is not None:
                return found
    return None


def _name_start(head: Token) -> int:
    """RETURNS (int): the first token of the proper-name run that ends at ``head``."""
    i = head.i
    doc = head.doc
    while i - 1 >= head.left_edge.i and (doc[i - 1].pos_ == PROPER_NOUN_POS or doc[i - 1].text in ("-", ":")):
        i -= 1
    return i


def _numbered(run: list[Token], main: str, parts: dict[str, str]) -> tuple[int, int] | None:
    """RETURNS (tuple[int, int] | None): the span of a numbered name (a run of
    proper nouns ending in a number) other than ``main``; a part of a series
    ("Season 3": a word of ``parts``, word -> rule id) is none."""
    while run and run[0].text in ("-", ":"):
        run = run[1:]
    if len(run) < 2 or not any(ch.isdigit() for ch in run[-1].text):
        return None
    if run[-1].ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"):
        return None
    if run[0].lower_ in parts:
        record_rule(run[0].doc, parts[run[0].lower_], run[0].idx, run[0].idx + len(run[0]))
        return None
    if not run[0].text[:1].isupper():
        return None
    if run[0].i > 0 and run[0].doc[run[0].i - 1].text == "-":
        return None
    start, end = run[0].idx, run[-1].idx + len(run[-1])
    text = run[0].doc[run[0].i : run[-1].i + 1].text
    if text == main or text in main or main in text:
        return None
    return start, end


#: the marks that open an apposition before a codename noun ("HLX, the internal codename": between them, only words of DESCRIBER_POS)
_APPOSITION = frozenset({",", "(", "—", "–"})
_QUOTE_CHARS = frozenset("\"'“”‘’")


def _phrase_words(phrase: str) -> list[str]:
    """RETURNS (list[str]): a phrase split the way the tokenizer splits it ("code-named" -> code, -, named)."""
    return phrase.replace("-", " - ").split()


def _phrase_at(doc: Doc, i: int, phrase: tuple[str, ...]) -> bool:
    """RETURNS (bool): whether the words of ``phrase`` (lower case or lemma) start at token ``i``."""
    if i + len(phrase) > len(doc):
        return False
    return all(doc[i + k].lower_ == word or doc[i + k].lemma_.lower() == word for k, word in enumerate(phrase))


def _absolute_owner(claim: Span, main: str | None, words: SegmentWords) -> tuple[int, int] | None:
    """RETURNS (tuple[int, int] | None): the character span of the name that
    is the object of the clause an absolute claim ("with a launch planned …")
    hangs on, when it is not the main subject, or None."""
    first = claim.doc[claim.start]
    if not is_absolute(first, words):
        return None
    obj = next((c for c in first.head.children if c.dep_ == DIRECT_OBJECT_DEP), None)
    if obj is None or obj.pos_ != PROPER_NOUN_POS:
        return None
    start, end = _name_until(claim.doc, obj.i)
    if start == end:
        return None
    name = doc_text(claim.doc)[start:end]
    if main and (name == main or main in name or name in main):
        return None
    return (start, end)


def _is_name_token(token: Token) -> bool:
    return token.text[:1].isupper() or (token.like_num and token.i > 0) or token.text in ("-", ":")


def _name_from(doc: Doc, i: int) -> tuple[int, int]:
    """RETURNS (tuple[int, int]): the character span of the capitalised name starting at token ``i`` (quotes skipped), or (0, 0)."""
    while i < len(doc) and doc[i].text in _QUOTE_CHARS:
        i += 1
    if i >= len(doc) or not doc[i].text[:1].isupper():
        return (0, 0)
    end = i
    while end + 1 < len(doc) and _is_name_token(doc[end + 1]) and not doc[end + 1].is_sent_start:
        end += 1
    while end > i and doc[end].text in ("-", ":"):
        end -= 1
    return (doc[i].idx, doc[end].idx + len(doc[end]))


def _name_until(doc: Doc, i: int) -> tuple[int, int]:
    """RETURNS (tuple[int, int]): the character span of the capitalised name ending at token ``i`` (quotes skipped), or (0, 0)."""
    while i >= 0 and doc[i].text in _QUOTE_CHARS:
        i -= 1
    if i < 0 or not (doc[i].text[:1].isupper() or doc[i].like_num):
        return (0, 0)
    start = i
    while start - 1 >= 0 and _is_name_token(doc[start - 1]) and not doc[start].is_sent_start:
        start -= 1
    while start < i and not doc[start].text[:1].isupper():
        start += 1
    if not doc[start].text[:1].isupper():
        return (0, 0)
    return (doc[start].idx, doc[i].idx + len(doc[i]))


def _name_of(token: Token) -> tuple[int, int]:
    """RETURNS (tuple[int, int]): the character span of a subject that is a bare capitalised name, or (0, 0)."""
    span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    words = [t for t in span_tokens(span) if t.text not in _QUOTE_CHARS]
    if not words or not all(_is_name_token(t) for t in words) or not words[0].text[:1].isupper():
        return (0, 0)
    return (words[0].idx, words[-1].idx + len(words[-1]))


def _char_text(span: Span, start: int, end: int) -> str:
    """RETURNS (str): the text at character offsets inside ``span`` (not ``doc.text``, which is built anew on each call)."""
    return span_text(span)[start - span.start_char : end - span.start_char]


def _mentions(text: str, aliases: dict[str, str]) -> list[tuple[int, int, str]]:
    """RETURNS (list[tuple[int, int, str]]): every whole-word mention of a codename in ``text``, in order."""
    found = []
    for name in aliases:
        if name not in text:
            continue
        for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            found.append((match.start(), match.end(), name))
    return sorted(found)


@Language.factory(
    "claimx_topic",
    assigns=["span._.claim_subject", "span._.claim_topic", "span._.claim_key", "doc._.main_subject"],
    requires=["span._.claim_head", "span._.claim_attribution", "span._.timex", "doc.ents"],
    default_config={"spans_key": CLAIMS_KEY, "rules_dir": None},
)
def make_topic(nlp: Language, name: str, spans_key: str, rules_dir: str | None) -> TopicTagger:
    """Build the subject/topic tagger (see :class:`TopicTagger`)."""
    return TopicTagger(rules_dir=Path(rules_dir) if rules_dir else None, spans_key=spans_key, load=False)
