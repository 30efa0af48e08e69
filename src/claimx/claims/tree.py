""":mod:`claimx.claims.tree`: the parse-tree vocabulary the components share.

Dependency labels, entity-label classes and the one-line tree helpers that
more than one component reads, stated once. These name the grammar of the
base model's annotation scheme (ClearNLP dependencies, OntoNotes entities),
not English content words: those live in the rule packs (``models/en``).
"""

from __future__ import annotations

from spacy.tokens import Token

#: Dependency labels that attach a clause of its own to its head.
CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis"})
#: Dependency labels that attach a clause of its own to a head (every one of
#: CLAUSE_DEPS but the root's).
ATTACHED_CLAUSE_DEPS = CLAUSE_DEPS - {"ROOT"}
#: Dependencies of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
#: Dependencies of a nominal subject, active or passive.
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Dependencies of a clause that modifies a noun (a relative clause, a participle on it).
CLAUSAL_MODIFIER_DEPS = frozenset({"relcl", "acl"})
#: Dependencies of a connective that opens a clause (a coordinating conjunction,
#: a subordinator): no part of a claim at its edges.
CONNECTIVE_DEPS = frozenset({"cc", "mark"})
#: Dependencies of a noun that is a core argument of its verb (subject, object,
#: predicate nominal): the verb speaks for it ("the *launch* is scheduled",
#: "plans an *event*").
CORE_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
#: Function words: the subject pronouns that stand for one person ("*she* will direct").
PERSON_SUBJECT_PRONOUNS = frozenset({"he", "she"})
#: Function words: the definite article, which a name may be written with
#: ("*the* Talmar V40") and which is no part of the name itself.
DEFINITE_ARTICLE = "the"
#: Function words: the articles, none of them a name's first word.
ARTICLES = frozenset({DEFINITE_ARTICLE, "a", "an"})
#: Function words: the pronouns and relative words that stand for a name
#: ("*it* will open", "the firm, *which* …"): a mention that is one names nothing itself.
STAND_IN_PRONOUNS = frozenset({"it", "its", "which", "who", "that"})
#: Entity labels of dates, times, amounts and numbers: figures, never a
#: subject; a superlative with one is a measurable fact ("the biggest tour of 2026").
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})

#: Dependencies of an auxiliary on the verb it serves.
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
#: the dependency of a clause a verb takes as its complement ("said *that it would close*")
COMPLEMENT_DEP = "ccomp"
#: the dependency of a subjectless complement ("was set *to open*")
OPEN_COMPLEMENT_DEP = "xcomp"
#: Dependencies of a noun, a number or a name that builds a noun phrase on its
#: head noun ("the *Talmar* V40", "the *2027* models").
NOUN_MODIFIER_DEPS = frozenset({"compound", "nummod", "nmod"})
#: NOUN_MODIFIER_DEPS and an adjective's: every word a noun phrase builds on its head.
NOUN_PHRASE_MODIFIER_DEPS = NOUN_MODIFIER_DEPS | {"amod"}
#: Dependencies of what a verb acts on: its direct object, or its subject in the
#: passive ("approved *the plan*", "*the plan* was approved").
PATIENT_DEPS = frozenset({"dobj", "nsubjpass"})
#: Dependencies of a clause that hangs on a word (a relative or participle
#: clause, an adverbial clause, a complement).
SUBORDINATE_CLAUSE_DEPS = CLAUSAL_MODIFIER_DEPS | {"advcl", COMPLEMENT_DEP}
#: Dependencies of a verb that continues another (a subjectless complement, a
#: conjunct): the verb it continues holds its subject.
CONTINUING_VERB_DEPS = frozenset({OPEN_COMPLEMENT_DEP, "conj"})
#: Dependencies of a predicate with no subject of its own, which acts through
#: its head's ("is not ready *to back* her", "*ready* to", a conjunct).
SUBJECTLESS_PREDICATE_DEPS = frozenset({OPEN_COMPLEMENT_DEP, "advcl", "acomp", "conj"})
#: the dependency of an apposition ("Ann Lee, *the director*")
APPOSITION_DEP = "appos"
#: the dependency of a noun before another that it names or describes ("*Talmar* tankers")
COMPOUND_DEP = "compound"
#: the dependency of a verb's direct object
DIRECT_OBJECT_DEP = "dobj"
#: a number that counts a noun ("*900* pages")
NUMBER_MODIFIER_DEP = "nummod"
#: the dependency of a preposition's object
PREPOSITION_OBJECT_DEP = "pobj"
#: the dependency of a possessive determiner or noun ("*Ann's* film")
POSSESSOR_DEP = "poss"
#: the dependency of a predicate nominal ("is *the director*")
ATTRIBUTE_DEP = "attr"
#: the dependency of a noun used as an adverb ("*Monday*", "two *days* later")
NOUN_ADVERBIAL_DEP = "npadvmod"
#: the dependency of an object predicate ("named it *Talmar*")
OBJECT_PREDICATE_DEP = "oprd"
#: the dependency of an active clause's nominal subject
ACTIVE_SUBJECT_DEP = "nsubj"
#: the part of speech of a proper noun (a name)
PROPER_NOUN_POS = "PROPN"
#: the part of speech of a common noun
NOUN_POS = "NOUN"
#: the part of speech of a number
NUMBER_POS = "NUM"
#: the part of speech of a pronoun
PRONOUN_POS = "PRON"
#: the part of speech of a preposition
ADPOSITION_POS = "ADP"
#: parts of speech of the words that describe a noun in a noun phrase before
#: it (an article, an adjective, an adverb, a particle, a noun, a pronoun:
#: "HLX, *the internal* codename")
#: The part of speech of an adjective.
ADJECTIVE_POS = "ADJ"
DESCRIBER_POS = frozenset({"DET", ADJECTIVE_POS, "ADV", "PART", NOUN_POS, PRONOUN_POS})
#: the tag of a possessive ending ("Ann*'s*")
POSSESSIVE_TAG = "POS"
#: the tag of a singular common noun ("the *poll*", not "the *polls*")
SINGULAR_NOUN_TAG = "NN"
#: the parts of speech of a verb (one ends the walk up from a noun to its clause)
VERB_POS = frozenset({"VERB", "AUX"})
#: the dependency of a conjunct on the first of its coordination
CONJUNCT_DEP = "conj"
#: Dependencies of a clause set after another, coordinated with it or beside it
#: (", analysts said"; "…, and the board agreed")
SIDE_CLAUSE_DEPS = frozenset({CONJUNCT_DEP, "parataxis"})
#: Dependencies of a clause a verb reports: its complement, or one beside it ("…: the plant will close")
REPORTED_CLAUSE_DEPS = frozenset({COMPLEMENT_DEP, "parataxis"})
#: Dependencies of what, past a gap after a claim's predicate, is more than a
#: loose phrase: a conjunct or a nominal subject ("…, and Ed Lee as Bo")
BEYOND_GAP_DEPS = NOMINAL_SUBJECT_DEPS | {CONJUNCT_DEP}
#: Dependencies of a passive auxiliary, a coordinating conjunction and a negation
#: on a verb (a reporter with one of them is more than ", X said")
PASSIVE_CONJUNCTION_NEGATION_DEPS = frozenset({"auxpass", "cc", "neg"})


def served_verb(token: Token) -> Token:
    """RETURNS (Token): the verb an auxiliary serves ("*has* delayed": "delayed"), else the token itself."""
    if token.dep_ in AUXILIARY_DEPS and token.head.i != token.i:
        return token.head
    return token


#: the tags of a participle, past or present
PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
#: the tags of a finite verb
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: the tags of a finite auxiliary (a modal is one)
FINITE_AUXILIARY_TAGS = FINITE_TAGS | {"MD"}
#: finite forms of "be" (function words), finite even where the tagger says "VB"
FINITE_BE = frozenset({"is", "are", "was", "were", "'s", "'re", "am"})


def finite(verb: Token) -> bool:
    """RETURNS (bool): whether a verb is finite: a finite tag, or a finite
    auxiliary ("is scheduled", "has said"), even where the tagger says "VB"."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(
        c.dep_ in AUXILIARY_DEPS and (c.tag_ in FINITE_AUXILIARY_TAGS or c.lower_ in FINITE_BE) for c in verb.children
    )


def in_subject(noun: Token) -> bool:
    """RETURNS (bool): whether a noun is its clause's subject or inside it
    ("the ban on X in public places"), walking up to the first verb."""
    token = noun
    while token.pos_ not in VERB_POS and token.head.i != token.i:
        if token.dep_ in SUBJECT_DEPS:
            return True
        token = token.head
    return token.dep_ in SUBJECT_DEPS and token.i == noun.i


#: the copula "be", a function word
BE = "be"
#: what the model's lemmatizer misses of a contraction spelt with a curly
#: apostrophe ("You’re", "He’s"): the normalised form the tagger saw
CONTRACTED_BE = frozenset({"are", "am", "is", "'s", "'re", "'m"})
#: the tags of a present-tense verb, which a contracted copula carries
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def copula_lemma(token: Token) -> str:
    """RETURNS (str): ``token``'s lowercased lemma, "be" for a contracted copula
    spelt with a curly apostrophe ("You’re late", "It’s a shame"), which the
    lemmatizer leaves as it is (its straight twin "You're" gets "be")."""
    if "’" in token.text and token.tag_ in PRESENT_TAGS and token.norm_ in CONTRACTED_BE:
        return BE
    return token.lemma_.lower()

#: the dependencies of a negating word on what it negates ("*not* ready",
#: "*no* deal", "*never* signed", "*neither* … nor")
NEGATOR_DEPS = frozenset({"neg", "det", "advmod", "preconj"})
#: the parts of speech of a noun phrase's head (a noun, a name, a pronoun)
NOMINAL_POS = frozenset({NOUN_POS, PROPER_NOUN_POS, PRONOUN_POS})
#: the dependency of a verb's particle ("sign *off*")
PARTICLE_DEP = "prt"
#: the dependency of an auxiliary of tense, aspect or mood ("*has* signed")
AUXILIARY_DEP = "aux"
#: the dependency of an adverbial clause on its verb
ADVERBIAL_CLAUSE_DEP = "advcl"
#: the tag of the infinitive marker "to"
INFINITIVE_MARKER_TAG = "TO"
#: the tag of a past-tense verb ("signed")
PAST_TAG = "VBD"
#: the tag of a past participle ("has *signed*")
PAST_PARTICIPLE_TAG = "VBN"
#: the tag of a gerund or present participle ("*making* the jet")
GERUND_TAG = "VBG"
#: the tags of a verb that takes its time from the verb it hangs on (a bare
#: infinitive, a gerund or participle)
NON_FINITE_TAGS = frozenset({"VB", GERUND_TAG})
#: the dependencies of a non-finite verb on the verb whose time it takes
NON_FINITE_ATTACHMENT_DEPS = frozenset({OPEN_COMPLEMENT_DEP, ADVERBIAL_CLAUSE_DEP})
#: the dependency of a relative clause on its noun ("the aide *who* spoke")
RELATIVE_CLAUSE_DEP = "relcl"
#: tags of the pronoun that opens a relative clause ("which", "that", "who"), standing for the noun it hangs on
RELATIVE_PRONOUN_TAGS = frozenset({"WDT", "WP"})
#: the dependency of a passive's "by" phrase on its verb
AGENT_DEP = "agent"
#: the dependency of a preposition on what it modifies
PREPOSITION_DEP = "prep"
#: the part of speech of a full (non-auxiliary) verb
FULL_VERB_POS = "VERB"
#: the parts of speech of a noun or a name
NOUN_OR_NAME_POS = frozenset({NOUN_POS, PROPER_NOUN_POS})
#: the dependencies of a clause a verb reports, or its open complement ("said
#: that …", "…: …", "urged her to …")
REPORT_COMPLEMENT_DEPS = REPORTED_CLAUSE_DEPS | {OPEN_COMPLEMENT_DEP}
#: the dependencies of a clause that hangs on a verb beside its main clause
#: (an adverbial clause, a clause beside it, a complement, a conjunct)
HANGING_CLAUSE_DEPS = frozenset({ADVERBIAL_CLAUSE_DEP, "parataxis", COMPLEMENT_DEP, CONJUNCT_DEP})
#: the dependencies of a clause coordinated with or reported by its verb
CONJUNCT_OR_COMPLEMENT_DEPS = frozenset({CONJUNCT_DEP, COMPLEMENT_DEP})
#: the dependencies by which a clause continues the verb above it (a
#: complement, a conjunct, an open complement, an adverbial clause)
CONTINUED_CLAUSE_DEPS = frozenset({COMPLEMENT_DEP, CONJUNCT_DEP, OPEN_COMPLEMENT_DEP, ADVERBIAL_CLAUSE_DEP})
#: function word: the preposition that opens an absolute phrase ("*with* half of it coming from …")
ABSOLUTE_PREPOSITION = "with"
#: the dependency of an expletive subject ("*there* is", "*it* seems")
EXPLETIVE_DEP = "expl"
#: the dependency of a subordinating conjunction on its clause ("*because* it rained")
MARKER_DEP = "mark"
#: the dependency of a negation on its verb ("did *not* sign")
NEGATION_DEP = "neg"
#: the dependencies of what a copula says of its subject ("is *a pilot*", "is *ready*")
COPULA_COMPLEMENT_DEPS = frozenset({ATTRIBUTE_DEP, "acomp"})
#: the part of speech of a coordinating conjunction ("and", "but")
COORDINATOR_POS = "CCONJ"
#: the dependency of a coordinator on what it joins ("and", and "so" or "yet" tagged as adverbs)
COORDINATION_DEP = "cc"
#: the part of speech of an adverb ("so", "then", "quickly")
ADVERB_POS = "ADV"
#: the part of speech of an auxiliary or a copula ("*does* it", "*will* they", "*is* it")
AUXILIARY_POS = "AUX"
#: tags of a wh-word ("*why*", "*who*", "*which*", "*whose*")
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
#: the tag of a verb's base form ("will *sign*", "*Sign* here")
BASE_FORM_TAG = "VB"
#: the parts of speech of function words that head no claim (a pronoun, a
#: determiner, a subordinator, a preposition)
FUNCTION_WORD_POS = frozenset({PRONOUN_POS, "DET", "SCONJ", ADPOSITION_POS})
#: function word: "one" as a pronoun ("one of the films"), not a figure
PRONOUN_ONE = "one"
