"""``client.roles``: create, read, change and delete roles, and see who holds them.

Examples:
    >>> from weaviate_async.classes.rbac import Permissions
    >>> await client.roles.create(
    ...     role_name="reader", permissions=Permissions.data(collection="Article", read=True)
    ... )
    >>> await client.users.db.assign_roles(user_id="ingest-bot", role_names="reader")
    >>> [a.user_id for a in await client.roles.get_user_assignments("reader")]
"""

from __future__ import annotations

import asyncio
import warnings
from typing import TYPE_CHECKING, Literal

from weaviate_async._twin import twin
from weaviate_async.models.rbac import (
    GroupAssignment,
    Role,
    UserAssignment,
)
from weaviate_async.rbac._methods import _RolesMethods
from weaviate_async.wire import rbac as wire

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_RolesAsync"]


@twin
class _RolesAsync(_RolesMethods):
    """The roles of the server (``client.roles``); needs a server with RBAC enabled.

    Every call raises ``InsufficientPermissionsError`` when the user lacks the permission
    for it, and ``WeaviateInvalidInputError`` for a bad argument, before anything is sent.
    """

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def _list_all(self) -> dict[str, Role]:
        reply = await self._connection.rest("GET", "/authz/roles", operation="roles.list_all")
        return wire.roles_by_name(reply)

    async def _get_current_roles(self) -> list[Role]:
        warnings.warn(
            "roles.get_current_roles() is deprecated: use users.get_my_user().roles",
            DeprecationWarning,
            stacklevel=3,
        )
        reply = await self._connection.rest(
            "GET", "/users/own-info", operation="roles.get_current_roles"
        )
        return list(wire.own_user_from_json(reply).roles.values())

    async def _exists(self, role_name: object) -> bool:
        name = wire.role_name(role_name)
        status, _ = await self._connection.rest_status(
            "GET", wire.role_path(name), operation="roles.exists", ok=(200, 404)
        )
        return status == 200

    async def _get(self, role_name: object) -> Role | None:
        name = wire.role_name(role_name)
        status, reply = await self._connection.rest_status(
            "GET", wire.role_path(name), operation="roles.get", ok=(200, 404)
        )
        return None if status == 404 else wire.role_from_json(reply)

    async def _create(self, role_name: object, permissions: object) -> Role:
        name = wire.role_name(role_name)
        body = {"name": name, "permissions": wire.permissions_json(permissions, allow_empty=True)}
        await self._connection.rest(
            "POST", "/authz/roles", operation="roles.create", json=body, ok=(201,)
        )
        return wire.role_from_json(body)

    async def _get_user_assignments(self, role_name: object) -> list[UserAssignment]:
        name = wire.role_name(role_name)
        reply = await self._connection.rest(
            "GET",
            wire.role_path(name, "/user-assignments"),
            operation="roles.get_user_assignments",
        )
        return wire.user_assignments_from_json(reply)

    async def _get_group_assignments(self, role_name: object) -> list[GroupAssignment]:
        name = wire.role_name(role_name)
        reply = await self._connection.rest(
            "GET",
            wire.role_path(name, "/group-assignments"),
            operation="roles.get_group_assignments",
        )
        return wire.group_assignments_from_json(reply)

    async def _get_assigned_user_ids(self, role_name: object) -> list[str]:
        warnings.warn(
            "roles.get_assigned_user_ids() is deprecated: use roles.get_user_assignments()",
            DeprecationWarning,
            stacklevel=3,
        )
        name = wire.role_name(role_name)
        reply = await self._connection.rest(
            "GET", wire.role_path(name, "/users"), operation="roles.get_assigned_user_ids"
        )
        return wire.strings_from_json(reply)

    async def _delete(self, role_name: object) -> None:
        name = wire.role_name(role_name)
        await self._connection.rest(
            "DELETE", wire.role_path(name), operation="roles.delete", ok=(204,)
        )

    async def _change_permissions(
        self, verb: Literal["add", "remove"], permissions: object, role_name: object
    ) -> None:
        name = wire.role_name(role_name)
        await self._connection.rest(
            "POST",
            wire.role_path(name, f"/{verb}-permissions"),
            operation=f"roles.{verb}_permissions",
            json={"permissions": wire.permissions_json(permissions)},
            # Adding what is there already (removing what is not) changes nothing: safe to
            # send again.
            idempotent=True,
        )

    async def _has_permissions(self, permissions: object, role: object) -> bool:
        name = wire.role_name(role, "role")
        checks = wire.permissions_json(permissions)
        path = wire.role_path(name, "/has-permission")

        async def has(permission: object) -> bool:
            reply = await self._connection.rest(
                "POST",
                path,
                operation="roles.has_permissions",
                json=permission,
                idempotent=True,
            )
            return reply is True

        tasks = [asyncio.ensure_future(has(p)) for p in checks]
        try:
            return all(await asyncio.gather(*tasks))
        finally:
            for task in tasks:  # one failed: the other answers are moot
                task.cancel()
