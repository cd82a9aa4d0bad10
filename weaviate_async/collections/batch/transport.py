"""Sending encoded batches through the connection: requests split to fit the server's gRPC
message limit, deadlines that grow with the request's size, and a retry policy patient enough to
ride through a server restart (the connection's one retry engine does the retrying)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any

import attrs

from weaviate_async.connect.retry import RetryPolicy
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

# The server's default (GRPC_MAX_MESSAGE_SIZE); used when its meta does not say.
_DEFAULT_MAX_MESSAGE = 104_858_000
# Room for the request's own framing and the consistency level field.
_ENVELOPE = 64 * 1024
# Deadlines grow by one second per this many bytes beyond the configured insert timeout.
_BYTES_PER_SECOND = 1_000_000


class BatchTransport:
    """The batch engine's and ``insert_many``'s way to the server.

    Args:
        connection: the client's connection.
        patience: seconds a request keeps being re-sent while the server is unreachable or
            pushes back (0: the client's own retry settings, as for any call).
    """

    def __init__(self, connection: Connection, *, patience: float = 120.0) -> None:
        self._connection = connection
        self.patience = patience
        #: What watches the client's calls (spans, metrics, hooks), or None.
        self.instrumentation = getattr(connection, "_instr", None)
        meta = connection.meta or {}
        limit = meta.get("grpcMaxMessageSize")
        server_limit = limit if isinstance(limit, int) and limit > 0 else _DEFAULT_MAX_MESSAGE
        #: The largest request body the transport sends (the server's limit, less a margin).
        self.max_request_bytes = max(1024, int(server_limit * 0.95) - _ENVELOPE)
        retry = connection.config.retry
        # Objects carry client-chosen uuids: sending them twice replaces, so every failure but
        # a refusal may be retried, timeouts included. References are not idempotent (one
        # added twice is stored twice): retried only when they cannot have been applied.
        self._objects_policy: RetryPolicy | None = None
        self._references_policy: RetryPolicy | None = None
        if patience > 0:
            self._references_policy = RetryPolicy(
                max_tries=1_000_000,
                max_time=patience,
                initial_delay=retry.initial_delay,
                max_delay=max(retry.max_delay, 5.0),
            )
            self._objects_policy = attrs.evolve(
                self._references_policy, idempotent=True, retry_timeouts=True
            )

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
            WeaviateBaseError: a request as a whole failed (the mapped error), after the retry
                policy gave up.
        """
        call = self._connection.batch_objects
        return await self._send(items, consistency_level, operation, call, self._objects_policy)

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
        call = self._connection.batch_references
        return await self._send(items, consistency_level, operation, call, self._references_policy)

    async def _send(
        self,
        items: Sequence[PendingObject] | Sequence[PendingReference],
        consistency_level: Any,
        operation: str,
        call: Callable[..., Awaitable[Any]],
        policy: RetryPolicy | None,
    ) -> dict[int, str]:
        errors: dict[int, str] = {}
        # No items is still one (empty) request, as the official client's insert_many([])
        # makes: the server (and a closed client) answer it as they answer any other.
        groups = list(split_by_size(items, self.max_request_bytes)) or [[]]
        for group in groups:
            data = request_bytes(group, consistency_level)
            reply = await call(
                data, operation=operation, timeout=self.timeout_for(len(data)), retry=policy
            )
            for position, message in reply_errors(reply).items():
                if 0 <= position < len(group):
                    errors[group[position].index] = message
        return errors

    def open_stream(self) -> AbstractAsyncContextManager[StreamChannel]:
        """Open a ``BatchStream`` (the server-side batching RPC)."""
        return self._connection.batch_stream(operation="batch.stream")
