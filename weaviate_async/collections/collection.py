"""A handle on one collection: ``client.collections.use(name)``.

Getting a handle does no I/O. The handle carries its :class:`CollectionScope` (the collection's
name and, optionally, a tenant and a consistency level, checked once); ``with_tenant`` /
``with_consistency_level`` return new handles and leave the original unchanged. Namespaces
(config, data, query, ...) are made on first use as ``Namespace(connection, scope)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from weaviate_async._twin import twin
from weaviate_async._validate import invalid
from weaviate_async.collections._handle_namespaces import _HandleNamespaces
from weaviate_async.collections._iterator_method import _IteratorMethod
from weaviate_async.models.consistency import ConsistencyLevel
from weaviate_async.models.scope import CollectionScope
from weaviate_async.typevars import Properties, References

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection
    from weaviate_async.models.shards import Shard

__all__ = ["Collection", "CollectionAsync", "Properties", "References"]


_N = TypeVar("_N")


@twin
class CollectionAsync(
    _HandleNamespaces[Properties, References],
    _IteratorMethod[Properties, References],
    Generic[Properties, References],
):
    """One collection of the connected server.

    Attributes:
        name: the collection's name.
    """

    def __init__(
        self,
        connection: Connection,
        name: str,
        consistency_level: ConsistencyLevel | str | None = None,
        tenant: Any = None,
        properties: type[Properties] | None = None,
        references: type[References] | None = None,
    ) -> None:
        self._connection = connection
        self._scope = CollectionScope.of(name, tenant, consistency_level)
        self._properties = properties
        self._references = references
        self._namespaces: dict[str, Any] = {}

    @classmethod
    def _of_scope(
        cls,
        connection: Connection,
        scope: CollectionScope,
        properties: type[Properties] | None,
        references: type[References] | None,
    ) -> CollectionAsync[Properties, References]:
        handle = cls.__new__(cls)
        handle._connection = connection
        handle._scope = scope
        handle._properties = properties
        handle._references = references
        handle._namespaces = {}
        return handle

    @property
    def name(self) -> str:
        """The collection's name."""
        return self._scope.name

    def _namespace(self, key: str, factory: Callable[[Connection, CollectionScope], _N]) -> _N:
        """The sub-namespace ``key`` of this handle, made on first use as
        ``factory(connection, scope)``."""
        ns = self._namespaces.get(key)
        if ns is None:
            ns = self._namespaces[key] = factory(self._connection, self._scope)
        out: _N = ns
        return out

    async def exists(self) -> bool:
        """Whether this collection exists on the server (an alias of one counts).

        Raises:
            WeaviateInvalidInputError: the handle's name is empty (its path would be the whole
                schema's), as ``client.collections.exists("")`` raises.

        Examples:
            >>> await client.collections.use("Article").exists()
            True
        """
        from urllib.parse import quote

        if not self._scope.name:
            raise invalid("name", "a collection name must not be empty", self._scope.name)
        status, _ = await self._connection.rest_status(
            "GET",
            f"/schema/{quote(self._scope.name, safe='')}",
            operation="collection.exists",
            ok=(200, 404),
        )
        return status == 200

    async def shards(self) -> list[Shard]:
        """Every shard of this collection on every node (its tenants' loaded shards, for a
        multi-tenant collection), with object counts and indexing status.

        Raises:
            UnexpectedStatusCodeError: the collection does not exist (404), with the server's
                message.
            EmptyResponseError: the server listed no node.

        Examples:
            >>> [(s.name, s.node, s.object_count) for s in await collection.shards()]
        """
        from urllib.parse import quote

        from weaviate_async.wire.shards import shards_from_nodes

        body = await self._connection.rest(
            "GET",
            f"/nodes/{quote(self._scope.name, safe='')}",
            operation="collection.shards",
            params={"output": "verbose"},
        )
        return shards_from_nodes(body)

    async def length(self) -> int:
        """The number of objects in this collection (of this handle's tenant).

        Examples:
            >>> await collection.length()
            1000
        """
        from weaviate_async.wire.aggregate import count_from_reply, count_request

        reply = await self._connection.aggregate(
            count_request(self._scope), operation="collection.length"
        )
        return count_from_reply(reply)

    @property
    def tenant(self) -> str | None:
        """The tenant this handle works on, or None."""
        return self._scope.tenant

    @property
    def consistency_level(self) -> ConsistencyLevel | None:
        """The consistency level of this handle's reads and writes, or None (server default)."""
        return self._scope.consistency_level

    def with_tenant(self, tenant: Any = None) -> CollectionAsync[Properties, References]:
        """A new handle on the same collection for ``tenant`` (a name or ``Tenant``; None = none).

        Args:
            tenant: the tenant's name or a ``Tenant`` object; None removes the tenant.
        """
        return self._of_scope(
            self._connection, self._scope.with_tenant(tenant), self._properties, self._references
        )

    def with_consistency_level(
        self, consistency_level: ConsistencyLevel | str | None = None
    ) -> CollectionAsync[Properties, References]:
        """A new handle on the same collection with ``consistency_level``.

        Args:
            consistency_level: ``ONE``, ``QUORUM`` or ``ALL``; None for the server's default.
        """
        return self._of_scope(
            self._connection,
            self._scope.with_consistency_level(consistency_level),
            self._properties,
            self._references,
        )

    async def to_string(self) -> str:
        """The collection and its configuration as read from the server, as text.

        Examples:
            >>> print(await collection.to_string())
            <weaviate.Collection config={...}>
        """
        import orjson

        config = await self.config.get()
        text = orjson.dumps(config.to_dict(), option=orjson.OPT_INDENT_2).decode()
        return f"<weaviate.Collection config={text}>"

    def __repr__(self) -> str:
        extra = ""
        scope = self._scope
        if scope.tenant is not None:
            extra += f", tenant={scope.tenant!r}"
        if scope.consistency_level is not None:
            extra += f", consistency_level={scope.consistency_level.value!r}"
        return f"<CollectionAsync {self.name!r}{extra}>"


Collection = CollectionAsync
"""The official client's name, here for the async handle; ``weaviate_sync.collections.collection``
defines the blocking ``Collection`` (the twin), so neither package imports the other's twin."""
