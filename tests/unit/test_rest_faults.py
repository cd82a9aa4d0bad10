"""REST faults a real server will not produce on demand, simulated with aioresponses: rate
limiting with Retry-After, 503 for idempotent and non-idempotent calls, broken and refused
connections, bodies that are not JSON, and running out of attempts or time.

The retry engine's clock is replaced (``tests/unit/retry_clock.py``): delays are recorded, not
waited for.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from email.utils import formatdate
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest
from aioresponses import aioresponses
from yarl import URL

from tests.unit.retry_clock import FakeClock
from weaviate_async.connect.connection import Connection
from weaviate_async.connect.params import AdditionalConfig, ConnectionParams, RetryConfig
from weaviate_async.exceptions import (
    ResponseCannotBeDecodedError,
    UnexpectedStatusCodeError,
    WeaviateConnectionError,
)

BASE = "http://127.0.0.1:18080/v1"
RETRY = RetryConfig(max_tries=4, max_time=30.0, initial_delay=0.2, max_delay=1.0)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    return FakeClock().install(monkeypatch)


async def _connection(retry: RetryConfig = RETRY) -> Connection:
    conn = Connection(
        ConnectionParams.from_url("http://127.0.0.1:18080", grpc_port=18081),
        config=AdditionalConfig(retry=retry),
        skip_init_checks=True,
    )
    await conn.connect()
    return conn


@pytest.fixture
async def conn() -> AsyncIterator[Connection]:
    c = await _connection()
    try:
        yield c
    finally:
        await c.close()


class _Response(aiohttp.ClientResponse):
    """aioresponses 0.7.9 (the latest) builds its responses without the ``stream_writer``
    argument that aiohttp 3.12+ requires; a finished request's writer only reports its size."""

    def __init__(self, method: str, url: URL, **kwargs: Any) -> None:
        kwargs.setdefault("stream_writer", SimpleNamespace(output_size=0))
        super().__init__(method, url, **kwargs)


@pytest.fixture
def mocked(monkeypatch: pytest.MonkeyPatch) -> Any:
    import aioresponses.core as core

    monkeypatch.setattr(core, "ClientResponse", _Response)
    with aioresponses() as m:
        yield m


def attempts(m: Any, method: str, path: str) -> int:
    return len(m.requests.get((method, URL(BASE + path)), []))


def error_body(message: str) -> bytes:
    return b'{"error":[{"message":"' + message.encode() + b'"}]}'


async def test_429_waits_for_retry_after_seconds(
    conn: Connection, mocked: Any, clock: FakeClock
) -> None:
    mocked.get(
        BASE + "/meta", status=429, body=error_body("slow down"), headers={"Retry-After": "2"}
    )
    mocked.get(BASE + "/meta", status=200, payload={"version": "1.39.0"})
    assert await conn.rest("GET", "/meta", operation="get_meta") == {"version": "1.39.0"}
    assert attempts(mocked, "GET", "/meta") == 2
    assert clock.sleeps == [2.0]  # the server's 2 s, not the shorter jittered delay


async def test_429_waits_for_retry_after_http_date_even_for_a_post(
    conn: Connection, mocked: Any, clock: FakeClock
) -> None:
    # 429 means the request was refused, so a write is retried too.
    when = formatdate(time.time() + 3, usegmt=True)
    mocked.post(
        BASE + "/objects", status=429, body=error_body("later"), headers={"Retry-After": when}
    )
    mocked.post(BASE + "/objects", status=200, payload={"id": "x"})
    reply = await conn.rest("POST", "/objects", operation="data.insert", json={"class": "A"})
    assert reply == {"id": "x"}
    assert attempts(mocked, "POST", "/objects") == 2
    assert len(clock.sleeps) == 1 and 1.9 <= clock.sleeps[0] <= 3.01


async def test_503_is_retried_for_an_idempotent_call(
    conn: Connection, mocked: Any, clock: FakeClock
) -> None:
    mocked.get(BASE + "/schema", status=503, body=error_body("busy"), repeat=2)
    mocked.get(BASE + "/schema", status=200, payload={"classes": []})
    assert await conn.rest("GET", "/schema", operation="collections.list_all") == {"classes": []}
    assert attempts(mocked, "GET", "/schema") == 3
    assert len(clock.sleeps) == 2
    assert clock.sleeps[0] <= 0.2 and clock.sleeps[1] <= 0.4  # jittered, exponential bounds


async def test_503_is_not_retried_for_a_post_that_may_have_been_applied(
    conn: Connection, mocked: Any, clock: FakeClock
) -> None:
    mocked.post(BASE + "/schema", status=503, body=error_body("overloaded"), repeat=True)
    with pytest.raises(UnexpectedStatusCodeError) as info:
        await conn.rest("POST", "/schema", operation="collections.create", json={"class": "A"})
    assert info.value.status_code == 503
    assert info.value.server_message == "overloaded"
    assert attempts(mocked, "POST", "/schema") == 1 and clock.sleeps == []


async def test_503_is_retried_for_a_post_declared_idempotent(
    conn: Connection, mocked: Any, clock: FakeClock
) -> None:
    mocked.post(BASE + "/graphql", status=503, body=error_body("busy"))
    mocked.post(BASE + "/graphql", status=200, payload={"data": {}})
    reply = await conn.rest(
        "POST", "/graphql", operation="graphql_raw_query", json={"query": "{}"}, idempotent=True
    )
    assert reply == {"data": {}}
    assert attempts(mocked, "POST", "/graphql") == 2


@pytest.mark.parametrize(
    "body", [b"{not json at all", b'{"version": "1.39', b"<html>502 Bad Gateway</html>"]
)
async def test_a_body_that_is_not_json_raises_naming_operation_and_path(
    conn: Connection, mocked: Any, body: bytes
) -> None:
    mocked.get(BASE + "/meta", status=200, body=body)
    with pytest.raises(ResponseCannotBeDecodedError) as info:
        await conn.rest("GET", "/meta", operation="get_meta")
    assert "get_meta" in str(info.value) and "/meta" in str(info.value)
    assert info.value.operation == "get_meta" and info.value.target == "/meta"
    assert attempts(mocked, "GET", "/meta") == 1


async def test_exhausted_attempts_raise_the_last_answer(
    conn: Connection, mocked: Any, clock: FakeClock
) -> None:
    for i in range(1, 5):
        mocked.get(BASE + "/nodes", status=503, body=error_body(f"busy {i}"))
    with pytest.raises(UnexpectedStatusCodeError) as info:
        await conn.rest("GET", "/nodes", operation="cluster.nodes")
    assert info.value.status_code == 503 and info.value.server_message == "busy 4"
    assert "cluster.nodes" in str(info.value) and "busy 4" in str(info.value)
    assert attempts(mocked, "GET", "/nodes") == 4 and len(clock.sleeps) == 3


async def test_the_deadline_stops_retries_and_keeps_the_servers_message(
    mocked: Any, clock: FakeClock
) -> None:
    conn = await _connection(
        RetryConfig(max_tries=100, max_time=2.0, initial_delay=0.5, max_delay=0.5)
    )
    try:
        mocked.get(BASE + "/meta", status=503, body=error_body("still busy"), repeat=True)
        with pytest.raises(UnexpectedStatusCodeError) as info:
            await conn.rest("GET", "/meta", operation="get_meta")
        assert info.value.server_message == "still busy"
        assert sum(clock.sleeps) <= 2.0
        assert attempts(mocked, "GET", "/meta") == len(clock.sleeps) + 1 < 100
        # A Retry-After beyond the deadline is not slept on: the call fails at once.
        mocked.get(
            BASE + "/schema", status=429, body=error_body("quota"), headers={"Retry-After": "60"}
        )
        clock.sleeps.clear()
        with pytest.raises(UnexpectedStatusCodeError, match="quota"):
            await conn.rest("GET", "/schema", operation="collections.list_all")
        assert clock.sleeps == [] and attempts(mocked, "GET", "/schema") == 1
    finally:
        await conn.close()


async def test_a_broken_connection_is_retried_only_when_idempotent(
    conn: Connection, mocked: Any, clock: FakeClock
) -> None:
    mocked.get(BASE + "/.well-known/ready", status=200, repeat=True)
    mocked.post(BASE + "/objects", exception=aiohttp.ServerDisconnectedError())
    with pytest.raises(WeaviateConnectionError, match="broke"):
        await conn.rest("POST", "/objects", operation="data.insert", json={"class": "A"})
    assert attempts(mocked, "POST", "/objects") == 1
    mocked.get(BASE + "/meta", exception=aiohttp.ServerDisconnectedError())
    mocked.get(BASE + "/meta", status=200, payload={"version": "1.39.0"})
    assert await conn.rest("GET", "/meta", operation="get_meta") == {"version": "1.39.0"}
    assert attempts(mocked, "GET", "/meta") == 2


def _refused() -> aiohttp.ClientConnectorError:
    key = SimpleNamespace(host="127.0.0.1", port=18080, ssl=True)
    return aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "Connect call failed"))


async def test_a_refused_connection_is_retried_for_a_write_once_the_server_is_ready(
    conn: Connection, mocked: Any, clock: FakeClock
) -> None:
    # Nothing was sent, so a POST is retried; after a lost connection the next attempt first
    # asks for readiness (a restarting server is not ready at once).
    mocked.post(BASE + "/objects", exception=_refused())
    mocked.get(BASE + "/.well-known/ready", status=503)
    mocked.get(BASE + "/.well-known/ready", status=200)
    mocked.post(BASE + "/objects", status=200, payload={"id": "x"})
    reply = await conn.rest("POST", "/objects", operation="data.insert", json={"class": "A"})
    assert reply == {"id": "x"}
    assert attempts(mocked, "POST", "/objects") == 2  # applied once
    assert attempts(mocked, "GET", "/.well-known/ready") == 2
    assert len(clock.sleeps) == 2
    # Ready again: later calls go straight to the server.
    mocked.get(BASE + "/meta", status=200, payload={"version": "1.39.0"})
    await conn.rest("GET", "/meta", operation="get_meta")
    assert attempts(mocked, "GET", "/.well-known/ready") == 2


async def test_refused_until_the_attempts_run_out(
    conn: Connection, mocked: Any, clock: FakeClock
) -> None:
    mocked.post(BASE + "/objects", exception=_refused())
    mocked.get(BASE + "/.well-known/ready", exception=_refused(), repeat=True)
    with pytest.raises(WeaviateConnectionError, match="not ready after a lost connection"):
        await conn.rest("POST", "/objects", operation="data.insert", json={"class": "A"})
    assert attempts(mocked, "POST", "/objects") == 1
    assert attempts(mocked, "GET", "/.well-known/ready") == 3


async def test_a_per_call_policy_replaces_the_clients(
    conn: Connection, mocked: Any, clock: FakeClock
) -> None:
    from weaviate_async.connect.retry import RetryPolicy

    patient = RetryPolicy(max_tries=10, max_time=60.0, initial_delay=0.1, idempotent=True)
    mocked.post(BASE + "/batch/objects", status=503, body=error_body("busy"), repeat=6)
    mocked.post(BASE + "/batch/objects", status=200, payload=[])
    reply = await conn.rest(
        "POST", "/batch/objects", operation="batch", json={"objects": []}, retry=patient
    )
    assert reply == []
    assert attempts(mocked, "POST", "/batch/objects") == 7  # beyond the client's 4 tries
    # An explicit idempotent=False wins over the policy's: no retry after a 503.
    mocked.post(BASE + "/batch/objects", status=503, body=error_body("busy"))
    with pytest.raises(UnexpectedStatusCodeError):
        await conn.rest(
            "POST", "/batch/objects", operation="batch", json={}, retry=patient, idempotent=False
        )
    assert attempts(mocked, "POST", "/batch/objects") == 8


_TORN = "get status for node node1: unmarshal node status: unexpected end of JSON input"


def _export_status(status: str) -> dict[str, Any]:
    return {"id": "e1", "backend": "filesystem", "status": status, "classes": ["A"]}


async def test_waiting_export_reads_past_a_node_status_file_being_rewritten(
    conn: Connection, mocked: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen with 1.39.0 on a real server, but only now and then: the status GET reads a node's
    # status file while that node rewrites it, and answers 500.
    from weaviate_async.export import namespace as export_ns
    from weaviate_async.models.export import ExportStorage
    from weaviate_async.outputs.export import ExportStatus

    monkeypatch.setattr(export_ns, "_FIRST_POLL", 0.0)
    path = BASE + "/export/filesystem/e1"
    mocked.get(path, status=200, payload=_export_status("STARTED"))
    mocked.get(path, status=500, body=error_body(_TORN))
    mocked.get(path, status=500, body=error_body(_TORN))
    mocked.get(path, status=200, payload=_export_status("SUCCESS"))
    target = export_ns.export_target("e1", ExportStorage.FILESYSTEM)
    done = await export_ns._ExportAsync(conn)._wait(target)
    assert done.status is ExportStatus.SUCCESS and done.collections == ["A"]
    assert attempts(mocked, "GET", "/export/filesystem/e1") == 4


@pytest.mark.parametrize("message", [_TORN, "shard failed"])
async def test_waiting_export_raises_a_status_that_stays_unreadable_or_another_500(
    conn: Connection, mocked: Any, monkeypatch: pytest.MonkeyPatch, message: str
) -> None:
    from weaviate_async.export import namespace as export_ns
    from weaviate_async.models.export import ExportStorage

    monkeypatch.setattr(export_ns, "_FIRST_POLL", 0.0)
    path = BASE + "/export/filesystem/e1"
    for _ in range(10):
        mocked.get(path, status=500, body=error_body(message))
    target = export_ns.export_target("e1", ExportStorage.FILESYSTEM)
    with pytest.raises(UnexpectedStatusCodeError) as failed:
        await export_ns._ExportAsync(conn)._wait(target)
    assert failed.value.status_code == 500 and failed.value.server_message == message
    expected = export_ns._TORN_READS + 1 if message == _TORN else 1
    assert attempts(mocked, "GET", "/export/filesystem/e1") == expected
