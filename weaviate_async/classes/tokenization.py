"""What ``client.tokenization`` takes and returns, at the official
``weaviate.classes.tokenization`` path.

Examples:
    >>> from weaviate_async.classes.tokenization import StopwordsCreate, Tokenization
"""

from __future__ import annotations

from weaviate_async.classes.config_models import StopwordsConfig
from weaviate_async.classes.config_properties import (
    StopwordsCreate,
    StopwordsPreset,
    TextAnalyzerConfigCreate,
    Tokenization,
)
from weaviate_async.models.tokenization import TokenizeResult

__all__ = [
    "StopwordsConfig",
    "StopwordsCreate",
    "StopwordsPreset",
    "TextAnalyzerConfigCreate",
    "TokenizeResult",
    "Tokenization",
]
