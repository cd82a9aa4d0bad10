"""Spans, metrics, event hooks and the slow-operation log of the connection's calls.

The connection decides once, when it connects, whether anything watches
(:func:`instrumentation_for`): with no tracer or meter provider configured (the OpenTelemetry
API not even imported, or its global providers still the API's placeholders), no event hooks
and no slow-operation threshold it holds None, and each call pays one attribute test.
Otherwise every call gets a :class:`CallScope` (one CLIENT span, the duration histogram, a
``request`` event) and every attempt an :class:`AttemptScope` (a child span whose W3C trace
context goes out with the attempt, an ``attempt`` event).

The OpenTelemetry API is imported here only when an application configured it, so importing
the package never imports it (the ``otel`` extra is optional).

What is recorded never holds property values, vectors or credentials: names of operations,
collections and tenants, sizes, counts, statuses and exception class names only (exception
messages may quote a server's words about a value, so they are left out of spans too).
"""

from __future__ import annotations

import asyncio
import logging
import re
import sys
import threading
import time
import weakref
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from weaviate_async.connect import retry as retry_engine
from weaviate_async.connect.retry import RetriableError
from weaviate_async.observability import RequestEvent

if TYPE_CHECKING:
    from weaviate_async.connect.params import AdditionalConfig, ConnectionParams
    from weaviate_async.connect.retry import RetryPolicy

__all__ = [
    "OPERATION_NAMES",
    "AttemptScope",
    "CallScope",
    "Instrumentation",
    "error_type",
    "instrumentation_for",
    "operation_name",
    "request_attributes",
    "rest_collection",
]

T = TypeVar("T")

_log = logging.getLogger("weaviate_async")
_now = time.perf_counter

#: The client's internal operation names that are renamed for ``db.operation.name``; every
#: other operation is reported as the client names it (``query.near_vector``,
#: ``data.insert``, ``collections.create``, ...): the public method's path below the client.
OPERATION_NAMES: Mapping[str, str] = {
    "batch.add_object": "batch.objects",
    "batch.add_reference": "batch.references",
}

_CONSISTENCY = {1: "ONE", 2: "QUORUM", 3: "ALL"}
# Collection names start with a capital letter; the paths that name one put it second.
_REST_COLLECTION = re.compile(r"^/(?:objects|schema)/([A-Z][A-Za-z0-9_]*)(?:/|$)")
# Bucket bounds the database semantic conventions advise for operation durations (seconds).
_BUCKETS = (0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0)


def operation_name(operation: str) -> str:
    """The ``db.operation.name`` of one of the client's operation strings."""
    renamed = OPERATION_NAMES.get(operation)
    if renamed is not None:
        return renamed
    if operation.startswith("collection.aggregate."):
        return operation[11:]  # "aggregate.near_vector", as query.* and generate.* read
    return operation


def rest_collection(path: str) -> str | None:
    """The collection a REST path names (``/objects/Article/<uuid>``, ``/schema/Article``)."""
    found = _REST_COLLECTION.match(path)
    return found.group(1) if found else None


def request_attributes(request: Any) -> dict[str, Any]:
    """Collection, tenant and consistency level of a gRPC request message (nothing of a
    request given as bytes: a batch may span collections)."""
    if isinstance(request, (bytes, bytearray, memoryview)):
        return {}
    attributes: dict[str, Any] = {}
    collection = getattr(request, "collection", None)
    if collection:
        attributes["db.collection.name"] = collection
    tenant = getattr(request, "tenant", None)
    if tenant:
        attributes["weaviate.tenant"] = tenant
    level = getattr(request, "consistency_level", 0)
    if level:
        attributes["weaviate.consistency_level"] = _CONSISTENCY.get(level, str(level))
    return attributes


def rest_attributes(path: str, params: Mapping[str, str] | None) -> dict[str, Any]:
    """Collection, tenant and consistency level of a REST call (path and query parameters)."""
    attributes: dict[str, Any] = {}
    collection = rest_collection(path)
    if collection is not None:
        attributes["db.collection.name"] = collection
    if params:
        tenant = params.get("tenant")
        if tenant:
            attributes["weaviate.tenant"] = tenant
        level = params.get("consistency_level")
        if level:
            attributes["weaviate.consistency_level"] = level
    return attributes


def error_type(exc: BaseException) -> str:
    """``error.type``: the class name of the exception the caller sees."""
    if isinstance(exc, RetriableError):
        return type(exc.error).__name__
    return type(exc).__name__


def result_count(reply: Any) -> int | None:
    """How many results a reply carries, when that is a count of returned items."""
    if isinstance(reply, tuple) and len(reply) == 2 and isinstance(reply[0], int):
        reply = reply[1]  # a REST call's (status, body)
    if isinstance(reply, list):
        return len(reply)
    if isinstance(reply, dict):
        objects = reply.get("objects")
        return len(objects) if isinstance(objects, list) else None
    results = getattr(reply, "results", None)
    if results is not None and not isinstance(reply, dict):
        try:
            return len(results)
        except TypeError:
            return None
    return None


def _placeholder(provider: Any, *names: str) -> bool:
    """Whether a global provider is one of the API's own stand-ins (nothing configured)."""
    return type(provider).__name__ in names


def _configured(config: AdditionalConfig) -> tuple[Any, Any]:
    """The tracer and meter providers to use, None where nothing is configured."""
    tracer_provider, meter_provider = config.tracer_provider, config.meter_provider
    # An application that configured a global provider has imported the API; one that did
    # not costs no import here.
    trace = sys.modules.get("opentelemetry.trace")
    if tracer_provider is None and trace is not None:
        candidate = trace.get_tracer_provider()
        if not _placeholder(candidate, "ProxyTracerProvider", "NoOpTracerProvider"):
            tracer_provider = candidate
    metrics = sys.modules.get("opentelemetry.metrics")
    if meter_provider is None and metrics is not None:
        candidate = metrics.get_meter_provider()
        if not _placeholder(candidate, "_ProxyMeterProvider", "NoOpMeterProvider"):
            meter_provider = candidate
    return tracer_provider, meter_provider


def instrumentation_for(
    config: AdditionalConfig,
    params: ConnectionParams,
    loop: asyncio.AbstractEventLoop | None = None,
) -> Instrumentation | None:
    """What watches a connection's calls, or None when nothing does (decided at connect).
    ``loop``: the connection's, where async event hooks run."""
    tracer_provider, meter_provider = _configured(config)
    hooks = tuple(config.event_hooks)
    slow = config.slow_operation_threshold
    if tracer_provider is None and meter_provider is None and not hooks and slow is None:
        return None
    otel = _Otel(tracer_provider, meter_provider) if tracer_provider or meter_provider else None
    return Instrumentation(otel, hooks, slow, params, loop)


class _Otel:
    """The tracer and the instruments of one connection."""

    def __init__(self, tracer_provider: Any, meter_provider: Any) -> None:
        from opentelemetry import baggage, propagate, trace

        # The package is imported already (this is one of its modules); read, not imported,
        # so that nothing here climbs back up to it.
        version = getattr(sys.modules.get("weaviate_async"), "__version__", None)
        self.inject = propagate.inject
        self.textmap = propagate.get_global_textmap
        self.baggage = baggage.get_all
        # The global propagator last seen, and whether it is the default one (W3C trace
        # context and baggage): the headers are then written here, for a fraction of the cost.
        self._propagator: Any = None
        self._default_propagation = False
        self.in_context = trace.set_span_in_context
        self.client_kind = trace.SpanKind.CLIENT
        self.error_status = trace.Status(trace.StatusCode.ERROR)
        self.tracer = (
            tracer_provider.get_tracer("weaviate_async", version)
            if tracer_provider is not None
            else None
        )
        self.meter = (
            meter_provider.get_meter("weaviate_async", version)
            if meter_provider is not None
            else None
        )
        self.duration: Any = None
        self.retries: Any = None
        self.connections: Any = None
        self.batch_sent: Any = None
        self.batch_acknowledged: Any = None
        self.batch_failed: Any = None
        self.batch_retried: Any = None
        # Batch engines alive, read by the observable gauges (no cost per object).
        self.engines: weakref.WeakSet[Any] = weakref.WeakSet()
        meter = self.meter
        if meter is None:
            return
        self.duration = meter.create_histogram(
            "db.client.operation.duration",
            unit="s",
            description="Duration of database client operations.",
            explicit_bucket_boundaries_advisory=list(_BUCKETS),
        )
        self.retries = meter.create_counter(
            "weaviate.client.retries",
            unit="{retry}",
            description="Attempts made again after a retriable failure, by cause.",
        )
        self.connections = meter.create_up_down_counter(
            "weaviate.client.connections",
            unit="{connection}",
            description="Open client connections (one REST session and its gRPC channels).",
        )
        self.batch_sent = meter.create_counter(
            "weaviate.batch.objects.sent", unit="{object}", description="Objects sent."
        )
        self.batch_acknowledged = meter.create_counter(
            "weaviate.batch.objects.acknowledged",
            unit="{object}",
            description="Objects the server stored.",
        )
        self.batch_failed = meter.create_counter(
            "weaviate.batch.objects.failed", unit="{object}", description="Objects that failed."
        )
        self.batch_retried = meter.create_counter(
            "weaviate.batch.objects.retried",
            unit="{object}",
            description="Objects sent again after the server refused them for now.",
        )
        meter.create_observable_gauge(
            "weaviate.batch.queue.depth",
            callbacks=[self._queue_depth],
            unit="{object}",
            description="Objects waiting to be sent by the batch engines.",
        )
        meter.create_observable_gauge(
            "weaviate.batch.requests.in_flight",
            callbacks=[self._in_flight],
            unit="{request}",
            description="Batch requests sent and not yet answered.",
        )

    def default_propagation(self) -> bool:
        """Whether the global propagator is OpenTelemetry's default (W3C trace context, then
        W3C baggage), checked again whenever the application installs another."""
        propagator = self.textmap()
        if propagator is not self._propagator:
            from opentelemetry.baggage.propagation import W3CBaggagePropagator
            from opentelemetry.propagators.composite import CompositePropagator
            from opentelemetry.trace.propagation.tracecontext import (
                TraceContextTextMapPropagator,
            )

            inner = getattr(propagator, "_propagators", None)
            self._default_propagation = (
                type(propagator) is CompositePropagator
                and isinstance(inner, list | tuple)
                and [type(p) for p in inner]
                == [TraceContextTextMapPropagator, W3CBaggagePropagator]
            )
            self._propagator = propagator
        return self._default_propagation

    def _queue_depth(self, _options: Any) -> Iterable[Any]:
        from opentelemetry.metrics import Observation

        return [Observation(sum(engine.queue_depth() for engine in list(self.engines)))]

    def _in_flight(self, _options: Any) -> Iterable[Any]:
        from opentelemetry.metrics import Observation

        return [Observation(sum(engine.requests_in_flight() for engine in list(self.engines)))]


class Instrumentation:
    """What watches one connection's calls: OpenTelemetry, event hooks, the slow log."""

    __slots__ = (
        "_grpc_server",
        "_http_server",
        "_lock",
        "_loop",
        "_running",
        "hooks",
        "otel",
        "slow",
    )

    def __init__(
        self,
        otel: _Otel | None,
        hooks: tuple[Callable[[RequestEvent], object], ...],
        slow: float | None,
        params: ConnectionParams,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        self.otel = otel
        self.hooks = hooks
        self.slow = slow
        self._loop = loop
        # Async hooks' runs not finished yet (held so that they are not collected mid-way),
        # added from a blocking caller's thread too.
        self._running: set[Any] = set()
        self._lock = threading.Lock()
        self._http_server = {"server.address": params.http.host, "server.port": params.http.port}
        self._grpc_server = {"server.address": params.grpc.host, "server.port": params.grpc.port}

    # ------------------------------------------------------------------ calls

    def grpc_call(self, operation: str, target: str, request: Any) -> CallScope:
        """The scope of one gRPC call."""
        size = len(request) if isinstance(request, bytes) else request.ByteSize()
        return CallScope(
            self, operation, target, request_attributes(request), self._grpc_server, size, None
        )

    def rest_call(
        self, operation: str, method: str, path: str, params: Mapping[str, str] | None, size: int
    ) -> CallScope:
        """The scope of one REST call."""
        return CallScope(
            self, operation, path, rest_attributes(path, params), self._http_server, size, method
        )

    async def run(
        self,
        call: CallScope,
        policy: RetryPolicy,
        limit: float,
        send: Callable[[float, AttemptScope], Awaitable[T]],
    ) -> T:
        """The retry engine's run of ``send``, each attempt and the whole call observed."""

        async def attempt(time_limit: float) -> T:
            scope = call.attempt()
            try:
                result = await send(time_limit, scope)
            except BaseException as exc:
                scope.finish(exc)
                raise
            scope.finish(None)
            return result

        try:
            result = await retry_engine.run(policy, limit, attempt)
        except BaseException as exc:
            call.finish(exc)
            raise
        call.finish(None, result)
        return result

    # ------------------------------------------------------------------ connections, batches

    def connection_opened(self, delta: int) -> None:
        """Count a connection opened (+1) or closed (-1)."""
        otel = self.otel
        if otel is not None and otel.connections is not None:
            otel.connections.add(delta, self._http_server)

    def watch_engine(self, engine: Any) -> None:
        """Report a batch engine's queue depth and requests in flight while it lives."""
        if self.otel is not None and self.otel.meter is not None:
            self.otel.engines.add(engine)

    def batch_counts(
        self, *, sent: int = 0, acknowledged: int = 0, failed: int = 0, retried: int = 0
    ) -> None:
        """Add to the batch object counters."""
        otel = self.otel
        if otel is None or otel.meter is None:
            return
        attributes = {"db.system.name": "weaviate", **self._grpc_server}
        if sent:
            otel.batch_sent.add(sent, attributes)
        if acknowledged:
            otel.batch_acknowledged.add(acknowledged, attributes)
        if failed:
            otel.batch_failed.add(failed, attributes)
        if retried:
            otel.batch_retried.add(retried, attributes)

    def batch_span(self, name: str, collection: str | None) -> Any:
        """A span over a batch context (the parent of its requests), or None without a
        tracer; the caller ends it with :meth:`end_batch_span`."""
        otel = self.otel
        if otel is None or otel.tracer is None:
            return None
        attributes: dict[str, Any] = {
            "db.system.name": "weaviate",
            "db.operation.name": name,
            **self._grpc_server,
        }
        if collection:
            attributes["db.collection.name"] = collection
        span_name = f"{name} {collection}" if collection else name
        return otel.tracer.start_span(span_name, kind=otel.client_kind, attributes=attributes)

    def end_batch_span(self, span: Any, exc: BaseException | None, **counts: int) -> None:
        """End a span of :meth:`batch_span` with the batch's counts."""
        if span is None:
            return
        for key, value in counts.items():
            span.set_attribute(f"weaviate.batch.{key}", value)
        if exc is not None:
            assert self.otel is not None
            span.set_attribute("error.type", error_type(exc))
            span.set_status(self.otel.error_status)
        span.end()

    def context_with(self, span: Any) -> Any:
        """The current context with ``span`` as the parent of what starts in it."""
        assert self.otel is not None
        return self.otel.in_context(span)

    # ------------------------------------------------------------------ events

    def emit(self, event: RequestEvent) -> None:
        """Call each hook with ``event``; a hook's failure is logged, not raised. An async
        hook's coroutine runs as a task on the connection's loop (from a blocking caller's
        thread too)."""
        for hook in self.hooks:
            try:
                result = hook(event)
            except Exception:
                _log.exception("an event hook failed on %s %s", event.kind, event.operation)
                continue
            if asyncio.iscoroutine(result):
                self._start(result, event)

    def _start(self, coroutine: Any, event: RequestEvent) -> None:
        loop = self._loop
        try:
            running: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        # On the connection's loop: from its own thread a task, from another thread (a
        # blocking caller's, which may run a loop of its own, as Jupyter's) handed over to it.
        future: Any  # an asyncio task, or the concurrent future of one started from a thread
        if running is not None and (running is loop or loop is None):
            future = running.create_task(coroutine)
        elif loop is not None and not loop.is_closed():
            future = asyncio.run_coroutine_threadsafe(coroutine, loop)
        else:
            coroutine.close()
            _log.warning("an async event hook was not run: the client's loop is closed")
            return
        with self._lock:
            self._running.add(future)

        def done(future: Any) -> None:
            with self._lock:
                self._running.discard(future)
            if not future.cancelled() and future.exception() is not None:
                _log.error(
                    "an event hook failed on %s %s",
                    event.kind,
                    event.operation,
                    exc_info=future.exception(),
                )

        future.add_done_callback(done)

    async def wait_for_hooks(self, timeout: float) -> None:
        """Wait (at most ``timeout`` seconds) for the async hooks' runs still going."""
        with self._lock:
            running = [
                f if isinstance(f, asyncio.Future) else asyncio.wrap_future(f)
                for f in self._running
            ]
        if running:
            await asyncio.wait(running, timeout=timeout)


class CallScope:
    """One call: its span, its attempts, its duration and its event."""

    __slots__ = (
        "_instr",
        "_last_cause",
        "_metric_attributes",
        "attempt_name",
        "attempts",
        "bytes_in",
        "bytes_out",
        "collection",
        "method",
        "operation",
        "request_id",
        "span",
        "started",
        "status",
        "target",
    )

    def __init__(
        self,
        instr: Instrumentation,
        operation: str,
        target: str,
        attributes: dict[str, Any],
        server: Mapping[str, Any],
        size: int,
        method: str | None,
    ) -> None:
        self._instr = instr
        self.operation = name = operation_name(operation)
        self.target = target
        self.method = method
        self.collection: str | None = attributes.get("db.collection.name")
        self.bytes_out = size
        self.bytes_in = 0
        self.status = "OK"
        self.request_id: str | None = None
        self.attempts = 0
        self._last_cause: str | None = None
        self._metric_attributes = {"db.system.name": "weaviate", "db.operation.name": name}
        if self.collection:
            self._metric_attributes["db.collection.name"] = self.collection
        self._metric_attributes.update(server)
        # An HTTP client span is named by its method, a gRPC one by service/method.
        self.attempt_name = method if method is not None else target
        self.span: Any = None
        otel = instr.otel
        if otel is not None and otel.tracer is not None:
            span_attributes = {
                **self._metric_attributes,
                **attributes,
                "weaviate.request.size": size,
            }
            self.span = otel.tracer.start_span(
                f"{name} {self.collection}" if self.collection else name,
                kind=otel.client_kind,
                attributes=span_attributes,
            )
        self.started = _now()

    def attempt(self) -> AttemptScope:
        """Start the next attempt (a retry is counted with its cause)."""
        self.attempts += 1
        if self.attempts > 1:
            otel = self._instr.otel
            if otel is not None and otel.retries is not None:
                otel.retries.add(
                    1,
                    {
                        "db.system.name": "weaviate",
                        "db.operation.name": self.operation,
                        "weaviate.retry.cause": self._last_cause or "unknown",
                    },
                )
        return AttemptScope(self, self.attempts)

    def first_attempt(self, send: Callable[[AttemptScope], T]) -> T:
        """Run the first attempt in the caller's thread (the blocking search path). A
        retriable failure ends the attempt only: the attempts that follow continue this
        call (the caller finishes it when none may follow)."""
        scope = self.attempt()
        try:
            result = send(scope)
        except RetriableError as exc:
            scope.finish(exc)
            raise
        except BaseException as exc:
            scope.finish(exc)
            self.finish(exc)
            raise
        scope.finish(None)
        self.finish(None, result)
        return result

    def finish(self, exc: BaseException | None, reply: Any = None) -> None:
        """End the call: its span, the duration histogram, the event, the slow log."""
        duration = _now() - self.started
        instr = self._instr
        error = None if exc is None else error_type(exc)
        otel = instr.otel
        if otel is not None:
            span = self.span
            if span is not None:
                # One call: each one takes the span's lock and checks every value.
                ended: dict[str, Any] = {
                    "weaviate.retry.count": max(0, self.attempts - 1),
                    "weaviate.response.size": self.bytes_in,
                }
                if exc is None:
                    count = result_count(reply)
                    if count is not None:
                        ended["db.response.returned_rows"] = count
                else:
                    ended["error.type"] = error
                    span.set_status(otel.error_status)
                span.set_attributes(ended)
                span.end()
            if otel.duration is not None:
                attributes = self._metric_attributes
                if error is not None:
                    attributes = {**attributes, "error.type": error}
                otel.duration.record(duration, attributes)
        if instr.hooks:
            instr.emit(
                RequestEvent(
                    kind="request",
                    operation=self.operation,
                    target=self.target,
                    collection=self.collection,
                    duration=duration,
                    bytes_out=self.bytes_out,
                    bytes_in=self.bytes_in,
                    status=self.status if error is None else error,
                    attempt=self.attempts,
                    request_id=self.request_id,
                    error=error,
                )
            )
        slow = instr.slow
        if slow is not None and duration >= slow:
            _log.warning(
                "slow operation: %s on %s took %.3f s (%d attempt(s), threshold %g s)%s",
                self.operation,
                self.target,
                duration,
                self.attempts,
                slow,
                f", failed with {error}" if error else "",
            )


class AttemptScope:
    """One attempt of a call: its child span, what it moved, its event."""

    __slots__ = ("_call", "bytes_in", "number", "request_id", "span", "started", "status")

    def __init__(self, call: CallScope, number: int) -> None:
        self._call = call
        self.number = number
        self.bytes_in = 0
        self.status = "OK"
        self.request_id: str | None = None
        self.span: Any = None
        otel = call._instr.otel
        # A call the sampler left out gets no attempt spans (its context still goes out).
        if call.span is not None and otel is not None and call.span.is_recording():
            assert otel.tracer is not None  # a call span has a tracer
            # The span's name says the method (HTTP) or the RPC: the attempt's number is all
            # it adds at its start (every attribute costs the SDK a check).
            attributes = {"weaviate.attempt": number}
            self.span = otel.tracer.start_span(
                call.attempt_name,
                context=otel.in_context(call.span),
                kind=otel.client_kind,
                attributes=attributes,
            )
        self.started = _now()

    def trace_headers(self) -> dict[str, str]:
        """The W3C trace context of this attempt (``traceparent``, ...), for its request's
        headers or metadata; empty without a tracer."""
        span = self.span if self.span is not None else self._call.span
        if span is None:
            return {}
        otel = self._call._instr.otel
        assert otel is not None
        if otel.default_propagation() and not otel.baggage():
            # What the default propagator writes (W3C Trace Context), without building a
            # context for it: no baggage to add, so these are all its headers.
            context = span.get_span_context()
            if not context.is_valid:
                return {}
            headers = {
                "traceparent": (
                    f"00-{context.trace_id:032x}-{context.span_id:016x}-{context.trace_flags:02x}"
                )
            }
            if context.trace_state:
                headers["tracestate"] = context.trace_state.to_header()
            return headers
        carrier: dict[str, str] = {}
        otel.inject(carrier, context=otel.in_context(span))
        return carrier

    def received(self, size: int, status: str = "OK", request_id: str | None = None) -> None:
        """What the reply brought: its size, status and the server's request id."""
        self.bytes_in = size
        self.status = status
        self.request_id = request_id
        call = self._call
        call.bytes_in = size
        call.status = status
        if request_id is not None:
            call.request_id = request_id

    def finish(self, exc: BaseException | None) -> None:
        """End the attempt: its span and its event."""
        call = self._call
        instr = call._instr
        error = None if exc is None else error_type(exc)
        if isinstance(exc, RetriableError):
            call._last_cause = exc.kind.value
        status = self.status
        if exc is not None:
            failed = exc.error if isinstance(exc, RetriableError) else exc
            code = getattr(failed, "status", None)
            status = str(code) if code is not None else (error or "error")
        span = self.span
        if span is not None:
            otel = instr.otel
            assert otel is not None
            ended: dict[str, Any] = {}
            if call.method is not None and status.isdigit():
                ended["http.response.status_code"] = int(status)
            if exc is not None:
                ended["error.type"] = error
                if isinstance(exc, RetriableError):
                    ended["weaviate.retry.cause"] = exc.kind.value
                span.set_status(otel.error_status)
            if ended:
                span.set_attributes(ended)
            span.end()
        if instr.hooks:
            instr.emit(
                RequestEvent(
                    kind="attempt",
                    operation=call.operation,
                    target=call.target,
                    collection=call.collection,
                    duration=_now() - self.started,
                    bytes_out=call.bytes_out,
                    bytes_in=self.bytes_in,
                    status=status,
                    attempt=self.number,
                    request_id=self.request_id,
                    error=error,
                )
            )
