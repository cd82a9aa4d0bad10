"""Batch import on the wire: each object and reference is encoded once, requests are assembled
from the encoded parts, and replies are read back per index. Pure functions.

An object is serialized to its ``BatchObject`` bytes when it is added (and checked then, so bad
input fails before anything is sent). A request is the concatenation of those parts, framed as
the repeated field 1 of ``BatchObjectsRequest`` / ``BatchReferencesRequest``: building it costs
a join, a retry re-sends the same bytes, and a request is split by its exact encoded size.

Every object gets its uuid when it is encoded (the given one, or a random one), so a retry is
idempotent and a report names the uuid of each object whether it landed or not.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from weaviate_async._validate import invalid, uuid_str
from weaviate_async.classes.batch import (
    BatchObject,
    BatchObjectReturn,
    BatchReference,
    ErrorObject,
)
from weaviate_async.classes.data import DataObject, ReferenceToMulti
from weaviate_async.exceptions import WeaviateInsertManyAllFailedError
from weaviate_async.proto.weaviate.v1 import base_pb2, batch_pb2
from weaviate_async.wire.values import (
    consistency_level_pb,
    encode_grpc_properties,
    pack_any_vector,
    vectors_pb,
)

if TYPE_CHECKING:
    from weaviate_async.collections.scope import CollectionScope

__all__ = [
    "InsertManyPlan",
    "PendingObject",
    "PendingReference",
    "VectorDims",
    "batch_object",
    "batch_reference",
    "encode_object",
    "encode_references",
    "framed_size",
    "insert_many_plan",
    "insert_many_result",
    "reply_errors",
    "request_bytes",
    "split_by_size",
    "stream_data_bytes",
]

_SINGLE_NAME = ""
_SINGLE = base_pb2.Vectors.VECTOR_TYPE_SINGLE_FP32
_MULTI = base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32
_BatchObjectPb = batch_pb2.BatchObject
_BatchReferencePb = batch_pb2.BatchReference
_uuid4 = uuid_lib.uuid4


def _varint(n: int) -> bytes:
    if n < 0x80:
        return bytes((n,))
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def framed_size(data: bytes) -> int:
    """The size ``data`` takes as one element of a repeated message field."""
    n = len(data)
    return n + 1 + (1 if n < 0x80 else len(_varint(n)))


class PendingObject:
    """One object on its way to the server: its encoded ``BatchObject`` and what a report
    needs if it fails.

    Attributes:
        index: its position (the order it was added in, or its index in ``insert_many``).
        uuid: the uuid it is sent with.
        data: the serialized ``BatchObject``.
        size: ``len(data)`` plus its framing in a request.
        collection: its collection.
        tenant: its tenant, or None.
        properties, references, vector: as the user gave them.
        original_uuid: the uuid the user gave, or None.
        retry_count: how often it was re-sent.
    """

    __slots__ = (
        "collection",
        "data",
        "index",
        "original_uuid",
        "properties",
        "references",
        "retry_count",
        "size",
        "tenant",
        "uuid",
        "vector",
    )

    def __init__(
        self,
        index: int,
        uuid: str,
        data: bytes,
        collection: str,
        tenant: str | None,
        properties: Any,
        references: Any,
        vector: Any,
        original_uuid: Any,
    ) -> None:
        self.index = index
        self.uuid = uuid
        self.data = data
        self.size = framed_size(data)
        self.collection = collection
        self.tenant = tenant
        self.properties = properties
        self.references = references
        self.vector = vector
        self.original_uuid = original_uuid
        self.retry_count = 0


class PendingReference:
    """One reference on its way to the server (one target uuid).

    Attributes:
        index: its position (the order it was added in).
        data: the serialized ``BatchReference``.
        size: ``len(data)`` plus its framing in a request.
        from_collection, from_uuid, from_property, to_uuid, to_collection, tenant: as sent.
        after_object: the number of objects added before it: it is sent once those are done,
            so that its source object exists.
        retry_count: how often it was re-sent.
    """

    __slots__ = (
        "after_object",
        "data",
        "from_collection",
        "from_property",
        "from_uuid",
        "index",
        "retry_count",
        "size",
        "tenant",
        "to_collection",
        "to_uuid",
    )

    def __init__(
        self,
        index: int,
        data: bytes,
        from_collection: str,
        from_uuid: str,
        from_property: str,
        to_uuid: str,
        to_collection: str | None,
        tenant: str | None,
        after_object: int,
    ) -> None:
        self.index = index
        self.data = data
        self.size = framed_size(data)
        self.from_collection = from_collection
        self.from_uuid = from_uuid
        self.from_property = from_property
        self.to_uuid = to_uuid
        self.to_collection = to_collection
        self.tenant = tenant
        self.after_object = after_object
        self.retry_count = 0

    @property
    def beacon(self) -> str:
        """The reference as the server names it in stream replies."""
        to = f"{self.to_collection}/{self.to_uuid}" if self.to_collection else self.to_uuid
        return f"weaviate://localhost/{self.from_collection}/{self.from_uuid}/{self.from_property}#{to}"


class VectorDims:
    """The dimension of each target vector of each collection: within one call or batch, all
    objects must agree (the server would refuse the odd ones one by one)."""

    __slots__ = ("seen",)

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], tuple[int, int]] = {}

    def check(self, collection: str, name: str, dim: int, index: int, field: str) -> None:
        """Raise when ``dim`` differs from the first dimension seen for this target."""
        first = self.seen.setdefault((collection, name), (dim, index))
        if first[0] != dim:
            which = "the vector" if name == _SINGLE_NAME else f"vector {name!r}"
            raise invalid(
                field,
                f"has {dim} dimensions, but {which} of objects[{first[1]}] has {first[0]}",
            )


def _vector_fields(
    vector: Any, collection: str, index: int, dims: VectorDims | None
) -> dict[str, Any]:
    field = f"objects[{index}].vector"
    if isinstance(vector, Mapping):
        vecs = vectors_pb(vector, field)
        if dims is not None:
            for v in vecs:
                packed = v.vector_bytes
                # A multi-vector starts with its row length (little-endian uint16).
                dim = packed[0] | (packed[1] << 8) if v.type == _MULTI else len(packed) // 4
                dims.check(collection, v.name, dim, index, f"{field}[{v.name!r}]")
        return {"vectors": vecs}
    packed, kind = pack_any_vector(vector, field)
    if kind != _SINGLE:
        raise invalid(
            field, "a multi-vector must be given by name: {'name': [[...], [...]]}", vector
        )
    if dims is not None:
        dims.check(collection, _SINGLE_NAME, len(packed) // 4, index, field)
    return {"vector_bytes": packed}


def encode_object(
    index: int,
    collection: str,
    tenant: str | None,
    properties: Mapping[str, Any] | None,
    references: Mapping[str, Any] | None,
    uuid: Any,
    vector: Any,
    dims: VectorDims | None = None,
) -> PendingObject:
    """Check and encode one object.

    Raises:
        WeaviateInvalidInputError: the object is invalid; the field names its index, e.g.
            ``objects[3].vector[2]`` or ``objects[3].properties.price``.
    """
    uid = str(_uuid4()) if uuid is None else uuid_str(uuid, f"objects[{index}].uuid")
    pb_props = (
        encode_grpc_properties(properties, references, f"objects[{index}].properties")
        if properties or references
        else None
    )
    if vector is None:
        msg = _BatchObjectPb(uuid=uid, collection=collection, tenant=tenant, properties=pb_props)
    else:
        msg = _BatchObjectPb(
            uuid=uid,
            collection=collection,
            tenant=tenant,
            properties=pb_props,
            **_vector_fields(vector, collection, index, dims),
        )
    return PendingObject(
        index,
        uid,
        msg.SerializeToString(),
        collection,
        tenant,
        properties,
        references,
        vector,
        uuid,
    )


def _targets(to: Any, field: str) -> tuple[list[str], str | None]:
    if isinstance(to, ReferenceToMulti):
        if not isinstance(to.target_collection, str) or not to.target_collection:
            raise invalid(f"{field}.target_collection", "must be a collection name", to)
        return to.uuids_str, to.target_collection
    if isinstance(to, (str, uuid_lib.UUID)):
        return [uuid_str(to, field)], None
    if isinstance(to, Sequence) and to:
        return [uuid_str(u, f"{field}[{i}]") for i, u in enumerate(to)], None
    raise invalid(field, "must be a UUID, a non-empty list of UUIDs or a ReferenceToMulti", to)


def encode_references(
    from_collection: str,
    from_uuid: Any,
    from_property: str,
    to: Any,
    tenant: str | None,
) -> list[PendingReference]:
    """Check and encode the references from one object's property to one or more targets: one
    :class:`PendingReference` per target, indexed from 0 (the caller numbers them).

    Raises:
        WeaviateInvalidInputError: an argument is invalid (the field names it).
    """
    if not isinstance(from_collection, str) or not from_collection:
        raise invalid("from_collection", "must be a collection name", from_collection)
    if not isinstance(from_property, str) or not from_property:
        raise invalid("from_property", "must be a property name", from_property)
    source = uuid_str(from_uuid, "from_uuid")
    targets, to_collection = _targets(to, "to")
    out: list[PendingReference] = []
    for i, target in enumerate(targets):
        msg = _BatchReferencePb(
            name=from_property,
            from_collection=from_collection,
            from_uuid=source,
            to_collection=to_collection,
            to_uuid=target,
            tenant=tenant,
        )
        out.append(
            PendingReference(
                i,
                msg.SerializeToString(),
                from_collection,
                source,
                from_property,
                target,
                to_collection,
                tenant,
                0,
            )
        )
    return out


def request_bytes(
    items: Iterable[PendingObject | PendingReference], consistency_level: Any = None
) -> bytes:
    """A serialized ``BatchObjectsRequest`` (or ``BatchReferencesRequest``, which has the same
    layout: the items as field 1, the consistency level as field 2)."""
    parts = [b"\n" + _varint(len(p.data)) + p.data for p in items]
    level = consistency_level_pb(consistency_level)
    if level:
        parts.append(b"\x10" + _varint(level))
    return b"".join(parts)


def stream_data_bytes(
    objects: Sequence[PendingObject], references: Sequence[PendingReference]
) -> bytes:
    """A serialized ``BatchStreamRequest`` carrying ``Data`` with these objects and references."""
    inner = b""
    if objects:
        values = b"".join(b"\n" + _varint(len(p.data)) + p.data for p in objects)
        inner += b"\n" + _varint(len(values)) + values
    if references:
        values = b"".join(b"\n" + _varint(len(p.data)) + p.data for p in references)
        inner += b"\x12" + _varint(len(values)) + values
    return b"\x12" + _varint(len(inner)) + inner


def split_by_size(
    items: Sequence[PendingObject] | Sequence[PendingReference], limit: int
) -> Iterator[list[Any]]:
    """``items`` in consecutive groups of at most ``limit`` encoded bytes each (an item larger
    than ``limit`` on its own forms a group of one: the server will judge it)."""
    group: list[Any] = []
    size = 0
    for item in items:
        if group and size + item.size > limit:
            yield group
            group, size = [], 0
        group.append(item)
        size += item.size
    if group:
        yield group


def reply_errors(
    reply: batch_pb2.BatchObjectsReply | batch_pb2.BatchReferencesReply,
) -> dict[int, str]:
    """The server's error message by index within the request."""
    return {e.index: e.error for e in reply.errors}


def batch_object(item: PendingObject) -> BatchObject:
    """The report form of an object that was (or was to be) sent."""
    return BatchObject(
        collection=item.collection,
        properties=item.properties,
        references=item.references,
        uuid=item.uuid,
        vector=item.vector,
        tenant=item.tenant,
        index=item.index,
        retry_count=item.retry_count,
    )


def batch_reference(item: PendingReference) -> BatchReference:
    """The report form of a reference that was (or was to be) sent."""
    return BatchReference(
        from_object_collection=item.from_collection,
        from_object_uuid=item.from_uuid,
        from_property_name=item.from_property,
        to_object_uuid=item.to_uuid,
        to_object_collection=item.to_collection,
        tenant=item.tenant,
        index=item.index,
    )


class InsertManyPlan:
    """The encoded objects of one ``insert_many`` call, by input index.

    Attributes:
        items: the encoded objects, in input order.
        consistency_level: the scope's consistency level.
    """

    __slots__ = ("consistency_level", "items")

    def __init__(self, items: list[PendingObject], consistency_level: Any) -> None:
        self.items = items
        self.consistency_level = consistency_level

    @property
    def uuids(self) -> list[str]:
        """The uuid of each object, by input index."""
        return [p.uuid for p in self.items]


def insert_many_plan(
    objects: Sequence[Mapping[str, Any] | DataObject[Any, Any]], scope: CollectionScope
) -> InsertManyPlan:
    """Check and encode the objects of ``insert_many``.

    Args:
        objects: property dicts, or :class:`DataObject` with uuid / vector / references.
        scope: the collection, tenant and consistency level to insert with.

    Raises:
        WeaviateInvalidInputError: an object is invalid; the field names its index, e.g.
            ``objects[3].vector``. Nothing is sent then.
    """
    if isinstance(objects, (str, bytes, Mapping)) or not isinstance(objects, Sequence):
        raise invalid("objects", "must be a list of property dicts or DataObject", objects)
    collection, tenant = scope.name, scope.tenant
    dims = VectorDims()
    items: list[PendingObject] = []
    append = items.append
    for i, obj in enumerate(objects):
        if isinstance(obj, DataObject):
            append(
                encode_object(
                    i,
                    collection,
                    tenant,
                    obj.properties,
                    obj.references,
                    obj.uuid,
                    obj.vector,
                    dims,
                )
            )
        elif isinstance(obj, Mapping):
            append(encode_object(i, collection, tenant, obj, None, None, None, dims))
        else:
            raise invalid(f"objects[{i}]", "must be a dict of properties or a DataObject", obj)
    return InsertManyPlan(items, scope.consistency_level)


def insert_many_result(
    plan: InsertManyPlan, errors: Mapping[int, str], elapsed_seconds: float
) -> BatchObjectReturn:
    """Per-index results of ``insert_many``: the uuid of each inserted object, the error of each
    failed one (``errors``: input index -> the server's message).

    Raises:
        WeaviateInsertManyAllFailedError: every object of a non-empty call failed.
    """
    n = len(plan.items)
    if n and len(errors) >= n:
        distinct = "\n".join(sorted(set(errors.values())))
        raise WeaviateInsertManyAllFailedError(
            "Every object failed during insertion. Here is the set of all errors: " + distinct,
            operation="data.insert_many",
            target="weaviate.v1.Weaviate/BatchObjects",
            server_message=distinct,
        )
    responses: list[uuid_lib.UUID | ErrorObject] = []
    uuids: dict[int, uuid_lib.UUID] = {}
    failed: dict[int, ErrorObject] = {}
    for item in plan.items:
        message = errors.get(item.index)
        if message is None:
            value = uuids[item.index] = uuid_lib.UUID(item.uuid)
            responses.append(value)
        else:
            error = failed[item.index] = ErrorObject(
                message, batch_object(item), item.original_uuid
            )
            responses.append(error)
    return BatchObjectReturn(responses, elapsed_seconds, failed, uuids)
