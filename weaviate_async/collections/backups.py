"""``collection.backup``: back up and restore one collection.

The same operations as ``client.backup`` (:mod:`weaviate_async.backup.namespace`), with the
collection of the handle as the only one included; the methods are generated
(:mod:`weaviate_async.collections._backup_methods`).

Examples:
    >>> articles = client.collections.use("Article")
    >>> await articles.backup.create("articles-1", "filesystem", wait_for_completion=True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from weaviate_async._twin import twin
from weaviate_async.backup.namespace import _BackupAsync
from weaviate_async.collections._backup_methods import _CollectionBackupMethods

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection
    from weaviate_async.models.scope import CollectionScope

__all__ = ["_CollectionBackupAsync"]


@twin
class _CollectionBackupAsync(_CollectionBackupMethods):
    """Backups of one collection (``collection.backup``)."""

    def __init__(self, connection: Connection, scope: CollectionScope) -> None:
        self._name = scope.name
        self._backups = _BackupAsync(connection)
