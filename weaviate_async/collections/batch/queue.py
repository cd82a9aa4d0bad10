"""The batch engine's intake: a bounded FIFO fed from the event loop and from other threads,
drained on the loop.

Async producers (``await batch.add_object``) run on the loop and wait on a future when the
queue is full. Producers in other threads (the sync facade's ``batch.add_object``) append under
a lock and wait on a condition when it is full; they wake the loop only when the consumer is
waiting for items (``call_soon_threadsafe`` is a write to the loop's self-pipe), never once per
item, so a sync add costs no thread hop. ``janus`` (a mixed sync/async queue) was considered:
it notifies the loop on every put, which is exactly the per-item cost this avoids.
"""

from __future__ import annotations

import asyncio
import collections
import threading
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

__all__ = ["BatchQueue", "QueueClosedError"]

T = TypeVar("T")


class QueueClosedError(RuntimeError):
    """Raised to a producer when the queue was closed (the batch ended or failed)."""


class BatchQueue(Generic[T]):
    """A bounded FIFO: ``put`` / ``put_threadsafe`` to add, ``take`` to drain (on the loop).

    Args:
        capacity: how many items it holds before producers wait.
        loop: the event loop the consumer runs on.
        max_bytes: how many bytes (``size(item)`` summed) it holds before producers wait, so
            that large objects do not multiply its memory; None for no such bound.
        size: an item's size in bytes (with ``max_bytes``).
    """

    def __init__(
        self,
        capacity: int,
        loop: asyncio.AbstractEventLoop,
        *,
        max_bytes: int | None = None,
        size: Callable[[T], int] | None = None,
    ) -> None:
        self._items: collections.deque[T] = collections.deque()
        self._capacity = max(1, capacity)
        self._max_bytes = max_bytes if size is not None else None
        self._size = size
        self._bytes = 0
        self._loop = loop
        self._lock = threading.Lock()
        self._not_full = threading.Condition(self._lock)
        self._async_space: collections.deque[asyncio.Future[None]] = collections.deque()
        # Consumers waiting for items: (their wake-up, how many items each waits for).
        self._consumers: list[tuple[asyncio.Future[None], int]] = []
        self._flushing = 0
        self._closed: BaseException | None = None
        self._loop_thread = threading.get_ident()

    def __len__(self) -> int:
        return len(self._items)

    # -- producers

    def put_threadsafe(self, item: T) -> None:
        """Add ``item`` from a thread other than the loop's, waiting while the queue is full.

        Raises:
            QueueClosedError: the queue was closed (its cause chained).
            RuntimeError: called from the loop's own thread (it would wait forever).
        """
        if threading.get_ident() == self._loop_thread:
            raise RuntimeError(
                "a blocking batch call was made on the batch's own event-loop thread; "
                "use `await batch.add_object(...)` there"
            )
        with self._lock:
            while self._full() and self._closed is None:
                self._not_full.wait()
            self._raise_if_closed()
            self._append(item)
            self._wake_consumer_threadsafe()

    async def put(self, item: T) -> None:
        """Add ``item`` on the loop, waiting while the queue is full.

        Raises:
            QueueClosedError: the queue was closed.
        """
        while True:
            with self._lock:
                self._raise_if_closed()
                if not self._full():
                    self._append(item)
                    self._wake_consumer()
                    return
                waiter = self._loop.create_future()
                self._async_space.append(waiter)
            try:
                await waiter
            except asyncio.CancelledError:
                with self._lock:
                    if waiter in self._async_space:
                        self._async_space.remove(waiter)
                raise

    def put_front(self, items: Iterable[T]) -> None:
        """Put items back at the head, beyond the capacity (retries must not wait behind new
        input, nor block the loop that takes them)."""
        with self._lock:
            items = list(items)
            self._items.extendleft(reversed(items))
            if self._size is not None:
                self._bytes += sum(map(self._size, items))
            self._wake_consumer()

    # -- consumer (on the loop)

    async def take(self, max_items: int, *, wait_full: bool = False) -> list[T]:
        """Up to ``max_items`` items, waiting for at least one (or for ``max_items`` when
        ``wait_full``, unless a flush is asked for or the queue is closed).

        Returns an empty list only when the queue is closed and empty.
        """
        while True:
            with self._lock:
                n = len(self._items)
                want = max_items if wait_full and not self._flushing else 1
                if n >= want or (n and self._closed is not None) or (n and self._flushing):
                    return self._pop(min(n, max_items))
                if self._closed is not None:
                    return []
                waiter = self._loop.create_future()
                entry = (waiter, want)
                self._consumers.append(entry)
            try:
                await waiter
            finally:
                with self._lock:
                    if entry in self._consumers:
                        self._consumers.remove(entry)

    def take_nowait(self, max_items: int) -> list[T]:
        """Up to ``max_items`` items without waiting (possibly none)."""
        with self._lock:
            return self._pop(min(len(self._items), max_items))

    def _full(self) -> bool:
        return len(self._items) >= self._capacity or (
            self._max_bytes is not None and self._bytes >= self._max_bytes
        )

    def _append(self, item: T) -> None:
        self._items.append(item)
        if self._size is not None:
            self._bytes += self._size(item)

    def _pop(self, n: int) -> list[T]:
        popleft = self._items.popleft
        out = [popleft() for _ in range(n)]
        if n:
            if self._size is not None:
                self._bytes -= sum(map(self._size, out))
            self._not_full.notify_all()
            while self._async_space and not self._full():
                waiter = self._async_space.popleft()
                if not waiter.done():
                    waiter.set_result(None)
        return out

    # -- control

    def begin_flush(self) -> None:
        """Let ``take`` return partial batches until :meth:`end_flush`."""
        with self._lock:
            self._flushing += 1
            self._wake_consumer(force=True)

    def end_flush(self) -> None:
        """Undo one :meth:`begin_flush`."""
        with self._lock:
            self._flushing = max(0, self._flushing - 1)

    def close(self, cause: BaseException | None = None) -> None:
        """No more input: producers get :class:`QueueClosedError` (with ``cause``), the
        consumer drains what is left. Callable from any thread."""
        with self._lock:
            if self._closed is None:
                self._closed = cause or QueueClosedError("the batch has ended")
            self._not_full.notify_all()
            for waiter in self._async_space:
                self._loop.call_soon_threadsafe(_resolve, waiter)
            self._async_space.clear()
            self._wake_consumer_threadsafe(force=True)

    def min_of(self, key: Callable[[T], int], default: int) -> int:
        """The smallest ``key`` over the queued items, or ``default`` when it is empty."""
        with self._lock:
            return min(map(key, self._items), default=default)

    def drain(self) -> list[T]:
        """Remove and return everything still queued."""
        with self._lock:
            return self._pop(len(self._items))

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._closed is not None

    def _raise_if_closed(self) -> None:
        if self._closed is not None:
            if isinstance(self._closed, QueueClosedError):
                raise QueueClosedError(str(self._closed))
            raise QueueClosedError(f"the batch has failed: {self._closed}") from self._closed

    def _due(self, force: bool) -> list[asyncio.Future[None]]:
        """Take the consumers whose wait is over (called with the lock held)."""
        if not self._consumers:
            return []
        n = len(self._items)
        due = [w for w, want in self._consumers if force or n >= want]
        if due:
            self._consumers = [(w, want) for w, want in self._consumers if w not in due]
        return due

    def _wake_consumer(self, force: bool = False) -> None:
        _resolve_all(self._due(force))

    def _wake_consumer_threadsafe(self, force: bool = False) -> None:
        due = self._due(force)
        if not due:
            return
        if threading.get_ident() == self._loop_thread:
            _resolve_all(due)
        else:
            # One wake-up of the loop for all of them.
            self._loop.call_soon_threadsafe(_resolve_all, due)


def _resolve(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


def _resolve_all(waiters: list[asyncio.Future[None]]) -> None:
    for waiter in waiters:
        _resolve(waiter)
