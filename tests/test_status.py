"""The status roll-up: ordering with and without dates, decisions, and run changes."""

from __future__ import annotations

import datetime as dt

import pytest

from claimx.decisions import make_decision, resolve
from claimx.status import DocInfo, _names_by_value, diff, filter_records, rollup

D = dt.date


def _claim(cid, doc, status, *, subject="Half-Life 3", mention=True, topic="production", key="development", value=None, start=0, cues=False):
    return {
        "cues": [{"text": "cue", "status": status}] if cues else [],
        "claim_id": cid,
        "doc_id": doc,
        "text": f"text of {cid}",
        "span": {"start": start, "end": start + 5},
        "status": status,
        "subject": {"name": subject, "text": subject if mention else None},
        "topic": topic,
        "key": key,
        "dates": [{"value": value}] if value else [],
    }


@pytest.mark.parametrize(
    "docs,expected_status,expected_order",
    [
        # dated: the latest publication wins, whatever order they were added in
        ({"a": DocInfo(D(2025, 4, 1), D(2025, 1, 1), 2), "b": DocInfo(D(2025, 3, 1), D(2025, 1, 1), 1)}, "denied", ["b", "a"]),
        ({"a": DocInfo(D(2025, 2, 1), D(2025, 1, 1), 1), "b": DocInfo(D(2025, 3, 1), D(2025, 1, 1), 2)}, "rumored", ["a", "b"]),
        # undated: ranked by when they were added
        ({"a": DocInfo(None, D(2025, 5, 1), 2), "b": DocInfo(None, D(2025, 5, 1), 1)}, "denied", ["b", "a"]),
        # an undated article counts as published the day it was added
        ({"a": DocInfo(None, D(2025, 2, 1), 2), "b": DocInfo(D(2025, 3, 1), D(2025, 1, 1), 1)}, "rumored", ["a", "b"]),
    ],
)
def test_status_rollup_order(docs, expected_status, expected_order):
    claims = [_claim("c1", "a", "denied"), _claim("c2", "b", "rumored")]
    records = rollup(claims, docs)
    (record,) = records.values()
    assert record.status == expected_status
    assert [step.doc_id for step in record.history] == expected_order


def test_status_rollup_one_step_per_article_first_naming_claim():
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    claims = [
        _claim("c1", "a", "confirmed", mention=False),
        _claim("c2", "a", "denied", start=10),
        _claim("c3", "a", "rumored", start=20),
    ]
    (record,) = rollup(claims, docs).values()
    assert record.status == "denied" and record.claim_id == "c2"
    assert len(record.history) == 1 and record.history[0].claims == 3


def test_status_rollup_reports_the_claims_each_group_holds():
    # the claims of a group are all held, whichever speaks for the article
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1), "b": DocInfo(D(2025, 2, 1), D(2025, 2, 1), 2)}
    claims = [
        _claim("c1", "a", "confirmed", mention=False),
        _claim("c2", "a", "denied", start=10),
        _claim("c3", "b", "rumored"),
        _claim("c4", "b", "confirmed", key="release_date", topic="release"),
    ]
    members: dict = {}
    records = rollup(claims, docs, members=members)
    assert members.keys() == records.keys()
    held = {records[gid].key: {doc: sorted(ids) for doc, ids in by_doc.items()} for gid, by_doc in members.items()}
    assert held == {"development": {"a": ["c1", "c2"], "b": ["c3"]}, "release_date": {"b": ["c4"]}}


def test_status_rollup_groups_by_subject_topic_key_across_names():
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1), "b": DocInfo(D(2025, 2, 1), D(2025, 1, 1), 2)}
    claims = [
        _claim("c1", "a", "rumored", subject="Half-Life 3", topic="release", key="release_date", value="2025"),
        _claim("c2", "b", "denied", subject="HL3", topic="release", key="release_date", value="2025"),
        _claim("c3", "b", "denied", subject="Half-Life 3", topic="cast", key="Mike Shapiro"),
    ]
    records = {(r.subject, r.topic, r.key): r for r in rollup(claims, docs).values()}
    assert set(records) == {("Half-Life 3", "release", "release_date"), ("Half-Life 3", "cast", "Mike Shapiro")}
    release = records[("Half-Life 3", "release", "release_date")]
    assert [s.status for s in release.history] == ["rumored", "denied"]
    assert release.value == "2025" and release.names == ["HL3", "Half-Life 3"]


def test_status_rollup_applies_decisions():
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1), "b": DocInfo(D(2025, 2, 1), D(2025, 1, 1), 2)}
    claims = [_claim("c1", "a", "rumored"), _claim("c2", "b", "denied"), _claim("c3", "b", "confirmed", start=9)]
    reject = make_decision(1, "c2", claims[1], action="reject")
    records = rollup(claims, docs, resolution=resolve([reject], claims))
    (record,) = records.values()
    assert record.status == "confirmed" and record.claim_id == "c3"
    correct = make_decision(2, "c1", claims[0], action="status", status="expected")
    only_a = [claims[0]]
    (record,) = rollup(only_a, {"a": docs["a"]}, resolution=resolve([correct], only_a)).values()
    assert record.status == "expected" and record.history[0].reviewed


def test_status_diff_reports_transitions():
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1), "b": DocInfo(D(2025, 2, 1), D(2025, 1, 1), 2)}
    before = rollup([_claim("c1", "a", "rumored"), _claim("x", "a", "confirmed", subject="Valve")], {"a": docs["a"]})
    after = rollup([_claim("c1", "a", "rumored"), _claim("c2", "b", "denied"), _claim("y", "b", "expected", topic="release", key="release_date")], docs)
    changes = {(c.topic, c.kind): c for c in diff(before, after)}
    assert set(changes) == {("production", "changed"), ("release", "new"), ("production", "dropped")}
    changed = changes[("production", "changed")]
    assert (changed.before, changed.after, changed.doc_id) == ("rumored", "denied", "b")
    assert "rumored → denied" in changed.describe()
    assert diff(after, after) == []


def test_status_filter_records_by_subject_name_and_topic():
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    records = rollup([_claim("c1", "a", "rumored", subject="HL3"), _claim("c2", "a", "rumored", subject="Half-Life 3", topic="cast", key="cast")], docs).values()
    assert [r.topic for r in filter_records(records, subject="hl3")] == ["cast", "production"]
    assert [r.topic for r in filter_records(records, topic="cast")] == ["cast"]


@pytest.mark.parametrize(
    "second_status, expected",
    [
        # an unnamed denial in so many words outranks unnamed speculation
        ("denied", "c2"),
        # other unnamed cued claims keep the article's first
        ("rumored", "c1"),
    ],
)
def test_status_rollup_cued_denial_speaks_for_article(second_status, expected):
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    claims = [
        _claim("c1", "a", "rumored", mention=False, cues=True),
        _claim("c2", "a", second_status, mention=False, cues=True, start=10),
    ]
    (record,) = rollup(claims, docs).values()
    assert record.claim_id == expected


def _texted(claim, text):
    return {**claim, "text": text}


@pytest.mark.parametrize(
    "later_first, expected",
    [
        # "Seven months after Valve said X is not Y, a new leak suggests it is":
        # the restated denial is background, the new claim speaks
        ("Valve told reporters that Orion is not Skyfall 2", "rumored"),
        # a claim that changes the status is never a restatement
        ("Orion is Skyfall 2 after all, Valve told reporters", "confirmed"),
    ],
)
def test_status_rollup_restated_claim_does_not_speak(later_first, expected):
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1), "b": DocInfo(D(2025, 6, 1), D(2025, 1, 1), 2)}
    status = "denied" if "not" in later_first else "confirmed"
    claims = [
        _texted(_claim("a1", "a", "denied", cues=True), "Orion is not Skyfall 2"),
        _texted(_claim("b1", "b", status, cues=True), later_first),
        _texted(_claim("b2", "b", "rumored", cues=True, start=50), "a fresh rumour hints the codename might mean Skyfall 2"),
    ]
    (record,) = rollup(claims, docs).values()
    assert [step.status for step in record.history] == ["denied", expected]


def test_status_rollup_release_claim_with_a_date_speaks_for_its_article():
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    claims = [
        _claim("c1", "a", "unconfirmed", topic="release", key="release_date", cues=True),
        _claim("c2", "a", "rumored", topic="release", key="release_date", mention=False, value="2026", start=10),
    ]
    (record,) = rollup(claims, docs).values()
    assert (record.status, record.value, record.claim_id) == ("rumored", "2026", "c2")


@pytest.mark.parametrize(
    "topic, key, status, value",
    [
        ("release", "release_date", "denied", "2026"),
        ("production", "development", "denied", "2026"),
        # "Jane Roe denied it, telling a fan this week": the date is of the telling
        ("cast", "Jane Roe", "denied", None),
        # "Jane Roe joins the crew on 2 March": the date of joining
        ("cast", "Jane Roe", "confirmed", "2026"),
        ("title", "title", "confirmed", None),
    ],
)
def test_status_rollup_value_only_from_dated_topics(topic, key, status, value):
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    (record,) = rollup([_claim("c1", "a", status, topic=topic, key=key, value="2026")], docs).values()
    assert record.value == value


@pytest.mark.parametrize(
    "key, entities, value",
    [
        ("price", [{"text": "499", "label": "MONEY", "start": 20, "end": 23}], "499"),
        ("orders", [{"text": "40", "label": "CARDINAL", "start": 20, "end": 22}], "40"),
        ("deal", [{"text": "$3 billion", "label": "MONEY", "start": 20, "end": 30}], "2026"),  # a date first
    ],
)
def test_status_rollup_value_is_the_slots_date_or_amount(key, entities, value):
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    claim = _claim("c1", "a", "confirmed", topic="business", key=key, value="2026")
    claim["entities"] = entities
    (record,) = rollup([claim], docs).values()
    assert record.value == value


@pytest.mark.parametrize(
    "key, text, entities, value",
    [
        # an attribute no slot names: the share or the quantity the claim gives it
        ("parts", "70% of the parts will come from local suppliers", [{"text": "70%", "label": "PERCENT", "start": 0, "end": 3}], "70%"),
        ("range", "its range is put at 5,400 nautical miles", [{"text": "5,400 nautical miles", "label": "QUANTITY", "start": 20, "end": 40}], "5,400 nautical miles"),
        # a count names no attribute's measure; a variant's key holds its figure already
        ("crew", "a crew of 12 flew it", [{"text": "12", "label": "CARDINAL", "start": 10, "end": 12}], None),
        ("2TB model", "a 2TB model follows", [{"text": "2TB", "label": "QUANTITY", "start": 2, "end": 5}], None),
    ],
)
def test_status_rollup_attribute_value_is_its_share_or_quantity(key, text, entities, value):
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    claim = _texted(_claim("c1", "a", "confirmed", topic="other", key=key), text)
    claim["entities"] = entities
    (record,) = rollup([claim], docs).values()
    assert record.value == value


def test_status_rollup_claim_giving_the_amount_speaks():
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    # "Prices seen online are not ours" (cued) and "The kettle costs $89"
    denial = _claim("c1", "a", "denied", topic="business", key="price", cues=True)
    stated = _texted(_claim("c2", "a", "confirmed", topic="business", key="price", start=10), "The kettle costs $89.")
    # the tagger's entity leaves the currency out; the value is as written
    stated["entities"] = [{"text": "89", "label": "MONEY", "start": 28, "end": 30}]
    (record,) = rollup([denial, stated], docs).values()
    assert (record.status, record.value) == ("confirmed", "$89")


def test_status_rollup_count_before_money_and_dated_slot_claim_speaks():
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    # "agreed to buy 60 jets in a deal worth $7bn": an order's value is its count
    order = _claim("c1", "a", "confirmed", topic="business", key="orders")
    order["entities"] = [
        {"text": "$7bn", "label": "MONEY", "start": 0, "end": 4},
        {"text": "60", "label": "CARDINAL", "start": 10, "end": 12},
    ]
    (record,) = rollup([order], docs).values()
    assert record.value == "60"
    # a fact whose slot has a date: the claim that gives it speaks ("the
    # carmaker may file for bankruptcy" and "… filed on 1 June")
    vague = _claim("c2", "a", "rumored", topic="business", key="bankruptcy", cues=True)
    dated = _claim("c3", "a", "confirmed", topic="business", key="bankruptcy", value="2025-06-01", start=10)
    (record,) = rollup([vague, dated], docs).values()
    assert (record.status, record.value) == ("confirmed", "2025-06-01")


def test_status_rollup_person_in_other_joins_their_cast_group():
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1), "b": DocInfo(D(2025, 2, 1), D(2025, 1, 1), 2)}
    claims = [
        _claim("a1", "a", "rumored", topic="cast", key="Jane Roe", cues=True),
        # "Jane Roe has denied that she is part of the campaign"
        _claim("b1", "b", "denied", topic="other", key="Jane Roe", cues=True),
        _claim("b2", "b", "confirmed", topic="other", key="Sam Cole", start=10),
    ]
    records = {(r.topic, r.key): r for r in rollup(claims, docs).values()}
    assert [s.status for s in records[("cast", "Jane Roe")].history] == ["rumored", "denied"]
    assert ("other", "Sam Cole") in records and ("other", "Jane Roe") not in records


def test_status_rollup_unnamed_claims_follow_the_subject_the_titles_follow():
    # three titles name the striker; the second article's claims default to
    # the selling club, which only its own title names
    docs = {
        "a": DocInfo(D(2026, 7, 1), D(2026, 7, 1), 1, "Rovers weigh bid for striker Tomas Brenner"),
        "b": DocInfo(D(2026, 7, 2), D(2026, 7, 2), 2, "Kilbride accept offer for Brenner"),
        "c": DocInfo(D(2026, 7, 3), D(2026, 7, 3), 3, "Brenner signs for Rovers"),
    }
    claims = [
        _claim("a1", "a", "rumored", subject="Tomas Brenner", mention=False, topic="business", key="price"),
        _claim("b1", "b", "confirmed", subject="Kilbride", mention=False, topic="business", key="price"),
        _claim("b2", "b", "confirmed", subject="Kilbride", mention=True, topic="business", key="results", start=10),
        _claim("c1", "c", "confirmed", subject="Tomas Brenner", mention=False, topic="business", key="price"),
    ]
    records = {(r.subject, r.key): r for r in rollup(claims, docs).values()}
    assert [s.doc_id for s in records[("Tomas Brenner", "price")].history] == ["a", "b", "c"]
    # a claim that names its subject keeps it
    assert ("Kilbride", "results") in records


@pytest.mark.parametrize(
    "text, successor",
    [
        ("The chief executive Ilse Marten was replaced on Sunday by Ewan Rask", "Ewan Rask"),
        ("The chief executive Ilse Marten was replaced on Sunday with Ewan Rask, its finance chief", "Ewan Rask"),
        # named, but not as the one who takes the post
        ("Ewan Rask said the chief executive Ilse Marten was replaced on Sunday", None),
    ],
)
def test_status_rollup_successor_joins_the_crew_the_leaver_leaves(text, successor):
    docs = {"a": DocInfo(D(2026, 3, 30), D(2026, 3, 30), 1)}
    claim = _texted(_claim("a1", "a", "confirmed", subject="Kestrel Bank", topic="crew", key="Ilse Marten"), text)
    claim["entities"] = [
        {"text": name, "label": "PERSON", "start": text.index(name), "end": text.index(name) + len(name)}
        for name in ("Ilse Marten", "Ewan Rask")
    ]
    records = {r.key: r.status for r in rollup([claim], docs).values()}
    expected = {"Ilse Marten": "denied"} | ({successor: "confirmed"} if successor else {})
    assert records == expected


def test_status_rollup_maker_keeps_its_own_facts_apart_from_its_product():
    docs = {"a": DocInfo(D(2026, 7, 1), D(2026, 7, 1), 1, "Talmar V40 makes its first flight")}
    claims = [
        _claim("a1", "a", "confirmed", subject="Talmar V40", topic="production", key="first flight"),
        _claim("a2", "a", "confirmed", subject="Talmar", topic="business", key="orders", start=10),
        _claim("a3", "a", "confirmed", subject="Talmar", topic="business", key="job cuts", start=20),
    ]
    records = {(r.subject, r.key) for r in rollup(claims, docs).values()}
    # the maker's name joins its product's, but its job cuts stay its own
    assert records == {("Talmar V40", "first flight"), ("Talmar V40", "orders"), ("Talmar", "job cuts")}


def test_status_rollup_unnamed_claims_keep_a_subject_their_title_does_not_name():
    # the second article is about the winner's contract; its unnamed claims
    # default to the tanker the body describes, which no title names: the
    # loser its title also names, and the other titles too, does not take them
    docs = {
        "a": DocInfo(D(2026, 7, 1), D(2026, 7, 1), 1, "Talmar faces questions over tanker lease"),
        "b": DocInfo(D(2026, 7, 2), D(2026, 7, 2), 2, "Ostra beats Talmar to tanker contract"),
    }
    claims = [
        _claim("a1", "a", "rumored", subject="Talmar", mention=False, topic="business", key="deal"),
        _claim("b1", "b", "expected", subject="Ostra V40", mention=False, topic="production", key="testing"),
        _claim("b2", "b", "confirmed", subject="Ostra V40", mention=False, topic="production", key="manufacturing", start=10),
    ]
    records = {(r.subject, r.key) for r in rollup(claims, docs).values()}
    assert {("Ostra V40", "testing"), ("Ostra V40", "manufacturing")} <= records


def test_status_rollup_article_that_only_restates_does_not_speak():
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1), "b": DocInfo(D(2025, 6, 1), D(2025, 1, 1), 2)}
    claims = [
        _texted(_claim("a1", "a", "confirmed", topic="other", key="display"), "The tablet has a 12-inch OLED display"),
        _texted(_claim("b1", "b", "confirmed", topic="other", key="display"), "It has a 12-inch OLED display"),
    ]
    (record,) = rollup(claims, docs).values()
    assert [s.doc_id for s in record.history] == ["a"]


def test_status_rollup_a_listed_attribute_speaks_to_each():
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    claim = _texted(
        _claim("c1", "a", "rumored", subject="Orbit Pad 3", topic="other", key="display"),
        "The tablet reportedly has an 11-inch display, 8GB of memory and a large battery",
    )
    records = {(r.topic, r.key): r.status for r in rollup([claim], docs).values()}
    assert records == {("other", "display"): "rumored", ("other", "memory"): "rumored", ("other", "battery"): "rumored"}


def test_status_rollup_each_listed_attribute_takes_its_own_figure():
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    claim = _texted(
        _claim("c1", "a", "rumored", subject="Orbit Pad 3", topic="other", key="display"),
        "The tablet reportedly has an 11-inch display, 8GB of memory and a 9,000mAh battery",
    )
    values = {r.key: r.value for r in rollup([claim], docs).values()}
    assert values == {"display": "11-inch", "memory": "8GB", "battery": "9,000mAh"}


@pytest.mark.parametrize(
    "text, person, leaves",
    [
        ("Chief executive Ilse Marten will step down in June", "Ilse Marten", True),
        ("coach Arno Dekker was replaced on Sunday with Jo Hale", "Arno Dekker", True),
        # the one who replaces does not leave; a report of someone else's words is not hers
        ("coach Arno Dekker was replaced on Sunday with Jo Hale", "Jo Hale", False),
        ("Marten said the board resigned itself to a loss", "Ilse Marten", False),
        # another's act, the person named after it
        ("Last spring the owners fired their head coach, Arno Dekker, after a run of defeats", "Arno Dekker", True),
        ("Jo Hale replaced Arno Dekker in May", "Arno Dekker", True),
        ("Arno Dekker was replaced by Jo Hale in May", "Jo Hale", False),
        ("The owners fired the coach and hired Jo Hale", "Jo Hale", False),
    ],
)
def test_status_rollup_person_who_leaves(text, person, leaves):
    from claimx.status import _leaves

    assert _leaves(text, person) is leaves
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    claim = _texted(_claim("c1", "a", "confirmed", topic="crew", key=person), text)
    (record,) = rollup([claim], docs).values()
    assert record.status == ("denied" if leaves else "confirmed")


@pytest.mark.parametrize(
    "text, value",
    [
        ("The watch has a 1.9-inch display and comes in two colours", "1.9-inch"),
        ("The pack is rated at 4,800mAh", "4,800mAh"),
        # a number without its unit is not the attribute's value
        ("one of the three screen makers is short of parts", None),
    ],
)
def test_status_rollup_attribute_value_is_a_measure(text, value):
    docs = {"a": DocInfo(D(2025, 1, 1), D(2025, 1, 1), 1)}
    claim = _texted(_claim("c1", "a", "confirmed", topic="other", key="display"), text)
    claim["entities"] = [{"text": "one", "label": "CARDINAL", "start": 0, "end": 3}]
    (record,) = rollup([claim], docs).values()
    assert record.value == value


def test_status_rollup_results_are_a_fact_per_period():
    # "The brewer lost $40 million in the second quarter" (article a), "its
    # revenue fell" (a, no period: the quarter a reports), "it could return to
    # profit in the fourth quarter" (a), then "it made $12 million in the
    # fourth quarter of 2025" (b): each quarter is a fact, the results the latest
    docs = {"a": DocInfo(D(2025, 8, 1), D(2025, 8, 1), 1), "b": DocInfo(D(2026, 2, 1), D(2026, 2, 1), 2)}
    claims = [
        _claim("c1", "a", "confirmed", subject="Brewer", topic="business", key="results", value="2025-Q2"),
        _claim("c2", "a", "confirmed", subject="Brewer", topic="business", key="results", start=10),
        _claim("c3", "a", "rumored", subject="Brewer", topic="business", key="results", value="2025-Q4", start=20),
        _claim("c4", "b", "confirmed", subject="Brewer", topic="business", key="results", value="2025-Q4"),
    ]
    records = {r.key: r for r in rollup(claims, docs).values()}
    assert set(records) == {"results", "Q2 2025 results", "Q4 2025 results"}
    assert [s.claim_id for s in records["Q2 2025 results"].history] == ["c1"]
    assert [(s.doc_id, s.status) for s in records["Q4 2025 results"].history] == [("a", "rumored"), ("b", "confirmed")]
    assert [s.doc_id for s in records["results"].history] == ["a", "b"]
    # a bound is a deadline, not a period: "to return to profit by 2027"
    deadline = _claim("c5", "b", "expected", subject="Brewer", topic="business", key="results", start=30)
    deadline["dates"] = [{"value": "2027", "mod": "BEFORE"}]
    assert "2027 results" not in {r.key for r in rollup([deadline], docs).values()}


def test_status_rollup_a_flow_named_beside_the_claims_own_is_of_the_period_written_by_it():
    # "the brewer posted a first-quarter loss of $8 million and a 12% drop in
    # sales for April": the loss is Q1's results, the sales April's
    text = "the brewer posted a first-quarter loss of $8 million and a 12% drop in sales for April"
    docs = {"a": DocInfo(D(2025, 5, 20), D(2025, 5, 20), 1)}
    claim = _texted(_claim("c1", "a", "confirmed", subject="Brewer", topic="business", key="results"), text)
    claim["span"] = {"start": 0, "end": len(text)}
    claim["dates"] = [
        {"value": "2025-Q1", "start": text.index("first"), "end": text.index("first") + 13},
        {"value": "2025-04", "start": text.index("April"), "end": text.index("April") + 5},
    ]
    claim["entities"] = [
        {"text": "$8 million", "label": "MONEY", "start": text.index("$8"), "end": text.index("$8") + 10},
        {"text": "12%", "label": "PERCENT", "start": text.index("12%"), "end": text.index("12%") + 3},
    ]
    records = {r.key: r for r in rollup([claim], docs).values()}
    assert {"Q1 2025 results", "April 2025 sales"} <= set(records)
    assert "Q1 2025 sales" not in records and "April 2025 results" not in records
    assert records["April 2025 sales"].value == "12%"


def test_status_rollup_unnamed_claims_keep_the_product_their_title_names_in_full():
    # every title names the maker (a name of two products, so no fragment of
    # either); the third names a product in full, the maker's name only inside
    # the product's: that article follows the product
    docs = {
        "a": DocInfo(D(2026, 1, 1), D(2026, 1, 1), 1, "Ardent cuts 4,000 jobs"),
        "b": DocInfo(D(2026, 2, 1), D(2026, 2, 1), 2, "Ardent posts a quarterly loss"),
        "c": DocInfo(D(2026, 3, 1), D(2026, 3, 1), 3, "Ardent Vela to return next year"),
    }
    claims = [
        _claim("a1", "a", "confirmed", subject="Ardent", topic="business", key="job cuts"),
        _claim("b1", "b", "confirmed", subject="Ardent", topic="business", key="price"),
        _claim("b2", "b", "confirmed", subject="Ardent Kora", topic="business", key="sales", start=10),
        _claim("c1", "c", "confirmed", subject="Ardent Vela", topic="title", key="title"),
        _claim("c2", "c", "expected", subject="Ardent Vela", mention=False, topic="business", key="sales", start=10),
    ]
    records = {(r.subject, r.key) for r in rollup(claims, docs).values()}
    assert ("Ardent Vela", "sales") in records


def test_status_rollup_a_plant_named_by_its_own_name_holds_its_closure():
    docs = {"a": DocInfo(D(2026, 1, 1), D(2026, 1, 1), 1)}

    def closing(cid, text, places, start=0):
        claim = _texted(_claim(cid, "a", "confirmed", subject="Ardent Motors", topic="business", key="plant closures", start=start), text)
        claim["span"] = {"start": start, "end": start + len(text)}
        claim["entities"] = [
            {"text": name, "label": label, "start": start + text.index(name), "end": start + text.index(name) + len(name)}
            for name, label in places
        ]
        return claim

    claims = [
        closing("c1", "the Leeds and Derby plants will be closed next year", [("Leeds", "GPE"), ("Derby", "GPE")]),
        closing("c2", "it will also shut its Dover, Kent plant", [("Dover", "GPE"), ("Kent", "GPE")], start=100),
        # the maker's own plants, and plants that no name stands before, are the maker's
        closing("c3", "Ardent Motors plants will close, 12 plants in all", [("Ardent Motors", "ORG")], start=200),
    ]
    records = {(r.subject, r.key) for r in rollup(claims, docs).values()}
    assert records == {
        ("Ardent Motors", "plant closures"), ("Leeds plant", "closure"), ("Derby plant", "closure"), ("Dover plant", "closure")
    }


@pytest.mark.parametrize(
    "text,value",
    [
        ("the £40m sale now awaits the regulator", "£40m"),
        ("The £40m sale now awaits the regulator", "£40m"),  # "the" in lower case only, as the pattern asks
        ("bathe £40m sale", "£40m"),  # "the" as a whole word
        ("the\u00a0$90 headset sold out", "$90"),  # any space
        ("the $90 Headset sold out", "$90"),  # a small letter after it
        ("the $90, a bargain", "$90"),
        ("it cost $90 and the $90 deal held", "$90"),  # the second place it is written
        ("the $90", "$90"),
        ("the  2027 launch", "2027"),
        ("the 2027", ""),
        ("_the 5 x", "5"),
        ("٣the 5 x", "5"),  # a digit of another script is a word character
    ],
)
def test_a_value_named_by_the_and_a_noun_is_found_as_the_pattern_finds_it(text, value):
    import re

    expected = bool(re.search(r"(?<!\w)the\s+" + re.escape(value) + r"\s+[a-z]", text))
    assert _names_by_value(text, value) is expected


@pytest.mark.parametrize(
    "text",
    [
        "the maker will cut 500 jobs and close two plants",
        "joined for a fee of 24 million plus add-ons and a sell-on clause",
        "a tablet with a 12-inch display and 8 gb of memory",
        "",
    ],
)
def test_status_words_read_once_are_the_words_each_reading_found(text):
    # the mentions loop reads a claim's words once for the attributes, the joined heads and the
    # business facts: the same words the readings found apart, hyphened ones whole only where a
    # hyphen is
    from claimx.status import _HYPHENED, _WORD, _all_words, _joined_in, _joined_mentions, _listed_attributes, _listed_in

    low = text.casefold()
    assert _all_words(low) == [*_WORD.findall(low), *_HYPHENED.findall(low)]
    words = {"add-ons": "add-ons", "memory": "memory", "plants": "closures", "fee": "fee"}
    assert _listed_in(_all_words(low), words) == _listed_attributes(text, words)
    pairs = [(frozenset({"plants", "stores"}), ("close",), "closures")]
    assert _joined_in(_WORD.findall(low), pairs) == _joined_mentions(text, pairs)


def test_status_rollup_a_contest_of_one_place_has_one_day_for_every_party():
    # "Kerr's big win in the Oregon primary" tells no day; the same article
    # gives the Oregon primary's day for Price: it is one contest, one day
    docs = {"a": DocInfo(D(2026, 5, 20), D(2026, 5, 20), 1)}
    claims = [
        _texted(_claim("a1", "a", "confirmed", subject="Dale Kerr", topic="other", key="Oregon primary"),
                "Dale Kerr's big win in the Oregon primary widens his lead"),
        _texted(_claim("a2", "a", "confirmed", subject="Ada Price", topic="other", key="Oregon primary", value="2026-05-19", start=40),
                "Ada Price lost Tuesday's Oregon primary"),
    ]
    values = {r.subject: r.value for r in rollup(claims, docs).values()}
    assert values == {"Dale Kerr": "2026-05-19", "Ada Price": "2026-05-19"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # each party's figure after its possessive name is its own
        ("Mayor Kerr has won 412 seats so far, compared to Price's 230 and Governor Ada Odell's 97", {"Price": "230", "Odell": "97"}),
        # a year before a noun is no figure of the party's
        ("Mayor Kerr has won 412 seats so far, more than in Price's 2019 campaign", {"Price": "180", "Odell": "40"}),
    ],
)
def test_status_rollup_a_party_s_own_figure_beside_another_s(text, expected):
    docs = {"a": DocInfo(D(2026, 1, 10), D(2026, 1, 10), 1), "b": DocInfo(D(2026, 4, 10), D(2026, 4, 10), 2)}
    claims = [
        _texted(_claim("a1", "a", "confirmed", subject="Price", topic="other", key="seats"), "Price has won 180 seats"),
        _texted(_claim("a2", "a", "confirmed", subject="Odell", topic="other", key="seats", start=30), "Odell has won 40 seats"),
        _texted(_claim("b1", "b", "confirmed", subject="Kerr", topic="other", key="seats"), text),
    ]
    for claim, figure in zip(claims, ("180", "40", "412")):
        claim["span"] = {"start": 0, "end": len(claim["text"])}
        at = claim["text"].index(figure)
        claim["entities"] = [{"text": figure, "label": "CARDINAL", "start": at, "end": at + len(figure)}]
    values = {r.subject: r.value for r in rollup(claims, docs).values() if r.subject != "Kerr"}
    assert values == expected


@pytest.mark.parametrize(
    "text, ended",
    [
        # the party named right before the words that end the fact is the one whose fact ends
        ("Kerr's win in the north led Senator Ada Price to drop out of the race", True),
        # the claim's own subject ends it: it stays
        ("Senator Kerr dropped out of the race after Price won the north", False),
    ],
)
def test_status_rollup_a_fact_ended_by_another_party_s_name(text, ended):
    docs = {"a": DocInfo(D(2026, 3, 1), D(2026, 3, 1), 1), "b": DocInfo(D(2026, 5, 4), D(2026, 5, 4), 2)}
    claims = [
        _texted(_claim("a1", "a", "confirmed", subject="Ada Price", topic="other", key="candidacy"), "Ada Price is running for governor"),
        _texted(_claim("b1", "b", "confirmed", subject="Kerr", topic="other", key="candidacy"), text),
    ]
    records = {r.subject: [(s.doc_id, s.status) for s in r.history] for r in rollup(claims, docs).values()}
    if ended:
        assert records == {"Ada Price": [("a", "confirmed"), ("b", "denied")]}
    else:
        assert records == {"Ada Price": [("a", "confirmed")], "Kerr": [("b", "denied")]}


def test_status_rollup_an_ending_its_clause_does_not_date_takes_its_sentence_s_date():
    docs = {"a": DocInfo(D(2026, 5, 6), D(2026, 5, 6), 1)}
    sentence = {"start": 0, "end": 90}
    won = _texted(_claim("a1", "a", "confirmed", subject="Kerr", topic="other", key="primary", value="2026-05-05TNI"),
                  "Kerr's win in the north on Tuesday night sealed the primary")
    ended = _texted(_claim("a2", "a", "confirmed", subject="Ada Price", topic="other", key="presidential candidacy", start=60),
                    "Ada Price dropped out of the race")
    won["sentence"], ended["sentence"] = sentence, sentence
    values = {r.key: r.value for r in rollup([won, ended], docs).values()}
    assert values["presidential candidacy"] == "2026-05-05"


def test_status_rollup_a_milestone_told_done_is_not_told_again_for_a_later_day():
    # the maiden flight was made; a later article's "first flight" on a day
    # after it is another event (the first flight with passengers)
    docs = {"a": DocInfo(D(2026, 4, 27), D(2026, 4, 27), 1), "b": DocInfo(D(2027, 10, 1), D(2027, 10, 1), 2)}
    claims = [
        _texted(_claim("a1", "a", "confirmed", subject="Talmar V40", topic="production", key="first flight", value="2026-04-27"),
                "The Talmar V40 made its maiden flight today"),
        _texted(_claim("b1", "b", "confirmed", subject="Talmar V40", topic="production", key="first flight", value="2027-10-25"),
                "The first flight with paying passengers will take off on 25 October"),
    ]
    (record,) = rollup(claims, docs).values()
    assert [s.doc_id for s in record.history] == ["a"]
    assert record.value == "2026-04-27"


def test_status_rollup_a_milestone_first_told_done_undated_took_place_on_its_article_s_day():
    docs = {"a": DocInfo(D(2026, 3, 1), D(2026, 3, 1), 1), "b": DocInfo(D(2026, 4, 27), D(2026, 4, 27), 2)}
    claims = [
        _texted(_claim("a1", "a", "rumored", subject="Talmar V40", topic="production", key="first flight", value="2026-04", cues=True),
                "The Talmar V40 may fly for the first time in April"),
        _texted(_claim("b1", "b", "confirmed", subject="Talmar V40", topic="production", key="first flight"),
                "The Talmar V40 has made its maiden flight"),
    ]
    (record,) = rollup(claims, docs).values()
    assert (record.status, record.value) == ("confirmed", "2026-04-27")


@pytest.mark.parametrize(
    "text, cue, expected",
    [
        # the hedge is the aside's: the win is stated as fact
        ("Ada Price won all 40 seats in the north, in what could end her rival's run", "could", "confirmed"),
        # a hedge of the claim's own news stays
        ("Ada Price could win all 40 seats in the north, in what would end her rival's run", "could", "rumored"),
    ],
)
def test_status_rollup_a_hedge_in_an_aside_is_not_the_claim_s(text, cue, expected):
    docs = {"a": DocInfo(D(2026, 3, 1), D(2026, 3, 1), 1)}
    claim = _texted(_claim("a1", "a", "rumored", subject="Ada Price", topic="other", key="seats"), text)
    claim["span"] = {"start": 100, "end": 100 + len(text)}
    claim["cues"] = [{"text": cue, "status": "rumored", "start": 100 + text.index(cue), "end": 100 + text.index(cue) + len(cue)}]
    (record,) = rollup([claim], docs).values()
    assert record.status == expected
