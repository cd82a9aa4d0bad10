"""What ``client.export`` returns, at the official ``weaviate.outputs.export`` path.

Examples:
    >>> from weaviate_async.outputs.export import ExportStatus, ExportStatusReturn
"""

from __future__ import annotations

from weaviate_async.models.export import (
    ExportCreateReturn,
    ExportStatus,
    ExportStatusReturn,
    ExportStorage,
    ShardExportStatus,
    ShardProgress,
)

__all__ = [
    "ExportCreateReturn",
    "ExportStatus",
    "ExportStatusReturn",
    "ExportStorage",
    "ShardExportStatus",
    "ShardProgress",
]
