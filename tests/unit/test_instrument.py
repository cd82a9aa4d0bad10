"""The pure parts of the connection's instrumentation (``connect/_instrument.py``): operation
names, attributes read from requests, the decision to observe nothing, events of hooks, and
the options' checks. The spans and metrics themselves are tested against the server
(tests/integration/test_observability.py)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from typing import Any

import pytest

from weaviate_async.config import AdditionalConfig
from weaviate_async.connect import _instrument as instrument
from weaviate_async.connect.errors import http_error
from weaviate_async.connect.params import ConnectionParams
from weaviate_async.connect.retry import Failure, RetriableError, RetryPolicy
from weaviate_async.exceptions import (
    WeaviateConnectionError,
    WeaviateInvalidInputError,
)
from weaviate_async.observability import RequestEvent
from weaviate_async.proto.weaviate.v1 import search_get_pb2

PARAMS = ConnectionParams.from_url("http://db.example:8080", grpc_port=50051)


@pytest.mark.parametrize(
    ("operation", "name"),
    [
        ("batch.add_object", "batch.objects"),
        ("batch.add_reference", "batch.references"),
        ("collection.aggregate.near_vector", "aggregate.near_vector"),
        ("query.near_vector", "query.near_vector"),
        ("data.insert_many", "data.insert_many"),
        ("batch.stream", "batch.stream"),
    ],
)
def test_operation_names(operation: str, name: str) -> None:
    assert instrument.operation_name(operation) == name


@pytest.mark.parametrize(
    ("path", "collection"),
    [
        ("/objects/Article/9f3c2d1e-0000-4000-8000-000000000000", "Article"),
        ("/schema/Article", "Article"),
        ("/schema/Article/tenants", "Article"),
        ("/objects", None),
        ("/schema", None),
        ("/meta", None),
        ("/objects/9f3c2d1e-0000-4000-8000-000000000000", None),
        ("/batch/objects", None),
    ],
)
def test_collection_of_a_rest_path(path: str, collection: str | None) -> None:
    assert instrument.rest_collection(path) == collection


def test_request_attributes_of_a_search_never_hold_values() -> None:
    request = search_get_pb2.SearchRequest(collection="Article", tenant="t1", consistency_level=2)
    request.near_vector.vector_bytes = b"\x00\x00\x80?"
    request.properties.non_ref_properties.append("title")
    attributes = instrument.request_attributes(request)
    assert attributes == {
        "db.collection.name": "Article",
        "weaviate.tenant": "t1",
        "weaviate.consistency_level": "QUORUM",
    }
    assert instrument.request_attributes(b"\x0a\x01x") == {}


def test_rest_attributes_from_path_and_params() -> None:
    assert instrument.rest_attributes(
        "/objects/Article", {"tenant": "a", "consistency_level": "ALL"}
    ) == {
        "db.collection.name": "Article",
        "weaviate.tenant": "a",
        "weaviate.consistency_level": "ALL",
    }


def test_error_type_names_the_exception_the_caller_sees() -> None:
    error = WeaviateConnectionError("broke", operation="x", target="/meta")
    assert instrument.error_type(RetriableError(Failure.BROKEN, error)) == "WeaviateConnectionError"
    assert instrument.error_type(ValueError()) == "ValueError"


def test_result_counts() -> None:
    assert instrument.result_count((200, [1, 2])) == 2
    assert instrument.result_count((200, {"objects": [1]})) == 1
    assert instrument.result_count((200, {"version": "1"})) is None
    reply = search_get_pb2.SearchReply()
    reply.results.add()
    assert instrument.result_count(reply) == 1


def test_nothing_configured_means_no_instrumentation_and_no_import() -> None:
    program = (
        "import sys\n"
        "import weaviate_async, weaviate_sync\n"
        "from weaviate_async.config import AdditionalConfig\n"
        "from weaviate_async.connect._instrument import instrumentation_for\n"
        "from weaviate_async.connect.params import ConnectionParams\n"
        "p = ConnectionParams.from_url('http://localhost:8080', grpc_port=50051)\n"
        "assert instrumentation_for(AdditionalConfig(), p) is None\n"
        "assert not [m for m in sys.modules if m.startswith('opentelemetry')]\n"
        "import opentelemetry.trace, opentelemetry.metrics\n"
        "assert instrumentation_for(AdditionalConfig(), p) is None  # API placeholders only\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_hooks_alone_get_attempt_and_request_events() -> None:
    events: list[RequestEvent] = []
    instr = instrument.instrumentation_for(AdditionalConfig(event_hooks=events.append), PARAMS)
    assert instr is not None and instr.otel is None
    call = instr.rest_call("data.insert", "POST", "/objects", None, 42)
    unavailable = http_error(503, b"{}", operation="data.insert", target="/objects")
    tries = iter([RetriableError(Failure.UNAVAILABLE, unavailable), None])

    async def send(limit: float, probe: instrument.AttemptScope) -> tuple[int, Any]:
        assert probe.trace_headers() == {}
        failure = next(tries)
        if failure is not None:
            raise failure
        probe.received(17, "200", "req-1")
        return 200, {"id": "x"}

    policy = RetryPolicy(max_tries=3, initial_delay=0.0, idempotent=True)
    assert asyncio.run(instr.run(call, policy, 5.0, send)) == (200, {"id": "x"})
    assert [(e.kind, e.attempt, e.status, e.error) for e in events] == [
        ("attempt", 1, "503", "UnexpectedStatusCodeError"),
        ("attempt", 2, "200", None),
        ("request", 2, "200", None),
    ]
    request = events[-1]
    assert (request.operation, request.target, request.bytes_out, request.bytes_in) == (
        "data.insert",
        "/objects",
        42,
        17,
    )
    assert request.request_id == "req-1"


def test_first_attempt_in_the_callers_thread_continues_on_retry() -> None:
    events: list[RequestEvent] = []
    instr = instrument.instrumentation_for(AdditionalConfig(event_hooks=events.append), PARAMS)
    assert instr is not None
    call = instr.grpc_call("query.fetch_objects", "w/Search", search_get_pb2.SearchRequest())
    error = WeaviateConnectionError("broke", operation="q", target="w/Search")

    def fail(probe: instrument.AttemptScope) -> None:
        raise RetriableError(Failure.BROKEN, error)

    with pytest.raises(RetriableError):
        call.first_attempt(fail)
    assert [e.kind for e in events] == ["attempt"]  # the call goes on

    async def send(limit: float, probe: instrument.AttemptScope) -> str:
        return "reply"

    assert asyncio.run(instr.run(call, RetryPolicy(), 1.0, send)) == "reply"
    assert [(e.kind, e.attempt) for e in events] == [
        ("attempt", 1),
        ("attempt", 2),
        ("request", 2),
    ]


def test_slow_operation_logs_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    instr = instrument.instrumentation_for(AdditionalConfig(slow_operation_threshold=0), PARAMS)
    assert instr is not None
    call = instr.rest_call("get_meta", "GET", "/meta", None, 0)
    with caplog.at_level("WARNING", logger="weaviate_async"):
        call.attempt().finish(None)
        call.finish(None)
    [record] = caplog.records
    assert record.levelname == "WARNING" and "slow operation: get_meta on /meta" in record.message


def test_options_are_checked() -> None:
    async def hook(event: RequestEvent) -> None: ...

    assert AdditionalConfig(event_hooks=[hook]).event_hooks == (hook,)
    with pytest.raises(WeaviateInvalidInputError, match="event_hooks"):
        AdditionalConfig(event_hooks=[1])  # type: ignore[list-item]
    with pytest.raises(WeaviateInvalidInputError, match="slow_operation_threshold"):
        AdditionalConfig(slow_operation_threshold=-1)
    assert AdditionalConfig(event_hooks=print).event_hooks == (print,)
    assert AdditionalConfig(event_hooks=None).event_hooks == ()  # type: ignore[arg-type]


def test_a_sampled_out_call_gets_no_attempt_span_but_sends_its_context() -> None:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
    from opentelemetry.sdk.trace.sampling import ALWAYS_OFF

    exporter = InMemorySpanExporter()
    provider = TracerProvider(sampler=ALWAYS_OFF)
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    instr = instrument.instrumentation_for(AdditionalConfig(tracer_provider=provider), PARAMS)
    assert instr is not None
    call = instr.grpc_call("query.fetch_objects", "w/Search", search_get_pb2.SearchRequest())
    attempt = call.attempt()
    assert attempt.span is None
    header = attempt.trace_headers()["traceparent"]
    assert int(header[-2:], 16) & 1 == 0  # not sampled, as the server should learn
    attempt.finish(None)
    call.finish(None)
    assert exporter.get_finished_spans() == ()


@pytest.mark.parametrize("state", [None, "vendor=abc,other=1"])
@pytest.mark.parametrize("with_baggage", [False, True])
def test_trace_headers_are_what_the_global_propagator_writes(
    state: str | None, with_baggage: bool
) -> None:
    from opentelemetry import baggage, context, propagate, trace
    from opentelemetry.sdk.trace import TracerProvider

    provider = TracerProvider()
    instr = instrument.instrumentation_for(AdditionalConfig(tracer_provider=provider), PARAMS)
    assert instr is not None and instr.otel is not None
    token = None
    if with_baggage:
        token = context.attach(baggage.set_baggage("team", "search"))
    try:
        parent = None
        if state is not None:
            remote = trace.SpanContext(
                trace_id=0x1234,
                span_id=0x5678,
                is_remote=True,
                trace_flags=trace.TraceFlags(1),
                trace_state=trace.TraceState.from_header([state]),
            )
            parent = trace.set_span_in_context(trace.NonRecordingSpan(remote))
        parent_token = context.attach(parent) if parent is not None else None
        try:
            call = instr.grpc_call(
                "query.fetch_objects", "w/Search", search_get_pb2.SearchRequest()
            )
        finally:
            if parent_token is not None:
                context.detach(parent_token)
        attempt = call.attempt()
        headers = attempt.trace_headers()
        expected: dict[str, str] = {}
        propagate.inject(expected, context=trace.set_span_in_context(attempt.span))
        assert headers == expected
        assert ("baggage" in headers) is with_baggage
        assert ("tracestate" in headers) is (state is not None)
        attempt.finish(None)
        call.finish(None)
    finally:
        if token is not None:
            context.detach(token)


def test_trace_headers_follow_a_propagator_the_application_installs() -> None:
    from opentelemetry import propagate
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

    class Custom(TraceContextTextMapPropagator):
        def inject(self, carrier: Any, context: Any = None, setter: Any = None) -> None:
            carrier["x-custom"] = "1"

    instr = instrument.instrumentation_for(
        AdditionalConfig(tracer_provider=TracerProvider()), PARAMS
    )
    assert instr is not None
    call = instr.grpc_call("query.fetch_objects", "w/Search", search_get_pb2.SearchRequest())
    attempt = call.attempt()
    assert "traceparent" in attempt.trace_headers()
    default = propagate.get_global_textmap()
    propagate.set_global_textmap(Custom())
    try:
        assert attempt.trace_headers() == {"x-custom": "1"}
    finally:
        propagate.set_global_textmap(default)
    assert "traceparent" in attempt.trace_headers()
    attempt.finish(None)
    call.finish(None)


def test_async_hooks_started_from_another_thread_run_on_the_connections_loop() -> None:
    import threading

    ran: list[tuple[str, bool]] = []
    loop = asyncio.new_event_loop()
    loop_thread = threading.Thread(target=loop.run_forever, daemon=True)
    loop_thread.start()
    try:

        async def hook(event: RequestEvent) -> None:
            ran.append((event.kind, threading.current_thread() is loop_thread))

        instr = instrument.instrumentation_for(AdditionalConfig(event_hooks=hook), PARAMS, loop)
        assert instr is not None
        call = instr.grpc_call("query.fetch_objects", "w/Search", search_get_pb2.SearchRequest())
        call.first_attempt(lambda probe: None)  # the blocking path: in this thread, no loop
        asyncio.run_coroutine_threadsafe(instr.wait_for_hooks(5.0), loop).result(10)
        assert sorted(ran) == [("attempt", True), ("request", True)]
    finally:
        loop.call_soon_threadsafe(loop.stop)
        loop_thread.join(5)
        loop.close()
    # the loop closed: a hook is not run, and its coroutine is closed (no "never awaited")
    instr.emit(
        RequestEvent(
            kind="request",
            operation="x",
            target="t",
            collection=None,
            duration=0.0,
            bytes_out=0,
            bytes_in=0,
            status="OK",
            attempt=1,
            request_id=None,
            error=None,
        )
    )
    assert len(ran) == 2
