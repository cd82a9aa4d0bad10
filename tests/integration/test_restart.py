"""A client rides through a server restart: the server is killed (SIGKILL) and started again on
the same ports with the same data directory while one client stays connected."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import weaviate_async
from tests.conftest import SERVER_VERSION
from weaviate_async.classes.config import DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.config import AdditionalConfig, RetryConfig
from weaviate_async.connect.retry import RetryPolicy
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer, _free_ports
from weaviate_async.exceptions import WeaviateConnectionError
from weaviate_async.proto.weaviate.v1 import search_get_pb2

# Enough to outlast a restart (the server needs seconds to load its schema again).
PATIENT = RetryPolicy(max_tries=1000, max_time=120.0, initial_delay=0.05, max_delay=0.5)
PATIENT_READ = attrs.evolve(PATIENT, idempotent=True)


@pytest.fixture
def restartable(tmp_path: Path) -> Iterator[EmbeddedServer]:
    http_port, grpc_port = _free_ports(2)
    server = EmbeddedServer(
        EmbeddedOptions(
            version=SERVER_VERSION,
            persistence_data_path=str(tmp_path / "data"),
            port=http_port,
            grpc_port=grpc_port,
        )
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _search(collection: str) -> search_get_pb2.SearchRequest:
    return search_get_pb2.SearchRequest(
        collection=collection,
        limit=100,
        uses_127_api=True,
        metadata=search_get_pb2.MetadataRequest(uuid=True),
    )


async def test_the_same_client_recovers_after_a_restart(restartable: EmbeddedServer) -> None:
    server = restartable
    loop = asyncio.get_running_loop()
    async with weaviate_async.use_async_with_local(
        host=server.host,
        port=server.http_port,
        grpc_port=server.grpc_port,
        additional_config=AdditionalConfig(
            retry=RetryConfig(max_tries=3, max_time=5.0, initial_delay=0.05, max_delay=0.2)
        ),
    ) as client:
        conn = client._connection
        assert conn is not None
        articles = await client.collections.create(
            "Article", properties=[Property(name="title", data_type=DataType.TEXT)]
        )
        inserted = await articles.data.insert_many(
            [DataObject(properties={"title": f"a{i}"}, vector=[0.1 * i, 1.0]) for i in range(5)]
        )
        before = {str(u) for u in inserted.uuids.values()}

        server.kill()

        # With the client's small budget, calls fail with the mapped connection error.
        started = time.monotonic()
        with pytest.raises(WeaviateConnectionError) as grpc_info:
            await conn.search(_search("Article"), operation="query.fetch_objects")
        assert grpc_info.value.operation == "query.fetch_objects"
        with pytest.raises(WeaviateConnectionError):
            await client.get_meta()
        assert time.monotonic() - started < 15
        assert await client.is_ready() is False

        # With a budget that outlasts the restart, a read and a write started while the server
        # is down are retried until it serves again. The write (a POST that creates a
        # collection) is retried because nothing reached the server while it was down.
        read = asyncio.ensure_future(
            conn.search(
                _search("Article"),
                operation="query.fetch_objects",
                retry=PATIENT_READ,
            )
        )
        write = asyncio.ensure_future(
            conn.rest(
                "POST",
                "/schema",
                operation="collections.create",
                json={"class": "CreatedWhileDown", "vectorizer": "none"},
                retry=PATIENT,
            )
        )
        await asyncio.sleep(1.0)
        assert not read.done() and not write.done()

        server.launch()
        await loop.run_in_executor(None, server.wait_ready)

        reply = await asyncio.wait_for(read, 60)
        assert {r.metadata.id for r in reply.results} == before  # the data survived
        await asyncio.wait_for(write, 60)

        # The same client's REST and gRPC calls work again.
        assert (await client.get_meta())["version"] == SERVER_VERSION
        assert await client.collections.exists("CreatedWhileDown")
        assert await articles.length() == 5
        more = await articles.data.insert_many(
            [DataObject(properties={"title": "after"}, vector=[5.0, -1.0])]
        )
        assert not more.has_errors
        assert await articles.length() == 6
        found = await articles.query.near_vector([5.0, -1.0], limit=1)
        assert [o.properties["title"] for o in found.objects] == ["after"]
        await conn.grpc_health_check()
