"""Batch results and error records (``BatchObjectReturn``, ``ErrorObject``, ``DeleteManyReturn``
...), at the official ``weaviate.collections.classes.batch`` path.

The objects are our own (see the imports); this module gives programs written for the
official client the path they import from.
"""

from __future__ import annotations

from weaviate_async.classes.batch import (
    MAX_STORED_RESULTS,
    BatchObject,
    BatchObjectReturn,
    BatchReference,
    BatchReferenceReturn,
    BatchResult,
    DeleteManyObject,
    DeleteManyReturn,
    ErrorObject,
    ErrorReference,
    Shard,
    T,
)

__all__ = [
    "BatchObject",
    "BatchObjectReturn",
    "BatchReference",
    "BatchReferenceReturn",
    "BatchResult",
    "DeleteManyObject",
    "DeleteManyReturn",
    "ErrorObject",
    "ErrorReference",
    "MAX_STORED_RESULTS",
    "Shard",
    "T",
]
