"""A hostile corpus end to end (issue 14, items 1 and 6): a link out of the corpus and a FIFO are not
read, and hostile text, titles, URLs, front-matter fields and claim text render inert in the report."""

from __future__ import annotations

import html.parser
import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app

runner = CliRunner()
SECRET = "root:x:0:0:SECRET-MARKER-4711:/root:/bin/bash"
XSS = "document.title='pwned'"

HOSTILE_MD = f"""---
title: "Breaking <script>{XSS}</script> news"
published: 2025-03-01
url: " JaVaScRiPt:alert(1)"
author: "<img src=x onerror=\\"{XSS}\\">"
tags: ["<svg onload={XSS}>", "</script><script>{XSS}</script>"]
---
Officials said the <script>{XSS}</script> sequel is reportedly in talks.
A poster <img src=x onerror="{XSS}"> was confirmed by the studio on Monday.
The text </script><script>{XSS}</script> is rumored to leak next year.
"""

HOSTILE_HTML = f"""<html><head><title>Page &lt;script&gt;{XSS}&lt;/script&gt;</title>
<meta property="og:url" content="javascript:alert(2)"><meta name="author" content="&lt;img src=x onerror=alert(3)&gt;">
</head><body><article><h1>Page</h1>
<p>The studio reportedly plans a &lt;iframe src=javascript:alert(4)&gt; sequel for 2026.</p>
<p>Executives denied that the &lt;a href="javascript:alert(5)"&gt;merger&lt;/a&gt; would close this year.</p>
</article></body></html>
"""

HOSTILE_JSON = {
    "id": "feed-<b>1</b>",
    "title": "<svg/onload=alert(6)>",
    "url": "data:text/html,<script>alert(7)</script>",
    "published": "2025-04-02",
    "text": "Sources said the <object data=javascript:alert(8)> deal is expected to be announced in May.",
    "extra": {"nested": "<script>alert(9)</script>"},
}


class Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.head_first: list[str] = []
        self._head = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "head":
            self._head = True
        elif self._head:
            self.head_first.append(dict(attrs).get("http-equiv") or tag)

    def handle_endtag(self, tag):
        if tag == "head":
            self._head = False


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory, nlp):
    base = tmp_path_factory.mktemp("hostile")
    corpus, outside, out = base / "corpus", base / "outside", base / "out"
    corpus.mkdir()
    outside.mkdir()
    (outside / "passwd").write_text(SECRET + "\n")
    (corpus / "hostile.md").write_text(HOSTILE_MD, encoding="utf-8")
    (corpus / "page.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (corpus / "feed.json").write_text(json.dumps(HOSTILE_JSON), encoding="utf-8")
    (corpus / "link.txt").symlink_to(outside / "passwd")
    (corpus / "linked").symlink_to(outside, target_is_directory=True)
    os.mkfifo(corpus / "pipe.md")
    ran = runner.invoke(app, ["run", str(corpus), "-o", str(out), "-q"])
    report = base / "report.html"
    made = runner.invoke(app, ["report", str(out), "-o", str(report), "--corpus", str(corpus)])
    return {"corpus": corpus, "out": out, "ran": ran, "made": made, "page": report.read_text(encoding="utf-8")}


def test_hostile_corpus_link_and_fifo_reported_not_read(hostile_run):
    ran, out = hostile_run["ran"], hostile_run["out"]
    assert ran.exit_code == 1  # the good articles are done, the refused files make it exit 1
    lines = {line.split(":")[0].lstrip("✘ "): line for line in ran.output.splitlines() if line.startswith("✘")}
    assert "outside the corpus folder" in lines["link.txt"] and "--follow-symlinks" in lines["link.txt"]
    assert "outside the corpus folder" in lines["linked"]
    assert "FIFO" in lines["pipe.md"]
    docs = {d["doc_id"]: d for d in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    assert docs["link"]["error"] and docs["link"]["claim_count"] == 0
    assert {d["doc_id"] for d in docs.values() if d["error"] is None} == {"hostile", "page", "feed-<b>1</b>"}
    for path in out.iterdir():  # nothing of the linked file in the store, the views or the log
        if path.is_file():
            assert b"SECRET-MARKER" not in path.read_bytes(), path.name
    with sqlite3.connect(out / "claimx.db") as conn:
        assert not conn.execute("SELECT 1 FROM documents WHERE record LIKE '%SECRET-MARKER%'").fetchall()
    assert "SECRET-MARKER" not in hostile_run["page"]


def test_hostile_corpus_report_renders_inert(hostile_run):
    assert hostile_run["made"].exit_code == 0, hostile_run["made"].output
    page = hostile_run["page"]
    tags = Tags()
    tags.feed(page)
    names = [tag for tag, _ in tags.tags]
    # the Content-Security-Policy comes first in <head>, before any script or style
    first = tags.head_first
    assert "Content-Security-Policy" in first
    assert all(first.index("Content-Security-Policy") < first.index(t) for t in ("script", "style", "title") if t in first)
    csp = next(attrs["content"] for tag, attrs in tags.tags if tag == "meta" and attrs.get("http-equiv"))
    assert "default-src 'none'" in csp and "img-src data:" in csp and "connect-src" not in csp
    assert names.count("script") == 2  # the data block and the page's own script
    assert not {"img", "iframe", "object", "embed", "base", "frame", "link"} & set(names)
    assert names.count("form") == 1  # the page's own filter form, with no action
    for tag, attrs in tags.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src", "action", "data"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)
        if tag == "a" and attrs.get("href") and not attrs["href"].startswith("#"):
            assert attrs["href"].startswith(("http://", "https://")), attrs
    data = page.split('id="claimx-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data
    # the hostile words are on the page, as text
    assert "&lt;script&gt;document.title=" in page and "&lt;img src=x onerror=" in page
    assert "&lt;/script&gt;&lt;script&gt;" in page
    claims = [json.loads(line) for line in (hostile_run["out"] / "claims.jsonl").read_text().splitlines()]
    assert any("<script>" in c["text"] for c in claims)  # claim text itself is hostile, and inert above
