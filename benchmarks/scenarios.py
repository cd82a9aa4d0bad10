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


# ------------------------------------------------------------------ data and queries

_DIM = 256
_BATCH = 1000


def _rows(n: int, seed: int) -> tuple[list[dict[str, Any]], Any]:
    import numpy as np

    rng = np.random.default_rng(seed)
    vectors = rng.random((n, _DIM), dtype=np.float32)
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    rows = [
        {
            "title": f"{words[i % 8]} {words[(i * 7) % 8]} number {i}",
            "count": i,
            "score": i / 10,
            "flag": i % 2 == 0,
        }
        for i in range(n)
    ]
    return rows, vectors


class _Clients:
    """Both clients, sync, connected to the benchmark server; a collection per client with the
    same schema and data, so reads of one never warm the other's cache."""

    def __init__(self, ctx: Context) -> None:
        import weaviate

        import weaviate_sync

        s = ctx.server
        self.ours = weaviate_sync.connect_to_local(
            host=s.host, port=s.http_port, grpc_port=s.grpc_port
        )
        self.theirs = weaviate.connect_to_local(
            host=s.host, port=s.http_port, grpc_port=s.grpc_port
        )
        ctx.server_version = str(self.ours.get_meta()["version"])

    def make(self, name: str) -> tuple[Any, Any]:
        import weaviate.classes.config as theirs_config

        import weaviate_sync.classes.config as ours_config

        for client in (self.ours, self.theirs):
            client.collections.delete([f"{name}Ours", f"{name}Theirs"])
        props_ours = [
            ours_config.Property(name="title", data_type=ours_config.DataType.TEXT),
            ours_config.Property(name="count", data_type=ours_config.DataType.INT),
            ours_config.Property(name="score", data_type=ours_config.DataType.NUMBER),
            ours_config.Property(name="flag", data_type=ours_config.DataType.BOOL),
        ]
        props_theirs = [
            theirs_config.Property(name="title", data_type=theirs_config.DataType.TEXT),
            theirs_config.Property(name="count", data_type=theirs_config.DataType.INT),
            theirs_config.Property(name="score", data_type=theirs_config.DataType.NUMBER),
            theirs_config.Property(name="flag", data_type=theirs_config.DataType.BOOL),
        ]
        ours = self.ours.collections.create(
            f"{name}Ours",
            properties=props_ours,
            vector_config=ours_config.Configure.Vectors.self_provided(),
        )
        theirs = self.theirs.collections.create(
            f"{name}Theirs",
            properties=props_theirs,
            vector_config=theirs_config.Configure.Vectors.self_provided(),
        )
        return ours, theirs

    def close(self) -> None:
        self.ours.close()
        self.theirs.close()


@scenario(f"insert_many {_BATCH} objects x {_DIM}d (sync)", "ms")
def insert_many(ctx: Context) -> Iterator[Pair]:
    from weaviate.classes.data import DataObject as TheirObject

    from weaviate_async.classes.data import DataObject as OurObject

    clients = _Clients(ctx)
    rows, vectors = _rows(_BATCH, seed=1)
    ours_objs = [OurObject(properties=r, vector=v) for r, v in zip(rows, vectors, strict=True)]
    theirs_objs = [
        TheirObject(properties=r, vector=v.tolist()) for r, v in zip(rows, vectors, strict=True)
    ]
    state = {"n": 0}

    def run(side: str) -> float:
        state["n"] += 1
        ours, theirs = clients.make(f"Ins{state['n']}")
        coll, objs = (ours, ours_objs) if side == "ours" else (theirs, theirs_objs)
        started = time.perf_counter()
        result = coll.data.insert_many(objs)
        elapsed = (time.perf_counter() - started) * 1000
        assert not result.errors, result.errors
        return elapsed

    try:
        yield Pair(ours=lambda: run("ours"), theirs=lambda: run("theirs"))
    finally:
        clients.close()


@contextlib.contextmanager
def _loaded(ctx: Context, n: int) -> Iterator[tuple[_Clients, Any, Any, Any]]:
    from weaviate.classes.data import DataObject as TheirObject

    from weaviate_async.classes.data import DataObject as OurObject

    clients = _Clients(ctx)
    rows, vectors = _rows(n, seed=2)
    ours, theirs = clients.make("Read")
    ours.data.insert_many(
        [OurObject(properties=r, vector=v) for r, v in zip(rows, vectors, strict=True)]
    )
    theirs.data.insert_many(
        [TheirObject(properties=r, vector=v.tolist()) for r, v in zip(rows, vectors, strict=True)]
    )
    try:
        yield clients, ours, theirs, vectors
    finally:
        clients.close()


@scenario("near_vector limit 10 (sync)", "us/call")
def near_vector(ctx: Context) -> Iterator[Pair]:
    with _loaded(ctx, 2000) as (_, ours, theirs, vectors):
        n = 100 if ctx.quick else 300
        query = vectors[7].tolist()
        yield Pair(
            ours=lambda: _per_call_us(lambda: ours.query.near_vector(query, limit=10), n),
            theirs=lambda: _per_call_us(lambda: theirs.query.near_vector(query, limit=10), n),
        )


@scenario("fetch_objects limit 500 + vectors (sync)", "us/call")
def fetch_objects(ctx: Context) -> Iterator[Pair]:
    with _loaded(ctx, 2000) as (_, ours, theirs, _vectors):
        n = 20 if ctx.quick else 60
        yield Pair(
            ours=lambda: _per_call_us(
                lambda: ours.query.fetch_objects(limit=500, include_vector=True), n
            ),
            theirs=lambda: _per_call_us(
                lambda: theirs.query.fetch_objects(limit=500, include_vector=True), n
            ),
        )
