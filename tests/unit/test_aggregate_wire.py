"""The aggregation's pure parts: ``Metrics`` / ``GroupByAggregate`` checks, the request builder
and operators of :mod:`weaviate_async.wire.aggregate`, and the reply parser (replies built as
the published ``aggregate.proto`` describes them)."""

from __future__ import annotations

import dataclasses
import math
import struct
import uuid as uuid_lib
from typing import Any

import pytest

from weaviate_async.classes.aggregate import (
    AggregateBoolean,
    AggregateDate,
    AggregateGroup,
    AggregateGroupByReturn,
    AggregateInteger,
    AggregateNumber,
    AggregateReference,
    AggregateReturn,
    AggregateText,
    GroupByAggregate,
    GroupedBy,
    Metrics,
    TopOccurrence,
)
from weaviate_async.classes.data import GeoCoordinate
from weaviate_async.classes.filters import Filter
from weaviate_async.classes.query import (
    BM25Operator,
    HybridVector,
    Move,
    NearMediaType,
    NearVector,
    TargetVectors,
)
from weaviate_async.exceptions import EmptyResponseError, WeaviateInvalidInputError
from weaviate_async.models.scope import CollectionScope
from weaviate_async.proto.weaviate.v1 import aggregate_pb2, base_pb2, base_search_pb2
from weaviate_async.wire import aggregate as wire

SCOPE = CollectionScope.of("Article")
Req = aggregate_pb2.AggregateRequest
Reply = aggregate_pb2.AggregateReply
RAgg = Reply.Aggregations.Aggregation
UID = uuid_lib.UUID("3f4c7a9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b")


def _floats(data: bytes) -> list[float]:
    return list(struct.unpack(f"<{len(data) // 4}f", data))


# ------------------------------------------------------------------------------- builders


def test_metrics_without_flags_ask_for_everything() -> None:
    text = Metrics("title").text()
    assert (text.count, text.top_occurrences_count, text.top_occurrences_value) == (
        True,
        True,
        True,
    )
    assert text.limit is None
    integer = Metrics("n").integer()
    assert all(getattr(integer, f) for f in ("count", "mean", "median", "mode", "sum_"))
    assert Metrics("b").boolean().percentage_true
    assert Metrics("d").date_().median
    assert Metrics("r").reference().pointing_to
    only = Metrics("n").number(mean=True)
    assert (only.mean, only.sum_, only.count) == (True, False, False)


def test_metrics_check_their_arguments() -> None:
    with pytest.raises(WeaviateInvalidInputError, match="property_"):
        Metrics("")
    with pytest.raises(WeaviateInvalidInputError, match="limit"):
        Metrics("t").text(limit=0)
    with pytest.raises(WeaviateInvalidInputError, match="min_occurrences"):
        Metrics("t").text(limit=2, min_occurrences=3)
    with pytest.raises(WeaviateInvalidInputError, match="mean"):
        Metrics("n").integer(mean="yes")  # type: ignore[arg-type]
    with pytest.warns(DeprecationWarning, match="limit"):
        assert Metrics("t").text(min_occurrences=3).limit == 3
    with pytest.raises(WeaviateInvalidInputError, match="prop"):
        GroupByAggregate(prop="")
    with pytest.raises(WeaviateInvalidInputError, match="limit"):
        GroupByAggregate(prop="p", limit=0)
    assert wire.group_by_value("genre") == GroupByAggregate(prop="genre")
    with pytest.raises(WeaviateInvalidInputError, match="group_by"):
        wire.group_by_value(["genre"])
    with pytest.raises(WeaviateInvalidInputError, match=r"return_metrics\[1\]"):
        wire.metrics_list([Metrics("a").text(), "b"])
    with pytest.raises(WeaviateInvalidInputError, match="'return_metrics'"):
        wire.metrics_list("a")
    assert wire.metrics_list(None) == []
    assert wire.metrics_list(Metrics("a").boolean()) == [Metrics("a").boolean()]


def test_request_encodes_every_metric_type() -> None:
    request = wire.aggregate_request(
        SCOPE.with_tenant("t1"),
        metrics=[
            Metrics("title").text(top_occurrences_value=True, limit=3),
            Metrics("n").integer(sum_=True),
            Metrics("x").number(median=True, mode=True),
            Metrics("b").boolean(total_false=True),
            Metrics("d").date_(minimum=True),
            Metrics("r").reference(),
        ],
        total_count=False,
    )
    assert (request.collection, request.tenant, request.objects_count) == ("Article", "t1", False)
    text, integer, number, boolean, date, reference = request.aggregations
    # asking for the values alone still asks for the top occurrences
    assert text.text == Req.Aggregation.Text(top_occurences=True, top_occurences_limit=3)
    assert integer.int == Req.Aggregation.Integer(sum=True)
    assert number.number == Req.Aggregation.Number(median=True, mode=True)
    assert boolean.boolean == Req.Aggregation.Boolean(total_false=True)
    assert date.date == Req.Aggregation.Date(minimum=True)
    # the server answers pointing_to only along with the type
    assert reference.reference == Req.Aggregation.Reference(type=True, pointing_to=True)
    assert [a.property for a in request.aggregations] == ["title", "n", "x", "b", "d", "r"]
    assert not request.HasField("object_limit") and not request.HasField("group_by")
    assert request.WhichOneof("search") is None


def test_request_shared_arguments() -> None:
    near = wire.near_object_pb(UID, certainty=None, distance=0.2, target_vector=None)
    request = wire.aggregate_request(
        SCOPE,
        filters=Filter.by_property("year").greater_than(2000),
        group_by=GroupByAggregate(prop="genre", limit=4),
        object_limit=7,
        search=near,
    )
    assert request.objects_count and request.object_limit == 7
    assert request.group_by == Req.GroupBy(property="genre") and request.limit == 4
    assert request.filters.value_int == 2000
    assert request.WhichOneof("search") == "near_object"
    assert request.near_object.id == str(UID) and request.near_object.distance == 0.2
    assert wire.count_request(SCOPE) == Req(collection="Article", objects_count=True)
    for bad, field in ((0, "object_limit"), (2**32, "object_limit"), (1.5, "object_limit")):
        with pytest.raises(WeaviateInvalidInputError, match=field):
            wire.aggregate_request(SCOPE, object_limit=bad)
    with pytest.raises(WeaviateInvalidInputError, match="total_count"):
        wire.aggregate_request(SCOPE, total_count="yes")
    with pytest.raises(WeaviateInvalidInputError, match="filters"):
        wire.aggregate_request(SCOPE, filters="year > 2000")


# ------------------------------------------------------------------------------- operators


def test_near_vector_forms() -> None:
    field, plain = wire.near_vector_pb(
        [1.0, 2.0], certainty=0.7, distance=None, target_vector="own"
    )
    assert field == "near_vector"
    assert isinstance(plain, base_search_pb2.NearVector)
    assert _floats(plain.vectors[0].vector_bytes) == [1.0, 2.0]
    assert plain.vectors[0].type == base_pb2.Vectors.VECTOR_TYPE_SINGLE_FP32
    assert list(plain.targets.target_vectors) == ["own"] and plain.certainty == pytest.approx(0.7)
    _, named = wire.near_vector_pb(
        {"colbert": [[1.0, 0.0], [0.0, 1.0]]}, certainty=None, distance=0.3, target_vector=None
    )
    assert isinstance(named, base_search_pb2.NearVector)
    assert named.vectors[0].type == base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32
    assert list(named.targets.target_vectors) == ["colbert"]
    assert not named.vector_for_targets  # the server (v1.39) panics on it in aggregations
    np = pytest.importorskip("numpy")
    _, array = wire.near_vector_pb(
        np.array([0.5, 0.25], dtype=np.float32), certainty=None, distance=None, target_vector=None
    )
    assert isinstance(array, base_search_pb2.NearVector)
    assert _floats(array.vectors[0].vector_bytes) == [0.5, 0.25]
    assert not array.HasField("targets")


def test_one_target_vector_only() -> None:
    one: list[Any] = [["a"], TargetVectors.sum(["a"]), TargetVectors.minimum(["a", "a"])]
    one.append(TargetVectors.manual_weights({"a": [1.0, 2.0]}))
    for target in one:
        _, message = wire.near_object_pb(UID, certainty=None, distance=None, target_vector=target)
        assert isinstance(message, base_search_pb2.NearObject)
        assert message.targets == base_search_pb2.Targets(target_vectors=["a"])
    for target in (["a", "b"], TargetVectors.average(["a", "b"])):
        with pytest.raises(WeaviateInvalidInputError, match="one target vector"):
            wire.near_object_pb(UID, certainty=None, distance=None, target_vector=target)
    with pytest.raises(WeaviateInvalidInputError, match="one target vector"):
        wire.near_vector_pb(
            {"a": [1.0], "b": [2.0]}, certainty=None, distance=None, target_vector=None
        )
    with pytest.raises(WeaviateInvalidInputError, match="target_vector"):
        wire.near_vector_pb({"a": [1.0]}, certainty=None, distance=None, target_vector="b")
    with pytest.raises(WeaviateInvalidInputError, match="target_vector"):
        wire.near_object_pb(UID, certainty=None, distance=None, target_vector=[])
    with pytest.raises(WeaviateInvalidInputError, match=r"near_vector\['a'\]"):
        wire.near_vector_pb(
            {"a": NearVector.list_of_vectors([1.0], [2.0])},
            certainty=None,
            distance=None,
            target_vector=None,
        )


def test_bounds_are_checked() -> None:
    # certainty with distance is the server's to refuse (WeaviateQueryError)
    assert wire.near_object_pb(UID, certainty=0.5, distance=0.5, target_vector=None) is not None
    with pytest.raises(WeaviateInvalidInputError, match="certainty"):
        wire.near_object_pb(UID, certainty=1.5, distance=None, target_vector=None)
    with pytest.raises(WeaviateInvalidInputError, match="distance"):
        wire.near_object_pb(UID, certainty=None, distance=math.inf, target_vector=None)
    with pytest.raises(WeaviateInvalidInputError, match="object_limit"):
        wire.require_vector_bound(None, None, None)
    wire.require_vector_bound(None, 0.1, None)
    with pytest.raises(WeaviateInvalidInputError, match="near_vector"):
        wire.near_vector_pb([1.0, "x"], certainty=None, distance=None, target_vector=None)
    with pytest.raises(WeaviateInvalidInputError, match="near_vector"):
        wire.near_vector_pb(None, certainty=None, distance=None, target_vector=None)


def test_near_text_and_moves() -> None:
    field, message = wire.near_text_pb(
        ["a", "b"],
        certainty=None,
        distance=None,
        move_to=Move(0.5, concepts="up"),
        move_away=Move(1.0, objects=UID),
        target_vector="t",
    )
    assert field == "near_text"
    assert isinstance(message, base_search_pb2.NearTextSearch)
    assert list(message.query) == ["a", "b"]
    assert message.move_to == base_search_pb2.NearTextSearch.Move(force=0.5, concepts=["up"])
    assert message.move_away == base_search_pb2.NearTextSearch.Move(force=1.0, uuids=[str(UID)])
    _, single = wire.near_text_pb(
        "a", certainty=None, distance=None, move_to=None, move_away=None, target_vector=None
    )
    assert isinstance(single, base_search_pb2.NearTextSearch)
    assert list(single.query) == ["a"] and not single.HasField("move_to")
    with pytest.raises(WeaviateInvalidInputError, match="move_to"):
        wire.near_text_pb(
            "a", certainty=None, distance=None, move_to="up", move_away=None, target_vector=None
        )
    # a Move checks itself when it is made
    with pytest.raises(WeaviateInvalidInputError, match="objects"):
        Move(0.5)
    with pytest.raises(WeaviateInvalidInputError, match="objects"):
        Move(0.5, objects=["nope"])
    with pytest.raises(WeaviateInvalidInputError, match="query"):
        wire.near_text_pb(
            "", certainty=None, distance=None, move_to=None, move_away=None, target_vector=None
        )


def test_media_of_every_type() -> None:
    expected = {
        NearMediaType.AUDIO: ("near_audio", "audio"),
        NearMediaType.DEPTH: ("near_depth", "depth"),
        NearMediaType.IMAGE: ("near_image", "image"),
        NearMediaType.IMU: ("near_imu", "imu"),
        NearMediaType.THERMAL: ("near_thermal", "thermal"),
        NearMediaType.VIDEO: ("near_video", "video"),
    }
    for kind, (field, media_field) in expected.items():
        for media_type in (kind, kind.value):  # the enum or its value
            got_field, message = wire.near_media_pb(
                "aGk=", media_type, certainty=None, distance=0.4, target_vector="v"
            )
            assert got_field == field
            assert getattr(message, media_field) == "aGk="
            assert list(message.targets.target_vectors) == ["v"]  # type: ignore[attr-defined]
            request = wire.aggregate_request(SCOPE, search=(got_field, message))
            assert request.WhichOneof("search") == field
    with pytest.raises(WeaviateInvalidInputError, match="media_type"):
        wire.near_media_pb("aGk=", "smell", certainty=None, distance=None, target_vector=None)
    with pytest.raises(WeaviateInvalidInputError, match="media"):
        wire.near_media_pb(
            "", NearMediaType.IMAGE, certainty=None, distance=None, target_vector=None
        )
    with pytest.raises(WeaviateInvalidInputError, match="one target vector"):
        wire.near_media_pb(
            "aGk=", NearMediaType.IMAGE, certainty=None, distance=None, target_vector=["a", "b"]
        )


def _hybrid(query: Any, **arguments: Any) -> base_search_pb2.Hybrid | None:
    options: dict[str, Any] = {
        "alpha": None,
        "vector": None,
        "query_properties": None,
        "bm25_operator": None,
        "target_vector": None,
        "max_vector_distance": None,
    }
    operator = wire.hybrid_pb(query, **{**options, **arguments})
    if operator is None:
        return None
    field, message = operator
    assert field == "hybrid" and isinstance(message, base_search_pb2.Hybrid)
    return message


def test_hybrid_and_bm25() -> None:
    hybrid = _hybrid(
        "apple pie",
        alpha=0.25,
        vector=[1.0, 0.0],
        query_properties=["title^2"],
        bm25_operator=BM25Operator.or_(minimum_match=2),
        target_vector="own",
        max_vector_distance=0.4,
    )
    assert hybrid is not None
    assert (hybrid.query, list(hybrid.properties)) == ("apple pie", ["title^2"])
    assert hybrid.use_alpha_param and hybrid.alpha_param == 0.25
    assert _floats(hybrid.vectors[0].vector_bytes) == [1.0, 0.0]
    assert hybrid.bm25_search_operator == base_search_pb2.SearchOperatorOptions(
        operator=base_search_pb2.SearchOperatorOptions.OPERATOR_OR, minimum_or_tokens_match=2
    )
    assert list(hybrid.targets.target_vectors) == ["own"]
    assert hybrid.vector_distance == pytest.approx(0.4)
    # neither keywords nor a vector: no search (the aggregation is over every object)
    assert _hybrid(None) is None
    vector_only = _hybrid(None, vector=[1.0, 0.0])
    assert vector_only is not None and vector_only.alpha_param == 1.0
    default = _hybrid("q")
    assert default is not None and not default.HasField("alpha_param")
    assert not default.HasField("bm25_search_operator") and not default.HasField("targets")
    # servers before 1.36.6 read the deprecated alpha
    old = _hybrid("q", version=(1, 30, 0))
    assert old is not None and not old.use_alpha_param and old.alpha == pytest.approx(0.7)
    keyword = wire.bm25_as_hybrid_pb("pie", bm25_operator=None, target_vector=None)[1]
    assert isinstance(keyword, base_search_pb2.Hybrid)
    assert keyword.alpha_param == 0.0 and keyword.use_alpha_param and keyword.query == "pie"
    options = base_search_pb2.SearchOperatorOptions
    for operator, wire_value in (
        (BM25Operator.and_(), options.OPERATOR_AND),
        (BM25Operator.and_cross(), options.OPERATOR_AND_CROSS),
        (BM25Operator.or_(1), options.OPERATOR_OR),
    ):
        _, message = wire.bm25_as_hybrid_pb("q", bm25_operator=operator, target_vector=None)
        assert message.bm25_search_operator.operator == wire_value  # type: ignore[attr-defined]
    for bad in ("and", {"operator": "AND"}):
        with pytest.raises(WeaviateInvalidInputError, match="bm25_operator"):
            wire.bm25_as_hybrid_pb("q", bm25_operator=bad, target_vector=None)
    with pytest.raises(WeaviateInvalidInputError, match="minimum_match"):
        BM25Operator.or_(0)
    with pytest.raises(WeaviateInvalidInputError, match="alpha"):
        _hybrid("q", alpha=2)
    with pytest.raises(WeaviateInvalidInputError, match="query"):
        wire.bm25_as_hybrid_pb(None, bm25_operator=None, target_vector=None)


def test_hybrid_vector_forms() -> None:
    named = _hybrid("q", vector={"own": [1.0, 0.0]})
    assert named is not None and not named.HasField("near_vector")  # sent as the vector
    assert _floats(named.vectors[0].vector_bytes) == [1.0, 0.0]
    assert list(named.targets.target_vectors) == ["own"]
    sub = _hybrid("q", vector=HybridVector.near_vector({"own": [0.5]}, distance=0.2))
    assert sub is not None and sub.near_vector.distance == pytest.approx(0.2)
    assert not sub.near_vector.vector_for_targets
    assert _floats(sub.near_vector.vectors[0].vector_bytes) == [0.5]
    assert list(sub.targets.target_vectors) == ["own"]
    text = _hybrid("q", vector=HybridVector.near_text("apple", move_to=Move(0.5, concepts="x")))
    assert text is not None and list(text.near_text.query) == ["apple"]
    assert text.near_text.move_to == base_search_pb2.NearTextSearch.Move(force=0.5, concepts=["x"])
    multi = _hybrid("q", vector=[[1.0, 0.0], [0.0, 1.0]], target_vector="colbert")
    assert multi is not None and multi.vectors[0].type == base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32
    with pytest.raises(WeaviateInvalidInputError, match="one target vector"):
        _hybrid("q", vector={"a": [1.0], "b": [1.0]})
    with pytest.raises(WeaviateInvalidInputError, match="target_vector"):
        _hybrid("q", vector={"a": [1.0]}, target_vector="b")


# ---------------------------------------------------------------------------------- replies


def _reply_aggregations() -> Reply.Aggregations:
    return Reply.Aggregations(
        aggregations=[
            RAgg(
                property="title",
                text=RAgg.Text(
                    count=5,
                    type="text",
                    top_occurences=RAgg.Text.TopOccurrences(
                        items=[
                            RAgg.Text.TopOccurrences.TopOccurrence(value="a", occurs=3),
                            RAgg.Text.TopOccurrences.TopOccurrence(value="b", occurs=2),
                        ]
                    ),
                ),
            ),
            RAgg(property="n", int=RAgg.Integer(count=5, sum=15, mean=3.0, mode=2)),
            RAgg(property="x", number=RAgg.Number(maximum=2.5, median=1.25)),
            RAgg(
                property="b",
                boolean=RAgg.Boolean(
                    count=5, total_true=2, total_false=3, percentage_true=0.4, percentage_false=0.6
                ),
            ),
            RAgg(property="d", date=RAgg.Date(minimum="2024-01-01T00:00:00Z")),
            RAgg(property="r", reference=RAgg.Reference(type="cref", pointing_to=["Target"])),
        ]
    )


def test_single_reply_keeps_what_was_asked_for() -> None:
    reply = Reply(single_result=Reply.Single(objects_count=5, aggregations=_reply_aggregations()))
    asked = [
        Metrics("title").text(top_occurrences_value=True),
        Metrics("n").integer(sum_=True, mean=True),
        Metrics("b").boolean(total_true=True),
    ]
    result = wire.aggregate_result(reply, grouped=False, metrics=asked)
    assert isinstance(result, AggregateReturn) and result.total_count == 5
    assert result.properties == {
        "title": AggregateText(
            count=None,
            top_occurrences=[TopOccurrence(count=None, value="a"), TopOccurrence(None, "b")],
        ),
        "n": AggregateInteger(
            count=None, maximum=None, mean=3.0, median=None, minimum=None, mode=None, sum_=15
        ),
        "x": AggregateNumber(
            count=None, maximum=2.5, mean=None, median=1.25, minimum=None, mode=None, sum_=None
        ),
        "b": AggregateBoolean(
            count=None,
            percentage_false=None,
            percentage_true=None,
            total_false=None,
            total_true=2,
        ),
        "d": AggregateDate(
            count=None, maximum=None, median=None, minimum="2024-01-01T00:00:00Z", mode=None
        ),
        "r": AggregateReference(pointing_to=["Target"]),
    }
    uncounted = wire.aggregate_result(reply, grouped=False, total_count=False)
    assert isinstance(uncounted, AggregateReturn) and uncounted.total_count is None
    text = uncounted.properties["title"]
    assert isinstance(text, AggregateText) and text.count == 5
    assert text.top_occurrences[0] == TopOccurrence(count=3, value="a")


def test_a_share_of_nothing_is_none() -> None:
    reply = Reply(
        single_result=Reply.Single(
            objects_count=0,
            aggregations=Reply.Aggregations(
                aggregations=[
                    RAgg(
                        property="b",
                        boolean=RAgg.Boolean(
                            count=0,
                            total_true=0,
                            percentage_true=math.nan,
                            percentage_false=math.nan,
                        ),
                    )
                ]
            ),
        )
    )
    result = wire.aggregate_result(reply, grouped=False)
    assert isinstance(result, AggregateReturn)
    assert result.properties["b"] == AggregateBoolean(
        count=0, percentage_false=None, percentage_true=None, total_false=None, total_true=0
    )
    assert wire.aggregate_result(Reply(), grouped=False) == AggregateReturn({}, 0)


def test_grouped_reply_and_every_group_value() -> None:
    G = Reply.Group
    values: list[tuple[G.GroupedBy, Any]] = [
        (G.GroupedBy(path=["p"], text="a"), "a"),
        (G.GroupedBy(path=["p"], int=3), 3),
        (G.GroupedBy(path=["p"], number=2.5), 2.5),
        (G.GroupedBy(path=["p"], boolean=False), False),
        (G.GroupedBy(path=["p"], texts=base_pb2.TextArray(values=["a", "b"])), ["a", "b"]),
        (G.GroupedBy(path=["p"], ints=base_pb2.IntArray(values=[1, 2])), [1, 2]),
        (G.GroupedBy(path=["p"], numbers=base_pb2.NumberArray(values=[0.5])), [0.5]),
        (G.GroupedBy(path=["p"], booleans=base_pb2.BooleanArray(values=[True])), [True]),
        (
            G.GroupedBy(
                path=["p"], geo=base_pb2.GeoCoordinatesFilter(latitude=52.5, longitude=4.5)
            ),
            GeoCoordinate(latitude=52.5, longitude=4.5),
        ),
        (G.GroupedBy(), None),
    ]
    reply = Reply(
        grouped_results=Reply.Grouped(
            groups=[
                G(objects_count=i, grouped_by=by, aggregations=_reply_aggregations())
                for i, (by, _) in enumerate(values)
            ]
        )
    )
    result = wire.aggregate_result(reply, grouped=True, metrics=[Metrics("n").integer(sum_=True)])
    assert isinstance(result, AggregateGroupByReturn)
    assert [g.grouped_by for g in result.groups] == [
        GroupedBy(prop="p" if by.path else "", value=value) for by, value in values
    ]
    assert [g.total_count for g in result.groups] == list(range(len(values)))
    first = result.groups[0]
    assert isinstance(first, AggregateGroup)
    assert first.properties["n"] == AggregateInteger(None, None, None, None, None, None, 15)
    uncounted = wire.aggregate_result(reply, grouped=True, total_count=False)
    assert isinstance(uncounted, AggregateGroupByReturn)
    assert {g.total_count for g in uncounted.groups} == {None}
    # no result at all: nothing matched
    assert wire.aggregate_result(Reply(), grouped=True) == AggregateGroupByReturn(groups=[])


def test_a_reply_of_the_other_kind_is_an_error() -> None:
    single = Reply(single_result=Reply.Single(objects_count=1))
    grouped = Reply(grouped_results=Reply.Grouped(groups=[Reply.Group(objects_count=1)]))
    with pytest.raises(EmptyResponseError, match="groups"):
        wire.aggregate_result(single, grouped=True)
    with pytest.raises(EmptyResponseError, match="groups"):
        wire.aggregate_result(grouped, grouped=False)
    assert wire.count_from_reply(single) == 1
    with pytest.raises(EmptyResponseError, match="count"):
        wire.count_from_reply(grouped)
    empty = Reply(
        single_result=Reply.Single(
            aggregations=Reply.Aggregations(aggregations=[RAgg(property="z")])
        )
    )
    with pytest.raises(EmptyResponseError, match="'z'"):
        wire.aggregate_result(empty, grouped=False)


def test_results_are_plain_dataclasses() -> None:
    result = AggregateReturn(
        properties={"n": AggregateInteger(1, 2, 1.5, 1.5, 1, 1, 3)}, total_count=2
    )
    assert dataclasses.asdict(result) == {
        "properties": {
            "n": {
                "count": 1,
                "maximum": 2,
                "mean": 1.5,
                "median": 1.5,
                "minimum": 1,
                "mode": 1,
                "sum_": 3,
            }
        },
        "total_count": 2,
    }
    assert vars(result)["total_count"] == 2
    result.total_count = 3  # mutable, as the official ones
    assert result.total_count == 3
