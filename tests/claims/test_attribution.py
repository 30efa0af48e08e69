"""Attribution: who says it, and of which kind."""

from __future__ import annotations

import pytest



def sources_of(analyse, text: str, title: str | None = None) -> dict[str, str | None]:
    """Each claim of ``text`` (an article titled ``title``) and its attribution's text (None: no source)."""
    return {r.text: (r.attribution.text if r.attribution else None) for r in analyse(text, title=title)}


def assert_source(analyse, text: str, claim: str, source: str | None) -> None:
    """``claim`` is a claim of ``text`` and ``source`` its attribution's text (None: no source)."""
    sources = sources_of(analyse, text)
    assert claim in sources, list(sources)
    assert sources[claim] == source

@pytest.mark.parametrize(
    "text, source, kind",
    [
        ("Studio spokesperson Ana Ferreira said the remake is not in production.", "Studio spokesperson Ana Ferreira", "named"),
        ("According to people briefed on the talks, the merger is near.", "people briefed on the talks", "unnamed"),
        ("As one fan on Reddit noted, the trailer suggests a sequel.", "one fan on Reddit", "public"),
        ("The company said it expects to report a profit.", "The company", "organisation"),
    ],
)
def test_attribution_source_and_kind(analyse, text, source, kind):
    records = analyse(text)
    found = [r.attribution for r in records if r.attribution is not None]
    assert found, [r.text for r in records]
    assert found[0].text == source
    assert found[0].kind == kind


def test_attribution_none_when_article_asserts(analyse):
    records = analyse("The film opens on 12 May.")
    assert records and all(r.attribution is None for r in records)


@pytest.mark.parametrize(
    "text, source",
    [
        ("Voice actor Lena Park has denied taping extra scenes for the show.", "Voice actor Lena Park"),
        ("The trust has not ruled out talking to the buyer.", "The trust"),
        ("Producer Jon Landau continues to confirm talks about the sequel.", "Producer Jon Landau"),
    ],
)
def test_attribution_speech_act_subject_is_the_source(analyse, text, source):
    records = analyse(text)
    assert records and records[0].attribution is not None
    assert records[0].attribution.text == source


def test_attribution_passive_cue_verb_names_no_source(analyse):
    records = analyse("The reboot is officially in production and widely expected for 2028.")
    assert records and all(r.attribution is None for r in records)


@pytest.mark.parametrize(
    "text",
    ["The team has not said whether the new deal would contain a buyout clause.", "The maker has yet to confirm the price or the date."],
)
def test_attribution_silence_has_no_source(analyse, text):
    records = analyse(text)
    assert records and records[0].attribution is None
    assert records[0].status == "unconfirmed"


@pytest.mark.parametrize(
    "text, claim, source",
    [
        # a second "that" clause is reported by the same speaker, through a
        # pronoun that means the titled person of the sentence before
        (
            '"We have no such plans," company spokesperson Rita Moss told Polygon in an email. '
            "She said Vega is a working label for engine code, "
            'and that the company has "nothing to announce" this spring.',
            "nothing to announce",
            "company spokesperson Rita Moss",
        ),
        # a participle on a noun of a reported claim is part of the report
        (
            "Tipster Kai Brandt expects the maker to show the tablet at its autumn event, followed by a launch in the spring.",
            "followed by a launch",
            "Tipster Kai Brandt",
        ),
        # a verb of saying set off inside the clause it reports speaks for it,
        # however the parser hangs it (as the clause's complement, or with its
        # subject taken for a compound)
        (
            "If anything, Rivera argued in her letter, the delay is a sign of why the board should change its rules.",
            "the delay is a sign of why the board should change its rules",
            "Rivera",
        ),
        (
            "The turning point, Rivera wrote, came on Monday, when the council dropped the plan.",
            "The turning point, Rivera wrote, came on Monday",
            "Rivera",
        ),
    ],
)
def test_attribution_reaches_embedded_clauses(analyse, text, claim, source):
    records = analyse(text)
    found = [r for r in records if claim in r.text]
    assert found, [r.text for r in records]
    assert found[0].attribution is not None and found[0].attribution.text == source


def test_attribution_participle_of_an_asserted_claim_has_no_source(analyse):
    records = analyse("Production has faced delays caused by the director's other commitments.")
    assert records and all(r.attribution is None for r in records)


@pytest.mark.parametrize(
    "text, source",
    [
        # who the source is stays in the span: a restrictive clause, an appositive
        ("Fans who attended the preview say the game is nearly finished.", "Fans who attended the preview"),
        ("Jane Roe, an analyst at Harbour Research, said the game will slip.", "Jane Roe, an analyst at Harbour Research"),
        # a clause set off by commas says more about them and is left out
        ("Tom Reiner, who has tracked the firm for years, said the phone will slip.", "Tom Reiner"),
    ],
)
def test_attribution_source_span_says_who(analyse, text, source):
    found = [r.attribution.text for r in analyse(text) if r.attribution is not None]
    assert found and found[0] == source, found


def test_attribution_coordinated_clause_with_its_own_evidential_keeps_none(analyse):
    records = analyse(
        "The bidder could come back with a sweeter offer, people close to the talks said, "
        "and the buyer is understood to have retained bankers."
    )
    by_text = {r.text: r for r in records}
    hired = [r for t, r in by_text.items() if "understood to have retained" in t]
    assert hired and hired[0].attribution is None, [(r.text, r.attribution) for r in records]


def test_attribution_nobody_is_no_source(analyse):
    records = analyse("The singer did not mention those shows, and none of the arenas has listed them.")
    assert records and all(r.attribution is None for r in records), [(r.text, r.attribution) for r in records]


@pytest.mark.parametrize(
    "text, status",
    [
        # an outlet that reports passes on what others told it
        ("Bloomberg reported that the company will close the plant in March.", "rumored"),
        # an office holder who reports speaks for the company
        ("Volvo chief executive Dana Ortiz has reported that Volvo will rename the sedan.", "confirmed"),
    ],
)
def test_attribution_reporting_officer_is_no_rumour(analyse, text, status):
    records = analyse(text)
    assert [r.status for r in records] == [status], [(r.text, r.status) for r in records]


@pytest.mark.parametrize(
    "text, source",
    [
        # ", per X" names a source when X is one (not "$5 per share")
        ("Michael Mando may return as the villain, per multiple reports.", "multiple reports"),
        ("The studio paid $5 per share, the filing shows.", None),
        # a verb of saying that says nothing is no speech act
        ("Joe Russo is directing the film, with Stephen McFeely writing.", None),
    ],
)
def test_attribution_per_and_silent_speech_verbs(analyse, text, source):
    records = analyse(text)
    found = [r.attribution.text for r in records if r.attribution is not None]
    if source is None:
        assert "Stephen McFeely" not in found and "share" not in " ".join(found), found
    else:
        assert source in found, found


@pytest.mark.parametrize(
    "text, claim, source, status",
    [
        # one quotation, one source for all of its claims
        ('"The frame is finished. The motor is not," said chief executive Ada Reyes.', "The frame is finished", "chief executive Ada Reyes", "confirmed"),
        # a quotation that continues the last one
        (
            '"We needed more months to get the robots right," said director Ines Blum. "The robots are adults now."',
            "The robots are adults now",
            "director Ines Blum",
            "confirmed",
        ),
        # a quotation whose sourced sentence is no claim takes the reporter beside it
        (
            '"Nothing more is planned yet. Let\'s see how the first shows go," singer Nora Vale said.',
            "Nothing more is planned yet",
            "singer Nora Vale",
            "denied",
        ),
        # a bare quotation opening the next paragraph runs on from the last speaker, as news quotes do
        ('"We wanted more time," said director Ines Blum.\n\n"The film opens in May."', "The film opens in May", "director Ines Blum", "confirmed"),
        # one that is not next to it does not
        (
            '"We wanted more time," said director Ines Blum.\n\nThe studio is in Leeds.\n\n"The film opens in May."',
            "The film opens in May",
            None,
            "confirmed",
        ),
        # a quotation split by "he said" is the speaker's on both sides of the pronoun
        (
            'Harbour master Tom Reid spoke at the quay. "The ferry is old," he said, "and the new one arrives in June." Officials agreed.',
            "the new one arrives in June",
            "Harbour master Tom Reid",
            "confirmed",
        ),
        (
            'Harbour master Tom Reid spoke at the quay. "We hope the cranes will be fixed by June," he said.',
            "We hope the cranes will be fixed by June",
            "Harbour master Tom Reid",
            "expected",
        ),
        # a coordinated clause with a verb that could report is no reporter unless it trails
        (
            "Leo Brandt is said to be seeking $2 million a season, and Ivy Stone is reportedly asking for the same fee.",
            "Leo Brandt is said to be seeking $2 million a season",
            None,
            "rumored",
        ),
        # '"…?" she said. "…"': the parser may make the tag a sentence of its
        # own; the next quotation goes on from the tag, not from the question
        (
            "Sarah Johnson, a nurse from Ohio, said her rent would double next year.\n\n"
            '"Who can pay that rent at 30?" she said. "I can\'t. The landlord will raise it again in spring."',
            "The landlord will raise it again in spring",
            "Sarah Johnson, a nurse from Ohio",
            "confirmed",
        ),
        # '"Now they are saying B," Wu said': "they" is resolved to a source named
        # before the quotation, but what it reports is still the quoted speaker's word
        (
            "Critics did not complain when the city's spending helped the region grow, a city official said, "
            "adding that the new towers would open in May.\n\n"
            "''At that time, the whole region thanked the city,'' Mayor Lin Wu told a news briefing. "
            "''Now they are saying that the city has a glut of housing that drags on the region.''",
            "they are saying that the city has a glut of housing that drags on the region",
            "Mayor Lin Wu",
            "confirmed",
        ),
        # 'Now, "…"': an adverb before the opening mark brings in no speaker of its own
        (
            "''The shop owners hated the levy at the start,'' said Ana Ruiz, the guild's policy chief. "
            "Now, ''most shops in the town have accepted the new levy.''",
            "Now, ''most shops in the town have accepted the new levy",
            "Ana Ruiz, the guild's policy chief",
            "confirmed",
        ),
        # "''They" after a sentence's full stop: the parser may end that sentence
        # on the opening mark; the quotation still opens the next
        (
            "''You put the two crowds face to face, you will get trouble,'' said Tom Reyes, "
            "head of a group called Friends of the Park, which expects 4,000 to come. "
            "''They have made the whole square more dangerous.''",
            "They have made the whole square more dangerous",
            "Tom Reyes, head of a group called Friends of the Park, which expects 4,000 to come",
            "confirmed",
        ),
        # a quotation that goes on after its tag is still its speaker's; the
        # next sentence, whose verb reports a clause of its own, tags nothing
        (
            '"It is a sad day," Coach Dana Roe told reporters outside the ground. '
            '"The board has let the fans down." Club captain Ben Ashby said he would have resigned over it.',
            "The board has let the fans down",
            "Coach Dana Roe",
            "confirmed",
        ),
        # a time clause is taken for granted, not reported by "according to"
        (
            "According to sources close to the studio, the lead could come back after the first film earned $900 million.",
            "the first film earned $900 million",
            None,
            "confirmed",
        ),
    ],
)
def test_attribution_of_quotations_and_neighbours(analyse, text, claim, source, status):
    records = {r.text: r for r in analyse(text, title="Quotes")}
    assert claim in records, list(records)
    found = records[claim].attribution
    assert (found.text if found is not None else None) == source
    assert records[claim].status == status


@pytest.mark.parametrize(
    "text, quotes",
    [
        ('"Sales held up," she said. "Costs did not."', ['"Sales held up,"', '"Costs did not."']),
        # a long quote reopens each paragraph, or closes in a later one
        ('"Sales held up.\n\n"Costs did not," he said.', ['"Sales held up.\n\n"Costs did not,"']),
        ('"Sales held up.\n\nCosts did not, "he said.', ['"Sales held up.\n\nCosts did not, "']),
        ("“Sales held up.\n\n“Costs did not,” he said.", ["“Sales held up.\n\n“Costs did not,”"]),
        # a stray mark left open ends with its own line
        ('A 12" screen.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.', ['" screen.']),
    ],
)
def test_attribution_quotations_run_over_paragraphs(text, quotes):
    from claimx.claims.sentences import quotations

    assert [text[a:b] for a, b in quotations(text)] == quotes


def test_attribution_quote_over_two_paragraphs_has_one_source(analyse):
    text = '"The plant will stay open this year.\n\nAfter that we will review it," chief executive Ada Reyes said.'
    records = {r.text: r for r in analyse(text)}
    opened = [r for t, r in records.items() if t.startswith("The plant will stay open")]
    assert opened and opened[0].attribution is not None, list(records)
    assert opened[0].attribution.text == "chief executive Ada Reyes"


def test_attribution_transcript_speaker_labels(analyse):
    text = (
        "The anchor Jane Roe spoke to Mayor Tom Hale on Sunday.\n\n"
        "JANE ROE: The council approved the budget last week.\n\n"
        "HALE: The new bridge opens in June. I expect traffic to fall.\n\n"
        "It will cost less than the old plan.\n\n"
        "ROE: Thank you.\n\n"
        "UPDATE: The council met again on Monday."
    )
    records = sources_of(analyse, text, "Transcript")
    assert records["The council approved the budget last week"] == "JANE ROE"
    assert records["The new bridge opens in June"] == "HALE"
    # a paragraph with no label between two turns is the speaker's still
    assert records["It will cost less than the old plan"] == "HALE"
    # a label that names nobody in the article is no speaker
    assert records["The council met again on Monday"] is None
    # a transcript quoted paragraph by paragraph opens each with a mark: a run
    # of such paragraphs with no label goes on with the turn before it
    quoted = "\n\n".join(
        '"' + turn for turn in (
            "HOST: What will the council cut next year?",
            "HALE: The budget will be cut by a tenth. The schools will lose two teachers each.",
            "The library will close on Sundays.",
            "The museum will charge for entry from May.",
            "(CROSSTALK.)",
            "HOST: Will the pool stay open?",
            "HALE: The pool will stay open all summer.",
        )
    )
    records = sources_of(analyse, quoted, "Transcript")
    assert records["The library will close on Sundays"] == "HALE"
    assert records["The museum will charge for entry from May"] == "HALE"
    assert records["Will the pool stay open"] == "HOST"


def test_attribution_section_headings_are_no_speaker_labels(analyse):
    # "Name: a few words." over paragraphs without labels heads a section
    # about that person; the paragraphs below are the writer's
    text = (
        "Here is what each of the three hopefuls needs in the county vote.\n\n"
        "Marsh: Hold the lead.\n\n"
        "Ada Marsh has led every poll in the county since March.\n\n"
        "Okafor: Win the north.\n\n"
        "Tom Okafor has spent most of his budget in the northern towns.\n\n"
        "Dunn: A late surge.\n"  # a heading the page runs into its section
        "Lena Dunn still trails both rivals by ten points."
    )
    records = sources_of(analyse, text, "Primary")
    assert records["Ada Marsh has led every poll in the county since March"] is None, records
    assert records["Tom Okafor has spent most of his budget in the northern towns"] is None, records
    assert records["Hold the lead"] is None, records
    assert records["Lena Dunn still trails both rivals by ten points"] is None, records


def test_attribution_dash_signs_the_quotation_above(analyse):
    # a fact check quotes the words it checks and signs them with a dash
    text = (
        "Here are some of the claims made in the debate, with our notes.\n\n"
        '"Our plan would cut the tax on every family farm by half."\n\n'
        "- Jane Roe.\n\n"
        "The plan cuts the tax by a third, not half.\n\n"
        '"I never voted for the bridge. The council voted for it twice."\n\n'
        "- Tom Hale.\n\n"
        "Hale voted for the bridge in 2019.\n\n"
        "- Ann Lee."
    )
    records = sources_of(analyse, text, "Fact check")
    assert records["Our plan would cut the tax on every family farm by half"] == "Jane Roe", records
    assert records["The council voted for it twice"] == "Tom Hale", records
    # the writer's own paragraph above a byline is no quotation
    assert records["Hale voted for the bridge in 2019"] is None, records


def test_attribution_transcript_speaker_who_takes_turns(analyse):
    # a speaker the article never names is one when the label recurs
    text = "HOST: The vote is on Friday.\n\nGUEST: The bill will pass.\n\nHOST: Turnout was low last time."
    records = sources_of(analyse, text, "Transcript")
    assert records["The vote is on Friday"] == "HOST"
    assert records["The bill will pass"] is None  # one turn, named nowhere


def test_attribution_transcript_label_with_party_and_state(analyse):
    # a lawmaker's label carries party and state between the name and the colon
    text = (
        "The host spoke to Senator Amy Vance on Sunday.\n\n"
        "HOST: Will the bill pass this week?\n\n"
        "SEN. AMY VANCE (D-Ore.): The bill will pass on Thursday.\n\n"
        "HOST: And the tax part?\n\n"
        "VANCE (D-Ore.): The tax part was dropped last night."
    )
    records = sources_of(analyse, text, "Transcript")
    assert records["The bill will pass on Thursday"] == "SEN. AMY VANCE"
    # (spaCy's tokenizer keeps "):" one token, so this claim's span keeps the label)
    assert next(source for claim, source in records.items() if "The tax part was dropped" in claim) == "VANCE"


@pytest.mark.parametrize(
    "intro, answerer",
    [
        # "Q:" and "A:" mark the turns of an interview; the letter is no
        # speaker, and an article that names no one before the first question
        # gives the answers to no one
        ("The minister answered questions from the paper.", None),
        # the answers are the person the article names before the first
        # question, in the fullest form it gives the name there
        ("Chef Marta Olsen has run the harbour kitchen for ten years. Olsen spoke to us about her new book.", "Chef Marta Olsen"),
    ],
)
def test_attribution_interview_answers_are_the_person_the_article_names(analyse, intro, answerer):
    text = (
        intro + "\n\n"
        "Q: You left the city in 2015. Why the harbour?\n\n"
        "A: The plant will stay open until 2030. My brother found the building.\n\n"
        "The first winter was hard.\n\n"
        "Q: And the jobs?\n\n"
        "A: About 200 jobs will move to the new site."
    )
    records = sources_of(analyse, text, "Interview")
    # the questions are the interviewer's, whom the page calls "Q"
    assert records["You left the city in 2015"] == "Q", records
    assert records["The plant will stay open until 2030"] == answerer, records
    # a paragraph between an answer and the next question goes on with the answer
    assert records["The first winter was hard"] == answerer, records
    assert records["About 200 jobs will move to the new site"] == answerer, records


def test_attribution_transcript_quoted_paragraph_by_paragraph(analyse):
    # a transcript quoted whole opens each paragraph with a quotation mark
    # before the speaker's label
    text = (
        "The mayor spoke to the station on Sunday. Partial transcript as follows:\n\n"
        '"HOST: The council has cut the bus budget. Will the night routes close?\n\n'
        '"LOPEZ: Well, look, the night routes will stay open. The council found the money in the parks budget.\n\n'
        '"HOST: And the fares?\n\n'
        '"LOPEZ: Fares will rise by ten cents in March.'
    )
    records = sources_of(analyse, text, "Transcript")
    assert records["The council found the money in the parks budget"] == "LOPEZ"
    assert records["Fares will rise by ten cents in March"] == "LOPEZ"


@pytest.mark.parametrize(
    "text, claim, source",
    [
        # a verb of saying the tagger reads as a noun still ends the tag
        ('"The harbour will stay open all winter," the two ministers state in the letter.',
         "The harbour will stay open all winter", "the two ministers"),
        ('"The new line will open in May," the minister counters.', "The new line will open in May", "the minister"),
    ],
)
def test_attribution_quotation_tag_read_as_a_noun(analyse, text, claim, source):
    records = sources_of(analyse, text, "Tags")
    assert records.get(claim) == source, records


@pytest.mark.parametrize(
    "text, source",
    [
        # a poll, a study or an ad that shows or finds what the claim says is its source
        ("A new county poll shows the mayor ahead by four points.", "A new county poll"),
        ("The audit found the agency lost $2 million.", "The audit"),
        # a noun that is no finding is none
        ("The mayor shows no sign of slowing down.", None),
    ],
)
def test_attribution_findings_are_sources(analyse, text, source):
    records = analyse(text, title="Findings")
    assert records
    found = records[0].attribution.text if records[0].attribution else None
    assert found == source, [(r.text, r.attribution) for r in records]


def test_attribution_quotation_after_a_colon_takes_its_reporter(analyse):
    text = 'The council published its findings.\n\nThe auditor wrote:\n\n"The agency lost $2 million in 2024."'
    records = sources_of(analyse, text, "Audit")
    assert records["The agency lost $2 million in 2024"] == "The auditor"


def test_attribution_concession_outside_according_to_is_the_writers(analyse):
    text = "Though the tram line has no funding yet, support for it has risen to 61 percent, according to a county poll."
    records = sources_of(analyse, text)
    assert records["the tram line has no funding yet"] is None
    assert records["support for it has risen to 61 percent"] == "a county poll"


def test_attribution_pronoun_before_a_colon_is_resolved(analyse):
    # "he said:" hands the quotation or the block after it to the person named before
    text = (
        "Senator Ana Ruiz spoke in Dayton on Monday. She took questions for an hour.\n\n"
        "Later she said:\n\n"
        '"The mill will reopen in June. We found the money."\n\n'
        "In a radio interview, she said:\n\n"
        "The bridge toll will end next year."
    )
    records = sources_of(analyse, text)
    assert records["The mill will reopen in June"] == "Senator Ana Ruiz"
    assert records["The bridge toll will end next year"] == "Senator Ana Ruiz"


@pytest.mark.parametrize(
    "text, claim, source",
    [
        # a participle adjunct with no subject speaks with the clause's subject
        ("Mayor Ruth Okafor opened the bridge on Friday, noting that tolls would end in May.", "tolls would end in May", "Mayor Ruth Okafor"),
        ("Union leader Sam Cole rejected the offer on Monday, insisting that the pay rise was too low.", "the pay rise was too low", "Union leader Sam Cole"),
        # the parser hangs the participle on the clause a noun or a verb holds: it speaks with the clause above
        ("The minister welcomed the news that the mill would stay, saying the jobs were safe.", "the jobs were safe", "The minister"),
        ("The mayor insisted that the tram had been a success, claiming that it carried more riders than expected.", "it carried more riders", "The mayor"),
        # on the second of two verbs the participle speaks with their shared subject
        ("The coach took questions for an hour, and thanked the fans, saying the team would be back next year.", "the team would be back next year", "The coach"),
    ],
)
def test_attribution_participle_adjunct_shares_the_subject(analyse, text, claim, source):
    assert_source(analyse, text, claim, source)


def test_attribution_participle_after_an_event_is_no_speaker(analyse):
    # shares that rose infer, they do not say
    records = {r.text: r for r in analyse("Harlow shares rose 9% on Tuesday, suggesting traders expect a higher bid.")}
    assert all(r.attribution is None or r.attribution.text != "Harlow shares" for r in records.values()), records


def test_attribution_quotation_run_into_its_reporter(analyse):
    text = (
        '"She is careful. She is honest. The fact that she, in her first year, fixed the budget," Dara Quinn said. '
        '"You may not like her, but she kept the libraries open."'
    )
    records = analyse(text)
    sources = {r.text: (r.attribution.text if r.attribution else None) for r in records}
    opened = [t for t in sources if t.startswith("The fact that she")]
    assert opened and sources[opened[0]] == "Dara Quinn", sources
    assert sources.get("she kept the libraries open") == "Dara Quinn", sources


def test_attribution_last_name_of_a_person_named_in_full_is_a_person(analyse):
    # the recogniser tags the lone "Brandl" as no person; "He" must still be Brandl, not Hart
    text = (
        "Chef Marco Brandl, who is married to the singer Lena Hart, opened a bistro in Leeds. "
        "Brandl admitted to the paper that the menu was short. He said that prices would fall in May."
    )
    records = {r.text: r for r in analyse(text)}
    said = records["He said that prices would fall in May"]
    assert said.attribution is not None and said.attribution.text == "Brandl"
    assert records["Brandl admitted to the paper that the menu was short"].attribution.kind == "named"


def test_attribution_quotation_passes_a_subjectless_reporter(analyse):
    text = (
        "Even one party strategist said the mayor will have to pick a side, saying, "
        "“Sooner or later, she is going to have to answer — I think the pressure is going to grow — on the housing plan.”"
    )
    records = analyse(text)
    quoted = [r for r in records if r.text.startswith("Sooner or later")]
    assert quoted and quoted[0].attribution is not None, [(r.text, r.attribution) for r in records]
    assert quoted[0].attribution.text == "one party strategist"
    assert quoted[0].status == "rumored"


@pytest.mark.parametrize(
    "text, claim, source",
    [
        # a third person inside the quotation is someone else than the trailing reporter
        (
            'Central banker Ada Lowe spoke on Monday. "She is saying that the slump is over and that lending has recovered," said trader Tom Reyes.',
            "She is saying that the slump is over",
            # (the person as the article introduced her, role and all)
            "Central banker Ada Lowe",
        ),
        # a first person is the reporter
        ('"We now see a 70 percent chance of a strike," said analyst Tom Reyes.', "We now see a 70 percent chance of a strike", "analyst Tom Reyes"),
    ],
)
def test_attribution_pronoun_under_a_trailing_reporter(analyse, text, claim, source):
    records = {r.text: r for r in analyse(text)}
    hit = [r for t, r in records.items() if t.startswith(claim)]
    assert hit and hit[0].attribution is not None, list(records)
    assert hit[0].attribution.text == source


@pytest.mark.parametrize(
    "text, claim_start, source, status",
    [
        # an "as" parenthetical names its source and vouches for what it cites
        ("As reported by the Harbour Gazette, the ferry service will end in March.", "the ferry service will end", "the Harbour Gazette", "confirmed"),
        ("Last spring, as the Harbour Gazette reported, the two councils were discussing a merger.", "the two councils were discussing", "the Harbour Gazette", "confirmed"),
        # a plain report by an outlet passes on what others told it
        ("The Harbour Gazette reported that the two councils were discussing a merger.", "the two councils were discussing", "The Harbour Gazette", "rumored"),
    ],
)
def test_attribution_as_parenthetical(analyse, text, claim_start, source, status):
    records = analyse(text)
    hit = [r for r in records if claim_start in r.text]
    assert hit and hit[0].attribution is not None, [(r.text, r.attribution) for r in records]
    assert hit[0].attribution.text == source
    assert hit[0].status == status


def test_attribution_reporter_in_a_sentence_of_its_own_after_a_question(analyse):
    text = "“We know the plan is flawed. We know it cannot work. Are you saying the risk is worth it?” Mayor Dunn said."
    sources = {r.text: (r.attribution.text if r.attribution else None) for r in analyse(text)}
    assert sources.get("We know the plan is flawed") == "Mayor Dunn", sources
    assert sources.get("We know it cannot work") == "Mayor Dunn", sources


def test_attribution_quotation_continues_one_whose_last_sentence_is_a_question(analyse):
    # the question and its reporter make no claim; the next quotation is still the auditor's
    text = (
        "The city's auditor criticised the council's accounts at a hearing on Monday.\n\n"
        "“There has been one revision after another. Where will it all end?,” the auditor said. "
        "“The public has a right to see the accounts.”"
    )
    sources = {r.text: (r.attribution.text if r.attribution else None) for r in analyse(text)}
    assert sources.get("There has been one revision after another") == "the auditor", sources
    assert sources.get("The public has a right to see the accounts") == "the auditor", sources


def test_attribution_first_and_second_person_take_the_quotation_speaker(analyse):
    text = (
        "The minister appeared on a radio show on Sunday.\n\n"
        "She was asked by host Nadia Frost, “Now, you said last year that the tax would go. I still think it will stay, won't it?”"
    )
    records = analyse(text)
    quoted = [r for r in records if "the tax would go" in r.text or r.text.startswith("I still think")]
    assert quoted, [r.text for r in records]
    assert all(r.attribution is not None and r.attribution.text == "host Nadia Frost" for r in quoted), [
        (r.text, r.attribution.text if r.attribution else None) for r in quoted
    ]


@pytest.mark.parametrize(
    "text, kind, status",
    [
        ("Railway officials said the line had reopened on Monday.", "organisation", "confirmed"),
        # counted officials stay unnamed sources: what they say will happen is
        # a rumour, what they say has happened stands, as an assessor's account
        ("Officials from three agencies said the line had reopened on Monday.", "unnamed", "confirmed"),
        ("Officials from three agencies said the line will reopen on Monday.", "unnamed", "rumored"),
        ("Officials briefed on the plan said the line had reopened on Monday.", "unnamed", "rumored"),
        ("One official said the line had reopened on Monday.", "unnamed", "confirmed"),
        ("One official said the line will reopen on Monday.", "unnamed", "rumored"),
    ],
)
def test_attribution_officials_on_the_record_speak_for_their_body(analyse, text, kind, status):
    records = analyse(text)
    claim = next(r for r in records if "reopen" in r.text)
    assert claim.attribution is not None and claim.attribution.kind == kind
    assert claim.status == status


@pytest.mark.parametrize(
    "text, status",
    [
        ("According to the latest polling, the governor is trailing her rival.", "confirmed"),
        ("The newest polling shows the governor trailing her rival.", "confirmed"),
        ("According to the latest polling, the governor will lose the race.", "rumored"),
    ],
)
def test_attribution_finding_states_what_it_measured(analyse, text, status):
    records = analyse(text)
    assert records and records[0].attribution is not None and "polling" in records[0].attribution.text
    assert records[0].status == status


def test_attribution_first_person_is_no_name_before_it(analyse):
    # "we" is whoever speaks (the writer here), not the last organisation named
    records = analyse("Northwind Rail met on Monday. This is what we think: the line is too slow.")
    claim = next(r for r in records if "we think" in r.text)
    assert claim.attribution is None


@pytest.mark.parametrize(
    "text",
    [
        "The airline has agreed to pay compensation to the stranded passengers.",
        "The finance minister commented on the new figures at a briefing.",
        "The coach explained his reasoning after the match on Sunday.",
    ],
)
def test_attribution_speech_act_that_says_nothing_has_no_source(analyse, text):
    # a commitment, a topic or a reason given is what the article reports, not what the subject says
    records = analyse(text)
    assert records and records[0].attribution is None


def test_attribution_speaker_without_source_is_whom_he_means(analyse):
    text = (
        "The council met on Monday. Deputy mayor Tom Reyes explained the reason for his vote on the budget.\n\n"
        '"The bridge is unsafe," he said.'
    )
    records = analyse(text)
    quoted = next(r for r in records if "unsafe" in r.text)
    assert quoted.attribution is not None and "Reyes" in quoted.attribution.text


@pytest.mark.parametrize(
    "text, sources",
    [
        # a report inside the quotation ("She said …") leaves the rest to the speaker
        (
            "Senator Ada Vance lost her seat in May.\n\n"
            '"She said the tax cut was fair. The bridge is unsafe," Mayor Tom Reyes added.',
            {"unsafe": "Reyes"},
        ),
        # a source named inside the quotation is the speaker's report of someone
        # else: it keeps its own claim and leaves the rest to the speaker
        (
            '"The ferry will stop in June," Mayor Tom Reyes said. '
            '"Harbour master Ann Lee told the captain to close the pier, which the crews did on Monday."',
            {"crews": "Reyes"},
        ),
        # "she" inside the quotation, resolved to the banker named before, keeps
        # her own claim, not the quotation's
        (
            "Central bank chief Ada Vance spoke to lawmakers on Monday.\n\n"
            '"Bond yields fell by two points after the speech. She is saying that prices will rise,"'
            " said Tom Reyes, a strategist at Kestrel.",
            {"yields": "Reyes", "prices": "Vance"},
        ),
    ],
)
def test_attribution_report_nested_in_a_quotation_does_not_speak_for_it(analyse, text, sources):
    records = analyse(text)
    for word, source in sources.items():
        record = next(r for r in records if word in r.text)
        assert record.attribution is not None and source in record.attribution.text, (word, record.attribution)


def test_attribution_tag_verb_right_before_a_quotation_gives_its_speaker(analyse):
    # "continued" tags a quotation before it as well as after it
    text = 'Mayor Tom Reyes spoke at the quay. Reyes continued, "The ferry will stop in June. The pier is unsafe."'
    records = analyse(text)
    for word in ("ferry", "unsafe"):
        quoted = next(r for r in records if word in r.text)
        assert quoted.attribution is not None and "Reyes" in quoted.attribution.text, (word, quoted.attribution)


def test_attribution_named_subject_outside_quotes_is_whom_he_means(analyse):
    text = (
        "The ministry published the figures on Monday. Tom Reyes went on to discuss the budget.\n\n"
        '"The bridge is unsafe," he said.'
    )
    records = analyse(text)
    quoted = next(r for r in records if "unsafe" in r.text)
    assert quoted.attribution is not None and "Reyes" in quoted.attribution.text


@pytest.mark.parametrize(
    "text, source",
    [
        ("In 2019 the carmaker added a larger battery to its city model.", None),
        ("The host asked the minister whether the tax would rise.", None),
        ("The company added that the deal was close.", "The company"),
    ],
)
def test_attribution_clause_verb_says_something_only_in_a_clause(analyse, text, source):
    records = analyse(text)
    assert records
    assert (records[0].attribution.text if records[0].attribution else None) == source


@pytest.mark.parametrize(
    "text",
    [
        'A tipster who posts as "Orbweaver" on a phone forum shared a spec sheet on Monday. Orbweaver says the handset will be unveiled in late May.',
        "Last week a leaker known as Orbweaver published a photo of the box. Orbweaver says the handset will be unveiled in late May.",
    ],
)
def test_attribution_source_introduced_by_a_handle_keeps_its_authority(analyse, text):
    # a tipster introduced by a handle is a rumour source when named again
    (claim,) = [r for r in analyse(text) if r.text.startswith("Orbweaver says")]
    assert claim.attribution is not None and claim.attribution.text == "Orbweaver"
    assert claim.status == "rumored"


def test_attribution_a_maker_is_not_a_rumour_source_for_a_tipster_nearby(analyse):
    text = "A tipster known as Orbweaver published a photo of the box. Halden says the handset will be unveiled in late May."
    (claim,) = [r for r in analyse(text) if r.text.startswith("Halden says")]
    assert claim.status == "confirmed"


def test_attribution_an_agreement_to_act_has_no_source(analyse):
    # "agreed to buy" is what the officials do, not what they say
    (claim,) = [r for r in analyse("Officials from the port authority have agreed to buy four new tugboats.") if "agreed" in r.text]
    assert claim.attribution is None and claim.status == "confirmed"


def test_attribution_a_named_expert_after_a_sentence_on_analysts_is_one_of_them(analyse):
    records = analyse(
        "Analysts were split on the bid. Lena Voss of Harbour Partners said the regulator will demand remedies. "
        "She expects the deal to close in May."
    )
    said = [r for r in records if r.text.startswith(("Lena Voss", "She expects"))]
    assert len(said) == 2 and all(r.status == "rumored" for r in said), [(r.text, r.status) for r in said]


def test_attribution_a_named_expert_on_their_own_is_no_rumour_source(analyse):
    records = analyse("The airline said the deal will close in May. Lena Voss of Harbour Partners said the regulator will demand remedies.")
    (said,) = [r for r in records if r.text.startswith("Lena Voss")]
    assert said.status == "confirmed"


def test_attribution_pronoun_means_the_person_the_sentence_before_was_about(analyse):
    # the union's leader, named as the subject of the sentence before, is whom
    # "she" means, not the executive who was the last source of a claim; a
    # person named in what someone else said ("said Peter Vance would …") is not
    text = (
        "Acme is cutting costs.\n\n"
        "Chief executive Tom Hale said on Monday that Acme will close its Leeds plant in March.\n\n"
        "The union's leader, Jane Roe, criticised the decision on Tuesday.\n\n"
        '"Acme will face a strike next week," she told reporters.\n\n'
        "Mary Quinn said Peter Vance would sign the lease in May.\n\n"
        '"Acme will open the shop in the autumn," she said.'
    )
    records = {r.text: r for r in analyse(text)}
    strike = records["Acme will face a strike next week"].attribution
    assert strike is not None and "Jane Roe" in strike.text
    shop = records["Acme will open the shop in the autumn"].attribution
    assert shop is not None and shop.text == "Mary Quinn"


def test_attribution_pronoun_means_the_person_whose_words_the_sentence_before_was_about(analyse):
    # "Roe's column attacks …": the subject is Roe's work, and "she" is Roe
    text = (
        "The harbour board met on Monday.\n\n"
        "Jane Roe's latest column attacks the council's plan for the quay.\n\n"
        "\u201cThe bridge will never be finished on time,\u201d she wrote."
    )
    records = {r.text: r for r in analyse(text)}
    bridge = records["The bridge will never be finished on time"].attribution
    assert bridge is not None and bridge.text == "Jane Roe"


@pytest.mark.parametrize(
    "text, claim, source",
    [
        # a finding after the clause it reports, whatever its verb
        ("Support for the tram plan has fallen below 40 percent, a new county survey shows.",
         "Support for the tram plan has fallen below 40 percent", "a new county survey"),
        ("Rents in the old town have doubled since 2015, several studies have found.",
         "Rents in the old town have doubled since 2015", "several studies"),
        # those a finding counts speak through it: the survey, not the
        # residents it asked (a finding that shows is itself a report: the two
        # stay one claim)
        ("A new county survey shows most residents say the council should delay the tram.",
         "A new county survey shows most residents say the council should delay the tram", "A new county survey"),
    ],
)
def test_attribution_finding_after_the_clause_it_reports(analyse, text, claim, source):
    assert_source(analyse, text, claim, source)


@pytest.mark.parametrize(
    "text, source",
    [
        # the parser may take the name after an inverted verb of saying for its object
        ("“Prices will rise again next year,” warned Lindqvist.", "Lindqvist"),
        ("“The depot will close in May,”  added Okafor.", "Okafor"),
    ],
)
def test_attribution_inverted_reporter_read_as_an_object(analyse, text, source):
    records = analyse(text)
    assert records and records[0].attribution is not None and records[0].attribution.text == source


def test_attribution_quotation_without_a_claim_still_passes_on_its_speaker(analyse):
    # the first quotation holds no claim; the next one continues its speaker,
    # and "agreeing with me" says nothing of its own
    text = (
        "Acme is cutting costs.\n\n"
        "“Well, I like him,” Jane Roe said on Tuesday. “Tom Hale has backed every plan I made. "
        "Acme will reopen the Leeds plant in May, and Hale is now agreeing with me.”"
    )
    records = {r.text: r for r in analyse(text)}
    reopen = next(r for t, r in records.items() if "reopen the Leeds plant" in t)
    assert reopen.attribution is not None and reopen.attribution.text == "Jane Roe"


def test_attribution_block_quote_after_a_colon_takes_its_reporter(analyse):
    # a paragraph quoted as a block, without quotation marks, is the source's
    # that the paragraph before hands it to; a colon without a verb of saying
    # hands on nothing
    text = (
        "Acme is cutting costs.\n\n"
        "The columnist Jane Roe writes:\n\n"
        "Acme will close the Leeds plant in May. The company has not told its workers.\n\n"
        "Here is what we know:\n\n"
        "Acme will open a new plant in Hull."
    )
    records = {r.text: r for r in analyse(text)}
    close = records["Acme will close the Leeds plant in May"].attribution
    assert close is not None and close.text == "The columnist Jane Roe"
    assert records["Acme will open a new plant in Hull"].attribution is None


@pytest.mark.parametrize(
    "text, claim, source",
    [
        # a verb of saying that takes the claim's clause speaks through its subject,
        # a participle's through the subject of the clause it hangs on
        ("Mayor Ines Farrow welcomed the vote on Tuesday, saying the new bridge was \"exactly what the town needed.\"",
         'the new bridge was "exactly what the town needed', "Mayor Ines Farrow"),
        # a relative clause's speaker is the noun it is on, up to the clause
        # (one set off by a comma: a restrictive one stays in the claim it is in)
        ("The inquiry heard from the pilot, who said the runway lights had failed twice.",
         "who said the runway lights had failed twice", "the pilot"),
        # what the writer hangs on what was said is the writer's: a concession,
        # a contrast set off by a comma goes on with what is reported, however
        # parsed; a "while" of time does not
        ("The mayor said on Monday that the bridge would reopen in May, while the ferry would stop in June.",
         "the ferry would stop in June", "The mayor"),
        ("The chairman said sales in Asia would grow by 6 percent, while sales in Europe would fall by 2 percent.",
         "sales in Europe would fall by 2 percent", "The chairman"),
        ("According to the report, the shop closed while the owner was away in 2019.",
         "the owner was away in 2019", None),
        # a clause after a semicolon, a relative clause however parsed
        ("The port authority said the ferry would sail in June, although no crew has been hired.",
         "no crew has been hired", None),
        ("The studio said the film would open in May; its budget remains unknown.",
         "its budget remains unknown", None),
    ],
)
def test_attribution_clause_taken_by_a_verb_of_saying(analyse, text, claim, source):
    assert_source(analyse, text, claim, source)


def test_attribution_page_of_letters_signed_by_its_writers(analyse):
    # a paragraph that is only a name or a handle signs the paragraphs above
    # it, back to the last signature, the writer's place or a section label
    text = (
        "Readers weigh in on the bridge.\n\n"
        "LETTERS.\n\n"
        "The new bridge is a waste of money. The council never asked the people who live near it.\n\n"
        "Harold Pembury.\n\n"
        "Leeds.\n\n"
        "The bridge will cut my commute in half.\n\n"
        "Maria Olsen.\n\n"
        "FACEBOOK.\n\n"
        "The tolls on the bridge are too high.\n\n"
        "@kestrel_22."
    )
    sources = sources_of(analyse, text)
    assert sources["The new bridge is a waste of money"] == "Harold Pembury", sources
    assert sources["The bridge will cut my commute in half"] == "Maria Olsen", sources
    assert sources["The tolls on the bridge are too high"] == "@kestrel_22", sources


def test_attribution_page_of_letters_with_a_closing_line_that_claims_nothing(analyse):
    # a page of letters may close on a line inviting more ("Write to us …"):
    # it claims nothing, so the names above it still sign their letters
    text = (
        "Readers weigh in on the bridge.\n\n"
        "LETTERS.\n\n"
        "The new bridge is a waste of money.\n\n"
        "Harold Pembury.\n\n"
        "Leeds.\n\n"
        "The bridge will cut my commute in half.\n\n"
        "Maria Olsen.\n\n"
        "Follow @CityDeskViews or #harbourletters."
    )
    sources = sources_of(analyse, text)
    assert sources["The new bridge is a waste of money"] == "Harold Pembury", sources
    assert sources["The bridge will cut my commute in half"] == "Maria Olsen", sources


@pytest.mark.parametrize(
    "text, claim, source",
    [
        # a participle of saying before a quotation speaks with the subject of
        # the clause it hangs on, whoever that is
        ("The mayor praised the crews on Monday, adding: \u201cThe bridge will reopen in May. It needs new boards first.\u201d",
         "It needs new boards first", "The mayor"),
        # the parser may hang the participle on the quoted words
        ("The mayor praised the crews on Monday, writing \u201cProud of this team. The bridge will reopen in May.\u201d",
         "The bridge will reopen in May", "The mayor"),
        # the highest clause's subject, not that of the clause it reports
        ("Jane Roe said the council would have to act, saying, \u201cSooner or later the vote will come to them.\u201d",
         "Sooner or later the vote will come to them", "Jane Roe"),
    ],
)
def test_attribution_participle_before_a_quotation(analyse, text, claim, source):
    assert_source(analyse, text, claim, source)


def test_attribution_relative_clause_of_saying_speaks_for_its_noun(analyse):
    # "X, who says A, …": the noun the clause hangs on says A, not "who"
    assert_source(
        analyse,
        "Senator Ann Graham, who says the allies should send more ships, tweeted that the plan would fail.",
        "who says the allies should send more ships",
        "Senator Ann Graham",
    )


def test_attribution_claim_running_into_a_quotation_is_the_quotation_speakers(analyse):
    # a claim that opens on its reporter and lies mostly in the quotation
    # takes the quotation's speaker, as the rest of the quotation does
    text = (
        "Harbour pilot Jane Roe wrote a book about the port.\n\n"
        "She went on to say, \u201cThe old crane once fell onto a ship in the dock. Nobody was hurt.\u201d"
    )
    sources = sources_of(analyse, text)
    running = [t for t in sources if t.endswith("fell onto a ship in the dock")]
    assert running and all(sources[t] == "Harbour pilot Jane Roe" for t in running), sources


def test_attribution_pronoun_report_inside_a_quotation_is_the_speakers(analyse):
    # '"…, they say A," Roe said': a report that a pronoun inside the
    # quotation makes is still the quotation's speaker's words
    text = (
        "The port board met on Monday.\n\n"
        "\u201cThe dock will stay open in winter. Nobody suddenly becomes an expert because they say the tides are "
        "rising,\u201d Jane Roe said."
    )
    sources = sources_of(analyse, text)
    inside = [t for t in sources if "tides" in t or "winter" in t]
    assert inside and all(sources[t] == "Jane Roe" for t in inside), sources


def test_attribution_names_heading_sections_sign_nothing(analyse):
    # names with writing after the last one head the sections below them: a
    # page of letters ends on its last writer's name
    text = (
        "Where each runner stands before the final.\n\n"
        "Here is how the field looks:\n\n"
        "Marta Ilves.\n\n"
        "Ilves won the indoor title in March. Her coach moved the team to Tartu.\n\n"
        "Jonas Berg.\n\n"
        "Berg has not lost a heat this season. His sponsor renewed his contract in May."
    )
    records = analyse(text)
    assert records and all(r.attribution is None for r in records), [(r.text, r.attribution) for r in records]


def test_attribution_closing_name_of_an_article_signs_nothing(analyse):
    # one name at the end of an article, with no section label, is no page of letters
    text = "The council approved the bridge on Monday.\n\nThe tolls will start in May.\n\nHarold Pembury."
    records = analyse(text)
    assert records and all(r.attribution is None for r in records), [(r.text, r.attribution) for r in records]


@pytest.mark.parametrize(
    "text, claim, source",
    [
        # an appeal or a judgement as the claim's own predicate names its source
        ("Former minister and party leader Jane Roe is calling on the council to reopen the station.",
         "Former minister and party leader Jane Roe is calling on the council to reopen the station",
         "Former minister and party leader Jane Roe"),
        # a call for something as the claim's own predicate is an act that the
        # article asserts: no source (published news gives none 16 times of 18)
        ("The nurses' union called for an urgent review of pay.", "The nurses' union called for an urgent review of pay", None),
        ("The teachers' union is calling for the minister to resign.",
         "The teachers' union is calling for the minister to resign", None),
        ("The senator called the plan reckless and accused the governor of hiding the cost.",
         "accused the governor of hiding the cost", "The senator"),
        # a negated appeal, an appeal that only began, and a relative clause assert the act
        ("The union has not called for the director to step down.", "The union has not called for the director to step down", None),
        ("The mayor, who has called for an inquiry, said the fire began in the kitchen.", "who has called for an inquiry", None),
        # "by saying" speaks with the subject of the verb it hangs on
        ("The mayor defended the cuts by saying the plant had lost money for years.",
         "the plant had lost money for years", "The mayor"),
        # and so does a verb the parser joined to an earlier one ("… and started by saying")
        ("The minister went on the radio on Monday and started by saying the ferry service had to change.",
         "the ferry service had to change", "The minister"),
        # a description and the name after it that the parser splits into two
        # subjects: the name next to the verb speaks
        ("The Danish brewer Carlsberg said it would close two plants in May.",
         "The Danish brewer Carlsberg said it would close two plants in May", "Carlsberg"),
        # a quantifier is no pronoun that stands for a name met before
        ("The plan was announced on Monday. Some have urged the council to delay it.",
         "Some have urged the council to delay it", "Some"),
        # nor is an indefinite pronoun, nor "those" with what picks them out
        ("The ferry timetable was published on Monday. Someone has already called it a disgrace.",
         "Someone has already called it a disgrace", "Someone"),
        ("The council polled 900 residents in May. Those surveyed said the new tram line should be built.",
         "Those surveyed said the new tram line should be built", "Those surveyed"),
    ],
)
def test_attribution_speech_act_as_the_claims_own_predicate(analyse, text, claim, source):
    assert_source(analyse, text, claim, source)


@pytest.mark.parametrize(
    "text, claim, source",
    [
        # a tag verb after a quotation names its speaker
        ('The council met on Friday. "The bridge will reopen in June," Mayor Ines Farrow continued.',
         "The bridge will reopen in June", "Mayor Ines Farrow"),
        # a colon after a person's clause hands the quotation to that person, whatever the verb
        ('Jane Roe lost her temper at the rally. She then turned to the crowd: "We fought hard for this town. '
         'Sadly the plant will close in May."', "the plant will close in May", "Jane Roe"),
        # the parser may hang the colon and the clause before it on the
        # quoted verb: the clause's own subject still speaks
        ('The senator has since apologized for the remark: "I should not have said it. It was a mistake."',
         "It was a mistake", "The senator"),
        ('Jane Roe is sure the ban will only help her rivals: "They are making a martyr of him."',
         "They are making a martyr of him", "Jane Roe"),
        # a thing's clause before a colon speaks no quotation
        ('The shop has struggled for years. The notice on its door was short: "The shop will close in May."',
         "The shop will close in May", None),
    ],
)
def test_attribution_quotation_tag_and_colon(analyse, text, claim, source):
    records = [r for r in analyse(text) if claim in r.text]
    assert records, claim
    got = records[0].attribution
    assert (got.text if got else None) == source


def test_attribution_a_clause_as_subject_is_no_speaker(analyse):
    # "Not to act is saying A": a clause names no speaker; the quotation's does
    text = "“We will repair the pier. Not to repair the pier is simply saying the harbour does not matter,” the mayor said."
    records = analyse(text)
    sources = {r.text: (r.attribution.text if r.attribution else None) for r in records}
    assert sources and all(source == "the mayor" for source in sources.values()), sources


@pytest.mark.parametrize(
    "text, source",
    [
        ('Shares of the carrier fell on Tuesday. Northwind Airlines said in a statement. "The route will close in June."', "Northwind Airlines"),
        ('Shares of the carrier fell on Tuesday. The company said in a statement. "The route will close in June."', "The company"),
        ('The port authority met on Tuesday. Marsh said in a statement. "The pier will close in June."', "Marsh"),
    ],
)
def test_attribution_reporter_that_only_leads_into_a_quotation_speaks_for_it(analyse, text, source):
    # the reporter is no claim of its own (a quote_lead decision), but its
    # subject is still the speaker of the quotation after it
    records = analyse(text)
    assert not any("statement" in r.text for r in records)
    quoted = next(r for r in records if "June" in r.text)
    assert quoted.attribution is not None and quoted.attribution.text == source, quoted.attribution



def test_attribution_concession_beside_a_claim_is_not_its_reporter(analyse):
    # a verb of saying in a "though" clause says something of its own, not the claim beside it
    text = "The leaflet came from the council, though it reads like an advert for the new mall."
    records = sources_of(analyse, text)
    assert records["The leaflet came from the council"] is None


@pytest.mark.parametrize(
    "text, claim, source",
    [
        # a document quoted, the tag's verb "read(s)", the document before or after it
        ('"We will add 300 jobs," a company statement read. "The new line opens in May."', "The new line opens in May", "a company statement"),
        ('"We will add 300 jobs," read the statement. "The new line opens in May."', "We will add 300 jobs", "the statement"),
    ],
)
def test_attribution_quotation_tag_after_the_quotation(analyse, text, claim, source):
    assert_source(analyse, text, claim, source)


@pytest.mark.parametrize(
    "text",
    [
        # the speaker named after the closing mark, whatever the parser hung on
        # what: a word of the quotation taken for the subject, the name as its
        # apposition; the name as a clause of the verb
        "“Half my customers come from the villages — maybe more,” Okonjo, 61, told the local radio station.",
        "“That’s a real worry, because they’re very loyal and very proud,” Okonjo, 61, told the station Monday when asked about the vote.",
    ],
)
def test_attribution_speaker_named_after_the_quotation(analyse, text):
    sources = [r.attribution.text if r.attribution else None for r in analyse(text) if r.span.start < text.index("”")]
    assert sources and set(sources) == {"Okonjo"}, sources


def test_attribution_source_starts_after_the_quotation_hung_on_it(nlp):
    # the parser may hang the quotation on the name after it: the source is the name alone
    from spacy.tokens import Doc

    words = ["“", "It", "is", "late", ",", "”", "Okonjo", ",", "61", ",", "said", "."]
    heads = [6, 2, 6, 2, 2, 6, 10, 6, 6, 6, 10, 10]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "nsubj", "punct", "appos", "punct", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "PUNCT"]
    spaces = [False, True, True, False, False, True, False, True, False, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    source = nlp.get_pipe("claimx_attribution")._describe(doc, doc[6], verb=doc[10])
    assert doc.text[source["start"] : source["end"]] == "Okonjo"


def test_attribution_speaker_the_parser_hung_on_the_clause_before(analyse):
    # a verb of saying with no subject: the noun phrase set off by a comma right before it speaks
    text = (
        "Although there is no such link with the rival team, a city official who spoke anonymously "
        'to discuss the plan said Monday, "Certainly there are talks between the city and the club."'
    )
    sources = {r.attribution.text for r in analyse(text) if r.attribution is not None}
    assert sources == {"a city official who spoke anonymously to discuss the plan"}


def test_attribution_participle_keeps_its_clause_subject(analyse):
    text = "The mayor toured the flood zone in Tulsa, Oklahoma, arguing that the levees had failed."
    sources = {r.attribution.text for r in analyse(text) if r.attribution is not None}
    assert "Oklahoma" not in sources


@pytest.mark.parametrize(
    "text, claim, source",
    [
        (
            "The mayor has posted 300 times since June, according to BusCount, a tool that tracks bus posts.",
            "a tool that tracks bus posts",
            None,
        ),
        (
            "The mayor has posted 300 times since June, according to BusCount, a tool that tracks bus posts.",
            "The mayor has posted 300 times since June",
            "BusCount, a tool that tracks bus posts",
        ),
    ],
)
def test_attribution_description_inside_its_source_is_the_articles(analyse, text, claim, source):
    assert_source(analyse, text, claim, source)


def test_attribution_clause_of_time_reports_nothing(analyse):
    # a reporter in a clause of time beside the claim only dates it
    assert_source(analyse, "The pier closed in May, two weeks after the council announced the cuts.", "The pier closed in May", None)


@pytest.mark.parametrize(
    "text, claim, source",
    [
        (
            "Analysts at Harbor Bank expect any new offer to be pitched at 300p, and say a counter bid looks doubtful.",
            "a counter bid looks doubtful",
            "Analysts at Harbor Bank",
        ),
        (
            "The chair said the mayor had begun calling members - there are 20 of them - but said the outcome was still open.",
            "said the outcome was still open",
            "The chair",
        ),
        (
            "The coach said the squad was ready, but lamented that the pitch had not been repaired.",
            "lamented that the pitch had not been repaired",
            "The coach",
        ),
        # the reported clause has a subject of its own, but its verb says nothing
        (
            "Ruiz said Okafor was not on the payroll of the club and said Brandt knew nothing of the deal.",
            "said Brandt knew nothing of the deal",
            "Ruiz",
        ),
        (
            "The mayor conceded that the builder had missed the deadline but implied that the city would not pay the fine.",
            "implied that the city would not pay the fine",
            "The mayor",
        ),
        # a verb of saying joined to one inside the report is the reported speaker's
        (
            "The minister said the firm confirmed the sale and announced that the plant would close.",
            "announced that the plant would close",
            "the firm",
        ),
    ],
)
def test_attribution_verb_of_saying_joined_to_a_reported_clause_speaks_with_its_reporter(analyse, text, claim, source):
    assert_source(analyse, text, claim, source)


def test_attribution_name_after_a_quotation_and_a_comma_keeps_its_description(analyse):
    # the parser may hang the name on the quotation; the description after it is
    # then the only noun next to the verb
    text = "\"They were allies, but also competitors,\" Walter K. Dunn, Governor Lee's longtime press secretary, said about those years."
    sources = sources_of(analyse, text)
    assert "Walter K. Dunn, Governor Lee's longtime press secretary" in sources.values(), sources


@pytest.mark.parametrize(
    "text, claim, source",
    [
        pytest.param(
            "The senator implied that the vote would be delayed again.",
            "The senator implied that the vote would be delayed again",
            "The senator",
            id="implied",
        ),
        pytest.param(
            "As Jane Roe, the deputy leader, put it: \"This plan will not pass. So there is no point pretending otherwise.\"",
            "So there is no point pretending otherwise",
            "Jane Roe, the deputy leader",
            id="as-put-it-colon",
        ),
        pytest.param(
            "As one trader puts it, \"The shares are cheap, and everyone knows it.\"", "everyone knows it", "one trader", id="as-puts-it-comma"
        ),
        pytest.param(
            "As one banker puts it, the town will soon have no branch at all.",
            "the town will soon have no branch at all",
            "one banker",
            id="as-puts-it-unquoted",
        ),
        pytest.param(
            "The ferry will stop running in winter, as the harbour master put it on Friday.",
            "The ferry will stop running in winter",
            "the harbour master",
            id="as-put-it-trailing",
        ),
    ],
)
def test_attribution_implication_and_as_someone_put_it_name_the_speaker(analyse, text, claim, source):
    assert_source(analyse, text, claim, source)


def test_attribution_as_someone_puts_it_is_no_claim_of_its_own(analyse):
    # "as X puts it" only says who speaks; it claims nothing itself
    sources = sources_of(analyse, "As one banker puts it, the town will soon have no branch at all.")
    assert not any("puts it" in claim for claim in sources), sources



# sentences that are one claim each, and the source that claim should name
_HOLDERS = [
    # a conclusion or a thing noticed, stated in a clause, is the word of whoever reached it
    ("The inspectors concluded last week that the bridge had been poorly maintained.", "The inspectors"),
    ("A local reporter noticed that the mayor had skipped three council meetings.", "A local reporter"),
    # with no clause they report nothing
    ("The talks concluded on Friday without a deal.", None),
    ("Hikers noticed smoke above the ridge on Tuesday.", None),
    # a notion rejected, with its clause, is the rejecter's denial; an idea or an offer rejected is not
    ("The coach rejected the notion that the club would sell its captain.", "The coach"),
    ("The union leader played down the idea that her members would strike.", "The union leader"),
    ("The mayor rejected the idea of a new stadium.", None),
    ("The coach rejected the offer from the rival club.", None),
    # an adjective of belief with a clause: the clause is held by whom it is said of
    ("Local residents are convinced that the plant will close.", "Local residents"),
    ("Some board members are uncertain whether the merger will go ahead.", "Some board members"),
    ("The coach is confident in his squad.", None),
    ("The minister was clear that the border would stay open.", None),
    # "in X's view", "by X's count", "by one estimate" name a source as "according to X" does
    ("In the mayor's view, the new line will ease traffic in the centre.", "the mayor's view"),
    ("About 4,000 homes were damaged in the flood, by one estimate.", "one estimate"),
    ("By the union's own count, 300 workers have left since May.", "the union's own count"),
    # a manner, a yardstick or a view held by nobody named is no source
    ("The mayor paid by bank transfer.", None),
    ("By any measure, the new line has been a success.", None),
    ("Voters were split in their opinions of the plan.", None),
]


@pytest.mark.parametrize("text, source", _HOLDERS)
def test_attribution_conclusions_rebuttals_stances_and_views_name_their_holder(analyse, text, source):
    assert_source(analyse, text, text.rstrip("."), source)


def test_attribution_conclusion_as_a_quotation_tag(analyse):
    text = '"The bridge will open in May," the engineers concluded.'
    assert_source(analyse, text, "The bridge will open in May", "the engineers")


@pytest.mark.parametrize(
    "text, claim, source",
    [
        # a party's mark after a name keeps its closing bracket
        ('After the floods in the valley, Governor Ana Ruiz (R-OK) said the levees were "failing."', None, "Governor Ana Ruiz (R-OK)"),
        ('"It is a clean break," said Rep. Hal Moss (D-Ga.).', "It is a clean break", "Rep. Hal Moss (D-Ga.)"),
    ],
)
def test_attribution_source_keeps_its_closing_bracket(analyse, text, claim, source):
    sources = {r.attribution.text for r in analyse(text) if r.attribution is not None and (claim is None or r.text == claim)}
    assert sources == {source}


@pytest.mark.parametrize(
    "text, claim, source",
    [
        # the second verb is the article's own account of what the speaker did
        ("The harbour board announced a new ferry route on Monday and closed the old pier.", "closed the old pier", None),
        ("The senator claimed a win in the primary but trails her rival in delegates.", "trails her rival in delegates", None),
        ("The harbour board announced a new ferry route, but the old pier stayed open all winter.", "the old pier stayed open all winter", None),
        # a second verb of saying is still the speaker's word
        ("The mayor confirmed the closure and said the bridge would reopen in May.", "said the bridge would reopen in May", "The mayor"),
    ],
)
def test_attribution_act_beside_a_report_is_the_articles(analyse, text, claim, source):
    assert_source(analyse, text, claim, source)


@pytest.mark.parametrize(
    "claim",
    ["The plan is a mess", "It will cost far more than anyone has admitted"],
)
def test_attribution_quotation_with_a_wrong_way_closing_mark(analyse, claim):
    # '“A,“ said X': an opening mark typed where the closing one belongs
    # closes the quotation, so its tag names the speaker of both quotations
    text = "“The plan is a mess,“ said Tom Reyes, a lawyer with the city. “It will cost far more than anyone has admitted.”"
    assert_source(analyse, text, claim, "Tom Reyes, a lawyer with the city")
