"""What batch writes return (``insert_many``, batch contexts), at the official
``weaviate.outputs.batch`` path.

Examples:
    >>> from weaviate_async.outputs.batch import BatchObjectReturn
"""

from __future__ import annotations

from weaviate_async.classes.batch import (
    BatchObjectReturn,
    BatchReferenceReturn,
    BatchResult,
    ErrorObject,
    ErrorReference,
)

__all__ = [
    "BatchObjectReturn",
    "BatchReferenceReturn",
    "BatchResult",
    "ErrorObject",
    "ErrorReference",
]
