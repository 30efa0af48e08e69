"""claimx as a spaCy package: its config, its components' declarations, and a saved pipeline.

``nlp.to_disk`` writes claimx's config and a copy of the rule files each
component read; ``spacy.load`` of that folder must give the same claims with
no rule pack in reach (``$CLAIMX_RULES`` pointing nowhere).
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from claimx.fingerprint import extractor_info
from claimx.nlp import COMPONENTS, claimx_config, load_base, load_nlp, make_doc, rule_packs
from claimx.records import doc_records
from claimx.schemas import Article

from conftest import DEVSET

# sentences written for this test
OWN_TEXT = (
    "Brightwell Studios is reportedly preparing a third Lantern Coast film for late 2027, "
    "two people close to the project told The Ledger.\n\n"
    "A spokesperson for the studio denied that filming had begun. "
    "The director said on Monday that the script was finished, "
    "although no release date has been announced."
)


#: one extractor for every run (claim ids hash it)
EXTRACTOR = extractor_info("m", "1")


def _claims(nlp, article: Article) -> list[dict]:
    records = doc_records(nlp(make_doc(nlp, article)), article, EXTRACTOR)
    return [r.model_dump(mode="json", exclude={"extractor"}) for r in records]


def _articles() -> list[Article]:
    from claimx.evaluate import load_gold

    own = Article(
        doc_id="own", path="own.md", body=OWN_TEXT, published=dt.date(2025, 6, 4), title="Lantern Coast 3", content_hash="0"
    )
    # a dev-set article too where the shared folder sits beside the checkout
    return [own, load_gold(DEVSET).articles()[0]] if DEVSET.is_dir() else [own]


@pytest.fixture(scope="module")
def saved(nlp, tmp_path_factory):
    path = tmp_path_factory.mktemp("pipeline") / "claimx_en"
    nlp.to_disk(path)
    return path


def test_package_saved_pipeline_carries_its_rules(saved):
    for name, _ in COMPONENTS:
        assert any((saved / name).glob("*.jsonl")), name
    assert (saved / "tokenizer" / "normalize.jsonl").is_file()
    config = spacy.util.load_config(saved / "config.cfg")
    assert config["nlp"]["tokenizer"]["@tokenizers"] == "claimx.NormalizingTokenizer.v1"


def test_package_saved_pipeline_gives_the_same_claims_without_the_rule_pack(nlp, saved, monkeypatch, tmp_path):
    articles = _articles()
    expected = [_claims(nlp, article) for article in articles]
    assert all(expected)
    monkeypatch.setenv("CLAIMX_RULES", str(tmp_path / "no-such-pack"))
    loaded = spacy.load(saved)
    assert loaded.pipe_names == nlp.pipe_names
    assert [_claims(loaded, article) for article in articles] == expected
    # the packs it read are its own folders
    assert all(saved in pack.parents or pack == saved for pack in rule_packs(loaded))
    # `claimx run --model PATH` loads it the same way
    again = load_nlp(str(saved))
    assert [_claims(again, article) for article in articles[:1]] == expected[:1]


def test_package_components_round_trip_through_bytes(nlp):
    fresh = load_base()
    for name, settings in COMPONENTS:
        fresh.add_pipe(name, config=settings)
    for name, _ in COMPONENTS:
        fresh.get_pipe(name).from_bytes(nlp.get_pipe(name).to_bytes())
    fresh.tokenizer = nlp.tokenizer
    article = _articles()[0]
    assert _claims(fresh, article) == _claims(nlp, article)


def test_package_settings_come_from_the_config(nlp):
    config = claimx_config()
    for name, _ in COMPONENTS:
        assert nlp.config["components"][name] == dict(config["components"][name])
    assert nlp.config["nlp"]["tokenizer"] == dict(config["nlp"]["tokenizer"])


def test_package_pipe_analysis_has_no_problems(nlp):
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert not any(problems.values()), problems


def test_package_pipe_analysis_reports_cues_before_attribution():
    nlp = load_base()
    settings = dict(COMPONENTS)
    for name, _ in COMPONENTS:
        if name == "claimx_attribution":
            continue
        nlp.add_pipe(name, config=settings[name])
        if name == "claimx_cues":
            nlp.add_pipe("claimx_attribution", config=settings["claimx_attribution"])
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert problems["claimx_cues"] == ["span._.claim_attribution"]
    assert not problems["claimx_attribution"]


def test_package_saved_pipeline_fingerprint_is_known_without_loading_it(saved, monkeypatch, tmp_path):
    from claimx.fingerprint import saved_pipeline_packs
    from claimx.pipeline import Extraction
    from claimx.run import pipeline_extractor

    monkeypatch.setenv("CLAIMX_RULES", str(tmp_path / "no-such-pack"))
    assert saved_pipeline_packs(str(saved))
    # what `claimx run --model DIR` computes before loading spaCy is what the loaded pipeline stamps
    assert pipeline_extractor(str(saved)).fingerprint == Extraction(model=str(saved)).extractor.fingerprint


def test_package_saved_pipeline_loads_in_a_fresh_process(saved, tmp_path):
    # nothing of claimx imported beforehand: `claimx run --model DIR` registers
    # the tokenizer and the factories before spaCy reads the saved config
    import os
    import subprocess
    import sys

    code = (
        "import sys; from claimx.nlp import load_nlp; nlp = load_nlp(sys.argv[1]); "
        "print(type(nlp.tokenizer).__name__, len(nlp('Rumours say the film may open in May.').spans['claims']))"
    )
    env = {**os.environ, "CLAIMX_RULES": str(tmp_path / "no-such-pack")}
    out = subprocess.run([sys.executable, "-c", code, str(saved)], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["NormalizingTokenizer", "1"]


def test_package_paths_rules_names_the_pack_of_every_component(tmp_path):
    import shutil

    from claimx.rules import default_rules_dir

    pack = tmp_path / "pack"
    shutil.copytree(default_rules_dir(), pack)
    nlp = load_nlp(rules_dir=pack)
    assert rule_packs(nlp) == [pack]
    assert {nlp.config["components"][name]["rules_dir"] for name, _ in COMPONENTS} == {str(pack)}


def test_package_tests_import_this_checkouts_code():
    """The suite tests the checkout it runs from, not whatever checkout an editable install points at."""
    from pathlib import Path

    import claimx

    import subprocess
    import sys

    src = Path(__file__).resolve().parent.parent / "src"
    assert Path(claimx.__file__).resolve().is_relative_to(src.resolve())
    child = subprocess.run([sys.executable, "-c", "import claimx; print(claimx.__file__)"],
                           capture_output=True, text=True, check=True, cwd="/")
    assert Path(child.stdout.strip()).resolve().is_relative_to(src.resolve())
