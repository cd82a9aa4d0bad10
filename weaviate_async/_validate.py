"""The validation kit: one family of checks that raise :class:`WeaviateInvalidInputError`.

Every check names the field, the reason and the value it got, so a bad argument reads the same
whether a configuration builder, a data call or the wire layer caught it, e.g.
``Invalid argument 'objects[3].vector[2]': must be a finite number (got nan)``.

The ``check_*`` functions let None through (an unset optional argument) and return nothing; the
``*_arg`` functions check the same way and return the value (for builders that assemble
settings from arguments); the attrs validator factory (``attrs_check``) wraps a check for model
fields. This module imports nothing else from the
package, so every layer can use it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid as uuid_lib
import warnings
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import Any, TypeVar, get_origin
from urllib.parse import urlsplit

from weaviate_async.exceptions import (
    InvalidDataModelError,
    WeaviateInsertInvalidPropertyError,
    WeaviateInvalidInputError,
)

__all__ = [
    "RESERVED_PROPERTY_NAMES",
    "RESERVED_PROPERTY_NAME_SUFFIXES",
    "VECTOR_NAME_RE",
    "attrs_check",
    "aware_rfc3339",
    "bool_arg",
    "check_bool",
    "check_object_properties",
    "InvalidArgumentTypeError",
    "invalid_type",
    "check_collection_name",
    "check_data_model",
    "check_float",
    "check_instance",
    "check_int",
    "check_property_name",
    "check_str",
    "check_str_list",
    "check_vector_name",
    "choice_arg",
    "enum_value",
    "float_arg",
    "int_arg",
    "invalid",
    "is_typeddict",
    "lower_id_arg",
    "mapping_arg",
    "str_arg",
    "str_list_arg",
    "to_enum",
    "to_opt_enum",
    "url_arg",
    "uuid_str",
]

_E = TypeVar("_E", bound=Enum)

_PROPERTY_NAME_RE = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,230}")

VECTOR_NAME_RE = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,229}")
"""A vector name the server accepts: a GraphQL name of at most 230 characters."""

#: Names the server refuses for top-level properties; ``vector`` is refused by the official
#: client as well, because it clashes with the object's vector in results.
RESERVED_PROPERTY_NAMES = frozenset({"_additional", "_id", "id", "vector"})
#: Suffixes the server keeps for its internal index buckets.
RESERVED_PROPERTY_NAME_SUFFIXES = (
    "_searchable",
    "_rangeable",
    "_temp",
    "__meta_count",
    "_propertyLength",
    "_nullState",
)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def check_object_properties(props: Mapping[str, Any], field: str, *, nested: bool = False) -> None:
    """Refuse ``id`` (at the top level) and ``vector`` (at any level) among an object's
    properties, as the official client does: they are the object's own fields, given apart.

    Other names the server reserves (``_additional``, ``_id``) are left to the server, which
    refuses that one object.

    Raises:
        WeaviateInsertInvalidPropertyError: ``field`` names the offending key.
    """
    if "vector" in props or (not nested and "id" in props):
        name = "vector" if "vector" in props else "id"
        raise WeaviateInsertInvalidPropertyError(dict(props), field=f"{field}.{name}")


class InvalidArgumentTypeError(WeaviateInvalidInputError, TypeError):
    """An argument of the wrong kind where the official client raises ``TypeError`` (e.g. the
    client's ``connection_params``): both classes catch it."""


def invalid_type(field: str, reason: str, value: Any = ...) -> InvalidArgumentTypeError:
    """As :func:`invalid`, for the places where the official client raises ``TypeError``."""
    error = invalid(field, reason, value)
    return InvalidArgumentTypeError(error.message, field=field)


def invalid(field: str, reason: str, value: Any = ...) -> WeaviateInvalidInputError:
    """The error for an invalid argument: ``Invalid argument 'field': reason (got value)``.

    Examples:
        >>> raise invalid("limit", "must be >= 1", 0)
    """
    got = "" if value is ... else f" (got {_short(value)})"
    return WeaviateInvalidInputError(f"Invalid argument {field!r}: {reason}{got}", field=field)


def check_bool(value: Any, field: str) -> None:
    """Raise unless ``value`` is None or a bool."""
    if value is not None and not isinstance(value, bool):
        raise invalid(field, "must be a bool", value)


def check_int(
    value: Any, field: str, *, minimum: int | None = None, maximum: int | None = None
) -> None:
    """Raise unless ``value`` is None or an int (not a bool) within the bounds."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(field, "must be an int", value)
    if minimum is not None and value < minimum:
        raise invalid(field, f"must be >= {minimum}", value)
    if maximum is not None and value > maximum:
        raise invalid(field, f"must be <= {maximum}", value)


def check_float(
    value: Any,
    field: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    finite: bool = True,
) -> None:
    """Raise unless ``value`` is None or a real number (finite unless ``finite=False``) within
    the bounds."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise invalid(field, "must be a number", value)
    if math.isnan(value) or (finite and math.isinf(value)):
        raise invalid(field, "must be finite", value)
    if minimum is not None and value < minimum:
        raise invalid(field, f"must be >= {minimum}", value)
    if maximum is not None and value > maximum:
        raise invalid(field, f"must be <= {maximum}", value)


def check_str(value: Any, field: str, *, allow_empty: bool = True) -> None:
    """Raise unless ``value`` is None or a str (non-empty unless ``allow_empty``)."""
    if value is None:
        return
    if not isinstance(value, str):
        raise invalid(field, "must be a str", value)
    if not allow_empty and not value.strip():
        raise invalid(field, "must not be empty", value)


def check_str_list(value: Any, field: str) -> None:
    """Raise unless ``value`` is None or a list/tuple of str."""
    if value is None:
        return
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise invalid(field, "must be a list of str", value)
    for item in value:
        if not isinstance(item, str):
            raise invalid(field, "must be a list of str", value)


def _required(value: Any, field: str, required: bool) -> bool:
    """Whether ``value`` is None (raising when it is ``required``)."""
    if value is not None:
        return False
    if required:
        raise invalid(field, "is required")
    return True


def str_arg(value: Any, field: str, *, required: bool = False) -> str | None:
    """``value`` if it is a non-empty str; None if it is None and not ``required``."""
    if _required(value, field, required):
        return None
    if not isinstance(value, str):
        raise invalid(field, "must be a str", value)
    if value == "":
        raise invalid(field, "must not be empty", value)
    return value


def url_arg(value: Any, field: str) -> str | None:
    """``value`` if it is an absolute http(s) URL (kept as given), or None."""
    text = str_arg(value, field)
    if text is None:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        raise invalid(field, "must be an absolute http(s) URL", value) from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise invalid(field, "must be an absolute http(s) URL", value)
    return text


def int_arg(
    value: Any, field: str, *, minimum: int | None = None, maximum: int | None = None
) -> int | None:
    """``value`` if it is None or an int (not a bool) within the bounds."""
    check_int(value, field, minimum=minimum, maximum=maximum)
    return value  # type: ignore[no-any-return]


def float_arg(
    value: Any, field: str, *, minimum: float | None = None, maximum: float | None = None
) -> float | None:
    """``value`` if it is None or a finite number (int or float, not bool) within the bounds."""
    check_float(value, field, minimum=minimum, maximum=maximum)
    return value  # type: ignore[no-any-return]


def bool_arg(value: Any, field: str, *, required: bool = False) -> bool | None:
    """``value`` if it is a bool; None if it is None and not ``required``."""
    if _required(value, field, required):
        return None
    check_bool(value, field)
    return value  # type: ignore[no-any-return]


def str_list_arg(value: Any, field: str, *, required: bool = False) -> list[str] | None:
    """``value`` as a new list if it is a non-empty list (or tuple) of non-empty str; None if it
    is None and not ``required``."""
    if _required(value, field, required):
        return None
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise invalid(field, "must be a list of str", value)
    if len(value) == 0:
        raise invalid(field, "must not be empty", value)
    for i, item in enumerate(value):
        if not isinstance(item, str) or item == "":
            raise invalid(field, f"item {i} must be a non-empty str", item)
    return list(value)


def choice_arg(value: Any, field: str, choices: Sequence[str]) -> str | None:
    """``value`` (a str, or an enum member whose value is one) if it is one of ``choices``;
    None if it is None."""
    if value is None:
        return None
    text = value.value if isinstance(value, Enum) else value
    if not isinstance(text, str) or text not in choices:
        raise invalid(field, f"must be one of {', '.join(map(repr, choices))}", value)
    return text


def mapping_arg(value: Any, field: str) -> dict[str, Any]:
    """``value`` as a new dict if it is a mapping with non-empty str keys; {} if it is None."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise invalid(field, "must be a dict", value)
    out: dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str) or key == "":
            raise invalid(field, "must have non-empty str keys", key)
        out[key] = item
    return out


_LOWER_ID_RE = re.compile(r"[a-z0-9_-]+")


def lower_id_arg(value: Any, field: str) -> str:
    """``value`` lowercased, if it is a str of letters, digits, ``_`` and ``-`` (not empty): the
    ids the server keeps in lowercase (backups, exports), sent lowercased as the official client
    sends them."""
    if not isinstance(value, str):
        raise invalid(field, "must be a str", value)
    lowered = value.lower()
    if not _LOWER_ID_RE.fullmatch(lowered):
        raise invalid(
            field,
            "may hold only letters (sent lowercased), digits, '_' and '-', and not be empty",
            value,
        )
    return lowered


def check_vector_name(value: Any, field: str = "name") -> str:
    """``value`` if it is a vector name the server accepts (:data:`VECTOR_NAME_RE`)."""
    if not isinstance(value, str) or not VECTOR_NAME_RE.fullmatch(value):
        raise invalid(field, f"a vector name must match /{VECTOR_NAME_RE.pattern}/", value)
    return value


def check_instance(value: Any, types: type | tuple[type, ...], field: str, what: str) -> None:
    """Raise unless ``value`` is None or an instance of ``types`` (``what`` names them)."""
    if value is not None and not isinstance(value, types):
        raise invalid(field, f"must be {what}", value)


def to_enum(enum: type[_E], value: Any, field: str) -> _E:
    """``value`` (a member or its value) as a member of ``enum``, or raise."""
    if isinstance(value, enum):
        return value
    try:
        return enum(value)
    except (ValueError, TypeError):
        allowed = ", ".join(repr(m.value) for m in enum)
        raise invalid(field, f"must be one of {allowed}", value) from None


def to_opt_enum(enum: type[_E], value: Any, field: str) -> _E | None:
    """Like :func:`to_enum`, letting None through."""
    return None if value is None else to_enum(enum, value, field)


def enum_value(value: Enum | str) -> str:
    """The wire string of an enum member or a plain string."""
    return str(value.value) if isinstance(value, Enum) else value


def uuid_str(value: Any, field: str) -> str:
    """``value`` (a ``uuid.UUID`` or its string form) as a canonical string, or raise."""
    if type(value) is uuid_lib.UUID:
        return str(value)
    if isinstance(value, str):
        try:
            return str(uuid_lib.UUID(value))
        except ValueError:
            pass
    elif isinstance(value, uuid_lib.UUID):
        return str(value)
    raise invalid(field, "must be a UUID (uuid.UUID or its string form)", value)


def aware_rfc3339(value: dt.datetime, field: str, context: str = "", *, warn: bool = True) -> str:
    """The RFC 3339 text of a datetime (microseconds, its own offset).

    A naive datetime is taken as UTC, as the official client takes it, with its UserWarning
    (``warn=False`` where the official client takes it silently, e.g. a boost's origin).
    ``field`` and ``context`` (e.g. which filter the value belongs to) name it in the warning.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        if warn:
            warnings.warn(
                f"the datetime {value} given for {field}{context} has no time zone: it is taken "
                "as UTC. Give the zone in the datetime, e.g. "
                "datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=-2)))",
                UserWarning,
                stacklevel=3,
            )
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.isoformat(timespec="microseconds")


def check_collection_name(name: Any, field: str = "name") -> str:
    """Check that a collection (or alias) name is a str and return it with its first letter
    uppercased, as the server and the official client store it.

    Its form is the server's to judge: the official client sends any str, and a program may
    look up, probe (``exists``) or delete a name the server would never create, which answers
    as a missing collection; a create the server refuses raises its refusal's error.
    """
    if not isinstance(name, str):
        raise invalid(field, "a collection name must be a str", name)
    return name[:1].upper() + name[1:]


def check_property_name(name: str, field: str = "name") -> None:
    """Checks that apply to a property placed directly on a collection (not nested)."""
    if not isinstance(name, str) or not _PROPERTY_NAME_RE.fullmatch(name):
        raise invalid(field, "a property name must match /[_A-Za-z][_0-9A-Za-z]{0,230}/", name)
    if name in RESERVED_PROPERTY_NAMES:
        raise invalid(field, f"{name!r} is a reserved property name", name)
    for suffix in RESERVED_PROPERTY_NAME_SUFFIXES:
        if name.endswith(suffix):
            raise invalid(
                field, f"the suffix {suffix!r} is reserved for the server's internal indexes", name
            )


def attrs_check(
    check: Callable[..., Any], field: str | None = None, *, required: bool = False, **bounds: Any
) -> Callable[[Any, Any, Any], None]:
    """An attrs validator running ``check(value, field, **bounds)``; ``field`` defaults to the
    attribute's name, and ``required`` refuses None.

    Examples:
        >>> @attrs.frozen
        ... class Page:
        ...     size: int = attrs.field(validator=attrs_check(check_int, minimum=1))
    """

    def validate(_instance: Any, attribute: Any, value: Any) -> None:
        if required and value is None:
            raise invalid(field or attribute.name, "is required", value)
        check(value, field or attribute.name, **bounds)

    return validate


def is_typeddict(model: Any) -> bool:
    """Whether ``model`` is a TypedDict class, from ``typing`` or ``typing_extensions`` (whose
    classes ``typing.is_typeddict`` does not recognise before Python 3.13)."""
    return (
        isinstance(model, type)
        and issubclass(model, dict)
        and hasattr(model, "__required_keys__")
        and hasattr(model, "__total__")
    )


def check_data_model(model: Any, kind: str) -> None:
    """Raise :class:`InvalidDataModelError` unless ``model`` is None, a TypedDict class or a
    parametrised dict type (``dict[str, Any]``, ``Dict[str, Any]``), as the official client
    does; ``kind`` is ``"properties"`` or ``"references"``."""
    if model is None or get_origin(model) is dict or is_typeddict(model):
        return
    raise InvalidDataModelError(kind)
