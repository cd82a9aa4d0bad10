"""Roles and permissions: the actions, the permission builders and the models that the roles,
users and groups operations return, at the official ``weaviate.rbac.models`` path.

Programs import them from :mod:`weaviate_async.rbac.models`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them: the permission kinds in
:mod:`~weaviate_async.models._rbac_kinds` (generated from a table), what they share in
:mod:`~weaviate_async.models._rbac_base`, and the server's REST shapes of roles and users below.
"""

# The aliases keep typing.List: it is the object the official client's aliases are made of.
# ruff: noqa: UP006, UP035

from __future__ import annotations

from typing import List, TypedDict

from weaviate_async.models import _rbac_base, _rbac_kinds
from weaviate_async.models._rbac_base import *  # noqa: F403  (the shared models)
from weaviate_async.models._rbac_base import _Permission as _Permission
from weaviate_async.models._rbac_kinds import *  # noqa: F403  (the generated permission kinds)
from weaviate_async.models._rbac_kinds import OUTPUT_KINDS as OUTPUT_KINDS
from weaviate_async.models._rbac_kinds import WeaviatePermission

# ------------------------------------------------------------------------------------------
# The REST shapes of roles and users (facts of the server's API)
# ------------------------------------------------------------------------------------------


class WeaviateUserAssignment(TypedDict):
    """One entry of ``GET /authz/roles/{id}/user-assignments``."""

    userId: str
    userType: str


class WeaviateRole(TypedDict):
    """A role on the wire."""

    name: str
    permissions: List[WeaviatePermission]


class WeaviateUser(TypedDict):
    """A user and its roles on the wire."""

    user_id: str
    roles: List[WeaviateRole] | None
    groups: List[str]


class _WeaviateDBUserRequired(TypedDict):
    userId: str
    roles: List[str]
    groups: List[str]
    active: bool
    dbUserType: str


class WeaviateDBUserRoleNames(_WeaviateDBUserRequired, total=False):
    """A database user on the wire (``GET /users/db/{id}``)."""

    createdAt: str
    lastUsedAt: str
    apiKeyFirstLetters: str


# The forms mypy reads: the names of both modules are exported from here.
__all__ = ["WeaviateDBUserRoleNames", "WeaviateRole", "WeaviateUser", "WeaviateUserAssignment"]
__all__ += _rbac_base.__all__
__all__ += _rbac_kinds.__all__
