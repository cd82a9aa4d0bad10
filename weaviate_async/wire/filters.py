"""Filters (:mod:`weaviate_async.classes.filters`) -> ``base_pb2.Filters``. Pure functions.

The filter values were checked and put in their wire form when the filter was built, so the
encoder only maps: the operator to its enum, the target to ``FilterTarget`` (a property, a
reference count, or a path through single- or multi-target references), and the value to the
``test_value`` field of its type (text, int, number, bool, their arrays, a geo range). Used by
``delete_many`` (``BatchDeleteRequest.filters``) and by searches and aggregations (``filters=``).

Examples:
    >>> filters_pb(Filter.by_property("year").greater_than(2020))
    operator: OPERATOR_GREATER_THAN value_int: 2020 target { property: "year" }
"""

from __future__ import annotations

from typing import Any

from google.protobuf.message import DecodeError

from weaviate_async._validate import invalid
from weaviate_async.classes._filter_core import (
    _CountRef,
    _FilterAnd,
    _FilterNot,
    _FilterOr,
    _Filters,
    _FilterTargets,
    _FilterValue,
    _GeoCoordinateFilter,
    _MultiTargetRef,
    _Operator,
    _SingleTargetRef,
)
from weaviate_async.proto.weaviate.v1 import base_pb2

__all__ = ["filters_pb", "optional_filters_pb"]

_F = base_pb2.Filters
# Every filter operator is the wire operator of the same name.
_OPERATORS: dict[_Operator, Any] = {
    op: _F.Operator.Value(f"OPERATOR_{op.name}") for op in _Operator
}
# Element type of a list value -> (Filters field, array message).
_ARRAYS: dict[type, tuple[str, Any]] = {
    str: ("value_text_array", base_pb2.TextArray),
    bool: ("value_boolean_array", base_pb2.BooleanArray),
    int: ("value_int_array", base_pb2.IntArray),
    float: ("value_number_array", base_pb2.NumberArray),
}
_SCALARS: dict[type, str] = {
    str: "value_text",
    bool: "value_boolean",
    int: "value_int",
    float: "value_number",
}


def _target_pb(target: _FilterTargets) -> base_pb2.FilterTarget:
    if isinstance(target, str):
        return base_pb2.FilterTarget(property=target)
    if isinstance(target, _CountRef):
        return base_pb2.FilterTarget(count=base_pb2.FilterReferenceCount(on=target.link_on))
    if target.target is None:
        raise invalid("filters", f"the reference path {target.link_on!r} leads nowhere", target)
    inner = _target_pb(target.target)
    if isinstance(target, _SingleTargetRef):
        return base_pb2.FilterTarget(
            single_target=base_pb2.FilterReferenceSingleTarget(on=target.link_on, target=inner)
        )
    if isinstance(target, _MultiTargetRef):
        return base_pb2.FilterTarget(
            multi_target=base_pb2.FilterReferenceMultiTarget(
                on=target.link_on, target=inner, target_collection=target.target_collection
            )
        )
    raise invalid("filters", "unknown filter target", target)


def _value_kwargs(value: Any) -> dict[str, Any]:
    scalar = _SCALARS.get(type(value))
    if scalar is not None:
        return {scalar: value}
    if isinstance(value, tuple) and value:
        array = _ARRAYS.get(type(value[0]))
        if array is not None:
            return {array[0]: array[1](values=value)}
    if isinstance(value, _GeoCoordinateFilter):
        return {
            "value_geo": base_pb2.GeoCoordinatesFilter(
                latitude=value.latitude, longitude=value.longitude, distance=value.distance
            )
        }
    raise invalid("filters", "a filter value must be built with Filter...", value)


def _encode(node: Any, field: str) -> base_pb2.Filters:
    if isinstance(node, _FilterValue):
        try:
            return base_pb2.Filters(
                operator=_OPERATORS[node.operator],
                target=_target_pb(node.target),
                **_value_kwargs(node.value),
            )
        except UnicodeEncodeError:
            # a lone surrogate in the value or a name: protobuf cannot write it as UTF-8
            raise invalid(
                field,
                "holds a text with a lone surrogate, which cannot be encoded as UTF-8",
                node,
            ) from None
    if isinstance(node, (_FilterAnd, _FilterOr, _FilterNot)):
        return base_pb2.Filters(
            operator=_OPERATORS[node.operator],
            filters=[_encode(f, f"{field}.filters[{i}]") for i, f in enumerate(node.filters)],
        )
    raise invalid(
        field, "must be a filter built with Filter... (weaviate_async.classes.query)", node
    )


def filters_pb(value: _Filters, field: str = "filters") -> base_pb2.Filters:
    """The wire form of the filter ``value``.

    Raises:
        WeaviateInvalidInputError: ``value`` is not a filter built with ``Filter``, holds a
            text UTF-8 cannot carry, or nests more filters than protobuf encodes; ``field``
            names the argument (``filters.filters[1]`` for the second of an ``all_of``).
    """
    try:
        return _encode(value, field)
    except (DecodeError, RecursionError):
        # protobuf builds messages nested up to its recursion limit (100), Python's stack
        # ends further on; the official client fails there too
        raise invalid(field, "nests filters deeper than protobuf can encode") from None


def optional_filters_pb(value: _Filters | None, field: str = "filters") -> base_pb2.Filters | None:
    """Like :func:`filters_pb`, letting None (no filter) through."""
    return None if value is None else filters_pb(value, field)
