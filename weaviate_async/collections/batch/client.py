"""The type names of client-level batching, at the official
``weaviate.collections.batch.client`` path, for annotations.

``client.batch.dynamic()`` (and ``fixed_size``, ``rate_limit``, ...) returns the batch object
itself, which is its own context manager, so each ``*BatchingContextManager`` name is the batch
class: ``async with client.batch.dynamic() as batch`` gives a ``BatchClientAsync`` and the
blocking ``with`` a ``BatchClient``.

Examples:
    >>> from weaviate_async.collections.batch.client import BatchClientAsync
"""

from __future__ import annotations

from weaviate_async.collections.batch.base import _BatchClientAsync

__all__ = [
    "BatchClient",
    "BatchClientAsync",
    "BatchClientSync",
    "ClientBatchingContextManager",
    "ClientBatchingContextManagerAsync",
]

BatchClient = _BatchClientAsync
"""The batch object of ``client.batch.dynamic()`` (in ``weaviate_async``
the async one, in ``weaviate_sync`` its blocking twin)."""
BatchClientSync = _BatchClientAsync
"""The official client's explicit name for the blocking batch object (in ``weaviate_async``
the async one, in ``weaviate_sync`` its blocking twin)."""
BatchClientAsync = _BatchClientAsync
"""The batch object of ``async with client.batch.dynamic() as batch``."""
ClientBatchingContextManager = _BatchClientAsync
"""What ``client.batch.dynamic()`` returns (the batch object itself; in
``weaviate_async`` the async one, in ``weaviate_sync`` its blocking twin)."""
ClientBatchingContextManagerAsync = _BatchClientAsync
"""What ``client.batch.dynamic()`` returns on the async client: the batch object itself."""
