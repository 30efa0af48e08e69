""":mod:`claimx.claims`: claimx's spaCy components and tokenizer, registered on import.

Pipeline order (after the base model's own components)::

    claimx_entities -> claimx_dates -> claimx_segment -> claimx_attribution
    -> claimx_cues -> claimx_topic
"""

from . import extensions  # noqa: F401
from .attribution import AttributionTagger, make_attribution
from .cues import CueTagger, make_cues
from .dates import DateFinder, make_dates
from .entities import EntityPatterns, make_entities
from .normalize import NormalizingTokenizer, create_normalizing_tokenizer
from .segment import Segmenter, make_segmenter
from .sentences import claimx_sentences
from .topic import TopicTagger, make_topic

__all__ = [
    "AttributionTagger",
    "CueTagger",
    "DateFinder",
    "EntityPatterns",
    "NormalizingTokenizer",
    "Segmenter",
    "TopicTagger",
    "make_attribution",
    "make_cues",
    "make_dates",
    "make_entities",
    "make_segmenter",
    "make_topic",
    "create_normalizing_tokenizer",
    "claimx_sentences",
]
