"""The optional gRPC transport over grpcio (``AdditionalConfig(grpc_transport="grpcio")``).

One :class:`~.grpcio_channel.GrpcioChannel`: ``grpc.aio`` for calls from the connection's
loop, and a blocking channel for the blocking facade's searches, which then run in the
caller's thread (:attr:`GrpcioTransport.blocking_unary`). grpcio reports transport failures
(refused connections, lost connections, TLS and proxy failures) as statuses whose details say
which; :meth:`GrpcioTransport.classify` reads them. A forked child cannot use grpcio's core:
the transport refuses to be rebuilt there.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any

from weaviate_async.connect import retry as retry_engine
from weaviate_async.connect._transport import (
    TLS_HINT,
    BlockingUnary,
    GrpcTransport,
    Metadata,
    retriable,
    status_failure,
    timeout_failure,
)
from weaviate_async.connect.grpc_proxy import auth_hint
from weaviate_async.connect.grpcio_channel import GrpcioChannel, status_of
from weaviate_async.connect.retry import Failure
from weaviate_async.exceptions import WeaviateBaseError, WeaviateClosedClientError

if TYPE_CHECKING:
    from weaviate_async.connect.grpc_proxy import ProxyURL
    from weaviate_async.connect.params import AdditionalConfig, ConnectionParams
    from weaviate_async.connect.rpc import Rpc

__all__ = ["GrpcioStreamCall", "GrpcioTransport"]


class GrpcioTransport(GrpcTransport):
    """The grpcio implementation of :class:`~._transport.GrpcTransport`."""

    def __init__(
        self, params: ConnectionParams, config: AdditionalConfig, proxy: ProxyURL | None
    ) -> None:
        grpc = params.grpc
        self.target = f"{grpc.host}:{grpc.port}"
        self._proxy = proxy
        self._channel = GrpcioChannel(
            grpc.host,
            grpc.port,
            secure=grpc.secure,
            tls=config.tls,
            proxy=proxy.url if proxy is not None else None,
            max_message_size=config.connection.grpc_max_message_size,
        )
        self.blocking_unary: BlockingUnary | None = self._blocking_unary

    async def unary(
        self, rpc: Rpc[Any, Any], request: Any, timeout: float, metadata: Metadata
    ) -> Any:
        """One unary call on ``grpc.aio``."""
        return await self._channel.unary(rpc.path, rpc.reply_type)(
            request, timeout=timeout, metadata=metadata or None
        )

    def _blocking_unary(
        self, rpc: Rpc[Any, Any], request: Any, timeout: float, metadata: Metadata
    ) -> Any:
        return self._channel.blocking_unary(rpc.path, rpc.reply_type)(
            request, timeout=timeout, metadata=metadata or None
        )

    def stream(self, rpc: Rpc[Any, Any], metadata: Metadata) -> GrpcioStreamCall:
        """A bidirectional ``grpc.aio`` call, started when entered."""
        return GrpcioStreamCall(self._channel.stream(rpc.path, rpc.reply_type), metadata)

    def health_problem(self, exc: Exception) -> tuple[str, str | None]:
        """Why a health check failed, read from grpcio's status, with a hint where one helps."""
        status = status_of(exc)
        if status is None:
            return super().health_problem(exc)
        name, details = status
        if name == "DEADLINE_EXCEEDED":
            return "timed out", None
        tls = _tls_problem(details)
        if tls is not None:
            return tls, TLS_HINT
        proxied = self._proxy_problem(details)
        if proxied is not None:
            return proxied, "check Proxies.grpc"
        return f"{name}: {details}", None

    def _library_failure(
        self,
        exc: Exception,
        operation: str,
        target: str,
        limit: float,
        error: type[WeaviateBaseError],
        started: float | None,
    ) -> Exception | None:
        """grpcio's statuses (transport failures among them, told apart by their details)."""
        status = status_of(exc)
        if status is None:
            return None
        overdue = started is not None and retry_engine._now() - started >= limit
        return self._status_failure(status, exc, target, operation, limit, error, overdue)

    def _status_failure(
        self,
        status: tuple[str, str],
        exc: Exception,
        target: str,
        operation: str,
        limit: float,
        error: type[WeaviateBaseError],
        overdue: bool,
    ) -> Exception:
        # ``overdue``: the attempt's time limit had passed when it failed.
        name, details = status
        if (
            name == "DEADLINE_EXCEEDED"
            and ("Deadline Exceeded" in details or "RST_STREAM" in details)
        ) or (name == "CANCELLED" and "RST_STREAM" in details and overdue):
            # The client's own deadline, noticed by grpcio or by the server, which then resets
            # the stream: grpcio reports that as DEADLINE_EXCEEDED or, when the server's reset
            # (CANCEL) arrives first, as CANCELLED (a status the server sends itself carries its
            # message).
            failure = timeout_failure(operation, target, limit)
            failure.error.__cause__ = exc
            return failure
        if name == "UNAVAILABLE":
            tls = _tls_problem(details)
            if tls is not None:  # never retried: the next attempt fails the same way
                failed = self._unreachable(operation, target, tls)
                failed.__cause__ = exc
                return failed
            if _unsent(details) or "response code" in details:
                reason = self._proxy_problem(details) or details
                return retriable(Failure.UNSENT, self._unreachable(operation, target, reason), exc)
            if _lost(details):
                return retriable(Failure.BROKEN, self._broke(operation, target, details), exc)
        return status_failure(name, details, exc, operation=operation, target=target, error=error)

    def _proxy_problem(self, details: str) -> str | None:
        """What a grpcio failure says about the gRPC proxy, when one is configured (grpcio
        opens the CONNECT tunnel itself and reports its failures in the status details)."""
        proxy = self._proxy
        if proxy is None:
            return None
        where = f"the proxy {proxy.display}"
        if "response code 407" in details:
            return f"{where} refused the tunnel with 407 Proxy Authentication Required" + auth_hint(
                proxy
            )
        if "response code" in details:
            return f"{where} refused the tunnel ({details})"
        if _unsent(details):
            return f"{where} is unreachable ({details})"
        return None

    def refuse_after_fork(self) -> None:
        """grpcio's core (its threads, its pollers) does not survive fork: refuse clearly
        rather than hang in the child."""
        raise WeaviateClosedClientError._with(
            'a client on the grpcio transport (grpc_transport="grpcio") cannot be used in '
            "a process forked from the one that connected it (nor can a new one be opened "
            'there): use grpc_transport="grpclib", which reconnects after a fork, or start '
            'the process with the "spawn" method'
        )

    async def close(self) -> None:
        """Close the channels."""
        await self._channel.close()


def _tls_problem(details: str) -> str | None:
    """A hint for a grpcio TLS failure (grpcio reports it as UNAVAILABLE), else None."""
    upper = details.upper()
    if "CERTIFICATE_VERIFY_FAILED" in upper or "CERTIFICATE VERIFY FAILED" in upper:
        return (
            f"the server's TLS certificate could not be verified ({details}); trust the CA "
            "that signed it with TLSConfig(ca_bundle=...)"
        )
    if "SSL" in upper and "HANDSHAKE" in upper:
        return f"the TLS handshake failed ({details})"
    return None


def _unsent(details: str) -> bool:
    """Whether a grpcio UNAVAILABLE says the connection could not be opened (nothing sent)."""
    text = details.lower()
    return "failed to connect" in text or "connection refused" in text or "dns resolution" in text


def _lost(details: str) -> bool:
    """Whether a grpcio UNAVAILABLE says the connection broke (not the server's own status)."""
    text = details.lower()
    return any(
        words in text
        for words in (
            "socket closed",
            "connection reset",
            "broken pipe",
            "goaway",
            "end of tcp stream",
            "connection aborted",
            "recvmsg",
            "sendmsg",
        )
    )


class GrpcioStreamCall:
    """A ``grpc.aio`` bidirectional call as a :class:`~._transport.StreamCall`."""

    __slots__ = ("_call", "_ended", "_metadata", "_multicallable")

    def __init__(self, multicallable: Any, metadata: Metadata) -> None:
        self._multicallable = multicallable
        self._metadata = list(metadata) or None
        self._call: Any = None
        self._ended = False

    async def __aenter__(self) -> GrpcioStreamCall:
        self._call = self._multicallable(metadata=self._metadata)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        call = self._call
        if call is not None and not call.done() and exc is not None:
            call.cancel()

    @property
    def ended(self) -> bool:
        """Whether the client's side was ended."""
        return self._ended

    async def send(self, message: Any) -> None:
        """Send one message (bytes go as they are)."""
        try:
            await self._call.write(message)
        except Exception:
            # The call ended while the message was being written (a server that refuses the
            # call at once, e.g. UNAUTHENTICATED): grpcio then reports "Internal error from
            # Core" for the write; the call's own status says why.
            import grpc

            code = await self._call.code()
            if code is not None and code not in (grpc.StatusCode.OK, grpc.StatusCode.INTERNAL):
                raise await self._status_error(code) from None
            raise

    async def _status_error(self, code: Any) -> Exception:
        import grpc.aio

        error: Exception = grpc.aio.AioRpcError(
            code,
            await self._call.initial_metadata(),
            await self._call.trailing_metadata(),
            details=await self._call.details(),
        )
        return error

    async def recv(self) -> Any:
        """The next message, or None at the server's end (an error status raises)."""
        import grpc.aio

        item = await self._call.read()
        return None if item is grpc.aio.EOF else item

    async def end(self) -> None:
        """Half-close the client's side."""
        if not self._ended:
            self._ended = True
            await self._call.done_writing()

    async def finish(self) -> None:
        """Wait for the call's end; an error status raises as the read would have."""
        import grpc

        code = await self._call.code()
        if code != grpc.StatusCode.OK:
            raise await self._status_error(code)

    async def abandon(self) -> None:
        """Cancel the call."""
        if self._call is not None:
            self._call.cancel()

    def failure(self, exc: Exception) -> Exception:
        """grpcio reports the server's status on the failed operation itself."""
        return exc
