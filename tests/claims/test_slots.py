"""The slot pack (``models/en/slots.jsonl``): every rule's examples give a
claim the rule's topic and key, so the roll-up groups it with its fact."""

from __future__ import annotations

import pytest

from claimx.slots import load_slots

SLOTS = load_slots()
EXAMPLES = [(rule.id, rule.topic, rule.key, text) for rule in SLOTS if not rule.leaves for text in rule.examples]
#: rules whose fact is the acting party's, keyed by the other party it names ("Kessling endorsement"),
#: or held per place, keyed by the place it names ("Oregon primary")
AGENT = {rule.id for rule in SLOTS if rule.party == "agent" or rule.placed}
#: rules that say a person leaves (read by the roll-up): their examples name the person and the words
LEAVES = [(rule.id, text) for rule in SLOTS if rule.leaves for text in rule.examples]


def test_slots_every_rule_has_examples():
    assert SLOTS and all(rule.examples for rule in SLOTS)


@pytest.mark.parametrize("rule_id, topic, key, text", EXAMPLES, ids=[f"{e[0]}:{n}" for n, e in enumerate(EXAMPLES)])
def test_slots_example_gets_its_slot(analyse, rule_id, topic, key, text):
    records = analyse(text)
    assert any(
        r.topic == topic and (r.key == key or (rule_id in AGENT and r.key.endswith(" " + key))) for r in records
    ), (rule_id, [(r.text, r.topic, r.key) for r in records])


@pytest.mark.parametrize("rule_id, text", LEAVES, ids=[f"{e[0]}:{n}" for n, e in enumerate(LEAVES)])
def test_slots_leaving_example_denies_the_person(analyse, rule_id, text):
    import datetime as dt

    from claimx.status import DocInfo, rollup

    records = analyse(text)
    people = [r for r in records if r.topic in ("cast", "crew") and r.key not in ("cast", "crew")]
    assert people, (rule_id, [(r.text, r.topic, r.key) for r in records])
    docs = {"t": DocInfo(dt.date(2025, 6, 4), dt.date(2025, 6, 4), 1)}
    claims = [r.model_dump(mode="json") for r in records]
    for claim in claims:  # an article about the company the person leaves
        claim["subject"]["name"] = claim["subject"]["name"] or "Kestrel Bank"
    rolled = rollup(claims, docs).values()
    assert any(rec.key == people[0].key and rec.status == "denied" for rec in rolled), [
        (rec.key, rec.status) for rec in rolled
    ]


@pytest.mark.parametrize(
    "text, key",
    [
        ("The sale of the paper mill still needs the approval of its shareholders.", "shareholder vote"),
        ("The sale of the paper mill still needs the approval of the competition regulator.", "regulatory approval"),
    ],
)
def test_slots_whose_approval_names_the_fact(analyse, text, key):
    # an approval is the shareholders' vote when they give it, the regulator's clearance otherwise
    assert any(r.key == key for r in analyse(text)), [(r.text, r.topic, r.key) for r in analyse(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The cuts will affect about 20 percent of the company's workforce.",
        "The senator needs 60 percent of the remaining votes to win.",
    ],
)
def test_slots_a_share_of_something_is_no_stake(analyse, text):
    # "percent of" a workforce, of votes or of a market holds no one's shares
    assert all(r.key != "shares" for r in analyse(text)), [(r.text, r.topic, r.key) for r in analyse(text)]


@pytest.mark.parametrize(
    "text, subject, key",
    [
        ("Governor Lena Marsh endorsed Tobias Ferrant for mayor on Monday.", "Lena Marsh", "Ferrant endorsement"),
        # the person the act's object belongs to, after its "of" (a hyphenated object too)
        ("Governor Lena Marsh endorsed the re-election of Mayor Tobias Ferrant on Friday.", "Lena Marsh", "Ferrant endorsement"),
        ("Tobias Ferrant was endorsed on Monday by Governor Lena Marsh.", "Lena Marsh", "Ferrant endorsement"),
        ("Councillor Ada Rusk said she was not ready to support Mayor Tobias Ferrant.", "Ada Rusk", "Ferrant endorsement"),
        ("Senator Piet Vandel will meet with Governor Odell Price on Friday.", "Piet Vandel", "Price meeting"),
        # "who" is the one its clause follows, through an apposition to the name
        ("Mayor Ilse Brandt, a Dunmore Liberal who has met Governor Hal Orme twice, backs the plan.", "Ilse Brandt", "Orme meeting"),
        ("The board heard from Ada Rusk, who endorsed Tobias Ferrant last spring.", "Ada Rusk", "Ferrant endorsement"),
        ("The Vellmar Port Authority opened an investigation into Orrin Shipping.", "Vellmar Port Authority", "Orrin Shipping investigation"),
    ],
)
def test_slots_an_act_is_the_fact_of_the_one_who_acts(analyse, text, subject, key):
    # an endorsement, a meeting, an inquiry: the party that acts holds the
    # fact, keyed by the other party it names
    records = analyse(text)
    got = [(r.subject.name, r.key) for r in records if r.topic == "other"]
    assert any(s.endswith(subject) and (key is None or k == key) for s, k in got), got


@pytest.mark.parametrize(
    "text",
    [
        "The new tablet will support a stylus and two keyboards.",
        "The plant cannot meet demand for the batteries.",
        "Mayor Tobias Ferrant will not support the spending cuts, his office said.",
        "About 41 percent of voters in Dunmore support Tobias Ferrant, the survey found.",
        "The new operating system will support Orrin Systems' payment service.",
    ],
)
def test_slots_an_act_needs_a_party(analyse, text):
    # with no person or body acting or named, "support" and "meet" are no endorsement or meeting
    assert all("endorsement" not in r.key and "meeting" not in r.key for r in analyse(text)), [
        (r.text, r.key) for r in analyse(text)
    ]


@pytest.mark.parametrize(
    "text, key",
    [
        # the article gives the role to one person: the role stands for that person
        ("Presumptive Liberal nominee Tobias Ferrant spoke in Dunmore on Monday. "
         "Senator Ada Rusk said she would not support the nominee.", "Ferrant endorsement"),
        ("Rusk met Tobias Ferrant, the presumptive nominee, in Dunmore. "
         "Senator Ada Rusk said she would not support her party's nominee.", "Ferrant endorsement"),
        # two nominees: the role names neither
        ("Liberal nominee Tobias Ferrant and Labour nominee Ilse Brandt spoke on Monday. "
         "Senator Ada Rusk said she would not support the nominee.", "endorsement"),
    ],
)
def test_slots_a_role_noun_stands_for_the_one_person_the_article_gives_it(analyse, text, key):
    got = [(r.subject.name, r.key) for r in analyse(text) if r.topic == "other" and r.subject.name.endswith("Rusk")]
    assert any(k == key for _, k in got), got


@pytest.mark.parametrize(
    "text, subject",
    [
        # no party acts: the one that owns the slot's noun holds the fact
        ("Ortega Motors is in talks with lenders. The minister pointed to the bankruptcy of Brenwick Steel "
         "as a model for the carmaker.", "Brenwick Steel"),
        # a possessive owner, without its "'s"
        ("Ortega Motors is in talks with lenders. He said Brenwick Steel's bankruptcy had gone smoothly.", "Brenwick Steel"),
        # two owners: neither is the one party
        ("Ortega Motors is in talks with lenders. The minister described the bankruptcy of Brenwick Steel, "
         "and the bankruptcy of Arlo Foods, as models.", "Ortega Motors"),
    ],
)
def test_slots_a_partys_fact_is_the_one_its_noun_belongs_to(analyse, text, subject):
    got = [r.subject.name for r in analyse(text) if r.key == "bankruptcy"]
    assert got == [subject], got


def test_slots_an_act_that_names_no_other_party_joins_the_one_that_does(analyse):
    import datetime as dt

    from claimx.status import DocInfo, rollup

    text = (
        "Senator Ada Rusk said on Monday that she will support the party's nominee. "
        "Rusk endorsed Tobias Ferrant at a rally in Dunmore later that day."
    )
    claims = [r.model_dump(mode="json") for r in analyse(text)]
    docs = {"t": DocInfo(dt.date(2025, 6, 4), dt.date(2025, 6, 4), 1)}
    keys = sorted(rec.key for rec in rollup(claims, docs).values() if rec.topic == "other")
    # one endorsement, Rusk's of Ferrant; the nominee is no attribute of hers
    assert keys == ["Ferrant endorsement"], keys


def test_slots_an_acts_date_is_the_one_after_its_word(analyse):
    import datetime as dt

    from claimx.status import DocInfo, rollup

    text = "Governor Lena Marsh's office said on Monday that Marsh will meet with Mayor Tobias Ferrant on Thursday."
    claims = [r.model_dump(mode="json") for r in analyse(text, published=dt.date(2025, 6, 4))]
    docs = {"t": DocInfo(dt.date(2025, 6, 4), dt.date(2025, 6, 4), 1)}
    meetings = [rec for rec in rollup(claims, docs).values() if rec.key.endswith("meeting")]
    # the meeting is on Thursday the 5th, not on the Monday it was announced
    assert [rec.value for rec in meetings] == ["2025-06-05"], [(r.key, r.value) for r in rollup(claims, docs).values()]


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors filed fraud charges against Owen Tallis on Tuesday.",
        "Owen Tallis will not face charges over the missing funds, the prosecutor said.",
        "The state's attorney declined to prosecute Owen Tallis.",
    ],
)
def test_slots_charges_are_the_accuseds(analyse, text):
    # who is charged holds the fact, not who charges
    got = [(r.subject.name, r.key) for r in analyse(text) if r.key == "charges"]
    assert got and all(name == "Owen Tallis" for name, _ in got), [(r.subject.name, r.key) for r in analyse(text)]


def test_slots_a_leading_issue_is_no_front_runner(analyse):
    # "lead" names a front-runner only beside a field, a pack or the polls, not a race's leading issue
    records = analyse("Crime has become a leading issue in both races.")
    assert all(r.key != "front-runner" for r in records), [(r.text, r.key) for r in records]


@pytest.mark.parametrize(
    "text, topic, key",
    [
        ("The reshoots are scheduled for April.", "production", None),
        ("The first deliveries are due in 2030.", "release", "delivery"),
        ("An announcement is slated for the autumn.", None, "announcement"),
    ],
)
def test_slots_a_schedule_phrase_speaks_only_where_no_other_word_does(analyse, text, topic, key):
    # "slated for", "due in" (a ``fallback`` slot) make a release date only of a claim that names no
    # topic of its own: the reshoots stay production's, the deliveries and the announcement keep their keys
    records = analyse(text)
    assert any(
        (topic is None or r.topic == topic) and (key is None or r.key == key) and r.key != "release_date"
        for r in records
    ), [(r.text, r.topic, r.key) for r in records]


def test_slots_a_clause_that_dates_the_predicate_names_no_fact_of_it(analyse):
    # "… after the summer tour ends" dates the repainting (a ``time_adjunct`` rule): the claim is no tour's
    records = analyse("The jets will be repainted after the summer tour ends.")
    assert records and all(r.key != "tour" for r in records), [(r.text, r.topic, r.key) for r in records]


def test_slots_a_phrase_after_the_predicate_may_name_its_fact(analyse):
    # "landed after a test flight": the flight is the landing, a test of the jet
    records = analyse("The new Varga V90 landed in Seattle on Monday after a test flight.")
    assert any(r.key == "testing" for r in records), [(r.text, r.topic, r.key) for r in records]


@pytest.mark.parametrize(
    "text, key",
    [
        ("Senator Dale Brandt won the Oregon primary on Tuesday.", "Oregon primary"),
        ("Governor Ames is expected to win the primary in Nevada next month.", "Nevada primary"),
        ("Mayor Quint finished third in New Mexico's caucuses.", "New Mexico caucuses"),
        ("The state party moved its primary to the first week of March.", "primary"),
        ("Governor Ames won the primaries in Nevada and Utah.", "primary"),
        # the place the predicate's, the one written before "there", the one "that state" points back to
        ("Ohio will be a test of her appeal: Senator Reyes won the primary there by ten points.", "Ohio primary"),
        ("Aides named Vermont as a place he could help. He won 12 percent in that state's primary.", "Vermont primary"),
        # a contest named only by its outcome, in a story of elections
        ("Governor Ames won Nevada on Tuesday, and the primary in Utah is next.", "Nevada primary"),
        ("He scored a narrow victory over Mayor Quint in Utah last month, and his delegates are many.", "Utah primary"),
        ("Senator Reyes has only won her home state of Idaho, and the nomination is slipping away.", "Idaho primary"),
        # the contest as the article names it in that place
        ("Mayor Quint carried Iowa by nine points, a week after the Iowa caucuses were moved.", "Iowa caucuses"),
    ],
)
def test_slots_a_contest_is_a_fact_per_place(analyse, text, key):
    # a ``placed`` slot: the place named with the word keys the fact; no one place, the bare slot
    records = analyse(text)
    assert any(r.topic == "other" and r.key == key for r in records), [(r.text, r.topic, r.key) for r in records]


@pytest.mark.parametrize(
    "text",
    [
        # "primary voters": the word modifies another noun
        "Most primary voters in the state said the economy was their main concern.",
        # a contest named in passing, neither the predicate's own nor a place's
        "The district was carried narrowly by Vale in February's primary.",
        # an outcome with no place, or in a story of no elections
        "Senator Reyes won the debate easily, and her delegates cheered.",
        "Senator Reyes won the debate in Boston easily, and her delegates cheered.",
        "The Lions won in Leeds on Saturday, and the builder won a contract in Ohio.",
    ],
)
def test_slots_a_contest_in_passing_is_no_contest(analyse, text):
    records = analyse(text)
    assert records and all(not r.key.endswith("primary") for r in records), [(r.text, r.key) for r in records]
