"""The hand-written part of the roles and permissions models: the kinds of users and groups,
who holds a role, and the base of every permission with its checks.

The permission kinds themselves (action enums, permission classes, builders, the ``Role``
grouping them) are generated into :mod:`weaviate_async.models._rbac_kinds` from one table
(``tools/factory_tables/rbac.py``); :mod:`weaviate_async.models.rbac` gathers both.
"""

# The aliases keep typing.Union/List/Sequence: they are the objects the official client's
# aliases are made of, and annotations written for it keep working.
# ruff: noqa: UP006, UP007, UP035

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, ClassVar, Generic, List, Literal, TypedDict, TypeVar, Union

import attrs

from weaviate_async._validate import check_bool, check_str, invalid, to_enum, to_opt_enum

__all__ = [
    "ActionT",
    "ActionsType",
    "GroupAssignment",
    "GroupTypes",
    "PermissionsCreateType",
    "PermissionsInputType",
    "RoleBase",
    "RoleScope",
    "T",
    "UserAssignment",
    "UserTypes",
    "WeaviatePermissionRequired",
]

#: How much a nodes permission lets its holder see (``cluster.nodes(output=...)``).
_Verbosity = Literal["minimal", "verbose"]


# ------------------------------------------------------------------------------------------
# Kinds of users and groups, and who holds a role
# ------------------------------------------------------------------------------------------


class UserTypes(str, Enum):
    """Where a user comes from: created through the users API, configured in the server's
    environment (static API keys), or an OIDC identity."""

    DB_DYNAMIC = "db_user"
    DB_STATIC = "db_env_user"
    OIDC = "oidc"


class GroupTypes(str, Enum):
    """Where a group comes from (only OIDC groups exist)."""

    OIDC = "oidc"


class RoleScope(str, Enum):
    """What a roles permission reaches: ``MATCH`` only roles whose permissions the holder has
    itself, ``ALL`` any role matching the name."""

    MATCH = "match"
    ALL = "all"


@attrs.define
class UserAssignment:
    """A user holding a role (``roles.get_user_assignments``)."""

    user_id: str
    user_type: UserTypes


@attrs.define
class GroupAssignment:
    """A group holding a role (``roles.get_group_assignments``)."""

    group_id: str
    group_type: GroupTypes


@attrs.define
class RoleBase:
    """A role known by name only (``get_assigned_roles(include_permissions=False)``)."""

    name: str


class WeaviatePermissionRequired(TypedDict):
    """The part of a permission always present: its action."""

    action: str


# ------------------------------------------------------------------------------------------
# The base of the action enums and of the permissions, and their checks
# ------------------------------------------------------------------------------------------


class _Action:
    """Marks the action enums."""


#: The action enum of a permission kind.
ActionT = TypeVar("ActionT", bound=Enum)


def _check_resource(value: Any, field: str) -> None:
    # An empty name is passed on as the official client does (programs build permissions such
    # as Permissions.alias(alias="", ...) at import time); the server judges it.
    if value is None:
        raise invalid(field, "is required", value)
    check_str(value, field)


def _resource(_instance: Any, attribute: Any, value: Any) -> None:
    _check_resource(value, attribute.name)


def _verbosity(_instance: Any, _attribute: Any, value: Any) -> None:
    if value not in ("minimal", "verbose"):
        raise invalid("verbosity", "must be 'minimal' or 'verbose'", value)


def _scope(value: Any) -> RoleScope | None:
    return to_opt_enum(RoleScope, value, "scope")


def _group_type(value: Any) -> str:
    return to_enum(GroupTypes, value, "group_type").value


@attrs.define(kw_only=True)
class _Permission(Generic[ActionT]):
    """Actions granted on one resource.

    ``_ACTION`` is the kind's action enum; ``_KIND`` the key of its resource in the server's
    JSON (None: the action needs no resource); ``_FIELDS`` maps attribute names to the keys
    of that resource.
    """

    _ACTION: ClassVar[type[Enum]]
    _KIND: ClassVar[str | None] = None
    _FIELDS: ClassVar[tuple[tuple[str, str], ...]] = ()

    actions: set[ActionT]

    def __attrs_post_init__(self) -> None:
        if isinstance(self.actions, (str, bytes)) or not isinstance(
            self.actions, (set, frozenset, list, tuple)
        ):
            raise invalid("actions", "must be a set of actions", self.actions)
        self.actions = {to_enum(self._ACTION, a, "actions") for a in self.actions}  # type: ignore[misc]


#: Any permission kind (for functions generic over them).
T = TypeVar("T", bound=_Permission[Any])

#: One action, or several.
ActionsType = Union[_Action, Sequence[_Action]]

#: What the roles operations take: one permission, a list of them, or lists of such lists
#: (each ``Permissions.*`` builder returns a list).
PermissionsInputType = Union[
    _Permission[Any],
    Sequence[_Permission[Any]],
    Sequence[Sequence[_Permission[Any]]],
    Sequence[Union[_Permission[Any], Sequence[_Permission[Any]]]],
]
#: What a ``Permissions.*`` builder returns.
PermissionsCreateType = List[_Permission[Any]]


# ------------------------------------------------------------------------------------------
# What the builders share
# ------------------------------------------------------------------------------------------


def _names(value: Any, field: str) -> list[str]:
    """One resource name or several, as a list (each a str)."""
    if isinstance(value, str):
        _check_resource(value, field)
        return [value]
    if isinstance(value, bytes) or not isinstance(value, Sequence):
        raise invalid(field, "must be a str or a list of str", value)
    for item in value:
        if not isinstance(item, str):
            raise invalid(field, "must be a str or a list of str", value)
    return list(value)


def _flags(**flags: Any) -> None:
    for name, value in flags.items():
        if value is None:
            raise invalid(name, "must be a bool", value)
        check_bool(value, name)


def _chosen(table: Sequence[tuple[bool, Enum]]) -> set[Any]:
    return {action for wanted, action in table if wanted}
