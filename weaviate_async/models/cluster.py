"""The models of replication and of the RAFT statistics, at the official
``weaviate.cluster.models`` path: replica operations (:class:`ReplicationType`,
:class:`ReplicateOperationState`, ...), sharding states and :class:`ClusterStatistics`.

Programs import them from :mod:`weaviate_async.cluster.models`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeAlias, TypeVar

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


class ReplicationType(str, Enum):
    """How a replica is placed on another node: COPY keeps the source replica, MOVE removes it
    once the target's is ready."""

    COPY = "COPY"
    MOVE = "MOVE"


class ReplicateOperationState(str, Enum):
    """The phase of a replica operation; READY and CANCELLED are final."""

    REGISTERED = "REGISTERED"
    HYDRATING = "HYDRATING"
    FINALIZING = "FINALIZING"
    DEHYDRATING = "DEHYDRATING"
    INTEGRATING = "INTEGRATING"
    READY = "READY"
    CANCELLED = "CANCELLED"


@dataclass(frozen=True)
class ReplicateOperationStatus:
    """A state of a replica operation.

    Attributes:
        state: the phase.
        errors: the server's messages for the errors met in this phase.
    """

    state: ReplicateOperationState
    errors: list[str]


#: The type of an operation's history: None, or the list of its states.
H = TypeVar("H", None, list[ReplicateOperationStatus])


@dataclass(frozen=True)
class _ReplicateOperation(Generic[H]):
    """A replica operation: a shard's replica copied or moved from one node to another.

    Attributes:
        collection: the collection of the shard.
        shard: the shard's name.
        source_node: the node the replica comes from.
        status: the current state.
        status_history: the earlier states, oldest first, when asked for (else None).
        target_node: the node the replica goes to.
        transfer_type: COPY or MOVE.
        uuid: the operation's id.
    """

    collection: str
    shard: str
    source_node: str
    status: ReplicateOperationStatus
    status_history: H
    target_node: str
    transfer_type: ReplicationType
    uuid: uuid.UUID


#: An operation without its history (``include_history=False``).
ReplicateOperationWithoutHistory = _ReplicateOperation[None]
#: An operation with its history.
ReplicateOperationWithHistory = _ReplicateOperation[list[ReplicateOperationStatus]]
#: Either.
ReplicateOperation: TypeAlias = ReplicateOperationWithoutHistory | ReplicateOperationWithHistory
#: A list of either.
ReplicateOperations: TypeAlias = (
    list[ReplicateOperationWithoutHistory] | list[ReplicateOperationWithHistory]
)


@dataclass(frozen=True)
class ShardReplicas:
    """A shard and the nodes holding its replicas.

    Attributes:
        name: the shard's name.
        replicas: the nodes' names.
    """

    name: str
    replicas: list[str]


@dataclass(frozen=True)
class ShardingState:
    """Where the replicas of a collection's shards are.

    Attributes:
        collection: the collection.
        shards: each shard with its replicas' nodes.
    """

    collection: str
    shards: list[ShardReplicas]


@dataclass(frozen=True)
class RaftConfigurationMember:
    """A member of the RAFT cluster's latest configuration.

    Attributes:
        address: its RAFT address (host:port).
        node_id: its node name.
        suffrage: 0 for a voter, 1 for a non-voter, 2 for a staging member.
    """

    address: str
    node_id: str
    suffrage: int


@dataclass(frozen=True)
class RaftStats:
    """One node's RAFT statistics, as text, as the server reports them."""

    applied_index: str
    commit_index: str
    fsm_pending: str
    last_contact: str
    last_log_index: str
    last_log_term: str
    last_snapshot_index: str
    last_snapshot_term: str
    latest_configuration: list[RaftConfigurationMember]
    latest_configuration_index: str
    num_peers: str
    protocol_version: str
    protocol_version_max: str
    protocol_version_min: str
    snapshot_version_max: str
    snapshot_version_min: str
    state: str
    term: str


@dataclass(frozen=True)
class NodeStatistics:
    """One node's view of the RAFT cluster.

    Attributes:
        candidates: the election candidates, when an election runs.
        db_loaded: whether its database is loaded.
        initial_last_applied_index: the last applied log index when it started.
        is_voter: whether it votes.
        leader_address: the leader's RAFT address.
        leader_id: the leader's node name.
        name: its node name.
        is_open: whether its RAFT store is open.
        raft: its RAFT statistics.
        ready: whether it is ready.
        status: HEALTHY, UNHEALTHY, UNAVAILABLE or TIMEOUT.
    """

    candidates: dict[str, Any]
    db_loaded: bool
    initial_last_applied_index: int
    is_voter: bool
    leader_address: str
    leader_id: str
    name: str
    is_open: bool
    raft: RaftStats
    ready: bool
    status: str


@dataclass(frozen=True)
class ClusterStatistics:
    """The RAFT statistics of every node (``cluster.statistics()``).

    Attributes:
        statistics: one entry per node.
        synchronized: whether every node has applied the same log index.
    """

    statistics: list[NodeStatistics]
    synchronized: bool
