"""``client.groups``: the roles of OIDC groups (``groups.oidc``).

Examples:
    >>> await client.groups.oidc.assign_roles(group_id="editors", role_names=["writer"])
    >>> await client.groups.oidc.get_known_group_names()
    ['editors']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from weaviate_async._twin import twin
from weaviate_async.groups._methods import _GroupsOIDCMethods
from weaviate_async.models.rbac import GroupTypes, Role, RoleBase
from weaviate_async.wire import rbac as wire

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_GroupsAsync", "_GroupsOIDCAsync"]

_OIDC = GroupTypes.OIDC.value


@twin
class _GroupsOIDCAsync(_GroupsOIDCMethods):
    """Roles of OIDC groups (``client.groups.oidc``): every member of a group (by the
    groups claim of its token) holds the group's roles."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def _get_assigned_roles(
        self, group_id: object, include_permissions: object
    ) -> dict[str, Role] | dict[str, RoleBase]:
        group = wire.user_id(group_id, "group_id")
        reply = await self._connection.rest(
            "GET",
            wire.group_path(group, f"/roles/{_OIDC}"),
            operation="groups.oidc.get_assigned_roles",
            params={"includeFullRoles": wire.flag(include_permissions, "include_permissions")},
        )
        return wire.roles_by_name(reply, include_permissions=include_permissions is True)

    async def _get_known_group_names(self) -> list[str]:
        reply = await self._connection.rest(
            "GET", f"/authz/groups/{_OIDC}", operation="groups.oidc.get_known_group_names"
        )
        return wire.strings_from_json(reply)

    async def _change(
        self, verb: Literal["assign", "revoke"], group_id: object, role_names: object
    ) -> None:
        group = wire.user_id(group_id, "group_id")
        body = {"roles": wire.role_names_json(role_names), "groupType": _OIDC}
        await self._connection.rest(
            "POST",
            wire.group_path(group, f"/{verb}"),
            operation=f"groups.oidc.{verb}_roles",
            json=body,
            idempotent=True,
        )


@twin
class _GroupsAsync:
    """The groups of the server (``client.groups``); OIDC groups in :attr:`oidc`."""

    def __init__(self, connection: Connection) -> None:
        self._oidc = _GroupsOIDCAsync(connection)

    @property
    def oidc(self) -> _GroupsOIDCAsync:
        """The roles of OIDC groups."""
        return self._oidc
