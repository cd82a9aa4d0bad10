"""What one hop onto a loop thread costs: ``LoopThread`` against anyio's ``BlockingPortal``.

Usage::

    python -m benchmarks.portal [--calls N] [--rounds R]

No server: each call runs a coroutine that returns at once, so the figures are the hand-off
alone. Three ways, in alternating rounds so that all see the same machine load:

* ``LoopThread.run(noop())`` (the blocking facade's hop);
* ``BlockingPortal.call(noop)`` (anyio's portal, started with ``start_blocking_portal``);
* ``asyncio.run_coroutine_threadsafe(noop(), loop).result()``;

and a ``with`` over an async context manager: ``LoopThread.context`` against
``BlockingPortal.wrap_async_context_manager``. Prints, per call, the median wall time and the
process CPU time (all threads: the caller's and the loop's) of each round, as the median over
rounds.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


async def _noop() -> int:
    return 1


class _Held:
    async def __aenter__(self) -> _Held:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


def _measure(fn: Callable[[], Any], calls: int) -> tuple[float, float]:
    """(median wall seconds per call, process CPU seconds per call) over ``calls`` calls."""
    walls = []
    cpu0 = time.process_time()
    for _ in range(calls):
        start = time.perf_counter()
        fn()
        walls.append(time.perf_counter() - start)
    return statistics.median(walls), (time.process_time() - cpu0) / calls


def main(argv: list[str] | None = None) -> int:
    """Run the comparison and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.portal")
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)

    from anyio.from_thread import start_blocking_portal

    from weaviate_async._loop_thread import LoopThread

    thread = LoopThread()
    thread.run(_noop())
    loop = thread.loop
    held = _Held()

    with start_blocking_portal("asyncio") as portal:

        def portal_with() -> None:
            with portal.wrap_async_context_manager(held):
                pass

        def thread_with() -> None:
            with thread.context(held):
                pass

        ways: dict[str, Callable[[], Any]] = {
            "LoopThread.run": lambda: thread.run(_noop()),
            "BlockingPortal.call": lambda: portal.call(_noop),
            "run_coroutine_threadsafe": lambda: asyncio.run_coroutine_threadsafe(
                _noop(), loop
            ).result(),
            "LoopThread.context (with)": thread_with,
            "BlockingPortal.wrap_async_context_manager (with)": portal_with,
        }
        results: dict[str, list[tuple[float, float]]] = {label: [] for label in ways}
        for fn in ways.values():  # warm up
            _measure(fn, 200)
        for _ in range(args.rounds):
            for label, fn in ways.items():
                calls = args.calls if "with" not in label else args.calls // 2
                results[label].append(_measure(fn, calls))
    thread.close()

    print(
        f"python {sys.version.split()[0]}, {args.rounds} rounds x {args.calls} calls "
        "(a `with`: half as many), per call, median of the rounds:"
    )
    print(f"  {'way':50s} {'wall us':>8s} {'CPU us':>8s}")
    for label, rows in results.items():
        wall = statistics.median(r[0] for r in rows) * 1e6
        cpu = statistics.median(r[1] for r in rows) * 1e6
        print(f"  {label:50s} {wall:8.1f} {cpu:8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
