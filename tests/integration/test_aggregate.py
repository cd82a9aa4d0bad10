"""``collection.aggregate`` against the real server: every statistic compared with the value
computed in Python over the inserted objects, over all objects, filtered, grouped, near a
vector / object / text / image, hybrid, keyword, and per tenant. Its blocking twin is generated
(``__sync_twin__``), so both packages are covered."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import math
import statistics
import uuid as uuid_lib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import and_cross_supported, server_at_least
from tests.fake_embedder import FakeEmbedder
from weaviate_async import connect_to_local
from weaviate_async.classes.aggregate import GroupByAggregate, Metrics
from weaviate_async.classes.config import Configure, DataType, Property, ReferenceProperty
from weaviate_async.classes.data import DataObject
from weaviate_async.classes.filters import Filter
from weaviate_async.classes.query import (
    BM25Operator,
    HybridVector,
    Move,
    NearMediaType,
    TargetVectors,
)
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import (
    WeaviateInvalidInputError,
    WeaviateQueryError,
    WeaviateUnsupportedFeatureError,
)
from weaviate_async.outputs.aggregate import (
    AggregateBoolean,
    AggregateDate,
    AggregateGroup,
    AggregateGroupByReturn,
    AggregateInteger,
    AggregateNumber,
    AggregateReference,
    AggregateReturn,
    AggregateText,
    TopOccurrence,
)
from weaviate_async.wire.values import parse_rfc3339

__sync_twin__ = "tests/integration/test_aggregate_sync_gen.py"

# --------------------------------------------------------------------------------- the data

N = 30
_WORDS = ("alpha",) * 10 + ("beta",) * 8 + ("gamma",) * 6 + ("delta",) * 4 + ("epsilon",) * 2
_COUNTS = [(i * 5) % 13 for i in range(26)] + [3, 3, 3, 3]
_SCORES: list[float | None] = [None if i % 10 == 9 else round((i * 3.7) % 10, 2) for i in range(N)]
_SCORES[4] = _SCORES[8] = _SCORES[12] = 2.5
_DAYS = [(i * 4) % 11 for i in range(N)]
_DAYS[0] = _DAYS[1] = _DAYS[2] = _DAYS[3]
_BASE = dt.datetime(2024, 1, 1, 6, 30, tzinfo=dt.timezone.utc)
UUIDS = [uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"aggregate-test-{i}") for i in range(N)]
TARGETS = [uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"aggregate-target-{i}") for i in range(3)]


def _angle(i: int) -> float:
    return i * 0.1


def _row(i: int) -> dict[str, Any]:
    tags = [t for t, keep in (("red", i % 2 == 0), ("blue", i % 3 == 0)) if keep]
    row: dict[str, Any] = {
        "title": _WORDS[(i * 7) % N],
        # "green" is a tag only: aggregations search no text[] property by keyword
        "tags": tags + (["green"] if i % 5 == 0 else []),
        "note": " ".join(tags) or "plain",
        "count": _COUNTS[i],
        "flag": i % 3 == 0,
        "when": _BASE + dt.timedelta(days=_DAYS[i]),
    }
    if _SCORES[i] is not None:
        row["score"] = _SCORES[i]
    return row


ROWS = [_row(i) for i in range(N)]


def _own_vector(angle: float) -> list[float]:
    return [math.cos(angle), math.sin(angle)]


def _nearest(angle: float, k: int) -> list[int]:
    """Indexes of the k objects nearest (cosine) to the direction ``angle``."""
    return sorted(range(N), key=lambda i: 1 - math.cos(_angle(i) - angle))[:k]


def _within(angle: float, distance: float) -> list[int]:
    return [i for i in range(N) if 1 - math.cos(_angle(i) - angle) <= distance]


# --------------------------------------------------------------------- expected statistics


def _values(rows: Sequence[dict[str, Any]], prop: str) -> list[Any]:
    out: list[Any] = []
    for row in rows:
        value = row.get(prop)
        if isinstance(value, list):
            out.extend(value)
        elif value is not None:
            out.append(value)
    return out


def _numeric_mode(values: Sequence[Any]) -> Any:
    # The server's rule: of equally frequent values, the smallest.
    return min(statistics.multimode(values))


def _expect_numbers(rows: Sequence[dict[str, Any]], prop: str) -> dict[str, Any]:
    values = _values(rows, prop)
    return {
        "count": len(values),
        "maximum": max(values),
        "mean": statistics.fmean(values),
        "median": statistics.median(values),
        "minimum": min(values),
        "mode": _numeric_mode(values),
        "sum_": sum(values),
    }


def _check_numbers(got: AggregateInteger | AggregateNumber, expected: dict[str, Any]) -> None:
    for field, value in expected.items():
        assert getattr(got, field) == pytest.approx(value), field


def _top(rows: Sequence[dict[str, Any]], prop: str, limit: int = 5) -> list[TopOccurrence]:
    # The server's order: most frequent first, equal counts alphabetically.
    counts = Counter(_values(rows, prop))
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [TopOccurrence(count=n, value=v) for v, n in ordered]


def _check_dates(got: AggregateDate, rows: Sequence[dict[str, Any]], prop: str) -> None:
    values = _values(rows, prop)
    stamps = [v.timestamp() for v in values]
    assert got.count == len(values)
    assert got.maximum is not None and parse_rfc3339(got.maximum) == max(values)
    assert got.minimum is not None and parse_rfc3339(got.minimum) == min(values)
    # Of equally frequent dates the server picks any (its map order): one of them.
    assert got.mode is not None and parse_rfc3339(got.mode) in statistics.multimode(values)
    median = dt.datetime.fromtimestamp(statistics.median(stamps), dt.timezone.utc)
    assert got.median is not None and parse_rfc3339(got.median) == median


def _check_all(
    result: AggregateReturn | AggregateGroup, rows: Sequence[dict[str, Any]], target: str
) -> None:
    """Every statistic of every property of ``result`` against ``rows``."""
    assert result.total_count == len(rows)
    props = result.properties
    assert set(props) == {"title", "tags", "count", "score", "flag", "when", "ref"}
    title = props["title"]
    assert isinstance(title, AggregateText)
    assert title.count == len(rows)
    assert title.top_occurrences == _top(rows, "title")
    tags = props["tags"]
    assert isinstance(tags, AggregateText)
    assert tags.count == len(_values(rows, "tags"))
    assert tags.top_occurrences == _top(rows, "tags")
    count = props["count"]
    assert isinstance(count, AggregateInteger)
    _check_numbers(count, _expect_numbers(rows, "count"))
    score = props["score"]
    assert isinstance(score, AggregateNumber)
    _check_numbers(score, _expect_numbers(rows, "score"))
    flag = props["flag"]
    assert isinstance(flag, AggregateBoolean)
    trues = sum(1 for r in rows if r["flag"])
    assert (flag.count, flag.total_true, flag.total_false) == (len(rows), trues, len(rows) - trues)
    assert flag.percentage_true == pytest.approx(trues / len(rows))
    assert flag.percentage_false == pytest.approx(1 - trues / len(rows))
    when = props["when"]
    assert isinstance(when, AggregateDate)
    _check_dates(when, rows, "when")
    ref = props["ref"]
    assert isinstance(ref, AggregateReference)
    assert ref.pointing_to == [target]


EVERY_METRIC = [
    Metrics("title").text(),
    Metrics("tags").text(),
    Metrics("count").integer(),
    Metrics("score").number(),
    Metrics("flag").boolean(),
    Metrics("when").date_(),
    Metrics("ref").reference(),
]


def _rows(indexes: Sequence[int]) -> list[dict[str, Any]]:
    return [ROWS[i] for i in indexes]


def _where(predicate: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
    return [r for r in ROWS if predicate(r)]


# ---------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
async def dataset(server: EmbeddedServer) -> Any:
    """The name of a collection holding ROWS (with their own vectors, bigram vectors of the
    title, and a reference each to one of three objects of ``<name>T``)."""
    c = await connect_to_local(host=server.host, port=server.http_port, grpc_port=server.grpc_port)
    name = "Agg" + uuid_lib.uuid4().hex[:10]
    try:
        target = await c.collections.create(
            name + "T",
            properties=[Property(name="label", data_type=DataType.TEXT)],
            vector_config=Configure.Vectors.self_provided(),
        )
        for i, uid in enumerate(TARGETS):
            await target.data.insert({"label": f"t{i}"}, uuid=uid, vector=[1.0, float(i)])
        collection = await c.collections.create(
            name,
            properties=[
                Property(name="title", data_type=DataType.TEXT),
                Property(name="tags", data_type=DataType.TEXT_ARRAY),
                Property(name="note", data_type=DataType.TEXT),
                Property(name="count", data_type=DataType.INT),
                Property(name="score", data_type=DataType.NUMBER),
                Property(name="flag", data_type=DataType.BOOL),
                Property(name="when", data_type=DataType.DATE),
            ],
            references=[ReferenceProperty(name="ref", target_collection=name + "T")],
            vector_config=[
                Configure.Vectors.self_provided(name="own"),
                Configure.Vectors.custom(
                    name="bigram", module_name="text2vec-bigram", source_properties=["title"]
                ),
            ],
        )
        result = await collection.data.insert_many(
            [
                DataObject(
                    properties=row,
                    uuid=UUIDS[i],
                    vector={"own": _own_vector(_angle(i))},
                    references={"ref": TARGETS[i % 3]},
                )
                for i, row in enumerate(ROWS)
            ]
        )
        assert not result.errors
        yield name
    finally:
        await c.collections.delete([name, name + "T"])
        await c.close()


@pytest.fixture(scope="module")
def embedder() -> Iterator[FakeEmbedder]:
    with FakeEmbedder() as service:
        yield service


@pytest.fixture
async def nv_client(server: EmbeddedServer) -> Any:
    """A client sending the (unchecked) API key of the multi-modal module in its headers."""
    c = await connect_to_local(
        host=server.host,
        port=server.http_port,
        grpc_port=server.grpc_port,
        headers={"X-Nvidia-Api-Key": "test-key"},
    )
    try:
        yield c
    finally:
        await c.close()


# Distinct directions (the fake embedder counts apple, banana, cherry): near "apple" come
# "apple pie" (distance 0), "apple apple cherry" (0.11), "apple banana split" (0.29), then the
# others (0.99).
TEXTS = ["apple pie", "apple apple cherry", "banana bread", "cherry cake", "apple banana split"]
TEXT_UUIDS = {t: uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, t) for t in TEXTS}


async def _media_collection(client: Any, name: str, embedder: FakeEmbedder) -> Any:
    collection = await client.collections.create(
        name,
        properties=[
            Property(name="title", data_type=DataType.TEXT),
            Property(name="image", data_type=DataType.BLOB),
        ],
        vector_config=Configure.Vectors.multi2vec_nvidia(
            base_url=embedder.url, text_fields=["title"], image_fields=["image"]
        ),
    )
    result = await collection.data.insert_many(
        [DataObject(properties={"title": t}, uuid=TEXT_UUIDS[t]) for t in TEXTS]
    )
    assert not result.errors
    return collection


def _titles(result: AggregateReturn) -> set[str]:
    text = result.properties["title"]
    assert isinstance(text, AggregateText)
    return {t.value for t in text.top_occurrences if t.value is not None}


# ------------------------------------------------------------------------------- over_all


async def test_over_all_every_statistic_of_every_type(
    client: WeaviateAsyncClient, dataset: str
) -> None:
    result = await client.collections.use(dataset).aggregate.over_all(return_metrics=EVERY_METRIC)
    assert isinstance(result, AggregateReturn)
    _check_all(result, ROWS, dataset + "T")


async def test_over_all_counts_without_metrics_and_length_agrees(
    client: WeaviateAsyncClient, dataset: str
) -> None:
    collection = client.collections.use(dataset)
    result = await collection.aggregate.over_all()
    assert result == AggregateReturn(properties={}, total_count=N)
    assert await collection.length() == N
    assert (await collection.aggregate.over_all(total_count=False)).total_count is None


async def test_only_the_statistics_asked_for(client: WeaviateAsyncClient, dataset: str) -> None:
    aggregate = client.collections.use(dataset).aggregate
    result = await aggregate.over_all(
        return_metrics=[
            Metrics("count").integer(sum_=True, maximum=True),
            Metrics("score").number(median=True),
            Metrics("title").text(top_occurrences_value=True, limit=2),
            Metrics("flag").boolean(total_true=True),
            Metrics("when").date_(minimum=True),
        ],
        total_count=False,
    )
    expected = _expect_numbers(ROWS, "count")
    assert result.total_count is None
    assert result.properties["count"] == AggregateInteger(
        count=None,
        maximum=expected["maximum"],
        mean=None,
        median=None,
        minimum=None,
        mode=None,
        sum_=expected["sum_"],
    )
    score = result.properties["score"]
    assert isinstance(score, AggregateNumber)
    assert score.median == pytest.approx(statistics.median(_values(ROWS, "score")))
    assert (score.count, score.mean, score.sum_, score.mode) == (None, None, None, None)
    # the top values without their counts, and no count of the property
    assert result.properties["title"] == AggregateText(
        count=None,
        top_occurrences=[TopOccurrence(count=None, value=t.value) for t in _top(ROWS, "title", 2)],
    )
    flag = result.properties["flag"]
    assert isinstance(flag, AggregateBoolean)
    assert (flag.total_true, flag.total_false, flag.percentage_true) == (10, None, None)
    when = result.properties["when"]
    assert isinstance(when, AggregateDate) and when.maximum is None
    assert when.minimum is not None and parse_rfc3339(when.minimum) == min(_values(ROWS, "when"))


async def test_top_occurrences_limit_and_counts(client: WeaviateAsyncClient, dataset: str) -> None:
    aggregate = client.collections.use(dataset).aggregate
    result = await aggregate.over_all(
        return_metrics=Metrics("title").text(top_occurrences_count=True, limit=3)
    )
    assert result.properties["title"] == AggregateText(
        count=None,
        top_occurrences=[TopOccurrence(count=t.count, value=None) for t in _top(ROWS, "title", 3)],
    )
    with pytest.warns(DeprecationWarning):
        old = Metrics("title").text(min_occurrences=1)
    single = await aggregate.over_all(return_metrics=old)
    text = single.properties["title"]
    assert isinstance(text, AggregateText)
    assert text.top_occurrences == _top(ROWS, "title", 1)


async def test_results_are_dataclasses_as_in_the_official_client(
    client: WeaviateAsyncClient, dataset: str
) -> None:
    result = await client.collections.use(dataset).aggregate.over_all(
        return_metrics=Metrics("count").integer(minimum=True)
    )
    as_dict = dataclasses.asdict(result)
    assert as_dict["total_count"] == N
    assert as_dict["properties"]["count"]["minimum"] == min(_COUNTS)
    assert vars(result.properties["count"])["minimum"] == min(_COUNTS)
    assert [f.name for f in dataclasses.fields(AggregateInteger)] == [
        "count",
        "maximum",
        "mean",
        "median",
        "minimum",
        "mode",
        "sum_",
    ]


# -------------------------------------------------------------------------------- filters


async def test_filters_exclude_known_objects(client: WeaviateAsyncClient, dataset: str) -> None:
    aggregate = client.collections.use(dataset).aggregate
    flagged = await aggregate.over_all(
        filters=Filter.by_property("flag").equal(True), return_metrics=EVERY_METRIC
    )
    _check_all(flagged, _where(lambda r: r["flag"]), dataset + "T")
    mixed = await aggregate.over_all(
        filters=Filter.by_property("count").greater_than(4)
        & Filter.by_property("tags").equal("red"),
        return_metrics=EVERY_METRIC,
    )
    _check_all(mixed, _where(lambda r: r["count"] > 4 and "red" in r["tags"]), dataset + "T")
    without_first = await aggregate.over_all(
        filters=Filter.by_id().not_equal(UUIDS[0]),
        return_metrics=Metrics("count").integer(sum_=True),
    )
    assert without_first.total_count == N - 1
    count = without_first.properties["count"]
    assert isinstance(count, AggregateInteger) and count.sum_ == sum(_COUNTS) - _COUNTS[0]


async def test_a_filter_matching_nothing(client: WeaviateAsyncClient, dataset: str) -> None:
    result = await client.collections.use(dataset).aggregate.over_all(
        filters=Filter.by_property("count").greater_than(1000),
        return_metrics=Metrics("count").integer(count=True, mean=True, sum_=True),
    )
    assert result.total_count == 0
    assert result.properties["count"] == AggregateInteger(
        count=0, maximum=None, mean=None, median=None, minimum=None, mode=None, sum_=None
    )


# ------------------------------------------------------------------------------- group_by


async def test_group_by_text_with_statistics_per_group(
    client: WeaviateAsyncClient, dataset: str
) -> None:
    result = await client.collections.use(dataset).aggregate.over_all(
        group_by="title", return_metrics=EVERY_METRIC
    )
    assert isinstance(result, AggregateGroupByReturn)
    sizes = Counter(r["title"] for r in ROWS)
    assert [g.grouped_by.value for g in result.groups] == [w for w, _ in sizes.most_common()]
    for group in result.groups:
        assert group.grouped_by.prop == "title"
        _check_all(
            group, _where(lambda r, g=group: r["title"] == g.grouped_by.value), dataset + "T"
        )


async def test_group_by_limit_keeps_the_largest_groups(
    client: WeaviateAsyncClient, dataset: str
) -> None:
    aggregate = client.collections.use(dataset).aggregate
    result = await aggregate.over_all(group_by=GroupByAggregate(prop="title", limit=2))
    assert [(g.grouped_by.value, g.total_count) for g in result.groups] == [
        ("alpha", 10),
        ("beta", 8),
    ]
    uncounted = await aggregate.over_all(group_by="title", total_count=False)
    assert len(uncounted.groups) == 5
    assert all(g.total_count is None for g in uncounted.groups)


async def test_group_by_bool_int_array_and_reference(
    client: WeaviateAsyncClient, dataset: str
) -> None:
    aggregate = client.collections.use(dataset).aggregate
    by_flag = await aggregate.over_all(
        group_by="flag", return_metrics=Metrics("count").integer(sum_=True)
    )
    sums = {g.grouped_by.value: g.properties["count"] for g in by_flag.groups}
    for value in (True, False):
        expected = sum(r["count"] for r in ROWS if r["flag"] is value)
        got = sums[value]
        assert isinstance(got, AggregateInteger) and got.sum_ == expected
    by_count = await aggregate.over_all(group_by="count")
    # the server sends the values of an int property as floats
    assert {g.grouped_by.value: g.total_count for g in by_count.groups} == {
        float(v): n for v, n in Counter(_COUNTS).items()
    }
    by_tag = await aggregate.over_all(group_by="tags")
    assert {g.grouped_by.value: g.total_count for g in by_tag.groups} == dict(
        Counter(_values(ROWS, "tags"))
    )
    if not server_at_least("1.39.0"):
        # seen on 1.35.2 and 1.32.0 (1.36-1.38 not tried): grouping by a reference fails there
        with pytest.raises(WeaviateQueryError, match="unrecognized grouped by value type"):
            await aggregate.over_all(group_by="ref")
        return
    by_ref = await aggregate.over_all(group_by="ref")
    beacons = {f"weaviate://localhost/{dataset}T/{t}": N // 3 for t in TARGETS}
    assert {g.grouped_by.value: g.total_count for g in by_ref.groups} == beacons


async def test_group_by_filtered_to_nothing_has_no_groups(
    client: WeaviateAsyncClient, dataset: str
) -> None:
    result = await client.collections.use(dataset).aggregate.over_all(
        group_by="title", filters=Filter.by_property("count").greater_than(1000)
    )
    assert result == AggregateGroupByReturn(groups=[])


# ---------------------------------------------------------------------------- near_vector


async def test_near_vector_object_limit_aggregates_the_nearest(
    client: WeaviateAsyncClient, dataset: str
) -> None:
    aggregate = client.collections.use(dataset).aggregate
    query = 1.23
    for k in (1, 4, 9):
        result = await aggregate.near_vector(
            _own_vector(query), target_vector="own", object_limit=k, return_metrics=EVERY_METRIC
        )
        assert isinstance(result, AggregateReturn)
        _check_all(result, _rows(_nearest(query, k)), dataset + "T")
    named = await aggregate.near_vector(
        {"own": _own_vector(query)}, object_limit=4, return_metrics=EVERY_METRIC
    )
    _check_all(named, _rows(_nearest(query, 4)), dataset + "T")
    # a combination of one target (the search's TargetVectors) is that target
    joined = await aggregate.near_vector(
        _own_vector(query),
        target_vector=TargetVectors.sum(["own"]),
        object_limit=4,
        return_metrics=EVERY_METRIC,
    )
    _check_all(joined, _rows(_nearest(query, 4)), dataset + "T")
    with pytest.raises(WeaviateInvalidInputError, match="one target vector"):
        await aggregate.near_vector(
            _own_vector(query), target_vector=TargetVectors.sum(["own", "bigram"]), object_limit=4
        )


async def test_near_vector_distance_certainty_and_filters(
    client: WeaviateAsyncClient, dataset: str
) -> None:
    aggregate = client.collections.use(dataset).aggregate
    query = 2.04
    by_distance = await aggregate.near_vector(
        _own_vector(query), target_vector=["own"], distance=0.03, return_metrics=EVERY_METRIC
    )
    within = _within(query, 0.03)
    assert 3 <= len(within) < N
    _check_all(by_distance, _rows(within), dataset + "T")
    # certainty c keeps the objects within distance 2 * (1 - c)
    by_certainty = await aggregate.near_vector(
        _own_vector(query), target_vector="own", certainty=0.985, return_metrics=EVERY_METRIC
    )
    _check_all(by_certainty, _rows(within), dataset + "T")
    filtered = await aggregate.near_vector(
        _own_vector(query),
        target_vector="own",
        object_limit=5,
        filters=Filter.by_property("flag").equal(False),
        return_metrics=EVERY_METRIC,
    )
    allowed = [i for i in sorted(range(N), key=lambda i: abs(_angle(i) - query)) if i % 3][:5]
    _check_all(filtered, _rows(allowed), dataset + "T")


async def test_near_vector_grouped(client: WeaviateAsyncClient, dataset: str) -> None:
    query = 0.5
    result = await client.collections.use(dataset).aggregate.near_vector(
        _own_vector(query),
        target_vector="own",
        object_limit=12,
        group_by=GroupByAggregate(prop="flag"),
        return_metrics=Metrics("count").integer(sum_=True),
    )
    nearest = _rows(_nearest(query, 12))
    got = {g.grouped_by.value: (g.total_count, g.properties["count"]) for g in result.groups}
    for value in (True, False):
        rows = [r for r in nearest if r["flag"] is value]
        total, count = got[value]
        assert total == len(rows)
        assert isinstance(count, AggregateInteger) and count.sum_ == sum(r["count"] for r in rows)


async def test_near_object(client: WeaviateAsyncClient, dataset: str) -> None:
    aggregate = client.collections.use(dataset).aggregate
    result = await aggregate.near_object(
        UUIDS[17], target_vector="own", object_limit=5, return_metrics=EVERY_METRIC
    )
    _check_all(result, _rows(_nearest(_angle(17), 5)), dataset + "T")
    close = await aggregate.near_object(
        str(UUIDS[17]), target_vector="own", distance=0.03, return_metrics=EVERY_METRIC
    )
    _check_all(close, _rows(_within(_angle(17), 0.03)), dataset + "T")


async def test_vector_searches_check_their_arguments(
    client: WeaviateAsyncClient, dataset: str
) -> None:
    aggregate = client.collections.use(dataset).aggregate
    with pytest.raises(WeaviateInvalidInputError, match="object_limit"):
        await aggregate.near_vector([1.0, 0.0], target_vector="own")
    with pytest.raises(WeaviateInvalidInputError, match="one target vector"):
        await aggregate.near_vector([1.0, 0.0], target_vector=["own", "bigram"], object_limit=2)
    # both bounds: the server refuses, as it does for the official client
    with pytest.raises(WeaviateQueryError, match="cannot provide distance and certainty"):
        await aggregate.near_object(UUIDS[0], certainty=0.5, distance=0.1, target_vector="own")
    with pytest.raises(WeaviateInvalidInputError, match="near_object"):
        await aggregate.near_object("not-a-uuid", object_limit=2, target_vector="own")
    with pytest.raises(WeaviateInvalidInputError, match="return_metrics"):
        await aggregate.over_all(return_metrics=["count"])  # type: ignore[list-item]
    with pytest.raises(WeaviateInvalidInputError, match="group_by"):
        await aggregate.over_all(group_by=3)  # type: ignore[call-overload]
    # the server's refusal, with its reason: several named vectors and none chosen
    with pytest.raises(WeaviateQueryError, match="target vector"):
        await aggregate.near_vector([1.0, 0.0], object_limit=2)


async def test_server_errors_carry_the_server_message(
    client: WeaviateAsyncClient, dataset: str
) -> None:
    aggregate = client.collections.use(dataset).aggregate
    with pytest.raises(WeaviateQueryError, match="nope") as info:
        await aggregate.over_all(return_metrics=Metrics("nope").integer())
    assert info.value.operation == "collection.aggregate.over_all"
    with pytest.raises(WeaviateQueryError, match="multi-tenancy"):
        await client.collections.use(dataset).with_tenant("someone").aggregate.over_all()


# --------------------------------------------------------------------------- hybrid, bm25


async def test_hybrid_keyword_and_vector(client: WeaviateAsyncClient, dataset: str) -> None:
    aggregate = client.collections.use(dataset).aggregate
    keyword = await aggregate.hybrid(
        "gamma", alpha=0, target_vector="bigram", object_limit=N, return_metrics=EVERY_METRIC
    )
    _check_all(keyword, _where(lambda r: r["title"] == "gamma"), dataset + "T")
    by_vector = await aggregate.hybrid(
        None,
        alpha=1,
        vector=_own_vector(0.77),
        target_vector="own",
        object_limit=6,
        return_metrics=EVERY_METRIC,
    )
    _check_all(by_vector, _rows(_nearest(0.77, 6)), dataset + "T")
    # the vector named by its target, and as HybridVector sub-searches
    named = await aggregate.hybrid(
        None, vector={"own": _own_vector(0.77)}, object_limit=6, return_metrics=EVERY_METRIC
    )
    _check_all(named, _rows(_nearest(0.77, 6)), dataset + "T")
    sub_vector = await aggregate.hybrid(
        None,
        vector=HybridVector.near_vector({"own": _own_vector(0.77)}),
        object_limit=6,
        return_metrics=EVERY_METRIC,
    )
    _check_all(sub_vector, _rows(_nearest(0.77, 6)), dataset + "T")
    sub_text = await aggregate.hybrid(
        "zzz",
        alpha=1,
        vector=HybridVector.near_text("gamma"),
        target_vector="bigram",
        object_limit=6,
        return_metrics=EVERY_METRIC,
    )
    _check_all(sub_text, _where(lambda r: r["title"] == "gamma"), dataset + "T")
    within = await aggregate.hybrid(
        None,
        alpha=1,
        vector=_own_vector(0.77),
        target_vector="own",
        max_vector_distance=0.03,
        object_limit=N,
        return_metrics=EVERY_METRIC,
    )
    _check_all(within, _rows(_within(0.77, 0.03)), dataset + "T")
    dense_filtered = await aggregate.hybrid(
        None,
        alpha=1,
        vector=_own_vector(0.77),
        target_vector="own",
        object_limit=5,
        filters=Filter.by_property("flag").equal(False),
        return_metrics=EVERY_METRIC,
    )
    allowed = [i for i in sorted(range(N), key=lambda i: abs(_angle(i) - 0.77)) if i % 3][:5]
    _check_all(dense_filtered, _rows(allowed), dataset + "T")
    # Weaviate 1.39.3 applies the filters to the keyword part of a hybrid aggregation too;
    # before (seen: 1.39.0, 1.35.2, 1.32.0) only to the vector part, the keyword part searching
    # every object.
    keyword_filtered = await aggregate.hybrid(
        "gamma",
        alpha=0,
        target_vector="bigram",
        object_limit=N,
        filters=Filter.by_property("flag").equal(True),
    )
    if server_at_least("1.39.3"):
        expected = _where(lambda r: r["title"] == "gamma" and r["flag"] is True)
    else:
        expected = _where(lambda r: r["title"] == "gamma")
    assert keyword_filtered.total_count == len(expected)


async def test_keyword_part_searches_every_text_property(
    client: WeaviateAsyncClient, dataset: str
) -> None:
    # Weaviate v1.39 builds an aggregation's keyword search over every `text` property and
    # ignores query_properties (and text[] properties). This test shows when that changes.
    aggregate = client.collections.use(dataset).aggregate
    red = _where(lambda r: "red" in r["note"].split())
    only_title = await aggregate.hybrid(
        "red", alpha=0, query_properties=["title"], target_vector="bigram", object_limit=N
    )
    assert only_title.total_count == len(red)
    green = await aggregate.over_all(filters=Filter.by_property("tags").equal("green"))
    assert green.total_count == sum(1 for r in ROWS if "green" in r["tags"]) > 0
    assert (await aggregate.bm25("green", object_limit=N)).total_count == 0


async def test_bm25(client: WeaviateAsyncClient, dataset: str) -> None:
    aggregate = client.collections.use(dataset).aggregate
    # the collection has two named vectors: the keyword search still needs no target_vector
    result = await aggregate.bm25("beta", object_limit=N, return_metrics=EVERY_METRIC)
    _check_all(result, _where(lambda r: r["title"] == "beta"), dataset + "T")
    capped = await aggregate.bm25("beta", object_limit=3)
    assert capped.total_count == 3
    red_alpha = await aggregate.bm25(
        "red alpha",
        object_limit=N,
        group_by="title",
        return_metrics=Metrics("count").integer(sum_=True),
    )
    matching = [r for r in ROWS if "red" in r["note"].split() or r["title"] == "alpha"]
    sizes = Counter(r["title"] for r in matching)
    assert {g.grouped_by.value: g.total_count for g in red_alpha.groups} == dict(sizes)
    for group in red_alpha.groups:
        count = group.properties["count"]
        expected = sum(r["count"] for r in matching if r["title"] == group.grouped_by.value)
        assert isinstance(count, AggregateInteger) and count.sum_ == expected
    with pytest.raises(WeaviateInvalidInputError, match="object_limit"):
        await aggregate.bm25("beta", object_limit=None)  # type: ignore[arg-type]


async def test_bm25_and_hybrid_operators(client: WeaviateAsyncClient, dataset: str) -> None:
    aggregate = client.collections.use(dataset).aggregate
    both = _where(lambda r: r["title"] == "alpha" and "red" in r["note"].split())
    either = _where(lambda r: r["title"] == "alpha" or "red" in r["note"].split())
    assert 0 < len(both) < len(either) < N
    # "and" wants every token in one property: no object has both in the same one
    conjunction = await aggregate.bm25(
        "alpha red", bm25_operator=BM25Operator.and_(), object_limit=N
    )
    assert conjunction.total_count == 0
    one = await aggregate.bm25(
        "alpha red", bm25_operator=BM25Operator.or_(minimum_match=1), object_limit=N
    )
    assert one.total_count == len(either)
    if not and_cross_supported():
        with pytest.raises(WeaviateUnsupportedFeatureError, match="and_cross"):
            await aggregate.bm25(
                "alpha red", bm25_operator=BM25Operator.and_cross(), object_limit=N
            )
        with pytest.raises(WeaviateUnsupportedFeatureError, match="and_cross"):
            await aggregate.hybrid(
                "alpha red", alpha=0, bm25_operator=BM25Operator.and_cross(), object_limit=N
            )
        return
    across = await aggregate.bm25(
        "alpha red", bm25_operator=BM25Operator.and_cross(), object_limit=N
    )
    assert across.total_count == len(both)
    hybrid = await aggregate.hybrid(
        "alpha red",
        alpha=0,
        target_vector="bigram",
        bm25_operator=BM25Operator.and_cross(),
        object_limit=N,
    )
    assert hybrid.total_count == len(both)


# ------------------------------------------------------------------ near_text, near_image


async def test_near_text_with_bounds_and_moves(
    nv_client: WeaviateAsyncClient, collection_name: str, embedder: FakeEmbedder
) -> None:
    collection = await _media_collection(nv_client, collection_name, embedder)
    aggregate = collection.aggregate
    titles = Metrics("title").text(top_occurrences_value=True)
    two = await aggregate.near_text("apple", object_limit=2, return_metrics=titles)
    assert two.total_count == 2 and _titles(two) == {"apple pie", "apple apple cherry"}
    assert "apple" in embedder.inputs
    near = await aggregate.near_text(["apple"], distance=0.5, return_metrics=titles)
    assert _titles(near) == {"apple pie", "apple apple cherry", "apple banana split"}
    sure = await aggregate.near_text("apple", certainty=0.9, return_metrics=titles)
    assert _titles(sure) == {"apple pie", "apple apple cherry"}
    others = await aggregate.near_text(
        "apple",
        distance=0.5,
        filters=Filter.by_id().not_equal(TEXT_UUIDS["apple pie"]),
        return_metrics=titles,
    )
    assert _titles(others) == {"apple apple cherry", "apple banana split"}

    to_concept = await aggregate.near_text(
        "apple", move_to=Move(force=1.0, concepts="banana"), object_limit=1, return_metrics=titles
    )
    assert _titles(to_concept) == {"apple banana split"}
    assert "banana" in embedder.inputs
    to_object = await aggregate.near_text(
        "apple",
        move_to=Move(force=1.0, objects=[TEXT_UUIDS["banana bread"]]),
        object_limit=1,
        return_metrics=titles,
    )
    assert _titles(to_object) == {"apple banana split"}
    # away from cherry: "apple apple cherry" drops behind "apple banana split"
    away = await aggregate.near_text(
        "apple",
        move_away=Move(force=2.0, concepts=["cherry"]),
        object_limit=2,
        return_metrics=titles,
    )
    assert _titles(away) == {"apple pie", "apple banana split"}
    grouped = await aggregate.near_text("cherry", object_limit=3, group_by="title")
    assert sum(g.total_count or 0 for g in grouped.groups) == 3
    with pytest.raises(WeaviateInvalidInputError, match="object_limit"):
        await aggregate.near_text("apple")
    with pytest.raises(WeaviateInvalidInputError, match="move_to"):
        await aggregate.near_text("apple", move_to="banana", object_limit=1)  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match="objects"):
        Move(force=1.0)  # neither concepts nor objects


async def test_near_image_and_near_media(
    nv_client: WeaviateAsyncClient, collection_name: str, embedder: FakeEmbedder, tmp_path: Path
) -> None:
    collection = await _media_collection(nv_client, collection_name, embedder)
    aggregate = collection.aggregate
    titles = Metrics("title").text(top_occurrences_value=True)
    image = base64.b64encode(b"cherry").decode()
    as_text = await aggregate.near_image(image, object_limit=1, return_metrics=titles)
    assert _titles(as_text) == {"cherry cake"}
    path = tmp_path / "banana.png"
    path.write_bytes(b"banana")
    as_path = await aggregate.near_image(path, object_limit=2, return_metrics=titles)
    assert _titles(as_path) == {"banana bread", "apple banana split"}
    with path.open("rb") as file:
        as_file = await aggregate.near_media(
            file, NearMediaType.IMAGE, object_limit=1, return_metrics=titles
        )
    assert _titles(as_file) == {"banana bread"}
    filtered = await aggregate.near_media(
        str(path),
        "image",  # type: ignore[arg-type]  # the enum's value works too
        distance=0.5,
        filters=Filter.by_id().not_equal(TEXT_UUIDS["banana bread"]),
        return_metrics=titles,
    )
    assert _titles(filtered) == {"apple banana split"}
    with pytest.raises(WeaviateInvalidInputError, match="media_type"):
        await aggregate.near_media(image, "smell", object_limit=1)  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match="near_image"):
        await aggregate.near_image(b"raw bytes", object_limit=1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("media_type", "search"),
    [
        (NearMediaType.AUDIO, "nearAudio"),
        (NearMediaType.VIDEO, "nearVideo"),
        (NearMediaType.DEPTH, "nearDepth"),
        (NearMediaType.THERMAL, "nearThermal"),
        (NearMediaType.IMU, "nearIMU"),
    ],
)
async def test_near_media_reaches_the_server_as_its_own_search(
    nv_client: WeaviateAsyncClient,
    collection_name: str,
    embedder: FakeEmbedder,
    media_type: NearMediaType,
    search: str,
) -> None:
    # The collection's module vectorizes text and images only: the server names the search it
    # got and refuses it, which shows the medium arrived as that search.
    collection = await _media_collection(nv_client, collection_name, embedder)
    with pytest.raises(WeaviateQueryError, match=f"search-type {search}"):
        await collection.aggregate.near_media(
            base64.b64encode(b"x").decode(), media_type, object_limit=1
        )


# -------------------------------------------------------------------------------- tenants


async def test_each_tenant_aggregates_its_own_objects(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    collection = await client.collections.create(
        collection_name,
        properties=[Property(name="n", data_type=DataType.INT)],
        multi_tenancy_config=Configure.multi_tenancy(enabled=True, auto_tenant_creation=True),
        vector_config=Configure.Vectors.self_provided(),
    )
    data = {"A": [1, 2, 3], "B": [10, 20, 30, 40, 50]}
    for tenant, values in data.items():
        handle = collection.with_tenant(tenant)
        result = await handle.data.insert_many(
            [DataObject(properties={"n": v}, vector=[1.0, float(v)]) for v in values]
        )
        assert not result.errors
    for tenant, values in data.items():
        handle = collection.with_tenant(tenant)
        result = await handle.aggregate.over_all(return_metrics=Metrics("n").integer())
        _check_numbers(
            result.properties["n"],  # type: ignore[arg-type]
            {
                "count": len(values),
                "sum_": sum(values),
                "mean": statistics.fmean(values),
                "median": statistics.median(values),
                "minimum": min(values),
                "maximum": max(values),
            },
        )
        assert result.total_count == len(values) == await handle.length()
        near = await handle.aggregate.near_vector([1.0, 0.0], object_limit=2)
        assert near.total_count == 2
    with pytest.raises(WeaviateQueryError, match="tenant"):
        await collection.aggregate.over_all()
