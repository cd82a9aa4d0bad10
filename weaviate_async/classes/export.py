"""What ``client.export.create`` takes, at the official ``weaviate.classes.export`` path.

Examples:
    >>> from weaviate_async.classes.export import ExportFileFormat, ExportStorage
"""

from __future__ import annotations

from weaviate_async.models.export import ExportFileFormat, ExportStorage

__all__ = ["ExportFileFormat", "ExportStorage"]
