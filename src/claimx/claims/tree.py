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
#: Entity labels of dates, times, amounts and numbers: figures, never a
#: subject; a superlative with one is a measurable fact ("the biggest tour of 2026").
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})

#: Dependencies of an auxiliary on the verb it serves.
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
#: the dependency of a clause a verb takes as its complement ("said *that it would close*")
COMPLEMENT_DEP = "ccomp"
#: the dependency of a subjectless complement ("was set *to open*")
OPEN_COMPLEMENT_DEP = "xcomp"
#: the parts of speech of a verb (one ends the walk up from a noun to its clause)
VERB_POS = frozenset({"VERB", "AUX"})
#: the dependency of a conjunct on the first of its coordination
CONJUNCT_DEP = "conj"
#: the dependency of an active clause's nominal subject
ACTIVE_SUBJECT_DEP = "nsubj"
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
    if token.dep_ in AUXILIARY_DEPS and token.head is not token:
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
