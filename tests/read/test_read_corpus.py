"""Walking a corpus folder, and the sample corpus shipped in corpus/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimx.errors import ReadError
from claimx.read import SUFFIXES, iter_corpus_files, read_corpus, read_file
from claimx.schemas import Article, ReadFailure

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
DEVSET_ALITA = ROOT.parent / "shared" / "devset" / "articles" / "alita-2-sequel.md"

TEXT = "The studio is reportedly in talks.\n"


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT, encoding="utf-8")


def test_corpus_walks_subfolders_in_sorted_order(tmp_path):
    _tree(tmp_path, ["b.md", "a/z.md", "a/b/c.txt", "a.md", "c/d.HTML"])
    files = [path.relative_to(tmp_path).as_posix() for path in iter_corpus_files(tmp_path)]
    assert files == ["a/b/c.txt", "a/z.md", "a.md", "b.md", "c/d.HTML"]


def test_corpus_doc_ids_are_relative_posix_paths(tmp_path):
    _tree(tmp_path, ["news/2024/a.md", "b.markdown", "c.txt"])
    articles = list(read_corpus(tmp_path))
    assert [(a.doc_id, a.path) for a in articles] == [
        ("b", "b.markdown"),
        ("c", "c.txt"),
        ("news/2024/a", "news/2024/a.md"),
    ]


def test_corpus_skips_dot_files_other_suffixes_and_alias_file(tmp_path):
    _tree(
        tmp_path,
        [
            ".hidden.md",
            ".git/objects/x.md",
            "sub/.cache/y.txt",
            "notes.pdf",
            "README",
            "image.png",
            "claimx-aliases.jsonl",
            "claimx-aliases.yaml",
            "kept.md",
        ],
    )
    assert [path.name for path in iter_corpus_files(tmp_path)] == ["kept.md"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_corpus_every_suffix_is_dispatched(tmp_path, suffix):
    (tmp_path / f"x{suffix}").write_bytes(b"")
    assert iter_corpus_files(tmp_path) == [tmp_path / f"x{suffix}"]
    [failure] = read_corpus(tmp_path)
    assert isinstance(failure, ReadFailure)
    assert "empty file" in failure.error


def test_corpus_missing_root_is_a_read_error(tmp_path):
    with pytest.raises(ReadError, match="does not exist or is not a folder"):
        list(read_corpus(tmp_path / "nowhere"))


def test_read_file_accepts_path_relative_to_root(tmp_path):
    _tree(tmp_path, ["sub/a.md"])
    [article] = read_file(Path("sub/a.md"), tmp_path)
    assert (article.doc_id, article.path) == ("sub/a", "sub/a.md")


# doc_id, path, published, in read order
SAMPLE_CORPUS = [
    ("alita-2-sequel", "alita-2-sequel.md", None),
    ("brisa-scooters-harlow", "briefs.jsonl", dt.date(2025, 5, 6)),
    ("moss-and-ember-streaming", "briefs.jsonl", dt.date(2025, 6, 12)),
    ("glass-orchard-sequel", "glass-orchard-sequel.txt", dt.date(2024, 6, 3)),
    ("ravell-transfer", "ravell-transfer.json", dt.date(2025, 1, 21)),
    ("starfall-drift-delay", "starfall-drift-delay.html", dt.date(2025, 9, 18)),
    ("tech/quillon-aerofold-2", "tech/quillon-aerofold-2.md", dt.date(2025, 3, 14)),
]


def test_corpus_sample_reads_without_failures():
    results = list(read_corpus(CORPUS))
    failures = [result for result in results if isinstance(result, ReadFailure)]
    assert failures == []
    assert [(a.doc_id, a.path, a.published) for a in results] == SAMPLE_CORPUS
    for article in results:
        assert isinstance(article, Article)
        assert article.title
        if article.doc_id != "alita-2-sequel":
            assert 100 <= len(article.body.split()) <= 300, article.doc_id
            assert article.url and article.url.startswith("https://news.example/")
            marked = str(article.meta.get("note", "")) + str(article.meta.get("description", ""))
            assert "fictional sample article" in marked.lower(), article.doc_id


def test_corpus_sample_alita_is_the_devset_copy():
    if not DEVSET_ALITA.is_file():
        pytest.skip("shared dev set not there")
    assert (CORPUS / "alita-2-sequel.md").read_bytes() == DEVSET_ALITA.read_bytes()
