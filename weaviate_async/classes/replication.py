"""What replica operations take, at the official ``weaviate.classes.replication`` path.

Examples:
    >>> from weaviate_async.classes.replication import ReplicationType
    >>> await client.cluster.replicate(
    ...     collection="Article", shard=shard, source_node="node1", target_node="node2",
    ...     replication_type=ReplicationType.MOVE,
    ... )
"""

from __future__ import annotations

from weaviate_async.models.cluster import ReplicationType

__all__ = ["ReplicationType"]
