"""Spans, metrics, trace propagation and event hooks against the real server, with the
OpenTelemetry SDK's in-memory exporter and reader; async and sync clients.

Hand-written for both clients (not a generated twin): the sync client's searches may run their
first attempt in the caller's own thread, a path of its own that the spans must follow too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import subprocess
import sys
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

import weaviate_async
import weaviate_sync
from tests.conftest import ADMIN_KEY
from tests.fault_proxy import FaultProxy
from weaviate_async.auth import Auth
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.config import AdditionalConfig
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import WeaviateQueryError
from weaviate_async.observability import RequestEvent


class Otel:
    """A tracer provider and a meter provider with in-memory exporters."""

    def __init__(self) -> None:
        self.spans_exporter = InMemorySpanExporter()
        self.tracer_provider = TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.spans_exporter))
        self.reader = InMemoryMetricReader()
        self.meter_provider = MeterProvider(metric_readers=[self.reader])

    def config(self, **more: Any) -> AdditionalConfig:
        return AdditionalConfig(
            tracer_provider=self.tracer_provider, meter_provider=self.meter_provider, **more
        )

    def spans(self) -> list[ReadableSpan]:
        return list(self.spans_exporter.get_finished_spans())

    def named(self, prefix: str) -> list[ReadableSpan]:
        return [s for s in self.spans() if s.name.startswith(prefix)]

    def metrics(self) -> dict[str, list[Any]]:
        data = self.reader.get_metrics_data()
        found: dict[str, list[Any]] = {}
        assert data is not None
        for resource in data.resource_metrics:
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    found.setdefault(metric.name, []).extend(metric.data.data_points)
        return found


def children(parent: ReadableSpan, spans: list[ReadableSpan]) -> list[ReadableSpan]:
    assert parent.context is not None
    return [s for s in spans if s.parent is not None and s.parent.span_id == parent.context.span_id]


async def _make_collection(client: weaviate_async.WeaviateAsyncClient, name: str) -> None:
    await client.collections.create(
        name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
    )


@pytest.fixture
def otel() -> Otel:
    return Otel()


@pytest.fixture
async def observed(server: EmbeddedServer, otel: Otel) -> AsyncIterator[Any]:
    client = await weaviate_async.connect_to_local(
        host=server.host,
        port=server.http_port,
        grpc_port=server.grpc_port,
        additional_config=otel.config(),
    )
    try:
        yield client
    finally:
        await client.close()


@pytest.fixture
def name(collection_name: str) -> Iterator[str]:
    yield collection_name


async def test_search_span_with_attempt_child_and_attributes(
    observed: Any, otel: Otel, name: str, server: EmbeddedServer
) -> None:
    await _make_collection(observed, name)
    coll = observed.collections.use(name)
    await coll.data.insert({"title": "secret-property-value"}, vector=[0.5, 0.25, 0.125])
    otel.spans_exporter.clear()
    result = await coll.query.near_vector([0.5, 0.25, 0.125], limit=5)
    assert len(result.objects) == 1
    [call] = otel.named("query.near_vector")
    assert call.name == f"query.near_vector {name}"
    assert call.kind is SpanKind.CLIENT
    attributes = dict(call.attributes or {})
    assert attributes["db.system.name"] == "weaviate"
    assert attributes["db.operation.name"] == "query.near_vector"
    assert attributes["db.collection.name"] == name
    assert attributes["server.address"] == server.host
    assert attributes["server.port"] == server.grpc_port
    assert attributes["db.response.returned_rows"] == 1
    assert attributes["weaviate.retry.count"] == 0
    assert int(attributes["weaviate.request.size"]) > 0
    assert call.status.status_code is StatusCode.UNSET
    [attempt] = children(call, otel.spans())
    assert attempt.name == "weaviate.v1.Weaviate/Search"
    assert dict(attempt.attributes or {})["weaviate.attempt"] == 1
    for span in otel.spans():
        for value in (span.attributes or {}).values():
            assert "secret-property-value" not in str(value)
            assert "0.125" not in str(value)
    durations = otel.metrics()["db.client.operation.duration"]
    ops = {dict(p.attributes)["db.operation.name"] for p in durations}
    assert {"query.near_vector", "data.insert", "collections.create"} <= ops


async def test_rest_call_span_names_the_collection(observed: Any, otel: Otel, name: str) -> None:
    await _make_collection(observed, name)
    otel.spans_exporter.clear()
    assert await observed.collections.exists(name)
    config = await observed.collections.use(name).config.get()
    assert config.name == name
    [call] = otel.named("collection.config.get") or otel.named("collections.")
    attributes = dict(call.attributes or {})
    assert attributes["db.collection.name"] == name
    [attempt] = children(call, otel.spans())
    assert attempt.name == "GET"
    assert dict(attempt.attributes or {})["http.response.status_code"] == 200


async def test_failing_call_has_error_status_and_type(observed: Any, otel: Otel) -> None:
    coll = observed.collections.use("NoSuchCollectionHere")
    with pytest.raises(WeaviateQueryError):
        await coll.query.fetch_objects(limit=1)
    [call] = otel.named("query.fetch_objects")
    assert call.status.status_code is StatusCode.ERROR
    assert dict(call.attributes or {})["error.type"] == "WeaviateQueryError"
    [attempt] = children(call, otel.spans())
    assert attempt.status.status_code is StatusCode.ERROR
    durations = otel.metrics()["db.client.operation.duration"]
    assert any(dict(p.attributes).get("error.type") == "WeaviateQueryError" for p in durations)


async def test_retries_are_attempt_spans_and_traceparent_goes_out(
    server: EmbeddedServer, otel: Otel
) -> None:
    proxy = await FaultProxy(server.host, server.http_port).start()
    try:
        async with weaviate_async.use_async_with_local(
            host="127.0.0.1",
            port=proxy.port,
            grpc_port=server.grpc_port,
            additional_config=otel.config(),
        ) as client:
            otel.spans_exporter.clear()
            proxy.heads.clear()
            proxy.fail_next = 2
            await client.get_meta()
    finally:
        await proxy.stop()
    [call] = otel.named("get_meta")
    attempts = sorted(children(call, otel.spans()), key=lambda s: s.start_time or 0)
    assert [dict(a.attributes or {})["weaviate.attempt"] for a in attempts] == [1, 2, 3]
    assert [dict(a.attributes or {}).get("http.response.status_code") for a in attempts] == [
        503,
        503,
        200,
    ]
    assert dict(attempts[0].attributes or {})["weaviate.retry.cause"] == "unavailable"
    assert dict(call.attributes or {})["weaviate.retry.count"] == 2
    # Each attempt carried its own span's W3C trace context.
    sent = [h.decode("latin-1").lower() for h in proxy.heads if b"/v1/meta" in h]
    assert len(sent) == 3
    for head, attempt in zip(sent, attempts, strict=True):
        assert attempt.context is not None
        expected = (
            f"traceparent: 00-{attempt.context.trace_id:032x}-{attempt.context.span_id:016x}-"
            f"{int(attempt.context.trace_flags):02x}"
        )
        assert expected in head
    retries = otel.metrics()["weaviate.client.retries"]
    assert sum(p.value for p in retries if dict(p.attributes)["weaviate.retry.cause"]) == 2


async def test_grpc_metadata_carries_traceparent(observed: Any, otel: Otel, name: str) -> None:
    await _make_collection(observed, name)
    transport = observed._conn._transport
    seen: list[list[tuple[str, str]]] = []
    original = transport.unary

    async def capture(rpc: Any, request: Any, limit: float, metadata: Any) -> Any:
        seen.append(list(metadata))
        return await original(rpc, request, limit, metadata)

    transport.unary = capture
    try:
        await observed.collections.use(name).query.fetch_objects(limit=1)
    finally:
        del transport.unary
    [call] = otel.named("query.fetch_objects")
    [attempt] = children(call, otel.spans())
    assert attempt.context is not None
    [metadata] = seen
    sent = dict(metadata)["traceparent"]
    flags = int(attempt.context.trace_flags)
    assert sent == f"00-{attempt.context.trace_id:032x}-{attempt.context.span_id:016x}-{flags:02x}"


async def test_batch_span_is_parent_of_its_requests(observed: Any, otel: Otel, name: str) -> None:
    await _make_collection(observed, name)
    coll = observed.collections.use(name)
    otel.spans_exporter.clear()
    async with coll.batch.fixed_size(batch_size=10) as batch:
        for i in range(25):
            await batch.add_object({"title": f"t{i}"}, vector=[float(i), 1.0, 0.0])
    assert len(coll.batch.failed_objects) == 0
    [parent] = otel.named("batch ")
    assert dict(parent.attributes or {})["weaviate.batch.acknowledged"] == 25
    requests = [s for s in children(parent, otel.spans()) if s.name.startswith("batch.objects")]
    assert len(requests) == 3
    for request in requests:
        assert len(children(request, otel.spans())) == 1  # one attempt each
    counts = otel.metrics()
    assert sum(p.value for p in counts["weaviate.batch.objects.sent"]) == 25
    assert sum(p.value for p in counts["weaviate.batch.objects.acknowledged"]) == 25
    assert "weaviate.batch.queue.depth" in counts


async def test_stream_batch_is_one_stream_span_under_the_batch(
    observed: Any, otel: Otel, name: str
) -> None:
    await _make_collection(observed, name)
    coll = observed.collections.use(name)
    otel.spans_exporter.clear()
    async with coll.batch.stream() as batch:
        for i in range(20):
            await batch.add_object({"title": f"t{i}"}, vector=[float(i), 1.0, 0.0])
        await batch.add_object({"title": 5}, vector=[1.0, 1.0, 0.0])  # not text: refused
    assert len(coll.batch.failed_objects) == 1
    [parent] = otel.named("batch ")
    assert dict(parent.attributes or {})["weaviate.batch.acknowledged"] == 20
    streams = [s for s in children(parent, otel.spans()) if s.name == "batch.stream"]
    assert len(streams) >= 1
    assert all(s.status.status_code is StatusCode.UNSET for s in streams)
    counts = otel.metrics()
    assert sum(p.value for p in counts["weaviate.batch.objects.sent"]) == 21
    assert sum(p.value for p in counts["weaviate.batch.objects.acknowledged"]) == 20
    assert sum(p.value for p in counts["weaviate.batch.objects.failed"]) == 1


async def test_no_credential_in_any_span_or_event(auth_server: EmbeddedServer, otel: Otel) -> None:
    events: list[RequestEvent] = []
    async with weaviate_async.use_async_with_local(
        host=auth_server.host,
        port=auth_server.http_port,
        grpc_port=auth_server.grpc_port,
        auth_credentials=Auth.api_key(ADMIN_KEY),
        additional_config=otel.config(event_hooks=[events.append]),
    ) as client:
        await client.collections.list_all()
        with pytest.raises(WeaviateQueryError):
            await client.collections.use("NotThere").query.fetch_objects(limit=1)
    assert otel.spans() and events
    for span in otel.spans():
        text = repr(dict(span.attributes or {})) + span.name + repr(span.events)
        assert ADMIN_KEY not in text
        assert "Bearer" not in text
    for event in events:
        assert ADMIN_KEY not in repr(event)


async def test_event_hooks_get_attempts_and_requests(
    server: EmbeddedServer, caplog: pytest.LogCaptureFixture
) -> None:
    events: list[RequestEvent] = []
    proxy = await FaultProxy(server.host, server.http_port).start()
    try:
        async with weaviate_async.use_async_with_local(
            host="127.0.0.1",
            port=proxy.port,
            grpc_port=server.grpc_port,
            additional_config=AdditionalConfig(
                event_hooks=[events.append], slow_operation_threshold=0.0
            ),
        ) as client:
            events.clear()
            proxy.fail_next = 1
            with caplog.at_level(logging.WARNING, logger="weaviate_async"):
                await client.get_meta()
    finally:
        await proxy.stop()
    kinds = [(e.kind, e.attempt, e.status) for e in events]
    assert kinds == [("attempt", 1, "503"), ("attempt", 2, "200"), ("request", 2, "200")]
    request = events[-1]
    assert request.operation == "get_meta" and request.target == "/meta"
    assert request.bytes_in > 0 and request.duration > 0 and request.error is None
    assert events[0].error == "UnexpectedStatusCodeError"
    assert any("slow operation: get_meta" in r.getMessage() for r in caplog.records)


async def test_failing_hook_is_logged_not_raised(
    client: Any, server: EmbeddedServer, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(event: RequestEvent) -> None:
        raise RuntimeError("hook broke")

    async with weaviate_async.use_async_with_local(
        host=server.host,
        port=server.http_port,
        grpc_port=server.grpc_port,
        additional_config=AdditionalConfig(event_hooks=broken),
    ) as observed:
        with caplog.at_level(logging.ERROR, logger="weaviate_async"):
            assert await observed.is_ready()
            await observed.get_meta()
    assert any("an event hook failed" in r.getMessage() for r in caplog.records)


async def test_async_hooks_run_on_the_loop_and_close_waits_for_them(
    server: EmbeddedServer, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[tuple[str, str, bool]] = []
    release = asyncio.Event()

    async def record(event: RequestEvent) -> None:
        await release.wait()  # still running when the call has returned
        seen.append((event.kind, event.operation, threading.current_thread() is main))

    async def broken(event: RequestEvent) -> None:
        raise RuntimeError("async hook broke")

    main = threading.current_thread()
    client = weaviate_async.use_async_with_local(
        host=server.host,
        port=server.http_port,
        grpc_port=server.grpc_port,
        additional_config=AdditionalConfig(event_hooks=[record, broken]),
    )
    await client.connect()
    seen.clear()
    with caplog.at_level(logging.ERROR, logger="weaviate_async"):
        await client.get_meta()
        assert seen == []
        closing = asyncio.ensure_future(client.close())
        await asyncio.sleep(0)
        assert not closing.done()  # close waits for the hooks still running
        release.set()
        await closing
    assert ("request", "get_meta", True) in seen
    assert ("attempt", "get_meta", True) in seen
    assert any("an event hook failed on" in r.getMessage() for r in caplog.records)


# ------------------------------------------------------------------ the sync client


@contextlib.contextmanager
def _one_object(client: Any, name: str) -> Iterator[Any]:
    """A collection ``name`` holding one object at [1, 0], deleted after."""
    client.collections.create(
        name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
    )
    try:
        coll = client.collections.use(name)
        coll.data.insert({"title": "x"}, vector=[1.0, 0.0])
        yield coll
    finally:
        client.collections.delete(name)


def test_sync_search_spans_and_hooks(server: EmbeddedServer, otel: Otel) -> None:
    name = f"Obs{uuid.uuid4().hex[:10]}"
    events: list[RequestEvent] = []
    with (
        weaviate_sync.connect_to_local(
            host=server.host,
            port=server.http_port,
            grpc_port=server.grpc_port,
            additional_config=otel.config(event_hooks=[events.append]),
        ) as client,
        _one_object(client, name) as coll,
    ):
        otel.spans_exporter.clear()
        events.clear()
        assert len(coll.query.near_vector([1.0, 0.0], limit=2).objects) == 1
        with pytest.raises(WeaviateQueryError):
            client.collections.use("NoSuchOne").query.fetch_objects(limit=1)
    [call] = otel.named("query.near_vector")
    assert dict(call.attributes or {})["db.collection.name"] == name
    [attempt] = children(call, otel.spans())
    assert attempt.name == "weaviate.v1.Weaviate/Search"
    [failed] = otel.named("query.fetch_objects")
    assert failed.status.status_code is StatusCode.ERROR
    assert [(e.kind, e.operation) for e in events][:2] == [
        ("attempt", "query.near_vector"),
        ("request", "query.near_vector"),
    ]


def test_sync_client_runs_async_hooks_on_its_loop(server: EmbeddedServer) -> None:
    name = f"Obs{uuid.uuid4().hex[:10]}"
    threads: list[tuple[str, str]] = []

    async def record(event: RequestEvent) -> None:
        threads.append((event.operation, threading.current_thread().name))

    with (
        weaviate_sync.connect_to_local(
            host=server.host,
            port=server.http_port,
            grpc_port=server.grpc_port,
            additional_config=AdditionalConfig(event_hooks=record),
        ) as client,
        _one_object(client, name) as coll,
    ):
        threads.clear()
        # the search's first attempt runs in this thread; its hooks run on the loop's
        assert len(coll.query.near_vector([1.0, 0.0], limit=2).objects) == 1
    searches = [t for op, t in threads if op == "query.near_vector"]
    assert len(searches) == 2  # the attempt and the request, run before close returned
    assert all(t != threading.current_thread().name for t in searches)


def test_sync_client_hooks_plain_callables(server: EmbeddedServer) -> None:
    events: list[RequestEvent] = []
    with weaviate_sync.connect_to_local(
        host=server.host,
        port=server.http_port,
        grpc_port=server.grpc_port,
        additional_config=AdditionalConfig(event_hooks=events.append),
    ) as client:
        events.clear()
        client.get_meta()
    assert [(e.kind, e.operation, e.status) for e in events] == [
        ("attempt", "get_meta", "200"),
        ("request", "get_meta", "200"),
    ]


# ------------------------------------------------------------------ global providers


def test_global_providers_are_used_and_import_is_lazy(server: EmbeddedServer) -> None:
    program = f"""
import sys
import threading
import weaviate_sync
assert not any(m.startswith("opentelemetry") for m in sys.modules), "imported on import"
with weaviate_sync.connect_to_local(host={server.host!r}, port={server.http_port},
                                    grpc_port={server.grpc_port}) as client:
    client.get_meta()
    assert client._impl._conn._instr is None
assert not any(m.startswith("opentelemetry") for m in sys.modules), "imported on use"
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
exporter = InMemorySpanExporter()
provider = TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(exporter))
trace.set_tracer_provider(provider)
with weaviate_sync.connect_to_local(host={server.host!r}, port={server.http_port},
                                    grpc_port={server.grpc_port}) as client:
    client.get_meta()
names = [s.name for s in exporter.get_finished_spans()]
assert "get_meta" in names, names
print("ok")
"""
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_sync_calls_are_children_of_the_callers_span(server: EmbeddedServer, otel: Otel) -> None:
    tracer = otel.tracer_provider.get_tracer("app")
    with (
        weaviate_sync.connect_to_local(
            host=server.host,
            port=server.http_port,
            grpc_port=server.grpc_port,
            additional_config=otel.config(),
        ) as client,
        tracer.start_as_current_span("handler") as handler,
    ):
        client.get_meta()  # hops onto the client's loop thread
        with pytest.raises(WeaviateQueryError):  # runs in this thread (blocking search)
            client.collections.use("NoSuchOne").query.fetch_objects(limit=1)
    spans = otel.spans()
    assert {s.name for s in children_of_context(handler, spans)} == {
        "get_meta",
        "query.fetch_objects NoSuchOne",
    }


def children_of_context(parent: Any, spans: list[ReadableSpan]) -> list[ReadableSpan]:
    span_id = parent.get_span_context().span_id
    return [s for s in spans if s.parent is not None and s.parent.span_id == span_id]
