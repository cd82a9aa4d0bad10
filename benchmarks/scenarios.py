"""The benchmark scenarios. Each gives a pair of callables timing the same work with our client
and with the official client; each callable returns one measurement in the scenario's unit."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from weaviate_async.embedded import EmbeddedServer


@attrs.define
class Context:
    """What every scenario shares: the server, and whether this is a quick run."""

    server: EmbeddedServer
    quick: bool
    server_version: str = ""


@attrs.frozen
class Pair:
    """One measurement each, same work: ours and the official client's."""

    ours: Callable[[], float]
    theirs: Callable[[], float]


@attrs.frozen
class Scenario:
    name: str
    unit: str
    setup: Callable[[Context], contextlib.AbstractContextManager[Pair]]


SCENARIOS: list[Scenario] = []


def scenario(name: str, unit: str) -> Callable[[Any], Any]:
    def register(fn: Callable[[Context], Iterator[Pair]]) -> Any:
        SCENARIOS.append(Scenario(name, unit, contextlib.contextmanager(fn)))
        return fn

    return register


def _per_call_us(fn: Callable[[], object], n: int) -> float:
    started = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - started) / n * 1e6


def _import_ms(module: str) -> float:
    code = (
        "import time; t = time.perf_counter(); "
        f"import {module}; print((time.perf_counter() - t) * 1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


@scenario("import (sync package)", "ms")
def import_sync(ctx: Context) -> Iterator[Pair]:
    yield Pair(ours=lambda: _import_ms("weaviate_sync"), theirs=lambda: _import_ms("weaviate"))


@scenario("import + connect (sync)", "ms")
def import_and_connect(ctx: Context) -> Iterator[Pair]:
    s = ctx.server

    def run(module: str) -> float:
        code = (
            "import time; t = time.perf_counter(); "
            f"import {module} as w; "
            f"c = w.connect_to_local(host='{s.host}', port={s.http_port}, grpc_port={s.grpc_port}); "
            "c.get_meta(); c.close(); print((time.perf_counter() - t) * 1000)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        return float(out.stdout.strip().splitlines()[-1])

    yield Pair(ours=lambda: run("weaviate_sync"), theirs=lambda: run("weaviate"))


@scenario("get_meta, sync client", "us/call")
def get_meta_sync(ctx: Context) -> Iterator[Pair]:
    import weaviate

    import weaviate_sync

    s = ctx.server
    ours = weaviate_sync.connect_to_local(host=s.host, port=s.http_port, grpc_port=s.grpc_port)
    theirs = weaviate.connect_to_local(host=s.host, port=s.http_port, grpc_port=s.grpc_port)
    ctx.server_version = str(ours.get_meta()["version"])
    n = 100 if ctx.quick else 400
    try:
        yield Pair(
            ours=lambda: _per_call_us(ours.get_meta, n),
            theirs=lambda: _per_call_us(theirs.get_meta, n),
        )
    finally:
        ours.close()
        theirs.close()


@scenario("get_meta, async client (x32 concurrent)", "us/call")
def get_meta_async(ctx: Context) -> Iterator[Pair]:
    import weaviate

    import weaviate_async

    s = ctx.server
    loop = asyncio.new_event_loop()
    ours = weaviate_async.use_async_with_local(host=s.host, port=s.http_port, grpc_port=s.grpc_port)
    theirs = weaviate.use_async_with_local(host=s.host, port=s.http_port, grpc_port=s.grpc_port)
    loop.run_until_complete(ours.connect())
    loop.run_until_complete(theirs.connect())
    n = 200 if ctx.quick else 800

    def measure(client: Any) -> float:
        async def batch() -> None:
            sem = asyncio.Semaphore(32)

            async def one() -> None:
                async with sem:
                    await client.get_meta()

            await asyncio.gather(*(one() for _ in range(n)))

        started = time.perf_counter()
        loop.run_until_complete(batch())
        return (time.perf_counter() - started) / n * 1e6

    try:
        yield Pair(ours=lambda: measure(ours), theirs=lambda: measure(theirs))
    finally:
        loop.run_until_complete(ours.close())
        loop.run_until_complete(theirs.close())
        loop.close()
