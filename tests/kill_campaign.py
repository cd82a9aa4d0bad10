"""The kill campaign of the reliability figures: ingest through the async batch (``dynamic`` and
``stream``) while the server is SIGKILLed at a random moment and started again on the same data
directory and ports, then check that nothing acknowledged is lost, nothing is stored twice, and
that re-sending ``failed_objects`` completes the input.

The test suite runs it small (``tests/integration/test_batch_kill.py``); ``nox -s
reliability_kill -- RUNS OBJECTS`` runs it at full size (``python -m tests.kill_campaign``).

Every object has a uuid derived from its index, so a second delivery of an object replaces the
first: the number of objects on the server is the number of distinct uuids stored.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import dataclasses
import datetime as dt
import random
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np
import orjson

import weaviate_async
from weaviate_async.classes.batch import MAX_STORED_RESULTS
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.embedded import DEFAULT_VERSION, EmbeddedOptions, EmbeddedServer
from weaviate_async.util import generate_uuid5

DIM = 32
MODES = ("dynamic", "stream")
_UTC = dt.timezone.utc
_RETRY_CHUNK = 1000


@dataclasses.dataclass
class RunReport:
    """What one run measured."""

    run: int
    mode: str
    objects: int
    kill_after_objects: int  #: the server had acknowledged this many objects when killed
    killed_at: float  #: seconds after the batch started
    down_for: float  #: seconds from the kill until the server answered again
    acknowledged: int
    failed: int
    on_server_after_batch: int  #: distinct uuids stored before the retry
    retried: int
    final_count: int
    wall_time: float  #: seconds, from the first add to the batch's exit
    errors: list[str] = dataclasses.field(default_factory=list)  #: distinct failure messages

    def row(self) -> str:
        """This run as a row of the Markdown table of docs/reliability.md."""
        return (
            f"| {self.run} | {self.mode} | {self.objects:,} | {self.kill_after_objects:,} "
            f"({self.killed_at:.1f} s) | {self.down_for:.1f} s | {self.acknowledged:,} "
            f"| {self.failed:,} | {self.retried:,} | {self.final_count:,} "
            f"| {self.wall_time:.1f} s |"
        )


TABLE_HEADER = (
    "| run | mode | objects | killed after (time) | down for | acknowledged | failed "
    "| retried | final count | wall time |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
)


@contextmanager
def durable_server(version: str = DEFAULT_VERSION) -> Iterator[EmbeddedServer]:
    """A server with a data directory of its own: killed, it starts again as the same node on
    the same ports with the same data."""
    with tempfile.TemporaryDirectory(prefix="weaviate-kill-") as data:
        srv = EmbeddedServer(
            EmbeddedOptions(
                version=version,
                persistence_data_path=data,
                additional_env_vars={"ASYNC_INDEXING": "true"},
            )
        )
        srv.start()
        try:
            yield srv
        finally:
            srv.stop()


def server_ids(server: EmbeddedServer, name: str) -> list[str]:
    """Every object's uuid in collection ``name``, read through the REST cursor (not through
    the client under test)."""
    ids: list[str] = []
    after = ""
    while True:
        url = f"{server.url}/v1/objects?class={name}&limit=5000" + (
            f"&after={after}" if after else ""
        )
        with urllib.request.urlopen(url, timeout=120) as reply:
            page = orjson.loads(reply.read())["objects"]
        if not page:
            return ids
        ids.extend(o["id"] for o in page)
        after = page[-1]["id"]


def _kill(server: EmbeddedServer, started: float, out: dict[str, float]) -> None:
    # At once, in the progress callback: the kill lands while the batch has work in flight.
    out["killed_at"] = time.monotonic() - started
    out["killed"] = time.monotonic()
    server.kill()


async def _restart(server: EmbeddedServer, out: dict[str, float]) -> None:
    await asyncio.to_thread(server.start)
    out["down_for"] = time.monotonic() - out["killed"]


async def run_once(
    server: EmbeddedServer, run: int, mode: str, objects: int, rng: random.Random
) -> RunReport:
    """One run: a fresh collection, ``objects`` objects through ``batch.<mode>()``, one kill at
    a random point of the intake; checks every promise and raises AssertionError when one is
    broken. The collection is deleted afterwards."""
    vectors = np.random.default_rng(run).random((objects, DIM), dtype=np.float32)
    name = f"Kill{run}"
    # The kill comes when the server has acknowledged a random share of the input: a moment
    # within the ingestion whatever the machine's speed (the producer runs ahead of the server,
    # so a share of the objects added would put every kill near the start).
    kill_after = rng.randint(objects // 10, objects * 9 // 10)
    uuids = [generate_uuid5(i, name) for i in range(objects)]
    moment: dict[str, float] = {}
    async with weaviate_async.use_async_with_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    ) as client:
        if await client.collections.exists(name):
            await client.collections.delete(name)
        collection = await client.collections.create(
            name,
            properties=[
                Property(name="n", data_type=DataType.INT),
                Property(name="when", data_type=DataType.DATE),
            ],
            vector_config=Configure.Vectors.self_provided(),
        )
        when = dt.datetime(2020, 1, 1, tzinfo=_UTC)
        killer: asyncio.Task[None] | None = None
        started = time.monotonic()

        last = [0, 0, 0]  # the ledger's latest (done, failed, added)

        def progress(done: int, failed: int, added: int) -> None:
            nonlocal killer
            last[:] = done, failed, added
            if killer is None and done >= kill_after:
                _kill(server, started, moment)
                killer = asyncio.get_running_loop().create_task(_restart(server, moment))

        batching = (
            collection.batch.dynamic(progress=progress)
            if mode == "dynamic"
            else collection.batch.stream(progress=progress)
        )
        async with batching as batch:
            for i in range(objects):
                await batch.add_object(
                    properties={"n": i, "when": when}, uuid=uuids[i], vector=vectors[i]
                )
        wall = time.monotonic() - started
        assert killer is not None, "the batch ended before the kill"
        await killer

        failed = collection.batch.failed_objects
        failed_ids = [str(f.object_.uuid) for f in failed]
        added = set(uuids)
        done, failed_count, added_count = last
        assert added_count == objects, last
        assert done + failed_count == objects, last
        assert failed_count == len(failed), (last, len(failed))
        assert len(set(failed_ids)) == len(failed_ids), "an object failed twice"
        assert set(failed_ids) <= added
        # The batch keeps the uuids of the most recent 100,000 acknowledgements (as the
        # official client does); every acknowledged object is one that did not fail.
        acked = added - set(failed_ids)
        assert len(acked) == done
        kept = {str(u) for u in collection.batch.results.objs.uuids.values()}
        assert len(kept) == min(done, MAX_STORED_RESULTS), (len(kept), done)
        assert kept <= acked, "an object both acknowledged and failed"

        listed = server_ids(server, name)
        counts = collections.Counter(listed)
        doubles = [u for u, c in counts.items() if c > 1]
        assert not doubles, f"{len(doubles)} objects stored twice"
        assert counts.keys() <= added, "objects on the server that were never added"
        lost = acked - counts.keys()
        assert not lost, f"{len(lost)} acknowledged objects are not on the server"
        total = (await collection.aggregate.over_all(total_count=True)).total_count
        assert total == len(counts), (total, len(counts))
        stored_before_retry = len(counts)

        for start in range(0, len(failed), _RETRY_CHUNK):
            retry = await collection.data.insert_many(
                [
                    DataObject(
                        properties=f.object_.properties,
                        uuid=f.object_.uuid,
                        vector=f.object_.vector,
                    )
                    for f in failed[start : start + _RETRY_CHUNK]
                ]
            )
            assert not retry.has_errors, retry.errors
        final = server_ids(server, name)
        assert len(final) == len(set(final)) == objects, (len(final), len(set(final)))
        assert set(final) == added
        final_total = (await collection.aggregate.over_all(total_count=True)).total_count
        assert final_total == objects, final_total
        await client.collections.delete(name)
    return RunReport(
        run=run,
        mode=mode,
        objects=objects,
        kill_after_objects=kill_after,
        killed_at=moment["killed_at"],
        down_for=moment["down_for"],
        acknowledged=len(acked),
        failed=len(failed),
        on_server_after_batch=stored_before_retry,
        retried=len(failed),
        final_count=len(final),
        wall_time=wall,
        errors=sorted({f.message for f in failed})[:5],
    )


async def campaign(
    server: EmbeddedServer,
    runs: int,
    objects: int,
    *,
    modes: Sequence[str] = MODES,
    seed: int = 17,
    report: bool = False,
) -> list[RunReport]:
    """``runs`` runs on ``server``, the modes taken in turn; with ``report``, each run's row is
    printed as soon as it is done."""
    rng = random.Random(seed)
    done: list[RunReport] = []
    for run in range(runs):
        result = await run_once(server, run, modes[run % len(modes)], objects, rng)
        done.append(result)
        if report:
            print(result.row(), *(f"  error: {e}" for e in result.errors), sep="\n", flush=True)
    return done


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tests.kill_campaign [RUNS] [OBJECTS]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", type=int, nargs="?", default=10)
    parser.add_argument("objects", type=int, nargs="?", default=200_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--version", default=DEFAULT_VERSION)
    args = parser.parse_args(argv)
    print(f"kill campaign: {args.runs} runs x {args.objects:,} objects, server {args.version}")
    print(TABLE_HEADER, flush=True)
    started = time.monotonic()
    with durable_server(args.version) as server:
        results = asyncio.run(
            campaign(server, args.runs, args.objects, seed=args.seed, report=True)
        )
    total = sum(r.objects for r in results)
    print(
        f"{len(results)} kills survived, {total:,} objects, "
        f"{sum(r.failed for r in results):,} failed and retried, nothing lost or doubled; "
        f"{time.monotonic() - started:.0f} s in all"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
