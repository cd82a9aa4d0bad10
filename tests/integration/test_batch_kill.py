"""Nothing acknowledged is lost: the server is SIGKILLed and restarted (same ports, same data
directory) at a random moment of an async batch, ``dynamic`` and ``stream``. Afterwards every
object added is either acknowledged or in failed_objects, every acknowledged uuid is on the
server exactly once, and re-sending the failed objects brings the server to the full input.

This is the short version of the kill campaign (``tests/kill_campaign.py``; ``nox -s
reliability_kill`` runs it at full size, 10 runs of 200,000 objects)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import SERVER_VERSION
from tests.kill_campaign import campaign, durable_server
from weaviate_async.embedded import EmbeddedServer

RUNS = 2
OBJECTS = 5_000


@pytest.fixture
def killable_server() -> Iterator[EmbeddedServer]:
    """A server with its own data directory; killed, it starts again as the same node on the
    same ports."""
    with durable_server(SERVER_VERSION) as srv:
        yield srv


@pytest.mark.min_server("1.36.0")  # the stream mode
async def test_sigkill_during_batch_loses_nothing_acknowledged(
    killable_server: EmbeddedServer,
) -> None:
    reports = await campaign(killable_server, RUNS, OBJECTS, modes=("dynamic", "stream"))
    assert [r.mode for r in reports] == ["dynamic", "stream"]
    for r in reports:
        assert r.acknowledged + r.failed == OBJECTS
        assert 0 < r.kill_after_objects < OBJECTS
        assert r.final_count == OBJECTS
