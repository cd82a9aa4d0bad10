"""The server-version gates: each feature newer than the oldest supported server (1.27.0) is
refused with WeaviateUnsupportedFeatureError, naming the feature and its minimum, before any
request; at the minimum version the request goes out.

The gate table mirrors the official client 4.24.1's version checks (see docs/connecting.md).
A client is built without connecting and given a server version; every transport method of
its connection raises ``_Sent``, so a call that passes its gate is seen to send and one that is
refused is seen not to.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

import weaviate_async
from weaviate_async.backup.backup import BackupStorage
from weaviate_async.classes.boost import Boost
from weaviate_async.classes.config import Configure, DataType, Property, Reconfigure
from weaviate_async.classes.generative import GenerativeConfig
from weaviate_async.classes.query import Diversity
from weaviate_async.classes.tokenization import Tokenization
from weaviate_async.connect.connection import MIN_SERVER_VERSION, parse_version
from weaviate_async.connect.params import ConnectionParams
from weaviate_async.exceptions import WeaviateUnsupportedFeatureError
from weaviate_async.export.export import ExportFileFormat, ExportStorage


class _Sent(Exception):
    """A request would have gone to the server."""


_TRANSPORT = (
    "rest",
    "rest_status",
    "search",
    "aggregate",
    "tenants_get",
    "batch_objects",
    "batch_references",
    "batch_delete",
    "batch_stream",
)


def _client(version: tuple[int, int, int]) -> weaviate_async.WeaviateAsyncClient:
    client = weaviate_async.WeaviateAsyncClient(
        connection_params=ConnectionParams.from_url("http://127.0.0.1:1", grpc_port=1),
        skip_init_checks=True,
    )
    conn = client._connection
    assert conn is not None
    conn.server_version = version

    def sent(*args: Any, **kwargs: Any) -> Any:
        raise _Sent

    for name in _TRANSPORT:
        setattr(conn, name, sent)
    return client


def _below(minimum: str) -> tuple[int, int, int]:
    major, minor, patch = parse_version(minimum)
    return (major, minor, patch - 1) if patch else (major, minor - 1, 99)


Call = Callable[[weaviate_async.WeaviateAsyncClient], Any]

_TEXT_PROP = Property(
    name="t", data_type=DataType.TEXT, text_analyzer=Configure.text_analyzer(ascii_fold=True)
)
_NESTED_PROP = Property(name="o", data_type=DataType.OBJECT, nested_properties=[_TEXT_PROP])

#: (feature named in the error, minimum version, the call).
GATES: list[tuple[str, str, Call]] = [
    ("Collection aliases", "1.32.0", lambda c: c.alias.list_all()),
    ("Collection aliases", "1.32.0", lambda c: c.alias.get(alias_name="A")),
    ("Collection aliases", "1.32.0", lambda c: c.alias.exists(alias_name="A")),
    ("Collection aliases", "1.32.0", lambda c: c.alias.delete(alias_name="A")),
    (
        "Collection aliases",
        "1.32.0",
        lambda c: c.alias.create(alias_name="A", target_collection="C"),
    ),
    (
        "Collection aliases",
        "1.32.0",
        lambda c: c.alias.update(alias_name="A", new_target_collection="C"),
    ),
    ("Server-side batching", "1.36.0", lambda c: c.batch.stream()),
    ("Server-side batching", "1.36.0", lambda c: c.batch.experimental()),
    ("Server-side batching", "1.36.0", lambda c: c.collections.use("C").batch.stream()),
    (
        "Server-side batching",
        "1.36.0",
        lambda c: c.collections.use("C").batch.experimental(),
    ),
    (
        "Dynamic RAG",
        "1.27.14",
        lambda c: c.collections.use("C").generate.fetch_objects(
            single_prompt="x", generative_provider=GenerativeConfig.openai()
        ),
    ),
    (
        "Property text_analyzer",
        "1.37.0",
        lambda c: c.collections.create("C", properties=[_TEXT_PROP]),
    ),
    (
        "Property text_analyzer",
        "1.37.0",
        lambda c: c.collections.create("C", properties=[_NESTED_PROP]),
    ),
    (
        "Property text_analyzer",
        "1.37.0",
        lambda c: c.collections.use("C").config.add_property(_TEXT_PROP),
    ),
    (
        "stopword_presets",
        "1.37.0",
        lambda c: c.collections.create(
            "C", inverted_index_config=Configure.inverted_index(stopword_presets={"p": ["a"]})
        ),
    ),
    (
        "stopword_presets",
        "1.37.0",
        lambda c: c.collections.use("C").config.update(
            inverted_index_config=Reconfigure.inverted_index(stopword_presets={"p": ["a"]})
        ),
    ),
    ("Tokenization", "1.37.0", lambda c: c.tokenization.text("a b", Tokenization.WORD)),
    (
        "export",
        "1.37.0",
        lambda c: c.export.create(
            export_id="e", backend=ExportStorage.FILESYSTEM, file_format=ExportFileFormat.PARQUET
        ),
    ),
    (
        "Incremental backups",
        "1.37.0",
        lambda c: c.backup.create(
            backup_id="b", backend=BackupStorage.FILESYSTEM, incremental_base_backup_id="a"
        ),
    ),
    (
        "boost",
        "1.38.0",
        lambda c: c.collections.use("C").query.near_vector(
            [1.0], boost=Boost.numeric_property("n")
        ),
    ),
    (
        "MMR",
        "1.37.0",
        lambda c: c.collections.use("C").query.near_vector(
            [1.0], diversity_selection=Diversity.mmr(limit=1)
        ),
    ),
    (
        "query profiling",
        "1.36.9",
        lambda c: c.collections.use("C").query.fetch_objects(return_metadata=["query_profile"]),
    ),
]


async def _run(call: Call, client: weaviate_async.WeaviateAsyncClient) -> None:
    result = call(client)
    if isinstance(result, Awaitable):
        await result


@pytest.mark.parametrize(("feature", "minimum", "call"), GATES)
async def test_gate_refuses_an_older_server_before_sending(
    feature: str, minimum: str, call: Call
) -> None:
    version = _below(minimum)
    with pytest.raises(WeaviateUnsupportedFeatureError) as info:
        await _run(call, _client(version))
    assert feature.lower() in info.value.feature.lower()
    assert info.value.minimum_version == minimum
    assert info.value.server_version == ".".join(map(str, version))
    assert minimum in str(info.value)


@pytest.mark.parametrize(("feature", "minimum", "call"), GATES)
async def test_gate_lets_the_minimum_version_through(
    feature: str, minimum: str, call: Call
) -> None:
    # _Sent: the request went out; a batch context returns without sending until entered
    with contextlib.suppress(_Sent):
        await _run(call, _client(parse_version(minimum)))


def test_every_gate_is_above_the_oldest_supported_server() -> None:
    assert all(parse_version(m) > MIN_SERVER_VERSION for _, m, _ in GATES)


async def test_unknown_version_leaves_the_decision_to_the_server() -> None:
    # skip_init_checks never reads /v1/meta: the version stays (0, 0, 0) and nothing is gated
    with pytest.raises(_Sent):
        await _client((0, 0, 0)).alias.list_all()
