"""Acts both parties do together (a meeting): one fact in the roll-up,
whichever party's claims name it."""

from __future__ import annotations

from roll_records import claim_record, doc_infos

from claimx.status import rollup


def _meeting(doc_id, n, text, status, subject, key):
    return claim_record(doc_id, n, text, status, subject=subject, topic="other", key=key)


def test_each_partys_meeting_with_the_other_is_one_fact():
    claims = [
        _meeting("a", 1, "Mayor Ilse Brandt will meet Governor Odell Price next week", "expected", "Ilse Brandt", "Price meeting"),
        _meeting("b", 1, "Price met with Brandt at the town hall on Friday", "confirmed", "Odell Price", "Brandt meeting"),
    ]
    records = rollup(claims, doc_infos(2026, 5, "a", "b"))
    meetings = [r for r in records.values() if r.key.endswith("meeting")]
    assert len(meetings) == 1, [(r.subject, r.key) for r in meetings]
    (record,) = meetings
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "expected"), ("b", "confirmed")]


def test_a_meeting_that_names_no_other_party_joins_the_other_partys():
    claims = [
        _meeting("a", 1, "Brandt will meet with Price on Friday", "expected", "Ilse Brandt", "Price meeting"),
        _meeting("b", 1, "Price said the meeting went well", "confirmed", "Odell Price", "meeting"),
    ]
    records = rollup(claims, doc_infos(2026, 5, "a", "b"))
    assert [(r.subject, r.key) for r in records.values()] == [("Ilse Brandt", "Price meeting")]


def test_an_act_one_party_does_alone_stays_its_own():
    # an endorsement is not mutual: Brandt's of Price is not Price's of Brandt
    claims = [
        _meeting("a", 1, "Brandt endorsed Price on Friday", "confirmed", "Ilse Brandt", "Price endorsement"),
        _meeting("b", 1, "Price has not endorsed Brandt", "denied", "Odell Price", "Brandt endorsement"),
    ]
    records = rollup(claims, doc_infos(2026, 5, "a", "b"))
    assert sorted(r.key for r in records.values()) == ["Brandt endorsement", "Price endorsement"]


def test_two_meetings_of_one_party_with_others_stay_apart():
    claims = [
        _meeting("a", 1, "Brandt will meet with Price on Friday", "expected", "Ilse Brandt", "Price meeting"),
        _meeting("b", 1, "Brandt will meet with Sorensen in June", "expected", "Ilse Brandt", "Sorensen meeting"),
        _meeting("c", 1, "Sorensen met Okafor on Monday", "confirmed", "Alva Sorensen", "Okafor meeting"),
    ]
    records = rollup(claims, doc_infos(2026, 5, "a", "b", "c"))
    assert sorted((r.subject, r.key) for r in records.values()) == [
        ("Alva Sorensen", "Okafor meeting"), ("Ilse Brandt", "Price meeting"), ("Ilse Brandt", "Sorensen meeting"),
    ]


def _with_entities(claim, *names):
    text = claim["text"]
    claim["entities"] = [
        {"text": name, "start": text.index(name), "end": text.index(name) + len(name), "label": label}
        for name, label in names
    ]
    return claim


def test_an_act_towards_each_party_of_a_list_is_an_act_towards_each():
    claim = _with_entities(
        _meeting("a", 1, "Brandt on Friday endorsed Odell Price (Ward 4), Councillor Mia Kerr and the Harbour Union",
                 "confirmed", "Ilse Brandt", "Price endorsement"),
        ("Brandt", "PERSON"), ("Odell Price", "PERSON"), ("Ward 4", "GPE"), ("Mia Kerr", "PERSON"), ("Harbour Union", "ORG"),
    )
    records = rollup([claim], doc_infos(2026, 5, "a"))
    assert sorted(r.key for r in records.values()) == ["Harbour Union endorsement", "Kerr endorsement", "Price endorsement"]


def test_a_party_named_outside_the_list_is_not_endorsed():
    claim = _with_entities(
        _meeting("a", 1, "Brandt endorsed Odell Price, a move that angered Mia Kerr", "confirmed", "Ilse Brandt", "Price endorsement"),
        ("Brandt", "PERSON"), ("Odell Price", "PERSON"), ("Mia Kerr", "PERSON"),
    )
    records = rollup([claim], doc_infos(2026, 5, "a"))
    assert [r.key for r in records.values()] == ["Price endorsement"]
