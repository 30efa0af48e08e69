""":mod:`claimx.claims.extensions`: every ``._`` attribute claimx sets, declared once.

Values are plain data (str, int, dict, list of those), never ``Span`` objects,
so Docs pickle for ``nlp.pipe(n_process=2)`` and round-trip through ``DocBin``.

Span groups claimx fills:

- ``doc.spans["claims"]``: one span per claim (its evidence); ``span._.claim``
  holds the claim's analysis as a dict (see :data:`CLAIM_KEYS`).
- ``doc.spans["dates"]``: time expressions; ``span._.timex`` holds the
  normalisation (``value``, ``mod``, ``earliest``, ``latest``, ``unresolved``).
- ``doc.spans["timexes"]``: every TIMEX3 (dates, times, durations, sets),
  labelled with its type; ``span._.timex3`` holds its reading. It is a
  separate attribute because spaCy keys span attributes by character offsets:
  "Tuesday morning" is the claim date 2013-03-12 in ``timex`` and the TIME
  2013-03-12TMO in ``timex3``.
- ``doc.spans["cues"]``: every cue match, labelled with its category;
  ``span._.cue`` holds ``{"status", "category", "id"}``.

Each field of ``span._.claim`` can also be read on its own, as
``span._.claim_<field>`` (:data:`CLAIM_FIELDS`, read-only). The factories
declare these in their ``assigns`` and ``requires`` (``segment`` assigns
``span._.claim_head``, ``attribution`` assigns ``span._.claim_attribution``,
which ``cues`` and ``topic`` require …), so ``nlp.analyze_pipes`` reports a
pipeline whose components are out of order.

``doc._.rules_fired`` lists ``(rule_id, start_char, end_char)`` for every
rule of the pack that took part in a decision (see :func:`record_rule`):
the rule-usage benchmark counts them and every rule's examples are checked
against them. Recording changes no decision, and a run writes none of it: a
Doc marked by :func:`skip_rules` (the documents of :mod:`claimx.pipeline`'s
extraction) records nothing, and the components skip the work that only
finds what to record (:func:`records_rules`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

CLAIMS_KEY = "claims"
DATES_KEY = "dates"
TIMEXES_KEY = "timexes"
TIMEX3_ATTR = "timex3"
CUES_KEY = "cues"

#: Keys of ``span._.claim``. Offsets are character offsets into ``doc.text``.
CLAIM_KEYS = (
    "head",  # int: token index of the predicate
    "status",  # str: one of schemas.STATUSES
    "cues",  # list[dict(start, end, status)]
    "attribution",  # dict(start, end, kind) | None
    "subject",  # dict(name, start, end) ; start/end None when not mentioned
    "topic",  # str
    "key",  # str
)
#: Fields of ``span._.claim`` readable as ``span._.claim_<field>``: its keys and
#: ``frame`` (the token index of the reporting verb that frames it, or None).
#: An item split out of a gapped or cast list also carries ``item_of`` (the
#: token index of the head of the clause it came from), which the cue tagger
#: reads so that the item shares its clause's status.
CLAIM_FIELDS = (*CLAIM_KEYS, "frame")


def claim_of(span: Span) -> dict | None:
    """RETURNS (dict | None): ``span._.claim``, read where spaCy keeps it
    (``Underscore._get_key``: a Span attribute with a default and no getter is
    keyed by the span's character offsets in ``doc.user_data``); ``span._``
    makes an Underscore object at each access, and the components read a
    claim's analysis some 200,000 times per 300 articles."""
    return span.doc.user_data.get(("._.", "claim", span.start_char, span.end_char))


def cue_of(span: Span) -> dict | None:
    """RETURNS (dict | None): ``span._.cue``, read as :func:`claim_of` reads ``span._.claim``."""
    return span.doc.user_data.get(("._.", "cue", span.start_char, span.end_char))


def set_claim(span: Span, info: dict | None) -> None:
    """Set ``span._.claim`` where spaCy keeps it (as :func:`claim_of` reads it)."""
    span.doc.user_data[("._.", "claim", span.start_char, span.end_char)] = info


def set_cue(span: Span, info: dict | None) -> None:
    """Set ``span._.cue`` where spaCy keeps it (as :func:`cue_of` reads it)."""
    span.doc.user_data[("._.", "cue", span.start_char, span.end_char)] = info


def _claim_field(field: str):  # noqa: ANN202 - a spaCy extension getter
    def get(span: Span) -> object:
        return (claim_of(span) or {}).get(field)

    return get


def register_extensions() -> None:
    """Declare claimx's extension attributes (idempotent)."""
    doc_attrs = {
        "doc_id": None,  # str | None: the article's id
        "published": None,  # datetime.date | None: anchor for relative dates
        "title": None,  # str | None
        "main_subject": None,  # str | None: the article's main subject
        "rules_fired": None,  # list[tuple[str, int, int]] | None: see record_rule
    }
    for name, default in doc_attrs.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("claim", "timex", TIMEX3_ATTR, "cue"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for field in CLAIM_FIELDS:
        if not Span.has_extension(f"claim_{field}"):
            Span.set_extension(f"claim_{field}", getter=_claim_field(field))


def record_rule(doc: Doc, rule_id: str, start: int, end: int) -> None:
    """Note that a rule of the pack fired on ``doc.text[start:end]``.

    doc (Doc): the Doc. rule_id (str): the rule's id (unique over the pack).
    start (int), end (int): character offsets of the words it fired on.
    """
    # ``doc._.rules_fired``, read where spaCy keeps it (a rule fires some
    # 200 times an article; ``doc._`` makes an Underscore at each access)
    user_data = doc.user_data
    if _SKIP_KEY in user_data:
        return
    fired = user_data.get(_FIRED_KEY)
    if fired is None:
        fired = user_data[_FIRED_KEY] = []
    fired.append((rule_id, start, end))


#: where spaCy keeps ``doc._.rules_fired`` (a Doc extension with a default, no getter): ``Underscore._get_key``
_FIRED_KEY = ("._.", "rules_fired", None, None)
#: the mark of a Doc whose firings no one reads (:func:`skip_rules`): a key of ``doc.user_data`` no extension uses
_SKIP_KEY = ("claimx", "skip_rules")


def skip_rules(doc: Doc) -> None:
    """Record no rule firings for ``doc``: :func:`record_rule` does nothing for it
    (a run writes no firings, and recording changes no decision)."""
    doc.user_data[_SKIP_KEY] = True


def records_rules(doc: Doc) -> bool:
    """RETURNS (bool): whether ``doc``'s rule firings are recorded (not marked by :func:`skip_rules`);
    work that only finds what to record is skipped when they are not."""
    return _SKIP_KEY not in doc.user_data


register_extensions()
