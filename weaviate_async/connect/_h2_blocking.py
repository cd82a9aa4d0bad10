"""A blocking HTTP/2 connection for unary gRPC calls from one thread: h2 on a plain socket.

The grpclib transport gives each blocking caller's thread one of these
(``GrpclibPool.blocking_call``): a sync search then runs entirely in the caller's thread, with
no event loop at all. h2 is the same HTTP/2 implementation grpclib drives (sans-I/O: it turns
bytes into events and calls into bytes); here the I/O is a blocking ``sendall`` and ``recv``
instead of an asyncio transport, which spares a search the loop's own work (tasks, futures,
events, epoll). The connection is opened on first use and again after it was lost; a call that
fails in the middle (timeout, interrupt, lost connection) drops the connection, so no half-read
stream is left behind. The reply checks are grpclib's (``_grpclib._check_head`` and
``_check_status``), so failures are the same values the grpclib transport classifies.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from typing import Any

from grpclib.config import Configuration
from grpclib.exceptions import StreamTerminatedError
from h2.config import H2Configuration
from h2.connection import H2Connection
from h2.events import (
    ConnectionTerminated,
    DataReceived,
    ResponseReceived,
    StreamEnded,
    StreamReset,
    TrailersReceived,
)
from h2.settings import SettingCodes

from weaviate_async.connect._secrets import never_index

__all__ = ["BlockingH2"]

#: grpclib's client configuration (no header validation or normalization: the headers are ours).
_H2_CONFIG = H2Configuration(
    client_side=True,
    header_encoding="ascii",
    validate_inbound_headers=False,
    validate_outbound_headers=False,
    normalize_inbound_headers=False,
    normalize_outbound_headers=False,
)
_WINDOWS = Configuration().__for_client__()
_READ = 65536


class BlockingH2:
    """One HTTP/2 connection to ``host:port``, owned by the thread that made it (``thread``) and
    used under ``lock`` (by that thread, or by whoever retires it)."""

    __slots__ = ("_h2", "_host", "_port", "_sock", "_tls", "lock", "retired", "thread")

    def __init__(self, host: str, port: int, tls: ssl.SSLContext | None) -> None:
        self._host = host
        self._port = port
        self._tls = tls
        self._sock: socket.socket | None = None
        self._h2: H2Connection | None = None
        self.thread = threading.current_thread()
        self.lock = threading.Lock()
        self.retired = False

    def retire(self) -> None:
        """Close for good; a call still running in the owning thread is ended (it fails as a
        lost connection) rather than waited for."""
        if self.retired:
            return
        self.retired = True
        if self.lock.acquire(blocking=False):
            try:
                self.close()
            finally:
                self.lock.release()
        else:
            self.abort()

    def close(self) -> None:
        """Close the socket (the next call opens a new connection)."""
        sock, self._sock, self._h2 = self._sock, None, None
        if sock is not None:
            sock.close()

    def abort(self) -> None:
        """End a call running in another thread: its ``recv`` returns and it fails as a lost
        connection (that thread then closes the socket; closing it here could close a reused
        file descriptor)."""
        sock = self._sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _open(self, timeout: float) -> tuple[socket.socket, H2Connection]:
        sock = socket.create_connection((self._host, self._port), timeout=timeout)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self._tls is not None:
                sock = self._tls.wrap_socket(sock, server_hostname=self._host)
            h2 = H2Connection(config=_H2_CONFIG)
            never_index(h2)
            h2.initiate_connection()
            # The flow-control windows grpclib opens its connections with.
            initial = h2.local_settings.initial_window_size
            if _WINDOWS.http2_connection_window_size > initial:
                h2.increment_flow_control_window(_WINDOWS.http2_connection_window_size - initial)
            if _WINDOWS.http2_stream_window_size != initial:
                h2.update_settings(
                    {SettingCodes.INITIAL_WINDOW_SIZE: _WINDOWS.http2_stream_window_size}
                )
            sock.sendall(h2.data_to_send())
        except BaseException:
            sock.close()
            raise
        self._sock, self._h2 = sock, h2
        return sock, h2

    def unary(self, headers: list[tuple[str, str]], frame: bytes, timeout: float) -> Any:
        """Send one request (``frame``: the length-prefixed message) and return the reply's
        ``(headers, message bytes or None, trailers or None)``.

        Raises:
            TimeoutError: ``timeout`` passed.
            StreamTerminatedError: the connection was lost or the stream reset.
            OSError: the connection could not be opened (nothing was sent).
        """
        deadline = time.monotonic() + timeout
        if self._sock is None or self._h2 is None:
            sock, h2 = self._open(timeout)
        else:
            sock, h2 = self._sock, self._h2
        try:
            return self._exchange(sock, h2, headers, frame, deadline)
        except BaseException:
            self.close()
            raise

    def _exchange(
        self,
        sock: socket.socket,
        h2: H2Connection,
        headers: list[tuple[str, str]],
        frame: bytes,
        deadline: float,
    ) -> Any:
        stream_id = h2.get_next_available_stream_id()
        h2.send_headers(stream_id, headers)
        sent = 0
        head: Any = None
        trailers: Any = None
        body = bytearray()
        ended = False
        while True:
            # The request's DATA, as far as the flow-control windows let it go.
            while sent < len(frame):
                room = min(
                    h2.local_flow_control_window(stream_id),
                    h2.max_outbound_frame_size,
                    len(frame) - sent,
                )
                if room <= 0:
                    break
                sent += room
                h2.send_data(stream_id, frame[sent - room : sent], end_stream=sent == len(frame))
            out = h2.data_to_send()
            if out:
                sock.sendall(out)
            if ended:
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            sock.settimeout(remaining)
            try:
                data = sock.recv(_READ)
            except TimeoutError:
                raise TimeoutError from None
            if not data:
                raise StreamTerminatedError("Connection lost")
            for event in h2.receive_data(data):
                if isinstance(event, DataReceived):
                    if event.stream_id == stream_id:
                        body += event.data
                    if event.flow_controlled_length:
                        h2.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                elif isinstance(event, ResponseReceived):
                    head = event.headers
                elif isinstance(event, TrailersReceived):
                    trailers = event.headers
                elif isinstance(event, StreamEnded):
                    ended = ended or event.stream_id == stream_id
                elif isinstance(event, StreamReset):
                    if event.stream_id == stream_id:
                        raise StreamTerminatedError(
                            f"Stream reset by the server ({event.error_code})"
                        )
                elif isinstance(event, ConnectionTerminated):
                    raise StreamTerminatedError("Connection terminated by the server")
        return head, bytes(body) if body else None, trailers
