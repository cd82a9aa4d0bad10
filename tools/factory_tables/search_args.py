"""The search arguments of ``weaviate_async.classes.search``, generated into that module by
``tools/gen_filters.py``.

Each argument class is written once: its fields with their checks and one line of docs each
(the ``Attributes:`` section is made from them), and its factories with their official
signatures and docs. The checks and converters are hand-written in
``weaviate_async/classes/_search_core.py``; a converter that checks for a class of this module
is bound to that class here (``CONVERTERS``), so the core never imports the module above it.
"""

from __future__ import annotations

from factory_tables.surface import Cls, Field, Method, Surface

DOC = """Search arguments: what a query returns, how it ranks, groups and combines its vectors.

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

HEADER = """
# Type aliases keep typing.Union: some members are string forward references, which the
# runtime `X | Y` of a module-level alias cannot combine.
# ruff: noqa: UP007

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any, ClassVar, Generic, Literal, TypeAlias, TypeGuard, Union

import attrs

from weaviate_async._validate import attrs_check, check_float, check_int, check_str
from weaviate_async.classes._search_core import (
    OneDimensionalVectorType as OneDimensionalVectorType,
    TwoDimensionalVectorType as TwoDimensionalVectorType,
    V as V,
    _bool,
    _include_vector,
    _metadata_query,
    _nested_properties_of,
    _ref_properties_of,
    _references_of,
    _as_list,
    _check_minimum_match,
    _check_mmr,
    _check_move,
    _concept_list,
    _vectors_dimensionality,
    _name,
    _opt_float,
    _sort_field,
    _SortKeys,
    _target_names,
    _text_query,
    _uuid_list,
    _weight_keys,
    _weights,
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

# The converters that check for a class of this module hand that class (defined below, looked
# up when they run) to the check in _search_core, which sits below this module.


def to_metadata_query(value: Any, field: str = "return_metadata") -> MetadataQuery | None:
    \"\"\"``return_metadata`` as a MetadataQuery: a list of field names sets those flags; None
    stays None.\"\"\"
    return _metadata_query(value, field, MetadataQuery, METADATA_FIELDS)


def _nested_properties(value: Any) -> str | QueryNested | tuple[str | QueryNested, ...]:
    return _nested_properties_of(value, QueryNested)


def _ref_properties(value: Any) -> Any:
    return _ref_properties_of(value, QueryNested)


def _references(value: Any) -> Any:
    return _references_of(value, _QueryReference)
"""

#: MetadataQuery's fields: (name, docs); a list of these names does the same as the flags.
METADATA_FIELDS = [
    ("creation_time", "the creation time."),
    ("last_update_time", "the last update time."),
    ("distance", "the vector distance to the query (vector searches)."),
    ("certainty", "the certainty (vector searches on cosine distance)."),
    ("score", "the BM25 / hybrid score."),
    ("explain_score", "the explanation of the score."),
    ("is_consistent", "whether the replicas agree on the object."),
    (
        "query_profile",
        "per-shard timings of the search (``QueryReturn.query_profile``); costs time on the "
        "server (server 1.36.9 or newer).",
    ),
]
METADATA_NAMES = ", ".join(f'"{name}"' for name, _ in METADATA_FIELDS)

METADATA_QUERY = Cls(
    "MetadataQuery",
    """Which metadata a query returns with each object (``return_metadata``).

A list of the field names, e.g. ``["distance", "creation_time"]``, does the same.""",
    decorator="@attrs.frozen(kw_only=True)",
    fields=[
        Field(name, "bool", "attrs.field(default=False, validator=_bool)", doc)
        for name, doc in METADATA_FIELDS
    ],
    methods=[
        Method(
            "full",
            "",
            "MetadataQuery",
            "Every metadata field except ``query_profile`` (which costs time on the server).",
            'return cls(**{name: name != "query_profile" for name in METADATA_FIELDS})',
            "class",
        ),
        Method(
            "full_with_profile",
            "",
            "MetadataQuery",
            "Every metadata field, ``query_profile`` included (server 1.36.9 or newer).",
            "return cls(**dict.fromkeys(METADATA_FIELDS, True))",
            "class",
        ),
    ],
    after=f"""#: The metadata field names a list given as ``return_metadata`` may hold.
MetadataName = Literal[{METADATA_NAMES}]
#: What ``return_metadata`` accepts: a MetadataQuery or a list of its field names.
METADATA: TypeAlias = Union[list[MetadataName], MetadataQuery]
METADATA_FIELDS: tuple[str, ...] = tuple(a.name for a in attrs.fields(MetadataQuery))""",
)

QUERY_NESTED = Cls(
    "QueryNested",
    """Which fields of an ``object`` / ``object[]`` property to return.

Examples:
    >>> QueryNested(name="meta", properties=["author", QueryNested(name="inner", properties="x")])""",
    decorator="@attrs.frozen(kw_only=True)",
    fields=[
        Field("name", "str", "attrs.field(validator=_name)", "the object property."),
        Field(
            "properties",
            "PROPERTIES",
            "attrs.field(converter=_nested_properties)",
            "its fields to return: names, or QueryNested for deeper objects.",
        ),
    ],
    after="""#: A property to return: a name, or the fields of a nested object.
PROPERTY: TypeAlias = Union[str, QueryNested]
#: What ``return_properties`` accepts (besides True, False, None and a TypedDict).
PROPERTIES: TypeAlias = Union[Sequence[PROPERTY], PROPERTY]""",
)

QUERY_REFERENCE_BASE = Cls(
    "_QueryReference",
    "A reference property to follow, and what to return of the objects it points to.",
    decorator="@attrs.frozen(kw_only=True)",
    fields=[
        Field("link_on", "str", "attrs.field(validator=_name)", "the reference property."),
        Field(
            "include_vector",
            "INCLUDE_VECTOR",
            "attrs.field(default=False, converter=_include_vector)",
            "the referenced objects' vectors: True (all), False, or names.",
        ),
        Field(
            "return_metadata",
            "MetadataQuery | None",
            "attrs.field(default=None, converter=to_metadata_query)",
            "their metadata (a MetadataQuery or a list of field names).",
        ),
        Field(
            "return_properties",
            "PROPERTIES | bool | None",
            "attrs.field(default=None, converter=_ref_properties)",
            "their properties (None: all non-blob properties).",
        ),
        Field(
            "return_references",
            "REFERENCES | None",
            "attrs.field(default=None, converter=_references)",
            "references to follow from them in turn.",
        ),
    ],
)

QUERY_REFERENCE_MULTI = Cls(
    "_QueryReferenceMultiTarget",
    "A multi-target reference property to follow into one of its target collections.",
    bases="_QueryReference",
    decorator="@attrs.frozen(kw_only=True)",
    fields=[
        Field(
            "target_collection",
            "str",
            "attrs.field(validator=_name)",
            "the target collection whose objects are returned.",
        )
    ],
)

QUERY_REFERENCE = Cls(
    "QueryReference",
    """A reference property to follow in a query (``return_references``).

``QueryReference.MultiTarget(link_on=..., target_collection=...)`` follows a multi-target
reference into one target collection.

Examples:
    >>> QueryReference(link_on="author", return_properties=["name"])
""",
    bases="_QueryReference",
    decorator="@attrs.frozen(kw_only=True)",
    body="MultiTarget: ClassVar[type[_QueryReferenceMultiTarget]] = _QueryReferenceMultiTarget",
    after="""#: One reference to follow.
REFERENCE: TypeAlias = Union[_QueryReference, _QueryReferenceMultiTarget]
#: What ``return_references`` accepts (besides a TypedDict).
REFERENCES: TypeAlias = Union[Sequence[REFERENCE], REFERENCE]
#: ``include_vector``: all vectors (True), none (False), or some by name.
INCLUDE_VECTOR: TypeAlias = Union[bool, str, list[str]]""",
)

#: the bound of the server's int32 counts
INT32 = "2**31 - 1"


def dimension_guard(name: str, dims: str, vectors: str, doc: str) -> Method:
    """``is_one_dimensional`` / ``is_two_dimensional``: a type guard on the dimensionality."""
    return Method(
        name,
        "self_: _ListOfVectorsQuery[Any]",
        f"TypeGuard[_ListOfVectorsQuery[{vectors}]]",
        doc,
        f'return self_.dimensionality == "{dims}"',
        "static",
    )


LIST_OF_VECTORS = Cls(
    "_ListOfVectorsQuery",
    "Several query vectors for one target vector (``NearVector.list_of_vectors``).",
    bases="Generic[V]",
    decorator="@attrs.frozen(kw_only=True)",
    fields=[
        Field(
            "dimensionality",
            'Literal["1D", "2D"]',
            "",
            '``"1D"`` for vectors, ``"2D"`` for multi-vectors.',
        ),
        Field("vectors", "Sequence[V]", "", "the query vectors."),
    ],
    methods=[
        dimension_guard(
            "is_one_dimensional",
            "1D",
            "OneDimensionalVectorType",
            "Whether the query vectors are vectors (not multi-vectors).",
        ),
        dimension_guard(
            "is_two_dimensional",
            "2D",
            "TwoDimensionalVectorType",
            "Whether the query vectors are multi-vectors.",
        ),
    ],
    after="""#: Several query vectors for one target vector; made by :meth:`NearVector.list_of_vectors`.
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
]""",
)

NEAR_VECTOR = Cls(
    "NearVector",
    "Factories for vector inputs of ``near_vector()`` and ``hybrid()``.",
    methods=[
        Method(
            "list_of_vectors",
            "*vectors: V",
            "_ListOfVectorsQuery[V]",
            """Several query vectors searched against one target vector (all vectors, or all
multi-vectors).

Examples:
    >>> query.near_vector({"title": NearVector.list_of_vectors([0.1, 0.2], [0.3, 0.4])})

Raises:
    WeaviateInvalidInputError: no vector is given, or they are not all of one kind.
""",
            "return _ListOfVectorsQuery(\n"
            "    dimensionality=_vectors_dimensionality(vectors), vectors=tuple(vectors)\n"
            ")",
            "static",
        )
    ],
)


def count(name: str, doc: str) -> Field:
    """A required int field of at least 1 (and at most the server's int32)."""
    check = f"attrs_check(check_int, required=True, minimum=1, maximum={INT32})"
    return Field(name, "int", f"attrs.field(validator={check})", doc)


GROUP_BY = Cls(
    "GroupBy",
    "Group the results by a property's value.",
    decorator="@attrs.frozen(kw_only=True)",
    fields=[
        Field("prop", "str", "attrs.field(validator=_name)", "the property to group by."),
        count("objects_per_group", "at most this many objects per group."),
        count("number_of_groups", "at most this many groups."),
    ],
)

RERANK = Cls(
    "Rerank",
    "Rerank the results with the collection's reranker module.",
    decorator="@attrs.frozen(kw_only=True)",
    fields=[
        Field(
            "prop",
            "str",
            "attrs.field(validator=_name)",
            "the property whose text the reranker reads.",
        ),
        Field(
            "query",
            "str | None",
            "attrs.field(default=None, validator=attrs_check(check_str))",
            "the query to rerank by (None: the search's own query).",
        ),
    ],
)

#: The sort keys: (method, the sorted path, what it sorts by). ``by_property`` names its path.
SORT_KEYS = [
    ("by_property", "name", "the property ``name``"),
    ("by_id", '"_id"', "the object's uuid"),
    ("by_creation_time", '"_creationTimeUnix"', "the object's creation time"),
    ("by_update_time", '"_lastUpdateTimeUnix"', "the object's last update time"),
]


def sort_methods(static: bool) -> list[Method]:
    """The sort keys as steps of a chain (``Sorting``) or as the chain's start (``Sort``)."""
    out = []
    for method, path, what in SORT_KEYS:
        params = "name: str, ascending: bool = True" if path == "name" else "ascending: bool = True"
        if static:
            forward = "name=name, ascending=ascending" if path == "name" else "ascending=ascending"
            body = f"return _Sorting().{method}({forward})"
            out.append(Method(method, params, "Sorting", f"By {what}.", body, "static"))
        else:
            body = f'return self._then(_sort_field({path}, ascending, "name"))'
            out.append(Method(method, params, "_Sorting", f"Then by {what}.", body))
    return out


SORTING = Cls(
    "_Sorting",
    """A sort order: one or more sort keys, applied in turn. Each method returns a new
``Sorting`` with one more key (the original is unchanged).

Examples:
    >>> Sort.by_property("year", ascending=False).by_creation_time()

Attributes:
    sorts: the sort keys, in order.
""",
    bases="_SortKeys",
    body="__slots__ = ()",
    methods=sort_methods(static=False),
    after="#: A sort order, as :class:`Sort` builds it.\nSorting = _Sorting",
)

SORT = Cls(
    "Sort",
    """Sort orders of ``fetch_objects`` (``sort=``); chain methods for more keys.

Examples:
    >>> await collection.query.fetch_objects(sort=Sort.by_property("year").by_id())
""",
    methods=[
        Method(
            "__init__",
            "",
            "None",
            "",
            'raise TypeError("Sort cannot be instantiated: use its static methods, e.g. Sort.by_id()")',
        ),
        *sort_methods(static=True),
    ],
)

MOVE = Cls(
    "Move",
    """Move a ``near_text`` query towards (``move_to``) or away from (``move_away``) concepts
or objects.

Raises:
    WeaviateInvalidInputError: neither objects nor concepts are given.
""",
    decorator="@attrs.frozen",
    fields=[
        Field(
            "force",
            "float",
            "attrs.field(validator=attrs_check(check_float, required=True))",
            "how far to move (0..1).",
        ),
        Field(
            "objects",
            "tuple[str, ...] | None",
            "attrs.field(default=None, converter=_uuid_list)",
            "uuids of objects to move relative to.",
        ),
        Field(
            "concepts",
            "tuple[str, ...] | None",
            "attrs.field(default=None, converter=_concept_list)",
            "words or phrases to move relative to.",
        ),
    ],
    methods=[
        Method("__attrs_post_init__", "", "None", "", "_check_move(self.objects, self.concepts)"),
        Method(
            "_objects_list", "", "list[str] | None", "", "return _as_list(self.objects)", "property"
        ),
        Method(
            "_concepts_list",
            "",
            "list[str] | None",
            "",
            "return _as_list(self.concepts)",
            "property",
        ),
    ],
)

JOIN_ENUM = Cls(
    "_MultiTargetVectorJoinEnum",
    "How the distances to several target vectors are combined.",
    bases="Enum",
    fields=[
        Field("SUM", "", "1"),
        Field("AVERAGE", "", "2"),
        Field("MINIMUM", "", "3"),
        Field("RELATIVE_SCORE", "", "4"),
        Field("MANUAL_WEIGHTS", "", "5"),
    ],
)

JOIN = Cls(
    "_MultiTargetVectorJoin",
    """Several target vectors and how their distances combine (made by
:class:`TargetVectors`).""",
    decorator="@attrs.frozen(kw_only=True)",
    fields=[
        Field("combination", "_MultiTargetVectorJoinEnum", "", "the combination method."),
        Field(
            "target_vectors",
            "tuple[str, ...]",
            "attrs.field(converter=_target_names)",
            "the target vector names.",
        ),
        Field(
            "weights",
            "Mapping[str, float | tuple[float, ...]] | None",
            "attrs.field(default=None, converter=_weights)",
            "weights per target (manual weights and relative score); a list gives one weight "
            "per query vector of that target.",
        ),
    ],
    after="#: ``target_vector``: a name, a list of names, or a combination from "
    ":class:`TargetVectors`.\n"
    "TargetVectorJoinType: TypeAlias = Union[str, list[str], _MultiTargetVectorJoin]",
)

#: The combinations: (method, enum member, takes weights, docs).
COMBINATIONS = [
    ("sum", "SUM", False, "The sum of the distances."),
    ("average", "AVERAGE", False, "The average of the distances."),
    ("minimum", "MINIMUM", False, "The smallest of the distances."),
    (
        "manual_weights",
        "MANUAL_WEIGHTS",
        True,
        "The weighted sum of the distances (a list: one weight per query vector).",
    ),
    (
        "relative_score",
        "RELATIVE_SCORE",
        True,
        "Relative-score fusion of the per-target results, weighted.",
    ),
]


def combination(method: str, member: str, weighted: bool, doc: str) -> Method:
    """A ``TargetVectors`` factory: named targets, or weights whose keys are the targets."""
    combine = f"combination=_MultiTargetVectorJoinEnum.{member}"
    if weighted:
        params = "weights: dict[str, float | list[float]]"
        args = f"{combine}, target_vectors=_weight_keys(weights), weights=weights"
    else:
        params, args = "target_vectors: list[str]", f"{combine}, target_vectors=target_vectors"
    return Method(
        method,
        params,
        "_MultiTargetVectorJoin",
        doc,
        f"return _MultiTargetVectorJoin({args})",
        "static",
    )


TARGET_VECTORS = Cls(
    "TargetVectors",
    """How the distances to several target vectors are combined into one score.

Examples:
    >>> TargetVectors.manual_weights({"title": 2.0, "body": 1.0})
""",
    methods=[combination(*c) for c in COMBINATIONS],
)

FUSION = Cls(
    "HybridFusion",
    "How a hybrid search fuses its keyword and vector rankings.",
    bases="str, Enum",
    fields=[
        Field("RANKED", "", '"FUSION_TYPE_RANKED"', "by the reciprocal of each result's rank."),
        Field(
            "RELATIVE_SCORE",
            "",
            '"FUSION_TYPE_RELATIVE_SCORE"',
            "by the normalized scores (the server's default).",
        ),
    ],
)

#: certainty and distance of a hybrid sub-search
CERTAINTY = Field(
    "certainty", "float | None", 'attrs.field(default=None, validator=_opt_float("certainty"))'
)
DISTANCE = Field(
    "distance", "float | None", 'attrs.field(default=None, validator=_opt_float("distance"))'
)

HYBRID_NEAR_TEXT = Cls(
    "_HybridNearText",
    "The vector part of a hybrid search as a ``near_text`` sub-search.",
    decorator="@attrs.frozen(kw_only=True)",
    fields=[
        Field("text", "str | tuple[str, ...]", "attrs.field(converter=_text_query)"),
        DISTANCE,
        CERTAINTY,
        Field("move_to", "Move | None", "attrs.field(default=None)"),
        Field("move_away", "Move | None", "attrs.field(default=None)"),
    ],
)

HYBRID_NEAR_VECTOR = Cls(
    "_HybridNearVector",
    "The vector part of a hybrid search as a ``near_vector`` sub-search.",
    decorator="@attrs.frozen(kw_only=True)",
    fields=[Field("vector", "NearVectorInputType"), DISTANCE, CERTAINTY],
    after="#: hybrid's ``vector``: a vector input, or a sub-search from :class:`HybridVector`.\n"
    "HybridVectorType: TypeAlias = Union[NearVectorInputType, _HybridNearText, _HybridNearVector]",
)

HYBRID_VECTOR = Cls(
    "HybridVector",
    "Sub-searches for the vector part of ``hybrid(vector=...)``.",
    methods=[
        Method(
            "near_text",
            "query: str | list[str], *, certainty: float | None = None, "
            "distance: float | None = None, move_to: Move | None = None, "
            "move_away: Move | None = None",
            "_HybridNearText",
            """The vector part as a near_text search of ``query`` (the collection vectorizes it).

Examples:
    >>> await collection.query.hybrid("cat", vector=HybridVector.near_text("feline"))
""",
            "return _HybridNearText(text=query, distance=distance, certainty=certainty, "
            "move_to=move_to, move_away=move_away)",
            "static",
        ),
        Method(
            "near_vector",
            "vector: NearVectorInputType, *, certainty: float | None = None, "
            "distance: float | None = None",
            "_HybridNearVector",
            "The vector part as a near_vector search, with its own certainty or distance.",
            "return _HybridNearVector(vector=vector, distance=distance, certainty=certainty)",
            "static",
        ),
    ],
)

#: The BM25 operators: (class, wire name, docs, fields, check after init).
BM25 = [
    (
        "BM25OperatorOr",
        "or",
        "At least ``minimum_should_match`` query tokens must match.",
        [Field("minimum_should_match", "int")],
        "_check_minimum_match(self.minimum_should_match)",
    ),
    ("BM25OperatorAnd", "and", "Every query token must match within one property.", [], ""),
    (
        "BM25OperatorAndCross",
        "and_cross",
        "Every query token must match in one of the searched properties (server 1.37.15,\n"
        "1.38.8, 1.39.0 or newer).",
        [],
        "",
    ),
]


def bm25_operator(name: str, wire: str, doc: str, fields: list[Field], check: str) -> Cls:
    """One BM25 operator, a frozen dataclass as the official one is."""
    return Cls(
        name,
        doc,
        bases="BM25OperatorOptions",
        decorator="@dataclasses.dataclass(frozen=True)",
        body=f'operator: ClassVar[str] = "{wire}"',
        fields=fields,
        methods=[Method("__post_init__", "", "None", "", check)] if check else [],
    )


BM25_OPTIONS = Cls(
    "BM25OperatorOptions",
    "How a keyword search matches the query's tokens (made by :class:`BM25OperatorFactory`).",
    decorator="# The operators and MMR are frozen dataclasses, as the official ones are dataclasses.\n"
    "@dataclasses.dataclass(frozen=True)",
    body='operator: ClassVar[str] = ""',
)

BM25_FACTORY = Cls(
    "BM25OperatorFactory",
    """Token matching of keyword searches (``bm25(operator=...)``,
``hybrid(bm25_operator=...)``); importable as ``BM25Operator``.

Examples:
    >>> await collection.query.bm25("red fast car", operator=BM25Operator.or_(minimum_match=2))
""",
    methods=[
        Method(
            "__init__",
            "",
            "None",
            "",
            'raise TypeError("BM25Operator cannot be instantiated: use its static methods")',
        ),
        Method(
            "or_",
            "minimum_match: int",
            "BM25OperatorOptions",
            "At least ``minimum_match`` query tokens (stopwords aside) must match.",
            "return BM25OperatorOr(minimum_match)",
            "static",
        ),
        Method(
            "and_",
            "",
            "BM25OperatorOptions",
            "Every query token must match (within one property).",
            "return BM25OperatorAnd()",
            "static",
        ),
        Method(
            "and_cross",
            "",
            "BM25OperatorOptions",
            """Every query token must match in at least one of the searched properties; the
properties must share their tokenization (server 1.37.15, 1.38.8, 1.39.0 or newer).""",
            "return BM25OperatorAndCross()",
            "static",
        ),
    ],
)

MEDIA = Cls(
    "NearMediaType",
    "The media kinds of ``near_media`` (served by ``multi2vec-*`` modules).",
    bases="str, Enum",
    fields=[
        Field(kind.upper(), "", f'"{kind}"')
        for kind in ("audio", "depth", "image", "imu", "thermal", "video")
    ],
)

MMR = Cls(
    "MMR",
    "Maximal Marginal Relevance selection (server 1.37 or newer; not for multi-vectors).",
    decorator="@dataclasses.dataclass(frozen=True)",
    fields=[
        Field(
            "limit",
            "int | None",
            "None",
            "how many objects to select (required by the server: at least 1 and at most the "
            "query's ``limit``).",
        ),
        Field(
            "balance",
            "float | None",
            "None",
            "1.0 ranks by relevance only, 0.0 by dissimilarity to the objects already selected "
            "only.",
        ),
    ],
    methods=[Method("__post_init__", "", "None", "", "_check_mmr(self.limit, self.balance)")],
)

DIVERSITY = Cls(
    "Diversity",
    "Diversity selection of search results (``diversity_selection=``).",
    methods=[
        Method(
            "__init__",
            "",
            "None",
            "",
            'raise TypeError("Diversity cannot be instantiated: use Diversity.mmr(...)")',
        ),
        Method(
            "mmr",
            "limit: int | None = None, balance: float | None = None",
            "MMR",
            """Maximal Marginal Relevance: ``limit`` objects balancing relevance and variety.

Examples:
    >>> await collection.query.near_text(
    ...     "cat", limit=20, diversity_selection=Diversity.mmr(limit=5, balance=0.5)
    ... )
""",
            "return MMR(limit=limit, balance=balance)",
            "static",
        ),
    ],
)

MODULE = Surface(
    path="weaviate_async/classes/search.py",
    doc=DOC,
    header=HEADER,
    classes=[
        LIST_OF_VECTORS,
        NEAR_VECTOR,
        METADATA_QUERY,
        QUERY_NESTED,
        QUERY_REFERENCE_BASE,
        QUERY_REFERENCE_MULTI,
        QUERY_REFERENCE,
        GROUP_BY,
        RERANK,
        SORTING,
        SORT,
        MOVE,
        JOIN_ENUM,
        JOIN,
        TARGET_VECTORS,
        FUSION,
        HYBRID_NEAR_TEXT,
        HYBRID_NEAR_VECTOR,
        HYBRID_VECTOR,
        BM25_OPTIONS,
        *(bm25_operator(*op) for op in BM25),
        BM25_FACTORY,
        MEDIA,
        MMR,
        DIVERSITY,
    ],
)
