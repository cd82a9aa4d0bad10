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

import datetime as dt
import os
import struct
import sys
import uuid as uuid_lib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from google.protobuf.message import DecodeError

from weaviate_async._validate import check_object_properties, invalid, invalid_type, uuid_str
from weaviate_async.classes.batch import (
    BatchObject,
    BatchObjectReturn,
    BatchReference,
    ErrorObject,
)
from weaviate_async.classes.data import DataObject, ReferenceToMulti
from weaviate_async.exceptions import (
    WeaviateInsertInvalidPropertyError,
    WeaviateInsertManyAllFailedError,
    WeaviateInvalidInputError,
)
from weaviate_async.proto.weaviate.v1 import base_pb2, batch_pb2
from weaviate_async.wire.unencodable import nesting_error, text_error, utf8_arguments
from weaviate_async.wire.values import (
    consistency_level_pb,
    encode_grpc_properties,
    is_empty_vector,
    pack_any_vector,
    scalar_json,
    squeezed,
    unpack_multi_vector,
    unpack_vector,
    vectors_pb,
)

if TYPE_CHECKING:
    from weaviate_async.models.scope import CollectionScope

__all__ = [
    "InsertManyPlan",
    "PendingObject",
    "PendingReference",
    "UnencodableProperty",
    "batch_object",
    "batch_reference",
    "encode_object",
    "encode_references",
    "insert_many_partial",
    "insert_many_plan",
    "insert_many_result",
    "not_answered_errors",
    "reply_errors",
    "request_bytes",
    "split_by_size",
    "stream_data_bytes",
]

_SINGLE = base_pb2.Vectors.VECTOR_TYPE_SINGLE_FP32
_MULTI = base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32
_BatchReferencePb = batch_pb2.BatchReference
_pack_double = struct.Struct("<d").pack
_urandom = os.urandom
# numpy's types, read once numpy is loaded: a vector can only be an ndarray once the caller
# has imported numpy, and importing it here would cost every client start ~70 ms.
_ndarray: Any = None
_F4: Any = None
_F8: Any = None


def _numpy_loaded() -> bool:
    global _ndarray, _F4, _F8
    numpy = sys.modules.get("numpy")
    if numpy is None:
        return False
    _ndarray, _F4, _F8 = numpy.ndarray, numpy.dtype("<f4"), numpy.dtype("<f8")
    return True


def _varint(n: int) -> bytes:
    if n < 0x80:
        return bytes((n,))
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def _field(tag: bytes, data: bytes) -> bytes:
    """A length-delimited field: its tag, the length, the bytes."""
    n = len(data)
    return tag + (bytes((n,)) if n < 0x80 else _varint(n)) + data


def random_uuid() -> str:
    """A random (version 4) uuid in its canonical string form, made without a UUID object."""
    h = _urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


class PendingObject:
    """One object on its way to the server: its encoded ``BatchObject`` and where it goes.

    Only the encoded bytes are kept, not the caller's dicts and arrays (a row of a numpy array
    would keep the whole array alive): a report of a failure decodes them
    (:func:`batch_object`).

    Attributes:
        index: its position (the order it was added in, or its index in ``insert_many``).
        uuid: the uuid it is sent with.
        data: the serialized ``BatchObject``, framed as an element of a repeated field 1 (the
            same bytes serve ``BatchObjectsRequest`` and the stream's ``Data.Objects``).
        size: ``len(data)``.
        collection: its collection.
        tenant: its tenant, or None.
        original_uuid: the uuid the user gave, or None.
        retry_count: how often it was re-sent.
    """

    __slots__ = (
        "collection",
        "data",
        "index",
        "original_uuid",
        "retry_count",
        "size",
        "tenant",
        "uuid",
    )

    def __init__(
        self,
        index: int,
        uuid: str,
        data: bytes,
        collection: str,
        tenant: str | None,
        original_uuid: Any,
    ) -> None:
        self.index = index
        self.uuid = uuid
        self.data = data
        self.size = len(data)
        self.collection = collection
        self.tenant = tenant
        self.original_uuid = original_uuid
        self.retry_count = 0


@dataclass(slots=True, eq=False)
class PendingReference:
    """One reference on its way to the server (one target uuid).

    Attributes:
        index: its position (the order it was added in).
        data: the serialized ``BatchReference``, framed as an element of a repeated field 1.
        size: ``len(data)``.
        from_collection, from_uuid, from_property, to_uuid, to_collection, tenant: as sent.
        after_object: the number of objects added before it: it is sent once those are done,
            so that its source object exists.
        retry_count: how often it was re-sent.
    """

    index: int
    data: bytes
    from_collection: str
    from_uuid: str
    from_property: str
    to_uuid: str
    to_collection: str | None
    tenant: str | None
    after_object: int
    retry_count: int = 0
    size: int = field(init=False)

    def __post_init__(self) -> None:
        self.size = len(self.data)

    @property
    def beacon(self) -> str:
        """The reference's source as the server names it in stream replies."""
        return f"weaviate://localhost/{self.from_collection}/{self.from_uuid}/{self.from_property}"


# -- hand-encoded parts ------------------------------------------------------------------
#
# An object's BatchObject is assembled from bytes rather than built as a message: the scalar
# properties go straight into the Struct's wire form (protobuf's Struct is filled field by
# field in Python, its slowest part for a batch), the header of each collection/tenant pair and
# the key of each property name are encoded once and reused. Lists, nested objects and
# references still go through protobuf messages. Tests compare the result with what protobuf
# itself would encode.

_KEYS: dict[str, bytes] = {}
_HEADERS: dict[tuple[str, str | None], bytes] = {}
_CACHE_LIMIT = 10_000
_I64_MIN, _I64_MAX = -(2**63), 2**63 - 1
_NULL = b"\x08\x00"
_TRUE = b"\x20\x01"
_FALSE = b"\x20\x00"


def _key(name: Any, field: str) -> bytes:
    """The map entry's key field (field 1) for property ``name``."""
    encoded = _KEYS.get(name)
    if encoded is None:
        if type(name) is not str:
            # "" is the server's to refuse (that object's error), as the official client
            # sends it; a key that is no str fails to encode there too (TypeError).
            if not isinstance(name, str):
                raise invalid_type(field, "property names must be strings", name)
            name = str.__str__(name)
        encoded = _field(b"\n", name.encode())
        if len(_KEYS) < _CACHE_LIMIT:
            _KEYS[name] = encoded
    return encoded


def _header(collection: str, tenant: str | None) -> bytes:
    """The collection (field 4) and tenant (field 5) of a BatchObject."""
    key = (collection, tenant)
    encoded = _HEADERS.get(key)
    if encoded is None:
        encoded = _field(b'"', collection.encode())
        if tenant:
            encoded += _field(b"*", tenant.encode())
        if len(_HEADERS) < _CACHE_LIMIT:
            _HEADERS[key] = encoded
    return encoded


def _properties_bytes(
    props: Mapping[str, Any] | None, references: Mapping[str, Any] | None, field: str
) -> bytes:
    """A serialized ``BatchObject.Properties``."""
    entries: list[bytes] = []
    rest: dict[str, Any] | None = None
    if props:
        if not isinstance(props, Mapping):
            raise invalid(field, "must be a mapping of property names to values", props)
        check_object_properties(props, field)
        for name, value in props.items():
            t = type(value)
            if t is str:
                encoded = _field(b"\x1a", value.encode())  # Value.string_value
            elif t is int:
                # beyond int64 too: a double the server refuses for an int property, as the
                # official client's Struct sends it
                encoded = b"\x11" + _pack_double(float(value))  # Value.number_value
            elif t is bool:
                encoded = _TRUE if value else _FALSE
            elif t is float:
                # NaN and infinities too: the server refuses that one object, as it does the
                # official client's
                encoded = b"\x11" + _pack_double(value)
            elif value is None:
                encoded = _NULL
            elif t is dt.datetime or t is uuid_lib.UUID:
                text = scalar_json(value, f"{field}.{name}")
                encoded = _field(b"\x1a", text.encode())
            else:
                if rest is None:
                    rest = {}
                rest[name] = value
                continue
            entries.append(_field(b"\n", _key(name, field) + _field(b"\x12", encoded)))
    out = _field(b"\n", b"".join(entries)) if entries else b""
    if rest or references:
        out += encode_grpc_properties(rest, references, field).SerializeToString()
    return out


def _single_vector(vector: Any, field: str) -> bytes:
    """One vector packed as float32: numpy float32 arrays without a copy, the rest through
    the shared packer."""
    if (
        (type(vector) is _ndarray or (_ndarray is None and _numpy_loaded()))
        and type(vector) is _ndarray
        and vector.dtype == _F4
        and vector.ndim == 1
        and vector.size
    ):
        packed: bytes = vector.tobytes()
        return packed
    packed, kind = pack_any_vector(vector, field)
    if kind != _SINGLE:
        raise invalid(
            field, "a multi-vector must be given by name: {'name': [[...], [...]]}", vector
        )
    return packed


def _vector_bytes(vector: Any, index: int) -> bytes:
    """The vector fields of a BatchObject: ``vector_bytes`` (6) or ``vectors`` (23)."""
    field = f"objects[{index}].vector"
    if isinstance(vector, Mapping):
        parts: list[bytes] = []
        for v in vectors_pb(vector, field):
            parts.append(_field(b"\xba\x01", v.SerializeToString()))
        return b"".join(parts)
    if is_empty_vector(vector):
        # Sent as no vector at all (an empty ``vector_bytes`` is the field's absence), as the
        # REST form's ``"vector": []`` is taken: the object is stored without a vector.
        return b""
    return _field(b"2", _single_vector(vector, field))


def encode_object(
    index: int,
    collection: str,
    tenant: str | None,
    properties: Mapping[str, Any] | None,
    references: Mapping[str, Any] | None,
    uuid: Any,
    vector: Any,
) -> PendingObject:
    """Check and encode one object.

    Raises:
        WeaviateInvalidInputError: the object is invalid; the field names its index, e.g.
            ``objects[3].vector[2]`` or ``objects[3].properties.price``.
    """
    uid = random_uuid() if uuid is None else uuid_str(uuid, f"objects[{index}].uuid")
    # The vector is checked before the property values: a wrong argument raises even when a
    # value of the same object cannot be encoded either.
    vector_part = b"" if vector is None else _vector_bytes(vector, index)
    body = b"\n$" + uid.encode()  # field 1, 36 bytes
    if properties or references:
        body += _field(b"\x1a", _object_properties(properties, references, index))
    try:
        body += _header(collection, tenant)
    except UnicodeEncodeError:
        raise invalid(
            "tenant" if text_error(collection, "") is None else "collection",
            "holds a lone surrogate, which cannot be encoded as UTF-8",
        ) from None
    body += vector_part
    return PendingObject(index, uid, _field(b"\n", body), collection, tenant, uuid)


def _object_properties(
    properties: Mapping[str, Any] | None, references: Mapping[str, Any] | None, index: int
) -> bytes:
    """The encoded properties of object ``index``; a value that cannot be encoded raises
    :class:`UnencodableProperty` (the failure of that object alone, in a batch)."""
    field = f"objects[{index}].properties"
    try:
        return _properties_bytes(properties, references, field)
    except WeaviateInsertInvalidPropertyError:
        raise
    except WeaviateInvalidInputError as bad:
        # Only a value (at any depth) is the object's own failure: the field then names a
        # property. The argument's shape (not a mapping, a name that is no str, references)
        # stays an error of the call, as the official client's validation of add_object.
        if not (bad.field or "").startswith(f"{field}."):
            raise
        _check_references(references, field)
        # a TypeError stays one (insert_many raises the official client's class)
        kind = _UnencodablePropertyType if isinstance(bad, TypeError) else UnencodableProperty
        raise kind(bad.message, field=bad.field) from bad
    except UnicodeEncodeError as bad:
        _check_references(references, field)
        named = text_error(properties, field) or invalid(
            field, f"a text cannot be encoded as UTF-8 ({bad.reason})"
        )
        raise UnencodableProperty(named.message, field=named.field) from bad
    except (DecodeError, RecursionError) as bad:
        # protobuf refuses to build messages nested deeper than its recursion limit (about 50
        # levels of objects); Python's stack ends further on: the official client fails there
        # too, with these same exceptions
        _check_references(references, field)
        named = nesting_error(properties, field, "protobuf")
        raise UnencodableProperty(named.message, field=named.field) from bad


def _check_references(references: Mapping[str, Any] | None, field: str) -> None:
    """Raise for references that are wrong in themselves (they are checked after the values
    otherwise, and a wrong argument is the call's error, not the object's)."""
    if references:
        _properties_bytes(None, references, field)


class UnencodableProperty(WeaviateInvalidInputError):
    """A property value of one object cannot be encoded (a ``date``, a ``set``, a list with
    ``None`` or of mixed kinds, ...): ``field`` names the property. A batch reports that object
    as failed instead of raising; ``insert_many`` raises it (a ``WeaviateInvalidInputError``)."""


class _UnencodablePropertyType(UnencodableProperty, TypeError):
    """An :class:`UnencodableProperty` where the official client fails with ``TypeError``."""


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


@utf8_arguments
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
                _field(b"\n", msg.SerializeToString()),
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
    data = b"".join([p.data for p in items])
    level = consistency_level_pb(consistency_level)
    return data + b"\x10" + _varint(level) if level else data


def stream_data_bytes(
    objects: Sequence[PendingObject], references: Sequence[PendingReference]
) -> bytes:
    """A serialized ``BatchStreamRequest`` carrying ``Data`` with these objects and references."""
    inner = b""
    if objects:
        inner += _field(b"\n", b"".join([p.data for p in objects]))
    if references:
        inner += _field(b"\x12", b"".join([p.data for p in references]))
    return _field(b"\x12", inner)


def split_by_size(
    items: Sequence[Any], limit: int, size: Callable[[Any], int] = attrgetter("size")
) -> Iterator[list[Any]]:
    """``items`` in consecutive groups of at most ``limit`` encoded bytes each (an item larger
    than ``limit`` on its own forms a group of one: the server will judge it).

    Args:
        size: an item's encoded size (by default its ``size``, as :class:`PendingObject` and
            :class:`PendingReference` have).
    """
    group: list[Any] = []
    total = 0
    for item in items:
        n = size(item)
        if group and total + n > limit:
            yield group
            group, total = [], 0
        group.append(item)
        total += n
    if group:
        yield group


def reply_errors(
    reply: batch_pb2.BatchObjectsReply | batch_pb2.BatchReferencesReply,
) -> dict[int, str]:
    """The server's error message by index within the request."""
    return {e.index: e.error for e in reply.errors}


def _unframe(data: bytes) -> bytes:
    """The message inside one framed element (tag, length, message)."""
    i = 1
    while data[i] & 0x80:
        i += 1
    return data[i + 1 :]


def _object_value(value: Any) -> dict[str, Any]:
    """A nested object's properties (``ObjectPropertiesValue``) as a dict."""
    return _decoded_properties(value, {})


def _struct_value(value: Any) -> Any:
    """A ``google.protobuf.Value`` as Python; NaN and infinities as floats (a failed object
    can hold them: the server refused it), where json_format would raise."""
    kind = value.WhichOneof("kind")
    if kind == "struct_value":
        return {k: _struct_value(v) for k, v in value.struct_value.fields.items()}
    if kind == "list_value":
        return [_struct_value(v) for v in value.list_value.values]
    return None if kind in (None, "null_value") else getattr(value, kind)


def _decoded_properties(props: Any, references: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if props.HasField("non_ref_properties"):
        fields = props.non_ref_properties.fields
        out.update({name: _struct_value(v) for name, v in fields.items()})
    for arr in props.text_array_properties:
        out[arr.prop_name] = list(arr.values)
    for arr in props.int_array_properties:
        out[arr.prop_name] = list(arr.values)
    for arr in props.number_array_properties:
        out[arr.prop_name] = (
            list(struct.unpack(f"<{len(arr.values_bytes) // 8}d", arr.values_bytes))
            if arr.values_bytes
            else list(arr.values)
        )
    for arr in props.boolean_array_properties:
        out[arr.prop_name] = list(arr.values)
    for nested in props.object_properties:
        out[nested.prop_name] = _object_value(nested.value)
    for nested_list in props.object_array_properties:
        out[nested_list.prop_name] = [_object_value(v) for v in nested_list.values]
    for name in props.empty_list_props:
        out[name] = []
    for ref in getattr(props, "single_target_ref_props", ()):
        references[ref.prop_name] = list(ref.uuids)
    for ref in getattr(props, "multi_target_ref_props", ()):
        references[ref.prop_name] = ReferenceToMulti(
            uuids=list(ref.uuids), target_collection=ref.target_collection
        )
    return out


def batch_object(item: PendingObject) -> BatchObject:
    """The report form of an object that was (or was to be) sent, decoded from what was sent:
    properties and vectors in their wire form (dates as RFC 3339 text, numbers as floats,
    vectors as float32 values), which the server accepts again as they are."""
    message = batch_pb2.BatchObject.FromString(_unframe(item.data))
    properties: dict[str, Any] | None = None
    references: dict[str, Any] = {}
    if message.HasField("properties"):
        properties = _decoded_properties(message.properties, references)
    vector: Any = None
    if message.vector_bytes:
        vector = unpack_vector(message.vector_bytes)
    elif message.vectors:
        vector = {
            v.name: unpack_multi_vector(v.vector_bytes)
            if v.type == _MULTI
            else unpack_vector(v.vector_bytes)
            for v in message.vectors
        }
    return BatchObject(
        collection=item.collection,
        properties=properties,
        references=references or None,
        uuid=item.uuid,
        vector=vector,
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


@dataclass(slots=True, eq=False)
class InsertManyPlan:
    """The encoded objects of one ``insert_many`` call, by input index.

    Attributes:
        items: the encoded objects, in input order.
        consistency_level: the scope's consistency level.
    """

    items: list[PendingObject]
    consistency_level: Any

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
                    # One array of shape (1, n) is read as a vector (the official client fails
                    # on it here, and reads it so in a batch); named ones keep their shape.
                    obj.vector if isinstance(obj.vector, Mapping) else squeezed(obj.vector),
                )
            )
        elif isinstance(obj, Mapping):
            append(encode_object(i, collection, tenant, obj, None, None, None))
        else:
            raise invalid(f"objects[{i}]", "must be a dict of properties or a DataObject", obj)
    return InsertManyPlan(items, scope.consistency_level)


def insert_many_result(
    plan: InsertManyPlan, errors: Mapping[int, str], elapsed_seconds: float
) -> BatchObjectReturn:
    """Per-index results of ``insert_many``: the uuid of each inserted object, the error of each
    failed one (``errors``: input index -> the server's message).

    Raises:
        WeaviateInsertManyAllFailedError: every object failed; also for no object at all,
            where the official client raises it too (with no error to list).
    """
    if len(errors) >= len(plan.items):
        distinct = "\n".join(sorted(set(errors.values())))
        raise WeaviateInsertManyAllFailedError(
            "Every object failed during insertion. Here is the set of all errors: " + distinct,
            operation="data.insert_many",
            target="weaviate.v1.Weaviate/BatchObjects",
            server_message=distinct,
        )
    return _object_return(plan, errors, elapsed_seconds)


def not_answered_errors(count: int, answered: int, sending: int, failure: str) -> dict[int, str]:
    """The errors, by position, of the items a write that failed part-way left unanswered:
    those of the request that failed (``answered`` to ``answered + sending``: they may or may
    not be stored) and those never sent after it."""
    out: dict[int, str] = {}
    in_doubt = f"not confirmed, may be stored: the request failed ({failure})"
    unsent = f"not sent: an earlier request of this call failed ({failure})"
    for position in range(answered, count):
        out[position] = in_doubt if position < answered + sending else unsent
    return out


def insert_many_partial(
    plan: InsertManyPlan,
    errors: Mapping[int, str],
    answered: int,
    sending: int,
    failure: str,
    elapsed_seconds: float,
) -> BatchObjectReturn:
    """What an ``insert_many`` whose request failed part-way leaves: the uuid of each object
    whose request was answered without an error for it, and an error (holding the object and
    its uuid) for every other one (see :func:`not_answered_errors`)."""
    merged = {**errors, **not_answered_errors(len(plan.items), answered, sending, failure)}
    return _object_return(plan, merged, elapsed_seconds)


def _object_return(
    plan: InsertManyPlan, errors: Mapping[int, str], elapsed_seconds: float
) -> BatchObjectReturn:
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
