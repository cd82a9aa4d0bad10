"""client.cluster and consistency levels on the three-node loopback cluster (fixture ``cluster``,
replica movement enabled): nodes, statistics and sharding states of a replicated collection;
writes and reads at ONE, QUORUM and ALL (data, query, batch), with a node down and back; a
shard replica copied, moved and canceled with ``cluster.replicate``, followed to the end with
``cluster.replications``.

The node is stopped with SIGKILL, not a clean stop: a cleanly stopped node leaves the cluster
at once, after which ALL is satisfied by the two nodes left. A killed node stays a member until
the others declare it dead, about 20 s later. Right after the kill a write at ALL is sent,
together with a read at QUORUM: the write fails after those 20 s with "cannot achieve
consistency level ALL" (HTTP 500), or, about once in eight runs, the server does not answer
it at all and the client's time limit (30 s here) ends it with WeaviateTimeoutError; the read
succeeds at once. Writes in the first seconds
after a kill were seen to hang or fail on the server (its connections to the dead node are torn
down), so the QUORUM writes (data and batch) are made once node3 is declared dead. The node is
then launched again on its data and ports; it missed those writes until a read at ALL repairs
them.

Async only: the blocking twin adds nothing to these server behaviours (the calls are the same
as in test_cluster_api.py, which has a twin).
"""

from __future__ import annotations

import asyncio
import time
import uuid as uuid_lib
from collections.abc import AsyncIterator
from typing import Any

import pytest

import weaviate_async
from weaviate_async.classes.config import Configure, ConsistencyLevel, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.classes.init import AdditionalConfig, Timeout
from weaviate_async.classes.replication import ReplicationType
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import (
    UnexpectedStatusCodeError,
    WeaviateBaseError,
    WeaviateTimeoutError,
)
from weaviate_async.outputs.replication import ReplicateOperationState

pytestmark = pytest.mark.cluster

NODES = ["node1", "node2", "node3"]
ONE, QUORUM, ALL = ConsistencyLevel.ONE, ConsistencyLevel.QUORUM, ConsistencyLevel.ALL


async def _connect(server: EmbeddedServer) -> WeaviateAsyncClient:
    return await weaviate_async.connect_to_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    )


@pytest.fixture
async def clients(cluster: list[EmbeddedServer]) -> AsyncIterator[list[WeaviateAsyncClient]]:
    """One client per node; the collections the test made are deleted afterwards."""
    made = [await _connect(s) for s in cluster]
    yield made
    for c in made:
        await c.close()


@pytest.fixture
async def name(clients: list[WeaviateAsyncClient]) -> AsyncIterator[str]:
    collection = "Cluster" + uuid_lib.uuid4().hex[:10]
    yield collection
    await clients[0].collections.delete(collection)


async def _replicated(clients: list[WeaviateAsyncClient], name: str, **options: Any) -> Any:
    """Create on the first node and return once every node can search the collection: a
    follower applies the schema from the Raft log a moment later, and until then its gRPC
    search says "could not find class"."""
    collection = await clients[0].collections.create(
        name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
        **options,
    )
    await _searchable(clients, name)
    return collection


async def _searchable(clients: list[WeaviateAsyncClient], name: str) -> None:
    """Wait until every client's node can search ``name`` (a follower, or a node just
    restarted, knows the collection once it has applied the schema from the Raft log)."""
    deadline = time.monotonic() + 30
    for client in clients:
        while True:
            try:
                handle = client.collections.use(name).with_consistency_level(ONE)
                await handle.query.fetch_objects(limit=1)  # ONE: no read repair
                break
            except WeaviateBaseError:
                assert time.monotonic() < deadline, client
                await asyncio.sleep(0.1)


async def _until_healthy(client: WeaviateAsyncClient, deadline: float) -> None:
    while True:
        try:
            nodes = await client.cluster.nodes()
            statistics = await client.cluster.statistics()
        except WeaviateBaseError:
            nodes, statistics = [], None
        if (
            sorted(n.name for n in nodes) == NODES
            and {n.status for n in nodes} == {"HEALTHY"}
            and statistics is not None
            and statistics.synchronized
        ):
            return
        assert time.monotonic() < deadline, nodes
        await asyncio.sleep(0.5)


async def test_nodes_statistics_and_sharding_state_of_three_nodes(
    clients: list[WeaviateAsyncClient], name: str
) -> None:
    first = clients[0]
    nodes = await first.cluster.nodes()
    assert sorted(n.name for n in nodes) == NODES and {n.status for n in nodes} == {"HEALTHY"}
    assert all(n.shards is None and n.stats is None for n in nodes)

    collection = await _replicated(
        clients, name, replication_config=Configure.replication(factor=3)
    )
    result = await collection.with_consistency_level(ALL).data.insert_many(
        [DataObject(properties={"title": f"t{i}"}, vector=[i, 1.0]) for i in range(12)]
    )
    assert not result.has_errors

    verbose = await clients[1].cluster.nodes(name, output="verbose")
    assert sorted(n.name for n in verbose) == NODES
    shard_names = {s.name for s in verbose[0].shards or []}
    assert shard_names  # one replica of every shard on every node (factor 3 on 3 nodes)
    for node in verbose:
        assert node.shards is not None and node.stats is not None
        assert {s.name for s in node.shards} == shard_names
        assert {(s.collection, s.node) for s in node.shards} == {(name, node.name)}
        assert node.stats.shard_count == len(shard_names)
    one_shard = sorted(shard_names)[0]
    only = await first.cluster.nodes(name, shard=one_shard, output="verbose")
    assert all([s.name for s in n.shards or []] == [one_shard] for n in only)

    state = await clients[2].cluster.query_sharding_state(collection=name)
    assert state is not None and {s.name for s in state.shards} == shard_names
    assert all(sorted(s.replicas) == NODES for s in state.shards)

    stats = await first.cluster.statistics()
    assert sorted(s.name for s in stats.statistics) == NODES
    leaders = [s.name for s in stats.statistics if s.raft.state == "Leader"]
    assert len(leaders) == 1
    assert {s.leader_id for s in stats.statistics} == set(leaders)
    assert all(s.raft.num_peers == "2" and s.is_voter for s in stats.statistics)
    assert all(
        sorted(m.node_id for m in s.raft.latest_configuration) == NODES for s in stats.statistics
    )


async def test_consistency_levels_with_a_node_down_and_back(
    cluster: list[EmbeddedServer], clients: list[WeaviateAsyncClient], name: str
) -> None:
    first = clients[0]
    collection = await _replicated(
        clients, name, replication_config=Configure.replication(factor=3)
    )
    written = {}
    for level in (ONE, QUORUM, ALL):
        handle = collection.with_consistency_level(level)
        written[level] = await handle.data.insert({"title": f"at {level.value}"}, vector=[1.0, 2.0])
    for level in (ONE, QUORUM, ALL):
        level_handle = collection.with_consistency_level(level)
        async with level_handle.batch.fixed_size(batch_size=4) as batch:
            for i in range(6):
                await batch.add_object({"title": f"batch {level.value} {i}"}, vector=[i, 0.5])
        assert level_handle.batch.failed_objects == []
        assert len(level_handle.batch.results.objs.uuids) == 6
    # every write is on every node: reads at each level from each node find them
    await asyncio.sleep(0.5)  # a write at ONE returns once one replica has it
    for client in clients:
        handle = client.collections.use(name)
        for level in (ONE, QUORUM, ALL):
            for level_written, object_id in written.items():
                found = await handle.with_consistency_level(level).query.fetch_object_by_id(
                    object_id
                )
                assert found is not None, (client, level, level_written)
                assert found.properties["title"] == f"at {level_written.value}"
        everything = await handle.with_consistency_level(ALL).query.fetch_objects(limit=100)
        assert len(everything.objects) == 21

    cluster[2].kill()  # SIGKILL: node3 stays a member for ~20 s
    try:
        killed = time.monotonic()
        quorum = collection.with_consistency_level(QUORUM)
        at_all = collection.with_consistency_level(ALL)
        # the server may also not answer at all: a client of its own bounds the wait
        impatient = await weaviate_async.connect_to_local(
            host=cluster[0].host,
            port=cluster[0].http_port,
            grpc_port=cluster[0].grpc_port,
            additional_config=AdditionalConfig(timeout=Timeout(insert=30)),
        )

        async def insert_at_all() -> Any:
            handle = impatient.collections.use(name).with_consistency_level(ALL)
            try:
                return await handle.data.insert({"title": "refused"}, vector=[4.0, 4.0])
            finally:
                await impatient.close()

        async def read_at_quorum() -> Any:
            return await quorum.query.fetch_object_by_id(written[ALL])

        insert_outcome, read = await asyncio.gather(
            insert_at_all(), read_at_quorum(), return_exceptions=True
        )
        outcomes = (round(time.monotonic() - killed), insert_outcome, read)
        assert time.monotonic() - killed < 40, outcomes
        if isinstance(insert_outcome, WeaviateTimeoutError):
            # seen about once in eight runs: the server holds the write past node3's death
            assert "data.insert timed out after 30 s" in str(insert_outcome)
        else:
            assert isinstance(insert_outcome, UnexpectedStatusCodeError), insert_outcome
            assert insert_outcome.status_code == 500
            assert 'cannot achieve consistency level "ALL"' in str(insert_outcome)
        assert not isinstance(read, BaseException) and read is not None, read

        # Writes in the first seconds after the kill may hang or fail on the server (its
        # connections to node3 are torn down): QUORUM is written once node3 is declared dead.
        deadline = time.monotonic() + 60
        while "node3" in {n.name for n in await first.cluster.nodes() if n.status == "HEALTHY"}:
            assert time.monotonic() < deadline
            await asyncio.sleep(0.5)
        started = time.monotonic()
        while_down = await quorum.data.insert({"title": "while node3 is down"}, vector=[3.0, 3.0])
        found = await quorum.query.fetch_object_by_id(while_down)
        assert found is not None and found.properties["title"] == "while node3 is down"
        async with quorum.batch.fixed_size(batch_size=4) as batch:
            for i in range(5):
                await batch.add_object({"title": f"quorum batch {i}"}, vector=[7.0, float(i)])
        assert quorum.batch.failed_objects == []
        assert time.monotonic() - started < 10
    finally:
        cluster[2].launch()  # the same ports and data
        await asyncio.to_thread(cluster[2].wait_ready)
    await _until_healthy(first, time.monotonic() + 90)

    # node3 missed the write: at ONE on node3 (reads prefer the local replica) it is not
    # there; a read at ALL coordinated by node1 repairs it, after which node3 has it too
    node3 = await _connect(cluster[2])
    try:
        await _searchable([node3], name)
        on_node3 = node3.collections.use(name).with_consistency_level(ONE)
        assert await on_node3.query.fetch_object_by_id(while_down) is None
        repaired = await at_all.query.fetch_object_by_id(while_down)
        assert repaired is not None and repaired.properties["title"] == "while node3 is down"
        back = await on_node3.query.fetch_object_by_id(while_down)
        assert back is not None and back.properties["title"] == "while node3 is down"

        after = await at_all.data.insert({"title": "all nodes back"}, vector=[6.0, 6.0])
        for client in (*clients[:2], node3):
            handle = client.collections.use(name).with_consistency_level(ONE)
            assert await handle.query.fetch_object_by_id(after) is not None
    finally:
        await node3.close()


async def _follow(
    client: WeaviateAsyncClient, op_id: uuid_lib.UUID, deadline: float
) -> ReplicateOperationState:
    """Poll a replica operation until it is READY or CANCELLED."""
    while True:
        op = await client.cluster.replications.get(uuid=op_id)
        assert op is not None
        if op.status.state in (ReplicateOperationState.READY, ReplicateOperationState.CANCELLED):
            return op.status.state
        assert time.monotonic() < deadline, op
        await asyncio.sleep(0.5)


async def test_replicate_copies_and_moves_a_shard_replica(
    clients: list[WeaviateAsyncClient], name: str
) -> None:
    first = clients[0]
    collection = await _replicated(
        clients,
        name,
        replication_config=Configure.replication(factor=1),
        sharding_config=Configure.sharding(desired_count=1),
    )
    result = await collection.data.insert_many(
        [DataObject(properties={"title": f"t{i}"}, vector=[float(i), 1.0]) for i in range(40)]
    )
    assert not result.has_errors
    state = await first.cluster.query_sharding_state(collection=name)
    assert state is not None and len(state.shards) == 1
    (shard,) = state.shards
    (source,) = shard.replicas
    copy_to, move_to = (n for n in NODES if n != source)
    replications = first.cluster.replications

    copy_id = await first.cluster.replicate(
        collection=name, shard=shard.name, source_node=source, target_node=copy_to
    )
    assert await _follow(first, copy_id, time.monotonic() + 120) is ReplicateOperationState.READY
    done = await replications.get(uuid=copy_id, include_history=True)
    assert done is not None and done.transfer_type is ReplicationType.COPY
    assert done.status_history is not None
    history = [s.state for s in done.status_history]
    assert history[0] is ReplicateOperationState.REGISTERED
    assert ReplicateOperationState.HYDRATING in history
    after_copy = await first.cluster.query_sharding_state(collection=name, shard=shard.name)
    assert after_copy is not None and sorted(after_copy.shards[0].replicas) == sorted(
        [source, copy_to]
    )

    move_id = await first.cluster.replicate(
        collection=name,
        shard=shard.name,
        source_node=source,
        target_node=move_to,
        replication_type=ReplicationType.MOVE,
    )
    queried = await replications.query(collection=name, target_node=move_to)
    assert [o.uuid for o in queried] == [move_id]
    assert await _follow(first, move_id, time.monotonic() + 120) is ReplicateOperationState.READY
    after_move = await first.cluster.query_sharding_state(collection=name)
    assert after_move is not None
    assert sorted(after_move.shards[0].replicas) == sorted([copy_to, move_to])
    listed = {o.uuid: o for o in await replications.list_all()}
    assert listed[move_id].transfer_type is ReplicationType.MOVE
    assert listed[move_id].status_history is not None

    # the data is where the replicas are: each node's client reads all of it
    for client in clients:
        handle = client.collections.use(name).with_consistency_level(ALL)
        assert len((await handle.query.fetch_objects(limit=100)).objects) == 40

    # a finished operation cannot be canceled; deleting it removes it
    with pytest.raises(UnexpectedStatusCodeError) as finished:
        await replications.cancel(uuid=copy_id)
    assert finished.value.status_code == 409
    await replications.delete(uuid=copy_id)
    deadline = time.monotonic() + 60
    while await replications.get(uuid=copy_id) is not None:
        assert time.monotonic() < deadline
        await asyncio.sleep(0.5)
    await replications.delete_all()
    deadline = time.monotonic() + 60
    while await replications.query(collection=name):
        assert time.monotonic() < deadline
        await asyncio.sleep(0.5)


async def test_a_replica_copy_canceled_at_once(
    clients: list[WeaviateAsyncClient], name: str
) -> None:
    first = clients[0]
    await _replicated(
        clients,
        name,
        replication_config=Configure.replication(factor=1),
        sharding_config=Configure.sharding(desired_count=1),
    )
    state = await first.cluster.query_sharding_state(collection=name)
    assert state is not None
    (shard,) = state.shards
    (source,) = shard.replicas
    target = next(n for n in NODES if n != source)
    # the server picks a registered operation up after a few seconds: canceled before that
    op_id = await first.cluster.replicate(
        collection=name, shard=shard.name, source_node=source, target_node=target
    )
    await first.cluster.replications.cancel(uuid=op_id)
    final = await _follow(first, op_id, time.monotonic() + 60)
    assert final is ReplicateOperationState.CANCELLED
    unchanged = await first.cluster.query_sharding_state(collection=name)
    assert unchanged is not None and unchanged.shards[0].replicas == [source]
    await first.cluster.replications.delete(uuid=op_id)
