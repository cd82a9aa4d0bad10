"""Drop-in, measured: the public signatures of batch (client.batch, collection.batch, the batch
objects) and their result classes against the installed official client's.

Every difference is listed below with its reason; anything else fails."""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

import pytest

# The official client is a test dependency: its absence is a failure, not a skip.
import weaviate.collections.batch.client as official_client
import weaviate.collections.batch.collection as official_batch
import weaviate.collections.classes.batch as official_models

import weaviate_async.classes.batch as ours_models
from tests.unit import parity_helpers as h
from weaviate_async.collections.batch import base as ours_base
from weaviate_async.collections.batch import wrapper as ours_wrapper

# (our class, official class, async?)
PAIRS: list[tuple[str, Any, Any]] = [
    (
        "collection.batch (async)",
        ours_wrapper._BatchCollectionWrapperAsync,
        official_batch._BatchCollectionWrapperAsync,
    ),
    (
        "client.batch (async)",
        ours_wrapper._BatchClientWrapperAsync,
        official_client._BatchClientWrapperAsync,
    ),
    (
        "collection batch object (async)",
        ours_base._BatchCollectionAsync,
        official_batch.BatchCollectionAsync,
    ),
    ("client batch object (async)", ours_base._BatchClientAsync, official_client.BatchClientAsync),
]

SYNC_PAIRS: list[tuple[str, str, str, Any]] = [
    (
        "collection.batch",
        "weaviate_sync.collections.batch.wrapper",
        "_BatchCollectionWrapper",
        official_batch._BatchCollectionWrapper,
    ),
    (
        "client.batch",
        "weaviate_sync.collections.batch.wrapper",
        "_BatchClientWrapper",
        official_client._BatchClientWrapper,
    ),
    (
        "collection batch object",
        "weaviate_sync.collections.batch.base",
        "_BatchCollection",
        official_batch._BatchCollection,
    ),
    (
        "client batch object",
        "weaviate_sync.collections.batch.base",
        "_BatchClient",
        official_client._BatchClient,
    ),
]

#: name -> reason. A member we add, or a parameter we add (``method(param)``).
DEVIATIONS: dict[str, str] = {
    "dynamic(progress)": "ours alone: an optional progress display (keyword-only, default off)",
    "fixed_size(progress)": "ours alone: an optional progress display (keyword-only, default off)",
    "rate_limit(progress)": "ours alone: an optional progress display (keyword-only, default off)",
    "stream(progress)": "ours alone: an optional progress display (keyword-only, default off)",
    "dynamic": "the official async client offers stream() only; ours has every mode in both",
    "fixed_size": "the official async client offers stream() only; ours has every mode in both",
    "rate_limit": "the official async client offers stream() only; ours has every mode in both",
    "experimental(concurrency)": "as the official sync client's experimental(); the official "
    "async one takes no arguments",
    "__aenter__": "our batch object is its own async context manager (the official one wraps it)",
    "__aexit__": "our batch object is its own async context manager (the official one wraps it)",
    "__enter__": "our batch object is its own context manager (the official one wraps it)",
    "__exit__": "our batch object is its own context manager (the official one wraps it)",
}


def _params(member: Any) -> list[tuple[str, Any, str]] | None:
    fn = member.fget if isinstance(member, property) else member
    if isinstance(fn, (staticmethod, classmethod)):
        fn = fn.__func__
    if not callable(fn):
        return None
    sig = inspect.signature(fn)
    return [
        (p.name, p.kind, "<none>" if p.default is inspect.Parameter.empty else repr(p.default))
        for p in sig.parameters.values()
        if p.name != "self"
    ]


def _compare(ours: Any, theirs: Any) -> list[str]:
    problems: list[str] = []
    mine, official = h.public_static(ours), h.public_static(theirs)
    for name, member in official.items():
        if name in ("__enter__", "__exit__", "__aenter__", "__aexit__"):
            continue
        if name not in mine:
            problems.append(f"missing: {name}")
            continue
        if isinstance(member, property) != isinstance(mine[name], property):
            problems.append(f"{name}: property in one, method in the other")
            continue
        if isinstance(member, property):
            continue
        want, have = _params(member), _params(mine[name])
        if want is None or have is None:
            continue
        have_names = {p[0]: p for p in have}
        for param in want:
            got = have_names.get(param[0])
            if got is None:
                problems.append(f"{name}: missing parameter {param[0]}")
            elif got != param:
                problems.append(f"{name}({param[0]}): {got[1:]} != official {param[1:]}")
        for param in have:
            if param[0] not in {p[0] for p in want} and f"{name}({param[0]})" not in DEVIATIONS:
                problems.append(f"{name}: extra parameter {param[0]}")
    for name in mine:
        if name not in official and name not in DEVIATIONS:
            problems.append(f"extra member: {name}")
    return problems


@pytest.mark.parametrize(("label", "ours", "theirs"), PAIRS, ids=[p[0] for p in PAIRS])
def test_async_batch_signatures(label: str, ours: Any, theirs: Any) -> None:
    assert _compare(ours, theirs) == []


@pytest.mark.parametrize(
    ("label", "module", "name", "theirs"), SYNC_PAIRS, ids=[p[0] for p in SYNC_PAIRS]
)
def test_sync_batch_signatures(label: str, module: str, name: str, theirs: Any) -> None:
    import importlib

    ours = getattr(importlib.import_module(module), name)
    assert _compare(ours, theirs) == []


@pytest.mark.parametrize(
    "name",
    ["BatchObjectReturn", "BatchReferenceReturn", "ErrorObject", "ErrorReference"],
)
def test_result_dataclasses_have_the_official_fields(name: str) -> None:
    ours, theirs = getattr(ours_models, name), getattr(official_models, name)
    assert dataclasses.is_dataclass(ours)
    assert [f.name for f in dataclasses.fields(ours)] == [
        f.name for f in dataclasses.fields(theirs)
    ]


@pytest.mark.parametrize("name", ["BatchObject", "BatchReference", "Shard"])
def test_reported_models_have_the_official_fields(name: str) -> None:
    ours, theirs = getattr(ours_models, name), getattr(official_models, name)
    mine = list(inspect.signature(ours).parameters)
    official = list(inspect.signature(theirs).parameters)
    assert mine == official


def test_batch_result_holds_objs_and_refs() -> None:
    result = ours_models.BatchResult()
    assert isinstance(result.objs, ours_models.BatchObjectReturn)
    assert isinstance(result.refs, ours_models.BatchReferenceReturn)
    assert ours_models.MAX_STORED_RESULTS == official_models.MAX_STORED_RESULTS
