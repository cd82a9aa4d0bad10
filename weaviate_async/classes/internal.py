"""What searches return: objects with their properties, metadata, vectors, references and
generated text, in groups when grouped.

These are plain dataclasses, as in the official client, so that code reading results
generically keeps working: ``obj.metadata.__dict__`` (langchain-weaviate reads every search
result so), ``dataclasses.asdict(obj)``, ``dataclasses.fields(obj)``. A field holds None (or
is empty) unless the query asked for it: decoding does only the work asked for.

Examples:
    >>> res = await collection.query.near_vector([0.1, 0.2], return_metadata=["distance"])
    >>> for obj in res.objects:
    ...     print(obj.uuid, obj.properties, obj.metadata.distance)
"""

# Type aliases keep typing.Union: some members are string forward references, which the
# runtime `X | Y` of a module-level alias cannot combine.
# ruff: noqa: UP007

from __future__ import annotations

import datetime
import uuid as uuid_package
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Generic, TypeAlias, TypeVar, Union

from weaviate_async.classes._typevars import Properties, References, TProperties, TReferences
from weaviate_async.classes._value_types import WeaviateProperties
from weaviate_async.classes.data import ReferenceInput, ReferenceInputs, ReferenceToMulti
from weaviate_async.classes.search import MetadataQuery

if TYPE_CHECKING:
    from weaviate_async.proto.weaviate.v1 import generative_pb2

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
    "GroupByMetadataReturn",
    "GroupByObject",
    "GroupByReturn",
    "GroupByReturnType",
    "MetadataReturn",
    "MetadataSingleObjectReturn",
    "Nested",
    "Object",
    "ObjectSingleReturn",
    "QueryNearMediaReturnType",
    "QueryProfileReturn",
    "QueryReturn",
    "QueryReturnType",
    "QuerySearchReturnType",
    "QuerySingleReturn",
    "ReferenceInput",
    "ReferenceInputs",
    "ReferenceToMulti",
    "SearchProfileReturn",
    "ShardProfileReturn",
    "VectorsReturn",
]

P = TypeVar("P")
R = TypeVar("R")
M = TypeVar("M")

#: Vectors of a returned object by name (``"default"`` for a collection's single unnamed
#: vector); a multi-vector is a list of rows.
VectorsReturn: TypeAlias = dict[str, Union[list[float], list[list[float]]]]


@dataclass
class MetadataReturn:
    """Metadata of an object returned by a query; a field is None unless it was asked for
    (``return_metadata``) and the search kind provides it.

    Attributes:
        creation_time: when the object was created (aware, UTC).
        last_update_time: when the object was last updated (aware, UTC).
        distance: vector distance to the query (vector searches).
        certainty: normalized similarity in [0, 1] (cosine distance only).
        score: BM25 or hybrid score.
        explain_score: how the score was made (BM25 and hybrid).
        is_consistent: whether the replicas agreed on the object.
        rerank_score: the reranker's score (when ``rerank`` was given).
    """

    creation_time: datetime.datetime | None = None
    last_update_time: datetime.datetime | None = None
    distance: float | None = None
    certainty: float | None = None
    score: float | None = None
    explain_score: str | None = None
    is_consistent: bool | None = None
    rerank_score: float | None = None

    def _is_empty(self) -> bool:
        return all(value is None for value in self.__dict__.values())


@dataclass
class SearchProfileReturn:
    """Timings of one search type within one shard.

    Attributes:
        details: metric name -> human-readable value, as the server reports them.
    """

    details: dict[str, str]


@dataclass
class ShardProfileReturn:
    """Profile of one shard's part of a search.

    Attributes:
        name: the shard.
        node: the node that searched it.
        searches: profiles by search type.
    """

    name: str
    node: str
    searches: dict[str, SearchProfileReturn]


@dataclass
class QueryProfileReturn:
    """Per-shard timings of a search (``MetadataQuery(query_profile=True)``).

    Attributes:
        shards: one profile per shard searched.
    """

    shards: list[ShardProfileReturn]


@dataclass
class GroupByMetadataReturn:
    """Metadata of an object in a group.

    Attributes:
        distance: vector distance to the query (vector searches).
    """

    distance: float | None = None


@dataclass
class _Object(Generic[P, R, M]):
    uuid: uuid_package.UUID
    metadata: M
    properties: P
    references: R
    vector: VectorsReturn
    collection: str


@dataclass
class Object(Generic[P, R], _Object[P, R, MetadataReturn]):
    """One object returned by a query.

    Attributes:
        uuid: the object's id.
        metadata: the metadata asked for (:class:`MetadataReturn`).
        properties: property values by name: dates as aware datetimes, uuids as ``uuid.UUID``,
            geo coordinates as ``GeoCoordinate``, phone numbers as ``PhoneNumberType``, blobs
            as base64 text, nested objects as dicts.
        references: followed references by property name (``.objects`` of each), or None when
            none were asked for.
        vector: vectors by name; empty unless ``include_vector`` was given.
        collection: the name of the collection the object is in.
    """


@dataclass
class MetadataSingleObjectReturn:
    """Metadata of the object returned by ``fetch_object_by_id``.

    Attributes:
        creation_time: when the object was created (aware, UTC).
        last_update_time: when the object was last updated (aware, UTC).
        is_consistent: whether the replicas agreed on the object, when known.
    """

    creation_time: datetime.datetime
    last_update_time: datetime.datetime
    is_consistent: bool | None


@dataclass
class ObjectSingleReturn(Generic[P, R], _Object[P, R, MetadataSingleObjectReturn]):
    """The object returned by ``fetch_object_by_id``; its metadata always has the creation and
    last update times."""


@dataclass
class GroupByObject(Generic[P, R], _Object[P, R, GroupByMetadataReturn]):
    """One object of a grouped query (``group_by=``).

    Attributes:
        belongs_to_group: the name of its group.
    """

    belongs_to_group: str


if TYPE_CHECKING:
    #: A provider's metadata of a generated text (its gRPC message, e.g. token usage).
    GenerativeMetadata: TypeAlias = Union[
        generative_pb2.GenerativeAnthropicMetadata,
        generative_pb2.GenerativeAnyscaleMetadata,
        generative_pb2.GenerativeAWSMetadata,
        generative_pb2.GenerativeCohereMetadata,
        generative_pb2.GenerativeDatabricksMetadata,
        generative_pb2.GenerativeDeepseekMetadata,
        generative_pb2.GenerativeDigitalOceanMetadata,
        generative_pb2.GenerativeDummyMetadata,
        generative_pb2.GenerativeFriendliAIMetadata,
        generative_pb2.GenerativeGoogleMetadata,
        generative_pb2.GenerativeMetaMetadata,
        generative_pb2.GenerativeMistralMetadata,
        generative_pb2.GenerativeNvidiaMetadata,
        generative_pb2.GenerativeOllamaMetadata,
        generative_pb2.GenerativeOpenAIMetadata,
        generative_pb2.GenerativeXAIMetadata,
    ]
    GenerativeDebug: TypeAlias = generative_pb2.GenerativeDebug
else:
    GenerativeMetadata = Any
    GenerativeDebug = Any


@dataclass
class GenerativeSingle:
    """What a single prompt generated for one object.

    Attributes:
        debug: the full prompt as sent (``single_prompt(..., debug=True)``), else None.
        metadata: the provider's metadata (``metadata=True``), else None.
        text: the generated text.
    """

    debug: GenerativeDebug | None
    metadata: GenerativeMetadata | None
    text: str | None


@dataclass
class GenerativeGrouped:
    """What a grouped task generated over all the results.

    Attributes:
        metadata: the provider's metadata (``metadata=True``), else None.
        text: the generated text.
    """

    metadata: GenerativeMetadata | None
    text: str | None


class GenerativeObject(Generic[P, R], Object[P, R]):
    """One object returned by a generative search.

    Attributes:
        generative: what its single prompt generated (``.text``, ``.metadata``, ``.debug``),
            or None without ``single_prompt``.
        generated: the generated text (the same as ``generative.text``; kept for programs
            written for it).
    """

    generative: GenerativeSingle | None

    def __init__(
        self,
        generated: str | None,
        generative: GenerativeSingle | None,
        uuid: uuid_package.UUID,
        metadata: MetadataReturn,
        properties: P,
        references: R,
        vector: VectorsReturn,
        collection: str,
    ) -> None:
        self.__generated = generated
        self.generative = generative
        super().__init__(
            uuid=uuid,
            metadata=metadata,
            properties=properties,
            references=references,
            vector=vector,
            collection=collection,
        )

    @property
    def generated(self) -> str | None:
        """The generated text of the single prompt (prefer ``generative.text``)."""
        return self.__generated


class GenerativeReturn(Generic[P, R]):
    """The result of a generative search.

    Attributes:
        objects: the returned objects, each with its own generated text.
        generative: what the grouped task generated (``.text``, ``.metadata``), or None.
        generated: the grouped task's text (the same as ``generative.text``).
        query_profile: per-shard timings, when asked for.
    """

    objects: list[GenerativeObject[P, R]]
    generative: GenerativeGrouped | None
    query_profile: QueryProfileReturn | None

    def __init__(
        self,
        generated: str | None,
        objects: list[GenerativeObject[P, R]],
        generative: GenerativeGrouped | None,
        query_profile: QueryProfileReturn | None = None,
    ) -> None:
        self.__generated = generated
        self.objects = objects
        self.generative = generative
        self.query_profile = query_profile

    @property
    def generated(self) -> str | None:
        """The grouped task's generated text (prefer ``generative.text``)."""
        return self.__generated

    def __repr__(self) -> str:
        return (
            f"GenerativeReturn(objects={self.objects!r}, generative={self.generative!r}, "
            f"query_profile={self.query_profile!r})"
        )


@dataclass
class Group(Generic[P, R]):
    """One group of a grouped query.

    Attributes:
        name: the group's value of the grouping property.
        min_distance: the smallest distance of its objects to the query.
        max_distance: the largest distance of its objects to the query.
        number_of_objects: how many objects it holds.
        objects: its objects.
        rerank_score: the reranker's score of the group, when reranked.
    """

    name: str
    min_distance: float
    max_distance: float
    number_of_objects: int
    objects: list[GroupByObject[P, R]]
    rerank_score: float | None


@dataclass
class GenerativeGroup(Generic[P, R], Group[P, R]):
    """One group of a grouped generative query.

    Attributes:
        generated: what the grouped task generated for this group.
    """

    generated: str | None


@dataclass
class GenerativeGroupByReturn(Generic[P, R]):
    """The result of a grouped generative search.

    Attributes:
        objects: every object of every group.
        groups: the groups by name.
        generated: the grouped task's text, when one was given.
        query_profile: per-shard timings, when asked for.
    """

    objects: list[GroupByObject[P, R]]
    groups: dict[str, GenerativeGroup[P, R]]
    generated: str | None
    query_profile: QueryProfileReturn | None = None


@dataclass
class GroupByReturn(Generic[P, R]):
    """The result of a grouped search (``group_by=``).

    Attributes:
        objects: every object of every group.
        groups: the groups by name.
        query_profile: per-shard timings, when asked for.
    """

    objects: list[GroupByObject[P, R]]
    groups: dict[str, Group[P, R]]
    query_profile: QueryProfileReturn | None = None


@dataclass
class QueryReturn(Generic[P, R]):
    """The result of a search: its objects in rank order.

    Attributes:
        objects: the returned objects.
        query_profile: per-shard timings, when asked for (``MetadataQuery(query_profile=True)``).
    """

    objects: list[Object[P, R]]
    query_profile: QueryProfileReturn | None = None


# --------------------------------------------------------------------------------- references


class _CrossReference(Generic[Properties, References]):
    """The objects a reference property points to, as a query returned them."""

    def __init__(self, objects: list[Object[Properties, References]] | None) -> None:
        self.__objects = objects

    def __class_getitem__(cls, params: Any) -> Any:
        # ``CrossReference[Author]`` in a data model names no references of the target: the
        # official client's type variable defaults to None there, so one argument is enough.
        if not isinstance(params, tuple):
            params = (params, type(None))
        return super().__class_getitem__(params)  # type: ignore[misc]

    @classmethod
    def _from(
        cls, objects: list[Object[Properties, References]]
    ) -> _CrossReference[Properties, References]:
        return cls(objects)

    @property
    def objects(self) -> list[Object[Properties, References]]:
        """The referenced objects."""
        return self.__objects or []

    def __repr__(self) -> str:
        return f"CrossReference(objects={self.__objects!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _CrossReference) and self.objects == other.objects

    __hash__ = None  # type: ignore[assignment]


#: A reference property in a generic data model (``TypedDict``) of a collection:
#: ``author: CrossReference[Author]`` (or ``CrossReference[Author, AuthorRefs]``).
if TYPE_CHECKING:
    CrossReference: TypeAlias = _CrossReference[Properties, References]
else:
    CrossReference = _CrossReference
#: References as returned without a data model: property name -> referenced objects.
CrossReferences: TypeAlias = Mapping[str, _CrossReference[WeaviateProperties, "CrossReferences"]]


@dataclass
class CrossReferenceAnnotation:
    """Options of a reference in a generic data model, given with ``typing.Annotated``.

    Examples:
        >>> class Doc(TypedDict):
        ...     author: Annotated[CrossReference[Author], CrossReferenceAnnotation(include_vector=True)]

    Attributes:
        include_vector: return the referenced objects' vectors.
        metadata: their metadata.
        target_collection: the target collection of a multi-target reference.
    """

    include_vector: bool = field(default=False)
    metadata: MetadataQuery | None = field(default=None)
    target_collection: str | None = field(default=None)


#: A nested object property in a generic data model: ``meta: Nested[Meta]`` returns the fields
#: of ``Meta`` only.
Nested = Annotated[P, "NESTED"]

# --------------------------------------------------------------------------------- aliases
# Return types of the search methods over the collection's (Properties, References) and the
# query's own data models (TProperties, TReferences), named as the official client names them.

QuerySingleReturn: TypeAlias = Union[
    ObjectSingleReturn[Properties, References],
    ObjectSingleReturn[TProperties, TReferences],
    ObjectSingleReturn[Properties, CrossReferences],
    ObjectSingleReturn[Properties, TReferences],
    ObjectSingleReturn[TProperties, References],
    ObjectSingleReturn[TProperties, CrossReferences],
    None,
]
QueryReturnType: TypeAlias = Union[
    QueryReturn[Properties, References],
    QueryReturn[TProperties, TReferences],
    QueryReturn[Properties, CrossReferences],
    QueryReturn[Properties, TReferences],
    QueryReturn[TProperties, References],
    QueryReturn[TProperties, CrossReferences],
]
GroupByReturnType: TypeAlias = Union[
    GroupByReturn[Properties, References],
    GroupByReturn[TProperties, TReferences],
    GroupByReturn[Properties, CrossReferences],
    GroupByReturn[Properties, TReferences],
    GroupByReturn[TProperties, References],
    GroupByReturn[TProperties, CrossReferences],
]
GenerativeReturnType: TypeAlias = Union[
    GenerativeReturn[Properties, References],
    GenerativeReturn[TProperties, TReferences],
    GenerativeReturn[Properties, CrossReferences],
    GenerativeReturn[Properties, TReferences],
    GenerativeReturn[TProperties, References],
    GenerativeReturn[TProperties, CrossReferences],
]
GenerativeGroupByReturnType: TypeAlias = Union[
    GenerativeGroupByReturn[Properties, References],
    GenerativeGroupByReturn[TProperties, TReferences],
    GenerativeGroupByReturn[Properties, CrossReferences],
    GenerativeGroupByReturn[Properties, TReferences],
    GenerativeGroupByReturn[TProperties, References],
    GenerativeGroupByReturn[TProperties, CrossReferences],
]
QuerySearchReturnType: TypeAlias = Union[
    QueryReturnType[Properties, References, TProperties, TReferences],
    GroupByReturnType[Properties, References, TProperties, TReferences],
]
#: The same as :data:`QuerySearchReturnType` (an older name).
QueryNearMediaReturnType: TypeAlias = QuerySearchReturnType[
    Properties, References, TProperties, TReferences
]
GenerativeSearchReturnType: TypeAlias = Union[
    GenerativeReturnType[Properties, References, TProperties, TReferences],
    GenerativeGroupByReturnType[Properties, References, TProperties, TReferences],
]
#: The same as :data:`GenerativeSearchReturnType` (an older name).
GenerativeNearMediaReturnType: TypeAlias = GenerativeSearchReturnType[
    Properties, References, TProperties, TReferences
]
