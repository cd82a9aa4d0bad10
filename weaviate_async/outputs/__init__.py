"""Return types by area, at the official client's ``weaviate.outputs`` paths.

Each submodule re-exports the models an area's operations return (and the types they are built
from), so that ``from weaviate.outputs.config import CollectionConfig`` moves over as
``from weaviate_async.outputs.config import CollectionConfig``. A submodule exists once its area
has models: ``config``, ``query``, ``batch``, ``tenants``, ``export`` and ``tokenization``
today.

Example:
    >>> from weaviate_async.outputs.config import CollectionConfig, PropertyConfig
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

_SUBMODULES = frozenset({"batch", "config", "export", "query", "tenants", "tokenization"})

__all__ = ["batch", "config", "export", "query", "tenants", "tokenization"]

if TYPE_CHECKING:
    from weaviate_async.outputs import batch as batch
    from weaviate_async.outputs import config as config
    from weaviate_async.outputs import export as export
    from weaviate_async.outputs import query as query
    from weaviate_async.outputs import tenants as tenants
    from weaviate_async.outputs import tokenization as tokenization


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        module = importlib.import_module(f"weaviate_async.outputs.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'weaviate_async.outputs' has no attribute {name!r}")
