"""Quality floors on the dev chains (issue 13): the roll-up, fed one article at
a time in published order, keeps the tracked facts it gets right. A rule change
that loses a chain's final status, or the chains' figures together, fails here.

Floors sit at the figures measured when they were set (see the commit that
last raised them); raise them with the figures, never lower them quietly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimx.evaluate import evaluate_chain, load_chain_articles
from claimx.pipeline import extract_articles

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

#: chain -> final status right, at least
STATUS_FLOORS: dict[str, tuple[Path, int]] = {
    "devset": (SHARED / "devset", 5),
    # 18 (was 17) since the sixteenth session: a firm's debt and costs are facts of their own
    # 19 (s19): "envisioned the process would take" expects the length it gives
    # 20 (s23 slots): "in addition to" the funds had before names further funding
    "gm-bankruptcy": (SHARED / "realdev" / "chains" / "gm-bankruptcy", 20),
    "boeing-787": (ROOT / "benchmarks" / "chains" / "boeing-787", 13),
    "chrysler": (ROOT / "benchmarks" / "chains" / "chrysler", 12),
    "tablet-leak": (ROOT / "benchmarks" / "chains" / "tablet-leak", 13),
    "transfer-saga": (ROOT / "benchmarks" / "chains" / "transfer-saga", 9),
    "airline-takeover": (ROOT / "benchmarks" / "chains" / "airline-takeover", 10),
    # 11 (was 12) since the fifteenth session: the A380's release in the article on its
    # first commercial flight rested on "the soon-to-open terminal", a word in passing
    # 12 in the eighteenth: the cost of a project, over budget, is its development cost (no price)
    # 13 (s28 chains): a clause after the predicate that dates it names no fact of the claim
    "airbus-a380": (ROOT / "benchmarks" / "chains" / "airbus-a380", 13),
    # 5 (was 4) in the nineteenth: "this" as a subject stands for the sentence before, and its subject;
    # 7: "both" stands for the last two names before it, and its claim speaks of each
    "air-force-tanker": (ROOT / "benchmarks" / "chains" / "air-force-tanker", 7),
    # held until the sixteenth session, then made a read chain (MEANTIME, annotated twice)
    # 18 (was 11): results and sales are a fact per period as well as a running figure;
    # 19: an article whose title names a product in full follows it, not its maker;
    # 21: a plant named by its own name holds its closure; 23: debt and costs are slots;
    # 24: market share is a slot; 25: a flow named beside a claim's own is of the period written by it;
    # 26: a post in apposition to a person states that the person holds it;
    # 27: each item of a list the act governs is acted on ("close its X plant, Y and the Z plant");
    # 28: a firm's financial targets are a slot of their own; 29 (s19 history): "expects to continue to be
    # profitable" says it is; 29 (s19 groups): a share of a group ("12% of its officers") is governed by what
    # governs the share; firing executives is a fact of its own (executive cuts)
    # 30: both of those together; 31: a model's discontinuation (discontinued, phased out) is a production fact
    # 32 (s23 history): a claim of the article's lede speaks for it as one naming the subject does
    # 33 (s27 chains): a title's short name the lead writes as the start of an organisation's full name is that one
    "ford-restructuring": (ROOT / "benchmarks" / "chains" / "ford-restructuring", 33),
    # PolNeAR articles, not committed: written by benchmarks/realnews/build.py
    # 10 (s24 history): "had no trouble ... in endorsing" is no denial of the endorsing (Pence's of Ryan)
    # 11 (s26 history): a title beside a name ("Republican presidential nominee Donald Trump") states its fact
    "ryan-trump": (ROOT / "benchmarks" / "chains" / "ryan-trump", 11),
    # a real chain annotated blind in the twentieth session (PolNeAR, not committed), read from the twenty-first;
    # 4 (s21 history): a claim that counts an attribute's noun speaks for it; 6 (s21 groups): a candidacy and a
    # front-runner are slots of their own, leaving a race denies the candidacy; 7 with both; 8: a speaker's
    # title after the verb of saying is a crew fact keyed by the speaker (s21 topic2)
    # 11 (s29 history): leaving the race speaks over a claim that only names the candidacy
    # 12 (s30 chains): a contest's place however the claim writes it ("won the primary there", "that state's primary")
    "cruz-2016": (ROOT / "benchmarks" / "chains" / "cruz-2016", 12),
    # four real political chains of PolNeAR articles annotated blind in the twenty-eighth session (not
    # committed); garland-nomination and rubio-2016-campaign are check chains, only scored
    # 8 (was 7): a contest is a fact per place ("the Ohio primary"); a presidential campaign is a candidacy
    # 10 (s29 history): a campaign suspended or ended, or "dropped out of" a race, speaks for its fact as
    # denied, and over a claim that only names it; "all but clinched" expects
    # 11 (s30 chains): a contest named only by its outcome ("won Ohio", "a victory in Utah") is that place's
    # 14 (s30 chains2): a person named after another's act of ousting leaves the crew ("fired his campaign
    # manager, X"); another party's possessive figure is its own ("compared to X's 538"); an ending with another
    # party's name before its words is that party's; a hedge in an aside after the main clause is the aside's
    "trump-gop-nomination": (ROOT / "benchmarks" / "chains" / "trump-gop-nomination", 14),
    "clinton-private-email": (ROOT / "benchmarks" / "chains" / "clinton-private-email", 3),
    "garland-nomination": (ROOT / "benchmarks" / "chains" / "garland-nomination", 3),
    "rubio-2016-campaign": (ROOT / "benchmarks" / "chains" / "rubio-2016-campaign", 5),
    # three check chains of PolNeAR articles annotated blind in the twenty-ninth session (not committed)
    # 5 (s30 chains): a contest's place however the claim writes it, or named only by its outcome
    # 5 (s30 chains2, scored only): a hedge in an aside after the main clause ("…, in what could") is the aside's
    "kasich-primaries": (ROOT / "benchmarks" / "chains" / "kasich-primaries", 5),
    "kasich-campaign": (ROOT / "benchmarks" / "chains" / "kasich-campaign", 1),
    "syria-refugees": (ROOT / "benchmarks" / "chains" / "syria-refugees", 0),
    # two check chains of PolNeAR articles annotated blind in the thirtieth session (not committed)
    "trump-border-wall": (ROOT / "benchmarks" / "chains" / "trump-border-wall", 1),
    "vp-picks-2016": (ROOT / "benchmarks" / "chains" / "vp-picks-2016", 1),
}
#: all dev chains together: group found, final status, whole history, value (of 414 facts)
# tablet-leak history 9 (was 10) since the thirteenth session: tablet-leak's spec-leak article
# now sources "…, a trade newsletter, which said A began mass production" to the
# newsletter (was "The leak"), and a past report of a past event reads confirmed
# 121/101/61/94 since the fourteenth session (roll-up history +2 value, groups +1 status -1 value)
# 122/101/61/94 in the fifteenth: a slot word modifying a narrower slot's noun is that slot's;
# 123/102/62/95: a role noun ("the nominee") stands for the one person the article gives it;
# 123/103/62/95: "assistance" is funding; 123/104/63/95: a party's fact is the one its noun belongs to;
# 123/104/63/96: a predicate joined by "and" names its own fact in the roll-up
# 123/103/63/96 (airbus-a380 status -1 with the topic rules of the same session: a topic word in passing in an
# article that follows no topic makes no fact of that topic)
# 136/114/70/100 of 212 in the sixteenth: ford-restructuring (13/11/7/4 of 54) joined the dev chains
# 143/121/75/103: results and sales are a fact per period ("Q3 2009 results") beside the running figure
# 146/122/75/104: an article whose title names a product in full ("Ardent Vela to return") follows the product
# 146/122/76/105: "whose" stands for the name its clause follows ("the Vela X, whose sales fell");
# a short name fitting several longer ones stands for the one named far more often
# 148/124/78/107: a place named by its own name before a slot's word holds its fact ("the Leeds plant": its closure)
# 150/127/79/109: a firm's debt and its costs are slots of their own (no longer a price)
# 151/128/79/109: a firm's market share is a slot of its own
# 150 found (was 151) once merged with the topic word senses of the same session: ford's Taurus
# release date was "found" only through "pushed the other automakers to follow suit" read as a release
# 151/128/79/109 with the second round's topic rules ("introduce" a product is a launch)
# 151/128/79/110 in the seventeenth: a range the tagger cut after its first figure is the value whole ("25,000 to 30,000")
# 152/129/80/111: a flow named beside a claim's own is of the period written nearest it ("its April sales")
# 152/130/81/112: a post in apposition to a person states that the person holds it ("its chief executive, X, …")
# 152/130/82/115: a company's name with and without its legal form is one subject ("Ridgeway Motors Co.")
# 152/130/83/115: what a claim dates before the last article that spoke to its fact does not speak ("In 2025 it lost …")
# 153/131/83/116 in the eighteenth: each item of a list (or an apposition) is governed by the verb of its first ("will shut its Leeds, Yorkshire plant, …")
# 154/132/84/117: a firm's financial targets (met, missed, cut guidance) are a slot of their own
# 156/132/84/117: a slot word modifying the noun of a fact's own slot names a narrower fact ("more aid", "two more plants": further funding, more closures)
# 157/133/85/118: the cost of a project or programme (beside its budget) is its development cost, not a price
# 157/133/86/118: with the history branch (merged)
# 152/131/83/115 in the eighteenth: an article where most claims name no topic at all follows no topic
# (a topic word in passing there makes no fact of that topic)
# 152/131/82/115: there, a word of a topic the article does not keep to makes a fact only as the predicate
# itself (ryan-trump found/status/value +1; ford-restructuring loses the Ford Taurus title fact, -1 each)
# 157/134/86/118: the groups, history and topic branches merged (ford loses its Taurus title fact, ryan-trump gains)
# 157/136/87/118 (s19 history): a slot word only after "without a/any" denies its fact, only after "remain"/"continue
# to be" confirms it, "envisaged … would" expects it (gm-bankruptcy status +1 history +1, ford status +1)
# 158/135/87/119 in the nineteenth: "this" or "that" as a clause's subject stands for what the sentence
# before told, and so for the subject of its last claim ("… production moves to a new hall. This will create 800 jobs")
# 160/137/88/121: "both" as a subject (or on its noun) stands for the last two names written before it
# that are no modifier of a noun ("Orvik executive Lars Odell"); the claim is filed under each
# 162/138/89/123: renegotiating (an agreement, its terms) is a contract's fact; a share of a group
# ("fire 12% of its officers", "close two of its plants") is governed by what governs the share (a slot's
# heads); cuts of executives, officers and managers are a fact of their own (executive cuts)
# 162/140/90/123: the history and groups branches of the nineteenth merged
# 163/140/89/124: a court's facts are slots of their own (trial, verdict, plea, appeal, lawsuit,
# settlement, arrest), and an article of ``other`` facts alone follows no topic; ryan-trump found 12 -> 13
# and value 11 -> 12, its history 6 -> 5 (a Pence endorsement claim the extractor reads as denied,
# "had no trouble ... in endorsing", is now filed in its group)
# 173/143/91/127 of 242: cruz-2016 (30 facts; 10/3/2/3 when it joined, after the twentieth session's merges)
# joined the dev chains; the other dev chains at 163/140/89/124 of 212
# 178/146/93/131: a candidacy (running, remaining candidate, leaving the race) and a front-runner are slots of
# their own, and leaving a race denies the candidacy (cruz-2016 10/3/2/3 -> 14/6/4/6, ryan-trump found and value +1)
# 180/147/93/133: a model's discontinuation is a production fact of its own (ford-restructuring 32/30/23/21 -> 34/31/23/23)
# 180/147/94/133: "which" after a common noun a name is compounded onto ("the Vela X hatchback, which …")
# stands for that name (ford-restructuring history 23 -> 24)
# 173/143/92/127: a clause opening on "when" right after a date is of that date's period ("beats
# 2026, when the ferry line lost £3 million": 2026's results; ford-restructuring history +1)
# 173/144/93/127: of an attribute keyed on its own noun, a claim that counts it ("won 14 delegates")
# speaks over one that only names it, and gives its value (cruz-2016 status 3 -> 4, history 2 -> 3)
# 180/147/96/133: the groups and history rules of the twenty-first session together
# 181/148/96/133: a speaker's title after the verb of saying is a crew fact of its own (cruz-2016 14/7 -> 15/8)
# 181/148/96/134 (s22 history): a claim recalling long past history speaks without a value ("built there since
# 1998"; ford-restructuring value +1); 181/148/97/134: a post named with its firm's name ("Ridgeway CEO Dana Holt
# said …") speaks for that person's crew fact from a claim filed under another subject (ford history +1)
# 181/149/98/134 (s23 history): a claim of the article's lede, its first sentence that holds a claim, speaks
# for it as strongly as one that names the subject ("will rename the Vela", before a forecast denied of what
# the new name brings; ford-restructuring status 31 -> 32, history 26 -> 27)
# 181/150/98/135 (s23 slots): a funding claim that gives its sum "in addition to" funds had before is further
# funding, not the funding it adds to (gm-bankruptcy 22/19/9/16 -> 22/20/9/17)
# 181/151/99/136 (s24 history): a person's move (a cast or crew claim) that names a business fact of its
# subject speaks to it ("joined for a fee of €24m plus €3m in add-ons"; transfer-saga history and value +1);
# 181/152/100/136: "had no trouble ... in endorsing" is no denial (ryan-trump status and history +1)
# 181/152/99/135 (s24 subjects): a clause that names no subject of its own speaks of what the claim before it
# in its sentence named, not of the article's main subject (cruz-2016 15/9/5/6 -> 16/10/6/7, air-force-tanker
# 11/7/5/8 -> 10/7/5/7)
# 181/153/101/136: both merged
# 181/153/102/136 (s25 history): an act towards what a person owns is towards the person only when it is
# their bid ("support Kerr's campaign"), not their agenda or plan ("support Kerr's agenda": no endorsement
# of Kerr; ryan-trump history 6 -> 7)
# 181/154/102/136 (s26 history): a title beside a person's name ("presumptive nominee Dana Holt", "Holt,
# the only Green candidate") speaks for the fact it states of them (their nomination, their candidacy) in an
# article with no claim of its own there (ryan-trump status 10 -> 11, steps right 15 -> 19; cruz-2016 steps right 8 -> 9)
# 181/154/103/136: "support Brandt's campaign" is an endorsement of Brandt whatever tag the name gets (a proper
# noun the tagger reads as a body), and "not ready to support Kerr's agenda" is an act towards the thing of hers,
# keyed "Kerr agenda" (ryan-trump 14/11/7/13 -> 14/11/8/13, steps right 19 -> 21, extra 2 -> 1)
# 182/155/104/137 (s27 chains): a title's short name ("Ford") that the lead first writes as the start of a
# longer organisation's name ("… providing Ford Australia with …") is that organisation: the article follows
# it (ford-restructuring 34/32/27/24 -> 35/33/28/25)
# 183/156/104/137 (s28 chains): a clause after the predicate that dates it ("the jets will be repainted
# after the summer tour ends") names no fact of the claim (a ``time_adjunct`` rule): an A380 claim of its
# engines is their fact, not a tour's (airbus-a380 14/12/6/10 -> 15/13/6/10)
# 215/175/110/146 of 332: the four political chains of the twenty-eighth session joined (26/15/6/8 of 90 at its
# start, 32/19/6/9 with its slots: a contest per place, "presidential campaign" a candidacy)
# 218/175/111/148 (s29 chains): an event a name marks is the subject of a business claim too ("Calder's campaign
# raised $3 million"), a quantity stands for what it counts and a release claim's object is what it is about
# ("released 900 pages of Calder's emails"); trump-gop-nomination 13/8/1/1 -> 14/8/1/2, clinton-private-email
# 3/3/2/2 -> 5/3/3/3; 219/175/111/149: a post on a campaign is the campaign's ("her campaign manager, Tom Reyes":
# Calder campaign; trump-gop-nomination 14/8/1/2 -> 15/8/1/3)
# 219/178/112/153 of 332 with the chains2 branch of the twenty-ninth session (merged); 228/183/113/155 of 382
# with the three check chains annotated blind in that session (9/5/1/2 of 50 at its start and end)
# 230/186/114/156 (s30 chains): a contest held per place is keyed by the place however the claim writes it
# (the predicate's "won the primary in Ohio", "there", "that state's primary") and named only by its outcome
# ("won Ohio", "a victory in Utah"); cruz-2016 16/11/6/8 -> 17/12/7/8, trump-gop-nomination 15/10/2/6 ->
# 16/11/2/6, kasich-primaries (check) 8/4/0/2 -> 8/5/0/3
# (of 382)
# 228/188/116/161 of 382 (s30 chains2, roll-up only): an ousted person leaves (status +1); a contest of one place
# has one day for every party (value +1); another party's possessive figure is its own (status +1, history +2,
# value +2, kasich-primaries value +1); an ending with another party's name before its words is that party's
# (status +1) and takes its sentence's date (value +1); a milestone that happens once is not told again for a later
# day (history +1), and first told done undated took place on its article's day (value +1); a hedge in an aside
# after the main clause is the aside's (trump-gop-nomination and kasich-primaries status +1 each)
# 232/191/118/162 of 414 with both chain branches of the thirtieth session (merged) and the two check chains
# annotated blind in that session (2/2/1/1 of 32 at its start and end)
# 232/191/118/163 (s31 chains2, roll-up only): a thing told done "already" or "previously" in the past perfect
# is background even in a clause of saying ("said that the maker had already received aid"): gm-bankruptcy value +1
TOTAL_FLOORS = {"found": 232, "status": 191, "history": 118, "value": 163}


def _build_articles(folder: Path) -> None:
    """Write a chain's PolNeAR articles (not committed) from the shared copy, when they are missing."""
    if (folder / "articles").is_dir() and any((folder / "articles").glob("*.md")):
        return
    benchmarks = SHARED / "benchmarks"
    if not (benchmarks / "polnear").is_dir():
        pytest.skip(f"no PolNeAR copy under {benchmarks} to write {folder.name}'s articles")
    import importlib.util

    spec = importlib.util.spec_from_file_location("realnews_build", ROOT / "benchmarks" / "realnews" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(benchmarks)


@pytest.fixture(scope="module")
def results():
    out = {}
    for name, (folder, _) in STATUS_FLOORS.items():
        if not (folder / "status_gold.jsonl").is_file():
            pytest.skip(f"chain {folder} is not here")
        _build_articles(folder)
        predictions = extract_articles(load_chain_articles(folder), progress=False)
        out[name] = evaluate_chain(folder, predictions=predictions)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(STATUS_FLOORS))
def test_chain_final_status_floor(results, name):
    assert results[name].status >= STATUS_FLOORS[name][1], [
        (f.subject, f.key, f.gold_status, f.pred_status) for f in results[name].facts if not f.status_right
    ]


@pytest.mark.slow
def test_chain_total_floors(results):
    totals = {k: sum(getattr(r, k) for r in results.values()) for k in TOTAL_FLOORS}
    assert all(totals[k] >= floor for k, floor in TOTAL_FLOORS.items()), (totals, TOTAL_FLOORS)
