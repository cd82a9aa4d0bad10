"""The pure parts of the distributed writers: importing the packages imports neither Ray nor
Dask, connection settings travel by pickle without showing the API key, reports add up over
parts, rows without a stable uuid are refused, and blocking code can wait for a coroutine even
inside a running loop."""

from __future__ import annotations

import asyncio
import pickle
import subprocess
import sys

import pytest

from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io import Layout, RowFailure
from weaviate_async.io.remote import (
    ConnectionSettings,
    PartFailure,
    PartReport,
    WriteReport,
    check_idempotent,
    run_sync,
)


def test_importing_the_packages_imports_neither_ray_nor_dask() -> None:
    code = (
        "import sys, weaviate_async, weaviate_async.io, weaviate_async.io.remote, "
        "weaviate_sync, weaviate_sync.io\n"
        "print(sorted(m for m in ('ray', 'dask', 'distributed') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_connection_settings_pickle_and_hide_the_api_key() -> None:
    settings = ConnectionSettings.local(
        "db", 8081, 50052, headers={"X-Key": "v"}, api_key="secret-key"
    )
    assert "secret-key" not in repr(settings)
    again = pickle.loads(pickle.dumps(settings))
    assert again == settings
    assert (again.http_host, again.http_port, again.grpc_port, again.api_key) == (
        "db",
        8081,
        50052,
        "secret-key",
    )
    assert again.headers == {"X-Key": "v"}


def test_write_report_adds_up_the_parts() -> None:
    report = WriteReport(
        [
            PartReport("0.0", 10, 9, [RowFailure(4, "u4", "bad")], 0.1),
            PartReport("1.0", 5, 5, [], 0.1),
        ]
    )
    assert (report.rows, report.acknowledged, report.has_errors) == (15, 14, True)
    assert report.failures == [PartFailure("0.0", 4, "u4", "bad")]
    assert not WriteReport([PartReport("0", 1, 1, [], 0.0)]).has_errors


def test_check_idempotent() -> None:
    check_idempotent(Layout(), ["uuid", "title"], "Dataset")
    check_idempotent(Layout(uuid_from=["key"]), ["key", "title"], "Dataset")
    with pytest.raises(WeaviateInvalidInputError, match="uuid_from"):
        check_idempotent(Layout(), ["key", "title"], "Dataset")
    with pytest.raises(WeaviateInvalidInputError, match="uuid_from"):
        check_idempotent(Layout(uuid_from=["nope"]), ["key"], "Dataset")  # not a column


async def _answer() -> int:
    await asyncio.sleep(0)
    return 42


async def _fail() -> int:
    raise KeyError("inside")


def test_run_sync_without_and_inside_a_running_loop() -> None:
    assert run_sync(_answer) == 42

    async def inside() -> int:
        return run_sync(_answer)  # a worker that runs its tasks inside a loop

    assert asyncio.run(inside()) == 42
    with pytest.raises(KeyError, match="inside"):
        run_sync(_fail)

    async def failing_inside() -> int:
        return run_sync(_fail)

    with pytest.raises(KeyError, match="inside"):
        asyncio.run(failing_inside())


def test_connection_settings_from_a_client() -> None:
    import weaviate_async
    import weaviate_sync
    from weaviate_async.connect.auth import Auth

    client = weaviate_async.use_async_with_local(
        host="db",
        port=8081,
        grpc_port=50052,
        headers={"X-Custom": "v"},
        auth_credentials=Auth.api_key("k-123"),
    )
    settings = ConnectionSettings.from_client(client)
    assert (settings.http_host, settings.http_port, settings.http_secure) == ("db", 8081, False)
    assert (settings.grpc_host, settings.grpc_port) == ("db", 50052)
    assert settings.headers == {"X-Custom": "v"}
    assert settings.api_key == "k-123"
    blocking = weaviate_sync.WeaviateClient(
        connection_params=weaviate_sync.connect.ConnectionParams.from_params(
            "h", 9000, True, "g", 9001, True
        ),
        skip_init_checks=True,
    )
    try:
        settings = ConnectionSettings.from_client(blocking)
        assert (settings.http_host, settings.grpc_host, settings.grpc_secure) == ("h", "g", True)
        assert (settings.api_key, settings.skip_init_checks) == (None, True)
    finally:
        blocking.close()
    with pytest.raises(WeaviateInvalidInputError, match="client"):
        ConnectionSettings.from_client(object())
    oidc = weaviate_async.use_async_with_local(
        auth_credentials=Auth.client_password("user", "pw"), skip_init_checks=True
    )
    with pytest.raises(WeaviateInvalidInputError, match="API key"):
        ConnectionSettings.from_client(oidc)
