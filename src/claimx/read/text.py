""":mod:`claimx.read.text`: read ``.md`` / ``.markdown`` / ``.txt`` articles.

A text article may open with YAML front matter: a first line ``---``, YAML,
and a closing ``---`` line. ``title``, ``published`` and ``url`` become
article fields and every other key is kept in ``meta``. The body is the text
right after the newline that ends the closing ``---`` line, untouched, or the
whole text when there is no front matter.

Line endings are read as Python's text mode reads them (``\\r\\n`` and a lone
``\\r`` become ``\\n``), and a byte-order mark is dropped, so the body of a
UTF-8 file is the same string as ``open(path, encoding="utf-8").read()`` minus
the front matter: the reading the gold set's checker uses. Files in another
encoding (UTF-16/32 with a byte-order mark, Windows-1252, Latin-1 …) are
decoded as :func:`~claimx.read.fields.decode_text` finds, and the encoding is
kept on the article.

Front matter is parsed with PyYAML's safe loader after a check of its size
once aliases are expanded: a "billion laughs" of anchors and aliases is
refused before anything is built from it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import ReadError
from .fields import (
    Located,
    content_hash,
    decode_text,
    make_article,
    path_doc_id,
    universal_newlines,
)

#: The line that opens and closes front matter (surrounding whitespace ignored).
FENCE = "---"

#: Front matter larger than this many YAML nodes, aliases expanded, is refused.
MAX_FRONT_MATTER_NODES = 10_000


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split a text article into its front matter and its body.

    text (str): the decoded article, ``\\n`` line endings.
    RETURNS (tuple[dict, str]): the front matter (empty if none) and the body.
    """
    lines = text.split("\n")
    if lines[0].strip() != FENCE:
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            front = _parse_yaml("\n".join(lines[1:index]))
            return front, "\n".join(lines[index + 1 :])
    raise ReadError(
        "front matter opened by '---' on line 1 is never closed; "
        "add a closing '---' line or remove the opening one"
    )


def _expanded_size(root: yaml.Node) -> int:
    """RETURNS (int): how many nodes ``root`` stands for once every alias is expanded."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:  # post-order, without recursion, each distinct node once
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        if done:
            children = _children(node)
            sizes[id(node)] = min(1 + sum(sizes[id(c)] for c in children), MAX_FRONT_MATTER_NODES + 1)
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


#: libyaml's parser, when PyYAML was built with it (ten times the pure-Python one's speed)
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
#: what PyYAML's own reader refuses (libyaml may read it): such front matter takes the pure-Python path
_NON_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def _load_yaml(source: str, loader_class: Any) -> Any:
    """Compose the document, check how far its aliases expand, then construct it."""
    loader = loader_class(source)
    try:
        root = loader.get_single_node()
        if root is not None and _expanded_size(root) > MAX_FRONT_MATTER_NODES:
            raise ReadError(
                f"front matter expands to more than {MAX_FRONT_MATTER_NODES:,} values (YAML anchors and aliases); "
                "write the values out or remove the aliases"
            )
        return loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()


def _load_fast(source: str) -> Any:
    """The front matter read with libyaml; anything it refuses (or PyYAML's reader would) is read
    again with the pure-Python loader, so that what is read and every error message stay PyYAML's."""
    if _FAST_LOADER is not None and _NON_PRINTABLE.search(source) is None:
        try:
            return _load_yaml(source, _FAST_LOADER)
        except (yaml.YAMLError, RecursionError):
            pass
    return _load_yaml(source, yaml.SafeLoader)


def _parse_yaml(source: str) -> dict[str, Any]:
    try:
        data = _load_fast(source)
    except ValueError as exc:  # a YAML date that is no date: 2023-13-45
        raise ReadError(
            f"malformed YAML front matter: a value looks like a date but is not one ({exc}); "
            "fix the date (YYYY-MM-DD) or quote it"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ReadError(
            f"malformed YAML front matter{where}: {problem}; fix the front matter or remove it"
        ) from None
    except RecursionError:
        raise ReadError("front matter is nested too deeply; flatten it or remove it") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ReadError(
            f"front matter is a {type(data).__name__}, not a mapping of keys to values; "
            "write it as 'key: value' lines"
        )
    return data


def read_text(data: bytes, rel: str) -> list[Located]:
    """Read one text article.

    data (bytes): the file's bytes.
    rel (str): its path relative to the corpus root, posix separators.
    RETURNS (list[tuple[str, Article | ReadFailure]]): ``(rel, article)``: the
        file's one article, under its location.
    """
    if not data.strip():
        raise ReadError("empty file; add the article text or remove the file")
    text, encoding = decode_text(data)
    front, body = split_front_matter(universal_newlines(text))
    article = make_article(
        doc_id=path_doc_id(rel), rel=rel, body=body, fields=front, digest=content_hash(data), encoding=encoding
    )
    return [(rel, article)]
