"""Collection export (``client.export``): the server writes the objects of collections to a
backup backend as Parquet files. ``export`` holds the models
(:class:`~weaviate_async.export.export.ExportStatusReturn` ...), ``namespace`` the operations.
The server needs ``EXPORT_ENABLED=true`` (and ``EXPORT_DEFAULT_PATH`` for the filesystem).

Examples:
    >>> from weaviate_async.classes.export import ExportFileFormat, ExportStorage
    >>> status = await client.export.create(
    ...     export_id="nightly",
    ...     backend=ExportStorage.FILESYSTEM,
    ...     file_format=ExportFileFormat.PARQUET,
    ...     wait_for_completion=True,
    ... )
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_LAZY: dict[str, str] = {"ExportStorage": "weaviate_async.models.export"}
_SUBMODULES = frozenset({"export", "namespace"})

__all__ = ["ExportStorage", "export", "namespace"]

if TYPE_CHECKING:
    from weaviate_async.export import export as export
    from weaviate_async.export import namespace as namespace
    from weaviate_async.models.export import ExportStorage as ExportStorage


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"weaviate_async.export.{name}")
    else:
        raise AttributeError(f"module 'weaviate_async.export' has no attribute {name!r}")
    globals()[name] = value
    return value
