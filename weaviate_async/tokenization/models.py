"""Re-exports :mod:`weaviate_async.models.tokenization` at the official ``weaviate.tokenization.models`` path.

The objects are defined there, below the wire layer that reads them from the server's
replies; this module gives programs the path they import from.
"""

from __future__ import annotations

from weaviate_async.models.tokenization import (
    TokenizeResult,
)

__all__ = [
    "TokenizeResult",
]
