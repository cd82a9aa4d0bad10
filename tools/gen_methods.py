"""Generate the public methods of namespaces (signatures, typing overloads, documentation)
from tables: ``client.backup`` and ``collection.backup``, ``collection.tenants``,
``client.export``, ``client.cluster`` and its ``replications``, ``collection.data``,
``client.users`` / ``groups`` / ``roles``, ``collection.config``, ``client.tokenization`` and
``client.collections`` (but ``create``, ``get`` and ``use``).

Usage::

    python tools/gen_methods.py           # (re)write the method modules
    python tools/gen_methods.py --check   # exit 1 when they differ from what the tables make

Each generated module holds a mixin of public methods that only hand their arguments to the
hand-written shared path of the namespace class that inherits the mixin (its private methods,
declared in the mixin for the type checker). What a table holds per method: the parameters
(annotation, default, documentation, shared by the methods that take them), their order,
the typing overloads, the documentation sections and the call of the shared path.

The two backup namespaces repeat themselves: the same arguments (``backup_id``, ``backend``,
``backup_location``, ``wait_for_completion``, ``wait_timeout`` ...) in the official order, each
documented in every method, and each method only checks nothing and hands its arguments to the
shared path. So the parameters (annotation, default, documentation) and the methods (parameter
order, documentation, the call of the shared path) are written once, here, and the methods are
generated as mixins: ``weaviate_async/backup/_methods.py`` (a base of ``_BackupAsync``) and
``weaviate_async/collections/_backup_methods.py`` (a base of ``_CollectionBackupAsync``). The
behaviour lives in the hand-written shared path of ``weaviate_async/backup/namespace.py``
(``_create``, ``_restore``, ``_status``, ``_cancel``, ``_list_backups``) and in
``weaviate_async/wire/backup.py``.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import textwrap
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_search import REPO, format_module

REQUIRED = object()


class Code(str):
    """A default written as code (``ReplicationType.COPY``), not as a value."""

    def __repr__(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Param:
    annotation: str
    default: object
    doc: str


_ID_DOC = "the backup's id (lowercased)."
_LOCATION_DOC = "its location, when it was created with one."

#: Every parameter of the backup methods; a method may document one in its own words
#: (:attr:`Method.docs`).
P: dict[str, Param] = {
    "backup_id": Param("str", REQUIRED, _ID_DOC),
    "backend": Param("BackupStorage", REQUIRED, "where it is written."),
    "include_collections": Param("list[str] | str | None", None, ""),
    "exclude_collections": Param(
        "list[str] | str | None",
        None,
        "the collection(s) to leave out; not with ``include_collections``.",
    ),
    "incremental_base_backup_id": Param(
        "str | None",
        None,
        "the id of an earlier backup to build on: files that did not change since are not "
        "written again (server 1.37 and later).",
    ),
    "roles_restore": Param(
        'Literal["noRestore", "all"] | None',
        None,
        '``"all"`` restores the RBAC roles of the backup, ``"noRestore"`` (the server\'s '
        "default) does not.",
    ),
    "users_restore": Param(
        'Literal["noRestore", "all"] | None',
        None,
        '``"all"`` restores the database users of the backup, ``"noRestore"`` (the server\'s '
        "default) does not.",
    ),
    "wait_for_completion": Param("bool", False, ""),
    "config": Param("BackupConfigCreate | None", None, ""),
    "backup_location": Param("BackupLocationType | None", None, _LOCATION_DOC),
    "overwrite_alias": Param(
        "bool", False, "replace an existing alias of the same name as one in the backup."
    ),
    "include_roles": Param(
        "list[str] | str | None",
        None,
        "the RBAC roles to take along: names or ``*`` / ``?`` patterns, one or a list; None "
        "(the default) leaves the choice to the server (all roles), an empty list takes none. "
        "Needs server 1.40 or later when given.",
    ),
    "include_users": Param(
        "list[str] | str | None",
        None,
        "the database users to take along, as ``include_roles``. Needs server 1.40 or later "
        "when given.",
    ),
    "operation": Param(
        'Literal["create", "restore"]', "create", "which operation of the backup to cancel."
    ),
    "sort_by_starting_time_asc": Param("bool | None", None, "oldest first."),
    "wait_timeout": Param("float | None", None, ""),
}

_CREATE_ID = (
    "the backup's id: letters, digits, ``_`` and ``-``; lowercased (so not case sensitive)."
)
_WAIT_BACKUP = "poll until the backup is done, and raise unless it succeeded."
_WAIT_RESTORE = "poll until the restore is done, and raise unless it succeeded."
_CONFIG_CREATE = "CPU share and compression (:class:`BackupConfigCreate`)."
_CONFIG_RESTORE = "the CPU share (:class:`BackupConfigRestore`)."
_NEW_LOCATION = "another path (and bucket) than the backend's configured one."
_RESTORE_LOCATION = "the backup's location, when it was created with one."
_TIMEOUT = (
    "ours alone: with ``wait_for_completion``, give up waiting after this many seconds "
    "(WeaviateTimeoutError; the {what} goes on)."
)
_CREATE_STATUS_RAISES = """Raises:
    UnexpectedStatusCodeError: no such backup (status 404), or the server refused."""
_RESTORE_STATUS_RAISES = """Raises:
    UnexpectedStatusCodeError: the backup was never restored here (status 404), or
        the server refused."""


@dataclass(frozen=True)
class Method:
    name: str
    positional: tuple[str, ...]
    keywords: tuple[str, ...]
    returns: str
    summary: str
    #: the sections after Args (Returns, Raises, Examples), as written
    sections: str
    #: the shared path it calls and the arguments, as code
    call: str
    docs: dict[str, str] = field(default_factory=dict)
    annotations: dict[str, str] = field(default_factory=dict)
    #: whether Args are listed (a status method documents only its errors)
    args_doc: bool = True
    #: typing overloads: (parameter texts that differ from the method's, return type)
    overloads: tuple[tuple[dict[str, str], str], ...] = ()
    #: parameters required here though they have a default elsewhere
    required: tuple[str, ...] = ()
    #: parameters with a default here though they are required elsewhere
    defaults: dict[str, object] = field(default_factory=dict)
    #: a plain ``def`` (the call is returned as it is), not an ``async def``
    is_async: bool = True
    #: ``@sync_via``: the plain def the blocking twin runs, generated with the same
    #: parameters and ``via_call`` as its body
    via: str = ""
    via_call: str = ""


CLIENT_METHODS = [
    Method(
        "create",
        (
            "backup_id",
            "backend",
            "include_collections",
            "exclude_collections",
            "incremental_base_backup_id",
            "wait_for_completion",
            "config",
            "backup_location",
            "include_roles",
            "include_users",
        ),
        ("wait_timeout",),
        "BackupReturn",
        "Start a backup of all collections, or of some.",
        """Returns:
    The backup's id, path, collections and status: STARTED, or the final status when
    waiting.

Raises:
    WeaviateInvalidInputError: an argument is invalid (nothing is sent).
    WeaviateUnsupportedFeatureError: an incremental backup on a server before 1.37;
        ``include_roles`` or ``include_users`` given to a server before 1.40.
    UnexpectedStatusCodeError: the server refused to start it (unknown collection,
        backend not enabled, id taken, another backup running), with its reason.
    BackupFailedError: waiting, the backup failed; the server's reason is the
        message's end and ``server_message``.
    BackupCanceledError: waiting, the backup was canceled.
    WeaviateTimeoutError: waiting, ``wait_timeout`` passed first.

Examples:
    >>> await client.backup.create("nightly", "filesystem", wait_for_completion=True)""",
        'self._create("backup.create", backup_id, backend, include_collections, '
        "exclude_collections, incremental_base_backup_id, wait_for_completion, config, "
        "backup_location, wait_timeout, include_roles=include_roles, "
        "include_users=include_users)",
        docs={
            "backup_id": _CREATE_ID,
            "backend": "where to write it: a :class:`BackupStorage` or its name (the server "
            "needs the backend's ``backup-*`` module).",
            "include_collections": "the collection(s) to back up (default: all); wildcards "
            'such as ``"Prefix*"`` are the server\'s to expand.',
            "wait_for_completion": _WAIT_BACKUP,
            "config": _CONFIG_CREATE,
            "backup_location": _NEW_LOCATION,
            "wait_timeout": _TIMEOUT.format(what="backup")[:-1]
            + ". None waits as long as it takes.",
        },
    ),
    Method(
        "get_create_status",
        ("backup_id", "backend", "backup_location"),
        (),
        "BackupStatusReturn",
        "The state of a backup.",
        _CREATE_STATUS_RAISES
        + """

Examples:
    >>> (await client.backup.get_create_status("nightly", "filesystem")).status""",
        'self._status("backup.get_create_status", "create", backup_id, backend, backup_location)',
    ),
    Method(
        "restore",
        (
            "backup_id",
            "backend",
            "include_collections",
            "exclude_collections",
            "roles_restore",
            "users_restore",
            "wait_for_completion",
            "config",
            "backup_location",
            "overwrite_alias",
        ),
        ("wait_timeout",),
        "BackupReturn",
        "Restore the collections of a backup; they must not exist on the server.",
        """Raises:
    WeaviateInvalidInputError: an argument is invalid (nothing is sent).
    UnexpectedStatusCodeError: the server refused (no such backup: status 404).
    BackupFailedError: waiting, the restore failed (a collection exists already, ...);
        the server's reason is in the message and ``server_message``.
    BackupCanceledError: waiting, the restore was canceled.
    WeaviateTimeoutError: waiting, ``wait_timeout`` passed first.

Examples:
    >>> await client.backup.restore("nightly", "filesystem", wait_for_completion=True)""",
        'self._restore("backup.restore", backup_id, backend, include_collections, '
        "exclude_collections, roles_restore, users_restore, wait_for_completion, config, "
        "backup_location, overwrite_alias, wait_timeout)",
        docs={
            "include_collections": "the collection(s) to restore (default: all it holds).",
            "wait_for_completion": _WAIT_RESTORE,
            "config": _CONFIG_RESTORE,
            "backup_location": _RESTORE_LOCATION,
            "wait_timeout": _TIMEOUT.format(what="restore"),
        },
        annotations={"config": "BackupConfigRestore | None"},
    ),
    Method(
        "get_restore_status",
        ("backup_id", "backend", "backup_location"),
        (),
        "BackupStatusReturn",
        "The state of the restore of a backup.",
        _RESTORE_STATUS_RAISES,
        'self._status("backup.get_restore_status", "restore", backup_id, backend, backup_location)',
    ),
    Method(
        "cancel",
        ("backup_id", "backend", "backup_location", "operation"),
        (),
        "bool",
        """Cancel a running backup (``operation="create"``) or restore (``"restore"``).

The server stops the operation's transfers; its status becomes CANCELED shortly after.
An operation that finished before the cancel arrived is not undone.""",
        """Returns:
    True when the server accepted the cancel (also for an id it does not know), False
    when it answered 404.

Raises:
    UnexpectedStatusCodeError: the server refused, e.g. the backup already succeeded
        (status 422, with its reason).""",
        "self._cancel(backup_id, backend, backup_location, operation)",
    ),
    Method(
        "list_backups",
        ("backend", "sort_by_starting_time_asc"),
        (),
        "list[BackupListReturn]",
        "The backups on a backend, newest first unless ``sort_by_starting_time_asc``.",
        """Examples:
    >>> [b.backup_id for b in await client.backup.list_backups("filesystem")]""",
        "self._list_backups(backend, sort_by_starting_time_asc)",
        docs={"backend": "the backend to list."},
    ),
]

COLLECTION_METHODS = [
    Method(
        "create",
        ("backup_id", "backend", "wait_for_completion", "config", "backup_location"),
        ("wait_timeout",),
        "BackupStatusReturn",
        "Start a backup of this collection.",
        """Raises:
    WeaviateInvalidInputError: an argument is invalid (nothing is sent).
    UnexpectedStatusCodeError: the server refused to start it, with its reason.
    BackupFailedError: waiting, the backup failed (the server's reason in the message).
    BackupCanceledError: waiting, the backup was canceled.
    WeaviateTimeoutError: waiting, ``wait_timeout`` passed first.""",
        'status_of(await self._backups._create("collection.backup.create", backup_id, '
        "backend, [self._name], None, None, wait_for_completion, config, backup_location, "
        "wait_timeout))",
        docs={
            "backup_id": "the backup's id: letters, digits, ``_`` and ``-``; lowercased.",
            "backend": "where to write it: a :class:`BackupStorage` or its name.",
            "wait_for_completion": _WAIT_BACKUP,
            "config": _CONFIG_CREATE,
            "backup_location": _NEW_LOCATION,
            "wait_timeout": _TIMEOUT.format(what="backup"),
        },
    ),
    Method(
        "restore",
        (
            "backup_id",
            "backend",
            "wait_for_completion",
            "config",
            "backup_location",
            "overwrite_alias",
        ),
        ("wait_timeout",),
        "BackupStatusReturn",
        "Restore this collection from a backup; it must not exist on the server.",
        """Raises:
    WeaviateInvalidInputError: an argument is invalid (nothing is sent).
    UnexpectedStatusCodeError: the server refused (no such backup: status 404).
    BackupFailedError: waiting, the restore failed (the server's reason in the message).
    BackupCanceledError: waiting, the restore was canceled.
    WeaviateTimeoutError: waiting, ``wait_timeout`` passed first.""",
        'status_of(await self._backups._restore("collection.backup.restore", backup_id, '
        "backend, [self._name], None, None, None, wait_for_completion, config, "
        "backup_location, overwrite_alias, wait_timeout))",
        docs={
            "wait_for_completion": _WAIT_RESTORE,
            "config": _CONFIG_RESTORE,
            "backup_location": _RESTORE_LOCATION,
            "wait_timeout": _TIMEOUT.format(what="restore"),
        },
        annotations={"config": "BackupConfigRestore | None"},
    ),
    Method(
        "get_create_status",
        ("backup_id", "backend", "backup_location"),
        (),
        "BackupStatusReturn",
        "The state of a backup (of this collection or any other).",
        _CREATE_STATUS_RAISES,
        'self._backups._status("collection.backup.get_create_status", "create", backup_id, '
        "backend, backup_location)",
        args_doc=False,
    ),
    Method(
        "get_restore_status",
        ("backup_id", "backend", "backup_location"),
        (),
        "BackupStatusReturn",
        "The state of the restore of a backup.",
        _RESTORE_STATUS_RAISES,
        'self._backups._status("collection.backup.get_restore_status", "restore", '
        "backup_id, backend, backup_location)",
        args_doc=False,
    ),
]


def _param(params: dict[str, Param], method: Method, name: str) -> str:
    param = params[name]
    annotation = method.annotations.get(name, param.annotation)
    default = method.defaults.get(name, param.default)
    if default is REQUIRED or name in method.required:
        return f"{name}: {annotation}"
    return f"{name}: {annotation} = {default!r}"


def _docstring(params: dict[str, Param], method: Method) -> str:
    parts = [method.summary]
    if method.args_doc and (method.positional or method.keywords):
        args = ["Args:"]
        for name in (*method.positional, *method.keywords):
            doc = method.docs.get(name, params[name].doc)
            assert doc, f"{method.name}: {name} has no documentation"
            args.append(
                textwrap.fill(
                    f"{name}: {doc}", width=88, initial_indent="    ", subsequent_indent="        "
                )
            )
        parts.append("\n".join(args))
    if method.sections:
        parts.append(method.sections)
    text = "\n\n".join(parts)
    return '"""' + textwrap.indent(text, "        ").lstrip() + '\n        """'


def _signature(
    params: dict[str, Param], method: Method, overrides: dict[str, str], returns: str
) -> str:
    def text(name: str) -> str:
        # an override of "" leaves the parameter out of that overload
        return overrides[name] if name in overrides else _param(params, method, name)

    texts = ["self", *filter(None, map(text, method.positional))]
    if method.keywords:
        texts += ["*", *filter(None, map(text, method.keywords))]
    kind = "async def" if method.is_async else "def"
    return f"    {kind} {method.name}({', '.join(texts)}) -> {returns}:"


def _method(params: dict[str, Param], method: Method) -> str:
    out = [
        "    @overload\n" + _signature(params, method, overrides, returns) + " ...\n"
        for overrides, returns in method.overloads
    ]
    if method.call.startswith("status_of(") or not method.is_async:
        call = f"return {method.call}"
    elif method.returns == "None":
        call = f"await {method.call}"
    else:
        call = f"return await {method.call}"
    via = f'    @sync_via("{method.via}")\n' if method.via else ""
    out.append(
        via + _signature(params, method, {}, method.returns) + "\n"
        f"        {_docstring(params, method)}\n"
        f"        {call}\n"
    )
    if method.via:
        plain = replace(method, name=method.via, is_async=False)
        ret = "" if method.returns == "None" else "return "
        out.append(
            _signature(params, plain, {}, method.returns) + "\n"
            f'        """The blocking path of :meth:`{method.name}`, in the caller\'s thread."""\n'
            f"        {ret}{method.via_call}\n"
        )
    return "\n".join(out)


@dataclass(frozen=True)
class Surface:
    module: str
    header: str
    params: dict[str, Param]
    methods: list[Method]

    def render(self) -> str:
        methods = "\n".join(_method(self.params, m) for m in self.methods)
        return self.header + "\n" + methods


_IMPORTS = """from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from weaviate_async.models.backup import (
    BackupConfigCreate,
    BackupConfigRestore,
    BackupListReturn,
    BackupReturn,
    BackupStatusReturn,
    BackupStorage,
)
from weaviate_async.models.backup_location import BackupLocationType
"""

CLIENT_MODULE = "weaviate_async/backup/_methods.py"
CLIENT_HEADER = (
    '''"""The public methods of ``client.backup``: their signatures and documentation.

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``_BackupAsync``
(:mod:`weaviate_async.backup.namespace`) inherits them and holds the shared path they call.
"""

'''
    + _IMPORTS
    + '''
__all__ = ["_BackupMethods"]

_Kind = Literal["create", "restore"]


class _BackupMethods:
    """The public methods of ``client.backup``; the shared path is the subclass's."""

    if TYPE_CHECKING:

        async def _create(
            self,
            operation: str,
            backup_id: object,
            backend: object,
            include_collections: object,
            exclude_collections: object,
            incremental_base_backup_id: object,
            wait_for_completion: object,
            config: object,
            backup_location: object,
            wait_timeout: object,
            *,
            include_roles: object = None,
            include_users: object = None,
        ) -> BackupReturn:
            """Check, start and (maybe) wait for a backup."""
            ...

        async def _restore(
            self,
            operation: str,
            backup_id: object,
            backend: object,
            include_collections: object,
            exclude_collections: object,
            roles_restore: object,
            users_restore: object,
            wait_for_completion: object,
            config: object,
            backup_location: object,
            overwrite_alias: object,
            wait_timeout: object,
        ) -> BackupReturn:
            """Check, start and (maybe) wait for a restore."""
            ...

        async def _status(
            self,
            operation: str,
            kind: _Kind,
            backup_id: object,
            backend: object,
            backup_location: object,
        ) -> BackupStatusReturn:
            """The state of a backup or restore."""
            ...

        async def _cancel(
            self, backup_id: object, backend: object, backup_location: object, operation: object
        ) -> bool:
            """Cancel a backup or restore."""
            ...

        async def _list_backups(
            self, backend: object, sort_by_starting_time_asc: object
        ) -> list[BackupListReturn]:
            """The backups on a backend."""
            ...
'''
)

COLLECTION_MODULE = "weaviate_async/collections/_backup_methods.py"
COLLECTION_HEADER = (
    '''"""The public methods of ``collection.backup``: their signatures and documentation.

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``_CollectionBackupAsync``
(:mod:`weaviate_async.collections.backups`) inherits them; they run the shared path of
``client.backup`` with the handle's collection as the only one included.
"""

'''
    + _IMPORTS
    + '''from weaviate_async.wire.backup import status_of

if TYPE_CHECKING:
    from weaviate_async.backup.namespace import _BackupAsync

__all__ = ["_CollectionBackupMethods"]


class _CollectionBackupMethods:
    """The public methods of ``collection.backup``."""

    _name: str
    _backups: _BackupAsync
'''
)


# ------------------------------------------------------------------ collection.tenants

_TENANTS = "a name, a ``Tenant``, or a list of these."
_TENANTS_RAISES = """Raises:
    WeaviateInvalidInputError: an item is not a name or ``Tenant``.
    UnexpectedStatusCodeError: the server refused, with its message."""
_ONE_TENANT_RAISES = """Raises:
    WeaviateInvalidInputError: ``tenant`` is not a name or ``Tenant``.
    UnexpectedStatusCodeError: the server refused (e.g. the collection does not exist),
        with its message."""

TENANT_PARAMS: dict[str, Param] = {
    "tenants": Param("TenantInputType | Sequence[TenantInputType]", REQUIRED, _TENANTS),
    "tenant": Param("TenantInputType | Sequence[TenantInputType]", REQUIRED, _TENANTS),
}

TENANT_METHODS = [
    Method(
        "create",
        ("tenants",),
        (),
        "None",
        "Create tenants (all in one request). Creating a tenant that exists already changes\n"
        "nothing.",
        """Raises:
    WeaviateInvalidInputError: an item is of the wrong type or has a status a tenant
        cannot be created with; nothing is sent.
    UnexpectedStatusCodeError: the server refused (e.g. the collection does not exist
        or is not multi-tenant, or a name is invalid), with its message.

Examples:
    >>> await collection.tenants.create(
    ...     [TenantCreate(name="t1"), TenantCreate(name="t2", activity_status="INACTIVE")]
    ... )""",
        "self._create(tenants)",
        docs={
            "tenants": "a name, a ``Tenant`` (status ``ACTIVE`` or ``INACTIVE``), a "
            "``TenantCreate``, or a list of these. A name is created ``ACTIVE``."
        },
        annotations={"tenants": "TenantCreateInputType | Sequence[TenantCreateInputType]"},
    ),
    Method(
        "remove",
        ("tenants",),
        (),
        "None",
        "Remove tenants and all their objects. Names that do not exist are ignored.",
        """Raises:
    WeaviateInvalidInputError: an item is not a name or ``Tenant``; nothing is sent.
    UnexpectedStatusCodeError: the server refused, with its message.""",
        "self._remove(tenants)",
    ),
    Method(
        "get",
        (),
        (),
        "dict[str, TenantOutputType]",
        "Every tenant of the collection, by name (``TenantsGet`` over gRPC).",
        """Raises:
    WeaviateTenantGetError: the server refused (e.g. the collection is not multi-tenant),
        with its message.""",
        "self._get()",
    ),
    Method(
        "get_by_names",
        ("tenants",),
        (),
        "dict[str, TenantOutputType]",
        "The tenants of these names that exist, by name (``TenantsGet`` over gRPC).",
        """Raises:
    WeaviateInvalidInputError: ``tenants`` is not a list of names or ``Tenant`` objects.
    WeaviateTenantGetError: the server refused, with its message.""",
        "self._get_by_names(tenants)",
        docs={
            "tenants": "names or ``Tenant`` objects. An empty list gives an empty dict, "
            "without a request."
        },
        annotations={"tenants": "Sequence[TenantInputType]"},
    ),
    Method(
        "get_by_name",
        ("tenant",),
        (),
        "TenantOutputType | None",
        "One tenant, or None when it does not exist.",
        _ONE_TENANT_RAISES,
        "self._get_by_name(tenant)",
        docs={"tenant": "its name or a ``Tenant``."},
        annotations={"tenant": "TenantInputType"},
    ),
    Method(
        "exists",
        ("tenant",),
        (),
        "bool",
        "Whether the tenant exists.",
        _ONE_TENANT_RAISES,
        "self._exists(tenant)",
        docs={"tenant": "its name or a ``Tenant``."},
        annotations={"tenant": "TenantInputType"},
    ),
    Method(
        "update",
        ("tenants",),
        (),
        "None",
        "Set the activity status of tenants, in requests of at most 100 tenants.",
        """Raises:
    WeaviateInvalidInputError: an item is of the wrong type or asks for a status only the
        server sets (``OFFLOADING``, ``ONLOADING``); nothing is sent.
    UnexpectedStatusCodeError: the server refused (a tenant does not exist, offloading
        without an offload module, ...), with its message. Requests before the refused
        one have been applied.

Examples:
    >>> await collection.tenants.update(
    ...     TenantUpdate(name="t1", activity_status=TenantUpdateActivityStatus.INACTIVE)
    ... )""",
        "self._update(tenants)",
        docs={
            "tenants": "a ``Tenant`` or ``TenantUpdate`` (status ``ACTIVE``, ``INACTIVE`` or "
            "``OFFLOADED``), or a list of these."
        },
        annotations={"tenants": "TenantUpdateInputType | Sequence[TenantUpdateInputType]"},
    ),
    Method(
        "activate",
        ("tenant",),
        (),
        "None",
        "Set tenants ``ACTIVE`` (load them; from ``OFFLOADED`` they pass through ``ONLOADING``).",
        _TENANTS_RAISES,
        "self._set_status(tenant, TenantUpdateActivityStatus.ACTIVE)",
    ),
    Method(
        "deactivate",
        ("tenant",),
        (),
        "None",
        "Set tenants ``INACTIVE`` (unloaded; their files stay on the node).",
        _TENANTS_RAISES,
        "self._set_status(tenant, TenantUpdateActivityStatus.INACTIVE)",
    ),
    Method(
        "offload",
        ("tenant",),
        (),
        "None",
        "Set tenants ``OFFLOADED``: the server moves their files to cloud storage (they pass\n"
        "through ``OFFLOADING``). Needs an offload module (``offload-s3``) on the server.",
        """Raises:
    WeaviateInvalidInputError: an item is not a name or ``Tenant``.
    UnexpectedStatusCodeError: the server refused (e.g. no offload module), with its
        message.""",
        "self._set_status(tenant, TenantUpdateActivityStatus.OFFLOADED)",
    ),
]

TENANTS_MODULE = "weaviate_async/collections/_tenants_methods.py"
TENANTS_HEADER = '''"""The public methods of ``collection.tenants``: their signatures and documentation.

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``_TenantsAsync``
(:mod:`weaviate_async.collections.tenants`) inherits them and holds the requests they make.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from weaviate_async.classes._tenants import TenantUpdateActivityStatus
from weaviate_async.types import (
    TenantCreateInputType,
    TenantInputType,
    TenantOutputType,
    TenantUpdateInputType,
)

__all__ = ["_TenantsMethods"]


class _TenantsMethods:
    """The public methods of ``collection.tenants``; the requests are the subclass's."""

    if TYPE_CHECKING:

        async def _create(
            self, tenants: TenantCreateInputType | Sequence[TenantCreateInputType]
        ) -> None:
            """Create tenants."""

        async def _remove(self, tenants: TenantInputType | Sequence[TenantInputType]) -> None:
            """Remove tenants."""

        async def _get(self) -> dict[str, TenantOutputType]:
            """Every tenant."""
            ...

        async def _get_by_names(
            self, tenants: Sequence[TenantInputType]
        ) -> dict[str, TenantOutputType]:
            """The tenants of these names."""
            ...

        async def _get_by_name(self, tenant: TenantInputType) -> TenantOutputType | None:
            """One tenant."""
            ...

        async def _exists(self, tenant: TenantInputType) -> bool:
            """Whether the tenant exists."""
            ...

        async def _update(
            self, tenants: TenantUpdateInputType | Sequence[TenantUpdateInputType]
        ) -> None:
            """Set the activity status of tenants."""

        async def _set_status(
            self,
            tenant: TenantInputType | Sequence[TenantInputType],
            status: TenantUpdateActivityStatus,
        ) -> None:
            """Set the activity status of the tenants named."""
'''


# ------------------------------------------------------------------ client.export

EXPORT_PARAMS: dict[str, Param] = {
    "export_id": Param(
        "str", REQUIRED, "the export's id: letters (sent lowercased), digits, ``_`` and ``-``."
    ),
    "backend": Param(
        "ExportStorage",
        REQUIRED,
        "where to write it (``ExportStorage.FILESYSTEM`` ...; or its name).",
    ),
    "file_format": Param("ExportFileFormat", REQUIRED, "``ExportFileFormat.PARQUET``."),
    "include_collections": Param(
        "list[str] | str | None", None, "only these collections (a name or a list)."
    ),
    "exclude_collections": Param(
        "list[str] | str | None",
        None,
        "every collection but these (not with ``include_collections``).",
    ),
    "wait_for_completion": Param("bool", False, "wait until it ends and return its final status."),
}
_NO_SUCH_EXPORT = """Raises:
    WeaviateInvalidInputError: an argument is invalid.
    UnexpectedStatusCodeError: there is no such export (404), with the server's message."""

EXPORT_METHODS = [
    Method(
        "create",
        (),
        (
            "export_id",
            "backend",
            "file_format",
            "include_collections",
            "exclude_collections",
            "wait_for_completion",
        ),
        "ExportCreateReturn | ExportStatusReturn",
        "Start an export of every collection, or of some.",
        """Returns:
    The server's answer (``ExportCreateReturn``), or with ``wait_for_completion`` the
    final ``ExportStatusReturn``.

Raises:
    WeaviateInvalidInputError: an argument is invalid; nothing is sent.
    WeaviateUnsupportedFeatureError: the server is older than 1.37.
    ObjectAlreadyExistsError: an export of that id exists already.
    UnexpectedStatusCodeError: the server refused (export not enabled, no such
        collection, ...), with its message.
    ExportFailedError, ExportCanceledError: (waiting) the export failed or was
        canceled, with the server's reason.""",
        "self._create(export_id, backend, file_format, include_collections, "
        "exclude_collections, wait_for_completion)",
        overloads=(
            ({"wait_for_completion": "wait_for_completion: Literal[True]"}, "ExportStatusReturn"),
            (
                {"wait_for_completion": "wait_for_completion: Literal[False] = False"},
                "ExportCreateReturn",
            ),
            ({}, "ExportCreateReturn | ExportStatusReturn"),
        ),
    ),
    Method(
        "get_status",
        (),
        ("export_id", "backend"),
        "ExportStatusReturn",
        "The state of an export, with per-shard progress.",
        _NO_SUCH_EXPORT,
        "self._get_status(export_id, backend)",
        args_doc=False,
    ),
    Method(
        "cancel",
        (),
        ("export_id", "backend"),
        "bool",
        "Cancel a running export. True if it was canceled, False if it had already ended.",
        _NO_SUCH_EXPORT,
        "self._cancel(export_id, backend)",
        args_doc=False,
    ),
]

EXPORT_MODULE = "weaviate_async/export/_methods.py"
EXPORT_HEADER = '''"""The public methods of ``client.export``: their signatures, overloads and documentation.

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``_ExportAsync``
(:mod:`weaviate_async.export.namespace`) inherits them and holds the requests they make.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, overload

from weaviate_async.models.export import (
    ExportCreateReturn,
    ExportFileFormat,
    ExportStatusReturn,
    ExportStorage,
)

__all__ = ["_ExportMethods"]


class _ExportMethods:
    """The public methods of ``client.export``; the requests are the subclass's."""

    if TYPE_CHECKING:

        async def _create(
            self,
            export_id: object,
            backend: object,
            file_format: object,
            include_collections: object,
            exclude_collections: object,
            wait_for_completion: object,
        ) -> ExportCreateReturn | ExportStatusReturn:
            """Check and start an export; wait for it when asked."""
            ...

        async def _get_status(self, export_id: object, backend: object) -> ExportStatusReturn:
            """The state of an export."""
            ...

        async def _cancel(self, export_id: object, backend: object) -> bool:
            """Cancel an export."""
            ...
'''


# ------------------------------------------------------------------ client.cluster.replications

REPLICATE_PARAMS: dict[str, Param] = {
    "uuid": Param("UUID", REQUIRED, "the operation's id (as ``replicate`` returned it)."),
    "include_history": Param("bool", False, "also return their earlier states."),
    "collection": Param("str | None", None, "only those of this collection."),
    "shard": Param("str | None", None, "only those of this shard (with ``collection``)."),
    "target_node": Param("str | None", None, "only those placing a replica on this node."),
}

REPLICATE_METHODS = [
    Method(
        "get",
        (),
        ("uuid", "include_history"),
        "ReplicateOperation | None",
        "A replica operation by its id, or None when the server knows no such operation.",
        """Examples:
    >>> op = await client.cluster.replications.get(uuid=op_id)
    >>> op.status.state""",
        "self._get(uuid, include_history)",
        docs={"include_history": "also return its earlier states."},
        overloads=(
            (
                {"include_history": "include_history: Literal[False] = False"},
                "ReplicateOperationWithoutHistory | None",
            ),
            (
                {"include_history": "include_history: Literal[True]"},
                "ReplicateOperationWithHistory | None",
            ),
            ({}, "ReplicateOperation | None"),
        ),
    ),
    Method(
        "list_all",
        (),
        (),
        "list[ReplicateOperationWithHistory]",
        "Every replica operation the server knows, with its history.",
        "",
        "self._list_all()",
    ),
    Method(
        "query",
        (),
        ("collection", "shard", "target_node", "include_history"),
        "ReplicateOperations",
        """The replica operations of a collection, a shard, a target node, or any combination.

The server filters by collection (and shard) or else by target node; the client
applies the other filters given to what it returns.""",
        """Examples:
    >>> await client.cluster.replications.query(collection="Article", target_node="node2")""",
        "self._query(collection, shard, target_node, include_history)",
        overloads=(
            (
                {"include_history": "include_history: Literal[True]"},
                "list[ReplicateOperationWithHistory]",
            ),
            (
                {"include_history": "include_history: Literal[False] = False"},
                "list[ReplicateOperationWithoutHistory]",
            ),
            ({}, "ReplicateOperations"),
        ),
    ),
    Method(
        "cancel",
        (),
        ("uuid",),
        "None",
        """Cancel a replica operation: it stops and its state becomes CANCELLED; the
operation is kept (see :meth:`delete`).""",
        """Raises:
    UnexpectedStatusCodeError: no such operation (status 404), or it cannot be
        canceled any more (status 409), with the server's reason.""",
        'self._by_id("POST", uuid, "/cancel", "cancel")',
        args_doc=False,
    ),
    Method(
        "delete",
        (),
        ("uuid",),
        "None",
        "Delete a replica operation (canceling it first if it runs).",
        """Raises:
    UnexpectedStatusCodeError: no such operation (status 404), or the server refused
        (status 409), with its reason.""",
        'self._by_id("DELETE", uuid, "", "delete")',
        args_doc=False,
    ),
    Method(
        "delete_all",
        (),
        (),
        "None",
        "Delete every replica operation.",
        "",
        "self._delete_all()",
    ),
]

REPLICATE_MODULE = "weaviate_async/cluster/_replicate_methods.py"
REPLICATE_HEADER = '''"""The public methods of ``client.cluster.replications``: signatures, overloads, documentation.

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``_ReplicateAsync``
(:mod:`weaviate_async.cluster.replicate`) inherits them and holds the requests they make.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, overload

from weaviate_async.models.cluster import (
    ReplicateOperation,
    ReplicateOperations,
    ReplicateOperationWithHistory,
    ReplicateOperationWithoutHistory,
)
from weaviate_async.types import UUID

__all__ = ["_ReplicateMethods"]


class _ReplicateMethods:
    """The public methods of ``client.cluster.replications``; the requests are the subclass's."""

    if TYPE_CHECKING:

        async def _get(self, uuid: UUID, include_history: object) -> ReplicateOperation | None:
            """A replica operation by its id."""
            ...

        async def _list_all(self) -> list[ReplicateOperationWithHistory]:
            """Every replica operation."""
            ...

        async def _query(
            self, collection: object, shard: object, target_node: object, include_history: object
        ) -> ReplicateOperations:
            """The replica operations that match."""
            ...

        async def _by_id(self, method: str, uuid: UUID, suffix: str, what: str) -> None:
            """Cancel or delete one replica operation."""

        async def _delete_all(self) -> None:
            """Delete every replica operation."""
'''


# ------------------------------------------------------------------ client.cluster

CLUSTER_PARAMS: dict[str, Param] = {
    "collection": Param("str | None", None, "the collection."),
    "shard": Param("str | None", None, "only this shard."),
    "output": Param(
        "Verbosity | None",
        None,
        '``"minimal"`` (the server\'s default: name, status, version) or ``"verbose"``.',
    ),
    "source_node": Param("str", REQUIRED, "a node that holds a replica of the shard."),
    "target_node": Param("str", REQUIRED, "a node that does not."),
    "replication_type": Param(
        "ReplicationType",
        Code("ReplicationType.COPY"),
        "COPY keeps the source replica, MOVE removes it at the end.",
    ),
}

CLUSTER_METHODS = [
    Method(
        "nodes",
        ("collection", "shard"),
        ("output",),
        "list[NodeMinimal] | list[NodeVerbose]",
        """The cluster's nodes and their state; with ``output="verbose"`` also their shard
replicas and totals.""",
        """Raises:
    WeaviateInvalidInputError: an argument is invalid.
    UnexpectedStatusCodeError: no such collection (status 404), or the server refused.
    EmptyResponseError: the server listed no node.

Examples:
    >>> [n.status for n in await client.cluster.nodes()]
    ['HEALTHY', 'HEALTHY', 'HEALTHY']""",
        "self._nodes(collection, shard, output)",
        docs={
            "collection": "only this collection's shards (and totals) in the verbose output.",
            "shard": "only this shard (with ``collection``).",
        },
        overloads=(
            ({"output": "output: Literal[None] = None"}, "list[NodeMinimal]"),
            ({"output": 'output: Literal["minimal"]'}, "list[NodeMinimal]"),
            ({"output": 'output: Literal["verbose"]'}, "list[NodeVerbose]"),
            ({}, "list[NodeMinimal] | list[NodeVerbose]"),
        ),
    ),
    Method(
        "statistics",
        (),
        (),
        "ClusterStatistics",
        """The RAFT statistics of every node: leader, terms, log indexes, and whether the
nodes are synchronized.""",
        """Examples:
    >>> stats = await client.cluster.statistics()
    >>> {s.name: s.raft.state for s in stats.statistics}""",
        "self._statistics()",
    ),
    Method(
        "query_sharding_state",
        (),
        ("collection", "shard"),
        "ShardingState | None",
        "Which nodes hold the replicas of each shard of a collection (or of one shard).",
        """Returns:
    The sharding state, or None when the collection or the shard does not exist.

Raises:
    UnexpectedStatusCodeError: the server refused (status 501: replica movement is
        switched off on the server).""",
        "self._query_sharding_state(collection, shard)",
        annotations={"collection": "str"},
        required=("collection",),
    ),
    Method(
        "replicate",
        (),
        ("collection", "shard", "source_node", "target_node", "replication_type"),
        "uuid.UUID",
        """Start copying (or moving) a shard's replica from one node to another.

The operation runs on the server; follow it with ``cluster.replications.get``.""",
        """Returns:
    The operation's id.

Raises:
    WeaviateInvalidInputError: an argument is invalid.
    UnexpectedStatusCodeError: the server refused (unknown shard or node, the target
        holds a replica already, replica movement switched off: 501), with its reason.

Examples:
    >>> op_id = await client.cluster.replicate(
    ...     collection="Article", shard=shard, source_node="node1", target_node="node3"
    ... )""",
        "self._replicate(collection, shard, source_node, target_node, replication_type)",
        docs={"shard": "the shard's name (see ``query_sharding_state`` or ``nodes``)."},
        annotations={"collection": "str", "shard": "str"},
        required=("collection", "shard"),
    ),
]

CLUSTER_MODULE = "weaviate_async/cluster/_methods.py"
CLUSTER_HEADER = '''"""The public methods of ``client.cluster``: signatures, overloads and documentation.

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``_ClusterAsync``
(:mod:`weaviate_async.cluster.namespace`) inherits them and holds the requests they make.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Literal, overload

from weaviate_async.cluster.types import Verbosity
from weaviate_async.models.cluster import ClusterStatistics, ReplicationType, ShardingState
from weaviate_async.models.nodes import NodeMinimal, NodeVerbose

__all__ = ["_ClusterMethods"]


class _ClusterMethods:
    """The public methods of ``client.cluster``; the requests are the subclass's."""

    if TYPE_CHECKING:

        async def _nodes(
            self, collection: object, shard: object, output: object
        ) -> list[NodeMinimal] | list[NodeVerbose]:
            """The cluster's nodes."""
            ...

        async def _statistics(self) -> ClusterStatistics:
            """The RAFT statistics."""
            ...

        async def _query_sharding_state(
            self, collection: object, shard: object
        ) -> ShardingState | None:
            """The sharding state of a collection."""
            ...

        async def _replicate(
            self,
            collection: object,
            shard: object,
            source_node: object,
            target_node: object,
            replication_type: object,
        ) -> uuid.UUID:
            """Start a replica operation."""
            ...
'''


# ------------------------------------------------------------------ collection.data

_REF_FROM = "the source object, in this collection."
DATA_PARAMS: dict[str, Param] = {
    "properties": Param("Properties", REQUIRED, "the new property values by name."),
    "references": Param(
        "ReferenceInputs | None",
        None,
        "reference property name -> UUID, list of UUIDs or ReferenceToMulti.",
    ),
    "uuid": Param("UUID", REQUIRED, "the object's id."),
    "vector": Param("Any", None, "one vector or named vectors ``{name: vector}``."),
    "objects": Param(
        "Sequence[Mapping[str, Any] | DataObject[Any, Any]]",
        REQUIRED,
        "property dicts, or DataObject with uuid, vector(s) and references.",
    ),
    "objs": Param(
        "Iterable[Mapping[str, Any] | DataObject[Any, Any]]",
        REQUIRED,
        "property dicts, or DataObject with uuid, vector(s) and references; in async code an "
        "async iterable works too.",
    ),
    "progress": Param(
        "ProgressOption",
        False,
        "show progress (True: a tqdm or rich bar, with an ETA when ``objs`` has a length; or "
        "a callable ``(done, failed, added)``).",
    ),
    "where": Param(
        "FilterReturn", REQUIRED, "the filter, as for queries (``Filter.by_property(...)...``)."
    ),
    "verbose": Param("bool", False, "also return each matched object with its outcome."),
    "dry_run": Param(
        "bool", False, "only count (and, with ``verbose``, list) what would be deleted."
    ),
    "from_uuid": Param("UUID", REQUIRED, _REF_FROM),
    "from_property": Param("str", REQUIRED, "its reference property."),
    "to": Param(
        "SingleReferenceInput", REQUIRED, "the target: a UUID, or a ReferenceToMulti with one uuid."
    ),
    "refs": Param(
        "list[DataReferences]",
        REQUIRED,
        "DataReference (single-target property) or DataReferenceMulti (multi-target), each "
        "from one object of this collection to one or more targets.",
    ),
}
_NOTHING_SENT = "WeaviateInvalidInputError: an argument is invalid (nothing is sent)."
_NO_OBJECT = """UnexpectedStatusCodeError: no such object (404; the server sends no message) or
        the server refused the {what}."""

DATA_METHODS = [
    Method(
        "insert",
        ("properties", "references", "uuid", "vector"),
        (),
        "uuid_lib.UUID",
        "Insert one object and return its uuid.",
        f"""Raises:
    ObjectAlreadyExistsError: an object with this uuid exists.
    {_NOTHING_SENT}
    UnexpectedStatusCodeError: the server refused the object.""",
        "self._insert(properties, references, uuid, vector)",
        docs={
            "properties": "the property values by name (dates as aware datetime, uuids as "
            "uuid.UUID or str, GeoCoordinate, PhoneNumber, bytes for blobs, nested dicts and "
            "lists).",
            "uuid": "the object's id; a random one when None.",
            "vector": "one vector (list, tuple, numpy array) or named vectors ``{name: "
            "vector}`` (a named multi-vector is a list of vectors or a 2-D array).",
        },
        annotations={"uuid": "UUID | None"},
        defaults={"uuid": None},
    ),
    Method(
        "replace",
        ("uuid", "properties", "references", "vector"),
        (),
        "None",
        """Replace an object: its properties and references become the ones given (the ones
not given are removed).""",
        "Raises:\n    " + _NO_OBJECT.format(what="object") + f"\n    {_NOTHING_SENT}",
        "self._replace(uuid, properties, references, vector)",
    ),
    Method(
        "update",
        ("uuid", "properties", "references", "vector"),
        (),
        "None",
        """Update an object: the properties, references and vector(s) given are merged into
it; the rest is kept.""",
        "Raises:\n    " + _NO_OBJECT.format(what="change") + f"\n    {_NOTHING_SENT}",
        "self._update(uuid, properties, references, vector)",
        docs={
            "properties": "property values to set, by name.",
            "references": "reference targets to add (the server merges them with the "
            "property's existing ones; ``reference_replace`` replaces them).",
            "vector": "one vector or named vectors ``{name: vector}`` to set.",
        },
        annotations={"properties": "Properties | None"},
        defaults={"properties": None},
    ),
    Method(
        "insert_many",
        ("objects",),
        (),
        "BatchObjectReturn",
        """Insert many objects in one call (over gRPC, in requests of a few MB sent one after
the other; each object gets its uuid before anything is sent).""",
        """Returns:
    Per input index: ``uuids`` of the inserted objects and ``errors`` of the failed ones
    (each with the server's message and the object as sent, its uuid included).

Raises:
    WeaviateInvalidInputError: an object is invalid (the field names its index); nothing
        is sent.
    WeaviateInsertManyAllFailedError: every object failed, or ``objects`` is empty (as
        the official client raises: no object was inserted).
    WeaviateBatchError: a request as a whole failed on the server.
    WeaviateTimeoutError, WeaviateConnectionError: a request ran out of time or its
        connection broke. Each of these failures carries ``partial_result``, a
        ``BatchObjectReturn`` of the whole call: the uuids of the objects whose requests
        were answered, and an error (with the object and its uuid) for every other one;
        inserting those objects again with their uuids replaces instead of duplicating.""",
        "self._insert_many(objects)",
    ),
    Method(
        "ingest",
        ("objs",),
        ("progress",),
        "BatchObjectReturn",
        """Insert any number of objects from an iterable (or async iterable) in batches sized
from the server's answers, with bounded memory whatever the input's length.

Unlike :meth:`insert_many`, the objects are read and sent as they come: an invalid
object raises when it is reached, after the objects before it were sent.""",
        """Returns:
    The uuids (the most recent 100,000) and the errors, by the objects' positions.

Raises:
    WeaviateInvalidInputError: an object is invalid (the field names its position).

Examples:
    >>> result = await collection.data.ingest({"n": i} for i in range(1_000_000))
    >>> result.has_errors
    False""",
        "self._ingest(objs, progress)",
    ),
    Method(
        "exists",
        ("uuid",),
        (),
        "bool",
        "Whether an object with this uuid exists in the collection (of this tenant).",
        "",
        "self._exists(uuid)",
        args_doc=False,
    ),
    Method(
        "delete_by_id",
        ("uuid",),
        (),
        "bool",
        "Delete the object with this uuid.",
        """Returns:
    True when the server answers 204, False when it answers 404 (not found). Servers
    from 1.3x on answer 204 for an unknown uuid as well.""",
        "self._delete_by_id(uuid)",
        args_doc=False,
    ),
    Method(
        "delete_many",
        ("where",),
        ("verbose", "dry_run"),
        "DeleteManyReturn[list[DeleteManyObject]] | DeleteManyReturn[None]",
        "Delete every object the filter ``where`` matches.",
        """Returns:
    ``matches``, ``successful`` and ``failed`` counts, and with ``verbose`` the
    ``objects`` (DeleteManyObject: uuid, successful, error). On a dry run the server
    counts the matched objects as successful, though nothing is deleted.

Raises:
    WeaviateInvalidInputError: ``where`` is not a filter (nothing is sent).
    WeaviateDeleteManyError: the server could not apply the filter (its message says
        why, e.g. an unknown property or an index the filter needs).

Examples:
    >>> res = await collection.data.delete_many(
    ...     Filter.by_property("year").less_than(2000), dry_run=True, verbose=True
    ... )
    >>> res.matches, [o.uuid for o in res.objects]""",
        "self._delete_many(where, verbose, dry_run)",
        overloads=(
            ({"verbose": "verbose: Literal[False] = False"}, "DeleteManyReturn[None]"),
            ({"verbose": "verbose: Literal[True]"}, "DeleteManyReturn[list[DeleteManyObject]]"),
            ({}, "DeleteManyReturn[list[DeleteManyObject]] | DeleteManyReturn[None]"),
        ),
    ),
    Method(
        "reference_add",
        ("from_uuid", "from_property", "to"),
        (),
        "None",
        "Add a reference from an object of this collection to another object.",
        """Raises:
    WeaviateInvalidInputError: an argument is invalid, or ``to`` holds several targets
        (use reference_add_many or reference_replace); nothing is sent.
    UnexpectedStatusCodeError: the server refused (404: no source object; 422: no such
        target object, or not a reference property).""",
        'self._reference("POST", from_uuid, from_property, "reference_add", '
        'single_beacon(to, "reference_add"))',
        docs={
            "to": "the target: a UUID, or a ReferenceToMulti with one uuid for a "
            "multi-target property."
        },
    ),
    Method(
        "reference_add_many",
        ("refs",),
        (),
        "BatchReferenceReturn",
        "Add many references in one call (over gRPC, in requests of a few MB).",
        """Returns:
    The elapsed time and, for each reference that failed, its error by position in
    the batch sent (``error.reference.index`` is the position in ``refs``). The
    server does not check that target objects exist.

Raises:
    WeaviateInvalidInputError: a reference is invalid; the field names its index
        (``refs[2].to_uuid``). Nothing is sent then.
    WeaviateBatchError: a request as a whole failed on the server.
    WeaviateTimeoutError, WeaviateConnectionError: a request ran out of time or its
        connection broke. Each of these failures carries ``partial_result``, a
        ``BatchReferenceReturn`` whose errors list every reference not confirmed
        (a reference added twice is stored twice: add again only those).""",
        "self._reference_add_many(refs)",
    ),
    Method(
        "reference_delete",
        ("from_uuid", "from_property", "to"),
        (),
        "None",
        "Delete the references from an object of this collection to ``to``.",
        f"""Raises:
    {_NOTHING_SENT}
    UnexpectedStatusCodeError: the server refused (404: no source object).""",
        'self._reference("DELETE", from_uuid, from_property, "reference_delete", '
        'single_beacon(to, "reference_delete"), ok=(204,))',
    ),
    Method(
        "reference_replace",
        ("from_uuid", "from_property", "to"),
        (),
        "None",
        "Replace all references of a reference property with ``to``.",
        f"""Raises:
    {_NOTHING_SENT}
    UnexpectedStatusCodeError: the server refused (404: no source object).""",
        'self._reference("PUT", from_uuid, from_property, "reference_replace", '
        "replace_beacons(to))",
        docs={
            "to": "the new targets: a UUID, a list of UUIDs (an empty list removes every "
            "reference) or a ReferenceToMulti."
        },
        annotations={"to": "ReferenceInput"},
    ),
]

DATA_MODULE = "weaviate_async/collections/_data_methods.py"
DATA_HEADER = '''"""The public methods of ``collection.data``: signatures, overloads and documentation.

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``_DataCollectionAsync``
(:mod:`weaviate_async.collections.data`) inherits them and holds the requests they make.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, Literal, overload

from weaviate_async.classes.batch import BatchObjectReturn, BatchReferenceReturn
from weaviate_async.classes.data import DataObject
from weaviate_async.collections.batch.progress import ProgressOption
from weaviate_async.typevars import Properties
from weaviate_async.wire.references import replace_beacons, single_beacon

if TYPE_CHECKING:
    from weaviate_async.classes.batch import DeleteManyObject, DeleteManyReturn
    from weaviate_async.classes.data import (
        UUID,
        DataReferences,
        ReferenceInput,
        ReferenceInputs,
        SingleReferenceInput,
    )
    from weaviate_async.classes.filters import FilterReturn

__all__ = ["_DataMethods"]


class _DataMethods(Generic[Properties]):
    """The public methods of ``collection.data``; the requests are the subclass's."""

    if TYPE_CHECKING:

        async def _insert(
            self, properties: Any, references: Any, uuid: Any, vector: Any
        ) -> uuid_lib.UUID:
            """Insert one object."""
            ...

        async def _replace(self, uuid: Any, properties: Any, references: Any, vector: Any) -> None:
            """Replace an object."""

        async def _update(self, uuid: Any, properties: Any, references: Any, vector: Any) -> None:
            """Update an object."""

        async def _insert_many(self, objects: Any) -> BatchObjectReturn:
            """Insert many objects in one call."""
            ...

        async def _ingest(self, objs: Any, progress: Any) -> BatchObjectReturn:
            """Insert the objects of an iterable in batches."""
            ...

        async def _exists(self, uuid: Any) -> bool:
            """Whether the object exists."""
            ...

        async def _delete_by_id(self, uuid: Any) -> bool:
            """Delete one object."""
            ...

        async def _delete_many(
            self, where: Any, verbose: Any, dry_run: Any
        ) -> DeleteManyReturn[list[DeleteManyObject]] | DeleteManyReturn[None]:
            """Delete the objects a filter matches."""
            ...

        async def _reference(
            self,
            method: str,
            from_uuid: Any,
            from_property: Any,
            what: str,
            body: Any,
            ok: tuple[int, ...] = (200,),
        ) -> None:
            """Add, delete or replace references of one object."""

        async def _reference_add_many(self, refs: Any) -> BatchReferenceReturn:
            """Add many references in one call."""
            ...
'''


# ------------------------------------------------------------------ roles, users and groups

_ROLE_NAMES = "the role name(s)."
_ROLES_OVERLOADS = (
    ({"include_permissions": "include_permissions: Literal[False] = False"}, "dict[str, RoleBase]"),
    ({"include_permissions": "include_permissions: Literal[True]"}, "dict[str, Role]"),
    ({}, "dict[str, Role] | dict[str, RoleBase]"),
)
_NO_USER = """Raises:
    UnexpectedStatusCodeError: no such user (status 404)."""
_NO_ROLE = """Raises:
    UnexpectedStatusCodeError: there is no such role (status 404)."""

RBAC_PARAMS: dict[str, Param] = {
    "user_id": Param("str", REQUIRED, "the user's name."),
    "group_id": Param("str", REQUIRED, "the group's name."),
    "role_names": Param("str | list[str]", REQUIRED, _ROLE_NAMES),
    "include_permissions": Param("bool", False, "with each role's permissions."),
    "include_last_used_time": Param(
        "bool",
        False,
        "also ask when its key was last used (gathered from every node).",
    ),
    "revoke_key": Param("bool", False, "also void the user's key."),
    "role_name": Param("str", REQUIRED, "the role's name."),
    "role": Param("str", REQUIRED, "the role's name."),
    "permissions": Param("PermissionsInputType", REQUIRED, "the permissions."),
}


def _rbac(
    name: str,
    positional: tuple[str, ...],
    keywords: tuple[str, ...],
    returns: str,
    summary: str,
    sections: str = "",
    *,
    call: str = "",
    overloads: tuple[tuple[dict[str, str], str], ...] = (),
    annotations: dict[str, str] | None = None,
) -> Method:
    """A method of roles, users or groups: documented without an Args section, calling the
    private method of the same name unless ``call`` says otherwise."""
    return Method(
        name,
        positional,
        keywords,
        returns,
        summary,
        sections,
        call or f"self._{name}({', '.join((*positional, *keywords))})",
        args_doc=False,
        overloads=overloads,
        annotations=annotations or {},
    )


def _role_methods(owner: str) -> list[Method]:
    """``get_assigned_roles``, ``assign_roles`` and ``revoke_roles`` of ``users.db``,
    ``users.oidc`` (``owner`` is ``user``) and ``groups.oidc`` (``group``)."""
    ident = f"{owner}_id"
    if owner == "user":
        summary = """The roles assigned to the user ``user_id`` (of this namespace's kind) by name: with
their permissions (:class:`Role`) when ``include_permissions``, else names only
(:class:`RoleBase`).

Roles an OIDC user holds through its OIDC groups are not listed (see ``groups.oidc``)."""
        assign = """Assign the roles ``role_names`` to the user ``user_id`` (an OIDC user need not have
logged in yet)."""
        assign_raises = """Raises:
    UnexpectedStatusCodeError: a role, or the database user, does not exist (status
        404), or the server has no OIDC (its message says so)."""
    else:
        summary = """The roles of the group ``group_id`` by name: with their permissions
(:class:`Role`) when ``include_permissions``, else names only (:class:`RoleBase`)."""
        assign = "Assign the roles ``role_names`` to the group ``group_id``."
        assign_raises = """Raises:
    UnexpectedStatusCodeError: a role does not exist (status 404)."""
    return [
        _rbac(
            "get_assigned_roles",
            (),
            (ident, "include_permissions"),
            "dict[str, Role] | dict[str, RoleBase]",
            summary,
            overloads=_ROLES_OVERLOADS,
        ),
        _rbac(
            "assign_roles",
            (),
            (ident, "role_names"),
            "None",
            assign,
            assign_raises,
            call=f'self._change("assign", {ident}, role_names)',
        ),
        _rbac(
            "revoke_roles",
            (),
            (ident, "role_names"),
            "None",
            f"Revoke the roles ``role_names`` from the {owner} ``{ident}``.",
            call=f'self._change("revoke", {ident}, role_names)',
        ),
    ]


USER_ROLE_METHODS = _role_methods("user")
GROUP_METHODS = [
    *_role_methods("group"),
    _rbac("get_known_group_names", (), (), "list[str]", "The groups that hold at least one role."),
]

USER_DB_METHODS = [
    _rbac(
        "create",
        (),
        ("user_id",),
        "str",
        "Create the database user ``user_id`` and return its API key (shown only now).",
        """Raises:
    ObjectAlreadyExistsError: a user of that name exists.""",
    ),
    _rbac(
        "delete",
        (),
        ("user_id",),
        "bool",
        "Delete the database user ``user_id``; False when there was no such user.",
    ),
    _rbac(
        "rotate_key",
        (),
        ("user_id",),
        "str",
        "Give the user ``user_id`` a new API key and return it; the old key stops working.",
        """Raises:
    UnexpectedStatusCodeError: no such user (404), or a user configured in the
        server's environment, whose key cannot change (422).""",
    ),
    _rbac(
        "activate",
        (),
        ("user_id",),
        "bool",
        "Let the user ``user_id`` in again; False when it was active already.",
        _NO_USER,
    ),
    _rbac(
        "deactivate",
        (),
        ("user_id", "revoke_key"),
        "bool",
        """Refuse the user ``user_id`` until activated again; ``revoke_key`` also voids its
key (a new one is then needed: :meth:`rotate_key`). False when it was inactive
already.""",
        _NO_USER,
    ),
    Method(
        "get",
        (),
        ("user_id", "include_last_used_time"),
        "UserDB | None",
        "The database user ``user_id``, or None when there is no such user.",
        "",
        "self._get(user_id, include_last_used_time)",
    ),
    _rbac(
        "list_all",
        (),
        ("include_last_used_time",),
        "list[UserDB]",
        "Every database user, those configured in the server's environment too.",
    ),
]

USERS_METHODS = [
    _rbac(
        "get_my_user",
        (),
        (),
        "OwnUser",
        "The user the client is authenticated as, with its roles and OIDC groups.",
        """Examples:
    >>> me = await client.users.get_my_user()
    >>> me.user_id, list(me.roles)
    ('admin', ['root'])""",
    ),
    _rbac(
        "get_assigned_roles",
        ("user_id",),
        (),
        "dict[str, Role]",
        """The roles of the user ``user_id``, database and OIDC alike, with their permissions.

Deprecated: use ``users.db.get_assigned_roles`` or ``users.oidc.get_assigned_roles``.""",
    ),
    *(
        _rbac(
            f"{verb}_roles",
            (),
            ("user_id", "role_names"),
            "None",
            f"""{verb.capitalize()} roles {to} the user ``user_id`` without saying its kind.

Deprecated: use ``users.db.{verb}_roles`` or ``users.oidc.{verb}_roles``.""",
            call=f'self._deprecated_change("{verb}", user_id, role_names)',
        )
        for verb, to in (("assign", "to"), ("revoke", "from"))
    ),
]

ROLES_METHODS = [
    _rbac(
        "list_all",
        (),
        (),
        "dict[str, Role]",
        "Every role (the built-in ``admin``, ``viewer``, ``root`` ... too), by name.",
        """Examples:
    >>> sorted(await client.roles.list_all())
    ['admin', 'reader', 'root', 'viewer']""",
    ),
    _rbac(
        "get_current_roles",
        (),
        (),
        "list[Role]",
        """The roles of the user the client is authenticated as.

Deprecated: use ``users.get_my_user().roles``. Answered from the same endpoint (the
one the official client calls for this method is gone from current servers).""",
    ),
    _rbac("exists", ("role_name",), (), "bool", "Whether the role ``role_name`` exists."),
    _rbac(
        "get",
        ("role_name",),
        (),
        "Role | None",
        "The role ``role_name`` with its permissions, or None when there is no such role.",
        """Examples:
    >>> role = await client.roles.get("reader")
    >>> role.data_permissions[0].actions
    {<DataAction.READ: 'read_data'>}""",
    ),
    _rbac(
        "create",
        (),
        ("role_name", "permissions"),
        "Role",
        "Create the role ``role_name`` with ``permissions`` (``Permissions.*`` builders).",
        """Returns:
    The role as sent (the server answers without a body).

Raises:
    ObjectAlreadyExistsError: a role of that name exists.
    UnexpectedStatusCodeError: the server refused a permission (its message kept).""",
    ),
    _rbac(
        "get_user_assignments",
        ("role_name",),
        (),
        "list[UserAssignment]",
        "The users holding the role, with their kind (database or OIDC).",
    ),
    _rbac(
        "get_group_assignments",
        ("role_name",),
        (),
        "list[GroupAssignment]",
        "The groups holding the role.",
    ),
    _rbac(
        "get_assigned_user_ids",
        ("role_name",),
        (),
        "list[str]",
        """The ids of the users holding the role.

Deprecated: use :meth:`get_user_assignments`, which also tells the kind of user.""",
    ),
    _rbac(
        "delete",
        ("role_name",),
        (),
        "None",
        "Delete the role ``role_name`` (nothing happens when there is no such role).",
    ),
    _rbac(
        "add_permissions",
        (),
        ("permissions", "role_name"),
        "None",
        "Add ``permissions`` to the role (those it has already are kept as they are).",
        _NO_ROLE,
        call='self._change_permissions("add", permissions, role_name)',
    ),
    _rbac(
        "remove_permissions",
        (),
        ("permissions", "role_name"),
        "None",
        """Remove ``permissions`` from the role (those it does not have are ignored). A role
left without permissions still exists.""",
        _NO_ROLE,
        call='self._change_permissions("remove", permissions, role_name)',
    ),
    _rbac(
        "has_permissions",
        (),
        ("permissions", "role"),
        "bool",
        """Whether the role ``role`` has every action of every permission given (asked per
action, concurrently). A role that does not exist has none.""",
        """Examples:
    >>> await client.roles.has_permissions(
    ...     permissions=Permissions.data(collection="Article", read=True), role="reader"
    ... )
    True""",
        annotations={
            "permissions": (
                "PermissionsInputType | PermissionsOutputType | Sequence[PermissionsOutputType]"
            )
        },
    ),
]


def _rbac_header(what: str, owner: str, imports: str, cls: str, stubs: list[str]) -> str:
    """The header of a generated module of roles, users or groups methods: ``stubs`` are the
    private methods of ``owner`` that the public ones call (``name(params) -> returns``)."""
    declared = "".join(f"\n        async def {stub}:\n            ...\n" for stub in stubs)
    return f'''"""The public methods of ``{what}``: signatures, overloads and documentation.

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``{owner}`` inherits them and holds the
requests they make.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, overload
{imports}
__all__ = ["{cls}"]


class {cls}:
    """The public methods of ``{what}``; the requests are the subclass's."""

    if TYPE_CHECKING:
{declared}'''


_CHANGE = '_change(self, verb: Literal["assign", "revoke"], {}: object, role_names: object) -> None'
_MODELS = "\nfrom weaviate_async.models.{} import {}\n"
USER_ROLES_MODULE = "weaviate_async/users/_role_methods.py"
USER_ROLES_HEADER = _rbac_header(
    "users.db`` and ``users.oidc",
    "_UserRoles",
    _MODELS.format("rbac", "Role, RoleBase"),
    "_UserRoleMethods",
    [
        "_get_assigned_roles(self, user_id: object, include_permissions: object) -> "
        "dict[str, Role] | dict[str, RoleBase]",
        _CHANGE.format("user_id"),
    ],
)
GROUPS_MODULE = "weaviate_async/groups/_methods.py"
GROUPS_HEADER = _rbac_header(
    "client.groups.oidc",
    "_GroupsOIDCAsync",
    _MODELS.format("rbac", "Role, RoleBase"),
    "_GroupsOIDCMethods",
    [
        "_get_assigned_roles(self, group_id: object, include_permissions: object) -> "
        "dict[str, Role] | dict[str, RoleBase]",
        _CHANGE.format("group_id"),
        "_get_known_group_names(self) -> list[str]",
    ],
)
USER_DB_MODULE = "weaviate_async/users/_db_methods.py"
USER_DB_HEADER = _rbac_header(
    "client.users.db",
    "_UsersDBAsync",
    _MODELS.format("users", "UserDB"),
    "_UsersDBMethods",
    [
        "_create(self, user_id: object) -> str",
        "_delete(self, user_id: object) -> bool",
        "_rotate_key(self, user_id: object) -> str",
        "_activate(self, user_id: object) -> bool",
        "_deactivate(self, user_id: object, revoke_key: object) -> bool",
        "_get(self, user_id: object, include_last_used_time: object) -> UserDB | None",
        "_list_all(self, include_last_used_time: object) -> list[UserDB]",
    ],
)
USERS_MODULE = "weaviate_async/users/_methods.py"
USERS_HEADER = _rbac_header(
    "client.users",
    "_UsersAsync",
    "\nfrom weaviate_async.models.rbac import Role\n"
    "from weaviate_async.models.users import OwnUser\n",
    "_UsersMethods",
    [
        "_get_my_user(self) -> OwnUser",
        "_get_assigned_roles(self, user_id: object) -> dict[str, Role]",
        _CHANGE.replace("_change", "_deprecated_change").format("user_id"),
    ],
)
ROLES_MODULE = "weaviate_async/rbac/_methods.py"
ROLES_HEADER = _rbac_header(
    "client.roles",
    "_RolesAsync",
    "\nfrom collections.abc import Sequence\n\nfrom weaviate_async.models.rbac import (\n"
    "    GroupAssignment,\n    PermissionsInputType,\n    PermissionsOutputType,\n"
    "    Role,\n    UserAssignment,\n)\n",
    "_RolesMethods",
    [
        "_list_all(self) -> dict[str, Role]",
        "_get_current_roles(self) -> list[Role]",
        "_exists(self, role_name: object) -> bool",
        "_get(self, role_name: object) -> Role | None",
        "_create(self, role_name: object, permissions: object) -> Role",
        "_get_user_assignments(self, role_name: object) -> list[UserAssignment]",
        "_get_group_assignments(self, role_name: object) -> list[GroupAssignment]",
        "_get_assigned_user_ids(self, role_name: object) -> list[str]",
        "_delete(self, role_name: object) -> None",
        '_change_permissions(self, verb: Literal["add", "remove"], permissions: object, '
        "role_name: object) -> None",
        "_has_permissions(self, permissions: object, role: object) -> bool",
    ],
)


# ------------------------------------------------------------------ collection.config

_UPDATE_FIELDS = (
    "description",
    "property_descriptions",
    "inverted_index_config",
    "multi_tenancy_config",
    "object_ttl_config",
    "replication_config",
    "vector_index_config",
    "vectorizer_config",
    "vector_config",
    "generative_config",
    "reranker_config",
)
CONFIG_PARAMS: dict[str, Param] = {
    "simple": Param(
        "bool", False, "return the :class:`CollectionConfigSimple` view instead of the full one."
    ),
    "description": Param("str | None", None, ""),
    "property_descriptions": Param("dict[str, str] | None", None, ""),
    "inverted_index_config": Param("_InvertedIndexConfigUpdate | None", None, ""),
    "multi_tenancy_config": Param("_MultiTenancyConfigUpdate | None", None, ""),
    "object_ttl_config": Param("_ObjectTTLConfigUpdate | None", None, ""),
    "replication_config": Param("_ReplicationConfigUpdate | None", None, ""),
    "vector_index_config": Param("_VectorIndexConfigUpdate | None", None, ""),
    "vectorizer_config": Param(
        "_VectorIndexConfigUpdate | list[_VectorConfigUpdate] | None", None, ""
    ),
    "vector_config": Param("_VectorConfigUpdate | list[_VectorConfigUpdate] | None", None, ""),
    "generative_config": Param("_GenerativeProvider | None", None, ""),
    "reranker_config": Param("_RerankerProvider | None", None, ""),
    "prop": Param("Property", REQUIRED, ""),
    "ref": Param("ReferenceProperty", REQUIRED, ""),
    "vector_name": Param("str", REQUIRED, ""),
    "property_name": Param("str", REQUIRED, "the property."),
    "index_name": Param(
        "IndexName", REQUIRED, "``searchable``, ``filterable`` or ``rangeFilters``."
    ),
    "status": Param('Literal["READY", "READONLY"]', REQUIRED, "``READY`` or ``READONLY``."),
    "shard_names": Param(
        "str | list[str] | None", None, "a shard name, a list of them, or None for every shard."
    ),
}

CONFIG_METHODS = [
    Method(
        "get",
        ("simple",),
        (),
        "CollectionConfig | CollectionConfigSimple",
        "The collection's configuration.",
        """Raises:
    UnexpectedStatusCodeError: the collection does not exist (status 404) or the
        server refused the request.""",
        "self._get(simple)",
        overloads=(
            ({"simple": "simple: Literal[False] = False"}, "CollectionConfig"),
            ({"simple": "simple: Literal[True]"}, "CollectionConfigSimple"),
            ({}, "CollectionConfig | CollectionConfigSimple"),
        ),
    ),
    Method(
        "update",
        (),
        _UPDATE_FIELDS,
        "None",
        """Change the mutable parts of the configuration (build them with ``Reconfigure``).

The current configuration is read, the changes merged in, and the result written back.""",
        """Raises:
    WeaviateInvalidInputError: an argument is invalid, or names a missing property or
        vector, or changes something immutable the client can detect.
    WeaviateUnsupportedFeatureError: ``stopword_presets`` is set and the server is
        older than 1.37.0.
    UnexpectedStatusCodeError: the server refused the change (its message is kept).""",
        "self._update({" + ", ".join(f'"{f}": {f}' for f in _UPDATE_FIELDS) + "})",
        args_doc=False,
    ),
    Method(
        "add_property",
        ("prop",),
        (),
        "None",
        "Add a data property.",
        """Raises:
    WeaviateInvalidInputError: ``prop`` is not a :class:`Property`, its name is invalid
        for a collection, or the collection has a property of that name already.
    WeaviateUnsupportedFeatureError: ``prop`` sets ``text_analyzer`` and the server is
        older than 1.37.0.""",
        "self._add_property(prop)",
        args_doc=False,
    ),
    Method(
        "add_reference",
        ("ref",),
        (),
        "None",
        "Add a cross-reference property.",
        """Raises:
    WeaviateInvalidInputError: ``ref`` is not a :class:`ReferenceProperty` or the
        collection has a property of that name already.""",
        "self._add_reference(ref)",
        args_doc=False,
    ),
    Method(
        "add_vector",
        (),
        ("vector_config",),
        "None",
        "Add one or more named vectors (``Configure.Vectors.*``) to the collection.",
        """Raises:
    WeaviateInvalidInputError: the vector config is invalid, unnamed among several, or
        a vector of that name exists already.""",
        "self._add_vector(vector_config)",
        annotations={"vector_config": "_VectorConfigCreate | Sequence[_VectorConfigCreate]"},
        required=("vector_config",),
        args_doc=False,
    ),
    Method(
        "delete_vector_index",
        ("vector_name",),
        (),
        "None",
        """Drop the index of the named vector ``vector_name``, and with it the vector's data.

Irreversible. The server drops the index in the background: until it is done,
``config.get()`` reports the vector with a :class:`VectorIndexConfigNone` index; then
the vector leaves ``vector_config``, and a new vector of that name can be added with
:meth:`add_vector`. Searches and writes that target it are refused from now on.
Repeating the call while the drop runs succeeds; after it, the server answers 422.""",
        """Raises:
    WeaviateInvalidInputError: ``vector_name`` is not a non-empty str.
    UnexpectedStatusCodeError: the server refused (no such vector, a legacy unnamed
        vector, or the endpoint disabled).""",
        "self._delete_vector_index(vector_name)",
        args_doc=False,
    ),
    Method(
        "delete_property_index",
        ("property_name", "index_name"),
        (),
        "bool",
        "Drop one inverted index of a property.",
        """Returns:
    True once the server has dropped the index.""",
        "self._delete_property_index(property_name, index_name)",
    ),
    Method(
        "get_shards",
        (),
        (),
        "list[ShardStatus]",
        "The status of the collection's shards (only this handle's tenant, when set).",
        "",
        "self._get_shards()",
    ),
    Method(
        "update_shards",
        ("status", "shard_names"),
        (),
        "dict[str, ShardTypes]",
        "Set the status of some or all shards.",
        """Returns:
    The new status of each updated shard, by name.""",
        "self._update_shards(status, shard_names)",
    ),
]

CONFIG_MODULE = "weaviate_async/collections/_config_methods.py"
CONFIG_HEADER = '''"""The public methods of ``collection.config``: signatures, overloads and documentation.

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``_ConfigCollectionAsync``
(:mod:`weaviate_async.collections.config`) inherits them and holds the requests they make.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from weaviate_async.classes._config_base import (
    _GenerativeProvider,
    _RerankerProvider,
    _VectorConfigCreate,
)
from weaviate_async.classes.config_collection import (
    _InvertedIndexConfigUpdate,
    _MultiTenancyConfigUpdate,
    _ObjectTTLConfigUpdate,
    _ReplicationConfigUpdate,
)
from weaviate_async.classes.config_index import _VectorConfigUpdate, _VectorIndexConfigUpdate
from weaviate_async.classes.config_models import (
    CollectionConfig,
    CollectionConfigSimple,
    ShardStatus,
    ShardTypes,
)
from weaviate_async.classes.config_properties import IndexName, Property, ReferenceProperty

__all__ = ["_ConfigMethods"]


class _ConfigMethods:
    """The public methods of ``collection.config``; the requests are the subclass's."""

    if TYPE_CHECKING:

        async def _get(self, simple: object) -> CollectionConfig | CollectionConfigSimple: ...

        async def _update(self, kwargs: dict[str, Any]) -> None: ...

        async def _add_property(self, prop: object) -> None: ...

        async def _add_reference(self, ref: object) -> None: ...

        async def _add_vector(
            self, vector_config: _VectorConfigCreate | Sequence[_VectorConfigCreate]
        ) -> None: ...

        async def _delete_vector_index(self, vector_name: str) -> None: ...

        async def _delete_property_index(self, property_name: str, index_name: object) -> bool: ...

        async def _get_shards(self) -> list[ShardStatus]: ...

        async def _update_shards(
            self, status: Literal["READY", "READONLY"], shard_names: object
        ) -> dict[str, ShardTypes]: ...
'''


# ------------------------------------------------------------------ client.tokenization

TOKENIZE_PARAMS: dict[str, Param] = {
    "text": Param("str", REQUIRED, "the text."),
    "tokenization": Param(
        "Tokenization",
        REQUIRED,
        "``word``, ``lowercase``, ``whitespace``, ``field``, ``trigram``, or ``gse`` / "
        "``gse_ch`` / ``kagome_ja`` / ``kagome_kr`` where the server enables them "
        "(``ENABLE_TOKENIZER_*``).",
    ),
    "analyzer_config": Param(
        "TextAnalyzerConfigCreate | None",
        None,
        "ASCII folding and the stopword preset (``Configure.text_analyzer(...)``).",
    ),
    "stopwords": Param(
        "StopwordsCreate | StopwordsConfig | None",
        None,
        "a stopword block: preset, additions, removals.",
    ),
    "stopword_presets": Param("dict[str, list[str]] | None", None, "preset name -> list of words."),
    "collection": Param("str", REQUIRED, "the collection (or an alias)."),
    "property_name": Param("str", REQUIRED, "the property whose settings apply."),
}
_ANALYZER_ANY = "analyzer_config: TextAnalyzerConfigCreate | None = ..."
_STOPWORDS_ANY = "stopwords: StopwordsCreate | StopwordsConfig | None = ..."
_PRESETS_ANY = "stopword_presets: dict[str, list[str]] | None = ..."

TOKENIZE_METHODS = [
    Method(
        "text",
        ("text", "tokenization"),
        ("analyzer_config", "stopwords", "stopword_presets"),
        "TokenizeResult",
        """Tokenize ``text`` as a property with ``tokenization`` would be.

Word tokenization removes the ``en`` stopwords from the query tokens unless told
otherwise. ``stopwords`` (a one-off stopword block, as a collection's
``inverted_index`` has) and ``stopword_presets`` (named word lists that
``analyzer_config.stopword_preset`` can refer to, also overriding ``en`` / ``none``)
are exclusive.""",
        """Raises:
    WeaviateInvalidInputError: an argument is invalid, or both ``stopwords`` and
        ``stopword_presets`` are given; nothing is sent.
    WeaviateUnsupportedFeatureError: the server is older than 1.37.
    UnexpectedStatusCodeError: the server refused (e.g. a tokenizer it does not
        enable), with its message.

Examples:
    >>> await client.tokenization.text(
    ...     "The café",
    ...     Tokenization.WORD,
    ...     analyzer_config=Configure.text_analyzer(ascii_fold=True),
    ... )""",
        "self._text(text, tokenization, analyzer_config, stopwords, stopword_presets)",
        overloads=(
            (
                {
                    "analyzer_config": _ANALYZER_ANY,
                    "stopwords": _STOPWORDS_ANY,
                    "stopword_presets": "",
                },
                "TokenizeResult",
            ),
            (
                {
                    "analyzer_config": _ANALYZER_ANY,
                    "stopwords": "",
                    "stopword_presets": _PRESETS_ANY,
                },
                "TokenizeResult",
            ),
            (
                {
                    "analyzer_config": _ANALYZER_ANY,
                    "stopwords": _STOPWORDS_ANY,
                    "stopword_presets": _PRESETS_ANY,
                },
                "TokenizeResult",
            ),
        ),
    ),
    Method(
        "for_property",
        ("collection", "property_name", "text"),
        (),
        "TokenizeResult",
        "Tokenize ``text`` with the tokenization and analyzer settings of a property.",
        """Raises:
    WeaviateInvalidInputError: an argument is invalid; nothing is sent.
    WeaviateUnsupportedFeatureError: the server is older than 1.37.
    UnexpectedStatusCodeError: the collection or the property does not exist (404), or
        the server refused, with its message.""",
        "self._for_property(collection, property_name, text)",
    ),
]

TOKENIZE_MODULE = "weaviate_async/tokenization/_methods.py"
TOKENIZE_HEADER = '''"""The public methods of ``client.tokenization``: signatures, overloads and documentation.

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``_TokenizationAsync``
(:mod:`weaviate_async.tokenization.namespace`) inherits them and holds the requests they make.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, overload

from weaviate_async.classes.config_models import StopwordsConfig
from weaviate_async.classes.config_properties import (
    StopwordsCreate,
    TextAnalyzerConfigCreate,
    Tokenization,
)
from weaviate_async.models.tokenization import TokenizeResult

__all__ = ["_TokenizationMethods"]


class _TokenizationMethods:
    """The public methods of ``client.tokenization``; the requests are the subclass's."""

    if TYPE_CHECKING:

        async def _text(
            self,
            text: object,
            tokenization: object,
            analyzer_config: object,
            stopwords: object,
            stopword_presets: object,
        ) -> TokenizeResult: ...

        async def _for_property(
            self, collection: object, property_name: str, text: str
        ) -> TokenizeResult: ...
'''


# ------------------------------------------------------------------ client.collections

COLLECTIONS_PARAMS: dict[str, Param] = {
    "config": Param("CollectionConfig", REQUIRED, ""),
    "name": Param("str", REQUIRED, "a collection name or a list of names."),
    "simple": Param(
        "bool",
        True,
        "return :class:`CollectionConfigSimple` views (default) or full configs.",
    ),
}
_ALREADY = "ObjectAlreadyExistsError: a collection of that name exists already."
_ANY_COLLECTION = "CollectionAsync[Any, Any]"

COLLECTIONS_METHODS = [
    Method(
        "create_from_dict",
        ("config",),
        (),
        _ANY_COLLECTION,
        """Create a collection from the server's class JSON (e.g. ``CollectionConfig.to_dict()``).

Named vectors whose index was dropped (``vectorIndexType: none``, see
``collection.config.delete_vector_index``) cannot be created: they are left out, with a
``UserWarning`` naming them.""",
        f"""Raises:
    WeaviateInvalidInputError: ``config`` is not a dict, has no valid ``class`` name, or
        every one of its named vectors was dropped (the server would otherwise give the
        collection its default index).
    {_ALREADY}""",
        "self._create_from_dict(config)",
        annotations={"config": "Mapping[str, Any]"},
        args_doc=False,
    ),
    Method(
        "create_from_config",
        ("config",),
        (),
        _ANY_COLLECTION,
        """Create a collection from a :class:`CollectionConfig` (e.g. another collection's).

Vectors whose index was dropped are left out with a warning, as in
:meth:`create_from_dict`.""",
        """Raises:
    WeaviateInvalidInputError: ``config`` has no vector left at all (neither named
        vectors nor a legacy vectorizer: every vector was dropped and cleaned up); the
        server would give the new collection its default index instead.""",
        "self._create_from_config(config)",
        args_doc=False,
    ),
    Method(
        "exists",
        ("name",),
        (),
        "bool",
        "Whether the collection ``name`` exists.",
        """Raises:
    WeaviateInvalidInputError: ``name`` is not a str, or is empty (its path would be
        the whole schema's).""",
        "self._exists(name)",
        args_doc=False,
    ),
    Method(
        "export_config",
        ("name",),
        (),
        "CollectionConfig",
        "The full configuration of the collection ``name``.",
        """Raises:
    UnexpectedStatusCodeError: the collection does not exist (status 404).""",
        "self._export_config(name)",
        args_doc=False,
    ),
    Method(
        "list_all",
        ("simple",),
        (),
        "dict[str, CollectionConfig] | dict[str, CollectionConfigSimple]",
        "Every collection's configuration, by name, sorted by name.",
        "",
        "self._list_all(simple)",
        overloads=(
            ({"simple": "simple: Literal[False]"}, "dict[str, CollectionConfig]"),
            ({"simple": "simple: Literal[True] = ..."}, "dict[str, CollectionConfigSimple]"),
            (
                {"simple": "simple: bool = ..."},
                "dict[str, CollectionConfig] | dict[str, CollectionConfigSimple]",
            ),
        ),
    ),
    Method(
        "delete",
        ("name",),
        (),
        "None",
        "Delete one collection or several, with all their objects. Missing ones are ignored.",
        "",
        "self._delete(name)",
        annotations={"name": "str | list[str]"},
    ),
    Method(
        "delete_all",
        (),
        (),
        "None",
        "Delete every collection of the server, with all their objects. Use with care.",
        "",
        "self._delete_all()",
    ),
]

COLLECTIONS_MODULE = "weaviate_async/collections/_collections_methods.py"
COLLECTIONS_HEADER = '''"""The public methods of ``client.collections`` (but ``create``, ``get`` and ``use``): signatures,
overloads and documentation.

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``_CollectionsAsync``
(:mod:`weaviate_async.collections.collections`) inherits them and holds the requests they make.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

from weaviate_async.classes.config_models import CollectionConfig, CollectionConfigSimple
from weaviate_async.collections.collection import CollectionAsync

__all__ = ["_CollectionsMethods"]


class _CollectionsMethods:
    """The public methods of ``client.collections``; the requests are the subclass's."""

    if TYPE_CHECKING:

        async def _create_from_dict(self, config: object) -> CollectionAsync[Any, Any]: ...

        async def _create_from_config(self, config: object) -> CollectionAsync[Any, Any]: ...

        async def _exists(self, name: object) -> bool: ...

        async def _export_config(self, name: object) -> CollectionConfig: ...

        async def _list_all(
            self, simple: object
        ) -> dict[str, CollectionConfig] | dict[str, CollectionConfigSimple]: ...

        async def _delete(self, name: object) -> None: ...

        async def _delete_all(self) -> None: ...
'''


# ------------------------------------------------------------------ client.batch, collection.batch

_PROGRESS = "show progress (True: a tqdm or rich bar; or a callable ``(done, failed, added)``)."
_STREAM = (
    "A batch using server-side batching (the ``BatchStream`` RPC): the server sets the\n"
    "pace, and a node that shuts down hands the stream over without losing anything."
)
_FIXED = "A batch sending ``batch_size`` objects per request, ``concurrent_requests`` at once."
_RATE = "A batch sending at most ``requests_per_minute`` objects per minute"

BATCH_PARAMS: dict[str, Param] = {
    "consistency_level": Param(
        "ConsistencyLevel | None", None, "the consistency level of the writes."
    ),
    "progress": Param("ProgressOption", False, "as for :meth:`dynamic`."),
    "batch_size": Param("int", 100, "objects per request."),
    "concurrent_requests": Param("int", 2, "requests in flight at most."),
    "requests_per_minute": Param("int", REQUIRED, "objects per minute at most."),
    "concurrency": Param("int | None", None, "streams to open at once (default 1)."),
}

#: ``client.batch`` (the collection-level methods drop ``consistency_level``: the handle's)
BATCH_WRAPPER_METHODS = [
    Method(
        "dynamic",
        ("consistency_level",),
        ("progress",),
        "_BatchClientAsync",
        "A batch whose requests are sized from the server's answers.",
        "",
        "self._batch(DynamicSizing, consistency_level, progress)",
        docs={"progress": _PROGRESS},
        is_async=False,
    ),
    Method(
        "fixed_size",
        ("batch_size", "concurrent_requests", "consistency_level"),
        ("progress",),
        "_BatchClientAsync",
        _FIXED,
        "",
        "self._batch(fixed_sizing(batch_size, concurrent_requests), consistency_level, progress)",
        is_async=False,
    ),
    Method(
        "rate_limit",
        ("requests_per_minute", "consistency_level"),
        ("progress",),
        "_BatchClientAsync",
        _RATE + " (for vectorizer\nmodules whose provider limits the rate).",
        "",
        "self._batch(rate_sizing(requests_per_minute), consistency_level, progress)",
        is_async=False,
    ),
    Method(
        "stream",
        (),
        ("concurrency", "consistency_level", "progress"),
        "_BatchClientAsync",
        _STREAM,
        "",
        "self._batch(DynamicSizing, consistency_level, progress, self._stream_count(concurrency))",
        is_async=False,
    ),
    Method(
        "experimental",
        (),
        ("concurrency", "consistency_level"),
        "_BatchClientAsync",
        "The former name of :meth:`stream`.",
        "",
        "self.stream(concurrency=concurrency, consistency_level=consistency_level)",
        args_doc=False,
        is_async=False,
    ),
]


def _collection_batch(method: Method) -> Method:
    """The ``collection.batch`` form of a ``client.batch`` method: no consistency level."""
    drop = "consistency_level"
    summary = method.summary
    if method.name == "rate_limit":
        summary = _RATE + "."
    return replace(
        method,
        positional=tuple(n for n in method.positional if n != drop),
        keywords=tuple(n for n in method.keywords if n != drop),
        returns="_BatchCollectionAsync[Properties]",
        summary=summary,
        call=method.call.replace("consistency_level=consistency_level", "")
        .replace(", consistency_level", "")
        .replace("(concurrency=concurrency, )", "(concurrency=concurrency)"),
    )


BATCH_WRAPPER_MODULE = "weaviate_async/collections/batch/_wrapper_methods.py"
BATCH_WRAPPER_HEADER = '''"""The batch modes of ``client.batch`` and ``collection.batch``: their signatures and
documentation.

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``_BatchClientWrapperAsync`` and
``_BatchCollectionWrapperAsync`` (:mod:`weaviate_async.collections.batch.wrapper`) inherit
them and hold the ``_batch`` they call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic

from weaviate_async.collections.batch.progress import ProgressOption
from weaviate_async.collections.batch.sizing import DynamicSizing, fixed_sizing, rate_sizing
from weaviate_async.models.consistency import ConsistencyLevel
from weaviate_async.typevars import Properties

if TYPE_CHECKING:
    from weaviate_async.collections.batch.base import _BatchClientAsync, _BatchCollectionAsync
    from weaviate_async.collections.batch.sizing import Sizing

__all__ = ["_BatchClientWrapperMethods", "_BatchCollectionWrapperMethods"]


class _BatchClientWrapperMethods:
    """The batch modes of ``client.batch``; ``_batch`` is the subclass's."""

    if TYPE_CHECKING:

        def _batch(
            self,
            sizing: Callable[[], Sizing],
            consistency_level: Any,
            progress: ProgressOption,
            streams: int = 0,
        ) -> _BatchClientAsync:
            """A batch of this mode, with a fresh ledger."""
            ...

        def _stream_count(self, concurrency: int | None) -> int:
            """The streams of a ``stream()`` batch (the server must have the RPC)."""
            ...
'''

BATCH_COLLECTION_WRAPPER_HEADER = '''

class _BatchCollectionWrapperMethods(Generic[Properties]):
    """The batch modes of ``collection.batch``; ``_batch`` is the subclass's."""

    if TYPE_CHECKING:

        def _batch(
            self, sizing: Callable[[], Sizing], progress: ProgressOption, streams: int = 0
        ) -> _BatchCollectionAsync[Properties]:
            """A batch of this mode, with a fresh ledger."""
            ...

        def _stream_count(self, concurrency: int | None) -> int:
            """The streams of a ``stream()`` batch (the server must have the RPC)."""
            ...
'''

_ADD_OBJECT = """Add one object to the batch; it is sent in the background.

An object with the uuid of an existing object replaces it."""
_ADD_OBJECT_SECTIONS = """Returns:
    The object's uuid (the one given, or the one made for it).

Raises:
    WeaviateInvalidInputError: an argument is invalid (the field names the object's
        index); nothing of it is sent. A property value that cannot be encoded does
        not raise: the object ends in ``failed_objects``."""
_ADD_REFERENCE_SECTIONS = """Raises:
    WeaviateInvalidInputError: an argument is invalid; nothing is sent."""
_OBJECT_ARGS = ("properties", "references", "uuid", "vector")
_REFERENCE_ARGS = ("from_uuid", "from_collection", "from_property", "to", "tenant")

ADD_PARAMS: dict[str, Param] = {
    "collection": Param("str", REQUIRED, "the collection to add it to."),
    "properties": Param("Mapping[str, Any] | None", None, "its property values by name."),
    "references": Param(
        "ReferenceInputs | None",
        None,
        "reference property name -> UUID, list of UUIDs or ReferenceToMulti.",
    ),
    "uuid": Param("UUID | None", None, "its uuid; a random one when None."),
    "vector": Param(
        "Any",
        None,
        "one vector (list, tuple or numpy array), or named vectors ``{name: vector}`` "
        "(a named multi-vector is a list of vectors or a 2-D array).",
    ),
    "tenant": Param("Any", None, "the tenant, for multi-tenant collections."),
    "from_uuid": Param("UUID", REQUIRED, "the uuid of the object the reference starts from."),
    "from_collection": Param("str", REQUIRED, "that object's collection."),
    "from_property": Param("str", REQUIRED, "the reference property."),
    "to": Param(
        "ReferenceInput | Sequence[UUID]",
        REQUIRED,
        "the target's uuid, a list of uuids, or a ``ReferenceToMulti`` for a "
        "multi-target reference property.",
    ),
}

_CLIENT_OBJECT = "self._client_object(collection, properties, references, uuid, vector, tenant)"
_CLIENT_REFS = "self._client_references(from_uuid, from_collection, from_property, to, tenant)"
_SCOPED_OBJECT = "self._scoped_object(properties, references, uuid, vector)"
_SCOPED_REFS = "self._scoped_references(from_uuid, from_property, to)"

BATCH_CLIENT_ADD_METHODS = [
    Method(
        "add_object",
        ("collection", *_OBJECT_ARGS, "tenant"),
        (),
        "UUID",
        _ADD_OBJECT,
        _ADD_OBJECT_SECTIONS,
        f"self._put_object({_CLIENT_OBJECT}, uuid)",
        docs={"tenant": "the tenant (a name or a ``Tenant``), for multi-tenant collections."},
        via="_add_object_threadsafe",
        via_call=f"self._put_object_threadsafe({_CLIENT_OBJECT}, uuid)",
    ),
    Method(
        "add_reference",
        _REFERENCE_ARGS,
        (),
        "None",
        "Add a reference (or one per target) to the batch; it is sent once the objects added\n"
        "before it were answered.",
        _ADD_REFERENCE_SECTIONS,
        f"self._running().put_references({_CLIENT_REFS})",
        via="_add_reference_threadsafe",
        via_call=f"self._running().put_references_threadsafe({_CLIENT_REFS})",
    ),
]

BATCH_COLLECTION_ADD_METHODS = [
    Method(
        "add_object",
        _OBJECT_ARGS,
        (),
        "UUID",
        _ADD_OBJECT,
        _ADD_OBJECT_SECTIONS,
        f"self._put_object({_SCOPED_OBJECT}, uuid)",
        annotations={"properties": "Properties | None"},
        via="_add_object_threadsafe",
        via_call=f"self._put_object_threadsafe({_SCOPED_OBJECT}, uuid)",
    ),
    Method(
        "add_reference",
        ("from_uuid", "from_property", "to"),
        (),
        "None",
        "Add a reference (or one per target) from an object of this collection; it is sent\n"
        "once the objects added before it were answered.",
        _ADD_REFERENCE_SECTIONS,
        f"self._running().put_references({_SCOPED_REFS})",
        via="_add_reference_threadsafe",
        via_call=f"self._running().put_references_threadsafe({_SCOPED_REFS})",
    ),
]

_ADD_HOOKS = '''
        def _running(self) -> BatchEngine:
            """The running engine (raises outside the ``with`` block)."""
            ...

        async def _put_object(self, item: PendingObject | UUID, given: UUID | None) -> UUID:
            """Queue an encoded object; its uuid."""
            ...

        def _put_object_threadsafe(self, item: PendingObject | UUID, given: UUID | None) -> UUID:
            """Queue an encoded object from the caller's thread; its uuid."""
            ...
'''

BATCH_ADD_MODULE = "weaviate_async/collections/batch/_add_methods.py"
BATCH_ADD_HEADER = (
    '''"""``add_object`` and ``add_reference`` of the batch objects: their signatures and
documentation, and their blocking paths (``@sync_via``).

Generated by ``tools/gen_methods.py`` from its table; change the table and regenerate
(``python tools/gen_methods.py``), not this file. ``_BatchClientAsync`` and
``_BatchCollectionAsync`` (:mod:`weaviate_async.collections.batch.base`) inherit them and
hold the encoding they call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic

from weaviate_async._twin import sync_via
from weaviate_async.typevars import Properties

if TYPE_CHECKING:
    from weaviate_async.classes.data import UUID, ReferenceInput, ReferenceInputs
    from weaviate_async.collections.batch.engine import BatchEngine
    from weaviate_async.wire.batch import PendingObject, PendingReference

__all__ = ["_BatchClientMethods", "_BatchCollectionMethods"]


class _BatchClientMethods:
    """``add_object`` and ``add_reference`` of a client-level batch."""

    if TYPE_CHECKING:
'''
    + _ADD_HOOKS
    + '''
        def _client_object(
            self,
            collection: str,
            properties: Mapping[str, Any] | None,
            references: ReferenceInputs | None,
            uuid: UUID | None,
            vector: Any,
            tenant: Any,
        ) -> PendingObject | UUID:
            """Check and encode one object."""
            ...

        def _client_references(
            self,
            from_uuid: UUID,
            from_collection: str,
            from_property: str,
            to: ReferenceInput | Sequence[UUID],
            tenant: Any,
        ) -> list[PendingReference]:
            """Check and encode references."""
            ...
'''
)
BATCH_COLLECTION_ADD_HEADER = (
    '''

class _BatchCollectionMethods(Generic[Properties]):
    """``add_object`` and ``add_reference`` of a collection-level batch."""

    if TYPE_CHECKING:
'''
    + _ADD_HOOKS
    + '''
        def _scoped_object(
            self,
            properties: Mapping[str, Any] | None,
            references: ReferenceInputs | None,
            uuid: UUID | None,
            vector: Any,
        ) -> PendingObject | UUID:
            """Check and encode one object of this collection."""
            ...

        def _scoped_references(
            self, from_uuid: UUID, from_property: str, to: ReferenceInput | Sequence[UUID]
        ) -> list[PendingReference]:
            """Check and encode references from an object of this collection."""
            ...
'''
)


@dataclass(frozen=True)
class TwoClassSurface:
    """A module with two mixins (client level, then collection level)."""

    module: str
    header: str
    second_header: str
    params: dict[str, Param]
    methods: list[Method]
    second_methods: list[Method]

    def render(self) -> str:
        first = "\n".join(_method(self.params, m) for m in self.methods)
        second = "\n".join(_method(self.params, m) for m in self.second_methods)
        return self.header + "\n" + first + self.second_header + "\n" + second


BATCH_SURFACES = [
    TwoClassSurface(
        BATCH_WRAPPER_MODULE,
        BATCH_WRAPPER_HEADER,
        BATCH_COLLECTION_WRAPPER_HEADER,
        BATCH_PARAMS,
        BATCH_WRAPPER_METHODS,
        [_collection_batch(m) for m in BATCH_WRAPPER_METHODS],
    ),
    TwoClassSurface(
        BATCH_ADD_MODULE,
        BATCH_ADD_HEADER,
        BATCH_COLLECTION_ADD_HEADER,
        ADD_PARAMS,
        BATCH_CLIENT_ADD_METHODS,
        BATCH_COLLECTION_ADD_METHODS,
    ),
]


SURFACES = [
    Surface(CLIENT_MODULE, CLIENT_HEADER, P, CLIENT_METHODS),
    Surface(COLLECTION_MODULE, COLLECTION_HEADER, P, COLLECTION_METHODS),
    Surface(TENANTS_MODULE, TENANTS_HEADER, TENANT_PARAMS, TENANT_METHODS),
    Surface(EXPORT_MODULE, EXPORT_HEADER, EXPORT_PARAMS, EXPORT_METHODS),
    Surface(REPLICATE_MODULE, REPLICATE_HEADER, REPLICATE_PARAMS, REPLICATE_METHODS),
    Surface(CLUSTER_MODULE, CLUSTER_HEADER, CLUSTER_PARAMS, CLUSTER_METHODS),
    Surface(DATA_MODULE, DATA_HEADER, DATA_PARAMS, DATA_METHODS),
    Surface(USER_ROLES_MODULE, USER_ROLES_HEADER, RBAC_PARAMS, USER_ROLE_METHODS),
    Surface(USER_DB_MODULE, USER_DB_HEADER, RBAC_PARAMS, USER_DB_METHODS),
    Surface(USERS_MODULE, USERS_HEADER, RBAC_PARAMS, USERS_METHODS),
    Surface(GROUPS_MODULE, GROUPS_HEADER, RBAC_PARAMS, GROUP_METHODS),
    Surface(ROLES_MODULE, ROLES_HEADER, RBAC_PARAMS, ROLES_METHODS),
    Surface(CONFIG_MODULE, CONFIG_HEADER, CONFIG_PARAMS, CONFIG_METHODS),
    Surface(TOKENIZE_MODULE, TOKENIZE_HEADER, TOKENIZE_PARAMS, TOKENIZE_METHODS),
    Surface(COLLECTIONS_MODULE, COLLECTIONS_HEADER, COLLECTIONS_PARAMS, COLLECTIONS_METHODS),
    *BATCH_SURFACES,
]


def outputs() -> list[tuple[str, str]]:
    return [(surface.module, surface.render()) for surface in SURFACES]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when a file is stale")
    args = parser.parse_args()
    stale = 0
    for module, source in outputs():
        path = REPO / module
        text = format_module(source, module)
        current = path.read_text() if path.exists() else ""
        if text == current:
            continue
        if args.check:
            stale += 1
            sys.stdout.writelines(
                difflib.unified_diff(
                    current.splitlines(True), text.splitlines(True), module, "generated", n=1
                )
            )
            print(f"{module} is stale: run python tools/gen_methods.py", file=sys.stderr)
        else:
            path.write_text(text)
            print(f"wrote {module}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
