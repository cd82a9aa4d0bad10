"""The batch stream when the server reports it is out of memory (``OutOfMemory``, scripted
streams; the pauses run on the retry engine's fake clock): nothing more is sent on that
stream, the refused objects go out again on a new stream, new streams are tried with growing
pauses (not after the whole ``wait_time``), for at least ``wait_time`` seconds even past the
stream's patience, and a stream the server keeps open without ``ShuttingDown`` is closed by the
client once ``wait_time`` has passed."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from typing import Any

import backoff
import pytest

from tests.unit.retry_clock import FakeClock
from weaviate_async.collections.batch.ledger import Ledger
from weaviate_async.collections.batch.queue import BatchQueue
from weaviate_async.collections.batch.stream import StreamDriver
from weaviate_async.proto.weaviate.v1 import batch_pb2
from weaviate_async.wire.batch import encode_object

Reply = batch_pb2.BatchStreamReply
N = 30


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    return FakeClock().install(monkeypatch)


class _Stream:
    """One stream of the scripted server: refuses the first Data message with OutOfMemory
    while ``oom`` (then ends the stream, as v1.39 does, unless ``keep_open``), else answers
    every object with a success."""

    def __init__(self, server: _Server, oom: bool, no_memory: bool = False) -> None:
        self.server = server
        self.oom = oom
        self.no_memory = no_memory
        self.replies: asyncio.Queue[Reply | None] = asyncio.Queue()
        self.data_after_oom = 0
        self.refused = False

    async def send(self, message: bytes) -> None:
        request = batch_pb2.BatchStreamRequest.FromString(message)
        kind = request.WhichOneof("message")
        if kind == "stop":
            self.replies.put_nowait(None)
            return
        if kind != "data":
            return
        uuids = [o.uuid for o in request.data.objects.values]
        if self.refused:
            self.data_after_oom += 1
            return
        if self.oom:
            self.refused = True
            self.server.refusals += 1
            self.replies.put_nowait(
                Reply(out_of_memory=Reply.OutOfMemory(uuids=uuids, wait_time=self.server.wait))
            )
            if not self.server.keep_open:
                self.replies.put_nowait(None)
            return
        self.replies.put_nowait(Reply(acks=Reply.Acks(uuids=uuids)))
        if self.no_memory:  # the workers refuse each object (v1.39's words)
            message = "batch objects: cannot process batch: not enough memory"
            errors = [Reply.Results.Error(error=message, uuid=u) for u in uuids]
            self.replies.put_nowait(Reply(results=Reply.Results(errors=errors)))
            self.server.refusals += 1
            return
        successes = [Reply.Results.Success(uuid=u) for u in uuids]
        self.replies.put_nowait(Reply(results=Reply.Results(successes=successes)))
        self.server.stored.update(uuids)

    async def recv(self) -> Reply | None:
        return await self.replies.get()

    async def end(self) -> None:
        return None


class _Server:
    def __init__(
        self,
        refusing_streams: int,
        wait: int = 300,
        keep_open: bool = False,
        no_memory_replies: int = 0,
    ) -> None:
        self.refusing_streams = refusing_streams
        self.no_memory_replies = no_memory_replies
        self.wait = wait
        self.keep_open = keep_open
        self.streams: list[_Stream] = []
        self.refusals = 0
        self.stored: set[str] = set()

    @contextlib.asynccontextmanager
    async def open(self) -> AsyncIterator[Any]:
        stream = _Stream(
            self,
            oom=len(self.streams) < self.refusing_streams,
            no_memory=self.refusals < self.no_memory_replies,
        )
        self.streams.append(stream)
        yield stream


async def _drive(server: _Server, patience: float, n: int = N) -> tuple[Ledger, list[str]]:
    loop = asyncio.get_running_loop()
    objects: BatchQueue[Any] = BatchQueue(n, loop)
    references: BatchQueue[Any] = BatchQueue(n, loop)
    items = [encode_object(i, "C", None, {"n": i}, None, None, None) for i in range(n)]
    for item in items:
        await objects.put(item)
    objects.close()
    references.close()
    ledger = Ledger()
    ledger.added_objects = n
    driver = StreamDriver(
        server.open, objects, references, ledger, None, lambda: None, patience=patience
    )
    await asyncio.wait_for(driver.run(), 20)
    return ledger, [i.uuid for i in items]


async def test_out_of_memory_resumes_on_new_streams_without_waiting_out_wait_time(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pauses are drawn with full jitter; without it each is its bound, so that the growth
    # of the bounds can be checked (with it, a later pause may draw less than the first).
    monkeypatch.setattr(backoff, "full_jitter", lambda bound: bound)
    server = _Server(refusing_streams=4)
    started = time.monotonic()
    ledger, uuids = await _drive(server, patience=120.0)
    assert time.monotonic() - started < 5  # no stall on the server's 300 s
    assert ledger.failed_objects == []
    assert ledger.acked_objects == N
    assert server.stored == set(uuids)
    assert server.refusals == 4
    assert all(s.data_after_oom == 0 for s in server.streams)  # paused on a refusing stream
    # growing pauses between the refused streams, each far below wait_time
    assert len(clock.sleeps) >= 4
    assert clock.sleeps[-1] > clock.sleeps[0]
    assert all(d <= 5.0 for d in clock.sleeps)


async def test_out_of_memory_outlasts_the_streams_patience_up_to_wait_time(
    clock: FakeClock,
) -> None:
    # Patience 1 s: a broken stream would be given up after a second; the server asked for
    # 300 s, so the refused objects wait for it (on the fake clock: 20 refused streams).
    server = _Server(refusing_streams=20)
    ledger, uuids = await _drive(server, patience=1.0)
    assert ledger.failed_objects == []
    assert server.stored == set(uuids)
    assert sum(clock.sleeps) > 1.0


async def test_a_refusing_stream_left_open_is_closed_after_wait_time(clock: FakeClock) -> None:
    # more objects than one message holds: the sender has more to send when the refusal comes
    server = _Server(refusing_streams=1, wait=1, keep_open=True)
    started = time.monotonic()
    ledger, uuids = await _drive(server, patience=120.0, n=250)
    assert 1.0 <= time.monotonic() - started < 5
    assert server.stored == set(uuids)
    assert ledger.failed_objects == []
    assert server.streams[0].data_after_oom == 0
    assert len(server.streams) == 2


async def test_objects_the_workers_refuse_for_memory_are_sent_again(clock: FakeClock) -> None:
    server = _Server(refusing_streams=0, no_memory_replies=1)
    ledger, uuids = await _drive(server, patience=120.0)
    assert server.refusals == 1
    assert ledger.failed_objects == []
    assert ledger.acked_objects == N
    assert server.stored == set(uuids)
