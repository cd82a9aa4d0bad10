"""What ``cluster.nodes()`` returns: :class:`Node` with, in verbose output, its :class:`Shard`
list and :class:`Stats` (also at ``weaviate_async.outputs.cluster``).

The objects are defined in :mod:`weaviate_async.models.nodes`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.

``NodeMinimal`` is a node without shards and statistics (``Node[None, None]``), ``NodeVerbose``
one with them (``Node[Shards, Stats]``).

Examples:
    >>> for node in await client.cluster.nodes(output="verbose"):
    ...     print(node.name, node.status, node.stats.object_count)
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
