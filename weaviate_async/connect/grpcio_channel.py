"""The optional gRPC transport over grpcio (``pip install "weaviate-async[grpcio]"``):
:class:`GrpcioTransport` behind the connection's transport interface, and its channels.

Chosen with ``AdditionalConfig(grpc_transport="grpcio")`` (or the environment variable
``WEAVIATE_ASYNC_GRPC_TRANSPORT=grpcio`` when the config leaves it unset). grpcio's C core does
HTTP/2 (framing, HPACK, flow control) outside the interpreter, where grpclib does it in Python
with h2, which is most of a small search's client CPU.

One :class:`GrpcioChannel`: calls from the connection's event loop go through ``grpc.aio``; the
blocking facade's searches use a blocking grpcio channel of their own
(:meth:`GrpcioChannel.blocking_unary`), called in the caller's thread: no hop onto the loop
thread at all. grpcio reports transport failures (refused connections, lost connections, TLS
and proxy failures) as statuses whose details say which; :meth:`GrpcioTransport.classify`
reads them.

Fork: grpcio's core keeps threads and polling state that a forked child cannot use (grpcio
supports fork only with ``GRPC_ENABLE_FORK_SUPPORT`` and without ``grpc.aio``). A connection on
this transport therefore refuses to be used in a forked child
(:meth:`GrpcioTransport.refuse_after_fork`), and a child forked after grpcio started cannot
open grpcio channels of its own either (they hang, or grpcio aborts the process), so
:func:`check_usable` refuses that too: such a child uses the grpclib transport, or the process
is started with "spawn".
"""

from __future__ import annotations

import os
import ssl
import threading
from types import TracebackType
from typing import TYPE_CHECKING, Any

from weaviate_async import _fork
from weaviate_async._validate import invalid
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
from weaviate_async.connect.retry import Failure
from weaviate_async.exceptions import WeaviateBaseError, WeaviateClosedClientError

if TYPE_CHECKING:
    from weaviate_async.connect.grpc_proxy import ProxyURL
    from weaviate_async.connect.params import AdditionalConfig, ConnectionParams, TLSConfig
    from weaviate_async.connect.rpc import Rpc

__all__ = [
    "GrpcioChannel",
    "GrpcioStreamCall",
    "GrpcioTransport",
    "check_usable",
    "import_grpc",
    "status_of",
]

#: The fork generation (``weaviate_async._fork``) in which grpcio's core was started (a channel
#: opened), inherited through fork: a child forked after that cannot open channels of its own
#: (they hang, or grpcio aborts the process).
_started_in: int | None = None


def import_grpc() -> Any:
    """``grpc``, or a clear error naming the extra that installs it."""
    try:
        import grpc
        import grpc.aio
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise invalid(
            "grpc_transport",
            'is "grpcio", but grpcio is not installed: pip install "weaviate-async[grpcio]"',
            "grpcio",
        ) from exc
    return grpc


def check_usable(*, secure: bool, tls: TLSConfig) -> None:
    """Raise before anything is opened when grpcio cannot serve this configuration."""
    import_grpc()
    if _started_in is not None and _fork.forked_since(_started_in):
        raise invalid(
            "grpc_transport",
            'is "grpcio", but this process was forked from one that had started grpcio, whose '
            'core cannot be used again after fork: use grpc_transport="grpclib" here, or '
            'start this process with the "spawn" (or "forkserver") method',
            "grpcio",
        )
    if secure and not tls.verify:
        raise invalid(
            "tls.verify",
            'cannot be False with grpc_transport="grpcio" (grpcio always verifies the '
            "server's certificate): trust its CA with TLSConfig(ca_bundle=...), or use the "
            "grpclib transport",
            False,
        )


def _serialize(message: Any) -> bytes:
    # A request handed over already encoded (the batch engine's concatenated objects) goes as it
    # is, as with the grpclib channels' codec.
    if type(message) is bytes:
        return message
    data: bytes = message.SerializeToString()
    return data


def status_of(exc: BaseException) -> tuple[str, str] | None:
    """``(status name, details)`` of a grpcio ``RpcError``, or None for another exception."""
    import grpc

    if isinstance(exc, grpc.RpcError) and hasattr(exc, "code"):
        code = exc.code()
        details = exc.details() if hasattr(exc, "details") else None
        return (code.name if code is not None else "UNKNOWN"), details or ""
    return None


class GrpcioChannel:
    """One grpcio channel to the server: ``grpc.aio`` for the loop, a blocking one on demand.

    Multicallables are made once per method and reused: their setup is the per-call cost
    grpcio would otherwise repeat.
    """

    def __init__(
        self,
        host: str,
        port: int,
        *,
        secure: bool,
        tls: TLSConfig,
        proxy: str | None,
        max_message_size: int,
        reconnect: tuple[float, float] = (1.0, 120.0),
    ) -> None:
        check_usable(secure=secure, tls=tls)
        grpc = import_grpc()
        self._target = f"{host}:{port}"
        options: list[tuple[str, Any]] = [
            ("grpc.max_send_message_length", max_message_size),
            ("grpc.max_receive_message_length", max_message_size),
            # The connection's retry engine decides about retries (one policy for both
            # transports); grpcio's own retry layer would only add per-call work.
            ("grpc.enable_retries", 0),
            # grpcio waits before reconnecting a lost connection (1 s, growing to 120 s by
            # default), and meanwhile fails calls at once: the retry engine's pace instead,
            # so that a call retried after the server came back finds it.
            ("grpc.initial_reconnect_backoff_ms", max(1, int(reconnect[0] * 1000))),
            ("grpc.max_reconnect_backoff_ms", max(1, int(reconnect[1] * 1000))),
            # A channel of its own connections: grpcio shares them between channels of the same
            # target and options, so a channel reopened to leave a dead connection would get
            # that connection back.
            ("grpc.use_local_subchannel_pool", 1),
        ]
        # grpcio reads proxies from the environment on its own; the connection has decided
        # already (Proxies, or the environment with trust_env).
        options.append(("grpc.http_proxy", proxy) if proxy else ("grpc.enable_http_proxy", 0))
        self._options = options
        self._credentials: Any = None
        if secure:
            self._credentials = grpc.ssl_channel_credentials(
                root_certificates=_read(tls.ca_bundle) or default_root_certificates(),
                private_key=_read(tls.client_key or tls.client_cert),
                certificate_chain=_read(tls.client_cert),
            )
        global _started_in
        if _started_in is None:
            _started_in = _fork.generation()
        self._aio: Any = self._open(grpc.aio)
        self._aio_calls: dict[str, Any] = {}
        self._sync: Any = None
        self._sync_calls: dict[str, Any] = {}
        self._lock = threading.Lock()

    def _open(self, module: Any) -> Any:
        if self._credentials is None:
            return module.insecure_channel(self._target, options=self._options)
        return module.secure_channel(self._target, self._credentials, options=self._options)

    def unary(self, path: str, reply_type: Any) -> Any:
        """The ``grpc.aio`` multicallable of a unary method (made once)."""
        call = self._aio_calls.get(path)
        if call is None:
            call = self._aio.unary_unary(
                path, request_serializer=_serialize, response_deserializer=reply_type.FromString
            )
            self._aio_calls[path] = call
        return call

    def stream(self, path: str, reply_type: Any) -> Any:
        """The ``grpc.aio`` multicallable of a bidirectional streaming method."""
        return self._aio.stream_stream(
            path, request_serializer=_serialize, response_deserializer=reply_type.FromString
        )

    def blocking_unary(self, path: str, reply_type: Any) -> Any:
        """The blocking multicallable of a unary method, on a blocking channel opened on first
        use (thread-safe; calls run in the caller's thread)."""
        call = self._sync_calls.get(path)
        if call is None:
            with self._lock:
                if self._sync is None:
                    self._sync = self._open(import_grpc())
                call = self._sync.unary_unary(
                    path,
                    request_serializer=_serialize,
                    response_deserializer=reply_type.FromString,
                )
                self._sync_calls[path] = call
        return call

    def state(self) -> Any:
        """The ``grpc.aio`` channel's connectivity state."""
        return self._aio.get_state()

    async def reopen(self) -> None:
        """Replace the ``grpc.aio`` channel with a new one (its connection is dead); calls in
        flight on the old one are cancelled."""
        old = self._aio
        self._aio = self._open(import_grpc().aio)
        self._aio_calls = {}
        await old.close()

    async def close(self) -> None:
        """Close both channels (calls in flight are cancelled)."""
        sync, self._sync = self._sync, None
        if sync is not None:
            sync.close()
        await self._aio.close()


def default_root_certificates() -> bytes | None:
    """The CAs a secure grpcio channel trusts when no ``ca_bundle`` is given: those REST
    trusts (Python's default verify file, which ``SSL_CERT_FILE`` overrides), so both
    protocols agree on which servers are genuine, as the official client (4.24) aligns its
    gRPC roots with its REST ones. None (grpcio's own roots) when the environment names a
    roots file for gRPC (``GRPC_DEFAULT_SSL_ROOTS_FILE_PATH``, which grpcio reads itself), or
    when no default file exists."""
    if os.environ.get("GRPC_DEFAULT_SSL_ROOTS_FILE_PATH"):
        return None
    cafile = ssl.get_default_verify_paths().cafile
    if not cafile or not os.path.isfile(cafile):
        return None
    return _read(cafile)


def _read(path: str | None) -> bytes | None:
    if not path:
        return None
    with open(path, "rb") as f:
        return f.read()


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
            reconnect=(config.retry.initial_delay, config.retry.max_delay),
        )
        self.blocking_unary: BlockingUnary | None = self._blocking_unary
        # A call failed because the connection was lost or could not be opened.
        self._lost = False

    async def unary(
        self, rpc: Rpc[Any, Any], request: Any, timeout: float, metadata: Metadata
    ) -> Any:
        """One unary call on ``grpc.aio``."""
        if self._lost:
            await self._leave_backoff()
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

    async def _leave_backoff(self) -> None:
        # After a lost connection grpcio waits out a reconnect backoff and meanwhile fails
        # every call at once, even when the server is back: the retry engine's next attempt
        # would fail without trying. A new channel tries at once.
        self._lost = False
        grpc = import_grpc()
        if self._channel.state() == grpc.ChannelConnectivity.TRANSIENT_FAILURE:
            await self.reopen()

    def answered(self, exc: Exception) -> bool:
        """A status other than DEADLINE_EXCEEDED or UNAVAILABLE came from the server."""
        status = status_of(exc)
        return status is not None and status[0] not in ("DEADLINE_EXCEEDED", "UNAVAILABLE")

    async def reopen(self) -> None:
        """Open a new ``grpc.aio`` channel in place of one whose connection does not answer."""
        await self._channel.reopen()

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
        name, details = status
        # Whether the attempt's time limit had passed when it failed.
        overdue = started is not None and retry_engine._now() - started >= limit
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
                self._lost = True
                return retriable(Failure.UNSENT, self._unreachable(operation, target, reason), exc)
            if _lost(details):
                self._lost = True
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


#: What grpcio reports for an operation on a call that ended without a status from the server.
_CORE_ERROR = "Internal error from Core"


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
            import grpc.aio

            code = await self._call.code()
            if code is not None and code not in (grpc.StatusCode.OK, grpc.StatusCode.INTERNAL):
                raise await self._status_error(code) from None
            if code == grpc.StatusCode.INTERNAL and await self._call.details() == _CORE_ERROR:
                # grpcio's own words for a write on a connection that was just lost (the
                # server sent no status): a broken stream, as the read would have said.
                raise grpc.aio.AioRpcError(
                    grpc.StatusCode.UNAVAILABLE,
                    await self._call.initial_metadata(),
                    await self._call.trailing_metadata(),
                    details="Socket closed while a message was being written",
                ) from None
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
