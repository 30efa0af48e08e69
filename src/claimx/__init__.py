"""claimx: hedging-aware claim extraction from news articles.

The flow, one module per arrow::

    corpus file --read--> Article --nlp--> Doc --claims--> claim spans
                --records--> ClaimRecord --outputs--> outputs/*.jsonl
"""

from typing import Any

from .about import __version__

__all__ = ["__version__", "status_of"]


def __getattr__(name: str) -> Any:
    # status_of needs spaCy: import it only when asked for
    if name == "status_of":
        from .claims.target import status_of

        return status_of
    raise AttributeError(f"module 'claimx' has no attribute {name!r}")
