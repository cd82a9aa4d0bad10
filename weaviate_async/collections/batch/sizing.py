"""How a batch paces itself: the size of each request, how many are in flight, and when the next
may go. One small strategy object per batch mode; the engine asks it before each request and
tells it how each request went.

- :class:`FixedSizing`: ``fixed_size(batch_size, concurrent_requests)``, full batches only (a
  flush or the end of the batch sends the rest).
- :class:`DynamicSizing`: ``dynamic()``, sizes chosen from the server's answers: a request
  grows while the server answers well within the target time, shrinks when it is slow (unless
  the last cut did not make the replies faster: then the slowness is not the batch's) or
  pushes back; partial batches go as soon as a request slot is free, so a small batch completes
  as soon as the server answers.
- :class:`RateLimitedSizing`: ``rate_limit(requests_per_minute)``, at most that many objects per
  minute (a token bucket), for vectorizer modules whose provider limits the rate.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Protocol

import anyio

from weaviate_async._validate import check_int, invalid

__all__ = [
    "DynamicSizing",
    "FixedSizing",
    "RateLimitedSizing",
    "Sizing",
    "fixed_sizing",
    "rate_sizing",
]


def fixed_sizing(batch_size: int, concurrent_requests: int) -> Callable[[], Sizing]:
    """The sizing of ``fixed_size(batch_size, concurrent_requests)``, its arguments checked."""
    check_int(batch_size, "batch_size", minimum=1)
    check_int(concurrent_requests, "concurrent_requests", minimum=1)
    return lambda: FixedSizing(batch_size, concurrent_requests)


def rate_sizing(requests_per_minute: int) -> Callable[[], Sizing]:
    """The sizing of ``rate_limit(requests_per_minute)``, its argument checked."""
    if requests_per_minute is None:
        raise invalid("requests_per_minute", "must be a positive int", requests_per_minute)
    check_int(requests_per_minute, "requests_per_minute", minimum=1)
    return lambda: RateLimitedSizing(requests_per_minute)


class Sizing(Protocol):
    """What the engine asks of a batch mode."""

    @property
    def batch_size(self) -> int:
        """Objects per request now."""

    @property
    def concurrency(self) -> int:
        """Requests in flight at most now."""

    @property
    def wait_full(self) -> bool:
        """Whether a request waits for a full batch (until a flush)."""

    async def before_send(self, count: int) -> None:
        """Called before ``count`` objects are sent; may wait (pacing)."""

    def on_reply(self, count: int, seconds: float) -> None:
        """A request of ``count`` objects was answered after ``seconds``."""

    def on_pushback(self) -> None:
        """The server was overloaded or unavailable for a request."""


class FixedSizing:
    """Requests of ``batch_size`` objects, ``concurrent_requests`` at a time."""

    wait_full = True

    def __init__(self, batch_size: int, concurrent_requests: int) -> None:
        self.batch_size = batch_size
        self.concurrency = concurrent_requests

    async def before_send(self, count: int) -> None:
        return None

    def on_reply(self, count: int, seconds: float) -> None:
        return None

    def on_pushback(self) -> None:
        return None


class DynamicSizing:
    """Sizes from the server's answers (additive-increase, multiplicative-decrease on latency).

    Args:
        initial: the first batch size.
        minimum, maximum: the bounds of the batch size.
        target_seconds: the request latency to stay under; above it the size shrinks.
        concurrency: requests in flight (one is served while the next is encoded and sent).
    """

    wait_full = False

    def __init__(
        self,
        initial: int = 100,
        minimum: int = 10,
        maximum: int = 1000,
        target_seconds: float = 2.0,
        concurrency: int = 2,
    ) -> None:
        self._size = float(initial)
        self._minimum = minimum
        self._maximum = maximum
        self._target = target_seconds
        self.concurrency = concurrency
        # the size before the last cut and the reply time that caused it
        self._shrunk: tuple[float, float] | None = None

    @property
    def batch_size(self) -> int:
        return int(self._size)

    async def before_send(self, count: int) -> None:
        return None

    def on_reply(self, count: int, seconds: float) -> None:
        if count < self._size / 2 or count > self._size:
            # a partial batch says little about the server; a larger one was sized before the
            # last cut, whose effect it cannot show
            return
        shrunk, self._shrunk = self._shrunk, None
        if seconds > self._target:
            if shrunk is not None and seconds > 0.8 * shrunk[1]:
                # The last cut did not shorten the replies: the wait is not this batch's (a
                # server or event loop busy with other work, e.g. searches). Smaller requests
                # would only carry fewer objects per wait, so go back to the size before it.
                self._size = shrunk[0]
            else:
                self._shrunk = (self._size, seconds)
                self._size = max(self._minimum, self._size * 0.6)
        elif seconds < self._target / 3:
            self._size = min(self._maximum, self._size * 1.5)

    def on_pushback(self) -> None:
        self._shrunk = None
        self._size = max(self._minimum, self._size / 2)


class RateLimitedSizing:
    """At most ``requests_per_minute`` objects per minute, sent as they are allowed.

    A token bucket holding at most one second's worth of objects (at least one), so the rate
    holds over any window longer than a second.
    """

    wait_full = False

    def __init__(self, requests_per_minute: int, concurrency: int = 1) -> None:
        self._rate = requests_per_minute / 60.0
        self._burst = max(1.0, self._rate)
        self._tokens = self._burst
        self._stamp = time.monotonic()
        self.concurrency = concurrency
        self.batch_size = max(1, min(1000, math.floor(self._burst)))

    async def before_send(self, count: int) -> None:
        while True:
            now = time.monotonic()
            self._tokens = min(self._burst, self._tokens + (now - self._stamp) * self._rate)
            self._stamp = now
            if self._tokens >= count:
                self._tokens -= count
                return
            await anyio.sleep((count - self._tokens) / self._rate)

    def on_reply(self, count: int, seconds: float) -> None:
        return None

    def on_pushback(self) -> None:
        return None
