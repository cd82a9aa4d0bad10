"""The shapes of the server's ``/v1/nodes`` reply (TypedDicts) and :data:`Verbosity`, at the
official ``weaviate.cluster.types`` path."""

from __future__ import annotations

from typing import Literal, TypedDict

__all__ = ["BatchStats", "Node", "Shard", "Stats", "Verbosity"]


class BatchStats(TypedDict):
    """A node's batch queue."""

    queueLength: int
    ratePerSecond: int


# The functional form: "class" is a keyword.
Shard = TypedDict(
    "Shard",
    {
        "name": str,
        "class": str,
        "objectCount": int,
        "vectorIndexingStatus": Literal["READONLY", "INDEXING", "READY"],
        "vectorQueueLength": int,
        "compressed": bool,
        "loaded": bool | None,
    },
)


class Stats(TypedDict):
    """A node's totals."""

    objectCount: int
    shardCount: int


class Node(TypedDict):
    """One node of the reply."""

    batchStats: BatchStats
    gitHash: str
    name: str
    shards: list[Shard] | None
    stats: Stats
    status: str
    version: str


#: How much ``cluster.nodes()`` reports: ``"minimal"`` (the server's default) or ``"verbose"``.
Verbosity = Literal["minimal", "verbose"]
