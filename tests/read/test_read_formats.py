"""One fixture article in every format: fields, metadata, exact body, hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from claimx.read import read_corpus, read_file
from claimx.schemas import Article

DATA = Path(__file__).resolve().parent.parent / "data" / "read"

TITLE = "Lumen Ridge sequel said to be in early talks"
FIRST = "The sequel to Lumen Ridge is reportedly in early talks, according to people familiar with the plans"


def _after_front_matter(name: str) -> str:
    """The body as the gold checker defines it: the text after the closing '---' line."""
    text = (DATA / name).read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1]


def _json_text(name: str) -> str:
    return json.loads((DATA / name).read_text(encoding="utf-8"))["text"]


HTML_BODY = "\n".join(
    [
        FIRST + ", although the studio has not yet confirmed that a script has been commissioned.",
        "The studio has not yet confirmed it. \u201cWe have nothing to announce,\u201d a spokesperson said"
        " on Monday, adding that the team was proud of the first film.",
        "No date has been set for the start of filming, and the original director is said to be busy"
        " with another project until next year.",
    ]
)

# name, doc_id, title, published, url, meta that must be present, expected body
SINGLE_ARTICLE_CASES = [
    (
        "md-article.md",
        "md-article",
        TITLE,
        dt.date(2024, 2, 5),
        "https://news.example/lumen-ridge",
        {"tags": ["film", "sequel"], "updated": "2024-02-06T09:15:00", "note": "fictional test fixture"},
        _after_front_matter("md-article.md"),
    ),
    (
        "txt-article.txt",
        "txt-article",
        TITLE,
        dt.date(2024, 2, 5),
        None,
        {"note": "fictional test fixture"},
        "\n" + FIRST + ".\n",
    ),
    (
        "plain-article.txt",
        "plain-article",
        None,
        None,
        None,
        {},
        (DATA / "plain-article.txt").read_text(encoding="utf-8"),
    ),
    (
        "html-article.html",
        "html-article",
        TITLE,
        dt.date(2024, 2, 5),
        "https://news.example/lumen-ridge",
        {"author": "Ana Test"},
        HTML_BODY,
    ),
    (
        "json-article.json",
        "json-article",
        TITLE,
        dt.date(2024, 2, 5),
        "https://news.example/lumen-ridge",
        {"note": "fictional test fixture"},
        _json_text("json-article.json"),
    ),
]


@pytest.mark.parametrize("name,doc_id,title,published,url,meta,body", SINGLE_ARTICLE_CASES)
def test_read_file_single_article(name, doc_id, title, published, url, meta, body):
    [article] = read_file(DATA / name, DATA)
    assert isinstance(article, Article), article
    assert article.doc_id == doc_id
    assert article.path == name
    assert article.title == title
    assert article.published == published
    assert article.url == url
    assert meta.items() <= article.meta.items()
    assert article.body == body
    assert article.content_hash == hashlib.sha256((DATA / name).read_bytes()).hexdigest()
    json.dumps(article.meta)  # meta is JSON-safe


def test_read_file_md_body_keeps_typography():
    [article] = read_file(DATA / "md-article.md", DATA)
    assert "\u201cWe have nothing to announce,\u201d" in article.body
    assert "mid\u2011February" in article.body
    assert article.body.startswith(FIRST)


def test_read_file_html_leaves_out_page_furniture():
    [article] = read_file(DATA / "html-article.html", DATA)
    for furniture in ("Home", "Television", "All rights reserved", "Privacy policy", "Example News"):
        assert furniture not in article.body
    assert article.body.count("\n") == 2


def test_read_file_jsonl_one_article_per_line():
    path = DATA / "jsonl-articles.jsonl"
    lines = path.read_bytes().split(b"\n")
    first, second = read_file(path, DATA)
    assert (first.doc_id, second.doc_id) == ("lumen-1", "jsonl-articles.jsonl#3")
    assert first.path == second.path == "jsonl-articles.jsonl"
    assert first.body == json.loads(lines[0])["text"]
    assert second.body == json.loads(lines[2])["text"]
    assert first.content_hash == hashlib.sha256(lines[0]).hexdigest()
    assert second.content_hash == hashlib.sha256(lines[2]).hexdigest()
    assert (first.published, second.published) == (dt.date(2024, 2, 5), dt.date(2024, 2, 6))
    assert second.title == "No id here"


def test_read_file_json_list_items_like_lines():
    items = json.loads((DATA / "json-list.json").read_text(encoding="utf-8"))
    first, second = read_file(DATA / "json-list.json", DATA)
    assert (first.doc_id, second.doc_id) == ("json-list.json#1", "list-two")
    assert [first.body, second.body] == [item["text"] for item in items]
    assert first.content_hash != second.content_hash
    assert second.published == dt.date(2024, 2, 7)


def test_read_corpus_fixture_folder_reads_cleanly():
    results = list(read_corpus(DATA))
    assert all(isinstance(result, Article) for result in results), results
    assert len(results) == 9
    assert len({result.doc_id for result in results}) == 9
