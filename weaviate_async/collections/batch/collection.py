"""The type names of collection-level batching, at the official
``weaviate.collections.batch.collection`` path, for annotations.

``collection.batch.dynamic()`` (and ``fixed_size``, ``rate_limit``, ...) returns the batch object
itself, which is its own context manager, so each ``*BatchingContextManager`` name is the batch
class: ``async with collection.batch.dynamic() as batch`` gives a ``BatchCollectionAsync`` and the
blocking ``with`` a ``BatchCollection``.

Examples:
    >>> from weaviate_async.collections.batch.collection import BatchCollectionAsync
"""

from __future__ import annotations

from weaviate_async.collections.batch.base import _BatchCollectionAsync
from weaviate_sync.collections.batch.base import _BatchCollection

__all__ = [
    "BatchCollection",
    "BatchCollectionAsync",
    "BatchCollectionSync",
    "CollectionBatchingContextManager",
    "CollectionBatchingContextManagerAsync",
]

BatchCollection = _BatchCollection
"""The blocking batch object of ``with collection.batch.dynamic() as batch``."""
BatchCollectionSync = _BatchCollection
"""The blocking batch object (the official client's explicit name for it)."""
BatchCollectionAsync = _BatchCollectionAsync
"""The batch object of ``async with collection.batch.dynamic() as batch``."""
CollectionBatchingContextManager = _BatchCollection
"""What ``collection.batch.dynamic()`` gives on a blocking collection: the batch itself."""
CollectionBatchingContextManagerAsync = _BatchCollectionAsync
"""What ``collection.batch.dynamic()`` gives on an async collection: the batch itself."""
