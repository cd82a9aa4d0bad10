"""A ``grpc.aio`` bidirectional call with the few stream operations the connection's
:class:`~weaviate_async.connect.connection.BatchStream` uses of a grpclib stream, so that the
``BatchStream`` RPC runs on the grpcio transport unchanged."""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Any

__all__ = ["GrpcioStream"]


class GrpcioStream:
    """One ``BatchStream`` call on the grpcio transport (see :mod:`.grpcio_channel`)."""

    def __init__(self, multicallable: Any, metadata: Sequence[tuple[str, str]]) -> None:
        self._multicallable = multicallable
        self._metadata = list(metadata) or None
        self._call: Any = None
        # The names grpclib's Stream uses, read by the connection.
        self._send_request_done = False
        self._end_done = False

    async def __aenter__(self) -> GrpcioStream:
        self._call = self._multicallable(metadata=self._metadata)
        self._send_request_done = True
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

    async def send_message(self, message: Any) -> None:
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
                raise grpc.aio.AioRpcError(
                    code,
                    await self._call.initial_metadata(),
                    await self._call.trailing_metadata(),
                    details=await self._call.details(),
                ) from None
            raise

    async def recv_message(self) -> Any:
        """The next message, or None at the server's end (an error status raises)."""
        import grpc.aio

        item = await self._call.read()
        return None if item is grpc.aio.EOF else item

    async def end(self) -> None:
        """Half-close the client's side."""
        if not self._end_done:
            self._end_done = True
            await self._call.done_writing()

    async def recv_trailing_metadata(self) -> Any:
        """Wait for the call's end; an error status raises as the read would have."""
        import grpc

        code = await self._call.code()
        if code != grpc.StatusCode.OK:
            raise grpc.aio.AioRpcError(
                code,
                await self._call.initial_metadata(),
                await self._call.trailing_metadata(),
                details=await self._call.details(),
            )
        return await self._call.trailing_metadata()

    async def cancel(self) -> None:
        """Cancel the call."""
        if self._call is not None:
            self._call.cancel()

    def _maybe_raise(self) -> None:
        """grpclib's hook for a status read after a reset; grpcio reports it on read."""
