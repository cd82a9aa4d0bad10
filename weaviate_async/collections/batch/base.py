"""The batch objects a batch context yields: ``add_object``, ``add_reference``, ``flush``.

``_BatchClientAsync`` (from ``client.batch.dynamic()`` ...) takes the collection and tenant of
each object; ``_BatchCollectionAsync`` (from ``collection.batch.dynamic()`` ...) writes to its
collection's scope. Each is its own async context manager: entering starts the engine, leaving
waits until the server answered everything added.

Objects are checked and encoded when they are added, in the caller's thread. A wrong argument
(the collection name, the uuid, the vector, properties or references of the wrong shape) raises
:class:`~weaviate_async.exceptions.WeaviateInvalidInputError` naming the object's index and
field, as the official client's ``add_object`` raises, and nothing of that object is sent. An
object whose property values cannot be encoded (a ``date``, a ``set``, a list holding ``None``
or values of mixed kinds, ...), or whose properties hold ``id`` or ``vector``, is not sent
either, but ends in ``failed_objects`` (its index, its uuid, a message naming the property)
like an object the server refuses; the rest of the batch is sent. The sync facade's
``add_object`` runs ``_add_object_threadsafe`` directly, without a hop onto the event loop.

Examples:
    >>> async with collection.batch.dynamic() as batch:
    ...     for row in rows:
    ...         await batch.add_object(properties=row)
    >>> collection.batch.failed_objects
    []
"""

from __future__ import annotations

import contextlib
import uuid as uuid_lib
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic

from weaviate_async._twin import twin
from weaviate_async._validate import check_collection_name, invalid
from weaviate_async.classes.batch import BatchObject, ErrorObject
from weaviate_async.collections.batch._add_methods import (
    _BatchClientMethods,
    _BatchCollectionMethods,
)
from weaviate_async.collections.batch.engine import BatchEngine
from weaviate_async.collections.batch.progress import Progress, ProgressOption, make_progress
from weaviate_async.collections.batch.transport import BatchTransport
from weaviate_async.exceptions import WeaviateInsertInvalidPropertyError, WeaviateInvalidInputError
from weaviate_async.models.scope import tenant_name
from weaviate_async.typevars import Properties
from weaviate_async.wire.batch import (
    PendingObject,
    UnencodableProperty,
    encode_object,
    encode_references,
)
from weaviate_async.wire.values import squeezed_vectors

if TYPE_CHECKING:
    from typing_extensions import Self

    from weaviate_async.classes.data import UUID, ReferenceInput, ReferenceInputs
    from weaviate_async.collections.batch.ledger import Ledger
    from weaviate_async.collections.batch.sizing import Sizing
    from weaviate_async.connect._instrument import Instrumentation
    from weaviate_async.connect.connection import Connection
    from weaviate_async.models.scope import CollectionScope
    from weaviate_async.wire.batch import PendingReference

__all__ = ["_BatchBaseAsync", "_BatchClientAsync", "_BatchCollectionAsync"]


def _result_uuid(given: UUID | None, item: PendingObject | UUID) -> UUID:
    if given is not None:
        return given
    # as the official client: a uuid made for the object is a uuid.UUID (a given one is kept)
    return uuid_lib.UUID(item.uuid) if isinstance(item, PendingObject) else item


@contextlib.contextmanager
def _under(instr: Instrumentation | None, span: Any) -> Iterator[None]:
    """Make ``span`` the current span inside the block (nothing without one)."""
    if instr is None or span is None:
        yield
        return
    from opentelemetry import context

    token = context.attach(instr.context_with(span))
    try:
        yield
    finally:
        context.detach(token)


class _BatchBaseAsync:
    """What both batch objects share: the engine's lifecycle, flushing, error counts."""

    def __init__(
        self,
        connection: Connection,
        sizing: Callable[[], Sizing],
        ledger: Ledger,
        consistency_level: Any = None,
        *,
        progress: ProgressOption = False,
        progress_total: int | None = None,
        streams: int = 0,
    ) -> None:
        self._connection = connection
        self._progress_total = progress_total
        self._streams = streams
        self._sizing = sizing
        self._ledger = ledger
        self._consistency_level = consistency_level
        self._progress_option = progress
        self._progress: Progress | None = None
        self._engine: BatchEngine | None = None
        self._collections: dict[str, str] = {}
        self._span: Any = None

    async def __aenter__(self) -> Self:
        if self._engine is not None:
            raise RuntimeError("this batch is already running: use it in one `with` block")
        engine = BatchEngine(
            BatchTransport(self._connection),
            self._sizing(),
            self._ledger,
            self._consistency_level,
            streams=self._streams,
        )
        self._progress = make_progress(self._progress_option, self._progress_total)
        if self._progress is not None:
            self._ledger.progress = self._progress.update
        instr = getattr(self._connection, "_instr", None)
        if instr is not None:
            scope = getattr(self, "_scope", None)
            self._span = instr.batch_span("batch", scope.name if scope is not None else None)
        try:
            # The engine's workers start inside the batch's span: its requests are children.
            with _under(instr, self._span):
                await engine.__aenter__()
        except BaseException as exc:
            self._close_progress()
            self._end_span(exc)
            raise
        self._engine = engine
        return self

    def _end_span(self, exc: BaseException | None) -> None:
        span, self._span = self._span, None
        instr = getattr(self._connection, "_instr", None)
        if span is not None and instr is not None:
            ledger = self._ledger
            instr.end_batch_span(
                span,
                exc,
                added=ledger.added_objects,
                acknowledged=ledger.acked_objects,
                failed=len(ledger.failed_objects),
                references_failed=len(ledger.failed_references),
            )

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        engine = self._engine
        if engine is None:
            return
        failure: BaseException | None = exc
        try:
            await engine.__aexit__(exc_type, exc, tb)
        except BaseException as raised:
            failure = raised
            raise
        finally:
            self._close_progress()
            self._end_span(failure)

    def _close_progress(self) -> None:
        shown, self._progress = self._progress, None
        if shown is not None:
            shown.close()

    def _running(self) -> BatchEngine:
        engine = self._engine
        if engine is None or not engine.running:
            raise RuntimeError(
                "the batch is not running: add objects inside its `with` block, e.g. "
                "`with collection.batch.dynamic() as batch: batch.add_object(...)`"
            )
        return engine

    @property
    def number_errors(self) -> int:
        """How many objects and references have failed so far."""
        return self._ledger.number_errors

    async def flush(self) -> None:
        """Send everything added so far and wait until the server answered it all (the end of
        the ``with`` block does this too)."""
        await self._running().flush()

    # -- encoding, shared by both batch objects (runs in the caller's thread)

    def _encode_object(
        self,
        collection: str,
        tenant: str | None,
        properties: Mapping[str, Any] | None,
        references: ReferenceInputs | None,
        uuid: UUID | None,
        vector: Any,
    ) -> PendingObject | UUID:
        engine = self._running()
        if properties is not None and not isinstance(properties, Mapping):
            raise invalid("properties", "must be a mapping of property names to values", properties)
        index = engine.next_object_index()
        try:
            # numpy arrays squeezed, named ones too, as the official batch reads them
            return encode_object(
                index,
                collection,
                tenant,
                properties,
                references,
                uuid,
                squeezed_vectors(vector),
            )
        except (WeaviateInsertInvalidPropertyError, UnencodableProperty) as refused:
            # The object alone fails, as one the server refuses: the rest of the batch is sent
            # (the official client reports these in failed_objects too, rather than raising).
            given = uuid if uuid is not None else uuid_lib.uuid4()
            failed = BatchObject(
                collection=collection,
                properties=properties,
                references=references,
                uuid=given,
                vector=vector,
                tenant=tenant,
                index=index,
            )
            # a value that cannot be encoded: the message names the property and the reason
            why = refused.message if isinstance(refused, UnencodableProperty) else repr(refused)
            engine.refuse_object(ErrorObject(why, failed, uuid))
            return given
        except WeaviateInvalidInputError:
            # the object is refused to the caller: its index is settled, with nothing to send
            self._ledger.object_refused_early(index)
            raise

    def _encode_references(
        self,
        from_uuid: UUID,
        from_collection: str,
        from_property: str,
        to: ReferenceInput | Sequence[UUID],
        tenant: str | None,
    ) -> list[PendingReference]:
        engine = self._running()
        items = encode_references(from_collection, from_uuid, from_property, to, tenant)
        first, after = engine.reference_indices(len(items))
        for i, item in enumerate(items):
            item.index = first + i
            item.after_object = after
        return items

    async def _put_object(self, item: PendingObject | UUID, given: UUID | None) -> UUID:
        if isinstance(item, PendingObject):
            await self._running().put_object(item)
        return _result_uuid(given, item)

    def _put_object_threadsafe(self, item: PendingObject | UUID, given: UUID | None) -> UUID:
        if isinstance(item, PendingObject):
            self._running().put_object_threadsafe(item)
        return _result_uuid(given, item)

    def _collection(self, name: str) -> str:
        fixed = self._collections.get(name)
        if fixed is None:
            fixed = self._collections[name] = check_collection_name(name, "collection")
        return fixed


@twin
class _BatchClientAsync(_BatchClientMethods, _BatchBaseAsync):
    """A batch over any collections: ``async with client.batch.dynamic() as batch``."""

    def _client_object(
        self,
        collection: str,
        properties: Mapping[str, Any] | None,
        references: ReferenceInputs | None,
        uuid: UUID | None,
        vector: Any,
        tenant: Any,
    ) -> PendingObject | UUID:
        return self._encode_object(
            self._collection(collection), tenant_name(tenant), properties, references, uuid, vector
        )

    def _client_references(
        self,
        from_uuid: UUID,
        from_collection: str,
        from_property: str,
        to: ReferenceInput | Sequence[UUID],
        tenant: Any,
    ) -> list[PendingReference]:
        return self._encode_references(
            from_uuid, self._collection(from_collection), from_property, to, tenant_name(tenant)
        )


@twin
class _BatchCollectionAsync(
    _BatchCollectionMethods[Properties], _BatchBaseAsync, Generic[Properties]
):
    """A batch over one collection (and its handle's tenant):
    ``async with collection.batch.dynamic() as batch``."""

    def __init__(
        self,
        connection: Connection,
        scope: CollectionScope,
        sizing: Callable[[], Sizing],
        ledger: Ledger,
        *,
        progress: ProgressOption = False,
        progress_total: int | None = None,
        streams: int = 0,
    ) -> None:
        super().__init__(
            connection,
            sizing,
            ledger,
            scope.consistency_level,
            progress=progress,
            progress_total=progress_total,
            streams=streams,
        )
        self._scope = scope

    def _scoped_object(
        self,
        properties: Mapping[str, Any] | None,
        references: ReferenceInputs | None,
        uuid: UUID | None,
        vector: Any,
    ) -> PendingObject | UUID:
        scope = self._scope
        return self._encode_object(scope.name, scope.tenant, properties, references, uuid, vector)

    def _scoped_references(
        self, from_uuid: UUID, from_property: str, to: ReferenceInput | Sequence[UUID]
    ) -> list[PendingReference]:
        scope = self._scope
        return self._encode_references(from_uuid, scope.name, from_property, to, scope.tenant)
