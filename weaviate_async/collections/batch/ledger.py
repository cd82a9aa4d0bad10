"""The account of a batch: every object and reference added ends either acknowledged by the
server or in ``failed_objects`` / ``failed_references`` with its error, never both, never
neither. Results keep bounded memory: counts, all errors, and the most recent uuids."""

from __future__ import annotations

import time
import uuid as uuid_lib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from weaviate_async.classes.batch import (
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
        results: per-object and per-reference results (:class:`BatchResult`).
        failed_objects: every object that failed, with its error.
        failed_references: every reference that failed, with its error.
        imported_shards: the collections (and tenants) objects were written to.
        added_objects, acked_objects: objects added, and acknowledged by the server.
        added_references, acked_references: the same for references.
    """

    def __init__(self, progress: ProgressCallback | None = None) -> None:
        self.results = BatchResult()
        self.failed_objects: list[ErrorObject] = []
        self.failed_references: list[ErrorReference] = []
        self.imported_shards: set[Shard] = set()
        self.added_objects = 0
        self.acked_objects = 0
        self.added_references = 0
        self.acked_references = 0
        #: Called after each answer from the server, or None.
        self.progress = progress
        self._started = time.perf_counter()

    @property
    def number_errors(self) -> int:
        """Objects and references that failed so far."""
        return len(self.failed_objects) + len(self.failed_references)

    @property
    def pending_objects(self) -> int:
        """Objects added and not yet acknowledged or failed."""
        return self.added_objects - self.acked_objects - len(self.failed_objects)

    def ack_objects(self, items: Iterable[PendingObject]) -> None:
        """The server acknowledged these objects."""
        uuids: dict[int, uuid_lib.UUID] = {}
        shards = self.imported_shards
        for item in items:
            uuids[item.index] = uuid_lib.UUID(item.uuid)
            if len(shards) < _SHARD_LIMIT:
                shards.add(Shard(collection=item.collection, tenant=item.tenant))
        self.acked_objects += len(uuids)
        self.results.objs.add_uuids(uuids)
        self._elapsed()

    def fail_objects(
        self, items: Iterable[PendingObject], message: str | Callable[[PendingObject], str]
    ) -> None:
        """These objects failed (``message`` is the error, or gives it per object)."""
        errors: dict[int, ErrorObject] = {}
        for item in items:
            text = message if isinstance(message, str) else message(item)
            error = ErrorObject(text, batch_object(item), item.original_uuid)
            errors[item.index] = error
            self.failed_objects.append(error)
        self.results.objs.add_errors(errors)
        self._elapsed()

    def ack_references(self, count: int) -> None:
        """The server acknowledged ``count`` references."""
        self.acked_references += count

    def fail_references(
        self,
        items: Iterable[PendingReference],
        message: str | Callable[[PendingReference], str],
    ) -> None:
        """These references failed (``message`` is the error, or gives it per reference)."""
        errors: dict[int, ErrorReference] = {}
        for item in items:
            text = message if isinstance(message, str) else message(item)
            error = ErrorReference(text, batch_reference(item))
            errors[item.index] = error
            self.failed_references.append(error)
        self.results.refs.add_errors(errors)

    def _elapsed(self) -> None:
        elapsed = time.perf_counter() - self._started
        self.results.objs.elapsed_seconds = elapsed
        if self.progress is not None:
            self.progress(self.acked_objects, len(self.failed_objects), self.added_objects)
