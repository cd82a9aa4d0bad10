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
from weaviate_sync.collections.batch.base import _BatchClient

__all__ = [
    "BatchClient",
    "BatchClientAsync",
    "BatchClientSync",
    "ClientBatchingContextManager",
    "ClientBatchingContextManagerAsync",
]

BatchClient = _BatchClient
"""The blocking batch object of ``with client.batch.dynamic() as batch``."""
BatchClientSync = _BatchClient
"""The blocking batch object (the official client's explicit name for it)."""
BatchClientAsync = _BatchClientAsync
"""The batch object of ``async with client.batch.dynamic() as batch``."""
ClientBatchingContextManager = _BatchClient
"""What ``client.batch.dynamic()`` returns on the blocking client: the batch object itself."""
ClientBatchingContextManagerAsync = _BatchClientAsync
"""What ``client.batch.dynamic()`` returns on the async client: the batch object itself."""
