"""File import/export benchmark (issue 16): ``weaviate_async.io`` and its command line against
the import the official client's documentation shows, on the same real server.

Usage::

    python -m benchmarks.io [--quick] [--rows N] [--repetitions R] [--modes M ...]
                            [--memory-rows N ...] [--markdown PATH]
    nox -s bench_io -- --quick

What is measured
    A Parquet file of N rows (``uuid``, ``title``, ``category``, ``year`` and a 384-d float32
    ``vector`` as a fixed-size list) is generated once, a row group at a time, and cached
    outside the repository (:mod:`benchmarks.io_data`; ``~/.cache/weaviate-async/bench-io``).
    One embedded server (``ASYNC_INDEXING=true``) serves every run, after one unmeasured CLI
    import of 1,000 rows that fills the bytecode cache (see :func:`_env`). Each mode runs in
    its own process (:mod:`benchmarks.io_worker`) on a fresh collection, created over REST
    before and deleted after; modes run interleaved within a repetition, their order reversed
    on odd repetitions, so drift on the machine hits them all alike:

    - ``ours_api``: ``await import_file(collection, path)``;
    - ``ours_cli``: ``python -m weaviate_async.cli import FILE -c C`` in a subprocess (its own
      CPU and peak RSS; they include the interpreter's start and the imports);
    - ``official_script``: the official client 4.24.1 as its documentation writes a file import:
      pyarrow record batches, ``batch.add_object(properties=, vector=, uuid=)`` in
      ``batch.dynamic()``;
    - ``export_parquet``: ``export_collection(collection, "x.parquet")`` of the collection
      ``ours_api`` just loaded (it runs right after it, before that collection is deleted).

    Per run: rows/s over the phase (the import or export call, whole CLI process), the client's
    CPU seconds per 10,000 rows (process CPU of every thread) and its peak RSS (``VmHWM``). A
    run is valid when the server then holds exactly N objects (a GraphQL ``Aggregate`` count),
    or the exported file exactly N rows, and the client reported no failed row. Medians of the
    valid runs are compared with the official script's.

    ``--memory-rows`` adds one ``ours_api`` run per listed size (default: a fifth of N, and N
    when the main runs do not already cover it), to show that the peak RSS does not grow with
    the file.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
import urllib.error
import uuid
from pathlib import Path
from typing import Any

from benchmarks.ingest import _count, _rest, _wait_quiet
from benchmarks.io_data import DIM, cache_dir, collection_schema, ensure_dataset
from benchmarks.io_report import LABELS, MODES, derive, markdown, summarize
from benchmarks.io_worker import MARKER

ROOT = Path(__file__).resolve().parent.parent
QUICK_ROWS = 50_000
WARM_ROWS = 1_000


def _order(modes: list[str], rep: int) -> list[str]:
    """Import modes in order (reversed on odd repetitions); export right after ``ours_api``."""
    imports = [m for m in modes if m != "export_parquet"]
    order = imports[::-1] if rep % 2 else list(imports)
    if "export_parquet" in modes:
        at = order.index("ours_api") + 1 if "ours_api" in order else len(order)
        order.insert(at, "export_parquet")
    return order


def _env() -> dict[str, str]:
    """The workers' environment: the repository on the path, and compiled bytecode kept in a
    cache outside the tree (``PYTHONPYCACHEPREFIX``) even where ``PYTHONDONTWRITEBYTECODE`` is
    set, as on the project's machines. Without it every CLI run compiles its ~2,000 modules
    (typer, rich, pyarrow, gRPC, this package) from source, seconds of CPU a user's install
    never pays; the API modes import before their phase, so this only changes the CLI's
    figures."""
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        PYTHONPYCACHEPREFIX=str(cache_dir() / "pycache"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _worker(
    server: Any, mode: str, file: Path, collection: str, *, out: Path | None, timeout: float
) -> dict[str, Any]:
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.io_worker",
        "--mode",
        mode,
        "--file",
        str(file),
        "--host",
        server.host,
        "--http-port",
        str(server.http_port),
        "--grpc-port",
        str(server.grpc_port),
        "--collection",
        collection,
    ]
    if out is not None:
        cmd += ["--out", str(out)]
    try:
        proc = subprocess.run(
            cmd, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {"status": "error", "error": f"timed out after {timeout:.0f} s"}
    line = next((x for x in reversed(proc.stdout.splitlines()) if x.startswith(MARKER)), None)
    if line is None:
        return {
            "status": "error",
            "error": f"worker exited {proc.returncode} without a result: "
            f"{proc.stderr.strip()[-1500:]}",
        }
    result: dict[str, Any] = json.loads(line[len(MARKER) :])
    return result


def _parquet_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(path).metadata.num_rows)


def validate(run: dict[str, Any], count: int | None) -> dict[str, Any]:
    """Mark a run valid when it ended ok, reported no failed row, and the server (or, for an
    export, the written file) holds exactly the expected rows."""
    expected = run["expected_rows"]
    if run.get("status") != "ok":
        run["valid"] = False
        run["invalid_reason"] = f"{run.get('status')}: {run.get('error')}"
        return run
    reasons = []
    if run.get("failed"):
        reasons.append(f"{run['failed']} failed rows ({run.get('messages')})")
    if count != expected:
        what = "the exported file holds" if run["mode"] == "export_parquet" else "server holds"
        reasons.append(f"{what} {count} of {expected} rows")
    run["valid"] = not reasons
    run["invalid_reason"] = "; ".join(reasons) or None
    return run


def run_import(
    server: Any, mode: str, file: Path, rows: int, rep: int, *, timeout: float, keep: bool = False
) -> dict[str, Any]:
    """One import mode once, on a fresh collection (deleted after unless ``keep``)."""
    collection = f"Io{mode.title().replace('_', '')}{uuid.uuid4().hex[:8]}"
    _rest(server.url, "POST", "/schema", collection_schema(collection))
    run = {"mode": mode, "rep": rep, "expected_rows": rows, "collection": collection}
    run.update(_worker(server, mode, file, collection, out=None, timeout=timeout))
    count = _count(server.url, collection) if run.get("status") == "ok" else None
    run["server_count"] = count
    derive(validate(run, count))
    if not keep:
        _drop(server, collection, run)
    return run


def run_export(
    server: Any, collection: str, rows: int, rep: int, out: Path, *, timeout: float
) -> dict[str, Any]:
    """Export the loaded ``collection`` to ``out`` (Parquet) and check its row count."""
    out.unlink(missing_ok=True)
    run = {"mode": "export_parquet", "rep": rep, "expected_rows": rows, "collection": collection}
    run.update(_worker(server, "export_parquet", out, collection, out=out, timeout=timeout))
    count = _parquet_rows(out) if run.get("status") == "ok" and out.exists() else None
    run["file_rows"] = count
    derive(validate(run, count))
    out.unlink(missing_ok=True)
    return run


def _drop(server: Any, collection: str, run: dict[str, Any]) -> None:
    try:
        _rest(server.url, "DELETE", f"/schema/{collection}")
    except (urllib.error.URLError, OSError) as exc:
        run["cleanup_error"] = str(exc)
    run["settle_s"] = _wait_quiet(server.pid)


def _describe(run: dict[str, Any]) -> str:
    label = LABELS[run["mode"]]
    if not run.get("valid"):
        return f"{label:<42} INVALID: {str(run.get('invalid_reason'))[:300]}"
    return (
        f"{label:<42} {run['rows_per_s']:9,.0f} rows/s  CPU {run['cpu_s_per_10k']:6.2f} s/10k  "
        f"peak RSS {run['peak_rss_mb']:6.0f} MB"
    )


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.io",
        description="File import/export benchmark (see the module docstring).",
    )
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ROWS:,} rows, 2 repetitions")
    parser.add_argument("--rows", type=int, default=None, help="rows in the file (1,000,000)")
    parser.add_argument("--repetitions", type=int, default=None, help="runs per mode (3)")
    parser.add_argument(
        "--modes",
        nargs="*",
        choices=MODES,
        default=list(MODES),
        metavar="MODE",
        help=f"modes to run (default all): {', '.join(MODES)}",
    )
    parser.add_argument(
        "--memory-rows",
        type=int,
        nargs="*",
        default=None,
        metavar="N",
        help="file sizes for the peak-RSS runs of import_file (default: N/5 and N)",
    )
    parser.add_argument("--markdown", type=Path, default=Path("benchmarks/results/io.md"))
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds per run")
    parser.add_argument("--note", default=None, help="a line added under the report's title")
    args = parser.parse_args(argv)
    if args.rows is None:
        args.rows = QUICK_ROWS if args.quick else 1_000_000
    if args.repetitions is None:
        args.repetitions = 2 if args.quick else 3
    if args.memory_rows is None:
        args.memory_rows = [max(1, args.rows // 5), args.rows]
    if args.rows < 1 or args.repetitions < 0 or any(n < 1 for n in args.memory_rows):
        parser.error("--rows, --repetitions and --memory-rows take positive numbers")
    return args


def _start_server() -> Any:
    from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer

    options = EmbeddedOptions(
        modules=(), additional_env_vars={"ASYNC_INDEXING": "true"}, startup_timeout=180.0
    )
    return EmbeddedServer(options).start()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the markdown report (and its JSON beside it)."""
    from importlib.metadata import version

    args = _parse_args(argv)
    sizes = sorted({args.rows, *args.memory_rows, WARM_ROWS})
    files: dict[int, Path] = {}
    for rows in sizes:
        started = time.monotonic()
        files[rows] = ensure_dataset(rows)
        print(f"input: {files[rows]} ({time.monotonic() - started:.1f} s)", flush=True)
    file = files[args.rows]
    meta: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "official_client": version("weaviate-client"),
        "rows": args.rows,
        "dim": DIM,
        "file": str(file),
        "file_mb": file.stat().st_size / 2**20,
        "repetitions": args.repetitions,
        "modes": args.modes,
        "note": args.note,
        "load_start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    runs: list[dict[str, Any]] = []
    memory: list[dict[str, Any]] = []
    export_out = args.markdown.parent / "io-export.parquet"
    export_out.parent.mkdir(parents=True, exist_ok=True)
    server = _start_server()
    try:
        meta["server_version"] = _rest(server.url, "GET", "/meta").get("version")
        if "ours_cli" in args.modes and args.repetitions:
            # Unmeasured: fills the bytecode cache (see _env) and warms the server.
            warm = run_import(server, "ours_cli", files[WARM_ROWS], WARM_ROWS, -1, timeout=600)
            print(f"   warm-up {_describe(warm)}", flush=True)
            meta["warm_up"] = warm
        for rep in range(args.repetitions):
            loaded: dict[str, Any] | None = None
            for mode in _order(list(args.modes), rep):
                if mode == "export_parquet":
                    if loaded is None or not loaded.get("valid"):
                        # no ours_api run to export from: load one outside the measured modes
                        loaded = run_import(
                            server,
                            "ours_api",
                            file,
                            args.rows,
                            rep,
                            timeout=args.timeout,
                            keep=True,
                        )
                    run = run_export(
                        server,
                        loaded["collection"],
                        args.rows,
                        rep,
                        export_out,
                        timeout=args.timeout,
                    )
                    _drop(server, loaded["collection"], run)
                    loaded = None
                else:
                    keep = mode == "ours_api" and "export_parquet" in args.modes
                    run = run_import(
                        server, mode, file, args.rows, rep, timeout=args.timeout, keep=keep
                    )
                    if keep:
                        loaded = run
                runs.append(run)
                print(f"   rep {rep + 1} {_describe(run)}", flush=True)
        covered = any(r["mode"] == "ours_api" and r.get("valid") for r in runs)
        for rows in args.memory_rows:
            if rows == args.rows and covered:
                mine = [r for r in runs if r["mode"] == "ours_api" and r.get("valid")]
                run = dict(mine[0])
            else:
                run = run_import(server, "ours_api", files[rows], rows, 0, timeout=args.timeout)
            run["file_mb"] = files[rows].stat().st_size / 2**20
            memory.append(run)
            print(f"   memory {rows:,} rows: {_describe(run)}", flush=True)
    finally:
        server.stop()
    meta["load_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    report = {"meta": meta, "summaries": summarize(runs), "runs": runs, "memory": memory}
    text = markdown(report)
    args.markdown.parent.mkdir(parents=True, exist_ok=True)
    args.markdown.write_text(text)
    json_path = args.markdown.with_suffix(".json")
    json_path.write_text(json.dumps(report, indent=2, default=str))
    print()
    print(text)
    print(f"wrote {args.markdown} and {json_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
