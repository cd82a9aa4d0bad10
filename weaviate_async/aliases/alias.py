"""Re-exports :mod:`weaviate_async.models.aliases` at the official ``weaviate.aliases.alias`` path.

The objects are defined there, below the wire layer that reads them from the server's
replies; this module gives programs the path they import from.
"""

from __future__ import annotations

from weaviate_async.models.aliases import (
    AliasReturn,
)

__all__ = [
    "AliasReturn",
]
