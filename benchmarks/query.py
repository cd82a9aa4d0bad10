"""Side-by-side query benchmark: client CPU per query, latency and throughput of our client and
the official one, async and sync, against one server, in one run.

Usage::

    python -m benchmarks.query [--quick] [--sizes 20000 100000] [--modes M ...]
                               [--scenarios S ...] [--concurrency 1 16 64] [--rounds R]
                               [--markdown PATH] [--json PATH] [--no-cold]
    python -m benchmarks.query --profile ours_sync --scenarios near_vector --concurrency 1
    nox -s bench -- --query --quick

What is measured
    One embedded weaviate-server holds a collection per size (N objects with 384-d random
    float32 vectors and four properties: ``title`` and ``body`` text, ``category`` one of eight
    values, ``count`` an int). Three scenarios: ``near_vector`` (limit 10, returning ``title``
    and ``count``), ``hybrid`` (a one-word text query with an explicit vector, alpha 0.5,
    limit 10, two properties) and ``fetch_filtered`` (``category == cK``, limit 100, every
    property and the vector). ``fetch_filtered_read`` (only when named) is the filtered fetch
    with every returned vector read: our client decodes vectors when first read, so
    ``fetch_filtered`` shows a caller who reads one, this one a caller who reads all.

    Each mode is a client in its own process (:mod:`benchmarks.query_worker`), connected once:
    ``ours_async``, ``ours_sync``, ``official_async``, ``official_sync`` (and ``ours_async_grpcio``
    / ``ours_sync_grpcio`` for our client over grpcio). For every size, scenario and
    concurrency (1 = sequential; K > 1 = K tasks on one loop for async modes, K threads for
    sync ones) each round runs every mode once, in an order rotated between rounds, so drift
    on the shared machine hits all alike. Per run: wall time, the process's CPU time (every
    thread; the server's is not counted), and at concurrency 1 each call's latency. Reported:
    the median over rounds of client CPU per query and of queries per second, and p50/p99 of
    the latencies pooled over rounds; ratios are ours / official of the same kind (async to
    async, sync to sync).

    Cold start: a fresh ``python -c`` per mode (bytecode caches warm) that imports the client,
    connects, and answers one near_vector; timed from spawn to the answer.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.query_worker import (
    DIM,
    EXTRA_SCENARIOS,
    MARKER,
    SCENARIOS,
    WORDS,
    cold_program,
)

MODES = ("ours_async", "official_async", "ours_sync", "official_sync")
GRPCIO_MODES = ("ours_async_grpcio", "ours_sync_grpcio")


def _official(mode: str) -> str:
    """The mode a mode's ratios are taken against: the official client of the same kind, or
    for an OpenTelemetry variant (``--otel``), the same mode without the extra."""
    if "@otel=" in mode:
        return mode.split("@otel=")[0] + "@otel=none"
    return "official_async" if "async" in mode else "official_sync"


# ------------------------------------------------------------------ data


def load(host: str, http_port: int, grpc_port: int, name: str, size: int) -> None:
    """Create ``name`` with ``size`` objects unless it holds them already."""
    import asyncio

    import numpy as np

    import weaviate_async
    from weaviate_async.classes.config import Configure, DataType, Property
    from weaviate_async.classes.data import DataObject

    async def run() -> None:
        async with weaviate_async.use_async_with_local(
            host=host, port=http_port, grpc_port=grpc_port
        ) as client:
            if await client.collections.exists(name):
                coll = client.collections.use(name)
                if await coll.length() == size:
                    return
                await client.collections.delete(name)
            coll = await client.collections.create(
                name,
                properties=[
                    Property(name="title", data_type=DataType.TEXT),
                    Property(name="body", data_type=DataType.TEXT),
                    Property(name="category", data_type=DataType.TEXT),
                    Property(name="count", data_type=DataType.INT),
                ],
                vector_config=Configure.Vectors.self_provided(),
            )
            rng = np.random.default_rng(size)
            chunk = 2000
            for start in range(0, size, chunk):
                n = min(chunk, size - start)
                vectors = rng.random((n, DIM), dtype=np.float32)
                objs = [
                    DataObject(
                        properties={
                            "title": f"{WORDS[i % 8]} {WORDS[(i * 7 + 3) % 8]} number {i}",
                            "body": f"{WORDS[(i * 3) % 8]} " * 5 + f"object {i}",
                            "category": f"c{i % 8}",
                            "count": i,
                        },
                        vector=vectors[i - start],
                    )
                    for i in range(start, start + n)
                ]
                result = await coll.data.insert_many(objs)
                if result.errors:
                    raise RuntimeError(f"loading {name}: {list(result.errors.values())[:3]}")

    asyncio.run(run())


def _server_version(host: str, http_port: int) -> str:
    import urllib.request

    with urllib.request.urlopen(f"http://{host}:{http_port}/v1/meta", timeout=10) as resp:
        return str(json.loads(resp.read())["version"])


# ------------------------------------------------------------------ workers


class WorkerProcess:
    """One worker process and its command channel."""

    def __init__(self, mode: str, host: str, http_port: int, grpc_port: int) -> None:
        self.mode = mode
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.query_worker",
                "--mode",
                mode,
                "--host",
                host,
                "--http-port",
                str(http_port),
                "--grpc-port",
                str(grpc_port),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._read()

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith(MARKER):
                answer: dict[str, Any] = json.loads(line[len(MARKER) :])
                if "error" in answer:
                    raise RuntimeError(f"{self.mode}: {answer['error']}")
                return answer
        raise RuntimeError(f"worker {self.mode} ended (exit {self.proc.wait()})")

    def ask(self, **cmd: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(RuntimeError, BrokenPipeError):
                self.ask(op="quit")
            self.proc.wait(timeout=30)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


# ------------------------------------------------------------------ measuring


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def measure(
    workers: dict[str, WorkerProcess],
    collection: str,
    scenario: str,
    concurrency: int,
    calls: int,
    rounds: int,
) -> dict[str, dict[str, float]]:
    """Every mode ``rounds`` times, interleaved; medians per mode."""
    modes = list(workers)
    runs: dict[str, list[dict[str, Any]]] = {m: [] for m in modes}
    for r in range(rounds):
        order = modes[r % len(modes) :] + modes[: r % len(modes)]
        if r % 2:
            order.reverse()
        for mode in order:
            runs[mode].append(
                workers[mode].ask(
                    op="run",
                    scenario=scenario,
                    collection=collection,
                    concurrency=concurrency,
                    calls=calls,
                )
            )
    out: dict[str, dict[str, float]] = {}
    for mode, results in runs.items():
        row = {
            "cpu_us": statistics.median(x["cpu"] / x["calls"] * 1e6 for x in results),
            "qps": statistics.median(x["calls"] / x["wall"] for x in results),
        }
        latencies = [v for x in results for v in x["latencies"]]
        if latencies:
            row["p50_ms"] = _percentile(latencies, 0.5) * 1e3
            row["p99_ms"] = _percentile(latencies, 0.99) * 1e3
        out[mode] = row
    return out


def cold_start(
    modes: list[str], host: str, http_port: int, grpc_port: int, collection: str, rounds: int
) -> dict[str, float]:
    """Median milliseconds from spawn to the first answer, per mode (caches warmed first)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users' installs have bytecode caches
    samples: dict[str, list[float]] = {m: [] for m in modes}
    for r in range(rounds + 1):
        order = modes if r % 2 == 0 else modes[::-1]
        for mode in order:
            code = cold_program(mode, host, http_port, grpc_port, collection)
            started = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
            )
            if out.returncode != 0:
                raise RuntimeError(f"cold start {mode} failed: {out.stderr[-2000:]}")
            answered = float(out.stdout.split("COLD", 1)[1].split()[0])
            if r > 0:  # the first round writes the bytecode caches
                samples[mode].append((answered - started) * 1e3)
    return {m: statistics.median(v) for m, v in samples.items()}


# ------------------------------------------------------------------ report


def markdown(report: dict[str, Any]) -> str:
    lines = [
        f"Query benchmark, {report['when']}, Python {report['python']}, server "
        f"{report['server']}, official client {report['official_client']}"
        f"{' (quick)' if report['quick'] else ''}.",
        "",
        "Client CPU per query (us, process CPU time of all threads / queries), queries per "
        "second, sequential latency; ratio = ours / official of the same kind.",
        "",
        "| size | scenario | conc. | mode | CPU us/q | ratio | q/s | ratio | p50 ms | p99 ms "
        "| p50 ratio |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in report["results"]:
        for mode, m in row["modes"].items():
            ref = row["modes"].get(_official(mode))
            is_ours = mode.startswith("ours")
            cpu_ratio = f"{m['cpu_us'] / ref['cpu_us']:.2f}" if is_ours and ref else ""
            qps_ratio = f"{m['qps'] / ref['qps']:.2f}" if is_ours and ref else ""
            p50 = f"{m['p50_ms']:.2f}" if "p50_ms" in m else ""
            p99 = f"{m['p99_ms']:.2f}" if "p99_ms" in m else ""
            p50_ratio = (
                f"{m['p50_ms'] / ref['p50_ms']:.2f}"
                if is_ours and ref and "p50_ms" in m and "p50_ms" in ref
                else ""
            )
            lines.append(
                f"| {row['size']} | {row['scenario']} | {row['concurrency']} | {mode} "
                f"| {m['cpu_us']:.0f} | {cpu_ratio} | {m['qps']:.0f} | {qps_ratio} "
                f"| {p50} | {p99} | {p50_ratio} |"
            )
    cold = report.get("cold_start_ms")
    if cold:
        lines += ["", "Cold start (process spawn to first near_vector answered, ms):", ""]
        lines += ["| mode | ms | ratio |", "|---|---|---|"]
        for mode, ms in cold.items():
            ref = cold.get(_official(mode))
            ratio = f"{ms / ref:.2f}" if mode.startswith("ours") and ref else ""
            lines.append(f"| {mode} | {ms:.0f} | {ratio} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.query")
    parser.add_argument("--quick", action="store_true", help="one size, fewer calls and rounds")
    parser.add_argument("--sizes", type=int, nargs="*", default=None)
    parser.add_argument("--modes", nargs="*", default=None, help=f"default {' '.join(MODES)}")
    parser.add_argument("--grpcio", action="store_true", help="add our client over grpcio")
    parser.add_argument(
        "--scenarios",
        nargs="*",
        default=list(SCENARIOS),
        choices=[*SCENARIOS, *EXTRA_SCENARIOS],
        help=f"default {' '.join(SCENARIOS)}; also {' '.join(EXTRA_SCENARIOS)}",
    )
    parser.add_argument("--concurrency", type=int, nargs="*", default=[1, 16, 64])
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--calls", type=int, default=None, help="calls per sequential run")
    parser.add_argument("--no-cold", action="store_true")
    parser.add_argument(
        "--otel",
        nargs="*",
        default=None,
        choices=["none", "api", "noop-sdk"],
        help="measure our modes only, once per OpenTelemetry setting: none (the extra absent), "
        "api (installed, no SDK configured), noop-sdk (SDK with a no-op exporter); e.g. "
        "--otel none api noop-sdk --no-cold",
    )
    parser.add_argument("--profile", default=None, help="profile one mode instead")
    parser.add_argument("--profiler", default="cprofile", choices=["cprofile", "pyinstrument"])
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/query.json"))
    parser.add_argument("--markdown", type=Path, default=None)
    parser.add_argument(
        "--server", default=None, help="HOST:HTTP_PORT:GRPC_PORT of a running server to use"
    )
    args = parser.parse_args(argv)

    sizes = args.sizes or ([20_000] if args.quick else [20_000, 100_000])
    modes = list(args.modes or MODES) + (list(GRPCIO_MODES) if args.grpcio else [])
    if args.otel:
        modes = [f"{m}@otel={o}" for m in modes if m.startswith("ours") for o in args.otel]
    if args.profile:
        modes = [args.profile]
    rounds = args.rounds or (3 if args.quick else 7)
    base_calls = args.calls or (200 if args.quick else 1000)

    import weaviate

    from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer

    results: list[dict[str, Any]] = []
    with contextlib.ExitStack() as stack:
        if args.server:
            h, hp, gp = args.server.split(":")
            host, http_port, grpc_port = h, int(hp), int(gp)
        else:
            server = stack.enter_context(EmbeddedServer(EmbeddedOptions(modules=())))
            host, http_port, grpc_port = server.host, server.http_port, server.grpc_port
        server_version = _server_version(host, http_port)
        for size in sizes:
            t = time.perf_counter()
            load(host, http_port, grpc_port, f"Bench{size}", size)
            print(f"loaded {size} objects in {time.perf_counter() - t:.1f}s", flush=True)
        workers = {m: WorkerProcess(m, host, http_port, grpc_port) for m in modes}
        try:
            if args.profile:
                for scenario in args.scenarios:
                    for conc in args.concurrency:
                        answer = workers[args.profile].ask(
                            op="profile",
                            scenario=scenario,
                            collection=f"Bench{sizes[0]}",
                            concurrency=conc,
                            calls=base_calls * max(1, conc // 8),
                            profiler=args.profiler,
                        )
                        print(f"== {args.profile} {scenario} x{conc}\n{answer['text']}")
                return 0
            for size in sizes:
                for scenario in args.scenarios:
                    for conc in args.concurrency:
                        calls = base_calls if conc == 1 else base_calls * 3
                        row = measure(workers, f"Bench{size}", scenario, conc, calls, rounds)
                        results.append(
                            {
                                "size": size,
                                "scenario": scenario,
                                "concurrency": conc,
                                "modes": row,
                            }
                        )
                        _print_row(size, scenario, conc, row)
        finally:
            for w in workers.values():
                w.close()
        cold = (
            {}
            if args.no_cold
            else cold_start(
                [m for m in modes],
                host,
                http_port,
                grpc_port,
                f"Bench{sizes[0]}",
                3 if args.quick else 7,
            )
        )
        if cold:
            print("cold start ms: " + ", ".join(f"{m} {v:.0f}" for m, v in cold.items()))
    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "official_client": weaviate.__version__,
        "server": server_version,
        "quick": args.quick,
        "results": results,
        "cold_start_ms": cold,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    text = markdown(report)
    print(text)
    if args.markdown:
        args.markdown.write_text(text)
    return 0


def _print_row(size: int, scenario: str, conc: int, row: dict[str, dict[str, float]]) -> None:
    for mode, m in row.items():
        ref = row.get(_official(mode))
        ratio = (
            f" cpu x{m['cpu_us'] / ref['cpu_us']:.2f} qps x{m['qps'] / ref['qps']:.2f}"
            if mode.startswith("ours") and ref
            else ""
        )
        lat = f" p50 {m['p50_ms']:.2f} p99 {m['p99_ms']:.2f} ms" if "p50_ms" in m else ""
        print(
            f"{size:>6} {scenario:<14} x{conc:<3} {mode:<18} cpu {m['cpu_us']:6.0f} us/q "
            f"{m['qps']:7.0f} q/s{lat}{ratio}",
            flush=True,
        )


if __name__ == "__main__":
    raise SystemExit(main())
