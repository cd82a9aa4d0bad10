"""Re-exports :mod:`weaviate_async.models.nodes`: the nodes ``client.cluster.nodes()`` returns.

The objects are defined there, below the wire layer that reads them from the server's
replies; this module gives programs the path they import from.
"""

from __future__ import annotations

from weaviate_async.models.nodes import (
    Node,
    NodeMinimal,
    NodeVerbose,
    Sh,
    Shard,
    Shards,
    St,
    Stats,
)

__all__ = [
    "Node",
    "NodeMinimal",
    "NodeVerbose",
    "Sh",
    "Shard",
    "Shards",
    "St",
    "Stats",
]
