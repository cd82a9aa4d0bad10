"""A whole chunk refused by the server: every error is keyed by its object's ORIGINAL index (its
position in the caller's add order across the whole batch, not in the request that carried it)
and carries that object's uuid. The official client keys the errors of a chunk refused as a
whole by the position in the chunk, so later chunks overwrite earlier ones (its issue #2165).

Two kinds of refusal, both from the real server: every object of a run of requests refused one
by one (a tenant that does not exist, a property of the wrong type), and requests refused as a
whole (a user without permissions: the RPC fails with PERMISSION_DENIED). Its blocking twin is
generated (``__sync_twin__``)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

import weaviate_async
from tests.batch_helpers import DIM, _props, _server_ids
from tests.conftest import READER_KEY
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.classes.init import Auth
from weaviate_async.classes.tenants import Tenant
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer

__sync_twin__ = "tests/integration/test_batch_chunk_errors_sync_gen.py"

# rate_limit shares the request engine of dynamic and fixed_size (only the pacing differs)
MODES = [
    "dynamic",
    "fixed_size",
    pytest.param("stream", marks=pytest.mark.min_server("1.36.0")),
]
#: Objects [GOOD_BEFORE, GOOD_BEFORE + REFUSED) are refused; requests of CHUNK objects (in
#: fixed_size) put whole requests inside the refused run, the first and last shared with good
#: objects.
GOOD_BEFORE = 8
REFUSED = 24
GOOD_AFTER = 9
CHUNK = 5
TOTAL = GOOD_BEFORE + REFUSED + GOOD_AFTER


def _mode(namespace: Any, mode: str) -> Any:
    if mode == "fixed_size":
        return namespace.fixed_size(batch_size=CHUNK, concurrent_requests=2)
    return getattr(namespace, mode)()


def _refused(i: int) -> bool:
    return GOOD_BEFORE <= i < GOOD_BEFORE + REFUSED


def _uuid(i: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"chunk-errors/{i}"))


async def _collections(client: WeaviateAsyncClient, name: str) -> tuple[Any, Any]:
    properties = [
        Property(name="title", data_type=DataType.TEXT),
        Property(name="count", data_type=DataType.INT),
        Property(name="when", data_type=DataType.DATE),
    ]
    plain = await client.collections.create(
        name, properties=properties, vector_config=Configure.Vectors.self_provided()
    )
    tenants = await client.collections.create(
        name + "Mt",
        properties=properties,
        vector_config=Configure.Vectors.self_provided(),
        multi_tenancy_config=Configure.multi_tenancy(enabled=True),
    )
    await tenants.tenants.create([Tenant(name="present")])
    return plain, tenants


def _assert_keyed_by_original_index(errors: dict[int, Any], failed: list[Any]) -> None:
    expected = [i for i in range(TOTAL) if _refused(i)]
    assert sorted(errors) == expected
    for index, error in errors.items():
        assert error.object_.index == index
        assert str(error.object_.uuid) == _uuid(index)
        assert error.object_.properties["count"] == index
        assert error.message
    assert sorted(f.object_.index for f in failed) == expected
    assert all(str(f.object_.uuid) == _uuid(f.object_.index) for f in failed)


@pytest.mark.parametrize("mode", MODES)
async def test_client_batch_chunks_refused_object_by_object_keep_original_indices(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str, mode: str
) -> None:
    plain, tenants = await _collections(client, collection_name)
    async with _mode(client.batch, mode) as batch:
        for i in range(TOTAL):
            if _refused(i):  # a tenant that does not exist: the server refuses each object
                await batch.add_object(
                    tenants.name, _props(i), uuid=_uuid(i), vector=[0.5] * DIM, tenant="absent"
                )
            else:
                await batch.add_object(plain.name, _props(i), uuid=_uuid(i), vector=[0.5] * DIM)
    result = client.batch.results.objs
    _assert_keyed_by_original_index(result.errors, client.batch.failed_objects)
    assert sorted(result.uuids) == [i for i in range(TOTAL) if not _refused(i)]
    assert all(str(u) == _uuid(i) for i, u in result.uuids.items())
    assert sorted(_server_ids(server, plain.name)) == sorted(
        _uuid(i) for i in range(TOTAL) if not _refused(i)
    )


@pytest.mark.parametrize("mode", MODES)
async def test_collection_batch_chunks_refused_object_by_object_keep_original_indices(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str, mode: str
) -> None:
    plain, _ = await _collections(client, collection_name)
    async with _mode(plain.batch, mode) as batch:
        for i in range(TOTAL):
            props = {**_props(i), "title": 12345} if _refused(i) else _props(i)  # TEXT: refused
            await batch.add_object(properties=props, uuid=_uuid(i), vector=[0.5] * DIM)
    result = plain.batch.results.objs
    _assert_keyed_by_original_index(result.errors, plain.batch.failed_objects)
    assert sorted(_server_ids(server, plain.name)) == sorted(
        _uuid(i) for i in range(TOTAL) if not _refused(i)
    )


async def test_insert_many_refused_run_keeps_original_indices(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    plain, _ = await _collections(client, collection_name)
    objects = [
        DataObject(
            properties={**_props(i), "title": 12345} if _refused(i) else _props(i),
            uuid=_uuid(i),
            vector=[0.5] * DIM,
        )
        for i in range(TOTAL)
    ]
    result = await plain.data.insert_many(objects)
    expected = [i for i in range(TOTAL) if _refused(i)]
    assert sorted(result.errors) == expected
    for index, error in result.errors.items():
        assert str(error.object_.uuid) == _uuid(index)
        assert error.object_.properties["count"] == index
    assert sorted(result.uuids) == [i for i in range(TOTAL) if not _refused(i)]
    assert all(str(u) == _uuid(i) for i, u in result.uuids.items())
    assert sorted(_server_ids(server, plain.name)) == sorted(
        _uuid(i) for i in range(TOTAL) if not _refused(i)
    )


@pytest.mark.parametrize("mode", MODES)
async def test_requests_refused_as_a_whole_keep_original_indices(
    auth_server: EmbeddedServer, mode: str
) -> None:
    """A user without permissions: each request fails as a whole (PERMISSION_DENIED), every
    object of it is reported under its own index, none overwritten by a later request's."""
    async with weaviate_async.use_async_with_local(
        host=auth_server.host,
        port=auth_server.http_port,
        grpc_port=auth_server.grpc_port,
        auth_credentials=Auth.api_key(READER_KEY),
    ) as reader:
        async with _mode(reader.batch, mode) as batch:
            for i in range(TOTAL):
                await batch.add_object(
                    "ChunkForbidden", _props(i), uuid=_uuid(i), vector=[0.5] * DIM
                )
        errors = reader.batch.results.objs.errors
        failed = reader.batch.failed_objects
    assert sorted(errors) == list(range(TOTAL))
    assert sorted(f.object_.index for f in failed) == list(range(TOTAL))
    for index, error in errors.items():
        assert error.object_.index == index
        assert str(error.object_.uuid) == _uuid(index)
        assert error.object_.properties["count"] == index
        assert "permission" in error.message.lower() or "forbidden" in error.message.lower()
