"""Debugging aids (``client.debug``): reading an object over REST, without a search. ``types``
holds the model (:class:`~weaviate_async.debug.types.DebugRESTObject`), ``namespace`` the
operations.

Examples:
    >>> obj = await client.debug.get_object_over_rest("Article", uuid)
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

_SUBMODULES = frozenset({"namespace", "types"})

__all__ = ["namespace", "types"]

if TYPE_CHECKING:
    from weaviate_async.debug import namespace as namespace
    from weaviate_async.debug import types as types


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        module = importlib.import_module(f"weaviate_async.debug.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'weaviate_async.debug' has no attribute {name!r}")
