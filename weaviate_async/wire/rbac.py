"""Roles, users and groups on the REST API (``/authz/...``, ``/users/...``): paths, request
bodies and reply parsers. Pure functions.

A permission travels as one JSON object per action: ``{"action": "read_data", "data":
{"collection": "Article", "tenant": "*"}}``. Reading a role back, the permissions of one
resource are joined into one ``*PermissionOutput`` holding all their actions.
"""

from __future__ import annotations

import datetime as dt
import functools
import warnings
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast
from urllib.parse import quote

from weaviate_async._validate import check_bool, check_str, invalid
from weaviate_async.exceptions import ResponseCannotBeDecodedError
from weaviate_async.models.rbac import (
    OUTPUT_KINDS,
    GroupAssignment,
    GroupTypes,
    Role,
    RoleBase,
    RoleScope,
    UserAssignment,
    UserTypes,
    WeaviatePermission,
    _Permission,
)
from weaviate_async.models.users import OwnUser, UserDB
from weaviate_async.wire.values import parse_rfc3339

__all__ = [
    "api_key_from_json",
    "boolean",
    "db_user_from_json",
    "db_user_path",
    "db_users_from_json",
    "group_assignments_from_json",
    "flag",
    "group_path",
    "own_user_from_json",
    "permissions_json",
    "role_from_json",
    "role_name",
    "role_names_json",
    "role_path",
    "roles_by_name",
    "strings_from_json",
    "user_assignments_from_json",
    "user_id",
    "user_path",
]

#: Go's zero time: the server's "never" (a key never used, a user without creation time).
_GO_ZERO_TIME = dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)
#: Resource keys holding collection or alias names, which the server stores capitalized.
_CAPITALIZED = frozenset({"collection", "alias"})
#: The server's defaults for resource keys it may leave out of a reply.
_REPLY_DEFAULTS = {"verbosity": "minimal", "groupType": "oidc"}

_F = TypeVar("_F", bound=Callable[..., Any])

_KIND_OF_ACTION: dict[str, tuple[str, type[_Permission[Any]]]] = {
    action.value: (field, cls) for field, cls in OUTPUT_KINDS for action in cls._ACTION
}


def _reply(what: str) -> Callable[[_F], _F]:
    """Make a parser raise ResponseCannotBeDecodedError, naming ``what``, for a reply of
    another shape than the server's API describes."""

    def wrap(parse: _F) -> _F:
        @functools.wraps(parse)
        def checked(data: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return parse(data, *args, **kwargs)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise ResponseCannotBeDecodedError._with(
                    f"the server's reply is not {what}: {exc} (got {str(data)[:200]})"
                ) from exc

        return cast(_F, checked)

    return wrap


# ---------------------------------------------------------------------------------- names


def role_name(value: Any, field: str = "role_name") -> str:
    """A role name, checked (a non-empty str)."""
    if value is None:
        raise invalid(field, "is required", value)
    check_str(value, field, allow_empty=False)
    return cast(str, value)


def user_id(value: Any, field: str = "user_id") -> str:
    """A user (or group) id, checked (a non-empty str)."""
    return role_name(value, field)


def role_path(name: str, tail: str = "") -> str:
    """``/authz/roles/{name}{tail}``."""
    return f"/authz/roles/{quote(name, safe='')}{tail}"


def user_path(user: str, tail: str = "") -> str:
    """``/authz/users/{user}{tail}``."""
    return f"/authz/users/{quote(user, safe='')}{tail}"


def group_path(group: str, tail: str = "") -> str:
    """``/authz/groups/{group}{tail}``."""
    return f"/authz/groups/{quote(group, safe='')}{tail}"


def db_user_path(user: str, tail: str = "") -> str:
    """``/users/db/{user}{tail}``."""
    return f"/users/db/{quote(user, safe='')}{tail}"


def role_names_json(role_names: Any, field: str = "role_names") -> list[str]:
    """One role name or several, as the list the server takes (at least one)."""
    names = [role_names] if isinstance(role_names, str) else role_names
    if isinstance(names, bytes) or not isinstance(names, Sequence):
        raise invalid(field, "must be a role name or a list of role names", role_names)
    if not names:
        raise invalid(field, "name at least one role", role_names)
    for item in names:
        if not isinstance(item, str) or not item.strip():
            raise invalid(field, "every role name must be a non-empty str", role_names)
    return list(names)


def boolean(value: Any, field: str) -> bool:
    """A bool argument, checked (None refused)."""
    if value is None:
        raise invalid(field, "must be a bool", value)
    check_bool(value, field)
    return bool(value)


def flag(value: Any, field: str) -> str:
    """A bool argument as a query parameter."""
    return "true" if boolean(value, field) else "false"


# ---------------------------------------------------------------------------------- permissions


def _flatten(permissions: Any, field: str) -> list[_Permission[Any]]:
    if isinstance(permissions, _Permission):
        return [permissions]
    if isinstance(permissions, (str, bytes)) or not isinstance(permissions, Sequence):
        raise invalid(
            field, "must be a permission or a list of them (see Permissions)", permissions
        )
    out: list[_Permission[Any]] = []
    for item in permissions:
        if isinstance(item, _Permission):
            out.append(item)
        elif isinstance(item, Sequence) and not isinstance(item, (str, bytes)):
            for inner in item:
                if not isinstance(inner, _Permission):
                    raise invalid(
                        field, "must hold permissions built with Permissions.*", permissions
                    )
                out.append(inner)
        else:
            raise invalid(field, "must hold permissions built with Permissions.*", permissions)
    return out


def _capitalized(key: str, value: str) -> str:
    return value[:1].upper() + value[1:] if key in _CAPITALIZED else value


def permission_json(permission: _Permission[Any]) -> list[WeaviatePermission]:
    """One wire permission per action of ``permission`` (in the order of the action enum, so
    that a request is the same every time)."""
    resource: dict[str, str] = {}
    for attr, key in permission._FIELDS:
        value = getattr(permission, attr)
        if value is not None:
            text = value.value if isinstance(value, RoleScope) else str(value)
            resource[key] = _capitalized(key, text)
    out: list[WeaviatePermission] = []
    for action in permission._ACTION:
        if action in permission.actions:
            item: dict[str, Any] = {"action": action.value}
            if permission._KIND is not None:
                item[permission._KIND] = dict(resource)
            out.append(cast(WeaviatePermission, item))
    return out


def permissions_json(
    permissions: Any, field: str = "permissions", *, allow_empty: bool = False
) -> list[WeaviatePermission]:
    """The wire permissions of one permission, a list, or lists of lists.

    Raises:
        WeaviateInvalidInputError: something else than permissions, or none (unless
            ``allow_empty``): a ``Permissions`` builder without any action flag gives none.
    """
    out = [wire for p in _flatten(permissions, field) for wire in permission_json(p)]
    if not out and not allow_empty:
        raise invalid(
            field,
            "holds no permission (a Permissions builder without any action flag set gives none)",
            permissions,
        )
    return out


def _output(cls: type[_Permission[Any]], action: str, resource: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    for attr, key in cls._FIELDS:
        value = resource.get(key)
        if value is None or value == "":
            value = None if key == "scope" else _REPLY_DEFAULTS.get(key, "*")
        kwargs[attr] = value
    return cls(actions={action}, **kwargs)


@_reply("a role")
def role_from_json(data: Any) -> Role:
    """A :class:`Role` from the server's role JSON; the permissions of one resource are
    joined. Permissions of kinds this client does not know are skipped with a warning."""
    if not isinstance(data["name"], str):
        raise TypeError("a role's name must be a string")
    groups: dict[str, dict[tuple[Any, ...], Any]] = {field: {} for field, _ in OUTPUT_KINDS}
    for raw in data.get("permissions") or ():
        action = raw.get("action") if isinstance(raw, dict) else None
        known = _KIND_OF_ACTION.get(action) if isinstance(action, str) else None
        if known is None:
            # Once per action (the default warning filter): newer servers add actions.
            warnings.warn(
                f"a role holds the permission {action!r}, which this client does not know: "
                "it is left out of the Role",
                UserWarning,
                stacklevel=3,
            )
            continue
        field, cls = known
        resource = raw.get(cls._KIND) if cls._KIND is not None else {}
        permission = _output(cls, str(action), resource if isinstance(resource, dict) else {})
        key = tuple(getattr(permission, attr) for attr, _ in cls._FIELDS)
        joined = groups[field].get(key)
        if joined is None:
            groups[field][key] = permission
        else:
            joined.actions.update(permission.actions)
    return Role(name=data["name"], **{field: list(g.values()) for field, g in groups.items()})


@_reply("a list of roles")
def roles_by_name(data: Any, *, include_permissions: bool = True) -> dict[str, Any]:
    """Roles by name from a list of role JSON; names only (:class:`RoleBase`) unless
    ``include_permissions``."""
    if not isinstance(data, list):
        raise TypeError("expected a list")
    if include_permissions:
        return {role.name: role for role in map(role_from_json, data)}
    return {item["name"]: RoleBase(item["name"]) for item in data}


@_reply("a list of user assignments")
def user_assignments_from_json(data: Any) -> list[UserAssignment]:
    """``[{"userId", "userType"}]`` -> :class:`UserAssignment` list."""
    return [UserAssignment(user_id=a["userId"], user_type=UserTypes(a["userType"])) for a in data]


@_reply("a list of group assignments")
def group_assignments_from_json(data: Any) -> list[GroupAssignment]:
    """``[{"groupId", "groupType"}]`` -> :class:`GroupAssignment` list."""
    return [
        GroupAssignment(group_id=a["groupId"], group_type=GroupTypes(a["groupType"])) for a in data
    ]


@_reply("a list of names")
def strings_from_json(data: Any) -> list[str]:
    """A list of names (user ids, group names)."""
    if not isinstance(data, list):
        raise TypeError("expected a list")
    return [str(item) for item in data]


# ---------------------------------------------------------------------------------- users


def _time(text: Any) -> dt.datetime | None:
    if not isinstance(text, str) or not text:
        return None
    value = parse_rfc3339(text)
    return None if value == _GO_ZERO_TIME else value


@_reply("a database user")
def db_user_from_json(data: Any) -> UserDB:
    """A :class:`UserDB` from the server's ``DBUserInfo``; Go's zero time becomes None."""
    return UserDB(
        user_id=data["userId"],
        role_names=list(data.get("roles") or []),
        user_type=UserTypes(data["dbUserType"]),
        active=bool(data["active"]),
        created_at=_time(data.get("createdAt")),
        last_used_time=_time(data.get("lastUsedAt")),
        api_key_first_letters=data.get("apiKeyFirstLetters"),
    )


@_reply("a list of database users")
def db_users_from_json(data: Any) -> list[UserDB]:
    """Every :class:`UserDB` of ``GET /users/db``."""
    if not isinstance(data, list):
        raise TypeError("expected a list")
    return [db_user_from_json(item) for item in data]


@_reply("the user's own information")
def own_user_from_json(data: Any) -> OwnUser:
    """An :class:`OwnUser` from ``GET /users/own-info`` (``username``, roles, groups)."""
    name = data.get("username", data.get("user_id"))
    return OwnUser(
        user_id=name,
        roles=roles_by_name(data.get("roles") or []),
        groups=list(data.get("groups") or []),
    )


@_reply("an API key")
def api_key_from_json(data: Any) -> str:
    """The API key of ``{"apikey": ...}`` (a user created, or its key rotated)."""
    key = data["apikey"]
    if not isinstance(key, str) or not key:
        raise ValueError("no API key")
    return key
