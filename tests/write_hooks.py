"""Helpers of the large-write tests (shared by the async tests and their generated sync twins):
a record of every write request the client sends, and a TCP proxy in front of the server's gRPC
port that can hold back the server's replies (a server that accepts and stops answering).

Both work with threads and plain sockets, so that the blocking twin uses them unchanged."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from weaviate_async.collections.batch import transport
from weaviate_async.connect.connection import Connection


class WriteRecorder:
    """The body size of every ``BatchObjects`` / ``BatchReferences`` request sent, and a hook
    called before each (``before(number)``, numbered from 1)."""

    def __init__(self) -> None:
        self.objects: list[int] = []
        self.references: list[int] = []
        self.before: Any = None
        #: the write request bound in force
        self.bound = transport.WRITE_REQUEST_BYTES


def _size(request: Any) -> int:
    return len(request) if isinstance(request, (bytes, bytearray)) else request.ByteSize()


@contextlib.contextmanager
def record_writes(monkeypatch: pytest.MonkeyPatch, max_bytes: int | None = None) -> Iterator[Any]:
    """Record the write requests of every client in this process, with the write request bound
    lowered to ``max_bytes`` when given (a smaller case of the same splitting)."""
    recorder = WriteRecorder()
    if max_bytes is not None:
        monkeypatch.setattr(transport, "WRITE_REQUEST_BYTES", max_bytes)
        recorder.bound = max_bytes
    objects, references = Connection.batch_objects, Connection.batch_references

    async def batch_objects(self: Connection, request: Any, **kwargs: Any) -> Any:
        recorder.objects.append(_size(request))
        if recorder.before is not None:
            recorder.before(len(recorder.objects))
        return await objects(self, request, **kwargs)

    async def batch_references(self: Connection, request: Any, **kwargs: Any) -> Any:
        recorder.references.append(_size(request))
        return await references(self, request, **kwargs)

    monkeypatch.setattr(Connection, "batch_objects", batch_objects)
    monkeypatch.setattr(Connection, "batch_references", batch_references)
    yield recorder


class HoldingProxy:
    """Forward 127.0.0.1:<port> to ``upstream`` byte for byte (HTTP/2 included); while
    :attr:`hold` is set the server's bytes are kept back (a server that stops answering), and
    clearing it lets them through."""

    def __init__(self, host: str, port: int) -> None:
        self.upstream = (host, port)
        self.hold = threading.Event()
        self._released = threading.Condition()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def release(self) -> None:
        """Let the held replies through."""
        with self._released:
            self.hold.clear()
            self._released.notify_all()

    def close(self) -> None:
        """Stop listening and cut every connection."""
        self._closed = True
        self.release()
        with contextlib.suppress(OSError):
            self._listener.close()
        for sock in list(self._sockets):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            self._sockets += [client, server]
            threading.Thread(target=self._pipe, args=(client, server, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, True), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, held: bool) -> None:
        try:
            while data := source.recv(65536):
                if held:
                    with self._released:
                        self._released.wait_for(lambda: not self.hold.is_set())
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                sink.shutdown(socket.SHUT_WR)
