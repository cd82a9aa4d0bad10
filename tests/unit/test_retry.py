"""The retry engine and its policy (pure, with a fake clock)."""

from __future__ import annotations

import itertools
from email.utils import formatdate

import pytest

from tests.unit.retry_clock import FakeClock
from weaviate_async.connect.params import RetryConfig
from weaviate_async.connect.retry import (
    Failure,
    RetriableError,
    RetryPolicy,
    after_first,
    retry_after_seconds,
    run,
)
from weaviate_async.exceptions import (
    WeaviateConnectionError,
    WeaviateInvalidInputError,
    WeaviateQueryError,
)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    return FakeClock().install(monkeypatch)


class Script:
    """An attempt callable that plays a script: an exception to raise or a value to return."""

    def __init__(self, *steps: object, spend: float = 0.0, clock: FakeClock | None = None) -> None:
        self.steps = list(steps)
        self.limits: list[float] = []
        self.spend = spend
        self.clock = clock

    async def __call__(self, limit: float) -> object:
        self.limits.append(limit)
        if self.clock is not None:
            self.clock.now += self.spend
        step = self.steps.pop(0)
        if isinstance(step, BaseException):
            raise step
        return step


def failure(kind: Failure, text: str = "down", *, retry_after: float = 0.0) -> RetriableError:
    error = WeaviateConnectionError(f"call failed: {text}", server_message=text)
    error.__cause__ = OSError(text)
    return RetriableError(kind, error, retry_after=retry_after)


POLICY = RetryPolicy(max_tries=4, max_time=30.0, initial_delay=0.5, max_delay=4.0)


def test_delays_grow_exponentially_with_full_jitter() -> None:
    policy = RetryPolicy(initial_delay=0.1, max_delay=1.0)
    bounds = [0.1, 0.2, 0.4, 0.8, 1.0, 1.0]
    for _ in range(200):
        delays = list(itertools.islice(policy.delays(), len(bounds)))
        assert all(0 <= d <= b for d, b in zip(delays, bounds, strict=True))
    late = [list(itertools.islice(policy.delays(), 6))[-1] for _ in range(200)]
    assert max(late) > 0.5  # jitter spans the whole range up to the cap


@pytest.mark.parametrize(
    ("idempotent", "retry_timeouts", "allowed"),
    [
        (False, False, {Failure.UNSENT, Failure.THROTTLED}),
        (True, False, {Failure.UNSENT, Failure.THROTTLED, Failure.BROKEN, Failure.UNAVAILABLE}),
        (True, True, set(Failure)),
        (False, True, {Failure.UNSENT, Failure.THROTTLED}),
    ],
)
def test_what_a_policy_retries(
    idempotent: bool, retry_timeouts: bool, allowed: set[Failure]
) -> None:
    policy = RetryPolicy(idempotent=idempotent, retry_timeouts=retry_timeouts)
    assert {kind for kind in Failure if policy.allows(kind)} == allowed


def test_policy_from_config_and_validation() -> None:
    config = RetryConfig(max_tries=7, max_time=12.0, initial_delay=0.1, max_delay=2.0)
    policy = RetryPolicy.from_config(config, idempotent=True)
    assert (policy.max_tries, policy.max_time, policy.initial_delay, policy.max_delay) == (
        7,
        12.0,
        0.1,
        2.0,
    )
    assert policy.idempotent and not policy.retry_timeouts
    with pytest.raises(WeaviateInvalidInputError, match="max_tries"):
        RetryPolicy(max_tries=0)
    with pytest.raises(WeaviateInvalidInputError, match="max_time"):
        RetryPolicy(max_time=-1)


async def test_first_success_needs_no_sleep(clock: FakeClock) -> None:
    attempt = Script("reply")
    assert await run(POLICY, 5.0, attempt) == "reply"
    assert attempt.limits == [5.0] and clock.sleeps == []


async def test_unsent_is_retried_even_for_writes(clock: FakeClock) -> None:
    attempt = Script(failure(Failure.UNSENT), failure(Failure.UNSENT), "reply")
    assert await run(POLICY, 5.0, attempt) == "reply"
    assert len(attempt.limits) == 3
    assert len(clock.sleeps) == 2
    assert 0 <= clock.sleeps[0] <= 0.5 and 0 <= clock.sleeps[1] <= 1.0


@pytest.mark.parametrize("kind", [Failure.BROKEN, Failure.UNAVAILABLE, Failure.TIMEOUT])
async def test_a_write_that_may_have_been_applied_is_not_retried(
    clock: FakeClock, kind: Failure
) -> None:
    attempt = Script(failure(kind, "conn reset"), "never")
    with pytest.raises(WeaviateConnectionError) as info:
        await run(POLICY, 5.0, attempt)
    assert info.value.server_message == "conn reset"
    assert isinstance(info.value.__cause__, OSError)  # the transport's own error stays the cause
    assert len(attempt.limits) == 1 and clock.sleeps == []


async def test_idempotent_calls_retry_broken_and_unavailable(clock: FakeClock) -> None:
    policy = RetryPolicy(idempotent=True, initial_delay=0.1)
    attempt = Script(failure(Failure.BROKEN), failure(Failure.UNAVAILABLE), "reply")
    assert await run(policy, 5.0, attempt) == "reply"
    assert len(attempt.limits) == 3


async def test_timeouts_retried_only_when_the_policy_says_so(clock: FakeClock) -> None:
    read = RetryPolicy(idempotent=True)
    with pytest.raises(WeaviateConnectionError):
        await run(read, 5.0, Script(failure(Failure.TIMEOUT), "never"))
    batch = RetryPolicy(idempotent=True, retry_timeouts=True)
    attempt = Script(failure(Failure.TIMEOUT), "reply")
    assert await run(batch, 5.0, attempt) == "reply"


async def test_retry_after_wins_over_the_jittered_delay(clock: FakeClock) -> None:
    attempt = Script(failure(Failure.THROTTLED, retry_after=3.0), "reply")
    assert await run(POLICY, 5.0, attempt) == "reply"
    assert clock.sleeps == [3.0]


async def test_exhausted_attempts_raise_the_last_error(clock: FakeClock) -> None:
    attempt = Script(*(failure(Failure.UNSENT, f"try {i}") for i in range(1, 5)), "never")
    with pytest.raises(WeaviateConnectionError) as info:
        await run(POLICY, 5.0, attempt)
    assert info.value.server_message == "try 4"
    assert len(attempt.limits) == 4 and len(clock.sleeps) == 3


async def test_no_delay_crosses_the_deadline(clock: FakeClock) -> None:
    # Retry-After beyond the deadline: the call fails at once instead of sleeping in vain.
    attempt = Script(failure(Failure.THROTTLED, "slow down", retry_after=60.0), "never")
    with pytest.raises(WeaviateConnectionError, match="slow down"):
        await run(POLICY, 5.0, attempt)
    assert clock.sleeps == []


async def test_deadline_bounds_the_total_time_and_cuts_retry_limits(clock: FakeClock) -> None:
    policy = RetryPolicy(max_tries=100, max_time=10.0, initial_delay=0.5, max_delay=0.5)
    steps = [failure(Failure.UNSENT, f"try {i}") for i in range(100)]
    attempt = Script(*steps, spend=3.0, clock=clock)
    started = clock.now
    with pytest.raises(WeaviateConnectionError):
        await run(policy, 8.0, attempt)
    assert attempt.limits[0] == 8.0
    assert all(limit <= 8.0 for limit in attempt.limits)
    # Each retry is limited to what is left of the 10 s; the last one ends by the deadline.
    assert 2 <= len(attempt.limits) <= 4
    assert attempt.limits[1] <= 10.0 - 3.0 - clock.sleeps[0] + 1e-9
    assert clock.now - started <= 10.0 + 3.0  # the last attempt may use what was left


async def test_other_exceptions_propagate_unchanged(clock: FakeClock) -> None:
    error = WeaviateQueryError("bad filter", "GRPC")
    with pytest.raises(WeaviateQueryError) as info:
        await run(POLICY, 5.0, Script(error))
    assert info.value is error and clock.sleeps == []


def test_retry_after_header_forms() -> None:
    now = 1_700_000_000.0
    assert retry_after_seconds("3", now=now) == 3.0
    assert retry_after_seconds(" 1.5 ", now=now) == 1.5
    assert retry_after_seconds("-2", now=now) == 0.0
    assert retry_after_seconds(None) == 0.0 and retry_after_seconds("") == 0.0
    assert retry_after_seconds("soon", now=now) == 0.0
    assert retry_after_seconds(formatdate(now + 7, usegmt=True), now=now) == pytest.approx(7.0)
    assert retry_after_seconds(formatdate(now - 30, usegmt=True), now=now) == 0.0


def test_after_first_hands_over_the_attempts_left(clock: FakeClock) -> None:
    # A blocking caller's first attempt failed in its own thread: the rest runs on the loop.
    policy = RetryPolicy(max_tries=4, max_time=30.0, initial_delay=0.2, idempotent=True)
    error = WeaviateConnectionError("lost", operation="q", target="t")
    started = clock.now
    clock.now += 1.0
    rest = after_first(policy, RetriableError(Failure.BROKEN, error), started)
    assert rest is not None
    delay, left = rest
    assert 0.0 <= delay <= 0.2
    assert left.max_tries == 3 and left.idempotent
    assert left.max_time == pytest.approx(29.0 - delay)
    # a kind the policy does not retry, a single try, or no time left: no further attempt
    writes = RetryPolicy(max_tries=4, idempotent=False)
    assert after_first(writes, RetriableError(Failure.BROKEN, error), started) is None
    once = RetryPolicy(max_tries=1, idempotent=True)
    assert after_first(once, RetriableError(Failure.UNSENT, error), started) is None
    clock.now = started + 31.0
    assert after_first(policy, RetriableError(Failure.UNSENT, error), started) is None
    # the server's Retry-After wins over the drawn delay
    throttled = RetriableError(Failure.THROTTLED, error, retry_after=5.0)
    clock.now = started
    rest = after_first(policy, throttled, started)
    assert rest is not None and rest[0] == 5.0
