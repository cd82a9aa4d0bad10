"""A batch and the errors around it, against the real server: the caller's own exception leaves
the block as itself (never an ExceptionGroup) after what was added is sent, and an object the
server refuses ends in failed_objects while the rest land, in every mode, for client.batch and
collection.batch. Its blocking twin is generated (``__sync_twin__``)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from tests.batch_helpers import DIM, _props, _server_ids
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer

__sync_twin__ = "tests/integration/test_batch_errors_sync_gen.py"

# batch.stream() needs 1.36 (an older server under test: the client's refusal is asserted in
# test_version_gates.py)
MODES = [
    "dynamic",
    "fixed_size",
    "rate_limit",
    pytest.param("stream", marks=pytest.mark.min_server("1.36.0")),
]


async def _collection(client: WeaviateAsyncClient, name: str) -> Any:
    return await client.collections.create(
        name,
        properties=[
            Property(name="title", data_type=DataType.TEXT),
            Property(name="count", data_type=DataType.INT),
            Property(name="when", data_type=DataType.DATE),
        ],
        vector_config=Configure.Vectors.self_provided(),
    )


def _mode(namespace: Any, mode: str) -> Any:
    if mode == "fixed_size":
        return namespace.fixed_size(batch_size=7, concurrent_requests=2)
    if mode == "rate_limit":
        return namespace.rate_limit(requests_per_minute=6000)
    return getattr(namespace, mode)()


class _CallerError(ValueError):
    pass


@pytest.mark.parametrize("mode", MODES)
async def test_callers_error_leaves_the_collection_batch_as_itself_after_sending(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str, mode: str
) -> None:
    collection = await _collection(client, collection_name)
    ids: list[str] = []

    async def fill_then_fail() -> None:
        async with _mode(collection.batch, mode) as batch:
            for i in range(25):
                ids.append(str(await batch.add_object(properties=_props(i), vector=[0.5] * DIM)))
            raise _CallerError("the caller's own bug")

    with pytest.raises(_CallerError) as info:
        await fill_then_fail()
    assert type(info.value) is _CallerError
    # as the official client's __exit__ does, what was added is sent before the error leaves
    assert sorted(_server_ids(server, collection_name)) == sorted(ids)
    assert collection.batch.failed_objects == []


@pytest.mark.parametrize("mode", MODES)
async def test_callers_error_leaves_the_client_batch_as_itself_after_sending(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str, mode: str
) -> None:
    await _collection(client, collection_name)
    ids: list[str] = []

    async def fill_then_fail() -> None:
        async with _mode(client.batch, mode) as batch:
            for i in range(12):
                uid = await batch.add_object(
                    collection_name, properties=_props(i), vector=[0.5] * DIM
                )
                ids.append(str(uid))
            raise KeyError("missing")

    with pytest.raises(KeyError) as info:
        await fill_then_fail()
    assert type(info.value) is KeyError
    assert sorted(_server_ids(server, collection_name)) == sorted(ids)
    assert client.batch.failed_objects == []


@pytest.mark.parametrize("mode", MODES)
async def test_objects_the_server_refuses_end_in_failed_objects(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str, mode: str
) -> None:
    collection = await _collection(client, collection_name)
    ids: dict[int, str] = {}
    refused = {3: {"_additional": "reserved"}, 8: {"count": "not a number"}}
    async with _mode(collection.batch, mode) as batch:
        for i in range(20):
            props = {**_props(i), **refused.get(i, {})}
            ids[i] = str(await batch.add_object(properties=props, vector=[0.5] * DIM))
    failed = collection.batch.failed_objects
    assert {str(f.object_.uuid) for f in failed} == {ids[3], ids[8]}
    assert {f.object_.index for f in failed} == set(refused)
    assert all(f.message for f in failed)
    assert sorted(_server_ids(server, collection_name)) == sorted(
        ids[i] for i in range(20) if i not in refused
    )


@pytest.mark.parametrize("mode", MODES)
async def test_client_batch_refused_object_in_failed_objects(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str, mode: str
) -> None:
    await _collection(client, collection_name)
    ids: dict[int, str] = {}
    async with _mode(client.batch, mode) as batch:
        for i in range(10):
            props = {**_props(i), **({"_additional": 1} if i == 4 else {})}
            uid = await batch.add_object(collection_name, properties=props, vector=[0.5] * DIM)
            ids[i] = str(uid)
    failed = client.batch.failed_objects
    assert [f.object_.index for f in failed] == [4]
    assert str(failed[0].object_.uuid) == ids[4]
    assert sorted(_server_ids(server, collection_name)) == sorted(
        ids[i] for i in range(10) if i != 4
    )


#: Objects whose property values cannot be encoded, by index: each one fails alone.
UNENCODABLE: dict[int, tuple[str, Any, str]] = {
    2: ("when", dt.date(2024, 1, 1), "not date"),  # a date, not a datetime
    5: ("title", ["a", None], "None"),  # a list holding None
    7: ("count", {1, 2}, "set"),  # a set
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("scope", ["client", "collection"])
async def test_an_object_that_cannot_be_encoded_fails_alone(
    client: WeaviateAsyncClient,
    server: EmbeddedServer,
    collection_name: str,
    mode: str,
    scope: str,
) -> None:
    collection = await _collection(client, collection_name)
    namespace = client.batch if scope == "client" else collection.batch
    given = uuid.uuid4()  # one bad object has its uuid given, the other gets one
    ids: dict[int, str] = {}
    async with _mode(namespace, mode) as batch:
        for i in range(10):
            props = _props(i)
            if i in UNENCODABLE:
                name, value, _ = UNENCODABLE[i]
                props[name] = value
            uid = given if i == 7 else None
            if scope == "client":
                added = await batch.add_object(
                    collection_name, properties=props, uuid=uid, vector=[0.5] * DIM
                )
            else:
                added = await batch.add_object(properties=props, uuid=uid, vector=[0.5] * DIM)
            ids[i] = str(added)
    assert ids[7] == str(given)
    failed = sorted(namespace.failed_objects, key=lambda f: f.object_.index)
    assert [f.object_.index for f in failed] == sorted(UNENCODABLE)
    assert [str(f.object_.uuid) for f in failed] == [ids[i] for i in sorted(UNENCODABLE)]
    assert failed[-1].original_uuid == given
    for f in failed:
        name, _, words = UNENCODABLE[f.object_.index]
        assert f"objects[{f.object_.index}].properties.{name}" in f.message
        assert words in f.message
    assert namespace.results.objs.has_errors
    assert len(namespace.results.objs.uuids) == 10 - len(UNENCODABLE)
    assert sorted(namespace.results.objs.errors) == sorted(UNENCODABLE)
    assert sorted(_server_ids(server, collection_name)) == sorted(
        ids[i] for i in range(10) if i not in UNENCODABLE
    )


@pytest.mark.parametrize("mode", MODES)
async def test_a_vector_of_another_length_fails_alone(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str, mode: str
) -> None:
    # The client does not compare lengths (the official client does not): the server refuses
    # the odd object alone, and the rest land.
    collection = await _collection(client, collection_name)
    first = await collection.data.insert(_props(100), vector=[0.5] * DIM)
    ids: dict[int, str] = {}
    async with _mode(collection.batch, mode) as batch:
        for i in range(6):
            length = DIM + 1 if i == 4 else DIM
            ids[i] = str(await batch.add_object(properties=_props(i), vector=[0.5] * length))
    failed = collection.batch.failed_objects
    assert [f.object_.index for f in failed] == [4]
    assert str(failed[0].object_.uuid) == ids[4]
    assert "length" in failed[0].message or "dimension" in failed[0].message
    assert sorted(_server_ids(server, collection_name)) == sorted(
        [str(first), *(ids[i] for i in range(6) if i != 4)]
    )
    result = await collection.data.insert_many(
        [DataObject(properties=_props(200 + i), vector=[0.5] * (DIM + i)) for i in range(2)]
    )
    assert list(result.errors) == [1]
    assert len(result.uuids) == 1


async def test_ingest_source_error_leaves_as_itself_after_sending(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _collection(client, collection_name)

    def rows() -> Any:
        for i in range(7):
            yield _props(i)
        raise _CallerError("the source broke")

    with pytest.raises(_CallerError) as info:
        await collection.data.ingest(rows())
    assert type(info.value) is _CallerError
    assert len(_server_ids(server, collection_name)) == 7
