"""The models of collection exports (at the official ``weaviate.export.export`` path): where
an export is written (:class:`ExportStorage`), in which format (:class:`ExportFileFormat`), and
what the server reports (:class:`ExportCreateReturn`, :class:`ExportStatusReturn`, per shard
:class:`ShardProgress`).

Programs import them from :mod:`weaviate_async.export.export`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.
"""

from __future__ import annotations

import datetime
from enum import Enum

import attrs

from weaviate_async.models.backup import BackupStorage

__all__ = [
    "ExportCreateReturn",
    "ExportFileFormat",
    "ExportStatus",
    "ExportStatusReturn",
    "ExportStorage",
    "ShardExportStatus",
    "ShardProgress",
]


#: The backend an export is written to: the backup backends (the official client's
#: ``ExportStorage`` is its ``BackupStorage``, the same enum).
ExportStorage = BackupStorage


class ExportFileFormat(str, Enum):
    """The file format of an export.

    Attributes:
        PARQUET: Apache Parquet, one file per shard (and part).
    """

    PARQUET = "parquet"


class ExportStatus(str, Enum):
    """The state of an export.

    Attributes:
        STARTED: accepted, not writing yet.
        TRANSFERRING: writing.
        SUCCESS: done.
        FAILED: stopped by an error (``ExportStatusReturn.error`` says which).
        CANCELED: canceled by ``client.export.cancel``.
    """

    STARTED = "STARTED"
    TRANSFERRING = "TRANSFERRING"
    SUCCESS = "SUCCESS"
    FAILED = "FAILED"
    CANCELED = "CANCELED"


class ShardExportStatus(str, Enum):
    """The state of the export of one shard.

    Attributes:
        TRANSFERRING: writing.
        SUCCESS: written.
        FAILED: stopped by an error.
        SKIPPED: nothing to write (``ShardProgress.skip_reason`` says why, e.g. an inactive
            tenant without data on disk).
    """

    TRANSFERRING = "TRANSFERRING"
    SUCCESS = "SUCCESS"
    FAILED = "FAILED"
    SKIPPED = "SKIPPED"


@attrs.frozen(kw_only=True)
class ShardProgress:
    """The export of one shard.

    Attributes:
        status: its state.
        objects_exported: the objects written so far.
        error: the error that stopped it, if any.
        skip_reason: why it was skipped, if it was.
    """

    status: ShardExportStatus
    objects_exported: int = 0
    error: str | None = None
    skip_reason: str | None = None


@attrs.frozen(kw_only=True)
class ExportCreateReturn:
    """What the server answers when an export starts.

    Attributes:
        export_id: the export's id.
        backend: the backend's name (``filesystem`` ...).
        path: where the files are written (a directory or a bucket URL).
        status: its state (``STARTED``).
        started_at: when it started.
        collections: the collections it exports.
    """

    export_id: str
    backend: str
    path: str
    status: ExportStatus
    started_at: datetime.datetime | None = None
    collections: list[str] = attrs.field(factory=list)


@attrs.frozen(kw_only=True)
class ExportStatusReturn(ExportCreateReturn):
    """The state of an export.

    Attributes:
        completed_at: when it ended (success, failure or cancel).
        shard_status: per collection, per shard: its progress.
        error: why it failed, if it did.
        took_in_ms: how long it took, in milliseconds.
    """

    completed_at: datetime.datetime | None = None
    shard_status: dict[str, dict[str, ShardProgress]] | None = None
    error: str | None = None
    took_in_ms: int | None = None
