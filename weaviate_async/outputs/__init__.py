"""Return types by area, at the official client's ``weaviate.outputs`` paths.

Each submodule re-exports the models an area's operations return (and the types they are built
from), so that ``from weaviate.outputs.config import CollectionConfig`` moves over as
``from weaviate_async.outputs.config import CollectionConfig``. A submodule exists once its area
has models: ``config``, ``query``, ``generate`` and ``batch`` today.

Example:
    >>> from weaviate_async.outputs.config import CollectionConfig, PropertyConfig
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

_SUBMODULES = frozenset({"batch", "config", "generate", "query"})

__all__ = ["batch", "config", "generate", "query"]

if TYPE_CHECKING:
    from weaviate_async.outputs import batch as batch
    from weaviate_async.outputs import config as config
    from weaviate_async.outputs import generate as generate
    from weaviate_async.outputs import query as query


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        module = importlib.import_module(f"weaviate_async.outputs.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'weaviate_async.outputs' has no attribute {name!r}")
