"""Nothing acknowledged is lost: the server is SIGKILLed and restarted (same ports, same data
directory) while a 50,000-object async batch runs. Afterwards every object added is either
acknowledged or in failed_objects, every acknowledged uuid is on the server exactly once, and
re-sending the failed objects brings the server to the full input."""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
import tempfile
import time
import urllib.request
from collections.abc import Iterator

import numpy as np
import orjson
import pytest

import weaviate_async
from tests.conftest import SERVER_VERSION
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer

N_OBJECTS = 50_000
DIM = 32
UTC = dt.timezone.utc


@pytest.fixture
def durable_server() -> Iterator[EmbeddedServer]:
    """A server with its own data directory; killed, it starts again as the same node on the
    same ports."""
    with tempfile.TemporaryDirectory(prefix="weaviate-kill-") as data:
        srv = EmbeddedServer(
            EmbeddedOptions(
                version=SERVER_VERSION,
                persistence_data_path=data,
                additional_env_vars={"ASYNC_INDEXING": "true"},
            )
        )
        srv.start()
        try:
            yield srv
        finally:
            srv.stop()


def _server_ids(server: EmbeddedServer, name: str) -> list[str]:
    ids: list[str] = []
    after = ""
    while True:
        url = f"{server.url}/v1/objects?class={name}&limit=2000" + (
            f"&after={after}" if after else ""
        )
        with urllib.request.urlopen(url, timeout=60) as reply:
            page = orjson.loads(reply.read())["objects"]
        if not page:
            return ids
        ids.extend(o["id"] for o in page)
        after = page[-1]["id"]


async def _kill_and_restart(server: EmbeddedServer, pauses: list[float], log: list[str]) -> None:
    """Kill the server after each pause (counted from when it last came up), start it again."""
    start = time.monotonic()
    for pause in pauses:
        await asyncio.sleep(pause)
        server.kill()
        log.append(f"killed at {time.monotonic() - start:.1f}s")
        await asyncio.sleep(1.0)
        await asyncio.to_thread(server.start)
        log.append(f"back at {time.monotonic() - start:.1f}s")


@pytest.mark.parametrize(
    ("mode", "run"),
    [
        ("dynamic", 0),
        ("dynamic", 1),
        ("dynamic", 2),
        pytest.param("stream", 0, marks=pytest.mark.min_server("1.36.0")),
        pytest.param("stream", 1, marks=pytest.mark.min_server("1.36.0")),
    ],
)
async def test_sigkill_during_batch_loses_nothing_acknowledged(
    durable_server: EmbeddedServer, mode: str, run: int
) -> None:
    srv = durable_server
    vectors = np.random.default_rng(run).random((N_OBJECTS, DIM), dtype=np.float32)
    log: list[str] = []
    async with weaviate_async.use_async_with_local(
        host=srv.host, port=srv.http_port, grpc_port=srv.grpc_port
    ) as client:
        name = f"Kill{run}"
        collection = await client.collections.create(
            name,
            properties=[
                Property(name="n", data_type=DataType.INT),
                Property(name="when", data_type=DataType.DATE),
            ],
            vector_config=Configure.Vectors.self_provided(),
        )
        added: list[str] = []
        killer = asyncio.create_task(_kill_and_restart(srv, [1.5 + run, 3.0], log))
        batching = collection.batch.dynamic() if mode == "dynamic" else collection.batch.stream()
        async with batching as batch:
            for i in range(N_OBJECTS):
                uid = await batch.add_object(
                    properties={"n": i, "when": dt.datetime(2020, 1, 1, tzinfo=UTC)},
                    vector=vectors[i],
                )
                added.append(str(uid))
        await killer
        assert len(log) == 4, log  # both kills happened during the batch
        failed = collection.batch.failed_objects
        acked = {str(u) for u in collection.batch.results.objs.uuids.values()}
        failed_ids = {str(f.object_.uuid) for f in failed}
        assert len(added) == N_OBJECTS == len(set(added))
        assert acked.isdisjoint(failed_ids)
        assert acked | failed_ids == set(added), (len(acked), len(failed_ids), log)

        on_server = _server_ids(srv, name)
        counts = collections.Counter(on_server)
        assert all(c == 1 for c in counts.values())  # exactly once
        missing = acked - counts.keys()
        assert not missing, f"{len(missing)} acknowledged objects lost; {log}"

        if failed:
            retry = await collection.data.insert_many(
                [
                    DataObject(
                        properties=f.object_.properties,
                        uuid=f.object_.uuid,
                        vector=f.object_.vector,
                    )
                    for f in failed
                ]
            )
            assert not retry.has_errors
        assert set(_server_ids(srv, name)) == set(added)
        print(f"{mode} run {run}: {len(acked)} acknowledged, {len(failed)} failed; {log}")
