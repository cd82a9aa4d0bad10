"""Backups: ``client.backup`` (:class:`_BackupAsync`) and the backends (:class:`BackupStorage`),
at the official client's ``weaviate.backup`` path.

The models are in :mod:`weaviate_async.backup.backup` (also ``weaviate_async.classes.backup``
and ``weaviate_async.outputs.backup``), the locations in
:mod:`weaviate_async.backup.backup_location`.

Examples:
    >>> from weaviate_async.backup import BackupStorage
    >>> await client.backup.create("nightly", BackupStorage.FILESYSTEM, wait_for_completion=True)
"""

from __future__ import annotations

from weaviate_async.backup.namespace import _BackupAsync
from weaviate_async.models.backup import BackupStorage

__all__ = ["BackupStorage", "_BackupAsync"]
