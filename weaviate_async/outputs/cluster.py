"""What cluster calls return, at the official ``weaviate.outputs.cluster`` path: nodes and
shards (``cluster.nodes``), sharding states and RAFT statistics.

Examples:
    >>> from weaviate_async.outputs.cluster import NodeVerbose, ShardingState
"""

from __future__ import annotations

from weaviate_async.models.cluster import (
    ClusterStatistics,
    NodeStatistics,
    RaftConfigurationMember,
    RaftStats,
    ShardingState,
    ShardReplicas,
)
from weaviate_async.models.nodes import Node, NodeMinimal, NodeVerbose, Shard, Shards, Stats

__all__ = [
    "ClusterStatistics",
    "Node",
    "NodeMinimal",
    "NodeStatistics",
    "NodeVerbose",
    "RaftConfigurationMember",
    "RaftStats",
    "Shard",
    "ShardReplicas",
    "Shards",
    "ShardingState",
    "Stats",
]
