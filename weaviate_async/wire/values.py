"""Python values <-> wire values: vectors, property values, dates and uuids. Pure functions.

Vectors travel as packed little-endian float32 bytes (a multi-vector is prefixed by its row
length as a little-endian uint16). Property values travel to the server as a protobuf ``Struct``
plus typed array fields (gRPC batch) or as JSON (REST), and come back as the typed
``properties_pb2.Value``. Every check raises :class:`WeaviateInvalidInputError` naming the field,
e.g. ``objects[3].vector['title']`` or ``properties.price``.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
import numbers
import struct
import sys
import uuid as uuid_lib
import warnings
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from weaviate_async._validate import (
    aware_rfc3339,
    check_collection_name,
    check_object_properties,
    invalid,
    invalid_type,
    uuid_str,
)
from weaviate_async.classes.data import GeoCoordinate, PhoneNumber, _PhoneNumber
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.proto.weaviate.v1 import base_pb2, properties_pb2

if TYPE_CHECKING:
    from weaviate_async.proto.weaviate.v1 import batch_pb2

__all__ = [
    "consistency_level_pb",
    "datetime_to_rfc3339",
    "decode_properties",
    "decode_value",
    "encode_grpc_properties",
    "is_multi_vector",
    "ms_to_datetime",
    "EMPTY_DATE_WARNING",
    "pack_any_vector",
    "pack_multi_vector",
    "pack_vector",
    "plain_vector",
    "parse_rfc3339",
    "beacon",
    "ref_targets",
    "ref_uuids",
    "references_json",
    "rest_vector_fields",
    "scalar_json",
    "to_json_properties",
    "unpack_multi_vector",
    "unpack_vector",
    "vector_to_list",
    "vectors_pb",
]


_SINGLE = base_pb2.Vectors.VECTOR_TYPE_SINGLE_FP32
_MULTI = base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32
_MAX_MULTI_DIM = 0xFFFF
_NUMERIC_KINDS = frozenset("fiub")
_F32_MAX = 3.4028234663852886e38
_LITTLE = sys.byteorder == "little"


# ---------------------------------------------------------------------------------- dates


def datetime_to_rfc3339(value: dt.datetime, field: str = "value") -> str:
    """The RFC 3339 text of a datetime, with microseconds and its own offset; a naive one is
    taken as UTC, with a UserWarning naming ``field`` (as the official client does)."""
    return aware_rfc3339(value, field)


def parse_rfc3339(text: str) -> dt.datetime:
    """An aware datetime from the server's RFC 3339 text (``Z`` or offset, any fraction)."""
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    # Python 3.10 accepts neither "Z" nor fractions other than 3 or 6 digits.
    body = text[:-1] + "+00:00" if text[-1:] in ("Z", "z") else text
    head, sep, rest = body.partition(".")
    if sep:
        digits = len(rest) - len(rest.lstrip("0123456789"))
        frac, zone = rest[:digits], rest[digits:]
        body = f"{head}.{frac[:6].ljust(6, '0')}{zone}"
    try:
        return dt.datetime.fromisoformat(body)
    except ValueError:
        if not body.startswith("0000-"):
            raise
    # Year 0 does not exist in Python's calendar: the official client warns and gives
    # datetime.min (a UserWarning), and so does this one.
    warnings.warn(
        f"the server sent the date {text!r}, of year 0, which Python cannot represent: "
        f"{dt.datetime.min} is returned instead",
        UserWarning,
        stacklevel=2,
    )
    return dt.datetime.min


#: The warning of a date property the server sent as an empty string (the official client's
#: Con006 since 4.24): an unset date comes as a null value, so "" is a damaged value.
EMPTY_DATE_WARNING = (
    "Con006: Received an empty date string from Weaviate. An unset date property arrives as "
    "null, so an empty string is a malformed or corrupt value; None is returned in its place."
)


def _result_date(text: str) -> dt.datetime | None:
    """A date of a search result; None, with a warning, for an empty string."""
    if not text:
        # stacklevel 1: the place that decodes the value is the one to blame, as in 4.24
        warnings.warn(EMPTY_DATE_WARNING, UserWarning, stacklevel=1)
        return None
    return parse_rfc3339(text)


def ms_to_datetime(ms: int) -> dt.datetime:
    """Milliseconds since the epoch -> aware UTC datetime."""
    return dt.datetime.fromtimestamp(ms / 1000.0, tz=dt.timezone.utc)


def consistency_level_pb(level: Any) -> int | None:
    """A ``ConsistencyLevel`` (or its name) as the wire enum value; None stays None."""
    if level is None:
        return None
    name = getattr(level, "value", level)
    return int(base_pb2.ConsistencyLevel.Value(f"CONSISTENCY_LEVEL_{name}"))


# ---------------------------------------------------------------------------------- vectors


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:  # pragma: no cover - numpy is optional
        return None
    return numpy


def _is_array_like(value: Any) -> bool:
    return not isinstance(value, (list, tuple, str, bytes)) and hasattr(value, "__array__")


def _tensor_to_list(value: Any) -> Any:
    return value.squeeze().tolist()  # torch (also on a GPU or with requires_grad), pandas


def _eager_to_list(value: Any) -> Any:
    return value.numpy().squeeze().tolist()  # TensorFlow


def _series_to_list(value: Any) -> Any:
    return value.to_list()  # polars, pandas


_CONVERTERS = (_tensor_to_list, _eager_to_list, _series_to_list)


def plain_vector(value: Any) -> Any:
    """A vector given as a tensor or a series, as a list, read the way the official client
    reads one (``.squeeze().tolist()``, ``.numpy().squeeze().tolist()``, ``.to_list()``), none
    of those libraries imported; lists, tuples and numpy arrays (packed straight from their
    memory) are returned as they are, and so is anything else, for the caller to refuse."""
    if isinstance(value, (list, tuple, str, bytes)) or type(value).__module__ == "numpy":
        return value
    for convert in _CONVERTERS:
        try:
            out = convert(value)
        except AttributeError:
            continue
        if isinstance(out, list):
            return out
    return value


def squeezed(value: Any) -> Any:
    """A numpy array without its axes of length 1 (shape ``(1, n)`` -> ``(n,)``), as the official
    client reads an array given as an object's vector (``.squeeze().tolist()``); anything else
    as it is. Told by the value's type, so numpy is never imported for it."""
    if type(value).__module__ == "numpy" and getattr(value, "ndim", 0) > 1:
        return value.squeeze()
    return value


def squeezed_vectors(vector: Any) -> Any:
    """``vector`` (one vector, or named vectors) with each numpy array :func:`squeezed`."""
    if isinstance(vector, Mapping):
        return {name: squeezed(v) for name, v in vector.items()}
    return squeezed(vector)


def is_empty_vector(value: Any) -> bool:
    """Whether ``value`` is a vector without any element (``[]``, ``()``, an empty array); the
    official client sends those with an object and lets the server decide: it stores the object
    without that vector."""
    if isinstance(value, (list, tuple)):
        return not value
    if type(value).__module__ == "numpy":
        return getattr(value, "size", None) == 0
    return False


def _bad_element(
    values: Sequence[Any], field: str, limit: float = _F32_MAX, *, finite: bool = True
) -> WeaviateInvalidInputError | None:
    """The error for the first bad element of ``values``, or None when all are fine. With
    ``finite=False`` (vectors) NaN and infinities are fine: the server takes them over gRPC,
    as the official client sends them."""
    for i, v in enumerate(values):
        if isinstance(v, bool) or (not isinstance(v, (int, float)) and not hasattr(v, "__float__")):
            return invalid(f"{field}[{i}]", "must be a number", v)
        try:
            f = float(v)
        except (OverflowError, TypeError, ValueError):
            return invalid(f"{field}[{i}]", "must be a finite number", v)
        if not math.isfinite(f):
            if finite:
                return invalid(f"{field}[{i}]", "must be a finite number", v)
        elif abs(f) > limit:
            return invalid(f"{field}[{i}]", "is out of the float32 range", v)
    return None


def _bad(
    values: Sequence[Any], field: str, limit: float = _F32_MAX, *, finite: bool = True
) -> WeaviateInvalidInputError:
    return _bad_element(values, field, limit, finite=finite) or invalid(
        field, "must be a flat sequence of numbers", values
    )


def _pack_array(value: Any, field: str, ndim: int) -> tuple[bytes, tuple[int, ...]] | None:
    """Pack a numpy-compatible array of ``ndim`` dimensions; None when numpy is missing."""
    np = _numpy()
    if np is None:
        return None
    arr = np.asarray(value)
    if arr.dtype.kind not in _NUMERIC_KINDS:
        raise invalid(field, f"must hold numbers, not {arr.dtype}", value)
    if arr.ndim != ndim:
        shape = "a 1-D" if ndim == 1 else "a 2-D"
        raise invalid(field, f"must be {shape} array, got shape {arr.shape}", value)
    with np.errstate(over="ignore", invalid="ignore"):
        f32 = arr.astype("<f4")
    # NaN and infinities pass (the server takes them); finite values too large for float32 not.
    overflow = np.isinf(f32) & np.isfinite(arr)
    if overflow.any():
        bad = np.argwhere(overflow)[0]
        where = "".join(f"[{int(i)}]" for i in bad)
        raise invalid(f"{field}{where}", "is out of the float32 range", arr[tuple(bad)])
    return f32.tobytes(), tuple(int(n) for n in arr.shape)


def _pack_floats(values: Sequence[Any], field: str) -> bytes:
    try:
        return struct.pack(f"<{len(values)}f", *values)
    except (struct.error, OverflowError, TypeError):
        raise _bad(values, field, finite=False) from None


def pack_vector(value: Any, field: str = "vector") -> bytes:
    """One vector (list, tuple, numpy array or array-like) as packed little-endian float32.

    Raises:
        WeaviateInvalidInputError: empty, not flat, not numbers, not finite or out of the
            float32 range; the field names the offending element.
    """
    if isinstance(value, (list, tuple)):
        if not value:
            raise invalid(field, "must not be empty", value)
        return _pack_floats(value, field)
    value = plain_vector(value)
    if isinstance(value, list):
        return pack_vector(value, field)
    if _is_array_like(value):
        packed = _pack_array(value, field, 1)
        if packed is not None:
            if not packed[1][0]:
                raise invalid(field, "must not be empty", value)
            return packed[0]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return pack_vector(value.tolist(), field)
    raise invalid(field, "must be a list, tuple or numpy array of numbers", value)


def pack_multi_vector(value: Any, field: str = "vector") -> bytes:
    """A multi-vector (a sequence of equally long vectors, or a 2-D array) as the wire form:
    the row length as little-endian uint16, then the rows as packed float32."""
    value = plain_vector(value)
    if _is_array_like(value):
        packed = _pack_array(value, field, 2)
        if packed is not None:
            rows, dim = packed[1]
            if not rows or not dim:
                raise invalid(field, "must not be empty", value)
            if dim > _MAX_MULTI_DIM:
                raise invalid(field, f"rows longer than {_MAX_MULTI_DIM} are not supported")
            return struct.pack("<H", dim) + packed[0]
        value = value.tolist()
    if not isinstance(value, (list, tuple)) or not value:
        raise invalid(field, "must be a non-empty sequence of vectors", value)
    parts: list[bytes] = []
    dim = -1
    for i, row in enumerate(value):
        part = pack_vector(row, f"{field}[{i}]")
        if dim < 0:
            dim = len(part) // 4
        elif len(part) // 4 != dim:
            raise invalid(
                f"{field}[{i}]", f"has {len(part) // 4} dimensions where the first row has {dim}"
            )
        parts.append(part)
    if dim > _MAX_MULTI_DIM:
        raise invalid(field, f"rows longer than {_MAX_MULTI_DIM} are not supported")
    return struct.pack("<H", dim) + b"".join(parts)


def is_multi_vector(value: Any) -> bool:
    """Whether ``value`` looks like a multi-vector (2-D) rather than one vector (1-D)."""
    value = plain_vector(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return False
        first = value[0]
        return isinstance(first, (list, tuple)) or _is_array_like(first) or hasattr(first, "tolist")
    ndim = getattr(value, "ndim", None)
    if isinstance(ndim, int):
        return ndim == 2
    shape = getattr(value, "shape", None)
    return isinstance(shape, tuple) and len(shape) == 2


def pack_any_vector(value: Any, field: str) -> tuple[bytes, int]:
    """One vector or multi-vector packed, with its wire type (``Vectors.VectorType``)."""
    value = plain_vector(value)
    if is_multi_vector(value):
        return pack_multi_vector(value, field), _MULTI
    return pack_vector(value, field), _SINGLE


def vectors_pb(named: Mapping[str, Any], field: str = "vector") -> list[base_pb2.Vectors]:
    """Named vectors ``{name: vector or multi-vector}`` as ``Vectors`` messages."""
    out: list[base_pb2.Vectors] = []
    for name, vec in named.items():
        if not isinstance(name, str) or not name:
            raise invalid(field, "names of named vectors must be non-empty strings", name)
        sub = f"{field}[{name!r}]"
        try:
            name.encode()
        except UnicodeEncodeError:
            raise invalid(
                sub, "the name holds a lone surrogate, which UTF-8 cannot carry"
            ) from None
        packed, kind = pack_any_vector(vec, sub)
        out.append(base_pb2.Vectors(name=name, vector_bytes=packed, type=kind))  # type: ignore[arg-type]
    return out


def _unpack(data: bytes, code: str, size: int) -> list[Any]:
    """Packed little-endian values -> list (a zero-copy cast on little-endian hosts)."""
    n = len(data) // size
    if _LITTLE:
        out: list[Any] = memoryview(data)[: n * size].cast(code).tolist()  # type: ignore[call-overload]
        return out
    return list(struct.unpack(f"<{n}{code}", data[: n * size]))


def unpack_vector(data: bytes) -> list[float]:
    """Packed little-endian float32 -> list of floats."""
    if _LITTLE and not len(data) & 3:  # the common case, one C call: results decode eagerly
        out: list[float] = memoryview(data).cast("f").tolist()  # type: ignore[assignment]
        return out
    return _unpack(data, "f", 4)


def unpack_multi_vector(data: bytes) -> list[list[float]]:
    """The multi-vector wire form -> list of rows."""
    if len(data) < 2:
        return []
    (dim,) = struct.unpack_from("<H", data)
    if not dim:
        return []
    flat = _unpack(data[2:], "f", 4)
    return [flat[i : i + dim] for i in range(0, len(flat), dim)]


def vector_to_list(value: Any, field: str = "vector") -> list[float] | list[list[float]]:
    """A validated vector or multi-vector as plain lists (for JSON), float32-rounded as the
    server stores them."""
    packed, kind = pack_any_vector(value, field)
    if kind == _MULTI:
        rows = unpack_multi_vector(packed)
        for r, row in enumerate(rows):
            _json_finite(row, f"{field}[{r}]")
        return rows
    values = unpack_vector(packed)
    _json_finite(values, field)
    return values


def _json_finite(values: list[float], field: str) -> None:
    # JSON has no NaN or infinity: the official client fails to encode such a REST body too.
    if not math.isfinite(sum(values)):
        for i, v in enumerate(values):
            if not math.isfinite(v):
                raise invalid(f"{field}[{i}]", "must be a finite number (JSON has no NaN)", v)


def rest_vector_fields(vector: Any, field: str = "vector") -> dict[str, Any]:
    """The vector fields of a REST object body: ``{"vector": [...]}`` for one unnamed vector,
    ``{"vectors": {name: [...] or [[...], ...]}}`` for named vectors and multi-vectors.

    Raises:
        WeaviateInvalidInputError: a vector is invalid, a name is not a non-empty str, or a
            multi-vector is given without a name.
    """
    # numpy arrays are squeezed and empty vectors sent as they are, as the official client
    # sends them: the server stores an object without that vector (replace drops it).
    if isinstance(vector, Mapping):
        named: dict[str, Any] = {}
        for name, vec in vector.items():
            if not isinstance(name, str) or not name:
                raise invalid(field, "names of named vectors must be non-empty strings", name)
            vec = squeezed(vec)
            named[name] = [] if is_empty_vector(vec) else vector_to_list(vec, f"{field}[{name!r}]")
        return {"vectors": named}
    vector = squeezed(vector)
    if is_empty_vector(vector):
        return {"vector": []}
    packed, kind = pack_any_vector(vector, field)
    if kind == _MULTI:
        raise invalid(
            field, "a multi-vector must be given by name: {'name': [[...], [...]]}", vector
        )
    values = unpack_vector(packed)
    _json_finite(values, field)
    return {"vector": values}


# ---------------------------------------------------------------------------------- properties

_I64_MIN = -(2**63)
_I64_MAX = 2**63 - 1


def _check_name(name: Any, path: str) -> None:
    # "" is the server's to refuse (422, or that one object's error in a batch), as the
    # official client sends it; a key that is no str fails in its gRPC encoding too (TypeError).
    if not isinstance(name, str):
        raise invalid_type(path, "property names must be strings", name)


def _json_key(name: Any, path: str) -> str:
    """A property name as a JSON object key: a str as it is; an int, float, bool or None as the
    official client's JSON encoder writes it (the server then refuses such a name)."""
    if isinstance(name, str):
        return name
    if name is None or isinstance(name, (bool, int, float)):
        key: str = next(iter(json.loads(json.dumps({name: 0}))))
        return key
    raise invalid_type(path, "property names must be strings", name)


def _number(value: float, field: str) -> float:
    if not math.isfinite(value):
        raise invalid(field, "must be a finite number", value)
    return value


def _integer(value: int, field: str) -> int | float:
    # Beyond int64 no int property holds it; JSON here cannot carry it exactly, so it goes as
    # a number, for the server to refuse (422) as it refuses the official client's.
    return value if _I64_MIN <= value <= _I64_MAX else float(value)


def _is_numpy_bool(value: Any) -> bool:
    return getattr(getattr(value, "dtype", None), "kind", None) == "b"


def _unsupported(value: Any, field: str, in_list: bool = False) -> WeaviateInvalidInputError:
    """The error for a property value of a kind the server does not store (in a list when
    ``in_list``)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return invalid(field, "dates must be datetime.datetime (timezone-aware), not date", value)
    if in_list:
        if value is None:
            return invalid(field, "a list cannot hold None (the server refuses null items)", value)
        if isinstance(value, (bytes, bytearray, memoryview)):
            return invalid(field, "bytes (a blob) cannot be in a list: there is no blob[] type")
        if isinstance(value, (GeoCoordinate, PhoneNumber)):
            return invalid(
                field, f"a {type(value).__name__} cannot be in a list: there is no such array type"
            )
        if isinstance(value, (list, tuple)) or _is_array_like(value):
            return invalid(field, "lists cannot be nested; use a list of objects (dicts)", value)
    if isinstance(value, (set, frozenset)):
        return invalid(field, "a set cannot be stored; pass a list", value)
    return invalid(
        field,
        f"values of type {type(value).__name__} cannot be stored (use str, int, float, bool, "
        "aware datetime, UUID, GeoCoordinate, PhoneNumber, bytes, dict or list)",
        value,
    )


def scalar_json(value: Any, field: str) -> Any:
    """A non-list, non-mapping property value in its JSON form (shared by REST and gRPC)."""
    t = type(value)
    if t is str or t is bool or value is None:
        return value
    if t is int:
        return _integer(value, field)
    if t is float:
        return _number(value, field)
    if isinstance(value, dt.datetime):
        return datetime_to_rfc3339(value, field)
    if isinstance(value, uuid_lib.UUID):
        return str(value)
    if isinstance(value, _PhoneNumber):
        # What the server returned (parsed fields included); write the input back.
        return PhoneNumber(number=value.number, default_country=value.default_country)._to_dict()
    if isinstance(value, (GeoCoordinate, PhoneNumber)):
        return value._to_dict()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, str):
        return str.__str__(value)  # a str subclass (a str Enum member) as its text
    if _is_numpy_bool(value):
        return bool(value)
    if isinstance(value, numbers.Integral):
        return _integer(int(value), field)
    if isinstance(value, numbers.Real):
        return _number(float(value), field)
    raise _unsupported(value, field)


def _as_list(value: Any) -> list[Any] | tuple[Any, ...] | None:
    if isinstance(value, (list, tuple)):
        return value
    if _is_array_like(value) and hasattr(value, "tolist"):
        out = value.tolist()
        return out if isinstance(out, list) else None
    return None


# Kinds of list items; ints and floats together make a number list.
_TEXT, _INT, _NUMBER, _BOOL, _OBJECT = "text", "int", "number", "bool", "object"


def _item_kind(value: Any, field: str) -> str:
    t = type(value)
    if t is str:
        return _TEXT
    if t is bool:
        return _BOOL
    if t is int:
        return _INT
    if t is float:
        return _NUMBER
    if isinstance(value, Mapping):
        return _OBJECT
    if isinstance(value, (str, uuid_lib.UUID, dt.datetime)):
        return _TEXT
    if isinstance(value, bool) or _is_numpy_bool(value):
        return _BOOL
    if isinstance(value, numbers.Integral):
        return _INT
    if isinstance(value, numbers.Real):
        return _NUMBER
    raise _unsupported(value, field, in_list=True)


def _list_kind(items: Sequence[Any], path: str) -> str:
    """The one kind of the items of a non-empty list (text, int, number, bool or object).

    Text covers str, UUID and datetime (all travel as text; the property's type decides).

    Raises:
        WeaviateInvalidInputError: an item cannot be stored in a list, or the kinds are mixed;
            the field names the item.
    """
    kind = ""
    for i, v in enumerate(items):
        k = _item_kind(v, f"{path}[{i}]")
        if not kind or k == kind:
            kind = k
        elif {k, kind} == {_INT, _NUMBER}:
            kind = _NUMBER
        else:
            raise invalid(
                f"{path}[{i}]", f"a list must hold values of one kind: {kind} before, {k} here", v
            )
    return kind


def _text_items(items: Sequence[Any], path: str) -> list[str]:
    out: list[str] = []
    for i, v in enumerate(items):
        if isinstance(v, str):
            out.append(str.__str__(v))
        elif isinstance(v, uuid_lib.UUID):
            out.append(str(v))
        elif isinstance(v, dt.datetime):
            out.append(datetime_to_rfc3339(v, f"{path}[{i}]"))
        else:
            raise invalid(f"{path}[{i}]", "a list must hold values of one kind", v)
    return out


def _int_items(items: Sequence[Any], path: str) -> list[int | float]:
    return [_integer(int(v), f"{path}[{i}]") for i, v in enumerate(items)]


def _number_items(items: Sequence[Any], path: str) -> list[float]:
    return [_number(float(v), f"{path}[{i}]") for i, v in enumerate(items)]


def _grpc_number_items(items: Sequence[Any]) -> list[float]:
    return [float(v) for v in items]


def _loose_item(value: Any, path: str) -> Any:
    """One item of a list the server will judge (mixed kinds, None, blobs, geo coordinates,
    nested lists): in its JSON form, as the official client sends it."""
    if isinstance(value, Mapping):
        return to_json_properties(value, path)
    items = _as_list(value)
    if items is not None:
        return [_loose_item(v, f"{path}[{i}]") for i, v in enumerate(items)]
    return scalar_json(value, path)


def _json_list(items: Sequence[Any], path: str) -> list[Any]:
    if not items:
        return []
    try:
        kind = _list_kind(items, path)
    except WeaviateInvalidInputError:
        # Not one kind of the server's arrays: sent as it is, for the server to refuse (422),
        # as the official client sends it; values JSON cannot carry still fail here.
        return [_loose_item(v, f"{path}[{i}]") for i, v in enumerate(items)]
    if kind == _TEXT:
        return _text_items(items, path)
    if kind == _INT:
        return _int_items(items, path)
    if kind == _NUMBER:
        return _number_items(items, path)
    if kind == _BOOL:
        return [bool(v) for v in items]
    return [to_json_properties(v, f"{path}[{i}]") for i, v in enumerate(items)]


def to_json_properties(props: Mapping[str, Any], field: str = "properties") -> dict[str, Any]:
    """Property values as JSON for REST: dates as RFC 3339, uuids as strings, geo coordinates
    and phone numbers as objects, bytes as base64, nested objects and arrays recursively.

    Raises:
        WeaviateInvalidInputError: a value the server cannot store (a date,
            a set, NaN, an int beyond 64 bits, a list mixing kinds or holding None, bytes,
            geo coordinates or lists, ...); the field names it, e.g. ``properties.tags[2]``.
    """
    if not isinstance(props, Mapping):
        raise invalid(field, "must be a mapping of property names to values", props)
    out: dict[str, Any] = {}
    for name, value in props.items():
        path = f"{field}.{name}"
        key = _json_key(name, field)
        if isinstance(value, Mapping):
            out[key] = to_json_properties(value, path)
            continue
        items = _as_list(value)
        if items is not None:
            out[key] = _json_list(items, path)
            continue
        out[key] = scalar_json(value, path)
    return out


def _pack_doubles(values: Sequence[Any], field: str) -> bytes:
    # NaN and infinities are packed: the server refuses that object, as for the official client.
    try:
        return struct.pack(f"<{len(values)}d", *values)
    except (struct.error, OverflowError, TypeError):
        raise _bad(values, field, math.inf, finite=False) from None


def _grpc_list_kind(items: Sequence[Any], path: str) -> str:
    """:func:`_list_kind` for the gRPC arrays: a list holding None or mixing kinds cannot be
    encoded there, and fails with a TypeError, as the official client's encoding does."""
    try:
        return _list_kind(items, path)
    except WeaviateInvalidInputError as bad:
        if any(v is None for v in items) or "one kind" in bad.message:
            raise invalid_type(bad.field or path, bad.message.split(": ", 1)[-1]) from None
        raise


def _int_array(name: str, items: Sequence[int], path: str) -> base_pb2.IntArrayProperties:
    try:
        return base_pb2.IntArrayProperties(prop_name=name, values=items)
    except ValueError:
        # An item beyond int64, which the gRPC array cannot carry (the official client fails
        # on it with a ValueError too): named in the message.
        for i, v in enumerate(items):
            if not _I64_MIN <= v <= _I64_MAX:
                raise invalid(f"{path}[{i}]", "must fit in a signed 64-bit integer", v) from None
        raise


def _split_properties(props: Mapping[str, Any], field: str) -> dict[str, Any]:
    """Keyword arguments of ``BatchObject.Properties`` / ``ObjectPropertiesValue`` for
    ``props``: scalars go to the Struct, each array kind and nested object to its own field."""
    struct_part: dict[str, Any] = {}
    # The message's repeated fields by name (text_array_properties, ...) as they fill up.
    parts: defaultdict[str, list[Any]] = defaultdict(list)
    for name, value in props.items():
        t = type(value)
        if t is str or t is bool or value is None:
            struct_part[name] = value
            continue
        if t is int:
            # The Struct carries numbers as doubles, as the official client's does: an int no
            # int property can hold (beyond int64) is then the server's to refuse.
            struct_part[name] = value if _I64_MIN <= value <= _I64_MAX else float(value)
            continue
        if t is float:
            # NaN and infinities too: the server refuses that one object, as for the official
            # client (a REST body, JSON, cannot carry them: refused before sending there).
            struct_part[name] = value
            continue
        _check_name(name, field)
        path = f"{field}.{name}"
        if isinstance(value, Mapping):
            check_object_properties(value, path, nested=True)
            parts["object_properties"].append(
                base_pb2.ObjectProperties(
                    prop_name=name,
                    value=base_pb2.ObjectPropertiesValue(**_split_properties(value, path)),
                )
            )
            continue
        items = _as_list(value)
        if items is None:
            struct_part[name] = scalar_json(value, path)
            continue
        if not items:
            parts["empty_list_props"].append(name)
            continue
        kinds = {type(v) for v in items}
        if kinds == {str}:
            parts["text_array_properties"].append(
                base_pb2.TextArrayProperties(prop_name=name, values=items)
            )
            continue
        if kinds == {int}:
            parts["int_array_properties"].append(_int_array(name, items, path))
            continue
        if kinds == {bool}:
            parts["boolean_array_properties"].append(
                base_pb2.BooleanArrayProperties(prop_name=name, values=items)
            )
            continue
        if kinds <= {int, float}:
            parts["number_array_properties"].append(
                base_pb2.NumberArrayProperties(
                    prop_name=name, values_bytes=_pack_doubles(items, path)
                )
            )
            continue
        if all(_as_list(v) is not None for v in items):
            # A list of lists, which no property holds: it travels in the Struct, as the
            # official client sends it, and the server refuses that object.
            struct_part[name] = [_loose_item(v, f"{path}[{i}]") for i, v in enumerate(items)]
            continue
        kind = _grpc_list_kind(items, path)
        if kind == _TEXT:
            parts["text_array_properties"].append(
                base_pb2.TextArrayProperties(prop_name=name, values=_text_items(items, path))
            )
        elif kind == _INT:
            parts["int_array_properties"].append(_int_array(name, [int(v) for v in items], path))
        elif kind == _NUMBER:
            parts["number_array_properties"].append(
                base_pb2.NumberArrayProperties(
                    prop_name=name, values_bytes=_pack_doubles(_grpc_number_items(items), path)
                )
            )
        elif kind == _BOOL:
            parts["boolean_array_properties"].append(
                base_pb2.BooleanArrayProperties(prop_name=name, values=[bool(v) for v in items])
            )
        else:
            for i, v in enumerate(items):
                check_object_properties(v, f"{path}[{i}]", nested=True)
            parts["object_array_properties"].append(
                base_pb2.ObjectArrayProperties(
                    prop_name=name,
                    values=[
                        base_pb2.ObjectPropertiesValue(**_split_properties(v, f"{path}[{i}]"))
                        for i, v in enumerate(items)
                    ],
                )
            )
    kwargs: dict[str, Any] = dict(parts)
    if struct_part:
        for name in struct_part:
            _check_name(name, field)
        kwargs["non_ref_properties"] = struct_part
    return kwargs


# ---------------------------------------------------------------------------------- references

BEACON_PREFIX = "weaviate://localhost/"


def ref_uuids(value: Any, field: str) -> list[str]:
    """The target uuids of one reference input (a UUID or a list of them) as canonical text."""
    if isinstance(value, (str, uuid_lib.UUID)):
        return [uuid_str(value, field)]
    if isinstance(value, Sequence) and not isinstance(value, (bytes, bytearray)):
        return [uuid_str(v, f"{field}[{i}]") for i, v in enumerate(value)]
    raise invalid(field, "must be a UUID, a list of UUIDs or a ReferenceToMulti", value)


def ref_targets(ref: Any, field: str) -> tuple[str | None, list[str]]:
    """The target collection (None for a single-target reference) and the target uuids of a
    reference input: a UUID, a list of UUIDs or a ``ReferenceToMulti``."""
    from weaviate_async.classes.data import ReferenceToMulti

    if isinstance(ref, ReferenceToMulti):
        collection = check_collection_name(ref.target_collection, f"{field}.target_collection")
        return collection, ref_uuids(ref.uuids, f"{field}.uuids")
    return None, ref_uuids(ref, field)


def beacon(uuid: str, collection: str | None = None) -> str:
    """The REST beacon of one reference target: ``weaviate://localhost/[Collection/]uuid``."""
    return f"{BEACON_PREFIX}{uuid}" if collection is None else f"{BEACON_PREFIX}{collection}/{uuid}"


def _references_pb(references: Mapping[str, Any], field: str) -> dict[str, Any]:
    from weaviate_async.proto.weaviate.v1 import batch_pb2

    single: list[batch_pb2.BatchObject.SingleTargetRefProps] = []
    multi: list[batch_pb2.BatchObject.MultiTargetRefProps] = []
    for name, ref in references.items():
        _check_name(name, field)
        collection, uuids = ref_targets(ref, f"{field}.{name}")
        if collection is not None:
            multi.append(
                batch_pb2.BatchObject.MultiTargetRefProps(
                    prop_name=name, uuids=uuids, target_collection=collection
                )
            )
        else:
            single.append(batch_pb2.BatchObject.SingleTargetRefProps(prop_name=name, uuids=uuids))
    out: dict[str, Any] = {}
    if single:
        out["single_target_ref_props"] = single
    if multi:
        out["multi_target_ref_props"] = multi
    return out


def references_json(references: Mapping[str, Any], field: str = "references") -> dict[str, Any]:
    """References as REST beacons: ``{prop: [{"beacon": "weaviate://localhost/[Coll/]uuid"}]}``."""
    if not isinstance(references, Mapping):
        raise invalid(field, "must be a mapping of reference property names to targets", references)
    out: dict[str, Any] = {}
    for name, ref in references.items():
        _check_name(name, field)
        collection, uuids = ref_targets(ref, f"{field}.{name}")
        out[name] = [{"beacon": beacon(u, collection)} for u in uuids]
    return out


def encode_grpc_properties(
    props: Mapping[str, Any] | None,
    references: Mapping[str, Any] | None = None,
    field: str = "properties",
) -> batch_pb2.BatchObject.Properties:
    """Properties (and references) of one object as ``BatchObject.Properties``.

    Scalars (text, int, number, bool, dates, uuids, geo coordinates, phone numbers, blobs as
    bytes) go to the Struct; lists go to the typed array fields by element type; mappings become
    nested objects; empty lists are named in ``empty_list_props``. Errors in references name
    ``references`` next to ``field`` (``objects[3].references.author``).
    """
    from weaviate_async.proto.weaviate.v1 import batch_pb2

    kwargs: dict[str, Any] = {}
    if props:
        if not isinstance(props, Mapping):
            raise invalid(field, "must be a mapping of property names to values", props)
        check_object_properties(props, field)
        kwargs = _split_properties(props, field)
    if references:
        head, _, last = field.rpartition(".")
        ref_field = f"{head}.references" if head and last == "properties" else "references"
        if not isinstance(references, Mapping):
            raise invalid(ref_field, "must be a mapping of property names to targets", references)
        kwargs.update(_references_pb(references, ref_field))
    return batch_pb2.BatchObject.Properties(**kwargs)


# ---------------------------------------------------------------------------------- decoding


def _identity(value: Any) -> Any:
    return value


def _geo(value: properties_pb2.GeoCoordinate) -> GeoCoordinate:
    return GeoCoordinate(latitude=value.latitude, longitude=value.longitude)


def _phone(value: properties_pb2.PhoneNumber) -> _PhoneNumber:
    return _PhoneNumber(
        number=value.input,
        default_country=value.default_country or None,
        country_code=value.country_code,
        international_formatted=value.international_formatted,
        national=value.national,
        national_formatted=value.national_formatted,
        valid=value.valid,
    )


def _null(_value: Any) -> None:
    return None


def _numbers(value: properties_pb2.NumberValues) -> list[float]:
    return _unpack(value.values, "d", 8)


def _ints(value: properties_pb2.IntValues) -> list[int]:
    return _unpack(value.values, "q", 8)


def _repeated(value: Any) -> list[Any]:
    return list(value.values)


def _dates(value: properties_pb2.DateValues) -> list[dt.datetime | None]:
    return [_result_date(v) for v in value.values]


def _uuids(value: properties_pb2.UuidValues) -> list[uuid_lib.UUID]:
    return [uuid_lib.UUID(v) for v in value.values]


def _objects(value: properties_pb2.ObjectValues) -> list[dict[str, Any]]:
    return [decode_properties(v) for v in value.values]


_LIST_DECODERS: dict[str, Callable[[Any], list[Any]]] = {
    "number_values": _numbers,
    "int_values": _ints,
    "text_values": _repeated,
    "bool_values": _repeated,
    "date_values": _dates,
    "uuid_values": _uuids,
    "object_values": _objects,
}


def _list(value: properties_pb2.ListValue) -> list[Any]:
    kind = value.WhichOneof("kind")
    if kind is None:
        return []
    return _LIST_DECODERS[kind](getattr(value, kind))


_DECODERS: dict[str, Callable[[Any], Any]] = {
    "text_value": _identity,
    "int_value": _identity,
    "number_value": _identity,
    "bool_value": _identity,
    "blob_value": _identity,
    "date_value": _result_date,
    "uuid_value": uuid_lib.UUID,
    "object_value": lambda v: decode_properties(v),
    "list_value": _list,
    "geo_value": _geo,
    "phone_value": _phone,
    "null_value": _null,
}


def decode_value(value: properties_pb2.Value) -> Any:
    """One typed wire value as a Python value: text -> str, int -> int, number -> float,
    date -> aware datetime, uuid -> uuid.UUID, geo -> GeoCoordinate, phone -> PhoneNumber (with
    the server's parsed fields), object -> dict, arrays -> lists, null -> None."""
    kind = value.WhichOneof("kind")
    if kind is None:
        return None
    return _DECODERS[kind](getattr(value, kind))


# Kinds whose wire value is the Python value: read without a call through _DECODERS, which
# is most of the decoding time of a typical result.
_PLAIN_KINDS = frozenset({"text_value", "int_value", "number_value", "bool_value", "blob_value"})


def decode_properties(props: properties_pb2.Properties) -> dict[str, Any]:
    """All fields of a returned ``Properties`` message as a dict of Python values."""
    decoders = _DECODERS
    plain = _PLAIN_KINDS
    out: dict[str, Any] = {}
    fields = props.fields
    # Keys, then lookups: the upb map's items() goes through the ItemsView ABC in Python,
    # a third slower per property.
    for name in fields:
        value = fields[name]
        kind = value.WhichOneof("kind")
        if kind in plain:
            out[name] = getattr(value, kind)
        elif kind is None:
            out[name] = None
        else:
            out[name] = decoders[kind](getattr(value, kind))
    return out
