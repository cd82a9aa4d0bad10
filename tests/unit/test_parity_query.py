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

import pytest

from tests.unit import parity_helpers as h
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


SURFACE = h.surface(MODULES)


@pytest.mark.parametrize(("module", "cls_name", "ours"), NAMESPACES, ids=[n[1] for n in NAMESPACES])
def test_namespace_methods_take_the_official_parameters(
    module: str, cls_name: str, ours: type
) -> None:
    theirs = getattr(h.official_module(module), cls_name)
    official, mine = h.public_callables(theirs), h.public_callables(ours)
    assert set(mine) == set(official), cls_name
    for name, fn in official.items():
        assert h.shape(mine[name]) == h.shape(fn), f"{cls_name}.{name}"
    expected = {"bm25", "fetch_objects", "fetch_objects_by_ids", "hybrid", "near_image"}
    expected |= {"near_media", "near_object", "near_text", "near_vector"}
    assert set(official) >= expected


def test_async_methods_are_coroutines_and_sync_ones_are_not() -> None:
    for cls in (_QueryCollectionAsync, _GenerateCollectionAsync):
        assert all(inspect.iscoroutinefunction(f) for f in h.public_callables(cls).values())
    for cls in (_QueryCollection, _GenerateCollection):
        assert not any(inspect.iscoroutinefunction(f) for f in h.public_callables(cls).values())


@pytest.mark.parametrize(
    ("module", "name"),
    [
        pytest.param(ours, name, id=f"{ours}.{name}")
        for official, ours in MODULES.items()
        for name in h.official_names(h.official_module(official))
    ],
)
def test_name_exists_in_both_packages(module: str, name: str) -> None:
    mine = h.get(importlib.import_module(f"weaviate_async.{module}"), name)
    if mine is h.ABSENT and f"{module}.{name}" in PENDING:
        return
    twin = h.get(importlib.import_module(f"weaviate_sync.{module}"), name)
    assert mine is not h.ABSENT, f"weaviate_async.{module}.{name} is missing"
    assert twin is mine, f"weaviate_sync.{module}.{name} is not weaviate_async's object"


def test_surface_matches_the_official_client() -> None:
    problems = []
    for path, official, ours in SURFACE:
        if path in DEVIATIONS or (path in PENDING and ours is h.ABSENT):
            continue
        diff = h.difference(official, ours)
        if diff is not None:
            problems.append(f"{path}: {diff}")
    assert not problems, "\n".join(problems)


def test_listed_deviations_still_differ() -> None:
    paths = {path: (official, ours) for path, official, ours in SURFACE}
    for path in DEVIATIONS:
        assert path in paths, f"{path} is listed but not part of the official surface"
        official, ours = paths[path]
        assert ours is not h.ABSENT, f"{path}: missing, not a deviation"
        assert h.difference(official, ours) is not None, f"{path} no longer differs: unlist it"
    for path in PENDING:
        assert path in paths, f"{path} is listed but not part of the official surface"


def test_result_types_are_dataclasses_with_the_official_fields() -> None:
    official = h.official_module("weaviate.outputs.query")
    ours = importlib.import_module("weaviate_async.outputs.query")
    compared = 0
    for name in h.official_names(official):
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
    assert h.params(_QueryCollectionAsync.near_vector) is not None


def test_iterator_takes_the_official_parameters() -> None:
    from weaviate_async.collections.collection import CollectionAsync
    from weaviate_sync.collections.collection import Collection

    for mine, theirs in (
        (CollectionAsync, h.official_module("weaviate.collections.collection").CollectionAsync),
        (Collection, h.official_module("weaviate.collections.collection").Collection),
    ):
        assert h.shape(mine.iterator) == h.shape(theirs.iterator), mine.__name__
        assert not inspect.iscoroutinefunction(mine.iterator)
    from weaviate_async.collections.iterator import ITERATOR_CACHE_SIZE

    assert (
        ITERATOR_CACHE_SIZE
        == h.official_module("weaviate.collections.iterator").ITERATOR_CACHE_SIZE
    )
