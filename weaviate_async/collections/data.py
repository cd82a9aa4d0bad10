"""``collection.data``: write, check and delete objects of one collection.

Single-object writes go over REST; ``insert_many`` goes over gRPC in one ``BatchObjects`` call.

Example:
    >>> data = client.collections.use("Article").data
    >>> uid = await data.insert({"title": "Hello"}, vector=[0.1, 0.2])
    >>> res = await data.insert_many([{"title": "a"}, DataObject({"title": "b"}, vector=[1, 0])])
    >>> res.has_errors, res.uuids
"""

from __future__ import annotations

import time
import uuid as uuid_lib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from weaviate_async._validate import (
    RESERVED_PROPERTY_NAMES,
    invalid,
    uuid_str,
)
from weaviate_async.wire.batch import batch_objects_request, batch_objects_result
from weaviate_async.wire.values import (
    references_json,
    to_json_properties,
    vector_to_list,
)

if TYPE_CHECKING:
    from weaviate_async.classes.data import UUID, DataObject, ReferenceInputs
    from weaviate_async.classes.internal import BatchObjectReturn
    from weaviate_async.collections.scope import CollectionScope
    from weaviate_async.connect.connection import Connection

__all__ = ["_DataCollectionAsync"]


class _DataCollectionAsync:
    """Data operations on one collection (optionally one tenant and consistency level).

    Obtained as ``collection.data``.
    """

    def __init__(self, connection: Connection, scope: CollectionScope) -> None:
        self._connection = connection
        self._scope = scope

    def _object_path(self, uuid: UUID, field: str = "uuid") -> str:
        return f"/objects/{self._scope.name}/{uuid_str(uuid, field)}"

    async def insert(
        self,
        properties: Mapping[str, Any],
        references: ReferenceInputs | None = None,
        uuid: UUID | None = None,
        vector: Any = None,
    ) -> uuid_lib.UUID:
        """Insert one object and return its uuid.

        Args:
            properties: the property values by name (dates as datetime, uuids as uuid.UUID or
                str, GeoCoordinate, PhoneNumber, nested dicts and lists).
            references: reference property name -> UUID, list of UUIDs or ReferenceToMulti.
            uuid: the object's id; a random one when None.
            vector: one vector (list, tuple, numpy array) or named vectors ``{name: vector}``.

        Raises:
            ObjectAlreadyExistsError: an object with this uuid exists.
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            UnexpectedStatusCodeError: the server refused the object.
        """
        uid = uuid_str(uuid, "uuid") if uuid is not None else str(uuid_lib.uuid4())
        body: dict[str, Any] = {"class": self._scope.name, "id": uid}
        props = self._json_properties(properties)
        if references is not None:
            props.update(references_json(references))
        body["properties"] = props
        if vector is not None:
            if isinstance(vector, Mapping):
                body["vectors"] = {
                    k: vector_to_list(v, f"vector[{k!r}]") for k, v in vector.items()
                }
            else:
                body["vector"] = vector_to_list(vector, "vector")
        if self._scope.tenant is not None:
            body["tenant"] = self._scope.tenant
        params = self._scope.consistency_params() or None
        await self._connection.rest(
            "POST", "/objects", operation="data.insert", json=body, params=params, timeout="insert"
        )
        return uuid_lib.UUID(uid)

    @staticmethod
    def _json_properties(properties: Mapping[str, Any]) -> dict[str, Any]:
        if properties is None:
            return {}
        if not isinstance(properties, Mapping):
            raise invalid("properties", "must be a mapping of property names to values", properties)
        for name in RESERVED_PROPERTY_NAMES.intersection(properties):
            raise invalid(f"properties.{name}", "is a reserved name; pass it as an object field")
        return to_json_properties(properties)

    async def insert_many(
        self, objects: Sequence[Mapping[str, Any] | DataObject[Any, Any]]
    ) -> BatchObjectReturn:
        """Insert many objects in one gRPC batch call.

        Args:
            objects: property dicts, or DataObject with uuid, vector(s) and references.

        Returns:
            Per input index: ``uuids`` of the inserted objects and ``errors`` of the failed ones
            (each with the server's message and the object as sent, its uuid included).

        Raises:
            WeaviateInvalidInputError: an object is invalid (the field names its index); nothing
                is sent.
            WeaviateInsertManyAllFailedError: every object failed.
            WeaviateBatchError: the batch as a whole failed on the server.
        """
        plan = batch_objects_request(objects, self._scope)
        if not plan.uuids:
            return batch_objects_result(plan, _empty_reply(), 0.0)
        start = time.perf_counter()
        reply = await self._connection.batch_objects(plan.request, operation="data.insert_many")
        return batch_objects_result(plan, reply, time.perf_counter() - start)

    async def exists(self, uuid: UUID) -> bool:
        """Whether an object with this uuid exists in the collection."""
        status, _ = await self._connection.rest_status(
            "HEAD",
            self._object_path(uuid),
            operation="data.exists",
            params=self._scope.rest_params or None,
            ok=(204, 404),
        )
        return status == 204

    async def delete_by_id(self, uuid: UUID) -> bool:
        """Delete the object with this uuid.

        Returns:
            True when the server answers 204, False when it answers 404 (not found). Servers
            from 1.3x on answer 204 for an unknown uuid as well.
        """
        status, _ = await self._connection.rest_status(
            "DELETE",
            self._object_path(uuid),
            operation="data.delete_by_id",
            params=self._scope.rest_params or None,
            ok=(204, 404),
            timeout="insert",
        )
        return status == 204


def _empty_reply() -> Any:
    from weaviate_async.proto.weaviate.v1 import batch_pb2

    return batch_pb2.BatchObjectsReply()
