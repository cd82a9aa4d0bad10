"""Garbled gRPC replies and malformed REST replies through the real transports (issue 17, bad input): a grpclib server on
loopback answers Search and BatchObjects with bytes that are not the reply (truncated, flipped,
random); both transports must raise a typed error (a ``WeaviateBaseError``) within the call's
time limit, never protobuf's ``DecodeError``, and the connection must still work afterwards.
An aiohttp server on loopback answers the blocking client's REST calls with malformed JSON
(random shapes, truncated, random bytes, absurdly deep) under a few statuses: the calls end in a
typed error or a result, never another exception.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import orjson
import pytest
from aiohttp import web
from grpclib.const import Status
from grpclib.encoding.proto import ProtoCodec
from grpclib.exceptions import GRPCError
from grpclib.server import Server, Stream
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.unit.test_fuzz_bad_input import FUZZ
from weaviate_async.connect.connection import Connection
from weaviate_async.connect.params import AdditionalConfig, ConnectionParams, RetryConfig
from weaviate_async.exceptions import WeaviateBaseError
from weaviate_async.proto.weaviate.v1 import batch_pb2, search_get_pb2
from weaviate_async.proto.weaviate.v1.weaviate_grpc import WeaviateBase

# the module-scoped stub is shared by the examples on purpose
FUZZ_REPLIES = settings(
    FUZZ, suppress_health_check=[*FUZZ.suppress_health_check, HealthCheck.function_scoped_fixture]
)


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


# ------------------------------------------------------------------------------ REST replies


class _RestStub:
    """An aiohttp server on loopback, in a thread of its own, answering every request with the
    status and body set last."""

    def __init__(self) -> None:
        self.status = 200
        self.body: bytes = b"{}"
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.port = asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(10)

    async def _answer(self, request: web.Request) -> web.Response:
        return web.Response(status=self.status, body=self.body, content_type="application/json")

    async def _start(self) -> int:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._answer)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        return int(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture(scope="module")
def rest_stub() -> Iterator[tuple[_RestStub, Any]]:
    import weaviate_sync

    stub = _RestStub()
    client = weaviate_sync.connect_to_custom(
        http_host="127.0.0.1",
        http_port=stub.port,
        http_secure=False,
        grpc_host="127.0.0.1",
        grpc_port=1,
        grpc_secure=False,
        skip_init_checks=True,
        additional_config=weaviate_sync.config.AdditionalConfig(
            timeout=(5, 5, 5), retry=weaviate_sync.config.RetryConfig(max_tries=1)
        ),
    )
    try:
        yield stub, client
    finally:
        client.close()
        stub.close()


_CALLS: dict[str, Callable[[Any], Any]] = {
    "config.get": lambda c: c.collections.use("Article").config.get(),
    "collections.list_all": lambda c: c.collections.list_all(),
    "cluster.nodes": lambda c: c.cluster.nodes(output="verbose"),
    "backup.get_create_status": lambda c: c.backup.get_create_status("b1", "filesystem"),
    "roles.list_all": lambda c: c.roles.list_all(),
    "get_meta": lambda c: c.get_meta(),
    "data.exists": lambda c: c.collections.use("Article").data.exists(
        "00000000-0000-0000-0000-000000000001"
    ),
}
_junk_json = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.floats(allow_nan=False),
        st.text(max_size=6),
        st.sampled_from(["hnsw", "READY", "text", "weird"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.one_of(
                st.text(max_size=5),
                st.sampled_from(
                    ["class", "classes", "properties", "nodes", "status", "name", "roles"]
                ),
            ),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=12,
)
_bodies = st.one_of(
    _junk_json.map(orjson.dumps),
    st.binary(max_size=40),
    st.just(b'{"class": "Article", "properties": [{"name": 1}]'),  # truncated
    st.just(b"[" * 5000),  # absurdly deep
    st.just(b'{"classes": [{"class": "A", "vectorIndexConfig": {"ef": 1e999999}}]}'),
    st.just(b'{"version": 123456789012345678901234567890123456789}'),
)


@FUZZ_REPLIES
# found by this test: an empty meta reply raised TypeError, "classes": true raised TypeError
@example(call="get_meta", status=200, body=b"")
@example(call="collections.list_all", status=200, body=b'{"classes": true}')
@example(call="collections.list_all", status=200, body=b'{"classes": [1]}')
@given(
    call=st.sampled_from(sorted(_CALLS)),
    status=st.sampled_from([200, 200, 200, 404, 500]),
    body=_bodies,
)
def test_malformed_rest_replies_are_typed_errors(
    rest_stub: tuple[_RestStub, Any], call: str, status: int, body: bytes
) -> None:
    stub, client = rest_stub
    stub.status, stub.body = status, body
    with contextlib.suppress(WeaviateBaseError):
        _CALLS[call](client)
