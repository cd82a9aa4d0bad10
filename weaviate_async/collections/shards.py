"""The shards of one collection on every node, as ``collection.shards()`` returns them (the
official ``weaviate.collections.classes.cluster.Shard``, a dataclass).

The objects are defined in :mod:`weaviate_async.models.shards`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.
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
