"""Public models and builders, by area: ``config``, and more as they land.

Examples:
    >>> import weaviate_async.classes as wvc
    >>> wvc.config.Property(name="title", data_type=wvc.config.DataType.TEXT)
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

__all__ = [
    "ConsistencyLevel",
    "aggregate",
    "backup",
    "batch",
    "config",
    "data",
    "debug",
    "export",
    "generate",
    "generics",
    "init",
    "internal",
    "query",
    "rbac",
    "replication",
    "tenants",
    "tokenization",
]

#: the submodules, imported on first use
_SUBMODULES = frozenset(__all__) - {"ConsistencyLevel"}

if TYPE_CHECKING:
    from weaviate_async.classes import aggregate as aggregate
    from weaviate_async.classes import backup as backup
    from weaviate_async.classes import batch as batch
    from weaviate_async.classes import config as config
    from weaviate_async.classes import data as data
    from weaviate_async.classes import debug as debug
    from weaviate_async.classes import export as export
    from weaviate_async.classes import generate as generate
    from weaviate_async.classes import generics as generics
    from weaviate_async.classes import init as init
    from weaviate_async.classes import internal as internal
    from weaviate_async.classes import query as query
    from weaviate_async.classes import rbac as rbac
    from weaviate_async.classes import replication as replication
    from weaviate_async.classes import tenants as tenants
    from weaviate_async.classes import tokenization as tokenization
    from weaviate_async.models.consistency import ConsistencyLevel as ConsistencyLevel


def __getattr__(name: str) -> ModuleType | type:
    if name in _SUBMODULES:
        module = importlib.import_module(f"weaviate_async.classes.{name}")
        globals()[name] = module
        return module
    if name == "ConsistencyLevel":
        from weaviate_async.models.consistency import ConsistencyLevel

        globals()[name] = ConsistencyLevel
        return ConsistencyLevel
    raise AttributeError(f"module 'weaviate_async.classes' has no attribute {name!r}")
