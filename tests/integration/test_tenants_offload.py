"""Offloading tenants, against a server with the ``offload-s3`` module writing to a local S3
emulator (``tests.admin_server.offload_server``): ACTIVE -> OFFLOADED (through OFFLOADING, when
the server is seen in between), OFFLOADED -> ACTIVE (through ONLOADING), OFFLOADED -> INACTIVE,
the data intact after the round trip. Its blocking twin is generated (``__sync_twin__``)."""

from __future__ import annotations

import time
import uuid as uuid_lib
from collections.abc import AsyncIterator
from typing import Any

import pytest

import weaviate_async
from tests.admin_server import offload_server
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.tenants import (
    Tenant,
    TenantActivityStatus,
    TenantUpdate,
    TenantUpdateActivityStatus,
)
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import WeaviateQueryError

__sync_twin__ = "tests/integration/test_tenants_offload_sync_gen.py"

S = TenantActivityStatus


@pytest.fixture(scope="module")
def s3_server() -> EmbeddedServer:
    return offload_server()


@pytest.fixture
async def s3_client(s3_server: EmbeddedServer) -> AsyncIterator[WeaviateAsyncClient]:
    c = await weaviate_async.connect_to_local(
        host=s3_server.host, port=s3_server.http_port, grpc_port=s3_server.grpc_port
    )
    try:
        yield c
    finally:
        await c.close()


async def _wait_for(collection: Any, name: str, final: TenantActivityStatus) -> list[str]:
    """Poll the tenant (REST and gRPC reads) until it is ``final``; every status seen."""
    seen: list[str] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        one = await collection.tenants.get_by_name(name)
        every = (await collection.tenants.get())[name]
        seen += [one.activity_status.value, every.activity_status.value]
        if one.activity_status is final and every.activity_status is final:
            return seen
        # A blocking pause: this module has a generated blocking twin, where asyncio is not
        # allowed, and the test has nothing else to run meanwhile.
        time.sleep(0.02)  # noqa: ASYNC251, RUF100 (not async in the twin)
    raise AssertionError(f"{name} never became {final.value}: {seen}")


async def test_offload_and_back(s3_client: WeaviateAsyncClient) -> None:
    name = "Offload" + uuid_lib.uuid4().hex[:10]
    collection = await s3_client.collections.create(
        name,
        properties=[Property(name="body", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
        multi_tenancy_config=Configure.multi_tenancy(enabled=True),
    )
    try:
        await collection.tenants.create(["a", "b", "c"])
        a = collection.with_tenant("a")
        await a.data.insert_many([{"body": f"object {i} " + "text " * 50} for i in range(3000)])

        await collection.tenants.offload("a")
        seen = await _wait_for(collection, "a", S.OFFLOADED)
        assert set(seen) <= {"OFFLOADING", "OFFLOADED"}, seen
        with pytest.raises(WeaviateQueryError):
            await a.query.fetch_objects(limit=1)

        await collection.tenants.activate(Tenant(name="a"))
        seen = await _wait_for(collection, "a", S.ACTIVE)
        assert set(seen) <= {"ONLOADING", "ACTIVE"}, seen
        assert await a.length() == 3000
        [first] = (await a.query.fetch_objects(limit=1)).objects
        assert str(first.properties["body"]).startswith("object ")

        # offloading several at once, in both update forms; OFFLOADED -> INACTIVE -> ACTIVE
        await collection.tenants.update(
            [
                TenantUpdate(name="b", activity_status=TenantUpdateActivityStatus.OFFLOADED),
                Tenant(name="c", activity_status=S.OFFLOADED),
            ]
        )
        await _wait_for(collection, "b", S.OFFLOADED)
        await _wait_for(collection, "c", S.OFFLOADED)
        await collection.tenants.deactivate("b")
        seen = await _wait_for(collection, "b", S.INACTIVE)
        assert set(seen) <= {"ONLOADING", "OFFLOADED", "INACTIVE"}, seen
        await collection.tenants.activate(["b", "c"])
        await _wait_for(collection, "b", S.ACTIVE)
        await _wait_for(collection, "c", S.ACTIVE)
        assert await collection.with_tenant("c").length() == 0
    finally:
        await s3_client.collections.delete(name)
