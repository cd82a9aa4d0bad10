"""``_loop_thread.hop``: the one hand-off onto a loop running in another thread, also for a loop
that is not a ``LoopThread``'s (an async client's loop, called from a blocking thread)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from weaviate_async._loop_thread import hop


@pytest.fixture
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield loop
    if not loop.is_closed():
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


async def _on_which_thread() -> int:
    await asyncio.sleep(0)
    return threading.get_ident()


async def _fail() -> None:
    await asyncio.sleep(0)
    raise KeyError("inner")


def test_hop_runs_on_the_loops_thread(loop: asyncio.AbstractEventLoop) -> None:
    ident = hop(loop, _on_which_thread())
    assert ident != threading.get_ident()


def test_hop_raises_the_coroutines_exception_with_its_frames(
    loop: asyncio.AbstractEventLoop,
) -> None:
    with pytest.raises(KeyError, match="inner") as info:
        hop(loop, _fail())
    assert any(entry.name == "_fail" for entry in info.traceback)


def test_hop_to_a_loop_closed_meanwhile_ends_the_wait(
    loop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    import weaviate_async._loop_thread as lt

    monkeypatch.setattr(lt, "_POLL_SECONDS", 0.01)
    never = asyncio.Event()

    async def stuck() -> None:
        await never.wait()

    def close_soon() -> None:
        loop.stop()

    timer = threading.Timer(0.05, lambda: loop.call_soon_threadsafe(close_soon))
    timer.start()

    # The loop stops with the task pending; close it from here once it has stopped.
    def close_after_stop() -> None:
        timer.join()
        _close_when_stopped(loop)

    closer = threading.Thread(target=close_after_stop)
    closer.start()
    with pytest.raises(RuntimeError, match="closed during the call"):
        hop(loop, stuck())
    closer.join()


def _close_when_stopped(loop: asyncio.AbstractEventLoop) -> None:
    while loop.is_running():
        threading.Event().wait(0.005)
    loop.close()
