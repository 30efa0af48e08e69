"""Status of claims, from the annotation guide's rules of thumb."""

from __future__ import annotations

import pytest


def _status_of(records, evidence: str) -> str:
    """The status of the claim that holds ``evidence`` (the tightest one)."""
    holding = [r for r in records if evidence in r.text or r.text in evidence and len(r.text) > 10]
    assert holding, f"no claim holds {evidence!r}: {[r.text for r in records]}"
    return min(holding, key=lambda r: abs(len(r.text) - len(evidence))).status


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # the cue closest in scope to the predicate wins
        ("Ada Lind is confirmed to reprise the part.", "Ada Lind is confirmed to reprise", "confirmed"),
        ("The cast is expected to be confirmed in May.", "is expected to be confirmed", "expected"),
        ("The sequel is officially in development.", "officially in development", "confirmed"),
        ("The film is slated for a 2026 release.", "slated for a 2026 release", "expected"),
        ("The studio plans to start filming in March.", "plans to start filming", "expected"),
        ("The phone could launch in September.", "could launch in September", "rumored"),
        ("The game is reportedly due next year.", "reportedly due next year", "rumored"),
        ("The sequel is tentatively titled Fallen Angel.", "tentatively titled Fallen Angel", "rumored"),
        # negation of an event is denied; "not yet decided" is unconfirmed
        ("Production has not yet begun.", "Production has not yet begun", "denied"),
        ("No final date has been set for the release.", "No final date has been set", "unconfirmed"),
        ("The release date remains unconfirmed.", "remains unconfirmed", "unconfirmed"),
        ("It is not yet clear whether the show will return.", "not yet clear whether", "unconfirmed"),
        # "has yet to" with a verb of telling vs of an event
        ("The maker has yet to announce the cost.", "has yet to announce the cost", "unconfirmed"),
        ("The operator has yet to receive a permit.", "has yet to receive a permit", "denied"),
        ("The board has not ruled out a higher offer.", "has not ruled out a higher offer", "rumored"),
        # a negated expectation is denied
        ("The actor is not expected to return.", "is not expected to return", "denied"),
        ("Analysts say a rival bid is unlikely.", "a rival bid is unlikely", "denied"),
        # source authority: unnamed insiders and fans make a claim rumored
        (
            "According to people briefed on the plans, the label wants a spring release.",
            "the label wants a spring release",
            "rumored",
        ),
        ("Fans anticipate she will leave the city.", "Fans anticipate she will leave the city", "rumored"),
        # conditionals and questions are not confirmed
        ("If the deal closes, the firm will move to London.", "the firm will move to London", "rumored"),
        # plain assertions
        ("The company cancelled the project in 2017.", "cancelled the project in 2017", "confirmed"),
        # what a leak shows is rumored: a leaked subject, a leaked spec sheet, "looks like"
        ("The leaked handset uses a new modem and runs a test version of the software.", "runs a test version", "rumored"),
        ("The leaked handset uses a new modem and runs a test version of the software.", "uses a new modem", "rumored"),
        ("The handset uses a new modem.", "uses a new modem", "confirmed"),
        ("According to a spec sheet shared online, the phone runs on a new chip.", "the phone runs on a new chip", "rumored"),
        ("The camera bar looks slightly thicker than before.", "looks slightly thicker", "rumored"),
        # a question answered: "Asked whether X, she said no" is one claim, its answer's status
        ('Asked whether the game was planned for 2025, the spokesperson said "no".', "Asked whether the game", "denied"),
        ("Asked if the film would return next year, the director said yes.", "Asked if the film", "confirmed"),
        # a "that" clause the parser hangs on a noun after the reporting verb is still the report
        ("The publisher said in a note that the title will not ship this spring.", "the title will not ship", "denied"),
        ("We can state with certainty that the album will not come out in 2029.", "the album will not come out", "denied"),
        # negated verbs of telling or deciding, with or without a particle, leave it unknown
        ("Her lawyer did not respond to questions about the case.", "did not respond to questions", "unconfirmed"),
        ("The council has yet to sign off on the new stadium.", "has yet to sign off", "unconfirmed"),
        ("The demo has a multiplayer mode, which the studio has never mentioned.", "has never mentioned", "unconfirmed"),
        # a particle verb tells only as itself: giving up is an event, not a telling withheld
        ("The coach has not given up on the title.", "The coach has not given up on the title", "denied"),
        # "not sure if" asks as "not sure whether" does: no condition
        ("I'm not sure if the ferry will run on Sunday.", "I'm not sure if the ferry will run on Sunday", "unconfirmed"),
        # a past "should have" judges what happened, it plans nothing
        ("The council should have repaired the bridge years ago.", "The council should have repaired the bridge years ago", "confirmed"),
        # negations that deny nothing
        ("The former treasurer pleaded not guilty to fraud on Monday.", "pleaded not guilty to fraud", "confirmed"),
        ("The irony of the vote was not lost on the council.", "The irony of the vote was not lost on the council", "confirmed"),
        # "could not be ruled out" is a possibility, not a denial
        ("Another delay could not be ruled out.", "could not be ruled out", "rumored"),
        # "had no trouble winning" says it won: no denial of the act
        ("The governor had no trouble winning the vote in the upper house.", "had no trouble winning", "confirmed"),
        ("The senator had no hesitation in backing her rival for the seat.", "had no hesitation in backing", "confirmed"),
        # denials by negative subject or by calling a report false
        ("Nobody has fallen out over the dates.", "Nobody has fallen out", "denied"),
        ("Reports that he would play the villain are simply untrue.", "are simply untrue", "denied"),
        ("A spokesperson called the reports pure fiction.", "called the reports pure fiction", "denied"),
        # expectation cues
        ('Dates in Asia are "coming soon".', "Dates in Asia are", "expected"),
        ("The club remain confident of completing the deal.", "remain confident of completing", "expected"),
        # "the streamer" is a TV service that speaks for itself, not a live streamer
        ("The streamer reports its member figures on April 18.", "reports its member figures", "confirmed"),
        # an analyst introduced in apposition, or named again later, forecasts: rumored
        ("Jane Roe, an analyst at Harbour Research, said she expects the phone to launch in May.", "she expects the phone to launch", "rumored"),
        (
            "Component analyst Tom Reiner said the screen is late. Reiner expects the maker to show the watches in April.",
            "Reiner expects the maker to show",
            "rumored",
        ),
        ("The maker expects to show the watches in April.", "expects to show the watches", "expected"),
        ("She forecasts opening-week sales of about two million units.", "forecasts opening-week sales", "expected"),
        # "appear" hedges as "appear to" or with an adjective, not as "appear in"
        ("The singer appears in the new musical.", "appears in the new musical", "confirmed"),
        ("The button appears to have shifted to the left side.", "appears to have shifted", "rumored"),
        # questions, litotes, idioms, pending decisions
        ("Might the label just not be ready to comment?", "not be ready to comment", "rumored"),
        # a quoted question the sentence goes on after asks as much as one that ends it
        ("“Is the council ready to close the library?” the reporter asked.", "Is the council ready to close the library", "rumored"),
        ("“Is the council ready to close the library?’.’", "Is the council ready to close the library", "rumored"),
        ("“The council closed the library,” the reporter said.", "The council closed the library", "confirmed"),
        # a statement the sentence puts forward before it goes on to ask is no question; the question asks
        ("The mayor won the vote by a wide margin, so why would the council overturn it?", "The mayor won the vote by a wide margin", "confirmed"),
        ("The mayor won the vote by a wide margin, so why would the council overturn it?", "why would the council overturn it", "rumored"),
        ("The reporters were hostile: “Is it time to go?”", "The reporters were hostile", "confirmed"),
        ("Will the tour go ahead, or is it off?", "Will the tour go ahead", "rumored"),
        ("A price cut next month would not be a surprise.", "would not be a surprise", "rumored"),
        ("The rival studio wasted no time claiming the date.", "wasted no time claiming", "confirmed"),
        ("Their fees are not final.", "fees are not final", "unconfirmed"),
        ("A final venue has not been fixed.", "has not been fixed", "unconfirmed"),
        ("The band insisted the split had nothing to do with money.", "had nothing to do with money", "denied"),
        ("The film had been dated for March 2027.", "had been dated for March 2027", "expected"),
        # a leaked document as the subject is the claim's source
        ("The listing priced the speaker at €199 for the basic model.", "priced the speaker at €199", "rumored"),
        ("Jane Roe of Fathom Insights expects the console to sell five million units.", "expects the console to sell", "rumored"),
        # "no" on an object denies the event, whatever the verb
        ("On its new date, the film faces no major competition.", "faces no major competition", "denied"),
        # an absolute with no cue of its own shares its clause's hedge, not its certainty
        ("The sale is reportedly set for May 13, with bookings starting a day earlier.", "with bookings starting", "rumored"),
        ("The sale is set for May 13, with bookings starting a day earlier.", "with bookings starting", "expected"),
        ("The phone went on sale on May 13, with stores opening early.", "with stores opening early", "confirmed"),
        # a first-person belief that governs a claim from outside it hedges it, or with "not" negates it
        (
            "“The rules keep changing, because the board is biased, so I think the final is going to be a lopsided game,” the coach said on Friday.",
            "the final is going to be a lopsided game",
            "rumored",
        ),
        (
            "“The rules keep changing, because the board is biased, so I don't think the final is going to be a fair game,” the coach said on Friday.",
            "the final is going to be a fair game",
            "denied",
        ),
        # words that deny what they say: not being able, not knowing, a falsehood; a hedge over them still wins
        ("The rescue team was unable to reach the village before dark.", "The rescue team was unable to reach the village before dark", "denied"),
        ("The pilot was apparently unable to see the runway lights.", "The pilot was apparently unable to see the runway lights", "rumored"),
        ("The new stadium is nowhere near ready for the opening match.", "The new stadium is nowhere near ready for the opening match", "denied"),
        ("The club says the reports about its finances are false.", "the reports about its finances are false", "denied"),
        ("The talks have shown little sign of progress since March.", "The talks have shown little sign of progress since March", "denied"),
        # what is explicitly unsettled
        ("The first tests of the vaccine were inconclusive.", "The first tests of the vaccine were inconclusive", "unconfirmed"),
        ("The reasons for the delay remain murky.", "The reasons for the delay remain murky", "unconfirmed"),
        # a first-person assumption hedges the clause it takes, not an object it takes
        ("I assume the builders saw the housing market recovering.", "I assume the builders saw the housing market recovering", "rumored"),
        ("I assume full responsibility for the delay.", "I assume full responsibility for the delay", "confirmed"),
        # an it-cleft puts forward its relative clause: that clause's hedge is the claim's
        ("Now it is the smaller parties who could lose their seats in the spring.", "it is the smaller parties who could lose their seats", "rumored"),
        ("Yet it was the mayor who seemed most at ease with the new plan.", "it was the mayor who seemed most at ease", "rumored"),
        ("It was a speech that seemed to last for hours.", "It was a speech that seemed to last for hours", "confirmed"),
        # a copula's predicate noun with a negated relative clause: the negation is the claim's
        ("It was a season that the club never wants to repeat.", "It was a season that the club never wants to repeat", "denied"),
        ("There is one road that has not reopened since the flood.", "There is one road that has not reopened since the flood", "denied"),
        # a pledge with its day between the verb and its "to"
        ("The mayor pledged on Monday to rebuild the harbour wall.", "The mayor pledged on Monday to rebuild the harbour wall", "expected"),
        # rejecting an offer is an event, not a denial
        ("The striker rejected an offer from the rival club on Thursday.", "The striker rejected an offer from the rival club on Thursday", "confirmed"),
    ],
)
def test_status_rules_of_thumb(analyse, text, evidence, status):
    assert _status_of(analyse(text), evidence) == status


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The sequel is officially in development.", "officially"),
        ("Production has not yet begun.", "not"),
        ("The phone could launch in September.", "could"),
    ],
)
def test_status_cues_reported_with_spans(analyse, text, cue):
    records = analyse(text)
    cues = [c for r in records for c in r.cues]
    assert any(c.text.startswith(cue) for c in cues), cues


@pytest.mark.parametrize(
    "text, status",
    [
        ("Apple is preparing to unveil smart glasses next year, Bloomberg reported.", "rumored"),
        ("Apple is preparing to unveil smart glasses next year, the company said.", "expected"),
    ],
)
def test_status_media_reports_pass_on_rumours(analyse, text, status):
    records = analyse(text)
    assert records and records[0].status == status


@pytest.mark.parametrize(
    "text, status",
    [
        # what a reporting source says had already happened is as settled as
        # what it says happened: the past perfect is a settled past too
        ("The weekly paper reported that the ferry company had sold two boats.", "confirmed"),
        ("The weekly paper reported that the ferry company sold two boats.", "confirmed"),
        # the present perfect is not: a report that something has happened
        # passes on what others told it
        ("The weekly paper reported that the ferry company has sold two boats.", "rumored"),
        # nor is a modal perfect, nor a report resting on an unnamed source
        ("The weekly paper reported that the ferry company would have sold two boats.", "rumored"),
        ("The weekly paper reported that the ferry company had sold two boats, citing an unnamed manager.", "rumored"),
        # unnamed sources make even the past a rumour
        ("Insiders said the ferry company had sold two boats.", "rumored"),
    ],
)
def test_status_reported_past_perfect_is_settled(analyse, text, status):
    records = analyse(text)
    assert [r.status for r in records] == [status], [(r.text, r.status) for r in records]


@pytest.mark.parametrize(
    "text, status",
    [
        # a comparison of likelihoods between groups states a measured
        # difference, not a forecast; of one subject it is a forecast
        ("Older drivers are more likely to buy electric cars than younger ones.", "confirmed"),
        ("Renters were less likely to vote in the council election than homeowners.", "confirmed"),
        ("The mayor is more likely to win after the debate.", "expected"),
        ("The council is likely to raise parking fees next year.", "expected"),
        # but what speakers said they would do themselves is their intention, as
        # their own undated "will" is: expected
        ("The governor said she would veto the tax bill.", "expected"),
        ("Both unions told reporters they would join the strike.", "expected"),
        # a reported "would" of another subject, or with a date, stays a statement
        ("The governor said the tax bill would reach her desk.", "confirmed"),
        ("The governor said she would veto the tax bill on Friday.", "confirmed"),
        # a preference, an obligation or a counterfactual is no plan
        ("The governor said she would rather veto the tax bill.", "confirmed"),
    ],
)
def test_cues_measured_states_and_reported_intentions(analyse, text, status):
    records = analyse(text)
    assert [r.status for r in records] == [status], [(r.text, r.status) for r in records]


@pytest.mark.parametrize(
    "text, status",
    [
        # a "should" a speaker argues for, with the verb of saying in the
        # claim, states what the speaker argued: confirmed
        ("The tenants' group argued that the landlord should repair the lifts.", "confirmed"),
        ("Two council members have said the city should sell the old depot.", "confirmed"),
        # on its own it is an expectation, under a belief verb a hedge
        ("The old depot should sell quickly.", "expected"),
        ("The councillor thinks the city should sell the old depot.", "rumored"),
        # a prediction of a clause is a forecast: rumored (ANNOTATION.md,
        # "forecasts by others"), not a plan
        ("The candidate predicted that turnout would be the highest in decades.", "rumored"),
        ("Two economists forecast that the currency will weaken.", "rumored"),
        # a forecast of the forecaster's own doing is their expectation
        ("The mayor predicted that her council would meet its budget targets.", "expected"),
        # a figure forecast to move keeps its expectation
        ("Ticket sales are forecast to double next season.", "expected"),
    ],
)
def test_cues_reported_advice_and_predicted_clauses(analyse, text, status):
    records = analyse(text)
    assert [r.status for r in records] == [status], [(r.text, r.status) for r in records]


@pytest.mark.parametrize(
    "text, evidence",
    [
        # complement words set the status of the event they govern (see
        # claimx.claims.target), never of the claim that states them
        ("The concert was postponed after the storm.", "The concert was postponed"),
        ("Shares fell on fears of a recession.", "Shares fell on fears of a recession"),
        ("The banks announced a joint effort to calm the markets.", "The banks announced a joint effort"),
    ],
)
def test_cues_complement_words_leave_claims_confirmed(analyse, text, evidence):
    records = analyse(text)
    assert _status_of(records, evidence) == "confirmed"
    assert not [c for r in records for c in r.cues if c.status != "confirmed"]


@pytest.mark.parametrize(
    "text, word, status",
    [
        ("Stocks fell on fears of a recession.", "fears", "rumored"),
        ("Traders were afraid of a crash.", "afraid", "rumored"),
        ("The band cancelled the tour.", "cancelled", "denied"),
        ("Customers complained about the delay.", "delay", "denied"),
        ("The government is trying to stop the crisis.", "trying", "expected"),
        ("The band played the tour.", "played", None),
    ],
)
def test_cues_complement_rule_lookup(nlp, text, word, status):
    tagger = nlp.get_pipe("claimx_cues")
    token = next(t for t in nlp(text) if t.text == word)
    rule = tagger.complement_rule(token)
    assert (rule.status if rule is not None else None) == status


def test_cues_complement_rule_must_be_one_token(nlp_base, tmp_path):
    import json
    import shutil

    from claimx.claims.cues import CueTagger
    from claimx.errors import RulePackError
    from claimx.rules import default_rules_dir

    for path in default_rules_dir().glob("*.jsonl"):
        shutil.copy(path, tmp_path / path.name)
    bad = {"id": "complement-bad", "category": "complement", "status": "denied", "pattern": "called off"}
    with (tmp_path / "cues.jsonl").open("a", encoding="utf8") as fh:
        fh.write(json.dumps(bad) + "\n")
    with pytest.raises(RulePackError, match="complement-bad"):
        CueTagger(nlp_base, rules_dir=tmp_path)


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # a plain "will" among speculation or open questions forecasts the passage
        (
            "No official synopsis exists yet. The story will follow Alita to the sky city.",
            "The story will follow Alita to the sky city",
            "expected",
        ),
        (
            "Insiders say a sequel might follow. The studio will own the rights.",
            "The studio will own the rights",
            "expected",
        ),
        # beside the makers' plans or their silence it is a statement
        (
            "A cheaper model is slated for 2027, while the flagship will launch first.",
            "the flagship will launch first",
            "confirmed",
        ),
        (
            "The maker has not commented on the report. The update will add a night mode.",
            "The update will add a night mode",
            "confirmed",
        ),
    ],
)
def test_cues_plain_future_in_a_speculative_passage(analyse, text, evidence, status):
    records = {r.text: r.status for r in analyse(text)}
    assert records.get(evidence) == status, records


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # an analyst's estimate of the past is still an estimate; their plain report of it is a fact
        ("Analysts at Harbour estimate that the maker sold under two million handsets.", "the maker sold under two million handsets", "rumored"),
        ("Shares fell 9% on Monday, an analyst at Lumen said.", "Shares fell 9% on Monday", "confirmed"),
        # an absolute the parser makes a "with" clause shares its clause's hedge
        (
            "The maker is reportedly preparing to show a headset next year, with sales to follow in 2029.",
            "sales to follow in 2029",
            "rumored",
        ),
        # a "not" that negates a noun phrase leaves its clause alone
        ("The fair will take place on June 20 in Lyon, not June 13.", "The fair will take place on June 20", "confirmed"),
        ("On Friday the club confirmed one of the rumours, though not the one most supporters hoped for.", "the club confirmed one of the rumours", "confirmed"),
        # one on the verb negates it
        ("The event will not take place on August 20.", "The event will not take place on August 20", "denied"),
        # a wish ("would like to") is a plan, not a conditional "would"
        ("The company would like to open ten stores next year.", "The company would like to open ten stores next year", "expected"),
        # a thank-you said that way is done in the saying
        ("The airline would like to thank its staff for their hard work.", "The airline would like to thank its staff", "confirmed"),
        # a schedule word read as the object of "have" still schedules
        ("The studio has a new comedy set for spring 2029.", "The studio has a new comedy set for spring 2029", "expected"),
    ],
)
def test_cues_status_of_the_claim_holding(analyse, text, evidence, status):
    """The status of the claim whose text holds ``evidence``."""
    records = {r.text: r.status for r in analyse(text)}
    match = [t for t in records if evidence in t]
    assert match, records
    assert records[match[0]] == status, records


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # an embedded question leaves its answer open
        ("Voters will decide whether the tax stays.", "Voters will decide whether the tax stays", "unconfirmed"),
        ("Many now wonder if the senator will run again.", "Many now wonder if the senator will run again", "unconfirmed"),
        # a conditional "if" still supposes
        ("If the senator runs again, she will win.", "she will win", "rumored"),
        # "whether or not" asks; its "not" denies nothing
        ("Residents asked whether or not the plant would close.", "Residents asked whether or not", "unconfirmed"),
        # one in an adverbial clause leaves the main clause alone
        ("Whether it rains or shines, the race starts at noon.", "the race starts at noon", "confirmed"),
        ("A hearing was set for May to decide whether the sale can go ahead.", "A hearing was set for May", "expected"),
    ],
)
def test_cues_embedded_questions(analyse, text, evidence, status):
    assert _status_of(analyse(text, title="Questions"), evidence) == status


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # a negated belief passes its negation to what it frames
        ("I don't think the bill will pass.", "the bill will pass", "denied"),
        ("I think the bill will pass.", "the bill will pass", "rumored"),
        # a negated verb of telling still leaves it unknown
        ("She did not say whether the plant would close.", "did not say whether", "unconfirmed"),
        # a negative word on the object denies the event
        ("The plan includes neither the bridge nor the tunnel.", "includes neither the bridge", "denied"),
    ],
)
def test_cues_negated_beliefs_and_objects(analyse, text, evidence, status):
    assert _status_of(analyse(text, title="Beliefs"), evidence) == status


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # a negation inside a subordinate clause denies that clause, not the one it hangs on
        ("If the council does not pay by June, the builder will walk away.", "the builder will walk away", "rumored"),
        ("The ferry sailed on time, though the crew had not slept.", "The ferry sailed on time", "confirmed"),
        ("The coach wrote to the players, asking them not to speak to the press.", "The coach wrote to the players", "confirmed"),
        ("The club is changing its rules to make sure the fight never happens again.", "The club is changing its rules", "confirmed"),
    ],
)
def test_status_negation_in_a_subordinate_clause_stays_there(analyse, text, evidence, status):
    assert _status_of(analyse(text), evidence) == status


@pytest.mark.parametrize(
    "text, evidence, status, cue",
    [
        # an item of a gapped list repeats its clause's predicate, with its hedge
        ("The airline expects to cut about 3,000 jobs in Spain, 1,200 in Italy and 600 in Greece.", "600 in Greece", "expected", "expects"),
        ("Analysts said the group may shed 5,000 jobs in Germany, 2,100 in France and 900 in Belgium.", "2,100 in France", "rumored", "may"),
        # with its negation
        ("The bank will not close 40 branches in Ohio, 12 in Texas and 9 in Utah.", "12 in Texas", "denied", "will not"),
        # and a cast list with its report's hedge
        ("Rodriguez is rumored to cast Lena Park as Mara, Tom Ellis as Quinn and Ava Moss as Lyra.", "Tom Ellis as Quinn", "rumored", "rumored"),
    ],
)
def test_cues_list_items_share_their_clause_status(analyse, text, evidence, status, cue):
    records = {r.text: r for r in analyse(text)}
    assert evidence in records, list(records)
    assert records[evidence].status == status
    assert cue in [c.text for c in records[evidence].cues]


def test_cues_list_items_of_a_plain_statement_stay_confirmed(analyse):
    records = {r.text: r.status for r in analyse("The chain shut 1,000 stores in Spain, 300 in Italy and 200 in France.")}
    assert set(records.values()) == {"confirmed"}, records


@pytest.mark.parametrize(
    "text, status",
    [
        # a gerund as the subject names an activity: its own cue does not hedge what is said of it
        ("Targeting younger voters has been central to the mayor's campaign.", "confirmed"),
        ("Planning the festival has taken most of the year.", "confirmed"),
        ("Not paying the fine has cost the firm its licence.", "confirmed"),
        # the same verb as the predicate still sets the status
        ("The startup is targeting a launch in March.", "expected"),
    ],
)
def test_cues_gerund_subject_is_out_of_scope(analyse, text, status):
    records = analyse(text)
    assert len(records) == 1, [r.text for r in records]
    assert records[0].status == status


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # a hedge on a participle set off after the clause hedges the participle only
        ("The van has a bigger battery pack, which sits under the seats, reportedly adding range and probably cutting charging stops.", "The van has a bigger battery pack", "confirmed"),
        ("The new case works as a stand, possibly boosting sales of the tablet.", "The new case works as a stand", "confirmed"),
        ("The plant shut in May, reportedly costing 300 jobs.", "The plant shut in May", "confirmed"),
        # a participle that names the object of "have" still carries the clause
        ("The studio has a new comedy set for spring 2029.", "The studio has a new comedy set for spring 2029", "expected"),
    ],
)
def test_cues_hedge_on_a_set_off_participle_stays_there(analyse, text, evidence, status):
    assert _status_of(analyse(text), evidence) == status


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # a sentence adverb before the first predicate reaches the ones coordinated with it
        ("Reportedly, the singer left the label in March and had signed with a rival studio by May.", "had signed with a rival studio by May", "rumored"),
        ("Allegedly, the clerk took the cash and had hidden it in a locker.", "had hidden it in a locker", "rumored"),
        # so does a modal, when the second predicate has no auxiliary of its own
        ("The studio could delay the film until 2028 and cut its budget by a third.", "cut its budget by a third", "rumored"),
        ("The firm will shut the plant and has already moved its staff.", "has already moved its staff", "confirmed"),
        # a negation does not
        ("The mayor did not attend and sent a deputy instead.", "sent a deputy instead", "confirmed"),
    ],
)
def test_cues_coordinated_predicates_share_a_leading_hedge(analyse, text, evidence, status):
    records = {r.text: r.status for r in analyse(text)}
    assert records.get(evidence) == status, records


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # a phrase that sums its clause up says the clause again, with its hedge
        ("The index could close lower, its third weekly fall in a row.", "its third weekly fall in a row", "rumored"),
        ("Sales are expected to rise 4% this year, the first gain since 2019.", "the first gain since 2019", "expected"),
        ("The index closed lower, its third weekly fall in a row.", "its third weekly fall in a row", "confirmed"),
        # an event in a gerund after a preposition of time is a fact of its own
        ("Shares may fall further after losing 2% on Friday.", "after losing 2% on Friday", "confirmed"),
    ],
)
def test_cues_summary_phrase_shares_its_clause_hedge(analyse, text, evidence, status):
    records = {r.text: r.status for r in analyse(text)}
    assert records.get(evidence) == status, records


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # a predicate coordinated with a complement is governed by the same verb
        ("The company plans to close the plant in Leeds and cut 300 jobs by the end of the year.", "cut 300 jobs by the end of the year", "expected"),
        # one in another tense states what was done
        ("The mayor promised to cut taxes on shops and raised them a year later.", "raised them a year later", "confirmed"),
    ],
)
def test_cues_coordinated_complement_shares_its_governor(analyse, text, evidence, status):
    records = {r.text: r.status for r in analyse(text)}
    assert records.get(evidence) == status, records



def test_cues_of_a_coordinated_predicate_left_in_the_claim_stay_with_it(nlp):
    # the parser can leave a second predicate inside the first one's claim
    # (here given by hand): its cue is still that predicate's
    from spacy.tokens import Doc, Span

    from claimx.claims.cues import CueTagger

    words = ["The", "van", "went", "on", "sale", "and", "is", "expected", "to", "get", "a", "motor"]
    heads = [1, 2, 2, 2, 3, 2, 7, 2, 9, 7, 11, 9]
    deps = ["det", "nsubj", "ROOT", "prep", "pobj", "cc", "auxpass", "conj", "aux", "xcomp", "det", "dobj"]
    pos = ["DET", "NOUN", "VERB", "ADP", "NOUN", "CCONJ", "AUX", "VERB", "PART", "VERB", "DET", "NOUN"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    cue = Span(doc, 7, 9, label="x")
    cue._.cue = {"category": "expect", "status": "expected", "id": "x"}
    claim = Span(doc, 0, len(doc))
    tagger = nlp.get_pipe("claimx_cues") if "claimx_cues" in nlp.pipe_names else CueTagger(nlp)
    assert not tagger._in_scope(cue, claim, {2})
    assert tagger._in_scope(cue, Span(doc, 6, len(doc)), {7})


def _pack_copy(tmp_path):
    import shutil

    from claimx.rules import default_rules_dir

    tmp_path.mkdir(parents=True, exist_ok=True)
    for path in default_rules_dir().glob("*.jsonl"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def _edit_rule(path, rule_id, **fields):
    import json

    lines = path.read_text(encoding="utf8").splitlines()
    for n, line in enumerate(lines):
        rule = json.loads(line)
        if rule["id"] == rule_id:
            rule.update(fields)
            lines[n] = json.dumps(rule)
    path.write_text("\n".join(lines) + "\n", encoding="utf8")


def test_cues_terminated_by_names_a_terminator(nlp_base, tmp_path):
    from claimx.claims.cues import CueTagger
    from claimx.errors import RulePackError

    pack = _pack_copy(tmp_path)
    _edit_rule(pack / "cues.jsonl", "spec-might", terminated_by=["scope-no-such"])
    with pytest.raises(RulePackError, match="spec-might.*scope-no-such"):
        CueTagger(nlp_base, rules_dir=pack)


def test_cues_scope_pattern_with_an_unknown_key_names_its_rule(nlp_base, tmp_path):
    import json

    from claimx.claims.cues import CueTagger
    from claimx.errors import RulePackError

    pack = _pack_copy(tmp_path)
    bad = {"id": "scope-bad", "kind": "terminator", "pattern": {"HEAD": {"DEPENDENCY": "advcl"}}}
    with (pack / "scope.jsonl").open("a", encoding="utf8") as fh:
        fh.write(json.dumps(bad) + "\n")
    with pytest.raises(RulePackError, match="scope-bad.*DEPENDENCY"):
        CueTagger(nlp_base, rules_dir=pack)


def test_cues_a_rule_of_its_own_terminator_stops_only_that_rule(tmp_path):
    """A terminator with ``by_default: false`` ends the reach of the cue rules
    that name it in ``terminated_by``, and of no other."""
    import json

    from claimx.nlp import load_nlp

    text = "The ferry might stop at the island in May."
    own = {"id": "scope-own-auxiliary", "kind": "terminator", "at": "cue", "by_default": False, "pattern": {"DEP": "aux"}}
    packs = []
    for name in ("plain", "named"):
        pack = _pack_copy(tmp_path / name)
        with (pack / "scope.jsonl").open("a", encoding="utf8") as fh:
            fh.write(json.dumps(own) + "\n")
        packs.append(pack)
    _edit_rule(packs[1] / "cues.jsonl", "spec-might", terminated_by=["scope-own-auxiliary"])
    doc = load_nlp(rules_dir=packs[0])(text)
    assert "scope-own-auxiliary" not in {r for r, _, _ in doc._.rules_fired}
    before = [c._.claim["status"] for c in doc.spans["claims"] if c.text.startswith("The ferry")]
    doc = load_nlp(rules_dir=packs[1])(text)
    assert "scope-own-auxiliary" in {r for r, _, _ in doc._.rules_fired}
    after = [c._.claim["status"] for c in doc.spans["claims"] if c.text.startswith("The ferry")]
    assert before == ["rumored"] and after != before


def test_cues_unless_names_a_keep_rule(nlp_base, tmp_path):
    from claimx.claims.cues import CueTagger
    from claimx.errors import RulePackError

    pack = _pack_copy(tmp_path)
    _edit_rule(pack / "scope.jsonl", "scope-embedded", unless=["scope-keep-noun-predicate", "scope-gerund-subject"])
    with pytest.raises(RulePackError, match="scope-embedded.*scope-gerund-subject"):
        CueTagger(nlp_base, rules_dir=pack)


@pytest.mark.parametrize(
    "text, status",
    [
        ("Ann Mills, an analyst at a Leeds broker, said the airline's shares are cheap.", "confirmed"),
        ("Ann Mills, an analyst at a Leeds broker, said the airline's shares will rise.", "rumored"),
        ("Ann Mills, an analyst at a Leeds broker, said the airline looks to cut more routes.", "rumored"),
        ("A person close to the airline said its shares are cheap.", "rumored"),
        ("Ann Mills, an analyst at a Leeds broker, said the airline has lost its best routes.", "confirmed"),
        # named again by her surname alone, the analyst is still an assessor
        (
            "Ann Mills, an analyst at a Leeds broker, said fares will rise. The airline is short of pilots, Mills said.",
            "confirmed",
        ),
        ("An aide to the mayor said the depot has been sold.", "confirmed"),
        ("An aide to the mayor said the depot will be sold.", "rumored"),
    ],
)
def test_assessor_states_the_present_as_fact(analyse, text, status):
    # an analyst's (or an unnamed office holder's) account of how things
    # stand now, or stood, is a fact; a forecast, or an insider's word, is not
    records = [r for r in analyse(text) if "airline" in r.text or "depot" in r.text]
    assert records and records[-1].status == status, [(r.text, r.status) for r in records]


@pytest.mark.parametrize(
    "text, status",
    [
        # introduced as a professor (not as the source of anything), named
        # again as a source: still an assessor, whose account of now is a fact
        (
            "The survey was run by Ann Mills, a professor at a Leeds college, and two others. "
            "“The airline is short of pilots,” Ms. Mills said.",
            "confirmed",
        ),
        # … and whose forecast stays a rumour
        (
            "The survey was run by Ann Mills, a professor at a Leeds college, and two others. "
            "“The airline will cut more routes,” Ms. Mills said.",
            "rumored",
        ),
    ],
)
def test_assessor_introduced_outside_a_source_stays_an_assessor(analyse, text, status):
    records = [r for r in analyse(text) if "airline" in r.text]
    assert records and records[-1].status == status, [(r.text, r.status) for r in records]


def test_a_thing_that_shows_introduces_no_rumour_source(analyse):
    # "the photo Smith posted": a photo is no title of Smith's, so Smith stays a
    # maker whose plain word is the article's fact
    text = "The crowd was small, but the photo Smith posted showed a packed hall. Smith said the hall is full."
    (claim,) = [r for r in analyse(text) if r.text.startswith("Smith said")]
    assert claim.status == "confirmed", claim
    import spacy
    from spacy.matcher import Matcher

    from claimx.claims.cues import _first_token_split

    nlp = spacy.blank("en")
    pattern = [{"LOWER": {"IN": ["would", "'d", "would"]}}, {"LOWER": "rather", "OP": "?"}, {"LOWER": "wait"}]
    assert len(_first_token_split(pattern)) == 2
    assert _first_token_split([{"LOWER": {"IN": ["no"]}, "OP": "?"}, {"LOWER": "way"}]) == [
        [{"LOWER": {"IN": ["no"]}, "OP": "?"}, {"LOWER": "way"}]
    ]
    assert _first_token_split([{"LOWER": {"IN": []}}]) == [[{"LOWER": {"IN": []}}]]
    doc = nlp("They would wait, and we'd rather wait, but nobody would rather go.")
    whole, split = Matcher(nlp.vocab), Matcher(nlp.vocab)
    whole.add("X", [pattern])
    split.add("X", _first_token_split(pattern))
    assert split(doc) == whole(doc) and len(whole(doc)) == 2


def test_lead_in_supposes_its_list_items_until_the_list_ends(analyse):
    # "Imagine that X:" supposes each item paragraph after it, even one with
    # a negation of its own; the first paragraph that is not an item (a
    # subject of its own) ends the list and is stated again
    records = analyse(
        "Imagine that the new owner:\n\nSold the training ground to a developer.\n\n"
        "Never paid the youth coaches.\n\nFired three managers in one season.\n\n"
        "The supporters trust met on Tuesday."
    )
    assert _status_of(records, "Sold the training ground to a developer") == "rumored"
    assert _status_of(records, "Fired three managers in one season") == "rumored"
    assert _status_of(records, "The supporters trust met on Tuesday") == "confirmed"


def test_lead_in_without_a_supposition_leaves_its_items_alone(analyse):
    records = analyse("The club said that the new owner:\n\nSold the training ground to a developer.")
    assert _status_of(records, "Sold the training ground to a developer") == "confirmed"


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # a participle of inference set off from its clause hedges what it infers
        ("Ticket prices rose again in June, suggesting that demand for the tour remains strong.", "demand for the tour remains strong", "rumored"),
        ("The mayor angered the council by suggesting that the budget was padded.", "the budget was padded", "rumored"),
        # … a participle that shows or proves does not
        ("Ticket prices rose again in June, showing that demand for the tour remains strong.", "demand for the tour remains strong", "confirmed"),
        # a speculation noun that is the subject of a verb of its own is what the clause is about
        ("Speculation about the merger lifted the shares on Monday.", "Speculation about the merger lifted the shares", "confirmed"),
        ("Speculation grew that the coach would resign.", "the coach would resign", "rumored"),
    ],
)
def test_inference_and_speculation_nouns(analyse, text, evidence, status):
    assert _status_of(analyse(text), evidence) == status


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        ("The owners said they'd like to open a second shop next year.", "like to open a second shop", "expected"),
        ("It isn't yet clear whether the bridge will reopen in May.", "the bridge will reopen", "unconfirmed"),
        ("The club says it is committed to keeping the old stadium.", "committed to keeping the old stadium", "expected"),
    ],
)
@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_typographic_apostrophes_read_as_plain_ones(analyse, text, evidence, status, apostrophe):
    # published news writes "I’d", "isn’t": the token patterns of the pack match both forms
    assert _status_of(analyse(text.replace("'", apostrophe)), evidence.replace("'", apostrophe)) == status


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # a participle after its clause says what the clause brings about, hedged as much as the clause
        ("The tower is thought to have drawn two million visitors, making it the busiest site in the region.", "making it the busiest site", "rumored"),
        ("The council plans to shut the depot in May, leaving forty drivers without work.", "leaving forty drivers without work", "expected"),
        ("The tower drew two million visitors, making it the busiest site in the region.", "making it the busiest site", "confirmed"),
    ],
)
def test_result_participle_shares_the_hedge_of_its_clause(analyse, text, evidence, status):
    assert _status_of(analyse(text), evidence) == status


@pytest.mark.issue(11)
def test_issue11_cue_patterns_of_a_docs_words_match_as_all_of_them(nlp):
    """The patterns tried where they can start, and the Matcher of only the
    patterns whose first word a Doc holds, find the matches of the whole
    Matcher; where two rules match one span, the same rule first."""
    from pathlib import Path

    from claimx.read import read_corpus
    from claimx.schemas import Article

    root = Path(__file__).resolve().parent.parent.parent
    texts = [a.body for folder in (root / "corpus", root / "benchmarks" / "goldset-2" / "articles")
             for a in read_corpus(folder) if isinstance(a, Article)]
    texts += ["The launch could slip, and the makers would not say when it might ship.", "", "Yes."]
    cues = nlp.get_pipe("claimx_cues")
    assert cues._anchored_matcher is not None  # every cue pattern is one it reads
    docs = list(nlp.pipe(texts))
    for doc in docs:
        found, expected = cues._pattern_matches(doc), cues.patterns(doc)
        assert sorted(found) == sorted(set(expected)) and len(found) == len(set(found))  # spaCy may repeat one
        first: dict[tuple[int, int], int] = {}
        for key, start, end in expected:
            first.setdefault((start, end), key)
        for key, start, end in found:
            assert next(k for k, s, e in found if (s, e) == (start, end)) == first[(start, end)]
    # the Matcher of a Doc's patterns (where two rules match one span): the whole Matcher's matches in its order
    fast, cues._anchored_matcher = cues._anchored_matcher, None
    try:
        cues._subsets.clear()
        for doc in docs:
            assert cues._pattern_matches(doc) == cues.patterns(doc)
        assert cues._subsets and all(len(n) < len(cues._anchored) for n in cues._subsets)
    finally:
        cues._anchored_matcher = fast
    assert any(cues.patterns(doc) for doc in docs)


@pytest.mark.parametrize(
    "text, word, status",
    [
        # a refusal negates what is refused; the refusing itself is a fact
        ("The mayor refused to sign the new budget on Friday.", "refused", "confirmed"),
        ("The mayor refused to sign the new budget on Friday.", "sign", "denied"),
        ("The ferry company declined to comment on the strike.", "declined", "confirmed"),
    ],
)
def test_cues_refusal_negates_its_complement_not_itself(nlp, text, word, status):
    import claimx

    doc = nlp(text)
    start = text.index(word)
    assert claimx.status_of(doc, start, start + len(word)).status == status


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # a complement clause of a hedging noun outside the claim keeps its hedge
        ("The bank declined to comment on reports that its chief had resigned.", "its chief had resigned", "rumored"),
        ("The club would not comment on rumors that the coach had been sacked.", "the coach had been sacked", "rumored"),
        # a noun that hedges nothing passes no status on
        ("The club would not comment on news that the coach had been sacked.", "the coach had been sacked", "confirmed"),
        # an estimate is a forecast of a figure, not a count
        ("Other estimates put the cost of the bridge far higher.", "Other estimates put the cost of the bridge far higher", "rumored"),
        ("The agency estimates the number of empty homes at 40,000.", "The agency estimates the number of empty homes at 40,000", "rumored"),
        # "seemed" that the parser takes for an auxiliary still hedges
        ("The goalkeeper seemed rattled by the boos from the home crowd.", "The goalkeeper seemed rattled by the boos from the home crowd", "rumored"),
        # an estimate named in a free relative leaves its clause alone
        ("The repairs cost what the council estimated was a fair price.", "The repairs cost what the council estimated was a fair price", "confirmed"),
    ],
)
def test_cues_hedges_of_nouns_estimates_and_seem(analyse, text, evidence, status):
    records = {r.text: r.status for r in analyse(text)}
    assert records.get(evidence) == status, records


@pytest.mark.parametrize(
    "text, evidence, status",
    [
        # a frame kept in one claim with its "that" clause: a status cue of
        # the frame's own sets the claim's status, ahead of the clause's cues
        ("It is no secret that the coach plans to leave in May.",
         "It is no secret that the coach plans to leave in May", "confirmed"),
        ("It was no secret that the owner expected to sell the hotel.",
         "It was no secret that the owner expected to sell the hotel", "confirmed"),
        # a frame with no cue of its own leaves the status to the clause's cues
        ("It is plain to us that the ferry service will not resume this winter.",
         "It is plain to us that the ferry service will not resume this winter", "denied"),
        ("It is a common view among growers that the frost may have come early.",
         "It is a common view among growers that the frost may have come early", "rumored"),
    ],
)
def test_cues_kept_frame_with_a_cue_of_its_own_sets_the_status(analyse, text, evidence, status):
    records = {r.text: r.status for r in analyse(text)}
    assert records.get(evidence) == status, records
