"""Return types by area, at the official client's ``weaviate.outputs`` paths.

Each submodule re-exports the models an area's operations return (and the types they are built
from), so that ``from weaviate.outputs.config import CollectionConfig`` moves over as
``from weaviate_async.outputs.config import CollectionConfig``: every submodule the official
client has (see ``__all__``).

Examples:
    >>> from weaviate_async.outputs.config import CollectionConfig, PropertyConfig
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

__all__ = [
    "aggregate",
    "backup",
    "batch",
    "cluster",
    "config",
    "data",
    "export",
    "generate",
    "query",
    "rbac",
    "replication",
    "tenants",
    "tokenization",
    "users",
]

#: the submodules, imported on first use
_SUBMODULES = frozenset(__all__)

if TYPE_CHECKING:
    from weaviate_async.outputs import aggregate as aggregate
    from weaviate_async.outputs import backup as backup
    from weaviate_async.outputs import batch as batch
    from weaviate_async.outputs import cluster as cluster
    from weaviate_async.outputs import config as config
    from weaviate_async.outputs import data as data
    from weaviate_async.outputs import export as export
    from weaviate_async.outputs import generate as generate
    from weaviate_async.outputs import query as query
    from weaviate_async.outputs import rbac as rbac
    from weaviate_async.outputs import replication as replication
    from weaviate_async.outputs import tenants as tenants
    from weaviate_async.outputs import tokenization as tokenization
    from weaviate_async.outputs import users as users


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        module = importlib.import_module(f"weaviate_async.outputs.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'weaviate_async.outputs' has no attribute {name!r}")
