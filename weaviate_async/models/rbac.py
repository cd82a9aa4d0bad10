"""Roles and permissions: the actions, the permission builders and the models that the roles,
users and groups operations return, at the official ``weaviate.rbac.models`` path.

Programs import them from :mod:`weaviate_async.rbac.models`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.
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
    "Actions",
    "ActionsType",
    "AliasAction",
    "AliasPermissionOutput",
    "BackupsAction",
    "BackupsPermissionOutput",
    "ClusterAction",
    "ClusterPermissionOutput",
    "CollectionsAction",
    "CollectionsPermissionOutput",
    "DataAction",
    "DataPermissionOutput",
    "GroupAction",
    "GroupAssignment",
    "GroupTypes",
    "GroupsPermissionOutput",
    "GroupsPermissions",
    "MCPAction",
    "MCPPermissionOutput",
    "NodesAction",
    "NodesPermissionOutput",
    "NodesPermissions",
    "PermissionBackup",
    "PermissionCollections",
    "PermissionData",
    "PermissionNodes",
    "PermissionReplicate",
    "PermissionRoles",
    "Permissions",
    "PermissionsAlias",
    "PermissionsCreateType",
    "PermissionsGroups",
    "PermissionsInputType",
    "PermissionsOutputType",
    "PermissionsTenants",
    "PermissionsUsers",
    "ReplicateAction",
    "ReplicatePermissionOutput",
    "Role",
    "RoleBase",
    "RoleScope",
    "RolesAction",
    "RolesPermissionOutput",
    "T",
    "TenantsAction",
    "TenantsPermissionOutput",
    "UserAssignment",
    "UserTypes",
    "UsersAction",
    "UsersPermissionOutput",
    "WeaviateDBUserRoleNames",
    "WeaviatePermission",
    "WeaviatePermissionRequired",
    "WeaviateRole",
    "WeaviateUser",
    "WeaviateUserAssignment",
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


# ------------------------------------------------------------------------------------------
# The REST shapes (facts of the server's API)
# ------------------------------------------------------------------------------------------


class WeaviateUserAssignment(TypedDict):
    """One entry of ``GET /authz/roles/{id}/user-assignments``."""

    userId: str
    userType: str


class PermissionData(TypedDict):
    """The resource of a data permission."""

    collection: str
    tenant: str


class PermissionCollections(TypedDict):
    """The resource of a collections permission."""

    collection: str


class PermissionsTenants(TypedDict):
    """The resource of a tenants permission."""

    collection: str
    tenant: str


class PermissionNodes(TypedDict):
    """The resource of a nodes permission."""

    collection: str
    verbosity: _Verbosity


class PermissionBackup(TypedDict):
    """The resource of a backups permission."""

    collection: str


class PermissionReplicate(TypedDict):
    """The resource of a replicate permission."""

    collection: str
    shard: str


class _PermissionRolesRequired(TypedDict):
    role: str


class PermissionRoles(_PermissionRolesRequired, total=False):
    """The resource of a roles permission (``scope`` optional)."""

    scope: str


class PermissionsUsers(TypedDict):
    """The resource of a users permission."""

    users: str


class PermissionsGroups(TypedDict):
    """The resource of a groups permission."""

    group: str
    groupType: str


class PermissionsAlias(TypedDict):
    """The resource of an aliases permission."""

    alias: str
    collection: str


class WeaviatePermissionRequired(TypedDict):
    """The part of a permission always present: its action."""

    action: str


class WeaviatePermission(WeaviatePermissionRequired, total=False):
    """One permission on the wire: an action and, for most actions, its resource."""

    data: PermissionData | None
    collections: PermissionCollections | None
    nodes: PermissionNodes | None
    backups: PermissionBackup | None
    replicate: PermissionReplicate | None
    roles: PermissionRoles | None
    tenants: PermissionsTenants | None
    users: PermissionsUsers | None
    aliases: PermissionsAlias | None
    groups: PermissionsGroups | None


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


# ------------------------------------------------------------------------------------------
# Actions
# ------------------------------------------------------------------------------------------


class _Action:
    """Marks the action enums."""


class AliasAction(str, _Action, Enum):
    """Actions on aliases."""

    CREATE = "create_aliases"
    READ = "read_aliases"
    UPDATE = "update_aliases"
    DELETE = "delete_aliases"

    @staticmethod
    def values() -> List[str]:
        """The wire values of every action of this kind."""
        return [a.value for a in AliasAction]


class CollectionsAction(str, _Action, Enum):
    """Actions on collection definitions (``MANAGE`` is the older all-in-one action)."""

    CREATE = "create_collections"
    READ = "read_collections"
    UPDATE = "update_collections"
    DELETE = "delete_collections"
    MANAGE = "manage_collections"

    @staticmethod
    def values() -> List[str]:
        """The wire values of every action of this kind."""
        return [a.value for a in CollectionsAction]


class TenantsAction(str, _Action, Enum):
    """Actions on tenants."""

    CREATE = "create_tenants"
    READ = "read_tenants"
    UPDATE = "update_tenants"
    DELETE = "delete_tenants"

    @staticmethod
    def values() -> List[str]:
        """The wire values of every action of this kind."""
        return [a.value for a in TenantsAction]


class DataAction(str, _Action, Enum):
    """Actions on objects (``MANAGE`` is the older all-in-one action)."""

    CREATE = "create_data"
    READ = "read_data"
    UPDATE = "update_data"
    DELETE = "delete_data"
    MANAGE = "manage_data"

    @staticmethod
    def values() -> List[str]:
        """The wire values of every action of this kind."""
        return [a.value for a in DataAction]


class RolesAction(str, _Action, Enum):
    """Actions on roles (``MANAGE`` is the older all-in-one action)."""

    MANAGE = "manage_roles"
    CREATE = "create_roles"
    READ = "read_roles"
    UPDATE = "update_roles"
    DELETE = "delete_roles"

    @staticmethod
    def values() -> List[str]:
        """The wire values of every action of this kind."""
        return [a.value for a in RolesAction]


class GroupAction(str, _Action, Enum):
    """Actions on groups."""

    READ = "read_groups"
    ASSIGN_AND_REVOKE = "assign_and_revoke_groups"

    @staticmethod
    def values() -> List[str]:
        """The wire values of every action of this kind."""
        return [a.value for a in GroupAction]


class UsersAction(str, _Action, Enum):
    """Actions on users."""

    CREATE = "create_users"
    READ = "read_users"
    UPDATE = "update_users"
    DELETE = "delete_users"
    ASSIGN_AND_REVOKE = "assign_and_revoke_users"

    @staticmethod
    def values() -> List[str]:
        """The wire values of every action of this kind."""
        return [a.value for a in UsersAction]


class ClusterAction(str, _Action, Enum):
    """Actions on the cluster."""

    READ = "read_cluster"

    @staticmethod
    def values() -> List[str]:
        """The wire values of every action of this kind."""
        return [a.value for a in ClusterAction]


class NodesAction(str, _Action, Enum):
    """Actions on the nodes."""

    READ = "read_nodes"

    @staticmethod
    def values() -> List[str]:
        """The wire values of every action of this kind."""
        return [a.value for a in NodesAction]


class BackupsAction(str, _Action, Enum):
    """Actions on backups."""

    READ = "read_backups"
    MANAGE = "manage_backups"

    @staticmethod
    def values() -> List[str]:
        """The wire values of every action of this kind."""
        return [a.value for a in BackupsAction]


class MCPAction(str, _Action, Enum):
    """Actions on the server's MCP endpoint."""

    CREATE = "create_mcp"
    READ = "read_mcp"
    UPDATE = "update_mcp"

    @staticmethod
    def values() -> List[str]:
        """The wire values of every action of this kind."""
        return [a.value for a in MCPAction]


class ReplicateAction(str, _Action, Enum):
    """Actions on replica movements."""

    CREATE = "create_replicate"
    READ = "read_replicate"
    UPDATE = "update_replicate"
    DELETE = "delete_replicate"

    @staticmethod
    def values() -> List[str]:
        """The wire values of every action of this kind."""
        return [a.value for a in ReplicateAction]


#: The action enum of a permission kind.
ActionT = TypeVar("ActionT", bound=Enum)


# ------------------------------------------------------------------------------------------
# Permissions
# ------------------------------------------------------------------------------------------


def _check_resource(value: Any, field: str) -> None:
    # An empty name is passed on as the official client does (programs build permissions such
    # as Permissions.alias(alias="", ...) at import time); the server judges it.
    if value is None:
        raise invalid(field, "is required", value)
    check_str(value, field)


def _resource(_instance: Any, attribute: Any, value: Any) -> None:
    _check_resource(value, attribute.name)


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


@attrs.define(kw_only=True)
class _CollectionsPermission(_Permission[CollectionsAction]):
    _ACTION = CollectionsAction
    _KIND = "collections"
    _FIELDS = (("collection", "collection"),)

    collection: str = attrs.field(validator=_resource)


@attrs.define(kw_only=True)
class _TenantsPermission(_Permission[TenantsAction]):
    _ACTION = TenantsAction
    _KIND = "tenants"
    _FIELDS = (("collection", "collection"), ("tenant", "tenant"))

    collection: str = attrs.field(validator=_resource)
    tenant: str = attrs.field(validator=_resource)


@attrs.define(kw_only=True)
class _NodesPermission(_Permission[NodesAction]):
    _ACTION = NodesAction
    _KIND = "nodes"
    _FIELDS = (("verbosity", "verbosity"), ("collection", "collection"))

    verbosity: _Verbosity = attrs.field()
    collection: str = attrs.field(validator=_resource)

    @verbosity.validator
    def _check_verbosity(self, _attribute: Any, value: Any) -> None:
        if value not in ("minimal", "verbose"):
            raise invalid("verbosity", "must be 'minimal' or 'verbose'", value)


@attrs.define(kw_only=True)
class _ReplicatePermission(_Permission[ReplicateAction]):
    _ACTION = ReplicateAction
    _KIND = "replicate"
    _FIELDS = (("collection", "collection"), ("shard", "shard"))

    collection: str = attrs.field(validator=_resource)
    shard: str = attrs.field(validator=_resource)


@attrs.define(kw_only=True)
class _RolesPermission(_Permission[RolesAction]):
    _ACTION = RolesAction
    _KIND = "roles"
    _FIELDS = (("role", "role"), ("scope", "scope"))

    role: str = attrs.field(validator=_resource)
    scope: str | None = attrs.field(default=None, converter=_scope)


@attrs.define(kw_only=True)
class _UsersPermission(_Permission[UsersAction]):
    _ACTION = UsersAction
    _KIND = "users"
    _FIELDS = (("users", "users"),)

    users: str = attrs.field(validator=_resource)


@attrs.define(kw_only=True)
class _AliasPermission(_Permission[AliasAction]):
    _ACTION = AliasAction
    _KIND = "aliases"
    _FIELDS = (("alias", "alias"), ("collection", "collection"))

    alias: str = attrs.field(validator=_resource)
    collection: str = attrs.field(validator=_resource)


@attrs.define(kw_only=True)
class _GroupsPermission(_Permission[GroupAction]):
    _ACTION = GroupAction
    _KIND = "groups"
    _FIELDS = (("group", "group"), ("group_type", "groupType"))

    group: str = attrs.field(validator=_resource)
    group_type: str = attrs.field(converter=_group_type)


@attrs.define(kw_only=True)
class _BackupsPermission(_Permission[BackupsAction]):
    _ACTION = BackupsAction
    _KIND = "backups"
    _FIELDS = (("collection", "collection"),)

    collection: str = attrs.field(validator=_resource)


@attrs.define(kw_only=True)
class _MCPPermission(_Permission[MCPAction]):
    _ACTION = MCPAction


@attrs.define(kw_only=True)
class _ClusterPermission(_Permission[ClusterAction]):
    _ACTION = ClusterAction


@attrs.define(kw_only=True)
class _DataPermission(_Permission[DataAction]):
    _ACTION = DataAction
    _KIND = "data"
    _FIELDS = (("collection", "collection"), ("tenant", "tenant"))

    collection: str = attrs.field(validator=_resource)
    tenant: str = attrs.field(validator=_resource)


@attrs.define(kw_only=True)
class CollectionsPermissionOutput(_CollectionsPermission):
    """Actions on collection definitions matching ``collection``, as read from a role."""


@attrs.define(kw_only=True)
class DataPermissionOutput(_DataPermission):
    """Actions on the objects of ``collection`` (and ``tenant``), as read from a role."""


@attrs.define(kw_only=True)
class ReplicatePermissionOutput(_ReplicatePermission):
    """Actions on replica movements of ``collection`` / ``shard``, as read from a role."""


@attrs.define(kw_only=True)
class RolesPermissionOutput(_RolesPermission):
    """Actions on the roles matching ``role`` (within ``scope``), as read from a role."""


@attrs.define(kw_only=True)
class UsersPermissionOutput(_UsersPermission):
    """Actions on the users matching ``users``, as read from a role."""


@attrs.define(kw_only=True)
class GroupsPermissionOutput(_GroupsPermission):
    """Actions on the groups matching ``group``, as read from a role."""


@attrs.define(kw_only=True)
class AliasPermissionOutput(_AliasPermission):
    """Actions on the aliases matching ``alias`` / ``collection``, as read from a role."""


@attrs.define(kw_only=True)
class ClusterPermissionOutput(_ClusterPermission):
    """Actions on the cluster, as read from a role."""


@attrs.define(kw_only=True)
class BackupsPermissionOutput(_BackupsPermission):
    """Backups of the collections matching ``collection``, as read from a role."""


@attrs.define(kw_only=True)
class MCPPermissionOutput(_MCPPermission):
    """Actions on the MCP endpoint, as read from a role."""


@attrs.define(kw_only=True)
class NodesPermissionOutput(_NodesPermission):
    """Reading the nodes (at ``verbosity``, for ``collection``), as read from a role."""


@attrs.define(kw_only=True)
class TenantsPermissionOutput(_TenantsPermission):
    """Actions on the tenants of ``collection`` matching ``tenant``, as read from a role."""


#: A permission read back from the server.
PermissionsOutputType = Union[
    AliasPermissionOutput,
    ClusterPermissionOutput,
    CollectionsPermissionOutput,
    DataPermissionOutput,
    RolesPermissionOutput,
    UsersPermissionOutput,
    BackupsPermissionOutput,
    MCPPermissionOutput,
    NodesPermissionOutput,
    TenantsPermissionOutput,
    ReplicatePermissionOutput,
    GroupsPermissionOutput,
]

#: Any permission kind (for functions generic over them).
T = TypeVar("T", bound=_Permission[Any])


# ------------------------------------------------------------------------------------------
# Roles
# ------------------------------------------------------------------------------------------


@attrs.define
class RoleBase:
    """A role known by name only (``get_assigned_roles(include_permissions=False)``)."""

    name: str


@attrs.define
class Role(RoleBase):
    """A role and its permissions, grouped by kind; the permissions of one resource are one
    entry with all their actions."""

    alias_permissions: List[AliasPermissionOutput]
    cluster_permissions: List[ClusterPermissionOutput]
    collections_permissions: List[CollectionsPermissionOutput]
    data_permissions: List[DataPermissionOutput]
    roles_permissions: List[RolesPermissionOutput]
    users_permissions: List[UsersPermissionOutput]
    backups_permissions: List[BackupsPermissionOutput]
    mcp_permissions: List[MCPPermissionOutput]
    nodes_permissions: List[NodesPermissionOutput]
    tenants_permissions: List[TenantsPermissionOutput]
    replicate_permissions: List[ReplicatePermissionOutput]
    groups_permissions: List[GroupsPermissionOutput]

    @property
    def permissions(self) -> List[PermissionsOutputType]:
        """Every permission of the role, kind after kind."""
        out: List[PermissionsOutputType] = []
        out.extend(self.alias_permissions)
        out.extend(self.cluster_permissions)
        out.extend(self.collections_permissions)
        out.extend(self.data_permissions)
        out.extend(self.roles_permissions)
        out.extend(self.users_permissions)
        out.extend(self.backups_permissions)
        out.extend(self.mcp_permissions)
        out.extend(self.nodes_permissions)
        out.extend(self.tenants_permissions)
        out.extend(self.replicate_permissions)
        out.extend(self.groups_permissions)
        return out


# ------------------------------------------------------------------------------------------
# Builders
# ------------------------------------------------------------------------------------------

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


class Actions:
    """The action enums by kind: ``Actions.Data.READ``, ``Actions.Collections.CREATE`` ..."""

    Alias = AliasAction
    Data = DataAction
    Collections = CollectionsAction
    Roles = RolesAction
    Cluster = ClusterAction
    Nodes = NodesAction
    Backups = BackupsAction
    MCP = MCPAction
    Tenants = TenantsAction
    Users = UsersAction
    Replicate = ReplicateAction
    Groups = GroupAction


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


class GroupsPermissions:
    """Permissions on groups: ``Permissions.Groups.oidc(...)``."""

    @staticmethod
    def oidc(
        *,
        group: Union[str, Sequence[str]],
        read: bool = False,
        assign_and_revoke: bool = False,
    ) -> PermissionsCreateType:
        """Permissions on the OIDC groups ``group`` (names or patterns, ``"*"`` for all).

        Returns:
            One permission per group, or none when no action is chosen.
        """
        _flags(read=read, assign_and_revoke=assign_and_revoke)
        actions = _chosen(
            [(read, GroupAction.READ), (assign_and_revoke, GroupAction.ASSIGN_AND_REVOKE)]
        )
        if not actions:
            return []
        return [
            _GroupsPermission(group=g, group_type=GroupTypes.OIDC, actions=set(actions))
            for g in _names(group, "group")
        ]


class NodesPermissions:
    """Permissions to read the nodes: ``Permissions.Nodes.minimal(...)`` / ``.verbose(...)``."""

    @staticmethod
    def verbose(
        *,
        collection: Union[str, Sequence[str]],
        read: bool = False,
    ) -> PermissionsCreateType:
        """Reading the nodes with shard details of the collections ``collection``."""
        _flags(read=read)
        if not read:
            return []
        return [
            _NodesPermission(collection=c, verbosity="verbose", actions={NodesAction.READ})
            for c in _names(collection, "collection")
        ]

    @staticmethod
    def minimal(
        *,
        read: bool = False,
    ) -> PermissionsCreateType:
        """Reading the nodes without shard details."""
        _flags(read=read)
        if not read:
            return []
        return [_NodesPermission(collection="*", verbosity="minimal", actions={NodesAction.READ})]


class Permissions:
    """Builders of the permissions of a role, one per resource kind.

    Each takes the resource (one name or several; names may be patterns, ``"*"`` for all) and
    one flag per action, and returns a list with one permission per resource (empty when no
    flag is set).

    Examples:
        >>> Permissions.data(collection=["Article", "Author"], read=True, create=True)
        >>> Permissions.roles(role="*", read=True, scope=RoleScope.MATCH)
    """

    Nodes = NodesPermissions
    Groups = GroupsPermissions

    @staticmethod
    def alias(
        *,
        alias: Union[str, Sequence[str]],
        collection: Union[str, Sequence[str]],
        create: bool = False,
        read: bool = False,
        update: bool = False,
        delete: bool = False,
    ) -> PermissionsCreateType:
        """Actions on the aliases ``alias`` of the collections ``collection``."""
        _flags(create=create, read=read, update=update, delete=delete)
        actions = _chosen(
            [
                (create, AliasAction.CREATE),
                (read, AliasAction.READ),
                (update, AliasAction.UPDATE),
                (delete, AliasAction.DELETE),
            ]
        )
        aliases, collections = _names(alias, "alias"), _names(collection, "collection")
        if not actions:
            return []
        return [
            _AliasPermission(alias=a, collection=c, actions=set(actions))
            for a in aliases
            for c in collections
        ]

    @staticmethod
    def data(
        *,
        collection: Union[str, Sequence[str]],
        tenant: Union[str, Sequence[str], None] = None,
        create: bool = False,
        read: bool = False,
        update: bool = False,
        delete: bool = False,
    ) -> PermissionsCreateType:
        """Actions on the objects of the collections ``collection`` (in the tenants ``tenant``,
        every tenant when None)."""
        _flags(create=create, read=read, update=update, delete=delete)
        actions = _chosen(
            [
                (create, DataAction.CREATE),
                (read, DataAction.READ),
                (update, DataAction.UPDATE),
                (delete, DataAction.DELETE),
            ]
        )
        collections = _names(collection, "collection")
        tenants = ["*"] if tenant is None else _names(tenant, "tenant")
        if not actions:
            return []
        return [
            _DataPermission(collection=c, tenant=t, actions=set(actions))
            for c in collections
            for t in tenants
        ]

    @staticmethod
    def collections(
        *,
        collection: Union[str, Sequence[str]],
        create_collection: bool = False,
        read_config: bool = False,
        update_config: bool = False,
        delete_collection: bool = False,
    ) -> PermissionsCreateType:
        """Actions on the definitions of the collections ``collection``."""
        _flags(
            create_collection=create_collection,
            read_config=read_config,
            update_config=update_config,
            delete_collection=delete_collection,
        )
        actions = _chosen(
            [
                (create_collection, CollectionsAction.CREATE),
                (read_config, CollectionsAction.READ),
                (update_config, CollectionsAction.UPDATE),
                (delete_collection, CollectionsAction.DELETE),
            ]
        )
        collections = _names(collection, "collection")
        if not actions:
            return []
        return [_CollectionsPermission(collection=c, actions=set(actions)) for c in collections]

    @staticmethod
    def tenants(
        *,
        collection: Union[str, Sequence[str]],
        tenant: Union[str, Sequence[str], None] = None,
        create: bool = False,
        read: bool = False,
        update: bool = False,
        delete: bool = False,
    ) -> PermissionsCreateType:
        """Actions on the tenants ``tenant`` (every tenant when None) of the collections
        ``collection``."""
        _flags(create=create, read=read, update=update, delete=delete)
        actions = _chosen(
            [
                (create, TenantsAction.CREATE),
                (read, TenantsAction.READ),
                (update, TenantsAction.UPDATE),
                (delete, TenantsAction.DELETE),
            ]
        )
        collections = _names(collection, "collection")
        tenants = ["*"] if tenant is None else _names(tenant, "tenant")
        if not actions:
            return []
        return [
            _TenantsPermission(collection=c, tenant=t, actions=set(actions))
            for c in collections
            for t in tenants
        ]

    @staticmethod
    def replicate(
        *,
        collection: Union[str, Sequence[str]],
        shard: Union[str, Sequence[str], None] = None,
        create: bool = False,
        read: bool = False,
        update: bool = False,
        delete: bool = False,
    ) -> PermissionsCreateType:
        """Actions on replica movements of the shards ``shard`` (every shard when None) of
        the collections ``collection``."""
        _flags(create=create, read=read, update=update, delete=delete)
        actions = _chosen(
            [
                (create, ReplicateAction.CREATE),
                (read, ReplicateAction.READ),
                (update, ReplicateAction.UPDATE),
                (delete, ReplicateAction.DELETE),
            ]
        )
        collections = _names(collection, "collection")
        shards = ["*"] if shard is None else _names(shard, "shard")
        if not actions:
            return []
        return [
            _ReplicatePermission(collection=c, shard=s, actions=set(actions))
            for c in collections
            for s in shards
        ]

    @staticmethod
    def roles(
        *,
        role: Union[str, Sequence[str]],
        create: bool = False,
        read: bool = False,
        update: bool = False,
        delete: bool = False,
        scope: RoleScope | None = None,
    ) -> PermissionsCreateType:
        """Actions on the roles ``role``; ``scope`` limits them (the server's default is
        ``RoleScope.MATCH``)."""
        _flags(create=create, read=read, update=update, delete=delete)
        actions = _chosen(
            [
                (read, RolesAction.READ),
                (create, RolesAction.CREATE),
                (update, RolesAction.UPDATE),
                (delete, RolesAction.DELETE),
            ]
        )
        roles = _names(role, "role")
        the_scope = to_opt_enum(RoleScope, scope, "scope")
        if not actions:
            return []
        return [_RolesPermission(role=r, scope=the_scope, actions=set(actions)) for r in roles]

    @staticmethod
    def users(
        *,
        user: Union[str, Sequence[str]],
        create: bool = False,
        read: bool = False,
        update: bool = False,
        delete: bool = False,
        assign_and_revoke: bool = False,
    ) -> PermissionsCreateType:
        """Actions on the users ``user``."""
        _flags(
            create=create,
            read=read,
            update=update,
            delete=delete,
            assign_and_revoke=assign_and_revoke,
        )
        actions = _chosen(
            [
                (create, UsersAction.CREATE),
                (read, UsersAction.READ),
                (update, UsersAction.UPDATE),
                (delete, UsersAction.DELETE),
                (assign_and_revoke, UsersAction.ASSIGN_AND_REVOKE),
            ]
        )
        users = _names(user, "user")
        if not actions:
            return []
        return [_UsersPermission(users=u, actions=set(actions)) for u in users]

    @staticmethod
    def backup(
        *, collection: Union[str, Sequence[str]], read: bool = False, manage: bool = False
    ) -> PermissionsCreateType:
        """Backups of the collections ``collection``: ``read`` their status and list,
        ``manage`` them (create, restore, cancel). ``read_backups`` is new in server 1.40; an
        older server refuses a role holding it."""
        _flags(read=read, manage=manage)
        collections = _names(collection, "collection")
        actions = _chosen([(read, BackupsAction.READ), (manage, BackupsAction.MANAGE)])
        if not actions:
            return []
        return [_BackupsPermission(collection=c, actions=set(actions)) for c in collections]

    @staticmethod
    def mcp(
        *, create: bool = False, read: bool = False, update: bool = False
    ) -> PermissionsCreateType:
        """Actions on the server's MCP endpoint."""
        _flags(create=create, read=read, update=update)
        actions = _chosen(
            [(create, MCPAction.CREATE), (read, MCPAction.READ), (update, MCPAction.UPDATE)]
        )
        return [_MCPPermission(actions=actions)] if actions else []

    @staticmethod
    def cluster(*, read: bool = False) -> PermissionsCreateType:
        """Reading the cluster's state (statistics, sharding state)."""
        _flags(read=read)
        return [_ClusterPermission(actions={ClusterAction.READ})] if read else []


#: The kinds read back from the server, with their action enums (``Role`` fields in order).
OUTPUT_KINDS: tuple[tuple[str, type[_Permission[Any]]], ...] = (
    ("alias_permissions", AliasPermissionOutput),
    ("cluster_permissions", ClusterPermissionOutput),
    ("collections_permissions", CollectionsPermissionOutput),
    ("data_permissions", DataPermissionOutput),
    ("roles_permissions", RolesPermissionOutput),
    ("users_permissions", UsersPermissionOutput),
    ("backups_permissions", BackupsPermissionOutput),
    ("mcp_permissions", MCPPermissionOutput),
    ("nodes_permissions", NodesPermissionOutput),
    ("tenants_permissions", TenantsPermissionOutput),
    ("replicate_permissions", ReplicatePermissionOutput),
    ("groups_permissions", GroupsPermissionOutput),
)
