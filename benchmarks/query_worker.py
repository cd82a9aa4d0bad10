"""One client in its own process for the query benchmark: ``python -m benchmarks.query_worker``.

The orchestrator (:mod:`benchmarks.query`) starts one worker per mode (``ours_async``,
``ours_sync``, ``official_async``, ``official_sync``; ``ours_*_grpcio`` for our client on the
grpcio transport), each importing only the client it drives, and sends it commands as JSON
lines on stdin; each answer is one JSON line on stdout after :data:`MARKER`.

Commands:
    ``{"op": "run", "scenario": S, "collection": C, "concurrency": K, "calls": N}``: make N
    calls of scenario S, K at a time (tasks on one loop for the async clients, threads for the
    sync ones), after ``warmup`` calls; answer the wall and process CPU seconds of the N calls
    and, for K == 1, each call's latency.
    ``{"op": "profile", ...}``: the same under cProfile (or ``"profiler": "pyinstrument"``),
    answering the top of the profile as text.
    ``{"op": "quit"}``.

``--cold`` instead measures one cold start: import, connect, the first near_vector answered,
printing the phase times (the orchestrator times the process from its spawn).

Process CPU time counts every thread of the process (grpcio's threads, our loop thread), and
nothing of the server's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

MARKER = "QUERY_RESULT "
DIM = 384
WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
SCENARIOS = ("near_vector", "hybrid", "fetch_filtered")
#: Not run unless named: the filtered fetch with every returned vector read (our client decodes
#: a result's vectors when they are first read; this shows what a caller who reads them pays).
EXTRA_SCENARIOS = ("fetch_filtered_read",)


def query_vectors(count: int = 64, seed: int = 7) -> list[list[float]]:
    """Query vectors as lists of floats (both clients take lists; none takes a copy for free)."""
    import random

    rng = random.Random(seed)
    return [[rng.random() for _ in range(DIM)] for _ in range(count)]


class Calls:
    """The three scenarios as callables over one collection handle of either client."""

    def __init__(self, mode: str, collection: Any) -> None:
        if mode.startswith("official"):
            from weaviate.classes.query import Filter
        else:
            from weaviate_async.classes.query import Filter  # type: ignore[no-redef]
        self.coll = collection
        self.vectors = query_vectors()
        self.filters = [Filter.by_property("category").equal(f"c{i}") for i in range(8)]
        self.i = 0

    def make(self, scenario: str) -> Callable[[], Any]:
        query = self.coll.query
        vectors, filters = self.vectors, self.filters

        def near_vector() -> Any:
            self.i += 1
            return query.near_vector(
                vectors[self.i % 64], limit=10, return_properties=["title", "count"]
            )

        def hybrid() -> Any:
            self.i += 1
            return query.hybrid(
                WORDS[self.i % 8],
                vector=vectors[self.i % 64],
                alpha=0.5,
                limit=10,
                return_properties=["title", "count"],
            )

        def fetch_filtered() -> Any:
            self.i += 1
            return query.fetch_objects(filters=filters[self.i % 8], limit=100, include_vector=True)

        return {
            "near_vector": near_vector,
            "hybrid": hybrid,
            "fetch_filtered": fetch_filtered,
            "fetch_filtered_read": fetch_filtered,
        }[scenario]


def _check(scenario: str, result: Any) -> None:
    expected = 100 if scenario.startswith("fetch_filtered") else 10
    if len(result.objects) != expected:
        raise RuntimeError(f"{scenario}: {len(result.objects)} objects, expected {expected}")
    if scenario == "fetch_filtered" and not result.objects[0].vector:
        raise RuntimeError("fetch_filtered: no vector returned")
    if scenario == "fetch_filtered_read":
        for obj in result.objects:
            if len(obj.vector["default"]) != DIM:
                raise RuntimeError("fetch_filtered_read: a vector of the wrong length")


def setup_otel(variant: str) -> None:
    """The OpenTelemetry setting of an ``ours_*@otel=<variant>`` mode, before connecting:
    ``none`` (the API cannot even be imported: the client without the extra), ``api`` (the
    API imported, as an application using the extra would, but no SDK configured) or
    ``noop-sdk`` (the SDK's providers set globally: spans through a batch processor into an
    exporter that drops them, metrics aggregated by a reader that is never collected)."""
    if variant == "none":
        sys.modules["opentelemetry"] = None  # type: ignore[assignment]
        return
    import opentelemetry.metrics
    import opentelemetry.trace

    if variant == "api":
        return
    if variant != "noop-sdk":
        raise ValueError(f"unknown otel variant {variant!r}")
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import InMemoryMetricReader
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

    class Drop(SpanExporter):
        def export(self, spans: Any) -> SpanExportResult:
            return SpanExportResult.SUCCESS

    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(BatchSpanProcessor(Drop()))
    opentelemetry.trace.set_tracer_provider(tracer_provider)
    opentelemetry.metrics.set_meter_provider(MeterProvider(metric_readers=[InMemoryMetricReader()]))


class Worker:
    def __init__(self, mode: str, host: str, http_port: int, grpc_port: int) -> None:
        mode, _, otel = mode.partition("@otel=")
        if otel:
            setup_otel(otel)
        self.mode = mode
        self.is_async = "async" in mode
        self.loop = asyncio.new_event_loop() if self.is_async else None
        self.client = self._connect(host, http_port, grpc_port)
        self.calls: dict[str, Calls] = {}

    def _connect(self, host: str, http_port: int, grpc_port: int) -> Any:
        kwargs: dict[str, Any] = {"host": host, "port": http_port, "grpc_port": grpc_port}
        if self.mode.endswith("_grpcio"):
            from weaviate_async.config import AdditionalConfig

            kwargs["additional_config"] = AdditionalConfig(grpc_transport="grpcio")  # type: ignore[call-arg]
        if self.mode.startswith("official"):
            import weaviate as official

            if self.is_async:
                client = official.use_async_with_local(**kwargs)
                assert self.loop is not None
                self.loop.run_until_complete(client.connect())
                return client
            return official.connect_to_local(**kwargs)
        if self.is_async:
            import weaviate_async

            client = weaviate_async.use_async_with_local(**kwargs)
            assert self.loop is not None
            self.loop.run_until_complete(client.connect())
            return client
        import weaviate_sync

        return weaviate_sync.connect_to_local(**kwargs)

    def _calls(self, collection: str) -> Calls:
        if collection not in self.calls:
            self.calls[collection] = Calls(self.mode, self.client.collections.use(collection))
        return self.calls[collection]

    def run(self, scenario: str, collection: str, concurrency: int, calls: int) -> dict[str, Any]:
        fn = self._calls(collection).make(scenario)
        warmup = max(10, concurrency * 2)
        if self.is_async:
            self._async_run(fn, scenario, concurrency, warmup)
            return self._async_run(fn, scenario, concurrency, calls)
        self._sync_run(fn, scenario, concurrency, warmup)
        return self._sync_run(fn, scenario, concurrency, calls)

    def _async_run(
        self, fn: Callable[[], Any], scenario: str, concurrency: int, calls: int
    ) -> dict[str, Any]:
        latencies: list[float] = []
        left = [calls]
        clock = time.perf_counter

        async def one_by_one() -> None:
            for _ in range(calls):
                t = clock()
                result = await fn()
                latencies.append(clock() - t)
                if len(latencies) == 1:
                    _check(scenario, result)

        async def lane() -> None:
            first = True
            while left[0] > 0:
                left[0] -= 1
                result = await fn()
                if first:
                    _check(scenario, result)
                    first = False

        async def lanes() -> None:
            await asyncio.gather(*(lane() for _ in range(concurrency)))

        assert self.loop is not None
        cpu, wall = time.process_time(), clock()
        self.loop.run_until_complete(one_by_one() if concurrency == 1 else lanes())
        return _measured(calls, clock() - wall, time.process_time() - cpu, latencies)

    def _sync_run(
        self, fn: Callable[[], Any], scenario: str, concurrency: int, calls: int
    ) -> dict[str, Any]:
        latencies: list[float] = []
        clock = time.perf_counter
        if concurrency == 1:
            cpu, wall = time.process_time(), clock()
            for _ in range(calls):
                t = clock()
                result = fn()
                latencies.append(clock() - t)
                if len(latencies) == 1:
                    _check(scenario, result)
            return _measured(calls, clock() - wall, time.process_time() - cpu, latencies)
        left = [calls]
        guard = threading.Lock()
        start = threading.Barrier(concurrency + 1)
        errors: list[BaseException] = []

        def lane() -> None:
            start.wait()
            first = True
            try:
                while True:
                    with guard:
                        if left[0] <= 0:
                            return
                        left[0] -= 1
                    result = fn()
                    if first:
                        _check(scenario, result)
                        first = False
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=lane) for _ in range(concurrency)]
        for t in threads:
            t.start()
        cpu, wall = time.process_time(), clock()
        start.wait()
        for t in threads:
            t.join()
        measured = _measured(calls, clock() - wall, time.process_time() - cpu, latencies)
        if errors:
            raise errors[0]
        return measured

    def profile(
        self, scenario: str, collection: str, concurrency: int, calls: int, profiler: str
    ) -> dict[str, Any]:
        self.run(scenario, collection, concurrency, max(20, calls // 10))
        if profiler == "pyinstrument":
            from pyinstrument import Profiler

            prof = Profiler(interval=0.0002, async_mode="disabled")
            prof.start()
            self.run(scenario, collection, concurrency, calls)
            prof.stop()
            return {"text": prof.output_text(unicode=False, color=False, show_all=False)}
        import cProfile
        import io
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        self.run(scenario, collection, concurrency, calls)
        profile.disable()
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("tottime").print_stats(40)
        return {"text": out.getvalue()}

    def close(self) -> None:
        if self.is_async:
            assert self.loop is not None
            self.loop.run_until_complete(self.client.close())
            self.loop.close()
        else:
            self.client.close()


def _measured(calls: int, wall: float, cpu: float, latencies: list[float]) -> dict[str, Any]:
    return {"calls": calls, "wall": wall, "cpu": cpu, "latencies": latencies}


def serve(args: argparse.Namespace) -> int:
    worker = Worker(args.mode, args.host, args.http_port, args.grpc_port)
    print(MARKER + json.dumps({"ready": True, "pid": os.getpid()}), flush=True)
    for line in sys.stdin:
        cmd = json.loads(line)
        op = cmd.pop("op")
        try:
            if op == "quit":
                break
            if op == "run":
                answer = worker.run(**cmd)
            elif op == "profile":
                answer = worker.profile(**cmd)
            else:
                raise ValueError(f"unknown op {op!r}")
        except Exception as exc:
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        print(MARKER + json.dumps(answer), flush=True)
    worker.close()
    return 0


COLD_CODE = {
    "ours_sync": (
        "import weaviate_sync as w\n"
        "c = w.connect_to_local(host=H, port=P, grpc_port=G)\n"
        "r = c.collections.use(C).query.near_vector(V, limit=10, return_properties=['title'])\n"
    ),
    "official_sync": (
        "import weaviate as w\n"
        "c = w.connect_to_local(host=H, port=P, grpc_port=G)\n"
        "r = c.collections.use(C).query.near_vector(V, limit=10, return_properties=['title'])\n"
    ),
    "ours_async": (
        "import asyncio, weaviate_async as w\n"
        "async def main():\n"
        "    c = w.use_async_with_local(host=H, port=P, grpc_port=G)\n"
        "    await c.connect()\n"
        "    r = await c.collections.use(C).query.near_vector(V, limit=10, "
        "return_properties=['title'])\n"
        "    t_answer = time.perf_counter()\n"
        "    await c.close()\n"
        "    return r, t_answer\n"
        "r, t_answer = asyncio.run(main())\n"
    ),
    "official_async": (
        "import asyncio, weaviate as w\n"
        "async def main():\n"
        "    c = w.use_async_with_local(host=H, port=P, grpc_port=G)\n"
        "    await c.connect()\n"
        "    r = await c.collections.use(C).query.near_vector(V, limit=10, "
        "return_properties=['title'])\n"
        "    t_answer = time.perf_counter()\n"
        "    await c.close()\n"
        "    return r, t_answer\n"
        "r, t_answer = asyncio.run(main())\n"
    ),
}


def cold_program(mode: str, host: str, http_port: int, grpc_port: int, collection: str) -> str:
    """The program of one cold start: import, connect, first query answered; it prints the
    perf_counter at the answer (the parent compares it with its own at spawn: both read
    CLOCK_MONOTONIC on Linux)."""
    base = mode.removesuffix("_grpcio")
    body = COLD_CODE[base]
    if mode.endswith("_grpcio"):
        body = body.replace(
            "grpc_port=G)",
            "grpc_port=G, additional_config=w.config.AdditionalConfig(grpc_transport='grpcio'))",
        )
    if "t_answer" not in body:
        body += "t_answer = time.perf_counter()\n"
    vector = [0.5] * DIM
    return (
        "import time\n"
        f"H, P, G, C, V = {host!r}, {http_port}, {grpc_port}, {collection!r}, {vector!r}\n"
        + body
        + "assert len(r.objects) == 10\n"
        + "print('COLD', t_answer, flush=True)\n"
        + ("" if "async" in mode else "c.close()\n")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.query_worker")
    parser.add_argument("--mode", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--grpc-port", type=int, required=True)
    return serve(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
