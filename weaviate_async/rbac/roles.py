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
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from weaviate_async._twin import twin
from weaviate_async.models.rbac import (
    GroupAssignment,
    PermissionsInputType,
    PermissionsOutputType,
    Role,
    UserAssignment,
)
from weaviate_async.wire import rbac as wire

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_RolesAsync"]


@twin
class _RolesAsync:
    """The roles of the server (``client.roles``); needs a server with RBAC enabled.

    Every call raises ``InsufficientPermissionsError`` when the user lacks the permission
    for it, and ``WeaviateInvalidInputError`` for a bad argument, before anything is sent.
    """

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def list_all(self) -> dict[str, Role]:
        """Every role (the built-in ``admin``, ``viewer``, ``root`` ... too), by name.

        Examples:
            >>> sorted(await client.roles.list_all())
            ['admin', 'reader', 'root', 'viewer']
        """
        reply = await self._connection.rest("GET", "/authz/roles", operation="roles.list_all")
        return wire.roles_by_name(reply)

    async def get_current_roles(self) -> list[Role]:
        """The roles of the user the client is authenticated as.

        Deprecated: use ``users.get_my_user().roles``. Answered from the same endpoint (the
        one the official client calls for this method is gone from current servers).
        """
        warnings.warn(
            "roles.get_current_roles() is deprecated: use users.get_my_user().roles",
            DeprecationWarning,
            stacklevel=2,
        )
        reply = await self._connection.rest(
            "GET", "/users/own-info", operation="roles.get_current_roles"
        )
        return list(wire.own_user_from_json(reply).roles.values())

    async def exists(self, role_name: str) -> bool:
        """Whether the role ``role_name`` exists."""
        name = wire.role_name(role_name)
        status, _ = await self._connection.rest_status(
            "GET", wire.role_path(name), operation="roles.exists", ok=(200, 404)
        )
        return status == 200

    async def get(self, role_name: str) -> Role | None:
        """The role ``role_name`` with its permissions, or None when there is no such role.

        Examples:
            >>> role = await client.roles.get("reader")
            >>> role.data_permissions[0].actions
            {<DataAction.READ: 'read_data'>}
        """
        name = wire.role_name(role_name)
        status, reply = await self._connection.rest_status(
            "GET", wire.role_path(name), operation="roles.get", ok=(200, 404)
        )
        return None if status == 404 else wire.role_from_json(reply)

    async def create(self, *, role_name: str, permissions: PermissionsInputType) -> Role:
        """Create the role ``role_name`` with ``permissions`` (``Permissions.*`` builders).

        Returns:
            The role as sent (the server answers without a body).

        Raises:
            ObjectAlreadyExistsError: a role of that name exists.
            UnexpectedStatusCodeError: the server refused a permission (its message kept).
        """
        name = wire.role_name(role_name)
        body = {"name": name, "permissions": wire.permissions_json(permissions, allow_empty=True)}
        await self._connection.rest(
            "POST", "/authz/roles", operation="roles.create", json=body, ok=(201,)
        )
        return wire.role_from_json(body)

    async def get_user_assignments(self, role_name: str) -> list[UserAssignment]:
        """The users holding the role, with their kind (database or OIDC)."""
        name = wire.role_name(role_name)
        reply = await self._connection.rest(
            "GET",
            wire.role_path(name, "/user-assignments"),
            operation="roles.get_user_assignments",
        )
        return wire.user_assignments_from_json(reply)

    async def get_group_assignments(self, role_name: str) -> list[GroupAssignment]:
        """The groups holding the role."""
        name = wire.role_name(role_name)
        reply = await self._connection.rest(
            "GET",
            wire.role_path(name, "/group-assignments"),
            operation="roles.get_group_assignments",
        )
        return wire.group_assignments_from_json(reply)

    async def get_assigned_user_ids(self, role_name: str) -> list[str]:
        """The ids of the users holding the role.

        Deprecated: use :meth:`get_user_assignments`, which also tells the kind of user.
        """
        warnings.warn(
            "roles.get_assigned_user_ids() is deprecated: use roles.get_user_assignments()",
            DeprecationWarning,
            stacklevel=2,
        )
        name = wire.role_name(role_name)
        reply = await self._connection.rest(
            "GET", wire.role_path(name, "/users"), operation="roles.get_assigned_user_ids"
        )
        return wire.strings_from_json(reply)

    async def delete(self, role_name: str) -> None:
        """Delete the role ``role_name`` (nothing happens when there is no such role)."""
        name = wire.role_name(role_name)
        await self._connection.rest(
            "DELETE", wire.role_path(name), operation="roles.delete", ok=(204,)
        )

    async def add_permissions(self, *, permissions: PermissionsInputType, role_name: str) -> None:
        """Add ``permissions`` to the role (those it has already are kept as they are).

        Raises:
            UnexpectedStatusCodeError: there is no such role (status 404).
        """
        await self._change_permissions("add", permissions, role_name)

    async def remove_permissions(
        self, *, permissions: PermissionsInputType, role_name: str
    ) -> None:
        """Remove ``permissions`` from the role (those it does not have are ignored). A role
        left without permissions still exists.

        Raises:
            UnexpectedStatusCodeError: there is no such role (status 404).
        """
        await self._change_permissions("remove", permissions, role_name)

    async def _change_permissions(
        self, verb: Literal["add", "remove"], permissions: PermissionsInputType, role_name: str
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

    async def has_permissions(
        self,
        *,
        permissions: PermissionsInputType | PermissionsOutputType | Sequence[PermissionsOutputType],
        role: str,
    ) -> bool:
        """Whether the role ``role`` has every action of every permission given (asked per
        action, concurrently). A role that does not exist has none.

        Examples:
            >>> await client.roles.has_permissions(
            ...     permissions=Permissions.data(collection="Article", read=True), role="reader"
            ... )
            True
        """
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
