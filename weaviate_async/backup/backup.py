"""The models of backups: where they are written (:class:`BackupStorage`), how
(:class:`BackupConfigCreate`, :class:`BackupConfigRestore`) and what the server reports
(:class:`BackupReturn`, :class:`BackupStatusReturn`, :class:`BackupListReturn`).

The objects are defined in :mod:`weaviate_async.models.backup`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.

The names, fields and constructor keywords are the official client's
(``weaviate.backup.backup``); the models are frozen attrs classes, checked when made.

Examples:
    >>> from weaviate_async.backup.backup import BackupConfigCreate, BackupCompressionLevel
    >>> BackupConfigCreate(cpu_percentage=40, compression_level=BackupCompressionLevel.BEST_SPEED)
"""

from __future__ import annotations

from weaviate_async.models.backup import (
    STORAGE_NAMES,
    BackupCompressionLevel,
    BackupConfigCreate,
    BackupConfigRestore,
    BackupListReturn,
    BackupReturn,
    BackupStatus,
    BackupStatusReturn,
    BackupStorage,
)

__all__ = [
    "STORAGE_NAMES",
    "BackupCompressionLevel",
    "BackupConfigCreate",
    "BackupConfigRestore",
    "BackupListReturn",
    "BackupReturn",
    "BackupStatus",
    "BackupStatusReturn",
    "BackupStorage",
]
