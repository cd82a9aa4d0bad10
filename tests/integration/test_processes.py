"""Clients across processes: fork, gunicorn's pre-forking workers, multiprocessing pools.

- An async client connected and used, then inherited through ``os.fork()``: on grpclib the
  child uses it (REST and gRPC) and the parent keeps using it; on grpcio the child gets the
  clear refusal (grpcio's core does not survive fork). The blocking client's fork cases are in
  test_sync_facade.py, test_batch_sync.py and test_blocking_search.py.
- A forked child that closes its client exits without "Unclosed ..." lines in its log.
- gunicorn with ``--preload`` and sync, gthread and uvicorn workers serving
  tests/process_apps.py, with the blocking client made at import time (in the master, before the
  fork: where the official client hangs, its issues #1309, #1292, #1871) or per worker; driven
  with concurrent requests on loopback, every wait bounded, then SIGTERM: the master and every
  worker exit, status 0, nothing but INFO lines in the log.
- multiprocessing pools, spawn (a client per worker) and fork (the parent's client), mapping
  searches: the right answers, no hang.

``PROCS_REQUESTS`` (default 200) sets the requests per gunicorn run and ``PROCS_FULL=1`` adds
gthread workers and the per-worker client to the sync and gthread workers; ``nox -s reliability_processes`` sets
both, on both transports.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

import weaviate_async
import weaviate_sync
from weaviate_async.classes.query import Filter
from weaviate_async.config import AdditionalConfig
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import WeaviateClosedClientError, WeaviateInvalidInputError
from weaviate_sync.classes.config import Configure, DataType, Property

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

ROOT = Path(__file__).resolve().parents[2]
OBJECTS = 50
REQUESTS = int(os.environ.get("PROCS_REQUESTS", "200"))
CONCURRENCY = 16


def _on_grpcio() -> bool:
    """The suite runs on grpcio (``WEAVIATE_ASYNC_GRPC_TRANSPORT=grpcio``)."""
    return AdditionalConfig().resolved_grpc_transport == "grpcio"


@pytest.fixture(scope="module")
def words(server: EmbeddedServer) -> Iterator[str]:
    """A collection of OBJECTS objects: ``n`` (0..OBJECTS-1) and ``word`` ``f"w{n}"``."""
    name = "Procs" + os.urandom(5).hex()
    with weaviate_sync.connect_to_local(port=server.http_port, grpc_port=server.grpc_port) as c:
        collection = c.collections.create(
            name,
            properties=[
                Property(name="n", data_type=DataType.INT),
                Property(name="word", data_type=DataType.TEXT),
            ],
            vector_config=Configure.Vectors.self_provided(),
        )
        result = collection.data.insert_many([{"n": i, "word": f"w{i}"} for i in range(OBJECTS)])
        assert not result.errors
        yield name
        c.collections.delete(name)


# --------------------------------------------------------------------------- fork


@pytest.mark.parametrize("transport", ["grpclib", "grpcio"])
def test_async_client_used_in_a_forked_child(
    server: EmbeddedServer, words: str, transport: str
) -> None:
    async def connect() -> weaviate_async.WeaviateAsyncClient:
        c = await weaviate_async.connect_to_local(
            port=server.http_port,
            grpc_port=server.grpc_port,
            additional_config=AdditionalConfig(grpc_transport=transport),  # type: ignore[arg-type]
        )
        await _search_async(c, words, 1)  # REST and gRPC both live before the fork
        return c

    async def child_uses(c: weaviate_async.WeaviateAsyncClient) -> str:
        try:
            found = [await _search_async(c, words, n) for n in (2, 3)]
            ready = await c.is_ready()
            return f"ok {found} {ready}"
        except WeaviateClosedClientError as exc:
            # Every later call is refused as clearly as the first (a worker serves many).
            refusals = ["forked" in str(exc)]
            for call in (
                lambda: _search_async(c, words, 2),
                c.get_meta,
                lambda: c.collections.exists(words),
            ):
                try:
                    await call()
                except WeaviateClosedClientError as again:
                    refusals.append("forked" in str(again))
            return f"refused {refusals} ready={await c.is_ready()}"
        finally:
            await c.close()

    loop = asyncio.new_event_loop()
    try:
        client = loop.run_until_complete(connect())
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child reports through the pipe
            status = 1
            try:
                signal.alarm(60)
                os.close(read)
                os.write(write, asyncio.run(child_uses(client)).encode())
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read) as pipe:
            said = pipe.read()
        assert os.waitstatus_to_exitcode(status) == 0
        if transport == "grpcio":
            assert said == "refused [True, True, True, True] ready=False"
        else:
            assert said == "ok ['w2', 'w3'] True"
        # The parent's client is untouched by what the child did.
        assert loop.run_until_complete(_search_async(client, words, 4)) == "w4"
        loop.run_until_complete(client.close())
    finally:
        loop.close()


async def _search_async(c: weaviate_async.WeaviateAsyncClient, name: str, n: int) -> str:
    page = await c.collections.use(name).query.fetch_objects(
        filters=Filter.by_property("n").equal(n)
    )
    return ",".join(str(o.properties["word"]) for o in page.objects)


def test_a_forked_child_that_closes_its_client_exits_quietly(
    server: EmbeddedServer, words: str
) -> None:
    """What the child inherited is abandoned, never closed; it must not be reported as
    "Unclosed client session" / "Unclosed connection" when the child's interpreter exits,
    whether the child used the client (grpclib) or was refused (grpcio). One process holds
    one client of each transport."""
    script = textwrap.dedent(
        f"""
        import os, sys, warnings
        # Python 3.12+ warns that forking a process with threads (grpcio's) may deadlock: the
        # warning is Python's, not the client's output at exit, which is what is checked
        warnings.filterwarnings("ignore", category=DeprecationWarning, message=".*fork.*")
        import weaviate_sync
        from weaviate_async.config import AdditionalConfig
        from weaviate_async.exceptions import WeaviateClosedClientError
        clients = {{
            transport: weaviate_sync.connect_to_local(
                port={server.http_port},
                grpc_port={server.grpc_port},
                additional_config=AdditionalConfig(grpc_transport=transport),
            )
            for transport in ("grpclib", "grpcio")
        }}
        for c in clients.values():
            c.collections.use({words!r}).query.fetch_objects(limit=1)
        pid = os.fork()
        if pid == 0:
            for transport, c in clients.items():
                try:
                    c.collections.use({words!r}).query.fetch_objects(limit=1)
                except WeaviateClosedClientError:
                    assert transport == "grpcio"
                else:
                    assert transport == "grpclib"
                c.close()
            sys.exit(0)  # a normal exit: the interpreter finalizes what is left
        _, status = os.waitpid(pid, 0)
        for c in clients.values():
            c.close()
        print("child status", os.waitstatus_to_exitcode(status))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=90, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "child status 0"
    assert "Unclosed" not in done.stderr
    assert done.stderr == ""


# --------------------------------------------------------------------------- gunicorn

GUNICORN_CASES = [
    # worker class, where the blocking client is made, app
    ("sync", "import", "wsgi"),
    ("uvicorn", "import", "asgi"),  # the official client's issue #1309
    ("uvicorn", "worker", "asgi"),  # its issue #1292
]
if os.environ.get("PROCS_FULL") == "1":  # nox -s reliability_processes: the whole matrix
    GUNICORN_CASES += [
        ("gthread", "import", "wsgi"),
        ("sync", "worker", "wsgi"),
        ("gthread", "worker", "wsgi"),
    ]


@contextlib.contextmanager
def _gunicorn(
    server: EmbeddedServer, collection: str, worker: str, client_at: str, app: str, log: Path
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """gunicorn --preload with two workers, on a free loopback port; yields the process and
    its base URL once both workers answer. Always stopped (SIGKILL if SIGTERM is not heard)."""
    worker_args = {
        "sync": ["-k", "sync"],
        "gthread": ["-k", "gthread", "--threads", "4"],
        "uvicorn": ["-k", "uvicorn.workers.UvicornWorker"],
    }[worker]
    env = {
        **os.environ,
        "PROCS_HTTP_PORT": str(server.http_port),
        "PROCS_GRPC_PORT": str(server.grpc_port),
        "PROCS_COLLECTION": collection,
        "PROCS_CLIENT": client_at,
    }
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--preload",
                "-w",
                "2",
                *worker_args,
                "-b",
                "127.0.0.1:0",
                "--graceful-timeout",
                "20",
                "--timeout",
                "60",
                "--no-control-socket",
                f"tests.process_apps:{app}_app",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        port = _poll(lambda: _listening_port(log), 60, "gunicorn to listen", proc, log)
        _poll(lambda: len(_worker_pids(log)) >= 2 or None, 60, "two workers", proc, log)
        yield proc, f"http://127.0.0.1:{port}"
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _poll(probe: Any, within: float, what: str, proc: subprocess.Popen[bytes], log: Path) -> Any:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        if proc.poll() is not None:
            pytest.fail(
                f"gunicorn exited ({proc.returncode}) waiting for {what}:\n{log.read_text()}"
            )
        time.sleep(0.05)  # polling the condition, with a deadline
    pytest.fail(f"no {what} within {within} s:\n{log.read_text()}")


def _listening_port(log: Path) -> int | None:
    found = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", log.read_text())
    return int(found.group(1)) if found else None


def _worker_pids(log: Path) -> set[int]:
    return {int(p) for p in re.findall(r"Booting worker with pid: (\d+)", log.read_text())}


async def _drive(base: str, paths: list[str]) -> list[tuple[int, dict[str, Any]]]:
    limit = asyncio.Semaphore(CONCURRENCY)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:

        async def one(i: int) -> tuple[int, dict[str, Any]]:
            async with limit, session.get(f"{base}/{paths[i % len(paths)]}?n={i % OBJECTS}") as r:
                return r.status, await r.json()

        return await asyncio.wait_for(
            asyncio.gather(*(one(i) for i in range(REQUESTS))), timeout=120
        )


def _pid_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:  # a zombie (exited, not yet reaped by whoever inherited it) counts as gone
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except FileNotFoundError:
        return True


@pytest.mark.parametrize(("worker", "client_at", "app"), GUNICORN_CASES)
def test_gunicorn_preload_workers_serve_and_shut_down(
    server: EmbeddedServer, words: str, tmp_path: Path, worker: str, client_at: str, app: str
) -> None:
    log = tmp_path / "gunicorn.log"
    paths = ["sync", "async"] if app == "asgi" and client_at == "import" else ["search"]
    if app == "asgi" and client_at == "worker":
        paths = ["async"]
    started = time.monotonic()
    with _gunicorn(server, words, worker, client_at, app, log) as (proc, base):
        answers = asyncio.run(_drive(base, paths))
        workers = _worker_pids(log)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(60) == 0
    text = log.read_text()
    # Made in a master that had started grpcio, no grpcio client works in the workers: each
    # request gets the clear refusal, none hangs.
    refused = _on_grpcio() and client_at == "import"
    if refused:
        assert {status for status, _ in answers} == {500}, answers[:3]
        for _, body in answers:
            assert "forked" in body["error"], body
            assert "WeaviateClosedClientError" in body["error"] or (
                "WeaviateInvalidInputError" in body["error"]
            )
    else:
        bad = [(s, b) for s, b in answers if s != 200]
        assert not bad, bad[:3]
        assert [b["word"] for _, b in answers] == [f"w{i % OBJECTS}" for i in range(REQUESTS)]
        assert {b["pid"] for _, b in answers} <= workers
    # Clean shutdown: every worker gone, nothing logged above INFO, no traceback.
    assert all(_pid_gone(pid) for pid in workers)
    noisy = [
        line
        for line in text.splitlines()
        if line.strip() and not re.match(r"\[[^]]+\] \[\d+\] \[INFO\]", line)
    ]
    assert not noisy, text
    assert "Shutting down: Master" in text
    took = time.monotonic() - started
    assert took < 120
    # One line for docs/reliability.md (shown with pytest -s).
    served = sum(status == 200 for status, _ in answers)
    print(
        f"\nPROCS gunicorn {worker}/{client_at} transport="
        f"{AdditionalConfig().resolved_grpc_transport} requests={len(answers)} served={served} "
        f"refused={len(answers) - served} workers={len(workers)} seconds={took:.1f}"
    )


# --------------------------------------------------------------------------- multiprocessing

_pool_client: Any = None


def _pool_init(http_port: int, grpc_port: int) -> None:
    global _pool_client
    _pool_client = weaviate_sync.connect_to_local(port=http_port, grpc_port=grpc_port)
    # A pool has no hook for a worker's end; the worker's interpreter runs atexit on its way out.
    atexit.register(_pool_client.close)


def _pool_search(args: tuple[str, int]) -> str:
    name, n = args
    try:
        page = _pool_client.collections.use(name).query.fetch_objects(
            filters=Filter.by_property("n").equal(n)
        )
    except (WeaviateClosedClientError, WeaviateInvalidInputError) as exc:
        return f"refused {'forked' in str(exc)}"
    return ",".join(str(o.properties["word"]) for o in page.objects)


def _join_within(pool: Any, seconds: float) -> None:
    pool.close()
    joiner = threading.Thread(target=pool.join, daemon=True)
    joiner.start()
    joiner.join(seconds)
    if joiner.is_alive():
        pool.terminate()
        pytest.fail(f"the pool's workers did not exit within {seconds} s")


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_multiprocessing_pool_searches(
    server: EmbeddedServer,
    words: str,
    sync_client: Any,
    method: str,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """spawn: each worker makes its own client (a client cannot be pickled); fork: the workers
    use the parent's connected client (grpclib: works; grpcio: the clear refusal)."""
    global _pool_client
    ctx = multiprocessing.get_context(method)
    tasks = [(words, i % OBJECTS) for i in range(100)]
    if method == "spawn":
        # One worker: each spawned worker pays the imports again.
        pool = ctx.Pool(1, initializer=_pool_init, initargs=(server.http_port, server.grpc_port))
    else:
        sync_client.collections.use(words).query.fetch_objects(limit=1)  # live channels
        _pool_client = sync_client
        pool = ctx.Pool(2)
    try:
        got = pool.map_async(_pool_search, tasks, chunksize=5).get(timeout=90)
    finally:
        _pool_client = None
        _join_within(pool, 30)
    if method == "fork" and _on_grpcio():
        assert set(got) == {"refused True"}
    else:
        assert got == [f"w{n}" for _, n in tasks]
    assert sync_client.collections.use(words).query.fetch_objects(limit=1).objects
    # The workers (their output is this process's) ended without complaint.
    assert "Unclosed" not in capfd.readouterr().err
