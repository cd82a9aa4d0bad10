"""The connection behind the gRPC transport interface: one attempt function for calls from the
loop and from a blocking caller's thread, one in-flight count that ``close()`` waits for, the
recovery state set from a failure's kind, and the header helpers. A scripted transport stands
in for grpclib and grpcio (their own behaviour is tested against the real server)."""

from __future__ import annotations

import asyncio
import threading
import warnings
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any

import pytest

from weaviate_async.connect._network import grpc_metadata, user_headers
from weaviate_async.connect._transport import GrpcTransport, StreamCall, run_now
from weaviate_async.connect.connection import Connection
from weaviate_async.connect.params import AdditionalConfig, ConnectionParams, RetryConfig
from weaviate_async.connect.retry import Failure, RetriableError
from weaviate_async.connect.rpc import Rpc
from weaviate_async.exceptions import WeaviateBaseError, WeaviateQueryError
from weaviate_async.proto.weaviate.v1 import search_get_pb2

REPLY = search_get_pb2.SearchReply(took=0.5)
REQUEST = search_get_pb2.SearchRequest(collection="C")


class Scripted(GrpcTransport):
    """A transport whose blocking call runs ``script`` in the caller's thread."""

    target = "127.0.0.1:1"

    def __init__(self, script: Callable[[], Any]) -> None:
        self.script = script
        self.calls: list[tuple[str, Sequence[tuple[str, str]], int]] = []
        self.blocking_unary = self._blocking

    def _blocking(
        self, rpc: Rpc[Any, Any], request: Any, timeout: float, metadata: Sequence[tuple[str, str]]
    ) -> Any:
        self.calls.append((rpc.path, metadata, threading.get_ident()))
        return self.script()

    async def unary(
        self, rpc: Rpc[Any, Any], request: Any, timeout: float, metadata: Sequence[tuple[str, str]]
    ) -> Any:
        self.calls.append((rpc.path, metadata, threading.get_ident()))
        return REPLY

    def stream(self, rpc: Rpc[Any, Any], metadata: Sequence[tuple[str, str]]) -> StreamCall:
        raise NotImplementedError

    async def health(self, timeout: float, metadata: Sequence[tuple[str, str]]) -> int:
        return 1

    def health_problem(self, exc: Exception) -> tuple[str, str | None]:
        return repr(exc), None

    def classify(
        self,
        exc: Exception,
        *,
        target: str,
        operation: str,
        limit: float,
        error: type[WeaviateBaseError],
        started: float | None,
    ) -> Exception:
        if isinstance(exc, ConnectionResetError):
            failed = WeaviateQueryError._with("lost", operation=operation, target=target)
            return RetriableError(Failure.BROKEN, failed)
        return exc

    def refuse_after_fork(self) -> None:
        pass

    async def close(self) -> None:
        pass


@pytest.fixture
async def conn() -> AsyncIterator[Connection]:
    c = Connection(
        ConnectionParams.from_url("http://127.0.0.1:18080", grpc_port=18081),
        headers={"X-Module-Key": "k"},
        config=AdditionalConfig(retry=RetryConfig(max_tries=1)),
        skip_init_checks=True,
    )
    await c.connect()
    try:
        yield c
    finally:
        await c.close()


def _install(conn: Connection, transport: Scripted) -> None:
    real = conn._transport
    assert real is not None
    conn._transport = transport
    asyncio.get_running_loop().create_task(real.close())


async def test_a_blocking_search_runs_its_attempt_in_the_callers_thread(
    conn: Connection,
) -> None:
    transport = Scripted(lambda: REPLY)
    _install(conn, transport)
    reply = await asyncio.to_thread(conn.search_blocking, REQUEST, operation="query.x")
    assert reply == REPLY
    [(path, metadata, thread)] = transport.calls
    assert path == "/weaviate.v1.Weaviate/Search"
    assert ("x-module-key", "k") in metadata
    assert thread != threading.get_ident()
    assert conn._blocking == 0


async def test_close_waits_for_a_blocking_call_in_flight(conn: Connection) -> None:
    started, release = threading.Event(), threading.Event()

    def script() -> Any:
        started.set()
        release.wait(10)
        return REPLY

    _install(conn, Scripted(script))
    call = asyncio.ensure_future(
        asyncio.to_thread(conn.search_blocking, REQUEST, operation="query.x")
    )
    assert await asyncio.to_thread(started.wait, 10)
    assert conn._blocking == 1
    closing = asyncio.ensure_future(conn.close())
    for _ in range(20):
        await asyncio.sleep(0)
    assert not closing.done()  # close() waits for the call it counts
    release.set()
    assert await call == REPLY
    await closing
    assert conn._blocking == 0 and not conn.is_connected


async def test_a_lost_connection_sets_the_recovery_state_once_for_any_transport(
    conn: Connection,
) -> None:
    def lost() -> Any:
        raise ConnectionResetError("reset by peer")

    _install(conn, Scripted(lost))
    assert not conn._recovering
    with pytest.raises(WeaviateQueryError, match="lost"):
        await asyncio.to_thread(conn.search_blocking, REQUEST, operation="query.x")
    assert conn._recovering
    assert conn._blocking == 0


@pytest.mark.parametrize(
    ("kind", "recovering"),
    [
        (Failure.UNSENT, True),
        (Failure.BROKEN, True),
        (Failure.UNAVAILABLE, False),
        (Failure.THROTTLED, False),
        (Failure.TIMEOUT, False),
    ],
)
def test_the_recovery_state_follows_the_failure_kind(kind: Failure, recovering: bool) -> None:
    conn = Connection(ConnectionParams.from_url("http://127.0.0.1:18080", grpc_port=18081))
    conn._note(RetriableError(kind, WeaviateQueryError._with("x", operation="o", target="t")))
    assert conn._recovering is recovering
    conn._note(ValueError("not a transport failure"))
    assert conn._recovering is recovering


def test_run_now_runs_a_coroutine_that_does_not_suspend() -> None:
    async def answer() -> int:
        return 42

    async def fails() -> int:
        raise KeyError("k")

    assert run_now(answer()) == 42
    with pytest.raises(KeyError):
        run_now(fails())


def test_grpc_metadata_lowers_names_and_replaces_by_name_in_any_case() -> None:
    first = grpc_metadata({"X-Key": "a", "Other": "o"}, "Bearer t")
    assert first == [("x-key", "a"), ("other", "o"), ("authorization", "Bearer t")]
    assert grpc_metadata(first, None, replaced_by={"X-KEY": "b"}) == [
        ("other", "o"),
        ("authorization", "Bearer t"),
        ("x-key", "b"),
    ]


def test_user_headers_drop_an_authorization_header_when_credentials_are_given() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert user_headers({"Authorization": "x"}, with_credentials=False, stacklevel=2) == {
            "Authorization": "x"
        }
    with pytest.warns(UserWarning, match="the header is ignored"):
        kept = user_headers({"authorization": "x", "k": "v"}, with_credentials=True, stacklevel=2)
    assert kept == {"k": "v"}


class RefusedAfterFork(Scripted):
    """A transport that, like grpcio's, cannot be used in a forked child."""

    def refuse_after_fork(self) -> None:
        from weaviate_async.exceptions import WeaviateClosedClientError

        raise WeaviateClosedClientError._with("cannot be used in a forked child: use spawn")


async def test_a_transport_refused_after_fork_is_refused_on_every_call(
    conn: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    from weaviate_async import _fork
    from weaviate_async.exceptions import WeaviateClosedClientError

    transport = RefusedAfterFork(lambda: REPLY)
    _install(conn, transport)
    rest = conn._rest
    # As seen from a forked child: the generation moved on since the client connected.
    monkeypatch.setattr(_fork, "_generation", _fork.generation() + 1)
    monkeypatch.setattr(_fork, "_abandoned", [])
    for _ in range(3):
        with pytest.raises(WeaviateClosedClientError, match="forked child: use spawn"):
            conn._require_open()
    # The inherited session and transport are kept, never closed, and no longer held.
    assert conn._rest is None
    assert conn._transport is None
    assert rest in _fork._abandoned
    assert transport in _fork._abandoned
    await conn.close()  # nothing to close in the child
