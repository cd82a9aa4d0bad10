"""Search arguments at the official ``weaviate.classes.query`` path: filters, sorting, grouping,
reranking, boosting, diversity, target-vector combinations, hybrid sub-searches, what to
return, and the runtime generative provider.

Examples:
    >>> from weaviate_async.classes.query import Filter, MetadataQuery, Sort
    >>> await collection.query.fetch_objects(
    ...     filters=Filter.by_property("year").less_than(2000),
    ...     sort=Sort.by_property("year", ascending=False),
    ...     return_metadata=MetadataQuery(creation_time=True),
    ... )
"""

from __future__ import annotations

from weaviate_async.classes.aggregate import Metrics
from weaviate_async.classes.boost import Boost, BoostReturn
from weaviate_async.classes.data import GeoCoordinate
from weaviate_async.classes.filters import Filter, FilterReturn
from weaviate_async.classes.generative import GenerativeConfig
from weaviate_async.classes.search import (
    METADATA,
    PROPERTIES,
    PROPERTY,
    Diversity,
    GroupBy,
    HybridFusion,
    HybridVector,
    MetadataQuery,
    Move,
    NearMediaType,
    NearVector,
    QueryNested,
    QueryReference,
    Rerank,
    Sort,
    TargetVectors,
)
from weaviate_async.classes.search import BM25OperatorFactory as BM25Operator

__all__ = [
    "BM25Operator",
    "Boost",
    "BoostReturn",
    "Diversity",
    "Filter",
    "FilterReturn",
    "GenerativeConfig",
    "GeoCoordinate",
    "GroupBy",
    "HybridFusion",
    "HybridVector",
    "METADATA",
    "MetadataQuery",
    "Metrics",
    "Move",
    "NearMediaType",
    "NearVector",
    "PROPERTIES",
    "PROPERTY",
    "QueryNested",
    "QueryReference",
    "Rerank",
    "Sort",
    "TargetVectors",
]
