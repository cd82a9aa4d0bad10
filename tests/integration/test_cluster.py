"""The three-node cluster fixture: nodes form one cluster and replicate data."""

from __future__ import annotations

import time
import uuid

import pytest

import weaviate_async
from tests.conftest import SERVER_VERSION
from weaviate_async.classes.config import Configure, ConsistencyLevel, DataType, Property
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer, start_cluster
from weaviate_async.exceptions import WeaviateEmbeddedError

pytestmark = pytest.mark.cluster


async def test_three_nodes_replicate(cluster: list[EmbeddedServer]) -> None:
    clients = [
        await weaviate_async.connect_to_local(host=s.host, port=s.http_port, grpc_port=s.grpc_port)
        for s in cluster
    ]
    try:
        first = clients[0]
        assert first._connection is not None
        nodes = await first._connection.rest("GET", "/nodes", operation="test.nodes")
        assert sorted(n["name"] for n in nodes["nodes"]) == ["node1", "node2", "node3"]
        assert {n["status"] for n in nodes["nodes"]} == {"HEALTHY"}

        name = "Replicated" + uuid.uuid4().hex[:8]
        collection = await first.collections.create(
            name,
            properties=[Property(name="title", data_type=DataType.TEXT)],
            replication_config=Configure.replication(factor=3),
            vector_config=Configure.Vectors.self_provided(),
        )
        cfg = await collection.config.get()
        assert cfg.replication_config.factor == 3
        object_id = await collection.with_consistency_level(ConsistencyLevel.ALL).data.insert(
            {"title": "on every node"}, vector=[0.1, 0.2, 0.3]
        )
        for other in clients[1:]:
            handle = other.collections.use(name).with_consistency_level(ConsistencyLevel.ONE)
            found = await handle.query.fetch_object_by_id(object_id)
            assert found is not None and found.properties["title"] == "on every node"
        await first.collections.delete(name)
    finally:
        for c in clients:
            await c.close()


def test_a_node_that_exits_fails_the_start_at_once() -> None:
    # Every attempt's nodes exit at once (an unknown flag): the start gives up after its
    # attempts with the node's log, long before the readiness timeout of one attempt.
    options = EmbeddedOptions(version=SERVER_VERSION, extra_args=["--no-such-flag"])
    started = time.monotonic()
    with pytest.raises(WeaviateEmbeddedError, match="node1 exited with code"):
        start_cluster(3, options, attempts=2)
    assert time.monotonic() - started < options.startup_timeout
