"""Cluster and replication over REST: checked arguments, request bodies and parameters, and the
models made from the server's replies. Pure functions.

Endpoints: ``/v1/nodes[/{collection}]`` (``output``, ``shardName``), ``/v1/cluster/statistics``,
``/v1/replication/sharding-state`` and ``/v1/replication/replicate...`` (the last two only
when the server runs with ``REPLICA_MOVEMENT_ENABLED=true``).
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

from weaviate_async._validate import check_bool, check_str, invalid, to_enum, uuid_str
from weaviate_async.exceptions import EmptyResponseError, ResponseCannotBeDecodedError
from weaviate_async.models.cluster import (
    ClusterStatistics,
    NodeStatistics,
    RaftConfigurationMember,
    RaftStats,
    ReplicateOperationState,
    ReplicateOperationStatus,
    ReplicationType,
    ShardingState,
    ShardReplicas,
    _ReplicateOperation,
)
from weaviate_async.models.nodes import Node, Shard, Stats
from weaviate_async.wire.replies import from_fields, json_array, json_object

__all__ = [
    "collection_arg",
    "name_arg",
    "nodes_from_json",
    "nodes_request",
    "operation_from_json",
    "operations_from_json",
    "replicate_body",
    "replication_query",
    "replication_id",
    "sharding_state_from_json",
    "statistics_from_json",
]


def name_arg(value: Any, field: str) -> str:
    """A required, non-empty name (of a shard or a node)."""
    check_str(value, field, allow_empty=False)
    if value is None:
        raise invalid(field, "is required", value)
    text: str = value
    return text


def collection_arg(value: Any, field: str = "collection") -> str:
    """A collection name with its first letter uppercased, as the server stores it."""
    name = name_arg(value, field)
    return name[:1].upper() + name[1:]


def replication_id(value: Any, field: str = "uuid") -> str:
    """The id of a replica operation (a UUID or its text) as canonical text."""
    return uuid_str(value, field)


# ---------------------------------------------------------------------------------- nodes


def nodes_request(collection: Any, shard: Any, output: Any) -> tuple[str, dict[str, str]]:
    """The path and query parameters of a nodes call.

    Raises:
        WeaviateInvalidInputError: an argument is invalid.
    """
    path = "/nodes"
    params: dict[str, str] = {}
    if collection is not None:
        path += "/" + quote(collection_arg(collection), safe="")
    if shard is not None:
        params["shardName"] = name_arg(shard, "shard")
    if output is not None:
        if output not in ("minimal", "verbose"):
            raise invalid("output", "must be 'minimal', 'verbose' or None", output)
        params["output"] = output
    return path, params


def _shard(data: Mapping[str, Any], node: str) -> Shard:
    return from_fields(
        Shard,
        data,
        collection=str(data.get("class", "")),
        name=str(data.get("name", "")),
        node=node,
        vector_indexing_status=data.get("vectorIndexingStatus", "READY"),
        loaded=data.get("loaded"),
    )


def nodes_from_json(body: Any, verbose: bool) -> list[Node[Any, Any]]:
    """The nodes of a ``/v1/nodes`` reply; shards and stats only when ``verbose``.

    Raises:
        EmptyResponseError: the reply lists no node.
    """
    nodes = json_object(body, "nodes").get("nodes")
    if not nodes:
        raise EmptyResponseError("the server's nodes reply lists no node")
    out: list[Node[Any, Any]] = []
    for item in json_array(nodes, "nodes"):
        data = json_object(item, "node")
        name = str(data.get("name", ""))
        shards: list[Shard] | None = None
        stats: Stats | None = None
        if verbose:
            raw_shards = json_array(data.get("shards") or [], "shards")
            shards = [_shard(json_object(s, "shard"), name) for s in raw_shards]
            raw_stats = data.get("stats")
            stats = from_fields(Stats, raw_stats if isinstance(raw_stats, Mapping) else {})
        out.append(
            Node(
                git_hash=str(data.get("gitHash", "None")),
                name=name,
                shards=shards,
                stats=stats,
                status=str(data.get("status", "")),
                version=str(data.get("version", "")),
            )
        )
    return out


# ---------------------------------------------------------------------------------- statistics


def _raft(data: Mapping[str, Any]) -> RaftStats:
    members = data.get("latestConfiguration")
    return from_fields(
        RaftStats,
        data,
        latest_configuration=[
            from_fields(RaftConfigurationMember, m, {"node_id": "id"})
            for m in (members if isinstance(members, list) else [])
            if isinstance(m, Mapping)
        ],
    )


def statistics_from_json(body: Any) -> ClusterStatistics:
    """The :class:`ClusterStatistics` of a ``/v1/cluster/statistics`` reply."""
    data = json_object(body, "cluster statistics")
    nodes = []
    for item in data.get("statistics") or []:
        node = json_object(item, "node statistics")
        candidates = node.get("candidates")
        raft = node.get("raft")
        nodes.append(
            from_fields(
                NodeStatistics,
                node,
                {"is_open": "open"},
                candidates=dict(candidates) if isinstance(candidates, Mapping) else {},
                raft=_raft(raft if isinstance(raft, Mapping) else {}),
            )
        )
    return ClusterStatistics(statistics=nodes, synchronized=bool(data.get("synchronized", False)))


# ---------------------------------------------------------------------------------- replication


def sharding_state_from_json(body: Any) -> ShardingState:
    """The :class:`ShardingState` of a ``/v1/replication/sharding-state`` reply."""
    state = json_object(json_object(body, "sharding state").get("shardingState"), "sharding state")
    shards = []
    for item in state.get("shards") or []:
        shard = json_object(item, "shard replicas")
        replicas = shard.get("replicas")
        shards.append(
            from_fields(
                ShardReplicas,
                shard,
                {"name": "shard"},
                replicas=[str(r) for r in replicas] if isinstance(replicas, list) else [],
            )
        )
    return from_fields(ShardingState, state, shards=shards)


def replicate_body(
    collection: Any, shard: Any, source_node: Any, target_node: Any, replication_type: Any
) -> dict[str, str]:
    """The body of ``POST /v1/replication/replicate``.

    Raises:
        WeaviateInvalidInputError: an argument is invalid.
    """
    kind = to_enum(ReplicationType, replication_type, "replication_type")
    body = {
        "collection": collection_arg(collection),
        "shard": name_arg(shard, "shard"),
        "sourceNode": name_arg(source_node, "source_node"),
        "targetNode": name_arg(target_node, "target_node"),
        "type": kind.value,
    }
    if body["sourceNode"] == body["targetNode"]:
        raise invalid("target_node", "must differ from source_node", target_node)
    return body


def _status(data: Any) -> ReplicateOperationStatus:
    status = json_object(data, "replica operation status")
    errors = status.get("errors") or []
    messages = [
        str(e.get("message", "")) if isinstance(e, Mapping) else str(e)
        for e in (errors if isinstance(errors, list) else [])
    ]
    try:
        state = ReplicateOperationState(status.get("state"))
    except ValueError:
        raise ResponseCannotBeDecodedError._with(
            f"unknown replica operation state {status.get('state')!r}"
        ) from None
    return ReplicateOperationStatus(state=state, errors=messages)


def operation_from_json(body: Any, include_history: bool) -> _ReplicateOperation[Any]:
    """One replica operation; its history only when ``include_history`` (and sent)."""
    data = json_object(body, "replica operation")
    history = data.get("statusHistory")
    try:
        kind = ReplicationType(data.get("type"))
        op_id = uuid_lib.UUID(str(data.get("id")))
    except ValueError as exc:
        raise ResponseCannotBeDecodedError._with(f"replica operation: {exc}") from None
    return from_fields(
        _ReplicateOperation,
        data,
        status=_status(data.get("status")),
        status_history=[_status(h) for h in history]
        if include_history and isinstance(history, list)
        else ([] if include_history else None),
        transfer_type=kind,
        uuid=op_id,
    )


def replication_query(
    collection: Any, shard: Any, target_node: Any, include_history: Any
) -> tuple[dict[str, str], Callable[[_ReplicateOperation[Any]], bool]]:
    """The query parameters of a replica operations query, and the test each returned
    operation must pass.

    The server (v1.39) filters by collection (and shard), or else by target node, never by
    both, and refuses a shard without a collection; the test applies every filter given, so
    that any combination works.

    Raises:
        WeaviateInvalidInputError: an argument is invalid.
    """
    check_bool(include_history, "include_history")
    params: dict[str, str] = {"includeHistory": "true"} if include_history else {}
    coll = collection_arg(collection) if collection is not None else None
    shard_name = name_arg(shard, "shard") if shard is not None else None
    target = name_arg(target_node, "target_node") if target_node is not None else None
    if coll is not None:
        params["collection"] = coll
        if shard_name is not None:
            params["shard"] = shard_name
    elif target is not None:
        params["targetNode"] = target

    def wanted(op: _ReplicateOperation[Any]) -> bool:
        return (
            (coll is None or op.collection == coll)
            and (shard_name is None or op.shard == shard_name)
            and (target is None or op.target_node == target)
        )

    return params, wanted


def operations_from_json(body: Any, include_history: bool) -> list[_ReplicateOperation[Any]]:
    """The replica operations of a list reply."""
    return [
        operation_from_json(item, include_history)
        for item in json_array(body, "replica operations")
    ]
