"""Signature parity of the read side with the installed official client (4.24):
``collection.query`` and ``collection.generate`` (async and the generated sync twins), and every
public name of ``weaviate.classes.query``, ``weaviate.classes.generate``,
``weaviate.classes.generics``, ``weaviate.outputs.query`` and ``weaviate.outputs.generate``
(Filter, Sort, GroupBy, Rerank, MetadataQuery, QueryReference, HybridVector, TargetVectors, the
result types ...): the same names at the same paths, and callables with the same parameters
(names, kinds, defaults), through nested factories. Deviations are listed with their reasons;
a listed deviation that no longer differs fails too."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import warnings
from typing import Any

import pytest

from tests.unit.test_official_surface import (
    _ABSENT,
    _difference,
    _get,
    _nodes,
    _official_names,
    _params,
)
from weaviate_async.collections.generate import _GenerateCollectionAsync
from weaviate_async.collections.query import _QueryCollectionAsync
from weaviate_sync.collections.generate import _GenerateCollection
from weaviate_sync.collections.query import _QueryCollection

#: official module -> ours (under weaviate_async and weaviate_sync)
MODULES = {
    "weaviate.classes.query": "classes.query",
    "weaviate.classes.generate": "classes.generate",
    "weaviate.classes.generics": "classes.generics",
    "weaviate.outputs.query": "outputs.query",
    "weaviate.outputs.generate": "outputs.generate",
}

_PYDANTIC_NO_SIGNATURE = (
    "the official pydantic model reports no signature (its annotations name forward "
    "references); it takes these fields as keywords, and ours takes the same keywords"
)
_FILTER_BUILDER = (
    "the constructor of a filter builder, which programs get from Filter.by_*(); ours keeps "
    "the reference path as hops where the official one keeps a target object"
)
_PROMPT = (
    "official declares every option without a default (the factory in GenerativeParameters "
    "fills them); ours defaults each to None, so every official call works"
)

DEVIATIONS: dict[str, str] = {
    "classes.query.QueryNested": _PYDANTIC_NO_SIGNATURE,
    "classes.query.QueryReference": _PYDANTIC_NO_SIGNATURE,
    "classes.query.QueryReference.MultiTarget": _PYDANTIC_NO_SIGNATURE,
    "outputs.query.FilterByCreationTime": _FILTER_BUILDER,
    "outputs.query.FilterById": _FILTER_BUILDER,
    "outputs.query.FilterByProperty": _FILTER_BUILDER,
    "outputs.query.FilterByRef": _FILTER_BUILDER,
    "outputs.query.FilterByUpdateTime": _FILTER_BUILDER,
    "outputs.query.PhoneNumberType": (
        "read model of a returned phone number: a PhoneNumber subclass whose parsed fields "
        "default to empty values (official: every field required)"
    ),
    "outputs.generate.GenerativeConfigRuntime": (
        "ours holds the provider's options in one checked mapping (`options`) encoded from a "
        "table, where the official client has one pydantic class per provider; programs get "
        "it from GenerativeConfig.<provider>(...)"
    ),
    "outputs.generate.GroupedTask": _PROMPT,
    "outputs.generate.SinglePrompt": _PROMPT,
}
#: Official names owned by other work in progress: compared as soon as they exist.
PENDING: dict[str, str] = {}

#: official namespace classes -> ours
NAMESPACES = [
    ("weaviate.collections.query", "_QueryCollectionAsync", _QueryCollectionAsync),
    ("weaviate.collections.query", "_QueryCollection", _QueryCollection),
    ("weaviate.collections.generate", "_GenerateCollectionAsync", _GenerateCollectionAsync),
    ("weaviate.collections.generate", "_GenerateCollection", _GenerateCollection),
]


def _official(module: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return importlib.import_module(module)


def _surface() -> list[tuple[str, Any, Any]]:
    rows: list[tuple[str, Any, Any]] = []
    for official_name, ours_name in MODULES.items():
        official = _official(official_name)
        ours = importlib.import_module(f"weaviate_async.{ours_name}")
        for name in _official_names(official):
            rows.extend(_nodes(f"{ours_name}.{name}", getattr(official, name), _get(ours, name)))
    return rows


SURFACE = _surface()


def _shape(fn: Any) -> list[tuple[str, Any, Any]]:
    params = list(inspect.signature(fn).parameters.values())[1:]  # without self
    return [(p.name, p.kind, p.default) for p in params]


def _methods(cls: type) -> dict[str, Any]:
    return {
        name: member
        for name, member in inspect.getmembers(cls)
        if not name.startswith("_") and callable(member)
    }


@pytest.mark.parametrize(("module", "cls_name", "ours"), NAMESPACES, ids=[n[1] for n in NAMESPACES])
def test_namespace_methods_take_the_official_parameters(
    module: str, cls_name: str, ours: type
) -> None:
    theirs = getattr(_official(module), cls_name)
    official, mine = _methods(theirs), _methods(ours)
    assert set(mine) == set(official), cls_name
    for name, fn in official.items():
        assert _shape(mine[name]) == _shape(fn), f"{cls_name}.{name}"
    expected = {"bm25", "fetch_objects", "fetch_objects_by_ids", "hybrid", "near_image"}
    expected |= {"near_media", "near_object", "near_text", "near_vector"}
    assert set(official) >= expected


def test_async_methods_are_coroutines_and_sync_ones_are_not() -> None:
    for cls in (_QueryCollectionAsync, _GenerateCollectionAsync):
        assert all(inspect.iscoroutinefunction(f) for f in _methods(cls).values())
    for cls in (_QueryCollection, _GenerateCollection):
        assert not any(inspect.iscoroutinefunction(f) for f in _methods(cls).values())


@pytest.mark.parametrize(
    ("module", "name"),
    [
        pytest.param(ours, name, id=f"{ours}.{name}")
        for official, ours in MODULES.items()
        for name in _official_names(_official(official))
    ],
)
def test_name_exists_in_both_packages(module: str, name: str) -> None:
    mine = _get(importlib.import_module(f"weaviate_async.{module}"), name)
    if mine is _ABSENT and f"{module}.{name}" in PENDING:
        return
    twin = _get(importlib.import_module(f"weaviate_sync.{module}"), name)
    assert mine is not _ABSENT, f"weaviate_async.{module}.{name} is missing"
    assert twin is mine, f"weaviate_sync.{module}.{name} is not weaviate_async's object"


def test_surface_matches_the_official_client() -> None:
    problems = []
    for path, official, ours in SURFACE:
        if path in DEVIATIONS or (path in PENDING and ours is _ABSENT):
            continue
        diff = _difference(official, ours)
        if diff is not None:
            problems.append(f"{path}: {diff}")
    assert not problems, "\n".join(problems)


def test_listed_deviations_still_differ() -> None:
    paths = {path: (official, ours) for path, official, ours in SURFACE}
    for path in DEVIATIONS:
        assert path in paths, f"{path} is listed but not part of the official surface"
        official, ours = paths[path]
        assert ours is not _ABSENT, f"{path}: missing, not a deviation"
        assert _difference(official, ours) is not None, f"{path} no longer differs: unlist it"
    for path in PENDING:
        assert path in paths, f"{path} is listed but not part of the official surface"


def test_result_types_are_dataclasses_with_the_official_fields() -> None:
    official = _official("weaviate.outputs.query")
    ours = importlib.import_module("weaviate_async.outputs.query")
    compared = 0
    for name in _official_names(official):
        theirs = getattr(official, name)
        if isinstance(theirs, type) and dataclasses.is_dataclass(theirs):
            mine = getattr(ours, name)
            assert dataclasses.is_dataclass(mine), name
            assert [f.name for f in dataclasses.fields(mine)] == [
                f.name for f in dataclasses.fields(theirs)
            ], name
            compared += 1
    assert compared >= 10


def test_the_surface_is_big_enough_to_mean_something() -> None:
    paths = {path for path, _, _ in SURFACE}
    assert "classes.query.TargetVectors.manual_weights" in paths
    assert "classes.query.GenerativeConfig.openai" in paths
    assert "classes.query.Boost.time_decay" in paths
    assert "classes.generate.GenerativeParameters.single_prompt" in paths
    assert "outputs.query.QueryReturn" in paths
    assert len(paths) > 100
    assert _params(_QueryCollectionAsync.near_vector) is not None


def test_iterator_takes_the_official_parameters() -> None:
    from weaviate_async.collections.collection import CollectionAsync
    from weaviate_sync.collections.collection import Collection

    for mine, theirs in (
        (CollectionAsync, _official("weaviate.collections.collection").CollectionAsync),
        (Collection, _official("weaviate.collections.collection").Collection),
    ):
        assert _shape(mine.iterator) == _shape(theirs.iterator), mine.__name__
        assert not inspect.iscoroutinefunction(mine.iterator)
    from weaviate_async.collections.iterator import ITERATOR_CACHE_SIZE

    assert ITERATOR_CACHE_SIZE == _official("weaviate.collections.iterator").ITERATOR_CACHE_SIZE
