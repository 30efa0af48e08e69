"""Text articles: the body is exactly what the gold checker reads, front matter apart."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimx.read import read_file, split_front_matter
from claimx.read.text import read_text
from claimx.schemas import Article

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT.parent / "shared" / "devset"
DATA = ROOT / "tests" / "data" / "read"


@pytest.fixture(scope="module")
def check_gold():
    """The dev set's own checker, whose ``read_article`` defines the body of a gold article."""
    script = DEVSET / "check_gold.py"
    if not script.is_file():
        pytest.skip(f"{script} is not there")
    spec = importlib.util.spec_from_file_location("check_gold", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _devset_ids() -> list[str]:
    return sorted(p.stem for p in (DEVSET / "articles").glob("*.md"))


def test_text_body_matches_check_gold_on_devset(check_gold):
    ids = _devset_ids()
    assert ids
    for doc_id in ids:
        [article] = read_file(DEVSET / "articles" / f"{doc_id}.md", DEVSET / "articles")
        assert isinstance(article, Article), article
        front, body = check_gold.read_article(doc_id)
        assert article.body == body, doc_id
        if "published" in front:
            assert article.published == dt.date.fromisoformat(front["published"])


EDGE_FILES = [
    ("crlf", b"---\r\ntitle: x\r\n---\r\nLine one.\r\nLine two.\r\n"),
    ("lone-cr", b"---\rtitle: x\r---\rLine one.\rLine two."),
    ("no-front", b"Line one.\nLine two.\n"),
    ("no-final-newline", b"---\ntitle: x\n---\nLine one."),
    ("spaced-fences", b"  ---  \ntitle: x\n--- \n\nLine one.\n\n"),
    ("body-has-fence", b"---\ntitle: x\n---\nLine one.\n---\nLine two.\n"),
    ("empty-front", b"---\n---\nLine one.\n"),
    ("fixture", (DATA / "md-article.md").read_bytes()),
]


@pytest.mark.parametrize("name,data", EDGE_FILES, ids=[case[0] for case in EDGE_FILES])
def test_text_body_matches_check_gold_on_edge_files(check_gold, tmp_path, monkeypatch, name, data):
    (tmp_path / f"{name}.md").write_bytes(data)
    monkeypatch.setattr(check_gold, "ARTICLES", str(tmp_path))
    _, body = check_gold.read_article(name)
    [article] = read_file(tmp_path / f"{name}.md", tmp_path)
    assert isinstance(article, Article), article
    assert article.body == body


def test_text_utf8_bom_is_dropped(tmp_path):
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf---\ntitle: Hello\n---\nBody.\n")
    [article] = read_file(tmp_path / "bom.md", tmp_path)
    assert (article.title, article.body) == ("Hello", "Body.\n")


def test_text_meta_is_json_safe(tmp_path):
    source = "---\ntitle: 2049\nwhen: 2024-05-01\nat: 2024-05-01 10:00:00\nnested: {a: [2024-01-02]}\n---\nBody.\n"
    (tmp_path / "m.md").write_text(source, encoding="utf-8")
    [article] = read_file(tmp_path / "m.md", tmp_path)
    assert article.title == "2049"
    assert article.meta == {"when": "2024-05-01", "at": "2024-05-01T10:00:00", "nested": {"a": ["2024-01-02"]}}


@pytest.mark.parametrize(
    "text,front,body",
    [
        ("plain\n", {}, "plain\n"),
        ("---\na: 1\n---\nbody", {"a": 1}, "body"),
        ("---\na: 1\n---\n", {"a": 1}, ""),
        ("x\n---\na: 1\n---\nbody", {}, "x\n---\na: 1\n---\nbody"),
    ],
)
def test_text_split_front_matter(text, front, body):
    assert split_front_matter(text) == (front, body)


BODY_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r")


def _has_words(text: str) -> bool:
    return text.strip() != ""


@settings(max_examples=200, deadline=None)
@given(body=st.text(BODY_CHARS, min_size=1).filter(_has_words))
def test_text_body_is_kept_verbatim(body):
    data = ("---\ntitle: t\n---\n" + body).encode("utf-8")
    [(where, article)] = read_text(data, "x.md")
    assert where == "x.md"
    assert article.body == body


FRONT_MATTERS = [
    "title: A plain title\npublished: 2025-03-14\n",
    "title: 'Quoted: with a colon'\ntags: [one, two]\nurl: https://example.com/a?b=1\n",
    "base: &b {x: 1}\nother: *b\nwhen: 2024-02-29 10:30:00\n",
    "title: Caf\u00e9 \u2013 a dash and an accent\n",
    "title: [unclosed\n",  # malformed: the message must stay PyYAML's
    "published: 2023-13-45\n",  # a date that is no date
    "- a list\n- not a mapping\n",
    "title: one\n---\ntitle: two\n",  # two documents
]


@pytest.mark.parametrize("source", FRONT_MATTERS)
def test_front_matter_read_with_libyaml_as_pure_python_reads_it(source, monkeypatch):
    """Front matter read through libyaml gives the values, and the errors, of PyYAML's own loader."""
    import yaml

    from claimx.errors import ReadError
    from claimx.read import text as text_module

    def outcome() -> object:
        try:
            return text_module._parse_yaml(source)
        except ReadError as exc:
            return ("error", str(exc))

    fast = outcome()
    monkeypatch.setattr(text_module, "_FAST_LOADER", None)
    assert outcome() == fast
    if getattr(yaml, "CSafeLoader", None) is not None and not isinstance(fast, tuple):
        assert text_module._load_yaml(source, yaml.CSafeLoader) == text_module._load_yaml(source, yaml.SafeLoader)
