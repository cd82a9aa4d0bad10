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
from typing import TYPE_CHECKING, Literal

from weaviate_async._twin import twin
from weaviate_async.models.rbac import Role, RoleBase
from weaviate_async.models.users import USER_TYPE, USER_TYPE_DB, USER_TYPE_OIDC, OwnUser, UserDB
from weaviate_async.users._db_methods import _UsersDBMethods
from weaviate_async.users._methods import _UsersMethods
from weaviate_async.users._role_methods import _UserRoleMethods
from weaviate_async.wire import rbac as wire

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_UsersAsync", "_UsersDBAsync", "_UsersOIDCAsync"]


class _UserRoles(_UserRoleMethods):
    """Role assignment of one kind of user (``db`` or ``oidc``), shared by both namespaces."""

    _USER_TYPE: USER_TYPE

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def _get_assigned_roles(
        self, user_id: object, include_permissions: object
    ) -> dict[str, Role] | dict[str, RoleBase]:
        user = wire.user_id(user_id)
        reply = await self._connection.rest(
            "GET",
            wire.user_path(user, f"/roles/{self._USER_TYPE}"),
            operation=f"users.{self._USER_TYPE}.get_assigned_roles",
            params={"includeFullRoles": wire.flag(include_permissions, "include_permissions")},
        )
        return wire.roles_by_name(reply, include_permissions=include_permissions is True)

    async def _change(
        self, verb: Literal["assign", "revoke"], user_id: object, role_names: object
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
class _UsersDBAsync(_UsersDBMethods, _UserRoles):
    """Database users (``client.users.db``): created, keyed and managed through the API, and
    their roles. Needs a server with ``AUTHENTICATION_DB_USERS_ENABLED``."""

    _USER_TYPE: USER_TYPE = USER_TYPE_DB

    async def _create(self, user_id: object) -> str:
        user = wire.user_id(user_id)
        reply = await self._connection.rest(
            "POST", wire.db_user_path(user), operation="users.db.create", json={}, ok=(201,)
        )
        return wire.api_key_from_json(reply)

    async def _delete(self, user_id: object) -> bool:
        user = wire.user_id(user_id)
        status, _ = await self._connection.rest_status(
            "DELETE", wire.db_user_path(user), operation="users.db.delete", ok=(204, 404)
        )
        return status == 204

    async def _rotate_key(self, user_id: object) -> str:
        user = wire.user_id(user_id)
        reply = await self._connection.rest(
            "POST", wire.db_user_path(user, "/rotate-key"), operation="users.db.rotate_key"
        )
        return wire.api_key_from_json(reply)

    async def _activate(self, user_id: object) -> bool:
        user = wire.user_id(user_id)
        status, _ = await self._connection.rest_status(
            "POST",
            wire.db_user_path(user, "/activate"),
            operation="users.db.activate",
            ok=(200, 409),
            idempotent=True,
        )
        return status == 200

    async def _deactivate(self, user_id: object, revoke_key: object) -> bool:
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

    async def _get(self, user_id: object, include_last_used_time: object) -> UserDB | None:
        user = wire.user_id(user_id)
        params = {
            "includeLastUsedTime": wire.flag(include_last_used_time, "include_last_used_time")
        }
        status, reply = await self._connection.rest_status(
            "GET", wire.db_user_path(user), operation="users.db.get", params=params, ok=(200, 404)
        )
        return None if status == 404 else wire.db_user_from_json(reply)

    async def _list_all(self, include_last_used_time: object) -> list[UserDB]:
        params = {
            "includeLastUsedTime": wire.flag(include_last_used_time, "include_last_used_time")
        }
        reply = await self._connection.rest(
            "GET", "/users/db", operation="users.db.list_all", params=params
        )
        return wire.db_users_from_json(reply)


@twin
class _UsersAsync(_UsersMethods):
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

    async def _get_my_user(self) -> OwnUser:
        reply = await self._connection.rest("GET", "/users/own-info", operation="users.get_my_user")
        return wire.own_user_from_json(reply)

    async def _get_assigned_roles(self, user_id: object) -> dict[str, Role]:
        warnings.warn(
            "users.get_assigned_roles() is deprecated: use users.db.get_assigned_roles() or "
            "users.oidc.get_assigned_roles()",
            DeprecationWarning,
            stacklevel=3,
        )
        user = wire.user_id(user_id)
        reply = await self._connection.rest(
            "GET", wire.user_path(user, "/roles"), operation="users.get_assigned_roles"
        )
        return wire.roles_by_name(reply)

    async def _deprecated_change(
        self, verb: Literal["assign", "revoke"], user_id: object, role_names: object
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
