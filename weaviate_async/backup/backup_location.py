"""Re-exports :mod:`weaviate_async.models.backup_location` at the official ``weaviate.backup.backup_location`` path.

The objects are defined there, below the wire layer that reads them from the server's
replies; this module gives programs the path they import from.
"""

from __future__ import annotations

from weaviate_async.models.backup_location import (
    BackupLocation,
    BackupLocationType,
)

__all__ = [
    "BackupLocation",
    "BackupLocationType",
]
