"""claimx.bench.common: re-joining benchmark tokens."""

from __future__ import annotations

import pytest

from claimx.bench.common import join_tokens


@pytest.mark.parametrize(
    "tokens,text",
    [
        ("Acme 's plant , in Ohio .", "Acme's plant, in Ohio."),
        ("It did n't ( yet ) cost $ 5 million", "It didn't (yet) cost $5 million"),
        ('He said " we will " and left', 'He said "we will" and left'),
        ("Up 5 % ; down", "Up 5%; down"),
    ],
)
def test_common_join_tokens_text(tokens, text):
    assert join_tokens(tokens.split(" "))[0] == text


def test_common_join_tokens_offsets_point_at_tokens():
    tokens = ['Acme', ',', 'he', 'said', '"', 'it', "'s", 'over', '"', '.']
    text, offsets = join_tokens(tokens)
    assert [text[a:b] for a, b in offsets] == tokens
