"""Tests for :mod:`claimx.claims.dates`: the ``claimx_dates`` component on real sentences."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy

from claimx.claims.dates import (
    TIMEXES_KEY,
    DateFinder,
    direction_of,
    find_dates,
    find_timexes,
)

D = dt.date


@pytest.fixture(scope="module")
def finder(nlp_base):
    return DateFinder(nlp_base)


def _run(nlp_base, finder, text, published):
    doc = nlp_base(text)
    doc._.published = published
    return finder(doc)


def _dates(doc):
    return [(s.text, s._.timex["value"], s._.timex["mod"]) for s in doc.spans["dates"]]


SENTENCES = [
    (None, "Mira’s return may spark new rivalries with old allies.", []),
    (
        None,
        "The director himself repeated in mid\u20112023 that two more films are planned.",
        [("mid\u20112023", "2023", "MID")],
    ),
    (None, "The follow-up is broadly expected to arrive around 2025.", [("around 2025", "2025", "APPROX")]),
    (
        D(2026, 2, 3),
        "The directors said on Monday they had seen four approaches since early January,"
        " the most recent on January 28.",
        [
            ("Monday", "2026-02-02", None),
            ("early January", "2026-01", "START"),
            ("January 28", "2026-01-28", None),
        ],
    ),
    (
        D(2026, 2, 3),
        "The bidder has until noon on March 3 to table a binding offer.",
        [("March 3", "2026-03-03", None)],
    ),
    (
        D(2026, 2, 3),
        "Lawyers are due to talk this week, and a revised bid could arrive as soon as next week.",
        [("this week", "2026-W06", None), ("next week", "2026-W07", None)],
    ),
    (
        D(2025, 5, 29),
        "The new racing game will not ship before 2027, its publisher said on Wednesday.",
        [("before 2027", "2027", "BEFORE"), ("Wednesday", "2025-05-28", None)],
    ),
    (
        D(2026, 10, 15),
        "The government hopes to pass it in both chambers by the end of March.",
        [("the end of March", "2027-03", "END")],
    ),
    (D(2026, 10, 15), "The measure was first tabled in March.", [("March", "2026-03", None)]),
    # a gerund after "since" is past whatever its clause's verb says
    (D(2026, 1, 10), "Since opening in March, the bakery has hired twelve bakers.", [("March", "2025-03", None)]),
    # a month that names an event ("the mayor's March speech") is the nearest one, not the clause's tense
    (D(2026, 6, 10), "Critics are still quoting the mayor's March speech.", [("March", "2026-03", None)]),
    (D(2026, 2, 10), "Fans are already talking about May's cup final.", [("May", "2026-05", None)]),
    # "come November": the month still to come, whatever the clause's verb
    (D(2026, 3, 10), "The club needs a new keeper come November.", [("November", "2026-11", None)]),
    (D(2025, 11, 4), "Seats can be booked from 10am on Friday.", [("Friday", "2025-11-07", None)]),
    (
        D(2025, 11, 4),
        "The run starts in Bristol on June 12, 2026 and ends at a Glasgow arena in late August.",
        [("June 12, 2026", "2026-06-12", None), ("late August", "2026-08", "END")],
    ),
    (
        D(2025, 11, 4),
        "A second European leg is being planned for the autumn.",
        [("the autumn", "2026-FA", None)],
    ),
    (
        D(2025, 8, 21),
        "The showrunner plans to start casting in a couple of months, with shooting expected in early 2026.",
        [("in a couple of months", "2025-10", "APPROX"), ("early 2026", "2026", "START")],
    ),
    (
        D(2025, 6, 9),
        "Sales begin on August 13, with bookings starting the same day"
        " and deliveries arriving later in the month.",
        [
            ("August 13", "2025-08-13", None),
            ("the same day", "2025-08-13", None),
            ("later in the month", "2025-08", None),
        ],
    ),
    (
        D(2025, 10, 13),
        "The chipmaker will publish the September quarter figures on October 30.",
        [("the September quarter", "2025-Q3", None), ("October 30", "2025-10-30", None)],
    ),
    (D(2025, 5, 29), "The Danish toymaker posted a 4% drop in Q1 sales.", [("Q1", "2025-Q1", None)]),
    (
        D(2026, 3, 12),
        "The agent said a contract was likely before the summer.",
        [("before the summer", "2026-SU", "BEFORE")],
    ),
    (
        D(2026, 7, 22),
        "The purchase should be signed off before the weekend.",
        [("before the weekend", "2026-W30-WE", "BEFORE")],
    ),
    (
        D(2025, 10, 13),
        "The firm is unlikely to reveal new phones at its spring showcase.",
        [("spring", "2026-SP", None)],
    ),
    (
        D(2025, 9, 25),
        "The first tablet went on sale in September; a successor is due next fall.",
        [("September", "2025-09", None), ("next fall", "2026-FA", None)],
    ),
    (
        D(2026, 7, 22),
        "She signed from FC Union 1899 for €9m in 2022 and starred in a Nova 3000 advert.",
        [("2022", "2022", None)],
    ),
    (D(2025, 6, 10), "Tessa Ruiz will not come back, the network said.", []),
    (
        # a story told in an earlier year goes on in it; a day before the story's stays the article's year
        D(2026, 9, 7),
        "On March 2, 2024, a paper revealed the private account. On March 25, the contractor held a call.",
        [("March 2, 2024", "2024-03-02", None), ("March 25", "2024-03-25", None)],
    ),
    (
        D(2026, 9, 7),
        "In a July 4, 2023, speech, the senator praised the plan. On March 25, he attacked it.",
        [("July 4, 2023", "2023-07-04", None), ("March 25", "2026-03-25", None)],
    ),
    (
        # "since" points back, with or without a verb; a full date the tagger calls a name is a date
        D(2026, 9, 29),
        "The city has seen hundreds of burglaries, hundreds since January 1.",
        [("January 1", "2026-01-01", None)],
    ),
    (
        D(2026, 4, 26),
        "The September 29, 2024, email to the minister concerns the talking points.",
        [("September 29, 2024", "2024-09-29", None)],
    ),
    (D(2025, 6, 10), "The bank will shed 3,500 roles over the next two years and its stock may drop 4%.", []),
]


@pytest.mark.parametrize("published,text,expected", SENTENCES)
def test_dates_component_sentences(nlp_base, finder, published, text, expected):
    doc = _run(nlp_base, finder, text, published)
    assert _dates(doc) == expected


def test_dates_timex_is_plain_json(nlp_base, finder):
    doc = _run(nlp_base, finder, "Filming wraps in late 2025 and the film opens next summer.", D(2025, 2, 12))
    values = [s._.timex for s in doc.spans["dates"]]
    assert values == json.loads(json.dumps(values))
    assert values[0] == {
        "value": "2025",
        "mod": "END",
        "earliest": "2025-01-01",
        "latest": "2025-12-31",
        "unresolved": False,
    }


def test_dates_unresolved_without_published(nlp_base, finder):
    doc = _run(nlp_base, finder, "The film opens next summer, not in 2027.", None)
    assert [(s.text, s._.timex["value"], s._.timex["unresolved"]) for s in doc.spans["dates"]] == [
        ("next summer", None, True),
        ("2027", "2027", False),
    ]


def test_dates_find_dates_offsets_match_spans(nlp_base, finder):
    text = "Sony said on Tuesday that the film, due in summer 2026, will be followed by a sequel around 2028."
    doc = nlp_base(text)
    doc._.published = D(2025, 2, 12)
    found = find_dates(doc)
    assert [text[s:e] for s, e, _ in found] == ["Tuesday", "summer 2026", "around 2028"]
    assert [t["value"] for _, _, t in found] == ["2025-02-11", "2026-SU", "2028"]


@pytest.mark.parametrize(
    "text,date,direction",
    [
        ("She said on Monday that it was over.", "Monday", "past"),
        ("The company has confirmed on Monday that it agreed.", "Monday", "past"),
        ("The band will play on Friday.", "Friday", "future"),
        ("Filming is expected to start in March.", "March", "future"),
        ("The film is slated for next spring.", "next spring", "future"),
        ("A leg is being planned for the autumn.", "the autumn", "future"),
        ("The window opens on June 15.", "June 15", None),
        # where a delayed event was moved to lies ahead, whatever the tense
        ("The studio has delayed the film to November.", "November", "future"),
        ("The launch has slipped into March.", "March", "future"),
        ("Insiders have floated an unveiling in December.", "December", "future"),
        # a date after what was booked is the booked event's
        ("On Thursday the band added an extra Porto date on April 10.", "April 10", "future"),
        ("The band had booked venues in Cardiff for October.", "October", "future"),
        ("The singer announced the tour on Monday.", "Monday", "past"),
        # a perfect through a period's end counts what is done; a present "through" looks ahead
        ("The charity has raised $40,000 through the end of May.", "the end of May", "past"),
        ("The ceasefire holds through the end of May.", "the end of May", "future"),
        # a past clause, an event a non-finite word puts ahead: the nearest day
        ("Heading into Sunday's derby, the coach rested three players.", "Sunday", None),
        # a finite verb's "until" keeps the clause's past
        ("Until Monday's merger, the shares traded at a discount.", "Monday", "past"),
    ],
)
def test_dates_direction_of(nlp_base, text, date, direction):
    doc = nlp_base(text)
    start = text.index(date)
    span = doc.char_span(start, start + len(date))
    assert direction_of(span) == direction


def test_dates_factory_and_spans_key():
    nlp = spacy.blank("en")
    nlp.add_pipe("claimx_dates", config={"spans_key": "when"})
    assert nlp.get_pipe_meta("claimx_dates").assigns == ["doc.spans", "span._.timex", "span._.timex3"]
    doc = nlp.make_doc("Production begins in Q3 2024 and wraps in the first half of 2026.")
    doc = nlp.get_pipe("claimx_dates")(doc)
    assert [(s.text, s._.timex["value"]) for s in doc.spans["when"]] == [
        ("Q3 2024", "2024-Q3"),
        ("the first half of 2026", "2026-H1"),
    ]


TIMEX3_SENTENCES = [
    (
        D(2013, 3, 12),
        "Apple said on Tuesday morning that sales have grown every week for three years.",
        [("Tuesday morning", "TIME", "2013-03-12TMO"), ("every week", "SET", "P1W"), ("three years", "DURATION", "P3Y")],
        [("Tuesday morning", "2013-03-12TMO")],  # a day's part dates a claim with its day
    ),
    (
        D(2013, 3, 12),
        "The Dow ended the day at 14,447, its highest level in more than five years, and is now up 10% this year.",
        [
            ("the day", "DATE", "2013-03-12"),
            ("more than five years", "DURATION", "P5Y"),
            ("now", "DATE", "PRESENT_REF"),
            ("this year", "DATE", "2013"),
        ],
        [("now", "PRESENT_REF"), ("this year", "2013")],
    ),
    (
        D(2013, 3, 12),
        "The smoke was seen at 16:08 UTC, and the cardinals will vote again in the future.",
        [("16:08 UTC", "TIME", "2013-03-12T16:08"), ("the future", "DATE", "FUTURE_REF")],
        # a clock time and a reference word date a claim (TimeML writes UTC times with no zone)
        [("16:08 UTC", "2013-03-12T16:08"), ("the future", "FUTURE_REF")],
    ),
    (
        D(2025, 6, 10),
        "The bank will shed 3,500 roles over the next two years and its stock may drop 4%.",
        [("the next two years", "DURATION", "P2Y")],
        [],
    ),
]


@pytest.mark.parametrize("published,text,timexes,dates", TIMEX3_SENTENCES)
def test_dates_timexes_span_group(nlp_base, finder, published, text, timexes, dates):
    doc = _run(nlp_base, finder, text, published)
    assert [(s.text, s.label_, s._.timex3["value"]) for s in doc.spans[TIMEXES_KEY]] == timexes
    assert all(s.label_ == s._.timex3["type"] for s in doc.spans[TIMEXES_KEY])
    # the claim dates: dates, parts of days and reference words, no durations, sets or clock times
    assert [(s.text, s._.timex["value"]) for s in doc.spans["dates"]] == dates


@pytest.mark.parametrize("published,text,expected", SENTENCES)
def test_dates_timexes_hold_every_claim_date(nlp_base, finder, published, text, expected):
    doc = _run(nlp_base, finder, text, published)
    timexes = {(s.start_char, s.end_char): s._.timex3 for s in doc.spans[TIMEXES_KEY]}
    for span in doc.spans["dates"]:
        # inside a TIMEX3 ("Friday" in "9am on Friday", a TIME), the same one where the extents agree
        assert any(s <= span.start_char and span.end_char <= e for s, e in timexes), span.text
        found = timexes.get((span.start_char, span.end_char))
        if found is not None and found["type"] == "DATE":
            assert {k: v for k, v in found.items() if k != "type"} == span._.timex


def test_dates_find_timexes_plain_json(nlp_base):
    doc = nlp_base("Filming wraps in late 2025 after nearly five months, with weekly updates.")
    doc._.published = D(2025, 2, 12)
    found = find_timexes(doc)
    data = [t for _, _, t in found]
    assert data == json.loads(json.dumps(data))
    assert data[1] == {
        "type": "DURATION",
        "value": "P5M",
        "mod": "LESS_THAN",
        "earliest": None,
        "latest": None,
        "unresolved": False,
    }


def test_dates_timexes_key_can_be_switched_off():
    nlp = spacy.blank("en")
    nlp.add_pipe("claimx_dates", config={"timexes_key": None})
    doc = nlp("It rose for three years.")
    assert TIMEXES_KEY not in doc.spans and list(doc.spans["dates"]) == []


def test_dates_name_run_into_a_date_is_no_name(nlp):
    # the recogniser may read "the Nimbus X2 to November" as one name
    from claimx.nlp import make_doc
    from claimx.schemas import Article

    text = "Orrin Devices has delayed the Nimbus X2 to November, blaming a shortage of camera chips."
    article = Article(doc_id="t", path="t.md", body=text, published=D(2025, 8, 28), content_hash="0")
    doc = nlp(make_doc(nlp, article))
    assert [(s.text, s._.timex["value"]) for s in doc.spans["dates"]] == [("November", "2025-11")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a part of the day or a reference word dates a claim no calendar date does
        ("The minister resigned tonight.", [("tonight", "2026-03-10TNI")]),
        ("Prices have risen sharply recently.", [("recently", "PAST_REF")]),
        # a day named with its part is dated by both, as TimeML writes it
        ("The minister resigned on Tuesday night.", [("Tuesday night", "2026-03-10TNI")]),
        ("The strike began early Monday morning.", [("early Monday morning", "2026-03-09TMO")]),
    ],
)
def test_claim_dates_take_times_of_day_and_reference_words(analyse, text, expected):
    records = analyse(text, published=D(2026, 3, 10), title="Dates")
    assert records
    found = [(d.text, d.value) for r in records for d in r.dates]
    for text_value in expected:
        assert any(t.startswith(text_value[0]) and v == text_value[1] for t, v in found), found


@pytest.mark.parametrize(
    "text, expected",
    [
        # a day or a part of a day that names none is the day just named ...
        (
            "The mayor toured the flooded district on Monday. She met residents in the afternoon.",
            [("the afternoon", "2026-03-09TAF")],
        ),
        (
            "The mayor toured the flooded district on Monday. Earlier in the day she had met the governor.",
            [("Earlier in the day", "2026-03-09")],
        ),
        # ... else the first day the article names, the day its story is about
        (
            "The mayor toured the flooded district on Monday. Repairs will cost millions. "
            "Engineers expect the dams to hold. Insurers have paid little so far. "
            "Earlier in the day, the governor had declared an emergency.",
            [("Earlier in the day", "2026-03-09")],
        ),
        # an offset counts from the date referred to, which may be a sentence back
        (
            "The bill passed on Thursday. The minister had warned against it a day earlier, aides said.",
            [("a day earlier", "2026-03-04")],
        ),
        # "later that month" reads its month off a month named before
        (
            "The ferry line will resume service in early May and add a night route later that month.",
            [("later that month", "2026-05")],
        ),
        # a count of years counts from a year named before, a bare year being enough
        (
            "The brewery shut its doors in 2019 and reopened two years later.",
            [("two years later", "2021")],
        ),
        # one unit on or back from the date named before, written before or after its unit
        (
            "The brewery shut its doors in 2019 and reopened the following year.",
            [("the following year", "2020")],
        ),
        (
            "The insurer paid out $2 billion last year, $400 million more than the year before.",
            [("last year", "2025"), ("the year before", "2024")],
        ),
        (
            "The dockers walked out on Friday. Talks with the port had collapsed the day before, the union said.",
            [("the day before", "2026-03-05")],
        ),
        # "the same period" is the period named before, in the year it names
        (
            "Ticket sales rose 9 percent in the third quarter from the same period in 2024.",
            [("the same period in 2024", "2024-Q3")],
        ),
        (
            "The regulator said exports fell in January from the same month a year earlier.",
            [("the same month a year earlier", "2025-01")],
        ),
    ],
)
def test_claim_dates_refer_back(analyse, text, expected):
    records = analyse(text, published=D(2026, 3, 10), title="Dates")
    found = [(d.text, d.value) for r in records for d in r.dates]
    for text_value in expected:
        assert text_value in found, found


def test_claim_dates_count_needs_a_date_to_count_from(analyse):
    # "the day before" with no day named within reach dates nothing (the article's date would be a guess)
    records = analyse(
        "The ferry operator cancelled every crossing. The day before, the coastguard had issued a warning.",
        published=D(2026, 3, 10),
        title="Dates",
    )
    assert not [d for r in records for d in r.dates if d.text.lower().startswith("the day before")]


@pytest.mark.parametrize(
    "text, value",
    [
        # a superlative or ordinal "of the year" is the year of the article
        ("The airline's merger was the biggest deal of the year.", "2026"),
        ("Tourism income doubled in the first quarter of this year.", "2026-Q1"),
    ],
)
def test_claim_dates_of_the_year(analyse, text, value):
    records = analyse(text, published=D(2026, 3, 10), title="Dates")
    assert value in [d.value for r in records for d in r.dates]


def test_claim_dates_an_award_of_the_year_is_no_date(analyse):
    records = analyse("The striker was voted Player of the Year by the league.", published=D(2026, 3, 10), title="Dates")
    assert not [d for r in records for d in r.dates]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the speaker's "tonight" is the night the quotation was spoken, named before it ...
        (
            'The governor spoke to supporters on Sunday night. "We won tonight because you stood with us," she said.',
            ("tonight", "2026-03-08TNI"),
        ),
        # ... or in the sentence it closes in
        ('"The plant will reopen tomorrow," the company said on Monday.', ("tomorrow", "2026-03-10")),
        # said on a day the article does not name: the article's own day
        ('"The plant will reopen tomorrow," the company said.', ("tomorrow", "2026-03-11")),
        # outside a quotation: the article's own day
        ("The governor spoke on Sunday. The plant reopens tomorrow.", ("tomorrow", "2026-03-11")),
    ],
)
def test_claim_dates_speaker_words_count_from_when_they_were_spoken(analyse, text, expected):
    records = analyse(text, published=D(2026, 3, 10), title="Dates")
    found = [(d.text, d.value) for r in records for d in r.dates]
    assert expected in found, found


def test_claim_dates_speaker_day_is_recent_and_no_possessive(analyse):
    # a day long before the article is what the words speak about, not when they were said;
    # "Friday's vote" dates the vote
    for text in (
        'The bridge fell on February 2. "Crossings are safer today," the engineer said.',
        'After Friday\'s vote the mayor said: "Today we start again."',
    ):
        records = analyse(text, published=D(2026, 3, 10), title="Dates")
        found = [(d.text, d.value) for r in records for d in r.dates if d.text.lower() == "today"]
        assert found == [("today", "2026-03-10")] or found == [("Today", "2026-03-10")], (text, found)


@pytest.mark.parametrize(
    "text, value",
    [
        # an event named by its day is one gone by, though the clause is in the present ...
        ("The senator is still answering questions about Monday's hearing.", "2026-03-09"),
        ("The fallout from Sunday's vote is growing.", "2026-03-08"),
        # ... unless a word says it is ahead
        ("Analysts expect the premier to lose Friday's vote.", "2026-03-13"),
        ("The city is closing two bridges ahead of Saturday's march.", "2026-03-14"),
        ("The union will meet before Friday's deadline.", "2026-03-13"),
        # ... under a verb whose tense says nothing, too
        ("The mayor has grown hoarse as she tours the wards ahead of Saturday's runoff.", "2026-03-14"),
        # ... or that the clause's subject takes part in it
        ("The mayor is fighting hard in Sunday's runoff.", "2026-03-15"),
    ],
)
def test_claim_dates_event_named_by_its_day(analyse, text, value):
    records = analyse(text, published=D(2026, 3, 10), title="Dates")  # a Tuesday
    found = [d.value for r in records for d in r.dates]
    assert value in found, found


def test_claim_dates_count_from_a_wire_dateline_near_the_article_date(analyse):
    # the feed dates the article a day before the dateline of its story
    text = "Poll puts the mayor ahead.\n\nDENVER, March 11 (UPI) — A poll released Wednesday put the mayor ahead."
    records = analyse(text, published=D(2026, 3, 10), title="Dates")
    assert ("Wednesday", "2026-03-11") in [(d.text, d.value) for r in records for d in r.dates]
    # a dateline far from the article's date is no day to count from
    text = "Poll puts the mayor ahead.\n\nDENVER, May 20 (UPI) — A poll released Wednesday put the mayor ahead."
    records = analyse(text, published=D(2026, 3, 10), title="Dates")
    assert ("Wednesday", "2026-03-04") in [(d.text, d.value) for r in records for d in r.dates]


def test_claim_dates_part_of_day_needs_a_day(analyse):
    # with no day named before it, "in the morning" says nothing about when
    records = analyse("The baker said he starts work in the morning.", published=D(2026, 3, 10), title="Dates")
    assert not [d for r in records for d in r.dates if "morning" in d.text]


def test_timexes_keep_timeml_extents_for_offsets(nlp_base):
    # TimeML marks the duration in "a month earlier"; the claim date is the month
    doc = nlp_base("Sales fell in March. A month earlier they had risen.")
    doc._.published = D(2026, 4, 20)
    timexes = [(doc.text[s:e], t["value"]) for s, e, t in find_timexes(doc)]
    assert ("A month", "P1M") in timexes
    dates = [(doc.text[s:e], t["value"]) for s, e, t in find_dates(doc)]
    assert ("A month earlier", "2026-02") in dates


@pytest.mark.parametrize(
    "published, text, expected",
    [
        # a perfect infinitive looks back, whatever verb it hangs on
        (D(2026, 4, 2), "Orders are believed to have fallen sharply in March.", ("March", "2026-03")),
        # a past tense in a clause of time under "would" is that future's past
        (D(2026, 6, 3), "The ministry said the funds would be paid out once the banks reopened on Friday.", ("Friday", "2026-06-05")),
        (D(2026, 6, 3), "The minister resigned when the vote failed on Friday.", ("Friday", "2026-05-29")),
        # a month naming the period of published data is gone by
        (D(2026, 6, 3), "Traders expect the May inflation data to lift the bond market.", ("May", "2026-05")),
        # a day said before the article counts a reported future from the report's day (a Saturday article)
        (D(2026, 6, 6), "The mayor said Thursday that the council would vote Friday.", ("Friday", "2026-06-05")),
        (D(2026, 6, 6), "Officials said Wednesday the bridge would reopen Friday.", ("Wednesday", "2026-06-03")),
        (D(2026, 6, 6), "Officials said Wednesday the bridge would reopen Friday.", ("Friday", "2026-06-05")),
        # a report after what it reports dates it too; "will" is the article's own future
        (D(2026, 6, 6), "The council would vote Friday, the mayor said Thursday.", ("Friday", "2026-06-05")),
        (D(2026, 6, 6), "The council will vote Friday, the mayor said Thursday.", ("Friday", "2026-06-12")),
        # with no day of its own, the report is the article's
        (D(2026, 6, 6), "Officials said the bridge would reopen Friday.", ("Friday", "2026-06-12")),
        # a future read off anything but the weekday's own verb does not put it six days ahead:
        # the weekday a day gone (a plan told in the past, a past event in a future clause)
        (D(2026, 6, 3), "The gala, which the senator was set to host Tuesday, raised little money.", ("Tuesday", "2026-06-02")),
        (D(2026, 6, 2), "Monday's ruling will weigh on the race for months.", ("Monday", "2026-06-01")),
        # a to-infinitive under a past verb: the nearest month
        (D(2026, 6, 3), "The club invited the band to play at its gala in July.", ("July", "2026-07")),
        # a bare infinitive after "let", "see", "make" takes its tense from that verb
        (D(2026, 4, 3), "The accord would let the union strike on Tuesday.", ("Tuesday", "2026-04-07")),
    ],
)
def test_claim_dates_direction_of_tense(nlp_base, finder, published, text, expected):
    doc = _run(nlp_base, finder, text, published)
    assert expected in [(s.text, s._.timex["value"]) for s in doc.spans["dates"]]


@pytest.mark.parametrize(
    "published, text, expected",
    [
        # a vague distance back is TimeML's past reference
        (D(2026, 6, 3), "The two firms were rivals only a few weeks ago.", ("a few weeks ago", "PAST_REF")),
        # a numeric date with a two-digit year, month first
        (D(2026, 6, 3), "The plant reopened on 3/14/09 after the repairs.", ("3/14/09", "2009-03-14")),
        # the second day of a range of days
        (D(2026, 6, 3), "The survey ran from May 28-June 2 among likely voters.", ("June 2", "2026-06-02")),
        # a week at the end or start of a month
        (D(2026, 6, 3), "Bookings picked up in the last week of May.", ("the last week of May", "2026-05")),
        # the rest of a year is that year
        (D(2026, 6, 3), "The airline will freeze hiring over the rest of the year.", ("the rest of the year", "2026")),
    ],
)
def test_claim_dates_more_expressions(nlp_base, finder, published, text, expected):
    doc = _run(nlp_base, finder, text, published)
    assert expected in [(s.text, s._.timex["value"]) for s in doc.spans["dates"]]


def test_claim_dates_present_reference(analyse):
    # "at the moment" dates a claim as TimeML's present, as "recently" does as its past
    records = analyse("At the moment the ferry runs twice a day.", published=D(2026, 3, 10), title="Dates")
    assert ("the moment", "PRESENT_REF") in [(d.text, d.value) for r in records for d in r.dates]


def test_today_without_a_date_is_the_present():
    from claimx import timex

    assert timex.normalize("today", None).value == "PRESENT_REF"
    assert timex.normalize("tomorrow", None).unresolved


@pytest.mark.parametrize(
    "text, expected",
    [
        # a clock time is on the day its sentence names
        ("The probe landed on Tuesday in the desert at 18:00 UTC.", ("18:00 UTC", "2026-03-10T18:00")),
        # a clock time with its day leaves the claim dated by the day
        ("The box office opens its doors at 9am on Friday.", ("Friday", "2026-03-13")),
    ],
)
def test_claim_dates_clock_times(nlp_base, finder, text, expected):
    doc = _run(nlp_base, finder, text, D(2026, 3, 11))
    assert expected in [(s.text, s._.timex["value"]) for s in doc.spans["dates"]]
