"""The one retry engine of the transport, shared by REST and gRPC.

A call is a sequence of attempts. Each attempt either returns, raises the mapped exception
(a failure no retry can mend), or raises :class:`RetriableError`, which says what kind of
failure happened (:class:`Failure`) and carries the exception to raise if no further attempt is
made. :func:`run` decides, from a :class:`RetryPolicy`, whether and when the next attempt
starts.

What is retried:

* :attr:`Failure.UNSENT` (the connection could not be opened, the request never left) and
  :attr:`Failure.THROTTLED` (HTTP 429, gRPC RESOURCE_EXHAUSTED: refused, so not applied):
  always;
* :attr:`Failure.BROKEN` (the connection or stream broke after the request may have been sent)
  and :attr:`Failure.UNAVAILABLE` (HTTP 502/503/504, gRPC UNAVAILABLE): only idempotent calls;
* :attr:`Failure.TIMEOUT` (the attempt ran out of time, gRPC DEADLINE_EXCEEDED): only
  idempotent calls whose policy says ``retry_timeouts`` (batches whose uuids the client chose);
* nothing else, in particular never a TLS failure (the next attempt fails the same way).

Examples:
    >>> policy = RetryPolicy(max_tries=10, max_time=300.0, idempotent=True)
    >>> reply = await run(policy, 60.0, attempt)  # attempt(limit) -> reply
"""

from __future__ import annotations

import asyncio
import enum
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from weaviate_async._validate import attrs_check, check_float, check_int

if TYPE_CHECKING:
    from weaviate_async.connect.params import RetryConfig
    from weaviate_async.exceptions import WeaviateBaseError

__all__ = [
    "Backoff",
    "Failure",
    "RetriableError",
    "RetryPolicy",
    "after_first",
    "growing",
    "pause",
    "poll",
    "retry_after_seconds",
    "run",
]

T = TypeVar("T")

# The engine's clock and sleep; tests replace them to check delays without waiting.
_now = time.monotonic
_sleep = asyncio.sleep


class Failure(enum.Enum):
    """The kinds of failure an attempt reports; the policy decides which are retried."""

    UNSENT = "unsent"
    """The request never left: the connection (or the proxy tunnel) could not be opened."""
    BROKEN = "broken"
    """The connection or the stream broke after the request may have reached the server."""
    UNAVAILABLE = "unavailable"
    """The server (or a proxy) answered that it cannot serve now: HTTP 502/503/504, gRPC
    UNAVAILABLE. The request may have been applied before the answer was made."""
    THROTTLED = "throttled"
    """The server refused the request for now: HTTP 429, gRPC RESOURCE_EXHAUSTED."""
    TIMEOUT = "timeout"
    """The attempt ran out of its time limit, or the server answered DEADLINE_EXCEEDED."""


class RetriableError(Exception):
    """Raised by an attempt for a failure that a further attempt may mend.

    Attributes:
        kind: what happened.
        error: the mapped exception to raise when no further attempt is made (its
            ``__cause__`` is the transport's own exception).
        retry_after: the least delay before the next attempt, in seconds (HTTP Retry-After).
    """

    def __init__(
        self, kind: Failure, error: WeaviateBaseError, *, retry_after: float = 0.0
    ) -> None:
        super().__init__(str(error))
        self.kind = kind
        self.error = error
        self.retry_after = retry_after


def _check_seconds(field: str) -> Callable[[Any, Any, Any], None]:
    """The validator of a duration: a number of seconds >= 0 (``inf`` for no bound)."""
    return attrs_check(check_float, field, required=True, minimum=0, finite=False)


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How one call is retried: attempts, overall deadline, delays, and what may be retried.

    Attributes:
        max_tries: attempts in all, the first included.
        max_time: seconds from the call's start after which no delay ends and no attempt
            starts; a retry's time limit is cut to what is left. A call therefore takes at most
            ``max(its time limit, max_time)``.
        initial_delay: the first delay's upper bound, doubled per attempt; each delay is drawn
            uniformly below its bound (backoff's ``expo`` and ``full_jitter``).
        max_delay: the largest bound of a delay. A server's Retry-After wins over the drawn
            delay (within ``max_time``).
        idempotent: whether the call may be applied twice without harm (reads, deletes, puts,
            batches of objects whose uuids the client chose). Only idempotent calls are
            retried after a broken connection or an UNAVAILABLE/502/503/504 answer.
        retry_timeouts: whether an idempotent call that ran out of time is tried again (a
            batch riding through a server restart); off for reads, whose time limit is the
            user's patience.

    Examples:
        >>> RetryPolicy(max_tries=20, max_time=600.0, idempotent=True, retry_timeouts=True)
    """

    max_tries: int = attrs.field(
        default=4,
        validator=attrs_check(check_int, "retry.max_tries", required=True, minimum=1),
    )
    max_time: float = attrs.field(default=30.0, validator=_check_seconds("retry.max_time"))
    initial_delay: float = attrs.field(
        default=0.25, validator=_check_seconds("retry.initial_delay")
    )
    max_delay: float = attrs.field(default=8.0, validator=_check_seconds("retry.max_delay"))
    idempotent: bool = False
    retry_timeouts: bool = False

    @classmethod
    def from_config(cls, config: RetryConfig, *, idempotent: bool) -> RetryPolicy:
        """The policy of a client's :class:`RetryConfig` for idempotent or other calls."""
        # RetryConfig holds exactly the fields both share.
        return cls(**attrs.asdict(config), idempotent=idempotent)

    def allows(self, kind: Failure) -> bool:
        """Whether a failure of this kind may be retried under this policy."""
        if kind is Failure.UNSENT or kind is Failure.THROTTLED:
            return True
        if kind is Failure.TIMEOUT:
            return self.idempotent and self.retry_timeouts
        return self.idempotent

    def delays(self) -> Iterator[float]:
        """The delays between attempts: exponential bounds, each drawn with full jitter."""
        import backoff

        bounds = backoff.expo(base=2, factor=self.initial_delay, max_value=self.max_delay)
        next(bounds)  # expo's generator starts with a bare yield for its send() protocol
        for bound in bounds:
            yield backoff.full_jitter(bound)


class Backoff:
    """The delays of one run of consecutive failures under a policy: each failure asks
    :meth:`next_delay`, which says how long to wait before the next attempt, or None when the
    policy allows no further attempt (tries used up, or the delay would end past the deadline).

    The deadline is ``policy.max_time`` after ``started`` (the call's start for :func:`run`), or,
    when ``started`` is None, after the first failure: a long-lived activity (the batch stream)
    counts its patience from the moment it went wrong, and calls :meth:`reset` once it works
    again.
    """

    __slots__ = ("_delays", "_policy", "_started", "_tries", "started")

    def __init__(self, policy: RetryPolicy, *, started: float | None = None) -> None:
        self._policy = policy
        self._started = started
        self.started = started
        self._tries = 1
        self._delays: Iterator[float] | None = None

    def reset(self) -> None:
        """Forget the failures so far: the next one starts a new run (fresh delays, deadline)."""
        self.started = self._started
        self._tries = 1
        self._delays = None

    def next_delay(self, retry_after: float = 0.0) -> float | None:
        """The delay before the next attempt (at least ``retry_after``), or None."""
        policy = self._policy
        if self._tries >= policy.max_tries:
            return None
        now = _now()
        if self.started is None:
            self.started = now
        if self._delays is None:
            self._delays = policy.delays()
        delay = max(next(self._delays), retry_after)
        if self.started + policy.max_time - now - delay <= 0:
            return None
        self._tries += 1
        return delay

    def left(self) -> float:
        """Seconds left before the deadline (after the current delay is slept)."""
        started = _now() if self.started is None else self.started
        return started + self._policy.max_time - _now()


async def run(policy: RetryPolicy, limit: float, attempt: Callable[[float], Awaitable[T]]) -> T:
    """Run ``attempt(time_limit)`` until it returns or no further attempt is allowed.

    The first attempt gets ``limit``; a retry gets ``min(limit, time left before the
    deadline)``. A retriable failure is retried when the policy allows its kind, attempts are
    left, and the delay (the larger of the jittered delay and the server's Retry-After) ends
    before the deadline; otherwise its mapped exception is raised. Any other exception from
    ``attempt`` propagates unchanged.
    """
    backoff = Backoff(policy, started=_now())
    time_limit = limit
    while True:
        try:
            return await attempt(time_limit)
        except RetriableError as failure:
            error = failure.error
            delay = backoff.next_delay(failure.retry_after) if policy.allows(failure.kind) else None
            if delay is None:
                raise error from error.__cause__
            left = backoff.left() - delay
            await _sleep(delay)
            time_limit = min(limit, left)


async def pause(seconds: float) -> None:
    """Wait ``seconds`` on the engine's clock (which tests replace): the one sleep of the
    package's waits that are not a poll (e.g. a batch's re-send delay)."""
    await _sleep(seconds)


def growing(first: float, ceiling: float, factor: float = 2.0) -> Iterator[float]:
    """Delays ``first``, ``first * factor``, ... up to ``ceiling`` (no jitter: status polls)."""
    delay = first
    while True:
        yield delay
        delay = min(delay * factor, ceiling)


async def poll(
    probe: Callable[[], Awaitable[T | None]],
    *,
    delays: Iterator[float],
    timeout: float | None = None,
    expired: Callable[[], BaseException] | None = None,
    tolerate: Callable[[BaseException], bool] | None = None,
    max_failures: int = 0,
    failure_delay: Callable[[int], float] | None = None,
) -> T:
    """Call ``probe()`` until it returns a value (not None), and return that value.

    Between two probes it waits the next of ``delays``, cut so that no wait ends past the
    deadline (``timeout`` seconds from now; None waits for ever). When a probe still says
    "not yet" at or past the deadline, ``expired()`` is raised.

    A probe's exception propagates, unless ``tolerate(exc)`` says it is transient: then up to
    ``max_failures`` of them in a row are absorbed, the n-th followed by a wait of
    ``failure_delay(n)`` (default: the next of ``delays``); one more propagates.

    Examples:
        >>> status = await poll(probe, delays=growing(0.1, 1.0), timeout=60.0, expired=late)
    """
    deadline = None if timeout is None else _now() + timeout
    failures = 0
    while True:
        try:
            value = await probe()
        except Exception as exc:
            if tolerate is None or not tolerate(exc):
                raise
            failures += 1
            if failures > max_failures:
                raise
            delay = failure_delay(failures) if failure_delay is not None else next(delays)
        else:
            if value is not None:
                return value
            failures = 0
            delay = next(delays)
        if deadline is not None:
            left = deadline - _now()
            if left <= 0:
                if expired is None:
                    raise TimeoutError(f"still waiting after {timeout:g} s")
                raise expired()
            delay = min(delay, left)
        await _sleep(delay)


def after_first(
    policy: RetryPolicy, failure: RetriableError, started: float
) -> tuple[float, RetryPolicy] | None:
    """For a call whose first attempt ran elsewhere (a blocking caller's own thread) and failed
    with ``failure``: the delay before the next attempt and the policy of the attempts left
    (one try fewer, the deadline kept), or None when no further attempt is allowed."""
    if not policy.allows(failure.kind):
        return None
    backoff = Backoff(policy, started=started)
    delay = backoff.next_delay(failure.retry_after)
    if delay is None:
        return None
    left = backoff.left() - delay
    return delay, attrs.evolve(policy, max_tries=policy.max_tries - 1, max_time=left)


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float:
    """The delay an HTTP ``Retry-After`` header asks for, in seconds (0 when absent or
    unreadable): either a number of seconds or an HTTP date (``now`` is the wall clock, for
    tests)."""
    if not value:
        return 0.0
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return 0.0
    if when.tzinfo is None:  # an HTTP date is GMT; a date without a zone is read as such
        import datetime

        when = when.replace(tzinfo=datetime.timezone.utc)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))
