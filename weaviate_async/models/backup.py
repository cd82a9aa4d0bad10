"""The models of backups: where they are written (:class:`BackupStorage`), how
(:class:`BackupConfigCreate`, :class:`BackupConfigRestore`) and what the server reports
(:class:`BackupReturn`, :class:`BackupStatusReturn`, :class:`BackupListReturn`).

Programs import them from :mod:`weaviate_async.backup.backup`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.
"""

from __future__ import annotations

import datetime
from enum import Enum

import attrs

from weaviate_async._validate import attrs_check, check_int, to_opt_enum

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

#: The backends a backup can be written to (each needs its ``backup-*`` module on the server).
STORAGE_NAMES = {"filesystem", "s3", "gcs", "azure"}


class BackupCompressionLevel(str, Enum):
    """How hard the server compresses the backup's files (gzip levels, or zstd ones)."""

    DEFAULT = "DefaultCompression"
    BEST_SPEED = "BestSpeed"
    BEST_COMPRESSION = "BestCompression"
    ZSTD_BEST_SPEED = "ZstdBestSpeed"
    ZSTD_DEFAULT = "ZstdDefaultCompression"
    ZSTD_BEST_COMPRESSION = "ZstdBestCompression"
    NO_COMPRESSION = "NoCompression"


class BackupStorage(str, Enum):
    """The backend a backup is written to: the server's ``backup-<name>`` module."""

    FILESYSTEM = "filesystem"
    S3 = "s3"
    GCS = "gcs"
    AZURE = "azure"


class BackupStatus(str, Enum):
    """The phase of a backup or restore; SUCCESS, FAILED and CANCELED are final."""

    STARTED = "STARTED"
    TRANSFERRING = "TRANSFERRING"
    TRANSFERRED = "TRANSFERRED"
    CANCELLING = "CANCELLING"
    FINALIZING = "FINALIZING"
    SUCCESS = "SUCCESS"
    FAILED = "FAILED"
    CANCELED = "CANCELED"


def _compression(value: BackupCompressionLevel | str | None) -> BackupCompressionLevel | None:
    return to_opt_enum(BackupCompressionLevel, value, "compression_level")


_CPU = attrs_check(check_int, "cpu_percentage", minimum=1, maximum=80)


@attrs.frozen(kw_only=True)
class BackupConfigRestore:
    """Options of a restore.

    Attributes:
        CPUPercentage: the share of the server's CPU cores the restore may use, 1 to 80
            (keyword ``cpu_percentage``; the server's default is 50).

    Examples:
        >>> await client.backup.restore("nightly", "filesystem", config=BackupConfigRestore(cpu_percentage=20))
    """

    CPUPercentage: int | None = attrs.field(default=None, alias="cpu_percentage", validator=_CPU)


@attrs.frozen(kw_only=True)
class BackupConfigCreate:
    """Options of a backup.

    Attributes:
        CPUPercentage: the share of the server's CPU cores the backup may use, 1 to 80
            (keyword ``cpu_percentage``; the server's default is 50).
        ChunkSize: deprecated, has no effect and is not sent (keyword ``chunk_size``).
        CompressionLevel: how hard the files are compressed (keyword ``compression_level``; a
            :class:`BackupCompressionLevel` or its value).

    Examples:
        >>> BackupConfigCreate(compression_level=BackupCompressionLevel.ZSTD_BEST_SPEED)
    """

    CPUPercentage: int | None = attrs.field(default=None, alias="cpu_percentage", validator=_CPU)
    ChunkSize: int | None = attrs.field(
        default=None, alias="chunk_size", validator=attrs_check(check_int, "chunk_size")
    )
    CompressionLevel: BackupCompressionLevel | None = attrs.field(
        default=None, alias="compression_level", converter=_compression
    )


@attrs.frozen(kw_only=True)
class BackupStatusReturn:
    """The state of a backup or restore, as the server reports it.

    Attributes:
        error: the server's reason when the operation failed or was canceled.
        status: the phase (final: SUCCESS, FAILED, CANCELED).
        path: where the backup is (the backend's path or URL).
        backup_id: the backup's id (keyword ``id``).
        size: the backup's size in GiB, once known (0 otherwise).
    """

    error: str | None = None
    status: BackupStatus
    path: str
    backup_id: str = attrs.field(alias="id")
    size: float = 0


@attrs.frozen(kw_only=True)
class BackupReturn(BackupStatusReturn):
    """What ``backup.create`` and ``backup.restore`` return: the status and the collections
    the operation covers.

    Attributes:
        collections: the collections backed up or restored (keyword ``classes``).
    """

    collections: list[str] = attrs.field(factory=list, alias="classes")


@attrs.frozen(kw_only=True)
class BackupListReturn:
    """One backup of ``backup.list_backups``.

    Attributes:
        collections: the collections it holds (keyword ``classes``).
        status: its phase.
        backup_id: its id (keyword ``id``).
        started_at: when it started (keyword ``startedAt``; aware, UTC).
        completed_at: when it finished (keyword ``completedAt``), None while running.
        size: its size in GiB.
        incremental_base_backup_id: the backup it is an increment of; None for a full backup,
            and also when the server leaves the field out (it shows it only to root users).
    """

    collections: list[str] = attrs.field(factory=list, alias="classes")
    status: BackupStatus
    backup_id: str = attrs.field(alias="id")
    started_at: datetime.datetime | None = attrs.field(default=None, alias="startedAt")
    completed_at: datetime.datetime | None = attrs.field(default=None, alias="completedAt")
    size: float = 0
    incremental_base_backup_id: str | None = None
