"""A private asyncio event loop on a daemon thread: the runtime of the generated ``weaviate_sync``.

Every blocking call of the sync facade is one hop onto this loop: the caller's thread hands the
coroutine over, the loop runs it as a task, and the caller blocks on a lock until the task is
done. The caller's own event loop (if it has one, as in Jupyter) is never used nor required.

The hand-off is ``loop.call_soon_threadsafe`` of a callback that creates the task (started
eagerly where Python supports it), and the completion is signalled by releasing a
pre-acquired ``threading.Lock``: measured cheaper than ``asyncio.run_coroutine_threadsafe`` plus
``concurrent.futures.Future.result()`` (see ``tools/gen_sync.py --bench``).

After ``os.fork()`` the child has no loop thread: the first call in the child starts a fresh one
(detected by a module generation counter bumped in an ``after_in_child`` fork hook). The
inherited loop is left untouched, since its selector is shared with the parent.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import os
import sys
import threading
from collections.abc import AsyncIterator, Awaitable, Coroutine, Iterator
from typing import Any, Generic, TypeVar

__all__ = ["DEFAULT_THREAD_NAME", "LoopThread"]

T = TypeVar("T")

DEFAULT_THREAD_NAME = "weaviate-sync-loop"
"""The name of the threads that run the loops of the sync facade."""

_generation = 0
"""Bumped in a forked child: a LoopThread whose loop was started in another generation is stale."""

_start_lock = threading.Lock()
"""Serialises starting and stopping loop threads (rare); replaced in a forked child."""

_inherited: list[asyncio.AbstractEventLoop] = []
"""Loops inherited through fork: kept alive and never touched, their selector is the parent's."""

_EAGER = sys.version_info >= (3, 12)
_POLL_SECONDS = 1.0
"""How often a waiting caller checks that the loop it waits on has not been closed meanwhile."""


def _after_fork_in_child() -> None:
    global _generation, _start_lock
    _generation += 1
    _start_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class _Call(Generic[T]):
    """One hand-off: the awaitable, its task, its outcome and the lock the caller blocks on."""

    __slots__ = ("awaitable", "exception", "lock", "result", "task")

    def __init__(self, awaitable: Awaitable[T]) -> None:
        self.awaitable: Awaitable[T] | None = awaitable
        self.lock = threading.Lock()
        self.lock.acquire()
        self.task: asyncio.Task[None] | None = None
        self.result: T | None = None
        self.exception: BaseException | None = None

    async def _drive(self, awaitable: Awaitable[T]) -> None:
        try:
            self.result = await awaitable
        except BaseException as exc:  # handed to the caller, re-raised there
            self.exception = exc
        finally:
            self.lock.release()

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        """Runs on the loop thread: create (and eagerly start) the task."""
        awaitable = self.awaitable
        if awaitable is None:  # cancelled before it started
            return
        self.awaitable = None
        if _EAGER:
            self.task = asyncio.Task(self._drive(awaitable), loop=loop, eager_start=True)  # type: ignore[call-arg,unused-ignore]
        else:
            self.task = loop.create_task(self._drive(awaitable))

    def cancel(self) -> None:
        """Runs on the loop thread: cancel the task, or make sure it never starts."""
        if self.task is not None:
            self.task.cancel()
            return
        awaitable, self.awaitable = self.awaitable, None
        if awaitable is not None:
            _close(awaitable)
            self.exception = asyncio.CancelledError()
            self.lock.release()


def _close(awaitable: object) -> None:
    if inspect.iscoroutine(awaitable):
        awaitable.close()


class LoopThread:
    """An asyncio event loop running on a private daemon thread.

    The thread starts on the first call (and again after :meth:`close` or in a forked child).
    :meth:`run` may be called from any number of threads at once.
    """

    __slots__ = ("__weakref__", "_generation", "_ident", "_loop", "_name", "_thread")

    def __init__(self, name: str = DEFAULT_THREAD_NAME) -> None:
        self._name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ident: int | None = None
        self._generation = _generation

    def __repr__(self) -> str:
        state = "running" if self.is_running else "stopped"
        return f"<LoopThread {self._name!r} {state}>"

    @property
    def is_running(self) -> bool:
        """Whether the loop thread is alive (in this process)."""
        return self._loop is not None and self._generation == _generation

    @property
    def thread(self) -> threading.Thread | None:
        """The thread running the loop, if it runs."""
        return self._thread if self.is_running else None

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The event loop (started if needed)."""
        loop = self._loop
        if loop is None or self._generation != _generation:
            loop = self._start()
        return loop

    def _start(self) -> asyncio.AbstractEventLoop:
        with _start_lock:
            loop = self._loop
            if loop is not None:
                if self._generation == _generation:
                    return loop
                _inherited.append(loop)  # forked child: the parent's loop, never touched here
            loop = asyncio.new_event_loop()
            ready = threading.Event()
            thread = threading.Thread(
                target=_serve, args=(loop, ready), name=self._name, daemon=True
            )
            thread.start()
            ready.wait()
            self._thread, self._ident, self._generation = thread, thread.ident, _generation
            self._loop = loop
            return loop

    def run(self, awaitable: Awaitable[T]) -> T:
        """Run ``awaitable`` on the loop thread, block until it is done, and return its result.

        Its exception is raised here, with its original traceback. A ``KeyboardInterrupt`` while
        waiting cancels the task (and waits for it to finish) before it propagates.

        Raises:
            RuntimeError: when called from the loop thread itself (it would deadlock).
        """
        loop = self._loop
        if loop is None or self._generation != _generation:
            loop = self._start()
        if threading.get_ident() == self._ident:
            _close(awaitable)
            raise RuntimeError(
                "a blocking weaviate_sync call was made from its own event-loop thread "
                "(inside a coroutine or callback run by the sync client); use the async API there"
            )
        call = _Call(awaitable)
        loop.call_soon_threadsafe(call.start, loop)
        lock = call.lock
        try:
            while not lock.acquire(timeout=_POLL_SECONDS):
                if loop.is_closed():
                    _close(call.awaitable)
                    raise RuntimeError("the event-loop thread was closed during the call")
        except BaseException:  # KeyboardInterrupt and friends: cancel, wait, re-raise
            if not loop.is_closed():
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(call.cancel)
                while not lock.acquire(timeout=_POLL_SECONDS) and not loop.is_closed():
                    pass
            raise
        exc = call.exception
        if exc is not None:
            try:
                raise exc
            finally:
                del exc, call
        return call.result  # type: ignore[return-value]

    def iterate(self, iterator: AsyncIterator[T]) -> Iterator[T]:
        """Iterate an async iterator from blocking code: each ``__anext__`` runs on the loop.

        Closing the returned generator early (``break``, garbage collection) closes the async
        iterator on the loop when it has ``aclose()`` (async generators do).
        """
        run = self.run
        anext = type(iterator).__anext__
        try:
            while True:
                try:
                    item = run(anext(iterator))
                except StopAsyncIteration:
                    return
                yield item
        finally:
            aclose = getattr(iterator, "aclose", None)
            if aclose is not None:
                self._close_iterator(aclose)

    def _close_iterator(self, aclose: Any) -> None:
        if self._loop is None or self._generation != _generation:
            return  # the loop that ran it is gone
        if threading.get_ident() == self._ident:  # finalised on the loop thread itself
            self._loop.create_task(aclose())
            return
        self.run(aclose())

    def close(self) -> None:
        """Cancel what is left on the loop, stop it, close it and join its thread. Idempotent.

        A later :meth:`run` starts a fresh thread.
        """
        with _start_lock:
            loop, thread = self._loop, self._thread
            if loop is None or thread is None:
                return
            self._loop = self._thread = self._ident = None
            if self._generation != _generation:  # forked child: the thread is the parent's
                _inherited.append(loop)
                return
        if threading.get_ident() == thread.ident:  # closing from the loop itself: no join
            loop.stop()
            return
        with contextlib.suppress(RuntimeError):  # already closed
            loop.call_soon_threadsafe(loop.stop)
        thread.join()


def _serve(loop: asyncio.AbstractEventLoop, ready: threading.Event) -> None:
    asyncio.set_event_loop(loop)
    loop.call_soon(ready.set)
    try:
        loop.run_forever()
    finally:
        try:
            _cancel_all(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            asyncio.set_event_loop(None)
            loop.close()


def _cancel_all(loop: asyncio.AbstractEventLoop) -> None:
    tasks = asyncio.all_tasks(loop)
    if not tasks:
        return
    for task in tasks:
        task.cancel()
    gathered: Coroutine[Any, Any, list[Any]] = _gather(tasks)
    loop.run_until_complete(gathered)


async def _gather(tasks: set[asyncio.Task[Any]]) -> list[Any]:
    return await asyncio.gather(*tasks, return_exceptions=True)
