"""Return models of query operations: objects and their metadata.

Example:
    >>> res = await collection.query.near_vector([0.1, 0.2], return_metadata=["distance"])
    >>> for obj in res.objects:
    ...     print(obj.uuid, obj.properties, obj.metadata.distance)
"""

from __future__ import annotations

import datetime
import uuid as uuid_lib
from typing import Generic, TypeVar

import attrs

__all__ = [
    "MetadataReturn",
    "MetadataSingleObjectReturn",
    "Object",
    "ObjectSingleReturn",
    "QueryReturn",
]

P = TypeVar("P")
R = TypeVar("R")
M = TypeVar("M")

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
