"""The models of collection exports (at the official ``weaviate.export.export`` path): where
an export is written (:class:`ExportStorage`), in which format (:class:`ExportFileFormat`), and
what the server reports (:class:`ExportCreateReturn`, :class:`ExportStatusReturn`, per shard
:class:`ShardProgress`).

The objects are defined in :mod:`weaviate_async.models.export`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.
"""

from __future__ import annotations

from weaviate_async.models.export import (
    ExportCreateReturn,
    ExportFileFormat,
    ExportStatus,
    ExportStatusReturn,
    ExportStorage,
    ShardExportStatus,
    ShardProgress,
)

__all__ = [
    "ExportCreateReturn",
    "ExportFileFormat",
    "ExportStatus",
    "ExportStatusReturn",
    "ExportStorage",
    "ShardExportStatus",
    "ShardProgress",
]
