"""Collection aliases (``client.alias``): another name for a collection, usable wherever a
collection name is, and re-pointed to another collection in one step. ``alias`` holds the
model (:class:`~weaviate_async.aliases.alias.AliasReturn`), ``namespace`` the operations.

Examples:
    >>> await client.alias.create(alias_name="Articles", target_collection="ArticlesV1")
    >>> await client.alias.update(alias_name="Articles", new_target_collection="ArticlesV2")
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

_SUBMODULES = frozenset({"alias", "namespace"})

__all__ = ["alias", "namespace"]

if TYPE_CHECKING:
    from weaviate_async.aliases import alias as alias
    from weaviate_async.aliases import namespace as namespace


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        module = importlib.import_module(f"weaviate_async.aliases.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'weaviate_async.aliases' has no attribute {name!r}")
