"""claimx: hedging-aware claim extraction from news articles.

The flow, one module per arrow::

    corpus file --read--> Article --nlp--> Doc --claims--> claim spans
                --records--> ClaimRecord --outputs--> outputs/*.jsonl
"""

from .about import __version__

__all__ = ["__version__"]
