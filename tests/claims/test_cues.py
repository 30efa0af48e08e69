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
        ("Rosa Salazar is confirmed to reprise her role.", "Rosa Salazar is confirmed to reprise", "confirmed"),
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
        ("The company has yet to announce a price.", "has yet to announce a price", "unconfirmed"),
        ("The company has yet to receive a licence.", "has yet to receive a licence", "denied"),
        ("The board has not ruled out a higher offer.", "has not ruled out a higher offer", "rumored"),
        # a negated expectation is denied
        ("The actor is not expected to return.", "is not expected to return", "denied"),
        ("Analysts say a rival bid is unlikely.", "a rival bid is unlikely", "denied"),
        # source authority: unnamed insiders and fans make a claim rumored
        (
            "According to people familiar with the matter, the studio wants a summer release.",
            "the studio wants a summer release",
            "rumored",
        ),
        ("Fans anticipate she will leave the city.", "Fans anticipate she will leave the city", "rumored"),
        # conditionals and questions are not confirmed
        ("If the deal closes, the firm will move to London.", "the firm will move to London", "rumored"),
        # plain assertions
        ("The company cancelled the project in 2017.", "cancelled the project in 2017", "confirmed"),
        # what a leak shows is rumored: a leaked subject, a leaked spec sheet, "looks like"
        ("The leaked unit pairs the chip with 16GB of RAM and runs an early build of the software.", "runs an early build", "rumored"),
        ("The leaked unit pairs the chip with 16GB of RAM and runs an early build of the software.", "pairs the chip", "rumored"),
        ("The unit pairs the chip with 16GB of RAM.", "pairs the chip", "confirmed"),
        ("According to a spec sheet shared online, the phone runs on a new chip.", "the phone runs on a new chip", "rumored"),
        ("The camera bar looks slightly thicker than before.", "looks slightly thicker", "rumored"),
        # a question answered: "Asked whether X, she said no" is one claim, its answer's status
        ('Asked whether the game was planned for 2025, the spokesperson said "no".', "Asked whether the game", "denied"),
        ("Asked if the film would return next year, the director said yes.", "Asked if the film", "confirmed"),
        # a "that" clause the parser hangs on a noun after the reporting verb is still the report
        ("The company said in a statement that the game will not ship this year.", "the game will not ship", "denied"),
        ("We can say with confidence that the game will not come out in 2026.", "the game will not come out", "denied"),
        # negated verbs of telling or deciding, with or without a particle, leave it unknown
        ("The agent did not respond to questions about the talks.", "did not respond to questions", "unconfirmed"),
        ("The board has yet to sign off on a bigger budget.", "has yet to sign off", "unconfirmed"),
        ("The demo has a multiplayer mode, which the studio has never mentioned.", "has never mentioned", "unconfirmed"),
        # "could not be ruled out" is a possibility, not a denial
        ("Another delay could not be ruled out.", "could not be ruled out", "rumored"),
        # denials by negative subject or by calling a report false
        ("Nobody has fallen out over the dates.", "Nobody has fallen out", "denied"),
        ("Reports that he would play the villain are simply untrue.", "are simply untrue", "denied"),
        ("A spokesperson called the reports pure fiction.", "called the reports pure fiction", "denied"),
        # expectation cues
        ('Dates in Asia are "coming soon".', "Dates in Asia are", "expected"),
        ("The club remain confident of completing the deal.", "remain confident of completing", "expected"),
        # "the streamer" is a TV service that speaks for itself, not a live streamer
        ("The streamer reports quarterly subscriber numbers on October 21.", "reports quarterly subscriber numbers", "confirmed"),
        # an analyst introduced in apposition, or named again later, forecasts: rumored
        ("Jane Roe, an analyst at Kestrel Insight, said she expects the game to launch in May.", "she expects the game to launch", "rumored"),
        (
            "Supply-chain analyst Tom Reiner said the part is late. Reiner expects the studio to unveil the phones in March.",
            "Reiner expects the studio to unveil",
            "rumored",
        ),
        ("The studio expects to unveil the phones in March.", "expects to unveil the phones", "expected"),
        ("She forecasts first-year sales of around four million copies.", "forecasts first-year sales", "expected"),
        # "appear" hedges as "appear to" or with an adjective, not as "appear in"
        ("The actor appears in the new thriller.", "appears in the new thriller", "confirmed"),
        ("The tray appears to have moved to the top edge.", "appears to have moved", "rumored"),
        # questions, litotes, idioms, pending decisions
        ("Might the studio simply not be ready to talk?", "not be ready to talk", "rumored"),
        ("A reveal in two weeks would not be a surprise.", "would not be a surprise", "rumored"),
        ("The rival studio wasted no time claiming the date.", "wasted no time claiming", "confirmed"),
        ("Its prices are not final.", "prices are not final", "unconfirmed"),
        ("A premiere date has not been fixed.", "has not been fixed", "unconfirmed"),
        ("The studio insisted the delay has nothing to do with budget.", "has nothing to do with budget", "denied"),
        ("The film had been dated for March 2027.", "had been dated for March 2027", "expected"),
        # a leaked document as the subject is the claim's source
        ("The listing priced the watch at €349 for the Wi-Fi model.", "priced the watch at €349", "rumored"),
        ("Jane Roe of Fathom Insights expects the console to sell five million units.", "expects the console to sell", "rumored"),
        # "no" on an object denies the event, whatever the verb
        ("On its new date, the film faces no major competition.", "faces no major competition", "denied"),
        # an absolute with no cue of its own shares its clause's hedge, not its certainty
        ("The launch is reportedly set for May 13, with pre-orders opening the same day.", "with pre-orders opening", "rumored"),
        ("The launch is set for May 13, with pre-orders opening the same day.", "with pre-orders opening", "expected"),
        ("The phone went on sale on May 13, with stores opening early.", "with stores opening early", "confirmed"),
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
    "text, evidence",
    [
        # complement words set the status of the event they govern (see
        # claimx.target), never of the claim that states them
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
            "The studio has not commented on the leak. The expansion will add a boss rush mode.",
            "The expansion will add a boss rush mode",
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
        ("Analysts at Lumen estimate that Apple shipped fewer than 500,000 units.", "Apple shipped fewer than 500,000 units", "rumored"),
        ("Shares fell 9% on Monday, an analyst at Lumen said.", "Shares fell 9% on Monday", "confirmed"),
        # an absolute the parser makes a "with" clause shares its clause's hedge
        (
            "Apple is reportedly preparing to unveil glasses next year, with a launch to follow in 2027.",
            "a launch to follow in 2027",
            "rumored",
        ),
        # a "not" that negates a noun phrase leaves its clause alone
        ("The event will take place on August 20 in New York, not August 13.", "The event will take place on August 20", "confirmed"),
        ("On Monday the band confirmed part of the story, though not the part most fans want.", "the band confirmed part of the story", "confirmed"),
        # one on the verb negates it
        ("The event will not take place on August 20.", "The event will not take place on August 20", "denied"),
        # a wish ("would like to") is a plan, not a conditional "would"
        ("The company would like to open ten stores next year.", "The company would like to open ten stores next year", "expected"),
        # a thank-you said that way is done in the saying
        ("The airline would like to thank its staff for their hard work.", "The airline would like to thank its staff", "confirmed"),
        # a schedule word read as the object of "have" still schedules
        ("Pixar has an untitled original set for summer 2027.", "Pixar has an untitled original set for summer 2027", "expected"),
    ],
)
def test_cues_status_of_the_claim_holding(analyse, text, evidence, status):
    """The status of the claim whose text holds ``evidence``."""
    records = {r.text: r.status for r in analyse(text)}
    match = [t for t in records if evidence in t]
    assert match, records
    assert records[match[0]] == status, records
