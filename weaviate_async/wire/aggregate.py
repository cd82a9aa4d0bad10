"""Aggregations over gRPC: ``AggregateRequest`` from the arguments of ``collection.aggregate``,
results from ``AggregateReply``. Pure functions.

One request builder (:func:`aggregate_request`) takes what every kind shares: the metrics,
filters, group-by, total count, object limit, and at most one search operator as
``(field, message)``, built by the operator functions below (``near_vector_pb``, ...,
``hybrid_pb``). ``collection.length()`` is the same request with only the count asked for
(:func:`count_request`).

The operator functions here are the aggregation's own: an aggregation searches exactly one
target vector (the server refuses more), so target vectors are a single name, and the search
operators carry no paging.

Example:
    >>> request = aggregate_request(scope, metrics=[Metrics("year").integer(mean=True)])
    >>> aggregate_result(reply, grouped=False, metrics=metrics, total_count=True)
    AggregateReturn(properties={'year': AggregateInteger(...)}, total_count=1000)
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from weaviate_async._validate import check_bool, check_int, enum_value, invalid, uuid_str
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
from weaviate_async.exceptions import EmptyResponseError
from weaviate_async.proto.weaviate.v1 import aggregate_pb2, base_pb2, base_search_pb2
from weaviate_async.util import parse_blob
from weaviate_async.wire.filters import optional_filters_pb
from weaviate_async.wire.values import pack_any_vector

if TYPE_CHECKING:
    from google.protobuf.message import Message

    from weaviate_async.collections.scope import CollectionScope

__all__ = [
    "MEDIA_TYPES",
    "aggregate_request",
    "aggregate_result",
    "bm25_as_hybrid_pb",
    "count_from_reply",
    "count_request",
    "group_by_value",
    "hybrid_pb",
    "media_pb",
    "metrics_list",
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
_UINT32_MAX = 2**32 - 1
_ONE_TARGET = "an aggregation searches one target vector (the server refuses several)"

#: ``near_media`` media types -> (AggregateRequest field, message, the message's media field).
MEDIA_TYPES: dict[str, tuple[str, Any, str]] = {
    "audio": ("near_audio", base_search_pb2.NearAudioSearch, "audio"),
    "depth": ("near_depth", base_search_pb2.NearDepthSearch, "depth"),
    "image": ("near_image", base_search_pb2.NearImageSearch, "image"),
    "imu": ("near_imu", base_search_pb2.NearIMUSearch, "imu"),
    "thermal": ("near_thermal", base_search_pb2.NearThermalSearch, "thermal"),
    "video": ("near_video", base_search_pb2.NearVideoSearch, "video"),
}
_OPERATORS = {
    "OR": base_search_pb2.SearchOperatorOptions.OPERATOR_OR,
    "AND": base_search_pb2.SearchOperatorOptions.OPERATOR_AND,
    "AND_CROSS": base_search_pb2.SearchOperatorOptions.OPERATOR_AND_CROSS,
}


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


def _opt_float(value: Any, field: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise invalid(field, "must be a number", value)
    f = float(value)
    if not math.isfinite(f):
        raise invalid(field, "must be a finite number", value)
    return f


def _certainty_distance(certainty: Any, distance: Any) -> dict[str, Any]:
    c = _opt_float(certainty, "certainty")
    d = _opt_float(distance, "distance")
    if c is not None and d is not None:
        raise invalid("certainty", "cannot be combined with distance; give one of them")
    if c is not None and not 0.0 <= c <= 1.0:
        raise invalid("certainty", "must be between 0 and 1", certainty)
    out: dict[str, Any] = {}
    if c is not None:
        out["certainty"] = c
    if d is not None:
        out["distance"] = d
    return out


def _names(value: Any, field: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if (
        isinstance(value, (str, bytes))
        or not isinstance(value, Sequence)
        or not value
        or not all(isinstance(v, str) and v for v in value)
    ):
        raise invalid(field, "must be a name or a list of names", value)
    return list(value)


def _target_name(target_vector: Any) -> str | None:
    """The one target vector of an aggregation: a name, a list of one name, or a combination
    (``TargetVectors.x([...])``) of one target. Combinations of several are refused before
    anything is sent, as the server would refuse them."""
    if target_vector is None:
        return None
    joined = getattr(target_vector, "target_vectors", None)
    names = _names(joined if joined is not None else target_vector, "target_vector")
    unique = list(dict.fromkeys(names))
    if len(unique) != 1:
        raise invalid("target_vector", _ONE_TARGET, target_vector)
    return unique[0]


def _targets_pb(name: str | None) -> base_search_pb2.Targets | None:
    return None if name is None else base_search_pb2.Targets(target_vectors=[name])


def _vectors_pb(vector: Any, field: str) -> base_pb2.Vectors:
    packed, kind = pack_any_vector(vector, field)
    return base_pb2.Vectors(vector_bytes=packed, type=kind)  # type: ignore[arg-type]


def _blob(media: Any, field: str) -> str:
    if not isinstance(media, (str, Path, io.BufferedReader)):
        raise invalid(
            field, "must be base64 text, a path (str or pathlib.Path) or a binary file", media
        )
    if isinstance(media, str) and not media:
        raise invalid(field, "must not be empty", media)
    return parse_blob(media)


def _uuids(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    return [uuid_str(v, f"{field}[{i}]") for i, v in enumerate(items)]


def _concepts(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    return _names(value, field)


def _move_pb(move: Any, field: str) -> base_search_pb2.NearTextSearch.Move | None:
    """A ``Move`` (its ``force`` and ``concepts`` and/or ``objects``) as the wire message."""
    if move is None:
        return None
    if not hasattr(move, "force"):
        raise invalid(field, "must be a Move(force=..., concepts=..., objects=...)", move)
    force = _opt_float(move.force, f"{field}.force")
    concepts = _concepts(getattr(move, "concepts", None), f"{field}.concepts")
    uuids = _uuids(getattr(move, "objects", None), f"{field}.objects")
    if force is None or not (concepts or uuids):
        raise invalid(field, "needs a force and concepts or objects to move by", move)
    return base_search_pb2.NearTextSearch.Move(force=force, concepts=concepts, uuids=uuids)


def _bm25_operator_pb(operator: Any) -> base_search_pb2.SearchOperatorOptions | None:
    """``bm25_operator`` (``BM25OperatorFactory.or_(n)`` / ``and_()`` / ``and_cross()``) read by
    its ``operator`` (a name, an enum member or the wire number) and, for OR,
    ``minimum_should_match``."""
    if operator is None:
        return None
    kind = getattr(operator, "operator", None)
    if isinstance(kind, Enum):
        kind = kind.value
    wire: Any = None
    if isinstance(kind, int) and not isinstance(kind, bool) and kind in _OPERATORS.values():
        wire = kind
    elif isinstance(kind, str):
        wire = _OPERATORS.get(kind.upper().removeprefix("OPERATOR_"))
    if wire is None:
        raise invalid(
            "bm25_operator",
            "must be made by BM25OperatorFactory.or_(minimum_match), .and_() or .and_cross()",
            operator,
        )
    options = base_search_pb2.SearchOperatorOptions(operator=wire)
    minimum = getattr(operator, "minimum_should_match", None)
    if minimum is not None:
        check_int(minimum, "bm25_operator.minimum_should_match", minimum=1)
        options.minimum_or_tokens_match = minimum
    return options


# ---------------------------------------------------------------------------------- operators


def near_vector_pb(
    near_vector: Any, *, certainty: Any, distance: Any, target_vector: Any
) -> tuple[str, Message]:
    """The ``near_vector`` operator: one vector (or multi-vector), or ``{name: vector}`` with
    one name."""
    target = _target_name(target_vector)
    bounds = _certainty_distance(certainty, distance)
    if isinstance(near_vector, Mapping):
        if len(near_vector) != 1:
            raise invalid("near_vector", _ONE_TARGET, list(near_vector))
        ((name, vector),) = near_vector.items()
        if not isinstance(name, str) or not name:
            raise invalid("near_vector", "vector names must be non-empty strings", name)
        if target is not None and target != name:
            raise invalid("target_vector", f"names {target!r}, the vector is for {name!r}", target)
        # One named vector is sent as a plain vector with its target: the server (v1.39)
        # panics on ``vector_for_targets`` in an aggregation.
        message = base_search_pb2.NearVector(
            vectors=[_vectors_pb(vector, f"near_vector[{name!r}]")],
            targets=_targets_pb(name),
            **bounds,
        )
        return "near_vector", message
    if near_vector is None:
        raise invalid("near_vector", "a vector is required", near_vector)
    message = base_search_pb2.NearVector(
        vectors=[_vectors_pb(near_vector, "near_vector")], targets=_targets_pb(target), **bounds
    )
    return "near_vector", message


def near_object_pb(
    near_object: Any, *, certainty: Any, distance: Any, target_vector: Any
) -> tuple[str, Message]:
    """The ``near_object`` operator: the uuid of the object whose vector is the query."""
    message = base_search_pb2.NearObject(
        id=uuid_str(near_object, "near_object"),
        targets=_targets_pb(_target_name(target_vector)),
        **_certainty_distance(certainty, distance),
    )
    return "near_object", message


def near_text_pb(
    query: Any,
    *,
    certainty: Any,
    distance: Any,
    move_to: Any,
    move_away: Any,
    target_vector: Any,
) -> tuple[str, Message]:
    """The ``near_text`` operator: one text or several (vectorized together)."""
    message = base_search_pb2.NearTextSearch(
        query=_names(query, "query"),
        targets=_targets_pb(_target_name(target_vector)),
        move_to=_move_pb(move_to, "move_to"),
        move_away=_move_pb(move_away, "move_away"),
        **_certainty_distance(certainty, distance),
    )
    return "near_text", message


def media_pb(
    media: Any,
    media_type: Any,
    *,
    certainty: Any,
    distance: Any,
    target_vector: Any,
    field: str = "media",
) -> tuple[str, Message]:
    """The ``near_<media_type>`` operator (image, audio, video, depth, thermal, imu); ``field``
    names the media argument in errors."""
    kind = enum_value(media_type) if isinstance(media_type, (str, Enum)) else media_type
    spec = MEDIA_TYPES.get(kind) if isinstance(kind, str) else None
    if spec is None:
        raise invalid("media_type", f"must be one of {', '.join(sorted(MEDIA_TYPES))}", media_type)
    request_field, message_type, media_field = spec
    message = message_type(
        targets=_targets_pb(_target_name(target_vector)),
        **{media_field: _blob(media, field)},
        **_certainty_distance(certainty, distance),
    )
    return request_field, message


def hybrid_pb(
    query: Any,
    *,
    alpha: Any,
    vector: Any,
    query_properties: Any,
    bm25_operator: Any,
    target_vector: Any,
    max_vector_distance: Any,
) -> tuple[str, Message]:
    """The ``hybrid`` operator: keyword ``query`` and a vector (given, or the query's
    embedding) blended by ``alpha`` (0 = keyword only, 1 = vector only)."""
    if query is not None and not isinstance(query, str):
        raise invalid("query", "must be a str or None", query)
    a = _opt_float(alpha, "alpha")
    if a is not None and not 0.0 <= a <= 1.0:
        raise invalid("alpha", "must be between 0 and 1", alpha)
    hybrid = base_search_pb2.Hybrid(
        query=query or "",
        properties=[] if query_properties is None else _names(query_properties, "query_properties"),
        use_alpha_param=True,
        targets=_targets_pb(_target_name(target_vector)),
        bm25_search_operator=_bm25_operator_pb(bm25_operator),
    )
    if a is not None:
        hybrid.alpha_param = a
    if vector is not None:
        hybrid.vectors.append(_vectors_pb(vector, "vector"))
    d = _opt_float(max_vector_distance, "max_vector_distance")
    if d is not None:
        hybrid.vector_distance = d
    return "hybrid", hybrid


def bm25_as_hybrid_pb(
    query: Any, *, bm25_operator: Any, target_vector: str | None
) -> tuple[str, Message]:
    """A keyword-only aggregation: the Aggregate RPC has no BM25 operator, but a hybrid search
    with ``alpha=0`` ranks by BM25 alone and does not vectorize the query."""
    if not isinstance(query, str):
        raise invalid("query", "must be a str", query)
    return hybrid_pb(
        query,
        alpha=0.0,
        vector=None,
        query_properties=None,
        bm25_operator=bm25_operator,
        target_vector=target_vector,
        max_vector_distance=None,
    )


# ---------------------------------------------------------------------------------- request


def _metric_pb(metric: _Metrics) -> aggregate_pb2.AggregateRequest.Aggregation:
    name = metric.property_name
    if isinstance(metric, _MetricsText):
        text = _Agg.Text(
            count=metric.count,
            top_occurences=metric.top_occurrences_count or metric.top_occurrences_value,
        )
        if metric.limit is not None:
            text.top_occurences_limit = metric.limit
        return _Agg(property=name, text=text)
    if isinstance(metric, (_MetricsInteger, _MetricsNumber)):
        flags = {
            "count": metric.count,
            "maximum": metric.maximum,
            "mean": metric.mean,
            "median": metric.median,
            "minimum": metric.minimum,
            "mode": metric.mode,
            "sum": metric.sum_,
        }
        if isinstance(metric, _MetricsInteger):
            return _Agg(property=name, int=_Agg.Integer(**flags))
        return _Agg(property=name, number=_Agg.Number(**flags))
    if isinstance(metric, _MetricsBoolean):
        return _Agg(
            property=name,
            boolean=_Agg.Boolean(
                count=metric.count,
                percentage_false=metric.percentage_false,
                percentage_true=metric.percentage_true,
                total_false=metric.total_false,
                total_true=metric.total_true,
            ),
        )
    if isinstance(metric, _MetricsDate):
        return _Agg(
            property=name,
            date=_Agg.Date(
                count=metric.count,
                maximum=metric.maximum,
                median=metric.median,
                minimum=metric.minimum,
                mode=metric.mode,
            ),
        )
    # The server (v1.39) computes a reference's targets only along with its type: asked for
    # pointing_to alone it leaves the property out of the reply.
    return _Agg(
        property=name,
        reference=_Agg.Reference(type=metric.pointing_to, pointing_to=metric.pointing_to),
    )


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


# Result field -> reply field, per result type (the same names but ``sum_``).
_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {
    AggregateInteger: tuple(
        (f, f.rstrip("_"))
        for f in ("count", "maximum", "mean", "median", "minimum", "mode", "sum_")
    ),
    AggregateBoolean: tuple(
        (f, f)
        for f in ("count", "percentage_false", "percentage_true", "total_false", "total_true")
    ),
    AggregateDate: tuple((f, f) for f in ("count", "maximum", "median", "minimum", "mode")),
}
_FIELDS[AggregateNumber] = _FIELDS[AggregateInteger]
_KINDS: dict[str, type] = {
    "int": AggregateInteger,
    "number": AggregateNumber,
    "boolean": AggregateBoolean,
    "date": AggregateDate,
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
