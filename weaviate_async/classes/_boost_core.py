"""The boost records and the checks behind :class:`~weaviate_async.classes.boost.Boost`.

A boost is a :class:`_Boost`: its conditions (each one function: a filter, a time or numeric
decay, or a property's value), its weight and its depth. The public factories are generated
into :mod:`weaviate_async.classes.boost`; each calls a builder here, which checks its arguments
(a bad one raises :class:`WeaviateInvalidInputError` naming it) and puts them in the form the
server reads (durations as ``"7d"`` text, an origin as RFC 3339 text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs

from weaviate_async._validate import (
    attrs_check,
    aware_rfc3339,
    check_float,
    check_int,
    check_str,
    invalid,
)
from weaviate_async.classes._boost_enums import _BoostCurve, _BoostModifier
from weaviate_async.classes._filter_core import _Filters

#: The most conditions one boost may carry (the server's limit).
MAX_CONDITIONS = 20

_name = attrs_check(check_str, required=True, allow_empty=False)
# A boost's weight is its share of the final score, in [0, 1], where it is used as the query's
# boost; the weight of a boost blended into another becomes a condition weight, which may be
# any number (negative demotes). So the range is checked when the query is built.
_weight = attrs_check(check_float)
_depth = attrs_check(check_int, minimum=1, maximum=2**32 - 1)


def _check_decay(value: Any) -> None:
    check_float(value, "decay")
    if value is not None and not 0.0 < value <= 1.0:
        raise invalid("decay", "must be in (0, 1]", value)


@attrs.frozen(kw_only=True)
class _TimeDecayFunction:
    property: str = attrs.field(validator=_name)
    origin: str
    scale: str
    offset: str | None = None
    curve: _BoostCurve | None = None
    decay_value: float | None = None


@attrs.frozen(kw_only=True)
class _NumericDecayFunction:
    property: str = attrs.field(validator=_name)
    origin: float
    scale: float
    offset: float | None = None
    curve: _BoostCurve | None = None
    decay_value: float | None = None


@attrs.frozen(kw_only=True)
class _PropertyValueFunction:
    property: str = attrs.field(validator=_name)
    modifier: _BoostModifier | None = None


@attrs.frozen(kw_only=True)
class _BoostCondition:
    """One condition of a boost; exactly one of its functions is set."""

    filter: _Filters | None = None
    time_decay: _TimeDecayFunction | None = None
    numeric_decay: _NumericDecayFunction | None = None
    property_value: _PropertyValueFunction | None = None
    weight: float | None = attrs.field(default=None, validator=attrs_check(check_float))


@attrs.frozen
class _Boost:
    """A boost: its conditions, overall weight and candidate depth (made by :class:`Boost`).

    Attributes:
        conditions: the scoring conditions.
        weight: the boost's share of the final score, in [0, 1] (None: the server's 0.5).
        depth: how many candidates the primary search fetches (None: the server's 100).
    """

    conditions: tuple[_BoostCondition, ...]
    weight: float | None = attrs.field(default=None, validator=_weight)
    depth: int | None = attrs.field(default=None, validator=_depth)

    def __attrs_post_init__(self) -> None:
        if not self.conditions:
            raise invalid("boosts", "a boost needs at least one condition", self.conditions)
        if len(self.conditions) > MAX_CONDITIONS:
            raise invalid(
                "boosts",
                f"a boost carries at most {MAX_CONDITIONS} conditions",
                len(self.conditions),
            )


def _duration(value: Any, field: str) -> str:
    """A decay distance as the server's duration text (``"7d"``, ``"36h"``, ``"90s"``)."""
    if isinstance(value, dt.timedelta):
        seconds = value.total_seconds()
        if seconds <= 0:
            raise invalid(field, "must be a positive duration", value)
        for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
            if seconds % size == 0:
                return f"{int(seconds // size)}{unit}"
        return f"{int(seconds)}s" if seconds == int(seconds) else f"{seconds}s"
    if isinstance(value, str) and value.strip():
        return value
    raise invalid(field, 'must be a timedelta or a duration such as "7d" or "24h"', value)


def _origin(value: Any) -> str:
    if value is None:
        return "now"
    if isinstance(value, dt.datetime):
        return aware_rfc3339(value, "origin", warn=False)
    if isinstance(value, str) and value.strip():
        return value
    raise invalid("origin", 'must be "now", an aware datetime or RFC 3339 text', value)


def _number(value: Any, field: str, *, required: bool = False) -> float | None:
    check_float(value, field)
    if value is None:
        if required:
            raise invalid(field, "is required", value)
        return None
    return float(value)


def _curve(value: Any) -> _BoostCurve | None:
    if value is None:
        return None
    try:
        return _BoostCurve(value)
    except ValueError:
        raise invalid("curve", "must be a Boost.Curve", value) from None


def _one(condition: _BoostCondition, weight: Any, depth: Any) -> _Boost:
    return _Boost(conditions=(condition,), weight=weight, depth=depth)


def _filter_boost(filter: Any, weight: Any, depth: Any) -> _Boost:
    if not isinstance(filter, _Filters):
        raise invalid("filter", "must be a filter built with Filter", filter)
    return _one(_BoostCondition(filter=filter), weight, depth)


def _time_decay(
    property: Any,
    origin: Any,
    scale: Any,
    offset: Any,
    curve: Any,
    decay: Any,
    weight: Any,
    depth: Any,
) -> _Boost:
    _check_decay(decay)
    function = _TimeDecayFunction(
        property=property,
        origin=_origin(origin),
        scale=_duration(scale, "scale"),
        offset=None if offset is None else _duration(offset, "offset"),
        curve=_curve(curve),
        decay_value=decay,
    )
    return _one(_BoostCondition(time_decay=function), weight, depth)


def _numeric_decay(
    property: Any,
    origin: Any,
    scale: Any,
    offset: Any,
    curve: Any,
    decay: Any,
    weight: Any,
    depth: Any,
) -> _Boost:
    _check_decay(decay)
    scale_f = _number(scale, "scale", required=True)
    if scale_f is not None and scale_f <= 0:
        raise invalid("scale", "must be positive", scale)
    function = _NumericDecayFunction(
        property=property,
        origin=_number(origin, "origin", required=True) or 0.0,
        scale=scale_f or 0.0,
        offset=_number(offset, "offset"),
        curve=_curve(curve),
        decay_value=decay,
    )
    return _one(_BoostCondition(numeric_decay=function), weight, depth)


def _numeric_property(name: Any, modifier: Any, weight: Any, depth: Any) -> _Boost:
    if modifier is not None:
        try:
            modifier = _BoostModifier(modifier)
        except ValueError:
            raise invalid("modifier", "must be a Boost.Modifier", modifier) from None
    function = _PropertyValueFunction(property=name, modifier=modifier)
    return _one(_BoostCondition(property_value=function), weight, depth)


def _blend(boosts: Any, weight: Any, depth: Any) -> _Boost:
    items = [boosts] if isinstance(boosts, _Boost) else boosts
    if isinstance(items, (str, bytes)) or not isinstance(items, Sequence) or not items:
        raise invalid("boosts", "must be one or more boosts made by Boost", boosts)
    conditions: list[_BoostCondition] = []
    for i, item in enumerate(items):
        if not isinstance(item, _Boost):
            raise invalid(f"boosts[{i}]", "must be a boost made by Boost", item)
        if item.depth is not None:
            raise invalid(
                f"boosts[{i}].depth", "set depth on blend() instead of its parts", item.depth
            )
        for cond in item.conditions:
            if cond.weight is None and item.weight is not None:
                cond = attrs.evolve(cond, weight=item.weight)
            conditions.append(cond)
    return _Boost(conditions=tuple(conditions), weight=weight, depth=depth)
