"""Collection export (``client.export``): the server writes the objects of collections to a
backup backend as Parquet files. ``export`` holds the models
(:class:`~weaviate_async.export.export.ExportStatusReturn` ...), ``namespace`` the operations.
The server needs ``EXPORT_ENABLED=true`` (and ``EXPORT_DEFAULT_PATH`` for the filesystem).

Example:
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
from types import ModuleType
from typing import TYPE_CHECKING

_SUBMODULES = frozenset({"export", "namespace"})

__all__ = ["export", "namespace"]

if TYPE_CHECKING:
    from weaviate_async.export import export as export
    from weaviate_async.export import namespace as namespace


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        module = importlib.import_module(f"weaviate_async.export.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'weaviate_async.export' has no attribute {name!r}")
