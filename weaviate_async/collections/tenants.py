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
from weaviate_async.collections._tenants_methods import _TenantsMethods
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
class _TenantsAsync(_TenantsMethods):
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

    async def _create(
        self, tenants: TenantCreateInputType | Sequence[TenantCreateInputType]
    ) -> None:
        body = wire.create_body(tenants)
        if body:
            await self._connection.rest(
                "POST", self._path, operation="tenants.create", json=body, idempotent=True
            )

    async def _remove(self, tenants: TenantInputType | Sequence[TenantInputType]) -> None:
        names = wire.names_of(tenants)
        if names:
            await self._connection.rest(
                "DELETE", self._path, operation="tenants.remove", json=names
            )

    async def _get(self) -> dict[str, TenantOutputType]:
        reply = await self._connection.tenants_get(
            wire.tenants_get_request(self._name),
            operation="tenants.get",
            error=WeaviateTenantGetError,
        )
        return wire.tenants_from_reply(reply)

    async def _get_by_names(
        self, tenants: Sequence[TenantInputType]
    ) -> dict[str, TenantOutputType]:
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

    async def _get_by_name(self, tenant: TenantInputType) -> TenantOutputType | None:
        name = wire.one_name(tenant)
        status, body = await self._connection.rest_status(
            "GET", self._one(name), operation="tenants.get_by_name", ok=(200, 404)
        )
        return wire.tenant_from_json(body) if status == 200 else None

    async def _exists(self, tenant: TenantInputType) -> bool:
        name = wire.one_name(tenant)
        # GET, not HEAD: a refusal then comes with the server's reason.
        status, _ = await self._connection.rest_status(
            "GET", self._one(name), operation="tenants.exists", ok=(200, 404)
        )
        return status == 200

    async def _update(
        self, tenants: TenantUpdateInputType | Sequence[TenantUpdateInputType]
    ) -> None:
        for body in wire.update_bodies(tenants):
            await self._connection.rest("PUT", self._path, operation="tenants.update", json=body)

    async def _set_status(
        self,
        tenant: TenantInputType | Sequence[TenantInputType],
        status: TenantUpdateActivityStatus,
    ) -> None:
        await self.update(wire.status_updates(tenant, status))
