"""A fake clock for the retry engine: its sleeps return at once and advance the clock."""

from __future__ import annotations

import pytest

from weaviate_async.connect import retry


class FakeClock:
    """Replaces the engine's monotonic clock and sleep; records every delay."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, delay: float) -> None:
        self.sleeps.append(delay)
        self.now += delay

    def install(self, monkeypatch: pytest.MonkeyPatch) -> FakeClock:
        monkeypatch.setattr(retry, "_now", self.monotonic)
        monkeypatch.setattr(retry, "_sleep", self.sleep)
        return self
