"""Tests for :mod:`claimx.report` and ``claimx report``: segments, escaping, the page in Chromium.

The corpus and outputs are built by hand in ``tmp_path`` (no spaCy needed):
a hostile article (script tags, an ``onerror`` attribute, ``</script>`` inside
text, RTL and emoji text) must render as text and run nothing.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimx.cli.report  # noqa: F401  (registers the command)
from claimx.cli._app import app
from claimx.read import read_file
from claimx.report import facts_context, script_json, segment_body, write_report
from claimx.status import DocInfo, StatusChange, StatusRecord, StatusStep, rollup
from claimx.schemas import Article, Attribution, ClaimRecord, Cue, DocumentRecord, Extractor, Offsets, Subject

EXTRACTOR = Extractor(version="0", rules_hash="test", model="none", model_version="0", fingerprint="test")
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

HOSTILE = """---
title: "Evil <script>document.title='pwned'</script> title"
date: 2025-02-01
url: "javascript:alert(1)"
---
Officials said the <script>document.title='pwned'</script> sequel is reportedly in talks.
A poster <img src=x onerror="document.title='pwned'"> was confirmed by the studio.
The text </script><script>document.title='pwned'</script> is rumored to leak.
שלום עולם: the director denied the merger 🎬🍿 today.
"""

PLAIN = """---
title: Plain article
date: 2025-01-01
---
The studio confirmed the sequel. The cast is expected to return in 2026.
"""


def make_claim(article: Article, text: str, status: str, subject: str, cue: str | None = None, by: str | None = None) -> ClaimRecord:
    """A claim over the first ``text`` in the article body, with an optional cue and attribution."""
    body = article.body
    start = body.index(text)
    cues = []
    if cue is not None:
        cue_start = body.index(cue)
        cues.append(Cue(text=cue, start=cue_start, end=cue_start + len(cue), status=status))
    attribution = None
    if by is not None:
        by_start = body.index(by)
        attribution = Attribution(text=by, start=by_start, end=by_start + len(by), kind="organisation")
    return ClaimRecord(
        claim_id=f"c_{article.doc_id}_{start}_{status}",
        doc_id=article.doc_id,
        text=text,
        span=Offsets(start=start, end=start + len(text)),
        sentence=Offsets(start=0, end=len(body)),
        status=status,
        cues=cues,
        attribution=attribution,
        subject=Subject(name=subject),
        topic="release",
        key="k",
        published=article.published,
        extractor=EXTRACTOR,
    )


def document_of(article: Article, claims: int) -> DocumentRecord:
    return DocumentRecord(
        doc_id=article.doc_id,
        path=article.path,
        content_hash=article.content_hash,
        title=article.title,
        published=article.published,
        url=article.url,
        claim_count=claims,
    )


@pytest.fixture
def built(tmp_path: Path) -> dict:
    """A corpus of a hostile and a plain article, and the outputs of a run over it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    (corpus / "plain.md").write_text(PLAIN, encoding="utf-8")
    hostile = read_file(corpus / "hostile.md", corpus)[0]
    plain = read_file(corpus / "plain.md", corpus)[0]
    assert isinstance(hostile, Article) and isinstance(plain, Article)
    claims = [
        make_claim(hostile, "the <script>document.title='pwned'</script> sequel is reportedly in talks", "rumored", "Sequel <b>X</b>", cue="reportedly", by="Officials"),
        make_claim(hostile, "A poster <img src=x onerror=\"document.title='pwned'\"> was confirmed", "confirmed", "Poster", cue="confirmed by"),
        make_claim(hostile, "</script><script>document.title='pwned'</script> is rumored to leak", "rumored", "Leak", cue="is rumored"),
        make_claim(hostile, "the director denied the merger 🎬🍿", "denied", "שלום Studio", cue="denied"),
        make_claim(plain, "The studio confirmed the sequel", "confirmed", "Sequel", cue="confirmed"),
        make_claim(plain, "The cast is expected to return in 2026", "expected", "Sequel", cue="expected"),
        make_claim(plain, "expected to return", "unconfirmed", "Cast"),  # nested inside the claim before
    ]
    outputs = tmp_path / "out"
    outputs.mkdir()
    (outputs / "claims.jsonl").write_text("".join(c.model_dump_json() + "\n" for c in claims), encoding="utf-8")
    documents = [document_of(hostile, 4), document_of(plain, 3)]
    (outputs / "documents.jsonl").write_text("".join(d.model_dump_json() + "\n" for d in documents), encoding="utf-8")
    infos = {d.doc_id: DocInfo(published=d.published, added_on=dt.date(2025, 3, 1), added_seq=i) for i, d in enumerate(documents)}
    facts = rollup([c.model_dump(mode="json") for c in claims], infos)
    (outputs / "status.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in facts.values()), encoding="utf-8")
    report = tmp_path / "report.html"
    write_report(outputs, report, corpus)
    return {"corpus": corpus, "outputs": outputs, "claims": claims, "report": report, "html": report.read_text(encoding="utf-8")}


class Tags(html.parser.HTMLParser):
    """Every start tag of a page, with its attributes, and the title text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title" and not self.title  # the page's, not the SVG's

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def test_report_segment_body_joins_up_and_nests() -> None:
    body = "aa bb cc dd"
    article = Article(doc_id="d", path="d.md", body=body, content_hash="h")
    outer = make_claim(article, "bb cc dd", "expected", "S", cue="cc")
    inner = make_claim(article, "cc", "rumored", "S")
    segments = segment_body(body, [outer, inner])
    assert "".join(s.text for s in segments) == body
    by_text = {s.text: s for s in segments}
    assert by_text["cc"].claims == [inner.claim_id, outer.claim_id]
    assert by_text["cc"].cue == "expected"
    assert by_text["bb "].claims == [outer.claim_id]
    assert by_text["bb "].starts == [(outer.claim_id, "expected")]
    assert by_text["aa "].claims == []


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "a & b > c < d", "\u2028line"])
def test_report_script_json_cannot_close_the_block(text: str) -> None:
    out = script_json({"t": text})
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out) == {"t": text}


def test_report_hostile_article_is_text(built: dict) -> None:
    page = built["html"]
    tags = parse(page)
    assert [t for t, _ in tags.tags].count("script") == 2  # the data block and the page script
    assert "img" not in [t for t, _ in tags.tags]
    assert not any(name.startswith("on") for _, attrs in tags.tags for name in attrs)
    assert not any((attrs.get("href") or "").lower().startswith("javascript") for _, attrs in tags.tags)
    assert "&lt;script&gt;document.title=" in page
    assert "&lt;img src=x onerror=" in page
    assert "&lt;/script&gt;&lt;script&gt;" in page
    assert "שלום עולם" in page and "🎬🍿" in page
    assert tags.title == "claimx report"
    data = page.split('id="claimx-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data


def test_report_marks_claims_with_status_and_cues(built: dict) -> None:
    tags = parse(built["html"])
    marks = [attrs for tag, attrs in tags.tags if tag == "mark"]
    statuses = {c.claim_id: c.status for c in built["claims"]}
    assert {m["data-claim"] for m in marks} == set(statuses)
    for mark in marks:
        assert f"st-{statuses[mark['data-claim']]}" in mark["class"].split()
    nested = [m for m in marks if "nested" in m["class"].split()]
    assert nested and all(statuses[m["data-claim"]] == "unconfirmed" for m in nested)
    assert any(tag == "b" and "cue-rumored" in (attrs.get("class") or "") for tag, attrs in tags.tags)
    assert any(tag == "u" and attrs.get("class") == "attr" for tag, attrs in tags.tags)


def section_order(page: str) -> list[str]:
    """RETURNS (list[str]): the ids of the page's ``<section>`` elements, in order."""
    return [attrs.get("id") or "" for tag, attrs in parse(page).tags if tag == "section"]


def step_links(page: str) -> tuple[list[str], set[str]]:
    """RETURNS (tuple[list[str], set[str]]): the claim ids the history steps link to, and the ids of the page."""
    tags = parse(page).tags
    steps = [attrs for tag, attrs in tags if tag == "a" and "step" in (attrs.get("class") or "").split()]
    for attrs in steps:
        assert attrs["href"] == f"#claim-{attrs['data-claim']}"
    return [attrs["data-claim"] for attrs in steps], {attrs["id"] for _, attrs in tags if attrs.get("id")}


def test_report_opens_on_tracked_facts(built: dict) -> None:
    page = built["html"]
    assert section_order(page) == ["facts", "overview", "articles"]
    facts = [json.loads(line) for line in (built["outputs"] / "status.jsonl").read_text(encoding="utf-8").splitlines()]
    assert facts
    ids = {attrs.get("id") for _, attrs in parse(page).tags}
    for fact in facts:
        assert f"fact-{fact['group_id']}" in ids
    linked, ids = step_links(page)
    assert sorted(linked) == sorted(step["claim_id"] for fact in facts for step in fact["history"])
    assert all(f"claim-{cid}" in ids for cid in linked)
    section = page.split('<section id="facts">', 1)[1].split("</section>", 1)[0]
    assert "Sequel &lt;b&gt;X&lt;/b&gt;" in section and "<b>X</b>" not in section
    assert "Changed in the last run" not in section  # no store: no run to tell of


def test_report_steps_link_to_claim_list_without_corpus(built: dict, tmp_path: Path) -> None:
    out = tmp_path / "nocorpus.html"
    write_report(built["outputs"], out, tmp_path / "missing")
    linked, ids = step_links(out.read_text(encoding="utf-8"))
    assert linked and all(f"claim-{cid}" in ids for cid in linked)


def test_report_without_status_file_says_so(built: dict, tmp_path: Path) -> None:
    (built["outputs"] / "status.jsonl").unlink()
    out = tmp_path / "nostatus.html"
    write_report(built["outputs"], out, built["corpus"])
    page = out.read_text(encoding="utf-8")
    assert section_order(page)[0] == "facts" and "No status.jsonl" in page


def fact(subject: str, key: str, steps: list[tuple[str, str]], names: list[str] | None = None) -> StatusRecord:
    """A tracked fact of ``subject`` whose history is ``(published, status)`` steps."""
    history = [
        StatusStep(doc_id=f"d{i}", published=dt.date.fromisoformat(day), status=status, claim_id=f"c_{subject}_{key}_{i}", text="t")
        for i, (day, status) in enumerate(steps)
    ]
    last = history[-1]
    return StatusRecord(
        group_id=f"g_{subject}_{key}", subject=subject, topic="release", key=key, status=last.status,
        doc_id=last.doc_id, published=last.published, claim_id=last.claim_id, text="t", names=names or [subject], history=history,
    )


def test_report_facts_most_recently_changed_first() -> None:
    records = [
        fact("Alpha", "release_date", [("2025-01-01", "rumored"), ("2025-05-01", "rumored")]),  # changed 2025-01-01
        fact("Beta", "release_date", [("2025-02-01", "rumored"), ("2025-03-01", "denied")]),
        fact("Beta", "announcement", [("2025-01-15", "expected")]),
        fact("Gamma", "release_date", [("2024-06-01", "expected")], names=["Gamma", "Project G"]),
    ]
    change = StatusChange(group_id="g_Gamma_release_date", subject="Gamma", topic="release", key="release_date", kind="new", after="expected")
    gone = StatusChange(group_id="g_Delta_title", subject="Delta", topic="title", key="title", kind="dropped", before="rumored")
    subjects, changes = facts_context(records, [change, gone], {}, {"c_Beta_release_date_1"})
    assert [s["name"] for s in subjects] == ["Gamma", "Beta", "Alpha"]
    assert subjects[0]["changed"] == 1 and subjects[0]["also"] == ["Project G"]
    assert [f["key"] for f in subjects[1]["facts"]] == ["release_date", "announcement"]
    assert subjects[1]["last_change"] == "2025-03-01" and subjects[2]["last_change"] == "2025-01-01"
    assert [st["anchor"] for st in subjects[1]["facts"][0]["steps"]] == [False, True]
    assert changes == [  # changes of status first; a dropped fact has no row to link to
        {"text": gone.describe(), "group_id": "g_Delta_title", "kind": "dropped", "shown": False},
        {"text": change.describe(), "group_id": "g_Gamma_release_date", "kind": "new", "shown": True},
    ]


def test_report_without_corpus_lists_claims(built: dict, tmp_path: Path) -> None:
    out = tmp_path / "nocorpus.html"
    summary = write_report(built["outputs"], out, tmp_path / "missing")
    assert sorted(summary.bodies_missing) == ["hostile", "plain"]
    page = out.read_text(encoding="utf-8")
    assert "Text not shown" in page and "not found" in page
    assert page.count('<li data-claim=') == len(built["claims"])


def test_report_link_out_of_the_corpus_is_not_read(built: dict, tmp_path: Path) -> None:
    """A body swapped for a link to a file outside the corpus after the run is not read into the report."""
    secret = tmp_path / "secret.md"
    secret.write_text(PLAIN.replace("The studio", "SECRET-MARKER"), encoding="utf-8")
    (built["corpus"] / "plain.md").unlink()
    (built["corpus"] / "plain.md").symlink_to(secret)
    summary = write_report(built["outputs"], tmp_path / "linked.html", built["corpus"])
    page = (tmp_path / "linked.html").read_text(encoding="utf-8")
    assert summary.bodies_missing == ["plain"]
    assert "SECRET-MARKER" not in page and "outside the corpus folder" in page
    followed = write_report(built["outputs"], tmp_path / "followed.html", built["corpus"], follow_symlinks=True)
    assert followed.bodies_missing == ["plain"]  # read, but not the text the run saw
    assert "has changed since the run" in (tmp_path / "followed.html").read_text(encoding="utf-8")


def test_report_changed_article_is_not_highlighted(built: dict, tmp_path: Path) -> None:
    (built["corpus"] / "plain.md").write_text(PLAIN.replace("studio", "Studio"), encoding="utf-8")
    summary = write_report(built["outputs"], tmp_path / "changed.html", built["corpus"])
    assert summary.bodies_missing == ["plain"]
    assert "has changed since the run" in (tmp_path / "changed.html").read_text(encoding="utf-8")


def test_report_cli_writes_file(built: dict, tmp_path: Path) -> None:
    out = tmp_path / "cli" / "r.html"
    result = CliRunner().invoke(app, ["report", str(built["outputs"]), "-o", str(out), "--corpus", str(built["corpus"])])
    assert result.exit_code == 0, result.output
    assert out.is_file() and str(out) in result.output
    result = CliRunner().invoke(app, ["report", str(tmp_path / "none"), "-o", str(out)])
    assert result.exit_code == 2 and "claimx run" in " ".join(result.output.split())


def dump_dom(page: Path, tmp_path: Path, fragment: str = "") -> str:
    """Load ``page`` in headless Chromium and return the DOM after its scripts ran."""
    if CHROMIUM is None:
        pytest.skip("chromium not installed: apt-get install chromium")
    profile = tmp_path / "chromium-profile"
    args = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--virtual-time-budget=3000", "--dump-dom", page.resolve().as_uri() + fragment,
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    assert 'data-ready="true"' in done.stdout, "the page script did not finish"
    return done.stdout


def test_report_browser_statuses_and_no_injection(built: dict, tmp_path: Path) -> None:
    dom = dump_dom(built["report"], tmp_path)
    tags = parse(dom)
    assert tags.title == "claimx report"
    assert "pwned" not in tags.title
    assert "img" not in [t for t, _ in tags.tags]
    assert not any("onerror" in attrs for _, attrs in tags.tags)
    statuses = {c.claim_id: c.status for c in built["claims"]}
    marks = [attrs for tag, attrs in tags.tags if tag == "mark"]
    assert {m["data-claim"] for m in marks} == set(statuses)
    for mark in marks:
        classes = mark["class"].split()
        assert f"st-{statuses[mark['data-claim']]}" in classes and "off" not in classes
    assert "7 of 7 claims shown" in dom


def test_report_browser_filter_from_hash(built: dict, tmp_path: Path) -> None:
    dom = dump_dom(built["report"], tmp_path, "#status=rumored")
    tags = parse(dom)
    statuses = {c.claim_id: c.status for c in built["claims"]}
    marks = [attrs for tag, attrs in tags.tags if tag == "mark"]
    for mark in marks:
        classes = mark["class"].split()
        shown = any(statuses[cid] == "rumored" for cid in mark["data-claims"].split())
        assert ("off" not in classes) == shown, mark
        if shown:
            assert "st-rumored" in classes
    sections = {attrs["data-doc"]: attrs for tag, attrs in tags.tags if tag == "details" and "data-doc" in attrs}
    assert "hidden" in sections["plain"] and "hidden" not in sections["hostile"]
    assert "2 of 7 claims shown" in dom


def test_report_browser_subject_filter_keeps_nested_claim(built: dict, tmp_path: Path) -> None:
    dom = dump_dom(built["report"], tmp_path, "#subject=sequel")
    tags = parse(dom)
    nested = [attrs for tag, attrs in tags.tags if tag == "mark" and len(attrs["data-claims"].split()) == 2]
    assert nested, "the nested segments are missing"
    classes, claim = nested[0]["class"], nested[0]["data-claim"]
    # the innermost claim (subject "Cast") is filtered out: the segment shows the outer one
    assert "st-expected" in classes.split() and "off" not in classes.split()
    assert claim.endswith("_expected")
    sections = {attrs["data-doc"]: attrs for tag, attrs in tags.tags if tag == "details" and "data-doc" in attrs}
    assert "hidden" not in sections["plain"] and "hidden" not in sections["hostile"]
    facts = {attrs["data-names"]: "hidden" in attrs for tag, attrs in tags.tags if tag == "details" and "data-names" in attrs}
    # "Sequel <b>X</b>" is learned as another name of "Sequel": one subject carrying both names
    assert facts["Sequel\nSequel <b>X</b>"] is False and facts["Poster"] is True and facts["Cast"] is True
