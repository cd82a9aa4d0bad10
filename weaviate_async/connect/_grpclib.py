"""The default gRPC transport: a small pool of grpclib channels (pure asyncio).

Calls go round-robin over ``ConnectionConfig.grpc_channels`` channels (HTTP/2 connections), so
that large batches do not queue behind each other in one connection's flow control. Through a
proxy, each channel opens its own CONNECT tunnel (:mod:`.grpc_proxy`). After fork the
connection opens a new pool in the child: nothing of grpclib outlives its event loop.
"""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import TYPE_CHECKING, Any

from grpclib.client import Channel
from grpclib.encoding.proto import ProtoCodec
from grpclib.exceptions import GRPCError, StreamTerminatedError

from weaviate_async.connect._network import ssl_context, tls_problem
from weaviate_async.connect._transport import (
    BlockingUnary,
    GrpcTransport,
    Metadata,
    retriable,
    status_failure,
    timeout_failure,
)
from weaviate_async.connect.grpc_proxy import ProxiedChannel, ProxyTunnelError
from weaviate_async.connect.retry import Failure
from weaviate_async.exceptions import WeaviateBaseError, WeaviateConnectionError

if TYPE_CHECKING:
    from grpclib.client import Stream

    from weaviate_async.connect.grpc_proxy import ProxyURL
    from weaviate_async.connect.params import AdditionalConfig, ConnectionParams
    from weaviate_async.connect.rpc import Rpc

__all__ = ["GrpclibPool", "GrpclibStreamCall", "PassThroughCodec"]


class PassThroughCodec(ProtoCodec):
    """grpclib's protobuf codec, except that a ``bytes`` request is sent as it is.

    The bytes must be the serialization of the method's request type (a concatenation of
    serialized fields is one: protobuf merges repeated fields on parsing).
    """

    def encode(self, message: Any, message_type: Any) -> bytes:
        """The message's wire form: ``bytes`` unchanged, a message serialized."""
        if type(message) is bytes:
            return message
        return super().encode(message, message_type)


class GrpclibPool(GrpcTransport):
    """The grpclib implementation of :class:`~._transport.GrpcTransport`."""

    #: grpclib runs on an event loop only: blocking callers hop onto the connection's loop.
    blocking_unary: BlockingUnary | None = None

    def __init__(
        self, params: ConnectionParams, config: AdditionalConfig, proxy: ProxyURL | None
    ) -> None:
        grpc = params.grpc
        self.target = f"{grpc.host}:{grpc.port}"
        self._where = f"gRPC {self.target}"
        grpc_ssl = ssl_context(config, alpn_h2=True) if grpc.secure else None
        # One codec for every channel: it passes pre-encoded requests through. Status details
        # (google.rpc.Status) are not decoded: errors are mapped from the status and message.
        codec = PassThroughCodec()
        count = config.connection.grpc_channels
        if proxy is None:
            self._channels: list[Channel] = [
                Channel(grpc.host, grpc.port, ssl=grpc_ssl, codec=codec) for _ in range(count)
            ]
        else:
            self._channels = [
                ProxiedChannel(grpc.host, grpc.port, ssl=grpc_ssl, proxy=proxy, codec=codec)
                for _ in range(count)
            ]
        self._next = 0

    def _channel(self) -> Channel:
        channels = self._channels
        index = self._next = (self._next + 1) % len(channels)
        return channels[index]

    async def unary(
        self, rpc: Rpc[Any, Any], request: Any, timeout: float, metadata: Metadata
    ) -> Any:
        """One unary call on the next channel of the pool."""
        stream = self._channel().request(
            rpc.path,
            rpc.cardinality,
            rpc.request_type,
            rpc.reply_type,
            timeout=timeout,
            metadata=metadata,
        )
        async with stream:
            await stream.send_message(request, end=True)
            return await stream.recv_message()

    def stream(self, rpc: Rpc[Any, Any], metadata: Metadata) -> GrpclibStreamCall:
        """A bidirectional call on the next channel of the pool."""
        return GrpclibStreamCall(
            self._channel().request(
                rpc.path,
                rpc.cardinality,
                rpc.request_type,
                rpc.reply_type,
                metadata=metadata,
            )
        )

    async def health(self, timeout: float, metadata: Metadata) -> int:
        """The gRPC health service's status, asked on the first channel."""
        from weaviate_async.proto.grpc.health.v1 import health_pb2
        from weaviate_async.proto.grpc.health.v1.health_grpc import HealthStub

        reply = await HealthStub(self._channels[0]).Check(
            health_pb2.HealthCheckRequest(),
            timeout=timeout,
            metadata=metadata,
        )
        status: int = reply.status
        return status

    def health_problem(self, exc: Exception) -> tuple[str, str | None]:
        """Why a health check failed, with a hint where one helps."""
        if isinstance(exc, ProxyTunnelError):
            return str(exc), "check Proxies.grpc"
        tls = tls_problem(exc)
        if tls is not None:
            return tls, "check AdditionalConfig(tls=...) and grpc_secure"
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
        """grpclib's failures as the client's exceptions (see the protocol)."""
        if isinstance(exc, (asyncio.TimeoutError, TimeoutError)):
            return timeout_failure(operation, target, limit)
        if isinstance(exc, GRPCError):
            return status_failure(
                exc.status.name,
                exc.message,
                exc,
                operation=operation,
                target=target,
                error=error,
            )
        if isinstance(exc, StreamTerminatedError):
            # The connection was lost or the stream reset after the request went out.
            broken = WeaviateConnectionError(
                f"{operation} failed: {self._where} broke the call ({exc})",
                operation=operation,
                target=target,
            )
            return retriable(Failure.BROKEN, broken, exc)
        if isinstance(exc, OSError):
            # Raised while opening the connection (or the proxy tunnel): nothing was sent.
            tls = tls_problem(exc)
            if isinstance(exc, ProxyTunnelError):
                transient, reason = exc.transient, str(exc)
            else:
                transient, reason = tls is None, tls or f"{type(exc).__name__}: {exc}"
            unreachable = WeaviateConnectionError(
                f"{operation} failed: {self._where} unreachable ({reason})",
                operation=operation,
                target=target,
            )
            unreachable.__cause__ = exc
            if not transient:
                return unreachable
            return retriable(Failure.UNSENT, unreachable, exc)
        return exc

    def refuse_after_fork(self) -> None:
        """Nothing to refuse: a forked child opens a pool of its own."""

    async def close(self) -> None:
        """Close every channel of the pool."""
        channels, self._channels = self._channels, []
        for channel in channels:
            channel.close()


class GrpclibStreamCall:
    """A grpclib ``Stream`` as a :class:`~._transport.StreamCall`."""

    __slots__ = ("_stream",)

    def __init__(self, stream: Stream[Any, Any]) -> None:
        self._stream = stream

    async def __aenter__(self) -> GrpclibStreamCall:
        await self._stream.__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._stream.__aexit__(exc_type, exc, tb)

    @property
    def ended(self) -> bool:
        """Whether the client's side was ended."""
        return bool(self._stream._end_done)

    async def send(self, message: Any) -> None:
        """Send one message."""
        await self._stream.send_message(message)

    async def recv(self) -> Any:
        """The next message, or None at the server's end."""
        return await self._stream.recv_message()

    async def end(self) -> None:
        """Half-close the client's side."""
        await self._stream.end()

    async def finish(self) -> None:
        """Read the trailers: an error status raises GRPCError."""
        await self._stream.recv_trailing_metadata()

    async def abandon(self) -> None:
        """Cancel the call when its request went out."""
        if self._stream._send_request_done:
            await self._stream.cancel()

    def failure(self, exc: Exception) -> Exception:
        """A server that fails the call sends its status in trailers and then resets the
        stream; the status says more than the reset. grpclib reads it the same way when its own
        context manager exits (``_maybe_raise`` is private API of grpclib 0.4)."""
        if isinstance(exc, StreamTerminatedError):
            try:
                self._stream._maybe_raise()
            except GRPCError as status:
                return status
        return exc
