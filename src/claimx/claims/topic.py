""":mod:`claimx.claims.topic`: subject, topic and roll-up key of each claim.

- The article's *main subject* is the longest capitalised name in its title
  that the body also mentions (falling back to the body's most frequent
  work, product or organisation entity). "The sequel", "the film", "it" and
  other claims with no named subject of their own resolve to it.
- A claim whose grammatical subject holds a work, product or organisation
  entity other than the main subject is about that entity instead.
- The topic is the one whose words (``models/en/topics.jsonl``) occur most in
  the claim, ties going to the order of :data:`claimx.schemas.TOPICS`; none
  gives ``other``.
- The key groups claims within subject and topic for the status roll-up: the
  person for ``cast``/``crew``, ``release_date`` for ``release``, and the
  topic's name otherwise.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..rules import default_rules_dir, load_jsonl
from ..schemas import TOPICS
from .extensions import CLAIMS_KEY, register_extensions
from .segment import SUBJECT_DEPS
from .sentences import ents_within, sentence_ids

register_extensions()

SUBJECT_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "ORG", "EVENT", "LAW", "FAC"})
_NAME = re.compile(r"[A-Z0-9][\w'’.\-‑]*(?:(?::\s|\s&\s|\s)(?:[A-Z0-9][\w'’.\-‑]*|of|the|and))*")


class TopicRule(BaseModel):
    """One line of ``topics.jsonl``."""

    model_config = ConfigDict(extra="forbid")

    id: str
    #: a topic; or "announcement": words that make a release claim's key
    #: ``announcement`` rather than ``release_date``; or "title_opener": words
    #: that open a title's question ("Could …") without being part of a name
    topic: Literal[
        "release", "production", "cast", "crew", "title", "plot", "franchise", "business", "other",
        "announcement", "title_opener",
    ]
    lemma: str
    examples: list[str] = []


def title_names(title: str, openers: frozenset[str] = frozenset()) -> list[str]:
    """RETURNS (list[str]): capitalised names in a title, longest first.

    Function words that open a title's question or sentence ("Could 2025 be
    the year?", "Why Valve …") are not part of a name.
    """
    names = set()
    for match in _NAME.finditer(title):
        words = match.group(0).split(" ")
        while words and words[0].lower() in openers:
            words = words[1:]
        if not words or all(w.isdigit() for w in words):
            continue
        # every contiguous sub-run that starts and ends with a capitalised word
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                name = " ".join(words[i:j]).rstrip(":")
                if name and name[0].isupper() and name.split(" ")[-1][:1].isupper() or name[-1:].isdigit():
                    names.add(name)
    return sorted(names, key=lambda n: (-len(n), n))


class TopicTagger:
    """Set subject, topic and key on every claim."""

    def __init__(self, *, rules_dir: Path | None = None, spans_key: str = CLAIMS_KEY) -> None:
        self.spans_key = spans_key
        rules = load_jsonl(Path(rules_dir or default_rules_dir()) / "topics.jsonl", TopicRule)
        self.words: dict[str, str] = {}
        self.announce_words: set[str] = set()
        self.title_openers: set[str] = set()
        for rule in rules:
            if rule.topic == "announcement":
                self.announce_words.add(rule.lemma.lower())
                continue
            if rule.topic == "title_opener":
                self.title_openers.add(rule.lemma.lower())
                continue
            self.words.setdefault(rule.lemma.lower(), rule.topic)

    def main_subject(self, doc: Doc) -> str | None:
        """The title's name that best says what the article is about: names
        with numbers or colons (sequels, products, titles) first, then the
        earliest in the title; a name the body also uses in lower case
        ("Data rights bill …") is a capitalised word, not a name."""
        title = doc._.title or ""
        text = doc.text
        candidates = []
        for name in title_names(title, frozenset(self.title_openers)):
            if len(name) <= 2 or name.isdigit() or name not in text:
                continue
            if " " not in name and name.lower() in text:
                continue
            marked = any(ch.isdigit() for ch in name) or ":" in name
            candidates.append((not marked, title.find(name), -len(name), name))
        if candidates:
            return min(candidates)[3]
        counts = Counter(e.text for e in doc.ents if e.label_ in SUBJECT_LABELS)
        if counts:
            return counts.most_common(1)[0][0]
        return title.strip() or None

    def __call__(self, doc: Doc) -> Doc:
        main = self.main_subject(doc)
        doc._.main_subject = main
        claims = list(doc.spans[self.spans_key])
        ents = list(doc.ents)
        starts = [e.start for e in ents]
        claim_ents = [ents_within(ents, starts, claim) for claim in claims]
        topics = [self.topic(claim, claim_ents[n]) for n, claim in enumerate(claims)]
        # A claim with no topic words takes its sentence's topic, else
        # ``other``: an article's most common topic says little about a
        # clause that names none (sales figures in a release story).
        sent_of = sentence_ids(doc)
        first_topic: dict[int, str] = {}
        for claim, topic in zip(claims, topics):
            if topic is not None:
                first_topic.setdefault(sent_of[claim.start], topic)
        for n, claim in enumerate(claims):
            topic = topics[n]
            if topic is None:
                topic = first_topic.get(sent_of[claim.start], "other")
            info = dict(claim._.claim or {})
            info["subject"] = self.subject(claim, main, claim_ents[n])
            info["topic"] = topic
            info["key"] = self.key(claim, topic, claim_ents[n])
            claim._.claim = info
        return doc

    def subject(self, claim: Span, main: str | None, ents: list[Span]) -> dict[str, object]:
        """The claim's subject: the main subject where the claim names it or
        names nothing else; a work, product or organisation that is the
        claim's grammatical subject otherwise."""
        if main:
            at = claim.text.find(main)
            if at >= 0:
                begin = claim.start_char + at
                return {"name": main, "start": begin, "end": begin + len(main)}
        subjects = {t.i for t in claim if t.dep_ in SUBJECT_DEPS}
        for ent in ents:
            # "the sequel to Alita: Battle Angel" is not about the first film
            after_preposition = ent.start > 0 and claim.doc[ent.start - 1].pos_ == "ADP"
            if after_preposition:
                continue
            if ent.label_ in SUBJECT_LABELS and any(ent.start <= i < ent.end for i in subjects):
                return {"name": ent.text, "start": ent.start_char, "end": ent.end_char}
        return {"name": main or "", "start": None, "end": None}

    def topic(self, claim: Span, ents: list[Span]) -> str | None:
        """RETURNS (str | None): the topic whose words the claim uses most, or None."""
        counts: Counter[str] = Counter()
        head_i = (claim._.claim or {}).get("head", claim.root.i)
        in_subject = {
            t.i for c in claim.doc[head_i].children if c.dep_ in SUBJECT_DEPS for t in c.subtree
        }
        for token in claim:
            topic = self.words.get(token.lemma_.lower()) or self.words.get(token.lower_)
            if topic:
                # the predicate and its complements say what the claim is
                # about; the subject's words ("the sequel") say less
                if token.i == head_i:
                    counts[topic] += 3
                elif token.i in in_subject:
                    counts[topic] += 0.5
                elif token.head.i == head_i:
                    counts[topic] += 2
                else:
                    counts[topic] += 1
        if any(e.label_ == "PERSON" for e in ents) and " as " in claim.text:
            counts["cast"] += 2
        if not counts:
            return None
        best = max(counts.values())
        return next(t for t in TOPICS if counts.get(t) == best)

    def key(self, claim: Span, topic: str, ents: list[Span]) -> str:
        """What the roll-up groups on within subject and topic: the person for
        cast and crew; for releases, the announcement (reveal, unveil,
        announce) apart from the release date; the topic's name otherwise."""
        if topic in ("cast", "crew"):
            people = [e.text for e in ents if e.label_ == "PERSON"]
            if people:
                return people[0]
            return topic
        if topic == "release":
            lemmas = {t.lemma_.lower() for t in claim}
            return "announcement" if lemmas & self.announce_words else "release_date"
        if topic == "production":
            return "development"
        return topic


@Language.factory(
    "claimx_topic",
    assigns=["doc.spans"],
    requires=["doc.spans", "doc.ents"],
    default_config={"spans_key": CLAIMS_KEY, "rules_dir": None},
)
def make_topic(nlp: Language, name: str, spans_key: str, rules_dir: str | None) -> TopicTagger:
    """Build the subject/topic tagger (see :class:`TopicTagger`)."""
    return TopicTagger(rules_dir=Path(rules_dir) if rules_dir else None, spans_key=spans_key)
