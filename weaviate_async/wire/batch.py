"""Batch insertion over gRPC: ``BatchObjectsRequest`` from user objects and per-index results
from ``BatchObjectsReply``. Pure functions.

Every object gets its uuid here (the given one, or a random one), so the result can report the
uuid of each index whether it succeeded or failed.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from weaviate_async._validate import (
    invalid,
    uuid_str,
)
from weaviate_async.classes.data import DataObject
from weaviate_async.classes.internal import BatchObject, BatchObjectReturn, ErrorObject
from weaviate_async.collections.scope import CollectionScope
from weaviate_async.exceptions import WeaviateInsertManyAllFailedError
from weaviate_async.proto.weaviate.v1 import base_pb2, batch_pb2
from weaviate_async.wire.values import (
    consistency_level_pb,
    encode_grpc_properties,
    pack_any_vector,
    vectors_pb,
)

__all__ = ["BatchPlan", "batch_objects_request", "batch_objects_result"]

_SINGLE_NAME = ""
_SINGLE = base_pb2.Vectors.VECTOR_TYPE_SINGLE_FP32
_MULTI = base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32


@attrs.frozen
class BatchPlan:
    """A built batch request and what is needed to report on it.

    Attributes:
        request: the ``BatchObjectsRequest`` to send.
        uuids: the uuid of each object, by input index.
        objects: the input objects, by input index.
        collection: the collection name.
        tenant: the tenant, if any.
    """

    request: batch_pb2.BatchObjectsRequest
    uuids: list[str]
    objects: Sequence[Any]
    collection: str
    tenant: str | None


class _Dims:
    """The dimension of each target vector in a batch: all objects must agree."""

    __slots__ = ("seen",)

    def __init__(self) -> None:
        self.seen: dict[str, tuple[int, int]] = {}

    def check(self, name: str, dim: int, index: int, field: str) -> None:
        first = self.seen.setdefault(name, (dim, index))
        if first[0] != dim:
            which = "the vector" if name == _SINGLE_NAME else f"vector {name!r}"
            raise invalid(
                field,
                f"has {dim} dimensions, but {which} of objects[{first[1]}] has {first[0]}",
            )


def _vector_fields(vector: Any, index: int, dims: _Dims) -> dict[str, Any]:
    field = f"objects[{index}].vector"
    if isinstance(vector, Mapping):
        vecs = vectors_pb(vector, field)
        for v in vecs:
            packed = v.vector_bytes
            # A multi-vector starts with its row length (little-endian uint16).
            dim = packed[0] | (packed[1] << 8) if v.type == _MULTI else len(packed) // 4
            dims.check(v.name, dim, index, f"{field}[{v.name!r}]")
        return {"vectors": vecs}
    packed, kind = pack_any_vector(vector, field)
    if kind != _SINGLE:
        raise invalid(
            field, "a multi-vector must be given by name: {'name': [[...], [...]]}", vector
        )
    dims.check(_SINGLE_NAME, len(packed) // 4, index, field)
    return {"vector_bytes": packed}


def batch_objects_request(
    objects: Sequence[Mapping[str, Any] | DataObject[Any, Any]], scope: CollectionScope
) -> BatchPlan:
    """Build the request for ``insert_many``.

    Args:
        objects: property dicts, or :class:`DataObject` with uuid / vector / references.
        scope: the collection, tenant and consistency level to insert with.

    Raises:
        WeaviateInvalidInputError: an object is invalid; the field names its index, e.g.
            ``objects[3].vector``. Nothing is sent then.
    """
    if isinstance(objects, (str, bytes, Mapping)) or not isinstance(objects, Sequence):
        raise invalid("objects", "must be a list of property dicts or DataObject", objects)
    make = batch_pb2.BatchObject
    collection = scope.name
    tenant_str = scope.tenant or ""
    uuid4 = uuid_lib.uuid4
    dims = _Dims()
    out: list[batch_pb2.BatchObject] = []
    uuids: list[str] = []
    for i, obj in enumerate(objects):
        if isinstance(obj, DataObject):
            props = obj.properties
            uid = uuid_str(obj.uuid, f"objects[{i}].uuid") if obj.uuid is not None else str(uuid4())
            extra = {} if obj.vector is None else _vector_fields(obj.vector, i, dims)
            pb_props = encode_grpc_properties(props, obj.references, f"objects[{i}].properties")
        elif isinstance(obj, Mapping):
            uid = str(uuid4())
            extra = {}
            pb_props = encode_grpc_properties(obj, None, f"objects[{i}].properties")
        else:
            raise invalid(f"objects[{i}]", "must be a dict of properties or a DataObject", obj)
        uuids.append(uid)
        out.append(
            make(uuid=uid, collection=collection, tenant=tenant_str, properties=pb_props, **extra)
        )
    request = batch_pb2.BatchObjectsRequest(
        objects=out,
        consistency_level=consistency_level_pb(scope.consistency_level),  # type: ignore[arg-type]
    )
    return BatchPlan(request, uuids, objects, collection, scope.tenant)


def _batch_object(plan: BatchPlan, index: int) -> BatchObject:
    obj = plan.objects[index]
    if isinstance(obj, DataObject):
        return BatchObject(
            collection=plan.collection,
            properties=obj.properties,
            references=obj.references,
            uuid=plan.uuids[index],
            vector=obj.vector,
            tenant=plan.tenant,
            index=index,
        )
    return BatchObject(
        collection=plan.collection,
        properties=obj,
        uuid=plan.uuids[index],
        tenant=plan.tenant,
        index=index,
    )


def batch_objects_result(
    plan: BatchPlan, reply: batch_pb2.BatchObjectsReply, elapsed_seconds: float
) -> BatchObjectReturn:
    """Per-index results of a batch: the uuid of each inserted object, the error of each
    failed one.

    Raises:
        WeaviateInsertManyAllFailedError: every object of a non-empty batch failed.
    """
    n = len(plan.uuids)
    messages = {e.index: e.error for e in reply.errors}
    if n and len(messages) >= n:
        distinct = "\n".join(sorted(set(messages.values())))
        raise WeaviateInsertManyAllFailedError(
            "Every object failed during insertion. Here is the set of all errors: " + distinct,
            operation="data.insert_many",
            target="weaviate.v1.Weaviate/BatchObjects",
            server_message=distinct,
        )
    all_responses: list[uuid_lib.UUID | ErrorObject] = []
    uuids: dict[int, uuid_lib.UUID] = {}
    errors: dict[int, ErrorObject] = {}
    objects = plan.objects
    for i, uid in enumerate(plan.uuids):
        message = messages.get(i)
        if message is None:
            value = uuid_lib.UUID(uid)
            uuids[i] = value
            all_responses.append(value)
        else:
            obj = objects[i]
            original = obj.uuid if isinstance(obj, DataObject) else None
            error = ErrorObject(message, _batch_object(plan, i), original_uuid=original)
            errors[i] = error
            all_responses.append(error)
    return BatchObjectReturn(
        all_responses=all_responses,
        elapsed_seconds=elapsed_seconds,
        errors=errors,
        uuids=uuids,
        has_errors=bool(errors),
    )
