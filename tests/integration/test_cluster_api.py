"""client.cluster and client.cluster.replications against a real single-node server: nodes
(minimal, verbose, per collection and shard), RAFT statistics, sharding states, and the life of
a replica operation (registered, read, listed, queried, canceled, deleted). Its blocking twin is
generated (``__sync_twin__``); the three-node behaviours are in test_cluster_admin.py.

A single node cannot complete a replica copy, but the v1.39 server registers a copy towards a
node it does not know and keeps it REGISTERED: enough to exercise every call of the
replication API here, in both packages. Such an operation never runs, so a cancel or a delete
only marks it (``scheduledForCancel`` / ``scheduledForDelete``, read over plain REST: the
official model has no field for them); the fixture removes the operations with the server's
force-delete. Operations that run to the end are in test_cluster_admin.py. The fixture
``server`` runs with ``REPLICA_MOVEMENT_ENABLED=true``; ``async_indexing_server`` does not
(the 501 path).
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.rest_helper import Rest
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.classes.replication import ReplicationType
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import UnexpectedStatusCodeError, WeaviateInvalidInputError
from weaviate_async.outputs.cluster import ClusterStatistics, Node, Shard, ShardingState, Stats
from weaviate_async.outputs.replication import ReplicateOperationState

__sync_twin__ = "tests/integration/test_cluster_api_sync_gen.py"


@pytest.fixture
def rest(server: EmbeddedServer) -> Rest:
    return Rest(server.url)


@pytest.fixture
def sharded(
    collection_name: str, rest: Rest
) -> Iterator[Callable[[WeaviateAsyncClient, int], Any]]:
    """Makes ``collection_name`` with three shards and ``n`` objects; its replica operations
    are deleted after the test."""

    async def make(client: WeaviateAsyncClient, n: int) -> Any:
        collection = await client.collections.create(
            collection_name,
            properties=[Property(name="title", data_type=DataType.TEXT)],
            vector_config=Configure.Vectors.self_provided(),
            sharding_config=Configure.sharding(desired_count=3),
        )
        if n:
            result = await collection.data.insert_many(
                [DataObject(properties={"title": f"t{i}"}, vector=[i, 1.0]) for i in range(n)]
            )
            assert not result.has_errors
        return collection

    yield make
    rest.ok("POST", "/replication/replicate/force-delete", {"collection": collection_name})


async def test_nodes_minimal_and_verbose(
    client: WeaviateAsyncClient, sharded: Any, collection_name: str
) -> None:
    await sharded(client, 30)
    meta = await client.get_meta()

    (node,) = await client.cluster.nodes()
    assert isinstance(node, Node) and node.name == "node1" and node.status == "HEALTHY"
    assert node.version == meta["version"] and node.shards is None and node.stats is None
    (same,) = await client.cluster.nodes(output="minimal")
    assert same == node

    # The server counts the objects of flushed segments only: a backup flushes them.
    await client.backup.create(
        "nodes-" + uuid_lib.uuid4().hex[:10],
        "filesystem",
        include_collections=collection_name,
        wait_for_completion=True,
    )
    (verbose,) = await client.cluster.nodes(collection_name, output="verbose")
    assert verbose.shards is not None and isinstance(verbose.stats, Stats)
    assert verbose.stats.object_count == 30 and verbose.stats.shard_count == 3
    shards = verbose.shards
    assert len(shards) == 3 and all(isinstance(s, Shard) for s in shards)
    assert {s.collection for s in shards} == {collection_name}
    assert {s.node for s in shards} == {"node1"}
    assert sum(s.object_count for s in shards) == 30
    assert {s.vector_indexing_status for s in shards} <= {"READY", "INDEXING", "LAZY_LOADING"}
    assert all(s.vector_queue_length >= 0 and s.compressed is False for s in shards)
    expected = {s.name for s in await client.collections.use(collection_name).config.get_shards()}
    assert {s.name for s in shards} == expected

    one = shards[0].name
    (only,) = await client.cluster.nodes(collection_name, shard=one, output="verbose")
    assert [s.name for s in only.shards or []] == [one]
    # the collection's name with a lowercase first letter is the same collection
    (lower,) = await client.cluster.nodes(collection_name.lower()[:1] + collection_name[1:])
    assert lower.name == "node1"


async def test_nodes_errors(client: WeaviateAsyncClient) -> None:
    with pytest.raises(UnexpectedStatusCodeError) as missing:
        await client.cluster.nodes("NoSuchCollection" + uuid_lib.uuid4().hex[:6], output="verbose")
    assert missing.value.status_code == 404 and "not found" in str(missing.value)
    with pytest.raises(WeaviateInvalidInputError) as bad:
        await client.cluster.nodes(output="full")
    assert bad.value.field == "output"
    with pytest.raises(WeaviateInvalidInputError) as empty:
        await client.cluster.nodes("", output="verbose")
    assert empty.value.field == "collection"


async def test_statistics(client: WeaviateAsyncClient) -> None:
    stats = await client.cluster.statistics()
    assert isinstance(stats, ClusterStatistics) and stats.synchronized is True
    (node,) = stats.statistics
    assert node.name == "node1" and node.status == "HEALTHY" and node.ready and node.is_open
    assert node.db_loaded and node.is_voter and node.leader_id == "node1"
    assert node.raft.state == "Leader" and int(node.raft.applied_index) > 0
    assert node.raft.num_peers == "0"
    assert [m.node_id for m in node.raft.latest_configuration] == ["node1"]
    assert node.leader_address == node.raft.latest_configuration[0].address


async def test_query_sharding_state(
    client: WeaviateAsyncClient, sharded: Any, collection_name: str
) -> None:
    await sharded(client, 0)
    state = await client.cluster.query_sharding_state(collection=collection_name)
    assert isinstance(state, ShardingState) and state.collection == collection_name
    assert len(state.shards) == 3 and all(s.replicas == ["node1"] for s in state.shards)
    one = state.shards[1].name
    single = await client.cluster.query_sharding_state(collection=collection_name, shard=one)
    assert single is not None and [s.name for s in single.shards] == [one]
    assert await client.cluster.query_sharding_state(collection=collection_name + "Gone") is None
    assert (
        await client.cluster.query_sharding_state(collection=collection_name, shard="gone") is None
    )


async def test_a_replica_operation_from_start_to_deletion(
    client: WeaviateAsyncClient, sharded: Any, collection_name: str, rest: Rest
) -> None:
    await sharded(client, 5)
    state = await client.cluster.query_sharding_state(collection=collection_name)
    assert state is not None
    shard = state.shards[0].name
    replications = client.cluster.replications

    op_id = await client.cluster.replicate(
        collection=collection_name, shard=shard, source_node="node1", target_node="node2"
    )
    assert isinstance(op_id, uuid_lib.UUID)
    op = await replications.get(uuid=op_id)
    assert op is not None and op.uuid == op_id and op.status_history is None
    assert (op.collection, op.shard, op.source_node, op.target_node) == (
        collection_name,
        shard,
        "node1",
        "node2",
    )
    assert op.transfer_type is ReplicationType.COPY
    assert op.status.state is ReplicateOperationState.REGISTERED and op.status.errors == []
    with_history = await replications.get(uuid=str(op_id), include_history=True)
    assert with_history is not None and isinstance(with_history.status_history, list)

    assert op_id in {o.uuid for o in await replications.list_all()}
    assert all(o.status_history is not None for o in await replications.list_all())
    found = await replications.query(collection=collection_name)
    assert [o.uuid for o in found] == [op_id] and found[0].status_history is None
    assert [o.uuid for o in await replications.query(shard=shard, target_node="node2")] == [op_id]
    # the server filters by collection or by target node, the client by every filter given
    assert await replications.query(collection=collection_name, target_node="node9") == []
    assert [o.uuid for o in await replications.query(shard=shard)] == [op_id]
    assert await replications.query(collection=collection_name, shard=shard + "x") == []
    queried = await replications.query(collection=collection_name, include_history=True)
    assert queried[0].status_history is not None

    await replications.cancel(uuid=op_id)
    assert rest.ok("GET", f"/replication/replicate/{op_id}").get("scheduledForCancel") is True
    still = await replications.get(uuid=op_id)
    assert still is not None and still.status.state is ReplicateOperationState.REGISTERED
    await replications.delete(uuid=op_id)
    assert rest.ok("GET", f"/replication/replicate/{op_id}").get("scheduledForDelete") is True

    rest.ok("POST", "/replication/replicate/force-delete", {"id": str(op_id)})
    assert await replications.get(uuid=op_id) is None
    assert await replications.query(collection=collection_name) == []


async def test_delete_all_replica_operations(
    client: WeaviateAsyncClient, sharded: Any, collection_name: str, rest: Rest
) -> None:
    await sharded(client, 0)
    state = await client.cluster.query_sharding_state(collection=collection_name)
    assert state is not None
    ids = [
        await client.cluster.replicate(
            collection=collection_name,
            shard=s.name,
            source_node="node1",
            target_node="node2",
            replication_type=ReplicationType.MOVE,
        )
        for s in state.shards[:2]
    ]
    ops = await client.cluster.replications.query(collection=collection_name)
    assert sorted(o.uuid for o in ops) == sorted(ids)
    assert {o.transfer_type for o in ops} == {ReplicationType.MOVE}
    await client.cluster.replications.delete_all()
    for op_id in ids:
        raw = rest.ok("GET", f"/replication/replicate/{op_id}")
        assert raw.get("scheduledForDelete") is True, raw


async def test_replication_errors(
    client: WeaviateAsyncClient, sharded: Any, collection_name: str
) -> None:
    await sharded(client, 0)
    with pytest.raises(UnexpectedStatusCodeError) as no_shard:
        await client.cluster.replicate(
            collection=collection_name, shard="gone", source_node="node1", target_node="node2"
        )
    assert no_shard.value.status_code == 422 and "shard not found" in str(no_shard.value)
    with pytest.raises(WeaviateInvalidInputError) as same:
        await client.cluster.replicate(
            collection=collection_name, shard="s", source_node="node1", target_node="node1"
        )
    assert same.value.field == "target_node"
    with pytest.raises(WeaviateInvalidInputError) as kind:
        await client.cluster.replicate(
            collection=collection_name,
            shard="s",
            source_node="node1",
            target_node="node2",
            replication_type="SWAP",
        )
    assert kind.value.field == "replication_type"
    with pytest.raises(WeaviateInvalidInputError) as bad_id:
        await client.cluster.replications.get(uuid="not-a-uuid")
    assert bad_id.value.field == "uuid"
    with pytest.raises(WeaviateInvalidInputError) as flag:
        await client.cluster.replications.query(include_history="yes")
    assert flag.value.field == "include_history"
    # an id the server never issued: no operation (get); cancel and delete answer 204 anyway
    unknown = uuid_lib.uuid4()
    assert await client.cluster.replications.get(uuid=unknown) is None
    await client.cluster.replications.cancel(uuid=unknown)
    await client.cluster.replications.delete(uuid=unknown)


async def test_replication_api_switched_off(async_indexing_client: WeaviateAsyncClient) -> None:
    with pytest.raises(UnexpectedStatusCodeError) as off:
        await async_indexing_client.cluster.replications.list_all()
    assert off.value.status_code == 501 and "REPLICA_MOVEMENT_ENABLED" in str(off.value)
    with pytest.raises(UnexpectedStatusCodeError) as state:
        await async_indexing_client.cluster.query_sharding_state(collection="Anything")
    assert state.value.status_code == 501
    nodes = await async_indexing_client.cluster.nodes()  # the rest of the cluster API works
    assert [n.status for n in nodes] == ["HEALTHY"]
