"""What the generated call methods (``_calls.py``) and RPC values (``rpc.py``) stand on: what
one RPC is (:class:`Rpc`), the connection's implementations the methods hand calls to, the
``BatchStream`` call, and the REST fallback of ``BatchReferences``.

The methods of one kind repeat their parameters (signature, documentation, forwarding) and
each RPC was written three times; they are generated from a table (``tools/gen_calls.py``).
What is said once lives here.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any, Literal

from weaviate_async.connect._rpc_kind import Rep, Req, Rpc
from weaviate_async.exceptions import WeaviateBaseError

if TYPE_CHECKING:
    from weaviate_async.connect._transport import BatchStream
    from weaviate_async.connect.retry import RetryPolicy
    from weaviate_async.connect.rpc import RpcTable
    from weaviate_async.proto.weaviate.v1 import batch_pb2

__all__ = ["CallsBase", "Rpc", "TimeoutKind"]


TimeoutKind = Literal["init", "query", "insert"]


class CallsBase:
    """The implementations a connection provides (``_unary``, ``_batch_stream``), and the
    call that is not one of a kind."""

    _rpc: RpcTable
    _limits: dict[str, float]
    server_version: tuple[int, int, int]
    #: the REST call (the generated ``Calls.rest``), declared here so that the fallback below
    #: needs nothing of the module above this one
    rest: Callable[..., Awaitable[Any]]

    def _batch_stream(
        self, operation: str, limit: float
    ) -> AbstractAsyncContextManager[BatchStream]:
        raise NotImplementedError

    async def _unary(
        self,
        rpc: Rpc[Req, Rep],
        request: Req | bytes,
        operation: str,
        timeout: float | None,
        retry: RetryPolicy | None,
        error: type[WeaviateBaseError] | None,
    ) -> Rep:
        """The one implementation of the unary RPCs (the connection's)."""
        raise NotImplementedError

    def batch_stream(
        self, *, operation: str, timeout: float | None = None
    ) -> AbstractAsyncContextManager[BatchStream]:
        """Open the bidirectional ``BatchStream`` call, with the credentials of unary calls.

        The stream is not retried: the caller owns the protocol (Start, Data..., Stop) and
        re-sends what was not acknowledged on a new stream. Leaving the block before
        :meth:`BatchStream.recv` returned None (the server's end) cancels the call.

        Args:
            operation: what the caller does, for error messages.
            timeout: seconds each send or receive may wait (default ``Timeout.insert``).

        Raises:
            WeaviateConnectionError: the server could not be reached or the stream broke.
            WeaviateBatchError: the server ended the stream with an error status (statuses
                with a class of their own map as for unary calls).
            WeaviateTimeoutError: a send or receive ran out of time.

        Examples:
            >>> async with connection.batch_stream(operation="batch.stream") as stream:
            ...     await stream.send(BatchStreamRequest(start=BatchStreamRequest.Start()))
            ...     started = await stream.recv()
        """
        return self._batch_stream(operation, self._limits["insert"] if timeout is None else timeout)


async def _references_over_rest(
    calls: CallsBase,
    request: batch_pb2.BatchReferencesRequest | bytes,
    operation: str,
    timeout: float | None,
    retry: RetryPolicy | None,
) -> batch_pb2.BatchReferencesReply | None:
    """A server older than 1.35 gets ``BatchReferences`` over REST
    (``/v1/batch/references``, as the official client always sends it), its answer
    converted to the gRPC reply; None for a newer server (the gRPC call then goes)."""
    from weaviate_async.connect import _batch_rest as wire_batch_rest

    if not (0, 0, 0) < calls.server_version < wire_batch_rest.GRPC_REFERENCES_MINIMUM:
        return None
    started = time.monotonic()
    body = await calls.rest(
        "POST",
        "/batch/references",
        operation=operation,
        json=wire_batch_rest.references_body(request),
        params=wire_batch_rest.references_params(request) or None,
        timeout=timeout if timeout is not None else "insert",
        idempotent=False,
        retry=retry,
    )
    return wire_batch_rest.references_reply(body, time.monotonic() - started)
