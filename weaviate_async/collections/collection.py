"""A handle on one collection: ``client.collections.use(name)``.

Getting a handle does no I/O. The handle carries the collection's name and, optionally, a tenant
and a consistency level; ``with_tenant`` / ``with_consistency_level`` return new handles and
leave the original unchanged. Namespaces (``config`` here; data, query, aggregate, ... added by
their own modules) are created lazily from :meth:`CollectionAsync._namespace`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from weaviate_async.classes.config_collection import ConsistencyLevel
from weaviate_async.classes.config_properties import _invalid, _to_enum

if TYPE_CHECKING:
    from weaviate_async.collections.config import _ConfigCollectionAsync
    from weaviate_async.collections.data import _DataCollectionAsync
    from weaviate_async.collections.query import _QueryAsync
    from weaviate_async.connect.connection import Connection

__all__ = ["CollectionAsync", "Properties", "References"]

#: The type of a collection's properties (a TypedDict or a mapping), as in the official client.
Properties = TypeVar("Properties", bound=Mapping[str, Any])
#: The type of a collection's references, as in the official client.
References = TypeVar("References")

_N = TypeVar("_N")


def _tenant_name(tenant: Any) -> str | None:
    """A tenant given as a name or as an object with a ``name`` (e.g. ``Tenant``)."""
    if tenant is None:
        return None
    name = tenant if isinstance(tenant, str) else getattr(tenant, "name", None)
    if not isinstance(name, str) or not name:
        raise _invalid("tenant", "must be a tenant name or a Tenant", tenant)
    return name


class CollectionAsync(Generic[Properties, References]):
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
        self.name = name
        self._consistency_level: ConsistencyLevel | None = (
            None
            if consistency_level is None
            else _to_enum(ConsistencyLevel, consistency_level, "consistency_level")
        )
        self._tenant = _tenant_name(tenant)
        self._properties = properties
        self._references = references
        self._namespaces: dict[str, Any] = {}

    def _namespace(self, key: str, factory: type[_N]) -> _N:
        """The sub-namespace ``key`` of this handle, created on first use.

        ``factory`` is called as ``factory(connection, name, consistency_level=..., tenant=...,
        properties=..., references=...)`` with the keyword arguments it accepts being this
        handle's settings; new namespaces only need to accept ``(connection, name, **kwargs)``.
        """
        ns = self._namespaces.get(key)
        if ns is None:
            ns = factory(  # type: ignore[call-arg]
                self._connection,
                self.name,
                consistency_level=self._consistency_level,
                tenant=self._tenant,
                properties=self._properties,
                references=self._references,
            )
            self._namespaces[key] = ns
        out: _N = ns
        return out

    @property
    def config(self) -> _ConfigCollectionAsync:
        """Read and change this collection's configuration."""
        from weaviate_async.collections.config import _ConfigCollectionAsync

        return self._namespace("config", _ConfigCollectionAsync)

    @property
    def data(self) -> _DataCollectionAsync:
        """Insert, read and delete objects of this collection."""
        from weaviate_async.collections.data import _DataCollectionAsync

        return self._namespace("data", _DataCollectionAsync)

    @property
    def query(self) -> _QueryAsync:
        """Search this collection: fetch, near_vector, near_object, bm25, hybrid."""
        from weaviate_async.collections.query import _QueryAsync

        return self._namespace("query", _QueryAsync)

    async def length(self) -> int:
        """The number of objects in this collection (of this handle's tenant).

        Example:
            >>> await collection.length()
            1000
        """
        from weaviate_async.wire.aggregate import count_from_reply, count_request

        reply = await self._connection.grpc(
            "Aggregate",
            count_request(self.name, self._tenant),
            operation="collection.length",
        )
        return count_from_reply(reply)

    @property
    def tenant(self) -> str | None:
        """The tenant this handle works on, or None."""
        return self._tenant

    @property
    def consistency_level(self) -> ConsistencyLevel | None:
        """The consistency level of this handle's reads and writes, or None (server default)."""
        return self._consistency_level

    def with_tenant(self, tenant: Any = None) -> CollectionAsync[Properties, References]:
        """A new handle on the same collection for ``tenant`` (a name or ``Tenant``; None = none).

        Args:
            tenant: the tenant's name or a ``Tenant`` object; None removes the tenant.
        """
        return type(self)(
            self._connection,
            self.name,
            consistency_level=self._consistency_level,
            tenant=tenant,
            properties=self._properties,
            references=self._references,
        )

    def with_consistency_level(
        self, consistency_level: ConsistencyLevel | str | None = None
    ) -> CollectionAsync[Properties, References]:
        """A new handle on the same collection with ``consistency_level``.

        Args:
            consistency_level: ``ONE``, ``QUORUM`` or ``ALL``; None for the server's default.
        """
        return type(self)(
            self._connection,
            self.name,
            consistency_level=consistency_level,
            tenant=self._tenant,
            properties=self._properties,
            references=self._references,
        )

    def __repr__(self) -> str:
        extra = ""
        if self._tenant is not None:
            extra += f", tenant={self._tenant!r}"
        if self._consistency_level is not None:
            extra += f", consistency_level={self._consistency_level.value!r}"
        return f"<CollectionAsync {self.name!r}{extra}>"
