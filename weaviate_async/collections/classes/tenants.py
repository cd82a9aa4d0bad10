"""Tenants and their activity states, at the official ``weaviate.collections.classes.tenants``
path.

The objects are our own (see the imports); this module gives programs written for the
official client the path they import from.
"""

from __future__ import annotations

from weaviate_async.classes.tenants import (
    Tenant,
    TenantActivityStatus,
    TenantCreate,
    TenantCreateActivityStatus,
    TenantUpdate,
    TenantUpdateActivityStatus,
)

__all__ = [
    "Tenant",
    "TenantActivityStatus",
    "TenantCreate",
    "TenantCreateActivityStatus",
    "TenantOutput",
    "TenantUpdate",
    "TenantUpdateActivityStatus",
]

TenantOutput = Tenant
"""A tenant as the server returns it: our ``Tenant`` (the official client's subclass adds
nothing a program reads)."""
