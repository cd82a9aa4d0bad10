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
from typing import TYPE_CHECKING, Any, Generic

from weaviate_async._twin import twin
from weaviate_async._validate import check_data_model, uuid_str
from weaviate_async.classes.batch import BatchObjectReturn, BatchReferenceReturn
from weaviate_async.classes.data import DataObject
from weaviate_async.collections._data_methods import _DataMethods
from weaviate_async.collections.batch.base import _BatchCollectionAsync
from weaviate_async.collections.batch.ledger import Ledger
from weaviate_async.collections.batch.progress import ProgressOption
from weaviate_async.collections.batch.sizing import DynamicSizing
from weaviate_async.collections.batch.transport import BatchTransport, SendProgress
from weaviate_async.exceptions import WeaviateBaseError, WeaviateDeleteManyError
from weaviate_async.typevars import Properties, TProperties
from weaviate_async.wire.batch import (
    insert_many_partial,
    insert_many_plan,
    insert_many_result,
    not_answered_errors,
)
from weaviate_async.wire.delete import batch_delete_request, delete_many_result
from weaviate_async.wire.objects import object_body
from weaviate_async.wire.references import (
    batch_references_request,
    reference_path,
    references_return,
)

if TYPE_CHECKING:
    from weaviate_async.classes.batch import DeleteManyObject, DeleteManyReturn
    from weaviate_async.classes.data import (
        UUID,
    )
    from weaviate_async.connect.connection import Connection
    from weaviate_async.models.scope import CollectionScope

__all__ = ["_DataCollectionAsync"]


@twin
class _DataCollectionAsync(_DataMethods[Properties], Generic[Properties]):
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

    async def _insert(
        self, properties: Any, references: Any, uuid: Any, vector: Any
    ) -> uuid_lib.UUID:
        uid = uuid_str(uuid, "uuid") if uuid is not None else str(uuid_lib.uuid4())
        body = object_body(
            self._scope, properties=properties, references=references, vector=vector, uuid=uid
        )
        await self._write("POST", "/objects", "data.insert", body)
        return uuid_lib.UUID(uid)

    async def _replace(self, uuid: Any, properties: Any, references: Any, vector: Any) -> None:
        uid = uuid_str(uuid, "uuid")
        body = object_body(
            self._scope, properties=properties, references=references, vector=vector, uuid=uid
        )
        await self._write("PUT", f"/objects/{self._scope.name}/{uid}", "data.replace", body)

    async def _update(self, uuid: Any, properties: Any, references: Any, vector: Any) -> None:
        uid = uuid_str(uuid, "uuid")
        body = object_body(
            self._scope,
            properties=properties,
            references=references,
            vector=vector,
            properties_required=False,
        )
        path = f"/objects/{self._scope.name}/{uid}"
        await self._write("PATCH", path, "data.update", body, ok=(200, 204))

    async def _write(
        self,
        method: str,
        path: str,
        operation: str,
        body: dict[str, Any],
        ok: tuple[int, ...] = (200,),
    ) -> None:
        """Send one object (insert, replace or update) with the handle's consistency level."""
        await self._connection.rest(
            method,
            path,
            operation=operation,
            json=body,
            params=self._scope.consistency_params() or None,
            ok=ok,
            timeout="insert",
        )

    async def _insert_many(
        self, objects: Sequence[Mapping[str, Any] | DataObject[Any, Any]]
    ) -> BatchObjectReturn:
        plan = insert_many_plan(objects, self._scope)
        start = time.perf_counter()
        progress = SendProgress()
        try:
            errors = await BatchTransport(self._connection, patience=0).send_objects(
                plan.items,
                plan.consistency_level,
                operation="data.insert_many",
                progress=progress,
                # As a dynamic batch sizes its requests (the server's time per object varies a
                # hundredfold: a vector index, a vectorizer; the bytes do not tell it), but
                # never below 1000 objects: a request has a fixed cost on the server, and
                # small ones on a busy server made the call ten times slower.
                sizing=DynamicSizing(initial=1000, minimum=1000, maximum=10_000),
            )
        except WeaviateBaseError as exc:
            # What landed, for the caller: every object's uuid (a retry with them replaces
            # instead of duplicating) and which requests were answered.
            exc.partial_result = insert_many_partial(  # type: ignore[attr-defined]
                plan,
                progress.errors,
                progress.answered,
                progress.sending,
                exc.message or type(exc).__name__,
                time.perf_counter() - start,
            )
            raise
        return insert_many_result(plan, errors, time.perf_counter() - start)

    async def _ingest(
        self, objs: Iterable[Mapping[str, Any] | DataObject[Any, Any]], progress: ProgressOption
    ) -> BatchObjectReturn:
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

    async def _exists(self, uuid: UUID) -> bool:
        status, _ = await self._connection.rest_status(
            "HEAD",
            self._object_path(uuid),
            operation="data.exists",
            params=self._scope.rest_params or None,
            ok=(204, 404),
        )
        return status == 204

    async def _delete_by_id(self, uuid: UUID) -> bool:
        status, _ = await self._connection.rest_status(
            "DELETE",
            self._object_path(uuid),
            operation="data.delete_by_id",
            params=self._scope.rest_params or None,
            ok=(204, 404),
            timeout="insert",
        )
        return status == 204

    async def _delete_many(
        self, where: Any, verbose: Any, dry_run: Any
    ) -> DeleteManyReturn[list[DeleteManyObject]] | DeleteManyReturn[None]:
        request = batch_delete_request(self._scope, where, verbose=verbose, dry_run=dry_run)
        reply = await self._connection.batch_delete(
            request, operation="data.delete_many", error=WeaviateDeleteManyError
        )
        return delete_many_result(reply, verbose)

    async def _reference(
        self,
        method: str,
        from_uuid: Any,
        from_property: Any,
        what: str,
        body: Any,
        ok: tuple[int, ...] = (200,),
    ) -> None:
        path = reference_path(self._scope, from_uuid, from_property)
        await self._connection.rest(
            method,
            path,
            operation=f"data.{what}",
            json=body,
            params=self._scope.rest_params or None,
            ok=ok,
            timeout="insert",
        )

    async def _reference_add_many(self, refs: Any) -> BatchReferenceReturn:
        plan = batch_references_request(refs, self._scope)
        if not plan.sent:
            return BatchReferenceReturn()
        start = time.perf_counter()
        progress = SendProgress()
        try:
            errors = await BatchTransport(self._connection, patience=0).send_reference_request(
                plan.request, operation="data.reference_add_many", progress=progress
            )
        except WeaviateBaseError as exc:
            unanswered = not_answered_errors(
                len(plan.sent),
                progress.answered,
                progress.sending,
                exc.message or type(exc).__name__,
            )
            exc.partial_result = references_return(  # type: ignore[attr-defined]
                plan, {**progress.errors, **unanswered}, time.perf_counter() - start
            )
            raise
        return references_return(plan, errors, time.perf_counter() - start)


async def _ingest_one(
    batch: _BatchCollectionAsync[Any], obj: Mapping[str, Any] | DataObject[Any, Any]
) -> None:
    if isinstance(obj, DataObject):
        await batch.add_object(obj.properties, obj.references, obj.uuid, obj.vector)
    else:
        await batch.add_object(obj)
