"""Server-side batching over the bidirectional ``BatchStream`` RPC (``batch.stream()``).

The client opens a stream, sends ``Start``, then ``Data`` messages with objects and references,
and ``Stop`` when the intake is closed and drained. The server answers:

- ``Acks``: it took these objects (by uuid) and references (by beacon) into its queue; the
  client keeps at most a window of unacknowledged items in flight;
- ``Results``: the outcome of each object (uuid) and reference (beacon): success or error;
- ``Backoff``: the number of items per message (and the window) it wants now;
- ``OutOfMemory``: it refused these items; send them again once it recovers. Nothing more is
  sent on that stream: a v1.39 server closes it at once; otherwise a ``ShuttingDown`` follows
  within ``wait_time`` seconds, or the client closes it then. New streams are tried with
  growing pauses (not after the whole ``wait_time``: a server given more memory is used as soon
  as it is back), and for at least ``wait_time`` seconds before the items fail;
- ``ShuttingDown``: this node is going away: stop sending; once the stream ends, a new stream
  (to a node that is up) takes every item without a result again.

Every item without a result is kept until it gets one, and sent again on the next stream when
one breaks: uuids are chosen by the client, so a second delivery replaces, never duplicates.
A reference is named by the server by its source (``weaviate://localhost/Coll/uuid/prop``),
so references with the same source are matched to their results in the order they were sent.
"""

from __future__ import annotations

import asyncio
import collections
import sys
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Protocol

import anyio

from weaviate_async._groups import task_group
from weaviate_async.connect.retry import Backoff, RetryPolicy, pause
from weaviate_async.exceptions import (
    WeaviateBaseError,
    WeaviateConnectionError,
    WeaviateTimeoutError,
)
from weaviate_async.logger import logger
from weaviate_async.proto.weaviate.v1 import batch_pb2
from weaviate_async.wire.batch import stream_data_bytes
from weaviate_async.wire.values import consistency_level_pb

if TYPE_CHECKING:
    from weaviate_async.collections.batch.ledger import Ledger
    from weaviate_async.collections.batch.queue import BatchQueue
    from weaviate_async.wire.batch import PendingObject, PendingReference

__all__ = ["StreamChannel", "StreamDriver"]

_TRANSIENT = frozenset({"UNAVAILABLE", "RESOURCE_EXHAUSTED", "ABORTED", "CANCELLED", "INTERNAL"})
_DEFAULT_WINDOW = 100
_MAX_WINDOW = 1000
_STOP = batch_pb2.BatchStreamRequest(stop=batch_pb2.BatchStreamRequest.Stop()).SerializeToString()
_index = attrgetter("index")
#: An object the server's workers refused for lack of memory (v1.39 answers it in Results while
#: the stream's OutOfMemory follows): sent again, as the refused messages are, a bounded number
#: of times.
_NO_MEMORY = "not enough memory"
_MEMORY_RETRIES = 10


class StreamChannel(Protocol):
    """One open ``BatchStream``: what the driver needs of the transport."""

    async def send(self, message: bytes) -> None:
        """Send one serialized ``BatchStreamRequest``."""

    async def recv(self) -> batch_pb2.BatchStreamReply | None:
        """The next reply, or None when the server ended the stream."""

    async def end(self) -> None:
        """Close the client's side of the stream."""


class _Closed(Exception):
    """The stream ended (the server closed it or it broke) before everything was answered."""


class StreamDriver:
    """Feeds one engine's queues through ``BatchStream`` streams until they are drained and
    every item has a result.

    Args:
        open_stream: opens a stream (an async context manager yielding a :class:`StreamChannel`).
        objects, references: the engine's intake.
        ledger: where results go.
        consistency_level: the stream's consistency level.
        on_progress: called after each result message (wakes flushes and reference gating).
        patience: seconds to keep reopening streams while the server is unreachable.
        instrumentation: the client's, for the batch object counters (None: not counted).
    """

    def __init__(
        self,
        open_stream: Callable[[], AbstractAsyncContextManager[StreamChannel]],
        objects: BatchQueue[PendingObject],
        references: BatchQueue[PendingReference],
        ledger: Ledger,
        consistency_level: Any,
        on_progress: Callable[[], None],
        *,
        patience: float = 120.0,
        instrumentation: Any = None,
    ) -> None:
        self._open = open_stream
        self._instr = instrumentation
        self._objects = objects
        self._references = references
        self._ledger = ledger
        self._consistency = consistency_level_pb(consistency_level)
        self._on_progress = on_progress
        self._patience = patience
        self._window = _DEFAULT_WINDOW
        # Sent, without a result yet: by uuid, and by beacon (in sending order).
        self.waiting_objects: dict[str, PendingObject] = {}
        self.waiting_references: dict[str, collections.deque[PendingReference]] = {}
        self._waiting_refs = 0
        self._unacked = 0
        self._credit = asyncio.Event()
        self._results_seen = asyncio.Event()
        self._paused_until = 0.0
        self._out_of_memory_until = 0.0  # the server asked for patience until then
        self._refused_here = False  # the current stream answered OutOfMemory
        self._answered = False  # the current stream got results from the server
        self._shutting_down = False

    # ------------------------------------------------------------------ the stream loop

    async def run(self) -> None:
        """Stream until the intake is closed and drained and every item was answered.

        A server that cannot be reached for :attr:`patience` seconds, or a refusal that another
        stream would not change (credentials, permissions), fails every item without a result
        and closes the intake, so that the producer learns of it at its next ``add_object``.
        """
        # Patience counts from the first failure of a run of failures; a stream that got results
        # (progress: the work left shrank) or was handed over in order starts the count again
        # at the next failure.
        waits = Backoff(RetryPolicy(max_tries=sys.maxsize, max_time=self._patience, max_delay=5.0))
        while True:
            self._answered = False
            try:
                finished = await self._one_stream()
            except (WeaviateConnectionError, WeaviateTimeoutError, _Closed) as exc:
                error: BaseException = exc
            except WeaviateBaseError as exc:
                if exc.status not in _TRANSIENT:
                    self._give_up(exc.message or type(exc).__name__, exc)
                    return
                error = exc
            else:
                if finished:
                    return
                waits.reset()  # an orderly handover (ShuttingDown): reconnect at once
                continue
            if self._answered:
                waits.reset()
            delay = waits.next_delay()
            if delay is None:
                # out of memory: keep trying for as long as the server said it might take
                left = self._out_of_memory_until - time.monotonic()
                if left > 0:
                    delay = min(5.0, left)
            if delay is None:
                message = getattr(error, "message", None) or str(error) or type(error).__name__
                self._give_up(f"the batch stream could not be re-established: {message}", error)
                return
            await pause(delay)

    def _give_up(self, message: str, cause: BaseException) -> None:
        self._objects.close(cause)
        self._references.close(cause)
        self._fail_waiting(message)
        self._fail_queued(f"not sent: {message}")

    async def _one_stream(self) -> bool:
        """One stream's life. True when everything is done; False to open another."""
        self._requeue_waiting()
        self._shutting_down = False
        self._unacked = 0
        # a new stream tries again at once: the run loop's growing delays pace the attempts
        self._paused_until = 0.0
        self._refused_here = False
        async with self._open() as stream:
            start = batch_pb2.BatchStreamRequest(
                start=batch_pb2.BatchStreamRequest.Start(consistency_level=self._consistency)  # type: ignore[arg-type]
            )
            await stream.send(start.SerializeToString())
            # Plain tasks, not a task group: a failure of either surfaces as itself.
            sender = asyncio.ensure_future(self._send_loop(stream))
            receiver = asyncio.ensure_future(self._receive_loop(stream))
            try:
                done, _ = await asyncio.wait(
                    (sender, receiver), return_when=asyncio.FIRST_COMPLETED
                )
                if sender in done and sender.exception() is None:
                    await receiver  # the client's side is closed: read to the end
                ended = receiver.result() if receiver.done() else False
                for task in (sender, receiver):
                    if task.done() and not task.cancelled() and task.exception() is not None:
                        raise task.exception()  # type: ignore[misc]
            finally:
                for task in (sender, receiver):
                    task.cancel()
                await asyncio.gather(sender, receiver, return_exceptions=True)
        if self._shutting_down or not ended:
            return False
        if self.waiting_objects or self._waiting_refs or not self._drained():
            raise _Closed("the server ended the batch stream before answering every item")
        return True

    async def _send_loop(self, stream: StreamChannel) -> None:
        objects = self._objects
        while True:
            while self._unacked >= self._window or self._shutting_down or self._paused():
                self._credit.clear()
                wait = self._paused_until - time.monotonic()
                if wait > 0:
                    with anyio.move_on_after(wait):
                        await self._credit.wait()
                else:
                    await self._credit.wait()
            if self._refused_here:
                # wait_time passed without ShuttingDown: close the stream, as the server asks
                raise _Closed("the server stayed out of memory")
            room = max(1, self._window - self._unacked)
            items = objects.take_nowait(room)
            refs: list[PendingReference] = []
            if len(items) < room:
                refs = self._ready_references(room - len(items))
            if not items and not refs:
                if self._drained():
                    await stream.send(_STOP)
                    await stream.end()
                    return
                await self._wait_for_input()
                continue
            for item in items:
                self.waiting_objects[item.uuid] = item
            for ref in refs:
                self.waiting_references.setdefault(ref.beacon, collections.deque()).append(ref)
            self._waiting_refs += len(refs)
            self._unacked += len(items) + len(refs)
            if items:
                self._count(sent=len(items))
            await stream.send(stream_data_bytes(items, refs))

    async def _wait_for_input(self) -> None:
        """Until objects or references arrive, a result may make references ready, or the
        intake closes."""
        objects, references = self._objects, self._references
        watched: list[Callable[[], Awaitable[object]]] = [self._results_seen.wait]
        if not (objects.closed and not len(objects)):
            watched.append(lambda: _peek(objects))
        if not len(references) and not references.closed:
            watched.append(lambda: _peek(references))
        self._results_seen.clear()
        async with task_group() as group:

            async def first(wait: Callable[[], Awaitable[object]]) -> None:
                await wait()
                group.cancel_scope.cancel()

            for wait in watched:
                group.start_soon(first, wait)

    def _ready_references(self, room: int) -> list[PendingReference]:
        references = self._references
        if not len(references):
            return []
        items = references.take_nowait(room)
        below = self._objects_done_below()
        ready = [r for r in items if r.after_object <= below]
        if len(ready) < len(items):
            references.put_front([r for r in items if r.after_object > below])
        return ready

    def _objects_done_below(self) -> int:
        """Every object with a smaller index has a result (``sys.maxsize``: all of them)."""
        low = self._objects.min_of(_index, sys.maxsize)
        for item in self.waiting_objects.values():
            if item.index < low:
                low = item.index
        return low

    def _drained(self) -> bool:
        """Whether the intake is closed and empty."""
        objects, references = self._objects, self._references
        return objects.closed and references.closed and not len(objects) and not len(references)

    def _paused(self) -> bool:
        return time.monotonic() < self._paused_until

    async def _receive_loop(self, stream: StreamChannel) -> bool:
        """Read replies until the stream ends; True when it ended cleanly."""
        while True:
            reply = await stream.recv()
            if reply is None:
                return True
            kind = reply.WhichOneof("message")
            if kind == "results":
                self._answered = True
                self._out_of_memory_until = 0.0
                self._results(reply.results)
            elif kind == "acks":
                self._unacked = max(
                    0, self._unacked - len(reply.acks.uuids) - len(reply.acks.beacons)
                )
                self._credit.set()
            elif kind == "backoff":
                size = reply.backoff.batch_size
                if size > 0:
                    self._window = min(_MAX_WINDOW, size)
                    self._credit.set()
            elif kind == "out_of_memory":
                self._out_of_memory(reply.out_of_memory)
            elif kind == "shutting_down":
                self._shutting_down = True

    def _results(self, results: batch_pb2.BatchStreamReply.Results) -> None:
        ledger = self._ledger
        done: list[PendingObject] = []
        failed: list[tuple[PendingObject, str]] = []
        retry: list[PendingObject] = []
        refs_ok = 0
        # Errors first: the server has been seen to list a failed object among the successes
        # too (v1.39); an item without any result is sent again on the next stream.
        for error in results.errors:
            which = error.WhichOneof("detail")
            if which == "uuid":
                item = self.waiting_objects.pop(error.uuid, None)
                if item is None:
                    continue
                if _NO_MEMORY in error.error and item.retry_count < _MEMORY_RETRIES:
                    item.retry_count += 1
                    retry.append(item)
                else:
                    failed.append((item, error.error))
            elif which == "beacon":
                ref = self._pop_reference(error.beacon)
                if ref is not None:
                    ledger.fail_references([ref], error.error)
        for success in results.successes:
            which = success.WhichOneof("detail")
            if which == "uuid":
                item = self.waiting_objects.pop(success.uuid, None)
                if item is not None:
                    done.append(item)
            elif which == "beacon" and self._pop_reference(success.beacon) is not None:
                refs_ok += 1
        if done:
            ledger.ack_objects(done)
        for item, message in failed:
            ledger.fail_objects([item], message)
        if refs_ok:
            ledger.ack_references(refs_ok)
        if retry:
            self._objects.put_front(sorted(retry, key=_index))
        self._count(acknowledged=len(done), failed=len(failed), retried=len(retry))
        self._results_seen.set()
        self._on_progress()

    def _pop_reference(self, beacon: str) -> PendingReference | None:
        queue = self.waiting_references.get(beacon)
        if not queue:
            return None
        ref = queue.popleft()
        if not queue:
            del self.waiting_references[beacon]
        self._waiting_refs -= 1
        return ref

    def _out_of_memory(self, oom: batch_pb2.BatchStreamReply.OutOfMemory) -> None:
        logger.info(
            "The server is out of memory and refused %d objects and %d references: they will "
            "be sent again once it recovers (waiting for at most %d s)",
            len(oom.uuids),
            len(oom.beacons),
            max(1, oom.wait_time or 1),
        )
        retry = [self.waiting_objects.pop(u) for u in oom.uuids if u in self.waiting_objects]
        refs = [r for r in (self._pop_reference(b) for b in oom.beacons) if r is not None]
        self._unacked = max(0, self._unacked - len(retry) - len(refs))
        if retry:
            self._objects.put_front(retry)
            self._count(retried=len(retry))
        if refs:
            self._references.put_front(refs)
        wait = max(1, oom.wait_time or 1)
        self._paused_until = time.monotonic() + wait
        self._out_of_memory_until = max(self._out_of_memory_until, self._paused_until)
        self._refused_here = True
        self._credit.set()  # the sender re-checks: nothing more goes out on this stream

    # ------------------------------------------------------------------ bookkeeping

    def _requeue_waiting(self) -> None:
        """Everything without a result goes out again on the next stream."""
        if self.waiting_objects:
            items = sorted(self.waiting_objects.values(), key=_index)
            self.waiting_objects.clear()
            for item in items:
                item.retry_count += 1
            self._objects.put_front(items)
            self._count(retried=len(items))
        if self._waiting_refs:
            refs = sorted(self._references_waiting(), key=_index)
            self.waiting_references.clear()
            self._waiting_refs = 0
            for ref in refs:
                ref.retry_count += 1
            self._references.put_front(refs)

    def _fail_waiting(self, message: str) -> None:
        if self.waiting_objects:
            self._ledger.fail_objects(list(self.waiting_objects.values()), message)
            self._count(failed=len(self.waiting_objects))
            self.waiting_objects.clear()
        if self._waiting_refs:
            self._ledger.fail_references(self._references_waiting(), message)
            self.waiting_references.clear()
            self._waiting_refs = 0
        self._on_progress()

    def _fail_queued(self, message: str) -> None:
        queued = self._objects.drain()
        self._ledger.fail_objects(queued, message)
        self._count(failed=len(queued))
        self._ledger.fail_references(self._references.drain(), message)
        self._on_progress()

    def _count(self, **counts: int) -> None:
        """Add to the client's batch object counters, when it has any (zeros are skipped)."""
        if self._instr is not None:
            self._instr.batch_counts(**counts)

    def unconfirmed(self) -> tuple[list[PendingObject], list[PendingReference]]:
        """What was sent and has no result (reported when the batch is cancelled)."""
        return list(self.waiting_objects.values()), self._references_waiting()

    def _references_waiting(self) -> list[PendingReference]:
        return [r for q in self.waiting_references.values() for r in q]


async def _peek(queue: BatchQueue[Any]) -> None:
    """Wait until ``queue`` has an item (left in place) or is closed."""
    got = await queue.take(1)
    if got:
        queue.put_front(got)
