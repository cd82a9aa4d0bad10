"""Collections: the namespace, a collection handle and its sub-namespaces.

The package also holds the type names the official ``weaviate.collections`` exports, for
annotations: ``Collection`` (the blocking handle), ``CollectionAsync``, and the batch objects
that ``collection.batch.dynamic()`` and its siblings give. They load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_LAZY: dict[str, str] = {
    "BatchCollection": "weaviate_async.collections.batch.collection",
    "Collection": "weaviate_async.collections.collection",
    "CollectionAsync": "weaviate_async.collections.collection",
    "CollectionBatchingContextManager": "weaviate_async.collections.batch.collection",
}

__all__ = [
    "BatchCollection",
    "Collection",
    "CollectionAsync",
    "CollectionBatchingContextManager",
]

if TYPE_CHECKING:
    from weaviate_async.collections.batch.collection import (
        BatchCollection,
        CollectionBatchingContextManager,
    )
    from weaviate_async.collections.collection import Collection, CollectionAsync


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
