"""The typed gRPC calls of the connection against the real server: each RPC, per-call options,
pre-encoded requests, and the bidirectional BatchStream."""

from __future__ import annotations

import struct
import uuid as uuid_lib
from collections.abc import AsyncIterator
from typing import Any

import pytest

import weaviate_async
from tests.conftest import ADMIN_KEY
from weaviate_async.auth import Auth
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.config import AdditionalConfig
from weaviate_async.connect.connection import Connection
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import (
    AuthenticationFailedError,
    WeaviateBaseError,
    WeaviateBatchError,
    WeaviateQueryError,
    WeaviateTimeoutError,
)
from weaviate_async.proto.weaviate.v1 import (
    base_pb2,
    batch_delete_pb2,
    batch_pb2,
    search_get_pb2,
    tenants_pb2,
)

Stream = batch_pb2.BatchStreamRequest
DIM = 4


def _conn(client: WeaviateAsyncClient) -> Connection:
    assert client._connection is not None
    return client._connection


async def _create(client: WeaviateAsyncClient, name: str, **extra: Any) -> None:
    schema = {
        "class": name,
        "vectorizer": "none",
        "properties": [
            {"name": "title", "dataType": ["text"]},
            {"name": "count", "dataType": ["int"]},
        ],
        **extra,
    }
    await _conn(client).rest("POST", "/schema", operation="test.setup", json=schema)


def _object(collection: str, i: int, *, uuid: str | None = None) -> batch_pb2.BatchObject:
    obj = batch_pb2.BatchObject(
        uuid=uuid or str(uuid_lib.UUID(int=i + 1)),
        collection=collection,
        vector_bytes=struct.pack(f"<{DIM}f", *(float(i + k) for k in range(DIM))),
    )
    obj.properties.non_ref_properties.update({"title": f"object {i}", "count": i})
    return obj


def _search(collection: str) -> search_get_pb2.SearchRequest:
    return search_get_pb2.SearchRequest(
        collection=collection,
        limit=100,
        uses_127_api=True,
        properties=search_get_pb2.PropertiesRequest(non_ref_properties=["title", "count"]),
        metadata=search_get_pb2.MetadataRequest(uuid=True, vector=True),
    )


def _contents(reply: search_get_pb2.SearchReply) -> list[tuple[str, str, int, bytes]]:
    rows = []
    for result in reply.results:
        props = result.properties.non_ref_props.fields
        rows.append(
            (
                result.metadata.id,
                props["title"].text_value,
                props["count"].int_value,
                result.metadata.vector_bytes,
            )
        )
    return sorted(rows)


async def test_each_unary_rpc_has_a_typed_method(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    conn = _conn(client)
    await _create(
        client,
        collection_name,
        properties=[
            {"name": "title", "dataType": ["text"]},
            {"name": "count", "dataType": ["int"]},
            {"name": "peer", "dataType": [collection_name]},
        ],
    )
    objects = [_object(collection_name, i) for i in range(3)]
    reply = await conn.batch_objects(
        batch_pb2.BatchObjectsRequest(objects=objects), operation="test.batch_objects"
    )
    assert isinstance(reply, batch_pb2.BatchObjectsReply) and not reply.errors

    refs = await conn.batch_references(
        batch_pb2.BatchReferencesRequest(
            references=[
                batch_pb2.BatchReference(
                    name="peer",
                    from_collection=collection_name,
                    from_uuid=objects[0].uuid,
                    to_collection=collection_name,
                    to_uuid=objects[1].uuid,
                )
            ]
        ),
        operation="test.batch_references",
    )
    assert isinstance(refs, batch_pb2.BatchReferencesReply) and not refs.errors

    found = await conn.search(_search(collection_name), operation="test.search")
    assert isinstance(found, search_get_pb2.SearchReply) and len(found.results) == 3
    assert await client.collections.use(collection_name).length() == 3  # Aggregate

    deleted = await conn.batch_delete(
        batch_delete_pb2.BatchDeleteRequest(
            collection=collection_name,
            filters=base_pb2.Filters(
                operator=base_pb2.Filters.OPERATOR_EQUAL,
                target=base_pb2.FilterTarget(property="title"),
                value_text="object 2",
            ),
        ),
        operation="test.batch_delete",
    )
    assert isinstance(deleted, batch_delete_pb2.BatchDeleteReply)
    assert (deleted.matches, deleted.successful) == (1, 1)
    assert await client.collections.use(collection_name).length() == 2

    # TenantsGet on a collection without multi-tenancy: the server's own message comes back.
    with pytest.raises(WeaviateQueryError) as info:
        await conn.tenants_get(
            tenants_pb2.TenantsGetRequest(collection=collection_name), operation="test.tenants"
        )
    assert info.value.server_message and "multi-tenancy" in info.value.server_message.lower()
    assert info.value.operation == "test.tenants"
    assert info.value.target == "weaviate.v1.Weaviate/TenantsGet"


async def test_failures_map_to_the_rpcs_class_or_the_callers(client: WeaviateAsyncClient) -> None:
    conn = _conn(client)
    with pytest.raises(WeaviateQueryError) as info:
        await conn.search(_search("NoSuchCollectionHere"), operation="query.fetch_objects")
    assert "NoSuchCollectionHere" in (info.value.server_message or "")
    assert not isinstance(info.value, WeaviateBatchError)
    with pytest.raises(WeaviateBatchError):
        await conn.search(
            _search("NoSuchCollectionHere"), operation="test.search", error=WeaviateBatchError
        )


async def test_per_call_timeout_limits_the_call(client: WeaviateAsyncClient) -> None:
    with pytest.raises(WeaviateTimeoutError) as info:
        await _conn(client).search(
            _search("AnyCollection"), operation="query.fetch_objects", timeout=0.0001
        )
    # the client's timer, or the server's own DEADLINE_EXCEEDED when it answers first (grpcio
    # sends the deadline and the server may reply before the client's timer fires)
    message = str(info.value)
    assert "query.fetch_objects" in message
    assert "0.0001 s" in message or "DEADLINE_EXCEEDED" in message, message


async def test_bytes_and_message_requests_give_the_same_result(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    conn = _conn(client)
    as_message, as_bytes = collection_name + "M", collection_name + "B"
    try:
        await _create(client, as_message)
        await _create(client, as_bytes)

        def objects(collection: str) -> list[batch_pb2.BatchObject]:
            objs = [_object(collection, i) for i in range(20)]
            # One object the server refuses, at the same index in both requests.
            objs[7].properties.non_ref_properties.update({"count": "not a number"})
            return objs

        message = batch_pb2.BatchObjectsRequest(objects=objects(as_message))
        # The batch engine's form: each object encoded once, the encodings concatenated.
        encoded = b"".join(
            batch_pb2.BatchObjectsRequest(objects=[o]).SerializeToString()
            for o in objects(as_bytes)
        )
        reply_message = await conn.batch_objects(message, operation="test.message")
        reply_bytes = await conn.batch_objects(encoded, operation="test.bytes")

        assert [e.index for e in reply_message.errors] == [e.index for e in reply_bytes.errors]
        assert [e.index for e in reply_bytes.errors] == [7]
        assert reply_bytes.errors[0].error.replace(as_bytes, "X") == reply_message.errors[
            0
        ].error.replace(as_message, "X")
        stored_message = _contents(await conn.search(_search(as_message), operation="test"))
        stored_bytes = _contents(await conn.search(_search(as_bytes), operation="test"))
        assert len(stored_bytes) == 19
        assert stored_bytes == stored_message
    finally:
        for name in (as_message, as_bytes):
            await conn.rest("DELETE", f"/schema/{name}", operation="test.cleanup")


async def _read_until(stream: Any, kinds: set[str]) -> batch_pb2.BatchStreamReply:
    while True:
        reply = await stream.recv()
        assert reply is not None, f"the stream ended before any of {kinds}"
        if reply.WhichOneof("message") in kinds:
            return reply


async def test_batch_stream_start_data_acks_results_stop(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    conn = _conn(client)
    await _create(client, collection_name)
    first = [_object(collection_name, i) for i in range(10)]
    second = [_object(collection_name, i) for i in range(10, 25)]
    bad = _object("NoSuchCollectionForStream", 99, uuid=str(uuid_lib.uuid4()))
    sent = {o.uuid for o in first + second} | {bad.uuid}
    acked: set[str] = set()
    succeeded: set[str] = set()
    failed: dict[str, str] = {}

    async with conn.batch_stream(operation="test.batch_stream") as stream:
        await stream.send(Stream(start=Stream.Start()))
        started = await stream.recv()
        assert started is not None and started.WhichOneof("message") == "started"
        await stream.send(Stream(data=Stream.Data(objects=Stream.Data.Objects(values=first))))
        # The same message kind, pre-encoded.
        await stream.send(
            Stream(
                data=Stream.Data(objects=Stream.Data.Objects(values=[*second, bad]))
            ).SerializeToString()
        )
        await stream.send(Stream(stop=Stream.Stop()))
        await stream.end()
        kinds: list[str] = []
        while (reply := await stream.recv()) is not None:
            kind = reply.WhichOneof("message")
            assert kind is not None
            kinds.append(kind)
            if kind == "acks":
                acked.update(reply.acks.uuids)
            elif kind == "results":
                succeeded.update(s.uuid for s in reply.results.successes)
                failed.update({e.uuid: e.error for e in reply.results.errors})
        assert await stream.recv() is None  # reading past the end is harmless

    assert acked == sent
    assert kinds.count("acks") == 2  # one per Data message
    assert set(failed) == {bad.uuid} and "NoSuchCollectionForStream" in failed[bad.uuid]
    # Errors are authoritative: v1.39.0 lists the failed object among the successes (and leaves
    # out the object before it) when a Data message holds an object it cannot parse.
    assert succeeded <= sent and len(succeeded) == len(sent) - 1
    assert await client.collections.use(collection_name).length() == 25


async def test_batch_stream_errors_map_like_unary_calls(client: WeaviateAsyncClient) -> None:
    conn = _conn(client)
    with pytest.raises(WeaviateBatchError) as info:
        async with conn.batch_stream(operation="test.batch_stream") as stream:
            await stream.send(Stream(data=Stream.Data()))  # Data before Start
            await _read_until(stream, {"started"})
    assert info.value.status == "UNKNOWN"
    assert "start" in (info.value.server_message or "")
    assert info.value.operation == "test.batch_stream"
    assert info.value.target == "weaviate.v1.Weaviate/BatchStream"


async def test_leaving_a_stream_early_cancels_it(client: WeaviateAsyncClient) -> None:
    conn = _conn(client)
    async with conn.batch_stream(operation="test.batch_stream") as stream:
        await stream.send(Stream(start=Stream.Start()))
        await _read_until(stream, {"started"})
    # The connection stays usable and no call is left in flight.
    assert conn._inflight == 0
    assert (await client.get_meta())["version"]
    # The caller's own exception leaves the block unchanged.
    with pytest.raises(KeyError) as info:
        async with conn.batch_stream(operation="test.batch_stream") as stream:
            await stream.send(Stream(start=Stream.Start()))
            raise KeyError("mine")
    assert info.value.__cause__ is None and conn._inflight == 0


@pytest.fixture
async def keyless(auth_server: EmbeddedServer) -> AsyncIterator[WeaviateAsyncClient]:
    client = weaviate_async.use_async_with_local(
        host=auth_server.host,
        port=auth_server.http_port,
        grpc_port=auth_server.grpc_port,
        skip_init_checks=True,
    )
    await client.connect()
    try:
        yield client
    finally:
        await client.close()


async def test_batch_stream_carries_the_credentials(
    auth_server: EmbeddedServer, keyless: WeaviateAsyncClient
) -> None:
    async with (
        weaviate_async.use_async_with_local(
            host=auth_server.host,
            port=auth_server.http_port,
            grpc_port=auth_server.grpc_port,
            auth_credentials=Auth.api_key(ADMIN_KEY),
        ) as admin,
        _conn(admin).batch_stream(operation="test.batch_stream") as stream,
    ):
        await stream.send(Stream(start=Stream.Start()))
        started = await stream.recv()
        assert started is not None and started.WhichOneof("message") == "started"
        await stream.end()
        while await stream.recv() is not None:
            pass
    with pytest.raises(WeaviateBaseError) as info:
        async with _conn(keyless).batch_stream(operation="test.batch_stream") as stream:
            await stream.send(Stream(start=Stream.Start()))
            await stream.recv()
    if isinstance(info.value, AuthenticationFailedError):
        assert info.value.status == "UNAUTHENTICATED"
    else:
        # Known grpcio limitation (seen in about one run in five): when the server refuses the
        # call while grpcio is writing the first message, grpcio reports INTERNAL "Internal
        # error from Core" for the write and the call, and the refusal's own status is lost.
        assert AdditionalConfig().resolved_grpc_transport == "grpcio", info.value
        assert "Internal error from Core" in str(info.value), info.value
