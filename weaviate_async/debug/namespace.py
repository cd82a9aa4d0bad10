"""``client.debug``: reading an object over REST, to compare with what searches return."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from weaviate_async._twin import twin
from weaviate_async._validate import check_collection_name, check_str, to_enum, uuid_str
from weaviate_async.models.consistency import ConsistencyLevel
from weaviate_async.models.debug import DebugRESTObject
from weaviate_async.models.scope import tenant_name
from weaviate_async.types import UUID
from weaviate_async.wire.debug import debug_object_from_json

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_DebugAsync"]


@twin
class _DebugAsync:
    """Debugging aids (``client.debug``); experimental in the official client too."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def get_object_over_rest(
        self,
        collection: str,
        uuid: UUID,
        *,
        consistency_level: ConsistencyLevel | None = None,
        node_name: str | None = None,
        tenant: str | None = None,
    ) -> DebugRESTObject | None:
        """Read one object through the REST endpoint ``GET /v1/objects/{collection}/{id}``,
        with its vectors, where ``collection.query.fetch_object_by_id`` goes over gRPC.
        None when there is no such object.

        Args:
            collection: the collection's name (or an alias).
            uuid: the object's id.
            consistency_level: how many replicas must agree (not with ``node_name``).
            node_name: read from this node's replica only (not with ``consistency_level``).
            tenant: the tenant, in a multi-tenant collection (a name or a ``Tenant``).

        Raises:
            WeaviateInvalidInputError: an argument is invalid; nothing is sent.
            UnexpectedStatusCodeError: the server refused (no tenant given for a multi-tenant
                collection, both ``consistency_level`` and ``node_name`` ...), with its message.

        Examples:
            >>> obj = await client.debug.get_object_over_rest("Article", uuid, tenant="t1")
            >>> obj.properties, obj.vectors
        """
        name = check_collection_name(collection, "collection")
        uid = uuid_str(uuid, "uuid")
        params = {"include": "vector"}
        if consistency_level is not None:
            level = to_enum(ConsistencyLevel, consistency_level, "consistency_level")
            params["consistency_level"] = level.value
        if node_name is not None:
            check_str(node_name, "node_name", allow_empty=False)
            params["node_name"] = node_name
        resolved = tenant_name(tenant)
        if resolved is not None:
            params["tenant"] = resolved
        status, body = await self._connection.rest_status(
            "GET",
            f"/objects/{quote(name, safe='')}/{uid}",
            operation="debug.get_object_over_rest",
            params=params,
            ok=(200, 404),
        )
        return debug_object_from_json(body) if status == 200 else None
