"""One ingest run in its own process: ``python -m benchmarks.ingest_worker --mode M ...``.

The process imports only the client its mode uses, connects, then times the ingest phase: from
creating the batch context (or calling ``insert_many``/``ingest``), just before the first
object, to the end of the context or call, flush included. It prints one line,
``INGEST_RESULT {json}``, with the phase's wall and CPU time (the time spent making input chunks
reported separately, to be subtracted), the process's peak RSS, and the failures the client
reported. The orchestrator (:mod:`benchmarks.ingest`) creates the collection before and counts
and deletes it after.

Before the phase, each mode runs once with no objects (an empty batch context, an empty
``insert_many``/``ingest``), so one-time costs are paid outside it as the official client's
imports are: our batch engine's modules are imported lazily on first use, and with
``PYTHONDONTWRITEBYTECODE`` (set on the project's machines) that import compiles ~50 modules
from source, about 0.1 s, which is 15% of a 10,000-object run's client CPU. The warm-up writes
nothing (the official client reads the collection's config and the nodes' status).

A mode that cannot be used yet (our sync facade's batch, our ``batch.stream()``) is reported as
``unavailable`` with the error it raised, when that happens before its first object was taken.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import io
import json
import os
import pstats
import resource
import sys
import time
import traceback
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import attrs

from benchmarks.ingest_data import DATASETS, Chunk, ChunkSource, open_source

__all__ = ["MARKER", "MODES", "main"]

MARKER = "INGEST_RESULT "


class Unavailable(Exception):
    """The mode cannot be used with this build of the client (raised before any object)."""


@attrs.define
class Target:
    """Where to write: the server's address and the fresh collection."""

    host: str
    http_port: int
    grpc_port: int
    collection: str


@attrs.define
class Outcome:
    """What the client said about the objects it was given."""

    failed: int = 0
    messages: list[str] = attrs.Factory(list)


def _rss_kb() -> int:
    with open("/proc/self/statm") as handle:
        resident = int(handle.read().split()[1])
    return resident * os.sysconf("SC_PAGESIZE") // 1024


def _peak_rss_kb() -> int:
    """The process's peak RSS (VmHWM): unlike ``ru_maxrss``, which Linux keeps across
    ``execve`` and so starts at the RSS of the parent that forked this process, the high-water
    mark belongs to this process's own address space."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Phase:
    """Times the ingest phase: wall clock, process CPU (every thread), optional cProfile."""

    def __init__(self, profile: cProfile.Profile | None) -> None:
        self._profile = profile
        self.wall = self.cpu = 0.0
        self.rss_before_kb = 0
        self._wall0 = self._cpu0 = 0.0

    def start(self) -> None:
        self.rss_before_kb = _rss_kb()
        if self._profile is not None:
            self._profile.enable()
        self._cpu0, self._wall0 = time.process_time(), time.perf_counter()

    def stop(self) -> None:
        self.wall = time.perf_counter() - self._wall0
        self.cpu = time.process_time() - self._cpu0
        if self._profile is not None:
            self._profile.disable()


def _unavailable(exc: BaseException) -> Unavailable:
    return Unavailable(f"{type(exc).__name__}: {exc}")


def _messages(errors: Any, limit: int = 5) -> list[str]:
    out = []
    for item in list(errors)[:limit]:
        out.append(str(getattr(item, "message", item))[:300])
    return out


# ------------------------------------------------------------------------------ feeding


def _feed(add: Callable[..., Any], source: ChunkSource, *, probe: bool) -> None:
    """Add every object; with ``probe``, a failure of the very first add means unavailable."""
    for props, vectors in source:
        start = 0
        if probe:
            probe = False
            try:
                add(properties=props[0], vector=vectors[0])
            except Exception as exc:
                raise _unavailable(exc) from exc
            start = 1
        for i in range(start, len(props)):
            add(properties=props[i], vector=vectors[i])


async def _afeed(add: Callable[..., Awaitable[Any]], source: ChunkSource, *, probe: bool) -> None:
    for props, vectors in source:
        start = 0
        if probe:
            probe = False
            try:
                await add(properties=props[0], vector=vectors[0])
            except Exception as exc:
                raise _unavailable(exc) from exc
            start = 1
        for i in range(start, len(props)):
            await add(properties=props[i], vector=vectors[i])


# ------------------------------------------------------------------------------ modes

Mode = Callable[[Target, ChunkSource, Phase], Outcome]


def _noop(target: Target, source: ChunkSource, phase: Phase) -> Outcome:
    """Make the input, send nothing: the RSS and CPU of the input itself."""
    phase.start()
    sink: list[Chunk] = []
    for chunk in source:
        sink.append(chunk)
        sink.clear()
    phase.stop()
    return Outcome()


def _run_async(main: Callable[[], Coroutine[Any, Any, Outcome]]) -> Outcome:
    return asyncio.run(main())


def _ours_async_batch(kind: str, *, probe: bool) -> Mode:
    def mode(target: Target, source: ChunkSource, phase: Phase) -> Outcome:
        import weaviate_async

        async def main() -> Outcome:
            client = await weaviate_async.connect_to_local(
                host=target.host, port=target.http_port, grpc_port=target.grpc_port
            )
            try:
                coll: Any = client.collections.use(target.collection)
                try:
                    factory = getattr(coll.batch, kind)
                    async with factory():
                        pass  # warm-up: see the module docstring
                except Exception as exc:
                    if probe:
                        raise _unavailable(exc) from exc
                    raise
                phase.start()
                async with factory() as batch:
                    await _afeed(batch.add_object, source, probe=probe)
                phase.stop()
                failed = coll.batch.failed_objects
                return Outcome(len(failed), _messages(failed))
            finally:
                await client.close()

        return _run_async(main)

    return mode


def _ours_ingest(target: Target, source: ChunkSource, phase: Phase) -> Outcome:
    import weaviate_async
    from weaviate_async.classes.data import DataObject

    def wrap(chunk: Chunk) -> list[Any]:
        props, vectors = chunk
        return [DataObject(properties=p, vector=v) for p, v in zip(props, vectors, strict=True)]

    wrapped = source.with_wrap(wrap)

    async def main() -> Outcome:
        client = await weaviate_async.connect_to_local(
            host=target.host, port=target.http_port, grpc_port=target.grpc_port
        )
        try:
            coll: Any = client.collections.use(target.collection)
            await coll.data.ingest([])  # warm-up
            phase.start()
            result = await coll.data.ingest(obj for chunk in wrapped for obj in chunk)
            phase.stop()
            return Outcome(len(result.errors), _messages(result.errors.values()))
        finally:
            await client.close()

    outcome = _run_async(main)
    source.gen_cpu, source.gen_wall, source.objects = (
        wrapped.gen_cpu,
        wrapped.gen_wall,
        wrapped.objects,
    )
    return outcome


def _ours_sync_dynamic(target: Target, source: ChunkSource, phase: Phase) -> Outcome:
    """Our generated sync facade: any error before the first object is taken = unavailable."""
    try:
        import weaviate_sync

        client = weaviate_sync.connect_to_local(
            host=target.host, port=target.http_port, grpc_port=target.grpc_port
        )
    except Exception as exc:
        raise _unavailable(exc) from exc
    try:
        coll: Any = client.collections.use(target.collection)
        try:
            with coll.batch.dynamic():
                pass  # warm-up
        except Exception as exc:
            raise _unavailable(exc) from exc
        phase.start()
        with coll.batch.dynamic() as batch:
            _feed(batch.add_object, source, probe=True)
        phase.stop()
        failed = coll.batch.failed_objects
        return Outcome(len(failed), _messages(failed))
    finally:
        client.close()


def _official_batch(kind: str) -> Mode:
    def mode(target: Target, source: ChunkSource, phase: Phase) -> Outcome:
        import weaviate

        client = weaviate.connect_to_local(
            host=target.host, port=target.http_port, grpc_port=target.grpc_port
        )
        try:
            coll: Any = client.collections.use(target.collection)
            with getattr(coll.batch, kind)():
                pass  # warm-up
            phase.start()
            with getattr(coll.batch, kind)() as batch:
                _feed(batch.add_object, source, probe=False)
            phase.stop()
            failed = coll.batch.failed_objects
            return Outcome(len(failed), _messages(failed))
        finally:
            client.close()

    return mode


def _official_insert_many(target: Target, source: ChunkSource, phase: Phase) -> Outcome:
    import weaviate
    from weaviate.classes.data import DataObject
    from weaviate.exceptions import WeaviateInsertManyAllFailedError

    def wrap(chunk: Chunk) -> list[Any]:
        props, vectors = chunk
        return [DataObject(properties=p, vector=v) for p, v in zip(props, vectors, strict=True)]

    wrapped = source.with_wrap(wrap)
    client = weaviate.connect_to_local(
        host=target.host, port=target.http_port, grpc_port=target.grpc_port
    )
    try:
        coll: Any = client.collections.use(target.collection)
        # Warm-up: the official client refuses an empty list after going through its path.
        with contextlib.suppress(WeaviateInsertManyAllFailedError):
            coll.data.insert_many([])
        outcome = Outcome()
        phase.start()
        for objects in wrapped:
            result = coll.data.insert_many(objects)
            if result.errors:
                outcome.failed += len(result.errors)
                outcome.messages.extend(_messages(result.errors.values()))
        phase.stop()
        source.gen_cpu, source.gen_wall, source.objects = (
            wrapped.gen_cpu,
            wrapped.gen_wall,
            wrapped.objects,
        )
        outcome.messages = outcome.messages[:5]
        return outcome
    finally:
        client.close()


MODES: dict[str, Mode] = {
    "noop": _noop,
    "ours_async_dynamic": _ours_async_batch("dynamic", probe=False),
    "ours_sync_dynamic": _ours_sync_dynamic,
    "ours_stream": _ours_async_batch("stream", probe=True),
    "ours_ingest": _ours_ingest,
    "official_dynamic": _official_batch("dynamic"),
    "official_fixed_size": _official_batch("fixed_size"),
    "official_stream": _official_batch("stream"),
    "official_insert_many": _official_insert_many,
}
"""Mode name -> the function running it in this process."""


# ------------------------------------------------------------------------------ entry


def _profile_report(profile: cProfile.Profile, top: int) -> str:
    out = io.StringIO()
    for key, title in (("cumulative", "cumulative time"), ("tottime", "own time")):
        out.write(f"### top {top} by {title}\n\n```\n")
        stats = pstats.Stats(profile, stream=out)
        stats.strip_dirs().sort_stats(key).print_stats(top)
        out.write("```\n\n")
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Run one mode once and print its ``INGEST_RESULT`` line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ingest_worker")
    parser.add_argument("--mode", required=True, choices=sorted(MODES))
    parser.add_argument("--dataset", required=True, choices=sorted(DATASETS))
    parser.add_argument("--objects", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--grpc-port", type=int, required=True)
    parser.add_argument("--collection", required=True)
    parser.add_argument(
        "--profile",
        default=None,
        help="write cProfile's top functions to this file, and the raw stats beside it (.prof)",
    )
    args = parser.parse_args(argv)

    spec = DATASETS[args.dataset](args.objects)
    target = Target(args.host, args.http_port, args.grpc_port, args.collection)
    profile = cProfile.Profile() if args.profile else None
    phase = Phase(profile)
    result: dict[str, Any] = {"mode": args.mode, "dataset": spec.name, "objects": spec.objects}
    try:
        source = open_source(spec)
        outcome = MODES[args.mode](target, source, phase)
    except Unavailable as exc:
        result.update(status="unavailable", error=str(exc))
    except Exception as exc:
        result.update(
            status="error",
            error=f"{type(exc).__name__}: {exc}",
            traceback=traceback.format_exc()[-3000:],
        )
    else:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result.update(
            status="ok",
            wall_s=phase.wall,
            cpu_s=phase.cpu,
            gen_wall_s=source.gen_wall,
            gen_cpu_s=source.gen_cpu,
            taken=source.objects,
            failed=outcome.failed,
            messages=outcome.messages,
            rss_before_kb=phase.rss_before_kb,
            peak_rss_kb=_peak_rss_kb(),
            ru_maxrss_kb=usage.ru_maxrss,
        )
        if profile is not None:
            with open(args.profile, "w") as handle:
                handle.write(_profile_report(profile, 15))
            profile.dump_stats(os.path.splitext(args.profile)[0] + ".prof")
    sys.stdout.write(MARKER + json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
