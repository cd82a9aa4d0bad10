"""Filters: building (checks when built, immutability) and the gRPC encoding of every operator,
target and value type; the encoding is cross-checked byte for byte with the official client's."""

from __future__ import annotations

import datetime as dt
import enum
import math
import uuid as uuid_lib
import warnings
from collections.abc import Callable
from typing import Any

import attrs
import numpy as np
import pytest

from weaviate_async.classes.data import GeoCoordinate
from weaviate_async.classes.filters import _FilterValue
from weaviate_async.classes.query import Filter, FilterReturn
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.proto.weaviate.v1 import base_pb2
from weaviate_async.wire.filters import filters_pb, optional_filters_pb

UTC = dt.timezone.utc
CET = dt.timezone(dt.timedelta(hours=1))
WHEN = dt.datetime(2024, 5, 17, 12, 30, 15, 250000, tzinfo=UTC)
WHEN_CET = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=CET)
U1 = uuid_lib.UUID("12345678-1234-5678-1234-567812345678")
U2 = uuid_lib.UUID(int=2)
F = base_pb2.Filters

OPS = {
    "equal": F.OPERATOR_EQUAL,
    "not_equal": F.OPERATOR_NOT_EQUAL,
    "less_than": F.OPERATOR_LESS_THAN,
    "less_or_equal": F.OPERATOR_LESS_THAN_EQUAL,
    "greater_than": F.OPERATOR_GREATER_THAN,
    "greater_or_equal": F.OPERATOR_GREATER_THAN_EQUAL,
}
CONTAINS = {
    "contains_any": F.OPERATOR_CONTAINS_ANY,
    "contains_all": F.OPERATOR_CONTAINS_ALL,
    "contains_none": F.OPERATOR_CONTAINS_NONE,
}


def prop(name: str) -> base_pb2.FilterTarget:
    return base_pb2.FilterTarget(property=name)


# ---------------------------------------------------------------------------------- values


class Colour(str, enum.Enum):
    RED = "red"


class Size(enum.IntEnum):
    BIG = 3


SCALARS: list[tuple[Any, dict[str, Any]]] = [
    ("fox", {"value_text": "fox"}),
    (42, {"value_int": 42}),
    (-(2**63), {"value_int": -(2**63)}),
    (2**63 - 1, {"value_int": 2**63 - 1}),
    (1.5, {"value_number": 1.5}),
    (True, {"value_boolean": True}),
    (False, {"value_boolean": False}),
    (WHEN, {"value_text": "2024-05-17T12:30:15.250000+00:00"}),
    (WHEN_CET, {"value_text": "2024-01-02T03:04:05.000000+01:00"}),
    (U1, {"value_text": str(U1)}),
    (np.int64(7), {"value_int": 7}),
    (np.float32(0.5), {"value_number": 0.5}),
    (np.bool_(True), {"value_boolean": True}),
    (Colour.RED, {"value_text": "red"}),
    (Size.BIG, {"value_int": 3}),
]


@pytest.mark.parametrize("method", sorted(OPS))
@pytest.mark.parametrize(("value", "wire"), SCALARS)
def test_property_comparisons_every_scalar(method: str, value: Any, wire: dict[str, Any]) -> None:
    f = getattr(Filter.by_property("p"), method)(value)
    assert filters_pb(f) == F(operator=OPS[method], target=prop("p"), **wire)


LISTS: list[tuple[Any, dict[str, Any]]] = [
    (["a", "b"], {"value_text_array": base_pb2.TextArray(values=["a", "b"])}),
    ((1, 2), {"value_int_array": base_pb2.IntArray(values=[1, 2])}),
    ([1.5, 2.5], {"value_number_array": base_pb2.NumberArray(values=[1.5, 2.5])}),
    # ints among floats make a number list
    ([1, 2.5], {"value_number_array": base_pb2.NumberArray(values=[1.0, 2.5])}),
    ([True, False], {"value_boolean_array": base_pb2.BooleanArray(values=[True, False])}),
    (
        [WHEN, WHEN_CET],
        {
            "value_text_array": base_pb2.TextArray(
                values=["2024-05-17T12:30:15.250000+00:00", "2024-01-02T03:04:05.000000+01:00"]
            )
        },
    ),
    ([U1, str(U2)], {"value_text_array": base_pb2.TextArray(values=[str(U1), str(U2)])}),
    (np.array([3, 4]), {"value_int_array": base_pb2.IntArray(values=[3, 4])}),
    (np.array([0.25, 4.0]), {"value_number_array": base_pb2.NumberArray(values=[0.25, 4.0])}),
]


@pytest.mark.parametrize("method", sorted(CONTAINS))
@pytest.mark.parametrize(("value", "wire"), LISTS)
def test_property_contains_every_list(method: str, value: Any, wire: dict[str, Any]) -> None:
    f = getattr(Filter.by_property("p"), method)(value)
    assert filters_pb(f) == F(operator=CONTAINS[method], target=prop("p"), **wire)


def test_like_is_none_and_geo_range() -> None:
    assert filters_pb(Filter.by_property("t").like("*fox?")) == F(
        operator=F.OPERATOR_LIKE, value_text="*fox?", target=prop("t")
    )
    for flag in (True, False):
        assert filters_pb(Filter.by_property("t").is_none(flag)) == F(
            operator=F.OPERATOR_IS_NULL, value_boolean=flag, target=prop("t")
        )
    geo = Filter.by_property("place").within_geo_range(
        GeoCoordinate(latitude=52.5, longitude=13.25), distance=2000
    )
    assert filters_pb(geo) == F(
        operator=F.OPERATOR_WITHIN_GEO_RANGE,
        value_geo=base_pb2.GeoCoordinatesFilter(latitude=52.5, longitude=13.25, distance=2000.0),
        target=prop("place"),
    )


def test_length_filters_target_len_and_take_ints() -> None:
    f = Filter.by_property("tags", length=True).greater_or_equal(2)
    assert filters_pb(f) == F(
        operator=F.OPERATOR_GREATER_THAN_EQUAL, value_int=2, target=prop("len(tags)")
    )
    f = Filter.by_property("tags", length=True).contains_any([0, 1])
    assert filters_pb(f).value_int_array.values == [0, 1]


def test_by_id() -> None:
    assert filters_pb(Filter.by_id().equal(str(U1).upper())) == F(
        operator=F.OPERATOR_EQUAL, value_text=str(U1), target=prop("_id")
    )
    assert filters_pb(Filter.by_id().not_equal(U1)).operator == F.OPERATOR_NOT_EQUAL
    for method, op in (("contains_any", F.OPERATOR_CONTAINS_ANY), ("contains_none", None)):
        f = getattr(Filter.by_id(), method)([U1, str(U2)])
        assert filters_pb(f) == F(
            operator=op or F.OPERATOR_CONTAINS_NONE,
            value_text_array=base_pb2.TextArray(values=[str(U1), str(U2)]),
            target=prop("_id"),
        )


@pytest.mark.parametrize(
    ("start", "name"),
    [
        (Filter.by_creation_time, "_creationTimeUnix"),
        (Filter.by_update_time, "_lastUpdateTimeUnix"),
    ],
)
def test_by_time(start: Callable[[], Any], name: str) -> None:
    text = "2024-05-17T12:30:15.250000+00:00"
    for method, op in OPS.items():
        assert filters_pb(getattr(start(), method)(WHEN)) == F(
            operator=op, value_text=text, target=prop(name)
        )
    for method in ("contains_any", "contains_none"):
        f = getattr(start(), method)([WHEN])
        assert filters_pb(f) == F(
            operator=CONTAINS[method],
            value_text_array=base_pb2.TextArray(values=[text]),
            target=prop(name),
        )


def test_by_ref_count() -> None:
    for method, op in OPS.items():
        assert filters_pb(getattr(Filter.by_ref_count("refs"), method)(3)) == F(
            operator=op,
            value_int=3,
            target=base_pb2.FilterTarget(count=base_pb2.FilterReferenceCount(on="refs")),
        )


def test_reference_paths() -> None:
    f = Filter.by_ref("author").by_property("name").equal("Ann")
    assert filters_pb(f).target == base_pb2.FilterTarget(
        single_target=base_pb2.FilterReferenceSingleTarget(on="author", target=prop("name"))
    )
    # multi-target: the collection's first letter is capitalised, as the server stores it
    f = (
        Filter.by_ref_multi_target("cites", "article")
        .by_ref("author")
        .by_ref_multi_target("lives", "city")
        .by_ref_count("mayors")
        .greater_than(0)
    )
    assert filters_pb(f).target == base_pb2.FilterTarget(
        multi_target=base_pb2.FilterReferenceMultiTarget(
            on="cites",
            target_collection="Article",
            target=base_pb2.FilterTarget(
                single_target=base_pb2.FilterReferenceSingleTarget(
                    on="author",
                    target=base_pb2.FilterTarget(
                        multi_target=base_pb2.FilterReferenceMultiTarget(
                            on="lives",
                            target_collection="City",
                            target=base_pb2.FilterTarget(
                                count=base_pb2.FilterReferenceCount(on="mayors")
                            ),
                        )
                    ),
                )
            ),
        )
    )
    leaves = {
        "_id": Filter.by_ref("r").by_id().equal(U1),
        "_creationTimeUnix": Filter.by_ref("r").by_creation_time().less_than(WHEN),
        "_lastUpdateTimeUnix": Filter.by_ref("r").by_update_time().greater_than(WHEN),
        "len(t)": Filter.by_ref("r").by_property("t", length=True).equal(0),
    }
    for leaf, f in leaves.items():
        assert filters_pb(f).target.single_target.target == prop(leaf)


# ---------------------------------------------------------------------------------- combining


def _leaf(name: str) -> FilterReturn:
    return Filter.by_property(name).equal(1)


def _enc(name: str) -> base_pb2.Filters:
    return filters_pb(_leaf(name))


def test_combinators() -> None:
    a, b, c = _leaf("a"), _leaf("b"), _leaf("c")
    assert filters_pb(a & b) == F(operator=F.OPERATOR_AND, filters=[_enc("a"), _enc("b")])
    assert filters_pb(a | b) == F(operator=F.OPERATOR_OR, filters=[_enc("a"), _enc("b")])
    assert filters_pb(~a) == F(operator=F.OPERATOR_NOT, filters=[_enc("a")])
    assert filters_pb(Filter.not_(a)) == filters_pb(~a)
    assert filters_pb(Filter.all_of([a, b, c])) == F(
        operator=F.OPERATOR_AND, filters=[_enc("a"), _enc("b"), _enc("c")]
    )
    assert filters_pb(Filter.any_of((a, b))) == filters_pb(a | b)
    assert Filter.all_of([a]) is a and Filter.any_of([a]) is a
    # chains stay flat; other combinations nest
    assert filters_pb(a & b & c) == filters_pb(Filter.all_of([a, b, c]))
    assert filters_pb(a & (b & c)) == filters_pb(Filter.all_of([a, b, c]))
    assert filters_pb(a | b | c) == filters_pb(Filter.any_of([a, b, c]))
    mixed = filters_pb((a & b) | ~c)
    assert mixed == F(
        operator=F.OPERATOR_OR,
        filters=[
            F(operator=F.OPERATOR_AND, filters=[_enc("a"), _enc("b")]),
            F(operator=F.OPERATOR_NOT, filters=[_enc("c")]),
        ],
    )
    assert filters_pb(~~a) == F(
        operator=F.OPERATOR_NOT, filters=[F(operator=F.OPERATOR_NOT, filters=[_enc("a")])]
    )


def test_filters_are_immutable_values() -> None:
    f = Filter.by_property("x").contains_any([1, 2])
    assert isinstance(f, _FilterValue)
    assert f.value == (1, 2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        f.value = (3,)  # type: ignore[misc]
    assert Filter.by_property("x").contains_any([1, 2]) == f
    both = f & f
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        both.filters = ()  # type: ignore[attr-defined]
    builder = Filter.by_property("x")
    with pytest.raises(AttributeError):
        builder._target = "y"  # type: ignore[misc]
    ref = Filter.by_ref("a")
    deeper = ref.by_ref("b")
    # each step is a new path: the first one still ends at "a"
    assert filters_pb(ref.by_id().equal(U1)).target.single_target.target == prop("_id")
    assert filters_pb(deeper.by_id().equal(U1)).target.single_target.target.single_target.on == "b"
    with pytest.raises(AttributeError):
        ref._hops = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        Filter()
    hash(f)


def test_optional_encoder_and_foreign_values() -> None:
    assert optional_filters_pb(None) is None
    assert optional_filters_pb(_leaf("a")) == _enc("a")
    with pytest.raises(WeaviateInvalidInputError) as info:
        filters_pb({"path": ["a"]}, "where")  # type: ignore[arg-type]
    assert info.value.field == "where"


# ---------------------------------------------------------------------------------- bad input


def _field_of(build: Callable[[], Any]) -> str | None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        build()
    return info.value.field


NAIVE = dt.datetime(2024, 1, 1)


@pytest.mark.parametrize(
    ("build", "words"),
    [
        (lambda: Filter.by_property("d").equal(NAIVE), "'d'"),
        (lambda: Filter.by_property("d").contains_any([WHEN, NAIVE]), "val[1]"),
        (lambda: Filter.by_creation_time().greater_than(NAIVE), "creation time"),
        (lambda: Filter.by_update_time().contains_none([NAIVE]), "dates[0]"),
    ],
)
def test_naive_datetimes_are_taken_as_utc_with_a_warning(build: Any, words: str) -> None:
    # as the official client: a UserWarning naming the value, and UTC
    with pytest.warns(UserWarning) as caught:
        built = build()
    assert words in str(caught[0].message)
    assert "2024-01-01T00:00:00.000000+00:00" in repr(built)


@pytest.mark.parametrize(
    ("build", "field", "words"),
    [
        (lambda: Filter.by_property("n").like(5), "val", "like"),
        (lambda: Filter.by_property("n", length=True).like("a*"), "val", "length"),
        (lambda: Filter.by_property("d").equal(dt.date(2024, 1, 1)), "val", "datetime"),
        (lambda: Filter.by_creation_time().equal("2024-01-01"), "date", "must be date"),
        (
            lambda: Filter.by_property("g").within_geo_range(
                GeoCoordinate(latitude=1, longitude=2),
                None,  # type: ignore[arg-type]
            ),
            "distance",
            "meters",
        ),
        (
            lambda: Filter.by_property("g").within_geo_range(
                GeoCoordinate(latitude=1, longitude=2), -1.0
            ),
            "distance",
            ">= 0",
        ),
        (
            lambda: Filter.by_property("g").within_geo_range(
                GeoCoordinate(latitude=1, longitude=2), math.nan
            ),
            "distance",
            "finite",
        ),
        (
            lambda: Filter.by_property("g").within_geo_range((1.0, 2.0), 5.0),  # type: ignore[arg-type]
            "coordinate",
            "GeoCoordinate",
        ),
        (lambda: Filter.by_property("t").contains_any([]), "val", "at least one"),
        (lambda: Filter.by_property("t").contains_all(()), "val", "length=True"),
        (lambda: Filter.by_property("t").contains_none([]), "val", "at least one"),
        (lambda: Filter.by_id().contains_any([]), "uuids", "at least one"),
        (lambda: Filter.by_property("t").contains_any("abc"), "val", "list"),
        (lambda: Filter.by_property("t").equal(["a", "b"]), "val", "contains_any"),
        (lambda: Filter.by_property("t").contains_any(["a", 1]), "val[1]", "one kind"),
        (lambda: Filter.by_property("t").contains_any([True, 1]), "val[1]", "one kind"),
        (lambda: Filter.by_property("t").contains_any([[1], [2]]), "val[0]", "nested"),
        (lambda: Filter.by_property("t").contains_any([WHEN, "x"]), "val[1]", "one kind"),
        (lambda: Filter.by_property("x").equal(math.nan), "val", "finite"),
        (lambda: Filter.by_property("x").less_than(math.inf), "val", "finite"),
        (lambda: Filter.by_property("x").contains_any([1.0, math.nan]), "val[1]", "finite"),
        (lambda: Filter.by_property("x").equal(2**63), "val", "64-bit"),
        (lambda: Filter.by_property("x").equal(None), "val", "is_none"),
        (lambda: Filter.by_property("x").equal({"a": 1}), "val", "not dict"),
        (lambda: Filter.by_property("x").equal(b"raw"), "val", "not bytes"),
        (
            lambda: Filter.by_property("x").equal(GeoCoordinate(latitude=1, longitude=1)),
            "val",
            "within_geo_range",
        ),
        (lambda: Filter.by_property("x").is_none(1), "val", "bool"),
        (lambda: Filter.by_property("x", length=True).equal("3"), "val", "int"),
        (lambda: Filter.by_property("x", length=True).equal(1.5), "val", "int"),
        (lambda: Filter.by_id().equal("not-a-uuid"), "uuid", "UUID"),
        (lambda: Filter.by_id().contains_any([U1, "nope"]), "uuids[1]", "UUID"),
        (lambda: Filter.by_id().contains_none(U1), "uuids", "list"),
        (lambda: Filter.by_ref_count("r").equal(1.0), "count", "int"),
        (lambda: Filter.by_ref_count("r").greater_than(True), "count", "int"),
        (lambda: Filter.by_property(""), "name", "non-empty"),
        (lambda: Filter.by_property("x", length="yes"), "length", "bool"),  # type: ignore[arg-type]
        (lambda: Filter.by_ref(""), "link_on", "non-empty"),
        (lambda: Filter.by_ref_count(3), "link_on", "non-empty"),  # type: ignore[arg-type]
        (lambda: Filter.by_ref_multi_target("r", 3), "target_collection", "must be a str"),
        (lambda: Filter.by_ref("r").by_ref_multi_target("", "C"), "reference", "non-empty"),
        (lambda: _leaf("a") & 3, "other", "&"),
        (lambda: _leaf("a") | "b", "other", "|"),
        (lambda: Filter.all_of([]), "filters", "at least one"),
        (lambda: Filter.any_of([_leaf("a"), None]), "filters[1]", "filter"),
        (lambda: Filter.all_of(_leaf("a")), "filters", "list"),
        (lambda: Filter.not_("x"), "filter_", "filter"),  # type: ignore[arg-type]
    ],
)
def test_invalid_filters_fail_when_built(build: Callable[[], Any], field: str, words: str) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        build()
    assert info.value.field == field
    assert words in str(info.value)


# ---------------------------------------------------------------------------------- parity


def _official() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a dependency of theirs warns on import
        from weaviate.classes.query import Filter as OfficialFilter
        from weaviate.collections.classes.types import GeoCoordinate as OfficialGeo
        from weaviate.collections.filters import _FilterToGRPC

    return OfficialFilter, OfficialGeo, _FilterToGRPC.convert


SAME_AS_OFFICIAL: list[Callable[[Any, Any], Any]] = [
    lambda f, g: f.by_property("t").equal("fox"),
    lambda f, g: f.by_property("n").not_equal(3),
    lambda f, g: f.by_property("x").less_than(1.5),
    lambda f, g: f.by_property("b").equal(False),
    lambda f, g: f.by_property("d").greater_or_equal(WHEN),
    lambda f, g: f.by_property("d").less_or_equal(WHEN_CET),
    lambda f, g: f.by_property("u").equal(U1),
    lambda f, g: f.by_property("t").like("f?x*"),
    lambda f, g: f.by_property("t").is_none(True),
    lambda f, g: f.by_property("tags").contains_any(["a", "b"]),
    lambda f, g: f.by_property("ns").contains_all([1, 2, 3]),
    lambda f, g: f.by_property("xs").contains_none([0.5, 1.5]),
    lambda f, g: f.by_property("bs").contains_any([True]),
    lambda f, g: f.by_property("ds").contains_any([WHEN, WHEN_CET]),
    lambda f, g: f.by_property("us").contains_any([U1, U2]),
    lambda f, g: f.by_property("tags", length=True).greater_than(2),
    lambda f, g: f.by_property("g").within_geo_range(g(latitude=52.5, longitude=13.25), 2500.0),
    lambda f, g: f.by_id().equal(U1),
    lambda f, g: f.by_id().contains_none([U1, U2]),
    lambda f, g: f.by_creation_time().less_than(WHEN),
    lambda f, g: f.by_update_time().contains_any([WHEN]),
    lambda f, g: f.by_ref_count("refs").greater_or_equal(1),
    lambda f, g: f.by_ref("author").by_property("name").like("A*"),
    lambda f, g: f.by_ref("a").by_ref("b").by_id().not_equal(U2),
    lambda f, g: f.by_ref_multi_target("cites", "article").by_creation_time().equal(WHEN),
    lambda f, g: f.by_ref("a").by_ref_multi_target("b", "city").by_ref_count("c").equal(0),
    lambda f, g: f.all_of([f.by_property("a").equal(1), f.by_property("b").equal("x")]),
    lambda f, g: f.any_of([f.by_property("a").equal(1), f.not_(f.by_property("b").equal(2))]),
    lambda f, g: (f.by_property("a").equal(1) & f.by_property("b").equal(2)) | ~f.by_id().equal(U1),
]


@pytest.mark.parametrize("build", SAME_AS_OFFICIAL)
def test_encoding_matches_the_official_client(build: Callable[[Any, Any], Any]) -> None:
    official_filter, official_geo, convert = _official()
    theirs = convert(build(official_filter, official_geo)).SerializeToString()
    ours = filters_pb(build(Filter, GeoCoordinate)).SerializeToString()
    assert ours == theirs
