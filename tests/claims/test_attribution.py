"""Attribution: who says it, and of which kind."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, source, kind",
    [
        ("Valve spokesperson Doug Lombardi said the game is not in development.", "Valve spokesperson Doug Lombardi", "named"),
        ("According to people familiar with the matter, the deal is close.", "people familiar with the matter", "unnamed"),
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
        ("G-Man actor Mike Shapiro has denied recording new lines for the game.", "G-Man actor Mike Shapiro"),
        ("The board has not ruled out engaging with the bidder.", "The board"),
        ("Producer Jon Landau continues to confirm talks about the sequel.", "Producer Jon Landau"),
    ],
)
def test_attribution_speech_act_subject_is_the_source(analyse, text, source):
    records = analyse(text)
    assert records and records[0].attribution is not None
    assert records[0].attribution.text == source


def test_attribution_passive_cue_verb_names_no_source(analyse):
    records = analyse("The sequel is officially in development and widely anticipated for 2025.")
    assert records and all(r.attribution is None for r in records)


@pytest.mark.parametrize(
    "text",
    ["The club has not said whether a new contract would include a release clause.", "Google has yet to confirm any of the specifications."],
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
            '"We are not making it," studio spokesperson Dana Whitfield told Eurogamer in a statement. '
            "He said Orion is an internal name for tools work that is shared across several games, "
            'and that the studio has "nothing to announce" this year.',
            "nothing to announce",
            "studio spokesperson Dana Whitfield",
        ),
        # a participle on a noun of a reported claim is part of the report
        (
            "Leaker Sam Ortiz expects the studio to reveal the game at the summer showcase, followed by a release early next year.",
            "followed by a release",
            "Leaker Sam Ortiz",
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
        ("Jane Roe, an analyst at Kestrel Insight, said the game will slip.", "Jane Roe, an analyst at Kestrel Insight"),
        # a clause set off by commas says more about them and is left out
        ("Tom Reiner, who has tracked the firm for years, said the phone will slip.", "Tom Reiner"),
    ],
)
def test_attribution_source_span_says_who(analyse, text, source):
    found = [r.attribution.text for r in analyse(text) if r.attribution is not None]
    assert found and found[0] == source, found


def test_attribution_coordinated_clause_with_its_own_evidential_keeps_none(analyse):
    records = analyse(
        "Northwind could return with a higher offer, people familiar with its thinking said, "
        "and the company is understood to have hired advisers."
    )
    by_text = {r.text: r for r in records}
    hired = [r for t, r in by_text.items() if "understood to have hired" in t]
    assert hired and hired[0].attribution is None, [(r.text, r.attribution) for r in records]


def test_attribution_nobody_is_no_source(analyse):
    records = analyse("The band did not address those dates, and none of the venues has announced them.")
    assert records and all(r.attribution is None for r in records), [(r.text, r.attribution) for r in records]


@pytest.mark.parametrize(
    "text, status",
    [
        # an outlet that reports passes on what others told it
        ("Bloomberg reported that the company will close the plant in March.", "rumored"),
        # an office holder who reports speaks for the company
        ("Ford chief executive Alan Mulally has reported that Ford will rename the sedan.", "confirmed"),
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
        ('"The truck is done. The cells are not," said chief executive Owen Castellano.', "The truck is done", "chief executive Owen Castellano", "confirmed"),
        # a quotation that continues the last one
        (
            '"We wanted the extra time to get the triplets right," said director Walt Dohrn. "The triplets are teenagers now."',
            "The triplets are teenagers now",
            "director Walt Dohrn",
            "confirmed",
        ),
        # a quotation whose sourced sentence is no claim takes the reporter beside it
        (
            '"Nothing else is booked yet. Let\'s see how three nights go," frontwoman Esme Larkin said.',
            "Nothing else is booked yet",
            "frontwoman Esme Larkin",
            "denied",
        ),
        # a quotation in a new paragraph does not continue the last one
        ('"We wanted more time," said director Walt Dohrn.\n\n"The film opens in May."', "The film opens in May", None, "confirmed"),
        # a coordinated clause with a verb that could report is no reporter unless it trails
        (
            "Theo Marchetti is said to be seeking $1 million an episode, and Ama Boateng is reportedly asking for a similar figure.",
            "Theo Marchetti is said to be seeking $1 million an episode",
            None,
            "rumored",
        ),
        # a time clause is taken for granted, not reported by "according to"
        (
            "According to sources familiar with the project, Hugh Jackman could return after the last film grossed $1.3 billion.",
            "the last film grossed $1.3 billion",
            None,
            "confirmed",
        ),
    ],
)
def test_attribution_of_quotations_and_neighbours(analyse, text, claim, source, status):
    records = {r.text: r for r in analyse(text)}
    assert claim in records, list(records)
    found = records[claim].attribution
    assert (found.text if found is not None else None) == source
    assert records[claim].status == status
