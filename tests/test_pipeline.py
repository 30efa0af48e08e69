"""The pipeline: components, order, span fidelity on varied text, pickling."""

from __future__ import annotations

import pickle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimx.claims.sentences import doc_text
from claimx.nlp import COMPONENTS

WORDS = [
    "The", "sequel", "is", "officially", "in", "development", "and", "expected", "to",
    "return", "in", "mid\u20112023", "reportedly", "could", "not", "yet", "begun", "Valve",
    "said", "\u201cwe", "will", "ship\u201d", "it\u2019s", "Caf\u00e9", "\u00a0", "\u2014",
    "no", "date", "has", "been", "set", "according", "to", "sources", "\u00e9t\u00e9",
    ",", ".", "?", "\n", "Dune:", "Part", "Three", "2026", "next", "spring", "\U0001f600",
]


def test_pipeline_has_claimx_components_in_order(nlp):
    names = [name for name, _ in COMPONENTS]
    assert [n for n in nlp.pipe_names if n.startswith("claimx_")] == ["claimx_sentences", *names]
    assert nlp.pipe_names.index("claimx_sentences") < nlp.pipe_names.index("parser")
    assert nlp.pipe_names.index("claimx_entities") > nlp.pipe_names.index("ner")


def test_pipeline_paragraph_break_ends_a_sentence(nlp):
    doc = nlp("The board met on Monday and\nThe talks will resume in May.")
    starts = [s.text.split()[0] for s in doc.sents]
    assert starts[-1] == "The"
    assert len(list(doc.sents)) == 2


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40), st.sampled_from([" ", "", "\u00a0"]))
def test_pipeline_every_span_maps_back(analyse, words, sep):
    body = sep.join(words)
    for record in analyse(body):
        assert body[record.span.start : record.span.end] == record.text
        for part in [*record.cues, *record.entities, *record.dates]:
            assert body[part.start : part.end] == part.text
        if record.attribution is not None:
            assert body[record.attribution.start : record.attribution.end] == record.attribution.text


def test_pipeline_doc_text_is_body_with_odd_characters(nlp):
    body = "Cameron reaffirmed in mid\u20112023\u00a0that \u201cAlita\u201d films are planned."
    doc = nlp(body)
    assert doc_text(doc) == body
    # the no-break space is the words' whitespace, not a token of its own
    assert doc.text == body.replace("\u00a0", " ")
    assert not any(t.is_space for t in doc)
    assert any(t.norm_ == '"' for t in doc)


def test_pipeline_docs_pickle(nlp):
    doc = nlp("The sequel is officially in development, although no date has been set.")
    again = pickle.loads(pickle.dumps(doc))
    assert [s.text for s in again.spans["claims"]] == [s.text for s in doc.spans["claims"]]
    assert [s._.claim["status"] for s in again.spans["claims"]] == [
        s._.claim["status"] for s in doc.spans["claims"]
    ]


def test_pipeline_normalizing_tokenizer_from_config():
    import spacy

    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "claimx.NormalizingTokenizer.v1"}}})
    doc = nlp("It\u2019s \u201cofficial\u201d")
    assert doc.text == "It\u2019s \u201cofficial\u201d"
    assert [t.norm_ for t in doc][-2] == "official"


#: an article of the kinds whose rules every component records: dates, sources, cues, topics, an opinion
RECORDED = (
    "Harbor Lights Studio said on Tuesday that the sequel will open in cinemas in May 2026. "
    "According to three people who know the plans, the studio is expected to name a new director next week. "
    "The city's mayor denied reports that the ferry terminal would close before the summer. "
    "It was a truly wonderful season for the whole cast, the producer wrote."
)


def test_pipeline_records_rules_only_where_asked(nlp):
    """A Doc made with ``record_rules=False`` (as a run's extraction makes them) records no
    rule firings, and its records are those of a Doc that records them, byte for byte."""
    import datetime as dt

    from claimx.fingerprint import extractor_info
    from claimx.nlp import make_doc, model_info
    from claimx.pipeline import Extraction
    from claimx.records import doc_records
    from claimx.schemas import Article

    import json

    from claimx.rules import default_rules_dir

    article = Article(
        doc_id="harbor", path="harbor.md", body=RECORDED, published=dt.date(2025, 6, 3), title="Harbor Lights sequel set", content_hash="0"
    )
    pack_of = {
        json.loads(line)["id"]: path.stem
        for path in default_rules_dir().glob("*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and '"id"' in line
    }
    extractor = extractor_info(*model_info(nlp))
    recorded = nlp(make_doc(nlp, article))
    skipped = nlp(make_doc(nlp, article, record_rules=False))
    fired = recorded._.rules_fired or []
    # every component that records its rules' firings recorded some here
    assert {pack_of.get(rule) for rule, _, _ in fired} >= {"temporal", "topics", "attribution", "cues"}, fired
    assert not skipped._.rules_fired
    json_of = lambda doc: [r.model_dump_json() for r in doc_records(doc, article, extractor)]  # noqa: E731
    assert json_of(skipped) == json_of(recorded) != []
    extraction = Extraction.__new__(Extraction)  # the run's path, on the suite's pipeline
    extraction.nlp, extraction.extractor, extraction.batch_size = nlp, extractor, 16
    [(_, records)] = list(extraction.extract([article]))
    assert [r.model_dump_json() for r in records] == json_of(recorded)
