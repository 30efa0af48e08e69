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
#: Dependencies of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
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
#: the parts of speech of a verb
VERB_POS = frozenset({"VERB", "AUX"})


def served_verb(token: Token) -> Token:
    """RETURNS (Token): the verb an auxiliary serves ("*has* delayed": "delayed"), else the token itself."""
    if token.dep_ in AUXILIARY_DEPS and token.head is not token:
        return token.head
    return token
