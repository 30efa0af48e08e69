"""Subject, topic and roll-up key."""

from __future__ import annotations

import datetime as dt

import pytest

from claimx.claims.topic import title_names
from claimx.subjects import without_middle_initials


@pytest.mark.parametrize(
    "title, openers, first",
    [
        ("Could 2029 be the year? Star Harbour 3 rumours flare again", frozenset({"could"}), "Star Harbour 3"),
        ("The Last of Us season 3: what we know", frozenset({"could"}), "The Last of Us"),
        ("Leaked memos shake Halvard-Port Authority pier deal", frozenset(), "Port Authority"),
        ("Leaked memos shake Halvard-Port Authority pier deal", frozenset(), "Halvard"),
        ("Sky-High Tower 2 opens", frozenset(), "Sky-High Tower 2"),
    ],
)
def test_topic_title_names(title, openers, first):
    assert first in title_names(title, openers)
    assert not any(name.startswith("Could 20") for name in title_names(title, openers))


def test_topic_main_subject_from_title(analyse):
    records = analyse(
        "Glass Orchard 2 is officially in development. The sequel is expected to open in 2026.",
        title="Could 2026 be the year? Glass Orchard 2 is in development",
    )
    assert len(records) == 2
    assert [r.subject.name for r in records] == ["Glass Orchard 2", "Glass Orchard 2"]
    assert records[0].subject.text == "Glass Orchard 2"
    assert records[1].subject.text is None  # "the sequel" resolves to the main subject


@pytest.mark.parametrize(
    "text, topic, key",
    [
        ("Marta Lind will return as Captain Vos in the sequel.", "cast", "Marta Lind"),
        ("Valve is expected to reveal the game at The Game Awards.", "release", "announcement"),
        ("The movie will be released in cinemas on 9 June 2028.", "release", "release_date"),
        ("Jane Doe, the voice of the narrator, reportedly recorded new lines last month.", "cast", "Jane Doe"),
        ("The game has reportedly been playtested internally.", "production", "development"),
        ("The band sold more than four million albums.", "business", "sales"),
        # business claims key on what they are about: a deal, a stake, the share price, results
        ("Brightwell is in early talks to acquire rival software maker Corvane.", "business", "deal"),
        ("Corvane shares rose 18% on Monday.", "business", "share price"),
        ("Brightwell now holds a 12% stake in Corvane.", "business", "shares"),
        ("The company reported record revenue for the quarter.", "business", "results"),
        # a word counts only as the part of speech its rule names: the verb
        # "share" is no shares; an attribute is keyed by the noun the claim is about
        ("Orrin expects to share a roadmap this summer.", "other", "roadmap"),
        ("Nobody else is convinced.", "other", "other"),
        # "unveil" is a production rollout only of a prototype, or at a
        # factory or a ceremony (slots.jsonl "near"); else an announcement
        ("The carmaker unveiled its first electric van at its factory in Ulm.", "production", "unveiling"),
        ("The carmaker unveiled its first electric van at a trade show in Ulm.", "release", "announcement"),
        # a person "as" a job (a crew word) is hired, not cast; "as" a character is cast
        ("Brightwell Corp. has hired Jane Roe as its new chief financial officer.", "crew", "Jane Roe"),
        ("The sequel will star Mara Quill as the detective.", "cast", "Mara Quill"),
        # "effect" names a release only within its rule's only_in expressions
        ("The new parking rules take effect in July.", "release", "release_date"),
        ("The new parking rules will go into effect in July.", "release", "release_date"),
        ("The new parking rules have had little effect on traffic.", "other", "effect"),
        # a post taken, left or lost, and a nominee confirmed, are crew
        # facts (``office_predicate`` rules); office space is none
        ("The new governor took office in January.", "crew", "crew"),
        ("The army removed the president from office in 2011.", "crew", "crew"),
        ("She was fired after the audit.", "crew", "crew"),
        ("The Senate confirmed two federal judges on Thursday.", "crew", "crew"),
        ("The council took office space in the old mill last year.", "other", "office space"),
        ("Police said no shots were fired during the protest.", "other", "shots"),
        ("The agency confirmed the report on Monday.", "other", "report"),
        # a report or a handover of duties is made, not manufactured or
        # delivered (the slots' ``not_objects``); goods still are
        ("The inquiry is expected to produce a report by the autumn.", "other", "report"),
        ("The plant will produce 40,000 vans a year from 2027.", "production", "manufacturing"),
        ("In May the trust handed over management of the estate to the county.", "other", "management"),
        ("The first of the new ferries will be handed over to the operator in March.", "release", "delivery"),
        # what a relative clause's verb of saying makes known is the noun its
        # pronoun stands for: a merger announced is a deal, no release
        ("Both carriers are close to a merger which their boards will announce next week.", "business", "deal"),
    ],
)
def test_topic_and_key(analyse, text, topic, key):
    records = analyse(text, published=dt.date(2025, 6, 4))
    assert records
    assert (records[0].topic, records[0].key) == (topic, key)


@pytest.mark.parametrize(
    "text, key",
    [
        # the predicate's subject, even when tagged a verb at the start of a sentence
        ("Range for the new model is expected to be 9,000 miles.", "range"),
        ("The main fault was found in the wiring.", "fault"),
        # nouns compounded onto it belong to the attribute
        ("The warehouse expansion was approved last week.", "warehouse expansion"),
        # its object before its subject: the thing done, not the one who does it
        ("The board rejected the proposal.", "proposal"),
        # a quantity stands for what it counts
        ("About 40% of the components will be made locally.", "components"),
        # no noun of its own: the topic's name
        ("They said no.", "other"),
        # a hyphenated noun is one word, whichever piece the parser takes for the noun
        ("The governor said on Monday that he would not endorse her re-election.", "re-election"),
    ],
)
def test_topic_other_keys_on_its_attribute(analyse, text, key):
    records = analyse(text, published=dt.date(2025, 6, 4))
    others = [r for r in records if r.topic == "other"]
    assert others and others[0].key == key, [(r.text, r.topic, r.key) for r in records]


@pytest.mark.parametrize(
    "title, body, main",
    [
        # the organisation that acts in a headline is not what the story follows
        (
            "Northwind renews Copper Lantern for a second season",
            "Northwind has renewed Copper Lantern. Copper Lantern drew four million viewers.",
            "Copper Lantern",
        ),
        # a surname in the title, the full name in the body
        (
            "Brackley raise Okafor offer as Dunmore stand firm",
            "Brackley have raised their offer for Daniel Okafor, who scored 20 goals. Okafor is 24.",
            "Daniel Okafor",
        ),
        # a surname the body gives two people: the one it names most, then first, not the longer name
        (
            "Young voters flock to Kessler",
            "Turnout in Dunmore is expected to reach a record on Friday, when Anna Kessler speaks. "
            "Anna Kessler leads the county polls. Her uncle, Bartholomew Kessler, will introduce her.",
            "Anna Kessler",
        ),
        # a name the body writes inside a lower-case word ("thorny") is still a name
        (
            "Horn expected to carry budget vote",
            "The thorny budget vote is expected to pass on Monday. Ada Horn has the votes, aides said.",
            "Ada Horn",
        ),
        # after a function word the name is not the headline's object
        (
            "Taylor Reed announces tour with Sam Cole",
            "Taylor Reed will tour with Sam Cole in May.",
            "Taylor Reed",
        ),
        # a person who acts, named by surname, is what the story follows, not the object
        (
            "Halvorsen urges council to block Dunmore Arena expansion",
            "Councillor Erik Halvorsen urged the council to block the Dunmore Arena expansion. "
            "Halvorsen said the plan was too costly.",
            "Erik Halvorsen",
        ),
        # a numbered name is what the story follows, wherever it stands
        (
            "Orrin denies Sky Relay 3 is in production",
            "Orrin said Sky Relay 3 is not in production.",
            "Sky Relay 3",
        ),
    ],
)
def test_topic_main_subject_prefers_the_headline_object(analyse, title, body, main):
    records = analyse(body, title=title)
    assert records
    assert records[0].subject.name == main


@pytest.mark.parametrize(
    "title, body, main, key",
    [
        (
            "Senator Ruth Calder to retire",
            "Senator Ruth Calder will not seek re-election in November, her office said.",
            "Ruth Calder",
            "re-election",
        ),
        (
            "Harbour board chair Ines Varga quits",
            "Ines Varga will step down from the harbour board at the end of May, aides said.",
            "Ines Varga",
            None,
        ),
    ],
)
def test_topic_main_subject_without_the_persons_post(analyse, title, body, main, key):
    # a person's post before the name the body tags is no part of the name the story follows,
    # and her own fact is keyed by what it is about, not by her name
    records = analyse(body, title=title)
    assert records and records[0].subject.name == main, [(r.subject.name, r.key) for r in records]
    assert all(r.key != main for r in records), [(r.subject.name, r.key) for r in records]
    if key is not None:
        assert records[0].key == key


@pytest.mark.parametrize(
    "title, body, main",
    [
        (
            "Regional government announces rescue loan for Harland",
            "The regional government said on Tuesday it would lend Harland Marine Engines $40 million to keep its "
            "shipyard open. Harland also plans to shed 200 jobs before December, a spokesman said.",
            "Harland Marine Engines",
        ),
        (
            "State aid package for Corvell",
            "Ministers will give Corvell Motors Europe a grant of 30 million euros, officials said on Friday. "
            "Corvell plans to build a new engine plant in the north.",
            "Corvell Motors Europe",
        ),
    ],
)
def test_topic_main_subject_is_the_organisation_the_lead_names_in_full(analyse, title, body, main):
    # a title's short name that the body first writes as the start of a longer organisation's
    # name is that organisation: every claim that names only the short name is its
    records = analyse(body, title=title)
    assert records and all(r.subject.name == main for r in records), [(r.subject.name, r.key) for r in records]


def test_topic_title_names_season_tail(nlp):
    parts = frozenset(nlp.get_pipe("claimx_topic").part_words)  # the part_word rules of topics.jsonl
    assert "Copper Lantern season 2" in title_names("Copper Lantern season 2: what we know", parts=parts)
    assert "season 2" not in title_names("Copper Lantern season 2: what we know", parts=parts)
    assert "Copper Lantern season 2" not in title_names("Copper Lantern season 2: what we know")


@pytest.mark.parametrize(
    "body, claim, key, mention",
    [
        # an appositive codename joins its subject, under a key of its own
        (
            'Skyfall 2 rumours are back. The update mentions "Orion", the internal codename that modders link to an unannounced Skyfall title. '
            "Orion might simply be a tools project.",
            "Orion might simply be a tools project",
            "Orion",
            "Orion",
        ),
        # a name said not to be the subject is still tracked with it
        (
            "We are not making Skyfall 2, and Orion is not Skyfall 2. A fresh rumour hints the codename might mean the sequel.",
            "the codename might mean the sequel",
            "Orion",
            None,
        ),
        # what the codename does, rather than what it is, is development
        (
            "Orion is not Skyfall 2, the studio said. A leaker claims Orion is now in certification.",
            "Orion is now in certification",
            "development",
            "Orion",
        ),
    ],
)
def test_topic_codename_claims(analyse, body, claim, key, mention):
    records = analyse(body, title="Skyfall 2 rumours flare again")
    found = [r for r in records if claim in r.text]
    assert found, [r.text for r in records]
    record = found[0]
    assert record.subject.name == "Skyfall 2"
    assert (record.topic, record.key) == ("production", key)
    assert record.subject.text == mention


def test_topic_codename_not_taken_from_people(analyse):
    records = analyse(
        "Jane Roe, the voice of the villain, is not Skyfall 2. Jane Roe is rumoured to have recorded lines.",
        title="Skyfall 2 cast rumours",
    )
    # a person said not to be the subject is no codename of it
    assert all((r.topic, r.key) != ("production", "Jane Roe") for r in records), [(r.text, r.topic, r.key) for r in records]


def test_topic_cast_key_follows_subject_and_pronoun(analyse):
    records = analyse(
        "Jane Roe, the voice of the narrator, reportedly recorded new lines for Skyfall 2 last month. "
        'Narrator actor Jane Roe denied recording any lines, telling a fan that she had "not been in a booth since 2019".',
        title="Skyfall 2 cast rumours",
    )
    cast = [r for r in records if r.topic == "cast"]
    assert cast, [(r.text, r.topic) for r in records]
    assert {r.key for r in cast} == {"Jane Roe"}, [(r.text, r.key) for r in cast]


@pytest.mark.parametrize(
    "text, subject",
    [
        # an organisation that acts on the subject is its maker, not the subject
        ("Sony has not announced a premiere date.", "Copper Lantern"),
        # in a business claim the organisation is what the claim is about
        ("Sony reported a profit of $2 billion for the quarter.", "Sony"),
    ],
)
def test_topic_acting_organisation_is_subject_only_in_business(analyse, text, subject):
    records = analyse(
        "Copper Lantern will return for a second season. " + text,
        title="Sony renews Copper Lantern for a second season",
    )
    record = [r for r in records if r.text in text][0]
    assert record.subject.name == subject


@pytest.mark.parametrize(
    "text, subject",
    [
        # a paper that reports is the claim's source, not what it is about
        ("The Daily Ledger reports that Vantor Aerospace will cut 500 jobs at its main plant.", "Vantor Aerospace"),
        ("The Financial Courier claims Vantor Aerospace has agreed to sell its engine unit.", "Vantor Aerospace"),
        # the speaker is still the subject when the clause names no one else
        ("Vantor Aerospace said it would cut 500 jobs at its main plant.", "Vantor Aerospace"),
    ],
)
def test_topic_source_is_subject_only_when_the_clause_names_none(analyse, text, subject):
    records = analyse("Ostra Air will order 20 jets this year, the airline said on Monday. " + text, title="Ostra Air to order 20 jets")
    record = [r for r in records if r.text in text][0]
    assert record.subject.name == subject, (record.text, record.subject)


@pytest.mark.parametrize(
    "text, topic, key",
    [
        # the reporter's title does not make a claim about crew
        ("Orrin chief executive Mina Cho said the phone is in production.", "production", "development"),
        # a person who appears or returns is cast
        ("Halcyon also says actor Rita Vale will appear in the launch campaign.", "cast", "Rita Vale"),
        # the speaker is the subject when the claim is about them
        ("Actor Rita Vale denied recording new lines for the show.", "cast", "Rita Vale"),
        # a claim no topic names is tracked by the person it is about
        ("Rita Vale has denied that she is part of the campaign.", "other", "Rita Vale"),
    ],
)
def test_topic_people_and_speakers(analyse, text, topic, key):
    records = analyse(text)
    assert records
    assert (records[0].topic, records[0].key) == (topic, key), [(r.text, r.topic, r.key) for r in records]


def test_topic_absolute_is_about_the_object_it_hangs_on(analyse):
    records = analyse(
        "Star Harbour 3 is rumoured for 2029. Orrin unveiled its Sky Relay last Tuesday, "
        "with a launch planned for late 2029.",
        title="Star Harbour 3 rumours return",
    )
    absolute = next(r for r in records if r.text.startswith("with a launch"))
    assert absolute.subject.name == "Sky Relay"
    assert next(r for r in records if r.text.startswith("Orrin unveiled")).subject.name == "Star Harbour 3"


def test_topic_as_after_a_person_is_a_role_not_any_as(analyse):
    # an executive who describes something "as" something is crew, not cast
    records = analyse("Dana Whitlock, the bank's chief executive, described the past year as difficult.")
    assert any(r.topic == "crew" and r.key == "Dana Whitlock" for r in records), [(r.text, r.topic, r.key) for r in records]
    records = analyse("The sequel adds Omar Reyes as the villain.")
    assert any(r.topic == "cast" and r.key == "Omar Reyes" for r in records), [(r.text, r.topic, r.key) for r in records]


@pytest.mark.parametrize(
    "text, topic, key",
    [
        # the topic comes first; a slot word of another topic does not override a stronger topic word
        ("The violinist will tour Japan in the autumn.", "release", "release_date"),
        ("The broadcaster has ordered a second spinoff.", "franchise", "franchise"),
        ("The actor will join the quiz show next year.", "cast", "cast"),
        # the predicate's object names the fact: the verb's own topic word does not count
        ("The striker signed a contract that runs until 2031.", "business", "contract"),
        ("The chain expects to drop 300 dealers by spring.", "business", "dealer cuts"),
        ("The phone comes with a folding keyboard.", "other", "keyboard"),
        # an attribute as the object is a thing made, not the attribute
        ("The factory will produce batteries for two carmakers.", "production", "manufacturing"),
        # a slot matched with its verb decides the word's topic: closing a plant is business
        ("The brewer will shut two plants next year.", "business", "plant closures"),
        ("The brewer will build two plants next year.", "production", "manufacturing"),
        # job cuts by the verb; a sale to a buyer is a deal, not a release
        ("The insurer will cut 250 roles by March.", "business", "job cuts"),
        ("Shareholders approved the bakery's sale to a rival chain.", "business", "deal"),
    ],
)
def test_topic_slot_within_topic(analyse, text, topic, key):
    records = analyse(text)
    assert [(r.topic, r.key) for r in records] == [(topic, key)], [(r.text, r.topic, r.key) for r in records]


@pytest.mark.parametrize(
    "text, title, subject",
    [
        # the buyer's order, the holder's stake: the party that acts, not the article's subject
        ("Officials from Chile have agreed to buy 12 Vantor X9 aircraft.", "Vantor X9 flies for the first time", "Chile"),
        ("Nordhavn Bank will hold a 15 percent stake in Vantor X9's maker.", "Vantor X9 flies for the first time", "Nordhavn Bank"),
        # the name that is the subject itself, also when the entity tagger misses it
        ("Polish flag carrier Ostra has agreed to buy 12 Vantor X9 jets.", "Vantor X9 flies for the first time", "Ostra"),
        ("Launch customer Ostra have ordered 55 of the X9.", "Vantor X9 flies for the first time", "Ostra"),
        # … or takes it for a person's; nationalities joined to describe the airline are no party
        ("Danish and Swedish carrier Nora Lind has purchased eight of these aircraft.", "Vantor X9 flies for the first time", "Nora Lind"),
        # the agent of a passive, not its subject
        ("The new Kestrel Motors will be owned 40 percent by Norvik Capital.", "Kestrel Motors leaves bankruptcy", "Norvik Capital"),
        # "it" is the organisation that says so
        ("Nordhavn Bank said it now holds 15 percent of the shares.", "Vantor X9 flies for the first time", "Nordhavn Bank"),
        # the one given a stake holds it; a nationality describing a noun is no party
        ("The sale would give Nordhavn Bank a 30 percent stake in the maker.", "Vantor X9 flies for the first time", "Nordhavn Bank"),
    ],
)
def test_topic_actor_owns_its_fact(analyse, text, title, subject):
    records = analyse(text, title=title)
    assert [r.subject.name for r in records] == [subject], [(r.text, r.topic, r.key, r.subject.name) for r in records]


@pytest.mark.parametrize(
    "text, title, key",
    [
        # a name in apposition to a role is the person, whatever label the tagger gives it
        ("Holm Air intends to appoint its chief financial officer, Ivor Pask, as Fenwick's chief executive.",
         "Holm Air agrees to buy Fenwick Airways", "Ivor Pask"),
        # the owner of a role is the company, not a person
        ("Fenwick's current boss, Greta Olsson, will step down next month.", "Holm Air agrees to buy Fenwick Airways", "Greta Olsson"),
    ],
)
def test_topic_crew_key_is_the_person_in_the_role(analyse, text, title, key):
    records = analyse(text, title=title)
    assert [r.key for r in records if r.topic == "crew"] == [key], [(r.text, r.topic, r.key) for r in records]


@pytest.mark.parametrize(
    "text, title, subject, key",
    [
        # the person a post is given to is the fact's key, the one who gives it holds it
        ("Governor Ivo Brandt picked Lisa Moor as his running mate on Friday.", "Brandt picks a running mate",
         "Ivo Brandt", "Lisa Moor"),
        ("Senator Dana Kerr is expected to name Tom Reyes as her running mate, aides said.", "Kerr weighs her choices",
         "Dana Kerr", "Tom Reyes"),
        ("Ridgeway Motors named Jane Roe as its chief executive on Monday.", "Ridgeway Motors names a new boss",
         "Ridgeway Motors", "Jane Roe"),
        # a running mate in apposition is the post of the one who owns it
        ("Governor Ivo Brandt's running mate, Lisa Moor, will campaign in Ohio next week.", "Brandt heads to Ohio",
         "Ivo Brandt", "Lisa Moor"),
    ],
)
def test_topic_a_post_given_is_the_givers_fact_keyed_by_the_person(analyse, text, title, subject, key):
    records = analyse(text, title=title)
    assert [(r.subject.name, r.topic, r.key) for r in records] == [(subject, "crew", key)], [
        (r.text, r.subject.name, r.topic, r.key) for r in records
    ]


def test_topic_deliveries_follow_the_buyer(analyse):
    body = (
        "Kestrel Airways has ordered 14 Orion 500 jets from Varga Aerospace in a deal worth about $2 billion. "
        "The airline expects to take delivery of the first aircraft in 2031. The Orion 500 carries up to 240 passengers."
    )
    records = analyse(body, title="Kestrel Airways orders the Orion 500")
    got = {(r.topic, r.key): r.subject.name for r in records}
    assert got[("release", "delivery")] == "Kestrel Airways", got
    # the plane's own facts stay the plane's
    assert got[("other", "capacity")] == "Orion 500", got
    # with no single buyer in the article, deliveries stay with its subject
    records = analyse("The operator expects to take delivery of the first Orion 500 in 2031.", title="Orion 500 nears service")
    assert [r.subject.name for r in records if r.key == "delivery"] == ["Orion 500"]


#: "it" and "which" after a company other than the article's subject
PRONOUN_BODY = (
    "Talmot has said it expects to need $9 billion in loans. The carmaker Brenwick, which has been hit hard "
    "by the downturn, has asked the government for an additional $4 billion in loans. It plans to cut 3,000 "
    "jobs. Talmot said it would close two plants."
)


@pytest.mark.parametrize(
    "start, subject",
    [
        ("which has been hit hard", "Brenwick"),  # the name the relative clause follows
        ("It plans to cut", "Brenwick"),  # "it": the other company the sentence before named
        ("Talmot said it would close", "Talmot"),  # a claim that names its subject keeps it
        ("Talmot has said it expects", "Talmot"),
    ],
)
def test_topic_pronoun_subjects(analyse, start, subject):
    records = analyse(PRONOUN_BODY, title="Talmot seeks more aid")
    got = [r.subject.name for r in records if r.text.startswith(start)]
    assert got == [subject], [(r.text, r.subject.name) for r in records]


def test_topic_which_after_a_noun_a_name_is_compounded_onto(analyse):
    # "the Kestrel Vela sedan, which …": the clause follows the name compounded onto the common noun
    body = "Kestrel Motors will close its Dunmore plant. The Dunmore plant makes the Kestrel Vela sedan, which is being phased out."
    records = analyse(body, title="Kestrel Motors to close Dunmore plant")
    got = [(r.subject.name, r.topic, r.key) for r in records if r.text.startswith("which")]
    assert got == [("Kestrel Vela", "production", "discontinuation")], [(r.text, r.subject.name, r.key) for r in records]


@pytest.mark.parametrize(
    "text, start",
    [
        ("The ferry plan was drawn up by Ilse Brandt, who has chaired the harbour board since 2019.", "who has"),
        # through an apposition to the name
        ("The plan was drawn up by Ilse Brandt, a councillor who has chaired the harbour board since 2019.", "a councillor"),
    ],
)
def test_topic_who_is_the_person_its_clause_follows(analyse, text, start):
    # a claim about an attribute ("other") in a "who" clause is the person's
    got = [r.subject.name for r in analyse(text) if r.text.startswith(start)]
    assert got == ["Ilse Brandt"], [(r.text, r.subject.name) for r in analyse(text)]


def test_topic_a_named_party_holds_its_own_attribute_in_news_about_people(analyse):
    # in an article that follows a person or a body, another person or body
    # named as the subject of a claim about an attribute is that claim's subject
    body = (
        "Mayor Ilse Brandt won the harbour vote on Monday. Councillor Piet Vandel rejected the outcome of the count. "
        "The Dunmore Ferry Union has dropped its objection."
    )
    records = analyse(body, title="Brandt wins harbour vote")
    got = {r.text.split()[1]: r.subject.name for r in records if r.topic == "other"}
    assert got.get("Piet", "").endswith("Piet Vandel"), [(r.text, r.topic, r.subject.name) for r in records]
    assert got.get("Dunmore", "").endswith("Dunmore Ferry Union"), [(r.text, r.topic, r.subject.name) for r in records]


def test_topic_it_in_a_joined_clause_and_after_a_noun(analyse):
    body = (
        "Lisko Air said on Monday that talks with its suitor continue. Ventra Airways has spoken to Lisko Air's "
        "largest shareholders about a stake. The pilots' union said it would hold Ventra Airways to its promises. "
        "Ventra Airways is understood to hold about 9% of Lisko Air, and it has lined up bank loans for an offer."
    )
    records = analyse(body, title="Lisko Air board weighs takeover interest")
    got = {r.text.split(" ")[0] + " " + r.text.split(" ")[1]: r.subject.name for r in records}
    # "it" after "The union said": the union, not the company named the sentence before
    assert got.get("it would") != "Ventra Airways", got
    # "…, and it has lined up": the name that is the subject of the joined clause
    assert got.get("it has") == "Ventra Airways", got


@pytest.mark.parametrize(
    "body",
    [
        "Talvi Motors bought 20 percent of the carmaker in 2021. It has lifted its holding to 30 percent since then.",
        "Talvi Motors plans to buy more shares, which would give the Finnish company a 55 percent majority stake.",
    ],
)
def test_topic_holder_named_by_pronoun_or_description(analyse, body):
    # "its holding", "the Finnish company": the article's own subject holds the stake, named in the claim
    records = analyse(body, title="Talvi Motors to raise stake in Brenwick")
    held = [r for r in records if r.key in ("shares", "majority stake")]
    assert held and all(r.subject.name == "Talvi Motors" and r.subject.text for r in held), [
        (r.text, r.key, r.subject) for r in records
    ]


def test_topic_person_joins_a_team_the_team_is_the_subject(analyse):
    body = "Dario Venn is now a Kilbride Rovers player. Dario Venn will join the squad on July 13."
    records = analyse(body, title="Dario Venn signs for Kilbride Rovers")
    got = [(r.subject.name, r.topic, r.key) for r in records if r.topic == "cast"]
    # the team the person joins is the fact's subject, the person its key; a date is no team
    assert got[0] == ("Kilbride Rovers", "cast", "Dario Venn"), got
    assert got[1][0] == "Dario Venn", got


@pytest.mark.parametrize(
    "text, key",
    [
        # a clause hung on the fact's noun tells of that fact, its slot words do not vote against it
        ("Orlen won a $2 billion contract to supply the navy with 40 patrol boats at a rate of four a year.", "contract"),
        ("Velda has yet to make an offer that meets the club's valuation.", "deal"),
        # the subject of a passive is what is done to it: jobs cut, plants closed, terms agreed
        ("A further 4,000 production jobs in Finland will be cut next year.", "job cuts"),
        ("Three production plants will be closed by the end of next year.", "plant closures"),
        ("Personal terms were agreed with the striker's agent on Monday.", "terms"),
    ],
)
def test_topic_key_is_the_fact_the_clause_tells_of(analyse, text, key):
    records = analyse(text, title="Orlen and Velda in the news")
    assert any(r.key == key for r in records), [(r.text, r.topic, r.key) for r in records]


@pytest.mark.parametrize(
    "start, subject",
    [
        # the deliveries are the one's they go to, named after "to"
        ("The first Orsa V40", "Aerolux Airways"),
        ("Deliveries to Aerolux", "Aerolux Airways"),
        # "six airlines" names no one
        ("The next jets", "Orsa V40"),
    ],
)
def test_topic_delivery_to_a_party_is_its(analyse, start, subject):
    body = (
        "The first Orsa V40, built by Orsa, was delivered today to Aerolux Airways in Toulouse. "
        "Deliveries to Aerolux Airways, its launch customer, had been due last year. "
        "The next jets will be delivered to six airlines in 2028."
    )
    records = analyse(body, title="First Orsa V40 delivered")
    got = [r.subject.name for r in records if r.text.startswith(start) and r.key == "delivery"]
    assert got == [subject], [(r.text, r.subject.name, r.key) for r in records]


def test_topic_in_order_to_is_no_order(analyse):
    records = analyse("The union must accept wage cuts in order for the loans to flow.", title="Brenwick Motors seeks loans")
    assert records and all(r.key != "orders" for r in records), [(r.text, r.key) for r in records]


@pytest.mark.parametrize(
    "body, start, subject",
    [
        # the speaker's "it" speaks of the article's subject, but a firm's own job cuts, results
        # or closures are the firm's that announces them
        ("Talmot said on Monday that talks continue. Brenwick asked the state for aid, saying that it plans to cut "
         "3,000 jobs.", "it plans", "Brenwick"),
        # an organisation outside a business claim is the subject's maker: the claim stays with the subject
        ("Talmot said on Monday that talks continue. Brenwick has said it will ship the Talmot engine in the spring, "
         "and it may push the engine back again.", "it may push", "Talmot"),
    ],
)
def test_topic_it_after_a_speaking_company(analyse, body, start, subject):
    records = analyse(body, title="Talmot weighs its options")
    got = [r.subject.name for r in records if r.text.startswith(start)]
    assert got == [subject], [(r.text, r.subject.name, r.topic) for r in records]


@pytest.mark.parametrize(
    "title, body, subject",
    [
        # a title naming only the maker; the lead names the model it speaks of
        (
            "Korvo launches its largest ferry yet",
            "At a ceremony in Turku, Korvo unveiled the KX900, a ferry that can carry 900 cars. "
            "The KX900 will enter service in June.",
            "KX900",
        ),
        # a lead without a model leaves the maker as the subject
        (
            "Korvo cuts 300 jobs",
            "Korvo said on Monday it would cut 300 jobs at its yard in Turku. The cuts will start in June.",
            "Korvo",
        ),
        # a model the title names whole and the body only in parts ("the
        # first V40, built by Talmar"), even when the tagger reads its code as a number
        (
            "First Talmar V40 handed over",
            "The first V40 freighter, built by Talmar, was handed over to Ostra Cargo on Friday.",
            "Talmar V40",
        ),
        (
            "Korvo rolls out first 909 Seastar for a customer",
            "Korvo has rolled out the first 909 built for a customer. The 909 will enter service in June.",
            "909",
        ),
        # a count in the title is no model
        (
            "Korvo to cut 300 jobs at Turku yard",
            "Korvo said it would cut 300 jobs at the Turku yard. The 300 posts go by June.",
            "Korvo",
        ),
    ],
)
def test_topic_main_subject_is_the_lead_model_of_a_maker_title(nlp, title, body, subject):
    doc = nlp.make_doc(body)
    doc._.title = title
    doc = nlp(doc)
    assert nlp.get_pipe("claimx_topic").main_subject(doc) == subject


def test_topic_product_of_an_article_about_a_company(analyse):
    # an article about a company's contract describes the product it will
    # build: what is built, tested or measured without a name of its own is the product's
    body = (
        "Ostra Aerospace has won a $9 billion contract to supply the navy with 40 tankers. "
        "Its partner on the bid, K9R, is a security firm. "
        "The Ostra V40 tankers are based on an older airliner. "
        "The first aircraft will be assembled in Seville. "
        "A May 9 session of the panel will review the award."
    )
    records = analyse(body, title="Ostra Aerospace wins navy tanker contract")
    by_text = {r.text.split()[1]: r for r in records}
    assert by_text["first"].topic == "production" and by_text["first"].subject.name == "Ostra V40", [
        (r.text, r.subject.name, r.topic) for r in records
    ]
    # the company's own business stays its own; a date is no product
    assert all(r.subject.name == "Ostra Aerospace" for r in records if r.topic == "business")
    assert not any(r.subject.name.startswith("May") for r in records)


def test_topic_name_of_the_product_of_an_article_about_a_company(analyse):
    # what the product is called is the product's fact, as how it is built
    body = (
        "Ostra Aerospace has won a $9 billion contract to supply the navy with 40 tankers. "
        "The Ostra V40 tankers, also known as KV-40s, are based on an older airliner."
    )
    records = analyse(body, title="Ostra Aerospace wins navy tanker contract")
    titles = [r for r in records if r.topic == "title"]
    assert titles and all(r.subject.name == "Ostra V40" for r in titles), [
        (r.text, r.subject.name, r.topic, r.key) for r in records
    ]


def test_topic_maker_owns_its_job_cuts_in_an_article_on_its_product(analyse):
    body = (
        "The Talmar V40 took off from Seville on Monday for its four-hour maiden flight. "
        "Delays have hurt the company, and its French plants will lose 2,000 jobs."
    )
    records = analyse(body, title="Talmar V40 makes its first flight")
    subjects = {r.key: r.subject.name for r in records}
    assert subjects.get("job cuts") == "Talmar" and subjects.get("first flight") == "Talmar V40", [
        (r.text, r.subject.name, r.topic, r.key) for r in records
    ]


def test_topic_clause_with_a_noun_of_its_own_keeps_it_over_its_sentence_topic(analyse):
    # the reported clause names no topic word, but a noun of its own: it is
    # about that, not about the building its sentence also speaks of
    text = "When the navy picked Ostra to build the ships, Talmar protested, claiming the evaluation was unfair."
    records = analyse(text, title="Navy tanker award questioned")
    by_key = {r.key: r.topic for r in records}
    assert by_key.get("evaluation") == "other", [(r.text, r.topic, r.key) for r in records]


def test_topic_main_subject_is_no_date_the_tagger_took_for_a_product(nlp):
    # a title that names nothing the body names: the body's most frequent
    # work, product or organisation, never a date
    doc = nlp.make_doc("When the navy selected Ostra on May 2 to build the ships, Talmar challenged the award.")
    doc._.title = "Regulator orders rerun of navy tanker bid"
    doc = nlp(doc)
    assert not (doc._.main_subject or "").startswith("May")


@pytest.mark.parametrize(
    "text, is_title",
    [
        ("The studio will call the sequel Harbour Lights.", True),
        # "call for", "call off": another verb, no naming (topics.jsonl "not_with")
        ("Two senators called for an inquiry into the sale.", False),
        ("The club called off the friendly match.", False),
    ],
)
def test_topic_call_names_only_without_its_particle(analyse, text, is_title):
    records = analyse(text)
    assert records
    assert (records[0].topic == "title") is is_title, [(r.text, r.topic, r.key) for r in records]


@pytest.mark.parametrize(
    "text, topic",
    [
        # no topic word: a sum of money the predicate states is a business fact
        ("Nurses at the clinic earn about $31 an hour.", "business"),
        ("The charity received $2 million from a single donor.", "business"),
        # a sum in an opening adjunct says nothing of what the clause is about
        ("Flush with $3 million, the mayor is visiting every district.", "other"),
    ],
)
def test_topic_money_in_predicate_is_business(analyse, text, topic):
    records = analyse(text)
    assert records
    assert records[0].topic == topic, [(r.text, r.topic, r.key) for r in records]


def test_topic_attribute_noun_as_modifier_is_not_the_attribute(analyse):
    # an attribute's noun before another noun names a kind of that one
    # ("display supply" is supply): it does not outvote the claim's topic word
    records = analyse("The timing of the launch mostly depends on display supply.")
    assert records
    assert records[0].topic == "release", [(r.text, r.topic, r.key) for r in records]


def test_topic_business_story_takes_clauses_without_topic_words(analyse):
    # in a business story (half its claims or more are business facts) a
    # clause that names no topic of its own is part of that story ...
    story = analyse(
        "Corvane shares fell 12% on Tuesday after the software maker reported a quarterly loss of $40 million. "
        "Analysts had expected a smaller loss. The board said it remains confident in the strategy.",
        title="Corvane shares slide after weak quarter",
    )
    confident = next(r for r in story if "confident" in r.text)
    assert confident.topic == "business"
    # ... but not in a story of another kind, where one business word does not make it one
    politics = analyse(
        "Senator Ada Price said on Monday that she would vote against the bill. She said the measure was rushed. "
        "Her office said the bank had lobbied hard for it. The vote is set for Thursday.",
        title="Senator vows to fight the bill",
    )
    rushed = next(r for r in politics if "rushed" in r.text)
    assert rushed.topic == "other"


def test_topic_production_story_takes_clauses_without_topic_words(analyse):
    # so does a story of building and testing (half its claims or more are
    # production facts): "it remains confident in the design" is part of it
    story = analyse(
        "Talmar has finished building the second prototype of the Vela drone at its plant in Ohio. "
        "Engineers tested its engines last week and began assembling a third airframe on Monday. "
        "Production of the drone is expected to start in the spring. The company said it remains confident in the design.",
        title="Talmar finishes second Vela prototype",
    )
    confident = next(r for r in story if "confident" in r.text)
    assert confident.topic == "production", [(r.text, r.topic) for r in story]


def test_topic_incidental_word_in_an_article_of_no_topic(analyse):
    # in an article that follows no topic (few claims name one at their
    # predicate), a topic word standing only in an adjunct makes no fact of that topic ...
    politics = analyse(
        "Senator Ada Lorne said on Monday that she would vote against the measure. She said the plan was rushed and unfair. "
        "Lorne spoke to reporters after a town hall in Dunmore. Her rival, Tom Reyes, leads in the latest survey. "
        "Reyes said the race would tighten. Voters in the district are split, according to the survey. "
        "Lorne made the remarks outside the state's largest bank. The vote is set for Thursday.",
        title="Senator vows to fight the measure",
    )
    remarks = next(r for r in politics if "remarks" in r.text)
    assert remarks.topic == "other"
    # ... but a report that keeps to its topic, naming it in passing claim after claim, is of it
    market = analyse(
        "Stocks in Europe rose on Friday. The Dax index gained 2%, and the Cac index added 1.5%. "
        "The FTSE index rose about one percent. Traders said the gains were broad. Oil prices edged lower. "
        "Analysts said the rally may not last.",
        title="European stocks rise",
    )
    assert all(r.topic == "business" for r in market if "index" in r.text)


def test_topic_incidental_word_in_an_article_that_names_few_topics(analyse):
    # an article where a few claims name a topic at their predicate (a
    # campaign launch, a new chair) but most name none at all follows no
    # topic either: a word in an adjunct ("outside the plant") is no fact of its topic
    politics = analyse(
        "Senator Ada Lorne said on Monday that she would vote against the measure. She said the plan was rushed and unfair. "
        "Her rival, Tom Reyes, will launch his campaign in May. The state party appointed a new chair last week. "
        "Lorne spoke to reporters outside the old brick plant in Dunmore. Voters in the district are split, according "
        "to a survey. Reyes said the race would tighten. Lorne called the survey flawed. The vote is set for Thursday. "
        "Her aides expect a close result.",
        title="Senator vows to fight the measure",
    )
    topics = {r.text.split()[0] + " " + r.text.split()[1]: r.topic for r in politics}
    assert topics["Lorne spoke"] == "other"
    assert (topics["Her rival,"], topics["The state"]) == ("release", "crew")


def test_topic_complement_word_in_an_article_that_follows_no_topic(analyse):
    # there, a word of a topic the article does not keep to makes a fact of
    # it only as the predicate itself ("will launch", "appointed"), not as
    # its object ("wants a bigger budget")
    politics = analyse(
        "Senator Ada Lorne said on Monday that she would vote against the measure. She said the plan was rushed and unfair. "
        "Her rival, Tom Reyes, will launch his campaign in May. The state party appointed a new chair last week. "
        "Lorne wants a bigger budget for the schools. Voters in the district are split, according to a survey. "
        "Reyes said the race would tighten. Lorne called the survey flawed. The vote is set for Thursday. "
        "Her aides expect a close result.",
        title="Senator vows to fight the measure",
    )
    topic = {word: next(r.topic for r in politics if word in r.text) for word in ("budget", "launch", "appointed")}
    assert topic == {"budget": "other", "launch": "release", "appointed": "crew"}


def test_topic_loose_article_keeps_sentence_topic_to_its_own(analyse):
    # in an article that names topics loosely (few claims have a topic word
    # at their predicate), a clause with no topic word does not take its
    # sentence's topic when the article does not keep to it
    records = analyse(
        "Senator Ada Lorne leads the race by six points, a new survey found. Her rival, Tom Reyes, has gained ground "
        "since March. Lorne said she would debate him twice. The campaign signed a contract with a polling firm in May. "
        "Reyes released a new advertisement on Monday, and Lorne called it dishonest. Voters in the district remain split. "
        "The vote is set for Thursday. Lorne will hold a rally in Dunmore on Friday. Her aides said the crowd would be "
        "large. Reyes has accused her of ducking questions. The state party has paid $2 million for television time. "
        "Turnout is expected to be low. Both candidates will visit the coast next week.",
        title="Lorne leads in new survey",
    )
    released = next(r for r in records if "released" in r.text)
    dishonest = next(r for r in records if "dishonest" in r.text)
    assert (released.topic, dishonest.topic) == ("release", "other")


def test_topic_declined_topic_word_is_no_slot_word(analyse):
    # "offer" is a business word only as a noun (topics.jsonl); its deal
    # slot does not make the verb one either
    (verb,) = analyse("The new model will offer up to 500 miles of range.")
    (noun,) = analyse("The club rejected an offer for its captain.")
    assert (verb.topic, noun.topic) == ("other", "business")


def test_topic_claim_about_a_character_is_plot(analyse):
    # the cast claims name the characters; a claim whose subject is one of
    # them (or what one owns) tells the story, whatever slot word it holds
    records = analyse(
        "Mara Quill will return as Captain Ilse Vos in Star Harbour 3. "
        "Vos's rescue mission may spark a war with the outer colonies. Kade betrays the crew in the second act.",
        title="Star Harbour 3 casting news",
    )
    assert [r.topic for r in records] == ["cast", "plot", "other"]  # no cast claim names Kade


def test_topic_crew_role_that_returns_is_crew(analyse):
    # one who returns or joins does so in their role: a composer's return is crew, an actress's cast,
    # and a director who returns as a character is cast
    composer, actress, director = analyse(
        "Composer Ansel Vey will not return for the sequel. Actress Mara Lind will return for the sequel. "
        "Director Sam Reyes will return as Captain Holt.",
        title="Harbour Lights 2: who is back",
    )
    assert (composer.topic, actress.topic, director.topic) == ("crew", "cast", "cast")


def test_topic_first_word_and_number_name_the_main_subject(analyse):
    records = analyse(
        "Harbour Lights: Second Tide 2 is in development. Fans say Harbour 2 will be released in 2027.",
        title="Harbour Lights: Second Tide 2 is in development",
    )
    assert {r.subject.name for r in records} == {"Harbour Lights: Second Tide 2"}


@pytest.mark.parametrize(
    "text, topic",
    [
        # what is announced is the fact, as what is said is
        ("Ticket prices have yet to be announced.", "business"),
        ("The club announced a deal for the striker.", "business"),
        # the work itself is no other fact: announcing it is its announcement
        ("The studio will announce the sequel later this year.", "release"),
    ],
)
def test_topic_what_is_announced_decides(analyse, text, topic):
    (record,) = analyse(text)
    assert record.topic == topic


@pytest.mark.parametrize(
    "body, subject",
    [
        # news saved as plain text opens with its headline: it names what
        # the article follows, not the body's most frequent organisation
        (
            "Mayor Ilse Brandt says she will not back the harbour plan.\n\n"
            "Mayor Ilse Brandt said on Monday that the Harbour Authority had not answered her questions. "
            "The Harbour Authority said it would reply. The Harbour Authority meets in May.",
            "Ilse Brandt",
        ),
        # a title-case headline: only a name the body tags counts, and a possessive is its owner
        (
            "Brandt's Harbour Plan Wins Council Vote.\n\n"
            "The council backed the plan that Ilse Brandt drew up, and the Harbour Authority welcomed it.",
            "Ilse Brandt",
        ),
        # a headline that calls a person by first name: the one the body names in full
        (
            "Big Night For Ilse As Voters Turn Out.\n\n"
            "Mayor Ilse Brandt won a second term on Sunday, and the Harbour Authority congratulated her.",
            "Ilse Brandt",
        ),
        # a question in the headline: "Will" opens it, no first name; the
        # person the body names in full, in the possessive too
        (
            "Game over. Will Okafor quit the race?\n\n"
            "After Tuesday night, Dana Okafor's slim chance of winning the nomination rests on the superdelegates. "
            "Dana Okafor has spent weeks courting them.",
            "Dana Okafor",
        ),
    ],
)
def test_topic_main_subject_of_an_untitled_article_is_read_by_its_headline(nlp, body, subject):
    doc = nlp.make_doc(body)
    doc._.title = None
    doc = nlp(doc)
    assert nlp.get_pipe("claimx_topic").main_subject(doc) == subject


@pytest.mark.parametrize(
    "body, start, subject",
    [
        # an abbreviation the article defines in brackets stands for the name before it
        ("Orvane Air (OVA) has ordered ten jets. OVA said it will be paid compensation by the maker.", "OVA said", "Orvane Air"),
        # not a bracket that spells another name's letters
        ("Orvane Air (Oslo) has ordered ten jets. Oslo said it will be paid compensation by the maker.", "Oslo said", "Oslo"),
        # undefined, the one name the article writes whose letters it takes in order
        ("Orvane Air has ordered ten jets. OVA said it will be paid compensation by the maker.", "OVA said", "Orvane Air"),
        # two such names: left alone
        (
            "Orvane Air and Ostrava Aviation have ordered jets. OVA said it will be paid compensation by the maker.",
            "OVA said",
            "OVA",
        ),
    ],
)
def test_topic_abbreviation_defined_in_brackets_names_its_subject(analyse, body, start, subject):
    records = analyse(body, title="Airline wins compensation")
    record = [r for r in records if r.text.startswith(start)][0]
    assert record.subject.name == subject, [(r.text, r.subject.name) for r in records]


def test_topic_claim_writing_the_fuller_name_of_the_main_subject_takes_it(analyse):
    body = (
        "Brackley Athletic have rejected a bid of 20 million euros for their captain. "
        "Brackley said the player is not for sale."
    )
    records = analyse(body, title="Brackley turn down bid for captain")
    subjects = {r.text.split()[0]: r.subject.name for r in records}
    # the lead names the club the title calls "Brackley" in full: the article follows
    # "Brackley Athletic", and a claim that names only "Brackley" is the club's too
    assert subjects.get("Brackley") == "Brackley Athletic", [(r.text, r.subject.name) for r in records]
    assert [r.subject.name for r in records if r.text.startswith("Brackley Athletic")] == ["Brackley Athletic"], [
        (r.text, r.subject.name) for r in records
    ]


def test_topic_both_stands_for_the_last_two_names(analyse):
    records = analyse(
        "Orvik Air said its former finance chief Lars Odell had hired the regulator Maren Holt while talks "
        "were under way. Both were later fined.",
        title="Orvik Air fined",
    )
    both = next(r for r in records if r.text.startswith("Both"))
    assert (both.subject.name, both.subject.text) == ("Lars Odell", "Both")



def test_topic_this_takes_the_subject_of_the_sentence_before(analyse):
    records = analyse(
        "Varga Aero won the order on Friday. The Kestrel 9 will be built in Leeds from 2029. "
        "This is expected to create 300 jobs.",
        title="Varga Aero wins order",
    )
    assert [(r.subject.name, r.subject.text) for r in records[1:]] == [("Kestrel 9", "Kestrel 9"), ("Kestrel 9", "This")]


def test_topic_speaker_title_after_said_is_a_crew_fact_of_the_speaker(analyse):
    # the title is the post the speaker holds, keyed by her name; it gives
    # its topic to no other claim of its sentence, and the quotation keeps its own
    records = analyse(
        '"The new tax will hurt small shops," said Petra Lund, an economist at a research group in Leeds. '
        "The council will vote on the plan in May.",
        title="Council to vote on shop tax",
    )
    title = next(r for r in records if r.text.startswith("an economist"))
    assert (title.topic, title.key) == ("crew", "Petra Lund")
    assert all(r.topic != "crew" for r in records if r is not title)


def test_topic_incidental_business_word_keeps_a_claim_that_states_money():
    # an article that follows no topic: a business word away from the
    # predicate names no fact, unless the predicate states a sum of money
    from collections import Counter

    from claimx.claims.topic import _incidental

    counted = [Counter({"business": 1.0})] * 2 + [Counter()] * 10
    topics = ["business", "business"] + [None] * 10
    assert _incidental(counted, topics) == [0, 1]
    assert _incidental(counted, topics, frozenset({1})) == [0]


@pytest.mark.parametrize(
    "body, claim, subject",
    [
        # a person named as the subject of a claim no topic names is what it is about
        (
            "The mayor's race is tightening. Councillor Dana Whitlow was booed at the rally.",
            "was booed at the rally",
            "Dana Whitlow",
        ),
        # "he" after "said" is the speaker, who speaks of himself
        (
            "The mayor's race is tightening. Councillor Omar Fenwick said he would not endorse anyone before the vote.",
            "would not endorse anyone",
            "Omar Fenwick",
        ),
        # "she" opening a sentence is the person the sentence before named as its subject
        (
            "The mayor's race is tightening. Dana Whitlow toured the harbour on Monday. She has promised to rebuild the pier.",
            "has promised to rebuild the pier",
            "Dana Whitlow",
        ),
    ],
)
def test_topic_person_subject_in_news_about_people(analyse, body, claim, subject):
    records = analyse(body)
    record = next(r for r in records if claim in r.text)
    assert record.subject.name == subject, [(r.text, r.subject.name) for r in records]


def test_topic_person_pronoun_in_a_quotation_is_not_its_speaker(analyse):
    records = analyse(
        "The mayor's race is tightening. Dana Whitlow spoke to reporters on Monday. "
        '"He has never rebuilt a single pier," Whitlow said.'
    )
    record = next(r for r in records if "rebuilt a single pier" in r.text)
    assert record.subject.name != "Dana Whitlow", [(r.text, r.subject.name) for r in records]


def test_topic_person_pronoun_leaves_a_numbered_work_its_subject(analyse):
    records = analyse(
        "Copper Lantern 2 will open in May. Director Ana Ruiz visited the set, and she said the film is finished.",
        title="Copper Lantern 2 opens in May",
    )
    record = next(r for r in records if "film is finished" in r.text)
    assert record.subject.name == "Copper Lantern 2", [(r.text, r.subject.name) for r in records]


@pytest.mark.parametrize(
    "name, plain",
    [
        ("Paul D. Ryan", "Paul Ryan"),
        ("Anna K. L. Berg", "Anna Berg"),
        ("Joseph R. Biden Jr.", "Joseph Biden Jr."),
        # an initial that opens the name is how the person goes by
        ("J. Edgar Hoover", "J. Edgar Hoover"),
        ("Alita: Battle Angel 2", "Alita: Battle Angel 2"),
        ("Paul Ryan", "Paul Ryan"),
    ],
)
def test_topic_without_middle_initials(name, plain):
    assert without_middle_initials(name) == plain


def test_topic_subject_without_middle_initial(analyse):
    records = analyse("Senator Mara T. Quill was booed at the rally on Friday.")
    assert records and records[0].subject.name == "Mara Quill", [(r.text, r.subject.name) for r in records]


def test_topic_post_a_person_holds_is_a_crew_fact_in_a_story_of_no_topic(analyse):
    # a post said of a person by the predicate ("was governor of …", "served
    # on …") is a crew fact, as a crew word at the predicate would make it,
    # even in an article that follows no topic; a post wished for ("wants to
    # be …") or held while doing something else ("as mayor, she …") is not
    records = analyse(
        "Ruth Alder won the primary in Dunmore on Tuesday. Alder was governor of the province from 2009 to 2015. "
        "She served on the harbour board for a decade. Her rival has always wanted to be mayor of Dunmore. "
        "As mayor, she would not raise the port's fees. Turnout rose sharply in the north of the county.",
        title="Alder wins Dunmore primary",
    )
    topics = {r.text: r.topic for r in records}
    assert topics["Alder was governor of the province from 2009 to 2015"] == "crew"
    assert topics["She served on the harbour board for a decade"] == "crew"
    assert all(t != "crew" for text, t in topics.items() if "mayor" in text)


def test_topic_delivered_speech_is_no_delivery(analyse):
    # "deliver" is a release word of the delivery slot; a speech or remarks
    # delivered are a talk given (the slot's ``not_objects``)
    (speech,) = analyse("The mayor delivered a long speech at the harbour on Friday.")
    (jets,) = analyse("The planemaker delivered its first jets to the airline in March.")
    assert (speech.topic, jets.topic) == ("other", "release")


def test_topic_person_arriving_somewhere_is_no_release(analyse):
    # "arrive" is a release word, but not when a person or a group of people
    # arrives at a place (the rule's ``not_person_agent``): a journey
    (senator,) = analyse("Senator Ilse Varga arrived in Dunmore on Monday night.")
    (voters,) = analyse("The first voters arrived at the polling stations before dawn.")
    (update,) = analyse("The new firmware will arrive on all handsets next week.")
    assert (senator.topic, voters.topic, update.topic) == ("other", "other", "release")


def test_topic_banking_on_is_no_bank(analyse):
    # "bank on" is "count on", no bank (the rule's ``not_with``)
    (hope,) = analyse("The governor is banking on a late surge in the northern counties.")
    (lender,) = analyse("The bank will lend the carmaker $2 billion next year.")
    assert (hope.topic, lender.topic) == ("other", "business")


def test_topic_role_played_in_events_is_no_part(analyse):
    # "role" is a cast word, but not as what "play" is done to, unless it
    # names the part ("the role of …"); "play" with "role" as its object neither
    (events,) = analyse("Luck played a small role in the victory.")
    (part,) = analyse("She will play the role of a retired detective in the new series.")
    assert (events.topic, part.topic) == ("other", "cast")


@pytest.mark.parametrize(
    "body, title, claim, subject",
    [
        # the article follows Brandt, but this claim is Whitlow's: she is its subject, Brandt its object
        (
            "Mayor Ilse Brandt wants a second term. Councillor Dana Whitlow is at risk of losing her seat to Ilse Brandt, aides say.",
            "Brandt seeks a second term",
            "at risk of losing",
            "Dana Whitlow",
        ),
        # a person who owns the claim's subject holds the fact
        (
            "Mayor Ilse Brandt wants a second term. Councillor Dana Whitlow's lead over Ilse Brandt has narrowed to two points.",
            "Brandt seeks a second term",
            "lead over",
            "Dana Whitlow",
        ),
        # a campaign a name marks as its own, as the claim's subject
        (
            "The race for mayor is tightening. The Harwick campaign has spent heavily on radio advertising in the north.",
            None,
            "has spent heavily",
            "Harwick campaign",
        ),
        # a campaign's money is the campaign's
        (
            "Senator Ruth Calder is running for governor. Calder's campaign raised $3 million in May.",
            None,
            "raised $3 million",
            "Calder campaign",
        ),
        # a quantity stands for what it counts; what a release claim releases is what it is about
        (
            "Senator Ruth Calder is running for governor. The ministry said 40 of Calder's emails were classified.",
            None,
            "were classified",
            "Calder emails",
        ),
        (
            "Senator Ruth Calder is running for governor. The ministry released 900 pages of Ruth Calder's emails on Friday.",
            None,
            "released 900 pages",
            "Ruth Calder emails",
        ),
        # a post on a campaign is the campaign's, named by its owner's last name
        (
            "Senator Ruth Calder is running for governor. Last month, Calder fired her campaign manager, Tom Reyes.",
            None,
            "fired her campaign manager",
            "Calder campaign",
        ),
        (
            "Senator Ruth Calder is running for governor. Last month, Calder fired her campaign manager, Tom Reyes. "
            "Calder hired Ann Lowe as her campaign chairman in May.",
            None,
            "hired Ann Lowe",
            "Calder campaign",
        ),
        # "the poll" is the one the article named before it
        (
            "A Civic Post poll of 900 voters was taken last week. The poll found the mayor ahead by six points.",
            None,
            "found the mayor ahead",
            "Civic Post poll",
        ),
        # a possessive and a title outside the person's name are dropped, a compounded noun kept
        (
            "Mayor Ilse Brandt wants a second term. Mr. Brandt's housing plan has drawn criticism from landlords.",
            None,
            "drawn criticism",
            "Brandt housing plan",
        ),
        # a day is no name of the debate
        (
            "The race for mayor is tightening. Wednesday's debate settled very little for either of the candidates.",
            None,
            "settled very little",
            "-debate",
        ),
        # an event no name marks is named by its own words, a bare one by the fullest the article wrote
        (
            "Mayor Ilse Brandt wants a second term. The campaign has grown quieter since the spring.",
            None,
            "grown quieter",
            "campaign",
        ),
        (
            "Mayor Ilse Brandt wants a second term. The tax plan has drawn criticism from landlords.",
            None,
            "drawn criticism",
            "tax plan",
        ),
        (
            "Mayor Ilse Brandt wants a second term. Her aides drafted a tax plan in May. The plan is popular with young voters.",
            None,
            "popular with young voters",
            "tax plan",
        ),
        # a piece of a hyphenated word is no part of the name
        (
            "Mayor Ilse Brandt wants a second term. The bare-bones plan is popular with young voters.",
            None,
            "popular with young voters",
            "plan",
        ),
        # "several campaigns" are no one campaign
        (
            "Mayor Ilse Brandt wants a second term. Several campaigns have grown quieter since the spring.",
            None,
            "grown quieter",
            "-campaign",
        ),
    ],
)
def test_topic_subject_is_what_the_claim_names_as_its_own_subject(analyse, body, title, claim, subject):
    records = analyse(body, title=title)
    record = next(r for r in records if claim in r.text)
    if subject.startswith("-"):
        assert subject[1:] not in record.subject.name, [(r.text, r.subject.name) for r in records]
    else:
        assert record.subject.name == subject, [(r.text, r.subject.name) for r in records]


def test_topic_clause_without_a_subject_shares_the_one_its_sentence_named_before(analyse):
    # a clause that names no subject of its own speaks of what the claim
    # before it in its sentence named, not of the article's main subject
    records = analyse(
        "Mayor Ilse Brandt will run again in May. The Harwick Rovers stadium plan was rejected last week, "
        "though the council may vote on it again in June.",
        title="Ilse Brandt to run again",
    )
    record = [r for r in records if r.text.startswith("the council may vote")][0]
    assert record.subject.name == "The Harwick Rovers stadium plan", [(r.text, r.subject.name) for r in records]


@pytest.mark.parametrize(
    "text, subject, key",
    [
        # what a person owns stands for them when it is their bid, whatever tag the
        # tagger gives the owner's name (a proper noun it may read as a body)
        ("On Thursday, Senator Dana Kerr said she was not ready to support Ivo Brandt's campaign for governor.", "Dana Kerr",
         "Ivo Brandt endorsement"),
        # an act towards another thing of theirs is no act towards them, but a fact of
        # its own, keyed by the owner's name and the thing
        ("Senator Amos Drury is not ready to support Tomas Reyes's housing agenda.", "Amos Drury", "Reyes agenda"),
    ],
)
def test_topic_an_act_towards_what_a_person_owns(analyse, text, subject, key):
    (record,) = [r for r in analyse(text) if r.topic == "other"]
    assert (record.subject.name, record.key) == (subject, key)


_HARBOUR = (
    "The Harbour Act would fund a new pier in Leeds. Senator Tomas Whitlow spoke for it on Monday. "
    "Whitlow grew up near the coast. Whitlow has never lost a race, and he has asked donors for more money.",
    "Harbour Act heads to a vote",
)
_BRANDT = (
    "Mayor Ilse Brandt lost her seat in the spring. Senator Tomas Whitlow has slipped in the polls since March. "
    "Dana Okafor will launch her campaign in May.",
    "Mayor Ilse Brandt faces a hard winter",
)


@pytest.mark.parametrize(
    "article, claim, subject",
    [
        # a surname the tagger took for a firm, as the clause's subject, is
        # the person the article named in full
        (_HARBOUR, "Whitlow grew up near the coast", "Whitlow"),
        (_HARBOUR, "Whitlow has never lost a race", "Whitlow"),
        # and "he" after it stands for that person
        (_HARBOUR, "he has asked donors for more money", "Whitlow"),
        # in news that follows a person, another person named as the
        # clause's subject holds its fact, whatever its topic
        (_BRANDT, "Senator Tomas Whitlow has slipped", "Tomas Whitlow"),
        (_BRANDT, "Dana Okafor will launch her campaign", "Dana Okafor"),
    ],
)
def test_topic_person_named_as_the_clause_subject_holds_its_fact(analyse, article, claim, subject):
    records = analyse(article[0], title=article[1])
    record = next(r for r in records if r.text.startswith(claim))
    assert record.subject.name == subject, [(r.text, r.subject.name) for r in records]
