"""A private asyncio event loop on a daemon thread: the runtime of the generated ``weaviate_sync``.

Every blocking call of the sync facade is one hop onto this loop: the caller's thread hands the
coroutine over, the loop runs it as a task, and the caller blocks on a lock until the task is
done. The caller's own event loop (if it has one, as in Jupyter) is never used nor required.

The hand-off (:func:`hop`, the package's only one) is ``loop.call_soon_threadsafe`` of a
callback that creates the task (started eagerly where Python supports it), and the completion
is signalled by releasing a pre-acquired ``threading.Lock``; one blocking wait (``_block``)
serves every hand-off, with the same interrupt and closed-loop handling. Measured cheaper than
``asyncio.run_coroutine_threadsafe`` plus ``concurrent.futures.Future.result()`` and than
anyio's ``BlockingPortal`` (``python -m benchmarks.portal``; figures in docs/sync.md).

An async context manager used by a blocking ``with`` (:meth:`LoopThread.enter_async`,
:meth:`LoopThread.context`) is entered and exited in ONE task on the loop: the task runs
``async with acm as value:``, hands ``value`` to the caller's thread, and waits there until the
``with`` block ends; the block's exception is re-raised inside the ``async with``. Task groups
and cancel scopes opened in ``__aenter__`` are therefore exited in the task that opened them.

Async iterators become generators (:meth:`LoopThread.iterate`, one hop per item), and a blocking
callback handed to async code becomes a coroutine function that runs it in a worker thread
(:func:`to_thread_callback`), so that a callback may itself call the blocking client.

After ``os.fork()`` the child has no loop thread: the first call in the child starts a fresh one
(detected by the fork generation of ``weaviate_async._fork``). The inherited loop is left
untouched, since its selector is shared with the parent.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import inspect
import sys
import threading
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Generator,
)
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import Any, Generic, ParamSpec, TypeVar, overload

from weaviate_async import _fork

__all__ = [
    "DEFAULT_THREAD_NAME",
    "BlockingContext",
    "Entered",
    "LoopThread",
    "current_loop_thread",
    "hop",
    "in_loop_thread",
    "spelled_call",
    "to_thread_callback",
]

T = TypeVar("T")
U = TypeVar("U")
P = ParamSpec("P")

DEFAULT_THREAD_NAME = "weaviate-sync-loop"
"""The name of the threads that run the loops of the sync facade."""

_start_lock = threading.Lock()
"""Serialises starting and stopping loop threads (rare); replaced in a forked child."""

_EAGER = sys.version_info >= (3, 12)
_POLL_SECONDS = 1.0
"""How often a waiting caller checks that the loop it waits on has not been closed meanwhile."""


@_fork.on_fork_in_child
def _new_start_lock() -> None:
    # Another thread of the parent may have held it at the moment of the fork.
    global _start_lock
    _start_lock = threading.Lock()


class _Call(Generic[T]):
    """One hand-off: the awaitable, its task, its outcome and the lock the caller blocks on."""

    __slots__ = ("awaitable", "context", "exception", "lock", "result", "task")

    def __init__(self, awaitable: Awaitable[T]) -> None:
        self.awaitable: Awaitable[T] | None = awaitable
        # The caller's context variables go with the call, as they would into an awaited
        # coroutine: e.g. the application's current OpenTelemetry span becomes the parent of
        # the call's span.
        self.context = contextvars.copy_context()
        self.lock = _locked()
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
        self.task = self.context.run(_spawn, loop, self._drive(awaitable))

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


def _spawn(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    """Runs on the loop thread: a task for ``coro``, started eagerly where Python supports it
    (the hop's coroutine often finishes without ever suspending)."""
    if _EAGER:
        return asyncio.Task(coro, loop=loop, eager_start=True)  # type: ignore[call-arg,unused-ignore]
    return loop.create_task(coro)


def _close(awaitable: object) -> None:
    if inspect.iscoroutine(awaitable):
        awaitable.close()


def _locked() -> threading.Lock:
    lock = threading.Lock()
    lock.acquire()
    return lock


class _Thread(threading.Thread):
    """The thread type of loop threads: how :func:`in_loop_thread` recognises them."""

    owner: LoopThread | None = None


def current_loop_thread() -> LoopThread | None:
    """The :class:`LoopThread` whose loop runs the calling thread, or None."""
    thread = threading.current_thread()
    return thread.owner if isinstance(thread, _Thread) else None


def in_loop_thread() -> bool:
    """Whether the calling thread runs the loop of a :class:`LoopThread`, i.e. the code runs
    for a call of the blocking facade (``weaviate_sync``)."""
    return isinstance(threading.current_thread(), _Thread)


def spelled_call(call: str) -> str:
    """``call`` (e.g. ``"client.connect()"``) as the caller writes it: awaited in async code,
    plain when the code runs for the blocking facade. For messages that tell the user what to do.

    Examples:
        >>> spelled_call("client.connect()")  # in async code
        'await client.connect()'
    """
    return call if in_loop_thread() else f"await {call}"


def to_thread_callback(fn: Callable[P, T]) -> Callable[P, Coroutine[Any, Any, T]]:
    """A coroutine function running the blocking callable ``fn`` in a worker thread.

    The blocking facade hands callbacks given by its users to the async code this way: the loop
    thread never runs user code, so a callback may itself call the blocking client (which hops
    onto the loop thread) without deadlocking it.
    """

    async def call(*args: P.args, **kwargs: P.kwargs) -> T:
        return await asyncio.to_thread(fn, *args, **kwargs)

    call.__name__ = getattr(fn, "__name__", call.__name__)
    call.__qualname__ = getattr(fn, "__qualname__", call.__qualname__)
    call.__doc__ = getattr(fn, "__doc__", None)
    return call


class Entered(Generic[T]):
    """An ``async with`` held open on the loop for a blocking ``with`` (see
    :meth:`LoopThread.enter_async`).

    One task on the loop runs ``async with acm as value:``, publishes ``value``, and waits until
    :meth:`exit` hands it the outcome of the blocking block: ``__aenter__`` and ``__aexit__`` run
    in the same task.

    Attributes:
        value: what ``__aenter__`` returned.
    """

    __slots__ = (
        "_acm",
        "_body",
        "_call",
        "_entered",
        "_error",
        "_generation",
        "_inside",
        "_loop",
        "_owner",
        "_wake",
        "value",
    )

    def __init__(
        self,
        owner: LoopThread,
        loop: asyncio.AbstractEventLoop,
        acm: AbstractAsyncContextManager[T],
    ) -> None:
        self._owner = owner
        self._loop = loop
        self._generation = _fork.generation()
        self._acm = acm
        # its lock is released once the task is over (or cancelled before it started)
        self._call = _Call(self._hold())
        self._entered = _locked()  # released once: inside the block, or failed to get there
        self._wake: asyncio.Future[None] | None = None
        self._body: BaseException | None = None
        self._error: BaseException | None = None
        self._inside = False
        self.value: T = None  # type: ignore[assignment]  # set before the caller reads it

    # -- on the loop thread

    async def _hold(self) -> None:
        self._wake = wake = asyncio.get_running_loop().create_future()
        try:
            async with self._acm as value:
                self.value = value
                self._inside = True
                self._entered.release()
                await wake
                body = self._body
                if body is not None:
                    raise body  # __aexit__ sees the exception of the blocking block
        except BaseException as exc:  # handed to the caller
            self._error = exc
        finally:
            if not self._inside:
                self._entered.release()

    def _wake_up(self) -> None:
        wake = self._wake
        if wake is not None and not wake.done():
            wake.set_result(None)

    # -- on the caller's thread

    def exit(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        """End the block: run ``__aexit__`` (in the task that ran ``__aenter__``) with the
        block's exception, and return whether it suppressed it. An exception raised by
        ``__aexit__`` propagates. A ``KeyboardInterrupt`` while waiting cancels the task."""
        if _fork.forked_since(self._generation):  # a forked child: that task lives in the parent
            return self._exit_elsewhere(exc)
        if self._call.lock.acquire(blocking=False):  # over already: its loop was closed under it
            return self._outcome(exc, None)
        saved = exc.__traceback__ if exc is not None else None
        self._body = exc
        loop = self._loop
        with contextlib.suppress(RuntimeError):  # a closed loop has run the task to its end
            loop.call_soon_threadsafe(self._wake_up)
        _block(self._call.lock, loop, self._call.cancel, self._call.lock)
        return self._outcome(exc, saved)

    def _outcome(self, exc: BaseException | None, saved: TracebackType | None) -> bool:
        if exc is not None:
            exc.__traceback__ = saved  # as raised in the block, without the loop's frames
        error = self._error
        if error is None:
            return exc is not None
        if error is exc:
            return False
        if isinstance(error, asyncio.CancelledError):
            return False  # cancelled from the loop's side (closed under the block): exited
        self._error = None
        try:
            raise error
        finally:
            del error

    def _exit_elsewhere(self, exc: BaseException | None) -> bool:
        # Best effort: the task holding the block stayed in the parent process; exit here.
        tb = exc.__traceback__ if exc is not None else None
        kind = type(exc) if exc is not None else None
        return bool(self._owner.run(self._acm.__aexit__(kind, exc, tb)))


def _block(
    lock: threading.Lock,
    loop: asyncio.AbstractEventLoop,
    cancel: Callable[[], None],
    finished: threading.Lock,
) -> None:
    """Block the caller's thread on ``lock`` (released by the loop when the awaited step is
    done). On an interrupt (``KeyboardInterrupt`` and friends), ask the loop to ``cancel`` the
    task, wait until it is over (``finished`` released), and re-raise. A loop closed meanwhile
    (the client closed from another thread) ends the wait with ``RuntimeError``: checked every
    :data:`_POLL_SECONDS`, since a closed loop releases nothing."""
    try:
        while not lock.acquire(timeout=_POLL_SECONDS):
            if loop.is_closed():
                raise RuntimeError("the event-loop thread was closed during the call")
    except BaseException:
        if not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(cancel)
            while not finished.acquire(timeout=_POLL_SECONDS) and not loop.is_closed():
                pass
        raise


def _hand_off(loop: asyncio.AbstractEventLoop, call: _Call[Any], lock: threading.Lock) -> None:
    """Start ``call`` on ``loop`` and block until ``lock`` is released (see :func:`_block`)."""
    loop.call_soon_threadsafe(call.start, loop)
    try:
        _block(lock, loop, call.cancel, call.lock)
    except RuntimeError:
        if loop.is_closed():
            _close(call.awaitable)
        raise


def hop(loop: asyncio.AbstractEventLoop, awaitable: Awaitable[T]) -> T:
    """Run ``awaitable`` on ``loop`` (running in another thread), block until it is done, and
    return its result or raise its exception (with its original traceback): the one hop of the
    package, used by :meth:`LoopThread.run` and by a connection whose loop is not a
    :class:`LoopThread` (an async client called from a blocking thread).

    A ``KeyboardInterrupt`` while waiting cancels the task (and waits for it to finish) before
    it propagates.
    """
    call = _Call(awaitable)
    _hand_off(loop, call, call.lock)
    exc = call.exception
    if exc is not None:
        try:
            raise exc
        finally:
            del exc, call
    return call.result  # type: ignore[return-value]


class BlockingContext(Generic[T]):
    """A blocking context manager over an async one, entered and exited in one task on the
    loop (see :meth:`LoopThread.context`). Single use, as the async context managers of
    ``contextlib.asynccontextmanager`` are."""

    __slots__ = ("_acm", "_held", "_owner", "_wrap")

    def __init__(
        self,
        owner: LoopThread,
        acm: AbstractAsyncContextManager[Any],
        wrap: Callable[[Any], T] | None,
    ) -> None:
        self._owner = owner
        self._acm = acm
        self._wrap = wrap
        self._held: Entered[Any] | None = None

    def __enter__(self) -> T:
        if self._held is not None:
            raise RuntimeError("this context manager is entered already")
        held = self._held = self._owner.enter_async(self._acm)
        value = held.value
        wrap = self._wrap
        return value if wrap is None else wrap(value)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        held, self._held = self._held, None
        if held is None:
            raise RuntimeError("__exit__ without __enter__")
        return held.exit(exc_type, exc, tb)


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
        self._generation = _fork.generation()

    def __repr__(self) -> str:
        state = "running" if self.is_running else "stopped"
        return f"<LoopThread {self._name!r} {state}>"

    @property
    def is_running(self) -> bool:
        """Whether the loop thread is alive (in this process)."""
        return self._loop is not None and not _fork.forked_since(self._generation)

    @property
    def thread(self) -> threading.Thread | None:
        """The thread running the loop, if it runs."""
        return self._thread if self.is_running else None

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The event loop (started if needed)."""
        loop = self._loop
        if loop is None or _fork.forked_since(self._generation):
            loop = self._start()
        return loop

    def _start(self) -> asyncio.AbstractEventLoop:
        with _start_lock:
            loop = self._loop
            if loop is not None:
                if not _fork.forked_since(self._generation):
                    return loop
                _fork.abandon(loop)  # forked child: the parent's loop, never touched here
            loop = asyncio.new_event_loop()
            ready = threading.Event()
            thread = _Thread(target=_serve, args=(loop, ready), name=self._name, daemon=True)
            thread.owner = self
            thread.start()
            ready.wait()
            self._thread, self._ident, self._generation = thread, thread.ident, _fork.generation()
            self._loop = loop
            return loop

    def run(self, awaitable: Awaitable[T]) -> T:
        """Run ``awaitable`` on the loop thread, block until it is done, and return its result.

        Its exception is raised here, with its original traceback. A ``KeyboardInterrupt`` while
        waiting cancels the task (and waits for it to finish) before it propagates.

        Raises:
            RuntimeError: when called from the loop thread itself (it would deadlock).
        """
        loop = self.loop
        if threading.get_ident() == self._ident:
            _close(awaitable)
            raise RuntimeError(
                "a blocking weaviate_sync call was made from its own event-loop thread "
                "(inside a coroutine or callback run by the sync client); use the async API there"
            )
        return hop(loop, awaitable)

    def enter_async(self, acm: AbstractAsyncContextManager[T]) -> Entered[T]:
        """Enter the async context manager ``acm`` in a task of its own on the loop, and return
        the handle whose ``value`` is what ``__aenter__`` returned; its ``exit(...)`` runs
        ``__aexit__`` in that same task. Blocks until ``__aenter__`` is done; its exception is
        raised here. A ``KeyboardInterrupt`` while waiting cancels the task before it propagates.

        Examples:
            >>> held = loop_thread.enter_async(acm)
            >>> try:
            ...     use(held.value)
            ... except BaseException as exc:
            ...     if not held.exit(type(exc), exc, exc.__traceback__):
            ...         raise
            ... else:
            ...     held.exit(None, None, None)
        """
        loop = self.loop
        if threading.get_ident() == self._ident:
            raise RuntimeError(
                "a blocking weaviate_sync `with` was entered on its own event-loop thread "
                "(inside a coroutine or callback run by the sync client); use `async with` there"
            )
        held = Entered(self, loop, acm)
        _hand_off(loop, held._call, held._entered)
        if not held._inside:
            exc = held._error
            assert exc is not None
            try:
                raise exc
            finally:
                del exc, held
        return held

    @overload
    def context(self, acm: AbstractAsyncContextManager[T]) -> BlockingContext[T]: ...

    @overload
    def context(
        self, acm: AbstractAsyncContextManager[T], wrap: Callable[[T], U]
    ) -> BlockingContext[U]: ...

    def context(
        self, acm: AbstractAsyncContextManager[Any], wrap: Callable[[Any], Any] | None = None
    ) -> BlockingContext[Any]:
        """A blocking context manager over ``acm`` (see :meth:`enter_async`): ``with`` gives
        what ``__aenter__`` returned, passed through ``wrap`` when given."""
        return BlockingContext(self, acm, wrap)

    @overload
    def iterate(self, iterable: AsyncIterator[T] | AsyncIterable[T]) -> Generator[T, Any, None]: ...

    @overload
    def iterate(
        self, iterable: AsyncIterator[T] | AsyncIterable[T], wrap: Callable[[T], U]
    ) -> Generator[U, Any, None]: ...

    def iterate(
        self,
        iterable: AsyncIterator[Any] | AsyncIterable[Any],
        wrap: Callable[[Any], Any] | None = None,
    ) -> Generator[Any, Any, None]:
        """Iterate an async iterator (or iterable) from blocking code: each step runs on the
        loop; items pass through ``wrap`` when given. A value sent into the generator is sent
        into the async generator (``asend``).

        Closing the returned generator early (``break``, garbage collection) closes the async
        iterator on the loop when it has ``aclose()`` (async generators do).
        """
        iterator: Any = iterable if hasattr(iterable, "__anext__") else iterable.__aiter__()
        return self._iterate(iterator, wrap)

    def _iterate(
        self, iterator: Any, wrap: Callable[[Any], Any] | None
    ) -> Generator[Any, Any, None]:
        run = self.run
        anext = type(iterator).__anext__
        try:
            sent = None
            while True:
                try:
                    item = run(anext(iterator) if sent is None else iterator.asend(sent))
                except StopAsyncIteration:
                    return
                sent = yield item if wrap is None else wrap(item)
        finally:
            aclose = getattr(iterator, "aclose", None)
            if aclose is not None:
                self._close_iterator(aclose)

    def _close_iterator(self, aclose: Any) -> None:
        if self._loop is None or _fork.forked_since(self._generation):
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
            if _fork.forked_since(self._generation):  # forked child: the thread is the parent's
                _fork.abandon(loop)
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
    # gather takes its loop from the tasks: no loop runs in this thread now
    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
