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
from weaviate_async.backup._methods import _BackupMethods
from weaviate_async.connect.retry import growing, poll
from weaviate_async.exceptions import (
    BackupCanceledError,
    BackupFailedError,
    WeaviateTimeoutError,
)
from weaviate_async.models.backup import (
    BackupListReturn,
    BackupReturn,
    BackupStatus,
    BackupStatusReturn,
    BackupStorage,
)
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
class _BackupAsync(_BackupMethods):
    """Backups of the server's collections (``client.backup``)."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

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

    async def _cancel(
        self, backup_id: object, backend: object, backup_location: object, operation: object
    ) -> bool:
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

    async def _list_backups(
        self, backend: object, sort_by_starting_time_asc: object
    ) -> list[BackupListReturn]:
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
