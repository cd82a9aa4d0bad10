"""``collection.backup``: back up and restore one collection.

The same operations as ``client.backup`` (:mod:`weaviate_async.backup.namespace`), with the
collection of the handle as the only one included.

Examples:
    >>> articles = client.collections.use("Article")
    >>> await articles.backup.create("articles-1", "filesystem", wait_for_completion=True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from weaviate_async._twin import twin
from weaviate_async.backup.namespace import _BackupAsync
from weaviate_async.models.backup import (
    BackupConfigCreate,
    BackupConfigRestore,
    BackupReturn,
    BackupStatusReturn,
    BackupStorage,
)
from weaviate_async.models.backup_location import BackupLocationType

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection
    from weaviate_async.models.scope import CollectionScope

__all__ = ["_CollectionBackupAsync"]


def _as_status(result: BackupReturn) -> BackupStatusReturn:
    return BackupStatusReturn(
        error=result.error,
        status=result.status,
        path=result.path,
        id=result.backup_id,
        size=result.size,
    )


@twin
class _CollectionBackupAsync:
    """Backups of one collection (``collection.backup``)."""

    def __init__(self, connection: Connection, scope: CollectionScope) -> None:
        self._name = scope.name
        self._backups = _BackupAsync(connection)

    async def create(
        self,
        backup_id: str,
        backend: BackupStorage,
        wait_for_completion: bool = False,
        config: BackupConfigCreate | None = None,
        backup_location: BackupLocationType | None = None,
        *,
        wait_timeout: float | None = None,
    ) -> BackupStatusReturn:
        """Start a backup of this collection.

        Args:
            backup_id: the backup's id: letters, digits, ``_`` and ``-``; lowercased.
            backend: where to write it: a :class:`BackupStorage` or its name.
            wait_for_completion: poll until the backup is done, and raise unless it succeeded.
            config: CPU share and compression (:class:`BackupConfigCreate`).
            backup_location: another path (and bucket) than the backend's configured one.
            wait_timeout: ours alone: with ``wait_for_completion``, give up waiting after this
                many seconds (WeaviateTimeoutError; the backup goes on).

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            UnexpectedStatusCodeError: the server refused to start it, with its reason.
            BackupFailedError: waiting, the backup failed (the server's reason in the message).
            BackupCanceledError: waiting, the backup was canceled.
            WeaviateTimeoutError: waiting, ``wait_timeout`` passed first.
        """
        result = await self._backups._create(
            "collection.backup.create",
            backup_id,
            backend,
            [self._name],
            None,
            None,
            wait_for_completion,
            config,
            backup_location,
            wait_timeout,
        )
        return _as_status(result)

    async def restore(
        self,
        backup_id: str,
        backend: BackupStorage,
        wait_for_completion: bool = False,
        config: BackupConfigRestore | None = None,
        backup_location: BackupLocationType | None = None,
        overwrite_alias: bool = False,
        *,
        wait_timeout: float | None = None,
    ) -> BackupStatusReturn:
        """Restore this collection from a backup; it must not exist on the server.

        Args:
            backup_id: the backup's id (lowercased).
            backend: where it is written.
            wait_for_completion: poll until the restore is done, and raise unless it succeeded.
            config: the CPU share (:class:`BackupConfigRestore`).
            backup_location: the backup's location, when it was created with one.
            overwrite_alias: replace an existing alias of the same name as one in the backup.
            wait_timeout: ours alone: with ``wait_for_completion``, give up waiting after this
                many seconds (WeaviateTimeoutError; the restore goes on).

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            UnexpectedStatusCodeError: the server refused (no such backup: status 404).
            BackupFailedError: waiting, the restore failed (the server's reason in the message).
            BackupCanceledError: waiting, the restore was canceled.
            WeaviateTimeoutError: waiting, ``wait_timeout`` passed first.
        """
        result = await self._backups._restore(
            "collection.backup.restore",
            backup_id,
            backend,
            [self._name],
            None,
            None,
            None,
            wait_for_completion,
            config,
            backup_location,
            overwrite_alias,
            wait_timeout,
        )
        return _as_status(result)

    async def get_create_status(
        self,
        backup_id: str,
        backend: BackupStorage,
        backup_location: BackupLocationType | None = None,
    ) -> BackupStatusReturn:
        """The state of a backup (of this collection or any other).

        Raises:
            UnexpectedStatusCodeError: no such backup (status 404), or the server refused.
        """
        return await self._backups._status(
            "collection.backup.get_create_status", "create", backup_id, backend, backup_location
        )

    async def get_restore_status(
        self,
        backup_id: str,
        backend: BackupStorage,
        backup_location: BackupLocationType | None = None,
    ) -> BackupStatusReturn:
        """The state of the restore of a backup.

        Raises:
            UnexpectedStatusCodeError: the backup was never restored here (status 404), or
                the server refused.
        """
        return await self._backups._status(
            "collection.backup.get_restore_status", "restore", backup_id, backend, backup_location
        )
