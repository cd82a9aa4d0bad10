"""Every filter operator and search argument, checked against a recorded golden file.

The builders of ``Filter`` (every target kind, operator and value kind), ``Sort``,
``MetadataQuery``, ``TargetVectors``, ``HybridVector``, ``BM25Operator``, ``Diversity``,
``Boost``, ``Move``, ``GroupBy`` and ``Rerank``, and the search operators built from them, are
encoded to their protos (``Filters`` and ``SearchRequest``); this test pins the text form of
each, and the exception (class and message) of each invalid call, so that generating the
builders from tables cannot change what is sent. Run this file with ``GOLDEN_WRITE=1`` to
re-record after a deliberate change.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid as uuid_lib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import text_format

from weaviate_async.classes.data import GeoCoordinate
from weaviate_async.classes.query import (
    BM25Operator,
    Boost,
    Diversity,
    Filter,
    GroupBy,
    HybridFusion,
    HybridVector,
    MetadataQuery,
    Move,
    NearMediaType,
    NearVector,
    QueryNested,
    QueryReference,
    Rerank,
    Sort,
    TargetVectors,
)
from weaviate_async.models.scope import CollectionScope
from weaviate_async.wire import search
from weaviate_async.wire.filters import filters_pb

GOLDEN = Path(__file__).parent / "data" / "search_golden.json"
SCOPE = CollectionScope.of("Coll", "t", "ONE")
UID = uuid_lib.UUID("12345678-1234-5678-1234-567812345678")
UID2 = "87654321-4321-8765-4321-876543218765"
WHEN = dt.datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=dt.timezone.utc)
WHEN2 = dt.datetime(2023, 1, 2, tzinfo=dt.timezone(dt.timedelta(hours=2)))


class _Opaque:
    """A value of no kind a filter compares, with a repr that stays the same."""

    def __repr__(self) -> str:
        return "<opaque>"


#: values of every kind for the comparison operators (and some a builder refuses)
SCALARS: dict[str, Any] = {
    "text": "abc",
    "int": 7,
    "float": 2.5,
    "bool": True,
    "date": WHEN,
    "uuid": UID,
    "none": None,
    "naive_date": dt.datetime(2024, 1, 1),
    "date_only": dt.date(2024, 1, 1),
    "nan": float("nan"),
    "huge": 2**70,
    "list": ["a"],
    "geo": GeoCoordinate(latitude=1.0, longitude=2.0),
    "object": _Opaque(),
}
LISTS: dict[str, Any] = {
    "texts": ["a", "b"],
    "ints": [1, 2],
    "floats": [1.5, 2.5],
    "mixed_numbers": [1, 2.5],
    "bools": [True, False],
    "dates": [WHEN, WHEN2],
    "uuids": [UID, UID2],
    "empty": [],
    "mixed": ["a", 1],
    "nested": [["a"]],
    "scalar": "a",
    "tuple": ("x", "y"),
}
COMPARISONS = (
    "equal",
    "not_equal",
    "less_than",
    "less_or_equal",
    "greater_than",
    "greater_or_equal",
)
CONTAINS = ("contains_any", "contains_all", "contains_none")


def _encode(value: Any) -> str:
    if isinstance(value, str):
        return value
    if hasattr(value, "DESCRIPTOR"):
        return text_format.MessageToString(value, as_one_line=True)
    if isinstance(value, tuple) and len(value) == 2 and hasattr(value[0], "DESCRIPTOR"):
        return _encode(value[0])  # (SearchRequest, ReplyShape)
    if isinstance(value, tuple):
        return repr(value[0]) + " " + _encode(value[1])
    return repr(value)


def _outcome(build: Callable[[], Any], encode: Callable[[Any], Any]) -> str:
    try:
        return _encode(encode(build()))
    except Exception as exc:  # the class and text of each refusal are part of the record
        return f"{type(exc).__name__}: {exc}"


def _filter_builders() -> dict[str, Callable[[], Any]]:
    return {
        "property": lambda: Filter.by_property("p"),
        "length": lambda: Filter.by_property("p", length=True),
        "id": Filter.by_id,
        "creation_time": Filter.by_creation_time,
        "update_time": Filter.by_update_time,
        "ref_count": lambda: Filter.by_ref_count("refs"),
        "ref.property": lambda: Filter.by_ref("a").by_property("p"),
        "ref.length": lambda: Filter.by_ref("a").by_property("p", length=True),
        "ref.ref.id": lambda: Filter.by_ref("a").by_ref("b").by_id(),
        "ref.creation_time": lambda: Filter.by_ref("a").by_creation_time(),
        "ref.update_time": lambda: Filter.by_ref("a").by_update_time(),
        "ref.ref_count": lambda: Filter.by_ref("a").by_ref_count("c"),
        "multi.property": lambda: Filter.by_ref_multi_target("a", "Other").by_property("p"),
        "ref.multi.id": lambda: Filter.by_ref("a").by_ref_multi_target("b", "Other").by_id(),
    }


def _filter_cases() -> dict[str, Callable[[], Any]]:
    cases: dict[str, Callable[[], Any]] = {}
    for kind, builder in _filter_builders().items():
        for op in COMPARISONS:
            for vname, value in SCALARS.items():
                cases[f"{kind}.{op}({vname})"] = lambda b=builder, o=op, v=value: getattr(b(), o)(v)
        for op in CONTAINS:
            for vname, value in LISTS.items():
                cases[f"{kind}.{op}({vname})"] = lambda b=builder, o=op, v=value: getattr(b(), o)(v)
        for vname, value in {"true": True, "false": False, "int": 1, "text": "x"}.items():
            cases[f"{kind}.is_none({vname})"] = lambda b=builder, v=value: b().is_none(v)
        for vname, value in {"pattern": "a*", "int": 3, "none": None}.items():
            cases[f"{kind}.like({vname})"] = lambda b=builder, v=value: b().like(v)
        geo = GeoCoordinate(latitude=52.5, longitude=4.25)
        for vname, args in {
            "ok": (geo, 2000),
            "float": (geo, 12.5),
            "negative": (geo, -1.0),
            "bool": (geo, True),
            "not_geo": ((1.0, 2.0), 10.0),
            "inf": (geo, float("inf")),
        }.items():
            cases[f"{kind}.within_geo_range({vname})"] = lambda b=builder, a=args: (
                b().within_geo_range(*a)
            )
        cases[f"{kind}.repr"] = lambda b=builder: repr(b())
    a = Filter.by_property("a").equal(1)
    b = Filter.by_property("b").like("x*")
    c = Filter.by_id().equal(UID)
    cases.update(
        {
            "and": lambda: a & b,
            "and_chain": lambda: a & b & c,
            "or_chain": lambda: a | b | c,
            "not": lambda: ~a,
            "mixed": lambda: (a & b) | ~c,
            "and_bad": lambda: a & "x",  # type: ignore[operator]
            "all_of": lambda: Filter.all_of([a, b, c]),
            "all_of_one": lambda: Filter.all_of([a]),
            "all_of_empty": lambda: Filter.all_of([]),
            "all_of_bad": lambda: Filter.all_of([a, 1]),  # type: ignore[list-item]
            "any_of": lambda: Filter.any_of([a, b]),
            "any_of_str": lambda: Filter.any_of("ab"),  # type: ignore[arg-type]
            "not_": lambda: Filter.not_(a),
            "not_bad": lambda: Filter.not_(1),  # type: ignore[arg-type]
            "by_property_empty": lambda: Filter.by_property(""),
            "by_property_length_int": lambda: Filter.by_property("p", length=1),  # type: ignore[arg-type]
            "by_ref_empty": lambda: Filter.by_ref(""),
            "by_ref_multi_bad": lambda: Filter.by_ref_multi_target("a", "1bad"),
            "by_ref_count_empty": lambda: Filter.by_ref_count(""),
            "ref.by_ref_bad": lambda: Filter.by_ref("a").by_ref(3),  # type: ignore[arg-type]
            "ref.repr": lambda: repr(Filter.by_ref("a").by_ref_multi_target("b", "Other")),
            "filter_new": Filter,
        }
    )
    return cases


def _request(**kwargs: Any) -> Any:
    return search.search_request(SCOPE, **kwargs)


def _search_cases() -> dict[str, Callable[[], Any]]:
    f = Filter.by_property("a").equal(1)
    vec = [0.1, 0.2]
    multi = [[0.1, 0.2], [0.3, 0.4]]
    cases: dict[str, Callable[[], Any]] = {
        "sort.property": lambda: _request(sort=Sort.by_property("p")),
        "sort.chain": lambda: _request(
            sort=Sort.by_property("p", ascending=False)
            .by_id()
            .by_creation_time(False)
            .by_update_time()
            .by_property("q")
        ),
        "sort.id_desc": lambda: _request(sort=Sort.by_id(ascending=False)),
        "sort.creation": lambda: _request(sort=Sort.by_creation_time()),
        "sort.update": lambda: _request(sort=Sort.by_update_time(False)),
        "sort.bad_name": lambda: Sort.by_property(""),
        "sort.bad_asc": lambda: Sort.by_id(ascending="no"),  # type: ignore[arg-type]
        "sort.none_asc": lambda: repr(Sort.by_id(ascending=None)),  # type: ignore[arg-type]
        "sort.new": Sort,
        "metadata.full": lambda: _request(return_metadata=MetadataQuery.full()),
        "metadata.full_profile": lambda: _request(
            return_metadata=MetadataQuery.full_with_profile()
        ),
        "metadata.list": lambda: _request(return_metadata=["distance", "score"]),
        "metadata.one": lambda: _request(return_metadata=MetadataQuery(certainty=True)),
        "metadata.bad": lambda: MetadataQuery(score=1),  # type: ignore[arg-type]
        "metadata.bad_name": lambda: _request(return_metadata=["x"]),
        "metadata.repr": lambda: repr(MetadataQuery.full()),
        "include_vector": lambda: _request(include_vector=["a", "b"]),
        "properties": lambda: _request(
            return_properties=["a", QueryNested(name="n", properties=["x", "y"])],
            return_references=[
                QueryReference(link_on="r", return_properties=["z"], return_metadata=["score"]),
                QueryReference.MultiTarget(
                    link_on="m", target_collection="Other", include_vector=True
                ),
            ],
        ),
        "group_by": lambda: _request(
            group_by=GroupBy(prop="p", objects_per_group=2, number_of_groups=3)
        ),
        "group_by_bad": lambda: GroupBy(prop="p", objects_per_group=0, number_of_groups=3),
        "rerank": lambda: _request(rerank=Rerank(prop="p", query="q")),
        "rerank_no_query": lambda: _request(rerank=Rerank(prop="p")),
        "rerank_bad": lambda: Rerank(prop=""),
        "filters": lambda: _request(filters=f, limit=3, offset=2, auto_limit=1),
        "after": lambda: _request(after=UID),
        "mmr": lambda: search.near_vector_pb(vec, diversity_selection=Diversity.mmr(5, 0.5)),
        "mmr_default": lambda: search.near_vector_pb(vec, diversity_selection=Diversity.mmr()),
        "mmr_bad": lambda: Diversity.mmr(limit=0),
        "mmr_bad_balance": lambda: Diversity.mmr(balance=2.0),
        "diversity_new": Diversity,
        "bm25": lambda: search.bm25_pb("q", ["a", "b"], BM25Operator.or_(minimum_match=2)),
        "bm25_and": lambda: search.bm25_pb("q", "a", BM25Operator.and_()),
        "bm25_and_cross": lambda: search.bm25_pb("q", None, BM25Operator.and_cross()),
        "bm25_or_bad": lambda: BM25Operator.or_(minimum_match=0),
        "bm25_or_none": lambda: BM25Operator.or_(minimum_match=None),  # type: ignore[arg-type]
        "bm25_bad_op": lambda: search.bm25_pb("q", None, "and"),
        "bm25_repr": lambda: repr(
            (BM25Operator.or_(3), BM25Operator.and_(), BM25Operator.and_cross())
        ),
        "bm25_new": BM25Operator,
        "near_vector": lambda: search.near_vector_pb(vec, certainty=0.5),
        "near_vector_multi": lambda: search.near_vector_pb(multi, distance=0.3),
        "near_vector_old": lambda: search.near_vector_pb(vec, version=(1, 28, 0)),
        "near_vector_named": lambda: search.near_vector_pb(
            {"a": vec, "b": multi, "c": NearVector.list_of_vectors(vec, vec)},
            target_vector=TargetVectors.sum(["a", "b", "c"]),
        ),
        "near_vector_list_2d": lambda: search.near_vector_pb(
            {"a": NearVector.list_of_vectors(multi, multi)}
        ),
        "list_of_vectors_bad": lambda: NearVector.list_of_vectors(),
        "list_of_vectors_mixed": lambda: NearVector.list_of_vectors(vec, multi),
        "near_vector_bad_certainty": lambda: search.near_vector_pb(vec, certainty=2),
        "near_object": lambda: search.near_object_pb(UID, distance=0.2, target_vector="a"),
        "near_text": lambda: search.near_text_pb(
            ["a", "b"],
            move_to=Move(force=0.5, concepts="c"),
            move_away=Move(force=0.2, objects=[UID, UID2], concepts=["d"]),
            target_vector=["x", "y"],
        ),
        "move_bad": lambda: Move(force=0.5),
        "move_bad_concept": lambda: Move(force=0.5, concepts=[1]),  # type: ignore[list-item]
        "move_lists": lambda: repr(
            (Move(force=1.0, objects=UID)._objects_list, Move(force=1.0, concepts="c"))
        ),
        "near_media": lambda: search.near_media_pb(
            "aGVsbG8=", NearMediaType.IMAGE, certainty=0.1, target_vector="a"
        ),
        "near_media_imu": lambda: search.near_media_pb("aGVsbG8=", "imu"),
        "near_media_bad": lambda: search.near_media_pb("aGVsbG8=", "smell"),
        "hybrid": lambda: search.hybrid_pb(
            "q",
            alpha=0.3,
            vector=vec,
            query_properties=["a"],
            fusion_type=HybridFusion.RANKED,
            max_vector_distance=0.4,
            bm25_operator=BM25Operator.and_(),
            target_vector="a",
        ),
        "hybrid_old": lambda: search.hybrid_pb("q", version=(1, 30, 0)),
        "hybrid_near_text": lambda: search.hybrid_pb(
            "q",
            vector=HybridVector.near_text(
                ["x", "y"], certainty=0.3, move_to=Move(force=0.1, concepts="z")
            ),
            fusion_type="FUSION_TYPE_RELATIVE_SCORE",
        ),
        "hybrid_near_vector": lambda: search.hybrid_pb(
            None,
            vector=HybridVector.near_vector({"a": vec, "b": vec}, distance=0.2),
            target_vector=TargetVectors.average(["a", "b"]),
        ),
        "hybrid_near_text_bad": lambda: HybridVector.near_text(3),  # type: ignore[arg-type]
        "hybrid_named": lambda: search.hybrid_pb("q", vector={"a": vec}),
        "hybrid_bad_fusion": lambda: search.hybrid_pb("q", fusion_type="x"),
        "targets_minimum": lambda: search.targets_pb(TargetVectors.minimum(["a", "b"])),
        "targets_manual": lambda: search.targets_pb(
            TargetVectors.manual_weights({"a": 2.0, "b": [1.0, 0.5]})
        ),
        "targets_relative": lambda: search.targets_pb(
            TargetVectors.relative_score({"a": 0.5, "b": 1})
        ),
        "targets_order": lambda: search.targets_pb(
            TargetVectors.manual_weights({"a": 2.0, "b": 1.0}), order=["b", "a"]
        ),
        "targets_bad": lambda: TargetVectors.sum([]),
        "targets_bad_weights": lambda: TargetVectors.manual_weights({}),
        "targets_bad_weight": lambda: TargetVectors.relative_score({"a": "x"}),  # type: ignore[dict-item]
        "targets_repr": lambda: repr(TargetVectors.manual_weights({"a": [1.0]})),
        "boost.filter": lambda: _request(boost=Boost.filter(f, weight=0.4, depth=50)),
        "boost.filter_bad": lambda: Boost.filter("x"),  # type: ignore[arg-type]
        "boost.time_decay": lambda: _request(
            boost=Boost.time_decay(
                "d",
                origin=WHEN,
                scale=dt.timedelta(days=7),
                offset=dt.timedelta(hours=36),
                curve=Boost.Curve.GAUSSIAN,
                decay=0.5,
                weight=0.2,
            )
        ),
        "boost.time_decay_text": lambda: _request(
            boost=Boost.time_decay("d", scale="90s", offset=dt.timedelta(seconds=1.5))
        ),
        "boost.time_decay_bad_decay": lambda: Boost.time_decay("d", scale="1d", decay=0),
        "boost.time_decay_bad_scale": lambda: Boost.time_decay("d", scale=dt.timedelta(0)),
        "boost.time_decay_bad_curve": lambda: Boost.time_decay("d", scale="1d", curve="x"),  # type: ignore[arg-type]
        "boost.time_decay_bad_origin": lambda: Boost.time_decay("d", scale="1d", origin=3),  # type: ignore[arg-type]
        "boost.numeric_decay": lambda: _request(
            boost=Boost.numeric_decay(
                "n", origin=5, scale=2, offset=1, curve="linear", decay=0.3, depth=10
            )
        ),
        "boost.numeric_decay_bad": lambda: Boost.numeric_decay("n", origin=5, scale=0),
        "boost.numeric_decay_none": lambda: Boost.numeric_decay("n", origin=None, scale=1),  # type: ignore[arg-type]
        "boost.numeric_property": lambda: _request(
            boost=Boost.numeric_property("v", modifier=Boost.Modifier.SQRT)
        ),
        "boost.numeric_property_text": lambda: _request(
            boost=Boost.numeric_property("v", modifier="log1p")  # type: ignore[arg-type]
        ),
        "boost.numeric_property_bad": lambda: Boost.numeric_property("v", modifier="x"),  # type: ignore[arg-type]
        "boost.blend": lambda: _request(
            boost=Boost.blend(
                [Boost.filter(f, weight=-0.5), Boost.numeric_property("v")], weight=0.7, depth=9
            )
        ),
        "boost.blend_one": lambda: _request(boost=Boost.blend(Boost.filter(f))),
        "boost.blend_depth": lambda: Boost.blend([Boost.filter(f, depth=3)]),
        "boost.blend_empty": lambda: Boost.blend([]),
        "boost.weight_range": lambda: _request(boost=Boost.filter(f, weight=2.0)),
        "boost.depth_bad": lambda: Boost.filter(f, depth=0),
        "boost.new": Boost,
    }
    return cases


def _all_cases() -> dict[str, str]:
    def encode_filter(value: Any) -> Any:
        return value if isinstance(value, str) else filters_pb(value)

    out = {f"filter:{k}": _outcome(v, encode_filter) for k, v in _filter_cases().items()}
    out.update({f"search:{k}": _outcome(v, lambda x: x) for k, v in _search_cases().items()})
    return out


def test_golden() -> None:
    """Every builder's proto (or refusal) is what was recorded."""
    actual = _all_cases()
    if os.environ.get("GOLDEN_WRITE"):
        GOLDEN.write_text(json.dumps(actual, indent=1, sort_keys=True) + "\n")
    expected = json.loads(GOLDEN.read_text())
    assert sorted(actual) == sorted(expected)
    diff = {k: (expected[k], actual[k]) for k in expected if expected[k] != actual[k]}
    assert not diff, f"{len(diff)} cases differ, e.g. {next(iter(diff.items()))}"


@pytest.mark.parametrize("kind", sorted(_filter_builders()))
def test_golden_covers_operators(kind: str) -> None:
    """The record holds an encoded filter for every comparison of every target kind."""
    expected = json.loads(GOLDEN.read_text())
    encoded = [k for k, v in expected.items() if k.startswith(f"filter:{kind}.") and "{" in v]
    assert any(".equal(" in k for k in encoded)
