"""A server that reports it is out of memory pauses the batch stream, which resumes once the
server recovers: nothing lost, nothing failed, no stall.

The real server does it: with a small ``GOMEMLIMIT``, v1.39 checks each ``Data`` message of the
stream against its memory limit (``memwatch``: the vectors' size plus what is in flight, above
97 % of the limit), answers ``OutOfMemory`` with the uuids of the message it refused and a
``wait_time`` of 300 s, and closes the stream. It recovers when it gets more memory: here it is
restarted without the limit, on the same data directory and ports (what an autoscaler does).
The client keeps the refused objects, tries again with growing pauses (so the server's log
shows a few refusals, not a flood) and completes well before the 300 s the server names."""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import anyio
import numpy as np
import pytest

import weaviate_async
from tests.batch_helpers import _server_ids
from tests.conftest import SERVER_VERSION
from weaviate_async.classes.config import Configure
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer

pytestmark = pytest.mark.min_server("1.36.0")

OBJECTS = 120
DIMS = 50_000  # 200 kB per vector: one stream message is far above the small limit's headroom
REFUSAL = "memory allocation check failed"
#: Logged by the server just before it sends OutOfMemory.
REPLIED = "receive error due to memory pressure"
#: How long the "autoscaler" takes to give the server more memory once it ran out.
SCALE_UP = 3.0


@pytest.fixture
def small_memory_server() -> Iterator[EmbeddedServer]:
    with tempfile.TemporaryDirectory(prefix="weaviate-oom-") as data:
        srv = EmbeddedServer(
            EmbeddedOptions(
                version=SERVER_VERSION,
                persistence_data_path=data,
                additional_env_vars={"GOMEMLIMIT": "64MiB"},
            )
        )
        srv.start()
        try:
            yield srv
        finally:
            srv.stop()


def _log(server: EmbeddedServer) -> str:
    assert server.log_path is not None
    return Path(server.log_path).read_text(errors="replace")


async def _recover_after_refusal(server: EmbeddedServer, limit: float) -> float:
    """Once the server has answered OutOfMemory, give it memory (after SCALE_UP seconds, the
    time a real autoscaler takes; the client must neither fail nor flood the server meanwhile):
    restart it without the limit."""
    deadline = time.monotonic() + limit
    while REPLIED not in _log(server):
        assert time.monotonic() < deadline, "the server never reported it was out of memory"
        await asyncio.sleep(0.1)
    refused_at = time.monotonic()
    await asyncio.sleep(SCALE_UP)
    await asyncio.to_thread(server.stop)
    env = server.options.additional_env_vars
    assert env is not None
    env.pop("GOMEMLIMIT")
    await asyncio.to_thread(server.start)
    return refused_at


async def test_out_of_memory_pauses_the_stream_until_the_server_recovers(
    small_memory_server: EmbeddedServer, caplog: pytest.LogCaptureFixture
) -> None:
    srv = small_memory_server
    caplog.set_level(logging.INFO, logger="weaviate-client")
    vectors = np.random.default_rng(0).random((OBJECTS, DIMS), dtype=np.float32)
    async with weaviate_async.use_async_with_local(
        host=srv.host, port=srv.http_port, grpc_port=srv.grpc_port
    ) as client:
        collection = await client.collections.create(
            "OutOfMemory", vector_config=Configure.Vectors.self_provided()
        )
        recovery = asyncio.create_task(_recover_after_refusal(srv, 60))
        started = time.monotonic()
        ids = []
        # bounded: a stream that waited out the server's 300 s would fail here
        with anyio.fail_after(90):
            async with collection.batch.stream() as batch:
                for i in range(OBJECTS):
                    ids.append(str(await batch.add_object(properties={}, vector=vectors[i])))
            refused_at = await recovery
        took = time.monotonic() - started
        log = _log(srv)
        assert collection.batch.failed_objects == []
        assert len(collection.batch.results.objs.uuids) == OBJECTS
    # the client got the server's OutOfMemory (on grpclib too, which the server's reset after
    # its OK status would otherwise make lose it)
    assert any("out of memory" in r.getMessage() for r in caplog.records)
    refusals = log.count(REFUSAL)
    # the client tried again while the server was short of memory, with growing pauses
    assert 2 <= refusals <= 12, refusals
    assert sorted(_server_ids(srv, "OutOfMemory")) == sorted(ids)
    assert took < 90, took
    print(f"refused at {refused_at - started:.1f} s, done at {took:.1f} s, {refusals} refusals")
