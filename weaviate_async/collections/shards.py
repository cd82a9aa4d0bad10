"""Re-exports :mod:`weaviate_async.models.shards`: the shards ``collection.shards()`` returns.

The objects are defined there, below the wire layer that reads them from the server's
replies; this module gives programs the path they import from.
"""

from __future__ import annotations

from weaviate_async.models.shards import (
    Shard,
    Shards,
)

__all__ = [
    "Shard",
    "Shards",
]
