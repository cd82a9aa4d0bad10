"""Re-exports :mod:`weaviate_async.models.export` at the official ``weaviate.export.export`` path.

The objects are defined there, below the wire layer that reads them from the server's
replies; this module gives programs the path they import from.
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
