"""The grpcio channel's recovery settings: connections of its own, reconnects at the retry
engine's pace, and a new channel when a lost connection left it in grpcio's backoff (the
faults themselves are in tests/integration/test_network_faults.py)."""

from __future__ import annotations

from typing import Any

import grpc

from weaviate_async.connect.grpcio_channel import GrpcioTransport
from weaviate_async.connect.params import AdditionalConfig, ConnectionParams, RetryConfig


def _transport(**retry: Any) -> GrpcioTransport:
    params = ConnectionParams.from_params(
        http_host="127.0.0.1",
        http_port=1,
        http_secure=False,
        grpc_host="127.0.0.1",
        grpc_port=1,
        grpc_secure=False,
    )
    config = AdditionalConfig(grpc_transport="grpcio", retry=RetryConfig(**retry))
    return GrpcioTransport(params, config, None)


async def test_connections_are_the_channels_own_and_reconnect_at_the_retry_pace() -> None:
    transport = _transport(initial_delay=0.3, max_delay=4.0)
    try:
        options = dict(transport._channel._options)
        # a reopened channel must not get the dead connection back from a shared pool
        assert options["grpc.use_local_subchannel_pool"] == 1
        assert options["grpc.initial_reconnect_backoff_ms"] == 300
        assert options["grpc.max_reconnect_backoff_ms"] == 4000
    finally:
        await transport.close()


async def test_a_lost_connection_in_backoff_gets_a_new_channel() -> None:
    transport = _transport()
    try:
        first = transport._channel._aio
        transport._lost = True
        transport._channel.state = lambda: grpc.ChannelConnectivity.TRANSIENT_FAILURE  # type: ignore[method-assign]
        await transport._leave_backoff()
        assert transport._channel._aio is not first
        assert transport._lost is False
        second = transport._channel._aio
        transport._channel.state = lambda: grpc.ChannelConnectivity.READY  # type: ignore[method-assign]
        transport._lost = True
        await transport._leave_backoff()
        assert transport._channel._aio is second  # a working channel is kept
    finally:
        await transport.close()


async def test_only_a_status_from_the_server_counts_as_an_answer() -> None:
    transport = _transport()

    def error(code: Any) -> Exception:
        return grpc.aio.AioRpcError(code, grpc.aio.Metadata(), grpc.aio.Metadata(), details="x")

    try:
        assert transport.answered(error(grpc.StatusCode.UNIMPLEMENTED))
        assert not transport.answered(error(grpc.StatusCode.DEADLINE_EXCEEDED))
        assert not transport.answered(error(grpc.StatusCode.UNAVAILABLE))
        assert not transport.answered(TimeoutError())
    finally:
        await transport.close()
