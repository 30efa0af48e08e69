"""Subject names resolved across articles: normalisation, abbreviations, pinned aliases."""

from __future__ import annotations

import pytest

from claimx.errors import ClaimxError
from claimx.subjects import (
    SubjectResolver,
    initials,
    is_abbreviation,
    load_aliases,
    normalise,
)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Half-Life 3", "half-life 3"),
        ("half\u2011life  3", "half-life 3"),
        ("The Witcher 4", "witcher 4"),
        ("Valve's", "valve"),
        ("\u201cAlita 2\u201d", "alita 2"),
    ],
)
def test_subjects_normalise(name, expected):
    assert normalise(name) == expected


@pytest.mark.parametrize(
    "name,expected",
    [("Half-Life 3", "hl3"), ("Grand Theft Auto VI", "gtavi"), ("Grand Theft Auto 6", "gta6"), ("Valve", "")],
)
def test_subjects_initials(name, expected):
    assert initials(name) == expected


@pytest.mark.parametrize("name,expected", [("HL3", True), ("GTA 6", True), ("Valve", False), ("Alyx", False), ("A", False)])
def test_subjects_is_abbreviation(name, expected):
    assert is_abbreviation(name) == expected


def test_subjects_resolver_merges_variants_and_abbreviations():
    names = ["Half-Life 3", "Half-Life 3", "half-life 3", "HL3", "Valve", "Deadlock"]
    resolver = SubjectResolver(names)
    assert {resolver.canonical(n) for n in ["Half-Life 3", "half-life 3", "HL3", "the Half-Life 3"]} == {"Half-Life 3"}
    assert resolver.canonical("Valve") == "Valve"
    assert resolver.canonical("Something else") == "Something else"


def test_subjects_resolver_leaves_ambiguous_abbreviation_alone():
    resolver = SubjectResolver(["Half-Life 3", "Hollow Land 3", "HL3"])
    assert resolver.canonical("HL3") == "HL3"


def test_subjects_pinned_aliases_win(tmp_path):
    (tmp_path / "claimx-aliases.yml").write_text("Half-Life 3:\n  - HLX\n  - Valve's next Half-Life game\n")
    pinned = load_aliases(tmp_path)
    resolver = SubjectResolver(["HLX", "Valve's next Half-Life game", "half-life 3"], pinned)
    assert resolver.canonical("HLX") == "Half-Life 3"
    assert resolver.canonical("valve's next half-life game") == "Half-Life 3"
    assert resolver.canonical("half-life 3") == "Half-Life 3"


def test_subjects_bad_alias_file_is_reported(tmp_path):
    (tmp_path / "claimx-aliases.yml").write_text("- just\n- a list\n")
    with pytest.raises(ClaimxError, match="claimx-aliases.yml"):
        load_aliases(tmp_path)


def test_subjects_short_form_joins_its_one_longer_name():
    from claimx.subjects import SubjectResolver

    resolver = SubjectResolver(["Alita: Battle Angel 2", "Alita 2", "Alita: Battle Angel", "Shrek 5"])
    assert resolver.canonical("Alita 2") == "Alita: Battle Angel 2"
    assert resolver.canonical("Alita: Battle Angel") == "Alita: Battle Angel"
    assert resolver.canonical("Shrek 5") == "Shrek 5"


def test_subjects_fragment_joins_its_one_longer_name():
    from claimx.subjects import SubjectResolver

    names = ["Orbit Pad 3", "Pad 3", "Kilbride Rovers", "Kilbride", "Brightline", "Brightline Air", "Brightline Rail"]
    resolver = SubjectResolver(names)
    # the end of a longer name, or its start when the rest adds no number
    assert resolver.canonical("Pad 3") == "Orbit Pad 3"
    assert resolver.canonical("Kilbride") == "Kilbride Rovers"
    # several longer names fit: left alone
    assert resolver.canonical("Brightline") == "Brightline"


def test_subjects_group_is_named_by_its_fullest_name():
    from claimx.subjects import SubjectResolver

    resolver = SubjectResolver(["Pad 3", "Pad 3", "Pad 3", "Orbit Pad 3"])
    assert resolver.canonical("Pad 3") == "Orbit Pad 3"


def test_subjects_learned_links_carry_to_the_next_rollup():
    from claimx.subjects import SubjectResolver

    first = SubjectResolver(["Orbit Pad 3", "Pad 3"])
    learned = first.learned()
    # a later roll-up that meets a second longer name keeps the earlier link
    later = SubjectResolver(["Orbit Pad 3", "Pad 3", "Nova Pad 3"], learned=learned)
    assert later.canonical("Pad 3") == "Orbit Pad 3"


def test_subjects_model_number_links_names_and_spells_the_fullest():
    from claimx.subjects import SubjectResolver

    resolver = SubjectResolver(["Skyward 350", "Skyward 350", "350 Albatross", "Skyward", "Skyward 2"])
    assert resolver.canonical("350 Albatross") == "Skyward 350 Albatross"
    assert resolver.canonical("Skyward 350") == "Skyward 350 Albatross"
    # a small number is a sequel, not a model: "Skyward 2" stays apart
    assert resolver.canonical("Skyward 2") == "Skyward 2"


def test_subjects_abbreviation_takes_a_full_name_the_corpus_writes():
    from claimx.subjects import SubjectResolver

    # "PRA" spells no subject's initials; the corpus writes "Pacific Rim Airways" as an entity
    resolver = SubjectResolver(["PRA", "Orion 500"], known={"Pacific Rim Airways", "Varga Aerospace"})
    assert resolver.canonical("PRA") == "Pacific Rim Airways"
    assert resolver.canonical("Orion 500") == "Orion 500"
    # two full names that spell it: left alone
    resolver = SubjectResolver(["PRA"], known={"Pacific Rim Airways", "Polar Route Aviation"})
    assert resolver.canonical("PRA") == "PRA"
    # a subject that spells it wins over the corpus's other names
    resolver = SubjectResolver(["PRA", "Pine Ridge Academy"], known={"Pacific Rim Airways"})
    assert resolver.canonical("PRA") == "Pine Ridge Academy"


def test_subjects_a_middle_initial_names_the_same_person():
    resolver = SubjectResolver(["Vera Holt", "Vera J. Holt", "Holt", "Xbox Series X"])
    assert resolver.canonical("Vera Holt") == resolver.canonical("Vera J. Holt") == resolver.canonical("Holt")
    # a single letter that ends a name is no initial
    assert resolver.canonical("Xbox Series X") == "Xbox Series X"


def test_subjects_a_linked_fragment_does_not_join_a_second_longer_name():
    first = SubjectResolver(["Tomas Brenner", "Brenner"])
    assert first.canonical("Brenner") == "Tomas Brenner"
    # "Brenner", linked to the person, is not the firm named after him, which a later article names
    later = SubjectResolver(["Tomas Brenner", "Brenner", "Brenner Logistics"], learned=first.learned())
    assert later.canonical("Brenner") == "Tomas Brenner"
    assert later.canonical("Brenner Logistics") == "Brenner Logistics"


def test_subjects_fragment_joins_the_longer_name_named_far_more_often():
    from claimx.subjects import SubjectResolver

    # "Ardent" fits "Ardent Motor Group", the subject of eight claims, and
    # "Ardent Vela", of one: it stands for the group the corpus is about
    names = ["Ardent Motor Group"] * 8 + ["Ardent Vela", "Ardent", "Ardent"]
    assert SubjectResolver(names).canonical("Ardent") == "Ardent Motor Group"
    # named about as often: left alone
    names = ["Ardent Motor Group"] * 3 + ["Ardent Vela"] * 2 + ["Ardent"]
    assert SubjectResolver(names).canonical("Ardent") == "Ardent"


def _name_rules():
    from claimx.rules import NameRule, default_rules_dir, load_jsonl

    return load_jsonl(default_rules_dir() / "names.jsonl", NameRule)


@pytest.mark.parametrize("rule", _name_rules(), ids=lambda rule: rule.id)
def test_subjects_name_rules_examples_and_counter_examples(rule):
    from claimx.subjects import SubjectResolver, name_features

    for names in rule.examples:
        resolver = SubjectResolver(names)
        assert len({resolver.canonical(n) for n in names}) == 1, names
        # the resolver's rule has its feature: every two names share one in partner roles
        first = set(name_features(names[0]))
        for other in names[1:]:
            assert first & set(name_features(other)), (names[0], other)
    for names in rule.counter_examples:
        resolver = SubjectResolver(names)
        assert len({resolver.canonical(n) for n in names}) == len(names), names
