"""The calls a connection offers: :meth:`Calls.rest`, one method per unary RPC of
``weaviate.v1.Weaviate`` and :meth:`Calls.batch_stream`.

:class:`Calls` is a base of :class:`~weaviate_async.connect.connection.Connection`: each
method says what it calls, with which defaults, and hands the call to the connection's one
implementation of its kind (``rest_status``; ``_unary``: retries, accounting, one attempt
function; ``_batch_stream``).
"""

from __future__ import annotations

import time
from collections.abc import Collection, Mapping
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:
    from weaviate_async.connect._transport import BatchStream
    from weaviate_async.connect.retry import RetryPolicy
    from weaviate_async.connect.rpc import Rpc, RpcTable
    from weaviate_async.exceptions import WeaviateBaseError
    from weaviate_async.proto.weaviate.v1 import (
        aggregate_pb2,
        batch_delete_pb2,
        batch_pb2,
        search_get_pb2,
        tenants_pb2,
    )

__all__ = ["Calls", "TimeoutKind"]

TimeoutKind = Literal["init", "query", "insert"]

Req = TypeVar("Req")
Rep = TypeVar("Rep")


class Calls:
    """The call methods of a connection, for a class that provides ``rest_status``,
    ``_unary`` and ``_batch_stream``."""

    _rpc: RpcTable
    _limits: dict[str, float]
    server_version: tuple[int, int, int]

    async def rest_status(
        self,
        method: str,
        path: str,
        *,
        operation: str,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        ok: Collection[int] = (200,),
        timeout: TimeoutKind | float = "query",
        idempotent: bool | None = None,
        retry: RetryPolicy | None = None,
    ) -> tuple[int, Any]:
        """Like :meth:`rest`, and also return the status (one of ``ok``)."""
        raise NotImplementedError

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

    async def rest(
        self,
        method: str,
        path: str,
        *,
        operation: str,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        ok: Collection[int] = (200,),
        timeout: TimeoutKind | float = "query",
        idempotent: bool | None = None,
        retry: RetryPolicy | None = None,
    ) -> Any:
        """Call ``/v1{path}`` and return the decoded JSON body (None when empty).

        Args:
            method: the HTTP method.
            path: the path below ``/v1``.
            operation: what the caller does, for error messages (e.g. ``"data.insert"``).
            json: the request body, encoded with orjson.
            params: query parameters.
            ok: the statuses that are success.
            timeout: a ``Timeout`` field name, or seconds.
            idempotent: whether the call may be applied twice without harm; by default GET,
                HEAD, PUT, DELETE and OPTIONS are, POST and PATCH are not.
            retry: a policy for this call instead of the client's; an explicit
                ``idempotent`` overrides the policy's.

        Raises:
            ResponseCannotBeDecodedError: the body of a successful reply is not JSON.
            WeaviateTimeoutError: an attempt ran out of time.
            WeaviateConnectionError: the server could not be reached, or the connection broke.
            UnexpectedStatusCodeError: (or a subclass) any status not in ``ok``, with the
                server's message, once retries (if any) are exhausted.
        """
        return (
            await self.rest_status(
                method,
                path,
                operation=operation,
                json=json,
                params=params,
                ok=ok,
                timeout=timeout,
                idempotent=idempotent,
                retry=retry,
            )
        )[1]

    async def search(
        self,
        request: search_get_pb2.SearchRequest,
        *,
        operation: str,
        timeout: float | None = None,
        retry: RetryPolicy | None = None,
        error: type[WeaviateBaseError] | None = None,
    ) -> search_get_pb2.SearchReply:
        """Call ``Search`` (idempotent; limited by ``Timeout.query`` unless ``timeout``).

        Args:
            request: the search request.
            operation: what the caller does, for error messages (e.g. ``"query.near_vector"``).
            timeout: seconds for each attempt instead of the client's ``Timeout.query``.
            retry: a policy for this call instead of the client's.
            error: the exception class of plain failures (default WeaviateQueryError).

        Raises:
            WeaviateQueryError: (or ``error``) the server failed the call, with its message.
            WeaviateConnectionError: the server could not be reached or the call broke, once
                retries are exhausted (UNAVAILABLE maps here too).
            WeaviateTimeoutError: the call ran out of time.
            AuthenticationFailedError, InsufficientPermissionsError: UNAUTHENTICATED,
                PERMISSION_DENIED.

        Examples:
            >>> reply = await connection.search(request, operation="query.fetch_objects")
        """
        return await self._unary(self._rpc.search, request, operation, timeout, retry, error)

    async def aggregate(
        self,
        request: aggregate_pb2.AggregateRequest,
        *,
        operation: str,
        timeout: float | None = None,
        retry: RetryPolicy | None = None,
        error: type[WeaviateBaseError] | None = None,
    ) -> aggregate_pb2.AggregateReply:
        """Call ``Aggregate`` (idempotent; ``Timeout.query``); failures as :meth:`search`."""
        return await self._unary(self._rpc.aggregate, request, operation, timeout, retry, error)

    async def tenants_get(
        self,
        request: tenants_pb2.TenantsGetRequest,
        *,
        operation: str,
        timeout: float | None = None,
        retry: RetryPolicy | None = None,
        error: type[WeaviateBaseError] | None = None,
    ) -> tenants_pb2.TenantsGetReply:
        """Call ``TenantsGet`` (idempotent; ``Timeout.query``); failures as :meth:`search`."""
        return await self._unary(self._rpc.tenants_get, request, operation, timeout, retry, error)

    async def batch_objects(
        self,
        request: batch_pb2.BatchObjectsRequest | bytes,
        *,
        operation: str,
        timeout: float | None = None,
        retry: RetryPolicy | None = None,
        error: type[WeaviateBaseError] | None = None,
    ) -> batch_pb2.BatchObjectsReply:
        """Call ``BatchObjects`` (``Timeout.insert`` unless ``timeout``).

        A batch is idempotent (objects are upserted by the uuid the client chose), so by
        default it is retried after a broken connection and UNAVAILABLE as well; pass a
        ``retry`` policy with a longer ``max_time`` and ``retry_timeouts=True`` to ride through
        a server restart.

        Args:
            request: the request message, or its serialization (``bytes``; e.g. the
                concatenated encodings of ``objects`` fields), sent as it is.
            operation: what the caller does, for error messages.
            timeout: seconds for each attempt (scale it with the request's size).
            retry: a policy for this call instead of the client's.
            error: the exception class of plain failures (default WeaviateBatchError).

        Raises:
            WeaviateBatchError: (or ``error``) the batch as a whole failed on the server.
            WeaviateConnectionError, WeaviateTimeoutError: as for :meth:`search`.
        """
        return await self._unary(self._rpc.batch_objects, request, operation, timeout, retry, error)

    async def batch_references(
        self,
        request: batch_pb2.BatchReferencesRequest | bytes,
        *,
        operation: str,
        timeout: float | None = None,
        retry: RetryPolicy | None = None,
        error: type[WeaviateBaseError] | None = None,
    ) -> batch_pb2.BatchReferencesReply:
        """Call ``BatchReferences`` (``Timeout.insert``). Not idempotent by default (a reference
        added twice may be stored twice): retried only when it cannot have been applied.

        A server older than 1.35 gets the same batch over REST (``/v1/batch/references``, as
        the official client always sends it), its answer converted to the gRPC reply.
        """
        from weaviate_async.connect import _batch_rest as batch_rest

        if (0, 0, 0) < self.server_version < batch_rest.GRPC_REFERENCES_MINIMUM:
            started = time.monotonic()
            body = await self.rest(
                "POST",
                "/batch/references",
                operation=operation,
                json=batch_rest.references_body(request),
                params=batch_rest.references_params(request) or None,
                timeout=timeout if timeout is not None else "insert",
                idempotent=False,
                retry=retry,
            )
            return batch_rest.references_reply(body, time.monotonic() - started)
        return await self._unary(
            self._rpc.batch_references, request, operation, timeout, retry, error
        )

    async def batch_delete(
        self,
        request: batch_delete_pb2.BatchDeleteRequest,
        *,
        operation: str,
        timeout: float | None = None,
        retry: RetryPolicy | None = None,
        error: type[WeaviateBaseError] | None = None,
    ) -> batch_delete_pb2.BatchDeleteReply:
        """Call ``BatchDelete`` (idempotent; ``Timeout.insert``); plain failures raise
        ``error`` (default WeaviateQueryError)."""
        return await self._unary(self._rpc.batch_delete, request, operation, timeout, retry, error)

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
