"""What ``cluster.nodes()`` returns: :class:`Node` with, in verbose output, its :class:`Shard`
list and :class:`Stats` (also at ``weaviate_async.outputs.cluster``).

Programs import them from :mod:`weaviate_async.cluster.nodes`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from weaviate_async.models.shards import Shard, Shards

__all__ = ["Node", "NodeMinimal", "NodeVerbose", "Sh", "Shard", "Shards", "St", "Stats"]


@dataclass(frozen=True)
class Stats:
    """A node's totals.

    Attributes:
        object_count: objects on the node (of the collection asked for, when one was).
        shard_count: shards on the node.
    """

    object_count: int
    shard_count: int


#: The type of a node's shards (None in the minimal output).
Sh = TypeVar("Sh")
#: The type of a node's stats (None in the minimal output).
St = TypeVar("St")


@dataclass(frozen=True)
class Node(Generic[Sh, St]):
    """One node of the cluster.

    Attributes:
        git_hash: the server build's commit, when reported ("None" otherwise).
        name: the node's name.
        shards: its shard replicas (verbose output), else None.
        stats: its totals (verbose output), else None.
        status: HEALTHY, UNHEALTHY, UNAVAILABLE or TIMEOUT.
        version: the server's version.
    """

    git_hash: str
    name: str
    shards: Sh
    stats: St
    status: str
    version: str


#: A node of the verbose output.
NodeVerbose = Node[Shards, Stats]
#: A node of the minimal output.
NodeMinimal = Node[None, None]
