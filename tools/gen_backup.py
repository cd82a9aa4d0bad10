"""Generate the public methods of ``client.backup`` and ``collection.backup`` from one table.

Usage::

    python tools/gen_backup.py           # (re)write the two method modules
    python tools/gen_backup.py --check   # exit 1 when they differ from what the table makes

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
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_search import REPO, format_module

REQUIRED = object()


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


def _param(method: Method, name: str) -> str:
    param = P[name]
    annotation = method.annotations.get(name, param.annotation)
    if param.default is REQUIRED:
        return f"{name}: {annotation}"
    return f"{name}: {annotation} = {param.default!r}"


def _docstring(method: Method) -> str:
    parts = [method.summary]
    if method.args_doc:
        args = ["Args:"]
        for name in (*method.positional, *method.keywords):
            doc = method.docs.get(name, P[name].doc)
            assert doc, f"{method.name}: {name} has no documentation"
            args.append(
                textwrap.fill(
                    f"{name}: {doc}", width=88, initial_indent="    ", subsequent_indent="        "
                )
            )
        parts.append("\n".join(args))
    parts.append(method.sections)
    text = "\n\n".join(parts)
    return '"""' + textwrap.indent(text, "        ").lstrip() + '\n        """'


def _method(method: Method) -> str:
    params = ["self", *(_param(method, n) for n in method.positional)]
    if method.keywords:
        params += ["*", *(_param(method, n) for n in method.keywords)]
    call = method.call if method.call.startswith("status_of(") else f"await {method.call}"
    return (
        f"    async def {method.name}({', '.join(params)}) -> {method.returns}:\n"
        f"        {_docstring(method)}\n"
        f"        return {call}\n"
    )


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

Generated by ``tools/gen_backup.py`` from its table; change the table and regenerate
(``python tools/gen_backup.py``), not this file. ``_BackupAsync``
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

Generated by ``tools/gen_backup.py`` from its table; change the table and regenerate
(``python tools/gen_backup.py``), not this file. ``_CollectionBackupAsync``
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


def render(header: str, methods: list[Method]) -> str:
    return header + "\n" + "\n".join(_method(m) for m in methods)


def outputs() -> list[tuple[str, str]]:
    return [
        (CLIENT_MODULE, render(CLIENT_HEADER, CLIENT_METHODS)),
        (COLLECTION_MODULE, render(COLLECTION_HEADER, COLLECTION_METHODS)),
    ]


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
            print(f"{module} is stale: run python tools/gen_backup.py", file=sys.stderr)
        else:
            path.write_text(text)
            print(f"wrote {module}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
