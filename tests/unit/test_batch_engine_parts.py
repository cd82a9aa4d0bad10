"""The batch engine's pure parts: the bounded queue shared by the loop and other threads, and the
sizing strategies."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from weaviate_async.collections.batch.queue import BatchQueue, QueueClosedError
from weaviate_async.collections.batch.sizing import DynamicSizing, FixedSizing, RateLimitedSizing


async def test_queue_bounds_async_producers_and_keeps_order() -> None:
    queue: BatchQueue[int] = BatchQueue(3, asyncio.get_running_loop())
    for i in range(3):
        await queue.put(i)
    blocked = asyncio.create_task(queue.put(3))
    await asyncio.sleep(0.01)
    assert not blocked.done()  # full: the producer waits
    assert await queue.take(2) == [0, 1]
    await asyncio.wait_for(blocked, 1)
    assert await queue.take(10) == [2, 3]


async def test_queue_take_waits_for_full_batches_until_flush() -> None:
    queue: BatchQueue[int] = BatchQueue(100, asyncio.get_running_loop())
    await queue.put(1)
    taker = asyncio.create_task(queue.take(5, wait_full=True))
    await asyncio.sleep(0.01)
    assert not taker.done()
    queue.begin_flush()
    assert await asyncio.wait_for(taker, 1) == [1]
    queue.end_flush()


async def test_threads_feed_the_loop_without_a_hop_per_item() -> None:
    loop = asyncio.get_running_loop()
    queue: BatchQueue[tuple[int, int]] = BatchQueue(50, loop)
    wakeups = 0
    original = loop.call_soon_threadsafe

    def counting(*args: object, **kwargs: object) -> asyncio.Handle:
        nonlocal wakeups
        wakeups += 1
        return original(*args, **kwargs)  # type: ignore[arg-type]

    loop.call_soon_threadsafe = counting  # type: ignore[method-assign]
    try:

        def produce(thread: int) -> None:
            for i in range(2000):
                queue.put_threadsafe((thread, i))

        threads = [threading.Thread(target=produce, args=(t,)) for t in range(8)]
        for t in threads:
            t.start()
        got: list[tuple[int, int]] = []
        while len(got) < 16000:
            got.extend(await queue.take(200))
        for t in threads:
            t.join()
    finally:
        loop.call_soon_threadsafe = original  # type: ignore[method-assign]
    assert sorted(got) == sorted((t, i) for t in range(8) for i in range(2000))
    for t in range(8):  # each thread's items in its own order
        assert [i for th, i in got if th == t] == list(range(2000))
    assert wakeups < 16000 / 10  # a wake-up only when the consumer waited


async def test_closing_releases_blocked_threads_with_the_cause() -> None:
    queue: BatchQueue[int] = BatchQueue(1, asyncio.get_running_loop())
    await queue.put(0)
    errors: list[BaseException] = []

    def produce() -> None:
        try:
            queue.put_threadsafe(1)
        except QueueClosedError as exc:
            errors.append(exc)

    thread = threading.Thread(target=produce)
    thread.start()
    await asyncio.sleep(0.05)
    queue.close(ValueError("engine broke"))
    await asyncio.to_thread(thread.join, 2)
    assert errors and isinstance(errors[0].__cause__, ValueError)
    assert await queue.take(10) == [0]  # what was queued is still drained
    assert await queue.take(10) == []


async def test_put_threadsafe_on_the_loop_thread_is_refused() -> None:
    queue: BatchQueue[int] = BatchQueue(1, asyncio.get_running_loop())
    with pytest.raises(RuntimeError, match="own event-loop thread"):
        queue.put_threadsafe(1)


def test_dynamic_sizing_grows_when_fast_and_shrinks_when_slow() -> None:
    sizing = DynamicSizing(initial=100, minimum=10, maximum=1000, target_seconds=2.0)
    for _ in range(10):
        sizing.on_reply(sizing.batch_size, 0.1)
    assert sizing.batch_size == 1000
    sizing.on_reply(1000, 5.0)
    assert sizing.batch_size == 600
    sizing.on_reply(10, 9.0)  # a partial batch does not count
    assert sizing.batch_size == 600
    for _ in range(20):
        sizing.on_pushback()
    assert sizing.batch_size == 10


def test_fixed_sizing_is_fixed() -> None:
    sizing = FixedSizing(77, 3)
    sizing.on_reply(77, 100.0)
    assert (sizing.batch_size, sizing.concurrency, sizing.wait_full) == (77, 3, True)


async def test_rate_limit_paces_objects() -> None:
    sizing = RateLimitedSizing(requests_per_minute=600)  # 10 per second, burst of 10
    assert sizing.batch_size == 10
    start = time.monotonic()
    for _ in range(4):
        await sizing.before_send(10)
    elapsed = time.monotonic() - start
    assert 2.8 < elapsed < 3.6  # the first ten at once, then ten per second


async def test_queue_bounds_bytes_too() -> None:
    queue: BatchQueue[bytes] = BatchQueue(100, asyncio.get_running_loop(), max_bytes=10, size=len)
    await queue.put(b"12345")
    await queue.put(b"12345")
    blocked = asyncio.create_task(queue.put(b"1"))
    await asyncio.sleep(0.01)
    assert not blocked.done()  # 10 bytes queued: full, though only 2 items
    assert await queue.take(1) == [b"12345"]
    await asyncio.wait_for(blocked, 1)
    queue.put_front([b"xxxxxxxx"])  # retries go in whatever the bound
    assert len(queue) == 3


class _ScriptedTransport:
    """Answers object requests from a script: a transient per-object error the first time an
    object is sent (a fault a real server does not produce on demand), success afterwards."""

    patience = 0.0

    def __init__(self, flaky: set[int]) -> None:
        self.flaky = flaky
        self.sent: list[int] = []

    async def send_objects(self, items: Any, consistency_level: Any, *, operation: str) -> Any:
        await asyncio.sleep(0.01)
        errors = {}
        for item in items:
            self.sent.append(item.index)
            if item.index in self.flaky:
                self.flaky.discard(item.index)
                errors[item.index] = "rate limit exceeded, try again"
        return errors

    async def send_references(self, *args: Any, **kwargs: Any) -> Any:
        return {}


async def test_objects_retried_after_the_intake_closed_are_still_sent() -> None:
    from weaviate_async.collections.batch.engine import BatchEngine
    from weaviate_async.collections.batch.ledger import Ledger
    from weaviate_async.wire.batch import encode_object

    transport = _ScriptedTransport({9})
    ledger = Ledger()
    engine = BatchEngine(transport, FixedSizing(5, 2), ledger)  # type: ignore[arg-type]
    # the official client's batch_rate_limit_reached: a UserWarning naming the server's error
    with pytest.warns(UserWarning, match="rate limit exceeded"):
        async with engine:
            for i in range(10):
                await engine.put_object(
                    encode_object(engine.next_object_index(), "C", None, {"n": i}, None, None, None)
                )
    # The last request's object 9 came back for another try after the block closed the intake.
    assert ledger.failed_objects == []
    assert ledger.acked_objects == 10
    assert sorted(transport.sent) == sorted([*range(10), 9])


def _settle(sizing: DynamicSizing, latency: Callable[[int], float], replies: int = 60) -> list[int]:
    sizes = []
    for _ in range(replies):
        size = sizing.batch_size
        sizing.on_reply(size, latency(size))
        sizes.append(sizing.batch_size)
    return sizes


def test_dynamic_sizing_shrinks_to_the_target_when_the_batch_is_what_takes_time() -> None:
    sizing = DynamicSizing(initial=1000, minimum=10, maximum=1000, target_seconds=2.0)
    sizes = _settle(sizing, lambda n: n * 0.01)  # 10 ms per object: 200 fit in 2 s
    assert all(80 <= s <= 200 for s in sizes[-20:])


def test_dynamic_sizing_does_not_starve_when_the_wait_is_not_the_batch() -> None:
    # Replies take 3 s whatever their size (a server or loop busy with 256 searches): cutting
    # the size cannot meet the target, it only carries fewer objects per wait.
    sizing = DynamicSizing(initial=1000, minimum=10, maximum=1000, target_seconds=2.0)
    sizes = _settle(sizing, lambda n: 3.0)
    assert min(sizes) >= 600
    # mostly size-independent: a cut that shortens the replies by less than a fifth is undone
    sizing = DynamicSizing(initial=1000, minimum=10, maximum=1000, target_seconds=2.0)
    sizes = _settle(sizing, lambda n: 2.5 + n * 0.0005)
    assert min(sizes) >= 600


def test_dynamic_sizing_ignores_replies_sized_before_its_last_cut() -> None:
    sizing = DynamicSizing(initial=1000, minimum=10, maximum=1000, target_seconds=2.0)
    sizing.on_reply(1000, 5.0)
    assert sizing.batch_size == 600
    sizing.on_reply(1000, 5.0)  # the other request in flight, sent at 1000
    assert sizing.batch_size == 600
    sizing.on_reply(600, 3.0)  # the cut helped: cut again
    assert sizing.batch_size == 360
