"""The collection scope: which collection, tenant and consistency level a call works on.

A scope is validated once, when a handle is made (``client.collections.use(...)``,
``with_tenant``, ``with_consistency_level``), and handed as it is to every namespace of the handle
and to the wire builders, which read the REST query parameters and the gRPC fields from it. No
namespace checks or normalises these again.

Examples:
    >>> scope = CollectionScope.of("Article", tenant="tenantA", consistency_level="QUORUM")
    >>> scope.rest_params
    {'tenant': 'tenantA', 'consistency_level': 'QUORUM'}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from weaviate_async._validate import invalid, to_enum
from weaviate_async.models.consistency import ConsistencyLevel

__all__ = ["CollectionScope", "tenant_name"]


def tenant_name(tenant: Any, field: str = "tenant") -> str | None:
    """A tenant given as a name or as an object with a ``name`` (``Tenant``), as its name."""
    if tenant is None:
        return None
    name = tenant if isinstance(tenant, str) else getattr(tenant, "name", None)
    # "" is sent as it is, as the official client sends it: the server reads it as no tenant
    # and refuses for a multi-tenant collection.
    if not isinstance(name, str):
        raise invalid(field, "must be a tenant name or a Tenant", tenant)
    return name


@attrs.frozen(slots=True)
class CollectionScope:
    """Where a call goes: the collection's name, the tenant and the consistency level.

    Build it with :meth:`of`, which checks its arguments; the attributes are then canonical.

    Attributes:
        name: the collection's name.
        tenant: the tenant's name, or None.
        consistency_level: the consistency level, or None for the server's default.
        rest_params: the REST query parameters these settings make (``tenant``,
            ``consistency_level``), shared and read-only.
    """

    name: str
    tenant: str | None = None
    consistency_level: ConsistencyLevel | None = None
    rest_params: Mapping[str, str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        params: dict[str, str] = {}
        if self.tenant is not None:
            params["tenant"] = self.tenant
        if self.consistency_level is not None:
            params["consistency_level"] = self.consistency_level.value
        object.__setattr__(self, "rest_params", params)

    @classmethod
    def of(
        cls,
        name: str,
        tenant: Any = None,
        consistency_level: ConsistencyLevel | str | None = None,
    ) -> CollectionScope:
        """A checked scope: ``tenant`` as a name or ``Tenant``, ``consistency_level`` as a
        member or its name.

        Raises:
            WeaviateInvalidInputError: an argument is invalid.
        """
        # An empty name is the server's to refuse, as it is for the official client (a search
        # then fails with WeaviateQueryError, an insert with UnexpectedStatusCodeError ...).
        if not isinstance(name, str):
            raise invalid("name", "must be a collection name", name)
        level = (
            None
            if consistency_level is None
            else to_enum(ConsistencyLevel, consistency_level, "consistency_level")
        )
        return cls(name, tenant_name(tenant), level)

    def with_tenant(self, tenant: Any) -> CollectionScope:
        """The same scope for ``tenant`` (None: no tenant)."""
        return CollectionScope(self.name, tenant_name(tenant), self.consistency_level)

    def with_consistency_level(
        self, consistency_level: ConsistencyLevel | str | None
    ) -> CollectionScope:
        """The same scope with ``consistency_level`` (None: the server's default)."""
        return CollectionScope.of(self.name, self.tenant, consistency_level)

    def consistency_params(self) -> Mapping[str, str]:
        """Only the ``consistency_level`` query parameter (REST calls that take the tenant in
        their body)."""
        if self.consistency_level is None:
            return {}
        return {"consistency_level": self.consistency_level.value}
