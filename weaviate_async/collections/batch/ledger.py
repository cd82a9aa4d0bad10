"""The account of a batch: every object and reference added ends either acknowledged by the
server or in ``failed_objects`` / ``failed_references`` with its error, never both, never
neither.

Memory stays bounded whatever the batch's size: counts, every error, and the most recent
:data:`~weaviate_async.classes.batch.MAX_STORED_RESULTS` acknowledgements as (index, uuid text)
pairs. The result objects (``uuid.UUID`` values, :class:`BatchResult`) are built when someone
reads them, not once per object on the way.
"""

from __future__ import annotations

import collections
import time
import uuid as uuid_lib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from weaviate_async.classes.batch import (
    MAX_STORED_RESULTS,
    BatchObjectReturn,
    BatchReferenceReturn,
    BatchResult,
    ErrorObject,
    ErrorReference,
    Shard,
)
from weaviate_async.wire.batch import batch_object, batch_reference

if TYPE_CHECKING:
    from weaviate_async.wire.batch import PendingObject, PendingReference

__all__ = ["Ledger", "ProgressCallback"]

#: Called as ``progress(done, failed, added)`` after each answer from the server.
ProgressCallback = Callable[[int, int, int], None]

_SHARD_LIMIT = 10_000


class Ledger:
    """What a batch context has added, and what became of it.

    Attributes:
        failed_objects: every object that failed, with its error.
        failed_references: every reference that failed, with its error.
        added_objects, acked_objects: objects added, and acknowledged by the server.
        added_references, acked_references: the same for references.
        progress: called after each answer from the server, or None.
    """

    def __init__(self, progress: ProgressCallback | None = None) -> None:
        self.failed_objects: list[ErrorObject] = []
        self.failed_references: list[ErrorReference] = []
        self.added_objects = 0
        self.acked_objects = 0
        self.added_references = 0
        self.acked_references = 0
        self.progress = progress
        self._acked: collections.deque[tuple[int, str]] = collections.deque(
            maxlen=MAX_STORED_RESULTS
        )
        self._object_errors: dict[int, ErrorObject] = {}
        self._reference_errors: dict[int, ErrorReference] = {}
        self._shards: set[tuple[str, str | None]] = set()
        self._started = time.perf_counter()
        self._elapsed = 0.0
        self._results: BatchResult | None = None

    @property
    def number_errors(self) -> int:
        """Objects and references that failed so far."""
        return len(self.failed_objects) + len(self.failed_references)

    @property
    def pending_objects(self) -> int:
        """Objects added and not yet acknowledged or failed."""
        return self.added_objects - self.acked_objects - len(self.failed_objects)

    @property
    def imported_shards(self) -> set[Shard]:
        """The collections (and tenants) objects were written to."""
        return {Shard(collection=c, tenant=t) for c, t in self._shards}

    @property
    def results(self) -> BatchResult:
        """Per-object and per-reference results, built from the account when read."""
        result = self._results
        if result is None:
            result = BatchResult()
            errors = self._object_errors
            result.objs = BatchObjectReturn(
                elapsed_seconds=self._elapsed,
                errors=dict(errors),
                uuids={i: uuid_lib.UUID(u) for i, u in self._acked if i not in errors},
            )
            result.objs._all_responses = [*result.objs.uuids.values(), *errors.values()]
            result.refs = BatchReferenceReturn(
                elapsed_seconds=self._elapsed, errors=dict(self._reference_errors)
            )
            self._results = result
        return result

    def ack_objects(self, items: Iterable[PendingObject]) -> None:
        """The server acknowledged these objects."""
        acked, shards = self._acked, self._shards
        count = 0
        for item in items:
            acked.append((item.index, item.uuid))
            if len(shards) < _SHARD_LIMIT:
                shards.add((item.collection, item.tenant))
            count += 1
        self.acked_objects += count
        self._changed()

    def fail_objects(
        self, items: Iterable[PendingObject], message: str | Callable[[PendingObject], str]
    ) -> None:
        """These objects failed (``message`` is the error, or gives it per object)."""
        for item in items:
            text = message if isinstance(message, str) else message(item)
            error = ErrorObject(text, batch_object(item), item.original_uuid)
            self._object_errors[item.index] = error
            self.failed_objects.append(error)
        self._changed()

    def fail_refused(self, error: ErrorObject) -> None:
        """An object the client refused before sending it (the report built by the caller)."""
        self._object_errors[error.object_.index] = error
        self.failed_objects.append(error)
        self._changed()

    def object_refused_early(self, index: int) -> None:
        """The object of this index raised to the caller before it was queued: it will be
        neither acknowledged nor failed (a ledger that follows indices may settle it)."""

    def ack_references(self, count: int) -> None:
        """The server acknowledged ``count`` references."""
        self.acked_references += count

    def fail_references(
        self,
        items: Iterable[PendingReference],
        message: str | Callable[[PendingReference], str],
    ) -> None:
        """These references failed (``message`` is the error, or gives it per reference)."""
        for item in items:
            text = message if isinstance(message, str) else message(item)
            error = ErrorReference(text, batch_reference(item))
            self._reference_errors[item.index] = error
            self.failed_references.append(error)
        self._results = None

    def _changed(self) -> None:
        self._results = None
        self._elapsed = time.perf_counter() - self._started
        if self.progress is not None:
            self.progress(self.acked_objects, len(self.failed_objects), self.added_objects)
