"""The search results (``Object``, ``QueryReturn``, ``GroupByReturn`` ...) and their type aliases,
at the official ``weaviate.collections.classes.internal`` path.

The objects are our own (see the imports); this module gives programs written for the
official client the path they import from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from weaviate_async.classes.data import (
    ReferenceInput,
    ReferenceInputs,
    ReferenceToMulti,
    SingleReferenceInput,
)
from weaviate_async.classes.internal import (
    CrossReference,
    CrossReferenceAnnotation,
    CrossReferences,
    GenerativeGroup,
    GenerativeGroupByReturn,
    GenerativeGroupByReturnType,
    GenerativeGrouped,
    GenerativeMetadata,
    GenerativeNearMediaReturnType,
    GenerativeObject,
    GenerativeReturn,
    GenerativeReturnType,
    GenerativeSearchReturnType,
    GenerativeSingle,
    Group,
    GroupByMetadataReturn,
    GroupByObject,
    GroupByReturn,
    GroupByReturnType,
    MetadataReturn,
    MetadataSingleObjectReturn,
    Nested,
    Object,
    ObjectSingleReturn,
    QueryNearMediaReturnType,
    QueryProfileReturn,
    QueryReturn,
    QueryReturnType,
    QuerySearchReturnType,
    QuerySingleReturn,
    SearchProfileReturn,
    ShardProfileReturn,
)
from weaviate_async.classes.search import (
    PROPERTIES,
    REFERENCE,
    GroupBy,
    MetadataQuery,
    QueryNested,
    Rerank,
)
from weaviate_async.typevars import TProperties, TReferences

__all__ = [
    "CrossReference",
    "CrossReferenceAnnotation",
    "CrossReferences",
    "GenerativeGroup",
    "GenerativeGroupByReturn",
    "GenerativeGroupByReturnType",
    "GenerativeGrouped",
    "GenerativeMetadata",
    "GenerativeNearMediaReturnType",
    "GenerativeObject",
    "GenerativeReturn",
    "GenerativeReturnType",
    "GenerativeSearchReturnType",
    "GenerativeSingle",
    "Group",
    "GroupBy",
    "GroupByMetadataReturn",
    "GroupByObject",
    "GroupByReturn",
    "GroupByReturnType",
    "MetadataQuery",
    "MetadataReturn",
    "MetadataSingleObjectReturn",
    "Nested",
    "Object",
    "ObjectSingleReturn",
    "QueryNearMediaReturnType",
    "QueryNested",
    "QueryProfileReturn",
    "QueryReturn",
    "QueryReturnType",
    "QuerySearchReturnType",
    "QuerySingleReturn",
    "ReferenceInput",
    "ReferenceInputs",
    "ReferenceToMulti",
    "Rerank",
    "ReturnProperties",
    "ReturnReferences",
    "SearchProfileReturn",
    "ShardProfileReturn",
    "SingleReferenceInput",
]

ReturnProperties: TypeAlias = PROPERTIES | bool | type[TProperties]
"""What ``return_properties`` accepts: names, ``QueryNested``, a bool or a TypedDict class."""

ReturnReferences: TypeAlias = REFERENCE | Sequence[REFERENCE] | type[TReferences]
"""What ``return_references`` accepts: ``QueryReference`` objects or a TypedDict class."""
