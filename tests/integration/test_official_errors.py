"""The exception classes the official client raises, raised here in the same situations, against
the real server: a client never connected or closed (sync and async), a cloud URL that does not
resolve, ``id`` / ``vector`` among an object's properties, an ``insert_many`` whose every object
fails."""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

import weaviate_async
import weaviate_sync
from tests.batch_helpers import DIM, _server_ids
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.classes.init import Auth
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import (
    UnexpectedStatusCodeError,
    WeaviateClosedClientError,
    WeaviateConnectionError,
    WeaviateInsertInvalidPropertyError,
    WeaviateInsertManyAllFailedError,
    WeaviateStartUpError,
)

# .invalid never resolves (RFC 2606): the lookup fails locally, nothing leaves the machine.
MISSING_CLUSTER = "https://no-such-cluster.weaviate-async.invalid"


def _async_calls(client: Any) -> list[Callable[[], Awaitable[Any]]]:
    articles = client.collections.use("Article")
    return [
        lambda: client.get_meta(),
        lambda: client.collections.list_all(),
        lambda: client.collections.create("Fresh"),
        lambda: articles.query.fetch_objects(),
        lambda: articles.data.insert({"title": "t"}),
        lambda: articles.aggregate.over_all(),
        lambda: client.backup.list_backups("filesystem"),
    ]


def _sync_calls(client: Any) -> list[Callable[[], Any]]:
    articles = client.collections.use("Article")
    return [
        lambda: client.get_meta(),
        lambda: client.collections.list_all(),
        lambda: client.collections.create("Fresh"),
        lambda: articles.query.fetch_objects(),
        lambda: articles.data.insert({"title": "t"}),
        lambda: articles.aggregate.over_all(),
        lambda: client.backup.list_backups("filesystem"),
    ]


async def test_async_client_before_connect_and_after_close(server: EmbeddedServer) -> None:
    client = weaviate_async.use_async_with_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    )
    for call in _async_calls(client):
        with pytest.raises(WeaviateClosedClientError):
            await call()
    await client.connect()
    assert (await client.get_meta())["version"]
    await client.close()
    for call in _async_calls(client):
        with pytest.raises(WeaviateClosedClientError):
            await call()


def test_sync_client_before_connect_and_after_close(server: EmbeddedServer) -> None:
    from weaviate_sync.connect import ConnectionParams

    params = ConnectionParams.from_params(
        http_host=server.host,
        http_port=server.http_port,
        http_secure=False,
        grpc_host=server.host,
        grpc_port=server.grpc_port,
        grpc_secure=False,
    )
    client = weaviate_sync.WeaviateClient(connection_params=params)
    try:
        for call in _sync_calls(client):
            with pytest.raises(WeaviateClosedClientError):
                call()
        client.connect()
        assert client.get_meta()["version"]
    finally:
        client.close()
    for call in _sync_calls(client):
        with pytest.raises(WeaviateClosedClientError):
            call()


@pytest.mark.parametrize("auth", [Auth.api_key("some-key"), None])
async def test_cloud_url_that_does_not_resolve(auth: Any) -> None:
    # official: WeaviateStartUpError with an API key, WeaviateConnectionError without
    # credentials (its OIDC probe fails first); ours is a WeaviateStartUpError, a subclass of both
    with pytest.raises(WeaviateConnectionError) as info:
        await weaviate_async.connect_to_weaviate_cloud(MISSING_CLUSTER, auth_credentials=auth)
    assert isinstance(info.value, WeaviateStartUpError)
    assert "does not resolve" in str(info.value)
    assert "no-such-cluster.weaviate-async.invalid" in str(info.value)


def test_cloud_url_that_does_not_resolve_sync() -> None:
    with pytest.raises(WeaviateStartUpError) as info:
        weaviate_sync.connect_to_weaviate_cloud(
            MISSING_CLUSTER, auth_credentials=Auth.api_key("some-key")
        )
    assert "does not resolve" in str(info.value)


async def _articles(client: WeaviateAsyncClient, name: str) -> Any:
    return await client.collections.create(
        name,
        properties=[
            Property(name="title", data_type=DataType.TEXT),
            Property(name="count", data_type=DataType.INT),
            Property(
                name="nested",
                data_type=DataType.OBJECT,
                nested_properties=[Property(name="id", data_type=DataType.TEXT)],
            ),
        ],
        vector_config=Configure.Vectors.self_provided(),
    )


@pytest.mark.parametrize(
    "properties",
    [
        {"title": "t", "id": str(uuid_lib.uuid4())},
        {"title": "t", "vector": [0.5] * DIM},
        {"title": "t", "nested": {"vector": [1.0]}},
    ],
    ids=["id", "vector", "nested-vector"],
)
async def test_id_or_vector_among_properties(
    client: WeaviateAsyncClient,
    server: EmbeddedServer,
    collection_name: str,
    properties: dict[str, Any],
) -> None:
    articles = await _articles(client, collection_name)
    # insert_many refuses the call before sending anything, as the official client does
    with pytest.raises(WeaviateInsertInvalidPropertyError) as info:
        await articles.data.insert_many([{"title": "fine"}, properties])
    # the dict that holds the name, as the official client's error carries
    assert info.value.data == properties.get("nested", properties)
    with pytest.raises(WeaviateInsertInvalidPropertyError):
        await articles.data.insert_many([DataObject(properties=properties)])
    # a batch does not raise: the object ends in failed_objects, the others land
    async with articles.batch.dynamic() as batch:
        refused = await batch.add_object(properties=properties, vector=[0.5] * DIM)
        kept = await batch.add_object(properties={"title": "kept"}, vector=[0.5] * DIM)
    (failed,) = articles.batch.failed_objects
    assert "WeaviateInsertInvalidPropertyError" in failed.message
    assert failed.object_.index == 0 and str(failed.object_.uuid) == str(refused)
    assert failed.object_.properties == properties
    assert isinstance(refused, uuid_lib.UUID) and isinstance(kept, uuid_lib.UUID)
    assert articles.batch.results.objs.uuids == {1: kept}
    async with client.batch.fixed_size() as client_batch:
        await client_batch.add_object(collection_name, properties=properties)
    assert [f.object_.index for f in client.batch.failed_objects] == [0]
    assert _server_ids(server, collection_name) == [str(kept)]


@pytest.mark.parametrize("name", ["id", "vector", "_additional"])
async def test_insert_of_a_reserved_name_is_refused_by_the_server(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str, name: str
) -> None:
    # the official insert (REST) sends it; the server answers 422
    articles = await _articles(client, collection_name)
    with pytest.raises(UnexpectedStatusCodeError) as info:
        await articles.data.insert({"title": "t", name: "x"})
    assert info.value.status_code == 422 and name in str(info.value)
    assert _server_ids(server, collection_name) == []
    uid = await articles.data.insert({"title": "kept"})
    for call in (articles.data.update, articles.data.replace):
        with pytest.raises(UnexpectedStatusCodeError) as info:
            await call(uid, {"title": "t", name: "x"})
        assert info.value.status_code == 422
    (obj,) = (await articles.query.fetch_objects()).objects
    assert obj.properties["title"] == "kept"


async def test_nested_id_is_a_property(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    # the official client refuses `id` at the top level only: a nested `id` is stored
    articles = await _articles(client, collection_name)
    result = await articles.data.insert_many([{"title": "t", "nested": {"id": "inner"}}])
    assert not result.has_errors
    (obj,) = (await articles.query.fetch_objects()).objects
    assert obj.properties["nested"] == {"id": "inner"}


async def test_insert_many_whose_every_object_fails(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    articles = await _articles(client, collection_name)
    with pytest.raises(WeaviateInsertManyAllFailedError) as info:
        await articles.data.insert_many([{"count": "not a number"}, {"count": "nor this"}])
    assert "count" in str(info.value)
    # one object landing is enough for a result with errors rather than an exception
    result = await articles.data.insert_many([{"count": "not a number"}, {"count": 2}])
    assert list(result.errors) == [0] and list(result.uuids) == [1]
