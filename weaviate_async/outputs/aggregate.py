"""What aggregations return, at the official ``weaviate.outputs.aggregate`` path.

Examples:
    >>> from weaviate_async.outputs.aggregate import AggregateReturn, AggregateGroupByReturn
"""

from __future__ import annotations

from weaviate_async.classes.aggregate import (
    AggregateBoolean,
    AggregateDate,
    AggregateGroup,
    AggregateGroupByReturn,
    AggregateInteger,
    AggregateNumber,
    AggregateReference,
    AggregateResult,
    AggregateReturn,
    AggregateText,
    GroupedBy,
    TopOccurrence,
)

__all__ = [
    "AggregateBoolean",
    "AggregateDate",
    "AggregateGroup",
    "AggregateGroupByReturn",
    "AggregateInteger",
    "AggregateNumber",
    "AggregateReference",
    "AggregateResult",
    "AggregateReturn",
    "AggregateText",
    "GroupedBy",
    "TopOccurrence",
]
