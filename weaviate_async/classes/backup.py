"""What backup calls take, at the official ``weaviate.classes.backup`` path: the backends, the
options of a backup and of a restore, the compression levels and the locations.

Examples:
    >>> from weaviate_async.classes.backup import BackupConfigCreate, BackupStorage
"""

from __future__ import annotations

from weaviate_async.models.backup import (
    BackupCompressionLevel,
    BackupConfigCreate,
    BackupConfigRestore,
    BackupStorage,
)
from weaviate_async.models.backup_location import BackupLocation, BackupLocationType

__all__ = [
    "BackupCompressionLevel",
    "BackupConfigCreate",
    "BackupConfigRestore",
    "BackupLocation",
    "BackupLocationType",
    "BackupStorage",
]
