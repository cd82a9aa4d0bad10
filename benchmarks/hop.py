"""What the blocking facade's hop onto its loop thread costs under real I/O.

Usage::

    python -m benchmarks.hop [--calls N] [--rounds R] [--server HOST:HTTP:GRPC]

One process, one server, the default (grpclib) transport: the same near_vector (limit 10, two
properties) through the async client on this thread's loop, through the blocking client (one
hop per call onto its loop thread), and a bare hop with no I/O (``LoopThread.run`` of a
coroutine that returns at once, what ``benchmarks/loop_hop.py`` measures), in alternating
rounds. The difference between the first two is what the hop costs when the loop thread sleeps
in epoll during the call and the caller sleeps on its lock: two real thread wake-ups per call.
Prints the medians of client CPU (process time of all threads) and wall time per call.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import time
from collections.abc import Callable
from typing import Any

from benchmarks.query import load
from benchmarks.query_worker import query_vectors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hop")
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--server", default=None, help="HOST:HTTP_PORT:GRPC_PORT")
    args = parser.parse_args(argv)

    import weaviate_async
    import weaviate_sync
    from weaviate_async.config import AdditionalConfig
    from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer

    with contextlib.ExitStack() as stack:
        if args.server:
            h, hp, gp = args.server.split(":")
            host, http_port, grpc_port = h, int(hp), int(gp)
        else:
            server = stack.enter_context(EmbeddedServer(EmbeddedOptions(modules=())))
            host, http_port, grpc_port = server.host, server.http_port, server.grpc_port
        name = f"Bench{args.size}"
        load(host, http_port, grpc_port, name, args.size)
        config = AdditionalConfig(grpc_transport="grpclib")
        vector = query_vectors(1)[0]
        loop = asyncio.new_event_loop()
        aclient = weaviate_async.use_async_with_local(
            host=host, port=http_port, grpc_port=grpc_port, additional_config=config
        )
        loop.run_until_complete(aclient.connect())
        sclient = weaviate_sync.connect_to_local(
            host=host, port=http_port, grpc_port=grpc_port, additional_config=config
        )
        aquery = aclient.collections.use(name).query
        squery = sclient.collections.use(name).query
        loop_thread = sclient._loop  # the facade's LoopThread: no public handle exists
        n = args.calls

        async def async_calls() -> None:
            for _ in range(n):
                await aquery.near_vector(vector, limit=10, return_properties=["title", "count"])

        def sync_calls() -> None:
            for _ in range(n):
                squery.near_vector(vector, limit=10, return_properties=["title", "count"])

        async def nothing() -> None:
            return None

        def bare_hops() -> None:
            for _ in range(n):
                loop_thread.run(nothing())

        kinds: dict[str, Callable[[], Any]] = {
            "async client (no hop)": lambda: loop.run_until_complete(async_calls()),
            "blocking client (one hop)": sync_calls,
            "bare hop, no I/O": bare_hops,
        }
        samples: dict[str, list[tuple[float, float]]] = {k: [] for k in kinds}
        for fn in kinds.values():  # warm-up
            fn()
        for _ in range(args.rounds):
            for kind, fn in kinds.items():
                cpu, wall = time.process_time(), time.perf_counter()
                fn()
                samples[kind].append(
                    ((time.process_time() - cpu) / n * 1e6, (time.perf_counter() - wall) / n * 1e6)
                )
        sclient.close()
        loop.run_until_complete(aclient.close())
        loop.close()
    for kind, values in samples.items():
        cpu_us = statistics.median(c for c, _ in values)
        wall_us = statistics.median(w for _, w in values)
        print(f"{kind:<28} CPU {cpu_us:7.0f} us/call   wall {wall_us:7.0f} us/call")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
