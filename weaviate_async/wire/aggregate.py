"""Aggregations over gRPC: ``AggregateRequest`` from the arguments of ``collection.aggregate``,
results from ``AggregateReply``. Pure functions.

One request builder (:func:`aggregate_request`) takes what every kind shares: the metrics,
filters, group-by, total count, object limit, and at most one search operator as
``(field, message)``, built by the operator functions below (``near_vector_pb``, ...,
``hybrid_pb``). ``collection.length()`` is the same request with only the count asked for
(:func:`count_request`).

The search operators are those of :mod:`weaviate_async.wire.search` (one encoder per fact:
vectors, target vectors, certainty and distance, moves, BM25 operators, media, hybrid), limited
to what an aggregation's search can be: it searches exactly one target vector (the server
refuses more), so target vectors come down to a single name, and a named vector is sent as
the vector with its target.

Examples:
    >>> request = aggregate_request(scope, metrics=[Metrics("year").integer(mean=True)])
    >>> aggregate_result(reply, grouped=False, metrics=metrics, total_count=True)
    AggregateReturn(properties={'year': AggregateInteger(...)}, total_count=1000)
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from weaviate_async._validate import check_bool, check_int, invalid
from weaviate_async.classes.aggregate import (
    AggregateBoolean,
    AggregateDate,
    AggregateGroup,
    AggregateGroupByReturn,
    AggregateInteger,
    AggregateNumber,
    AggregateReference,
    AggregateResult,
    AggregateReturn,
    AggregateText,
    GroupByAggregate,
    GroupedBy,
    TopOccurrence,
    _Metrics,
    _MetricsBoolean,
    _MetricsDate,
    _MetricsInteger,
    _MetricsNumber,
    _MetricsReference,
    _MetricsText,
)
from weaviate_async.classes.data import GeoCoordinate
from weaviate_async.classes.search import HybridVector, _HybridNearVector, _ListOfVectorsQuery
from weaviate_async.exceptions import EmptyResponseError
from weaviate_async.proto.weaviate.v1 import aggregate_pb2
from weaviate_async.wire import search
from weaviate_async.wire.filters import optional_filters_pb
from weaviate_async.wire.search import Version
from weaviate_async.wire.unencodable import utf8_arguments

if TYPE_CHECKING:
    from google.protobuf.message import Message

    from weaviate_async.models.scope import CollectionScope

__all__ = [
    "aggregate_request",
    "aggregate_result",
    "bm25_as_hybrid_pb",
    "count_from_reply",
    "count_request",
    "group_by_value",
    "hybrid_pb",
    "metrics_list",
    "near_media_pb",
    "near_object_pb",
    "near_text_pb",
    "near_vector_pb",
    "require_vector_bound",
]

_Agg = aggregate_pb2.AggregateRequest.Aggregation
_Reply = aggregate_pb2.AggregateReply
_METRIC_TYPES = (
    _MetricsText,
    _MetricsInteger,
    _MetricsNumber,
    _MetricsBoolean,
    _MetricsDate,
    _MetricsReference,
)
# The metric kinds whose flags are their wire message's fields one to one (``sum_`` is the
# wire's ``sum``): the request's oneof field and message of each.
_FLAG_KINDS: dict[type, tuple[str, Any]] = {
    _MetricsInteger: ("int", _Agg.Integer),
    _MetricsNumber: ("number", _Agg.Number),
    _MetricsBoolean: ("boolean", _Agg.Boolean),
    _MetricsDate: ("date", _Agg.Date),
}
_UINT32_MAX = 2**32 - 1
_ONE_TARGET = "an aggregation searches one target vector (the server refuses several)"


# ---------------------------------------------------------------------------------- arguments


def metrics_list(return_metrics: Any) -> list[_Metrics]:
    """``return_metrics`` (None, one ``Metrics(...).x()`` or a list of them) as a list."""
    if return_metrics is None:
        return []
    many = isinstance(return_metrics, (list, tuple))
    items = list(return_metrics) if many else [return_metrics]
    for i, metric in enumerate(items):
        if not isinstance(metric, _METRIC_TYPES):
            field = f"return_metrics[{i}]" if many else "return_metrics"
            raise invalid(
                field,
                "must be built with Metrics(property).text() / integer() / number() / "
                "boolean() / date_() / reference(), or be a list of those",
                metric,
            )
    return items


def group_by_value(group_by: Any) -> GroupByAggregate | None:
    """``group_by`` (None, a property name or a ``GroupByAggregate``) as a GroupByAggregate."""
    if group_by is None or isinstance(group_by, GroupByAggregate):
        return group_by
    if isinstance(group_by, str):
        return GroupByAggregate(prop=group_by)
    raise invalid("group_by", "must be a property name or a GroupByAggregate", group_by)


def require_vector_bound(certainty: Any, distance: Any, object_limit: Any) -> None:
    """A vector search aggregates the objects within a bound: raise unless one is given."""
    if certainty is None and distance is None and object_limit is None:
        raise invalid(
            "object_limit",
            "a vector search needs certainty, distance or object_limit, which bound the "
            "objects it aggregates",
        )


def _object_limit(value: Any) -> int | None:
    check_int(value, "object_limit", minimum=1, maximum=_UINT32_MAX)
    out: int | None = value
    return out


def _target_name(target_vector: Any) -> str | None:
    """The one target vector of an aggregation: a name, a list of one name, or a combination
    (``TargetVectors.x([...])``) of one target. It is checked as a search's target vector is;
    several targets are refused before anything is sent, as the server would refuse them."""
    targets = search.targets_pb(target_vector)
    if targets is None:
        return None
    unique = list(dict.fromkeys(targets.target_vectors))
    if len(unique) != 1:
        raise invalid("target_vector", _ONE_TARGET, target_vector)
    return unique[0]


def _one_vector(vector: Any, target: str | None, field: str) -> tuple[Any, str | None]:
    """``vector`` and its target: ``{name: vector}`` of one name becomes the vector, for that
    target. The server (v1.39) panics on ``vector_for_targets`` in an aggregation, which is
    how a search sends named vectors; one vector with its target is the same question."""
    if not isinstance(vector, Mapping):
        return vector, target
    if len(vector) != 1:
        raise invalid(field, _ONE_TARGET, list(vector))
    ((name, value),) = vector.items()
    if not isinstance(name, str) or not name:
        raise invalid(field, "vector names must be non-empty strings", name)
    if isinstance(value, _ListOfVectorsQuery):
        raise invalid(f"{field}[{name!r}]", "an aggregation searches with one vector", value)
    if target is not None and target != name:
        raise invalid("target_vector", f"names {target!r}, the vector is for {name!r}", target)
    return value, name


# ---------------------------------------------------------------------------------- operators
# The search operators of wire.search, limited to what an aggregation's search can be.


@utf8_arguments
def near_vector_pb(
    near_vector: Any,
    *,
    certainty: Any,
    distance: Any,
    target_vector: Any,
    version: Version = search.UNKNOWN,
) -> tuple[str, Message]:
    """The ``near_vector`` operator: one vector (or multi-vector), or ``{name: vector}`` with
    one name."""
    vector, target = _one_vector(near_vector, _target_name(target_vector), "near_vector")
    field = f"near_vector[{target!r}]" if isinstance(near_vector, Mapping) else "near_vector"
    message = search.near_vector_pb(
        vector,
        certainty=certainty,
        distance=distance,
        target_vector=target,
        version=version,
        field=field,
    )
    return "near_vector", message


@utf8_arguments
def near_object_pb(
    near_object: Any, *, certainty: Any, distance: Any, target_vector: Any
) -> tuple[str, Message]:
    """The ``near_object`` operator: the uuid of the object whose vector is the query."""
    message = search.near_object_pb(
        near_object,
        certainty=certainty,
        distance=distance,
        target_vector=_target_name(target_vector),
    )
    return "near_object", message


@utf8_arguments
def near_text_pb(
    query: Any,
    *,
    certainty: Any,
    distance: Any,
    move_to: Any,
    move_away: Any,
    target_vector: Any,
) -> tuple[str, Message]:
    """The ``near_text`` operator: one text or several (vectorized together), moved towards /
    away from concepts or objects (``Move``)."""
    message = search.near_text_pb(
        query,
        certainty=certainty,
        distance=distance,
        move_to=move_to,
        move_away=move_away,
        target_vector=_target_name(target_vector),
    )
    return "near_text", message


@utf8_arguments
def near_media_pb(
    media: str, media_type: Any, *, certainty: Any, distance: Any, target_vector: Any
) -> tuple[str, Message]:
    """The ``near_<media_type>`` operator (``NearMediaType``: image, audio, video, depth,
    thermal, imu) for base64 ``media``."""
    field, message = search.near_media_pb(
        media,
        media_type,
        certainty=certainty,
        distance=distance,
        target_vector=_target_name(target_vector),
    )
    return field, message


@utf8_arguments
def hybrid_pb(
    query: Any,
    *,
    alpha: Any,
    vector: Any,
    query_properties: Any,
    bm25_operator: Any,
    target_vector: Any,
    max_vector_distance: Any,
    version: Version = search.UNKNOWN,
) -> tuple[str, Message] | None:
    """The ``hybrid`` operator: keyword ``query`` and a vector (given, a ``HybridVector``
    sub-search, or the query's embedding) blended by ``alpha`` (0 = keyword only, 1 = vector
    only). None without query and vector: the aggregation is then over every object (that
    passes the filters)."""
    target = _target_name(target_vector)
    if isinstance(vector, _HybridNearVector):
        inner, target = _one_vector(vector.vector, target, "vector")
        vector = HybridVector.near_vector(
            inner, certainty=vector.certainty, distance=vector.distance
        )
    else:
        vector, target = _one_vector(vector, target, "vector")
    message = search.hybrid_pb(
        query,
        alpha=alpha,
        vector=vector,
        query_properties=query_properties,
        max_vector_distance=max_vector_distance,
        bm25_operator=bm25_operator,
        target_vector=target,
        version=version,
    )
    return None if message is None else ("hybrid", message)


@utf8_arguments
def bm25_as_hybrid_pb(
    query: Any, *, bm25_operator: Any, target_vector: str | None, version: Version = search.UNKNOWN
) -> tuple[str, Message]:
    """A keyword-only aggregation: the Aggregate RPC has no BM25 operator, but a hybrid search
    with ``alpha=0`` ranks by BM25 alone and does not vectorize the query."""
    if not isinstance(query, str):
        raise invalid("query", "must be a str", query)
    operator = hybrid_pb(
        query,
        alpha=0.0,
        vector=None,
        query_properties=None,
        bm25_operator=bm25_operator,
        target_vector=target_vector,
        max_vector_distance=None,
        version=version,
    )
    assert operator is not None  # a query was given
    return operator


# ---------------------------------------------------------------------------------- request


def _metric_pb(metric: _Metrics) -> aggregate_pb2.AggregateRequest.Aggregation:
    name = metric.property_name
    flag_kind = _FLAG_KINDS.get(type(metric))
    if flag_kind is not None:
        field, message = flag_kind
        flags = {f.name.rstrip("_"): getattr(metric, f.name) for f in attrs.fields(type(metric))}
        del flags["property_name"]
        return _Agg(property=name, **{field: message(**flags)})
    if isinstance(metric, _MetricsText):
        text = _Agg.Text(
            count=metric.count,
            top_occurences=metric.top_occurrences_count or metric.top_occurrences_value,
        )
        if metric.limit is not None:
            text.top_occurences_limit = metric.limit
        return _Agg(property=name, text=text)
    assert isinstance(metric, _MetricsReference)  # the one kind left
    # The server (v1.39) computes a reference's targets only along with its type: asked for
    # pointing_to alone it leaves the property out of the reply.
    return _Agg(
        property=name,
        reference=_Agg.Reference(type=metric.pointing_to, pointing_to=metric.pointing_to),
    )


@utf8_arguments
def aggregate_request(
    scope: CollectionScope,
    *,
    metrics: Sequence[_Metrics] = (),
    filters: Any = None,
    group_by: GroupByAggregate | None = None,
    total_count: Any = True,
    object_limit: Any = None,
    search: tuple[str, Message] | None = None,
) -> aggregate_pb2.AggregateRequest:
    """The ``AggregateRequest`` of any aggregation kind: ``search`` is the operator as
    ``(field, message)`` from the functions above, or None to aggregate every object (that
    passes ``filters``)."""
    check_bool(total_count, "total_count")
    request = aggregate_pb2.AggregateRequest(
        collection=scope.name,
        tenant=scope.tenant or "",
        objects_count=bool(total_count),
        aggregations=[_metric_pb(m) for m in metrics],
        filters=optional_filters_pb(filters),
    )
    limit = _object_limit(object_limit)
    if limit is not None:
        request.object_limit = limit
    if group_by is not None:
        request.group_by.CopyFrom(aggregate_pb2.AggregateRequest.GroupBy(property=group_by.prop))
        if group_by.limit is not None:
            request.limit = group_by.limit
    if search is not None:
        field, message = search
        getattr(request, field).CopyFrom(message)
    return request


def count_request(scope: CollectionScope) -> aggregate_pb2.AggregateRequest:
    """An ``AggregateRequest`` asking only for the number of objects of ``scope``."""
    return aggregate_request(scope, total_count=True)


# ---------------------------------------------------------------------------------- replies


_KINDS: dict[str, type] = {
    "int": AggregateInteger,
    "number": AggregateNumber,
    "boolean": AggregateBoolean,
    "date": AggregateDate,
}
# Result field -> reply field, per result type (the same names but ``sum_``).
_FIELDS = {
    kind: tuple((f.name, f.name.rstrip("_")) for f in dataclasses.fields(kind))
    for kind in _KINDS.values()
}


def _asked(metric: _Metrics | None, field: str) -> bool:
    """Whether ``metric`` asked for ``field`` (everything when the metric is unknown)."""
    return metric is None or bool(getattr(metric, field, True))


def _value(message: Any, field: str) -> Any:
    if not message.HasField(field):
        return None
    value = getattr(message, field)
    # The server sends NaN for a share of no values (percentages of an empty set).
    return None if isinstance(value, float) and math.isnan(value) else value


def _text(reply: Any, metric: _Metrics | None) -> AggregateText:
    want_occurs = _asked(metric, "top_occurrences_count")
    want_value = _asked(metric, "top_occurrences_value")
    tops: list[TopOccurrence] = []
    if (want_occurs or want_value) and reply.HasField("top_occurences"):
        tops = [
            TopOccurrence(
                count=item.occurs if want_occurs else None,
                value=item.value if want_value else None,
            )
            for item in reply.top_occurences.items
        ]
    count = _value(reply, "count") if _asked(metric, "count") else None
    return AggregateText(count=count, top_occurrences=tops)


def _property(
    aggregation: _Reply.Aggregations.Aggregation, metric: _Metrics | None
) -> AggregateResult:
    # The server reports some statistics whatever was asked for (a text property's count and
    # top values, every statistic of a boolean): what was not asked for is None.
    kind = aggregation.WhichOneof("aggregation")
    result_type = _KINDS.get(kind or "")
    if result_type is not None:
        message = getattr(aggregation, kind or "")
        values = {
            field: _value(message, wire) if _asked(metric, field) else None
            for field, wire in _FIELDS[result_type]
        }
        out: AggregateResult = result_type(**values)
        return out
    if kind == "text":
        return _text(aggregation.text, metric)
    if kind == "reference":
        return AggregateReference(pointing_to=list(aggregation.reference.pointing_to))
    raise EmptyResponseError(
        f"the aggregate reply holds no statistics for property {aggregation.property!r}",
        operation="aggregate",
    )


def _properties(
    aggregations: _Reply.Aggregations, asked: Mapping[str, _Metrics]
) -> dict[str, AggregateResult]:
    return {a.property: _property(a, asked.get(a.property)) for a in aggregations.aggregations}


def _grouped_by(message: _Reply.Group.GroupedBy) -> GroupedBy:
    prop = message.path[0] if message.path else ""
    kind = message.WhichOneof("value")
    value: Any
    if kind in ("text", "int", "boolean", "number"):
        value = getattr(message, kind)
    elif kind in ("texts", "ints", "booleans", "numbers"):
        value = list(getattr(message, kind).values)
    elif kind == "geo":
        value = GeoCoordinate(latitude=message.geo.latitude, longitude=message.geo.longitude)
    else:
        value = None
    return GroupedBy(prop=prop, value=value)


def aggregate_result(
    reply: aggregate_pb2.AggregateReply,
    *,
    grouped: bool,
    metrics: Sequence[_Metrics] = (),
    total_count: bool = True,
) -> AggregateReturn | AggregateGroupByReturn:
    """The result of a reply: an :class:`AggregateGroupByReturn` when ``grouped``, else an
    :class:`AggregateReturn`. ``total_count`` is None where it was not asked for (the server
    sends 0 then)."""
    asked = {m.property_name: m for m in metrics}
    kind = reply.WhichOneof("result")
    if grouped:
        if kind == "single_result":
            raise EmptyResponseError(
                "asked for groups, the aggregate reply holds a single result",
                operation="aggregate",
            )
        # No result at all: no object matched (or the group-by property has no values).
        groups = reply.grouped_results.groups if kind == "grouped_results" else ()
        return AggregateGroupByReturn(
            groups=[
                AggregateGroup(
                    grouped_by=_grouped_by(g.grouped_by),
                    properties=_properties(g.aggregations, asked),
                    total_count=_value(g, "objects_count") if total_count else None,
                )
                for g in groups
            ]
        )
    if kind == "grouped_results":
        raise EmptyResponseError(
            "asked for a single result, the aggregate reply holds groups", operation="aggregate"
        )
    single = reply.single_result
    return AggregateReturn(
        properties=_properties(single.aggregations, asked),
        total_count=(_value(single, "objects_count") or 0) if total_count else None,
    )


def count_from_reply(reply: aggregate_pb2.AggregateReply) -> int:
    """The object count of a single (ungrouped) aggregate reply."""
    if reply.WhichOneof("result") != "single_result" or not reply.single_result.HasField(
        "objects_count"
    ):
        raise EmptyResponseError(
            "the aggregate reply holds no object count", operation="collection.length"
        )
    return int(reply.single_result.objects_count)
