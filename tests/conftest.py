"""Test fixtures: real weaviate-server processes of the pinned version.

Every server is Weaviate's own binary (provisioned by :mod:`weaviate_async.embedded`), started
on free loopback ports with a temporary data directory and stopped at the end of the run. A
server that cannot be provisioned or started fails the tests that need it. The only skips are
of tests marked ``min_server`` when ``WEAVIATE_VERSION`` names an older server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, settings

from weaviate_async.embedded import (
    DEFAULT_MODULES,
    DEFAULT_VERSION,
    EmbeddedOptions,
    EmbeddedServer,
    start_cluster,
)

# Property tests are judged by what they find, never by how fast an example ran: a machine
# busy with servers (CI, the integration suite beside them) must not turn a timing into a
# failure. So no per-example deadline and no too-slow health check, for every test.
settings.register_profile(
    "weaviate-async", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("weaviate-async")

if TYPE_CHECKING:
    from weaviate_async.client import WeaviateAsyncClient

SERVER_VERSION = os.environ.get("WEAVIATE_VERSION", DEFAULT_VERSION)


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.lstrip("v").split("-")[0].split("."))


def server_at_least(minimum: str) -> bool:
    """Whether the servers under test are ``minimum`` or newer (the ``min_server`` comparison),
    for a test that asserts the newer behaviour or, on an older server, the older one."""
    return _version(SERVER_VERSION) >= _version(minimum)


def hfresh_supported() -> bool:
    """Whether the servers under test have the hfresh vector index (seen: 1.32.0 has none,
    1.35.2 has it behind EXPERIMENTAL_HFRESH_ENABLED; 1.33 and 1.34 not tried)."""
    return server_at_least("1.35.0")


def rare_terms_rank_first() -> bool:
    """Whether a keyword search with a limit ranks first the object of a rare term inserted just
    before (its postings still in the memtable). Servers before 1.39.0 may prune such a term
    from the search altogether (BlockMax-WAND saw a zero upper bound for memtable terms; fixed
    by weaviate PR 11780, in 1.39.0): every hit then scores for the common terms alone. Seen in
    7 of 30 fresh collections on 1.35.2 and on 1.37.0, never on 1.39.3; 1.32.0 too."""
    return server_at_least("1.39.0")


def and_cross_supported() -> bool:
    """Whether the servers under test have ``BM25Operator.and_cross()`` (three release lines got
    it at once, so no single ``min_server`` fits)."""
    from weaviate_async.collections._search import _and_cross_ok

    major, minor, patch = _version(SERVER_VERSION)[:3]
    return _and_cross_ok((major, minor, patch))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``@pytest.mark.min_server("1.37.0")``: a test of a feature the servers under test are too
    old for is skipped, and only then; the client's refusal of the feature on such a server is
    asserted by tests/integration/test_version_gates.py. A missing server still fails."""
    running = _version(SERVER_VERSION)
    for item in items:
        for mark in item.iter_markers("min_server"):
            minimum = str(mark.args[0])
            if running < _version(minimum):
                item.add_marker(
                    pytest.mark.skip(
                        reason=f"needs Weaviate {minimum}; the server under test is "
                        f"{SERVER_VERSION}"
                    )
                )


ADMIN_KEY = "admin-key-for-tests"
READER_KEY = "reader-key-for-tests"
ADMIN_USER = "admin-user"
READER_USER = "reader-user"


def _test_modules() -> tuple[str, ...]:
    modules = list(DEFAULT_MODULES)
    try:
        from tests.modules_list import ENABLED_MODULES_FOR_TESTS
    except ImportError:
        extra: tuple[str, ...] = ()
    else:
        extra = tuple(ENABLED_MODULES_FOR_TESTS)
    for name in extra:
        if name not in modules:
            modules.append(name)
    return tuple(modules)


def _start(options: EmbeddedOptions) -> EmbeddedServer:
    return EmbeddedServer(options).start()


@pytest.fixture(scope="session")
def server() -> Iterator[EmbeddedServer]:
    """An anonymous server with the offline modules and the API-based modules for config tests."""
    srv = _start(
        EmbeddedOptions(
            version=SERVER_VERSION,
            modules=_test_modules(),
            additional_env_vars={
                "ASYNC_INDEXING": "false",
                "OBJECTS_TTL_DELETE_SCHEDULE": "0 * * * *",
                # The replication API (sharding state, replica operations) answers 501 without.
                "REPLICA_MOVEMENT_ENABLED": "true",
                # collection.config.delete_vector_index: the server refuses it (500) without
                "ENABLE_EXPERIMENTAL_ALTER_SCHEMA_DROP_VECTOR_INDEX_ENDPOINT": "true",
                # 1.35 has the hfresh index only behind this switch (newer servers ignore it).
                "EXPERIMENTAL_HFRESH_ENABLED": "true",
            },
        )
    )
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def async_indexing_server() -> Iterator[EmbeddedServer]:
    """A server with ASYNC_INDEXING on, which the dynamic vector index needs; started only when
    a test asks for it."""
    srv = _start(
        EmbeddedOptions(version=SERVER_VERSION, additional_env_vars={"ASYNC_INDEXING": "true"})
    )
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def auth_server() -> Iterator[EmbeddedServer]:
    """A server with API-key authentication and RBAC: an admin and a user without roles."""
    srv = _start(
        EmbeddedOptions(
            version=SERVER_VERSION,
            anonymous_access=False,
            api_keys={ADMIN_KEY: ADMIN_USER, READER_KEY: READER_USER},
            admin_users=(ADMIN_USER,),
        )
    )
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def cluster() -> Iterator[list[EmbeddedServer]]:
    """Three nodes on loopback, started only when a test asks for them, with replica movement
    (``cluster.replicate``) enabled."""
    servers = start_cluster(
        3,
        EmbeddedOptions(
            version=SERVER_VERSION, additional_env_vars={"REPLICA_MOVEMENT_ENABLED": "true"}
        ),
    )
    yield servers
    for srv in servers:
        srv.stop()


@pytest.fixture
async def client(server: EmbeddedServer) -> AsyncIterator[WeaviateAsyncClient]:
    """A connected async client of ``server``."""
    import weaviate_async

    c = await weaviate_async.connect_to_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    )
    try:
        yield c
    finally:
        await c.close()


@pytest.fixture
async def async_indexing_client(
    async_indexing_server: EmbeddedServer,
) -> AsyncIterator[WeaviateAsyncClient]:
    """A connected async client of ``async_indexing_server``."""
    import weaviate_async

    s = async_indexing_server
    c = await weaviate_async.connect_to_local(host=s.host, port=s.http_port, grpc_port=s.grpc_port)
    try:
        yield c
    finally:
        await c.close()


@pytest.fixture
def sync_client(server: EmbeddedServer) -> Iterator[Any]:
    """A connected sync client (``weaviate_sync.WeaviateClient``) of ``server``."""
    import weaviate_sync

    c = weaviate_sync.connect_to_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    )
    try:
        yield c
    finally:
        c.close()


@pytest.fixture
def sync_async_indexing_client(async_indexing_server: EmbeddedServer) -> Iterator[Any]:
    """A connected sync client of ``async_indexing_server`` (the twin of
    ``async_indexing_client`` in generated sync tests)."""
    import weaviate_sync

    s = async_indexing_server
    c = weaviate_sync.connect_to_local(host=s.host, port=s.http_port, grpc_port=s.grpc_port)
    try:
        yield c
    finally:
        c.close()


@pytest.fixture
def collection_name(server: EmbeddedServer) -> Iterator[str]:
    """A unique collection name; the collection is deleted after the test if it exists."""
    import urllib.request

    name = "Test" + uuid.uuid4().hex[:12]
    yield name
    request = urllib.request.Request(f"{server.url}/v1/schema/{name}", method="DELETE")
    with urllib.request.urlopen(request, timeout=30):
        pass


def pytest_report_header(config: pytest.Config) -> list[str]:
    """Which copy of the packages this run tests: the source tree or an installed wheel."""
    import weaviate_async
    import weaviate_sync

    return [
        f"{module.__name__} {weaviate_async.__version__}: {Path(module.__file__ or '').parent}"
        for module in (weaviate_async, weaviate_sync)
    ]


def pytest_configure(config: pytest.Config) -> None:
    # `nox -s build` runs the unit suite against the wheel installed in a fresh virtualenv and
    # sets this: a run that imported the source tree instead would prove nothing about it.
    if os.environ.get("WEAVIATE_ASYNC_TEST_INSTALLED") != "1":
        return
    import sysconfig

    import weaviate_async
    import weaviate_sync

    site = Path(sysconfig.get_paths()["purelib"]).resolve()
    for module in (weaviate_async, weaviate_sync):
        where = Path(module.__file__ or "").resolve()
        if not where.is_relative_to(site):
            raise pytest.UsageError(f"{module.__name__} was imported from {where}, not {site}")
