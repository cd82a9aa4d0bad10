"""Return types by area, at the official client's ``weaviate.outputs`` paths.

Each submodule re-exports the models an area's operations return (and the types they are built
from), so that ``from weaviate.outputs.config import CollectionConfig`` moves over as
``from weaviate_async.outputs.config import CollectionConfig``. A submodule exists once its area
has models: ``backup``, ``batch``, ``cluster``, ``config``, ``query`` and ``replication``
today.

Example:
    >>> from weaviate_async.outputs.config import CollectionConfig, PropertyConfig
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

_SUBMODULES = frozenset({"backup", "batch", "cluster", "config", "query", "replication"})

__all__ = ["backup", "batch", "cluster", "config", "query", "replication"]

if TYPE_CHECKING:
    from weaviate_async.outputs import backup as backup
    from weaviate_async.outputs import batch as batch
    from weaviate_async.outputs import cluster as cluster
    from weaviate_async.outputs import config as config
    from weaviate_async.outputs import query as query
    from weaviate_async.outputs import replication as replication


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        module = importlib.import_module(f"weaviate_async.outputs.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'weaviate_async.outputs' has no attribute {name!r}")
