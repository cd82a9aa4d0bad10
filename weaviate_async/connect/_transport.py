"""The gRPC transport interface: what the connection asks of a gRPC library.

Two implementations stand behind it, each in its own module: a pool of grpclib channels
(:mod:`._grpclib`, the default: pure asyncio, rebuilt after fork) and a grpcio channel
(:mod:`.grpcio_channel`, ``AdditionalConfig(grpc_transport="grpcio")``). The connection holds
one :class:`GrpcTransport` (``_grpc_transport.open_grpc_transport``, the one place that names
the implementations, opens the one the configuration names) and never asks which: it sends unary
calls, opens the ``BatchStream`` call, asks for health, and has the transport classify a
failure into the client's exceptions (:func:`retriable` for what another attempt may mend).
What a failure means for the connection (a readiness probe before the next call) is decided
by the connection, from the failure's kind.

:class:`BatchStream` is the handle the batch engine holds on an open stream, the same on both
transports.
"""

from __future__ import annotations

import abc
import asyncio
import sys
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from grpclib.const import Cardinality

from weaviate_async.connect import errors
from weaviate_async.connect._network import tls_problem
from weaviate_async.connect.grpc_proxy import ProxyTunnelError
from weaviate_async.connect.retry import Failure, RetriableError
from weaviate_async.exceptions import WeaviateBaseError, WeaviateConnectionError

if TYPE_CHECKING:
    from weaviate_async.connect.rpc import Rpc
    from weaviate_async.proto.weaviate.v1 import batch_pb2

__all__ = [
    "GRPC_RETRIABLE",
    "BatchStream",
    "BlockingUnary",
    "GrpcTransport",
    "StreamCall",
    "health_rpc",
    "retriable",
    "run_now",
    "status_failure",
    "timeout_failure",
]

T = TypeVar("T")
TLS_HINT = "check AdditionalConfig(tls=...) and grpc_secure"
Metadata = Sequence[tuple[str, str]]

#: A unary call in the caller's thread: ``(rpc, request, timeout, metadata) -> reply``.
BlockingUnary = Callable[["Rpc[Any, Any]", Any, float, Metadata], Any]


async def _limited(awaitable: Awaitable[T], seconds: float) -> T:
    """``await awaitable`` within ``seconds`` (TimeoutError after)."""
    if sys.version_info >= (3, 11):
        async with asyncio.timeout(seconds):
            return await awaitable
    return await asyncio.wait_for(awaitable, seconds)  # pragma: no cover - Python 3.10


def run_now(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` to its end in the caller's thread, without an event loop: an attempt
    through a transport's blocking call has nothing to wait for on a loop, so the one attempt
    function serves blocking callers too."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        result: T = done.value
        return result
    coroutine.close()
    raise RuntimeError("a blocking attempt waited on the event loop")  # pragma: no cover


class StreamCall(Protocol):
    """One open bidirectional call, as a transport gives it to :class:`BatchStream`."""

    async def __aenter__(self) -> StreamCall: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    @property
    def ended(self) -> bool:
        """Whether the client's side was ended (half-closed)."""
        ...

    async def send(self, message: Any) -> None:
        """Send one message (``bytes`` go as they are)."""
        ...

    async def recv(self) -> Any:
        """The next message, or None at the server's end."""
        ...

    async def end(self) -> None:
        """Half-close the client's side."""
        ...

    async def finish(self) -> None:
        """Wait for the call's final status; an error status raises."""
        ...

    async def abandon(self) -> None:
        """Cancel the call, if its request went out: nothing more is wanted from the server."""
        ...

    def failure(self, exc: Exception) -> Exception:
        """The exception that says most about ``exc``: the server's own status when it sent
        one before resetting the stream, else ``exc``."""
        ...


class GrpcTransport(abc.ABC):
    """What the connection needs of a gRPC library; see the module's docstring. An
    implementation provides the abstract methods; health checks, the failures every library
    shares (time-outs, a connection that cannot be opened) and their messages are the same for
    all."""

    #: ``host:port`` of the server's gRPC endpoint, for messages.
    target: str

    #: A unary call in the caller's thread (no event loop), or None when the transport has
    #: none: blocking callers then hop onto the connection's loop.
    blocking_unary: BlockingUnary | None = None

    def blocking_call(self) -> BlockingUnary | None:
        """The blocking unary call usable in the caller's thread now, or None: the caller then
        hops onto the connection's loop. By default :attr:`blocking_unary`."""
        return self.blocking_unary

    @abc.abstractmethod
    async def unary(
        self, rpc: Rpc[Any, Any], request: Any, timeout: float, metadata: Metadata
    ) -> Any:
        """One unary call: the reply, or None when the server answered no message."""
        ...

    @abc.abstractmethod
    def stream(self, rpc: Rpc[Any, Any], metadata: Metadata) -> StreamCall:
        """A bidirectional call, opened when entered."""
        ...

    def health_problem(self, exc: Exception) -> tuple[str, str | None]:
        """Why a health check failed with ``exc``, and a hint (None: the default one)."""
        if isinstance(exc, ProxyTunnelError):
            return str(exc), "check Proxies.grpc"
        tls = tls_problem(exc)
        if tls is not None:
            return tls, TLS_HINT
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
        """The exception for a failed call: a RetriableError holding the mapped exception, the
        mapped exception itself, or ``exc`` unchanged (not a transport failure). ``started``:
        when the attempt began (``retry._now()``)."""
        if isinstance(exc, (asyncio.TimeoutError, TimeoutError)):
            return timeout_failure(operation, target, limit)
        failure = self._library_failure(exc, operation, target, limit, error, started)
        if failure is not None or not isinstance(exc, OSError):
            return exc if failure is None else failure
        # Raised while opening the connection (or the proxy tunnel): nothing was sent.
        tls = tls_problem(exc)
        if isinstance(exc, ProxyTunnelError):
            transient, reason = exc.transient, str(exc)
        else:
            transient, reason = tls is None, tls or f"{type(exc).__name__}: {exc}"
        unreachable = self._unreachable(operation, target, reason)
        if transient:
            return retriable(Failure.UNSENT, unreachable, exc)
        unreachable.__cause__ = exc
        return unreachable

    def _library_failure(
        self,
        exc: Exception,
        operation: str,
        target: str,
        limit: float,
        error: type[WeaviateBaseError],
        started: float | None,
    ) -> Exception | None:
        """What :meth:`classify` makes of the library's own failures (statuses, lost
        streams), or None for the failures every transport shares (time-outs, OSError)."""
        return None

    def _unreachable(self, operation: str, target: str, reason: str) -> WeaviateConnectionError:
        return WeaviateConnectionError(
            f"{operation} failed: gRPC {self.target} unreachable ({reason})",
            operation=operation,
            target=target,
        )

    def _broke(self, operation: str, target: str, reason: str) -> WeaviateConnectionError:
        # The connection was lost or the stream reset after the request may have gone out.
        return WeaviateConnectionError(
            f"{operation} failed: gRPC {self.target} broke the call ({reason})",
            operation=operation,
            target=target,
        )

    def refuse_after_fork(self) -> None:
        """Raise WeaviateClosedClientError when this transport cannot be rebuilt in a forked
        child (else, by default, the connection opens a new one there)."""
        return None

    @abc.abstractmethod
    async def close(self) -> None:
        """Close the channels (calls in flight are cancelled)."""
        ...

    async def revive(self, timeout: float, metadata: Metadata) -> None:
        """After a call ran out of time: drop every connection that no longer answers a health
        check within ``timeout`` (a half-open connection, a hung server), so that the next call
        opens a new one instead of waiting on a dead one. A connection that answers is kept
        (the server was only slow). By default the one channel is checked and reopened."""
        try:
            await _limited(self.unary(health_rpc(), _health_request(), timeout, metadata), timeout)
        except Exception as exc:
            if not self.answered(exc):
                await self.reopen()

    def answered(self, exc: Exception) -> bool:
        """Whether a failed call's ``exc`` is a status the server sent (the connection lives)."""
        return False

    async def reopen(self) -> None:
        """Close the channel and open a new one (calls in flight on it fail as broken)."""
        return None

    async def check_health(
        self, timeout: float, metadata: Callable[[], Awaitable[Metadata]]
    ) -> None:
        """Ask the gRPC health service whether the server serves.

        Raises:
            WeaviateGRPCUnavailableError: no answer, or not SERVING.
        """
        from weaviate_async.exceptions import WeaviateGRPCUnavailableError
        from weaviate_async.proto.grpc.health.v1 import health_pb2

        target = self.target
        health = health_rpc()
        try:
            reply = await self.unary(health, _health_request(), timeout, await metadata())
            status = reply.status if reply is not None else health_pb2.HealthCheckResponse.UNKNOWN
        except Exception as exc:
            if isinstance(exc, WeaviateBaseError):
                raise
            reason, hint = (
                ("timed out", None)
                if isinstance(exc, asyncio.TimeoutError)
                else self.health_problem(exc)
            )
            hint = hint or "check the gRPC host and port and that nothing blocks them"
            raise WeaviateGRPCUnavailableError._with(
                f"the gRPC endpoint {target} did not answer a health check ({reason}); {hint}",
                operation="connect.grpc_health",
                target=health.target,
            ) from exc
        if status != health_pb2.HealthCheckResponse.SERVING:
            raise WeaviateGRPCUnavailableError._with(
                f"the gRPC endpoint {target} is not serving (status {status})",
                operation="connect.grpc_health",
                target=health.target,
            )


def health_rpc() -> Rpc[Any, Any]:
    """The ``grpc.health.v1.Health/Check`` call."""
    from weaviate_async.connect.rpc import Rpc
    from weaviate_async.exceptions import WeaviateGRPCUnavailableError
    from weaviate_async.proto.grpc.health.v1 import health_pb2

    return Rpc(
        "/grpc.health.v1.Health/Check",
        Cardinality.UNARY_UNARY,
        health_pb2.HealthCheckRequest,
        health_pb2.HealthCheckResponse,
        "query",
        True,
        WeaviateGRPCUnavailableError,
    )


def _health_request() -> Any:
    from weaviate_async.proto.grpc.health.v1 import health_pb2

    return health_pb2.HealthCheckRequest()


def retriable(
    kind: Failure,
    error: WeaviateBaseError,
    cause: BaseException | None = None,
    *,
    retry_after: float = 0.0,
) -> RetriableError:
    """``error`` (caused by ``cause``) as a failure another attempt may mend."""
    error.__cause__ = cause
    return RetriableError(kind, error, retry_after=retry_after)


#: gRPC statuses that another attempt may mend, and their kind.
GRPC_RETRIABLE = {
    "UNAVAILABLE": Failure.UNAVAILABLE,
    "RESOURCE_EXHAUSTED": Failure.THROTTLED,
    "DEADLINE_EXCEEDED": Failure.TIMEOUT,
}


def timeout_failure(operation: str, target: str, limit: float) -> RetriableError:
    """An attempt that ran out of its time limit."""
    return retriable(Failure.TIMEOUT, errors.timeout_error(operation, target, limit))


def status_failure(
    status: str,
    message: str | None,
    cause: Exception,
    *,
    operation: str,
    target: str,
    error: type[WeaviateBaseError],
) -> Exception:
    """The exception for a gRPC status the server (or the library) reported."""
    mapped = errors.grpc_error(status, message, operation=operation, target=target, default=error)
    mapped.__cause__ = cause
    kind = GRPC_RETRIABLE.get(status)
    return mapped if kind is None else retriable(kind, mapped, cause)


class BatchStream:
    """An open ``BatchStream`` call (from ``Connection.batch_stream``).

    Messages are :class:`~weaviate_async.proto.weaviate.v1.batch_pb2.BatchStreamRequest`
    values or their serialization (``bytes``). Each send and receive is limited by the
    stream's time limit; failures raise the mapped exceptions, as unary calls do.
    """

    __slots__ = ("_call", "_fail", "_finished", "_limit")

    def __init__(
        self, call: StreamCall, fail: Callable[[Exception], Exception], limit: float
    ) -> None:
        self._call = call
        self._fail = fail
        self._limit = limit
        self._finished = False

    def _raise(self, exc: Exception) -> None:
        # The mapped exception of a failed stream operation (streams are never retried), or a
        # return for the caller's bare ``raise`` when ``exc`` is no transport failure.
        failure = self._fail(self._call.failure(exc))
        if failure is not exc:
            raise failure from exc

    async def _guarded(self, awaitable: Awaitable[T]) -> T:
        # One operation within the stream's time limit, its failure mapped.
        try:
            return await _limited(awaitable, self._limit)
        except Exception as exc:
            self._raise(exc)
            raise

    async def send(self, message: batch_pb2.BatchStreamRequest | bytes) -> None:
        """Send one message (the first one also opens the HTTP/2 stream)."""
        await self._guarded(self._call.send(message))

    async def recv(self) -> batch_pb2.BatchStreamReply | None:
        """The next message from the server, or None when the server ended the stream.

        At the end, the client's side is ended too (if it was not) and the server's final
        status is read: an error status raises its mapped exception. After the end, None again.
        """
        if self._finished:
            return None
        return await self._guarded(self._recv())

    async def _recv(self) -> batch_pb2.BatchStreamReply | None:
        call = self._call
        reply: batch_pb2.BatchStreamReply | None = await call.recv()
        if reply is None:
            self._finished = True
            if not call.ended:
                await call.end()
            await call.finish()
        return reply

    async def end(self) -> None:
        """End the client's side of the stream (HTTP/2 half-close); replies still arrive.
        Idempotent."""
        if not self._call.ended:
            await self._guarded(self._call.end())
