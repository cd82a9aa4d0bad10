"""``collection.data``: write, check and delete objects of one collection and their
references.

Single-object writes and single references go over REST; ``insert_many``,
``reference_add_many`` and ``delete_many`` go over gRPC (``BatchObjects``, ``BatchReferences``,
``BatchDelete``). Every call carries the handle's tenant and consistency level.

Examples:
    >>> data = client.collections.use("Article").data
    >>> uid = await data.insert({"title": "Hello"}, vector=[0.1, 0.2])
    >>> res = await data.insert_many([{"title": "a"}, DataObject({"title": "b"}, vector=[1, 0])])
    >>> res.has_errors, res.uuids
    >>> await data.update(uid, {"title": "Hello again"})
    >>> await data.delete_many(Filter.by_property("title").like("a*"))
"""

from __future__ import annotations

import time
import uuid as uuid_lib
from collections.abc import AsyncIterable, Iterable, Mapping, Sequence, Sized
from typing import TYPE_CHECKING, Any, Generic, Literal, overload

from weaviate_async._twin import twin
from weaviate_async._validate import check_data_model, uuid_str
from weaviate_async.classes.batch import BatchObjectReturn, BatchReferenceReturn
from weaviate_async.classes.data import DataObject
from weaviate_async.collections.batch.base import _BatchCollectionAsync
from weaviate_async.collections.batch.ledger import Ledger
from weaviate_async.collections.batch.progress import ProgressOption
from weaviate_async.collections.batch.sizing import DynamicSizing
from weaviate_async.collections.batch.transport import BatchTransport
from weaviate_async.exceptions import WeaviateDeleteManyError
from weaviate_async.typevars import Properties, TProperties
from weaviate_async.wire.batch import insert_many_plan, insert_many_result
from weaviate_async.wire.delete import batch_delete_request, delete_many_result
from weaviate_async.wire.objects import object_body
from weaviate_async.wire.references import (
    batch_references_request,
    batch_references_result,
    reference_path,
    replace_beacons,
    single_beacon,
)

if TYPE_CHECKING:
    from weaviate_async.classes.batch import DeleteManyObject, DeleteManyReturn
    from weaviate_async.classes.data import (
        UUID,
        DataReferences,
        ReferenceInput,
        ReferenceInputs,
        SingleReferenceInput,
    )
    from weaviate_async.classes.filters import FilterReturn
    from weaviate_async.connect.connection import Connection
    from weaviate_async.models.scope import CollectionScope

__all__ = ["_DataCollectionAsync"]


@twin
class _DataCollectionAsync(Generic[Properties]):
    """Data operations on one collection (optionally one tenant and consistency level).

    Obtained as ``collection.data``.
    """

    def __init__(self, connection: Connection, scope: CollectionScope) -> None:
        self._connection = connection
        self._scope = scope

    def with_data_model(self, data_model: type[TProperties]) -> _DataCollectionAsync[TProperties]:
        """The same namespace, typed for properties of ``data_model`` (a TypedDict): a type
        checker then checks the properties given to ``insert``, ``replace`` and ``update``.

        Raises:
            InvalidDataModelError: ``data_model`` is not a TypedDict or ``dict[...]``.
        """
        check_data_model(data_model, "properties")
        return _DataCollectionAsync(self._connection, self._scope)

    def _object_path(self, uuid: UUID, field: str = "uuid") -> str:
        return f"/objects/{self._scope.name}/{uuid_str(uuid, field)}"

    async def insert(
        self,
        properties: Properties,
        references: ReferenceInputs | None = None,
        uuid: UUID | None = None,
        vector: Any = None,
    ) -> uuid_lib.UUID:
        """Insert one object and return its uuid.

        Args:
            properties: the property values by name (dates as aware datetime, uuids as
                uuid.UUID or str, GeoCoordinate, PhoneNumber, bytes for blobs, nested dicts
                and lists).
            references: reference property name -> UUID, list of UUIDs or ReferenceToMulti.
            uuid: the object's id; a random one when None.
            vector: one vector (list, tuple, numpy array) or named vectors ``{name: vector}``
                (a named multi-vector is a list of vectors or a 2-D array).

        Raises:
            ObjectAlreadyExistsError: an object with this uuid exists.
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            UnexpectedStatusCodeError: the server refused the object.
        """
        uid = uuid_str(uuid, "uuid") if uuid is not None else str(uuid_lib.uuid4())
        body = object_body(
            self._scope, properties=properties, references=references, vector=vector, uuid=uid
        )
        await self._connection.rest(
            "POST",
            "/objects",
            operation="data.insert",
            json=body,
            params=self._scope.consistency_params() or None,
            timeout="insert",
        )
        return uuid_lib.UUID(uid)

    async def replace(
        self,
        uuid: UUID,
        properties: Properties,
        references: ReferenceInputs | None = None,
        vector: Any = None,
    ) -> None:
        """Replace an object: its properties and references become the ones given (the ones
        not given are removed).

        Args:
            uuid: the object's id.
            properties: the new property values by name.
            references: reference property name -> UUID, list of UUIDs or ReferenceToMulti.
            vector: one vector or named vectors ``{name: vector}``.

        Raises:
            UnexpectedStatusCodeError: no such object (404; the server sends no message) or
                the server refused the object.
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
        """
        uid = uuid_str(uuid, "uuid")
        body = object_body(
            self._scope, properties=properties, references=references, vector=vector, uuid=uid
        )
        await self._connection.rest(
            "PUT",
            f"/objects/{self._scope.name}/{uid}",
            operation="data.replace",
            json=body,
            params=self._scope.consistency_params() or None,
            timeout="insert",
        )

    async def update(
        self,
        uuid: UUID,
        properties: Properties | None = None,
        references: ReferenceInputs | None = None,
        vector: Any = None,
    ) -> None:
        """Update an object: the properties, references and vector(s) given are merged into
        it; the rest is kept.

        Args:
            uuid: the object's id.
            properties: property values to set, by name.
            references: reference targets to add (the server merges them with the property's
                existing ones; ``reference_replace`` replaces them).
            vector: one vector or named vectors ``{name: vector}`` to set.

        Raises:
            UnexpectedStatusCodeError: no such object (404; the server sends no message) or
                the server refused the change.
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
        """
        uid = uuid_str(uuid, "uuid")
        body = object_body(
            self._scope,
            properties=properties,
            references=references,
            vector=vector,
            properties_required=False,
        )
        await self._connection.rest(
            "PATCH",
            f"/objects/{self._scope.name}/{uid}",
            operation="data.update",
            json=body,
            params=self._scope.consistency_params() or None,
            ok=(200, 204),
            timeout="insert",
        )

    async def insert_many(
        self, objects: Sequence[Mapping[str, Any] | DataObject[Any, Any]]
    ) -> BatchObjectReturn:
        """Insert many objects in one call (over gRPC; split into several requests when they
        exceed the server's message limit).

        Args:
            objects: property dicts, or DataObject with uuid, vector(s) and references.

        Returns:
            Per input index: ``uuids`` of the inserted objects and ``errors`` of the failed ones
            (each with the server's message and the object as sent, its uuid included).

        Raises:
            WeaviateInvalidInputError: an object is invalid (the field names its index); nothing
                is sent.
            WeaviateInsertManyAllFailedError: every object failed, or ``objects`` is empty (as
                the official client raises: no object was inserted).
            WeaviateBatchError: the batch as a whole failed on the server.
        """
        plan = insert_many_plan(objects, self._scope)
        start = time.perf_counter()
        errors = await BatchTransport(self._connection, patience=0).send_objects(
            plan.items, plan.consistency_level, operation="data.insert_many"
        )
        return insert_many_result(plan, errors, time.perf_counter() - start)

    async def ingest(
        self,
        objs: Iterable[Mapping[str, Any] | DataObject[Any, Any]],
        *,
        progress: ProgressOption = False,
    ) -> BatchObjectReturn:
        """Insert any number of objects from an iterable (or async iterable) in batches sized
        from the server's answers, with bounded memory whatever the input's length.

        Unlike :meth:`insert_many`, the objects are read and sent as they come: an invalid
        object raises when it is reached, after the objects before it were sent.

        Args:
            objs: property dicts, or DataObject with uuid, vector(s) and references; in async
                code an async iterable works too.
            progress: show progress (True: a tqdm or rich bar, with an ETA when ``objs`` has a
                length; or a callable ``(done, failed, added)``).

        Returns:
            The uuids (the most recent 100,000) and the errors, by the objects' positions.

        Raises:
            WeaviateInvalidInputError: an object is invalid (the field names its position).

        Examples:
            >>> result = await collection.data.ingest({"n": i} for i in range(1_000_000))
            >>> result.has_errors
            False
        """
        ledger = Ledger()
        total = len(objs) if isinstance(objs, Sized) else None
        batch: _BatchCollectionAsync[Any] = _BatchCollectionAsync(
            self._connection,
            self._scope,
            DynamicSizing,
            ledger,
            progress=progress,
            progress_total=total,
        )
        async with batch:
            if isinstance(objs, AsyncIterable):  # accepted beyond the official signature
                async for obj in objs:
                    await _ingest_one(batch, obj)
            else:
                for obj in objs:
                    await _ingest_one(batch, obj)
        return ledger.results.objs

    async def exists(self, uuid: UUID) -> bool:
        """Whether an object with this uuid exists in the collection (of this tenant)."""
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

    @overload
    async def delete_many(
        self, where: FilterReturn, *, verbose: Literal[False] = False, dry_run: bool = False
    ) -> DeleteManyReturn[None]: ...

    @overload
    async def delete_many(
        self, where: FilterReturn, *, verbose: Literal[True], dry_run: bool = False
    ) -> DeleteManyReturn[list[DeleteManyObject]]: ...

    @overload
    async def delete_many(
        self, where: FilterReturn, *, verbose: bool = False, dry_run: bool = False
    ) -> DeleteManyReturn[list[DeleteManyObject]] | DeleteManyReturn[None]: ...

    async def delete_many(
        self, where: FilterReturn, *, verbose: bool = False, dry_run: bool = False
    ) -> DeleteManyReturn[list[DeleteManyObject]] | DeleteManyReturn[None]:
        """Delete every object the filter ``where`` matches.

        Args:
            where: the filter, as for queries (``Filter.by_property(...)...``).
            verbose: also return each matched object with its outcome.
            dry_run: only count (and, with ``verbose``, list) what would be deleted.

        Returns:
            ``matches``, ``successful`` and ``failed`` counts, and with ``verbose`` the
            ``objects`` (DeleteManyObject: uuid, successful, error). On a dry run the server
            counts the matched objects as successful, though nothing is deleted.

        Raises:
            WeaviateInvalidInputError: ``where`` is not a filter (nothing is sent).
            WeaviateDeleteManyError: the server could not apply the filter (its message says
                why, e.g. an unknown property or an index the filter needs).

        Examples:
            >>> res = await collection.data.delete_many(
            ...     Filter.by_property("year").less_than(2000), dry_run=True, verbose=True
            ... )
            >>> res.matches, [o.uuid for o in res.objects]
        """
        request = batch_delete_request(self._scope, where, verbose=verbose, dry_run=dry_run)
        reply = await self._connection.batch_delete(
            request, operation="data.delete_many", error=WeaviateDeleteManyError
        )
        return delete_many_result(reply, verbose)

    async def reference_add(
        self, from_uuid: UUID, from_property: str, to: SingleReferenceInput
    ) -> None:
        """Add a reference from an object of this collection to another object.

        Args:
            from_uuid: the source object, in this collection.
            from_property: its reference property.
            to: the target: a UUID, or a ReferenceToMulti with one uuid for a multi-target
                property.

        Raises:
            WeaviateInvalidInputError: an argument is invalid, or ``to`` holds several targets
                (use reference_add_many or reference_replace); nothing is sent.
            UnexpectedStatusCodeError: the server refused (404: no source object; 422: no such
                target object, or not a reference property).
        """
        path = reference_path(self._scope, from_uuid, from_property)
        await self._connection.rest(
            "POST",
            path,
            operation="data.reference_add",
            json=single_beacon(to, "reference_add"),
            params=self._scope.rest_params or None,
            timeout="insert",
        )

    async def reference_add_many(self, refs: list[DataReferences]) -> BatchReferenceReturn:
        """Add many references in one gRPC batch call.

        Args:
            refs: DataReference (single-target property) or DataReferenceMulti (multi-target),
                each from one object of this collection to one or more targets.

        Returns:
            The elapsed time and, for each reference that failed, its error by position in
            the batch sent (``error.reference.index`` is the position in ``refs``). The
            server does not check that target objects exist.

        Raises:
            WeaviateInvalidInputError: a reference is invalid; the field names its index
                (``refs[2].to_uuid``). Nothing is sent then.
            WeaviateBatchError: the batch as a whole failed on the server.
        """
        plan = batch_references_request(refs, self._scope)
        if not plan.sent:
            return BatchReferenceReturn()
        start = time.perf_counter()
        reply = await self._connection.batch_references(
            plan.request, operation="data.reference_add_many"
        )
        return batch_references_result(plan, reply, time.perf_counter() - start)

    async def reference_delete(
        self, from_uuid: UUID, from_property: str, to: SingleReferenceInput
    ) -> None:
        """Delete the references from an object of this collection to ``to``.

        Args:
            from_uuid: the source object, in this collection.
            from_property: its reference property.
            to: the target: a UUID, or a ReferenceToMulti with one uuid.

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            UnexpectedStatusCodeError: the server refused (404: no source object).
        """
        path = reference_path(self._scope, from_uuid, from_property)
        await self._connection.rest(
            "DELETE",
            path,
            operation="data.reference_delete",
            json=single_beacon(to, "reference_delete"),
            params=self._scope.rest_params or None,
            ok=(204,),
            timeout="insert",
        )

    async def reference_replace(
        self, from_uuid: UUID, from_property: str, to: ReferenceInput
    ) -> None:
        """Replace all references of a reference property with ``to``.

        Args:
            from_uuid: the source object, in this collection.
            from_property: its reference property.
            to: the new targets: a UUID, a list of UUIDs (an empty list removes every
                reference) or a ReferenceToMulti.

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            UnexpectedStatusCodeError: the server refused (404: no source object).
        """
        path = reference_path(self._scope, from_uuid, from_property)
        await self._connection.rest(
            "PUT",
            path,
            operation="data.reference_replace",
            json=replace_beacons(to),
            params=self._scope.rest_params or None,
            timeout="insert",
        )


async def _ingest_one(
    batch: _BatchCollectionAsync[Any], obj: Mapping[str, Any] | DataObject[Any, Any]
) -> None:
    if isinstance(obj, DataObject):
        await batch.add_object(obj.properties, obj.references, obj.uuid, obj.vector)
    else:
        await batch.add_object(obj)
