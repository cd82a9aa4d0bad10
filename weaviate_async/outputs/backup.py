"""What backup calls return, at the official ``weaviate.outputs.backup`` path.

Examples:
    >>> from weaviate_async.outputs.backup import BackupReturn, BackupStatus
"""

from __future__ import annotations

from weaviate_async.models.backup import (
    BackupReturn,
    BackupStatus,
    BackupStatusReturn,
    BackupStorage,
)

__all__ = ["BackupReturn", "BackupStatus", "BackupStatusReturn", "BackupStorage"]
