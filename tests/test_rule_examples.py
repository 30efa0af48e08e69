"""Every rule of every pack fires on its own examples, and not on its counter-examples.

A rule's ``examples`` are sentences on which *this rule* must fire (it is in
``doc._.rules_fired``), optionally with the effect it must have on the claim
it fired in (``status``, ``claim``, ``source``, ``topic``, ``key``); its
``counter_examples`` are sentences on which it must not fire. The whole
pipeline runs once over every example (``nlp.pipe``), then each example is
asserted on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

import pytest

from claimx.errors import RulePackError
from claimx.rules import ExampleEffect, default_rules_dir, example_text, load_jsonl

PUBLISHED = dt.date(2025, 6, 4)


def _models() -> dict[str, Any]:
    from claimx.rules import PACK_SCHEMAS

    # slots.jsonl, background.jsonl, amounts.jsonl and names.jsonl are not run here: their rules record no
    # firing in doc._.rules_fired (tests/claims/test_slots.py, tests/test_background.py, tests/test_amounts.py,
    # tests/test_subjects.py)
    skip = ("slots.jsonl", "background.jsonl", "amounts.jsonl", "names.jsonl")
    return {name: model for name, model in PACK_SCHEMAS.items() if name not in skip}


def _rules(pack: str) -> list[Any]:
    rules = load_jsonl(default_rules_dir() / pack, _models()[pack])
    return [getattr(rule, "root", rule) for rule in rules]


class Case(NamedTuple):
    pack: str
    rule_id: str
    example: Any  # str | ExampleEffect
    fires: bool  # False for a counter-example
    title: str | None  # the article's title, if the example gives one
    complement: bool  # the rule may fire only through claimx.status_of
    timexes: bool  # temporal rules: every TIMEX3 is sought, as claimx bench does


def _cases() -> Iterator[Case]:
    for pack in _models():
        for rule in _rules(pack):
            # complement words, and the rules of a cue's reach, also act
            # when a target's status is asked (claimx.status_of)
            complement = (pack == "cues.jsonl" and rule.category == "complement") or (
                pack == "scope.jsonl" and rule.kind != "category"
            )
            timexes = pack == "temporal.jsonl"
            for example in rule.examples:
                title = example.title if isinstance(example, ExampleEffect) else None
                yield Case(pack, rule.id, example, True, title, complement, timexes)
            for example in rule.counter_examples:
                yield Case(pack, rule.id, example, False, None, complement, timexes)


CASES = list(_cases())

#: Examples the pipeline is known to miss, with the reason (xfail, strict).
KNOWN_MISSES = {
    ("unit-same", "the same day"): "'the same day' needs an earlier date in its sentence",
    ("mod-after", "post-2026"): "the pipeline finds no date in 'post-2026' (the raw finder does)",
    # topic words are looked up one token at a time, and the tokenizer splits a hyphenated word
    ("cast-line-up", "The line-up for the festival includes three headliners."): "a hyphenated topic word is never one token",
    ("franchise-spin-off", "The network has ordered a spin-off of the comedy."): "a hyphenated topic word is never one token",
    ("release-pre-order", "The headset is available to pre-order from Monday."): "a hyphenated topic word is never one token",
    ("plot-season-long", "The show follows a season-long mystery about a missing girl."): "a hyphenated topic word is never one token",
    ("production-code-named", "The Orion console, code-named Juniper, has picked up pace."): "a hyphenated topic word is never one token",
    # the tokenizer splits "15in" into a figure and "in", which the parser hangs on the figure as a preposition
    ("measure_unit-in", "A 15in model of the laptop will follow in May."): "a figure glued to 'in' never reaches the variant noun",
}


def _case_id(case: Case) -> str:
    n = sum(1 for c in CASES[: CASES.index(case)] if c.rule_id == case.rule_id)
    return f"{case.rule_id}{'' if case.fires else '-counter'}-{n}"


class Result(NamedTuple):
    fired: list[tuple[str, int, int]]
    records: list[Any]


@pytest.fixture(scope="session")
def example_results(nlp) -> dict[tuple[str, bool, bool], Result]:
    """Every example text through the pipeline once: (text, title, complement, timexes) -> what fired, the records."""
    import claimx
    from claimx.claims.dates import find_timexes
    from claimx.fingerprint import extractor_info
    from claimx.nlp import make_doc, model_info
    from claimx.records import doc_records
    from claimx.schemas import Article

    extractor = extractor_info(*model_info(nlp))
    keys = sorted({(example_text(c.example), c.title, c.complement, c.timexes) for c in CASES}, key=str)
    articles = [
        Article(doc_id=f"ex{n}", path=f"ex{n}.md", body=text, published=PUBLISHED, title=title, content_hash="0")
        for n, (text, title, _, _) in enumerate(keys)
    ]
    results = {}
    docs = nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=64)
    for key, article, doc in zip(keys, articles, docs):
        if key[2]:
            # complement words set the status of the event they take; only a
            # target's status (claimx.status_of) asks for it
            for token in doc:
                if token.pos_ in ("NOUN", "VERB", "PROPN"):
                    claimx.status_of(doc, token.idx, token.idx + len(token.text))
        if key[3]:
            # durations, sets and clock times are TIMEX3 that no claim date
            # is; the pipeline leaves them to claimx bench, which seeks them
            find_timexes(doc)
        results[key] = Result(list(doc._.rules_fired or []), doc_records(doc, article, extractor))
    return results


def _effects(example: ExampleEffect) -> dict[str, str]:
    fields = ("status", "claim", "source", "topic", "key")
    return {f: getattr(example, f) for f in fields if getattr(example, f) is not None}


def _record_effects(record: Any) -> dict[str, str]:
    return {
        "status": record.status,
        "claim": record.text,
        "source": record.attribution.text if record.attribution else "",
        "topic": record.topic,
        "key": record.key,
    }


def _near(record: Any, spots: list[tuple[int, int]]) -> bool:
    """Whether a claim (with its source) holds a place where the rule fired."""
    ranges = [(record.span.start, record.span.end)]
    if record.attribution:
        ranges.append((record.attribution.start, record.attribution.end))
    return any(start == end or any(s < end and start < e for s, e in ranges) for start, end in spots)


def _param(case: Case) -> Any:
    reason = KNOWN_MISSES.get((case.rule_id, example_text(case.example)))
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason and case.fires else []
    return pytest.param(case, id=_case_id(case), marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_rule_examples_fire(example_results, case: Case):
    text = example_text(case.example)
    result = example_results[(text, case.title, case.complement, case.timexes)]
    spots = [(start, end) for rule_id, start, end in result.fired if rule_id == case.rule_id]
    if not case.fires:
        assert not spots, f"{case.pack} {case.rule_id} fired on its counter-example {text!r}"
        return
    fired = sorted({r for r, _, _ in result.fired})
    assert spots, f"{case.pack} {case.rule_id} did not fire on {text!r}; fired: {fired}"
    if isinstance(case.example, ExampleEffect) and _effects(case.example):
        want = _effects(case.example)
        got = [_record_effects(r) for r in result.records if _near(r, spots)]
        assert any(all(g[k] == v for k, v in want.items()) for g in got), (
            f"{case.pack} {case.rule_id} on {text!r}: want {want}, claims where it fired: {got}"
        )


def test_rule_examples_every_rule_has_one():
    missing = [
        f"{pack}:{rule.id}" for pack in _models() for rule in _rules(pack) if not rule.examples
    ]
    assert not missing, f"{len(missing)} rules without examples: {missing[:20]}"


@pytest.mark.parametrize(
    "line, problem",
    [
        ('{"id": "spec-x", "category": "spec", "status": "rumored", "pattern": "mooted", "examples": [{"txt": "A deal was mooted."}]}', "examples"),
        ('{"id": "spec-x", "category": "spec", "status": "rumored", "pattern": "mooted", "examples": [{"text": "A deal was mooted.", "status": "maybe"}]}', "status"),
        ('{"id": "spec-x", "category": "spec", "status": "rumored", "pattern": "mooted", "examples": [" "]}', "examples"),
        ('{"id": "spec-x", "category": "spec", "status": "rumored", "pattern": "mooted", "counter_examples": [3]}', "counter_examples"),
    ],
)
def test_rule_examples_bad_example_names_file_line_and_rule(tmp_path, line, problem):
    from claimx.rules import CueRule

    path = tmp_path / "cues.jsonl"
    path.write_text('{"id": "spec-may", "category": "spec", "status": "rumored", "pattern": "may"}\n' + line + "\n")
    with pytest.raises(RulePackError, match=rf"cues.jsonl:2: rule 'spec-x'.*{problem}"):
        load_jsonl(path, CueRule)
