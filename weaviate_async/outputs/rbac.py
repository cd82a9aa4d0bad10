"""The permission models read back from roles, at the official ``weaviate.outputs.rbac``
path (:class:`~weaviate_async.rbac.models.Role` holds them, by kind).

Examples:
    >>> from weaviate_async.outputs.rbac import DataPermissionOutput
    >>> role = await client.roles.get("reader")
    >>> [p for p in role.permissions if isinstance(p, DataPermissionOutput)]
"""

from __future__ import annotations

from weaviate_async.models.rbac import (
    AliasPermissionOutput,
    BackupsPermissionOutput,
    ClusterPermissionOutput,
    CollectionsPermissionOutput,
    DataPermissionOutput,
    GroupAssignment,
    GroupsPermissionOutput,
    NodesPermissionOutput,
    PermissionsOutputType,
    ReplicatePermissionOutput,
    RoleScope,
    RolesPermissionOutput,
    TenantsPermissionOutput,
    UserAssignment,
    UsersPermissionOutput,
)

__all__ = [
    "AliasPermissionOutput",
    "BackupsPermissionOutput",
    "ClusterPermissionOutput",
    "CollectionsPermissionOutput",
    "DataPermissionOutput",
    "GroupAssignment",
    "GroupsPermissionOutput",
    "NodesPermissionOutput",
    "PermissionsOutputType",
    "ReplicatePermissionOutput",
    "RoleScope",
    "RolesPermissionOutput",
    "TenantsPermissionOutput",
    "UserAssignment",
    "UsersPermissionOutput",
]
