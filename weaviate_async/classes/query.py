"""What a query returns, which objects it considers and how it ranks: metadata, nested
properties, filters, hybrid fusion.

Sorting, grouping, reranking and target-vector combinations join this module as they land.

Example:
    >>> from weaviate_async.classes.query import Filter, MetadataQuery
    >>> await collection.query.bm25("cat", return_metadata=MetadataQuery(score=True))
    >>> await collection.data.delete_many(Filter.by_property("year").less_than(2000))
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Literal

import attrs

from weaviate_async._validate import attrs_check, check_bool
from weaviate_async.classes.data import GeoCoordinate
from weaviate_async.classes.filters import Filter, FilterReturn

__all__ = [
    "Filter",
    "FilterReturn",
    "GeoCoordinate",
    "HybridFusion",
    "MetadataQuery",
    "QueryNested",
]


_bool = attrs_check(check_bool, required=True)


@attrs.frozen(kw_only=True)
class MetadataQuery:
    """Which metadata a query returns with each object (``return_metadata``).

    A list of the field names, e.g. ``["distance", "creation_time"]``, does the same.

    Attributes:
        creation_time: the creation time.
        last_update_time: the last update time.
        distance: the vector distance to the query (vector searches).
        certainty: the certainty (vector searches on cosine distance).
        score: the BM25 / hybrid score.
        explain_score: the explanation of the score.
        is_consistent: whether the replicas agree on the object.
    """

    creation_time: bool = attrs.field(default=False, validator=_bool)
    last_update_time: bool = attrs.field(default=False, validator=_bool)
    distance: bool = attrs.field(default=False, validator=_bool)
    certainty: bool = attrs.field(default=False, validator=_bool)
    score: bool = attrs.field(default=False, validator=_bool)
    explain_score: bool = attrs.field(default=False, validator=_bool)
    is_consistent: bool = attrs.field(default=False, validator=_bool)

    @classmethod
    def full(cls) -> MetadataQuery:
        """Every metadata field."""
        return cls(
            creation_time=True,
            last_update_time=True,
            distance=True,
            certainty=True,
            score=True,
            explain_score=True,
            is_consistent=True,
        )


#: The metadata field names a list given as ``return_metadata`` may hold.
MetadataName = Literal[
    "creation_time",
    "last_update_time",
    "distance",
    "certainty",
    "score",
    "explain_score",
    "is_consistent",
]
#: What ``return_metadata`` accepts.
METADATA = MetadataQuery | Sequence[MetadataName]


@attrs.frozen
class QueryNested:
    """Which fields of an ``object`` / ``object[]`` property to return.

    Attributes:
        name: the object property.
        properties: its fields to return: names, or QueryNested for deeper objects.
    """

    name: str
    properties: str | QueryNested | Sequence[str | QueryNested]


#: A property to return: a name, or the fields of a nested object.
PROPERTY = str | QueryNested
#: What ``return_properties`` accepts.
PROPERTIES = PROPERTY | Sequence[PROPERTY]


class HybridFusion(str, Enum):
    """How a hybrid search fuses its keyword and vector rankings.

    Attributes:
        RANKED: by the reciprocal of each result's rank.
        RELATIVE_SCORE: by the normalized scores (the server's default).
    """

    RANKED = "FUSION_TYPE_RANKED"
    RELATIVE_SCORE = "FUSION_TYPE_RELATIVE_SCORE"
