"""Sending encoded batches through the connection: requests split to fit the server's gRPC
message limit, deadlines that grow with the request's size, errors by item index."""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import anyio
import backoff
from grpclib.exceptions import GRPCError, StreamTerminatedError

from weaviate_async.connect import errors
from weaviate_async.exceptions import (
    WeaviateBaseError,
    WeaviateBatchError,
    WeaviateConnectionError,
    WeaviateTimeoutError,
)
from weaviate_async.proto.weaviate.v1 import batch_pb2
from weaviate_async.wire.batch import (
    PendingObject,
    PendingReference,
    reply_errors,
    request_bytes,
    split_by_size,
)

if TYPE_CHECKING:
    from weaviate_async.collections.batch.stream import StreamChannel
    from weaviate_async.connect.connection import Connection

__all__ = ["BatchTransport"]

T = TypeVar("T")

# gRPC statuses after which the same request (same uuids: idempotent) is sent again.
_TRANSIENT_STATUS = frozenset({"UNAVAILABLE", "RESOURCE_EXHAUSTED", "DEADLINE_EXCEEDED", "ABORTED"})

# The server's default (GRPC_MAX_MESSAGE_SIZE); used when its meta does not say.
_DEFAULT_MAX_MESSAGE = 104_858_000
# Room for the request's own framing and the consistency level field.
_ENVELOPE = 64 * 1024
# Deadlines grow by one second per this many bytes beyond the configured insert timeout.
_BYTES_PER_SECOND = 1_000_000


class BatchTransport:
    """The batch engine's and ``insert_many``'s way to the server."""

    def __init__(self, connection: Connection, *, patience: float = 120.0) -> None:
        self._connection = connection
        #: Seconds a request keeps being re-sent while the server is unreachable or pushes back.
        self.patience = patience
        meta = connection.meta or {}
        limit = meta.get("grpcMaxMessageSize")
        server_limit = limit if isinstance(limit, int) and limit > 0 else _DEFAULT_MAX_MESSAGE
        #: The largest request body the transport sends (the server's limit, less a margin).
        self.max_request_bytes = max(1024, int(server_limit * 0.95) - _ENVELOPE)

    def timeout_for(self, size: int) -> float:
        """The deadline of a request of ``size`` bytes: the insert timeout, plus time to move
        and index what it carries."""
        base: float = self._connection.config.timeout.insert
        return base + size / _BYTES_PER_SECOND

    async def send_objects(
        self,
        items: Sequence[PendingObject],
        consistency_level: Any,
        *,
        operation: str,
    ) -> dict[int, str]:
        """Send ``items`` (split to fit the message limit) and return the server's errors by
        item index (the items' own ``index``).

        Raises:
            WeaviateBaseError: a request as a whole failed (the mapped error).
        """
        errors: dict[int, str] = {}
        for group in split_by_size(items, self.max_request_bytes):
            data = request_bytes(group, consistency_level)
            reply = await self._patiently(
                lambda data=data: self._connection.grpc(  # type: ignore[misc]
                    "BatchObjects",
                    batch_pb2.BatchObjectsRequest.FromString(data),
                    operation=operation,
                    timeout="insert",
                    error=WeaviateBatchError,
                )
            )
            for position, message in reply_errors(reply).items():
                if 0 <= position < len(group):
                    errors[group[position].index] = message
        return errors

    async def send_references(
        self,
        items: Sequence[PendingReference],
        consistency_level: Any,
        *,
        operation: str,
    ) -> dict[int, str]:
        """Send references; the server's errors by item index.

        Raises:
            WeaviateBaseError: a request as a whole failed (the mapped error).
        """
        errors: dict[int, str] = {}
        for group in split_by_size(items, self.max_request_bytes):
            data = request_bytes(group, consistency_level)
            reply = await self._patiently(
                lambda data=data: self._connection.grpc(  # type: ignore[misc]
                    "BatchReferences",
                    batch_pb2.BatchReferencesRequest.FromString(data),
                    operation=operation,
                    timeout="insert",
                    error=WeaviateBatchError,
                )
            )
            for position, message in reply_errors(reply).items():
                if 0 <= position < len(group):
                    errors[group[position].index] = message
        return errors

    async def _patiently(self, call: Callable[[], Awaitable[T]]) -> T:
        """Run ``call`` until it succeeds, fails for good, or :attr:`patience` runs out."""
        deadline = time.monotonic() + self.patience
        bounds = backoff.expo(base=2, factor=0.25, max_value=5.0)
        next(bounds)  # expo's generator starts with a bare yield for its send() protocol
        while True:
            try:
                return await call()
            except (WeaviateConnectionError, WeaviateTimeoutError) as exc:
                error: WeaviateBaseError = exc
            except WeaviateBaseError as exc:
                if exc.status not in _TRANSIENT_STATUS:
                    raise
                error = exc
            delay = backoff.full_jitter(next(bounds))
            if time.monotonic() + delay > deadline:
                raise error
            await anyio.sleep(delay)

    @contextlib.asynccontextmanager
    async def open_stream(self) -> AsyncIterator[StreamChannel]:
        """Open a ``BatchStream`` (the server-side batching RPC)."""
        connection = self._connection
        _, stubs = connection._require_open()
        metadata = await connection._metadata()
        with _mapped():
            async with stubs[0].BatchStream.open(metadata=metadata) as stream:
                yield _Stream(stream)


_STREAM = "weaviate.v1.Weaviate/BatchStream"


@contextlib.contextmanager
def _mapped() -> Iterator[None]:
    try:
        yield
    except GRPCError as exc:
        raise errors.grpc_error(
            exc.status.name, exc.message, operation="batch.stream", target=_STREAM
        ) from exc
    except (StreamTerminatedError, ConnectionError, OSError) as exc:
        raise WeaviateConnectionError(
            f"batch.stream failed: the stream broke ({type(exc).__name__}: {exc})",
            operation="batch.stream",
            target=_STREAM,
        ) from exc


class _Stream:
    """A grpclib stream as the stream driver wants it: bytes out, replies in, errors mapped."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    async def send(self, message: bytes) -> None:
        with _mapped():
            await self._stream.send_message(batch_pb2.BatchStreamRequest.FromString(message))

    async def recv(self) -> batch_pb2.BatchStreamReply | None:
        with _mapped():
            reply: batch_pb2.BatchStreamReply | None = await self._stream.recv_message()
        return reply

    async def end(self) -> None:
        with _mapped():
            await self._stream.end()
