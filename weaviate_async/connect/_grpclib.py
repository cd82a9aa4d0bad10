"""The default gRPC transport: a small pool of grpclib channels (pure asyncio).

Calls go round-robin over ``ConnectionConfig.grpc_channels`` channels (HTTP/2 connections), so
that large batches do not queue behind each other in one connection's flow control. Through a
proxy, each channel opens its own CONNECT tunnel (:mod:`.grpc_proxy`). After fork the
connection opens a new pool in the child: nothing of grpclib outlives its event loop.

Blocking callers (the ``weaviate_sync`` facade's searches) call in their own thread
(:meth:`GrpclibPool.blocking_call`): each such thread gets an HTTP/2 connection of its own,
driven with blocking socket I/O by h2 (:mod:`._h2_blocking`), so a search costs no hop onto the
connection's loop thread and no event loop work. Through a proxy they hop as before. The pool
keeps a record of these connections, closes those of ended threads when a new thread comes,
and closes all of them in :meth:`close`.
"""

from __future__ import annotations

import asyncio
import functools
import re
import ssl
import threading
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from google.protobuf.message import DecodeError
from grpclib.client import _H2_TO_GRPC_STATUS_MAP, Channel
from grpclib.const import Status
from grpclib.encoding.base import GRPC_CONTENT_TYPE
from grpclib.encoding.proto import ProtoCodec
from grpclib.exceptions import GRPCError, StreamTerminatedError
from grpclib.metadata import USER_AGENT, decode_grpc_message, encode_metadata, encode_timeout
from grpclib.stream import recv_message
from grpclib.utils import Wrapper

from weaviate_async.connect import retry as retry_engine
from weaviate_async.connect._h2_blocking import BlockingH2
from weaviate_async.connect._network import ssl_context
from weaviate_async.connect._secrets import secret_metadata
from weaviate_async.connect._transport import (
    BlockingUnary,
    GrpcTransport,
    Metadata,
    _limited,
    retriable,
    status_failure,
    timeout_failure,
)
from weaviate_async.connect.grpc_proxy import NeverIndexingChannel, ProxiedChannel
from weaviate_async.connect.retry import Failure
from weaviate_async.exceptions import WeaviateBaseError, WeaviateClosedClientError

if TYPE_CHECKING:
    from grpclib.client import Stream
    from grpclib.protocol import EventsProcessor
    from grpclib.protocol import Stream as ProtocolStream

    from weaviate_async.connect.grpc_proxy import ProxyURL
    from weaviate_async.connect.params import AdditionalConfig, ConnectionParams
    from weaviate_async.connect.rpc import Rpc

__all__ = ["GrpclibPool", "GrpclibStreamCall", "PassThroughCodec"]

Headers = list[tuple[str, str]]


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

    def __init__(
        self, params: ConnectionParams, config: AdditionalConfig, proxy: ProxyURL | None
    ) -> None:
        grpc = params.grpc
        self.target = f"{grpc.host}:{grpc.port}"
        grpc_ssl = ssl_context(config, alpn_h2=True) if grpc.secure else None
        # One codec for every channel: it passes pre-encoded requests through. Status details
        # (google.rpc.Status) are not decoded: errors are mapped from the status and message.
        codec = PassThroughCodec()
        make = (
            NeverIndexingChannel
            if proxy is None
            else functools.partial(ProxiedChannel, proxy=proxy)
        )
        self._channels: list[Channel] = [
            make(grpc.host, grpc.port, ssl=grpc_ssl, codec=codec)
            for _ in range(config.connection.grpc_channels)
        ]
        self._next = 0
        # Blocking calls open direct connections (not through a proxy: those hop).
        self._direct: tuple[str, int, ssl.SSLContext | None] | None = (
            (grpc.host, grpc.port, grpc_ssl) if proxy is None else None
        )
        first = self._channels[0]
        self._scheme, self._authority = first._scheme, first._authority
        # The blocking callers' threads: this thread's own (a thread-local), and all of them
        # (for close(), and to close those of threads that ended).
        self._local = threading.local()
        self._threads: list[BlockingH2] = []
        self._threads_lock = threading.Lock()
        self._closed = False
        self._encoded_for: tuple[object, Headers] = (None, [])

    def blocking_call(self) -> BlockingUnary | None:
        """The call in the caller's thread, on the thread's own blocking HTTP/2 connection
        (:mod:`._h2_blocking`); None through a proxy (those calls hop)."""
        if self._closed or self._direct is None:
            return None
        return self._blocking_unary

    def _blocking_unary(
        self, rpc: Rpc[Any, Any], request: Any, timeout: float, metadata: Metadata
    ) -> Any:
        entry: BlockingH2 | None = getattr(self._local, "entry", None)
        if entry is None:
            entry = self._enter_thread()
        headers = _request_headers(
            self._scheme, self._authority, rpc.path, timeout, self._encoded(metadata)
        )
        with entry.lock:
            if entry.retired:
                raise WeaviateClosedClientError._with("the client was closed")
            head, message, trailers = entry.unary(headers, _framed(request), timeout)
        fields = dict(head)
        _check_head(fields)
        if "grpc-status" in fields:  # trailers only: no message
            _check_status(fields)
            return None
        _check_status(dict(trailers or ()))
        if message is None:
            return None
        return _decode(rpc, message[0], message[5:])

    def _enter_thread(self) -> BlockingH2:
        assert self._direct is not None
        entry = BlockingH2(*self._direct)
        with self._threads_lock:
            if self._closed:
                raise WeaviateClosedClientError._with("the client was closed")
            ended = [other for other in self._threads if not other.thread.is_alive()]
            self._threads = [other for other in self._threads if other.thread.is_alive()]
            self._threads.append(entry)
        for other in ended:
            other.retire()
        self._local.entry = entry
        return entry

    def _channel(self) -> Channel:
        channels = self._channels
        index = self._next = (self._next + 1) % len(channels)
        return channels[index]

    async def unary(
        self, rpc: Rpc[Any, Any], request: Any, timeout: float, metadata: Metadata
    ) -> Any:
        """One unary call on the next channel of the pool."""
        return await _limited(
            _exchange(self._channel(), rpc, request, timeout, self._encoded(metadata)), timeout
        )

    def _encoded(self, metadata: Metadata) -> Headers:
        # grpclib's checks and encoding of metadata, once per metadata list (the connection
        # replaces its list when headers change; OIDC builds one per call).
        cached = self._encoded_for
        if cached[0] is metadata:
            return cached[1]
        # grpclib rebuilds entries as plain tuples: secret ones become SecretHeader again.
        encoded = secret_metadata(encode_metadata(metadata))
        self._encoded_for = (metadata, encoded)
        return encoded

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

    async def revive(self, timeout: float, metadata: Metadata) -> None:
        """Check each open channel with a health check; close those that do not answer within
        ``timeout`` (a grpclib channel opens a new connection at its next call)."""
        from weaviate_async.connect._transport import _health_request, health_rpc

        health, headers = health_rpc(), self._encoded(metadata)

        async def check(channel: Channel) -> None:
            try:
                await _limited(
                    _exchange(channel, health, _health_request(), timeout, headers), timeout
                )
            except GRPCError:
                pass  # a status came back: the connection answers
            except Exception:
                channel.close()

        await asyncio.gather(*(check(c) for c in self._channels if c._connected))

    def _library_failure(
        self,
        exc: Exception,
        operation: str,
        target: str,
        limit: float,
        error: type[WeaviateBaseError],
        started: float | None,
    ) -> Exception | None:
        """grpclib's statuses, and a call broken after its request went out."""
        if isinstance(exc, GRPCError):
            return status_failure(
                exc.status.name, exc.message, exc, operation=operation, target=target, error=error
            )
        if isinstance(exc, StreamTerminatedError):
            if started is not None and _server_deadline_passed(exc, limit, started):
                # The server ends a call whose deadline (the grpc-timeout header) passed by
                # resetting its stream (CANCEL), often before the client's own timer fires:
                # the call ran out of time, it did not break.
                failure = timeout_failure(operation, target, limit)
                failure.error.__cause__ = exc
                return failure
            return retriable(Failure.BROKEN, self._broke(operation, target, str(exc)), exc)
        return None

    async def close(self) -> None:
        """Close every channel of the pool, and the blocking callers' thread channels."""
        channels, self._channels = self._channels, []
        for channel in channels:
            channel.close()
        with self._threads_lock:
            self._closed = True
            entries, self._threads = self._threads, []
        for entry in entries:
            # close() waited for calls in flight already, within its time limit.
            entry.retire()


async def _exchange(
    channel: Channel, rpc: Rpc[Any, Any], request: Any, timeout: float, metadata: Headers
) -> Any:
    # A unary call on grpclib's HTTP/2 stream layer (``grpclib.protocol``): the request
    # headers, one DATA frame that ends the client's side, the reply headers, one message,
    # the trailers. grpclib's ``client.Stream`` does the same with a state machine for every
    # cardinality, event dispatch, metadata multidicts and a deadline wrapper, which a unary
    # call does not need (about a third of a search's Python time). The checks of the reply
    # are grpclib's (its ``_raise_for_*`` rules), so failures are the same GRPCError values.
    protocol = await channel.__connect__()
    processor = protocol.processor
    wrapper = Wrapper()  # a lost connection wakes this task with StreamTerminatedError
    with wrapper:
        stream = processor.connection.create_stream(wrapper=wrapper)
        headers = _request_headers(channel._scheme, channel._authority, rpc.path, timeout, metadata)
        frame = _framed(request)
        sent = _send_at_once(stream, processor, headers, frame)
        release = (
            sent if sent is not None else await stream.send_request(headers, _processor=processor)
        )
        try:
            if sent is None or stream.data_sent == 0:
                await stream.send_data(frame, end_stream=True)
            head = dict(await stream.recv_headers())
            _check_head(head)
            if "grpc-status" in head:  # trailers only: no message
                _check_status(head)
                return None
            reply = None
            prefix = await stream.recv_data(5)
            if prefix:
                reply = _decode(
                    rpc,
                    prefix[0],
                    await stream.recv_data(int.from_bytes(prefix[1:], "big")),
                )
            _check_status(dict(await stream.recv_trailers()))
            return reply
        except StreamTerminatedError:
            # The server's status, when it sent one before the reset, says more.
            if stream.trailers is not None:
                _check_status(dict(stream.trailers))
            elif stream.headers is not None:
                head = dict(stream.headers)
                _check_head(head)
                if "grpc-status" in head:
                    _check_status(head)
            raise
        finally:
            if stream.closable:
                stream.reset_nowait()
            release()


# A stream the peer cancelled (RST_STREAM CANCEL, code 8), as grpclib and the blocking
# HTTP/2 path (``_h2_blocking``) word it.
_CANCELLED = re.compile(r"error_code: 8\b|\((ErrorCodes\.CANCEL: )?8\)|CANCEL")


def sent_deadline(timeout: float) -> float:
    """The deadline the server is told for ``timeout`` (grpclib's ``grpc-timeout`` header,
    which keeps whole seconds only above 10 s, so the server may give up up to a second early).
    """
    text = encode_timeout(timeout)
    value, unit = int(text[:-1]), text[-1]
    return value * {"H": 3600.0, "M": 60.0, "S": 1.0, "m": 1e-3, "u": 1e-6, "n": 1e-9}[unit]


def _server_deadline_passed(exc: StreamTerminatedError, limit: float, started: float) -> bool:
    """Whether ``exc`` is the server's reset of a call whose deadline had passed."""
    # A little slack: the server's clock starts when the request reaches it, later than ours.
    elapsed = retry_engine._now() - started
    return _CANCELLED.search(str(exc)) is not None and elapsed >= sent_deadline(limit) - 0.05


def _request_headers(
    scheme: str, authority: str, path: str, timeout: float, metadata: Headers
) -> Headers:
    """The headers of a unary call's request, as grpclib sends them."""
    return [
        (":method", "POST"),
        (":scheme", scheme),
        (":path", path),
        (":authority", authority),
        ("grpc-timeout", encode_timeout(timeout)),
        ("te", "trailers"),
        ("content-type", GRPC_CONTENT_TYPE),
        ("user-agent", USER_AGENT),
        *metadata,
    ]


def _framed(request: Any) -> bytes:
    """The request as one length-prefixed gRPC message (``bytes`` are sent as they are)."""
    body = request if type(request) is bytes else request.SerializeToString()
    return b"\0" + len(body).to_bytes(4, "big") + body


def _send_at_once(
    stream: ProtocolStream, processor: EventsProcessor, headers: Headers, frame: bytes
) -> Callable[[], None] | None:
    """Open the stream and, when the flow-control window takes it, send its one DATA frame, in
    one write: what grpclib's ``Stream.send_request`` and ``send_data`` do in two writes (two
    system calls). The release function of the opened stream, or None when the request must go
    grpclib's way (the connection cannot take a write or a stream now): nothing was sent then.
    ``stream.data_sent`` says whether the DATA frame went out too."""
    connection = processor.connection
    h2 = stream._h2_connection
    if (
        not connection.write_ready.is_set()
        or h2.open_outbound_streams >= h2.remote_settings.max_concurrent_streams
    ):
        return None
    stream_id = h2.get_next_available_stream_id()
    h2.send_headers(stream_id, headers)
    stream.init_stream(stream_id, connection)
    release = processor.register(stream)
    size = len(frame)
    whole = size <= min(h2.local_flow_control_window(stream_id), h2.max_outbound_frame_size)
    if whole:
        h2.send_data(stream_id, frame, end_stream=True)
        stream.data_sent = size
    stream._transport.write(h2.data_to_send())
    connection.headers_send_process()
    if whole:
        connection.data_send_process()
    return release


def _check_head(head: dict[str, str]) -> None:
    """Raise GRPCError for reply headers grpclib refuses (HTTP status, content type)."""
    status = head.get(":status")
    if status is not None and status != "200":
        raise GRPCError(
            _H2_TO_GRPC_STATUS_MAP.get(status, Status.UNKNOWN), f"Received :status = {status!r}"
        )
    content_type = head.get("content-type")
    if content_type is None:
        raise GRPCError(Status.UNKNOWN, "Missing content-type header")
    base, _, sub = content_type.partition("+")
    if base != GRPC_CONTENT_TYPE or sub not in ("", "proto"):
        raise GRPCError(Status.UNKNOWN, f"Invalid content-type: {content_type!r}")


def _decode(rpc: Rpc[Any, Any], compressed: int, data: bytes) -> Any:
    """The reply message in ``data``; a reply that is compressed or does not decode is an
    INTERNAL status, as grpcio reports a reply it cannot deserialize (so both transports raise
    the rpc's typed error for it, never protobuf's DecodeError)."""
    if compressed:
        raise GRPCError(Status.INTERNAL, "the reply is compressed, which the client never asks for")
    try:
        return rpc.reply_type.FromString(data)
    except DecodeError as bad:
        raise GRPCError(
            Status.INTERNAL, f"the reply could not be decoded as {rpc.reply_type.__name__}: {bad}"
        ) from None


def _check_status(fields: dict[str, str]) -> None:
    """Raise GRPCError unless ``fields`` say ``grpc-status: 0``."""
    value = fields.get("grpc-status")
    if value == "0":
        return
    if value is None:
        raise GRPCError(Status.UNKNOWN, "Missing grpc-status header")
    try:
        status = Status(int(value))
    except ValueError:
        raise GRPCError(Status.UNKNOWN, f"Invalid grpc-status: {value!r}") from None
    message = fields.get("grpc-message")
    raise GRPCError(status, decode_grpc_message(message) if message is not None else None)


class GrpclibStreamCall:
    """A grpclib ``Stream`` as a :class:`~._transport.StreamCall`.

    A server that finishes the call while the client is still sending (gRPC-Go does, e.g. a
    Weaviate server that refuses a batch stream's message for lack of memory) sends its last
    messages and an OK status, then resets the stream with NO_ERROR to stop the client's
    upload. grpclib turns the reset into a failure of every pending and later read, which
    would lose those last messages: they are read from the stream's buffer instead, and the
    call ends as a clean end.
    """

    __slots__ = ("_after_reset", "_stream")

    def __init__(self, stream: Stream[Any, Any]) -> None:
        self._stream = stream
        self._after_reset = False

    async def __aenter__(self) -> GrpclibStreamCall:
        await self._stream.__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._after_reset:
            # The server's OK status was read before its reset: nothing is left to receive,
            # and grpclib would refuse to finish a call whose upload was never ended.
            self._stream._recv_initial_metadata_done = True
            self._stream._recv_trailing_metadata_done = True
        await self._stream.__aexit__(exc_type, exc, tb)

    @property
    def ended(self) -> bool:
        """Whether the client's side was ended."""
        return bool(self._after_reset or self._stream._end_done)

    async def send(self, message: Any) -> None:
        """Send one message."""
        await self._stream.send_message(message)

    async def recv(self) -> Any:
        """The next message, or None at the server's end."""
        if self._after_reset:
            return await self._buffered()
        try:
            return await self._stream.recv_message()
        except StreamTerminatedError:
            if not self._finished_ok():
                raise
            self._after_reset = True
            return await self._buffered()

    def _finished_ok(self) -> bool:
        # The server ended its side and sent an OK status before the reset (grpclib 0.4
        # private API: the protocol stream's buffer and trailers).
        h2_stream = self._stream._stream
        trailers = getattr(h2_stream, "trailers", None)
        if not trailers or not getattr(h2_stream.buffer, "_eof", False):
            return False
        return dict(trailers).get("grpc-status") == "0"

    async def _buffered(self) -> Any:
        # Everything is in the buffer already (it ended before the reset): no read waits.
        stream = self._stream
        return await recv_message(stream._stream, stream._codec, stream._recv_type)

    async def end(self) -> None:
        """Half-close the client's side."""
        if not self._after_reset:
            await self._stream.end()

    async def finish(self) -> None:
        """Read the trailers: an error status raises GRPCError."""
        if not self._after_reset:  # else: the status was OK
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
