"""What ``client.tokenization`` returns: :class:`TokenizeResult` (at the official
``weaviate.tokenization.models`` path).

The objects are defined in :mod:`weaviate_async.models.tokenization`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.
"""

from __future__ import annotations

from weaviate_async.models.tokenization import (
    TokenizeResult,
)

__all__ = [
    "TokenizeResult",
]
