"""No hidden calls: connecting and calling talk to the server and to nothing else.

Each client runs in a subprocess (tests/socket_guard.py) where an audit hook records every
``socket.getaddrinfo`` and ``socket.connect`` and black-holes anything but loopback (20 s, then
ENETUNREACH), as a network that only reaches the server would; the process's TCP sockets are
also read from /proc after the calls, for the sockets grpcio makes in C. The same cases run
once more in the test's own process, unguarded, as the baseline for the time to connect. A
plain request to the package index in the guarded process shows what a hidden call looks like
to the guard; with
``PROCS_OFFICIAL=1`` (``nox -s reliability_processes``) the official client runs under the same
guard too, and is caught calling pypi.org on connect (its issue #1943).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import weaviate_sync
from tests import socket_guard
from tests.socket_guard import CLUSTER_HOSTS, LOOPBACK_NAMES
from weaviate_async.embedded import EmbeddedServer
from weaviate_sync.classes.config import Configure, DataType, Property

ROOT = Path(__file__).resolve().parents[2]
REACHABLE = [
    "sync-local",
    "sync-custom",
    "sync-client",
    "async-local",
    "async-custom",
    "async-use",
]
CLOUD = ["sync-cloud", "async-cloud"]
# Long, so that a hidden call cannot hide in the noise of a loaded machine; costs nothing
# when there is none.
DELAY = 20.0


@pytest.fixture(scope="module")
def two_objects(server: EmbeddedServer) -> Any:
    name = "Guard" + os.urandom(5).hex()
    with weaviate_sync.connect_to_local(port=server.http_port, grpc_port=server.grpc_port) as c:
        c.collections.create(
            name,
            properties=[Property(name="word", data_type=DataType.TEXT)],
            vector_config=Configure.Vectors.self_provided(),
        ).data.insert_many([{"word": "a"}, {"word": "b"}])
        yield name
        c.collections.delete(name)


def _run(server: EmbeddedServer, name: str, *, guard: bool, delay: float, cases: list[str]) -> Any:
    spec = {
        "guard": guard,
        "delay": delay,
        "http_port": server.http_port,
        "grpc_port": server.grpc_port,
        "collection": name,
        "cases": cases,
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.socket_guard", json.dumps(spec)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _hosts(result: dict[str, Any]) -> set[str]:
    return {host for _, host in result["tried"]}


def _loopback(host: str) -> bool:
    return host in LOOPBACK_NAMES or host.startswith(("127.", "::ffff:127."))


def test_connect_and_calls_open_sockets_only_to_the_server(
    server: EmbeddedServer, two_objects: str
) -> None:
    guarded = _run(
        server, two_objects, guard=True, delay=DELAY, cases=[*REACHABLE, *CLOUD, "probe-pypi"]
    )
    # The baseline: the same cases in this process, unguarded, its imports long paid.
    spec = {"http_port": server.http_port, "grpc_port": server.grpc_port, "collection": two_objects}
    baseline = {
        case: (socket_guard._sync_case if case.startswith("sync") else socket_guard._async_case)(
            case.split("-", 1)[1], spec
        )
        for case in REACHABLE
    }
    ports = {server.http_port, server.grpc_port}
    for case in REACHABLE:
        got = guarded[case]
        assert got["error"] is None, (case, got["error"])
        assert got["calls_ok"] is True, case
        assert all(_loopback(host) for host in _hosts(got)), (case, got["tried"])
        # grpcio resolves and connects in C, out of the hook's sight: its sockets show here
        # (``localhost`` may become ::1).
        assert got["peers"], case
        for peer in got["peers"]:
            ip, port = peer.rsplit(":", 1)
            assert _loopback(ip) and int(port) in ports, (case, got["peers"])
        # Nothing waited on the black hole: no slower than with every address reachable (the
        # first connect of the guarded process also pays its imports).
        first, second = got["connect_seconds"]
        assert baseline[case]["calls_ok"] is True, case
        base_second = baseline[case]["connect_seconds"][1]
        assert first < DELAY * 0.75, (case, first)
        assert second < base_second + 1.0, (case, second, base_second)
    for case in CLOUD:
        # A cloud cluster that cannot be reached: a typed start-up error, and no address tried
        # but the cluster's own (REST and gRPC).
        got = guarded[case]
        assert got["error"].startswith("weaviate_async.exceptions.Weaviate"), got["error"]
        assert "procs-guard-test.weaviate.cloud" in got["error"]
        assert _hosts(got) and _hosts(got) <= CLUSTER_HOSTS, got["tried"]
        assert got["connect_seconds"][0] < DELAY * 0.75
    # The guard sees a hidden call and makes it wait: the probe asked the package index.
    probe = guarded["probe-pypi"]
    assert _hosts(probe) == {"pypi.org"}
    assert "unreachable in this test" in probe["error"]
    assert probe["connect_seconds"][0] >= 0.5


if os.environ.get("PROCS_OFFICIAL") == "1":  # costly (imports the official client): nox only

    def test_the_guard_catches_the_official_clients_call_to_the_package_index(
        server: EmbeddedServer, two_objects: str
    ) -> None:
        """The same guard sees the official client ask pypi.org when it connects, and its
        connect waits on the black hole."""
        got = _run(server, two_objects, guard=True, delay=1.0, cases=["official-local"])[
            "official-local"
        ]
        assert got["calls_ok"] is True
        assert "pypi.org" in _hosts(got)
        assert got["connect_seconds"][0] >= 1.0
