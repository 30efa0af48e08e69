"""The roll-up updated for the subjects a run touches is, byte for byte, a full recompute."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

import claimx.run as run_module
from claimx.run import run
from claimx.increment import _doc_infos
from claimx.status import diff, rollup
from claimx.store import Store
from claimx.views import mark, rebuild_views, stored_rollup

VIEWS = ("claims.jsonl", "documents.jsonl", "status.jsonl", "decisions.jsonl")

ARTICLES = {
    "lumen.md": (
        "Lumen Drift 4 gets a date",
        "2025-02-03",
        (
            "Studio Kestrel confirmed that Lumen Drift 4 will launch in March 2026. "
            "The studio said the game has entered its final testing phase."
        ),
    ),
    "pad.md": (
        "Quillon prices its tablet",
        "2025-02-10",
        (
            "Quillon is expected to price the Orbit Pad 3 at $499, according to two retailers. "
            "The Orbit Pad 3 has a 12-inch display and 8GB of memory."
        ),
    ),
    "pad-denial.md": (
        "Quillon denies tablet report",
        "2025-02-12",
        "Quillon denied that the Orbit Pad 3 would ship without a charger, a spokesperson said on Monday.",
    ),
    "harbor.md": (
        "Harbor Line casting rumours",
        "2025-02-14",
        (
            "Mara Ellison is rumored to join the cast of Harbor Line, insiders say. "
            "Production on Harbor Line is set to begin in Toronto this autumn."
        ),
    ),
}

LATER = {
    "ld4.md": (
        "LD4 slips",
        "2025-03-01",
        "LD4 has been delayed to the summer of 2026, people familiar with the plans said.",
    ),
    "cinder.md": (
        "Cinder Vale announced",
        "2025-03-02",
        "Cinder Vale will be released on consoles next year, the publisher announced on Tuesday.",
    ),
}


def _write(corpus: Path, name: str, title: str, published: str, body: str) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / name).write_text(f"---\ntitle: {title}\npublished: {published}\n---\n{body}\n", encoding="utf-8")


def _snapshot(out: Path) -> tuple[dict[str, bytes], list[tuple[str, str]]]:
    views = {name: (out / name).read_bytes() for name in VIEWS}
    with Store.open(out, write=False) as store:
        rows = list(store.conn.execute("SELECT group_id, record FROM rollup ORDER BY sort_key, rowid"))
    return views, rows


def _full_recompute(out: Path, corpus: Path, tmp_path: Path) -> tuple[dict[str, bytes], list[tuple[str, str]]]:
    """The views and roll-up :func:`claimx.views.rebuild_views` computes from every claim, on a copy of the store."""
    copy = tmp_path / "full"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(out, copy)
    with Store.open(copy) as store:
        rebuild_views(store, corpus)
    return _snapshot(copy)


@pytest.fixture
def refreshes(monkeypatch):
    seen = []
    real = run_module.refresh_rollup

    def spy(*args, **kwargs):
        result = real(*args, **kwargs)
        seen.append(result)
        return result

    monkeypatch.setattr(run_module, "refresh_rollup", spy)
    return seen


def _run(corpus: Path, out: Path):
    time.sleep(0.01)
    return run(corpus, out, progress=False, workers=1)


def _first_run(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """Write the articles of ``ARTICLES`` into a corpus and run claimx on it once.
    RETURNS (tuple[Path, Path]): the corpus and outputs folders."""
    monkeypatch.setattr(run_module, "RACY_NS", 0)  # files written a moment ago are trusted by their stat
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    for name, article in ARTICLES.items():
        _write(corpus, name, *article)
    _run(corpus, out)
    return corpus, out


def test_incremental_rollup_equals_full_recompute(tmp_path, refreshes, monkeypatch):
    corpus, out = _first_run(tmp_path, monkeypatch)
    assert refreshes[-1].full  # a new store: everything

    # added articles (one an abbreviation of an earlier name), one changed, one removed
    before = _snapshot(out)
    for name, article in LATER.items():
        _write(corpus, name, *article)
    title, published, body = ARTICLES["pad.md"]
    _write(corpus, "pad.md", title, published, body.replace("$499", "$549"))
    (corpus / "pad-denial.md").unlink()
    with Store.open(out, write=False) as store:
        previous = stored_rollup(store)
    second = _run(corpus, out)
    refreshed = refreshes[-1]
    assert not refreshed.full and 0 < refreshed.subjects
    incremental = _snapshot(out)
    full = _full_recompute(out, corpus, tmp_path)
    assert incremental == full
    assert incremental != before
    with Store.open(tmp_path / "full", write=False) as store:
        assert second.changes == diff(previous, stored_rollup(store))

    # a subject no new article touches keeps its stored record, and is not recomputed
    _write(corpus, "harbor-2.md", "Harbor Line update", "2025-03-05", "Harbor Line will premiere in 2027, the network confirmed.")
    _run(corpus, out)
    assert not refreshes[-1].full and refreshes[-1].subjects < len(incremental[1])
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)


def test_incremental_rollup_with_decisions(tmp_path, refreshes, monkeypatch):
    corpus, out = _first_run(tmp_path, monkeypatch)
    claims = (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    first, second = (json.loads(line) for line in claims[:2])
    mark(out, first["claim_id"], action="reject")
    mark(out, second["claim_id"], action="status", status="denied")
    for name, article in LATER.items():
        _write(corpus, name, *article)
    _run(corpus, out)
    assert refreshes[-1].full  # decisions recorded since the last roll-up: everything again
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)

    title, published, body = ARTICLES["lumen.md"]
    _write(corpus, "lumen.md", title, published, body + " A demo is planned for June.")
    _run(corpus, out)
    assert not refreshes[-1].full
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)


def test_incremental_abbreviation_takes_the_full_name_an_earlier_article_writes(tmp_path, refreshes, monkeypatch):
    monkeypatch.setattr(run_module, "RACY_NS", 0)
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _write(corpus, "a.md", "Varga unveils the Orion 500", "2025-03-01", (
        "Varga Aerospace unveiled the Orion 500 on Monday. The first customer, Pacific Rim Airways, "
        "is due to receive its first jets in 2027."
    ))
    _run(corpus, out)
    _write(corpus, "b.md", "PRA adds to Orion 500 order", "2025-04-01",
           "Launch customer PRA has ordered 20 more Orion 500 jets, the airline said on Tuesday.")
    _run(corpus, out)
    assert not refreshes[-1].full
    records = [json.loads(line) for line in (out / "status.jsonl").read_text().splitlines()]
    assert ("Pacific Rim Airways", "orders") in {(r["subject"], r["key"]) for r in records}
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)


@pytest.fixture
def splices(monkeypatch):
    import claimx.views as views_module

    seen: list[str] = []
    real = views_module.splice_lines_atomic

    def spy(path, pieces):
        seen.append(Path(path).name)
        return real(path, pieces)

    monkeypatch.setattr(views_module, "splice_lines_atomic", spy)
    return seen


def test_views_spliced_in_place_equal_a_whole_rewrite(tmp_path, splices, monkeypatch):
    corpus, out = _first_run(tmp_path, monkeypatch)
    assert splices == []  # a new store: every view written whole

    # added (before, between and after the others in doc_id order), changed, removed, unreadable
    for name, article in LATER.items():
        _write(corpus, name, *article)
    _write(corpus, "aaa-first.md", "A note", "2025-03-03", "Orbit Pad 3 will ship in April, the company confirmed.")
    title, published, body = ARTICLES["harbor.md"]
    _write(corpus, "harbor.md", title, published, body.replace("Toronto", "Montreal"))
    (corpus / "pad-denial.md").unlink()
    (corpus / "zz-broken.json").write_text("{not json", encoding="utf-8")
    _run(corpus, out)
    assert {"claims.jsonl", "documents.jsonl", "status.jsonl"} <= set(splices)
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)

    # the unreadable file mended, an article emptied of claims, decisions in force
    splices.clear()
    (corpus / "zz-broken.json").write_text('{"title": "Mended", "text": "Cinder Vale is rumored to get a sequel."}', encoding="utf-8")
    _write(corpus, "cinder.md", "Cinder Vale", "2025-03-02", "A quiet week.")
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    mark(out, claims[0]["claim_id"], action="reject")
    _run(corpus, out)  # decisions recorded since the last roll-up: written whole
    _write(corpus, "lumen.md", *ARTICLES["lumen.md"][:2], ARTICLES["lumen.md"][2] + " A demo is planned for June.")
    _run(corpus, out)
    assert "claims.jsonl" in splices
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)


def test_views_written_whole_when_most_articles_changed(tmp_path, splices, refreshes, monkeypatch):
    """A run that changed more than half of the articles (and at least SPLICE_WHOLE_LEAST) writes
    the views whole, the bytes a splice gives; one that changed fewer splices them."""
    import claimx.views as views_module

    corpus, out = _first_run(tmp_path, monkeypatch)
    monkeypatch.setattr(views_module, "SPLICE_WHOLE_LEAST", 2)
    names = sorted(ARTICLES)
    for name in names[: len(names) // 2 + 1]:
        title, published, body = ARTICLES[name]
        _write(corpus, name, title, published, body + " The company declined to comment further.")
    _run(corpus, out)
    assert not refreshes[-1].full and splices == []
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)
    title, published, body = ARTICLES[names[-1]]
    _write(corpus, names[-1], title, published, body + " A decision is expected next week.")
    _run(corpus, out)
    assert not refreshes[-1].full and "claims.jsonl" in splices
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)


def test_views_edited_by_hand_are_written_whole(tmp_path, splices, monkeypatch):
    corpus, out = _first_run(tmp_path, monkeypatch)
    with open(out / "claims.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"claim_id": "mine"}\n')
    for name, article in LATER.items():
        _write(corpus, name, *article)
    _run(corpus, out)
    assert splices == []
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)


def test_incremental_rollup_files_a_makers_own_facts_under_its_name(tmp_path, refreshes, monkeypatch):
    # the maker's name joins its one product's ("Talmar" -> "Talmar V40"), but its job cuts are the
    # maker's own (status.rollup): the incremental roll-up recomputes that subject too
    monkeypatch.setattr(run_module, "RACY_NS", 0)
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _write(corpus, "a.md", "Talmar V40 goes on sale", "2025-05-02", "The Talmar V40 will go on sale in May 2026, Talmar confirmed.")
    _run(corpus, out)
    _write(corpus, "b.md", "Talmar to shed staff", "2025-06-12",
           "Talmar will cut 1,200 jobs at its plant in Oulu, the company said on Thursday.")
    _run(corpus, out)
    assert not refreshes[-1].full
    records = [json.loads(line) for line in (out / "status.jsonl").read_text().splitlines()]
    assert ("Talmar", "job cuts") in {(r["subject"], r["key"]) for r in records}
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)


def test_incremental_resolves_only_the_names_connected_to_what_changed(tmp_path, refreshes, monkeypatch):
    corpus, out = _first_run(tmp_path, monkeypatch)
    with Store.open(out, write=False) as store:
        every = {row[0] for row in store.conn.execute("SELECT DISTINCT name FROM rollup_names")}
    assert {"Lumen Drift 4", "Harbor Line"} <= every

    # a name no other name shares a word, initials or number with: resolved alone
    _write(corpus, *("cinder.md",), *LATER["cinder.md"])
    _run(corpus, out)
    resolved = refreshes[-1].names
    assert resolved is not None and "Cinder Vale" in resolved
    assert not resolved & {"Lumen Drift 4", "Harbor Line", "Orbit Pad 3"}
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)

    # an abbreviation: resolved with the name whose initials it spells, which it then joins
    _write(corpus, "ld4.md", *LATER["ld4.md"])
    _run(corpus, out)
    resolved = refreshes[-1].names
    assert resolved is not None and {"LD4", "Lumen Drift 4"} <= resolved and "Harbor Line" not in resolved
    records = [json.loads(line) for line in (out / "status.jsonl").read_text().splitlines()]
    assert "LD4" not in {r["subject"] for r in records}
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)

    # an article removed: its names are resolved again (and dropped)
    (corpus / "ld4.md").unlink()
    _run(corpus, out)
    assert "LD4" in (refreshes[-1].names or set())
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)


def _followed(out: Path) -> dict:
    with Store.open(out, write=False) as store:
        return json.loads(store.get_meta("rollup_followed") or "{}")


def test_incremental_followed_subject_changes_for_an_article_the_run_did_not_touch(tmp_path, refreshes, monkeypatch):
    # an article's unnamed claims follow the subject most titles name: a new article whose
    # title names the club changes what an unchanged article follows, and its removal undoes it
    monkeypatch.setattr(run_module, "RACY_NS", 0)
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _write(corpus, "stadium.md", "Council backs Harland United stadium plan", "2026-05-25",
           "Harland United will expand their stadium to 40,000 seats after the council approved the plans on Wednesday.")
    _write(corpus, "bid.md", "Harland accept bid for Varo", "2026-06-02", (
        "Harland United have accepted a bid of 30 million euros from Monteval for the striker Lena Varo. "
        "The club confirmed the agreement on Monday and said talks on personal terms would begin this week."
    ))
    _run(corpus, out)
    assert "stadium" not in _followed(out)

    _write(corpus, "coach.md", "Fenn named Harland United coach", "2026-05-20",
           "Harland United have appointed Dario Fenn as their new head coach on a three-year deal, the club announced on Friday.")
    _run(corpus, out)
    assert not refreshes[-1].full
    assert set(_followed(out).get("stadium", {}).values()) == {"Harland United"}
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)

    (corpus / "coach.md").unlink()
    _run(corpus, out)
    assert "stadium" not in _followed(out)
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)


def test_incremental_fragment_of_many_names_resolved_with_three_standing_in(tmp_path, refreshes, monkeypatch):
    # a maker's name is part of each of its products' names: with more of them than HUB_SIZE,
    # three products of three subjects stand in for the rest, and the maker joins none
    from claimx import increment

    monkeypatch.setattr(run_module, "RACY_NS", 0)
    monkeypatch.setattr(increment, "HUB_SIZE", 2)
    used = []
    real = increment._connected

    def spy(*args, **kwargs):
        found = real(*args, **kwargs)
        used.append(found[2] if found else None)
        return found

    monkeypatch.setattr(increment, "_connected", spy)
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _write(corpus, "pad.md", "Orbit Pad 3 ships in May", "2026-03-01", "The Orbit Pad 3 will ship in May, the company confirmed on Monday.")
    _write(corpus, "lens.md", "Orbit Lens 4 delayed", "2026-03-02",
           "The Orbit Lens 4 has been delayed until the autumn, people familiar with the plans said.")
    _write(corpus, "band.md", "Orbit Band 7 priced", "2026-03-03", "The Orbit Band 7 is expected to cost about 199 dollars, analysts said.")
    _run(corpus, out)
    _write(corpus, "jobs.md", "Orbit to cut jobs", "2026-03-04", "Orbit will cut 200 jobs at its Dublin office, a spokesperson said on Tuesday.")
    _run(corpus, out)
    assert used[-1] == {"Orbit Pad 3", "Orbit Lens 4", "Orbit Band 7"}
    assert "Orbit" in (refreshes[-1].names or set()) and "Orbit Pad 3" not in (refreshes[-1].names or set())
    records = [json.loads(line) for line in (out / "status.jsonl").read_text().splitlines()]
    assert {"Orbit", "Orbit Pad 3", "Orbit Lens 4", "Orbit Band 7"} <= {r["subject"] for r in records}
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)


def test_incremental_rollup_files_a_claim_under_the_other_subjects_it_speaks_to(tmp_path, refreshes, monkeypatch):
    # status.rollup files "Both were charged" under the second of the two names too, and a plant
    # named by its own name under that plant: the stored roll-up rolls those subjects up as well,
    # so that `claimx status` shows what a roll-up over every claim (`claimx eval`) shows
    monkeypatch.setattr(run_module, "RACY_NS", 0)
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _write(corpus, "a.md", "Ardent results", "2025-04-02", "Ardent Motors posted a loss of $2 billion for 2024, the carmaker said on Tuesday.")
    _run(corpus, out)
    _write(
        corpus, "b.md", "Ardent to shut plants", "2025-05-02",
        "Ardent Motors will close the Brenton and Calder plants next year, the company said on Monday.\n\n"
        "The union leaders Ilse Dorn and Piet Maas met the managers on Friday. Both were later charged with trespass.",
    )
    _run(corpus, out)
    assert not refreshes[-1].full
    groups = {(r["subject"], r["key"]) for r in map(json.loads, (out / "status.jsonl").read_text().splitlines())}
    assert {("Ilse Dorn", "charges"), ("Piet Maas", "charges"), ("Calder plant", "closure")} <= groups
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)
    with Store.open(out, write=False) as store:
        claims = [json.loads(row[0]) for row in store.conn.execute("SELECT record FROM claims ORDER BY doc_id, seq")]
        everything = {(r.subject, r.key) for r in rollup(claims, _doc_infos(store)).values()}
    assert groups == everything


def test_incremental_rollup_merges_an_act_done_together_across_subjects(tmp_path, refreshes, monkeypatch):
    # "Kerr will meet Price" and, later, "Price will meet with Kerr": status.rollup keeps the one
    # meeting under one of the two parties, whichever article came first; a run that adds the second
    # article touches only Price's subject, and must roll Kerr's up with it (rollup_acts), or the
    # stored roll-up keeps two meetings where a roll-up over every claim keeps one
    monkeypatch.setattr(run_module, "RACY_NS", 0)
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    articles = [
        ("kerr.md", "Kerr to meet Price", "2025-04-01", "Senator Mia Kerr will meet Governor Tom Price in Denver on Friday, her office said on Monday."),
        ("price.md", "Price on Kerr", "2025-04-03", "Tom Price said on Wednesday that he will meet with Kerr after the vote."),
    ]
    for name, title, published, body in articles:
        _write(corpus, name, title, published, body)
        _run(corpus, out)
    assert not refreshes[-1].full
    records = [json.loads(line) for line in (out / "status.jsonl").read_text().splitlines()]
    meetings = [(r["subject"], r["key"], [h["doc_id"] for h in r["history"]]) for r in records if r["key"].endswith("meeting")]
    assert meetings == [("Mia Kerr", "Price meeting", ["kerr", "price"])]
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)
    # a first run rolled up one subject at a time (as past SUBJECTS_PER_CALL subjects) merges them too
    from claimx import increment

    monkeypatch.setattr(increment, "SUBJECTS_PER_CALL", 1)
    _run(corpus, tmp_path / "sliced")
    assert refreshes[-1].full
    assert (tmp_path / "sliced" / "status.jsonl").read_bytes() == (out / "status.jsonl").read_bytes()
    monkeypatch.setattr(increment, "SUBJECTS_PER_CALL", 500)
    # the second article gone again: the meeting is Kerr's alone, as a full recompute has it
    (corpus / "price.md").unlink()
    _run(corpus, out)
    assert not refreshes[-1].full
    assert _snapshot(out) == _full_recompute(out, corpus, tmp_path)


def test_rollup_reads_only_the_stored_records_that_differ_from_the_new_ones(tmp_path, monkeypatch):
    # a forced re-run rolls every subject up again: the stored records written as the new ones are
    # have no change to report and are not parsed; a changed one is, and its change is reported
    import claimx.increment as increment

    corpus, out = _first_run(tmp_path, monkeypatch)
    parsed: list[str] = []
    real = increment._records

    def spy(items):
        for gid, record in real(items):
            parsed.append(gid)
            yield gid, record

    monkeypatch.setattr(increment, "_records", spy)
    again = run(corpus, out, progress=False, workers=1, force=True)
    assert parsed == [] and list(again.changes) == []
    with Store.open(out, write=False) as store:
        previous = stored_rollup(store)
    title, published, body = ARTICLES["pad.md"]
    _write(corpus, "pad.md", title, published, body.replace("$499", "$549"))
    changed = _run(corpus, out)
    with Store.open(out, write=False) as store:
        now = stored_rollup(store)
    assert list(changed.changes) == diff(previous, now) != []
    assert 0 < len(parsed) < len(previous)
