"""Aggregation results and inputs (``Metrics``, ``GroupByAggregate``, ``AggregateReturn`` ...), at
the official ``weaviate.collections.classes.aggregate`` path.

The objects are our own (see the imports); this module gives programs written for the
official client the path they import from.
"""

from __future__ import annotations

from typing import TypeVar

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
    AProperties,
    GroupByAggregate,
    GroupedBy,
    Metrics,
    PropertiesMetrics,
    TopOccurrence,
)
from weaviate_async.classes.data import GeoCoordinate

__all__ = [
    "AProperties",
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
    "GeoCoordinate",
    "GroupByAggregate",
    "GroupedBy",
    "Metrics",
    "N",
    "PropertiesMetrics",
    "TopOccurrence",
]

N = TypeVar("N", int, float)
"""A numeric statistic's type (int or float)."""
