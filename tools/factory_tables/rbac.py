"""The permission kinds of roles, the table ``tools/gen_rbac.py`` generates
``weaviate_async/models/_rbac_kinds.py`` from.

One :class:`Kind` per resource kind of the server's ``/authz`` API, in the order a ``Role``
lists them: its action enum (the official member names and the server's action strings, in
the order the wire form sends them), the key of its resource in the permission JSON, the
resource's fields (attribute name, JSON key, annotation, ``attrs.field`` arguments), its
``*PermissionOutput`` class and the ``TypedDict`` of its resource. One :class:`Builder` per
``Permissions.*`` factory: its resource parameters (a name or several; ``star``: None means
every resource, ``"*"``), its flags (parameter -> action member), extra parameters with the
expression that converts them, fixed field values, and whether the names are checked before
the "no flag, no permission" answer (``names_first``) or only when a permission is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: the attrs field of a resource name (checked: a str)
NAME = "validator=_resource"
#: a builder's resource parameter: one name or several
NAMES = "Union[str, Sequence[str]]"


@dataclass(frozen=True)
class Field:
    """One field of a permission's resource."""

    attr: str
    key: str = ""  # the JSON key; the attribute's name when empty
    annotation: str = "str"
    spec: str = NAME
    #: in the resource's TypedDict only when the server sends it (``total=False``)
    optional: bool = False

    @property
    def json_key(self) -> str:
        """The key of the field in the permission JSON."""
        return self.key or self.attr


@dataclass(frozen=True)
class Kind:
    """One resource kind: see the module docstring."""

    actions_attr: str  # ``Actions.<this>``
    enum: str
    enum_doc: str
    actions: tuple[tuple[str, str], ...]
    cls: str  # the private permission class the builders make
    output: str
    output_doc: str
    role_field: str
    wire: str | None = None  # the resource's key in the permission JSON
    fields: tuple[Field, ...] = ()
    resource: str = ""  # the TypedDict of the resource
    resource_doc: str = ""
    #: the TypedDict's keys in their order, when not the fields' order
    resource_order: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resource:
    """A builder's resource parameter."""

    param: str
    attr: str = ""  # the permission's attribute; the parameter's name when empty
    #: given, the parameter may be None, meaning this name (every resource)
    star: str | None = None

    @property
    def target(self) -> str:
        """The permission attribute the names go to."""
        return self.attr or self.param


@dataclass(frozen=True)
class Builder:
    """One ``Permissions.*`` factory: see the module docstring."""

    ns: str
    method: str
    kind: str  # the Kind's ``enum``
    doc: str
    resources: tuple[Resource, ...] = ()
    flags: tuple[tuple[str, str], ...] = ()
    #: (parameter, annotation, default, attribute, conversion expression)
    extras: tuple[tuple[str, str, str, str, str], ...] = ()
    fixed: tuple[tuple[str, str], ...] = ()
    names_first: bool = True


@dataclass(frozen=True)
class Namespace:
    """A class of builders, and the nested namespaces it names."""

    cls: str
    doc: str
    nested: tuple[tuple[str, str], ...] = field(default=())


CRUD = (("CREATE", "create"), ("READ", "read"), ("UPDATE", "update"), ("DELETE", "delete"))


def crud(noun: str, *more: str) -> tuple[tuple[str, str], ...]:
    """The create/read/update/delete actions of ``noun`` (``read_data`` ...), then ``more``."""
    return tuple((m, f"{v}_{noun}") for m, v in CRUD) + tuple(
        (m.upper(), f"{m}_{noun}") for m in more
    )


COLLECTION = Field("collection")

KINDS = (
    Kind(
        "Alias",
        "AliasAction",
        "Actions on aliases.",
        crud("aliases"),
        "_AliasPermission",
        "AliasPermissionOutput",
        "Actions on the aliases matching ``alias`` / ``collection``, as read from a role.",
        "alias_permissions",
        "aliases",
        (Field("alias"), COLLECTION),
        "PermissionsAlias",
        "The resource of an aliases permission.",
    ),
    Kind(
        "Cluster",
        "ClusterAction",
        "Actions on the cluster.",
        (("READ", "read_cluster"),),
        "_ClusterPermission",
        "ClusterPermissionOutput",
        "Actions on the cluster, as read from a role.",
        "cluster_permissions",
    ),
    Kind(
        "Collections",
        "CollectionsAction",
        "Actions on collection definitions (``MANAGE`` is the older all-in-one action).",
        crud("collections", "manage"),
        "_CollectionsPermission",
        "CollectionsPermissionOutput",
        "Actions on collection definitions matching ``collection``, as read from a role.",
        "collections_permissions",
        "collections",
        (COLLECTION,),
        "PermissionCollections",
        "The resource of a collections permission.",
    ),
    Kind(
        "Data",
        "DataAction",
        "Actions on objects (``MANAGE`` is the older all-in-one action).",
        crud("data", "manage"),
        "_DataPermission",
        "DataPermissionOutput",
        "Actions on the objects of ``collection`` (and ``tenant``), as read from a role.",
        "data_permissions",
        "data",
        (COLLECTION, Field("tenant")),
        "PermissionData",
        "The resource of a data permission.",
    ),
    Kind(
        "Roles",
        "RolesAction",
        "Actions on roles (``MANAGE`` is the older all-in-one action).",
        (("MANAGE", "manage_roles"), *crud("roles")),
        "_RolesPermission",
        "RolesPermissionOutput",
        "Actions on the roles matching ``role`` (within ``scope``), as read from a role.",
        "roles_permissions",
        "roles",
        (
            Field("role"),
            Field(
                "scope",
                annotation="str | None",
                spec="default=None, converter=_scope",
                optional=True,
            ),
        ),
        "PermissionRoles",
        "The resource of a roles permission (``scope`` optional).",
    ),
    Kind(
        "Users",
        "UsersAction",
        "Actions on users.",
        crud("users", "assign_and_revoke"),
        "_UsersPermission",
        "UsersPermissionOutput",
        "Actions on the users matching ``users``, as read from a role.",
        "users_permissions",
        "users",
        (Field("users"),),
        "PermissionsUsers",
        "The resource of a users permission.",
    ),
    Kind(
        "Backups",
        "BackupsAction",
        "Actions on backups.",
        (("READ", "read_backups"), ("MANAGE", "manage_backups")),
        "_BackupsPermission",
        "BackupsPermissionOutput",
        "Backups of the collections matching ``collection``, as read from a role.",
        "backups_permissions",
        "backups",
        (COLLECTION,),
        "PermissionBackup",
        "The resource of a backups permission.",
    ),
    Kind(
        "MCP",
        "MCPAction",
        "Actions on the server's MCP endpoint.",
        crud("mcp")[:3],
        "_MCPPermission",
        "MCPPermissionOutput",
        "Actions on the MCP endpoint, as read from a role.",
        "mcp_permissions",
    ),
    Kind(
        "Nodes",
        "NodesAction",
        "Actions on the nodes.",
        (("READ", "read_nodes"),),
        "_NodesPermission",
        "NodesPermissionOutput",
        "Reading the nodes (at ``verbosity``, for ``collection``), as read from a role.",
        "nodes_permissions",
        "nodes",
        (Field("verbosity", annotation="_Verbosity", spec="validator=_verbosity"), COLLECTION),
        "PermissionNodes",
        "The resource of a nodes permission.",
        ("collection", "verbosity"),
    ),
    Kind(
        "Tenants",
        "TenantsAction",
        "Actions on tenants.",
        crud("tenants"),
        "_TenantsPermission",
        "TenantsPermissionOutput",
        "Actions on the tenants of ``collection`` matching ``tenant``, as read from a role.",
        "tenants_permissions",
        "tenants",
        (COLLECTION, Field("tenant")),
        "PermissionsTenants",
        "The resource of a tenants permission.",
    ),
    Kind(
        "Replicate",
        "ReplicateAction",
        "Actions on replica movements.",
        crud("replicate"),
        "_ReplicatePermission",
        "ReplicatePermissionOutput",
        "Actions on replica movements of ``collection`` / ``shard``, as read from a role.",
        "replicate_permissions",
        "replicate",
        (COLLECTION, Field("shard")),
        "PermissionReplicate",
        "The resource of a replicate permission.",
    ),
    Kind(
        "Groups",
        "GroupAction",
        "Actions on groups.",
        (("READ", "read_groups"), ("ASSIGN_AND_REVOKE", "assign_and_revoke_groups")),
        "_GroupsPermission",
        "GroupsPermissionOutput",
        "Actions on the groups matching ``group``, as read from a role.",
        "groups_permissions",
        "groups",
        (Field("group"), Field("group_type", "groupType", spec="converter=_group_type")),
        "PermissionsGroups",
        "The resource of a groups permission.",
    ),
)

#: the keys of ``WeaviatePermission`` (the resources of the permission JSON) in their order
WIRE_ORDER = (
    "data",
    "collections",
    "nodes",
    "backups",
    "replicate",
    "roles",
    "tenants",
    "users",
    "aliases",
    "groups",
)


def _flags(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((n, n.upper()) for n in names)


CRUD_FLAGS = _flags("create", "read", "update", "delete")
IN_COLLECTION = Resource("collection")

NAMESPACES = (
    Namespace("GroupsPermissions", "Permissions on groups: ``Permissions.Groups.oidc(...)``."),
    Namespace(
        "NodesPermissions",
        "Permissions to read the nodes: ``Permissions.Nodes.minimal(...)`` / ``.verbose(...)``.",
    ),
    Namespace(
        "Permissions",
        """Builders of the permissions of a role, one per resource kind.

Each takes the resource (one name or several; names may be patterns, ``"*"`` for all) and
one flag per action, and returns a list with one permission per resource (empty when no
flag is set).

Examples:
    >>> Permissions.data(collection=["Article", "Author"], read=True, create=True)
    >>> Permissions.roles(role="*", read=True, scope=RoleScope.MATCH)
""",
        (("Nodes", "NodesPermissions"), ("Groups", "GroupsPermissions")),
    ),
)

BUILDERS = (
    Builder(
        "GroupsPermissions",
        "oidc",
        "GroupAction",
        """Permissions on the OIDC groups ``group`` (names or patterns, ``"*"`` for all).

Returns:
    One permission per group, or none when no action is chosen.
""",
        (Resource("group"),),
        _flags("read", "assign_and_revoke"),
        fixed=(("group_type", "GroupTypes.OIDC"),),
        names_first=False,
    ),
    Builder(
        "NodesPermissions",
        "verbose",
        "NodesAction",
        "Reading the nodes with shard details of the collections ``collection``.",
        (IN_COLLECTION,),
        _flags("read"),
        fixed=(("verbosity", '"verbose"'),),
        names_first=False,
    ),
    Builder(
        "NodesPermissions",
        "minimal",
        "NodesAction",
        "Reading the nodes without shard details.",
        flags=_flags("read"),
        fixed=(("collection", '"*"'), ("verbosity", '"minimal"')),
    ),
    Builder(
        "Permissions",
        "alias",
        "AliasAction",
        "Actions on the aliases ``alias`` of the collections ``collection``.",
        (Resource("alias"), IN_COLLECTION),
        CRUD_FLAGS,
    ),
    Builder(
        "Permissions",
        "data",
        "DataAction",
        """Actions on the objects of the collections ``collection`` (in the tenants ``tenant``,
every tenant when None).""",
        (IN_COLLECTION, Resource("tenant", star="*")),
        CRUD_FLAGS,
    ),
    Builder(
        "Permissions",
        "collections",
        "CollectionsAction",
        "Actions on the definitions of the collections ``collection``.",
        (IN_COLLECTION,),
        (
            ("create_collection", "CREATE"),
            ("read_config", "READ"),
            ("update_config", "UPDATE"),
            ("delete_collection", "DELETE"),
        ),
    ),
    Builder(
        "Permissions",
        "tenants",
        "TenantsAction",
        """Actions on the tenants ``tenant`` (every tenant when None) of the collections
``collection``.""",
        (IN_COLLECTION, Resource("tenant", star="*")),
        CRUD_FLAGS,
    ),
    Builder(
        "Permissions",
        "replicate",
        "ReplicateAction",
        """Actions on replica movements of the shards ``shard`` (every shard when None) of
the collections ``collection``.""",
        (IN_COLLECTION, Resource("shard", star="*")),
        CRUD_FLAGS,
    ),
    Builder(
        "Permissions",
        "roles",
        "RolesAction",
        """Actions on the roles ``role``; ``scope`` limits them (the server's default is
``RoleScope.MATCH``).""",
        (Resource("role"),),
        CRUD_FLAGS,
        (("scope", "RoleScope | None", "None", "scope", "_scope(scope)"),),
    ),
    Builder(
        "Permissions",
        "users",
        "UsersAction",
        "Actions on the users ``user``.",
        (Resource("user", "users"),),
        _flags("create", "read", "update", "delete", "assign_and_revoke"),
    ),
    Builder(
        "Permissions",
        "backup",
        "BackupsAction",
        """Backups of the collections ``collection``: ``read`` their status and list,
``manage`` them (create, restore, cancel). ``read_backups`` is new in server 1.40; an
older server refuses a role holding it.""",
        (IN_COLLECTION,),
        _flags("read", "manage"),
    ),
    Builder(
        "Permissions",
        "mcp",
        "MCPAction",
        "Actions on the server's MCP endpoint.",
        flags=_flags("create", "read", "update"),
    ),
    Builder(
        "Permissions",
        "cluster",
        "ClusterAction",
        "Reading the cluster's state (statistics, sharding state).",
        flags=_flags("read"),
    ),
)
