""":mod:`claimx.bench.baselines`: simple baselines scored beside claimx.

``context_status`` is a ConText-style (Harkema et al. 2009; medspaCy) reading
of the same cues claimx uses: every cue of the target's sentence that comes
before the target modifies it (forward scope to the end of the sentence, no
syntax, no termination terms), and claimx's own decision order turns those
cues into a status. It shows what claimx's syntactic scope adds over a
window-based cue tagger with the same lexicon.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..claims.cues import CueTagger
from ..claims.extensions import CUES_KEY
from ..claims.target import default_tagger, target_token

_LABEL = "claimx_context_baseline"


def context_status(doc: Doc, start_char: int, end_char: int, *, tagger: CueTagger | None = None) -> str:
    """The status a ConText-style window gives the target at ``[start_char, end_char)``.

    doc (Doc): a Doc processed by the claimx pipeline (for its ``cues``).
    tagger (CueTagger | None): whose decision order to use; None for the default.
    RETURNS (str): the status.
    """
    tagger = tagger or default_tagger()
    token = target_token(doc, start_char, end_char)
    sent = token.sent
    cues = [
        c for c in doc.spans[CUES_KEY]
        if sent.start <= c.start and c.end <= token.i
    ]
    span = Span(doc, sent.start, sent.end, label=_LABEL)
    status, _ = tagger.decide(doc, span, token, cues, None)
    return "confirmed" if status == "future" else status
