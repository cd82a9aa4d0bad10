"""The server-version gates: each feature newer than the oldest supported server (1.27.0) is
refused with WeaviateUnsupportedFeatureError, naming the feature and its minimum, before any
request; at the minimum version the request goes out.

The gate table (tests/version_gates.py) mirrors the official client 4.24.1's version checks;
tests/integration/test_version_gates.py runs it against the real server under test.
A client is built without connecting and given a server version; every transport method of
its connection raises ``_Sent``, so a call that passes its gate is seen to send and one that is
refused is seen not to.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

import weaviate_async
from tests.version_gates import GATES, Call, run_gated
from weaviate_async.connect.connection import MIN_SERVER_VERSION, parse_version
from weaviate_async.connect.params import ConnectionParams
from weaviate_async.exceptions import WeaviateUnsupportedFeatureError


class _Sent(Exception):
    """A request would have gone to the server."""


_TRANSPORT = (
    "rest",
    "rest_status",
    "search",
    "aggregate",
    "tenants_get",
    "batch_objects",
    "batch_references",
    "batch_delete",
    "batch_stream",
)


def _client(version: tuple[int, int, int]) -> weaviate_async.WeaviateAsyncClient:
    client = weaviate_async.WeaviateAsyncClient(
        connection_params=ConnectionParams.from_url("http://127.0.0.1:1", grpc_port=1),
        skip_init_checks=True,
    )
    conn = client._connection
    assert conn is not None
    conn.server_version = version

    def sent(*args: Any, **kwargs: Any) -> Any:
        raise _Sent

    for name in _TRANSPORT:
        setattr(conn, name, sent)
    return client


def _below(minimum: str) -> tuple[int, int, int]:
    major, minor, patch = parse_version(minimum)
    return (major, minor, patch - 1) if patch else (major, minor - 1, 99)


@pytest.mark.parametrize(("feature", "minimum", "call"), GATES)
async def test_gate_refuses_an_older_server_before_sending(
    feature: str, minimum: str, call: Call
) -> None:
    version = _below(minimum)
    with pytest.raises(WeaviateUnsupportedFeatureError) as info:
        await run_gated(call, _client(version))
    assert feature.lower() in info.value.feature.lower()
    assert info.value.minimum_version == minimum
    assert info.value.server_version == ".".join(map(str, version))
    assert minimum in str(info.value)


@pytest.mark.parametrize(("feature", "minimum", "call"), GATES)
async def test_gate_lets_the_minimum_version_through(
    feature: str, minimum: str, call: Call
) -> None:
    # _Sent: the request went out; a batch context returns without sending until entered
    with contextlib.suppress(_Sent):
        await run_gated(call, _client(parse_version(minimum)))


def test_every_gate_is_above_the_oldest_supported_server() -> None:
    assert all(parse_version(m) > MIN_SERVER_VERSION for _, m, _ in GATES)


async def test_unknown_version_leaves_the_decision_to_the_server() -> None:
    # skip_init_checks never reads /v1/meta: the version stays (0, 0, 0) and nothing is gated
    with pytest.raises(_Sent):
        await _client((0, 0, 0)).alias.list_all()
