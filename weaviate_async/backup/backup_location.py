"""Where one backup is, when not at its backend's configured place: :class:`BackupLocation`.

The objects are defined in :mod:`weaviate_async.models.backup_location`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.

A location overrides, for one call, the path (and for cloud backends the bucket) the server's
``backup-*`` module is configured with. Pass the same location to ``create``, the status calls,
``cancel`` and ``restore`` of that backup.

Examples:
    >>> from weaviate_async.classes.backup import BackupLocation
    >>> await client.backup.create(
    ...     "nightly", "s3", backup_location=BackupLocation.S3(bucket="archive", path="weaviate")
    ... )
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
