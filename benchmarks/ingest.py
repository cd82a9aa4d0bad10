"""Side-by-side ingestion benchmark: our batch engine against the official client, on the same
real server binary, in one run.

Usage::

    python -m benchmarks.ingest [--quick] [--objects N] [--modes M ...] [--servers sync,async]
                                [--datasets generated jeopardy] [--markdown PATH] [--million]
    python -m benchmarks.ingest --profile ours_async_dynamic --objects 20000 --servers async
    nox -s bench_ingest -- --quick          (or: nox -s bench -- --ingest --quick)

What is measured
    For each server (an :class:`~weaviate_async.embedded.EmbeddedServer` with
    ``ASYNC_INDEXING=false``, then one with ``true``; run one after the other so the two-core
    machine only serves one), each dataset (``generated``: N objects with 384-d vectors and
    text/int/date properties; ``jeopardy``: the 10k Jeopardy questions with their shipped 1536-d
    vectors) and each repetition, every mode runs once, in its own process
    (:mod:`benchmarks.ingest_worker`), on a fresh collection created over REST before and
    deleted after. Modes run interleaved within a repetition, in an order rotated and reversed
    between repetitions, so drift on the machine hits them all alike.

    Per run: objects/s over the ingest phase (from creating the batch context, or calling
    ``insert_many``/``ingest``, to the end of the context or call, the final flush included),
    the client's CPU seconds per 10,000 objects (process CPU time of every thread over the
    phase) and the process's peak RSS (``VmHWM`` from /proc: ``ru_maxrss`` survives
    ``execve`` on Linux, so in a freshly spawned worker it starts at the orchestrator's RSS at
    fork time; it is kept in the JSON as ``ru_maxrss_kb``). Then the server must hold exactly the
    expected number of objects (a GraphQL ``Aggregate`` count) and the client must report no
    failed object; otherwise the run is marked invalid and left out of the medians (and listed
    under its table). Medians of the valid runs are reported with their ratios to the official
    ``batch.dynamic()`` and to the official client's fastest mode in that group.

How input is made, and why
    Input is made in chunks of 1,000 objects from a seeded RNG (a float32 array of vectors and
    a list of property dicts per chunk), on demand inside the ingest phase, and the producing
    thread's CPU time spent making them (``time.thread_time``, garbage collection paused) is
    subtracted from both the phase's wall time and its process CPU time. The alternative,
    building all the input before the phase, would put 150 MB of vectors and 100,000 dicts into
    every process's RSS, drowning the clients' own memory use in the input's (every ratio would
    tend to 1); streamed chunks keep the input's share of the RSS to a chunk, which the
    ``noop`` mode (the same input made and dropped, no client imported) measures. Making a
    chunk costs 3 to 7 us per generated object, a few percent of an ingest phase, so it is
    subtracted rather than left in. Modes whose API takes ``DataObject`` lists
    (``insert_many``, ``ingest``) get the wrapping done as part of making the chunk, so all
    modes start from the same dict + numpy row per object.

    Why the chunks' CPU time and not their wall time is taken off the wall clock: making a
    chunk is single-threaded CPU work, so its CPU time is what it costs; its wall time also
    holds the moments the producer waited for the GIL while the official client's background
    threads ran (measured at 2 to 4 times the CPU time there, and equal to it with our
    engine), and that time is the client's, not the input's. Both figures are in the JSON
    (``gen_cpu_s``, ``gen_wall_s``).

    ``--million`` ingests 1,000,000 small objects (8-d vectors, one int) through our
    ``data.ingest(generator)`` and reports its peak RSS (target under 300 MB) and objects/s.
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
import urllib.request
import uuid
from pathlib import Path
from typing import Any

from benchmarks.ingest_data import DATASETS, DatasetSpec, JeopardyUnavailable, jeopardy_files
from benchmarks.ingest_report import (
    LABELS,
    OFFICIAL_MODES,
    OURS_MODES,
    derive,
    group_table,
    markdown,
    million_lines,
    summarize,
)
from benchmarks.ingest_worker import MARKER

ROOT = Path(__file__).resolve().parent.parent
ALL_MODES = (*OURS_MODES, *OFFICIAL_MODES, "noop")
SERVERS = {"sync": "false", "async": "true"}


# ------------------------------------------------------------------------------ server side


def _rest(base: str, method: str, path: str, body: Any = None, timeout: float = 120) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        f"{base}/v1{path}",
        data=data,
        method=method,
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        raw = reply.read()
    return json.loads(raw) if raw else None


def _count(base: str, collection: str) -> int:
    query = {"query": f"{{ Aggregate {{ {collection} {{ meta {{ count }} }} }} }}"}
    reply = _rest(base, "POST", "/graphql", query)
    if reply.get("errors"):
        raise RuntimeError(f"aggregate count failed: {reply['errors']}")
    return int(reply["data"]["Aggregate"][collection][0]["meta"]["count"])


def _server_cpu(pid: int | None) -> float | None:
    """CPU seconds the server process has used (all threads), from /proc."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_quiet(pid: int | None, *, limit: float = 60.0) -> float:
    """Wait until the server uses under a tenth of a core (compaction, async indexing of a
    deleted collection...), at most ``limit`` seconds; returns the seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        before = _server_cpu(pid)
        time.sleep(0.5)
        after = _server_cpu(pid)
        if before is None or after is None or after - before < 0.05:
            break
    return time.monotonic() - started


# ------------------------------------------------------------------------------ one run


def run_one(
    server: Any,
    server_kind: str,
    spec: DatasetSpec,
    mode: str,
    rep: int,
    *,
    timeout: float,
    profile: Path | None = None,
) -> dict[str, Any]:
    """Run ``mode`` once in a fresh process on a fresh collection; check the server's count."""
    collection = f"Ingest{mode.title().replace('_', '')}{uuid.uuid4().hex[:8]}"
    base = server.url
    _rest(base, "POST", "/schema", spec.schema(collection))
    run: dict[str, Any] = {
        "mode": mode,
        "dataset": spec.name,
        "server": server_kind,
        "rep": rep,
        "objects": spec.objects,
        "dim": spec.dim,
    }
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.ingest_worker",
        "--mode",
        mode,
        "--dataset",
        spec.name,
        "--objects",
        str(spec.objects),
        "--host",
        server.host,
        "--http-port",
        str(server.http_port),
        "--grpc-port",
        str(server.grpc_port),
        "--collection",
        collection,
    ]
    if profile is not None:
        cmd += ["--profile", str(profile)]
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    cpu0 = _server_cpu(server.pid)
    try:
        proc = subprocess.run(
            cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        run.update(status="error", error=f"timed out after {timeout:.0f} s")
        proc = None
    cpu1 = _server_cpu(server.pid)
    if proc is not None:
        line = next((x for x in reversed(proc.stdout.splitlines()) if x.startswith(MARKER)), None)
        if line is None:
            run.update(
                status="error",
                error=f"worker exited {proc.returncode} without a result: "
                f"{proc.stderr.strip()[-1500:]}",
            )
        else:
            run.update(json.loads(line[len(MARKER) :]))
    if cpu0 is not None and cpu1 is not None:
        run["server_cpu_s"] = cpu1 - cpu0
    derive(run)
    try:
        if run.get("status") == "ok":
            expected = 0 if mode == "noop" else spec.objects
            count = _count(base, collection)
            run["server_count"] = count
            reasons = []
            if run.get("failed"):
                reasons.append(f"{run['failed']} failed objects ({run.get('messages')})")
            if count != expected:
                reasons.append(f"server holds {count} of {expected} objects")
            if run.get("taken") != spec.objects:
                reasons.append(f"input held {run.get('taken')} objects, not {spec.objects}")
            run["valid"] = not reasons
            run["invalid_reason"] = "; ".join(reasons) or None
        else:
            run["valid"] = False
            run["invalid_reason"] = f"{run.get('status')}: {run.get('error')}"
    finally:
        try:
            _rest(base, "DELETE", f"/schema/{collection}")
        except (urllib.error.URLError, OSError) as exc:
            run["cleanup_error"] = str(exc)
        run["settle_s"] = _wait_quiet(server.pid)
    return run


def _describe(run: dict[str, Any]) -> str:
    label = LABELS[run["mode"]]
    if run.get("status") == "unavailable":
        return f"{label:<34} unavailable: {str(run.get('error'))[:160]}"
    if not run.get("valid"):
        return f"{label:<34} INVALID: {str(run.get('invalid_reason'))[:300]}"
    speed = run.get("objects_per_s")
    speed_text = f"{speed:9,.0f} obj/s" if speed else "        - obj/s"
    return (
        f"{label:<34} {speed_text}  CPU {run['cpu_s_per_10k']:6.2f} s/10k  "
        f"peak RSS {run['peak_rss_mb']:6.0f} MB  (input {run['gen_cpu_s']:.2f} s CPU)"
    )


def _order(modes: list[str], rep: int) -> list[str]:
    """Modes rotated by the repetition, and reversed on odd repetitions."""
    if not modes:
        return []
    shift = (rep * max(1, len(modes) // 3)) % len(modes)
    order = modes[shift:] + modes[:shift]
    return order[::-1] if rep % 2 else order


# ------------------------------------------------------------------------------ main


def _start_server(kind: str) -> Any:
    from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer

    options = EmbeddedOptions(
        modules=(),
        additional_env_vars={"ASYNC_INDEXING": SERVERS[kind]},
        startup_timeout=180.0,
    )
    return EmbeddedServer(options).start()


def _server_title(kind: str) -> str:
    return f"ASYNC_INDEXING={SERVERS[kind]}"


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.ingest",
        description="Side-by-side ingestion benchmark (see the module docstring).",
    )
    parser.add_argument("--quick", action="store_true", help="10,000 generated objects")
    parser.add_argument("--objects", type=int, default=None, help="generated objects per run")
    parser.add_argument(
        "--modes",
        nargs="+",
        choices=ALL_MODES,
        default=list(ALL_MODES),
        metavar="MODE",
        help=f"modes to run (default all): {', '.join(ALL_MODES)}",
    )
    parser.add_argument(
        "--servers",
        default="sync,async",
        help="comma list of sync (ASYNC_INDEXING=false) and async (true)",
    )
    parser.add_argument(
        "--datasets",
        nargs="*",
        choices=("generated", "jeopardy"),
        default=["generated", "jeopardy"],
        help="datasets of the side-by-side matrix (none: only --million / --profile)",
    )
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--markdown", type=Path, default=Path("benchmarks/results/ingest.md"))
    parser.add_argument("--million", action="store_true", help="also the 1M-object ingest run")
    parser.add_argument("--million-objects", type=int, default=1_000_000, help=argparse.SUPPRESS)
    parser.add_argument(
        "--profile",
        choices=ALL_MODES,
        metavar="MODE",
        default=None,
        help="profile one run of this mode (generated dataset, first server) and stop",
    )
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per run")
    parser.add_argument(
        "--report-only",
        type=Path,
        default=None,
        metavar="JSON",
        help="re-render the markdown (to --markdown) from the runs of an earlier JSON report",
    )
    args = parser.parse_args(argv)
    args.server_kinds = [s.strip() for s in args.servers.split(",") if s.strip()]
    unknown = [s for s in args.server_kinds if s not in SERVERS]
    if unknown or not args.server_kinds:
        parser.error(f"--servers takes a comma list of {', '.join(SERVERS)}; got {args.servers!r}")
    if args.objects is None:
        args.objects = 20_000 if args.profile else (10_000 if args.quick else 100_000)
    return args


def _profile(args: argparse.Namespace) -> int:
    kind = args.server_kinds[0]
    spec = DATASETS["generated"](args.objects)
    out = args.markdown.parent / f"profile-{args.profile}-{kind}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    raw = out.with_suffix(".txt")
    server = _start_server(kind)
    try:
        run = run_one(server, kind, spec, args.profile, 0, timeout=args.timeout, profile=raw)
    finally:
        server.stop()
    print(_describe(run))
    header = (
        f"# cProfile of {LABELS[args.profile]}, {spec.objects:,} generated objects "
        f"({spec.dim}-d), server {_server_title(kind)}\n\n{_describe(run)}\n\n"
        "Profiled in the worker process over the ingest phase only (cProfile slows "
        "Python code, so the figures above are not comparable with unprofiled runs).\n\n"
    )
    body = raw.read_text() if raw.exists() else "(no profile written)\n"
    out.write_text(header + body)
    raw.unlink(missing_ok=True)
    print(header + body)
    print(f"wrote {out} (raw stats: {raw.with_suffix('.prof')}, for pstats or snakeviz)")
    return 0 if run.get("valid") else 1


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the markdown and JSON reports."""
    args = _parse_args(argv)
    if args.report_only:
        return _report_only(args.report_only, args.markdown)
    if args.profile:
        return _profile(args)
    # The official client's version without importing it: this process stays small.
    from importlib.metadata import version

    meta: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "official_client": version("weaviate-client"),
        "objects": args.objects,
        "repetitions": args.repetitions,
        "quick": args.quick,
        "modes": args.modes,
        "servers": args.server_kinds,
        "datasets": list(args.datasets),
        "load_start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    skipped: list[str] = []
    specs: list[DatasetSpec] = []
    for name in args.datasets:
        if name == "jeopardy":
            try:
                jeopardy_files()
            except JeopardyUnavailable as exc:
                print(f"Jeopardy dataset skipped: {exc}", flush=True)
                skipped.append(f"jeopardy: {exc}")
                continue
        specs.append(DATASETS[name](args.objects))
    runs: list[dict[str, Any]] = []
    million_run: dict[str, Any] | None = None
    for kind in args.server_kinds:
        print(f"== server {_server_title(kind)}", flush=True)
        server = _start_server(kind)
        try:
            meta["server_version"] = _rest(server.url, "GET", "/meta").get("version")
            for spec in specs:
                print(f"-- {spec.name}: {spec.objects:,} objects x {spec.dim}-d", flush=True)
                unavailable: set[str] = set()
                for rep in range(args.repetitions):
                    for mode in _order(list(args.modes), rep):
                        if mode in unavailable:
                            continue
                        run = run_one(server, kind, spec, mode, rep, timeout=args.timeout)
                        if run.get("status") == "unavailable":
                            unavailable.add(mode)
                        runs.append(run)
                        print(f"   rep {rep + 1} {_describe(run)}", flush=True)
            if args.million and kind == args.server_kinds[-1]:
                spec = DATASETS["million"](args.million_objects)
                print(f"-- million: {spec.objects:,} objects x {spec.dim}-d", flush=True)
                million_run = run_one(server, kind, spec, "ours_ingest", 0, timeout=args.timeout)
                print(f"   {_describe(million_run)}", flush=True)
        finally:
            server.stop()
    meta["load_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())

    report = build_report(meta, runs, million_run, skipped)
    _write(report, args.markdown)
    return 0


def build_report(
    meta: dict[str, Any],
    runs: list[dict[str, Any]],
    million_run: dict[str, Any] | None,
    skipped: list[str],
) -> dict[str, Any]:
    """Group the runs by (dataset, server), in the order they ran, and summarize each group."""
    for run in (*runs, *([million_run] if million_run else [])):
        derive(run)
    seen = list(dict.fromkeys((r["dataset"], r["server"]) for r in runs))
    datasets = meta.get("datasets") or list(dict.fromkeys(d for d, _ in seen))
    servers = meta.get("servers") or list(dict.fromkeys(k for _, k in seen))
    keys = [(d, k) for d in datasets for k in servers if (d, k) in seen]
    groups = []
    for dataset, kind in keys:
        mine = [r for r in runs if r["dataset"] == dataset and r["server"] == kind]
        summaries = {
            mode: summarize(mode, [r for r in mine if r["mode"] == mode])
            for mode in ALL_MODES
            if any(r["mode"] == mode for r in mine)
        }
        lines, ratios = group_table(summaries, async_indexing=SERVERS[kind] == "true")
        first = mine[0]
        groups.append(
            {
                "title": f"{dataset}: {first['objects']:,} objects x {first['dim']}-d, server "
                f"{_server_title(kind)}",
                "dataset": dataset,
                "server": kind,
                "summaries": {m: _summary_dict(s) for m, s in summaries.items()},
                "ratios": ratios,
                "markdown": lines,
            }
        )
    report: dict[str, Any] = {"meta": meta, "skipped": skipped, "groups": groups, "runs": runs}
    if million_run is not None:
        report["million"] = {
            "run": million_run,
            "markdown": million_lines(million_run, _server_title(million_run["server"])),
        }
    return report


def _write(report: dict[str, Any], path: Path) -> None:
    text = markdown(report)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    json_path = path.with_suffix(".json")
    json_path.write_text(json.dumps(report, indent=2, default=str))
    print()
    print(text)
    print(f"wrote {path} and {json_path}")


def _report_only(source: Path, target: Path) -> int:
    """Re-render the tables from the runs of an earlier JSON report (e.g. after a change to
    the way figures are derived), without running anything."""
    old = json.loads(source.read_text())
    million = (old.get("million") or {}).get("run")
    report = build_report(old["meta"], old["runs"], million, old.get("skipped", []))
    _write(report, target)
    return 0


def _summary_dict(summary: Any) -> dict[str, Any]:
    import attrs

    data: dict[str, Any] = attrs.asdict(summary)
    data["spread"] = summary.spread
    return data


if __name__ == "__main__":
    raise SystemExit(main())
