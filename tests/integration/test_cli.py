"""The ``weaviate-async`` command line, run in a subprocess against the real server: every
command, its JSON output, its exit codes (0 done, 1 failed, 2 usage, 3 partial import)."""

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

from weaviate_async.embedded import EmbeddedServer


def _cli(
    server: EmbeddedServer, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEAVIATE_")}
    command = [sys.executable, "-m", "weaviate_async.cli"]
    command += ["--url", f"http://{server.host}:{server.http_port}"]
    command += ["--grpc-port", str(server.grpc_port), *args]
    return subprocess.run(
        command, capture_output=True, text=True, env=env, input=stdin, timeout=180
    )


def _json(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return orjson.loads(result.stdout)


@pytest.fixture
def name(server: EmbeddedServer, collection_name: str) -> Iterator[str]:
    yield collection_name
    _cli(server, "collections", "delete", collection_name + "Copy", "--yes")


def _schema(tmp_path: Path) -> Path:
    path = tmp_path / "schema.json"
    schema = {
        "class": "Ignored",
        "vectorConfig": {
            "bi": {
                "vectorizer": {"text2vec-bigram": {"properties": ["title"]}},
                "vectorIndexType": "hnsw",
            }
        },
        "properties": [
            {"name": "title", "dataType": ["text"]},
            {"name": "year", "dataType": ["int"]},
        ],
    }
    path.write_bytes(orjson.dumps(schema))
    return path


def _rows(tmp_path: Path, count: int, bad: tuple[int, ...] = ()) -> Path:
    path = tmp_path / "rows.jsonl"
    lines = []
    for i in range(count):
        row = {"title": f"title {i} apple" if i % 2 else f"title {i} pear", "year": 2000 + i}
        if i in bad:
            row["year"] = "not a year"
        row["uuid"] = str(uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"cli-{i}"))
        lines.append(orjson.dumps(row))
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_import_count_get_search_export_and_delete_where(
    server: EmbeddedServer, name: str, tmp_path: Path
) -> None:
    rows = _rows(tmp_path, 40)
    result = _cli(
        server,
        "--json",
        "import",
        str(rows),
        "-c",
        name,
        "--create-from-schema",
        str(_schema(tmp_path)),
    )
    report = _json(result)
    assert (report["imported"], report["failed"], report["rows"]) == (40, 0, 40)

    assert _json(_cli(server, "--json", "count", name)) == {"collection": name, "count": 40}
    assert _cli(server, "count", name).stdout.strip() == "40"

    one = str(uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, "cli-3"))
    got = _json(_cli(server, "--json", "get", name, one, "--vector"))
    assert got["properties"] == {"title": "title 3 apple", "year": 2003}
    assert len(got["vector"]["bi"]) > 0  # made by the collection's vectorizer
    missing = _cli(server, "get", name, str(uuid_lib.uuid4()))
    assert missing.returncode == 1 and "no object" in missing.stderr

    found = _json(_cli(server, "--json", "search", name, "--bm25", "apple", "--limit", "5"))
    assert len(found) == 5 and all("apple" in hit["properties"]["title"] for hit in found)
    table = _cli(server, "search", name, "--hybrid", "pear")
    assert table.returncode == 0 and "pear" in table.stdout
    # --near-text is the same path with near_text (bigram refuses this collection's nearText)
    assert _cli(server, "search", name, "--near-text", "apple", "--bm25", "x").returncode == 2

    out = tmp_path / "out.parquet"
    assert _json(_cli(server, "--json", "export", name, str(out)))["rows"] == 40
    assert out.stat().st_size > 0
    some = tmp_path / "some.jsonl"
    where_year = orjson.dumps({"path": "year", "operator": "GreaterThan", "valueInt": 2035})
    exported = _cli(server, "--json", "export", name, str(some), "--filter", where_year.decode())
    assert _json(exported)["rows"] == 4
    assert sorted(orjson.loads(x)["year"] for x in some.read_bytes().splitlines()) == [
        2036,
        2037,
        2038,
        2039,
    ]

    where = orjson.dumps({"path": ["year"], "operator": "LessThan", "valueInt": 2010}).decode()
    dry = _json(_cli(server, "--json", "delete-where", name, "--filter", where))
    assert (dry["matches"], dry["dry_run"]) == (10, True)
    assert _json(_cli(server, "--json", "count", name))["count"] == 40
    done = _json(_cli(server, "--json", "delete-where", name, "--filter", where, "--yes"))
    assert (done["successful"], done["dry_run"]) == (10, False)
    assert _json(_cli(server, "--json", "count", name))["count"] == 30

    # the exported file imports back into a new collection made from the exported config
    config = tmp_path / "config.json"
    assert _cli(server, "collections", "export-config", name, str(config)).returncode == 0
    copy = name + "Copy"
    again = _cli(
        server, "--json", "import", str(out), "-c", copy, "--create-from-schema", str(config)
    )
    assert _json(again)["imported"] == 40


def test_a_partial_import_exits_3_and_resume_finishes(
    server: EmbeddedServer, name: str, tmp_path: Path
) -> None:
    rows = _rows(tmp_path, 20, bad=(4, 9))
    schema = _schema(tmp_path)
    result = _cli(
        server, "--json", "import", str(rows), "-c", name, "--create-from-schema", str(schema)
    )
    assert result.returncode == 3, result.stderr
    report = orjson.loads(result.stdout)
    assert (report["imported"], report["failed"]) == (18, 2)
    failures = [orjson.loads(x) for x in Path(report["failures_path"]).read_bytes().splitlines()]
    assert [f["row"] for f in failures] == [4, 9]

    _rows(tmp_path, 20)  # the bad rows fixed
    again = _json(_cli(server, "--json", "import", str(rows), "-c", name, "--resume"))
    assert (again["imported"], again["skipped"], again["failed"]) == (2, 18, 0)
    assert _json(_cli(server, "--json", "count", name))["count"] == 20


def test_collections_commands(server: EmbeddedServer, name: str, tmp_path: Path) -> None:
    created = _json(
        _cli(
            server,
            "--json",
            "collections",
            "create",
            "--from-file",
            str(_schema(tmp_path)),
            "--name",
            name,
        )
    )
    assert created["name"] == name
    listed = _json(_cli(server, "--json", "collections", "list"))
    assert {
        "name": name,
        "objects": 0,
        "vectors": "default",
        "multi-tenant": False,
    } in listed or any(row["name"] == name for row in listed)
    shown = _json(_cli(server, "--json", "collections", "show", name))
    assert shown["class"] == name and [p["name"] for p in shown["properties"]] == ["title", "year"]
    yaml_text = _cli(server, "collections", "show", name, "--yaml").stdout
    assert f"class: {name}" in yaml_text
    refused = _cli(server, "collections", "delete", name, stdin="n\n")
    assert refused.returncode == 1
    assert _cli(server, "--json", "collections", "delete", name, "--yes").returncode == 0
    assert not any(
        row["name"] == name for row in _json(_cli(server, "--json", "collections", "list"))
    )


def test_tenants_aliases_nodes_shards(server: EmbeddedServer, name: str) -> None:
    import urllib.request

    body = orjson.dumps({"class": name, "multiTenancyConfig": {"enabled": True}})
    request = urllib.request.Request(
        f"{server.url}/v1/schema", data=body, headers={"Content-Type": "application/json"}
    )
    urllib.request.urlopen(request, timeout=30).close()
    assert _cli(server, "tenants", "create", name, "a", "b").returncode == 0
    tenants = _json(_cli(server, "--json", "tenants", "list", name))
    assert sorted(t["name"] for t in tenants) == ["a", "b"]
    assert _cli(server, "tenants", "delete", name, "a", "--yes").returncode == 0
    assert [t["name"] for t in _json(_cli(server, "--json", "tenants", "list", name))] == ["b"]

    alias = name + "Alias"
    assert _cli(server, "aliases", "create", alias, name).returncode == 0
    assert {"alias": alias, "collection": name} in _json(_cli(server, "--json", "aliases", "list"))
    assert _cli(server, "aliases", "delete", alias).returncode == 0
    assert _cli(server, "aliases", "delete", alias).returncode == 1

    nodes = _json(_cli(server, "--json", "nodes"))
    assert len(nodes) == 1 and nodes[0]["status"] == "HEALTHY"
    assert _cli(server, "nodes").returncode == 0


def test_usage_and_connection_errors_have_their_exit_codes(server: EmbeddedServer) -> None:
    assert _cli(server, "count").returncode == 2  # a missing argument
    assert _cli(server, "search", "X").returncode == 2  # none of the three kinds
    bad = _cli(server, "delete-where", "X", "--filter", "{nope")
    assert bad.returncode == 2 and "--filter" in bad.stderr
    nowhere = subprocess.run(
        [
            sys.executable,
            "-m",
            "weaviate_async.cli",
            "--url",
            "http://127.0.0.1:9",
            "--api-key",
            "sekrit-123",
            "count",
            "X",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert nowhere.returncode == 1 and nowhere.stderr.startswith("error:")
    assert "sekrit-123" not in nowhere.stderr + nowhere.stdout
    help_text = _cli(server, "--help")
    assert help_text.returncode == 0 and "import" in help_text.stdout
