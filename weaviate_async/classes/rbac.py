"""Permission builders for roles, at the official ``weaviate.classes.rbac`` path.

Examples:
    >>> from weaviate_async.classes.rbac import Permissions, RoleScope
    >>> perms = [
    ...     Permissions.collections(collection="Article", read_config=True),
    ...     Permissions.data(collection="Article", read=True, create=True),
    ...     Permissions.roles(role="*", read=True, scope=RoleScope.MATCH),
    ... ]
    >>> await client.roles.create(role_name="article-editor", permissions=perms)
"""

from __future__ import annotations

from weaviate_async.models.rbac import Actions, Permissions, PermissionsInputType, RoleScope

__all__ = ["Actions", "Permissions", "PermissionsInputType", "RoleScope"]
