"""Where one backup is, when not at its backend's configured place: :class:`BackupLocation`.

Programs import them from :mod:`weaviate_async.backup.backup_location`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.
"""

from __future__ import annotations

from typing import TypeAlias

import attrs

from weaviate_async._validate import attrs_check, check_str

__all__ = ["BackupLocation", "BackupLocationType"]

_REQUIRED_STR = attrs_check(check_str, required=True, allow_empty=False)


@attrs.frozen(kw_only=True)
class _BackupLocationConfig:
    """The base of the locations: a path on the backend."""

    path: str = attrs.field(validator=_REQUIRED_STR)


@attrs.frozen(kw_only=True)
class _BackupLocationFilesystem(_BackupLocationConfig):
    """A directory of the server's file system (``backup-filesystem``).

    Attributes:
        path: the directory (absolute, on the server's machine).
    """


@attrs.frozen(kw_only=True)
class _BackupLocationS3(_BackupLocationConfig):
    """A bucket and a key prefix of S3 or a compatible store (``backup-s3``).

    Attributes:
        path: the key prefix within the bucket.
        bucket: the bucket.
    """

    bucket: str = attrs.field(validator=_REQUIRED_STR)


@attrs.frozen(kw_only=True)
class _BackupLocationGCP(_BackupLocationConfig):
    """A Google Cloud Storage bucket and a path in it (``backup-gcs``).

    Attributes:
        path: the path within the bucket.
        bucket: the bucket.
    """

    bucket: str = attrs.field(validator=_REQUIRED_STR)


@attrs.frozen(kw_only=True)
class _BackupLocationAzure(_BackupLocationConfig):
    """An Azure Blob Storage container and a path in it (``backup-azure``).

    Attributes:
        path: the path within the container.
        bucket: the container.
    """

    bucket: str = attrs.field(validator=_REQUIRED_STR)


#: Any of the locations.
BackupLocationType: TypeAlias = (
    _BackupLocationFilesystem | _BackupLocationS3 | _BackupLocationGCP | _BackupLocationAzure
)


class BackupLocation:
    """The locations by backend: ``BackupLocation.FileSystem(path=...)``,
    ``BackupLocation.S3(bucket=..., path=...)``, ``BackupLocation.GCP(...)`` and
    ``BackupLocation.Azure(...)``."""

    FileSystem = _BackupLocationFilesystem
    S3 = _BackupLocationS3
    GCP = _BackupLocationGCP
    Azure = _BackupLocationAzure
