"""Re-exports :mod:`weaviate_async.models.cluster` at the official ``weaviate.cluster.models`` path.

The objects are defined there, below the wire layer that reads them from the server's
replies; this module gives programs the path they import from.
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
