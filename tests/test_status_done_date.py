"""The value of a thing done: an article that confirms it again, with the
date of its own news, leaves the date it was first confirmed with; a date
still to come (a launch) is the latest article's."""

from __future__ import annotations

from roll_records import claim_record, doc_infos

from claimx.status import rollup


def _value(claims, ids, key):
    (record,) = [r for r in rollup(claims, doc_infos(2026, 5, *ids)).values() if r.key == key]
    return record.value


def test_a_filing_keeps_the_date_it_was_first_confirmed_with():
    a, b = doc_infos(2026, 5, "a", "b").values()
    claims = [
        claim_record("a", 1, "Corvel Motors filed for bankruptcy on Monday", "confirmed", subject="Corvel Motors",
                     topic="business", key="bankruptcy", date=a.published.isoformat()),
        claim_record("b", 1, "Corvel Motors, which filed for bankruptcy, held a press call today", "confirmed",
                     subject="Corvel Motors", topic="business", key="bankruptcy", date=b.published.isoformat()),
    ]
    assert _value(claims, ("a", "b"), "bankruptcy") == a.published.isoformat()


def test_a_date_long_before_its_article_is_no_date_of_the_fact():
    b = doc_infos(2026, 5, "a", "b")["b"]
    claims = [
        claim_record("a", 1, "Corvel Motors, which merged with a rival in 2011, is for sale", "confirmed",
                     subject="Corvel Motors", topic="business", key="deal", date="2011"),
        claim_record("b", 1, "Corvel Motors was sold today", "confirmed", subject="Corvel Motors", topic="business",
                     key="deal", date=b.published.isoformat()),
    ]
    assert _value(claims, ("a", "b"), "deal") == b.published.isoformat()


def test_a_launch_date_is_the_latest_articles():
    claims = [
        claim_record("a", 1, "The Corvel Vanta 3 goes on sale on 2 May", "confirmed", subject="Corvel Vanta 3",
                     topic="release", key="release_date", date="2026-05-02"),
        claim_record("b", 1, "The Corvel Vanta 3 now goes on sale on 29 May", "confirmed", subject="Corvel Vanta 3",
                     topic="release", key="release_date", date="2026-05-29"),
    ]
    assert _value(claims, ("a", "b"), "release_date") == "2026-05-29"


def test_a_date_given_with_a_time_of_day_is_the_day():
    # "suspended her campaign on Tuesday night", "landed at 12:30": the hour is
    # the telling's; the fact is done on the day
    claims = [
        claim_record("a", 1, "Corvel Motors filed for bankruptcy on Monday night", "confirmed", subject="Corvel Motors",
                     topic="business", key="bankruptcy", date="2026-05-01TNI"),
    ]
    assert _value(claims, ("a",), "bankruptcy") == "2026-05-01"
