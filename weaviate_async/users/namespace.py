"""``client.users``: who the client is, database users (``users.db``) and the roles of OIDC
users (``users.oidc``).

Examples:
    >>> key = await client.users.db.create(user_id="ingest-bot")
    >>> await client.users.db.assign_roles(user_id="ingest-bot", role_names=["writer"])
    >>> (await client.users.get_my_user()).user_id
    'admin'
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Literal, overload

from weaviate_async._twin import twin
from weaviate_async.models.rbac import Role, RoleBase
from weaviate_async.models.users import USER_TYPE, USER_TYPE_DB, USER_TYPE_OIDC, OwnUser, UserDB
from weaviate_async.wire import rbac as wire

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_UsersAsync", "_UsersDBAsync", "_UsersOIDCAsync"]


class _UserRoles:
    """Role assignment of one kind of user (``db`` or ``oidc``), shared by both namespaces."""

    _USER_TYPE: USER_TYPE

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    @overload
    async def get_assigned_roles(
        self, *, user_id: str, include_permissions: Literal[False] = False
    ) -> dict[str, RoleBase]: ...

    @overload
    async def get_assigned_roles(
        self, *, user_id: str, include_permissions: Literal[True]
    ) -> dict[str, Role]: ...

    @overload
    async def get_assigned_roles(
        self, *, user_id: str, include_permissions: bool = False
    ) -> dict[str, Role] | dict[str, RoleBase]: ...

    async def get_assigned_roles(
        self, *, user_id: str, include_permissions: bool = False
    ) -> dict[str, Role] | dict[str, RoleBase]:
        """The roles assigned to the user ``user_id`` (of this namespace's kind) by name: with
        their permissions (:class:`Role`) when ``include_permissions``, else names only
        (:class:`RoleBase`).

        Roles an OIDC user holds through its OIDC groups are not listed (see ``groups.oidc``).
        """
        user = wire.user_id(user_id)
        reply = await self._connection.rest(
            "GET",
            wire.user_path(user, f"/roles/{self._USER_TYPE}"),
            operation=f"users.{self._USER_TYPE}.get_assigned_roles",
            params={"includeFullRoles": wire.flag(include_permissions, "include_permissions")},
        )
        return wire.roles_by_name(reply, include_permissions=include_permissions)

    async def assign_roles(self, *, user_id: str, role_names: str | list[str]) -> None:
        """Assign the roles ``role_names`` to the user ``user_id`` (an OIDC user need not have
        logged in yet).

        Raises:
            UnexpectedStatusCodeError: a role, or the database user, does not exist (status
                404), or the server has no OIDC (its message says so).
        """
        await self._change("assign", user_id, role_names)

    async def revoke_roles(self, *, user_id: str, role_names: str | list[str]) -> None:
        """Revoke the roles ``role_names`` from the user ``user_id``."""
        await self._change("revoke", user_id, role_names)

    async def _change(
        self, verb: Literal["assign", "revoke"], user_id: str, role_names: str | list[str]
    ) -> None:
        user = wire.user_id(user_id)
        body = {"roles": wire.role_names_json(role_names), "userType": self._USER_TYPE}
        await self._connection.rest(
            "POST",
            wire.user_path(user, f"/{verb}"),
            operation=f"users.{self._USER_TYPE}.{verb}_roles",
            json=body,
            # Assigning a held role, or revoking one not held, changes nothing.
            idempotent=True,
        )


@twin
class _UsersOIDCAsync(_UserRoles):
    """Roles of OIDC users (``client.users.oidc``); needs a server with OIDC and RBAC."""

    _USER_TYPE: USER_TYPE = USER_TYPE_OIDC


@twin
class _UsersDBAsync(_UserRoles):
    """Database users (``client.users.db``): created, keyed and managed through the API, and
    their roles. Needs a server with ``AUTHENTICATION_DB_USERS_ENABLED``."""

    _USER_TYPE: USER_TYPE = USER_TYPE_DB

    async def create(self, *, user_id: str) -> str:
        """Create the database user ``user_id`` and return its API key (shown only now).

        Raises:
            ObjectAlreadyExistsError: a user of that name exists.
        """
        user = wire.user_id(user_id)
        reply = await self._connection.rest(
            "POST", wire.db_user_path(user), operation="users.db.create", json={}, ok=(201,)
        )
        return wire.api_key_from_json(reply)

    async def delete(self, *, user_id: str) -> bool:
        """Delete the database user ``user_id``; False when there was no such user."""
        user = wire.user_id(user_id)
        status, _ = await self._connection.rest_status(
            "DELETE", wire.db_user_path(user), operation="users.db.delete", ok=(204, 404)
        )
        return status == 204

    async def rotate_key(self, *, user_id: str) -> str:
        """Give the user ``user_id`` a new API key and return it; the old key stops working.

        Raises:
            UnexpectedStatusCodeError: no such user (404), or a user configured in the
                server's environment, whose key cannot change (422).
        """
        user = wire.user_id(user_id)
        reply = await self._connection.rest(
            "POST", wire.db_user_path(user, "/rotate-key"), operation="users.db.rotate_key"
        )
        return wire.api_key_from_json(reply)

    async def activate(self, *, user_id: str) -> bool:
        """Let the user ``user_id`` in again; False when it was active already.

        Raises:
            UnexpectedStatusCodeError: no such user (status 404).
        """
        user = wire.user_id(user_id)
        status, _ = await self._connection.rest_status(
            "POST",
            wire.db_user_path(user, "/activate"),
            operation="users.db.activate",
            ok=(200, 409),
            idempotent=True,
        )
        return status == 200

    async def deactivate(self, *, user_id: str, revoke_key: bool = False) -> bool:
        """Refuse the user ``user_id`` until activated again; ``revoke_key`` also voids its
        key (a new one is then needed: :meth:`rotate_key`). False when it was inactive
        already.

        Raises:
            UnexpectedStatusCodeError: no such user (status 404).
        """
        user = wire.user_id(user_id)
        body = {"revoke_key": wire.boolean(revoke_key, "revoke_key")}
        status, _ = await self._connection.rest_status(
            "POST",
            wire.db_user_path(user, "/deactivate"),
            operation="users.db.deactivate",
            json=body,
            ok=(200, 409),
            idempotent=True,
        )
        return status == 200

    async def get(self, *, user_id: str, include_last_used_time: bool = False) -> UserDB | None:
        """The database user ``user_id``, or None when there is no such user.

        Args:
            user_id: the user's name.
            include_last_used_time: also ask when its key was last used (gathered from
                every node).
        """
        user = wire.user_id(user_id)
        params = {
            "includeLastUsedTime": wire.flag(include_last_used_time, "include_last_used_time")
        }
        status, reply = await self._connection.rest_status(
            "GET", wire.db_user_path(user), operation="users.db.get", params=params, ok=(200, 404)
        )
        return None if status == 404 else wire.db_user_from_json(reply)

    async def list_all(self, *, include_last_used_time: bool = False) -> list[UserDB]:
        """Every database user, those configured in the server's environment too."""
        params = {
            "includeLastUsedTime": wire.flag(include_last_used_time, "include_last_used_time")
        }
        reply = await self._connection.rest(
            "GET", "/users/db", operation="users.db.list_all", params=params
        )
        return wire.db_users_from_json(reply)


@twin
class _UsersAsync:
    """The users of the server (``client.users``): ``get_my_user()``, database users in
    :attr:`db`, OIDC users' roles in :attr:`oidc`."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._db = _UsersDBAsync(connection)
        self._oidc = _UsersOIDCAsync(connection)

    @property
    def db(self) -> _UsersDBAsync:
        """Database users: create, delete, keys, activation and roles."""
        return self._db

    @property
    def oidc(self) -> _UsersOIDCAsync:
        """The roles of OIDC users."""
        return self._oidc

    async def get_my_user(self) -> OwnUser:
        """The user the client is authenticated as, with its roles and OIDC groups.

        Examples:
            >>> me = await client.users.get_my_user()
            >>> me.user_id, list(me.roles)
            ('admin', ['root'])
        """
        reply = await self._connection.rest("GET", "/users/own-info", operation="users.get_my_user")
        return wire.own_user_from_json(reply)

    async def get_assigned_roles(self, user_id: str) -> dict[str, Role]:
        """The roles of the user ``user_id``, database and OIDC alike, with their permissions.

        Deprecated: use ``users.db.get_assigned_roles`` or ``users.oidc.get_assigned_roles``.
        """
        warnings.warn(
            "users.get_assigned_roles() is deprecated: use users.db.get_assigned_roles() or "
            "users.oidc.get_assigned_roles()",
            DeprecationWarning,
            stacklevel=2,
        )
        user = wire.user_id(user_id)
        reply = await self._connection.rest(
            "GET", wire.user_path(user, "/roles"), operation="users.get_assigned_roles"
        )
        return wire.roles_by_name(reply)

    async def assign_roles(self, *, user_id: str, role_names: str | list[str]) -> None:
        """Assign roles to the user ``user_id`` without saying its kind.

        Deprecated: use ``users.db.assign_roles`` or ``users.oidc.assign_roles``.
        """
        await self._deprecated_change("assign", user_id, role_names)

    async def revoke_roles(self, *, user_id: str, role_names: str | list[str]) -> None:
        """Revoke roles from the user ``user_id`` without saying its kind.

        Deprecated: use ``users.db.revoke_roles`` or ``users.oidc.revoke_roles``.
        """
        await self._deprecated_change("revoke", user_id, role_names)

    async def _deprecated_change(
        self, verb: Literal["assign", "revoke"], user_id: str, role_names: str | list[str]
    ) -> None:
        warnings.warn(
            f"users.{verb}_roles() is deprecated: use users.db.{verb}_roles() or "
            f"users.oidc.{verb}_roles()",
            DeprecationWarning,
            stacklevel=3,
        )
        user = wire.user_id(user_id)
        await self._connection.rest(
            "POST",
            wire.user_path(user, f"/{verb}"),
            operation=f"users.{verb}_roles",
            json={"roles": wire.role_names_json(role_names)},
            idempotent=True,
        )
