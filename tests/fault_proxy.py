"""A TCP proxy in front of a real server that injects, on demand, the faults a server will not
produce: canned 503 answers, and network faults per direction (delay, drop, reset, half-open,
slow reads) or a server that accepts and never answers. Everything else passes untouched.

Directions: ``"up"`` is client to server, ``"down"`` server to client. A fault set with
:meth:`FaultProxy.inject` acts on the open connections and on new ones, at the next bytes that
travel in its direction, until :meth:`FaultProxy.clear`:

* ``delay``: hold each chunk back ``seconds`` before forwarding it;
* ``drop``: close both sides at once (FIN), discarding the chunk;
* ``reset``: the same with ``SO_LINGER`` 0, so the client receives a TCP RST;
* ``halfopen``: stop forwarding on that connection for good and never close it (a peer that
  vanished behind a NAT or a partition); the connection stays dead after ``clear()``;
* ``trickle``: forward ``chunk`` bytes every ``interval`` seconds (slow reads or writes);
* ``silent``: new connections are accepted and never answered nor forwarded (a hung server);
  open connections are left alone.

The proxy counts what clients ask: ``requests`` lists ``"METHOD /path"`` for HTTP/1.1 and
the ``:path`` of each HTTP/2 request (gRPC) in the order they arrived, faulted ones included.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
from typing import Literal

import attrs

Direction = Literal["up", "down"]
Kind = Literal["delay", "drop", "reset", "halfopen", "trickle", "silent"]

_H2_PREFACE = 24  # b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
_H2_HEADERS, _H2_CONTINUATION = 1, 9


@attrs.frozen
class Fault:
    """One injected fault (see the module's docstring)."""

    kind: Kind
    seconds: float = 0.0
    chunk: int = 1
    interval: float = 0.05


class _Cut(Exception):
    """The connection was cut by a fault."""


class _Link:
    """One proxied connection."""

    def __init__(self, client: asyncio.StreamWriter) -> None:
        self.client = client
        self.upstream: asyncio.StreamWriter | None = None
        self.dead = False
        self.cut = False
        self.h2 = bytearray()
        self.preface = _H2_PREFACE
        self.block = bytearray()
        self.decoder: object | None = None

    def abort(self, *, rst: bool) -> None:
        self.cut = True
        for writer in (self.client, self.upstream):
            if writer is None:
                continue
            if rst:
                sock = writer.get_extra_info("socket")
                with contextlib.suppress(OSError, AttributeError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()


class FaultProxy:
    """Forward 127.0.0.1:<port> to ``upstream``.

    ``http=True`` reads HTTP/1.1 requests (as aiohttp sends them), so that the next
    ``fail_next`` requests are answered ``HTTP 503`` without reaching the server; ``http=False``
    forwards raw bytes (gRPC over HTTP/2). ``delay`` holds back replies (the same as
    ``inject("delay", "down", seconds=...)``).
    """

    def __init__(self, upstream_host: str, upstream_port: int, *, http: bool = True) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.http = http
        self.delay = 0.0
        self.fail_next = 0
        self.failed = 0
        self.connections = 0
        self.tripped = 0  # chunks a fault acted on
        self.requests: list[str] = []

        # The head of every request seen (request line and headers), in order.
        self.heads: list[bytes] = []
        self.port = 0
        self.faults: dict[str, Fault] = {}
        self._server: asyncio.base_events.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> FaultProxy:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def inject(
        self,
        kind: Kind,
        direction: Direction = "down",
        *,
        seconds: float = 0.0,
        chunk: int = 1,
        interval: float = 0.05,
    ) -> None:
        """Start a fault in one direction (``silent`` has none: it concerns new connections)."""
        self.faults["accept" if kind == "silent" else direction] = Fault(
            kind, seconds, chunk, interval
        )

    def clear(self) -> None:
        """End every fault (connections made dead by ``halfopen`` stay dead)."""
        self.faults.clear()
        self.delay = 0.0

    def count(self, text: str) -> int:
        """How many requests so far contain ``text`` (a path or an RPC name)."""
        return sum(text in request for request in self.requests)

    async def stop(self) -> None:
        # The open connections are cut before waiting: from Python 3.12 on, wait_closed() also
        # waits for every client connection to close, and a client may keep one open.
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(BaseException):
                await task
        if self._server is not None:
            await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)  # type: ignore[arg-type]
        link = _Link(writer)
        try:
            if "accept" in self.faults:
                # A hung server: the connection is taken and nothing ever comes back.
                while await reader.read(65536):
                    pass
                await asyncio.Event().wait()
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
            link.upstream = up_writer
            try:
                await asyncio.gather(
                    self._requests(link, reader, up_writer, writer)
                    if self.http
                    else self._pipe(link, reader, up_writer, "up"),
                    self._pipe(link, up_reader, writer, "down"),
                )
            finally:
                if not link.dead:
                    up_writer.close()
            if link.dead:
                await asyncio.Event().wait()  # half-open: never closed
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError, _Cut):
            pass
        finally:
            writer.close()
            self._tasks.discard(task)  # type: ignore[arg-type]

    async def _forward(
        self, link: _Link, direction: Direction, data: bytes, writer: asyncio.StreamWriter
    ) -> None:
        if link.dead:
            return
        if link.cut:
            raise _Cut
        fault = self.faults.get(direction, self._legacy(direction))
        if fault is not None:
            if fault.kind == "delay":
                self.tripped += 1
                # Held back until the time is up or the fault ends (the network got fast again).
                until = asyncio.get_running_loop().time() + fault.seconds
                while self.faults.get(direction, self._legacy(direction)) == fault:
                    left = until - asyncio.get_running_loop().time()
                    if left <= 0:
                        break
                    await asyncio.sleep(min(left, 0.02))
            elif fault.kind in ("drop", "reset"):
                self.tripped += 1
                link.abort(rst=fault.kind == "reset")
                raise _Cut
            elif fault.kind == "halfopen":
                self.tripped += 1
                link.dead = True
                return
            elif fault.kind == "trickle":
                # Until the fault ends: then the rest goes at once (the network got fast again).
                start = 0
                while start < len(data) and self.faults.get(direction) is fault:
                    writer.write(data[start : start + fault.chunk])
                    await writer.drain()
                    await asyncio.sleep(fault.interval)
                    start += fault.chunk
                data = data[start:]
        writer.write(data)
        await writer.drain()

    def _legacy(self, direction: Direction) -> Fault | None:
        # ``delay`` set directly: replies held back.
        return Fault("delay", self.delay) if direction == "down" and self.delay else None

    async def _requests(
        self,
        link: _Link,
        reader: asyncio.StreamReader,
        upstream: asyncio.StreamWriter,
        client: asyncio.StreamWriter,
    ) -> None:
        # HTTP/1.1 without pipelining (as aiohttp sends it): one request at a time, so a
        # request can be answered here instead of upstream and the connection stays usable.
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                self.heads.append(head)
                length = 0
                lines = head.split(b"\r\n")
                for line in lines[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                body = await reader.readexactly(length) if length else b""
                self.requests.append(" ".join(lines[0].decode().split(" ")[:2]))
                if self.fail_next > 0 and not link.dead:
                    self.fail_next -= 1
                    self.failed += 1
                    message = b'{"error":[{"message":"injected by proxy"}]}'
                    client.write(
                        b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                        b"Content-Length: %d\r\n\r\n%s" % (len(message), message)
                    )
                    await client.drain()
                    continue
                await self._forward(link, "up", head + body, upstream)
        except asyncio.IncompleteReadError:
            pass
        finally:
            if not (link.dead or link.cut):
                with contextlib.suppress(Exception):
                    upstream.write_eof()

    async def _pipe(
        self,
        link: _Link,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        direction: Direction,
    ) -> None:
        try:
            while data := await reader.read(65536):
                if direction == "up" and not self.http:
                    self._note_h2(link, data)
                await self._forward(link, direction, data, writer)
        finally:
            if not (link.dead or link.cut):
                with contextlib.suppress(Exception):
                    writer.write_eof()

    def _note_h2(self, link: _Link, data: bytes) -> None:
        # The client's HTTP/2 frames: each request's headers block, decoded for its :path.
        buffer = link.h2
        buffer += data
        if link.preface:
            skipped = min(link.preface, len(buffer))
            del buffer[:skipped]
            link.preface -= skipped
        while len(buffer) >= 9:
            size = int.from_bytes(buffer[:3], "big")
            if len(buffer) < 9 + size:
                break
            kind, flags = buffer[3], buffer[4]
            payload = bytes(buffer[9 : 9 + size])
            del buffer[: 9 + size]
            if kind == _H2_HEADERS:
                if flags & 0x8:  # PADDED
                    payload = payload[1 : len(payload) - payload[0]]
                if flags & 0x20:  # PRIORITY
                    payload = payload[5:]
                link.block = bytearray(payload)
            elif kind == _H2_CONTINUATION:
                link.block += payload
            else:
                continue
            if flags & 0x4:  # END_HEADERS
                self.requests.append(_path(link, bytes(link.block)))


def _path(link: _Link, block: bytes) -> str:
    """The ``:path`` of a request's header block (HPACK, whose table is per connection)."""
    import hpack

    if link.decoder is None:
        link.decoder = hpack.Decoder()
    decoder: hpack.Decoder = link.decoder  # type: ignore[assignment]
    try:
        headers = decoder.decode(block)
    except hpack.HPACKError:
        return "?"
    for name, value in headers:
        if name in (":path", b":path"):
            return value.decode() if isinstance(value, bytes) else str(value)
    return "?"
