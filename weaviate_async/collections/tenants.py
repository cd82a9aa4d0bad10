"""``collection.tenants``: the tenants of a multi-tenant collection.

Reads of every tenant (or of several by name) use the ``TenantsGet`` gRPC call; one tenant by
name, existence checks and every write use REST, as the official client does (the gRPC read
leaves out, without a word, tenants the caller may not read; REST answers 403).

The tenant input types are re-exported here, where the official ``weaviate.collections.tenants``
has them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote

from weaviate_async._twin import twin
from weaviate_async._validate import invalid
from weaviate_async.classes._tenants import Tenant, TenantUpdateActivityStatus
from weaviate_async.exceptions import WeaviateTenantGetError
from weaviate_async.types import (
    TenantCreateInputType,
    TenantInputType,
    TenantOutputType,
    TenantUpdateInputType,
)
from weaviate_async.wire import tenants as wire

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection
    from weaviate_async.models.scope import CollectionScope

__all__ = [
    "TenantCreateInputType",
    "TenantInputType",
    "TenantOutputType",
    "TenantUpdateInputType",
    "_TenantsAsync",
]


@twin
class _TenantsAsync:
    """Create, read, update and remove the tenants of one collection (``collection.tenants``).

    The collection must have multi-tenancy enabled
    (``Configure.multi_tenancy(enabled=True)``). The handle's own tenant, if any, plays no part.

    Examples:
        >>> await collection.tenants.create(["tenantA", "tenantB"])
        >>> await collection.tenants.deactivate("tenantB")
        >>> {name: t.activity_status for name, t in (await collection.tenants.get()).items()}
        {'tenantA': <TenantActivityStatus.ACTIVE: 'ACTIVE'>, 'tenantB': <...INACTIVE...>}
    """

    def __init__(self, connection: Connection, scope: CollectionScope) -> None:
        self._connection = connection
        self._name = scope.name
        self._path = f"/schema/{quote(scope.name, safe='')}/tenants"

    def _one(self, name: str) -> str:
        return f"{self._path}/{quote(name, safe='')}"

    async def create(
        self, tenants: TenantCreateInputType | Sequence[TenantCreateInputType]
    ) -> None:
        """Create tenants (all in one request). Creating a tenant that exists already changes
        nothing.

        Args:
            tenants: a name, a ``Tenant`` (status ``ACTIVE`` or ``INACTIVE``), a
                ``TenantCreate``, or a list of these. A name is created ``ACTIVE``.

        Raises:
            WeaviateInvalidInputError: an item is of the wrong type or has a status a tenant
                cannot be created with; nothing is sent.
            UnexpectedStatusCodeError: the server refused (e.g. the collection does not exist
                or is not multi-tenant, or a name is invalid), with its message.

        Examples:
            >>> await collection.tenants.create(
            ...     [TenantCreate(name="t1"), TenantCreate(name="t2", activity_status="INACTIVE")]
            ... )
        """
        body = wire.create_body(tenants)
        if body:
            await self._connection.rest(
                "POST", self._path, operation="tenants.create", json=body, idempotent=True
            )

    async def remove(self, tenants: TenantInputType | Sequence[TenantInputType]) -> None:
        """Remove tenants and all their objects. Names that do not exist are ignored.

        Args:
            tenants: a name, a ``Tenant``, or a list of these.

        Raises:
            WeaviateInvalidInputError: an item is not a name or ``Tenant``; nothing is sent.
            UnexpectedStatusCodeError: the server refused, with its message.
        """
        names = wire.names_of(tenants)
        if names:
            await self._connection.rest(
                "DELETE", self._path, operation="tenants.remove", json=names
            )

    async def get(self) -> dict[str, TenantOutputType]:
        """Every tenant of the collection, by name (``TenantsGet`` over gRPC).

        Raises:
            WeaviateTenantGetError: the server refused (e.g. the collection is not multi-tenant),
                with its message.
        """
        reply = await self._connection.tenants_get(
            wire.tenants_get_request(self._name),
            operation="tenants.get",
            error=WeaviateTenantGetError,
        )
        return wire.tenants_from_reply(reply)

    async def get_by_names(self, tenants: Sequence[TenantInputType]) -> dict[str, TenantOutputType]:
        """The tenants of these names that exist, by name (``TenantsGet`` over gRPC).

        Args:
            tenants: names or ``Tenant`` objects. An empty list gives an empty dict, without a
                request.

        Raises:
            WeaviateInvalidInputError: ``tenants`` is not a list of names or ``Tenant`` objects.
            WeaviateTenantGetError: the server refused, with its message.
        """
        if isinstance(tenants, (str, Tenant)):
            raise invalid("tenants", "must be a list of tenant names or Tenant objects", tenants)
        names = wire.names_of(tenants)
        if not names:
            return {}
        reply = await self._connection.tenants_get(
            wire.tenants_get_request(self._name, names),
            operation="tenants.get_by_names",
            error=WeaviateTenantGetError,
        )
        return wire.tenants_from_reply(reply)

    async def get_by_name(self, tenant: TenantInputType) -> TenantOutputType | None:
        """One tenant, or None when it does not exist.

        Args:
            tenant: its name or a ``Tenant``.

        Raises:
            WeaviateInvalidInputError: ``tenant`` is not a name or ``Tenant``.
            UnexpectedStatusCodeError: the server refused (e.g. the collection does not exist),
                with its message.
        """
        name = wire.one_name(tenant)
        status, body = await self._connection.rest_status(
            "GET", self._one(name), operation="tenants.get_by_name", ok=(200, 404)
        )
        return wire.tenant_from_json(body) if status == 200 else None

    async def exists(self, tenant: TenantInputType) -> bool:
        """Whether the tenant exists.

        Args:
            tenant: its name or a ``Tenant``.

        Raises:
            WeaviateInvalidInputError: ``tenant`` is not a name or ``Tenant``.
            UnexpectedStatusCodeError: the server refused (e.g. the collection does not exist),
                with its message.
        """
        name = wire.one_name(tenant)
        # GET, not HEAD: a refusal then comes with the server's reason.
        status, _ = await self._connection.rest_status(
            "GET", self._one(name), operation="tenants.exists", ok=(200, 404)
        )
        return status == 200

    async def update(
        self, tenants: TenantUpdateInputType | Sequence[TenantUpdateInputType]
    ) -> None:
        """Set the activity status of tenants, in requests of at most 100 tenants.

        Args:
            tenants: a ``Tenant`` or ``TenantUpdate`` (status ``ACTIVE``, ``INACTIVE`` or
                ``OFFLOADED``), or a list of these.

        Raises:
            WeaviateInvalidInputError: an item is of the wrong type or asks for a status only the
                server sets (``OFFLOADING``, ``ONLOADING``); nothing is sent.
            UnexpectedStatusCodeError: the server refused (a tenant does not exist, offloading
                without an offload module, ...), with its message. Requests before the refused
                one have been applied.

        Examples:
            >>> await collection.tenants.update(
            ...     TenantUpdate(name="t1", activity_status=TenantUpdateActivityStatus.INACTIVE)
            ... )
        """
        for body in wire.update_bodies(tenants):
            await self._connection.rest("PUT", self._path, operation="tenants.update", json=body)

    async def _set_status(
        self,
        tenant: TenantInputType | Sequence[TenantInputType],
        status: TenantUpdateActivityStatus,
    ) -> None:
        await self.update(wire.status_updates(tenant, status))

    async def activate(self, tenant: TenantInputType | Sequence[TenantInputType]) -> None:
        """Set tenants ``ACTIVE`` (load them; from ``OFFLOADED`` they pass through ``ONLOADING``).

        Args:
            tenant: a name, a ``Tenant``, or a list of these.

        Raises:
            WeaviateInvalidInputError: an item is not a name or ``Tenant``.
            UnexpectedStatusCodeError: the server refused, with its message.
        """
        await self._set_status(tenant, TenantUpdateActivityStatus.ACTIVE)

    async def deactivate(self, tenant: TenantInputType | Sequence[TenantInputType]) -> None:
        """Set tenants ``INACTIVE`` (unloaded; their files stay on the node).

        Args:
            tenant: a name, a ``Tenant``, or a list of these.

        Raises:
            WeaviateInvalidInputError: an item is not a name or ``Tenant``.
            UnexpectedStatusCodeError: the server refused, with its message.
        """
        await self._set_status(tenant, TenantUpdateActivityStatus.INACTIVE)

    async def offload(self, tenant: TenantInputType | Sequence[TenantInputType]) -> None:
        """Set tenants ``OFFLOADED``: the server moves their files to cloud storage (they pass
        through ``OFFLOADING``). Needs an offload module (``offload-s3``) on the server.

        Args:
            tenant: a name, a ``Tenant``, or a list of these.

        Raises:
            WeaviateInvalidInputError: an item is not a name or ``Tenant``.
            UnexpectedStatusCodeError: the server refused (e.g. no offload module), with its
                message.
        """
        await self._set_status(tenant, TenantUpdateActivityStatus.OFFLOADED)
