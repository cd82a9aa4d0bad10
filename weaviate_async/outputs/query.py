"""What searches return (objects, groups, metadata, generated text, profiles) and the types of
their inputs, at the official ``weaviate.outputs.query`` path.

Examples:
    >>> from weaviate_async.outputs.query import QueryReturn, Object, GroupByReturn
"""

from __future__ import annotations

from weaviate_async.classes.data import GeoCoordinate, ReferenceInput, ReferenceInputs
from weaviate_async.classes.filters import (
    FilterByCreationTime,
    FilterById,
    FilterByProperty,
    FilterByRef,
    FilterByUpdateTime,
    FilterReturn,
)
from weaviate_async.classes.internal import (
    GenerativeGroup,
    GenerativeGroupByReturn,
    GenerativeGroupByReturnType,
    GenerativeNearMediaReturnType,
    GenerativeObject,
    GenerativeReturn,
    GenerativeReturnType,
    GenerativeSearchReturnType,
    Group,
    GroupByObject,
    GroupByReturn,
    GroupByReturnType,
    MetadataReturn,
    MetadataSingleObjectReturn,
    Object,
    ObjectSingleReturn,
    QueryNearMediaReturnType,
    QueryProfileReturn,
    QueryReturn,
    QueryReturnType,
    QuerySingleReturn,
    SearchProfileReturn,
    ShardProfileReturn,
)
from weaviate_async.classes.search import (
    MMR,
    BM25OperatorAnd,
    BM25OperatorAndCross,
    BM25OperatorOr,
    ListOfVectorsQuery,
    NearVectorInputType,
    Sorting,
    TargetVectorJoinType,
)
from weaviate_async.types import PhoneNumberType, WeaviateField, WeaviateProperties

__all__ = [
    "BM25OperatorAnd",
    "BM25OperatorAndCross",
    "BM25OperatorOr",
    "FilterByCreationTime",
    "FilterById",
    "FilterByProperty",
    "FilterByRef",
    "FilterByUpdateTime",
    "FilterReturn",
    "GenerativeGroup",
    "GenerativeGroupByReturn",
    "GenerativeGroupByReturnType",
    "GenerativeNearMediaReturnType",
    "GenerativeObject",
    "GenerativeReturn",
    "GenerativeReturnType",
    "GenerativeSearchReturnType",
    "GeoCoordinate",
    "Group",
    "GroupByObject",
    "GroupByReturn",
    "GroupByReturnType",
    "ListOfVectorsQuery",
    "MMR",
    "MetadataReturn",
    "MetadataSingleObjectReturn",
    "NearVectorInputType",
    "Object",
    "ObjectSingleReturn",
    "PhoneNumberType",
    "QueryNearMediaReturnType",
    "QueryProfileReturn",
    "QueryReturn",
    "QueryReturnType",
    "QuerySingleReturn",
    "ReferenceInput",
    "ReferenceInputs",
    "SearchProfileReturn",
    "ShardProfileReturn",
    "Sorting",
    "TargetVectorJoinType",
    "WeaviateField",
    "WeaviateProperties",
]
