"""Roles and permissions: the actions, the permission builders and the models that the roles,
users and groups operations return, at the official ``weaviate.rbac.models`` path.

The objects are defined in :mod:`weaviate_async.models.rbac`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from, and
holds every name of it.

A permission grants a set of actions on one resource (a collection and tenant, a role, a
user ...). ``Permissions`` builds the permissions to create a role with; reading a role back
gives the ``*PermissionOutput`` kinds, grouped by resource in a :class:`Role`.

Examples:
    >>> from weaviate_async.classes.rbac import Permissions
    >>> await client.roles.create(
    ...     role_name="articles-reader",
    ...     permissions=[
    ...         Permissions.collections(collection="Article", read_config=True),
    ...         Permissions.data(collection="Article", read=True),
    ...     ],
    ... )
"""

from __future__ import annotations

# mypy re-exports what one star import brings, not a chain of them: the modules that
# models.rbac gathers are star-imported here too.
from weaviate_async.models import rbac as _rbac
from weaviate_async.models._rbac_base import *  # noqa: F403
from weaviate_async.models._rbac_kinds import *  # noqa: F403
from weaviate_async.models.rbac import *  # noqa: F403

__all__ = sorted(_rbac.__all__)
