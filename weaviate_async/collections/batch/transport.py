"""Sending encoded batches through the connection: requests split into parts of a few MB (well
under the server's gRPC message limit), deadlines that grow with the request's size, and a retry
policy patient enough to ride through a server restart (the connection's one retry engine does
the retrying)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any

import attrs

from weaviate_async.connect.retry import RetryPolicy
from weaviate_async.proto.weaviate.v1 import batch_pb2
from weaviate_async.wire.batch import (
    PendingObject,
    PendingReference,
    reply_errors,
    request_bytes,
    split_by_size,
)

if TYPE_CHECKING:
    from weaviate_async.collections.batch.sizing import Sizing
    from weaviate_async.collections.batch.stream import StreamChannel
    from weaviate_async.connect.connection import Connection

__all__ = ["WRITE_REQUEST_BYTES", "BatchTransport", "SendProgress"]

#: The most bytes of encoded objects (or references) one write request carries. A request of
#: this size is answered within seconds, so its deadline stays short and a failure leaves
#: little in doubt; larger ones gain nothing (the server indexes a request's objects in
#: parallel already), and one near the server's limit (~100 MB) ran into its own deadline.
WRITE_REQUEST_BYTES = 4 * 1024 * 1024

# The server's default (GRPC_MAX_MESSAGE_SIZE); used when its meta does not say.
_DEFAULT_MAX_MESSAGE = 104_858_000
# Room for the request's own framing and the consistency level field.
_ENVELOPE = 64 * 1024
# Deadlines grow by one second per this many bytes beyond the configured insert timeout.
_BYTES_PER_SECOND = 1_000_000


def _groups(items: Sequence[Any], limit: int, sizing: Sizing | None) -> Iterator[Sequence[Any]]:
    """``items`` in consecutive requests of at most ``limit`` bytes and, with ``sizing``, of at
    most its batch size at the time each request is formed."""
    if not items:
        # No items is still one (empty) request, as the official client's insert_many([])
        # makes: the server (and a closed client) answer it as they answer any other.
        yield []
        return
    if sizing is None:
        yield from split_by_size(items, limit)
        return
    start = 0
    while start < len(items):
        group = next(split_by_size(items[start : start + sizing.batch_size], limit))
        yield group
        start += len(group)


def _message_size(message: batch_pb2.BatchReference) -> int:
    # its bytes, and the field's tag and length
    return message.ByteSize() + 4


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
        #: The largest request body the transport sends: :data:`WRITE_REQUEST_BYTES`, or the
        #: server's limit less a margin when that is smaller.
        self.max_request_bytes = max(
            1024, min(WRITE_REQUEST_BYTES, int(server_limit * 0.95) - _ENVELOPE)
        )
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
        progress: SendProgress | None = None,
        sizing: Sizing | None = None,
    ) -> dict[int, str]:
        """Send ``items`` in requests of at most :attr:`max_request_bytes`, one after the
        other, and return the server's errors by item index (the items' own ``index``).

        Args:
            progress: filled in as requests are answered, so that a caller can tell which
                items were answered when a later request fails.
            sizing: a batch mode's strategy bounding the objects per request as well (told
                how each request went), e.g. :class:`DynamicSizing`, which keeps requests
                around two seconds of the server's work whatever an object costs it.

        Raises:
            WeaviateBaseError: a request as a whole failed (the mapped error), after the retry
                policy gave up; the requests after it are not sent.
        """
        call = self._connection.batch_objects
        return await self._send(
            items, consistency_level, operation, call, self._objects_policy, progress, sizing
        )

    async def send_references(
        self,
        items: Sequence[PendingReference],
        consistency_level: Any,
        *,
        operation: str,
        progress: SendProgress | None = None,
    ) -> dict[int, str]:
        """Send references as :meth:`send_objects` sends objects; the server's errors by item
        index.

        Raises:
            WeaviateBaseError: a request as a whole failed (the mapped error).
        """
        call = self._connection.batch_references
        return await self._send(
            items, consistency_level, operation, call, self._references_policy, progress
        )

    async def _send(
        self,
        items: Sequence[PendingObject] | Sequence[PendingReference],
        consistency_level: Any,
        operation: str,
        call: Callable[..., Awaitable[Any]],
        policy: RetryPolicy | None,
        progress: SendProgress | None,
        sizing: Sizing | None = None,
    ) -> dict[int, str]:
        # One request at a time: the server spreads a request's objects over its cores
        # already, so a second request in flight would only wait there (and count against
        # its deadline); and when a request fails, what went before it is known to be answered.
        if progress is None:
            progress = SendProgress()
        errors = progress.errors
        loop = asyncio.get_running_loop()
        for group in _groups(items, self.max_request_bytes, sizing):
            data = request_bytes(group, consistency_level)
            progress.sending = len(group)
            started = loop.time()
            reply = await call(
                data, operation=operation, timeout=self.timeout_for(len(data)), retry=policy
            )
            if sizing is not None:
                sizing.on_reply(len(group), loop.time() - started)
            for position, message in reply_errors(reply).items():
                if 0 <= position < len(group):
                    errors[group[position].index] = message
            progress.answered += len(group)
            progress.requests += 1
        progress.sending = 0
        return errors

    async def send_reference_request(
        self,
        request: batch_pb2.BatchReferencesRequest,
        *,
        operation: str,
        progress: SendProgress | None = None,
    ) -> dict[int, str]:
        """Send a built ``BatchReferencesRequest`` (``reference_add_many``'s) in parts of at
        most :attr:`max_request_bytes`, one after the other, with the client's retry settings;
        the server's errors by position in ``request.references``.

        Raises:
            WeaviateBaseError: a request as a whole failed (the mapped error); the parts after
                it are not sent.
        """
        if progress is None:
            progress = SendProgress()
        level = request.consistency_level if request.HasField("consistency_level") else None
        for group in split_by_size(request.references, self.max_request_bytes, _message_size):
            part = batch_pb2.BatchReferencesRequest(references=group, consistency_level=level)
            progress.sending = len(group)
            reply = await self._connection.batch_references(
                part, operation=operation, timeout=self.timeout_for(part.ByteSize())
            )
            for error in reply.errors:
                if 0 <= error.index < len(group):
                    progress.errors[progress.answered + error.index] = error.error
            progress.answered += len(group)
            progress.requests += 1
        progress.sending = 0
        return progress.errors

    def open_stream(self) -> AbstractAsyncContextManager[StreamChannel]:
        """Open a ``BatchStream`` (the server-side batching RPC)."""
        return self._connection.batch_stream(operation="batch.stream")


@attrs.define
class SendProgress:
    """How far a send got (see :meth:`BatchTransport.send_objects`).

    Attributes:
        answered: how many of the items given (a prefix of them) had their requests answered.
        sending: how many items the request in flight (or the one that failed) carries.
        requests: the requests answered.
        errors: the server's errors so far, by item index.
    """

    answered: int = 0
    sending: int = 0
    requests: int = 0
    errors: dict[int, str] = attrs.field(factory=dict)
