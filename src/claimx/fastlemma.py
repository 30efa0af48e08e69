""":mod:`claimx.fastlemma`: the base model's lemmatizer, one look-up per distinct token.

spaCy's rule lemmatizer walks the Doc token by token in Python (a ``Token``
made, its form, tag and morphology read, its lemma string set); its rule
look-up is cached, the walk is not. Its answer is a function of the token's
form, part of speech and morphology alone (the cache's own key, and the only
things ``rule_lemmatize``, ``is_base_form`` and ``lookup_lemmatize`` read),
so :func:`speed_up_lemmatizer` gives the component a ``__call__`` that reads
those three columns with ``Doc.to_array``, asks the lemmatizer once per
distinct triple (remembered across Docs, the memory bounded) and writes the
lemma column back with ``Doc.from_array``. Same lemmas, a fraction of the
time.

The rule mode's first look-up of a triple tries each suffix rule's form
against the part of speech's word index, which the model's tables hold as a
list (57,000 nouns): ``form in index`` walks it. :func:`speed_up_lemmatizer`
gives each list of that table a set beside it for ``in`` (:class:`IndexList`,
still the same list: serialised, iterated and compared as before). About a
second of CPU on 150 news articles in a fresh process, as much as the rest of
the lemmatizer's time.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

#: Distinct (form, part of speech, morphology) triples remembered before the memo starts again.
_MAX_MEMO = 200_000
#: The modes whose answer depends only on the triple.
_PURE_MODES = ("rule", "lookup")


class IndexList(list):  # type: ignore[type-arg]
    """A list of words whose ``in`` asks a set of them: the same answers, without walking the list."""

    __slots__ = ("_members",)

    def __init__(self, items: Any = ()) -> None:
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item: object) -> bool:
        try:
            return item in self._members
        except TypeError:  # an unhashable item: the list's own walk
            return list.__contains__(self, item)

    def __reduce__(self) -> Any:
        return (IndexList, (list(self),))


def _index_sets(lemmatizer: Any) -> int:
    """Give each list of the lemmatizer's ``lemma_index`` table its set (:class:`IndexList`).
    RETURNS (int): the lists given one."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return 0
    table = lookups.get_table("lemma_index")
    done = 0
    for key in list(table.keys()):
        value = table[key]
        if type(value) is list:
            table[key] = IndexList(value)
            done += 1
    return done


class ArrayLemmatizer(Lemmatizer):
    """A ``Lemmatizer`` (or subclass) whose ``__call__`` looks each distinct token up once."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            if not len(doc):
                return doc
            memo = self.__dict__.setdefault("_lemma_memo", {})
            if len(memo) > _MAX_MEMO:
                memo.clear()
            columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
            overwrite = self.overwrite
            strings = doc.vocab.strings
            lemmas = columns[:, 3:4].copy()
            for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
                if lemma and not overwrite:
                    continue
                key = (orth, pos, morph)
                value = memo.get(key)
                if value is None:
                    value = memo[key] = strings.add(self.lemmatize(doc[i])[0])
                lemmas[i, 0] = value
            doc.from_array([LEMMA], lemmas)
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)


class ArrayEnglishLemmatizer(ArrayLemmatizer, EnglishLemmatizer):
    """An ``EnglishLemmatizer`` (its own ``is_base_form``) with the array walk."""


#: spaCy's lemmatizer classes, with their array-walk subclass.
_ARRAY_CLASSES: dict[type, type] = {Lemmatizer: ArrayLemmatizer, EnglishLemmatizer: ArrayEnglishLemmatizer}


def speed_up_lemmatizer(nlp: Any, name: str = "lemmatizer") -> bool:
    """Give the pipeline's lemmatizer the array walk of :class:`ArrayLemmatizer` (same lemmas).

    The component stays the same object, its class a subclass of its own (so
    an ``EnglishLemmatizer`` keeps its ``is_base_form``).
    RETURNS (bool): whether there was a lemmatizer of spaCy's own classes, in a mode that depends on the token's triple only.
    """
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    array_class = _ARRAY_CLASSES.get(type(lemmatizer))
    if array_class is None or lemmatizer.mode not in _PURE_MODES:
        return False
    lemmatizer.__class__ = array_class
    if lemmatizer.mode == "rule":
        _index_sets(lemmatizer)
    return True
