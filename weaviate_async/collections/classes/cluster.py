"""The nodes and shards that ``cluster.nodes()`` returns, at the official
``weaviate.collections.classes.cluster`` path.

The objects are our own (see the imports); this module gives programs written for the
official client the path they import from.
"""

from __future__ import annotations

from weaviate_async.models.nodes import (
    Node,
    NodeMinimal,
    NodeVerbose,
    Sh,
    Shard,
    St,
    Stats,
)
from weaviate_async.outputs.cluster import (
    Shards,
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
