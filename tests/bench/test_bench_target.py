"""claimx.claims.target.status_of: the status claimx gives a target span."""

from __future__ import annotations

import datetime as dt

import pytest

from claimx.claims.target import TargetStatus, status_of

TEXT = (
    "Northwind Rail will display the trains they intend to launch on the coast line. "
    "Apple may release a possible phone, analysts said. "
    "The company did not confirm the report."
)


@pytest.fixture(scope="module")
def doc(nlp):
    d = nlp.make_doc(TEXT)
    d._.published = dt.date(2020, 1, 1)
    return nlp(d)


def _at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


@pytest.mark.parametrize(
    "word,status,source",
    [
        ("display", "confirmed", "claim"),  # the claim's own predicate: a plain "will" statement
        ("intend", "confirmed", "claim"),  # a stance word is itself a fact
        ("launch", "expected", "claim"),  # hedged by "intend" on the way to the claim's head
        ("release", "rumored", "claim"),  # "may"
        ("report", "confirmed", "claim"),  # a nominal event in the claim is presupposed
        ("said", "confirmed", "scope"),  # the reporter: "may" of the reported clause does not count
        # a negated verb of telling: the claim is unconfirmed, the act of confirming did not happen
        ("confirm", "denied", "scope"),
    ],
)
def test_target_status_of_table(doc, word, status, source):
    result = status_of(doc, *_at(word))
    assert isinstance(result, TargetStatus)
    assert (result.status, result.source) == (status, source)
    # a reporting verb inside a claim is held by it but decided by its own scope
    assert (result.claim is None) == (source == "scope" and word != "confirm")


def test_target_status_of_reports_cues_and_claim(doc):
    result = status_of(doc, *_at("release"))
    assert [c["text"] for c in result.cues] == ["may"]
    assert result.claim is not None
    assert TEXT[result.claim["start"] : result.claim["end"]].startswith("Apple may release")
    assert result.attribution is not None
    assert result.to_dict()["status"] == "rumored"


def test_target_status_of_noun_in_np_gets_its_own_hedge(doc):
    """"a *possible* phone": the adjective hedges the noun; the clause's "may" does not."""
    result = status_of(doc, *_at("phone"))
    assert result.status == "rumored"
    assert [c["text"] for c in result.cues] == ["possible"]


def test_target_status_of_needs_processed_doc(nlp):
    with pytest.raises(ValueError, match="claimx pipeline"):
        status_of(nlp.make_doc("Plain text."), 0, 5)


def test_target_status_of_empty_span_raises(doc):
    with pytest.raises(ValueError):
        status_of(doc, len(TEXT) + 5, len(TEXT) + 9)


def test_target_status_of_custom_tagger(nlp, doc):
    result = status_of(doc, *_at("release"), tagger=nlp.get_pipe("claimx_cues"))
    assert result.status == "rumored"


@pytest.mark.parametrize(
    "text,word,status,cue",
    [
        # a noun in a prepositional phrase is not hedged by the clause's plan
        ("The studio plans to sell the films for download next year.", "download", "confirmed", None),
        ("The studio plans to sell the films for download next year.", "sell", "expected", "plans"),
        # the verb of a relative clause is presupposed: the main clause's "not" stays there
        ("The phones the company sells are not cheap.", "sells", "confirmed", None),
        # a noun takes a cue that is its verb, not the verb's modal
        ("The meeting is scheduled for Friday.", "meeting", "expected", "scheduled"),
        ("The merger could collapse next week.", "merger", "confirmed", None),
        # a stance word as the complement of a copula is a fact about the copula
        ("Executives are in talks with the studios.", "are", "confirmed", None),
        # the adjective or noun a copula predicates takes the copula's negation
        ("The deal collapsed because the plant is not efficient enough.", "efficient", "denied", "not"),
        ("The drone is not a threat to aircraft, the agency said.", "threat", "denied", "not"),
        # complement words (cue rules of category "complement")
        ("Shares fell on fears of a recession.", "recession", "rumored", "fears"),
        ("Shares fell on fears of a recession.", "fears", "confirmed", None),
        ("Traders were afraid of a crash.", "crash", "rumored", "afraid"),
        ("Regulators fear that the bank will collapse.", "collapse", "rumored", "fear"),
        ("The concert was postponed after the storm.", "concert", "denied", "postponed"),
        ("The concert was postponed after the storm.", "postponed", "confirmed", None),
        ("The band cancelled the tour.", "tour", "denied", "cancelled"),
        ("Lawmakers criticised the now-cancelled deal to buy the jets.", "buy", "denied", "cancelled"),
        ("Customers complained about the delay in delivery.", "delivery", "denied", "delay"),
        ("Fear in the markets grew on Monday.", "markets", "confirmed", None),  # "in" is not a fear's complement
        ("The banks announced a joint effort to calm the markets.", "calm", "expected", "effort"),
        ("The government is trying to stop the crisis.", "stop", "expected", "trying"),
        # the event noun of a light verb takes the verb's hedges and negation
        ("The ruling may have a sizeable impact across the industry.", "impact", "rumored", "may"),
        ("The airline did not take delivery of the jets.", "delivery", "denied", "not"),
        # a decision about an action makes the action expected, not done
        ("The board voted to close the plant.", "close", "expected", "voted"),
        ("The chief executive has chosen to step down.", "step", "expected", "chosen"),
        ("The board voted to close the plant.", "voted", "confirmed", None),
        # blocking or killing an event means it did not happen; stopping an
        # ongoing one does not deny that it happened
        ("Regulators blocked the merger in March.", "merger", "denied", "blocked"),
        ("The government is fighting to stop the slump.", "slump", "confirmed", None),
        # a near miss did not happen; "almost" on a number leaves its verb alone
        ("The index nearly broke its record on Friday.", "broke", "denied", "nearly"),
        ("The index fell almost three percent on Friday.", "fell", "confirmed", None),
        # an analyst's word on what already happened is a fact, down to the
        # infinitive that takes the past verb's time
        ("It took months for the grant to reach the schools, analyst Tom Reyes said.", "reach", "confirmed", None),
        # implicative verbs: what failed or was refused did not happen, and
        # the governing word wins over a hedge of the clause around it
        ("The bill failed to pass the Senate.", "pass", "denied", "failed"),
        ("The union refused to meet the demands.", "meet", "denied", "refused"),
        ("A plan to rescue the carmakers failed to pass the Senate.", "pass", "denied", "failed"),
        ("A plan to rescue the carmakers failed to pass the Senate.", "failed", "confirmed", None),
        # a relative clause on the way up keeps the main clause's negation out
        ("The company will not announce the stores that it intends to close.", "close", "expected", "intends"),
        ("The company will not announce the stores that it intends to close.", "announce", "denied", "will not"),
        # the act of forecasting is a fact, whoever forecasts
        ("Analysts had forecast losses of $6 billion.", "forecast", "confirmed", None),
        # "not including" negates nothing
        ("Not including special items, the firm lost $5.9 billion.", "lost", "confirmed", None),
        # an absolute takes the hedge of the clause it hangs on
        ("The recovery is likely to be slow, with unemployment declining only gradually.", "declining", "expected", "likely"),
        # having plans is a fact; what is planned is expected
        ("Apple has plans to import more features to the Mac.", "has", "confirmed", None),
        ("Apple has plans to import more features to the Mac.", "import", "expected", "plans"),
        # "if compared to" states no condition
        ("Sales doubled if compared to the same quarter last year.", "doubled", "confirmed", None),
        # a source that released the figures is named, not unnamed
        ("The service passed its rival in May, according to figures released by NPD Group.", "passed", "confirmed", None),
        # "points" as a noun is no "points to"
        ("The index lost 300 points to close at 10,520.", "close", "confirmed", None),
        # a complement word that is itself negated or hedged sets nothing
        ("The launch was not delayed.", "launch", "confirmed", None),
        ("The launch may be delayed.", "launch", "confirmed", None),
    ],
)
def test_target_status_of_scope_and_complements(nlp, text, word, status, cue):
    doc = nlp(text)
    start = text.index(word)
    result = status_of(doc, start, start + len(word))
    assert result.status == status
    if cue is not None:
        assert cue in [c["text"] for c in result.cues]


@pytest.mark.parametrize(
    "text,word,governor",
    [
        ("Stocks slid on hopes of a rate cut.", "cut", "hopes"),
        ("The airline delayed the flight.", "flight", "delayed"),
        ("Investors cheered the merger.", "merger", None),
    ],
)
def test_target_complement_of(nlp, text, word, governor):
    from claimx.claims.target import default_tagger, complement_of

    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    found = complement_of(token, default_tagger())
    assert (found.text if found is not None else None) == governor


@pytest.mark.parametrize(
    "text,word,expected",
    [
        ("The figures released on Monday were weak.", "released", True),
        ("The company announced a plan to cut jobs.", "cut", False),
        ("The firm signed a deal.", "deal", True),
        ("The firm signed a deal.", "signed", False),
    ],
)
def test_target_presupposed(nlp, text, word, expected):
    from claimx.claims.target import presupposed

    doc = nlp(text)
    assert presupposed(next(t for t in doc if t.text == word)) is expected


@pytest.mark.parametrize(
    "text, word, dropped, before",
    [
        # the participle before the noun sets its status only through its rule
        ("The scrapped merger hurt both banks.", "merger", "scope-target-participle-modifier", "scrapped"),
        # an adverb of a near miss on the target verb, likewise
        ("The runner almost broke the record.", "broke", "scope-target-verb-adverb", "almost"),
    ],
)
def test_target_relations_come_from_the_pack(nlp, tmp_path, text, word, dropped, before):
    import json
    import shutil

    import spacy

    from claimx.claims.cues import CueTagger
    from claimx.claims.target import complement_of, default_tagger
    from claimx.rules import default_rules_dir

    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert complement_of(token, default_tagger()).text == before
    pack = tmp_path / "pack"
    shutil.copytree(default_rules_dir(), pack)
    scope = pack / "scope.jsonl"
    lines = [line for line in scope.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] != dropped]
    # the role keeps a rule that matches nothing, as a pack must serve every role
    role = next(json.loads(line)["role"] for line in default_rules_dir().joinpath("scope.jsonl").read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] == dropped)
    lines.append(json.dumps({"id": "x-none", "kind": "target", "role": role, "pattern": {"DEP": "no-such-label"}, "examples": ["None."]}))
    scope.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert complement_of(token, CueTagger(spacy.blank("en"), rules_dir=pack)) is None
