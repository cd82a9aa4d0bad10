"""Return models of data and query operations: objects, their metadata, batch and delete
results.

Example:
    >>> res = await collection.query.near_vector([0.1, 0.2], return_metadata=["distance"])
    >>> for obj in res.objects:
    ...     print(obj.uuid, obj.properties, obj.metadata.distance)
"""

from __future__ import annotations

import datetime
import uuid as uuid_lib
from collections.abc import Mapping
from typing import Any, Generic, TypeVar

import attrs

__all__ = [
    "BatchObject",
    "BatchObjectReturn",
    "BatchReference",
    "BatchReferenceReturn",
    "DeleteManyObject",
    "DeleteManyReturn",
    "ErrorObject",
    "ErrorReference",
    "MetadataReturn",
    "MetadataSingleObjectReturn",
    "Object",
    "ObjectSingleReturn",
    "QueryReturn",
]

P = TypeVar("P")
R = TypeVar("R")
M = TypeVar("M")
T = TypeVar("T")

#: Vectors of a returned object by name; a multi-vector is a list of rows.
VectorsReturn = dict[str, "list[float] | list[list[float]]"]


@attrs.frozen(kw_only=True)
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
        return all(getattr(self, a.name) is None for a in attrs.fields(MetadataReturn))


@attrs.frozen(kw_only=True)
class MetadataSingleObjectReturn:
    """Metadata of the object returned by ``fetch_object_by_id``.

    Attributes:
        creation_time: when the object was created (aware, UTC).
        last_update_time: when the object was last updated (aware, UTC).
        is_consistent: whether the replicas agreed on the object, when known.
    """

    creation_time: datetime.datetime
    last_update_time: datetime.datetime
    is_consistent: bool | None = None


@attrs.frozen(kw_only=True)
class _Object(Generic[P, R, M]):
    uuid: uuid_lib.UUID
    metadata: M
    properties: P
    references: R
    vector: VectorsReturn
    collection: str


@attrs.frozen(kw_only=True)
class Object(_Object[P, R, MetadataReturn]):
    """One object returned by a query.

    Attributes:
        uuid: the object's id.
        metadata: the metadata asked for (:class:`MetadataReturn`).
        properties: property values by name (dates as aware datetimes, uuids as ``uuid.UUID``).
        references: returned references by property name, or None when none were asked for.
        vector: vectors by name (``"default"`` for a collection's single unnamed vector); empty
            unless ``include_vector`` was given.
        collection: the name of the collection the object is in.
    """


@attrs.frozen(kw_only=True)
class ObjectSingleReturn(_Object[P, R, MetadataSingleObjectReturn]):
    """The object returned by ``fetch_object_by_id``; its metadata always has the creation and
    last update times."""


@attrs.frozen(kw_only=True)
class QueryReturn(Generic[P, R]):
    """The result of a query: its objects in rank order.

    Attributes:
        objects: the returned objects.
    """

    objects: list[Object[P, R]]


@attrs.frozen(kw_only=True)
class BatchObject:
    """One object as it was sent in a batch, reported back with its error.

    Attributes:
        collection: the collection it was sent to.
        properties: its properties as given.
        references: its references as given.
        uuid: the uuid it was sent with (given or generated).
        vector: its vector(s) as given.
        tenant: the tenant it was sent to.
        index: its position in the batch.
        retry_count: how often it was re-sent.
    """

    collection: str
    properties: Mapping[str, Any] | None = None
    references: Mapping[str, Any] | None = None
    uuid: uuid_lib.UUID | str | None = None
    vector: Any = None
    tenant: str | None = None
    index: int = 0
    retry_count: int = 0


@attrs.frozen
class ErrorObject:
    """Why one object of a batch failed.

    Attributes:
        message: the server's error text.
        object_: the object as it was sent.
        original_uuid: the uuid the user gave, if any.
    """

    message: str
    object_: BatchObject
    original_uuid: uuid_lib.UUID | str | None = None


@attrs.define(kw_only=True)
class BatchObjectReturn:
    """The result of ``insert_many``: per index of the input, a uuid or an error.

    Attributes:
        all_responses: in input order, the uuid of each inserted object or its ErrorObject.
        elapsed_seconds: how long the batch took.
        errors: index -> ErrorObject for the objects that failed.
        uuids: index -> uuid for the objects that were inserted.
        has_errors: whether any object failed.
    """

    all_responses: list[uuid_lib.UUID | ErrorObject] = attrs.field(factory=list)
    elapsed_seconds: float = 0.0
    errors: dict[int, ErrorObject] = attrs.field(factory=dict)
    uuids: dict[int, uuid_lib.UUID] = attrs.field(factory=dict)
    has_errors: bool = False


@attrs.frozen(kw_only=True)
class BatchReference:
    """One reference as it was sent in a batch, reported back with its error.

    Attributes:
        from_object_collection: the collection of the source object.
        from_object_uuid: the source object.
        from_property_name: the reference property.
        to_object_uuid: the target object.
        to_object_collection: the target's collection (multi-target references), else None.
        tenant: the tenant, if any.
        index: the position, in the list given, of the input it came from (an input with
            several target uuids sends one reference per uuid).
    """

    from_object_collection: str
    from_object_uuid: uuid_lib.UUID | str
    from_property_name: str
    to_object_uuid: uuid_lib.UUID | str
    to_object_collection: str | None = None
    tenant: str | None = None
    index: int = 0


@attrs.frozen
class ErrorReference:
    """Why one reference of a batch failed.

    Attributes:
        message: the server's error text.
        reference: the reference as it was sent.
    """

    message: str
    reference: BatchReference


@attrs.define(kw_only=True)
class BatchReferenceReturn:
    """The result of ``reference_add_many``.

    Attributes:
        elapsed_seconds: how long the batch took.
        errors: position of the reference in the batch sent -> ErrorReference, for the ones
            that failed (``error.reference.index`` is the position of its input).
        has_errors: whether any reference failed.
    """

    elapsed_seconds: float = 0.0
    errors: dict[int, ErrorReference] = attrs.field(factory=dict)
    has_errors: bool = False

    def __attrs_post_init__(self) -> None:
        self.has_errors = self.has_errors or bool(self.errors)

    def add_errors(self, errors: Mapping[int, ErrorReference]) -> None:
        """Record more failed references."""
        self.errors.update(errors)
        self.has_errors = self.has_errors or bool(errors)

    def __add__(self, other: BatchReferenceReturn) -> BatchReferenceReturn:
        """The results of two batches sent one after the other: the positions of ``other``'s
        errors continue after this batch's last error."""
        offset = max(self.errors, default=-1) + 1
        errors = dict(self.errors)
        errors.update({offset + k: v for k, v in other.errors.items()})
        return BatchReferenceReturn(
            elapsed_seconds=self.elapsed_seconds + other.elapsed_seconds,
            errors=errors,
            has_errors=self.has_errors or other.has_errors,
        )


@attrs.frozen
class DeleteManyObject:
    """One object matched by ``delete_many(..., verbose=True)``.

    Attributes:
        uuid: the object's id.
        successful: whether it was deleted (on a dry run: whether it would have been).
        error: the server's error text when it could not be deleted.
    """

    uuid: uuid_lib.UUID
    successful: bool
    error: str | None = None


@attrs.frozen(kw_only=True)
class DeleteManyReturn(Generic[T]):
    """The result of ``delete_many``.

    Attributes:
        failed: how many matched objects could not be deleted.
        matches: how many objects the filter matched.
        objects: with ``verbose=True``, one DeleteManyObject per matched object; else None.
        successful: how many objects were deleted (on a dry run: how many would have been).
    """

    failed: int
    matches: int
    objects: T
    successful: int
