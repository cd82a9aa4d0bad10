"""The batch engine: a bounded queue, request workers in an anyio task group, a sizing strategy,
and a ledger that accounts for every object.

The engine lives inside one ``async with``: entering starts its dispatchers in a task group,
leaving closes the queues and waits until everything added was answered (or, when the owner is
cancelled, cancels the workers and reports what was not confirmed). Producers are the batch
object's ``add_object`` / ``add_reference``, on the loop (``await``) or from other threads
(the sync facade), both through :class:`~weaviate_async.collections.batch.queue.BatchQueue`.

Objects are sent in requests sized by the strategy; references are held until the objects added
before them are answered, so that their source objects exist.
"""

from __future__ import annotations

import asyncio
import re
import threading
import warnings
from collections.abc import Awaitable, Callable
from operator import attrgetter
from types import TracebackType
from typing import TYPE_CHECKING, Any

import anyio
import anyio.abc

from weaviate_async._groups import raise_single, single_exception
from weaviate_async.collections.batch.queue import BatchQueue
from weaviate_async.collections.batch.stream import StreamDriver
from weaviate_async.connect.retry import pause
from weaviate_async.exceptions import WeaviateBaseError

if TYPE_CHECKING:
    from weaviate_async.classes.batch import ErrorObject
    from weaviate_async.collections.batch.ledger import Ledger
    from weaviate_async.collections.batch.sizing import Sizing
    from weaviate_async.collections.batch.transport import BatchTransport
    from weaviate_async.wire.batch import PendingObject, PendingReference

__all__ = ["BatchEngine"]


_index = attrgetter("index")
_size = attrgetter("size")

# Per-object errors that say "not now" rather than "never": re-sent a few times.
_TRANSIENT = re.compile(
    r"(?i)(rate.?limit|too many requests|\b429\b|context deadline exceeded|"
    r"connection (refused|reset)|temporarily unavailable|shutting down|try again|"
    r"not enough memory)"
)
_OBJECT_RETRIES = 3
_CANCELLED = "the batch was cancelled"
_STOPPED = "the batch stopped on an error"


class BatchEngine:
    """Sends what a batch context adds, and accounts for it in a :class:`Ledger`.

    Args:
        transport: how requests reach the server.
        sizing: the batch mode's strategy.
        ledger: where results and failures go.
        consistency_level: the requests' consistency level, or None.
        queue_capacity: objects (and, separately, references) waiting to be sent at most;
            producers wait beyond it.
        queue_bytes: encoded bytes of the objects waiting to be sent at most (whichever bound
            is reached first).
    """

    def __init__(
        self,
        transport: BatchTransport,
        sizing: Sizing,
        ledger: Ledger,
        consistency_level: Any = None,
        *,
        queue_capacity: int = 10_000,
        queue_bytes: int = 8 * 1024 * 1024,
        streams: int = 0,
    ) -> None:
        self._transport = transport
        self._streams = streams
        self._drivers: list[StreamDriver] = []
        self._sizing = sizing
        self._ledger = ledger
        self._consistency_level = consistency_level
        self._capacity = queue_capacity
        self._queue_bytes = queue_bytes
        self._objects: BatchQueue[PendingObject] | None = None
        self._references: BatchQueue[PendingReference] | None = None
        self._group: anyio.abc.TaskGroup | None = None
        self._in_flight: dict[int, list[PendingObject]] = {}
        self._in_flight_refs: dict[int, list[PendingReference]] = {}
        self._next_request = 0
        self._active = 0
        self._progress: asyncio.Event | None = None
        self._slot_freed: asyncio.Event | None = None
        self._index_lock = threading.Lock()
        self._next_object = 0
        self._next_reference = 0
        # Metrics of the client's instrumentation, when it has any (decided at connect).
        # (a stand-in transport of the engine's tests may have none)
        self._instr = getattr(transport, "instrumentation", None)
        if self._instr is not None:
            self._instr.watch_engine(self)

    # ------------------------------------------------------------------ indices

    def next_object_index(self) -> int:
        """The index of the next object added (thread-safe)."""
        with self._index_lock:
            index = self._next_object
            self._next_object += 1
            return index

    def reference_indices(self, count: int) -> tuple[int, int]:
        """The first of ``count`` reference indices, and how many objects were added before
        (thread-safe)."""
        with self._index_lock:
            first = self._next_reference
            self._next_reference += count
            return first, self._next_object

    def queue_depth(self) -> int:
        """Objects waiting to be sent (for the queue-depth gauge)."""
        return len(self._objects) if self._objects is not None else 0

    def requests_in_flight(self) -> int:
        """Requests sent and not yet answered (for the in-flight gauge)."""
        return len(self._in_flight) + len(self._in_flight_refs)

    # ------------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> BatchEngine:
        loop = asyncio.get_running_loop()
        self._objects = BatchQueue(self._capacity, loop, max_bytes=self._queue_bytes, size=_size)
        self._references = BatchQueue(self._capacity, loop)
        self._progress = asyncio.Event()
        self._slot_freed = asyncio.Event()
        group = anyio.create_task_group()
        await group.__aenter__()
        self._group = group
        if self._streams:
            for _ in range(self._streams):
                driver = StreamDriver(
                    self._transport.open_stream,
                    self._objects,
                    self._references,
                    self._ledger,
                    self._consistency_level,
                    self._progress.set,
                    patience=self._transport.patience,
                    instrumentation=self._instr,
                )
                self._drivers.append(driver)
                group.start_soon(self._guarded, driver.run)
        else:
            group.start_soon(self._guarded, self._dispatch_objects)
            group.start_soon(self._guarded, self._dispatch_references)
        return self

    async def _guarded(self, dispatch: Callable[[], Awaitable[None]]) -> None:
        """Run a dispatcher; if it fails, close the intake so that no producer waits forever
        on a queue nobody drains."""
        try:
            await dispatch()
        except BaseException as exc:
            assert self._objects is not None and self._references is not None
            self._objects.close(exc)
            self._references.close(exc)
            raise

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        group, objects, references = self._group, self._objects, self._references
        assert group is not None and objects is not None and references is not None
        abandon = exc is not None and isinstance(
            exc, (asyncio.CancelledError, KeyboardInterrupt, SystemExit)
        )
        if abandon:
            group.cancel_scope.cancel()
        objects.close()
        references.close()
        try:
            if abandon:
                return await group.__aexit__(exc_type, exc, tb)
            # The caller's own error (or none) ends the block as the official client's
            # ``__exit__`` does: what was added is sent first; the error then leaves as itself.
            await group.__aexit__(None, None, None)
            return None
        except BaseException as failure:
            if single_exception(failure) is exc:
                return None  # the caller's own exception, raised by the caller's block
            raise_single(failure)
        finally:
            unconfirmed = any(d.waiting_objects or d.waiting_references for d in self._drivers)
            if abandon or len(objects) or len(references) or self._in_flight or unconfirmed:
                self._abandon(_CANCELLED if abandon else _STOPPED)

    def _abandon(self, why: str) -> None:
        """Report whatever did not get an answer (the engine was cancelled, or stopped)."""
        assert self._objects is not None and self._references is not None
        ledger = self._ledger
        not_confirmed = f"not confirmed: {why} before the server answered"
        not_sent = f"not sent: {why}"
        for items in self._in_flight.values():
            ledger.fail_objects(items, not_confirmed)
        self._in_flight.clear()
        for driver in self._drivers:
            objects, refs = driver.unconfirmed()
            ledger.fail_objects(objects, not_confirmed)
            ledger.fail_references(refs, not_confirmed)
            driver.waiting_objects.clear()
            driver.waiting_references.clear()
        ledger.fail_objects(self._objects.drain(), not_sent)
        for refs in self._in_flight_refs.values():
            ledger.fail_references(refs, not_confirmed)
        self._in_flight_refs.clear()
        ledger.fail_references(self._references.drain(), not_sent)

    # ------------------------------------------------------------------ producers

    async def put_object(self, item: PendingObject) -> None:
        """Queue an object (on the loop), waiting while the queue is full."""
        assert self._objects is not None
        await self._objects.put(item)
        with self._index_lock:
            self._ledger.added_objects += 1

    def put_object_threadsafe(self, item: PendingObject) -> None:
        """Queue an object from another thread, waiting while the queue is full."""
        assert self._objects is not None
        self._objects.put_threadsafe(item)
        with self._index_lock:
            self._ledger.added_objects += 1

    async def put_references(self, items: list[PendingReference]) -> None:
        """Queue references (on the loop)."""
        assert self._references is not None
        for item in items:
            await self._references.put(item)
        with self._index_lock:
            self._ledger.added_references += len(items)

    def put_references_threadsafe(self, items: list[PendingReference]) -> None:
        """Queue references from another thread."""
        assert self._references is not None
        for item in items:
            self._references.put_threadsafe(item)
        with self._index_lock:
            self._ledger.added_references += len(items)

    def refuse_object(self, error: ErrorObject) -> None:
        """Account for an object refused before it was queued: added, and failed."""
        with self._index_lock:
            self._ledger.added_objects += 1
            self._ledger.fail_refused(error)

    @property
    def running(self) -> bool:
        """Whether the engine accepts input."""
        return self._objects is not None and not self._objects.closed

    async def flush(self) -> None:
        """Send everything added so far and wait until the server answered it all."""
        objects, references, progress = self._objects, self._references, self._progress
        assert objects is not None and references is not None and progress is not None
        objects.begin_flush()
        references.begin_flush()
        try:
            while self._unanswered():
                progress.clear()
                await progress.wait()
        finally:
            objects.end_flush()
            references.end_flush()

    def _unanswered(self) -> bool:
        ledger = self._ledger
        refs_open = (
            ledger.added_references - ledger.acked_references - len(ledger.failed_references)
        )
        return ledger.pending_objects > 0 or refs_open > 0

    # ------------------------------------------------------------------ objects

    async def _dispatch_objects(self) -> None:
        queue, group, sizing, slot_freed = (
            self._objects,
            self._group,
            self._sizing,
            self._slot_freed,
        )
        assert queue is not None and group is not None and slot_freed is not None
        while True:
            while self._active >= sizing.concurrency:
                slot_freed.clear()
                await slot_freed.wait()
            items = await queue.take(sizing.batch_size, wait_full=sizing.wait_full)
            if not items:
                if not self._active:
                    return
                # The intake is closed, but a request in flight may put objects back for
                # another try: wait for it before deciding that everything was sent.
                slot_freed.clear()
                await slot_freed.wait()
                continue
            # Registered at once: from here on a cancellation reports them as not confirmed.
            request = self._next_request
            self._next_request += 1
            self._in_flight[request] = items
            self._active += 1
            await sizing.before_send(len(items))
            group.start_soon(self._send_objects, request, items)

    async def _send_objects(self, request: int, items: list[PendingObject]) -> None:
        ledger, sizing, in_flight = self._ledger, self._sizing, self._in_flight
        loop = asyncio.get_running_loop()
        start = loop.time()
        instr = self._instr
        if instr is not None:
            instr.batch_counts(sent=len(items))
        # On cancellation the items stay in ``_in_flight``, for the report of what was not
        # confirmed; every other outcome takes them out as it records them.
        try:
            try:
                errors = await self._transport.send_objects(
                    items, self._consistency_level, operation="batch.add_object"
                )
            except WeaviateBaseError as exc:
                sizing.on_pushback()
                del in_flight[request]
                ledger.fail_objects(items, exc.message or type(exc).__name__)
                if instr is not None:
                    instr.batch_counts(failed=len(items))
                return
            sizing.on_reply(len(items), loop.time() - start)
            if not errors:
                del in_flight[request]
                ledger.ack_objects(items)
                if instr is not None:
                    instr.batch_counts(acknowledged=len(items))
                return
            retry: list[PendingObject] = []
            failed: list[PendingObject] = []
            done: list[PendingObject] = []
            for item in items:
                message = errors.get(item.index)
                if message is None:
                    done.append(item)
                elif _TRANSIENT.search(message) and item.retry_count < _OBJECT_RETRIES:
                    item.retry_count += 1
                    retry.append(item)
                else:
                    failed.append(item)
            in_flight[request] = retry
            if instr is not None:
                instr.batch_counts(acknowledged=len(done), failed=len(failed), retried=len(retry))
            ledger.ack_objects(done)
            if failed:
                ledger.fail_objects(failed, lambda item: errors[item.index])
            if retry:
                assert self._objects is not None
                delay = 0.5 * max(item.retry_count for item in retry)
                # The official client's warning when the server (or its vectorizer) pushes back
                # on objects it re-sends.
                warnings.warn(
                    f"{len(retry)} object(s) refused for now ({errors[retry[0].index]}): sent "
                    f"again in {delay:g}s",
                    UserWarning,
                    stacklevel=1,
                )
                await pause(delay)
                del in_flight[request]
                self._objects.put_front(retry)
            else:
                del in_flight[request]
        finally:
            self._active -= 1
            assert self._slot_freed is not None and self._progress is not None
            self._slot_freed.set()
            self._progress.set()

    def _objects_done_below(self) -> int:
        """Every object with a smaller index has been answered."""
        assert self._objects is not None
        low = self._objects.min_of(_index, self._next_object)
        for items in self._in_flight.values():
            for item in items:
                if item.index < low:
                    low = item.index
        return low

    # ------------------------------------------------------------------ references

    async def _dispatch_references(self) -> None:
        queue, progress = self._references, self._progress
        assert queue is not None and progress is not None
        while True:
            items = await queue.take(self._sizing.batch_size)
            if not items:
                return
            ready_below = self._objects_done_below()
            ready = [r for r in items if r.after_object <= ready_below]
            if len(ready) < len(items):
                queue.put_front([r for r in items if r.after_object > ready_below])
                if not ready:
                    progress.clear()
                    await progress.wait()
                    continue
            await self._send_references(ready)

    async def _send_references(self, items: list[PendingReference]) -> None:
        ledger = self._ledger
        request = self._next_request
        self._next_request += 1
        self._in_flight_refs[request] = items
        try:
            try:
                errors = await self._transport.send_references(
                    items, self._consistency_level, operation="batch.add_reference"
                )
            except WeaviateBaseError as exc:
                del self._in_flight_refs[request]
                ledger.fail_references(items, exc.message or type(exc).__name__)
                return
            del self._in_flight_refs[request]
            failed = [item for item in items if item.index in errors]
            if failed:
                ledger.fail_references(failed, lambda item: errors[item.index])
            ledger.ack_references(len(items) - len(failed))
        finally:
            assert self._progress is not None
            self._progress.set()
