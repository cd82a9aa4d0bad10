"""Parity of the aggregation surface with the official client (4.24): ``collection.aggregate``
(async and its generated sync twin), ``Metrics``, ``GroupByAggregate``, the metric classes,
``weaviate.classes.aggregate`` and ``weaviate.outputs.aggregate``: the same names at the same
module paths, the same parameter names, kinds and defaults, the same dataclass fields.
Deviations are listed below with their reasons; a listed entry that no longer differs fails."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import types
import typing
import warnings
from typing import Any

import pytest

from tests.unit import parity_helpers as h
from weaviate_async.collections.aggregate import _AggregateCollectionAsync
from weaviate_sync.collections.aggregate import _AggregateCollection

#: Public methods of ours that the official namespace does not have.
EXTRA_METHODS: dict[str, str] = {
    "near_media": (
        "the issue asks for it and the server's Aggregate RPC takes every medium; shaped like "
        "the official query.near_media (media, media_type, then near_image's keywords)"
    ),
    "bm25": (
        "the issue asks for it; the Aggregate RPC has no BM25 operator, so it is a hybrid "
        "search with alpha=0, without filters and query_properties, which Weaviate v1.39 "
        "ignores in the keyword part of an aggregation"
    ),
}
#: Names of ours in outputs.aggregate that the official module does not export.
EXTRA_OUTPUTS: dict[str, str] = {
    "AggregateReference": (
        "the official client leaves it out because reference aggregation looked broken on the "
        "server; it works when the reference's type is asked for along with pointing_to, "
        "which this client does"
    ),
    "TopOccurrence": "the element type of AggregateText.top_occurrences, importable by its name",
}
#: Behaviours that differ although the signatures agree (documented, tested elsewhere).
BEHAVIOUR: dict[str, str] = {
    "total_count": (
        "None when total_count=False (the official client reports the server's 0); the "
        "statistics a metric did not ask for are None too, also where the server sends them"
    ),
    "near_vector.target_vector": (
        "one target only, checked before sending: the server refuses several in aggregations"
    ),
    "near_vector.near_vector": (
        "{name: vector} of one name is sent as the vector with its target, and "
        "NearVector.list_of_vectors is refused: the server (v1.39) fails on the multi-target "
        "form (vector_for_targets) in an aggregation, which the official client sends"
    ),
    "hybrid.query": (
        "without query and vector no search is sent, so the aggregation is over every object "
        "that passes the filters (the official docstring's 'a normal search'); the official "
        "client sends an empty hybrid search"
    ),
}
#: Parameters whose annotation is wider than the official one (every official call still
#: type-checks), with the reason.
WIDER_ANNOTATIONS: dict[str, str] = {
    "hybrid.vector": (
        "the official annotation is List[float], but its hybrid aggregation runs the search's "
        "own hybrid encoder, which takes every vector form and HybridVector sub-searches; ours "
        "says so (HybridVectorType, as query.hybrid's vector)"
    ),
}


@pytest.mark.parametrize(
    ("label", "ours", "theirs"),
    [
        (
            "async",
            _AggregateCollectionAsync,
            "weaviate.collections.aggregate._AggregateCollectionAsync",
        ),
        ("sync", _AggregateCollection, "weaviate.collections.aggregate._AggregateCollection"),
    ],
)
def test_namespace_methods_have_the_official_parameters(
    label: str, ours: type, theirs: str
) -> None:
    official = h.public_callables(h.official(theirs))
    mine = h.public_callables(ours)
    assert set(official) == {
        "hybrid",
        "near_image",
        "near_object",
        "near_text",
        "near_vector",
        "over_all",
    }
    for name, fn in official.items():
        assert name in mine, f"{label}.{name} is missing"
        assert h.shape(mine[name]) == h.shape(fn), f"{label}.{name}"
    assert set(mine) - set(official) == set(EXTRA_METHODS), label


def test_async_methods_are_coroutines_and_sync_ones_are_not() -> None:
    for fn in h.public_callables(_AggregateCollectionAsync).values():
        assert inspect.iscoroutinefunction(fn)
    for fn in h.public_callables(_AggregateCollection).values():
        assert not inspect.iscoroutinefunction(fn)


def test_extras_share_the_official_keywords() -> None:
    # near_media takes near_image's keywords; bm25 the keyword subset of hybrid's
    near_image = h.shape(_AggregateCollectionAsync.near_image)[1:]
    assert h.shape(_AggregateCollectionAsync.near_media)[2:] == near_image
    hybrid = dict((n, (k, d)) for n, k, d in h.shape(_AggregateCollectionAsync.hybrid))
    for name, kind, default in h.shape(_AggregateCollectionAsync.bm25):
        if name != "object_limit":
            assert hybrid[name] == (kind, default), name


@pytest.mark.parametrize("method", ["text", "integer", "number", "boolean", "date_", "reference"])
def test_metrics_methods(method: str) -> None:
    from weaviate_async.classes.aggregate import Metrics

    theirs = h.official("weaviate.classes.aggregate.Metrics")
    assert h.shape(getattr(Metrics, method)) == h.shape(getattr(theirs, method))


def test_builders_take_the_official_arguments() -> None:
    from weaviate_async.classes import aggregate as ours

    for name in ("Metrics", "GroupByAggregate"):
        theirs = h.official(f"weaviate.classes.aggregate.{name}")
        assert h.shape(getattr(ours, name), skip_self=False) == h.shape(theirs, skip_self=False), (
            name
        )
    for name in (
        "_MetricsText",
        "_MetricsInteger",
        "_MetricsNumber",
        "_MetricsBoolean",
        "_MetricsDate",
        "_MetricsReference",
    ):
        theirs = h.official(f"weaviate.collections.classes.aggregate.{name}")
        # pydantic models: every field keyword-only and required, in the official order
        assert h.shape(getattr(ours, name), skip_self=False) == h.shape(theirs, skip_self=False), (
            name
        )


def test_metrics_choose_the_same_statistics_as_the_official_ones() -> None:
    from weaviate_async.classes.aggregate import Metrics

    theirs = h.official("weaviate.classes.aggregate.Metrics")
    calls: list[tuple[str, dict[str, Any]]] = [
        ("text", {}),
        ("text", {"top_occurrences_value": True, "limit": 3}),
        ("integer", {}),
        ("integer", {"mean": True}),
        ("number", {"sum_": True, "mode": True}),
        ("boolean", {}),
        ("boolean", {"percentage_true": True}),
        ("date_", {}),
        ("date_", {"median": True}),
        ("reference", {}),
    ]
    for method, kwargs in calls:
        mine = getattr(Metrics("p"), method)(**kwargs)
        official = getattr(theirs("p"), method)(**kwargs)
        assert {f.name: getattr(mine, f.name) for f in _attrs_fields(mine)} == dict(official), (
            method,
            kwargs,
        )


def _attrs_fields(value: Any) -> Any:
    import attrs

    return attrs.fields(type(value))


def test_modules_at_the_official_paths_hold_the_same_names() -> None:
    for official_path, ours_path in (
        ("weaviate.classes.aggregate", "classes.aggregate"),
        ("weaviate.outputs.aggregate", "outputs.aggregate"),
    ):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            official = importlib.import_module(official_path)
        mine = importlib.import_module(f"weaviate_async.{ours_path}")
        twin = importlib.import_module(f"weaviate_sync.{ours_path}")
        for name in official.__all__:
            assert getattr(mine, name, None) is not None, f"{ours_path}.{name}"
            assert getattr(twin, name) is getattr(mine, name), f"weaviate_sync.{ours_path}.{name}"
    outputs = importlib.import_module("weaviate_async.outputs.aggregate")
    official_outputs = importlib.import_module("weaviate.outputs.aggregate")
    assert set(outputs.__all__) - set(official_outputs.__all__) == set(EXTRA_OUTPUTS)


@pytest.mark.parametrize(
    "name",
    [
        "AggregateBoolean",
        "AggregateDate",
        "AggregateGroup",
        "AggregateGroupByReturn",
        "AggregateInteger",
        "AggregateNumber",
        "AggregateReference",
        "AggregateReturn",
        "AggregateText",
        "GroupedBy",
        "TopOccurrence",
    ],
)
def test_results_are_dataclasses_with_the_official_fields(name: str) -> None:
    from weaviate_async.classes import aggregate as ours

    theirs = h.official(f"weaviate.collections.classes.aggregate.{name}")
    mine = getattr(ours, name)
    assert dataclasses.is_dataclass(mine)
    assert [(f.name, f.default, f.kw_only) for f in dataclasses.fields(mine)] == [
        (f.name, f.default, f.kw_only) for f in dataclasses.fields(theirs)
    ]
    assert h.shape(mine, skip_self=False) == h.shape(theirs, skip_self=False)


def test_every_reason_is_a_real_sentence() -> None:
    for reason in [*EXTRA_METHODS.values(), *EXTRA_OUTPUTS.values(), *BEHAVIOUR.values()]:
        assert h.is_real_reason(reason), reason


def _type_names(tp: Any) -> set[str]:
    """The classes an annotation names, flattened through unions (``List[x]`` -> "list")."""
    if tp is None or tp is type(None):
        return {"None"}
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return set().union(*(_type_names(a) for a in typing.get_args(tp)))
    if origin is not None:
        return {getattr(origin, "__name__", str(origin)).lower()}
    return {getattr(tp, "__name__", str(tp))}


def test_parameters_are_annotated_with_the_official_classes() -> None:
    # Our annotations are strings (postponed evaluation); they are resolved in the modules that
    # hold the search and aggregate classes, so that e.g. move_to must name the Move of the
    # search API (classes.query), as the official one does.
    names: dict[str, Any] = {}
    for module in ("types", "classes.filters", "classes.aggregate", "classes.search"):
        names.update(vars(importlib.import_module(f"weaviate_async.{module}")))
    theirs = h.official("weaviate.collections.aggregate._AggregateCollectionAsync")
    compared = set()
    for method, fn in h.public_callables(theirs).items():
        official = inspect.signature(fn).parameters
        mine = inspect.signature(getattr(_AggregateCollectionAsync, method)).parameters
        for name, parameter in list(official.items())[1:]:
            ours = _type_names(eval(mine[name].annotation, names))
            expected = _type_names(parameter.annotation)
            path = f"{method}.{name}"
            if path in WIDER_ANNOTATIONS:
                assert ours != expected, f"{path} no longer differs: unlist it"
                continue
            assert ours == expected, path
            compared.add(path)
    assert {"near_text.move_to", "hybrid.bm25_operator", "near_vector.target_vector"} <= compared
