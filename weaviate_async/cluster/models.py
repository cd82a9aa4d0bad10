"""The models of replication and of the RAFT statistics, at the official
``weaviate.cluster.models`` path: replica operations (:class:`ReplicationType`,
:class:`ReplicateOperationState`, ...), sharding states and :class:`ClusterStatistics`.

The objects are defined in :mod:`weaviate_async.models.cluster`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.

They are dataclasses with the official fields and order; the parsers from the server's JSON are
in :mod:`weaviate_async.wire.cluster`.

Examples:
    >>> op = await client.cluster.replications.get(uuid=op_id)
    >>> op.status.state
    <ReplicateOperationState.READY: 'READY'>
"""

from __future__ import annotations

from weaviate_async.models.cluster import (
    ClusterStatistics,
    H,
    NodeStatistics,
    RaftConfigurationMember,
    RaftStats,
    ReplicateOperation,
    ReplicateOperations,
    ReplicateOperationState,
    ReplicateOperationStatus,
    ReplicateOperationWithHistory,
    ReplicateOperationWithoutHistory,
    ReplicationType,
    ShardingState,
    ShardReplicas,
)

__all__ = [
    "ClusterStatistics",
    "H",
    "NodeStatistics",
    "RaftConfigurationMember",
    "RaftStats",
    "ReplicateOperation",
    "ReplicateOperationState",
    "ReplicateOperationStatus",
    "ReplicateOperationWithHistory",
    "ReplicateOperationWithoutHistory",
    "ReplicateOperations",
    "ReplicationType",
    "ShardReplicas",
    "ShardingState",
]
