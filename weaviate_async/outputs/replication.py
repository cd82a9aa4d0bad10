"""What replica operations return, at the official ``weaviate.outputs.replication`` path.

Examples:
    >>> from weaviate_async.outputs.replication import ReplicateOperationState
"""

from __future__ import annotations

from weaviate_async.models.cluster import (
    ReplicateOperation,
    ReplicateOperations,
    ReplicateOperationState,
    ReplicateOperationStatus,
    ReplicateOperationWithHistory,
    ReplicateOperationWithoutHistory,
)

__all__ = [
    "ReplicateOperation",
    "ReplicateOperationState",
    "ReplicateOperationStatus",
    "ReplicateOperationWithHistory",
    "ReplicateOperationWithoutHistory",
    "ReplicateOperations",
]
