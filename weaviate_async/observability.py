"""What the client tells about its requests: the record its event hooks receive.

``AdditionalConfig(event_hooks=[...])`` takes callables; each is called with one
:class:`RequestEvent` when an attempt ends (``kind="attempt"``) and when a call ends, after
all its attempts (``kind="request"``). A plain hook runs synchronously on the thread that made
the request (the client's event loop, or the caller's own thread for the blocking client's
searches): it must be quick and must not block. An ``async def`` hook runs as a task on the
client's event loop, and closing the client waits for those still running. An exception
raised by a hook is logged and otherwise ignored. OpenTelemetry spans and metrics are described in
``docs/observability.md``.

Examples:
    >>> events = []
    >>> config = AdditionalConfig(event_hooks=[events.append])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import attrs

__all__ = ["EventHook", "RequestEvent"]


@attrs.frozen(kw_only=True, slots=True)
class RequestEvent:
    """One request or one attempt, as the client saw it. Never holds property values,
    vectors or credentials.

    Attributes:
        kind: ``"attempt"`` (one try on the wire) or ``"request"`` (the call, retries
            included).
        operation: the OpenTelemetry ``db.operation.name`` of the call, e.g.
            ``"query.near_vector"`` or ``"batch.objects"``.
        target: the gRPC method (``weaviate.v1.Weaviate/Search``) or the REST path below
            ``/v1``.
        collection: the collection the call names, when it names one.
        duration: seconds, from the start of the attempt (or of the call) to its end.
        bytes_out: the size of the request body (of each attempt; a request counts one).
        bytes_in: the size of the reply body, when one came (0 otherwise).
        status: ``"OK"``, the HTTP status as a string, or the name of the exception raised.
        attempt: the attempt's number (1 for the first); for a request, how many were made.
        request_id: the server's request id, when its reply carried one
            (``X-Request-Id``).
        error: the exception's class name when the attempt or call failed, else None.
    """

    kind: Literal["attempt", "request"]
    operation: str
    target: str
    collection: str | None
    duration: float
    bytes_out: int
    bytes_in: int
    status: str
    attempt: int
    request_id: str | None = None
    error: str | None = None


EventHook = Callable[[RequestEvent], object]
"""The type of one event hook: a callable of one :class:`RequestEvent` (a coroutine it returns
runs as a task on the client's event loop)."""
