"""The roll-up's voice per article: a business claim that names another fact
of its subject in so many words speaks to it, for an article that has no
claim of its own there, and only then."""

from __future__ import annotations

from roll_records import claim_record, doc_infos

from claimx.status import rollup


def _claim(doc_id, n, text, status, key):
    return claim_record(doc_id, n, text, status, subject="Corvel Motors", topic="business", key=key)


def _docs(*ids):
    return doc_infos(2026, 5, *ids)


def _steps(records, key):
    (record,) = [r for r in records.values() if r.key == key]
    return [(s.doc_id, s.status) for s in record.history]


def test_claim_of_another_slot_speaks_to_a_fact_it_names():
    claims = [
        _claim("a", 1, "Corvel Motors may seek bankruptcy protection", "rumored", "bankruptcy"),
        _claim("b", 1, "Corvel Motors filed for bankruptcy, but its merger went through", "confirmed", "deal"),
    ]
    records = rollup(claims, _docs("a", "b"))
    assert _steps(records, "bankruptcy") == [("a", "rumored"), ("b", "confirmed")]
    assert _steps(records, "deal") == [("b", "confirmed")]


def test_article_with_its_own_claim_on_the_fact_speaks_through_it():
    claims = [
        _claim("a", 1, "Corvel Motors may seek bankruptcy protection", "rumored", "bankruptcy"),
        _claim("b", 1, "Corvel Motors agreed a merger despite the bankruptcy talk", "confirmed", "deal"),
        _claim("b", 2, "Corvel Motors will not file for bankruptcy", "denied", "bankruptcy"),
    ]
    records = rollup(claims, _docs("a", "b"))
    assert _steps(records, "bankruptcy") == [("a", "rumored"), ("b", "denied")]


def test_a_mention_makes_the_group_of_a_fact_not_yet_reported():
    claims = [_claim("a", 1, "Corvel Motors filed for bankruptcy, but its merger went through", "confirmed", "deal")]
    records = rollup(claims, _docs("a"))
    assert {r.key for r in records.values()} == {"deal", "bankruptcy"}
    assert _steps(records, "bankruptcy") == [("a", "confirmed")]


def test_a_word_of_a_slot_that_needs_its_verb_is_no_mention():
    # "factory" names plant closures only as what closes (slots.jsonl "heads")
    claims = [_claim("a", 1, "Corvel Motors opened its order books at the factory gate", "confirmed", "orders")]
    assert {r.key for r in rollup(claims, _docs("a")).values()} == {"orders"}


def test_a_predicate_joined_by_and_names_its_own_fact():
    # "cut 6,000 jobs and close three plants": the closures are named in
    # their verb's own predicate; "a plan which would close three plants" is
    # no such predicate
    joined = [_claim("a", 1, "Corvel Motors plans to cut 6,000 jobs and close three plants", "expected", "job cuts")]
    assert {r.key for r in rollup(joined, _docs("a")).values()} == {"job cuts", "plant closures"}
    assert _steps(rollup(joined, _docs("a")), "plant closures") == [("a", "expected")]
    relative = [_claim("a", 1, "Corvel Motors filed a recovery plan which would close three plants", "confirmed", "restructuring plan")]
    assert {r.key for r in rollup(relative, _docs("a")).values()} == {"restructuring plan"}


def test_a_head_its_narrower_slot_word_modifies_names_no_broader_fact():
    # "more public aid" is further funding (slots.jsonl: a word with heads, ADJ):
    # its "aid" names no funding fact beside it
    narrower = [_claim("a", 1, "Ministers will not give Corvel Motors any more public aid this year", "denied", "additional funding")]
    assert {r.key for r in rollup(narrower, _docs("a")).values()} == {"additional funding"}
    # "aid" on its own, in a claim of another slot, still names funding
    other = [_claim("a", 1, "Corvel Motors cut 900 jobs while it waits for state aid", "confirmed", "job cuts")]
    assert {r.key for r in rollup(other, _docs("a")).values()} == {"job cuts", "funding"}


def test_a_word_inside_a_phrase_of_the_claims_own_slot_is_no_mention():
    # "first test flight" is the first flight's phrase: its "test" names no testing
    claim = claim_record(
        "a", 1, "The Kestrel K9's first test flight may take place in March", "rumored",
        subject="Kestrel K9", topic="production", key="first flight",
    )
    assert {r.key for r in rollup([claim], _docs("a")).values()} == {"first flight"}


def _money(claim, amount):
    """RETURNS (dict): ``claim``, with ``amount`` (a sum its text writes, if any) as its one entity."""
    if amount is not None:
        start = claim["text"].index(amount)
        claim["entities"] = [{"text": amount, "start": start, "end": start + len(amount), "label": "MONEY"}]
    return claim


def _priced(doc_id, n, text, status, amount=None):
    return _money(_claim(doc_id, n, text, status, "price"), amount)


def test_value_confirmed_earlier_stands_when_a_later_confirmation_gives_none():
    claims = [
        _priced("a", 1, "Corvel Motors sold its van unit for $40 million", "confirmed", "$40 million"),
        _priced("b", 1, "Corvel Motors's sale of the van unit closed at the agreed price", "confirmed"),
    ]
    (record,) = [r for r in rollup(claims, _docs("a", "b")).values() if r.key == "price"]
    assert record.value == "$40 million"


def test_value_of_another_status_does_not_stand():
    claims = [
        _priced("a", 1, "Corvel Motors may sell its van unit for $40 million", "rumored", "$40 million"),
        _priced("b", 1, "Corvel Motors confirmed the sale of its van unit at an undisclosed price", "confirmed"),
    ]
    (record,) = [r for r in rollup(claims, _docs("a", "b")).values() if r.key == "price"]
    assert record.value is None


def test_a_reference_to_the_past_is_no_date():
    claim = _claim("a", 1, "Corvel Motors recently filed for bankruptcy", "confirmed", "bankruptcy")
    claim["dates"] = [{"value": "PAST_REF"}]
    (record,) = rollup([claim], _docs("a")).values()
    assert record.value is None


def _dated(doc_id, n, text, status, when):
    claim = _claim(doc_id, n, text, status, "deal")
    claim["dates"] = [{"value": when}]
    return claim


def test_a_claim_with_a_new_value_is_no_restatement():
    claims = [
        _dated("a", 1, "Corvel Motors expects to complete the merger in the third quarter", "expected", "2026-Q3"),
        _dated("b", 1, "Corvel Motors now expects to complete the merger in the fourth quarter", "expected", "2026-Q4"),
        _dated("b", 2, "Corvel Motors shareholders approved the merger", "confirmed", "2026-05-02"),
    ]
    claims[2]["cues"] = []
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "expected"), ("b", "expected")]
    assert record.value == "2026-Q4"


def test_a_claim_with_the_same_value_and_status_restates():
    claims = [
        _dated("a", 1, "Corvel Motors expects to complete the merger in the third quarter", "expected", "2026-Q3"),
        _dated("b", 1, "Corvel Motors expects to complete the merger in the third quarter", "expected", "2026-Q3"),
        _dated("b", 2, "Corvel Motors shareholders approved the merger", "confirmed", "2026-05-02"),
    ]
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "expected"), ("b", "confirmed")]


def test_a_model_number_is_no_amount():
    text = "The C-9 carries between 40 and 60 passengers"
    claim = _claim("a", 1, text, "confirmed", "capacity")
    claim["topic"] = "other"
    claim["entities"] = [
        {"text": "C-9", "start": text.index("C-9"), "end": text.index("C-9") + 3, "label": "CARDINAL"},
        {"text": "between 40 and 60", "start": text.index("between"), "end": text.index("between") + 17, "label": "CARDINAL"},
    ]
    (record,) = rollup([claim], _docs("a")).values()
    assert record.value == "between 40 and 60"


def _with_amount(claim, amount, label):
    at = claim["text"].index(amount)
    return {**claim, "entities": [{"text": amount.lstrip("$"), "start": at + amount.startswith("$"), "end": at + len(amount), "label": label}]}


def test_a_count_of_orders_speaks_before_a_sum_beside_them():
    claims = [
        _with_amount(_claim("a", 1, "Buyers who keep their orders will get a $40 voucher", "confirmed", "orders"), "$40", "MONEY"),
        _with_amount(_claim("a", 2, "Corvel Motors said orders for the van have passed 18,000", "confirmed", "orders"), "18,000", "CARDINAL"),
    ]
    (record,) = rollup(claims, _docs("a")).values()
    assert (record.claim_id, record.value) == ("a-2", "18,000")


def _display(doc_id, n, text, status, *, named=True):
    claim = claim_record(doc_id, n, text, status, subject="Lumo X2", topic="other", key="display")
    if not named:
        claim["subject"] = {"name": "Lumo X2", "text": None, "start": None, "end": None}
    return claim


def test_faint_claim_beside_a_restatement_does_not_speak():
    # the later article only restates the screen; its other claim on the
    # display neither names the tablet, nor has status words, nor a size
    claims = [
        _display("a", 1, "The Lumo X2 has a 7-inch LCD screen", "confirmed"),
        _display("b", 1, "The Lumo X2 has a 7-inch LCD screen, as before", "confirmed"),
        _display("b", 2, "the firm pointed to a parts squeeze for the wait", "confirmed", named=False),
    ]
    assert _steps(rollup(claims, _docs("a", "b")), "display") == [("a", "confirmed")]


def test_faint_claim_speaks_when_nothing_of_its_article_restates():
    claims = [
        _display("a", 1, "The Lumo X2 has a 7-inch LCD screen", "confirmed"),
        _display("b", 1, "the firm pointed to a parts squeeze for the wait", "confirmed", named=False),
    ]
    assert _steps(rollup(claims, _docs("a", "b")), "display") == [("a", "confirmed"), ("b", "confirmed")]


def test_claim_with_a_value_beside_a_restatement_speaks():
    claims = [
        _display("a", 1, "The Lumo X2 has a 7-inch LCD screen", "confirmed"),
        _display("b", 1, "The Lumo X2 has a 7-inch LCD screen, as before", "confirmed"),
        _display("b", 2, "the larger model gets an 8-inch panel", "confirmed", named=False),
    ]
    assert _steps(rollup(claims, _docs("a", "b")), "display") == [("a", "confirmed"), ("b", "confirmed")]


def _ordered(text, number, label):
    claim = _claim("a", 1, text, "confirmed", "orders")
    start = text.index(number)
    claim["entities"] = [{"text": number, "start": start, "end": start + len(number), "label": label}]
    return claim


def test_bare_number_tagged_as_a_date_is_the_count_of_orders():
    # the entity tagger often takes a number that ends a sentence for a date
    (record,) = rollup([_ordered("So far the ferry line has booked 40", "40", "DATE")], _docs("a")).values()
    assert record.value == "40"


def test_year_tagged_as_a_date_is_no_count():
    (record,) = rollup([_ordered("Corvel Motors has taken orders since 2021", "2021", "DATE")], _docs("a")).values()
    assert record.value is None


def _dealt(doc_id, n, text, status, date=None):
    return claim_record(doc_id, n, text, status, subject="Corvel Motors", topic="business", key="deal", date=date)


def test_claim_recalling_long_past_history_does_not_speak_over_the_news():
    claims = [
        _dealt("a", 1, "Corvel Motors opened its first store in 2019", "confirmed", "2019"),
        _dealt("a", 2, "Corvel Motors may bid for a rival bus maker", "rumored"),
    ]
    assert _steps(rollup(claims, _docs("a")), "deal") == [("a", "rumored")]


def test_claim_recalling_long_past_history_speaks_when_nothing_else_does():
    claims = [_dealt("a", 1, "Corvel Motors opened its first store in 2019", "confirmed", "2019")]
    assert _steps(rollup(claims, _docs("a")), "deal") == [("a", "confirmed")]


def test_claim_recalling_long_past_history_gives_no_value():
    # "has built the van at Leeds since 2015": the date is of the history the
    # claim recalls, not the fact's value now
    claims = [_dealt("a", 1, "Corvel Motors has run its Leeds depot jointly with a rival since 2015", "confirmed", "2015")]
    (record,) = rollup(claims, _docs("a")).values()
    assert record.history[0].status == "confirmed"
    assert record.value is None


def test_claim_of_the_year_before_is_still_news():
    claims = [
        _dealt("a", 1, "Corvel Motors closed the purchase of a van maker in 2025", "confirmed", "2025"),
        _dealt("a", 2, "Corvel Motors may bid for a rival bus maker", "rumored"),
    ]
    assert _steps(rollup(claims, _docs("a")), "deal") == [("a", "confirmed")]


def test_value_used_as_a_name_restates_it():
    # "the £40m sale" names the sale by the price an earlier article gave
    claims = [
        _priced("a", 1, "Corvel Motors will sell its van unit for about £40m", "confirmed", "£40m"),
        _priced("b", 1, "the £40m sale now awaits the regulator", "confirmed", "£40m"),
    ]
    assert _steps(rollup(claims, _docs("a", "b")), "price") == [("a", "confirmed")]


def test_a_new_value_used_as_a_name_is_news():
    claims = [
        _priced("a", 1, "Corvel Motors will sell its van unit for about £40m", "confirmed", "£40m"),
        _priced("b", 1, "the £45m sale now awaits the regulator", "confirmed", "£45m"),
    ]
    assert _steps(rollup(claims, _docs("a", "b")), "price") == [("a", "confirmed"), ("b", "confirmed")]


def _released(doc_id, n, text, status, *, named=True, cues=(), date=None):
    claim = claim_record(doc_id, n, text, status, subject="Lumo X2", topic="release", key="release_date", cues=cues, date=date)
    if not named:
        claim["subject"] = {"name": "Lumo X2", "text": None, "start": None, "end": None}
    return claim


def test_saying_the_date_is_not_known_speaks_over_a_date_that_names_nothing():
    claims = [
        _released("a", 1, "The Lumo X2 will reportedly go on sale on 1 May", "rumored", cues=["reportedly"], date="2026-05-01"),
        _released("b", 1, "a spokesman said partners would ship other devices in the first half", "confirmed",
               named=False, date="2026-H1"),
        _released("b", 2, "the maker did not say when the tablet goes on sale", "unconfirmed", named=False, cues=["did not say"]),
    ]
    records = rollup(claims, _docs("a", "b"))
    assert _steps(records, "release_date") == [("a", "rumored"), ("b", "unconfirmed")]
    # the other devices' half-year is not the tablet's date
    (record,) = [r for r in records.values() if r.key == "release_date"]
    assert record.value is None


def test_an_unknown_that_is_not_the_date_leaves_the_date_standing():
    claims = [
        _released("a", 1, "The Lumo X2 will reportedly go on sale on 1 May", "rumored", cues=["reportedly"], date="2026-05-01"),
        _released("b", 1, "a spokesman said partners would ship other devices in the first half", "confirmed",
               named=False, date="2026-H1"),
        _released("b", 2, "which colours the tablet comes in remains unclear", "unconfirmed", named=False, cues=["remains unclear"]),
    ]
    assert _steps(rollup(claims, _docs("a", "b")), "release_date") == [("a", "rumored"), ("b", "confirmed")]


def test_first_confirmation_worded_as_background_speaks():
    # "which had just exited bankruptcy" is worded as background, but no
    # earlier article confirmed the exit: it is the chain's first word of it
    claims = [
        _claim("a", 1, "Corvel Motors expects its bankruptcy to take about two months", "expected", "bankruptcy exit"),
        _claim("b", 1, "A rival bought a stake in Corvel Motors, which had just exited bankruptcy", "confirmed", "bankruptcy exit"),
    ]
    records = rollup(claims, _docs("a", "b"))
    assert _steps(records, "bankruptcy exit") == [("a", "expected"), ("b", "confirmed")]


def test_background_restating_a_confirmation_stays_silent():
    claims = [
        _claim("a", 1, "Corvel Motors exited bankruptcy on Monday", "confirmed", "bankruptcy exit"),
        _claim("b", 1, "A rival bought a stake in Corvel Motors, which had just exited bankruptcy", "confirmed", "bankruptcy exit"),
    ]
    records = rollup(claims, _docs("a", "b"))
    assert _steps(records, "bankruptcy exit") == [("a", "confirmed")]


def test_background_before_any_news_does_not_speak_when_news_follows():
    # "had lodged" restates coverage the group does not hold: the fact's
    # history starts with the article that has news of it
    claims = [
        _claim("a", 1, "Corvel Motors had lodged a bid for the van maker", "confirmed", "deal"),
        _claim("b", 1, "Corvel Motors withdrew its bid for the van maker", "denied", "deal"),
    ]
    assert _steps(rollup(claims, _docs("a", "b")), "deal") == [("b", "denied")]


def test_background_speaks_when_no_article_has_news_of_the_fact():
    claims = [
        _claim("a", 1, "Corvel Motors had lodged a bid for the van maker", "confirmed", "deal"),
        _claim("b", 1, "Analysts said Corvel Motors had lodged a bid for the van maker", "confirmed", "deal"),
    ]
    assert _steps(rollup(claims, _docs("a", "b")), "deal") == [("a", "confirmed")]


def test_an_amount_tagged_without_its_figure_takes_the_figure_after_it():
    # the tagger takes "more than" for the amount and leaves "$6 billion" out
    text = "The delays have cost Corvel Motors more than $6 billion"
    claim = _claim("a", 1, text, "confirmed", "price")
    start = text.index("more than")
    claim["entities"] = [{"text": "more than", "start": start, "end": start + 9, "label": "CARDINAL"}]
    (record,) = rollup([claim], _docs("a")).values()
    assert record.value == "$6 billion"
    # with no figure after it, a phrase of comparison is no amount
    claim = _claim("a", 1, "Corvel Motors sold more than it planned", "confirmed", "price")
    claim["entities"] = [{"text": "more than", "start": 19, "end": 28, "label": "CARDINAL"}]
    (record,) = rollup([claim], _docs("a")).values()
    assert record.value is None


def test_a_claim_speaking_for_another_fact_gives_it_the_amount_nearest_its_word():
    # filed as the fee, the claim names the bonus too (a mention): the fee
    # keeps the first amount, the bonus takes the one written beside it
    text = "Corvel Motors agreed a fee of €40m plus a €5m bonus"
    claim = _claim("a", 1, text, "confirmed", "price")
    claim["entities"] = [
        {"text": amount, "start": text.index(amount), "end": text.index(amount) + len(amount), "label": "MONEY"}
        for amount in ("€40m", "€5m")
    ]
    values = {r.key: r.value for r in rollup([claim], _docs("a")).values()}
    assert values == {"price": "€40m", "add-ons": "€5m"}


def test_an_amount_beside_the_claims_own_slot_word_is_no_value_of_a_fact_it_names():
    # filed as the brands, the claim names the dealers too (a mention): the
    # figure stands beside "brands", so the dealers get none
    text = "Corvel Motors will keep four of its brands and shrink its dealer network to match"
    claim = _claim("a", 1, text, "confirmed", "brands")
    claim["entities"] = [{"text": "four", "start": text.index("four"), "end": text.index("four") + 4, "label": "CARDINAL"}]
    values = {r.key: r.value for r in rollup([claim], _docs("a")).values()}
    assert values == {"brands": "four", "dealer cuts": None}


def test_a_claim_that_names_the_subject_speaks_before_a_cued_one_that_names_nothing():
    # a conditional that names nothing ("would fold if …") and a plain
    # statement that names the firm: the statement speaks for the article
    cond = claim_record(
        "b", 1, "operations there would fold if the loans do not come", "rumored",
        subject="Corvel Motors", topic="business", key="funding", cues=["if"],
    )
    cond["subject"]["text"] = None
    plain = _claim("b", 2, "Corvel Motors has received loans from the state", "confirmed", "funding")
    # both after the article's lede (which speaks first: the next test)
    lede = claim_record("b", 0, "Its staff met on Monday", "confirmed", subject="Corvel staff", topic="other", key="meeting")
    _sentence(cond, 100)
    _sentence(plain, 200)
    records = rollup([lede, cond, plain], _docs("b"))
    assert _steps(records, "funding") == [("b", "confirmed")]


def _sentence(claim, start):
    """Place a claim, a sentence of its own, at ``start`` of its article."""
    claim["span"] = {"start": start, "end": start + len(claim["text"])}
    claim["sentence"] = dict(claim["span"])
    return claim


def test_a_claim_of_the_lede_speaks_before_a_later_cued_one():
    # the rename told first, in a sentence that names the model only by its
    # new name, then a forecast denied in so many words of what it brings:
    # the lede is the article's news of the name
    rename = claim_record(
        "b", 1, "Its chief said the firm will rename the Vela saloon the Orca", "confirmed",
        subject="Corvel Orca", topic="title", key="title", cues=["will"],
    )
    rename["subject"]["text"] = None
    forecast = claim_record(
        "b", 2, "the new name is not expected to lift sales much", "denied",
        subject="Corvel Orca", topic="title", key="title", cues=["not"],
    )
    forecast["subject"]["text"] = None
    _sentence(forecast, 300)
    assert _steps(rollup([rename, forecast], _docs("b")), "title") == [("b", "confirmed")]
    # the same forecast before a rename told further down speaks for the article
    _sentence(rename, 400)
    assert _steps(rollup([rename, forecast], _docs("b")), "title") == [("b", "denied")]


def _counted(doc_id, n, text, figure, cues=()):
    claim = claim_record(doc_id, n, text, "confirmed", subject="Corvel Motors", topic="business", key="job cuts", cues=cues)
    at = text.index(figure)
    claim["span"] = {"start": 100 * n, "end": 100 * n + len(text)}
    claim["entities"] = [{"text": figure, "start": 100 * n + at, "end": 100 * n + at + len(figure), "label": "CARDINAL"}]
    return claim


def test_the_total_of_a_counted_fact_speaks_over_its_parts():
    # "a plan in which 9,000 jobs go" beside "2,500 in Spain" and "1,800 in
    # Italy": the total is the fact's value, whichever claim carries a cue
    claims = [
        _counted("a", 1, "a plan in which 9,000 jobs go", "9,000"),
        _counted("a", 2, "Spain will lose 2,500 jobs", "2,500", cues=["will"]),
        _counted("a", 3, "Italy will lose 1,800 jobs", "1,800", cues=["will"]),
    ]
    (record,) = rollup(claims, _docs("a")).values()
    assert record.value == "9,000"


def test_two_figures_are_no_total_and_its_parts():
    # a figure and one other: which is the news is not arithmetic
    claims = [
        _counted("a", 1, "a plan in which 9,000 jobs go", "9,000"),
        _counted("a", 2, "Spain will lose 2,500 jobs", "2,500", cues=["will"]),
    ]
    (record,) = rollup(claims, _docs("a")).values()
    assert record.value == "2,500"


def _day(claim, day):
    """The claim with one date, known to the day (``day``) or to its month (``2026-04``)."""
    latest = day if len(day) == 10 else f"{day}-30"
    return {**claim, "dates": [{"value": day, "earliest": day if len(day) == 10 else f"{day}-01", "latest": latest}]}


def test_what_a_claim_dates_before_the_last_article_that_spoke_does_not_speak():
    # "b" (published on the 2nd) had the refusal of the 1st; "c" recalls it
    claims = [
        _claim("a", 1, "Corvel Motors may ask the state for a loan", "rumored", "funding"),
        _day(_claim("b", 1, "Corvel Motors said on Friday it would not take a state loan", "denied", "funding"), "2026-05-01"),
        _day(_claim("c", 1, "Corvel Motors turned down a state loan two days ago", "denied", "funding"), "2026-05-01"),
        _claim("c", 2, "Corvel Motors may yet borrow from its banks", "rumored", "funding"),
    ]
    assert _steps(rollup(claims, _docs("a", "b", "c")), "funding") == [("a", "rumored"), ("b", "denied"), ("c", "rumored")]


def test_a_claim_dated_after_the_last_article_that_spoke_speaks():
    claims = [
        _claim("a", 1, "Corvel Motors may ask the state for a loan", "rumored", "funding"),
        _day(_claim("b", 1, "Corvel Motors turned down a state loan on Saturday", "denied", "funding"), "2026-05-02"),
    ]
    assert _steps(rollup(claims, _docs("a", "b")), "funding") == [("a", "rumored"), ("b", "denied")]


def test_the_first_word_that_a_thing_was_done_speaks_whenever_it_dates_it():
    # "a" and "b" only expected the loan; "c" is the first to say it came, in April
    claims = [
        _claim("a", 1, "Corvel Motors expects a state loan", "expected", "funding"),
        _claim("b", 1, "Corvel Motors told its staff that the money should come through soon", "expected", "funding"),
        _day(_claim("c", 1, "Corvel Motors received the state loan in April", "confirmed", "funding"), "2026-04"),
    ]
    docs = doc_infos(2026, 5, "a", "b", "c")
    assert _steps(rollup(claims, docs), "funding") == [("a", "expected"), ("b", "expected"), ("c", "confirmed")]


def test_a_claim_that_counts_an_attribute_speaks_for_it_with_its_count():
    # an attribute keyed on its own noun ("delegates"): "won 12 delegates"
    # says more of it than "told delegates their votes could help"
    def delegates(n, text, status, cues=(), ents=()):
        claim = claim_record("a", n, text, status, subject="Maren Holt", topic="other", key="delegates", cues=cues)
        claim["span"] = {"start": 100 * n, "end": 100 * n + len(text)}
        claim["entities"] = [
            {"text": e, "start": 100 * n + text.index(e), "end": 100 * n + text.index(e) + len(e), "label": "CARDINAL"}
            for e in ents
        ]
        return claim

    claims = [
        delegates(1, "Holt told delegates in the hall that their votes could still help her", "rumored", cues=("could",)),
        delegates(2, "Holt won twelve of the county's delegates", "confirmed", ents=("twelve",)),
    ]
    (record,) = rollup(claims, _docs("a")).values()
    assert record.status == "confirmed" and record.value == "twelve"
    # a number that counts something else is no count of the delegates
    other = delegates(3, "Holt met 40 voters before the delegates arrived", "confirmed", ents=("40",))
    (record,) = rollup([other], _docs("a")).values()
    assert record.value is None


def _moved(doc_id, n, text, status, topic, key, amount=None):
    return _money(claim_record(doc_id, n, text, status, subject="Tomas Ferreira", topic=topic, key=key), amount)


def test_a_claim_of_a_person_speaks_to_a_business_fact_of_theirs_it_names():
    # "joined the club for a fee of … plus … in add-ons": the move (a cast
    # claim) names the fee and the add-ons of the player's transfer, facts
    # that earlier articles opened; a hyphened slot word ("add-ons") counts whole
    claims = [
        _moved("a", 1, "Tomas Ferreira will cost around €20m, with bonuses on top", "rumored", "business", "price", "€20m"),
        _moved("a", 2, "The deal for Tomas Ferreira includes up to €3m in add-ons", "rumored", "business", "add-ons", "€3m"),
        _moved("b", 1, "The fee for Tomas Ferreira is not yet settled", "unconfirmed", "business", "price"),
        _moved("b", 2, "Tomas Ferreira joined Dorval City for a fee of €24m plus €3m in add-ons", "confirmed", "cast", "cast", "€24m"),
    ]
    records = rollup(claims, _docs("a", "b"))
    assert _steps(records, "add-ons") == [("a", "rumored"), ("b", "confirmed")]
    (price,) = [r for r in records.values() if r.key == "price"]
    # the move gives the fee, beside a claim of the slot's own that gives none
    assert [(s.doc_id, s.status) for s in price.history] == [("a", "rumored"), ("b", "confirmed")]
    assert price.value == "€24m"


def test_a_claim_of_a_person_opens_no_business_fact():
    # a business fact no claim of its own opened is no fact of the person's move
    claims = [_moved("a", 1, "Tomas Ferreira joined Dorval City for a fee of €24m", "confirmed", "cast", "cast", "€24m")]
    assert {r.key for r in rollup(claims, _docs("a")).values()} == {"cast"}
