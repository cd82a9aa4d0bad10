"""``client.cluster``: the nodes, the RAFT statistics, where shard replicas are, and replica
copies and moves between nodes (with ``client.cluster.replications`` to follow them).

Examples:
    >>> nodes = await client.cluster.nodes("Article", output="verbose")
    >>> [(n.name, [s.object_count for s in n.shards]) for n in nodes]
"""

from __future__ import annotations

import functools
import uuid
from typing import TYPE_CHECKING

from weaviate_async._twin import twin
from weaviate_async.cluster._methods import _ClusterMethods
from weaviate_async.cluster.replicate import _ReplicateAsync, _replication_rest
from weaviate_async.exceptions import ResponseCannotBeDecodedError
from weaviate_async.models.cluster import ClusterStatistics, ShardingState
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
class _ClusterAsync(_ClusterMethods):
    """The cluster the client talks to (``client.cluster``)."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def _nodes(
        self, collection: object, shard: object, output: object
    ) -> list[NodeMinimal] | list[NodeVerbose]:
        path, params = nodes_request(collection, shard, output)
        body = await self._connection.rest(
            "GET", path, operation="cluster.nodes", params=params or None
        )
        return nodes_from_json(body, output == "verbose")

    async def _statistics(self) -> ClusterStatistics:
        body = await self._connection.rest(
            "GET", "/cluster/statistics", operation="cluster.statistics"
        )
        return statistics_from_json(body)

    async def _query_sharding_state(
        self, collection: object, shard: object
    ) -> ShardingState | None:
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

    async def _replicate(
        self,
        collection: object,
        shard: object,
        source_node: object,
        target_node: object,
        replication_type: object,
    ) -> uuid.UUID:
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
