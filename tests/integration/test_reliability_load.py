"""Load: 256 concurrent async searches with a batch ingest beside them, and the blocking client
from 64 threads with a blocking batch beside them, against the real server. No call fails,
every object of the batch is acknowledged and stored, and memory stays flat.

The suite runs each for ``WEAVIATE_RELIABILITY_LOAD_SECONDS`` seconds (6 by default);
``nox -s reliability_load -- 60`` runs them for a minute each and prints the table of
requests, latency percentiles and memory (docs/reliability.md).

Memory: the resident set is sampled every second. The first samples hold the warm-up (pools,
buffers, the allocator's arenas growing to the working set of this concurrency), so what is
compared is the mean of the last third of the run with the mean of the first third: a leak of
a few hundred bytes per request (tens of thousands of requests a minute here) would add tens of
megabytes between them, while a working set at its level moves by a few. The bound,
``RSS_SLACK`` (24 MB, and 10 % of the first third's mean on top), is above that noise and well
below what such a leak adds in a minute; the short run in the suite catches only gross leaks,
the minute-long run of the nox session is the measurement.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import threading
import time
import uuid as uuid_lib
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

import weaviate_async
import weaviate_sync
from tests.reliability import growth, percentiles, rss_bytes
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.embedded import EmbeddedServer

SECONDS = float(os.environ.get("WEAVIATE_RELIABILITY_LOAD_SECONDS", "6"))
ASYNC_CONCURRENCY = 256
SYNC_THREADS = 64
DIM = 32
BASE = 2000
MB = 1024 * 1024
RSS_SLACK = 24 * MB
NAMESPACE = uuid_lib.UUID("5f7e1b52-6a0c-4f38-8d0e-3c2b17a10c17")
WORDS = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"]


def _vector(rng: random.Random) -> list[float]:
    return [rng.random() for _ in range(DIM)]


class Report:
    """Latencies, counts and errors of one run, and its table row."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.rss: list[int] = []
        self.ingested = 0
        self.seconds = 0.0
        self.lock = threading.Lock()

    def record(self, took: float) -> None:
        with self.lock:
            self.latencies.append(took)

    def fail(self, what: str) -> None:
        with self.lock:
            self.errors.append(what)

    def check_memory(self) -> tuple[float, float]:
        """The first and last thirds' means of RSS, asserted within the bound."""
        first, last = growth([float(s) for s in self.rss])
        assert last <= first * 1.10 + RSS_SLACK, (self.label, [s // MB for s in self.rss])
        return first, last

    def row(self) -> str:
        p = {k: v * 1000 for k, v in percentiles(self.latencies).items()}
        first, last = growth([float(s) for s in self.rss])
        return (
            f"| {self.label} | {self.seconds:.0f} s | {len(self.latencies)} | "
            f"{len(self.latencies) / self.seconds:.0f}/s | {len(self.errors)} | "
            f"{p['p50']:.1f} | {p['p90']:.1f} | {p['p99']:.1f} | {p['max']:.1f} | "
            f"{self.ingested} | {first / MB:.0f} -> {last / MB:.0f} MB |"
        )


HEADER = (
    "| run | time | searches | rate | errors | p50 ms | p90 ms | p99 ms | max ms | "
    "batch objects | RSS first third -> last third |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
)


def _search(query: Any, kind: int, rng: random.Random) -> Any:
    """One search of four kinds, on the async or the blocking handle alike."""
    if kind == 0:
        return query.near_vector(_vector(rng), limit=10)
    if kind == 1:
        return query.bm25(rng.choice(WORDS), limit=10)
    if kind == 2:
        return query.hybrid(rng.choice(WORDS), vector=_vector(rng), limit=10)
    return query.fetch_objects(limit=10)


def _objects(start: int, count: int, rng: random.Random) -> list[DataObject[Any, Any]]:
    return [
        DataObject(
            properties={"text": " ".join(rng.choices(WORDS, k=6)), "n": start + i},
            uuid=uuid_lib.uuid5(NAMESPACE, f"load-{start + i}"),
            vector=_vector(rng),
        )
        for i in range(count)
    ]


@pytest.fixture
async def names(server: EmbeddedServer) -> AsyncIterator[tuple[str, str]]:
    """The searched collection (BASE objects) and an empty one for the batch beside."""
    suffix = uuid_lib.uuid4().hex[:10]
    search, writes = f"LoadSearch{suffix}", f"LoadWrites{suffix}"
    async with weaviate_async.use_async_with_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    ) as client:
        properties = [
            Property(name="text", data_type=DataType.TEXT),
            Property(name="n", data_type=DataType.INT),
        ]
        for name in (search, writes):
            await client.collections.create(
                name, properties=properties, vector_config=Configure.Vectors.self_provided()
            )
        result = await client.collections.use(search).data.insert_many(
            _objects(0, BASE, random.Random(1))
        )
        assert not result.has_errors
        try:
            yield search, writes
        finally:
            for name in (search, writes):
                await client.collections.delete(name)


def _print(report: Report) -> None:
    print(f"\n{HEADER}\n{report.row()}")


async def test_async_searches_under_load_with_a_batch_beside(
    server: EmbeddedServer, names: tuple[str, str]
) -> None:
    search, writes = names
    report = Report(f"async, {ASYNC_CONCURRENCY} tasks + batch.dynamic")
    async with weaviate_async.use_async_with_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    ) as client:
        query = client.collections.use(search).query
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()

        async def searcher(i: int) -> None:
            rng = random.Random(i)
            while not stop.is_set():
                start = loop.time()
                try:
                    result = await _search(query, i % 4, rng)
                    assert result.objects
                except Exception as exc:
                    report.fail(f"{type(exc).__name__}: {exc}")
                else:
                    report.record(loop.time() - start)

        async def ingest() -> None:
            rng = random.Random(0)
            collection = client.collections.use(writes)
            async with collection.batch.dynamic() as batch:
                while not stop.is_set():
                    for obj in _objects(report.ingested, 100, rng):
                        await batch.add_object(obj.properties, uuid=obj.uuid, vector=obj.vector)
                    report.ingested += 100
                    # The queue holds up to 10,000 objects: a backlog that large would be sent
                    # after the stop, outside the window measured.
                    if report.ingested % 1000 == 0:
                        await batch.flush()
            if collection.batch.failed_objects:
                report.fail(f"batch: {collection.batch.failed_objects[0].message}")

        async def sample() -> None:
            while not stop.is_set():
                report.rss.append(rss_bytes())
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(stop.wait(), 1.0)

        started = loop.time()
        tasks = [asyncio.create_task(searcher(i)) for i in range(ASYNC_CONCURRENCY)]
        tasks += [asyncio.create_task(ingest()), asyncio.create_task(sample())]
        try:
            await asyncio.wait_for(stop.wait(), SECONDS)
        except asyncio.TimeoutError:
            stop.set()
        await asyncio.gather(*tasks[:-2])
        searched = loop.time()
        await asyncio.gather(*tasks[-2:])
        report.seconds = searched - started

        total = await client.collections.use(writes).aggregate.over_all(total_count=True)
        _print(report)
        assert not report.errors, report.errors[:5]
        assert total.total_count == report.ingested
        # counted; on a loaded machine a search may take seconds (13 s seen), hence a quarter
        assert len(report.latencies) >= ASYNC_CONCURRENCY // 4
        report.check_memory()


def test_sync_searches_from_threads_with_a_batch_beside(
    server: EmbeddedServer, names: tuple[str, str]
) -> None:
    search, writes = names
    report = Report(f"sync, {SYNC_THREADS} threads + batch.dynamic")
    client = weaviate_sync.connect_to_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    )
    try:
        query = client.collections.use(search).query
        stop = threading.Event()

        def searcher(i: int) -> None:
            rng = random.Random(i)
            while not stop.is_set():
                start = time.monotonic()
                try:
                    result = _search(query, i % 4, rng)
                    assert result.objects
                except Exception as exc:
                    report.fail(f"{type(exc).__name__}: {exc}")
                else:
                    report.record(time.monotonic() - start)

        def ingest() -> None:
            rng = random.Random(0)
            collection = client.collections.use(writes)
            with collection.batch.dynamic() as batch:
                while not stop.is_set():
                    for obj in _objects(report.ingested, 100, rng):
                        batch.add_object(obj.properties, uuid=obj.uuid, vector=obj.vector)
                    report.ingested += 100
                    if report.ingested % 1000 == 0:
                        batch.flush()
            if collection.batch.failed_objects:
                report.fail(f"batch: {collection.batch.failed_objects[0].message}")

        def sample() -> None:
            while True:
                report.rss.append(rss_bytes())
                if stop.wait(1.0):
                    return

        targets: list[tuple[Callable[..., None], tuple[int, ...]]] = [
            (searcher, (i,)) for i in range(SYNC_THREADS)
        ]
        targets += [(ingest, ()), (sample, ())]
        threads = [threading.Thread(target=f, args=a) for f, a in targets]
        started = time.monotonic()
        for t in threads:
            t.start()
        stop.wait(SECONDS)
        stop.set()
        for t in threads:
            t.join(timeout=120)
        report.seconds = time.monotonic() - started
        assert not any(t.is_alive() for t in threads)

        total = client.collections.use(writes).aggregate.over_all(total_count=True)
        _print(report)
        assert not report.errors, report.errors[:5]
        assert total.total_count == report.ingested
        assert len(report.latencies) >= SYNC_THREADS // 4
        report.check_memory()
    finally:
        client.close()
