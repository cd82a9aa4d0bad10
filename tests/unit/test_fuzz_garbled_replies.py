"""Garbled gRPC replies through the real transports (issue 17, bad input): a grpclib server on
loopback answers Search and BatchObjects with bytes that are not the reply (truncated, flipped,
random); both transports must raise a typed error (a ``WeaviateBaseError``) within the call's
time limit, never protobuf's ``DecodeError``, and the connection must still work afterwards.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
from grpclib.const import Status
from grpclib.encoding.proto import ProtoCodec
from grpclib.exceptions import GRPCError
from grpclib.server import Server, Stream

from weaviate_async.connect.connection import Connection
from weaviate_async.connect.params import AdditionalConfig, ConnectionParams, RetryConfig
from weaviate_async.exceptions import WeaviateBaseError
from weaviate_async.proto.weaviate.v1 import batch_pb2, search_get_pb2
from weaviate_async.proto.weaviate.v1.weaviate_grpc import WeaviateBase


class _RawCodec(ProtoCodec):
    """Sends ``bytes`` as they are (the reply a broken server would send)."""

    def encode(self, message: Any, message_type: Any) -> bytes:
        if isinstance(message, bytes):
            return message
        return super().encode(message, message_type)


class _Garbling(WeaviateBase):
    def __init__(self) -> None:
        self.reply: bytes = b""

    async def Search(self, stream: Stream[Any, Any]) -> None:
        await stream.recv_message()
        await stream.send_message(self.reply)

    async def BatchObjects(self, stream: Stream[Any, Any]) -> None:
        await stream.recv_message()
        await stream.send_message(self.reply)

    async def _unused(self, stream: Stream[Any, Any]) -> None:
        raise GRPCError(Status.UNIMPLEMENTED)

    Aggregate = BatchDelete = BatchReferences = BatchStream = TenantsGet = _unused


def _good_search() -> bytes:
    reply = search_get_pb2.SearchReply(took=0.5)
    result = reply.results.add()
    result.metadata.id = "00000000-0000-0000-0000-000000000007"
    result.properties.non_ref_props.fields["title"].text_value = "x" * 40
    return reply.SerializeToString()


GOOD = _good_search()
GARBLED = {
    "truncated": GOOD[: len(GOOD) // 2],
    "one byte": GOOD[:1],
    "flipped tag": bytes([0xFF]) + GOOD[1:],
    "huge length": b"\x12\xff\xff\xff\xff\x0f" + b"x" * 10,
    "invalid wire type": b"\x0f\x01\x02",
    "bad utf8 text": b"\x12\x06\x1a\x04\xff\xfe\xfd\xfc",
    "random": bytes(range(250, 256)) * 5,
}


@pytest.fixture
async def service() -> AsyncIterator[tuple[_Garbling, int]]:
    garbling = _Garbling()
    server = Server([garbling], codec=_RawCodec())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    await server.start("127.0.0.1", port)
    try:
        yield garbling, port
    finally:
        server.close()
        closing = [asyncio.ensure_future(h.wait_closed()) for h in server._handlers]
        if closing:
            await asyncio.wait(closing)


@pytest.fixture(params=["grpclib", "grpcio"])
async def conn(
    service: tuple[_Garbling, int], request: pytest.FixtureRequest
) -> AsyncIterator[Connection]:
    c = Connection(
        ConnectionParams.from_url("http://127.0.0.1:1", grpc_port=service[1]),
        config=AdditionalConfig(
            retry=RetryConfig(max_tries=1), grpc_transport=request.param, timeout=(5, 5, 5)
        ),
        skip_init_checks=True,
    )
    await c.connect()
    try:
        yield c
    finally:
        await c.close()


@pytest.mark.parametrize("name", sorted(GARBLED))
async def test_a_garbled_reply_is_a_typed_error(
    conn: Connection, service: tuple[_Garbling, int], name: str
) -> None:
    garbling, _ = service
    garbling.reply = GARBLED[name]
    for call in (
        lambda: conn.search(search_get_pb2.SearchRequest(collection="A"), operation="query"),
        lambda: conn.batch_objects(batch_pb2.BatchObjectsRequest(), operation="batch.objects"),
    ):
        # typed; a reply that happens to decode is fine too
        with contextlib.suppress(WeaviateBaseError):
            await asyncio.wait_for(call(), 20)
    garbling.reply = GOOD
    reply = await asyncio.wait_for(
        conn.search(search_get_pb2.SearchRequest(collection="A"), operation="query"), 20
    )
    assert reply.results[0].metadata.id.endswith("7")
