"""A tiny HTTP proxy on loopback for tests: ``CONNECT`` tunnels and plain forwarding.

``CONNECT host:port`` opens a tunnel (how HTTPS and gRPC pass a proxy); a request in absolute
form (``GET http://host:port/path``) is forwarded to that host with the rest of its connection
(how plain HTTP passes a proxy). Each tunnel or forwarded connection is counted per target
port, and the proxy can require basic credentials (``407`` otherwise).

Example:
    >>> proxy = await ConnectProxy(username="u", password="p").start()
    >>> proxy.url            # "http://127.0.0.1:<port>"
    >>> proxy.url_with("u", "p")
    >>> proxy.tunnels[grpc_port], proxy.forwarded[http_port]
    >>> await proxy.stop()
"""

from __future__ import annotations

import asyncio
import base64
import collections
import contextlib
from urllib.parse import urlsplit

__all__ = ["ConnectProxy"]


class ConnectProxy:
    """An HTTP CONNECT (and forwarding) proxy on ``127.0.0.1:<port>``.

    Attributes:
        tunnels: CONNECT tunnels opened, per target port.
        forwarded: plain HTTP connections forwarded, per target port.
        refused: requests answered ``407`` (missing or wrong credentials).
        port: the listening port, once started.
    """

    def __init__(self, *, username: str | None = None, password: str | None = None) -> None:
        self._expected: str | None = None
        if username is not None:
            pair = f"{username}:{password or ''}".encode()
            self._expected = "Basic " + base64.b64encode(pair).decode()
        self.tunnels: collections.Counter[int] = collections.Counter()
        self.forwarded: collections.Counter[int] = collections.Counter()
        self.refused = 0
        self.port = 0
        self._server: asyncio.base_events.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>`` without credentials."""
        return f"http://127.0.0.1:{self.port}"

    def url_with(self, username: str, password: str) -> str:
        """The proxy URL with credentials in it."""
        return f"http://{username}:{password}@127.0.0.1:{self.port}"

    async def start(self) -> ConnectProxy:
        """Listen on a free loopback port. Returns self."""
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        """Stop listening and cut every open tunnel."""
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(BaseException):
                await task
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._serve(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:
            pass
        finally:
            writer.close()
            self._tasks.discard(task)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _version = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                name, sep, value = line.partition(":")
                if sep:
                    headers[name.strip().lower()] = value.strip()
            if self._expected is not None and headers.get("proxy-authorization") != self._expected:
                self.refused += 1
                length = int(headers.get("content-length", "0") or 0)
                if length:
                    await reader.readexactly(length)
                writer.write(
                    b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                    b'Proxy-Authenticate: Basic realm="tests"\r\nContent-Length: 0\r\n\r\n'
                )
                await writer.drain()
                continue  # the client may try again on the same connection
            if method.upper() == "CONNECT":
                host, _, port = target.rpartition(":")
                up_reader, up_writer = await asyncio.open_connection(host.strip("[]"), int(port))
                self.tunnels[int(port)] += 1
                writer.write(b"HTTP/1.1 200 Connection Established\r\n\r\n")
                await writer.drain()
                await self._relay(reader, writer, up_reader, up_writer, first=b"")
                return
            parts = urlsplit(target)
            if not parts.hostname or not parts.port:
                writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
                return
            up_reader, up_writer = await asyncio.open_connection(parts.hostname, parts.port)
            self.forwarded[parts.port] += 1
            # Origin form upstream, without the proxy's own headers; the rest of the connection
            # (further requests, already absolute or not) goes to the same server unchanged.
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            kept = [
                line
                for line in lines[1:]
                if line
                and line.partition(":")[0].strip().lower()
                not in ("proxy-authorization", "proxy-connection")
            ]
            first = "\r\n".join([f"{method} {path} {_version}", *kept]) + "\r\n\r\n"
            await self._relay(reader, writer, up_reader, up_writer, first=first.encode("latin-1"))
            return

    async def _relay(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        up_reader: asyncio.StreamReader,
        up_writer: asyncio.StreamWriter,
        *,
        first: bytes,
    ) -> None:
        try:
            if first:
                up_writer.write(first)
                await up_writer.drain()
            await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        finally:
            up_writer.close()

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.write_eof()
