"""Tenants of a multi-tenant collection, at the official ``weaviate.classes.tenants`` path.

A tenant is ``ACTIVE`` (loaded, queryable), ``INACTIVE`` (on the node's disk, not loaded) or
``OFFLOADED`` (moved to cloud storage by an offload module); ``OFFLOADING`` and ``ONLOADING`` are
the transitions the server reports while it moves a tenant's files. The older names ``HOT``,
``COLD`` and ``FROZEN`` are accepted as input and become ``ACTIVE``, ``INACTIVE`` and
``OFFLOADED`` (with a ``DeprecationWarning``), as in the official client.

Examples:
    >>> from weaviate_async.classes.tenants import Tenant, TenantActivityStatus
    >>> await collection.tenants.create([
    ...     "tenantA",
    ...     Tenant(name="tenantB", activity_status=TenantActivityStatus.INACTIVE),
    ... ])
"""

from __future__ import annotations

from weaviate_async.classes._tenants import (
    Tenant,
    TenantActivityStatus,
    TenantCreate,
    TenantCreateActivityStatus,
    TenantUpdate,
    TenantUpdateActivityStatus,
)
from weaviate_async.classes._value_types import TenantCreateInputType, TenantUpdateInputType

__all__ = [
    "Tenant",
    "TenantActivityStatus",
    "TenantCreate",
    "TenantCreateActivityStatus",
    "TenantCreateInputType",
    "TenantUpdate",
    "TenantUpdateActivityStatus",
    "TenantUpdateInputType",
]
