"""``client.cluster.replications``: follow, cancel and delete replica operations (the shard
replica copies and moves that ``client.cluster.replicate`` starts).

The server offers these endpoints only when it runs with ``REPLICA_MOVEMENT_ENABLED=true``;
otherwise each call raises :class:`UnexpectedStatusCodeError` (status 501) saying so.

Examples:
    >>> op_id = await client.cluster.replicate(
    ...     collection="Article", shard="abc", source_node="node1", target_node="node2"
    ... )
    >>> op = await client.cluster.replications.get(uuid=op_id, include_history=True)
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from weaviate_async._twin import twin
from weaviate_async._validate import check_bool
from weaviate_async.cluster._replicate_methods import _ReplicateMethods
from weaviate_async.exceptions import UnexpectedStatusCodeError
from weaviate_async.models.cluster import (
    ReplicateOperation,
    ReplicateOperations,
    ReplicateOperationWithHistory,
)
from weaviate_async.types import UUID
from weaviate_async.wire.cluster import (
    operation_from_json,
    operations_from_json,
    replication_id,
    replication_query,
)

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_ReplicateAsync"]

_DISABLED = (
    "the server does not offer replica movement: start it with REPLICA_MOVEMENT_ENABLED=true"
)


async def _replication_rest(
    connection: Connection,
    method: str,
    path: str,
    *,
    operation: str,
    ok: Collection[int] = (200,),
    params: Mapping[str, str] | None = None,
    json: Any = None,
) -> tuple[int, Any]:
    """A call of the replication API; the server's bare 501 (the feature is switched off)
    becomes an error that says so."""
    try:
        return await connection.rest_status(
            method, path, operation=operation, ok=ok, params=params, json=json
        )
    except UnexpectedStatusCodeError as exc:
        if exc.status_code != 501:
            raise
        raise UnexpectedStatusCodeError._with(
            f"{operation} failed: {_DISABLED} (/v1{path} answered 501)",
            operation=operation,
            target=exc.target,
            status=501,
            server_message=exc.server_message,
        ) from exc


def _history_param(include_history: object) -> dict[str, str]:
    check_bool(include_history, "include_history")
    return {"includeHistory": "true"} if include_history else {}


@twin
class _ReplicateAsync(_ReplicateMethods):
    """Replica operations of the cluster (``client.cluster.replications``)."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def _get(self, uuid: UUID, include_history: object) -> ReplicateOperation | None:
        op_id = replication_id(uuid)
        params = _history_param(include_history)
        status, body = await _replication_rest(
            self._connection,
            "GET",
            f"/replication/replicate/{op_id}",
            operation="cluster.replications.get",
            ok=(200, 404),
            params=params or None,
        )
        if status == 404:
            return None
        return operation_from_json(body, bool(include_history))

    async def _list_all(self) -> list[ReplicateOperationWithHistory]:
        _, body = await _replication_rest(
            self._connection,
            "GET",
            "/replication/replicate/list",
            operation="cluster.replications.list_all",
            params={"includeHistory": "true"},
        )
        return operations_from_json(body, True)

    async def _query(
        self, collection: object, shard: object, target_node: object, include_history: object
    ) -> ReplicateOperations:
        params, wanted = replication_query(collection, shard, target_node, include_history)
        _, body = await _replication_rest(
            self._connection,
            "GET",
            "/replication/replicate/list",
            operation="cluster.replications.query",
            params=params or None,
        )
        return [op for op in operations_from_json(body, bool(include_history)) if wanted(op)]

    async def _by_id(self, method: str, uuid: UUID, suffix: str, what: str) -> None:
        op_id = replication_id(uuid)
        await _replication_rest(
            self._connection,
            method,
            f"/replication/replicate/{op_id}{suffix}",
            operation=f"cluster.replications.{what}",
            ok=(204,),
        )

    async def _delete_all(self) -> None:
        await _replication_rest(
            self._connection,
            "DELETE",
            "/replication/replicate",
            operation="cluster.replications.delete_all",
            ok=(204,),
        )
