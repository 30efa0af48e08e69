"""The background pack (``models/en/background.jsonl``) and its use in the roll-up:
every rule matches its examples and not its counter-examples; once a fact has
been reported, a claim worded as background does not speak for its article."""

from __future__ import annotations

import pytest
from roll_records import claim_record, doc_infos

from claimx.background import (
    antecedent_rule,
    aside_at,
    asking_rule,
    background_rule,
    generic_rule,
    load_background,
    matching_rule,
    post_rule,
    rule_matches,
    scene_rule,
    speaking_rule,
)
from claimx.background import _compiled, _scene_pattern, _word_gates
from claimx.slots import load_slots
from claimx.status import antecedent_periods, rollup

RULES = load_background()
EXAMPLES = [
    (rule.id, text) for rule in RULES
    if not rule.scene and not rule.asks_date and not rule.post and not rule.antecedent and not rule.aside
    for text in rule.examples
]
COUNTER = [
    (rule.id, text) for rule in RULES
    if not rule.scene and not rule.asks_date and not rule.post and not rule.antecedent and not rule.aside
    for text in rule.counter_examples
]
#: the rules whose words open an aside after a claim's main clause ("…, in what could")
ASIDE = [text for rule in RULES if rule.aside for text in rule.examples]
ASIDE_COUNTER = [text for rule in RULES if rule.aside for text in rule.counter_examples]
#: the rules whose words open a clause telling when the date before it was ("2008, when")
ANTECEDENT = [(rule.id, text) for rule in RULES if rule.antecedent for text in rule.examples]
ANTECEDENT_COUNTER = [(rule.id, text) for rule in RULES if rule.antecedent for text in rule.counter_examples]
#: the rules whose words name a post ("chief executive") or a title ("nominee"); their examples are written about Rosa Lind
POST = [(rule.id, text) for rule in RULES if rule.post for text in rule.examples]
POST_COUNTER = [(rule.id, text) for rule in RULES if rule.post for text in rule.counter_examples]
#: the fact each post rule's title states of its holder (None: a cast or crew post)
HOLDS = {rule.id: rule.holds for rule in RULES if rule.post}
#: the rules whose words ask for a date ("did not say when")
ASKS = [(rule.id, text) for rule in RULES if rule.asks_date for text in rule.examples]
ASKS_COUNTER = [(rule.id, text) for rule in RULES if rule.asks_date for text in rule.counter_examples]
#: the examples of the ``scene`` rules are written about meetings, or about a party's nominee
#: (a nomination: "the presumptive nominee")
MEETING = tuple(word for slot in load_slots() if slot.key in ("meeting", "nomination") for word in slot.words)
SCENE = [(rule.id, text) for rule in RULES if rule.scene for text in rule.examples]
SCENE_COUNTER = [(rule.id, text) for rule in RULES if rule.scene for text in rule.counter_examples]


def test_background_rules_have_examples():
    assert RULES and all(rule.examples for rule in RULES)


@pytest.mark.parametrize("rule_id,text", EXAMPLES)
def test_background_example_matches(rule_id, text):
    assert background_rule(text) == rule_id


@pytest.mark.parametrize("rule_id,text", COUNTER)
def test_background_counter_example_does_not_match(rule_id, text):
    # no background rule matches a background rule's counter-example; a rule
    # with ``speaks`` does not match its own (another may: "missed the deadline")
    rule = next(rule for rule in RULES if rule.id == rule_id)
    if rule.generic:
        assert generic_rule(text) is None and matching_rule(text) is None
    elif rule.speaks is None:
        assert matching_rule(text) is None
    else:
        assert not rule_matches(rule_id, text)


@pytest.mark.parametrize("rule_id,text", SCENE)
def test_scene_example_names_its_fact_only_in_the_rules_phrase(rule_id, text):
    rule = scene_rule(text, MEETING)
    assert rule is not None and rule.id == rule_id
    # a scene rule neither marks background nor says a status on its own
    assert background_rule(text) is None


@pytest.mark.parametrize("rule_id,text", SCENE_COUNTER)
def test_scene_counter_example_names_its_fact_as_news(rule_id, text):
    assert scene_rule(text, MEETING) is None


def test_a_scene_pattern_is_compiled_only_for_a_claim_holding_its_rules_words():
    # the roll-up asks each claim of a fact: a scene rule's phrase with the fact's slot
    # words is compiled for a claim that holds the rule's own words, not for every slot
    scenes = [rule for rule, _, _ in _compiled() if rule.scene]
    text = f"Delegates welcomed the {MEETING[0]} and its agenda"
    assert not any(word in text.lower().split() for rule in scenes for word in rule.words)
    _scene_pattern.cache_clear()
    assert scene_rule(text, MEETING) is None
    assert _scene_pattern.cache_info().currsize == 0


def test_the_rules_word_gates_search_a_lower_cased_text():
    # every rule's words are written in lower case: each gate has its case-sensitive twin,
    # and a claim in capitals finds the same rules as in lower case
    assert all(gate.folded is not None for gate in _word_gates())
    for rule_id, text in EXAMPLES[:40]:
        assert matching_rule(text.upper()) == matching_rule(text)
        assert generic_rule(text.upper()) == generic_rule(text)


@pytest.mark.parametrize("rule_id,text", POST)
def test_post_example_names_the_person_with_the_post_and_marks_no_background(rule_id, text):
    rule = post_rule(text, "Rosa Lind", holds=HOLDS[rule_id])
    assert rule is not None and rule.id == rule_id
    assert matching_rule(text) is None and generic_rule(text) is None
    # the post is hers, no one else's
    assert post_rule(text, "Ivo Brandt", holds=HOLDS[rule_id]) is None
    # a title is no post of a crew, nor a post a title
    assert post_rule(text, "Rosa Lind", holds="no such fact") is None


@pytest.mark.parametrize("rule_id,text", POST_COUNTER)
def test_post_counter_example_states_no_post_held(rule_id, text):
    assert post_rule(text, "Rosa Lind", holds=HOLDS[rule_id]) is None


def test_a_post_in_apposition_confirms_the_persons_post_without_the_claims_date():
    # "the scheme, the idea of its chief executive, Rosa Lind, is meant to
    # return it to profit by 2030": a plan, expected; that she is the chief
    # executive is stated as fact, and 2030 is no date of her post
    text = "The scheme, the idea of the airline's chief executive, Rosa Lind, is meant to return it to profit by 2030"
    claim = claim_record("a", 1, text, "expected", subject="Skylark Air", topic="crew", key="Rosa Lind", date="2030")
    (record,) = rollup([claim], _docs("a")).values()
    assert record.status == "confirmed" and record.value is None
    # one who leaves the post does not hold it
    leaving = claim_record("a", 1, "Chief executive Rosa Lind will step down in May", "expected",
                           subject="Skylark Air", topic="crew", key="Rosa Lind")
    (record,) = rollup([leaving], _docs("a")).values()
    assert record.status == "denied"


def test_a_post_named_in_a_source_speaks_for_the_persons_existing_crew_fact():
    # article a: she is named chief executive; article b: a results claim
    # sourced to "the airline's chief executive, Rosa Lind" confirms she
    # holds the post, without the quarter its own news gives
    named = claim_record("a", 1, "Skylark Air named Rosa Lind its chief executive", "confirmed",
                         subject="Skylark Air", topic="crew", key="Rosa Lind")
    results = claim_record("b", 1, "Our third-quarter figures show the turnaround is working", "confirmed",
                           subject="Skylark Air", topic="business", key="results", date="2026-Q3")
    results["attribution"] = {"text": "the airline's chief executive, Rosa Lind"}
    records = {r.key: r for r in rollup([named, results], _docs("a", "b")).values()}
    steps = records["Rosa Lind"].history
    assert [(s.doc_id, s.status, s.value) for s in steps] == [("a", "confirmed", None), ("b", "confirmed", None)]
    # a denial in its own news is no word on her post
    denial = {**results, "claim_id": "b-2", "status": "denied", "text": "The airline will not cut routes this winter"}
    records = {r.key: r for r in rollup([named, denial], _docs("a", "b")).values()}
    assert [s.doc_id for s in records["Rosa Lind"].history] == ["a"]


def test_a_post_named_with_its_firm_speaks_for_the_crew_fact_from_a_claim_of_another_subject():
    # article b follows the airline's new jet: "Skylark Air CEO Rosa Lind said
    # the jet will be rebadged" is filed under the jet, and names the post at
    # the airline, by the airline's name, all the same
    named = claim_record("a", 1, "Skylark Air named Rosa Lind its chief executive", "confirmed",
                         subject="Skylark Air", topic="crew", key="Rosa Lind")
    renamed = claim_record("b", 1, "Skylark Air CEO Rosa Lind said the Kestrel K9 will be rebadged as the K10", "confirmed",
                           subject="Kestrel K9", topic="title", key="title")
    renamed["subject"] = {"name": "Kestrel K9", "text": None, "start": None, "end": None}
    records = {(r.subject, r.key): r for r in rollup([named, renamed], _docs("a", "b")).values()}
    assert [s.doc_id for s in records[("Skylark Air", "Rosa Lind")].history] == ["a", "b"]
    # a claim of another subject that does not write the airline's name is no word on her post there
    other = {**renamed, "text": "CEO Rosa Lind said the Kestrel K9 will be rebadged as the K10"}
    records = {(r.subject, r.key): r for r in rollup([named, other], _docs("a", "b")).values()}
    assert [s.doc_id for s in records[("Skylark Air", "Rosa Lind")].history] == ["a"]


def test_a_title_beside_a_persons_name_speaks_for_the_fact_it_states_of_them():
    # article a: the senator wins the party's backing (her nomination, keyed by
    # the party); b: "will meet presumptive nominee Rosa Lind" (filed under the
    # mayor) says she is the expected nominee; c: "Rosa Lind, the party's
    # nominee, has yet to name a running mate" says she is, whatever its own denial
    won = claim_record("a", 1, "The Green Party made Rosa Lind its pick for the nomination on Tuesday", "confirmed",
                       subject="Rosa Lind", topic="other", key="Green Party nomination")
    meet = claim_record("b", 1, "Mayor Ivo Brandt will meet presumptive nominee Rosa Lind on Friday", "expected",
                        subject="Ivo Brandt", topic="other", key="Rosa Lind meeting", date="2026-03-06")
    named = claim_record("c", 1, "Ms. Lind, the Green Party's nominee for governor, has yet to name a running mate", "denied",
                         subject="Ivo Brandt", topic="other", key="running mate")
    records = {(r.subject, r.key): r for r in rollup([won, meet, named], _docs("a", "b", "c")).values()}
    steps = records[("Rosa Lind", "Green Party nomination")].history
    assert [(s.doc_id, s.status, s.value) for s in steps] == [("a", "confirmed", None), ("b", "expected", None), ("c", "confirmed", None)]
    # a former nominee holds no nomination now; and a person with no such fact gets none from a title
    former = {**named, "text": "Ms. Lind, the Green Party's former nominee, has yet to name a running mate"}
    records = {(r.subject, r.key): r for r in rollup([won, former], _docs("a", "c")).values()}
    assert [s.doc_id for s in records[("Rosa Lind", "Green Party nomination")].history] == ["a"]
    records = {(r.subject, r.key) for r in rollup([meet, named], _docs("b", "c")).values()}
    assert not any(subject == "Rosa Lind" for subject, _ in records)


def _results_and_when(text: str, subject: str, when_at: int) -> tuple[dict, dict]:
    """A results claim of ``subject`` naming 2027 and 2026 (``text``), and Gull Ferries' clause
    "when the ferry line lost £3 million" opening at character ``when_at`` of the same sentence."""
    before = claim_record("a", 1, text, "confirmed", subject=subject, topic="business", key="results")
    # the 2026 that ends the results claim stands just before ", when"
    first, last = text.index("2027"), when_at - 6
    before["dates"] = [{"value": "2027", "start": first, "end": first + 4}, {"value": "2026", "start": last, "end": last + 4}]
    when = claim_record("a", 2, "when the ferry line lost £3 million", "confirmed",
                        subject="Gull Ferries", topic="business", key="results")
    when["span"] = {"start": when_at, "end": when_at + len(when["text"])}
    when["sentence"] = before["sentence"] = {"start": 0, "end": when_at + 40}
    return before, when


def test_a_clause_telling_when_a_year_was_is_of_that_years_results():
    # "Its 2027 profit beats 2026, when the ferry line lost £3 million", in
    # an article that reports 2027: the loss is 2026's, not 2027's
    before, when = _results_and_when("Its 2027 profit of £5 million beats 2026", "Gull Ferries", 43)
    keys = {r.key for r in rollup([before, when], doc_infos(2028, 2, "a")).values()}
    assert {"2026 results", "2027 results"} <= keys
    # with words between the date and the clause, the clause tells of no date of the claim before it
    when["span"] = {"start": 60, "end": 60 + len(when["text"])}
    keys = {r.key for r in rollup([before, when], doc_infos(2028, 2, "a")).values()}
    assert "2026 results" not in keys


def test_a_clause_telling_when_is_of_the_date_of_another_subjects_claim_in_a_slice():
    # "Its parent's 2027 profit beats 2026, when the ferry line lost £3 million":
    # the claim before the clause is the parent's; a roll-up of the ferry line's
    # claims alone (a slice of subjects) reads the period over the whole article
    before, when = _results_and_when("Its parent's 2027 profit of £5 million beats 2026", "Tern Holdings", 52)
    docs = doc_infos(2028, 2, "a")
    whole = {(r.subject, r.key) for r in rollup([before, when], docs).values()}
    assert ("Gull Ferries", "2026 results") in whole
    sliced = {(r.subject, r.key) for r in rollup([when], docs, antecedents=antecedent_periods([before, when])).values()}
    assert sliced == {k for k in whole if k[0] == "Gull Ferries"}


def test_the_pack_has_a_rule_that_asks_for_a_date():
    assert ASKS, "background.jsonl has no rule with asks_date: the roll-up cannot tell 'did not say when' apart"


#: the kinds of background.jsonl rule that are found beside the background ones: an "asks for a date" rule
#: ("did not say when") and a clause of time after a date ("…, when the line lost £3 million")
_FINDERS = {"asks_date": asking_rule, "antecedent": antecedent_rule}


@pytest.mark.parametrize(
    "kind,rule_id,text", [("asks_date", *x) for x in ASKS] + [("antecedent", *x) for x in ANTECEDENT]
)
def test_example_is_found_by_its_own_kind_and_marks_no_background(kind, rule_id, text):
    rule = _FINDERS[kind](text)
    assert rule is not None and rule.id == rule_id
    assert background_rule(text) is None


@pytest.mark.parametrize(
    "kind,rule_id,text", [("asks_date", *x) for x in ASKS_COUNTER] + [("antecedent", *x) for x in ANTECEDENT_COUNTER]
)
def test_counter_example_is_not_found_by_its_kind(kind, rule_id, text):
    assert _FINDERS[kind](text) is None


@pytest.mark.parametrize("rule_id,text", ASKS)
def test_a_claim_that_asks_for_the_date_speaks_over_a_date_that_names_nothing(rule_id, text):
    # the rule's own example, as the undecided claim of the article's second
    # report: the half-year of a claim that names nothing is not the date
    claims = [
        _released("a", 1, "The Vell Pad will reportedly go on sale on 3 March", "rumored", date="2026-03-03"),
        _released("b", 1, "a spokesman said partners would ship other devices in the first half", "confirmed",
                  named=False, date="2026-H1"),
        _released("b", 2, text, "unconfirmed", named=False),
    ]
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [step.status for step in record.history] == ["rumored", "unconfirmed"] and record.value is None


def _released(doc_id, n, text, status, *, named=True, date=None):
    claim = claim_record(doc_id, n, text, status, subject="Vell Pad", topic="release", key="release_date", cues=("reportedly",), date=date)
    if not named:
        claim["subject"] = {"name": "Vell Pad", "text": None, "start": None, "end": None}
    return claim


def _claim(doc_id, n, text, status, *, cues=("said",), date=None):
    return claim_record(
        doc_id, n, text, status, subject="Brightline Pad", topic="production", key="manufacturing", cues=cues, date=date
    )


def _docs(*ids):
    return doc_infos(2026, 3, *ids)


def test_background_claim_does_not_speak_once_the_fact_was_reported():
    claims = [
        _claim("a", 1, "Brightline Pad will be assembled in Penang, a supplier said", "rumored"),
        _claim("b", 1, "Brightline Pad's supplier had said it would assemble the tablet in Penang", "confirmed"),
        _claim("b", 2, "Brightline Pad assembly has not started, the maker said", "denied"),
    ]
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "rumored"), ("b", "denied")]


def test_background_claim_speaks_for_a_fact_not_reported_before():
    # the first word on a fact is news, however it is worded
    claims = [_claim("a", 1, "Brightline Pad's maker had built the first units in a pilot line", "confirmed")]
    (record,) = rollup(claims, _docs("a")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "confirmed")]


def test_a_thing_told_done_already_inside_reported_speech_does_not_speak_once_reported():
    # "said that the firm had already received …": what was done before the
    # telling is background, even in the clause of a verb of saying (where a
    # bare past perfect may be the news told: "confirmed that terms had been agreed")
    claims = [
        _claim("a", 1, "Brightline Pad's maker received $40 million from its lenders", "confirmed"),
        _claim("b", 1, "Its chief said that Brightline Pad's maker had already received $2 million from a state fund", "confirmed"),
    ]
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "confirmed")]
    assert matching_rule("Its chief said that the maker had received $2 million") is None


def test_article_with_only_background_does_not_speak():
    claims = [
        _claim("a", 1, "Brightline Pad will be assembled in Penang, a supplier said", "rumored"),
        _claim("b", 1, "Brightline Pad was initially to be assembled in Penang", "confirmed"),
    ]
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "rumored")]


def _in_sentence(claim, start, sentence=(0, 200)):
    claim["span"] = {"start": start, "end": start + len(claim["text"])}
    claim["sentence"] = {"start": sentence[0], "end": sentence[1]}
    return claim


def test_background_wording_covers_the_rest_of_its_sentence():
    # "Earlier this year a supplier said ..., naming Penang as the site"
    claims = [
        _claim("a", 1, "Brightline Pad will be assembled in Penang, a supplier said", "rumored"),
        _in_sentence(_claim("b", 1, "Earlier this year a supplier said it would build the tablet", "confirmed"), 0),
        _in_sentence(_claim("b", 2, "naming Penang as the assembly site", "confirmed"), 62),
        _in_sentence(_claim("b", 3, "Brightline Pad assembly has been delayed, the maker said", "denied"), 0, (201, 260)),
    ]
    claims[3]["cues"] = []
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "rumored"), ("b", "denied")]


def test_time_clause_marks_only_itself():
    # "Two weeks after the supplier's report, the maker moved assembly to Penang"
    claims = [
        _claim("a", 1, "Brightline Pad will be assembled in Penang, a supplier said", "rumored"),
        _in_sentence(_claim("b", 1, "Two weeks after a supplier reported the plan", "rumored"), 0),
        _in_sentence(_claim("b", 2, "Brightline Pad's maker moved its assembly to Penang", "confirmed"), 46),
    ]
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "rumored"), ("b", "confirmed")]


def test_deadline_speaks_for_its_fact_as_expected_then_keeps_its_date():
    claims = [
        _claim("a", 1, "Brightline Pad's maker has until 30 June to open its second assembly line", "confirmed", date="2026-06-30"),
        _claim("b", 1, "Brightline Pad's maker opened its second assembly line", "confirmed"),
    ]
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status, s.value) for s in record.history] == [
        ("a", "expected", "2026-06-30"),
        ("b", "confirmed", None),
    ]
    # confirmed without a date of its own, the fact keeps the one it was expected with
    assert (record.status, record.value) == ("confirmed", "2026-06-30")


def test_deadline_to_decide_leaves_the_fact_undecided_without_a_value():
    claims = [
        _claim("a", 1, "The regulator has until 30 June to decide on Brightline Pad's assembly licence", "confirmed", date="2026-06-30"),
    ]
    (record,) = rollup(claims, _docs("a")).values()
    assert (record.status, record.value) == ("unconfirmed", None)


def test_a_denial_with_a_deadline_stays_a_denial():
    claims = [_claim("a", 1, "Brightline Pad's maker will not meet its deadline to open a second line", "denied")]
    (record,) = rollup(claims, _docs("a")).values()
    assert record.status == "denied"


def test_behind_schedule_denies_the_scheduled_date():
    claims = [
        _claim("a", 1, "Brightline Pad's second assembly line is due to open in June", "expected", date="2026-06"),
        _claim("b", 1, "Brightline Pad's second assembly line is four months behind schedule", "confirmed"),
    ]
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "expected"), ("b", "denied")]


def test_plans_left_untouched_speak_for_the_fact_as_expected():
    # the negation is of the effect, not of the plan: the line is still planned
    claims = [
        _claim("a", 1, "Brightline Pad's maker plans to open a second assembly line in May", "expected", date="2026-05"),
        _claim("b", 1, "The strike will not affect the plans for Brightline Pad's second assembly line", "denied"),
    ]
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "expected"), ("b", "expected")]
    assert (record.status, record.value) == ("expected", "2026-05")


def test_a_denial_that_names_no_plan_stays_a_denial():
    claims = [_claim("a", 1, "The strike will not affect Brightline Pad's assembly in Penang", "denied")]
    (record,) = rollup(claims, _docs("a")).values()
    assert record.status == "denied"


def test_a_persons_forecast_speaks_for_the_fact_as_rumored():
    # the forecast was cut, in fact; the sales it foresees are an estimate
    claims = [
        claim_record(
            "a", 1, "An analyst at Ferrow Partners cut his forecast for Brightline Pad sales to 1.5 million",
            "confirmed", subject="Brightline Pad", topic="business", key="sales",
        )
    ]
    (record,) = rollup(claims, _docs("a")).values()
    assert record.status == "rumored"


def test_a_request_for_more_money_leaves_the_fact_undecided_with_the_sum_asked():
    text = "Brightline Pad's maker has asked its lenders for a further $20m to build a second line"
    claim = claim_record("a", 1, text, "confirmed", subject="Brightline Pad", topic="business", key="funding")
    start = text.index("$20m")
    claim["entities"] = [{"text": "$20m", "start": start, "end": start + 4, "label": "MONEY"}]
    (record,) = rollup([claim], _docs("a")).values()
    assert (record.status, record.value) == ("unconfirmed", "$20m")


def _meeting(doc_id, n, text, status, *, date=None):
    return claim_record(
        doc_id, n, text, status, subject="Ilse Brandt", topic="other", key="Odell meeting", cues=("said",), date=date
    )


def test_a_dated_thing_a_claim_follows_is_done():
    # "after a meeting on Monday": the meeting took place, whatever the vow's status
    claims = [
        _meeting("a", 1, "Ilse Brandt will meet Odell Price on Monday, an aide said", "expected", date="2026-03-02"),
        _meeting("b", 1, "Ilse Brandt vowed to back the budget after a meeting with Odell Price on Monday", "expected", date="2026-03-02"),
    ]
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "expected"), ("b", "confirmed")]
    # a day still to come leaves the claim's own status: "will decide after a meeting on Friday"
    claims[1] = _meeting("b", 1, "Ilse Brandt will decide on the budget after a meeting with Odell Price on 20 March", "expected", date="2026-03-20")
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "expected"), ("b", "expected")]


def test_what_usually_happens_speaks_for_no_fact():
    # a habit or rule of thumb ("generic" rules) is no news of the fact,
    # even in the first article that names it; the article's own news speaks
    claims = [
        claim_record("a", 1, "Ferry fares tend to rise before the summer timetable", "confirmed",
                     subject="Harbour Line", topic="business", key="price"),
        claim_record("a", 2, "The Harbour Line fare will rise to £12 in May", "expected",
                     subject="Harbour Line", topic="business", key="price"),
        claim_record("b", 1, "Such refits are often delayed by a shortage of welders", "confirmed",
                     subject="Harbour Line", topic="production", key="manufacturing"),
    ]
    records = rollup(claims, doc_infos(2026, 5, "a", "b"))
    (price,) = [r for r in records.values() if r.key == "price"]
    assert [(s.doc_id, s.status) for s in price.history] == [("a", "expected")]
    # a fact of which only what usually happens was said is no tracked fact
    assert not [r for r in records.values() if r.key == "manufacturing"]


def _harbour(doc, text, status, topic, key, subject="Harbour Line", date=None):
    return claim_record(doc, 1, text, status, subject=subject, topic=topic, key=key, date=date)


#: what a speaking rule of background.jsonl makes of a fact: its claims, the
#: history of (article, status) steps, and the value ("any": not checked)
SPEAKS = [
    # the refusal took place; the fact it speaks to, the rota's acceptance,
    # did not, however hedged the report of the refusal
    pytest.param([_harbour("a", "The drivers' union is expected to accept the new rota", "expected", "business", "contract"),
                  _harbour("b", "The drivers' union appeared to refuse to accept the new rota", "rumored", "business", "contract")],
                 [("a", "expected"), ("b", "denied")], "any", id="refusal-denies"),
    pytest.param([_harbour("a", "Harbour Line could return to profit in 2027", "rumored", "business", "profitability", date="2027"),
                  _harbour("b", "The chief executive declined to predict when Harbour Line would return to profit", "rumored",
                           "business", "profitability")],
                 [("a", "rumored"), ("b", "unconfirmed")], None, id="declining-to-predict-undecided"),
    pytest.param([_harbour("a", "The harbour bill is expected to pass the upper house", "expected", "other", "passage",
                           subject="Harbour Bill"),
                  _harbour("b", "The upper house rejected the harbour bill on Tuesday", "confirmed", "other", "passage",
                           subject="Harbour Bill")],
                 [("a", "expected"), ("b", "denied")], "any", id="rejection-denies"),
    # "sometime next week": a plan whose day is not fixed
    pytest.param([_harbour("a", "Ilse Brandt will meet Odell Price sometime next week", "confirmed", "other", "Price meeting",
                           subject="Ilse Brandt", date="2026-W20")],
                 [("a", "expected")], "any", id="vague-future-expected"),
    pytest.param([_harbour("a", "The regulator withheld its approval of the Harbour Line merger", "confirmed", "other",
                           "regulatory approval")],
                 [("a", "denied")], "any", id="withholding-denies"),
    pytest.param([_harbour("a", "Harbour Line plans to build its ferries in Leith", "expected", "production", "manufacturing"),
                  _harbour("b", "A court ruling on the shipyard's lease imperils that plan", "expected", "production",
                           "manufacturing")],
                 [("a", "expected"), ("b", "rumored")], "any", id="plan-at-risk-rumored"),
    pytest.param([_harbour("a", "The auditors on 12 May called for a new tender for the Harbour Line contract", "confirmed",
                           "business", "contract", date="2026-05-12")],
                 [("a", "unconfirmed")], None, id="call-undecided-without-its-date"),
    pytest.param([_harbour("a", "Deliveries of the Harbour Line trams are not due until March", "denied", "release", "delivery",
                           date="2027-03")],
                 [("a", "expected")], "2027-03", id="not-due-until-expected"),
]


@pytest.mark.parametrize(("claims", "history", "value"), SPEAKS)
def test_a_speaking_rule_sets_the_facts_steps(claims, history, value):
    (record,) = rollup(claims, _docs(*sorted({c["doc_id"] for c in claims}))).values()
    assert [(s.doc_id, s.status) for s in record.history] == history
    assert record.status == history[-1][1]
    if value != "any":
        assert record.value == value


def test_undecided_former_plans_leave_the_new_date_standing():
    # "no one knows if the dates originally set will hold" is of
    # the former plan (background): the new date given beside it speaks
    claims = [
        _released("a", 1, "it is expected to arrive in shops on 11 November", "expected", named=False, date="2026-11-11"),
        _released("a", 2, "It is not known if the launch dates originally set will hold", "unconfirmed", named=False),
    ]
    (record,) = rollup(claims, _docs("a")).values()
    assert (record.status, record.value) == ("expected", "2026-11-11")


def test_a_fact_named_only_as_what_is_sought_is_unconfirmed():
    # "started looking for a successor": the successor is not yet found
    docs = doc_infos(2026, 5, "b")
    records = rollup(
        [
            claim_record(
                "b", 1, "Corvel Motors has started looking for a replacement", "confirmed",
                subject="Corvel Motors", topic="business", key="replacement",
            )
        ],
        docs,
    )
    assert [r.status for r in records.values()] == ["unconfirmed"]


def test_a_slot_word_only_after_without_a_or_any_denies_the_fact():
    # "can get through the winter without any state aid": no aid
    text = "The ferry line says it can get through the winter without any state aid"
    claim = claim_record("a", 1, text, "confirmed", subject="Tidewater Ferries", topic="business", key="funding")
    (record,) = rollup([claim], _docs("a")).values()
    assert record.status == "denied"


def test_a_slot_word_as_the_state_after_remain_confirms_it_as_it_stands():
    # "expects to remain profitable": it is profitable now
    text = "The bakery chain expects to remain profitable next year"
    claim = claim_record("a", 1, text, "expected", subject="Crumb & Co", topic="business", key="profitability")
    (record,) = rollup([claim], _docs("a")).values()
    assert record.status == "confirmed"


def test_a_presumptive_nominee_is_expected_to_be_nominated():
    # "the chair hailed Brandt as the presumptive nominee": that he was
    # hailed is fact, his nomination is not yet settled
    claim = claim_record("a", 1, "The party chair hailed Ivo Brandt as the presumptive nominee", "confirmed",
                         subject="Ivo Brandt", topic="other", key="nomination")
    (record,) = rollup([claim], _docs("a")).values()
    assert record.status == "expected"
    won = claim_record("b", 1, "Ivo Brandt won the nomination at the convention", "confirmed",
                       subject="Ivo Brandt", topic="other", key="nomination")
    (record,) = rollup([claim, won], _docs("a", "b")).values()
    assert [s.status for s in record.history] == ["expected", "confirmed"]


def _campaign(doc_id, n, text, status, date=None):
    return claim_record(
        doc_id, n, text, status, subject="Ada Brenn", topic="other", key="presidential candidacy", date=date
    )


def test_a_campaign_suspended_denies_the_candidacy():
    # "suspended her campaign": the campaign is over; the extractor read the sentence as a plain fact
    claims = [
        _campaign("a", 1, "Mayor Ada Brenn is running for governor", "confirmed"),
        _campaign("b", 1, "Mayor Ada Brenn suspended her campaign on Tuesday night", "confirmed"),
    ]
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "confirmed"), ("b", "denied")]


def test_all_but_sealed_leaves_the_fact_expected():
    claims = [
        claim_record("a", 1, "A third win all but sealed Ada Brenn's nomination", "confirmed",
                     subject="Ada Brenn", topic="other", key="nomination"),
    ]
    (record,) = rollup(claims, _docs("a")).values()
    assert record.status == "expected"


def test_a_withdrawal_speaks_for_its_article_over_a_claim_that_only_names_the_fact():
    # the article's news is that she left the race; a plan for a later race only names it
    claims = [
        _campaign("a", 1, "Mayor Ada Brenn is running for governor", "confirmed"),
        _campaign("b", 1, "Ada Brenn eyes a bid for the senate in 2030", "confirmed", date="2030"),
        _campaign("b", 2, "Brenn pulled out of the governor's race on the third", "confirmed", date="2026-03-03"),
    ]
    (record,) = rollup(claims, _docs("a", "b")).values()
    assert [(s.doc_id, s.status) for s in record.history] == [("a", "confirmed"), ("b", "denied")]
    assert record.value == "2026-03-03"


@pytest.mark.parametrize("text", ASIDE)
def test_aside_example_opens_an_aside(text):
    at = aside_at(text)
    assert at is not None and text[:at].rstrip().endswith(",")
    # an aside rule marks no background and says no status
    assert matching_rule(text) is None and speaking_rule(text, status=None) is None


@pytest.mark.parametrize("text", ASIDE_COUNTER)
def test_aside_counter_example_opens_none(text):
    assert aside_at(text) is None


def test_rule_lookups_kept_per_text() -> None:
    """The roll-up asks the same claim's text again for each group it is filed in: the first
    rule of a kind found for a text is kept, and asked again it is answered from there."""
    from claimx import background

    background._first_of.cache_clear()
    text = "The mayor has until Friday to file the new budget"
    found = [background.speaking_rule(text), background.matching_rule(text), background.generic_rule(text)]
    asked = background._first_of.cache_info()
    assert [background.speaking_rule(text), background.matching_rule(text), background.generic_rule(text)] == found
    after = background._first_of.cache_info()
    assert after.hits == asked.hits + 3 and after.misses == asked.misses
