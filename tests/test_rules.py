"""Rule packs: every file loads and validates; the hash follows every change."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from claimx.errors import RulePackError
from claimx.rules import PACK_SCHEMAS, RULES_ENV, CueRule, default_rules_dir, load_jsonl, rules_hash


def _packs():
    return PACK_SCHEMAS


def test_rules_every_file_of_the_pack_has_a_schema():
    assert {p.name for p in default_rules_dir().glob("*.jsonl")} == set(PACK_SCHEMAS)


@pytest.mark.parametrize("filename", sorted(_packs()))
def test_rules_every_pack_loads(filename):
    rules = load_jsonl(default_rules_dir() / filename, _packs()[filename])
    assert rules
    ids = [getattr(r, "root", r).id for r in rules]  # temporal lines are a RootModel
    assert len(ids) == len(set(ids)), "rule ids must be unique"


def test_rules_meta_names_version_and_licence():
    meta = json.loads((default_rules_dir() / "meta.json").read_text())
    assert {"version", "license", "source"} <= set(meta)


def test_rules_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "cues.jsonl"
    path.write_text('{"id": "a", "category": "spec", "status": "rumored", "pattern": "may"}\n{"id": "b", "category": "nope"}\n')
    with pytest.raises(RulePackError, match=r"cues.jsonl:2"):
        load_jsonl(path, CueRule)


def test_rules_hash_changes_with_content_and_names(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(default_rules_dir(), pack)
    before = rules_hash(pack)
    with (pack / "cues.jsonl").open("a") as handle:
        handle.write('{"id": "extra", "category": "spec", "status": "rumored", "pattern": "mooted"}\n')
    changed = rules_hash(pack)
    assert changed != before
    (pack / "topics.jsonl").rename(pack / "topics2.jsonl")
    assert rules_hash(pack) != changed


@pytest.mark.parametrize(
    "rule_id, text, status",
    [
        ("unknown-no-date", "No release date has been set.", "unconfirmed"),
        ("pseudo-not_rule_out", "The club has not ruled out a move.", "rumored"),
    ],
)
def test_rules_examples_behave(analyse, rule_id, text, status):
    records = analyse(text)
    assert records and records[0].status == status, (rule_id, [(r.text, r.status) for r in records])


@pytest.mark.parametrize(
    "component, rule_id, role",
    [
        ("attribution", "scope-report-forecast", "forecast"),
        ("topic", "scope-topic-it-subject", "it_subject"),
        ("cues", "scope-target-predicate-complement", "predicate_complement"),
    ],
)
def test_rules_a_pack_without_a_rule_for_a_role_is_refused(tmp_path, component, rule_id, role):
    """A decision asked by its role has a rule in the pack, or the component
    refuses the pack (it would otherwise decide nothing, silently)."""
    import spacy

    from claimx.claims.attribution import AttributionTagger
    from claimx.claims.cues import CueTagger
    from claimx.claims.topic import TopicTagger

    for path in default_rules_dir().glob("*.jsonl"):
        shutil.copy(path, tmp_path / path.name)
    scope = tmp_path / "scope.jsonl"
    lines = scope.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if json.loads(line)["id"] != rule_id]
    assert len(kept) == len(lines) - 1
    scope.write_text("\n".join(kept) + "\n", encoding="utf-8")
    build = {
        "attribution": lambda: AttributionTagger(rules_dir=tmp_path),
        "topic": lambda: TopicTagger(rules_dir=tmp_path),
        "cues": lambda: CueTagger(spacy.blank("en"), rules_dir=tmp_path),
    }[component]
    with pytest.raises(RulePackError, match=rf"scope.jsonl: no \w+ rule for the role {role}"):
        build()


def _pack_copy(tmp_path):
    for path in default_rules_dir().glob("*.jsonl"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path / "segmentation.jsonl"


@pytest.mark.parametrize("rule_id, role", [("decision-label", "label"), ("decision-pseudo-cleft", "pseudo_cleft")])
def test_rules_a_segmentation_pack_without_a_decision_for_a_role_is_refused(tmp_path, rule_id, role):
    """The segmenter asks its decisions by role; a pack with no rule for one is refused, naming the file."""
    from claimx.claims.segment import Segmenter

    path = _pack_copy(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if json.loads(line)["id"] != rule_id]
    assert len(kept) == len(lines) - 1
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(RulePackError, match=rf"segmentation.jsonl: no decision rule for the role {role}"):
        Segmenter(rules_dir=tmp_path)


@pytest.mark.parametrize(
    "rule, problem",
    [
        ({"pattern": {"DEP": "advcl", "CHILD": {"DEP": "mark"}}}, "unknown pattern key 'CHILD'"),
        ({"pattern": {"LEMMA": {"IN_LEXICON": "no_such_kind"}}}, "no lexicon 'no_such_kind'"),
    ],
)
def test_rules_a_bad_decision_pattern_names_file_line_and_rule(tmp_path, rule, problem):
    from claimx.claims.segment import Segmenter

    path = _pack_copy(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = {"id": "decision-bad", "kind": "decision", "role": "label", **rule}
    lines.append(json.dumps(bad))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RulePackError, match=rf"segmentation.jsonl:{len(lines)}: rule 'decision-bad'.*{problem}"):
        Segmenter(rules_dir=tmp_path)


@pytest.mark.parametrize(
    "component, pack, rule",
    [
        # a pattern of scope.jsonl, compiled by the component whose kind it is
        ("cues", "scope.jsonl", {"id": "scope-bad", "kind": "terminator", "pattern": {"DEP": "advcl", "CHILD": {"DEP": "mark"}}}),
        ("attribution", "scope.jsonl", {"id": "scope-bad", "kind": "report", "role": "forecast", "pattern": {"LEMMA": {"IN_LEXICON": "no_such_kind"}}}),
        ("topic", "scope.jsonl", {"id": "scope-bad", "kind": "topic", "role": "given_name", "pattern": {"DEP": "oprd", "SPELT": True}}),
        # a cue's or an entity's Matcher pattern that spaCy cannot read
        ("cues", "cues.jsonl", {"id": "spec-bad", "category": "spec", "status": "rumored", "pattern": [{"LEMMA": "float"}, {"NO_SUCH_ATTR": "x"}]}),
        ("entities", "entities.jsonl", {"id": "entity-bad", "label": "PRODUCT", "pattern": [{"NO_SUCH_ATTR": "x"}]}),
    ],
)
def test_rules_a_bad_pattern_names_file_line_and_rule(tmp_path, component, pack, rule):
    """A rule whose pattern the engine cannot compile is named by its file,
    line and id, as a rule that fails to validate is (issue 10)."""
    import spacy

    from claimx.claims.attribution import AttributionTagger
    from claimx.claims.cues import CueTagger
    from claimx.claims.entities import EntityPatterns
    from claimx.claims.topic import TopicTagger

    path = _pack_copy(tmp_path).with_name(pack)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(json.dumps(rule))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build = {
        "attribution": lambda: AttributionTagger(rules_dir=tmp_path),
        "topic": lambda: TopicTagger(rules_dir=tmp_path),
        "cues": lambda: CueTagger(spacy.blank("en"), rules_dir=tmp_path),
        "entities": lambda: EntityPatterns(spacy.blank("en"), rules_dir=tmp_path),
    }[component]
    with pytest.raises(RulePackError, match=rf"{pack}:{len(lines)}: rule '{rule['id']}'"):
        build()


def test_rules_a_decision_rule_without_a_role_names_file_line_and_rule(tmp_path):
    from claimx.rules import SegmentRule

    path = tmp_path / "segmentation.jsonl"
    path.write_text('{"id": "decision-x", "kind": "decision", "pattern": {"DEP": "acl"}}\n')
    with pytest.raises(RulePackError, match=r"segmentation.jsonl:1: rule 'decision-x'.*role"):
        load_jsonl(path, SegmentRule)


@pytest.mark.parametrize(
    "line, problem",
    [
        # a topic_key rule names a topic and the key its claims take
        ('{"id": "topic_key-x", "topic": "topic_key", "lemma": "launch", "key": "release_date"}', "topic_key"),
        ('{"id": "topic_key-x", "topic": "topic_key", "lemma": "release"}', "topic_key"),
        # an announcement rule gives its key and the topic it keys
        ('{"id": "announcement-x", "topic": "announcement", "lemma": "unveil", "key": "announcement"}', "of_topic"),
        ('{"id": "release-x", "topic": "release", "lemma": "ship", "of_topic": "release"}', "of_topic"),
    ],
)
def test_rules_topic_key_rules_validate_with_file_line_and_rule(tmp_path, line, problem):
    from claimx.rules import TopicRule

    path = tmp_path / "topics.jsonl"
    path.write_text('{"id": "release-launch", "topic": "release", "lemma": "launch"}\n' + line + "\n")
    rule_id = json.loads(line)["id"]
    with pytest.raises(RulePackError, match=rf"topics.jsonl:2: rule '{rule_id}'.*{problem}"):
        load_jsonl(path, TopicRule)


def test_load_jsonl_never_gives_the_rules_of_an_edited_file(tmp_path):
    """The rules of a file read before come back only while its text is the same: an edit
    that keeps the size and the timestamp is read anew, and so is an edit that breaks it."""
    path = tmp_path / "nonclaims.jsonl"
    line = {"id": "bp-one", "kind": "boilerplate", "phrase": "aaaa bbbb"}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    first = load_jsonl(path, PACK_SCHEMAS["nonclaims.jsonl"])
    again = load_jsonl(path, PACK_SCHEMAS["nonclaims.jsonl"])
    assert [r.phrase for r in again] == ["aaaa bbbb"] and again is not first
    stat = path.stat()
    path.write_text(json.dumps({**line, "phrase": "cccc dddd"}) + "\n", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same size and timestamp
    assert [r.phrase for r in load_jsonl(path, PACK_SCHEMAS["nonclaims.jsonl"])] == ["cccc dddd"]
    path.write_text(json.dumps({**line, "kind": 3}) + "\n", encoding="utf-8")
    with pytest.raises(RulePackError, match=r"nonclaims.jsonl:1: rule 'bp-one'"):
        load_jsonl(path, PACK_SCHEMAS["nonclaims.jsonl"])
    with pytest.raises(RulePackError):  # a failed file is not remembered as good
        load_jsonl(path, PACK_SCHEMAS["nonclaims.jsonl"])


def test_default_rules_dir_follows_the_environment_after_the_package_pack_was_found(monkeypatch, tmp_path):
    """The installed (or checkout's) pack is looked for once a process; ``$CLAIMX_RULES`` is read at every call."""
    monkeypatch.delenv(RULES_ENV, raising=False)
    packaged = default_rules_dir()
    assert (packaged / "cues.jsonl").is_file()
    monkeypatch.setenv(RULES_ENV, str(tmp_path))
    assert default_rules_dir() == tmp_path
    monkeypatch.delenv(RULES_ENV)
    assert default_rules_dir() == packaged
