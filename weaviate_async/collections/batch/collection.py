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

__all__ = [
    "BatchCollection",
    "BatchCollectionAsync",
    "BatchCollectionSync",
    "CollectionBatchingContextManager",
    "CollectionBatchingContextManagerAsync",
]

BatchCollection = _BatchCollectionAsync
"""The batch object of ``collection.batch.dynamic()`` (in ``weaviate_async``
the async one, in ``weaviate_sync`` its blocking twin)."""
BatchCollectionSync = _BatchCollectionAsync
"""The official client's explicit name for the blocking batch object (in ``weaviate_async``
the async one, in ``weaviate_sync`` its blocking twin)."""
BatchCollectionAsync = _BatchCollectionAsync
"""The batch object of ``async with collection.batch.dynamic() as batch``."""
CollectionBatchingContextManager = _BatchCollectionAsync
"""What ``collection.batch.dynamic()`` returns (the batch object itself; in
``weaviate_async`` the async one, in ``weaviate_sync`` its blocking twin)."""
CollectionBatchingContextManagerAsync = _BatchCollectionAsync
"""What ``collection.batch.dynamic()`` returns on the async collection: the batch object itself."""
