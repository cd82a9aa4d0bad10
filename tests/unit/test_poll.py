"""The retry engine's waits: ``poll`` (status polling with a deadline) and ``Backoff`` (the
batch stream's reconnect delays), on a fake clock."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from tests.unit.retry_clock import FakeClock
from weaviate_async.connect.retry import Backoff, RetryPolicy, growing, poll


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    return FakeClock().install(monkeypatch)


class Probe:
    """Answers None (not yet) ``pending`` times, then ``"done"``; may raise on given calls."""

    def __init__(self, pending: int, raises: Mapping[int, Exception] | None = None) -> None:
        self.pending = pending
        self.raises = raises or {}
        self.calls = 0

    async def __call__(self) -> str | None:
        self.calls += 1
        if self.calls in self.raises:
            raise self.raises[self.calls]
        return "done" if self.calls > self.pending else None


def test_growing_delays_stop_at_the_ceiling() -> None:
    delays = growing(0.2, 1.0, 1.5)
    assert [round(next(delays), 3) for _ in range(6)] == [0.2, 0.3, 0.45, 0.675, 1.0, 1.0]


async def test_poll_returns_the_first_value(clock: FakeClock) -> None:
    probe = Probe(3)
    assert await poll(probe, delays=growing(0.1, 1.0)) == "done"
    assert probe.calls == 4
    assert clock.sleeps == pytest.approx([0.1, 0.2, 0.4])


async def test_poll_without_timeout_waits_for_ever(clock: FakeClock) -> None:
    probe = Probe(1000)
    assert await poll(probe, delays=growing(0.1, 1.0)) == "done"
    assert sum(clock.sleeps) > 900


async def test_poll_deadline_cuts_the_last_wait_and_raises_expired(clock: FakeClock) -> None:
    class Late(Exception):
        pass

    probe = Probe(100)
    with pytest.raises(Late):
        await poll(probe, delays=growing(1.0, 1.0), timeout=2.5, expired=Late)
    assert clock.sleeps == pytest.approx([1.0, 1.0, 0.5])
    assert probe.calls == 4  # one more look at the deadline itself


async def test_poll_default_expiry_is_a_timeout_error(clock: FakeClock) -> None:
    with pytest.raises(TimeoutError):
        await poll(Probe(100), delays=growing(1.0, 1.0), timeout=0.0)


async def test_poll_absorbs_tolerated_failures_in_a_row_only(clock: FakeClock) -> None:
    flaky = {1: OSError("a"), 2: OSError("b"), 4: OSError("c")}
    probe = Probe(4, raises=flaky)
    value = await poll(
        probe,
        delays=growing(0.1, 0.1),
        tolerate=lambda e: isinstance(e, OSError),
        max_failures=2,
        failure_delay=lambda n: 2.0 ** (n - 1),
    )
    assert value == "done"
    assert clock.sleeps == pytest.approx([1.0, 2.0, 0.1, 1.0])

    too_many = Probe(9, raises={1: OSError("a"), 2: OSError("b"), 3: OSError("c")})
    with pytest.raises(OSError, match="c"):
        await poll(
            too_many,
            delays=growing(0.1, 0.1),
            tolerate=lambda e: isinstance(e, OSError),
            max_failures=2,
        )


async def test_poll_other_failures_propagate_at_once(clock: FakeClock) -> None:
    with pytest.raises(ValueError):
        await poll(
            Probe(5, raises={2: ValueError("x")}),
            delays=growing(0.1, 1.0),
            tolerate=lambda e: isinstance(e, OSError),
            max_failures=9,
        )
    assert len(clock.sleeps) == 1


def test_backoff_counts_patience_from_the_first_failure(clock: FakeClock) -> None:
    waits = Backoff(RetryPolicy(max_tries=1000, max_time=10.0, initial_delay=1.0, max_delay=1.0))
    clock.now += 500.0  # a long healthy time before anything fails
    total = 0.0
    while (delay := waits.next_delay()) is not None:
        assert 0.0 <= delay <= 1.0
        clock.now += delay + 0.5
        total += delay + 0.5
    assert 0 < total <= 10.0 + 1.5

    waits.reset()  # the stream worked again: the next failure gets its whole patience
    clock.now += 500.0
    assert waits.next_delay() is not None


def test_backoff_honours_tries_and_retry_after(clock: FakeClock) -> None:
    waits = Backoff(RetryPolicy(max_tries=3, max_time=100.0), started=clock.now)
    assert waits.next_delay(retry_after=7.0) == 7.0
    assert waits.next_delay() is not None
    assert waits.next_delay() is None
