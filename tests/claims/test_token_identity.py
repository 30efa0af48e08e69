"""spaCy builds a new ``Token`` object on every access (``doc[i]``, ``.head``,
``.children``), so two tokens are the same word when their ``i`` is, never by
``is``: ``verb.head is verb`` was always false and a root never looked like
one. These tests hold the premise and keep such comparisons out of the code."""
import re
from pathlib import Path

import claimx

_SOURCE = Path(claimx.__file__).parent
_HEAD_IDENTITY = re.compile(r"\b(\w+)\.head is (?:not )?\1\b|\b(\w+) is (?:not )?\2\.head\b")


def test_token_identity_premise_tokens_are_new_objects(nlp):
    doc = nlp("The council approved the budget.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.head.i == root.i
    assert root.head is not root  # hence comparisons by index


def test_token_identity_no_head_compared_by_identity():
    found = [
        f"{path.relative_to(_SOURCE)}:{n}: {line.strip()}"
        for path in sorted(_SOURCE.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _HEAD_IDENTITY.search(line)
    ]
    assert not found, "compare tokens by .i, not by identity:\n" + "\n".join(found)
