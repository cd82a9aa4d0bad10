"""``client.backup``: create and restore backups, follow and cancel them, list them.

A backup runs on the server after ``create`` (or ``restore``) returns; ``wait_for_completion``
follows it by polling its status until it is final, and raises :class:`BackupFailedError` or
:class:`BackupCanceledError` with the server's reason when it did not succeed. ``wait_timeout``
(ours alone) bounds that wait.

Examples:
    >>> from weaviate_async.classes.backup import BackupStorage
    >>> result = await client.backup.create(
    ...     "nightly", BackupStorage.FILESYSTEM, include_collections=["Article"],
    ...     wait_for_completion=True,
    ... )
    >>> result.status
    <BackupStatus.SUCCESS: 'SUCCESS'>
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import attrs

from weaviate_async._twin import twin
from weaviate_async._validate import check_bool, check_float, invalid
from weaviate_async.connect.retry import growing, poll
from weaviate_async.exceptions import (
    BackupCanceledError,
    BackupFailedError,
    WeaviateTimeoutError,
)
from weaviate_async.models.backup import (
    BackupConfigCreate,
    BackupConfigRestore,
    BackupListReturn,
    BackupReturn,
    BackupStatus,
    BackupStatusReturn,
    BackupStorage,
)
from weaviate_async.models.backup_location import BackupLocationType
from weaviate_async.wire.backup import (
    FINAL_STATUSES,
    backend_arg,
    backup_id_arg,
    backup_return_from_json,
    create_body,
    list_from_json,
    location_params,
    restore_body,
    status_from_json,
)

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_BackupAsync"]

_Kind = Literal["create", "restore"]
#: Status polls start this often and slow down to :data:`_MAX_POLL` seconds: a small backup
#: is done in about two seconds (the server's own coordination round), a large one in hours.
_FIRST_POLL = 0.2
_MAX_POLL = 1.0


def _wait_args(wait_for_completion: object, wait_timeout: object) -> None:
    check_bool(wait_for_completion, "wait_for_completion")
    if wait_for_completion is None:
        raise invalid("wait_for_completion", "must be a bool", wait_for_completion)
    check_float(wait_timeout, "wait_timeout", minimum=0)


@twin
class _BackupAsync:
    """Backups of the server's collections (``client.backup``)."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    # ------------------------------------------------------------------ create

    async def create(
        self,
        backup_id: str,
        backend: BackupStorage,
        include_collections: list[str] | str | None = None,
        exclude_collections: list[str] | str | None = None,
        incremental_base_backup_id: str | None = None,
        wait_for_completion: bool = False,
        config: BackupConfigCreate | None = None,
        backup_location: BackupLocationType | None = None,
        include_roles: list[str] | str | None = None,
        include_users: list[str] | str | None = None,
        *,
        wait_timeout: float | None = None,
    ) -> BackupReturn:
        """Start a backup of all collections, or of some.

        Args:
            backup_id: the backup's id: letters, digits, ``_`` and ``-``; lowercased (so not
                case sensitive).
            backend: where to write it: a :class:`BackupStorage` or its name (the server
                needs the backend's ``backup-*`` module).
            include_collections: the collection(s) to back up (default: all); wildcards such
                as ``"Prefix*"`` are the server's to expand.
            exclude_collections: the collection(s) to leave out; not with
                ``include_collections``.
            incremental_base_backup_id: the id of an earlier backup to build on: files that did
                not change since are not written again (server 1.37 and later).
            wait_for_completion: poll until the backup is done, and raise unless it succeeded.
            config: CPU share and compression (:class:`BackupConfigCreate`).
            backup_location: another path (and bucket) than the backend's configured one.
            include_roles: the RBAC roles to take along: names or ``*`` / ``?`` patterns, one
                or a list; None (the default) leaves the choice to the server (all roles), an
                empty list takes none. Needs server 1.40 or later when given.
            include_users: the database users to take along, as ``include_roles``. Needs
                server 1.40 or later when given.
            wait_timeout: ours alone: with ``wait_for_completion``, give up waiting after this
                many seconds (WeaviateTimeoutError; the backup goes on). None waits as long as
                it takes.

        Returns:
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
            >>> await client.backup.create("nightly", "filesystem", wait_for_completion=True)
        """
        return await self._create(
            "backup.create",
            backup_id,
            backend,
            include_collections,
            exclude_collections,
            incremental_base_backup_id,
            wait_for_completion,
            config,
            backup_location,
            wait_timeout,
            include_roles=include_roles,
            include_users=include_users,
        )

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
        bid = backup_id_arg(backup_id)
        storage = backend_arg(backend)
        _wait_args(wait_for_completion, wait_timeout)
        if include_roles is not None or include_users is not None:
            # Before the values are looked at, as the official client does (any value but
            # None needs the server); even an empty list: an older server would ignore the
            # key and back up every role and user, the opposite of what was asked.
            self._connection.require_version("Backup include_roles/include_users", "1.40.0")
        body = create_body(
            bid,
            include_collections=include_collections,
            exclude_collections=exclude_collections,
            incremental_base_backup_id=incremental_base_backup_id,
            config=config,
            backup_location=backup_location,
            include_roles=include_roles,
            include_users=include_users,
        )
        if incremental_base_backup_id is not None:
            self._connection.require_version("Incremental backups", "1.37.0")
        if backup_location is not None:
            self._connection.require_version("Backup locations", "1.27.2")
        reply = await self._connection.rest(
            "POST", f"/backups/{storage.value}", operation=operation, json=body
        )
        started = backup_return_from_json(reply, bid)
        if not wait_for_completion:
            return started
        return await self._wait(
            operation, "create", started, storage, backup_location, wait_timeout
        )

    async def get_create_status(
        self,
        backup_id: str,
        backend: BackupStorage,
        backup_location: BackupLocationType | None = None,
    ) -> BackupStatusReturn:
        """The state of a backup.

        Args:
            backup_id: the backup's id (lowercased).
            backend: where it is written.
            backup_location: its location, when it was created with one.

        Raises:
            UnexpectedStatusCodeError: no such backup (status 404), or the server refused.

        Examples:
            >>> (await client.backup.get_create_status("nightly", "filesystem")).status
        """
        return await self._status(
            "backup.get_create_status", "create", backup_id, backend, backup_location
        )

    # ------------------------------------------------------------------ restore

    async def restore(
        self,
        backup_id: str,
        backend: BackupStorage,
        include_collections: list[str] | str | None = None,
        exclude_collections: list[str] | str | None = None,
        roles_restore: Literal["noRestore", "all"] | None = None,
        users_restore: Literal["noRestore", "all"] | None = None,
        wait_for_completion: bool = False,
        config: BackupConfigRestore | None = None,
        backup_location: BackupLocationType | None = None,
        overwrite_alias: bool = False,
        *,
        wait_timeout: float | None = None,
    ) -> BackupReturn:
        """Restore the collections of a backup; they must not exist on the server.

        Args:
            backup_id: the backup's id (lowercased).
            backend: where it is written.
            include_collections: the collection(s) to restore (default: all it holds).
            exclude_collections: the collection(s) to leave out; not with
                ``include_collections``.
            roles_restore: ``"all"`` restores the RBAC roles of the backup, ``"noRestore"``
                (the server's default) does not.
            users_restore: ``"all"`` restores the database users of the backup,
                ``"noRestore"`` (the server's default) does not.
            wait_for_completion: poll until the restore is done, and raise unless it succeeded.
            config: the CPU share (:class:`BackupConfigRestore`).
            backup_location: the backup's location, when it was created with one.
            overwrite_alias: replace an existing alias of the same name as one in the backup.
            wait_timeout: ours alone: with ``wait_for_completion``, give up waiting after this
                many seconds (WeaviateTimeoutError; the restore goes on).

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            UnexpectedStatusCodeError: the server refused (no such backup: status 404).
            BackupFailedError: waiting, the restore failed (a collection exists already, ...);
                the server's reason is in the message and ``server_message``.
            BackupCanceledError: waiting, the restore was canceled.
            WeaviateTimeoutError: waiting, ``wait_timeout`` passed first.

        Examples:
            >>> await client.backup.restore("nightly", "filesystem", wait_for_completion=True)
        """
        return await self._restore(
            "backup.restore",
            backup_id,
            backend,
            include_collections,
            exclude_collections,
            roles_restore,
            users_restore,
            wait_for_completion,
            config,
            backup_location,
            overwrite_alias,
            wait_timeout,
        )

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
        bid = backup_id_arg(backup_id)
        storage = backend_arg(backend)
        _wait_args(wait_for_completion, wait_timeout)
        body = restore_body(
            include_collections=include_collections,
            exclude_collections=exclude_collections,
            roles_restore=roles_restore,
            users_restore=users_restore,
            config=config,
            backup_location=backup_location,
            overwrite_alias=overwrite_alias,
        )
        if backup_location is not None:
            self._connection.require_version("Backup locations", "1.27.2")
        reply = await self._connection.rest(
            "POST", f"/backups/{storage.value}/{bid}/restore", operation=operation, json=body
        )
        started = backup_return_from_json(reply, bid)
        if not wait_for_completion:
            return started
        return await self._wait(
            operation, "restore", started, storage, backup_location, wait_timeout
        )

    async def get_restore_status(
        self,
        backup_id: str,
        backend: BackupStorage,
        backup_location: BackupLocationType | None = None,
    ) -> BackupStatusReturn:
        """The state of the restore of a backup.

        Args:
            backup_id: the backup's id (lowercased).
            backend: where it is written.
            backup_location: its location, when it was created with one.

        Raises:
            UnexpectedStatusCodeError: the backup was never restored here (status 404), or
                the server refused.
        """
        return await self._status(
            "backup.get_restore_status", "restore", backup_id, backend, backup_location
        )

    # ------------------------------------------------------------------ cancel, list

    async def cancel(
        self,
        backup_id: str,
        backend: BackupStorage,
        backup_location: BackupLocationType | None = None,
        operation: Literal["create", "restore"] = "create",
    ) -> bool:
        """Cancel a running backup (``operation="create"``) or restore (``"restore"``).

        The server stops the operation's transfers; its status becomes CANCELED shortly after.
        An operation that finished before the cancel arrived is not undone.

        Args:
            backup_id: the backup's id (lowercased).
            backend: where it is written.
            backup_location: its location, when it was created with one.
            operation: which operation of the backup to cancel.

        Returns:
            True when the server accepted the cancel (also for an id it does not know), False
            when it answered 404.

        Raises:
            UnexpectedStatusCodeError: the server refused, e.g. the backup already succeeded
                (status 422, with its reason).
        """
        if operation not in ("create", "restore"):
            raise invalid("operation", "must be 'create' or 'restore'", operation)
        bid = backup_id_arg(backup_id)
        storage = backend_arg(backend)
        params = location_params(backup_location)
        if backup_location is not None:
            self._connection.require_version("Backup locations", "1.27.2")
        suffix = "/restore" if operation == "restore" else ""
        status, _ = await self._connection.rest_status(
            "DELETE",
            f"/backups/{storage.value}/{bid}{suffix}",
            operation="backup.cancel",
            params=params,
            ok=(204, 404),
        )
        return status == 204

    async def list_backups(
        self, backend: BackupStorage, sort_by_starting_time_asc: bool | None = None
    ) -> list[BackupListReturn]:
        """The backups on a backend, newest first unless ``sort_by_starting_time_asc``.

        Args:
            backend: the backend to list.
            sort_by_starting_time_asc: oldest first.

        Examples:
            >>> [b.backup_id for b in await client.backup.list_backups("filesystem")]
        """
        storage = backend_arg(backend)
        check_bool(sort_by_starting_time_asc, "sort_by_starting_time_asc")
        params = {"order": "asc"} if sort_by_starting_time_asc else None
        reply = await self._connection.rest(
            "GET", f"/backups/{storage.value}", operation="backup.list_backups", params=params
        )
        return list_from_json(reply)

    # ------------------------------------------------------------------ shared

    async def _status(
        self,
        operation: str,
        kind: _Kind,
        backup_id: object,
        backend: object,
        backup_location: object,
    ) -> BackupStatusReturn:
        bid = backup_id_arg(backup_id, status_path=True)
        storage = backend_arg(backend)
        params = location_params(backup_location)
        if backup_location is not None:
            self._connection.require_version("Backup locations", "1.27.2")
        return await self._status_checked(operation, kind, bid, storage, params)

    async def _status_checked(
        self,
        operation: str,
        kind: _Kind,
        bid: str,
        storage: BackupStorage,
        params: dict[str, str],
    ) -> BackupStatusReturn:
        suffix = "/restore" if kind == "restore" else ""
        reply = await self._connection.rest(
            "GET",
            f"/backups/{storage.value}/{bid}{suffix}",
            operation=operation,
            params=params or None,
        )
        return status_from_json(reply, bid)

    async def _wait(
        self,
        operation: str,
        kind: _Kind,
        started: BackupReturn,
        storage: BackupStorage,
        backup_location: object,
        wait_timeout: object,
    ) -> BackupReturn:
        """Poll the status of ``started`` until it is final; the final state as a
        :class:`BackupReturn`, or the error saying why it did not succeed."""
        bid = started.backup_id
        params = location_params(backup_location)
        limit = float(wait_timeout) if isinstance(wait_timeout, (int, float)) else None
        what = "backup" if kind == "create" else "restore of backup"
        last: list[BackupStatusReturn] = []

        async def probe() -> BackupStatusReturn | None:
            status = await self._status_checked(operation, kind, bid, storage, params)
            last[:] = [status]
            return status if status.status in FINAL_STATUSES else None

        def expired() -> WeaviateTimeoutError:
            return WeaviateTimeoutError(
                f"{operation}: the {what} {bid!r} is still {last[0].status.value} after "
                f"{limit:g} s (wait_timeout); it goes on on the server: follow it with "
                f"get_{kind}_status or stop it with cancel",
                operation=operation,
                target=f"/v1/backups/{storage.value}/{bid}",
            )

        status = await poll(
            probe,
            delays=growing(_FIRST_POLL, _MAX_POLL, 1.5),
            timeout=limit,
            expired=expired,
        )
        final = attrs.evolve(
            started,
            status=status.status,
            error=status.error,
            size=status.size or started.size,
            path=status.path or started.path,
        )
        if status.status is BackupStatus.SUCCESS:
            return final
        reason = status.error or "(the server gave no reason)"
        error_cls = (
            BackupFailedError if status.status is BackupStatus.FAILED else BackupCanceledError
        )
        verb = "failed" if status.status is BackupStatus.FAILED else "was canceled"
        raise error_cls(
            f"{operation}: the {what} {bid!r} on {storage.value} {verb}: {reason}",
            operation=operation,
            target=f"/v1/backups/{storage.value}/{bid}",
            server_message=status.error,
        )
