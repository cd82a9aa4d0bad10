"""The search inputs (``MetadataQuery``, ``QueryReference``, ``Sort``, ``HybridVector`` ...), at
the official ``weaviate.collections.classes.grpc`` path.

The objects are our own (see the imports); this module gives programs written for the
official client the path they import from.
"""

from __future__ import annotations

from typing import TypeAlias

from weaviate_async.classes.boost import (
    Boost,
    BoostReturn,
)
from weaviate_async.classes.filters import FilterReturn
from weaviate_async.classes.query import (
    METADATA,
    PROPERTIES,
    PROPERTY,
)
from weaviate_async.classes.search import (
    MMR,
    REFERENCE,
    REFERENCES,
    BM25OperatorAnd,
    BM25OperatorAndCross,
    BM25OperatorFactory,
    BM25OperatorOptions,
    BM25OperatorOr,
    Diversity,
    GroupBy,
    HybridFusion,
    HybridVector,
    HybridVectorType,
    ListOfVectorsQuery,
    MetadataQuery,
    Move,
    NearMediaType,
    NearVector,
    NearVectorInputType,
    OneDimensionalVectorType,
    QueryNested,
    QueryReference,
    Rerank,
    Sort,
    Sorting,
    TargetVectorJoinType,
    TargetVectors,
    TwoDimensionalVectorType,
    V,
)

__all__ = [
    "BM25OperatorAnd",
    "BM25OperatorAndCross",
    "BM25OperatorFactory",
    "BM25OperatorOptions",
    "BM25OperatorOr",
    "Boost",
    "BoostReturn",
    "Diversity",
    "FilterReturn",
    "GroupBy",
    "HybridFusion",
    "HybridVector",
    "HybridVectorType",
    "ListOfVectorsQuery",
    "METADATA",
    "MMR",
    "MetadataQuery",
    "Move",
    "NearMediaType",
    "NearVector",
    "NearVectorInputType",
    "NestedProperties",
    "OneDimensionalVectorType",
    "PROPERTIES",
    "PROPERTY",
    "PrimitiveVectorType",
    "QueryNested",
    "QueryReference",
    "REFERENCE",
    "REFERENCES",
    "Rerank",
    "Sort",
    "Sorting",
    "TargetVectorJoinType",
    "TargetVectors",
    "TwoDimensionalVectorType",
    "V",
]

PrimitiveVectorType: TypeAlias = OneDimensionalVectorType | TwoDimensionalVectorType
"""One vector, or one multi-vector (a list of vectors)."""

NestedProperties: TypeAlias = list[str | QueryNested] | str | QueryNested
"""The properties of a nested object to return: names and ``QueryNested`` selections."""
