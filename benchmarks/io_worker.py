"""One run of the file benchmark in its own process: ``python -m benchmarks.io_worker --mode M``.

Modes:

``ours_api``
    ``await import_file(collection, path)`` (this package's ``weaviate_async.io``).
``ours_cli``
    ``python -m weaviate_async.cli --url ... import FILE -c C`` in a subprocess. Its CPU is the
    child's (``os.wait4``'s rusage), its peak RSS the child's ``VmHWM``, read from /proc while
    it runs (``ru_maxrss`` is no good here: Linux carries it over ``execve`` from the process
    that forked). Its wall and CPU time include the interpreter's start and the imports
    (about half a second), which the API modes do before their phase.
``official_script``
    The import as the official client's documentation writes it: the Parquet file read with
    pyarrow a record batch at a time, each row added with ``batch.add_object(properties=...,
    vector=..., uuid=...)`` inside ``collection.batch.dynamic()``.
``export_parquet``
    ``await export_collection(collection, path)`` of a loaded collection to a Parquet file.

Each prints one line, ``IO_RESULT {json}``: the phase's wall and CPU seconds, the peak RSS,
and the failures the client reported.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["MARKER", "MODES", "main"]

MARKER = "IO_RESULT "


def _peak_rss_kb(pid: int | str = "self") -> int | None:
    """A process's peak RSS (``VmHWM``), or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


class Args(argparse.Namespace):
    """The worker's arguments."""

    mode: str
    file: Path
    host: str
    http_port: int
    grpc_port: int
    collection: str
    out: Path | None


def _timed(result: dict[str, Any], wall0: float, cpu0: float) -> None:
    result["wall_s"] = time.perf_counter() - wall0
    result["cpu_s"] = time.process_time() - cpu0


def _ours_api(args: Args) -> dict[str, Any]:
    import pyarrow as pa

    import weaviate_async
    from weaviate_async.io import import_file

    async def main() -> dict[str, Any]:
        client = await weaviate_async.connect_to_local(
            host=args.host, port=args.http_port, grpc_port=args.grpc_port
        )
        try:
            coll = client.collections.use(args.collection)
            # Warm-up with no rows: the batch engine's modules are imported lazily, and the
            # official mode's connect has imported all of its client before its phase too.
            empty = pa.table({"title": pa.array([], pa.string())})
            await import_file(coll, empty, failures=False)
            result: dict[str, Any] = {}
            wall0, cpu0 = time.perf_counter(), time.process_time()
            report = await import_file(coll, args.file)
            _timed(result, wall0, cpu0)
            result.update(
                rows=report.rows,
                acknowledged=report.acknowledged,
                failed=len(report.failures),
                messages=[f.message[:300] for f in report.failures[:5]],
            )
            return result
        finally:
            await client.close()

    return asyncio.run(main())


def _official_script(args: Args) -> dict[str, Any]:
    import pyarrow.parquet as pq
    import weaviate

    client = weaviate.connect_to_local(
        host=args.host, port=args.http_port, grpc_port=args.grpc_port
    )
    try:
        collection = client.collections.use(args.collection)
        with collection.batch.dynamic():
            pass  # warm-up: the official client reads the collection's config and the nodes
        result: dict[str, Any] = {}
        rows = 0
        wall0, cpu0 = time.perf_counter(), time.process_time()
        # As the official documentation's "import from a file" example: stream the file's
        # records and add each one to a dynamic batch.
        parquet = pq.ParquetFile(args.file)
        with collection.batch.dynamic() as batch:
            for record_batch in parquet.iter_batches(batch_size=10_000):
                for row in record_batch.to_pylist():
                    batch.add_object(
                        properties={
                            "title": row["title"],
                            "category": row["category"],
                            "year": row["year"],
                        },
                        vector=row["vector"],
                        uuid=row["uuid"],
                    )
                    rows += 1
        _timed(result, wall0, cpu0)
        failed = collection.batch.failed_objects
        result.update(
            rows=rows,
            failed=len(failed),
            messages=[str(f.message)[:300] for f in failed[:5]],
        )
        return result
    finally:
        client.close()


def _export_parquet(args: Args) -> dict[str, Any]:
    import weaviate_async
    from weaviate_async.io import export_collection

    if args.out is None:
        raise SystemExit("export_parquet needs --out")
    out: Path = args.out

    async def main() -> dict[str, Any]:
        client = await weaviate_async.connect_to_local(
            host=args.host, port=args.http_port, grpc_port=args.grpc_port
        )
        try:
            coll = client.collections.use(args.collection)
            result: dict[str, Any] = {}
            wall0, cpu0 = time.perf_counter(), time.process_time()
            report = await export_collection(coll, out)
            _timed(result, wall0, cpu0)
            result.update(rows=report.rows, failed=0, messages=[])
            return result
        finally:
            await client.close()

    return asyncio.run(main())


def _ours_cli(args: Args) -> dict[str, Any]:
    cmd = [
        sys.executable,
        "-m",
        "weaviate_async.cli",
        "--url",
        f"http://{args.host}:{args.http_port}",
        "--grpc-port",
        str(args.grpc_port),
        "--json",
        "import",
        str(args.file),
        "-c",
        args.collection,
    ]
    wall0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    status = None
    usage = None
    # VmHWM only grows, so the last reading before the child exits is its peak (give or take
    # the last 20 ms); reaping it with wait4 gives its own CPU time.
    while status is None:
        seen = _peak_rss_kb(proc.pid)
        if seen is not None:
            peak = max(peak, seen)
        pid, raw_status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            status, usage = raw_status, rusage
            break
        time.sleep(0.02)
    wall = time.perf_counter() - wall0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = proc.stdout.read().decode() if proc.stdout else ""
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    assert usage is not None
    result: dict[str, Any] = {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_rss_kb": peak,
        "ru_maxrss_kb": usage.ru_maxrss,
        "exit_code": proc.returncode,
        "failed": 0,
        "messages": [],
    }
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"the CLI exited {proc.returncode}: {stderr.strip()[-1500:]}")
    reply = _last_json(stdout)
    if reply is not None:
        result["cli_reply"] = reply
        result["rows"] = reply.get("rows")
        result["failed"] = int(reply.get("failed") or 0)
    if proc.returncode == 3 and not result["failed"]:
        result["failed"] = -1  # partial import, count unknown: the run is invalid
    return result


def _last_json(text: str) -> dict[str, Any] | None:
    for line in reversed(text.strip().splitlines()):
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return None


MODES: dict[str, Callable[[Args], dict[str, Any]]] = {
    "ours_api": _ours_api,
    "ours_cli": _ours_cli,
    "official_script": _official_script,
    "export_parquet": _export_parquet,
}


def main(argv: list[str] | None = None) -> int:
    """Run one mode once and print its ``IO_RESULT`` line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.io_worker")
    parser.add_argument("--mode", required=True, choices=sorted(MODES))
    parser.add_argument("--file", type=Path, required=True, help="input (or export) file")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--grpc-port", type=int, required=True)
    parser.add_argument("--collection", required=True)
    parser.add_argument("--out", type=Path, default=None, help="export_parquet's output file")
    args = parser.parse_args(argv, namespace=Args())
    result: dict[str, Any] = {"mode": args.mode}
    try:
        result.update(MODES[args.mode](args))
    except Exception as exc:
        result.update(
            status="error",
            error=f"{type(exc).__name__}: {exc}",
            traceback=traceback.format_exc()[-3000:],
        )
    else:
        result["status"] = "ok"
        if args.mode != "ours_cli":
            result["peak_rss_kb"] = _peak_rss_kb()
    sys.stdout.write(MARKER + json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
