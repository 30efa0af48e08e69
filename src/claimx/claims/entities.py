""":mod:`claimx.claims.entities`: entity patterns where the small model fails on news.

Titles with colons and numbers ("Alita: Battle Angel 2", "Dune: Part Three",
"Spider-Man 4"), product names ("Pixel 10 Pro") and fuzzy dates ("mid-2023",
which the small model tags as a place) are matched with the token patterns of
``models/en/entities.jsonl`` (spaCy's ``{id, label, pattern}`` shape) and
merged into ``doc.ents``: a pattern match replaces the model's entities it
overlaps when it is longer.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..errors import RulePackError
from ..rules import EntityRule, load_jsonl, rule_places
from .component import RulePackComponent
from .extensions import record_rule


class EntityPatterns(RulePackComponent):
    """Add pattern entities to ``doc.ents``."""

    pack_files = ("entities.jsonl",)

    def __init__(self, nlp: Language, *, rules_dir: Path | None = None, load: bool = True) -> None:
        self._setup_pack(nlp, rules_dir, load=load)

    def load_rules(self, path: Path, nlp: Language) -> None:
        """Build the matcher from ``entities.jsonl`` in ``path``."""
        rules = load_jsonl(path / "entities.jsonl", EntityRule)
        self.labels = {rule.id: rule.label for rule in rules}
        self.matcher = Matcher(nlp.vocab)
        where = rule_places(path / "entities.jsonl")  # rule id -> its file, line and id, for an error
        for rule in rules:
            try:
                self.matcher.add(rule.id, [rule.pattern], greedy="LONGEST")
            except ValueError as exc:  # spaCy's MatchPatternError is one: a pattern it cannot read
                raise RulePackError(f"{where(rule.id)}: {exc}") from exc

    def __call__(self, doc: Doc) -> Doc:
        found = [(doc.vocab.strings[match_id], Span(doc, start, end, label=self.labels[doc.vocab.strings[match_id]])) for match_id, start, end in self.matcher(doc)]
        matches = [span for _, span in found]
        if not matches:
            return doc
        # pattern matches first so that, at equal length, they win
        merged = filter_spans([*filter_spans(matches), *doc.ents])
        doc.ents = merged
        kept = {id(span) for span in merged}
        for rule_id, span in found:
            if id(span) in kept:
                record_rule(doc, rule_id, span.start_char, span.end_char)
        return doc


@Language.factory(
    "claimx_entities",
    assigns=["doc.ents"],
    requires=["doc.ents", "token.tag"],  # patterns read POS, which the attribute ruler maps from the tag
    default_config={"rules_dir": None},
)
def make_entities(nlp: Language, name: str, rules_dir: str | None) -> EntityPatterns:
    """Build the entity pattern component (see :class:`EntityPatterns`)."""
    return EntityPatterns(nlp, rules_dir=Path(rules_dir) if rules_dir else None, load=False)
