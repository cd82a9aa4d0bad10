"""Public models and builders, by area: ``config``, and more as they land.

Example:
    >>> import weaviate_async.classes as wvc
    >>> wvc.config.Property(name="title", data_type=wvc.config.DataType.TEXT)
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

_SUBMODULES = frozenset({"config", "data", "generate", "generics", "init", "internal", "query"})

__all__ = ["config", "data", "generate", "generics", "init", "internal", "query"]

if TYPE_CHECKING:
    from weaviate_async.classes import config as config
    from weaviate_async.classes import data as data
    from weaviate_async.classes import generate as generate
    from weaviate_async.classes import generics as generics
    from weaviate_async.classes import init as init
    from weaviate_async.classes import internal as internal
    from weaviate_async.classes import query as query


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        module = importlib.import_module(f"weaviate_async.classes.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'weaviate_async.classes' has no attribute {name!r}")
