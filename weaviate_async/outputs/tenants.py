"""What ``collection.tenants`` returns, at the official ``weaviate.outputs.tenants`` path.

Examples:
    >>> from weaviate_async.outputs.tenants import Tenant, TenantActivityStatus
"""

from __future__ import annotations

from weaviate_async.classes._tenants import Tenant, TenantActivityStatus
from weaviate_async.types import TenantOutputType

__all__ = ["Tenant", "TenantActivityStatus", "TenantOutputType"]
