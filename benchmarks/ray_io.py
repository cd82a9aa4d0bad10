"""The Ray writer against one server: rows/s of :class:`~weaviate_async.ray.WeaviateDatasink`
with 1, 2 and 4 Ray workers, and where the server, not the client, becomes the limit.

Usage::

    python -m benchmarks.ray_io [--rows N] [--workers 1 2 4] [--markdown PATH]

What is measured
    One embedded server (``ASYNC_INDEXING=true``) for the whole run. For each worker count K,
    a fresh process (``ray.init(num_cpus=K)``) makes a Dataset of N rows (a ``uuid`` column,
    a 384-d float32 ``vector``, ``title`` text, ``count`` int, ``score`` number) and
    materializes it in the object store before the clock starts, so making the input is not
    timed. It then writes it with ``write_datasink(sink, concurrency=K)`` into a fresh
    collection, which is counted and deleted afterwards; before each K the server is left to
    go quiet (under a tenth of a core, at most 120 s: async indexing of the last collection).

    Per K: rows/s over ``write_datasink`` (on the driver, first task to last report); the
    client's CPU seconds, the sum over write tasks of each task's ``getrusage(RUSAGE_SELF)``
    delta (the Ray worker process, every thread); the server's CPU seconds over the same
    interval (utime + stime of its process from ``/proc/<pid>/stat``); each as a share of the
    wall time, in cores. When the server's share stops growing with K (or server + client
    reach the machine's cores), adding writers no longer helps: the server is the limit.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import subprocess
import sys
import time
import uuid as uuid_lib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MARKER = "RAY_IO_RESULT "
DIM = 384
BLOCK_ROWS = 10_000

COLUMNS = (
    ("workers", "Ray workers"),
    ("rows", "rows"),
    ("seconds", "write s"),
    ("rows_per_s", "rows/s"),
    ("client_cores", "client CPU (cores)"),
    ("server_cores", "server CPU (cores)"),
    ("server_cpu_per_10k", "server CPU s / 10k rows"),
    ("host_busy", "host busy (of all cores)"),
)


# ------------------------------------------------------------------------------ pure parts


def proc_cpu_seconds(pid: int) -> float | None:
    """CPU seconds (user + system, every thread) process ``pid`` has used, from /proc; None
    when it cannot be read (the process is gone, or no /proc)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            # the command name (2nd field) may hold spaces or parens: split after its ')'
            fields = handle.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def host_cpu_ticks() -> tuple[int, int] | None:
    """(busy, total) clock ticks of every core since boot, from /proc/stat."""
    try:
        with open("/proc/stat") as handle:
            first = handle.readline().split()
    except OSError:
        return None
    ticks = [int(x) for x in first[1:]]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    return sum(ticks) - idle, sum(ticks)


def derive(raw: dict[str, Any]) -> dict[str, Any]:
    """Rates and shares of one run from its measured totals."""
    seconds = float(raw["seconds"])
    rows = int(raw["rows"])
    out = dict(raw)
    out["rows_per_s"] = rows / seconds if seconds > 0 else None
    out["client_cores"] = raw["client_cpu_s"] / seconds if seconds > 0 else None
    server = raw.get("server_cpu_s")
    out["server_cores"] = server / seconds if server is not None and seconds > 0 else None
    out["server_cpu_per_10k"] = server / rows * 10_000 if server is not None and rows else None
    return out


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "n/a"
    if key in ("workers", "rows"):
        return f"{int(value):,}"
    if key == "rows_per_s":
        return f"{value:,.0f}"
    if key == "host_busy":
        return f"{value:.0%}"
    return f"{value:.2f}"


def markdown_table(runs: Sequence[dict[str, Any]]) -> str:
    """The runs as a markdown table, one row per worker count."""
    lines = [
        "| " + " | ".join(title for _, title in COLUMNS) + " |",
        "|" + "|".join("---:" for _ in COLUMNS) + "|",
    ]
    for run in runs:
        lines.append("| " + " | ".join(_cell(key, run.get(key)) for key, _ in COLUMNS) + " |")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------ one K (child)


def _dataset(ray: Any, rows: int) -> Any:
    import numpy as np
    import pyarrow as pa

    def make(batch: dict[str, Any]) -> Any:
        ids = np.asarray(batch["id"], dtype=np.int64)
        rng = np.random.default_rng(int(ids[0]) if len(ids) else 0)
        flat = rng.random(len(ids) * DIM, dtype=np.float32)
        return pa.table(
            {
                "uuid": [str(uuid_lib.UUID(int=int(i) + 1)) for i in ids],
                "vector": pa.FixedSizeListArray.from_arrays(pa.array(flat), DIM),
                "title": [f"row {int(i)}" for i in ids],
                "count": pa.array(ids),
                "score": pa.array(rng.random(len(ids))),
            }
        )

    # a multiple of 4 blocks, so that 1, 2 and 4 workers all get equal shares
    blocks = max(4, -(-rows // (4 * BLOCK_ROWS)) * 4)
    ds = ray.data.range(rows, override_num_blocks=blocks)
    return ds.map_batches(make, batch_format="numpy", batch_size=None).materialize()


def _timed_sink_class() -> Any:
    from ray.data import Datasink

    class TimedSink(Datasink[dict[str, Any]]):
        """Wraps a WeaviateDatasink: each task also reports its process's CPU delta."""

        def __init__(self, inner: Any) -> None:
            self.inner = inner
            self.tasks: list[dict[str, Any]] = []

        def on_write_start(self, schema: Any = None) -> None:
            self.inner.on_write_start(schema)

        def write(self, blocks: Iterable[Any], ctx: Any) -> dict[str, Any]:
            before = resource.getrusage(resource.RUSAGE_SELF)
            parts = self.inner.write(blocks, ctx)
            after = resource.getrusage(resource.RUSAGE_SELF)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            return {"parts": parts, "cpu_s": cpu, "pid": os.getpid()}

        def on_write_complete(self, write_result: Any) -> None:
            returns = list(write_result.write_returns)
            self.tasks = [{"cpu_s": r["cpu_s"], "pid": r["pid"]} for r in returns]
            inner_result = dataclasses.replace(
                write_result, write_returns=[r["parts"] for r in returns]
            )
            self.inner.on_write_complete(inner_result)

        @property
        def min_rows_per_write(self) -> int | None:
            value: int | None = self.inner.min_rows_per_write
            return value

        def get_name(self) -> str:
            return "WeaviateTimed"

    return TimedSink


def run_workers(args: argparse.Namespace) -> dict[str, Any]:
    """In a fresh process: one write of ``args.rows`` rows with ``args.run`` Ray workers."""
    import ray

    from weaviate_async.io.remote import ConnectionSettings
    from weaviate_async.ray import WeaviateDatasink

    workers = int(args.run)
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    try:
        ds = _dataset(ray, args.rows)
        settings = ConnectionSettings.local(
            host=args.host, port=args.http_port, grpc_port=args.grpc_port
        )
        sink = _timed_sink_class()(WeaviateDatasink(args.collection, settings))
        server0 = proc_cpu_seconds(args.server_pid)
        host0 = host_cpu_ticks()
        started = time.perf_counter()
        ds.write_datasink(sink, concurrency=workers)
        seconds = time.perf_counter() - started
        server1 = proc_cpu_seconds(args.server_pid)
        host1 = host_cpu_ticks()
    finally:
        ray.shutdown()
    report = sink.inner.report
    host_busy = None
    if host0 is not None and host1 is not None and host1[1] > host0[1]:
        host_busy = (host1[0] - host0[0]) / (host1[1] - host0[1])
    return {
        "workers": workers,
        "rows": args.rows,
        "seconds": seconds,
        "acknowledged": report.acknowledged if report is not None else None,
        "failures": len(report.failures) if report is not None else None,
        "tasks": len(sink.tasks),
        "worker_pids": len({t["pid"] for t in sink.tasks}),
        "client_cpu_s": sum(t["cpu_s"] for t in sink.tasks),
        "server_cpu_s": (
            server1 - server0 if server0 is not None and server1 is not None else None
        ),
        "host_busy": host_busy,
    }


# ------------------------------------------------------------------------------ orchestrator


def _schema(name: str) -> dict[str, Any]:
    return {
        "class": name,
        "vectorizer": "none",
        "properties": [
            {"name": "title", "dataType": ["text"]},
            {"name": "count", "dataType": ["int"]},
            {"name": "score", "dataType": ["number"]},
        ],
    }


def _one(server: Any, workers: int, rows: int, timeout: float) -> dict[str, Any]:
    from benchmarks.ingest import _count, _rest, _wait_quiet

    # the previous run's collection may still be indexed in the background (async indexing)
    quiet_s = _wait_quiet(server.pid, limit=120.0)
    collection = f"RayIo{workers}w{uuid_lib.uuid4().hex[:8]}"
    _rest(server.url, "POST", "/schema", _schema(collection))
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.ray_io",
        "--run",
        str(workers),
        "--rows",
        str(rows),
        "--host",
        server.host,
        "--http-port",
        str(server.http_port),
        "--grpc-port",
        str(server.grpc_port),
        "--collection",
        collection,
        "--server-pid",
        str(server.pid),
    ]
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    try:
        proc = subprocess.run(
            cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
        line = next((x for x in reversed(proc.stdout.splitlines()) if x.startswith(MARKER)), None)
        if line is None:
            raise RuntimeError(f"{workers} workers: no result\n{proc.stderr[-3000:]}")
        run: dict[str, Any] = json.loads(line[len(MARKER) :])
        run["count"] = _count(server.url, collection)
    finally:
        _rest(server.url, "DELETE", f"/schema/{collection}")
    run["quiet_wait_s"] = quiet_s
    run["valid"] = run["count"] == rows and run["failures"] == 0
    return derive(run)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.ray_io",
        description="The Ray writer with 1, 2 and 4 workers (see the module docstring).",
    )
    parser.add_argument("--rows", type=int, default=200_000, help="rows per write")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--markdown", type=Path, default=None, help="write the table here")
    parser.add_argument("--json", type=Path, default=None, help="write the raw runs here")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per run")
    # the child's side (one K in a fresh process)
    parser.add_argument("--run", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--host", default="127.0.0.1", help=argparse.SUPPRESS)
    parser.add_argument("--http-port", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--grpc-port", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--collection", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--server-pid", type=int, default=0, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print (and optionally write) the markdown table."""
    args = _parse_args(argv)
    if args.run is not None:
        print(MARKER + json.dumps(run_workers(args)), flush=True)
        return 0
    from benchmarks.ingest import _start_server

    server = _start_server("async")
    runs: list[dict[str, Any]] = []
    try:
        for workers in args.workers:
            run = _one(server, workers, args.rows, args.timeout)
            runs.append(run)
            print(json.dumps(run), file=sys.stderr, flush=True)
    finally:
        server.stop()
    title = (
        f"Ray writer, {args.rows:,} rows of {DIM}-d float32 vectors + 3 properties, "
        f"one server (ASYNC_INDEXING=true), {os.cpu_count()} cores\n\n"
    )
    table = markdown_table(runs)
    invalid = [r for r in runs if not r["valid"]]
    notes = "".join(
        f"\nINVALID: {r['workers']} workers: {r['count']} objects counted, "
        f"{r['failures']} failures\n"
        for r in invalid
    )
    text = title + table + notes
    print(text)
    if args.markdown is not None:
        args.markdown.write_text(text)
    if args.json is not None:
        args.json.write_text(json.dumps(runs, indent=2))
    return 1 if invalid else 0


if __name__ == "__main__":
    raise SystemExit(main())
