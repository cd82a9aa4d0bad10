"""The batch stream's reconnects: the retry engine's delays, and patience counted from the first
failure of a run of failures (on the engine's fake clock, with a scripted stream)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.unit.retry_clock import FakeClock
from weaviate_async.collections.batch.ledger import Ledger
from weaviate_async.collections.batch.queue import BatchQueue
from weaviate_async.collections.batch.stream import StreamDriver
from weaviate_async.exceptions import WeaviateConnectionError
from weaviate_async.proto.weaviate.v1 import batch_pb2

PATIENCE = 10.0


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    return FakeClock().install(monkeypatch)


class _Channel:
    """A stream that gets one (empty) result message, then, ``lives`` fake seconds later,
    breaks."""

    def __init__(self, clock: FakeClock, lives: float) -> None:
        self.clock = clock
        self.lives = lives
        self.replies = 0

    async def send(self, message: bytes) -> None:
        return None

    async def recv(self) -> batch_pb2.BatchStreamReply | None:
        self.replies += 1
        if self.replies == 1:
            return batch_pb2.BatchStreamReply(results=batch_pb2.BatchStreamReply.Results())
        self.clock.now += self.lives
        raise WeaviateConnectionError("the stream broke")

    async def end(self) -> None:
        return None


class _Server:
    """Opens ``healthy`` streams that work for a while, then refuses every stream."""

    def __init__(self, clock: FakeClock, healthy: int, lives: float) -> None:
        self.clock = clock
        self.healthy = healthy
        self.lives = lives
        self.opened = 0
        self.refused = 0

    @contextlib.asynccontextmanager
    async def open(self) -> AsyncIterator[Any]:
        if self.opened >= self.healthy:
            self.refused += 1
            raise WeaviateConnectionError("connection refused")
        self.opened += 1
        yield _Channel(self.clock, self.lives)


async def _drive(server: _Server) -> tuple[BatchQueue[Any], Ledger]:
    loop = asyncio.get_running_loop()
    objects: BatchQueue[Any] = BatchQueue(10, loop)
    references: BatchQueue[Any] = BatchQueue(10, loop)
    ledger = Ledger()
    driver = StreamDriver(
        server.open, objects, references, ledger, None, lambda: None, patience=PATIENCE
    )
    await asyncio.wait_for(driver.run(), 5)
    return objects, ledger


async def test_an_unreachable_server_is_given_up_after_the_patience(clock: FakeClock) -> None:
    server = _Server(clock, healthy=0, lives=0.0)
    objects, _ = await _drive(server)
    assert server.refused >= 2
    assert 0 < sum(clock.sleeps) <= PATIENCE
    assert all(0 <= d <= 5.0 for d in clock.sleeps)  # the stream's ceiling
    assert objects.closed  # the producer learns of it at its next add


async def test_patience_starts_again_after_a_stream_that_got_results(clock: FakeClock) -> None:
    # Each healthy stream lives for 8 s, then breaks: counted from the first failure, the
    # patience (10 s) would have run out at the second break.
    server = _Server(clock, healthy=5, lives=8.0)
    await _drive(server)
    assert server.opened == 5
    assert server.refused >= 1
    assert clock.now - 1000.0 > 5 * 8.0
