"""The bare cost of one hop onto the blocking facade's loop thread, without I/O.

Usage::

    python -m benchmarks.loop_hop        # also: python tools/gen_sync.py --bench

Microseconds per ``run(noop())`` through ``asyncio.run_coroutine_threadsafe`` and through
``LoopThread.run``, in interleaved rounds, and per ``with LoopThread.context(...)`` (two hops).
``python -m benchmarks.hop`` measures the same hop under real I/O.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time

from weaviate_async._loop_thread import LoopThread


def bench(n: int = 20000, rounds: int = 7) -> None:
    """Microseconds per ``run(noop())``: run_coroutine_threadsafe vs LoopThread.run."""

    async def noop() -> int:
        return 1

    thread = LoopThread()
    thread.run(noop())
    loop = thread.loop

    def threadsafe() -> None:
        asyncio.run_coroutine_threadsafe(noop(), loop).result()

    def lean() -> None:
        thread.run(noop())

    results: dict[str, list[float]] = {"run_coroutine_threadsafe": [], "LoopThread.run": []}
    for _ in range(rounds):  # interleaved, so both see the same machine load
        for label, fn in (("run_coroutine_threadsafe", threadsafe), ("LoopThread.run", lean)):
            times = []
            for _ in range(n // rounds):
                start = time.perf_counter()
                fn()
                times.append(time.perf_counter() - start)
            results[label].extend(times)

    class Noop:
        async def __aenter__(self) -> Noop:
            return self

        async def __aexit__(self, *exc: object) -> None:
            return None

    cm = Noop()
    withs = []
    for _ in range(n // (2 * rounds) * rounds // 4):  # a `with` is two hops: fewer of them
        start = time.perf_counter()
        with thread.context(cm):
            pass
        withs.append(time.perf_counter() - start)
    thread.close()
    print(f"python {sys.version.split()[0]}, {n} calls each (interleaved), median per call:")
    for label, times in results.items():
        print(f"  {label:26s} {statistics.median(times) * 1e6:7.1f} us")
    print(
        f"  {'with LoopThread.context':26s} {statistics.median(withs) * 1e6:7.1f} us (enter + exit)"
    )


if __name__ == "__main__":
    bench()
