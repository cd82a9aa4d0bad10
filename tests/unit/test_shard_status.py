"""Shard statuses (pure): ``collection.config.get_shards()``'s parsing with the per-node states
of servers 1.40 and later, the wider ``ShardTypes``, and the readiness rule of
``batch.wait_for_vector_indexing`` compared with the official client's (4.24) on the same
replies. The replies without ``per_node_status`` are the v1.39.3 server's own."""

from __future__ import annotations

import typing
from typing import Any

import pytest

from weaviate_async.classes.config import ShardStatus, ShardTypes
from weaviate_async.exceptions import ResponseCannotBeDecodedError
from weaviate_async.wire.config import shard_statuses_from_json
from weaviate_async.wire.shards import shard_statuses_ready

# GET /v1/schema/{collection}/shards as v1.39.3 answers it
V139 = [{"name": "pK3MZotgl3QV", "status": "READY", "vectorQueueSize": 0}]
# as a server reporting one state per replica answers it (the shape 4.24 reads)
PER_NODE = [
    {
        "name": "s1",
        "status": "READY",
        "vectorQueueSize": 12,
        "per_node_status": {"node1": "READY", "node2": "INDEXING"},
    }
]


def test_shard_types_are_the_official_ones() -> None:
    from weaviate.collections.classes.config import ShardTypes as TheirShardTypes

    assert set(typing.get_args(ShardTypes)) == set(typing.get_args(TheirShardTypes))


def test_get_shards_parses_the_per_node_states_and_their_absence() -> None:
    old = shard_statuses_from_json(V139)
    assert old == [ShardStatus(name="pK3MZotgl3QV", status="READY", vector_queue_size=0)]
    assert old[0].per_node_status is None
    new = shard_statuses_from_json(PER_NODE)[0]
    assert new.per_node_status == {"node1": "READY", "node2": "INDEXING"}
    assert new.vector_queue_size == 12 and new.extra == {}


def test_shard_status_has_the_official_fields() -> None:
    import dataclasses

    from weaviate.collections.classes.config import ShardStatus as TheirShardStatus

    theirs = [f.name for f in dataclasses.fields(TheirShardStatus)]
    ours = [f.name for f in ShardStatus.__attrs_attrs__ if f.name != "extra"]
    assert ours == theirs


def _official_ready(reply: list[dict[str, Any]]) -> bool:
    """The official client's readiness of one collection, from the same reply."""
    from weaviate.collections.batch.batch_wrapper import _BatchWrapper
    from weaviate.collections.classes.batch import Shard as TheirShard

    class _Response:
        status_code = 200

        def json(self) -> Any:
            return reply

    class _Connection:
        def get(self, path: str) -> Any:
            return _Response()

    wrapper = _BatchWrapper.__new__(_BatchWrapper)
    wrapper._connection = _Connection()  # type: ignore[assignment]
    return all(wrapper._get_shards_readiness(TheirShard(collection="Any")))


@pytest.mark.parametrize(
    "reply",
    [
        V139,
        [{"name": "s", "status": "INDEXING", "vectorQueueSize": 40}],
        [{"name": "s", "status": "READONLY", "vectorQueueSize": 0}],
        [{"name": "s", "status": "LAZY_LOADING", "vectorQueueSize": 0}],
        # READY with a count left: the server says READY only once its queues are empty, and
        # 4.24 no longer looks at the count
        [{"name": "s", "status": "READY", "vectorQueueSize": 3}],
        [V139[0], {"name": "t", "status": "INDEXING", "vectorQueueSize": 1}],
        PER_NODE,
        [{"name": "s", "status": "INDEXING", "per_node_status": {"n1": "READY", "n2": "READY"}}],
        [{"name": "s", "status": "READY", "per_node_status": {}}],
        [],
    ],
)
def test_readiness_is_the_official_clients(reply: list[dict[str, Any]]) -> None:
    assert shard_statuses_ready(reply) is _official_ready(reply)


@pytest.mark.parametrize("reply", [None, {"name": "s"}, ["READY"]])
def test_a_reply_of_another_shape_is_a_decoding_error(reply: Any) -> None:
    with pytest.raises(ResponseCannotBeDecodedError):
        shard_statuses_ready(reply)
