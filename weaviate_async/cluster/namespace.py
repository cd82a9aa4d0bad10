"""``client.cluster``: the nodes, the RAFT statistics, where shard replicas are, and replica
copies and moves between nodes (with ``client.cluster.replications`` to follow them).

Examples:
    >>> nodes = await client.cluster.nodes("Article", output="verbose")
    >>> [(n.name, [s.object_count for s in n.shards]) for n in nodes]
"""

from __future__ import annotations

import functools
import uuid
from typing import TYPE_CHECKING, Literal, overload

from weaviate_async._twin import twin
from weaviate_async.cluster.replicate import _ReplicateAsync, _replication_rest
from weaviate_async.cluster.types import Verbosity
from weaviate_async.exceptions import ResponseCannotBeDecodedError
from weaviate_async.models.cluster import ClusterStatistics, ReplicationType, ShardingState
from weaviate_async.models.nodes import NodeMinimal, NodeVerbose
from weaviate_async.wire.cluster import (
    collection_arg,
    name_arg,
    nodes_from_json,
    nodes_request,
    replicate_body,
    sharding_state_from_json,
    statistics_from_json,
)

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_ClusterAsync"]


@twin
class _ClusterAsync:
    """The cluster the client talks to (``client.cluster``)."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    @overload
    async def nodes(
        self,
        collection: str | None = None,
        shard: str | None = None,
        *,
        output: Literal[None] = None,
    ) -> list[NodeMinimal]: ...

    @overload
    async def nodes(
        self,
        collection: str | None = None,
        shard: str | None = None,
        *,
        output: Literal["minimal"],
    ) -> list[NodeMinimal]: ...

    @overload
    async def nodes(
        self,
        collection: str | None = None,
        shard: str | None = None,
        *,
        output: Literal["verbose"],
    ) -> list[NodeVerbose]: ...

    @overload
    async def nodes(
        self,
        collection: str | None = None,
        shard: str | None = None,
        *,
        output: Verbosity | None = None,
    ) -> list[NodeMinimal] | list[NodeVerbose]: ...

    async def nodes(
        self,
        collection: str | None = None,
        shard: str | None = None,
        *,
        output: Verbosity | None = None,
    ) -> list[NodeMinimal] | list[NodeVerbose]:
        """The cluster's nodes and their state; with ``output="verbose"`` also their shard
        replicas and totals.

        Args:
            collection: only this collection's shards (and totals) in the verbose output.
            shard: only this shard (with ``collection``).
            output: ``"minimal"`` (the server's default: name, status, version) or
                ``"verbose"``.

        Raises:
            WeaviateInvalidInputError: an argument is invalid.
            UnexpectedStatusCodeError: no such collection (status 404), or the server refused.
            EmptyResponseError: the server listed no node.

        Examples:
            >>> [n.status for n in await client.cluster.nodes()]
            ['HEALTHY', 'HEALTHY', 'HEALTHY']
        """
        path, params = nodes_request(collection, shard, output)
        body = await self._connection.rest(
            "GET", path, operation="cluster.nodes", params=params or None
        )
        return nodes_from_json(body, output == "verbose")

    async def statistics(self) -> ClusterStatistics:
        """The RAFT statistics of every node: leader, terms, log indexes, and whether the
        nodes are synchronized.

        Examples:
            >>> stats = await client.cluster.statistics()
            >>> {s.name: s.raft.state for s in stats.statistics}
        """
        body = await self._connection.rest(
            "GET", "/cluster/statistics", operation="cluster.statistics"
        )
        return statistics_from_json(body)

    async def query_sharding_state(
        self,
        *,
        collection: str,
        shard: str | None = None,
    ) -> ShardingState | None:
        """Which nodes hold the replicas of each shard of a collection (or of one shard).

        Args:
            collection: the collection.
            shard: only this shard.

        Returns:
            The sharding state, or None when the collection or the shard does not exist.

        Raises:
            UnexpectedStatusCodeError: the server refused (status 501: replica movement is
                switched off on the server).
        """
        params = {"collection": collection_arg(collection)}
        if shard is not None:
            params["shard"] = name_arg(shard, "shard")
        status, body = await _replication_rest(
            self._connection,
            "GET",
            "/replication/sharding-state",
            operation="cluster.query_sharding_state",
            ok=(200, 404),
            params=params,
        )
        if status == 404:
            return None
        return sharding_state_from_json(body)

    async def replicate(
        self,
        *,
        collection: str,
        shard: str,
        source_node: str,
        target_node: str,
        replication_type: ReplicationType = ReplicationType.COPY,
    ) -> uuid.UUID:
        """Start copying (or moving) a shard's replica from one node to another.

        The operation runs on the server; follow it with ``cluster.replications.get``.

        Args:
            collection: the collection.
            shard: the shard's name (see ``query_sharding_state`` or ``nodes``).
            source_node: a node that holds a replica of the shard.
            target_node: a node that does not.
            replication_type: COPY keeps the source replica, MOVE removes it at the end.

        Returns:
            The operation's id.

        Raises:
            WeaviateInvalidInputError: an argument is invalid.
            UnexpectedStatusCodeError: the server refused (unknown shard or node, the target
                holds a replica already, replica movement switched off: 501), with its reason.

        Examples:
            >>> op_id = await client.cluster.replicate(
            ...     collection="Article", shard=shard, source_node="node1", target_node="node3"
            ... )
        """
        body = replicate_body(collection, shard, source_node, target_node, replication_type)
        _, reply = await _replication_rest(
            self._connection,
            "POST",
            "/replication/replicate",
            operation="cluster.replicate",
            json=body,
        )
        try:
            return uuid.UUID(str(reply["id"]))
        except (KeyError, TypeError, ValueError):
            raise ResponseCannotBeDecodedError._with(
                f"cluster.replicate: expected the operation's id, got {reply!r:.200}"
            ) from None

    @functools.cached_property
    def replications(self) -> _ReplicateAsync:
        """Follow, cancel and delete replica operations."""
        return _ReplicateAsync(self._connection)
