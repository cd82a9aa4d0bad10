"""Server-version gates of collection configuration: options older servers do not know.

A server before 1.37.0 has no per-property text analysis (``textAnalyzer``) and no named
stopword presets (``stopwordPresets``); sending them would be refused, or silently dropped,
by the server, so the client refuses them first, as the official client does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["require_inverted_index_support", "require_property_support"]

_TEXT_ANALYSIS = "1.37.0"


def _has_text_analyzer(prop: Any) -> bool:
    if getattr(prop, "text_analyzer", None) is not None:
        return True
    nested = getattr(prop, "nested_properties", None)
    if nested is None:
        return False
    items = nested if isinstance(nested, (list, tuple)) else [nested]
    return any(_has_text_analyzer(p) for p in items)


def require_property_support(connection: Connection, properties: Iterable[Any] | None) -> None:
    """Raise WeaviateUnsupportedFeatureError when a property (or a nested one) sets
    ``text_analyzer`` and the server is older than 1.37.0."""
    if properties is not None and any(_has_text_analyzer(p) for p in properties):
        connection.require_version("Property text_analyzer", _TEXT_ANALYSIS)


def require_inverted_index_support(connection: Connection, inverted_index_config: Any) -> None:
    """Raise WeaviateUnsupportedFeatureError when ``inverted_index_config`` sets
    ``stopword_presets`` and the server is older than 1.37.0."""
    if getattr(inverted_index_config, "stopword_presets", None) is not None:
        connection.require_version("InvertedIndexConfig stopword_presets", _TEXT_ANALYSIS)
