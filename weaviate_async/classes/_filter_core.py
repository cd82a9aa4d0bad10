"""The filter tree and the checks behind :class:`~weaviate_async.classes.filters.Filter`.

A filter is a tree of immutable values: :class:`_FilterValue` leaves (one target, one operator,
one value in its wire form) joined by AND / OR / NOT nodes. The builders' public methods are
generated into :mod:`weaviate_async.classes.filters`; each calls the checks here, which put a
value in the form it is sent (dates as RFC 3339 text, uuids as canonical text, lists as tuples,
a list of ints and floats as floats) or raise :class:`WeaviateInvalidInputError` naming the
argument and the filtered property.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import uuid as uuid_lib
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any, ClassVar, NoReturn, TypeAlias

import attrs

from weaviate_async._validate import aware_rfc3339, check_collection_name, invalid, uuid_str
from weaviate_async.classes.data import GeoCoordinate
from weaviate_async.exceptions import WeaviateInvalidInputError

_I64_MIN = -(2**63)
_I64_MAX = 2**63 - 1


class _Operator(str, Enum):
    """A filter's operator; the values are the server's GraphQL names."""

    EQUAL = "Equal"
    NOT_EQUAL = "NotEqual"
    LESS_THAN = "LessThan"
    LESS_THAN_EQUAL = "LessThanEqual"
    GREATER_THAN = "GreaterThan"
    GREATER_THAN_EQUAL = "GreaterThanEqual"
    LIKE = "Like"
    IS_NULL = "IsNull"
    CONTAINS_ANY = "ContainsAny"
    CONTAINS_ALL = "ContainsAll"
    CONTAINS_NONE = "ContainsNone"
    WITHIN_GEO_RANGE = "WithinGeoRange"
    AND = "And"
    OR = "Or"
    NOT = "Not"


_CONTAINS = frozenset({_Operator.CONTAINS_ANY, _Operator.CONTAINS_ALL, _Operator.CONTAINS_NONE})


# ---------------------------------------------------------------------------------- the tree


class _Filters:
    """A filter: a test on one value (:class:`_FilterValue`) or a combination of filters.

    ``a & b`` is "both", ``a | b`` is "either", ``~a`` is "not a".
    """

    __slots__ = ()

    def __and__(self, other: _Filters) -> _Filters:
        return _FilterAnd(_operands(_FilterAnd, self, other, "&"))

    def __or__(self, other: _Filters) -> _Filters:
        return _FilterOr(_operands(_FilterOr, self, other, "|"))

    def __invert__(self) -> _Filters:
        return _FilterNot((self,))


def _operands(
    kind: type[_FilterAnd | _FilterOr], left: Any, right: Any, op: str
) -> tuple[Any, ...]:
    """The operands of ``left op right``; a chain ``a & b & c`` stays one flat AND (the same
    filter, without nesting that grows with every link)."""
    if not isinstance(right, _Filters):
        raise invalid(
            "other", f"only a filter can be combined with {op} (built with Filter...)", right
        )
    out: list[Any] = []
    for side in (left, right):
        if type(side) is kind:
            out.extend(side.filters)
        else:
            out.append(side)
    return tuple(out)


def _as_filters(value: Iterable[_Filters]) -> tuple[_Filters, ...]:
    return tuple(value)


def _check_operands(instance: Any, attribute: Any, value: Sequence[Any]) -> None:
    for i, f in enumerate(value):
        if not isinstance(f, _Filters):
            raise invalid(f"filters[{i}]", "must be a filter built with Filter...", f)


@attrs.frozen
class _Combination(_Filters):
    """Filters joined by one operator (AND, OR or NOT, by the subclass)."""

    _operator: ClassVar[_Operator]
    filters: tuple[_Filters, ...] = attrs.field(converter=_as_filters, validator=_check_operands)

    @property
    def operator(self) -> _Operator:
        """The joining operator."""
        return self._operator


@attrs.frozen
class _FilterAnd(_Combination):
    """All of ``filters`` hold."""

    _operator = _Operator.AND


@attrs.frozen
class _FilterOr(_Combination):
    """At least one of ``filters`` holds."""

    _operator = _Operator.OR


def _one_operand(instance: Any, attribute: Any, value: tuple[Any, ...]) -> None:
    if len(value) != 1:
        raise invalid("filters", "NOT takes exactly one filter", value)
    _check_operands(instance, attribute, value)


@attrs.frozen
class _FilterNot(_Combination):
    """The one filter in ``filters`` does not hold."""

    _operator = _Operator.NOT
    filters: tuple[_Filters, ...] = attrs.field(converter=_as_filters, validator=_one_operand)


@attrs.frozen
class _CountRef:
    """The number of references in the reference property ``link_on``."""

    link_on: str


@attrs.frozen
class _SingleTargetRef:
    """Follow the reference property ``link_on`` to ``target``."""

    link_on: str
    target: _FilterTargets | None = None


@attrs.frozen
class _MultiTargetRef:
    """Follow the multi-target reference property ``link_on`` into ``target_collection``."""

    target_collection: str
    link_on: str
    target: _FilterTargets | None = None


#: What a filter tests: a property name (``_id``, ``_creationTimeUnix`` and
#: ``len(prop)`` included), a reference count, or a path through references.
_FilterTargets: TypeAlias = "str | _CountRef | _SingleTargetRef | _MultiTargetRef"


@attrs.frozen
class _GeoCoordinateFilter:
    """A circle on earth: ``distance`` meters around (``latitude``, ``longitude``)."""

    latitude: float
    longitude: float
    distance: float


#: A value as it is sent: text, int, number, bool, a tuple of one of these, or a geo range.
_WireValue: TypeAlias = (
    "str | int | float | bool | tuple[str, ...] | tuple[int, ...] | tuple[float, ...]"
    " | tuple[bool, ...] | _GeoCoordinateFilter"
)


@attrs.frozen
class _FilterValue(_Filters):
    """One test: ``target operator value``.

    Attributes:
        target: what is tested (see the module's docs).
        operator: the comparison.
        value: the value as it is sent (dates and uuids as text, lists as tuples).
    """

    target: _FilterTargets
    operator: _Operator
    value: _WireValue


#: One value a filter compares with.
FilterValues: TypeAlias = (
    "int | float | str | bool | dt.datetime | uuid_lib.UUID | FilterValuesList"
)
#: A list of values for ``contains_any`` / ``contains_all`` / ``contains_none``.
FilterValuesList: TypeAlias = (
    "Sequence[str] | Sequence[bool] | Sequence[int] | Sequence[float] | Sequence[dt.datetime]"
    " | Sequence[str | uuid_lib.UUID]"
)


# ---------------------------------------------------------------------------------- values


def _describe(target: _FilterTargets) -> str:
    """A readable path for error messages, e.g. ``'author' -> 'name'``."""
    if isinstance(target, str):
        return {"_id": "the id", "_creationTimeUnix": "the creation time"}.get(
            target, "the last update time" if target == "_lastUpdateTimeUnix" else repr(target)
        )
    if isinstance(target, _CountRef):
        return f"the reference count of {target.link_on!r}"
    inner = "?" if target.target is None else _describe(target.target)
    if isinstance(target, _MultiTargetRef):
        return f"{target.link_on!r} -> {target.target_collection} -> {inner}"
    return f"{target.link_on!r} -> {inner}"


class _Kind(str, Enum):
    """Kinds of filter values; a list holds one kind (ints may join numbers)."""

    TEXT = "text"
    DATE = "date"
    INT = "int"
    NUMBER = "number"
    BOOL = "bool"


def _fail(field: str, reason: str, value: Any, target: _FilterTargets) -> NoReturn:
    raise invalid(field, f"{reason} (filter on {_describe(target)})", value)


def _scalar(
    value: Any, field: str, target: _FilterTargets
) -> tuple[_Kind, str | int | float | bool]:
    """One value in its wire form, with its kind."""
    if isinstance(value, bool):
        return _Kind.BOOL, value
    if isinstance(value, str):
        return _Kind.TEXT, str.__str__(value)  # a str Enum member as its text
    if isinstance(value, uuid_lib.UUID):
        return _Kind.TEXT, str(value)
    if isinstance(value, dt.datetime):
        return _Kind.DATE, aware_rfc3339(value, field, f" (filter on {_describe(target)})")
    if isinstance(value, dt.date):
        _fail(field, "dates must be datetime.datetime (timezone-aware)", value, target)
    if getattr(getattr(value, "dtype", None), "kind", None) == "b":
        return _Kind.BOOL, bool(value)
    if isinstance(value, numbers.Integral):
        number = int(value)
        if not _I64_MIN <= number <= _I64_MAX:
            _fail(field, "must fit in a signed 64-bit integer", value, target)
        return _Kind.INT, number
    if isinstance(value, numbers.Real):
        real = float(value)
        if not math.isfinite(real):
            _fail(field, "must be a finite number", value, target)
        return _Kind.NUMBER, real
    if value is None:
        _fail(
            field, "must not be None; to test for a missing value use is_none(True)", value, target
        )
    if isinstance(value, GeoCoordinate):
        _fail(field, "a GeoCoordinate is compared with within_geo_range", value, target)
    _fail(
        field,
        "must be a str, int, float, bool, timezone-aware datetime or UUID, "
        f"not {type(value).__name__}",
        value,
        target,
    )


def _as_sequence(value: Any) -> Sequence[Any] | None:
    if isinstance(value, (str, bytes, bytearray)):
        return None
    if isinstance(value, Sequence):
        return value
    if hasattr(value, "__array__") and hasattr(value, "tolist"):
        out = value.tolist()
        return out if isinstance(out, list) else None
    return None


def _values(
    value: Any, field: str, target: _FilterTargets
) -> tuple[_Kind, tuple[str, ...] | tuple[int, ...] | tuple[float, ...] | tuple[bool, ...]]:
    """A non-empty list of one kind in its wire form (ints among floats become floats)."""
    items = _as_sequence(value)
    if items is None:
        _fail(field, "must be a list of values", value, target)
    if len(items) == 0:
        _fail(
            field,
            "must hold at least one value (to test for an empty list, filter the length: "
            "Filter.by_property(name, length=True).equal(0))",
            value,
            target,
        )
    kinds: list[_Kind] = []
    out: list[Any] = []
    for i, item in enumerate(items):
        if _as_sequence(item) is not None:
            _fail(f"{field}[{i}]", "lists cannot be nested", item, target)
        kind, wire = _scalar(item, f"{field}[{i}]", target)
        kinds.append(kind)
        out.append(wire)
    first = kinds[0]
    kind_set = set(kinds)
    if len(kind_set) > 1:
        if kind_set == {_Kind.INT, _Kind.NUMBER}:
            return _Kind.NUMBER, tuple(float(v) for v in out)
        bad = next(i for i, k in enumerate(kinds) if k is not first)
        _fail(
            f"{field}[{bad}]",
            f"a list must hold values of one kind: {first.value} first, then {kinds[bad].value}",
            items[bad],
            target,
        )
    return first, tuple(out)


def _leaf(
    target: _FilterTargets,
    operator: _Operator,
    value: Any,
    field: str,
    allowed: frozenset[_Kind] | None = None,
) -> _FilterValue:
    """A checked test: contains_* take a non-empty list, every other operator one value of an
    ``allowed`` kind."""
    kind: _Kind
    wire: _WireValue
    if operator in _CONTAINS:
        kind, wire = _values(value, field, target)
    else:
        if _as_sequence(value) is not None:
            _fail(
                field,
                f"{operator.name.lower()} takes one value; to match any of several values use "
                "contains_any",
                value,
                target,
            )
        kind, wire = _scalar(value, field, target)
    if allowed is not None and kind not in allowed:
        names = " or ".join(sorted(k.value for k in allowed))
        _fail(field, f"must be {names}, not {kind.value}", value, target)
    return _FilterValue(target=target, operator=operator, value=wire)


# ---------------------------------------------------------------------------------- builders

#: One hop through a reference property: (link_on, target collection or None).
_Hop = tuple[str, "str | None"]


def _name(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise invalid(field, "must be a non-empty str", value)
    return value


def _path(hops: tuple[_Hop, ...], leaf: _FilterTargets) -> _FilterTargets:
    """``leaf`` reached through ``hops``, as the nested target the server expects."""
    target = leaf
    for link_on, collection in reversed(hops):
        if collection is None:
            target = _SingleTargetRef(link_on=link_on, target=target)
        else:
            target = _MultiTargetRef(target_collection=collection, link_on=link_on, target=target)
    return target


class _FilterBase:
    """What every builder shares: the references followed so far and the tested target."""

    __slots__ = ("_target",)
    _target: _FilterTargets

    def __init__(self, target: _FilterTargets) -> None:
        object.__setattr__(self, "_target", target)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({_describe(self._target)})"


_DATE = frozenset({_Kind.DATE})
_TEXT = frozenset({_Kind.TEXT})
_INT = frozenset({_Kind.INT})


class _PropertyTests(_FilterBase):
    """The checks of the tests on a property or its length (``FilterByProperty``)."""

    __slots__ = ("_length",)
    _length: bool

    def __init__(self, prop: str, length: bool, hops: tuple[_Hop, ...] = ()) -> None:
        name = _name(prop, "name")
        if not isinstance(length, bool):
            raise invalid("length", "must be a bool", length)
        object.__setattr__(self, "_length", length)
        super().__init__(_path(hops, f"len({name})" if length else name))

    def _test(self, operator: _Operator, value: Any, field: str = "val") -> _FilterValue:
        # The length of a property is an int, whatever the property's type.
        allowed = frozenset({_Kind.INT}) if self._length else None
        return _leaf(self._target, operator, value, field, allowed)

    def _is_none(self, val: Any) -> _FilterValue:
        if not isinstance(val, bool):
            _fail("val", "must be a bool", val, self._target)
        return _FilterValue(target=self._target, operator=_Operator.IS_NULL, value=val)

    def _like(self, val: Any) -> _FilterValue:
        if self._length or not isinstance(val, str):
            what = "the length of a property" if self._length else "a str pattern"
            _fail("val", f"like compares text: it needs {what}", val, self._target)
        return _FilterValue(target=self._target, operator=_Operator.LIKE, value=val)

    def _geo(self, coordinate: Any, distance: Any) -> _FilterValue:
        if self._length:
            _fail("coordinate", "a property length is no geo-coordinate", coordinate, self._target)
        if not isinstance(coordinate, GeoCoordinate):
            _fail("coordinate", "must be a GeoCoordinate", coordinate, self._target)
        if isinstance(distance, bool) or not isinstance(distance, numbers.Real):
            _fail("distance", "must be a number of meters", distance, self._target)
        meters = float(distance)
        if not math.isfinite(meters) or meters < 0:
            _fail("distance", "must be a finite number of meters >= 0", distance, self._target)
        geo = _GeoCoordinateFilter(
            latitude=float(coordinate.latitude),
            longitude=float(coordinate.longitude),
            distance=meters,
        )
        return _FilterValue(target=self._target, operator=_Operator.WITHIN_GEO_RANGE, value=geo)


def _uuid(value: Any, field: str, target: _FilterTargets) -> str:
    try:
        return uuid_str(value, field)
    except WeaviateInvalidInputError:
        _fail(field, "must be a UUID (uuid.UUID or its string form)", value, target)


class _IdTests(_FilterBase):
    """The checks of the tests on the object's id (``FilterById``)."""

    __slots__ = ()

    def __init__(self, hops: tuple[_Hop, ...] = ()) -> None:
        super().__init__(_path(hops, "_id"))

    def _one(self, operator: _Operator, uuid: Any) -> _FilterValue:
        value = _uuid(uuid, "uuid", self._target)
        return _FilterValue(target=self._target, operator=operator, value=value)

    def _many(self, operator: _Operator, uuids: Any) -> _FilterValue:
        items = _as_sequence(uuids)
        if items is None:
            _fail("uuids", "must be a list of UUIDs", uuids, self._target)
        canonical = [_uuid(u, f"uuids[{i}]", self._target) for i, u in enumerate(items)]
        return _leaf(self._target, operator, canonical, "uuids", _TEXT)


def _ref_hop(link_on: Any, field: str, target_collection: Any = None) -> _Hop:
    """One checked hop through a reference property (into ``target_collection``, if given)."""
    name = _name(link_on, field)
    if target_collection is None:
        return (name, None)
    return (name, check_collection_name(target_collection, "target_collection"))


class _RefPath:
    """The references followed so far (``FilterByRef``), as (link_on, target collection or
    None) hops."""

    __slots__ = ("_hops",)
    _hops: tuple[_Hop, ...]

    def __init__(self, hops: tuple[_Hop, ...]) -> None:
        object.__setattr__(self, "_hops", hops)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("FilterByRef is immutable")

    def __repr__(self) -> str:
        return f"FilterByRef({' -> '.join(h[0] if h[1] is None else f'{h[0]}:{h[1]}' for h in self._hops)})"


def _combine(filters: Any) -> Sequence[_Filters]:
    """The ``filters`` of ``Filter.all_of`` / ``any_of``, checked."""
    items = _as_sequence(filters)
    if items is None:
        raise invalid("filters", "must be a list of filters", filters)
    if not items:
        raise invalid("filters", "must hold at least one filter", filters)
    _check_operands(None, None, items)
    return items


def _not(filter_: Any) -> _Filters:
    if not isinstance(filter_, _Filters):
        raise invalid("filter_", "must be a filter built with Filter...", filter_)
    return _FilterNot((filter_,))
