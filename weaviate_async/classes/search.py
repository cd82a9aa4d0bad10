"""Search arguments: what a query returns, how it ranks, groups and combines its vectors.

Every class here is an immutable value checked when it is built (a bad value raises
:class:`WeaviateInvalidInputError` naming the argument), with the official client's names,
signatures and defaults. The wire encoders live in :mod:`weaviate_async.wire.search`.

Examples:
    >>> from weaviate_async.classes.query import GroupBy, MetadataQuery, Sort, TargetVectors
    >>> sort = Sort.by_property("year", ascending=False).by_id()
    >>> await collection.query.fetch_objects(sort=sort, return_metadata=MetadataQuery(score=True))
    >>> await collection.query.near_vector(
    ...     {"title": [0.1, 0.2], "body": [0.3, 0.4]},
    ...     target_vector=TargetVectors.manual_weights({"title": 2.0, "body": 1.0}),
    ...     group_by=GroupBy(prop="author", objects_per_group=2, number_of_groups=3),
    ... )
"""

# Type aliases keep typing.Union: some members are string forward references, which the
# runtime `X | Y` of a module-level alias cannot combine.
# ruff: noqa: UP007

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from enum import Enum
from types import MappingProxyType
from typing import Any, ClassVar, Generic, Literal, TypeAlias, TypeGuard, TypeVar, Union

import attrs

from weaviate_async._validate import (
    attrs_check,
    check_bool,
    check_float,
    check_int,
    check_str,
    invalid,
    uuid_str,
)
from weaviate_async.classes.data import GeoCoordinate

__all__ = [
    "BM25OperatorAnd",
    "BM25OperatorAndCross",
    "BM25OperatorFactory",
    "BM25OperatorOptions",
    "BM25OperatorOr",
    "Diversity",
    "GeoCoordinate",
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
    "PROPERTIES",
    "PROPERTY",
    "QueryNested",
    "QueryReference",
    "REFERENCE",
    "REFERENCES",
    "Rerank",
    "Sort",
    "Sorting",
    "TargetVectorJoinType",
    "TargetVectors",
]

_bool = attrs_check(check_bool, required=True)
_name = attrs_check(check_str, required=True, allow_empty=False)

# --------------------------------------------------------------------------------- vectors

#: A vector: a sequence of numbers (a numpy array works too).
OneDimensionalVectorType: TypeAlias = Sequence[Union[int, float]]
#: A multi-vector: a sequence of vectors of one length.
TwoDimensionalVectorType: TypeAlias = Sequence[Sequence[Union[int, float]]]

V = TypeVar("V", OneDimensionalVectorType, TwoDimensionalVectorType)


def _is_sequence(value: Any) -> bool:
    if isinstance(value, (str, bytes, Mapping)):
        return False
    return isinstance(value, Sequence) or hasattr(value, "__array__")


@attrs.frozen(kw_only=True)
class _ListOfVectorsQuery(Generic[V]):
    """Several query vectors for one target vector (``NearVector.list_of_vectors``).

    Attributes:
        dimensionality: ``"1D"`` for vectors, ``"2D"`` for multi-vectors.
        vectors: the query vectors.
    """

    dimensionality: Literal["1D", "2D"]
    vectors: Sequence[V]

    @staticmethod
    def is_one_dimensional(
        self_: _ListOfVectorsQuery[Any],
    ) -> TypeGuard[_ListOfVectorsQuery[OneDimensionalVectorType]]:
        """Whether the query vectors are vectors (not multi-vectors)."""
        return self_.dimensionality == "1D"

    @staticmethod
    def is_two_dimensional(
        self_: _ListOfVectorsQuery[Any],
    ) -> TypeGuard[_ListOfVectorsQuery[TwoDimensionalVectorType]]:
        """Whether the query vectors are multi-vectors."""
        return self_.dimensionality == "2D"


#: Several query vectors for one target vector; made by :meth:`NearVector.list_of_vectors`.
ListOfVectorsQuery = _ListOfVectorsQuery

#: What ``near_vector`` (and hybrid's ``vector``) searches with: a vector, a multi-vector, or
#: ``{target name: vector, multi-vector or NearVector.list_of_vectors(...)}``.
NearVectorInputType: TypeAlias = Union[
    OneDimensionalVectorType,
    TwoDimensionalVectorType,
    Mapping[
        str,
        Union[
            OneDimensionalVectorType,
            TwoDimensionalVectorType,
            "_ListOfVectorsQuery[OneDimensionalVectorType]",
            "_ListOfVectorsQuery[TwoDimensionalVectorType]",
        ],
    ],
]


class NearVector:
    """Factories for vector inputs of ``near_vector()`` and ``hybrid()``."""

    @staticmethod
    def list_of_vectors(*vectors: V) -> _ListOfVectorsQuery[V]:
        """Several query vectors searched against one target vector (all vectors, or all
        multi-vectors).

        Examples:
            >>> query.near_vector({"title": NearVector.list_of_vectors([0.1, 0.2], [0.3, 0.4])})

        Raises:
            WeaviateInvalidInputError: no vector is given, or they are not all of one kind.
        """
        if not vectors or not _is_sequence(vectors[0]) or len(vectors[0]) == 0:
            raise invalid("vectors", "at least one non-empty vector is required", vectors)
        kinds = {_is_sequence(v[0]) if len(v) else None for v in vectors}
        if len(kinds) != 1 or None in kinds:
            raise invalid("vectors", "must all be vectors or all be multi-vectors", vectors)
        return _ListOfVectorsQuery(
            dimensionality="2D" if kinds == {True} else "1D", vectors=tuple(vectors)
        )


# --------------------------------------------------------------------------------- metadata


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
        query_profile: per-shard timings of the search (``QueryReturn.query_profile``); costs
            time on the server (server 1.36.9 or newer).
    """

    creation_time: bool = attrs.field(default=False, validator=_bool)
    last_update_time: bool = attrs.field(default=False, validator=_bool)
    distance: bool = attrs.field(default=False, validator=_bool)
    certainty: bool = attrs.field(default=False, validator=_bool)
    score: bool = attrs.field(default=False, validator=_bool)
    explain_score: bool = attrs.field(default=False, validator=_bool)
    is_consistent: bool = attrs.field(default=False, validator=_bool)
    query_profile: bool = attrs.field(default=False, validator=_bool)

    @classmethod
    def full(cls) -> MetadataQuery:
        """Every metadata field except ``query_profile`` (which costs time on the server)."""
        return cls(
            creation_time=True,
            last_update_time=True,
            distance=True,
            certainty=True,
            score=True,
            explain_score=True,
            is_consistent=True,
        )

    @classmethod
    def full_with_profile(cls) -> MetadataQuery:
        """Every metadata field, ``query_profile`` included (server 1.36.9 or newer)."""
        return cls(
            creation_time=True,
            last_update_time=True,
            distance=True,
            certainty=True,
            score=True,
            explain_score=True,
            is_consistent=True,
            query_profile=True,
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
    "query_profile",
]
#: What ``return_metadata`` accepts: a MetadataQuery or a list of its field names.
METADATA: TypeAlias = Union[list[MetadataName], MetadataQuery]
METADATA_FIELDS: tuple[str, ...] = tuple(a.name for a in attrs.fields(MetadataQuery))


def to_metadata_query(value: Any, field: str = "return_metadata") -> MetadataQuery | None:
    """``return_metadata`` as a MetadataQuery (None stays None)."""
    if value is None or isinstance(value, MetadataQuery):
        return value
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        flags: dict[str, bool] = {}
        for name in value:
            if name not in METADATA_FIELDS:
                raise invalid(field, f"names must be among {', '.join(METADATA_FIELDS)}", name)
            flags[name] = True
        return MetadataQuery(**flags)
    raise invalid(field, "must be a MetadataQuery or a list of metadata field names", value)


# --------------------------------------------------------------------------------- properties


def _nested_properties(value: Any) -> str | QueryNested | tuple[str | QueryNested, ...]:
    if isinstance(value, (str, QueryNested)):
        if isinstance(value, str) and not value:
            raise invalid("properties", "property names must not be empty", value)
        return value
    if not isinstance(value, Sequence) or isinstance(value, bytes):
        raise invalid("properties", "must be a name, a QueryNested or a list of them", value)
    for item in value:
        if not isinstance(item, (str, QueryNested)) or item == "":
            raise invalid("properties", "entries must be property names or QueryNested", item)
    return tuple(value)


@attrs.frozen(kw_only=True)
class QueryNested:
    """Which fields of an ``object`` / ``object[]`` property to return.

    Examples:
        >>> QueryNested(name="meta", properties=["author", QueryNested(name="inner", properties="x")])

    Attributes:
        name: the object property.
        properties: its fields to return: names, or QueryNested for deeper objects.
    """

    name: str = attrs.field(validator=_name)
    properties: PROPERTIES = attrs.field(converter=_nested_properties)


#: A property to return: a name, or the fields of a nested object.
PROPERTY: TypeAlias = Union[str, QueryNested]
#: What ``return_properties`` accepts (besides True, False, None and a TypedDict).
PROPERTIES: TypeAlias = Union[Sequence[PROPERTY], PROPERTY]


def _include_vector(value: Any) -> bool | str | tuple[str, ...]:
    if isinstance(value, (bool, str)):
        return value
    if isinstance(value, Sequence) and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    raise invalid("include_vector", "must be a bool, a vector name or a list of names", value)


def _ref_metadata(value: Any) -> MetadataQuery | None:
    return to_metadata_query(value, "return_metadata")


def _ref_properties(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, type):
        return value  # a TypedDict: its keys are read when the query is built
    return _nested_properties(value)


def _references(value: Any) -> Any:
    if value is None or isinstance(value, _QueryReference):
        return value
    if isinstance(value, type):
        return value
    if isinstance(value, Sequence) and all(isinstance(v, _QueryReference) for v in value):
        return tuple(value)
    raise invalid("return_references", "must be a QueryReference or a list of them", value)


@attrs.frozen(kw_only=True)
class _QueryReference:
    """A reference property to follow, and what to return of the objects it points to.

    Attributes:
        link_on: the reference property.
        include_vector: the referenced objects' vectors: True (all), False, or names.
        return_metadata: their metadata (a MetadataQuery or a list of field names).
        return_properties: their properties (None: all non-blob properties).
        return_references: references to follow from them in turn.
    """

    link_on: str = attrs.field(validator=_name)
    include_vector: INCLUDE_VECTOR = attrs.field(default=False, converter=_include_vector)
    return_metadata: MetadataQuery | None = attrs.field(default=None, converter=_ref_metadata)
    return_properties: PROPERTIES | bool | None = attrs.field(
        default=None, converter=_ref_properties
    )
    return_references: REFERENCES | None = attrs.field(default=None, converter=_references)


@attrs.frozen(kw_only=True)
class _QueryReferenceMultiTarget(_QueryReference):
    """A multi-target reference property to follow into one of its target collections.

    Attributes:
        target_collection: the target collection whose objects are returned.
    """

    target_collection: str = attrs.field(validator=_name)


@attrs.frozen(kw_only=True)
class QueryReference(_QueryReference):
    """A reference property to follow in a query (``return_references``).

    ``QueryReference.MultiTarget(link_on=..., target_collection=...)`` follows a multi-target
    reference into one target collection.

    Examples:
        >>> QueryReference(link_on="author", return_properties=["name"])
    """

    MultiTarget: ClassVar[type[_QueryReferenceMultiTarget]] = _QueryReferenceMultiTarget


#: One reference to follow.
REFERENCE: TypeAlias = Union[_QueryReference, _QueryReferenceMultiTarget]
#: What ``return_references`` accepts (besides a TypedDict).
REFERENCES: TypeAlias = Union[Sequence[REFERENCE], REFERENCE]
#: ``include_vector``: all vectors (True), none (False), or some by name.
INCLUDE_VECTOR: TypeAlias = Union[bool, str, list[str]]

# --------------------------------------------------------------------------------- group, sort


@attrs.frozen(kw_only=True)
class GroupBy:
    """Group the results by a property's value.

    Attributes:
        prop: the property to group by.
        objects_per_group: at most this many objects per group.
        number_of_groups: at most this many groups.
    """

    prop: str = attrs.field(validator=_name)
    objects_per_group: int = attrs.field(
        validator=attrs_check(check_int, required=True, minimum=1, maximum=2**31 - 1)
    )
    number_of_groups: int = attrs.field(
        validator=attrs_check(check_int, required=True, minimum=1, maximum=2**31 - 1)
    )


@attrs.frozen(kw_only=True)
class Rerank:
    """Rerank the results with the collection's reranker module.

    Attributes:
        prop: the property whose text the reranker reads.
        query: the query to rerank by (None: the search's own query).
    """

    prop: str = attrs.field(validator=_name)
    query: str | None = attrs.field(default=None, validator=attrs_check(check_str))


@attrs.frozen
class _Sort:
    prop: str
    ascending: bool


def _sort_field(name: Any, ascending: Any, field: str) -> _Sort:
    check_str(name, field, allow_empty=False)
    if name is None:
        raise invalid(field, "is required", name)
    check_bool(ascending, "ascending")
    return _Sort(name, True if ascending is None else ascending)


class _Sorting:
    """A sort order: one or more sort keys, applied in turn. Each method returns a new
    ``Sorting`` with one more key (the original is unchanged).

    Examples:
        >>> Sort.by_property("year", ascending=False).by_creation_time()

    Attributes:
        sorts: the sort keys, in order.
    """

    __slots__ = ("sorts",)
    sorts: tuple[_Sort, ...]

    def __init__(self) -> None:
        object.__setattr__(self, "sorts", ())

    def _then(self, sort: _Sort) -> _Sorting:
        out = _Sorting()
        object.__setattr__(out, "sorts", (*self.sorts, sort))
        return out

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a Sorting is immutable: {name} cannot be set")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Sorting) and self.sorts == other.sorts

    def __hash__(self) -> int:
        return hash(self.sorts)

    def __repr__(self) -> str:
        return f"Sorting({list(self.sorts)!r})"

    def by_property(self, name: str, ascending: bool = True) -> _Sorting:
        """Then by the property ``name``."""
        return self._then(_sort_field(name, ascending, "name"))

    def by_id(self, ascending: bool = True) -> _Sorting:
        """Then by the object's uuid."""
        return self._then(_sort_field("_id", ascending, "name"))

    def by_creation_time(self, ascending: bool = True) -> _Sorting:
        """Then by the object's creation time."""
        return self._then(_sort_field("_creationTimeUnix", ascending, "name"))

    def by_update_time(self, ascending: bool = True) -> _Sorting:
        """Then by the object's last update time."""
        return self._then(_sort_field("_lastUpdateTimeUnix", ascending, "name"))


#: A sort order, as :class:`Sort` builds it.
Sorting = _Sorting


class Sort:
    """Sort orders of ``fetch_objects`` (``sort=``); chain methods for more keys.

    Examples:
        >>> await collection.query.fetch_objects(sort=Sort.by_property("year").by_id())
    """

    def __init__(self) -> None:
        raise TypeError("Sort cannot be instantiated: use its static methods, e.g. Sort.by_id()")

    @staticmethod
    def by_property(name: str, ascending: bool = True) -> Sorting:
        """By the property ``name``."""
        return _Sorting().by_property(name=name, ascending=ascending)

    @staticmethod
    def by_id(ascending: bool = True) -> Sorting:
        """By the object's uuid."""
        return _Sorting().by_id(ascending=ascending)

    @staticmethod
    def by_creation_time(ascending: bool = True) -> Sorting:
        """By the object's creation time."""
        return _Sorting().by_creation_time(ascending=ascending)

    @staticmethod
    def by_update_time(ascending: bool = True) -> Sorting:
        """By the object's last update time."""
        return _Sorting().by_update_time(ascending=ascending)


# --------------------------------------------------------------------------------- near text


def _uuid_list(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    return tuple(uuid_str(v, "objects") for v in items)


def _concept_list(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, str):
            raise invalid("concepts", "must be a str or a list of str", value)
    return tuple(items)


@attrs.frozen
class Move:
    """Move a ``near_text`` query towards (``move_to``) or away from (``move_away``) concepts
    or objects.

    Attributes:
        force: how far to move (0..1).
        objects: uuids of objects to move relative to.
        concepts: words or phrases to move relative to.

    Raises:
        WeaviateInvalidInputError: neither objects nor concepts are given.
    """

    force: float = attrs.field(validator=attrs_check(check_float, required=True))
    objects: tuple[str, ...] | None = attrs.field(default=None, converter=_uuid_list)
    concepts: tuple[str, ...] | None = attrs.field(default=None, converter=_concept_list)

    def __attrs_post_init__(self) -> None:
        if not self.objects and not self.concepts:
            raise invalid("objects", "either objects or concepts must be given", None)

    @property
    def _objects_list(self) -> list[str] | None:
        return None if self.objects is None else list(self.objects)

    @property
    def _concepts_list(self) -> list[str] | None:
        return None if self.concepts is None else list(self.concepts)


# --------------------------------------------------------------------------------- targets


class _MultiTargetVectorJoinEnum(Enum):
    """How the distances to several target vectors are combined."""

    SUM = 1
    AVERAGE = 2
    MINIMUM = 3
    RELATIVE_SCORE = 4
    MANUAL_WEIGHTS = 5


def _target_names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise invalid("target_vectors", "must be a non-empty list of vector names", value)
    for name in value:
        if not isinstance(name, str) or not name:
            raise invalid("target_vectors", "must be a non-empty list of vector names", value)
    return tuple(value)


def _weights(value: Any) -> Mapping[str, float | tuple[float, ...]] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or not value:
        raise invalid("weights", "must map vector names to weights", value)
    out: dict[str, float | tuple[float, ...]] = {}
    for name, weight in value.items():
        if not isinstance(name, str) or not name:
            raise invalid("weights", "keys must be vector names", name)
        if isinstance(weight, list):
            for w in weight:
                check_float(w, f"weights[{name!r}]")
            out[name] = tuple(float(w) for w in weight)
        else:
            check_float(weight, f"weights[{name!r}]")
            if weight is None:
                raise invalid(f"weights[{name!r}]", "must be a number", weight)
            out[name] = float(weight)
    return MappingProxyType(out)


@attrs.frozen(kw_only=True)
class _MultiTargetVectorJoin:
    """Several target vectors and how their distances combine (made by
    :class:`TargetVectors`).

    Attributes:
        combination: the combination method.
        target_vectors: the target vector names.
        weights: weights per target (manual weights and relative score); a list gives one
            weight per query vector of that target.
    """

    combination: _MultiTargetVectorJoinEnum
    target_vectors: tuple[str, ...] = attrs.field(converter=_target_names)
    weights: Mapping[str, float | tuple[float, ...]] | None = attrs.field(
        default=None, converter=_weights
    )


def _weight_keys(weights: Any) -> list[str]:
    if not isinstance(weights, Mapping) or not weights:
        raise invalid("weights", "must map vector names to weights", weights)
    return list(weights)


#: ``target_vector``: a name, a list of names, or a combination from :class:`TargetVectors`.
TargetVectorJoinType: TypeAlias = Union[str, list[str], _MultiTargetVectorJoin]


class TargetVectors:
    """How the distances to several target vectors are combined into one score.

    Examples:
        >>> TargetVectors.manual_weights({"title": 2.0, "body": 1.0})
    """

    @staticmethod
    def sum(target_vectors: list[str]) -> _MultiTargetVectorJoin:
        """The sum of the distances."""
        return _MultiTargetVectorJoin(
            combination=_MultiTargetVectorJoinEnum.SUM, target_vectors=target_vectors
        )

    @staticmethod
    def average(target_vectors: list[str]) -> _MultiTargetVectorJoin:
        """The average of the distances."""
        return _MultiTargetVectorJoin(
            combination=_MultiTargetVectorJoinEnum.AVERAGE, target_vectors=target_vectors
        )

    @staticmethod
    def minimum(target_vectors: list[str]) -> _MultiTargetVectorJoin:
        """The smallest of the distances."""
        return _MultiTargetVectorJoin(
            combination=_MultiTargetVectorJoinEnum.MINIMUM, target_vectors=target_vectors
        )

    @staticmethod
    def manual_weights(weights: dict[str, float | list[float]]) -> _MultiTargetVectorJoin:
        """The weighted sum of the distances (a list: one weight per query vector)."""
        return _MultiTargetVectorJoin(
            combination=_MultiTargetVectorJoinEnum.MANUAL_WEIGHTS,
            target_vectors=_weight_keys(weights),
            weights=weights,
        )

    @staticmethod
    def relative_score(weights: dict[str, float | list[float]]) -> _MultiTargetVectorJoin:
        """Relative-score fusion of the per-target results, weighted."""
        return _MultiTargetVectorJoin(
            combination=_MultiTargetVectorJoinEnum.RELATIVE_SCORE,
            target_vectors=_weight_keys(weights),
            weights=weights,
        )


# --------------------------------------------------------------------------------- hybrid


class HybridFusion(str, Enum):
    """How a hybrid search fuses its keyword and vector rankings.

    Attributes:
        RANKED: by the reciprocal of each result's rank.
        RELATIVE_SCORE: by the normalized scores (the server's default).
    """

    RANKED = "FUSION_TYPE_RANKED"
    RELATIVE_SCORE = "FUSION_TYPE_RELATIVE_SCORE"


def _opt_float(field: str) -> Any:
    return attrs_check(check_float, field)


def _text_query(value: Any) -> str | tuple[str, ...]:
    if isinstance(value, str):
        return value
    if isinstance(value, Sequence) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise invalid("query", "must be a str or a non-empty list of str", value)


@attrs.frozen(kw_only=True)
class _HybridNearText:
    """The vector part of a hybrid search as a ``near_text`` sub-search."""

    text: str | tuple[str, ...] = attrs.field(converter=_text_query)
    distance: float | None = attrs.field(default=None, validator=_opt_float("distance"))
    certainty: float | None = attrs.field(default=None, validator=_opt_float("certainty"))
    move_to: Move | None = attrs.field(default=None)
    move_away: Move | None = attrs.field(default=None)


@attrs.frozen(kw_only=True)
class _HybridNearVector:
    """The vector part of a hybrid search as a ``near_vector`` sub-search."""

    vector: NearVectorInputType
    distance: float | None = attrs.field(default=None, validator=_opt_float("distance"))
    certainty: float | None = attrs.field(default=None, validator=_opt_float("certainty"))


#: hybrid's ``vector``: a vector input, or a sub-search from :class:`HybridVector`.
HybridVectorType: TypeAlias = Union[NearVectorInputType, _HybridNearText, _HybridNearVector]


class HybridVector:
    """Sub-searches for the vector part of ``hybrid(vector=...)``."""

    @staticmethod
    def near_text(
        query: str | list[str],
        *,
        certainty: float | None = None,
        distance: float | None = None,
        move_to: Move | None = None,
        move_away: Move | None = None,
    ) -> _HybridNearText:
        """The vector part as a near_text search of ``query`` (the collection vectorizes it).

        Examples:
            >>> await collection.query.hybrid("cat", vector=HybridVector.near_text("feline"))
        """
        return _HybridNearText(
            text=query, distance=distance, certainty=certainty, move_to=move_to, move_away=move_away
        )

    @staticmethod
    def near_vector(
        vector: NearVectorInputType,
        *,
        certainty: float | None = None,
        distance: float | None = None,
    ) -> _HybridNearVector:
        """The vector part as a near_vector search, with its own certainty or distance."""
        return _HybridNearVector(vector=vector, distance=distance, certainty=certainty)


# --------------------------------------------------------------------------------- bm25


# The operators and MMR are frozen dataclasses, as the official ones are dataclasses.
@dataclasses.dataclass(frozen=True)
class BM25OperatorOptions:
    """How a keyword search matches the query's tokens (made by :class:`BM25OperatorFactory`)."""

    operator: ClassVar[str] = ""


@dataclasses.dataclass(frozen=True)
class BM25OperatorOr(BM25OperatorOptions):
    """At least ``minimum_should_match`` query tokens must match."""

    operator: ClassVar[str] = "or"
    minimum_should_match: int

    def __post_init__(self) -> None:
        check_int(self.minimum_should_match, "minimum_match", minimum=1, maximum=2**31 - 1)
        if self.minimum_should_match is None:
            raise invalid("minimum_match", "is required", None)


@dataclasses.dataclass(frozen=True)
class BM25OperatorAnd(BM25OperatorOptions):
    """Every query token must match within one property."""

    operator: ClassVar[str] = "and"


@dataclasses.dataclass(frozen=True)
class BM25OperatorAndCross(BM25OperatorOptions):
    """Every query token must match in one of the searched properties (server 1.37.15,
    1.38.8, 1.39.0 or newer)."""

    operator: ClassVar[str] = "and_cross"


class BM25OperatorFactory:
    """Token matching of keyword searches (``bm25(operator=...)``,
    ``hybrid(bm25_operator=...)``); importable as ``BM25Operator``.

    Examples:
        >>> await collection.query.bm25("red fast car", operator=BM25Operator.or_(minimum_match=2))
    """

    def __init__(self) -> None:
        raise TypeError("BM25Operator cannot be instantiated: use its static methods")

    @staticmethod
    def or_(minimum_match: int) -> BM25OperatorOptions:
        """At least ``minimum_match`` query tokens (stopwords aside) must match."""
        return BM25OperatorOr(minimum_match)

    @staticmethod
    def and_() -> BM25OperatorOptions:
        """Every query token must match (within one property)."""
        return BM25OperatorAnd()

    @staticmethod
    def and_cross() -> BM25OperatorOptions:
        """Every query token must match in at least one of the searched properties; the
        properties must share their tokenization (server 1.37.15, 1.38.8, 1.39.0 or newer)."""
        return BM25OperatorAndCross()


# --------------------------------------------------------------------------------- media


class NearMediaType(str, Enum):
    """The media kinds of ``near_media`` (served by ``multi2vec-*`` modules)."""

    AUDIO = "audio"
    DEPTH = "depth"
    IMAGE = "image"
    IMU = "imu"
    THERMAL = "thermal"
    VIDEO = "video"


# --------------------------------------------------------------------------------- diversity


@dataclasses.dataclass(frozen=True)
class MMR:
    """Maximal Marginal Relevance selection (server 1.37 or newer; not for multi-vectors).

    Attributes:
        limit: how many objects to select (required by the server: at least 1 and at most the
            query's ``limit``).
        balance: 1.0 ranks by relevance only, 0.0 by dissimilarity to the objects already
            selected only.
    """

    limit: int | None = None
    balance: float | None = None

    def __post_init__(self) -> None:
        check_int(self.limit, "limit", minimum=1, maximum=2**32 - 1)
        check_float(self.balance, "balance", minimum=0.0, maximum=1.0)


class Diversity:
    """Diversity selection of search results (``diversity_selection=``)."""

    def __init__(self) -> None:
        raise TypeError("Diversity cannot be instantiated: use Diversity.mmr(...)")

    @staticmethod
    def mmr(limit: int | None = None, balance: float | None = None) -> MMR:
        """Maximal Marginal Relevance: ``limit`` objects balancing relevance and variety.

        Examples:
            >>> await collection.query.near_text(
            ...     "cat", limit=20, diversity_selection=Diversity.mmr(limit=5, balance=0.5)
            ... )
        """
        return MMR(limit=limit, balance=balance)
