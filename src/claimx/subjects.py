""":mod:`claimx.subjects`: one name for each subject across articles.

The extractor names a claim's subject within its article (and already resolves
"the sequel"-style mentions there). Across articles the same thing may be
named differently: "Half-Life 3", "half-life 3", "HL3". :class:`SubjectResolver`
groups names that are the same once normalised (case, dashes, quotes, a
leading "the", a trailing possessive), an abbreviation with the one longer
name whose initials it spells ("HL3" -> "Half-Life 3"; left alone when several
names fit), a short form with the one longer name of the same first word and
closing number ("Alita 2" -> "Alita: Battle Angel 2"), a fragment with the one
longer name it begins or ends ("Pad 3" -> "Orbit Pad 3", a maker's name ->
its one product; not a name that only adds a small number, a sequel), names
that share a model number ("Skyward 350", "350 Albatross"), a company's name
with and without its legal form ("Ridgeway Motors Co.", "Ridgeway Motor
Company": the words of ``names.jsonl``), the links earlier
roll-ups made (the alias table the store keeps, :meth:`SubjectResolver.learned`),
and the aliases a user pins in ``claimx-aliases.yml`` (or ``.yaml``/``.json``)
in the corpus folder, which win::

    Half-Life 3:
      - HLX
      - Valve's next Half-Life game

Each group is named by its pinned canonical name, else by the fullest name
the corpus uses for it (most words; then the most frequent).
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import yaml
from pydantic import RootModel, ValidationError

from .errors import ClaimxError

logger = logging.getLogger(__name__)

#: Alias file names looked for in the corpus root, in order.
ALIAS_FILES: tuple[str, ...] = ("claimx-aliases.yml", "claimx-aliases.yaml", "claimx-aliases.json")

_DASHES = re.compile(r"[\u2010-\u2015\u2212\-]+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_EDGE = re.compile(r"^[\s\"'()\[\].,:;!?]+|[\s\"'()\[\].,:;!?]+$")
_POSSESSIVE = re.compile(r"'s?$")
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_ABBREVIATION = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z0-9][A-Za-z0-9]{1,7}$")


class AliasError(ClaimxError):
    """The alias file in the corpus folder is malformed."""


class AliasFile(RootModel[dict[str, list[str]]]):
    """``claimx-aliases.yml``: canonical name -> its aliases."""


@functools.lru_cache(maxsize=1 << 15)
def normalise(name: str) -> str:
    """Normalise a subject name for comparison (a pure function, remembered: a roll-up
    of 100,000 subjects asks for the same names and words about ten times each, a slice
    of the roll-up at a time; the last 32,768 kept, so that memory does not grow with the corpus).

    name (str): a subject name as extracted or pinned.
    RETURNS (str): NFKC, case-folded, one kind of dash and quote, no leading
        "the", no trailing possessive or edge punctuation, single spaces.
    """
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    text = _SPACES.sub(" ", text).strip().casefold()
    text = _EDGE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = text.removeprefix("the ")
    return _EDGE.sub("", text)


def initials(name: str) -> str:
    """The initials a name's abbreviation would spell: first letters of words, whole numbers.

    name (str): a name of several words ("Half-Life 3", "Grand Theft Auto VI").
    RETURNS (str): lower-case initials ("hl3", "gtavi"); "" for a one-word name.
    """
    words = _WORDS.findall(unicodedata.normalize("NFKC", name))
    if len(words) < 2:
        return ""
    parts = []
    for word in words:
        if word.isdigit() or (word.isupper() and len(word) > 1):
            parts.append(word.lower())
        else:
            parts.append(word[0].lower())
    return "".join(parts)


def is_abbreviation(name: str) -> bool:
    """RETURNS (bool): whether ``name`` looks like an abbreviation (``HL3``, ``GTA 6``)."""
    compact = _SPACES.sub("", name.strip())
    return bool(_ABBREVIATION.match(compact))


def load_aliases(corpus: Path) -> dict[str, list[str]]:
    """Read the pinned aliases of a corpus folder.

    corpus (Path): the corpus folder.
    RETURNS (dict[str, list[str]]): canonical name -> aliases; empty without a file.
    """
    for name in ALIAS_FILES:
        path = Path(corpus) / name
        if not path.is_file():
            continue
        if not _inside_corpus(path, corpus):
            raise AliasError(
                f"{path} is a link to a file outside the corpus folder; not read. Copy the alias file into the corpus."
            )
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
            raise AliasError(f"{path}: cannot be read ({type(exc).__name__}: {exc}).") from exc
        try:
            return AliasFile.model_validate(data or {}).root
        except ValidationError as exc:
            raise AliasError(
                f"{path}: expected a mapping of canonical name to a list of aliases, e.g. "
                f"'Half-Life 3: [HL3, HLX]' ({exc.errors()[0]['msg']})."
            ) from exc
    return {}


def alias_file(corpus: Path) -> Path | None:
    """RETURNS (Path | None): the corpus folder's alias file, if there is one inside it."""
    for name in ALIAS_FILES:
        path = Path(corpus) / name
        if path.is_file() and _inside_corpus(path, corpus):
            return path
    return None


def _is_model_number(word: str) -> bool:
    """RETURNS (bool): whether a word of a name is a model number ("350", "X200"), not a year or a small number."""
    if not any(ch.isdigit() for ch in word) or len(word) < 3:
        return False
    return not (word.isdigit() and len(word) == 4 and word[:2] in ("19", "20"))


def _overlaps(names: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """RETURNS (list[tuple[str, int]]): the fuller names two names of one
    subject spell together when one ends as the other begins ("Skyward 350" +
    "350 Albatross" -> "Skyward 350 Albatross"), each with the smaller count."""
    out = []
    for a, count_a in names:
        for b, count_b in names:
            ta, tb = a.split(), b.split()
            na, nb = [normalise(t) for t in ta], [normalise(t) for t in tb]
            for k in range(min(len(ta), len(tb)) - 1, 0, -1):
                if na[-k:] == nb[:k]:
                    out.append((" ".join(ta + tb[k:]), min(count_a, count_b)))
                    break
    return out


def _drop_middle(words: list[str], is_initial) -> str | None:
    """RETURNS (str | None): ``words`` joined without the ones between the
    first and the last that ``is_initial`` takes for an initial, or None when
    there is none."""
    if len(words) < 3:
        return None
    kept = [words[0], *(w for w in words[1:-1] if not is_initial(w)), words[-1]]
    return " ".join(kept) if len(kept) < len(words) else None


def _without_initials(words: list[str]) -> str | None:
    """RETURNS (str | None): a normalised name's words without the single
    letters between its first and last ("paul d ryan" -> "paul ryan"), or None
    when it has none."""
    return _drop_middle(words, lambda w: len(w) == 1 and w.isalpha())


#: a middle initial as a name is written: one capital letter and a period ("D.")
_MIDDLE_INITIAL = re.compile(r"^[A-Z]\.$")


def without_middle_initials(name: str) -> str:
    """RETURNS (str): a name as written without the initials between its first
    and last words ("Paul D. Ryan" -> "Paul Ryan", "Anna K. L. Berg" -> "Anna
    Berg"), when its first word is a word, not an initial ("J. Edgar Hoover"
    is kept; "Plan B Films" too: no period, no initial); else the name."""
    words = name.split(" ")
    if not words[0].isalpha() or len(words[0]) < 2:
        return name
    return _drop_middle(words, _MIDDLE_INITIAL.match) or name


def _inside_corpus(path: Path, corpus: Path) -> bool:
    """RETURNS (bool): whether ``path`` resolves inside the corpus folder (a link out of it does not)."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(corpus))


@functools.lru_cache(maxsize=4)
def _legal_forms(rules_dir: str | None = None) -> frozenset[str]:
    """RETURNS (frozenset[str]): the legal-form words of the name rules (``names.jsonl``), none without the file."""
    from .rules import NameRule, default_rules_dir, load_jsonl

    path = Path(rules_dir or default_rules_dir()) / "names.jsonl"
    if not path.is_file():
        return frozenset()
    return frozenset(w for rule in load_jsonl(path, NameRule) if rule.kind == "legal_form" for w in rule.words)


def legal_core(name: str) -> tuple[str, bool]:
    """RETURNS (tuple[str, bool]): a name's words without the legal-form words
    at its end (``names.jsonl``), its last word in the singular (a closing "s"
    dropped from a word of five letters or more, not "ss"), and whether it
    had a legal form; ("", False) when no word with a letter is left."""
    words = _WORDS.findall(normalise(name))
    forms = _legal_forms()
    cut = len(words)
    while cut > 1 and words[cut - 1] in forms:
        cut -= 1
    core = words[:cut]
    if not core or not any(ch.isalpha() for w in core for ch in w):
        return "", False
    last = core[-1]
    if len(last) >= 5 and last.endswith("s") and not last.endswith("ss"):
        core = [*core[:-1], last[:-1]]
    return " ".join(core), cut < len(words)


#: how many times more often than all the others together a longer name must
#: be named for a short name that fits several to stand for it
_DOMINANT = 4


class SubjectResolver:
    """Map subject names, as extracted, to one canonical name per subject.

    names (Iterable[str]): every subject name met (repeat a name once per
        claim: the most frequent full name names its group).
    pinned (dict[str, list[str]] | None): canonical name -> aliases, from the user.
    learned (dict[str, str] | None): the links earlier roll-ups made (:meth:`learned`).
    known (Iterable[str]): other names the corpus writes (its entities of
        several words, :func:`known_names`): the full name an abbreviation
        that spells no subject's initials stands for ("ANA").
    """

    def __init__(
        self,
        names: Iterable[str],
        pinned: dict[str, list[str]] | None = None,
        *,
        learned: dict[str, str] | None = None,
        known: Iterable[str] = (),
    ) -> None:
        counts = Counter(name for name in names if name and name.strip())
        self._parent: dict[str, str] = {}
        self._canonical: dict[str, str] = {}
        forms: dict[str, Counter[str]] = {}
        for name, count in counts.items():
            forms.setdefault(normalise(name), Counter())[name] += count
        self._names = set(forms)
        pinned_roots: dict[str, str] = {}
        for canonical, aliases in (pinned or {}).items():
            root = normalise(canonical)
            self._find(root)
            pinned_roots[root] = canonical
            for alias in aliases:
                self._union(normalise(alias), root)
        # What earlier roll-ups linked stays linked (name -> a name of its
        # group), unless the user pinned the two apart.
        for alias, target in (learned or {}).items():
            a, b = normalise(alias), normalise(target)
            if a not in forms or b not in forms:
                continue
            roots = {self._find(r) for r in pinned_roots}
            if self._find(a) in roots and self._find(b) in roots and self._find(a) != self._find(b):
                continue
            self._union(a, b)
        # Abbreviations join the one longer name whose initials they spell.
        by_initials: dict[str, set[str]] = {}
        for key, variants in forms.items():
            full = variants.most_common(1)[0][0]
            spelt = initials(full)
            if spelt:
                by_initials.setdefault(spelt, set()).add(self._find(key))
        # the longer names the corpus writes that no claim has as its
        # subject ("All Nippon Airways" in one article, "ANA" the buyer in
        # another): an abbreviation with no subject to spell takes the one it spells
        spelt_known: dict[str, set[str]] = {}
        for full in known:
            spelt = initials(full)
            if spelt and not is_abbreviation(full):
                spelt_known.setdefault(spelt, set()).add(full)
        for key, variants in list(forms.items()):
            short = variants.most_common(1)[0][0]
            if not is_abbreviation(short):
                continue
            spelt = _SPACES.sub("", short).lower()
            targets = by_initials.get(spelt, set()) - {self._find(key)}
            if not targets:
                fulls = {normalise(full): full for full in spelt_known.get(spelt, ())}
                if len(fulls) == 1:
                    (norm, full), = fulls.items()
                    forms.setdefault(norm, Counter())[full] += 0
                    self._names.add(norm)
                    targets = {self._find(norm)}
            if len(targets) == 1:
                self._union(key, next(iter(targets)))
            elif len(targets) > 1:
                logger.debug("abbreviation %r fits several subjects; left alone", short)
        # Short forms join the one longer name they shorten: same first word,
        # same closing number ("Alita 2" -> "Alita: Battle Angel 2").
        by_ends: dict[tuple[str, str], set[str]] = {}
        for key in forms:
            words = _WORDS.findall(key)
            if len(words) >= 3 and words[-1].isdigit():
                by_ends.setdefault((words[0], words[-1]), set()).add(key)
        for key in forms:
            words = _WORDS.findall(key)
            if len(words) != 2 or not words[-1].isdigit():
                continue
            longer = {self._find(k) for k in by_ends.get((words[0], words[-1]), set())} - {self._find(key)}
            if len(longer) == 1:
                self._union(key, next(iter(longer)))
        # A person's name with a middle initial is the name without it
        # ("Paul D. Ryan", "Paul Ryan"): news writes both for one person
        for key in forms:
            plain = _without_initials(_WORDS.findall(key))
            if plain is not None and plain in forms:
                self._union(key, plain)
        # A company's name with a legal form at its end ("Co.", "Inc.",
        # "Company": names.jsonl) is the name without it, its last word in
        # the singular or not ("Ridgeway Motors Co." and "Ridgeway Motor
        # Company"); names of one core join when one of them writes a legal
        # form, and a core of one word only among names that write one (the
        # person "Marlowe" is not "The Marlowe Company")
        by_core: dict[str, list[str]] = {}
        formal: set[str] = set()
        with_form: set[str] = set()
        for key in forms:
            core, has_form = legal_core(key)
            if core:
                by_core.setdefault(core, []).append(key)
                if has_form:
                    formal.add(core)
                    with_form.add(key)
        for core in formal:
            keys = by_core[core] if " " in core else [k for k in by_core[core] if k in with_form]
            for other in keys[1:]:
                self._union(other, keys[0])
        # A fragment joins the one longer name it is part of: its words, in
        # order, at the start ("Kilbride" -> "Kilbride Rovers") or at the end
        # ("Pad 3" -> "Orbit Pad 3") of the longer name; left alone when
        # several longer names fit.
        word_forms = {key: _WORDS.findall(key) for key in forms}
        # Names that share a model number ("Skyward 350", "350 Albatross")
        # are one thing; a year or a one- or two-digit number is no model.
        by_model: dict[str, list[str]] = {}
        for key, words in word_forms.items():
            for word in words:
                if _is_model_number(word):
                    by_model.setdefault(word, []).append(key)
        for keys in by_model.values():
            for other in keys[1:]:
                self._union(other, keys[0])
        # the longer names by their first and last words (an index: a corpus
        # of many names is not compared name by name)
        starts: dict[tuple[str, ...], list[str]] = {}
        ends: dict[tuple[str, ...], list[str]] = {}
        for other, theirs in word_forms.items():
            for cut in range(1, len(theirs)):
                starts.setdefault(tuple(theirs[:cut]), []).append(other)
                ends.setdefault(tuple(theirs[-cut:]), []).append(other)
        for key, words in word_forms.items():
            if not words or is_abbreviation(forms[key].most_common(1)[0][0]) or not any(w.isalpha() for w in words):
                continue
            here = self._find(key)
            longer = set()
            weight: Counter[str] = Counter()  # how often each longer name is named
            # a fragment already linked to a longer name of its own (an
            # earlier roll-up's link) that fits another is left where it is:
            # "Trump", linked to "Donald Trump", is not "Trump University"
            linked = False
            # "Alita: Battle Angel" is not "Alita: Battle Angel 2": a
            # longer name that only adds a number is a sequel or season;
            # a maker's name before its product's joins the product
            for other in starts.get(tuple(words), ()):
                extra = word_forms[other][len(words) :]
                if not all(w.isdigit() and len(w) <= 2 for w in extra):
                    if self._find(other) != here:
                        longer.add(self._find(other))
                        weight[self._find(other)] += sum(forms[other].values())
                    else:
                        linked = True
            for other in ends.get(tuple(words), ()):
                if self._find(other) != here:
                    longer.add(self._find(other))
                    weight[self._find(other)] += sum(forms[other].values())
                else:
                    linked = True
            if len(longer) > 1 and not linked:
                # "Ford" beside "Ford Motor Company", named in every other
                # claim, and "Ford Explorer", named once: a short name stands
                # for the one longer name the corpus is about, when it is
                # named far more often than all the others together
                top = max(sorted(longer), key=lambda root: weight[root])
                if weight[top] >= _DOMINANT * max(1, sum(weight.values()) - weight[top]):
                    longer = {top}
            if len(longer) == 1 and not linked:
                self._union(key, next(iter(longer)))
        # Name each group: the pinned name, else its most frequent full name.
        members: dict[str, Counter[str]] = {}
        for key, variants in forms.items():
            members.setdefault(self._find(key), Counter()).update(variants)
        for root, variants in members.items():
            for pinned_root, canonical in pinned_roots.items():
                if self._find(pinned_root) == root:
                    self._canonical[root] = canonical
                    break
            else:
                full = [(n, c) for n, c in variants.items() if not is_abbreviation(n)] or list(variants.items())
                full += _overlaps(full)
                # the fullest name the corpus uses, as it writes it (not "the …")
                self._canonical[root] = min(
                    full,
                    key=lambda item: (
                        -len(_WORDS.findall(normalise(item[0]))), item[0][:4] == "the ", -item[1], -len(item[0]), item[0]
                    ),
                )[0]
        for pinned_root, canonical in pinned_roots.items():
            self._canonical.setdefault(self._find(pinned_root), canonical)

    def _find(self, key: str) -> str:
        parent = self._parent.setdefault(key, key)
        if parent != key:
            parent = self._parent[key] = self._find(parent)
        return parent

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[ra] = rb

    def learned(self) -> dict[str, str]:
        """RETURNS (dict[str, str]): the alias table this resolver learned, for
        the next roll-up: every name (normalised) linked to another -> the
        name its group is rooted at."""
        return {key: self._find(key) for key in self._names if self._find(key) != key}

    def canonical(self, name: str) -> str:
        """RETURNS (str): the canonical name of ``name`` (``name`` itself when unknown)."""
        if not name or not name.strip():
            return ""
        key = normalise(name)
        if key not in self._parent:
            return name.strip()
        return self._canonical.get(self._find(key), name.strip())


#: which features of two names :class:`SubjectResolver` may compare (:func:`name_features`): a
#: role with the roles it meets (the same normalised name, initials and the abbreviation that
#: spells them, a long and a short form's first word and number, a model number, a name and
#: its first or last words, a name with a middle initial and the name without it, a company's name
#: with and without its legal form)
PARTNER_ROLES: dict[str, tuple[str, ...]] = {
    "k": ("k",), "I": ("A",), "A": ("I", "A"), "EL": ("ES",), "ES": ("EL",), "M": ("M",), "F": ("P", "N"), "P": ("F",),
    "N": ("F",), "L": ("L",),
}


def name_words(name: str) -> list[str]:
    """RETURNS (list[str]): the words of a name as :class:`SubjectResolver` compares them (normalised)."""
    return _WORDS.findall(normalise(name))


def fragment_of(fragment: list[str], longer: list[str]) -> bool:
    """RETURNS (bool): whether :class:`SubjectResolver` counts a name of these words a longer
    name the fragment ``fragment`` may join: its first words (not only a small number more,
    a sequel) or its last words."""
    if len(longer) <= len(fragment):
        return False
    if longer[: len(fragment)] == fragment and not all(w.isdigit() and len(w) <= 2 for w in longer[len(fragment) :]):
        return True
    return longer[-len(fragment) :] == fragment


def name_features(name: str) -> list[tuple[str, str]]:
    """The features by which :class:`SubjectResolver` relates a name to others, each rule's
    own: two names the resolver could join, or whose joining one could decide the other's,
    share a feature in roles :data:`PARTNER_ROLES` pairs. A subject's name changes only
    with the names it is so connected to (:mod:`claimx.increment` resolves only those);
    a feature more than the rules need costs time, one fewer a wrong name, so every rule
    of the resolver must have its feature here.

    name (str): a subject name as extracted (or a known name of several words).
    RETURNS (list[tuple[str, str]]): ``(role, value)`` pairs.
    """
    key = normalise(name)
    words = _WORDS.findall(key)
    out = [("k", key)]
    spelt = initials(name)
    if spelt:
        out.append(("I", spelt))
    if is_abbreviation(name):
        out.append(("A", _SPACES.sub("", name.strip()).lower()))
    if len(words) >= 2 and words[-1].isdigit():
        out.append(("EL" if len(words) >= 3 else "ES", f"{words[0]} {words[-1]}"))
    out.extend(("M", word) for word in words if _is_model_number(word))
    if words:
        out.append(("F", " ".join(words)))
    plain = _without_initials(words)
    if plain is not None:
        out.append(("N", plain))
    core = legal_core(name)[0]
    if core:
        out.append(("L", core))
    for cut in range(1, len(words)):
        out.append(("P", " ".join(words[:cut])))
        out.append(("P", " ".join(words[-cut:])))
    return out


#: entity labels whose names an abbreviation may stand for
KNOWN_LABELS: tuple[str, ...] = ("ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW", "GPE", "NORP")


def known_names(claims: Iterable[dict]) -> set[str]:
    """RETURNS (set[str]): the names of several words the claims' entities
    write (organisations, products, works, places …), for :class:`SubjectResolver`'s ``known``."""
    return {
        str(ent["text"])
        for claim in claims
        for ent in claim.get("entities") or ()
        if ent.get("label") in KNOWN_LABELS and " " in str(ent.get("text", "")).strip()
    }
