"""Public models and builders, by area: ``config``, and more as they land.

Example:
    >>> import weaviate_async.classes as wvc
    >>> wvc.config.Property(name="title", data_type=wvc.config.DataType.TEXT)
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

_SUBMODULES = frozenset({"backup", "config", "data", "init", "internal", "query", "replication"})

__all__ = ["backup", "config", "data", "init", "internal", "query", "replication"]

if TYPE_CHECKING:
    from weaviate_async.classes import backup as backup
    from weaviate_async.classes import config as config
    from weaviate_async.classes import data as data
    from weaviate_async.classes import init as init
    from weaviate_async.classes import internal as internal
    from weaviate_async.classes import query as query
    from weaviate_async.classes import replication as replication


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        module = importlib.import_module(f"weaviate_async.classes.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'weaviate_async.classes' has no attribute {name!r}")
