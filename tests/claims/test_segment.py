"""Claim segmentation: one claim per predicate, reports as attribution, lists split."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The remake is officially in production and widely expected to open around 2027.",
            ["is officially in production", "widely expected to open around 2027"],
        ),
        (
            "The council said it had got four bids, and had rejected all of them.",
            ["it had got four bids", "had rejected all of them"],
        ),
        (
            "Salazar returns, backed by Christoph Waltz as Ido, Jennifer Connelly as Chiren, and Ed Skrein as Zapan.",
            ["Jennifer Connelly as Chiren", "Ed Skrein as Zapan"],
        ),
        # a bare verb beside a finite one, and a finite conjunct hung on an infinitive
        (
            "The Hawks start their season on May 9 and hope to have the goalkeeper signed by then.",
            ["The Hawks start their season on May 9", "hope to have the goalkeeper signed by then"],
        ),
        (
            "It aims to lift online sales by 2027 and is scheduled to publish results on March 19.",
            ["aims to lift online sales by 2027", "is scheduled to publish results on March 19"],
        ),
        # "as X reported <news>" is a claim; "as X noted" alone is attribution
        (
            "The game will not be released before 2027, the studio said on Wednesday, as the publisher reported a 7% fall in revenue.",
            ["The game will not be released before 2027", "the publisher reported a 7% fall in revenue"],
        ),
        # a second reported "that" clause, whatever the parser hangs it on
        (
            "She said Vega is a working label for engine code that is reused by many teams, "
            'and that the company has "no news" on the franchise this spring.',
            ["Vega is a working label", 'the company has "no news" on the franchise this spring'],
        ),
    ],
)
def test_segment_splits_clauses(analyse, text, expected):
    texts = [r.text for r in analyse(text)]
    for part in expected:
        assert any(part in t for t in texts), (part, texts)
    assert len(texts) >= len(expected)


def test_segment_report_verb_is_attribution_not_claim(analyse):
    records = analyse("Kuo says the phone will ship in the fall.")
    assert len(records) == 1
    (claim,) = records
    assert claim.text.startswith("Kuo says")
    assert claim.attribution is not None and claim.attribution.text == "Kuo"


def test_segment_trailing_reporter_left_out_of_evidence(analyse):
    records = analyse('"The game will ship in March," said Jane Doe, the studio head.')
    assert records, "expected a claim"
    claim = records[0]
    assert "said" not in claim.text
    assert claim.attribution is not None and "Jane Doe" in claim.attribution.text


@pytest.mark.parametrize(
    "text, absolute, status",
    [
        ("The label pushed the album to 2029, with a tour planned for late 2029.", "with a tour planned for late 2029", "expected"),
        ("The studio hired Jo Ames to direct, with Stephen McFeely writing.", "with Stephen McFeely writing", "confirmed"),
        # the parser may make the participle clause the preposition's complement (pcomp)
        (
            "A spinoff is reportedly in the works, with Dorsey attached as a producer.",
            "with Dorsey attached as a producer",
            "rumored",
        ),
    ],
)
def test_segment_absolute_with_phrase_is_a_claim(analyse, text, absolute, status):
    records = {r.text: r for r in analyse(text)}
    assert absolute in records, list(records)
    assert records[absolute].status == status


@pytest.mark.parametrize(
    "text",
    [
        "The maker would not respond to requests for comment.",
        "Why glasses, and why now?",
    ],
)
def test_segment_no_claim_in_boilerplate_or_wh_questions(analyse, text):
    assert analyse(text) == []


def test_segment_yes_no_question_is_a_rumored_claim(analyse):
    records = analyse("Could 2028 be the year the long-awaited racer finally ships?")
    assert records and records[0].status == "rumored"


@pytest.mark.parametrize(
    "text",
    [
        "## What we know so far\nThe sequel is officially in development.",
        "By Jane Doe\nThe sequel is officially in development.",
        "Release date and cast\n\nThe sequel is officially in development.",
        # a line in capitals throughout heads what follows, whatever its stop
        "4. HARBOUR TOWN BRACES FOR SECOND STORM.\n\nThe sequel is officially in development.",
        # a sentence that is a bare noun phrase names or exclaims: a letter's signature, an outburst
        "The sequel is officially in development.\nAnna Lindqvist-Moreau.",
        "“Some truly awful numbers.” The sequel is officially in development.",
        # a dateline is where and from whom, no claim
        "PORTLAND, Ore., May 2 (AP) — The sequel is officially in development.",
    ],
)
def test_segment_headings_and_bylines_are_not_claims(analyse, text):
    records = analyse(text)
    assert [r.text for r in records] == ["The sequel is officially in development"]


@pytest.mark.parametrize(
    "heading",
    [
        # the parser splits a numbered item's number off as a sentence of its own:
        # the line in capitals after it is a heading all the same (issue 12)
        "2. WHAT THE HARBOUR MASTER’S U-TURN REFLECTS.",
        "10. WHY THE FERRY FARES KEEP RISING.",
        "3) COUNCIL SHELVES THE BYPASS PLAN",
        # a section head in title case, with the stop published news often gives it
        "Ferry Crews Walk Out Over Night Shifts.",
        "Mayor Okafor: I’m Not Done With The Harbour Yet.",
        # a short line of its own that states nothing: a heading, a caption
        "A long night for the ferry crews.",
        "Counting the cost of the long strike.",
    ],
)
def test_segment_heading_line_inside_the_body_is_not_a_claim(analyse, heading):
    text = f"Ferry fares rise\n\nThe ferry company raised its fares on Monday.\n\n{heading}\n\nThe harbour master changed course on Friday."
    assert [r.text for r in analyse(text)] == [
        "The ferry company raised its fares on Monday",
        "The harbour master changed course on Friday",
    ]


@pytest.mark.parametrize(
    "line, claim",
    [
        # a short line of its own with a verb states
        ("Ferry crews walked out over night shifts.", "Ferry crews walked out over night shifts"),
        # the items of a list stay, after a colon or opened by a dash
        ("The prize went to:\n\nNell Fry of the Harbour Gazette.", "Nell Fry of the Harbour Gazette"),
        ("— Nell Fry of the Harbour Gazette, winner of the prize for local news.", "Nell Fry of the Harbour Gazette"),
    ],
)
def test_segment_short_line_that_states_or_lists_stays(analyse, line, claim):
    text = f"Ferry fares rise\n\nThe ferry company raised its fares on Monday.\n\n{line}\n\nThe harbour master changed course on Friday."
    assert any(r.text.startswith(claim) for r in analyse(text)), [r.text for r in analyse(text)]


def test_segment_list_item_line_follows_its_colon_through_its_block():
    from claimx.claims.segment import _list_item_line

    text = "The mayor spoke.\n\nShe has three tasks:\n\nRaise fares\nMend the quay\nA new timetable.\n\nA long night.\n\nShe left."
    items = {line: _list_item_line(text, text.index(line)) for line in ("Raise fares", "Mend the quay", "A new timetable.", "A long night.", "She left.")}
    assert items == {"Raise fares": True, "Mend the quay": True, "A new timetable.": True, "A long night.": False, "She left.": False}


@pytest.mark.parametrize(
    "text, claims",
    [
        # a pseudo-cleft's copula adds no claim: the "that" clause is the claim
        ("What is certain is that the studio has been busy.", ["the studio has been busy"]),
        # a label before a colon is no claim; the clause after it is
        (
            "Update: Northwind confirmed on Wednesday that it had accepted an improved offer.",
            ["Northwind confirmed on Wednesday that it had accepted an improved offer"],
        ),
        # a clause that only leads into the list below its colon is no claim; the items are
        (
            "The audit also showed that:\n- Two depots missed their checks.",
            ["Two depots missed their checks"],
        ),
        ("The three towns on the shortlist are:\nDover, Deal and Hythe.", ["Dover, Deal and Hythe"]),
        # a clause with content before its colon stays
        ("The mayor wrote:\nThe depot will close.", ["The mayor wrote", "The depot will close"]),
        # a pronoun with a subject is no predicate ("Whatever the outcome")
        ("Whatever the outcome, the club is planning a summer rebuild.", ["the club is planning a summer rebuild"]),
        # "according to X" in mid-sentence stays inside the claim
        (
            "What will not happen, according to the studio, is another crossover on that scale.",
            ["What will not happen, according to the studio, is another crossover on that scale"],
        ),
        # "not yet" in the main clause does not silence a later reporter
        (
            "Testing has not yet started, though the agency said it plans to begin some next spring.",
            ["Testing has not yet started", "the agency said it plans to begin some next spring"],
        ),
    ],
)
def test_segment_frames_labels_and_clefts(analyse, text, claims):
    assert [r.text for r in analyse(text)] == claims


@pytest.mark.parametrize(
    "text",
    [
        # opinion and praise are no claims
        "It is still one of the finest puzzle games of its era.",
        "It has been a rough year for the band.",
        "Honestly, a brighter screen is the change this laptop needed.",
        "It is, frankly, the most handsome phone the company has made.",
        "Tiago is a player we like.",
        "It was a sensible, if overdue, reform.",
        "The new trailer is stunning.",
        "Our readers deserve better than a hasty ending.",
        "The hype makes the record one of the most eagerly awaited albums of the year.",
        "The soundtrack was the best thing about the old show.",
        "For a camera this refined, the cost seems fair.",
        # an evaluative word in -ing the parser reads as a progressive is a verdict all the same
        "The cost of the new stadium is simply breathtaking.",
        # a contracted copula spelt with a curly apostrophe is a copula all the same
        "It’s a dreadful ending.",
        "You’re brilliant.",
    ],
)
def test_segment_opinion_is_no_claim(analyse, text):
    assert analyse(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a superlative with figures or dates is a measurable fact
        "The tour is the biggest British tour of 2026.",
        "Shares are at their highest level since 2019.",
        # a superlative of something measurable is a fact
        "The budget would make it the studio's most expensive production to date.",
        # a superlative someone expects is a forecast
        "The label expects the record to be its best seller to date.",
        # a verb in -ing with somewhere to go or an object is an event, not a verdict
        "The firm is moving its head office to Leeds.",
        # a plain copula without evaluation stays a claim
        "The studio is in talks with the director.",
        # "most" that counts a noun is a quantity, no superlative of quality
        "They are small farms that in most cases are losing money.",
        # a comparative of an evaluative word sets two states side by side: checkable
        "The deficit was far greater than the treasury had forecast.",
        "The new border checks are tougher than the old ones.",
        # an opinion verb with a modal is a capacity or a wish, not the opinion
        "The senator is a colleague she can admire.",
    ],
)
def test_segment_measurable_or_forecast_superlative_is_a_claim(analyse, text):
    assert analyse(text) != []


@pytest.mark.parametrize(
    "text, claims",
    [
        # a reporter after what it reports is attribution, not a claim
        (
            "The bidder could come back with a sweeter offer, people close to the talks said.",
            ["The bidder could come back with a sweeter offer"],
        ),
        (
            "The singer will release her fourth album on February 20, the singer announced in a video.",
            ["The singer will release her fourth album on February 20"],
        ),
        # a reporting participle the parser hangs on the reporter, with the
        # speaker as its subject, belongs to the reporter
        (
            '"The cash took too long to arrive," said analyst Chris Weafer commenting on the decision.',
            ["The cash took too long to arrive"],
        ),
        # an infinitive with a subject of its own ("for X to …") is part of its clause
        (
            "It took two years for the money to reach the banks, the minister said.",
            ["It took two years for the money to reach the banks"],
        ),
        # the participle on the object of "according to" is the source, no claim
        (
            "The service passed its rival in February, according to figures released on April 3 by NPD Group.",
            ["The service passed its rival in February"],
        ),
        # a coordinated clause with its own news is not a reporter
        (
            "The audit closes this month, and the ship is expected back at the dock on Friday.",
            ["The audit closes this month", "the ship is expected back at the dock on Friday"],
        ),
    ],
)
def test_segment_trailing_reporter_is_no_claim(analyse, text, claims):
    assert [r.text for r in analyse(text)] == claims


@pytest.mark.parametrize(
    "text, claims",
    [
        # the reporter of a quoted question on what or why asks with it: no claim
        ('"Why now?" asked the senator.', []),
        ('"The delays keep coming. Where will it end?," the auditor said, according to a local paper.', ["The delays keep coming"]),
        ('"We will not close the harbour," the mayor said. "Why would we?" she added.', ["We will not close the harbour"]),
        # the reporter cut off from its quote: a sentence of its own, or after an instruction
        ('"Is this the same minister who promised a new hospital?" the editorial asks.', ["Is this the same minister who promised a new hospital"]),
        ('"Let\'s wait and see how the first week goes," the festival director said in a post on the group\'s website.', []),
        # one that opens a paragraph of its own is a claim
        (
            'The ferry that links the island to the mainland failed its annual safety inspection last week, '
            'officials said. "We are shocked."\n\nThe operator responded on Friday.',
            ["The ferry that links the island to the mainland failed its annual safety inspection last week", "We are shocked", "The operator responded on Friday"],
        ),
    ],
)
def test_segment_reporter_of_a_question_or_a_cut_off_quote_is_no_claim(analyse, text, claims):
    assert [r.text for r in analyse(text)] == claims


@pytest.mark.parametrize(
    "text, claims",
    [
        # a reporter after what it reports with a day of its own: the article
        # states that the report was made that day, a claim of its own
        (
            "The singer will release her fourth album on February 20, the singer announced on Wednesday in a video.",
            ["The singer will release her fourth album on February 20", "the singer announced on Wednesday in a video"],
        ),
        (
            "The plant will shut in the autumn, a company spokesman told reporters Thursday night.",
            ["The plant will shut in the autumn", "a company spokesman told reporters Thursday night"],
        ),
        # a reporter before what it reports stays in the reported claim, with its day
        (
            "The company said on Thursday that the plant will shut in the autumn.",
            ["The company said on Thursday that the plant will shut in the autumn"],
        ),
    ],
)
def test_segment_dated_trailing_reporter_is_a_claim(analyse, text, claims):
    records = analyse(text)
    assert [r.text for r in records] == claims
    if len(records) == 2:
        # the report is the article's own statement; what it reports keeps its source
        reported, report = records
        assert report.attribution is None and report.status == "confirmed"
        assert reported.attribution is not None and reported.attribution.text == report.text.split(" announced")[0].split(" told")[0]


@pytest.mark.parametrize(
    "text",
    [
        "The band left the stage before the storm broke.",
        "Fans are often asked to leave before the match even starts.",
    ],
)
def test_segment_before_clause_is_part_of_its_claim(analyse, text):
    # "before X" does not say that X ever happened ("left before it broke",
    # "before it even starts"): the time of its clause's claim, no claim of its own
    assert [r.text for r in analyse(text)] == [text.rstrip(".")]


def test_segment_before_clause_after_a_measure_is_a_claim(analyse):
    # "two days before X" says that X happened: a claim of its own
    texts = [r.text for r in analyse("The mayor will cut the ribbon on Friday, just hours before the bridge opens.")]
    assert texts == ["The mayor will cut the ribbon on Friday", "just hours before the bridge opens"]


@pytest.mark.parametrize(
    "text, source",
    [
        ("The new stadium, the council said, will be hard to pay for.", "the council"),
        ("In some districts, the organisers noted, turnout fell by half.", "the organisers"),
        ("The old bridge, the engineers warned, will need new cables.", "the engineers"),
    ],
)
def test_segment_reporter_set_off_inside_its_clause_is_no_claim(analyse, text, source):
    # a reporter between commas inside the clause it reports is that clause's
    # source, not a claim of its own ("the council said" alone asserts nothing)
    (record,) = analyse(text)
    assert record.text == text.rstrip(".")
    assert record.attribution is not None and record.attribution.text == source


def test_segment_reporting_participle_frames_what_it_reports(analyse):
    records = analyse("Shares closed 27% higher on Monday, suggesting investors expect a higher offer.")
    assert [(r.text, r.status) for r in records] == [
        ("Shares closed 27% higher on Monday", "confirmed"),
        ("investors expect a higher offer", "rumored"),
    ]


@pytest.mark.parametrize(
    "text, claims, source",
    [
        # a participle that cites a reason or hints at a matter states it: a claim, its source the clause's subject
        (
            "The studio moved the sequel from March to June on Monday, citing the need for more reshoots.",
            ["The studio moved the sequel from March to June on Monday", "citing the need for more reshoots"],
            "The studio",
        ),
        (
            '"This is only the start," the union leader said, hinting at further strikes.',
            ["This is only the start", "hinting at further strikes"],
            "the union leader",
        ),
    ],
)
def test_segment_participle_citing_a_reason_is_a_claim(analyse, text, claims, source):
    records = analyse(text)
    assert [r.text for r in records] == claims
    assert records[-1].attribution is not None and records[-1].attribution.text == source


@pytest.mark.parametrize(
    "text",
    [
        # one that cites a source, a finding or a statement only says where the clause came from
        "The paper said the deal was close, citing two people briefed on the talks.",
        "The band will add a fourth night, the paper reported, citing an unnamed promoter.",
        "Sales fell sharply in May, the trade group said, citing a survey of its members.",
    ],
)
def test_segment_participle_citing_a_source_is_no_claim(analyse, text):
    assert not any(r.text.startswith("citing") for r in analyse(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a coordinated infinitive with its own "to", or a participle with its own adverb, is a claim
        (
            "The festival is due to open in Leeds on May 2 and to run for six weeks.",
            ["The festival is due to open in Leeds on May 2", "to run for six weeks"],
        ),
        (
            "The new chip runs cooler, probably extending battery life and possibly cutting costs.",
            ["The new chip runs cooler", "probably extending battery life", "possibly cutting costs"],
        ),
        # unmarked, or alternatives: one claim
        (
            "The board decided to sell the plant and close the office.",
            ["The board decided to sell the plant and close the office"],
        ),
    ],
)
def test_segment_marked_coordinated_complement(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


def test_segment_claim_ends_where_another_claim_begins(analyse):
    texts = [r.text for r in analyse("Jane Roe is directing, with Sam Cole as co-director.")]
    assert texts[0] == "Jane Roe is directing"
    assert any(t.startswith("with Sam Cole") for t in texts[1:]), texts


def test_segment_participle_of_how_a_source_got_it_is_no_claim(analyse):
    texts = [r.text for r in analyse("According to a draft plan seen by Auto Ledger, shipments will slide to July.")]
    assert not any(t.startswith("seen by") for t in texts), texts


@pytest.mark.parametrize(
    "text, claims",
    [
        # a noun phrase that sums up its sentence, with a clause of its own
        (
            "The club will offer him a new deal, a move that could ease his concerns about recruitment.",
            [("The club will offer him a new deal", "confirmed"), ("a move that could ease his concerns about recruitment", "rumored")],
        ),
        (
            "The stock rose 21% on Tuesday, a sign that traders are counting on a richer bid.",
            [("The stock rose 21% on Tuesday", "confirmed"), ("a sign that traders are counting on a richer bid", "rumored")],
        ),
        # a hedging adverb opening a prepositional afterthought
        (
            "The spinoff is expected to move forward next year, possibly for a 2028 release.",
            [("The spinoff is expected to move forward next year", "expected"), ("possibly for a 2028 release", "rumored")],
        ),
        (
            "A live album is likely, possibly out before Christmas.",
            [("A live album is likely", "expected"), ("possibly out before Christmas", "rumored")],
        ),
        # a plain adverb does not
        (
            "Sales rose 5% in the quarter, mainly in Asia.",
            [("Sales rose 5% in the quarter, mainly in Asia", "confirmed")],
        ),
    ],
)
def test_segment_summary_appositives_and_afterthoughts(analyse, text, claims):
    assert [(r.text, r.status) for r in analyse(text)] == claims


@pytest.mark.parametrize(
    "text, claims",
    [
        # boilerplate that ends its clause is no claim; one that says what was not told is
        ("A spokesperson declined to comment.", []),
        ("The lender declined to comment on the lawsuit.", [("The lender declined to comment on the lawsuit", "unconfirmed")]),
        ("Not everyone is convinced.", []),
    ],
)
def test_segment_boilerplate_only_when_it_ends_the_clause(analyse, text, claims):
    assert [(r.text, r.status) for r in analyse(text)] == claims


def test_segment_untitled_article_opens_with_its_headline(analyse):
    text = "Ferry operator adds a winter route.\n\nThe operator will run two crossings a day from March, its chief said."
    assert [r.text for r in analyse(text, title=None)] == ["The operator will run two crossings a day from March"]
    # a headline and its deck on the next line are one block
    deck = "Ferry operator adds a winter route;\nTwo crossings a day from March.\n\nThe chief said demand had doubled."
    assert [r.text for r in analyse(deck, title=None)] == ["The chief said demand had doubled"]
    # with a title of its own, the first paragraph is the story's lead
    titled = [r.text for r in analyse(text, title="Winter ferries")]
    assert titled[0] == "Ferry operator adds a winter route"


@pytest.mark.parametrize(
    "text, claims",
    [
        # an instruction to the reader or listener is no claim
        ("Follow our reporter on Twitter @desk_news.", []),
        ("Seriously, please ask yourself that question.", []),
        ("Have a look at the clip below. The mayor spoke for ten minutes.", ["The mayor spoke for ten minutes"]),
        # opening a quote, the parser hangs it on what follows: an instruction all the same
        (
            '"Look what the council has done to this town, the shops are all closing," she said.',
            ["the shops are all closing"],
        ),
        ('"Let\'s see how the first week goes," the manager said.', []),
        # a bare verb after a modal or with a subject is no imperative
        ("Voters will decide in May.", ["Voters will decide in May"]),
    ],
)
def test_segment_imperatives_are_no_claims(analyse, text, claims):
    assert [r.text for r in analyse(text)] == claims


@pytest.mark.parametrize(
    "text, claims",
    [
        # "issued a statement saying" is the frame of what the statement says, split off as a claim
        (
            "The union issued a statement saying the closures were a betrayal of workers.",
            ["the closures were a betrayal of workers"],
        ),
        ("The embassy put out a statement on Friday saying the ban was unjustified.", ["the ban was unjustified"]),
        # a statement that is news in itself, with nothing reported, stays
        ("The council issued a statement on Friday.", ["The council issued a statement on Friday"]),
    ],
)
def test_segment_statement_frame_is_no_claim(analyse, text, claims):
    assert [r.text for r in analyse(text, title="Notes")] == claims


@pytest.mark.parametrize(
    "text, claims",
    [
        # a verb that ends its clause, its content split off after it, leaves no stub
        (
            "For the club, it means admitting that the new stadium will open a year late.",
            ["the new stadium will open a year late"],
        ),
        ("It means conceding that the tower will never be finished.", ["the tower will never be finished"]),
        ("In a normal season we would prefer that the players rest in August.", ["the players rest in August"]),
        # an infinitive frame says how sure the content is: one claim with it (a frame_link decision)
        (
            "The ministry has yet to confirm that the bridge will reopen in June.",
            ["The ministry has yet to confirm that the bridge will reopen in June"],
        ),
    ],
)
def test_segment_split_stub_is_no_claim(analyse, text, claims):
    assert [r.text for r in analyse(text, title="Notes")] == claims


def test_split_stub_keeps_a_frame_with_news_of_its_own(nlp):
    from claimx.claims.segment import split_stub

    words = nlp.get_pipe("claimx_segment").words
    doc = nlp("With the mayor weighing a second term, a poll found that most residents back her.")
    found = next(t for t in doc if t.lower_ == "found")
    assert not split_stub(doc[: found.i + 1], found, words)  # "the mayor weighing a second term" is news besides
    doc = nlp("It means conceding that the tower will never be finished.")
    means = next(t for t in doc if t.lower_ == "means")
    assert split_stub(doc[: means.i + 2], means, words)


@pytest.mark.parametrize(
    "text, claims",
    [
        # a list that leaves its verb out gives each item a fact of its own
        (
            "The mayor won 412 votes, Ana Ruiz 298 and Tom Hale 97.",
            ["The mayor won 412 votes", "Ana Ruiz 298", "Tom Hale 97"],
        ),
        (
            "The bank will cut 5,000 jobs, 2,100 in France and 900 in Italy.",
            ["The bank will cut 5,000 jobs", "2,100 in France", "900 in Italy"],
        ),
        # the list starts after the first number, whatever comes before it;
        # ", and" is one bound; a name and its number are a claim of two words
        (
            "The airline said it would cut 900 jobs in Spain, 400 in Italy and 120 in Greece.",
            ["The airline said it would cut 900 jobs in Spain", "400 in Italy", "120 in Greece"],
        ),
        (
            "The tally now stands at Ortiz 212, Lee 190, Park 88, and Moreno 41.",
            ["The tally now stands at Ortiz 212", "Lee 190", "Park 88", "Moreno 41"],
        ),
        # dates and figures in brackets are no items
        ("The vote ran from March 2 to April 9, 2027 and drew 3,000 people.", None),
    ],
)
def test_segment_gapped_lists(analyse, text, claims):
    texts = [r.text for r in analyse(text, title="Lists")]
    if claims is None:
        assert not any(t.startswith(("2027", "April")) for t in texts), texts
    else:
        assert texts == claims


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parser hangs the first of two clauses on the second verb as its
        # complement; the second verb reports nothing, so each is a claim
        ("The factory is old, it makes sense it is on the list.", ["The factory is old", "it makes sense it is on the list"]),
        # a verb with only a subject frames the clause before it
        ("Prices are all higher this spring, a new survey shows.", ["Prices are all higher this spring"]),
        # a colon announces what follows: one claim
        ("The board's message is clear: the plant will close in May.", ["The board's message is clear: the plant will close in May"]),
    ],
)
def test_segment_glued_clause_recovered(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle set off by a comma says where or when of its noun: a claim
        (
            "The hearing will open on Monday at the county court, located in central Leeds.",
            ["The hearing will open on Monday at the county court", "located in central Leeds"],
        ),
        # one that names its noun is part of the claim
        ("The studio is making a sequel codenamed Orion.", ["The studio is making a sequel codenamed Orion"]),
    ],
)
def test_segment_set_off_participle(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a gerund after "after", "before" or "despite" states an event of its own
        (
            "The index closed at 4,120 points after gaining 2% in the afternoon.",
            ["The index closed at 4,120 points", "after gaining 2% in the afternoon"],
        ),
        ("After gaining 2% in the morning, the index closed lower.", ["After gaining 2% in the morning", "the index closed lower"]),
        # under a negation the time phrase may be what is denied; inside its clause's words it stays
        ("The coach will not stay after losing the final.", ["The coach will not stay after losing the final"]),
        (
            "The senator, despite trailing in every poll, won the primary.",
            ["The senator, despite trailing in every poll, won the primary"],
        ),
    ],
)
def test_segment_event_gerund(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


def test_segment_finite_clause_hung_on_a_noun(analyse):
    # the parser hangs a finite clause with its own subject (no "that") on a
    # noun; it is a clause all the same, and a claim of its own
    texts = [r.text for r in analyse("The new rule marks the fact the port can now take the largest ships.")]
    assert texts == ["The new rule marks the fact", "the port can now take the largest ships"]
    # a noun's content clause with "that" stays with its noun
    texts = [r.text for r in analyse("Critics dismissed reports that the port would close.")]
    assert len(texts) == 1, texts


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb whose only content is its "that" clause leads that claim, no stub is left
        ("The survey found that most voters back the plan.", ["The survey found that most voters back the plan"]),
        ("The upshot is that the plant will close in May.", ["The upshot is that the plant will close in May"]),
    ],
)
def test_segment_bare_frame_leads_its_clause(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb the tagger read as a participle on a noun, coordinated with a verb
        (
            "The agency repeatedly hid records, admitted it destroyed files, and delayed reports during the inquiry.",
            ["The agency repeatedly hid records", "admitted it destroyed files", "delayed reports during the inquiry"],
        ),
        # coordinated objects stay in one claim
        ("The singer sent flowers and letters to the family.", ["The singer sent flowers and letters to the family"]),
    ],
)
def test_segment_verb_read_as_noun(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a phrase with a figure or a rank that closes the sentence sums the clause up: a claim
        (
            "The carmaker posted a profit of 2 billion dollars last year, the first gain in four years.",
            ["The carmaker posted a profit of 2 billion dollars last year", "the first gain in four years"],
        ),
        ("The index closed at 4,120, a 2 percent fall on the week.", ["The index closed at 4,120", "a 2 percent fall on the week"]),
        # a bare description names what it follows
        (
            "The regulator forced the chain to cut prices in its London store, its biggest shop.",
            ["The regulator forced the chain to cut prices in its London store, its biggest shop"],
        ),
    ],
)
def test_segment_summary_phrase(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


def test_segment_coordinated_absolute(analyse):
    # each half of an absolute with a subject of its own is a claim
    texts = [r.text for r in analyse("Bank shares fell by nine percent, with Northbank losing 11.7% and Eastco falling by 9.7%.")]
    assert texts == ["Bank shares fell by nine percent", "with Northbank losing 11.7%", "Eastco falling by 9.7%"]



def test_segment_absolute_with_a_participle_read_as_past_tense(analyse):
    # the tagger reads "split" as a past tense; after "with" it is a participle, and the absolute a claim
    texts = [r.text for r in analyse("In the city race, Lopez leads Brandt 48 percent to 41 percent, with younger voters largely split along party lines.")]
    assert texts == ["In the city race, Lopez leads Brandt 48 percent to 41 percent", "with younger voters largely split along party lines"]


def test_segment_markup_is_no_claim(analyse):
    # an embedded post's placeholder left in the text says nothing
    texts = [r.text for r in analyse('The mayor posted a reply within minutes.\n\n<post post-id="1234567890"><post/>.', title="Reply")]
    assert texts == ["The mayor posted a reply within minutes"]


def test_segment_summary_after_a_dash(analyse):
    # a phrase that sums the sentence up after a dash is a claim, as after a comma
    texts = [r.text for r in analyse("The union sent a letter to its members on Friday — a move that could delay the strike.")]
    assert texts == ["The union sent a letter to its members on Friday", "a move that could delay the strike"]


def test_segment_wh_question_after_a_conjunction_is_no_claim(analyse):
    # a wh-question asks, even after "So" or "And"; a yes/no question may float a rumour and stays
    assert [r.text for r in analyse("So why do voters keep backing the mayor?")] == []
    assert len(analyse("Will the tour go ahead in May?")) == 1


@pytest.mark.parametrize(
    "text, told",
    [
        ("Why did the mayor, who signed the harbour deal in May, wait until now to announce it?", "who signed the harbour deal in May"),
        ("Why is the ferry still idle, even though the strike ended a week ago?", "even though the strike ended a week ago"),
        ("Why did the council shut the pool in June, leaving the town without one all summer?", "leaving the town without one all summer"),
    ],
)
def test_segment_clause_a_wh_question_sets_off_is_a_confirmed_claim(analyse, text, told):
    # the question asks and is no claim; the clause it sets off tells, as it would in a statement
    assert [(r.text, r.status) for r in analyse(text)] == [(told, "confirmed")]


def test_segment_restrictive_participle_with_an_agent_stays_in_its_claim(analyse):
    # a participle right after its noun says which one, as a restrictive relative
    # clause does ("figures that were published by the bureau"): part of the claim,
    # whether its agent is a name or not
    assert [r.text for r in analyse("The phone was shown at a launch event hosted by Vantor.")] == [
        "The phone was shown at a launch event hosted by Vantor"
    ]
    assert [r.text for r in analyse("The minister quoted jobless figures published on Friday by the statistics bureau.")] == [
        "The minister quoted jobless figures published on Friday by the statistics bureau"
    ]
    assert [r.text for r in analyse("The report compares the different plans adopted by Siemens and Alstom.")] == [
        "The report compares the different plans adopted by Siemens and Alstom"
    ]


def test_segment_set_off_participle_with_an_agent(analyse):
    # set off by a comma after a noun that is not the subject, it says what follows: a claim
    texts = [r.text for r in analyse("The band will play two shows in Dublin in March, followed by a tour of Japan in May.")]
    assert texts == ["The band will play two shows in Dublin in March", "followed by a tour of Japan in May"], texts
    # breaking into its clause's subject, it says whose the noun is: part of the claim
    texts = [r.text for r in analyse("A cap on card fees for small shops, sought by traders, was left out of the bill.")]
    assert texts == ["A cap on card fees for small shops, sought by traders, was left out of the bill"], texts


def test_segment_inline_bullet_list_one_claim_per_item(analyse):
    # a bullet list flattened into one line: the clause before the colon
    # with the first item, then one claim per item, each with the clause's status
    records = analyse(
        "These stores are expected to close: * Lakeview Mall in Dayton, Ohio * Elm Street, Boise"
        " * Harbor Point Centre of Tampa, Florida."
    )
    assert [(r.text, r.status) for r in records] == [
        ("These stores are expected to close: * Lakeview Mall in Dayton, Ohio", "expected"),
        ("Elm Street, Boise", "expected"),
        ("Harbor Point Centre of Tampa, Florida", "expected"),
    ]


def test_segment_inline_bullet_item_run_into_a_sentence(analyse):
    texts = [
        r.text
        for r in analyse("Two depots will shut: * Oak Yard of Salem, Oregon * Pine Yard of Reno, Nevada Its shares fell 3% on Friday.")
    ]
    assert texts[0] == "Two depots will shut: * Oak Yard of Salem, Oregon"
    assert texts[-1].endswith("Its shares fell 3% on Friday"), texts


@pytest.mark.parametrize(
    "text, expected",
    [
        # each half of a coordinated absolute is a claim, whatever word the parser hangs the second on
        (
            "The museum reopens on May 3, with tickets going on sale the same week and guided tours starting later in June.",
            [
                ("The museum reopens on May 3", "confirmed"),
                ("with tickets going on sale the same week", "confirmed"),
                ("guided tours starting later in June", "confirmed"),
            ],
        ),
        # the first half keeps its own predicate and cue
        (
            "The city approved the bridge on Friday, with building planned for late 2027 and tolls scheduled to start in 2030.",
            [
                ("The city approved the bridge on Friday", "confirmed"),
                ("with building planned for late 2027", "expected"),
                ("tolls scheduled to start in 2030", "expected"),
            ],
        ),
    ],
)
def test_segment_coordinated_absolute_read_from_the_words(analyse, text, expected):
    assert [(r.text, r.status) for r in analyse(text)] == expected


def test_segment_embedded_post_is_no_claim(analyse):
    # a post embedded as markup is a copy of it; the article's claims are where it reports the post
    text = (
        "The mayor answered critics online on Monday.\n\n"
        '<tweet tweet-author="@cityhall" tweet-date="May 2, 2025">The new bridge opens to traffic in June<tweet/>\n\n'
        'The post said the <b>new bridge</b> would open in June.'
    )
    texts = [r.text for r in analyse(text)]
    assert not any("traffic" in t for t in texts), texts
    assert any(t.startswith("the new bridge</b> would open") or "would open in June" in t for t in texts), texts


@pytest.mark.parametrize(
    "text, expected",
    [
        # a subject interrupted by a non-restrictive relative clause: the clause is a claim,
        # and the predicate's claim starts after it
        (
            "The brewery, which opened a second site last spring, is cutting eight jobs.",
            ["which opened a second site last spring", "is cutting eight jobs"],
        ),
        (
            "She said the dairy, which sells mostly to schools, has yet to raise its prices.",
            ["which sells mostly to schools", "has yet to raise its prices"],
        ),
        # a relative clause that closes the subject's appositive is as set off as the appositive,
        # and one claim with the appositive's noun (``appositive_relative``)
        (
            "Ilse Marten, the engineer who designed the first bridge, will retire in June.",
            ["the engineer who designed the first bridge", "will retire in June"],
        ),
        # so is one that closes an object's appositive, which the clause it hangs in leaves
        (
            "The council hired Ostrava Works, a local firm that repaired the old pier.",
            ["The council hired Ostrava Works", "a local firm that repaired the old pier"],
        ),
        # a summing-up appositive with its clause is one claim
        (
            "The delay lies with Vellamo Motors, a Finnish firm that builds the rear axle.",
            ["The delay lies with Vellamo Motors", "a Finnish firm that builds the rear axle"],
        ),
        # one set off by its own comma still frames what it reports
        (
            "The figures match a note from Brightwater, a small research firm, which said the plant began trials in May.",
            ["The figures match a note from Brightwater, a small research firm", "which said the plant began trials in May"],
        ),
        # an appositive, or a clause on a noun inside the subject, leaves the subject in the claim
        (
            "Halden Foods, the frozen-meals group, has rejected a takeover offer.",
            ["Halden Foods, the frozen-meals group, has rejected a takeover offer"],
        ),
    ],
)
def test_segment_subject_interrupted_by_a_relative_clause(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


def test_segment_sentence_opening_with_by_is_no_byline(analyse):
    # a byline names; a sentence that opens with "By" and has a verb is a claim
    texts = [r.text for r in analyse("By the end of May, the two depots will be closed.")]
    assert texts == ["By the end of May, the two depots will be closed"]


def test_segment_at_least_is_a_bound_not_a_superlative(analyse):
    records = analyse("The cold spring is at least partly accountable for the poor harvest.")
    assert [r.text for r in records] == ["The cold spring is at least partly accountable for the poor harvest"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "when" right after its clause, parsed as the clause's adverb, gives
        # the time of that claim: one claim
        (
            "The new console switches to battery power automatically when the cable comes out.",
            ["The new console switches to battery power automatically when the cable comes out"],
        ),
        ("The mayor first met the architect when she was still a student.", ["The mayor first met the architect when she was still a student"]),
        # set off by a comma after a date, it adds a fact of its own
        (
            "The bakery will publish its results on March 3, when it will also name a new chair.",
            ["The bakery will publish its results on March 3", "when it will also name a new chair"],
        ),
    ],
)
def test_segment_when_clause_is_the_time_of_its_claim(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


def test_segment_likeness_clause_is_not_asserted(analyse):
    # "acting like they are undecided" does not say they are undecided
    texts = [r.text for r in analyse("The delegates kept acting like they were still undecided.")]
    assert texts == ["The delegates kept acting like they were still undecided"]
    # "looks like" hedges the clause it governs, which stays in its claim
    records = analyse("It looks like the ferry service will close next year.")
    assert [r.text for r in records] == ["It looks like the ferry service will close next year"]
    assert records[0].status == "rumored"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb with only its subject says nothing without the clause of
        # time it takes: one claim, no stub
        ("The announcement comes as the bank starts a big restructuring programme.", ["The announcement comes as the bank starts a big restructuring programme"]),
        ("Nine weeks passed before the council published the report.", ["Nine weeks passed before the council published the report"]),
        # a dated interval before the clause recalls an earlier event of its own
        (
            "The delay comes two months after the firm launched the kettle at a trade fair.",
            ["The delay comes", "two months after the firm launched the kettle at a trade fair"],
        ),
        # a concession, or a verb that says more, leaves two claims
        (
            "No opening date has been set, although the museum plans to hold a preview in May.",
            ["No opening date has been set", "the museum plans to hold a preview in May"],
        ),
        ("The shop closed its doors in March after the landlord raised the rent.", ["The shop closed its doors in March", "the landlord raised the rent"]),
    ],
)
def test_segment_bare_verb_takes_its_clause_of_time(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


def test_segment_stage_direction_is_no_claim(analyse):
    # a transcript's stage direction, in brackets and capitals on a line of its own
    text = (
        "The mayor spoke to the city council on Monday about the plan to rebuild the old harbour wall and the two bridges over the river.\n\n"
        "(RESUME TAPED INTERVIEW.)\n\nThe budget will rise by 4% next year.\n\n[CROWD CHEERS LOUDLY]\n"
    )
    texts = [r.text for r in analyse(text)]
    assert texts[-1] == "The budget will rise by 4% next year"
    assert not any("INTERVIEW" in t or "CHEERS" in t for t in texts), texts
    # a sentence in brackets with lower-case words stays a claim
    texts = [r.text for r in analyse("(The council later approved the plan in a second vote.)")]
    assert texts == ["The council later approved the plan in a second vote"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare participle opening the sentence sets the scene of its claim
        (
            "Heading into the final round in Perth, the champion needs only a draw to keep her title.",
            ["Heading into the final round in Perth, the champion needs only a draw to keep her title"],
        ),
        # one with an object of its own does a thing of its own
        (
            "Facing its worst drought in decades, the region has banned the use of hoses.",
            ["Facing its worst drought in decades", "the region has banned the use of hoses"],
        ),
    ],
)
def test_segment_leading_participle_sets_the_scene(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a gapped comparison repeats the preposition and figure of its clause: a claim of its own
        (
            "Lopez leads by 21 points among older voters and by 10 points over Brandt among students.",
            ["Lopez leads by 21 points among older voters", "by 10 points over Brandt among students"],
        ),
        ("Sales rose by 3% in May and by 5% in June.", ["Sales rose by 3% in May", "by 5% in June"]),
        # a range is one figure
        ("The crossing takes between 3 and 4 hours in winter.", ["The crossing takes between 3 and 4 hours in winter"]),
    ],
)
def test_segment_gapped_comparison(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an adjective set off after its noun, with a verb of its own: a fact of its own
        (
            "The maker has unveiled a new long-range version of its jet, capable of flying from Paris to Lima non-stop.",
            ["The maker has unveiled a new long-range version of its jet", "capable of flying from Paris to Lima non-stop"],
        ),
        # one that only describes its noun stays in the claim
        ("The maker has unveiled a new jet, quieter than the old one.", ["The maker has unveiled a new jet, quieter than the old one"]),
    ],
)
def test_segment_set_off_adjective_with_a_verb(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a gapped item may give a date in place of a figure, with the preposition of the clause's own date
        ("Two more plants will close in 2027, another two in 2029.", ["Two more plants will close in 2027", "another two in 2029"]),
        ("The first ferry will be in service by 2027 and all by 2030.", ["The first ferry will be in service by 2027", "all by 2030"]),
        # a range of dates is no list
        ("The exhibition runs between May 2 and June 9.", ["The exhibition runs between May 2 and June 9"]),
    ],
)
def test_segment_gapped_item_with_a_date(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare participle running on from its clause, no comma, closing the sentence: part of the claim
        ("The mayor put out a video on Monday discussing the new budget.", ["The mayor put out a video on Monday discussing the new budget"]),
        ("The band will tour Europe in May promoting its new album.", ["The band will tour Europe in May promoting its new album"]),
        # set off by a comma it stays a claim of its own
        ("The ferry left four hours late, carrying 150 passengers.", ["The ferry left four hours late", "carrying 150 passengers"]),
    ],
)
def test_segment_running_participle_is_part_of_its_claim(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


def test_segment_as_with_a_verb_in_progress_is_a_time_frame(analyse):
    # "as" with a verb in progress gives the time of its claim
    texts = [r.text for r in analyse("The minor accident happened during push back, as the jet was leaving its stand.")]
    assert texts == ["The minor accident happened during push back, as the jet was leaving its stand"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a past-tense "when" clause on a time, set off by a comma, recalls an event: a claim
        (
            "Profits are back to the level of 2019, when the brewer sold its Dutch arm.",
            ["Profits are back to the level of 2019", "when the brewer sold its Dutch arm"],
        ),
        # one in the present describes its time, and stays in its claim
        (
            "The shop will reopen in March, when the school term starts.",
            ["The shop will reopen in March, when the school term starts"],
        ),
    ],
)
def test_segment_when_clause_on_a_time(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a non-restrictive relative clause opened by a preposition or a quantifier and "of"
        (
            "The carmaker unveiled a new plan in March, under which four plants will close.",
            ["The carmaker unveiled a new plan in March", "under which four plants will close"],
        ),
        (
            "The firm hired 40 engineers last year, most of whom came from rival labs.",
            ["The firm hired 40 engineers last year", "most of whom came from rival labs"],
        ),
        # without the comma it narrows down its noun, and stays
        (
            "The council published a plan under which four libraries will close.",
            ["The council published a plan under which four libraries will close"],
        ),
    ],
)
def test_segment_relative_clause_after_a_preposition(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


def test_segment_gapped_conjunct_shares_its_clause_status(analyse):
    # "and two depots closed" leaves out "could be": the same hedge, a claim of its own
    records = analyse("Under the plan, 900 jobs could be cut and two depots closed by 2028.")
    assert [r.text for r in records] == ["Under the plan, 900 jobs could be cut", "two depots closed by 2028"]
    assert records[1].status == records[0].status == "rumored"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a frame whose only other words comment on the sentence or name a source makes one claim with its clause
        (
            "In short, the upshot is that the mine will stay shut until spring.",
            ["In short, the upshot is that the mine will stay shut until spring"],
        ),
        (
            "The message, according to two of her aides, is that the senator will not run again.",
            ["The message, according to two of her aides, is that the senator will not run again"],
        ),
    ],
)
def test_segment_frame_with_a_sentence_adverbial(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a relative clause whose verb reports: "which said" belongs to the claim it reports, not to its noun's clause
        (
            "Tickets for the tour go on sale on Friday through the promoter Harbor Live, which said there would be no resale.",
            ["Tickets for the tour go on sale on Friday through the promoter Harbor Live", "which said there would be no resale"],
        ),
        (
            "The new phone runs on the same chip as its rival, which suggests the two firms share a supplier.",
            ["The new phone runs on the same chip as its rival", "which suggests the two firms share a supplier"],
        ),
    ],
)
def test_segment_relative_reporter_goes_with_its_report(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, claims",
    [
        # a question that asks the one addressed for a stance claims nothing
        ("Do you back the new stadium?", []),
        ("If the vote were held today, would you still choose him?", []),
        # a question on a proposition floats it, and stays
        ("Do you think the stadium will open in May?", ["you think the stadium will open in May"]),
        ("Will the stadium open in May?", ["Will the stadium open in May"]),
        # "you" in a statement is no question, even before one
        ("You backed the new stadium in 2019.", ["You backed the new stadium in 2019"]),
        ("You voted for the budget in 2019; will you do so again?", ["You voted for the budget in 2019"]),
    ],
)
def test_segment_addressee_question_is_no_claim(analyse, text, claims):
    assert [r.text for r in analyse(text, title="Notes")] == claims


@pytest.mark.parametrize(
    "text, claims",
    [
        # said to "you" by "I"/"we" in the present, the verb is the act itself
        ('"I ask you all to stay off the pitch," the captain said.', []),
        ("The captain asked fans to stay off the pitch.", ["The captain asked fans to stay off the pitch"]),
        # a turn to the listener with a modal and no object
        (
            "The ferry was late again, and as you can imagine, the commuters were not pleased.",
            ["The ferry was late again", "the commuters were not pleased"],
        ),
        ("You can see the new ferry from the harbour wall.", ["You can see the new ferry from the harbour wall"]),
        # formulas of thanks, congratulation and blessing do what they name, subject or none
        ('"Thank you for coming out in the rain," the mayor told the crowd.', []),
        ("Thanks for all the photos of the regatta, everyone.", []),
        ("Congratulations to the rowing club on a third title.", []),
        ('"God bless you all," the bishop told the pilgrims.', []),
        ("Thanks to the strike, the trains stopped at noon.", ["Thanks to the strike, the trains stopped at noon"]),
        ("God blessed them with three children.", ["God blessed them with three children"]),
    ],
)
def test_segment_performative_and_aside_are_no_claims(analyse, text, claims):
    assert [r.text for r in analyse(text, title="Notes")] == claims


@pytest.mark.parametrize(
    "text, expected",
    [
        # a phrase of time that opens the sentence dates the report: the evidence holds it
        (
            "Last week, the ferry operator announced that it would drop two winter routes.",
            ["Last week, the ferry operator announced that it would drop two winter routes"],
        ),
        (
            "Yesterday, in a memo to staff, the bakery chain said it would close four outlets.",
            ["Yesterday, in a memo to staff, the bakery chain said it would close four outlets"],
        ),
        (
            "Update: At a trade fair on March 31, the toy maker revealed that its robot would be called Pip.",
            ["At a trade fair on March 31, the toy maker revealed that its robot would be called Pip"],
        ),
        # a phrase with no date stays out, as before
        (
            "In a memo to staff, the bakery chain said it would close four outlets.",
            ["the bakery chain said it would close four outlets"],
        ),
    ],
)
def test_segment_dated_lead_of_a_report_is_evidence(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # items a semicolon sets apart are claims of their own, whatever the parser hung them on
        (
            "She was born in Cork in 1950; studied law at Trinity College, Dublin, and medicine in Paris.",
            ["She was born in Cork in 1950", "studied law at Trinity College, Dublin, and medicine in Paris"],
        ),
        (
            "Its largest donors include Ann Roe, who runs a bakery chain; Ed Lim, a builder from Leeds; and a teachers' union.",
            ["Its largest donors include Ann Roe, who runs a bakery chain", "Ed Lim, a builder from Leeds", "a teachers' union"],
        ),
    ],
)
def test_segment_semicolon_items_split(analyse, text, expected):
    texts = [r.text for r in analyse(text)]
    for part in expected:
        assert part in texts, (part, texts)


def test_segment_semicolon_before_subordinate_clause_kept(analyse):
    # "…; if …" goes on with a condition, no item of its own
    texts = [r.text for r in analyse("The fare stays the same if you travel before nine; if you travel later, it doubles.")]
    assert not any(t.startswith("if you travel later") for t in texts), texts


def test_segment_set_off_despite_phrase_is_a_claim(analyse):
    # "…, despite X" asserts X: a circumstance of its own, as "…, amid X" is
    records = analyse("The ferry company kept its winter timetable, despite a sharp fall in bookings.")
    assert [(r.text, r.status) for r in records] == [
        ("The ferry company kept its winter timetable", "confirmed"),
        ("despite a sharp fall in bookings", "confirmed"),
    ]


@pytest.mark.parametrize(
    "text, claims",
    [
        # where a named reporter filed from closes the story as a byline does
        ("The ferry strike ended on Tuesday.\n\nHale reported from Bergen.", ["The ferry strike ended on Tuesday"]),
        # two reporters on one credit line, the second one's verb left out
        ("The ferry strike ended on Tuesday.\n\nHale reported from Bergen; Moss, from Oslo.", ["The ferry strike ended on Tuesday"]),
        (
            "Hale reported from Bergen that the ferry strike had ended.",
            ["Hale reported from Bergen that the ferry strike had ended"],
        ),
        # a page's standing line: a video player's notice
        ("The pool will shut in June.\n\nThe video is restricted from playing outside the UK.", ["The pool will shut in June"]),
        # a lead-in with no verb before a colon heads the entries that follow
        (
            "The Latest on the ferry strike in Norway (all times local):\n\nThe union says the strike will end on Friday.",
            ["The union says the strike will end on Friday"],
        ),
        ("Among the winners at the county show:\n\nThe Hale farm took the prize for its cheese.", ["The Hale farm took the prize for its cheese"]),
        # a verb keeps the sentence before the colon
        (
            "The ferry company has cut three routes:\n\nThe night crossing to Bergen is the first to go.",
            ["The ferry company has cut three routes", "The night crossing to Bergen is the first to go"],
        ),
        # "what's more" only adds the clause after it
        (
            "The ferry is late again. What's more, the café on board is shut.",
            ["The ferry is late again", "the café on board is shut"],
        ),
        # who the writer is, closing the story: a byline's kin
        ("The ferry strike ended on Tuesday.\n\nMara Holt is a staff columnist for the Harbour Gazette.", ["The ferry strike ended on Tuesday"]),
        ("The ferry strike ended on Tuesday.\n\nIvo Hale is senior transport editor at the Bergen Courier.", ["The ferry strike ended on Tuesday"]),
        # a past post, or a new one, is news
        (
            "The ferry strike ended on Tuesday.\n\nMara Holt was a columnist for the Harbour Gazette.",
            ["The ferry strike ended on Tuesday", "Mara Holt was a columnist for the Harbour Gazette"],
        ),
        (
            "The ferry strike ended on Tuesday.\n\nIvo Hale is now editor of the Bergen Courier.",
            ["The ferry strike ended on Tuesday", "Ivo Hale is now editor of the Bergen Courier"],
        ),
        # a pointer to the page's own link
        ("The council voted to close the pool.\n\nThe full minutes of the meeting can be found here.", ["The council voted to close the pool"]),
        (
            "The council voted to close the pool.\n\nThe minutes can be found on the council's website.",
            ["The council voted to close the pool", "The minutes can be found on the council's website"],
        ),
        # a numbered entry's name heads the entry, its list number no figure
        (
            "The ranking follows.\n\n6. Ivo Hale.  The governor is in a similar place.\n\n5. Ann Lee.  The mayor took 6 percent of the vote.",
            ["The ranking follows", "The governor is in a similar place", "The mayor took 6 percent of the vote"],
        ),
    ],
)
def test_segment_credit_lines_and_page_notices_are_no_claims(analyse, text, claims):
    assert [r.text for r in analyse(text, title="Notes")] == claims


@pytest.mark.parametrize(
    "text, claims",
    [
        # a deck with no finite verb, set below an untitled article's headline, sums the story up
        (
            "Ferry crews strike in Bergen.\n\nNight shifts at the heart of the dispute.\n\n"
            "The strike began at dawn on Tuesday, when the first crews left the harbour.",
            ["The strike began at dawn on Tuesday", "when the first crews left the harbour"],
        ),
        (
            "Ferry crews strike in Bergen; \nHarbour quiet.\n\nABSTRACT.\n\nCrews walking out over night shifts.\n\n"
            "FULL TEXT.\n\nThe strike began at dawn on Tuesday, when the first crews left the harbour.",
            ["The strike began at dawn on Tuesday", "when the first crews left the harbour"],
        ),
        # a paragraph with a finite verb is the story's (a lead, or a deck that states)
        (
            "Ferry crews strike in Bergen.\n\nThe union says the night shifts must end.\n\n"
            "The strike began at dawn on Tuesday, when the first crews left the harbour.",
            ["The union says the night shifts must end", "The strike began at dawn on Tuesday", "when the first crews left the harbour"],
        ),
    ],
)
def test_segment_untitled_headline_deck_is_no_claim(analyse, text, claims):
    assert [r.text for r in analyse(text)] == claims


def test_segment_comparison_clause_stays_in_its_claim(analyse):
    # "than it did a year earlier" is the standard of the comparison, no claim of its own
    texts = [r.text for r in analyse("The bakery sold more bread in May than it did a year earlier.")]
    assert texts == ["The bakery sold more bread in May than it did a year earlier"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "as ... as she was": the second "as" opens the standard of an equal
        # comparison, no claim of its own, as "than" does for an unequal one
        ("The mayor remains as popular with renters as she was a year ago.",
         ["The mayor remains as popular with renters as she was a year ago"]),
        ("The new ferry is twice as fast as the old one was.",
         ["The new ferry is twice as fast as the old one was"]),
        # an "as" of time, with no "as" before it to compare, still splits
        ("The ferry left port, as the storm grew worse.",
         ["The ferry left port", "the storm grew worse"]),
    ],
)
def test_segment_equal_comparison_clause_stays_in_its_claim(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a "that" clause of a verb that reports nothing: one claim with its
        # verb, no stub ("It is plain to us") left beside it (issue 12)
        ("It is plain to us that the ferry service will not resume this winter.",
         ["It is plain to us that the ferry service will not resume this winter"]),
        ("The engineers figured out that the pump had leaked for months.",
         ["The engineers figured out that the pump had leaked for months"]),
        ("It is a common belief among growers that the frost came early.",
         ["It is a common belief among growers that the frost came early"]),
        # a reporting verb's clause is reported, as before
        ("The coach said that the striker would miss the final.",
         ["The coach said that the striker would miss the final"]),
    ],
)
def test_segment_that_clause_of_a_verb_that_reports_nothing_stays(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a reporting verb in a restrictive relative clause, deep in another
        # claim, keeps the clause it reports: the group is the one that said
        # it, and split, "… among voters who said" would end in a stub verb
        ("The mayor won by ten points among voters who said the bridge mattered most.",
         ["The mayor won by ten points among voters who said the bridge mattered most"]),
        ("The board heard from a pilot who said the gates had jammed twice.",
         ["The board heard from a pilot who said the gates had jammed twice"]),
        # one set off by a comma is a claim of its own, with what it reports
        ("The inquiry heard from the pilot, who said the runway lights had failed twice.",
         ["The inquiry heard from the pilot", "who said the runway lights had failed twice"]),
    ],
)
def test_segment_reporter_in_a_restrictive_relative_keeps_its_clause(analyse, text, expected):
    assert [r.text for r in analyse(text)] == expected
