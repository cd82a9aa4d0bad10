"""A TCP proxy in front of a real server that injects the faults a server will not produce on
demand: slow replies and canned 503 answers. Everything else is passed through untouched."""

from __future__ import annotations

import asyncio
import contextlib


class FaultProxy:
    """Forward 127.0.0.1:<port> to ``upstream``; ``delay`` holds back replies, and the next
    ``fail_next`` connections are answered with ``HTTP 503`` without reaching the server."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.delay = 0.0
        self.fail_next = 0
        self.failed = 0
        self.connections = 0
        # The head of every request seen (request line and headers), in order.
        self.heads: list[bytes] = []
        self.port = 0
        self._server: asyncio.base_events.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> FaultProxy:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

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
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
            try:
                await asyncio.gather(
                    self._requests(reader, up_writer, writer),
                    self._pipe(up_reader, writer, delay=True),
                )
            finally:
                up_writer.close()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
            self._tasks.discard(task)  # type: ignore[arg-type]

    async def _requests(
        self,
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
                for line in head.split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                body = await reader.readexactly(length) if length else b""
                if self.fail_next > 0:
                    self.fail_next -= 1
                    self.failed += 1
                    message = b'{"error":[{"message":"injected by proxy"}]}'
                    client.write(
                        b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                        b"Content-Length: %d\r\n\r\n%s" % (len(message), message)
                    )
                    await client.drain()
                    continue
                upstream.write(head + body)
                await upstream.drain()
        except asyncio.IncompleteReadError:
            pass
        finally:
            with contextlib.suppress(Exception):
                upstream.write_eof()

    async def _pipe(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, delay: bool
    ) -> None:
        try:
            while data := await reader.read(65536):
                if delay and self.delay:
                    await asyncio.sleep(self.delay)
                writer.write(data)
                await writer.drain()
        finally:
            with contextlib.suppress(Exception):
                writer.write_eof()
