"""Cancellation campaign: tasks running inserts, batches (dynamic, fixed_size, stream),
searches, the iterator and a backup are cancelled at random moments, many times over, against
the real server. Afterwards nothing is left behind (asyncio tasks, threads, file descriptors,
connections), nothing a batch reported acknowledged is missing on the server, and the client
still searches and inserts.

The suite runs ``WEAVIATE_RELIABILITY_CANCELS`` cancellations (100 by default);
``nox -s reliability_cancel -- 1000`` runs the full campaign and prints its figures. The random
choices come from one seeded generator (``WEAVIATE_RELIABILITY_SEED``, default 17), so a run
that failed can be repeated; the moments the server answers are the machine's.

The blocking client has no cancellation; what it must survive instead is many threads whose
calls run out of time at once (``test_sync_client_survives_threads_timing_out``): the replies
of its gRPC port are held back by a proxy while 32 threads search, then let through again.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import os
import random
import socket
import threading
import time
import uuid as uuid_lib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

import weaviate_async
import weaviate_sync
from tests.reliability import (
    connections_to,
    new_threads,
    open_fds,
    settled,
    settled_blocking,
)
from weaviate_async.classes.backup import BackupStorage
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.classes.init import AdditionalConfig, Timeout
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.collections.collection import CollectionAsync
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import (
    UnexpectedStatusCodeError,
    WeaviateConnectionError,
    WeaviateQueryError,
    WeaviateTimeoutError,
)
from weaviate_async.outputs.backup import BackupStatus

CANCELS = int(os.environ.get("WEAVIATE_RELIABILITY_CANCELS", "100"))
SEED = int(os.environ.get("WEAVIATE_RELIABILITY_SEED", "17"))
DIM = 16
BASE = 300  # objects of the searched collection
BATCH_OBJECTS = 400  # objects a batch task adds (most are cancelled before the end)
FS = BackupStorage.FILESYSTEM
NAMESPACE = uuid_lib.UUID("0b6c2f3e-7d1a-4c55-9a51-1f0e6f0c1717")
FINAL = (BackupStatus.SUCCESS, BackupStatus.FAILED, BackupStatus.CANCELED)

#: The operations and how often each is drawn; a backup runs on the server after its task is
#: cancelled, and the server runs one at a time, so backups are drawn rarely and one at a time.
KINDS = {
    "insert": 10,
    "insert_many": 10,
    "batch.dynamic": 10,
    "batch.fixed_size": 10,
    "batch.stream": 10,
    "near_vector": 10,
    "bm25": 10,
    "hybrid": 10,
    "fetch_objects": 10,
    "iterator": 8,
    "backup": 2,
}


def _vector(rng: random.Random) -> list[float]:
    return [rng.random() for _ in range(DIM)]


class Campaign:
    """The operations, and what each reported: the uuids a write attempted, the ones the
    client reported acknowledged or failed, and how each task ended."""

    def __init__(self, client: WeaviateAsyncClient, search: str, writes: str, seed: int) -> None:
        self.client = client
        self.search = client.collections.use(search)
        self.writes_name = writes
        self.rng = random.Random(seed)
        self.counter = 0
        self.attempted: set[str] = set()
        self.acked: set[str] = set()
        self.failed: set[str] = set()
        self.unaccounted: list[str] = []  # added to a batch, but neither acked nor failed
        self.ended: collections.Counter[str] = collections.Counter()
        self.by_kind: collections.Counter[str] = collections.Counter()
        self.errors: list[str] = []
        self.backup_id: str | None = None

    def _uuids(self, count: int) -> list[str]:
        self.counter += 1
        out = [str(uuid_lib.uuid5(NAMESPACE, f"{SEED}-{self.counter}-{i}")) for i in range(count)]
        self.attempted.update(out)
        return out

    def operation(self, kind: str) -> Callable[[], Awaitable[None]]:
        """The coroutine function of one operation of ``kind`` (arguments drawn now)."""
        rng = self.rng
        writes = self.client.collections.use(self.writes_name)
        if kind == "insert":
            (uid,) = self._uuids(1)
            vector = _vector(rng)

            async def insert() -> None:
                await writes.data.insert({"text": "one", "n": 1}, uuid=uid, vector=vector)
                self.acked.add(uid)

            return insert
        if kind == "insert_many":
            uids = self._uuids(20)
            objects = [
                DataObject(properties={"text": "many", "n": i}, uuid=u, vector=_vector(rng))
                for i, u in enumerate(uids)
            ]

            async def insert_many() -> None:
                result = await writes.data.insert_many(objects)
                self.acked.update(str(u) for u in result.uuids.values())
                self.failed.update(str(e.object_.uuid) for e in result.errors.values())

            return insert_many
        if kind.startswith("batch."):
            return self._batch(kind, writes)
        vector = _vector(rng)
        if kind == "near_vector":
            return lambda: _ran(self.search.query.near_vector(vector, limit=20))
        if kind == "bm25":
            return lambda: _ran(self.search.query.bm25("lorem", limit=20))
        if kind == "hybrid":
            return lambda: _ran(self.search.query.hybrid("ipsum", vector=vector, limit=20))
        if kind == "fetch_objects":
            return lambda: _ran(self.search.query.fetch_objects(limit=50))
        if kind == "iterator":

            async def iterate() -> None:
                seen = 0
                async for _ in self.search.iterator(cache_size=50):
                    seen += 1
                assert seen == BASE

            return iterate
        assert kind == "backup"
        self.backup_id = f"cancel-{SEED}-{self.counter}-{rng.randrange(10**6)}"
        self.counter += 1
        backup_id = self.backup_id

        async def backup() -> None:
            await self.client.backup.create(
                backup_id,
                FS,
                include_collections=[self.search.name],
                wait_for_completion=True,
            )

        return backup

    def _batch(self, kind: str, writes: CollectionAsync[Any, Any]) -> Callable[[], Awaitable[None]]:
        uids = self._uuids(BATCH_OBJECTS)
        vectors = [_vector(self.rng) for _ in uids]
        added: list[str] = []

        async def run() -> None:
            mode = kind.split(".")[1]
            if mode == "dynamic":
                batching = writes.batch.dynamic()
            elif mode == "fixed_size":
                batching = writes.batch.fixed_size(batch_size=50, concurrent_requests=2)
            else:
                batching = writes.batch.stream()
            try:
                async with batching as batch:
                    for i, (uid, vector) in enumerate(zip(uids, vectors, strict=True)):
                        await batch.add_object({"text": mode, "n": i}, uuid=uid, vector=vector)
                        added.append(uid)
            finally:
                acked = {str(u) for u in writes.batch.results.objs.uuids.values()}
                failed = {str(f.object_.uuid) for f in writes.batch.failed_objects}
                self.acked.update(acked)
                self.failed.update(failed)
                self.unaccounted.extend(set(added) - acked - failed)
                if acked & failed:
                    self.errors.append(f"{kind}: {len(acked & failed)} both acked and failed")

        return run

    async def settle_backup(self) -> None:
        """Cancel the last backup if it still runs, and wait until the server says it is over
        (or never heard of it): the next one would be refused while it runs."""
        backup_id, self.backup_id = self.backup_id, None
        if backup_id is None:
            return
        backups = self.client.backup
        # refused when already over (422) or never started (404)
        with contextlib.suppress(UnexpectedStatusCodeError):
            await backups.cancel(backup_id, FS)
        deadline = time.monotonic() + 120
        while True:
            try:
                status = await backups.get_create_status(backup_id, FS)
            except UnexpectedStatusCodeError as exc:
                assert exc.status_code == 404, exc
                return
            if status.status in FINAL:
                return
            assert time.monotonic() < deadline, (backup_id, status)
            await asyncio.sleep(0.1)

    async def no_backup_running(self) -> None:
        """Wait until no backup of another test still runs on the shared server (its next
        one would be refused while one does)."""
        deadline = time.monotonic() + 120
        while any(b.status not in FINAL for b in await self.client.backup.list_backups(FS)):
            assert time.monotonic() < deadline, "another test's backup runs for 120 s"
            await asyncio.sleep(0.2)

    def delay(self) -> float:
        """How long a task runs before it is cancelled: often at once or within a millisecond
        (the request being built or written), else within 50 ms or 300 ms (waiting for the
        server, or between a batch's requests)."""
        rng = self.rng
        return rng.choice(
            [
                0.0,
                rng.uniform(0, 0.001),
                rng.uniform(0, 0.01),
                rng.uniform(0, 0.05),
                0.3 * rng.random(),
            ]
        )

    async def wave(self, remaining: int) -> int:
        """Start 1-4 operations at once, cancel each after its own delay, wait until all ended;
        the number of cancellations."""
        rng = self.rng
        size = min(remaining, rng.randint(1, 4))
        kinds = rng.choices(list(KINDS), weights=list(KINDS.values()), k=size)
        if kinds.count("backup") > 1 or (self.backup_id is not None and "backup" in kinds):
            await self.settle_backup()
            kinds = [k for k in kinds if k != "backup"] + (["backup"] if "backup" in kinds else [])
            while kinds.count("backup") > 1:
                kinds.remove("backup")
        plans = [(kind, self.operation(kind), self.delay()) for kind in kinds]
        tasks = [asyncio.create_task(op(), name=f"cancel-{kind}") for kind, op, _ in plans]

        async def cancel_later(task: asyncio.Task[None], delay: float) -> None:
            if delay:
                await asyncio.sleep(delay)
            else:
                await asyncio.sleep(0)  # the task has taken its first step
            task.cancel()

        await asyncio.gather(
            *(cancel_later(t, d) for t, (_, _, d) in zip(tasks, plans, strict=True))
        )
        _done, pending = await asyncio.wait(tasks, timeout=60)
        assert not pending, f"tasks still running 60 s after their cancel: {pending}"
        for task, (kind, _, _) in zip(tasks, plans, strict=True):
            self.by_kind[kind] += 1
            if task.cancelled():
                self.ended["cancelled"] += 1
            elif task.exception() is None:
                self.ended["finished before the cancel"] += 1
            else:
                self.ended["error"] += 1
                self.errors.append(f"{kind}: {task.exception()!r}")
        return size


async def _ran(call: Awaitable[Any]) -> None:
    await call


async def _server_uuids(collection: CollectionAsync[Any, Any]) -> set[str]:
    return {str(o.uuid) async for o in collection.iterator(cache_size=1000)}


@pytest.fixture
async def names(server: EmbeddedServer) -> AsyncIterator[tuple[str, str]]:
    """The searched collection (BASE objects with deterministic uuids) and the written one."""
    suffix = uuid_lib.uuid4().hex[:10]
    search, writes = f"CancelSearch{suffix}", f"CancelWrites{suffix}"
    async with weaviate_async.use_async_with_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    ) as client:
        properties = [
            Property(name="text", data_type=DataType.TEXT),
            Property(name="n", data_type=DataType.INT),
        ]
        for name in (search, writes):
            await client.collections.create(
                name, properties=properties, vector_config=Configure.Vectors.self_provided()
            )
        rng = random.Random(SEED)
        words = ["lorem", "ipsum", "dolor", "sit", "amet"]
        result = await client.collections.use(search).data.insert_many(
            [
                DataObject(
                    properties={"text": " ".join(rng.choices(words, k=8)), "n": i},
                    uuid=uuid_lib.uuid5(NAMESPACE, f"base-{i}"),
                    vector=_vector(rng),
                )
                for i in range(BASE)
            ]
        )
        assert not result.has_errors
        try:
            yield search, writes
        finally:
            for name in (search, writes):
                await client.collections.delete(name)


async def test_cancellation_campaign_leaves_nothing_behind(
    server: EmbeddedServer, names: tuple[str, str]
) -> None:
    search, writes = names
    ports = (server.http_port, server.grpc_port)
    fds_start, connections_start = open_fds(), connections_to(ports)  # the fixture's client
    client = await weaviate_async.connect_to_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    )
    try:
        campaign = Campaign(client, search, writes, SEED)
        # Warm-up: every kind once to its end, so that pools and lazy parts exist before the
        # baseline is taken.
        await campaign.no_backup_running()
        for kind in KINDS:
            await campaign.operation(kind)()
        await campaign.settle_backup()
        await asyncio.gather(*(campaign.operation("hybrid")() for _ in range(4)))
        tasks_before = asyncio.all_tasks()
        threads_before = set(threading.enumerate())
        fds_before = open_fds()
        warm_acked = set(campaign.acked)

        start = time.monotonic()
        done = 0
        while done < CANCELS:
            done += await campaign.wave(CANCELS - done)
        await campaign.settle_backup()
        took = time.monotonic() - start

        assert not campaign.errors, campaign.errors[:10]
        assert not campaign.unaccounted, campaign.unaccounted[:10]
        assert await settled(lambda: not (asyncio.all_tasks() - tasks_before), 10), [
            t.get_name() for t in asyncio.all_tasks() - tasks_before
        ]
        assert await settled(lambda: not new_threads(threads_before), 10), new_threads(
            threads_before
        )
        # The pools may hold a few more connections than the warm-up needed (four operations
        # at once, each with a request of its own); a leak grows with the cancellations.
        assert await settled(lambda: open_fds() <= fds_before + 8, 10), (open_fds(), fds_before)
        connections = connections_to(ports)
        assert connections <= 16, connections

        # Nothing reported acknowledged is missing on the server (a request cancelled
        # half-sent may have been stored without being acknowledged: that is allowed).
        on_server = await _server_uuids(client.collections.use(writes))
        missing = campaign.acked - on_server
        assert not missing, f"{len(missing)} acknowledged objects missing, e.g. {list(missing)[:3]}"
        assert on_server <= campaign.attempted
        assert not (campaign.acked & campaign.failed - warm_acked)

        # Still usable.
        found = await client.collections.use(search).query.bm25("lorem", limit=5)
        assert found.objects
        uid = await client.collections.use(writes).data.insert(
            {"text": "after", "n": -1}, vector=[0.5] * DIM
        )
        assert (await client.collections.use(writes).query.fetch_object_by_id(uid)) is not None
        print(
            f"\ncancellation campaign: {done} cancellations in {took:.1f} s, seed {SEED}; "
            f"ended: {dict(campaign.ended)}; by kind: {dict(campaign.by_kind)}; "
            f"writes: {len(campaign.attempted)} objects attempted, {len(campaign.acked)} "
            f"acknowledged (all on the server), {len(campaign.failed)} reported failed, "
            f"{len(on_server)} on the server; fds {fds_before} -> {open_fds()}, "
            f"connections to the server {connections}"
        )
    finally:
        await client.close()
    assert await settled(lambda: connections_to(ports) <= connections_start, 10), (
        connections_to(ports),
        connections_start,
    )
    assert await settled(lambda: open_fds() <= fds_start, 10), (open_fds(), fds_start)


async def test_cancelled_connects_and_closes_leave_nothing(server: EmbeddedServer) -> None:
    """Connecting and closing are cancelled at random moments too (a fifth of the campaign's
    count): a cancelled connect leaves no session or socket, a cancelled close still closes."""
    ports = (server.http_port, server.grpc_port)
    warm = await weaviate_async.connect_to_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    )
    await warm.close()  # the loop's resolver thread exists from here on
    fds_before, connections_before = open_fds(), connections_to(ports)
    threads_before, tasks_before = set(threading.enumerate()), asyncio.all_tasks()
    rng = random.Random(SEED)
    ended: collections.Counter[str] = collections.Counter()
    for _ in range(max(10, CANCELS // 5)):
        connecting = asyncio.create_task(
            weaviate_async.connect_to_local(
                host=server.host, port=server.http_port, grpc_port=server.grpc_port
            )
        )
        await asyncio.sleep(rng.uniform(0, 0.05))
        connecting.cancel()
        try:
            client = await connecting
        except asyncio.CancelledError:
            ended["connect cancelled"] += 1
            continue
        ended["connected"] += 1
        closing = asyncio.create_task(client.close())
        await asyncio.sleep(rng.uniform(0, 0.002))
        closing.cancel()
        try:
            await closing
            ended["closed"] += 1
        except asyncio.CancelledError:
            ended["close cancelled"] += 1
    assert await settled(lambda: open_fds() <= fds_before, 10), (open_fds(), fds_before, ended)
    assert await settled(lambda: connections_to(ports) <= connections_before, 10), ended
    assert await settled(lambda: not (asyncio.all_tasks() - tasks_before), 10), ended
    assert not new_threads(threads_before), new_threads(threads_before)
    print(f"\ncancelled connects and closes: {dict(ended)}")


class _StallingProxy:
    """A TCP proxy on its own thread whose replies from upstream are held back while
    ``stalled`` is set (a server that stops answering), and flow again when it is cleared."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.stalled = threading.Event()
        self.flowing = threading.Event()
        self.flowing.set()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._closing = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, name="stalling-proxy", daemon=True)

    def start(self) -> _StallingProxy:
        self._thread.start()
        return self

    def stall(self) -> None:
        self.flowing.clear()

    def flow(self) -> None:
        self.flowing.set()

    def _accept(self) -> None:
        while not self._closing:
            try:
                down, _ = self._listener.accept()
            except OSError:
                return
            up = socket.create_connection(self.upstream)
            with self._lock:
                self._sockets += [down, up]
            for src, dst, hold in ((down, up, False), (up, down, True)):
                threading.Thread(
                    target=self._pipe, args=(src, dst, hold), name="stalling-proxy", daemon=True
                ).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, hold: bool) -> None:
        try:
            while data := src.recv(65536):
                if hold:
                    self.flowing.wait()
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._closing = True
        self.flowing.set()
        self._listener.close()
        with self._lock:
            for s in self._sockets:
                s.close()


def test_sync_client_survives_threads_timing_out(
    server: EmbeddedServer, names: tuple[str, str]
) -> None:
    search, _ = names
    proxy = _StallingProxy((server.host, server.grpc_port)).start()
    try:
        threads_start = set(threading.enumerate())
        client = weaviate_sync.connect_to_local(
            host=server.host,
            port=server.http_port,
            grpc_port=proxy.port,
            additional_config=AdditionalConfig(timeout=Timeout(query=0.5, init=5)),
        )
        try:
            collection = client.collections.use(search)
            assert collection.query.fetch_objects(limit=1).objects  # warm
            threads_before = set(threading.enumerate())
            outcomes: collections.Counter[str] = collections.Counter()
            lock = threading.Lock()

            def caller(i: int) -> None:
                rng = random.Random(i)
                for _ in range(3):
                    try:
                        if i % 2:
                            collection.query.near_vector(_vector(rng), limit=5)
                        else:
                            collection.query.bm25("lorem", limit=5)
                        outcome = "answered"
                    except WeaviateTimeoutError:
                        outcome = "WeaviateTimeoutError"
                    except WeaviateConnectionError:
                        # after a time-out the client drops connections that do not answer a
                        # health check: a call waiting on one ends at once, as lost
                        outcome = "WeaviateConnectionError"
                    except WeaviateQueryError as exc:
                        outcome = f"WeaviateQueryError: {exc.message[:80]}"
                    except Exception as exc:
                        outcome = f"{type(exc).__name__}: {exc}"
                    with lock:
                        outcomes[outcome] += 1

            proxy.stall()
            started = time.monotonic()
            workers = [threading.Thread(target=caller, args=(i,)) for i in range(32)]
            for w in workers:
                w.start()
            for w in workers:
                w.join(timeout=60)
            took = time.monotonic() - started
            assert not any(w.is_alive() for w in workers), "a caller still waits"
            proxy.flow()
            # Every call ran out of time as a timeout, none hung beyond its limit and its
            # retries (3 calls a thread).
            assert "WeaviateTimeoutError" in outcomes, outcomes
            assert set(outcomes) <= {"WeaviateTimeoutError", "WeaviateConnectionError"}, outcomes
            assert took < 45, took

            # The same client answers again once the server does.
            assert collection.query.bm25("lorem", limit=5).objects
            assert collection.query.near_vector([0.5] * DIM, limit=5).objects

            # the client's threads only: the proxy pipes each connection the client holds
            # (after the time-outs it reopened some) through threads of its own
            def client_threads() -> list[str]:
                return [t for t in new_threads(threads_before) if t != "stalling-proxy"]

            assert settled_blocking(lambda: not client_threads(), 10), client_threads()
            print(
                f"\nsync client, 32 threads against a stalled gRPC port: {dict(outcomes)} "
                f"in {took:.1f} s; answering again afterwards, no thread left"
            )
        finally:
            client.close()

        # the client's threads; the proxy's pipes end when it closes below
        def left() -> list[str]:
            return [t for t in new_threads(threads_start) if t != "stalling-proxy"]

        assert settled_blocking(lambda: not left(), 10), left()
    finally:
        proxy.close()
