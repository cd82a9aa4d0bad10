"""The ``weaviate-async`` command line's admin commands, run in a subprocess against real
servers: ``copy`` to another server, ``backup create/status/restore``, ``shards``, ``roles
list`` and ``users list`` with an API key, and the connection options (``--header``,
``--api-key``, the ``WEAVIATE_URL``/``WEAVIATE_GRPC_PORT`` environment variables)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid as uuid_lib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.conftest import ADMIN_KEY, ADMIN_USER
from tests.integration.test_backup import _backup_id, one_backup_at_a_time, rest
from tests.rest_helper import Rest
from weaviate_async.embedded import EmbeddedServer

__all__ = ["one_backup_at_a_time", "rest"]  # fixtures: backups here wait for the others'


def _cli(
    server: EmbeddedServer | None,
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """The command line against ``server`` (None: only what ``args`` and ``env`` say)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WEAVIATE_")}
    command = [sys.executable, "-m", "weaviate_async.cli"]
    if server is not None:
        command += ["--url", server.url, "--grpc-port", str(server.grpc_port)]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env={**clean, **(env or {})},
        input=stdin,
        timeout=180,
    )


def _json(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return orjson.loads(result.stdout)


def _fill(rest: Rest, name: str, count: int) -> dict[str, Any]:
    """A collection with two named self-provided vectors and ``count`` objects; the objects
    as the server holds them, by id."""
    rest.create(
        {
            "class": name,
            "properties": [
                {"name": "title", "dataType": ["text"]},
                {"name": "rank", "dataType": ["int"]},
            ],
            "vectorConfig": {
                "small": {"vectorizer": {"none": {}}, "vectorIndexType": "hnsw"},
                "large": {"vectorizer": {"none": {}}, "vectorIndexType": "flat"},
            },
        }
    )
    objects = [
        {
            "class": name,
            "id": str(uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"{name}-{i}")),
            "properties": {"title": f"object {i}", "rank": i},
            "vectors": {"small": [i + 0.5, -1.0], "large": [i / 4, 2.0, 3.0, float(i)]},
        }
        for i in range(count)
    ]
    result = rest.ok("POST", "/batch/objects", {"objects": objects})
    assert all("errors" not in (o.get("result") or {}) for o in result), result
    return _snapshot(rest, name)


def _snapshot(rest: Rest, name: str) -> dict[str, Any]:
    out = rest.ok("GET", "/objects", **{"class": name, "include": "vector", "limit": "1000"})
    return {o["id"]: (o["properties"], o.get("vectors")) for o in out.get("objects") or []}


@pytest.fixture
def other(async_indexing_server: EmbeddedServer, collection_name: str) -> Iterator[Rest]:
    """The second server ``copy`` writes to; the copies are deleted after the test."""
    rest = Rest(async_indexing_server.url)
    yield rest
    rest.call("DELETE", f"/schema/{collection_name}")
    rest.call("DELETE", f"/schema/{collection_name}Renamed")


def test_copy_to_another_server(
    server: EmbeddedServer,
    async_indexing_server: EmbeddedServer,
    rest: Rest,
    other: Rest,
    collection_name: str,
) -> None:
    name = collection_name
    source = _fill(rest, name, 30)
    to = ["--to", async_indexing_server.url, "--to-grpc-port", str(async_indexing_server.grpc_port)]

    done = _json(_cli(server, "--json", "copy", name, *to))
    assert (done["copied"], done["failed"]) == (30, 0)
    config = other.ok("GET", f"/schema/{name}")
    assert [p["name"] for p in config["properties"]] == ["title", "rank"]
    assert sorted(config["vectorConfig"]) == ["large", "small"]
    assert config["vectorConfig"]["large"]["vectorIndexType"] == "flat"
    assert _snapshot(other, name) == source  # properties and both vectors, by id

    # into the collection that now exists: the same objects again, nothing doubled
    again = _json(_cli(server, "--json", "copy", name, *to))
    assert (again["copied"], again["failed"]) == (30, 0)
    assert _snapshot(other, name) == source
    count = _json(_cli(async_indexing_server, "--json", "count", name))
    assert count == {"collection": name, "count": 30}

    renamed = _cli(server, "copy", name, *to, "--as", name + "Renamed")
    assert renamed.returncode == 0, renamed.stderr
    assert "30 objects copied, 0 failed" in renamed.stdout
    assert len(_snapshot(other, name + "Renamed")) == 30

    missing = _cli(server, "copy", name + "Nope", *to)
    assert missing.returncode == 1 and missing.stderr.startswith("error:")
    assert name + "Nope" in missing.stderr
    nowhere = _cli(server, "copy", name, "--to", "http://127.0.0.1:9", "--to-grpc-port", "9")
    assert nowhere.returncode == 1 and nowhere.stderr.startswith("error:")
    malformed = _cli(server, "copy", name, "--to", "ftp://elsewhere")
    assert malformed.returncode == 2 and "--to" in malformed.stderr


def test_backup_create_status_and_restore(
    server: EmbeddedServer, rest: Rest, collection_name: str
) -> None:
    name, bystander = collection_name, collection_name + "Bystander"
    before = _fill(rest, name, 20)
    rest.create({"class": bystander, "vectorConfig": {}})
    backup_id = _backup_id("cli")
    try:
        created = _json(_cli(server, "--json", "backup", "create", backup_id, "--include", name))
        assert created["status"] == "SUCCESS"
        assert created["collections"] == [name]
        assert created["backup_id"] == backup_id.lower()
        status = _json(_cli(server, "--json", "backup", "status", backup_id))
        assert (status["status"], status["backup_id"]) == ("SUCCESS", backup_id.lower())
        table = _cli(server, "backup", "status", backup_id)
        assert table.returncode == 0 and "SUCCESS" in table.stdout

        again = _cli(server, "backup", "create", backup_id, "--include", name)
        assert again.returncode == 1 and again.stderr.startswith("error:")
        assert "already exists" in again.stderr

        rest.ok("DELETE", f"/schema/{name}")
        restored = _json(_cli(server, "--json", "backup", "restore", backup_id, "--include", name))
        assert (restored["status"], restored["collections"]) == ("SUCCESS", [name])
        assert _snapshot(rest, name) == before
        status = _json(_cli(server, "--json", "backup", "status", backup_id, "--restore"))
        assert status["status"] == "SUCCESS"

        # the collection exists again: the server refuses to restore over it
        refused = _cli(server, "backup", "restore", backup_id, "--include", name)
        assert refused.returncode == 1 and refused.stderr.startswith("error:")
        assert name in refused.stderr
        unknown = _cli(server, "backup", "status", backup_id + "-nope")
        assert unknown.returncode == 1 and unknown.stderr.startswith("error:")
        usage = _cli(server, "backup", "create", backup_id, "--backend", "tape")
        assert usage.returncode != 0 and "tape" in usage.stderr
    finally:
        rest.call("DELETE", f"/schema/{bystander}")


def test_shards(server: EmbeddedServer, rest: Rest, collection_name: str) -> None:
    _fill(rest, collection_name, 3)
    shards = _json(_cli(server, "--json", "shards", collection_name))
    assert len(shards) == 1 and shards[0]["status"] == "READY"
    assert shards[0]["name"] and isinstance(shards[0]["vector queue"], int)
    table = _cli(server, "shards", collection_name)
    assert table.returncode == 0 and "READY" in table.stdout
    missing = _cli(server, "shards", collection_name + "Nope")
    assert missing.returncode == 1 and missing.stderr.startswith("error:")


def test_roles_and_users_with_an_api_key(auth_server: EmbeddedServer) -> None:
    roles = _json(_cli(auth_server, "--api-key", ADMIN_KEY, "--json", "roles", "list"))
    assert {"admin", "viewer"} <= set(roles)
    assert roles["admin"]["name"] == "admin"
    assert {"read_data", "delete_data"} <= set(roles["admin"]["data_permissions"][0]["actions"])
    table = _cli(auth_server, "--api-key", ADMIN_KEY, "roles", "list")
    assert table.returncode == 0 and "viewer" in table.stdout
    # a client warning (such as a permission this client does not know) is a line for
    # people, without the source location
    assert all(line.startswith("warning: ") for line in table.stderr.splitlines()), table.stderr

    users = _cli(auth_server, "--api-key", ADMIN_KEY, "--json", "users", "list")
    assert users.returncode == 0, users.stderr
    assert orjson.loads(users.stdout) == []  # the API-key users are not database users
    assert ADMIN_KEY not in users.stdout + users.stderr

    # the key from the environment
    env = {"WEAVIATE_API_KEY": ADMIN_KEY}
    assert set(_json(_cli(auth_server, "--json", "roles", "list", env=env))) == set(roles)

    wrong = _cli(auth_server, "--api-key", "not-the-key-9d1c", "roles", "list")
    assert wrong.returncode == 1 and wrong.stderr.startswith("error:")
    assert "401" in wrong.stderr or "unauthorized" in wrong.stderr.lower()
    assert "not-the-key-9d1c" not in wrong.stdout + wrong.stderr
    none = _cli(auth_server, "roles", "list")
    assert none.returncode == 1 and none.stderr.startswith("error:")
    assert ADMIN_USER not in none.stdout


def test_connection_options(server: EmbeddedServer, rest: Rest, collection_name: str) -> None:
    _fill(rest, collection_name, 4)
    counted = _cli(
        server, "--header", "X-Something: v", "--header", "X-Other:w", "count", collection_name
    )
    assert counted.returncode == 0 and counted.stdout.strip() == "4", counted.stderr

    for bad in ("no colon here", ": no name"):
        malformed = _cli(server, "--header", bad, "count", collection_name)
        assert malformed.returncode == 2, (bad, malformed.stderr)
        assert "--header" in malformed.stderr and "Name: value" in malformed.stderr
    bad_url = _cli(None, "--url", "ftp://x", "count", collection_name)
    assert bad_url.returncode == 2 and "--url" in bad_url.stderr

    env = {"WEAVIATE_URL": server.url, "WEAVIATE_GRPC_PORT": str(server.grpc_port)}
    assert _cli(None, "count", collection_name, env=env).stdout.strip() == "4"
    # the options win over the environment
    env["WEAVIATE_URL"] = "http://127.0.0.1:9"
    assert _cli(None, "count", collection_name, env=env).returncode == 1
    again = _cli(None, "--url", server.url, "count", collection_name, env=env)
    assert again.stdout.strip() == "4", again.stderr


def test_copy_a_multi_tenant_collection(
    server: EmbeddedServer,
    async_indexing_server: EmbeddedServer,
    rest: Rest,
    other: Rest,
    collection_name: str,
) -> None:
    name = collection_name
    rest.create(
        {
            "class": name,
            "multiTenancyConfig": {"enabled": True},
            "properties": [{"name": "title", "dataType": ["text"]}],
            "vectorConfig": {"v": {"vectorizer": {"none": {}}, "vectorIndexType": "hnsw"}},
        },
        tenants=["alpha", "beta"],
    )
    objects = [
        {
            "class": name,
            "tenant": tenant,
            "properties": {"title": f"{tenant} {i}"},
            "vectors": {"v": [float(i), 1.0, -2.0]},
        }
        for tenant, count in (("alpha", 3), ("beta", 5))
        for i in range(count)
    ]
    rest.ok("POST", "/batch/objects", {"objects": objects})
    to = ["--to", async_indexing_server.url, "--to-grpc-port", str(async_indexing_server.grpc_port)]

    done = _json(_cli(server, "--json", "copy", name, *to))
    assert (done["copied"], done["failed"]) == (8, 0)
    assert sorted(t["name"] for t in other.ok("GET", f"/schema/{name}/tenants")) == [
        "alpha",
        "beta",
    ]
    for tenant, count in (("alpha", 3), ("beta", 5)):
        params = {"class": name, "tenant": tenant, "include": "vector", "limit": "100"}
        source = rest.ok("GET", "/objects", **params)["objects"]
        copied = other.ok("GET", "/objects", **params)["objects"]
        assert len(copied) == count
        assert {o["id"]: (o["properties"], o["vectors"]) for o in copied} == {
            o["id"]: (o["properties"], o["vectors"]) for o in source
        }


def test_embedded(tmp_path: Path) -> None:
    # a server of its own, started and stopped by the one command: it holds no collections
    env = {"TMPDIR": str(tmp_path)}
    assert _json(_cli(None, "--embedded", "--json", "collections", "list", env=env)) == []
    malformed = _cli(None, "--embedded", "--header", "nope", "collections", "list", env=env)
    assert malformed.returncode == 2 and "--header" in malformed.stderr
