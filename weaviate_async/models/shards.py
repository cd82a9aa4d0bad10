"""The shards of one collection on every node, as ``collection.shards()`` returns them (the
official ``weaviate.collections.classes.cluster.Shard``, a dataclass).

Programs import them from :mod:`weaviate_async.collections.shards`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Shard", "Shards"]


@dataclass
class Shard:
    """One shard of a collection on one node.

    Attributes:
        collection: the collection's name.
        name: the shard's name (the tenant's name in a multi-tenant collection).
        node: the node that holds this replica.
        object_count: the number of objects in it (may lag behind recent writes).
        vector_indexing_status: ``READY``, ``INDEXING``, ``READONLY`` or ``LAZY_LOADING``.
        vector_queue_length: vectors waiting for the asynchronous index.
        compressed: whether its vector index is compressed (quantized).
        loaded: whether the shard is loaded (None when the server does not say).
    """

    collection: str
    name: str
    node: str
    object_count: int
    vector_indexing_status: Literal["READONLY", "INDEXING", "READY", "LAZY_LOADING"]
    vector_queue_length: int
    compressed: bool
    loaded: bool | None


#: The shards of a collection, over every node.
Shards = list[Shard]
